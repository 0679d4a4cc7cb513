"""Every assumption visible: the source of each assembled growth value, the assumptions table
(``Projection.assumptions_frame``), its CSV and JSON, and its place in the report."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import sim
from sim.inputs.params import parse_parameter
from sim.model.growth import assemble, growth_sources
from sim.names import ASSUMPTION_COLUMNS
from tests.conftest import FOUNDING, SCENARIOS
from tests.test_plans import PLANS


def pct(log_growth):
    return np.expm1(log_growth) * 100


@pytest.fixture(scope="module")
def founding():
    return sim.project(sim.load_scenario(FOUNDING))


@pytest.fixture(scope="module")
def pinned():
    """The founding case from 2024 with 2025's preliminary figure pinned ("2.67 trillion", the
    chairman, March 2026): a preliminary figure on real data."""
    sc = sim.load_scenario(FOUNDING).with_changes(
        {"base_year": 2024, "others.window": [2020, 2024], "provinces.Inner Mongolia.gdp": {2025: 26700}}
    )
    return sim.project(sc)


def test_the_founding_case_labels_its_own_values(founding, pinned):
    sc = founding.scenario
    src = founding.sources
    im = sc.target
    assert set(src.real[:, im]) == {"scenario"}
    assert set(src.deflator[:, im]) == {"model"}  # from 2025's data: nothing pinned
    others = np.delete(np.arange(sc.n_regions), im)
    assert set(src.real[:, others].ravel()) == {"model"} and set(src.deflator[:, others].ravel()) == {"model"}
    src = pinned.sources
    assert set(src.real[:, im]) == {"scenario"}
    assert src.deflator[0, im] == "preliminary" and set(src.deflator[1:, im]) == {"model"}
    assert set(src.real[:, others].ravel()) == {"model"} and set(src.deflator[:, others].ravel()) == {"model"}


@pytest.mark.parametrize("which", ["founding", "pinned"])
def test_the_table_holds_the_assembled_numbers(which, request):
    proj = request.getfixturevalue(which)
    frame = proj.assumptions_frame()
    sc = proj.scenario
    assert list(frame.columns) == list(ASSUMPTION_COLUMNS)
    assert len(frame) == sc.n_regions * sc.years.size
    g = assemble(sc.growth)
    for code, rows in frame.groupby("code"):
        j = sc.panel.regions.codes.index(code)
        assert np.allclose(rows["real_growth_pct"], pct(g.real[:, j]))
        assert np.allclose(rows["deflator_pct"], pct(g.deflator[:, j]))
        nominal = (1 + rows["real_growth_pct"] / 100) * (1 + rows["deflator_pct"] / 100) * 100 - 100
        assert np.allclose(rows["nominal_growth_pct"], nominal)
    im = frame[frame["code"] == "15"]
    assert (im["real_growth_pct"].round(9) == 6.0).all() and (im["base_rank"] == 20).all()
    assert frame["base_rank"].is_monotonic_increasing  # regions in base-year rank order
    if which == "pinned":
        # the preliminary 2025 figure: 26,700 over 2024's level is the nominal growth of 2025
        base = sc.panel.gdp[sc.panel.year_index(2024), sc.target]
        assert im["nominal_growth_pct"].iloc[0] == pytest.approx((26700 / base - 1) * 100)
    else:
        # 2026: 6 % real at the nation's prices (imf_weo_2026: -0.2 %) plus its 2023-2025 mean
        # price spread over the nation, halved after a year (deflator half-life 1)
        p = sc.panel
        t = (p.years >= 2023) & (p.years <= 2025)
        spread = np.mean(p.log_deflator[t, sc.target] - p.national.log_deflator[t])
        assert spread == pytest.approx(-0.01184, abs=1e-5)  # coal prices fell in 2023-2024
        expected = (1.06 * 0.998 * np.exp(spread / 2) - 1) * 100
        assert im["nominal_growth_pct"].iloc[0] == pytest.approx(expected)


def _model_only(model):
    """The same growth model with every fixed cell, lead, shift and pin removed."""
    nan = np.full_like(model.fixed_real_pct, np.nan)
    return dataclasses.replace(
        model, fixed_real_pct=nan, fixed_deflator_pct=nan, lead_real_pct=None, lead_deflator_pct=None,
        shift_real_pct=None, shift_deflator_pct=None, pinned_nominal=None,
    )  # fmt: skip


@pytest.mark.parametrize("which", ["plans", "official_targets"])
def test_every_label_says_what_made_the_number(which, write):
    """Cross-check against the arithmetic: a "model" cell is what the model alone gives, a
    "scenario" or "target" cell the fixed value, a "lead" cell national + lead, "+shift" adds
    the shift, "preliminary" is the pinned nominal growth less real growth."""
    path = write("plans.yaml", PLANS) if which == "plans" else SCENARIOS / "official_targets.yaml"
    sc = sim.load_scenario(path)
    m = sc.growth
    src = growth_sources(m)
    got = assemble(m)
    alone = assemble(_model_only(m))
    for kind, fixed, lead, shift, nat in (
        ("real", m.fixed_real_pct, m.lead_real_pct, m.shift_real_pct, m.national_real_pct),
        ("deflator", m.fixed_deflator_pct, m.lead_deflator_pct, m.shift_deflator_pct,
         m.national_deflator_pct),
    ):  # fmt: skip
        labels, values, model = getattr(src, kind), pct(getattr(got, kind)), pct(getattr(alone, kind))
        shift = shift if shift is not None else np.zeros_like(values)
        base = labels.astype(str)
        shifted = np.char.endswith(base, "+shift")
        assert (shift[shifted] != 0).all() and (shift[~shifted] == 0).all()
        plain = np.char.replace(base, "+shift", "")
        cells = {name: plain == name for name in np.unique(plain)}
        assert set(cells) <= {"model", "target", "scenario", "lead", "preliminary"}
        want = np.full(values.shape, np.nan)
        want[cells.get("model", False)] = model[cells.get("model", False)]
        for name in ("target", "scenario"):
            want[cells.get(name, False)] = fixed[cells.get(name, False)]
        if "lead" in cells:
            want[cells["lead"]] = (nat[:, None] + lead)[cells["lead"]]
        want = want + shift
        if "preliminary" in cells:
            p = cells["preliminary"]
            want[p] = pct(m.pinned_nominal - got.real)[p]
        assert np.allclose(values, want), kind
    labels = set(src.real.ravel()) | set(src.deflator.ravel())
    if which == "plans":
        assert {"lead", "preliminary", "model+shift", "scenario"} <= labels
    else:
        assert "target" in labels


def test_a_parameter_labels_its_column(founding):
    sc = founding.scenario
    real = parse_parameter(sc.panel.regions, "provinces.Guangxi.real_growth", "set")
    shift = parse_parameter(sc.panel.regions, "provinces.Yunnan.deflator", "shift")
    proj = sim.project(sc, [(real, 4.5), (shift, 1.0)])
    gx, yn = sc.panel.regions.find("Guangxi"), sc.panel.regions.find("Yunnan")
    assert set(proj.sources.real[:, gx]) == {"parameter"}
    assert set(proj.sources.deflator[:, yn]) == {"model+parameter"}
    assert np.allclose(pct(proj.growth.real[:, gx]), 4.5)


def test_the_json_carries_the_table(founding, pinned):
    doc = founding.to_document()
    rows = doc["assumptions"]
    assert len(rows) == founding.scenario.n_regions * founding.scenario.years.size
    first_im = next(r for r in rows if r["code"] == "15")
    assert first_im == {
        "year": 2026, "code": "15", "real_growth_pct": 6.0, "real_source": "scenario",
        "deflator_pct": -0.789, "deflator_source": "model", "nominal_growth_pct": 5.164,
    }  # fmt: skip  # 2026: the nation's prices (imf_weo_2026, -0.2 %) and half its 2023-2025 spread
    rows = pinned.to_document()["assumptions"]
    first_im = next(r for r in rows if r["code"] == "15")
    assert first_im == {
        "year": 2025, "code": "15", "real_growth_pct": 6.0, "real_source": "scenario",
        "deflator_pct": first_im["deflator_pct"], "deflator_source": "preliminary",
        "nominal_growth_pct": first_im["nominal_growth_pct"],
    }  # fmt: skip
    assert first_im["deflator_pct"] < 0  # 2025: prices fell (1.4 % nominal, about 6 % real)


def test_the_focus_is_the_regions_around_the_threshold(founding):
    codes = [founding.codes[j] for j in founding.focus()]
    # ranks 15 (Jiangxi) to 21 (Shanxi) in 2025: the four to pass, the target, one either side;
    # and Shaanxi (14th), passed in 2037
    assert codes == ["61", "36", "50", "21", "53", "45", "15", "14"]


def test_a_comment_belongs_only_to_the_value_it_annotates(write):
    """A comment on a province's line (a flow mapping of its real growth) annotates the values the
    scenario wrote there, not the deflator row whose value comes from the model (issue 15)."""
    from sim.present.report import assumptions_rows

    path = write(
        "c.yaml",
        "name: c\ntarget: Guangxi\nprovinces:\n  Guangxi: {real_growth: 7}  # 目标7%左右\n"
        "  Yunnan:\n    real_growth: 5  # 云南目标\n",
    )
    rows = {r[0]: r[2] for r in assumptions_rows(sim.project(sim.load_scenario(path)), "en")}
    assert rows["Guangxi: real growth"] == "目标7%左右"
    assert rows["Guangxi: deflator"] == ""
    assert rows["Yunnan: real growth"] == "云南目标" and rows["Yunnan: deflator"] == ""
