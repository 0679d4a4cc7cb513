"""Helpers for users' own tests: compare two ranksim results with tolerances.

>>> import sim, sim.testing
>>> a = sim.project(sim.load_scenario("scenarios/inner_mongolia_6pct.yaml"))
>>> sim.testing.assert_result_equal(a, a)
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from sim.names import SCENARIO


def assert_result_equal(left: Any, right: Any, *, rtol: float = 1e-9, atol: float = 0.0) -> None:
    """Assert two results of the same kind are equal: their ``to_frame()`` and ``to_long()``
    tables match (same columns, same rows, numbers within ``rtol``/``atol``) and so do their
    ``parameters``, ``provenance`` and ``paths`` where they have them (experiments). Raises
    AssertionError naming the first difference."""
    if type(left) is not type(right):
        raise AssertionError(f"different kinds of result: {type(left).__name__} and {type(right).__name__}")
    if not hasattr(left, "to_frame"):
        raise TypeError(f"{type(left).__name__} has no to_frame(); not a ranksim result")
    pd.testing.assert_frame_equal(
        left.to_frame(), right.to_frame(), check_exact=False, rtol=rtol, atol=atol, check_dtype=False
    )
    if hasattr(left, "to_long"):  # the long format too (every region's rank of experiments, say),
        # without the scenario's name: the same numbers under another name are equal
        pd.testing.assert_frame_equal(
            left.to_long().drop(columns=SCENARIO),
            right.to_long().drop(columns=SCENARIO),
            check_exact=False,
            rtol=rtol,
            atol=atol,
            check_dtype=False,
        )
    for meta in ("parameters", "provenance", "paths"):  # what the numbers came from
        if hasattr(left, meta) and getattr(left, meta) != getattr(right, meta):
            raise AssertionError(f"different {meta}: {getattr(left, meta)!r} and {getattr(right, meta)!r}")
