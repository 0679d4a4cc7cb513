"""Sweeps, sensitivity and solve: equal to single runs, monotone, round trips, known indices."""

from __future__ import annotations

import subprocess
import sys
import warnings

import numpy as np
import pytest
from scipy import stats

import sim
from sim.analyses.sensitivity import sobol_analysis
from sim.analyses.solve import solve
from sim.analyses.sweep import sweep
from sim.engine.batch import evaluate_batch
from sim.engine.projection import project
from sim.inputs.params import parse_parameter
from sim.model.scenario import load_scenario
from tests.conftest import FOUNDING

BASE = """\
name: base
others: {{window: [2021, 2025], half_life: 3}}
national: {{real_growth: {{2026: 5.0, 2030: 4.2, 2040: 3.2}}, deflator: 1.0}}
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
                "{2026: 5.0, 2030: 4.2, 2040: 3.2}", "{2026: 4.25, 2030: 3.45, 2040: 2.45}"
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
    assert proj.scenario.base_year == base.base_year == 2025
    assert res.outcomes.ranks[0].tolist() == [int(proj.target_rank[2030 - 2025]), int(proj.target_rank[-1])]
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
    fast = evaluate_batch(sc, settings, rank_years=[2040, 2026, 2030])
    ref = evaluate_batch(sc, settings, rank_years=[2040, 2026, 2030], compiled=False, chunk=1000)
    assert np.array_equal(fast.reach_year, ref.reach_year)
    assert np.array_equal(fast.ranks, ref.ranks)
    assert np.allclose(fast.gap_pct, ref.gap_pct, atol=1e-9)


def test_batch_equals_each_run_alone(founding):
    p = parse_parameter(founding.panel.regions, "provinces.Inner Mongolia.real_growth", "set")
    values = np.array([3.0, 5.5, 8.0, 11.0])
    batch = evaluate_batch(founding, [(p, values)])
    alone = [evaluate_batch(founding, [(p, values[i : i + 1])]) for i in range(4)]
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
    result = solve(sc, 2026)  # 20th to 1st in one year
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
    assert {"param", "defined", "first_order", "first_order_ci", "total_order", "total_order_ci"} == set(doc["sobol"][0])


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
    assert rows[0]["reach_year"]["20"] == 2025  # already 20th in the base year


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
        "by": 2026,
        "required_real_growth_pct": doc["curve"][0]["required_real_growth_pct"],
    }
    assert [c["by"] for c in doc["curve"]] == list(range(2026, 2041))


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


def _sobol_outputs(model, n, d, seed):
    """f_A, f_B, f_AB of ``model`` on random points in [0, 1]^d (what sobol_analysis evaluates)."""
    rng = np.random.default_rng(seed)
    a, b = rng.random((d, n)), rng.random((d, n))
    ab = np.repeat(a[None], d, axis=0)
    ab[np.arange(d), np.arange(d)] = b
    return model(a), model(b), np.stack([model(x) for x in ab])


MODELS = {
    "additive": lambda x: x[0] + 2 * x[1],
    "interaction": lambda x: x[0] + x[1] + 3 * x[0] * x[1] ** 2,
}


@pytest.mark.parametrize("batch", [None, 7 * 256], ids=["one_batch", "batches_of_7"])
@pytest.mark.parametrize("model", list(MODELS))
def test_bca_interval_equals_scipy_bootstrap(monkeypatch, model, batch):
    from sim.analyses import sensitivity
    from sim.analyses.sensitivity import BOOTSTRAP_RESAMPLES, CONFIDENCE, bca_interval, saltelli_2010

    if batch is not None:  # resamples drawn 7 rows at a time must be the same draws
        monkeypatch.setattr(sensitivity, "_BATCH_ELEMENTS", batch)
    f_a, f_b, f_ab = _sobol_outputs(MODELS[model], 256, 2, seed=5)

    def statistic(idx):
        return np.concatenate(saltelli_2010(f_a[idx], f_b[idx], f_ab[:, idx]))

    ref_rng, own_rng = np.random.default_rng(11), np.random.default_rng(11)
    ref = stats.bootstrap(
        (np.arange(256),), statistic, method="BCa", n_resamples=BOOTSTRAP_RESAMPLES,
        confidence_level=CONFIDENCE, vectorized=False, rng=ref_rng,
    )  # fmt: skip
    low, high = bca_interval(f_a, f_b, f_ab, rng=own_rng)
    np.testing.assert_allclose(low, ref.confidence_interval.low, rtol=0, atol=1e-12)
    np.testing.assert_allclose(high, ref.confidence_interval.high, rtol=0, atol=1e-12)
    assert own_rng.bit_generator.state == ref_rng.bit_generator.state  # later draws unchanged


def test_bca_interval_odd_sample_in_odd_batches_equals_scipy(monkeypatch):
    # n = 37 draws 37 32-bit values a row (with rejections): batches of 3 rows end mid-word
    from sim.analyses import sensitivity
    from sim.analyses.sensitivity import bca_interval, saltelli_2010

    monkeypatch.setattr(sensitivity, "_BATCH_ELEMENTS", 3 * 37)
    f_a, f_b, f_ab = _sobol_outputs(MODELS["interaction"], 37, 2, seed=6)

    def statistic(idx):
        return np.concatenate(saltelli_2010(f_a[idx], f_b[idx], f_ab[:, idx]))

    ref_rng, own_rng = np.random.default_rng(12), np.random.default_rng(12)
    ref_rng.random(1)  # start from an odd place in the stream too
    own_rng.random(1)
    ref = stats.bootstrap(
        (np.arange(37),), statistic, method="BCa", n_resamples=200, confidence_level=0.9,
        vectorized=False, rng=ref_rng,
    )  # fmt: skip
    low, high = bca_interval(f_a, f_b, f_ab, rng=own_rng, n_resamples=200, confidence_level=0.9)
    np.testing.assert_allclose(low, ref.confidence_interval.low, rtol=0, atol=1e-12)
    np.testing.assert_allclose(high, ref.confidence_interval.high, rtol=0, atol=1e-12)
    assert own_rng.bit_generator.state == ref_rng.bit_generator.state


def test_saltelli_sums_helper_equals_saltelli_2010():
    from sim.analyses.sensitivity import _saltelli_from_sums, _saltelli_terms, saltelli_2010

    rng = np.random.default_rng(8)
    f_a, f_b, f_ab = _sobol_outputs(MODELS["interaction"], 64, 2, seed=7)
    f_a, f_b, f_ab = f_a + 2030.0, f_b + 2030.0, f_ab + 2030.0  # a large mean, as reach years have
    terms = _saltelli_terms(f_a, f_b, f_ab)
    np.testing.assert_allclose(
        _saltelli_from_sums(terms.sum(axis=0), 64), np.concatenate(saltelli_2010(f_a, f_b, f_ab)), atol=1e-12
    )
    idx = rng.integers(0, 64, 64)  # a bootstrap resample, as counts
    counts = np.bincount(idx, minlength=64).astype(float)
    np.testing.assert_allclose(
        _saltelli_from_sums(counts @ terms, 64),
        np.concatenate(saltelli_2010(f_a[idx], f_b[idx], f_ab[:, idx])),
        atol=1e-12,
    )
    keep = np.arange(64) != 5  # a leave-one-out set
    np.testing.assert_allclose(
        _saltelli_from_sums(terms.sum(axis=0) - terms[5], 63),
        np.concatenate(saltelli_2010(f_a[keep], f_b[keep], f_ab[:, keep])),
        atol=1e-12,
    )


def test_sobol_of_an_outcome_that_does_not_vary_is_undefined_not_zero():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no division warnings either
        res = sobol_analysis(
            lambda x: np.full(x.shape[1], 3.7),
            ["a", "b"],
            [stats.uniform(0, 1)] * 2,
            256,
            rng=np.random.default_rng(0),
        )
    for s in res:
        assert not s.defined
        assert np.isnan([s.first_order, *s.first_order_ci, s.total_order, *s.total_order_ci]).all()


def test_sobol_of_a_single_parameter():
    # Y = X^2, X ~ U(0, 1): all variance is X's, first-order = total = 1
    res = sobol_analysis(
        lambda x: x[0] ** 2, ["a"], [stats.uniform(0, 1)], 1024, rng=np.random.default_rng(2)
    )
    (s,) = res
    assert s.first_order == pytest.approx(1, abs=0.05) and s.total_order == pytest.approx(1, abs=0.05)
    assert s.first_order_ci[0] <= s.first_order <= s.first_order_ci[1]
    assert s.total_order_ci[0] <= s.total_order <= s.total_order_ci[1]


def test_sensitivity_of_one_parameter_from_the_cli(write, cli):
    path = write(
        "one.yaml",
        BASE.format(
            extra="sensitivity:\n  parameters: {national.real_growth: [3, 6]}\n  sobol_samples: 256\n"
        ),
    )
    res = cli("sensitivity", path, "--json")
    assert res.code == 0, res.err
    (s,) = res.json()["sobol"]
    assert s["param"] == "national.real_growth"
    assert 0.5 < s["total_order"] < 1.5  # all variance is this parameter's (an estimate from 256 points)
    assert s["total_order_ci"][0] <= s["total_order"] <= s["total_order_ci"][1]


def test_importing_sensitivity_does_not_import_scipy_stats():
    code = "import sys, sim.analyses.sensitivity; print('scipy.stats' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_probabilistic_sweep_point_equals_a_single_montecarlo_run(founding, cli):
    values = [5.0, 6.0, 7.0]
    sw = sweep(founding, [("provinces.Inner Mongolia.real_growth", "set", values)], paths=3000, seed=9)
    for i, g in enumerate(values):
        alone = sim.simulate(founding.with_changes({"provinces.Inner Mongolia.real_growth": g}), 3000, seed=9)
        assert sw.probability[i, -1] == pytest.approx(float(alone.reach_probability()[-1]))
    assert list(sw.probability[:, -1]) == sorted(sw.probability[:, -1])  # common random numbers
    res = cli(
        "sweep",
        FOUNDING,
        "--set",
        "provinces.Inner Mongolia.real_growth=6:7:1",
        "--paths",
        "2000",
        "--seed",
        "1",
    )
    assert res.code == 0 and "P(by 2040)" in res.out


def test_threshold_table_from_one_projection_per_value_equals_one_run_per_threshold(founding):
    """The "which midfield?" table from the target's rank path (best rank so far <= K) is the
    table of one batch run per (value, threshold), as it was computed before (issue 25)."""
    from sim.analyses.sweep import midfield_thresholds, sweep

    regions = founding.panel.regions
    p = parse_parameter(regions, "provinces.Inner Mongolia.real_growth", "set")
    values = [3.0, 5.0, 6.0, 7.5, 9.0, 12.0]
    ks = midfield_thresholds(founding.n_regions)
    result = sweep(founding, [("provinces.Inner Mongolia.real_growth", "set", values)])
    per_threshold = evaluate_batch(
        founding,
        [(p, np.repeat(values, len(ks))), (parse_parameter(regions, "threshold_rank", "set"),
                                          np.tile(np.array(ks, dtype=float), len(values)))],
    ).reach_year.reshape(len(values), len(ks))  # fmt: skip
    assert np.array_equal(result.threshold_reach, per_threshold)
    assert (result.threshold_reach != -1).any() and (result.threshold_reach == -1).any()


def test_gap_is_a_selection_equal_to_the_sorted_order_statistic():
    from sim.engine.levels import gap_pct

    rng = np.random.default_rng(4)
    logy = rng.normal(size=(50, 7, 301))
    k = rng.integers(1, 300, size=(50, 1))
    desc = -np.sort(-np.delete(logy, 17, axis=-1), axis=-1)
    kth = np.take_along_axis(desc, np.broadcast_to(k - 1, (50, 7))[..., None], axis=-1)[..., 0]
    assert np.array_equal(gap_pct(logy, 17, k), np.expm1(logy[..., 17] - kth) * 100.0)


def test_batch_kernel_and_twin_agree_on_a_large_panel():
    """The compiled kernel (rank by count, k-th largest by selection) and the numpy twin agree on
    many regions, thresholds across the ranking."""
    from sim.engine.kernels import batch_outcomes
    from sim.engine.twins import batch_outcomes_numpy

    rng = np.random.default_rng(9)
    b, t, n = 40, 12, 2850
    base = rng.normal(8.0, 1.0, n)
    growth = rng.normal(0.05, 0.03, (b, t, n))
    k = rng.integers(1, n - 1, b)
    want = np.array([0, 5, 12])
    outs = [(np.empty(b, np.int64), np.empty((b, 3), np.int64), np.empty((b, 3))) for _ in range(2)]
    batch_outcomes(base, growth, 1234, k, want, *outs[0])
    batch_outcomes_numpy(base, growth, 1234, k, want, *outs[1])
    assert np.array_equal(outs[0][0], outs[1][0]) and np.array_equal(outs[0][1], outs[1][1])
    assert np.allclose(outs[0][2], outs[1][2], rtol=0, atol=1e-9)


@pytest.mark.parametrize("per_head", [False, True])
def test_batch_kernel_of_the_growth_in_parts_is_the_kernel_of_its_sum(per_head):
    """The sweep's kernel takes real growth, deflator and population apart (a part every
    scenario shares as one row): the same outcomes, bit for bit, as the kernel given their sum."""
    from sim.engine.kernels import batch_outcomes, batch_outcomes_parts

    rng = np.random.default_rng(10)
    b, t, n = 30, 12, 400
    base = rng.normal(8.0, 1.0, n)
    real, defl = rng.normal(0.05, 0.03, (b, t, n)), rng.normal(0.02, 0.01, (1, t, n))
    pop = rng.normal(0.005, 0.003, (t, n)) if per_head else np.empty((0, 0))
    k = rng.integers(1, n - 1, b)
    want = np.array([0, 5, 12])
    outs = [(np.empty(b, np.int64), np.empty((b, 3), np.int64), np.empty((b, 3))) for _ in range(4)]
    measured = real + defl - pop if per_head else real + defl
    batch_outcomes(base, measured, 77, k, want, *outs[0])
    batch_outcomes_parts(base, real, defl, pop, 77, k, want, *outs[1])
    shared = np.ascontiguousarray(np.broadcast_to(real[:1], real.shape))  # every row the first
    batch_outcomes(base, shared + defl - pop if per_head else shared + defl, 77, k, want, *outs[2])
    batch_outcomes_parts(base, real[:1], defl, pop, 77, k, want, *outs[3])
    for got, want_ in ((outs[1], outs[0]), (outs[3], outs[2])):
        assert all(np.array_equal(g, w) for g, w in zip(got, want_, strict=True))


def test_the_midfield_table_costs_one_projection_per_value_not_per_threshold(founding, monkeypatch):
    """Sweep time linear in the number of regions: the table's thresholds (a third of the
    regions) must not multiply the scenarios evaluated."""
    import sim.analyses.sweep as sweep_module

    evaluated: list[int] = []
    real = sweep_module.evaluate_batch

    def counting(scenario, settings, **kw):  # type: ignore[no-untyped-def]
        evaluated.append(len(settings[0][1]))
        return real(scenario, settings, **kw)

    monkeypatch.setattr(sweep_module, "evaluate_batch", counting)
    values = [4.0 + 0.5 * i for i in range(10)]
    result = sweep_module.sweep(founding, [("provinces.Inner Mongolia.real_growth", "set", values)])
    assert len(result.thresholds) == 11 and sum(evaluated) == 2 * len(values)
