"""Read YAML safely, keeping the line of every key and its end-of-line comment.

ruamel.yaml's round-trip loader gives each mapping key its line and keeps comments, so
an error can name ``file:line`` and a report can show the comment a planner wrote
next to an assumption (its source). Only plain data is accepted: any tag (``!!python/...``,
``!foo``), binary or date value is an input error, so nothing in a file can construct objects.

Bounded: a file over :data:`MAX_BYTES` is refused before it is read, and the composer
(:class:`_PlainComposer`) refuses at its line what plain ``key: value`` files never need and what
could make reading slow or deep: anchors and aliases (``&a``, ``*a``: "billion laughs"), merge
keys (``<<:``), tagged collections (``!!set``, ``!!omap``), nesting deeper than :data:`MAX_DEPTH`
and whole numbers of more than :data:`MAX_DIGITS` digits.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent

from sim.errors import InputError, Location, ScenarioError, raise_all
from sim.inputs.fullwidth import code_part, full_width_in, full_width_number
from sim.messages import Msg, msg

Key = tuple[str, ...]

#: Largest scenario (or metadata) file read, in bytes.
MAX_BYTES = 1_000_000
#: Deepest nesting of mappings and lists (a scenario needs about five levels).
MAX_DEPTH = 32
#: Most digits of a whole number (a year has four; a float keeps fifteen exactly).
MAX_DIGITS = 18
_WHOLE = re.compile(r"[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9_]+)")


class _Refused(Exception):
    """A construct plain scenario files do not use, at a 1-based line and a key path."""

    def __init__(self, line: int, field: str, message: Msg) -> None:
        super().__init__(str(message))
        self.line, self.field, self.msg = line, field, message


class _PlainComposer(Composer):  # type: ignore[misc]
    """ruamel's composer, refusing anchors, aliases, merge keys, tagged collections, deep nesting
    and over-long whole numbers as it meets them (before anything is expanded or converted)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        path: list[str] = self.__dict__.setdefault("key_path", [])
        name = getattr(index, "value", index)  # a value's key node, or an item's number
        inside = isinstance(name, str | int) and not isinstance(name, bool)
        if inside:
            path.append(str(name)[:80])
        try:
            self._check(self.parser.peek_event(), path)
            return super().compose_node(parent, index)
        finally:
            if inside:
                path.pop()

    def _check(self, event: Any, path: list[str]) -> None:
        line, field = event.start_mark.line + 1, ".".join(path)
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Refused(line, field, msg("yaml.anchors"))
        if isinstance(event, MappingStartEvent | SequenceStartEvent) and event.tag is not None:
            raise _Refused(line, field, msg("yaml.tags", tag=_tag(event.tag)))
        if isinstance(event, ScalarEvent) and event.style is None:
            if event.value == "<<":
                raise _Refused(line, field, msg("yaml.merge_keys"))
            digits = sum(c.isalnum() for c in event.value)
            if digits > MAX_DIGITS and _WHOLE.fullmatch(event.value):
                raise _Refused(line, field, msg("yaml.long_whole", digits=digits, most=MAX_DIGITS))
        if len(path) > MAX_DEPTH:
            raise _Refused(line, ".".join(path[:3]) + ".…", msg("yaml.nested", depth=MAX_DEPTH))


def _tag(tag: Any) -> str:
    text = str(getattr(tag, "value", tag))
    return text.replace("tag:yaml.org,2002:", "!!")


@dataclass
class YamlDoc:
    """Plain data of one YAML file plus the location and comment of every key path."""

    path: Path
    data: dict[str, Any]
    lines: dict[Key, int] = field(default_factory=dict)
    comments: dict[Key, str] = field(default_factory=dict)
    text: list[str] = field(default_factory=list)  # the file's lines (to locate a value's mistakes)
    problems: list[InputError] = field(default_factory=list)  # found while reading, raised together
    sha256: str = ""  # of the very bytes parsed (empty for data not read from a file)

    def loc(self, key: Key) -> Location:
        """Location of ``key``, or of its nearest ancestor that has one."""
        for n in range(len(key), 0, -1):
            if key[:n] in self.lines:
                return Location(str(self.path), self.lines[key[:n]])
        return Location(str(self.path), None)


def _comment(node: CommentedMap, key: Any) -> str:
    tokens = node.ca.items.get(key)
    if not tokens:
        return ""
    for token in tokens[2:3]:
        if token is not None and getattr(token, "value", "").lstrip().startswith("#"):
            return token.value.strip().lstrip("#").strip().splitlines()[0].strip()
    return ""


def _plain(node: Any, key: Key, doc: YamlDoc) -> Any:
    tag = getattr(getattr(node, "tag", None), "value", None)
    if isinstance(node, TaggedScalar) or tag is not None:
        raise ScenarioError(
            msg("yaml.tags", tag=tag or node.tag.value),
            file=doc.path,
            line=doc.loc(key).line,
            field=".".join(key) or None,
        )
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for k in node:
            sub = (*key, str(k))
            doc.lines[sub] = node.lc.key(k)[0] + 1
            if note := _comment(node, k):
                doc.comments[sub] = note
            _full_width_below(node, k, sub, doc)
            out[_key(k)] = _plain(node[k], sub, doc)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, v in enumerate(node):
            doc.lines[(*key, str(i))] = node.lc.item(i)[0] + 1
            items.append(_plain(v, (*key, str(i)), doc))
        return items
    if isinstance(node, bytes | _dt.date | _dt.datetime):
        raise ScenarioError(
            msg("yaml.unsupported", value=repr(node)),
            file=doc.path,
            line=doc.loc(key).line,
            field=".".join(key),
        )
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if key and key[-1] not in TEXT_KEYS and (number := full_width_number(str(node))) is not None:
        return number  # ７.０ typed with a Chinese input method: the number meant
    return str(node)


def _full_width_below(node: CommentedMap, k: Any, key: Key, doc: YamlDoc) -> None:
    """A text value that starts on a line below its key and has full-width punctuation there is a
    nested ``key： value`` typed with a Chinese input method (``national:`` then ``  real_growth：
    5.0``): YAML read the whole line as text. Noted at that line and column, like the top-level
    case, with the key meant (``national.real_growth``)."""
    value = node[k]
    if not isinstance(value, str) or key[-1] in TEXT_KEYS:
        return
    key_line, value_line = node.lc.key(k)[0] + 1, node.lc.value(k)[0] + 1
    if value_line <= key_line or value_line > len(doc.text):
        return
    line = doc.text[value_line - 1]
    found = full_width_in(line)
    if found is None:
        return
    meant = line[: found[0] - 1].strip()
    where = ".".join((*key, meant)) if meant and line[found[0] - 1] == "：" else ".".join(key)
    doc.problems.append(ScenarioError(found[1], file=doc.path, line=value_line, field=where))


#: Keys whose values are text, never numbers (a name may be "２０３０").
TEXT_KEYS = frozenset({"name", "description", "data", "extends", "target", "outcome", "param", "mode"})


def _key(k: Any) -> str:
    """A mapping key as text; a year typed in full-width digits (２０３０) as its ASCII digits."""
    number = full_width_number(k) if isinstance(k, str) else None
    return str(number) if isinstance(number, int) else str(k)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous_content(lines: list[str], line_no: int) -> int | None:
    """The 1-based number of the last line before ``line_no`` with something other than a comment."""
    for n in range(line_no - 1, 0, -1):
        if code_part(lines[n - 1]).strip():
            return n
    return None


def _plain_words(exc: MarkedYAMLError, lines: list[str]) -> tuple[int | None, Msg]:
    """The parser's message in a planner's words, and the line it is about (1-based)."""
    problem, context = str(exc.problem or ""), str(exc.context or "")
    pm, cm = exc.problem_mark, exc.context_mark
    line = pm.line + 1 if pm is not None else cm.line + 1 if cm is not None else None
    text = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
    prev = _previous_content(lines, line) if line is not None else None
    if "\\t" in problem or "'\\t'" in problem or "\t" in problem:
        return line, msg("yaml.tab")
    if "duplicate key" in problem:
        key = problem.split('"')[1] if '"' in problem else "?"
        return line, msg("yaml.duplicate_key", key=key)
    if "<block mapping start>" in problem or (
        "<block end>" in problem and "<scalar>" not in problem and "'-'" not in problem
    ):
        if prev is None:
            return line, msg("yaml.indent_no_key_top", n=_indent(text))
        return line, msg("yaml.indent_no_key", n=_indent(text), prev=prev, m=_indent(lines[prev - 1]))
    if "<block end>" in problem and "'-'" in problem:
        return line, msg("yaml.list_item")
    if "<block end>" in problem and "<scalar>" in problem:
        return line, msg("yaml.after_quote")
    if "mapping values are not allowed" in problem:
        before = text[: pm.column] if pm is not None else ""
        if ": " in before or before.rstrip().endswith(":"):
            return line, msg("yaml.second_colon")
        if prev is None:
            return line, msg("yaml.deeper_top")
        return line, msg("yaml.deeper", prev=prev, m=_indent(lines[prev - 1]))
    if "could not find expected ':'" in problem:
        at = cm.line + 1 if cm is not None else line
        shown = lines[at - 1].strip() if at is not None and 0 < at <= len(lines) else ""
        return at, msg("yaml.no_colon", line=repr(shown))
    if "quoted scalar" in context:
        at = cm.line + 1 if cm is not None else line
        return at, msg("yaml.open_quote")
    for opener, closer, kind in (("[", "]", "flow sequence"), ("{", "}", "flow mapping")):
        if kind in context:
            at = cm.line + 1 if cm is not None else line
            col = cm.column + 1 if cm is not None else "?"
            return at, msg("yaml.open_flow", opener=opener, col=col, closer=closer)
    if "undefined alias" in problem:
        return line, msg("yaml.alias_value")
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if "'" in problem else "?"
        return line, msg("yaml.bad_start", char=repr(char))
    if "document" in problem or "document" in context:
        return line, msg("yaml.second_document")
    return line, msg("yaml.unreadable_line")


def syntax_errors(exc: MarkedYAMLError, text: str, path: Path) -> list[InputError]:
    """Every line with full-width punctuation, and the parser's complaint in plain words (unless it
    is on one of those lines), as located errors in line order."""
    lines = text.splitlines()
    errors: list[InputError] = []
    for number, text_line in enumerate(lines, start=1):
        found = full_width_in(text_line)
        if found is not None:
            errors.append(ScenarioError(msg("yaml.syntax", problem=found[1]), file=path, line=number))
    at, what = _plain_words(exc, lines)
    if not any(e.line == at for e in errors):
        errors.append(ScenarioError(msg("yaml.syntax", problem=what), file=path, line=at))
    return errors


#: A line that opens a block scalar (``description: >``, ``- |-``).
_BLOCK_HEADER = re.compile(r"(^|:|-)\s*[|>][-+0-9]*$")


def _blank_comment_lines(text: str) -> str:
    """``text`` with every line that is only a comment made empty (line numbers stay): ruamel's
    scanner gathers comment lines in quadratic time (160,000 of them took 70 s), and only
    end-of-line comments are kept anyway. Lines inside a block scalar (``key: >``) or after a
    line with an unclosed quote are left as they are: there a '#' is text."""
    out = []
    block_indent: int | None = None  # indentation of the line that opened a block scalar
    open_quote = False
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped.strip() or indent > block_indent:
                out.append(line)
                continue
            block_indent = None
        if stripped.startswith("#") and not open_quote:
            out.append("")
            continue
        code = code_part(line).rstrip()
        if _BLOCK_HEADER.search(code):
            block_indent = indent
        if code.count('"') % 2 or code.count("'") % 2:
            open_quote = not open_quote
        out.append(line)
    return "\n".join(out)


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path`` if it has at most ``limit`` of them; otherwise (a
    folder, a FIFO or device, a missing or larger file) a :class:`~sim.errors.ScenarioError`
    saying which. Opened without blocking, so a FIFO cannot hang the run."""
    import os
    import stat

    if path.is_dir():
        raise ScenarioError(msg("yaml.folder"), file=path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ScenarioError(msg("file.not_found"), file=path) from None
    except OSError as exc:
        raise ScenarioError(msg("yaml.cannot_read", why=exc.strerror), file=path) from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ScenarioError(msg("yaml.not_regular"), file=path)
        if info.st_size > limit:
            raise ScenarioError(msg("yaml.too_big", size=info.st_size, most=limit), file=path)
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew while being read
        raise ScenarioError(msg("yaml.grew", most=limit), file=path)
    return data


def load_yaml(path: Path) -> YamlDoc:
    """Parse one YAML mapping file into a :class:`YamlDoc`; any problem is a ScenarioError."""
    raw = read_bounded(path)  # read once: these bytes are hashed and parsed
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError(msg("yaml.not_utf8"), file=path) from None
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.Composer = _PlainComposer
    try:
        node = yaml.load(_blank_comment_lines(text))
    except _Refused as exc:
        raise ScenarioError(exc.msg, file=path, line=exc.line, field=exc.field or None) from None
    except MarkedYAMLError as exc:
        raise_all(syntax_errors(exc, text, path))
    except YAMLError as exc:
        problem = msg("yaml.unreadable_file", kind=type(exc).__name__)
        raise ScenarioError(msg("yaml.syntax", problem=problem), file=path) from None
    doc = YamlDoc(path, {}, text=text.splitlines(), sha256=hashlib.sha256(raw).hexdigest())
    if node is None:
        raise ScenarioError(msg("yaml.empty"), file=path, line=1)
    if not isinstance(node, CommentedMap):
        top = msg("yaml.top_list") if isinstance(node, CommentedSeq) else msg("yaml.top_value")
        raise ScenarioError(top, file=path, line=1)
    doc.data = _plain(node, (), doc)
    raise_all(doc.problems)
    return doc
