"""Command-line interface: parse arguments, call the library, print or write.

Exit status: 0 success, 2 input error (one line on stderr, no traceback), 1 internal error.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any, NoReturn

from sim.cli.common import print_json as _print_json
from sim.cli.common import LONG_TABLE
from sim.cli.common import chart_images, headers_lang
from sim.cli.common import encoding_note as _encoding_note
from sim.cli.common import seed_arg as _seed
from sim.cli.common import stem as _stem
from sim.cli.common import print_written as _print_written
from sim.cli.common import year_arg as _year
from sim.cli.common import positive_int_arg as _positive_int
from sim.cli.common import output_args as _output_args
from sim.cli.common import default_lang
from sim.cli.common import argparse_lang, argparse_language, type_error
from sim.errors import ArgumentError, InputError, RanksimWarning
from sim.messages import msg
from sim.present.registry import chart_names
from sim.present.summaries import summary
from sim.present.text import montecarlo_line, summary_text, sweep_text

Handler = Callable[[argparse.Namespace, Sequence[str]], int]


class _Parser(argparse.ArgumentParser):
    """argparse that raises ArgumentError instead of printing usage and exiting, and speaks
    ``lang`` (default: the language of the parser being built): its own words and messages from
    the catalogue (:func:`sim.cli.common.argparse_language`)."""

    def __init__(self, *args: Any, lang: str | None = None, **kwargs: Any) -> None:
        self.lang = lang or argparse_lang()
        with argparse_language(self.lang):
            super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """``message`` (argparse's, already in the parser's language) and where to find help."""
        where = f"{self.prog} --help" if " " in self.prog else "ranksim --help"
        raise ArgumentError(msg("cli.parse_error", message=message, see=msg("cli.see_help", command=where)))

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:  # type: ignore[override]
        with argparse_language(self.lang):
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with argparse_language(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_language(self.lang):
            return super().format_help()

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:  # type: ignore[override]
        """As argparse, but an unknown option names the command's help and the closest option."""
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            command = getattr(ns, "command", None)
            known: list[str] = []
            for action in self._actions:
                if isinstance(action, argparse._SubParsersAction) and command in action.choices:
                    known = list(action.choices[command]._option_string_actions)
            import difflib

            bare = {k.lstrip("-"): k for k in known}
            close = difflib.get_close_matches(extras[0].lstrip("-"), bare, n=1, cutoff=0.75)
            hint = (
                msg("cli.did_you_mean_option", option=repr(bare[close[0]]))
                if close and extras[0].startswith("-")
                else ""
            )
            where = f"ranksim {command} --help" if command else "ranksim --help"
            raise ArgumentError(msg("cli.unrecognized", arguments=" ".join(extras), hint=hint, command=where))
        return ns


def _check_years(years: Sequence[int] | None, scenario: Any) -> None:
    """Every year asked for must be in the projection (base year to horizon)."""
    outside = [y for y in years or [] if not scenario.base_year <= y <= scenario.horizon]
    if outside:
        raise ArgumentError(
            msg("cli.outside_projection", year=outside[0], base=scenario.base_year, horizon=scenario.horizon),
            field="--years",
        )




def _save(
    args: argparse.Namespace,
    files: dict[str, str | bytes] | Callable[[], dict[str, str | bytes]],
    report: Callable[[], str] | None = None,
) -> list[Path]:
    """Write the outputs under --out (files and report built only then); nothing without --out.
    The report is ``<stem>.html``, the stem being --name or the command's name."""
    from sim.present.output import write_files

    if args.out is None:
        return []
    files = files() if callable(files) else files
    if report is not None and not args.no_report:
        files[f"{_stem(args)}.html"] = report()
    return write_files(Path(args.out), files)




def _result_files(
    args: argparse.Namespace, doc: dict[str, Any], results: Sequence[Any], prov: Any
) -> dict[str, str | bytes]:
    """``<stem>.json``, a CSV of every table of ``results`` (the first result's main table as
    ``<stem>.csv``), with --long ``<stem>_long.csv`` (every result in the one long format) and,
    with --xlsx, ``<stem>.xlsx``."""
    from sim.present.output import dumps
    from sim.present.tables import csv_files, csv_text, result_tables

    stem = _stem(args)
    tables: dict[str, Any] = {}
    for i, result in enumerate(results):
        for name, frame in result_tables(result).items():
            tables[name or ("" if i == 0 else type(result).__name__.removesuffix("Result").lower())] = frame
    heads, regions = headers_lang(args), results[0].scenario.panel.regions
    files: dict[str, str | bytes] = {f"{stem}.json": dumps(doc), **csv_files(stem, tables, heads, regions)}
    files |= chart_images(args, results)
    if getattr(args, "long", False):
        from sim.longformat import concat

        files[f"{stem}_{LONG_TABLE}.csv"] = csv_text(concat(results))
    if args.xlsx:
        from sim.present.workbook import summary_rows, workbook_bytes

        rows = summary_rows(results[-1], args.lang, prov)
        main = {"run": "projection", "backtest": "by_jump_off"}.get(args.command, args.command)
        files[f"{stem}.xlsx"] = workbook_bytes(rows, tables, main, heads, regions)
    return files






def _finish(
    args: argparse.Namespace,
    result: Any,
    doc: dict[str, Any],
    report: Callable[[], str],
    text: str,
    prov: Any,
) -> int:
    """What every analysis command does last: write ``<stem>.json``, its CSV tables (and the
    report and workbook) under --out, then print the JSON document (--json) or the text."""
    written = _save(args, lambda: _result_files(args, doc, [result], prov), report)
    if args.json:
        return _print_json(doc)
    print(text)
    _print_written(written, args.lang)
    return 0


def _provenance(scenario: Any, argv: Sequence[str], seed: int | None = None) -> Any:
    """The provenance of this command: input files, the seed it used, its command line."""
    return scenario.provenance(seed=seed, command=["ranksim", *argv])


def _load(args: argparse.Namespace) -> Any:
    """The command's scenario; the texts printed and written from here on name its panel's
    aggregate (全区, not 全国, for a panel of cities: sim/inputs/scope.py)."""
    from sim.model.scenario import load_scenario
    from sim.present.i18n import aggregate_wording

    with warnings.catch_warnings(record=True) as caught:  # shown once the panel's words are set
        scenario = load_scenario(args.scenario)
    args.wording.enter_context(aggregate_wording(scenario.panel.scope, scenario.panel.regions))
    for w in caught:
        warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    _encoding_note(scenario.panel, args.lang)
    return scenario






def _run_report(scenario: Any, args: argparse.Namespace, prov: Any, **analyses: Any) -> Callable[[], str]:
    """A deferred run report of ``scenario`` with the given analysis sections."""

    def build() -> str:
        from sim.engine.projection import project
        from sim.present.report import run_report

        return run_report(project(scenario), lang=args.lang, provenance=prov, **analyses)

    return build


def _cmd_run(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from sim.engine.projection import project

    scenario = _load(args)
    _check_years(args.years, scenario)
    proj = project(scenario)
    prov = _provenance(scenario, argv, args.seed if args.paths or scenario.sensitivity else None)
    mc = _montecarlo(scenario, args) if args.paths else None

    def document() -> dict[str, Any]:
        doc = proj.to_document(prov)
        if mc is not None:
            doc["montecarlo"] = mc.to_document(prov)
        return doc

    results = [proj] if mc is None else [proj, mc]
    written = _save(
        args,
        lambda: _result_files(args, document(), results, prov),
        lambda: _full_report(scenario, args, prov, mc),
    )
    if args.json:
        return _print_json(document())
    print(summary_text(proj, years=args.years, lang=args.lang))
    if mc is not None:
        print(montecarlo_line(mc, args.lang))
    _print_written(written, args.lang)
    return 0


def _full_report(scenario: Any, args: argparse.Namespace, prov: Any, mc: Any) -> str:
    """The run report with every analysis the scenario asks for (solve curve always)."""

    from sim.present.workflows import report

    return report(scenario, lang=args.lang, montecarlo=mc, seed=args.seed, provenance=prov)


def _montecarlo(scenario: Any, args: argparse.Namespace) -> Any:

    from sim.analyses.montecarlo import simulate
    from sim.cli.progress import progress_bar

    label = msg("cli.progress_montecarlo").render(args.lang)
    with progress_bar(args.paths, label, quiet=args.quiet) as advance:
        return simulate(scenario, args.paths, seed=args.seed, progress=advance)


def _cmd_montecarlo(args: argparse.Namespace, argv: Sequence[str]) -> int:

    scenario = _load(args)
    mc = _montecarlo(scenario, args)
    prov = _provenance(scenario, argv, args.seed)
    return _finish(
        args, mc, mc.to_document(prov), _run_report(scenario, args, prov, mc=mc), summary(mc, args.lang), prov
    )


def _cmd_chart(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from sim.engine.projection import project
    from sim.present.images import figure_image
    from sim.present.output import write_files
    from sim.present.registry import CHARTS
    from sim.present.report import Report

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".png", ".svg"):
        raise ArgumentError(msg("cli.chart_suffix", name=repr(out.name)), field="--out")
    scenario = _load(args)
    fig = CHARTS[args.kind].draw(project(scenario), args.lang)
    if suffix == ".html":
        page = Report(title=f"{scenario.name} — {args.kind}", lang=args.lang)
        page.add_figure(fig)
        content: str | bytes = page.render()
    else:  # (the folder is made only when the image is written)
        content = figure_image(fig, suffix[1:])
    write_files(out.parent, {out.name: content})
    _print_written([out], args.lang)
    return 0


class _ParamAction(argparse.Action):
    """Collect --set / --shift PATH=START:STOP:STEP in the order given."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: str | None = None) -> None:
        items = list(getattr(namespace, self.dest) or [])
        items.append((option_string.lstrip("-") if option_string else "set", values))
        setattr(namespace, self.dest, items)


def _sweep_items(raw: list[tuple[str, str]]) -> list[tuple[str, str, list[float]]]:
    from sim.inputs.fullwidth import with_full_width_hint
    from sim.inputs.params import grid_values

    items = []
    for mode, text in raw:
        path, eq, spec = text.rpartition("=")
        flag = f"--{mode}"
        if not eq or not path.strip():
            said = with_full_width_hint(msg("cli.sweep_syntax", text=repr(text)), text)
            raise ArgumentError(said, field=flag)
        try:
            parts = [float(x) for x in spec.split(":")]
        except ValueError:
            said = with_full_width_hint(msg("cli.sweep_not_numbers", spec=repr(spec)), spec)
            raise ArgumentError(said, field=flag) from None
        if len(parts) != 3:
            raise ArgumentError(msg("cli.sweep_three", spec=repr(spec)), field=flag)
        try:
            items.append((path.strip(), mode, grid_values(*parts)))
        except (ValueError, InputError) as exc:  # BadValue and InputError carry a catalogue message
            problem = getattr(exc, "msg", None) or str(exc)
            said = msg("cli.sweep_grid", path=path.strip(), problem=problem)
            raise ArgumentError(said, field=flag) from None
    return items


def _cmd_sweep(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from sim.analyses.sweep import sweep

    scenario = _load(args)
    if args.params:
        items = _sweep_items(args.params)
    elif scenario.sweep:
        items = [(i.param, i.mode, list(i.values)) for i in scenario.sweep]
    else:
        raise ArgumentError(msg("cli.sweep_nothing"), field="--set")
    try:
        _check_years(args.years, scenario)
        result = sweep(
            scenario, items, rank_years=args.years, paths=args.paths, seed=args.seed if args.paths else None
        )
    except InputError as exc:
        field = exc.field or ""
        if exc.file is None and field.startswith("items."):
            flag = f"--{items[int(field.split('.')[1])][1]}" if args.params else "sweep"
            raise InputError(exc.msg, field=flag) from None
        raise
    prov = _provenance(scenario, argv, args.seed if args.paths else None)
    report = _run_report(scenario, args, prov, sweep=result, leading="sweep")
    return _finish(
        args, result, result.to_document(prov), report, sweep_text(result, args.max_rows, args.lang), prov
    )


def _cmd_sensitivity(args: argparse.Namespace, argv: Sequence[str]) -> int:

    from sim.analyses.sensitivity import sensitivity

    scenario = _load(args)
    spec = scenario.sensitivity
    if spec is None:
        raise ArgumentError(msg("cli.no_sensitivity"), file=args.scenario, field="sensitivity")
    from sim.cli.progress import progress_bar

    with progress_bar(2, msg("cli.progress_sensitivity").render(args.lang), quiet=args.quiet) as advance:
        result = sensitivity(scenario, spec, seed=args.seed, progress=advance)
    prov = _provenance(scenario, argv, args.seed)
    doc = result.to_document(prov)
    report = _run_report(scenario, args, prov, sensitivity=result, leading="sensitivity")
    return _finish(args, result, doc, report, summary(result, args.lang), prov)


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise type_error(msg("cli.not_number", value=repr(text))) from None
    if not 0 < value <= 1:
        raise type_error(msg("cli.probability_range", value=text))
    return value


def _cmd_solve(args: argparse.Namespace, argv: Sequence[str]) -> int:

    from sim.analyses.solve import solve

    scenario = _load(args)
    from sim.cli.progress import progress_bar

    if args.over and args.lead:
        raise ArgumentError(msg("cli.over_and_lead"), field="--over")
    evaluations = 14 * (scenario.horizon - scenario.base_year if args.curve else 1) if args.probability else 0
    label = msg("cli.progress_montecarlo_solve").render(args.lang)
    with progress_bar(evaluations, label, quiet=args.quiet or not evaluations) as advance:
        result = solve(
            scenario,
            args.by,
            probability=args.probability,
            paths=args.paths or 10_000,
            seed=args.seed,
            curve_probability=args.curve,
            progress=advance,
            lead=args.lead,
            over=(args.over[0], args.over[-1]) if args.over else None,
        )
    prov = _provenance(scenario, argv, args.seed if args.probability is not None else None)
    report = _run_report(scenario, args, prov, solve=result, leading="solve")
    return _finish(args, result, result.to_document(prov), report, summary(result, args.lang), prov)


def _year_range(text: str) -> list[int]:
    try:
        lo, _, hi = text.partition(":")
        first, last = int(lo), int(hi or lo)
    except ValueError:
        raise type_error(msg("cli.year_range_syntax", text=repr(text))) from None
    if last < first:
        raise type_error(msg("cli.years_out_of_order", text=repr(text)))
    return list(range(first, last + 1))


def _clipped_note(asked: list[int], used: list[int], horizon: int, panel: Any, lang: str) -> None:
    """Say on stderr when the jump-off range was clipped to what the data allows."""
    from sim.present.i18n import t

    if used != asked:
        a0, a1, u0, u1 = asked[0], asked[-1], used[0], used[-1]
        d0, d1 = panel.first_year, panel.last_year
        print(t(lang, "note_clipped", a0=a0, a1=a1, u0=u0, u1=u1, h=horizon, d0=d0, d1=d1), file=sys.stderr)


#: Jump-off years of the bundled panel's backtest when --from is not given.
BUNDLED_JUMP_OFFS = tuple(range(2008, 2020))


def _default_jump_offs(panel: Any, horizon: int) -> list[int]:
    """Jump-offs when --from is not given: 2008-2019 on the bundled panel (its backtests' years);
    on another panel every year with two years of data before it and ``horizon`` after it."""
    from sim.inputs.panel import DEFAULT_PANEL

    if panel.path.resolve() == DEFAULT_PANEL.resolve():
        return list(BUNDLED_JUMP_OFFS)
    return list(range(panel.first_year + 2, panel.last_year - horizon + 1)) or [panel.first_year + 2]


def _panel_band_scales(scenario: Any, args: argparse.Namespace) -> tuple[Any, Any]:
    """With --paths on a panel other than the bundled one: the band scales estimated from that
    panel (sim.analyses.calibration.band_scales) put into the scenario, and said on stderr."""
    from sim.analyses.calibration import band_scales, needs_band_scales
    from sim.cli.progress import progress_bar
    from sim.present.i18n import t

    if not args.paths or not needs_band_scales(scenario):
        return scenario, None
    with progress_bar(24, msg("cli.progress_band_scales").render(args.lang), quiet=args.quiet) as advance:
        bands = band_scales(scenario, args.paths, args.seed, progress=advance)
    if bands is None:
        return scenario, None
    cov = {h: f"{c[0.5]:.0%}/{c[0.8]:.0%}" for h, c in bands.coverage.items()}
    u = bands.changes
    note = t(
        args.lang,
        "note_bands",
        y0=bands.jump_offs[0],
        y1=bands.jump_offs[-1],
        s=u["uncertainty.scale"],
        m=u["uncertainty.parameter_scale"],
        hl=u["uncertainty.parameter_half_life"],
        cov=t(args.lang, "list_sep").join(t(args.lang, "note_bands_h", h=h, c=c) for h, c in cov.items()),
    )
    print(note, file=sys.stderr)
    return scenario.with_changes(bands.changes, rename=False), bands


def _cmd_backtest(args: argparse.Namespace, argv: Sequence[str]) -> int:

    from sim.analyses.backtest import backtest
    from sim.inputs.panel import DEFAULT_PANEL
    from sim.model.scenario import default_scenario

    scenario = _load(args) if args.scenario is not None else default_scenario()
    from sim.cli.progress import progress_bar

    asked = args.years is not None
    if args.years is None:
        args.years = _default_jump_offs(scenario.panel, args.horizon)
    scenario, bands = _panel_band_scales(scenario, args)
    label = msg("cli.progress_backtest").render(args.lang)
    with progress_bar(len(args.years), label, quiet=args.quiet) as advance:
        result = backtest(
            scenario,
            args.years,
            args.horizon,
            national=args.national,
            paths=args.paths,
            seed=args.seed if args.paths else None,
            progress=advance,
            vintage=args.vintage,
        )
        if args.paths:  # the report's coverage by horizon, 1 to 10 years
            result = result.with_coverage_by_horizon()
    used = [int(y) for y in result.jump_off_years]
    if asked or scenario.panel.path.resolve() == DEFAULT_PANEL.resolve():
        _clipped_note(args.years, used, args.horizon, scenario.panel, args.lang)
    from sim.analyses.calibration import model_oos

    prov = _provenance(scenario, argv, args.seed if args.paths else None)
    doc = result.to_document(prov)
    doc["model_oos"] = model_oos(result)
    doc["band_scales"] = bands.to_dict() if bands is not None else None
    doc["rank_mae_by_region"] = result.rank_mae_by_region(doc["model_oos"]["by_region"])
    from sim.present.report import backtest_report

    report = lambda: backtest_report(result, lang=args.lang, provenance=prov, oos=doc["model_oos"])  # noqa: E731
    from sim.present.report import target_record_lines
    from sim.present.text import model_oos_line

    text = "\n".join(
        [summary(result, args.lang), model_oos_line(doc["model_oos"], args.lang)]
        + ["  " + line for line in target_record_lines(result, doc["model_oos"], args.lang)]
    )
    return _finish(args, result, doc, report, text, prov)


def _cmd_data(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from sim.inputs.panel import load_panel
    from sim.present.documents import data_document
    from sim.present.i18n import aggregate_wording
    from sim.present.output import dumps

    if args.vintages:
        return _data_vintages(args)
    panel = load_panel(args.data, encoding=args.encoding)
    args.wording.enter_context(aggregate_wording(panel.scope))
    _encoding_note(panel, args.lang)
    year = args.year if args.year is not None else panel.last_year
    if not panel.first_year <= year <= panel.last_year:  # the flag is wrong, not the data file
        said = msg("panel.year_outside_data", year=year, first=panel.first_year, last=panel.last_year)
        raise ArgumentError(said, field="year")
    if args.model:
        from sim.errors import ScenarioError
        from sim.present.text import price_model_text

        try:
            print(price_model_text(panel, year, args.lang))
        except ScenarioError as exc:  # too few years before --year: the flag is what to change
            raise ArgumentError(exc.msg, field="year") from None
        return 0
    if args.targets:
        return _data_targets(args, panel)
    doc = data_document(panel, year)
    if args.json:
        sys.stdout.write(dumps(doc))
        return 0
    from sim.present.data_text import ranking_text

    print(ranking_text(doc, panel, args.lang))
    return 0


def _data_targets(args: argparse.Namespace, panel: Any) -> int:
    """`ranksim data --targets [--region R]`: the record of announced targets and outturns."""
    from sim.errors import ArgumentError
    from sim.inputs.panel import load_targets
    from sim.present.data_text import targets_text
    from sim.present.documents import targets_document
    from sim.present.output import dumps

    if panel.scope.targets is None:
        raise ArgumentError(msg("cli.no_targets", file=panel.path.name), field="--targets")
    region = None
    if args.region is not None:
        region = panel.regions.find(args.region)
        if region is None:
            hint = panel.regions.suggest(args.region)  # a message part: " (did you mean 'X'?)"
            said = msg("cli.unknown_region", name=repr(args.region), hint=hint)
            raise ArgumentError(said, field="--region")
    doc = targets_document(panel, load_targets(panel.scope.targets), region)
    if args.json:
        sys.stdout.write(dumps(doc))
    else:
        print(targets_text(doc, args.lang))
    return 0


def _data_vintages(args: argparse.Namespace) -> int:
    """`ranksim data --vintages [--data PANEL]`: one year's ranking in every vintage of the panel
    (``vintages/*.csv`` beside it; default the bundled panel's), the largest restatements."""
    from sim.analyses.vintages import compare_vintages
    from sim.inputs.panel import CURRENT_VINTAGE, load_vintage, vintage_names
    from sim.present.data_text import vintages_text
    from sim.present.i18n import aggregate_wording

    panels = {name: load_vintage(name, args.data) for name in vintage_names(args.data)}
    if args.data is not None:
        args.wording.enter_context(aggregate_wording(panels[CURRENT_VINTAGE].scope))
    result = compare_vintages(panels, args.year)
    if args.json:
        return _print_json(result.to_document())
    print(vintages_text(result, lang=args.lang))
    return 0


def _cmd_data_import(args: argparse.Namespace, argv: Sequence[str]) -> int:
    """`ranksim data import`: report what the exports change, then write the panel (all or none)."""
    from sim.inputs.panel import DEFAULT_PANEL
    from sim.inputs.panel_import import import_lock, plan_import, vintage_target
    from sim.present.data_text import import_text
    from sim.present.output import update_files

    target = args.into if args.vintage is None else vintage_target(args.into, args.vintage)
    with import_lock(target if target is not None else DEFAULT_PANEL):  # a second import waits
        plan = plan_import(args.files, target, panel=args.into if args.vintage is not None else None)
        if not args.json:
            print(import_text(plan, dry_run=args.dry_run, show_all=args.all, lang=args.lang))
        if args.dry_run or not plan.changed:
            return _print_json({**plan.to_document(), "written": []}) if args.json else 0
        try:
            written = update_files(plan.files, plan.originals)
        except ArgumentError as exc:
            raise ArgumentError(exc.msg, field="--into") from None
    if args.json:
        return _print_json({**plan.to_document(), "written": [str(p) for p in written]})
    _print_written(written, args.lang)
    return 0


def _cmd_schema(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from sim.inputs.schema import json_schema_text

    sys.stdout.write(json_schema_text())
    return 0


def _cmd_validate(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from sim.model.scenario import load_scenario

    bad = 0
    for path in args.scenarios:
        try:
            load_scenario(path)
        except InputError as exc:
            print(_with_flag(exc, args.lang), file=sys.stderr)
            bad += 1
            continue
        from sim.present.i18n import t

        print(t(args.lang, "validate_ok", path=path))
    return 2 if bad else 0


#: The language warnings are printed in (set by :func:`main` from the command line).
_WARN_LANG = ["en"]


def _show_warning(
    message: Any, category: Any, filename: str, lineno: int, file: Any = None, line: Any = None
) -> None:
    """RanksimWarnings as one plain line on stderr (they already name file, line and field), in
    the language of the command line (``--lang``, else ``RANKSIM_LANG``)."""
    if issubclass(category, RanksimWarning):
        from sim.present.edge import warning_line

        print(warning_line(message, _WARN_LANG[0]), file=sys.stderr)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))






def _mc_args(parser: argparse.ArgumentParser, default_paths: int) -> None:
    parser.add_argument(
        "--paths",
        type=_positive_int,
        default=default_paths or None,
        help=f"Monte Carlo paths (default {default_paths or 'none'})",
    )
    parser.add_argument("--seed", type=_seed, default=0, help="random seed (default 0)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")






def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The ``ranksim`` parser with every command; a bad argument raises ArgumentError, never exits.
    Its help in ``lang`` (Chinese from the catalogue :data:`sim.present.i18n.HELP_ZH`), argparse's
    own words and messages too (:func:`sim.cli.common.argparse_language`)."""
    with argparse_language(lang):  # every command's parser speaks ``lang``
        return _build_parser(lang)


def _build_parser(lang: str) -> argparse.ArgumentParser:
    parser = _Parser(prog="ranksim", description="When, and how surely, does a region climb the GDP ranking?")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    run = sub.add_parser("run", help="project a scenario: reach year, passes, ranks")
    run.add_argument("scenario", type=Path)
    _output_args(run, "run.html, run.json, run.csv (projection), run_passes.csv and run_assumptions.csv")
    run.add_argument("--years", type=_year, nargs="+", help="years to show the target's rank for")
    _mc_args(run, default_paths=0)
    run.set_defaults(handler=_cmd_run)

    mc = sub.add_parser("montecarlo", help="probability of reaching the threshold (correlated shocks)")
    mc.add_argument("scenario", type=Path)
    _output_args(mc, "montecarlo.html, montecarlo.json and montecarlo.csv")
    _mc_args(mc, default_paths=100_000)
    mc.set_defaults(handler=_cmd_montecarlo)

    bt = sub.add_parser("backtest", help="would the method have been right? (against naive 'ranks stay')")
    bt.add_argument("scenario", type=Path, nargs="?", help="scenario (default: the default model)")
    bt.add_argument(
        "--from",
        dest="years",
        type=_year_range,
        default=None,
        metavar="FIRST:LAST",
        help="jump-off years (default 2008:2019 on the bundled panel; on another panel every year "
        "its data allow)",
    )
    bt.add_argument("--horizon", type=_positive_int, default=5, help="years ahead (default 5)")
    bt.add_argument(
        "--national",
        choices=["trailing", "actual"],
        default="trailing",
        help="national growth: trailing 5-year means known at jump-off (default) or realised",
    )
    bt.add_argument(
        "--vintage",
        choices=["final", "as-published"],
        default="final",
        help="project from today's data (default) or from the data as published at each jump-off",
    )
    bt.add_argument("--paths", type=_positive_int, help="Monte Carlo paths per jump-off (coverage)")
    bt.add_argument("--seed", type=_seed, default=0)
    bt.add_argument("--quiet", action="store_true", help="no progress bar")
    _output_args(bt, "backtest.html, backtest.json, backtest.csv and backtest_regions.csv")
    bt.set_defaults(handler=_cmd_backtest)

    sw = sub.add_parser("sweep", help="what if? reach year over a grid of 1-3 parameters")
    sw.add_argument("scenario", type=Path)
    sw.add_argument(
        "--set",
        dest="params",
        action=_ParamAction,
        metavar="PATH=START:STOP:STEP",
        help="set PATH to each value, e.g. 'provinces.Inner Mongolia.real_growth=4:9:0.25'",
    )
    sw.add_argument(
        "--shift",
        dest="params",
        action=_ParamAction,
        metavar="PATH=START:STOP:STEP",
        help="add percentage points to every year of PATH",
    )
    sw.add_argument("--years", type=_year, nargs="+", help="years to report the target's rank for")
    _output_args(sw, "sweep.html, sweep.json, sweep.csv and sweep_thresholds.csv")
    sw.add_argument("--max-rows", type=_positive_int, default=40, help="rows printed (default 40)")
    _mc_args(sw, default_paths=0)
    sw.set_defaults(handler=_cmd_sweep, params=None)

    se = sub.add_parser(
        "sensitivity", help="tornado and Sobol indices from the scenario's sensitivity section"
    )
    se.add_argument("scenario", type=Path)
    se.add_argument("--seed", type=_seed, default=0)
    se.add_argument("--quiet", action="store_true", help="no progress bar")
    _output_args(se, "sensitivity.html, sensitivity.json and sensitivity.csv")
    se.set_defaults(handler=_cmd_sensitivity)

    so = sub.add_parser("solve", help="what constant real growth reaches the threshold by a year?")
    so.add_argument("scenario", type=Path)
    so.add_argument("--by", type=_year, required=True, help="deadline year")
    so.add_argument(
        "--probability", type=_probability, help="reach with at least this Monte Carlo probability"
    )
    so.add_argument("--paths", type=_positive_int, help="Monte Carlo paths (default 10000)")
    so.add_argument("--seed", type=_seed, default=0)
    so.add_argument("--curve", action="store_true", help="with --probability: the curve too (slower)")
    so.add_argument(
        "--lead", action="store_true", help="the constant lead over the national path (points a year) instead"
    )
    so.add_argument(
        "--over",
        type=_year_range,
        metavar="FIRST:LAST",
        help="a plan period, e.g. 2026:2030: the constant growth over those years, the scenario's own path "
        "before and after",
    )
    so.add_argument("--quiet", action="store_true", help="no progress bar")
    _output_args(so, "solve.html, solve.json, solve.csv and solve_gaps.csv")
    so.set_defaults(handler=_cmd_solve)

    chart = sub.add_parser("chart", help="write one chart of a scenario (HTML, PNG or SVG)")
    chart.add_argument("scenario", type=Path)
    chart.add_argument("--kind", choices=chart_names("Projection"), required=True)
    chart.add_argument("--out", type=Path, required=True, help="FILE.html, FILE.png or FILE.svg")
    chart.add_argument("--lang", choices=["en", "zh"], default=default_lang())
    chart.set_defaults(handler=_cmd_chart)

    data = sub.add_parser("data", help="the ranking table of one year of the data")
    data.add_argument("--year", type=_year)
    data.add_argument("--data", type=Path, help="panel CSV (default: the bundled provincial panel)")
    data.add_argument(
        "--encoding", help="the panel CSV's text encoding (default: detected, UTF-8 or GB18030/GBK)"
    )
    data.add_argument("--json", action="store_true")
    data.add_argument("--model", action="store_true", help="the estimated deflator (price) models instead")
    data.add_argument(
        "--targets", action="store_true", help="the record of announced growth targets and outturns instead"
    )
    data.add_argument("--region", help="with --targets: one region (English or Chinese name, or code)")
    data.add_argument(
        "--vintages", action="store_true", help="one year's ranking in every vintage, largest restatements"
    )
    data.add_argument("--lang", choices=["en", "zh"], default=default_lang(), help="language of the texts")
    data.set_defaults(handler=_cmd_data)
    _data_import_parser(data)

    schema = sub.add_parser("schema", help="print the JSON Schema of the scenario format")
    schema.set_defaults(handler=_cmd_schema)

    validate = sub.add_parser("validate", help="check scenario files without running them")
    validate.add_argument("scenarios", type=Path, nargs="+", help="scenario files (YAML)")
    validate.add_argument(
        "--lang", choices=["en", "zh"], default=default_lang(), help="language of the messages"
    )
    validate.set_defaults(handler=_cmd_validate)
    from sim.cli.workbench import add_commands  # diff and serve (issue 12)

    add_commands(sub)
    for command in sub.choices.values():
        command.add_argument(
            "--strict", action="store_true", help="treat warnings (implausible paths, fractions) as errors"
        )
    if lang == "zh":
        _localize(parser)
    return parser


class _ZhFormatter(argparse.HelpFormatter):
    """argparse's help layout with a full-width colon after each heading (选项：); argparse's own
    words (用法：, 位置参数, 选项) come from the catalogue (:func:`sim.cli.common.argparse_language`)."""

    class _Section(argparse.HelpFormatter._Section):  # type: ignore[name-defined]
        def format_help(self) -> str:
            text = str(super().format_help())
            if not self.heading or self.heading is argparse.SUPPRESS:
                return text
            return text.replace(f"{self.heading}:\n", f"{self.heading}：\n", 1)


def _localize(parser: argparse.ArgumentParser) -> None:
    """Every help text of ``parser`` and its commands in Chinese, where the catalogue has it
    (argparse's own words are Chinese already: the parser was built in Chinese)."""
    from sim.present.i18n import HELP_ZH

    parser.formatter_class = _ZhFormatter
    if parser.description:
        parser.description = HELP_ZH.get(parser.description, parser.description)
    for action in parser._actions:
        if action.help is None and action.dest in ("scenario", "scenarios"):
            action.help = "scenario file (YAML)"
        if isinstance(action.help, str):
            action.help = HELP_ZH.get(action.help, action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = HELP_ZH.get(choice.help or "", choice.help)
            for sub in action.choices.values():
                _localize(sub)


def _data_import_parser(data: argparse.ArgumentParser) -> None:
    """`ranksim data import FILE...`: the NBS portal's exports into a panel."""
    sub = data.add_subparsers(dest="data_command", parser_class=_Parser, metavar="[import]")
    imp = sub.add_parser("import", help="merge NBS data-portal exports (CSV) into a panel")
    imp.add_argument("files", type=Path, nargs="+", metavar="FILE", help="portal exports; a later file wins")
    imp.add_argument("--into", type=Path, help="panel CSV to update or create (default: the bundled panel)")
    imp.add_argument("--vintage", metavar="NAME", help="write vintages/NAME.csv beside the panel instead")
    imp.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    imp.add_argument("--all", action="store_true", help="list every restatement and conflict")
    imp.add_argument("--json", action="store_true", help="print one JSON document instead (every change)")
    imp.add_argument("--lang", choices=["en", "zh"], default=default_lang(), help="language of the report")
    imp.add_argument("--strict", action="store_true", help="treat warnings as errors")
    imp.set_defaults(handler=_cmd_data_import)


#: Library fields and the flags a planner typed for them (library errors name fields only).
FLAGS = {
    "jump_offs": "--from",
    "horizon": "--horizon",
    "by": "--by",
    "probability": "--probability",
    "items": "--set/--shift",
    "years": "--years",
    "paths": "--paths",
    "out": "--out",
    "year": "--year",
    "vintage": "--vintage",
    "over": "--over",
    "port": "--port",
}


def _with_flag(exc: InputError, lang: str = "en") -> str:
    """The error line(s), naming the command-line flag where the field came from one; the message
    in ``lang`` (file, line and field as they are)."""
    from sim.errors import InputErrors
    from sim.present.edge import error_line

    if isinstance(exc, InputErrors):
        return "\n".join(_with_flag(one, lang) for one in exc.errors)
    field = FLAGS[exc.field] if exc.file is None and exc.field in FLAGS else exc.field
    return error_line(exc, lang, field=field)




def error_lang(argv: Sequence[str]) -> str:
    """The language of error messages: ``--lang`` on the command line (even one that failed to
    parse), else the environment's ``RANKSIM_LANG``, else English."""
    import os

    lang = os.environ.get("RANKSIM_LANG", "en").strip().lower()
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(argv):
            lang = argv[n + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return "zh" if lang.startswith("zh") else "en"


def _check_out(args: argparse.Namespace) -> None:
    """An --out that could not be written fails before any computation (and creates nothing)."""
    from sim.present.output import check_dir

    out = getattr(args, "out", None)
    if out is not None:
        check_dir(out.parent if args.command == "chart" else out)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ranksim`` on ``argv`` (default ``sys.argv[1:]``) and return the exit status.

    0 success, 2 bad input or argument (one line on stderr), 130 interrupted, 1 internal error."""
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("NUMBA_THREADING_LAYER", "forksafe")  # the command's own process only
    _WARN_LANG[0] = error_lang(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("always", RanksimWarning)
        warnings.showwarning = _show_warning  # restored when the block ends
        return _main(argv)


def _main(argv: list[str]) -> int:
    try:
        args = build_parser(error_lang(argv)).parse_args(argv)
        if getattr(args, "strict", False):
            warnings.simplefilter("error", RanksimWarning)
        if args.version:
            from sim.provenance import version

            print(f"ranksim {version()}")
            return 0
        if args.command is None:
            raise ArgumentError(msg("cli.no_command"))
        _check_out(args)
        from sim.inputs.scenario_file import scenario_cache

        with ExitStack() as args.wording, scenario_cache():  # the command line caches scenario files
            return int(args.handler(args, argv))
    except InputError as exc:
        print(_with_flag(exc, error_lang(argv)), file=sys.stderr)
        return 2
    except RanksimWarning as exc:  # --strict
        from sim.present.edge import warning_line

        lang = error_lang(argv)
        line = warning_line(exc, lang)
        print(msg("cli.strict", warning=line).render(lang), file=sys.stderr)
        return 2
    except BrokenPipeError:  # `ranksim ... | head`: stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt as exc:  # an interrupt while outputs were moved in came after them
        written = getattr(exc, "written", None)
        said = msg("cli.interrupted_after", n=len(written)) if written else msg("cli.interrupted")
        print(said.render(error_lang(argv)), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence: one line, exit 1
        if "RANKSIM_DEBUG" in __import__("os").environ:
            raise
        said = msg("cli.internal_error", error=f"{type(exc).__name__}: {exc}")
        print(said.render(error_lang(argv)), file=sys.stderr)
        return 1


def entry() -> NoReturn:
    """Console-script entry point: exit with the status of :func:`main` (130 after a Ctrl-C,
    wherever it arrived, without a traceback)."""
    try:
        code = main()
    except KeyboardInterrupt:
        print(msg("cli.interrupted").render(error_lang(sys.argv[1:])), file=sys.stderr)
        code = 130
    if code == 130:
        _exit_now(code)
    raise SystemExit(code)


def _exit_now(code: int) -> NoReturn:
    """Leave at once after an interrupt: a compiled parallel kernel's worker threads may still be
    finishing their share, and tearing the interpreter down under them can crash (SIGSEGV) or
    meet a second Ctrl-C. Nothing is lost: outputs are written all or none, before this point."""
    import os
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
