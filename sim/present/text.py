"""Plain sentences about a projection, in English and Chinese.

Used by the CLI summary and the HTML report (which escapes them), so the answer is
worded once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.engine.projection import Projection

DEFAULT_SUMMARY_YEARS = (2025, 2027, 2030, 2035, 2040)


def _name(proj: Projection, code_or_idx: str | int, lang: str) -> str:
    regions = proj.scenario.panel.regions
    idx = regions.codes.index(code_or_idx) if isinstance(code_or_idx, str) else code_or_idx
    return regions.label(idx, lang)


def summary_years(proj: Projection, years: list[int] | None = None) -> list[int]:
    wanted = years or [proj.scenario.base_year, *DEFAULT_SUMMARY_YEARS, proj.scenario.horizon]
    return sorted({y for y in wanted if proj.scenario.base_year <= y <= proj.scenario.horizon})


def answer_sentence(proj: Projection, lang: str = "en") -> str:
    """The founding question answered in one or two sentences."""
    sc = proj.scenario
    who = _name(proj, sc.target, lang)
    k = sc.threshold_rank
    start = int(proj.target_rank[0])
    passed = [e for e in proj.passes if e.direction == "passed"]
    reach = proj.reach_year
    if lang == "zh":
        head = f"在此情景下，{who}（{sc.base_year}年第{start}位）"
        if reach is None:
            best = int(proj.target_rank.min())
            gap = proj.gap_pct()[-1]
            body = (
                f"到{sc.horizon}年仍未进入前{k}位：最好名次为第{best}位，"
                f"{sc.horizon}年GDP为第{k}位地区的{100 + gap:.1f}%。"
            )
        elif reach == sc.base_year:
            body = f"在基年已处于前{k}位。"
        else:
            body = f"于{reach}年进入前{k}位。"
        if passed:
            body += "超越：" + "、".join(f"{_name(proj, e.code, lang)}（{e.year}）" for e in passed) + "。"
        return head + body
    head = f"Under this scenario {who} (rank {start} in {sc.base_year})"
    if reach is None:
        best = int(proj.target_rank.min())
        gap = proj.gap_pct()[-1]
        body = (
            f" does not reach rank {k} by {sc.horizon}: its best rank is {best}, and in "
            f"{sc.horizon} its GDP is {100 + gap:.1f}% of the region ranked {k}."
        )
    elif reach == sc.base_year:
        body = f" is already within rank {k} in the base year."
    else:
        body = f" reaches rank {k} in {reach}."
    if passed:
        body += " It passes " + ", ".join(f"{_name(proj, e.code, lang)} ({e.year})" for e in passed) + "."
    return head + body


def passed_by_sentence(proj: Projection, lang: str = "en") -> str:
    by = [e for e in proj.passes if e.direction == "passed_by"]
    if not by:
        return "期间没有地区超过它。" if lang == "zh" else "No region passes it."
    names = [f"{_name(proj, e.code, lang)} ({e.year})" for e in by]
    if lang == "zh":
        return "被超越：" + "、".join(n.replace(" (", "（").replace(")", "）") for n in names) + "。"
    return "It is passed by " + ", ".join(names) + "."


_SUMMARY = {
    "en": (
        "target",
        "threshold: rank <= {k} of {n}; base year {b}, horizon {h}",
        "target rank",
        "reach year",
        "not reached by {h}",
    ),
    "zh": (
        "目标地区",
        "门槛：{n}个地区中前{k}位；基年{b}，预测至{h}年",
        "目标地区名次",
        "达到年份",
        "{h}年前未达到",
    ),
}


def summary_text(proj: Projection, years: list[int] | None = None, lang: str = "en") -> str:
    """A short human summary: answer, passes, target rank in chosen years."""
    sc = proj.scenario
    who = sc.panel.regions
    t = sc.target
    target, threshold, rank_label, reach_label, never = _SUMMARY.get(lang, _SUMMARY["en"])
    where = threshold.format(k=sc.threshold_rank, n=sc.n_regions, b=sc.base_year, h=sc.horizon)
    lines = [
        f"{sc.name}",
        f"  {target}: {who.en[t]} / {who.zh[t]} ({who.codes[t]}); {where}",
        "  " + answer_sentence(proj, lang),
        "  " + passed_by_sentence(proj, lang),
    ]
    ranks = " | ".join(f"{y}: {int(proj.target_rank[y - sc.base_year])}" for y in summary_years(proj, years))
    lines.append(f"  {rank_label}  {ranks}")
    reach = proj.reach_year
    lines.append(f"  {reach_label}: {reach if reach is not None else never.format(h=sc.horizon)}")
    return "\n".join(lines)
