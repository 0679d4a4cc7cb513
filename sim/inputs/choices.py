"""Choices of the scenario format that the model layer needs too, without importing the
validator (pydantic) that :mod:`sim.inputs.schema` brings: a cached run never loads it."""

from __future__ import annotations

from typing import Literal

DeflatorModel = Literal["resource_neutral", "factor_neutral", "mean_spread", "error_correction", "national"]
#: The deflator rule chosen out of sample (README / guide, Backtests): every region's mean deflator
#: spread over the window, fading with a half-life of its own (DEFAULT_DEFLATOR_HALF_LIFE).
DEFAULT_DEFLATOR_MODEL: DeflatorModel = "mean_spread"
#: Years for a deflator spread to halve. Relative prices mean-revert (a province's next-5-year mean
#: deflator spread on its previous one: slope about 0.06, against 0.5 for real growth; DESIGN.md),
#: so the rule chooses among short half-lives only: 0 (the national model), 0.5 and 1 year
#: (slopes 0, 0.07 and 0.19). Chosen by rolling origin (docs/calibration.md); None: the spreads'
#: own half-life (version 0.2).
DEFAULT_DEFLATOR_HALF_LIFE: float | None = 1.0
#: Share of their spreads the regions of the estimated price-cycle group keep (the lean toward
#: "shares stay" of the regions whose prices move with a common cycle, the group estimated from
#: the data up to the base year: sim.model.prices.factor_group). Chosen by rolling origin on that
#: group's own rank errors (docs/calibration.md, "Price-cycle group"); 1 = no lean.
DEFAULT_CYCLE_WEIGHT = 0.25
