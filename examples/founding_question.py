# %% [markdown]
# # The founding question: when does Inner Mongolia reach the national midfield?
#
# In 2023 Inner Mongolia (内蒙古, code 15), 21st of 31 provinces by nominal GDP in 2022, set
# the goal of climbing to the national midfield (rank 16 of 31) with about 6 % real growth a
# year. This notebook answers the question with the public `sim` API only.
#
# Run it as `python examples/founding_question.py` from the repository root, or open it as a
# notebook with jupytext. Files go to `$RANKSIM_EXAMPLE_OUT` (default `out/examples`).

# %%
import os
from pathlib import Path

import pandas as pd
import plotly.express as px
from scipy.stats import qmc

import sim

ROOT = Path.cwd() if (Path.cwd() / "scenarios").is_dir() else Path.cwd().parent  # root or examples/
out = Path(os.environ.get("RANKSIM_EXAMPLE_OUT") or ROOT / "out" / "examples")
out.mkdir(parents=True, exist_ok=True)

# %% [markdown]
# ## The deterministic answer

# %%
scenario = sim.load_scenario(ROOT / "scenarios" / "inner_mongolia_6pct.yaml")
projection = sim.project(scenario)
print(sim.summary(projection))

# %%
frame = projection.to_frame()
im = frame.loc[frame["code"] == "15", ["year", "gdp_nominal_100m_yuan", "rank", "projected"]]
print(im.round({"gdp_nominal_100m_yuan": 0}).to_string(index=False))

# %% [markdown]
# ## How sure? Monte Carlo, 20,000 paths (growth shocks drawn from history)

# %%
mc = sim.simulate(scenario, 20_000, seed=1)
p_reach = mc.to_frame().set_index("year")["reach_probability"]
print("P(rank 16 reached by)", ", ".join(f"{y}: {p_reach[y]:.1%}" for y in (2027, 2030, 2035)))
sim.testing.assert_result_equal(mc, sim.simulate(scenario, 20_000, seed=1))  # same seed, same answer

# %% [markdown]
# ## What would it take to get there by 2030?

# %%
solved = sim.solve(scenario, 2030)
print(sim.summary(solved).splitlines()[0])  # the sentence; solved.required_pct is the number

# %% [markdown]
# ## 1,000 variants: Inner Mongolia's real growth and deflator, and the nation's growth
#
# A Latin hypercube over Inner Mongolia's real growth (set, 4-8 %), its GDP deflator (set, -2 to
# 4 %: coal prices down or up) and a shift of the national real growth path (-1 to +1 pp).

# %%
GROWTH, DEFLATOR, NATIONAL = (
    "provinces.Inner Mongolia.real_growth",
    "provinces.Inner Mongolia.deflator",
    "national.real_growth",
)
unit = qmc.LatinHypercube(d=3, seed=2023).random(1_000)
design = pd.DataFrame(
    qmc.scale(unit, [4.0, -2.0, -1.0], [8.0, 4.0, 1.0]), columns=[GROWTH, DEFLATOR, NATIONAL]
)
results = sim.evaluate(scenario, design, modes={NATIONAL: "shift"}, years=[2030, 2035])

reach = results["reach_year"]  # <NA> = not reached by the horizon
for year in (2030, 2035):
    print(f"share of variants reaching rank 16 by {year}: {(reach <= year).fillna(False).mean():.1%}")
LABELS = {
    GROWTH: "Inner Mongolia real growth",
    DEFLATOR: "Inner Mongolia deflator",
    NATIONAL: "national real growth (shift)",
}
corr = results[list(LABELS)].corrwith(results["gap_pct_2035"])
print("correlation with gap_pct_2035:", ", ".join(f"{LABELS[k]} {r:+.2f}" for k, r in corr.items()))
strongest = corr.abs().idxmax()
print(f"the 2035 gap moves most with {LABELS[strongest]} (r = {corr[strongest]:+.2f})")

# %% [markdown]
# Real growth against the deflator, coloured by the year rank 16 is reached.

# %%
first, last = scenario.base_year, scenario.horizon
ORDER = ["by 2030", "2031-2035", f"2036-{last}", f"not by {last}"]
bands = pd.cut(reach.astype("float"), [first, 2030, 2035, last], labels=ORDER[:3])
plot = results.assign(reached=bands.astype("string").fillna(ORDER[3]))
fig = px.scatter(
    plot,
    x=GROWTH,
    y=DEFLATOR,
    color="reached",
    hover_data=[NATIONAL, "reach_year"],
    category_orders={"reached": ORDER},
    labels={
        GROWTH: "Inner Mongolia real growth (%)",
        DEFLATOR: "Inner Mongolia deflator (%)",
        NATIONAL: "national real growth shift (pp)",
    },
    title="When does Inner Mongolia reach rank 16? 1,000 variants",
)
fig.write_html(out / "design.html", include_plotlyjs=True)
print(f"wrote {out / 'design.html'}")

# %% [markdown]
# ## One variant: 7 % real growth instead of 6 %

# %%
faster = scenario.with_changes({GROWTH: 7.0})
faster_projection = sim.project(faster)
print(f"reach year at 6 %: {projection.reach_year}; at 7 %: {faster_projection.reach_year} ({faster.name})")

# %% [markdown]
# ## The full report (open it in any browser, offline)

# %%
print(f"wrote {sim.to_html(projection, out / 'report.html')}")
