"""Backtests: no look-ahead, naive baseline recomputed independently, contracts, honest claims."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from sim.analyses.backtest import backtest, rebase
from sim.inputs.panel import DEFAULT_PANEL
from sim.model.scenario import default_scenario, load_scenario
from tests.conftest import FOUNDING


@pytest.fixture(scope="module")
def scenario():
    return default_scenario()


def test_no_data_after_jump_off_is_used(scenario):
    panel = scenario.panel
    b = 2012
    later = panel.years > b
    rng = np.random.default_rng(0)
    gdp = panel.gdp.copy()
    gdp[later] *= rng.uniform(0.5, 2.0, size=gdp[later].shape)
    real = panel.real_growth_pct.copy()
    real[later] += rng.normal(0, 5, size=real[later].shape)
    nat = dataclasses.replace(
        panel.national, gdp=panel.national.gdp * np.where(panel.national.years > b, 3.0, 1.0)
    )
    corrupted = dataclasses.replace(panel, gdp=gdp, real_growth_pct=real, national=nat)
    original = backtest(scenario, [b], 5)
    spoiled = backtest(scenario.with_changes(panel=corrupted), [b], 5)
    assert np.array_equal(original.predicted, spoiled.predicted)
    assert not np.array_equal(original.actual, spoiled.actual)


def test_naive_baseline_recomputed_from_the_csv(scenario):
    frame = pd.read_csv(DEFAULT_PANEL, dtype={"province_code": str})
    frame["rank"] = frame.groupby("year")["gdp_nominal_100m_yuan"].rank(ascending=False, method="min")
    wide = frame.pivot(index="year", columns="province_code", values="rank")
    h, years = 5, range(2008, 2020)
    errors = [np.abs(wide.loc[b] - wide.loc[b + h]).mean() for b in years]
    result = backtest(scenario, years, h)
    assert result.naive_metrics.rank_mae == pytest.approx(float(np.mean(errors)))
    im = [abs(wide.loc[b, "15"] - wide.loc[b + h, "15"]) for b in years]
    assert result.naive_metrics.target_rank_mae == pytest.approx(float(np.mean(im)))


@pytest.mark.parametrize("horizon", [1, 3, 5, 10])
def test_default_model_beats_naive_on_all_regions(scenario, horizon):
    """The claim the README makes, on the real panel (mean absolute rank error)."""
    result = backtest(scenario, range(2008, 2020), horizon)
    assert result.model.rank_mae < result.naive_metrics.rank_mae
    assert result.model.spearman > result.naive_metrics.spearman


def test_rebase_ends_windows_at_jump_off():
    sc = load_scenario(FOUNDING)
    old = rebase(sc, 2012, 5)
    assert old.others.window == (2010, 2012)  # same 3-year length as the scenario's window
    assert old.panel.last_year == 2012 and old.horizon == 2017
    assert old.provinces == {} and old.national_written[0] == "trailing"
    assert old.uncertainty.window[1] == 2012


def test_json_contract_and_coverage(cli):
    res = cli("backtest", "--from", "2010:2014", "--horizon", "3", "--json")
    assert res.code == 0, res.err
    doc = res.json()
    assert doc["horizon"] == 3 and doc["jump_off_years"] == [2010, 2011, 2012, 2013, 2014]
    assert doc["national"] == "trailing" and doc["coverage"] is None
    assert (
        set(doc["model"]) == set(doc["naive"]) == {"rank_mae", "spearman", "exact_share", "target_rank_mae"}
    )
    assert [r["year"] for r in doc["by_jump_off"]] == doc["jump_off_years"]
    res = cli("backtest", "--from", "2010:2012", "--horizon", "3", "--paths", "500", "--seed", "2", "--json")
    cov = res.json()["coverage"]
    assert set(cov) == {"0.5", "0.8"} and 0 <= cov["0.5"] <= cov["0.8"] <= 1


def test_national_actual_mode(cli):
    res = cli("backtest", "--from", "2010:2012", "--horizon", "3", "--national", "actual", "--json")
    assert res.code == 0 and res.json()["national"] == "actual"


def test_no_usable_jump_off_is_a_clear_error(cli):
    res = cli("backtest", "--from", "2022:2023", "--horizon", "5")
    assert res.code == 2 and res.err.startswith("--from: no jump-off year")
    res = cli("backtest", "--from", "2019-2020")
    assert res.code == 2 and "FIRST:LAST" in res.err


def test_backtest_report(cli, tmp_path):
    res = cli("backtest", "--from", "2010:2013", "--horizon", "3", "--paths", "300", "--out", tmp_path)
    assert res.code == 0, res.err
    html = (tmp_path / "backtest.html").read_text(encoding="utf-8")
    assert html.count('class="chart"') == 3 and "naive" in html  # error, coverage by horizon, PIT
    assert 'data-name="pit"' in html and "years ahead" in html


@pytest.mark.slow
@pytest.mark.parametrize("horizon", [1, 3, 5, 10])
def test_level_coverage_is_reported_and_calibrated(scenario, horizon):
    """Bands judged on a continuous quantity (each region's share of total nominal GDP): the
    50 % and 80 % bands cover what they say within 5 points at 1, 3, 5 and 10 years
    (= ranksim backtest --from 2008:2019 --horizon H --paths 2000 --seed 1); ranks over-cover
    by construction."""
    bt = backtest(scenario, range(2008, 2020), horizon, paths=2000, seed=1)
    assert abs(bt.coverage_level[0.5] - 0.5) <= 0.05 and abs(bt.coverage_level[0.8] - 0.8) <= 0.05
    # ranks over-cover because most ranks do not move in a few years; over ten years more of them
    # move, so the excess shrinks (14.6 points at 10 years with the shipped defaults, 20+ before)
    assert bt.coverage[0.5] > bt.coverage_level[0.5] + (0.15 if horizon < 10 else 0.10)
    doc = bt.to_document()
    assert set(doc["coverage_level"]) == {"0.5", "0.8"}


def test_a_scenarios_commodity_path_is_not_carried_into_the_past(cli):
    """rebase drops the scenario's commodity path (about 2026-2028) as it drops province paths:
    coal_high and coal_base backtest alike, with no warning about the path's years (a code-made
    variant is not warned about the file's years), and --strict passes."""
    from tests.conftest import SCENARIOS

    high = load_scenario(SCENARIOS / "coal_high.yaml")
    assert high.with_changes({}, rename=False).source.warnings == ()  # (the file itself has none)
    jumped = rebase(high, 2015, 5)
    assert not jumped.commodity_pct.any()
    a = backtest(high, range(2015, 2018), 5)
    b = backtest(load_scenario(SCENARIOS / "coal_base.yaml"), range(2015, 2018), 5)
    np.testing.assert_array_equal(a.predicted, b.predicted)
    res = cli("backtest", SCENARIOS / "coal_high.yaml", "--from", "2015:2017", "--quiet", "--strict")
    assert res.code == 0 and res.err == "", res.err
