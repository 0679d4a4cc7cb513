"""Regenerate the README's chart screenshots (small PNGs) from a fresh report.

    .venv/bin/ranksim run scenarios/inner_mongolia_6pct.yaml --paths 20000 --seed 1 --out out
    .venv/bin/python docs/screenshots.py out/run.html

    .venv/bin/python docs/screenshots.py --serve scenarios/inner_mongolia_6pct.yaml   # docs/serve.png

Needs Debian's chromium and the playwright package (the `test` extra).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

NAMES = [
    "bump",
    "trajectories",
    "gap",
    "race",
    "passes",
    "fan",
    "reach_probability",
    "rank_heatmap",
    "sweep_line",
    "sweep_heatmap",
    "thresholds",
    "tornado",
    "sobol",
    "solve_curve",
]


def main(report: str, out: str = "docs") -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1200, "height": 900}, device_scale_factor=0.55)
        page.goto(Path(report).resolve().as_uri())
        page.wait_for_timeout(1500)
        charts = page.locator(".chart")
        for i in range(charts.count()):
            name = charts.nth(i).get_attribute("data-name") or NAMES[i]
            charts.nth(i).screenshot(path=f"{out}/{name}.png")
            print(f"{out}/{name}.png")
        browser.close()


def serve_screenshot(scenario: str, out: str = "docs") -> None:
    """The served app (`ranksim serve`) after moving the real-growth slider to 7 %."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.test_serve import start_server

    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start_server(Path(scenario), Path(tmp))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page(viewport={"width": 1400, "height": 1000}, device_scale_factor=0.6)
                page.goto(url)
                page.wait_for_selector("#bump .js-plotly-plot .main-svg", timeout=60_000)
                page.locator("#target-real [role=slider]").focus()
                for _ in range(10):
                    page.keyboard.press("ArrowRight")
                page.wait_for_function("document.querySelector('#answer').innerText.includes('in 2033')")
                page.wait_for_timeout(800)
                page.screenshot(path=f"{out}/serve.png")
                print(f"{out}/serve.png")
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve_screenshot(*sys.argv[2:])
    else:
        main(*sys.argv[1:])
