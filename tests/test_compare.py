"""``ranksim compare`` and ``sim.compare``: scenarios side by side, on the shipped coal scenarios."""

from __future__ import annotations

import io
import json
import warnings

import numpy as np
import pandas as pd
import pytest

import sim
from sim.analyses.diff import diff
from tests.conftest import SCENARIOS

COAL = [SCENARIOS / f"coal_{s}.yaml" for s in ("low", "base", "high")]
PATHS, SEED = 1500, 3


def _load(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sim.load_scenario(path)


@pytest.fixture(scope="module")
def coal():
    return [_load(p) for p in COAL]


@pytest.fixture(scope="module")
def result(coal):
    return sim.compare(coal, paths=PATHS, seed=SEED)


def test_each_reach_year_is_exactly_the_run_answer(cli):
    """Done-when of issue 24: compare on the three coal scenarios gives each reach year as `run` does."""
    runs = [cli("run", p, "--json").json()["reach_year"] for p in COAL]
    assert len(set(runs)) == 3  # the three answers differ: the test can fail
    res = cli("compare", *COAL, "--json", "--paths", PATHS, "--seed", SEED)
    assert res.code == 0, res.err
    doc = res.json()
    assert [s["scenario"] for s in doc["scenarios"]] == ["coal_low", "coal_base", "coal_high"]
    assert [s["reach_year"] for s in doc["scenarios"]] == runs


def test_p_reach_is_the_montecarlo_answer_with_the_same_seed(cli, result):
    for i, path in enumerate(COAL):
        mc = cli("montecarlo", path, "--json", "--paths", PATHS, "--seed", SEED, "--quiet").json()
        for y, p in mc["reach_probability"].items():
            assert result.reach_probability(i, int(y)) == pytest.approx(p, abs=1e-6)
    # more coal-price growth never lowers P(reach) here: low <= base <= high at the horizon
    last = [result.reach_probability(i, 2040) for i in range(3)]
    assert last == sorted(last) and last[0] < last[-1]


def test_what_differs_is_resolved_per_year_as_diff_does(coal, result):
    changes = diff(coal[0], coal[2]).changes
    assert [c.key for c in changes] == ["prices"]
    keys = {(d.key, d.series) for d in result.differences}
    assert keys == {("prices", "commodity"), ("prices", "target_price_path")}
    commodity = {d.where: d.values for d in result.differences if d.series == "commodity"}
    assert commodity == {2026: (-4.0, 0.0, 4.0), 2027: (-4.0, 0.0, 4.0)}  # 2028 on: 0 in all three
    frame = result.differences_frame()
    assert set(frame["scenario"]) == {"coal_low", "coal_base", "coal_high"}
    assert len(frame) == 3 * len(result.differences)


def test_a_scenario_that_agrees_with_the_first_shows_the_first_value(coal):
    res = sim.compare([coal[1], coal[0], coal[1]], labels=["a", "b", "c"])
    commodity = {d.where: d.values for d in res.differences if d.series == "commodity"}
    assert commodity[2026] == (0.0, -4.0, 0.0)
    assert res.montecarlo is None and res.reach_probability(0, 2030) is None


def test_files_report_workbook_and_long_csvs(cli, tmp_path):
    out = tmp_path / "cmp"
    res = cli("compare", *COAL, "--out", out, "--xlsx", "--paths", 800, "--seed", 1, "--quiet")
    assert res.code == 0, res.err
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        ["compare.html", "compare.json", "compare.xlsx", "compare.csv", "compare_by_year.csv",
         "compare_differences.csv", "compare_passes.csv", "compare_projection.csv"]
    )  # fmt: skip
    for name in names:
        if name.endswith(".csv"):
            frame = pd.read_csv(out / name, encoding="utf-8-sig")
            assert frame.columns[0] == "scenario", name
            assert set(frame["scenario"]) == {"coal_low", "coal_base", "coal_high"}, name
    by_year = pd.read_csv(out / "compare_by_year.csv", encoding="utf-8-sig")
    assert {"rank", "gap_pct", "reach_probability", "rank_q10", "rank_q90"} <= set(by_year.columns)
    page = (out / "compare.html").read_text(encoding="utf-8")
    assert page.index('id="answer"') < page.index("<h2>")  # the report leads with its own answer
    for label in ("coal_low", "coal_base", "coal_high"):
        assert label in page
    for chart in ("compare_rank", "compare_gap", "compare_probability"):
        assert f'data-name="{chart}"' in page

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO((out / "compare.xlsx").read_bytes()))
    assert book.sheetnames[:2] == ["summary", "compare"]
    cells = [str(c.value) for row in book["summary"].iter_rows() for c in row if c.value is not None]
    assert any("P(reach by 2035)" in c for c in cells)
    assert any(c.startswith("coal_high: rank 16 reached in") for c in cells)


def test_the_overlaid_rank_chart_has_one_line_and_band_per_scenario(result):
    from sim.present.charts import compare_rank_chart

    fig = compare_rank_chart(result, "en")
    parts = [(tr.meta or {}).get("part") for tr in fig.data]
    assert parts.count("projection") == 3 and parts.count("band") == 3 and parts.count("history") == 1
    lines = [tr for tr in fig.data if (tr.meta or {}).get("part") == "projection"]
    for tr, proj in zip(lines, result.projections, strict=True):
        np.testing.assert_array_equal(tr.y, proj.target_rank)


def test_compare_needs_two_scenarios_of_one_question(cli, write):
    assert cli("compare", COAL[0]).code == 2
    other = write("yunnan.yaml", f"extends: {COAL[1]}\nname: Yunnan\ntarget: Yunnan\n")
    res = cli("compare", COAL[0], other)
    assert res.code == 2 and "different targets" in res.err and res.err.startswith(f"{other}:3: target: ")
    per_head = SCENARIOS / "inner_mongolia_per_capita.yaml"
    res = cli("compare", COAL[0], per_head)
    assert res.code == 2
    assert res.err.startswith(f"{per_head}:14: measure: the two scenarios rank by different")


def test_the_json_document_round_trips_and_has_every_scenario(result):
    doc = json.loads(json.dumps(result.to_document()))
    assert [s["reach_year"] for s in doc["scenarios"]] == [p.reach_year for p in result.projections]
    assert set(doc["scenarios"][0]["reach_probability_by"]) == {"2027", "2030", "2035", "2040"}
    assert doc["differences"][0]["values"] == {"coal_low": -4.0, "coal_base": 0.0, "coal_high": 4.0}


def test_chinese_terminal_text(cli):
    res = cli("compare", *COAL, "--no-montecarlo", "--lang", "zh")
    assert res.code == 0, res.err
    assert "情景对比" in res.out and "大宗商品因子" in res.out and "2026-2027" in res.out


def test_the_gap_chart_speaks_of_gdp_per_head_when_the_scenarios_rank_by_it(write):
    """compare of two per-head scenarios: the gap chart's title says GDP per head (en, zh), and
    its lines are the per-head gaps of the projections."""
    from sim.present.charts import compare_gap_chart

    per_head = SCENARIOS / "inner_mongolia_per_capita.yaml"
    faster = write("pc7.yaml", f"extends: {per_head}\nname: pc7\nprovinces:\n  内蒙古: {{real_growth: 7}}\n")
    res = sim.compare([sim.load_scenario(per_head), sim.load_scenario(faster)])
    en, zh = compare_gap_chart(res, "en"), compare_gap_chart(res, "zh")
    assert en.layout.title.text.startswith("Inner Mongolia's GDP per head against that of the region ranked")
    assert "人均GDP相对第" in zh.layout.title.text
    for tr, proj in zip(en.data, res.projections, strict=True):
        np.testing.assert_allclose(tr.y, proj.gap_pct())
    gdp = compare_gap_chart(sim.compare([sim.load_scenario(SCENARIOS / "coal_low.yaml"),
                                         sim.load_scenario(SCENARIOS / "coal_high.yaml")]), "en")  # fmt: skip
    title = gdp.layout.title.text
    assert "GDP against the region ranked" in title and "per head" not in title
