"""One route per variant: every way of running one variant gives the same numbers for one seed.

A variant can be reached through batch settings (``simulate(settings=)``, ``sweep(paths=)``,
``evaluate(paths=)``, the what-if app) or by writing it into the scenario (``with_changes``,
the app's saved file, solve's probability mode). Which cells follow the national path, carry an
estimated spread or are pinned is decided from the variant itself, so all routes must agree.

Tested on a scenario whose target path is NOT written (``default_scenario()``: a set real growth
changes the target's role under uncertainty) and on the founding one (target written), for a set
real growth, a shifted lead, a national shift, a deflator shift and the spreads' half-lives (the
growth spreads' and the price spreads' own).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import sim
from sim.analyses.montecarlo import simulate
from sim.inputs.params import parse_parameter
from sim.model.growth import cell_roles, fields_with
from sim.model.scenario import parameter_changes
from tests.conftest import FOUNDING

PATHS, SEED = 1500, 9


def _default():
    return sim.default_scenario()


def _default_with_lead():
    return sim.default_scenario().with_changes({"provinces.15.real_growth": {"lead": 1.5}}, rename=False)


def _founding():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sim.load_scenario(FOUNDING)


STARTS = {"default": _default, "default_lead": _default_with_lead, "founding": _founding}
VARIANTS = {
    "real_set": ("provinces.Inner Mongolia.real_growth", "set", 7.0),
    "lead_shift": ("provinces.Inner Mongolia.real_growth", "shift", 1.0),
    "national_shift": ("national.real_growth", "shift", -0.5),
    "deflator_shift": ("provinces.Inner Mongolia.deflator", "shift", 1.0),
    "rival_set": ("provinces.Yunnan.real_growth", "set", 3.0),
    "half_life_set": ("others.half_life", "set", 4.0),
    "price_half_life_set": ("others.deflator_half_life", "set", 3.0),
}
CASES = [
    ("default", "real_set"),
    ("default", "national_shift"),
    ("default", "deflator_shift"),
    ("default", "rival_set"),
    ("default_lead", "lead_shift"),
    ("default_lead", "real_set"),
    ("founding", "real_set"),
    ("founding", "national_shift"),
    ("founding", "deflator_shift"),
    ("founding", "lead_shift"),
    ("founding", "half_life_set"),
    ("founding", "price_half_life_set"),
    ("default", "price_half_life_set"),
]


@pytest.fixture(scope="module")
def starts():
    return {k: f() for k, f in STARTS.items()}


def _routes(sc, path, mode, value):
    """P(reach by each year) of one variant by every route, same seed."""
    param = parse_parameter(sc.panel.regions, path, mode)
    settings = [(param, value)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        written = sc.with_changes(parameter_changes(sc, settings))
    years = [int(y) for y in sc.years]
    out = {
        "with_changes": simulate(written, PATHS, seed=SEED).reach_probability()[1:],
        "settings": simulate(sc, PATHS, seed=SEED, settings=settings).reach_probability()[1:],
    }
    swept = sim.sweep(sc, [(path, mode, [value])], rank_years=years, thresholds=False, paths=PATHS, seed=SEED)
    out["sweep"] = np.array(
        [swept.to_document()["points"][0]["reach_probability"][str(y)] for y in years]
    )
    frame = sim.evaluate(sc, pd.DataFrame({path: [value]}), modes={path: mode}, years=years, paths=PATHS, seed=SEED)
    out["evaluate"] = frame[[f"reach_probability_{y}" for y in years]].to_numpy()[0]
    return out, written, settings


@pytest.mark.parametrize(("start", "variant"), CASES)
def test_every_route_gives_the_same_probabilities(starts, start, variant):
    sc = starts[start]
    out, written, settings = _routes(sc, *VARIANTS[variant])
    ref = out["with_changes"]
    for route, probs in out.items():
        np.testing.assert_allclose(probs, ref, atol=1.5e-6, err_msg=f"{route} differs from with_changes")
    # and the deterministic projections are the same growth
    np.testing.assert_allclose(
        sim.project(sc, settings).gdp, sim.project(written).gdp, rtol=1e-12
    )


def test_a_set_real_growth_changes_the_targets_role_under_uncertainty(starts):
    """The defect the routes test guards: on the default scenario the target follows the nation;
    setting its growth fixes it, so the national error no longer moves it."""
    sc = starts["default"]
    param = parse_parameter(sc.panel.regions, "provinces.15.real_growth", "set")
    free, fixed = cell_roles(sc.growth), cell_roles(sc.growth, [param])
    assert free.follows_nation[:, sc.target].all() and not fixed.follows_nation[:, sc.target].any()
    assert not fixed.estimated_real[:, sc.target].any()
    shifted = cell_roles(sc.growth, [parse_parameter(sc.panel.regions, "provinces.15.real_growth", "shift")])
    np.testing.assert_array_equal(shifted.follows_nation, free.follows_nation)  # a shift keeps roles


def test_the_whatif_app_gives_the_route_answer(starts):
    from sim.serve.whatif import Session, WhatIf

    sc = starts["default"]
    session = Session(sc, paths=PATHS, seed=SEED)
    w = WhatIf(target_real=7.0, national_shift=-0.5)
    ev = session.evaluate(w)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        variant = session.variant(w)
    ref = simulate(variant, PATHS, seed=SEED).reach_probability()
    np.testing.assert_allclose(ev.reach_probability, ref, atol=1.5e-6)


def test_solve_probability_mode_follows_the_settings_route(starts):
    sc = starts["default"]
    res = sim.solve(sc, 2035, probability=0.5, paths=800, seed=3)
    rate = res.required_pct
    assert rate is not None
    param = parse_parameter(sc.panel.regions, f"provinces.{sc.target_code}.real_growth", "set")
    at = simulate(sc, 800, seed=3, settings=[(param, rate)]).reach_probability()
    below = simulate(sc, 800, seed=3, settings=[(param, rate - 0.01)]).reach_probability()
    i = 2035 - sc.base_year
    assert at[i] >= 0.5 > below[i]


def test_a_threshold_setting_is_honoured_not_ignored(starts):
    sc = starts["founding"]
    k3 = parse_parameter(sc.panel.regions, "threshold_rank", "set")
    proj = sim.project(sc, [(k3, 3)])
    assert proj.threshold_rank == 3 and proj.reach_year != sim.project(sc).reach_year
    assert proj.reach_year == sim.project(sc.with_changes({"threshold_rank": 3})).reach_year
    mc = simulate(sc, 300, seed=1, settings=[(k3, 3)])
    assert mc.scenario.threshold_rank == 3
    with pytest.raises(sim.InputError, match="whole rank between 1 and 30"):
        sim.project(sc, [(k3, 40)])
    with pytest.raises(sim.InputError, match="must be a Parameter"):
        sim.project(sc, [("threshold_rank", 3)])  # type: ignore[list-item]


def test_growth_model_fields_are_classified_and_diff_reads_the_classification():
    import dataclasses

    from sim.analyses import diff
    from sim.model.growth import ROLES, GrowthModel

    for f in dataclasses.fields(GrowthModel):
        assert f.metadata.get("role") in ROLES, f.name
    walked = {name for _, fields in diff.SHARED for name in fields} | set(diff.COLUMNS)
    expected = {f.name for role in ("shared", "estimated", "written") for f in fields_with(role)}
    assert walked == expected
    with pytest.raises(TypeError):
        GrowthModel(np.arange(3), 2020)  # type: ignore[misc]  # keyword only


def test_growth_model_arrays_are_read_only(starts):
    g = starts["founding"].growth
    with pytest.raises(ValueError, match="read-only"):
        g.fixed_real_pct[0, 0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        g.national_real_pct[0] = 1.0


def test_an_undefined_sobol_index_is_nan_and_flagged_not_zero(starts):
    """The target's rank in the base year does not vary: its indices are undefined."""
    from sim.analyses.sensitivity import sensitivity
    from sim.model.scenario import ParameterRange, SensitivitySettings

    sc = starts["founding"]
    spec = SensitivitySettings(
        outcome=f"rank_{sc.base_year}",
        parameters=(ParameterRange("provinces.Inner Mongolia.real_growth", "set", 4.0, 8.0),),
        sobol_samples=64,
    )
    res = sensitivity(sc, spec, seed=1)
    s = res.sobol[0]
    assert not s.defined and np.isnan(s.first_order) and np.isnan(s.total_order)
    doc = res.to_document()
    assert doc["sobol"][0]["defined"] is False and doc["sobol"][0]["first_order"] is None


def test_design_probabilities_keep_one_chunk_of_draws(starts, monkeypatch):
    """Rows are counted chunk by chunk (the draws of one chunk in memory), with the same answer."""
    import sim.analyses.montecarlo as mc

    sc = starts["default"]
    design = pd.DataFrame({"provinces.Inner Mongolia.real_growth": [5.0, 7.0]})
    whole = sim.evaluate(sc, design, paths=900, seed=2)
    monkeypatch.setattr(mc, "CHUNK_PATHS", 256)
    chunked = sim.evaluate(sc, design, paths=900, seed=2)
    single = simulate(sc.with_changes({"provinces.15.real_growth": 7.0}), 900, seed=2, chunk=256)
    assert chunked[f"reach_probability_{sc.horizon}"].iloc[1] == pytest.approx(single.reach_probability()[-1], abs=1e-9)
    monkeypatch.undo()
    default = simulate(sc.with_changes({"provinces.15.real_growth": 7.0}), 900, seed=2)
    assert whole[f"reach_probability_{sc.horizon}"].iloc[1] == pytest.approx(default.reach_probability()[-1], abs=1e-9)


@pytest.mark.parametrize("start", ["default", "founding"])
def test_a_lead_parameter_is_the_written_lead_by_every_route(starts, start):
    sc = starts[start]
    out, written, settings = _routes(sc, "provinces.Inner Mongolia.lead", "set", 1.5)
    for route, probs in out.items():
        np.testing.assert_allclose(probs, out["with_changes"], atol=1.5e-6, err_msg=route)
    assert written.provinces[sc.target][0] == {"lead": 1.5}
    real = sim.project(sc, settings).growth.real[:, sc.target]
    np.testing.assert_allclose(np.expm1(real) * 100, sc.growth.national_real_pct + 1.5)


def test_the_lead_solve_round_trips(starts):
    """The returned lead reaches by the deadline; 0.1 point less does not."""
    sc = starts["founding"]
    res = sim.solve(sc, 2035, lead=True)
    doc = res.to_document()
    lead = doc["required_lead_pp"]
    assert lead is not None and "required_real_growth_pct" not in doc
    reach = lambda pp: sim.project(sc.with_changes({"provinces.15.real_growth": {"lead": pp}})).reach_year  # noqa: E731
    assert reach(lead) <= 2035
    later = reach(round(lead - 0.1, 2))
    assert later is None or later > 2035
    assert doc["historical_lead_pp"] == pytest.approx(
        float(np.mean(sc.panel.real_growth_pct[-10:, sc.target] - sc.panel.national.real_growth_pct[-10:])), abs=0.006
    )


def test_the_whatif_session_is_safe_from_several_threads(starts):
    """The app's server calls from several threads: variants are cached under a lock and every
    thread gets the same answer."""
    from concurrent.futures import ThreadPoolExecutor

    from sim.serve.whatif import Session, WhatIf

    session = Session(starts["founding"], paths=0)
    shifts = [0.5, 1.0, 1.5, 2.0] * 6
    with ThreadPoolExecutor(6) as pool:
        years = list(pool.map(lambda c: session.evaluate(WhatIf(commodity_shift=c)).projection.reach_year, shifts))
    alone = {c: Session(starts["founding"], paths=0).evaluate(WhatIf(commodity_shift=c)).projection.reach_year for c in set(shifts)}
    assert years == [alone[c] for c in shifts]
    assert len(session._variants) == 4
