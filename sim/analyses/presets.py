"""The answer under each national path: the same scenario run with every named, sourced national
path (``data/national_paths.yaml``), so a planner sees how much the answer rests on the nation.

Each variant is the scenario with ``national.preset`` set to the preset and its own national
growth and deflator paths removed (the preset's paths replace them); everything else, the target's
plan included, is unchanged. With ``paths`` every variant also gets a Monte Carlo run with the same
seed (common random numbers across presets)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sim import names
from sim.inputs.presets import load_presets
from sim.model.scenario import Scenario
from sim.provenance import random_source
from sim.results import ResultView

#: Years whose P(reach) the comparison reports (those within the projection).
PROBABILITY_YEARS = (2030, 2035, 2040)
#: The first years whose mean national real growth the table shows.
MEAN_YEARS = 5


@dataclass(frozen=True, kw_only=True)
class PresetAnswer:
    """The answer under one national path."""

    preset: str  # a preset name, or "" for the scenario's own national path
    title: str
    title_zh: str
    mean_real_pct: float  # mean national real growth over the first MEAN_YEARS projected years
    reach_year: int | None
    reach_probability: dict[int, float] | None  # year -> P(reached by then), with paths


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class NationalComparison(ResultView):
    """The scenario's answer under each named national path (its own first when it has no preset)."""

    scenario: Scenario
    answers: tuple[PresetAnswer, ...]
    paths: int | None = None
    seed: int | str | None = None

    def headline(self) -> str:
        """Reach year under each path."""
        return ", ".join(f"{a.preset or 'own'}: {a.reach_year or 'never'}" for a in self.answers)

    def to_frame(self) -> pd.DataFrame:
        """One row a national path: preset, mean real growth, reach year (``<NA>`` = not by the
        horizon) and P(reach by each year) with paths."""
        years = sorted({y for a in self.answers for y in (a.reach_probability or {})})
        rows = []
        for a in self.answers:
            row: dict[str, Any] = {
                "preset": a.preset,
                "mean_real_growth_pct": round(a.mean_real_pct, 4),
                names.REACH_YEAR: a.reach_year,
            }
            for y in years:
                row[names.by_year(names.REACH_PROBABILITY, y)] = (a.reach_probability or {}).get(y)
            rows.append(row)
        frame = pd.DataFrame(rows)
        frame[names.REACH_YEAR] = frame[names.REACH_YEAR].astype("Int64")
        return frame


def compare_national_paths(
    scenario: Scenario,
    *,
    paths: int | None = None,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
    years: Sequence[int] = PROBABILITY_YEARS,
) -> NationalComparison:
    """The scenario under every bundled national path (and its own, when it selects none)."""
    from sim.analyses.montecarlo import simulate
    from sim.engine.projection import project

    wanted = [y for y in years if scenario.base_year < y <= scenario.horizon]
    used = None
    state = None
    if paths is not None:
        generator, used = random_source(seed, rng)
        state = generator.bit_generator.state
    variants: list[tuple[str, str, str, Scenario]] = []
    if scenario.national_preset is None:
        variants.append(("", "the scenario's own national path", "情景自设的全国增长路径", scenario))
    for name, p in load_presets().items():
        change = {"national.preset": name, "national.real_growth": None, "national.deflator": None}
        variants.append((name, p.title, p.title_zh, scenario.with_changes(change, rename=False)))
    answers = []
    for name, title, title_zh, sc in variants:
        proj = project(sc)
        probs = None
        if paths is not None and state is not None:
            same = np.random.Generator(type(np.random.default_rng().bit_generator)())
            same.bit_generator.state = state
            mc = simulate(sc, paths, rng=same)
            reach = mc.reach_probability()
            probs = {y: float(reach[y - sc.base_year]) for y in wanted}
        first = sc.growth.national_real_pct[:MEAN_YEARS]
        answers.append(
            PresetAnswer(
                preset=name,
                title=title,
                title_zh=title_zh,
                mean_real_pct=float(np.mean(first)),
                reach_year=proj.reach_year,
                reach_probability=probs,
            )
        )
    return NationalComparison(scenario=scenario, answers=tuple(answers), paths=paths, seed=used)
