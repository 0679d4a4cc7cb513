"""JSON documents of the data views (``ranksim data --json``, ``data --targets --json``); results
carry their own."""

from __future__ import annotations

import math
from typing import Any

from sim.inputs.panel import STATUS_FIELDS, Panel, Targets


def data_document(panel: Panel, year: int) -> dict[str, Any]:
    """The ``ranksim data --json`` document: the ranking of ``year`` with every value's status
    (final, preliminary or estimated) and, for the bundled panel, the nation's figure."""
    table = panel.table(year)
    t = panel.year_index(year)
    rows = []
    for row in table.to_dict("records"):
        i = panel.regions.codes.index(str(row["code"]))
        pop = float(panel.population[t, i])
        rows.append(
            {
                "code": str(row["code"]),
                "en": str(row["en"]),
                "zh": str(row["zh"]),
                "gdp_nominal_100m_yuan": float(row["gdp_nominal_100m_yuan"]),
                "real_growth_pct": float(row["real_growth_pct"]),
                "population_10k": None if math.isnan(pop) else pop,
                "rank": int(row["rank"]),
                "status": {f: panel.value_status(year, i, f) for f in STATUS_FIELDS},
            }
        )
    nat = panel.national
    k = int(year) - int(nat.years[0])
    national = {
        "gdp_nominal_100m_yuan": float(nat.gdp[k]),
        "real_growth_pct": float(nat.real_growth_pct[k]),
        "status": "preliminary" if nat.preliminary is not None and bool(nat.preliminary[k]) else "final",
        "aggregate": nat.path is None,  # True: the sum of the regions (no national series)
    }
    return {
        "year": year,
        "provisional": any(r["status"]["gdp"] != "final" or r["status"]["real_growth"] != "final" for r in rows),
        "national": national,
        "provinces": rows,
    }


def targets_document(panel: Panel, targets: Targets, region: int | None = None) -> dict[str, Any]:
    """The record of announced real-growth targets: per region and year the target (its wording
    and kind), the outturn in the panel (preliminary where marked) and the miss (target minus
    outturn, points); the mean miss per region over the years with both (2020 shown, not counted:
    sim.model.growth.SHORTFALL_EXCLUDED_YEARS)."""
    from sim.model.growth import SHORTFALL_EXCLUDED_YEARS

    codes = panel.regions.codes
    wanted = [codes[region]] if region is not None else [*codes]
    out = []
    for code in wanted:
        i = codes.index(code)
        years = sorted(y for c, y in targets.values if c == code)
        entries, misses = [], []
        for y in years:
            target = targets.values[(code, y)]
            actual = float(panel.real_growth_pct[panel.year_index(y), i]) if panel.first_year <= y <= panel.last_year else None
            miss = None if actual is None else round(target - actual, 2)
            if miss is not None and y not in SHORTFALL_EXCLUDED_YEARS:
                misses.append(miss)
            entries.append(
                {
                    "year": y,
                    "target_pct": target,
                    "kind": targets.kinds.get((code, y), ""),
                    "text": targets.texts.get((code, y), ""),
                    "outturn_pct": actual,
                    "outturn_status": panel.value_status(y, i, "real_growth") if actual is not None else None,
                    "miss_pp": miss,
                }
            )
        out.append(
            {
                "code": code,
                "en": panel.regions.en[i],
                "zh": panel.regions.zh[i],
                "years": entries,
                "mean_miss_pp": round(sum(misses) / len(misses), 2) if misses else None,
                "counted_years": len(misses),
            }
        )
    return {"targets_file": str(targets.path), "excluded_years": list(SHORTFALL_EXCLUDED_YEARS), "regions": out}
