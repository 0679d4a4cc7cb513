"""The README's terminal examples are real: every ``$ ranksim ...`` block, and the quick start's
output of ``make run``, are re-run here and must print what the README shows."""

from __future__ import annotations

import shlex

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: What `make run` runs (Makefile), whose output the quick start shows.
MAKE_RUN = "ranksim run scenarios/inner_mongolia_6pct.yaml --paths 20000 --seed 1"


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """(language, lines) of every fenced code block, fences paired in order."""
    blocks: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("```"):
            if current is None:
                current = []
                blocks.append((line[3:].strip(), current))
            else:
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def _console_examples() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for every ``$ ranksim`` line in a plain code block."""
    examples = []
    for lang, lines in _blocks(README):
        if lang or not lines or not lines[0].startswith("$ ranksim"):
            continue
        current: tuple[str, list[str]] | None = None
        for line in lines:
            if line.startswith("$ ranksim"):
                current = (line[2:], [])
                examples.append(current)
            elif current is not None:
                current[1].append(line)
    return examples


def _quick_start() -> list[str]:
    return _blocks(README.split("`make run` prints the answer", 1)[1])[0][1]


EXAMPLES = [(MAKE_RUN, _quick_start()), *_console_examples()]


def test_the_readme_has_examples():
    assert len(EXAMPLES) >= 5 and all(out for _, out in EXAMPLES)


@pytest.mark.slow
@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_prints_what_the_readme_shows(cli, monkeypatch, command, expected):
    monkeypatch.chdir(ROOT)
    argv = shlex.split(command)[1:]
    res = cli(*argv, "--quiet") if "--paths" in argv or argv[0] == "sensitivity" else cli(*argv)
    assert res.code == 0, res.err
    got = [line.rstrip() for line in res.out.splitlines() if not line.startswith("wrote ")]
    want = [line.rstrip() for line in expected]
    for w, g in zip(want, got, strict=False):
        if "..." in w:  # the README elides parts of a long line: the rest must appear in order
            pieces = w.split("...")
            assert g.startswith(pieces[0]) and g.endswith(pieces[-1]), (w, g)
            at = len(pieces[0])
            for piece in pieces[1:-1]:
                at = g.index(piece, at) + len(piece)  # ValueError if missing or out of order
        else:
            assert g == w
    assert len(got) == len(want), (got, want)


@pytest.mark.slow
def test_the_python_api_example_runs(tmp_path, monkeypatch):
    """The README's Python API block, executed as a notebook would (in a scratch folder)."""
    block = next(b for b in _blocks(README.split("## Python API", 1)[1]) if b[0] == "python")
    (tmp_path / "scenarios").symlink_to(ROOT / "scenarios")
    monkeypatch.chdir(tmp_path)
    code = "\n".join(block[1]).replace("paths=10_000", "paths=500").replace("100_000", "2_000")
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    assert (tmp_path / "out" / "mc.html").stat().st_size > 0
    assert namespace["faster"].name.endswith("with 2 changes")  # type: ignore[attr-defined]


@pytest.mark.slow
def test_the_notebook_session_prints_what_the_readme_shows(tmp_path, monkeypatch):
    """The README's notebook session, run as a doctest: every ``to_frame()`` table, the solve
    answer and the files ``sim.report`` and ``sim.to_excel`` write."""
    import doctest

    text = "\n".join(next(b for b in _blocks(README.split("## Python API", 1)[1]) if b[0] == "pycon")[1])
    (tmp_path / "scenarios").symlink_to(ROOT / "scenarios")
    monkeypatch.chdir(tmp_path)
    test = doctest.DocTestParser().get_doctest(text, {}, "README.md", "README.md", 0)
    assert len(test.examples) >= 12
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    page = (tmp_path / "out" / "run.html").read_text(encoding="utf-8")
    assert "Monte Carlo (20,000 paths, seed 1): P(reached) by 2027" in page
    assert (tmp_path / "out" / "montecarlo.xlsx").stat().st_size > 0


#: The command behind each ```json block of the README, in order.
JSON_COMMANDS = [
    "ranksim run scenarios/inner_mongolia_6pct.yaml --json",
    "ranksim montecarlo scenarios/inner_mongolia_6pct.yaml --paths 100000 --seed 7 --json",
    "ranksim backtest --paths 2000 --seed 1 --json",
]


def _shown_in(shown, actual, where="") -> None:
    """Every value the README shows is the value the tool prints; "..." elides (a whole value, a
    key "..." the rest of a mapping, a list item "..." the middle of a list)."""
    if shown == "...":
        return
    if isinstance(shown, dict):
        assert isinstance(actual, dict), where
        for key, value in shown.items():
            if key != "...":
                assert key in actual, f"{where}.{key} missing"
                _shown_in(value, actual[key], f"{where}.{key}")
    elif isinstance(shown, list):
        assert isinstance(actual, list), where
        cut = shown.index("...") if "..." in shown else len(shown)
        head, tail = shown[:cut], shown[cut + 1 :]  # a list without "..." shows its first items
        assert len(head) + len(tail) <= len(actual), where
        for i, (s, a) in enumerate(zip(head, actual, strict=False)):
            _shown_in(s, a, f"{where}[{i}]")
        for i, (s, a) in enumerate(zip(tail, actual[len(actual) - len(tail) :], strict=True)):
            _shown_in(s, a, f"{where}[-{len(tail) - i}]")
    else:
        assert shown == actual, f"{where}: README {shown!r}, tool {actual!r}"


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(JSON_COMMANDS)), ids=JSON_COMMANDS)
def test_the_json_examples_show_what_the_tool_prints(cli, monkeypatch, index):
    import json

    blocks = [lines for lang, lines in _blocks(README) if lang == "json"]
    assert len(blocks) == len(JSON_COMMANDS)
    monkeypatch.chdir(ROOT)
    argv = shlex.split(JSON_COMMANDS[index])[1:]
    res = cli(*argv, "--quiet") if "--paths" in argv else cli(*argv)
    assert res.code == 0, res.err
    shown = json.loads("\n".join(blocks[index]).replace('"...": 0', '"...": "..."'))
    _shown_in(shown, res.json())


def test_the_json_check_can_fail():
    with pytest.raises(AssertionError):
        _shown_in({"a": {"b": 0.006}}, {"a": {"b": 0.011}})
    _shown_in({"l": [1, "...", 9], "x": "..."}, {"l": [1, 2, 3, 9], "x": 5})
