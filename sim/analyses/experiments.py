"""Experiments an analyst can keep: a design, its outcomes per row and over time, provenance.

EMA Workbench's ``perform_experiments`` in ranksim's terms: :func:`experiments` runs every row
of a design (any table whose columns are scenario parameters; a SALib sample with the
:func:`sim.problem` it came from) through the one batch engine and returns an
:class:`Experiments`: the typed parameters (with bounds where the problem gives them), per row
the reach year (``<NA>`` = not reached by the horizon, never a sentinel year), ``reached_by_<year>``
and, with ``paths``, ``reach_probability_<year>`` (common random numbers: each row's numbers
equal :func:`sim.simulate` of that variant with the same seed), the target's rank and gap in
every year as ``(n, T)`` tables, optionally every region's rank, and the provenance with the
seed used. :meth:`Experiments.save` and :func:`load_experiments` round-trip exactly (Parquet
when pyarrow is installed, else CSV, in one zip file with a JSON description);
:func:`sim.analyze` analyses any outcome of a saved design afterwards.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from sim import names
from sim.analyses.design import (
    check_paths,
    design_columns,
    probabilities,
    refuse_outcome_columns,
)
from sim.engine.batch import NEVER, evaluate_batch, region_ranks
from sim.errors import InputError
from sim.inputs.params import Parameter
from sim.longformat import outcome_long, stack
from sim.messages import msg
from sim.model.scenario import Scenario
from sim.provenance import Provenance, random_source
from sim.results import ResultView

#: Outcomes computed by default; ``"region_rank"`` (every region's rank every year) on request.
DEFAULT_OUTCOMES = (names.REACH_YEAR, names.REACHED_BY, names.RANK, names.GAP_PCT)
KNOWN_OUTCOMES = (*DEFAULT_OUTCOMES, "region_rank")
#: Version of the saved format (:meth:`Experiments.save`).
FORMAT = 1
Storage = Literal["auto", "parquet", "csv"]


@dataclass(frozen=True, kw_only=True)
class ExperimentParameter:
    """One parameter of a design, typed: the column, what it changes, its unit and, where
    known (a :func:`sim.problem`), its bounds and distribution (SALib's names)."""

    name: str  # the design column: a dotted path
    kind: str  # sim.inputs.params.Kind
    mode: str  # "set" or "shift"
    unit: str  # names.PARAMETER_UNITS
    bounds: tuple[float, ...] | None = None  # SALib's: [low, high] (unif), [low, high, peak] (triang) ...
    distribution: str | None = None  # "unif", "triang", "norm", ... (SALib), None = not known

    @property
    def low(self) -> float | None:
        """The lower bound of a uniform or triangular parameter (else None)."""
        return self.bounds[0] if self.bounds and self.distribution in ("unif", "triang") else None

    @property
    def high(self) -> float | None:
        """The upper bound of a uniform or triangular parameter (else None)."""
        return self.bounds[1] if self.bounds and self.distribution in ("unif", "triang") else None

    def to_dict(self) -> dict[str, Any]:
        """The parameter as JSON-ready data."""
        out = {k: getattr(self, k) for k in ("name", "kind", "mode", "unit", "distribution")}
        return {**out, "bounds": list(self.bounds) if self.bounds is not None else None}


@dataclass(frozen=True, kw_only=True)
class ScenarioInfo:
    """What a saved experiment keeps of its scenario (a scenario object is not saved)."""

    name: str
    target: str  # region code
    target_name: str
    threshold_rank: int
    base_year: int
    horizon: int
    regions: Mapping[str, str]  # code -> English name, in panel order

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            **{
                k: getattr(self, k)
                for k in ("name", "target", "target_name", "threshold_rank", "base_year", "horizon")
            },
            "regions": dict(self.regions),
        }


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Experiments(ResultView):
    """A design and its outcomes, row by row and year by year, with the seed that made them.

    Every table shares the design's index (named ``experiment``). ``outcomes``: ``reach_year``
    (nullable), ``reached_by_<year>`` and, with paths, ``reach_probability_<year>``; ``rank`` and
    ``gap_pct``: ``(n, T+1)`` tables, columns the years base .. horizon; ``region_rank``: every
    region's rank, index (experiment, year), columns region codes (when asked for)."""

    scenario: ScenarioInfo
    parameters: tuple[ExperimentParameter, ...]
    design: pd.DataFrame
    outcomes: pd.DataFrame
    rank: pd.DataFrame | None = None
    gap_pct: pd.DataFrame | None = None
    region_rank: pd.DataFrame | None = None
    paths: int | None = None
    provenance: Provenance = field(default_factory=lambda: Provenance.of({}))

    @property
    def seed(self) -> int | str | None:
        """The seed of the Monte Carlo draws (None without paths), as in the provenance."""
        return self.provenance.seed

    def headline(self) -> str:
        """Rows, parameters and the share reaching by the horizon."""
        reach = self.outcomes[names.REACH_YEAR]
        share = float(reach.notna().mean()) if len(reach) else float("nan")
        mc = f", {self.paths:,} paths a row (seed {self.seed})" if self.paths else ""
        return (
            f"{len(self.design):,} experiments over {', '.join(p.name for p in self.parameters)}: "
            f"{share:.1%} reach rank <= {self.scenario.threshold_rank} by {self.scenario.horizon}{mc}"
        )

    def problem(self) -> dict[str, Any]:
        """The SALib problem of the parameters (bounds known for every parameter, else an error)."""
        unknown = [p.name for p in self.parameters if p.bounds is None]
        if unknown:
            raise InputError(msg("experiments.no_bounds", names=str(unknown)), field="problem")
        return {
            "num_vars": len(self.parameters),
            "names": [p.name for p in self.parameters],
            "bounds": [list(p.bounds or ()) for p in self.parameters],
            "dists": [p.distribution or "unif" for p in self.parameters],
            "modes": [p.mode for p in self.parameters],
            "units": [p.unit for p in self.parameters],
        }

    def values(self, outcome: str) -> pd.Series:
        """One outcome per row as numbers: ``reach_year`` (``<NA>`` kept), ``reached_by_<year>``,
        ``reach_probability_<year>``, ``rank_<year>`` or ``gap_pct_<year>``."""
        name, year = names.split_year(outcome)
        if outcome in self.outcomes.columns:
            return self.outcomes[outcome]
        table = {names.RANK: self.rank, names.GAP_PCT: self.gap_pct}.get(name)
        if table is not None and year in table.columns:
            return table[year].rename(outcome)
        known = [
            *self.outcomes.columns,
            *(
                f"{n}_<year>"
                for n, t in ((names.RANK, self.rank), (names.GAP_PCT, self.gap_pct))
                if t is not None
            ),
        ]
        shown = ", ".join(map(str, known))
        unknown_outcome = msg("experiments.unknown_outcome", outcome=repr(outcome), known=shown)
        raise InputError(unknown_outcome, field="outcome")

    def to_frame(self) -> pd.DataFrame:
        """One row an experiment: the design's columns, then ``reach_year``, ``reached_by_<year>``,
        ``reach_probability_<year>`` (with paths), ``rank_<year>`` and ``gap_pct_<year>``."""
        parts = [self.design, self.outcomes]
        for name, table in ((names.RANK, self.rank), (names.GAP_PCT, self.gap_pct)):
            if table is not None:
                parts.append(table.set_axis([names.by_year(name, int(y)) for y in table.columns], axis=1))
        return pd.concat(parts, axis=1)

    def to_long(self) -> pd.DataFrame:
        """The long format (:data:`sim.names.LONG_COLUMNS`): scenario ``<name>|experiment <row>``,
        region the target (every region for ``region_rank``)."""
        sc = self.scenario
        rows = [f"{sc.name}|{names.EXPERIMENT} {i}" for i in self.design.index]
        parts = []
        reach = self.outcomes[names.REACH_YEAR].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        parts.append(
            outcome_long(names.REACH_YEAR, scenario=rows, region=sc.target_name, year=None, value=reach)
        )
        for column in self.outcomes.columns:
            name, year = names.split_year(column)
            if year is not None:
                values = self.outcomes[column].to_numpy(dtype=float)
                parts.append(
                    outcome_long(name, scenario=rows, region=sc.target_name, year=year, value=values)
                )
        for name, table in ((names.RANK, self.rank), (names.GAP_PCT, self.gap_pct)):
            if table is not None:
                years = np.asarray(table.columns, dtype=int)
                parts.append(
                    outcome_long(
                        name,
                        scenario=np.repeat(rows, years.size),
                        region=sc.target_name,
                        year=np.tile(years, len(rows)),
                        value=table.to_numpy(dtype=float),
                    )
                )
        if self.region_rank is not None:
            rr = self.region_rank
            labels = dict(zip(self.design.index, rows, strict=True))
            who = [sc.regions[c] for c in rr.columns]
            parts.append(
                outcome_long(
                    names.RANK,
                    scenario=np.repeat([labels[i] for i in rr.index.get_level_values(0)], len(who)),
                    region=np.tile(who, len(rr)),
                    year=np.repeat(rr.index.get_level_values(1), len(who)),
                    value=rr.to_numpy(dtype=float),
                )
            )
        return stack(parts)

    def to_document(self, provenance: Provenance | None = None) -> dict[str, Any]:
        """The JSON description saved beside the tables: scenario, parameters, paths, provenance."""
        return {
            "format": FORMAT,
            "kind": "ranksim experiments",
            "scenario": self.scenario.to_dict(),
            "parameters": [p.to_dict() for p in self.parameters],
            "paths": self.paths,
            "provenance": (provenance or self.provenance).to_dict(),
        }

    def save(self, path: str | Path, *, storage: Storage = "auto") -> Path:
        """Write the experiments to one zip file at ``path`` (Parquet tables when pyarrow is
        installed and ``storage`` is "auto" or "parquet", else CSV) with ``experiments.json``
        describing them; :func:`load_experiments` reads it back exactly. Returns the path.

        Label columns round-trip as they were when they hold text (missing values included);
        a label column mixing text and numbers is kept as text in CSV (Parquet refuses it: with
        "auto" the file is then written as CSV)."""
        kind = _storage(storage)
        tables = self._tables()
        try:
            blobs = {name: _table_bytes(table, kind) for name, table in tables.items()}
        except (TypeError, ValueError) as exc:  # pyarrow's ArrowTypeError / ArrowInvalid among them
            if storage != "auto":
                failed = msg("experiments.parquet_failed", reason=str(exc))
                raise InputError(failed, field="storage") from None
            kind = "csv"
            blobs = {name: _table_bytes(table, kind) for name, table in tables.items()}
        described = {n: {**_describe(t), "sha256": _digest(blobs[n])} for n, t in tables.items()}
        doc = {**self.to_document(), "storage": kind, "tables": described}
        doc["sha256"] = _document_digest(doc)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, blob in blobs.items():
                archive.writestr(f"{name}.{kind}", blob)
            archive.writestr("experiments.json", json.dumps(doc, indent=1, ensure_ascii=False))
        target = Path(path)
        if target.is_dir():
            raise InputError(msg("experiments.save_folder", path=str(target)), field="path")
        staged = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(buffer.getvalue())
            os.replace(staged, target)  # readers never see half a file
        except BaseException as exc:  # an error or Ctrl-C: no staged file is left behind
            with contextlib.suppress(OSError):  # (no folder to hold it: nothing to remove)
                staged.unlink()
            if not isinstance(exc, OSError):
                raise
            why = exc.strerror or str(exc)
            raise InputError(msg("output.cannot_write", path=target, why=why), field="path") from None
        return target

    def _tables(self) -> dict[str, pd.DataFrame]:
        tables = {
            "design": self.design,
            "outcomes": self.outcomes,
            "rank": self.rank,
            "gap_pct": self.gap_pct,
            "region_rank": self.region_rank,
        }
        return {k: v for k, v in tables.items() if v is not None}


def experiments(
    scenario: Scenario,
    design: pd.DataFrame | Mapping[str, Sequence[float]] | np.ndarray,
    *,
    problem: Mapping[str, Any] | None = None,
    modes: Mapping[str, str] | None = None,
    years: Sequence[int] | None = None,
    paths: int | None = None,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
    outcomes: Sequence[str] = DEFAULT_OUTCOMES,
    compiled: bool | None = None,
) -> Experiments:
    """Run every row of ``design`` as a variant of ``scenario`` and keep everything.

    Parameters
    ----------
    scenario : Scenario
    design : DataFrame, mapping of column -> values, or array
        One column per parameter, named by its dotted path (as :func:`sim.evaluate`); other
        columns are labels, kept. An array (a SALib sample) takes its column names from
        ``problem``.
    problem : mapping, optional
        The :func:`sim.problem` (SALib problem) the design was sampled from: names, bounds,
        distributions and modes of the parameters.
    modes : mapping of column -> "set" or "shift", optional
        Default: the problem's modes, else ``set``.
    years : sequence of int, optional
        Years of ``reached_by_<year>`` and ``reach_probability_<year>`` (default every projected year).
    paths, seed, rng : optional
        Monte Carlo paths per row (common random numbers; ``seed`` or ``rng``, one, not both;
        with neither a seed below 2**53 is drawn and recorded).
    outcomes : sequence of str
        Any of ``reach_year``, ``reached_by``, ``rank``, ``gap_pct`` (the default: all four) and
        ``region_rank`` (every region's rank every year).

    Returns
    -------
    Experiments
    """
    frame = _design_frame(design, problem)
    modes = {**_problem_modes(problem), **(modes or {})}
    wanted = _outcomes(outcomes)
    params, values = design_columns(scenario, frame, modes)
    want = _years(scenario, years)
    if paths is not None:
        check_paths(paths)
    refuse_outcome_columns(frame, _columns_added(scenario, wanted, want, paths is not None))
    settings = list(zip(params, values, strict=True))
    every = list(range(scenario.base_year, scenario.horizon + 1))
    out = evaluate_batch(scenario, settings, rank_years=every, compiled=compiled)
    index = frame.index
    table = pd.DataFrame(index=index)
    table[names.REACH_YEAR] = pd.array(
        [None if y == NEVER else int(y) for y in out.reach_year], dtype="Int64"
    )
    if names.REACHED_BY in wanted:
        for y in want:
            table[names.by_year(names.REACHED_BY, y)] = (out.reach_year != NEVER) & (out.reach_year <= y)
    used: int | str | None = None
    if paths is not None:
        generator, used = random_source(seed, rng)
        probs = probabilities(scenario, params, values, want, int(paths), generator)
        for j, y in enumerate(want):
            table[names.by_year(names.REACH_PROBABILITY, y)] = probs[:, j]
    columns = pd.Index(every, name=names.YEAR)
    return Experiments(
        scenario=_info(scenario),
        parameters=_typed(params, problem),
        design=frame,
        outcomes=table,
        rank=pd.DataFrame(out.ranks, index=index, columns=columns) if names.RANK in wanted else None,
        gap_pct=pd.DataFrame(out.gap_pct, index=index, columns=columns) if names.GAP_PCT in wanted else None,
        region_rank=_region_rank(scenario, settings, index, every) if "region_rank" in wanted else None,
        paths=int(paths) if paths is not None else None,
        provenance=scenario.provenance(seed=used),
    )


def _columns_added(scenario: Scenario, wanted: set[str], years: list[int], paths: bool) -> list[str]:
    """The columns :meth:`Experiments.to_frame` adds to the design's."""
    every = range(scenario.base_year, scenario.horizon + 1)
    added = [names.REACH_YEAR]
    added += [names.by_year(names.REACHED_BY, y) for y in years] if names.REACHED_BY in wanted else []
    added += [names.by_year(names.REACH_PROBABILITY, y) for y in years] if paths else []
    for name in (names.RANK, names.GAP_PCT):
        added += [names.by_year(name, y) for y in every] if name in wanted else []
    return added


def _design_frame(design: Any, problem: Mapping[str, Any] | None) -> pd.DataFrame:
    """The design as a DataFrame with text column labels and its index named ``experiment``."""
    if isinstance(design, np.ndarray):
        if problem is None:
            raise InputError(msg("experiments.array_needs_problem"), field="design")
        if design.ndim != 2 or design.shape[1] != len(problem["names"]):
            shape = msg("experiments.array_shape", n=len(problem["names"]), shape=str(design.shape))
            raise InputError(shape, field="design")
        frame = pd.DataFrame(design, columns=list(problem["names"]))
    elif isinstance(design, pd.DataFrame | Mapping):
        frame = pd.DataFrame(design).copy()
    else:
        raise InputError(msg("experiments.design_type", type=type(design).__name__), field="design")
    frame.columns = [str(c) for c in frame.columns]
    frame.index = frame.index.rename(names.EXPERIMENT)
    return frame


def _problem_modes(problem: Mapping[str, Any] | None) -> dict[str, str]:
    if problem is None:
        return {}
    return dict(zip(problem["names"], problem.get("modes") or ["set"] * len(problem["names"]), strict=True))


def _outcomes(outcomes: Sequence[str]) -> set[str]:
    if isinstance(outcomes, str):
        outcomes = [outcomes]
    unknown = [o for o in outcomes if o not in KNOWN_OUTCOMES]
    if unknown:
        raise InputError(
            msg("experiments.unknown_outcome", outcome=repr(unknown[0]), known=", ".join(KNOWN_OUTCOMES)),
            field="outcomes",
        )
    return set(outcomes)


def _years(scenario: Scenario, years: Sequence[int] | None) -> list[int]:
    if years is None:
        return [int(y) for y in scenario.years]
    if isinstance(years, str) or not all(isinstance(y, int | np.integer) for y in years):
        raise InputError(msg("experiments.years_whole", value=repr(years)), field="years")
    bad = [y for y in years if not scenario.base_year <= y <= scenario.horizon]
    if bad:
        first, last = scenario.base_year, scenario.horizon
        outside = msg("experiments.year_outside", year=bad[0], first=first, last=last)
        raise InputError(outside, field="years")
    return sorted({int(y) for y in years})


def _info(scenario: Scenario) -> ScenarioInfo:
    r = scenario.panel.regions
    return ScenarioInfo(
        name=scenario.name,
        target=scenario.target_code,
        target_name=r.en[scenario.target],
        threshold_rank=scenario.threshold_rank,
        base_year=scenario.base_year,
        horizon=scenario.horizon,
        regions=dict(zip(r.codes, r.en, strict=True)),
    )


def _typed(params: list[Parameter], problem: Mapping[str, Any] | None) -> tuple[ExperimentParameter, ...]:
    """Typed parameters, with bounds and distributions from ``problem`` where it names them."""
    known: dict[str, tuple[tuple[float, ...], str]] = {}
    if problem is not None:
        dists = problem.get("dists") or ["unif"] * len(problem["names"])
        for name, bounds, dist in zip(problem["names"], problem["bounds"], dists, strict=True):
            known[name] = (tuple(float(b) for b in bounds), str(dist))
    out = []
    for p in params:
        bounds, dist = known.get(p.path, (None, None))
        unit = names.PARAMETER_UNITS[(p.kind, p.mode)]
        out.append(
            ExperimentParameter(
                name=p.path, kind=p.kind, mode=p.mode, unit=unit, bounds=bounds, distribution=dist
            )
        )
    return tuple(out)


def _region_rank(
    scenario: Scenario, settings: list[tuple[Parameter, np.ndarray]], index: pd.Index, years: list[int]
) -> pd.DataFrame:
    ranks = region_ranks(scenario, settings)  # (B, T+1, N)
    b, t, n = ranks.shape
    rows = pd.MultiIndex.from_arrays(
        [np.repeat(index, t), np.tile(years, b)], names=[names.EXPERIMENT, names.YEAR]
    )
    return pd.DataFrame(
        ranks.reshape(b * t, n), index=rows, columns=pd.Index(scenario.panel.regions.codes, name=names.CODE)
    )


# --------------------------------------------------------------------------- saving and loading


def _storage(storage: Storage) -> str:
    if storage not in ("auto", "parquet", "csv"):
        raise InputError(msg("experiments.storage", value=repr(storage)), field="storage")
    try:
        import pyarrow  # noqa: F401

        have = True
    except ImportError:
        have = False
    if storage == "parquet" and not have:
        raise InputError(msg("experiments.needs_pyarrow"), field="storage")
    return "parquet" if storage != "csv" and have else "csv"


def _describe(table: pd.DataFrame) -> dict[str, Any]:
    """What a table needs to come back exactly: index and column labels and dtypes."""
    index = table.index.to_frame(index=False)
    return {
        "index_names": [n if n is None else str(n) for n in table.index.names],
        "index_dtypes": [str(d) for d in index.dtypes],
        "columns": [_label(c) for c in table.columns],
        "columns_name": table.columns.name,
        "dtypes": [str(d) for d in table.dtypes],
        # missing values of text columns by position (a CSV cell cannot tell "" from missing)
        "missing": {
            str(k): np.flatnonzero(table.iloc[:, k].isna().to_numpy()).tolist()
            for k in range(table.shape[1])
            if _is_text(table.dtypes.iloc[k]) and table.iloc[:, k].isna().any()
        },
    }


def _is_text(dtype: Any) -> bool:
    return str(dtype) in ("object", "str", "string") or isinstance(dtype, pd.StringDtype)


def _label(value: Any) -> Any:
    return int(value) if isinstance(value, int | np.integer) else str(value)


def _flat(table: pd.DataFrame) -> pd.DataFrame:
    """Index levels as columns ``i0, i1 ...`` and columns as ``c0, c1 ...`` (labels in the JSON)."""
    index = table.index.to_frame(index=False)
    index.columns = [f"i{k}" for k in range(index.shape[1])]
    body = table.reset_index(drop=True)
    body.columns = [f"c{k}" for k in range(body.shape[1])]
    return pd.concat([index, body], axis=1)


def _table_bytes(table: pd.DataFrame, kind: str) -> bytes:
    flat = _flat(table)
    if kind == "parquet":
        buffer = io.BytesIO()
        flat.to_parquet(buffer, index=False)
        return buffer.getvalue()
    return flat.to_csv(index=False, na_rep="", lineterminator="\n").encode("utf-8")


def _column(text: pd.Series, dtype: str) -> Any:
    """A CSV column read as text back to ``dtype`` exactly (floats by Python's own parser)."""
    raw = text.fillna("").astype(str).tolist()
    if dtype.startswith("float"):
        return np.array([float(x) if x != "" else np.nan for x in raw], dtype=dtype)
    if dtype in ("Int64", "Int32", "Int16", "Int8", "boolean", "Float64"):
        conv = {"boolean": lambda x: x == "True", "Float64": float}.get(dtype, int)
        return pd.array([None if x == "" else conv(x) for x in raw], dtype=dtype)  # type: ignore[call-overload]
    if dtype == "bool":
        return np.array([x == "True" for x in raw], dtype=bool)
    if dtype.startswith(("int", "uint")):
        return np.array([int(x) for x in raw], dtype=dtype)
    if dtype == "object":
        return pd.Series(raw, dtype=object)
    return pd.Series(raw).astype(dtype).array  # type: ignore[call-overload]


def _read_table(data: bytes, kind: str, spec: dict[str, Any]) -> pd.DataFrame:
    if kind == "parquet":
        flat = pd.read_parquet(io.BytesIO(data))
    else:
        flat = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_filter=False)
        dtypes = [*spec["index_dtypes"], *spec["dtypes"]]
        columns = {c: _column(flat[c], d) for c, d in zip(flat.columns, dtypes, strict=True)}
        for k, rows in spec.get("missing", {}).items():
            column = pd.Series(columns[f"c{k}"], copy=True)
            column.iloc[rows] = None
            columns[f"c{k}"] = column.array
        flat = pd.DataFrame(columns)
    k = len(spec["index_names"])
    index_cols = [flat[f"i{j}"] for j in range(k)]
    index = (
        pd.Index(index_cols[0], name=spec["index_names"][0])
        if k == 1
        else pd.MultiIndex.from_arrays(index_cols, names=spec["index_names"])
    )
    body = flat.drop(columns=[f"i{j}" for j in range(k)])
    body.index = index
    body.columns = pd.Index(spec["columns"], name=spec["columns_name"])
    return body


def load_experiments(path: str | Path) -> Experiments:
    """Read experiments written by :meth:`Experiments.save` (exactly as they were)."""
    source = Path(path)
    try:
        with zipfile.ZipFile(source) as archive:
            doc = json.loads(archive.read("experiments.json"))
            kind = doc["storage"]
            if not isinstance(doc["tables"], dict):
                raise TypeError(f"tables: a mapping expected, got {type(doc['tables']).__name__}")
            raw = {name: archive.read(f"{name}.{kind}") for name in doc["tables"]}
    except (OSError, KeyError, TypeError, zipfile.BadZipFile, json.JSONDecodeError) as exc:
        raise InputError(msg("experiments.not_saved", reason=str(exc)), file=source) from None
    if doc.get("format") != FORMAT:
        raise InputError(msg("experiments.format", found=repr(doc.get("format")), wanted=FORMAT), file=source)
    if "sha256" in doc and doc["sha256"] != _document_digest(doc):
        raise InputError(msg("experiments.changed", table="experiments.json"), file=source)
    for name, blob in raw.items():  # a table edited since it was saved is refused, not read
        wanted = doc["tables"][name].get("sha256") if isinstance(doc["tables"][name], dict) else None
        if wanted is not None and _digest(blob) != wanted:
            raise InputError(msg("experiments.changed", table=f"{name}.{kind}"), file=source)
    try:
        tables = {name: _read_table(blob, kind, doc["tables"][name]) for name, blob in raw.items()}
        return _experiments_of(doc, tables)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        damaged = msg("experiments.not_saved", reason=f"{type(exc).__name__}: {exc}")
        raise InputError(damaged, file=source) from None


def _digest(blob: bytes) -> str:
    """The sha256 a saved file keeps of each of its members."""
    return hashlib.sha256(blob).hexdigest()


def _document_digest(doc: dict[str, Any]) -> str:
    """sha256 of a saved document without its own ``sha256`` key (keys sorted: any edit shows)."""
    body = {k: v for k, v in doc.items() if k != "sha256"}
    return _digest(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _experiments_of(doc: dict[str, Any], tables: dict[str, pd.DataFrame]) -> Experiments:
    """The experiments a saved document and its tables describe (rows of the design and the
    outcomes one for one)."""
    if len(tables["design"]) != len(tables["outcomes"]):
        raise ValueError(f"{len(tables['design'])} design rows but {len(tables['outcomes'])} outcome rows")
    info = dict(doc["scenario"])
    return Experiments(
        scenario=ScenarioInfo(**info),
        parameters=tuple(
            ExperimentParameter(**{**p, "bounds": tuple(p["bounds"]) if p["bounds"] is not None else None})
            for p in doc["parameters"]
        ),
        design=tables["design"],
        outcomes=tables["outcomes"],
        rank=tables.get("rank"),
        gap_pct=tables.get("gap_pct"),
        region_rank=tables.get("region_rank"),
        paths=doc["paths"],
        provenance=Provenance.from_dict(doc["provenance"]),
    )


__all__ = ["ExperimentParameter", "Experiments", "ScenarioInfo", "experiments", "load_experiments"]
