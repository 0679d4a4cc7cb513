"""CLI contracts: JSON documents, exit codes, files written, validate."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FOUNDING, SCENARIOS, run_subprocess

RUN_KEYS = {
    "scenario",
    "target",
    "base_year",
    "horizon",
    "threshold_rank",
    "reach_year",
    "target_rank",
    "passes",
    "projection",
}


def test_run_json_contract(cli):
    res = cli("run", FOUNDING, "--json", "--no-report")
    assert res.code == 0, res.err
    doc = res.json()
    assert RUN_KEYS <= set(doc)
    assert doc["target"] == {"code": "15", "en": "Inner Mongolia", "zh": "内蒙古"}
    assert (doc["base_year"], doc["horizon"], doc["threshold_rank"]) == (2025, 2040, 16)
    assert list(doc["target_rank"]) == [str(y) for y in range(2025, 2041)]
    assert doc["target_rank"]["2025"] == 20
    years = {row["year"] for row in doc["projection"]}
    assert years == set(range(2025, 2041))
    assert len(doc["projection"]) == 16 * 31
    assert set(doc["projection"][0]) == {"year", "code", "gdp_nominal_100m_yuan", "rank"}
    first = [r for r in doc["projection"] if r["year"] == 2025 and r["rank"] == 1][0]
    assert first == {"year": 2025, "code": "44", "gdp_nominal_100m_yuan": 145847.0, "rank": 1}
    for p in doc["passes"]:
        assert set(p) == {"year", "code", "direction"} and p["direction"] in {"passed", "passed_by"}
    reach = doc["reach_year"]
    assert reach is None or doc["target_rank"][str(reach)] <= 16
    assert doc["provenance"]["files"][0]["sha256"]


def test_run_summary_prints_reach_year(cli):
    res = cli("run", FOUNDING, "--no-report")
    assert res.code == 0
    assert "reach year:" in res.out and "Inner Mongolia" in res.out


def test_run_writes_outputs(cli, tmp_path):
    out = tmp_path / "out"
    res = cli("run", FOUNDING, "--out", out, "--no-report")
    assert res.code == 0, res.err
    assert {p.name for p in out.iterdir()} == {"run.csv", "run_passes.csv", "run_assumptions.csv", "run.json"}
    head = (out / "run.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert head == "year,code,en,zh,gdp_nominal_100m_yuan,rank,projected"
    assert json.loads((out / "run.json").read_text())["scenario"] == "Inner Mongolia at 6% real from 2025"


def test_failed_run_writes_nothing(cli, write, tmp_path):
    out = tmp_path / "out"
    res = cli("run", write("b.yaml", "name: b\ntarget: nowhere\n"), "--out", out)
    assert res.code == 2
    assert not out.exists()


def test_validate_many_files(cli, write):
    good = [SCENARIOS / "inner_mongolia_6pct.yaml", SCENARIOS / "from_2022.yaml"]
    res = cli("validate", *good)
    assert res.code == 0 and res.out.count(": ok") == 2
    bad = write("bad.yaml", "name: x\nhorizon: 1\n")
    bad2 = write("bad2.yaml", "name: x\ntarget: nowhere\n")
    res = cli("validate", good[0], bad, bad2)
    assert res.code == 2
    assert res.err.count("\n") == 2
    assert f"{bad}:2: horizon" in res.err and f"{bad2}:2: target" in res.err


def test_schema_is_json(cli):
    res = cli("schema")
    assert res.code == 0
    assert json.loads(res.out)["title"] == "ranksim scenario"


def test_bad_arguments_exit_2_one_line(cli):
    for argv in (("frob",), ("run",), ("data", "--year", "abc"), ("data", "--year", "1990"), ()):
        res = cli(*argv)
        assert res.code == 2, argv
        assert res.err.count("\n") == 1 and "Traceback" not in res.err, argv


def test_module_entry_point_in_subprocess(tmp_path):
    res = run_subprocess("run", FOUNDING, "--json", "--no-report")
    assert res.code == 0
    assert (
        json.loads(res.out)["reach_year"]
        == json.loads(run_subprocess("run", FOUNDING, "--json", "--no-report").out)["reach_year"]
    )
    bad = tmp_path / "x.yaml"
    bad.write_text("name: x\nprovinces: {Atlantis: {real_growth: 5}}\n")
    res = run_subprocess("run", bad)
    assert res.code == 2 and res.err.count("\n") == 1 and "Traceback" not in res.err


def test_projection_checked_against_actuals_when_data_exists(cli):
    doc = cli("run", SCENARIOS / "from_2022.yaml", "--json", "--no-report").json()
    check = doc["actual_check"]
    assert [r["year"] for r in check] == [2023, 2024, 2025]
    assert [r["actual_rank"] for r in check] == [21, 20, 20]  # Inner Mongolia passed Shanxi in 2024
    assert check[1]["actual_gdp"] == 26337.0
    assert check[1]["gdp_error_pct"] == round((check[1]["projected_gdp"] / 26337.0 - 1) * 100, 2)
    assert check[2]["actual_gdp"] == 26710.3  # 2025, preliminary
    assert cli("run", FOUNDING, "--json", "--no-report").json()["actual_check"] == []


def test_chinese_summary(cli):
    res = cli("run", FOUNDING, "--lang", "zh", "--no-report")
    # full-width colon after Chinese (issue 24: one glossary)
    assert "达到年份：" in res.out and "目标地区名次" in res.out and "进入前16位" in res.out


def test_years_outside_the_projection_folders_and_shift_labels(cli, tmp_path):
    from tests.conftest import FOUNDING

    res = cli("run", FOUNDING, "--years", "2030", "2050")
    assert res.code == 2 and res.err == "--years: 2050 is outside the projection (2025-2040)\n"
    res = cli("sweep", FOUNDING, "--set", "threshold_rank=15:16:1", "--years", "2019")
    assert res.code == 2 and res.err.startswith("--years: 2019 is outside")
    res = cli("run", FOUNDING.parent)
    assert res.code == 2 and "is a folder, not a scenario file" in res.err
    res = cli("sweep", FOUNDING, "--shift", "provinces.Inner Mongolia.deflator=-1:0:1", "--no-report")
    assert res.code == 0 and "provinces.Inner Mongolia.deflator (shift)" in res.out


def test_a_failed_write_leaves_the_old_results_whole(cli, tmp_path):
    from tests.conftest import FOUNDING

    out = tmp_path / "o"
    assert cli("run", FOUNDING, "--out", out, "--no-report").code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "run.json").unlink()
    (out / "run.json").mkdir()  # run.json cannot be written now
    res = cli("run", FOUNDING, "--out", out, "--no-report", "--years", "2030")
    assert res.code == 2 and res.err.endswith("run.json: a folder has that name\n"), res.err
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == {k: v for k, v in before.items() if k != "run.json"}  # nothing half-replaced
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["backtest", "--horizon", "3"], "回测："),
        (["sweep", "{founding}", "--set", "threshold_rank=15:16:1", "--no-report"], "参数扫描："),
        (["solve", "{founding}", "--by", "2030"], "各截止年份所需增速（确定性）"),
        (["montecarlo", "{founding}", "--paths", "500", "--quiet"], "蒙特卡洛（500条路径"),
    ],
)
def test_console_speaks_chinese_with_lang_zh(cli, argv, fragment):
    from tests.conftest import FOUNDING

    res = cli(*[str(FOUNDING) if a == "{founding}" else a for a in argv], "--lang", "zh")
    assert res.code == 0, res.err
    assert fragment in res.out
    for english in ("Sweep of", "Backtest of", "required growth by deadline", "Monte Carlo ("):
        assert english not in res.out
