"""Plans carry risk: a written path (an absolute rate, a lead, an announced target) is an intention.

In Monte Carlo the outturn of a planned cell is the plan, plus the region's response to the
national path's error (its co-movement with the nation, :func:`co_movement`, shrunk toward 1),
plus a path-long plan deviation drawn from the record of outturns against announced targets
(:func:`plan_record`): regions missed their targets by a mean that differs region by region, and
a persistent miss of that size is drawn for each path. Deterministic runs are unchanged.

Both are estimated from what was known at the base year (outcomes up to it), so a backtest gets
the estimates it could have had.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim._arrays import freeze_arrays
from sim._typing import FloatArray
from sim.inputs.panel import NATIONAL_CODE, Panel, Targets
from sim.model.growth import SHORTFALL_EXCLUDED_YEARS  # 2020: targets set before the pandemic

#: Years of co-movement history before the base year (long enough to hold more than one cycle).
CO_MOVEMENT_YEARS = 14


@dataclass(frozen=True, kw_only=True)
class PlanRisk:
    """What a plan's outturn draws in Monte Carlo (log units per year).

    ``beta``: each region's response to the national path's error, ``(N,)``; ``miss_mean``: the
    region's expected persistent shortfall against a plan (shrunk toward the mean of all regions),
    ``(N,)``; ``miss_sd``: the dispersion of persistent shortfalls between regions, beyond
    sampling noise (one number)."""

    beta: FloatArray
    miss_mean: FloatArray
    miss_sd: float
    record_years: tuple[int, ...]  # target years the record used
    record_size: int  # (region, year) pairs with a target and an outturn

    def __post_init__(self) -> None:
        freeze_arrays(self)

    def to_dict(self, codes: tuple[str, ...]) -> dict[str, object]:
        """Estimates in points (co-movement as a slope), by region code."""
        return {
            "beta": {c: round(float(b), 3) for c, b in zip(codes, self.beta, strict=True)},
            "miss_mean_pp": {c: round(100 * float(m), 3) for c, m in zip(codes, self.miss_mean, strict=True)},
            "miss_sd_pp": round(100 * self.miss_sd, 3),
            "record_years": list(self.record_years),
            "record_size": self.record_size,
        }


def co_movement(panel: Panel, base: int, years: int = CO_MOVEMENT_YEARS) -> FloatArray:
    """Slope of each region's real log growth on the nation's over the ``years`` years up to
    ``base``, shrunk toward 1 by empirical Bayes: ``1 + w_i (b_i - 1)`` with ``w_i = tau^2 /
    (tau^2 + se_i^2)``, ``tau^2`` the variance of the slopes between regions beyond their
    sampling variances. ``(N,)``; 1 where a region has fewer than 5 usable years."""
    sel = (panel.years > base - years) & (panel.years <= base)
    x_all = panel.national.log_real[sel]
    n = panel.n_regions
    slopes, ses = np.ones(n), np.full(n, np.inf)
    for i in range(n):
        y = panel.log_real[sel, i]
        ok = np.isfinite(y) & np.isfinite(x_all)
        if ok.sum() < 5:
            continue
        x, yy = x_all[ok], y[ok]
        xc = x - x.mean()
        sxx = float(xc @ xc)
        if sxx <= 0:
            continue
        b = float(xc @ (yy - yy.mean())) / sxx
        resid = yy - yy.mean() - b * xc
        slopes[i] = b
        ses[i] = np.sqrt(float(resid @ resid) / (ok.sum() - 2) / sxx)
    finite = np.isfinite(ses)
    if finite.sum() < 3:
        return np.ones(n)
    tau2 = max(0.0, float(np.var(slopes[finite], ddof=1) - np.mean(ses[finite] ** 2)))
    w = np.where(finite, tau2 / (tau2 + np.where(finite, ses, 1.0) ** 2), 0.0)
    return 1.0 + w * (slopes - 1.0)


def plan_record(
    panel: Panel, targets: Targets | None, base: int, beta: FloatArray
) -> tuple[FloatArray, float, tuple[int, ...], int]:
    """From announced targets and outturns known at ``base``: each region's expected persistent
    shortfall against a plan given the nation's outturn (log points a year, ``(N,)``), its sd,
    the years used and the number of (region, year) pairs.

    A region's shortfall in a year is ``ln(1 + target) - ln(1 + outturn)`` less ``beta`` times the
    nation's own shortfall against its target that year (what the national path's error already
    draws). Region means are shrunk toward the pooled mean by empirical Bayes (weight ``tau^2 /
    (tau^2 + s^2 / n_i)``, ``s`` the within-region sd, ``tau`` the between-region sd beyond
    sampling noise). The sd of a path's draw is ``sqrt(tau^2 + se^2)``, ``se`` the standard error
    of the pooled mean with years as clusters (misses share their year). 2020 is left out."""
    n = panel.n_regions
    if targets is None:
        return np.zeros(n), 0.0, (), 0
    codes = panel.regions.codes
    nat_years = panel.national.years.tolist()
    by_region: dict[int, list[float]] = {}
    by_year: dict[int, list[float]] = {}
    for (code, year), pct in targets.values.items():
        if code not in codes or year in SHORTFALL_EXCLUDED_YEARS or not panel.first_year <= year <= min(base, panel.last_year):
            continue
        i = codes.index(code)
        actual = float(panel.real_growth_pct[panel.year_index(year), i])
        nat_target = targets.values.get((NATIONAL_CODE, year))
        if not np.isfinite(actual) or nat_target is None or year not in nat_years:
            continue
        nat_actual = float(panel.national.real_growth_pct[nat_years.index(year)])
        nat_miss = float(np.log1p(nat_target / 100) - np.log1p(nat_actual / 100))
        d = float(np.log1p(pct / 100) - np.log1p(actual / 100)) - float(beta[i]) * nat_miss
        by_region.setdefault(i, []).append(d)
        by_year.setdefault(int(year), []).append(d)
    pairs = [v for vs in by_region.values() for v in vs]
    if len(pairs) < 5 or len(by_region) < 3 or len(by_year) < 2:
        return np.zeros(n), 0.0, tuple(sorted(by_year)), len(pairs)
    overall = float(np.mean(pairs))
    within = [v - float(np.mean(vs)) for vs in by_region.values() for v in vs]
    dof = len(pairs) - len(by_region)
    s2 = float(np.sum(np.square(within)) / dof) if dof > 0 else float(np.var(pairs))
    means = np.array([float(np.mean(vs)) for vs in by_region.values()])
    counts = np.array([len(vs) for vs in by_region.values()], dtype=float)
    tau2 = max(0.0, float(np.var(means, ddof=1) - np.mean(s2 / counts)))
    year_means = np.array([float(np.mean(v)) for v in by_year.values()])
    se2 = float(np.var(year_means, ddof=1)) / year_means.size
    out = np.full(n, overall)
    for (i, _), m, k in zip(by_region.items(), means, counts, strict=True):
        w = tau2 / (tau2 + s2 / k) if tau2 + s2 / k > 0 else 0.0
        out[i] = overall + w * (m - overall)
    return out, float(np.sqrt(tau2 + se2)), tuple(sorted(by_year)), len(pairs)


def plan_risk(panel: Panel, targets: Targets | None, base: int) -> PlanRisk:
    """The plan risk of a scenario based at ``base`` (module docstring)."""
    beta = co_movement(panel, base)
    mean, sd, years, size = plan_record(panel, targets, base, beta)
    return PlanRisk(beta=beta, miss_mean=mean, miss_sd=sd, record_years=years, record_size=size)
