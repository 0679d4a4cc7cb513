"""Engine invariants as properties (hypothesis, derandomized: the same examples every run)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sim.analyses.montecarlo import simulate
from sim.engine.batch import evaluate_batch
from sim.engine.levels import project_log_levels
from sim.engine.projection import project
from sim.inputs.params import Parameter
from sim.inputs.scenario_file import merge
from sim.model.growth import assemble
from sim.model.scenario import load_scenario
from sim.ranks import rank_levels, reach_index
from tests.conftest import FOUNDING

PROPS = settings(max_examples=50, deadline=None, derandomize=True)
BASE = load_scenario(FOUNDING)
YEARS = list(range(BASE.base_year + 1, BASE.horizon + 1))
growth = st.floats(min_value=-5.0, max_value=15.0, allow_nan=False)
target_paths = st.dictionaries(st.sampled_from(YEARS), growth, min_size=1, max_size=5)


def _with_target(path: dict[int, float] | float, sc=BASE):
    return sc.with_changes({f"provinces.{sc.target_code}.real_growth": path})


@PROPS
@given(target_paths, st.floats(min_value=-2, max_value=2), st.floats(min_value=0.5, max_value=30))
def test_ranks_are_a_permutation_every_year(path, shift, half_life):
    nat = {"real_growth": 4.0 + shift, "deflator": 1.0}
    sc = _with_target(path).with_changes({"others.half_life": half_life, "national": nat})
    ranks = project(sc).ranks
    assert (np.sort(ranks, axis=1) == np.arange(1, sc.n_regions + 1)).all()


@PROPS
@given(target_paths, st.sampled_from(YEARS), st.floats(min_value=0.01, max_value=10))
def test_more_target_growth_in_one_year_never_hurts(path, year, extra):
    before = project(_with_target(path))
    from sim.model.growth import path_pct

    years = np.array(YEARS)
    pct = path_pct(path, years)
    bumped = {int(y): float(v + (extra if y == year else 0.0)) for y, v in zip(years, pct, strict=True)}
    after = project(_with_target(bumped))
    assert (after.target_rank <= before.target_rank).all()
    b, a = before.reach_year, after.reach_year
    assert b is None or (a is not None and a <= b)


@PROPS
@given(
    arrays(np.float64, (6, 31), elements=st.floats(-0.1, 0.3)),
    arrays(np.float64, 31, elements=st.floats(5, 12)),
    st.floats(-0.05, 0.05),
)
def test_equal_shift_of_every_growth_keeps_ranks(growth_log, base_log, shift):
    # Use a grid of distinct base levels so exact ties (where ranks are shared) are avoided.
    base = base_log + np.arange(31) * 1e-3
    a = rank_levels(project_log_levels(base, growth_log))
    b = rank_levels(project_log_levels(base, growth_log + shift))
    same = (
        np.isclose(
            project_log_levels(base, growth_log)[..., None, :],
            project_log_levels(base, growth_log)[..., :, None],
            rtol=0,
            atol=1e-9,
        ).sum(-1)
        == 1
    )
    assert np.array_equal(a[same.all(axis=-1)], b[same.all(axis=-1)])


@PROPS
@given(st.floats(min_value=-2.0, max_value=2.0))
def test_national_shift_leaves_ranks_when_everyone_follows_it(shift):
    sc = load_scenario(FOUNDING).with_changes({"provinces": {}})
    base = project(sc)
    real = sc.national_written[0]
    after = project(sc.with_changes({"national.real_growth": {y: v + shift for y, v in real.items()}}))
    assert np.array_equal(base.ranks, after.ranks)


@PROPS
@given(st.lists(st.floats(min_value=-5, max_value=15), min_size=1, max_size=20))
def test_batch_equals_each_run_alone(values):
    p = Parameter("provinces.15.real_growth", "set", "province_real", BASE.target)
    batch = evaluate_batch(BASE, [(p, np.array(values))], rank_years=[2030, BASE.horizon])
    for i, v in enumerate(values):
        proj = project(_with_target(float(v)))
        assert batch.reach_or_none()[i] == proj.reach_year
        assert batch.ranks[i].tolist() == [
            int(proj.target_rank[2030 - BASE.base_year]),
            int(proj.target_rank[-1]),
        ]


@settings(max_examples=15, deadline=None, derandomize=True)
@given(growth, st.sampled_from(["bootstrap", "normal"]))
def test_montecarlo_with_zero_shocks_equals_deterministic(g, method):
    sc = _with_target(g)
    sc = sc.with_changes(
        {"uncertainty": {"method": method, "scale": 0.0, "parameters": False, "national": False, "plan_risk": False}}
    )
    mc = simulate(sc, 64, rng=np.random.default_rng(0))
    proj = project(sc)
    assert (mc.rank_counts[np.arange(proj.years.size), proj.target_rank] == 64).all()
    idx = int(reach_index(proj.target_rank, sc.threshold_rank))
    assert mc.reach_counts[idx if idx >= 0 else proj.years.size] == 64


keys = st.sampled_from(["a", "b", "c", "national", "others"])
leaf = st.one_of(
    st.integers(-3, 3), st.floats(-1, 1, allow_nan=False), st.lists(st.integers(0, 3), max_size=2)
)
trees = st.recursive(leaf, lambda children: st.dictionaries(keys, children, max_size=3), max_leaves=8)
mappings = st.dictionaries(keys, trees, max_size=4)


@PROPS
@given(mappings, mappings, mappings)
def test_extends_merge_child_wins_and_keeps_the_rest(a, b, c):
    """Every leaf the child sets is in the result; every leaf the parents set and the child
    does not touch survives; merging a file over itself changes nothing."""
    merged = merge(merge(a, b)[0], c)[0]
    for path, value in _leaves(c):
        assert _get(merged, path) == value
    for path, value in _leaves(merge(a, b)[0]):
        if not any(path[: len(p)] == p for p, _ in _leaves(c, stop_at_leaf=False)):
            assert _get(merged, path) == value
    assert merge(a, a)[0] == a


def _leaves(tree, prefix=(), stop_at_leaf=True):
    """(path, value) of every non-mapping value (and, unless stop_at_leaf, of every mapping too)."""
    for key, value in tree.items():
        path = (*prefix, key)
        if isinstance(value, dict):  # an empty mapping sets nothing
            if not stop_at_leaf:
                yield path, value
            yield from _leaves(value, path, stop_at_leaf)
        else:
            yield path, value


def _get(tree, path):
    for key in path:
        tree = tree[key]
    return tree


def test_extends_chain_equals_merged_file(write):
    write("a.yaml", "name: a\nhorizon: 2035\nothers: {half_life: 4, window: [2019, 2024]}\n")
    write(
        "b.yaml", "extends: a.yaml\nname: b\nothers: {half_life: 6}\nprovinces: {Shanxi: {real_growth: 4}}\n"
    )
    c = write("c.yaml", "extends: b.yaml\nname: c\nprovinces: {山西: {deflator: 2}}\n")
    flat = write(
        "flat.yaml",
        "name: c\nhorizon: 2035\nothers: {half_life: 6, window: [2019, 2024]}\n"
        "provinces: {Shanxi: {real_growth: 4, deflator: 2}}\n",
    )
    chained, merged = load_scenario(c), load_scenario(flat)
    assert (chained.others, chained.provinces, chained.horizon) == (merged.others, merged.provinces, 2035)
    assert np.array_equal(assemble(chained.growth).nominal, assemble(merged.growth).nominal)
    assert np.array_equal(project(chained).gdp, project(merged).gdp)
