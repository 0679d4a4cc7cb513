"""The library as a notebook sees it: tables from every result, checked variants, provenance the
caller owns, errors that name fields (never command-line flags), and the merge rules of extends."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import sim
from sim import names
from sim.errors import InputError, ScenarioError
from sim.model.growth import assemble
from sim.provenance import Provenance
from sim.testing import assert_result_equal
from tests.conftest import FOUNDING


@pytest.fixture(scope="module")
def founding():
    return sim.load_scenario(FOUNDING)


@pytest.fixture(scope="module")
def results(founding):
    small = founding.with_changes({"sensitivity.sobol_samples": 64})
    return {
        "projection": sim.project(founding),
        "montecarlo": sim.simulate(founding, 2000, rng=np.random.default_rng(1)),
        "sweep": sim.sweep(founding),
        "sensitivity": sim.sensitivity(small, rng=np.random.default_rng(1)),
        "solve": sim.solve(founding, 2030),
        "backtest": sim.backtest(founding, range(2008, 2012), 5),
    }


def test_every_result_has_a_tidy_frame_that_matches_its_document(results):
    proj = results["projection"].to_frame()
    assert tuple(proj.columns) == names.PROJECTION_COLUMNS and len(proj) == 16 * 31
    mc = results["montecarlo"]
    frame = mc.to_frame()
    assert tuple(frame.columns) == names.MONTECARLO_COLUMNS
    doc = mc.to_document()
    for year, p in doc["reach_probability"].items():
        assert frame.set_index(names.YEAR).loc[int(year), names.REACH_PROBABILITY] == pytest.approx(p)
    assert (frame[names.RANK_Q10] <= frame[names.RANK_Q90]).all()

    sw = results["sweep"]
    frame = sw.to_frame()
    assert len(frame) == 21 * 5 and frame[names.POINT].nunique() == 105
    first = sw.to_document()["points"][0]
    row = frame.iloc[0]
    reach = None if pd.isna(row[names.REACH_YEAR]) else int(row[names.REACH_YEAR])
    assert reach == first["reach_year"] and row[names.RANK] == first["target_rank_at_horizon"]
    assert frame[names.REACH_YEAR].dtype == "Int64"

    sens = results["sensitivity"].to_frame()
    assert tuple(sens.columns) == names.SENSITIVITY_COLUMNS
    assert list(sens[names.SWING]) == sorted(sens[names.SWING], reverse=True)

    solve = results["solve"].to_frame()
    assert tuple(solve.columns) == names.SOLVE_COLUMNS
    assert solve.set_index(names.DEADLINE).loc[2030, names.REQUIRED] == results["solve"].required_pct

    bt = results["backtest"]
    frame = bt.to_frame()
    assert tuple(frame.columns) == names.BACKTEST_COLUMNS and len(frame) == 4 * 31
    err = (frame[names.PREDICTED_RANK] - frame[names.ACTUAL_RANK]).abs().mean()
    assert err == pytest.approx(bt.model.rank_mae)


def test_assert_result_equal_passes_on_reruns_and_fails_on_a_change(founding, results):
    assert_result_equal(results["sweep"], sim.sweep(founding))
    assert_result_equal(results["montecarlo"], sim.simulate(founding, 2000, rng=np.random.default_rng(1)))
    faster = founding.with_changes({"provinces.Inner Mongolia.real_growth": 6.5})
    with pytest.raises(AssertionError):
        assert_result_equal(results["projection"], sim.project(faster))
    with pytest.raises(AssertionError, match="different kinds"):
        assert_result_equal(results["projection"], results["solve"])


def test_with_changes_revalidates_and_names_the_field(founding):
    for changes, field in (
        ({"threshold_rank": 40}, "threshold_rank"),
        ({"horizon": 2020}, "horizon"),
        ({"others.half_life": -3}, "others.half_life"),
        ({"target": "Atlantis"}, "target"),
        ({"provinces.Atlantis.real_growth": 5}, "provinces.Atlantis.real_growth"),
        ({"provinces.Inner Mongolia.real_growth": "6%"}, "provinces.Inner Mongolia.real_growth"),  # as written
    ):
        with pytest.raises(ScenarioError) as info:
            founding.with_changes(changes)
        assert info.value.field == field, changes
        assert info.value.file is None  # the change was made in code: no file line to point at
    variant = founding.with_changes({"provinces.内蒙古.real_growth": 7.0, "horizon": 2035})
    assert variant.horizon == 2035 and variant.provinces[variant.target][0] == 7.0
    assert founding.horizon == 2040  # the original is untouched


def test_with_changes_equals_the_same_change_written_in_a_file(write, founding):
    text = FOUNDING.read_text(encoding="utf-8").replace("real_growth: 6.0 ", "real_growth: 7.5 ")
    from_file = sim.load_scenario(write("s.yaml", text))
    from_code = founding.with_changes({"provinces.Inner Mongolia.real_growth": 7.5})
    assert np.array_equal(assemble(from_file.growth).nominal, assemble(from_code.growth).nominal)
    assert_result_equal(sim.project(from_file), sim.project(from_code), rtol=0)


def test_provenance_is_what_the_caller_says(founding, results):
    doc = results["montecarlo"].to_document()
    assert doc["provenance"]["command"] is None  # the library never invents a command line
    assert doc["provenance"]["seed"] == "generator supplied"
    prov = Provenance.of(founding.files, seed=7, command=["notebook"])
    doc = results["montecarlo"].to_document(prov)
    assert doc["seed"] == 7 and doc["provenance"]["command"] == ["notebook"]
    assert {f["path"] for f in doc["provenance"]["files"]} >= {str(FOUNDING)}


def test_library_errors_name_fields_not_flags(founding):
    cases = [
        (lambda: sim.solve(founding, 2050), "by"),
        (lambda: sim.solve(founding, 2030, probability=1.5), "probability"),
        (lambda: sim.solve(founding, 2030, probability=0.5, seed=1, rng=np.random.default_rng(1)), "seed"),
        (lambda: sim.simulate(founding, 10, seed=-1), "seed"),
        (lambda: sim.simulate(founding, 10, rng=7), "rng"),
        (lambda: sim.backtest(founding, [], 5), "jump_offs"),
        (lambda: sim.backtest(founding, [2020], 10), "jump_offs"),
        (lambda: sim.sweep(founding, [("national.gdp", "set", [1.0])]), "items.0.param"),
        (lambda: sim.simulate(founding, 0, rng=np.random.default_rng(0)), "paths"),
        (lambda: sim.sweep(founding, [("threshold_rank", "set", [15])] * 2), "items"),
    ]
    for call, field in cases:
        with pytest.raises(InputError) as info:
            call()
        assert info.value.field == field
        assert "--" not in str(info.value)


def test_cli_still_names_the_flag(cli):
    res = cli("solve", FOUNDING, "--by", "2050")
    assert res.code == 2 and res.err.startswith("--by: must be after the base year")
    res = cli("backtest", "--from", "2020:2021", "--horizon", "10")
    assert res.code == 2 and res.err.startswith("--from: no jump-off year")


def test_report_from_python_is_the_report_the_cli_writes(cli, tmp_path, founding):
    res = cli("run", FOUNDING, "--out", tmp_path, "--seed", "3")
    assert res.code == 0, res.err
    written = (tmp_path / "run.html").read_text(encoding="utf-8")
    prov = Provenance.of(
        founding.files,
        seed=3,
        command=["ranksim", "run", str(FOUNDING), "--out", str(tmp_path), "--seed", "3"],
    )
    html = sim.report(founding, rng=np.random.default_rng(3), provenance=prov)
    assert html == written
    assert written.count("Random seed: 3") == 1  # once, and in words


def test_seed_or_rng_and_what_is_recorded(founding):
    by_seed = sim.simulate(founding, 3000, seed=5)
    by_rng = sim.simulate(founding, 3000, rng=np.random.default_rng(5))
    assert_result_equal(by_seed, by_rng, rtol=0)  # the same numbers
    assert by_seed.seed == 5 and by_seed.to_document()["seed"] == 5
    assert by_rng.seed == "generator supplied"
    fresh = sim.simulate(founding, 3000)  # neither: a fresh seed, recorded, reproducible
    assert isinstance(fresh.seed, int)
    assert_result_equal(fresh, sim.simulate(founding, 3000, seed=fresh.seed), rtol=0)
    html = sim.report(founding)  # the Sobol sample too
    assert "Random seed: " in html


# --------------------------------------------------------------------------- extends merge rules


def test_year_map_in_child_replaces_the_parents_map(write):
    write("p.yaml", "name: p\nnational: {deflator: {2025: -0.5, 2027: 1.0, 2030: 1.5}}\n")
    child = sim.load_scenario(
        write("c.yaml", "extends: p.yaml\nname: c\nnational: {deflator: {2026: 1.5}}\n")
    )
    assert child.national_written[1] == {2026: 1.5}
    assert np.allclose(child.growth.national_deflator_pct, 1.5)  # the parent's points are gone


def test_shipped_from_2022_runs_with_its_own_national_deflator():
    sc = sim.load_scenario("scenarios/from_2022.yaml")
    assert sc.national_written[1] == {2023: 1.5, 2030: 1.5}
    assert np.allclose(sc.growth.national_deflator_pct, 1.5)


def test_null_removes_an_inherited_key(write):
    write(
        "p.yaml",
        "name: p\nprovinces: {Shanxi: {real_growth: 4}, Guangxi: {real_growth: 5, deflator: 1}}\n"
        "sensitivity:\n  parameters:\n    national.real_growth: {shift: [-1, 1]}\n"
        "    provinces.Shanxi.real_growth: [3, 5]\n",
    )
    c = write(
        "c.yaml",
        "extends: p.yaml\nname: c\nprovinces: {Shanxi: null, Guangxi: {deflator: null}}\n"
        "sensitivity: {parameters: {provinces.Shanxi.real_growth: null}}\n"
        "others: {half_life: null}\n",
    )
    sc = sim.load_scenario(c)
    regions = sc.panel.regions
    assert regions.find("Shanxi") not in sc.provinces
    assert sc.provinces[regions.find("Guangxi")] == (5.0, None)
    assert [r.param for r in sc.sensitivity.parameters] == ["national.real_growth"]
    assert sc.others.half_life is None  # here null is a value: no decay


def test_error_in_a_child_is_reported_at_the_child(write):
    write("p.yaml", "name: p\nsweep:\n  - param: national.real_growth\n    values: [4, 5]\n")
    child = write(
        "c.yaml",
        "extends: p.yaml\nname: c\nsweep:\n  - param: national.real_growth\n    range: [4, 5]\n",
    )
    with pytest.raises(ScenarioError) as info:
        sim.load_scenario(child)
    assert info.value.file == str(child) and info.value.line == 5  # the child's `range:` line
    assert "range" in str(info.value) or "exactly one" in str(info.value)


def test_public_api_frames_in_json_and_csv_round_trip(results, tmp_path):
    for name, result in results.items():
        frame = result.to_frame()
        assert isinstance(frame, pd.DataFrame) and not frame.empty, name
        path = tmp_path / f"{name}.csv"
        frame.to_csv(path, index=False)
        back = pd.read_csv(path, dtype={names.CODE: str})
        assert list(back.columns) == [str(c) for c in frame.columns], name
        json.dumps(result.to_document())  # documents stay JSON


# --------------------------------------------------------------------------- scenario cache


def test_cached_scenario_equals_the_parsed_one_and_follows_edits(write, tmp_path, monkeypatch):
    from sim.inputs import scenario_file

    monkeypatch.setenv("RANKSIM_CACHE_DIR", str(tmp_path / "cache"))
    write("p.yaml", "name: p\nnational: {deflator: {2025: -0.5, 2030: 1.5}}  # assumption\n")
    path = write("c.yaml", "extends: p.yaml\nname: c\nprovinces: {内蒙古: {real_growth: 6.5}}\n")
    with scenario_file.scenario_cache():
        parsed = scenario_file.read_scenario_file(path)
    cached = scenario_file._from_cache(path)
    assert cached is not None
    assert (cached.data, cached.locations, cached.comments, cached.written, cached.files) == (
        parsed.data, parsed.locations, parsed.comments, parsed.written, parsed.files,
    )  # fmt: skip
    write("p.yaml", "name: p\nnational: {deflator: 2.0}\n")  # the parent changes
    assert scenario_file._from_cache(path) is None
    assert sim.load_scenario(path).national_written[1] == 2.0
    scenario_file._cache_file(path).write_text("{not json", encoding="utf-8")  # a broken cache
    assert sim.load_scenario(path).national_written[1] == 2.0


def test_a_cached_run_needs_neither_yaml_parser_nor_validator(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys\nfrom sim.cli.main import main\n"
        "main(['run', 'scenarios/inner_mongolia_6pct.yaml', '--no-report'])\n"
        "heavy = {'pydantic', 'ruamel', 'scipy', 'numba', 'plotly'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))"
    )
    env = {**os.environ, "RANKSIM_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True
        )
        for _ in range(2)
    ]
    assert runs[0].stdout.splitlines()[-1] == "['pydantic', 'ruamel']"  # first run parses and validates
    assert runs[1].stdout.splitlines()[-1] == "[]"
    assert runs[0].stdout.splitlines()[:-1] == runs[1].stdout.splitlines()[:-1]


def test_national_presets_read_from_the_cache_equal_the_parsed_ones(tmp_path, monkeypatch):
    from sim.inputs import presets

    from sim.inputs.scenario_file import scenario_cache

    monkeypatch.setenv("RANKSIM_CACHE_DIR", str(tmp_path))
    presets.load_presets.__wrapped__(presets.DEFAULT_PRESETS)
    assert not list(tmp_path.glob("presets-*.json"))  # the library alone writes no cache
    with scenario_cache():  # as the command line runs
        parsed = presets.load_presets.__wrapped__(presets.DEFAULT_PRESETS)  # parses, writes the cache
        (cache,) = tmp_path.glob("presets-*.json")
        assert cache.stat().st_mode & 0o777 == 0o600
        cached = presets.load_presets.__wrapped__(presets.DEFAULT_PRESETS)
        assert cached == parsed and list(cached) == list(parsed)  # file order kept
        assert cached["imf_weo_2026"].real_growth == {2026: 4.5, 2027: 4.0, 2029: 3.3, 2031: 2.8, 2040: 2.8}
        cache.write_text("{not json", encoding="utf-8")  # a broken cache is parsed again
        assert presets.load_presets.__wrapped__(presets.DEFAULT_PRESETS) == parsed


# --------------------------------------------------------------------------- scenarios from code


def test_with_changes_renames_records_and_shows_the_change(founding):
    v = founding.with_changes({"provinces.Inner Mongolia.real_growth": 7, "national.real_growth": {2026: 4}})
    assert v.name == "Inner Mongolia at 6% real from 2025 with 2 changes"
    assert v.source.changes == (("provinces.15.real_growth", "7"), ("national.real_growth", "2026: 4"))
    w = v.with_changes({"horizon": 2035})
    assert w.name == "Inner Mongolia at 6% real from 2025 with 3 changes"
    doc = sim.project(w).to_document()
    assert {"key": "horizon", "value": "2035"} in doc["provenance"]["changes"]
    rows = sim.present.report.assumptions_rows(sim.project(v), "en")
    real = next(r for r in rows if r[0] == "Inner Mongolia: real growth")
    assert real[1] == "7%" and real[2] == "changed in code: 7"  # not the file's "6%左右" comment
    assert "target 6" not in real[2]
    assert founding.with_changes({"name": "mine", "horizon": 2035}).name == "mine"


def test_a_mapping_is_checked_like_a_file(tmp_path):
    sc = sim.load_scenario(
        {"name": "m", "provinces": {"内蒙古": {"real_growth": np.float64(6.5)}}, "horizon": 2035}
    )
    assert sc.provinces[sc.target] == (6.5, None) and sc.horizon == 2035
    with pytest.raises(ScenarioError) as info:
        sim.load_scenario({"name": "m", "nationl": {"real_growth": 5}})
    assert info.value.field == "nationl" and "did you mean 'national'" in str(info.value)
    with pytest.raises(ScenarioError) as info:
        sim.load_scenario({"name": "m", "provinces": {"Inner Mongolia": {"real_growth": "6%"}}})
    assert info.value.field == "provinces.Inner Mongolia.real_growth" and "write 6" in str(info.value)
    child = sim.load_scenario({"name": "c", "extends": "inner_mongolia_6pct.yaml"}, base_dir=FOUNDING.parent)
    assert child.provinces == sim.load_scenario(FOUNDING).provinces
    with pytest.raises(ScenarioError, match="file not found"):
        sim.load_scenario({"name": "c", "extends": "missing.yaml"}, base_dir=tmp_path)


def test_scenario_and_results_have_short_reprs(founding, results):
    assert len(repr(founding)) < 200
    for result in results.values():
        assert len(repr(result)) < 300, type(result).__name__


# --------------------------------------------------------------------------- designs of any shape


def test_design_rows_equal_single_runs_and_sweep_points(founding):
    design = pd.DataFrame(
        {
            "variant": ["low", "mid", "high"],
            "provinces.Inner Mongolia.real_growth": [4.5, 6.0, 8.0],
            "national.real_growth": [-0.5, 0.0, 0.5],
        },
        index=[10, 11, 12],
    )
    out = sim.evaluate(founding, design, modes={"national.real_growth": "shift"}, years=[2030])
    assert list(out.index) == [10, 11, 12] and list(out["variant"]) == ["low", "mid", "high"]
    assert out[names.REACH_YEAR].dtype == "Int64"
    for _, row in out.iterrows():
        nat = founding.national_written[0]
        single = sim.project(
            founding.with_changes(
                {
                    "provinces.Inner Mongolia.real_growth": row["provinces.Inner Mongolia.real_growth"],
                    "national.real_growth": {y: v + row["national.real_growth"] for y, v in nat.items()},
                }
            )
        )
        reach = single.reach_year
        assert (pd.isna(row[names.REACH_YEAR]) and reach is None) or row[names.REACH_YEAR] == reach
        assert row["rank_2030"] == single.target_rank[2030 - founding.base_year]
        assert row["gap_pct_2030"] == pytest.approx(single.gap_pct()[2030 - founding.base_year], abs=1e-9)
    sw = sim.sweep(
        founding, [("provinces.Inner Mongolia.real_growth", "set", [4.5, 6.0, 8.0])], thresholds=False
    )
    grid = sim.evaluate(founding, {"provinces.Inner Mongolia.real_growth": [4.5, 6.0, 8.0]})
    assert list(grid[names.REACH_YEAR]) == [
        None if r is None else r for r in sw.outcomes.reach_or_none()
    ] or (grid[names.REACH_YEAR].isna().tolist() == [r is None for r in sw.outcomes.reach_or_none()])
    assert sw.thresholds == () and "thresholds" not in [c.name for c in sim.present.registry.charts_for(sw)]


def test_design_probabilities_use_common_random_numbers(founding):
    out = sim.evaluate(founding, {"provinces.Inner Mongolia.real_growth": [6.0, 7.0]}, paths=3000, seed=4)
    alone = sim.simulate(founding.with_changes({"provinces.Inner Mongolia.real_growth": 7.0}), 3000, seed=4)
    assert out[f"reach_probability_{founding.horizon}"].iloc[1] == pytest.approx(float(alone.reach_probability()[-1]))
    assert out[f"reach_probability_{founding.horizon}"].iloc[0] <= out[f"reach_probability_{founding.horizon}"].iloc[1]


def test_design_and_sweep_values_are_checked(founding):
    for bad in (["6%"], [float("nan")], [float("inf")]):
        with pytest.raises(InputError) as info:
            sim.evaluate(founding, {"provinces.Inner Mongolia.real_growth": bad})
        assert info.value.field == "provinces.Inner Mongolia.real_growth"
        with pytest.raises(InputError) as info:
            sim.sweep(founding, [("provinces.Inner Mongolia.real_growth", "set", bad)])
        assert info.value.field == "items.0.values"
    with pytest.raises(InputError, match="no parameter column"):
        sim.evaluate(founding, {"label": ["a"]})


def test_results_behave_in_a_notebook(founding, results, tmp_path):
    for name, result in results.items():
        assert result == result and result != object()  # identity, never an exception
        html = result._repr_html_()
        assert html.startswith("<p><b>") and "<table" in html, name
        text = sim.summary(result)
        assert text and "\n" in text or name == "solve", name
        path = sim.to_html(result, tmp_path / f"{name}.html")
        assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>"), name
    assert sim.summary(results["projection"]).splitlines()[0] == founding.name
    assert sim.project(founding) != results["projection"]  # two runs are two objects


def test_submodules_a_notebook_reaches_from_import_sim():
    import subprocess
    import sys

    code = "import sim; print(callable(sim.testing.assert_result_equal), sim.names.YEAR)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "year"]
