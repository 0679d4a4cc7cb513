"""One self-contained HTML report: answer, assumptions, charts, provenance.

plotly.js is embedded once in the page head; every chart is a ``<div class="chart">``.
Every text that comes from a scenario or data file is passed through :func:`html.escape`.
Analyses (Monte Carlo, sweeps, solve, backtest) add their sections with :meth:`Report.add_figure`
and :meth:`Report.add_html`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from sim._typing import FloatArray
from sim.analyses.backtest import BacktestResult
from sim.analyses.montecarlo import MonteCarloResult
from sim.analyses.presets import NationalComparison
from sim.analyses.sensitivity import SensitivityResult
from sim.analyses.solve import SolveResult
from sim.analyses.sweep import SweepResult
from sim.engine.projection import Projection, project
from sim.errors import InputError
from sim.inputs.panel import DATA_DIR, DEFAULT_WINDOW_YEARS
from sim.model.growth import price_half_life
from sim.model.scenario import Scenario
from sim.present.i18n import lead_words, region_word, t
from sim.present.registry import charts_for
from sim.present.text import (
    answer_sentence,
    assumption_sentence,
    measured_key,
    median_note,
    passed_by_sentence,
    solve_sentence,
    summary_years,
)
from sim.present.track import track_sentence
from sim.provenance import Provenance

esc = html.escape

CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",Arial,sans-serif;margin:0;color:#222;background:#fafafa}
main{max-width:1180px;margin:0 auto;padding:24px 28px 60px;background:#fff}
h1{font-size:1.6em;margin:0 0 4px} h2{font-size:1.25em;margin-top:36px;border-bottom:1px solid #ddd;padding-bottom:4px}
.answer{font-size:1.15em;line-height:1.55;background:#fff4ec;border-left:5px solid #D55E00;padding:12px 16px;margin:16px 0}
.muted{color:#666;font-size:.92em} table.t{border-collapse:collapse;width:100%;font-size:.93em;margin:8px 0}
table.t th,table.t td{border-bottom:1px solid #e4e4e4;padding:6px 8px;text-align:left;vertical-align:top}
table.t th{background:#f2f2f2} code{font-size:.9em;word-break:break-all}
.chart{margin:18px 0 8px;min-height:200px} .ranks td{text-align:center}
.wide{overflow-x:auto} table.growth{font-size:.8em} table.growth td,table.growth th{padding:3px 5px;white-space:nowrap;text-align:right}
table.growth td.src,table.growth td.kind,table.growth th,table.growth td[rowspan]{text-align:left;white-space:normal} table.growth td.src{min-width:10em} table.growth td.target{color:#D55E00;font-weight:bold}
details summary{cursor:pointer;color:#0072B2;margin:8px 0}
"""


@dataclass
class Report:
    """An HTML report under construction; :meth:`render` gives the whole page as a string."""

    title: str
    lang: str = "en"
    parts: list[str] = field(default_factory=list)
    _charts: int = 0

    def add_heading(self, text: str) -> None:
        """Add a section heading (``<h2>``), escaped."""
        self.parts.append(f"<h2>{esc(text)}</h2>")

    def add_paragraph(self, text: str, css: str = "") -> None:
        """Add an escaped paragraph, with CSS class ``css`` if given."""
        cls = f' class="{css}"' if css else ""
        self.parts.append(f"<p{cls}>{esc(text)}</p>")

    def add_html(self, trusted_html: str) -> None:
        """Add markup built by ranksim itself (callers escape any user text in it)."""
        self.parts.append(trusted_html)

    def add_table(self, header: Sequence[str], rows: Sequence[Sequence[Any]], css: str = "t") -> None:
        """Add a table with CSS class ``css``; every header and cell is escaped."""
        head = "".join(f"<th>{esc(str(h))}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{esc(str(c))}</td>" for c in row) + "</tr>" for row in rows)
        self.parts.append(f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')

    def add_figure(self, fig: go.Figure, name: str = "") -> None:
        """Add a chart; ``name`` (e.g. "bump") labels its container for tests and screenshots."""
        self._charts += 1
        div = fig.to_html(
            full_html=False,
            include_plotlyjs=False,
            div_id=f"chart-{self._charts}",
            auto_play=False,
            config={"displaylogo": False, "responsive": True},
        )
        label = esc(name or f"chart-{self._charts}")
        self.parts.append(f'<div class="chart" data-chart="{self._charts}" data-name="{label}">{div}</div>')

    def render(self) -> str:
        """The whole self-contained HTML page, plotly.js embedded in its head."""
        lang = "zh-CN" if self.lang == "zh" else "en"
        return (
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(self.title)}</title>\n<style>{CSS}</style>\n"
            f'<script type="text/javascript">{get_plotlyjs()}</script>\n</head>\n<body>\n<main>\n'
            + "\n".join(self.parts)
            + "\n</main>\n</body>\n</html>\n"
        )


def add_charts(report: Report, result: Any) -> None:
    """Every registered chart of ``result`` (:mod:`sim.present.registry`), in order."""
    for chart in charts_for(result):
        report.add_figure(chart.draw(result, report.lang), chart.name)


def _path_text(value: Any, lang: str, scenario: Scenario, resolved: Any, unit: str = "%") -> str:
    """A path as the file wrote it; "trailing" with the value it resolved to; a lead over the
    national path in percentage points."""
    if value == "trailing":
        return t(lang, "trailing", b=scenario.base_year, v=float(resolved[0]))
    if isinstance(value, dict) and "lead" in value:
        return t(lang, "lead_text", lead=_path_text(value["lead"], lang, scenario, resolved, " pp"))
    if isinstance(value, dict):
        return " → ".join(f"{y}: {v:g}{unit}" for y, v in sorted(value.items()))
    return f"{float(value):g}{unit}"


def set_in(scenario: Scenario, key: str, lang: str) -> str:
    """Where a written value comes from when its line has no comment: "set in child.yaml" (the
    file whose line writes it, so a child's value never carries its parent's words); "" for a
    value no file line writes."""
    loc = scenario.source.locations.get(key)
    if loc is None or not loc.file:
        return ""
    return t(lang, "set_in", file=Path(loc.file).name)


def source_note(scenario: Scenario, key: str, lang: str) -> str:
    """The source column of an assumption: the comment on its own line, else where it is set."""
    return scenario.source.comments.get(key, "") or set_in(scenario, key, lang)


def _national_source(scenario: Scenario, key: str, lang: str) -> str:
    """The source of a national path: the file's comment, else the file that writes it, else
    the preset it comes from."""
    comment = scenario.source.comments.get(key, "") or set_in(scenario, key, lang)
    preset = scenario.national_preset
    if comment or preset is None:
        return comment
    from sim.inputs.presets import load_presets

    p = load_presets()[preset]
    sep = "：" if lang == "zh" else ": "
    return f"{p.label(lang)}{sep}{p.source_text(lang)}"


def _levels_text(levels: dict[int, float]) -> str:
    return ", ".join(f"{y}: {v:,.1f}" for y, v in levels.items())


def file_shown(path: Path) -> str:
    """A data file as the report names it: relative to the working folder where it lies inside it
    (``imm_cities_targets.csv`` run from the panel's folder, ``city/imm_cities_targets.csv`` from
    its parent), else relative to the project (the bundled ``data/growth_targets.csv``), else as
    given."""
    resolved = path.resolve()
    for root in (Path.cwd().resolve(), DATA_DIR.parent.resolve()):
        if resolved.is_relative_to(root):
            return resolved.relative_to(root).as_posix()
    return str(path)


def _model_text(scenario: Scenario, lang: str) -> str:
    o = scenario.others
    ex = t(lang, "excl", y=", ".join(map(str, o.exclude_years))) if o.exclude_years else ""
    decay = t(lang, "decay", h=o.half_life) if o.half_life else t(lang, "no_decay")
    w0, w1 = o.window
    targets = scenario.panel.scope.targets
    file = file_shown(targets) if targets is not None else ""
    text = t(lang, f"m_{o.model}", w0=w0, w1=w1, ex=ex, decay=decay, file=file)
    if o.model == "targets" and "targets" not in scenario.growth.source_real:
        text = t(lang, "m_targets_none", file=file) + t(lang, "m_spread", w0=w0, w1=w1, ex=ex, decay=decay)
    if o.model == "national":
        return text
    if scenario.prices is not None:
        b = scenario.prices.speed
        return text + t(lang, "dm_error_correction", b=b, y0=int(scenario.prices.years[0]), y1=w1)
    if o.deflator_model in ("resource_neutral", "factor_neutral"):
        return text + _grouped_text(scenario, lang)
    if o.deflator_model == "mean_spread" and o.deflator_half_life is not None:
        return text + t(lang, "dm_fading", d=_deflator_decay(scenario, lang))
    return text + t(lang, f"dm_{o.deflator_model}")


def _deflator_decay(scenario: Scenario, lang: str) -> str:
    """How the deflator spreads fade when they have a half-life of their own ("" when they fade
    like the growth spreads)."""
    o = scenario.others
    h = price_half_life(o.half_life, o.deflator_half_life)
    if h == o.half_life:
        return ""
    return t(lang, "dh_year") if h == 1 else t(lang, "dh_years", h=h)


def _grouped_text(scenario: Scenario, lang: str) -> str:
    """A deflator rule that keeps every region's spread but a group's: the panel's coal and energy
    regions (resource_neutral) or the price-cycle group estimated from the data up to the base year
    (factor_neutral), named; none on a panel without them: then every deflator carries its spread."""
    from sim.model.prices import RESOURCE_CODES, factor_group

    regions, d = scenario.panel.regions, _deflator_decay(scenario, lang)
    if scenario.others.deflator_model == "resource_neutral":
        group = [regions.codes.index(c) for c in RESOURCE_CODES if c in regions.codes]
    else:
        group = list(factor_group(scenario.panel, scenario.base_year))
    if not group:
        return t(lang, "dm_spread_only", d=d)
    names = t(lang, "list_sep_enum").join(regions.label(i, lang) for i in group)
    return t(lang, f"dm_{scenario.others.deflator_model}", names=names, d=d)


def _own_comment(sc: Scenario, code: str, attr: str, lang: str, *, written: bool) -> str:
    """The comment of one province row: the one on its own key, else the one on the province's
    line (``Guangxi: {real_growth: 7}  # note``) when that line is in the file that writes the
    value, else "set in FILE"; never a comment on a row whose value comes from the model (issue
    15: a comment belongs only to the value it annotates; issue 24: and to its own file)."""
    com, locs = sc.source.comments, sc.source.locations
    key = f"provinces.{code}.{attr}"
    own = com.get(key, "")
    if own or not written:
        return own
    line, value = locs.get(f"provinces.{code}"), locs.get(key)
    same_file = line is not None and value is not None and line.file == value.file
    return (com.get(f"provinces.{code}", "") if same_file else "") or set_in(sc, key, lang)


def _cycle_text(scenario: Scenario, lang: str) -> str:
    """The price-cycle group's lean toward "shares stay", naming the regions estimated at the base
    year; "" when no region leans (a share of 1, no spreads, no group)."""
    from sim.model.prices import factor_group

    o = scenario.others
    if o.model == "national" or o.cycle_weight == 1.0:
        return ""
    group = factor_group(scenario.panel, scenario.base_year)
    if not group:
        return ""
    names = t(lang, "list_sep_enum").join(scenario.panel.regions.label(i, lang) for i in group)
    return t(lang, "cycle_kept", names=names, w=o.cycle_weight * 100, year=scenario.base_year)


def assumptions_rows(proj: Projection, lang: str) -> list[tuple[str, str, str]]:
    """(assumption, value, source comment) rows of the assumptions table."""
    sc = proj.scenario
    regions = sc.panel.regions
    com = sc.source.comments
    g = sc.growth
    k = sc.threshold_rank
    rows = [
        (t(lang, "a_threshold"), f"≤ {k} / {sc.n_regions}", source_note(sc, "threshold_rank", lang)),
        (
            t(lang, "a_nat_real"),
            _path_text(sc.national_written[0], lang, sc, g.national_real_pct),
            _national_source(sc, "national.real_growth", lang),
        ),
        (
            t(lang, "a_nat_defl"),
            _path_text(sc.national_written[1], lang, sc, g.national_deflator_pct),
            _national_source(sc, "national.deflator", lang),
        ),
    ]
    if sc.national_gdp:
        rows.append((t(lang, "a_nat_gdp"), _levels_text(sc.national_gdp), source_note(sc, "national.gdp", lang)))
    if np.any(sc.commodity_pct):
        path = ", ".join(f"{y}: {v:+g} pp" for y, v in zip(sc.years, sc.commodity_pct, strict=True) if v)
        rows.append((t(lang, "a_commodity"), path, source_note(sc, "prices.commodity", lang)))
    model = _model_text(sc, lang)
    listed = [sc.target, *[i for i in [*sc.provinces, *sc.plans] if i != sc.target]]
    listed = list(dict.fromkeys(listed))
    for i in listed:
        who = regions.label(i, lang)
        code = regions.codes[i]
        written = sc.provinces.get(i, (None, None))
        spread = t(lang, "spread_of", r=g.spread_real[i] * 100, d=g.spread_deflator[i] * 100)
        for value, attr, key in zip(written, ("real_growth", "deflator"), ("real", "defl"), strict=True):
            label_key = f"a_target_{key}" if i == sc.target else f"a_prov_{key}"
            text = (
                _path_text(value, lang, sc, None)
                if value is not None
                else t(lang, "from_model", desc=model)
                + (t(lang, "list_semicolon") + spread if sc.others.model != "national" else "")
            )
            rows.append(
                (
                    t(lang, label_key, who=who),
                    text,
                    _own_comment(sc, code, attr, lang, written=value is not None),
                )
            )
        plan = sc.plans.get(i, {})
        for attr, shifts in (plan.get("shift") or {}).items():
            if shifts:
                text = ", ".join(f"{y}: {v:+g} pp" for y, v in shifts.items())
                rows.append(
                    (t(lang, "a_shift", who=who, what=attr), text, source_note(sc, f"provinces.{code}.shift", lang))
                )
        if plan.get("gdp"):
            rows.append(
                (t(lang, "a_gdp", who=who), _levels_text(plan["gdp"]), source_note(sc, f"provinces.{code}.gdp", lang))
            )
    others_note = "; ".join(
        filter(
            None,
            (com.get(f"others.{k}", "") for k in ("model", "window", "half_life", "deflator_model", "deflator_half_life")),
        )
    )
    rows.append((t(lang, "a_others"), model, others_note))
    cycle = _cycle_text(sc, lang)
    if cycle:
        rows.append((t(lang, "a_cycle"), cycle, com.get("others.cycle_weight", "")))
    from sim.present.edge import warning_parts

    for warning in sc.warnings:  # implausible or ambiguous values, as the terminal printed them
        head, shown = warning_parts(warning, lang)  # the panel's names, in the report's language
        rows.append((t(lang, "a_warning"), shown, head))
    return rows


def answer_box(proj: Projection, lang: str, mc: MonteCarloResult | None = None) -> str:
    """The report's top box: the answer, who passes the target, P(reach) by the deadline years
    and why the median reach year can differ (when Monte Carlo ran), and the assumptions in one
    sentence."""
    parts = [answer_sentence(proj, lang), passed_by_sentence(proj, lang)]
    if mc is not None:
        parts += montecarlo_top(proj, mc, lang)
    body = "".join(f"<p>{esc(p)}</p>" for p in parts)
    return f'<div class="answer" id="answer">{body}<p class="muted">{esc(assumption_sentence(proj, lang))}</p></div>'


def montecarlo_top(proj: Projection, mc: MonteCarloResult, lang: str) -> list[str]:
    """P(reach) by 2027, 2030, 2035 and the horizon with the median reach year; then one sentence
    on why that median can differ from the scenario's own reach year (the rivals are bunched)."""
    sc = proj.scenario
    prob = mc.reach_probability()
    years = [y for y in sorted({2027, 2030, 2035, sc.horizon}) if sc.base_year < y <= sc.horizon]
    shown = t(lang, "list_sep").join(
        t(lang, "top_mc_by", y=y, p=_pct(float(prob[y - sc.base_year]))) for y in years
    )
    q50 = mc.reach_year_quantiles((0.5,))[0.5]
    never = t(lang, "mc_never", h=sc.horizon)
    median = t(lang, "year_fmt", y=q50) if q50 is not None else never
    seed = mc.seed if mc.seed is not None else "–"
    out = [t(lang, "top_mc", paths=mc.paths, seed=seed, shown=shown, q50=median)]
    note = median_note(mc, lang)
    if note is not None:
        out.append(note)
    return out


def _source_label(label: str, lang: str) -> str:
    """A source label (``model+shift``) in words."""
    base, *extra = label.split("+")
    return t(lang, f"src_{base}") + "".join(
        t(lang, "src_shift") if e == "shift" else " + " + t(lang, f"src_{e}") for e in extra
    )


def _source_runs(labels: Sequence[str], years: Sequence[int], lang: str) -> str:
    """The sources of one region's path as runs of years: "preliminary figure (2025); model (2026-2040)"."""
    runs: list[tuple[str, int, int]] = []
    for label, year in zip(labels, years, strict=True):
        if runs and runs[-1][0] == label:
            runs[-1] = (label, runs[-1][1], year)
        else:
            runs.append((label, year, year))
    if len(runs) == 1:  # one source for every year
        return _source_label(runs[0][0], lang)
    return "; ".join(f"{_source_label(lab, lang)} ({a}{'' if a == b else f'-{b}'})" for lab, a, b in runs)


def growth_table_html(proj: Projection, regions: Sequence[int], lang: str, table_id: str) -> str:
    """Real growth, deflator and nominal growth of ``regions`` in every projected year, each
    path with where its values come from (runs of years by source)."""
    years = [int(y) for y in proj.years[1:]]
    real, defl = np.expm1(proj.growth.real) * 100, np.expm1(proj.growth.deflator) * 100
    nominal = np.expm1(proj.growth.nominal) * 100
    src = proj.sources
    b = proj.scenario.base_year
    head = (
        f"<th>{esc(t(lang, 'at_region'))}</th><th>{esc(t(lang, 'at_rank', b=b))}</th><th></th>"
        f"<th>{esc(t(lang, 'at_source'))}</th>" + "".join(f"<th>{y}</th>" for y in years)
    )
    rows = []
    label = proj.scenario.panel.regions.label
    for j in regions:
        target = ' class="region target"' if j == proj.target else ' class="region"'
        nominal_src = ["preliminary" if s == "preliminary" else "computed" for s in src.deflator[:, j]]
        paths: list[tuple[str, FloatArray, list[str]]] = [
            ("at_real", real, [str(x) for x in src.real[:, j]]),
            ("at_defl", defl, [str(x) for x in src.deflator[:, j]]),
            ("at_nominal", nominal, nominal_src),
        ]
        for k, (name, values, labels) in enumerate(paths):
            who = (
                f'<td rowspan="3"{target}>{esc(label(j, lang))}</td><td rowspan="3">{int(proj.ranks[0, j])}</td>'
                if k == 0
                else ""
            )
            sources = _source_runs(labels, years, lang)
            cells = "".join(
                f'<td title="{esc(_source_label(s, lang))}">{v:.2f}</td>'
                for v, s in zip(values[:, j], labels, strict=True)
            )
            rows.append(
                f'<tr>{who}<td class="kind">{esc(t(lang, name))}</td><td class="src">{esc(sources)}</td>{cells}</tr>'
            )
    return (
        f'<div class="wide"><table class="t growth" id="{table_id}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def add_growth_table(report: Report, proj: Projection) -> None:
    """Every region's growth year by year with its sources: the regions ranked around the
    threshold first, the others behind a toggle."""
    lang = report.lang
    focus = proj.focus()
    rest = [j for j in np.argsort(proj.ranks[0], kind="stable") if int(j) not in set(focus)]
    ranks = [int(proj.ranks[0, j]) for j in focus]
    report.add_html(f"<h3>{esc(t(lang, 'at_title'))}</h3>")
    report.add_paragraph(t(lang, "at_note", its=region_word(lang, proj.scenario.panel.scope.kind)), "muted")
    report.add_paragraph(t(lang, "at_focus", lo=min(ranks), hi=max(ranks), b=proj.scenario.base_year))
    report.add_html(growth_table_html(proj, focus, lang, "growth-focus"))
    if rest:
        summary = esc(t(lang, "at_rest", n=len(rest)))
        table = growth_table_html(proj, [int(j) for j in rest], lang, "growth-rest")
        report.add_html(f'<details id="growth-rest-toggle"><summary>{summary}</summary>{table}</details>')


#: Keys a child file writes that change nothing a description describes.
_NOT_DESCRIBED = ("name", "extends", "description", "$schema", "sweep", "sensitivity")


def own_description(sc: Scenario, lang: str) -> str:
    """The description the report shows: the scenario's own; a description inherited through
    ``extends`` only when the file changes nothing it could describe (else one line saying which
    file's description is not repeated, and what this file changes); a variant made in code adds
    what was changed."""
    text = (sc.description or "").strip()
    if not text:
        return ""
    top = Path(sc.source.path).resolve() if str(sc.source.path) else None
    where = sc.source.locations.get("description")
    if where is not None and top is not None and Path(where.file).resolve() != top:
        locs = sc.source.locations
        changed = sorted(
            k for k, loc in locs.items()
            if Path(loc.file).resolve() == top and k.split(".")[0] not in _NOT_DESCRIBED
            and not any(o.startswith(k + ".") for o in locs)  # the leaves
        )  # fmt: skip
        if changed:
            return t(lang, "desc_inherited", parent=Path(where.file).name, keys=", ".join(changed))
    made = [k for k, _ in sc.source.changes if k != "name"]
    if made:
        text += t(lang, "desc_changed_in_code", keys=", ".join(made))
    return text


def add_run_sections(
    report: Report, proj: Projection, mc: MonteCarloResult | None = None, *, title: bool = True
) -> None:
    """The answer (with P(reach) when Monte Carlo ran), the midfield definition, assumptions
    (the scenario's, then every region's growth year by year) and the five projection charts;
    under the scenario's name as the page title, or (``title=False``, below an analysis that
    leads the page) under a section heading."""
    sc, lang = proj.scenario, report.lang
    if title:
        report.add_html(f"<h1>{esc(sc.name)}</h1>")
    else:
        report.add_heading(t(lang, "run_context"))
    description = own_description(sc, lang)
    if description:
        report.add_paragraph(description, "muted")
    report.add_html(answer_box(proj, lang, mc))
    median = t(lang, "median") if sc.threshold_rank == (sc.n_regions + 1) // 2 else ""
    report.add_paragraph(
        t(lang, measured_key(sc, "midfield"), k=sc.threshold_rank, n=sc.n_regions, median=median)
    )
    years = summary_years(proj)
    report.add_table(
        [t(lang, "year"), *map(str, years)],
        [[t(lang, "rank_by_year"), *[int(proj.target_rank[y - sc.base_year]) for y in years]]],
        css="t ranks",
    )
    add_measures_table(report, proj)
    record = track_sentence(sc, lang)
    if record:
        report.add_paragraph(record)
    note = base_year_note(proj, lang)
    if note:
        report.add_paragraph(note, "muted")
    check = proj.actual_check()
    if check:
        report.add_paragraph(t(lang, "actual_title"))
        keys = ("projected_rank", "actual_rank", "projected_gdp", "actual_gdp", "gdp_error")
        report.add_table(
            [t(lang, "year"), *(t(lang, k) for k in keys)],
            [
                [
                    r["year"],
                    r["projected_rank"],
                    r["actual_rank"],
                    f"{r['projected_gdp']:,.1f}",
                    f"{r['actual_gdp']:,.1f}",
                    f"{r['gdp_error_pct']:+.2f}",
                ]
                for r in check
            ],
        )
    report.add_heading(t(lang, "assumptions"))
    report.add_paragraph(t(lang, "percent_note"), "muted")
    report.add_table(
        [t(lang, "assumption"), t(lang, "value"), t(lang, "source")], assumptions_rows(proj, lang)
    )
    add_growth_table(report, proj)
    report.add_heading(t(lang, "charts"))
    add_charts(report, proj)


def base_year_note(proj: Projection, lang: str) -> str:
    """One sentence on the base year's values that are not final (preliminary, estimated)."""
    st = proj.base_year_status()
    if not st["preliminary"] and st["national"] == "final":
        return ""
    regions = proj.scenario.panel.regions

    def names(codes: Sequence[str]) -> str:
        sep = "、" if lang == "zh" else ", "
        return sep.join(regions.label(regions.codes.index(c), lang) for c in codes)

    n = len(regions.codes)
    what = t(lang, "data_status_all") if len(st["preliminary"]) == n else names(st["preliminary"])
    if st["national"] != "final":
        what += "、" + t(lang, "data_nation") if lang == "zh" else f", {t(lang, 'data_nation')}"
    lp, rp = ("（", "）") if lang == "zh" else (" (", ")")
    est = [f"{t(lang, 'status_field_' + f)}{lp}{names(c)}{rp}" for f, c in st["estimated"].items()]
    est_text = "; ".join(est) if est else t(lang, "data_status_none")
    return t(lang, "data_status_note", year=proj.scenario.base_year, what=what, est=est_text)


def measure_thresholds(n_regions: int) -> tuple[int, ...]:
    """Thresholds of the "which midfield?" table of both measures: the ranks from a third to two
    thirds of the ranking (10-20 of 31, 4-8 of 12; :func:`sim.analyses.sweep.midfield_thresholds`)."""
    from sim.analyses.sweep import midfield_thresholds

    return midfield_thresholds(n_regions)


def measures_table(proj: Projection) -> dict[str, dict[int, int | None] | int]:
    """For the midfield thresholds (:func:`measure_thresholds`: 10-20 of 31, 4-8 of 12), the year
    each is reached under the same scenario by GDP and by GDP per head (``{"gdp": {K: year},
    "gdp_per_capita": {K: year}, "gdp_rank": r, "gdp_per_capita_rank": r}``); without the
    ``gdp_per_capita`` keys when the panel has no population for GDP per head."""
    sc = proj.scenario
    ks = list(measure_thresholds(sc.n_regions))
    other_measure = "gdp" if sc.per_capita else "gdp_per_capita"
    projections = [proj]
    try:
        projections.append(project(sc.with_changes({"measure": other_measure}, rename=False)))
    except InputError:  # no population column: GDP alone (a per-head scenario always has one)
        pass
    out: dict[str, dict[int, int | None] | int] = {}
    for p in projections:
        out[p.scenario.measure] = p.reach_by_threshold(ks)
        out[f"{p.scenario.measure}_rank"] = int(p.target_rank[0])
    return out


def add_measures_table(report: Report, proj: Projection) -> None:
    """The "which midfield?" table: the midfield thresholds by GDP and by GDP per head, side by
    side; by GDP alone, with a note, when the panel has no population."""
    lang, sc = report.lang, proj.scenario
    table = measures_table(proj)
    report.add_paragraph(t(lang, "measures_title"))

    def shown(year: int | None) -> str:
        if year is None:
            return t(lang, "measures_never", h=sc.horizon)
        return t(lang, "measures_already", b=sc.base_year) if year == sc.base_year else str(year)

    measures = [m for m in ("gdp", "gdp_per_capita") if m in table]
    columns = {"gdp": "measures_gdp", "gdp_per_capita": "measures_pc"}
    years = [y for m in measures if isinstance(y := table[m], dict)]
    report.add_table(
        [t(lang, "measures_threshold"), *[t(lang, columns[m]) for m in measures]],
        [
            [t(lang, "measures_rank", b=sc.base_year), *[table[f"{m}_rank"] for m in measures]],
            *[[f"≤ {k}", *[shown(y[k]) for y in years]] for k in measure_thresholds(sc.n_regions)],
        ],
        css="t measures",
    )
    if "gdp_per_capita" not in table:
        report.add_paragraph(t(lang, "measures_no_population"), "muted")


def _pct(p: float) -> str:
    from sim.present.text import probability_text

    return probability_text(p)


def add_montecarlo_section(report: Report, mc: MonteCarloResult, seed: int | str | None = None) -> None:
    """Probabilities in a sentence, the shock model, and fan / reach / heatmap charts."""
    lang, sc = report.lang, mc.scenario
    prob = mc.reach_probability()

    def by(year: int) -> str:
        i = year - sc.base_year
        return _pct(float(prob[i])) if 0 <= i < prob.size else "–"

    q = mc.reach_year_quantiles((0.1, 0.5))
    never = t(lang, "mc_never", h=sc.horizon)
    report.add_heading(t(lang, "mc_section"))
    report.add_html(
        '<div class="answer" id="mc-answer"><p>'
        + esc(
            t(
                lang,
                "mc_sentence" if q[0.1] is not None else "mc_sentence_rare",
                paths=mc.paths,
                method=_method_first(mc.method, lang),
                h=sc.horizon,
                seed=seed if seed is not None else "–",
                k=sc.threshold_rank,
                p27=by(2027),
                p30=by(2030),
                p35=by(2035),
                q50=t(lang, "year_fmt", y=q[0.5]) if q[0.5] is not None else never,
                q10=t(lang, "year_fmt", y=q[0.1]) if q[0.1] is not None else never,
            )
        )
        + "</p></div>"
    )
    u = sc.uncertainty
    if u.method == "none":
        desc = t(lang, "mc_none")
    else:
        from sim.analyses.montecarlo import scenario_shocks

        dev = scenario_shocks(sc).deviations
        desc = t(
            lang,
            f"mc_{u.method}",
            w0=int(dev.years[0]),
            w1=int(dev.years[-1]),
            h=len(dev),
            b=u.block,
            s=u.scale,
            lam=mc.shrinkage or 0.0,
        )
    report.add_paragraph(t(lang, "mc_method", desc=desc), "muted")
    add_charts(report, mc)


def _method_first(method: str, lang: str) -> str:
    """The Monte Carlo method named the first time: in Chinese with its English term once
    (自助抽样（bootstrap）)."""
    from sim.present.i18n import TEXT
    from sim.present.text import method_label

    key = f"method_first_{method}"
    return t(lang, key) if key in TEXT["en"] else method_label(method, lang)


def add_sweep_section(report: Report, sw: SweepResult) -> None:
    """The sweep's answer in words, reach year against the swept parameters, and the "which
    midfield?" table."""
    from sim.present.text import sweep_sentence

    report.add_heading(t(report.lang, "sweep_section"))
    report.add_html('<div class="answer" id="sweep-answer"><p>' + esc(sweep_sentence(sw, report.lang)) + "</p></div>")
    add_charts(report, sw)


def add_sensitivity_section(report: Report, sens: SensitivityResult) -> None:
    """Heading, the answer in words, and the tornado and Sobol charts."""
    from sim.present.text import sensitivity_sentence

    report.add_heading(t(report.lang, "sens_section"))
    sentence = sensitivity_sentence(sens, report.lang)
    if sentence:
        report.add_html('<div class="answer" id="sensitivity-answer"><p>' + esc(sentence) + "</p></div>")
    add_charts(report, sens)


def add_solve_section(report: Report, sol: SolveResult, *, gaps: bool = False) -> None:
    """Heading, the solve sentence, the required-growth curve and (``gaps``) the gap to the
    threshold year by year under the own path and under the answer."""
    report.add_heading(t(report.lang, "solve_section"))
    report.add_html(
        '<div class="answer" id="solve-answer"><p>' + esc(solve_sentence(sol, report.lang)) + "</p></div>"
    )
    if gaps:
        add_gaps_table(report, sol)
    add_charts(report, sol)


def add_gaps_table(report: Report, sol: SolveResult) -> None:
    """The year-by-year gap to the threshold (亿元 and percent) under the own path and the answer."""
    from sim import names

    lang, sc = report.lang, sol.scenario
    who = sc.panel.regions.label(sc.target, lang)
    g = "–" if sol.required_pct is None else f"{sol.required_pct:.2f}%"
    if sol.required_pct is None:
        answer = t(lang, "gaps_none")
    elif sol.lead:
        answer = t(lang, "gaps_answer_lead", cmp=lead_words(lang, sol.required_pct))
    elif sol.over is not None:
        answer = t(lang, "gaps_answer_over", g=g, a=sol.over[0], b=sol.over[1])
    else:
        answer = t(lang, "gaps_answer_all", g=g)
    report.add_html(f"<h3>{esc(t(lang, 'gaps_title', k=sc.threshold_rank))}</h3>")
    note = "gaps_note_pc" if sc.per_capita else "gaps_note"
    report.add_paragraph(t(lang, note, who=who, k=sc.threshold_rank, answer=answer), "muted")
    frame = sol.gaps()
    cols = names.solve_gap_columns(sc.per_capita)
    keys = ["real_own", "real_answer", "threshold", "level_own", "gap_own", "gap_own_pct",
            "level_answer", "gap_answer", "gap_answer_pct", "extra"]  # fmt: skip
    header = [t(lang, "gap_col_year"), *(t(lang, f"gap_col_{k}", k=sc.threshold_rank) for k in keys)]

    def cell(key: str, v: float) -> str:
        if v != v:  # NaN
            return "–"
        if key.startswith("real"):
            return f"{v:.2f}%"
        if key.endswith("pct"):
            return f"{v:+.1f}%"
        return f"{v:+,.0f}" if key.startswith(("gap", "extra")) else f"{v:,.0f}"

    rows = [[int(r[names.YEAR]), *(cell(k, float(r[cols[k]])) for k in keys)] for r in frame.to_dict("records")]
    report.add_html('<div class="wide">')
    report.add_table(header, rows, css="t gaps")
    report.add_html("</div>")


def add_lead_section(report: Report, lead: LeadView) -> None:
    """The answer as a lead over the national path: the scenario's own mean lead, the lead needed
    by the deadline, the target's record, and reach year / P(reach) against the lead."""
    lang, sc = report.lang, lead.solve.scenario
    report.add_heading(t(lang, "lead_section"))
    who = sc.panel.regions.label(sc.target, lang)
    own = t(
        lang, "lead_own", who=who, cmp=lead_words(lang, lead.own_mean_pp),
        a=int(sc.years[0]), b=int(sc.years[-1]),
    )  # fmt: skip
    report.add_html(
        '<div class="answer" id="lead-answer"><p>' + esc(own + " " + solve_sentence(lead.solve, lang)) + "</p></div>"
    )
    add_charts(report, lead.sweep)


def add_provenance(
    report: Report, scenario: Scenario, provenance: Provenance | None = None, *, projection: bool = True
) -> None:
    """Input files with their sha256, the data's last year (and the projection's base year and
    horizon, for a report of a projection), version, seed and command."""
    prov = provenance or scenario.provenance()
    lang = report.lang
    report.add_heading(t(lang, "provenance"))
    last = scenario.panel.last_year
    report.add_paragraph(
        t(lang, "data_last_year", y=last, b=scenario.base_year, h=scenario.horizon)
        if projection
        else t(lang, "data_last_year_only", y=last)
    )
    panel = scenario.panel
    if panel.summed_aggregate:
        report.add_paragraph(t(lang, "aggregate_summed", n=panel.n_regions), "muted")
    else:
        report.add_paragraph(t(lang, "aggregate_series", path=panel.national.path), "muted")
    report.add_table([t(lang, "file"), "sha256"], [(p, h) for p, h in prov.files.items()])
    command = " ".join(prov.command) if prov.command else "–"
    report.add_paragraph(t(lang, "version", v=prov.version, c=command), "muted")
    if prov.seed is not None:
        report.add_paragraph(t(lang, "seed", s=prov.seed), "muted")


def backtest_report(
    bt: BacktestResult,
    lang: str = "en",
    provenance: Provenance | None = None,
    oos: dict[str, Any] | None = None,
) -> str:
    """A report of one backtest: the reading in a sentence, the target's own honest skill and
    band coverage beside the pooled figures (``oos``: :func:`sim.analyses.calibration.model_oos`),
    the metrics, error and coverage charts."""
    from sim.present.text import metric_label, national_label

    sc = bt.scenario
    years = bt.jump_off_years
    report = Report(title=t(lang, "bt_title", h=bt.horizon, y0=int(years[0]), y1=int(years[-1])), lang=lang)
    report.add_html(f"<h1>{esc(report.title)}</h1>")
    from sim.present.text import scenario_name

    report.add_paragraph(scenario_name(sc, lang), "muted")
    m, v = bt.model, bt.naive_metrics
    key = "bt_sentence_better" if m.rank_mae < v.rank_mae else "bt_sentence_worse"
    pct = (1 - m.rank_mae / v.rank_mae) * 100 if v.rank_mae else 0.0
    who = sc.panel.regions.label(sc.target, lang)
    report.add_html(
        '<div class="answer" id="answer"><p>'
        + esc(t(lang, key, n=len(years), r=sc.n_regions, h=bt.horizon, m=m.rank_mae, v=v.rank_mae, pct=pct))
        + "</p><p>"
        + esc(t(lang, "bt_target", who=who, m=m.target_rank_mae, v=v.target_rank_mae))
        + "</p></div>"
    )
    for line in target_record_lines(bt, oos, lang):
        report.add_paragraph(line)
    length = sc.others.window_length or DEFAULT_WINDOW_YEARS
    report.add_paragraph(
        t(
            lang,
            "bt_settings",
            nat=national_label(bt.national, lang),
            w=length,
            hl=sc.others.half_life if sc.others.half_life is not None else "∞",
        ),
        "muted",
    )
    report.add_table(
        [t(lang, "bt_metric"), t(lang, "bt_model"), t(lang, "bt_naive")],
        [
            (metric_label(name, lang), f"{getattr(m, name):.3f}", f"{getattr(v, name):.3f}")
            for name in m.to_dict()
        ],
    )
    add_charts(report, bt)
    add_provenance(report, sc, provenance, projection=False)
    return report.render()


def target_record_lines(bt: BacktestResult, oos: dict[str, Any] | None, lang: str) -> list[str]:
    """The target's own honest rank error (with ``oos``) and level-band coverage (with Monte Carlo
    paths), each beside the figure for all regions: a pooled score can hide the region asked about."""
    sc = bt.scenario
    who = sc.panel.regions.label(sc.target, lang)
    code = sc.panel.regions.codes[sc.target]
    lines = []
    if oos is not None:
        naive = float(np.abs(bt.naive - bt.actual)[:, sc.target].mean())
        lines.append(t(lang, "bt_region", who=who, oos=oos["by_region"][code], naive=naive,
                       oos_all=oos["rank_mae"], naive_all=bt.naive_metrics.rank_mae))  # fmt: skip
    if bt.hits is not None and bt.coverage_level is not None:
        own = bt.region_coverage()
        lines.append(t(lang, "bt_region_cover", who=who, h=bt.horizon, c50=float(own[0.5][sc.target]),
                       c80=float(own[0.8][sc.target]), p50=bt.coverage_level[0.5],
                       p80=bt.coverage_level[0.8]))  # fmt: skip
    return lines


def add_national_paths_section(report: Report, comparison: NationalComparison) -> None:
    """The answer under each named national path: reach year (and P(reach) with paths)."""
    lang, sc = report.lang, comparison.scenario
    report.add_heading(t(lang, "np_title"))
    if sc.national_preset:
        from sim.inputs.presets import load_presets

        intro = t(lang, "np_intro", preset=load_presets()[sc.national_preset].label(lang))
    else:
        intro = t(lang, "np_intro_none")
    report.add_paragraph(intro)
    first = int(sc.years[0])
    last = int(sc.years[min(4, sc.years.size - 1)])
    years = sorted({y for a in comparison.answers for y in (a.reach_probability or {})})
    header = [t(lang, "np_preset"), t(lang, "np_growth", a=first, b=last), t(lang, "np_reach")]
    header += [t(lang, "np_p", y=y) for y in years]
    rows = []
    for a in comparison.answers:
        label = (a.title_zh if lang == "zh" else f"{a.preset} ({a.title})") if a.preset else (
            a.title_zh if lang == "zh" else a.title
        )
        if a.preset and a.preset == sc.national_preset:
            label = f"<b>{esc(label)}</b>"
        else:
            label = esc(label)
        reach = str(a.reach_year) if a.reach_year is not None else t(lang, "np_never", h=sc.horizon)
        probs = [_pct(a.reach_probability[y]) if a.reach_probability else "–" for y in years]
        rows.append([label, f"{a.mean_real_pct:.2f}%", esc(reach), *probs])
    report.add_html(_html_table(header, rows))


def _html_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A table whose cells are already HTML (escaped by the caller)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="t"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


@dataclass(frozen=True, kw_only=True)
class LeadView:
    """What the report's lead section shows: the lead solve, a sweep over leads (with P(reach) when
    Monte Carlo ran) and the scenario's own mean lead over the national path (points)."""

    solve: SolveResult
    sweep: SweepResult
    own_mean_pp: float


def run_report(
    proj: Projection,
    lang: str = "en",
    provenance: Provenance | None = None,
    mc: MonteCarloResult | None = None,
    solve: SolveResult | None = None,
    sweep: SweepResult | None = None,
    sensitivity: SensitivityResult | None = None,
    national_paths: NationalComparison | None = None,
    lead: LeadView | None = None,
    leading: str | None = None,
) -> str:
    """The full report of a run and whichever analyses are given, as one HTML string.

    ``leading`` ("mc", "solve", "sweep" or "sensitivity", the analysis a command ran) puts that
    analysis first, under the page title, with its own answer; the run's answer and assumptions
    follow as context. Without it the run leads (``ranksim run``)."""
    sc = proj.scenario
    seed = provenance.seed if provenance else None
    title = t(lang, f"lead_title_{leading}") if leading else t(lang, "report_title")
    report = Report(title=f"{sc.name} — {title}", lang=lang)
    sections = {
        "mc": (mc, lambda: add_montecarlo_section(report, mc, seed)),  # type: ignore[arg-type]
        "solve": (solve, lambda: add_solve_section(report, solve, gaps=leading == "solve")),  # type: ignore[arg-type]
        "sweep": (sweep, lambda: add_sweep_section(report, sweep)),  # type: ignore[arg-type]
        "sensitivity": (sensitivity, lambda: add_sensitivity_section(report, sensitivity)),  # type: ignore[arg-type]
    }
    if leading is not None and sections.get(leading, (None,))[0] is None:
        raise ValueError(f"leading={leading!r} needs that analysis's result")
    if leading is not None:
        report.add_html(f"<h1>{esc(sc.name)}</h1>")
        sections[leading][1]()
    add_run_sections(report, proj, mc if leading != "mc" else None, title=leading is None)
    if national_paths is not None:
        add_national_paths_section(report, national_paths)
    for key in ("mc", "solve"):
        if key != leading and sections[key][0] is not None:
            sections[key][1]()
    if lead is not None:
        add_lead_section(report, lead)
    for key in ("sweep", "sensitivity"):
        if key != leading and sections[key][0] is not None:
            sections[key][1]()
    add_provenance(report, sc, provenance)
    return report.render()


__all__ = [
    "Report",
    "add_montecarlo_section",
    "add_provenance",
    "add_run_sections",
    "add_sensitivity_section",
    "add_solve_section",
    "add_sweep_section",
    "backtest_report",
    "assumptions_rows",
    "run_report",
]
