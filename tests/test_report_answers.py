"""Each report leads with its own answer, and the chart defects of issue 24 stay fixed."""

from __future__ import annotations

import io
import re
import warnings

import numpy as np
import pytest

import sim
from sim.analyses.diff import diff
from sim.present import charts
from sim.present.text import probability_text, solve_text
from tests.conftest import FOUNDING, SCENARIOS


def _quiet(f, *a, **k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return f(*a, **k)


@pytest.fixture(scope="module")
def founding():
    return _quiet(sim.load_scenario, FOUNDING)


def _first_answer(page: str) -> str:
    """The id of the first answer box on a page."""
    return re.search(r'<div class="answer" id="([\w-]+)"', page).group(1)


@pytest.mark.parametrize(
    ("argv", "answer", "words"),
    [
        (("solve", FOUNDING, "--by", "2032"), "solve-answer", "needs a constant real growth"),
        (("sweep", FOUNDING, "--set", "provinces.15.real_growth=4:9:1"), "sweep-answer", "Over the 6 points"),
        (("sensitivity", SCENARIOS / "from_2022.yaml", "--quiet"), "sensitivity-answer", "moves"),
    ],
)
def test_an_analysis_report_leads_with_its_own_answer(cli, tmp_path, argv, answer, words):
    res = cli(*argv, "--out", tmp_path)
    if res.code == 2 and "sensitivity" in res.err:
        pytest.skip(res.err)
    assert res.code == 0, res.err
    page = (tmp_path / f"{argv[0]}.html").read_text(encoding="utf-8")
    assert _first_answer(page) == answer
    first = page.index(f'id="{answer}"')
    assert words in page[first : first + 2000]
    assert first < page.index('id="answer"')  # the run's own answer follows as context


def test_the_diff_report_leads_with_both_answers(tmp_path):
    from sim.present.diffview import diff_report

    a, b = (_quiet(sim.load_scenario, SCENARIOS / f"coal_{s}.yaml") for s in ("low", "high"))
    page = diff_report(diff(a, b))
    assert page.index('id="answer"') < page.index("<table")


def test_the_diff_waterfall_axis_spans_the_walk_not_zero():
    a, b = (_quiet(sim.load_scenario, SCENARIOS / f"coal_{s}.yaml") for s in ("low", "high"))
    result = diff(a, b)
    fig = charts.diff_waterfall(result, "en")
    lo, hi = fig.layout.yaxis.range
    assert 2025 < lo < min(result.answers[:, 0]) and max(result.answers[:, 0]) < hi < 2045
    assert hi - lo < 20  # a step of a few years is a visible share of the axis


def test_the_sweep_line_is_not_steps_and_shows_never(founding):
    sw = sim.sweep(founding, [("provinces.15.real_growth", "set", [2.0, 3.0, 5.0, 6.0, 8.0])])
    assert np.isnan(sw.reach_grid()).any()  # some values never reach: the test can fail
    fig = charts.sweep_line_chart(sw, "en")
    assert fig.data[0].line.shape in (None, "linear")
    never = [tr for tr in fig.data if (tr.meta or {}).get("part") == "never"]
    assert len(never) == 1 and list(never[0].x) == [2.0, 3.0]
    assert "never" in fig.layout.yaxis.ticktext
    assert "provinces." not in fig.layout.xaxis.title.text and "(%)" in fig.layout.xaxis.title.text


def test_axis_labels_are_words_not_dotted_paths(founding):
    small = founding.with_changes({"sensitivity.sobol_samples": 64})
    sens = sim.sensitivity(small, seed=1)
    for lang in ("en", "zh"):
        for fig in (charts.tornado_chart(sens, lang), charts.sobol_chart(sens, lang)):
            for name in fig.data[0].y:
                assert "." not in name.replace("(%)", "") and "provinces" not in name, name
        tornado = charts.tornado_chart(sens, lang)
        assert "gap_" not in tornado.layout.xaxis.title.text and "gap_" not in tornado.layout.title.text
    sw = sim.sweep(founding)
    heat = charts.sweep_heatmap(sw, "en")
    assert heat.layout.xaxis.title.text == "Inner Mongolia real growth (%)"
    assert heat.layout.yaxis.title.text == "national real growth, shift (pp)"


def test_a_small_probability_reads_below_one_percent_on_the_chart_as_in_the_text():
    # the founding scenario with threshold 17: P(by 2027) = 0.01 % on 10,000 paths (threshold 15's
    # 0.13 % before the deflator spreads' own half-life, coal_low's 0.45 % before the price-cycle
    # group's lean, coal_high's before the national deflator rule)
    founding = _quiet(sim.load_scenario, SCENARIOS / "inner_mongolia_6pct.yaml")
    sc = founding.with_changes({"threshold_rank": 17})
    mc = sim.simulate(sc, 10_000, seed=1)
    p27 = float(mc.reach_probability()[2027 - sc.base_year])
    assert 0 < p27 < 0.005  # the case of the issue: the text says "<1%"
    texts = [
        a.text for a in charts.reach_probability_chart(mc, "en").layout.annotations if a.text.startswith("20")
    ]
    assert "2027: <1%" in texts and "2027: 0%" not in texts
    assert (
        probability_text(p27) == "<1%" and probability_text(0.0) == "0%" and probability_text(0.999) == ">99%"
    )


def test_the_stay_inside_chart_is_titled_so_and_never_prints_the_search_bound(founding):
    sol = sim.solve(founding.with_changes({"threshold_rank": 24}), 2030)
    assert sol.question == "stay" and sol.curve[0][1] == -10.0  # the first deadline: at the bound
    fig = charts.solve_curve_chart(sol, "en")
    assert "stay within rank 24" in fig.layout.title.text and "needed to reach" not in fig.layout.title.text
    lo, hi = fig.layout.yaxis.range
    own = [v for v in sol.own_growth_pct]
    assert lo <= min(own) and max(own) <= hi  # the scenario's own growth is on the scale
    shown = solve_text(sol) + str([a.text for a in fig.layout.annotations]) + str([tr.y for tr in fig.data])
    assert "-10.00" not in shown and "≤ -10%" in solve_text(sol)
    bound = [tr for tr in fig.data if (tr.meta or {}).get("part") == "low_bound"]
    assert len(bound) == 1 and list(bound[0].x) == [2026, 2027, 2028]


def test_the_workbook_summary_has_p_reach(cli, tmp_path):
    res = cli(
        "run", FOUNDING, "--paths", 800, "--seed", 2, "--xlsx", "--out", tmp_path, "--no-report", "--quiet"
    )
    assert res.code == 0, res.err
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO((tmp_path / "run.xlsx").read_bytes()))
    rows = {r[0]: r[1] for r in book["summary"].iter_rows(values_only=True) if r and r[0]}
    assert rows["P(reach)"].startswith("by 2027: ") and "by 2035: " in rows["P(reach)"]
    assert "800 Monte Carlo paths, seed 2" in rows["P(reach)"]
