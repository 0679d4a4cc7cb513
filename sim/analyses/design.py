"""Designs of any shape: a table whose rows are scenarios and whose columns are parameters.

A Latin hypercube, a list of named variants and a full grid are all just rows. Every row is
evaluated by the batched engine (the same growth assembly and kernel as a single run); with
``paths`` every row also gets Monte Carlo reach probabilities, with the same random draws for
every row (common random numbers), so differences between rows are not noise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from sim import names
from sim.engine.batch import NEVER, evaluate_batch
from sim.errors import InputError
from sim.inputs.params import Parameter, parse_parameter, warn_if_fractions
from sim.messages import Msg, Words, msg
from sim.model.scenario import Scenario
from sim.provenance import random_source

#: Outcome column prefixes of the wide table: target rank, gap (%) and P(reach by the year).
RANK_PREFIX = names.RANK + "_"
GAP_PREFIX = names.GAP_PCT + "_"
PROB_PREFIX = names.REACH_PROBABILITY + "_"
REACHED_PREFIX = names.REACHED_BY + "_"


def evaluate(
    scenario: Scenario,
    design: pd.DataFrame | Mapping[str, Sequence[float]],
    *,
    modes: Mapping[str, str] | None = None,
    years: Sequence[int] | None = None,
    paths: int | None = None,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
    compiled: bool | None = None,
) -> pd.DataFrame:
    """Evaluate every row of ``design`` as a variant of ``scenario`` (the quick path; for an
    experiment to keep, with every year's outcomes, provenance and save/load, see
    :func:`sim.experiments`).

    Parameters
    ----------
    scenario : Scenario
    design : DataFrame or mapping of column -> values
        One column per parameter, named by its dotted path as in ``ranksim sweep --set``:
        ``provinces.<name>.real_growth`` / ``.deflator`` / ``.lead`` and ``national.real_growth`` /
        ``.deflator`` (percent a year when set, percentage points when shifted),
        ``others.half_life`` (years), ``threshold_rank`` (a whole rank). Other columns (a
        variant's name, say) are kept and ignored; a column that looks like a misspelt
        parameter (``threshold_rnk``) is an error. Values are checked as a scenario file's are.
    modes : mapping of column -> "set" or "shift", optional
        ``set`` (default) replaces the value in every year; ``shift`` adds to every year.
    years : sequence of int, optional
        Years to report the target's rank and gap for (default: the horizon alone).
    paths : int, optional
        Also run a Monte Carlo of this many paths per row (``seed`` or ``rng``, one, not both;
        the same draws for every row) and report P(reach by each of ``years``).

    Returns
    -------
    DataFrame
        The design (same index) with ``reach_year`` (nullable integer: ``<NA>`` = not reached by
        the horizon), ``reached_by_<year>`` (True when reached by that year: its mean is the
        share of rows, where ``(reach_year <= year).mean()`` would drop the never-reached rows),
        ``rank_<year>`` and ``gap_pct_<year>`` (target GDP as % of the GDP at the
        threshold rank among the others, minus 100) for each year, and
        ``reach_probability_<year>`` with ``paths``. ``attrs`` records ``seed`` (the seed used,
        "generator supplied", or None without ``paths``), ``paths`` and ``scenario``.
    """
    frame = pd.DataFrame(design).copy()
    params, values = design_columns(scenario, frame, modes or {})
    want = sorted(set(years)) if years else [scenario.horizon]
    added = [names.REACH_YEAR, *(f"{p}{y}" for y in want for p in (REACHED_PREFIX, RANK_PREFIX, GAP_PREFIX))]
    added += [f"{PROB_PREFIX}{y}" for y in want] if paths is not None else []
    refuse_outcome_columns(frame, added)
    if paths is not None:
        check_paths(paths)
    out = evaluate_batch(scenario, list(zip(params, values, strict=True)), rank_years=want, compiled=compiled)
    frame[names.REACH_YEAR] = pd.array(
        [None if y == NEVER else int(y) for y in out.reach_year], dtype="Int64"
    )
    for i, year in enumerate(out.rank_years):
        frame[f"{REACHED_PREFIX}{year}"] = (out.reach_year != NEVER) & (out.reach_year <= year)
        frame[f"{RANK_PREFIX}{year}"] = out.ranks[:, i]
        frame[f"{GAP_PREFIX}{year}"] = out.gap_pct[:, i]
    used: int | str | None = None
    if paths is not None:
        generator, used = random_source(seed, rng)
        probs = probabilities(scenario, params, values, want, paths, generator)
        for j, year in enumerate(want):
            frame[f"{PROB_PREFIX}{year}"] = probs[:, j]
    frame.attrs = {"scenario": scenario.name, "seed": used, "paths": paths}
    return frame


def check_paths(paths: object) -> int:
    """``paths`` as a whole number of at least 1, else an :class:`InputError` naming ``paths``."""
    if isinstance(paths, bool) or not isinstance(paths, int | np.integer) or paths < 1:
        raise InputError(msg("montecarlo.paths_whole", value=repr(paths)), field="paths")
    return int(paths)


def refuse_outcome_columns(frame: pd.DataFrame, added: Sequence[str]) -> None:
    """An :class:`InputError` when the design already has a column an outcome would take (it
    would be overwritten silently)."""
    clash = [c for c in added if c in frame.columns]
    if clash:
        raise InputError(msg("design.outcome_column_clash", column=repr(clash[0])), field="design")


#: Dotted parameter forms a label column close to one is taken for a misspelling of.
_PARAMETER_NAMES = (
    "threshold_rank", "national.real_growth", "national.deflator", "others.half_life",
    "others.deflator_half_life",
)
_SECTIONS = ("provinces.", "national.", "others.", "uncertainty.")


def _is_parameter(text: str) -> bool:
    return text.startswith(_SECTIONS) or text == "threshold_rank"


def _misspelt(text: str) -> str | None:
    """The parameter a label column's name is a likely misspelling of (``threshold_rnk``,
    ``national_real_growth``), else None."""
    import difflib

    dotted = [p.replace("_", ".") for p in _PARAMETER_NAMES]
    close = difflib.get_close_matches(text.replace("_", ".").lower(), dotted, n=1, cutoff=0.85)
    if close:
        return _PARAMETER_NAMES[dotted.index(close[0])]
    head = text.split(".")[0].split("_")[0].lower()
    return f"{head}.…" if head in ("provinces", "province", "national", "others") else None


def design_columns(
    scenario: Scenario, frame: pd.DataFrame, modes: Mapping[str, str]
) -> tuple[list[Parameter], list[np.ndarray]]:
    """The parameter columns of a design, resolved and checked as a scenario file's values are
    (finite numbers within the hard limits, whole threshold ranks, a positive half-life); a
    column that looks like a misspelt parameter is an error, not a label."""
    unknown = [c for c in modes if c not in frame.columns]
    if unknown:
        raise InputError(msg("design.modes_unknown_columns", columns=str(unknown)), field="modes")
    params, values = [], []
    for column in frame.columns:
        text = str(column)
        if not _is_parameter(text):
            guess = _misspelt(text)
            if guess is not None:
                misspelt = msg("design.misspelt_parameter", column=repr(text), guess=repr(guess))
                raise InputError(misspelt, field=text)
            continue  # a label column
        param = parse_parameter(
            scenario.panel.regions,
            text,
            modes.get(column, "set"),
            decays=scenario.others.half_life is not None,
            where={"field": text},
        )
        numbers = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)
        bad = ~np.isfinite(numbers)
        if bad.any():
            row = frame.index[int(np.argmax(bad))]
            value = frame[column].iloc[int(np.argmax(bad))]
            raise InputError(msg("design.not_finite", row=repr(row), value=repr(value)), field=text)
        check_values(scenario, param, numbers, frame.index)
        warn_if_fractions(param, list(numbers), text)
        params.append(param)
        values.append(numbers)
    if not params:
        raise InputError(msg("design.no_parameter_column"), field="design")
    if len({(p.kind, p.region) for p in params}) < len(params):
        raise InputError(msg("design.parameter_twice"), field="design")
    return params, values


def check_values(scenario: Scenario, param: Parameter, numbers: np.ndarray, index: Any = None) -> None:
    """Refuse values :meth:`Scenario.with_changes` refuses: growth, deflators, leads and shifts
    beyond the hard limit (the scenario format's ±30 points a year), a threshold that is not a
    whole rank between 1 and N - 1, a half-life that is not positive."""
    from sim.inputs.schema import HARD_LIMIT_PCT

    index = range(numbers.size) if index is None else index
    bad = np.zeros(numbers.size, dtype=bool)
    why: Msg | None = None
    if param.kind in ("province_real", "province_defl", "province_lead", "national_real", "national_defl"):
        bad = np.abs(numbers) > HARD_LIMIT_PCT
        unit = unit_words(names.PARAMETER_UNITS[(param.kind, param.mode)])
        why = msg("design.beyond_hard_limit", limit=f"{HARD_LIMIT_PCT:g}", unit=unit)
    elif param.kind == "threshold":
        k = numbers if param.mode == "set" else scenario.threshold_rank + numbers
        bad = (k != np.round(k)) | (k < 1) | (k > scenario.n_regions - 1)
        why = msg("design.whole_rank", top=scenario.n_regions - 1)
    elif param.kind in ("half_life", "deflator_half_life"):
        own = scenario.others.half_life if param.kind == "half_life" else scenario.others.deflator_half_life
        h = numbers if param.mode == "set" else float(own or 0) + numbers
        bad = h <= 0
        why = msg("design.positive_years")
    if bad.any() and why is not None:
        i = int(np.argmax(bad))
        bad_value = msg("design.bad_value", row=repr(list(index)[i]), value=float(numbers[i]), why=why)
        raise InputError(bad_value, field=param.key)


#: A parameter's unit (sim.names.PARAMETER_UNITS) in both languages.
UNIT_WORDS = {
    "% a year": Words("% a year", "每年%"),
    "pp a year": Words("pp a year", "每年百分点"),
    "years": Words("years", "年"),
    "rank": Words("rank", "名次"),
    "ranks": Words("ranks", "名次"),
}


def unit_words(unit: str) -> Words:
    """A parameter's unit in both languages (:data:`UNIT_WORDS`; another unit as written)."""
    return UNIT_WORDS.get(unit, Words(unit, unit))


def probabilities(
    scenario: Scenario,
    params: list[Parameter],
    values: list[np.ndarray],
    years: list[int],
    paths: int,
    generator: np.random.Generator,
) -> np.ndarray:
    """P(reached by each year) ``(rows, years)``, every row on the same draws (common random
    numbers): the draws a single :func:`~sim.analyses.montecarlo.simulate` would make from
    ``generator``'s state at the call, drawn once and counted against each row's projection."""
    import sys

    from sim.analyses.montecarlo import CHUNK_PATHS, COMPILED_FROM, draw_paths, log_gaps, rank_histograms
    from sim.engine.projection import project

    same = np.random.Generator(type(generator.bit_generator)())
    same.bit_generator.state = generator.bit_generator.state
    draw = draw_paths(scenario, same, params)
    rows = values[0].size
    compiled = paths * rows >= COMPILED_FROM or "numba" in sys.modules
    cols = [y - scenario.base_year for y in years]
    growth = [(p, v) for p, v in zip(params, values, strict=True) if p.kind != "threshold"]
    threshold = next(((p, v) for p, v in zip(params, values, strict=True) if p.kind == "threshold"), None)
    ks = np.full(rows, scenario.threshold_rank, dtype=np.int64)
    if threshold is not None:
        p, v = threshold
        ks = np.rint(v if p.mode == "set" else scenario.threshold_rank + v).astype(np.int64)
    gaps = [log_gaps(project(scenario, [(p, float(v[row])) for p, v in growth])) for row in range(rows)]
    reach = np.zeros((rows, scenario.years.size + 2), dtype=np.int64)
    for lo in range(0, paths, CHUNK_PATHS):  # one chunk of draws in memory at a time
        d = draw(min(CHUNK_PATHS, paths - lo))
        for row in range(rows):
            reach[row] += rank_histograms(d, gaps[row], scenario.target, int(ks[row]), compiled=compiled)[1]
    out = (np.cumsum(reach[:, :-1], axis=1) / paths)[:, cols]
    return out


__all__ = ["check_paths", "check_values", "design_columns", "evaluate", "probabilities"]
