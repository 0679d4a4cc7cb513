"""Choices of the scenario format that the model layer needs too, without importing the
validator (pydantic) that :mod:`sim.inputs.schema` brings: a cached run never loads it."""

from __future__ import annotations

from typing import Literal

DeflatorModel = Literal["resource_neutral", "factor_neutral", "mean_spread", "error_correction", "national"]
#: The deflator rule chosen out of sample (README / guide, Backtests): no spread for anyone.
DEFAULT_DEFLATOR_MODEL: DeflatorModel = "national"
#: Share of their spreads the regions of the estimated price-cycle group keep (the lean toward
#: "shares stay" of the regions whose prices move with a common cycle, the group estimated from
#: the data up to the base year: sim.model.prices.factor_group). Chosen by rolling origin on that
#: group's own rank errors (docs/calibration.md, "Price-cycle group"); 1 = no lean.
DEFAULT_CYCLE_WEIGHT = 0.25
