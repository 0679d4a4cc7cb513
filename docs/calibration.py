"""Choose the backtest-chosen defaults out of sample, and print the tables the README quotes.

Usage: python docs/calibration.py [--paths N] [--seed K]

1. Spreads' estimation window and half-life: rank MAE (relative to "ranks stay") of every
   candidate at horizons 1, 3, 5, 10, jump-offs 2002-2024; the rolling-origin rule picks, at each
   jump-off, the candidate best on the outcomes known then. Honest vs in-sample scores on the
   tested jump-offs 2008-2019, and the choice with everything known by 2025 (the shipped default).
2. Uncertainty: block length (stationary bootstrap), shock scale and the spreads' parameter
   multiplier, by the squared coverage error of the 50 % / 80 % nominal-level bands at the same
   horizons; the same rolling-origin rule; honest and in-sample coverage by horizon.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from sim.analyses.calibration import (
    COVERAGE_HORIZONS,
    DEFLATOR_MODELS,
    NOISE_SE,
    RULE_MODELS,
    RollingChoice,
    coverage_choice,
    deflator_comparison,
    describe,
    honest_coverage,
    rank_error_choice,
)
from sim.model.scenario import load_scenario

CALIBRATION = range(2002, 2025)
#: Band calibration starts later: an uncertainty window needs enough usable years (2001-2007
#: holds six, and the 2006 vintage splice removes one) for its deviations to mean anything.
COVERAGE_CALIBRATION = range(2008, 2025)
TESTED = range(2008, 2020)
NOW = 2025


def deflator_section(ch: RollingChoice) -> None:
    """Deflator models judged out of sample; the simplest within noise of the best is the default."""
    cmp = deflator_comparison(ch, list(TESTED))
    print("\n## Deflator model: honest rank MAE relative to 'ranks stay', jump-offs 2008-2019")
    print("(window and half-life chosen by rolling origin within each model; excess over the best")
    print(" per jump-off, averaged over the horizons it has, +- one standard error across jump-offs)")
    print("| deflator model | " + " | ".join(f"h={h}" for h in cmp.horizons) + " | excess over best |")
    print("|---|" + "---|" * (len(cmp.horizons) + 1))
    for i, m in enumerate(cmp.models):
        cells = " | ".join(f"{v:.3f}" for v in cmp.scores[i])
        print(f"| {m} | {cells} | {cmp.gap[i]:+.3f} +- {cmp.gap_se[i]:.3f} |")
    print(f"best: {cmp.best}; simplest within {NOISE_SE:g} standard errors (the default): {cmp.default}")
    sub = ch.subset([i for i, c in enumerate(ch.candidates) if c["others.deflator_model"] == cmp.default])
    chosen = describe(sub.candidates[sub.chosen(NOW)])
    print(f"its window and half-life chosen with outcomes to {NOW}: {chosen}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paths", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip-coverage", action="store_true")
    args = ap.parse_args(argv)
    sc = load_scenario("scenarios/inner_mongolia_6pct.yaml")
    t0 = time.perf_counter()
    ch = rank_error_choice(sc, CALIBRATION, models=DEFLATOR_MODELS)
    print("## Window and half-life: rank MAE relative to 'ranks stay', jump-offs 2008-2019")
    print("| horizon | rolling origin (honest) | in-sample best | in-sample choice |")
    print("|---|---|---|---|")
    for k, h in enumerate(ch.horizons):
        tested = [b for b in TESTED if b + h <= NOW]
        best, i = ch.in_sample(tested, k)
        print(f"| {h} | {ch.honest(tested, k):.3f} | {best:.3f} | {describe(ch.candidates[i])} |")
    print(f"chosen with outcomes to {NOW} (the default): {describe(ch.candidates[ch.chosen(NOW)])}")
    print("chosen at each tested jump-off:", {b: describe(ch.candidates[ch.chosen(b)]) for b in TESTED})
    deflator_section(ch)
    rule = ch.subset([i for i, c in enumerate(ch.candidates) if c["others.deflator_model"] in RULE_MODELS])
    print(f"\n## The honest rule without the hand-picked group (deflator models {', '.join(RULE_MODELS)})")
    print("| horizon | rolling origin (honest) |")
    print("|---|---|")
    for k, h in enumerate(rule.horizons):
        print(f"| {h} | {rule.honest([b for b in TESTED if b + h <= NOW], k):.3f} |")
    print(f"chosen with outcomes to {NOW}: {describe(rule.candidates[rule.chosen(NOW)])}")
    if args.skip_coverage:
        return
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        print(f"  candidate {done[0]}", file=sys.stderr, flush=True)

    cov = coverage_choice(sc, COVERAGE_CALIBRATION, args.paths, args.seed, progress=tick)
    honest = honest_coverage(cov, list(TESTED))
    assert cov.inside is not None
    k_best = int(np.argmin([
        sum((cov.coverage(i, TESTED)[h][lv] - lv) ** 2 for h in COVERAGE_HORIZONS for lv in cov.levels)
        for i in range(len(cov.candidates))
    ]))  # fmt: skip
    default = cov.chosen(NOW)
    print(f"\n## Band coverage of nominal levels (shares), jump-offs 2008-2019, {args.paths} paths")
    print("| horizon | honest 50/80 % | default 50/80 % | in-sample 50/80 % |")
    print("|---|---|---|---|")
    for h in COVERAGE_HORIZONS:
        d, b = cov.coverage(default, TESTED)[h], cov.coverage(k_best, TESTED)[h]
        print(
            f"| {h} | {honest[h][0.5]:.3f} / {honest[h][0.8]:.3f} | {d[0.5]:.3f} / {d[0.8]:.3f} | "
            f"{b[0.5]:.3f} / {b[0.8]:.3f} |"
        )
    print(f"in-sample choice (best on 2008-2019 itself): {describe(cov.candidates[k_best])}")
    print(f"chosen with outcomes to {NOW} (the default): {describe(cov.candidates[default])}")
    print("chosen at each tested jump-off:", {b: describe(cov.candidates[cov.chosen(b)]) for b in TESTED})
    print(f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
