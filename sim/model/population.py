"""Population paths and GDP per head: what ranking by GDP per head adds to the growth model.

Ranking by GDP per head is ranking by ``ln Y - ln P``. With a population log-growth path per
region, ``ln(1+n)``, the whole engine runs unchanged on ``nominal growth - population growth``
from a base level of GDP per head (:func:`sim.model.growth.assemble` subtracts it).

Each region's population follows the nation's plus its own trend over the nation, decaying like
the growth spreads: ``n_i(t) = n_nat(t) + 2 ** -((t - base) / half_life) * s_i``, where ``s_i``
is the region's mean log population growth over the nation's in the estimation window (the
growth spreads' window) and ``n_nat`` the national path (default: the nation's mean log growth
in that window). Years flagged as likely census breaks (a jump of more than about 10 %) are
left out of the means. A scenario may set a region's path or the national one (percent a year).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import numpy as np

from sim._typing import FloatArray, IntArray
from sim.errors import DataError
from sim.inputs.panel import POP, Panel
from sim.messages import Msg, Words, msg
from sim.model.growth import decay_factors, path_pct
from sim.units import pct_to_log

Measure = Literal["gdp", "gdp_per_capita"]
MEASURES: tuple[Measure, ...] = ("gdp", "gdp_per_capita")
#: 100 million yuan / 10 thousand persons -> yuan per person.
YUAN_PER_HEAD = 1e4
#: Half-life (years) of a region's population trend over the nation: the best of 1, 2, 5, 10, 20
#: and no decay at 5 and 10 years ahead (jump-offs 2005-2019, 5-year windows; README, Ranking by
#: GDP per head, gives the errors).
DEFAULT_POPULATION_HALF_LIFE = 5.0


def per_head(gdp_100m_yuan: FloatArray, population_10k: FloatArray) -> FloatArray:
    """GDP per head in yuan per person from GDP (100 million yuan) and population (10 thousand)."""
    return np.asarray(gdp_100m_yuan, dtype=float) / np.asarray(population_10k, dtype=float) * YUAN_PER_HEAD


def measure_levels(panel: Panel, measure: Measure) -> FloatArray:
    """The ranked levels of the panel's history, ``(year, region)``: GDP (100 million yuan) or
    GDP per head (yuan; NaN where population is missing)."""
    return panel.gdp if measure == "gdp" else per_head(panel.gdp, panel.population)


def national_log_population(panel: Panel) -> FloatArray:
    """National population log growth per year ``(Y,)``: of the summed population of the regions
    with a usable change that year (census breaks and missing values left out); NaN in year 0."""
    ok = np.isfinite(panel.log_population)
    out = np.full(panel.years.shape, np.nan)
    now = np.where(ok, panel.population, 0.0).sum(axis=1)[1:]
    before = np.where(ok[1:], panel.population[:-1], 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        out[1:] = np.log(now / before)
    out[1:][~ok[1:].any(axis=1)] = np.nan
    return out


def population_trends(
    panel: Panel, window: tuple[int, int], exclude_years: tuple[int, ...] = ()
) -> tuple[float, FloatArray]:
    """(national mean log growth, each region's mean log growth over the nation ``(N,)``) in the
    window, census breaks and excluded years left out (0 for a region with no usable year)."""
    use = (panel.years >= window[0]) & (panel.years <= window[1]) & ~np.isin(panel.years, exclude_years)
    nat = national_log_population(panel)[use]
    rel = panel.log_population[use] - nat[:, None]
    ok = np.isfinite(rel)
    count = ok.sum(axis=0)
    spread = np.divide(np.where(ok, rel, 0.0).sum(axis=0), count, out=np.zeros(rel.shape[1]), where=count > 0)
    nat_ok = nat[np.isfinite(nat)]
    return (float(nat_ok.mean()) if nat_ok.size else 0.0), spread


def population_path(
    panel: Panel,
    years: IntArray,
    base_year: int,
    window: tuple[int, int],
    exclude_years: tuple[int, ...],
    national: float | dict[int, float] | None,
    provinces: Mapping[int, float | dict[int, float]],
    half_life: float | None = DEFAULT_POPULATION_HALF_LIFE,
) -> FloatArray:
    """Population log growth of every projected year and region, ``(T, N)``: the national path
    plus each region's decaying trend over the nation; a region the scenario sets follows its own
    path (percent a year, interpolated like growth paths)."""
    nat_mean, spread = population_trends(panel, window, exclude_years)
    nat = np.full(years.shape, nat_mean) if national is None else pct_to_log(path_pct(national, years))
    out = nat[:, None] + decay_factors(years, base_year, half_life)[:, None] * spread[None, :]
    for i, value in provinces.items():
        out[:, i] = pct_to_log(path_pct(value, years))
    return out


def check_population(panel: Panel, base_year: int, window: tuple[int, int]) -> None:
    """Ranking by GDP per head needs every region's population in the base year and in at least
    one usable year of the window: a :class:`~sim.errors.DataError` naming the first gap."""
    t = panel.year_index(base_year)
    missing = np.flatnonzero(~np.isfinite(panel.population[t]))
    if missing.size:
        who = Words(panel.regions.en[int(missing[0])], panel.regions.zh[int(missing[0])])
        raise DataError(msg("population.missing_base", who=who, year=base_year), file=panel.path, field=POP)
    use = (panel.years >= window[0]) & (panel.years <= window[1])
    none = np.flatnonzero(~np.isfinite(panel.log_population[use]).any(axis=0))
    if none.size:
        who = Words(panel.regions.en[int(none[0])], panel.regions.zh[int(none[0])])
        raise DataError(
            msg("population.no_trend", who=who, first=window[0], last=window[1]), file=panel.path, field=POP
        )


def break_notes(panel: Panel, window: tuple[int, int]) -> list[Msg]:
    """One message per likely census break in the window: region, year and the jump in percent."""
    use = (panel.years >= window[0]) & (panel.years <= window[1])
    out = []
    for t, i in zip(*np.nonzero(panel.population_break & use[:, None]), strict=True):
        jump = (panel.population[t, i] / panel.population[t - 1, i] - 1) * 100
        who = Words(panel.regions.en[i], panel.regions.zh[i])
        out.append(msg("population.census_break", who=who, jump=float(jump), year=int(panel.years[t])))
    return out
