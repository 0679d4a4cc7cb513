"""Plan-period solve (``ranksim solve --over 2026:2030``) and the plan-period parameter
``provinces.<name>.real_growth.FIRST-LAST``: one meaning by every route, round trips through files."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import sim
from sim import names
from sim.analyses.montecarlo import simulate
from sim.inputs.params import parse_parameter
from sim.model.growth import cell_roles
from sim.model.scenario import parameter_changes
from tests.conftest import FOUNDING

BY, OVER = 2032, (2026, 2030)


def _quiet(f, *a, **k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return f(*a, **k)


@pytest.fixture(scope="module")
def founding():
    return _quiet(sim.load_scenario, FOUNDING)


def _plan_yaml(rate: float, own: dict[int, float]) -> str:
    """A child of the founding scenario writing ``rate`` for 2026-2030 and the own path after."""
    path = {**{y: rate for y in range(OVER[0], OVER[1] + 1)}, **{y: v for y, v in own.items() if y > OVER[1]}}
    body = ", ".join(f"{y}: {v!r}" for y, v in sorted(path.items()))
    return f"extends: {FOUNDING}\nname: plan\nprovinces:\n  Inner Mongolia:\n    real_growth: {{{body}}}\n"


def test_required_growth_round_trips_through_a_scenario_file(cli, write):
    """Done-when of issue 24: writing the rate for 2026-2030 (the own path from 2031) reaches by
    the deadline; 0.1 point less does not."""
    res = cli("solve", FOUNDING, "--by", BY, "--over", "2026:2030", "--json")
    assert res.code == 0, res.err
    doc = res.json()
    rate = doc["required_real_growth_pct"]
    assert doc["over"] == [2026, 2030] and rate is not None and rate > 6.0  # more than the own 6 %
    own = dict(
        zip(
            range(2026, 2041),
            _quiet(sim.solve, _quiet(sim.load_scenario, FOUNDING), BY).own_growth_pct,
            strict=True,
        )
    )
    assert set(own.values()) == {6.0}  # the founding path after 2030: its own 6 %
    reach = cli("run", write("at.yaml", _plan_yaml(rate, own)), "--json").json()["reach_year"]
    assert reach is not None and reach <= BY
    less = cli("run", write("less.yaml", _plan_yaml(round(rate - 0.1, 2), own)), "--json").json()[
        "reach_year"
    ]
    assert less is None or less > BY


def test_the_gaps_are_given_for_every_year_in_yuan_and_percent(founding):
    sol = sim.solve(founding, BY, over=OVER)
    gaps = sol.gaps()
    cols = names.solve_gap_columns()
    assert list(gaps[names.YEAR]) == list(range(founding.base_year, founding.horizon + 1))
    own = sim.project(founding)
    np.testing.assert_allclose(gaps[cols["gap_own_pct"]], own.gap_pct())
    np.testing.assert_allclose(gaps[cols["level_own"]], own.gdp[:, founding.target])
    np.testing.assert_allclose(
        gaps[cols["gap_own_pct"]], (gaps[cols["level_own"]] / gaps[cols["threshold"]] - 1) * 100
    )
    # the answer's growth: the rate over the plan period, the own path elsewhere
    real = gaps.set_index(names.YEAR)[cols["real_answer"]]
    np.testing.assert_allclose(real.loc[2026:2030], sol.required_pct)
    np.testing.assert_allclose(real.loc[2031:], 6.0)
    # the answer is behind before the deadline's year and level or ahead by it
    at = gaps.set_index(names.YEAR)[cols["gap_answer_pct"]]
    assert at.loc[BY] >= 0 and (at.loc[: BY - 1] < 0).all()
    assert (gaps[cols["extra"]].iloc[1:6].diff().dropna() > 0).all()  # the plan adds GDP each year
    doc = sol.to_document()
    assert len(doc["gaps"]) == len(gaps) and doc["gaps"][0][cols["gap_own"]] == pytest.approx(
        float(gaps[cols["gap_own"]].iloc[0]), abs=1e-3
    )


def test_more_time_never_needs_more_growth(founding):
    curve = [g for _, g in sim.solve(founding, 2035, over=OVER).curve if g is not None]
    assert curve == sorted(curve, reverse=True) and curve[0] > curve[-1]


def test_the_stay_inside_variant(founding, cli, write):
    """Inner Mongolia is 20th in the base year: inside a threshold of 22, the question is staying."""
    sc = founding.with_changes({"threshold_rank": 22})
    sol = sim.solve(sc, 2033, over=OVER)
    assert sol.question == "stay" and sol.required_pct is not None
    param = parse_parameter(sc.panel.regions, "provinces.15.real_growth.2026-2030", "set")

    def inside_through(rate):
        ranks = sim.project(sc, [(param, rate)]).target_rank
        return bool((ranks[: 2033 - sc.base_year + 1] <= 22).all())

    assert inside_through(sol.required_pct) and not inside_through(round(sol.required_pct - 0.1, 2))
    path = write("stay.yaml", f"extends: {FOUNDING}\nname: stay\nthreshold_rank: 22\n")
    res = cli("solve", path, "--by", 2033, "--over", "2026:2030", "--out", write("x", "").parent / "o")
    assert res.code == 0, res.err
    page = (write("x", "").parent / "o" / "solve.html").read_text(encoding="utf-8")
    assert "to stay within rank 22" in page and "needed to reach" not in page


PLAN = {
    "real_set": ("provinces.Inner Mongolia.real_growth.2026-2030", "set", 7.5),
    "real_shift": ("provinces.Inner Mongolia.real_growth.2027-2029", "shift", 1.0),
    "rival_deflator": ("provinces.Yunnan.deflator.2026-2028", "set", 0.5),
}


@pytest.mark.parametrize("start", ["default", "founding"])
@pytest.mark.parametrize("variant", sorted(PLAN))
def test_a_plan_period_parameter_is_one_variant_by_every_route(founding, start, variant):
    sc = sim.default_scenario() if start == "default" else founding
    path, mode, value = PLAN[variant]
    param = parse_parameter(sc.panel.regions, path, mode)
    settings = [(param, value)]
    written = _quiet(sc.with_changes, parameter_changes(sc, settings))
    np.testing.assert_allclose(sim.project(sc, settings).gdp, sim.project(written).gdp, rtol=1e-12)
    a = simulate(sc, 600, seed=4, settings=settings).reach_probability()
    b = simulate(written, 600, seed=4).reach_probability()
    np.testing.assert_allclose(a, b, atol=1.5e-6)
    years = [int(y) for y in sc.years]
    swept = _quiet(
        sim.sweep, sc, [(path, mode, [value])], rank_years=years, thresholds=False, paths=600, seed=4
    )
    p = swept.to_document()["points"][0]["reach_probability"]
    np.testing.assert_allclose([p[str(y)] for y in years], b[1:], atol=1.5e-6)
    frame = sim.evaluate(
        sc, pd.DataFrame({path: [value]}), modes={path: mode}, years=years, paths=600, seed=4
    )
    np.testing.assert_allclose(frame[[f"reach_probability_{y}" for y in years]].to_numpy()[0], b[1:], atol=1.5e-6)


def test_a_plan_period_changes_its_years_only(founding):
    sc = sim.default_scenario()
    param = parse_parameter(sc.panel.regions, "provinces.15.real_growth.2026-2030", "set")
    own = np.expm1(sim.project(sc).growth.real[:, sc.target]) * 100
    new = np.expm1(sim.project(sc, [(param, 9.0)]).growth.real[:, sc.target]) * 100
    np.testing.assert_allclose(new[:5], 9.0)
    np.testing.assert_allclose(new[5:], own[5:])
    roles = cell_roles(sc.growth, [param])  # planned as a whole (the written route writes every year)
    assert roles.fixed_real[:, sc.target].all()


def test_bad_plan_periods_are_one_line_errors(cli):
    assert "--over" in cli("solve", FOUNDING, "--by", 2032, "--over", "2020:2030").err
    assert cli("solve", FOUNDING, "--by", 2032, "--over", "2026:2030", "--lead").code == 2
    res = cli("solve", FOUNDING, "--by", 2027, "--over", "2028:2030")
    assert res.code == 2 and "before the plan period" in res.err
    with pytest.raises(sim.InputError, match="a lead covers every year"):
        parse_parameter(sim.default_scenario().panel.regions, "provinces.15.lead.2026-2030", "set")
    res = cli("sweep", FOUNDING, "--set", "provinces.15.real_growth.2020-2030=5:6:1")
    assert res.code == 2 and "outside the projection" in res.err
