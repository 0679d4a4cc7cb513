"""Prices and plans: leads, temporary shifts, preliminary figures, commodity prices and the deflator
models, checked by hand where the answer is closed-form, and through every command."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import sim
from sim.errors import ScenarioError
from sim.inputs.params import parse_parameter
from sim.model.growth import assemble
from sim.model.prices import RESOURCE_CODES, factor_group
from tests.conftest import FOUNDING

PLANS = """name: plans
base_year: 2024
horizon: 2035
national: {real_growth: {2025: 5.0, 2035: 4.0}, deflator: 1.0}
provinces:
  Guangxi: {real_growth: {lead: 1.5}, deflator: {lead: {2025: 0.5, 2035: -0.5}}}
  Inner Mongolia:
    real_growth: 6.0
    shift: {deflator: {2026: -3, 2027: -3}}
    gdp: {2025: 26700}
sweep:
  - {param: national.real_growth, mode: shift, values: [-1, 0, 1]}
sensitivity:
  parameters:
    national.real_growth: {shift: [-1, 1]}
  sobol_samples: 64
"""


@pytest.fixture()
def plans(write):
    return sim.load_scenario(write("plans.yaml", PLANS))


def pct(log_growth):
    return np.expm1(log_growth) * 100


def test_a_lead_is_the_national_path_plus_points(plans):
    g = assemble(plans.growth)
    gx = plans.panel.regions.find("Guangxi")
    nat_r, nat_d = plans.growth.national_real_pct, plans.growth.national_deflator_pct
    assert np.allclose(pct(g.real[:, gx]), nat_r + 1.5)
    assert np.allclose(pct(g.deflator[:, gx]), nat_d + np.interp(plans.years, [2025, 2035], [0.5, -0.5]))
    assert plans.growth.source_real[gx] == "lead"
    # a national shift in a design moves a lead province with the nation
    shift = parse_parameter(plans.panel.regions, "national.real_growth", "shift")
    out = assemble(plans.growth, [(shift, np.array([1.0]))])
    assert np.allclose(pct(out.real[0, :, gx]), nat_r + 1.0 + 1.5)


def test_a_shift_adds_points_in_the_listed_years_only(plans, write):
    im = plans.target
    g = assemble(plans.growth)
    without = sim.load_scenario(
        write("p2.yaml", PLANS.replace("    shift: {deflator: {2026: -3, 2027: -3}}\n", ""))
    )
    h = assemble(without.growth)
    diff = pct(g.deflator[:, im]) - pct(h.deflator[:, im])
    expected = np.where(np.isin(plans.years, [2026, 2027]), -3.0, 0.0)
    assert np.allclose(diff, expected)


def test_the_projection_passes_through_a_preliminary_figure(plans):
    im = plans.target
    proj = sim.project(plans)
    assert proj.gdp[1, im] == pytest.approx(26700.0)
    # real growth stays as planned: the year's prices are what is implied
    assert pct(proj.growth.real[0, im]) == pytest.approx(6.0)
    implied = 26700.0 / proj.gdp[0, im] / 1.06 - 1
    assert pct(proj.growth.deflator[0, im]) == pytest.approx(implied * 100)
    # every variant of a sweep or design starts from the same known level
    out = sim.evaluate(plans, {"provinces.Inner Mongolia.real_growth": [3.0, 9.0]}, years=[2025])
    assert out["gap_pct_2025"].nunique() == 1


def test_a_national_preliminary_figure_implies_the_national_deflator(write):
    nat = sim.default_scenario().panel.national
    y24 = float(nat.gdp[nat.years == 2024][0])
    sc = sim.load_scenario(
        write(
            "n.yaml",
            f"name: n\nbase_year: 2024\nnational: {{real_growth: 5.0, gdp: {{2025: {y24 * 1.04}}}}}\n",
        )
    )
    assert sc.growth.national_deflator_pct[0] == pytest.approx((1.04 / 1.05 - 1) * 100)


def test_commodity_prices_move_the_resource_regions_and_the_answer():
    years = {
        v: sim.project(sim.load_scenario(f"scenarios/coal_{v}.yaml")).reach_year
        for v in ("low", "base", "high")
    }
    assert years["high"] <= years["base"] <= years["low"] and years["high"] < years["low"]
    base = sim.load_scenario("scenarios/coal_base.yaml")
    low = sim.load_scenario("scenarios/coal_low.yaml")
    shanxi = base.panel.regions.find("Shanxi")
    drop = pct(assemble(low.growth).deflator[0, shanxi]) - pct(assemble(base.growth).deflator[0, shanxi])
    assert drop < -4  # Shanxi loads more than 1 on the factor (ranksim data --model)


def test_deflator_models(write):
    sc = sim.load_scenario(FOUNDING)
    codes = sc.panel.regions.codes
    coal = [codes.index(c) for c in RESOURCE_CODES]
    # the default (chosen out of sample): every region's mean price spread, fading within a year
    assert sc.others.deflator_model == "mean_spread" and sc.others.deflator_half_life == 1.0
    assert np.all(sc.growth.spread_deflator[coal] != 0) and sc.growth.deflator_half_life == 1.0
    plain = sc.with_changes({"others.deflator_model": "national"})
    assert np.all(plain.growth.spread_deflator == 0)
    neutral = sc.with_changes({"others.deflator_model": "resource_neutral"})
    assert np.all(neutral.growth.spread_deflator[coal] == 0) and np.any(neutral.growth.spread_deflator != 0)
    old = sc.with_changes({"others.deflator_half_life": None})  # version 0.2: like the real spreads
    assert old.growth.deflator_half_life is None and old.others.deflator_half_life is None
    group = list(factor_group(sc.panel, sc.base_year))
    factor = sc.with_changes({"others.deflator_model": "factor_neutral"})
    assert group and np.all(factor.growth.spread_deflator[group] == 0)
    assert np.any(factor.growth.spread_deflator != 0)
    ec = sc.with_changes({"others.deflator_model": "error_correction", "others.price_speed": "by_group"})
    assert ec.prices is not None and ec.prices.speed_resource < 0 and ec.prices.speed < 0
    assert ec.growth.deflator_path is not None


@pytest.mark.parametrize(
    ("text", "field", "fragment"),
    [
        ("  Inner Mongolia: {gdp: {2027: 28000}}\n", "provinces.15.gdp", "consecutive years from 2026"),
        (
            "  Inner Mongolia: {real_growth: {lead: 1, 2030: 2}}\n",
            "provinces.Inner Mongolia.real_growth",
            "alone",
        ),
        ("  Inner Mongolia: {shift: {deflator: {2050: -3}}}\n", "provinces.15.shift.deflator", "outside"),
        ("  Inner Mongolia: {gdp: {2025: -5}}\n", "provinces.Inner Mongolia.gdp", "positive"),
    ],
)
def test_plan_errors_name_file_line_and_field(write, text, field, fragment):
    path = write("bad.yaml", "name: bad\nprovinces:\n" + text)
    with pytest.raises(ScenarioError) as info:
        sim.load_scenario(path)
    assert info.value.file == str(path) and info.value.line == 3
    assert info.value.field == field and fragment in info.value.message


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [
        ["run", "--paths", "2000", "--seed", "1"],
        ["montecarlo", "--paths", "2000", "--seed", "1"],
        ["sweep"],
        ["solve", "--by", "2030"],
        ["sensitivity", "--seed", "1"],
    ],
    ids=["run", "montecarlo", "sweep", "solve", "sensitivity"],
)
def test_plans_work_through_every_command(cli, write, tmp_path, argv):
    path = write("plans.yaml", PLANS)
    res = cli(
        argv[0], path, *argv[1:], "--out", tmp_path / "o", "--quiet" if argv[0] != "sweep" else "--no-report"
    )
    assert res.code == 0, res.err
    assert (tmp_path / "o").is_dir()


def test_solve_keeps_the_preliminary_year(plans):
    sol = sim.solve(plans, 2030)
    assert sol.required_pct is not None
    v = plans.with_changes({"provinces.Inner Mongolia.real_growth": sol.required_pct})
    proj = sim.project(v)
    assert proj.gdp[1, plans.target] == pytest.approx(26700.0) and proj.reach_year <= 2030


def test_design_frame_keeps_labels(plans):
    out = sim.evaluate(plans, pd.DataFrame({"name": ["a"], "national.real_growth": [4.0]}))
    assert list(out["name"]) == ["a"]


def test_implausible_paths_warn_and_strict_refuses(write, cli):
    path = write("wild.yaml", "name: w\nprovinces:\n  Inner Mongolia: {real_growth: 12, deflator: 25}\n")
    with pytest.warns(sim.RanksimWarning) as caught:
        sc = sim.load_scenario(path)
    texts = [str(w.message) for w in caught]
    assert any("provinces.15.real_growth: warning: a real-growth lead of +6.7 points" in t for t in texts)
    assert any("provinces.15.deflator: warning: a deflator of 25.0 %" in t for t in texts)
    from sim.present.report import assumptions_rows

    rows = assumptions_rows(sim.project(sc), "en")
    assert sum(r[0] == "⚠ Check this assumption" for r in rows) == 2
    res = cli("run", path, "--strict")
    assert res.code == 2 and res.err.count("\n") == 1 and "an error with --strict" in res.err
    assert cli("run", FOUNDING, "--strict").code == 0  # the shipped scenarios are plausible


def test_targets_carry_their_record(write):
    sc = sim.load_scenario("scenarios/official_targets.yaml")
    from sim.inputs.panel import load_targets
    from sim.model.growth import target_shortfalls

    p = sc.panel
    short = target_shortfalls(load_targets().values, p.regions.codes, p.real_growth_pct, p.years)
    assert 0.4 < short.mean() < 0.8  # provinces missed their 2023-2025 targets by about half a point
    zj = p.regions.find("Zhejiang")
    target_2026 = load_targets().values[("33", 2026)]  # the first projected year's target (5-5.5 %)
    assert pct(assemble(sc.growth).real[0, zj]) == pytest.approx(target_2026 - short[zj])
    plain = sc.with_changes({"others.target_record": False})
    assert pct(assemble(plain.growth).real[0, zj]) == pytest.approx(target_2026)
