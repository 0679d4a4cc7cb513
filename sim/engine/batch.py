"""Many scenarios at once: parameters (dotted paths into a scenario) and batched evaluation.

A parameter such as ``provinces.Inner Mongolia.real_growth`` is resolved once against the
scenario; a batch of values is then applied to the scenario's :class:`PathComponents` as
arrays with a leading scenario axis, and projected in chunks by the same engine as a single
run. No YAML is re-read per point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sim._typing import FloatArray, IntArray
from sim.engine.levels import project_log_levels
from sim.errors import InputError
from sim.inputs.params import Mode, Parameter
from sim.model.growth import PathComponents, decay_factors, path_components
from sim.model.scenario import Scenario
from sim.ranks import first_true, target_rank
from sim.units import log_to_pct, pct_to_log

#: Scenarios evaluated per chunk by the numpy reference (bounds memory).
CHUNK = 4096
NEVER = -1


@dataclass(frozen=True)
class Outcomes:
    """Per scenario of a batch: reach year (None as -1), target rank in chosen years, final gap."""

    reach_year: IntArray  # (B,), NEVER where not reached by the horizon
    rank_years: IntArray  # (Y,)
    ranks: IntArray  # (B, Y)
    gap_pct: FloatArray  # (B, Y): target GDP / GDP at threshold rank among the others - 1, in %

    def reach_or_none(self) -> list[int | None]:
        return [None if int(y) == NEVER else int(y) for y in self.reach_year]


def _prepare(
    scenario: Scenario, settings: Sequence[tuple[Parameter, FloatArray]], rank_years: Sequence[int] | None
) -> tuple[PathComponents, list[tuple[Parameter, FloatArray]], int, IntArray, IntArray]:
    comp = path_components(scenario)
    sizes = {np.asarray(v).shape[0] for _, v in settings} or {1}
    if len(sizes) != 1:
        raise ValueError("every parameter needs the same number of values")
    b_total = sizes.pop()
    checked = [(p, np.asarray(v, dtype=float)) for p, v in settings]
    want = np.array(rank_years if rank_years is not None else [scenario.horizon], dtype=np.int64)
    if ((want < scenario.base_year) | (want > scenario.horizon)).any():
        raise InputError(f"years must be within {scenario.base_year}-{scenario.horizon}", field="years")
    k = np.full(b_total, scenario.threshold_rank, dtype=np.int64)
    for p, v in checked:
        if p.kind == "threshold":
            k = np.rint(v if p.mode == "set" else scenario.threshold_rank + v).astype(np.int64)
            if ((k < 1) | (k > scenario.n_regions - 1)).any():
                raise InputError(f"threshold must be between 1 and {scenario.n_regions - 1}", field=p.key)
    return comp, checked, b_total, want, k


def evaluate(
    scenario: Scenario,
    settings: Sequence[tuple[Parameter, FloatArray]],
    *,
    rank_years: Sequence[int] | None = None,
    chunk: int = 1 << 16,
) -> Outcomes:
    """Outcomes of B scenarios: ``scenario`` with each parameter set to its B values.

    National, deflator and half-life parameters are turned into ``(B, T)`` arrays and province
    parameters into replacement columns here; the fused kernel does the rest.
    """
    from sim.engine import kernels as _kernel

    comp, settings, b_total, want, k = _prepare(scenario, settings, rank_years)
    base_log = np.log(scenario.panel.gdp[scenario.panel.year_index(scenario.base_year)])
    order = np.argsort(want, kind="stable")
    reach = np.empty(b_total, dtype=np.int64)
    ranks = np.empty((b_total, want.size), dtype=np.int64)
    gaps = np.empty((b_total, want.size))
    fixed_r = pct_to_log(np.nan_to_num(comp.fixed_real_pct))
    fixed_d = pct_to_log(np.nan_to_num(comp.fixed_defl_pct))
    for lo in range(0, b_total, chunk):
        part = [(p, v[lo : lo + chunk]) for p, v in settings]
        b = min(chunk, b_total - lo)
        nat_r, nat_d, decay = _national_pct(comp, part, b)
        natr, natd = np.ascontiguousarray(pct_to_log(nat_r)), np.ascontiguousarray(pct_to_log(nat_d))
        dec = np.ascontiguousarray(decay)
        cols_r, ovr_r, cols_d, ovr_d = _province_overrides(comp, part, natr, natd, dec, b)
        r_out = np.empty(b, dtype=np.int64)
        k_out = np.empty((b, want.size), dtype=np.int64)
        g_out = np.empty((b, want.size))
        _kernel.batch_outcomes(
            base_log,
            comp.model_real,
            comp.model_defl,
            fixed_r,
            fixed_d,
            comp.spread_real,
            comp.spread_deflator,
            natr,
            natd,
            dec,
            ovr_r,
            cols_r,
            ovr_d,
            cols_d,
            scenario.target,
            k[lo : lo + chunk],
            (want - scenario.base_year)[order],
            r_out,
            k_out,
            g_out,
        )
        reach[lo : lo + b] = np.where(r_out >= 0, scenario.base_year + r_out, NEVER)
        ranks[lo : lo + b, order] = k_out
        gaps[lo : lo + b, order] = g_out
    return Outcomes(reach, want, ranks, gaps)


def _national_pct(
    comp: PathComponents, settings: Sequence[tuple[Parameter, FloatArray]], b: int
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(B, T) national real and deflator growth in percent, and spread decay factors."""
    t = comp.years.size
    nat_r = np.broadcast_to(comp.nat_real_pct, (b, t))
    nat_d = np.broadcast_to(comp.nat_defl_pct, (b, t))
    decay = np.broadcast_to(decay_factors(comp.years, comp.base_year, comp.half_life), (b, t))
    for param, values in settings:
        if param.kind == "national_real":
            nat_r = _apply_national(nat_r, values, param.mode)
            _check_growth(nat_r, param)
        elif param.kind == "national_defl":
            nat_d = _apply_national(nat_d, values, param.mode)
            _check_growth(nat_d, param)
        elif param.kind == "half_life":
            decay = _decay(comp, param, values)
    return nat_r, nat_d, decay


def _decay(comp: PathComponents, param: Parameter, values: FloatArray) -> FloatArray:
    hl = values if param.mode == "set" else comp.half_life + values  # type: ignore[operator]
    if (hl <= 0).any():
        raise InputError("half-life must be greater than 0", field=param.key)
    return np.exp2(-(comp.years[None, :] - comp.base_year) / hl[:, None])


def _province_overrides(
    comp: PathComponents,
    settings: Sequence[tuple[Parameter, FloatArray]],
    natr: FloatArray,
    natd: FloatArray,
    dec: FloatArray,
    b: int,
) -> tuple[IntArray, FloatArray, IntArray, FloatArray]:
    """Replacement columns (log growth, (B, T, P)) for province parameters, in order given."""
    cols: dict[str, list[int]] = {"province_real": [], "province_defl": []}
    vals: dict[str, list[FloatArray]] = {"province_real": [], "province_defl": []}
    for param, values in settings:
        if param.kind not in cols:
            continue
        j = int(param.region)  # type: ignore[arg-type]
        real = param.kind == "province_real"
        mask = (comp.model_real if real else comp.model_defl)[:, j]
        spread = (comp.spread_real if real else comp.spread_deflator)[j]
        fixed = pct_to_log(np.nan_to_num((comp.fixed_real_pct if real else comp.fixed_defl_pct)[:, j]))
        current = np.where(mask, (natr if real else natd) + dec * spread, fixed)  # (B, T)
        if j in cols[param.kind]:  # a second parameter on the same column applies on top
            current = vals[param.kind][cols[param.kind].index(j)]
        pct = (
            np.broadcast_to(values[:, None], current.shape)
            if param.mode == "set"
            else log_to_pct(current) + values[:, None]
        )
        _check_growth(pct, param)
        if j in cols[param.kind]:
            vals[param.kind][cols[param.kind].index(j)] = pct_to_log(pct)
        else:
            cols[param.kind].append(j)
            vals[param.kind].append(pct_to_log(pct))

    def pack(kind: str) -> tuple[IntArray, FloatArray]:
        if not cols[kind]:
            return np.zeros(0, dtype=np.int64), np.zeros((b, comp.years.size, 0))
        return np.array(cols[kind], dtype=np.int64), np.ascontiguousarray(np.stack(vals[kind], axis=-1))

    cr, vr = pack("province_real")
    cd, vd = pack("province_defl")
    return cr, vr, cd, vd


def _apply_national(pct: FloatArray, values: FloatArray, mode: Mode) -> FloatArray:
    return np.broadcast_to(values[:, None], pct.shape).copy() if mode == "set" else pct + values[:, None]


def _check_growth(pct: FloatArray, param: Parameter) -> None:
    if (pct <= -100).any():
        raise InputError(f"growth of -100 % or less for some values of {param.path}", field=param.key)


def _paths_for(
    comp: PathComponents, settings: Sequence[tuple[Parameter, FloatArray]], b: int
) -> tuple[FloatArray, FloatArray]:
    """(B, T, N) real and deflator log growth, assembled in full (the reference's way)."""
    nat_r, nat_d, decay = _national_pct(comp, settings, b)
    real, defl = comp.assemble(nat_r, nat_d, decay)
    real = np.broadcast_to(real, (b, *real.shape[-2:])).copy()
    defl = np.broadcast_to(defl, (b, *defl.shape[-2:])).copy()
    for param, values in settings:
        if param.kind in ("province_real", "province_defl"):
            arr = real if param.kind == "province_real" else defl
            col = arr[:, :, param.region]
            pct = (
                np.broadcast_to(values[:, None], col.shape)
                if param.mode == "set"
                else log_to_pct(col) + values[:, None]
            )
            _check_growth(pct, param)
            arr[:, :, param.region] = pct_to_log(pct)
    return real, defl


def evaluate_numpy(
    scenario: Scenario,
    settings: Sequence[tuple[Parameter, FloatArray]],
    *,
    rank_years: Sequence[int] | None = None,
    chunk: int = CHUNK,
) -> Outcomes:
    """Reference implementation of :func:`evaluate` in chunked numpy (tests, benchmarks)."""
    comp, settings, b_total, want, k = _prepare(scenario, settings, rank_years)
    years = np.arange(scenario.base_year, scenario.horizon + 1)
    cols = want - scenario.base_year
    base_log = np.log(scenario.panel.gdp[scenario.panel.year_index(scenario.base_year)])
    reach, ranks, gaps = [], [], []
    t = scenario.target
    for lo in range(0, b_total, chunk):
        part = [(p, v[lo : lo + chunk]) for p, v in settings]
        b = min(chunk, b_total - lo)
        real, defl = _paths_for(comp, part, b)
        logy = project_log_levels(base_log, real + defl)  # (b, T+1, N)
        trank = target_rank(logy, t)
        kk = k[lo : lo + chunk]
        idx = first_true(trank <= kk[:, None], axis=-1)
        reach.append(np.where(idx >= 0, years[np.maximum(idx, 0)], NEVER))
        ranks.append(trank[:, cols])
        others = np.delete(logy[:, cols, :], t, axis=-1)
        desc = -np.sort(-others, axis=-1)  # others' log GDP, largest first
        kth_val = np.take_along_axis(
            desc, np.broadcast_to((kk - 1)[:, None, None], (b, cols.size, 1)), axis=-1
        )[..., 0]
        gaps.append(np.expm1(logy[:, cols, t] - kth_val) * 100.0)
    return Outcomes(np.concatenate(reach), want, np.concatenate(ranks), np.concatenate(gaps))
