"""The README's backtest figures, regenerated from the current model: run it after any change
to the growth or deflator model and compare with the README.

    .venv/bin/python docs/backtest_tables.py

1. "### Defaults chosen by backtest": rank MAE of naive and of each window / half-life
   (all 31 provinces, jump-offs 2008-2019), plus the error of the regions' shares of total
   nominal GDP (``share_error``, % of the share), the criterion for the deflator model.
2. "## Backtests: would it have been right?": the table (= ``ranksim backtest --horizon h
   --paths 2000 --seed 1``, with its ``model_oos`` and ``coverage_level``) and the figures its
   bullets quote.
3. "### The data as it was published": the same backtest from the bundled vintages
   (``--vintage as-published``) and the share of the error that revisions alone cause.
"""

from __future__ import annotations

import numpy as np

import sim
from sim.analyses.calibration import model_oos

JUMP_OFFS = range(2008, 2020)
HORIZONS = (1, 3, 5, 10)
BASE = 2025
ROWS = ((3, 2), (3, 3), (5, 2), (5, 3), (5, 5), (9, 5), (9, None), (15, None))  # (window years, half-life)
DEFAULT = (3, 2)


def variant(base: sim.Scenario, years: int, half_life: float | None) -> sim.Scenario:
    """The scenario with a window of ``years`` years ending at the base year and this half-life."""
    changes = {"others.window": [BASE + 1 - years, BASE], "others.half_life": half_life}
    return base.with_changes(changes, rename=False)


def defaults_table(base: sim.Scenario) -> None:
    print("1. Defaults chosen by backtest: rank MAE | share of nominal GDP, MAE in % of the share")
    print("   (sim.backtest(scenario.with_changes({'others.window': [2026-N, 2025],")
    print("    'others.half_life': h}, rename=False), range(2008, 2020), h))\n")
    hs = [f"h={h}" for h in HORIZONS]
    print("| window | half-life | " + " | ".join(hs) + " | share " + " | share ".join(hs) + " |")
    print("|---|---|" + "---|" * 2 * len(HORIZONS))
    default = [sim.backtest(base, JUMP_OFFS, h) for h in HORIZONS]
    cells = [f"{b.naive_metrics.rank_mae:.3f}" for b in default] + [
        f"{b.share_error('naive'):.2f}" for b in default
    ]
    print("| naive (ranks stay) | | " + " | ".join(cells) + " |")
    for years, hl in ROWS:
        bts = [sim.backtest(variant(base, years, hl), JUMP_OFFS, h) for h in HORIZONS]
        cells = [f"{b.model.rank_mae:.3f}" for b in bts] + [f"{b.share_error('model'):.2f}" for b in bts]
        row = [f"{years} years", "none" if hl is None else str(hl), *cells]
        if (years, hl) == DEFAULT:  # the bold row must be what the default scenario runs
            row = [f"**{c}**" for c in row]
            same = all(np.array_equal(b.predicted, d.predicted) for b, d in zip(bts, default, strict=True))
        print("| " + " | ".join(row) + " |")
    print(f"\n(bold row identical to sim.default_scenario(): {same})")


def backtests_section(base: sim.Scenario) -> None:
    print("\n2. Backtests section: default model, jump-offs 2008-2019 (horizon 10: 2008-2014)")
    print("   (ranksim backtest --horizon h --paths 2000 --seed 1 =")
    print("    sim.backtest(sim.default_scenario(), range(2008, 2020), h, paths=2000, seed=1))\n")
    print(
        "| horizon | model MAE (defaults) | model MAE (rolling origin) | in-sample best | naive MAE"
        " | model / naive Spearman | exact (model / naive) | Inner Mongolia MAE (model / naive)"
        " | rank 50 / 80 % covers | level 50 / 80 % covers |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    gains, honest, target, same_actual, beats, climb = [], [], [], [], [], []
    for h in HORIZONS:
        b = sim.backtest(base, JUMP_OFFS, h, paths=2000, seed=1)
        oos = model_oos(b)
        m, n = b.model, b.naive_metrics
        assert b.coverage is not None and b.coverage_level is not None
        print(
            f"| {h} | {m.rank_mae:.3f} | {oos['rank_mae']:.3f} | {oos['in_sample_rank_mae']:.3f}"
            f" | {n.rank_mae:.3f} | {m.spearman:.3f} / {n.spearman:.3f}"
            f" | {m.exact_share:.0%} / {n.exact_share:.0%}"
            f" | {m.target_rank_mae:.2f} / {n.target_rank_mae:.2f}"
            f" | {b.coverage[0.5]:.0%} / {b.coverage[0.8]:.0%}"
            f" | {b.coverage_level[0.5]:.1%} / {b.coverage_level[0.8]:.1%} |"
        )
        gains.append(1 - m.rank_mae / n.rank_mae)
        honest.append(1 - oos["rank_mae"] / n.rank_mae)
        beats.append(m.rank_mae < n.rank_mae and m.spearman > n.spearman)
        target.append((m.target_rank_mae, n.target_rank_mae))
        climb.append(float(np.mean(b.predicted[:, base.target] - b.actual[:, base.target])))
        actual = sim.backtest(base, JUMP_OFFS, h, national="actual")  # ranksim backtest --national actual
        same_actual.append(np.array_equal(actual.predicted, b.predicted))
    print("\nBullets (derived from the table above):")
    print(
        f"- model beats naive in MAE and Spearman at every horizon: {all(beats)} "
        f"({', '.join(str(x) for x in beats)})"
    )
    print(
        f"- gain over naive in rank MAE, defaults: {', '.join(f'{g:.0%}' for g in gains)} "
        f"(range {min(gains):.0%} to {max(gains):.0%}); rolling origin (honest): "
        f"{', '.join(f'{g:.0%}' for g in honest)} (range {min(honest):.0%} to {max(honest):.0%})"
    )
    print(
        f"- --national actual gives the same ranks: {all(same_actual)} "
        f"({', '.join(str(x) for x in same_actual)})"
    )
    tm, tn = [t[0] for t in target[1:]], [t[1] for t in target[1:]]
    print(
        f"- Inner Mongolia, h=3-10: model {min(tm):.2f}-{max(tm):.2f} ranks, "
        f"naive {min(tn):.2f}-{max(tn):.2f};"
        f" model worse at every horizon: {all(a > c for a, c in target)}; mean predicted - actual rank"
        f" (< 0: a climb that did not come): {', '.join(f'{c:+.2f}' for c in climb)}"
    )


def as_published_section(base: sim.Scenario) -> None:
    print("\n3. The data as it was published: jump-offs 2008-2019 projected from the bundled vintages")
    print("   (ranksim backtest --horizon h --vintage as-published --paths 2000 --seed 1)\n")
    print(
        "| horizon | model MAE (as published / final data) | naive MAE (as published / final data)"
        " | error from revisions alone | level 50 / 80 % covers (as published) |"
    )
    print("|---|---|---|---|---|")
    used = {}
    for h in HORIZONS:
        pub = sim.backtest(base, JUMP_OFFS, h, paths=2000, seed=1, vintage="as-published")
        fin = sim.backtest(base, JUMP_OFFS, h)
        rev = pub.revisions()
        assert rev is not None and pub.coverage_level is not None
        print(
            f"| {h} | {pub.model.rank_mae:.3f} / {fin.model.rank_mae:.3f}"
            f" | {rev['naive_as_published_rank_mae']:.3f} / {rev['naive_final_rank_mae']:.3f}"
            f" | {rev['revision_share']:.0%}"
            f" | {pub.coverage_level[0.5]:.1%} / {pub.coverage_level[0.8]:.1%} |"
        )
        used.update(rev["vintages"])
    print(f"\nvintages by jump-off: {used}")


if __name__ == "__main__":
    scenario = sim.default_scenario()
    defaults_table(scenario)
    backtests_section(scenario)
    as_published_section(scenario)
