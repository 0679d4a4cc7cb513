"""Slider change to updated answer in the browser, for `ranksim serve` (goal: <= 300 ms).

Starts `ranksim serve scenarios/inner_mongolia_6pct.yaml` on a free loopback port (1,000 Monte
Carlo paths per update, the default), opens it in headless Chromium, and moves the target's
real-growth slider one step at a time (alternately up and down). Each latency is measured in the
browser, from the key press to the moment the page shows the update (the app stamps every
update), so it includes the request, the batched evaluation, the response and the redraw.

    .venv/bin/python benchmarks/bench_serve.py [N]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_serve import start_server  # noqa: E402

STAMP = "document.querySelector('#latency').title"


def change(page, key: str) -> float:
    """Press ``key`` on the slider; milliseconds until the page shows the updated answer."""
    before = page.evaluate(STAMP)
    page.locator("#target-real [role=slider]").focus()
    start = time.perf_counter()
    page.keyboard.press(key)
    page.wait_for_function(f"{STAMP} !== {before!r}", polling="raf", timeout=30_000)
    return (time.perf_counter() - start) * 1000


def main(n: int = 30) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start_server(
            ROOT / "scenarios" / "inner_mongolia_6pct.yaml", Path(tmp), "--paths", "1000"
        )
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(url)
                page.wait_for_selector("#bump .js-plotly-plot .main-svg", timeout=60_000)
                page.wait_for_timeout(500)
                page.wait_for_function(f"{STAMP} !== ''", timeout=60_000)
                times = [change(page, "ArrowRight" if i % 2 == 0 else "ArrowLeft") for i in range(n)]
                server = page.inner_text("#latency")
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    times.sort()
    print(f"ranksim serve, {n} slider changes (1,000 Monte Carlo paths each), browser-measured:")
    print(f"  median {statistics.median(times):.0f} ms, 90th percentile {times[int(0.9 * (n - 1))]:.0f} ms, "
          f"max {times[-1]:.0f} ms (goal <= 300 ms); last server-side time: {server}")  # fmt: skip


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
