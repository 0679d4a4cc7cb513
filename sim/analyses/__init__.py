"""Analyses built on the engine: Monte Carlo, sweeps, designs and experiments (kept, saved, analysed
with SALib), sensitivity, solve, backtests, diffs."""
