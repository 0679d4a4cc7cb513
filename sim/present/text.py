"""Plain sentences about a projection, in English and Chinese.

Used by the CLI summary and the HTML report (which escapes them), so the answer is
worded once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sim.present.i18n import lead_words, t

if TYPE_CHECKING:
    from sim.analyses.backtest import BacktestResult
    from sim.analyses.montecarlo import MonteCarloResult
    from sim.analyses.sensitivity import SensitivityResult
    from sim.analyses.solve import SolveResult
    from sim.analyses.sweep import SweepResult
    from sim.engine.projection import Projection
    from sim.inputs.panel import Panel, Regions
    from sim.inputs.params import Parameter
    from sim.model.scenario import Scenario

DEFAULT_SUMMARY_YEARS = (2025, 2027, 2030, 2035, 2040)
#: Languages of every text.
LANGS = ("en", "zh")


#: The name of the scenario ``sim.default_scenario()`` builds (no file).
DEFAULT_MODEL_NAME = "ranksim default model"


def scenario_name(scenario: Any, lang: str = "en") -> str:
    """A scenario's name as texts show it: its own, or the default model's in ``lang``."""
    return t(lang, "default_model_name") if scenario.name == DEFAULT_MODEL_NAME else str(scenario.name)


def probability_text(p: float) -> str:
    """A probability as every report, chart and workbook shows it: whole percent, "<1%" and
    ">99%" where rounding would say 0 % or 100 % of something that can happen or fail."""
    if 0 < p < 0.005:
        return "<1%"
    if 0.995 <= p < 1:
        return ">99%"
    return f"{p:.0%}"


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
    head = t(
        lang, measured_key(sc, "ans_head"), who=_name(proj, sc.target, lang), b=sc.base_year,
        r=int(proj.target_rank[0]),
    )  # fmt: skip
    reach = proj.reach_year
    if reach is None:
        best, gap = int(proj.target_rank.min()), float(proj.gap_pct()[-1])
        body = t(lang, measured_key(sc, "ans_never"), k=k, h=sc.horizon, best=best, share=100 + gap)
    elif reach == sc.base_year:
        until = proj.stays_until
        body = (
            t(lang, "ans_stays_through", k=k, b=sc.base_year, h=sc.horizon)
            if until == sc.horizon
            else t(lang, "ans_stays", k=k, b=sc.base_year, y=until)
        )
    else:
        body = t(lang, "ans_reach", k=k, y=reach)
    passed = [(_name(proj, e.code, lang), e.year) for e in proj.passes if e.direction == "passed"]
    if passed:
        body += t(lang, "ans_passes", list=_list(passed, lang))
    return head + body


def assumption_sentence(proj: Projection, lang: str = "en") -> str:
    """The answer's assumptions in one sentence: the target's real growth, prices and nominal
    growth against its rivals' nominal growth (means over the projection); ranked by GDP per
    head, the target's population and per-head growth against its rivals' per-head growth."""
    a = proj.assumptions()
    n = len(a["rivals"])
    own = {"r": a["target_real_pct"], "d": a["target_deflator_pct"], "g": a["target_nominal_pct"]}
    if "target_population_pct" in a:  # like with like: per head against per head
        own |= {"p": a["target_population_pct"], "h": a["target_per_head_pct"]}
        key, rivals_pct = "assume_pc", a["rivals_per_head_pct"]
    else:
        key, rivals_pct = "assume", a["rivals_nominal_pct"]
    if rivals_pct is None:
        return t(lang, f"{key}_alone", **own)
    regions = t(lang, "region_one") if n == 1 else t(lang, "region_many", n=n)
    return t(lang, key, **own, rg=rivals_pct, n=n, regions=regions)


def measured_key(scenario: Scenario, key: str) -> str:
    """The text key for the scenario's measure: ``key + "_pc"`` when ranking by GDP per head."""
    return f"{key}_pc" if scenario.per_capita else key


def passed_by_sentence(proj: Projection, lang: str = "en") -> str:
    """Who passes the target, with years; or that nobody does."""
    by = [(_name(proj, e.code, lang), e.year) for e in proj.passes if e.direction == "passed_by"]
    return t(lang, "ans_passed_by", list=_list(by, lang)) if by else t(lang, "passed_by_none")


def summary_text(proj: Projection, years: list[int] | None = None, lang: str = "en") -> str:
    """A short human summary: answer, passes, target rank in chosen years."""
    sc = proj.scenario
    who = sc.panel.regions
    i = sc.target
    where = t(
        lang,
        measured_key(sc, "sum_threshold"),
        k=sc.threshold_rank,
        n=sc.n_regions,
        b=sc.base_year,
        h=sc.horizon,
    )
    region = t(lang, "sum_region", en=who.en[i], zh=who.zh[i], code=who.codes[i])
    lines = [
        f"{sc.name}",
        t(lang, "sum_head", target=t(lang, "sum_target"), region=region, where=where),
        "  " + answer_sentence(proj, lang),
        "  " + passed_by_sentence(proj, lang),
        "  " + assumption_sentence(proj, lang),
    ]
    ranks = " | ".join(f"{y}: {int(proj.target_rank[y - sc.base_year])}" for y in summary_years(proj, years))
    lines.append(f"  {t(lang, 'sum_rank')}  {ranks}")
    lines.append(f"  {t(lang, 'sum_reach')}{t(lang, 'colon')}{_reach_shown(proj, lang)}")
    return "\n".join(lines)


def _reach_shown(proj: Projection, lang: str) -> str:
    """The reach year, "not reached by H", or for a target inside in the base year how long it stays."""
    sc = proj.scenario
    reach, until = proj.reach_year, proj.stays_until
    if until is not None:
        key = "sum_already_through" if until == sc.horizon else "sum_already"
        return t(lang, key, b=sc.base_year, y=until, h=sc.horizon)
    return str(reach) if reach is not None else t(lang, "sum_never", h=sc.horizon)


def montecarlo_line(mc: MonteCarloResult, lang: str = "en") -> str:
    """The Monte Carlo line of ``ranksim run --paths`` / ``montecarlo``: P(reach) by milestone
    years and the reach-year quantiles."""
    doc = mc.to_document()
    probs = doc["reach_probability"]
    horizon = mc.scenario.horizon
    years = sorted({2027, 2030, 2035, horizon})
    paths = t(lang, "mc_path_one") if mc.paths == 1 else t(lang, "mc_paths", n=mc.paths)
    if mc.inside_at_base:  # reaching is certain; the question is staying inside
        stay = doc["stay_probability"]
        through = [t(lang, "mc_through", y=y, p=stay[str(y)]) for y in years if str(y) in stay]
        b = mc.scenario.base_year
        shown = t(lang, "list_sep").join(through)
        return "  " + t(lang, "mc_stay_line", paths=paths, method=mc.method, seed=mc.seed, b=b, shown=shown)
    shown = t(lang, "list_sep").join(t(lang, "mc_by", y=y, p=probs[str(y)]) for y in years if str(y) in probs)
    q = {
        k: v if v is not None else t(lang, "sum_never", h=horizon)
        for k, v in doc["reach_year_quantiles"].items()
    }
    line = "  " + t(
        lang, "mc_line", paths=paths, method=method_label(mc.method, lang), seed=mc.seed, shown=shown,
        q10=q["0.1"], q50=q["0.5"], q90=q["0.9"],
    )  # fmt: skip
    note = median_note(mc, lang)
    if note is not None and doc["reach_year_quantiles"]["0.5"] != mc.projection.reach_year:
        line += "\n  " + note  # only where the two years differ: the terminal stays short
    return line


#: The regions to pass are "bunched" when, in the base year, the largest's ranked level (GDP, or
#: GDP per head) is at most this many percent above the smallest's. The founding case's four
#: rivals lie within 14 % (passed over 2030-2036); at the 3 points a year by which the target
#: outgrows them there, 20 % is about six years of catching up.
BUNCHED_SPREAD_PCT = 20.0


def rival_spread_pct(proj: Projection) -> float | None:
    """How far apart the regions the target must pass are in the base year, by the scenario's
    measure: the largest level over the smallest, minus 1, in percent; None for fewer than two."""
    rivals = proj.rivals()
    if len(rivals) < 2:
        return None
    levels = proj.levels[0, rivals]
    return (float(levels.max()) / float(levels.min()) - 1) * 100


def median_note(mc: MonteCarloResult, lang: str = "en") -> str | None:
    """One sentence on why the median reach year can differ from the scenario's own: the rivals
    are bunched by the ranked measure (within :data:`BUNCHED_SPREAD_PCT`; passing the group takes
    all of them), or else first years of paths are not the path of medians. None when there is
    no rival to pass."""
    proj = mc.projection
    sc = proj.scenario
    q50 = mc.reach_year_quantiles((0.5,))[0.5]
    never = t(lang, "mc_never", h=sc.horizon)
    median = t(lang, "year_fmt", y=q50) if q50 is not None else never
    det = t(lang, "year_fmt", y=proj.reach_year) if proj.reach_year is not None else never
    rivals = proj.rivals()
    if not rivals:
        return None
    spread = rival_spread_pct(proj)
    if spread is not None and spread <= BUNCHED_SPREAD_PCT:
        return t(lang, measured_key(sc, "top_bunched"), q50=median, det=det, n=len(rivals),
                 b=sc.base_year, spread=spread, k=sc.threshold_rank)  # fmt: skip
    return t(lang, "top_bunched_one", q50=median, det=det)  # one rival, or rivals spread apart


def _label(lang: str, key: str, default: str) -> str:
    """``t(lang, key)`` where the table has the key, else ``default`` (a name as the data gives it)."""
    from sim.present.i18n import TEXT

    return t(lang, key) if key in TEXT["en"] else default


def metric_label(name: str, lang: str = "en") -> str:
    """A backtest metric's name in ``lang`` (``rank_mae`` is 名次平均绝对误差 in Chinese)."""
    return _label(lang, f"bt_m_{name}", name)


def national_label(national: str, lang: str = "en") -> str:
    """A backtest's national growth mode in ``lang`` (``trailing`` is 近5年平均 in Chinese)."""
    return _label(lang, f"bt_nat_{national}", national)


def method_label(method: str, lang: str = "en") -> str:
    """An uncertainty method's name in ``lang`` (``bootstrap`` is 整年重抽 in Chinese)."""
    return _label(lang, f"method_{method}", method)


def param_label(param: Parameter, regions: Regions, lang: str = "en") -> str:
    """A parameter as the console shows it: its path (with " (shift)") in English, in words in
    Chinese ("内蒙古实际增速（平移）")."""
    if lang == "en":
        return param.key
    who = regions.label(param.region, lang) if param.region is not None else ""
    shift = t(lang, "shift_mark") if param.mode == "shift" else ""
    return t(lang, f"p_{param.kind}", who=who) + shift


def _param_text(path: str, mode: str, sc: Any, lang: str, *, shift: bool = True) -> str:
    """A parameter path as written, in ``lang`` (the path itself in English), with the shift mark
    for a shifted one unless ``shift`` is False."""
    mark = t(lang, "shift_mark") if shift and mode == "shift" else ""
    if lang == "en":
        return path + mark
    from sim.inputs.params import Parameter, parse_parameter

    p = parse_parameter(sc.panel.regions, path, mode)
    return param_label(Parameter(p.path, "set", p.kind, p.region), sc.panel.regions, lang) + mark


def param_words(param: Parameter, regions: Regions, lang: str = "en") -> str:
    """A parameter in words with its unit, as a chart's axis names it, in both languages:
    "Inner Mongolia real growth, 2026-2030 (%)", "national real growth, shift (pp)",
    "内蒙古实际增速（%）" (never a dotted path such as ``provinces.15.real_growth``)."""
    who = regions.label(param.region, lang) if param.region is not None else ""
    text = t(lang, f"p_{param.kind}", who=who)
    if param.years is not None:
        text += t(lang, "p_years", a=param.years[0], b=param.years[1])
    if param.mode == "shift":
        return text + t(lang, "p_unit_shift")
    years = "p_unit_years"
    unit = {"half_life": years, "deflator_half_life": years, "threshold": "", "province_lead": ""}.get(
        param.kind, "p_unit_pct"
    )
    return text + (t(lang, unit) if unit else "")


def path_label(path: str, mode: str, sc: Any, lang: str) -> str:
    """A parameter path as a chart shows it: in words with its unit (:func:`param_words`); the
    path itself where it has no label."""
    from sim.inputs.params import parse_parameter

    try:
        return param_words(parse_parameter(sc.panel.regions, path, mode), sc.panel.regions, lang)
    except Exception:  # noqa: BLE001 - a label is never worth an error
        return path + (t(lang, "shift_mark") if mode == "shift" else "")


def sweep_labels(sw: Any, lang: str) -> list[str]:
    """The swept parameters in words with their units, in ``lang`` (chart axes)."""
    return [param_words(p, sw.scenario.panel.regions, lang) for p in sw.parameters]


def outcome_label(outcome: str, lang: str = "en") -> str:
    """A sensitivity outcome (``gap_2030``) in words in ``lang`` ("gap in 2030 (%)", "2030年差距（%）")."""
    kind, _, year = outcome.rpartition("_")
    if outcome == "reach_year":
        return t(lang, "o_reach_year")
    return t(lang, f"o_{kind}", y=year) if kind in ("gap", "rank") else outcome


def _width(text: str) -> int:
    """Terminal columns of ``text`` (a Chinese character takes two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, align: str = "right") -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two), aligned
    "right" or "left"."""
    space = " " * max(0, width - _width(text))
    return space + text if align == "right" else text + space


def sweep_text(sw: SweepResult, max_rows: int = 40, lang: str = "en") -> str:
    """The table ``ranksim sweep`` prints: every point's values (a shifted parameter's as signed
    points, "+1 pp"), reach year, the target's rank in every year asked (and the horizon), gap."""
    sc = sw.scenario
    doc = sw.to_document()
    labels = sw.labels()
    shown = [param_label(p, sc.panel.regions, lang) for p in sw.parameters]
    shifted = [p.mode == "shift" for p in sw.parameters]
    widths = [max(24, len(lab), _width(sh)) for lab, sh in zip(labels, shown, strict=True)]
    rank_years = sorted(int(y) for y in sw.outcomes.rank_years)
    prob_years = [str(int(y)) for y in sw.outcomes.rank_years] if sw.probability is not None else []
    lines = [
        t(lang, "sweep_head", name=sc.name, n=len(doc["points"]), k=sc.threshold_rank),
        "  "
        + "  ".join(pad(lab, w) for lab, w in zip(shown, widths, strict=True))
        + pad(t(lang, "col_reach"), 12)
        + "".join(pad(t(lang, "col_rank", y=y), 11) for y in rank_years)
        + pad(t(lang, "col_gap"), 9)
        + "".join(pad(t(lang, "col_prob", y=y), 14) for y in prob_years),
    ]
    for point in doc["points"][:max_rows]:
        vals = "  ".join(
            pad(f"{point['values'][lab]:+g}{t(lang, 'pp_unit')}", w)
            if shift
            else f"{point['values'][lab]:>{w}g}"
            for lab, shift, w in zip(labels, shifted, widths, strict=True)
        )
        reach = str(point["reach_year"]) if point["reach_year"] is not None else t(lang, "never_short")
        probs = "".join(f"{point['reach_probability'][y]:>14.1%}" for y in prob_years)
        by_year = point.get("target_rank", {str(sc.horizon): point["target_rank_at_horizon"]})
        ranks = "".join(f"{by_year[str(y)]:>11}" for y in rank_years)
        gap = point["gap_pct_at_horizon"]
        lines.append(f"  {vals}{pad(reach, 12)}{ranks}{gap:>9.1f}{probs}")
    if len(doc["points"]) > max_rows:
        lines.append(t(lang, "sweep_more", n=len(doc["points"]) - max_rows))
    return "\n".join(lines)


def sensitivity_text(sens: SensitivityResult, lang: str = "en") -> str:
    """The tornado and Sobol tables ``ranksim sensitivity`` prints."""
    sc = sens.scenario
    doc = sens.to_document()
    lines = [
        t(
            lang,
            "sens_head",
            outcome=outcome_label(doc["outcome"], lang),
            name=sc.name,
            v=f"{doc['base_outcome']:g}",
        ),
        "  "
        + pad(t(lang, "col_param"), 44, "left")
        + pad(t(lang, "col_low"), 8)
        + pad(t(lang, "col_high"), 8)
        + pad(t(lang, "col_out_low"), 13)
        + pad(t(lang, "col_out_high"), 14),
    ]
    for b in doc["tornado"]:
        name = _param_text(b["param"], "set", sc, lang) + (
            t(lang, "shift_mark") if b["mode"] == "shift" else ""
        )
        lines.append(
            f"  {pad(name, 44, 'left')}{b['low']:>8g}{b['high']:>8g}"
            f"{pad(_outcome(b['outcome_low'], doc, sc.horizon, lang), 13)}"
            f"{pad(_outcome(b['outcome_high'], doc, sc.horizon, lang), 14)}"
        )
    lines.append(t(lang, "sens_sobol", n=sens.samples))
    first, total = t(lang, "sobol_first"), t(lang, "sobol_total")
    modes = {b["param"]: b["mode"] for b in doc["tornado"]}
    for x in doc["sobol"]:
        label = _param_text(x["param"], modes.get(x["param"], "set"), sc, lang, shift=False)
        if not x.get("defined", True):
            lines.append(f"  {pad(label, 44, 'left')} {t(lang, 'sobol_undefined')}")
            continue
        lines.append(
            f"  {pad(label, 44, 'left')} "
            f"{first} {x['first_order']:.3f} [{x['first_order_ci'][0]:.3f}, "
            f"{x['first_order_ci'][1]:.3f}]  {total} {x['total_order']:.3f} [{x['total_order_ci'][0]:.3f}, "
            f"{x['total_order_ci'][1]:.3f}]"
        )
    if doc["censored_share"]:
        lines.append(t(lang, "sens_censored", share=doc["censored_share"], y=sc.horizon + 1))
    return "\n".join(lines)


def _outcome(value: float, doc: dict[str, Any], horizon: int | None = None, lang: str = "en") -> str:
    """A tornado outcome: a year as a year ("never" for a censored one after ``horizon``), a rank
    or gap with two decimals."""
    if doc["outcome"] != "reach_year":
        return f"{value:.2f}"
    return t(lang, "never_short") if horizon is not None and value > horizon else f"{value:.0f}"


def solve_sentence(sol: SolveResult, lang: str = "en") -> str:
    """The answer of ``ranksim solve`` in one sentence."""
    sc = sol.scenario
    who = sc.panel.regions.label(sc.target, lang)
    prob = t(lang, "with_prob", p=sol.probability) if sol.probability is not None else ""
    stay = "stay_" if sol.question == "stay" else ""
    if sol.lead:
        return lead_sentence(sol, lang, who, prob)
    over = "over_" if sol.over is not None else ""
    a, b = sol.over if sol.over is not None else (sc.base_year + 1, sc.horizon)
    kw = dict(who=who, k=sc.threshold_rank, by=sol.by, prob=prob, a=a, b=b)
    if sol.required_pct is None:
        return t(lang, f"solve_{stay}{over}unreachable", **kw)
    if sol.at_low_bound:
        return t(lang, f"solve_{stay}{over}low_bound", **kw)
    return t(lang, f"solve_{stay}{over}sentence", g=f"{sol.required_pct:.2f}%", b1=sc.base_year + 1, **kw)


def lead_sentence(sol: SolveResult, lang: str, who: str, prob: str) -> str:
    """The lead answer: points a year over the national path, against the target's own record."""
    sc = sol.scenario
    key = "stay_" if sol.question == "stay" else ""
    if sol.required_pct is None:
        return t(lang, f"lead_{key}unreachable", who=who, k=sc.threshold_rank, by=sol.by, prob=prob)
    past = sol.historical_lead_pp
    history = "" if past is None else t(
        lang, "lead_history", who=who, a=sc.base_year - 9, b=sc.base_year, cmp=lead_words(lang, past)
    )
    return t(
        lang, f"lead_{key}sentence", who=who, k=sc.threshold_rank, by=sol.by, prob=prob,
        cmp=lead_words(lang, sol.required_pct, at_least=key == "stay_"),
        b1=sc.base_year + 1,
    ) + history  # fmt: skip


def solve_text(sol: SolveResult, lang: str = "en") -> str:
    """The sentence and the curve of required growth by deadline that ``ranksim solve`` prints."""
    kind = (
        t(lang, "solve_kind_prob", p=sol.probability) if sol.curve_probability else t(lang, "solve_kind_det")
    )
    unit = t(lang, "pp_unit") if sol.lead else "%"
    low = float(sol.grid[0])

    def shown(g: float | None) -> str:  # the bottom of the range searched is a bound, not an answer
        if g is None:
            return "–"
        if g <= low:
            return f"≤ {low:g}{unit}"
        return f"{g:+.2f}{unit}" if sol.lead else f"{g:.2f}%"

    curve = t(lang, "list_sep").join(f"{y}: {shown(g)}" for y, g in sol.curve)
    head = t(lang, "solve_stay_curve" if sol.question == "stay" else "solve_curve", kind=kind)
    if sol.lead:
        head = t(lang, "lead_curve", kind=kind)
    text = solve_sentence(sol, lang) + "\n" + head + curve
    return text + "\n" + gaps_text(sol, lang) if sol.over is not None else text


def gaps_text(sol: SolveResult, lang: str = "en") -> str:
    """The year-by-year gap to the threshold under the own path and under the answer (terminal)."""
    from sim import names

    sc = sol.scenario
    cols = names.solve_gap_columns(sc.per_capita)
    unit = t(lang, "unit_yuan_head" if sc.per_capita else "unit_100m")
    lines = [t(lang, "gaps_head", k=sc.threshold_rank, unit=unit)]
    for row in sol.gaps().to_dict("records"):
        own = f"{row[cols['gap_own']]:+,.0f} ({row[cols['gap_own_pct']]:+.1f}%)"
        ans = row[cols["gap_answer"]]
        answer = "–" if ans != ans else f"{ans:+,.0f} ({row[cols['gap_answer_pct']]:+.1f}%)"
        lines.append(f"    {int(row['year'])}: {own} → {answer}")
    return "\n".join(lines)


def backtest_text(bt: BacktestResult, lang: str = "en") -> str:
    """The metrics table ``ranksim backtest`` prints, model against "ranks stay"."""
    doc = bt.to_document()
    m, v = doc["model"], doc["naive"]
    years = doc["jump_off_years"]
    metric = lambda key: _label(lang, f"bt_m_{key}", key)  # noqa: E731
    width = max(_width(metric(key)) for key in m) + 2
    lines = [
        t(lang, "bt_head", name=scenario_name(bt.scenario, lang), h=bt.horizon, y0=years[0], y1=years[-1],
          n=len(years),
          nat=_label(lang, f"bt_nat_{bt.national}", bt.national)),
        "  " + " " * width + pad(t(lang, "bt_col_model"), 8) + pad(t(lang, "bt_col_naive"), 8),
        *(f"  {pad(metric(key), width, 'left')}{m[key]:>8.3f}{v[key]:>8.3f}" for key in m),
        t(lang, "bt_verdict_yes" if m["rank_mae"] < v["rank_mae"] else "bt_verdict_no"),
    ]  # fmt: skip
    if doc["coverage"] is not None:
        lines.append(t(lang, "bt_coverage", c50=doc["coverage"]["0.5"], c80=doc["coverage"]["0.8"]))
    if doc["coverage_level"] is not None:
        lines.append(t(lang, "bt_level", c50=doc["coverage_level"]["0.5"], c80=doc["coverage_level"]["0.8"]))
    rev = bt.revisions()
    if rev is not None:
        names = t(lang, "list_sep").join(sorted(set(rev["vintages"].values())))
        lines.append(t(lang, "bt_revisions", vintages=names, share=rev["revision_share"],
                       old=rev["naive_as_published_rank_mae"], new=rev["naive_final_rank_mae"]))  # fmt: skip
    return "\n".join(lines)


def model_oos_line(oos: dict[str, Any], lang: str = "en") -> str:
    """The honest (rolling-origin) rank error line under ``ranksim backtest``'s table."""
    line = t(lang, "bt_oos", oos=oos["rank_mae"], ins=oos["in_sample_rank_mae"])
    dropped = oos.get("horizons_dropped") or []
    if dropped:
        sep = t(lang, "list_sep")
        line += "\n" + t(
            lang,
            "bt_oos_short",
            dropped=sep.join(str(h) for h in dropped),
            kept=sep.join(str(h) for h in oos["horizons"]),
            windows=sep.join(str(w) for w in oos["candidates"]["window_years"]),
        )
    return line


def sweep_sentence(sw: SweepResult, lang: str = "en") -> str:
    """A sweep's answer in one or two sentences: the range of reach years over the grid (where each
    end lies, for one parameter), how many points never reach, and the share reaching by the
    milestone years (for one parameter: the values that do)."""
    import numpy as np

    sc = sw.scenario
    reach = sw.reach_grid().reshape(-1)
    finite = reach[np.isfinite(reach)]
    n, never = reach.size, int(np.isnan(reach).sum())
    label = param_words(sw.parameters[0], sc.panel.regions, lang)
    if not finite.size:
        return t(lang, "sweep_ans_never", n=n, k=sc.threshold_rank, h=sc.horizon)
    parts = [t(lang, "sweep_ans_range", n=n, k=sc.threshold_rank, a=int(finite.min()), b=int(finite.max()))]
    if never:
        parts.append(t(lang, "sweep_ans_some_never", m=never, h=sc.horizon))
    milestones = [y for y in (2030, 2035) if sc.base_year < y <= sc.horizon]
    if len(sw.parameters) == 1:
        values = np.asarray(sw.values[0], dtype=float)
        grid = sw.reach_grid().reshape(len(values), -1)[:, 0]
        for y in milestones:
            ok = values[np.isfinite(grid) & (grid <= y)]
            shown = f"{ok.min():g} – {ok.max():g}" if ok.size > 1 else f"{ok[0]:g}" if ok.size else ""
            shown = shown or t(lang, "sweep_ans_none")
            parts.append(t(lang, "sweep_ans_values", y=y, param=label, v=shown))
    else:
        for y in milestones:
            share = float((np.isfinite(reach) & (reach <= y)).mean())
            parts.append(t(lang, "sweep_ans_share", y=y, p=probability_text(share)))
    return "".join(parts) + t(lang, "full_stop")


def sensitivity_sentence(sens: SensitivityResult, lang: str = "en") -> str:
    """A sensitivity analysis's answer: the assumption that moves the outcome most, and by how much."""
    if not sens.tornado:
        return ""
    top = sens.tornado[0]
    sc = sens.scenario
    name = path_label(top.param, top.mode, sc, lang)
    out = t(lang, "sens_ans", outcome=outcome_label(sens.outcome, lang), param=name, lo=top.low, hi=top.high,
            a=top.outcome_low, b=top.outcome_high, base=sens.base_outcome)  # fmt: skip
    defined = [x for x in sens.sobol if x.defined]
    if defined:
        best = max(defined, key=lambda x: x.total_order)
        out += t(lang, "sens_ans_sobol", param=path_label(best.param, "set", sc, lang), s=best.total_order)
    return out


def price_model_text(panel: Panel, last_year: int, lang: str = "en") -> str:
    """``ranksim data --model``: the error-correction price model (both speed groupings) with
    standard errors and estimation years, and every resource region's commodity loading. A panel
    without the coal and energy regions (a province's cities) has neither the grouping nor the
    commodity factor: only the pooled model is shown, and a note says why."""
    from sim.model.prices import RESOURCE_CODES, commodity_loadings, estimate

    codes = panel.regions.codes
    resource = [codes.index(c) for c in RESOURCE_CODES if c in codes]
    lines = [t(lang, "pm_head", file=panel.path.name, y=last_year)]
    for separate in (False, True) if resource else (False,):
        m = estimate(panel, last_year, separate_speed=separate)
        speed = (
            t(lang, "pm_speed_groups", b1=m.speed_resource, s1=m.speed_resource_se, b2=m.speed, s2=m.speed_se)
            if separate
            else t(lang, "pm_speed", b=m.speed, s=m.speed_se)
        )
        kind = t(lang, "pm_by_group" if separate else "pm_pooled")
        y0, y1 = int(m.years[0]), int(m.years[-1])
        lines.append(t(lang, "pm_line", kind=kind, speed=speed, y0=y0, y1=y1, n=m.n_obs, r2=m.r2))
    if not resource:
        lines.append(t(lang, "pm_no_resource"))
        return "\n".join(lines)
    loading, se = commodity_loadings(panel, last_year)
    lines.append(t(lang, "pm_factor"))
    for i in resource:
        who = pad(panel.regions.label(i, lang), 16, "left")
        lines.append(f"    {who}{loading[i]:>7.2f}" + t(lang, "pm_se", s=se[i]))
    others = [i for i in range(len(codes)) if i not in resource]
    lines.append(
        t(lang, "pm_others", m=loading[others].mean(), lo=loading[others].min(), hi=loading[others].max())
    )
    return "\n".join(lines)


# --------------------------------------------------------------------------- diff labels


def change_label(change: Any, result: Any, lang: str) -> str:
    """What a change is, in words: "national real growth", "Inner Mongolia" ..."""
    if change.region is not None:
        return result.a.panel.regions.label(change.region, lang)
    return t(lang, f"dk_{change.key}")


def outcome_titles(result: Any, lang: str) -> list[str]:
    """Column titles of the outcomes: reach year, then the gap at each year."""
    return [t(lang, "diff_outcome_reach"), *(t(lang, "diff_outcome_gap", y=int(y)) for y in result.years)]


