"""The ranking of one year in every vintage of the panel, and the largest restatements.

Statistical revisions move provinces further than most forecast errors: Inner Mongolia was 15th
in 2010 as published before the 4th economic census revision and is 20th in today's data. This
module lines the vintages up (``data/vintages/*.csv`` and the shipped panel, see
:func:`sim.inputs.panel.vintage_names`) for one year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sim._typing import FloatArray, IntArray
from sim.errors import DataError
from sim.inputs.panel import Panel, Regions
from sim.messages import msg
from sim.ranks import rank_levels

VINTAGE_COLUMNS = ("vintage", "code", "en", "zh", "gdp_nominal_100m_yuan", "rank")
RESTATEMENT_COLUMNS = ("code", "en", "zh", "from", "to", "old", "new", "change_pct", "rank_old", "rank_new")


@dataclass(frozen=True)
class Restatement:
    """One region's GDP of the year in two consecutive vintages that hold it."""

    code: str
    old_vintage: str
    new_vintage: str
    old: float
    new: float
    old_rank: int
    new_rank: int

    @property
    def change_pct(self) -> float:
        """New against old, percent."""
        return (self.new / self.old - 1) * 100


@dataclass(frozen=True)
class VintageComparison:
    """Nominal GDP and rank of every region in ``year``, by vintage (oldest first, ``current`` last)."""

    year: int
    vintages: tuple[str, ...]
    regions: Regions  # of the latest vintage
    gdp: FloatArray  # (vintage, region); NaN where the vintage lacks the year or the region
    ranks: IntArray  # (vintage, region); 0 where missing

    def held(self, v: int) -> bool:
        """Whether vintage ``v`` holds the year at all."""
        return bool(np.isfinite(self.gdp[v]).any())

    def restatements(self, n: int | None = 10) -> list[Restatement]:
        """The ``n`` largest restatements (by absolute percent) between consecutive vintages
        that hold the year; all of them for ``n=None``."""
        held = [v for v in range(len(self.vintages)) if self.held(v)]
        out = []
        for a, b in zip(held, held[1:], strict=False):
            for i, code in enumerate(self.regions.codes):
                old, new = self.gdp[a, i], self.gdp[b, i]
                if np.isfinite(old) and np.isfinite(new) and old != new:
                    out.append(
                        Restatement(
                            code,
                            self.vintages[a],
                            self.vintages[b],
                            float(old),
                            float(new),
                            int(self.ranks[a, i]),
                            int(self.ranks[b, i]),
                        )  # fmt: skip
                    )
        out.sort(key=lambda r: (-abs(r.change_pct), r.code))
        return out if n is None else out[:n]

    def order(self) -> list[int]:
        """Region indices by rank in the latest vintage holding the year."""
        last = max(v for v in range(len(self.vintages)) if self.held(v))
        return sorted(
            range(len(self.regions)), key=lambda i: (self.ranks[last, i] or 10**6, self.regions.codes[i])
        )

    def to_frame(self) -> pd.DataFrame:
        """Long table: one row per vintage holding the year and region."""
        rows = [
            (name, code, self.regions.en[i], self.regions.zh[i], float(self.gdp[v, i]), int(self.ranks[v, i]))
            for v, name in enumerate(self.vintages)
            if self.held(v)
            for i, code in enumerate(self.regions.codes)
            if np.isfinite(self.gdp[v, i])
        ]
        return pd.DataFrame(rows, columns=list(VINTAGE_COLUMNS))

    def to_document(self, n: int | None = 10) -> dict[str, Any]:
        """The ``ranksim data --vintages --json`` document."""
        names = [name for v, name in enumerate(self.vintages) if self.held(v)]
        idx = [self.vintages.index(name) for name in names]
        return {
            "year": self.year,
            "vintages": names,
            "provinces": [
                {
                    "code": self.regions.codes[i],
                    "en": self.regions.en[i],
                    "zh": self.regions.zh[i],
                    "rank": {self.vintages[v]: int(self.ranks[v, i]) or None for v in idx},
                    "gdp_nominal_100m_yuan": {
                        self.vintages[v]: float(self.gdp[v, i]) if np.isfinite(self.gdp[v, i]) else None
                        for v in idx
                    },
                }
                for i in self.order()
            ],
            "restatements": [
                {
                    "code": r.code,
                    "from": r.old_vintage,
                    "to": r.new_vintage,
                    "old": r.old,
                    "new": r.new,
                    "change_pct": round(r.change_pct, 4),
                    "rank_old": r.old_rank,
                    "rank_new": r.new_rank,
                }  # fmt: skip
                for r in self.restatements(n)
            ],
        }


def default_year(panels: Mapping[str, Panel]) -> int:
    """The last year every vintage holds (the latest year of the latest vintage if none is shared)."""
    common = set.intersection(*(set(p.years.tolist()) for p in panels.values()))
    return max(common) if common else list(panels.values())[-1].last_year


def compare_vintages(panels: Mapping[str, Panel], year: int | None = None) -> VintageComparison:
    """Line up ``year`` (default :func:`default_year`) across ``panels`` (name -> panel, oldest
    first, the latest last); regions are the latest panel's."""
    if not panels:
        raise DataError(msg("vintages.none"), field="vintages")
    year = default_year(panels) if year is None else year
    latest = list(panels.values())[-1]
    if not any(p.first_year <= year <= p.last_year for p in panels.values()):
        first = min(p.first_year for p in panels.values())
        last = max(p.last_year for p in panels.values())
        raise DataError(msg("vintages.year_in_none", year=year, first=first, last=last), field="year")
    regions = latest.regions
    gdp = np.full((len(panels), len(regions)), np.nan)
    for v, panel in enumerate(panels.values()):
        if panel.first_year <= year <= panel.last_year:
            row = panel.gdp[panel.year_index(year)]
            for j, code in enumerate(panel.regions.codes):
                if code in regions.codes:
                    gdp[v, regions.codes.index(code)] = row[j]
    ranks = np.zeros(gdp.shape, dtype=np.int64)
    for v in range(len(panels)):
        ok = np.isfinite(gdp[v])
        if ok.any():
            ranks[v, ok] = rank_levels(gdp[v, ok][None, :])[0]
    return VintageComparison(year, tuple(panels), regions, gdp, ranks)
