"""The growth model, assembled in one place: ``(batch, year, region)`` real and deflator log growth.

For every projected year and region: real growth ``ln(1+g)`` and deflator growth
``ln(1+pi)``. A region listed under ``provinces`` takes the paths it sets; anything else
comes from the ``others`` model:

* ``national``: the national real and deflator paths;
* ``spread``: national + the region's mean spread over the nation in the estimation window
  (real and deflator separately, log terms), decaying as ``2 ** -((year - base) / half_life)``
  (the deflator's by ``deflator_half_life`` when the model has one);
* ``targets``: the announced real-growth targets for the years they cover, ``spread`` otherwise.

:class:`GrowthModel` holds the pieces (national paths, spreads, decay, fixed cells);
:func:`assemble` turns them, plus optional batch overrides (sweep, solve and sensitivity
parameters), into growth arrays. The deterministic run, the batched kernels and Monte Carlo
all consume :func:`assemble`'s output; nothing else writes the formula.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from sim._arrays import freeze_arrays
from sim._typing import FloatArray, IntArray
from sim.errors import InputError
from sim.inputs.panel import Panel
from sim.inputs.params import Mode, Parameter
from sim.messages import msg
from sim.units import log_to_pct, pct_to_log

TRAILING_YEARS = 5

#: Per scenario of a batch, the values of one parameter: ``(parameter, values (B,))``.
Setting = tuple[Parameter, FloatArray]


def path_pct(value: float | dict[int, float], years: IntArray) -> FloatArray:
    """A path value (number or ``{year: pct}``) at ``years``: linear between, flat outside."""
    if isinstance(value, dict):
        ordered = sorted(value.items())
        keys = np.array([k for k, _ in ordered], dtype=float)
        vals = np.array([v for _, v in ordered], dtype=float)
        return np.interp(years.astype(float), keys, vals)
    return np.full(years.shape, float(value))


def trailing_mean(log_series: FloatArray, years: IntArray, base_year: int, n: int = TRAILING_YEARS) -> float:
    """Mean of the last ``n`` defined values up to ``base_year`` (NaN years skipped)."""
    known = log_series[(years <= base_year) & np.isfinite(log_series)]
    return float(known[-n:].mean()) if known.size else 0.0


def estimate_spreads(
    panel: Panel, window: tuple[int, int], exclude_years: tuple[int, ...] = ()
) -> tuple[FloatArray, FloatArray]:
    """Mean log spread of each region over the nation in the window: (real, deflator), ``(N,)``."""
    years = panel.years
    use = (years >= window[0]) & (years <= window[1]) & ~np.isin(years, exclude_years)
    nat = panel.national
    real = panel.log_real[use] - nat.log_real[use, None]
    defl = panel.log_deflator[use] - nat.log_deflator[use, None]
    return _column_mean(real), _column_mean(defl)


def _column_mean(values: FloatArray) -> FloatArray:
    """Mean over years ignoring NaN (splice years); 0 for a region with no usable year."""
    ok = np.isfinite(values)
    count = ok.sum(axis=0)
    total = np.where(ok, values, 0.0).sum(axis=0)
    return np.divide(total, count, out=np.zeros(values.shape[1]), where=count > 0)


#: Parameter kinds that change a path every region shares (the national paths, the half-lives):
#: a batch that varies one assembles row by row.
SHARED_KINDS = ("national_real", "national_defl", "half_life", "deflator_half_life")


def price_half_life(half_life: float | None, deflator_half_life: float | None) -> float | None:
    """The half-life the deflator spreads fade with: their own when set, else the growth spreads'."""
    return half_life if deflator_half_life is None else deflator_half_life


def decay_factors(years: IntArray, base_year: int, half_life: float | FloatArray | None) -> FloatArray:
    """``2 ** -((year - base) / half_life)``: ``(T,)`` for one half-life, ``(B, T)`` for ``(B,)``;
    ones without decay (``None``)."""
    if half_life is None:
        return np.ones(years.shape)
    hl = np.asarray(half_life, dtype=float)
    return np.exp2(-(years - base_year) / hl[..., None]) if hl.ndim else np.exp2(-(years - base_year) / hl)


#: How every :class:`GrowthModel` field takes part in the model (the ``role`` of its metadata):
#:
#: * ``axis``: the years and the base year;
#: * ``shared``: one path for every region (the national paths, the half-life); a scenario diff
#:   walks these as one step each;
#: * ``estimated``: per region, estimated from the data (spreads, a price model's path); a diff walks
#:   them as one shared step ("others.spreads", "prices"); Monte Carlo redraws the spreads;
#: * ``written``: ``(T, N)`` cells a scenario writes for a region (fixed values, leads, shifts,
#:   preliminary figures); a diff walks them region by region, and their ``cell`` metadata says
#:   how a written cell behaves under uncertainty (see :func:`cell_roles`);
#: * ``derived``: labels and paths computed from the others or from the data (sources, population).
ROLES = ("axis", "shared", "estimated", "written", "derived")
#: How a written cell behaves (``cell`` metadata): ``fixes`` the value (no national error, no
#: spread error), ``leads`` the national path (national error, no spread error), ``adds`` points
#: (the cell keeps its role), ``pins`` nominal growth (a preliminary figure: nothing moves it).
CELL_EFFECTS = ("fixes", "leads", "adds", "pins")


def _f(role: str, shape: str, *, group: str | None = None, cell: str | None = None,
       axis: str | None = None, empty: float | None = None, extends: bool = True,
       default: Any = dataclasses.MISSING) -> Any:  # fmt: skip
    """A :class:`GrowthModel` field with its classification: ``role`` (:data:`ROLES`), ``shape``
    ("T", "N", "TN" or "scalar"); for a diff its ``group`` and whether its first year ``extends``
    back to earlier years; for a written cell its ``cell`` effect (:data:`CELL_EFFECTS`), its
    growth ``axis`` (real, deflator or nominal) and the value meaning "nothing written", ``empty``."""
    meta = {"role": role, "shape": shape, "group": group, "cell": cell, "axis": axis, "empty": empty,
            "extends": extends}  # fmt: skip
    return field(default=default, metadata=meta)


@dataclass(frozen=True, kw_only=True)
class GrowthModel:
    """What growth paths are made of, kept apart so a batch can vary one piece at a time.

    A cell (year, region) whose ``fixed_*_pct`` is NaN follows the others model,
    ``national + decay * weight * spread`` (log terms; ``weight`` = ``spread_weight``, 1 if
    None; the deflator's decay by ``deflator_half_life`` when set); any other cell has a fixed
    value in percent (set in the scenario, or an announced target). Built by keyword only; every array is
    read-only. Each field's metadata classifies it (:data:`ROLES`); :func:`fields_with` reads it,
    and a field added without a classification fails at import.
    """

    years: IntArray = _f("axis", "T")  # (T,) base+1 .. horizon
    base_year: int = _f("axis", "scalar")
    national_real_pct: FloatArray = _f("shared", "T", group="national.real_growth")  # (T,)
    national_deflator_pct: FloatArray = _f("shared", "T", group="national.deflator")  # (T,)
    #: (T,) log nominal growth of the nation fixed by a preliminary national figure, else NaN: the
    #: national deflator of those years is implied from it and the national real growth
    national_pinned_nominal: FloatArray | None = _f(
        "shared", "T", group="national.gdp", empty=np.nan, extends=False, default=None
    )
    spread_real: FloatArray = _f("estimated", "N", group="others.spreads")  # (N,) log, before decay
    spread_deflator: FloatArray = _f("estimated", "N", group="others.spreads")  # (N,)
    half_life: float | None = _f("shared", "scalar", group="others.half_life")
    #: years for the deflator spreads to halve; None: ``half_life`` (relative prices mean-revert
    #: faster than real growth rates: the default is shorter, sim.inputs.choices)
    deflator_half_life: float | None = _f("shared", "scalar", group="others.half_life", default=None)
    #: (N,) share of each region's spreads kept (its record's lean toward "shares stay":
    #: sim.model.record.lean_weights); None keeps them all
    spread_weight: FloatArray | None = _f("estimated", "N", group="others.lean", default=None)
    #: (T, N) log spreads of a price model, added to model cells
    deflator_path: FloatArray | None = _f("estimated", "TN", group="prices", empty=0.0, default=None)
    #: (T, N) percent, NaN where the model applies
    fixed_real_pct: FloatArray = _f("written", "TN", cell="fixes", axis="real", empty=np.nan)
    fixed_deflator_pct: FloatArray = _f("written", "TN", cell="fixes", axis="deflator", empty=np.nan)
    #: (T, N) pp over the national path where a lead is set, else NaN
    lead_real_pct: FloatArray | None = _f(
        "written", "TN", cell="leads", axis="real", empty=np.nan, default=None
    )
    lead_deflator_pct: FloatArray | None = _f(
        "written", "TN", cell="leads", axis="deflator", empty=np.nan, default=None
    )
    #: (T, N) pp added in listed years (0 elsewhere)
    shift_real_pct: FloatArray | None = _f(
        "written", "TN", cell="adds", axis="real", empty=0.0, extends=False, default=None
    )
    shift_deflator_pct: FloatArray | None = _f(
        "written", "TN", cell="adds", axis="deflator", empty=0.0, extends=False, default=None
    )
    #: (T, N) log nominal growth fixed by a preliminary GDP, else NaN
    pinned_nominal: FloatArray | None = _f(
        "written", "TN", cell="pins", axis="nominal", empty=np.nan, extends=False, default=None
    )
    source_real: tuple[str, ...] = _f("derived", "N")  # per region: scenario | national | spread | targets | lead
    source_deflator: tuple[str, ...] = _f("derived", "N")
    #: (T, N) population log growth when ranking by GDP per head
    population: FloatArray | None = _f("derived", "TN", default=None)

    def __post_init__(self) -> None:
        freeze_arrays(self)

    @property
    def n_regions(self) -> int:
        """Number of regions N."""
        return int(self.spread_real.size)


def fields_with(role: str, **meta: Any) -> tuple[dataclasses.Field[Any], ...]:
    """The :class:`GrowthModel` fields of one role (and matching metadata), in declaration order."""
    return tuple(
        f
        for f in dataclasses.fields(GrowthModel)
        if f.metadata.get("role") == role and all(f.metadata.get(k) == v for k, v in meta.items())
    )


def _check_classified() -> None:
    """Every field has a role; every written field says how its cells behave (import-time check)."""
    for f in dataclasses.fields(GrowthModel):
        role = f.metadata.get("role")
        if role not in ROLES or f.metadata.get("shape") not in ("T", "N", "TN", "scalar"):
            raise TypeError(f"GrowthModel.{f.name} has no role (one of {ROLES}) or shape")
        if role == "written" and (f.metadata.get("cell") not in CELL_EFFECTS or f.metadata.get("axis") is None):
            raise TypeError(f"GrowthModel.{f.name}: a written field needs its cell effect and axis")
        if role in ("shared", "estimated") and not f.metadata.get("group"):
            raise TypeError(f"GrowthModel.{f.name}: a {role} field needs the diff group it belongs to")


_check_classified()


@dataclass(frozen=True, kw_only=True)
class CellRoles:
    """How every cell ``(T, N)`` of one variant behaves under uncertainty (Monte Carlo).

    Computed by :func:`cell_roles` from the variant itself (the growth model plus the batch
    parameters set for it), so every route to one variant draws the same shocks."""

    follows_nation: npt.NDArray[np.bool_]  # real growth moves with the national path's error
    estimated_real: npt.NDArray[np.bool_]  # real growth carries an estimated spread (redrawn)
    estimated_deflator: npt.NDArray[np.bool_]  # the deflator follows the others model (its spread redrawn)
    pinned: npt.NDArray[np.bool_]  # nominal growth fixed by a preliminary figure
    planned: npt.NDArray[np.bool_]  # real growth written as a plan (a rate, a lead, a target)
    fixed_real: npt.NDArray[np.bool_]  # planned at an absolute rate (not a lead over the nation)
    announced: npt.NDArray[np.bool_]  # an announced target (its record already in the path)


def _written(model: GrowthModel, cell: str, axis: str) -> npt.NDArray[np.bool_]:
    """Cells where some written field with this effect on this axis holds a value."""
    shape = model.fixed_real_pct.shape
    out = np.zeros(shape, dtype=bool)
    for f in fields_with("written", cell=cell, axis=axis):
        value = getattr(model, f.name)
        if value is not None:
            empty = f.metadata["empty"]
            out |= np.isfinite(value) if np.isnan(empty) else (value != empty)
    return out


def cell_roles(model: GrowthModel, params: Sequence[Parameter] = ()) -> CellRoles:
    """How each cell of the variant ``model`` + ``params`` behaves under uncertainty.

    A cell whose real growth is fixed (written, or *set* by a parameter) neither follows the
    national path's error nor carries a spread error; a lead follows the nation without a
    spread; a preliminary figure pins nominal growth (nothing moves it); a *shifted* cell keeps
    its role. Only which parameters are set matters, not their values, so one table of draws
    serves a whole batch."""
    pinned = _written(model, "pins", "nominal")
    fixed_r = _written(model, "fixes", "real")
    fixed_d = _written(model, "fixes", "deflator")
    lead_r = _written(model, "leads", "real")
    lead_d = _written(model, "leads", "deflator")
    for p in params:  # a plan period set fixes the whole column too: the route that writes it
        # into the scenario writes the own path before and after it as numbers (parameter_changes)
        if p.mode == "set" and p.kind in ("province_real", "province_defl"):
            fixed = fixed_r if p.kind == "province_real" else fixed_d
            lead = lead_r if p.kind == "province_real" else lead_d
            fixed[:, int(p.region)] = True  # type: ignore[arg-type]
            lead[:, int(p.region)] = False  # type: ignore[arg-type]
        elif p.kind == "province_lead":  # a lead over the nation: follows it, no spread of its own
            fixed_r[:, int(p.region)] = False  # type: ignore[arg-type]
            lead_r[:, int(p.region)] = True  # type: ignore[arg-type]
    follows = ~fixed_r & ~pinned
    # Every cell of the others model carries the uncertainty of the estimated spreads when the
    # model estimates any: a deflator rule that sets a region's spread to 0 (national, or a
    # group's) asserts a point value, not certainty about relative prices (regions alike).
    estimates = bool(np.any(model.spread_real != 0) or np.any(model.spread_deflator != 0))
    estimated_r = follows & ~lead_r & estimates
    estimated_d = ~fixed_d & ~lead_d & ~pinned & estimates
    targets = np.array([src == "targets" for src in model.source_real])[None, :] & np.isfinite(model.fixed_real_pct)
    for p in params:  # a parameter set over a target column replaces the target
        if p.mode == "set" and p.kind in ("province_real", "province_lead"):
            targets[:, int(p.region)] = False  # type: ignore[arg-type]
    return CellRoles(
        follows_nation=follows,
        estimated_real=estimated_r,
        estimated_deflator=estimated_d,
        pinned=pinned,
        planned=(fixed_r | lead_r) & ~pinned,
        fixed_real=fixed_r & ~pinned,
        announced=targets & ~pinned,
    )


@dataclass(frozen=True)
class Growth:
    """Assembled log growth, ``(..., T, N)`` (a leading batch axis when overrides were given)."""

    years: IntArray
    real: FloatArray  # ln(1+g)
    deflator: FloatArray  # ln(1+pi)
    population: FloatArray | None = None  # (T, N) ln(1+n) when ranking by GDP per head, else None

    @property
    def nominal(self) -> FloatArray:
        """Nominal log growth of GDP ``ln(1+g) + ln(1+pi)``, shaped like ``real``."""
        return self.real + self.deflator

    @property
    def measured(self) -> FloatArray:
        """Log growth of what regions are ranked by: nominal GDP, or GDP per head (nominal minus
        population growth, ``ln(1+g) + ln(1+pi) - ln(1+n)``), shaped like ``real``."""
        nominal = self.real + self.deflator
        return nominal if self.population is None else nominal - self.population


def assemble(model: GrowthModel, settings: Sequence[Setting] = (), batch: int | None = None) -> Growth:
    """Real and deflator log growth of every projected year and region.

    Without ``settings`` (and ``batch``) the arrays are ``(T, N)``: the scenario itself. With
    parameter ``settings`` (each ``(parameter, values (B,))``) they are ``(B, T, N)``: national
    paths and the half-life are replaced or shifted first, then province columns, in the
    order given (a second setting on the same column applies on top of the first).
    """
    b = batch if batch is not None else _batch_size(settings)
    varies = any(p.kind in SHARED_KINDS for p, _ in settings)
    nat_r, nat_d, decay = _national_and_decay(model, settings, b if varies else None)
    decay_d = _deflator_decay(model, settings, decay)
    spread_r, spread_d = model.spread_real, model.spread_deflator
    if model.spread_weight is not None:  # the lean toward "shares stay" (growth = the nation's)
        spread_r, spread_d = spread_r * model.spread_weight, spread_d * model.spread_weight
    # A path the batch does not vary (its national path and the decay the same in every row) is
    # assembled once, (T, N), and shared by every scenario of the batch as a read-only view.
    real = _path(model.fixed_real_pct, nat_r, decay, spread_r, None, model.lead_real_pct, b)
    defl = _path(
        model.fixed_deflator_pct, nat_d, decay_d, spread_d, model.deflator_path, model.lead_deflator_pct, b
    )
    columns = [(p, v) for p, v in settings if p.kind in ("province_real", "province_defl", "province_lead")]
    if columns:
        if any(p.kind != "province_defl" for p, _ in columns) and not real.flags.writeable:
            real = real.copy()
        if any(p.kind == "province_defl" for p, _ in columns) and not defl.flags.writeable:
            defl = defl.copy()
        for param, values in columns:
            arr = defl if param.kind == "province_defl" else real
            j = int(param.region)  # type: ignore[arg-type]
            if param.kind == "province_lead":  # the national path plus the lead, every year
                pct = np.broadcast_to(nat_r, arr.shape[:2]) + np.asarray(values, dtype=float)[:, None]
            else:  # every year, or the plan period's years only (the own path before and after)
                pct = log_to_pct(arr[:, :, j])
                rows = param_rows(model, param)
                pct[:, rows] = _apply(pct[:, rows], values, param.mode)
            _check_growth(pct, param)
            arr[:, :, j] = pct_to_log(pct)
    real, defl = _shift(real, model.shift_real_pct), _shift(defl, model.shift_deflator_pct)
    if model.pinned_nominal is not None:  # a preliminary GDP: nominal growth known, prices implied
        pinned = np.isfinite(model.pinned_nominal)
        if pinned.any():  # only those cells change (np.where over every cell, a cell at a time)
            defl = np.array(np.broadcast_to(defl, np.broadcast_shapes(defl.shape, real.shape)))
            defl[..., pinned] = model.pinned_nominal[pinned] - real[..., pinned]
    return Growth(model.years, real, defl, model.population)


#: Where an assembled value comes from, in the order :func:`assemble` applies them: the model
#: for other regions (national path, spread, price model), an announced target, a value the
#: scenario sets, a lead over the national path, a sweep or design parameter; then "+shift" where
#: a temporary shift adds points, and "preliminary" for a deflator implied by a preliminary GDP.
SOURCE_LABELS = ("model", "target", "scenario", "lead", "parameter", "preliminary")
SHIFTED = "+shift"


@dataclass(frozen=True)
class GrowthSources:
    """Where every assembled value of one scenario comes from: ``(T, N)`` labels (strings from
    :data:`SOURCE_LABELS`, with :data:`SHIFTED` appended where a shift applies)."""

    real: npt.NDArray[np.str_]
    deflator: npt.NDArray[np.str_]


def growth_sources(model: GrowthModel, settings: Sequence[tuple[Parameter, float]] = ()) -> GrowthSources:
    """The provenance of each value :func:`assemble` gives for ``model`` (one scenario, ``(T, N)``).

    Kept beside :func:`assemble`, not inside it, so the batched engine pays nothing for it; it
    follows the same order: model, fixed cells (target or scenario), leads, parameters (a
    province parameter labels its column; a national one or the half-life moves the model
    cells, which stay "model"), shifts, preliminary figures."""
    shape = model.fixed_real_pct.shape
    out = []
    for fixed, lead, shift, origin, kind in (
        (model.fixed_real_pct, model.lead_real_pct, model.shift_real_pct, model.source_real, "province_real"),
        (model.fixed_deflator_pct, model.lead_deflator_pct, model.shift_deflator_pct, model.source_deflator,
         "province_defl"),
    ):  # fmt: skip
        labels = np.full(shape, "model", dtype="<U24")
        by_region = np.array(["target" if o == "targets" else "scenario" for o in origin])
        fixed_cells = np.isfinite(fixed)
        labels[fixed_cells] = np.broadcast_to(by_region, shape)[fixed_cells]
        if lead is not None:
            labels[np.isfinite(lead)] = "lead"
        for param, _ in settings:
            if param.kind == kind or (param.kind == "province_lead" and kind == "province_real"):
                j = int(param.region)  # type: ignore[arg-type]
                rows = param_rows(model, param)
                added = np.char.add(labels[rows, j], "+parameter")
                labels[rows, j] = "parameter" if param.mode == "set" else added
        if shift is not None:
            moved = shift != 0
            labels[moved] = np.char.add(labels[moved], SHIFTED)
        out.append(labels)
    real, defl = out
    if model.pinned_nominal is not None:
        defl[np.isfinite(model.pinned_nominal)] = "preliminary"
    return GrowthSources(real, defl)


def param_rows(model: GrowthModel, param: Parameter) -> slice:
    """The projected years (rows) a parameter changes: every year, or its plan period's (an
    :class:`~sim.errors.InputError` naming the parameter when that period is not projected)."""
    if param.years is None:
        return slice(None)
    first, last = param.years
    y0, y1 = int(model.years[0]), int(model.years[-1])
    if first < y0 or last > y1:
        outside = msg("growth.plan_years_outside", first=first, last=last, y0=y0, y1=y1)
        raise InputError(outside, field=param.key)
    return slice(first - y0, last - y0 + 1)


def _lead(out: FloatArray, nat_pct: FloatArray, lead_pct: FloatArray | None) -> None:
    """Cells with a lead follow the national path plus the lead, in percent (in place)."""
    if lead_pct is None:
        return
    t, i = np.nonzero(np.isfinite(lead_pct))
    if t.size:
        out[..., t, i] = pct_to_log(nat_pct[..., t] + lead_pct[t, i])


def _shift(arr: FloatArray, shift_pct: FloatArray | None) -> FloatArray:
    """Percentage points added to a path in the listed years (a new array where any apply)."""
    if shift_pct is None or not np.any(shift_pct):
        return arr
    return pct_to_log(log_to_pct(arr) + shift_pct)


def _batch_size(settings: Sequence[Setting]) -> int | None:
    sizes = {np.asarray(v).shape[0] for _, v in settings}
    if len(sizes) > 1:
        raise ValueError("every parameter needs the same number of values")
    return sizes.pop() if sizes else None


def _path(
    fixed_pct: FloatArray,
    nat_pct: FloatArray,
    decay: FloatArray,
    spread: FloatArray,
    path: FloatArray | None,
    lead_pct: FloatArray | None,
    b: int | None,
) -> FloatArray:
    """One assembled path (real growth or deflator), ``(T, N)``, or ``(b, T, N)`` for a batch:
    computed once and broadcast (a read-only view) when ``nat_pct`` and ``decay`` are the same
    in every row of the batch, row by row otherwise (each cell the same number either way)."""
    if b is not None and _one_row(nat_pct) and _one_row(decay):
        nat_pct, decay = nat_pct[0], decay[0]
    out = _combine(fixed_pct, pct_to_log(nat_pct), decay, spread, path)
    _lead(out, nat_pct, lead_pct)
    if b is not None and out.ndim == 2:  # the same path for every scenario of the batch
        out = np.broadcast_to(out, (b, *out.shape))
    return out


def _one_row(a: FloatArray) -> bool:
    """``a`` ``(B, T)`` repeats one row (a broadcast view: every row is the first)."""
    return a.ndim == 2 and (a.shape[0] == 1 or a.strides[0] == 0)


def _combine(
    fixed_pct: FloatArray,
    nat_log: FloatArray,
    decay: FloatArray,
    spread: FloatArray,
    path: FloatArray | None = None,
) -> FloatArray:
    """``national + decay * spread (+ path)`` where the model applies, the fixed value elsewhere.

    ``fixed_pct`` and ``path`` are ``(T, N)`` (NaN = model); the others carry the leading axes:
    the result is ``(..., T, N)``, a new array. A decay the same in every row is multiplied once."""
    if decay.ndim == 2 and _one_row(decay):
        ds = np.multiply(decay[0][:, None], spread)
        out = np.empty(np.broadcast_shapes(ds.shape, nat_log[..., None].shape))
        np.add(ds, nat_log[..., None], out=out)
    else:
        out = np.multiply(decay[..., None], spread)
        out += nat_log[..., None]
    if path is not None:
        out += path
    fixed = ~np.isnan(fixed_pct)
    if fixed.any():
        out[..., fixed] = pct_to_log(fixed_pct[fixed])
    return out


def _national_and_decay(
    model: GrowthModel, settings: Sequence[Setting], b: int | None
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """National real and deflator growth (percent) and decay factors: ``(T,)`` or ``(B, T)``."""
    shape = model.years.shape if b is None else (b, model.years.size)
    nat_r = np.broadcast_to(model.national_real_pct, shape)
    nat_d = np.broadcast_to(model.national_deflator_pct, shape)
    decay = np.broadcast_to(decay_factors(model.years, model.base_year, model.half_life), shape)
    for param, values in settings:
        if param.kind == "national_real":
            nat_r = _apply(nat_r, values, param.mode)
            _check_growth(nat_r, param)
        elif param.kind == "national_defl":
            nat_d = _apply(nat_d, values, param.mode)
            _check_growth(nat_d, param)
        elif param.kind == "half_life":
            hl = values if param.mode == "set" else model.half_life + values  # type: ignore[operator]
            if (hl <= 0).any():
                raise InputError(msg("growth.half_life_positive"), field=param.key)
            decay = decay_factors(model.years, model.base_year, hl)
    if model.national_pinned_nominal is not None:  # known nominal growth: the deflator is implied
        known = np.isfinite(model.national_pinned_nominal)
        implied = np.expm1(model.national_pinned_nominal - np.log1p(nat_r / 100.0)) * 100.0
        nat_d = np.where(known, implied, nat_d)
    return nat_r, nat_d, decay


def _deflator_decay(model: GrowthModel, settings: Sequence[Setting], decay: FloatArray) -> FloatArray:
    """Decay factors of the deflator spreads, shaped like ``decay``: the spreads' own (``decay``,
    a half-life batch included) unless the model, or a ``deflator_half_life`` setting of the batch,
    gives them a half-life of their own."""
    out = decay
    if model.deflator_half_life is not None:
        own = decay_factors(model.years, model.base_year, model.deflator_half_life)
        out = np.broadcast_to(own, decay.shape)
    for param, values in settings:
        if param.kind == "deflator_half_life":
            hl = np.asarray(values, dtype=float)
            if (hl <= 0).any():
                raise InputError(msg("growth.half_life_positive"), field=param.key)
            out = decay_factors(model.years, model.base_year, hl)
    return out


def national_paths_of(model: GrowthModel, settings: Sequence[Setting]) -> tuple[FloatArray, FloatArray]:
    """The national real and deflator paths (percent, ``(B, T)``) a batch of ``settings`` gives,
    as :func:`assemble` uses them."""
    b = _batch_size(settings) or 1
    nat_r, nat_d, _ = _national_and_decay(model, settings, b)
    return nat_r, nat_d


def _apply(pct: FloatArray, values: FloatArray, mode: Mode) -> FloatArray:
    """Set every year to the value, or shift every year by it (percentage points); ``(B, T)``."""
    v = np.asarray(values, dtype=float)[:, None]
    return np.broadcast_to(v, pct.shape).copy() if mode == "set" else pct + v


def _check_growth(pct: FloatArray, param: Parameter) -> None:
    if (pct <= -100).any():
        raise InputError(msg("growth.below_minus_100", path=param.path), field=param.key)


def targets_pct(
    targets: dict[tuple[str, int], float], codes: Sequence[str], years: IntArray, national_code: str
) -> FloatArray:
    """Announced real-growth targets (percent) on the ``(T, N)`` grid, NaN where none."""
    out = np.full((years.size, len(codes)), np.nan)
    for (code, year), pct in targets.items():
        if code == national_code or code not in codes or not years[0] <= year <= years[-1]:
            continue
        out[year - int(years[0]), list(codes).index(code)] = pct
    return out


#: Weight, in years, of the all-region mean in a region's shrunk target shortfall.
SHORTFALL_PRIOR_YEARS = 2.0
#: Years left out of the record of missed targets: 2020's targets were set in January, before the
#: pandemic (Hubei's "around 7.5 %" against -5.0 %), so its misses say nothing about planning.
SHORTFALL_EXCLUDED_YEARS = (2020,)


def target_shortfalls(
    targets: dict[tuple[str, int], float], codes: Sequence[str], actual_pct: FloatArray, years: IntArray
) -> FloatArray:
    """Each region's record of missing its announced real-growth targets, in points: the mean of
    ``target - actual`` over the years that have both, shrunk toward the mean over all regions
    and years (``n / (n + 2)`` on its own record). ``actual_pct`` is ``(Y, N)`` over ``years``;
    years in :data:`SHORTFALL_EXCLUDED_YEARS` are left out."""
    gaps: dict[int, list[float]] = {}
    for (code, year), pct in targets.items():
        if code in codes and years[0] <= year <= years[-1] and year not in SHORTFALL_EXCLUDED_YEARS:
            i = list(codes).index(code)
            gaps.setdefault(i, []).append(pct - float(actual_pct[year - int(years[0]), i]))
    everything = [g for v in gaps.values() for g in v]
    overall = float(np.mean(everything)) if everything else 0.0
    out = np.full(len(codes), overall)
    for i, v in gaps.items():
        out[i] = (len(v) * float(np.mean(v)) + SHORTFALL_PRIOR_YEARS * overall) / (
            len(v) + SHORTFALL_PRIOR_YEARS
        )
    return out
