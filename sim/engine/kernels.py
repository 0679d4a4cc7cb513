"""Compiled kernels (numba): batch outcomes and Monte Carlo rank histograms, without storing paths.

Each has a numpy twin (:mod:`sim.engine.twins`), tested equal; the twins serve small workloads
(no compile, no numba import) and are the reference.

The target's rank in a year is ``1 + #{j : gap_j > 0}`` with ``gap_j = ln Y_j - ln Y_target``.
Along a path, ``gap[t] = gap0[t] + cumsum(rel_shock)`` where ``gap0`` is the deterministic
projection. Only candidate regions (whose order with the target can change in some path)
are tracked; the others are counted from ``gap0`` once (``fixed_ahead``). Nothing of size
paths x years x regions is ever held: the Monte Carlo counts regions ahead block of regions by
block (:func:`count_ahead`, the offset table's columns from :func:`offset_columns`), a count a
path and year, and makes the histograms of those counts.

Fork and threads: numba runs ``parallel=True`` kernels on one process-wide threading layer,
chosen when the first parallel kernel runs. Without TBB it picks GNU OpenMP on Linux, which is
not fork-safe: a child forked (``multiprocessing`` / ``ProcessPoolExecutor`` default on Linux)
from a parent that has run a kernel dies or hangs when it runs one. Importing this module
therefore asks numba for its ``"forksafe"`` layer (TBB if it loads, else ``workqueue`` on Linux;
Intel OpenMP elsewhere) unless the user chose a layer (``NUMBA_THREADING_LAYER``, numba's config
file, or ``numba.config.THREADING_LAYER`` set before this import). ``workqueue`` is not
thread-safe (concurrent launches abort the process), so every kernel call goes through one
process-wide lock: calls from several Python threads run one after another, each on all cores.
A layer numba has already started before this import stays as it is.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from numba import njit, prange

#: numba's global configuration (the threading layer) is the host process's to choose: ranksim
#: leaves it alone. The ``ranksim`` command sets ``NUMBA_THREADING_LAYER=forksafe`` for its own
#: process unless the variable is set; a notebook that forks workers after running the kernels
#: sets it the same way before importing numba (README, Monte Carlo).

_LOCK = threading.Lock()


def _new_lock_in_child() -> None:
    """A child forked while another thread of the parent held the lock gets a free one."""
    global _LOCK
    _LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):  # POSIX only
    os.register_at_fork(after_in_child=_new_lock_in_child)


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Ctrl-C (SIGINT) held while a compiled kernel runs and delivered when it returns: a signal
    arriving inside numba's parallel region could crash the process (seen: a segmentation fault in
    4 of 170 interrupts); held, it becomes a KeyboardInterrupt between two chunks. Only the main
    thread of a POSIX process can hold it; elsewhere nothing changes."""
    can = (
        hasattr(signal, "pthread_sigmask")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
    )
    if not can:
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)  # a held Ctrl-C is delivered here


def _one_at_a_time(kernel: Any) -> Callable[..., Any]:
    """The compiled ``kernel`` behind the process-wide lock (``__wrapped__`` is the dispatcher); an
    interrupt inside it is a KeyboardInterrupt again (the CLI then prints "interrupted", exit 130)."""

    @functools.wraps(kernel, updated=())
    def call(*args: Any) -> Any:
        with _LOCK, _interrupts_deferred():
            try:
                return kernel(*args)
            except SystemError as exc:  # Ctrl-C inside compiled code reaches Python this way
                cause: BaseException | None = exc
                while cause is not None and not isinstance(cause, KeyboardInterrupt):
                    cause = cause.__cause__ or cause.__context__
                if cause is not None:
                    raise KeyboardInterrupt from None
                raise

    return call


def rank_hist_bootstrap(
    gap0, rel, early, idx, cont, succ, off, oidx, cand, fixed_ahead, threshold, n_workers
):
    """Histograms from resampled historical years (every region at once; the engine counts
    block of regions by block with :func:`count_ahead`, ``sim.analyses.montecarlo``).

    gap0 (T1, N): deterministic log gaps, year 0 = base year (no shock).
    rel (H, N): relative nominal shock of each region vs the target per historical year.
    early (E, H, N): the tables of the first E projected years, where preliminary figures pin
    some regions (their shock is 0); E = 0 for none.
    idx (P, T1-1) int16: historical year drawn for each path and projected year; with stationary
    blocks (``cont`` (P, T1-1) bool, ``succ`` (H,) int16, else both empty), the new-block start,
    and year t continues the block (row ``succ[previous row]``) where ``cont`` says so and
    ``succ`` is not -1 (:func:`sim.model.shocks.resolve_stationary`).
    off (K, T1, N), oidx (P,) int32: per-path offsets of the gaps (parameter and national-path
    draws); path p adds off[oidx[p], t, j].
    cand (J,) int64: regions tracked; fixed_ahead (T1,) int64: others ahead in each year.
    Returns rank_counts (T1, N+1) and reach_counts (T1+1,) [last = never reached].
    """
    from sim.engine.twins import rank_counts

    order = np.argsort(oidx, kind="stable")  # the histograms do not depend on the paths' order
    idx, oidx = idx[order], oidx[order]
    cont = cont[order] if cont.shape[0] else cont
    counts = np.zeros((idx.shape[0], gap0.shape[0]), dtype=np.int32)
    count_ahead(gap0, rel, early, idx, cont, succ, off, oidx, cand, counts, n_workers)
    return rank_counts(1 + fixed_ahead[None, :] + counts, gap0.shape[1], threshold)


@_one_at_a_time
@njit(cache=True, parallel=True, fastmath=False)
def count_ahead(gap0, rel, early, idx, cont, succ, off, oidx, cand, counts, n_workers):  # pragma: no cover
    """Add to ``counts`` (P, T1) int32 the number of regions ``cand`` ahead of the target for every
    path and year (the arguments of :func:`rank_hist_bootstrap`, whose columns may be a block of
    the regions: counts of disjoint blocks add up).

    The paths should come sorted by their offset row ``oidx``: a worker gathers the tracked
    columns of a row, ``gap0[t, j] + off[o, t, j]``, once for all the paths that draw it.
    """
    t1 = gap0.shape[0]
    p = idx.shape[0]
    j_n = cand.size
    step = (p + n_workers - 1) // n_workers
    stationary = cont.shape[0] > 0
    # The tracked columns of the shocks, gathered once: relc[h, k], earlyc[e, h, k].
    relc = np.empty((rel.shape[0], j_n))
    for hh in range(rel.shape[0]):
        for k in range(j_n):
            relc[hh, k] = rel[hh, cand[k]]
    n_early = early.shape[0]
    earlyc = np.empty((n_early, rel.shape[0], j_n))
    for e in range(n_early):
        for hh in range(rel.shape[0]):
            for k in range(j_n):
                earlyc[e, hh, k] = early[e, hh, cand[k]]
    for w in prange(n_workers):
        acc = np.zeros(j_n)
        row = np.empty((t1, j_n))
        current = -1
        lo = w * step
        hi = min(p, lo + step)
        for path in range(lo, hi):
            o = oidx[path]
            if o != current:  # base gaps of this offset row (the twin adds in the same order)
                for t in range(t1):
                    for k in range(j_n):
                        row[t, k] = gap0[t, cand[k]] + off[o, t, cand[k]]
                current = o
            acc[:] = 0.0
            count = 0
            for k in range(j_n):
                if row[0, k] > 0.0:
                    count += 1
            counts[path, 0] += count
            h = 0
            for t in range(1, t1):
                nxt = succ[h] if stationary and t > 1 else -1
                if nxt >= 0 and cont[path, t - 1]:
                    h = nxt
                else:
                    h = idx[path, t - 1]
                shock = earlyc[t - 1, h] if t - 1 < n_early else relc[h]
                gaps = row[t]
                count = 0
                for k in range(j_n):
                    acc[k] += shock[k]
                    if gaps[k] + acc[k] > 0.0:
                        count += 1
                counts[path, t] += count


@_one_at_a_time
@njit(cache=True, parallel=True, fastmath=False)
def offset_columns(  # pragma: no cover
    n, dr, dd, decay, real_cells, defl_cells, region_scale, eta, follows, miss, miss_mean, planned, beta,
    fixed_real, target, negative
):
    """Columns of an offset table ``(K, T+1, n)`` from its draws: the compiled twin of
    :meth:`sim.model.shocks.OffsetTable.columns` (its ``parts``), every cell by the same
    operations in the same order, so bit for bit the same.

    dr, dd (K, n): resampled spreads (0 rows: none); decay (T,): decay x parameter scale;
    real_cells, defl_cells (T, n): 0/1 where the spread is redrawn; region_scale (n,) or empty;
    eta (K, T): national path error (0 rows: none), follows (T, n) 0/1; miss (K, n): plan miss
    (0 rows: no plan risk), miss_mean (T, n), planned (T, n) 0/1, beta (n,), fixed_real (T, n)
    0/1; target (K, T+1): the target's cumulative offset, taken off every column; negative:
    the mirrored table.
    """
    rows, t1 = target.shape
    out = np.empty((rows, t1, n))
    spreads = dr.shape[0] > 0
    scaled = region_scale.size > 0
    national = eta.shape[0] > 0
    plan = miss.shape[0] > 0
    for r in prange(rows):
        cum = np.zeros(n)
        for j in range(n):
            v = 0.0 - target[r, 0]
            out[r, 0, j] = -v if negative else v
        for t in range(t1 - 1):
            for j in range(n):
                g = 0.0
                if spreads:
                    d = decay[t] * (dr[r, j] * real_cells[t, j] + dd[r, j] * defl_cells[t, j])
                    if scaled:
                        d = d * region_scale[j]
                    g = g + d
                if national:
                    g = g + eta[r, t] * follows[t, j]
                if plan:
                    p = -(miss_mean[t, j] + miss[r, j]) * planned[t, j]
                    if national:
                        p = p + eta[r, t] * beta[j] * fixed_real[t, j]
                    g = g + p
                cum[j] = g if t == 0 else cum[j] + g
                v = cum[j] - target[r, t + 1]
                out[r, t + 1, j] = -v if negative else v
    return out


@_one_at_a_time
@njit(cache=True, parallel=True, fastmath=False)
def rank_hist_dense(gap0, shocks, off, oidx, cand, fixed_ahead, threshold, n_workers):  # pragma: no cover
    """Same histograms from explicit relative shocks ``shocks`` (P, T1-1, J) of the candidates,
    plus the per-path offsets ``off[oidx[p]]`` (K, T1, N) as in :func:`rank_hist_bootstrap`."""
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
            o = oidx[path]
            for t in range(t1):
                count = fixed_ahead[t]
                for k in range(j_n):
                    if t > 0:
                        acc[k] += shocks[path, t - 1, k]
                    if gap0[t, cand[k]] + acc[k] + off[o, t, cand[k]] > 0.0:
                        count += 1
                rank = count + 1
                ranks[w, t, rank] += 1
                if rank <= threshold and first == t1:
                    first = t
            reach[w, first] += 1
    return ranks.sum(axis=0), reach.sum(axis=0)


@_one_at_a_time
@njit(cache=True, parallel=True, fastmath=False)
def batch_outcomes(base_log, growth, target, k, want, out_reach, out_rank, out_gap):  # pragma: no cover
    """Levels -> ranks -> outcomes of B scenarios from their nominal log growth ``growth`` (B, T, N).

    Writes the reach index (first year index with target rank <= ``k[b]``, base year = 0; -1 =
    never) and, at the sorted year indices ``want``, the target's rank and its gap (%) to the
    ``k[b]``-th largest other region (:func:`sim.engine.levels.gap_pct`). Linear in the number
    of regions N: the rank is a count of the regions ahead (the target is never ahead of
    itself), the ``k``-th largest a selection (:func:`_select`), never a sort.
    """
    none3, none2 = np.empty((0, 0, 0)), np.empty((0, 0))
    for b in prange(growth.shape[0]):
        _outcomes(b, base_log, growth, none3, none2, target, k, want, out_reach, out_rank, out_gap)


@_one_at_a_time
@njit(cache=True, parallel=True, fastmath=False)
def batch_outcomes_parts(  # pragma: no cover
    base_log, real, deflator, population, target, k, want, out_reach, out_rank, out_gap
):
    """:func:`batch_outcomes` of growth given in its parts, as :class:`sim.model.growth.Growth`
    holds them: real (B or 1, T, N), deflator (B or 1, T, N) and population (T, N) log growth
    (0 rows: not ranked by GDP per head); a part of 1 row is every scenario's (B = the size of
    the outputs). The measured
    growth of a cell is ``real + deflator - population`` (:attr:`Growth.measured`, bit for bit),
    so a batch needs no array of it."""
    for b in prange(out_reach.shape[0]):
        _outcomes(b, base_log, real, deflator, population, target, k, want, out_reach, out_rank, out_gap)


@njit(cache=True, fastmath=False, inline="always")
def _measured(real, deflator, population, rb, db, t, j, parts, heads):  # pragma: no cover
    """Measured log growth of cell (t, j): ``real + deflator - population`` in that order (the
    parts a batch has), as :attr:`sim.model.growth.Growth.measured` computes it."""
    g = real[rb, t, j]
    if parts:
        g = g + deflator[db, t, j]
    if heads:
        g = g - population[t, j]
    return g


@njit(cache=True, fastmath=False)
def _outcomes(  # pragma: no cover
    b, base_log, real, deflator, population, target, k, want, out_reach, out_rank, out_gap
):
    """Scenario ``b`` of :func:`batch_outcomes` (``deflator`` of no rows: ``real`` is the growth)
    or :func:`batch_outcomes_parts`."""
    n_t, n = real.shape[1], real.shape[2]
    n_y = want.size
    b = np.int64(b)  # a prange index may come unsigned
    rb = b if real.shape[0] > 1 else np.int64(0)
    parts = deflator.shape[0] > 0
    db = b if deflator.shape[0] > 1 else np.int64(0)
    heads = population.shape[0] > 0
    logy = base_log.copy()
    others = np.empty(n - 1)
    first = -1
    y_pos = 0
    for t in range(n_t + 1):
        count = 0
        if t > 0:
            mine = logy[target] + _measured(real, deflator, population, rb, db, t - 1, target, parts, heads)
            for j in range(n):
                v = logy[j] + _measured(real, deflator, population, rb, db, t - 1, j, parts, heads)
                logy[j] = v
                count += v > mine
        else:
            mine = logy[target]
            for j in range(n):
                count += logy[j] > mine
        rank = count + 1
        if first < 0 and rank <= k[b]:
            first = t
        while y_pos < n_y and want[y_pos] == t:
            m = 0
            finite = True
            for j in range(n):
                if j != target:
                    others[m] = logy[j]
                    finite = finite and not np.isnan(logy[j])
                    m += 1
            q = n - 1 - k[b]  # the k-th largest is the q-th smallest: O(N)
            kth = _select(others, q) if finite else np.partition(others, q)[q]
            out_rank[b, y_pos] = rank
            out_gap[b, y_pos] = np.expm1(mine - kth) * 100.0
            y_pos += 1
    out_reach[b] = first


@njit(cache=True, fastmath=False)
def _select(a, q):  # pragma: no cover
    """The ``q``-th smallest value of ``a`` (no NaN), reordering ``a`` in place: Hoare's FIND
    (Wirth's form) with a median-of-three pivot, sorting what is left after 64 rounds. The same
    value ``np.partition(a, q)[q]`` gives, without its copy of ``a``."""
    lo, hi = 0, a.size - 1
    rounds = 0
    while lo < hi:
        rounds += 1
        if rounds > 64:  # an unlucky run of pivots: finish by sorting what is left
            rest = np.sort(a[lo : hi + 1])
            return rest[q - lo]
        x, y, z = a[lo], a[(lo + hi) // 2], a[hi]
        pivot = max(min(x, y), min(max(x, y), z))
        i, j = lo, hi
        while i <= j:
            while a[i] < pivot:
                i += 1
            while pivot < a[j]:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        if j < q:
            lo = i
        if q < i:
            hi = j
    return a[q]
