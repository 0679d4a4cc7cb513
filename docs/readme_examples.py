"""Rewrite the examples of the README and the user guide with what the tool prints now.

    .venv/bin/python docs/readme_examples.py              # the README and every guide page
    .venv/bin/python docs/readme_examples.py docs/guide/zh/commands.md   # one page

Every terminal session (a plain block opening with ``$ ranksim`` or ``$ make run``) is re-run
and its output replaced; a line that elides with ``...`` keeps its elisions where the new output
still matches them, and is replaced whole otherwise. Every notebook session (a ``pycon`` block) is
re-run in a scratch folder and its outputs replaced. JSON blocks are checked, not rewritten
(their elisions are chosen by hand). The rules are in ``tests/doc_examples.py``;
``tests/test_readme.py`` and ``tests/test_guide.py`` check the result.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sim.cli.main import main  # noqa: E402
from tests.doc_examples import argv_of, command_of, documents, keep_elisions, printed  # noqa: E402

_cache: dict[str, list[str]] = {}


def output(command: str) -> list[str]:
    """What ``command`` prints (computed once per run of this script)."""
    if command not in _cache:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            code = main(argv_of(command))
        if code != 0:
            raise SystemExit(f"{command}: exit status {code}")
        _cache[command] = printed(buf.getvalue())
    return _cache[command]


def rewrite_terminal(lines: list[str]) -> list[str]:
    """A terminal block's lines with every command's output as it prints now."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        prompt = lines[i]
        j = next((k for k in range(i + 1, len(lines)) if lines[k].startswith("$ ")), len(lines))
        out += [prompt, *keep_elisions(lines[i + 1 : j], output(command_of(prompt)))]
        i = j
    return out


def session(lines: list[str]) -> list[str]:
    """A notebook session (a ``pycon`` block) with every output as it prints now: each statement
    is run in order in one namespace, in a scratch folder (its files are thrown away)."""
    import doctest
    import tempfile

    examples = doctest.DocTestParser().get_examples("\n".join(lines))
    namespace: dict[str, object] = {}
    out: list[str] = []
    here = Path.cwd()
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / "scenarios").symlink_to(ROOT / "scenarios")
        os.chdir(scratch)
        try:
            for ex in examples:
                buf = io.StringIO()
                hook = sys.displayhook
                sys.displayhook = lambda value: value is None or print(repr(value))
                with contextlib.redirect_stdout(buf):
                    exec(compile(ex.source, "guide", "single"), namespace)  # noqa: S102
                sys.displayhook = hook
                source = ex.source.rstrip("\n").splitlines()
                out += [">>> " + source[0], *("... " + s for s in source[1:])]
                out += [line.rstrip() for line in buf.getvalue().splitlines()]
        finally:
            os.chdir(here)
    return out


def rewrite(text: str) -> str:
    """``text`` with its terminal and notebook sessions as the tool prints them now."""
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if not line.startswith("```") or line[3:].strip() not in ("", "pycon"):
            if line.startswith("```"):  # another block: copy it to its closing fence
                j = lines.index("```", i)
                out += lines[i : j + 1]
                i = j + 1
            continue
        j = lines.index("```", i)
        body = lines[i:j]
        if line == "```pycon":
            body = session(body)
        elif body and body[0].startswith(("$ ranksim", "$ make run")):
            body = rewrite_terminal(body)
        out += [*body, "```"]
        i = j + 1
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    os.chdir(ROOT)
    targets = [ROOT / a for a in sys.argv[1:]] or documents()
    for path in targets:
        new = rewrite(path.read_text(encoding="utf-8"))
        if new != path.read_text(encoding="utf-8"):
            path.write_text(new, encoding="utf-8")
            print(f"rewrote {path.relative_to(ROOT)}")
    print(f"examples of {len(targets)} documents checked")
