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
