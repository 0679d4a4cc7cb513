"""The projection engine: closed-form overtaking years, invariants, batches, pass events."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.engine.levels import project_log_levels
from sim.engine.projection import pass_events, project
from sim.model.growth import decay_factors, path_pct
from sim.model.scenario import load_scenario
from sim.ranks import rank_levels, reach_index, target_rank

CONSTANT = """\
name: constant growth
others: {model: national}
national: {real_growth: 5.0, deflator: 0.0}
horizon: 2060
provinces:
  Inner Mongolia: {real_growth: %s, deflator: 0.0}
"""


def _closed_form_pass_year(
    y_other: float, y_target: float, g_target: float, g_other: float, base: int
) -> int:
    """Smallest k with y_target * (1+gt)^k >= y_other * (1+go)^k, as a year."""
    k = math.log(y_other / y_target) / math.log((1 + g_target) / (1 + g_other))
    return base + math.ceil(k)


@pytest.mark.parametrize("g_target", [6.0, 9.0, 12.5])
def test_constant_growth_gives_closed_form_overtaking_years(write, panel, g_target):
    sc = load_scenario(write("c.yaml", CONSTANT % g_target))
    proj = project(sc)
    base = sc.base_year
    t0 = panel.year_index(base)
    im = sc.target
    y = panel.gdp[t0]
    ahead = [j for j in range(31) if y[j] > y[im]]
    expected = {
        panel.regions.codes[j]: _closed_form_pass_year(y[j], y[im], g_target / 100, 0.05, base) for j in ahead
    }
    got = {e.code: e.year for e in proj.passes if e.direction == "passed"}
    assert got == {c: yr for c, yr in expected.items() if yr <= sc.horizon}
    assert not [e for e in proj.passes if e.direction == "passed_by"]
    # Reach year: when the province holding rank 16 at the base year is passed.
    holder = int(np.flatnonzero(panel.ranks[t0] == 16)[0])
    assert proj.reach_year == expected[panel.regions.codes[holder]]
    # Levels compound exactly.
    k = np.arange(proj.years.size)
    assert np.allclose(proj.gdp[:, im], y[im] * (1 + g_target / 100) ** k)


def test_reach_year_is_none_when_never_reached(write):
    sc = load_scenario(write("c.yaml", (CONSTANT % 5.0).replace("horizon: 2060", "horizon: 2030")))
    proj = project(sc)
    assert proj.reach_year is None
    assert (proj.target_rank == proj.target_rank[0]).all()
    assert proj.passes == []


def test_more_target_growth_never_worsens_rank_or_delays_reach():
    sc = load_scenario("scenarios/inner_mongolia_6pct.yaml")
    ranks, reach = [], []
    for g in np.arange(3.0, 12.01, 0.5):
        p = project(sc.with_changes({f"provinces.{sc.target_code}.real_growth": float(g)}))
        ranks.append(p.target_rank)
        reach.append(p.reach_year if p.reach_year is not None else 10_000)
    ranks = np.array(ranks)
    assert (np.diff(ranks, axis=0) <= 0).all()
    assert (np.diff(reach) <= 0).all()


def test_ranks_are_permutations_and_strict_rule():
    assert rank_levels(np.array([3.0, 3.0, 1.0])).tolist() == [1, 1, 3]
    rng = np.random.default_rng(1)
    levels = rng.lognormal(size=(4, 7, 31))
    ranks = rank_levels(levels)
    assert (np.sort(ranks, axis=-1) == np.arange(1, 32)).all()
    assert (target_rank(levels, 5) == ranks[..., 5]).all()


@pytest.mark.parametrize("n", [70, 700])
def test_ranks_from_sorted_values_are_the_pairwise_rule(n):
    """From SORTED_FROM regions on, ranks come from sorted values: the same strict rule as
    comparing every pair, ties (and -0.0 against 0.0, infinities) included; NaN keeps the pairs."""
    rng = np.random.default_rng(3)
    levels = np.round(rng.lognormal(size=(3, 4, n)), 1)  # many ties
    levels[0, 0, :3] = [np.inf, -0.0, 0.0]
    pairs = 1 + (levels[..., None, :] > levels[..., :, None]).sum(axis=-1)
    assert np.array_equal(rank_levels(levels), pairs)
    levels[1, 1, 5] = np.nan
    pairs = 1 + (levels[..., None, :] > levels[..., :, None]).sum(axis=-1)
    assert np.array_equal(rank_levels(levels), pairs)


def test_log_levels_round_trip_and_batch_equals_single():
    rng = np.random.default_rng(2)
    base = rng.normal(10, 1, size=31)
    growth = rng.normal(0.05, 0.02, size=(3, 5, 12, 31))
    batch = project_log_levels(base, growth)
    assert batch.shape == (3, 5, 13, 31)
    assert np.allclose(np.diff(batch, axis=-2), growth)  # rates come back
    single = project_log_levels(base, growth[2, 4])
    assert np.array_equal(batch[2, 4], single)


def test_equal_shift_of_every_growth_leaves_ranks_unchanged():
    rng = np.random.default_rng(3)
    base = rng.normal(10, 1, size=31)
    growth = rng.normal(0.05, 0.02, size=(12, 31))
    a = rank_levels(project_log_levels(base, growth))
    b = rank_levels(project_log_levels(base, growth + 0.013))
    assert np.array_equal(a, b)


def test_reach_index():
    assert reach_index(np.array([[20, 18, 16, 17], [20, 20, 20, 20]]), 16).tolist() == [2, -1]


def test_pass_and_re_pass_both_reported():
    years = np.arange(2024, 2029)
    gdp = np.array([[10.0, 12.0], [11.0, 12.0], [13.0, 12.0], [11.5, 12.0], [12.5, 12.0]])
    events = pass_events(gdp, years, 0, ("A", "B"))
    assert [(e.year, e.code, e.direction) for e in events] == [
        (2026, "B", "passed"),
        (2027, "B", "passed_by"),
        (2028, "B", "passed"),
    ]


def test_path_interpolation_linear_between_flat_outside():
    years = np.arange(2023, 2033)
    got = path_pct({2025: 5.0, 2030: 4.0}, years)
    assert got.tolist() == pytest.approx([5.0, 5.0, 5.0, 4.8, 4.6, 4.4, 4.2, 4.0, 4.0, 4.0])
    assert path_pct(6.0, years).tolist() == [6.0] * 10


def test_decay_halves_at_half_life():
    f = decay_factors(np.array([2025, 2029, 2034]), 2024, 5.0)
    assert f[1] == pytest.approx(2**-1)
    assert f[2] == pytest.approx(2**-2)
    assert (decay_factors(np.array([2030]), 2024, None) == 1).all()


def test_spread_model_uses_national_plus_decayed_spread(write, panel):
    sc = load_scenario(
        write(
            "s.yaml",
            "name: s\nnational: {real_growth: 5.0, deflator: 1.0}\n"
            "others: {window: [2016, 2025], half_life: 4}\n",
        )
    )
    proj = project(sc)
    assert sc.base_year == 2025
    sx = panel.regions.find("Shanxi")
    t = (panel.years >= 2016) & (panel.years <= 2025)
    spread = np.mean(panel.log_real[t, sx] - panel.national.log_real[t])
    kept = sc.growth.spread_weight  # Shanxi is in the price-cycle group: it keeps a share
    assert kept is not None and kept[sx] == sc.others.cycle_weight < 1
    expected = math.log(1.05) + kept[sx] * spread * 2 ** (-(2028 - 2025) / 4)
    assert proj.growth.real[2028 - 2026, sx] == pytest.approx(expected)
    assert proj.scenario.growth.source_real[sx] == "spread"
