"""Errors and warnings shown to a user: rendered in the caller's language here, at the edge (the
command line, the app, a report), from the catalogue message each one carries (:mod:`sim.messages`).

A warning is a :class:`~sim.errors.RanksimWarning` (``file:line: field: warning: text`` as its
``str()``) or, from code not yet moved onto the catalogue, that English line as a plain string;
every function here takes both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.errors import InputError, InputErrors, RanksimWarning, located, one_line
from sim.messages import render


def error_line(exc: InputError, lang: str = "en", field: str | None = None) -> str:
    """``file:line: field: message`` in ``lang`` (``field``: shown instead of the error's own, as
    the command line names a flag); one line per problem of :class:`~sim.errors.InputErrors`."""
    if isinstance(exc, InputErrors):
        return "\n".join(error_line(one, lang) for one in exc.errors)
    if isinstance(exc.msg, str):
        return located(exc.file, exc.line, field or exc.field, _legacy_error(exc.message, lang))
    return exc.render(lang, field=field)


def error_text(exc: InputError, lang: str = "en") -> str:
    """An error's message in ``lang``, without ``file:line: field:``."""
    if isinstance(exc.msg, str):
        return _legacy_error(exc.message, lang)
    return one_line(render(exc.msg, lang))


def warning_line(
    warning: RanksimWarning | str, lang: str = "en", names: Mapping[str, str] | None = None
) -> str:
    """``file:line: field: warning: text`` in ``lang`` (``file:line: field：警告：text`` in Chinese).
    ``names``: the panel's Chinese names, for a warning not yet a catalogue message."""
    if isinstance(warning, RanksimWarning) and not isinstance(warning.msg, str):
        return warning.render(lang)
    return _legacy_warning_line(_legacy_line(warning), lang, names)


def warning_parts(
    warning: RanksimWarning | str, lang: str = "en", names: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """``(where, text)``: a warning's ``file:line: field`` and its message in ``lang``."""
    if isinstance(warning, RanksimWarning) and not isinstance(warning.msg, str):
        where = located(warning.file, warning.line, warning.field, "").removesuffix(": ")
        return where, one_line(render(warning.msg, lang))
    where, _, message = _legacy_line(warning).partition(": warning: ")
    return where, _legacy_warning(message, lang, names)


def warning_key(warning: RanksimWarning | str) -> str:
    """A warning's message in English without its location (two warnings saying the same thing
    about different lines have one key)."""
    if isinstance(warning, RanksimWarning) and not isinstance(warning.msg, str):
        return warning.message
    return _legacy_line(warning).split(": warning: ", 1)[-1]


# ---------------------------------------------------------------------------- legacy messages
# Messages still written as English strings (until every error and warning is a catalogue
# message): translated by the regular expressions of sim.present.i18n. Delete after the merge.


def _legacy_error(message: str, lang: str) -> str:
    from sim.present.i18n import error_message

    return one_line(error_message(message, lang))


def _legacy_warning_line(line: str, lang: str, names: Mapping[str, str] | None) -> str:
    from sim.present.i18n import warning_line

    return warning_line(line, lang, names)


def _legacy_warning(message: str, lang: str, names: Mapping[str, str] | None) -> str:
    from sim.present.i18n import warning_message

    return warning_message(message, lang, names) or message


def _legacy_line(warning: Any) -> str:
    """The English warning line of a plain string, or of a warning made from one (the string is
    then the whole line when the warning itself has no location)."""
    if isinstance(warning, RanksimWarning):
        if warning.file is None and warning.line is None and warning.field is None:
            return str(warning.msg)
        return str(warning)
    return str(warning)
