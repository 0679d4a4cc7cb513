"""Designs of any shape: a table whose rows are scenarios and whose columns are parameters.

A Latin hypercube, a list of named variants and a full grid are all just rows. Every row is
evaluated by the batched engine (the same growth assembly and kernel as a single run); with
``paths`` every row also gets Monte Carlo reach probabilities, with the same random draws for
every row (common random numbers), so differences between rows are not noise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from sim import names
from sim.engine.batch import NEVER, evaluate_batch
from sim.errors import InputError
from sim.inputs.params import Parameter, parse_parameter, warn_if_fractions
from sim.model.scenario import Scenario
from sim.provenance import random_source

#: Outcome column prefixes: target rank, gap (%) and P(reach by the year) per reported year.
RANK_PREFIX, GAP_PREFIX, PROB_PREFIX = "rank_", "gap_pct_", "p_reach_"


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
    """Evaluate every row of ``design`` as a variant of ``scenario``.

    Parameters
    ----------
    scenario : Scenario
    design : DataFrame or mapping of column -> values
        One column per parameter, named by its dotted path as in ``ranksim sweep --set``:
        ``provinces.<name>.real_growth`` / ``.deflator`` and ``national.real_growth`` /
        ``.deflator`` (percent a year when set, percentage points when shifted),
        ``others.half_life`` (years), ``threshold_rank`` (a rank). Other columns (a variant's
        name, say) are kept and ignored. One row per scenario.
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
        the horizon), ``rank_<year>`` and ``gap_pct_<year>`` (target GDP as % of the GDP at the
        threshold rank among the others, minus 100) for each year, and ``p_reach_<year>`` with
        ``paths``.
    """
    frame = pd.DataFrame(design).copy()
    params, values = _columns(scenario, frame, modes or {})
    want = sorted(set(years)) if years else [scenario.horizon]
    out = evaluate_batch(scenario, list(zip(params, values, strict=True)), rank_years=want, compiled=compiled)
    frame[names.REACH_YEAR] = pd.array(
        [None if y == NEVER else int(y) for y in out.reach_year], dtype="Int64"
    )
    for i, year in enumerate(out.rank_years):
        frame[f"{RANK_PREFIX}{year}"] = out.ranks[:, i]
        frame[f"{GAP_PREFIX}{year}"] = out.gap_pct[:, i]
    if paths is not None:
        generator, _ = random_source(seed, rng)
        probs = probabilities(scenario, params, values, want, paths, generator)
        for j, year in enumerate(want):
            frame[f"{PROB_PREFIX}{year}"] = probs[:, j]
    return frame


def _columns(
    scenario: Scenario, frame: pd.DataFrame, modes: Mapping[str, str]
) -> tuple[list[Parameter], list[np.ndarray]]:
    """The parameter columns of a design, resolved and checked (numbers, finite)."""
    unknown = [c for c in modes if c not in frame.columns]
    if unknown:
        raise InputError(f"modes name columns the design does not have: {unknown}", field="modes")
    params, values = [], []
    for column in frame.columns:
        text = str(column)
        if not (text.startswith(("provinces.", "national.", "others.")) or text == "threshold_rank"):
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
            raise InputError(
                f"row {row!r}: {frame[column].iloc[int(np.argmax(bad))]!r} is not a finite number "
                "(growth in percent per year: write 6, not '6%' or 0.06)",
                field=text,
            )
        warn_if_fractions(param, list(numbers), text)
        params.append(param)
        values.append(numbers)
    if not params:
        raise InputError("no parameter column (e.g. 'provinces.Inner Mongolia.real_growth')", field="design")
    if len({(p.kind, p.region) for p in params}) < len(params):
        raise InputError("a parameter appears twice", field="design")
    return params, values


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


__all__ = ["evaluate", "probabilities"]
