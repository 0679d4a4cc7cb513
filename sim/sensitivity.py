"""Which assumptions matter most: one-at-a-time swings (tornado) and Sobol indices.

Outcomes: ``reach_year``, ``rank_<year>`` or ``gap_<year>`` (target GDP as % of the GDP at the
threshold rank, minus 100). The reach year is censored: a point that never reaches the
threshold counts as ``horizon + 1``; the share of such points is reported, and a continuous
outcome such as the gap is the better choice whenever that share is not small.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import stats

from sim._typing import FloatArray
from sim.batch import NEVER, Outcomes, evaluate
from sim.errors import InputError
from sim.output import provenance
from sim.params import Parameter, parse_outcome, parse_parameter
from sim.scenario import RangeSpec, Scenario, SensitivitySpec

BOOTSTRAP_RESAMPLES = 999
CONFIDENCE = 0.95


@dataclass(frozen=True)
class TornadoBar:
    param: str
    mode: str
    low: float
    high: float
    outcome_low: float
    outcome_high: float

    @property
    def swing(self) -> float:
        return abs(self.outcome_high - self.outcome_low)


@dataclass(frozen=True)
class SobolIndex:
    param: str
    first_order: float
    first_order_ci: tuple[float, float]
    total_order: float
    total_order_ci: tuple[float, float]


@dataclass(frozen=True)
class SensitivityResult:
    scenario: Scenario
    outcome: str
    base_outcome: float
    tornado: tuple[TornadoBar, ...]  # sorted by swing, largest first
    sobol: tuple[SobolIndex, ...]
    samples: int  # Sobol base sample size n (evaluations: n * (d + 2))
    censored_share: float | None  # reach_year only: share of Sobol points never reaching
    seed: int | None = None

    def to_document(self, argv: Sequence[str] | None = None) -> dict[str, Any]:
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
            "provenance": provenance(self.scenario.files, argv, seed=self.seed),
        }


def outcome_values(outcomes: Outcomes, kind: str, year: int | None, horizon: int) -> FloatArray:
    """The chosen outcome as floats; a never-reached reach year counts as ``horizon + 1``."""
    if kind == "reach_year":
        reach = outcomes.reach_year.astype(float)
        reach[outcomes.reach_year == NEVER] = horizon + 1
        return reach
    col = list(outcomes.rank_years).index(year)
    return (outcomes.ranks[:, col] if kind == "rank" else outcomes.gap_pct[:, col]).astype(float)


def _dist(rng: RangeSpec) -> Any:
    lo, hi = rng.bounds
    if rng.distribution == "triangular":
        return stats.triang(c=0.5, loc=lo, scale=hi - lo)
    return stats.uniform(loc=lo, scale=hi - lo)


def sensitivity(
    scenario: Scenario, spec: SensitivitySpec, *, rng: np.random.Generator, seed: int | None = None
) -> SensitivityResult:
    """Tornado (low/high one at a time from the scenario's own values) and Sobol indices."""
    outcome = spec.outcome or f"gap_{scenario.horizon}"
    try:
        kind, year = parse_outcome(outcome, scenario.base_year, scenario.horizon)
    except ValueError as exc:
        raise InputError(str(exc), field="sensitivity.outcome") from None
    params = [
        parse_parameter(
            scenario.panel.regions,
            path,
            r.mode,
            decays=scenario.half_life is not None,
            where={"field": f"sensitivity.parameters.{path}"},
        )
        for path, r in spec.parameters.items()
    ]
    ranges = list(spec.parameters.values())
    years = [year] if year is not None else None

    def run(settings: list[tuple[Parameter, FloatArray]]) -> FloatArray:
        return outcome_values(evaluate(scenario, settings, rank_years=years), kind, year, scenario.horizon)

    base = float(run([])[0])
    bars = []
    for p, r in zip(params, ranges, strict=True):
        lo, hi = r.bounds
        low, high = run([(p, np.array([lo, hi]))])
        bars.append(TornadoBar(p.path, p.mode, lo, hi, float(low), float(high)))
    bars.sort(key=lambda b: -b.swing)

    censored: list[float] = []

    def func(x: FloatArray) -> FloatArray:
        y = run([(p, x[i]) for i, p in enumerate(params)])
        if kind == "reach_year":
            censored.append(float((y > scenario.horizon).mean()))
        return y

    sobol = sobol_analysis(
        func, [p.path for p in params], [_dist(r) for r in ranges], spec.sobol_samples, rng=rng
    )
    share = float(np.mean(censored)) if censored else None
    return SensitivityResult(scenario, outcome, base, tuple(bars), sobol, spec.sobol_samples, share, seed)


def sobol_analysis(
    func: Any, names: Sequence[str], dists: Sequence[Any], n: int, *, rng: np.random.Generator
) -> tuple[SobolIndex, ...]:
    """First-order and total Sobol indices (Saltelli 2010, scipy) with bootstrap intervals.

    ``func`` maps an array ``(d, m)`` of parameter values to ``(m,)`` outcomes.
    """
    res = stats.sobol_indices(func=func, n=n, dists=list(dists), rng=rng)
    boot = res.bootstrap(confidence_level=CONFIDENCE, n_resamples=BOOTSTRAP_RESAMPLES)
    fo, to = boot.first_order.confidence_interval, boot.total_order.confidence_interval
    return tuple(
        SobolIndex(
            name,
            _num(res.first_order[i]),
            (_num(fo.low[i]), _num(fo.high[i])),
            _num(res.total_order[i]),
            (_num(to.low[i]), _num(to.high[i])),
        )
        for i, name in enumerate(names)
    )


def _num(x: Any) -> float:
    """A finite float; NaN (an outcome that does not vary at all) is reported as 0."""
    v = float(x)
    return v if np.isfinite(v) else 0.0
