"""Merge portal exports into a panel CSV: what would change, and the new file's text.

:func:`plan_import` reads every export (:mod:`sim.inputs.portal`), lays their values over the
target panel and returns an :class:`ImportPlan`: rows added, values filled, restatements (old →
new), values two exports disagree on (the later file on the command line wins), and notes
(ignored indicators and regions, and what would keep the result from loading). Nothing is
written here; the plan carries the new file contents for the caller to write atomically.

A value that equals the panel's keeps its row untouched (a repeated import changes nothing,
byte for byte). A new or changed value records its import in the ``source`` column:
``gdp:NBS25@分省年度数据.csv#7c6e194ca727@2026-03-20`` = vintage (from the export's revision
note; ``F`` + sha256 prefix when it has none), file name, sha256 prefix, date of the import.
The loader compares vintages only (the part before ``@``), so an update on the same basis
does not count as a splice.

National figures (国内生产总值) go into the national file when the target is the bundled panel
(any other panel's national series is the sum of its regions).

Safe to run twice at once: :func:`import_lock` serialises imports into one folder (the second
waits, then plans over the first one's result, so both land), and the plan records the hash
of every file it read (``ImportPlan.originals``) for the writer to compare just before the
rename. A merged panel that claims to be complete is loaded by :func:`sim.inputs.panel.load_panel`
from the new text before anything is written; one that would not load is refused.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sim.errors import DataError
from sim.messages import msg
from sim.inputs.panel import (
    CODE,
    DEFAULT_NATIONAL,
    DEFAULT_PANEL,
    EN,
    GDP,
    NATIONAL_CODE,
    PANEL_COLUMNS,
    POP,
    REAL,
    SOURCE,
    YEAR,
    ZH,
    Regions,
    load_panel,
    panel_totals,
)
from sim.inputs.portal import Export, read_export
from sim.inputs.scope import load_scope

#: Panel column -> its key in the ``source`` column.
SOURCE_KEYS = {GDP: "gdp", REAL: "rg", POP: "pop"}
NATIONAL_COLUMNS = (YEAR, GDP, REAL, SOURCE)
#: Columns a loadable panel needs in every row (population may stay empty).
NEEDED = (GDP, REAL)


@dataclass(frozen=True)
class Change:
    """One cell the import fills or changes (``old`` is None when it was empty or new)."""

    code: str
    year: int
    field: str
    old: str | None
    new: str
    file: Path

    @property
    def change(self) -> float | None:
        """Percent change for levels, percentage points for real growth; None when added (or
        the old cell was not a number)."""
        try:
            old, new = Decimal(self.old or ""), Decimal(self.new)
        except ArithmeticError:
            return None
        if self.field == REAL:
            return float(new - old)
        return float((new / old - 1) * 100)


@dataclass(frozen=True)
class Conflict:
    """A cell two or more exports give different values for: (file, text) in command-line
    order; the last one is kept."""

    code: str
    year: int
    field: str
    values: tuple[tuple[Path, str], ...]


@dataclass(frozen=True)
class Note:
    """Something the planner should know, as an i18n key (``imp_note_<key>``) and its values."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportPlan:
    """What importing ``exports`` into ``target`` does; ``files`` = path -> new content."""

    target: Path
    created: bool
    exports: tuple[Export, ...]
    regions: Regions
    rows_added: int
    added: tuple[Change, ...]
    restated: tuple[Change, ...]
    unchanged: int
    conflicts: tuple[Conflict, ...]
    notes: tuple[Note, ...]
    files: dict[Path, str]
    originals: dict[Path, str | None] = field(default_factory=dict)  # sha256 read, None = absent

    @property
    def changed(self) -> bool:
        """Whether writing would change any file."""
        return bool(self.added or self.restated)

    def to_document(self) -> dict[str, Any]:
        """The ``ranksim data import --json`` document (every restatement and conflict)."""

        def cell(c: Change) -> dict[str, Any]:
            return {
                "code": c.code,
                "year": c.year,
                "field": c.field,
                "old": c.old,
                "new": c.new,
                "file": str(c.file),
            }

        return {
            "target": str(self.target),
            "created": self.created,
            "files": [
                {
                    "path": str(e.path),
                    "sha256": e.sha256,
                    "encoding": e.encoding,
                    "layout": e.layout,
                    "vintage": e.vintage or None,
                    "fields": list(e.indicators),
                    "values": len(e.values),
                    "ignored_indicators": list(e.ignored_indicators),
                    "ignored_regions": list(e.ignored_regions),
                }  # fmt: skip
                for e in self.exports
            ],
            "rows_added": self.rows_added,
            "unchanged": self.unchanged,
            "added": [cell(c) for c in self.added],
            "restated": [
                {**cell(c), "change": None if c.change is None else round(c.change, 4)} for c in self.restated
            ],
            "conflicts": [
                {
                    "code": c.code,
                    "year": c.year,
                    "field": c.field,
                    "values": [{"file": str(f), "value": v} for f, v in c.values],
                }
                for c in self.conflicts
            ],
            "notes": [{"key": n.key, **n.values} for n in self.notes],
        }

    def name(self, code: str, lang: str = "en") -> str:
        """Region label of ``code`` (the nation for ``"00"``)."""
        if code == NATIONAL_CODE:
            return "全国" if lang == "zh" else "National"
        return self.regions.label(self.regions.codes.index(code), lang)


# --------------------------------------------------------------------------- tables


@dataclass
class _Table:
    """A CSV file as rows of text cells, keyed by (code, year); the national file keys "00"."""

    path: Path
    header: list[str]
    rows: list[dict[str, str]]
    bom: bool
    national: bool
    index: dict[tuple[str, int], dict[str, str]] = field(default_factory=dict)
    sha256: str | None = None  # of the bytes read (None: the file did not exist)

    def key(self, row: dict[str, str], line: int) -> tuple[str, int]:
        text = row.get(YEAR, "")
        if not text.isdigit():
            why = msg("value.not_whole_year", value=repr(text))
            raise DataError(why, file=self.path, line=line, field=YEAR)
        return (NATIONAL_CODE if self.national else row.get(CODE, ""), int(text))

    def text(self) -> str:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, self.header, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(self.rows)
        return ("\ufeff" if self.bom else "") + buf.getvalue()


def _read_table(path: Path, columns: Sequence[str], national: bool) -> _Table:
    if not path.exists():
        return _Table(path, list(columns), [], False, national)
    try:
        data = path.read_bytes()
        raw = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(msg("import.cannot_read", why=str(exc)), file=path) from None
    bom = raw.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(raw.removeprefix("\ufeff")))
    header = [h.strip() for h in reader.fieldnames or []]
    for col in (YEAR,) if national else (CODE, YEAR):
        if col not in header:
            raise DataError(msg("panel.missing_column"), file=path, line=1, field=col)
    reader.fieldnames = header
    rows = [{k: (v or "").strip() for k, v in r.items() if k is not None} for r in reader]
    table = _Table(path, header + [c for c in columns if c not in header], rows, bom, national)
    table.sha256 = hashlib.sha256(data).hexdigest()
    for line, row in enumerate(rows, start=2):
        table.index[table.key(row, line)] = row
    return table


def _regions_of(table: _Table, bundled: Regions) -> Regions:
    """The target panel's regions (the bundled ones for an empty panel)."""
    seen: dict[str, tuple[str, str]] = {}
    for row in table.rows:
        seen.setdefault(row.get(CODE, ""), (row.get(EN, ""), row.get(ZH, "") or row.get(EN, "")))
    if not seen:
        return bundled
    return Regions(tuple(seen), tuple(en for en, _ in seen.values()), tuple(zh for _, zh in seen.values()))


def _union(own: Regions, bundled: Regions) -> Regions:
    """Own regions first, then bundled ones not among them (so an export's other provinces are
    recognised and reported as not in the panel rather than as unknown)."""
    extra = [i for i, c in enumerate(bundled.codes) if c not in own.codes]
    return Regions(
        own.codes + tuple(bundled.codes[i] for i in extra),
        own.en + tuple(bundled.en[i] for i in extra),
        own.zh + tuple(bundled.zh[i] for i in extra),
    )


# --------------------------------------------------------------------------- merging


def source_id(export: Export, today: date) -> str:
    """The ``source`` id of a value from ``export`` imported on ``today``."""
    name = export.path.name.replace("|", "_").replace("@", "_")
    vintage = export.vintage or f"F{export.sha256[:8]}"
    return f"{vintage}@{name}#{export.sha256[:12]}@{today.isoformat()}"


def _set_source(row: dict[str, str], column: str, ident: str) -> None:
    parts = [p for p in row.get(SOURCE, "").split("|") if p]
    key = SOURCE_KEYS.get(column, column)
    parts = [p for p in parts if not p.startswith(f"{key}:")] + [f"{key}:{ident}"]
    order = list(SOURCE_KEYS.values())
    parts.sort(key=lambda p: order.index(p.split(":")[0]) if p.split(":")[0] in order else len(order))
    row[SOURCE] = "|".join(parts)


@dataclass
class _Merge:
    """Running state of one import."""

    today: date
    added: list[Change] = field(default_factory=list)
    restated: list[Change] = field(default_factory=list)
    unchanged: int = 0
    rows_added: int = 0

    def apply(
        self, table: _Table, regions: Regions, chosen: dict[tuple[str, int, str], tuple[Export, str]]
    ) -> None:
        for (code, year, column), (export, text) in sorted(
            chosen.items(), key=lambda kv: (kv[0][1], kv[0][0])
        ):
            row = table.index.get((code, year))
            if row is None:
                row = self._new_row(table, regions, code, year)
            old = row.get(column, "")
            if old and _same(old, text):
                self.unchanged += 1
                continue
            change = Change(code, year, column, old or None, text, export.path)
            (self.restated if old else self.added).append(change)
            row[column] = text
            _set_source(row, column, source_id(export, self.today))

    def _new_row(self, table: _Table, regions: Regions, code: str, year: int) -> dict[str, str]:
        row = {c: "" for c in table.header}
        row[YEAR] = str(year)
        if not table.national:
            i = regions.codes.index(code)
            row.update({CODE: code, EN: regions.en[i], ZH: regions.zh[i]})
        table.rows.append(row)
        table.index[(code, year)] = row
        self.rows_added += 0 if table.national else 1
        return row


def _same(old: str, new: str) -> bool:
    try:
        return Decimal(old) == Decimal(new)
    except ArithmeticError:  # a cell that is not a number is replaced (and listed)
        return False


def _choose(
    exports: Sequence[Export],
) -> tuple[dict[tuple[str, int, str], tuple[Export, str]], list[Conflict]]:
    """The value kept for every cell (last file wins) and the cells files disagree on."""
    chosen: dict[tuple[str, int, str], tuple[Export, str]] = {}
    every: dict[tuple[str, int, str], list[tuple[Path, str]]] = {}
    for export in exports:
        for v in export.values:
            key = (v.code, v.year, v.field)
            chosen[key] = (export, v.text)
            every.setdefault(key, []).append((export.path, v.text))
    conflicts = [
        Conflict(code, year, column, tuple(values))
        for (code, year, column), values in every.items()
        if len({Decimal(t) for _, t in values}) > 1
    ]
    conflicts.sort(key=lambda c: (c.year, c.code, c.field))
    return chosen, conflicts


def _sort_rows(table: _Table, regions: Regions) -> None:
    order = {c: i for i, c in enumerate(regions.codes)}
    table.rows.sort(key=lambda r: (int(r[YEAR]), order.get(r.get(CODE, ""), len(order))))


def _span(years: Sequence[int]) -> str:
    ys = sorted(set(years))
    return str(ys[0]) if len(ys) == 1 else f"{ys[0]}-{ys[-1]}"


def _completeness(table: _Table, regions: Regions, national: _Table | None) -> list[Note]:
    """What would keep the merged panel from loading: empty GDP or real growth, region-years
    missing, panel years without a national row."""
    notes = []
    for column in NEEDED:
        empty = [int(r[YEAR]) for r in table.rows if not r.get(column)]
        if empty:
            notes.append(Note("empty", {"column": column, "n": len(empty), "years": _span(empty)}))
    years = sorted({int(r[YEAR]) for r in table.rows})
    codes = {r.get(CODE, "") for r in table.rows}
    for year in years:
        n = sum(1 for c in codes if (c, year) in table.index)
        if n < len(codes):
            notes.append(Note("regions", {"year": year, "n": n, "total": len(codes)}))
    if national is not None:
        missing = [y for y in years if (NATIONAL_CODE, y) not in national.index]
        if missing:
            notes.append(Note("national_missing", {"years": _span(missing), "file": national.path.name}))
    return notes


def plan_import(
    files: Sequence[str | Path],
    target: str | Path | None = None,
    *,
    today: date | None = None,
    panel: str | Path | None = None,
) -> ImportPlan:
    """Read ``files`` (portal exports) and plan their merge into the panel ``target`` (default:
    the bundled panel; a file that does not exist yet is created). ``panel``: the panel whose
    vintage ``target`` is: its regions, names and metadata apply to a new vintage
    file. A total row of the panel (合计, 全区, the parent's name or code, a row near the sum of
    the others) is refused at its line."""
    target = Path(target) if target is not None else DEFAULT_PANEL
    home = Path(panel) if panel is not None else target
    bundled = load_panel().regions
    table = _read_table(target, PANEL_COLUMNS, national=False)
    own = _regions_of(table, bundled)
    if not table.rows and home != target:  # a new vintage of a panel: the panel's own regions
        own = _regions_of(_read_table(home, PANEL_COLUMNS, national=False), bundled)
    reference = _union(own, bundled)
    totals = panel_totals(load_scope(home, own.codes), own.codes)
    exports = tuple(read_export(f, reference, totals=totals, panel=home) for f in files)
    chosen, conflicts = _choose(exports)
    notes = _not_in_panel(chosen, own, reference)
    is_bundled = target.resolve() == DEFAULT_PANEL.resolve()
    national = _read_table(DEFAULT_NATIONAL, NATIONAL_COLUMNS, national=True) if is_bundled else None
    has_national = any(code == NATIONAL_CODE for code, _, _ in chosen)
    if has_national and national is None:
        notes.append(Note("national_ignored", {}))
    merge = _Merge(today or date.today())
    merge.apply(table, own, {k: v for k, v in chosen.items() if k[0] in own.codes})
    if national is not None:
        merge.apply(national, own, {k: v for k, v in chosen.items() if k[0] == NATIONAL_CODE})
    if merge.rows_added:
        _sort_rows(table, own)
    out = {target: table.text()}
    originals = {target: table.sha256}
    if national is not None and any(c.code == NATIONAL_CODE for c in merge.added + merge.restated):
        national.rows.sort(key=lambda r: int(r[YEAR]))
        out[national.path] = national.text()
        originals[national.path] = national.sha256
    complete = _completeness(table, own, national)
    if not complete and table.rows and (merge.added or merge.restated):
        _check_loads(target, out)
    notes += _ignored(exports) + complete
    return ImportPlan(
        target=target,
        created=not target.exists(),
        exports=exports,
        regions=own,
        rows_added=merge.rows_added,
        added=tuple(merge.added),
        restated=tuple(merge.restated),
        unchanged=merge.unchanged,
        conflicts=tuple(conflicts),
        notes=tuple(notes),
        files=out,
        originals=originals,
    )


def _check_loads(target: Path, files: dict[Path, str]) -> None:
    """The merged panel, complete by the plan's own account, read by the loader's rules from its
    new text; a :class:`~sim.errors.DataError` at the merged file's line if it would not load."""
    try:
        load_panel(target, contents={path: text.encode("utf-8") for path, text in files.items()})
    except DataError as exc:
        raise DataError(
            msg("import.would_not_load", message=exc.msg),
            file=exc.file,
            line=exc.line,
            field=exc.field,
        ) from None


#: Seconds an import waits for another one into the same folder before it gives up.
LOCK_WAIT = 60.0


@contextmanager
def import_lock(target: str | Path, *, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the import lock of ``target``'s folder (through a symbolic link: the real file's;
    the nearest existing folder when it is still to be created): an exclusive ``flock`` on the
    folder itself, so no lock file is left behind. Another import into the folder waits up to
    ``wait`` seconds, then gets a :class:`~sim.errors.DataError` and changes nothing. Where
    ``flock`` does not exist (Windows), no lock: the hash comparison before the rename still
    refuses an import whose panel changed meanwhile."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    folder = Path(os.path.realpath(target)).parent
    while not folder.is_dir() and folder.parent != folder:
        folder = folder.parent
    fd = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DataError(
                        msg("import.locked", folder=str(folder), wait=wait),
                        file=target,
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # releases the lock


def _not_in_panel(chosen: dict[tuple[str, int, str], Any], own: Regions, reference: Regions) -> list[Note]:
    """A note naming the exports' regions that the target panel does not have (left out)."""
    outside = sorted({code for code, _, _ in chosen if code != NATIONAL_CODE} - set(own.codes))
    if not outside:
        return []
    names = ", ".join(reference.label(reference.codes.index(c), "zh") for c in outside)
    return [Note("not_in_panel", {"n": len(outside), "names": names})]


def _ignored(exports: Sequence[Export]) -> list[Note]:
    notes = []
    for export in exports:
        if export.indicator_from_file_name:
            notes.append(
                Note(
                    "from_file_name", {"file": export.path.name, "indicator": export.indicator_from_file_name}
                )
            )
        if export.ignored_indicators:
            names = export.ignored_indicators
            shown = ", ".join(names[:3]) + (f", … (+{len(names) - 3})" if len(names) > 3 else "")
            notes.append(Note("indicators", {"file": export.path.name, "n": len(names), "names": shown}))
        if export.ignored_regions:
            notes.append(
                Note("outside", {"file": export.path.name, "names": ", ".join(export.ignored_regions)})
            )
        if not export.values:
            notes.append(Note("nothing", {"file": export.path.name}))
    return notes


def vintage_target(panel: str | Path | None, vintage: str) -> Path:
    """Where an import into the vintage NAME writes: ``vintages/NAME.csv`` beside the panel (for the bundled
    panel: ``data/vintages/NAME.csv``, where :func:`sim.inputs.panel.load_vintage` reads);
    ``current`` is the panel itself."""
    import re

    from sim.inputs.panel import CURRENT_VINTAGE

    panel = Path(panel) if panel is not None else DEFAULT_PANEL
    if vintage == CURRENT_VINTAGE:
        return panel
    if not re.fullmatch(r"[^\W_][\w-]*", vintage):  # \w: Chinese too (普查修订)
        raise DataError(
            msg("import.vintage_name", name=repr(vintage)),
            field="vintage",
        )
    return panel.parent / "vintages" / f"{vintage}.csv"
