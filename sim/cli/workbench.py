"""The planner's workbench commands: ``ranksim diff`` (two scenarios, what moved the answer),
``ranksim compare`` (several scenarios side by side) and ``ranksim serve`` (a local what-if app
in the browser). Registered by :func:`add_commands`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sim.errors import ArgumentError
from sim.messages import msg


def _cmd_diff(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from sim.analyses.diff import diff
    from sim.cli.common import print_json as _print_json
    from sim.cli.common import print_written as _print_written
    from sim.cli.common import chart_images, headers_lang
    from sim.model.scenario import load_scenario
    from sim.present.diffview import diff_frame, diff_report, diff_text
    from sim.present.output import dumps, write_files
    from sim.present.tables import csv_text
    from sim.present.workbook import workbook_bytes
    from sim.provenance import Provenance

    a, b = load_scenario(args.a), load_scenario(args.b)
    from sim.present.i18n import aggregate_wording

    args.wording.enter_context(aggregate_wording(a.panel.scope))  # A's aggregate (全区 ...) in the texts
    from sim.cli.common import encoding_note as _encoding_note

    for sc in (a, b):
        _encoding_note(sc.panel, args.lang)
    result = diff(a, b, years=args.years)
    prov = Provenance.of({**a.files, **b.files}, command=["ranksim", *argv])
    doc = result.to_document(prov)
    written = []
    if args.out is not None:  # diff.json, the table as CSV and the report: all or none
        stem = args.name or "diff"
        table = diff_frame(result, args.lang)
        heads, regions = headers_lang(args), a.panel.regions
        files: dict[str, str | bytes] = {f"{stem}.json": dumps(doc)}
        files[f"{stem}.csv"] = csv_text(table, heads, regions)
        if args.long:  # the one long format (model, scenario, region, variable, unit, year, value)
            files[f"{stem}_long.csv"] = csv_text(result.to_long())
        if not args.no_report:
            files[f"{stem}.html"] = diff_report(result, args.lang, prov)
        files |= chart_images(args, [result])
        if args.xlsx:  # the summary sheet: what the terminal prints, then the provenance
            lines = [["", line.strip()] for line in diff_text(result, args.lang).splitlines()]
            summary = [*lines, [], ["ranksim", prov.version]]
            files[f"{stem}.xlsx"] = workbook_bytes(summary, {"": table}, "diff", heads, regions)
        written = write_files(Path(args.out), files)
    if args.json:
        return _print_json(doc)
    print(diff_text(result, args.lang))
    _print_written(written, args.lang)
    return 0


def _cmd_compare(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from sim.analyses.compare import compare
    from sim.cli.common import chart_images, headers_lang
    from sim.cli.common import encoding_note as _encoding_note
    from sim.cli.common import print_json as _print_json
    from sim.cli.common import print_written as _print_written
    from sim.cli.progress import progress_bar
    from sim.model.scenario import load_scenario
    from sim.present.compareview import compare_provenance, compare_report, compare_summary_rows, compare_text
    from sim.present.i18n import aggregate_wording
    from sim.present.output import dumps, write_files
    from sim.present.tables import csv_files, result_tables
    from sim.present.workbook import workbook_bytes

    if len(args.scenarios) < 2:
        raise ArgumentError(msg("cli.two_scenarios", n=len(args.scenarios)), field="scenarios")
    scenarios = [load_scenario(path) for path in args.scenarios]
    args.wording.enter_context(aggregate_wording(scenarios[0].panel.scope))
    for sc in scenarios:
        _encoding_note(sc.panel, args.lang)
    paths = None if args.no_montecarlo else args.paths
    total = len(scenarios) * (paths or 0)
    label = msg("cli.progress_montecarlo").render(args.lang)
    with progress_bar(total, label, quiet=args.quiet or not paths) as advance:
        result = compare(scenarios, paths=paths, seed=args.seed, progress=advance)
    prov = compare_provenance(result, ["ranksim", *argv])
    written = []
    if args.out is not None:  # all or none
        stem = args.name or "compare"
        tables = result_tables(result)
        heads, regions = headers_lang(args), result.scenario.panel.regions
        files: dict[str, str | bytes] = {
            f"{stem}.json": dumps(result.to_document(prov)),
            **csv_files(stem, tables, heads, regions),
            **chart_images(args, [result]),
        }
        if not args.no_report:
            files[f"{stem}.html"] = compare_report(result, args.lang, prov)
        if args.xlsx:
            summary = compare_summary_rows(result, args.lang, prov)
            files[f"{stem}.xlsx"] = workbook_bytes(summary, tables, "compare", heads, regions)
        written = write_files(Path(args.out), files)
    if args.json:
        return _print_json(result.to_document(prov))
    print(compare_text(result, args.lang))
    _print_written(written, args.lang)
    return 0


def _cmd_serve(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from sim.model.scenario import default_scenario, load_scenario
    from sim.serve.app import serve

    scenario = load_scenario(args.scenario) if args.scenario is not None else default_scenario()
    serve(scenario, port=args.port, paths=args.paths, lang=args.lang, save_dir=args.save_dir)
    return 0


def add_commands(sub: Any) -> None:
    """Add ``diff``, ``compare`` and ``serve`` to the ``ranksim`` subcommands."""
    from sim.cli.common import default_lang
    from sim.cli.common import output_args as _output_args
    from sim.cli.common import positive_int_arg as _positive_int
    from sim.cli.common import year_arg as _year
    from sim.cli.common import seed_arg as _seed

    d = sub.add_parser(
        "diff", help="what changed between two scenarios, and how much each change moved the answer"
    )
    d.add_argument("a", type=Path, metavar="A.yaml", help="the first scenario (e.g. last year's plan)")
    d.add_argument("b", type=Path, metavar="B.yaml", help="the second scenario (e.g. this year's)")
    d.add_argument("--years", type=_year, nargs="+", help="years to report the gap to the threshold for")
    _output_args(d, "diff.json, diff.csv and diff.html")
    d.set_defaults(handler=_cmd_diff)

    c = sub.add_parser("compare", help="scenarios side by side: answers, P(reach), passes, what differs")
    c.add_argument("scenarios", type=Path, nargs="+", metavar="SCENARIO.yaml", help="two or more scenarios")
    c.add_argument(
        "--paths", type=_positive_int, default=10_000, help="Monte Carlo paths a scenario (default 10000)"
    )
    c.add_argument(
        "--seed", type=_seed, default=0, help="random seed, the same draws for every scenario (default 0)"
    )
    c.add_argument(
        "--no-montecarlo", action="store_true", help="deterministic answers only (no P(reach), no fan)"
    )
    c.add_argument("--quiet", action="store_true", help="no progress bar")
    _output_args(
        c,
        "compare.html, compare.json, compare.csv (answers) and compare_*.csv (long, with a scenario column)",
    )
    c.set_defaults(handler=_cmd_compare)

    s = sub.add_parser("serve", help="a local what-if app in the browser (127.0.0.1)")
    s.add_argument("scenario", type=Path, nargs="?", help="starting scenario (default: the default model)")
    s.add_argument("--port", type=_positive_int, default=8050, help="port on 127.0.0.1 (default 8050)")
    s.add_argument("--save-dir", type=Path, help="folder for saved scenarios (default: the scenario's)")
    s.add_argument(
        "--paths", type=_positive_int, default=1000, help="Monte Carlo paths per update (default 1000)"
    )
    s.add_argument("--lang", choices=["en", "zh"], default=default_lang(), help="language of the app")
    s.set_defaults(handler=_cmd_serve)
