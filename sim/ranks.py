"""The rank rule, defined once: rank of a region = 1 + number of regions with strictly larger value.

Used by the panel (historical ranks) and the engine (projected ranks) alike, so it sits in the
base layer with units and errors.
"""

from __future__ import annotations

import numpy as np

from sim._typing import IntArray

#: Upper bound on elements of the ``(..., N, N)`` comparison array built at once by rank_levels.
_RANK_CHUNK_ELEMENTS = 1 << 24
#: From this many regions on, ranks come from sorted values (a county panel: 2,850), not pairs.
SORTED_FROM = 64


def rank_levels(levels: np.ndarray) -> IntArray:
    """Rank along the last axis: 1 + number of regions with strictly larger value.

    From :data:`SORTED_FROM` regions on and without NaN, from the sorted values (the regions
    with a larger value are those after the last equal one: O(N log N) a row); otherwise by
    comparing every pair (O(N^2); NaN is never larger, never smaller). The same ranks."""
    levels = np.asarray(levels, dtype=float)
    n = levels.shape[-1]
    flat = levels.reshape(-1, n)
    if n >= SORTED_FROM and not np.isnan(flat).any():
        ordered = np.sort(flat, axis=-1)
        out = np.empty(flat.shape, dtype=np.int64)
        for i in range(flat.shape[0]):
            out[i] = 1 + n - np.searchsorted(ordered[i], flat[i], side="right")
        return out.reshape(levels.shape)
    out = np.empty(flat.shape, dtype=np.int64)
    step = max(1, _RANK_CHUNK_ELEMENTS // (n * n))
    for lo in range(0, flat.shape[0], step):
        block = flat[lo : lo + step]
        out[lo : lo + step] = 1 + (block[:, None, :] > block[:, :, None]).sum(axis=-1)
    return out.reshape(levels.shape)


def target_rank(levels: np.ndarray, target: int) -> IntArray:
    """Rank of one region along the last axis (shape of ``levels`` without it)."""
    levels = np.asarray(levels)
    return 1 + (levels > levels[..., target : target + 1]).sum(axis=-1)


def first_true(mask: np.ndarray, axis: int = -1) -> IntArray:
    """Index of the first True along ``axis``, or -1 where there is none."""
    hit = mask.any(axis=axis)
    return np.where(hit, mask.argmax(axis=axis), -1)


def reach_index(ranks: IntArray, threshold: int | IntArray) -> IntArray:
    """Index (along the year axis, last) of the first year with rank <= threshold; -1 if never."""
    return first_true(np.asarray(ranks) <= threshold, axis=-1)
