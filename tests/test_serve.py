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
from tests.conftest import FOUNDING, run_subprocess

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
    assert ev.projection.reach_year == variant.reach_year == 2031
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
    assert session.evaluate(WhatIf()).projection.reach_year == 2036
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
            assert "reaches rank 16 in 2036" in reach_text(page)
            prob = r"P\(reach\) by 2030: [\d.]+%; by 2040: [\d.]+% \(500 Monte Carlo"
            assert re.search(prob, page.inner_text("#probability"))
            before = page.evaluate(PLOT.format(id="bump", what="JSON.stringify(e.data.map(t => t.y))"))

            move_slider(page, 10)  # 6.0 -> 7.0 % a year
            page.wait_for_function("document.querySelector('#answer').innerText.includes('in 2033')")
            after = page.evaluate(PLOT.format(id="bump", what="JSON.stringify(e.data.map(t => t.y))"))
            assert after != before  # the bump chart moved with the answer
            gap = page.evaluate(PLOT.format(id="gap", what="e.layout.annotations.map(a => a.text).join(' ')"))
            assert "2033" in gap

            # bad input: an inline message, the last answer stands, the server keeps answering
            page.fill("#national-shift", "99")
            page.keyboard.press("Enter")
            page.wait_for_function("document.querySelector('#message').innerText.length > 0", timeout=15_000)
            assert "from -10 to 10" in page.inner_text("#message") and "in 2033" in reach_text(page)
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
            assert "reaches rank 16 in 2033" in report
            assert errors == [] and external == []
            browser.close()
        assert proc.poll() is None  # the server never died
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    saved = tmp_path / "whatif.yaml"
    res = cli("run", saved, "--json")
    assert res.code == 0, res.err
    assert res.json()["reach_year"] == 2033
    assert "real_growth: 7.0" in saved.read_text()


# ---------------------------------------------------------------- safe to run (issue 23)


def _copy_scenarios(folder: Path) -> Path:
    """The founding scenario and coal_high (which extends it) in ``folder``; returns coal_high."""
    for name in ("inner_mongolia_6pct.yaml", "coal_high.yaml"):
        (folder / name).write_bytes((FOUNDING.parent / name).read_bytes())
    return folder / "coal_high.yaml"


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    """The app of coal_high (copied with its parent), port 8123, saving into the copy's folder:
    its Flask test client and the folder."""
    from sim.serve.app import build_app

    folder = tmp_path_factory.mktemp("serve")
    start = _copy_scenarios(folder)
    app = build_app(sim.load_scenario(start), paths=0, port=8123)
    return app.server.test_client(), folder


OWN = {"Host": "127.0.0.1:8123"}


def _save(client, name: str, headers=None, values=None) -> tuple[int, str]:
    """Press "Save as scenario" with ``name`` through the app's callback endpoint (the controls
    at their start values, or as ``values`` says): the status and the message the page shows."""
    ids = [("target-real", 6.0), ("target-deflator", 0), ("national-shift", 0),
           ("commodity-shift", 0), ("rival", None), ("rival-shift", 0)]  # fmt: skip
    ids = [(i, (values or {}).get(i, v)) for i, v in ids]
    body = {
        "output": "save-message.children",
        "outputs": {"id": "save-message", "property": "children"},
        "inputs": [{"id": "save", "property": "n_clicks", "value": 1}],
        "changedPropIds": ["save.n_clicks"],
        "state": [{"id": "save-name", "property": "value", "value": name}]
        + [{"id": i, "property": "value", "value": v} for i, v in ids],
    }
    res = client.post("/_dash-update-component", json=body, headers=headers or OWN)
    if res.status_code != 200:
        return res.status_code, res.get_data(as_text=True)
    return 200, res.get_json()["response"]["save-message"]["children"]


def test_save_never_replaces_a_file_nor_the_extends_chain(guarded):
    client, folder = guarded
    parent = folder / "inner_mongolia_6pct.yaml"
    before = parent.read_bytes()
    status, message = _save(client, "inner_mongolia_6pct.yaml")  # the start scenario's parent
    assert status == 200 and "part of the starting scenario (its extends chain)" in message, message
    assert parent.read_bytes() == before
    status, message = _save(client, "coal_high.yaml")  # the start scenario itself
    assert "that is the starting scenario" in message
    other = folder / "mine.yaml"
    other.write_text("name: mine\n")
    status, message = _save(client, "mine.yaml")  # a name already taken
    assert "mine.yaml already exists; saving never replaces a file" in message, message
    assert other.read_text() == "name: mine\n"
    status, message = _save(client, "new.yaml")
    assert message.startswith("saved ") and (folder / "new.yaml").is_file()
    status, message = _save(client, "new.yaml")  # a second save under the same name
    assert "already exists" in message
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_create_new_refuses_an_existing_name_even_a_link(tmp_path):
    from sim.present.output import create_new

    create_new(tmp_path / "a.yaml", "one\n")
    with pytest.raises(FileExistsError):
        create_new(tmp_path / "a.yaml", "two\n")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "a.yaml")
    with pytest.raises(FileExistsError):
        create_new(tmp_path / "link.yaml", "three\n")
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    with pytest.raises(FileExistsError):
        create_new(tmp_path / "dangling.yaml", "four\n")
    assert not (tmp_path / "nowhere.yaml").exists()
    assert (tmp_path / "a.yaml").read_text() == "one\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "dangling.yaml", "link.yaml"]


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Host": "evil.example.com"}, 403),  # DNS rebinding: another name for 127.0.0.1
        ({"Host": "evil.example.com:8123"}, 403),
        ({"Host": "127.0.0.1:9999"}, 403),  # another port
        ({"Host": "127.0.0.1:8123", "Origin": "http://evil.example.com"}, 403),  # another site's page
        ({"Host": "127.0.0.1:8123", "Origin": "null"}, 403),
        ({"Host": "127.0.0.1:8123", "Origin": "http://127.0.0.1:8123"}, 200),
        ({"Host": "localhost:8123"}, 200),
    ],
)
def test_requests_not_addressed_to_the_app_are_refused(guarded, headers, status):
    client, folder = guarded
    assert client.get("/", headers=headers).status_code == status
    code, _ = _save(client, f"from_{abs(hash(str(headers)))}.yaml", headers=headers)
    assert code == status
    assert (folder / f"from_{abs(hash(str(headers)))}.yaml").exists() == (status == 200)


def test_large_bodies_are_refused_before_they_are_read(guarded):
    client, _ = guarded
    res = client.post("/_dash-update-component", data=b"x" * 1_000_001, headers=OWN,
                      content_type="application/json")  # fmt: skip
    assert res.status_code == 413 and "limited to 1,000,000 bytes" in res.get_data(as_text=True)


def test_scenario_name_is_escaped_in_the_title(tmp_path):
    from sim.serve.app import build_app

    path = tmp_path / "evil.yaml"
    path.write_text("name: '</title><script>alert(1)</script>'\n")
    client = build_app(sim.load_scenario(path), paths=0, port=8123).server.test_client()
    page = client.get("/", headers=OWN).get_data(as_text=True)
    assert "<script>alert(1)" not in page
    assert "<title>ranksim serve — &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page


@pytest.mark.parametrize("port", ["70000", "in use"])
def test_bad_port_is_one_line_and_exit_2(port):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        number = str(taken.getsockname()[1]) if port == "in use" else port
        res = run_subprocess("serve", FOUNDING, "--port", number, "--paths", "10")
    assert res.code == 2 and res.err.count("\n") == 1 and "Traceback" not in res.err, res.err
    expect = "is in use" if port == "in use" else "70000 is not a port (1-65535)"
    assert res.err.startswith("--port: ") and expect in res.err, res.err


@pytest.mark.slow
def test_served_by_waitress_without_the_development_banner(tmp_path):
    proc, url = start_server(FOUNDING, tmp_path)
    try:
        with urllib.request.urlopen(url, timeout=10) as res:
            server = res.headers.get("Server")
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert server == "waitress", server
    assert "development server" not in out and "Dash is running" not in out, out
    assert out.startswith("ranksim serve on http://127.0.0.1:"), out


@pytest.mark.browser
@pytest.mark.slow
def test_browser_rebinding_is_refused_and_title_is_text(tmp_path):
    """Chromium resolves evil.example.com to 127.0.0.1 (as a rebinding attacker's DNS would): the
    app's page under that name is refused and nothing can be saved from it; under its own address
    the scenario's name (markup) is the title as text, and no script of it runs."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            raise RuntimeError("CI must install Debian's chromium (see .ci/run)")
        pytest.skip("no /usr/bin/chromium here")
    sync_api = pytest.importorskip("playwright.sync_api")
    name = "</title><script>alert(1)</script><img src=x onerror=alert(2)>"
    scenario = tmp_path / "evil.yaml"
    scenario.write_text(f"name: '{name}'\n")
    proc, url = start_server(scenario, tmp_path)
    port = url.rsplit(":", 1)[1].strip("/")
    rules = "--host-resolver-rules=MAP evil.example.com 127.0.0.1, EXCLUDE localhost"
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", rules]
            )
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            rebound = page.goto(f"http://evil.example.com:{port}/")
            assert rebound is not None and rebound.status == 403
            assert "is not this app's address" in page.inner_text("body")
            status = page.evaluate(
                "async () => (await fetch('/_dash-update-component', {method: 'POST', "
                "headers: {'Content-Type': 'application/json'}, body: '{}'})).status"
            )
            assert status == 403
            page.goto(url)
            page.wait_for_selector("#latency:not(:empty)", timeout=30_000)
            assert page.title() == f"ranksim serve — {name}"
            assert page.inner_text("h1") == name
            assert dialogs == []
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.yaml"]


@pytest.mark.parametrize("rival", [99, -1, "", "Chongqing", 1.5, True])
def test_a_rival_the_dropdown_does_not_offer_is_refused_by_name(guarded, rival):
    """Only a hand-made request sends a rival outside the dropdown (positions of the regions but
    the target): it is refused in the page's words, never an internal error, and nothing saved."""
    client, folder = guarded
    status, message = _save(client, "rival.yaml", values={"rival": rival, "rival-shift": 2})
    assert status == 200 and "rival" in message and "not a region of the list" in message, message
    assert "Error" not in message and not (folder / "rival.yaml").exists()


def test_the_target_is_no_rival(tmp_path):
    from sim.serve.app import _rival

    sc = sim.load_scenario(FOUNDING)
    assert _rival(0, sc) == 0
    with pytest.raises(sim.InputError, match="not a region of the list: 4"):
        _rival(sc.target, sc)


@pytest.mark.parametrize("data", [b"{not json", b"", b"[1, 2]", b'{"inputs": 3}', b"\xff\xfe"])
def test_a_body_the_page_never_sends_is_a_plain_400(guarded, data):
    client, _ = guarded
    res = client.post("/_dash-update-component", data=data, headers=OWN, content_type="application/json")
    assert res.status_code == 400
    said = "refused: not a request the app's page sends (its body must be the page's JSON)\n"
    assert res.get_data(as_text=True) == said
