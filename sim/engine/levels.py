"""The numerical kernel: log levels, ranks, reach years. Pure array functions.

Everything here takes float arrays shaped ``(..., year, region)`` with any number of
leading batch axes (scenario, path) and never loops over regions or years in Python.
"""

from __future__ import annotations

import numpy as np

from sim._typing import FloatArray, IntArray


def project_log_levels(log_base: FloatArray, log_growth: FloatArray) -> FloatArray:
    """``ln Y`` from the base year on: ``ln Y_base`` then ``ln Y_base + cumsum(log growth)``.

    ``log_base`` is ``(..., N)``, ``log_growth`` is ``(..., T, N)`` (nominal log growth of the
    T projected years); the result is ``(..., T + 1, N)``, base year first.
    """
    log_base = np.asarray(log_base, dtype=float)
    log_growth = np.asarray(log_growth, dtype=float)
    shape = np.broadcast_shapes(log_base.shape[:-1], log_growth.shape[:-2])
    out = np.empty((*shape, log_growth.shape[-2] + 1, log_growth.shape[-1]))
    out[..., 0, :] = log_base
    np.cumsum(log_growth, axis=-2, out=out[..., 1:, :])
    out[..., 1:, :] += log_base[..., None, :]
    return out


def gap_pct(log_levels: FloatArray, target: int, threshold: int | IntArray) -> FloatArray:
    """Target GDP as % of the ``threshold``-th largest GDP among the *other* regions, minus 100.

    ``log_levels`` is ``(..., N)`` log GDP; ``threshold`` a rank or an array broadcasting against
    the leading axes. The result drops the last axis. Positive means rank <= threshold.
    """
    log_levels = np.asarray(log_levels, dtype=float)
    others = np.delete(log_levels, target, axis=-1)
    # the k-th largest is the (N-1-k)-th smallest: a selection at the few thresholds asked, O(N)
    up = others.shape[-1] - np.broadcast_to(np.asarray(threshold), log_levels.shape[:-1])[..., None]
    chosen = np.partition(others, np.unique(up), axis=-1)
    kth = np.take_along_axis(chosen, up, axis=-1)[..., 0]
    return np.expm1(log_levels[..., target] - kth) * 100.0
