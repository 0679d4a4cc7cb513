"""Errors and warnings shown to a user: rendered in the caller's language here, at the edge (the
command line, the app, a report), from the catalogue message each one carries (:mod:`sim.messages`).

A warning is a :class:`~sim.errors.RanksimWarning` (``file:line: field: warning: text`` as its
``str()``); a plain string (a warning from other code) is shown as it is.
"""

from __future__ import annotations

from sim.errors import InputError, InputErrors, RanksimWarning, located, one_line
from sim.messages import render


def error_line(exc: InputError, lang: str = "en", field: str | None = None) -> str:
    """``file:line: field: message`` in ``lang`` (``field``: shown instead of the error's own, as
    the command line names a flag); one line per problem of :class:`~sim.errors.InputErrors`."""
    if isinstance(exc, InputErrors):
        return "\n".join(error_line(one, lang) for one in exc.errors)
    return exc.render(lang, field=field)


def error_text(exc: InputError, lang: str = "en") -> str:
    """An error's message in ``lang``, without ``file:line: field:``."""
    return one_line(render(exc.msg, lang))


def warning_line(warning: RanksimWarning | str, lang: str = "en") -> str:
    """``file:line: field: warning: text`` in ``lang`` (``file:line: field：警告：text`` in Chinese)."""
    if isinstance(warning, RanksimWarning):
        return warning.render(lang)
    return str(warning)


def warning_parts(warning: RanksimWarning | str, lang: str = "en") -> tuple[str, str]:
    """``(where, text)``: a warning's ``file:line: field`` and its message in ``lang``."""
    if isinstance(warning, RanksimWarning):
        where = located(warning.file, warning.line, warning.field, "").removesuffix(": ")
        return where, one_line(render(warning.msg, lang))
    return "", str(warning)


def warning_key(warning: RanksimWarning | str) -> str:
    """A warning's message in English without its location (two warnings saying the same thing
    about different lines have one key)."""
    if isinstance(warning, RanksimWarning):
        return warning.message
    return str(warning)
