"""Why the coal group's 10-year band is not within 10 points of nominal: the evidence (issue 22).

    .venv/bin/python docs/coal_bands.py [--paths N] > docs/coal_bands.md

The coal and energy group (Shanxi, Inner Mongolia, Shaanxi, Ningxia, Xinjiang: a reporting group,
used by no default) is covered too rarely by its 3-year 50 % band and too often by its 10-year
one. This script measures the coverage of the nominal-level (share) bands, jump-offs 2008-2019,
as ``ranksim backtest`` does, for

1. the default model at several seeds and path counts (how much of the figure is Monte Carlo
   noise), and an interval for the group's coverage from resampling the jump-offs;
2. how the group's errors grow with the horizon (variance ratios of its relative deflator and
   nominal growth);
3. every change of the band's shape tried: a relative price level that mean-reverts, the price
   spreads' drawn error fading with their own half-life (for every region, or for the
   price-cycle group estimated from the data), the leaned spreads drawing ``w`` rather than
   ``sqrt(w)`` of their sampling error, longer blocks, region scales, a two-setting variant
   tuned on the group itself (it meets the target at two of three seeds, on the edge), and the
   same with the group's factor estimated from its record, as a default would have to be (it
   does not).

Each variant is a small patch of the model inside this process (none is part of ranksim: none
met the target honestly). Run time about 3 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

import sim.analyses.montecarlo as mc
import sim.model.shocks as shocks
from sim.analyses.backtest import backtest
from sim.model.growth import decay_factors
from sim.model.prices import factor_group
from sim.model.scenario import default_scenario
from sim.present.track import COAL_GROUP

JUMP_OFFS = range(2008, 2020)
HORIZONS = (1, 3, 5, 10)


@dataclass(frozen=True)
class Variant:
    """A band variant: its name, scenario changes and an in-process patch (a context manager)."""

    name: str
    changes: dict[str, Any]
    patch: Callable[[], contextlib.AbstractContextManager[None]] | None = None


def coverage(changes: dict[str, Any], paths: int, seed: int) -> dict[int, tuple[float, float, float, float]]:
    """Per horizon: 50 and 80 % coverage of all regions, then of the coal group (percent)."""
    sc = default_scenario()
    sc = sc.with_changes(changes) if changes else sc
    codes = list(sc.panel.regions.codes)
    coal = [codes.index(c) for c in COAL_GROUP]
    out = {}
    for h in HORIZONS:
        c = backtest(sc, JUMP_OFFS, h, paths=paths, seed=seed).region_coverage()
        out[h] = (
            100 * c[0.5].mean(),
            100 * c[0.8].mean(),
            100 * c[0.5][coal].mean(),
            100 * c[0.8][coal].mean(),
        )
    return out


def row(name: str, cov: dict[int, tuple[float, float, float, float]]) -> str:
    """A table row: every horizon's pooled and coal coverage and the largest misses."""
    cells = " | ".join(f"{a:.1f}/{b:.1f} · {c:.1f}/{d:.1f}" for a, b, c, d in cov.values())
    pooled = max(max(abs(a - 50), abs(b - 80)) for a, b, _, _ in cov.values())
    coal = max(max(abs(c - 50), abs(d - 80)) for _, _, c, d in cov.values())
    ok = "yes" if pooled <= 5 and coal <= 10 else "no"
    return f"| {name} | {cells} | {pooled:.1f} | {coal:.1f} | {ok} |"


# --------------------------------------------------------------------------- patches


@contextlib.contextmanager
def _swapped(owner: Any, name: str, new: Any) -> Iterator[None]:
    old = getattr(owner, name)
    setattr(owner, name, new)
    try:
        yield
    finally:
        setattr(owner, name, old)


def mean_reverting_prices(rho: float) -> Callable[[], contextlib.AbstractContextManager[None]]:
    """Yearly deflator deviations drawn as innovations of a relative price level that keeps
    ``rho`` of itself each year (the level at T weighs year s by rho ** (T - s)); the level
    bands (what coverage measures) use the draws' totals."""

    @contextlib.contextmanager
    def patch() -> Iterator[None]:
        init, draw, totals = shocks.ShockModel.__init__, shocks.ShockModel.draw, shocks.IndexedDraws.totals

        def new_init(self: Any, deviations: Any, reference: int, **kw: Any) -> None:
            init(self, deviations, reference, **kw)
            rs = kw.get("region_scale")
            p = deviations.deflator * (1.0 if rs is None else np.asarray(rs)[None, :]) * kw.get("scale", 1.0)
            self.relative_price = p - p[:, reference : reference + 1]

        def new_draw(self: Any, rng: Any, paths: int, years: int, offsets: Any = None) -> Any:
            d = draw(self, rng, paths, years, offsets)
            object.__setattr__(d, "_price", self.relative_price)
            return d

        def new_totals(self: Any) -> Any:
            out = totals(self)
            yp = self._price[self.rows_drawn()]  # (P, T, N)
            w = rho ** np.arange(yp.shape[1] - 1, -1, -1)
            return out - yp.sum(axis=1) + np.einsum("ptn,t->pn", yp, w)

        with (
            _swapped(shocks.ShockModel, "__init__", new_init),
            _swapped(shocks.ShockModel, "draw", new_draw),
            _swapped(shocks.IndexedDraws, "totals", new_totals),
        ):
            yield

    return patch


def price_error_fading(
    half_life: float, group_only: bool
) -> Callable[[], contextlib.AbstractContextManager[None]]:
    """The deflator spreads' drawn sampling error fades with ``half_life`` (the real spreads' keeps
    the parameter half-life), for every region or only for the price-cycle group estimated at the
    jump-off (:func:`sim.model.prices.factor_group`)."""

    @contextlib.contextmanager
    def patch() -> Iterator[None]:
        cumulative = shocks.OffsetTable._cumulative

        def new_cumulative(self: Any, cols: Any) -> Any:
            m = self.model
            if self.spread_deflator is None:
                return cumulative(self, cols)
            g = m.growth
            on = np.ones(g.n_regions, dtype=bool)
            if group_only:
                on[:] = False
                on[list(factor_group(m.panel, g.base_year))] = True
            on_cols = on[cols]
            if not on_cols.any():
                return cumulative(self, cols)
            saved = self.spread_deflator
            kept = saved.copy()
            part = kept[:, cols]
            part[:, on_cols] = 0.0
            kept[:, cols] = part
            object.__setattr__(self, "spread_deflator", kept)
            try:
                out = cumulative(self, cols)
            finally:
                object.__setattr__(self, "spread_deflator", saved)
            decay = decay_factors(g.years, g.base_year, half_life) * m.parameter_scale
            cells = shocks._mask(m.roles.estimated_deflator, cols) * on_cols[None, :]
            extra = decay[None, :, None] * saved[:, cols][:, None, :] * cells[None]
            if m.region_scale is not None:
                extra = extra * m.region_scale[None, None, cols]
            out[:, 1:] += np.cumsum(extra, axis=1)
            return out

        with _swapped(shocks.OffsetTable, "_cumulative", new_cumulative):
            yield

    return patch


def leaned_error_power(power: float) -> Callable[[], contextlib.AbstractContextManager[None]]:
    """A spread kept at share ``w`` draws ``w ** power`` of its sampling error (ranksim: 0.5)."""

    @contextlib.contextmanager
    def patch() -> Iterator[None]:
        def draw_scales(scenario: Any) -> Any:
            scales, weight = mc.region_scales(scenario), scenario.growth.spread_weight
            if weight is None:
                return scales
            return weight**power if scales is None else scales * weight**power

        with _swapped(mc, "_draw_scales", draw_scales):
            yield

    return patch


def cycle_group_tuned(factor: float | None) -> Callable[[], contextlib.AbstractContextManager[None]]:
    """The price-cycle group's deflator-spread error fades with the price half-life (1 year) and
    its yearly shocks are ``factor`` times wider: two settings tuned on the coal group itself.
    ``factor`` None: estimated at each jump-off from the record up to it (the root mean square of
    the group's region scale factors, :func:`sim.model.record.scale_factors`, power 1)."""

    @contextlib.contextmanager
    def patch() -> Iterator[None]:
        def scenario_shocks(scenario: Any) -> Any:
            u, g = scenario.uncertainty, scenario.growth
            rs = np.ones(scenario.n_regions)
            group = list(factor_group(scenario.panel, scenario.base_year))
            if factor is not None:
                rs[group] = factor
            elif group:
                own = mc._region_scales(
                    scenario.with_changes({"uncertainty.region_scale": 1.0}, rename=False)
                )
                rs[group] = float(np.sqrt(np.mean(own[group] ** 2)))
            pinned = None if g.pinned_nominal is None else np.isfinite(g.pinned_nominal)
            return shocks.shock_model(
                scenario.panel, u.method, u.window, u.exclude_years, scenario.target, block=u.block,
                scale=u.scale, stationary=u.stationary, pinned=pinned, per_head=scenario.per_capita,
                region_scale=rs,
            )  # fmt: skip

        with _swapped(mc, "scenario_shocks", scenario_shocks), price_error_fading(1.0, True)():
            yield

    return patch


VARIANTS = (
    Variant("default", {}),
    Variant("relative price level mean-reverts, rho 0.8", {}, mean_reverting_prices(0.8)),
    Variant("relative price level mean-reverts, rho 0.5", {}, mean_reverting_prices(0.5)),
    Variant("price-spread error fades in 2 years (all), multiplier 2.5", {}, price_error_fading(2.0, False)),
    Variant(
        "price-spread error fades in 2 years (all), multiplier 4, scale 0.6",
        {"uncertainty.parameter_scale": 4.0, "uncertainty.scale": 0.6},
        price_error_fading(2.0, False),
    ),
    Variant(
        "price-spread error fades in 1 year (all), multiplier 5, scale 0.7",
        {"uncertainty.parameter_scale": 5.0},
        price_error_fading(1.0, False),
    ),
    Variant("price-spread error fades in 1 year (price-cycle group)", {}, price_error_fading(1.0, True)),
    Variant("leaned spreads draw w (not sqrt w) of their error", {}, leaned_error_power(1.0)),
    Variant("stationary blocks of 4 years", {"uncertainty.block": 4}),
    Variant("region scales, power 0.5", {"uncertainty.region_scale": 0.5}),
    Variant("region scales, power 1", {"uncertainty.region_scale": 1.0}),
    Variant("tuned on the group: cycle group error fades in 1 year, shocks x1.3", {}, cycle_group_tuned(1.3)),
    Variant("tuned on the group: cycle group error fades in 1 year, shocks x1.5", {}, cycle_group_tuned(1.5)),
    Variant("the same, the group's factor estimated from its record (honest)", {}, cycle_group_tuned(None)),
)


def variance_ratios() -> list[str]:
    """Variance ratio of k-year sums of each coal region's yearly deflator (and nominal) growth
    over the nation's, 2001-2025, to k times the 1-year variance: above 1, errors compound
    faster than a random walk; below 1, they revert."""
    panel = default_scenario().panel
    nat = panel.national
    defl = panel.log_deflator - nat.log_deflator[:, None]
    nominal = defl + panel.log_real - nat.log_real[:, None]
    ok = np.isfinite(defl).all(axis=1) & np.isfinite(nominal).all(axis=1)
    codes = list(panel.regions.codes)
    names = panel.regions.en

    def ratio(x: np.ndarray, k: int) -> np.ndarray:
        x = x - x.mean(axis=0)
        sums = np.array([x[i : i + k].sum(axis=0) for i in range(x.shape[0] - k + 1)])
        return sums.var(axis=0, ddof=1) / (k * x.var(axis=0, ddof=1))

    ks = (2, 3, 5, 10)
    years = panel.years[ok]
    lines = [
        f"Variance ratios of relative deflator / nominal growth, {years[0]}-{years[-1]} (k-year sums):",
        "",
        "| region | " + " | ".join(f"k={k}" for k in ks) + " |",
        "|---|" + "---|" * len(ks),
    ]
    for c in COAL_GROUP:
        j = codes.index(c)
        cells = " | ".join(f"{ratio(defl[ok], k)[j]:.2f} / {ratio(nominal[ok], k)[j]:.2f}" for k in ks)
        lines.append(f"| {names[j]} | {cells} |")
    med = " | ".join(
        f"{np.median(ratio(defl[ok], k)):.2f} / {np.median(ratio(nominal[ok], k)):.2f}" for k in ks
    )
    lines.append(f"| median of all 31 | {med} |")
    return lines


def jump_off_interval(paths: int, h: int, rng: np.random.Generator) -> str:
    """The coal group's 50 % coverage at horizon ``h`` and a 90 % interval from resampling the
    jump-offs (whole years, every region of a year together)."""
    sc = default_scenario()
    codes = list(sc.panel.regions.codes)
    coal = [codes.index(c) for c in COAL_GROUP]
    r = backtest(sc, JUMP_OFFS, h, paths=paths, seed=1)
    assert r.hits is not None
    hit = r.hits[("level", 0.5)][:, coal].astype(float)
    stats = hit[rng.integers(0, hit.shape[0], size=(20000, hit.shape[0]))].mean(axis=(1, 2))
    lo, hi = np.quantile(stats, [0.05, 0.95])
    return (
        f"horizon {h}: {100 * hit.mean():.1f} % of {hit.size} region-jump-offs inside "
        f"({hit.shape[0]} jump-offs); resampling the jump-offs, 90 % interval {100 * lo:.1f}-{100 * hi:.1f} %"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paths", type=int, default=4000, help="Monte Carlo paths per jump-off (default 4000)")
    args = ap.parse_args(argv)
    head = "| variant | " + " | ".join(f"h={h}" for h in HORIZONS) + " | worst all | worst coal | met |"
    rule = "|---|" + "---|" * (len(HORIZONS) + 3)
    print(
        "## The coal group's bands: coverage 50/80 % of all regions · of the coal group, jump-offs 2008-2019"
    )
    print()
    print("### Monte Carlo noise: the default model at several seeds and path counts")
    print()
    print(head)
    print(rule)
    for paths in (2000, 10000):
        for seed in (1, 2, 3):
            print(row(f"{paths} paths, seed {seed}", coverage({}, paths, seed)), flush=True)
    print()
    print("Resampling the jump-offs (10,000 paths):")
    print()
    rng = np.random.default_rng(0)
    for h in (3, 10):
        print(f"- {jump_off_interval(10000, h, rng)}")
    print()
    print("\n".join(variance_ratios()))
    print()
    print(
        f"### Changes of the band's shape ({args.paths} paths, seed 1; 'met': all within 5, coal within 10)"
    )
    print()
    print(head)
    print(rule)
    for v in VARIANTS:
        with v.patch() if v.patch is not None else contextlib.nullcontext():
            print(row(v.name, coverage(v.changes, args.paths, 1)), flush=True)
    print()
    print("The variants that meet it (or nearly) at 10,000 paths and three seeds:")
    print()
    print(head)
    print(rule)
    for v in VARIANTS[-3:]:
        assert v.patch is not None
        with v.patch():
            for seed in (1, 2, 3):
                print(row(f"{v.name}, seed {seed}", coverage(v.changes, 10000, seed)), flush=True)
    print(file=sys.stderr)


if __name__ == "__main__":
    main()
