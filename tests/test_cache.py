"""The scenario cache (issue 23): it records the hash of the bytes it parsed, its entries carry a
digest and are read only as small regular files of this user, its key changes with ranksim's
version and the input layer's code, entries are private, and only the command line uses it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import sim
from sim.inputs import scenario_file
from tests.conftest import FOUNDING, ROOT


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RANKSIM_CACHE_DIR", str(folder))
    return folder


def _scenario(tmp_path: Path, growth: float) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(
        f"name: s\ntarget: Inner Mongolia\nprovinces:\n  Inner Mongolia: {{real_growth: {growth}}}\n",
        encoding="utf-8",
    )
    return path


def _growth(path: Path) -> float:
    with scenario_file.scenario_cache():
        scenario = sim.load_scenario(path)
        return scenario.provinces[scenario.target][0]


def test_a_file_saved_while_it_is_parsed_is_not_cached_as_the_new_one(tmp_path, cache, monkeypatch):
    from sim.inputs import yamlio

    path = _scenario(tmp_path, 6.0)
    parse = yamlio.YAML.load

    def parse_then_save(self, text):  # the planner saves 9.0 while this run parses 6.0
        node = parse(self, text)
        path.write_text(path.read_text(encoding="utf-8").replace("6.0", "9.0"), encoding="utf-8")
        return node

    monkeypatch.setattr(yamlio.YAML, "load", parse_then_save)
    assert _growth(path) == 6.0  # what was read
    monkeypatch.setattr(yamlio.YAML, "load", parse)
    assert _growth(path) == 9.0  # the file now: never the stale entry


def test_an_edited_entry_is_not_trusted(tmp_path, cache):
    path = _scenario(tmp_path, 6.0)
    assert _growth(path) == 6.0
    entry = scenario_file._cache_file(path)
    text = entry.read_text(encoding="utf-8")
    assert text.count("6.0") == 1
    entry.write_text(text.replace("6.0", "9.5"), encoding="utf-8")
    assert _growth(path) == 6.0


@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero", "too large"])
def test_an_entry_that_is_not_a_small_regular_file_is_ignored(tmp_path, kind):
    """In a subprocess with a time limit: a FIFO entry used to hang the run."""
    path = _scenario(tmp_path, 6.0)
    env = {**os.environ, "RANKSIM_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "sim", "validate", str(path)], env=env, check=True, timeout=120)
    os.environ["RANKSIM_CACHE_DIR"], before = str(tmp_path / "cache"), os.environ["RANKSIM_CACHE_DIR"]
    try:
        entry = scenario_file._cache_file(path)
    finally:
        os.environ["RANKSIM_CACHE_DIR"] = before
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "too large":
        entry.write_bytes(b" " * (scenario_file.MAX_ENTRY + 1))
    else:
        entry.symlink_to("/dev/zero")
    res = subprocess.run([sys.executable, "-m", "sim", "run", str(path), "--json"], env=env,
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert '"reach_year"' in res.stdout


def test_entries_are_private(tmp_path, cache):
    path = _scenario(tmp_path, 6.0)
    old = os.umask(0o022)
    try:
        _growth(path)
    finally:
        os.umask(old)
    entry = scenario_file._cache_file(path)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert [p.name for p in cache.iterdir()] == [entry.name]  # no temporary left


def test_the_key_changes_with_the_version_and_any_input_module(monkeypatch):
    import sim.provenance

    def fingerprint() -> str:
        scenario_file._format_fingerprint.cache_clear()
        return scenario_file._format_fingerprint()

    try:
        base = fingerprint()
        monkeypatch.setattr(sim.provenance, "version", lambda: "99.0")
        assert fingerprint() != base
        monkeypatch.undo()
        assert fingerprint() == base
        panel_py = (ROOT / "sim" / "inputs" / "panel.py").resolve()
        read = Path.read_bytes
        monkeypatch.setattr(Path, "read_bytes", lambda p: read(p) + b"#" if p == panel_py else read(p))
        assert fingerprint() != base  # panel.py was not part of the key before
    finally:
        monkeypatch.undo()
        scenario_file._format_fingerprint.cache_clear()


def test_the_library_writes_no_cache_and_the_command_line_does(tmp_path):
    env = {**os.environ, "RANKSIM_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    code = f"import sim\nsim.load_scenario({str(FOUNDING)!r})\n"
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    assert not (tmp_path / "cache").exists()
    subprocess.run([sys.executable, "-m", "sim", "validate", str(FOUNDING)], env=env, check=True, timeout=120,
                   capture_output=True)  # fmt: skip
    entries = sorted(p.name.split("-")[0] for p in (tmp_path / "cache").iterdir())
    assert entries == ["presets", "scenario"]  # the scenario and the national presets it read
