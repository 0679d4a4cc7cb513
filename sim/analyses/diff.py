"""What changed between two scenarios, and how much each change moves the answer.

Both scenarios are compared *resolved*: every path as per-year values on the projected years,
spreads estimated, defaults filled (:mod:`sim.model.scenario`, :mod:`sim.model.growth`), so a
change written differently but resolving to the same numbers is no change, and an inherited
value that resolves differently (a new window, a new base year) is one.

**Changes**, in the fixed order in which the one-at-a-time walk switches them on (from A to B):

1. ``base_year``: the later base year's actual data replace the projection of the years between;
   the projection starts from the later base year (spreads decay from it);
2. ``horizon``: the years the reach year may fall in;
3. ``threshold_rank``;
4. ``national.real_growth``, 5. ``national.deflator`` (a ``national.gdp`` figure included);
6. ``others.spreads``: every region's estimated spread over the nation (``others`` window,
   excluded years, model, deflator model);
7. ``others.half_life`` (and the deflator spreads' own, ``others.deflator_half_life``);
8. ``prices``: the commodity factor and the price model's deflator path;
9. one change per province whose own assumptions differ (real growth, deflator, lead, shift,
   preliminary GDP, announced target), the target first, then by code.

A *hybrid* takes the pieces of the switched-on changes from B and the rest from A and goes
through the one growth assembly (:func:`sim.model.growth.assemble`); since a region's growth
column depends only on the shared pieces (1-8) and its own assumptions, the hybrids of every
subset of changes are built from two assemblies per combination of shared pieces and evaluated
by the batched kernel (:func:`sim.engine.batch.evaluate_growth`) in one call.

**Effects** on the answer: the reach year (never reached counts as the later horizon + 1, and is
marked) and the gap to the threshold at chosen years (percent, the same gap as ``run``):

* *one at a time*: the change in the answer when each change is switched on after those before
  it in the order above (the steps sum to B's answer minus A's);
* *Shapley*: each change's marginal effect averaged over every order of switching on
  (exact over all ``2^k`` subsets up to :data:`EXACT_UP_TO` changes; beyond that averaged over
  :data:`SAMPLED_ORDERS` random orders drawn with a fixed seed). Shapley effects also sum to
  the total, and do not depend on an arbitrary order.

Where the two scenarios have different base years, a piece of the later-based one (a national
path, a province's path) is needed for the years between the base years when its change is on
but ``base_year`` is off: it is extended back by its first projected year's value (shifts and
preliminary figures by nothing). Years after a scenario's horizon continue its paths as the
scenario format defines them (flat after the last year given).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from math import factorial
from typing import Any, Literal

import numpy as np
import pandas as pd

from sim._typing import FloatArray, IntArray
from sim.engine.batch import NEVER, evaluate_growth
from sim.errors import InputError
from sim.messages import Words, msg
from sim.model.growth import GrowthModel, assemble, fields_with, price_half_life
from sim.model.scenario import Scenario
from sim.provenance import Provenance
from sim.results import ResultView

#: Up to this many changes, Shapley effects are exact over all subsets (2^12 = 4,096 hybrids).
EXACT_UP_TO = 12
#: Beyond that, the number of random orders averaged (seed :data:`ORDER_SEED`).
SAMPLED_ORDERS = 400
ORDER_SEED = 0
#: Hybrids evaluated at once (bounds memory).
CHUNK = 2048

#: Shared pieces of the growth model, in the walk's order, and the GrowthModel fields of each:
#: read from the model's own classification (shared and estimated fields, by diff group).
SHARED: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (group, tuple(f.name for f in (*fields_with("shared"), *fields_with("estimated")) if f.metadata["group"] == group))
    for group in dict.fromkeys(
        f.metadata["group"]
        for f in dataclasses.fields(GrowthModel)
        if f.metadata["role"] in ("shared", "estimated")
    )
)
#: A province's own pieces: the written (T, N) fields, one column per region.
COLUMNS = tuple(f.name for f in fields_with("written"))

Kind = Literal["base_year", "horizon", "threshold_rank", "shared", "province"]


@dataclass(frozen=True)
class Series:
    """One differing value of a change: per-year (or per-region) values in A and in B.

    ``keys`` are years (int) or region codes (str); a value is None in a year the scenario does
    not project, NaN where it has no value of its own (a province left to the others model, no
    shift, no preliminary figure)."""

    name: str  # real_growth | deflator | shift_real | shift_deflator | gdp_growth | spread_real | ...
    keys: tuple[int | str, ...]
    a: tuple[float | None, ...]
    b: tuple[float | None, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: name and ``{key: value}`` maps for A and B."""
        return {
            "name": self.name,
            "a": {str(k): _r(v) for k, v in zip(self.keys, self.a, strict=True) if v is not None},
            "b": {str(k): _r(v) for k, v in zip(self.keys, self.b, strict=True) if v is not None},
        }


@dataclass(frozen=True)
class Change:
    """One differing assumption: what it is (``key``), the region for a province change, and the
    resolved values that differ."""

    key: str  # base_year | horizon | threshold_rank | national.real_growth | ... | provinces.<code>
    kind: Kind
    region: int | None
    series: tuple[Series, ...]

    def to_dict(self, codes: Sequence[str]) -> dict[str, Any]:
        """JSON-ready: key, region code (provinces) and the differing series."""
        out: dict[str, Any] = {"key": self.key}
        if self.region is not None:
            out["code"] = codes[self.region]
        out["series"] = [s.to_dict() for s in self.series]
        return out


@dataclass(frozen=True, eq=False, repr=False)
class DiffResult(ResultView):
    """Changes from scenario A to scenario B and their effects on the answer.

    ``answers`` rows: A, then the one-at-a-time walk (row j = changes 0..j-1 on; the last row is
    B). Columns: the reach year (censored: never = :attr:`censor_year`), then the gap (%) at each
    of :attr:`years`. ``steps`` and ``shapley`` are ``(k, 1 + len(years))``: each change's effect
    on each outcome; each sums over changes to ``answers[-1] - answers[0]``.
    """

    a: Scenario
    b: Scenario
    changes: tuple[Change, ...]
    years: IntArray  # years the gap is reported for
    censor_year: int  # the reach year a never-reaching hybrid counts as (later horizon + 1)
    answers: FloatArray  # (k + 1, 1 + Y)
    steps: FloatArray  # (k, 1 + Y) one-at-a-time effects, in order
    shapley: FloatArray  # (k, 1 + Y)
    method: Literal["exact", "sampled"]
    orders: int  # orders averaged: k! (exact) or SAMPLED_ORDERS

    @property
    def outcomes(self) -> list[str]:
        """Outcome names: ``reach_year`` then ``gap_<year>`` for each year."""
        return ["reach_year", *(f"gap_{int(y)}" for y in self.years)]

    def reach_year(self, row: int) -> int | None:
        """Reach year of an ``answers`` row (0 = A, -1 = B), None where never reached."""
        value = int(self.answers[row, 0])
        return None if value >= self.censor_year else value

    def headline(self) -> str:
        """The two reach years and the number of changes in one line."""
        a, b = self.reach_year(0), self.reach_year(-1)
        return f"reach year {a or 'never'} -> {b or 'never'}; {len(self.changes)} changes"

    def to_frame(self) -> pd.DataFrame:
        """One row a change (in walk order): ``key``, ``code``, then ``step_<outcome>`` and
        ``shapley_<outcome>`` for each outcome."""
        codes = self.a.panel.regions.codes
        rows = []
        for i, c in enumerate(self.changes):
            row: dict[str, Any] = {"key": c.key, "code": codes[c.region] if c.region is not None else ""}
            for j, name in enumerate(self.outcomes):
                row[f"step_{name}"] = round(float(self.steps[i, j]), 4)
                row[f"shapley_{name}"] = round(float(self.shapley[i, j]), 4)
            rows.append(row)
        columns = ["key", "code", *(f"{k}_{name}" for name in self.outcomes for k in ("step", "shapley"))]
        return pd.DataFrame(rows, columns=columns)  # the columns even when nothing differs

    def to_long(self) -> pd.DataFrame:
        """The long format (:data:`sim.names.LONG_COLUMNS`): A's and B's reach year and gap by
        year (scenario their names), and each change's one-at-a-time and Shapley effect on each
        outcome (variable ``Diff|<method>|<outcome>|<change key>``, scenario ``<A> -> <B>``)."""
        from sim import names
        from sim.longformat import outcome_long, stack

        who = self.a.panel.regions.en[self.a.target]
        parts = []
        for row, sc in ((0, self.a), (-1, self.b)):
            reach = self.reach_year(row)
            parts.append(outcome_long(names.REACH_YEAR, scenario=sc.name, region=who, year=None,
                                      value=[np.nan if reach is None else reach]))  # fmt: skip
            parts.append(outcome_long(names.GAP_PCT, scenario=sc.name, region=who, year=self.years,
                                      value=self.answers[row, 1:]))  # fmt: skip
        pair = f"{self.a.name} -> {self.b.name}"
        for i, change in enumerate(self.changes):
            for j, outcome in enumerate(self.outcomes):
                year = None if j == 0 else int(self.years[j - 1])
                for col, table in ((names.DIFF_STEP, self.steps), (names.DIFF_SHAPLEY, self.shapley)):
                    suffix = f"|{outcome}|{change.key}"
                    parts.append(outcome_long(col, scenario=pair, region=who, year=year, value=[table[i, j]],
                                              suffix=suffix))  # fmt: skip
        return stack(parts)

    def to_document(self, provenance: Provenance | None = None) -> dict[str, Any]:
        """JSON-ready document: both answers, every change with its values and effects."""
        codes = self.a.panel.regions.codes

        def answer(row: int) -> dict[str, Any]:
            gaps = {str(int(y)): round(float(self.answers[row, j + 1]), 3) for j, y in enumerate(self.years)}
            return {"reach_year": self.reach_year(row), "gap_pct": gaps}

        changes = []
        for i, c in enumerate(self.changes):
            doc = c.to_dict(codes)
            doc["one_at_a_time"] = _effects(self.steps[i], self.outcomes)
            doc["shapley"] = _effects(self.shapley[i], self.outcomes)
            changes.append(doc)
        out: dict[str, Any] = {
            "a": {"scenario": self.a.name, "file": str(self.a.source.path), **answer(0)},
            "b": {"scenario": self.b.name, "file": str(self.b.source.path), **answer(-1)},
            "target": codes[self.a.target],
            "censor_year": self.censor_year,
            "shapley_method": self.method,
            "orders": self.orders,
            "changes": changes,
        }
        if provenance is not None:
            out["provenance"] = provenance.to_dict()
        return out


def _effects(row: FloatArray, outcomes: list[str]) -> dict[str, float]:
    return {name: round(float(v), 4) for name, v in zip(outcomes, row, strict=True)}


def _r(v: float | None) -> float | None:
    """JSON value: NaN (no value of its own) as null."""
    return None if v is None or not np.isfinite(v) else round(float(v), 4)


# --------------------------------------------------------------------------- the analysis


def diff(
    a: Scenario, b: Scenario, *, years: Sequence[int] | None = None, compiled: bool | None = None
) -> DiffResult:
    """Every differing assumption from ``a`` to ``b`` and its effect on the answer.

    Parameters
    ----------
    a, b : Scenario
        The two scenarios: the same data and the same target (else an
        :class:`~sim.errors.InputError`).
    years : sequence of int, optional
        Years to report the gap to the threshold for; each within both projections' span (from
        the later base year to the later horizon). Default: 2030 (when projected by both), the
        earlier horizon and the later one.
    """
    _check_comparable(a, b)
    horizon = max(a.horizon, b.horizon)
    a_ext, b_ext = _extend(a, horizon), _extend(b, horizon)
    late = max(a.base_year, b.base_year)
    want = _years(years, a, b, late, horizon)
    changes = _changes(a_ext, b_ext, a, b)
    k = len(changes)
    walk = np.array([(1 << j) - 1 for j in range(k + 1)], dtype=np.int64)
    if k <= EXACT_UP_TO:
        masks = np.arange(1 << k, dtype=np.int64)
        values = _values(a_ext, b_ext, a, b, changes, masks, want, horizon)
        shapley = _shapley_exact(values, k)
        answers = values[walk]
        method: Literal["exact", "sampled"] = "exact"
        orders = factorial(k)
    else:
        rng = np.random.default_rng(ORDER_SEED)
        perms = np.array([rng.permutation(k) for _ in range(SAMPLED_ORDERS)])
        prefix = np.zeros((SAMPLED_ORDERS, k + 1), dtype=np.int64)
        prefix[:, 1:] = np.cumsum(np.left_shift(np.int64(1), perms), axis=1)
        masks, inverse = np.unique(np.concatenate([walk, prefix.ravel()]), return_inverse=True)
        values = _values(a_ext, b_ext, a, b, changes, masks, want, horizon)
        answers = values[inverse[: k + 1]]
        walked = values[inverse[k + 1 :]].reshape(SAMPLED_ORDERS, k + 1, -1)
        shapley = np.zeros((k, values.shape[1]))
        np.add.at(shapley, perms.ravel(), np.diff(walked, axis=1).reshape(-1, values.shape[1]))
        shapley /= SAMPLED_ORDERS
        method, orders = "sampled", SAMPLED_ORDERS
    return DiffResult(
        a, b, tuple(changes), np.array(want, dtype=np.int64), horizon + 1,
        answers, np.diff(answers, axis=0), shapley, method, orders,
    )  # fmt: skip


def differences(a: Scenario, b: Scenario) -> tuple[Change, ...]:
    """Every assumption that differs from ``a`` to ``b``, resolved per year (the changes of
    :func:`diff`, without evaluating their effects): what ``ranksim compare`` tabulates."""
    _check_comparable(a, b, measure=False)
    horizon = max(a.horizon, b.horizon)
    return tuple(_changes(_extend(a, horizon), _extend(b, horizon), a, b))


def _check_comparable(a: Scenario, b: Scenario, *, measure: bool = True) -> None:
    if a.panel.sha256 != b.panel.sha256 or a.panel.national.path != b.panel.national.path:  # the same data
        different = msg("diff.different_data", a=str(a.panel.path), b=str(b.panel.path))
        raise InputError(different, **b.where("data"))
    if a.target != b.target:
        regions = a.panel.regions
        a_who, b_who = (Words(regions.en[i], regions.zh[i]) for i in (a.target, b.target))
        raise InputError(msg("diff.different_targets", a=a_who, b=b_who), **b.where("target"))
    if not measure:
        if a.measure != b.measure:
            raise InputError(msg("diff.different_measures", a=a.measure, b=b.measure), **b.where("measure"))
        return
    if a.per_capita or b.per_capita:
        raise InputError(msg("diff.per_capita"), **(a if a.per_capita else b).where("measure"))


def _extend(s: Scenario, horizon: int) -> Scenario:
    return s if s.horizon == horizon else s.with_changes({"horizon": horizon}, rename=False)


def _years(years: Sequence[int] | None, a: Scenario, b: Scenario, late: int, horizon: int) -> list[int]:
    if years is None:
        wanted = {min(a.horizon, b.horizon), horizon}
        if late < 2030 <= horizon:
            wanted.add(2030)
        return sorted(wanted)
    outside = [y for y in years if not late <= y <= horizon]
    if outside:
        raise InputError(msg("diff.year_outside", year=outside[0], first=late, last=horizon), field="years")
    return sorted(set(int(y) for y in years))


# --------------------------------------------------------------------------- changes


def _grid(g: GrowthModel, base: int, horizon: int) -> GrowthModel:
    """``g`` on the years ``base+1 .. horizon`` with every optional piece filled: rows of years
    ``g`` projects are its own; earlier years repeat its first row (shifts and preliminary
    figures: none). Decay starts at ``base``."""
    years = np.arange(base + 1, horizon + 1, dtype=np.int64)
    rows = np.clip(years - int(g.years[0]), 0, g.years.size - 1)
    before = years < g.years[0]
    t, n = g.years.size, g.n_regions
    changes: dict[str, Any] = {"years": years, "base_year": base}
    for f in dataclasses.fields(GrowthModel):
        meta = f.metadata
        if meta["role"] in ("axis", "derived") or meta["shape"] not in ("T", "TN"):
            continue
        value = getattr(g, f.name)
        empty = meta["empty"] if meta["empty"] is not None else np.nan
        shape = (t,) if meta["shape"] == "T" else (t, n)
        arr = (np.full(shape, empty) if value is None else value)[rows].copy()
        if not meta["extends"]:
            arr[before] = empty
        changes[f.name] = arr
    return dataclasses.replace(g, **changes)


def _piece(g: GrowthModel, name: str, other: GrowthModel) -> Any:
    """A shared or estimated piece of ``g`` as it acts against ``other``: the deflator spreads'
    half-life is the spreads' own when the model gives them none (so ``null`` and the same number
    are no change), and nothing when either side carries no price spread (it fades nothing; a
    change of deflator rule is the spreads' step)."""
    if name == "deflator_half_life":
        if not (np.any(g.spread_deflator) and np.any(other.spread_deflator)):
            return None
        return price_half_life(g.half_life, g.deflator_half_life)
    return getattr(g, name)


def _same(x: Any, y: Any) -> bool:
    if x is None or y is None:
        return x is y
    return bool(np.array_equal(np.asarray(x), np.asarray(y), equal_nan=True)) if np.ndim(x) else x == y


def _changes(a_ext: Scenario, b_ext: Scenario, a: Scenario, b: Scenario) -> list[Change]:
    """Every differing assumption, in the walk's order, with its resolved values."""
    horizon = a_ext.horizon
    grids = {a.base_year, b.base_year}
    ga = [_grid(a_ext.growth, base, horizon) for base in sorted(grids)]
    gb = [_grid(b_ext.growth, base, horizon) for base in sorted(grids)]
    out: list[Change] = []
    for key, kind, x, y in (
        ("base_year", "base_year", a.base_year, b.base_year),
        ("horizon", "horizon", a.horizon, b.horizon),
        ("threshold_rank", "threshold_rank", a.threshold_rank, b.threshold_rank),
    ):
        if x != y:
            out.append(Change(key, kind, None, (Series(key, ("",), (float(x),), (float(y),)),)))  # type: ignore[arg-type]
    for key, fields in SHARED:
        pairs = zip(ga, gb, strict=True)
        if any(not _same(_piece(p, f, q), _piece(q, f, p)) for p, q in pairs for f in fields):
            out.append(Change(key, "shared", None, _shared_series(key, a, b)))
    regions = [a.target, *(i for i in range(a.n_regions) if i != a.target)]
    for i in regions:
        if any(
            not _same(getattr(p, f)[:, i], getattr(q, f)[:, i])
            for p, q in zip(ga, gb, strict=True)
            for f in COLUMNS
        ):
            series = _province_series(i, a, b)
            out.append(Change(f"provinces.{a.panel.regions.codes[i]}", "province", i, series))
    return out


def _by_year(
    name: str, a: Scenario, b: Scenario, va: FloatArray | None, vb: FloatArray | None
) -> Series | None:
    """A per-year series over the years both scenarios project where their values differ (NaN:
    no value of its own), or None when they agree everywhere."""
    first = max(a.base_year, b.base_year) + 1
    years = range(first, min(a.horizon, b.horizon) + 1)

    def at(s: Scenario, v: FloatArray | None, y: int) -> float:
        return float("nan") if v is None else float(v[y - s.base_year - 1])

    keys, xa, xb = [], [], []
    for y in years:
        x, z = at(a, va, y), at(b, vb, y)
        if not (x == z or (np.isnan(x) and np.isnan(z))):
            keys.append(y)
            xa.append(x)
            xb.append(z)
    return Series(name, tuple(keys), tuple(xa), tuple(xb)) if keys else None


def _shared_series(key: str, a: Scenario, b: Scenario) -> tuple[Series, ...]:
    ga, gb = a.growth, b.growth
    items: list[Series | None] = []
    if key == "national.real_growth":
        items.append(_by_year("real_growth", a, b, ga.national_real_pct, gb.national_real_pct))
    elif key == "national.deflator":
        items.append(_by_year("deflator", a, b, ga.national_deflator_pct, gb.national_deflator_pct))
    elif key == "others.spreads":
        codes = a.panel.regions.codes
        for name, x, y in (
            ("spread_real", ga.spread_real, gb.spread_real),
            ("spread_deflator", ga.spread_deflator, gb.spread_deflator),
        ):
            differ = [i for i in range(a.n_regions) if not np.isclose(x[i], y[i], rtol=0, atol=1e-12)]
            if differ:
                items.append(
                    Series(
                        name,
                        tuple(codes[i] for i in differ),
                        tuple(float(x[i]) * 100 for i in differ),
                        tuple(float(y[i]) * 100 for i in differ),
                    )
                )
    elif key == "others.lean":  # the share of each region's spread kept (1 without a lean)
        ones = np.ones(a.n_regions)
        x = ones if ga.spread_weight is None else ga.spread_weight
        y = ones if gb.spread_weight is None else gb.spread_weight
        differ = [i for i in range(a.n_regions) if not np.isclose(x[i], y[i], rtol=0, atol=1e-12)]
        if differ:
            codes = tuple(a.panel.regions.codes[i] for i in differ)
            items.append(Series("spread_weight", codes, tuple(x[differ].tolist()), tuple(y[differ].tolist())))
    elif key == "national.gdp":
        def growth_pct(g: GrowthModel) -> FloatArray | None:
            v = g.national_pinned_nominal
            return None if v is None else np.expm1(v) * 100

        items.append(_by_year("gdp_growth", a, b, growth_pct(ga), growth_pct(gb)))
    elif key == "others.half_life":
        ha, hb = ga.half_life, gb.half_life
        if ha != hb:
            items.append(Series("half_life", ("",), (ha,), (hb,)))
        da, db = _piece(ga, "deflator_half_life", gb), _piece(gb, "deflator_half_life", ga)
        if da != db:
            items.append(Series("deflator_half_life", ("",), (da,), (db,)))
    elif key == "prices":
        items.append(_by_year("commodity", a, b, a.commodity_pct, b.commodity_pct))
        t = a.target
        da = ga.deflator_path[:, t] * 100 if ga.deflator_path is not None else np.zeros(ga.years.size)
        db = gb.deflator_path[:, t] * 100 if gb.deflator_path is not None else np.zeros(gb.years.size)
        items.append(_by_year("target_price_path", a, b, da, db))
    return tuple(s for s in items if s is not None)


def _own(g: GrowthModel, i: int, kind: str) -> FloatArray:
    """A province's own setting of real growth or deflator in percent (fixed, or national + lead),
    NaN where it follows the others model."""
    fixed = getattr(g, f"fixed_{kind}_pct")[:, i]
    lead = getattr(g, f"lead_{kind}_pct")
    nat = g.national_real_pct if kind == "real" else g.national_deflator_pct
    own = fixed.copy()
    if lead is not None:
        led = np.isfinite(lead[:, i])
        own[led] = nat[led] + lead[led, i]
    return own


def _province_series(i: int, a: Scenario, b: Scenario) -> tuple[Series, ...]:
    ga, gb = a.growth, b.growth

    def col(g: GrowthModel, name: str) -> FloatArray | None:
        v = getattr(g, name)
        return None if v is None else v[:, i]

    def pinned(g: GrowthModel) -> FloatArray | None:
        v = col(g, "pinned_nominal")
        return None if v is None else np.expm1(v) * 100

    items = [
        _by_year("real_growth", a, b, _own(ga, i, "real"), _own(gb, i, "real")),
        _by_year("deflator", a, b, _own(ga, i, "deflator"), _own(gb, i, "deflator")),
        _by_year("shift_real", a, b, col(ga, "shift_real_pct"), col(gb, "shift_real_pct")),
        _by_year("shift_deflator", a, b, col(ga, "shift_deflator_pct"), col(gb, "shift_deflator_pct")),
        _by_year("gdp_growth", a, b, pinned(ga), pinned(gb)),
    ]
    return tuple(s for s in items if s is not None)


# --------------------------------------------------------------------------- evaluation


def _values(
    a_ext: Scenario,
    b_ext: Scenario,
    a: Scenario,
    b: Scenario,
    changes: Sequence[Change],
    masks: IntArray,
    years: Sequence[int],
    horizon: int,
) -> FloatArray:
    """The answer of every hybrid (a bit mask over ``changes``: bit j on = change j from B):
    ``(M, 1 + Y)``, the reach year (censored at ``horizon + 1``) then the gaps."""
    bit = {c.key: j for j, c in enumerate(changes)}
    shared = [j for j, c in enumerate(changes) if c.kind == "shared"]
    province = np.zeros((len(changes), a.n_regions), dtype=bool)
    for j, c in enumerate(changes):
        if c.region is not None:
            province[j, c.region] = True

    def on(key: str) -> IntArray:
        return (masks >> bit[key]) & 1 if key in bit else np.zeros(masks.size, dtype=np.int64)

    base_on, horizon_on, threshold_on = on("base_year"), on("horizon"), on("threshold_rank")
    shared_code = np.zeros(masks.size, dtype=np.int64)
    for n, j in enumerate(shared):
        shared_code |= ((masks >> j) & 1) << n
    bits = (masks[:, None] >> np.arange(len(changes))) & 1  # (M, k)
    from_b = (bits @ province.astype(np.int64)) > 0  # (M, N): region columns taken from B
    out = np.empty((masks.size, 1 + len(years)))
    for flag, base in ((0, a.base_year), (1, b.base_year)):
        rows = np.flatnonzero(base_on == flag)
        if rows.size == 0:
            continue
        ga, gb = _grid(a_ext.growth, base, horizon), _grid(b_ext.growth, base, horizon)
        codes = np.unique(shared_code[rows])
        nominal_a, nominal_b = {}, {}
        for code in codes:
            mixed_a, mixed_b = ga, gb
            for n, j in enumerate(shared):
                if (code >> n) & 1:
                    fields = dict(SHARED)[changes[j].key]
                    mixed_a = dataclasses.replace(mixed_a, **{f: getattr(gb, f) for f in fields})
                else:
                    fields = dict(SHARED)[changes[j].key]
                    mixed_b = dataclasses.replace(mixed_b, **{f: getattr(ga, f) for f in fields})
            nominal_a[int(code)] = assemble(mixed_a).nominal
            nominal_b[int(code)] = assemble(mixed_b).nominal
        base_gdp = a.panel.gdp[a.panel.year_index(base)]
        for lo in range(0, rows.size, CHUNK):
            part = rows[lo : lo + CHUNK]
            growth = np.stack(
                [
                    np.where(
                        from_b[m][None, :], nominal_b[int(shared_code[m])], nominal_a[int(shared_code[m])]
                    )
                    for m in part
                ]
            )
            k = np.where(threshold_on[part] == 1, b.threshold_rank, a.threshold_rank)
            res = evaluate_growth(base_gdp, growth, base, a.target, k, years)
            reach = res.reach_year.astype(float)
            limit = np.where(horizon_on[part] == 1, b.horizon, a.horizon)
            reach[(res.reach_year == NEVER) | (reach > limit)] = horizon + 1
            out[part, 0] = reach
            out[part, 1:] = res.gap_pct
    return out


def _shapley_exact(values: FloatArray, k: int) -> FloatArray:
    """Shapley effects ``(k, outcomes)`` from the values of all ``2^k`` subsets (row = bit mask):
    ``sum over S without i of |S|! (k-|S|-1)! / k! * (v(S + i) - v(S))``."""
    masks = np.arange(1 << k, dtype=np.int64)
    size = np.array([bin(int(m)).count("1") for m in masks])
    weight = np.array(
        [factorial(s) * factorial(k - s - 1) / factorial(k) if s < k else 0.0 for s in range(k + 1)]
    )
    out = np.zeros((k, values.shape[1]))
    for i in range(k):
        without = masks[(masks >> i) & 1 == 0]
        out[i] = (weight[size[without]][:, None] * (values[without | (1 << i)] - values[without])).sum(axis=0)
    return out
