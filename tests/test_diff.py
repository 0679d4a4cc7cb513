"""ranksim diff: the changes between two scenarios and how much each moved the answer.

Closed form: a single change's effect is the whole difference; one-at-a-time steps and Shapley
effects each sum to B's answer minus A's; the walk starts at A's own projection and ends at B's;
swapping A and B negates every Shapley effect. Real scenarios: the February 2023 question
against today's, and the coal-price pair.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

import sim
from sim.analyses import diff as diff_module
from sim.analyses.diff import diff
from tests.conftest import SCENARIOS


@pytest.fixture(scope="module")
def founding() -> sim.Scenario:
    return sim.load_scenario(SCENARIOS / "inner_mongolia_6pct.yaml")


@pytest.fixture(scope="module")
def feb2023() -> sim.Scenario:
    return sim.load_scenario(SCENARIOS / "from_2022.yaml")


def _answer(proj: sim.Projection, years, censor: int) -> list[float]:
    """A projection's answer as the diff codes it: reach year (never = censor), gaps at years."""
    reach = proj.reach_year if proj.reach_year is not None else censor
    gaps = proj.gap_pct()
    return [reach, *(gaps[y - proj.scenario.base_year] for y in years)]


def test_single_change_is_the_whole_difference(founding):
    variant = founding.with_changes({"provinces.Inner Mongolia.real_growth": 7.0})
    result = diff(founding, variant, years=[2030, 2035])
    assert [c.key for c in result.changes] == ["provinces.15"]
    (series,) = result.changes[0].series
    assert series.name == "real_growth" and set(series.a) == {6.0} and set(series.b) == {7.0}
    assert series.keys == tuple(range(2026, 2041))
    a, b = sim.project(founding), sim.project(variant)
    np.testing.assert_allclose(result.answers[0], _answer(a, [2030, 2035], 2041))
    np.testing.assert_allclose(result.answers[-1], _answer(b, [2030, 2035], 2041))
    total = result.answers[-1] - result.answers[0]
    np.testing.assert_allclose(result.steps[0], total)
    np.testing.assert_allclose(result.shapley[0], total)
    assert b.reach_year == 2033 and result.steps[0, 0] == 2033 - 2036


def test_coal_low_against_coal_high_is_one_price_change():
    low = sim.load_scenario(SCENARIOS / "coal_low.yaml")
    high = sim.load_scenario(SCENARIOS / "coal_high.yaml")
    result = diff(low, high)
    assert [c.key for c in result.changes] == ["prices"]
    commodity = result.changes[0].series[0]
    assert commodity.name == "commodity"
    assert dict(zip(commodity.keys, zip(commodity.a, commodity.b, strict=True), strict=True)) == {
        2026: (-4.0, 4.0),
        2027: (-4.0, 4.0),
    }
    assert list(result.years) == [2030, 2040]
    assert (result.reach_year(0), result.reach_year(-1)) == (
        sim.project(low).reach_year,
        sim.project(high).reach_year,
    )
    assert result.reach_year(0) == 2038 and result.reach_year(-1) == 2033
    np.testing.assert_allclose(result.shapley[0], result.answers[-1] - result.answers[0])


def test_february_2023_against_today(feb2023, founding):
    result = diff(feb2023, founding)
    keys = [c.key for c in result.changes]
    assert keys == [
        "base_year",
        "horizon",
        "national.real_growth",
        "national.deflator",
        "others.spreads",
        "others.lean",  # the price-cycle group estimated with data to 2022 and to 2025 differ
    ]  # Inner Mongolia's own plan (6 % real) is the same; 2025 is data now, not a pin
    assert list(result.years) == [2030, 2035, 2040]
    assert result.method == "exact" and result.orders == 720
    # the walk starts at A's own answer (2034, within its horizon 2035) and ends at B's (2036)
    a, b = sim.project(feb2023), sim.project(founding)
    assert a.reach_year == result.reach_year(0) == 2034
    assert result.reach_year(-1) == b.reach_year == 2036
    np.testing.assert_allclose(result.answers[0, 1:3], _answer(a, [2030, 2035], 0)[1:])
    np.testing.assert_allclose(result.answers[-1], _answer(b, [2030, 2035, 2040], 2041))
    total = result.answers[-1] - result.answers[0]
    np.testing.assert_allclose(result.steps.sum(axis=0), total, atol=1e-9)
    np.testing.assert_allclose(result.shapley.sum(axis=0), total, atol=1e-9)
    # the horizon moves only the reach year
    horizon = keys.index("horizon")
    assert np.all(result.steps[horizon, 1:] == 0) and result.steps[horizon, 0] == -5  # 2041 → 2036


def test_a_preliminary_figure_is_the_targets_change(feb2023, founding):
    """The founding case from 2024 with 2025's preliminary figure pinned ("2.67 trillion"): the pin
    is Inner Mongolia's change against February 2023, as nominal growth into 2025."""
    pinned = founding.with_changes(
        {"base_year": 2024, "others.window": [2020, 2024], "provinces.Inner Mongolia.gdp": {2025: 26700}}
    )
    result = diff(feb2023, pinned)
    keys = [c.key for c in result.changes]
    assert keys == [
        "base_year",
        "horizon",
        "national.real_growth",
        "national.deflator",
        "others.spreads",
        "others.lean",
        "provinces.15",
    ]
    assert result.method == "exact" and result.orders == 5040
    assert result.reach_year(0) == 2034 and result.reach_year(-1) == sim.project(pinned).reach_year == 2034
    total = result.answers[-1] - result.answers[0]
    np.testing.assert_allclose(result.shapley.sum(axis=0), total, atol=1e-9)
    im = result.changes[keys.index("provinces.15")]
    assert [s.name for s in im.series] == ["gdp_growth"]
    assert im.series[0].keys == (2025,) and np.isnan(im.series[0].a[0])
    base = pinned.panel.gdp[pinned.panel.year_index(2024), pinned.target]
    assert im.series[0].b[0] == pytest.approx((26700 / base - 1) * 100)


def test_swapping_the_scenarios_negates_every_shapley_effect(feb2023, founding):
    forward, backward = diff(feb2023, founding), diff(founding, feb2023)
    assert [c.key for c in forward.changes] == [c.key for c in backward.changes]
    np.testing.assert_allclose(backward.shapley, -forward.shapley, atol=1e-9)
    np.testing.assert_allclose(backward.answers[0], forward.answers[-1])


def test_sampled_orders_sum_to_the_total_and_approach_the_exact_values(feb2023, founding, monkeypatch):
    exact = diff(feb2023, founding)
    monkeypatch.setattr(diff_module, "EXACT_UP_TO", 0)
    sampled = diff(feb2023, founding)
    assert sampled.method == "sampled" and sampled.orders == diff_module.SAMPLED_ORDERS
    np.testing.assert_allclose(sampled.answers, exact.answers)
    np.testing.assert_allclose(sampled.steps, exact.steps)
    np.testing.assert_allclose(sampled.shapley.sum(axis=0), exact.shapley.sum(axis=0), atol=1e-9)
    np.testing.assert_allclose(sampled.shapley, exact.shapley, atol=0.3)


def test_announced_targets_are_one_change_per_province(founding):
    targets = sim.load_scenario(SCENARIOS / "official_targets.yaml")
    result = diff(founding, targets)
    assert result.changes[0].key == "provinces.15"  # the target first, then by code
    codes = [c.key.split(".")[1] for c in result.changes[1:]]
    assert codes == sorted(codes) and len(codes) == 30  # the 30 other provinces with a 2026 target
    assert result.method == "sampled" and result.orders == 400  # 31 changes: beyond EXACT_UP_TO, 400 orders
    np.testing.assert_allclose(result.shapley.sum(axis=0), result.answers[-1] - result.answers[0], atol=1e-9)
    assert (result.reach_year(0), result.reach_year(-1)) == (2036, sim.project(targets).reach_year)
    assert result.reach_year(-1) == 2040  # Inner Mongolia at 5 % in 2026-2027, others on their targets


def test_identical_scenarios_have_no_changes(founding):
    result = diff(founding, founding.with_changes({"name": "renamed"}))
    assert result.changes == ()
    assert result.steps.shape == (0, 3) and np.all(result.answers[0] == result.answers[-1])


def test_different_targets_or_years_outside_are_refused(founding):
    other = founding.with_changes({"target": "Guangxi"})
    with pytest.raises(sim.InputError, match="different targets"):
        diff(founding, other)
    with pytest.raises(sim.InputError, match="outside both projections"):
        diff(founding, founding, years=[2023])


def test_cli_writes_json_csv_and_report(cli, tmp_path):
    a, b = SCENARIOS / "from_2022.yaml", SCENARIOS / "inner_mongolia_6pct.yaml"
    res = cli("diff", a, b, "--out", tmp_path)
    assert res.code == 0, res.err
    assert "reach year 2034 → 2036" in res.out
    assert "base year" in res.out and "total" in res.out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["diff.csv", "diff.html", "diff.json"]
    doc = json.loads((tmp_path / "diff.json").read_text())
    assert doc["a"]["reach_year"] == 2034 and doc["b"]["reach_year"] == 2036
    assert doc["provenance"]["command"][:2] == ["ranksim", "diff"]
    assert [c["key"] for c in doc["changes"]][0] == "base_year"
    shapley = sum(c["shapley"]["gap_2040"] for c in doc["changes"])
    assert shapley == pytest.approx(doc["b"]["gap_pct"]["2040"] - doc["a"]["gap_pct"]["2040"], abs=1e-3)
    csv = (tmp_path / "diff.csv").read_text(encoding="utf-8-sig").splitlines()  # a BOM for Excel
    assert csv[0].startswith("key,label,code,values,step_reach_year,shapley_reach_year")
    assert len(csv) == 1 + len(doc["changes"])
    page = (tmp_path / "diff.html").read_text()
    assert 'data-name="diff_waterfall"' in page and "Inner Mongolia" in page
    zh = cli("diff", a, b, "--lang", "zh")
    assert "达到年份 2034 → 2036" in zh.out and "合计" in zh.out
    slow = tmp_path / "slow.yaml"  # never reached: counted as the horizon + 1, and said so
    slow.write_text(f"extends: {b}\nname: slow\nprovinces:\n  Inner Mongolia: {{real_growth: 3.0}}\n")
    never = cli("diff", b, slow)
    assert never.code == 0 and "reach year 2036 → not by 2040" in never.out
    assert "达到年份 2036 → 到2040年未达到" in cli("diff", b, slow, "--lang", "zh").out


def test_cli_json_and_errors(cli, write):
    a, b = SCENARIOS / "coal_low.yaml", SCENARIOS / "coal_high.yaml"
    res = cli("diff", a, b, "--json", "--years", "2030")
    assert res.code == 0
    doc = json.loads(res.out)
    assert doc["changes"][0]["one_at_a_time"]["reach_year"] == -5
    bad = cli("diff", a, b, "--years", "2020")
    assert bad.code == 2 and bad.err.strip() == "--years: 2020 is outside both projections (2025-2040)"
    other = write("other.yaml", "name: x\ntarget: Guangxi\n")
    res = cli("diff", a, other)
    assert res.code == 2 and res.err.count("\n") == 1 and "different targets" in res.err
    assert res.err.startswith(f"{other}:2: target: ")  # the second scenario's line that differs
