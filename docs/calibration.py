"""Choose the backtest-chosen defaults out of sample, and print the tables the README quotes.

Usage: python docs/calibration.py [--paths N] [--seed K]

1. Spreads' estimation window and half-life: rank MAE (relative to "ranks stay") of every
   candidate at horizons 1, 3, 5, 10, jump-offs 2002-2024; the rolling-origin rule picks, at each
   jump-off, the candidate best on the outcomes known then. Honest vs in-sample scores on the
   tested jump-offs 2008-2019, and the choice with everything known by 2025. Deflator rules
   compared the same way; the honest rule chooses among those that treat regions alike with short
   deflator half-lives (RULE_MODELS), and its choice with outcomes to 2025 is the shipped default
   (the last table). The lean toward "shares stay" (others.lean), all regions, coal group and Inner Mongolia.
   The price-cycle group's lean (others.cycle_weight): the group estimated at each jump-off, its
   weight fixed or chosen by rolling origin on the group's own rank errors.
2. Uncertainty: block length (stationary bootstrap), shock scale and the spreads' parameter
   multiplier, by the squared coverage error of the 50 % / 80 % nominal-level bands at the same
   horizons; the same rolling-origin rule; honest and in-sample coverage by horizon.
3. Region scales (uncertainty.region_scale) with the shock scale around that choice, by a loss
   that adds each region's own coverage error; honest coverage, all / coal group / Inner Mongolia.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace

import numpy as np

from sim.analyses.backtest import backtest
from sim.analyses.calibration import (
    COVERAGE_HORIZONS,
    CYCLE_WEIGHTS,
    DEFLATOR_MODELS,
    LEANS,
    NOISE_SE,
    RULE_MODELS,
    CoverageChoice,
    GroupLeanChoice,
    RollingChoice,
    coverage_choice,
    deflator_comparison,
    describe,
    group_lean_choice,
    honest_coverage,
    rank_error_choice,
    rule_name,
    rule_of,
)
from sim.inputs.choices import DEFAULT_DEFLATOR_HALF_LIFE, DEFAULT_DEFLATOR_MODEL
from sim.model.prices import factor_group
from sim.model.scenario import Scenario, load_scenario
from sim.present.track import COAL_GROUP

CALIBRATION = range(2002, 2025)
#: Band calibration starts later: an uncertainty window needs enough usable years (2001-2007
#: holds six, and the 2006 vintage splice removes one) for its deviations to mean anything.
COVERAGE_CALIBRATION = range(2008, 2025)
TESTED = range(2008, 2020)
NOW = 2025


def deflator_section(ch: RollingChoice) -> None:
    """Deflator rules judged out of sample, each with its window and half-life chosen by rolling
    origin: the best, and the simplest within noise of it (for information: the default is the
    honest rule's own choice among RULE_MODELS, printed at the end)."""
    cmp = deflator_comparison(ch, list(TESTED))
    print("\n## Deflator model: honest rank MAE relative to 'ranks stay', jump-offs 2008-2019")
    print("(window and half-life chosen by rolling origin within each model; excess over the best")
    print(" per jump-off, averaged over the horizons it has, +- one standard error across jump-offs)")
    print("| deflator model | " + " | ".join(f"h={h}" for h in cmp.horizons) + " | excess over best |")
    print("|---|" + "---|" * (len(cmp.horizons) + 1))
    for i, m in enumerate(cmp.models):
        cells = " | ".join(f"{v:.3f}" for v in cmp.scores[i])
        print(f"| {m} | {cells} | {cmp.gap[i]:+.3f} +- {cmp.gap_se[i]:.3f} |")
    print(f"best: {cmp.best}; simplest within {NOISE_SE:g} standard errors: {cmp.default}")
    if cmp.rules[cmp.models.index(cmp.default)] != (DEFAULT_DEFLATOR_MODEL, DEFAULT_DEFLATOR_HALF_LIFE):
        print("(not the default: the default is the honest rule's own choice, the last table; the simplest")
        print(" rule alone: 'The honest rule with national prices only', below)")
    default = cmp.rules[cmp.models.index(cmp.default)]
    sub = ch.subset([i for i, c in enumerate(ch.candidates) if rule_of(c) == default])
    chosen = describe(sub.candidates[sub.chosen(NOW)])
    print(f"its window and half-life chosen with outcomes to {NOW}: {chosen}")


def lean_section(sc: Scenario) -> None:
    """Each lean toward "shares stay" with the rest of the rule chosen by rolling origin within it:
    honest rank MAE (ranks) of all regions, the coal group and Inner Mongolia against "ranks stay"."""
    ch = rank_error_choice(sc, CALIBRATION, leans=LEANS)
    assert ch.units is not None
    codes = sc.panel.regions.codes
    coal, im = [codes.index(c) for c in COAL_GROUP], codes.index("15")
    print("\n## Lean toward 'shares stay' (others.lean): honest rank MAE, jump-offs 2008-2019")
    print("(window, half-life and deflator model chosen by rolling origin within each lean;")
    print(" all regions / coal group / Inner Mongolia)")
    print("| lean | " + " | ".join(f"h={h}" for h in ch.horizons) + " | chosen with outcomes to 2025 |")
    print("|---|" + "---|" * (len(ch.horizons) + 1))
    naive = []
    for h in ch.horizons:
        r = backtest(sc, [b for b in TESTED if b + h <= NOW], h)
        err = np.abs(r.naive - r.actual).mean(axis=0)
        naive.append(f"{err.mean():.3f} / {err[coal].mean():.3f} / {err[im]:.2f}")
    print("| ranks stay | " + " | ".join(naive) + " | |")
    for lean in LEANS:
        sub = ch.subset([i for i, c in enumerate(ch.candidates) if c["others.lean"] == lean])
        cells = []
        for k, h in enumerate(ch.horizons):
            reg = sub.honest_by_region([b for b in TESTED if b + h <= NOW], k)
            cells.append(f"{reg.mean():.3f} / {reg[coal].mean():.3f} / {reg[im]:.2f}")
        print(f"| {lean} | " + " | ".join(cells) + f" | {describe(sub.candidates[sub.chosen(NOW)])} |")


def cycle_section(sc: Scenario) -> GroupLeanChoice:
    """The price-cycle group's lean toward "shares stay": honest rank MAE of all regions, the coal
    group and Inner Mongolia with each fixed weight and with the weight chosen by rolling origin,
    the spread model chosen by rolling origin as in the honest rule; the weight the rule gives the
    shipped spread model with outcomes to 2025 (the default), and how far it stands above noise."""
    ch = group_lean_choice(sc, CALIBRATION)
    assert ch.spread is not None
    codes = sc.panel.regions.codes
    coal, im = [codes.index(c) for c in COAL_GROUP], codes.index("15")
    print("\n## Price-cycle group's lean toward 'shares stay' (others.cycle_weight): honest rank MAE, "
          "jump-offs 2008-2019")  # fmt: skip
    print("(the group estimated at each jump-off from the data up to it: the regions whose deflator")
    print(" spread the common price factor explains at least half of; window, half-life and deflator model")
    print(" chosen by rolling origin over all regions; the group's weight fixed, or chosen by rolling origin")
    print(" on the group's own rank errors; all regions / coal group / Inner Mongolia)")
    print("| rule | " + " | ".join(f"h={h}" for h in ch.horizons) + " |")
    print("|---|" + "---|" * len(ch.horizons))
    naive, model = _naive_errors(sc, ch.horizons), []
    print(
        "| ranks stay | "
        + " | ".join(f"{e.mean():.3f} / {e[coal].mean():.3f} / {e[im]:.2f}" for e in naive)
        + " |"
    )
    rules = [
        (f"weight {w:g}" + (" (no lean)" if w == 1 else ""), replace(ch, fixed_weight=w))
        for w in CYCLE_WEIGHTS
    ]
    for name, rule in [*rules, ("rolling origin (honest)", ch)]:
        cells = []
        for k, h in enumerate(ch.horizons):
            reg = rule.honest_by_region([b for b in TESTED if b + h <= NOW], k)
            cells.append(f"{reg.mean():.3f} / {reg[coal].mean():.3f} / {reg[im]:.2f}")
            model.append(reg)
        print(f"| {name} | " + " | ".join(cells) + " |")
    gains, excess = _gain_and_excess(model[-len(ch.horizons) :], naive, coal)
    print(
        f"rolling origin: all-region gain over 'ranks stay' {gains} %; coal group's excess over it {excess}"
    )
    print("weight chosen at each tested jump-off:",
          {b: ch.candidates[ch.chosen(b)]["others.cycle_weight"] for b in TESTED})  # fmt: skip
    group = ", ".join(sc.panel.regions.label(i) for i in factor_group(sc.panel, NOW))
    print(f"the group with data to {NOW}: {group}")
    own = ch.spread.candidates[ch.spread.fallback]
    losses = ch.group_losses(own, NOW)
    w = ch.candidates[ch.choose_weight(own, NOW)]["others.cycle_weight"]
    mean, se = ch.group_excess(own, NOW, w)
    print(f"chosen with outcomes to {NOW} for the shipped spread model {describe(own)} (the default): {w:g}")
    print("(the group's rank MAE relative to 'ranks stay' by weight: "
          + ", ".join(f"{x:g}: {v:.3f}" for x, v in losses.items())
          + f"; weight {w:g} less no lean, per jump-off: {mean:+.3f} +- {se:.3f})")  # fmt: skip
    return ch


def _naive_errors(sc: Scenario, horizons: tuple[int, ...]) -> list[np.ndarray]:
    """Each region's mean absolute rank error of "ranks stay" at the tested jump-offs, by horizon."""
    out = []
    for h in horizons:
        r = backtest(sc, [b for b in TESTED if b + h <= NOW], h)
        out.append(np.abs(r.naive - r.actual).mean(axis=0))
    return out


def _gain_and_excess(honest: list[np.ndarray], naive: list[np.ndarray], coal: list[int]) -> tuple[str, str]:
    """The all-region gain over "ranks stay" (%) and the coal group's excess over it (ranks), by
    horizon, from each region's honest and naive errors."""
    pairs = list(zip(honest, naive, strict=True))
    gains = " / ".join(f"{100 * (1 - m.mean() / n.mean()):.1f}" for m, n in pairs)
    return gains, " / ".join(f"{m[coal].mean() - n[coal].mean():+.3f}" for m, n in pairs)


def national_only_section(sc: Scenario) -> None:
    """The honest rule with the simplest deflator rule alone (no price spread for anyone): what the
    short-lived price spreads add, all regions and the coal group."""
    ch = group_lean_choice(sc, CALIBRATION, models=(("national", None),))
    coal = [sc.panel.regions.codes.index(c) for c in COAL_GROUP]
    honest = [ch.honest_by_region([b for b in TESTED if b + h <= NOW], k) for k, h in enumerate(ch.horizons)]
    gains, excess = _gain_and_excess(honest, _naive_errors(sc, ch.horizons), coal)
    print("\n## The honest rule with 'national' prices only (the simplest deflator rule), "
          "jump-offs 2008-2019")
    print(f"all-region gain over 'ranks stay' {gains} %; coal group's excess over it "
          f"{excess} (horizons {', '.join(map(str, ch.horizons))})")  # fmt: skip


def region_scale_section(sc: Scenario, default: dict, paths: int, seed: int) -> None:
    """Region scales (0 = pooled, 1 = each region's own record) and the shock scale around the
    default, chosen with each region's own coverage in the loss."""
    cands = [
        {**default, "uncertainty.scale": s, "uncertainty.region_scale": rs}
        for rs in (0.0, 0.5, 1.0)
        for s in (0.5, 0.6, 0.7, 0.8)
    ]
    cov = coverage_choice(sc, COVERAGE_CALIBRATION, paths, seed, candidates=cands, region_weight=1.0)
    codes = sc.panel.regions.codes
    groups = {
        "all": range(len(codes)),
        "coal": [codes.index(c) for c in COAL_GROUP],
        "IM": [codes.index("15")],
    }
    print(f"\n## Region scales: coverage 50/80 % by horizon, jump-offs 2008-2019, {paths} paths")
    print("(loss = pooled coverage error + the mean of each region's own; all / coal group / Inner Mongolia)")
    print("| candidate | " + " | ".join(f"h={h}" for h in COVERAGE_HORIZONS) + " |")
    print("|---|" + "---|" * len(COVERAGE_HORIZONS))
    for i, c in enumerate(cov.candidates):
        by = {g: cov.region_coverage(i, TESTED, idx) for g, idx in groups.items()}
        cells = [
            " / ".join(f"{100 * by[g][h][0.5]:.0f}-{100 * by[g][h][0.8]:.0f}" for g in groups)
            for h in COVERAGE_HORIZONS
        ]
        name = f"scale {c['uncertainty.scale']}, region_scale {c['uncertainty.region_scale']}"
        print(f"| {name} | " + " | ".join(cells) + " |")
    honest = _honest_groups(cov, groups)
    print("| rolling origin (honest) | " + " | ".join(honest) + " |")
    print(f"chosen with outcomes to {NOW} (the default): {describe(cov.candidates[cov.chosen(NOW)])}")
    print("chosen at each tested jump-off:", {b: describe(cov.candidates[cov.chosen(b)]) for b in TESTED})


def _honest_groups(cov: CoverageChoice, groups: dict) -> list[str]:
    """Honest coverage by horizon of each group: at each tested jump-off the candidate chosen then."""
    assert cov.inside_region is not None
    picks = {b: cov.chosen(b) for b in TESTED}
    out = []
    for k, _ in enumerate(COVERAGE_HORIZONS):
        parts = []
        for idx in groups.values():
            vals = [
                [cov.inside_region[picks[b], k, int(np.flatnonzero(cov.jump_offs == b)[0]), m][list(idx)]
                 for b in TESTED]
                for m in range(len(cov.levels))
            ]  # fmt: skip
            parts.append("-".join(f"{100 * np.nanmean(v):.0f}" for v in vals))
        out.append(" / ".join(parts))
    return out


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
    print(f"chosen with outcomes to {NOW} among every deflator rule, the hand-picked group's included "
          f"(not the default): {describe(ch.candidates[ch.chosen(NOW)])}")  # fmt: skip
    print("chosen at each tested jump-off:", {b: describe(ch.candidates[ch.chosen(b)]) for b in TESTED})
    deflator_section(ch)
    lean_section(sc)
    cycle_section(sc)
    national_only_section(sc)
    rule = ch.subset([i for i, c in enumerate(ch.candidates) if rule_of(c) in RULE_MODELS])
    names = ", ".join(rule_name(r) for r in RULE_MODELS)
    print(f"\n## The honest rule without the hand-picked group (deflator rules {names})")
    print("| horizon | rolling origin (honest) |")
    print("|---|---|")
    for k, h in enumerate(rule.horizons):
        print(f"| {h} | {rule.honest([b for b in TESTED if b + h <= NOW], k):.3f} |")
    print(f"chosen with outcomes to {NOW} (the default): {describe(rule.candidates[rule.chosen(NOW)])}")
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
    region_scale_section(sc, cov.candidates[default], args.paths, args.seed)
    print(f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
