"""Scenario files: schema (pydantic), ``extends`` chains, and resolution against a panel.

A scenario is read once, here, into a frozen :class:`Scenario`. Every problem a planner
can cause is a :class:`~sim.errors.ScenarioError` naming ``file:line: field``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from sim.errors import InputError, Location, ScenarioError
from sim.inputs.panel import DEFAULT_PANEL, Panel, Targets, load_panel, load_targets, sha256_of
from sim.inputs.params import grid_values, parse_outcome, parse_parameter
from sim.inputs.yamlio import Key, YamlDoc, load_yaml

#: Real growth written like a fraction (0 < |x| < this) draws a warning: 0.06 means 0.06 %.
FRACTION_WARNING_BELOW = 0.25
DEFAULT_HORIZON_YEARS = 16
#: Default half-life (years) of a province's spread over the nation, chosen by backtest.
DEFAULT_HALF_LIFE = 3.0


# --------------------------------------------------------------------------- schema


def _growth_number(value: Any) -> float:
    if isinstance(value, bool) or value is None:
        raise ValueError(f"must be a number in percent per year, got {value!r}")
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%"):
            raise ValueError(f"write {text[:-1].strip()} (percent per year), not {text!r}")
        raise ValueError(f"must be a number in percent per year, got {text!r}")
    if not isinstance(value, int | float):
        raise ValueError(f"must be a number in percent per year, got {type(value).__name__}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"must be a finite number, got {number}")
    if number <= -100.0:
        raise ValueError(f"growth must be greater than -100 %, got {number:g}")
    return number


def _growth_path(value: Any) -> float | dict[int, float]:
    if isinstance(value, dict):
        if not value:
            raise ValueError("an empty {year: value} mapping; give at least one year")
        out: dict[int, float] = {}
        for key, val in value.items():
            try:
                year = int(str(key))
            except ValueError:
                raise ValueError(f"{key!r} is not a year; write {{2025: 5.0, 2030: 4.0}}") from None
            try:
                out[year] = _growth_number(val)
            except ValueError as exc:
                raise ValueError(f"year {year}: {exc}") from None
        return dict(sorted(out.items()))
    return _growth_number(value)


def _national_path(value: Any) -> float | dict[int, float] | str:
    if value == "trailing":
        return "trailing"
    return _growth_path(value)


GrowthPath = Annotated[
    float | dict[int, float],
    BeforeValidator(_growth_path),
    Field(description="percent per year: a number, or {year: value} interpolated linearly"),
]
NationalPath = Annotated[
    float | dict[int, float] | Literal["trailing"],
    BeforeValidator(_national_path),
    Field(description="percent per year, {year: value}, or 'trailing' (5-year mean to base year)"),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ProvinceSpec(_Model):
    """Paths set for one province; a missing path comes from the `others` model."""

    real_growth: GrowthPath | None = None
    deflator: GrowthPath | None = None


class NationalSpec(_Model):
    """The national real growth and GDP deflator paths."""

    real_growth: NationalPath = "trailing"
    deflator: NationalPath = "trailing"


class OthersSpec(_Model):
    """How provinces not listed under `provinces` grow."""

    model: Literal["national", "spread", "targets"] = "spread"
    window: tuple[StrictInt, StrictInt] | None = Field(
        None, description="[first, last] year used to estimate spreads; default: see README"
    )
    exclude_years: list[StrictInt] = Field(default_factory=list)
    half_life: float | None = Field(
        DEFAULT_HALF_LIFE,
        gt=0,
        description="years for a spread to halve; null = no decay; omitted = backtest default",
    )


class UncertaintySpec(_Model):
    """Monte Carlo shocks: resampled historical deviations (or a shrunk normal)."""

    method: Literal["bootstrap", "normal", "none"] = "bootstrap"
    window: tuple[StrictInt, StrictInt] | None = Field(
        None,
        description="[first, last] historical years whose deviations are resampled; "
        "default: first usable year to base year",
    )
    exclude_years: list[StrictInt] = Field(default_factory=list)
    block: StrictInt = Field(1, ge=1, le=10, description="consecutive years per bootstrap block")
    scale: float = Field(1.0, ge=0, le=10, description="multiplies every shock")


class SweepItem(_Model):
    """One swept parameter: a dotted path, set or shift, and a range or a list of values."""

    param: str
    mode: Literal["set", "shift"] = "set"
    range: tuple[float, float, float] | None = Field(None, description="[start, stop, step], stop included")
    values: list[float] | None = None

    @model_validator(mode="after")
    def _one_of(self) -> SweepItem:
        if (self.range is None) == (self.values is None):
            raise ValueError("give exactly one of `range: [start, stop, step]` or `values: [...]`")
        if self.range is not None:
            grid_values(*self.range)
        elif not self.values:
            raise ValueError("`values` is empty")
        return self

    def grid(self) -> list[float]:
        return grid_values(*self.range) if self.range is not None else list(self.values or [])


def _range_spec(value: Any) -> Any:
    if isinstance(value, list):
        return {"set": value}
    return value


class RangeSpec(_Model):
    """Range of one sensitivity parameter: ``[low, high]`` (set) or ``{shift: [low, high]}``."""

    set: tuple[float, float] | None = None
    shift: tuple[float, float] | None = None
    distribution: Literal["uniform", "triangular"] = "uniform"

    @model_validator(mode="after")
    def _one_of(self) -> RangeSpec:
        if (self.set is None) == (self.shift is None):
            raise ValueError("give `[low, high]`, `{set: [low, high]}` or `{shift: [low, high]}`")
        lo, hi = self.bounds
        if not lo < hi:
            raise ValueError(f"low {lo:g} must be below high {hi:g}")
        return self

    @property
    def mode(self) -> Literal["set", "shift"]:
        return "set" if self.set is not None else "shift"

    @property
    def bounds(self) -> tuple[float, float]:
        pair = self.set if self.set is not None else self.shift
        assert pair is not None
        return float(pair[0]), float(pair[1])


class SensitivitySpec(_Model):
    """Tornado and Sobol settings."""

    outcome: str | None = Field(
        None, description="reach_year | rank_<year> | gap_<year>; default gap at the horizon"
    )
    parameters: dict[str, Annotated[RangeSpec, BeforeValidator(_range_spec)]] = Field(min_length=1)
    sobol_samples: StrictInt = Field(1024, description="base sample size n; a power of two")

    @field_validator("sobol_samples")
    @classmethod
    def _power_of_two(cls, n: int) -> int:
        if n < 64 or n & (n - 1):
            lower = 1 << max(6, n.bit_length() - 1)
            raise ValueError(
                f"must be a power of two of at least 64 (Sobol sequences need it), got {n}; "
                f"try {lower} or {lower * 2}"
            )
        return n


class ScenarioSpec(_Model):
    """The scenario file format (all growth numbers are percent per year)."""

    name: str = Field(min_length=1)
    description: str = ""
    extends: str | None = None
    data: str | None = None
    target: str | StrictInt | None = None
    threshold_rank: StrictInt | None = None
    base_year: StrictInt | None = None
    horizon: StrictInt | None = None
    national: NationalSpec = Field(default_factory=NationalSpec)
    others: OthersSpec = Field(default_factory=lambda: OthersSpec())
    provinces: dict[str, ProvinceSpec] = Field(default_factory=dict)
    uncertainty: UncertaintySpec = Field(default_factory=lambda: UncertaintySpec())
    sweep: list[SweepItem] | None = Field(None, max_length=3)
    sensitivity: SensitivitySpec | None = None


def json_schema() -> dict[str, Any]:
    """JSON Schema of the scenario format (``ranksim schema``)."""
    schema = ScenarioSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ranksim scenario"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- resolved


@dataclass(frozen=True)
class Scenario:
    """A validated scenario resolved against its panel: typed, with every default filled."""

    spec: ScenarioSpec
    panel: Panel
    path: Path
    files: dict[str, str]  # every scenario and data file used -> sha256
    target: int  # region index
    threshold_rank: int
    base_year: int
    horizon: int
    window: tuple[int, int]
    exclude_years: tuple[int, ...]
    half_life: float | None
    provinces: dict[int, ProvinceSpec]  # region index -> paths set for it
    comments: dict[str, str] = field(default_factory=dict)  # dotted key -> YAML comment
    locations: dict[str, Location] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    targets: Targets | None = None
    uncertainty_window: tuple[int, int] = (0, 0)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def n_regions(self) -> int:
        return self.panel.n_regions

    @property
    def target_code(self) -> str:
        return self.panel.regions.codes[self.target]

    def replace(self, **changes: Any) -> Scenario:
        """A copy with some fields changed (scenarios are immutable)."""
        from dataclasses import replace

        return replace(self, **changes)


# --------------------------------------------------------------------------- loading


def _chain(path: Path) -> list[YamlDoc]:
    """The file and its `extends` ancestors, root first; cycles and missing files are errors."""
    docs: list[YamlDoc] = []
    seen: list[Path] = []
    current, origin = path, None
    while True:
        resolved = current.resolve()
        if resolved in seen:
            cycle = " -> ".join(p.name for p in [*seen, resolved])
            assert origin is not None
            raise ScenarioError(
                f"extends cycle: {cycle}",
                file=origin.path,
                line=origin.lines.get(("extends",)),
                field="extends",
            )
        if origin is not None and not current.is_file():
            raise ScenarioError(
                f"extended file not found: {current}",
                file=origin.path,
                line=origin.lines.get(("extends",)),
                field="extends",
            )
        doc = load_yaml(current)
        docs.append(doc)
        seen.append(resolved)
        parent = doc.data.get("extends")
        if parent is None:
            return docs[::-1]
        if not isinstance(parent, str) or not parent.strip():
            raise ScenarioError(
                "must be a relative path to another scenario file",
                file=doc.path,
                line=doc.lines.get(("extends",)),
                field="extends",
            )
        current, origin = current.parent / parent, doc


def _deep_merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


@lru_cache(maxsize=16)
def _cached_panel(path: str, mtime_ns: int, size: int) -> Panel:
    return load_panel(Path(path))


def panel_for(path: Path) -> Panel:
    """Load a panel, reusing an already validated copy of an unchanged file."""
    stat = path.stat() if path.is_file() else None
    if stat is None:
        return load_panel(path)  # raises the not-found error
    return _cached_panel(str(path), stat.st_mtime_ns, stat.st_size)


def _data_path(docs: list[YamlDoc]) -> tuple[Path, Location | None]:
    for doc in reversed(docs):
        if "data" in doc.data:
            value = doc.data["data"]
            loc = doc.loc(("data",))
            if not isinstance(value, str) or not value.strip():
                raise ScenarioError(
                    "must be a path to a panel CSV file", file=loc.file, line=loc.line, field="data"
                )
            path = doc.path.parent / value
            if not path.is_file():
                raise ScenarioError(
                    f"data file not found: {path}", file=loc.file, line=loc.line, field="data"
                )
            return path, loc
    return DEFAULT_PANEL, None


def _merge_provinces(
    docs: list[YamlDoc],
    panel: Panel,
    locs: dict[Key, Location],
    comments: dict[Key, str],
    written: dict[str, str],
) -> dict[str, Any]:
    """Merge `provinces` blocks of the chain by region identity (code), not by key text."""
    merged: dict[str, Any] = {}
    for doc in docs:
        block = doc.data.get("provinces")
        if block is None:
            continue
        if not isinstance(block, dict):
            loc = doc.loc(("provinces",))
            raise ScenarioError(
                "must be a mapping of province name to {real_growth, deflator}",
                file=loc.file,
                line=loc.line,
                field="provinces",
            )
        names: dict[int, str] = {}
        for name, value in block.items():
            loc = doc.loc(("provinces", name))
            idx = panel.regions.find(name)
            if idx is None:
                raise ScenarioError(
                    f"unknown province {name!r} (use an English or Chinese name or a code; "
                    "`ranksim data` lists them)",
                    file=loc.file,
                    line=loc.line,
                    field=f"provinces.{name}",
                )
            if idx in names:
                raise ScenarioError(
                    f"{name!r} and {names[idx]!r} are the same province; give it once",
                    file=loc.file,
                    line=loc.line,
                    field=f"provinces.{name}",
                )
            names[idx] = name
            code = panel.regions.codes[idx]
            written[code] = name
            for key, line in doc.lines.items():
                if key[:2] == ("provinces", name):
                    locs[("provinces", code, *key[2:])] = Location(str(doc.path), line)
            for key, note in doc.comments.items():
                if key[:2] == ("provinces", name):
                    comments[("provinces", code, *key[2:])] = note
            prev = merged.get(code)
            merged[code] = (
                _deep_merge(prev, value) if isinstance(prev, dict) and isinstance(value, dict) else value
            )
    return merged


#: Plain words for pydantic's error types.
_PLAIN = {
    "dict_type": "must be a mapping of `key: value` lines",
    "model_type": "must be a mapping of `key: value` lines",
    "model_attributes_type": "must be a mapping of `key: value` lines",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "tuple_type": "must be a list like [first, last]",
    "list_type": "must be a list",
    "string_type": "must be text",
}


_BOUNDS = {
    "greater_than_equal": "at least",
    "greater_than": "greater than",
    "less_than_equal": "at most",
    "less_than": "less than",
    "too_long": "at most as long as",
    "too_short": "at least as long as",
}


def _pydantic_error(exc: ValidationError, locs: dict[Key, Location], fallback: Path) -> ScenarioError:
    # A misspelt key also makes a required one "missing": report the misspelling first.
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    err = errors[0]
    keys = tuple(str(k) for k in err["loc"])
    # Drop pydantic's own branch names from union errors: keep keys the file has.
    data_keys: list[str] = []
    for k in keys:
        if (*data_keys, k) in locs or not data_keys or k.isdigit():
            data_keys.append(k)
    loc: Location | None = None
    for n in range(len(data_keys), 0, -1):
        if tuple(data_keys[:n]) in locs:
            loc = locs[tuple(data_keys[:n])]
            break
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        msg = f"unknown key {data_keys[-1]!r}" + _suggest(data_keys)
    elif err["type"] == "missing":
        msg = "required field is missing"
    elif err["type"] in _PLAIN:
        msg = f"{_PLAIN[err['type']]}, got {err.get('input')!r}"
    elif err["type"] in _BOUNDS:
        ctx = err.get("ctx", {})
        bound = next(iter(ctx.values()), "")
        msg = f"must be {_BOUNDS[err['type']]} {bound}, got {err.get('input')!r}"
    field_name = ".".join(data_keys)
    line = loc.line if loc else None
    if line is None and err["type"] == "missing":
        line = 1  # a top-level field missing from the file: point at its start
    return ScenarioError(msg, file=loc.file if loc else fallback, line=line, field=field_name)


def _suggest(keys: list[str]) -> str:
    import difflib

    models: list[type[BaseModel]] = [ScenarioSpec]
    if len(keys) >= 2:
        sections: dict[str, list[type[BaseModel]]] = {
            "national": [NationalSpec],
            "others": [OthersSpec],
            "provinces": [ProvinceSpec],
            "uncertainty": [UncertaintySpec],
            "sweep": [SweepItem],
            "sensitivity": [SensitivitySpec, RangeSpec],
        }
        models = sections.get(keys[0], [])
    names = [n for m in models for n in m.model_fields]
    close = difflib.get_close_matches(keys[-1], names, n=1)
    return (
        f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(names)})" if names else ""
    )


def load_scenario(path: str | Path) -> Scenario:
    """Read, merge (``extends``), validate and resolve a scenario file."""
    path = Path(path)
    docs = _chain(path)
    locs: dict[Key, Location] = {}
    comments: dict[Key, str] = {}
    merged: dict[str, Any] = {}
    for doc in docs:
        body = {k: v for k, v in doc.data.items() if k not in ("provinces", "extends")}
        merged = _deep_merge(merged, body)
        for key, line in doc.lines.items():
            if key[0] != "provinces":
                locs[key] = Location(str(doc.path), line)
        comments.update({k: v for k, v in doc.comments.items() if k[0] != "provinces"})
    data_path, _ = _data_path(docs)
    panel = panel_for(data_path)
    written: dict[str, str] = {}
    merged["provinces"] = _merge_provinces(docs, panel, locs, comments, written)
    try:
        spec = ScenarioSpec.model_validate(merged)
    except ValidationError as exc:
        err = _pydantic_error(exc, locs, path)
        parts = (err.field or "").split(".")
        if len(parts) > 1 and parts[0] == "provinces" and parts[1] in written:
            parts[1] = written[parts[1]]  # name the province as the file wrote it
        raise ScenarioError(err.message, file=err.file, line=err.line, field=".".join(parts)) from None
    return _resolve(spec, panel, path, docs, locs, comments)


def default_scenario() -> Scenario:
    """The default model on the bundled panel (Inner Mongolia, median threshold), no file needed."""
    spec = ScenarioSpec.model_validate({"name": "ranksim default model"})
    return _resolve(spec, panel_for(DEFAULT_PANEL), Path("<default>"), [], {}, {})


def _err(msg: str, key: Key, locs: dict[Key, Location], path: Path) -> ScenarioError:
    loc = None
    for n in range(len(key), 0, -1):
        if key[:n] in locs:
            loc = locs[key[:n]]
            break
    return ScenarioError(
        msg, file=loc.file if loc else path, line=loc.line if loc else None, field=".".join(key)
    )


def _resolve(
    spec: ScenarioSpec,
    panel: Panel,
    path: Path,
    docs: list[YamlDoc],
    locs: dict[Key, Location],
    comments: dict[Key, str],
) -> Scenario:
    regions = panel.regions
    n = panel.n_regions

    def fail(msg: str, *key: str) -> ScenarioError:
        return _err(msg, key, locs, path)

    if spec.target is None:
        if panel.path.resolve() != DEFAULT_PANEL.resolve():
            raise fail("required for a panel other than the bundled one", "target")
        target = regions.find("15")
    else:
        target = regions.find(spec.target)
    if target is None:
        raise fail(f"unknown province {spec.target!r} (use an English or Chinese name or a code)", "target")
    threshold = spec.threshold_rank if spec.threshold_rank is not None else (n + 1) // 2
    if not 1 <= threshold <= n - 1:
        raise fail(
            f"must be between 1 and {n - 1} for a panel of {n} regions, got {threshold}", "threshold_rank"
        )
    base = spec.base_year if spec.base_year is not None else panel.last_year
    if not panel.first_year + 1 <= base <= panel.last_year:
        raise fail(
            f"must be within the data, {panel.first_year + 1}-{panel.last_year}; got {base}", "base_year"
        )
    horizon = spec.horizon if spec.horizon is not None else base + DEFAULT_HORIZON_YEARS
    if horizon <= base:
        raise fail(f"must be after the base year {base}, got {horizon}", "horizon")
    if horizon > base + 100:
        raise fail(f"at most 100 years after the base year, got {horizon}", "horizon")
    window = tuple(spec.others.window) if spec.others.window is not None else panel.default_window(base)
    _check_window(window, spec.others.exclude_years, panel, base, fail, "others")
    half_life = spec.others.half_life
    u = spec.uncertainty
    u_window = tuple(u.window) if u.window is not None else (panel.first_year + 1, base)
    _check_window(u_window, u.exclude_years, panel, base, fail, "uncertainty")
    _check_analyses(spec, panel, base, horizon, half_life, fail)
    provinces = {regions.find(code): p for code, p in spec.provinces.items()}
    files = {str(d.path): sha256_of(d.path) for d in docs} | panel.files
    targets = load_targets() if spec.others.model == "targets" else None
    if targets is not None:
        files[str(targets.path)] = targets.sha256
    return Scenario(
        spec=spec,
        panel=panel,
        path=path,
        files=files,
        target=target,
        threshold_rank=threshold,
        base_year=base,
        horizon=horizon,
        window=(int(window[0]), int(window[1])),
        exclude_years=tuple(spec.others.exclude_years),
        half_life=half_life,
        provinces={k: v for k, v in provinces.items() if k is not None},
        comments={".".join(k): v for k, v in comments.items()},
        locations={".".join(k): v for k, v in locs.items()},
        warnings=tuple(_fraction_warnings(spec, locs, path, panel)),
        targets=targets,
        uncertainty_window=(int(u_window[0]), int(u_window[1])),
    )


def _check_analyses(
    spec: ScenarioSpec, panel: Panel, base: int, horizon: int, half_life: float | None, fail: Any
) -> None:
    """Parameter paths of `sweep` and `sensitivity` and the outcome name, checked at load time."""
    checks: list[tuple[str, str, tuple[str, ...]]] = []
    for i, item in enumerate(spec.sweep or []):
        checks.append((item.param, item.mode, ("sweep", str(i), "param")))
    if spec.sensitivity is not None:
        for path, rng in spec.sensitivity.parameters.items():
            checks.append((path, rng.mode, ("sensitivity", "parameters", path)))
        if spec.sensitivity.outcome is not None:
            try:
                parse_outcome(spec.sensitivity.outcome, base, horizon)
            except ValueError as exc:
                raise fail(str(exc), "sensitivity", "outcome") from None
    for path, mode, key in checks:
        try:
            parse_parameter(panel.regions, path, mode, decays=half_life is not None)
        except InputError as exc:
            raise fail(exc.message, *key) from None


def _check_window(
    window: tuple[int, ...], exclude: list[int], panel: Panel, base: int, fail: Any, section: str
) -> None:
    start, end = window
    if start > end:
        raise fail(f"years out of order: [{start}, {end}]; write [first, last]", section, "window")
    if start < panel.first_year + 1 or end > panel.last_year:
        raise fail(
            f"must lie within {panel.first_year + 1}-{panel.last_year} (growth needs a previous year)",
            section,
            "window",
        )
    if end > base:
        raise fail(
            f"ends in {end}, after the base year {base}: that would use future data", section, "window"
        )
    used = [y for y in range(start, end + 1) if y not in set(exclude)]
    if not used:
        raise fail("every year of the window is excluded", section, "exclude_years")


def _looks_like_fraction(value: Any) -> list[float]:
    values = value.values() if isinstance(value, dict) else [value]
    nums = [v for v in values if isinstance(v, float)]
    return nums if nums and all(0 < abs(v) < FRACTION_WARNING_BELOW for v in nums) else []


def _fraction_warnings(spec: ScenarioSpec, locs: dict[Key, Location], path: Path, panel: Panel) -> list[str]:
    """Real growth written like a fraction (0.06): refused when every real growth in the file
    looks like one (clearly fractions), otherwise a warning naming file, line and field."""
    items: list[tuple[Key, Any]] = [(("national", "real_growth"), spec.national.real_growth)]
    items += [(("provinces", c, "real_growth"), p.real_growth) for c, p in spec.provinces.items()]
    items = [(k, v) for k, v in items if v is not None and v != "trailing"]
    flagged = [(k, nums) for k, v in items if (nums := _looks_like_fraction(v))]
    if not flagged:
        return []
    key, nums = flagged[0]
    pct = f"{nums[0] * 100:g}"
    if len(flagged) == len(items):
        raise _err(
            f"{nums[0]:g} looks like a fraction; growth is in percent per year, so write {pct} for {pct} % "
            f"(values below {FRACTION_WARNING_BELOW:g} everywhere are refused as ambiguous)",
            key,
            locs,
            path,
        )
    return [
        str(
            _err(
                f"warning: {n[0]:g} is read as {n[0]:g} % a year; if you meant {n[0] * 100:g} %, "
                f"write {n[0] * 100:g}",
                k,
                locs,
                path,
            )
        )
        for k, n in flagged
    ]
