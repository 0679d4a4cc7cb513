"""Figures read through fig.data / fig.layout: traces, highlight, threshold, projection, language."""

from __future__ import annotations

import pytest

from sim.engine.projection import project
from sim.model.scenario import load_scenario
from sim.present.charts import (
    bump_chart,
    focus_regions,
    gap_chart,
    passes_table,
    race_chart,
    trajectories_chart,
)
from sim.present.i18n import TARGET_COLOR
from tests.conftest import FOUNDING


@pytest.fixture(scope="module")
def proj():
    return project(load_scenario(FOUNDING))


def test_bump_has_every_region_history_and_projection(proj):
    fig = bump_chart(proj)
    codes = {tr.meta["code"] for tr in fig.data}
    assert codes == set(proj.codes) and len(codes) == 31
    parts = {(tr.meta["code"], tr.meta["part"]): tr for tr in fig.data}
    assert all(parts[(c, "projection")].line.dash == "dash" for c in codes)
    assert all(parts[(c, "history")].line.dash == "solid" for c in codes)
    target = parts[("15", "history")]
    assert target.line.color == TARGET_COLOR and target.line.width > max(
        tr.line.width for tr in fig.data if tr.meta["code"] != "15"
    )
    assert int(target.x[0]) == 2000 and int(parts[("15", "projection")].x[-1]) == 2040
    band = [s for s in fig.layout.shapes if s.type == "rect"]
    assert band and band[0].y1 == pytest.approx(16.5)
    assert fig.layout.yaxis.autorange == "reversed"
    grey = [
        tr for tr in fig.data if tr.meta["code"] not in {proj.codes[j] for j in focus_regions(proj)} | {"15"}
    ]
    assert grey and all(tr.line.color == "#BDBDBD" for tr in grey)


def test_bump_in_chinese(proj):
    fig = bump_chart(proj, "zh")
    assert "排名" in fig.layout.title.text
    assert "内蒙古" in {tr.name for tr in fig.data}
    assert "内蒙古" in {a.text for a in fig.layout.annotations}


def test_trajectories_log_axis_focus_and_events(proj):
    fig = trajectories_chart(proj)
    assert fig.layout.yaxis.type == "log"
    lines = [tr for tr in fig.data if tr.meta["part"] != "events"]
    codes = {tr.meta["code"] for tr in lines}
    # The regions ranked between the threshold and the target at the base year are all shown.
    r0 = proj.ranks[0]
    must = {proj.codes[j] for j in range(31) if 16 <= r0[j] <= r0[proj.target]}
    assert must <= codes
    events = [tr for tr in fig.data if tr.meta["part"] == "events"][0]
    assert len(events.x) == len(proj.passes)
    assert all(tr.line.dash == "dash" for tr in lines if tr.meta["part"] == "projection")


def test_gap_crosses_100_at_reach_year(proj):
    fig = gap_chart(proj)
    future = [tr for tr in fig.data if tr.meta["part"] == "projection"][0]
    years, pct = list(future.x), list(future.y)
    reach = proj.reach_year
    assert pct[years.index(reach)] >= 100 > pct[years.index(reach) - 1]
    assert any(str(reach) in (a.text or "") for a in fig.layout.annotations)
    assert any(s.y0 == 100 for s in fig.layout.shapes)


def test_race_frames_slider_and_target(proj):
    fig = race_chart(proj)
    years = proj.timeline[0]
    assert len(fig.frames) == len(years)
    assert fig.layout.sliders[0].steps[-1].label == "2040"
    labels = [b.label for b in fig.layout.updatemenus[0].buttons]
    assert labels == ["Play", "Pause"]
    bar = fig.frames[-1].data[0]
    assert len(bar.x) == 31 and sorted(bar.y) == list(range(1, 32))
    assert bar.marker.color[proj.target] == TARGET_COLOR
    assert "(projected)" in fig.frames[-1].layout.title.text
    assert "(projected)" not in fig.frames[0].layout.title.text


def test_passes_table_lists_every_event(proj):
    fig = passes_table(proj, "zh")
    cells = fig.data[0].cells.values
    assert list(cells[0]) == [e.year for e in proj.passes]
    assert "广西" in cells[2]


def test_registry_draws_every_chart_of_every_result_with_both_titles(proj):
    import numpy as np
    import plotly.graph_objects as go

    import sim
    from sim.analyses.diff import diff
    from sim.present import charts
    from sim.present.i18n import TEXT
    from sim.present.registry import REGISTRY, charts_for

    sc = proj.scenario
    small = sc.with_changes({"sensitivity.sobol_samples": 64})
    results = [
        proj,
        sim.simulate(sc, 500, rng=np.random.default_rng(0)),
        sim.solve(sc, 2030),
        sim.sweep(sc),
        sim.sweep(sc, [("national.real_growth", "shift", [-1.0, 0.0, 1.0])]),
        sim.sweep(sc, [("national.real_growth", "shift", [-1.0, 1.0])], paths=200, seed=0),
        sim.sweep(
            sc,
            [("national.real_growth", "shift", [-1.0, 1.0]), ("provinces.15.real_growth", "set", [5.0, 7.0])],
            paths=200,
            seed=0,
        ),
        sim.sensitivity(small, rng=np.random.default_rng(0)),
        sim.backtest(sc, [2010, 2011], 5, paths=100, rng=np.random.default_rng(0)),
        diff(sc, sc.with_changes({"national.real_growth": 4.0, "threshold_rank": 15})),
        sim.compare([sc, sc.with_changes({"national.real_growth": 4.0})], paths=200, seed=0),
    ]
    drawn = set()
    for result in results:
        for chart in charts_for(result):
            fig = chart.draw(result, "zh")
            assert isinstance(fig, go.Figure), chart.name
            sizes = [_points(tr) for tr in fig.data]
            assert fig.data and max(sizes) > 0, f"{chart.name}: no data drawn"
            drawn.add(chart.name)
    assert drawn == {c.name for c in REGISTRY}  # each chart drawn from a real result
    for chart in REGISTRY:
        assert callable(getattr(charts, chart.function))
        assert f"chart_{chart.name}" in TEXT["en"] and f"chart_{chart.name}" in TEXT["zh"]
        assert chart.title("zh") != chart.title("en")


def _points(trace) -> int:
    """How many values a trace draws (x/y, table cells, heatmap z or shapes of a bar)."""
    for attr in ("x", "y", "z", "values"):
        v = getattr(trace, attr, None)
        if v is not None and len(v):
            return len(v)
    cells = getattr(trace, "cells", None)
    if cells is not None and cells.values is not None:
        return len(cells.values)
    return 0
