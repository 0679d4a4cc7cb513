"""The one place where percent meets log growth.

Files, YAML, CLI and reports speak percent per year; the engine works in log terms,
``ln(1 + pct / 100)``, so that growth paths add and shocks add.
"""

from __future__ import annotations

import numpy as np

from sim._typing import FloatArray


def pct_to_log(pct: FloatArray | float) -> FloatArray:
    """Percent per year -> log growth ``ln(1 + pct/100)``."""
    return np.log1p(np.asarray(pct, dtype=float) / 100.0)


def log_to_pct(log_growth: FloatArray | float) -> FloatArray:
    """Log growth -> percent per year."""
    return np.expm1(np.asarray(log_growth, dtype=float)) * 100.0


def ratio_to_pct(ratio: FloatArray | float) -> FloatArray:
    """A level ratio (e.g. 0.97) -> percent difference (-3.0)."""
    return (np.asarray(ratio, dtype=float) - 1.0) * 100.0
