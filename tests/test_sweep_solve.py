"""Sweeps, sensitivity and solve: equal to single runs, monotone, round trips, known indices."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from sim.analyses.sensitivity import sobol_analysis
from sim.analyses.solve import solve
from sim.analyses.sweep import sweep
from sim.engine.batch import evaluate
from sim.engine.projection import project
from sim.inputs.params import parse_parameter
from sim.model.scenario import load_scenario
from tests.conftest import FOUNDING

BASE = """\
name: base
others: {{window: [2020, 2024], half_life: 3}}
national: {{real_growth: {{2025: 5.0, 2030: 4.2, 2040: 3.2}}, deflator: 1.0}}
horizon: 2040
{extra}"""


@pytest.fixture(scope="module")
def founding():
    return load_scenario(FOUNDING)


def test_reach_year_never_rises_with_target_growth(founding):
    res = sweep(founding, [("provinces.Inner Mongolia.real_growth", "set", list(np.arange(2, 12.01, 0.1)))])
    reach = [10_000 if r is None else r for r in res.outcomes.reach_or_none()]
    assert all(a >= b for a, b in zip(reach, reach[1:], strict=False))
    ranks = res.outcomes.ranks[:, -1]
    assert (np.diff(ranks) <= 0).all()


CASES = [
    ("provinces.Inner Mongolia.real_growth", "set", 7.25, "provinces:\n  内蒙古: {real_growth: 7.25}\n"),
    ("provinces.15.deflator", "set", 2.5, "provinces:\n  Inner Mongolia: {deflator: 2.5}\n"),
    ("national.real_growth", "shift", -0.75, None),
    ("national.deflator", "set", 0.25, None),
    ("others.half_life", "set", 8.0, None),
    ("threshold_rank", "set", 12.0, "threshold_rank: 12\n"),
]


@pytest.mark.parametrize(("path", "mode", "value", "extra"), CASES, ids=[c[0] + ":" + c[1] for c in CASES])
def test_sweep_point_equals_single_run_with_value_in_yaml(write, path, mode, value, extra):
    base_text = BASE.format(extra="provinces:\n  Inner Mongolia: {real_growth: 6.0}\n")
    base = load_scenario(write("base.yaml", base_text))
    if extra is None:  # national / others values written into the YAML text
        extra_text = base_text
        if path == "national.real_growth":
            extra_text = extra_text.replace(
                "{2025: 5.0, 2030: 4.2, 2040: 3.2}", "{2025: 4.25, 2030: 3.45, 2040: 2.45}"
            )
        elif path == "national.deflator":
            extra_text = extra_text.replace("deflator: 1.0", "deflator: 0.25")
        else:
            extra_text = extra_text.replace("half_life: 3", "half_life: 8.0")
        single = load_scenario(write("single.yaml", extra_text))
    else:
        single = load_scenario(
            write(
                "single.yaml",
                base_text.replace("provinces:\n  Inner Mongolia: {real_growth: 6.0}\n", "")
                + extra
                + ("" if "provinces" in extra else "provinces:\n  Inner Mongolia: {real_growth: 6.0}\n"),
            )
        )
        if path == "provinces.15.deflator":
            single = load_scenario(
                write(
                    "single.yaml",
                    base_text.replace("{real_growth: 6.0}", "{real_growth: 6.0, deflator: 2.5}"),
                )
            )
    res = sweep(base, [(path, mode, [value])], rank_years=[2030, 2040])
    proj = project(single)
    assert res.outcomes.reach_or_none()[0] == proj.reach_year
    assert res.outcomes.ranks[0].tolist() == [int(proj.target_rank[2030 - 2024]), int(proj.target_rank[-1])]
    assert res.outcomes.gap_pct[0, -1] == pytest.approx(proj.gap_pct()[-1], abs=1e-9)


def test_compiled_kernel_equals_numpy_twin_on_mixed_parameters():
    sc = load_scenario("scenarios/official_targets.yaml")
    regions = sc.panel.regions
    params = [
        parse_parameter(regions, "provinces.Inner Mongolia.real_growth", "shift"),
        parse_parameter(regions, "national.real_growth", "shift"),
        parse_parameter(regions, "others.half_life", "set"),
        parse_parameter(regions, "provinces.Shanxi.deflator", "shift"),
        parse_parameter(regions, "threshold_rank", "set"),
        parse_parameter(regions, "national.deflator", "set"),
    ]
    rng = np.random.default_rng(0)
    b = 3000
    values = [
        rng.uniform(-2, 3, b),
        rng.uniform(-1, 1, b),
        rng.uniform(1, 20, b),
        rng.uniform(-3, 3, b),
        rng.integers(10, 21, b).astype(float),
        rng.uniform(-1, 3, b),
    ]
    settings = list(zip(params, values, strict=True))
    fast = evaluate(sc, settings, rank_years=[2040, 2026, 2030])
    ref = evaluate(sc, settings, rank_years=[2040, 2026, 2030], compiled=False, chunk=1000)
    assert np.array_equal(fast.reach_year, ref.reach_year)
    assert np.array_equal(fast.ranks, ref.ranks)
    assert np.allclose(fast.gap_pct, ref.gap_pct, atol=1e-9)


def test_batch_equals_each_run_alone(founding):
    p = parse_parameter(founding.panel.regions, "provinces.Inner Mongolia.real_growth", "set")
    values = np.array([3.0, 5.5, 8.0, 11.0])
    batch = evaluate(founding, [(p, values)])
    alone = [evaluate(founding, [(p, values[i : i + 1])]) for i in range(4)]
    assert batch.reach_year.tolist() == [a.reach_year[0] for a in alone]
    assert batch.gap_pct[:, 0].tolist() == [a.gap_pct[0, 0] for a in alone]


def test_solve_round_trip(write, founding):
    result = solve(founding, 2030)
    g = result.required_pct
    assert g is not None and result.by == 2030
    for delta, reaches in ((0.01, True), (0.0, True), (-0.01, False)):
        text = FOUNDING.read_text(encoding="utf-8").replace(
            "real_growth: 6.0 ", f"real_growth: {g + delta:.2f} "
        )
        proj = project(load_scenario(write("s.yaml", text.replace("inner_mongolia_6pct", "x"))))
        assert (proj.reach_year is not None and proj.reach_year <= 2030) is reaches, delta
    curve = dict(result.curve)
    assert curve[2030] == g
    later = [curve[y] for y in range(2030, 2041)]
    assert all(a >= b for a, b in zip(later, later[1:], strict=False))  # later deadlines need no more growth


def test_solve_unreachable_is_reported(write):
    sc = load_scenario(write("u.yaml", "name: u\nthreshold_rank: 1\nhorizon: 2026\n"))
    result = solve(sc, 2025)
    assert result.required_pct is None
    doc = result.to_document()
    assert doc["reachable"] is False and doc["required_real_growth_pct"] is None


def test_solve_with_probability_needs_more_growth(founding):
    det = solve(founding, 2032).required_pct
    p80 = solve(founding, 2032, probability=0.8, paths=4000, rng=np.random.default_rng(3)).required_pct
    p20 = solve(founding, 2032, probability=0.2, paths=4000, rng=np.random.default_rng(3)).required_pct
    assert p20 < det < p80


def test_sobol_recovers_known_indices_of_an_additive_model():
    # Y = X1 + 2 X2 with X1, X2 ~ U(0, 1): S1 = 1/5, S2 = 4/5, no interactions.
    res = sobol_analysis(
        lambda x: x[0] + 2 * x[1], ["a", "b"], [stats.uniform(0, 1)] * 2, 4096, rng=np.random.default_rng(0)
    )
    assert res[0].first_order == pytest.approx(0.2, abs=0.02)
    assert res[1].first_order == pytest.approx(0.8, abs=0.02)
    assert res[0].total_order == pytest.approx(0.2, abs=0.02)
    assert res[0].first_order_ci[0] <= 0.2 <= res[0].first_order_ci[1]


def test_sensitivity_json_contract(cli):
    res = cli("sensitivity", FOUNDING, "--json", "--seed", "1")
    assert res.code == 0, res.err
    doc = res.json()
    assert doc["outcome"] == "gap_2030"
    assert {"param", "low", "high", "outcome_low", "outcome_high"} <= set(doc["tornado"][0])
    swings = [abs(b["outcome_high"] - b["outcome_low"]) for b in doc["tornado"]]
    assert swings == sorted(swings, reverse=True)
    assert {"param", "first_order", "first_order_ci", "total_order", "total_order_ci"} == set(doc["sobol"][0])


def test_sweep_json_contract_and_thresholds(cli):
    res = cli("sweep", FOUNDING, "--set", "provinces.Inner Mongolia.real_growth=4:6:0.5", "--json")
    assert res.code == 0, res.err
    doc = res.json()
    assert doc["parameters"] == [
        {"path": "provinces.Inner Mongolia.real_growth", "mode": "set", "values": [4.0, 4.5, 5.0, 5.5, 6.0]}
    ]
    point = doc["points"][0]
    assert set(point) == {"values", "reach_year", "target_rank_at_horizon", "gap_pct_at_horizon"}
    assert point["values"] == {"provinces.Inner Mongolia.real_growth": 4.0}
    rows = doc["thresholds"]["rows"]
    assert len(rows) == 5 and set(rows[0]["reach_year"]) == {str(k) for k in range(10, 21)}
    assert rows[0]["reach_year"]["20"] == 2024  # already 20th in the base year


def test_sweep_from_scenario_section(cli):
    res = cli("sweep", FOUNDING, "--json")
    assert res.code == 0
    assert len(res.json()["points"]) == 21 * 5


def test_solve_json_contract(cli):
    res = cli("solve", FOUNDING, "--by", "2030", "--json")
    doc = res.json()
    assert set(doc) >= {"by", "probability", "required_real_growth_pct", "reachable", "curve"}
    assert doc["by"] == 2030 and doc["probability"] is None and doc["reachable"] is True
    assert doc["curve"][0] == {
        "by": 2025,
        "required_real_growth_pct": doc["curve"][0]["required_real_growth_pct"],
    }
    assert [c["by"] for c in doc["curve"]] == list(range(2025, 2041))


BAD_CLI = [
    (
        ("sweep", FOUNDING, "--set", "provinces.Atlantis.real_growth=4:9:1"),
        "--set: unknown province 'Atlantis'",
    ),
    (("sweep", FOUNDING, "--set", "national.real_growth=4:9"), "--set: write PATH=START:STOP:STEP"),
    (("sweep", FOUNDING, "--set", "national.real_growth=9:4:1"), "below start"),
    (("sweep", FOUNDING, "--set", "national.real_growth=4:9:0"), "step must be positive"),
    (("sweep", FOUNDING, "--set", "base_year=2010:2020:1"), "unknown parameter 'base_year'"),
    (("sweep", FOUNDING, "--set", "uncertainty.scale=0:2:1"), "only Monte Carlo"),
    (("sweep", FOUNDING, "--set", "national.real_growth=-120:-100:10"), "-100 % or less"),
    (("sweep", FOUNDING, "--set", "threshold_rank=0:3:1"), "threshold must be between 1 and 30"),
    (("solve", FOUNDING, "--by", "2050"), "--by: must be after the base year"),
    (("solve", FOUNDING, "--by", "2030", "--probability", "1.5"), "must be in (0, 1]"),
]


@pytest.mark.parametrize(("argv", "fragment"), BAD_CLI, ids=[c[1] for c in BAD_CLI])
def test_bad_parameters_are_one_line_errors(cli, argv, fragment):
    res = cli(*argv)
    assert res.code == 2
    assert res.err.count("\n") == 1 and fragment in res.err, res.err


BAD_SECTIONS = [
    (
        "sweep:\n  - {param: provinces.Atlantis.real_growth, range: [1, 2, 1]}\n",
        3,
        "sweep.0.param",
        "unknown province",
    ),
    ("sweep:\n  - {param: national.real_growth, range: [1, 2, 0]}\n", 3, "sweep.0", "step must be positive"),
    ("sweep:\n  - {param: national.real_growth}\n", 3, "sweep.0", "exactly one of"),
    (
        "sensitivity:\n  parameters: {national.real_growth: [1, 2]}\n  sobol_samples: 1000\n",
        4,
        "sensitivity.sobol_samples",
        "power of two",
    ),
    (
        "sensitivity:\n  parameters: {national.real_growth: [2, 1]}\n",
        3,
        "sensitivity.parameters.national.real_growth",
        "below high",
    ),
    (
        "sensitivity:\n  outcome: gap_2050\n  parameters: {national.real_growth: [1, 2]}\n",
        3,
        "sensitivity.outcome",
        "outside the projection",
    ),
    (
        "sensitivity:\n  outcome: speed\n  parameters: {national.real_growth: [1, 2]}\n",
        3,
        "sensitivity.outcome",
        "unknown outcome",
    ),
]


@pytest.mark.parametrize(
    ("body", "line", "field", "fragment"), BAD_SECTIONS, ids=[b[3] for b in BAD_SECTIONS]
)
def test_bad_sweep_and_sensitivity_sections(write, cli, body, line, field, fragment):
    path = write("bad.yaml", "name: bad\n" + body)
    res = cli("validate", path)
    assert res.code == 2
    assert res.err.startswith(f"{path}:{line}: {field}: "), res.err
    assert fragment in res.err


def test_own_saltelli_estimator_equals_scipy():
    from sim.analyses.sensitivity import saltelli_2010

    rng = np.random.default_rng(4)
    f_a, f_b, f_ab = rng.normal(size=256), rng.normal(size=256), rng.normal(size=(3, 256))
    res = stats.sobol_indices(func={"f_A": f_a[None], "f_B": f_b[None], "f_AB": f_ab[:, None]}, n=256)
    first, total = saltelli_2010(f_a, f_b, f_ab)
    assert np.allclose(first, np.ravel(res.first_order)) and np.allclose(total, np.ravel(res.total_order))
