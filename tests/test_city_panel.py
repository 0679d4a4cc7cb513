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
    assert regions.find("乌") is None and "乌海市" in regions.suggest("乌海")


def test_ambiguous_short_name_is_suggested(tmp_path):
    def two_baotous(rows):  # a county also called 包头 (包头旗) beside 包头市
        return rows + [[r[0].replace("152900", "152999"), "Baotou Banner", "包头旗", *r[3:]]
                       for r in rows if r[0] == "152900"]  # fmt: skip

    regions = load_panel(_copy(tmp_path, two_baotous, meta=False)).regions
    assert regions.find("包头") is None
    assert "包头市" in regions.suggest("包头") and "包头旗" in regions.suggest("包头")
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
    with pytest.raises(DataError, match="equals the sum of the other regions") as info:
        load_panel(path)
    assert info.value.line == len(rows) + 1 and info.value.field == "gdp_nominal_100m_yuan"


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
    if argv[0] == "backtest":
        said = "已截为2012-2019" if lang == "zh" else "clipped to 2012-2019"
        assert said in res.err and "2010-2024" in res.err
        assert doc["jump_off_years"] == list(range(2012, 2020))


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
