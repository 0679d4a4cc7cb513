"""Issue 22: regions treated alike — no hand-picked group in any default; an estimated price-cycle
group and the deflator rule chosen out of sample (real panel)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from sim.analyses.calibration import NOISE_SE, RULE_MODELS, deflator_comparison, rank_error_choice, rule_of
from sim.inputs.choices import DEFAULT_DEFLATOR_HALF_LIFE, DEFAULT_DEFLATOR_MODEL
from sim.model.prices import factor_group
from sim.model.scenario import default_scenario, load_scenario
from tests.conftest import FOUNDING


@pytest.fixture(scope="module")
def panel():
    return default_scenario().panel


def codes(panel, group):
    return {panel.regions.codes[i] for i in group}


def test_the_price_cycle_group_is_estimated_from_the_data(panel):
    """The common factor of all regions' deflator spreads picks its own group, and the group
    changes with what was known (no list of names)."""
    assert codes(panel, factor_group(panel, 2025)) == {"14", "61", "64", "65"}
    assert codes(panel, factor_group(panel, 2014)) == {"13", "14", "54", "64"}  # Hebei and Tibet


def test_the_price_cycle_group_uses_no_later_data(panel):
    b = 2014
    gdp = panel.gdp.copy()
    gdp[panel.years > b] *= np.random.default_rng(0).uniform(0.5, 2.0, size=gdp[panel.years > b].shape)
    spoiled = dataclasses.replace(panel, gdp=gdp)
    assert factor_group(spoiled, b) == factor_group(panel, b)
    assert factor_group(spoiled, 2020) != factor_group(panel, 2020)


def test_no_default_names_a_group():
    sc = load_scenario(FOUNDING)  # sets no deflator model
    assert DEFAULT_DEFLATOR_MODEL == "mean_spread" == sc.others.deflator_model
    assert np.all(sc.growth.spread_deflator != 0)  # every region alike: its own spread, fading
    assert {m for m, _ in RULE_MODELS} == {"national", "mean_spread"}
    grouped = sc.with_changes({"others.deflator_model": "factor_neutral"})
    kept = np.flatnonzero(grouped.growth.spread_deflator == 0)
    assert {sc.panel.regions.codes[i] for i in kept} == {"14", "61", "64", "65"}


@pytest.mark.slow
def test_the_honest_rule_chooses_the_default_deflator_rule():
    """docs/calibration.md: rolling origin among the rules that treat regions alike, jump-offs
    2008-2019. Spreads fading within a year beat "national" (no spread) and the spreads fading
    like real growth (version 0.2); with everything known the rule picks the shipped default."""
    sc = load_scenario(FOUNDING)
    rules = (("national", None), ("mean_spread", 0.5), ("mean_spread", 1.0), ("mean_spread", None))
    ch = rank_error_choice(sc, range(2002, 2025), models=rules)
    cmp = deflator_comparison(ch, list(range(2008, 2020)))
    assert cmp.rules == rules and cmp.best == "mean_spread (deflator half-life 1)"
    # national and prices fading like growth (version 0.2) both score worse on average, within noise
    assert 0 < cmp.gap[0] < NOISE_SE * cmp.gap_se[0] and cmp.gap[3] > 0
    rule = ch.subset([i for i, c in enumerate(ch.candidates) if rule_of(c) in RULE_MODELS])
    chosen = rule.candidates[rule.chosen(2025)]
    assert rule_of(chosen) == (DEFAULT_DEFLATOR_MODEL, DEFAULT_DEFLATOR_HALF_LIFE)
    assert chosen["others.window"] == [2023, 2025] and chosen["others.half_life"] == sc.others.half_life


def test_every_region_carries_the_uncertainty_of_its_prices():
    """A rule that sets a price spread to 0 asserts a point value, not certainty: every cell of
    the others model redraws its deflator spread in Monte Carlo (the hand-picked group used to
    get none, one reason its bands were too narrow)."""
    from sim.model.growth import cell_roles

    for model in ("national", "resource_neutral", "factor_neutral"):
        sc = load_scenario(FOUNDING).with_changes({"others.deflator_model": model})
        roles = cell_roles(sc.growth)
        others = [i for i in range(sc.n_regions) if i != sc.target]
        assert roles.estimated_deflator[:, others].all() and roles.estimated_real[:, others].all()
        assert not roles.estimated_real[:, sc.target].any()  # its written plan is no estimate
