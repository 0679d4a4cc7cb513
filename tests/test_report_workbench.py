"""The report as a planner reads it: the answer box (with P(reach) when Monte Carlo ran), every
region's growth with its sources, and the chart defects the trial found, fixed."""

from __future__ import annotations

import html
import re

import numpy as np
import pytest

import sim
from sim.present.charts import contour_levels, log_ticks, sobol_chart, sweep_heatmap, trajectories_chart
from sim.present.report import run_report
from tests.conftest import FOUNDING


@pytest.fixture(scope="module")
def founding():
    return sim.project(sim.load_scenario(FOUNDING))


@pytest.fixture(scope="module")
def mc(founding):
    return sim.simulate(founding.scenario, 2000, seed=1)


def _box(page: str) -> str:
    return html.unescape(page.split('id="answer">', 1)[1].split("</div>", 1)[0])


def test_the_answer_box_has_the_probabilities_and_why_the_median_differs(founding, mc):
    box = _box(run_report(founding, mc=mc))
    p = mc.reach_probability()
    assert f"by 2030: {p[2030 - 2025]:.0%}" in box and f"by 2040: {p[-1]:.0%}" in box
    q50 = mc.reach_year_quantiles((0.5,))[0.5]
    assert f"median reach year {q50}." in box
    # the four rivals of 2025 (Chongqing, Liaoning, Yunnan, Guangxi) lie within 14 % of one another
    # (33,758 / 29,727 = 1.136)
    assert (
        f"Why the median reach year ({q50}) can differ from this scenario's (2036): the 4 regions it must "
        "pass are bunched (their 2025 GDP lies within 14 % of one another)"
    ) in box
    assert "Assumed: 6.0 % real" in box
    plain = _box(run_report(founding))
    assert "P(reached)" not in plain and "Under this scenario Inner Mongolia" in plain


def test_the_answer_box_in_chinese(founding, mc):
    box = _box(run_report(founding, lang="zh", mc=mc))
    assert "蒙特卡洛模拟（2,000条路径，随机种子1）：进入概率 到2027年" in box
    assert "需超越的4个地区彼此接近（2025年GDP相差不超过14%）" in box


def test_every_regions_growth_is_in_the_report(founding):
    page = run_report(founding)
    focus = page.split('id="growth-focus"', 1)[1].split("</table>", 1)[0]
    rest = page.split('id="growth-rest-toggle"', 1)[1].split("</details>", 1)[0]
    names = lambda part: re.findall(r'<td rowspan="3" class="region(?: target)?">([^<]+)</td>', part)  # noqa: E731
    assert names(focus) == [
        "Shaanxi",
        "Jiangxi",
        "Chongqing",
        "Liaoning",
        "Yunnan",
        "Guangxi",
        "Inner Mongolia",
        "Shanxi",
    ]
    assert len(names(rest)) == 31 - 8 and "<summary>The other 23 regions</summary>" in rest
    im = focus.split(">Inner Mongolia<", 1)[1].split('<td rowspan="3" class="region', 1)[0]
    assert (
        '<td class="src">scenario</td>' + "".join('<td title="scenario">6.00</td>' for _ in range(15)) in im
    )
    assert '<td class="src">model</td>' in im  # from 2025's data: no preliminary figure pinned
    assert "DESIGN.md" not in page
    # from 2024 with 2025's preliminary figure pinned, the deflator row says which year it fixes
    pinned = founding.scenario.with_changes(
        {"base_year": 2024, "others.window": [2020, 2024], "provinces.Inner Mongolia.gdp": {2025: 26700}}
    )
    page = run_report(sim.project(pinned))
    focus = page.split('id="growth-focus"', 1)[1].split("</table>", 1)[0]
    im = focus.split(">Inner Mongolia<", 1)[1].split('<td rowspan="3" class="region', 1)[0]
    assert (
        '<td class="src">scenario</td>' + "".join('<td title="scenario">6.00</td>' for _ in range(16)) in im
    )
    assert '<td class="src">preliminary figure (2025); model (2026-2040)</td>' in im


def test_the_trajectories_axis_has_ticks_below_20k(founding):
    fig = trajectories_chart(founding)
    y = fig.layout.yaxis
    assert y.type == "log" and min(y.tickvals) < 20_000 and "15k" in y.ticktext
    assert y.automargin and y.title.standoff is not None
    assert log_ticks(12_000, 80_000) == [12e3, 15e3, 20e3, 30e3, 40e3, 50e3, 60e3, 70e3, 80e3]
    assert log_ticks(100, 1e6) == [100, 1e3, 1e4, 1e5, 1e6]


def test_the_sweep_contours_are_the_years_some_point_reaches(founding):
    sw = sim.sweep(founding.scenario, [("provinces.Inner Mongolia.real_growth", "set", [5, 6, 7, 8, 9]),
                                       ("national.real_growth", "shift", [-1, 0, 1])])  # fmt: skip
    fig = sweep_heatmap(sw)
    contours = [tr for tr in fig.data if tr.type == "contour"]
    reach = sw.reach_grid().astype(float)
    earliest = np.nanmin(np.where(reach < 0, np.nan, reach))
    assert earliest > 2027  # no point reaches by 2027: no 2027 line, and none in the legend
    assert [c.name for c in contours] == ["≤ 2030", "≤ 2035"][-len(contours) :] and contours
    assert all(c.line.color != "white" for c in contours)
    assert "2027" not in fig.layout.title.text
    assert contour_levels(np.array([[2031.0, np.nan]])) == [2035]
    assert contour_levels(np.array([[2041.0, np.nan]])) == []


def test_the_sobol_chart_is_as_tall_as_its_parameters(founding):
    sens = sim.sensitivity(founding.scenario, seed=1)
    fig = sobol_chart(sens)
    assert fig.data[0].orientation == "h" and fig.layout.margin.b <= 60
    assert fig.layout.height == 150 + 55 * len(sens.sobol)
    from sim.present.text import path_label

    largest = max(sens.sobol, key=lambda s: s.total_order).param  # on top, named in words (issue 24)
    assert list(fig.data[0].y)[-1] == path_label(largest, "set", sens.scenario, "en")
