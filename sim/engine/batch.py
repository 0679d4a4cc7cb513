"""Many scenarios at once: a batch of parameter settings evaluated by the same engine as one run.

A parameter such as ``provinces.Inner Mongolia.real_growth`` is resolved once against the
scenario; a batch of values goes through the one growth assembly
(:func:`sim.model.growth.assemble`) chunk by chunk, and the compiled kernel turns each
chunk's growth into levels, ranks and outcomes. No YAML is re-read per point.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from sim._typing import FloatArray, IntArray
from sim.errors import InputError
from sim.inputs.params import Parameter
from sim.messages import msg
from sim.model.growth import Growth, Setting, assemble
from sim.model.scenario import Scenario

#: Growth cells (scenarios x years x regions) assembled at once: bounds memory to a few MiB.
CHUNK_CELLS = 1 << 19
#: From this many scenarios on, the compiled kernel pays for importing numba; below, the twin.
COMPILED_FROM = 20_000
#: ... or from this many growth cells (scenarios x years x regions): a sweep of a county panel
#: (2,850 regions) is compiled from about 1,500 points; the 31-province panel never gets there
#: below :data:`COMPILED_FROM` scenarios (100 years x 31 regions x 20,000 = 62 million cells).
COMPILED_CELLS = 1 << 26
#: Growth cells a chunk holds for the compiled kernel: fewer, larger chunks (each a parallel
#: launch of the kernel) than for the twin, whose numpy passes want chunks that stay in cache.
CHUNK_CELLS_COMPILED = 1 << 22
#: Fewest scenarios assembled at once (a chunk of a large panel then holds more cells).
CHUNK_MIN = 64
NEVER = -1


@dataclass(frozen=True)
class Outcomes:
    """Per scenario of a batch: reach year (None as -1), target rank in chosen years, gap."""

    reach_year: IntArray  # (B,), NEVER where not reached by the horizon
    rank_years: IntArray  # (Y,)
    ranks: IntArray  # (B, Y)
    gap_pct: FloatArray  # (B, Y): target GDP / GDP at threshold rank among the others - 1, in %

    def reach_or_none(self) -> list[int | None]:
        """Reach year per scenario of the batch, None where never reached."""
        return [None if int(y) == NEVER else int(y) for y in self.reach_year]


def _prepare(
    scenario: Scenario, settings: Sequence[tuple[Parameter, FloatArray]], rank_years: Sequence[int] | None
) -> tuple[list[Setting], int, IntArray, IntArray]:
    sizes = {np.asarray(v).shape[0] for _, v in settings} or {1}
    if len(sizes) != 1:
        raise ValueError("every parameter needs the same number of values")
    b_total = sizes.pop()
    checked = [(p, np.asarray(v, dtype=float)) for p, v in settings]
    want = np.array(rank_years if rank_years is not None else [scenario.horizon], dtype=np.int64)
    if ((want < scenario.base_year) | (want > scenario.horizon)).any():
        within = msg("engine.years_within", first=scenario.base_year, last=scenario.horizon)
        raise InputError(within, field="years")
    k = np.full(b_total, scenario.threshold_rank, dtype=np.int64)
    for p, v in checked:
        if p.kind == "threshold":
            k = np.rint(v if p.mode == "set" else scenario.threshold_rank + v).astype(np.int64)
            if ((k < 1) | (k > scenario.n_regions - 1)).any():
                raise InputError(msg("engine.threshold_between", top=scenario.n_regions - 1), field=p.key)
    return checked, b_total, want, k


def _chunks(scenario: Scenario, settings: list[Setting], b_total: int, chunk: int):  # type: ignore[no-untyped-def]
    """(start, size, log growth of the ranked measure (b, T, N)) per chunk, through the one assembly."""
    for lo, b, g in _assembled(scenario, settings, b_total, chunk):
        yield lo, b, _measured(g)


def _assembled(
    scenario: Scenario, settings: list[Setting], b_total: int, chunk: int
) -> Iterator[tuple[int, int, Growth]]:
    """(start, size, :class:`Growth` (b, T, N)) per chunk: the one assembly."""
    for lo in range(0, b_total, chunk):
        b = min(chunk, b_total - lo)
        part = [(p, v[lo : lo + b]) for p, v in settings]
        yield lo, b, assemble(scenario.growth, part, batch=b)


def _parts(g: Growth) -> tuple[FloatArray, FloatArray, FloatArray]:
    """The arguments real, deflator, population of :func:`sim.engine.kernels.batch_outcomes_parts`:
    a part every scenario of the batch shares (a broadcast view) as one row."""

    def rows(a: FloatArray) -> FloatArray:
        return np.ascontiguousarray(a[:1] if a.strides[0] == 0 else a)

    pop = np.empty((0, 0)) if g.population is None else np.ascontiguousarray(g.population, dtype=float)
    return rows(g.real), rows(g.deflator), pop


def _measured(g: Growth) -> FloatArray:
    """:attr:`Growth.measured` (real + deflator, minus population for GDP per head), C-ordered,
    in the real-growth array itself where the batch owns it (no third array of the batch's size)."""
    if not g.real.flags.writeable or g.real.shape != np.broadcast_shapes(g.real.shape, g.deflator.shape):
        return np.ascontiguousarray(g.measured)
    out = g.real
    out += g.deflator
    if g.population is not None:
        out -= g.population
    return np.ascontiguousarray(out)


def evaluate_batch(
    scenario: Scenario,
    settings: Sequence[tuple[Parameter, FloatArray]],
    *,
    rank_years: Sequence[int] | None = None,
    chunk: int | None = None,
    compiled: bool | None = None,
) -> Outcomes:
    """Outcomes of B scenarios: ``scenario`` with each parameter set to its B values.

    ``chunk`` scenarios are assembled at a time (default: :data:`CHUNK_CELLS` growth cells);
    ``compiled`` chooses the numba kernel (True) or its numpy twin (False); by default the
    kernel from :data:`COMPILED_FROM` scenarios on (the batch size alone decides). Both give the
    same outcomes (tested; the gap to about 1e-12).
    """

    checked, b_total, want, k = _prepare(scenario, settings, rank_years)
    base_log = np.log(scenario.base_levels)  # GDP, or GDP per head (the scenario's measure)
    order = np.argsort(want, kind="stable")
    cols = (want - scenario.base_year)[order]
    reach = np.empty(b_total, dtype=np.int64)
    ranks = np.empty((b_total, want.size), dtype=np.int64)
    gaps = np.empty((b_total, want.size))
    cells = scenario.years.size * scenario.n_regions
    compiled = _compiled(b_total, compiled, cells)
    kernel = _kernel(b_total, compiled, parts=True)
    chunk = chunk or max(CHUNK_MIN, (CHUNK_CELLS_COMPILED if compiled else CHUNK_CELLS) // cells)
    for lo, b, g in _assembled(scenario, checked, b_total, chunk):
        r_out = np.empty(b, dtype=np.int64)
        k_out = np.empty((b, want.size), dtype=np.int64)
        g_out = np.empty((b, want.size))
        if compiled:  # the growth in its parts: no array of the measured growth
            kernel(base_log, *_parts(g), scenario.target, k[lo : lo + b], cols, r_out, k_out, g_out)
        else:
            kernel(base_log, _measured(g), scenario.target, k[lo : lo + b], cols, r_out, k_out, g_out)
        reach[lo : lo + b] = np.where(r_out >= 0, scenario.base_year + r_out, NEVER)
        ranks[lo : lo + b, order] = k_out
        gaps[lo : lo + b, order] = g_out
    return Outcomes(reach, want, ranks, gaps)


def _compiled(b_total: int, compiled: bool | None, cells: int) -> bool:
    """Whether the numba kernel counts a batch of ``b_total`` scenarios of ``cells`` growth cells
    (years x regions) each: as asked, else from :data:`COMPILED_FROM` scenarios or
    :data:`COMPILED_CELLS` cells on. The default depends on the batch's size alone, never on
    whether numba happens to be loaded: the kernel and its twin agree to about 1e-12 in the gap,
    and two identical calls must give identical numbers (``df.equals``)."""
    if compiled is None:
        return b_total >= COMPILED_FROM or b_total * cells >= COMPILED_CELLS
    return bool(compiled)


def _kernel(b_total: int, compiled: bool | None, cells: int = 0, *, parts: bool = False) -> Any:
    """The numba kernel or its numpy twin (:func:`_compiled` decides); with ``parts``, the kernel
    taking the growth in its parts (:func:`_parts`)."""
    if _compiled(b_total, compiled, cells):
        if parts:
            from sim.engine.kernels import batch_outcomes_parts

            return batch_outcomes_parts
        from sim.engine.kernels import batch_outcomes

        return batch_outcomes
    from sim.engine.twins import batch_outcomes_numpy

    return batch_outcomes_numpy


def evaluate_growth(
    base_gdp: FloatArray,
    nominal: FloatArray,
    base_year: int,
    target: int,
    thresholds: IntArray,
    rank_years: Sequence[int],
    *,
    compiled: bool | None = None,
) -> Outcomes:
    """Outcomes of B growth paths already assembled: ``nominal`` is ``(B, T, N)`` nominal log
    growth of the years after ``base_year`` from levels ``base_gdp`` ``(N,)`` (100m yuan);
    ``thresholds`` ``(B,)`` the rank each must reach. The same kernel as :func:`evaluate_batch`
    (for callers that mix growth paths themselves, such as a scenario diff)."""
    growth = np.ascontiguousarray(nominal, dtype=float)
    b_total = growth.shape[0]
    want = np.array(rank_years, dtype=np.int64)
    if ((want < base_year) | (want > base_year + growth.shape[1])).any():
        raise InputError(
            msg("engine.years_within", first=base_year, last=base_year + growth.shape[1]), field="years"
        )
    order = np.argsort(want, kind="stable")
    cols = (want - base_year)[order]
    r_out = np.empty(b_total, dtype=np.int64)
    k_out = np.empty((b_total, want.size), dtype=np.int64)
    g_out = np.empty((b_total, want.size))
    k = np.ascontiguousarray(thresholds, dtype=np.int64)
    kernel = _kernel(b_total, compiled, growth.shape[1] * growth.shape[2])
    kernel(np.log(base_gdp), growth, target, k, cols, r_out, k_out, g_out)
    ranks = np.empty_like(k_out)
    gaps = np.empty_like(g_out)
    ranks[:, order] = k_out
    gaps[:, order] = g_out
    return Outcomes(np.where(r_out >= 0, base_year + r_out, NEVER), want, ranks, gaps)


def region_ranks(scenario: Scenario, settings: Sequence[tuple[Parameter, FloatArray]]) -> np.ndarray:
    """Every region's rank in every year, base year first, ``(B, T+1, N)`` (int16), of B scenarios
    (the same assembly as :func:`evaluate_batch`; the rank rule of :func:`sim.ranks.rank_levels`)."""
    from sim.engine.levels import project_log_levels
    from sim.ranks import rank_levels

    checked, b_total, _, _ = _prepare(scenario, settings, None)
    base_log = np.log(scenario.base_levels)
    out = np.empty((b_total, scenario.years.size + 1, scenario.n_regions), dtype=np.int16)
    chunk = max(CHUNK_MIN, CHUNK_CELLS // (scenario.years.size * scenario.n_regions))
    for lo, b, growth in _chunks(scenario, checked, b_total, chunk):
        out[lo : lo + b] = rank_levels(project_log_levels(base_log, growth))
    return out
