"""The user guide (docs/guide/, English and Chinese) is real: every ``$ ranksim ...`` session on
its pages is re-run and must print what the page shows, every JSON block is what its command
prints, every notebook session runs as a doctest, and the site builds with ``mkdocs build
--strict`` (a warning is an error). Rules: ``tests/doc_examples.py``; rewrite the examples with
``.venv/bin/python docs/readme_examples.py``."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.doc_examples import (
    GUIDE,
    argv_of,
    assert_prints,
    blocks,
    guide_pages,
    json_examples,
    name,
    printed,
    shown_in,
    terminal_examples,
)

PAGES = guide_pages()
EXAMPLES = [(name(p), c, out) for p in PAGES for c, out in terminal_examples(p)]
JSON = [(name(p), c, shown) for p in PAGES for c, shown in json_examples(p)]
SESSIONS = [
    (name(p), "\n".join(b.lines)) for p in PAGES for b in blocks(p.read_text("utf-8")) if b.lang == "pycon"
]
SCRIPTS = [
    (name(p), "\n".join(b.lines)) for p in PAGES for b in blocks(p.read_text("utf-8")) if b.lang == "python"
]
HAN = re.compile(r"[\u4e00-\u9fff]")


def _pages(lang: str) -> set[str]:
    return {p.relative_to(GUIDE / lang).as_posix() for p in (GUIDE / lang).rglob("*.md")}


def test_both_languages_have_the_same_pages():
    assert _pages("en") == _pages("zh") and len(_pages("en")) >= 12


def test_the_mkdocs_nav_lists_every_page():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for lang in ("en", "zh"):
        for page in _pages(lang):
            assert f"guide/{lang}/{page}" in nav, f"guide/{lang}/{page} is not in mkdocs.yml's nav"


def test_the_chinese_pages_are_written_in_chinese():
    """Outside code, a Chinese page's text is mostly Chinese: at least one Han character in
    every three non-space characters of its prose (commands and keys stay as they are)."""
    for page in sorted((GUIDE / "zh").rglob("*.md")):
        prose = re.sub(r"```.*?```|`[^`\n]*`|\([^)\s]*\)|<!--.*?-->", "", page.read_text("utf-8"), flags=re.S)
        letters = re.sub(r"[\s|#*\-:>.,;()\[\]0-9%/=+_!'\"]", "", prose)
        assert len(HAN.findall(letters)) * 3 >= len(letters), name(page)


def test_the_guide_has_examples_in_both_languages():
    assert sum(1 for p, _, _ in EXAMPLES if "/en/" in p) >= 15
    assert sum(1 for p, _, _ in EXAMPLES if "/zh/" in p) >= 15
    assert all(out for _, _, out in EXAMPLES)


def test_the_commands_page_keeps_room_for_the_new_commands():
    for lang in ("en", "zh"):
        text = (GUIDE / lang / "commands.md").read_text(encoding="utf-8")
        for spot in ("compare", "solve --over", "experiments"):
            assert f"<!-- lead: {spot} -->" in text, (lang, spot)


@pytest.mark.slow
@pytest.mark.parametrize(("page", "command", "expected"), EXAMPLES, ids=[f"{p}: {c}" for p, c, _ in EXAMPLES])
def test_guide_example_prints_what_the_page_shows(cli, monkeypatch, page, command, expected):
    monkeypatch.chdir(ROOT)
    res = cli(*argv_of(command))
    assert res.code == 0, res.err
    assert_prints(expected, printed(res.out))


@pytest.mark.slow
@pytest.mark.parametrize(("page", "command", "shown"), JSON, ids=[f"{p}: {c}" for p, c, _ in JSON])
def test_guide_json_shows_what_the_tool_prints(cli, monkeypatch, page, command, shown):
    monkeypatch.chdir(ROOT)
    res = cli(*argv_of(command))
    assert res.code == 0, res.err
    shown_in(json.loads(shown.replace('"...": 0', '"...": "..."')), res.json())


def _scratch(tmp_path, monkeypatch):
    (tmp_path / "scenarios").symlink_to(ROOT / "scenarios")
    monkeypatch.chdir(tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize(("page", "text"), SESSIONS, ids=[p for p, _ in SESSIONS])
def test_guide_notebook_session_prints_what_the_page_shows(tmp_path, monkeypatch, page, text):
    """A ``pycon`` session, run as a doctest in a scratch folder (its files are thrown away)."""
    import doctest

    _scratch(tmp_path, monkeypatch)
    test = doctest.DocTestParser().get_doctest(text, {}, page, page, 0)
    assert len(test.examples) >= 2
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


@pytest.mark.slow
@pytest.mark.parametrize(("page", "code"), SCRIPTS, ids=[p for p, _ in SCRIPTS])
def test_guide_python_block_runs(tmp_path, monkeypatch, page, code):
    """A ``python`` block, executed as a notebook would (fewer Monte Carlo paths: it must run,
    its figures are the sessions' business)."""
    _scratch(tmp_path, monkeypatch)
    code = code.replace("100_000", "2_000").replace("10_000", "500")
    exec(compile(code, page, "exec"), {})  # noqa: S102 - the guide's own example


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("mkdocs") is None, reason="mkdocs is not installed (pip install -e '.[docs]')"
)
def test_the_site_builds_without_a_warning(tmp_path):
    res = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    for lang in ("en", "zh"):
        assert (tmp_path / "site" / "guide" / lang / "index.html").is_file()
