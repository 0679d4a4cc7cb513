"""A panel that knows its scope: Inner Mongolia's 12 cities and leagues (tests/fixtures/imm_cities,
synthetic figures around the region's real total; PROVENANCE.md there).

Every command runs on it with its own aggregate (全区) and targets; total rows and duplicate
names are refused with file:line; GB18030 files with Chinese headers read the same.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from sim.analyses.sweep import midfield_thresholds
from sim.errors import DataError
from sim.engine.projection import project
from sim.inputs.panel import load_panel
from sim.model.scenario import load_scenario

FIX = Path(__file__).parent / "fixtures" / "imm_cities"
PANEL = FIX / "imm_cities.csv"
SCENARIO = FIX / "ulanqab.yaml"


def _copy(tmp_path: Path, edit=None, meta: bool = True) -> Path:
    """The fixture panel (and its metadata, total and targets) in tmp_path, rows edited by ``edit``."""
    for name in ("imm_cities_total.csv", "imm_cities_targets.csv") + (
        ("imm_cities.meta.yaml",) if meta else ()
    ):
        shutil.copy(FIX / name, tmp_path / name)
    rows = list(csv.reader(PANEL.open(encoding="utf-8")))
    rows = edit(rows) if edit else rows
    path = tmp_path / "imm_cities.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_fixture_panel_scope_and_aggregate():
    panel = load_panel(PANEL)
    assert panel.n_regions == 12 and (panel.first_year, panel.last_year) == (2010, 2024)
    assert (panel.scope.kind, panel.scope.aggregate_zh, panel.scope.aggregate_en) == (
        "city",
        "全区",
        "Inner Mongolia",
    )
    bundled = load_panel()
    im = bundled.regions.find("内蒙古")
    t = bundled.year_index(2024)
    # the aggregate is the region's own series (the bundled Inner Mongolia row), not the sum of the cities
    assert panel.national.gdp[-1] == pytest.approx(bundled.gdp[t, im], abs=0.05)
    assert panel.national.gdp[-1] < panel.gdp[-1].sum()
    assert panel.scope.group_of("150600").zh == "呼包鄂乌" and panel.scope.group_of("150300").zh == "蒙西"
    assert panel.scope.group_of("15") is None  # no GB/T 2260 province groups on a city panel


def test_midfield_thresholds_scale_with_n():
    assert midfield_thresholds(31) == tuple(range(10, 21))  # the provincial table is unchanged
    assert midfield_thresholds(12) == (4, 5, 6, 7, 8)
    assert midfield_thresholds(8) == (2, 3, 4, 5)
    for n in range(3, 60):
        ks = midfield_thresholds(n)
        assert ks and 1 <= ks[0] and ks[-1] <= n - 1 and ks[0] <= (n + 1) // 2 <= ks[-1]


def test_short_names_match_when_unambiguous():
    regions = load_panel(PANEL).regions
    assert regions.zh[regions.find("赤峰")] == "赤峰市"
    assert regions.zh[regions.find("锡林郭勒")] == "锡林郭勒盟"
    assert regions.zh[regions.find("乌兰察布市")] == "乌兰察布市"
    assert regions.find("乌") is None and "乌海市" in str(regions.suggest("乌海"))


def test_ambiguous_short_name_is_suggested(tmp_path):
    def two_baotous(rows):  # a county also called 包头 (包头旗) beside 包头市
        return rows + [[r[0].replace("152900", "152999"), "Baotou Banner", "包头旗", *r[3:]]
                       for r in rows if r[0] == "152900"]  # fmt: skip

    regions = load_panel(_copy(tmp_path, two_baotous, meta=False)).regions
    assert regions.find("包头") is None
    assert "包头市" in str(regions.suggest("包头")) and "包头旗" in str(regions.suggest("包头"))
    assert regions.zh[regions.find("包头市")] == "包头市"


def test_scenario_uses_the_panels_targets_and_wording(tmp_path, cli):
    sc = load_scenario(SCENARIO)
    code = sc.panel.regions.codes
    src = dict(zip(code, sc.growth.source_real, strict=True))
    assert src["150800"] == src["152500"] == "targets"  # the panel's own targets file
    assert src["150100"] == "spread"  # no target for Hohhot
    res = cli("run", SCENARIO, "--out", tmp_path / "zh", "--lang", "zh")
    assert res.code == 0, res.err
    html = (tmp_path / "zh" / "run.html").read_text(encoding="utf-8")
    assert "全区实际增速" in html and "imm_cities/imm_cities_targets.csv" in html
    assert "全国" not in html and "data/growth_targets.csv" not in html
    assert cli("run", SCENARIO, "--out", tmp_path / "en").code == 0
    text = re.sub(
        r"<script.*?</script>", "", (tmp_path / "en" / "run.html").read_text(encoding="utf-8"), flags=re.S
    )
    assert "Inner Mongolia real growth" in text and not re.search(r"\bnational\b", text)


@pytest.mark.filterwarnings("ignore::sim.errors.RanksimWarning")  # the scenario's own lead warning
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_which_midfield_by_gdp_without_a_population_column(tmp_path, cli, monkeypatch, lang):
    """The fixture has no population: the "which midfield?" table still gives the thresholds 4-8
    of 12 by GDP (the same years as projecting with each threshold) and leaves out only the
    per-head column, with a note saying why."""
    monkeypatch.chdir(tmp_path)
    res = cli("run", SCENARIO, "--out", "o_run", "--lang", lang)
    assert res.code == 0, res.err
    html = (tmp_path / "o_run" / "run.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="t measures">(.*?)</table>', html, flags=re.S)
    assert table is not None
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1))
    cells = [re.findall(r"<t[hd]>(.*?)</t[hd]>", row) for row in rows]
    words = {
        "en": (["threshold rank", "by GDP"], "rank in 2024", "not by 2040", "already in 2024"),
        "zh": (["门槛名次", "按GDP总量"], "2024年名次", "到2040年未达到", "2024年已达到"),
    }
    head, rank, never, already = words[lang]
    assert cells == [head, [rank, "8"], ["≤ 4", never], ["≤ 5", "2040"], ["≤ 6", "2036"], ["≤ 7", "2029"],
                     ["≤ 8", already]]  # fmt: skip
    sc = load_scenario(SCENARIO)
    assert project(sc.with_changes({"threshold_rank": 7})).reach_year == 2029
    note = {"en": "(GDP per head needs the panel&#x27;s population column)", "zh": "（人均GDP需要数据中的人口列）"}
    assert html.index(note[lang]) > table.end()


@pytest.mark.parametrize("where", ["inside", "parent"])
def test_targets_file_named_relative_to_the_working_folder(tmp_path, cli, monkeypatch, where):
    """The assumptions name the panel's targets file as a path from the working folder: the file
    name run from the panel's folder (not "/imm_cities_targets.csv"), city/... from its parent."""
    shutil.copytree(FIX, tmp_path / "city")
    monkeypatch.chdir(tmp_path / "city" if where == "inside" else tmp_path)
    scenario = "ulanqab.yaml" if where == "inside" else "city/ulanqab.yaml"
    res = cli("run", scenario, "--out", "o_run")
    assert res.code == 0, res.err
    html = (Path.cwd() / "o_run" / "run.html").read_text(encoding="utf-8")
    shown = "imm_cities_targets.csv" if where == "inside" else "city/imm_cities_targets.csv"
    assert f"announced targets for the years that have one ({shown})" in html
    assert "/imm_cities_targets.csv)" not in html.replace(f"({shown})", "")


def test_no_targets_claimed_where_none_applies(tmp_path, cli):
    path = _copy(tmp_path)
    (tmp_path / "imm_cities_targets.csv").write_text(
        "province_code,year,target_real_growth_pct\n150900,2019,7.0\n", encoding="utf-8"
    )  # a target only before the base year: none applies
    sc = tmp_path / "s.yaml"
    sc.write_text(SCENARIO.read_text(encoding="utf-8").replace("data: imm_cities.csv", f"data: {path.name}"))
    res = cli("run", sc, "--out", tmp_path / "out")
    assert res.code == 0, res.err
    html = (tmp_path / "out" / "run.html").read_text(encoding="utf-8")
    assert "no announced target" in html and "announced targets for the years" not in html


def test_bundled_targets_never_apply_to_another_panel(tmp_path, cli):
    path = _copy(tmp_path, meta=False)  # no metadata: no targets file
    sc = tmp_path / "s.yaml"
    sc.write_text(SCENARIO.read_text(encoding="utf-8").replace("data: imm_cities.csv", f"data: {path.name}"))
    res = cli("run", sc)
    assert res.code == 2 and "others.model" in res.err and "has no announced targets" in res.err
    assert f"{sc}:" in res.err and "Traceback" not in res.err


@pytest.mark.parametrize(
    ("edit", "field", "words"),
    [
        (
            lambda rows: rows + [["150000", "Total", "合计", *r[3:]] for r in rows[1:13]],
            "province_zh",
            "合计",
        ),
        (
            lambda rows: rows + [["150001", "Region", "全区", *r[3:]] for r in rows[1:13]],
            "province_zh",
            "全区",
        ),
        (
            lambda rows: rows + [["000000", "IMAR", "内蒙古", *r[3:]] for r in rows[1:13]],
            "province_code",
            "code 000000",
        ),
    ],
)
def test_total_rows_refused_with_location(tmp_path, cli, edit, field, words):
    # rows[1:13] are the 12 first rows (Hohhot's years): the total row is the 182nd line
    path = _copy(tmp_path, edit)
    with pytest.raises(DataError, match="a total row") as info:
        load_panel(path)
    assert (info.value.line, info.value.field) == (182, field) and words in str(info.value)
    res = cli("data", "--data", path)
    assert res.code == 2 and res.err.startswith(f"{path}:182: {field}: a total row") and res.out == ""


def test_row_equal_to_the_sum_is_refused(tmp_path):
    rows = list(csv.reader(PANEL.open(encoding="utf-8")))
    sums: dict[str, float] = {}
    for r in rows[1:]:
        sums[r[3]] = sums.get(r[3], 0.0) + float(r[4])
    extra = [["159999", "Whole region", "内蒙古", y, f"{v:.1f}", "6.0", ""] for y, v in sums.items()]
    path = _copy(tmp_path, lambda rs: rs + extra)
    with pytest.raises(DataError, match="a total row") as info:
        load_panel(path)
    assert info.value.line == len(rows) + 1


def _published_total(code: str, en: str, zh: str) -> list[list[str]]:
    """Rows of the region's published total (imm_cities_total.csv: not the sum of the cities)."""
    total = list(csv.DictReader((FIX / "imm_cities_total.csv").open(encoding="utf-8")))
    return [[code, en, zh, r["year"], r["gdp_nominal_100m_yuan"], r["real_growth_pct"], ""] for r in total]


def _near_sum(code: str, en: str, zh: str) -> list[list[str]]:
    """Rows 1.5 % above the sum of the cities in 13 of 15 years, 5 % above in the others."""
    rows = list(csv.reader(PANEL.open(encoding="utf-8")))[1:]
    years = sorted({r[3] for r in rows})
    sums = {y: sum(float(r[4]) for r in rows if r[3] == y) for y in years}
    scale = {y: 1.05 if i in (3, 9) else 1.015 for i, y in enumerate(years)}
    return [[code, en, zh, y, f"{sums[y] * scale[y]:.1f}", "6.5", ""] for y in years]


#: A yearbook's total row as printed, the field named and the words in the message.
YEARBOOK_TOTALS = {
    "内蒙古 150000": (_published_total("150000", "Inner Mongolia", "内蒙古"), "province_zh", "'内蒙古'"),
    "全区合计": (_published_total("159001", "Region total", "全区合计"), "province_zh", "'全区合计'"),
    "合　计": (_published_total("159002", "Sum of cities", "合\u3000计"), "province_zh", repr("合\u3000计")),
    "全 区": (_published_total("159003", "All", "全 区"), "province_zh", "'全 区'"),
    "内蒙古自治区": (_published_total("159004", "IMAR", "内蒙古自治区"), "province_zh", "'内蒙古自治区'"),
    "code 150000": (_published_total("150000", "Published", "公布数"), "province_code", "code 150000"),
    "near sum": (
        _near_sum("159005", "Cities summed", "各盟市汇总"),
        "gdp_nominal_100m_yuan",
        "13 of 15 years",
    ),
}


@pytest.mark.parametrize("case", list(YEARBOOK_TOTALS), ids=list(YEARBOOK_TOTALS))
def test_yearbook_total_rows_refused_at_their_line(tmp_path, cli, case):
    extra, field, words = YEARBOOK_TOTALS[case]
    path = _copy(tmp_path, lambda rows: rows + extra)
    with pytest.raises(DataError, match="a total row, not a region") as info:
        load_panel(path)
    assert (info.value.line, info.value.field) == (182, field) and words in str(info.value)
    assert "aggregate.series in imm_cities.meta.yaml" in str(info.value)
    sc = tmp_path / "s.yaml"
    sc.write_text(SCENARIO.read_text(encoding="utf-8"), encoding="utf-8")
    res = cli("run", sc, "--lang", "zh")
    assert res.code == 2 and res.out == "" and "Traceback" not in res.err
    assert res.err.startswith(f"{path}:182: {field}: ") and res.err.count("\n") == 1
    assert "合计行" in res.err and "aggregate.series" in res.err and "a total row" not in res.err


def test_duplicate_names_refused_with_location(tmp_path):
    def rename(rows):
        return [[*r[:2], "包头市", *r[3:]] if r[0] == "150300" else r for r in rows]

    path = _copy(tmp_path, rename)
    with pytest.raises(DataError, match="two regions have the name '包头市'") as info:
        load_panel(path)
    first_wuhai = next(
        n for n, r in enumerate(csv.reader(path.open(encoding="utf-8")), start=1) if r[0] == "150300"
    )
    assert (info.value.line, info.value.field) == (first_wuhai, "province_zh")
    assert "150200" in str(info.value) and "150300" in str(info.value)


def test_gb18030_with_chinese_headers_reads_the_same(tmp_path, cli):
    rows = list(csv.reader(PANEL.open(encoding="utf-8")))
    rows[0] = ["地区代码", "英文名", "地区", "年份", "地区生产总值（亿元）", "实际增速(%)", "来源"]
    _copy(tmp_path, lambda _: rows)
    path = tmp_path / "imm_cities.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    panel, original = load_panel(path), load_panel(PANEL)
    assert panel.encoding == "gb18030" and panel.regions == original.regions
    np.testing.assert_array_equal(panel.gdp, original.gdp)
    np.testing.assert_array_equal(panel.real_growth_pct, original.real_growth_pct)
    res = cli("data", "--data", path)
    assert res.code == 0 and f"{path} read as GB18030" in res.err and "鄂尔多斯市" in res.out
    bad = cli("data", "--data", path, "--encoding", "utf-8")
    assert bad.code == 2 and bad.err.startswith(f"{path}:1: cannot be read as utf-8")  # the Chinese header


COMMANDS = [
    ("run", str(SCENARIO), "--years", "2030"),
    ("montecarlo", str(SCENARIO), "--paths", "200", "--seed", "3", "--quiet"),
    ("sweep", str(SCENARIO)),
    ("sensitivity", str(SCENARIO), "--quiet"),
    ("solve", str(SCENARIO), "--by", "2035", "--curve"),
    ("backtest", str(SCENARIO), "--quiet"),
    ("diff", str(SCENARIO), str(FIX / "ulanqab_9pct.yaml")),
]


@pytest.mark.slow
@pytest.mark.parametrize("argv", COMMANDS, ids=[c[0] for c in COMMANDS])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_command_runs_on_the_city_panel(tmp_path, cli, argv, lang):
    out = tmp_path / "out"
    res = cli(*argv, "--out", out, "--lang", lang)
    assert res.code == 0, res.err
    # the provincial words, apart from parameter paths the user typed (national.real_growth)
    words = re.compile("全国" if lang == "zh" else r"\b[Nn]ation(?:al)?\b(?![._])")
    assert not words.search(res.out), res.out
    for page in out.glob("*.html"):
        text = re.sub(r"<script.*?</script>", "", page.read_text(encoding="utf-8"), flags=re.S)
        assert not words.search(text), (page.name, words.findall(text))
    doc = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    if argv[0] == "sweep":
        assert [int(k) for k in doc["thresholds"]["rows"][0]["reach_year"]] == [4, 5, 6, 7, 8]
    if argv[0] == "backtest":  # every jump-off the data allow, nothing clipped from a provincial default
        assert "2008" not in res.err and doc["jump_off_years"] == list(range(2012, 2020))


def test_data_validate_chart_on_the_city_panel(tmp_path, cli):
    data = cli("data", "--data", PANEL, "--year", "2024")
    assert data.code == 0 and data.out.count("\n") == 14  # heading, 12 cities, the aggregate's line
    assert data.out.splitlines()[-1].startswith("  Inner Mongolia: ")
    assert cli("validate", SCENARIO).code == 0
    res = cli("chart", SCENARIO, "--kind", "race", "--out", tmp_path / "race.html", "--lang", "zh")
    assert res.code == 0, res.err
    html = (tmp_path / "race.html").read_text(encoding="utf-8")

    def has(word: str) -> bool:  # plotly's JSON may escape non-ASCII text
        return word in html or json.dumps(word)[1:-1] in html

    assert has("呼包鄂乌") and has("蒙东") and not has("华北")


def _city_export(
    tmp_path: Path, total: tuple[str, dict[str, str]] | None, index: bool = False
) -> tuple[Path, int]:
    """A portal-style export (time series: 地区, 2024年 ... 2020年) of the 12 cities' GDP (or, with
    ``index``, their real growth as 上年=100), with a total row ``(name, year -> value)`` last;
    returns the file and the total row's line."""
    rows = list(csv.DictReader(PANEL.open(encoding="utf-8")))
    years = [str(y) for y in range(2024, 2019, -1)]
    if index:
        value = {(r["province_zh"], r["year"]): f"{100 + float(r['real_growth_pct']):.1f}" for r in rows}
    else:
        value = {(r["province_zh"], r["year"]): r["gdp_nominal_100m_yuan"] for r in rows}
    names = list(dict.fromkeys(r["province_zh"] for r in rows))
    what = "地区生产总值指数(上年=100)" if index else "地区生产总值(亿元)"
    lines = ["数据库：盟市年度数据", f"指标：{what}", "地区," + ",".join(f"{y}年" for y in years)]
    lines += [n + "," + ",".join(value[n, y] for y in years) for n in names]
    if total is not None:
        lines.append(total[0] + "," + ",".join(total[1][y] for y in years))
    path = tmp_path / ("盟市地区生产总值指数.csv" if index else "盟市地区生产总值.csv")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, len(lines)


def _export_total(case: str) -> tuple[str, dict[str, str]]:
    extra, _, _ = YEARBOOK_TOTALS[case]
    return extra[0][2], {r[3]: r[4] for r in extra}


@pytest.mark.parametrize("case", [c for c in YEARBOOK_TOTALS if c != "code 150000"] + ["150000", "全区"])
def test_data_import_refuses_a_total_row_at_its_line(tmp_path, cli, case):
    panel = _copy(tmp_path)
    total = _export_total("全区合计")
    if case in YEARBOOK_TOTALS:
        total = _export_total(case)
    else:
        total = (case, total[1])
    export, line = _city_export(tmp_path, total)
    before = panel.read_bytes()
    res = cli("data", "import", export, "--into", panel, "--lang", "zh")
    assert res.code == 2 and res.out == "" and "Traceback" not in res.err, res.err
    assert res.err.startswith(f"{export}:{line}: 地区: 这是合计行，不是地区") and res.err.count("\n") == 1
    assert "imm_cities.meta.yaml" in res.err and panel.read_bytes() == before
    en = cli("data", "import", export, "--into", panel)
    assert en.err.startswith(f"{export}:{line}: 地区: a total row, not a region (")


def test_data_import_of_city_figures_without_a_total(tmp_path, cli):
    panel = _copy(tmp_path)
    export, _ = _city_export(tmp_path, None)
    res = cli("data", "import", export, "--into", panel, "--dry-run")
    assert res.code == 0, res.err
    assert "unchanged: 60" in res.out
    odd, line = _city_export(tmp_path, ("某某旗", {str(y): "100.0" for y in range(2020, 2025)}))
    res = cli("data", "import", odd, "--into", panel)
    assert res.code == 2 and res.err.startswith(f"{odd}:{line}: 地区: unknown region '某某旗'")


def test_trailing_empty_rows_as_excel_saves_them_are_skipped(tmp_path, cli):
    path = _copy(tmp_path, lambda rows: rows + [[""] * 7, ["", " ", "", "", "", "", ""], [""] * 7])
    panel, original = load_panel(path), load_panel(PANEL)
    assert panel.regions == original.regions
    np.testing.assert_array_equal(panel.gdp, original.gdp)
    sc = tmp_path / "s.yaml"
    sc.write_text(SCENARIO.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli("run", sc, "--lang", "zh").code == 0
    # an empty row with data after it is still an error, at its line
    inside = _copy(tmp_path, lambda rows: rows[:5] + [[""] * 7] + rows[5:])
    res = cli("data", "--data", inside, "--lang", "zh")
    assert res.code == 2 and res.err == f"{inside}:6: year: 空白\n"


@pytest.mark.parametrize(
    ("col", "old", "new"),
    [(2, "乌海市", "包头"), (1, "Wuhai", "Baotou City")],
    ids=["包头 beside 包头市", "Baotou City beside Baotou"],
)
def test_a_name_and_its_short_form_are_one_region_twice(tmp_path, cli, col, old, new):
    path = _copy(
        tmp_path, lambda rows: [[*r[:col], new, *r[col + 1 :]] if r[col] == old else r for r in rows]
    )
    first_wuhai = next(
        n for n, r in enumerate(csv.reader(path.open(encoding="utf-8")), 1) if r[0] == "150300"
    )
    field = ("province_en", "province_zh")[col - 1]
    with pytest.raises(DataError, match="one name with and without its ending") as info:
        load_panel(path)
    assert (info.value.line, info.value.field) == (first_wuhai, field)
    assert "150200" in str(info.value) and "150300" in str(info.value)
    res = cli("data", "--data", path, "--lang", "zh")
    assert (
        res.code == 2 and res.err.startswith(f"{path}:{first_wuhai}: {field}: ") and "只差一个后缀" in res.err
    )


def test_a_chinese_vintage_of_the_city_panel_imported_and_compared(tmp_path, cli):
    panel = _copy(tmp_path)
    export, _ = _city_export(tmp_path, None)
    text = export.read_text(encoding="utf-8")
    restated = text.replace("4338.8,", "4100.0,")  # Hohhot 2024 as first published
    assert restated != text
    export.write_text(restated, encoding="utf-8")
    index, _ = _city_export(tmp_path, None, index=True)
    res = cli("data", "import", export, index, "--into", panel, "--vintage", "普查修订", "--lang", "zh")
    assert res.code == 0, res.err
    vintage = tmp_path / "vintages" / "普查修订.csv"
    assert vintage.is_file() and "呼和浩特市" in vintage.read_text(encoding="utf-8")
    assert "150100" in vintage.read_text(encoding="utf-8")  # the cities' own codes, not provinces
    res = cli("data", "--vintages", "--data", panel, "--year", "2024", "--lang", "zh")
    assert res.code == 0, res.err
    assert "普查修订" in res.out and "呼和浩特市" in res.out and "4,100.0 → 4,338.8" in res.out
    bad = cli("data", "import", export, "--into", panel, "--vintage", "普查/修订", "--lang", "zh")
    assert bad.code == 2 and bad.err.startswith("--vintage: ") and "vintage name" not in bad.err


def _ten_years(rows: list[list[str]]) -> list[list[str]]:
    """The fixture's last ten years, 2015-2024 (a city panel as short as most)."""
    return [rows[0]] + [r for r in rows[1:] if int(r[3]) >= 2015]


@pytest.mark.parametrize(("horizon", "jump_offs"), [(1, (2017, 2023)), (3, (2017, 2021)), (5, (2017, 2019))])
def test_backtest_on_a_ten_year_city_panel(tmp_path, cli, horizon, jump_offs):
    _copy(tmp_path, _ten_years)
    sc = tmp_path / "s.yaml"
    sc.write_text(SCENARIO.read_text(encoding="utf-8"), encoding="utf-8")
    res = cli("backtest", sc, "--horizon", horizon, "--quiet", "--out", tmp_path / "out", "--json")
    assert res.code == 0, res.err
    doc = json.loads(res.out)
    assert doc["jump_off_years"] == list(range(jump_offs[0], jump_offs[1] + 1))
    oos = doc["model_oos"]  # the honest score, on the horizons and windows the data hold
    assert oos["horizons"] == sorted({1, 3, 5, horizon}) and oos["horizons_dropped"] == [10]
    assert np.isfinite(oos["rank_mae"]) and set(oos["choices"]) == {str(y) for y in doc["jump_off_years"]}
    zh = cli("backtest", sc, "--horizon", horizon, "--quiet", "--lang", "zh", "--from", "2008:2019")
    assert zh.code == 0, zh.err
    assert "无法评估10年的预测期" in zh.out and f"已截为{jump_offs[0]}-{min(jump_offs[1], 2019)}" in zh.err
    too_long = cli("backtest", sc, "--horizon", "8", "--lang", "zh")
    assert too_long.code == 2
    assert too_long.err.splitlines()[-1].startswith("--horizon: 数据（2015-2024年）最多支持 7 年的预测期")


def test_band_scales_estimated_from_the_city_panel_cover_its_outcomes(tmp_path, cli):
    from sim.analyses.calibration import needs_band_scales
    from sim.model.scenario import default_scenario

    assert not needs_band_scales(default_scenario())  # the bundled panel keeps its defaults
    sc = load_scenario(SCENARIO)
    assert needs_band_scales(sc) and not needs_band_scales(sc.with_changes({"uncertainty.scale": 0.7}))
    res = cli("backtest", SCENARIO, "--paths", "400", "--seed", "3", "--quiet", "--json")
    assert res.code == 0, res.err
    doc = json.loads(res.out)
    bands = doc["band_scales"]
    assert bands is not None and set(bands["uncertainty"]) == {
        "scale",
        "parameter_scale",
        "parameter_half_life",
    }
    assert "band scales estimated from this panel" in res.err
    # with the provincial defaults the 50/80 % level bands covered 91/97 % of outcomes
    assert abs(doc["coverage_level"]["0.5"] - 0.5) <= 0.10 and abs(doc["coverage_level"]["0.8"] - 0.8) <= 0.10
    assert doc["provenance"]["changes"]  # the estimated scales are recorded as changes


def _with_population(tmp_path: Path) -> Path:
    """The fixture with a (synthetic) population column: the report's "which midfield?" table of
    both measures needs one."""

    def add(rows: list[list[str]]) -> list[list[str]]:
        head, body = rows[0] + ["population_10k"], rows[1:]
        return [head] + [[*r, f"{100 + 17 * int(r[0][2:4]) + (int(r[3]) - 2010) * 0.5:.1f}"] for r in body]

    _copy(tmp_path, add)
    sc = tmp_path / "s.yaml"
    sc.write_text(SCENARIO.read_text(encoding="utf-8"), encoding="utf-8")
    return sc


#: Words of the provincial panel that a report on cities must not show (outside field paths the
#: user typed, such as provinces.乌兰察布.real_growth).
PROVINCIAL_WORDS = {
    "zh": re.compile("省|全国|煤炭|山西|陕西|宁夏|新疆"),
    "en": re.compile(r"\b(?:[Pp]rovince(?!s\.)|national|nation|coal|Shanxi|Shaanxi|Ningxia|Xinjiang)\b"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_twelve_region_report_has_no_provincial_leftovers(tmp_path, cli, lang):
    sc = _with_population(tmp_path)
    res = cli("run", sc, "--out", tmp_path / "out", "--lang", lang, "--xlsx")
    assert res.code == 0, res.err
    html = (tmp_path / "out" / "run.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", html, flags=re.S))
    thresholds = [int(k) for k in re.findall(r"≤ (\d+)", text)]
    assert {4, 5, 6, 7, 8} <= set(thresholds) and max(thresholds) <= 12  # the midfield of 12, not 10-20
    assert not PROVINCIAL_WORDS[lang].search(text), PROVINCIAL_WORDS[lang].findall(text)
    assert not PROVINCIAL_WORDS[lang].search(res.out + res.err)
    if lang == "zh":  # the plausibility warning names the cities and 全区 in Chinese, everywhere
        assert (
            "比全区高2.5个百分点，超出乌兰察布市" in text and "比全区高2.5个百分点，超出乌兰察布市" in res.err
        )
        assert "该地区公布的目标" in text and "Ulanqab" not in text + res.err
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "out" / "run.xlsx")
    cells = " ".join(str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value)
    assert not PROVINCIAL_WORDS[lang].search(re.sub(r"provinces\.\S+", "", cells))
    if lang == "zh":
        assert "超出乌兰察布市" in cells


def test_price_model_and_app_controls_follow_the_panel(cli):
    res = cli("data", "--data", PANEL, "--model", "--lang", "zh")
    assert res.code == 0 and "煤炭能源地区 b" not in res.out and "没有煤炭能源地区" in res.out
    assert "0.000" not in res.out
    bundled = cli("data", "--model")
    assert "coal/energy, " in bundled.out and "Inner Mongolia" in bundled.out  # the provinces unchanged
    from sim.serve.app import build_app

    app = build_app(load_scenario(SCENARIO), paths=10, lang="zh")
    layout = json.dumps(app.layout.to_plotly_json(), ensure_ascii=False, default=str)
    assert "全区实际增速调整" in layout and "全国" not in layout
    assert "大宗商品" not in layout  # no commodity control: the cities have no coal and energy group


def test_method_names_have_a_chinese_gloss(tmp_path, cli):
    sens = cli("sensitivity", SCENARIO, "--quiet", "--lang", "zh")
    assert sens.code == 0 and "Sobol 指数（各假设对结果方差的贡献" in sens.out
    diff = cli("diff", SCENARIO, FIX / "ulanqab_9pct.yaml", "--lang", "zh")
    assert diff.code == 0 and "Shapley 分解（" in diff.out and "共1处不同" in diff.out
    bt = cli("backtest", "--paths", "100", "--from", "2016:2017", "--horizon", "2", "--quiet", "--lang", "zh",
             "--out", tmp_path)  # fmt: skip
    assert bt.code == 0 and "Spearman 秩相关" in bt.out
    html = (tmp_path / "backtest.html").read_text(encoding="utf-8")
    assert "PIT 直方图" in html or json.dumps("PIT 直方图")[1:-1] in html


def test_provenance_names_a_metadata_file_created_after_the_first_run(tmp_path, cli):
    path = _copy(tmp_path, meta=False)
    sc = tmp_path / "s.yaml"
    sc.write_text(
        SCENARIO.read_text(encoding="utf-8").replace("model: targets", "model: spread"), encoding="utf-8"
    )
    first = cli("run", sc, "--json", "--no-report")
    assert first.code == 0, first.err
    assert not any(f["path"].endswith(".meta.yaml") for f in json.loads(first.out)["provenance"]["files"])
    shutil.copy(FIX / "imm_cities.meta.yaml", path.with_name("imm_cities.meta.yaml"))
    again = cli("run", sc, "--json", "--no-report")  # the scenario itself comes from the cache
    files = [f["path"] for f in json.loads(again.out)["provenance"]["files"]]
    assert any(f.endswith("imm_cities.meta.yaml") for f in files)
    assert any(f.endswith("imm_cities_total.csv") for f in files)


@pytest.mark.parametrize(
    ("meta", "line", "field", "words"),
    [
        ("region_kind: town\n", 1, "region_kind", "必须是 province, city, county, country, region 之一"),
        ("regionkind: city\n", 1, "regionkind", "未知的键（可用："),
        ('groups:\n  a: {en: A, zh: 甲, codes: ["999"]}\n', 2, "groups.a.codes", "不是数据表中的代码：999"),
        ("aggregate: 5\n", 1, "aggregate", "必须是包含 en、zh（及 series）的映射"),
        ('aggregate:\n  en: ""\n', 2, "aggregate.en", "必须是非空文字"),
    ],
)
def test_metadata_file_errors_in_chinese(tmp_path, cli, meta, line, field, words):
    path = _copy(tmp_path)
    meta_file = path.with_name("imm_cities.meta.yaml")
    meta_file.write_text(meta, encoding="utf-8")
    res = cli("data", "--data", path, "--lang", "zh")
    assert res.code == 2 and res.err == f"{meta_file}:{line}: {field}: {res.err.split(': ', 2)[2]}"
    assert words in res.err and res.err.count("\n") == 1


def test_scenario_errors_of_another_panel_in_chinese(tmp_path, cli):
    path = _copy(tmp_path, meta=False)
    sc = tmp_path / "s.yaml"
    sc.write_text(f"name: x\ndata: {path.name}\n", encoding="utf-8")
    res = cli("run", sc, "--lang", "zh")
    assert res.code == 2 and res.err == f"{sc}: target: 使用自带数据表以外的数据时必须给出\n"
    sc.write_text(f"name: x\ndata: {path.name}\ntarget: 赤峰\nothers: {{model: targets}}\n", encoding="utf-8")
    res = cli("run", sc, "--lang", "zh")
    assert res.code == 2 and "没有公布的增长目标" in res.err and "has no announced targets" not in res.err
    sc.write_bytes(b"name: x\xff\n")
    assert cli("run", sc, "--lang", "zh").err == f"{sc}: 不是 UTF-8 文本\n"


def test_diff_waterfall_year_axis_is_around_the_years():
    from sim.analyses.diff import diff
    from sim.present.charts import diff_waterfall

    result = diff(load_scenario(SCENARIO), load_scenario(FIX / "ulanqab_9pct.yaml"))
    lo, hi = diff_waterfall(result, "zh").layout.yaxis.range
    assert 2020 < lo < 2033 < 2036 < hi < 2045  # reach year 2036 -> 2033, not an axis from 0
