"""Shared fixtures: the real bundled panel, scenario writers and CLI runners (no mocks)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import sim
from sim.cli.main import main
from sim.inputs.panel import DEFAULT_PANEL

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
FOUNDING = SCENARIOS / "inner_mongolia_6pct.yaml"
#: Charts of the founding scenario's report without --paths (it has sweep and sensitivity sections).
RUN_CHARTS = [
    "bump",
    "trajectories",
    "gap",
    "race",
    "passes",
    "solve_curve",
    "sweep_line",  # the lead section: reach year against the lead over the nation
    "sweep_heatmap",
    "thresholds",
    "tornado",
    "sobol",
]


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture(scope="session")
def panel() -> sim.Panel:
    return sim.load_panel()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a text file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``ranksim`` in-process and capture exit code, stdout, stderr."""

    def _run(*argv: str) -> CliResult:
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return _run


def run_subprocess(*argv: str, cwd: Path | None = None) -> CliResult:
    """Run ``python -m sim`` in a fresh interpreter (what a planner's shell does)."""
    proc = subprocess.run(
        [sys.executable, "-m", "sim", *map(str, argv)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def panel_rows() -> list[str]:
    return DEFAULT_PANEL.read_text(encoding="utf-8").splitlines()


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests (and the subprocesses they start) use their own scenario cache, never the user's."""
    os.environ["RANKSIM_CACHE_DIR"] = str(tmp_path_factory.mktemp("ranksim-cache"))
    yield
