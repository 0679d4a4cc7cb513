"""Issue 22: scores for the region asked about, not only pooled (real panel, no mocks)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from sim.analyses.backtest import backtest
from sim.analyses.calibration import model_oos
from sim.inputs.panel import DEFAULT_PANEL
from sim.model.scenario import default_scenario, load_scenario
from sim.present.track import TRACK_RECORD, track_record, track_sentence
from tests.conftest import FOUNDING


@pytest.fixture(scope="module")
def scenario():
    return default_scenario()


def test_region_coverage_averages_to_the_pooled_coverage(scenario):
    bt = backtest(scenario, range(2010, 2016), 3, paths=300, seed=2).with_coverage_by_horizon((1, 3))
    doc = bt.to_document()
    by_region = doc["coverage_level_by_region"]
    assert set(by_region) == set(scenario.panel.regions.codes)
    assert set(by_region["15"]) == {"1", "3"} and set(by_region["15"]["3"]) == {"0.5", "0.8"}
    for h in ("1", "3"):  # every jump-off scores every region: the pooled share is the mean
        for lv in ("0.5", "0.8"):
            mean = np.mean([by_region[c][h][lv] for c in by_region])
            assert mean == pytest.approx(doc["coverage_level_by_horizon"][h][lv], abs=1e-3)
    hits = bt.hits[("level", 0.8)][:, scenario.target]  # (J,) inside the 80 % band?
    assert by_region["15"]["3"]["0.8"] == pytest.approx(hits.mean(), abs=1e-4)


def test_rank_mae_by_region_recomputed_from_the_csv(scenario):
    h, years = 5, range(2008, 2020)
    bt = backtest(scenario, years, h)
    oos = model_oos(bt)
    table = bt.rank_mae_by_region(oos["by_region"])
    frame = pd.read_csv(DEFAULT_PANEL, dtype={"province_code": str})
    frame["rank"] = frame.groupby("year")["gdp_nominal_100m_yuan"].rank(ascending=False, method="min")
    wide = frame.pivot(index="year", columns="province_code", values="rank")
    for code in ("15", "14", "44"):
        naive = np.mean([abs(wide.loc[b, code] - wide.loc[b + h, code]) for b in years])
        assert table[code]["naive"] == pytest.approx(naive, abs=1e-4)
    assert np.mean([r["model"] for r in table.values()]) == pytest.approx(bt.model.rank_mae, abs=1e-3)
    assert np.mean([r["model_oos"] for r in table.values()]) == pytest.approx(oos["rank_mae"], abs=1e-3)
    assert table["15"]["model"] == pytest.approx(bt.model.target_rank_mae, abs=1e-4)
    assert bt.to_document()["rank_mae_by_region"]["15"]["model_oos"] is None  # only with model_oos


def test_backtest_json_report_and_terminal_show_the_target(cli, tmp_path):
    res = cli("backtest", "--from", "2010:2013", "--horizon", "3", "--paths", "300", "--seed", "1",
              "--quiet", "--out", tmp_path)  # fmt: skip
    assert res.code == 0, res.err
    doc = json.loads((tmp_path / "backtest.json").read_text(encoding="utf-8"))
    row = doc["rank_mae_by_region"]["15"]
    assert set(row) == {"model", "model_oos", "naive"}
    assert row["model_oos"] == doc["model_oos"]["by_region"]["15"]
    assert set(doc["coverage_level_by_region"]["15"]) == {str(h) for h in range(1, 11)}
    line = "Inner Mongolia on its own: out of sample (settings chosen by rolling origin) "
    line += f"{row['model_oos']:.2f}"
    assert line in res.out
    html = (tmp_path / "backtest.html").read_text(encoding="utf-8")
    assert line in html and "Inner Mongolia&#x27;s own nominal-level bands held the outcome" in html
    zh = cli("backtest", "--from", "2010:2013", "--horizon", "3", "--quiet", "--lang", "zh", "--no-report")
    assert "仅看内蒙古：样本外（设置按滚动起点选择）名次平均绝对误差" in zh.out


def test_run_report_says_how_the_method_did_for_the_target():
    sc = load_scenario(FOUNDING)
    rec = track_record(sc)
    assert rec is not None and rec.code == "15" and rec.horizon == 10  # 2025-2040: the longest tabled
    doc = json.loads(TRACK_RECORD.read_text(encoding="utf-8"))
    assert rec.rank_mae_naive == doc["regions"]["15"]["10"]["rank_mae_naive"]
    en, zh = track_sentence(sc, "en"), track_sentence(sc, "zh")
    assert en.startswith("How the method did for Inner Mongolia before: from jump-offs 2008-")
    assert f"(docs/track_record.json, {doc['produced']})" in en
    assert zh.startswith("此方法过去对内蒙古的表现") and doc["produced"] in zh
    short = sc.with_changes({"horizon": sc.base_year + 4, "sensitivity": None, "sweep": None})
    assert track_record(short).horizon == 3  # the longest horizon within the projection


def test_run_report_has_the_sentence(cli, tmp_path):
    res = cli("run", FOUNDING, "--out", tmp_path, "--quiet")
    assert res.code == 0, res.err
    html = (tmp_path / "run.html").read_text(encoding="utf-8")
    assert "How the method did for Inner Mongolia before" in html


def test_no_track_record_for_another_panel(write, tmp_path):
    import shutil

    shutil.copy(DEFAULT_PANEL, tmp_path / "mine.csv")
    path = write("s.yaml", f"name: s\ndata: {tmp_path / 'mine.csv'}\ntarget: Inner Mongolia\n")
    sc = load_scenario(path)
    assert track_record(sc) is None and track_sentence(sc) == ""


@pytest.mark.slow
def test_the_track_record_is_current(scenario):
    """docs/track_record.json is what the current model gives (re-run docs/track_record.py after
    changing the model): the 1-year backtest of 2008-2019, 2000 paths, seed 1."""
    doc = json.loads(TRACK_RECORD.read_text(encoding="utf-8"))
    bt = backtest(scenario, range(2008, 2020), 1, paths=2000, seed=1)
    cover = bt.region_coverage()
    table = bt.rank_mae_by_region()
    for i, code in enumerate(scenario.panel.regions.codes):
        row = doc["regions"][code]["1"]
        assert row["coverage_50"] == pytest.approx(cover[0.5][i], abs=1e-4)
        assert row["coverage_80"] == pytest.approx(cover[0.8][i], abs=1e-4)
        assert row["rank_mae_model"] == table[code]["model"] and row["rank_mae_naive"] == table[code]["naive"]
