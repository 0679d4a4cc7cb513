"""`ranksim data import` on the NBS portal's real exports (tests/fixtures/portal/PROVENANCE.md), and
`ranksim data --vintages` on the bundled vintages.

Round trips: the current-vintage exports reproduce the shipped panel's values; importing them over
the shipped panel changes nothing, byte for byte; a panel missing its last year gets it back from
that year's exports and loads with the same ranking. Restatements: the pre-2018 export over the
shipped panel lists Tianjin's and Inner Mongolia's cut histories. Bad files: one located line, exit 2.
"""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from sim.inputs.panel import DEFAULT_NATIONAL, DEFAULT_PANEL, GDP, POP, REAL, load_panel
from sim.inputs.panel_import import plan_import, source_id, vintage_target
from sim.inputs.portal import read_export, region_code
from tests.conftest import ROOT, run_subprocess

PORTAL = ROOT / "tests" / "fixtures" / "portal"
RJ = PORTAL / "RJ" / "分省年度数据.csv"
LA = sorted((PORTAL / "LA").glob("*.csv"))
POP24 = PORTAL / "POP24" / "分省年度数据.csv"
TB = PORTAL / "TB" / "分省年度数据.csv"
NBS20_INDEX = PORTAL / "NBS20" / "地区生产总值指数.csv"
NATIONAL = PORTAL / "NAT" / "年度数据.csv"
CURRENT = [RJ, *LA, POP24]
TODAY = date(2026, 3, 20)


def _cells(path: Path) -> dict[tuple[str, int, str], str]:
    """(code, year, column) -> text of every non-empty value cell of a panel CSV."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {
        (r["province_code"], int(r["year"]), col): r[col]
        for r in rows
        for col in (GDP, REAL, POP)
        if r.get(col)
    }


# --------------------------------------------------------------------------- reading the layouts


def test_every_fixture_reads_with_its_layout_encoding_and_vintage(panel):
    want = {
        RJ: ("time series", "GB18030", "NBS25", {GDP: 589}),
        PORTAL / "LA" / "按照年份的GDP.csv": ("time series", "UTF-8 with BOM", "NBS25", {GDP: 124}),
        PORTAL / "LA" / "地区生产总值指数（近十年）.csv": (
            "time series",
            "UTF-8 with BOM",
            "NBS25",
            {REAL: 279},
        ),
        PORTAL / "LA" / "分省年度数据2024.csv": ("cross-section", "UTF-8 with BOM", "NBS25", {GDP: 31}),
        PORTAL / "LA" / "分省年度数据人口.csv": ("cross-section", "UTF-8 with BOM", "", {POP: 31}),
        POP24: ("time series", "GB18030", "", {POP: 310}),
        TB: ("time series", "GB18030", "", {GDP: 775}),
        NBS20_INDEX: ("tidy", "UTF-8", "", {REAL: 620}),
    }
    for path, (layout, encoding, vintage, counts) in want.items():
        e = read_export(path, panel.regions)
        got = {f: sum(v.field == f for v in e.values) for f in e.indicators}
        assert (e.layout, e.encoding, e.vintage, got) == (layout, encoding, vintage, counts), path


def test_empty_2025_column_is_not_a_value(panel):
    e = read_export(PORTAL / "LA" / "按照年份的GDP.csv", panel.regions)
    assert e.years == (2021, 2024)
    assert e.indicator_from_file_name == "地区生产总值(亿元)"  # the export has no 指标： line


def test_index_becomes_real_growth_exactly(panel):
    e = read_export(PORTAL / "LA" / "分省年度数据指数2024.csv", panel.regions)
    beijing = next(v for v in e.values if v.code == "11")
    assert (beijing.year, beijing.text) == (2024, "5.1")  # 105.1 - 100, in decimal, not 5.099999...
    assert sorted(e.ignored_indicators)[0].startswith("第一产业增加值指数")


def test_official_names_codes_and_english_names_map_to_the_panel(panel):
    names = [row.split(",")[0] for row in RJ.read_bytes().decode("gb18030").splitlines()[4:35]]
    assert len(names) == 31 and "新疆维吾尔自治区" in names and "广西壮族自治区" in names
    assert [region_code(n, panel.regions) for n in names] == list(panel.regions.codes)
    assert region_code("150000", panel.regions) == "15"
    assert region_code("Inner Mongolia", panel.regions) == "15"
    assert region_code("全国", panel.regions) == "00"
    assert region_code("香港特别行政区", panel.regions) is None


# --------------------------------------------------------------------------- round trips


def test_current_vintage_exports_into_an_empty_panel_reproduce_the_shipped_values(cli, tmp_path):
    """RJ and LA (SOURCES.md: the NBS25 downloads) and POP24 rebuild every value they cover."""
    target = tmp_path / "new.csv"
    res = cli("data", "import", *CURRENT, "--into", target)
    assert res.code == 0, res.err
    assert "(a new file)" in res.out and "conflicts between files: 0" in res.out
    got, shipped = _cells(target), _cells(DEFAULT_PANEL)
    assert len(got) == 589 + 279 + 310  # GDP 2006-2024, real growth 2016-2024, population 2015-2024
    assert {k: Decimal(v) for k, v in got.items()} == {k: Decimal(shipped[k]) for k in got}
    assert "real growth (2006-2015)" in res.out  # the years no export covers: it says the panel is incomplete


def test_current_vintage_exports_over_the_shipped_panel_change_nothing():
    plan = plan_import([*CURRENT, NATIONAL], today=TODAY)
    assert not plan.changed and plan.rows_added == 0 and not plan.conflicts
    assert plan.unchanged == 589 + 279 + 310 + 10  # distinct cells: GDP, real growth, population, national
    assert plan.files[DEFAULT_PANEL] == DEFAULT_PANEL.read_text(encoding="utf-8")  # byte for byte
    assert DEFAULT_NATIONAL not in plan.files


def test_a_spring_update_adds_the_year_and_the_panel_loads_with_the_same_ranking(cli, tmp_path):
    """The shipped panel without 2024, then 2024's cross-sections (GDP, index, population) imported:
    the year comes back with the shipped values, the same vintage (no splice) and the same ranks;
    the preliminary 2025 rows after it keep their values and their status."""
    lines = DEFAULT_PANEL.read_text(encoding="utf-8").splitlines(keepends=True)
    target = tmp_path / "panel.csv"
    target.write_text("".join(line for line in lines if line.split(",")[3] != "2024"), encoding="utf-8")
    res = cli("data", "import", *LA[:3], "--into", target)  # 分省年度数据2024/人口/指数2024
    assert res.code == 0, res.err
    assert "rows added: 31; values added: 93; restated: 0" in res.out
    assert res.out.rstrip().endswith(f"wrote {target}")
    new, shipped = load_panel(target), load_panel(DEFAULT_PANEL)
    t = shipped.year_index(2024)
    assert new.last_year == 2025  # 2025's preliminary rows were never removed
    assert new.status is not None and np.array_equal(new.status, shipped.status)  # status column kept
    assert new.provisional_years() == shipped.provisional_years() == [2025]
    written = target.read_text(encoding="utf-8").splitlines(keepends=True)
    in_2025 = lambda rows: [x for x in rows if x.split(",")[3] == "2025"]  # noqa: E731
    assert in_2025(written) == in_2025(lines)  # byte for byte, status included
    assert np.array_equal(new.gdp[t], shipped.gdp[t]) and np.array_equal(
        new.real_growth_pct[t], shipped.real_growth_pct[t]
    )
    assert np.array_equal(new.population[t], shipped.population[t])
    assert np.array_equal(new.ranks[t], shipped.ranks[t])
    assert not new.nominal_break[t].any()  # NBS25 after NBS25: the 2024 deflator stays usable
    row = next(
        line
        for line in target.read_text(encoding="utf-8").splitlines()
        if line.startswith("15,Inner Mongolia,内蒙古,2024")
    )
    e = read_export(LA[0], new.regions)
    assert f"gdp:{source_id(e, date.today())}" in row  # vintage@file#sha256@date


def test_a_second_import_of_the_same_files_changes_nothing(cli, tmp_path):
    target = tmp_path / "p.csv"
    assert cli("data", "import", RJ, "--into", target).code == 0
    before = target.read_bytes()
    res = cli("data", "import", RJ, "--into", target)
    assert res.code == 0 and "nothing to change" in res.out and "unchanged: 589" in res.out
    assert target.read_bytes() == before


# --------------------------------------------------------------------------- restatements and conflicts


def test_an_older_vintage_over_the_shipped_panel_lists_the_restatements(cli, tmp_path):
    target = tmp_path / "panel.csv"
    shutil.copy(DEFAULT_PANEL, target)
    res = cli("data", "import", TB, "--into", target, "--dry-run")
    assert res.code == 0, res.err
    assert "(dry run: nothing written)" in res.out
    assert "rows added: 217; values added: 217; restated: 552; unchanged: 6" in res.out
    # largest first: Tianjin's 2016, cut by a third in the 4th-census revision
    first = res.out.splitlines()[4]
    assert first == "    Tianjin 2016 nominal GDP: 11,487.0 → 17,885.39 (+55.7%)"
    assert round((17885.39 / 11487.0 - 1) * 100, 1) == 55.7
    assert "Inner Mongolia 2011 nominal GDP: 9,610.8 → 14,359.88 (+49.4%)" in res.out
    assert "... 542 more (--all lists every one)" in res.out
    assert target.read_bytes() == DEFAULT_PANEL.read_bytes()  # dry run
    every = cli("data", "import", TB, "--into", target, "--dry-run", "--all")
    assert sum(" nominal GDP: " in line and "→" in line for line in every.out.splitlines()) == 552


def test_files_that_disagree_are_listed_and_the_later_one_wins(tmp_path):
    index10 = PORTAL / "LA" / "地区生产总值指数（近十年）.csv"
    plan = plan_import([NBS20_INDEX, index10], tmp_path / "p.csv", today=TODAY)
    assert len(plan.conflicts) == 97  # 2016-2019: NBS20 and NBS25 indices differ by 0.1-0.3 points
    beijing = next(c for c in plan.conflicts if (c.code, c.year) == ("11", 2016))
    assert [t for _, t in beijing.values] == ["6.9", "7.0"]
    assert _written(plan)[("11", 2016, REAL)] == "7.0"  # the later file
    assert (
        _written(plan_import([index10, NBS20_INDEX], tmp_path / "p.csv", today=TODAY))[("11", 2016, REAL)]
        == "6.9"
    )


def _written(plan) -> dict[tuple[str, int, str], str]:
    path = plan.target.parent / "written.csv"
    path.write_text(plan.files[plan.target], encoding="utf-8")
    return _cells(path)


def test_chinese_report(cli, tmp_path):
    shutil.copy(DEFAULT_PANEL, tmp_path / "p.csv")
    res = cli("data", "import", TB, "--into", tmp_path / "p.csv", "--dry-run", "--lang", "zh")
    assert "（试运行：未写入任何文件）" in res.out
    assert "    天津 2016年 地区生产总值：11,487.0 → 17,885.39（+55.7%）" in res.out
    assert "新增行：217" in res.out


def test_national_figures_go_to_the_national_file_only_for_the_bundled_panel(tmp_path):
    bundled = plan_import([NATIONAL], today=TODAY)
    assert bundled.unchanged == 10 and not bundled.changed  # 国内生产总值 2015-2024 = national_gdp.csv
    other = plan_import([NATIONAL, RJ], tmp_path / "p.csv", today=TODAY)
    assert "national_ignored" in [n.key for n in other.notes]


# --------------------------------------------------------------------------- vintages


def test_vintage_name_writes_beside_the_panel(cli, tmp_path):
    panel = tmp_path / "panel.csv"
    shutil.copy(DEFAULT_PANEL, panel)
    assert vintage_target(None, "pre2018") == DEFAULT_PANEL.parent / "vintages" / "pre2018.csv"
    assert vintage_target(panel, "current") == panel
    res = cli("data", "import", TB, "--into", panel, "--vintage", "pre2018")
    assert res.code == 0, res.err
    written = tmp_path / "vintages" / "pre2018.csv"
    assert res.out.rstrip().endswith(f"wrote {written}")
    got = _cells(written)
    assert got[("12", 2016, GDP)] == "17885.39" and len(got) == 775
    assert panel.read_bytes() == DEFAULT_PANEL.read_bytes()
    bad = cli("data", "import", TB, "--vintage", "../x")
    assert bad.code == 2 and bad.err.startswith("--vintage: a vintage name is letters")


def test_vintages_side_by_side(cli):
    doc = cli("data", "--vintages", "--json").json()
    assert doc["year"] == 2017 and doc["vintages"] == ["pre2018", "pre2023", "current"]
    im = next(p for p in doc["provinces"] if p["code"] == "15")
    assert im["rank"] == {"pre2018": 21, "pre2023": 20, "current": 20}
    top = doc["restatements"][0]
    assert (top["code"], top["from"], top["to"], top["old"], top["new"]) == (
        "12",
        "pre2018",
        "pre2023",
        18549.19,
        12450.6,
    )
    assert round(top["change_pct"], 1) == -32.9 and (top["rank_old"], top["rank_new"]) == (18, 23)
    doc2010 = cli("data", "--vintages", "--year", "2010", "--json").json()
    im2010 = next(p for p in doc2010["provinces"] if p["code"] == "15")
    assert im2010["rank"] == {"pre2018": 15, "pre2023": 20, "current": 20}  # as published then: 15th


def test_vintages_text_and_a_year_only_some_vintages_hold(cli):
    res = cli("data", "--vintages", "--year", "2022")
    assert res.code == 0
    assert "not in pre2018" in res.out
    im = next(line for line in res.out.splitlines() if "Inner Mongolia" in line and "→" not in line)
    assert im.split()[-3:-1] == ["21", "21"]  # 2022: 21st before and after the 5th-census revision
    zh = cli("data", "--vintages", "--lang", "zh")
    assert "2017年地区生产总值排名" in zh.out and "内蒙古" in zh.out
    assert cli("data", "--vintages", "--year", "1990").code == 2
    other = cli("data", "--vintages", "--data", DEFAULT_PANEL)  # the bundled panel named: the same table
    assert other.code == 0 and other.out == cli("data", "--vintages").out


# --------------------------------------------------------------------------- bad files


def _bad(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


LA2024 = PORTAL / "LA" / "分省年度数据2024.csv"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "make", "line", "field", "fragment"),
    [
        ("unknown layout", lambda b: b"name,value\nBeijing,1\n", 1, None, "not a portal export"),
        (
            "garbage number",
            lambda b: b.replace(b"49670.2", b"49670.2x"),
            4,
            "地区生产总值 (亿元)",
            "not a number: '49670.2x'",
        ),
        (
            "unknown region",
            lambda b: b.replace("北京市".encode(), "北平市".encode()),
            4,
            "地区",
            "unknown region '北平市'",
        ),
        (
            "big5",
            lambda b: b[3:].decode("utf-8").encode("big5", errors="replace"),
            1,
            None,
            "neither UTF-8 nor GB18030 text, as far",
        ),
        (
            "latin-1",
            lambda b: "数据库：分省年度数据\n".encode("gb18030") + "Région,2024\né,1\n".encode("latin-1"),
            3,
            None,
            "neither UTF-8 nor GB18030 text (byte 0xe9)",
        ),
        ("utf-16", lambda b: b[3:].decode("utf-8").encode("utf-16"), None, None, "UTF-16 text"),
        (
            "no year",
            lambda b: b.replace("时间：2024年".encode(), "时间：".encode()),
            3,
            None,
            "no `时间：` line",
        ),
        (
            "negative",
            lambda b: b.replace(b"49670.2", b"-49670.2"),
            4,
            "地区生产总值 (亿元)",
            "must be a positive number",
        ),
        (
            "huge",
            lambda b: b.replace(b"49670.2", b"1E+400"),
            4,
            "地区生产总值 (亿元)",
            "write the number in full",
        ),
        (
            "tiny",
            lambda b: b.replace(b"49670.2", b"1E-10"),
            4,
            "地区生产总值 (亿元)",
            "write the number in full",
        ),
        (
            "400 digits",
            lambda b: b.replace(b"49670.2", b"9" * 400),
            4,
            "地区生产总值 (亿元)",
            "a number of 400 digits is not a statistic",
        ),
    ],
    ids=lambda x: x if isinstance(x, str) and " " in x else None,
)
def test_bad_file_is_one_located_line_and_nothing_is_written(tmp_path, case, make, line, field, fragment):
    bad = _bad(tmp_path, "export.csv", make(LA2024.read_bytes()))
    target = tmp_path / "panel.csv"
    shutil.copy(DEFAULT_PANEL, target)
    res = run_subprocess("data", "import", RJ, bad, "--into", target)
    assert res.code == 2, (case, res.err)
    assert res.out == "" and res.err.count("\n") == 1 and "Traceback" not in res.err
    prefix = f"{bad}:{line}: " if line else f"{bad}: "
    assert res.err.startswith(prefix + (f"{field}: " if field else "")), res.err
    assert fragment in res.err, res.err
    assert target.read_bytes() == DEFAULT_PANEL.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv", "panel.csv"]


def test_missing_file_and_misspelt_region_suggestion(cli, tmp_path):
    res = cli("data", "import", tmp_path / "nope.csv", "--into", tmp_path / "p.csv")
    assert res.code == 2 and res.err == f"{tmp_path / 'nope.csv'}: file not found\n"
    misspelt = LA2024.read_bytes().replace("内蒙古自治区".encode(), "内蒙谷自治区".encode())
    bad = _bad(tmp_path, "x.csv", misspelt)
    res = cli("data", "import", bad, "--into", tmp_path / "p.csv")
    assert res.code == 2 and "did you mean '内蒙古'?" in res.err
    assert not (tmp_path / "p.csv").exists()


def test_json_of_vintages_is_one_document(cli):
    out = cli("data", "--vintages", "--year", "2015", "--json").out
    assert json.loads(out)["year"] == 2015


def test_a_smaller_panel_takes_its_own_regions_and_names_the_others(tmp_path):
    """A two-region panel: the export's other 29 provinces are left out with a note, not errors."""
    rows = DEFAULT_PANEL.read_text(encoding="utf-8").splitlines()
    target = tmp_path / "two.csv"
    target.write_text("\n".join([rows[0], *(r for r in rows[1:] if r.split(",")[0] in ("11", "15"))]) + "\n")
    plan = plan_import([RJ], target, today=TODAY)
    assert plan.unchanged == 2 * 19 and not plan.changed
    note = next(n for n in plan.notes if n.key == "not_in_panel")
    assert note.values["n"] == 29 and "天津" in note.values["names"] and "内蒙古" not in note.values["names"]


def test_the_pre2018_export_confirms_the_bundled_pre2018_vintage():
    """The TB export holds exactly the bundled pre2018 vintage's GDP (2000-2017: 558 values)."""
    plan = plan_import([TB], vintage_target(None, "pre2018"), today=TODAY)
    assert (plan.unchanged, len(plan.restated), len(plan.added)) == (558, 0, 217)  # + 1993-1999


def test_json_of_an_import_lists_every_change_and_what_was_written(cli, tmp_path):
    target = tmp_path / "panel.csv"
    shutil.copy(DEFAULT_PANEL, target)
    doc = cli("data", "import", TB, "--into", target, "--dry-run", "--json").json()
    assert (doc["rows_added"], len(doc["added"]), len(doc["restated"]), doc["unchanged"]) == (
        217,
        217,
        552,
        6,
    )
    assert doc["written"] == [] and doc["files"][0]["encoding"] == "GB18030"
    top = max(doc["restated"], key=lambda c: abs(c["change"]))
    assert (top["code"], top["year"], top["old"], top["new"], round(top["change"], 1)) == (
        "12",
        2016,
        "11487.0",
        "17885.39",
        55.7,
    )
    wrote = cli(
        "data", "import", PORTAL / "LA" / "分省年度数据2024.csv", "--into", tmp_path / "new.csv", "--json"
    ).json()
    assert wrote["created"] and wrote["written"] == [str(tmp_path / "new.csv")] and len(wrote["added"]) == 31


# --------------------------------------------------------------------------- safe to run (issue 23)


def _changed_export(tmp_path: Path, name: str, beijing: str) -> Path:
    """The 2024 cross-section with Beijing's GDP changed to ``beijing``."""
    return _bad(tmp_path, name, LA2024.read_bytes().replace(b"49670.2", beijing.encode()))


def _one(tmp_path: Path, name: str, region: str, value: str) -> Path:
    """A 2024 cross-section export with one region's GDP."""
    text = f"数据库：分省年度数据\n时间：2024年\n地区,地区生产总值 (亿元)\n{region},{value}\n"
    return _bad(tmp_path, name, text.encode("utf-8"))


def _value(panel: Path, code: str, year: int) -> str:
    return _cells(panel)[(code, year, GDP)]


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_numbers_the_loader_refuses_are_refused_before_writing(tmp_path, json_flag):
    target = tmp_path / "panel.csv"
    shutil.copy(DEFAULT_PANEL, target)
    for value in ("1E+400", "1E-10", "1" * 30):
        bad = _changed_export(tmp_path, "export.csv", value)
        res = run_subprocess("data", "import", bad, "--into", target, *json_flag)
        assert res.code == 2 and res.out == "" and res.err.count("\n") == 1, res.err
        assert res.err.startswith(f"{bad}:4: 地区生产总值 (亿元): "), res.err
        assert target.read_bytes() == DEFAULT_PANEL.read_bytes()


def test_a_merged_panel_that_would_not_load_is_refused(tmp_path):
    target = tmp_path / "panel.csv"
    lines = DEFAULT_PANEL.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",1364,", ",abc,")  # Beijing 2000 population: not a number
    target.write_text("".join(lines), encoding="utf-8")
    before = target.read_bytes()
    res = run_subprocess("data", "import", _changed_export(tmp_path, "x.csv", "49999.5"), "--into", target)
    assert res.code == 2 and res.err.count("\n") == 1, res.err
    assert res.err.startswith(f"{target}:2: population_10k: not a number: 'abc' (in the panel as this import")
    assert target.read_bytes() == before


def test_a_link_is_written_through_and_the_mode_kept(tmp_path):
    shared = tmp_path / "shared" / "panel.csv"
    shared.parent.mkdir()
    shutil.copy(DEFAULT_PANEL, shared)
    shared.chmod(0o640)
    link = tmp_path / "panel.csv"
    link.symlink_to(shared)
    res = run_subprocess("data", "import", _changed_export(tmp_path, "x.csv", "49999.5"), "--into", link)
    assert res.code == 0, res.err
    assert link.is_symlink() and link.resolve() == shared  # the link stays a link
    assert _value(shared, "11", 2024) == "49999.5"  # the shared panel has the change
    assert oct(shared.stat().st_mode & 0o777) == "0o640"
    assert sorted(p.name for p in shared.parent.iterdir()) == ["panel.csv"]  # no temporary left


def test_a_panel_changed_during_the_import_is_refused_and_kept(tmp_path):
    from sim.errors import DataError
    from sim.present.output import update_files

    target = tmp_path / "panel.csv"
    shutil.copy(DEFAULT_PANEL, target)
    plan = plan_import([_changed_export(tmp_path, "x.csv", "49999.5")], target, today=TODAY)
    meanwhile = DEFAULT_PANEL.read_text(encoding="utf-8").replace("17931.3", "18000.0")
    target.write_text(meanwhile, encoding="utf-8")  # another program saved the panel meanwhile
    with pytest.raises(DataError, match="changed by another program while this import ran; nothing written"):
        update_files(plan.files, plan.originals)
    assert target.read_text(encoding="utf-8") == meanwhile
    assert sorted(p.name for p in tmp_path.iterdir()) == ["panel.csv", "x.csv"]


def _start_import(export: Path, target: Path):
    """`ranksim data import EXPORT --into TARGET` started in a subprocess (not waited for)."""
    import subprocess
    import sys

    argv = [sys.executable, "-m", "sim", "data", "import", str(export), "--into", str(target)]
    return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_a_second_import_waits_for_the_first_and_both_land(tmp_path):
    """The test holds the folder's import lock as a first import would; a second import started
    meanwhile waits, then plans over the first one's result: both changes land."""
    import time

    from sim.inputs.panel_import import import_lock
    from sim.present.output import update_files

    target = tmp_path / "panel.csv"
    shutil.copy(DEFAULT_PANEL, target)
    second = _one(tmp_path, "tianjin.csv", "天津市", "18000.0")
    with import_lock(target):
        proc = _start_import(second, target)
        time.sleep(3)
        assert proc.poll() is None  # waiting for the lock
        assert target.read_bytes() == DEFAULT_PANEL.read_bytes()
        # the first import, in this process, under the lock it holds
        plan = plan_import([_one(tmp_path, "beijing.csv", "北京市", "49999.5")], target, today=TODAY)
        update_files(plan.files, plan.originals)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert _value(target, "11", 2024) == "49999.5" and _value(target, "12", 2024) == "18000.0"


@pytest.mark.slow
def test_concurrent_imports_into_one_panel_both_land(tmp_path):
    target = tmp_path / "panel.csv"
    for trial in range(3):
        shutil.copy(DEFAULT_PANEL, target)
        a = _one(tmp_path, "a.csv", "北京市", f"4999{trial}.5")
        b = _one(tmp_path, "b.csv", "天津市", f"1800{trial}.0")
        procs = [_start_import(a, target), _start_import(b, target)]
        results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
        for code, err in results:
            assert code == 0 or (code == 2 and "nothing written" in err), err
        landed = [
            _value(target, "11", 2024) == f"4999{trial}.5",
            _value(target, "12", 2024) == f"1800{trial}.0",
        ]
        assert [code == 0 for code, _ in results] == landed, (results, landed)
