"""One catalogue of every message a user can see: errors, warnings and console lines.

A message is raised or printed as a :class:`Msg`: an id from :data:`CATALOGUE` and its parameters.
The catalogue keeps each id's English and Chinese texts side by side (``id: (english, chinese)``,
in the topic modules of this package); a message is rendered in the caller's language only at the
edge (the command line, the app, a report), so no code ever re-parses a rendered message.

Parameters are plain values (numbers keep their format specs: ``{v:.2f}``), other messages
(:class:`Msg`, rendered in the same language) and words in both languages (:class:`Words`: a
region's names, the panel's aggregate). The panel's words are parameters like any other: a
message about the national path names ``{nation}``, and the caller passes the panel's aggregate
(:func:`nation_words`), never a rewrite of the English text.

    >>> from sim.messages import msg
    >>> m = msg("value.not_number", value="'abc'", hint="")
    >>> m.render("en"), m.render("zh")
    ("not a number: 'abc'", "不是数字：'abc'")
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sim.messages import analyses, cli, inputs, labels, model

#: The languages every message has.
LANGS = ("en", "zh")


def _merged(*modules: Any) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for module in modules:
        for key, texts in module.MESSAGES.items():
            if key in out:
                raise RuntimeError(f"message id {key!r} defined twice (in {module.__name__})")
            out[key] = texts
    return out


#: id -> (English, Chinese). Topic modules: inputs (scenario and data files, values), model
#: (scenario resolution, plans, warnings), analyses (backtest, sweep, solve, experiments ...), cli
#: (command line, app, outputs, reports).
CATALOGUE: dict[str, tuple[str, str]] = _merged(inputs, model, analyses, cli, labels)


@dataclass(frozen=True)
class Words:
    """A word or a name in both languages (a region, the panel's aggregate, a unit)."""

    en: str
    zh: str

    def render(self, lang: str = "en") -> str:
        """The word in ``lang``."""
        return self.zh if lang == "zh" else self.en

    def __str__(self) -> str:
        return self.en


@dataclass(frozen=True)
class Msg:
    """A message: its catalogue id and parameters, rendered in a language by :meth:`render`."""

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str = "en") -> str:
        """The message in ``lang``, its parameters rendered in the same language."""
        en, zh = CATALOGUE[self.id]
        template = zh if lang == "zh" else en
        return template.format(**{k: rendered(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.render("en")


def msg(id: str, /, **params: Any) -> Msg:
    """The message ``id`` with ``params``; an unknown id or a missing or extra parameter is a
    programming error, caught here rather than when the message is shown."""
    try:
        en, _ = CATALOGUE[id]
    except KeyError:
        raise KeyError(f"no message {id!r} in sim.messages") from None
    wanted = placeholders(en)
    if set(params) != wanted:
        raise TypeError(f"message {id!r} takes {sorted(wanted)}, got {sorted(params)}")
    return Msg(id, params)


def rendered(value: Any, lang: str) -> Any:
    """A parameter as shown in ``lang``: messages and words rendered, a list of them joined."""
    if isinstance(value, Msg | Words):
        return value.render(lang)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Msg | Words) for v in value):
        return ("、" if lang == "zh" else ", ").join(v.render(lang) for v in value)
    return value


def render(message: Msg | str, lang: str = "en") -> str:
    """``message`` in ``lang`` (a plain string as it is: a value, never a sentence)."""
    return message.render(lang) if isinstance(message, Msg) else str(message)


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses (``{v:.2f}`` -> ``v``)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def nation_words(scope: Any = None) -> Words:
    """What a message calls the panel's aggregate (``scope``: a :class:`sim.inputs.scope.Scope`):
    "the nation" / 全国 for China's provinces, the aggregate's own names otherwise (Inner
    Mongolia / 全区 for its cities)."""
    if scope is None or scope.is_national:
        return Words("the nation", "全国")
    return Words(scope.aggregate_en, scope.aggregate_zh)


def names(items: Iterable[tuple[str, str]]) -> list[Words]:
    """Region names ``(english, chinese)`` as words for a list parameter."""
    return [Words(en, zh) for en, zh in items]
