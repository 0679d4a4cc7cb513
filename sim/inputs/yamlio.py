"""Read YAML safely, keeping the line of every key and its end-of-line comment.

ruamel.yaml's round-trip loader gives each mapping key its line and keeps comments, so
an error can name ``file:line`` and a report can show the comment a planner wrote
next to an assumption (its source). Only plain data is accepted: any tag (``!!python/...``,
``!foo``), binary or date value is an input error, so nothing in a file can construct objects.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from sim.errors import Location, ScenarioError

Key = tuple[str, ...]


@dataclass
class YamlDoc:
    """Plain data of one YAML file plus the location and comment of every key path."""

    path: Path
    data: dict[str, Any]
    lines: dict[Key, int] = field(default_factory=dict)
    comments: dict[Key, str] = field(default_factory=dict)

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
            f"YAML tags are not allowed ({tag or node.tag.value})",
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
            out[str(k)] = _plain(node[k], sub, doc)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, v in enumerate(node):
            doc.lines[(*key, str(i))] = node.lc.item(i)[0] + 1
            items.append(_plain(v, (*key, str(i)), doc))
        return items
    if isinstance(node, bytes | _dt.date | _dt.datetime):
        raise ScenarioError(
            f"unsupported value {node!r}", file=doc.path, line=doc.loc(key).line, field=".".join(key)
        )
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


def load_yaml(path: Path) -> YamlDoc:
    """Parse one YAML mapping file into a :class:`YamlDoc`; any problem is a ScenarioError."""
    if path.is_dir():
        raise ScenarioError("is a folder, not a scenario file (give a .yaml file in it)", file=path)
    if not path.is_file():
        raise ScenarioError("file not found", file=path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError("not UTF-8 text", file=path) from None
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        node = yaml.load(text)
    except MarkedYAMLError as exc:
        from sim.inputs.scenario_file import full_width_hint

        full_width = full_width_hint(text)
        if full_width is not None:
            line_no, hint = full_width
            raise ScenarioError(f"YAML syntax: {hint}", file=path, line=line_no) from None
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "invalid YAML"
        if "\\t" in what or "'\\t'" in what:
            what += " (use spaces, not tabs, to indent)"
        raise ScenarioError(f"YAML syntax: {what}", file=path, line=line) from None
    except YAMLError as exc:
        raise ScenarioError(f"YAML syntax: {exc}", file=path) from None
    doc = YamlDoc(path, {})
    if node is None:
        raise ScenarioError("empty file; a scenario needs at least `name:`", file=path, line=1)
    if not isinstance(node, CommentedMap):
        raise ScenarioError(
            "the file must be a mapping of `key: value` lines, not a "
            + ("list" if isinstance(node, CommentedSeq) else "single value"),
            file=path,
            line=1,
        )
    doc.data = _plain(node, (), doc)
    return doc
