"""Rewrite the README's terminal examples with what the tool prints now.

    .venv/bin/python docs/readme_examples.py

Every ``$ ranksim ...`` block, the quick start's output of ``make run`` and the Python API's
notebook session (the ``pycon`` block) are re-run and their output replaced; a line the README
elides with ``...`` keeps its elisions where the new output still matches them, and is replaced
whole otherwise. ``tests/test_readme.py`` checks the result.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
from pathlib import Path

from sim.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
MAKE_RUN = "ranksim run scenarios/inner_mongolia_6pct.yaml --paths 20000 --seed 1"


def output(command: str) -> list[str]:
    argv = shlex.split(command)[1:]
    quiet = ["--quiet"] if "--paths" in argv or argv[0] == "sensitivity" else []
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main([*argv, *quiet])
    return [line.rstrip() for line in buf.getvalue().splitlines() if not line.startswith("wrote ")]


def keep_elisions(old: list[str], new: list[str]) -> list[str]:
    out = []
    for i, line in enumerate(new):
        was = old[i] if i < len(old) else ""
        if "..." in was:
            pieces = was.split("...")
            if line.startswith(pieces[0]) and line.endswith(pieces[-1]):
                at, ok = len(pieces[0]), True
                for piece in pieces[1:-1]:
                    at = line.find(piece, at)
                    ok = ok and at >= 0
                    at += len(piece)
                if ok:
                    out.append(was)
                    continue
        out.append(line)
    return out


def rewrite(text: str) -> str:
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    quick_start = False
    while i < len(lines):
        line = lines[i]
        out.append(line)
        if "`make run` prints the answer" in line:
            quick_start = True
        if line == "```" and (quick_start or (i + 1 < len(lines) and lines[i + 1].startswith("$ ranksim"))):
            j = lines.index("```", i + 1)
            block = lines[i + 1 : j]
            if quick_start:
                out += keep_elisions(block, output(MAKE_RUN))
                quick_start = False
            else:
                old: list[str] = []
                for k, b in enumerate(block):
                    if b.startswith("$ ranksim"):
                        old = [x for x in block[k + 1 :]]
                        old = old[: next((n for n, x in enumerate(old) if x.startswith("$ ")), len(old))]
                        out.append(b)
                        out += keep_elisions(old, output(b[2:]))
            out.append("```")
            i = j + 1
            continue
        i += 1
    return "\n".join(out) + "\n"


def session(lines: list[str]) -> list[str]:
    """The README's notebook session (a ``pycon`` block) with every output as it prints now: each
    statement is run in order in one namespace, in a scratch folder (its files are thrown away)."""
    import doctest
    import sys
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
                    exec(compile(ex.source, "README.md", "single"), namespace)  # noqa: S102
                sys.displayhook = hook
                source = ex.source.rstrip("\n").splitlines()
                out += [">>> " + source[0], *("... " + s for s in source[1:])]
                out += [line.rstrip() for line in buf.getvalue().splitlines()]
        finally:
            os.chdir(here)
    return out


def rewrite_session(text: str) -> str:
    """``text`` with the ``pycon`` block's outputs replaced by what the session prints now."""
    start = text.index("```pycon\n") + len("```pycon\n")
    end = text.index("\n```", start)
    return text[:start] + "\n".join(session(text[start:end].splitlines())) + "\n" + text[end:]


if __name__ == "__main__":
    os.chdir(ROOT)
    readme = ROOT / "README.md"
    readme.write_text(rewrite_session(rewrite(readme.read_text(encoding="utf-8"))), encoding="utf-8")
    print("README examples rewritten")
