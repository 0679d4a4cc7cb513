# %% [markdown]
# # Experiments to keep: sample with SALib, run, save, reload, analyse with Morris and Sobol
#
# Which assumption decides when Inner Mongolia (内蒙古) reaches rank 16, and how surely? The
# SALib workflow in four separate steps, as EMA Workbench and SALib users know it:
#
# 1. **problem**: the parameters with their bounds (`sim.problem`, a SALib problem dict);
# 2. **sample**: SALib's own samplers (Morris trajectories, Saltelli/Sobol' points);
# 3. **experiments**: every row run by ranksim's batch engine with Monte Carlo per row
#    (`sim.experiments`), kept with its seed and saved (`Experiments.save`);
# 4. **analyse**: reload later and analyse *any* outcome (`sim.analyze`).
#
# Run it as `python examples/experiments_salib.py` from the repository root, or open it as a
# notebook with jupytext. Files go to `$RANKSIM_EXAMPLE_OUT` (default `out/examples`).

# %%
import os
from pathlib import Path

from SALib.sample import morris as morris_sample
from SALib.sample import sobol as sobol_sample

import sim

ROOT = Path.cwd() if (Path.cwd() / "scenarios").is_dir() else Path.cwd().parent  # root or examples/
out = Path(os.environ.get("RANKSIM_EXAMPLE_OUT") or ROOT / "out" / "examples")
out.mkdir(parents=True, exist_ok=True)
scenario = sim.load_scenario(ROOT / "scenarios" / "inner_mongolia_6pct.yaml")

# %% [markdown]
# ## 1. The problem: three uncertain assumptions
#
# Inner Mongolia's real growth (set, 4-8 % a year), its GDP deflator (set, -1 to 3 %: coal
# prices) and a shift of the national real-growth path (-1 to +1 points), uniform.

# %%
GROWTH, DEFLATOR, NATIONAL = (
    "provinces.Inner Mongolia.real_growth",
    "provinces.Inner Mongolia.deflator",
    "national.real_growth",
)
problem = sim.problem(scenario, {GROWTH: [4, 8], DEFLATOR: [-1, 3], NATIONAL: {"shift": [-1, 1]}})
print(problem)

# %% [markdown]
# ## 2-3. Morris screening: 40 trajectories, Monte Carlo per row, saved and reloaded

# %%
x = morris_sample.sample(problem, 40, num_levels=4, seed=2026)
screening = sim.experiments(scenario, x, problem=problem, paths=500, seed=2026)
print(screening)
saved = screening.save(out / "morris_experiments.zip")
screening = sim.load_experiments(saved)  # exactly what was saved: design, outcomes, seed
print(f"reloaded {saved.name}: seed {screening.seed}, {len(screening.design)} rows")

# %% [markdown]
# The reach year is `<NA>` where rank 16 is never reached by the horizon (never a sentinel
# year); `reached_by_<year>` counts those rows as not reached.

# %%
reach = screening.outcomes["reach_year"]
print(
    f"reach rank 16 by 2035: {screening.outcomes['reached_by_2035'].mean():.1%} of the rows "
    f"({reach.isna().mean():.1%} never by {scenario.horizon})"
)

# %% [markdown]
# ## 4. Analyse any outcome afterwards: Morris on the reach year and on P(reach by 2035)

# %%
for outcome in ("reach_year", "reach_probability_2035"):
    morris = sim.analyze(screening, method="morris", outcome=outcome, seed=1)
    print(f"Morris, {outcome}:")
    print(morris.to_frame().round(3).to_string(index=False))

# %% [markdown]
# ## Sobol: variance shares of the 2030 gap (Saltelli/Sobol' sample, 512 base points)

# %%
x = sobol_sample.sample(problem, 512, calc_second_order=False, seed=2026)
variance = sim.experiments(scenario, x, problem=problem)
variance = sim.load_experiments(variance.save(out / "sobol_experiments.zip"))
sobol = sim.analyze(variance, method="sobol", outcome="gap_pct_2030", seed=1)
print(sobol.to_frame().round(3).to_string(index=False))
top = sobol.to_frame().sort_values("first_order").iloc[-1]
print(f"the 2030 gap depends most on {top['param']} (first-order index {top['first_order']:.2f})")

# %% [markdown]
# ## One long table for everything (IAMC columns), e.g. for pyam or a spreadsheet

# %%
long = sim.concat([sobol, sim.project(scenario)])
print(long.groupby("variable").size().to_string())
long.to_csv(out / "long.csv", index=False)
print(f"wrote {out / 'long.csv'}")
