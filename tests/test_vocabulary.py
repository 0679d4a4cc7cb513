"""One vocabulary and one long format (issue 26): every outcome has one column name in every
result (sim/names.py, with its unit), and every result's to_long() has the IAMC columns."""

from __future__ import annotations

import pandas as pd
import pytest

import sim
from sim import names
from tests.conftest import FOUNDING

G = "provinces.Inner Mongolia.real_growth"


@pytest.fixture(scope="module")
def results() -> dict[str, object]:
    sc = sim.load_scenario(FOUNDING)
    settings = {"outcome": "gap_pct_2030", "parameters": {G: [5, 7]}, "sobol_samples": 64}
    prob = sim.problem(sc, {G: [5, 7]})
    from SALib.sample import morris as morris_sample

    ex = sim.experiments(sc, morris_sample.sample(prob, 4, seed=1), problem=prob, paths=50, seed=1)
    return {
        "projection": sim.project(sc),
        "montecarlo": sim.simulate(sc, 200, seed=1),
        "sweep": sim.sweep(sc, [(G, "set", [5.0, 7.0])], rank_years=[2030], paths=100, seed=1),
        "solve": sim.solve(sc, 2030),
        "solve_lead": sim.solve(sc, 2030, lead=True),
        "sensitivity": sim.sensitivity(sc, settings, seed=1),
        "backtest": sim.backtest(sc, range(2015, 2018), 3),
        "experiments": ex,
        "analysis": sim.analyze(ex, method="morris", outcome="rank_2030", seed=1),
    }


#: Columns that are not outcomes: identity, design, bookkeeping.
NOT_OUTCOMES = {
    names.YEAR,
    names.CODE,
    names.EN,
    names.ZH,
    names.PROJECTED,
    names.POINT,
    names.DEADLINE,
    names.PROBABILITY,
    names.PARAM,
    names.MODE,
    names.UNIT,
    names.LOW,
    names.HIGH,
    names.JUMP_OFF,
    names.FIRST_ORDER_LO,
    names.FIRST_ORDER_HI,
    names.TOTAL_ORDER_LO,
    names.TOTAL_ORDER_HI,
    names.SOBOL_S1_CONF,
    names.SOBOL_ST_CONF,
    names.MORRIS_MU_STAR_CONF,
    names.DELTA_CONF,
}


def _columns(results: dict[str, object]) -> dict[str, set[str]]:
    """Outcome name (year suffix removed) -> the results whose tables use it."""
    used: dict[str, set[str]] = {}
    for kind, result in results.items():
        frame = result.to_frame()  # type: ignore[attr-defined]
        for column in frame.columns:
            if str(column).startswith(("provinces.", "national.", "others.", "threshold_rank")):
                continue  # a design parameter
            name, _ = names.split_year(str(column))
            if name not in NOT_OUTCOMES:
                used.setdefault(name, set()).add(kind)
    return used


def test_every_outcome_column_is_named_once_in_names_with_a_unit(results):
    used = _columns(results)
    unknown = sorted(set(used) - set(names.OUTCOMES))
    assert not unknown, f"outcome columns not in sim.names.OUTCOMES: {unknown}"
    variables = [v for v, _ in names.OUTCOMES.values()]
    assert len(variables) == len(set(variables)), "two column names for one variable"
    assert all(unit for _, unit in names.OUTCOMES.values())


def test_the_same_outcome_has_the_same_name_in_every_result(results):
    used = _columns(results)
    # the reach probability: Monte Carlo (long), sweep (long) and experiments (wide) alike
    assert {"montecarlo", "sweep", "experiments"} <= used[names.REACH_PROBABILITY]
    assert {"sweep", "experiments"} <= used[names.GAP_PCT] and {"sweep", "experiments"} <= used[
        names.REACH_YEAR
    ]
    frame = sim.evaluate(results["solve"].scenario, {G: [6.0]}, years=[2030], paths=20, seed=1)  # type: ignore[attr-defined]
    assert {"reach_year", "rank_2030", "gap_pct_2030", "reach_probability_2030"} <= set(frame.columns)
    assert not [c for c in frame.columns if str(c).startswith("p_reach")]
    solve = results["solve"]
    assert (
        solve.required_real_growth_pct == solve.to_frame().set_index(names.DEADLINE).loc[2030, names.REQUIRED]
    )  # type: ignore[attr-defined]
    lead = results["solve_lead"]
    assert names.REQUIRED_LEAD in lead.to_frame().columns and lead.required_lead_pp is not None  # type: ignore[attr-defined]


def test_a_censored_outcome_is_missing_not_a_sentinel_year(results):
    sc = results["solve"].scenario  # type: ignore[attr-defined]
    slow = sim.sweep(sc, [(G, "set", [1.0, 6.0])], thresholds=False)
    reach = slow.to_frame().drop_duplicates(names.POINT)[names.REACH_YEAR]
    assert str(reach.dtype) == "Int64" and reach.isna().iloc[0] and reach.iloc[1] <= sc.horizon
    long = slow.to_long()
    assert long[long[names.VARIABLE] == "Reach year"][names.VALUE].isna().tolist() == [True, False]


def test_every_result_has_the_long_format(results):
    for kind, result in results.items():
        long = result.to_long()  # type: ignore[attr-defined]
        assert tuple(long.columns) == names.LONG_COLUMNS, kind
        assert len(long) and (long[names.MODEL] == names.MODEL_NAME).all(), kind
        assert str(long[names.YEAR].dtype) == "Int64" and long[names.VALUE].dtype == float, kind
        known = {v for v, _ in names.OUTCOMES.values()}
        assert all(v.split("|")[0] in {k.split("|")[0] for k in known} for v in long[names.VARIABLE]), kind
        units = dict(names.OUTCOMES.values())
        for variable, unit in long[[names.VARIABLE, names.UNIT]].drop_duplicates().itertuples(index=False):
            base = next(v for v in units if variable == v or variable.startswith(v + "|"))
            assert unit == units[base], (kind, variable, unit)


def test_concat_stacks_variants_and_kinds(results):
    sc = results["solve"].scenario  # type: ignore[attr-defined]
    faster = sc.with_changes({"name": "faster", G: 7.0})
    both = sim.concat([sim.project(sc), sim.project(faster), results["montecarlo"]])
    assert tuple(both.columns) == names.LONG_COLUMNS
    assert set(both[names.SCENARIO]) == {sc.name, "faster"}
    gdp = both[(both[names.VARIABLE] == "GDP|Nominal") & (both[names.REGION_NAME] == "Inner Mongolia")]
    wide = gdp.pivot(index=names.YEAR, columns=names.SCENARIO, values=names.VALUE)
    assert (wide["faster"].iloc[1:] > wide[sc.name].iloc[1:]).all()
    with pytest.raises(sim.InputError):
        sim.concat([pd.DataFrame({"a": [1]})])


def test_the_cli_writes_the_long_format(cli, tmp_path):
    res = cli("sweep", str(FOUNDING), "--out", str(tmp_path), "--long", "--no-report")
    assert res.code == 0, res.err
    long = pd.read_csv(tmp_path / "sweep_long.csv", encoding="utf-8-sig")
    assert tuple(long.columns) == names.LONG_COLUMNS and "Rank" in set(long[names.VARIABLE])


def test_exposed_arrays_have_labelled_twins(results):
    proj, mc = results["projection"], results["montecarlo"]
    ranks = proj.ranks_frame()  # type: ignore[attr-defined]
    assert ranks.index.name == names.YEAR and ranks.columns.name == names.CODE
    assert ranks.loc[2030, "15"] == proj.ranks[2030 - proj.years[0], proj.target]  # type: ignore[attr-defined]
    assert proj.levels_frame().shape == proj.ranks.shape  # type: ignore[attr-defined]
    probs = mc.rank_probability_frame()  # type: ignore[attr-defined]
    assert probs.columns.name == names.RANK and list(probs.columns)[:2] == [1, 2]
    assert probs.sum(axis=1).round(12).eq(1).all()
