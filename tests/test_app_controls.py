"""The what-if app's controls (issue 24): a slider a planner uses (-2 to 15 %, step 0.1) with a
typed value box, a title that follows the state, and the warnings `run` prints, beside the answer."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

import sim
from sim.serve.whatif import SLIDER, Session, WhatIf
from tests.conftest import FOUNDING

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def founding():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sim.load_scenario(FOUNDING)


def _find(component, id_):
    if getattr(component, "id", None) == id_:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children] if children is not None else []:
        found = _find(child, id_)
        if found is not None:
            return found
    return None


def test_the_slider_range_and_the_typed_box(founding):
    from sim.serve.app import build_app

    layout = build_app(founding, paths=0).layout
    slider, box = _find(layout, "target-real"), _find(layout, "target-real-box")
    assert (slider.min, slider.max, slider.step) == (-2.0, 15.0, 0.1) == SLIDER
    assert slider.value == 6.0 and box.value == 6.0 and box.type == "number"
    assert _find(layout, "warnings") is not None and _find(layout, "title").children == founding.name


def test_the_app_shows_the_warnings_run_prints(founding, cli, tmp_path):
    session = Session(founding, paths=0)
    assert session.warnings(WhatIf()) == []
    w = WhatIf(target_real=11.3)
    shown = session.warnings(w)
    assert len(shown) == 1 and shown[0].startswith("a real-growth lead of +")
    path = tmp_path / "saved.yaml"
    path.write_text(session.scenario_yaml(w, path), encoding="utf-8")
    printed = cli("run", path).err
    assert shown[0] in printed  # the same words as `ranksim run` of the saved file


def test_the_title_follows_the_state_in_a_browser(founding, tmp_path):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            raise RuntimeError("CI must install Debian's chromium (see .ci/run)")
        pytest.skip("no /usr/bin/chromium here")
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.test_serve import start_server

    proc, url = start_server(FOUNDING, tmp_path)
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.wait_for_selector("#latency:not(:empty)", timeout=30_000)
            thumb = page.locator("#target-real [role=slider]")
            assert (
                thumb.get_attribute("aria-valuemin") == "-2" and thumb.get_attribute("aria-valuemax") == "15"
            )
            assert page.inner_text("#title") == founding.name
            page.fill("#target-real-box", "11.3")
            page.keyboard.press("Enter")
            page.wait_for_function("document.querySelector('#title').innerText.includes('11.3% real')")
            page.wait_for_function(
                "document.querySelector('#warnings').innerText.includes('real-growth lead')"
            )
            assert thumb.get_attribute("aria-valuenow") == "11.3"  # the slider shows the typed value
            thumb.focus()
            page.keyboard.press("ArrowLeft")  # one step: 0.1 point, not a jump of several
            page.wait_for_function("document.querySelector('#title').innerText.includes('11.2% real')")
            assert page.input_value("#target-real-box") == "11.2"
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
