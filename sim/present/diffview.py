"""A scenario diff in words: the terminal table, the report page and the CSV table.

The labels of changes and of their values are worded once here (through :func:`sim.present.i18n.t`)
and used by all three.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from sim.analyses.diff import DiffResult, Series
from sim.present.i18n import t
from sim.present.registry import charts_for
from sim.present.report import Report, add_provenance, esc
from sim.present.text import change_label, outcome_titles, pad
from sim.provenance import Provenance

#: Differing years or regions listed per value in the terminal (the report and JSON list all).
TERMINAL_ITEMS = 6


def _value(v: float | None, series: Series, lang: str) -> str:
    """A value as shown: NaN is "model" for a province's paths and "–" otherwise."""
    if v is None or math.isnan(v):
        return t(lang, "diff_model") if series.name in ("real_growth", "deflator") else "–"
    return f"{v:.4g}" if abs(v) >= 1000 else f"{v:.2f}".rstrip("0").rstrip(".")


def _runs(series: Series, lang: str, result: DiffResult) -> list[str]:
    """``key: a → b`` for every differing key, consecutive years with the same pair merged."""
    regions = result.a.panel.regions
    items: list[tuple[Any, Any, str, str]] = []
    for key, x, y in zip(series.keys, series.a, series.b, strict=True):
        pair = (_value(x, series, lang), _value(y, series, lang))
        if items and isinstance(key, int) and items[-1][1] == key - 1 and items[-1][2:] == pair:
            items[-1] = (items[-1][0], key, *pair)
        else:
            items.append((key, key, *pair))
    out = []
    for first, last, shown_a, shown_b in items:
        if isinstance(first, str) and first:
            where = regions.label(regions.find(first), lang)  # type: ignore[arg-type]
        elif first == last:
            where = str(first)
        else:
            where = f"{first}-{last}"
        out.append(f"{where}: {shown_a} → {shown_b}" if where else f"{shown_a} → {shown_b}")
    return out


def series_text(series: Series, result: DiffResult, lang: str, limit: int | None = None) -> str:
    """One differing value: its name and the differing years (or regions), ``limit`` at most."""
    runs = _runs(series, lang, result)
    more = len(runs) - limit if limit is not None and len(runs) > limit else 0
    shown = runs[:limit] if more else runs
    name = t(lang, f"ds_{series.name}")
    text = ", ".join(shown) + (f" {t(lang, 'diff_more', n=more)}" if more else "")
    if series.name == "base_year":
        text += t(lang, "diff_base_note")
    return f"{name} {text}".strip()


def _reach(result: DiffResult, row: int, lang: str) -> str:
    year = result.reach_year(row)
    sc = result.a if row == 0 else result.b
    return str(year) if year is not None else t(lang, "diff_never", h=sc.horizon)


def answer_line(result: DiffResult, lang: str = "en") -> str:
    """Both answers: reach year and the gap at each reported year, A → B."""
    parts = [t(lang, "diff_answer", a=_reach(result, 0, lang), b=_reach(result, -1, lang))]
    for j, y in enumerate(result.years, start=1):
        parts.append(t(lang, "diff_gap", y=int(y), a=result.answers[0, j], b=result.answers[-1, j]))
    return "; ".join(parts)


def _fmt(v: float, j: int) -> str:
    """A signed change: 1 decimal for years, 2 for gap points; a rounding zero is "+0" (the
    compiled kernel and its numpy twin may leave -1e-16 where the other leaves 0)."""
    digits = 1 if j == 0 else 2
    return f"{round(v, 9) + 0.0:+.{digits}f}"  # sums in another order: the same digits


def diff_text(result: DiffResult, lang: str = "en") -> str:
    """What ``ranksim diff`` prints: both answers, every change with its values, the effects."""
    a, b = result.a, result.b
    who = a.panel.regions.label(a.target, lang)
    lines = [
        t(lang, "diff_head", who=who, k=a.threshold_rank),
        f"  A: {a.name} ({a.source.path})",
        f"  B: {b.name} ({b.source.path})",
        "  " + answer_line(result, lang),
    ]
    if not result.changes:
        lines.append("  " + t(lang, "diff_no_changes"))
        return "\n".join(lines)
    n = len(result.changes)
    lines.append("  " + (t(lang, "diff_changes_one") if n == 1 else t(lang, "diff_changes", n=n)))
    for i, c in enumerate(result.changes, start=1):
        lines.append(f"  {i:>2} {change_label(c, result, lang)}")
        for s in c.series:
            lines.append(f"       {series_text(s, result, lang, TERMINAL_ITEMS)}")
    how = t(lang, f"diff_{result.method}")
    lines.append(
        "  " + t(lang, "diff_effects", orders=f"{result.orders:,}", method=how, c=result.censor_year)
    )
    width = 40
    head = "  " + pad(t(lang, "diff_change"), width + 3, "left")
    sub = "  " + " " * (width + 3)
    for title in outcome_titles(result, lang):
        head += pad(title, 20)
        sub += pad(t(lang, "diff_step"), 10) + pad(t(lang, "diff_shapley"), 10)
    lines += [head, sub]
    for i, c in enumerate(result.changes):
        label = change_label(c, result, lang)
        row = f"  {i + 1:>2} " + pad(label[:width], width, "left")
        for j in range(len(result.outcomes)):
            row += pad(_fmt(result.steps[i, j], j), 10) + pad(_fmt(result.shapley[i, j], j), 10)
        lines.append(row)
    total = result.answers[-1] - result.answers[0]
    row = "     " + pad(t(lang, "diff_total"), width, "left")
    for j in range(len(result.outcomes)):
        row += pad(_fmt(total[j], j), 20)
    lines.append(row)
    return "\n".join(lines)


def diff_frame(result: DiffResult, lang: str = "en") -> pd.DataFrame:
    """The effects table with names: one row a change (walk order), ``label`` and ``values`` in
    ``lang`` beside the machine columns of :meth:`DiffResult.to_frame`."""
    frame = result.to_frame()
    frame.insert(1, "label", [change_label(c, result, lang) for c in result.changes])
    frame.insert(
        3, "values", ["; ".join(series_text(s, result, lang) for s in c.series) for c in result.changes]
    )
    return frame


def diff_report(result: DiffResult, lang: str = "en", provenance: Provenance | None = None) -> str:
    """The diff as one HTML page: both answers, the changes with every differing value, the
    effects table and the waterfall charts."""
    a, b = result.a, result.b
    report = Report(title=t(lang, "diff_title"), lang=lang)
    report.add_html(f"<h1>{esc(report.title)}</h1>")
    report.add_html(f'<div class="answer" id="answer"><p>{esc(answer_line(result, lang))}</p></div>')
    report.add_table(
        ["", t(lang, "diff_scenario")],
        [
            (t(lang, "diff_a"), f"{a.name} ({a.source.path})"),
            (t(lang, "diff_b"), f"{b.name} ({b.source.path})"),
        ],
    )
    if not result.changes:
        report.add_paragraph(t(lang, "diff_no_changes"))
    else:
        report.add_heading(t(lang, "diff_changes", n=len(result.changes)).rstrip(":："))
        report.add_table(
            ["#", t(lang, "diff_change"), t(lang, "diff_values")],
            [
                (i, change_label(c, result, lang), "; ".join(series_text(s, result, lang) for s in c.series))
                for i, c in enumerate(result.changes, start=1)
            ],
        )
        how = t(lang, f"diff_{result.method}")
        report.add_paragraph(
            t(lang, "diff_effects", orders=f"{result.orders:,}", method=how, c=result.censor_year), "muted"
        )
        header = ["#", t(lang, "diff_change")]
        for title in outcome_titles(result, lang):
            header += [f"{title} {t(lang, 'diff_step')}", f"{title} {t(lang, 'diff_shapley')}"]
        rows: list[list[Any]] = []
        for i, c in enumerate(result.changes):
            row: list[Any] = [i + 1, change_label(c, result, lang)]
            for j in range(len(result.outcomes)):
                row += [_fmt(result.steps[i, j], j), _fmt(result.shapley[i, j], j)]
            rows.append(row)
        total = result.answers[-1] - result.answers[0]
        rows.append(
            ["", t(lang, "diff_total"), *(x for j in range(len(total)) for x in (_fmt(total[j], j), ""))]
        )
        report.add_table(header, rows)
        for chart in charts_for(result):
            report.add_figure(chart.draw(result, lang), chart.name)
    add_provenance(report, b, provenance, projection=False)
    return report.render()
