"""The model behind ``ranksim serve``: a what-if state, its evaluation through the batched engine,
and the same state as scenario changes (for "save as scenario" and the downloadable report).

A :class:`WhatIf` holds what the app's inputs set: the target's real growth (percent a year, in
every projected year), shifts (percentage points in every projected year) of the target's
deflator, the national real growth path, the commodity factor and one rival's real growth.
:meth:`Session.evaluate` turns it into batch settings (:func:`sim.engine.projection.project`
and :func:`sim.analyses.montecarlo.simulate` with ``settings``, the one growth assembly);
only a commodity shift needs a re-resolved scenario (its price path is part of the resolution),
cached per value. :meth:`Session.changes` writes the same state as scenario keys, so the saved
file, run by ``ranksim run``, gives the same answer (tested).
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

import numpy as np

from sim.analyses.montecarlo import simulate
from sim.engine.projection import Projection, project
from sim.errors import InputError
from sim.inputs.params import Parameter, parse_parameter
from sim.messages import msg
from sim.model.scenario import Scenario, parameter_changes

#: Allowed ranges of the inputs (percent a year, or percentage points).
LIMITS = {
    "target_real": (-10.0, 30.0),
    "target_deflator_shift": (-20.0, 20.0),
    "national_shift": (-10.0, 10.0),
    "commodity_shift": (-20.0, 20.0),
    "rival_shift": (-10.0, 10.0),
}
#: The slider of the target's real growth: a range and step a planner uses (the typed box takes
#: any value within ``LIMITS["target_real"]``).
SLIDER = (-2.0, 15.0, 0.1)
#: Re-resolved scenarios kept for commodity shifts.
CACHE_SIZE = 32


@dataclass(frozen=True)
class WhatIf:
    """What the app's inputs set; ``target_real`` None = the scenario's own path."""

    target_real: float | None = None
    target_deflator_shift: float = 0.0
    national_shift: float = 0.0
    commodity_shift: float = 0.0
    rival: int | None = None
    rival_shift: float = 0.0

    def check(self) -> None:
        """An :class:`~sim.errors.InputError` naming the input when a value is out of range."""
        for name, (lo, hi) in LIMITS.items():
            value = getattr(self, name)
            if value is None and name == "target_real":
                continue
            if value is None or not np.isfinite(value) or not lo <= value <= hi:
                raise InputError(msg("app.enter_range", lo=lo, hi=hi), field=name)


@dataclass(frozen=True)
class Evaluation:
    """The answer of one state: the projection, P(reach) by year (None without paths), timing."""

    projection: Projection
    reach_probability: np.ndarray | None  # (T+1,) base year first
    seconds: float


class Session:
    """One starting scenario and the evaluations of its what-if states."""

    def __init__(self, scenario: Scenario, *, paths: int = 1000, seed: int = 0) -> None:
        self.scenario = scenario
        self.paths = paths
        self.seed = seed
        self.code = scenario.target_code
        self._variants: dict[float, Scenario] = {}
        self._lock = threading.Lock()  # the server calls from several threads

    @property
    def target_real_start(self) -> float:
        """The target's real growth the slider starts at: the scenario's number, or the mean of
        its path over the projected years (percent a year, one decimal)."""
        written = self.scenario.provinces.get(self.scenario.target, (None, None))[0]
        if isinstance(written, int | float):
            return float(written)
        proj = project(self.scenario)
        return round(float(np.expm1(proj.growth.real[:, self.scenario.target].mean()) * 100), 1)

    def has_commodity(self) -> bool:
        """Whether the price model has a commodity factor: any model but ``national``, on a panel
        with the coal and energy regions the factor is made of (none on a province's cities)."""
        from sim.model.prices import RESOURCE_CODES

        codes = self.scenario.panel.regions.codes
        return self.scenario.others.model != "national" and any(c in codes for c in RESOURCE_CODES)

    def default_rival(self) -> int | None:
        """The first region the target must pass, or None when it is already inside."""
        rivals = project(self.scenario).rivals()
        return rivals[0] if rivals else None

    def base(self, commodity_shift: float) -> Scenario:
        """The scenario, re-resolved with its commodity path shifted (cached)."""
        if commodity_shift == 0:
            return self.scenario
        with self._lock:
            cached = self._variants.get(commodity_shift)
        if cached is not None:
            return cached
        change = {"prices.commodity": self._commodity(commodity_shift)}
        variant = self.scenario.with_changes(change, rename=False)  # outside the lock: it takes time
        with self._lock:
            if commodity_shift not in self._variants and len(self._variants) >= CACHE_SIZE:
                self._variants.pop(next(iter(self._variants)))
            return self._variants.setdefault(commodity_shift, variant)

    def settings(self, w: WhatIf) -> list[tuple[Parameter, float]]:
        """The batch settings of a state (set or shift, as the scenario parameters mean them)."""
        regions = self.scenario.panel.regions
        items: list[tuple[str, str, float]] = []
        if w.target_real is not None:
            items.append((f"provinces.{self.code}.real_growth", "set", w.target_real))
        if w.target_deflator_shift:
            items.append((f"provinces.{self.code}.deflator", "shift", w.target_deflator_shift))
        if w.national_shift:
            items.append(("national.real_growth", "shift", w.national_shift))
        if w.rival is not None and w.rival_shift:
            items.append((f"provinces.{regions.codes[w.rival]}.real_growth", "shift", w.rival_shift))
        return [(parse_parameter(regions, path, mode), value) for path, mode, value in items]

    def evaluate(self, w: WhatIf) -> Evaluation:
        """Project the state and (with paths) run its Monte Carlo, timed."""
        start = time.perf_counter()
        w.check()
        base, settings = self.base(w.commodity_shift), self.settings(w)
        proj = project(base, settings)
        prob = None
        if self.paths:
            mc = simulate(base, self.paths, seed=self.seed, settings=settings)
            prob = mc.reach_probability()
        return Evaluation(proj, prob, time.perf_counter() - start)

    # ------------------------------------------------------------------ the state as a scenario

    def _years(self) -> list[int]:
        return [int(y) for y in self.scenario.years]

    def _commodity(self, shift: float) -> float | dict[int, float]:
        path = self.scenario.commodity_pct + shift
        return (
            float(path[0])
            if np.all(path == path[0])
            else dict(zip(self._years(), map(float, path), strict=True))
        )

    def changes(self, w: WhatIf) -> dict[str, Any]:
        """The state as scenario changes (dotted keys, provinces by code): only what differs
        from the starting scenario. The batch settings written by the one shared mapping
        (:func:`sim.model.scenario.parameter_changes`), so the saved file is the evaluated state."""
        w.check()
        out = parameter_changes(self.scenario, self.settings(w))
        if w.commodity_shift:
            out["prices.commodity"] = self._commodity(w.commodity_shift)
        return out

    def variant(self, w: WhatIf) -> Scenario:
        """The state as a resolved scenario (for the full report)."""
        import warnings

        with warnings.catch_warnings():  # the app shows them (:meth:`warnings`), the log does not
            warnings.simplefilter("ignore")
            return self.scenario.with_changes(self.changes(w), rename=False)

    def warnings(self, w: WhatIf, lang: str = "en") -> list[str]:
        """The warnings ``ranksim run`` prints for this state's saved file: the scenario's own
        and those the changed values draw (an implausible lead, an implied deflator ...), each
        message once, without its file and line, in ``lang``."""
        from sim.present.edge import warning_key, warning_parts

        out: dict[str, str] = {}
        for warning in self.variant(w).warnings:
            key = warning_key(warning)
            if key not in out:
                out[key] = warning_parts(warning, lang)[1]
        return list(out.values())

    def scenario_yaml(self, w: WhatIf, path: Path) -> str:
        """A scenario file for ``path`` that ``extends`` the starting scenario with only the
        changed values (provinces by English name)."""
        from ruamel.yaml import YAML

        regions = self.scenario.panel.regions
        doc: dict[str, Any] = {}
        source = self.scenario.source.path
        if source.suffix in (".yaml", ".yml") and source.exists():
            doc["extends"] = Path(os.path.relpath(source.resolve(), path.resolve().parent)).as_posix()
        doc["name"] = f"{self.scenario.name} (what-if)"
        for dotted, value in self.changes(w).items():
            parts = dotted.split(".")
            if parts[0] == "provinces":
                parts[1] = regions.en[regions.find(parts[1])]  # type: ignore[index]
            node = doc
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = value
        yaml = YAML(typ="safe", pure=True)
        yaml.default_flow_style = None
        yaml.width = 4096
        buf = StringIO()
        buf.write("# written by ranksim serve: the starting scenario with the values changed in the app\n")
        yaml.dump(doc, buf)
        return buf.getvalue()
