"""Which assumptions matter most: one-at-a-time swings (tornado) and Sobol indices.

Outcomes: ``reach_year``, ``rank_<year>`` or ``gap_<year>`` (target GDP as % of the GDP at the
threshold rank, minus 100). The reach year is censored: a point that never reaches the
threshold counts as ``horizon + 1``; the share of such points is reported, and a continuous
outcome such as the gap is the better choice whenever that share is not small.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from sim import names
from sim._typing import FloatArray, IntArray
from sim.engine.batch import NEVER, Outcomes, evaluate
from sim.errors import InputError
from sim.inputs.params import Parameter, parse_outcome, parse_parameter
from sim.model.scenario import ParameterRange, Scenario, SensitivitySettings
from sim.provenance import Provenance

BOOTSTRAP_RESAMPLES = 999
CONFIDENCE = 0.95


@dataclass(frozen=True)
class TornadoBar:
    """The outcome with one parameter at its low and at its high value, the rest as in the scenario."""

    param: str
    mode: str
    low: float
    high: float
    outcome_low: float
    outcome_high: float

    @property
    def swing(self) -> float:
        """Absolute outcome difference between the high and the low value."""
        return abs(self.outcome_high - self.outcome_low)


@dataclass(frozen=True)
class SobolIndex:
    """First-order and total Sobol indices of one parameter, each with its 95 % BCa bootstrap interval."""

    param: str
    first_order: float
    first_order_ci: tuple[float, float]
    total_order: float
    total_order_ci: tuple[float, float]


@dataclass(frozen=True)
class SensitivityResult:
    """Tornado bars and Sobol indices of one outcome, and the outcome at the scenario's own values."""

    scenario: Scenario
    outcome: str
    base_outcome: float
    tornado: tuple[TornadoBar, ...]  # sorted by swing, largest first
    sobol: tuple[SobolIndex, ...]
    samples: int  # Sobol base sample size n (evaluations: n * (d + 2))
    censored_share: float | None  # reach_year only: share of Sobol points never reaching

    def to_frame(self) -> pd.DataFrame:
        """One row a parameter, in tornado order (largest swing first): the swing from low to
        high, and first-order and total Sobol indices with their 95 % bootstrap intervals."""
        sobol = {s.param: s for s in self.sobol}
        rows = []
        for b in self.tornado:
            s = sobol[b.param]
            rows.append(
                (b.param, b.mode, b.low, b.high, b.outcome_low, b.outcome_high, b.swing, s.first_order,
                 *s.first_order_ci, s.total_order, *s.total_order_ci)
            )  # fmt: skip
        return pd.DataFrame(rows, columns=list(names.SENSITIVITY_COLUMNS))

    def to_document(self, provenance: Provenance | None = None) -> dict[str, Any]:
        """The ``ranksim sensitivity --json`` document: base outcome, tornado, Sobol indices, provenance."""
        prov = provenance or Provenance.of(self.scenario.files)
        return {
            "scenario": self.scenario.name,
            "outcome": self.outcome,
            "base_outcome": round(self.base_outcome, 4),
            "tornado": [
                {
                    "param": b.param,
                    "mode": b.mode,
                    "low": b.low,
                    "high": b.high,
                    "outcome_low": round(b.outcome_low, 4),
                    "outcome_high": round(b.outcome_high, 4),
                }
                for b in self.tornado
            ],
            "sobol": [
                {
                    "param": s.param,
                    "first_order": round(s.first_order, 4),
                    "first_order_ci": [round(v, 4) for v in s.first_order_ci],
                    "total_order": round(s.total_order, 4),
                    "total_order_ci": [round(v, 4) for v in s.total_order_ci],
                }
                for s in self.sobol
            ],
            "sobol_samples": self.samples,
            "censored_share": self.censored_share,
            "provenance": prov.to_dict(),
        }


def outcome_values(outcomes: Outcomes, kind: str, year: int | None, horizon: int) -> FloatArray:
    """The chosen outcome as floats; a never-reached reach year counts as ``horizon + 1``."""
    if kind == "reach_year":
        reach = outcomes.reach_year.astype(float)
        reach[outcomes.reach_year == NEVER] = horizon + 1
        return reach
    col = list(outcomes.rank_years).index(year)
    return (outcomes.ranks[:, col] if kind == "rank" else outcomes.gap_pct[:, col]).astype(float)


def _dist(r: ParameterRange) -> Any:
    lo, hi = r.low, r.high
    if r.distribution == "triangular":
        return stats.triang(c=0.5, loc=lo, scale=hi - lo)
    return stats.uniform(loc=lo, scale=hi - lo)


def sensitivity(
    scenario: Scenario,
    settings: SensitivitySettings | None = None,
    *,
    rng: np.random.Generator,
    progress: Callable[[int], None] | None = None,
) -> SensitivityResult:
    """Tornado (low/high one at a time from the scenario's own values) and Sobol indices.

    ``settings`` default to the scenario's own ``sensitivity:`` section."""
    spec = settings if settings is not None else scenario.sensitivity
    if spec is None:
        raise InputError("the scenario has no `sensitivity:` section", field="sensitivity")
    outcome = spec.outcome
    try:
        kind, year = parse_outcome(outcome, scenario.base_year, scenario.horizon)
    except ValueError as exc:
        raise InputError(str(exc), field="sensitivity.outcome") from None
    ranges = list(spec.parameters)
    params = [
        parse_parameter(
            scenario.panel.regions,
            r.param,
            r.mode,
            decays=scenario.others.half_life is not None,
            where={"field": f"sensitivity.parameters.{r.param}"},
        )
        for r in ranges
    ]
    years = [year] if year is not None else None

    def run(settings: list[tuple[Parameter, FloatArray]]) -> FloatArray:
        return outcome_values(evaluate(scenario, settings, rank_years=years), kind, year, scenario.horizon)

    base = float(run([])[0])
    bars = []
    for p, r in zip(params, ranges, strict=True):
        lo, hi = r.low, r.high
        low, high = run([(p, np.array([lo, hi]))])
        bars.append(TornadoBar(p.path, p.mode, lo, hi, float(low), float(high)))
    bars.sort(key=lambda b: -b.swing)
    tick = progress or (lambda n: None)
    tick(1)

    censored: list[float] = []

    def func(x: FloatArray) -> FloatArray:
        y = run([(p, x[i]) for i, p in enumerate(params)])
        if kind == "reach_year":
            censored.append(float((y > scenario.horizon).mean()))
        return y

    sobol = sobol_analysis(
        func, [p.path for p in params], [_dist(r) for r in ranges], spec.sobol_samples, rng=rng
    )
    tick(1)
    share = float(np.mean(censored)) if censored else None
    return SensitivityResult(scenario, outcome, base, tuple(bars), sobol, spec.sobol_samples, share)


def saltelli_2010(f_a: FloatArray, f_b: FloatArray, f_ab: FloatArray) -> tuple[FloatArray, FloatArray]:
    """First-order and total indices (Saltelli et al. 2010), as scipy.stats.sobol_indices computes them.

    ``f_a``, ``f_b``: outcomes at the sample matrices A and B, ``(n,)``; ``f_ab``: ``(d, n)``,
    row i at A with column i taken from B.
    """
    mean = np.mean(np.concatenate([f_a, f_b]))  # scipy centres the outputs first
    f_a, f_b, f_ab = f_a - mean, f_b - mean, f_ab - mean
    var = np.var(np.concatenate([f_a, f_b]))
    first = np.mean(f_b * (f_ab - f_a), axis=-1) / var
    total = 0.5 * np.mean((f_a - f_ab) ** 2, axis=-1) / var
    return first, total


def sobol_analysis(
    func: Any, names: Sequence[str], dists: Sequence[Any], n: int, *, rng: np.random.Generator
) -> tuple[SobolIndex, ...]:
    """First-order and total Sobol indices with seeded BCa bootstrap intervals.

    A and B are scrambled Sobol' points (``scipy.stats.qmc.Sobol``) mapped through the
    distributions; the indices come from ``scipy.stats.sobol_indices`` on those evaluations.
    The intervals are bootstrapped here with ``rng`` (``SobolResult.bootstrap`` draws from an
    unseeded generator, which would break byte-identical output). ``func`` maps ``(d, m)``
    parameter values to ``(m,)`` outcomes; it is called three times.
    """
    d = len(dists)
    base = stats.qmc.Sobol(d=2 * d, scramble=True, rng=rng).random(n)
    a = np.stack([dist.ppf(base[:, i]) for i, dist in enumerate(dists)])
    b = np.stack([dist.ppf(base[:, d + i]) for i, dist in enumerate(dists)])
    ab = np.repeat(a[None], d, axis=0)
    ab[np.arange(d), np.arange(d)] = b
    f_a, f_b = np.asarray(func(a), dtype=float), np.asarray(func(b), dtype=float)
    f_ab = np.asarray(func(np.concatenate(list(ab), axis=1)), dtype=float).reshape(d, n)
    res = stats.sobol_indices(func={"f_A": f_a[None], "f_B": f_b[None], "f_AB": f_ab[:, None]}, n=n)

    def statistic(idx: IntArray) -> FloatArray:
        first, total = saltelli_2010(f_a[idx], f_b[idx], f_ab[:, idx])
        return np.concatenate([first, total])

    boot = stats.bootstrap(
        (np.arange(n),),
        statistic,
        method="BCa",
        n_resamples=BOOTSTRAP_RESAMPLES,
        confidence_level=CONFIDENCE,
        vectorized=False,
        rng=rng,
    )
    lo, hi = boot.confidence_interval.low, boot.confidence_interval.high
    return tuple(
        SobolIndex(
            name,
            _num(np.ravel(res.first_order)[i]),
            (_num(lo[i]), _num(hi[i])),
            _num(np.ravel(res.total_order)[i]),
            (_num(lo[d + i]), _num(hi[d + i])),
        )
        for i, name in enumerate(names)
    )


def _num(x: Any) -> float:
    """A finite float; NaN (an outcome that does not vary at all) is reported as 0."""
    v = float(x)
    return v if np.isfinite(v) else 0.0
