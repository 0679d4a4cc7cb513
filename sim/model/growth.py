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
from sim.inputs.panel import NATIONAL_CODE, Panel
from sim.model.scenario import Scenario
from sim.units import log_to_pct, pct_to_log

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
        ordered = sorted(value.items())
        keys = np.array([k for k, _ in ordered], dtype=float)
        vals = np.array([v for _, v in ordered], dtype=float)
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


def national_pct(scenario: Scenario, years: IntArray) -> tuple[FloatArray, FloatArray]:
    """National (real, deflator) growth in percent for the projected years."""
    nat = scenario.panel.national
    out = []
    for value, hist in (
        (scenario.spec.national.real_growth, nat.log_real),
        (scenario.spec.national.deflator, nat.log_deflator),
    ):
        if value == "trailing":
            out.append(
                np.full(years.shape, float(log_to_pct(trailing_mean(hist, nat.years, scenario.base_year))))
            )
        else:
            out.append(path_pct(value, years))  # type: ignore[arg-type]
    return out[0], out[1]


@dataclass(frozen=True)
class PathComponents:
    """What growth paths are made of, kept apart so a batch can vary one piece at a time.

    A cell (year, region) whose ``model_*`` mask is True follows the others model,
    ``national + decay * spread`` (log terms); any other cell has a fixed value in percent
    (set in the scenario, or an announced target).
    """

    years: IntArray  # (T,) base+1 .. horizon
    base_year: int
    nat_real_pct: FloatArray  # (T,)
    nat_defl_pct: FloatArray
    spread_real: FloatArray  # (N,) log
    spread_deflator: FloatArray
    half_life: float | None
    model_real: np.ndarray  # (T, N) bool
    model_defl: np.ndarray
    fixed_real_pct: FloatArray  # (T, N), NaN where the model applies
    fixed_defl_pct: FloatArray
    source_real: tuple[str, ...]
    source_deflator: tuple[str, ...]

    def assemble(
        self,
        nat_real_pct: FloatArray | None = None,
        nat_defl_pct: FloatArray | None = None,
        decay: FloatArray | None = None,
    ) -> tuple[FloatArray, FloatArray]:
        """(real, deflator) log growth ``(..., T, N)``; arguments default to the scenario's own
        and may carry leading batch axes: ``(..., T)``."""
        nr = pct_to_log(self.nat_real_pct if nat_real_pct is None else nat_real_pct)
        nd = pct_to_log(self.nat_defl_pct if nat_defl_pct is None else nat_defl_pct)
        dec = decay_factors(self.years, self.base_year, self.half_life) if decay is None else decay
        real = np.where(
            self.model_real,
            nr[..., None] + dec[..., None] * self.spread_real,
            pct_to_log(np.nan_to_num(self.fixed_real_pct)),
        )
        defl = np.where(
            self.model_defl,
            nd[..., None] + dec[..., None] * self.spread_deflator,
            pct_to_log(np.nan_to_num(self.fixed_defl_pct)),
        )
        return real, defl


def _targets_pct(scenario: Scenario, years: IntArray, fixed: FloatArray) -> np.ndarray:
    """Write announced targets into ``fixed`` (percent); returns the mask of target cells."""
    used = np.zeros(fixed.shape, dtype=bool)
    assert scenario.targets is not None
    codes = scenario.panel.regions.codes
    for (code, year), pct in scenario.targets.values.items():
        if code == NATIONAL_CODE or code not in codes or not years[0] <= year <= years[-1]:
            continue
        t, i = year - int(years[0]), codes.index(code)
        fixed[t, i] = pct
        used[t, i] = True
    return used


def path_components(scenario: Scenario) -> PathComponents:
    """Decompose the scenario's growth assumptions into :class:`PathComponents`."""
    panel = scenario.panel
    years = np.arange(scenario.base_year + 1, scenario.horizon + 1, dtype=np.int64)
    shape = (years.size, panel.n_regions)
    nat_real, nat_defl = national_pct(scenario, years)
    model = scenario.spec.others.model
    if model == "national":
        spread_r, spread_d = np.zeros(shape[1]), np.zeros(shape[1])
    else:
        spread_r, spread_d = estimate_spreads(panel, scenario.window, scenario.exclude_years)
    fixed_r, fixed_d = np.full(shape, np.nan), np.full(shape, np.nan)
    base_src = "national" if model == "national" else "spread"
    src_r, src_d = [base_src] * shape[1], [base_src] * shape[1]
    if model == "targets":
        used = _targets_pct(scenario, years, fixed_r)
        src_r = ["targets" if used[:, i].any() else "spread" for i in range(shape[1])]
    for i, spec in scenario.provinces.items():
        if spec.real_growth is not None:
            fixed_r[:, i] = path_pct(spec.real_growth, years)
            src_r[i] = "scenario"
        if spec.deflator is not None:
            fixed_d[:, i] = path_pct(spec.deflator, years)
            src_d[i] = "scenario"
    return PathComponents(
        years,
        scenario.base_year,
        nat_real,
        nat_defl,
        spread_r,
        spread_d,
        scenario.half_life,
        np.isnan(fixed_r),
        np.isnan(fixed_d),
        fixed_r,
        fixed_d,
        tuple(src_r),
        tuple(src_d),
    )


def build_paths(scenario: Scenario) -> GrowthPaths:
    """Every region's real and deflator log growth for base+1 .. horizon."""
    comp = path_components(scenario)
    real, defl = comp.assemble()
    return GrowthPaths(
        comp.years,
        real,
        defl,
        pct_to_log(comp.nat_real_pct),
        pct_to_log(comp.nat_defl_pct),
        comp.spread_real,
        comp.spread_deflator,
        comp.source_real,
        comp.source_deflator,
    )
