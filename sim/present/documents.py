"""JSON documents and CSV tables of results (the CLI's and the report's data contracts)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from sim.engine.projection import Projection
from sim.inputs.panel import Panel
from sim.names import CODE, GDP, RANK, YEAR
from sim.provenance import Provenance


def region_dict(panel: Panel, idx: int) -> dict[str, str]:
    r = panel.regions
    return {"code": r.codes[idx], "en": r.en[idx], "zh": r.zh[idx]}


def run_document(proj: Projection, provenance: Provenance | None = None) -> dict[str, Any]:
    """The ``ranksim run --json`` document."""
    sc = proj.scenario
    frame = proj.to_frame()
    return {
        "scenario": sc.name,
        "target": region_dict(sc.panel, sc.target),
        "base_year": sc.base_year,
        "horizon": sc.horizon,
        "threshold_rank": sc.threshold_rank,
        "reach_year": proj.reach_year,
        "target_rank": {str(int(y)): int(r) for y, r in zip(proj.years, proj.target_rank, strict=True)},
        "gap_pct": {str(int(y)): round(float(g), 3) for y, g in zip(proj.years, proj.gap_pct(), strict=True)},
        "passes": [e.to_dict() for e in proj.passes],
        "actual_check": proj.actual_check(),
        "projection": [
            {"year": int(y), "code": c, GDP: round(float(g), 2), "rank": int(k)}
            for y, c, g, k in zip(frame[YEAR], frame[CODE], frame[GDP], frame[RANK], strict=True)
        ],
        "provenance": (provenance or Provenance.of(sc.files)).to_dict(),
    }


def passes_frame(proj: Projection) -> pd.DataFrame:
    r = proj.scenario.panel.regions
    rows = [
        {
            "year": e.year,
            "code": e.code,
            "en": r.en[r.codes.index(e.code)],
            "zh": r.zh[r.codes.index(e.code)],
            "direction": e.direction,
        }
        for e in proj.passes
    ]
    return pd.DataFrame(rows, columns=["year", "code", "en", "zh", "direction"])


def data_document(panel: Panel, year: int) -> dict[str, Any]:
    """The ``ranksim data --json`` document."""
    table = panel.table(year)
    return {
        "year": year,
        "provinces": [
            {
                "code": str(row["code"]),
                "en": str(row["en"]),
                "zh": str(row["zh"]),
                "gdp_nominal_100m_yuan": float(row["gdp_nominal_100m_yuan"]),
                "real_growth_pct": float(row["real_growth_pct"]),
                "rank": int(row["rank"]),
            }
            for row in table.to_dict("records")
        ],
    }
