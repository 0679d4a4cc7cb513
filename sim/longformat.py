"""One long format for every result: IAMC style, columns ``model, scenario, region, variable,
unit, year, value`` (:data:`sim.names.LONG_COLUMNS`), variables and units from
:data:`sim.names.OUTCOMES`. Every result's ``to_long()`` builds its table here, so results of
several scenarios and kinds stack with :func:`concat` (pyam's ``IamDataFrame`` reads them).

``year`` is a nullable integer: ``<NA>`` for a value that belongs to no year (a reach year, a
Sobol index); ``value`` is a float, NaN for a censored outcome (never reached by the horizon).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from sim import names
from sim.errors import InputError
from sim.messages import msg


def long_frame(
    *, scenario: Any, region: Any, variable: Any, unit: Any, year: Any, value: Any
) -> pd.DataFrame:
    """A long table from columns given as scalars or equal-length arrays (broadcast)."""
    value = np.asarray(value, dtype=float).reshape(-1)
    n = value.size

    def col(x: Any) -> np.ndarray:
        arr = np.asarray(x, dtype=object).reshape(-1)
        return np.repeat(arr, n) if arr.size == 1 else arr

    years = pd.array(
        [None if y is None or (isinstance(y, float) and np.isnan(y)) else int(y) for y in col(year)],
        dtype="Int64",
    )
    return pd.DataFrame(
        {
            names.MODEL: names.MODEL_NAME,
            names.SCENARIO: col(scenario).astype(str),
            names.REGION_NAME: col(region).astype(str),
            names.VARIABLE: col(variable).astype(str),
            names.UNIT: col(unit).astype(str),
            names.YEAR: years,
            names.VALUE: value,
        },
        columns=list(names.LONG_COLUMNS),
    )


def outcome_long(
    column: str, *, scenario: Any, region: Any, year: Any, value: Any, suffix: str = ""
) -> pd.DataFrame:
    """The long rows of one outcome column (its variable and unit from :data:`sim.names.OUTCOMES`;
    ``suffix`` is appended to the variable, e.g. ``|provinces.15.real_growth``)."""
    variable, unit = names.OUTCOMES[column]
    return long_frame(
        scenario=scenario, region=region, variable=variable + suffix, unit=unit, year=year, value=value
    )


def stack(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Long tables one under the other (an empty long table for none)."""
    if not parts:
        return long_frame(scenario=[], region=[], variable=[], unit=[], year=[], value=[])
    return pd.concat(list(parts), ignore_index=True)


def concat(results: Iterable[Any]) -> pd.DataFrame:
    """Stack the long tables of several results (or long tables themselves) into one.

    >>> import sim
    >>> sc = sim.load_scenario("scenarios/inner_mongolia_6pct.yaml")
    >>> both = sim.concat([sim.project(sc), sim.project(sc.with_changes({"name": "faster",
    ...     "provinces.Inner Mongolia.real_growth": 7}))])
    >>> sorted(both["scenario"].unique())
    ['Inner Mongolia at 6% real from 2025', 'faster']
    """
    parts = []
    for i, item in enumerate(results):
        frame = item if isinstance(item, pd.DataFrame) else _to_long(item, i)
        if tuple(frame.columns) != names.LONG_COLUMNS:
            raise InputError(
                msg(
                    "results.not_long",
                    i=i,
                    columns=str(list(frame.columns)),
                    want=str(list(names.LONG_COLUMNS)),
                ),
                field="results",
            )
        parts.append(frame)
    return stack(parts)


def _to_long(item: Any, i: int) -> pd.DataFrame:
    method = getattr(item, "to_long", None)
    if method is None:
        raise InputError(
            msg("results.no_to_long", i=i, type=type(item).__name__), field="results"
        )
    frame: pd.DataFrame = method()
    return frame
