"""Scenario parameters for sweeps, sensitivity and solving: dotted paths into a scenario.

``provinces.Inner Mongolia.real_growth`` (province by English or Chinese name or code),
``provinces.15.deflator``, ``provinces.15.lead`` (a constant lead over the national path, points), ``national.real_growth``, ``national.deflator``,
``others.half_life``, ``threshold_rank``. Mode ``set`` replaces the value by a constant;
``shift`` adds percentage points to every year of a path (or to the number).

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

Mode = Literal["set", "shift"]
Kind = Literal[
    "province_real", "province_defl", "province_lead", "national_real", "national_defl", "half_life", "threshold"
]
OUTCOME_FORMS = "reach_year, rank_<year> or gap_pct_<year> (also written gap_<year>)"


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
    regions: Regions, path: str, mode: str, *, decays: bool = True, where: dict[str, object] | None = None
) -> Parameter:
    """Resolve a dotted path (province segments by English, Chinese name or code).

    ``decays`` says whether the scenario's spreads decay (a half-life can only be shifted then);
    ``where`` (file, line, field) locates errors.
    """
    where = where or {}
    text = path.strip()

    def fail(msg: str) -> InputError:
        return InputError(msg, **where)  # type: ignore[arg-type]

    if mode not in ("set", "shift"):
        raise fail(f"mode must be 'set' or 'shift', got {mode!r}")
    m = re.fullmatch(r"provinces\.(.+?)\.(\w+)(?:\.(\d{4})\s*[-:]\s*(\d{4}))?", text)
    if m:
        name, attr = m.group(1), m.group(2)
        years = (int(m.group(3)), int(m.group(4))) if m.group(3) else None
        region = regions.find(name)
        if region is None:
            raise fail(f"unknown province {name!r} in parameter {text!r}{regions.suggest(name)}")
        if attr not in _ATTR:
            raise fail(f"{text!r}: a province has real_growth, deflator and lead, not {attr!r}")
        if attr == "lead" and mode != "set":
            raise fail(f"{text!r}: a lead is set (points over the national path); shift real_growth instead")
        if years is not None and (attr == "lead" or years[1] < years[0]):
            why = "a lead covers every year" if attr == "lead" else "years out of order"
            raise fail(f"{text!r}: {why}; write provinces.<name>.real_growth.FIRST-LAST")
        kind: Kind = {"real_growth": "province_real", "deflator": "province_defl", "lead": "province_lead"}[attr]  # type: ignore[assignment]
        return Parameter(text, mode, kind, region, years)  # type: ignore[arg-type]
    simple: dict[str, Kind] = {
        "national.real_growth": "national_real",
        "national.deflator": "national_defl",
        "others.half_life": "half_life",
        "threshold_rank": "threshold",
    }
    if text in simple:
        if text == "others.half_life" and mode == "shift" and not decays:
            raise fail("others.half_life: cannot shift 'no decay'; use set")
        return Parameter(text, mode, simple[text])  # type: ignore[arg-type]
    if text.startswith("uncertainty."):
        raise fail(
            f"{text!r} changes only Monte Carlo results; "
            "sweeps and sensitivity use the deterministic projection"
        )
    known = (
        "provinces.<name>.real_growth|deflator|lead, provinces.<name>.real_growth.FIRST-LAST, "
        "national.real_growth|deflator, others.half_life, threshold_rank"
    )
    raise fail(f"unknown parameter {text!r} (known: {known})")


def parse_outcome(text: str, base_year: int, horizon: int) -> tuple[str, int | None]:
    """``reach_year`` -> ("reach_year", None); ``rank_2030`` -> ("rank", 2030); ``gap_pct_2030``
    (the column name of every result; ``gap_2030`` as scenario files have written it) -> ("gap", 2030)."""
    if text == "reach_year":
        return "reach_year", None
    m = re.fullmatch(r"(rank|gap)(?:_pct)?_(\d{4})", text.strip())
    if not m:
        raise ValueError(f"unknown outcome {text!r}; use {OUTCOME_FORMS}")
    year = int(m.group(2))
    if not base_year <= year <= horizon:
        raise ValueError(f"outcome year {year} is outside the projection ({base_year}-{horizon})")
    return m.group(1), year


def grid_values(start: float, stop: float, step: float) -> list[float]:
    """START:STOP:STEP inclusive of STOP when the steps land on it (to 1e-9 of a step)."""
    if step <= 0:
        raise ValueError(f"step must be positive, got {step:g}")
    if stop < start:
        raise ValueError(f"stop {stop:g} is below start {start:g}")
    count = int((stop - start) / step + 1e-9) + 1
    if count > 100_001:
        raise ValueError(f"{count:,} values; at most 100,001 per parameter")
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
        warn_user(f"{field}: {v:g} is read as {v:g} % a year; if you meant {v * 100:g} %, write {v * 100:g}")
