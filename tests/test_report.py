"""The HTML report: self-contained, answers first, escapes scenario text, atomic writes."""

from __future__ import annotations

import json
import re

import pytest

from sim.engine.projection import project
from sim.model.scenario import load_scenario
from sim.present.output import atomic_write
from tests.conftest import FOUNDING, RUN_CHARTS

EVIL = '<script>alert(1)</script> "quoted" \' <a href="javascript:alert(2)">x</a>'


def _report(cli, tmp_path, *extra):
    out = tmp_path / "out"
    res = cli("run", FOUNDING, "--out", out, *extra)
    assert res.code == 0, res.err
    return (out / "run.html").read_text(encoding="utf-8")


def test_report_is_self_contained_and_answers_first(cli, tmp_path):
    html = _report(cli, tmp_path)
    assert html.count("plotly.js v") >= 1
    assert len(re.findall(r"<script[^>]*src=", html)) == 0
    # No element loads anything from a URL (plotly.js itself only carries URL strings as defaults).
    assert not re.findall(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=[\"']?https?:", html)
    body = html[html.index("<main>") :]
    assert body.index('class="answer"') < body.index("Assumptions") < body.index('class="chart"')
    reach = project(load_scenario(FOUNDING)).reach_year
    assert f"reaches rank 16 in {reach}" in body
    assert re.findall(r'data-name="(\w+)"', body) == RUN_CHARTS
    assert "T23_IMRB" in body  # the source comment of the target's growth
    assert re.search(r"[0-9a-f]{64}", body)  # sha256 of the files


def test_chinese_report(cli, tmp_path):
    html = _report(cli, tmp_path, "--lang", "zh")
    assert '<html lang="zh-CN">' in html
    reach = project(load_scenario(FOUNDING)).reach_year
    assert f"内蒙古（2025年第20位）于{reach}年进入前16位" in html


def test_no_report_flag(cli, tmp_path):
    out = tmp_path / "o"
    assert cli("run", FOUNDING, "--out", out, "--no-report").code == 0
    assert not (out / "run.html").exists()


def test_scenario_text_is_escaped(cli, write, tmp_path):
    path = write(
        "evil.yaml",
        f"name: {json.dumps(EVIL)}\ndescription: {json.dumps(EVIL)}\n"
        "national:\n  deflator: 1.0  # <img src=x onerror=alert(3)>\n",
    )
    out = tmp_path / "out"
    assert cli("run", path, "--out", out).code == 0
    html = (out / "run.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(3)&gt;" in html


def test_atomic_write_leaves_nothing_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("old")

    class Boom(Exception):
        pass

    def boom(*a, **k):
        raise Boom

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(Boom):
        atomic_write(target, "new content")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_chart_command(cli, tmp_path):
    out = tmp_path / "c" / "bump.html"
    res = cli("chart", FOUNDING, "--kind", "bump", "--out", out)
    assert res.code == 0, res.err
    html = out.read_text(encoding="utf-8")
    assert html.count('class="chart"') == 1 and "plotly.js v" in html
    res = cli("chart", FOUNDING, "--kind", "bump", "--out", tmp_path / "x.txt")
    assert res.code == 2 and "--out: must end in .html, .png or .svg" in res.err


def test_png_chart_without_kaleido_is_a_clear_error(cli, tmp_path):
    pytest.importorskip("plotly")
    try:
        import kaleido  # noqa: F401
    except ImportError:
        res = cli("chart", FOUNDING, "--kind", "gap", "--out", tmp_path / "gap.png")
        assert res.code == 2 and res.err.count("\n") == 1
        assert res.err.startswith("--out: PNG output needs the kaleido package")
        assert not (tmp_path / "gap.png").exists()
    else:  # pragma: no cover - kaleido is not a dependency
        pytest.skip("kaleido is installed here")
