"""What ``ranksim data import`` and ``ranksim data --vintages`` print, in English or Chinese."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sim.present.i18n import TEXT, t
from sim.present.text import pad

if TYPE_CHECKING:
    from sim.analyses.vintages import VintageComparison
    from sim.inputs.panel_import import Change, ImportPlan
    from sim.inputs.portal import Export

#: Restatements and conflicts listed unless every one is asked for.
SHOWN = 10


def _number(text: str) -> str:
    """A value as the file writes it, with thousands separators (17885.39 -> 17,885.39)."""
    whole, dot, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-') or 0):,}{dot}{frac}"


def shown_path(path: Path) -> str:
    """``path`` relative to the working folder when it lies inside it (as a planner typed it)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _change(c: Change) -> str:
    value = c.change
    if value is None:
        return "–"
    unit = " pp" if c.field == "real_growth_pct" else "%"
    return f"{value:+.1f}{unit}"


def _export_line(e: Export, lang: str) -> str:
    what = [
        t(
            lang,
            "imp_what",
            field=t(lang, f"field_{f}"),
            years=_years(e, f),
            n=sum(v.field == f for v in e.values),
        )
        for f in e.indicators
    ]
    return t(
        lang,
        "imp_file",
        file=e.path.name,
        layout=t(lang, f"layout_{e.layout}"),
        encoding=t(lang, f"enc_{e.encoding}") if f"enc_{e.encoding}" in TEXT["en"] else e.encoding,
        vintage=t(lang, "imp_vintage", v=e.vintage) if e.vintage else "",
        sha=e.sha256[:12],
        what="; ".join(what) or t(lang, "imp_nothing_read"),
    )


def _years(e: Export, field: str) -> str:
    ys = sorted({v.year for v in e.values if v.field == field})
    return str(ys[0]) if len(ys) == 1 else f"{ys[0]}-{ys[-1]}"


def import_text(plan: ImportPlan, *, dry_run: bool, show_all: bool = False, lang: str = "en") -> str:
    """The report of an import, printed before anything is written."""
    created = t(lang, "imp_created") if plan.created else ""
    head = t(lang, "imp_head", target=shown_path(plan.target), created=created)
    lines = [head + (t(lang, "imp_dry") if dry_run else "")]
    lines += [_export_line(e, lang) for e in plan.exports]
    lines.append(
        t(
            lang,
            "imp_counts",
            rows=plan.rows_added,
            added=len(plan.added),
            restated=len(plan.restated),
            same=plan.unchanged,
            conflicts=len(plan.conflicts),
        )
    )
    lines += _restatements(plan, show_all, lang) + _conflicts(plan, show_all, lang)
    lines += [t(lang, f"imp_note_{n.key}", **_note_values(n.values, lang)) for n in plan.notes]
    if not plan.changed:
        lines.append(t(lang, "imp_no_change", target=shown_path(plan.target)))
    return "\n".join(lines)


def _note_values(values: dict[str, object], lang: str) -> dict[str, object]:
    out = dict(values)
    if "column" in out:
        out["column"] = t(lang, f"field_{out['column']}")
    return out


def _restatements(plan: ImportPlan, show_all: bool, lang: str) -> list[str]:
    if not plan.restated:
        return []
    ordered = sorted(plan.restated, key=lambda c: (-abs(c.change or 0.0), c.year, c.code, c.field))
    shown = ordered if show_all else ordered[:SHOWN]
    largest = t(lang, "imp_largest") if len(ordered) > 1 else ""
    lines = [t(lang, "imp_restated_head", largest=largest)]
    for c in shown:
        lines.append(
            t(
                lang,
                "imp_restated",
                who=plan.name(c.code, lang),
                year=c.year,
                field=t(lang, f"field_{c.field}"),
                old=_number(c.old or ""),
                new=_number(c.new),
                change=_change(c),
            )
        )
    if len(ordered) > len(shown):
        lines.append(t(lang, "imp_more", n=len(ordered) - len(shown)))
    return lines


def _conflicts(plan: ImportPlan, show_all: bool, lang: str) -> list[str]:
    if not plan.conflicts:
        return []
    shown = plan.conflicts if show_all else plan.conflicts[:SHOWN]
    lines = [t(lang, "imp_conflicts_head")]
    for c in shown:
        last = len(c.values) - 1
        values = ", ".join(
            f"{_number(text)} ({path.name}{', ' + t(lang, 'imp_kept') if k == last else ''})"
            for k, (path, text) in enumerate(c.values)
        )
        field = t(lang, f"field_{c.field}")
        lines.append(
            t(lang, "imp_conflict", who=plan.name(c.code, lang), year=c.year, field=field, values=values)
        )
    if len(plan.conflicts) > len(shown):
        lines.append(t(lang, "imp_more", n=len(plan.conflicts) - len(shown)))
    return lines


def vintages_text(cmp: VintageComparison, *, restatements: int = 10, lang: str = "en") -> str:
    """The ranking of one year in every vintage side by side, then the largest restatements."""
    held = [v for v in range(len(cmp.vintages)) if cmp.held(v)]
    last = cmp.vintages[held[-1]]
    lines = [t(lang, "vin_head", year=cmp.year, last=last)]
    width = max(4, *(len(c) for c in cmp.regions.codes))  # 6-digit codes of cities and counties
    header = (
        "  " + pad(t(lang, "vin_code"), width) + "  " + pad(t(lang, "vin_region"), 26, "left")
        + "".join(pad(cmp.vintages[v], 9) for v in held) + pad(f"{t(lang, 'vin_gdp')} {last}", 16)
    )  # fmt: skip
    lines.append(header)
    for i in cmp.order():
        name = f"{cmp.regions.en[i]} {cmp.regions.zh[i]}" if lang == "en" else cmp.regions.zh[i]
        ranks = "".join(pad(str(cmp.ranks[v, i]) if cmp.ranks[v, i] else "–", 9) for v in held)
        gdp = cmp.gdp[held[-1], i]
        lines.append(f"  {pad(cmp.regions.codes[i], width)}  {pad(name, 26, 'left')}{ranks}{gdp:>16,.1f}")
    missing = [name for v, name in enumerate(cmp.vintages) if v not in held]
    if missing:
        lines.append(t(lang, "vin_missing", names=", ".join(missing), year=cmp.year))
    lines.append(t(lang, "vin_restated_head", year=cmp.year))
    rows = cmp.restatements(restatements)
    for r in rows:
        i = cmp.regions.codes.index(r.code)
        who = f"{cmp.regions.en[i]} {cmp.regions.zh[i]}" if lang == "en" else cmp.regions.zh[i]
        lines.append(
            t(
                lang,
                "vin_restated",
                who=pad(who, 24, "left"),
                old_v=r.old_vintage,
                new_v=r.new_vintage,
                old=f"{r.old:,.1f}",
                new=f"{r.new:,.1f}",
                pct=f"{r.change_pct:+.1f}%",
                r0=r.old_rank,
                r1=r.new_rank,
            )
        )
    if not rows:
        lines.append(t(lang, "vin_none", year=cmp.year))
    return "\n".join(lines)


def ranking_text(doc: dict[str, object], panel: object, lang: str = "en") -> str:
    """``ranksim data``: one year's ranking (``data_document``), preliminary values marked ``p``
    and estimates ``e``, then the nation's figure."""
    rows = doc["provinces"]  # type: ignore[index]
    year = doc["year"]  # type: ignore[index]
    lines = [t(lang, "data_head", year=year)]

    def mark(status: dict[str, str], field: str) -> str:
        return {"preliminary": "p", "estimated": "e"}.get(status[field], " ")

    for row in rows:  # type: ignore[union-attr]
        name = row["zh"] if lang == "zh" else row["en"]
        other = row["en"] if lang == "zh" else row["zh"]
        lines.append(
            f"{row['rank']:>3}  {row['code']:>4}  {pad(name, 16, 'left')} {pad(other, 16, 'left')}"
            f"{row['gdp_nominal_100m_yuan']:>12,.1f}{mark(row['status'], 'gdp')} "
            f"{row['real_growth_pct']:>5.1f}{mark(row['status'], 'real_growth')}"
        )
    nat = doc["national"]  # type: ignore[index]
    if not nat["aggregate"]:
        who = t(lang, "data_nation") if panel.scope.is_national else panel.scope.aggregate(lang)  # type: ignore[attr-defined]
        flag = " p" if nat["status"] == "preliminary" else ""
        lines.append(t(lang, "data_national", who=who, gdp=nat["gdp_nominal_100m_yuan"], real=nat["real_growth_pct"], mark=flag))
    marked = sum(1 for r in rows if any(v != "final" for v in r["status"].values()))  # type: ignore[union-attr]
    if marked:
        lines.append(t(lang, "data_marks", n=marked, total=len(rows), year=year))  # type: ignore[arg-type]
    return "\n".join(lines)


def targets_text(doc: dict[str, object], lang: str = "en") -> str:
    """``ranksim data --targets``: per region, the years with a target, outturn and miss."""
    lines = [t(lang, "tg_head", path=shown_path(Path(str(doc["targets_file"]))))]
    excluded = ", ".join(str(y) for y in doc["excluded_years"])  # type: ignore[union-attr]
    for reg in doc["regions"]:  # type: ignore[union-attr]
        who = reg["zh"] if lang == "zh" else reg["en"]
        if not reg["years"]:
            lines.append(f"{who} ({reg['code']}): {t(lang, 'tg_none')}")
            continue
        miss = "-" if reg["mean_miss_pp"] is None else f"{reg['mean_miss_pp']:+.2f}"
        lines.append(t(lang, "tg_region", who=who, code=reg["code"], miss=miss, n=reg["counted_years"], excluded=excluded))
        lines.append(t(lang, "tg_columns"))
        for e in reg["years"]:
            kind = t(lang, f"tg_kind_{e['kind']}") if e["kind"] in ("about", "above", "range", "none") else ""
            out = "" if e["outturn_pct"] is None else f"{e['outturn_pct']:.1f}" + ("p" if e["outturn_status"] == "preliminary" else "")
            miss_e = "" if e["miss_pp"] is None else f"{e['miss_pp']:+.1f}"
            lines.append(f"  {e['year']}  {e['target_pct']:>5.2f}   {pad(kind, 6, 'left')}  {out:>7}  {miss_e:>5}")
    return "\n".join(lines)
