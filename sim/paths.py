"""Growth paths: the scenario's assumptions turned into ``(year, region)`` log-growth arrays.

For every projected year and region: real growth ``ln(1+g)`` and deflator growth
``ln(1+pi)``. A region listed under ``provinces`` takes the paths it sets; anything else
comes from the ``others`` model:

* ``national``: the national real and deflator paths;
* ``spread``: national + the region's mean spread over the nation in the estimation window
  (real and deflator separately, log terms), decaying as ``2 ** -((year - base) / half_life)``;
* ``targets``: the announced real-growth targets for the years they cover, ``spread`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim._typing import FloatArray, IntArray
from sim.data import NATIONAL_CODE, Panel
from sim.scenario import Scenario
from sim.units import pct_to_log

TRAILING_YEARS = 5


@dataclass(frozen=True)
class GrowthPaths:
    """Log growth of every projected year (``years`` = base+1 .. horizon) and region."""

    years: IntArray
    real: FloatArray  # (T, N) ln(1+g)
    deflator: FloatArray  # (T, N) ln(1+pi)
    national_real: FloatArray  # (T,)
    national_deflator: FloatArray  # (T,)
    spread_real: FloatArray  # (N,) estimated spread before decay
    spread_deflator: FloatArray  # (N,)
    source_real: tuple[str, ...]  # per region: scenario | national | spread | targets
    source_deflator: tuple[str, ...]

    @property
    def nominal(self) -> FloatArray:
        return self.real + self.deflator


def path_pct(value: float | dict[int, float], years: IntArray) -> FloatArray:
    """A path value (number or ``{year: pct}``) at ``years``: linear between, flat outside."""
    if isinstance(value, dict):
        keys = np.array(list(value), dtype=float)
        vals = np.array(list(value.values()), dtype=float)
        return np.interp(years.astype(float), keys, vals)
    return np.full(years.shape, float(value))


def trailing_mean(log_series: FloatArray, years: IntArray, base_year: int, n: int = TRAILING_YEARS) -> float:
    """Mean of the last ``n`` defined values up to ``base_year`` (NaN years skipped)."""
    known = log_series[(years <= base_year) & np.isfinite(log_series)]
    return float(known[-n:].mean()) if known.size else 0.0


def estimate_spreads(
    panel: Panel, window: tuple[int, int], exclude_years: tuple[int, ...] = ()
) -> tuple[FloatArray, FloatArray]:
    """Mean log spread of each region over the nation in the window: (real, deflator), ``(N,)``."""
    years = panel.years
    use = (years >= window[0]) & (years <= window[1]) & ~np.isin(years, exclude_years)
    nat = panel.national
    real = panel.log_real[use] - nat.log_real[use, None]
    defl = panel.log_deflator[use] - nat.log_deflator[use, None]
    return _column_mean(real), _column_mean(defl)


def _column_mean(values: FloatArray) -> FloatArray:
    """Mean over years ignoring NaN (splice years); 0 for a region with no usable year."""
    ok = np.isfinite(values)
    count = ok.sum(axis=0)
    total = np.where(ok, values, 0.0).sum(axis=0)
    return np.divide(total, count, out=np.zeros(values.shape[1]), where=count > 0)


def decay_factors(years: IntArray, base_year: int, half_life: float | None) -> FloatArray:
    """``2 ** -((year - base) / half_life)``, or ones without decay."""
    if half_life is None:
        return np.ones(years.shape)
    return np.exp2(-(years - base_year) / half_life)


def national_paths(scenario: Scenario, years: IntArray) -> tuple[FloatArray, FloatArray]:
    """National (real, deflator) log growth for the projected years."""
    nat = scenario.panel.national
    out = []
    for value, hist in (
        (scenario.spec.national.real_growth, nat.log_real),
        (scenario.spec.national.deflator, nat.log_deflator),
    ):
        if value == "trailing":
            out.append(np.full(years.shape, trailing_mean(hist, nat.years, scenario.base_year)))
        else:
            out.append(pct_to_log(path_pct(value, years)))  # type: ignore[arg-type]
    return out[0], out[1]


def _targets_real(scenario: Scenario, years: IntArray, default: FloatArray) -> tuple[FloatArray, np.ndarray]:
    """Replace real growth by announced targets where a target exists. Returns (real, used mask)."""
    real = default.copy()
    used = np.zeros(real.shape, dtype=bool)
    assert scenario.targets is not None
    codes = scenario.panel.regions.codes
    for (code, year), pct in scenario.targets.values.items():
        if code == NATIONAL_CODE or code not in codes or not years[0] <= year <= years[-1]:
            continue
        t, i = year - int(years[0]), codes.index(code)
        real[t, i] = np.log1p(pct / 100.0)
        used[t, i] = True
    return real, used


def build_paths(scenario: Scenario) -> GrowthPaths:
    """Every region's real and deflator log growth for base+1 .. horizon."""
    panel = scenario.panel
    years = np.arange(scenario.base_year + 1, scenario.horizon + 1, dtype=np.int64)
    n = panel.n_regions
    nat_real, nat_defl = national_paths(scenario, years)
    model = scenario.spec.others.model
    if model == "national":
        spread_r, spread_d = np.zeros(n), np.zeros(n)
    else:
        spread_r, spread_d = estimate_spreads(panel, scenario.window, scenario.exclude_years)
    decay = decay_factors(years, scenario.base_year, scenario.half_life)[:, None]
    real = nat_real[:, None] + decay * spread_r[None, :]
    defl = nat_defl[:, None] + decay * spread_d[None, :]
    src_r = [model if model != "targets" else "spread"] * n
    if model == "targets":
        real, used = _targets_real(scenario, years, real)
        src_r = ["targets" if used[:, i].any() else "spread" for i in range(n)]
    src_d = [model if model != "targets" else "spread"] * n
    for i, spec in scenario.provinces.items():
        if spec.real_growth is not None:
            real[:, i] = pct_to_log(path_pct(spec.real_growth, years))
            src_r[i] = "scenario"
        if spec.deflator is not None:
            defl[:, i] = pct_to_log(path_pct(spec.deflator, years))
            src_d[i] = "scenario"
    return GrowthPaths(years, real, defl, nat_real, nat_defl, spread_r, spread_d, tuple(src_r), tuple(src_d))
