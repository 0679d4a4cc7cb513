"""The project's own exception types.

Every error a user can cause (a scenario file, a data file, a CLI argument) is an
:class:`InputError` that carries the file, the line (where the input has lines) and
the field. The CLI prints ``str(err)`` as one line on stderr and exits with status 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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


class InputError(RanksimError):
    """A problem in something the user gave: file, line, field, what is wrong."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        text = " ".join(str(message).split())  # always one line
        self.message = text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = []
        if self.file is not None:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


class DataError(InputError):
    """A problem in a panel or targets CSV file."""


class ScenarioError(InputError):
    """A problem in a scenario YAML file (or its ``extends`` chain)."""


class ArgumentError(InputError):
    """A bad command-line argument."""


class RanksimWarning(UserWarning):
    """Something in a scenario that is allowed but probably not meant (e.g. ``real_growth: 0.06``,
    read as 0.06 % a year). Issued through :func:`warnings.warn`; the CLI prints it as one line."""


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
        super().__init__(first.message, file=first.file, line=first.line, field=first.field)

    def __str__(self) -> str:
        return "\n".join(InputError.__str__(e) for e in self.errors)


def raise_all(errors: list[InputError]) -> None:
    """Raise nothing for no errors, the error itself for one, :class:`InputErrors` for several."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InputErrors(errors)


def warn_user(message: str, category: type[Warning] = RanksimWarning) -> None:
    """Issue a warning attributed to the first caller outside the ``sim`` package (a notebook's
    line, not ranksim's own), whatever depth the library called from."""
    import sys
    import warnings

    package = str(Path(__file__).resolve().parent)
    frame, level = sys._getframe(1), 2  # stacklevel 2 is the caller of this function
    while frame is not None and str(Path(frame.f_code.co_filename).resolve()).startswith(package):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    warnings.warn(message, category, stacklevel=level)
