"""Relative prices that behave like prices: an error-correction model of deflator spreads.

A region's deflator spread over the nation, ``d[i, t] = ln(1+pi_i) - ln(1+pi_nat)``, cumulates
into its relative price level ``P[i, t]``. The model pulls that level back toward the region's
own long-run level and lets a common commodity factor move resource regions' prices:

    d[i, t] = a_i + b_g(i) * P[i, t-1] + l_i * c[t] + e[i, t]

* ``b`` (< 0) is the speed of return, pooled over all regions or (``separate_speed``) one for
  the resource regions and one for the others; ``-a_i / b`` is region i's long-run level;
* ``c[t]``, the **commodity factor**, is the mean deflator spread of the resource regions
  (coal and energy: Shanxi, Inner Mongolia, Shaanxi, Ningxia, Xinjiang) in year t, centred on
  its estimation-window mean, in log points a year; ``l_i`` is region i's loading on it.

Estimated by least squares on the panel (region fixed effects), with ordinary standard errors.
A projection starts from each region's actual level in the base year and follows the recursion
with the scenario's commodity path (default 0: average commodity conditions), so a price boom
is not carried forward: it fades at the estimated speed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim._typing import BoolArray, FloatArray, IntArray
from sim.errors import ScenarioError
from sim.inputs.panel import Panel
from sim.messages import msg

#: Coal and energy provinces whose deflators move with commodity prices (GB/T 2260 codes).
RESOURCE_CODES = ("14", "15", "61", "64", "65")
#: Fewest years of spreads the model is estimated on.
MIN_YEARS = 5
#: A region belongs to the estimated price-cycle group when the common factor of all regions'
#: deflator spreads explains at least this share of its own spread's variance.
FACTOR_GROUP_R2 = 0.5


@dataclass(frozen=True)
class PriceModel:
    """Estimated error-correction model of deflator spreads (log points a year)."""

    years: IntArray  # years of the dependent variable used
    resource: tuple[int, ...]  # region indices of the resource group
    speed: float  # b for the non-resource regions (all regions when pooled)
    speed_se: float
    speed_resource: float  # b for the resource group (equal to speed when pooled)
    speed_resource_se: float
    intercept: FloatArray  # (N,) a_i
    loading: FloatArray  # (N,) l_i
    loading_se: FloatArray  # (N,)
    factor: FloatArray  # (len(years),) c[t] in those years, centred, log points
    factor_mean: float  # the mean removed (log points)
    level: FloatArray  # (N,) P at the last estimation year
    n_obs: int
    r2: float
    separate_speed: bool

    def speeds(self) -> FloatArray:
        """``(N,)`` speed of every region (its group's ``b``)."""
        out = np.full(self.intercept.size, self.speed)
        out[list(self.resource)] = self.speed_resource
        return out

    def long_run_level(self) -> FloatArray:
        """``(N,)`` the relative price level each region returns to, ``-a_i / b``."""
        return -self.intercept / self.speeds()

    def project(self, horizon: int, commodity: FloatArray | None = None) -> FloatArray:
        """Deflator spreads ``(T, N)`` (log) for ``horizon`` years after the last estimation year,
        given the commodity factor path ``commodity`` ``(T,)`` in log points (default 0)."""
        c = np.zeros(horizon) if commodity is None else np.asarray(commodity, dtype=float)
        speeds = self.speeds()
        level = self.level.copy()
        out = np.empty((horizon, level.size))
        for t in range(horizon):
            out[t] = self.intercept + speeds * level + self.loading * c[t]
            level += out[t]
        return out


def spreads(panel: Panel, last_year: int) -> tuple[IntArray, FloatArray]:
    """Years and deflator spreads ``d`` ``(Y, N)`` (log) from the first year with a deflator to
    ``last_year``; NaN where a deflator is undefined (vintage splices)."""
    nat = panel.national
    d = panel.log_deflator - nat.log_deflator[:, None]
    keep = (panel.years >= panel.first_year + 1) & (panel.years <= last_year)
    return panel.years[keep], d[keep]


def estimate(panel: Panel, last_year: int, *, separate_speed: bool = False) -> PriceModel:
    """Estimate the model on every usable year up to ``last_year`` (a splice year's spread is
    unknown: it adds nothing to the level and is no observation)."""
    years, d = spreads(panel, last_year)
    codes = panel.regions.codes
    resource = tuple(codes.index(c) for c in RESOURCE_CODES if c in codes)
    ok: BoolArray = np.asarray(np.isfinite(d).all(axis=1))
    level = np.cumsum(np.where(np.isfinite(d), d, 0.0), axis=0)
    factor_raw = d[:, list(resource)].mean(axis=1) if resource else np.zeros(years.size)
    obs = np.flatnonzero(ok[1:]) + 1  # rows t with d[t] known and a previous level
    if obs.size < MIN_YEARS:
        too_few = msg("prices.too_few_years", n=MIN_YEARS, year=last_year, have=int(obs.size))
        raise ScenarioError(too_few, field="others.deflator_model")
    mean = float(factor_raw[obs].mean())
    factor = factor_raw - mean
    n = d.shape[1]
    x, y = _design(d, level, factor, obs, resource, separate_speed)
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    resid = y - x @ beta
    dof = max(1, y.size - x.shape[1])
    cov = (resid @ resid / dof) * np.linalg.pinv(x.T @ x)
    se = np.sqrt(np.diag(cov))
    k = n + (2 if separate_speed else 1)
    b_other, b_res = (beta[n], beta[n + 1]) if separate_speed else (beta[n], beta[n])
    se_other, se_res = (se[n], se[n + 1]) if separate_speed else (se[n], se[n])
    return PriceModel(
        years=years[obs],
        resource=resource,
        speed=float(b_other),
        speed_se=float(se_other),
        speed_resource=float(b_res),
        speed_resource_se=float(se_res),
        intercept=np.asarray(beta[:n], dtype=np.float64),
        loading=np.asarray(beta[k:], dtype=np.float64),
        loading_se=se[k:],
        factor=factor[obs],
        factor_mean=mean,
        level=level[-1],
        n_obs=int(y.size),
        r2=float(1 - resid.var() / y.var()),
        separate_speed=separate_speed,
    )


def _design(
    d: FloatArray,
    level: FloatArray,
    factor: FloatArray,
    obs: IntArray,
    resource: tuple[int, ...],
    separate_speed: bool,
) -> tuple[FloatArray, FloatArray]:
    """Regressors [region dummies | lagged level (by group) | factor x region] and target."""
    n = d.shape[1]
    n_speed = 2 if separate_speed else 1
    is_res = np.zeros(n, dtype=bool)
    is_res[list(resource)] = True
    rows = []
    for t in obs:
        x = np.zeros((n, 2 * n + n_speed))
        x[np.arange(n), np.arange(n)] = 1.0
        col = n + (is_res.astype(int) if separate_speed else np.zeros(n, dtype=int))
        x[np.arange(n), col] = level[t - 1]
        x[np.arange(n), n + n_speed + np.arange(n)] = factor[t]
        rows.append(x)
    return np.concatenate(rows), d[obs].reshape(-1)


def commodity_loadings(panel: Panel, last_year: int) -> tuple[FloatArray, FloatArray]:
    """Each region's loading on the commodity factor ``(N,)`` and its standard error: the OLS slope
    of its deflator spread on the (centred) factor over every usable year up to ``last_year``.
    The resource regions load about 1 on average by construction; the others near 0."""
    years, d = spreads(panel, last_year)
    codes = panel.regions.codes
    resource = [codes.index(c) for c in RESOURCE_CODES if c in codes]
    ok = np.isfinite(d).all(axis=1)
    n = d.shape[1]
    if not resource or ok.sum() < 3:
        return np.zeros(n), np.zeros(n)
    c = d[ok][:, resource].mean(axis=1)
    c = c - c.mean()
    y = d[ok] - d[ok].mean(axis=0)
    sxx = float(c @ c)
    slope = c @ y / sxx
    resid = y - np.outer(c, slope)
    se = np.sqrt((resid**2).sum(axis=0) / max(1, c.size - 2) / sxx)
    return slope, se


def factor_group(panel: Panel, last_year: int, min_r2: float = FACTOR_GROUP_R2) -> tuple[int, ...]:
    """Regions whose relative prices move with a common cycle, estimated from the data up to
    ``last_year`` alone (no list of names): the first principal component of every region's
    deflator spread over the nation (complete years, each region demeaned) is the common factor,
    and a region belongs when the factor explains at least ``min_r2`` of its spread's variance.
    On the bundled panel this picks Shanxi, Shaanxi, Xinjiang and Ningxia with data to 2025, and
    other sets earlier (Hebei, Shanxi, Tibet and Ningxia with data to 2014). Region indices."""
    _, d = spreads(panel, last_year)
    x = d[np.isfinite(d).all(axis=1)]
    if x.shape[0] < 3:
        return ()
    x = x - x.mean(axis=0)
    u, s, _ = np.linalg.svd(x, full_matrices=False)
    score = u[:, 0] * s[0]
    slope = score @ x / float(score @ score)
    total = (x**2).sum(axis=0)
    resid = ((x - np.outer(score, slope)) ** 2).sum(axis=0)
    r2 = np.divide(total - resid, total, out=np.zeros(x.shape[1]), where=total > 0)
    return tuple(int(i) for i in np.flatnonzero(r2 >= min_r2))
