"""Small helpers every command module shares (printing a JSON document, the "wrote" line, the
argument types and the language argparse speaks), kept apart so command modules import them
without importing each other."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sim.messages import CATALOGUE, Msg, msg

#: Stem suffix of the long-format CSV (``--long``).
LONG_TABLE = "long"


def print_json(doc: dict[str, Any]) -> int:
    """Print one JSON document (the project's JSON style) and return exit status 0."""
    from sim.present.output import dumps

    sys.stdout.write(dumps(doc))
    return 0


def print_written(written: list[Path], lang: str = "en") -> None:
    """Say which files were written (nothing when none were)."""
    from sim.present.i18n import t

    if written:
        print(t(lang, "wrote", files=t(lang, "list_sep").join(str(p) for p in written)))


#: The language argparse speaks while a parser is built, parses or prints its help.
_ARGPARSE_LANG: ContextVar[str] = ContextVar("ranksim_argparse_lang", default="en")


@functools.cache
def _argparse_texts(lang: str) -> dict[str, str]:
    """argparse's msgids -> their text in ``lang`` (the catalogue's ``cli.argparse.*``)."""
    ids = [key for key in CATALOGUE if key.startswith("cli.argparse.")]
    return {CATALOGUE[key][0]: msg(key).render(lang) for key in ids}


def _gettext(message: Any) -> Any:
    """argparse's ``_``: a msgid in the current language (as it is where the catalogue has none)."""
    if not isinstance(message, str):
        return message
    return _argparse_texts(_ARGPARSE_LANG.get()).get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    """argparse's ``ngettext``: the singular or plural msgid in the current language."""
    return str(_gettext(singular if n == 1 else plural))


@contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """Inside this block argparse's own words (``usage:``, ``options``, "invalid choice: ...",
    "the following arguments are required: ...") are in ``lang``: argparse looks each message
    template up through gettext (``argparse._``), and here that is the catalogue's
    ``cli.argparse.*`` (restored afterwards). The argument types' messages follow it too
    (:func:`type_error`)."""
    token = _ARGPARSE_LANG.set(lang)
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
        _ARGPARSE_LANG.reset(token)


def argparse_lang() -> str:
    """The language of :func:`argparse_language` now ("en" outside it)."""
    return _ARGPARSE_LANG.get()


def type_error(message: Msg) -> argparse.ArgumentTypeError:
    """An argument type's refusal, in the language argparse speaks now (argparse prefixes it with
    ``argument --flag:`` in the same language)."""
    return argparse.ArgumentTypeError(message.render(_ARGPARSE_LANG.get()))


def year_arg(text: str) -> int:
    """argparse type: a year (a whole number)."""
    try:
        return int(text)
    except ValueError:
        raise type_error(msg("cli.not_year", value=repr(text))) from None


def positive_int_arg(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise type_error(msg("cli.not_whole_number", value=repr(text))) from None
    if value <= 0:
        raise type_error(msg("cli.at_least", least=1, value=value))
    return value


def file_stem_arg(text: str) -> str:
    """A --name: a plain file name stem, no folder."""
    if not text or text.startswith(".") or any(c in text for c in "/\\\0"):
        raise type_error(msg("cli.file_stem", value=repr(text)))
    return text


def output_args(parser: argparse.ArgumentParser, files: str) -> None:
    """--out, --name, --xlsx, --json, --lang and --no-report, the same for every command that writes
    results."""
    parser.add_argument("--out", type=Path, help=f"folder for {files}")
    parser.add_argument(
        "--name",
        type=file_stem_arg,
        metavar="STEM",
        help="stem of the files written (default: the command's name)",
    )
    parser.add_argument(
        "--xlsx", action="store_true", help="also write STEM.xlsx (summary sheet and every table)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    parser.add_argument(
        "--long",
        action="store_true",
        help=f"also write STEM_{LONG_TABLE}.csv: the results in one long format (model, scenario, region, "
        "variable, unit, year, value)",
    )
    parser.add_argument(
        "--lang",
        choices=["en", "zh"],
        default=default_lang(),
        help="language of texts and report (default: $RANKSIM_LANG, else en)",
    )
    parser.add_argument("--no-report", action="store_true", help="do not write the HTML report")
    parser.add_argument(
        "--images",
        choices=["png", "svg"],
        nargs="?",
        const="png",
        help="write PNG/SVG images of the report's charts too (slide size)",
    )
    parser.add_argument(
        "--headers",
        choices=["en", "zh"],
        help="language of the CSV and workbook headers, sheet names and categorical values "
        "(default: --lang; en keeps the English keys)",
    )


def default_lang() -> str:
    """The language when ``--lang`` is not given: ``RANKSIM_LANG`` (zh or en), else English."""
    import os

    return "zh" if os.environ.get("RANKSIM_LANG", "en").strip().lower().startswith("zh") else "en"


def stem(args: argparse.Namespace) -> str:
    """The stem of every file a command writes: --name, else the command's name."""
    return str(args.name or args.command)


def seed_arg(text: str) -> int:
    """argparse type: a random seed (a whole number, 0 or more)."""
    try:
        value = int(text)
    except ValueError:
        raise type_error(msg("cli.not_whole_number", value=repr(text))) from None
    if value < 0:
        raise type_error(msg("cli.zero_or_more", value=value))
    return value


def headers_lang(args: argparse.Namespace) -> str:
    """The language of the files' sheet names, headers and categorical values: --headers, else --lang."""
    return str(getattr(args, "headers", None) or args.lang)


def chart_images(args: argparse.Namespace, results: Sequence[Any]) -> dict[str, str | bytes]:
    """With --images: ``<stem>_<chart>.png`` (or .svg) of every chart the results' report draws,
    at slide size, with Chinese fonts."""
    fmt = getattr(args, "images", None)
    if not fmt:
        return {}
    from sim.present.images import figure_images
    from sim.present.registry import charts_for

    drawn = [(c.name, c.draw(r, args.lang)) for r in results for c in charts_for(r)]
    images = figure_images([fig for _, fig in drawn], fmt)
    return {f"{stem(args)}_{name}.{fmt}": image for (name, _), image in zip(drawn, images, strict=True)}


#: Panels whose summed aggregate was noted in this process (said once).
_NOTED: set[str] = set()


def encoding_note(panel: Any, lang: str) -> None:
    """Say on stderr which text encoding a panel that is not UTF-8 was read with, and (once a
    panel) that a panel without an aggregate series of its own has the sum of its regions as
    its nation."""
    from sim.present.i18n import t

    if panel.encoding != "utf-8":
        print(t(lang, "note_encoding", path=panel.path, enc=panel.encoding.upper()), file=sys.stderr)
    if panel.summed_aggregate and str(panel.path) not in _NOTED:
        _NOTED.add(str(panel.path))
        from sim.inputs.scope import meta_path

        meta = meta_path(panel.path).name
        print(t(lang, "note_summed", path=panel.path, n=panel.n_regions, meta=meta), file=sys.stderr)
