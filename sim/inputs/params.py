"""Scenario parameters for sweeps, sensitivity and solving: dotted paths into a scenario.

``provinces.Inner Mongolia.real_growth`` (province by English or Chinese name or code),
``provinces.15.deflator``, ``provinces.15.lead`` (a constant lead over the national path,
points), ``national.real_growth``, ``national.deflator``, ``others.half_life``,
``others.deflator_half_life`` (set only), ``threshold_rank``. Mode ``set`` replaces the value by
a constant; ``shift`` adds percentage points to every year of a path (or to the number).

A province's real growth or deflator may be limited to a range of years, a plan period:
``provinces.Inner Mongolia.real_growth.2026-2030`` sets (or shifts) those years only and leaves
the scenario's own path before and after them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sim.errors import InputError, warn_user
from sim.inputs.panel import Regions
from sim.inputs.scope import Scope
from sim.messages import Msg, Words, msg

Mode = Literal["set", "shift"]
Kind = Literal[
    "province_real",
    "province_defl",
    "province_lead",
    "national_real",
    "national_defl",
    "half_life",
    "deflator_half_life",
    "threshold",
]
#: The parameter paths there are (named when a path is unknown).
KNOWN_PATHS = (
    "provinces.<name>.real_growth|deflator|lead, provinces.<name>.real_growth.FIRST-LAST, "
    "national.real_growth|deflator, others.half_life, others.deflator_half_life, threshold_rank"
)


class BadValue(ValueError):
    """A ValueError that carries its catalogue message (:attr:`msg`; ``str()`` is the English
    text): raised where the caller expects a ValueError (a pydantic validator, a parser), so the
    message can still be shown in the caller's language."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render("en"))
        self.msg = message


@dataclass(frozen=True)
class Parameter:
    """A resolved scenario parameter: what it changes and how (set a constant / shift by points)."""

    path: str
    mode: Mode
    kind: Kind
    region: int | None = None
    years: tuple[int, int] | None = None  # first and last year changed (a plan period); None: every year

    @property
    def key(self) -> str:
        """The path, plus " (shift)" in shift mode: tells a set and a shift of one path apart."""
        return self.path if self.mode == "set" else f"{self.path} (shift)"


_ATTR = {"real_growth": "real", "deflator": "defl", "lead": "lead"}


def parse_parameter(
    regions: Regions,
    path: str,
    mode: str,
    *,
    decays: bool = True,
    where: dict[str, object] | None = None,
    scope: Scope | None = None,
) -> Parameter:
    """Resolve a dotted path (province segments by English, Chinese name or code).

    ``decays`` says whether the scenario's spreads decay (a half-life can only be shifted then);
    ``where`` (file, line, field) locates errors; ``scope``: the panel's, whose aggregate the
    Chinese messages name (全国 by default).
    """
    where = where or {}
    text = path.strip()

    def fail(message: Msg) -> InputError:
        return InputError(message, **where)  # type: ignore[arg-type]

    if mode not in ("set", "shift"):
        raise fail(msg("param.mode", mode=repr(mode)))
    m = re.fullmatch(r"provinces\.(.+?)\.(\w+)(?:\.(\d{4})\s*[-:]\s*(\d{4}))?", text)
    if m:
        name, attr = m.group(1), m.group(2)
        years = (int(m.group(3)), int(m.group(4))) if m.group(3) else None
        region = regions.find(name)
        if region is None:
            hint = regions.suggest(name)
            raise fail(msg("param.unknown_province", name=repr(name), path=repr(text), hint=hint))
        if attr not in _ATTR:
            raise fail(msg("param.province_attr", path=repr(text), attr=repr(attr)))
        if attr == "lead" and mode != "set":
            national = Words("national", scope.aggregate_zh if scope is not None else "全国")
            raise fail(msg("param.lead_set", path=repr(text), national=national))
        if years is not None and (attr == "lead" or years[1] < years[0]):
            why = msg("param.lead_every_year") if attr == "lead" else msg("param.years_out_of_order")
            raise fail(msg("param.write_years", path=repr(text), why=why))
        kind: Kind = {"real_growth": "province_real", "deflator": "province_defl", "lead": "province_lead"}[attr]  # type: ignore[assignment]
        return Parameter(text, mode, kind, region, years)  # type: ignore[arg-type]
    simple: dict[str, Kind] = {
        "national.real_growth": "national_real",
        "national.deflator": "national_defl",
        "others.half_life": "half_life",
        "others.deflator_half_life": "deflator_half_life",
        "threshold_rank": "threshold",
    }
    if text in simple:
        if text == "others.half_life" and mode == "shift" and not decays:
            raise fail(msg("param.half_life_shift"))
        if text == "others.deflator_half_life" and mode == "shift":
            raise fail(msg("param.deflator_half_life_set"))
        return Parameter(text, mode, simple[text])  # type: ignore[arg-type]
    if text.startswith("uncertainty."):
        raise fail(msg("param.monte_carlo_only", path=repr(text)))
    raise fail(msg("value.unknown_parameter", path=repr(text), known=KNOWN_PATHS))


def parse_outcome(text: str, base_year: int, horizon: int) -> tuple[str, int | None]:
    """``reach_year`` -> ("reach_year", None); ``rank_2030`` -> ("rank", 2030); ``gap_pct_2030``
    (the column name of every result; ``gap_2030`` as scenario files have written it) -> ("gap", 2030).
    Anything else is a :class:`BadValue` (a ValueError with its message)."""
    if text == "reach_year":
        return "reach_year", None
    m = re.fullmatch(r"(rank|gap)(?:_pct)?_(\d{4})", text.strip())
    if not m:
        raise BadValue(msg("param.unknown_outcome", outcome=repr(text)))
    year = int(m.group(2))
    if not base_year <= year <= horizon:
        raise BadValue(msg("param.outcome_year", year=year, first=base_year, last=horizon))
    return m.group(1), year


def grid_values(start: float, stop: float, step: float) -> list[float]:
    """START:STOP:STEP inclusive of STOP when the steps land on it (to 1e-9 of a step); a
    :class:`BadValue` (a ValueError with its message) for a grid that cannot be made."""
    if step <= 0:
        raise BadValue(msg("value.step_positive", step=step))
    if stop < start:
        raise BadValue(msg("value.stop_below_start", stop=stop, start=start))
    count = int((stop - start) / step + 1e-9) + 1
    if count > 100_001:
        raise BadValue(msg("value.too_many_values", count=count))
    return [round(start + i * step, 10) for i in range(count)]


#: Set growth values all below this in absolute value look like fractions (0.06 for 6 %).
FRACTION_BELOW = 0.25


def warn_if_fractions(param: Parameter, values: Sequence[float], field: str) -> None:
    """Warn (:class:`~sim.errors.RanksimWarning`) when every value set for a growth parameter
    looks like a fraction: ``0.06`` is read as 0.06 % a year, not 6 %."""
    if param.mode != "set" or param.kind not in ("province_real", "national_real"):
        return
    if values and all(0 < abs(float(v)) < FRACTION_BELOW for v in values):
        v = float(values[0])
        warn_user(msg("param.fraction", field=field, value=v, meant=v * 100))
