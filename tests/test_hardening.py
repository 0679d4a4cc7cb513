"""Issue 14, from a planner's trial: every case through the CLI in a subprocess (and the
library where a closed-form or round-trip answer exists), on the bundled data.

Cases: a target already inside the threshold (solve, run, montecarlo), the search range's
bound, sweeps that shift, years asked, growth beyond history, Ctrl-C, a failed write, an
unwritable --out, several errors in one file, region names and short forms, output defects.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from sim.analyses.montecarlo import simulate
from sim.cli.main import main
from sim.engine.projection import project
from sim.model.scenario import load_scenario
from tests.conftest import run_subprocess

ROOT = Path(__file__).resolve().parent.parent
FOUNDING = ROOT / "scenarios" / "inner_mongolia_6pct.yaml"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def inside(tmp_path) -> Path:
    """Chongqing, rank 16 of 31 in 2025, with threshold 16: already inside in the base year."""
    return _write(tmp_path, "inside.yaml", f"name: Chongqing stays\nextends: {FOUNDING}\ntarget: Chongqing\n")


# ---------------------------------------------------------------- a target already inside


def test_solve_answers_the_stay_inside_question(inside):
    res = run_subprocess("solve", inside, "--by", "2035")
    assert res.code == 0, res.err
    first = res.out.splitlines()[0]
    assert first.startswith("To stay within rank 16 in every year through 2035, Chongqing needs a constant")
    assert "-10.00%" not in res.out  # the bottom of the search range is never printed as an answer
    required = float(re.search(r"at least (-?[\d.]+)%", first).group(1))
    assert required == 3.37
    # round trip: that growth keeps it inside every year through 2035, 0.01 less does not
    sc = load_scenario(inside)
    key = "provinces.Chongqing.real_growth"
    for growth, stays in ((required, True), (round(required - 0.01, 2), False)):
        ranks = project(sc.with_changes({key: growth})).target_rank[: 2035 - 2025 + 1]
        assert bool((ranks <= 16).all()) is stays, (growth, ranks)
    doc = json.loads(run_subprocess("solve", inside, "--by", "2035", "--json").out)
    assert doc["question"] == "stay" and doc["required_real_growth_pct"] == required
    assert doc["at_search_bound"] is None
    guide = Path(__file__).resolve().parent.parent / "docs" / "guide"
    page = (guide / "en" / "commands.md").read_text(encoding="utf-8")
    quoted = re.search(r"Chongqing needs a\s+constant real growth\s+of at least (-?[\d.]+)% a year", page)
    assert quoted is not None and required == float(quoted.group(1))  # the guide's figure
    zh = (guide / "zh" / "commands.md").read_text(encoding="utf-8")
    assert f"至少需要约{required}%" in zh  # and the Chinese guide's


def test_solve_says_when_the_bottom_of_the_search_range_already_reaches(tmp_path):
    # Beijing (rank 12 in 2025) shrinking 25 % a year: Hebei (13th, 5 % behind, 35 % ahead of
    # Shaanxi) passes it whatever it does
    path = _write(
        tmp_path,
        "collapse.yaml",
        f"name: collapse\nextends: {FOUNDING}\ntarget: Hebei\nthreshold_rank: 12\n"
        "provinces:\n  Beijing: {real_growth: -25}\n",
    )
    res = run_subprocess("solve", path, "--by", "2030")
    assert res.code == 0, res.err
    assert "even at -10% real growth a year, the bottom of the range searched" in res.out
    assert "needs a constant real growth of -10.00%" not in res.out
    doc = json.loads(run_subprocess("solve", path, "--by", "2030", "--json").out)
    assert doc["at_search_bound"] == "low" and doc["question"] == "reach"


def test_stays_until_is_the_horizon_for_a_target_that_never_leaves(write):
    """JSON ``stays_until`` (commands.md): the horizon for a target inside from the base year to
    the end, null for one that starts outside."""
    through = write("t20.yaml", f"extends: {FOUNDING}\nname: top 20\nthreshold_rank: 20\n")
    proj = project(load_scenario(through))
    assert (proj.target_rank <= 20).all() and proj.stays_until == 2040
    doc = json.loads(run_subprocess("run", through, "--json").out)
    assert doc["stays_until"] == 2040 and doc["reach_year"] == 2025


def test_run_says_already_inside_and_how_long_it_stays(inside):
    res = run_subprocess("run", inside, "--no-report")
    assert res.code == 0, res.err
    proj = project(load_scenario(inside))
    ranks = dict(zip(proj.years.tolist(), proj.target_rank.tolist(), strict=True))
    until = proj.stays_until
    assert until == 2035  # Inner Mongolia passes it in 2036
    assert ranks[2025] <= 16 and ranks[until] <= 16 and ranks[until + 1] > 16
    assert f"is already within rank 16 in 2025; it stays inside until {until}, then drops out." in res.out
    assert f"reach year: already inside in 2025; stays inside until {until}" in res.out
    doc = json.loads(run_subprocess("run", inside, "--json").out)
    assert doc["stays_until"] == until and doc["reach_year"] == 2025
    zh = run_subprocess("run", inside, "--lang", "zh").out
    assert f"保持在前16位至{until}年" in zh


def test_montecarlo_reports_staying_inside_not_a_certain_reach(inside):
    res = run_subprocess("montecarlo", inside, "--paths", "4000", "--seed", "3", "--quiet")
    assert res.code == 0, res.err
    line = res.out.splitlines()[-1]
    assert "already inside in 2025; P(inside every year) through 2027:" in line
    assert "P(reach)" not in line and "100.0%" not in line
    doc = json.loads(run_subprocess("montecarlo", inside, "--paths", "4000", "--seed", "3", "--json").out)
    stay, band = doc["stay_probability"], doc["in_band_probability"]
    years = sorted(stay)
    assert all(stay[a] >= stay[b] for a, b in zip(years, years[1:], strict=False))  # never rises
    assert all(stay[y] <= band[y] + 1e-12 for y in years)  # inside every year <= inside that year
    assert stay["2026"] == pytest.approx(band["2026"])  # one projected year: the same event
    assert doc["deterministic_stays_until"] == project(load_scenario(inside)).stays_until


def test_stay_probability_counts_paths_exactly(inside):
    """The mirrored count (first year outside) equals a direct count over explicit paths."""
    from sim.analyses.montecarlo import draw_paths, log_gaps

    sc = load_scenario(inside)
    mc = simulate(sc, 3000, seed=11, compiled=False)
    twin = simulate(sc, 3000, seed=11, compiled=True)
    np.testing.assert_array_equal(mc.exit_counts, twin.exit_counts)
    draws = draw_paths(sc, np.random.default_rng(11))(3000)
    gap0 = log_gaps(project(sc))
    shocks = np.cumsum(draws.yearly(), axis=1)  # (P, T, N) relative to the target
    gaps = np.concatenate([np.broadcast_to(gap0[0], (3000, 1, gap0.shape[1])), gap0[1:] + shocks], axis=1)
    if draws.offsets is not None:  # per-path offsets (estimated spreads, national path)
        gaps = gaps + draws.offsets.table[draws.offsets.idx]
    ranks = 1 + (gaps > 0).sum(axis=2)
    inside_all = np.cumprod(ranks <= sc.threshold_rank, axis=1).mean(axis=0)
    np.testing.assert_allclose(mc.stay_probability(), inside_all)


def test_a_target_outside_has_no_stay_fields():
    doc = json.loads(run_subprocess("montecarlo", FOUNDING, "--paths", "200", "--json").out)
    assert "stay_probability" not in doc and doc["reach_probability"]
    assert json.loads(run_subprocess("run", FOUNDING, "--json").out)["stays_until"] is None


# ---------------------------------------------------------------- sweeps and years


def test_sweep_marks_shifts_and_shows_every_year_asked():
    res = run_subprocess(
        "sweep", FOUNDING, "--shift", "provinces.Inner Mongolia.deflator=-3:0:1", "--years", "2028", "2031"
    )
    assert res.code == 0, res.err
    head, *rows = res.out.splitlines()[1:]
    assert "provinces.Inner Mongolia.deflator (shift)" in head
    assert "rank 2028" in head and "rank 2031" in head and "rank 2040" in head
    assert [r.split()[0:2] for r in rows] == [["-3", "pp"], ["-2", "pp"], ["-1", "pp"], ["+0", "pp"]]
    # every value sits under its label (right-aligned to the label's end)
    end = head.index("(shift)") + len("(shift)")
    assert all(r[:end].endswith("pp") for r in rows)


# ---------------------------------------------------------------- growth beyond history


def test_growth_outside_history_warns_and_strict_refuses(tmp_path):
    path = _write(
        tmp_path,
        "fast.yaml",
        f"name: fast\nextends: {FOUNDING}\nprovinces:\n  Inner Mongolia:\n    real_growth: 25\n",
    )
    res = run_subprocess("run", path, "--no-report")
    assert res.code == 0
    assert f"{path}:5: provinces.15.real_growth: warning: a real-growth lead of" in res.err
    strict = run_subprocess("run", path, "--strict")
    assert strict.code == 2 and "(an error with --strict)" in strict.err


# ---------------------------------------------------------------- interrupted and failed runs


@pytest.mark.slow
def test_ctrl_c_during_the_monte_carlo_kernel_exits_130_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "sim", "montecarlo", str(FOUNDING), "--paths", "20000000", "--quiet"]
    pipe = subprocess.PIPE
    proc = subprocess.Popen([*cmd, "--out", str(out)], stdout=pipe, stderr=pipe, text=True)
    time.sleep(4.0)  # start-up, numba and well into the kernel
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert stderr == "interrupted\n" and stdout == ""
    assert not out.exists()


def test_a_failed_write_leaves_the_old_results_whole(tmp_path):
    out = tmp_path / "out"
    assert main(["run", str(FOUNDING), "--out", str(out), "--no-report"]) == 0
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "run.json").unlink()
    (out / "run.json").mkdir()  # the last file cannot be replaced
    other = _write(tmp_path, "other.yaml", f"name: other\nextends: {FOUNDING}\nthreshold_rank: 10\n")
    res = run_subprocess("run", other, "--out", out, "--no-report")
    assert res.code == 2 and res.err.count("\n") == 1
    assert res.err.startswith(f"--out: cannot write {out / 'run.json'}: a folder has that name")
    assert (out / "run.csv").read_bytes() == old["run.csv"]
    assert (out / "run_passes.csv").read_bytes() == old["run_passes.csv"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no staged files left


def test_an_unwritable_out_fails_before_the_computation(tmp_path):
    blocker = _write(tmp_path, "blocker", "a file\n")
    start = time.perf_counter()
    res = run_subprocess("montecarlo", FOUNDING, "--paths", "5000000", "--out", blocker / "out")
    assert res.code == 2 and time.perf_counter() - start < 5  # 5 M paths would take far longer
    assert res.err == f"--out: {blocker / 'out'} cannot be created: {blocker} is a file, not a folder\n"


# ---------------------------------------------------------------- messages


def test_every_error_of_a_file_in_line_order(tmp_path):
    path = _write(
        tmp_path,
        "many.yaml",
        "name: many\n"
        "provinces:\n"
        "  Atlantis: {real_growth: 5}\n"  # 3
        "  Inner Mongolai: {real_growth: 6}\n"  # 4
        "horizon: 2040.5\n"  # 5
        "nationl: {}\n"  # 6
        "others:\n"
        "  half_lfe: 3\n",  # 8
    )
    res = run_subprocess("run", path)
    assert res.code == 2 and res.out == ""
    lines = res.err.splitlines()
    assert [int(x.split(":")[1]) for x in lines] == [3, 4, 5, 6, 8], res.err
    assert all(x.startswith(f"{path}:") for x in lines)
    assert "unknown province 'Atlantis'" in lines[0] and "did you mean 'Inner Mongolia'?" in lines[1]
    assert "horizon: must be a whole number" in lines[2] and "did you mean 'half_life'?" in lines[4]
    # the range checks after the schema, together too
    text = "name: later\nthreshold_rank: 40\nbase_year: 2024\nhorizon: 2000\n"
    later = _write(tmp_path, "later.yaml", text)
    res = run_subprocess("validate", later)
    assert res.code == 2 and [int(x.split(":")[1]) for x in res.err.splitlines()] == [2, 4], res.err


def test_full_width_punctuation_on_several_lines_is_reported_line_by_line(tmp_path):
    text = "name: fw\ntarget： Guangxi\n# a note： fine in a comment\nhorizon： 2035\n"
    path = _write(tmp_path, "fw.yaml", text)
    res = run_subprocess("run", path)
    assert res.code == 2
    assert res.err.splitlines() == [
        f"{path}:2: YAML syntax: full-width '：' at column 7 (typed with a Chinese input method); use ':'",
        f"{path}:4: YAML syntax: full-width '：' at column 8 (typed with a Chinese input method); use ':'",
    ]


@pytest.mark.parametrize(
    "name", ["内蒙", "内蒙古自治区", "Inner Mongolia Autonomous Region", "inner mongolia", "15"]
)
def test_documented_region_forms_are_the_same_region(tmp_path, name):
    path = _write(tmp_path, "t.yaml", f"name: t\nextends: {FOUNDING}\ntarget: {name}\n")
    doc = json.loads(run_subprocess("run", path, "--json").out)
    assert doc["target"]["code"] == "15" and doc["reach_year"] == 2036


@pytest.mark.slow
def test_no_parser_jargon_and_always_a_line_for_broken_copies_of_a_real_scenario(tmp_path, capsys):
    """Class check: every line of the founding scenario broken four ways (one more space of
    indentation, its first ':' removed or typed full-width, a tab in front): whatever fails
    fails with exit 2 and lines that each name file:line, in a planner's words."""
    from tests.test_bad_inputs import PARSER_JARGON

    text = FOUNDING.read_text(encoding="utf-8").splitlines()
    failures = 0
    for n, line in enumerate(text):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        for broken in (" " + line, line.replace(":", "", 1), line.replace(":", "：", 1), "\t" + line):
            lines = [*text[:n], broken, *text[n + 1 :]]
            path = tmp_path / "broken.yaml"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            code = main(["validate", str(path)])
            err = capsys.readouterr().err
            if code == 0:
                continue
            failures += 1
            assert code == 2, err
            for row in err.splitlines():
                assert re.match(rf"{re.escape(str(path))}:\d+: ", row), row
                assert not [w for w in PARSER_JARGON if w in row], row
    assert failures > 50


def test_output_defects(tmp_path):
    one = run_subprocess("montecarlo", FOUNDING, "--paths", "1", "--quiet").out
    assert "(1 path," in one
    bt = run_subprocess("backtest", "--from", "2010:2011", "--quiet").out.splitlines()
    rows = [r for r in bt if re.match(r"  [a-z_]+ +\d", r)]
    assert len(rows) == 4 and len({r.index(".") for r in rows}) == 1, bt  # numbers aligned
    assert not re.search(r"\b20\d\d\.\d", run_subprocess("run", FOUNDING, "--paths", "200", "--quiet").out)
