"""Ranking by GDP per head (``measure: gdp_per_capita``): closed form, real data, every command."""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import numpy as np
import pytest

from sim.engine.projection import project
from sim.errors import DataError, RanksimWarning
from sim.inputs.panel import DEFAULT_PANEL, load_panel
from sim.model.population import national_log_population, per_head, population_trends
from sim.model.scenario import load_scenario
from sim.model.shocks import deviations
from sim.ranks import rank_levels

ROOT = Path(__file__).resolve().parent.parent
PER_CAPITA = ROOT / "scenarios" / "inner_mongolia_per_capita.yaml"

# Two regions: A is smaller but grows faster; B has fewer people, so it leads A by GDP per head
# by more than by GDP. Population is constant in the data (no trend) and set in the scenario.
TWO = """\
province_code,province_en,province_zh,year,gdp_nominal_100m_yuan,real_growth_pct,population_10k,source
A,Alpha,甲,2022,1000,5,100,
B,Beta,乙,2022,2000,5,50,
A,Alpha,甲,2023,1000,5,100,
B,Beta,乙,2023,2000,5,50,
A,Alpha,甲,2024,1000,5,100,
B,Beta,乙,2024,2000,5,50,
"""
TWO_SCENARIO = """\
name: two regions
data: two.csv
target: Alpha
threshold_rank: 1
horizon: 2120
measure: {measure}
others: {{model: national}}
national: {{real_growth: 5.0, deflator: 0.0}}
provinces:
  Alpha: {{real_growth: 8.0, deflator: 0.0, population: 1.0}}
  Beta: {{real_growth: 4.0, deflator: 0.0, population: -0.5}}
"""


def _first_year(ratio: float, rate: float, base: int = 2024) -> int:
    """Smallest k with (1 + rate)^k >= ratio, as a year."""
    return base + math.ceil(math.log(ratio) / math.log(1 + rate))


two_regions = pytest.mark.filterwarnings("ignore::sim.errors.RanksimWarning")  # flat history: leads unseen


@two_regions
@pytest.mark.parametrize("measure", ["gdp", "gdp_per_capita"])
def test_two_regions_overtake_in_the_closed_form_year(write, measure):
    write("two.csv", TWO)
    sc = load_scenario(write("s.yaml", TWO_SCENARIO.format(measure=measure)))
    proj = project(sc)
    if measure == "gdp":  # 1000 * 1.08^k >= 2000 * 1.04^k
        expected = _first_year(2.0, 1.08 / 1.04 - 1)
    else:  # (1000 / 100) * (1.08 / 1.01)^k >= (2000 / 50) * (1.04 / 0.995)^k
        expected = _first_year(4.0, (1.08 / 1.01) / (1.04 / 0.995) - 1)
        k = np.arange(proj.years.size)
        np.testing.assert_allclose(proj.levels[:, 0], 1e5 * (1.08 / 1.01) ** k, rtol=1e-12)
        np.testing.assert_allclose(proj.levels[:, 1], 4e5 * (1.04 / 0.995) ** k, rtol=1e-12)
    assert proj.reach_year == expected
    # GDP itself is the same under both measures: the measure changes what is ranked, not GDP.
    np.testing.assert_allclose(proj.gdp[:, 0], 1000 * 1.08 ** np.arange(proj.years.size), rtol=1e-12)
    assert [(e.year, e.code, e.direction) for e in proj.passes] == [(expected, "B", "passed")]


@two_regions
def test_per_head_takes_longer_than_gdp_in_the_two_region_case(write):
    write("two.csv", TWO)
    years = {
        m: project(load_scenario(write(f"{m}.yaml", TWO_SCENARIO.format(measure=m)))).reach_year
        for m in ("gdp", "gdp_per_capita")
    }
    assert years == {"gdp": 2043, "gdp_per_capita": 2085}


def test_founding_case_is_eighth_by_gdp_per_head(panel):
    sc = load_scenario(PER_CAPITA)
    im = sc.target
    assert sc.base_levels[im] == pytest.approx(112512, abs=1)  # 2025: 26,710.3 亿元 / 2,374 万人
    t = panel.year_index(2025)
    assert int(rank_levels(sc.base_levels)[im]) == 8
    assert int(panel.ranks[t, im]) == 20  # by GDP
    assert int(rank_levels(panel.population[t])[im]) == 24  # by population
    proj = project(sc)
    assert int(proj.target_rank[0]) == 8 and proj.reach_year == 2025
    # Inner Mongolia's population path is what the scenario sets: -0.3 % a year.
    np.testing.assert_allclose(np.expm1(sc.growth.population[:, im]) * 100, -0.3)


def test_population_trend_is_the_window_mean_over_the_nation(panel):
    nat_mean, spread = population_trends(panel, (2023, 2025))
    use = (panel.years >= 2023) & (panel.years <= 2025)
    total = panel.population.sum(axis=1)
    nat = np.diff(np.log(total))[use[1:]]
    assert nat_mean == pytest.approx(nat.mean(), abs=1e-12)  # no census break in the shipped panel
    im = panel.regions.codes.index("15")
    own = np.diff(np.log(panel.population[:, im]))[use[1:]]
    assert spread[im] == pytest.approx((own - nat).mean(), abs=1e-12)
    sc = load_scenario({"name": "x", "measure": "gdp_per_capita"}, base_dir=ROOT)
    g = sc.growth.population  # default: national mean + decaying spread (half-life 5 years)
    assert sc.others.window == (2023, 2025)
    np.testing.assert_allclose(g[:, im], nat_mean + spread[im] * 2 ** -((sc.years - 2025) / 5), rtol=1e-12)


def test_per_head_shocks_are_nominal_minus_population_deviations(panel):
    dev = deviations(panel, (2001, 2024))
    use = np.isin(panel.years, dev.years)
    rel = panel.log_population[use] - national_log_population(panel)[use, None]
    np.testing.assert_allclose(dev.nominal - dev.per_head, rel - rel.mean(axis=0), atol=1e-15)
    assert np.abs(dev.population).max() > 0.01  # population moves: not falsely certain


def _panel_with(tmp_path, change) -> str:
    rows = DEFAULT_PANEL.read_text(encoding="utf-8").splitlines()
    head = rows[0].split(",")
    col, year_col, code_col = head.index("population_10k"), head.index("year"), head.index("province_code")
    out = [rows[0]]
    for row in rows[1:]:
        cells = row.split(",")
        change(cells, cells[code_col], int(cells[year_col]), col)
        out.append(",".join(cells))
    path = tmp_path / "panel.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return str(path)


def test_a_census_break_is_flagged_and_left_out_of_the_trend(tmp_path):
    # Tianjin's 2011-2019 population in the pre-7th-census vintage (NBS20 had 1560 万人 for 2018,
    # the revised series 1383: x 1.128) spliced with the revised 2020 figure: a 13 % jump into 2011
    # and an 11 % fall into 2020, the breaks a panel spliced from two vintages has.
    def old_vintage(cells, code, year, col):
        if code == "12" and 2011 <= year <= 2019:
            cells[col] = f"{float(cells[col]) * 1.128:.0f}"

    path = _panel_with(tmp_path, old_vintage)
    broken = load_panel(path)
    tj = broken.regions.codes.index("12")
    years, regions = np.nonzero(broken.population_break)
    assert broken.years[years].tolist() == [2011, 2020] and set(regions) == {tj}
    assert np.isnan(broken.log_population[broken.year_index(2020), tj])
    # a window reaching back to the 7th census (the default, 2021-2025, starts after it)
    spec = {"name": "b", "data": path, "measure": "gdp_per_capita", "target": "15",
            "others": {"window": [2020, 2025]}}  # fmt: skip
    with pytest.warns(RanksimWarning, match=r"Tianjin changes -11\.2 % into 2020: a likely census break"):
        sc = load_scenario(spec)
    _, spread = population_trends(broken, sc.others.window)
    use = [broken.year_index(y) for y in (2021, 2022, 2023, 2024, 2025)]
    own = broken.log_population[use, tj] - national_log_population(broken)[use]
    assert spread[tj] == pytest.approx(own.mean(), abs=1e-12)
    with warnings.catch_warnings():  # ranked by GDP, the break does not matter
        warnings.simplefilter("error")
        load_scenario({"name": "b", "data": path, "target": "15"})


def test_negative_population_is_refused_with_its_line(tmp_path, cli):
    def negative(cells, code, year, col):
        if code == "15" and year == 2010:
            cells[col] = "-2472"

    path = _panel_with(tmp_path, negative)
    with pytest.raises(DataError, match="must be positive") as err:
        load_panel(path)
    assert err.value.field == "population_10k" and err.value.line is not None


def test_missing_base_year_population_is_one_located_line(tmp_path, write, cli):
    def empty(cells, code, year, col):
        if code == "15" and year == 2025:
            cells[col] = ""

    path = _panel_with(tmp_path, empty)
    load_panel(path)  # empty cells are allowed in the panel ...
    sc = write("s.yaml", f"name: s\ndata: {path}\ntarget: '15'\nmeasure: gdp_per_capita\n")
    res = cli("run", sc, "--no-report")
    assert res.code == 2 and res.out == ""
    assert res.err.count("\n") == 1 and "population_10k" in res.err and "Inner Mongolia in 2025" in res.err
    assert cli("run", write("g.yaml", f"name: g\ndata: {path}\ntarget: '15'\n"), "--no-report").code == 0


def test_population_path_out_of_range_is_refused(write, cli):
    text = "name: s\nmeasure: gdp_per_capita\nprovinces:\n  Inner Mongolia:\n    population: 12\n"
    res = cli("validate", write("s.yaml", text))
    assert res.code == 2 and "s.yaml:5: provinces.Inner Mongolia.population" in res.err
    assert "between -10 and 10" in res.err


# ---------------------------------------------------------------- every command


def test_run_json_ranks_by_gdp_per_head(cli):
    doc = cli("run", PER_CAPITA, "--json").json()
    assert doc["measure"] == "gdp_per_capita"
    assert doc["target_rank"]["2025"] == 8 and doc["reach_year"] == 2025
    im = [r for r in doc["projection"] if r["code"] == "15" and r["year"] == 2025][0]
    assert im["gdp_per_capita_yuan"] == pytest.approx(112511.8, abs=0.1)
    assert im["gdp_nominal_100m_yuan"] == pytest.approx(26710.3, abs=0.1)
    gdp = cli("run", ROOT / "scenarios" / "inner_mongolia_6pct.yaml", "--json").json()
    assert "gdp_per_capita_yuan" not in gdp["projection"][0] and gdp["target_rank"]["2025"] == 20


def test_run_writes_per_head_columns_and_the_report(cli, tmp_path):
    res = cli("run", PER_CAPITA, "--out", tmp_path)
    assert res.code == 0, res.err
    csv = tmp_path / "run.csv"
    assert "gdp_per_capita_yuan" in csv.read_text(encoding="utf-8").splitlines()[0]
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert "GDP per head" in html


def test_gap_and_assumed_sentences_speak_of_gdp_per_head(cli, write, tmp_path):
    """Ranked by GDP per head, the answer's gap is GDP per head (not "its GDP"), so is the gap
    chart's title, and the Assumed line sets the target's per-head growth against its rivals'
    per-head growth, in the terminal and the report, in English and Chinese."""
    top3 = write("top3.yaml", f"extends: {PER_CAPITA}\nname: top three by GDP per head\nthreshold_rank: 3\n"
                 "horizon: 2035\nprovinces:\n  内蒙古:\n    population: -0.3\n")  # fmt: skip
    gap = {
        "en": "does not reach rank 3 by 2035: its best rank is 4, and in 2035 its GDP per head is 87.8%"
        " of that of the region ranked 3.",
        "zh": "到2035年仍未进入前3位：最好名次为第4位，2035年人均GDP为第3位地区的87.8%。",
    }
    assumed = {
        "en": "Assumed: 6.0 % real and 0.9 % prices = 7.0 % nominal a year, and population -0.30 % a year,"
        " so 7.3 % a year per head, against 4.3 % per head for the 5 regions it must pass"
        " (means over the projection).",
        "zh": "假设：实际增速6.0%、价格涨幅0.9%，名义增速每年7.0%；人口每年-0.30%，人均GDP每年增长7.3%；"
        "需超越的5个地区人均GDP每年增长4.3%。",
    }
    title = {
        "en": "Inner Mongolia's GDP per head as % of that of the region ranked 3",
        "zh": "内蒙古人均GDP相当于第3位地区的百分比",
    }
    proj = project(load_scenario(top3))
    a = proj.assumptions()
    per_head = proj.growth.measured[:, [proj.codes.index(c) for c in a["rivals"]]].mean(axis=1)
    assert a["rivals_per_head_pct"] == pytest.approx(np.expm1(per_head.mean()) * 100, abs=0.01)
    assert a["rivals_per_head_pct"] < a["rivals_nominal_pct"]  # their populations grow
    for lang in ("en", "zh"):
        res = cli("run", top3, "--out", tmp_path / lang, "--lang", lang)
        assert res.code == 0, res.err
        html = next((tmp_path / lang).glob("*.html")).read_text(encoding="utf-8")
        for text in (res.out, html):
            assert gap[lang] in text and assumed[lang] in text
        assert "its GDP is" not in res.out and "年GDP为" not in res.out
        assert json.dumps(title[lang])[1:-1] in html  # the gap chart's title


def test_montecarlo_sweep_solve_sensitivity_backtest_chart_per_head(cli, write, tmp_path):
    top5 = write("top5.yaml", f"extends: {PER_CAPITA}\nname: top five by GDP per head\nthreshold_rank: 5\n")
    mc = cli("montecarlo", top5, "--paths", "2000", "--seed", "1", "--json")
    assert mc.code == 0, mc.err
    p = mc.json()["reach_probability"]
    assert p["2026"] == 0.0 and 0.05 < p["2040"] < 0.95
    sw = cli("sweep", top5, "--set", "provinces.Inner Mongolia.real_growth=4:8:2", "--json")
    assert sw.code == 0, sw.err
    reach = [pt["reach_year"] for pt in sw.json()["points"]]
    det = project(load_scenario(top5).with_changes({"provinces.15.real_growth": 6.0})).reach_year
    assert reach[1] == det and (reach[0] is None or reach[0] >= reach[1]) and reach[2] <= reach[1]
    so = cli("solve", top5, "--by", "2030", "--json")
    assert so.code == 0, so.err
    need = so.json()["required_real_growth_pct"]
    hit = project(load_scenario(top5).with_changes({"provinces.15.real_growth": need}))
    assert hit.reach_year is not None and hit.reach_year <= 2030
    small = write("sens.yaml", f"extends: {top5}\nname: s\nsensitivity:\n  outcome: gap_2030\n  parameters:\n"
                  "    provinces.Inner Mongolia.real_growth: [4.5, 7.5]\n  sobol_samples: 64\n")  # fmt: skip
    se = cli("sensitivity", small, "--seed", "1", "--json")
    assert se.code == 0, se.err
    bt = cli("backtest", top5, "--from", "2012:2014", "--horizon", "5", "--json")
    assert bt.code == 0, bt.err
    ch = cli("chart", top5, "--kind", "bump", "--out", tmp_path / "bump.html")
    assert ch.code == 0, ch.err and (tmp_path / "bump.html").stat().st_size > 1000


def test_backtest_per_head_uses_per_head_ranks(panel):
    from sim.analyses.backtest import backtest

    sc = load_scenario(PER_CAPITA)
    res = backtest(sc, [2012], 5)
    t = panel.year_index(2017)
    actual = rank_levels(per_head(panel.gdp[t], panel.population[t]))
    assert np.array_equal(res.actual[0], actual)
    assert not np.array_equal(res.actual[0], panel.ranks[t])


def test_which_midfield_table_shows_both_measures_under_the_same_scenario(cli, tmp_path):
    from sim.present.report import measures_table

    founding = ROOT / "scenarios" / "inner_mongolia_6pct.yaml"
    gdp_proj = project(load_scenario(founding))
    table = measures_table(gdp_proj)
    assert table is not None and sorted(table["gdp"]) == list(range(10, 21))
    for k, year in table["gdp"].items():  # the same as projecting with that threshold
        assert year == project(load_scenario(founding).with_changes({"threshold_rank": k})).reach_year
    assert table["gdp"][16] == gdp_proj.reach_year and table["gdp"][20] == 2025
    # By GDP per head (8th in 2025) every threshold from 10 on is met in the base year.
    assert set(table["gdp_per_capita"].values()) == {2025}
    assert (table["gdp_rank"], table["gdp_per_capita_rank"]) == (20, 8)
    # The per-capita scenario's own report shows the same table from the other side.
    assert measures_table(project(load_scenario(PER_CAPITA)))["gdp"][16] is not None
    assert cli("run", founding, "--out", tmp_path, "--lang", "zh").code == 0
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert "按人均GDP" in html and "哪个“中游”" in html


def test_diff_refuses_a_per_head_scenario_on_its_measure_line(cli, write, tmp_path):
    """diff compares GDP rankings: a scenario ranked by GDP per head is refused in one line that
    names the file and line of its ``measure`` (either side), exit 2, nothing written."""
    founding = str(Path(PER_CAPITA).parent / "inner_mongolia_6pct.yaml")
    line = next(i for i, t in enumerate(Path(PER_CAPITA).read_text(encoding="utf-8").splitlines(), 1)
                if t.startswith("measure:"))  # fmt: skip
    for a, b in ((PER_CAPITA, founding), (founding, PER_CAPITA)):
        for lang in ("en", "zh"):
            res = cli("diff", a, b, "--out", tmp_path / "d", "--lang", lang)
            assert res.code == 2 and res.out == ""
            assert res.err.startswith(f"{PER_CAPITA}:{line}: measure: ") and res.err.count("\n") == 1
            assert ("gdp_per_capita" in res.err) and (("暂不支持" in res.err) == (lang == "zh"))
    assert not (tmp_path / "d").exists()
