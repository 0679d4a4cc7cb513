"""Choices of the scenario format that the model layer needs too, without importing the
validator (pydantic) that :mod:`sim.inputs.schema` brings: a cached run never loads it."""

from __future__ import annotations

from typing import Literal

DeflatorModel = Literal["resource_neutral", "factor_neutral", "mean_spread", "error_correction", "national"]
#: The deflator rule chosen out of sample (README / guide, Backtests): no spread for anyone.
DEFAULT_DEFLATOR_MODEL: DeflatorModel = "national"
