"""Chinese deliverables: workbooks and CSVs in Chinese under --lang zh (English keys with
--headers en), `data`, `validate` and `--help` in Chinese, the Chinese scenarios, one glossary."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from tests.conftest import ROOT, SCENARIOS

CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
ZH = sorted((SCENARIOS / "zh").glob("*.yaml"))
FOUNDING = SCENARIOS / "inner_mongolia_6pct.yaml"

COMMANDS = {
    "run": ("run", FOUNDING, "--paths", "300", "--quiet"),
    "solve": ("solve", FOUNDING, "--by", "2032", "--over", "2026:2030"),
    "sweep": (
        "sweep",
        FOUNDING,
        "--set",
        "provinces.15.real_growth=5:7:1",
        "--shift",
        "national.real_growth=-1:1:1",
    ),
    "compare": (
        "compare",
        SCENARIOS / "coal_low.yaml",
        SCENARIOS / "coal_high.yaml",
        "--paths",
        "300",
        "--quiet",
    ),
    "diff": ("diff", SCENARIOS / "coal_low.yaml", SCENARIOS / "coal_high.yaml"),
}


def _workbook(path: Path):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(path.read_bytes()))


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_sheet_name_and_header_is_chinese(cli, tmp_path, command):
    """Done-when of issue 24: with --lang zh --xlsx every sheet name and header has Chinese and no
    English word (the CSVs too)."""
    res = cli(*COMMANDS[command], "--lang", "zh", "--xlsx", "--out", tmp_path, "--no-report")
    assert res.code == 0, res.err
    book = _workbook(tmp_path / f"{command}.xlsx")
    assert len(book.sheetnames) >= 2
    for ws in book.worksheets:
        assert CJK.search(ws.title) and not LATIN.search(ws.title), ws.title
        if ws is book.worksheets[0]:
            continue  # the summary: sentences, not a table
        for head in next(ws.iter_rows(max_row=1, values_only=True)):
            assert CJK.search(str(head)) and not LATIN.search(str(head)), (ws.title, head)
    for csv in tmp_path.glob("*.csv"):
        frame = pd.read_csv(csv, encoding="utf-8-sig", dtype=str)
        for head in frame.columns:
            assert CJK.search(head) and not LATIN.search(head), (csv.name, head)


def test_categorical_values_are_chinese_and_english_keys_stay_available(cli, tmp_path):
    zh, en = tmp_path / "zh", tmp_path / "en"
    assert cli("run", FOUNDING, "--lang", "zh", "--out", zh, "--no-report").code == 0
    assert cli("run", FOUNDING, "--lang", "zh", "--headers", "en", "--out", en, "--no-report").code == 0
    proj = pd.read_csv(zh / "run.csv", encoding="utf-8-sig", dtype=str)
    assert set(proj["实际或预测"]) == {"实际", "预测"}
    sources = pd.read_csv(zh / "run_assumptions.csv", encoding="utf-8-sig", dtype=str)
    assert set(sources["实际增速来源"]) <= {"模型", "情景设定", "公布目标", "初步核算数", "高于全国"}
    assert "情景设定" in set(sources["实际增速来源"])
    passes = pd.read_csv(zh / "run_passes.csv", encoding="utf-8-sig", dtype=str)
    assert set(passes["方向"]) <= {"超越", "被超越"}
    keys = pd.read_csv(en / "run.csv", encoding="utf-8-sig", dtype=str)
    assert list(keys.columns) == list(sim.names.PROJECTION_COLUMNS)
    assert set(keys["projected"]) == {"actual", "projected"}
    np.testing.assert_array_equal(
        keys.to_numpy(), proj.replace({"实际": "actual", "预测": "projected"}).to_numpy()
    )


def test_data_validate_and_help_speak_chinese(cli):
    res = cli("data", "--lang", "zh")
    assert res.code == 0 and "排名" in res.out.splitlines()[0]
    model = cli("data", "--model", "--lang", "zh").out
    assert "误差修正模型" in model and "Deflator" not in model and "error correction" not in model
    res = cli("validate", *ZH, "--lang", "zh")
    assert res.code == 0 and res.out.count("检查通过") == len(ZH)
    bad = cli("validate", SCENARIOS / "scenario.schema.json", "--lang", "zh")
    assert bad.code == 2 and CJK.search(bad.err)
    env = {**os.environ, "RANKSIM_LANG": "zh"}
    for argv in (["--help"], ["run", "--help"], ["solve", "--help"]):
        out = subprocess.run(
            [sys.executable, "-m", "sim", *argv], capture_output=True, text=True, env=env, cwd=ROOT
        )
        assert out.returncode == 0 and out.stdout.startswith("用法："), out.stdout[:200]
        assert "选项：" in out.stdout and "show this help" not in out.stdout
        helps = [line for line in out.stdout.splitlines() if line.startswith("  -")]
        assert all(CJK.search(line) for line in helps if len(line.split("  ")) > 2), helps


@pytest.mark.parametrize("path", ZH, ids=lambda p: p.name)
def test_the_chinese_scenarios_are_the_english_ones_in_chinese(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        zh, en = sim.load_scenario(path), sim.load_scenario(SCENARIOS / path.name)
    assert CJK.search(zh.name) and CJK.search(zh.description) and not re.search(r"[A-Za-z]{4,}", zh.name)
    own = [v for k, v in zh.source.comments.items() if zh.source.locations[k].file == str(path)]
    assert own and all(CJK.search(c) for c in own), own
    a, b = sim.project(zh), sim.project(en)
    np.testing.assert_allclose(a.gdp, b.gdp, rtol=1e-12)
    assert a.reach_year == b.reach_year and zh.threshold_rank == en.threshold_rank
    assert [s.param for s in zh.sweep] != [] or not en.sweep


def test_the_chinese_texts_follow_one_glossary():
    from sim.present.i18n import AVOIDED_ZH, TEXT

    for key, text in TEXT["zh"].items():
        for pattern, instead in AVOIDED_ZH.items():
            assert not re.search(pattern, text), f"{key}: {text!r} (write {instead})"
    for path in ZH:
        body = path.read_text(encoding="utf-8")
        for pattern, instead in AVOIDED_ZH.items():
            if pattern.startswith("[\\u3400"):  # YAML's own colons follow keys such as 内蒙古:
                continue
            assert not re.search(pattern, body), (path.name, instead)


def test_the_chinese_wording_of_the_answers(cli):
    out = cli("run", FOUNDING, "--paths", "300", "--lang", "zh", "--quiet").out
    assert "到2027年" in out and "年前" not in out
    from sim.present.text import assumption_sentence

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        proj = sim.project(sim.load_scenario(FOUNDING))
    assert re.search(r"价格涨幅-?\d", assumption_sentence(proj, "zh"))
    solve = cli("solve", FOUNDING, "--by", "2030", "--lang", "zh").out
    assert solve.startswith("要到2030年进入前16位")


def test_the_backtest_names_the_default_model_in_chinese(cli):
    res = cli("backtest", "--from", "2012:2012", "--lang", "zh")
    assert res.code == 0, res.err
    assert "ranksim默认模型" in res.out.splitlines()[0] and "default model" not in res.out
