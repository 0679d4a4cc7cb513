"""Charts of a projection: each a function from a result to a ``plotly.graph_objects.Figure``.

No file I/O and no global style state: every figure carries its own layout. Text that
comes from scenario files is never put into figures (the report escapes it instead).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from sim._typing import BoolArray, FloatArray
from sim.analyses.backtest import BacktestResult
from sim.analyses.montecarlo import MonteCarloResult
from sim.analyses.sensitivity import SensitivityResult
from sim.analyses.solve import SolveResult
from sim.analyses.sweep import SweepResult
from sim.engine.levels import gap_pct
from sim.engine.projection import Projection
from sim.present.i18n import (
    GREY,
    HIGHLIGHT,
    REGION_COLORS,
    TARGET_COLOR,
    THRESHOLD_FILL,
    THRESHOLD_LINE,
    t,
)
from sim.present.text import (
    measured_key,
    method_label,
    outcome_label,
    path_label,
    probability_text,
    sweep_labels,
)

FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, Arial, sans-serif"
BASE_LAYOUT = dict(
    template="plotly_white",
    font=dict(family=FONT, size=13),
    margin=dict(l=70, r=150, t=60, b=50),
    hovermode="closest",
)


def _layout(fig: go.Figure, title: str, **kw: object) -> go.Figure:
    fig.update_layout(**{**BASE_LAYOUT, **kw}, title=dict(text=title, x=0.01, xanchor="left"))
    return fig


def focus_regions(proj: Projection) -> list[int]:
    """The target and the regions it must pass: ranked from the threshold down to the target
    at the base year, plus every region it passes or is passed by in the projection."""
    ranks0 = proj.ranks[0]
    lo, hi = min(proj.threshold_rank, int(ranks0[proj.target])), int(ranks0[proj.target])
    band = [int(j) for j in np.flatnonzero((ranks0 >= lo) & (ranks0 <= hi))]
    codes = proj.codes
    events = [codes.index(e.code) for e in proj.passes]
    ordered = sorted(set(band) | set(events), key=lambda j: ranks0[j])
    return [j for j in ordered if j != proj.target]


def _colors(proj: Projection) -> dict[int, str]:
    focus = focus_regions(proj)
    colors = {j: HIGHLIGHT[k % len(HIGHLIGHT)] for k, j in enumerate(focus)}
    colors[proj.target] = TARGET_COLOR
    return colors


def _hover(lang: str) -> str:
    return (
        "<b>%{customdata[0]}</b><br>"
        + t(lang, "year")
        + ": %{x}<br>"
        + t(lang, "rank").split(" ")[0].split("（")[0]
        + ": %{customdata[1]}<br>"
        + "GDP: %{customdata[2]:,.0f}<extra></extra>"
    )


def _region_lines(
    fig: go.Figure,
    proj: Projection,
    j: int,
    y: np.ndarray,
    masks: tuple[BoolArray, BoolArray],
    lang: str,
    **style: Any,
) -> None:
    """Add region j's history (solid) and projection (dashed) as two traces over ``y``.

    ``style`` holds ``color``, ``width`` and any other Scatter keywords (``showlegend``,
    ``opacity``); ``showlegend=None`` shows the history trace in the legend only.
    """
    years, gdp, ranks = proj.timeline
    regions = proj.scenario.panel.regions
    name = regions.label(j, lang)
    color, width = style.pop("color"), style.pop("width")
    legend = style.pop("showlegend", None)
    for mask, dash, part in ((masks[0], "solid", "history"), (masks[1], "dash", "projection")):
        fig.add_trace(
            go.Scatter(
                x=years[mask],
                y=y[mask],
                mode="lines",
                name=name,
                legendgroup=name,
                showlegend=part == "history" if legend is None else legend,
                customdata=np.column_stack([[name] * int(mask.sum()), ranks[mask, j], gdp[mask, j]]),
                line=dict(color=color, width=width, dash=dash),
                hovertemplate=_hover(lang),
                meta=dict(code=regions.codes[j], part=part),
                **style,
            )
        )


def bump_chart(proj: Projection, lang: str = "en") -> go.Figure:
    """Every region's rank by year, history solid and projection dashed; target highlighted."""
    years, gdp, ranks = proj.timeline
    base = proj.scenario.base_year
    regions = proj.scenario.panel.regions
    colors = _colors(proj)
    hist, fut = years <= base, years >= base
    fig = go.Figure()
    order = sorted(range(len(regions)), key=lambda j: (j in colors, j == proj.target))
    for j in order:  # greyed regions first, highlighted on top
        width = 4 if j == proj.target else (2.2 if j in colors else 1)
        _region_lines(
            fig,
            proj,
            j,
            ranks[:, j],
            (hist, fut),
            lang,
            color=colors.get(j, GREY),
            width=width,
            showlegend=False,
            opacity=1.0 if j in colors else 0.6,
        )
    k, n = proj.threshold_rank, len(regions)
    fig.add_hrect(y0=0.5, y1=k + 0.5, fillcolor=THRESHOLD_FILL, line_width=0, layer="below")
    fig.add_annotation(
        x=base,
        y=0.5,
        text=t(lang, "band", k=k),
        showarrow=False,
        xanchor="left",
        yanchor="top",
        xshift=4,
        font=dict(color=THRESHOLD_LINE, size=12),
    )
    fig.add_hline(y=k + 0.5, line=dict(color=THRESHOLD_LINE, width=1.5, dash="dot"))
    fig.add_vline(x=base, line=dict(color="#555", width=1, dash="dot"))
    for j, color in colors.items():  # label the highlighted regions at the right end
        fig.add_annotation(
            x=years[-1],
            y=int(ranks[-1, j]),
            text=regions.label(j, lang),
            showarrow=False,
            xanchor="left",
            xshift=6,
            font=dict(color=color, size=12),
        )
    _layout(fig, t(lang, "bump_title", y0=int(years[0]), y1=int(years[-1])), height=720)
    fig.update_yaxes(
        autorange="reversed", title=t(lang, "rank"), range=[n + 0.5, 0.5], dtick=5, tick0=1, zeroline=False
    )
    fig.update_xaxes(title=t(lang, "year"), range=[years[0] - 0.5, years[-1] + 0.5])
    return fig


def trajectories_chart(proj: Projection, lang: str = "en", history_years: int = 10) -> go.Figure:
    """Nominal GDP (log axis) of the target and the regions it must pass; pass events marked."""
    years, gdp, ranks = proj.timeline
    base = proj.scenario.base_year
    regions = proj.scenario.panel.regions
    colors = _colors(proj)
    show = years >= base - history_years
    fig = go.Figure()
    masks = (show & (years <= base), years >= base)
    for j in [*focus_regions(proj), proj.target]:
        _region_lines(
            fig, proj, j, gdp[:, j], masks, lang, color=colors[j], width=4 if j == proj.target else 2
        )
    events = proj.passes
    if events:
        ev_years = np.array([e.year for e in events])
        ev_gdp = proj.levels[ev_years - base, proj.target]
        labels = [
            f"{t(lang, e.direction)} {regions.label(regions.codes.index(e.code), lang)} ({e.year})"
            for e in events
        ]
        fig.add_trace(
            go.Scatter(
                x=ev_years,
                y=ev_gdp,
                mode="markers",
                name=t(lang, "passes_title"),
                text=labels,
                hovertemplate="%{text}<extra></extra>",
                marker=dict(
                    symbol=["star" if e.direction == "passed" else "x" for e in events],
                    size=12,
                    color=TARGET_COLOR,
                    line=dict(color="white", width=1),
                ),
                meta=dict(part="events"),
            )
        )
    fig.add_vline(x=base, line=dict(color="#555", width=1, dash="dot"))
    _layout(
        fig,
        t(lang, "traj_title", who=regions.label(proj.target, lang)),
        height=560,
        legend=dict(orientation="v", x=1.01, y=1),
    )
    shown = gdp[show][:, [*focus_regions(proj), proj.target]]
    ticks = log_ticks(float(shown.min()), float(shown.max()))
    fig.update_yaxes(
        type="log",
        title=dict(text=t(lang, measured_key(proj.scenario, "gdp")), standoff=8),
        automargin=True,
        tickvals=ticks,
        ticktext=[_gdp_tick(v, lang, proj.scenario.per_capita) for v in ticks],
    )
    fig.update_xaxes(title=t(lang, "year"))
    return fig


#: Mantissas of the ticks of a log GDP axis, finest first: used while they give at most
#: LOG_TICKS_MAX ticks over the range shown.
LOG_MANTISSAS = ((1, 1.2, 1.5, 2, 3, 4, 5, 6, 7, 8), (1, 1.5, 2, 3, 5, 7), (1, 2, 5), (1,))
LOG_TICKS_MAX = 10


def log_ticks(lo: float, hi: float) -> list[float]:
    """Round tick values for a log axis from ``lo`` to ``hi`` (at least two, every decade
    labelled finely enough that the range never shows a single tick)."""
    decades = range(int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi))) + 1)
    for mantissas in LOG_MANTISSAS:
        ticks = [m * 10.0**e for e in decades for m in mantissas if lo <= m * 10.0**e <= hi]
        if len(ticks) <= LOG_TICKS_MAX:
            break
    if len(ticks) < 2:
        ticks = sorted({*ticks, float(f"{lo:.2g}"), float(f"{hi:.2g}")})
    return ticks


def _gdp_tick(value: float, lang: str, per_head: bool = False) -> str:
    """A GDP tick: 15k in English; in Chinese 1.5万亿 / 8000亿 for GDP (in 100m yuan), 12万 /
    8000 for GDP per head (in yuan)."""
    if lang == "zh" and per_head:
        return f"{value / 10_000:g}万" if value >= 10_000 else f"{value:g}"
    if lang == "zh":
        return f"{value / 10_000:g}万亿" if value >= 10_000 else f"{value:g}亿"
    return f"{value / 1000:g}k" if value >= 1000 else f"{value:g}"


def _linear_gdp_ticks(top: float, lang: str, per_head: bool) -> dict[str, Any]:
    """Ticks of a linear GDP axis from 0 to ``top`` worded for Chinese readers (万亿, 亿); nothing
    (plotly's own ticks) in English."""
    if lang != "zh" or not top > 0:
        return {}
    raw = top / 5
    mag = 10 ** np.floor(np.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    vals = [float(v) for v in np.arange(0, top + step / 2, step)]
    return {"tickvals": vals, "ticktext": [_gdp_tick(v, lang, per_head) if v else "0" for v in vals]}


def gap_chart(proj: Projection, lang: str = "en") -> go.Figure:
    """Target GDP as % of the region at the threshold rank, history and projection; 100% line."""
    years, gdp, _ = proj.timeline
    base, k = proj.scenario.base_year, proj.threshold_rank
    pct = 100.0 + gap_pct(np.log(gdp), proj.target, k)
    fig = go.Figure()
    for mask, dash, part in ((years <= base, "solid", "history"), (years >= base, "dash", "projection")):
        fig.add_trace(
            go.Scatter(
                x=years[mask],
                y=pct[mask],
                mode="lines+markers",
                name=t(lang, part),
                line=dict(color=TARGET_COLOR, width=3, dash=dash),
                marker=dict(size=5),
                hovertemplate="%{x}: %{y:.1f}%<extra></extra>",
                meta=dict(part=part),
            )
        )
    fig.add_hline(
        y=100,
        line=dict(color=THRESHOLD_LINE, width=2),
        annotation_text=t(lang, "cross", k=k),
        annotation_position="bottom right",
    )
    fig.add_vline(x=base, line=dict(color="#555", width=1, dash="dot"))
    reach = proj.reach_year
    if reach is not None:
        fig.add_annotation(
            x=reach,
            y=float(pct[years == reach][0]),
            text=t(lang, "reach", k=k, y=reach),
            showarrow=True,
            arrowhead=2,
            ax=-60,
            ay=-40,
            font=dict(color=TARGET_COLOR),
        )
    else:
        fig.add_annotation(
            x=years[-1],
            y=float(pct[-1]),
            text=t(lang, "no_reach", k=k, y=int(years[-1])),
            showarrow=True,
            arrowhead=2,
            ax=-60,
            ay=-40,
        )
    who = proj.scenario.panel.regions.label(proj.target, lang)
    title = t(lang, measured_key(proj.scenario, "gap_title"), who=who, k=k)
    _layout(fig, title, height=460, margin=dict(l=70, r=40, t=60, b=50))
    fig.update_yaxes(title=t(lang, measured_key(proj.scenario, "gap_axis"), k=k), ticksuffix="%")
    fig.update_xaxes(title=t(lang, "year"))
    return fig


def group_colors(keys: list[str]) -> dict[str, str]:
    """Colour of each macro-region key: the GB/T 2260 regions their own, a panel's groups the
    palette in order of appearance; "other" grey."""
    out = {"other": REGION_COLORS["other"]}
    spare = iter(c for c in HIGHLIGHT if c not in (TARGET_COLOR, "#000000"))
    for key in dict.fromkeys(keys):
        if key not in out:
            out[key] = REGION_COLORS.get(key) or next(spare, REGION_COLORS["other"])
    return out


def race_chart(proj: Projection, lang: str = "en") -> go.Figure:
    """Animated horizontal bars of every region's nominal GDP by year, with play and a slider."""
    years, gdp, ranks = proj.timeline
    regions = proj.scenario.panel.regions
    n = len(regions)
    names = np.array([regions.label(j, lang) for j in range(n)], dtype=object)
    groups = [proj.scenario.panel.scope.group_of(c) for c in regions.codes]
    region_keys = [g.key if g is not None else "other" for g in groups]
    palette = group_colors(region_keys)
    colors = np.array([palette[r] for r in region_keys], dtype=object)
    colors[proj.target] = TARGET_COLOR
    base = proj.scenario.base_year

    # Bar positions: 1..N by GDP in that year (ties broken by code), so bars never overlap.
    position = np.argsort(np.argsort(-gdp, axis=1, kind="stable"), axis=1) + 1

    def bars(i: int) -> go.Bar:
        return go.Bar(
            x=gdp[i],
            y=position[i],
            orientation="h",
            text=names,
            textposition="outside",
            cliponaxis=False,
            marker=dict(
                color=colors,
                line=dict(color=["#000" if j == proj.target else "rgba(0,0,0,0)" for j in range(n)], width=2),
            ),
            customdata=np.column_stack([names, ranks[i], gdp[i]]),
            hovertemplate=_hover(lang).replace("%{x}", str(int(years[i]))),
        )

    def label(i: int) -> str:
        year = int(years[i])
        return f"{year} ({t(lang, 'projected')})" if year > base else str(year)

    frames = [
        go.Frame(
            data=[bars(i)],
            name=str(int(y)),
            layout=dict(
                title_text=f"{t(lang, 'race_title')} — {label(i)}",
                xaxis=dict(
                    range=[0, float(gdp[i].max()) * 1.22],
                    autorange=False,
                    **_linear_gdp_ticks(float(gdp[i].max()) * 1.22, lang, proj.scenario.per_capita),
                ),
            ),
        )
        for i, y in enumerate(years)
    ]
    start = int(np.flatnonzero(years == base)[0])
    fig = go.Figure(data=[bars(start)], frames=frames)
    slider_steps = [
        dict(
            method="animate",
            label=str(int(y)),
            args=[
                [str(int(y))],
                dict(mode="immediate", frame=dict(duration=0, redraw=True), transition=dict(duration=0)),
            ],
        )
        for y in years
    ]
    _layout(
        fig,
        f"{t(lang, 'race_title')} — {label(start)}",
        height=820,
        margin=dict(l=40, r=40, t=60, b=90),
        showlegend=False,
    )
    fig.update_layout(
        updatemenus=[
            dict(
                type="buttons",
                direction="left",
                x=0.0,
                y=-0.06,
                xanchor="left",
                yanchor="top",
                buttons=[
                    dict(
                        label=t(lang, "play"),
                        method="animate",
                        args=[
                            None,
                            dict(
                                frame=dict(duration=450, redraw=True),
                                transition=dict(duration=250),
                                fromcurrent=True,
                            ),
                        ],
                    ),
                    dict(
                        label=t(lang, "pause"),
                        method="animate",
                        args=[[None], dict(mode="immediate", frame=dict(duration=0, redraw=False))],
                    ),
                ],
            )
        ],
        sliders=[
            dict(
                active=start,
                steps=slider_steps,
                x=0.12,
                len=0.88,
                y=-0.04,
                yanchor="top",
                currentvalue=dict(prefix=t(lang, "year") + ": "),
            )
        ],
    )
    present = list(dict.fromkeys(region_keys))
    if present != ["other"]:  # a key to the bar colours (the panel's macro-regions)
        labels = {g.key: g.label(lang) for g in groups if g is not None} | {"other": t(lang, "region_other")}
        key = "   ".join(f"<span style='color:{palette[r]}'>■</span> {labels[r]}" for r in present)
        who = proj.scenario.panel.regions.label(proj.target, lang)
        key += f"   <span style='color:{TARGET_COLOR}'>■</span> {who}"
        fig.add_annotation(
            text=key,
            x=1,
            y=1.02,
            xref="paper",
            yref="paper",
            xanchor="right",
            yanchor="bottom",
            showarrow=False,
            font=dict(size=12),
        )
    fig.update_yaxes(autorange=False, range=[n + 0.7, 0.3], showticklabels=False, title=None)
    fig.update_xaxes(
        range=[0, float(gdp[start].max()) * 1.22],
        autorange=False,
        title=t(lang, measured_key(proj.scenario, "gdp_linear")),
        **_linear_gdp_ticks(float(gdp[start].max()) * 1.22, lang, proj.scenario.per_capita),
    )
    return fig


def passes_table(proj: Projection, lang: str = "en") -> go.Figure:
    """Table of pass events: year, region, passes / is passed by."""
    regions = proj.scenario.panel.regions
    events = proj.passes
    who = regions.label(proj.target, lang)
    cells = [
        [e.year for e in events],
        [f"{who} {t(lang, e.direction)}" for e in events],
        [regions.label(regions.codes.index(e.code), lang) for e in events],
    ]
    fill = [["#FCE9DD" if e.direction == "passed" else "#E4EEF7" for e in events]] * 3
    fig = go.Figure(
        go.Table(
            header=dict(
                values=[t(lang, "year"), t(lang, "direction"), t(lang, "province")],
                fill_color="#EEEEEE",
                align="left",
                font=dict(size=13),
            ),
            cells=dict(values=cells, fill_color=fill, align="left", height=26, font=dict(size=13)),
        )
    )
    title = t(lang, "passes_title") if events else f"{t(lang, 'passes_title')}: {t(lang, 'no_passes')}"
    _layout(fig, title, height=120 + 28 * max(len(events), 1), margin=dict(l=20, r=20, t=50, b=10))
    return fig


# --------------------------------------------------------------------------- Monte Carlo

MILESTONES = (2027, 2030, 2035)


def fan_chart(mc: MonteCarloResult, lang: str = "en") -> go.Figure:
    """The target's rank: history, then the median and 50% / 80% bands of the paths."""
    proj = mc.projection
    years, _, ranks = proj.timeline
    hist = years <= proj.scenario.base_year
    q = mc.rank_quantiles((0.1, 0.25, 0.5, 0.75, 0.9))
    fy = mc.years
    who = proj.scenario.panel.regions.label(proj.target, lang)
    fig = go.Figure()
    for lo, hi, name, alpha in ((0, 4, "band80", 0.18), (1, 3, "band50", 0.35)):
        fig.add_trace(
            go.Scatter(
                x=np.concatenate([fy, fy[::-1]]),
                y=np.concatenate([q[:, lo], q[::-1, hi]]),
                fill="toself",
                fillcolor=f"rgba(213, 94, 0, {alpha})",
                line=dict(width=0),
                name=t(lang, name),
                hoverinfo="skip",
                meta=dict(part=name),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=fy,
            y=q[:, 2],
            mode="lines+markers",
            name=t(lang, "median_rank"),
            line=dict(color=TARGET_COLOR, width=3, dash="dash"),
            meta=dict(part="median"),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=years[hist],
            y=ranks[hist, proj.target],
            mode="lines",
            name=t(lang, "history"),
            line=dict(color=TARGET_COLOR, width=3),
            meta=dict(part="history"),
        )
    )
    k = proj.threshold_rank
    fig.add_hrect(y0=0.5, y1=k + 0.5, fillcolor=THRESHOLD_FILL, line_width=0, layer="below")
    fig.add_hline(
        y=k + 0.5,
        line=dict(color=THRESHOLD_LINE, width=1.5, dash="dot"),
        annotation_text=t(lang, "band", k=k),
        annotation_position="top left",
    )
    method = method_label(mc.method, lang)
    _layout(
        fig,
        t(lang, "fan_title", who=who, paths=mc.paths, method=method),
        height=480,
        margin=dict(l=70, r=40, t=60, b=50),
    )
    n = proj.scenario.n_regions
    lo_rank = max(0.5, float(min(q[:, 0].min(), ranks[:, proj.target].min())) - 2)
    fig.update_yaxes(
        autorange=False,
        range=[min(n + 0.5, float(ranks[:, proj.target].max()) + 3), lo_rank],
        title=t(lang, "rank"),
        dtick=1 if n <= 40 else None,
    )
    fig.update_xaxes(title=t(lang, "year"))
    return fig


def reach_probability_chart(mc: MonteCarloResult, lang: str = "en") -> go.Figure:
    """Cumulative probability of having reached the threshold by each year; 2027/30/35 marked."""
    proj = mc.projection
    prob = mc.reach_probability()
    who = proj.scenario.panel.regions.label(proj.target, lang)
    fig = go.Figure(
        go.Scatter(
            x=mc.years,
            y=prob,
            mode="lines+markers",
            line=dict(color=TARGET_COLOR, width=3, shape="hv"),
            hovertemplate="%{x}: %{y:.1%}<extra></extra>",
            name=t(lang, "reach_prob_axis"),
        )
    )
    for year in MILESTONES:
        if mc.years[0] <= year <= mc.years[-1]:
            p = float(prob[year - mc.years[0]])
            fig.add_vline(x=year, line=dict(color="#777", width=1, dash="dot"))
            fig.add_annotation(
                x=year,
                y=p,
                text=f"{year}: {probability_text(p)}",  # the words of the report: "<1%", never "0%"
                showarrow=True,
                arrowhead=2,
                ax=-30,
                ay=-30,
                bgcolor="white",
            )
    _layout(
        fig,
        t(lang, "reach_prob_title", who=who, k=proj.threshold_rank),
        height=420,
        margin=dict(l=70, r=40, t=60, b=50),
        showlegend=False,
    )
    fig.update_yaxes(range=[0, 1.02], tickformat=".0%", title=t(lang, "reach_prob_axis"))
    fig.update_xaxes(title=t(lang, "year"))
    return fig


def rank_heatmap(mc: MonteCarloResult, lang: str = "en") -> go.Figure:
    """P(target rank = r) by year as a heatmap; the threshold drawn as a line."""
    proj = mc.projection
    prob = mc.rank_probability()  # (T+1, N)
    n = prob.shape[1]
    used = np.flatnonzero(prob.sum(axis=0) > 0)
    r0, r1 = max(1, int(used.min()) + 1 - 1), min(n, int(used.max()) + 1 + 1)
    ranks = np.arange(r0, r1 + 1)
    who = proj.scenario.panel.regions.label(proj.target, lang)
    fig = go.Figure(
        go.Heatmap(
            x=mc.years,
            y=ranks,
            z=prob[:, ranks - 1].T,
            colorscale="Oranges",
            zmin=0,
            zmax=1,
            colorbar=dict(title=t(lang, "reach_prob_axis"), tickformat=".0%"),
            hovertemplate=t(lang, "year")
            + " %{x}"
            + t(lang, "hover_sep")
            + t(lang, "hover_rank", r="%{y}")
            + ": %{z:.1%}<extra></extra>",
        )
    )
    k = proj.threshold_rank
    fig.add_hline(
        y=k + 0.5,
        line=dict(color=THRESHOLD_LINE, width=2, dash="dot"),
        annotation_text=t(lang, "band", k=k),
        annotation_position="top left",
    )
    _layout(fig, t(lang, "heat_title", who=who), height=460, margin=dict(l=70, r=40, t=60, b=50))
    fig.update_yaxes(autorange="reversed", title=t(lang, "rank"), dtick=1)
    fig.update_xaxes(title=t(lang, "year"))
    return fig


# --------------------------------------------------------------------------- backtest


def backtest_error_chart(bt: BacktestResult, lang: str = "en") -> go.Figure:
    """Mean absolute rank error by jump-off year, model against the naive forecast."""
    rows = bt.by_jump_off()
    years = [r["year"] for r in rows]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=years,
            y=[r["model_rank_mae"] for r in rows],
            mode="lines+markers",
            name=t(lang, "bt_model"),
            line=dict(color=TARGET_COLOR, width=3),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=years,
            y=[r["naive_rank_mae"] for r in rows],
            mode="lines+markers",
            name=t(lang, "bt_naive"),
            line=dict(color="#0072B2", width=2, dash="dash"),
        )
    )
    _layout(fig, t(lang, "bt_mae_title", h=bt.horizon), height=420, margin=dict(l=70, r=40, t=60, b=50))
    fig.update_yaxes(title=t(lang, "bt_mae_axis"), rangemode="tozero")
    fig.update_xaxes(title=t(lang, "bt_jump"), dtick=1)
    return fig


def coverage_chart(bt: BacktestResult, lang: str = "en") -> go.Figure:
    """Coverage of the 50 % and 80 % Monte Carlo bands: ranks and nominal levels (shares) against
    nominal at the backtest's horizon; with coverage by horizon, the level bands at 1-10 years."""
    assert bt.coverage is not None
    if bt.coverage_by_horizon:
        hs = sorted(bt.coverage_by_horizon)
        fig = go.Figure()
        for lv, color in zip((0.5, 0.8), ("#0072B2", TARGET_COLOR), strict=True):
            fig.add_trace(
                go.Scatter(
                    x=hs,
                    y=[bt.coverage_by_horizon[h][lv] for h in hs],
                    mode="lines+markers",
                    name=t(lang, "cov_band", p=lv),
                    line=dict(color=color, width=3),
                    hovertemplate="%{x}: %{y:.1%}<extra></extra>",
                )
            )
            fig.add_hline(y=lv, line=dict(color=color, width=1, dash="dash"))
            fig.add_hrect(y0=lv - 0.05, y1=lv + 0.05, fillcolor=color, opacity=0.08, line_width=0)
        _layout(fig, t(lang, "cov_by_horizon_title"), height=400, margin=dict(l=70, r=40, t=60, b=50))
        fig.update_xaxes(title=t(lang, "cov_horizon"), dtick=1)
        fig.update_yaxes(range=[0, 1.05], tickformat=".0%")
        return fig
    levels = list(bt.coverage)
    labels = [f"{lv:.0%}" for lv in levels]
    bars = [go.Bar(x=labels, y=levels, name=t(lang, "bt_nominal"), marker_color="#BDBDBD")]
    for kind, cov, color in (
        ("cov_rank", bt.coverage, "#0072B2"),
        ("cov_level", bt.coverage_level, TARGET_COLOR),
    ):
        if cov is not None:
            bars.append(
                go.Bar(
                    x=labels,
                    y=[cov[lv] for lv in levels],
                    name=t(lang, kind),
                    marker_color=color,
                    text=[f"{cov[lv]:.0%}" for lv in levels],
                    textposition="outside",
                )
            )
    fig = go.Figure(bars)
    _layout(fig, t(lang, "bt_cov_title"), height=380, barmode="group", margin=dict(l=70, r=40, t=60, b=50))
    fig.update_yaxes(range=[0, 1.1], tickformat=".0%")
    return fig


def pit_chart(bt: BacktestResult, lang: str = "en") -> go.Figure:
    """Histogram of the probability integral transform of every region's actual share of nominal
    GDP under its Monte Carlo distribution, in tenths; calibrated bands give a flat histogram."""
    hist = bt.pit_histogram()
    x = [f"{i / 10:.1f}-{(i + 1) / 10:.1f}" for i in range(hist.size)]
    fig = go.Figure(
        go.Bar(x=x, y=hist, marker_color=TARGET_COLOR, hovertemplate="%{x}: %{y:.1%}<extra></extra>")
    )
    fig.add_hline(y=1 / hist.size, line=dict(color="#555555", width=1, dash="dash"))
    _layout(fig, t(lang, "pit_title"), height=380, margin=dict(l=70, r=40, t=60, b=60), showlegend=False)
    fig.update_xaxes(title=t(lang, "pit_x"))
    fig.update_yaxes(title=t(lang, "pit_y"), tickformat=".0%", rangemode="tozero")
    return fig


# --------------------------------------------------------------------------- sweeps, sensitivity, solve


def _year_ticks(years: Any, hover: bool = True) -> dict[str, Any]:
    """Ticks of an axis of years: whole years only (never 2039.5), without a thousands separator."""
    finite = np.asarray(years, dtype=float)
    finite = finite[np.isfinite(finite)]
    span = float(finite.max() - finite.min()) if finite.size else 0.0
    out: dict[str, Any] = {"tickformat": "d", "dtick": 1 if span <= 8 else 2 if span <= 16 else 5}
    if hover:
        out["hoverformat"] = "d"
    return out


def sweep_line_chart(sw: SweepResult, lang: str = "en") -> go.Figure:
    """1-D sweep: reach year (left axis) and gap at the horizon (right axis) against the parameter."""
    from plotly.subplots import make_subplots

    x = np.array(sw.values[0])
    n0 = len(x)
    rest = int(sw.points.shape[0] // n0)
    reach = sw.reach_grid().reshape(n0, rest)[:, 0]
    col = list(sw.outcomes.rank_years).index(sw.scenario.horizon)
    gap = sw.outcomes.gap_pct[:, col].reshape(n0, rest)[:, 0]
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(
        go.Scatter(
            x=x,
            y=reach,
            mode="lines+markers",
            name=t(lang, "reach_year"),
            line=dict(color=TARGET_COLOR, width=3),
            connectgaps=False,
        ),
        secondary_y=False,
    )
    never = np.isnan(reach)
    top = sw.scenario.horizon + 1  # a value that never reaches: drawn on a row of its own
    if never.any():
        fig.add_trace(
            go.Scatter(
                x=x[never], y=np.full(int(never.sum()), top), mode="markers",
                name=t(lang, "sweep_never", h=sw.scenario.horizon),
                marker=dict(color=TARGET_COLOR, size=10, symbol="x-open"), meta=dict(part="never"),
                hovertemplate="%{x}: " + t(lang, "sweep_never", h=sw.scenario.horizon) + "<extra></extra>",
            ),
            secondary_y=False,
        )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=x,
            y=gap,
            mode="lines",
            name=t(lang, "gap_at", h=sw.scenario.horizon),
            line=dict(color="#0072B2", width=2, dash="dot"),
        ),
        secondary_y=True,
    )
    fig.add_hline(y=0, line=dict(color="#0072B2", width=1), secondary_y=True)
    label = sweep_labels(sw, lang)[0]
    _layout(
        fig,
        t(lang, "sweep_line_title", k=sw.scenario.threshold_rank, param=label),
        height=440,
        margin=dict(l=70, r=70, t=60, b=50),
    )
    fig.update_xaxes(title=label, **_shift_ticks(sw, 0, lang))
    ticks = _year_ticks(reach)
    if never.any():  # whole years, then "never" on the row above the horizon
        finite = reach[~never]
        lo = int(finite.min()) if finite.size else top
        step = int(ticks["dtick"])
        vals = [*range(lo, top, step), top]
        ticks = {"tickvals": vals, "ticktext": [*map(str, vals[:-1]), t(lang, "never_short")],
                 "range": [lo - 0.5, top + 0.5], "hoverformat": "d"}  # fmt: skip
    fig.update_yaxes(title=t(lang, "reach_year"), secondary_y=False, **ticks)
    fig.update_yaxes(title=t(lang, "gap_at", h=sw.scenario.horizon), secondary_y=True, ticksuffix="%",
                     tickmode="auto", showgrid=False)  # fmt: skip
    return fig


#: Contour lines of the sweep heatmap: dark on the light (early) end of the colour scale, where
#: the milestone years lie, and visible in the legend on a white page.
CONTOUR_COLOR = "#222222"


def contour_levels(z: FloatArray) -> list[int]:
    """The milestone years a reach-year grid has a contour for: some point reaches by then and
    some point does not (a line between them)."""
    finite = z[np.isfinite(z)]
    reached_late = finite.size < z.size
    return [m for m in MILESTONES if (finite <= m).any() and ((finite > m).any() or reached_late)]


def sweep_probability_chart(sw: SweepResult, lang: str = "en") -> go.Figure:
    """Probabilistic sweep: P(reach by each asked year) against one parameter (lines), or by the
    last asked year over two parameters (heatmap, other parameters at their first value)."""
    assert sw.probability is not None and sw.paths is not None
    years = [int(y) for y in sw.outcomes.rank_years]
    k = sw.scenario.threshold_rank
    labels = sweep_labels(sw, lang)
    shape = [len(v) for v in sw.values]
    prob = sw.probability.reshape(*shape, len(years))
    if len(shape) == 1:
        fig = go.Figure()
        for i, y in enumerate(years):
            fig.add_trace(
                go.Scatter(
                    x=np.array(sw.values[0]),
                    y=prob[:, i],
                    mode="lines+markers",
                    name=t(lang, "p_by", y=y),
                    line=dict(color=HIGHLIGHT[i % len(HIGHLIGHT)], width=3),
                    hovertemplate="%{x}: %{y:.1%}<extra></extra>",
                )
            )
        _layout(
            fig,
            t(lang, "sweep_prob_line_title", k=k, param=labels[0], paths=sw.paths),
            height=420,
            margin=dict(l=70, r=40, t=60, b=50),
        )
        fig.update_xaxes(title=labels[0])
        fig.update_yaxes(range=[0, 1.02], tickformat=".0%")
        return fig
    z = prob.reshape(shape[0], shape[1], -1, len(years))[:, :, 0, -1].T
    fig = go.Figure(
        go.Heatmap(
            x=np.array(sw.values[0]),
            y=np.array(sw.values[1]),
            z=z,
            zmin=0,
            zmax=1,
            colorscale="Viridis",
            colorbar=dict(title=t(lang, "p_by", y=years[-1]), tickformat=".0%"),
            hovertemplate="%{x}, %{y}: %{z:.1%}<extra></extra>",
        )
    )
    _layout(
        fig,
        t(lang, "sweep_prob_title", k=k, y=years[-1], paths=sw.paths),
        height=520,
        margin=dict(l=80, r=40, t=60, b=60),
    )
    fig.update_xaxes(title=labels[0])
    fig.update_yaxes(title=labels[1])
    return fig


def sweep_heatmap(sw: SweepResult, lang: str = "en") -> go.Figure:
    """2-D sweep: reach year as a heatmap with contour lines at 2027, 2030 and 2035."""
    grid = sw.reach_grid()
    z = grid.reshape(grid.shape[0], grid.shape[1], -1)[:, :, 0].T  # (param 2, param 1); 3rd at first value
    x, y = np.array(sw.values[0]), np.array(sw.values[1])
    fig = go.Figure(
        go.Heatmap(
            x=x,
            y=y,
            z=z,
            colorscale="Viridis",
            reversescale=True,
            colorbar=dict(title=t(lang, "reach_year"), **_year_ticks(z, hover=False)),
            hovertemplate="%{x}, %{y}: %{z:d}<extra></extra>",
        )
    )
    levels = contour_levels(z)
    for level, dash in zip(MILESTONES, ("solid", "dash", "dot"), strict=True):
        if level not in levels:
            continue
        fig.add_trace(
            go.Contour(
                x=x,
                y=y,
                z=np.nan_to_num(z, nan=9999),
                showscale=False,
                contours=dict(start=level + 0.5, end=level + 0.5, size=1, coloring="none", showlabels=False),
                line=dict(color=CONTOUR_COLOR, width=2.5, dash=dash),
                name=f"≤ {level}",
                hoverinfo="skip",
                showlegend=True,
            )
        )
    labels = sweep_labels(sw, lang)
    _layout(
        fig,
        t(
            lang,
            "sweep_heat_title",
            k=sw.scenario.threshold_rank,
            h=sw.scenario.horizon,
            levels=t(lang, "list_sep").join(map(str, levels)) or t(lang, "never"),
        ),
        height=520,
        margin=dict(l=80, r=40, t=60, b=60),
        legend=dict(orientation="h", y=-0.18, title=dict(text=t(lang, "reach_year"))),
    )
    fig.update_xaxes(title=labels[0], **_shift_ticks(sw, 0, lang))
    fig.update_yaxes(title=labels[1], **_shift_ticks(sw, 1, lang))
    return fig


def _shift_ticks(sw: SweepResult, axis: int, lang: str = "en") -> dict[str, str]:
    """Tick labels of a shifted parameter as signed points (+1 pp), so they never read as values set."""
    return (
        {"tickformat": "+~g", "ticksuffix": t(lang, "pp_suffix")}
        if sw.parameters[axis].mode == "shift"
        else {}
    )


def thresholds_chart(sw: SweepResult, lang: str = "en") -> go.Figure:
    """Reach year for the thresholds around the median (columns) against the first parameter (rows)."""
    reach = sw.threshold_reach.astype(float)
    reach[reach < 0] = np.nan
    text = [[str(int(v)) if np.isfinite(v) else t(lang, "never") for v in row] for row in reach]
    shift = sw.parameters[0].mode == "shift"
    y = [f"{v:+g} pp" if shift else f"{v:g}" for v in sw.values[0]]
    fig = go.Figure(
        go.Heatmap(
            x=[str(k) for k in sw.thresholds],
            y=y,
            z=reach,
            text=text,
            texttemplate="%{text}",
            colorscale="Viridis",
            reversescale=True,
            showscale=False,
            hovertemplate=t(lang, "hover_rank", r="%{x}")
            + t(lang, "hover_sep")
            + "%{y}: %{text}<extra></extra>",
        )
    )
    label = sweep_labels(sw, lang)[0]
    _layout(
        fig,
        t(lang, "thr_title", param=label),
        height=max(320, 60 + 24 * len(y)),
        margin=dict(l=90, r=30, t=60, b=50),
    )
    fig.update_xaxes(title=t(lang, "threshold"), type="category")
    fig.update_yaxes(title=label, type="category")
    return fig


def tornado_chart(sens: SensitivityResult, lang: str = "en") -> go.Figure:
    """One-at-a-time swings around the scenario's outcome, largest on top."""
    bars = list(sens.tornado)[::-1]
    names = [path_label(b.param, b.mode, sens.scenario, lang) for b in bars]
    base = sens.base_outcome
    fig = go.Figure()
    for attr, val_attr, color, key in (
        ("outcome_low", "low", "#0072B2", "low"),
        ("outcome_high", "high", TARGET_COLOR, "high"),
    ):
        fig.add_trace(
            go.Bar(
                y=names,
                x=[getattr(b, attr) - base for b in bars],
                base=base,
                orientation="h",
                name=t(lang, key),
                marker_color=color,
                text=[f"{getattr(b, val_attr):g}" for b in bars],
                textposition="auto",
                hovertemplate="%{y}: %{text} → %{x:.2f}<extra></extra>",
            )
        )
    fig.add_vline(x=base, line=dict(color="#333", width=1.5), annotation_text=t(lang, "base"))
    _layout(
        fig,
        t(lang, "tornado_title", outcome=outcome_label(sens.outcome, lang)),
        height=140 + 60 * len(bars),
        barmode="overlay",
        margin=dict(l=260, r=40, t=60, b=50),
    )
    fig.update_xaxes(title=outcome_label(sens.outcome, lang))
    return fig


def sobol_chart(sens: SensitivityResult, lang: str = "en") -> go.Figure:
    """Total (bars) and first-order (dots) Sobol indices with their bootstrap intervals, one
    horizontal bar a parameter, largest on top (the chart's height follows the parameters)."""
    s = sorted(sens.sobol, key=lambda x: x.total_order)  # plotly draws the first at the bottom
    modes = {b.param: b.mode for b in sens.tornado}
    names = [path_label(x.param, modes.get(x.param, "set"), sens.scenario, lang) for x in s]

    def interval(lo_hi: list[tuple[float, float]], mid: list[float]) -> dict[str, Any]:
        return dict(
            type="data",
            symmetric=False,
            array=[hi - m for (_, hi), m in zip(lo_hi, mid, strict=True)],
            arrayminus=[m - lo for (lo, _), m in zip(lo_hi, mid, strict=True)],
        )

    total, first = [x.total_order for x in s], [x.first_order for x in s]
    fig = go.Figure(
        [
            go.Bar(
                y=names,
                x=total,
                orientation="h",
                name=t(lang, "total_order"),
                marker_color="#BDBDBD",
                error_x=interval([x.total_order_ci for x in s], total),
            ),
            go.Scatter(
                y=names,
                x=first,
                mode="markers",
                name=t(lang, "first_order"),
                marker=dict(color=TARGET_COLOR, size=12),
                error_x=interval([x.first_order_ci for x in s], first),
            ),
        ]
    )
    _layout(
        fig,
        t(lang, "sobol_title", outcome=outcome_label(sens.outcome, lang)),
        height=150 + 55 * len(names),
        margin=dict(l=60, r=40, t=60, b=50),
        legend=dict(orientation="h", y=-0.12, x=0),
    )
    fig.update_xaxes(range=[0, 1.05])
    fig.update_yaxes(automargin=True)
    return fig


def _solve_titles(sol: SolveResult, lang: str) -> tuple[str, str]:
    """(chart title, y-axis title) of a solve curve: reach or stay inside, every year or a plan period."""
    sc = sol.scenario
    who = sc.panel.regions.label(sc.target, lang)
    prob = t(lang, "with_prob", p=sol.probability) if sol.probability is not None else ""
    kw = dict(who=who, k=sc.threshold_rank, prob=prob)
    stay = "stay_" if sol.question == "stay" else ""
    if sol.over is not None:
        a, b = sol.over
        return t(lang, f"chart_solve_{stay}over_title", a=a, b=b, **kw), t(lang, "required_over", a=a, b=b)
    if stay:
        return t(lang, "chart_solve_stay_title", **kw), t(lang, "required_stay")
    return t(lang, "solve_title", **kw), t(lang, "required")


def solve_curve_chart(sol: SolveResult, lang: str = "en") -> go.Figure:
    """Required constant real growth against the deadline, with the scenario's own growth.

    A deadline met even at the bottom of the range searched is not a required growth: it is
    drawn as an open marker at the bottom, labelled "≤ -10%", never as a number."""
    sc = sol.scenario
    years = [y for y, _ in sol.curve]
    low = float(sol.grid[0])
    req = np.array([g if g is not None else np.nan for _, g in sol.curve], dtype=float)
    at_low = req <= low
    line = np.where(at_low, np.nan, req)
    title, axis = _solve_titles(sol, lang)
    fig = go.Figure(
        go.Scatter(
            x=years,
            y=line,
            mode="lines+markers",
            name=t(lang, "required"),
            line=dict(color=TARGET_COLOR, width=3),
            hovertemplate="%{x}: %{y:.2f}%<extra></extra>",
        )
    )
    if at_low.any():
        fig.add_trace(
            go.Scatter(
                x=[y for y, lo in zip(years, at_low, strict=True) if lo], y=[low] * int(at_low.sum()),
                mode="markers", name=t(lang, "at_low_bound_name"),
                marker=dict(color=TARGET_COLOR, size=9, symbol="triangle-down-open"),
                text=[t(lang, "at_low_bound_point", y=y) for y, lo in zip(years, at_low, strict=True) if lo],
                hovertemplate="%{text}<extra></extra>", meta=dict(part="low_bound"),
            )
        )  # fmt: skip
    own = np.array(sol.own_growth_pct if sol.own_growth_pct is not None else [], dtype=float)
    if own.size:
        fig.add_trace(
            go.Scatter(
                x=list(range(sc.base_year + 1, sc.horizon + 1)),
                y=own,
                mode="lines",
                name=t(lang, "own_growth"),
                line=dict(color="#0072B2", width=2, dash="dash"),
            )
        )
    if sol.required_pct is not None:
        text = f"{sol.by}: {sol.required_pct:.2f}%"
        if sol.at_low_bound:
            text = t(lang, "at_low_bound_point", y=sol.by)
        fig.add_annotation(
            x=sol.by, y=max(sol.required_pct, low), text=text, showarrow=True, arrowhead=2, ax=40, ay=-40
        )
    _layout(fig, title, height=440, margin=dict(l=70, r=40, t=60, b=50))
    shown = np.concatenate([req[np.isfinite(req)], own[np.isfinite(own)]])
    lo, hi = (float(shown.min()), float(shown.max())) if shown.size else (0.0, 10.0)
    fig.update_yaxes(title=axis, ticksuffix="%", range=[min(0.0, lo - 1), min(float(sol.grid[-1]), hi + 1)])
    fig.update_xaxes(title=t(lang, "deadline"), **_year_ticks(years, hover=False))
    return fig


# --------------------------------------------------------------------------- ranksim diff (issue 12, part 3)


def diff_waterfall(result: Any, lang: str = "en") -> go.Figure:
    """From A's answer to B's, one bar a change: a waterfall per outcome (reach year, the gap at
    each reported year), the one-at-a-time steps shown and the Shapley averages a button away."""
    from plotly.subplots import make_subplots

    from sim.present.text import change_label, outcome_titles

    titles = outcome_titles(result, lang)
    labels = [t(lang, "diff_a"), *(change_label(c, result, lang) for c in result.changes), t(lang, "diff_b")]
    fig = make_subplots(rows=len(titles), cols=1, subplot_titles=titles, vertical_spacing=0.5 / len(titles))
    for row, _ in enumerate(titles, start=1):
        j = row - 1
        start, end = float(result.answers[0, j]), float(result.answers[-1, j])
        for how, effects in (("step", result.steps[:, j]), ("shapley", result.shapley[:, j])):
            fig.add_trace(
                go.Waterfall(
                    x=labels,
                    y=[start, *map(float, effects), end],
                    measure=["absolute", *["relative"] * len(effects), "total"],
                    name=t(lang, f"diff_{how}"),
                    visible=how == "step",
                    increasing=dict(marker=dict(color="#0072B2")),
                    decreasing=dict(marker=dict(color=TARGET_COLOR)),
                    totals=dict(marker=dict(color=GREY)),
                    connector=dict(line=dict(color="#999", width=1)),
                    hovertemplate="%{x}: %{y:+.2f}<extra></extra>",
                    showlegend=False,
                ),
                row=row,
                col=1,
            )
    n = len(titles)
    buttons = [
        dict(
            label=t(lang, f"diff_how_{how}"),
            method="update",
            args=[{"visible": [(k % 2 == 0) == (how == "step") for k in range(2 * n)]}],
        )
        for how in ("step", "shapley")
    ]
    _layout(
        fig,
        t(lang, "chart_diff_waterfall"),
        height=120 + 300 * n,
        margin=dict(l=70, r=40, t=90, b=60),
        updatemenus=[dict(type="buttons", direction="right", x=1, xanchor="right", y=1.0, yanchor="bottom",
                          buttons=buttons, showactive=True, pad=dict(t=30))],
    )  # fmt: skip
    for row in range(1, n + 1):  # the axis spans the walk, not 0 to 2040: steps of a year stay visible
        lo, hi = _walk_span(result, row - 1)
        pad = max(1.0 if row == 1 else 0.5, 0.15 * (hi - lo))
        fig.update_yaxes(row=row, col=1, range=[lo - pad, hi + pad], autorange=False)
    lo, hi = _walk_span(result, 0)
    fig.update_yaxes(row=1, col=1, tickformat="d", dtick=1 if hi - lo <= 12 else None)
    return fig


def _walk_span(result: Any, j: int) -> tuple[float, float]:
    """Lowest and highest value outcome ``j`` takes on the way from A to B (steps and Shapley)."""
    start = float(result.answers[0, j])
    walks = [start + np.concatenate([[0.0], np.cumsum(e[:, j])]) for e in (result.steps, result.shapley)]
    return float(min(w.min() for w in walks)), float(max(w.max() for w in walks))


# --------------------------------------------------------------------------- ranksim compare


def _scenario_color(i: int) -> str:
    return (TARGET_COLOR, *HIGHLIGHT)[i % (len(HIGHLIGHT) + 1)]


def _rgba(color: str, alpha: float) -> str:
    r, g, b = (int(color[k : k + 2], 16) for k in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def compare_rank_chart(result: Any, lang: str = "en", history_years: int = 10) -> go.Figure:
    """The target's rank in every scenario: the last ``history_years`` of history, each
    scenario's projection and, with Monte Carlo, its 80 % band (10th to 90th percentile of the paths)."""
    first = result.projections[0]
    sc = first.scenario
    who = sc.panel.regions.label(sc.target, lang)
    years, _, ranks = first.timeline
    years, ranks = years[years >= sc.base_year - history_years], ranks[years >= sc.base_year - history_years]
    hist = years <= sc.base_year
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(x=years[hist], y=ranks[hist, sc.target], mode="lines", name=t(lang, "history"),
                   line=dict(color="#444", width=3), meta=dict(part="history"))
    )  # fmt: skip
    worst = float(ranks[:, sc.target].max())
    best = float(ranks[:, sc.target].min())
    for i, (label, proj) in enumerate(zip(result.labels, result.projections, strict=True)):
        color = _scenario_color(i)
        if result.montecarlo is not None:
            mc = result.montecarlo[i]
            q = mc.rank_quantiles((0.1, 0.9))
            fig.add_trace(
                go.Scatter(
                    x=np.concatenate([mc.years, mc.years[::-1]]), y=np.concatenate([q[:, 0], q[::-1, 1]]),
                    fill="toself", fillcolor=_rgba(color, 0.13), line=dict(width=0), hoverinfo="skip",
                    name=t(lang, "cmp_band", label=label), legendgroup=label,
                    meta=dict(part="band", scenario=label),
                )
            )  # fmt: skip
            worst, best = max(worst, float(q[:, 1].max())), min(best, float(q[:, 0].min()))
        fig.add_trace(
            go.Scatter(
                x=proj.years, y=proj.target_rank, mode="lines+markers", name=label, legendgroup=label,
                line=dict(color=color, width=3, dash="dash"), meta=dict(part="projection", scenario=label),
                hovertemplate=f"{label}<br>%{{x}}: %{{y}}<extra></extra>",
            )
        )  # fmt: skip
    k = sc.threshold_rank
    fig.add_hrect(y0=0.5, y1=k + 0.5, fillcolor=THRESHOLD_FILL, line_width=0, layer="below")
    fig.add_hline(y=k + 0.5, line=dict(color=THRESHOLD_LINE, width=1.5, dash="dot"),
                  annotation_text=t(lang, "band", k=k), annotation_position="top left")  # fmt: skip
    title = "cmp_rank_title" if result.montecarlo is not None else "cmp_rank_title_det"
    _layout(fig, t(lang, title, who=who), height=480, margin=dict(l=70, r=40, t=60, b=50))
    n = sc.n_regions
    fig.update_yaxes(autorange=False, range=[min(n + 0.5, worst + 2), max(0.5, min(best, k) - 2)],
                     title=t(lang, "rank"), dtick=1 if n <= 40 else None)  # fmt: skip
    fig.update_xaxes(title=t(lang, "year"), **_year_ticks(years, hover=False))
    return fig


def compare_gap_chart(result: Any, lang: str = "en") -> go.Figure:
    """The target's gap to the threshold (percent) in every scenario; 0 = level with the region
    at the threshold rank."""
    sc = result.scenario
    who = sc.panel.regions.label(sc.target, lang)
    fig = go.Figure()
    for i, (label, proj) in enumerate(zip(result.labels, result.projections, strict=True)):
        fig.add_trace(
            go.Scatter(
                x=proj.years, y=proj.gap_pct(), mode="lines+markers", name=label,
                line=dict(color=_scenario_color(i), width=3), meta=dict(scenario=label),
                hovertemplate=f"{label}<br>%{{x}}: %{{y:+.1f}}%<extra></extra>",
            )
        )  # fmt: skip
    fig.add_hline(y=0, line=dict(color=THRESHOLD_LINE, width=1.5, dash="dot"))
    k = sc.threshold_rank
    title = t(lang, measured_key(sc, "cmp_gap_title"), who=who, k=k)
    _layout(fig, title, height=420, margin=dict(l=70, r=40, t=60, b=50))
    fig.update_yaxes(title=t(lang, "cmp_gap_axis", k=k), ticksuffix="%")
    fig.update_xaxes(title=t(lang, "year"), **_year_ticks(result.projections[0].years, hover=False))
    return fig


def compare_probability_chart(result: Any, lang: str = "en") -> go.Figure:
    """P(reach by each year) in every scenario (the same draws for all)."""
    sc = result.scenario
    who = sc.panel.regions.label(sc.target, lang)
    fig = go.Figure()
    for i, (label, mc) in enumerate(zip(result.labels, result.montecarlo, strict=True)):
        prob = mc.reach_probability()
        fig.add_trace(
            go.Scatter(
                x=mc.years, y=prob, mode="lines+markers", name=label, meta=dict(scenario=label),
                line=dict(color=_scenario_color(i), width=3), text=[probability_text(float(p)) for p in prob],
                hovertemplate=f"{label}<br>%{{x}}: %{{text}}<extra></extra>",
            )
        )  # fmt: skip
    for year in MILESTONES:
        if sc.base_year < year <= sc.horizon:
            fig.add_vline(x=year, line=dict(color="#777", width=1, dash="dot"))
    _layout(fig, t(lang, "cmp_prob_title", who=who, k=sc.threshold_rank), height=420,
            margin=dict(l=70, r=40, t=60, b=50))  # fmt: skip
    fig.update_yaxes(range=[0, 1.02], tickformat=".0%", title=t(lang, "reach_prob_axis"))
    fig.update_xaxes(title=t(lang, "year"), **_year_ticks(result.projections[0].years, hover=False))
    return fig


def _reach_year_range(result: Any) -> list[float]:
    """The reach-year axis around the years the waterfall passes through (A's, B's and every
    running total of either decomposition), not from 0: a year axis from 0 flattens the bars."""
    start = float(result.answers[0, 0])
    seen = [start, float(result.answers[-1, 0])]
    for effects in (result.steps[:, 0], result.shapley[:, 0]):
        seen += [start + float(v) for v in np.cumsum(effects)]
    return [min(seen) - 1.5, max(seen) + 1.5]
