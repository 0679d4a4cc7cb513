"""Analyses built on the engine: Monte Carlo, sweeps, sensitivity, solve, backtests."""
