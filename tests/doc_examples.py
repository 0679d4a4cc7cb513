"""The examples of the README and the user guide, read from their Markdown.

One set of rules serves the tests (``tests/test_readme.py``, ``tests/test_guide.py``) and the
script that rewrites the examples (``docs/readme_examples.py``):

- a plain fenced block (no language) whose first line starts with ``$ ranksim`` or
  ``$ make run`` is a terminal session: every ``$ `` line is a command, the lines up to the next
  one are what it prints (``wrote ...`` lines left out); ``$ make run`` stands for what the
  Makefile's ``run`` target runs (:data:`MAKE_RUN`);
- a line of expected output may elide parts with ``...``: the parts around the dots must appear
  in that order, from the start to the end of the printed line;
- a ```` ```json ```` block follows an HTML comment ``<!-- output of: ranksim ... -->`` naming the
  command that prints it; ``"..."`` elides values (see :func:`shown_in`);
- a ```` ```pycon ```` block is a notebook session run as a doctest; a ```` ```python ```` block
  of the guide is executed as a notebook would execute it.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
GUIDE = ROOT / "docs" / "guide"
#: What `make run` runs (the Makefile's run target, less --out), whose output the docs show.
MAKE_RUN = "ranksim run scenarios/inner_mongolia_6pct.yaml --paths 20000 --seed 1"
#: The comment that names the command behind a JSON block.
JSON_SOURCE = re.compile(r"<!--\s*output of:\s*(ranksim .+?)\s*-->")


def guide_pages() -> list[Path]:
    """Every Markdown page of the user guide, English and Chinese, in a fixed order."""
    return sorted(GUIDE.rglob("*.md"))


def documents() -> list[Path]:
    """The README and every guide page."""
    return [README, *guide_pages()]


def name(path: Path) -> str:
    """A document's path relative to the repository (test ids, messages)."""
    return path.relative_to(ROOT).as_posix()


@dataclass(frozen=True)
class Block:
    """One fenced code block: its language (``""`` for none), its lines, and the text above it."""

    lang: str
    lines: list[str]
    before: str  # the last non-empty line above the opening fence


def blocks(text: str) -> list[Block]:
    """Every fenced code block of ``text``, fences paired in order."""
    out: list[Block] = []
    current: list[str] | None = None
    last = ""
    for line in text.splitlines():
        if line.startswith("```"):
            if current is None:
                current = []
                out.append(Block(line[3:].strip(), current, last))
            else:
                current = None
            continue
        if current is not None:
            current.append(line)
        elif line.strip():
            last = line.strip()
    return out


def is_terminal(block: Block) -> bool:
    """A terminal session: a plain block opening with ``$ ranksim`` or ``$ make run``."""
    return not block.lang and bool(block.lines) and block.lines[0].startswith(("$ ranksim", "$ make run"))


def command_of(prompt: str) -> str:
    """The ``ranksim ...`` command of a ``$ ...`` line (``$ make run`` is :data:`MAKE_RUN`)."""
    command = prompt[2:].strip()
    return MAKE_RUN if command == "make run" else command


def sessions(block: Block) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) of every ``$ `` line of a terminal block."""
    out: list[tuple[str, list[str]]] = []
    for line in block.lines:
        if line.startswith("$ "):
            out.append((command_of(line), []))
        elif out:
            out[-1][1].append(line)
    return out


def terminal_examples(path: Path) -> list[tuple[str, list[str]]]:
    """(command, expected output) of every terminal session of one document."""
    text = path.read_text(encoding="utf-8")
    return [s for b in blocks(text) if is_terminal(b) for s in sessions(b)]


def json_examples(path: Path) -> list[tuple[str, str]]:
    """(command, JSON text) of every ``json`` block of one document."""
    out = []
    for b in blocks(path.read_text(encoding="utf-8")):
        if b.lang == "json":
            found = JSON_SOURCE.search(b.before)
            assert found, f"{name(path)}: a json block without <!-- output of: ranksim ... --> above it"
            out.append((found.group(1), "\n".join(b.lines)))
    return out


def argv_of(command: str) -> list[str]:
    """The CLI arguments of a ``ranksim ...`` command, with ``--quiet`` where a progress bar
    would otherwise be drawn (Monte Carlo paths, sensitivity)."""
    argv = shlex.split(command)[1:]
    quiet = "--paths" in argv or argv[0] == "sensitivity" or (argv[0] == "montecarlo")
    return [*argv, "--quiet"] if quiet else argv


def printed(stdout: str) -> list[str]:
    """What a command printed, as the docs show it: lines right-stripped, ``wrote`` lines left out."""
    return [line.rstrip() for line in stdout.splitlines() if not line.startswith(("wrote ", "写入"))]


def line_matches(shown: str, got: str) -> bool:
    """``got`` is the line ``shown``, where each ``...`` of ``shown`` stands for any text."""
    if "..." not in shown:
        return got == shown
    pieces = shown.split("...")
    if not (got.startswith(pieces[0]) and got.endswith(pieces[-1])):
        return False
    at = len(pieces[0])
    for piece in pieces[1:-1]:
        at = got.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return at <= len(got) - len(pieces[-1])


def assert_prints(expected: list[str], got: list[str]) -> None:
    """Every shown line matches the printed one, and no line is missing or extra."""
    want = [line.rstrip() for line in expected]
    for i, (w, g) in enumerate(zip(want, got, strict=False)):
        assert line_matches(w, g), f"line {i + 1}:\n  shown:   {w}\n  printed: {g}"
    assert len(got) == len(want), f"{len(want)} lines shown, {len(got)} printed:\n" + "\n".join(got)


def keep_elisions(old: list[str], new: list[str]) -> list[str]:
    """``new`` output, keeping each old line that elides with ``...`` where it still matches."""
    return [
        old[i] if i < len(old) and "..." in old[i] and line_matches(old[i], line) else line
        for i, line in enumerate(new)
    ]


def shown_in(shown: object, actual: object, where: str = "") -> None:
    """Every value a JSON block shows is the value the tool prints; ``"..."`` elides (a whole
    value, a key ``"..."`` the rest of a mapping, a list item ``"..."`` the middle of a list)."""
    if shown == "...":
        return
    if isinstance(shown, dict):
        assert isinstance(actual, dict), where
        for key, value in shown.items():
            if key != "...":
                assert key in actual, f"{where}.{key} missing"
                shown_in(value, actual[key], f"{where}.{key}")
    elif isinstance(shown, list):
        assert isinstance(actual, list), where
        cut = shown.index("...") if "..." in shown else len(shown)
        head, tail = shown[:cut], shown[cut + 1 :]  # a list without "..." shows its first items
        assert len(head) + len(tail) <= len(actual), where
        for i, (s, a) in enumerate(zip(head, actual, strict=False)):
            shown_in(s, a, f"{where}[{i}]")
        for i, (s, a) in enumerate(zip(tail, actual[len(actual) - len(tail) :], strict=True)):
            shown_in(s, a, f"{where}[-{len(tail) - i}]")
    else:
        assert shown == actual, f"{where}: the docs show {shown!r}, the tool prints {actual!r}"
