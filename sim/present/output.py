"""Atomic file output and the one JSON style.

Every file ranksim writes goes through :func:`write_files`: all contents are produced
first, then each file is written to a temporary file in the same folder and renamed
into place, so a failing or interrupted run never leaves a half-written file.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sim.errors import ArgumentError, DataError


def dumps(doc: Any) -> str:
    """The one JSON style of the project: UTF-8, stable key order as built, 2-space indent."""
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def check_dir(out: Path) -> None:
    """Fail now, with one line naming ``--out``, if ``out`` could not become the output folder
    (a file in its place or on its path, no write permission); creates nothing. Commands call
    it before computing, so a long run never ends in "cannot write"."""
    existing = out
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        what = "is a file" if existing == out else f"cannot be created: {existing} is a file"
        raise ArgumentError(f"{out} {what}, not a folder", field="--out")
    if not os.access(existing, os.W_OK | os.X_OK):
        where = "" if existing == out else f" (in {existing})"
        raise ArgumentError(f"output folder {out} is not writable{where}", field="--out")


def prepare_dir(out: Path) -> Path:
    """Create the output folder (or fail with one line naming ``--out``)."""
    check_dir(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArgumentError(f"cannot create output folder {out}: {exc.strerror}", field="--out") from None
    if not os.access(out, os.W_OK):
        raise ArgumentError(f"output folder {out} is not writable", field="--out")
    return out


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename."""
    tmp = _stage(path, content)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def create_new(path: Path, content: str | bytes) -> None:
    """Write ``content`` to a new file ``path``, never replacing one: the content is written in
    full beside it, then hard-linked into place, which fails if ``path`` exists (a file system
    without hard links gets an ``O_CREAT | O_EXCL`` file instead). :class:`FileExistsError` when
    the name is taken, whatever happened since it was checked."""
    tmp = _stage(path, content)
    try:
        try:
            os.link(tmp, path, follow_symlinks=False)
        except FileExistsError:
            raise
        except OSError:  # no hard links here: reserve the name exclusively, then fill it
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(tmp.read_bytes())
            except BaseException:
                path.unlink(missing_ok=True)
                raise
    finally:
        tmp.unlink(missing_ok=True)


def update_files(files: Mapping[Path, str | bytes], expected: Mapping[Path, str | None]) -> list[Path]:
    """Replace (or create) each file with its new content, all staged in full first, then
    renamed into place; for data files a user keeps (``ranksim data import``).

    A symbolic link is written through: its target gets the new content, the link stays. An
    existing file keeps its permission bits. ``expected`` is the sha256 of each file as it was
    read (None: it did not exist); a file that differs from it just before the renames is
    refused with a :class:`~sim.errors.DataError`, and nothing is written."""
    real = {path: Path(os.path.realpath(path)) for path in files}
    for path in files:
        parent = real[path].parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArgumentError(f"cannot create folder {parent}: {exc.strerror}", field="--out") from None
    staged: list[tuple[Path, Path]] = []
    try:
        for path, content in files.items():
            try:
                tmp = _stage(real[path], content)
            except OSError as exc:
                raise ArgumentError(f"cannot write {path}: {exc.strerror}", field="--out") from None
            staged.append((tmp, real[path]))
            if real[path].exists():
                os.chmod(tmp, stat.S_IMODE(real[path].stat().st_mode))
        for path in files:
            if _digest(real[path]) != expected.get(path):
                raise DataError(
                    "changed by another program while this import ran; nothing written (run it again)",
                    file=path,
                )
        for tmp, target in staged:
            os.replace(tmp, target)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return list(files)


def _digest(path: Path) -> str | None:
    """sha256 of a file's bytes; None when there is no file."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _stage(path: Path, content: str | bytes) -> Path:
    """``content`` in a temporary file beside ``path`` (removed again if writing fails)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_files(out: Path, files: Mapping[str, str | bytes]) -> list[Path]:
    """Write every named file under ``out``, all or none: every file is first written in full
    beside its target, and only when all are ready are they renamed into place (a failure
    leaves the folder as it was, never a mix of old and new results). Returns the paths."""
    prepare_dir(out)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, content in files.items():
            target = out / name
            try:
                staged.append((_stage(target, content), target))
            except OSError as exc:
                raise ArgumentError(f"cannot write {target}: {exc.strerror}", field="--out") from None
        for _, target in staged:  # what would stop a rename, found before any file is replaced
            if target.is_dir():
                raise ArgumentError(f"cannot write {target}: a folder has that name", field="--out")
        for n, (tmp, target) in enumerate(staged):
            try:
                os.replace(tmp, target)
            except OSError as exc:  # rare (the checks above passed): say exactly what is new and old
                new = ", ".join(t.name for _, t in staged[:n]) or "none"
                old = ", ".join(t.name for _, t in staged[n:])
                raise ArgumentError(
                    f"cannot write {target}: {exc.strerror}; already new: {new}; not written "
                    f"(old or missing): {old}",
                    field="--out",
                ) from None
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return [target for _, target in staged]
