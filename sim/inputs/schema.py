"""The scenario file format: pydantic models (validation, JSON Schema) and plain error messages.

This is the *file* model. It is read once, by :mod:`sim.inputs.scenario_file`, and resolved
into a :class:`sim.model.scenario.Scenario`; nothing below the scenario layer reads it.
"""

from __future__ import annotations

import json
import math
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

from sim.errors import InputError, InputErrors, Location, ScenarioError
from sim.inputs.fullwidth import ascii_number, with_full_width_hint
from sim.inputs.params import BadValue, grid_values
from sim.messages import Msg, Words, msg

#: Default half-life (years) of a province's spread over the nation, chosen by backtest.
DEFAULT_HALF_LIFE = 2.0
#: Default strength of the pooled prior in each region's lean toward "shares stay" (None: no
#: lean), chosen by rolling origin (docs/calibration.md; sim.model.record.lean_weights).
DEFAULT_LEAN: float | None = None
#: Default deflator rule: every region's mean price spread, fading with its own half-life (1 year),
#: the honest rule's choice among the rules that treat regions alike (docs/calibration.md,
#: "Deflator model"; sim.inputs.choices). The speed grouping of the error-correction model (not a
#: default model).
from sim.inputs.choices import (  # noqa: E402
    DEFAULT_CYCLE_WEIGHT,
    DEFAULT_DEFLATOR_HALF_LIFE,
    DEFAULT_DEFLATOR_MODEL,
    DeflatorModel,
)
DEFAULT_PRICE_SPEED: Literal["pooled"] = "pooled"

Key = tuple[str, ...]


#: Hard limit on every growth, deflator, lead and shift in a scenario file (percent or points a
#: year, either sign). The bundled panel's provinces grew between -5.4 and 19.6 % a year in real
#: terms (-5.6 and 29.9 % nominal); values beyond the plausibility warnings but within this limit
#: are allowed with a warning, values beyond it are refused (README, Scenario files).
HARD_LIMIT_PCT = 30.0

#: The units a value is written in, as messages say them.
_UNITS = {
    "percent per year": "value.unit_pct_year",
    "pp": "value.unit_pp",
    "percentage points": "value.unit_points",
    "100 million yuan": "value.unit_100m_yuan",
}


def _unit(unit: str) -> Msg:
    return msg(_UNITS[unit])


def _within_limit(number: float, unit: str) -> float:
    if abs(number) > HARD_LIMIT_PCT:
        raise BadValue(msg("value.hard_limit", limit=HARD_LIMIT_PCT, unit=_unit(unit), value=number))
    return number


def _growth_number(value: Any) -> float:
    if isinstance(value, bool) or value is None:
        raise BadValue(msg("value.number_pct_got", value=repr(value)))
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("%", "％")):  # the full-width sign typed with a Chinese input method too
            written = ascii_number(text[:-1]).strip()
            raise BadValue(msg("value.write_percent", number=written, value=repr(text)))
        raise BadValue(msg("value.number_pct_got", value=repr(text)))
    if not isinstance(value, int | float):
        raise BadValue(msg("value.number_pct_got", value=type(value).__name__))
    number = float(value)
    if not math.isfinite(number):
        raise BadValue(msg("value.finite_got", value=number))
    return _within_limit(number, "percent per year")


def _growth_path(value: Any) -> float | dict[int, float]:
    if isinstance(value, dict):
        if not value:
            raise BadValue(msg("scenario.empty_year_map"))
        return _year_map(value, "percent per year", _growth_number)
    return _growth_number(value)


def _plan_path(value: Any) -> float | dict[int, float] | dict[str, Any]:
    """A province path: a number, ``{year: value}``, or ``{lead: number or {year: value}}``
    (percentage points over the national path)."""
    if isinstance(value, dict) and "lead" in value:
        if len(value) > 1:
            extra = ", ".join(repr(k) for k in value if k != "lead")
            raise BadValue(msg("scenario.lead_alone", extra=extra))
        lead = value["lead"]
        if isinstance(lead, dict):
            return {"lead": _year_map(lead, "pp")}
        return {"lead": _number(lead, "pp")}
    return _growth_path(value)


def _number(value: Any, unit: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise BadValue(msg("value.finite_unit_got", unit=_unit(unit), value=repr(value)))
    return _within_limit(float(value), unit) if unit in ("pp", "percentage points") else float(value)


def _year_map(value: Any, unit: str, number: Any = None) -> dict[int, float]:
    """``{year: number}`` with the years sorted; ``number(value)`` checks each value (default: a
    finite number in ``unit``)."""
    if not isinstance(value, dict) or not value:
        raise BadValue(msg("scenario.write_year_map", unit=_unit(unit)))
    check = number or (lambda v: _number(v, unit))
    out: dict[int, float] = {}
    for key, val in value.items():
        try:
            year = int(str(key))
        except ValueError:
            raise BadValue(msg("value.not_year_write", value=repr(key))) from None
        try:
            out[year] = check(val)
        except ValueError as exc:
            raise BadValue(msg("value.in_year", year=year, message=message_of(exc))) from None
    return dict(sorted(out.items()))


def _levels(value: Any) -> dict[int, float]:
    out = _year_map(value, "100 million yuan")
    bad = [y for y, v in out.items() if v <= 0]
    if bad:
        raise BadValue(msg("value.in_year", year=bad[0], message=msg("scenario.gdp_positive")))
    return out


#: Hard limit on a population growth path (percent a year, either sign): the bundled panel's
#: largest yearly change outside census breaks is 5.7 %.
POPULATION_LIMIT_PCT = 10.0


def _population_path(value: Any) -> float | dict[int, float]:
    """Population growth, percent a year: a number or ``{year: value}``, within the limit."""
    path = _growth_path(value)
    values = path.values() if isinstance(path, dict) else [path]
    worst = max(values, key=abs)
    if abs(worst) > POPULATION_LIMIT_PCT:
        raise BadValue(msg("value.population_limit", limit=POPULATION_LIMIT_PCT, value=worst))
    return path


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


PopulationPath = Annotated[
    float | dict[int, float],
    BeforeValidator(_population_path),
    Field(
        description="population growth, percent per year: a number, or {year: value} interpolated "
        "linearly (e.g. {2025: -0.3}); used when measure is gdp_per_capita"
    ),
]


def _scalar(value: Any) -> Any:
    """A setting that is one number: ``true`` is not 1 and ``.inf`` is no number of years (pydantic
    would take both); anything else goes on to pydantic's own check."""
    if isinstance(value, bool):
        raise BadValue(msg("value.number_got", value=repr(value).lower()))
    if isinstance(value, float) and not math.isfinite(value):
        raise BadValue(msg("value.finite_got", value=repr(value)))
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


PlanPath = Annotated[
    float | dict[int, float] | dict[str, float | dict[int, float]],
    BeforeValidator(_plan_path),
    Field(
        description="percent per year: a number, {year: value} interpolated linearly, or "
        "{lead: pp} / {lead: {year: pp}} = the national path plus that many percentage points"
    ),
]
YearShifts = Annotated[
    dict[int, float],
    BeforeValidator(lambda v: _year_map(v, "percentage points")),
    Field(description="{year: percentage points} added in those years only"),
]
Levels = Annotated[
    dict[int, float],
    BeforeValidator(_levels),
    Field(
        description="{year: nominal GDP, 100 million yuan}: a preliminary figure the projection "
        "passes through"
    ),
]


class ShiftSpec(_Model):
    """Temporary shifts: percentage points added to a path in the listed years only."""

    real_growth: YearShifts | None = None
    deflator: YearShifts | None = None


class ProvinceSpec(_Model):
    """Paths set for one province; a missing path comes from the `others` model."""

    real_growth: PlanPath | None = None
    deflator: PlanPath | None = None
    shift: ShiftSpec | None = None
    gdp: Levels | None = None
    population: PopulationPath | None = None


class NationalSpec(_Model):
    """The national real growth and GDP deflator paths: a preset, a path of your own, or both (your
    `{year: pct}` entries replace or add to the preset's years)."""

    preset: str | None = Field(
        None,
        description="a named, sourced national path (data/national_paths.yaml): imf_weo_2026, "
        "imf_no_reform, imf_reform, official or trailing",
    )
    real_growth: NationalPath | None = Field(None, description="default: the preset's, else 'trailing'")
    deflator: NationalPath | None = Field(None, description="default: the preset's, else 'trailing'")

    gdp: Levels | None = None
    population: PopulationPath | None = Field(
        None,
        description="national population growth, percent per year; every region without its own "
        "path follows it plus its own decaying trend over the nation; default: the nation's mean "
        "in the estimation window",
    )


class OthersSpec(_Model):
    """How provinces not listed under `provinces` grow."""

    model: Literal["national", "spread", "targets"] = "spread"
    window: tuple[StrictInt, StrictInt] | None = Field(
        None,
        description="[first, last] year used to estimate spreads; default: the last 3 years up to the "
        "base year (chosen by backtest)",
    )
    exclude_years: list[StrictInt] = Field(default_factory=list)
    half_life: float | None = Field(
        DEFAULT_HALF_LIFE,
        gt=0,
        description="years for a spread to halve; null = no decay; omitted = backtest default",
    )
    lean: float | None = Field(
        DEFAULT_LEAN,
        ge=0,
        description="each region keeps the share of its spread its own record says helped (the "
        "spread model's past forecasts against what happened, from the data up to the base year; "
        "0 = none, a region whose forecasts did not help grows with the nation: its share stays); "
        "the number is the weight of the all-region record in that share (0 = its own record "
        "alone); null = keep every spread; omitted = backtest default",
    )
    cycle_weight: float = Field(
        DEFAULT_CYCLE_WEIGHT,
        ge=0,
        le=1,
        description="share of their spreads kept by the regions whose prices move with a common cycle "
        "(estimated from the data up to the base year: those whose deflator spread the first principal "
        "component of all regions' spreads mostly explains, the factor_neutral group); 1 = keep them, "
        "0 = those regions grow with the nation (their shares stay); omitted = backtest default",
    )
    deflator_model: DeflatorModel = Field(
        DEFAULT_DEFLATOR_MODEL,
        description="deflator spreads over the nation: mean_spread (the window's mean spread for every "
        "region, fading with deflator_half_life), resource_neutral (the same, but none for the coal "
        "and energy regions), factor_neutral (the same, but none for "
        "the regions whose spread a common price factor mostly explains, estimated from the data), "
        "error_correction (relative price levels return "
        "to each region's long-run level) or national (no spread); every model adds the commodity "
        "path times each region's loading",
    )
    deflator_half_life: float | None = Field(
        DEFAULT_DEFLATOR_HALF_LIFE,
        gt=0,
        description="years for a deflator spread to halve (relative prices return toward the "
        "nation's faster than real growth rates do); null = the spreads' half_life (version 0.2); "
        "omitted = backtest default",
    )
    target_record: bool = Field(
        True,
        description="model targets: subtract each region's record of missing its announced targets "
        "(mean target - actual, shrunk toward the all-region mean)",
    )
    price_speed: Literal["pooled", "by_group"] = Field(
        DEFAULT_PRICE_SPEED,
        description="error_correction: one speed of return for all regions, or one for the resource "
        "regions and one for the others",
    )

    _numbers = field_validator(
        "half_life", "lean", "cycle_weight", "deflator_half_life", mode="before"
    )(_scalar)


class PricesSpec(_Model):
    """Commodity prices: the path of the resource regions' common price factor."""

    commodity: GrowthPath = Field(
        0.0,
        description="resource regions' mean deflator spread over the nation, percentage points a "
        "year (0 = average conditions; -5 = a coal slump): a number or {year: value}",
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
    block: StrictInt | None = Field(
        None,
        ge=1,
        le=10,
        description="consecutive years per bootstrap block (mean length when stationary); "
        "default: the length chosen by backtest coverage",
    )
    blocks: Literal["fixed", "stationary"] = Field(
        "stationary", description="fixed-length blocks, or random (geometric) lengths with mean `block`"
    )
    parameters: bool = Field(
        True, description="draw the estimated spreads from their sampling distribution, once per path"
    )
    parameter_scale: float | None = Field(
        None,
        ge=0,
        le=20,
        description="multiplies the spreads' resampled sampling error (spreads also drift over time); "
        "default: the scale chosen by backtest coverage",
    )
    parameter_half_life: float | None = Field(
        None,
        gt=0,
        le=100,
        description="years for a path's drawn spread error to halve; default: chosen by backtest coverage",
    )
    national: bool = Field(
        True, description="draw the national real-growth path around the scenario's, once per path"
    )
    plan_risk: bool = Field(
        True,
        description="a written path (a rate, a lead, a target) is an intention: its outturn responds to "
        "the national path's error and misses by a persistent amount drawn from the record of targets",
    )
    scale: float | None = Field(
        None, ge=0, le=10, description="multiplies the yearly shocks; default: chosen by backtest coverage"
    )
    region_scale: float | None = Field(
        None,
        ge=0,
        le=1,
        description="how far each region's shocks are scaled by its own record (its past errors over "
        "its bands, relative to all regions'): 0 = the pooled scale for every region, 1 = its own "
        "record; default: chosen by backtest coverage",
    )

    _numbers = field_validator(
        "parameter_scale", "parameter_half_life", "scale", "region_scale", mode="before"
    )(_scalar)

    @model_validator(mode="after")
    def _block_is_for_the_bootstrap(self) -> UncertaintySpec:
        if self.block is not None and self.block != 1 and self.method != "bootstrap":
            raise BadValue(msg("scenario.block_bootstrap", method=self.method))
        return self


class SweepItem(_Model):
    """One swept parameter: a dotted path, set or shift, and a range or a list of values."""

    param: str
    mode: Literal["set", "shift"] = "set"
    range: tuple[float, float, float] | None = Field(None, description="[start, stop, step], stop included")
    values: list[float] | None = None

    @model_validator(mode="after")
    def _one_of(self) -> SweepItem:
        if (self.range is None) == (self.values is None):
            raise BadValue(msg("scenario.range_or_values"))
        if self.range is not None:
            grid_values(*self.range)
        elif not self.values:
            raise BadValue(msg("scenario.values_empty"))
        return self

    def grid(self) -> list[float]:
        """The values to sweep: ``range`` expanded (stop included) or ``values`` as given."""
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
            raise BadValue(msg("scenario.range_forms"))
        lo, hi = self.bounds
        if not lo < hi:
            raise BadValue(msg("value.low_below_high", low=lo, high=hi))
        return self

    @property
    def mode(self) -> Literal["set", "shift"]:
        """``"set"`` or ``"shift"``: whichever of the two pairs was given."""
        return "set" if self.set is not None else "shift"

    @property
    def bounds(self) -> tuple[float, float]:
        """``(low, high)`` as floats, from whichever of ``set`` / ``shift`` was given."""
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
            raise BadValue(msg("value.power_of_two", value=n, lower=lower, upper=lower * 2))
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
    measure: Literal["gdp", "gdp_per_capita"] = Field(
        "gdp",
        description="what regions are ranked by: nominal GDP, or GDP per head (GDP / year-end "
        "resident population, yuan per person)",
    )
    national: NationalSpec = Field(default_factory=NationalSpec)
    others: OthersSpec = Field(default_factory=lambda: OthersSpec())
    provinces: dict[str, ProvinceSpec] = Field(default_factory=dict)
    prices: PricesSpec = Field(default_factory=lambda: PricesSpec())
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
    """:func:`json_schema` as indented JSON text (non-ASCII kept), ending in a newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


#: Plain words for pydantic's error types (message ids, each "..., got {value}").
_PLAIN = {
    "dict_type": "value.mapping_got",
    "model_type": "value.mapping_got",
    "model_attributes_type": "value.mapping_got",
    "int_type": "value.whole_got",
    "int_parsing": "value.whole_got",
    "int_from_float": "value.whole_got",
    "float_type": "value.number_got",
    "float_parsing": "value.number_got",
    "tuple_type": "value.list_first_last_got",
    "list_type": "value.list_got",
    "string_type": "value.text_got",
}


#: pydantic's bounds (message ids, each "must be ... {bound}, got {value}").
_BOUNDS = {
    "greater_than_equal": "value.at_least_got",
    "greater_than": "value.greater_than_bound_got",
    "less_than_equal": "value.at_most_got",
    "less_than": "value.less_than_got",
    "too_long": "value.at_most_long_got",
    "too_short": "value.at_least_long_got",
}


def message_of(exc: Exception) -> Msg:
    """The message of an exception raised in a validator: its own (:class:`BadValue`), else its
    text as it is."""
    return exc.msg if isinstance(exc, BadValue) else msg("value.other", text=str(exc))


def _choices(expected: str) -> Words:
    """pydantic's list of allowed values (``'a', 'b' or 'c'``) in both languages."""
    head, sep, last = expected.rpartition(" or ")
    return Words(expected, f"{head.replace(', ', '、')} 或 {last}" if sep else expected)


def _pydantic_words(err: Any) -> Msg:
    """pydantic's own message for an error type ranksim has no words of its own for: in the
    catalogue where it has the same English text, else as pydantic wrote it."""
    ctx, text = err.get("ctx") or {}, str(err["msg"])
    candidates = {
        "literal_error": lambda: msg("value.literal", expected=_choices(str(ctx["expected"]))),
        "bool_type": lambda: msg("value.boolean"),
        "bool_parsing": lambda: msg("value.boolean_parsing"),
        "string_too_short": lambda: msg(
            "value.text_too_short" if ctx.get("min_length") == 1 else "value.text_too_short_n",
            n=ctx["min_length"],
        ),
    }
    try:
        found = candidates[err["type"]]()
    except KeyError:
        found = None
    return found if found is not None and found.render("en") == text else msg("value.other", text=text)


def _field_names() -> frozenset[str]:
    models: list[type[BaseModel]] = [
        ScenarioSpec, NationalSpec, OthersSpec, ProvinceSpec, UncertaintySpec, SweepItem,
        SensitivitySpec, RangeSpec, PricesSpec, ShiftSpec,
    ]  # fmt: skip
    return frozenset(n for m in models for n in m.model_fields)


#: Every key of the format (pydantic's union branch names, such as ``float``, are not among them).
_FIELDS = _field_names()


def pydantic_error(
    exc: ValidationError, locs: dict[Key, Location], fallback: Path | None, prefix: Key = ()
) -> ScenarioError:
    """Every validation error as one located line (file, line, dotted field, plain words): one
    :class:`ScenarioError`, or :class:`InputErrors` in line order for several. One line per field;
    a misspelt key's block does not also report the required key it misses. ``prefix``: the
    section a partial model was validated as (``("sensitivity",)``)."""
    raw: list[dict[str, Any]] = [{**e, "loc": (*prefix, *e["loc"])} for e in exc.errors()]
    misspelt = {tuple(e["loc"][:-1]) for e in raw if e["type"] == "extra_forbidden"}
    out: list[InputError] = []
    for err in raw:
        if err["type"] == "missing" and tuple(err["loc"][:-1]) in misspelt:
            continue
        one = _one_error(err, locs, fallback)
        if all(one.field != seen.field for seen in out):
            out.append(one)
    return out[0] if len(out) == 1 else InputErrors(out)  # type: ignore[return-value]


def _one_error(err: Any, locs: dict[Key, Location], fallback: Path | None) -> ScenarioError:
    """One pydantic error as a located ScenarioError."""
    keys = tuple(str(k) for k in err["loc"])
    # Drop pydantic's own branch names from union errors: keep keys the file has.
    data_keys: list[str] = []
    for i, k in enumerate(keys):
        user_key = bool(data_keys) and data_keys[-1] in ("provinces", "parameters")
        misspelt = err["type"] == "extra_forbidden" and i == len(keys) - 1  # the user's own key
        if k == "set" and data_keys and tuple(data_keys) in locs and (*data_keys, k) not in locs:
            continue  # a range written as a plain [low, high]: no "set" key in the file
        if (*data_keys, k) in locs or not data_keys or k.isdigit() or k in _FIELDS or user_key or misspelt:
            data_keys.append(k)
    loc: Location | None = None
    for n in range(len(data_keys), 0, -1):
        if tuple(data_keys[:n]) in locs:
            loc = locs[tuple(data_keys[:n])]
            break
    kind = err["type"]
    if kind == "value_error":
        cause = (err.get("ctx") or {}).get("error")
        message = (
            message_of(cause)
            if isinstance(cause, Exception)
            else msg("value.other", text=str(err["msg"]).removeprefix("Value error, "))
        )
    elif kind == "extra_forbidden":
        message = msg("value.unknown_key", key=repr(data_keys[-1]), hint=_suggest(data_keys))
    elif kind == "missing":
        message = msg("value.required")
    elif kind in _PLAIN:
        message = with_full_width_hint(msg(_PLAIN[kind], value=repr(err.get("input"))), err.get("input"))
    elif kind in _BOUNDS:
        bound = next(iter((err.get("ctx") or {}).values()), "")
        message = msg(_BOUNDS[kind], bound=bound, value=repr(err.get("input")))
    else:
        message = _pydantic_words(err)
    field_name = ".".join(data_keys)
    line = loc.line if loc else None
    if line is None and kind == "missing":
        line = 1  # a top-level field missing from the file: point at its start
    return ScenarioError(message, file=loc.file if loc else fallback, line=line, field=field_name)


def _suggest(keys: list[str]) -> Msg | str:
    import difflib

    models: list[type[BaseModel]] = [ScenarioSpec]
    if len(keys) >= 2:
        sections: dict[str, list[type[BaseModel]]] = {
            "national": [NationalSpec],
            "others": [OthersSpec],
            "provinces": [ShiftSpec] if len(keys) >= 4 and keys[2] == "shift" else [ProvinceSpec],
            "uncertainty": [UncertaintySpec],
            "sweep": [SweepItem],
            "sensitivity": [RangeSpec] if len(keys) >= 4 else [SensitivitySpec],
            "prices": [PricesSpec],
        }
        models = sections.get(keys[0], [])
    names = list(dict.fromkeys(n for m in models for n in m.model_fields))
    close = difflib.get_close_matches(keys[-1], names, n=1)
    if close:
        return msg("value.did_you_mean", name=repr(close[0]))
    return msg("value.known_keys", keys=", ".join(names)) if names else ""
