"""The project's own exception types.

Every error a user can cause (a scenario file, a data file, a CLI argument) is an
:class:`InputError` that carries the file, the line (where the input has lines), the
field and a catalogue message (:mod:`sim.messages`). The CLI prints
:meth:`InputError.render` in the command's language as one line on stderr (naming the
flag a field came from) and exits with status 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sim.messages import Msg, render


@dataclass(frozen=True)
class Location:
    """Where a value came from: a file and a 1-based line (``None`` when unknown)."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"


#: Longest message (characters): a value pasted into a file is never echoed in full.
MAX_MESSAGE = 600


class RanksimError(Exception):
    """Base class of every error ranksim raises on purpose."""


class Located:
    """A catalogue message (:class:`sim.messages.Msg`) with where it came from: file, 1-based
    line and field (each ``None`` when unknown). Shared by errors and warnings."""

    def __init__(
        self,
        message: Msg | str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.msg: Msg | str = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        super().__init__(str(self))

    @property
    def message(self) -> str:
        """The message in English, on one line, at most :data:`MAX_MESSAGE` characters."""
        return one_line(render(self.msg, "en"))


class InputError(Located, RanksimError):
    """A problem in something the user gave: file, line, field, and a catalogue message
    (:class:`sim.messages.Msg`) rendered in the caller's language by :meth:`render`; ``str()``
    and :attr:`message` are English."""

    def render(self, lang: str = "en", *, field: str | None = None) -> str:
        """``file:line: field: message`` in ``lang`` (``field``: shown instead of the error's own,
        as the command line names its flag)."""
        return located(self.file, self.line, field or self.field, one_line(render(self.msg, lang)))

    def __str__(self) -> str:
        return self.render("en")


def one_line(text: str) -> str:
    """``text`` on one line, cut at :data:`MAX_MESSAGE` characters (a pasted value is never
    echoed in full)."""
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def located(file: str | None, line: int | None, field: str | None, text: str) -> str:
    """``file:line: field: text`` (the parts that are known)."""
    parts = []
    if file is not None:
        parts.append(file if line is None else f"{file}:{line}")
    if field:
        parts.append(field)
    parts.append(text)
    return ": ".join(parts)


class DataError(InputError):
    """A problem in a panel or targets CSV file."""


class ScenarioError(InputError):
    """A problem in a scenario YAML file (or its ``extends`` chain)."""


class ArgumentError(InputError):
    """A bad command-line argument."""


class RanksimWarning(Located, UserWarning):
    """Something in a scenario that is allowed but probably not meant (e.g. ``real_growth: 0.06``,
    read as 0.06 % a year): a located catalogue message like :class:`InputError`. Issued through
    :func:`warnings.warn`; the CLI prints :meth:`render` in its language as one line. ``str()``
    is the English line ``file:line: field: warning: message``; two warnings are equal when
    their English lines are."""


    def render(self, lang: str = "en") -> str:
        """``file:line: field: warning: message`` in ``lang``."""
        text = one_line(render(self.msg, lang))
        if lang != "zh":
            return located(self.file, self.line, self.field, "warning: " + text)
        head = located(self.file, self.line, self.field, "")
        return f"{head[:-2]}：警告：{text}" if head else f"警告：{text}"

    def __str__(self) -> str:
        return self.render("en")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RanksimWarning) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


class InputErrors(ScenarioError):
    """Several problems found in one input, each a located :class:`InputError`, kept in line order
    (files in the order first met). ``str()`` is one line per problem; the attributes of the
    first problem are the error's own ``file``, ``line``, ``field`` and ``message``."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors: tuple[InputError, ...] = ()
        flat: list[InputError] = []
        for err in errors:
            for one in err.errors if isinstance(err, InputErrors) else [err]:
                if all(str(one) != str(seen) for seen in flat):
                    flat.append(one)
        if not flat:
            raise ValueError("InputErrors needs at least one error")
        files = list(dict.fromkeys(e.file or "" for e in flat))
        self.errors = tuple(sorted(flat, key=lambda e: (files.index(e.file or ""), e.line or 0)))
        first = self.errors[0]
        super().__init__(first.msg, file=first.file, line=first.line, field=first.field)

    def render(self, lang: str = "en", *, field: str | None = None) -> str:
        """One line per problem, in ``lang``."""
        return "\n".join(InputError.render(e, lang) for e in self.errors)

    def __str__(self) -> str:
        return self.render("en")


def raise_all(errors: list[InputError]) -> None:
    """Raise nothing for no errors, the error itself for one, :class:`InputErrors` for several."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InputErrors(errors)


def warn_user(message: RanksimWarning | Msg | str, category: type[Warning] = RanksimWarning) -> None:
    """Issue a warning attributed to the first caller outside the ``sim`` package (a notebook's
    line, not ranksim's own), whatever depth the library called from."""
    import sys
    import warnings

    package = str(Path(__file__).resolve().parent)
    frame, level = sys._getframe(1), 2  # stacklevel 2 is the caller of this function
    while frame is not None and str(Path(frame.f_code.co_filename).resolve()).startswith(package):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    warnings.warn(message, category, stacklevel=level)
