"""The evidence behind the deflator model (README, "Prices"): run it to reproduce every figure.

    .venv/bin/python docs/price_model.py

1. Past-5 -> next-5 regressions of deflator spreads over the nation, on the panel and on each
   deflator model's own projections from the same jump-offs (2011-2019).
2. The nominal-level backtest (regions' shares of total nominal GDP, all regions and the coal and
   energy group) of every deflator model, jump-offs 2008-2019, horizons 1, 3, 5, 10.
3. The founding scenario's reach year under each model.
"""

from __future__ import annotations

import numpy as np

import sim
from sim.analyses.backtest import rebase
from sim.model.growth import assemble
from sim.model.prices import RESOURCE_CODES

MODELS = ("resource_neutral", "mean_spread", "error_correction", "national")
JUMP_OFFS = range(2011, 2020)


def slope(x: np.ndarray, y: np.ndarray) -> float:
    """OLS slope of y on x (with an intercept)."""
    x, y = x - x.mean(), y - y.mean()
    return float(x @ y / (x @ x))


def regressions(base: sim.Scenario) -> None:
    panel = base.panel
    d = panel.log_deflator - panel.national.log_deflator[:, None]
    codes = panel.regions.codes
    res = [codes.index(c) for c in RESOURCE_CODES]
    rows: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {"panel": [], **{m: [] for m in MODELS}}
    for b in JUMP_OFFS:
        t = panel.year_index(b)
        past = np.nanmean(d[t - 4 : t + 1], axis=0)
        rows["panel"].append((past, d[t + 1 : t + 6].mean(axis=0)))
        for m in MODELS:
            sc = rebase(base.with_changes({"others.deflator_model": m}, rename=False), b, 5)
            g = assemble(sc.growth)
            model_spread = g.deflator - np.log1p(sc.growth.national_deflator_pct / 100)[:, None]
            rows[m].append((past, model_spread.mean(axis=0)))
    print("1. next-5-year mean deflator spread on the previous 5 years' (slope), jump-offs 2011-2019")
    print(f"   {'':18}{'all regions':>12}{'coal/energy':>13}")
    for name, pairs in rows.items():
        x = np.concatenate([p for p, _ in pairs])
        y = np.concatenate([q for _, q in pairs])
        xr = np.concatenate([p[res] for p, _ in pairs])
        yr = np.concatenate([q[res] for _, q in pairs])
        print(f"   {name:18}{slope(x, y):>12.2f}{slope(xr, yr):>13.2f}")


def backtests(base: sim.Scenario) -> None:
    print("2. share of total nominal GDP at the horizon, mean absolute error in % (jump-offs 2008-2019)")
    print(f"   {'':18}" + "".join(f"{'h=' + str(h):>16}" for h in (1, 3, 5, 10)))
    print(f"   {'':18}" + "".join(f"{'all':>8}{'coal':>8}" for _ in range(4)))
    for m in (*MODELS, "naive"):
        sc = base.with_changes({"others.deflator_model": "mean_spread" if m == "naive" else m}, rename=False)
        cells = ""
        for h in (1, 3, 5, 10):
            bt = sim.backtest(sc, range(2008, 2020), h)
            which = "naive" if m == "naive" else "model"
            cells += f"{bt.share_error(which):>8.2f}{bt.share_error(which, RESOURCE_CODES):>8.2f}"
        print(f"   {m if m != 'naive' else 'naive (stay)':18}{cells}")


def founding() -> None:
    sc = sim.load_scenario("scenarios/inner_mongolia_6pct.yaml")
    years = {m: sim.project(sc.with_changes({"others.deflator_model": m})).reach_year for m in MODELS}
    print("3. founding scenario, reach year of rank 16: " + ", ".join(f"{m} {y}" for m, y in years.items()))


if __name__ == "__main__":
    scenario = sim.default_scenario()
    regressions(scenario)
    backtests(scenario)
    founding()
