"""Errors in Chinese (issue 15, part 3): under ``--lang zh`` or ``RANKSIM_LANG=zh`` the one-line
errors a planner can cause are in Chinese, with ``file:line:`` and the field path as they are; a
message without a Chinese text stays English."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sim.cli.main import error_lang
from tests.conftest import run_subprocess

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
HAN = re.compile(r"[\u4e00-\u9fff]")

#: (corpus file, command, the English line's start after the folder, a fragment of the Chinese text)
CASES = [
    (
        "misspelt_region_zh.yaml",
        "run",
        "misspelt_region_zh.yaml:2: target: ",
        "未知地区 '内蒙股'（是否指 '内蒙古'？）",
    ),
    (
        "misspelt_national_key.yaml",
        "run",
        "misspelt_national_key.yaml:3: national.real_grwth: ",
        "未知的键 'real_grwth'（是否指 'real_growth'？）",
    ),
    (
        "growth_beyond_limit.yaml",
        "run",
        "growth_beyond_limit.yaml:4: provinces.Inner Mongolia.real_growth: ",
        "必须在 -30 与 30 之间（每年百分比），实际为 50",
    ),
    ("data_missing.yaml", "run", "data_missing.yaml:2: data: ", "找不到数据文件："),
    (
        "syntax_unclosed.yaml",
        "run",
        "syntax_unclosed.yaml:2: ",
        "YAML 语法：第 11 列的 '{' 在本行没有用 '}' 闭合",
    ),
    (
        "fullwidth_bracket.yaml",
        "run",
        "fullwidth_bracket.yaml:3: national.real_growth: ",
        "第 16 列有全角 '（'",
    ),
    ("missing_name.yaml", "run", "missing_name.yaml:1: name: ", "缺少必填字段"),
    (
        "bad_panel_scenario.yaml",
        "run",
        "panel_text_in_number.csv:6: gdp_nominal_100m_yuan: ",
        "不是数字：'n/a'",
    ),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("corpus_zh") / "bad_inputs"
    shutil.copytree(CORPUS, copy)
    return copy


def _one_line(res) -> str:
    assert res.code == 2, (res.code, res.err)
    assert res.out == "" and res.err.count("\n") == 1 and "Traceback" not in res.err, res.err
    return res.err.rstrip("\n")


@pytest.mark.slow
@pytest.mark.parametrize(("name", "command", "start", "zh"), CASES, ids=[c[0] for c in CASES])
def test_error_in_chinese_keeps_file_line_and_field(name, command, start, zh, corpus, tmp_path):
    line = _one_line(run_subprocess(command, corpus / name, "--out", tmp_path / "out", "--lang", "zh"))
    assert line.startswith(f"{corpus}/{start}"), line
    assert zh in line, line
    english = _one_line(run_subprocess(command, corpus / name, "--out", tmp_path / "out"))
    assert english.startswith(f"{corpus}/{start}") and zh not in english


@pytest.mark.slow
def test_environment_asks_for_chinese_and_lang_en_overrides_it(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("RANKSIM_LANG", "zh")
    line = _one_line(run_subprocess("run", corpus / "unknown_province.yaml", "--out", tmp_path / "o"))
    where = f"{corpus}/unknown_province.yaml:3: provinces.Atlantis: "
    zh = "未知地区 'Atlantis'（请用中文名、英文名或代码；`ranksim data` 列出全部地区）"
    assert line == where + zh
    english = _one_line(
        run_subprocess("run", corpus / "unknown_province.yaml", "--lang", "en", "--out", tmp_path / "o")
    )
    assert "unknown province 'Atlantis'" in english
    # an argument error found before --lang was parsed is in Chinese too
    line = _one_line(
        run_subprocess("montecarlo", corpus / "minimal.yaml", "--paths", "0", "--out", tmp_path / "o")
    )
    assert line.startswith("参数 --paths：必须不小于 1，实际为 0"), line


def test_language_of_errors_from_argv_and_environment(monkeypatch):
    monkeypatch.delenv("RANKSIM_LANG", raising=False)
    assert error_lang(["run", "x.yaml"]) == "en"
    assert error_lang(["run", "x.yaml", "--lang", "zh"]) == "zh"
    assert error_lang(["run", "x.yaml", "--lang=zh"]) == "zh"
    monkeypatch.setenv("RANKSIM_LANG", "zh_CN")
    assert error_lang(["run", "x.yaml"]) == "zh"
    assert error_lang(["run", "x.yaml", "--lang", "en"]) == "en"


def test_warnings_are_in_chinese_too(tmp_path):
    """A scenario's warnings keep file:line and the field, with the message in Chinese under
    --lang zh (a province by its Chinese name, "全国" for the nation), and stay English without."""
    import subprocess
    import sys

    from tests.conftest import FOUNDING

    path = tmp_path / "warn.yaml"
    path.write_text(
        f"name: w\nextends: {FOUNDING}\nprovinces:\n  Guangxi: {{real_growth: 12}}\n"
        "  Yunnan: {real_growth: 0.05}\n",
        encoding="utf-8",
    )
    out = str(tmp_path / "o")
    base = [sys.executable, "-m", "sim", "run", str(path), "--no-report", "--quiet", "--out", out]
    zh = subprocess.run([*base, "--lang", "zh"], capture_output=True, text=True, check=True).stderr
    assert f"{path}:4: provinces.45.real_growth：警告：2026-2030年实际增速比全国高" in zh
    assert "超出广西在数据中任何5年的表现" in zh and "0.05按每年0.05%理解" in zh
    en = subprocess.run(base, capture_output=True, text=True, check=True).stderr
    assert "warning: a real-growth lead of" in en and "警告" not in en


def test_ranksim_lang_sets_the_default_language(tmp_path):
    """RANKSIM_LANG=zh makes Chinese the default for everything printed; --lang en still wins."""
    import os
    import subprocess
    import sys

    from tests.conftest import FOUNDING

    env = {**os.environ, "RANKSIM_LANG": "zh"}
    base = [sys.executable, "-m", "sim", "run", str(FOUNDING), "--no-report", "--quiet"]
    zh = subprocess.run([*base, "--out", str(tmp_path / "a")], capture_output=True, text=True, env=env).stdout
    assert "目标地区：内蒙古（15）" in zh
    argv = [*base, "--out", str(tmp_path / "b"), "--lang", "en"]
    en = subprocess.run(argv, capture_output=True, text=True, env=env)
    assert "target: Inner Mongolia" in en.stdout
