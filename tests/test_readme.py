"""The README's terminal examples are real: every ``$ ranksim ...`` block, and the quick start's
output of ``make run``, are re-run here and must print what the README shows. (The user guide's
examples are checked the same way in ``tests/test_guide.py``; the rules are in
``tests/doc_examples.py``.)"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.doc_examples import (
    MAKE_RUN,
    README,
    argv_of,
    assert_prints,
    json_examples,
    printed,
    shown_in,
    terminal_examples,
)

EXAMPLES = terminal_examples(README)


def test_the_readme_has_examples():
    assert not json_examples(README)  # JSON examples live in the guide (tests/test_guide.py)
    assert len(EXAMPLES) >= 2 and all(out for _, out in EXAMPLES)
    assert EXAMPLES[0][0] == MAKE_RUN  # the quick start shows what `make run` prints


def test_the_readme_is_a_front_page():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 260
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert not [h for h in headings if any(w in h.lower() for w in ("issue", "item"))], headings
    assert "中文简介" in text and "docs/guide/zh/" in text and "docs/guide/en/" in text


def test_make_run_is_what_the_readme_says():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    scenario = next(line for line in makefile.splitlines() if line.startswith("SCENARIO ?="))
    run = next(line for line in makefile.splitlines() if "/ranksim run " in line)
    run = run.split("/", 1)[1].replace("$(SCENARIO)", scenario.split("=", 1)[1].strip())
    assert run.replace(" --out $(OUT)", "") == MAKE_RUN


@pytest.mark.slow
@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_prints_what_the_readme_shows(cli, monkeypatch, command, expected):
    monkeypatch.chdir(ROOT)
    res = cli(*argv_of(command))
    assert res.code == 0, res.err
    assert_prints(expected, printed(res.out))


def test_the_checks_can_fail():
    with pytest.raises(AssertionError):
        shown_in({"a": {"b": 0.006}}, {"a": {"b": 0.011}})
    shown_in({"l": [1, "...", 9], "x": "..."}, {"l": [1, 2, 3, 9], "x": 5})
    with pytest.raises(AssertionError):
        assert_prints(["reach year: 2034"], ["reach year: 2035"])
    with pytest.raises(AssertionError):
        assert_prints(["P(reach) by ...: 3.0%...2040"], ["P(reach) by 2030: 3.1%, by 2040"])
    with pytest.raises(AssertionError):
        assert_prints(["a", "b"], ["a"])
    assert_prints(["P(reach) by ...: 3.0%...2040"], ["P(reach) by 2030: 3.0%, by 2040"])


@pytest.mark.slow
def test_why_the_answer_moved_quotes_docs_answer_steps():
    """Every figure of the README's "Why the answer moved" steps is what docs/answer_steps.py
    measures today."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("answer_steps", ROOT / "docs" / "answer_steps.py")
    assert spec is not None and spec.loader is not None
    steps = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(steps)

    text = " ".join(README.read_text(encoding="utf-8").split())
    para = text[text.index("**Why the answer moved") : text.index("## One more question")]
    old, new, today, wide, short = (steps.measure(c) for _, c in steps.STEPS)
    assert (old["reach_year"], old["median"], new["reach_year"], today["median"]) == (2035, 2037, 2036, 2038)
    assert (
        f"answer was reach 2035, P(reach) {old['p'][2027]} % by 2027, {old['p'][2030]} % by 2030, "
        f"{old['p'][2035]} % by 2035 and {old['p'][2040]} % by 2040, median 2037"
    ) in para
    assert f"gives 2036, {new['p'][2027]} %, {new['p'][2030]} %, {new['p'][2035]} %, {new['p'][2040]} %" in para
    assert (
        f"the multiplier, 2036, {today['p'][2027]} %, {today['p'][2030]} %, {today['p'][2035]} %, "
        f"{today['p'][2040]} %, median 2038"
    ) in para
    assert f"the same odds: {wide['p'][2030]} and {short['p'][2030]} % by 2030" in para
