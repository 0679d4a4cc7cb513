"""Which assumptions matter most: one-at-a-time swings (tornado) and Sobol indices.

Outcomes: ``reach_year``, ``rank_<year>`` or ``gap_<year>`` (target GDP as % of the GDP at the
threshold rank, minus 100). The reach year is censored: a point that never reaches the
threshold counts as ``horizon + 1``; the share of such points is reported, and a continuous
outcome such as the gap is the better choice whenever that share is not small.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sim import names
from sim._typing import FloatArray
from sim.engine.batch import NEVER, Outcomes, evaluate_batch
from sim.errors import InputError
from sim.inputs.params import Parameter, parse_outcome, parse_parameter, warn_if_fractions
from sim.messages import Msg, msg
from sim.model.scenario import ParameterRange, Scenario, SensitivitySettings, sensitivity_settings
from sim.provenance import Provenance, random_source
from sim.results import ResultView

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
    unit: str = ""  # of low and high (names.PARAMETER_UNITS)

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

    @property
    def defined(self) -> bool:
        """False when the indices are undefined (an outcome that does not vary at all): they are
        NaN then, never reported as 0."""
        return bool(np.isfinite(self.first_order) and np.isfinite(self.total_order))


@dataclass(frozen=True, eq=False, repr=False)
class SensitivityResult(ResultView):
    """Tornado bars and Sobol indices of one outcome, and the outcome at the scenario's own values."""

    scenario: Scenario
    outcome: str
    base_outcome: float
    tornado: tuple[TornadoBar, ...]  # sorted by swing, largest first
    sobol: tuple[SobolIndex, ...]
    samples: int  # Sobol base sample size n (evaluations: n * (d + 2))
    censored_share: float | None  # reach_year only: share of Sobol points never reaching
    seed: int | str | None = None  # the seed of the Sobol sample and bootstrap, or "generator supplied"

    def headline(self) -> str:
        """The outcome and the assumption with the largest swing."""
        top = self.tornado[0] if self.tornado else None
        lead = f"; largest swing: {top.param} ({top.swing:.2f})" if top else ""
        return f"{self.outcome} = {self.base_outcome:.2f} in the scenario{lead}"

    def to_frame(self) -> pd.DataFrame:
        """One row a parameter, in tornado order (largest swing first): the swing from low to
        high, and first-order and total Sobol indices with their 95 % bootstrap intervals."""
        sobol = {s.param: s for s in self.sobol}
        rows = []
        for b in self.tornado:
            s = sobol[b.param]
            rows.append(
                (b.param, b.mode, b.unit, b.low, b.high, b.outcome_low, b.outcome_high, b.swing,
                 s.first_order, *s.first_order_ci, s.total_order, *s.total_order_ci)
            )  # fmt: skip
        return pd.DataFrame(rows, columns=list(names.SENSITIVITY_COLUMNS))

    def to_long(self) -> pd.DataFrame:
        """The long format (:data:`sim.names.LONG_COLUMNS`): variable
        ``Sensitivity|<measure>|<outcome>|<param>`` (swing and outcomes at the bounds in the
        outcome's unit, Sobol indices unitless), year the outcome's (none for the reach year)."""
        from sim.longformat import outcome_long, stack

        _, year = parse_outcome(self.outcome, self.scenario.base_year, self.scenario.horizon)
        frame = self.to_frame()
        sc = self.scenario
        who = sc.panel.regions.en[sc.target]
        parts = []
        for col in (names.OUTCOME_LOW, names.OUTCOME_HIGH, names.SWING, names.FIRST_ORDER, names.TOTAL_ORDER):
            for param, value in zip(frame[names.PARAM], frame[col], strict=True):
                parts.append(outcome_long(col, scenario=sc.name, region=who, year=year, value=[value],
                                          suffix=f"|{self.outcome}|{param}"))  # fmt: skip
        return stack(parts)

    def to_document(self, provenance: Provenance | None = None) -> dict[str, Any]:
        """The ``ranksim sensitivity --json`` document: base outcome, tornado, Sobol indices, provenance."""
        prov = provenance or self.scenario.provenance(seed=self.seed)
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
                    "defined": s.defined,
                    "first_order": _rounded(s.first_order),
                    "first_order_ci": [_rounded(v) for v in s.first_order_ci],
                    "total_order": _rounded(s.total_order),
                    "total_order_ci": [_rounded(v) for v in s.total_order_ci],
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
    from scipy import stats

    lo, hi = r.low, r.high
    if r.distribution == "triangular":
        return stats.triang(c=0.5, loc=lo, scale=hi - lo)
    return stats.uniform(loc=lo, scale=hi - lo)


def sensitivity(
    scenario: Scenario,
    settings: SensitivitySettings | Mapping[str, Any] | None = None,
    *,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
    progress: Callable[[int], None] | None = None,
) -> SensitivityResult:
    """Which assumptions matter most: a tornado and Sobol indices.

    Parameters
    ----------
    scenario : Scenario
    settings : SensitivitySettings or mapping, optional
        Outcome (``reach_year``, ``rank_<year>`` or ``gap_pct_<year>``, the gap in percent),
        parameter ranges (percent a year when set, percentage points when shifted) and the
        Sobol base sample size; default the scenario's own ``sensitivity:`` section. A mapping
        is written as that section: ``{"outcome": "gap_pct_2030", "parameters": {path: [low,
        high] or {"shift": [low, high]}}, "sobol_samples": 1024}``.
    seed, rng : optional
        Where the Sobol sample and the bootstrap draw from (one, not both).

    Returns
    -------
    SensitivityResult
        The tornado (each parameter at its low and high bound, the others as in the scenario,
        largest swing first) and first-order and total Sobol indices with 95 % BCa intervals
        (``n (d + 2)`` evaluations).
    """
    generator, used = random_source(seed, rng)
    if isinstance(settings, Mapping):
        settings = sensitivity_settings(scenario, settings)
    spec = settings if settings is not None else scenario.sensitivity
    if spec is None:
        raise InputError(msg("sensitivity.no_section"), field="sensitivity")
    outcome = spec.outcome
    try:
        kind, year = parse_outcome(outcome, scenario.base_year, scenario.horizon)
    except (ValueError, InputError) as exc:
        found = getattr(exc, "msg", None)  # a library error's catalogue message, else its text
        raise InputError(found if isinstance(found, Msg) else str(exc), field="sensitivity.outcome") from None
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
    for p, r in zip(params, ranges, strict=True):
        warn_if_fractions(p, [r.low, r.high], f"sensitivity.parameters.{r.param}")
    years = [year] if year is not None else None

    def run(settings: list[tuple[Parameter, FloatArray]]) -> FloatArray:
        return outcome_values(
            evaluate_batch(scenario, settings, rank_years=years), kind, year, scenario.horizon
        )

    base = float(run([])[0])
    bars = []
    for p, r in zip(params, ranges, strict=True):
        lo, hi = r.low, r.high
        low, high = run([(p, np.array([lo, hi]))])
        unit = names.PARAMETER_UNITS[(p.kind, p.mode)]
        bars.append(TornadoBar(p.path, p.mode, lo, hi, float(low), float(high), unit))
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
        func, [p.path for p in params], [_dist(r) for r in ranges], spec.sobol_samples, rng=generator
    )
    tick(1)
    share = float(np.mean(censored)) if censored else None
    return SensitivityResult(scenario, outcome, base, tuple(bars), sobol, spec.sobol_samples, share, used)


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


def _saltelli_terms(f_a: FloatArray, f_b: FloatArray, f_ab: FloatArray) -> FloatArray:
    """Per-point terms ``(n, 2 + 3d)`` whose weighted sums give :func:`saltelli_2010` of a
    weighted set of the points (a bootstrap resample, a leave-one-out set): ``a + b``,
    ``a**2 + b**2``, ``D_i``, ``b * D_i``, ``D_i**2``, with ``a``, ``b`` centred at the mean of
    all ``2n`` outcomes and ``D_i = f_ab[i] - f_a``. See :func:`_saltelli_from_sums`."""
    centre = np.mean(np.concatenate([f_a, f_b]))
    a, b = f_a - centre, f_b - centre
    diff = (f_ab - f_a).T  # (n, d); centring cancels in the difference
    return np.column_stack([a + b, a * a + b * b, diff, b[:, None] * diff, diff * diff])


def _saltelli_from_sums(sums: FloatArray, count: float) -> FloatArray:
    """:func:`saltelli_2010` from sums of :func:`_saltelli_terms` over ``count`` points (with
    repeats), ``(..., 2 + 3d)`` to ``(..., 2d)``: first-order indices, then total indices.

    The resample's own mean ``m`` (relative to the full-sample centre) re-centres the
    outcomes: ``var = E[a**2 + b**2] / 2 - m**2`` and ``E[(b - m) D] = E[b D] - m E[D]``."""
    d = (sums.shape[-1] - 2) // 3
    mean = sums[..., :2] / count
    shift = mean[..., 0:1] / 2
    var = mean[..., 1:2] / 2 - shift * shift
    diff = sums[..., 2 : 2 + d] / count
    cross = sums[..., 2 + d : 2 + 2 * d] / count
    square = sums[..., 2 + 2 * d :] / count
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.concatenate([(cross - shift * diff) / var, 0.5 * square / var], axis=-1)


_BATCH_ELEMENTS = 1 << 19  # resample counts held at once: 4 MiB of int64 (and as many float64)


def bca_interval(
    f_a: FloatArray,
    f_b: FloatArray,
    f_ab: FloatArray,
    *,
    rng: np.random.Generator,
    n_resamples: int = BOOTSTRAP_RESAMPLES,
    confidence_level: float = CONFIDENCE,
) -> tuple[FloatArray, FloatArray]:
    """BCa bootstrap intervals ``(low, high)``, each ``(2d,)`` (first-order indices, then
    total), of :func:`saltelli_2010` resampling the ``n`` points: the numbers
    ``scipy.stats.bootstrap((np.arange(n),), statistic, method="BCa", vectorized=False)``
    gives with the same ``rng`` (to rounding), from the same draws of ``rng``.

    scipy draws ``rng.integers(0, n, (n_resamples, n))`` in one call; drawing it in row
    batches gives the same numbers (for ``n <= 2**32`` each bounded draw takes whole
    ``next_uint32`` values, and the bit generator keeps a half-used 64-bit word between
    calls), so a batch's resamples become counts and the statistic comes from
    ``counts @ terms``. The jackknife
    uses the leave-one-out sums ``total - terms[i]``. z0 counts ties as half (scipy's
    ``_percentile_of_score``); the percentiles are ``scipy.stats.quantile``'s "linear"
    (Hyndman and Fan type 7). Entries whose interval is undefined (no variance) are NaN.
    """
    from scipy.special import ndtr, ndtri

    with np.errstate(divide="ignore", invalid="ignore"):
        theta_hat = np.concatenate(saltelli_2010(f_a, f_b, f_ab))  # scipy's statistic(np.arange(n))
    terms = _saltelli_terms(f_a, f_b, f_ab)
    n = terms.shape[0]
    theta_b = np.empty((theta_hat.size, n_resamples))
    batch = max(1, _BATCH_ELEMENTS // n)
    for start in range(0, n_resamples, batch):
        m = min(batch, n_resamples - start)
        idx = rng.integers(0, n, (m, n), dtype=np.int64)
        idx += np.arange(0, m * n, n)[:, None]
        counts = np.bincount(idx.ravel(), minlength=m * n).reshape(m, n).astype(float)
        theta_b[:, start : start + m] = _saltelli_from_sums(counts @ terms, n).T

    # bias correction: share of resamples below theta_hat, ties counting one half
    below = np.count_nonzero(theta_b < theta_hat[:, None], axis=-1)
    below += np.count_nonzero(theta_b <= theta_hat[:, None], axis=-1)
    z0 = ndtri(below / (2 * n_resamples))

    # acceleration from the jackknife (leave-one-out sums in closed form)
    theta_i = _saltelli_from_sums(terms.sum(axis=0) - terms, n - 1).T  # (2d, n)
    u = (n - 1) * (np.mean(theta_i, axis=-1, keepdims=True) - theta_i)
    with np.errstate(divide="ignore", invalid="ignore"):
        accel = 1 / 6 * (np.sum(u**3, axis=-1) / n**3) / (np.sum(u**2, axis=-1) / n**2) ** 1.5
        z_alpha = float(ndtri((1 - confidence_level) / 2))
        num1 = z0 + z_alpha
        num2 = z0 - z_alpha
        p = np.stack([ndtr(z0 + num1 / (1 - accel * num1)), ndtr(z0 + num2 / (1 - accel * num2))], axis=-1)
    ci = _quantile_linear(np.sort(theta_b, axis=-1), p)
    return ci[:, 0], ci[:, 1]


def _quantile_linear(y: FloatArray, p: FloatArray) -> FloatArray:
    """``scipy.stats.quantile(y, p, axis=-1)`` ("linear") of rows ``y`` sorted ascending,
    ``p`` ``(rows, k)``; NaN for a row holding NaN or a ``p`` outside [0, 1]."""
    count = y.shape[-1]
    bad = np.isnan(p) | (p < 0) | (p > 1) | np.isnan(y).any(axis=-1, keepdims=True)
    p = np.where(bad, 0.5, p)
    jg = p * count + (1 - p)
    jp1 = jg // 1
    j = jp1 - 1
    g = np.where(j < 0, 0.0, jg % 1)
    j = np.clip(j, 0, count - 1).astype(np.int64)
    jp1 = np.clip(jp1, 0, count - 1).astype(np.int64)
    res = (1 - g) * np.take_along_axis(y, j, axis=-1) + g * np.take_along_axis(y, jp1, axis=-1)
    return np.where(bad, np.nan, res)


def sobol_analysis(
    func: Any, names: Sequence[str], dists: Sequence[Any], n: int, *, rng: np.random.Generator
) -> tuple[SobolIndex, ...]:
    """First-order and total Sobol indices with seeded BCa bootstrap intervals.

    A and B are scrambled Sobol' points (``scipy.stats.qmc.Sobol``) mapped through the
    distributions; the indices are :func:`saltelli_2010` on those evaluations (the numbers
    ``scipy.stats.sobol_indices`` gives). The intervals are the BCa intervals of
    ``scipy.stats.bootstrap`` over the ``n`` points with ``rng`` (see :func:`bca_interval`;
    ``SobolResult.bootstrap`` draws from an unseeded generator, which would break
    byte-identical output). ``func`` maps ``(d, m)`` parameter values to ``(m,)`` outcomes;
    it is called three times. An outcome that does not vary has undefined (NaN) indices.
    """
    from scipy.stats import qmc

    d = len(dists)
    base = qmc.Sobol(d=2 * d, scramble=True, rng=rng).random(n)
    a = np.stack([dist.ppf(base[:, i]) for i, dist in enumerate(dists)])
    b = np.stack([dist.ppf(base[:, d + i]) for i, dist in enumerate(dists)])
    ab = np.repeat(a[None], d, axis=0)
    ab[np.arange(d), np.arange(d)] = b
    f_a, f_b = np.asarray(func(a), dtype=float), np.asarray(func(b), dtype=float)
    f_ab = np.asarray(func(np.concatenate(list(ab), axis=1)), dtype=float).reshape(d, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        first, total = saltelli_2010(f_a, f_b, f_ab)
    lo, hi = bca_interval(f_a, f_b, f_ab, rng=rng)
    return tuple(
        SobolIndex(
            name,
            _num(first[i]),
            (_num(lo[i]), _num(hi[i])),
            _num(total[i]),
            (_num(lo[d + i]), _num(hi[d + i])),
        )
        for i, name in enumerate(names)
    )


def _num(x: Any) -> float:
    """A float; NaN stays NaN (an undefined index: :attr:`SobolIndex.defined` says so)."""
    return float(x)


def _rounded(v: float) -> float | None:
    """A JSON number to 4 decimals; None where undefined (NaN)."""
    return round(v, 4) if np.isfinite(v) else None
