"""Atomic file output and the one JSON style.

Every set of outputs ranksim writes goes through :func:`write_files`: all contents are produced
first, then written in full in a staging folder inside the output folder, committed by one
rename and moved into place with Ctrl-C deferred, so a failing or interrupted run never leaves a
half-written file or a mix of old and new results. Single files: :func:`atomic_write` (replace),
:func:`create_new` (never replace), :func:`update_files` (a user's data files: through links,
modes kept, refused if changed meanwhile).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sim.errors import ArgumentError, DataError
from sim.messages import msg


def dumps(doc: Any) -> str:
    """The one JSON style of the project: UTF-8, stable key order as built, 2-space indent."""
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def check_dir(out: Path) -> None:
    """Fail now, with one line naming the output folder (field ``out``), if ``out`` could not become the output folder
    (a file in its place or on its path, no write permission); creates nothing. Commands call
    it before computing, so a long run never ends in "cannot write"."""
    existing = out
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        if existing == out:
            raise ArgumentError(msg("output.is_file", out=out), field="out")
        raise ArgumentError(msg("output.file_in_the_way", out=out, file=existing), field="out")
    if not os.access(existing, os.W_OK | os.X_OK):
        where = "" if existing == out else msg("output.in_folder", folder=existing)
        raise ArgumentError(msg("output.not_writable", out=out, where=where), field="out")


def prepare_dir(out: Path) -> Path:
    """Create the output folder (or fail with one line naming the output folder (field ``out``))."""
    check_dir(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArgumentError(msg("output.cannot_create_out", out=out, why=exc.strerror), field="out") from None
    if not os.access(out, os.W_OK):
        raise ArgumentError(msg("output.not_writable", out=out, where=""), field="out")
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
            said = msg("output.cannot_create_folder", folder=parent, why=exc.strerror)
            raise ArgumentError(said, field="out") from None
    staged: list[tuple[Path, Path]] = []
    try:
        for path, content in files.items():
            try:
                tmp = _stage(real[path], content)
            except OSError as exc:
                said = msg("output.cannot_write", path=path, why=exc.strerror)
                raise ArgumentError(said, field="out") from None
            staged.append((tmp, real[path]))
            if real[path].exists():
                os.chmod(tmp, stat.S_IMODE(real[path].stat().st_mode))
        for path in files:
            if _digest(real[path]) != expected.get(path):
                raise DataError(msg("output.changed_meanwhile"), file=path)
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
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
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
    """Write every named file under ``out`` as one set: all of them are first written in full in
    a staging folder inside ``out`` (``.ranksim.<pid>.<random>.tmp``); renaming that folder to
    ``.ready`` is the commit point; then each file is moved into place with Ctrl-C deferred
    (:func:`deferred_interrupt`), so an interrupt never leaves a mix of old and new results. A
    failure before the commit leaves the folder as it was. A run killed after it (kill -9) leaves
    the complete new set in the ``.ready`` folder, and the next write into ``out`` finishes the
    move first; staging left by dead runs is removed then too (:func:`clean_stale`).
    Returns the paths; an interrupt deferred during the move is raised afterwards as
    :class:`InterruptedAfterWriting`."""
    prepare_dir(out)
    clean_stale(out, files)
    for name in files:  # what would stop a rename, found before anything is staged
        if (out / name).is_dir():
            raise ArgumentError(msg("output.folder_in_the_way", path=out / name), field="out")
    stage = _stage_set(out, files)
    targets = [out / name for name in files]
    ready = stage.with_suffix(".ready")
    try:
        with deferred_interrupt() as interrupted:
            os.rename(stage, ready)  # the commit point
            _move_in(ready, out, list(files))
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if interrupted:
        raise InterruptedAfterWriting(targets)
    return targets


class InterruptedAfterWriting(KeyboardInterrupt):
    """Ctrl-C arrived while a complete set of outputs was being moved into place: the move was
    finished first (``written``), then the interrupt is raised."""

    def __init__(self, written: list[Path]) -> None:
        super().__init__("interrupted after the outputs were written in full")
        self.written = written


@contextmanager
def deferred_interrupt() -> Iterator[list[int]]:
    """Inside the block Ctrl-C (SIGINT) is only recorded (the list yielded gets the signal);
    the previous handler is back afterwards. Outside the main thread, or where Python does not
    own the handler, nothing changes."""
    caught: list[int] = []
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is None:
        yield caught
        return
    signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield caught
    finally:
        signal.signal(signal.SIGINT, previous)


#: Staging folders of :func:`write_files`: ``.ranksim.<pid>.<random>.tmp`` (being filled) and
#: ``.ranksim.<pid>.<random>.ready`` (complete, being moved into place).
STAGING = re.compile(r"^\.ranksim\.(\d+)\.[A-Za-z0-9_]+\.(tmp|ready)$")
#: A file staged beside its target: ``.<name>.<pid>.<random>.tmp``; older versions wrote
#: ``.<name>.<random>.tmp`` (no process id).
STAGED_FILE = re.compile(r"^\.(.+?)\.(?:(\d+)\.)?[A-Za-z0-9_]{8}\.tmp$")


def clean_stale(out: Path, names: Iterable[str] = ()) -> None:
    """Finish or remove what runs that are no longer running left in ``out``: a ``.ready`` set is
    moved into place (it was complete), a ``.tmp`` staging folder removed, and so are staged
    files of the same names as ``names`` (or of a process that has ended)."""
    names = set(names)
    for entry in sorted(out.iterdir()):
        m = STAGING.match(entry.name)
        if m and entry.is_dir() and not _alive(int(m.group(1))):
            if m.group(2) == "ready":
                _move_in(entry, out, sorted(p.name for p in entry.iterdir()))
            else:
                shutil.rmtree(entry, ignore_errors=True)
            continue
        f = STAGED_FILE.match(entry.name)
        if f and entry.is_file() and not entry.is_symlink():
            pid = f.group(2)
            if (pid is None and f.group(1) in names) or (pid is not None and not _alive(int(pid))):
                entry.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` is running (this one is)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or no way to tell: keep its files
    return True


def _stage_set(out: Path, files: Mapping[str, str | bytes]) -> Path:
    """Every file written in full in a new staging folder inside ``out`` (removed again if
    anything fails)."""
    stage = Path(tempfile.mkdtemp(prefix=f".ranksim.{os.getpid()}.", suffix=".tmp", dir=out))
    mode = 0o666 & ~_umask()
    try:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            try:
                with open(stage / name, "xb") as fh:
                    fh.write(data)
                os.chmod(stage / name, mode)
            except OSError as exc:
                said = msg("output.cannot_write", path=out / name, why=exc.strerror)
                raise ArgumentError(said, field="out") from None
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return stage


def _move_in(ready: Path, out: Path, names: list[str]) -> None:
    """Move the files of a complete staged set into ``out`` (replacing the old ones), then remove
    the staging folder."""
    for n, name in enumerate(names):
        if not (ready / name).exists():
            continue  # moved before an interruption
        try:
            os.replace(ready / name, out / name)
        except OSError as exc:  # rare (checked before staging): say exactly what is new and old
            done = ", ".join(names[:n]) or msg("output.none")
            said = msg("output.move_failed", path=out / name, why=exc.strerror, done=done, ready=ready)
            raise ArgumentError(said, field="out") from None
    ready.rmdir()
