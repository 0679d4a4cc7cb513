"""The numerical kernel: log levels, ranks, reach years. Pure array functions.

Everything here takes float arrays shaped ``(..., year, region)`` with any number of
leading batch axes (scenario, path) and never loops over regions or years in Python.
"""

from __future__ import annotations

import numpy as np

from sim._typing import FloatArray, IntArray

#: Upper bound on elements of the ``(..., N, N)`` comparison array built at once by rank_levels.
_RANK_CHUNK_ELEMENTS = 1 << 24


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


def rank_levels(levels: FloatArray) -> IntArray:
    """Rank along the last axis: 1 + number of regions with strictly larger value."""
    levels = np.asarray(levels, dtype=float)
    n = levels.shape[-1]
    flat = levels.reshape(-1, n)
    out = np.empty(flat.shape, dtype=np.int64)
    step = max(1, _RANK_CHUNK_ELEMENTS // (n * n))
    for lo in range(0, flat.shape[0], step):
        block = flat[lo : lo + step]
        out[lo : lo + step] = 1 + (block[:, None, :] > block[:, :, None]).sum(axis=-1)
    return out.reshape(levels.shape)


def target_rank(levels: FloatArray, target: int) -> IntArray:
    """Rank of one region along the last axis (shape of ``levels`` without it)."""
    levels = np.asarray(levels)
    return 1 + (levels > levels[..., target : target + 1]).sum(axis=-1)


def first_true(mask: np.ndarray, axis: int = -1) -> IntArray:
    """Index of the first True along ``axis``, or -1 where there is none."""
    hit = mask.any(axis=axis)
    return np.where(hit, mask.argmax(axis=axis), -1)


def reach_index(ranks: IntArray, threshold: int) -> IntArray:
    """Index (along the year axis, last) of the first year with rank <= threshold; -1 if never."""
    return first_true(np.asarray(ranks) <= threshold, axis=-1)
