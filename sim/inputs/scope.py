"""What a panel's regions are: the panel metadata file (``<panel>.meta.yaml``).

A panel CSV lists regions only. What kind of regions they are, what their aggregate is called,
where the aggregate's own series and the announced targets are, and how regions group into
macro-regions is written in a small YAML file beside the CSV, named after it
(``cities.csv`` -> ``cities.meta.yaml``)::

    region_kind: city              # province | city | county | country
    aggregate:
      en: Inner Mongolia           # replaces "national" in every text
      zh: 全区                     # replaces 全国
      series: cities_total.csv     # optional: year, gdp_nominal_100m_yuan, real_growth_pct
    targets: cities_targets.csv    # optional: province_code, year, target_real_growth_pct
    encoding: gb18030              # optional: the CSV's text encoding (default: detected)
    groups:                        # optional: colours of the bar-chart race
      hbe: {en: Hohhot-Baotou-Ordos, zh: 呼包鄂, codes: ["150100", "150200", "150600"]}

Paths are relative to the metadata file. Without a metadata file, the bundled provincial panel
(and its vintages) have the provincial scope (:data:`PROVINCIAL`: 全国, GB/T 2260 macro-regions,
the bundled targets); a panel whose codes are all provincial GB/T 2260 codes keeps the provincial
words and groups but neither the national series nor the bundled targets; any other panel is a
set of regions whose aggregate is their sum, without groups or targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from sim.errors import DataError
from sim.messages import Msg, msg

REGION_KINDS = ("province", "city", "county", "country", "region")
META_SUFFIX = ".meta.yaml"
#: GB/T 2260 first digit of a provincial code -> traditional macro-region (key, English, Chinese).
GB2260_GROUPS = {
    "1": ("north", "North", "华北"),
    "2": ("northeast", "Northeast", "东北"),
    "3": ("east", "East", "华东"),
    "4": ("central_south", "Central-South", "中南"),
    "5": ("southwest", "Southwest", "西南"),
    "6": ("northwest", "Northwest", "西北"),
}


@dataclass(frozen=True)
class Group:
    """A macro-region: key, names and member codes."""

    key: str
    en: str
    zh: str
    codes: tuple[str, ...]

    def label(self, lang: str) -> str:
        """Name in ``lang`` (Chinese for ``zh``)."""
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Scope:
    """What the regions of a panel are and what their aggregate is called."""

    kind: str
    aggregate_en: str  # used where the provincial texts say "national" / "the nation"
    aggregate_zh: str  # used where they say 全国
    series: Path | None = None  # the aggregate's own series (None: the sum of the regions)
    targets: Path | None = None  # announced targets of these regions (None: none)
    groups: tuple[Group, ...] = ()
    gb2260_groups: bool = False  # groups by the first digit of provincial codes
    path: Path | None = None  # the metadata file, if any

    @property
    def is_national(self) -> bool:
        """True when the aggregate is the nation (texts need no rewording)."""
        return self.aggregate_en == "national" and self.aggregate_zh == "全国"

    def aggregate(self, lang: str) -> str:
        """The aggregate's name in ``lang``."""
        return self.aggregate_zh if lang == "zh" else self.aggregate_en

    def group_of(self, code: str) -> Group | None:
        """The macro-region of ``code``, or None (no groups, or the code is in none)."""
        if self.gb2260_groups and len(code) == 2 and code.isdigit() and code[0] in GB2260_GROUPS:
            key, en, zh = GB2260_GROUPS[code[0]]
            return Group(key, en, zh, ())
        return next((g for g in self.groups if code in g.codes), None)


#: The bundled panel's scope: China's provinces, the national accounts, the bundled targets.
PROVINCIAL = Scope("province", "national", "全国", gb2260_groups=True)
#: A panel of any regions without metadata: the aggregate is their sum.
GENERIC = Scope("region", "all-region", "各地区合计")


#: GB/T 2260 provincial codes: 31 provinces, Taiwan, Hong Kong and Macao (Chongqing is 50).
PROVINCIAL_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 "
    "71 81 82".split()
)


def is_provincial_code(code: str) -> bool:
    """A 2-digit GB/T 2260 provincial code (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82)."""
    return code in PROVINCIAL_CODES


def meta_path(panel: Path) -> Path:
    """The metadata file that belongs to ``panel`` (it may not exist)."""
    return panel.with_name(panel.stem + META_SUFFIX)


def default_scope(codes: tuple[str, ...]) -> Scope:
    """Scope of a panel without metadata: provincial words and groups for GB/T 2260 provincial
    codes (no series, no targets), otherwise :data:`GENERIC`."""
    if all(is_provincial_code(c) for c in codes):
        return PROVINCIAL
    return GENERIC


def _fail(doc: Any, key: tuple[str, ...], message: Msg) -> DataError:
    loc = doc.loc(key)
    return DataError(message, file=loc.file, line=loc.line, field=".".join(key))


def _text(doc: Any, key: tuple[str, ...], value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(doc, key, msg("value.non_empty_text"))
    return value.strip()


def _file(doc: Any, key: tuple[str, ...], value: Any) -> Path:
    path = doc.path.parent / _text(doc, key, value)
    if not path.is_file():
        raise _fail(doc, key, msg("file.not_found_path", path=str(path)))
    return path


def _groups(doc: Any, raw: Any, codes: tuple[str, ...]) -> tuple[Group, ...]:
    if not isinstance(raw, dict):
        raise _fail(doc, ("groups",), msg("meta.groups_mapping"))
    out: list[Group] = []
    seen: dict[str, str] = {}
    for key, spec in raw.items():
        where = ("groups", str(key))
        if not isinstance(spec, dict) or not isinstance(spec.get("codes"), list):
            raise _fail(doc, where, msg("meta.group_needs"))
        members = tuple(str(c) for c in spec["codes"])
        for c in members:
            if c not in codes:
                raise _fail(doc, (*where, "codes"), msg("meta.not_a_code", code=c))
            if c in seen:
                raise _fail(doc, (*where, "codes"), msg("meta.in_group", code=c, group=seen[c]))
            seen[c] = str(key)
        en = _text(doc, (*where, "en"), spec.get("en"))
        zh = _text(doc, (*where, "zh"), spec.get("zh", en))
        out.append(Group(str(key), en, zh, members))
    return tuple(out)


def load_scope(panel: Path, codes: tuple[str, ...]) -> Scope:
    """The scope of the panel CSV ``panel`` whose regions have ``codes``: its metadata file when
    there is one (validated, errors located by line), otherwise :func:`default_scope`."""
    path = meta_path(panel)
    if not path.is_file():
        return default_scope(codes)
    from sim.inputs.yamlio import load_yaml  # only when there is a metadata file (cached runs skip YAML)

    doc = load_yaml(path)
    data = doc.data
    known = {"region_kind", "aggregate", "targets", "groups", "encoding"}
    for key in data:
        if key not in known:
            raise _fail(doc, (str(key),), msg("value.unknown_key_known", keys=", ".join(sorted(known))))
    kind = data.get("region_kind", "region")
    if kind not in REGION_KINDS:
        why = msg("value.one_of_got", choices=", ".join(REGION_KINDS), value=repr(kind))
        raise _fail(doc, ("region_kind",), why)
    agg = data.get("aggregate") or {}
    if not isinstance(agg, dict):
        raise _fail(doc, ("aggregate",), msg("meta.aggregate_mapping"))
    en = _text(doc, ("aggregate", "en"), agg.get("en", GENERIC.aggregate_en))
    zh = _text(doc, ("aggregate", "zh"), agg.get("zh", GENERIC.aggregate_zh))
    series = _file(doc, ("aggregate", "series"), agg["series"]) if agg.get("series") is not None else None
    targets = _file(doc, ("targets",), data["targets"]) if data.get("targets") is not None else None
    groups = _groups(doc, data["groups"], codes) if data.get("groups") is not None else ()
    return Scope(kind, en, zh, series, targets, groups, path=path)


def meta_encoding(panel: Path) -> str | None:
    """The ``encoding:`` the metadata file of ``panel`` names, if any."""
    path = meta_path(panel)
    if not path.is_file():
        return None
    from sim.inputs.yamlio import load_yaml

    value = load_yaml(path).data.get("encoding")
    return str(value) if value else None


#: Names of a total row (a region list's aggregate), not a region: refused in a panel.
TOTAL_NAMES = frozenset(
    {"合计", "总计", "总和", "全区", "全国", "全省", "全市", "全盟", "全州", "全县", "全体", "各地区合计",
     "total", "sum", "all", "allregions", "grandtotal", "national"}
)  # fmt: skip
#: Endings of a total row's name as yearbooks print them (全区合计, 内蒙古全区, 合　计 once spaces go).
TOTAL_SUFFIXES = ("合计", "总计", "全区", "全市", "全省", "全盟", "total")
#: Endings of an official full name (内蒙古自治区 -> 内蒙古), tried when a name is compared with the
#: parent's (longest first).
OFFICIAL_ENDINGS = (
    "壮族自治区",
    "回族自治区",
    "维吾尔自治区",
    "特别行政区",
    "自治区",
    "自治州",
    "省",
    "市",
    "盟",
    "地区",
)
#: Names of the nation, the parent of a provincial panel.
NATION_NAMES = ("全国", "中国", "全国合计", "China", "national", "nation")


_SPACES = re.compile(r"\s+")


def bare_name(name: str) -> str:
    """``name`` without spaces of either width (U+3000 included) and casefolded: 合　计 -> 合计."""
    return _SPACES.sub("", name).casefold()


@dataclass(frozen=True)
class TotalRows:
    """How a panel's total row is recognised: the parent region's codes and names.

    A yearbook prints the total of a region list in many ways: 合计, 合　计, 全 区, 全区合计,
    内蒙古, 内蒙古自治区, the parent's code 150000. :meth:`is_total_name` reduces a name by the
    endings :data:`TOTAL_SUFFIXES` and the parent's own names until nothing (or a total name) is
    left."""

    codes: frozenset[str]  # the parent's codes (150000 and 15 for the cities of Inner Mongolia)
    names: frozenset[str]  # the parent's names, bare (:func:`bare_name`): 内蒙古, innermongolia

    def is_total_name(self, name: str) -> bool:
        """True for a name that says "the total" (合计, 全区合计, 内蒙古自治区 ...)."""
        key = bare_name(name)
        if not key:
            return False
        endings = self._endings
        while key:
            if key in TOTAL_NAMES or self._is_parent(key):
                return True
            ending = next((e for e in endings.get(key[-1], ()) if key.endswith(e)), None)
            if ending is None:
                return False
            key = key[: -len(ending)]
        return True

    @cached_property
    def _endings(self) -> dict[str, tuple[str, ...]]:
        """What :meth:`is_total_name` strips, in the order it tries them (the total endings, then
        the parent's names, longest first), by their last character (a name's last character
        picks the few that can end it)."""
        endings = [e for e in TOTAL_SUFFIXES + tuple(sorted(self.names, key=len, reverse=True)) if e]
        return {last: tuple(e for e in endings if e[-1] == last) for last in {e[-1] for e in endings}}

    @cached_property
    def _parent_forms(self) -> frozenset[str]:
        """The parent's names, bare and with each official ending (内蒙古, 内蒙古自治区)."""
        return frozenset(self.names) | {n + e for n in self.names for e in OFFICIAL_ENDINGS if e}

    def _is_parent(self, key: str) -> bool:
        return key in self._parent_forms

    def is_total_code(self, code: str) -> bool:
        """True for a code of zeros (00, 000000) or the parent's code (150000 in a city panel)."""
        return bool(code) and (set(code) == {"0"} or code in self.codes)


def parent_codes(codes: tuple[str, ...]) -> frozenset[str]:
    """Codes of the region whose parts the GB/T 2260 ``codes`` are: 150000 and 15 for the cities
    1501xx-1529xx; also 150200 for the counties 1502xx; none for other codes. Codes of zeros
    (a total row) are left out of the comparison."""
    codes = tuple(c for c in codes if set(c) != {"0"})
    if not codes or not all(len(c) == 6 and c.isdigit() for c in codes):
        return frozenset()
    out: set[str] = set()
    if len({c[:2] for c in codes}) == 1:
        out |= {codes[0][:2], codes[0][:2] + "0000"}
    below = [c for c in codes if not c.endswith("00")]  # counties (cities end in 00)
    if len(below) >= 2 and len({c[:4] for c in below}) == 1:
        out.add(below[0][:4] + "00")
    return frozenset(out)


def total_rows(scope: Scope, codes: tuple[str, ...], province_names: dict[str, tuple[str, ...]]) -> TotalRows:
    """How a total row of a panel with ``codes`` and ``scope`` is recognised. ``province_names``:
    provincial code -> names (the bundled panel's), for the parent of a city or county panel."""
    parents = parent_codes(codes)
    names: set[str] = set()
    if all(is_provincial_code(c) for c in codes):
        names |= set(NATION_NAMES)
    for code in parents:
        names |= set(province_names.get(code, ()))
    names |= {scope.aggregate_en, scope.aggregate_zh}  # 全区 / Inner Mongolia, 全国 / national
    return TotalRows(frozenset(parents), frozenset(bare_name(n) for n in names if bare_name(n)))


def with_bundled(scope: Scope, series: Path | None, targets: Path | None) -> Scope:
    """``scope`` with the bundled national series and targets (the bundled panel and its vintages)."""
    return replace(scope, series=series, targets=targets)
