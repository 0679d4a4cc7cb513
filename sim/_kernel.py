"""Compiled Monte Carlo kernels (numba): target rank histograms without storing paths.

The target's rank in a year is ``1 + #{j : gap_j > 0}`` with ``gap_j = ln Y_j - ln Y_target``.
Along a path, ``gap[t] = gap0[t] + cumsum(rel_shock)`` where ``gap0`` is the deterministic
projection. Only candidate regions (whose order with the target can change in some path)
are tracked; the others are counted from ``gap0`` once (``fixed_ahead``). Each worker keeps
its own histograms, so nothing of size paths x years x regions is ever held.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange


@njit(cache=True, parallel=True, fastmath=False)
def rank_hist_bootstrap(gap0, rel, idx, cand, fixed_ahead, threshold, n_workers):  # pragma: no cover
    """Histograms from resampled historical years.

    gap0 (T1, N): deterministic log gaps, year 0 = base year (no shock).
    rel (H, N): relative nominal shock of each region vs the target per historical year.
    idx (P, T1-1) int16: historical year drawn for each path and projected year.
    cand (J,) int64: regions tracked; fixed_ahead (T1,) int64: others ahead in each year.
    Returns rank_counts (T1, N+1) and reach_counts (T1+1,) [last = never reached].
    """
    t1, n = gap0.shape
    p = idx.shape[0]
    j_n = cand.size
    ranks = np.zeros((n_workers, t1, n + 1), dtype=np.int64)
    reach = np.zeros((n_workers, t1 + 1), dtype=np.int64)
    step = (p + n_workers - 1) // n_workers
    for w in prange(n_workers):
        acc = np.zeros(j_n)
        lo = w * step
        hi = min(p, lo + step)
        for path in range(lo, hi):
            acc[:] = 0.0
            first = t1
            for t in range(t1):
                count = fixed_ahead[t]
                if t > 0:
                    h = idx[path, t - 1]
                    for k in range(j_n):
                        j = cand[k]
                        acc[k] += rel[h, j]
                        if gap0[t, j] + acc[k] > 0.0:
                            count += 1
                else:
                    for k in range(j_n):
                        if gap0[0, cand[k]] > 0.0:
                            count += 1
                rank = count + 1
                ranks[w, t, rank] += 1
                if rank <= threshold and first == t1:
                    first = t
            reach[w, first] += 1
    return ranks.sum(axis=0), reach.sum(axis=0)


@njit(cache=True, parallel=True, fastmath=False)
def rank_hist_dense(gap0, shocks, cand, fixed_ahead, threshold, n_workers):  # pragma: no cover
    """Same histograms from explicit relative shocks ``shocks`` (P, T1-1, J) of the candidates."""
    t1, n = gap0.shape
    p = shocks.shape[0]
    j_n = cand.size
    ranks = np.zeros((n_workers, t1, n + 1), dtype=np.int64)
    reach = np.zeros((n_workers, t1 + 1), dtype=np.int64)
    step = (p + n_workers - 1) // n_workers
    for w in prange(n_workers):
        acc = np.zeros(j_n)
        lo = w * step
        hi = min(p, lo + step)
        for path in range(lo, hi):
            acc[:] = 0.0
            first = t1
            for t in range(t1):
                count = fixed_ahead[t]
                for k in range(j_n):
                    if t > 0:
                        acc[k] += shocks[path, t - 1, k]
                    if gap0[t, cand[k]] + acc[k] > 0.0:
                        count += 1
                rank = count + 1
                ranks[w, t, rank] += 1
                if rank <= threshold and first == t1:
                    first = t
            reach[w, first] += 1
    return ranks.sum(axis=0), reach.sum(axis=0)


def rank_hist_numpy(gap0: np.ndarray, rel: np.ndarray, idx: np.ndarray, threshold: int) -> tuple[np.ndarray, np.ndarray]:
    """Plain numpy reference (gather + cumsum + compare): same outputs, all regions, no pruning."""
    t1, n = gap0.shape
    gaps = np.empty((idx.shape[0], t1, n))
    gaps[:, 0] = gap0[0]
    gaps[:, 1:] = gap0[1:] + np.cumsum(rel[idx], axis=1)
    rank = 1 + (gaps > 0).sum(axis=2)  # (P, T1)
    ranks = np.zeros((t1, n + 1), dtype=np.int64)
    for t in range(t1):
        ranks[t] += np.bincount(rank[:, t], minlength=n + 1)
    hit = rank <= threshold
    first = np.where(hit.any(axis=1), hit.argmax(axis=1), t1)
    return ranks, np.bincount(first, minlength=t1 + 1).astype(np.int64)
