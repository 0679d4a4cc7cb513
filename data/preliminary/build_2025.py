"""Merge the 2025 preliminary figures (``preliminary_2025.csv`` here) into the shipped panel.

Run from the repository root: ``python data/preliminary/build_2025.py``. It rewrites the 2025 rows
of ``data/province_gdp.csv`` and ``data/national_gdp.csv`` (other rows are kept byte for byte):

* nominal GDP and real growth as published (``*_status`` = published; every value has its source
  ids, see ``data/SOURCES.md`` section 7);
* population where published; where not, GDP / GDP per head (the per-head figure all 31 publish,
  ``../shared/data/preliminary_2025.csv`` copied as ``per_capita_2025.csv`` here), marked
  ``estimated:population`` in the ``status`` column (GDP per head uses the mean population of the
  year, so the estimate is about half a year's growth below the year-end figure);
* the ``status`` column says ``preliminary`` for every 2025 value (the panel's other rows are final).

The source ids keep the panel's vintage (``NBS25@...``, ``NAT25@...``): the 2025 figures are
published on the same basis as 2024 (after the 5th economic census), so nominal growth into 2025
is not a splice.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent


def _ids(source: str, key: str) -> str:
    for part in source.split("|"):
        if part.startswith(f"{key}:"):
            return part.split(":", 1)[1]
    return "-"


def _fmt(x: float) -> str:
    return f"{x:.1f}" if abs(x - round(x, 1)) < 1e-9 else f"{x:.2f}"


def main() -> None:
    prelim = list(csv.DictReader((HERE / "preliminary_2025.csv").open(encoding="utf-8")))
    per_head = {r["province_code"]: float(r["gdp_per_capita_yuan"])
                for r in csv.DictReader((HERE / "per_capita_2025.csv").open(encoding="utf-8"))}  # fmt: skip
    rows, national = [], None
    for r in prelim:
        if r["province_code"] == "00":
            national = r
            continue
        gdp = float(r["gdp_nominal_100m_yuan"])
        status = ["preliminary"]
        if r["population_10k"]:
            pop, pop_src = r["population_10k"], f"POP25@{_ids(r['source'], 'pop')}"
        else:
            pop, pop_src = f"{gdp * 1e4 / per_head[r['province_code']]:.0f}", "POP25@EST_GDP_PER_HEAD"
            status.append("estimated:population")
        for field in ("gdp", "real"):
            if r[f"{field}_status"] == "estimated":
                status.append(f"estimated:{field}")
        src = f"gdp:NBS25@{_ids(r['source'], 'gdp')}|rg:NBS25@{_ids(r['source'], 'rg')}|pop:{pop_src}"
        rows.append([r["province_code"], r["province_en"], r["province_zh"], "2025", r["gdp_nominal_100m_yuan"],
                     r["real_growth_pct"], pop, src, ";".join(status)])  # fmt: skip
    _rewrite(DATA / "province_gdp.csv", rows, year_col=3)
    assert national is not None
    nat = ["2025", national["gdp_nominal_100m_yuan"], national["real_growth_pct"],
           f"gdp:NAT25@{_ids(national['source'], 'gdp')}|rg:NAT25@{_ids(national['source'], 'rg')}",
           "preliminary"]  # fmt: skip
    _rewrite(DATA / "national_gdp.csv", [nat], year_col=0)


def _rewrite(path: Path, new_rows: list[list[str]], year_col: int) -> None:
    """Keep every row but the 2025 ones, add a ``status`` column (empty = final), append ``new_rows``."""
    with path.open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    header, body = table[0], [r for r in table[1:] if r[year_col] != "2025"]
    if "status" not in header:
        header = [*header, "status"]
        body = [[*r, ""] for r in body]
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(header)
        out.writerows(body)
        out.writerows(new_rows)


if __name__ == "__main__":
    main()
