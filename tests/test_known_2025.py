"""Start from what is known: 2025 for every province, national paths with sources, the record of
targets (issue 21). Real shipped data, no mocks."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest

import sim
from sim.inputs.panel import STATUS_FIELDS
from sim.inputs.presets import load_presets, preset_names
from tests.conftest import FOUNDING, ROOT

PRESETS = ("imf_weo_2026", "imf_no_reform", "imf_reform", "official", "trailing")


def _quiet_load(source, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sim.load_scenario(source, **kw)


def test_2025_is_in_the_panel_for_every_province_with_a_status_for_each_value(cli):
    res = cli("data", "--year", "2025", "--json")
    assert res.code == 0, res.err
    doc = json.loads(res.out)
    assert len(doc["provinces"]) == 31 and doc["provisional"]
    for row in doc["provinces"]:
        assert set(row["status"]) == set(STATUS_FIELDS)
        assert row["status"]["gdp"] in ("preliminary", "estimated")
        assert row["status"]["population"] in ("preliminary", "estimated")
    im = next(r for r in doc["provinces"] if r["code"] == "15")
    assert im["rank"] == 20 and im["gdp_nominal_100m_yuan"] == pytest.approx(26710.3)
    assert doc["national"] == {
        "gdp_nominal_100m_yuan": 1401879.0, "real_growth_pct": 5.0, "status": "preliminary", "aggregate": False
    }  # fmt: skip
    estimated = sorted(r["code"] for r in doc["provinces"] if r["status"]["population"] == "estimated")
    assert estimated == ["11", "12", "13", "36", "41", "44", "54", "65"]


def test_the_provinces_add_up_to_about_the_nation_in_2025():
    panel = sim.load_panel()
    i = panel.year_index(2025)
    share = panel.gdp[i].sum() / panel.national.gdp[i]
    assert 0.98 < share < 1.01  # 0.994 (0.992 in 2024): provincial figures as published
    growth = panel.gdp[i] / panel.gdp[i - 1] - 1
    assert (growth > -0.02).all() and (growth < 0.10).all()


def test_the_terminal_marks_preliminary_values_in_both_languages(cli):
    en = cli("data", "--year", "2025")
    assert en.code == 0 and "26,710.3p" in en.out and "p = preliminary figure" in en.out
    zh = cli("data", "--year", "2025", "--lang", "zh")
    assert zh.code == 0 and "名义GDP排名" in zh.out and "初步核算数" in zh.out and "Ranking" not in zh.out
    final = cli("data", "--year", "2024")
    assert final.code == 0 and "p = preliminary" not in final.out


def test_a_bad_status_is_one_located_line(tmp_path, cli):
    lines = (ROOT / "data" / "province_gdp.csv").read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5] + "provisional"  # row 6 of the file, an unknown status token
    bad = tmp_path / "panel.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = cli("data", "--data", bad, "--year", "2020")
    assert res.code == 2 and res.err.count("\n") == 1
    assert f"{bad}:6: status: unknown status 'provisional'" in res.err


def test_the_founding_case_starts_from_2025_on_a_sourced_national_path():
    sc = _quiet_load(FOUNDING)
    assert sc.base_year == 2025 and sc.national_preset == "imf_weo_2026"
    assert not sc.plans  # no preliminary pin needed any more
    np.testing.assert_allclose(sc.growth.national_real_pct[:2], [4.5, 4.0])
    assert sc.national_source[0] == "preset imf_weo_2026 (N_WEO26)"


def test_run_json_has_the_national_path_year_by_year(cli):
    res = cli("run", FOUNDING, "--json")
    doc = json.loads(res.out)
    path = doc["national_path"]
    assert [p["year"] for p in path] == list(range(2026, 2041))
    assert path[0] == {"year": 2026, "real_growth_pct": 4.5, "deflator_pct": -0.2,
                       "source": "preset imf_weo_2026 (N_WEO26)"}  # fmt: skip
    assert path[-1]["real_growth_pct"] == 2.8 and path[-1]["deflator_pct"] == 1.5
    assert doc["national_preset"] == "imf_weo_2026"
    assert doc["base_year_status"]["national"] == "preliminary"
    assert len(doc["base_year_status"]["preliminary"]) == 31


def test_every_preset_is_sourced_and_resolves():
    presets = load_presets()
    assert tuple(presets) == preset_names() and set(PRESETS) == set(presets)
    for name, p in presets.items():
        assert p.source and p.title_zh and p.source_id, name
        sc = _quiet_load({"name": name, "national": {"preset": name}}, base_dir=ROOT)
        assert np.isfinite(sc.growth.national_real_pct).all() and np.isfinite(sc.growth.national_deflator_pct).all()
    # the documented numbers (README, National paths; data/national_paths.yaml)
    sc = _quiet_load({"name": "x", "national": {"preset": "imf_no_reform"}}, base_dir=ROOT)
    np.testing.assert_allclose(sc.growth.national_real_pct[[0, 4, 5, 14]], [3.8, 3.8, 2.8, 2.8])
    sc = _quiet_load({"name": "x", "national": {"preset": "official"}}, base_dir=ROOT)
    np.testing.assert_allclose(sc.growth.national_real_pct[:2], [4.75, 4.4])


def test_a_preset_is_extended_or_overridden_year_by_year():
    sc = _quiet_load(
        {"name": "x", "national": {"preset": "imf_no_reform", "real_growth": {2031: 3.5, 2040: 3.5}}}, base_dir=ROOT
    )
    real = dict(zip(sc.years.tolist(), sc.growth.national_real_pct.tolist(), strict=True))
    assert real[2026] == pytest.approx(3.8) and real[2030] == pytest.approx(3.8)  # the preset's
    assert real[2031] == pytest.approx(3.5) and real[2040] == pytest.approx(3.5)  # the scenario's
    src = dict(zip(sc.years.tolist(), sc.national_source, strict=True))
    assert src[2026].startswith("preset imf_no_reform") and src[2035] == "scenario"
    whole = _quiet_load({"name": "x", "national": {"preset": "imf_reform", "real_growth": 5.0}}, base_dir=ROOT)
    assert (whole.growth.national_real_pct == 5.0).all()


def test_an_unknown_preset_is_one_located_line(tmp_path, cli):
    path = tmp_path / "p.yaml"
    path.write_text(f"extends: {FOUNDING}\nnational:\n  preset: imf\n", encoding="utf-8")
    res = cli("run", path)
    assert res.code == 2 and res.err.count("\n") == 1
    assert f"{path}:3: national.preset: unknown preset 'imf'" in res.err


@pytest.mark.slow
@pytest.mark.parametrize("preset", PRESETS)
def test_a_preset_runs_through_every_command(tmp_path, cli, preset):
    path = tmp_path / f"{preset}.yaml"
    path.write_text(
        f"extends: {FOUNDING}\nnational:\n  preset: {preset}\nsensitivity:\n  sobol_samples: 64\n", encoding="utf-8"
    )
    for args in (
        ("run", path, "--json"),
        ("montecarlo", path, "--paths", "500", "--seed", "1", "--json"),
        ("sweep", path, "--json"),
        ("solve", path, "--by", "2035", "--json"),
        ("sensitivity", path, "--seed", "1", "--json"),
    ):
        res = cli(*args)
        assert res.code == 0, (args, res.err)
        json.loads(res.out)
    run = json.loads(cli("run", path, "--json").out)
    assert run["national_preset"] == preset
    assert {p["source"].split(" (")[0] for p in run["national_path"]} == {f"preset {preset}"}


def test_the_app_runs_a_preset_scenario():
    from sim.serve.whatif import Session, WhatIf

    sc = _quiet_load({"name": "x", "national": {"preset": "imf_no_reform"}, "target": "15"}, base_dir=ROOT)
    session = Session(sc, paths=200, seed=1)
    w = WhatIf(target_real=6.0, national_shift=-0.5)
    ev = session.evaluate(w)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        variant = session.variant(w)
    assert variant.national_preset == "imf_no_reform"
    np.testing.assert_allclose(ev.projection.gdp, sim.project(variant).gdp, rtol=1e-12)


def test_the_answer_under_each_national_path():
    from sim.analyses.presets import compare_national_paths

    sc = _quiet_load(FOUNDING)
    c = compare_national_paths(sc, paths=400, seed=1)
    assert [a.preset for a in c.answers] == list(PRESETS)
    own = c.answers[0]
    assert own.reach_year == sim.project(sc).reach_year
    assert set(own.reach_probability) == {2030, 2035, 2040}
    # a slower nation makes the fixed 6 % plan a bigger lead: the reach year cannot come later
    by_growth = sorted(c.answers, key=lambda a: a.mean_real_pct)
    years = [a.reach_year or 9999 for a in by_growth]
    assert years == sorted(years)
    frame = c.to_frame()
    assert list(frame.columns) == ["preset", "mean_real_growth_pct", "reach_year", "reach_probability_2030",
                                   "reach_probability_2035", "reach_probability_2040"]  # fmt: skip


def test_targets_record_prints_and_counts_misses(cli):
    res = cli("data", "--targets", "--region", "内蒙古", "--json")
    assert res.code == 0, res.err
    doc = json.loads(res.out)
    (im,) = doc["regions"]
    years = {e["year"]: e for e in im["years"]}
    assert years[2025]["target_pct"] == 6.0 and years[2025]["outturn_pct"] == 4.7
    assert years[2025]["outturn_status"] == "preliminary" and years[2025]["miss_pp"] == pytest.approx(1.3)
    assert years[2024]["kind"] == "above" and years[2026]["outturn_pct"] is None
    counted = [e["miss_pp"] for e in im["years"] if e["miss_pp"] is not None and e["year"] != 2020]
    assert im["mean_miss_pp"] == pytest.approx(round(sum(counted) / len(counted), 2))
    assert doc["excluded_years"] == [2020]
    text = cli("data", "--targets", "--region", "15", "--lang", "zh")
    assert text.code == 0 and "内蒙古（15）" in text.out and "左右" in text.out
    bad = cli("data", "--targets", "--region", "Mongolia")
    assert bad.code == 2 and "--region: unknown region 'Mongolia' (did you mean 'Inner Mongolia'?)" in bad.err


def test_the_shortfall_record_leaves_out_2020():
    from sim.model.growth import target_shortfalls

    panel, targets = sim.load_panel(), sim.load_targets()
    with_2020 = {k: v + (50.0 if k[1] == 2020 else 0.0) for k, v in targets.values.items()}
    a = target_shortfalls(targets.values, panel.regions.codes, panel.real_growth_pct, panel.years)
    b = target_shortfalls(with_2020, panel.regions.codes, panel.real_growth_pct, panel.years)
    np.testing.assert_allclose(a, b)  # a 2020 target, however far off, does not count
