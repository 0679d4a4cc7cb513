"""The resolved scenario: one immutable object with every path an array and every default filled.

:func:`load_scenario` reads a file (:mod:`sim.inputs.scenario_file`) and :func:`resolve`\\ s it
against its panel: national paths as arrays over the projected years ("trailing" computed),
estimation windows filled, spreads estimated, province overrides mapped to region indices,
announced targets placed, analysis settings (sweep, sensitivity, uncertainty) typed. Nothing
below this layer reads the file model again.

A variant (a backtest's re-based scenario, a solve candidate, a notebook's what-if) comes from
:meth:`Scenario.with_changes`, which changes the file model and resolves and validates it again.
"""

from __future__ import annotations

import copy
import dataclasses
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from sim._typing import BoolArray, FloatArray, IntArray
from sim.errors import InputError, Location, RanksimWarning, ScenarioError, raise_all, warn_user
from sim.inputs.panel import DEFAULT_PANEL, DEFAULT_WINDOW_YEARS, NATIONAL_CODE, Panel, Targets, load_targets
from sim.inputs.params import Parameter, grid_values, parse_outcome, parse_parameter
from sim.inputs.scenario_file import (
    NULL_IS_A_VALUE,
    Key,
    ScenarioFile,
    explained,
    panel_for,
    read_scenario_file,
    read_scenario_mapping,
    validate,
)
from sim.inputs.choices import (
    DEFAULT_CYCLE_WEIGHT,
    DEFAULT_DEFLATOR_HALF_LIFE,
    DEFAULT_DEFLATOR_MODEL,
    DeflatorModel,
)
from sim.model.growth import (
    SHARED_KINDS,
    GrowthModel,
    assemble,
    estimate_spreads,
    path_pct,
    target_shortfalls,
    targets_pct,
    trailing_mean,
)
from sim.model.population import (
    Measure,
    break_notes,
    check_population,
    measure_levels,
    population_path,
)
from sim.model.prices import RESOURCE_CODES, PriceModel, commodity_loadings, factor_group
from sim.model.prices import estimate as estimate_prices
from sim.model.record import lean_weights, record
from sim.messages import Msg, Words, msg, nation_words
from sim.provenance import Provenance
from sim.units import log_to_pct

#: Real growth written like a fraction (0 < |x| < this) draws a warning: 0.06 means 0.06 %.
FRACTION_WARNING_BELOW = 0.25
DEFAULT_HORIZON_YEARS = 16
#: Bootstrap block length (years) when a scenario sets none: chosen by backtest coverage of
#: the nominal-level bands, rolling origin (README "Honest uncertainty"; docs/calibration.py).
DEFAULT_BLOCK = 2
#: Multiplier of the spreads' sampling error when a scenario sets none (chosen the same way: 2.5
#: with the deflator spreads' own half-life and the price-cycle group's lean, whose regions draw
#: the square root of their kept share of their spreads' error; 3 with version 0.2's rules).
DEFAULT_PARAMETER_SCALE = 2.5
#: Half-life (years) of a path's drawn spread error (chosen the same way).
DEFAULT_PARAMETER_HALF_LIFE = 8.0
#: Multiplier of the yearly shocks. The rolling-origin loss prefers 0.6 (0.5 with each region's own
#: coverage in it), but 0.6 leaves the 3-year 80 % band at exactly 75 % (jump-offs 2008-2019) and
#: 0.5 the 1-year one at 73 %; 0.7 is
#: the smallest scale of the grid that keeps the 50 % and 80 % bands within 5 points at 1, 3, 5
#: and 10 years with room (53.5/79.0, 50.5/77.7, 50.5/76.3, 52.0/78.2 %: docs/track_record.py,
#: tests/test_backtest.py), the coverage the product promises.
DEFAULT_SCALE = 0.7
#: How far each region's shocks follow its own record rather than the pooled scale (chosen the
#: same way, with each region's own coverage in the loss: sim.analyses.calibration).
DEFAULT_REGION_SCALE = 0.0

PathValue = float | dict[int, float] | str  # a path as the file wrote it ("trailing" for national)


@dataclass(frozen=True, kw_only=True)
class Others:
    """How regions the scenario does not set grow (the ``others`` section, defaults filled)."""

    model: Literal["national", "spread", "targets"]
    window: tuple[int, int]
    exclude_years: tuple[int, ...]
    half_life: float | None
    window_length: int | None = None  # years of a window the scenario set; None = the default
    deflator_model: DeflatorModel = DEFAULT_DEFLATOR_MODEL
    deflator_half_life: float | None = DEFAULT_DEFLATOR_HALF_LIFE  # None: the spreads' half-life
    lean: float | None = None  # prior weight of the pooled record in each region's spread weight
    cycle_weight: float = DEFAULT_CYCLE_WEIGHT  # share of its spread the price-cycle group keeps
    target_record: bool = True
    price_speed: Literal["pooled", "by_group"] = "pooled"


@dataclass(frozen=True, kw_only=True)
class UncertaintySettings:
    """Monte Carlo shock settings (the ``uncertainty`` section, defaults filled)."""

    method: str  # a name in sim.model.shocks.METHODS
    window: tuple[int, int]
    exclude_years: tuple[int, ...]
    block: int
    scale: float
    stationary: bool = False  # random block lengths with mean `block`
    parameters: bool = True  # per-path draws of the estimated spreads
    national: bool = True  # per-path national real-growth path errors
    plan_risk: bool = True  # written paths respond to the nation and miss as the record says
    parameter_scale: float = 1.0  # multiplies the spreads' resampled sampling error
    parameter_half_life: float = 2.0  # years for a path's drawn spread error to halve
    region_scale: float = 0.0  # power of each region's own shock factor (sim.model.record)


@dataclass(frozen=True)
class SweepAxis:
    """One swept parameter: dotted path, set or shift, and its values."""

    param: str
    mode: Literal["set", "shift"]
    values: tuple[float, ...]


@dataclass(frozen=True)
class ParameterRange:
    """One sensitivity parameter: dotted path, set or shift, bounds and distribution."""

    param: str
    mode: Literal["set", "shift"]
    low: float
    high: float
    distribution: Literal["uniform", "triangular"] = "uniform"


@dataclass(frozen=True)
class SensitivitySettings:
    """Tornado and Sobol settings: outcome, parameter ranges, Sobol base sample size."""

    outcome: str
    parameters: tuple[ParameterRange, ...]
    sobol_samples: int = 1024


@dataclass(frozen=True)
class Source:
    """Where a scenario came from: file, sha256 of every file used, comments, key locations."""

    path: Path
    files: dict[str, str]
    comments: dict[str, str] = field(default_factory=dict)  # dotted key -> YAML comment
    locations: dict[str, Location] = field(default_factory=dict)  # dotted key -> file:line
    warnings: tuple[RanksimWarning, ...] = ()  # located catalogue messages; str() is the English line
    changes: tuple[tuple[str, str], ...] = ()  # (dotted key, new value) made in code, in order


@dataclass(frozen=True, kw_only=True)
class Scenario:
    """A validated scenario resolved against its panel: typed, with every default filled."""

    name: str
    description: str
    panel: Panel
    target: int  # region index
    threshold_rank: int
    base_year: int
    horizon: int
    growth: GrowthModel  # every path as arrays over base+1 .. horizon
    others: Others
    national_written: tuple[PathValue, PathValue]  # (real, deflator): the file's, over its preset's
    provinces: dict[int, tuple[PathValue | None, PathValue | None]]  # region -> (real, deflator) set
    uncertainty: UncertaintySettings
    sweep: tuple[SweepAxis, ...]
    sensitivity: SensitivitySettings | None
    targets: Targets | None
    source: Source
    prices: PriceModel | None  # the estimated deflator model (error_correction), else None
    commodity_pct: FloatArray  # (T,) commodity factor path, percentage points a year
    plans: dict[int, dict[str, Any]]  # region -> {"shift": {...}, "gdp": {...}} as written
    national_gdp: dict[int, float] | None  # preliminary national figures as written
    _data: dict[str, Any] = field(repr=False, compare=False)  # the validated file model, plain
    _locs: dict[Key, Location] = field(repr=False, compare=False, default_factory=dict)
    measure: Measure = "gdp"  # what regions are ranked by
    national_preset: str | None = None  # the named national path the scenario selects, if any
    national_source: tuple[str, ...] = ()  # per projected year: where the national path comes from

    @property
    def per_capita(self) -> bool:
        """Ranked by GDP per head (``measure: gdp_per_capita``)."""
        return self.measure == "gdp_per_capita"

    @property
    def base_levels(self) -> FloatArray:
        """The ranked levels of the base year ``(N,)``: GDP (100 million yuan) or GDP per head
        (yuan per person); the projection grows them by :attr:`Growth.measured`."""
        return measure_levels(self.panel, self.measure)[self.panel.year_index(self.base_year)]

    def history_levels(self) -> FloatArray:
        """The ranked levels of every data year, ``(year, region)``."""
        return measure_levels(self.panel, self.measure)

    @property
    def n_regions(self) -> int:
        """Number of regions in the panel."""
        return self.panel.n_regions

    @property
    def target_code(self) -> str:
        """Region code of the target."""
        return self.panel.regions.codes[self.target]

    @property
    def years(self) -> IntArray:
        """Projected years, base+1 .. horizon."""
        return self.growth.years

    @property
    def files(self) -> dict[str, str]:
        """Every input file used: path -> sha256."""
        return self.source.files

    @property
    def warnings(self) -> tuple[RanksimWarning, ...]:
        """Warnings found while loading (e.g. real growth that looks like a fraction), with file and
        line: each a :class:`~sim.errors.RanksimWarning` (``str()`` the English line ``file:line:
        field: warning: text``, :meth:`~sim.errors.RanksimWarning.render` in a language, ``.msg``
        its catalogue message)."""
        return self.source.warnings

    def where(self, dotted: str) -> dict[str, Any]:
        """``file``, ``line`` and ``field`` of a key of the scenario (``"measure"``,
        ``"others.window"``): the line that sets it, or of the nearest key containing it, else the
        file alone. For an error about the scenario as a whole (``InputError(message, **where)``)."""
        return _where(tuple(dotted.split(".")), self._locs, self.source.path)

    def with_changes(
        self, changes: Mapping[str, Any] | None = None, *, panel: Panel | None = None, rename: bool = True
    ) -> Scenario:
        """A variant of this scenario, validated and resolved again.

        Parameters
        ----------
        changes : mapping of dotted key -> value
            Keys of the scenario format, dotted as sweep and sensitivity parameters: ``"provinces.Inner
            Mongolia.real_growth"`` (percent a year), ``"national.real_growth"`` (a number or
            ``{year: percent}``), ``"horizon"``, ``"others.half_life"`` (years) ... ``None``
            removes a key. A province may be named in English, Chinese or by code.
        panel : Panel, optional
            Another panel to resolve against (a backtest's data as known at its jump-off).
        rename : bool
            Name the variant "<name> with N changes" (unless ``changes`` sets ``name``).

        The changes are recorded (``scenario.source.changes``), in the provenance and as the
        source of the changed values in the report's assumptions table. A bad value is a
        :class:`~sim.errors.ScenarioError` naming the field; warnings go through
        :func:`warnings.warn` as :class:`~sim.errors.RanksimWarning`.
        """
        if changes is not None and not isinstance(changes, Mapping):
            not_mapping = msg("scenario.changes_not_mapping", type=type(changes).__name__)
            raise ScenarioError(not_mapping, field="changes")
        data = copy.deepcopy(self._data)
        touched: list[Key] = []
        made: list[tuple[str, str]] = []
        written: dict[Key, str] = {}  # key path -> the dotted key as the caller wrote it
        for dotted, value in (changes or {}).items():
            if not isinstance(dotted, str) or not dotted.strip():
                raise ScenarioError(msg("scenario.change_key_not_text", key=repr(dotted)), field="changes")
            key = _key_of(dotted, panel or self.panel)
            _set_in(data, key, _plain(value, dotted))
            touched.append(key)
            written[key] = dotted
            removed = value is None and key not in NULL_IS_A_VALUE
            made.append((".".join(key), "removed" if removed else "null" if value is None else _shown(value)))
        if rename and made and not (changes or {}).get("name"):
            n = len(self.source.changes) + len(made)
            base = _unrenamed(self.name, len(self.source.changes))
            data["name"] = f"{base} with {n} change{'s' if n > 1 else ''}"
        # A changed key, what lies under it and what contains it have no file line any more.
        locs = {
            k: v
            for k, v in self._locs.items()
            if not any(k[: len(t)] == t or t[: len(k)] == k for t in touched)
        }
        try:
            checked = validate(data, locs, None)
        except ScenarioError as exc:
            raise _as_written(exc, written) from None
        comments = dict(self.source.comments)
        for dotted, shown in made:
            comments = {k: v for k, v in comments.items() if k != dotted and not k.startswith(dotted + ".")}
            comments[dotted] = f"changed in code: {shown}"
        source = ScenarioFile(checked, panel or self.panel, self.source.path, self.source.files, locs)
        variant = resolve(source, comments=comments, derived=True, changes=(*self.source.changes, *made))
        for warning in variant.warnings:
            if warning not in self.source.warnings:
                warn_user(warning)
        return variant

    def provenance(
        self, *, seed: int | str | None = None, command: Sequence[str] | None = None
    ) -> Provenance:
        """What produced a result of this scenario: its files, changes made in code, the seed."""
        return Provenance.of(self.files, seed=seed, command=command, changes=self.source.changes)

    def _repr_html_(self) -> str:
        """A short table for notebooks: the question, the years, the national path, what the
        scenario sets and what was changed in code."""
        import html

        r = self.panel.regions
        national = self.national_preset or "as written"
        first_years = np.round(self.growth.national_real_pct[:3], 2).tolist()
        rows = [
            ("target", f"{r.en[self.target]} {r.zh[self.target]} ({self.target_code})"),
            ("question", f"rank <= {self.threshold_rank} of {self.n_regions} by {self.measure}"),
            ("years", f"{self.base_year}-{self.horizon}"),
            ("national path", f"{national}: real growth {first_years} …"),
            ("others", f"{self.others.model}, window {self.others.window[0]}-{self.others.window[1]}, "
                       f"half-life {self.others.half_life}"),
            ("provinces set", ", ".join(r.en[i] for i in self.provinces) or "none"),
            ("changed in code", "; ".join(f"{k} = {v}" for k, v in self.source.changes) or "nothing"),
            ("file", str(self.source.path)),
        ]  # fmt: skip
        body = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td style='text-align:left'>"
                       f"{html.escape(v)}</td></tr>" for k, v in rows)  # fmt: skip
        return f"<p><b>Scenario</b> {html.escape(self.name)}</p><table>{body}</table>"

    def __repr__(self) -> str:
        r = self.panel.regions
        return (
            f"<Scenario {self.name!r}: target {r.en[self.target]} ({self.target_code}), rank <= "
            f"{self.threshold_rank} of {self.n_regions}, {self.base_year}-{self.horizon}>"
        )


def _unrenamed(name: str, changes: int) -> str:
    """The name before :meth:`Scenario.with_changes` added " with N changes" (``changes`` being
    the N of this scenario); a name that merely contains "with" is kept whole."""
    import re

    m = re.fullmatch(rf"(.+) with {changes} changes?", name) if changes else None
    return m.group(1) if m else name


def _as_written(exc: ScenarioError, written: Mapping[Key, str]) -> ScenarioError:
    """A validation error of a change, its field named as the caller wrote the key (a province
    by its name, not its code)."""
    from sim.errors import InputErrors

    errors = exc.errors if isinstance(exc, InputErrors) else (exc,)
    out: list[InputError] = []
    for err in errors:
        parts = tuple((err.field or "").split("."))
        for key, dotted in written.items():
            if parts[: len(key)] == key or key[:2] == parts[:2] and key[0] == "provinces":
                shown = dotted.split(".")[: 2] if key[0] == "provinces" else []
                parts = (*shown, *parts[len(shown):]) if shown else parts
                break
        out.append(ScenarioError(err.msg, file=err.file, line=err.line, field=".".join(parts)))
    return out[0] if len(out) == 1 else InputErrors(out)  # type: ignore[return-value]


def _key_of(dotted: str, panel: Panel) -> Key:
    """Dotted key to key path; a province given by name becomes its code."""
    parts = tuple(dotted.split("."))
    if parts[0] == "provinces" and len(parts) > 1:
        idx = panel.regions.find(parts[1])
        if idx is None:
            raise ScenarioError(
                msg("scenario.unknown_province", name=repr(parts[1]), hint=panel.regions.suggest(parts[1])),
                field=dotted,
            )
        parts = ("provinces", panel.regions.codes[idx], *parts[2:])
    return parts


def _set_in(data: dict[str, Any], key: Key, value: Any) -> None:
    node = data
    for part in key[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    if value is None and key not in NULL_IS_A_VALUE:
        node.pop(key[-1], None)
    else:
        node[key[-1]] = value


# --------------------------------------------------------------------------- loading


def load_scenario(source: str | Path | Mapping[str, Any], *, base_dir: str | Path | None = None) -> Scenario:
    """Read, merge (``extends``), validate and resolve a scenario.

    Parameters
    ----------
    source : path or mapping
        A YAML scenario file, or the same content as a mapping (``{"name": ..., "provinces":
        {"Inner Mongolia": {"real_growth": 6.0}}}``); growth in percent a year.
    base_dir : path, optional
        For a mapping: where its ``data`` and ``extends`` paths are relative to (default: the
        current directory).

    Problems are :class:`~sim.errors.ScenarioError` naming file, line (for files) and field;
    warnings go through :func:`warnings.warn` as :class:`~sim.errors.RanksimWarning`.
    """
    try:
        if isinstance(source, Mapping):
            scenario = resolve(
                read_scenario_mapping(source, Path(base_dir) if base_dir is not None else Path.cwd())
            )
        else:
            scenario = resolve(read_scenario_file(source))
    except ScenarioError as exc:
        raise explained(exc) from None
    _warn(scenario)
    return scenario


def _warn(scenario: Scenario) -> None:
    for warning in scenario.warnings:
        warnings.warn(warning, stacklevel=3)


def _plain(value: Any, field: str) -> Any:
    """A value given in code as plain data (numpy numbers become Python numbers)."""
    if isinstance(value, np.generic):
        return value.item()
    if hasattr(value, "to_dict") and hasattr(value, "index") and not isinstance(value, Mapping):
        value = value.to_dict()  # a pandas Series {year: value}
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, Mapping):
        return {k: _plain(v, field) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v, field) for v in value]
    return value


def _shown(value: Any) -> str:
    """A changed value as the assumptions table shows it."""
    if isinstance(value, Mapping):
        return ", ".join(
            f"{k}: {v:g}" if isinstance(v, float | int) else f"{k}: {v}" for k, v in value.items()
        )
    return f"{value:g}" if isinstance(value, float | int) and not isinstance(value, bool) else str(value)


def default_scenario() -> Scenario:
    """The default model on the bundled panel (Inner Mongolia, median threshold), no file needed."""
    panel = panel_for(DEFAULT_PANEL)
    data = validate({"name": "ranksim default model"}, {}, None)
    return resolve(ScenarioFile(data, panel, Path("<default>"), dict(panel.files)))


def _where(key: Key, locs: Mapping[Key, Location], path: Path | None) -> dict[str, Any]:
    """file, line and field of ``key``: the line of the key or of the nearest key containing it."""
    loc = None
    for n in range(len(key), 0, -1):
        if key[:n] in locs:
            loc = locs[key[:n]]
            break
    return {"file": loc.file if loc else path, "line": loc.line if loc else None, "field": ".".join(key)}


def _err(message: Msg | str, key: Key, locs: Mapping[Key, Location], path: Path | None) -> ScenarioError:
    """An error about ``key``, located (:func:`_where`)."""
    return ScenarioError(message, **_where(key, locs, path))


def _warning(message: Msg, key: Key, locs: Mapping[Key, Location], path: Path | None) -> RanksimWarning:
    """A warning about ``key``, located as its errors are (:func:`_where`)."""
    return RanksimWarning(message, **_where(key, locs, path))


def _message_of(exc: Exception) -> Msg | str:
    """An error's catalogue message (a library error's ``.msg``), else its text."""
    found = getattr(exc, "msg", None)
    return found if isinstance(found, Msg) else str(exc)


def resolve(
    file: ScenarioFile,
    *,
    comments: Mapping[str, str] | None = None,
    derived: bool = False,
    changes: tuple[tuple[str, str], ...] = (),
) -> Scenario:
    """Resolve a validated file model against its panel: arrays, defaults, checks, warnings.

    ``derived``: a variant made in code, whose changed fields have no file line (errors then
    name the field alone)."""
    spec, panel, locs = file.data, file.panel, file.locations
    where = None if derived else file.path

    def fail(message: Msg | str, *key: str) -> ScenarioError:
        return _err(message, key, locs, where)

    errors: list[InputError] = []

    def check(step: Any, *args: Any) -> Any:
        """Run one independent check, keeping its error with the others (reported together)."""
        try:
            return step(*args)
        except ScenarioError as exc:
            errors.append(exc)
            return None

    target = check(_target, spec, panel, fail)
    check(_preset, spec, fail)
    threshold = check(_threshold, spec, panel, fail)
    base = check(_base_year, spec, panel, fail)
    horizon = check(_horizon, spec, base, fail) if base is not None else None
    o, u = spec["others"], spec["uncertainty"]
    window = u_window = None
    if base is not None:
        window = tuple(o["window"]) if o["window"] is not None else panel.default_window(base)
        check(_check_window, window, o["exclude_years"], panel, base, fail, "others")
        u_window = tuple(u["window"]) if u["window"] is not None else (panel.first_year + 1, base)
        check(_check_window, u_window, u["exclude_years"], panel, base, fail, "uncertainty")
    raise_all(errors)
    assert window is not None and u_window is not None and horizon is not None and base is not None
    length = window[1] - window[0] + 1 if o["window"] is not None else None
    others = Others(
        model=o["model"],
        window=(int(window[0]), int(window[1])),
        exclude_years=tuple(o["exclude_years"]),
        half_life=o["half_life"],
        window_length=length,
        deflator_model=o["deflator_model"],
        deflator_half_life=o["deflator_half_life"],
        lean=o["lean"],
        cycle_weight=o["cycle_weight"],
        price_speed=o["price_speed"],
        target_record=o["target_record"],
    )
    sweep, sensitivity = _analyses(spec, panel, base, horizon, others.half_life, fail)
    provinces = {
        int(panel.regions.find(code)): (p["real_growth"], p["deflator"])  # type: ignore[arg-type]
        for code, p in spec["provinces"].items()
    }
    files = dict(file.files)
    targets = _panel_targets(panel, o["model"], fail)
    if targets is not None:
        files[str(targets.path)] = targets.sha256
    years = np.arange(base + 1, horizon + 1, dtype=np.int64)
    national = national_paths(spec["national"])
    data_years = _preset_years_with_data(spec["national"], panel, years)
    commodity = path_pct(spec["prices"]["commodity"], years)
    prices = (
        estimate_prices(panel, base, separate_speed=others.price_speed == "by_group")
        if others.deflator_model == "error_correction" and others.model != "national"
        else None
    )
    plans = _plans(spec, panel, base, years, fail)
    growth = _growth_model(
        panel, years, base, national, others, provinces, targets, prices, commodity, plans,
        spec["national"].get("gdp"), fail, data_years,
    )  # fmt: skip
    measure: Measure = spec.get("measure") or "gdp"
    census: list[RanksimWarning] = []
    if measure == "gdp_per_capita":
        growth = dataclasses.replace(growth, population=_population(spec, panel, base, years, others))
        census = [_warning(n, ("measure",), locs, file.path) for n in break_notes(panel, window)]
    notes = comments if comments is not None else {".".join(k): v for k, v in file.comments.items()}
    source = Source(
        file.path,
        files,
        dict(notes),
        {".".join(k): v for k, v in locs.items()},
        (
            *_fraction_warnings(spec, locs, where, refuse=not derived),
            *_path_year_warnings(spec, base, horizon, locs, where),
            *_plausibility(panel, growth, provinces, locs, where),
            *_pin_overrides(panel, growth, provinces, locs, where),
            *census,
        ),
        changes,
    )
    return Scenario(
        name=spec["name"],
        description=spec["description"],
        panel=panel,
        target=target,
        threshold_rank=threshold,
        base_year=base,
        horizon=horizon,
        growth=growth,
        others=others,
        national_written=national,
        provinces=provinces,
        uncertainty=_uncertainty(u, u_window),
        sweep=sweep,
        sensitivity=sensitivity,
        targets=targets,
        source=source,
        prices=prices,
        commodity_pct=commodity,
        plans={
            int(panel.regions.find(code)): {k: p[k] for k in ("shift", "gdp") if p.get(k)}  # type: ignore[arg-type]
            for code, p in spec["provinces"].items()
            if p.get("shift") or p.get("gdp")
        },
        national_gdp=spec["national"].get("gdp"),
        _data=spec,
        _locs=dict(locs),
        measure=measure,
        national_preset=spec["national"].get("preset"),
        national_source=tuple(
            "data" if d else src
            for d, src in zip(data_years, national_sources(spec["national"], years, growth.national_pinned_nominal), strict=True)
        ),
    )


def _uncertainty(u: dict[str, Any], window: tuple[int, ...]) -> UncertaintySettings:
    """The ``uncertainty`` section with its defaults filled (chosen by rolling origin: README)."""
    return UncertaintySettings(
        method=u["method"],
        window=(int(window[0]), int(window[1])),
        exclude_years=tuple(u["exclude_years"]),
        block=u["block"] if u["block"] is not None else (DEFAULT_BLOCK if u["method"] == "bootstrap" else 1),
        scale=u["scale"] if u["scale"] is not None else DEFAULT_SCALE,
        stationary=u["blocks"] == "stationary",
        parameters=u["parameters"],
        national=u["national"],
        plan_risk=u["plan_risk"],
        parameter_scale=u["parameter_scale"] if u["parameter_scale"] is not None else DEFAULT_PARAMETER_SCALE,
        parameter_half_life=(
            u["parameter_half_life"] if u["parameter_half_life"] is not None else DEFAULT_PARAMETER_HALF_LIFE
        ),
        region_scale=u["region_scale"] if u["region_scale"] is not None else DEFAULT_REGION_SCALE,
    )


def _population(spec: dict[str, Any], panel: Panel, base: int, years: IntArray, others: Others) -> FloatArray:
    """Population log growth ``(T, N)`` for ranking by GDP per head (module sim.model.population)."""
    window = (max(others.window[0], panel.first_year + 1), others.window[1])
    check_population(panel, base, window)
    own = {
        int(panel.regions.find(code)): p["population"]  # type: ignore[arg-type]
        for code, p in spec["provinces"].items()
        if p.get("population") is not None
    }
    national = spec["national"].get("population")
    return population_path(panel, years, base, window, others.exclude_years, national, own)


def _panel_targets(panel: Panel, model: str, fail: Any) -> Targets | None:
    """The panel's own announced targets for ``others.model: targets`` (its metadata's file; the
    bundled targets belong to the bundled panel only)."""
    if model != "targets":
        return None
    if panel.scope.targets is None:
        meta = f"{panel.path.stem}.meta.yaml"
        raise fail(msg("scenario.no_targets", file=panel.path.name, meta=meta), "others", "model")
    return load_targets(panel.scope.targets)


def _preset(spec: dict[str, Any], fail: Any) -> None:
    """A national preset the bundled file (data/national_paths.yaml) has."""
    from sim.inputs.presets import preset_names

    name = spec["national"].get("preset")
    if name is not None and name not in preset_names():
        unknown = msg("scenario.unknown_preset", name=repr(name), known=", ".join(preset_names()))
        raise fail(unknown, "national", "preset")


def _threshold(spec: dict[str, Any], panel: Panel, fail: Any) -> int:
    n = panel.n_regions
    threshold = spec["threshold_rank"] if spec["threshold_rank"] is not None else (n + 1) // 2
    if not 1 <= threshold <= n - 1:
        raise fail(msg("scenario.threshold_range", top=n - 1, n=n, value=threshold), "threshold_rank")
    return int(threshold)


def _base_year(spec: dict[str, Any], panel: Panel, fail: Any) -> int:
    base = spec["base_year"] if spec["base_year"] is not None else panel.last_year
    if not panel.first_year + 1 <= base <= panel.last_year:
        first, last = panel.first_year + 1, panel.last_year
        raise fail(msg("scenario.base_year_range", first=first, last=last, value=base), "base_year")
    return int(base)


def _horizon(spec: dict[str, Any], base: int, fail: Any) -> int:
    horizon = spec["horizon"] if spec["horizon"] is not None else base + DEFAULT_HORIZON_YEARS
    if horizon <= base:
        raise fail(msg("scenario.after_base_year", base=base, value=horizon), "horizon")
    if horizon > base + 100:
        raise fail(msg("scenario.horizon_too_far", value=horizon), "horizon")
    return int(horizon)


def _target(spec: dict[str, Any], panel: Panel, fail: Any) -> int:
    if spec["target"] is None:
        if not panel.is_bundled_or_vintage:
            raise fail(msg("scenario.target_required"), "target")
        target = panel.regions.find("15")
    else:
        target = panel.regions.find(spec["target"])
    if target is None:
        name = spec["target"]
        unknown = msg("scenario.unknown_target", name=repr(name), hint=panel.regions.suggest(name))
        raise fail(unknown, "target")
    return target


def national_paths(nat: Mapping[str, Any]) -> tuple[PathValue, PathValue]:
    """The national (real, deflator) paths a ``national`` section means: its preset's (if any)
    with the section's own values over them, else its own, else "trailing"."""
    from sim.inputs.presets import load_presets, merged

    preset = load_presets()[nat["preset"]] if nat.get("preset") else None
    out = []
    for key in ("real_growth", "deflator"):
        written = nat.get(key)
        if preset is not None:
            out.append(merged(getattr(preset, key), written))
        else:
            out.append(written if written is not None else "trailing")
    return out[0], out[1]


def _preset_years_with_data(nat: Mapping[str, Any], panel: Panel, years: IntArray) -> BoolArray:
    """Projected years whose national path would come from a preset but which the national data
    already has (a scenario based before the last data year): those take the data's values."""
    if not nat.get("preset"):
        return np.zeros(years.shape, dtype=bool)
    src = national_sources(nat, years, None)
    known = panel.national.years[np.isfinite(panel.national.real_growth_pct) & np.isfinite(panel.national.log_deflator)]
    return np.array([s.startswith("preset") and int(y) in set(known.tolist()) for s, y in zip(src, years, strict=True)])


def national_sources(nat: Mapping[str, Any], years: IntArray, pinned: FloatArray | None) -> tuple[str, ...]:
    """Where the national path of each projected year comes from: ``preset NAME``, ``scenario``
    (a value the scenario writes, or between two it writes), ``trailing`` or ``preliminary``."""
    from sim.inputs.presets import load_presets

    preset = nat.get("preset")
    written = nat.get("real_growth")
    out = []
    for t, year in enumerate(years.tolist()):
        if pinned is not None and np.isfinite(pinned[t]):
            out.append("preliminary")
        elif isinstance(written, dict) and preset and min(written) <= year <= max(written):
            out.append("scenario")
        elif written is not None and not preset:
            out.append("trailing" if written == "trailing" else "scenario")
        elif written is not None and not isinstance(written, dict):
            out.append("trailing" if written == "trailing" else "scenario")
        elif preset:
            p = load_presets()[preset]
            out.append(f"preset {preset} ({p.source_id})")
        else:
            out.append("trailing")
    return tuple(out)


def national_pct(
    value: PathValue, history_log: FloatArray, panel: Panel, base: int, years: IntArray
) -> FloatArray:
    """A national path in percent over ``years``; "trailing" = the 5-year mean up to ``base``."""
    if value == "trailing":
        mean = trailing_mean(history_log, panel.national.years, base)
        return np.full(years.shape, float(log_to_pct(mean)))
    return path_pct(value, years)  # type: ignore[arg-type]


def _growth_model(
    panel: Panel,
    years: IntArray,
    base: int,
    national: tuple[PathValue, PathValue],
    others: Others,
    provinces: dict[int, tuple[PathValue | None, PathValue | None]],
    targets: Targets | None,
    prices: PriceModel | None,
    commodity_pct: FloatArray,
    plans: tuple[FloatArray, FloatArray, FloatArray],
    national_gdp: dict[int, float] | None,
    fail: Any,
    data_years: BoolArray | None = None,
) -> GrowthModel:
    n = panel.n_regions
    nat = panel.national
    nat_real = national_pct(national[0], nat.log_real, panel, base, years)
    nat_defl = national_pct(national[1], nat.log_deflator, panel, base, years)
    if data_years is not None and data_years.any():  # a preset does not cover years the data has
        rows = np.searchsorted(nat.years, years[data_years])
        nat_real[data_years] = nat.real_growth_pct[rows]
        nat_defl[data_years] = np.expm1(nat.log_deflator[rows]) * 100
    grown = None
    if national_gdp:  # a preliminary national figure: nominal growth known, the deflator implied
        start = float(nat.gdp[np.searchsorted(nat.years, base)])
        grown = _pinned_growth(national_gdp, start, years, fail, ("national", "gdp"))
        known = np.isfinite(grown)
        nat_defl[known] = np.expm1(grown[known] - np.log1p(nat_real[known] / 100)) * 100
    if others.model == "national":
        spread_r, spread_d = np.zeros(n), np.zeros(n)
    else:
        spread_r, spread_d = estimate_spreads(panel, others.window, others.exclude_years)
    path_d = None
    if others.model != "national":
        spread_d, path_d = _deflator_spreads(panel, base, years, others, spread_d, prices, commodity_pct)
    base_src = "national" if others.model == "national" else "spread"
    fixed_r, fixed_d = np.full((years.size, n), np.nan), np.full((years.size, n), np.nan)
    src_r, src_d = [base_src] * n, [base_src] * n
    if targets is not None:
        fixed_r = targets_pct(targets.values, panel.regions.codes, years, NATIONAL_CODE)
        if others.target_record:
            short = target_shortfalls(targets.values, panel.regions.codes, panel.real_growth_pct, panel.years)
            fixed_r = fixed_r - short[None, :]
        src_r = ["targets" if np.isfinite(fixed_r[:, i]).any() else "spread" for i in range(n)]
    lead_r, lead_d = np.full((years.size, n), np.nan), np.full((years.size, n), np.nan)
    for i, (real, defl) in provinces.items():
        for value, fixed, lead, src in ((real, fixed_r, lead_r, src_r), (defl, fixed_d, lead_d, src_d)):
            if isinstance(value, dict) and "lead" in value:
                lead[:, i] = path_pct(value["lead"], years)  # type: ignore[index]
                src[i] = "lead"
            elif value is not None:
                fixed[:, i] = path_pct(value, years)  # type: ignore[arg-type]
                src[i] = "scenario"
    shift_r, shift_d, pinned = plans
    weight = _spread_weight(panel, base, others)
    return GrowthModel(
        years=years, base_year=base, national_real_pct=nat_real, national_deflator_pct=nat_defl,
        spread_real=spread_r, spread_deflator=spread_d, half_life=others.half_life, spread_weight=weight,
        deflator_half_life=others.deflator_half_life,
        fixed_real_pct=fixed_r, fixed_deflator_pct=fixed_d, source_real=tuple(src_r),
        source_deflator=tuple(src_d), deflator_path=path_d, lead_real_pct=lead_r,
        lead_deflator_pct=lead_d, shift_real_pct=shift_r, shift_deflator_pct=shift_d,
        pinned_nominal=pinned, national_pinned_nominal=grown,
    )  # fmt: skip


def _plans(
    spec: dict[str, Any], panel: Panel, base: int, years: IntArray, fail: Any
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Temporary shifts (pp in listed years) and preliminary GDP figures as arrays: (real shift,
    deflator shift, pinned log nominal growth, NaN where none), ``(T, N)`` each."""
    n = panel.n_regions
    shift_r, shift_d = np.zeros((years.size, n)), np.zeros((years.size, n))
    pinned = np.full((years.size, n), np.nan)
    base_gdp = panel.gdp[panel.year_index(base)]
    for code, p in spec["provinces"].items():
        i = int(panel.regions.find(code))  # type: ignore[arg-type]
        for attr, arr in (("real_growth", shift_r), ("deflator", shift_d)):
            for year, pp in ((p.get("shift") or {}).get(attr) or {}).items():
                if not years[0] <= year <= years[-1]:
                    first, last = int(years[0]), int(years[-1])
                    outside = msg("scenario.shift_year_outside", year=year, first=first, last=last)
                    raise fail(outside, "provinces", code, "shift", attr)
                arr[year - years[0], i] = pp
        gdp = p.get("gdp") or {}
        if gdp:
            pinned[:, i] = _pinned_growth(gdp, base_gdp[i], years, fail, ("provinces", code, "gdp"))
    return shift_r, shift_d, pinned


def _pinned_growth(gdp: dict[int, float], start: float, years: IntArray, fail: Any, key: Key) -> FloatArray:
    """Log nominal growth ``(T,)`` implied by preliminary levels for consecutive years from base+1."""
    want = list(range(int(years[0]), int(years[0]) + len(gdp)))
    if sorted(gdp) != want:
        raise fail(msg("scenario.preliminary_years", first=int(years[0]), years=str(sorted(gdp))), *key)
    levels = np.log(np.array([start, *(gdp[y] for y in want)]))
    out = np.full(years.size, np.nan)
    out[: len(want)] = np.diff(levels)
    return out


def _spread_weight(panel: Panel, base: int, others: Others) -> FloatArray | None:
    """Share ``(N,)`` of each region's spreads kept (None: all of them): the regions of the
    price-cycle group estimated from the data up to ``base`` (:func:`factor_group`) keep
    ``cycle_weight``, and with a ``lean`` every region keeps what its own record says helped
    (:func:`lean_weights`), the two multiplied. Without spreads (the national model) None."""
    if others.model == "national":
        return None
    weight = np.ones(panel.n_regions)
    if others.cycle_weight != 1.0:
        weight[list(factor_group(panel, base))] = others.cycle_weight
    if others.lean is not None:
        length = others.window_length or DEFAULT_WINDOW_YEARS
        rec = record(panel, base, length, others.half_life, others.deflator_model, others.exclude_years,
                     deflator_half_life=others.deflator_half_life)  # fmt: skip
        weight = weight * lean_weights(rec, others.lean)
    return None if np.all(weight == 1.0) else weight


def _deflator_spreads(
    panel: Panel,
    base: int,
    years: IntArray,
    others: Others,
    window_mean: FloatArray,
    prices: PriceModel | None,
    commodity_pct: FloatArray,
) -> tuple[FloatArray, FloatArray]:
    """(decaying spread ``(N,)``, added path ``(T, N)``) of every region's deflator over the nation.

    ``mean_spread``: the window's mean spread, decaying; ``resource_neutral``: the same for every
    region but the resource ones, whose relative prices carry nothing forward (spread 0);
    ``factor_neutral``: the same, with the group estimated from the data up to the base year
    (regions whose spread a common price factor mostly explains, :func:`factor_group`);
    ``national``: no spread; ``error_correction``: the price model's path. Every model adds each
    region's loading times the scenario's commodity path (percentage points a year)."""
    n = panel.n_regions
    spread = window_mean.copy()
    if others.deflator_model == "resource_neutral":
        codes = panel.regions.codes
        spread[[codes.index(c) for c in RESOURCE_CODES if c in codes]] = 0.0
    elif others.deflator_model == "factor_neutral":
        spread[list(factor_group(panel, base))] = 0.0
    elif others.deflator_model in ("national", "error_correction"):
        spread = np.zeros(n)
    c = commodity_pct / 100.0
    if prices is not None:
        return spread, prices.project(years.size, c)
    loading = commodity_loadings(panel, base)[0] if np.any(c) else np.zeros(n)
    return spread, np.outer(c, loading)


def _analyses(
    spec: dict[str, Any], panel: Panel, base: int, horizon: int, half_life: float | None, fail: Any
) -> tuple[tuple[SweepAxis, ...], SensitivitySettings | None]:
    """The `sweep` and `sensitivity` sections, with parameter paths and outcome checked."""
    sweep = tuple(
        SweepAxis(i["param"], i["mode"], tuple(grid_values(*i["range"]) if i["range"] else i["values"]))
        for i in spec["sweep"] or []
    )
    checks = [(a.param, a.mode, ("sweep", str(i), "param")) for i, a in enumerate(sweep)]
    sens = None
    if spec["sensitivity"] is not None:
        s = spec["sensitivity"]
        outcome = s["outcome"] or f"gap_{horizon}"
        try:
            parse_outcome(outcome, base, horizon)
        except (ValueError, InputError) as exc:
            raise fail(_message_of(exc), "sensitivity", "outcome") from None
        ranges = tuple(_range(path, r) for path, r in s["parameters"].items())
        sens = SensitivitySettings(outcome, ranges, s["sobol_samples"])
        checks += [(r.param, r.mode, ("sensitivity", "parameters", r.param)) for r in ranges]
    errors: list[InputError] = []
    for path, mode, key in checks:
        try:
            parse_parameter(panel.regions, path, mode, decays=half_life is not None)
        except InputError as exc:
            errors.append(fail(exc.msg, *key))
    raise_all(errors)
    return sweep, sens


def sensitivity_settings(scenario: Scenario, spec: Mapping[str, Any]) -> SensitivitySettings:
    """A ``sensitivity:`` section given in code (``{"outcome": "gap_pct_2030", "parameters":
    {path: [low, high] | {"shift": [low, high]}}, "sobol_samples": 1024}``), checked as a scenario
    file's section is; errors name the field (``sensitivity.parameters.<path>``)."""
    from pydantic import ValidationError

    from sim.inputs.schema import SensitivitySpec, pydantic_error

    if not isinstance(spec, Mapping):
        not_mapping = msg("scenario.sensitivity_not_mapping", type=type(spec).__name__)
        raise ScenarioError(not_mapping, field="sensitivity")
    try:
        s = SensitivitySpec.model_validate(dict(spec)).model_dump()
    except ValidationError as exc:
        raise pydantic_error(exc, {}, None, prefix=("sensitivity",)) from None
    outcome = s["outcome"] or f"gap_pct_{scenario.horizon}"
    try:
        parse_outcome(outcome, scenario.base_year, scenario.horizon)
    except (ValueError, InputError) as exc:
        raise ScenarioError(_message_of(exc), field="sensitivity.outcome") from None
    ranges = tuple(_range(path, r) for path, r in s["parameters"].items())
    for r in ranges:
        parse_parameter(scenario.panel.regions, r.param, r.mode, decays=scenario.others.half_life is not None,
                        where={"field": f"sensitivity.parameters.{r.param}"})  # fmt: skip
    return SensitivitySettings(outcome, ranges, s["sobol_samples"])


def _range(path: str, r: dict[str, Any]) -> ParameterRange:
    """A sensitivity range as validated (``set`` or ``shift`` bounds) into its resolved form."""
    mode: Literal["set", "shift"] = "set" if r["set"] is not None else "shift"
    low, high = r[mode]
    return ParameterRange(path, mode, float(low), float(high), r["distribution"])


def _check_window(
    window: tuple[int, ...], exclude: list[int], panel: Panel, base: int, fail: Any, section: str
) -> None:
    start, end = window
    if start > end:
        raise fail(msg("scenario.window_order", start=start, end=end), section, "window")
    if start < panel.first_year + 1 or end > panel.last_year:
        within = msg("scenario.window_within", first=panel.first_year + 1, last=panel.last_year)
        raise fail(within, section, "window")
    if end > base:
        raise fail(msg("scenario.window_after_base", end=end, base=base), section, "window")
    used = [y for y in range(start, end + 1) if y not in set(exclude)]
    if not used:
        raise fail(msg("scenario.window_all_excluded"), section, "exclude_years")


def _looks_like_fraction(value: Any) -> list[float]:
    values = value.values() if isinstance(value, dict) else [value]
    nums = [v for v in values if isinstance(v, float)]
    return nums if nums and all(0 < abs(v) < FRACTION_WARNING_BELOW for v in nums) else []


def _fraction_warnings(
    spec: dict[str, Any], locs: Mapping[Key, Location], path: Path | None, *, refuse: bool = True
) -> list[RanksimWarning]:
    """Real growth written like a fraction (0.06): refused when every real growth in the file
    looks like one (clearly fractions; ``refuse``), otherwise a warning naming file, line and
    field. A change made in code (``refuse=False``) is warned about, never refused."""
    items: list[tuple[Key, Any]] = [(("national", "real_growth"), spec["national"]["real_growth"])]
    items += [(("provinces", c, "real_growth"), p["real_growth"]) for c, p in spec["provinces"].items()]
    if spec["national"].get("preset"):  # the preset's national path counts as the file's (percent)
        from sim.inputs.presets import load_presets

        items.append((("national", "preset"), load_presets()[spec["national"]["preset"]].real_growth))
    items = [(k, v) for k, v in items if v is not None and v != "trailing"]
    flagged = [(k, nums) for k, v in items if (nums := _looks_like_fraction(v))]
    if not flagged:
        return []
    key, nums = flagged[0]
    pct = f"{nums[0] * 100:g}"
    if refuse and len(flagged) == len(items):
        refused = msg("scenario.fraction_refused", v=nums[0], pct=pct, below=FRACTION_WARNING_BELOW)
        raise _err(refused, key, locs, path)
    return [
        _warning(msg("scenario.fraction_read_as", v=n[0], pct=n[0] * 100), k, locs, path) for k, n in flagged
    ]


def _path_year_warnings(
    spec: dict[str, Any], first: int, last: int, locs: Mapping[Key, Location], path: Path | None
) -> list[RanksimWarning]:
    """A warning for every year of a ``{year: value}`` path (interpolated: national and province
    growth, deflator, population, a lead, commodity prices) outside the base year ``first`` to
    the horizon ``last``: such a year is legal (it sets the slope of the interpolation) but is
    most often a typo (2300 for 2030), which would change the answer without a word. Shifts
    and preliminary figures, which act in their own years only, are refused elsewhere."""
    paths: list[tuple[Key, Any]] = [(("prices", "commodity"), spec["prices"]["commodity"])]
    paths += [(("national", k), spec["national"].get(k)) for k in ("real_growth", "deflator", "population")]
    for code, p in spec["provinces"].items():
        paths += [(("provinces", code, k), p.get(k)) for k in ("real_growth", "deflator", "population")]
    out = []
    for key, value in paths:
        if isinstance(value, dict) and "lead" in value:
            key, value = (*key, "lead"), value["lead"]
        if not isinstance(value, dict):
            continue
        for year in value:
            if isinstance(year, int) and not first <= year <= last:
                said = msg("scenario.path_year_outside", year=year, first=first, last=last)
                out.append(_warning(said, (*key, str(year)), locs, path))
    return out


#: Years over which a scenario's lead over the nation is compared with history.
LEAD_YEARS = 5


def historical_leads(panel: Panel, years: int = LEAD_YEARS) -> FloatArray:
    """Every region's mean real-growth lead over the nation (points) in every run of ``years``
    consecutive years of the data, ``(windows, N)``."""
    lead = panel.real_growth_pct - panel.national.real_growth_pct[:, None]
    kernel = np.ones(years) / years
    return np.stack([np.convolve(lead[:, i], kernel, mode="valid") for i in range(lead.shape[1])], axis=1)


def _plausibility(
    panel: Panel,
    growth: GrowthModel,
    provinces: dict[int, tuple[PathValue | None, PathValue | None]],
    locs: Mapping[Key, Location],
    path: Path | None,
) -> list[RanksimWarning]:
    """Warnings for paths a planner set that history has not seen: a real-growth lead over the
    nation outside the region's own 5th-95th percentile of 5-year leads, or a deflator outside
    the range of every region's derived deflator in the data."""
    out: list[RanksimWarning] = []
    if not provinces and growth.pinned_nominal is None and growth.shift_deflator_pct is None:
        return out
    assembled = assemble(growth)
    real = np.expm1(assembled.real) * 100
    defl = np.expm1(assembled.deflator) * 100
    leads = historical_leads(panel)
    seen = np.expm1(panel.log_deflator[np.isfinite(panel.log_deflator)]) * 100
    lo_d, hi_d = float(seen.min()), float(seen.max())
    first = slice(0, min(LEAD_YEARS, growth.years.size))
    span = f"{int(growth.years[0])}-{int(growth.years[first.stop - 1])}"
    pinned: set[int] = set()
    shifted: set[int] = set()
    if growth.pinned_nominal is not None:
        pinned = {int(k) for k in np.flatnonzero(np.isfinite(growth.pinned_nominal).any(axis=0))}
    if growth.shift_deflator_pct is not None:
        shifted = {int(k) for k in np.flatnonzero(growth.shift_deflator_pct.any(axis=0))}
    provinces = {**{k: (None, None) for k in sorted(pinned | shifted)}, **provinces}
    over = nation_words(panel.scope)  # the panel's aggregate
    for i, (r, d) in provinces.items():
        code, who = panel.regions.codes[i], Words(panel.regions.en[i], panel.regions.zh[i])
        if i in pinned or i in shifted:
            d = d if d is not None else "implied"
        if r is not None:
            lead = float((real[first, i] - growth.national_real_pct[first]).mean())
            lo, hi = np.percentile(leads[:, i], [5, 95])
            if not lo <= lead <= hi:
                # enough digits that the lead and the bound it crosses never print alike
                digits = next((k for k in (1, 2, 3) if f"{lead:+.{k}f}" not in (f"{lo:+.{k}f}", f"{hi:+.{k}f}")), 4)
                shown = f"{lead:+.{digits}f}"  # Chinese: 高 1.2 above the aggregate, 低 1.2 below it
                size = Words(shown, ("低" if shown.startswith("-") else "高") + shown.lstrip("+-"))
                outside = msg(
                    "scenario.lead_outside", lead=size, over=over, span=span, who=who, n=LEAD_YEARS,
                    lo=f"{lo:+.{digits}f}", hi=f"{hi:+.{digits}f}",
                )  # fmt: skip
                out.append(_warning(outside, ("provinces", code, "real_growth"), locs, path))
        if d is not None:
            worst = float(defl[:, i][np.argmax(np.abs(defl[:, i] - (lo_d + hi_d) / 2))])
            if not lo_d <= worst <= hi_d:
                outside = msg("scenario.deflator_outside", v=worst, lo=lo_d, hi=hi_d)
                field = "deflator" if d != "implied" else ("gdp" if i in pinned else "shift")
                out.append(_warning(outside, ("provinces", code, field), locs, path))
    return out


def _pin_overrides(
    panel: Panel,
    growth: GrowthModel,
    provinces: Mapping[int, tuple[PathValue | None, PathValue | None]],
    locs: Mapping[Key, Location],
    path: Path,
) -> list[RanksimWarning]:
    """Warnings for written values a preliminary GDP figure overrides: a deflator (a number, a
    lead, or a ``{year: pct}`` path between its first and last year, or a temporary shift) in a
    year whose nominal growth a preliminary figure fixes, where the deflator is implied instead
    (nothing a scenario writes is dropped without a word)."""
    out: list[RanksimWarning] = []
    pins = growth.pinned_nominal
    if pins is not None and np.isfinite(pins).any():
        implied = log_to_pct(assemble(growth).deflator)
        for t, i in zip(*np.nonzero(np.isfinite(pins)), strict=True):
            code, year = panel.regions.codes[int(i)], int(growth.years[t])
            written = provinces.get(int(i), (None, None))[1]
            for field_, value in _written_deflator(growth, int(t), int(i), written):
                overridden = msg(
                    "scenario.pin_overrides_deflator",
                    year=year, value=value, code=code, implied=float(implied[t, i]),
                )  # fmt: skip
                out.append(_warning(overridden, ("provinces", code, field_), locs, path))
    nat = growth.national_pinned_nominal
    if nat is not None and ("national", "deflator") in locs:
        for t in np.flatnonzero(np.isfinite(nat)):
            year = int(growth.years[t])
            implied_nat = float(growth.national_deflator_pct[t])
            # "national": the scenario's section in English; the panel's aggregate (全国, 全区) in Chinese
            national = Words("national", nation_words(panel.scope).zh)
            overridden = msg(
                "scenario.pin_overrides_national", national=national, year=year, implied=implied_nat
            )
            out.append(_warning(overridden, ("national", "deflator"), locs, path))
    return out


def _written_deflator(
    growth: GrowthModel, t: int, i: int, written: PathValue | None
) -> list[tuple[str, str]]:
    """The deflator values a scenario writes for cell ``(t, i)``: (field, value as written); a
    year a ``{year: pct}`` path only extends to (flat before its first year) is not written."""
    out = []
    year = int(growth.years[t])
    path = isinstance(written, dict) and "lead" not in written
    spans = not path or min(written) <= year <= max(written)  # type: ignore[arg-type, operator]
    if spans and growth.source_deflator[i] == "scenario" and np.isfinite(growth.fixed_deflator_pct[t, i]):
        out.append(("deflator", f"{float(growth.fixed_deflator_pct[t, i]):g} %"))
    lead = growth.lead_deflator_pct
    if lead is not None and np.isfinite(lead[t, i]):
        out.append(("deflator", f"national + {float(lead[t, i]):g} points"))
    shift = growth.shift_deflator_pct
    if shift is not None and shift[t, i] != 0:
        out.append(("shift", f"{float(shift[t, i]):+g} points"))
    return out


def parameter_changes(scenario: Scenario, settings: Sequence[tuple[Parameter, float]]) -> dict[str, Any]:
    """Batch parameter settings written as scenario changes (dotted keys, provinces by code) for
    :meth:`Scenario.with_changes`: the one meaning of a parameter, shared by the batch route
    (:func:`sim.model.growth.assemble` with settings) and the file route (a saved what-if, a
    report of a variant). Tested equal route by route (tests/test_routes.py).

    ``set`` writes the value; ``shift`` on a province writes a temporary shift in every projected
    year (added to any shift already written); ``shift`` on a national path shifts every written
    value ("trailing" becomes its number); the half-life and the threshold are numbers."""
    years = [int(y) for y in scenario.years]
    out: dict[str, Any] = {}
    for p, value in settings:
        v = float(value)
        if p.kind in ("province_real", "province_defl"):
            code = scenario.panel.regions.codes[int(p.region)]  # type: ignore[arg-type]
            attr = "real_growth" if p.kind == "province_real" else "deflator"
            changed = years if p.years is None else list(range(p.years[0], p.years[1] + 1))
            if p.mode == "set" and p.years is None:
                out[f"provinces.{code}.{attr}"] = v
            elif p.mode == "set":  # the plan period at v, the own path before and after it as numbers
                key = f"provinces.{code}.{attr}"
                own = _own_path(scenario, p, settings, out.get(key))
                out[key] = {y: v if y in changed else float(own[t]) for t, y in enumerate(years)}
            else:
                key = f"provinces.{code}.shift.{attr}"
                old = out.get(key) or (scenario.plans.get(int(p.region), {}).get("shift") or {}).get(attr) or {}  # type: ignore[arg-type]
                out[key] = {**{int(y): float(x) for y, x in old.items()},
                            **{y: float(old.get(y, 0.0)) + v for y in changed}}  # fmt: skip
        elif p.kind == "province_lead":
            code = scenario.panel.regions.codes[int(p.region)]  # type: ignore[arg-type]
            out[f"provinces.{code}.real_growth"] = {"lead": v}
        elif p.kind in ("national_real", "national_defl"):
            i = 0 if p.kind == "national_real" else 1
            key = "national.real_growth" if i == 0 else "national.deflator"
            out[key] = v if p.mode == "set" else _shifted_national(scenario, i, v)
        elif p.kind == "half_life":
            out["others.half_life"] = v if p.mode == "set" else float(scenario.others.half_life) + v  # type: ignore[arg-type]
        elif p.kind == "deflator_half_life":  # set only (sim.inputs.params)
            out["others.deflator_half_life"] = v
        elif p.kind == "threshold":
            out["threshold_rank"] = int(round(v if p.mode == "set" else scenario.threshold_rank + v))
    return out


def _own_path(
    scenario: Scenario, param: Parameter, settings: Sequence[tuple[Parameter, float]], written: Any
) -> FloatArray:
    """A province's own real growth or deflator path (percent, ``(T,)``) as the batch route sees
    it before a plan-period parameter: what an earlier setting of the batch wrote, else the
    scenario's path with the batch's national paths and half-life, before temporary shifts and
    preliminary figures (which apply on top of it in both routes)."""
    if written is not None:
        return path_pct(written, scenario.years)
    model = dataclasses.replace(
        scenario.growth, shift_real_pct=None, shift_deflator_pct=None, pinned_nominal=None
    )
    moved = [(q, np.array([float(v)])) for q, v in settings if q.kind in SHARED_KINDS]
    g = assemble(model, moved)
    arr = g.real if param.kind == "province_real" else g.deflator
    return log_to_pct(arr.reshape(-1, *arr.shape[-2:])[0][:, int(param.region)])  # type: ignore[arg-type]


def _shifted_national(scenario: Scenario, i: int, pp: float) -> float | dict[int, float]:
    """The national real (``i`` 0) or deflator (1) path as written, every value shifted by ``pp``."""
    written = scenario.national_written[i]
    if isinstance(written, dict):
        return {int(y): float(v) + pp for y, v in written.items()}
    if written == "trailing":
        path = scenario.growth.national_real_pct if i == 0 else scenario.growth.national_deflator_pct
        return float(path[0]) + pp
    return float(written) + pp  # type: ignore[arg-type]
