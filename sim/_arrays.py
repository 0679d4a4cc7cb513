"""Read-only arrays for shared, cached and frozen objects (a panel, a growth model).

A frozen dataclass stops rebinding a field, not writing into its array: ``panel.gdp[0, 0] = 1``
would poison every later scenario that gets the same cached panel. Objects shared that way keep
read-only views of their arrays; the caller's own arrays stay writable.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import numpy.typing as npt


def read_only(arr: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """A read-only view of ``arr`` (``arr`` itself when it already is one)."""
    if not arr.flags.writeable:
        return arr
    view = arr.view()
    view.flags.writeable = False
    return view


def freeze_arrays(obj: Any) -> None:
    """Replace every array field of the frozen dataclass ``obj`` by a read-only view (call from
    ``__post_init__``)."""
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, np.ndarray):
            object.__setattr__(obj, f.name, read_only(value))


def rounded(values: npt.ArrayLike, digits: int) -> list[float]:
    """``[round(v, digits) for v in values]`` (Python's correctly rounded ``round``, bit for bit)
    for a float array, a whole array at a time.

    ``rint(v * 10**digits) / 10**digits`` is that number wherever the product is not within its
    rounding error of a half (the division rounds the exact decimal once, as ``round`` does);
    the few values that are (and non-finite or huge ones) go through ``round`` itself."""
    x = np.asarray(values, dtype=float).ravel()
    scale = 10.0**digits
    with np.errstate(invalid="ignore", over="ignore"):
        y = x * scale
        out = (np.rint(y) / scale).tolist()
        frac = np.abs(y - np.trunc(y))
        unsure = ~(np.abs(frac - 0.5) > np.abs(y) * 2.0**-50) | ~(np.abs(y) < 2.0**50)
    for i in np.flatnonzero(unsure).tolist():
        out[i] = round(float(x[i]), digits)
    return out
