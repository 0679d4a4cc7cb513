"""Monte Carlo: exactness against the deterministic run and a numpy reference, reproducibility,
probabilities' invariants, and cross-region correlation kept by the bootstrap."""

from __future__ import annotations

import numpy as np
import pytest

from sim.analyses.montecarlo import candidates, log_gaps, scenario_offsets, scenario_shocks, simulate
from sim.engine import kernels as _kernel
from sim.engine import twins
from sim.engine.projection import project
from sim.model.scenario import load_scenario
from sim.model.shocks import (
    bootstrap_indices,
    resolve_stationary,
    shrunk_covariance,
    stationary_draw,
    successors,
)
from sim.present.output import dumps
from tests.conftest import FOUNDING


@pytest.fixture(scope="module")
def founding():
    return load_scenario(FOUNDING)


@pytest.fixture(scope="module")
def pinned(founding):
    """The founding case from 2024 with Inner Mongolia's preliminary 2025 GDP pinned (26,700)."""
    return founding.with_changes(
        {"base_year": 2024, "others.window": [2020, 2024], "provinces.Inner Mongolia.gdp": {2025: 26700}}
    )


def _with(sc, **uncertainty):
    return sc.with_changes({"uncertainty": uncertainty})


@pytest.mark.parametrize("method", ["bootstrap", "normal"])
def test_zero_shocks_reproduce_deterministic_run(founding, method):
    sc = _with(founding, method=method, scale=0.0, parameters=False, national=False, plan_risk=False)
    mc = simulate(sc, 2000, rng=np.random.default_rng(0))
    proj = project(sc)
    assert (mc.rank_counts[np.arange(proj.years.size), proj.target_rank] == 2000).all()
    reach = proj.reach_year
    idx = proj.years.size if reach is None else reach - sc.base_year
    assert mc.reach_counts[idx] == 2000
    assert mc.reach_year_quantiles() == {0.1: reach, 0.5: reach, 0.9: reach}


def test_method_none_is_deterministic(founding):
    mc = simulate(_with(founding, method="none"), 10, rng=np.random.default_rng(0))
    assert mc.reach_year_quantiles()[0.5] == project(founding).reach_year


@pytest.mark.parametrize("which", ["founding", "pinned"])
@pytest.mark.parametrize(
    ("block", "with_offsets", "stationary"),
    [(1, False, False), (3, False, False), (2, True, False), (3, True, True)],
)
def test_kernel_matches_numpy_reference_and_pruning_is_exact(request, which, block, with_offsets, stationary):
    founding = request.getfixturevalue(which)
    proj = project(founding)
    gap0 = log_gaps(proj)
    model = scenario_shocks(founding)
    rel = model.relative
    succ = successors(model.deviations.years)
    if stationary:  # the kernel resolves the blocks as it goes; the reference gets them resolved
        idx, cont = stationary_draw(np.random.default_rng(3), rel.shape[0], 5000, gap0.shape[0] - 1, block)
        rows = resolve_stationary(idx, cont, succ)
        assert (rows != idx).any()
    else:
        idx = bootstrap_indices(np.random.default_rng(3), rel.shape[0], 5000, gap0.shape[0] - 1, block)
        rows, cont, succ = idx, np.zeros((0, 0), bool), np.zeros(0, np.int16)
    if with_offsets:  # parameter and national-path draws, one row per path
        off = scenario_offsets(founding).table(np.random.default_rng(4), 64)
        oidx = np.random.default_rng(5).integers(0, 64, 5000, dtype=np.int32)
    else:
        off, oidx = np.zeros((1, *gap0.shape)), np.zeros(5000, np.int32)
    early = model.early
    if which == "pinned":  # Inner Mongolia's 2025 GDP is pinned: that year draws its own shocks
        assert early is not None and early.shape[0] == 1
        ref = twins.rank_hist_numpy(gap0, rel, rows, off, oidx, 16, early)
        bound = np.concatenate([rel, early[0]])
    else:  # the founding case starts from 2025's data: nothing pinned
        assert early is None
        ref = twins.rank_hist_numpy(gap0, rel, rows, off, oidx, 16, None)
        early, bound = np.zeros((0, *rel.shape)), rel
    cand, fixed = candidates(gap0, bound, founding.target, off if with_offsets else None)
    assert 0 < cand.size < 30  # some regions are pruned, some are not
    pruned = _kernel.rank_hist_bootstrap(gap0, rel, early, idx, cont, succ, off, oidx, cand, fixed, 16, 2)
    every = np.array([j for j in range(31) if j != founding.target], dtype=np.int64)
    full = _kernel.rank_hist_bootstrap(
        gap0, rel, early, idx, cont, succ, off, oidx, every, np.zeros(gap0.shape[0], np.int64), 16, 3
    )
    for got in (pruned, full):
        assert np.array_equal(got[0], ref[0]) and np.array_equal(got[1], ref[1])


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"uncertainty.parameters": False},
        {"uncertainty.plan_risk": False},
        {"uncertainty.region_scale": 1.0},
    ],
)
@pytest.mark.parametrize("which", ["founding", "pinned"])
def test_offset_table_by_columns_and_compiled_is_the_whole_table_bit_for_bit(request, which, changes):
    """Any block of columns of an offset table, by numpy or by the compiled kernel, negated or not,
    is exactly those columns of the whole table (:meth:`OffsetModel.table`)."""
    sc = request.getfixturevalue(which)
    sc = sc.with_changes(changes) if changes else sc
    model = scenario_offsets(sc)
    whole = model.table(np.random.default_rng(4), 64)
    drawn = model.draw(np.random.default_rng(4), 64)
    for source, sign in ((drawn, 1.0), (drawn.negated(), -1.0)):
        for cols in [*source.blocks(64 * whole.shape[1] * 7), slice(None)]:
            want = sign * whole[:, :, cols]
            for got in (source.columns(cols), source.columns(cols, _kernel.offset_columns)):
                assert got.tobytes() == np.ascontiguousarray(want).tobytes()


def test_counting_by_blocks_of_regions_changes_no_count(founding, monkeypatch):
    """Monte Carlo counts the regions ahead block by block (the offset table is never held whole):
    blocks of 5 regions give the same histograms as one block, compiled and by the twins."""
    from sim.model import shocks

    sc = _with(founding, block=2)
    one = simulate(sc, 3000, rng=np.random.default_rng(8), compiled=True)
    monkeypatch.setattr(shocks, "OFFSET_BLOCK_CELLS", 5 * shocks.OFFSET_ROWS * (sc.years.size + 1))
    for compiled in (True, False):
        got = simulate(sc, 3000, rng=np.random.default_rng(8), compiled=compiled)
        assert np.array_equal(got.rank_counts, one.rank_counts)
        assert np.array_equal(got.reach_counts, one.reach_counts)


def test_probabilities_invariants(founding):
    mc = simulate(founding, 20_000, rng=np.random.default_rng(11))
    reach, band = mc.reach_probability(), mc.in_band_probability()
    assert (np.diff(reach) >= 0).all()
    assert ((0 <= band) & (band <= reach + 1e-12) & (reach <= 1)).all()
    assert (mc.rank_counts.sum(axis=1) == 20_000).all()
    assert mc.reach_counts.sum() == 20_000
    q = mc.rank_quantiles((0.1, 0.5, 0.9))
    assert (q[:, 0] <= q[:, 1]).all() and (q[:, 1] <= q[:, 2]).all()
    assert 0.0 < reach[-1] < 1.0


def test_reach_quantile_null_when_not_reached(write):
    sc = load_scenario(write("s.yaml", "name: s\nhorizon: 2026\nuncertainty: {scale: 0.2}\n"))
    mc = simulate(sc, 5000, rng=np.random.default_rng(1))
    assert mc.reach_year_quantiles()[0.9] is None
    doc = mc.to_document([])
    assert doc["reach_year_quantiles"]["0.9"] is None


def test_same_seed_same_bytes_different_seed_different(cli, tmp_path):
    argv = ["montecarlo", FOUNDING, "--paths", "20000", "--json", "--quiet"]
    a = cli(*argv, "--seed", "7").out
    b = cli(*argv, "--seed", "7").out
    c = cli(*argv, "--seed", "8").out
    assert a == b
    assert a != c


def test_json_contract(cli):
    res = cli("montecarlo", FOUNDING, "--paths", "5000", "--seed", "3", "--json")
    assert res.code == 0, res.err
    doc = res.json()
    assert {
        "scenario",
        "paths",
        "seed",
        "method",
        "threshold_rank",
        "reach_probability",
        "in_band_probability",
        "reach_year_quantiles",
        "target_rank_quantiles",
    } <= set(doc)
    assert (doc["paths"], doc["seed"], doc["method"], doc["threshold_rank"]) == (5000, 3, "bootstrap", 16)
    years = list(doc["reach_probability"])
    assert years == [str(y) for y in range(2026, 2041)]
    probs = list(doc["reach_probability"].values())
    assert probs == sorted(probs)
    assert set(doc["reach_year_quantiles"]) == {"0.1", "0.5", "0.9"}
    assert set(doc["target_rank_quantiles"]["2030"]) == {"0.1", "0.5", "0.9"}
    assert doc["provenance"]["seed"] == 3


def test_bootstrap_keeps_cross_region_correlation(founding):
    dev = scenario_shocks(founding).deviations
    hist = dev.nominal
    idx = bootstrap_indices(np.random.default_rng(5), len(dev), 200_000, 1)[:, 0]
    drawn = hist[idx]
    c_hist = np.corrcoef(hist, rowvar=False)
    c_draw = np.corrcoef(drawn, rowvar=False)
    assert np.abs(c_hist - c_draw).max() < 0.03
    # Coal provinces' deflators move together in history (coal prices), and so in the draws.
    r = founding.panel.regions
    sx, im = r.find("Shanxi"), r.find("Inner Mongolia")
    hist_corr = np.corrcoef(dev.deflator[:, sx], dev.deflator[:, im])[0, 1]
    draw_corr = np.corrcoef(dev.deflator[idx][:, sx], dev.deflator[idx][:, im])[0, 1]
    assert hist_corr > 0.3
    assert draw_corr == pytest.approx(hist_corr, abs=0.02)


def test_block_bootstrap_draws_consecutive_years():
    idx = bootstrap_indices(np.random.default_rng(0), 20, 1000, 10, block=4)
    assert idx.shape == (1000, 10)
    steps = np.diff(idx, axis=1)
    # within a block the next year, wrapping from the last year to the first (circular blocks)
    assert (np.mod(steps[:, [0, 1, 2, 4, 5, 6]], 20) == 1).all()
    assert (steps == -19).any()  # some blocks do wrap


def test_shrunk_covariance_keeps_diagonal():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(20, 31))
    cov, lam = shrunk_covariance(x)
    assert 0.5 < lam <= 1.0  # independent columns, few rows: shrink hard
    assert np.allclose(np.diag(cov), np.var(x, axis=0, ddof=1))
    assert np.all(np.linalg.eigvalsh(cov) > 0)


def test_normal_method_runs_and_is_reproducible(founding):
    sc = _with(founding, method="normal")
    a = simulate(sc, 3000, rng=np.random.default_rng(4))
    b = simulate(sc, 3000, rng=np.random.default_rng(4))
    assert dumps(a.to_document()) == dumps(b.to_document())
    # the recorded intensity is the Schäfer-Strimmer optimum of the model's own deviations,
    # recomputed here by a plain double loop (not the vectorised code under test)
    model = scenario_shocks(sc)
    x = model.relative[:, model.columns]
    h, n = x.shape
    xc = x - x.mean(axis=0)
    num = den = 0.0
    for i in range(n):
        for j in range(n):
            if i != j:
                w = xc[:, i] * xc[:, j]
                s_ij = w.sum() / (h - 1)
                num += h / (h - 1) ** 3 * ((w - w.mean()) ** 2).sum()
                den += s_ij**2
    assert a.shrinkage == pytest.approx(min(1.0, max(0.0, num / den)), rel=1e-9)
    assert 0.0 < a.shrinkage < 1.0  # an interior optimum here, so the clip did not decide it


def test_run_with_paths_adds_montecarlo(cli, tmp_path):
    res = cli("run", FOUNDING, "--paths", "3000", "--seed", "1", "--out", tmp_path / "o")
    assert res.code == 0, res.err
    assert "Monte Carlo (3,000 paths" in res.out
    html = (tmp_path / "o" / "run.html").read_text(encoding="utf-8")
    assert html.count('class="chart"') == 15 and 'id="mc-answer"' in html and 'id="lead-answer"' in html  # 13 + the lead section's 2
    assert 'data-name="fan"' in html and 'data-name="rank_heatmap"' in html


@pytest.mark.parametrize("method", ["bootstrap", "normal", "none"])
def test_numpy_twins_count_the_same_paths_as_the_kernels(founding, method):
    sc = _with(founding, method=method, block=2 if method == "bootstrap" else 1)
    fast = simulate(sc, 5000, rng=np.random.default_rng(11), compiled=True)
    twin = simulate(sc, 5000, rng=np.random.default_rng(11), compiled=False)
    assert np.array_equal(fast.rank_counts, twin.rank_counts)
    assert np.array_equal(fast.reach_counts, twin.reach_counts)


def test_small_runs_do_not_import_numba():
    import subprocess
    import sys

    code = (
        "import sys, numpy as np, sim\n"
        "sc = sim.load_scenario('scenarios/inner_mongolia_6pct.yaml')\n"
        "sim.simulate(sc, 3000, rng=np.random.default_rng(0)); sim.solve(sc, 2030)\n"
        "print(any(m.split('.')[0] == 'numba' for m in sys.modules))\n"
    )
    from tests.conftest import ROOT

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_an_interrupt_inside_a_compiled_kernel_is_an_interrupt_again():
    """Ctrl-C in numba code surfaces as SystemError chained to KeyboardInterrupt; the kernel
    wrapper turns it back, so the CLI prints "interrupted" (exit 130), not "internal error"."""

    def kernel():
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as inner:
            raise SystemError("returned a result with an exception set") from inner

    with pytest.raises(KeyboardInterrupt):
        _kernel._one_at_a_time(kernel)()

    def broken():
        raise SystemError("something else")

    with pytest.raises(SystemError):
        _kernel._one_at_a_time(broken)()
