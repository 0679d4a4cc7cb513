"""How well the method did, region by region: the table the run report quotes for its target.

Usage: python docs/track_record.py [--paths N] [--seed K] [--out docs/track_record.json]

For every horizon in 1, 3, 5, 10 it runs the backtest the README quotes
(``ranksim backtest --from 2008:2019 --horizon H --paths 2000 --seed 1``, the default model on
the bundled panel) and keeps, for every region: the coverage of its 50 % and 80 % nominal-level
bands, and its mean absolute rank error for the model, the model with its settings chosen by
rolling origin (honest) and "ranks stay". It writes them to ``docs/track_record.json`` (with the
date and the command) and prints a summary: all regions, the coal and energy group
(Shanxi, Inner Mongolia, Shaanxi, Ningxia, Xinjiang: a reporting group, used by no default)
and Inner Mongolia. The run report reads the JSON: its computation stays out of the run path.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

import numpy as np

from sim.analyses.backtest import backtest
from sim.analyses.calibration import COVERAGE_HORIZONS, model_oos
from sim.model.scenario import default_scenario
from sim.present.track import COAL_GROUP, TRACK_RECORD

JUMP_OFFS = range(2008, 2020)


def measure(paths: int, seed: int, changes: dict | None = None) -> dict:
    """The track-record document: per region, per horizon, coverage and rank errors (of the
    default model, with scenario ``changes`` if given: to measure an alternative)."""
    sc = default_scenario().with_changes(changes) if changes else default_scenario()
    codes = sc.panel.regions.codes
    regions: dict[str, dict[str, dict[str, float | None]]] = {c: {} for c in codes}
    jump_offs: dict[str, list[int]] = {}
    for h in COVERAGE_HORIZONS:
        r = backtest(sc, JUMP_OFFS, h, paths=paths, seed=seed)
        oos = model_oos(r)
        cover = r.region_coverage()
        mae = r.rank_mae_by_region(oos["by_region"])
        jump_offs[str(h)] = [int(b) for b in r.jump_off_years]
        for i, c in enumerate(codes):
            regions[c][str(h)] = {
                "coverage_50": round(float(cover[0.5][i]), 4),
                "coverage_80": round(float(cover[0.8][i]), 4),
                **{f"rank_mae_{k}": v for k, v in mae[c].items()},
            }
        print(f"  horizon {h} done", file=sys.stderr, flush=True)
    return {
        "produced": dt.date.today().isoformat(),
        "command": f"ranksim backtest --from 2008:2019 --horizon H --paths {paths} --seed {seed} --json",
        "changes": changes or {},
        "panel_last_year": int(sc.panel.last_year),
        "jump_offs": jump_offs,
        "regions": regions,
    }


def summary(doc: dict) -> str:
    """Markdown: coverage and rank errors, all regions / coal group / Inner Mongolia."""
    groups = {"all 31": list(doc["regions"]), "coal group": list(COAL_GROUP), "Inner Mongolia": ["15"]}
    lines = [
        f"Track record ({doc['command']}; {doc['produced']})",
        "",
        "| horizon | group | coverage 50 / 80 % | rank MAE model | model_oos | naive |",
        "|---|---|---|---|---|---|",
    ]
    for h in map(str, COVERAGE_HORIZONS):
        for name, codes in groups.items():
            rows = [doc["regions"][c][h] for c in codes]
            mean = {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}
            cover = f"{100 * mean['coverage_50']:.1f} / {100 * mean['coverage_80']:.1f}"
            maes = " | ".join(f"{mean[f'rank_mae_{k}']:.3f}" for k in ("model", "model_oos", "naive"))
            lines.append(f"| {h} | {name} | {cover} | {maes} |")
    return "\n".join(lines)


def _value(text: str) -> object:
    """A ``--set`` value: JSON (a number, null, a list) or else the text itself."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paths", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=TRACK_RECORD)
    ap.add_argument("--print-only", action="store_true", help="summarise the existing table")
    ap.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE",
        help="a scenario change (JSON value), e.g. others.deflator_model=mean_spread",
    )  # fmt: skip
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    if args.print_only:
        doc = json.loads(args.out.read_text(encoding="utf-8"))
    else:
        changes = {k: _value(v) for k, v in (item.split("=", 1) for item in args.set)}
        doc = measure(args.paths, args.seed, changes)
        args.out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(summary(doc))
    print(f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
