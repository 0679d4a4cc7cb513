"""Reading a scenario file: the ``extends`` chain, merging, validation against the schema.

The result, :class:`ScenarioFile`, is the validated file model plus where every key came from
(file, line, comment). Resolving it against the panel (paths as arrays, defaults filled) is
:mod:`sim.model.scenario`'s job.

Merging a child over its parent(s):

* mappings merge key by key (``provinces`` by region identity, not by the key's spelling);
* a ``{year: value}`` map in a child *replaces* the parent's map for that field (a child's
  2024 national deflator never silently picks up the parent's 2025 and 2027 points);
* lists and numbers replace;
* ``null`` removes an inherited key (a sensitivity parameter, a province, a path), except
  ``others.half_life``, where ``null`` means "no decay", and ``others.deflator_half_life``, where
  it means "the spreads' half-life".
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.errors import InputError, InputErrors, Location, ScenarioError, raise_all
from sim.inputs.fullwidth import FULL_WIDTH, about_full_width, full_width_in
from sim.inputs.panel import DEFAULT_PANEL, Panel, load_panel, sha256_of
from sim.messages import Msg, msg

if TYPE_CHECKING:
    from sim.inputs.yamlio import YamlDoc

Key = tuple[str, ...]

#: Keys whose ``null`` is a value (not "remove the inherited key").
NULL_IS_A_VALUE = {("others", "half_life"), ("others", "deflator_half_life")}


@dataclass(frozen=True)
class ScenarioFile:
    """A validated scenario file (with its ``extends`` chain merged) and where each key came from."""

    data: dict[str, Any]  # the validated file model as plain data; provinces keyed by region code
    panel: Panel
    path: Path
    files: dict[str, str]  # every scenario and data file used -> sha256
    locations: dict[Key, Location] = field(default_factory=dict)
    comments: dict[Key, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)  # region code -> name as the file wrote it


def _chain(path: Path) -> list[YamlDoc]:
    """The file and its `extends` ancestors, root first; cycles and missing files are errors."""
    from sim.inputs.yamlio import load_yaml  # ruamel only when a file is parsed

    docs: list[YamlDoc] = []
    seen: list[Path] = []
    current, origin = path, None
    while True:
        resolved = current.resolve()
        if resolved in seen:
            cycle = " -> ".join(p.name for p in [*seen, resolved])
            assert origin is not None
            raise ScenarioError(
                msg("scenario.extends_cycle", cycle=cycle),
                file=origin.path,
                line=origin.lines.get(("extends",)),
                field="extends",
            )
        if origin is not None and not current.is_file():
            raise ScenarioError(
                msg("scenario.extended_not_found", path=str(current)),
                file=origin.path,
                line=origin.lines.get(("extends",)),
                field="extends",
            )
        doc = load_yaml(current)
        docs.append(doc)
        seen.append(resolved)
        parent = doc.data.get("extends")
        if parent is None:
            return docs[::-1]
        current, origin = linked_file(doc, "extends", parent, SCENARIO_SUFFIXES), doc


#: What ``extends:`` and ``data:`` may name (by suffix), and the longest path accepted.
SCENARIO_SUFFIXES, DATA_SUFFIXES = (".yaml", ".yml"), (".csv",)
MAX_PATH_CHARS = 1000


def _shown(value: str) -> Msg | str:
    """A path for a message: at most 60 characters of it (and how long it is when longer)."""
    return repr(value) if len(value) <= 60 else msg("path.shown_long", start=repr(value[:60]), n=len(value))


def linked_file(doc: YamlDoc, key: str, value: Any, suffixes: tuple[str, ...]) -> Path:
    """The file an ``extends:`` or ``data:`` value names, relative to ``doc``'s folder: a path
    without NUL, of at most :data:`MAX_PATH_CHARS` characters, with one of ``suffixes``, and a
    regular file if it exists; otherwise a :class:`~sim.errors.ScenarioError` at the key that
    shows at most 60 characters of the value."""
    loc = doc.loc((key,))
    kinds: Msg | str = suffixes[0]
    for suffix in suffixes[1:]:
        kinds = msg("path.or", a=kinds, b=suffix)

    def fail(message: Msg) -> ScenarioError:
        return ScenarioError(message, file=loc.file, line=loc.line, field=key)

    if not isinstance(value, str) or not value.strip():
        raise fail(msg("path.relative", kinds=kinds))
    if "\0" in value or any(ord(c) < 32 for c in value):
        raise fail(msg("path.control", shown=_shown(value)))
    if len(value) > MAX_PATH_CHARS:
        raise fail(msg("path.too_long", most=MAX_PATH_CHARS, shown=_shown(value)))
    if Path(value).suffix.lower() not in suffixes:
        raise fail(msg("path.suffix", kinds=kinds, shown=_shown(value)))
    path = doc.path.parent / value
    try:
        if path.exists() and not path.is_file():
            raise fail(msg("path.not_regular", shown=_shown(value)))
    except OSError as exc:
        raise fail(msg("path.unusable", why=exc.strerror, shown=_shown(value))) from None
    return path


def is_year_map(value: Any) -> bool:
    """A ``{year: value}`` path (keys are years), which replaces rather than merges."""
    return isinstance(value, dict) and bool(value) and all(str(k).lstrip("-").isdigit() for k in value)


def merge(base: dict[str, Any], top: dict[str, Any], prefix: Key = ()) -> tuple[dict[str, Any], list[Key]]:
    """``top`` over ``base`` (rules in the module docstring); also the key paths ``top`` replaced
    or removed whole, whose inherited locations no longer apply."""
    out = dict(base)
    replaced: list[Key] = []
    for key, value in top.items():
        path = (*prefix, key)
        if value is None and path not in NULL_IS_A_VALUE:
            out.pop(key, None)
            replaced.append(path)
        elif isinstance(value, dict) and isinstance(out.get(key), dict) and not is_year_map(value):
            out[key], deeper = merge(out[key], value, path)
            replaced += deeper
        else:
            out[key] = value
            replaced.append(path)
    return out, replaced


def _forget(locs: dict[Key, Any], prefixes: list[Key], *, itself: bool = False) -> None:
    """Drop inherited entries strictly under replaced keys (their text is gone); with ``itself``
    the entry of each replaced key too (a comment belongs to the value it annotates: a file that
    writes a value without a comment does not inherit its parent's words for it)."""
    for prefix in prefixes:
        n = len(prefix)
        for key in [k for k in locs if (len(k) > n or itself) and k[:n] == prefix]:
            del locs[key]


@lru_cache(maxsize=16)
def _cached_panel(path: str, mtime_ns: int, size: int, meta: tuple[int, int] | None = None) -> Panel:
    return load_panel(Path(path))


def panel_for(path: Path) -> Panel:
    """Load a panel, reusing an already validated copy of an unchanged file (and unchanged
    metadata file: one created, changed or removed since is read again)."""
    stat = path.stat() if path.is_file() else None
    if stat is None:
        return load_panel(path)  # raises the not-found error
    from sim.inputs.scope import meta_path

    meta = meta_path(path)
    mstat = (meta.stat().st_mtime_ns, meta.stat().st_size) if meta.is_file() else None
    return _cached_panel(str(path), stat.st_mtime_ns, stat.st_size, mstat)


def _data_path(docs: list[YamlDoc]) -> Path:
    for doc in reversed(docs):
        if "data" in doc.data:
            loc = doc.loc(("data",))
            path = linked_file(doc, "data", doc.data["data"], DATA_SUFFIXES)
            if not path.is_file():
                raise ScenarioError(
                    msg("scenario.data_not_found", path=str(path)), file=loc.file, line=loc.line, field="data"
                )
            return path
    return DEFAULT_PANEL


def _merge_provinces(
    docs: list[YamlDoc],
    panel: Panel,
    locs: dict[Key, Location],
    comments: dict[Key, str],
    written: dict[str, str],
    errors: list[InputError],
) -> dict[str, Any]:
    """Merge `provinces` blocks of the chain by region identity (code), not by key text; an
    unknown or repeated province is added to ``errors`` (and left out)."""
    merged: dict[str, Any] = {}
    for doc in docs:
        block = doc.data.get("provinces")
        if block is None:
            continue
        if not isinstance(block, dict):
            loc = doc.loc(("provinces",))
            errors.append(
                ScenarioError(
                    msg("scenario.provinces_mapping"),
                    file=loc.file,
                    line=loc.line,
                    field="provinces",
                )
            )
            continue
        names: dict[int, str] = {}
        for name, value in block.items():
            loc = doc.loc(("provinces", name))
            idx = panel.regions.find(name)
            if idx is None:
                why = unknown_region(name, panel)
                errors.append(ScenarioError(why, file=loc.file, line=loc.line, field=f"provinces.{name}"))
                continue
            if idx in names:
                errors.append(
                    ScenarioError(
                        msg("value.same_province", a=repr(name), b=repr(names[idx])),
                        file=loc.file,
                        line=loc.line,
                        field=f"provinces.{name}",
                    )
                )
                continue
            names[idx] = name
            code = panel.regions.codes[idx]
            written[code] = name
            prev = merged.get(code)
            if isinstance(prev, dict) and isinstance(value, dict):
                merged[code], gone = merge(prev, value, ("provinces", code))
            else:
                gone = [("provinces", code)]
                if value is None:
                    merged.pop(code, None)
                else:
                    merged[code] = value
            _forget(locs, gone)
            _forget(comments, gone, itself=True)
            for key, line in doc.lines.items():
                if key[:2] == ("provinces", name):
                    locs[("provinces", code, *key[2:])] = Location(str(doc.path), line)
                    comments.pop(("provinces", code, *key[2:]), None)  # this file's line: its words
            for key, note in doc.comments.items():
                if key[:2] == ("provinces", name):
                    comments[("provinces", code, *key[2:])] = note
    return merged


def _target_errors(target: Any, panel: Panel, locs: dict[Key, Location], path: Path) -> list[InputError]:
    """An unknown `target` region, found together with the file's other errors."""
    if not isinstance(target, str | int) or isinstance(target, bool):
        return []
    if panel.regions.find(target) is not None:
        return []
    loc = locs.get(("target",), Location(str(path)))
    return [ScenarioError(unknown_region(target, panel), file=loc.file, line=loc.line, field="target")]


def unknown_region(name: Any, panel: Panel) -> Msg:
    """Why ``name`` is not a region of ``panel``, with a suggestion."""
    if isinstance(name, str) and any(c in name for c in FULL_WIDTH):
        return msg("value.full_width_name", value=repr(name))
    return msg("value.unknown_province_hint", name=repr(name), hint=panel.regions.suggest(name))


def explained(err: InputError) -> InputError:
    """``err`` with a message about full-width punctuation where its line has some (outside a
    comment): the likely cause of a strange value (``{2025： 5}``, ``Guangxi，``, ``（5）``)."""
    if isinstance(err, InputErrors):
        return InputErrors([explained(e) for e in err.errors])
    if err.file is None or err.line is None or (err.field or "").split(".")[-1] in ("name", "description"):
        return err
    try:
        text = Path(err.file).read_text(encoding="utf-8-sig").splitlines()[err.line - 1]
    except (OSError, UnicodeDecodeError, IndexError):
        return err
    found = full_width_in(text)
    if found is None or about_full_width(err.msg):
        return err
    return type(err)(found[1], file=err.file, line=err.line, field=err.field)


def validate(data: dict[str, Any], locs: dict[Key, Location], fallback: Path | None) -> dict[str, Any]:
    """``data`` checked against the scenario format (pydantic), defaults filled, as plain data;
    a problem is a ScenarioError located through ``locs`` (else at ``fallback``)."""
    from pydantic import ValidationError

    from sim.inputs.schema import ScenarioSpec, pydantic_error

    try:
        return ScenarioSpec.model_validate(data).model_dump()
    except ValidationError as exc:
        raise pydantic_error(exc, locs, fallback) from None


def read_scenario_file(path: str | Path) -> ScenarioFile:
    """Read, merge (``extends``) and validate a scenario file; every problem a located error.

    Inside :func:`scenario_cache` (the command line turns it on; the library by default neither
    reads nor writes a cache), a file read before, unchanged (it, its ``extends`` chain and its
    data file have the same sha256) and read by the same ranksim, comes from a small cache
    (:func:`cache_dir`) without parsing YAML or importing the validator."""
    path = Path(path)
    if not _CACHE_ON.get():
        return _read(path)
    cached = _from_cache(path)
    if cached is not None:
        return cached
    sf = _read(path)
    _to_cache(sf)
    return sf


def read_scenario_mapping(mapping: Mapping[str, Any], base_dir: Path) -> ScenarioFile:
    """A scenario given as a mapping (same format, same checks and messages as a file);
    its ``data`` and ``extends`` paths are relative to ``base_dir``."""
    from sim.inputs.yamlio import YamlDoc

    where = base_dir / "<mapping>"
    data = _plain_mapping(mapping, ())
    doc = YamlDoc(where, data)
    parent = data.get("extends")
    docs = [
        *(_chain(linked_file(doc, "extends", parent, SCENARIO_SUFFIXES)) if parent is not None else []),
        doc,
    ]
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()
    return _from_docs(docs, where, {str(where): digest})


def _plain_mapping(node: Any, key: Key) -> Any:
    """Plain data with text keys, as a YAML file would give; anything else is a located error."""
    if isinstance(node, Mapping):
        return {str(k): _plain_mapping(v, (*key, str(k))) for k, v in node.items()}
    if isinstance(node, list | tuple):
        return [_plain_mapping(v, (*key, str(i))) for i, v in enumerate(node)]
    if node is None or isinstance(node, bool | int | float | str):
        return node
    if hasattr(node, "item") and callable(node.item):  # numpy scalars
        return node.item()
    why = msg("scenario.unsupported_type", type=type(node).__name__)
    raise ScenarioError(why, field=".".join(key) or None)


def _read(path: Path) -> ScenarioFile:
    return _from_docs(_chain(path), path)


def _from_docs(docs: list[YamlDoc], path: Path, extra_files: dict[str, str] | None = None) -> ScenarioFile:
    locs: dict[Key, Location] = {}
    comments: dict[Key, str] = {}
    merged: dict[str, Any] = {}
    for doc in docs:
        body = {k: v for k, v in doc.data.items() if k not in ("provinces", "extends")}
        merged, replaced = merge(merged, body)
        _forget(locs, replaced)
        _forget(comments, replaced, itself=True)
        for key, line in doc.lines.items():
            if key[0] != "provinces":
                locs[key] = Location(str(doc.path), line)
                comments.pop(key, None)  # a line this file writes carries this file's comment or none
        comments.update({k: v for k, v in doc.comments.items() if k[0] != "provinces"})
    panel = panel_for(_data_path(docs))
    written: dict[str, str] = {}
    errors: list[InputError] = []
    merged["provinces"] = _merge_provinces(docs, panel, locs, comments, written, errors)
    errors += _target_errors(merged.get("target"), panel, locs, path)
    try:
        data = validate(merged, locs, path)
    except ScenarioError as exc:
        for err in exc.errors if isinstance(exc, InputErrors) else [exc]:
            parts = (err.field or "").split(".")
            if len(parts) > 1 and parts[0] == "provinces" and parts[1] in written:
                parts[1] = written[parts[1]]  # name the province as the file wrote it
            if not any(e.line == err.line and e.file == err.file for e in errors):
                errors.append(ScenarioError(err.msg, file=err.file, line=err.line, field=".".join(parts)))
    raise_all(errors)
    files = {str(d.path): d.sha256 for d in docs if d.sha256} | (extra_files or {})  # the bytes parsed
    return ScenarioFile(data, panel, path, files | panel.files, locs, comments, written)


# --------------------------------------------------------------------------- cache

#: Whether :func:`read_scenario_file` uses the cache (off unless :func:`scenario_cache` is entered).
_CACHE_ON: ContextVar[bool] = ContextVar("ranksim_scenario_cache", default=False)
#: Largest cache entry read (bytes); anything larger, or not a regular file, is ignored.
MAX_ENTRY = 4_000_000


@contextmanager
def scenario_cache() -> Iterator[None]:
    """Inside the block, validated scenario files are cached (:func:`cache_dir`) and read back
    while every file they came from is unchanged. The command line enters it; a notebook's
    ``sim.load_scenario`` outside it writes nothing into the user's home."""
    token = _CACHE_ON.set(True)
    try:
        yield
    finally:
        _CACHE_ON.reset(token)


def cache_dir() -> Path:
    """Where validated scenario files are cached: ``$RANKSIM_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/ranksim``, else ``~/.cache/ranksim``. Safe to delete at any time."""
    if os.environ.get("RANKSIM_CACHE_DIR"):
        return Path(os.environ["RANKSIM_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ranksim"


@lru_cache(maxsize=1)
def _format_fingerprint() -> str:
    """Changes with ranksim's version and with any source file of the input layer (every module
    of ``sim/inputs/``, and ``sim/errors.py``): an entry is never read by other code."""
    from sim.provenance import version

    here = Path(__file__).resolve().parent
    h = hashlib.sha256(version().encode())
    for source in [*sorted(here.glob("*.py")), here.parent / "errors.py"]:
        h.update(source.name.encode() + b"\0" + source.read_bytes())
    return h.hexdigest()


def _cache_file(path: Path) -> Path:
    return cache_dir() / f"scenario-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]}.json"


def _entry_bytes(file: Path) -> bytes | None:
    """The bytes of a cache entry if it is a regular file of this user under :data:`MAX_ENTRY`
    (never a link, a FIFO or a device: opened without following links and without blocking)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(file, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY:
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_ENTRY + 1)
        return data if len(data) <= MAX_ENTRY else None
    finally:
        os.close(fd)


def _digest(entry: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(entry, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _from_cache(path: Path) -> ScenarioFile | None:
    raw = _entry_bytes(_cache_file(path))
    if raw is None:
        return None
    try:
        stored = json.loads(raw.decode("utf-8"))
        entry = stored["entry"]
        if stored["digest"] != _digest(entry):
            return None  # edited or damaged
        if entry["format"] != _format_fingerprint() or entry["path"] != str(path):
            return None
        for file, digest in entry["files"].items():
            if sha256_of(Path(file)) != digest:
                return None
        panel = panel_for(Path(entry["panel"]))
        if any(entry["files"].get(f) != d for f, d in panel.files.items()):
            return None
        locs = {tuple(k): Location(f, line) for k, f, line in entry["locations"]}
        comments = {tuple(k): note for k, note in entry["comments"]}
        data = _int_years(entry["data"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    # the panel as loaded now: a metadata file (or aggregate series) added since is in the provenance
    return ScenarioFile(data, panel, path, entry["files"] | panel.files, locs, comments, entry["written"])


def _to_cache(sf: ScenarioFile) -> None:
    entry = {
        "format": _format_fingerprint(),
        "path": str(sf.path),
        "files": sf.files,
        "panel": str(sf.panel.path),
        "data": sf.data,
        "locations": [[list(k), loc.file, loc.line] for k, loc in sf.locations.items()],
        "comments": [[list(k), note] for k, note in sf.comments.items()],
        "written": sf.written,
    }
    target = _cache_file(sf.path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        text = json.dumps({"digest": _digest(entry), "entry": entry}, ensure_ascii=False)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o600)  # private to the user whatever the umask or an older file
        os.replace(tmp, target)
    except (OSError, TypeError, ValueError):
        Path(tmp).unlink(missing_ok=True)  # a cache that cannot be written is no cache; never an error


def _int_years(node: Any) -> Any:
    """JSON made year keys strings: a mapping of numbers keyed by years gets its int keys back."""
    if isinstance(node, dict):
        if is_year_map(node) and all(isinstance(v, int | float) for v in node.values()):
            return {int(k): v for k, v in node.items()}
        return {k: _int_years(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_int_years(v) for v in node]
    return node
