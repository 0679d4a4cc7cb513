"""Issue 22: each region's record from the data up to the base year — its bands worked out (the
shock scale per region) and the lean toward "shares stay" (real panel, no mocks)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import sim
from sim.analyses.backtest import rebase
from sim.analyses.diff import diff
from sim.analyses.montecarlo import draw_paths, region_scales, scenario_shocks, simulate
from sim.engine.projection import project
from sim.model.growth import GrowthModel, estimate_spreads, fields_with
from sim.model.record import (
    SCALE_BOUNDS,
    BandSettings,
    _deviation_table,
    _spread_variance,
    band_sd,
    deflator_spread,
    lean_weights,
    record,
    scale_factors,
)
from sim.model.scenario import load_scenario
from tests.conftest import FOUNDING


@pytest.fixture(scope="module")
def founding():
    return load_scenario(FOUNDING)


def _spoiled_after(panel, b):
    """The panel with every GDP after ``b`` scrambled."""
    later = panel.years > b
    gdp = panel.gdp.copy()
    gdp[later] *= np.random.default_rng(0).uniform(0.5, 2.0, size=gdp[later].shape)
    return dataclasses.replace(panel, gdp=gdp)


def test_worked_out_bands_match_the_drawn_ones(founding):
    """The band a region's shocks and spread draws give h years ahead, worked out from the same
    table, is within 15 % of the drawn one for every region (jump-off 2012, 3 years, 4000 paths)."""
    b, h = 2012, 3
    sc = rebase(founding, b, h)
    u = sc.uncertainty
    final = np.log(project(sc).levels[-1]) + draw_paths(sc, np.random.default_rng(1))(4000).totals()
    log_share = final - np.log(np.exp(final).sum(axis=1, keepdims=True))
    drawn = log_share.std(axis=0)
    panel = sc.panel
    window = sc.others.window
    _, defl = estimate_spreads(panel, window)
    kept = deflator_spread(panel, b, defl, sc.others.deflator_model)
    bands = BandSettings(u.scale, u.block, u.stationary, u.parameter_scale, u.parameter_half_life)
    every = np.ones(sc.n_regions, dtype=bool)  # every cell redraws its deflator spread
    kept_share = sc.growth.spread_weight  # the price-cycle group draws its kept share of the variance
    var = _spread_variance(panel, window, (), every) * (1.0 if kept_share is None else kept_share)
    worked = band_sd(_deviation_table(panel, b), h, bands, var)
    assert kept.shape == (31,) and kept.all()  # the mean-spread rule keeps every region's price spread
    ratio = worked / drawn
    assert 0.9 < ratio.mean() < 1.1 and (np.abs(ratio - 1) < 0.25).all()


def test_the_record_uses_no_later_data(founding):
    panel, b = founding.panel, 2015
    spoiled = _spoiled_after(panel, b)
    bands = BandSettings(0.6, 2.0, True, 3.0, 6.0)
    for p in (panel, spoiled):
        assert len(record(p, b, 5, 2.0, "national")) == len(record(panel, b, 5, 2.0, "national"))
    a = record(panel, b, 5, 2.0, "national", bands=bands)
    c = record(spoiled, b, 5, 2.0, "national", bands=bands)
    np.testing.assert_array_equal(a.actual, c.actual)
    np.testing.assert_array_equal(a.band, c.band)
    assert (a.jump_off + a.horizon <= b).all() and a.horizon.max() == 5
    np.testing.assert_allclose(a.actual.mean(axis=1), 0.0, atol=1e-12)  # relative to the mean region


def test_region_scales_are_bounded_and_zero_is_the_pooled_model(founding):
    sc = founding.with_changes({"uncertainty.region_scale": 1.0})
    f = region_scales(sc)
    assert f is not None and f.shape == (31,) and SCALE_BOUNDS[0] <= f.min() and f.max() <= SCALE_BOUNDS[1]
    assert region_scales(founding.with_changes({"uncertainty.region_scale": 0.0})) is None
    half = region_scales(founding.with_changes({"uncertainty.region_scale": 0.5}))
    np.testing.assert_allclose(half, scale_factors(*_rec(sc), 0.5))
    inside = (f > SCALE_BOUNDS[0]) & (f < SCALE_BOUNDS[1])  # half the power: the square root
    np.testing.assert_allclose(half[inside], np.sqrt(f[inside]))
    # the scaled table is still mean-zero over the historical years (draws stay mean-zero)
    np.testing.assert_allclose(scenario_shocks(sc).relative.mean(axis=0), 0.0, atol=1e-12)


def _rec(sc):
    u, o = sc.uncertainty, sc.others
    bands = BandSettings(u.scale, u.block, u.stationary, u.parameter_scale, u.parameter_half_life)
    rec = record(
        sc.panel, sc.base_year, 3, o.half_life, o.deflator_model, bands=bands,
        cycle_weight=o.cycle_weight, deflator_half_life=o.deflator_half_life,
    )  # fmt: skip
    weight = sc.growth.spread_weight
    return rec, np.ones(31) if weight is None else weight


def test_region_scales_reach_the_kernel_and_its_twin_alike(founding):
    sc = founding.with_changes({"uncertainty.region_scale": 1.0})
    a = simulate(sc, 3000, seed=4, compiled=True)
    b = simulate(sc, 3000, seed=4, compiled=False)
    np.testing.assert_array_equal(a.rank_counts, b.rank_counts)
    np.testing.assert_array_equal(a.reach_counts, b.reach_counts)
    pooled = simulate(founding.with_changes({"uncertainty.region_scale": 0.0}), 3000, seed=4)
    assert not np.array_equal(a.rank_counts, pooled.rank_counts)


def test_the_lean_is_classified_and_off_by_default(founding):
    (f,) = [f for f in dataclasses.fields(GrowthModel) if f.name == "spread_weight"]
    assert f.metadata["role"] == "estimated" and f.metadata["group"] == "others.lean"
    assert f in fields_with("estimated")
    assert founding.others.lean is None
    # what the default keeps is the price-cycle group's share only (tests/test_cycle_lean.py)
    plain = founding.with_changes({"others.cycle_weight": 1.0})
    assert plain.growth.spread_weight is None and founding.growth.spread_weight is not None


def test_the_lean_moves_other_regions_only_and_every_route_sees_it(founding):
    leaned = founding.with_changes({"others.lean": 0.5})
    w = leaned.growth.spread_weight
    assert w is not None and ((w >= 0) & (w <= 1)).all() and (w < 1).any()
    a, b = project(founding), project(leaned)
    t = founding.target
    np.testing.assert_array_equal(a.growth.real[:, t], b.growth.real[:, t])  # the plan is untouched
    moved = np.flatnonzero(w < 1)
    assert not np.allclose(a.growth.real[:, moved], b.growth.real[:, moved])
    # "shares stay" where the weight is 0: nominal growth = the nation's
    zero = [i for i in np.flatnonzero(w == 0) if i != t]
    if zero:
        g = leaned.growth
        nat = np.log1p(g.national_real_pct / 100) + np.log1p(g.national_deflator_pct / 100)
        np.testing.assert_allclose(b.growth.nominal[:, zero], np.repeat(nat[:, None], len(zero), axis=1))
    # batch route (a sweep) and Monte Carlo without shocks agree with the projection
    sw = sim.sweep(leaned, [("national.real_growth", "shift", [0.0])], thresholds=False)
    assert sw.to_frame()["reach_year"].iloc[0] == b.reach_year or (
        b.reach_year is None and np.isnan(sw.to_frame()["reach_year"].iloc[0])
    )
    quiet = leaned.with_changes({"uncertainty.method": "none"})
    mc = simulate(quiet, 50, seed=1)
    assert mc.reach_year_quantiles()[0.5] == b.reach_year
    # a scenario diff walks the lean as one shared step
    d = diff(founding, leaned, years=[2030])
    assert [c.key for c in d.changes] == ["others.lean"]
    assert d.changes[0].series[0].name == "spread_weight"


def test_lean_weights_shrink_toward_the_pooled_record(founding):
    rec = record(founding.panel, 2025, 5, 2.0, "national")
    own, pooled_heavy = lean_weights(rec, 0.0), lean_weights(rec, 1e6)
    assert ((own >= 0) & (own <= 1)).all()
    assert np.ptp(pooled_heavy) < 1e-3 < np.ptp(own)  # a heavy prior: every region gets the pooled one
    spoiled = _spoiled_after(founding.panel, 2015)
    np.testing.assert_array_equal(
        lean_weights(record(founding.panel, 2015, 5, 2.0, "national"), 1.0),
        lean_weights(record(spoiled, 2015, 5, 2.0, "national"), 1.0),
    )
