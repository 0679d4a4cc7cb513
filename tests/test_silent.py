"""Nothing moves silently: a preliminary figure that overrides a written value warns (an error
under --strict); a copy of the bundled panel answers as the original; a panel without a national
series says, once, that the nation is the sum of its regions."""

from __future__ import annotations

import csv
import shutil
import warnings

import numpy as np
import pytest

import sim
from sim.inputs.panel import DEFAULT_PANEL
from sim.inputs.scope import is_provincial_code
from tests.conftest import FOUNDING

IM_2025 = 26710.3  # Inner Mongolia's 2025 GDP in the bundled panel (preliminary)


def _pinned(write, deflator: str = "    deflator: -3.0\n") -> object:
    return write(
        "pin.yaml",
        f"extends: {FOUNDING}\nname: pinned\nbase_year: 2024\nothers: {{window: [2020, 2024]}}\n"
        "national: {preset: null, real_growth: 4.5, deflator: 1.0}\n"
        f"provinces:\n  Inner Mongolia:\n    real_growth: 6.0\n{deflator}    gdp: {{2025: {IM_2025}}}\n",
    )


def test_a_preliminary_figure_over_a_written_deflator_warns(write, cli):
    path = _pinned(write)
    with pytest.warns(sim.RanksimWarning, match=r"deflator written for 2025 \(-3 %\) is overridden"):
        sc = sim.load_scenario(path)
    implied = float(np.expm1(sim.project(sc).growth.deflator[0, sc.target]) * 100)
    assert f"implies {implied:.2f} %" in str(sc.warnings[0]) and ":9: provinces.15.deflator" in str(sc.warnings[0])
    res = cli("run", path)
    assert res.code == 0 and "overridden by the preliminary GDP figure" in res.err
    for argv in (("run", path, "--strict"), ("validate", path, "--strict")):
        res = cli(*argv)
        assert res.code == 2 and "overridden" in res.err and "--strict" in res.err, argv
    assert "被2025年的初步核算GDP" in cli("run", path, "--lang", "zh").err


def test_no_warning_where_nothing_written_is_overridden(write):
    for deflator in ("", "    deflator: {2026: -3.0, 2030: 1.0}\n", "    shift: {deflator: {2027: 1.0}}\n"):
        with warnings.catch_warnings():
            warnings.simplefilter("error", sim.RanksimWarning)
            sc = sim.load_scenario(_pinned(write, deflator))
        assert not [w for w in sc.warnings if "overridden" in str(w)], deflator


def test_a_shift_over_a_preliminary_year_warns_too(write):
    with pytest.warns(sim.RanksimWarning, match=r"\(\+1 points\) is overridden"):
        sim.load_scenario(_pinned(write, "    shift: {deflator: {2025: 1.0}}\n"))


@pytest.fixture
def copied(tmp_path):
    """The founding scenario on a byte-for-byte copy of the bundled panel, in another folder."""
    shutil.copyfile(DEFAULT_PANEL, tmp_path / "my_panel.csv")
    path = tmp_path / "copy.yaml"
    path.write_text(f"extends: {FOUNDING}\ndata: my_panel.csv\n", encoding="utf-8")
    return path


def test_a_copy_of_the_bundled_panel_answers_exactly_as_the_original(copied, cli):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        original, copy = sim.load_scenario(FOUNDING), sim.load_scenario(copied)
    assert copy.panel.path != original.panel.path and copy.panel.is_bundled
    assert copy.panel.national.path == original.panel.national.path  # the nation: the national accounts
    a, b = sim.project(original), sim.project(copy)
    np.testing.assert_array_equal(a.gdp, b.gdp)
    assert a.reach_year == b.reach_year and a.passes == b.passes
    res = cli("run", copied, "--json")
    assert res.code == 0 and "sum of its" not in res.err
    assert res.json()["reach_year"] == a.reach_year
    assert cli("diff", FOUNDING, copied, "--json").json()["changes"] == []  # the same data: no change


def test_a_panel_without_a_national_series_says_so_once(tmp_path, cli):
    rows = list(csv.reader(DEFAULT_PANEL.open(encoding="utf-8-sig")))
    col = rows[0].index("gdp_nominal_100m_yuan")
    rows[1][col] = str(float(rows[1][col]) + 1.0)  # one figure revised: no longer the bundled data
    with (tmp_path / "edited.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(
            f"extends: {FOUNDING}\nname: {name}\ndata: edited.csv\n", encoding="utf-8"
        )
    res = cli("compare", tmp_path / "a.yaml", tmp_path / "b.yaml", "--no-montecarlo")
    assert res.code == 0, res.err
    assert res.err.count("the nation is taken as the sum of its 31 regions") == 1
    panel = sim.load_panel(tmp_path / "edited.csv")
    assert panel.summed_aggregate and not panel.is_bundled
    assert panel.scope.is_national  # the provinces of China: national words, provincial groups


def test_chongqing_is_a_provincial_code():
    codes = sim.load_panel().regions.codes
    assert all(is_provincial_code(c) for c in codes) and "50" in codes
    assert not is_provincial_code("10") and not is_provincial_code("150100")
