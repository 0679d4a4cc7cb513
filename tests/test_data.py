"""The bundled panel against published facts, and the loader's validation of bad files."""

from __future__ import annotations

import numpy as np
import pytest

import sim
from sim.errors import DataError
from sim.inputs.panel import DEFAULT_PANEL, load_panel, weighted_real_growth
from tests.conftest import panel_rows


def test_2022_ranking_matches_published(cli):
    res = cli("data", "--year", "2022", "--json")
    assert res.code == 0
    doc = res.json()
    assert doc["year"] == 2022
    by_code = {p["code"]: p for p in doc["provinces"]}
    assert by_code["15"]["rank"] == 21  # Inner Mongolia 21st of 31, as in the founding report
    assert by_code["15"]["zh"] == "内蒙古"
    assert [p["en"] for p in doc["provinces"][:3]] == ["Guangdong", "Jiangsu", "Shandong"]
    assert sorted(p["rank"] for p in doc["provinces"]) == list(range(1, 32))
    assert set(doc["provinces"][0]) == {
        "code",
        "en",
        "zh",
        "gdp_nominal_100m_yuan",
        "real_growth_pct",
        "population_10k",
        "rank",
        "status",
    }
    assert doc["provinces"][0]["status"] == {"gdp": "final", "real_growth": "final", "population": "final"}
    assert doc["national"]["status"] == "final" and not doc["provisional"]


def test_inner_mongolia_passed_2_trillion_in_2022_and_ranks_20th_in_2024(panel):
    im = panel.regions.find("内蒙古")
    assert panel.gdp[panel.year_index(2022), im] > 20000
    assert panel.gdp[panel.year_index(2021), im] > 20000 > panel.gdp[panel.year_index(2020), im]
    assert panel.ranks[panel.year_index(2024), im] == 20


def test_data_text_table(cli):
    res = cli("data", "--year", "2024")
    assert res.code == 0
    assert "Inner Mongolia" in res.out and "内蒙古" in res.out


def test_ranks_are_permutations_every_year(panel):
    assert (np.sort(panel.ranks, axis=1) == np.arange(1, 32)).all()


def test_deflator_identity_round_trip(panel):
    """(1 + real) * (1 + deflator) reproduces nominal growth wherever the deflator is defined."""
    ok = np.isfinite(panel.log_deflator)
    nominal = np.diff(np.log(panel.gdp), axis=0)
    assert np.allclose((panel.log_real + panel.log_deflator)[1:][ok[1:]], nominal[ok[1:]])


def test_vintage_splice_2006_is_not_used(panel):
    t = panel.year_index(2006)
    assert np.isnan(panel.log_deflator[t]).all()
    assert np.isfinite(panel.log_deflator[panel.year_index(2007)]).all()
    assert panel.default_window(2024) == (2022, 2024)
    assert panel.default_window(2024, years=5) == (2020, 2024)
    assert panel.default_window(2024, years=12) == (2016, 2024)
    assert panel.default_window(2010, years=5) == (2006, 2010)


def test_national_real_growth_derived_2020_2022(panel):
    nat = panel.national
    derived_years = set(nat.years[nat.real_derived].tolist())
    assert derived_years == {2020, 2021, 2022}
    assert np.isfinite(nat.real_growth_pct).all()
    # The derivation reproduces the published national figure within 0.05 points in 2023-2024.
    wmean = weighted_real_growth(panel.gdp, panel.real_growth_pct)
    for year, published in ((2023, 5.4), (2024, 5.0)):
        assert abs(wmean[panel.year_index(year)] - published) < 0.05


def test_names_resolve_in_three_ways(panel):
    i = panel.regions.find("15")
    assert i == panel.regions.find("Inner Mongolia") == panel.regions.find("inner mongolia")
    assert i == panel.regions.find("内蒙古")
    assert panel.regions.find("Atlantis") is None


def _bad_copy(tmp_path, mutate):
    rows = panel_rows()
    rows = mutate(rows)
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _replace_field(row: str, col: int, value: str) -> str:
    parts = row.split(",")
    parts[col] = value
    return ",".join(parts)


BAD_PANELS = {
    "missing region-year": (lambda r: r[:5] + r[6:], "missing region-year", None, "province_code"),
    "duplicate row": (lambda r: r[:6] + [r[5]] + r[6:], "duplicate row", 7, "year"),
    "text in GDP": (
        lambda r: r[:3] + [_replace_field(r[3], 4, "abc")] + r[4:],
        "not a number",
        4,
        "gdp_nominal_100m_yuan",
    ),
    "negative GDP": (
        lambda r: r[:3] + [_replace_field(r[3], 4, "-5")] + r[4:],
        "must be positive",
        4,
        "gdp_nominal_100m_yuan",
    ),
    "zero GDP": (
        lambda r: r[:9] + [_replace_field(r[9], 4, "0")] + r[10:],
        "must be positive",
        10,
        "gdp_nominal_100m_yuan",
    ),
    "two names": (
        lambda r: r[:40] + [_replace_field(r[40], 1, "Peking")] + r[41:],
        "has two names",
        41,
        "province_en",
    ),
    "gap in years": (lambda r: [x for x in r if ",2010," not in x], "gap in years", None, "year"),
    "missing column": (
        lambda r: [",".join(x.split(",")[:4] + x.split(",")[5:]) for x in r],
        "missing column",
        1,
        "gdp_nominal_100m_yuan",
    ),
    "growth <= -100": (
        lambda r: r[:2] + [_replace_field(r[2], 5, "-100")] + r[3:],
        "greater than -100",
        3,
        "real_growth_pct",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_PANELS))
def test_bad_panel_names_file_row_and_column(tmp_path, case):
    mutate, fragment, line, column = BAD_PANELS[case]
    path = _bad_copy(tmp_path, mutate)
    with pytest.raises(DataError) as info:
        load_panel(path)
    err = info.value
    assert fragment in err.message
    assert err.file == str(path)
    assert err.line == line
    assert err.field == column


def test_bad_panel_through_cli_is_one_line_exit_2(tmp_path, cli):
    path = _bad_copy(tmp_path, BAD_PANELS["text in GDP"][0])
    res = cli("data", "--data", path)
    assert res.code == 2
    assert res.err.count("\n") == 1
    assert res.err.startswith(f"{path}:4: gdp_nominal_100m_yuan: not a number")


def test_thousands_separator_hint(tmp_path):
    path = _bad_copy(tmp_path, lambda r: r[:3] + [_replace_field(r[3], 4, '"1,845.7"')] + r[4:])
    with pytest.raises(DataError, match="remove thousands separators") as info:
        load_panel(path)
    assert (info.value.line, info.value.field) == (4, "gdp_nominal_100m_yuan")


def test_gb18030_file_is_read_and_named(tmp_path):
    """A panel saved by Chinese Excel (GB18030/GBK) reads to the same numbers; the encoding is said."""
    path = tmp_path / "gbk.csv"
    path.write_bytes(DEFAULT_PANEL.read_text(encoding="utf-8").encode("gb18030"))
    panel, bundled = load_panel(path), load_panel()
    assert panel.encoding == "gb18030" and bundled.encoding == "utf-8"
    assert panel.regions.zh == bundled.regions.zh
    np.testing.assert_array_equal(panel.gdp, bundled.gdp)
    with pytest.raises(DataError, match="cannot be read as utf-8") as info:
        load_panel(path, encoding="utf-8")
    assert info.value.line == 2  # the first line with a Chinese name (北京; line 1 is the ASCII header)


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + DEFAULT_PANEL.read_bytes())
    assert load_panel(path).n_regions == 31


def test_custom_panel_any_regions(write, cli):
    """A panel of other regions: codes and names come from the file; threshold range follows N."""
    rows = ["province_code,province_en,province_zh,year,gdp_nominal_100m_yuan,real_growth_pct"]
    sizes = {"A1": 100.0, "B2": 90.0, "C3": 80.0, "D4": 70.0, "E5": 60.0}
    for year in range(2015, 2021):
        for k, (code, size) in enumerate(sizes.items()):
            rows.append(f"{code},City {code},城{k},{year},{size * 1.05 ** (year - 2015):.4f},5.0")
    write("cities.csv", "\n".join(rows) + "\n")
    ok = write(
        "ok.yaml",
        "name: cities\ndata: cities.csv\ntarget: E5\nthreshold_rank: 4\nprovinces: {E5: {real_growth: 10}}\n",
    )
    res = cli("run", ok, "--json", "--no-report")
    assert res.code == 0, res.err
    doc = res.json()
    assert doc["target"] == {"code": "E5", "en": "City E5", "zh": "城4"}
    assert doc["reach_year"] is not None
    bad = write("bad.yaml", "name: cities\ndata: cities.csv\ntarget: E5\nthreshold_rank: 5\n")
    res = cli("run", bad)
    assert res.code == 2
    assert "threshold_rank: must be between 1 and 4 for a panel of 5 regions" in res.err
    notarget = write("nt.yaml", "name: cities\ndata: cities.csv\n")
    assert "target: required" in cli("run", notarget).err
    assert sim.load_panel(write("cities2.csv", "\n".join(rows) + "\n")).regions.codes[0] == "A1"


def test_vintages_are_bundled_with_their_provenance():
    """The pre-2018 vintage has Inner Mongolia 15th in 2010 (as published then), today's data 20th;
    the vintages agree with today's panel where no restatement happened (real growth 2000-2015),
    and every file's sha256 is the one data/vintages/README.md records."""
    from sim.inputs.panel import VINTAGES_DIR, load_vintage, sha256_of, vintage_names

    assert vintage_names() == ("pre2018", "pre2023", "current")
    readme = (VINTAGES_DIR / "README.md").read_text(encoding="utf-8")
    old, mid, now = (load_vintage(n) for n in vintage_names())
    for p in (old, mid):
        assert sha256_of(p.path) in readme
    im = now.regions.find("Inner Mongolia")
    assert (old.last_year, mid.last_year) == (2017, 2022)
    assert old.ranks[old.year_index(2010), im] == 15 and now.ranks[now.year_index(2010), im] == 20
    assert np.array_equal(old.real_growth_pct[:16], now.real_growth_pct[:16])
    # the 2018-2022 vintage and today's differ by the 5th-census revision (a few percent), not more
    ratio = mid.gdp[mid.year_index(2019)] / now.gdp[now.year_index(2019)]
    assert 0.9 < ratio.min() and ratio.max() < 1.1 and not np.allclose(ratio, 1)


def test_unknown_vintage_is_a_located_error():
    from sim.errors import DataError
    from sim.inputs.panel import load_vintage

    with pytest.raises(DataError, match="no vintage 'pre1990'.*pre2018, pre2023, current"):
        load_vintage("pre1990")
