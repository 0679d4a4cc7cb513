"""Full-width punctuation: what a Chinese input method types instead of YAML's ASCII.

A planner typing in Chinese easily writes ``target： Guangxi`` (a full-width colon) or a
full-width comma or space; YAML then fails far from the cause or reads a strange value.
These helpers find such a character outside comments and say what to type instead.
"""

from __future__ import annotations

import re
import unicodedata

from sim.messages import Msg, msg

#: Punctuation a Chinese input method types instead of YAML's ASCII, and what to type instead
#: (the ASCII character quoted; the full-width space: a space).
FULL_WIDTH = {
    "：": "':'",
    "，": "','",
    "（": "'('",
    "）": "')'",
    "【": "'['",
    "】": "']'",
    "［": "'['",
    "］": "']'",
    "｛": "'{'",
    "｝": "'}'",
    "“": "'\"'",
    "”": "'\"'",
    "‘": "\"'\"",
    "’": "\"'\"",
    "－": "'-'",
    "＃": "'#'",
    "\u3000": "a space",
}


#: Characters a Chinese input method types inside a value (a list, a range) that
#: :data:`FULL_WIDTH` leaves alone in free text (the enumeration comma of 山西、陕西).
IN_VALUES = {**FULL_WIDTH, "、": "','", "＝": "'='", "；": "';'"}


def code_part(line: str) -> str:
    """A line without its comment (a '#' after a space or at the start)."""
    for n, char in enumerate(line):
        if char in "#＃" and (n == 0 or line[n - 1] in " \t\u3000"):
            return line[:n]
    return line


def full_width_in(line: str) -> tuple[int, Msg] | None:
    """The first full-width punctuation mark outside a comment in ``line``: (1-based column, advice)."""
    code = code_part(line)
    for col, char in enumerate(code, start=1):
        if char == "\u3000":
            return col, msg("fullwidth.space", col=col, use=_instead(char))
        if char in FULL_WIDTH:
            return col, msg("fullwidth.char", char=f"'{char}'", col=col, use=_instead(char))
    return None


def _instead(char: str) -> Msg:
    """What to type instead of the full-width ``char`` (in :data:`IN_VALUES`)."""
    return msg("fullwidth.a_space") if char == "\u3000" else msg("fullwidth.ascii", char=IN_VALUES[char])


def with_full_width_hint(message: Msg, text: object) -> Msg:
    """``message`` about a value that could not be read, naming the first full-width character
    in ``text`` (a string) and what to type instead, where there is one; else ``message``."""
    if not isinstance(text, str):
        return message
    for char in text:
        if char in IN_VALUES:
            return msg("fullwidth.in_value", message=message, char=f"'{char}'", use=_instead(char))
    return message


#: The message ids :func:`full_width_in` gives (a message about full-width punctuation).
FULL_WIDTH_IDS = frozenset({"fullwidth.space", "fullwidth.char", "value.full_width_name"})


def about_full_width(message: Msg | str) -> bool:
    """Whether ``message`` (or a message part of it) is about full-width punctuation."""
    if isinstance(message, str):
        return "full-width" in message
    return message.id in FULL_WIDTH_IDS or any(
        isinstance(v, Msg) and about_full_width(v) for v in message.params.values()
    )


def full_width_hint(text: str) -> tuple[int, Msg] | None:
    """The first line (1-based) with full-width punctuation outside a comment, and the advice."""
    for number, line in enumerate(text.splitlines(), start=1):
        found = full_width_in(line)
        if found is not None:
            return number, found[1]
    return None


#: A number as a Chinese input method may type it: full-width digits, point and sign.
_NUMBER = re.compile(r"[+\-－＋]?[0-9０-９]+(?:[.．][0-9０-９]+)?")
_FULL_WIDTH_NUMBER_CHARS = frozenset("０１２３４５６７８９．－＋")


def full_width_number(text: str) -> int | float | None:
    """``text`` as a number when it is one written with full-width digits (``７.０`` -> 7.0,
    ``２０３０`` -> 2030); None for anything else. A percent sign (``7%``, ``7％``) is not
    understood but refused with a hint (scenario values are already in percent: write 7)."""
    s = text.strip()
    if not _NUMBER.fullmatch(s) or not _FULL_WIDTH_NUMBER_CHARS.intersection(s):
        return None
    s = unicodedata.normalize("NFKC", s)
    return float(s) if "." in s else int(s)


def ascii_number(text: str) -> str:
    """Full-width digits, point, sign and percent sign as their ASCII forms (for hints)."""
    return unicodedata.normalize("NFKC", text)
