"""Outputs that do not clobber each other: every command writes its own files named after it
(or ``--name``), a CSV of each of its tables with region names beside codes, and with ``--xlsx``
one workbook, read back here."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import sim
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
    assert im.loc[2024, "projected"] == "actual" and im.loc[2025, "projected"] == "projected"
    assert im.loc[2024, "zh"] == "内蒙古" and im.loc[2024, "en"] == "Inner Mongolia"
    passes = pd.read_csv(tmp_path / "run_passes.csv", dtype={"code": str})
    first = {"year": 2033, "code": "45", "en": "Guangxi", "zh": "广西", "direction": "passed"}
    assert passes.iloc[0].to_dict() == first
    table = pd.read_csv(tmp_path / "run_assumptions.csv", dtype={"code": str})
    want = sim.project(sim.load_scenario(FOUNDING)).assumptions_frame()
    pd.testing.assert_frame_equal(table, want, check_dtype=False)


def test_every_analysis_writes_its_tables(cli, tmp_path):
    res = cli("sweep", FOUNDING, "--set", "provinces.Inner Mongolia.real_growth=5:7:1", "--paths", "300",
              "--seed", "2", "--out", tmp_path, "--no-report")  # fmt: skip
    assert res.code == 0, res.err
    sweep = pd.read_csv(tmp_path / "sweep.csv")
    assert list(sweep.columns) == [
        "provinces.Inner Mongolia.real_growth", "point", "reach_year", "year", "rank", "gap_pct",
        "reach_probability",
    ]  # fmt: skip
    doc = json.loads((tmp_path / "sweep.json").read_text(encoding="utf-8"))
    assert sweep["reach_year"].tolist()[1] == doc["points"][1]["reach_year"] == 2038
    assert pd.isna(sweep["reach_year"][0]) and doc["points"][0]["reach_year"] is None  # never: empty
    by_2040 = [p["reach_probability"]["2040"] for p in doc["points"]]
    assert sweep["reach_probability"].round(6).tolist() == by_2040
    thresholds = pd.read_csv(tmp_path / "sweep_thresholds.csv")
    six = thresholds[(thresholds.iloc[:, 0] == 6) & (thresholds["threshold_rank"] == 16)]
    assert six["reach_year"].tolist() == [2038]
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

    res = cli("run", FOUNDING, "--out", tmp_path, "--xlsx", "--paths", "500", "--seed", "1", "--quiet",
              "--no-report", "--lang", "zh")  # fmt: skip
    assert res.code == 0, res.err
    book = load_workbook(tmp_path / "run.xlsx")
    assert book.sheetnames == ["summary", "projection", "passes", "assumptions", "montecarlo"]
    summary = {row[0]: row[1] for row in book["summary"].iter_rows(values_only=True) if row and row[0]}
    assert summary["问题"] == "内蒙古何时、以多大把握按名义GDP进入31个地区的前16位（至2040年）？"
    assert summary["结论"].startswith("在此情景下，内蒙古（2024年第20位）于2038年进入前16位。")
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
