"""The SALib workflow: a problem, a sample, experiments, then any analysis of any outcome.

Sampling, evaluating and analysing are separate steps (SALib's ``ProblemSpec``): :func:`problem`
states the parameters with bounds or distributions as a SALib problem (a plain dict SALib's
samplers and ``ProblemSpec`` take); a sampler draws the design; :func:`sim.experiments` runs it
and keeps every outcome; :func:`analyze` analyses any outcome of those experiments, now or after
:func:`sim.load_experiments`, with SALib's Sobol, Morris or delta method. The in-house seeded
BCa Sobol of :func:`sim.sensitivity` stays for the scenario file's ``sensitivity:`` section.

>>> import sim
>>> from SALib.sample import sobol as sobol_sample
>>> sc = sim.load_scenario("scenarios/inner_mongolia_6pct.yaml")
>>> prob = sim.problem(sc, {"provinces.Inner Mongolia.real_growth": [4, 8],
...                         "national.real_growth": {"shift": [-1, 1]}})
>>> X = sobol_sample.sample(prob, 256, calc_second_order=False, seed=1)
>>> ex = sim.experiments(sc, X, problem=prob)
>>> sim.analyze(ex, method="sobol", outcome="gap_pct_2030", seed=1).to_frame()  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from sim import names
from sim.analyses.experiments import Experiments
from sim.errors import InputError
from sim.inputs.params import parse_parameter, warn_if_fractions
from sim.longformat import outcome_long, stack
from sim.messages import msg
from sim.model.scenario import Scenario
from sim.provenance import Provenance, fresh_seed
from sim.results import ResultView

#: SALib's delta seeds numpy's legacy generator, which takes seeds below 2**32: it gets the
#: recorded seed modulo this (any seed the other methods take is recorded and replayed as given).
DELTA_SEEDS = 1 << 32
Method = Literal["sobol", "morris", "delta"]
#: SALib distribution names accepted, and the scenario format's words for two of them.
DISTRIBUTIONS = ("unif", "triang", "norm", "truncnorm", "lognorm", "logunif")
_WORDS = {"uniform": "unif", "triangular": "triang", "normal": "norm"}
RESAMPLES = 1000
CONFIDENCE = 0.95


def problem(scenario: Scenario, parameters: Mapping[str, Any]) -> dict[str, Any]:
    """A SALib problem for parameters of ``scenario``.

    Parameters
    ----------
    parameters : mapping of dotted path -> bounds or distribution
        ``[low, high]`` (set, uniform), ``{"set": [low, high]}`` or ``{"shift": [low, high]}``
        (percent a year when set, points when shifted), optionally with ``"distribution":
        "uniform" | "triangular"`` (symmetric, as in a scenario file's ``sensitivity:``), or
        SALib's own ``{"dist": "norm", "bounds": [mean, sd]}`` (``triang``: ``[low, high, peak
        0-1]``; ``truncnorm``, ``lognorm``, ``logunif``), with ``"mode": "shift"`` to shift.

    Returns
    -------
    dict
        ``num_vars``, ``names``, ``bounds``, ``dists`` (SALib's keys: usable with
        ``SALib.ProblemSpec`` and every SALib sampler) and ``modes`` and ``units`` (for
        :func:`sim.experiments`). Values are checked as a scenario file's are.
    """
    if not isinstance(parameters, Mapping) or not parameters:
        raise InputError(msg("gsa.no_parameters"), field="parameters")
    rows = [_one(scenario, str(path), spec) for path, spec in parameters.items()]
    return {
        "num_vars": len(rows),
        "names": [r[0] for r in rows],
        "bounds": [r[1] for r in rows],
        "dists": [r[2] for r in rows],
        "modes": [r[3] for r in rows],
        "units": [r[4] for r in rows],
    }


def _one(scenario: Scenario, path: str, spec: Any) -> tuple[str, list[float], str, str, str]:
    """(name, bounds, dist, mode, unit) of one parameter, checked."""
    field = f"parameters.{path}"
    mode, dist, bounds = "set", "unif", spec
    if isinstance(spec, Mapping):
        extra = set(spec) - {"set", "shift", "distribution", "dist", "bounds", "mode"}
        if extra:
            raise InputError(msg("gsa.unknown_key", key=repr(sorted(extra)[0])), field=field)
        if ("set" in spec) + ("shift" in spec) + ("bounds" in spec) != 1:
            raise InputError(msg("gsa.one_form"), field=field)
        mode = "shift" if "shift" in spec else str(spec.get("mode", "set"))
        word = str(spec.get("dist", spec.get("distribution", "unif")))
        dist = _WORDS.get(word, word)
        bounds = spec.get("set", spec.get("shift", spec.get("bounds")))
    if dist not in DISTRIBUTIONS:
        unknown = msg("gsa.unknown_distribution", name=repr(dist), known=", ".join(DISTRIBUTIONS))
        raise InputError(unknown, field=field)
    numbers = _bounds(bounds, field)
    if dist in ("unif", "triang", "logunif", "truncnorm") and not numbers[0] < numbers[1]:
        raise InputError(msg("gsa.low_high", low=numbers[0], high=numbers[1]), field=field)
    if dist == "triang" and len(numbers) == 2:
        numbers = [*numbers, 0.5]  # symmetric, as the scenario format's "triangular"
    param = parse_parameter(
        scenario.panel.regions,
        path,
        mode,
        decays=scenario.others.half_life is not None,
        where={"field": field},
    )
    if dist in ("unif", "triang"):
        from sim.analyses.design import check_values

        check_values(scenario, param, np.array(numbers[:2]))
        warn_if_fractions(param, numbers[:2], path)
    return path, numbers, dist, mode, names.PARAMETER_UNITS[(param.kind, param.mode)]


def _bounds(value: Any, field: str) -> list[float]:
    if isinstance(value, str) or not hasattr(value, "__len__") or not 2 <= len(value) <= 4:
        raise InputError(msg("gsa.bounds_list", value=repr(value)), field=field)
    try:
        numbers = [float(v) for v in value]
    except (TypeError, ValueError):
        raise InputError(msg("gsa.bounds_numbers", value=repr(value)), field=field) from None
    if not all(np.isfinite(numbers)):
        raise InputError(msg("gsa.bounds_finite", value=repr(value)), field=field)
    return numbers


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class AnalysisResult(ResultView):
    """One SALib analysis of one outcome of a set of experiments: a row a parameter."""

    method: Method
    outcome: str
    scenario: str
    target: str  # the target region's name
    table: pd.DataFrame  # names.ANALYSIS_COLUMNS[method]
    experiments: int
    censored_share: float | None  # reach_year: share of experiments never reaching (counted as horizon + 1)
    seed: int
    provenance: Provenance

    def headline(self) -> str:
        """Method, outcome and the most influential parameter."""
        key = {"sobol": names.TOTAL_ORDER, "morris": names.MORRIS_MU_STAR, "delta": names.DELTA}[self.method]
        top = self.table.sort_values(key, ascending=False).iloc[0]
        most = top[names.PARAM]
        return f"{self.method} on {self.outcome} ({self.experiments:,} experiments): most influential {most}"

    def to_frame(self) -> pd.DataFrame:
        """One row a parameter, the method's columns (:data:`sim.names.ANALYSIS_COLUMNS`)."""
        return self.table.copy()

    def to_long(self) -> pd.DataFrame:
        """The long format: variable ``Sensitivity|<index>|<outcome>|<param>``; year the outcome's."""
        _, year = names.split_year(self.outcome)
        parts = []
        for column in self.table.columns:
            if column in names.OUTCOMES:
                for param, value in zip(self.table[names.PARAM], self.table[column], strict=True):
                    parts.append(
                        outcome_long(
                            column,
                            scenario=self.scenario,
                            region=self.target,
                            year=year,
                            value=[value],
                            suffix=f"|{self.outcome}|{param}",
                        )
                    )
        return stack(parts)


def analyze(
    experiments: Experiments,
    *,
    method: Method = "sobol",
    outcome: str = names.REACH_YEAR,
    problem: Mapping[str, Any] | None = None,
    calc_second_order: bool | None = None,
    num_levels: int = 4,
    resamples: int = RESAMPLES,
    seed: int | None = None,
) -> AnalysisResult:
    """Analyse one outcome of existing experiments with SALib.

    Parameters
    ----------
    experiments : Experiments
        Run on a design drawn by SALib's sampler for the method (Saltelli/Sobol' for "sobol",
        Morris trajectories for "morris", any sample for "delta"), rows in the sampler's order.
    method : "sobol", "morris" or "delta"
    outcome : str
        ``reach_year`` (never reached counts as the horizon + 1; the share is reported),
        ``reached_by_<year>``, ``reach_probability_<year>``, ``rank_<year>`` or ``gap_pct_<year>``.
    problem : mapping, optional
        Default: the experiments' own (from the :func:`problem` they were run with).
    calc_second_order : bool, optional
        Sobol: whether the sample has second-order rows (default: inferred from its length).
    resamples : int
        Bootstrap resamples of the confidence intervals (delta is slow: its kernel density
        estimate is refitted per resample; 100 is plenty there).
    seed : int, optional
        The bootstrap's seed (default a fresh one below 2**53, recorded in ``result.seed``; delta
        uses it modulo 2**32, the largest seed its generator takes).
    """
    if method not in ("sobol", "morris", "delta"):
        raise InputError(msg("gsa.method", value=repr(method)), field="method")
    prob = _salib_problem(problem if problem is not None else experiments.problem())
    y, censored = _outcome(experiments, outcome)
    x = experiments.design[prob["names"]].to_numpy(dtype=float)
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0):
        raise InputError(msg("value.whole_at_least_got", least=0, value=repr(seed)), field="seed")
    used = fresh_seed() if seed is None else int(seed)
    raw = _run(method, prob, x, y, calc_second_order, num_levels, resamples, used)
    sc = experiments.scenario
    return AnalysisResult(
        method=method,
        outcome=outcome,
        scenario=sc.name,
        target=sc.target_name,
        table=_table(method, prob["names"], raw),
        experiments=len(y),
        censored_share=censored,
        seed=used,
        provenance=Provenance.of(
            experiments.provenance.files, seed=used, changes=experiments.provenance.changes
        ),
    )


def _salib_problem(prob: Mapping[str, Any]) -> dict[str, Any]:
    """SALib's keys only (SALib's analysers read nothing else)."""
    return {
        k: (list(prob[k]) if k != "num_vars" else prob[k])
        for k in ("num_vars", "names", "bounds", "dists")
        if k in prob
    }


def _outcome(experiments: Experiments, outcome: str) -> tuple[np.ndarray, float | None]:
    values = experiments.values(outcome)
    if outcome == names.REACH_YEAR:
        missing = values.isna().to_numpy()
        y = values.astype("Float64").fillna(experiments.scenario.horizon + 1).to_numpy(dtype=float)
        return y, float(missing.mean())
    return values.astype(float).to_numpy(), None


def _run(
    method: str,
    prob: dict[str, Any],
    x: np.ndarray,
    y: np.ndarray,
    second: bool | None,
    levels: int,
    resamples: int,
    seed: int,
) -> dict[str, Any]:
    from SALib.analyze import delta, morris, sobol

    try:
        if method == "sobol":
            d = prob["num_vars"]
            if second is None:
                second = y.size % (2 * d + 2) == 0 and y.size % (d + 2) != 0
            return dict(
                sobol.analyze(
                    prob,
                    y,
                    calc_second_order=second,
                    num_resamples=resamples,
                    conf_level=CONFIDENCE,
                    seed=seed,
                )
            )
        if method == "morris":
            return dict(
                morris.analyze(
                    prob, x, y, num_resamples=resamples, conf_level=CONFIDENCE, num_levels=levels, seed=seed
                )
            )
        small = seed % DELTA_SEEDS
        return dict(delta.analyze(prob, x, y, num_resamples=resamples, conf_level=CONFIDENCE, seed=small))
    except (ValueError, RuntimeError) as exc:
        failed = msg("gsa.salib_failed", method=method, reason=str(exc))
        raise InputError(failed, field="experiments") from None


def _table(method: str, params: list[str], raw: dict[str, Any]) -> pd.DataFrame:
    keys = {
        "sobol": ("S1", "S1_conf", "ST", "ST_conf"),
        "morris": ("mu", "mu_star", "sigma", "mu_star_conf"),
        "delta": (
            "delta_raw",
            "delta_raw_conf",
            "S1",
            "S1_conf",
        ),  # SALib >= 1.5: the raw delta is Borgonovo's
    }[method]
    columns = names.ANALYSIS_COLUMNS[method]
    data: dict[str, Any] = {names.PARAM: params}
    for column, key in zip(columns[1:], keys, strict=True):
        data[column] = np.asarray(raw[key] if key in raw else raw[key.replace("_raw", "")], dtype=float)
    return pd.DataFrame(data, columns=list(columns))


__all__ = ["AnalysisResult", "analyze", "problem"]
