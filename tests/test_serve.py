"""ranksim serve: the what-if model (no browser) and the app end to end in headless Chromium.

The model: a state evaluated through the batch settings gives exactly the answer of the same
state written as scenario changes, and of the saved YAML file run from disk. The app: started
as `ranksim serve` on a free loopback port; moving the slider changes the reach year and the
charts; bad input shows an inline message and the server keeps answering; a saved scenario
run through `ranksim run` gives the answer on screen.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.serve.whatif import Session, WhatIf
from tests.conftest import FOUNDING

CHROMIUM = Path("/usr/bin/chromium")
#: The plotly graph div of a dcc.Graph, and one expression of it (``e``).
PLOT = "(() => {{ const e = document.querySelector('#{id} .js-plotly-plot'); return {what}; }})()"


@pytest.fixture(scope="module")
def session() -> Session:
    return Session(sim.load_scenario(FOUNDING), paths=200)


def test_state_equals_its_scenario_and_its_saved_file(session, tmp_path):
    w = WhatIf(target_real=7.0, target_deflator_shift=0.5, national_shift=-0.5, commodity_shift=1.0,
               rival=session.default_rival(), rival_shift=0.3)  # fmt: skip
    ev = session.evaluate(w)
    variant = sim.project(session.variant(w))
    assert ev.projection.reach_year == variant.reach_year == 2030
    np.testing.assert_allclose(ev.projection.gdp, variant.gdp, rtol=1e-12)
    path = tmp_path / "sub" / "whatif.yaml"
    path.parent.mkdir()
    text = session.scenario_yaml(w, path)
    assert text.count("extends: ") == 1 and "sensitivity" not in text  # only the changed values
    path.write_text(text)
    saved = sim.project(sim.load_scenario(path))
    np.testing.assert_allclose(saved.gdp, variant.gdp, rtol=1e-12)


def test_unchanged_state_is_the_scenario_and_bad_values_name_the_input(session):
    assert session.target_real_start == 6.0 and session.changes(WhatIf()) == {}
    assert session.evaluate(WhatIf()).projection.reach_year == 2034
    with pytest.raises(sim.InputError, match="from -20 to 20") as err:
        session.evaluate(WhatIf(national_shift=0, target_deflator_shift=25))
    assert err.value.field == "target_deflator_shift"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(scenario: Path, save_dir: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """`ranksim serve` on a free loopback port; returns the process and its URL once it answers."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sim", "serve", str(scenario), "--port", str(port),
         "--save-dir", str(save_dir), "--paths", "500", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return proc, url
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError("server did not answer within 60 s")


def reach_text(page) -> str:
    return page.inner_text("#answer")


def move_slider(page, presses: int, key: str = "ArrowRight") -> None:
    thumb = page.locator("#target-real [role=slider]")
    thumb.focus()
    for _ in range(presses):
        page.keyboard.press(key)


@pytest.mark.browser
@pytest.mark.slow
def test_served_app_end_to_end(tmp_path, cli):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            raise RuntimeError("CI must install Debian's chromium (see .ci/run)")
        pytest.skip("no /usr/bin/chromium here")
    sync_api = pytest.importorskip("playwright.sync_api")
    proc, url = start_server(FOUNDING, tmp_path)
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            errors, external = [], []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: None if r.url.startswith(url) else external.append(r.url))
            page.goto(url)
            page.wait_for_selector("#latency:not(:empty)", timeout=30_000)
            page.wait_for_selector("#bump .js-plotly-plot .main-svg", timeout=30_000)
            page.wait_for_selector("#gap .js-plotly-plot .main-svg", timeout=30_000)
            assert "reaches rank 16 in 2034" in reach_text(page)
            prob = r"P\(reach\) by 2030: [\d.]+%; by 2040: [\d.]+% \(500 Monte Carlo"
            assert re.search(prob, page.inner_text("#probability"))
            before = page.evaluate(PLOT.format(id="bump", what="JSON.stringify(e.data.map(t => t.y))"))

            move_slider(page, 10)  # 6.0 -> 7.0 % a year
            page.wait_for_function("document.querySelector('#answer').innerText.includes('in 2032')")
            after = page.evaluate(PLOT.format(id="bump", what="JSON.stringify(e.data.map(t => t.y))"))
            assert after != before  # the bump chart moved with the answer
            gap = page.evaluate(PLOT.format(id="gap", what="e.layout.annotations.map(a => a.text).join(' ')"))
            assert "2032" in gap

            # bad input: an inline message, the last answer stands, the server keeps answering
            page.fill("#national-shift", "99")
            page.keyboard.press("Enter")
            page.wait_for_function("document.querySelector('#message').innerText.length > 0", timeout=15_000)
            assert "from -10 to 10" in page.inner_text("#message") and "in 2032" in reach_text(page)
            page.fill("#national-shift", "0")
            page.keyboard.press("Enter")
            page.wait_for_function("document.querySelector('#message').innerText === ''", timeout=15_000)
            page.fill("#deadline", "20x5")
            page.keyboard.press("Enter")
            page.wait_for_function("document.querySelector('#message').innerText.includes('not a year')")
            page.fill("#deadline", "2035")
            page.keyboard.press("Enter")
            page.wait_for_function("document.querySelector('#message').innerText === ''", timeout=15_000)
            assert "P(reach) by 2035" in page.inner_text("#probability")

            page.fill("#save-name", "whatif.yaml")
            page.click("#save")
            page.wait_for_function("document.querySelector('#save-message').innerText.includes('saved')")
            with page.expect_download() as download:
                page.click("#download")
            report = Path(download.value.path()).read_text(encoding="utf-8")
            assert "reaches rank 16 in 2032" in report
            assert errors == [] and external == []
            browser.close()
        assert proc.poll() is None  # the server never died
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    saved = tmp_path / "whatif.yaml"
    res = cli("run", saved, "--json")
    assert res.code == 0, res.err
    assert res.json()["reach_year"] == 2032
    assert "real_growth: 7.0" in saved.read_text()
