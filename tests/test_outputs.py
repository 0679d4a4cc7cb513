"""Outputs that do not clobber each other: every command writes its own files named after it
(or ``--name``), a CSV of each of its tables with region names beside codes, and with ``--xlsx``
one workbook, read back here."""

from __future__ import annotations

import csv as csv_module
import json
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.inputs.panel import DEFAULT_PANEL
from tests.conftest import FOUNDING

BACKTEST = ("backtest", "--from", "2012:2014", "--horizon", "3")


def _names(folder):
    return {p.name for p in folder.iterdir()}


@pytest.mark.slow
def test_each_command_keeps_its_own_files(cli, tmp_path):
    out = tmp_path / "o"
    assert cli("run", FOUNDING, "--out", out).code == 0
    run_files = {p.name: p.read_bytes() for p in out.iterdir()}
    assert set(run_files) == {"run.html", "run.json", "run.csv", "run_passes.csv", "run_assumptions.csv"}
    commands = [
        ("solve", FOUNDING, "--by", "2030"),
        ("montecarlo", FOUNDING, "--paths", "500", "--seed", "1", "--quiet"),
        ("sweep", FOUNDING, "--set", "provinces.Inner Mongolia.real_growth=5:7:1"),
        ("sensitivity", FOUNDING, "--quiet"),
        (*BACKTEST,),
    ]
    for argv in commands:
        res = cli(*argv, "--out", out)
        assert res.code == 0, res.err
        assert res.out.splitlines()[-1].startswith(f"wrote {out / argv[0]}.json")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name in run_files} == run_files
    assert _names(out) == set(run_files) | {
        "solve.html", "solve.json", "solve.csv", "solve_gaps.csv",
        "montecarlo.html", "montecarlo.json", "montecarlo.csv",
        "sweep.html", "sweep.json", "sweep.csv", "sweep_thresholds.csv",
        "sensitivity.html", "sensitivity.json", "sensitivity.csv",
        "backtest.html", "backtest.json", "backtest.csv", "backtest_regions.csv",
    }  # fmt: skip


def test_name_sets_the_stem(cli, tmp_path):
    res = cli("run", FOUNDING, "--out", tmp_path, "--name", "plan_2025", "--no-report")
    assert res.code == 0, res.err
    stems = ("plan_2025.json", "plan_2025.csv", "plan_2025_passes.csv", "plan_2025_assumptions.csv")
    assert _names(tmp_path) == set(stems)
    for bad in ("../up", ".hidden", "a/b", ""):
        res = cli("run", FOUNDING, "--out", tmp_path / "x", "--name", bad)
        assert res.code == 2 and res.err.count("\n") == 1 and "--name" in res.err, res.err
        assert not (tmp_path / "x").exists()


def test_run_csvs_name_regions_and_say_actual_or_projected(cli, tmp_path):
    assert cli("run", FOUNDING, "--out", tmp_path, "--no-report").code == 0
    raw = (tmp_path / "run.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads 内蒙古 right
    proj = pd.read_csv(tmp_path / "run.csv", dtype={"code": str})
    assert list(proj.columns) == list(sim.names.PROJECTION_COLUMNS)
    assert set(proj["projected"]) == {"actual", "projected"}
    im = proj[proj["code"] == "15"].set_index("year")
    assert im.loc[2025, "projected"] == "actual" and im.loc[2026, "projected"] == "projected"
    assert im.loc[2025, "zh"] == "内蒙古" and im.loc[2025, "en"] == "Inner Mongolia"
    passes = pd.read_csv(tmp_path / "run_passes.csv", dtype={"code": str})
    first = {"year": 2030, "code": "45", "en": "Guangxi", "zh": "广西", "direction": "passed"}
    assert passes.iloc[0].to_dict() == first
    table = pd.read_csv(tmp_path / "run_assumptions.csv", dtype={"code": str})
    want = sim.project(sim.load_scenario(FOUNDING)).assumptions_frame()
    pd.testing.assert_frame_equal(table, want, check_dtype=False)


def test_every_analysis_writes_its_tables(cli, tmp_path):
    res = cli("sweep", FOUNDING, "--set", "provinces.Inner Mongolia.real_growth=4:6:1", "--paths", "300",
              "--seed", "2", "--out", tmp_path, "--no-report")  # fmt: skip
    assert res.code == 0, res.err
    sweep = pd.read_csv(tmp_path / "sweep.csv")
    assert list(sweep.columns) == [
        "provinces.Inner Mongolia.real_growth", "point", "reach_year", "year", "rank", "gap_pct",
        "reach_probability",
    ]  # fmt: skip
    doc = json.loads((tmp_path / "sweep.json").read_text(encoding="utf-8"))
    assert sweep["reach_year"].tolist()[1] == doc["points"][1]["reach_year"] == 2040
    assert pd.isna(sweep["reach_year"][0]) and doc["points"][0]["reach_year"] is None  # never: empty
    by_2040 = [p["reach_probability"]["2040"] for p in doc["points"]]
    assert sweep["reach_probability"].round(6).tolist() == by_2040
    thresholds = pd.read_csv(tmp_path / "sweep_thresholds.csv")
    six = thresholds[(thresholds.iloc[:, 0] == 6) & (thresholds["threshold_rank"] == 16)]
    assert six["reach_year"].tolist() == [2036]
    assert cli("solve", FOUNDING, "--by", "2030", "--out", tmp_path, "--no-report").code == 0
    solve = pd.read_csv(tmp_path / "solve.csv").set_index("by")
    doc = json.loads((tmp_path / "solve.json").read_text(encoding="utf-8"))
    assert solve.loc[2030, "required_real_growth_pct"] == doc["required_real_growth_pct"]
    assert cli(*BACKTEST, "--out", tmp_path, "--no-report").code == 0
    by = pd.read_csv(tmp_path / "backtest.csv")
    assert by["jump_off_year"].tolist() == [2012, 2013, 2014]
    regions = pd.read_csv(tmp_path / "backtest_regions.csv", dtype={"code": str})
    assert {"en", "zh", "code"} <= set(regions.columns) and "内蒙古" in set(regions["zh"])
    assert cli("montecarlo", FOUNDING, "--paths", "400", "--seed", "1", "--quiet", "--out", tmp_path,
               "--no-report").code == 0  # fmt: skip
    mc = pd.read_csv(tmp_path / "montecarlo.csv")
    doc = json.loads((tmp_path / "montecarlo.json").read_text(encoding="utf-8"))
    p_2040 = mc.set_index("year").loc[2040, "reach_probability"]
    assert p_2040 == pytest.approx(doc["reach_probability"]["2040"])


def test_the_workbook_reads_back(cli, tmp_path):
    from openpyxl import load_workbook

    # Chinese text, English keys (--headers en; the Chinese sheet names and headers: test_chinese_files)
    res = cli("run", FOUNDING, "--out", tmp_path, "--xlsx", "--paths", "500", "--seed", "1", "--quiet",
              "--no-report", "--lang", "zh", "--headers", "en")  # fmt: skip
    assert res.code == 0, res.err
    book = load_workbook(tmp_path / "run.xlsx")
    assert book.sheetnames == ["summary", "projection", "passes", "assumptions", "montecarlo"]
    summary = {row[0]: row[1] for row in book["summary"].iter_rows(values_only=True) if row and row[0]}
    assert summary["问题"] == "内蒙古何时、以多大把握按名义GDP进入31个地区的前16位（至2040年）？"
    assert summary["结论"].startswith("在此情景下，内蒙古（2025年第20位）于2036年进入前16位。")
    assert summary["主要假设"].startswith("假设：实际增速6.0%")
    assert summary["内蒙古：实际增速"] == "6%"  # the report's assumptions table, with sources
    assert summary["随机种子"] == "1"
    sheets = {"projection": "run.csv", "passes": "run_passes.csv", "assumptions": "run_assumptions.csv",
              "montecarlo": "run_montecarlo.csv"}  # fmt: skip
    for sheet, csv in sheets.items():
        ws = book[sheet]
        assert ws.freeze_panes == "A2"
        got = pd.read_excel(tmp_path / "run.xlsx", sheet_name=sheet, dtype={"code": str})
        want = pd.read_csv(tmp_path / csv, dtype={"code": str})
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
    ws = book["projection"]
    header = [c.value for c in ws[1]]
    gdp = ws.cell(row=2, column=header.index("gdp_nominal_100m_yuan") + 1)
    assert gdp.number_format == "#,##0.0"
    zh = [ws.cell(row=r, column=header.index("zh") + 1).value for r in range(2, 33)]
    assert "内蒙古" in zh
    mc = book["montecarlo"]
    assert mc.cell(row=2, column=2).number_format == "0.0%"
    assumptions = book["assumptions"]
    assert assumptions.cell(row=2, column=6).number_format == "0.00"


#: Text a spreadsheet would run: names, a scenario name and a YAML comment starting with = + - @.
EVIL = {
    "Beijing": '=HYPERLINK("http://evil.example/","Beijing")',
    "北京": "@SUM(1+1)*cmd|' /C calc'!A0",
    "Tianjin": "+cmd|' /C calc'!A0",
    "天津": "-2+3",
}


def _evil_scenario(tmp_path: Path) -> Path:
    """The real panel with four names that are formulas, and a scenario whose name and comment
    are formulas too."""
    text = DEFAULT_PANEL.read_text(encoding="utf-8")
    for name, evil in EVIL.items():
        quoted = '"' + evil.replace('"', '""') + '"'
        text = text.replace(f",{name},", f",{quoted},")
    (tmp_path / "panel.csv").write_text(text, encoding="utf-8")
    scenario = tmp_path / "evil.yaml"
    scenario.write_text(
        "name: '=1+1'\ndata: panel.csv\ntarget: Inner Mongolia\n"
        'provinces:\n  Inner Mongolia: {real_growth: 6}  # =HYPERLINK("http://evil.example/")\n',
        encoding="utf-8",
    )
    return scenario


def test_no_formula_in_workbook_or_csv_from_formula_like_text(cli, tmp_path):
    from openpyxl import load_workbook

    scenario = _evil_scenario(tmp_path)
    out = tmp_path / "out"
    res = cli("run", scenario, "--out", out, "--xlsx", "--no-report", "--paths", "200", "--seed", "1")
    assert res.code == 0, res.err
    book = load_workbook(out / "run.xlsx")
    formulas = [(ws.title, c.coordinate, c.value) for ws in book for row in ws.iter_rows() for c in row
                if c.data_type == "f"]  # fmt: skip
    assert formulas == []
    texts = {c.value for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert set(EVIL.values()) | {"=1+1"} <= texts  # the text kept as it is, as text
    marked = [c for ws in book for row in ws.iter_rows() for c in row if c.value in EVIL.values()]
    assert marked and all(c.quotePrefix and c.data_type == "s" for c in marked)
    projection = book["projection"]
    header = [c.value for c in projection[1]]
    gdp = [
        r[header.index("gdp_nominal_100m_yuan")] for r in projection.iter_rows(min_row=2, values_only=True)
    ]
    assert all(isinstance(v, int | float) for v in gdp)  # numbers stay numbers
    raw = (out / "run.csv").read_text(encoding="utf-8-sig")
    cells = [cell for line in raw.splitlines() for cell in next(csv_module.reader([line]))]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert "'" + EVIL["Beijing"] in cells and "'-2+3" in cells
    assumptions = (out / "run_assumptions.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(" in assumptions  # the YAML comment, as a source, as text


def test_excel_text_leaves_numbers_and_plain_text():
    from sim.present.tables import csv_text, excel_text

    assert excel_text("-0.5") == "-0.5" and excel_text("+3%") == "+3%" and excel_text(-2.0) == -2.0
    assert excel_text("Beijing") == "Beijing" and excel_text(None) is None
    assert excel_text("=1+1") == "'=1+1" and excel_text("-1+2") == "'-1+2" and excel_text("\r=x") == "'\r=x"
    frame = pd.DataFrame({"=name": ["@a", "-0.5", "b"], "value": [-1.5, 2.0, -3.0]})
    text = csv_text(frame)
    assert text == "\ufeff'=name,value\n'@a,-1.5\n-0.5,2.0\nb,-3.0\n"
    assert frame.loc[0, "=name"] == "@a"  # the caller's table is not changed
