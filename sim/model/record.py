"""Each region's record: how the spread model's forecasts of its share would have fared.

From the data up to the base year alone, the spread model is re-run from every earlier
jump-off b (its window of the same length ending at b, the same half-lives and deflator rule)
for horizons of 1 to :data:`RECORD_HORIZONS` years whose outcome is known by the base year. A
*case* is one (jump-off, horizon): for every region, the realised change of its log nominal GDP
and the model's forecast of it, both relative to the mean over regions (what shares and ranks
depend on). "Shares stay" forecasts no change.

Two things are read from it, region by region, each shrunk toward all regions' pooled value:

* :func:`lean_weights`: how much of its spread to keep. The least-squares weight ``w`` of the
  forecast in ``actual ~ w * forecast`` (cases weighted by 1/horizon); 1 keeps the model,
  0 is "shares stay". A region whose spread forecasts have not helped leans toward its share.
* :func:`scale_factors`: how wide its bands should be relative to the pooled width. Its errors
  (with the lean applied) over the standard deviation of the band Monte Carlo would have drawn
  for it (worked out from the same table and settings: :func:`band_sd`), relative to all
  regions'; a region whose errors outgrow its bands (persistent cycles) gets wider ones.

Honest by construction: a backtest re-bases the panel at each jump-off, so the record a
backtest's projection uses holds only outcomes known then.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sim._typing import FloatArray, IntArray
from sim.errors import ScenarioError
from sim.inputs.panel import Panel
from sim.model.growth import decay_factors, estimate_spreads, price_half_life
from sim.model.prices import RESOURCE_CODES, factor_group

#: Longest horizon (years) of the record's cases.
RECORD_HORIZONS = 5
#: Fewest usable years in the bootstrap's table before a jump-off for a band to be worked out.
MIN_TABLE_YEARS = 3
#: Scale factors are kept within these bounds (a short record can be extreme).
SCALE_BOUNDS = (0.5, 3.0)


@dataclass(frozen=True)
class BandSettings:
    """What sets the width of a region's Monte Carlo band (the scenario's uncertainty settings)."""

    scale: float = 1.0  # multiplier of the yearly shocks
    block: float = 1.0  # bootstrap block length (years; the mean length when stationary)
    stationary: bool = True  # random block lengths (else fixed ones)
    parameter_scale: float = 0.0  # multiplier of the spreads' resampled sampling error
    parameter_half_life: float | None = None  # its half-life (None: no decay)


@dataclass(frozen=True)
class Record:
    """Cases ``(K, N)``: realised and forecast change of log nominal GDP relative to the mean over
    regions, the case's horizon ``(K,)`` and jump-off ``(K,)``, and (when asked for) the standard
    deviation of each region's Monte Carlo band in that case ``(K, N)``, zeros otherwise."""

    actual: FloatArray
    forecast: FloatArray
    horizon: IntArray
    jump_off: IntArray
    band: FloatArray  # (K, N) standard deviation of the case's Monte Carlo band (log share)

    def __len__(self) -> int:
        return int(self.horizon.size)


def deflator_spread(panel: Panel, base: int, spread: FloatArray, deflator_model: str) -> FloatArray:
    """The deflator spreads ``(N,)`` a deflator model keeps at ``base`` (the window's mean
    spreads ``spread``): all of them (``mean_spread``), none (``national``; also
    ``error_correction``, whose own path the record does not re-run), or all but a group's."""
    out = spread.copy()
    if deflator_model in ("national", "error_correction"):
        return np.zeros_like(out)
    if deflator_model == "resource_neutral":
        codes = panel.regions.codes
        out[[codes.index(c) for c in RESOURCE_CODES if c in codes]] = 0.0
    elif deflator_model == "factor_neutral":
        out[list(factor_group(panel, base))] = 0.0
    return out


def record(
    panel: Panel,
    base: int,
    window_years: int,
    half_life: float | None,
    deflator_model: str,
    exclude_years: tuple[int, ...] = (),
    bands: BandSettings | None = None,
    spreads: bool = True,
    cycle_weight: float = 1.0,
    deflator_half_life: float | None = None,
) -> Record:
    """The spread model's record up to ``base``: every (jump-off b < base, horizon h <= 5) with
    ``b + h <= base`` whose outcome years are free of a vintage splice (a level jump no model
    forecasts). With ``bands``, each case's band width too (:func:`band_sd`; cases whose jump-off
    has too few usable years for a band are left out). ``spreads=False``: the others model
    follows the nation (every forecast is "shares stay"). ``cycle_weight``: the share of their
    spreads the price-cycle group estimated at each jump-off keeps (:func:`factor_group`); their
    bands carry that share of the spreads' sampling variance, as Monte Carlo draws it (the
    forecasts stay those of the whole spreads: what a lean is estimated from).
    ``deflator_half_life``: the deflator spreads' own half-life (None: ``half_life``)."""
    log_gdp = np.log(panel.gdp)
    rows: dict[str, list[FloatArray | int]] = {"a": [], "f": [], "h": [], "b": [], "s": []}
    for b in range(panel.first_year + 2, base):
        window = panel.default_window(b, years=window_years)
        real, defl = estimate_spreads(panel, window, exclude_years)
        kept = deflator_spread(panel, b, defl, deflator_model)
        if not spreads:
            real, kept = np.zeros_like(real), np.zeros_like(kept)
        table = None if bands is None else _deviation_table(panel, b)
        if bands is not None and table is None:
            continue
        spread_var = _spread_variance(panel, window, exclude_years, kept != 0) if bands else None
        if spread_var is not None and cycle_weight != 1.0:
            spread_var[list(factor_group(panel, b))] *= cycle_weight
        i0 = panel.year_index(b)
        ahead = np.arange(b + 1, b + RECORD_HORIZONS + 1)
        cum_decay = np.cumsum(decay_factors(ahead, b, half_life))
        cum_decay_d = np.cumsum(decay_factors(ahead, b, price_half_life(half_life, deflator_half_life)))
        broken = np.cumsum(panel.nominal_break[i0 + 1 : i0 + RECORD_HORIZONS + 1].any(axis=1))
        for h in range(1, min(RECORD_HORIZONS, base - b) + 1):
            if broken[h - 1]:
                break
            rows["a"].append(log_gdp[i0 + h] - log_gdp[i0])
            rows["f"].append(cum_decay[h - 1] * real + cum_decay_d[h - 1] * kept)
            rows["h"].append(h)
            rows["b"].append(b)
            if bands is not None and table is not None and spread_var is not None:
                rows["s"].append(band_sd(table, h, bands, spread_var))
    n = panel.n_regions
    actual, forecast = np.array(rows["a"]).reshape(-1, n), np.array(rows["f"]).reshape(-1, n)
    return Record(  # relative to the mean over regions: what shares depend on
        actual=actual - actual.mean(axis=1, keepdims=True),
        forecast=forecast - forecast.mean(axis=1, keepdims=True),
        horizon=np.array(rows["h"], dtype=np.int64),
        jump_off=np.array(rows["b"], dtype=np.int64),
        band=np.array(rows["s"]).reshape(-1, n) if bands is not None else np.zeros((len(rows["h"]), n)),
    )


def _deviation_table(panel: Panel, b: int) -> FloatArray | None:
    """Each region's yearly deviation from the nation (real plus deflator, minus its mean) over
    every usable year up to ``b`` ``(H, N)``: the table the bootstrap resamples with its default
    window (:func:`sim.model.shocks.deviations`; the national part is common and cancels in
    shares); None with fewer than :data:`MIN_TABLE_YEARS` usable years."""
    from sim.model.shocks import deviations

    try:
        dev = deviations(panel, (panel.first_year + 1, b))
    except ScenarioError:
        return None
    return dev.real + dev.deflator if len(dev) >= MIN_TABLE_YEARS else None


def band_sd(table: FloatArray, h: int, bands: BandSettings, spread_var: FloatArray) -> FloatArray:
    """Standard deviation ``(N,)`` of each region's cumulative Monte Carlo shock after ``h`` years,
    worked out instead of drawn: the resampled yearly deviations ``table`` (two years ``l`` apart
    fall in one block, and keep their circular autocovariance, with probability
    ``(1 - 1/block) ** l`` for stationary blocks, ``1 - l/block`` for fixed ones) times the
    scale, plus the sampling error of the estimated spreads (variance of a window mean,
    ``spread_var``), decaying with the parameter half-life, times the parameter scale. Within
    a few percent of the drawn bands' (tests/test_region_scores.py)."""
    block = max(bands.block, 1.0)
    var = np.zeros(table.shape[1])
    for lag in range(min(h, table.shape[0])):
        gamma = (table * np.roll(table, -lag, axis=0)).mean(axis=0)
        same = (1.0 - 1.0 / block) ** lag if bands.stationary else max(0.0, 1.0 - lag / block)
        var += (h if lag == 0 else 2 * (h - lag)) * same * gamma
    var = np.maximum(var, 0.0) * bands.scale**2
    if bands.parameter_scale > 0:
        decay = decay_factors(np.arange(1, h + 1), 0, bands.parameter_half_life).sum()
        var += (bands.parameter_scale * decay) ** 2 * spread_var
    return np.asarray(np.sqrt(var), dtype=np.float64)


def _spread_variance(
    panel: Panel,
    window: tuple[int, int],
    exclude_years: tuple[int, ...],
    deflator_estimated: npt.NDArray[np.bool_],
) -> FloatArray:
    """Variance ``(N,)`` of a window's mean real spread plus its mean deflator spread (where the
    model redraws one) when the window's years are drawn with replacement, each separately, as
    the parameter draws do (:func:`sim.model.shocks.spread_resamples`)."""
    years = panel.years
    use = (years >= window[0]) & (years <= window[1]) & ~np.isin(years, exclude_years)
    nat = panel.national
    out = np.zeros(panel.n_regions)
    for x, on in (
        (panel.log_real[use] - nat.log_real[use, None], np.ones(panel.n_regions, dtype=bool)),
        (panel.log_deflator[use] - nat.log_deflator[use, None], deflator_estimated),
    ):
        ok = np.isfinite(x)
        n = ok.sum(axis=0)
        mean = np.divide(np.where(ok, x, 0.0).sum(axis=0), n, out=np.zeros(x.shape[1]), where=n > 0)
        sq = np.where(ok, (x - mean) ** 2, 0.0).sum(axis=0)
        var = np.divide(sq, n**2, out=np.zeros(x.shape[1]), where=n > 0)  # population variance / n
        out += np.where(on, var, 0.0)
    return out


def lean_weights(rec: Record, prior: float) -> FloatArray:
    """Weight ``(N,)`` of each region's spread, in [0, 1]: its own least-squares weight of the
    forecast (cases weighted by 1/horizon), shrunk toward the pooled weight with a prior worth
    ``prior`` times the average region's information (sum of squared forecasts): precise own
    records count more. Ones when the record is empty or the forecasts are all zero."""
    n = rec.actual.shape[1]
    if len(rec) == 0:
        return np.ones(n)
    wt = 1.0 / rec.horizon[:, None]
    sxy = (wt * rec.actual * rec.forecast).sum(axis=0)
    sxx = (wt * rec.forecast**2).sum(axis=0)
    if sxx.sum() <= 0:
        return np.ones(n)
    pooled = float(np.clip(sxy.sum() / sxx.sum(), 0.0, 1.0))
    k = prior * float(sxx.mean())
    own = np.divide(sxy, sxx, out=np.full(n, pooled), where=sxx > 0)
    shrunk = np.divide(sxx * own + k * pooled, sxx + k, out=np.full(n, pooled), where=(sxx + k) > 0)
    return np.asarray(np.clip(shrunk, 0.0, 1.0), dtype=np.float64)


def scale_factors(rec: Record, weights: FloatArray, power: float) -> FloatArray:
    """Multiplier ``(N,)`` of each region's yearly shocks relative to the pooled scale: the root
    mean square of its standardised errors (``actual - weight * forecast`` over its band's
    standard deviation) over the pooled one, raised to ``power`` (0 = the pooled scale for all,
    1 = the region's own), within :data:`SCALE_BOUNDS`."""
    n = rec.actual.shape[1]
    if len(rec) == 0 or power == 0:
        return np.ones(n)
    err = rec.actual - weights[None, :] * rec.forecast
    z = err / np.maximum(rec.band, 1e-6)
    own = np.sqrt((z**2).mean(axis=0))
    pooled = float(np.sqrt((z**2).mean()))
    factor = (own / pooled) ** power if pooled > 0 else np.ones(n)
    return np.asarray(np.clip(factor, *SCALE_BOUNDS), dtype=np.float64)
