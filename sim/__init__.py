"""ranksim: scenario simulator for regional GDP rankings.

Notebook use::

    import sim
    scenario = sim.load_scenario("scenarios/inner_mongolia_6pct.yaml")
    proj = sim.project(scenario)
    print(proj.summary())
    proj.to_frame()
"""

from sim.data import Panel, load_panel, load_targets
from sim.errors import DataError, InputError, RanksimError, ScenarioError
from sim.projection import PassEvent, Projection, project
from sim.scenario import Scenario, load_scenario

__all__ = [
    "DataError",
    "InputError",
    "Panel",
    "PassEvent",
    "Projection",
    "RanksimError",
    "Scenario",
    "ScenarioError",
    "load_panel",
    "load_scenario",
    "load_targets",
    "project",
]
