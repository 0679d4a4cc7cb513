"""The bad-input corpus (tests/bad_inputs/MANIFEST.yaml) through the CLI, in subprocesses.

Every case: exit status 2, exactly one line on stderr naming file, line and field where the
input has them, no traceback, and nothing created or changed in --out.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import run_subprocess

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
CASES = YAML(typ="safe").load((CORPUS / "MANIFEST.yaml").read_text(encoding="utf-8"))["cases"]


#: Words of the YAML parser's own messages that must never reach a planner.
PARSER_JARGON = (
    "<block", "<stream", "<scalar", "<document", "mapping values are not allowed",
    "could not find expected", "while parsing", "while scanning", "cannot start any token",
    "simple key", "flow mapping", "flow sequence",
)  # fmt: skip


def test_corpus_is_large_enough_and_ids_unique():
    ids = [c["id"] for c in CASES]
    assert len(ids) >= 40 and len(set(ids)) == len(ids)
    kinds = {c["argv"][0] for c in CASES}
    assert {"run", "data", "sweep", "sensitivity", "montecarlo", "solve"} <= kinds


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("corpus") / "bad_inputs"
    shutil.copytree(CORPUS, copy)
    return copy


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_bad_input(case, corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("existing output must survive\n")
    before, corpus_before = _snapshot(out), _snapshot(corpus)
    argv = [a.replace("{dir}", str(corpus)).replace("{out}", str(out)) for a in case["argv"]]
    res = run_subprocess(*argv)
    assert res.code == 2, (res.code, res.err)
    assert res.out == "" or case["argv"][0] == "validate"
    assert res.err.endswith("\n") and res.err.count("\n") == 1, res.err
    assert "Traceback" not in res.err
    assert not [w for w in PARSER_JARGON if w in res.err], res.err
    prefix = ""
    if case.get("file"):
        prefix = f"{corpus / case['file']}"
        prefix += f":{case['line']}: " if case.get("line") else ": "
    if case.get("field"):
        prefix += f"{case['field']}: "
    assert res.err.startswith(prefix), f"{res.err!r} does not start with {prefix!r}"
    assert case["expect"] in res.err, res.err
    assert _snapshot(out) == before  # nothing created or changed in --out
    assert _snapshot(corpus) == corpus_before  # inputs untouched


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("name: fw\ntarget： Guangxi\n", 2, "full-width '：' at column 7 (typed with a Chinese"),
        ("name: fw\nprovinces:\n  广西： {real_growth: 6}\n", 3, "contains full-width punctuation"),
        ("name: s\nprovinces:\n  Inner Mongolai: {real_growth: 6}\n", 3, "did you mean 'Inner Mongolia'?"),
        ("name: s\ntarget: 内蒙股\n", 2, "did you mean '内蒙古'?"),
    ],
)
def test_chinese_input_method_and_misspelt_regions(tmp_path, text, line, fragment):
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    res = run_subprocess("run", path)
    assert res.code == 2 and res.err.count("\n") == 1, res.err
    assert res.err.startswith(f"{path}:{line}: ") and fragment in res.err, res.err


@pytest.mark.parametrize(
    ("text", "line", "field", "column"),
    [
        ("name: fw\nnational:\n  real_growth： 5.0\n", 3, "national.real_growth", 14),
        (
            "name: fw\ntarget: 内蒙古\nprovinces:\n  内蒙古:\n    real_growth： 6.0\n",
            5,
            "provinces.内蒙古.real_growth",
            16,
        ),
        ("name: fw\nnational:\n  deflator: 1.0\nothers:\n  window，\n", 5, "others", 9),
    ],
    ids=["national", "provinces", "comma"],
)
def test_nested_full_width_colon_at_its_own_line_and_column(cli, tmp_path, text, line, field, column):
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    said = {"en": f"at column {column} (typed with a Chinese input method)", "zh": f"第 {column} 列有全角"}
    for lang, words in said.items():
        res = cli("run", path, "--lang", lang)
        assert res.code == 2 and res.err.count("\n") == 1 and res.out == "", res.err
        assert res.err.startswith(f"{path}:{line}: {field}: ") and words in res.err, res.err


# ---------------------------------------------------------------- bounded inputs (issue 23)


def _refused_within(seconds: float, load, path: Path) -> str:
    import time

    import sim

    start = time.perf_counter()
    with pytest.raises(sim.InputError) as err:
        load(path)
    elapsed = time.perf_counter() - start
    assert elapsed < seconds, f"{path.name} refused after {elapsed:.2f} s"
    return str(err.value)


def test_billion_laughs_and_a_50_mb_scenario_are_refused_within_2_s(tmp_path):
    import sim

    laughs = _refused_within(2.0, sim.load_scenario, CORPUS / "billion_laughs.yaml")
    assert "anchors and aliases" in laughs
    big = tmp_path / "big.yaml"
    big.write_text("name: big\n" + "# a comment line\n" * (50 * 1024 * 1024 // 17), encoding="utf-8")
    message = _refused_within(2.0, sim.load_scenario, big)
    size = big.stat().st_size
    assert message == f"{big}: the file has {size:,} bytes; a scenario file may have at most 1,000,000 (1 MB)"


def test_a_panel_year_far_in_the_future_is_refused_within_1_s():
    import sim

    for name in ("panel_year_far.csv", "panel_year_2100000000.csv", "panel_year_30_digits.csv"):
        message = _refused_within(1.0, sim.load_panel, CORPUS / name)
        assert message.startswith(f"{CORPUS / name}:4: year: year ") and "is outside 1949-2200" in message


def test_a_scenario_of_comment_lines_up_to_the_cap_reads_in_seconds(tmp_path):
    """160,000 comment lines took 70 s (ruamel gathers comment lines in quadratic time)."""
    import time

    import sim

    path = tmp_path / "comments.yaml"
    lines = ["name: comments"] + [f"# note {i}" for i in range(100_000)]
    path.write_text("\n".join(lines)[:999_000] + "\nhorizon: 2035  # the source\n", encoding="utf-8")
    start = time.perf_counter()
    sc = sim.load_scenario(path)
    assert time.perf_counter() - start < 5.0
    assert sc.horizon == 2035 and sc.source.comments["horizon"] == "the source"


def test_a_fifo_or_device_as_a_scenario_is_refused_without_hanging(tmp_path):
    import os
    import subprocess
    import sys

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    child = tmp_path / "child.yaml"
    child.write_text("name: child\nextends: pipe.yaml\n", encoding="utf-8")
    for path, expect in (
        (fifo, f"{fifo}: not a regular file"),
        (child, f"{child}:2: extends: 'pipe.yaml' is not a regular file"),
    ):
        res = subprocess.run([sys.executable, "-m", "sim", "validate", str(path)], capture_output=True,
                             text=True, timeout=60)  # fmt: skip
        assert res.returncode == 2 and res.stderr.count("\n") == 1, res.stderr
        assert res.stderr.startswith(expect), res.stderr


def test_no_message_echoes_a_pasted_value_in_full(tmp_path):
    path = tmp_path / "long.yaml"
    path.write_text("name: long\ntarget: " + "x" * 5000 + "\n", encoding="utf-8")
    res = run_subprocess("validate", path)
    assert res.code == 2 and len(res.err) <= 700 and res.err.count("\n") == 1, res.err
