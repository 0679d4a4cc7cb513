"""Regenerate the README's chart screenshots (small PNGs) from a fresh report.

    .venv/bin/ranksim run scenarios/inner_mongolia_6pct.yaml --paths 20000 --seed 1 --out out
    .venv/bin/python docs/screenshots.py out/run.html

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


if __name__ == "__main__":
    main(*sys.argv[1:])
