"""The deflator spreads' own half-life (``others.deflator_half_life``, issue 22): relative prices
return faster than growth rates, so a region's mean price spread over the nation fades with a
half-life of its own (default 1 year) while its real spread fades with ``half_life``."""

from __future__ import annotations

import html
import json
import warnings

import numpy as np
import pytest

import sim
from sim.analyses.diff import diff
from sim.engine.projection import project
from sim.model.record import record
from tests.conftest import FOUNDING


@pytest.fixture(scope="module")
def founding() -> sim.Scenario:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sim.load_scenario(FOUNDING)


def _window_spreads(sc: sim.Scenario, code: str) -> tuple[float, float]:
    p = sc.panel
    t = (p.years >= sc.others.window[0]) & (p.years <= sc.others.window[1])
    j = p.regions.codes.index(code)
    return (
        float(np.mean(p.log_real[t, j] - p.national.log_real[t])),
        float(np.mean(p.log_deflator[t, j] - p.national.log_deflator[t])),
    )


def test_prices_fade_with_their_own_half_life_and_growth_with_its_own(founding):
    """Guangdong (44), a region the scenario leaves to the model: in year t after 2025 its real
    growth is the nation's plus 2^(-t/2) times its 2023-2025 real spread, its deflator the
    nation's plus 2^(-t/1) times its price spread (closed form)."""
    sc = founding
    o = sc.others
    assert (o.deflator_model, o.deflator_half_life, o.half_life) == ("mean_spread", 1.0, 2.0)
    assert sc.others.window == (2023, 2025)
    real, defl = _window_spreads(sc, "44")
    g = project(sc).growth
    j = sc.panel.regions.codes.index("44")
    t = np.arange(1, sc.years.size + 1)
    nat_r = np.log1p(sc.growth.national_real_pct / 100)
    nat_d = np.log1p(sc.growth.national_deflator_pct / 100)
    np.testing.assert_allclose(g.real[:, j], nat_r + real * 2.0 ** (-t / 2), atol=1e-12)
    np.testing.assert_allclose(g.deflator[:, j], nat_d + defl * 2.0 ** (-t / 1), atol=1e-12)


def test_null_is_the_spreads_half_life(founding):
    same = founding.with_changes({"others.deflator_half_life": None})
    two = founding.with_changes({"others.deflator_half_life": 2.0})
    assert same.others.deflator_half_life is None
    np.testing.assert_array_equal(project(same).levels, project(two).levels)
    assert not np.array_equal(project(same).levels, project(founding).levels)
    # a rule with no price spread has nothing to fade: the setting is inert
    nat = founding.with_changes({"others.deflator_model": "national"})
    nat3 = nat.with_changes({"others.deflator_half_life": 3.0})
    np.testing.assert_array_equal(project(nat).levels, project(nat3).levels)


def test_a_longer_price_half_life_carries_inner_mongolias_falling_prices_further(founding):
    """Inner Mongolia's 2023-2025 price spread is negative (coal prices fell): the longer it is
    carried, the later the reach year."""
    assert _window_spreads(founding, "15")[1] < -0.01
    years = [
        project(founding.with_changes({"others.deflator_half_life": h})).reach_year for h in (0.5, 1, 3)
    ]
    assert years == sorted(years) and years[0] < years[-1]


def test_the_record_forecasts_with_the_same_decays(founding):
    """sim.model.record re-runs the spread model: its forecasts use the deflator half-life too."""
    p, b = founding.panel, 2015
    one = record(p, b, 3, 2.0, "mean_spread", deflator_half_life=1.0)
    same = record(p, b, 3, 2.0, "mean_spread")
    national = record(p, b, 3, 2.0, "national")
    assert len(one) == len(same) == len(national)
    # between prices carried like growth (None) and no price spread (national)
    d_one = np.abs(one.forecast - national.forecast).mean()
    d_same = np.abs(same.forecast - national.forecast).mean()
    assert 0 < d_one < d_same


def test_diff_shows_the_half_life_that_acts(founding):
    """null and the spreads' own half-life are no change; a half-life where either side carries no
    price spread is none either (a change of deflator rule is the spreads' step alone); 0.5
    against 1 is one change, under the half-life step."""
    null = founding.with_changes({"others.deflator_half_life": None})
    assert not diff(null, founding.with_changes({"others.deflator_half_life": 2.0})).changes
    nat = founding.with_changes({"others.deflator_model": "national"})
    assert not diff(nat, nat.with_changes({"others.deflator_half_life": 3.0})).changes
    assert [c.key for c in diff(nat, founding).changes] == ["others.spreads"]
    assert nat.with_changes({"others.deflator_half_life": None}).source.changes[-1] == (
        "others.deflator_half_life", "null"
    )
    result = diff(founding, founding.with_changes({"others.deflator_half_life": 0.5}))
    (change,) = result.changes
    assert change.key == "others.half_life"
    assert [(s.name, s.a, s.b) for s in change.series] == [("deflator_half_life", (1.0,), (0.5,))]


@pytest.mark.parametrize(
    ("changes", "en", "zh"),
    [
        ({}, "deflators: the window's mean spread too, halving every year", "平减指数：同样用窗口平均差，每年减半"),
        ({"deflator_half_life": 0.5}, "halving every 0.5 years", "每0.5年减半"),
        (
            {"deflator_model": "factor_neutral"},
            "that spread too, halving every year, except the regions whose prices move with a common cycle "
            "(Shanxi, Shaanxi, Ningxia, Xinjiang)",
            "但价格随共同周期变动的地区（山西、陕西、宁夏、新疆）价格随全国",
        ),
        ({"deflator_model": "resource_neutral", "deflator_half_life": 3}, "that spread too, halving every 3 years,",
         "同样的增速差，每3年减半，但煤炭能源地区"),
    ],
)  # fmt: skip
def test_the_report_says_how_prices_fade(cli, write, tmp_path, changes, en, zh):
    others = ", ".join(f"{k}: {v}" for k, v in changes.items())
    text = f"extends: {FOUNDING}\nname: x\n" + (f"others: {{{others}}}\n" if changes else "")
    path = write("x.yaml", text)
    for lang, text in (("en", en), ("zh", zh)):
        res = cli("run", path, "--out", tmp_path / lang, "--quiet", "--lang", lang)
        assert res.code == 0, res.err
        page = html.unescape((tmp_path / lang / "run.html").read_text(encoding="utf-8"))
        assert text in page, lang


@pytest.mark.parametrize(
    ("value", "en", "zh"),
    [
        ("0", "must be greater than 0.0, got 0", "必须大于 0.0，实际为 0"),
        ("abc", "must be a number, got 'abc'", "必须是数字"),
        ("true", "must be a number, got true", "必须是数字，实际为 true"),  # not 1
        (".inf", "must be a finite number, got inf", "必须是有限数值"),  # not "halving every inf years"
    ],
)
def test_a_bad_half_life_is_one_line_naming_file_line_and_field(cli, write, value, en, zh):
    path = write("bad.yaml", f"name: bad\nothers:\n  window: [2023, 2025]\n  deflator_half_life: {value}\n")
    res = cli("run", path, "--no-report")
    assert res.code == 2 and res.out == ""
    assert res.err.strip() == f"{path}:4: others.deflator_half_life: {en}"
    res = cli("run", path, "--no-report", "--lang", "zh")
    assert res.code == 2 and f"{path}:4: others.deflator_half_life: {zh}" in res.err
    assert "Traceback" not in res.err


def test_the_backtest_json_names_the_rules_the_honest_rule_chose_among(cli):
    res = cli("backtest", "--horizon", "3", "--json")
    assert res.code == 0, res.err
    cands = json.loads(res.out)["model_oos"]["candidates"]
    assert cands["deflator_rules"] == [
        {"deflator_model": "national", "deflator_half_life": None},
        {"deflator_model": "mean_spread", "deflator_half_life": 0.5},
        {"deflator_model": "mean_spread", "deflator_half_life": 1.0},
    ]


def test_the_price_half_life_is_a_parameter_sweeps_set(cli, founding):
    """``others.deflator_half_life`` can be swept and tested for sensitivity (set only): each grid
    point is the scenario with the value written in."""
    res = cli("sweep", FOUNDING, "--set", "others.deflator_half_life=0.5:3:2.5", "--json")
    assert res.code == 0, res.err
    points = json.loads(res.out)["points"]
    for point in points:
        h = point["values"]["others.deflator_half_life"]
        assert point["reach_year"] == project(founding.with_changes({"others.deflator_half_life": h})).reach_year
    assert [p["reach_year"] for p in points] == [2035, 2037]
    bad = cli("sweep", FOUNDING, "--shift", "others.deflator_half_life=0:1:1")
    assert bad.code == 2 and bad.err.strip() == "--shift: others.deflator_half_life: set it (years), a shift is not available"
    zh = cli("sweep", FOUNDING, "--shift", "others.deflator_half_life=0:1:1", "--lang", "zh")
    assert zh.code == 2 and "请用 set 设定（年），不能平移" in zh.err
