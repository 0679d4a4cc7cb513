"""The report under ``zh`` has no English sentence (issue 15, part 3): the founding run with
Monte Carlo paths, and the sweep, sensitivity, solve and backtest reports, scanned for English
words in their visible text (tags, scripts and the plotly bundle stripped; chart titles, axis
titles, tick labels and hover templates taken from the figures' JSON). Allowed: codes, file
paths, what the planner typed (the scenario's name, description and comments, the command
line, parameter paths) and a short list of terms kept in English."""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sim.cli.main import main
from tests.conftest import FOUNDING

#: Terms a Chinese report keeps in English (names of methods and formats, the tool itself).
ALLOWED = {
    "GDP",
    "IMF",  # the organisation's name, as Chinese texts write it
    "Sobol",
    "Shapley",
    "Spearman",
    "PIT",
    "CSV",
    "JSON",
    "YAML",
    "HTML",
    "README",
    "ranksim",
    "sha256",
    "U",
}
#: Figure keys whose strings a reader sees (titles, axis titles, tick labels, legends, hovers).
SHOWN_KEYS = {
    "text",
    "hovertemplate",
    "name",
    "label",
    "ticktext",
    "texttemplate",
    "ticksuffix",
    "tickprefix",
}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'\-]*")
PATHLIKE = re.compile(
    r"(?:\.{0,2}/)?[\w.\-]+(?:/[\w.\-]+)+/?|\b[\w\-]+\.(?:yaml|csv|html|json|md|xlsx)\b|--[\w\-]+|\b[0-9a-f]{40,64}\b"
)
CODE = re.compile(r"[A-Z0-9]+_[A-Z0-9_]+")


class _Visible(HTMLParser):
    """Text nodes and tooltip attributes outside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style")
        self.texts += [v for k, v in attrs if k in ("title", "alt", "placeholder", "aria-label") and v]

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.texts.append(data)


def _figure_strings(page: str) -> Iterator[str]:
    decoder = json.JSONDecoder()

    def walk(node: object, key: str | None = None) -> Iterator[str]:
        if isinstance(node, dict):
            for k, v in node.items():
                yield from walk(v, k)
        elif isinstance(node, list):
            for v in node:
                yield from walk(v, key)
        elif isinstance(node, str) and key in SHOWN_KEYS:
            yield node

    for m in re.finditer(r'Plotly\.(?:newPlot|addFrames)\(\s*"[^"]*",\s*', page):
        data, end = decoder.raw_decode(page, m.end())
        yield from walk(data)
        rest = page[end:].lstrip()
        if rest.startswith(","):
            rest = rest[1:].lstrip()
            if rest.startswith("{"):
                yield from walk(decoder.raw_decode(rest)[0])


def visible_texts(page: str) -> list[str]:
    parser = _Visible()
    parser.feed(page)
    return [html.unescape(s) for s in parser.texts] + list(_figure_strings(page))


def typed_by_user(*scenarios: Path) -> list[str]:
    """The scenario's name, description and comments: the planner's own words, longest first."""
    out: list[str] = []
    for path in scenarios:
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            if "#" in line:
                out.append(line.split("#", 1)[1].strip())
            m = re.match(r"(?:name|description):\s*(.+)", line)
            if m and m.group(1).strip() not in (">", "|"):
                out.append(m.group(1).strip())
        desc = re.search(r"^description: [>|]\n((?:  .*\n)+)", text, re.M)
        if desc:
            out.append(" ".join(desc.group(1).split()))
    out += ["provinces.Inner Mongolia.real_growth", "national.real_growth"]  # paths typed in the scenario
    return sorted({" ".join(u.split()) for u in out if u}, key=len, reverse=True)


def english_words(text: str, user: list[str], argv: list[str]) -> list[str]:
    text = " ".join(text.split()).replace(
        "自助抽样（bootstrap）", "自助抽样"
    )  # the term once, in parentheses
    for phrase in user:
        text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text)
    text = re.sub(r"%\{[^}]*\}|<[^>]+>", " ", text)  # plotly placeholders, <b>, <br>, <extra>
    text = PATHLIKE.sub(" ", text)
    typed = {w for a in argv for w in WORD.findall(a)}
    return [w for w in WORD.findall(text) if w not in ALLOWED and w not in typed and not CODE.fullmatch(w)]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, tuple[str, list[str]]]:
    root = tmp_path_factory.mktemp("zh_reports")
    sens = root / "sens.yaml"
    sens.write_text(
        f"extends: {FOUNDING}\nname: sens\nsensitivity:\n  outcome: gap_2030\n  parameters:\n"
        "    provinces.Inner Mongolia.real_growth: [4.5, 7.5]\n"
        "    national.real_growth: {shift: [-1.0, 1.0]}\n"
        "    others.half_life: [1, 10]\n  sobol_samples: 128\n",
        encoding="utf-8",
    )
    commands = {
        "run": ["run", FOUNDING, "--paths", "300"],
        "sweep": ["sweep", FOUNDING],
        "sensitivity": ["sensitivity", sens],
        "solve": ["solve", FOUNDING, "--by", "2035", "--probability", "0.5", "--paths", "200", "--curve"],
        "backtest": ["backtest", FOUNDING, "--paths", "50"],
    }
    out: dict[str, tuple[str, list[str]]] = {}
    for name, argv in commands.items():
        full = [str(a) for a in argv] + ["--quiet", "--lang", "zh", "--out", str(root / name)]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
            assert main(full) == 0, err.getvalue()
        out[name] = ((root / name / f"{name}.html").read_text(encoding="utf-8"), full)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", ["run", "sweep", "sensitivity", "solve", "backtest"])
def test_chinese_report_has_no_english_sentence(reports, name):
    page, argv = reports[name]
    user = typed_by_user(*[Path(a) for a in argv if a.endswith(".yaml")], FOUNDING)
    found = {}
    for text in visible_texts(page):
        words = english_words(text, user, argv)
        if words:
            found[" ".join(text.split())[:160]] = words
    assert not found, found


@pytest.mark.slow
def test_chinese_report_words_for_chinese_readers(reports):
    run, _ = reports["run"]
    texts = visible_texts(run)
    # the Monte Carlo method named once with its English term, then in Chinese
    assert sum("自助抽样（bootstrap）" in s for s in texts) == 1
    assert any("自助抽样" in s and "bootstrap" not in s for s in texts)
    # GDP axes in 万亿 / 亿, never "10k"
    ticks = [s for s in texts if re.fullmatch(r"[\d.]+(?:万亿|亿|k)", s)]
    assert ticks and not [s for s in ticks if s.endswith("k")]
    # parameter paths by their labels, outcome names in words
    assert any("内蒙古实际增速" in s for s in texts) and any("2030年差距" in s for s in texts)
    # years never with a thousands separator or decimals
    assert not [s for s in texts if re.search(r"\b20\d\d\.\d|\b2,0\d\d\b", s)]
    # every axis or colour bar of reach years shows whole years
    year_axes = re.findall(
        r'\{[^{}]*"title":\{"text":"\\u8fbe\\u5230\\u5e74\\u4efd"\}[^{}]*\}', reports["sweep"][0]
    )
    year_axes = [a for a in year_axes if '"orientation"' not in a]  # not the legend of the threshold chart
    assert year_axes and all('"tickformat":"d"' in a for a in year_axes), year_axes
    back, _ = reports["backtest"]
    assert "名次平均绝对误差" in back and "rank_mae" not in " ".join(visible_texts(back))
