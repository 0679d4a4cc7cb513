"""The defects an analyst met in a notebook (issue 26), one test each."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings

import pandas as pd
import pytest

import sim
from tests.conftest import FOUNDING

G = "provinces.Inner Mongolia.real_growth"


@pytest.fixture(scope="module")
def sc() -> sim.Scenario:
    return sim.load_scenario(FOUNDING)


def _caught(fn):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fn()
    return [w for w in caught if issubclass(w.category, sim.RanksimWarning)]


def test_a_misspelt_change_names_the_field_and_suggests_the_key(sc):
    with pytest.raises(sim.ScenarioError) as err:
        sc.with_changes({"provinces.Inner Mongolia.real_gowth": 7})
    assert err.value.field == "provinces.Inner Mongolia.real_gowth"
    assert "unknown key 'real_gowth' (did you mean 'real_growth'?)" in str(err.value)
    assert "'15'" not in str(err.value) and "real_growth, deflator, real_growth" not in str(err.value)


def test_a_misspelt_sensitivity_key_in_a_file_names_itself(write):
    path = write(
        "s.yaml",
        f"extends: {FOUNDING}\nname: s\nsensitivity:\n  paramters: {{national.real_growth: [4, 6]}}\n",
    )
    with pytest.raises(sim.ScenarioError) as err:
        sim.load_scenario(path)
    assert "unknown key 'paramters' (did you mean 'parameters'?)" in str(err.value)
    assert "unknown key 'sensitivity'" not in str(err.value)


def test_a_fraction_like_change_warns_at_the_callers_line(sc):
    caught = _caught(lambda: sc.with_changes({G: 0.06}))
    assert any("0.06 is read as 0.06 % a year" in str(w.message) for w in caught)
    assert all(w.filename == __file__ for w in caught)
    assert not any(str(FOUNDING) in str(w.message) for w in caught)  # not blamed on the YAML file


def test_evaluate_paths_zero_is_a_clean_input_error(sc):
    with pytest.raises(sim.InputError) as err:
        sim.evaluate(sc, {G: [6.0]}, paths=0, seed=1)
    assert err.value.field == "paths"


@pytest.mark.parametrize(
    ("design", "field"),
    [
        ({G: [200.0]}, G),
        ({"national.real_growth": [60.0]}, "national.real_growth (shift)"),
        ({"threshold_rank": [10.5]}, "threshold_rank"),
        ({G: [6.0], "national_real_growth": [1.0]}, "national_real_growth"),
        ({G: [6.0], "threshold_rnk": [12]}, "threshold_rnk"),
    ],
)
def test_evaluate_refuses_what_with_changes_refuses(sc, design, field):
    modes = {"national.real_growth": "shift"} if "national.real_growth" in design else None
    with pytest.raises(sim.InputError) as err:
        sim.evaluate(sc, design, modes=modes)
    assert err.value.field == field
    if field in (G, "threshold_rank"):  # the same value through with_changes is refused too
        with pytest.raises(sim.InputError):
            sc.with_changes({field: design[field][0]})


def test_evaluate_does_not_overwrite_a_reach_year_column(sc):
    with pytest.raises(sim.InputError, match="reach_year"):
        sim.evaluate(sc, pd.DataFrame({G: [6.0], "reach_year": [2030]}))


def test_evaluate_warns_at_the_callers_line(sc):
    caught = _caught(lambda: sim.evaluate(sc, {G: [0.06]}))
    assert caught and all(w.filename == __file__ for w in caught)


def test_identical_evaluations_are_identical_whether_numba_is_loaded_or_not():
    code = (
        "import sys, numpy as np, sim\n"
        f"sc = sim.load_scenario({str(FOUNDING)!r})\n"
        f"design = {{{G!r}: list(np.linspace(4, 8, 50))}}\n"
        "first = sim.evaluate(sc, design, years=[2030, 2040])\n"
        "assert 'numba' not in sys.modules\n"
        "import sim.engine.kernels\n"
        "print(first.equals(sim.evaluate(sc, design, years=[2030, 2040])))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    assert out.stdout.strip() == "True"


def test_a_sweep_frame_has_its_probability_column(sc):
    sw = sim.sweep(sc, [(G, "set", [5.0, 7.0])], paths=200, seed=1, thresholds=False)
    frame = sw.to_frame()
    assert "reach_probability" in frame.columns
    assert frame["reach_probability"].tolist() == sw.probability.reshape(-1).tolist()


def test_diff_is_exported_and_summarised(sc):
    assert "diff" in sim.__all__ and "DiffResult" in sim.__all__
    result = sim.diff(sc, sc.with_changes({G: 7.0}))
    assert isinstance(result, sim.DiffResult)
    assert sim.summary(result)
    long = sim.concat([result])
    assert tuple(long.columns) == sim.names.LONG_COLUMNS
    shapley = long[long["variable"].str.startswith("Diff|Shapley|reach_year|")]["value"].sum()
    reach = long[long["variable"] == "Reach year"]["value"].tolist()
    assert shapley == pytest.approx(reach[1] - reach[0])  # Shapley effects sum to the total


def test_diff_writes_the_long_format(cli, tmp_path, write):
    text = f"extends: {FOUNDING}\nname: faster\nprovinces:\n  Inner Mongolia: {{real_growth: 7}}\n"
    b = write("b.yaml", text)
    res = cli("diff", str(FOUNDING), str(b), "--out", str(tmp_path), "--long", "--no-report")
    assert res.code == 0, res.err
    long = pd.read_csv(tmp_path / "diff_long.csv", encoding="utf-8-sig")
    assert tuple(long.columns) == sim.names.LONG_COLUMNS


def test_diff_has_a_report(sc, tmp_path):
    result = sim.diff(sc, sc.with_changes({G: 7.0}))
    assert sim.to_html(result, tmp_path / "d.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_solve_with_a_text_year_and_with_changes_with_a_list_are_clean_errors(sc):
    with pytest.raises(sim.InputError) as err:
        sim.solve(sc, "2030")  # type: ignore[arg-type]
    assert err.value.field == "by"
    with pytest.raises(sim.InputError) as err:
        sc.with_changes([G, 7.0])  # type: ignore[arg-type]
    assert err.value.field == "changes"


def test_summary_refuses_an_unknown_language_and_years_outside(sc):
    proj = sim.project(sc)
    with pytest.raises(sim.InputError) as err:
        sim.summary(proj, lang="fr")
    assert err.value.field == "lang"
    with pytest.raises(sim.InputError) as err:
        sim.summary(proj, years=[2050])
    assert err.value.field == "years"
    assert "2030" in sim.summary(proj, years=[2030])


def test_a_renamed_variant_keeps_its_name(sc):
    named = sc.with_changes({"name": "Coal with high prices", G: 5.0})
    assert named.with_changes({G: 6.0}).name.startswith("Coal with high prices with ")
    twice = sc.with_changes({G: 5.0}).with_changes({G: 6.0})
    assert twice.name == f"{sc.name} with 2 changes"


def test_a_drawn_seed_fits_in_53_bits(sc):
    mc = sim.simulate(sc, 10)
    assert isinstance(mc.seed, int) and 0 <= mc.seed < 2**53
    doc = json.loads(json.dumps(mc.to_document()), parse_int=float)  # a reader of doubles
    assert int(doc["seed"]) == mc.seed


def test_scenario_and_panel_show_briefly(sc):
    assert len(repr(sc.panel)) < 200 and "31 regions" in repr(sc.panel)
    page = sc._repr_html_()
    assert "<table>" in page and "Inner Mongolia" in page and len(page) < 5000


def test_other_reported_defects(sc):
    with pytest.raises(sim.InputError) as err:
        sim.backtest(sc, range(2008, 2012), 0)
    assert err.value.field == "horizon" and "base year" not in str(err.value)
    series = sc.with_changes({"national.real_growth": pd.Series({2026: 4.0, 2030: 3.5})})
    assert series.growth.national_real_pct[0] == 4.0
    with pytest.raises(sim.ScenarioError) as err:
        sc.with_changes({"provinces.Inner Mongolia.deflator": 60})
    assert "real growth ran" not in str(err.value)
    with pytest.warns(sim.RanksimWarning, match="0.045"):
        sim.sensitivity(sc, {"parameters": {G: [0.045, 0.075]}, "sobol_samples": 64}, seed=1)


def test_evaluate_gives_reached_by_so_the_missing_years_are_not_dropped(sc):
    frame = sim.evaluate(sc, {G: [2.0, 6.0, 9.0]}, years=[2033, 2040])
    assert frame["reach_year"].isna().iloc[0]
    assert frame["reached_by_2033"].tolist() == [False, False, True]
    assert frame["reached_by_2033"].mean() == pytest.approx(1 / 3)
    assert (frame["reach_year"] <= 2033).mean() == pytest.approx(1 / 2)  # the trap: <NA> rows dropped
