"""Experiments an analyst can keep (issue 26): sim.experiments, save/load, the SALib workflow."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import sim
from sim import names
from tests.conftest import FOUNDING

G = "provinces.Inner Mongolia.real_growth"
NAT = "national.real_growth"
DEFL = "provinces.Inner Mongolia.deflator"


@pytest.fixture(scope="module")
def founding() -> sim.Scenario:
    return sim.load_scenario(FOUNDING)


@pytest.fixture(scope="module")
def kept(founding):
    design = pd.DataFrame({G: [2.0, 6.0, 9.0], NAT: [-1.0, 0.0, 0.5], "label": ["slow", "as is", "fast"]})
    return sim.experiments(
        founding,
        design,
        modes={NAT: "shift"},
        paths=400,
        seed=11,
        outcomes=["reach_year", "reached_by", "rank", "gap_pct", "region_rank"],
    )


def _assert_same(a: sim.Experiments, b: sim.Experiments) -> None:
    for name in ("design", "outcomes", "rank", "gap_pct", "region_rank"):
        if getattr(a, name) is None:
            assert getattr(b, name) is None, name
            continue
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True)
    assert a.parameters == b.parameters and a.scenario == b.scenario
    assert a.provenance == b.provenance and a.paths == b.paths and a.seed == b.seed


def test_probabilities_per_row_equal_simulate_of_the_variant_with_the_same_seed(founding, kept):
    from sim.inputs.params import parse_parameter
    from sim.model.scenario import parameter_changes

    regions = founding.panel.regions
    for row in (0, 2):
        values = kept.design.iloc[row]
        settings = [
            (parse_parameter(regions, G, "set"), values[G]),
            (parse_parameter(regions, NAT, "shift"), values[NAT]),
        ]
        variant = founding.with_changes(parameter_changes(founding, settings))
        mc = sim.simulate(variant, 400, seed=11)
        cols = [names.by_year(names.REACH_PROBABILITY, y) for y in founding.years]
        assert (
            kept.outcomes.iloc[row][cols].to_numpy(dtype=float).tolist()
            == mc.reach_probability()[1:].tolist()
        )
    assert kept.seed == 11 and kept.provenance.seed == 11


def test_save_and_load_round_trip_exactly_as_csv(kept, tmp_path):
    back = sim.load_experiments(kept.save(tmp_path / "ex.zip", storage="csv"))
    _assert_same(kept, back)
    pd.testing.assert_frame_equal(kept.to_frame(), back.to_frame(), check_exact=True)
    pd.testing.assert_frame_equal(kept.to_long(), back.to_long(), check_exact=True)


def test_saving_onto_a_folder_or_into_a_file_is_one_input_error_and_leaves_nothing(kept, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    folder_named = r"out is a folder: give the zip file's name \(e\.g\. .*/experiments\.zip\)"
    with pytest.raises(sim.InputError, match=folder_named):
        kept.save(folder)
    (tmp_path / "afile").write_text("x")
    with pytest.raises(sim.InputError, match="cannot write"):
        kept.save(tmp_path / "afile" / "ex.zip")  # a file where a folder should be
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "out"] and not list(folder.iterdir())


def test_save_and_load_round_trip_exactly_as_parquet(kept, tmp_path):
    pytest.importorskip("pyarrow")
    _assert_same(kept, sim.load_experiments(kept.save(tmp_path / "ex.zip", storage="parquet")))


def test_a_drawn_seed_fits_in_53_bits_and_reproduces(founding, tmp_path):
    ex = sim.experiments(founding, {G: [6.0]}, paths=50)
    assert isinstance(ex.seed, int) and 0 <= ex.seed < 2**53
    again = sim.experiments(founding, {G: [6.0]}, paths=50, seed=ex.seed)
    pd.testing.assert_frame_equal(ex.outcomes, again.outcomes, check_exact=True)
    # survives a JSON reader that reads numbers as doubles
    assert int(float(ex.seed)) == ex.seed


def test_reach_year_is_missing_not_a_sentinel_and_reached_by_counts_it(kept, founding):
    reach = kept.outcomes[names.REACH_YEAR]
    assert str(reach.dtype) == "Int64" and reach.isna().iloc[0]  # 2 % never gets there
    assert reach.max() <= founding.horizon
    by = kept.outcomes[names.by_year(names.REACHED_BY, 2033)]
    assert by.dtype == bool
    assert by.tolist() == [bool(pd.notna(r) and r <= 2033) for r in reach]
    assert by.mean() == pytest.approx(1 / 3)  # not the 1/2 that (reach <= 2035).mean() gives


def test_time_series_are_labelled_and_agree_with_evaluate(kept, founding):
    years = list(range(founding.base_year, founding.horizon + 1))
    assert kept.rank.shape == kept.gap_pct.shape == (3, len(years)) and list(kept.rank.columns) == years
    quick = sim.evaluate(founding, kept.design[[G, NAT]], modes={NAT: "shift"}, years=[2030, 2040])
    assert kept.rank[2030].tolist() == quick["rank_2030"].tolist()
    np.testing.assert_allclose(kept.gap_pct[2040], quick["gap_pct_2040"], rtol=1e-12)
    assert kept.outcomes[names.REACH_YEAR].equals(quick[names.REACH_YEAR])


def test_every_regions_rank_is_a_ranking_and_holds_the_targets(kept, founding):
    rr = kept.region_rank
    assert rr.shape == (3 * (founding.horizon - founding.base_year + 1), founding.n_regions)
    for row in rr.to_numpy()[::7]:
        assert sorted(row) == list(range(1, founding.n_regions + 1))
    target = rr[founding.target_code].unstack(names.YEAR)
    assert (target.to_numpy() == kept.rank.to_numpy()).all()


def test_frames_wide_and_long(kept):
    wide = kept.to_frame()
    assert {
        "label",
        G,
        names.REACH_YEAR,
        "rank_2030",
        "gap_pct_2030",
        "reach_probability_2030",
        "reached_by_2030",
    } <= set(wide.columns)
    long = kept.to_long()
    assert tuple(long.columns) == names.LONG_COLUMNS
    assert set(long[names.VARIABLE]) >= {"Reach year", "Rank", "Gap to threshold", "Reach probability"}
    reach = long[long[names.VARIABLE] == "Reach year"]
    assert reach[names.YEAR].isna().all() and reach[names.VALUE].isna().sum() == 1


def test_bad_calls_are_input_errors(founding):
    with pytest.raises(sim.InputError, match="problem"):
        sim.experiments(founding, np.zeros((2, 1)))
    with pytest.raises(sim.InputError) as err:
        sim.experiments(founding, {G: [6.0]}, outcomes=["rank_year"])
    assert err.value.field == "outcomes"
    with pytest.raises(sim.InputError) as err:
        sim.experiments(founding, {G: [6.0]}, paths=0)
    assert err.value.field == "paths"
    with pytest.raises(sim.InputError) as err:
        sim.experiments(founding, {G: [6.0], "reach_year": [1]})
    assert err.value.field == "design"


def test_evaluate_records_its_seed(founding):
    frame = sim.evaluate(founding, {G: [6.0]}, paths=100, seed=5)
    assert frame.attrs["seed"] == 5 and frame.attrs["paths"] == 100
    drawn = sim.evaluate(founding, {G: [6.0]}, paths=100)
    assert 0 <= drawn.attrs["seed"] < 2**53
    assert sim.evaluate(founding, {G: [6.0]}).attrs["seed"] is None


# --------------------------------------------------------------------------- the SALib workflow

SPEC = {G: [4, 8], NAT: {"shift": [-1, 1]}, DEFL: [-1, 3]}


def test_problem_works_with_salib_problemspec_and_its_samplers(founding):
    from SALib import ProblemSpec

    prob = sim.problem(founding, SPEC)
    assert prob["names"] == [G, NAT, DEFL] and prob["modes"] == ["set", "shift", "set"]
    assert prob["units"] == ["% a year", "pp a year", "% a year"]
    sp = ProblemSpec(prob)
    sp.sample_sobol(64, calc_second_order=False, seed=3)
    ex = sim.experiments(founding, sp.samples, problem=prob)
    assert len(ex.design) == 64 * 5 and ex.parameters[1].mode == "shift"
    assert (
        ex.parameters[0].low == 4 and ex.parameters[0].high == 8 and ex.parameters[0].distribution == "unif"
    )
    assert ex.problem()["bounds"] == prob["bounds"]


def test_problem_checks_like_a_scenario_file(founding):
    with pytest.raises(sim.InputError) as err:
        sim.problem(founding, {"provinces.Inner Mongolia.real_gowth": [4, 8]})
    assert "real_gowth" in str(err.value)
    with pytest.raises(sim.InputError, match="hard limit"):
        sim.problem(founding, {G: [4, 80]})
    with pytest.raises(sim.InputError, match="below"):
        sim.problem(founding, {G: [8, 4]})
    with pytest.warns(sim.RanksimWarning, match="0.045 is read as 0.045 %"):
        sim.problem(founding, {G: [0.045, 0.075]})
    tri = sim.problem(founding, {G: {"set": [4, 8], "distribution": "triangular"}})
    assert tri["dists"] == ["triang"] and tri["bounds"] == [[4.0, 8.0, 0.5]]


def test_salib_sobol_on_experiments_agrees_with_sim_sensitivity(founding, tmp_path):
    from SALib.sample import sobol as sobol_sample

    prob = sim.problem(founding, SPEC)
    x = sobol_sample.sample(prob, 512, calc_second_order=False, seed=1)
    ex = sim.load_experiments(sim.experiments(founding, x, problem=prob).save(tmp_path / "sobol.zip"))
    salib = sim.analyze(ex, method="sobol", outcome="gap_pct_2030", seed=1).to_frame().set_index(names.PARAM)
    ours = (
        sim.sensitivity(
            founding, {"outcome": "gap_pct_2030", "parameters": SPEC, "sobol_samples": 512}, seed=1
        )
        .to_frame()
        .set_index(names.PARAM)
    )
    for param in SPEC:
        s1, conf = salib.loc[param, names.FIRST_ORDER], salib.loc[param, names.SOBOL_S1_CONF]
        lo, hi = ours.loc[param, names.FIRST_ORDER_LO], ours.loc[param, names.FIRST_ORDER_HI]
        assert lo <= s1 <= hi, (param, s1, lo, hi)  # SALib's estimate inside our BCa interval
        assert abs(s1 - ours.loc[param, names.FIRST_ORDER]) <= conf  # and ours inside SALib's
    assert list(salib[names.FIRST_ORDER].sort_values().index) == list(
        ours[names.FIRST_ORDER].sort_values().index
    )


def test_morris_and_delta_analyse_any_outcome_of_a_saved_design(founding, tmp_path):
    from SALib.sample import latin
    from SALib.sample import morris as morris_sample

    prob = sim.problem(founding, SPEC)
    x = morris_sample.sample(prob, 20, num_levels=4, seed=2)
    ex = sim.load_experiments(sim.experiments(founding, x, problem=prob).save(tmp_path / "m.zip"))
    res = sim.analyze(ex, method="morris", outcome="reach_year", seed=2)
    frame = res.to_frame()
    assert tuple(frame.columns) == names.ANALYSIS_COLUMNS["morris"]
    assert frame.set_index(names.PARAM)[names.MORRIS_MU_STAR].idxmax() in (G, DEFL)
    assert res.censored_share is not None and 0 <= res.censored_share < 1
    assert tuple(res.to_long().columns) == names.LONG_COLUMNS
    mu = (
        sim.analyze(ex, method="morris", outcome="rank_2035", seed=2)
        .to_frame()
        .set_index(names.PARAM)[names.MORRIS_MU]
    )
    assert mu[G] < 0 and mu[DEFL] < 0 < mu[NAT]  # own growth lifts the target; the nation's lifts the others
    lhs = sim.experiments(founding, latin.sample(prob, 200, seed=4), problem=prob)
    delta = sim.analyze(lhs, method="delta", outcome="gap_pct_2030", resamples=10, seed=4).to_frame()
    assert tuple(delta.columns) == names.ANALYSIS_COLUMNS["delta"]
    assert delta.set_index(names.PARAM)[names.DELTA].idxmin() == NAT
    for _ in range(3):  # a drawn seed (below 2**53) works for delta too, and replays
        drawn = sim.analyze(lhs, method="delta", outcome="gap_pct_2030", resamples=10)
        assert 0 <= drawn.seed < 2**53
    again = sim.analyze(lhs, method="delta", outcome="gap_pct_2030", resamples=10, seed=drawn.seed)
    pd.testing.assert_frame_equal(again.to_frame(), drawn.to_frame())
    big = 5_000_000_000_123  # a recorded seed above 2**32 replays for every method
    for method, design in (("morris", ex), ("delta", lhs)):
        one = sim.analyze(design, method=method, outcome="gap_pct_2030", resamples=10, seed=big)
        two = sim.analyze(design, method=method, outcome="gap_pct_2030", resamples=10, seed=big)
        assert one.seed == big and one.to_frame().equals(two.to_frame())
    for bad in (-1, 1.5, True):
        with pytest.raises(sim.InputError, match="seed"):
            sim.analyze(lhs, method="delta", outcome="gap_pct_2030", seed=bad)


def test_sensitivity_takes_a_mapping_and_names_its_fields(founding):
    res = sim.sensitivity(
        founding, {"outcome": "gap_pct_2030", "parameters": {G: [5, 7]}, "sobol_samples": 64}, seed=1
    )
    assert res.outcome == "gap_pct_2030" and res.to_frame()[names.UNIT].tolist() == ["% a year"]
    with pytest.raises(sim.InputError) as err:
        sim.sensitivity(founding, {"paramters": {G: [5, 7]}}, seed=1)
    assert err.value.field == "sensitivity.paramters" and "did you mean 'parameters'" in str(err.value)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sim.sensitivity(founding, {"parameters": {G: [0.045, 0.075]}, "sobol_samples": 64}, seed=1)
    assert any("0.045 is read as 0.045 %" in str(w.message) for w in caught)
    assert all(w.filename == __file__ for w in caught if issubclass(w.category, sim.RanksimWarning))


def test_assert_result_equal_compares_experiments_whole(kept, tmp_path):
    import sim.testing

    back = sim.load_experiments(kept.save(tmp_path / "ex.zip"))
    sim.testing.assert_result_equal(kept, back, rtol=0)
    sc = sim.load_scenario(FOUNDING)
    other = sim.experiments(sc, kept.design, modes={NAT: "shift"}, paths=400, seed=12)
    with pytest.raises(AssertionError):
        sim.testing.assert_result_equal(kept, other, rtol=0)


@pytest.mark.parametrize("storage", ["csv", "auto"])
def test_labels_with_missing_text_and_a_text_index_round_trip(founding, tmp_path, storage):
    design = pd.DataFrame(
        {
            G: [5.0, 6.1, 7.123456789012345],
            "name": pd.array(["a", None, "c"], dtype="string"),
            "note": np.array(["x", None, "z"], dtype=object),
            "flag": [True, False, True],
            "count": pd.array([1, None, 3], dtype="Int64"),
        },
        index=["low", "mid", "high"],
    )
    ex = sim.experiments(founding, design, paths=20, seed=3)
    back = sim.load_experiments(ex.save(tmp_path / "labels.zip", storage=storage))
    _assert_same(ex, back)


def test_a_design_column_an_outcome_would_take_is_refused_before_running(founding):
    for column in ("reach_year", "rank_2030", "gap_pct_2040", "reached_by_2030"):
        with pytest.raises(sim.InputError, match=column):
            sim.experiments(founding, {G: [6.0], column: [1]})
    ok = sim.experiments(founding, {G: [6.0], "rank_2030": [1]}, outcomes=["reach_year", "gap_pct"])
    assert "rank_2030" in ok.to_frame().columns


def _rewrite(path, name: str, edit) -> None:
    """Rewrite member ``name`` of the zip at ``path`` with ``edit(bytes) -> bytes``."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members[name] = edit(members[name])
    with zipfile.ZipFile(path, "w") as archive:
        for n, blob in members.items():
            archive.writestr(n, blob)


def test_a_saved_file_edited_afterwards_is_refused_by_name(kept, tmp_path):
    """load_experiments gives back exactly what was saved, or refuses: a changed outcome, a
    dropped row, edited metadata (paths, seed) each name the member changed; damage the
    checksums cannot see (an old file without them) is one InputError, never a raw Python error."""
    import json

    base = kept.save(tmp_path / "ex.zip", storage="csv")
    cases = {
        "outcomes.csv": lambda b: b.replace(b"\n", b"\n9", 1),
        "design.csv": lambda b: b.rsplit(b"\n", 2)[0] + b"\n",
        "experiments.json": lambda b: b.replace(b'"paths": ', b'"paths": 1', 1),
    }
    for member, edit in cases.items():
        path = tmp_path / f"{member}.zip"
        path.write_bytes(base.read_bytes())
        _rewrite(path, member, edit)
        changed = f"{member.replace('.', '[.]')} was changed after the experiments"
        with pytest.raises(sim.InputError, match=changed):
            sim.load_experiments(path)
    old = tmp_path / "old.zip"  # no checksums (saved before they were kept): damage is one error
    old.write_bytes(base.read_bytes())

    def strip(b: bytes) -> bytes:
        doc = json.loads(b)
        doc.pop("sha256")
        doc["scenario"].pop("horizon")
        for spec in doc["tables"].values():
            spec.pop("sha256")
        return json.dumps(doc).encode()

    _rewrite(old, "experiments.json", strip)
    with pytest.raises(sim.InputError, match="not a saved ranksim experiment"):
        sim.load_experiments(old)
