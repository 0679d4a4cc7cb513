"""Same inputs and seed, byte-identical JSON across separate runs; provenance in every document."""

from __future__ import annotations

import hashlib
import json

import pytest

from sim.inputs.panel import DEFAULT_NATIONAL, DEFAULT_PANEL
from tests.conftest import FOUNDING, run_subprocess

COMMANDS = {
    "run": ["run", str(FOUNDING), "--json", "--paths", "2000", "--seed", "5"],
    "montecarlo": ["montecarlo", str(FOUNDING), "--json", "--paths", "5000", "--seed", "5", "--quiet"],
    "backtest": [
        "backtest",
        str(FOUNDING),
        "--from",
        "2010:2013",
        "--horizon",
        "3",
        "--paths",
        "300",
        "--seed",
        "5",
        "--json",
    ],
    "sweep": ["sweep", str(FOUNDING), "--json"],
    "sensitivity": ["sensitivity", str(FOUNDING), "--json", "--seed", "5"],
    "solve": [
        "solve",
        str(FOUNDING),
        "--by",
        "2032",
        "--probability",
        "0.6",
        "--paths",
        "2000",
        "--seed",
        "5",
        "--json",
    ],
}


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_byte_identical_json_and_provenance(name):
    argv = COMMANDS[name]
    first = run_subprocess(*argv)
    second = run_subprocess(*argv)
    assert first.code == 0, first.err
    assert first.out == second.out  # byte-identical across processes
    doc = json.loads(first.out)
    prov = doc["provenance"]
    assert prov["ranksim_version"]
    assert prov["command"] == ["ranksim", *argv]
    files = {f["path"]: f["sha256"] for f in prov["files"]}
    assert files[str(FOUNDING)] == _sha(FOUNDING)
    assert files[str(DEFAULT_PANEL)] == _sha(DEFAULT_PANEL)
    assert files[str(DEFAULT_NATIONAL)] == _sha(DEFAULT_NATIONAL)
    if "--seed" in argv and name != "sweep":
        assert prov["seed"] == 5


def test_different_seed_changes_monte_carlo(cli):
    a = cli("montecarlo", FOUNDING, "--json", "--paths", "3000", "--seed", "1").json()
    b = cli("montecarlo", FOUNDING, "--json", "--paths", "3000", "--seed", "2").json()
    assert a["reach_probability"] != b["reach_probability"]


def test_report_records_provenance(cli, tmp_path):
    res = cli("run", FOUNDING, "--paths", "1000", "--seed", "9", "--out", tmp_path)
    assert res.code == 0
    html = (tmp_path / "run.html").read_text(encoding="utf-8")
    assert _sha(FOUNDING) in html and _sha(DEFAULT_PANEL) in html
    assert "seed: 9" in html and "ranksim 0." in html and "--paths 1000" in html
