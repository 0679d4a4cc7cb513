"""The compiled kernels survive fork and threads: a parent that has run them can fork workers
(``ProcessPoolExecutor`` / ``multiprocessing`` on Linux) that run them again, and several Python
threads can call them at once.

Each check runs in a fresh interpreter, so the test process's own numba state does not matter,
under a timeout and in its own process group, so a hang fails the test instead of hanging CI.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import FOUNDING, ROOT

TIMEOUT_S = 120

pytestmark = pytest.mark.slow

#: Shared by the scripts: a run of all three kernels, summarised as plain lists.
WORK = textwrap.dedent(
    """
    import json, sys
    import numpy as np
    from sim.analyses.montecarlo import simulate
    from sim.analyses.sweep import sweep
    from sim.model.scenario import load_scenario

    BOOTSTRAP, NORMAL = load_scenario(sys.argv[1]), load_scenario(sys.argv[2])

    def work(seed):
        out = {}
        for sc in (BOOTSTRAP, NORMAL):  # rank_hist_bootstrap, rank_hist_dense
            mc = simulate(sc, 5000, rng=np.random.default_rng(seed), compiled=True)
            out[mc.method] = [mc.rank_counts.tolist(), mc.reach_counts.tolist()]
        sw = sweep(BOOTSTRAP, compiled=True).outcomes  # batch_outcomes
        out["sweep"] = [sw.reach_year.tolist(), sw.ranks.tolist(), sw.gap_pct.tolist()]
        return out
    """
)

FORK = WORK + textwrap.dedent(
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import numba

    from sim.engine import kernels

    if __name__ == "__main__":
        parent = [work(0), work(1)]
        layer = numba.threading_layer()
        with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork")) as ex:
            with kernels._LOCK:  # as if another thread were in a kernel when the workers fork
                futures = [ex.submit(work, seed) for seed in (0, 1)]
            children = [f.result() for f in futures]
        print(json.dumps({"layer": layer, "same": children == parent, "differ": parent[0] != parent[1]}))
    """
)

THREADS = WORK + textwrap.dedent(
    """
    from concurrent.futures import ThreadPoolExecutor

    import numba

    serial = [work(seed) for seed in range(4)]
    with ThreadPoolExecutor(max_workers=4) as ex:
        threaded = list(ex.map(work, range(4)))
    print(json.dumps({"layer": numba.threading_layer(), "same": threaded == serial}))
    """
)

LAYER = WORK + textwrap.dedent(
    """
    import numba

    work(0)
    print(json.dumps({"layer": numba.threading_layer()}))
    """
)


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory) -> list[str]:
    """The founding scenario (bootstrap draws) and the same with normal draws."""
    normal = tmp_path_factory.mktemp("fork") / "normal.yaml"
    normal.write_text(f"extends: {FOUNDING}\nuncertainty: {{method: normal}}\n", encoding="utf-8")
    return [str(FOUNDING), str(normal)]


def _run(script: str, scenarios: list[str], env: dict[str, str]) -> dict:
    """Run ``script`` in a fresh interpreter; kill its whole process group after TIMEOUT_S."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *scenarios],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=TIMEOUT_S)
        hung = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the script and any worker it forked
        out, err = proc.communicate()
        hung = True
    if hung:
        pytest.fail(f"hung: no result after {TIMEOUT_S} s\n{err[-3000:]}")
    assert proc.returncode == 0, f"exit {proc.returncode}\n{err[-3000:]}"
    return json.loads(out.strip().splitlines()[-1])


def _env(**numba: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_THREADING_LAYER"}
    return env | {f"NUMBA_{k}": v for k, v in numba.items()}


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")
def test_forked_workers_run_the_kernels_after_the_parent_did(scenarios):
    res = _run(FORK, scenarios, _env(THREADING_LAYER="forksafe"))  # as the README tells a notebook
    if sys.platform.startswith("linux"):
        assert res["layer"] in ("tbb", "workqueue")  # not GNU OpenMP, which is not fork-safe
    assert res["same"], "forked workers' results differ from the parent's"
    assert res["differ"]  # the seeds matter, so equal results are not trivially equal


def test_kernels_called_from_several_threads_at_once(scenarios):
    res = _run(THREADS, scenarios, _env())
    assert res["same"], "threads' results differ from serial runs"


def test_importing_the_kernels_leaves_numbas_configuration_alone():
    script = (
        "import numba.core.config as c; before = c.THREADING_LAYER\n"
        "import sim.engine.kernels\n"
        "print(before, c.THREADING_LAYER)"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=_env(), capture_output=True, text=True)
    before, after = out.stdout.split()
    assert before == after == "default"


def test_a_threading_layer_the_user_chose_is_kept(scenarios):
    try:
        from numba.np.ufunc import omppool  # noqa: F401
    except ImportError:
        pytest.skip("numba's OpenMP layer does not load here")
    assert _run(LAYER, scenarios, _env(THREADING_LAYER="omp"))["layer"] == "omp"
