"""Array and literal aliases used across the package."""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

OthersModel = Literal["national", "spread", "targets"]
Direction = Literal["passed", "passed_by"]
Lang = Literal["en", "zh"]
