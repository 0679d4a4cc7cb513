"""Scenarios side by side in words: the terminal table, the report page and the workbook's summary.

Labels are worded once here (through :func:`sim.present.i18n.t`) and shared by all three.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from sim.analyses.compare import CompareResult, Difference
from sim.engine.projection import Projection
from sim.present.i18n import t
from sim.present.report import Report, add_charts, esc
from sim.present.text import pad, probability_text
from sim.provenance import Provenance


def reach_text(proj: Projection, lang: str) -> str:
    """A scenario's answer in a few words: the reach year, "not by H", or how long it stays inside."""
    sc = proj.scenario
    if proj.stays_until is not None:
        key = "cmp_stays_through" if proj.stays_until == sc.horizon else "cmp_stays"
        return t(lang, key, y=proj.stays_until, h=sc.horizon)
    if proj.reach_year is None:
        return t(lang, "cmp_never", h=sc.horizon)
    return t(lang, "year_fmt", y=proj.reach_year)


def _probabilities(result: CompareResult, i: int, lang: str) -> str:
    """P(reach) by every deadline of scenario ``i`` ("by 2030 1%, by 2035 21%")."""
    shown = [
        t(lang, "top_mc_by", y=y, p=probability_text(p))
        for y in result.deadlines
        if (p := result.reach_probability(i, y)) is not None
    ]
    return t(lang, "list_sep").join(shown)


def answer_lines(result: CompareResult, lang: str = "en") -> list[str]:
    """One sentence a scenario (its answer and P(reach) by the deadlines), then the range."""
    out = []
    for i, (label, proj) in enumerate(zip(result.labels, result.projections, strict=True)):
        line = t(lang, "cmp_answer", label=label, reach=reach_text(proj, lang), k=proj.threshold_rank)
        if result.montecarlo is not None:
            line += t(lang, "cmp_prob", shown=_probabilities(result, i, lang), paths=result.paths)
        out.append(line)
    years = [(p.reach_year, label) for label, p in zip(result.labels, result.projections, strict=True)]
    reached = [(y, label) for y, label in years if y is not None]
    if len(reached) == len(years) and len({y for y, _ in reached}) > 1:
        lo, hi = min(reached), max(reached)
        out.append(t(lang, "cmp_range", a=lo[0], la=lo[1], b=hi[0], lb=hi[1], n=hi[0] - lo[0]))
    return out


def difference_label(d: Difference, result: CompareResult, lang: str) -> tuple[str, str, str]:
    """(what, value, where) of one differing value, in words."""
    regions = result.scenario.panel.regions
    if d.key.startswith("provinces."):
        what = regions.label(regions.find(d.key.split(".", 1)[1]), lang)  # type: ignore[arg-type]
    else:
        what = t(lang, f"dk_{d.key}")
    where = d.where
    if isinstance(where, str) and where:
        where = regions.label(regions.find(where), lang)  # type: ignore[arg-type]
    return what, t(lang, f"ds_{d.series}"), str(where)


def _number(v: float | None, series: str, lang: str) -> str:
    if v is None:
        return "–"
    if math.isnan(v):
        return t(lang, "diff_model") if series in ("real_growth", "deflator") else "–"
    return f"{v:.4g}" if abs(v) >= 1000 else f"{v:.2f}".rstrip("0").rstrip(".")


def difference_rows(result: CompareResult, lang: str) -> list[list[str]]:
    """The differences table: what, value, year (or region), then one column a scenario; runs of
    consecutive years with the same values merged ("2026-2027")."""
    rows: list[list[str]] = []
    last: tuple[Any, ...] | None = None
    for d in result.differences:
        what, value, where = difference_label(d, result, lang)
        shown = [_number(v, d.series, lang) for v in d.values]
        key = (what, value, shown)
        if last is not None and isinstance(d.where, int) and last[0] == key and last[2] == d.where - 1:
            rows[-1][2] = f"{last[1]}-{d.where}"
            last = (key, last[1], d.where)
            continue
        rows.append([what, value, where, *shown])
        last = (key, d.where, d.where) if isinstance(d.where, int) else None
    return rows


def side_by_side_rows(result: CompareResult, lang: str) -> list[list[str]]:
    """The answers table: one row a measure, one column a scenario."""
    projs = result.projections
    first = projs[0].scenario
    rows = [
        [t(lang, "cmp_row_name"), *(p.scenario.name for p in projs)],
        [t(lang, "cmp_row_threshold"), *(f"≤ {p.threshold_rank}" for p in projs)],
        [t(lang, "cmp_row_reach"), *(reach_text(p, lang) for p in projs)],
    ]
    for y in sorted({first.base_year, 2030, 2035, *(p.scenario.horizon for p in projs)}):
        ranks = [
            str(int(p.target_rank[y - p.scenario.base_year]))
            if p.scenario.base_year <= y <= p.scenario.horizon
            else "–"
            for p in projs
        ]
        rows.append([t(lang, "cmp_row_rank", y=y), *ranks])
    if result.montecarlo is not None:
        for y in result.deadlines:
            probs = [result.reach_probability(i, y) for i in range(len(projs))]
            rows.append(
                [t(lang, "cmp_row_p", y=y), *(probability_text(p) if p is not None else "–" for p in probs)]
            )
        medians = [m.reach_year_quantiles((0.5,))[0.5] for m in result.montecarlo]
        shown = [
            str(q) if q is not None else t(lang, "cmp_never", h=p.scenario.horizon)
            for q, p in zip(medians, projs, strict=True)
        ]
        rows.append([t(lang, "cmp_row_median"), *shown])
    rows.append([t(lang, "cmp_row_passes"), *(_passes(p, lang) for p in projs)])
    return rows


def _passes(proj: Projection, lang: str) -> str:
    regions = proj.scenario.panel.regions
    passed = [e for e in proj.passes if e.direction == "passed"]
    if not passed:
        return "–"
    return t(lang, "list_sep").join(
        t(lang, "cmp_pass", who=regions.label(regions.codes.index(e.code), lang), y=e.year) for e in passed
    )


def compare_text(result: CompareResult, lang: str = "en") -> str:
    """What ``ranksim compare`` prints: the answers, the table side by side, passes, what differs."""
    from sim.present.text import _width

    sc = result.scenario
    who = sc.panel.regions.label(sc.target, lang)
    lines = [t(lang, "cmp_head", who=who, k=sc.threshold_rank, n=len(result.labels))]
    lines += ["  " + line for line in answer_lines(result, lang)]
    table = side_by_side_rows(result, lang)[1:-1]  # the names are above; passes below
    left = max(_width(row[0]) for row in table) + 2
    width = max(12, *(len(label) + 3 for label in result.labels))
    lines += ["", "  " + " " * left + "".join(pad(label, width) for label in result.labels)]
    lines += ["  " + pad(row[0], left, "left") + "".join(pad(c, width) for c in row[1:]) for row in table]
    lines += ["", "  " + (t(lang, "cmp_row_passes") + t(lang, "colon")).rstrip()]
    lines += [
        f"    {label}{t(lang, 'colon')}{_passes(p, lang)}"
        for label, p in zip(result.labels, result.projections, strict=True)
    ]
    lines.append("")
    diffs = difference_rows(result, lang)
    if not diffs:
        lines.append("  " + t(lang, "cmp_no_differences"))
    else:
        lines.append("  " + t(lang, "cmp_differences", ref=result.labels[0]))
        for what, value, where, *values in diffs:
            label = t(lang, "list_sep").join(x for x in (what, value, where) if x)
            lines.append(f"    {label}{t(lang, 'colon')}" + " | ".join(values))
    return "\n".join(lines)


def compare_report(result: CompareResult, lang: str = "en", provenance: Provenance | None = None) -> str:
    """The comparison as one HTML page: the answers first, then the table side by side, what
    differs, the overlaid charts and the provenance of every file."""
    sc = result.scenario
    who = sc.panel.regions.label(sc.target, lang)
    report = Report(title=t(lang, "cmp_title", who=who, k=sc.threshold_rank, n=len(result.labels)), lang=lang)
    report.add_html(f"<h1>{esc(report.title)}</h1>")
    body = "".join(f"<p>{esc(line)}</p>" for line in answer_lines(result, lang))
    report.add_html(f'<div class="answer" id="answer">{body}</div>')
    report.add_heading(t(lang, "cmp_side_by_side"))
    report.add_table(["", *result.labels], side_by_side_rows(result, lang))
    report.add_heading(t(lang, "cmp_what_differs"))
    rows = difference_rows(result, lang)
    if rows:
        report.add_paragraph(t(lang, "cmp_differences_note", ref=result.labels[0]), "muted")
        report.add_table(
            [t(lang, "cmp_col_what"), t(lang, "cmp_col_value"), t(lang, "cmp_col_where"), *result.labels],
            rows,
        )
    else:
        report.add_paragraph(t(lang, "cmp_no_differences"))
    report.add_heading(t(lang, "charts"))
    add_charts(report, result)
    _provenance(report, result, provenance)
    return report.render()


def _provenance(report: Report, result: CompareResult, provenance: Provenance | None) -> None:
    lang = report.lang
    prov = provenance or compare_provenance(result)
    report.add_heading(t(lang, "provenance"))
    report.add_table([t(lang, "file"), "sha256"], [(p, h) for p, h in prov.files.items()])
    command = " ".join(prov.command) if prov.command else "–"
    report.add_paragraph(t(lang, "version", v=prov.version, c=command), "muted")
    if prov.seed is not None:
        report.add_paragraph(t(lang, "seed", s=prov.seed), "muted")


def compare_provenance(result: CompareResult, command: Sequence[str] | None = None) -> Provenance:
    """Every file of every scenario, the seed of the draws and the command."""
    files: dict[str, str] = {}
    for s in result.scenarios:
        files.update(s.files)
    return Provenance.of(files, seed=result.seed, command=command)


def compare_summary_rows(result: CompareResult, lang: str, provenance: Provenance) -> list[list[str]]:
    """The workbook's summary sheet: question, each scenario's answer (with P(reach)), the
    differences, provenance."""
    sc = result.scenario
    who = sc.panel.regions.label(sc.target, lang)
    question = t(lang, "x_question_run", who=who, k=sc.threshold_rank, n=sc.n_regions, h=sc.horizon)
    rows: list[list[str]] = [[t(lang, "x_question"), question]]
    rows += [[t(lang, "x_answer"), line] for line in answer_lines(result, lang)]
    rows += [[], ["", *result.labels], *side_by_side_rows(result, lang)]
    diffs = difference_rows(result, lang)
    if diffs:
        rows += [
            [],
            [t(lang, "cmp_col_what"), t(lang, "cmp_col_value"), t(lang, "cmp_col_where"), *result.labels],
        ]
        rows += diffs
    rows += [[], [t(lang, "provenance")], ["ranksim", provenance.version]]
    rows.append([t(lang, "x_command"), " ".join(provenance.command) if provenance.command else "–"])
    if provenance.seed is not None:
        rows.append([t(lang, "x_seed"), str(provenance.seed)])
    rows += [[t(lang, "file"), path, sha] for path, sha in provenance.files.items()]
    return rows
