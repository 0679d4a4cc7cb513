"""``--lang zh``: every line the terminal prints is Chinese (besides the scenario's own name, file
names, command-line flags, numbers and the proper names GDP, Sobol and Spearman), and the English
output is unchanged."""

from __future__ import annotations

import re

import pytest

from tests.conftest import FOUNDING

ALLOWED = ("GDP", "Sobol", "Spearman")
COMMANDS = {
    "run": ("run", FOUNDING, "--paths", "500", "--seed", "1", "--quiet"),
    "montecarlo": ("montecarlo", FOUNDING, "--paths", "500", "--seed", "1", "--quiet"),
    "sweep": ("sweep", FOUNDING, "--set", "provinces.Inner Mongolia.real_growth=5:6:1", "--shift",
              "national.deflator=0:1:1", "--paths", "200", "--quiet", "--max-rows", "2"),
    "sensitivity": ("sensitivity", FOUNDING, "--quiet"),
    "solve": ("solve", FOUNDING, "--by", "2030"),
    "backtest": ("backtest", "--from", "2012:2013", "--horizon", "3", "--paths", "200", "--quiet"),
}  # fmt: skip


def english_words(line: str, scenario_name: str) -> list[str]:
    """Words of two or more Latin letters left in a line once the scenario's name, file paths
    and the allowed proper names are taken out."""
    line = line.replace(scenario_name, "")
    line = re.sub(r"\S*[/\\]\S*|\S+\.(json|csv|html|xlsx)\b|--[\w-]+", "", line)  # paths, files, flags
    for word in ALLOWED:
        line = line.replace(word, "")
    return re.findall(r"[A-Za-z]{2,}", line)


@pytest.mark.slow
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_line_is_chinese(cli, tmp_path, command):
    res = cli(*COMMANDS[command], "--lang", "zh", "--out", tmp_path, "--no-report")
    assert res.code == 0, res.err
    # the scenario's name as printed: the backtest's default model is named in Chinese under --lang zh
    name = "ranksim默认模型" if command == "backtest" else "Inner Mongolia at 6% real from 2025"
    lines = res.out.splitlines()
    assert lines[-1].startswith("已写入 ")
    left = {line: words for line in lines if (words := english_words(line, name))}
    assert not left, left


def test_the_header_names_the_region_in_the_language(cli):
    zh = cli("run", FOUNDING, "--lang", "zh").out.splitlines()[1]
    assert zh.startswith("  目标地区：内蒙古（15）；")  # full-width colon and semicolon in Chinese
    en = cli("run", FOUNDING).out.splitlines()[1]
    assert en.startswith("  target: Inner Mongolia / 内蒙古 (15);")


def test_the_check_finds_english():
    assert english_words("  rank_mae 0.5", "x") == ["rank", "mae"]
    assert english_words("已写入 /tmp/a/run.json、/tmp/a/run.csv", "x") == []


def test_a_lead_below_the_nation_reads_lower_never_higher_by_a_negative(cli, write):
    """Chinese leads: 比全国低0.46 (never 高-0.46 or 高+6.31); a stay question's lead is 至少比全国高
    or 比全国低不超过; English keeps the signed points."""
    zh = cli("solve", FOUNDING, "--by", "2030", "--lead", "--lang", "zh", "--no-report")
    assert zh.code == 0, zh.err
    assert "2016-2025年其实际增速平均比全国低0.46个百分点" in zh.out
    assert re.search(r"每年实际增速比全国高\d+\.\d\d个百分点", zh.out)
    assert "高-" not in zh.out and "高+" not in zh.out
    en = cli("solve", FOUNDING, "--by", "2030", "--lead", "--no-report")
    assert "Its own lead over 2016-2025 was -0.46 points a year." in en.out
    inside = write("in.yaml", f"extends: {FOUNDING}\nname: stay\nthreshold_rank: 20\n")
    stay = cli("solve", inside, "--by", "2030", "--lead", "--lang", "zh", "--no-report")
    assert stay.code == 0, stay.err
    assert re.search(r"每年实际增速(至少比全国高|比全国低不超过)\d+\.\d\d个百分点", stay.out), stay.out


@pytest.mark.parametrize(
    ("value", "en", "zh", "zh_at_least"),
    [
        (-0.004, "+0.00", "比全国高0.00", "至少比全国高0.00"),  # rounds to zero: never -0.00 / 低0.00
        (-0.0, "+0.00", "比全国高0.00", "至少比全国高0.00"),
        (0.46, "+0.46", "比全国高0.46", "至少比全国高0.46"),
        (-0.456, "-0.46", "比全国低0.46", "比全国低不超过0.46"),
    ],
)
def test_lead_words(value, en, zh, zh_at_least):
    from sim.present.i18n import lead_words

    assert lead_words("en", value) == en == lead_words("en", value, at_least=True)
    assert (lead_words("zh", value), lead_words("zh", value, at_least=True)) == (zh, zh_at_least)
