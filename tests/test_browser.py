"""The report in a real browser: Debian's Chromium, headless, network disabled."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import FOUNDING, RUN_CHARTS

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [pytest.mark.browser, pytest.mark.slow]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must install Debian's chromium (see .ci/run)")
    pytest.skip("no /usr/bin/chromium here (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


def _open(browser, path: Path):
    """Open a local file with every non-file request blocked; return page, errors, requests."""
    context = browser.new_context(offline=True)
    page = context.new_page()
    errors, external, dialogs = [], [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.resolve().as_uri())
    page.wait_for_function(
        "[...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg'))", timeout=30_000
    )
    return page, errors, external, dialogs


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    from sim.cli.main import main

    out = tmp_path_factory.mktemp("reports")
    assert main(["run", str(FOUNDING), "--out", str(out / "en")]) == 0
    assert main(["run", str(FOUNDING), "--out", str(out / "zh"), "--lang", "zh"]) == 0
    return out


def test_english_report_renders_offline(browser, reports):
    page, errors, external, _ = _open(browser, reports / "en" / "run.html")
    assert errors == []
    assert external == []
    charts = page.eval_on_selector_all(
        ".chart",
        "els => els.map(e => [e.querySelectorAll('svg.main-svg').length, "
        "e.querySelectorAll('g.trace, g.table, g.hm image').length])",
    )
    names = page.eval_on_selector_all(".chart", "els => els.map(e => e.dataset.name)")
    assert names == RUN_CHARTS
    assert len(charts) == len(RUN_CHARTS)
    assert all(svgs >= 1 and traces >= 1 for svgs, traces in charts), charts
    assert page.locator(".chart .slider-container").count() == 1
    assert page.locator(".chart .updatemenu-container").count() == 1
    assert "reaches rank 16" in page.inner_text("#answer")


def test_chinese_report_shows_chinese_names(browser, reports):
    page, errors, _, _ = _open(browser, reports / "zh" / "run.html")
    assert errors == []
    assert "内蒙古" in page.inner_text("#answer")
    svg_text = page.eval_on_selector_all("#chart-1 text", "els => els.map(e => e.textContent).join(' ')")
    assert "内蒙古" in svg_text and "广西" in svg_text


def test_script_in_scenario_name_does_not_run(browser, tmp_path):
    from sim.cli.main import main

    scenario = tmp_path / "evil.yaml"
    scenario.write_text("name: '<script>alert(1)</script><img src=x onerror=alert(2)>'\n")
    assert main(["run", str(scenario), "--out", str(tmp_path / "o")]) == 0
    page, errors, _, dialogs = _open(browser, tmp_path / "o" / "run.html")
    assert dialogs == []
    assert page.inner_text("h1") == "<script>alert(1)</script><img src=x onerror=alert(2)>"
