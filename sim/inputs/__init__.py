"""Inputs: files turned into validated objects (panel CSV, scenario YAML, parameter paths).

Nothing here knows the growth model; everything here reports problems as located
:class:`~sim.errors.InputError`\\ s.
"""
