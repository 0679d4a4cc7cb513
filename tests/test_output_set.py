"""The output set is written in one step (issue 23): staged in full inside the output folder,
committed by one rename, moved into place with Ctrl-C deferred; what killed runs left behind is
finished or removed by the next write.

The interrupt tests slow every rename to 0.4 s (in the subprocess only) so the signal lands in
the middle of the move, as in the review that found the mixed folders.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sim.cli.main import main
from tests.conftest import FOUNDING, ROOT

#: Runs `ranksim` (argv after the script) with every os.replace into RANKSIM_TEST_OUT slowed
#: to 0.4 s; the first one touches the file named by RANKSIM_TEST_MARK.
SLOW_RENAMES = """
import os, sys, time
real = os.replace
def slow(a, b):
    if os.path.dirname(os.fspath(b)) == os.environ["RANKSIM_TEST_OUT"]:
        open(os.environ["RANKSIM_TEST_MARK"], "a").close()
        time.sleep(0.4)
    real(a, b)
os.replace = slow
from sim.cli.main import entry
sys.argv = ["ranksim", *sys.argv[1:]]
entry()
"""


def _scenario(folder: Path, growth: float) -> Path:
    path = folder / f"g{growth:g}.yaml"
    path.write_text(
        f"name: g{growth:g}\nextends: {FOUNDING}\nprovinces:\n  Inner Mongolia: {{real_growth: {growth}}}\n"
    )
    return path


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def _slow_run(tmp_path: Path, scenario: Path, out: Path) -> tuple[subprocess.Popen, Path]:
    mark = tmp_path / "renaming"
    env = {
        **os.environ,
        "RANKSIM_TEST_MARK": str(mark),
        "RANKSIM_TEST_OUT": str(out),
        "PYTHONPATH": str(ROOT),
    }
    argv = [sys.executable, "-c", SLOW_RENAMES, "run", str(scenario), "--out", str(out), "--xlsx"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 120
    while not mark.exists():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.02)
    time.sleep(0.1)  # inside the first (slowed) rename
    return proc, mark


@pytest.fixture
def old_set(tmp_path) -> tuple[Path, dict[str, bytes]]:
    """An output folder holding a complete set of `run` at 6 % (with the workbook)."""
    out = tmp_path / "out"
    assert main(["run", str(_scenario(tmp_path, 6)), "--out", str(out), "--xlsx"]) == 0
    return out, _files(out)


@pytest.mark.slow
def test_ctrl_c_during_the_move_finishes_the_set_then_exits_130(tmp_path, old_set):
    out, old = old_set
    proc, _ = _slow_run(tmp_path, _scenario(tmp_path, 7), out)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert stderr == f"interrupted (after writing {len(old)} files in full)\n"
    new = _files(out)
    assert new.keys() == old.keys() and all(new[k] != old[k] for k in old)  # every file is new
    assert sorted(p.name for p in out.iterdir()) == sorted(old)  # no staging left


@pytest.mark.slow
def test_a_run_killed_during_the_move_is_finished_by_the_next_write(tmp_path, old_set):
    out, old = old_set
    proc, _ = _slow_run(tmp_path, _scenario(tmp_path, 7), out)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    ready = [p for p in out.iterdir() if p.name.endswith(".ready")]
    assert len(ready) == 1  # the complete new set, committed before the kill
    # any later write into the folder first finishes the move
    assert main(["run", str(FOUNDING), "--out", str(out), "--name", "other", "--no-report"]) == 0
    new = {k: v for k, v in _files(out).items() if k in old}
    assert new.keys() == old.keys() and all(new[k] != old[k] for k in old), "a mix of old and new"
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.mark.slow
def test_a_run_killed_while_staging_leaves_the_old_set_and_its_staging_is_removed(tmp_path, old_set):
    out, old = old_set
    big = _scenario(tmp_path, 7)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "sim", "montecarlo", str(big), "--paths", "20000000", "--out", str(out)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    time.sleep(3)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert _files(out) == old


def test_stale_staging_of_dead_runs_is_removed(tmp_path, old_set):
    out, old = old_set
    dead = 4_194_304 + 1  # above Linux's largest process id: never running
    (out / ".run.json.abcd1234.tmp").write_text("left by an older ranksim")
    (out / f".run.csv.{dead}.abcd1234.tmp").write_text("left by a killed run")
    (out / f".ranksim.{dead}.abcd1234.tmp").mkdir()
    (out / f".ranksim.{dead}.abcd1234.tmp" / "run.json").write_text("half")
    alive = out / f".ranksim.{os.getpid()}.abcd1234.tmp"  # a run still staging: left alone
    alive.mkdir()
    (out / ".notes.abcd1234.tmp").write_text("not ranksim's")  # a name ranksim does not write
    assert main(["run", str(FOUNDING), "--out", str(out), "--xlsx"]) == 0
    left = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert left == [".notes.abcd1234.tmp", alive.name]
    assert sorted(_files(out)) == sorted([*old, ".notes.abcd1234.tmp"])
