"""JSON document of the data table (``ranksim data --json``); results carry their own."""

from __future__ import annotations

from typing import Any

from sim.inputs.panel import Panel


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
