"""Numpy twins of the compiled kernels in :mod:`sim.engine.kernels`: same arguments, same outputs.

They are the reference the tests hold the kernels to, and they serve small workloads, where
importing numba and loading (or compiling) the kernels costs more than the work itself.
:func:`ahead_numpy` is the twin of :func:`~sim.engine.kernels.count_ahead` (it counts every
region, no pruning: the kernel's tracked regions plus those counted once), and
:meth:`sim.model.shocks.OffsetTable.columns` that of :func:`~sim.engine.kernels.offset_columns`.
"""

from __future__ import annotations

import numpy as np

from sim.engine.levels import gap_pct, project_log_levels
from sim.ranks import reach_index, target_rank


def batch_outcomes_numpy(
    base_log: np.ndarray,
    growth: np.ndarray,
    target: int,
    k: np.ndarray,
    want: np.ndarray,
    out_reach: np.ndarray,
    out_rank: np.ndarray,
    out_gap: np.ndarray,
) -> None:
    """Numpy twin of :func:`batch_outcomes` (same arguments, same outputs)."""
    logy = project_log_levels(base_log, growth)  # (B, T+1, N)
    trank = target_rank(logy, target)
    out_reach[:] = reach_index(trank, k[:, None])
    out_rank[:] = trank[:, want]
    out_gap[:] = gap_pct(logy[:, want, :], target, k[:, None])


def rank_hist_numpy(
    gap0: np.ndarray,
    rel: np.ndarray,
    idx: np.ndarray,
    off: np.ndarray,
    oidx: np.ndarray,
    threshold: int,
    early: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Twin of :func:`sim.engine.kernels.rank_hist_bootstrap`: gather + cumsum + compare over all
    regions, no pruning (so it also checks that the kernel's pruning is exact)."""
    return rank_counts(1 + ahead_numpy(gap0, rel, idx, off, oidx, early), gap0.shape[1], threshold)


def ahead_numpy(
    gap0: np.ndarray,
    rel: np.ndarray,
    idx: np.ndarray,
    off: np.ndarray,
    oidx: np.ndarray,
    early: np.ndarray | None = None,
) -> np.ndarray:
    """Regions ahead of the target ``(P, T1)`` for every path and year (the arguments of
    :func:`rank_hist_numpy`, ``idx`` resolved); counts of disjoint sets of regions add up."""
    gaps = gap0 + off[oidx]  # (P, T1, N): offsets first, then the shocks (the kernel's order)
    shocks = rel[idx]
    for t in range(0 if early is None else min(early.shape[0], idx.shape[1])):
        shocks[:, t] = early[t][idx[:, t]]  # type: ignore[index]
    gaps[:, 1:] += np.cumsum(shocks, axis=1)
    return (gaps > 0).sum(axis=2)


def rank_hist_dense_numpy(
    gap0: np.ndarray,
    shocks: np.ndarray,
    off: np.ndarray,
    oidx: np.ndarray,
    cand: np.ndarray,
    fixed_ahead: np.ndarray,
    threshold: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Twin of :func:`sim.engine.kernels.rank_hist_dense` (its ``n_workers`` argument aside)."""
    t1, n = gap0.shape
    gaps = np.empty((shocks.shape[0], t1, cand.size))
    gaps[:, 0] = gap0[0, cand]
    gaps[:, 1:] = gap0[1:, cand] + np.cumsum(shocks, axis=1)
    gaps += off[oidx][:, :, cand]
    rank = 1 + fixed_ahead[None, :] + (gaps > 0).sum(axis=2)  # (P, T1)
    return rank_counts(rank, n, threshold)


def rank_counts(rank: np.ndarray, n: int, threshold: int) -> tuple[np.ndarray, np.ndarray]:
    """Rank counts ``(T1, N+1)`` and first-reach counts ``(T1+1,)`` of ranks ``(P, T1)`` (the
    histograms the kernels and the twins alike make of the paths' ranks)."""
    t1 = rank.shape[1]
    ranks = np.zeros((t1, n + 1), dtype=np.int64)
    for t in range(t1):
        ranks[t] += np.bincount(rank[:, t], minlength=n + 1)
    hit = rank <= threshold
    first = np.where(hit.any(axis=1), hit.argmax(axis=1), t1)
    return ranks, np.bincount(first, minlength=t1 + 1).astype(np.int64)
