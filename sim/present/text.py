"""Plain sentences about a projection, in English and Chinese.

Used by the CLI summary and the HTML report (which escapes them), so the answer is
worded once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.present.i18n import t

if TYPE_CHECKING:
    from sim.engine.projection import Projection

DEFAULT_SUMMARY_YEARS = (2025, 2027, 2030, 2035, 2040)


def _name(proj: Projection, code_or_idx: str | int, lang: str) -> str:
    regions = proj.scenario.panel.regions
    idx = regions.codes.index(code_or_idx) if isinstance(code_or_idx, str) else code_or_idx
    return regions.label(idx, lang)


def summary_years(proj: Projection, years: list[int] | None = None) -> list[int]:
    """Years to show the target's rank for, sorted, within base year .. horizon.

    ``years``, or by default the base year, 2025, 2027, 2030, 2035, 2040 and the horizon."""
    wanted = years or [proj.scenario.base_year, *DEFAULT_SUMMARY_YEARS, proj.scenario.horizon]
    return sorted({y for y in wanted if proj.scenario.base_year <= y <= proj.scenario.horizon})


def _list(items: list[tuple[str, int]], lang: str) -> str:
    return t(lang, "list_sep").join(t(lang, "name_year", who=who, y=y) for who, y in items)


def answer_sentence(proj: Projection, lang: str = "en") -> str:
    """The founding question answered in one or two sentences."""
    sc = proj.scenario
    k = sc.threshold_rank
    head = t(lang, "ans_head", who=_name(proj, sc.target, lang), b=sc.base_year, r=int(proj.target_rank[0]))
    reach = proj.reach_year
    if reach is None:
        best, gap = int(proj.target_rank.min()), float(proj.gap_pct()[-1])
        body = t(lang, "ans_never", k=k, h=sc.horizon, best=best, share=100 + gap)
    elif reach == sc.base_year:
        body = t(lang, "ans_already", k=k)
    else:
        body = t(lang, "ans_reach", k=k, y=reach)
    passed = [(_name(proj, e.code, lang), e.year) for e in proj.passes if e.direction == "passed"]
    if passed:
        body += t(lang, "ans_passes", list=_list(passed, lang))
    return head + body


def passed_by_sentence(proj: Projection, lang: str = "en") -> str:
    """Who passes the target, with years; or that nobody does."""
    by = [(_name(proj, e.code, lang), e.year) for e in proj.passes if e.direction == "passed_by"]
    return t(lang, "ans_passed_by", list=_list(by, lang)) if by else t(lang, "passed_by_none")


def summary_text(proj: Projection, years: list[int] | None = None, lang: str = "en") -> str:
    """A short human summary: answer, passes, target rank in chosen years."""
    sc = proj.scenario
    who = sc.panel.regions
    i = sc.target
    where = t(lang, "sum_threshold", k=sc.threshold_rank, n=sc.n_regions, b=sc.base_year, h=sc.horizon)
    lines = [
        f"{sc.name}",
        f"  {t(lang, 'sum_target')}: {who.en[i]} / {who.zh[i]} ({who.codes[i]}); {where}",
        "  " + answer_sentence(proj, lang),
        "  " + passed_by_sentence(proj, lang),
    ]
    ranks = " | ".join(f"{y}: {int(proj.target_rank[y - sc.base_year])}" for y in summary_years(proj, years))
    lines.append(f"  {t(lang, 'sum_rank')}  {ranks}")
    reach = proj.reach_year
    shown = reach if reach is not None else t(lang, "sum_never", h=sc.horizon)
    lines.append(f"  {t(lang, 'sum_reach')}: {shown}")
    return "\n".join(lines)
