"""Build the vintage panels in this folder from the compiled cross-check files.

Usage: python data/vintages/build_vintages.py SHARED_DATA_DIR

SHARED_DATA_DIR holds ``crosscheck_nominal.csv`` and ``crosscheck_growth.csv`` (the project's
compiled data; see README.md here). Each vintage is written in the shipped panel's CSV format:

* ``pre2018.csv``: nominal GDP 2000-2017 as the NBS portal published it before the 4th economic
  census revision (copy TB, exported about 2018);
* ``pre2023.csv``: nominal GDP 2000-2022 as published after the 4th and before the 5th census
  revision (NBS20 for 2000-2005 and its copies NV/VL for 2006-2019, EO for 2020-2022; EO and NV
  agree exactly on 2019, the year both hold).

Real growth and population are not in those exports: real growth is the NBS20-vintage index
where a copy exists (the shipped panel's 2000-2015 values, NVidx for 2016-2019) and the shipped
panel's value otherwise; population is the shipped panel's. The ``source`` column says which.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
PANEL = HERE.parent / "province_gdp.csv"


def build(shared: Path) -> dict[str, pd.DataFrame]:
    """The vintage panels by name."""
    panel = pd.read_csv(PANEL, dtype={"province_code": str})
    nominal = pd.read_csv(shared / "crosscheck_nominal.csv", dtype={"province_code": str})
    growth = pd.read_csv(shared / "crosscheck_growth.csv", dtype={"province_code": str})
    nv_idx = growth[growth.compare_source == "NVidx"].set_index(["year", "province_code"])[
        "compare_real_growth_pct"
    ]

    def vintage(copies: dict[str, tuple[int, int]], last: int, gdp_id: str) -> pd.DataFrame:
        rows = panel[panel.year <= last].copy()
        key = list(zip(rows.year, rows.province_code, strict=True))
        old = pd.Series(index=pd.MultiIndex.from_tuples(key), dtype=float)
        for copy, (lo, hi) in copies.items():
            part = nominal[(nominal.compare_source == copy) & nominal.year.between(lo, hi)]
            old.update(part.set_index(["year", "province_code"])["compare_value"])
        keep = old.notna().to_numpy()
        rows.loc[keep, "gdp_nominal_100m_yuan"] = old[keep].to_numpy()
        gdp_src = [
            gdp_id if k else s.split("|")[0].split(":")[1] for k, s in zip(keep, rows.source, strict=True)
        ]
        rg = [nv_idx.get(k) for k in key]
        rows["real_growth_pct"] = [
            v if v is not None else r for v, r in zip(rg, rows.real_growth_pct, strict=True)
        ]
        rg_src = [
            "NBS20" if v is not None else s.split("|")[1].split(":")[1]
            for v, s in zip(rg, rows.source, strict=True)
        ]
        pop_src = [s.split("|")[2].split(":")[1] for s in rows.source]
        rows["source"] = [f"gdp:{g}|rg:{r}|pop:{p}" for g, r, p in zip(gdp_src, rg_src, pop_src, strict=True)]
        return rows

    return {
        "pre2018": vintage({"TB": (2000, 2017)}, 2017, "TB"),
        "pre2023": vintage({"NV": (2006, 2019), "EO": (2020, 2022)}, 2022, "NBS20"),
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    for name, frame in build(Path(sys.argv[1])).items():
        frame.to_csv(HERE / f"{name}.csv", index=False)
        print(f"wrote {name}.csv: {len(frame)} rows, {frame.year.min()}-{frame.year.max()}")
