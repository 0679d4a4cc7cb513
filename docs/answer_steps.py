"""What moved the founding answer, step by step: the figures of the README's "Why the answer
moved" paragraph.

Usage: python docs/answer_steps.py

Each step is the founding scenario with scenario changes (everything else the shipped defaults),
run deterministically and by Monte Carlo (20,000 paths, seed 1): reach year, P(reach) by 2027,
2030, 2035 and 2040, and the median reach year. tests/test_readme.py checks the README quotes them.
"""

from __future__ import annotations

import warnings
from typing import Any

import sim

FOUNDING = "scenarios/inner_mongolia_6pct.yaml"
#: (name, scenario changes) in the README's order.
STEPS: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        "the previous spread rule (5-year window, no price spread), multiplier 3",
        {
            "others.deflator_model": "national",
            "others.window": [2021, 2025],
            "uncertainty.parameter_scale": 3.0,
        },
    ),
    ("the new spread rule (3-year window, prices fading within a year), multiplier 3",
     {"uncertainty.parameter_scale": 3.0}),
    ("and the multiplier re-chosen (2.5): today's defaults", {}),
    ("without parameter draws, 5-year window",
     {"others.deflator_model": "national", "others.window": [2021, 2025], "uncertainty.parameters": False}),
    ("without parameter draws, 3-year window",
     {"others.deflator_model": "national", "uncertainty.parameters": False}),
)  # fmt: skip
YEARS = (2027, 2030, 2035, 2040)


def measure(changes: dict[str, Any], paths: int = 20_000, seed: int = 1) -> dict[str, Any]:
    """Reach year, P(reach) in percent by :data:`YEARS` (one decimal) and the median reach year."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        base = sim.load_scenario(FOUNDING)
        sc = base.with_changes(changes) if changes else base
    mc = sim.simulate(sc, paths, seed=seed)
    p = mc.reach_probability()
    return {
        "reach_year": sim.project(sc).reach_year,
        "p": {y: round(float(p[y - sc.base_year]) * 100, 1) for y in YEARS},
        "median": mc.reach_year_quantiles((0.5,))[0.5],
    }


def main() -> None:
    for name, changes in STEPS:
        m = measure(changes)
        ps = ", ".join(f"{y}: {v:.1f} %" for y, v in m["p"].items())
        print(f"{name}: reach {m['reach_year']}; P(reach) {ps}; median {m['median']}")


if __name__ == "__main__":
    main()
