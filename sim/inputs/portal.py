"""Read the NBS data portal's exports (国家统计局 "分省年度数据" / "年度数据") into values.

The portal writes three layouts, each with optional header lines (``数据库：分省年度数据``,
``指标：地区生产总值(亿元)``, ``时间：2024年``, ``地区：北京市``) and a footer (``注：...``,
``数据来源：国家统计局``) that ends the table; cells may carry trailing tabs and rows a
trailing comma:

* **cross-section**: ``地区, 指标 (单位), ...`` - one year (from ``时间：``), a row a region;
* **time series**: ``地区, 2025年, 2024年, ...`` - one indicator (from ``指标：``), a row a
  region; a year not yet published is an empty column. ``指标, 2024年, ...`` is the same
  with a row an indicator, for one region (``地区：``) or the nation (国内生产总值 ...);
* **tidy**: ``省份编码, 省份, 年份, 指标 (单位), ...`` - a row a region-year.

Indicators read (:data:`INDICATORS`): 地区生产总值 (亿元) → nominal GDP, 地区生产总值指数
(上年=100) → real growth (index − 100), 年末常住人口 (万人) → population, and their national
counterparts; any other indicator is listed as ignored. Regions are matched by full official
name (内蒙古自治区), short name, English name or 6-digit code (150000). Text is UTF-8 (with or
without BOM) or GB18030. Numbers are kept as written (decimal text), never rounded through
floats; they must be positive plain decimals of at most 15 digits (``1E+400``, ``1E-10`` are
refused at their line: the loader could not read or show them). Anything else is a
:class:`~sim.errors.DataError` naming file, line and column.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sim.errors import DataError
from sim.inputs.panel import FIRST_YEAR, GDP, LAST_YEAR, NATIONAL_CODE, NEAR_SUM, POP, REAL, Regions, total_hint
from sim.inputs.scope import TotalRows
from sim.messages import Msg, msg

#: Normalised indicator name -> (panel column, national?).
INDICATORS: dict[str, tuple[str, bool]] = {
    "地区生产总值(亿元)": (GDP, False),
    "地区生产总值指数(上年=100)": (REAL, False),
    "年末常住人口(万人)": (POP, False),
    "国内生产总值(亿元)": (GDP, True),
    "国内生产总值指数(上年=100)": (REAL, True),
}
NATIONAL_NAMES = ("全国", "全国合计", "国家", "China", "National")
#: Provincial-level divisions that are not in the bundled panel: listed as ignored, not errors.
OUTSIDE_PANEL = ("香港", "澳门", "台湾")
#: Suffixes of official names, longest first (新疆维吾尔自治区 -> 新疆).
NAME_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
#: Census ordinal in the portal's revision note -> the vintage label the bundled panel uses.
CENSUS_VINTAGE = {"四": "NBS20", "五": "NBS25"}
META = re.compile(r"^(数据库|指标|时间|地区)\s*[：:]\s*(.*)$")
YEAR_CELL = re.compile(r"^(\d{4})\s*年?$")
CENSUS_NOTE = re.compile(r"第([一二三四五六七八九十]+)次全国经济普查后")
#: Words every portal export has; none of them in GB18030-decoded text means another encoding.
PORTAL_WORDS = ("地区", "指标", "省份", "年份", "数据库")


@dataclass(frozen=True)
class Value:
    """One number of an export: region code (``"00"`` = national), year, panel column, text."""

    code: str
    year: int
    field: str
    text: str
    line: int


@dataclass(frozen=True)
class Export:
    """One export file read: what it holds and what was left out."""

    path: Path
    sha256: str
    encoding: str  # "UTF-8", "UTF-8 with BOM" or "GB18030"
    layout: str  # "cross-section", "time series" or "tidy"
    vintage: str  # from the revision note ("NBS25"), or "" when the file names none
    values: tuple[Value, ...]
    ignored_indicators: tuple[str, ...]
    ignored_regions: tuple[str, ...]
    indicator_from_file_name: str = ""  # the indicator, when only the file name says which

    @property
    def years(self) -> tuple[int, int] | None:
        """First and last year with a value, or None."""
        ys = [v.year for v in self.values]
        return (min(ys), max(ys)) if ys else None

    @property
    def indicators(self) -> tuple[str, ...]:
        """Panel columns the file supplies, in panel order."""
        have = {v.field for v in self.values}
        return tuple(f for f in (GDP, REAL, POP) if f in have)


# --------------------------------------------------------------------------- text


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """(text, encoding name) of an export's bytes: UTF-8 (BOM or not), else GB18030."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise DataError(msg("portal.utf16"), file=path)
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 with BOM"
        except UnicodeDecodeError as exc:
            raise _undecodable(path, data, exc.start + 3) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError as exc:
        raise _undecodable(path, data, exc.start) from None


def _undecodable(path: Path, data: bytes, at: int) -> DataError:
    line = data.count(b"\n", 0, at) + 1
    return DataError(
        msg("portal.undecodable", byte=data[at]),
        file=path,
        line=line,
    )


def normalise(name: str) -> str:
    """An indicator or header name without spaces and with ASCII brackets: ``地区生产总值(亿元)``."""
    table = str.maketrans({"（": "(", "）": ")", "＝": "="})
    return re.sub(r"\s+", "", name).translate(table)


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """(line number, stripped cells) of every non-blank CSV row."""
    lines = text.splitlines()
    out = []
    reader = csv.reader(lines)
    for cells in reader:
        stripped = [c.strip() for c in cells]
        if any(stripped):
            out.append((reader.line_num, stripped))
    return out


# --------------------------------------------------------------------------- regions


def region_code(name: str, regions: Regions) -> str | None:
    """Panel code of a region given by official or short name, English name or code
    (2- or 6-digit); ``"00"`` for the nation; None when it is not a panel region."""
    key = name.strip()
    if key in NATIONAL_NAMES:
        return NATIONAL_CODE
    if re.fullmatch(r"\d{6}", key):
        key = key[:2] if key.endswith("0000") else key
    hit = regions.find(key)
    if hit is None:
        short = _short(key)
        hit = regions.find(short) if short != key else None
    return regions.codes[hit] if hit is not None else None


def _short(name: str) -> str:
    for suffix in NAME_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


#: Code prefix of a row whose name is no region of the panel (settled when the table is read).
UNKNOWN = "?"


def _unknown_error(r: _Reader, name: str, line: int, field: str) -> DataError:
    return DataError(
        msg("value.unknown_region", name=repr(name), hint=r.regions.suggest(_short(name))),
        file=r.path,
        line=line,
        field=field,
    )


def _total_error(r: _Reader, what: Msg, line: int, field: str) -> DataError:
    return DataError(
        msg("panel.total_row", what=what, hint=total_hint(r.panel)), file=r.path, line=line, field=field
    )


# --------------------------------------------------------------------------- numbers


#: Most significant digits a value may have (a float keeps 15 exactly).
MAX_DIGITS = 15


def _number(text: str, field: str, path: Path, line: int, column: str) -> str | None:
    """The panel's text for one cell (index − 100 for real growth); None for an empty cell."""
    if text in ("", "-", "--", "…", "..."):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        hint = msg("value.hint_thousands") if "," in text else ""
        why = msg("value.not_number", value=repr(text), hint=hint)
        raise DataError(why, file=path, line=line, field=column) from None
    if not value.is_finite() or value <= 0:
        why = msg("value.positive_number_got", value=repr(text))
        raise DataError(why, file=path, line=line, field=column)
    if "e" in text.lower():  # the panel holds plain decimals (as the portal writes them)
        why = msg("value.number_in_full", value=repr(text[:40]))
        raise DataError(why, file=path, line=line, field=column)
    if not math.isfinite(float(value)) or len(value.as_tuple().digits) > MAX_DIGITS:
        raise DataError(
            msg("value.too_many_digits", digits=len(value.as_tuple().digits), most=MAX_DIGITS),
            file=path,
            line=line,
            field=column,
        )
    return str(value - 100) if field == REAL else str(value)


def _indicator(header: str) -> tuple[str, bool] | None:
    return INDICATORS.get(normalise(header))


# --------------------------------------------------------------------------- layouts


@dataclass
class _Reader:
    """State of one file being read (the parts every layout shares)."""

    path: Path
    regions: Regions
    meta: dict[str, tuple[int, str]]
    values: list[Value]
    ignored_indicators: list[str]
    ignored_regions: list[str]
    seen: dict[tuple[str, int, str], int]
    indicator_from_file_name: str = ""
    totals: TotalRows | None = None  # how the target panel's total row is recognised
    panel: Path = Path("panel.csv")  # the target panel (named in a total row's message)
    unknown: dict[str, tuple[int, str]] = dataclasses.field(default_factory=dict)  # name -> (line, column)

    def region(self, name: str, line: int, column: str) -> str | None:
        """Panel code of the region ``name`` on ``line`` (``"00"`` for the nation); None for a
        region outside the panel (listed as ignored). A total row (合计, 全区, the parent's
        name or code) is refused here; a name no region has is kept aside as ``?name`` and
        settled by :meth:`settle` (a row near the sum of the others is a total row too)."""
        code = region_code(name, self.regions)
        if code == NATIONAL_CODE:
            return code
        if self.totals is not None:
            if self.totals.is_total_name(name):
                raise _total_error(self, msg("panel.total_name", name=repr(name)), line, column)
            bare = name.strip()
            if self.totals.is_total_code(bare) or (code is not None and self.totals.is_total_code(code)):
                shown = bare if self.totals.is_total_code(bare) else code
                raise _total_error(self, msg("panel.total_code", code=shown), line, column)
        if code is not None:
            return code
        if _short(name) in OUTSIDE_PANEL:
            self.ignored_regions.append(name)
            return None
        self.unknown.setdefault(name, (line, column))
        return UNKNOWN + name

    def settle(self) -> None:
        """Refuse the first row whose name is no region: as a total row when its GDP is within 2 %
        of the sum of the other rows in most years, else as an unknown region."""
        if not self.unknown:
            return
        name, (line, column) = min(self.unknown.items(), key=lambda kv: kv[1][0])
        gdp: dict[int, dict[str, Decimal]] = {}
        for v in self.values:
            if v.field == GDP and v.code != NATIONAL_CODE:
                gdp.setdefault(v.year, {})[v.code] = Decimal(v.text)
        near = 0
        years = [y for y, row in gdp.items() if UNKNOWN + name in row and len(row) >= 4]
        for y in years:
            own = gdp[y][UNKNOWN + name]
            others = sum(x for c, x in gdp[y].items() if not c.startswith(UNKNOWN))
            near += abs(own - others) <= Decimal(str(NEAR_SUM)) * others
        if years and near > len(years) / 2:
            share = f"{NEAR_SUM:.0%}"
            what = msg("panel.total_near_sum", name=repr(name), share=share, near=near, years=len(years))
            raise _total_error(self, what, line, column)
        raise _unknown_error(self, name, line, column)

    def add(self, code: str, year: int, field: str, text: str | None, line: int, column: str) -> None:
        if text is None:
            return
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise DataError(
                msg("value.year_outside", year=year, first=FIRST_YEAR, last=LAST_YEAR),
                file=self.path,
                line=line,
                field=column,
            )
        key = (code, year, field)
        if key in self.seen:
            raise DataError(
                msg("portal.twice", code=code, year=year, first=self.seen[key]),
                file=self.path,
                line=line,
                field=column,
            )
        self.seen[key] = line
        self.values.append(Value(code, year, field, text, line))

    def ignore_indicator(self, name: str) -> None:
        if name not in self.ignored_indicators:
            self.ignored_indicators.append(name)

    def meta_value(self, key: str, line: int, what: Msg) -> str:
        if key not in self.meta or not self.meta[key][1]:
            raise DataError(msg("portal.no_meta", key=key, what=what), file=self.path, line=line)
        return self.meta[key][1]


def _year_columns(header: list[str]) -> dict[int, int] | None:
    """Column index -> year when every named column after the first is a year, else None."""
    years = {}
    for j, cell in enumerate(header[1:], start=1):
        if not cell:
            continue
        m = YEAR_CELL.match(cell)
        if m is None:
            return None
        years[j] = int(m.group(1))
    return years or None


def _cross_section(r: _Reader, line: int, header: list[str], body: list[tuple[int, list[str]]]) -> None:
    when = r.meta_value("时间", line, msg("portal.which_year"))
    m = YEAR_CELL.match(when)
    if m is None:
        raise DataError(msg("portal.not_one_year", when=when), file=r.path, line=r.meta["时间"][0])
    year = int(m.group(1))
    columns = _columns(r, header)
    for ln, cells in body:
        code = r.region(cells[0], ln, header[0])
        for j, (field, national) in columns.items():
            if code is not None and not national and j < len(cells):
                r.add(code, year, field, _number(cells[j], field, r.path, ln, header[j]), ln, header[j])


def _columns(r: _Reader, header: list[str], skip: tuple[int, ...] = (0,)) -> dict[int, tuple[str, bool]]:
    columns = {}
    for j, cell in enumerate(header):
        if not cell or j in skip:
            continue
        hit = _indicator(cell)
        if hit is None:
            r.ignore_indicator(cell)
        else:
            columns[j] = hit
    return columns


#: Indicator names a file name may carry when the export has no `指标：` line (most specific first).
FILE_NAME_INDICATORS = (
    ("地区生产总值指数", "地区生产总值指数(上年=100)"),
    ("地区生产总值", "地区生产总值(亿元)"),
    ("GDP", "地区生产总值(亿元)"),
    ("年末常住人口", "年末常住人口(万人)"),
)


def _indicator_name(r: _Reader, line: int) -> str:
    """The indicator of a time series: its `指标：` line, else the one its file name names."""
    if "指标" in r.meta and r.meta["指标"][1]:
        return r.meta["指标"][1]
    for key, name in FILE_NAME_INDICATORS:
        if key in r.path.name:
            r.indicator_from_file_name = name
            return name
    raise DataError(msg("portal.no_indicator"), file=r.path, line=line)


def _series_by_region(r: _Reader, line: int, header: list[str], body: list[tuple[int, list[str]]]) -> None:
    name = _indicator_name(r, line)
    hit = _indicator(name)
    if hit is None:
        r.ignore_indicator(name)
        return
    field = hit[0]
    years = _year_columns(header) or {}
    for ln, cells in body:
        code = r.region(cells[0], ln, header[0])
        for j, year in years.items():
            if code is not None and j < len(cells):
                r.add(code, year, field, _number(cells[j], field, r.path, ln, header[j]), ln, header[j])


def _series_by_indicator(r: _Reader, line: int, header: list[str], body: list[tuple[int, list[str]]]) -> None:
    years = _year_columns(header) or {}
    region: str | None = None
    for ln, cells in body:
        hit = _indicator(cells[0])
        if hit is None:
            r.ignore_indicator(cells[0])
            continue
        field, national = hit
        if national:
            code: str | None = NATIONAL_CODE
        else:
            region = region or r.meta_value("地区", line, msg("portal.which_region"))
            code = r.region(region, r.meta["地区"][0], "地区")
        for j, year in years.items():
            if code is not None and j < len(cells):
                r.add(code, year, field, _number(cells[j], field, r.path, ln, header[j]), ln, header[j])


def _tidy(r: _Reader, line: int, header: list[str], body: list[tuple[int, list[str]]]) -> None:
    if "年份" not in header:
        raise DataError(msg("portal.tidy_year"), file=r.path, line=line)
    year_at = header.index("年份")
    ids = [header.index(c) for c in ("省份编码", "省份") if c in header]
    columns = _columns(r, header, skip=(year_at, *ids))
    for ln, cells in body:
        cells = cells + [""] * (len(header) - len(cells))
        code = r.region(cells[ids[0]], ln, header[ids[0]])
        if not re.fullmatch(r"\d{4}", cells[year_at]):
            why = msg("value.not_year", value=repr(cells[year_at]))
            raise DataError(why, file=r.path, line=ln, field="年份")
        for j, (field, national) in columns.items():
            if code is not None and not national:
                r.add(
                    code,
                    int(cells[year_at]),
                    field,
                    _number(cells[j], field, r.path, ln, header[j]),
                    ln,
                    header[j],
                )


def _layout(header: list[str]) -> str | None:
    first = header[0]
    if first in ("省份编码", "省份") or ("省份" in header and "年份" in header):
        return "tidy"
    if first == "地区":
        return "time series" if _year_columns(header) else "cross-section"
    if first == "指标" and _year_columns(header):
        return "time series by indicator"
    return None


def _body(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Table rows up to the footer (a line starting 注 or 数据来源)."""
    out = []
    for ln, cells in rows:
        if cells[0].startswith(("注", "数据来源")):
            break
        out.append((ln, cells))
    return out


def read_export(
    path: str | Path, regions: Regions, *, totals: TotalRows | None = None, panel: Path | None = None
) -> Export:
    """Read one portal export; values for the regions of ``regions`` and the nation. ``totals``:
    how a total row of the target ``panel`` is recognised (refused at its line)."""
    path = Path(path)
    if not path.is_file():
        raise DataError(msg("file.not_found"), file=path)
    data = path.read_bytes()
    text, encoding = decode(path, data)
    rows = _rows(text)
    meta: dict[str, tuple[int, str]] = {}
    while rows and (m := META.match(rows[0][1][0])) and len([c for c in rows[0][1] if c]) == 1:
        meta[m.group(1)] = (rows[0][0], m.group(2).strip())
        rows.pop(0)
    if not rows:
        raise DataError(msg("portal.no_table"), file=path, line=1)
    line, header = rows[0]
    layout = _layout(header)
    if layout is None and encoding == "GB18030" and not any(w in text for w in PORTAL_WORDS):
        first = ",".join(header)[:24]
        raise DataError(
            msg("portal.undecodable_guess", first=repr(first)),
            file=path,
            line=line,
        )
    if layout is None:
        raise DataError(msg("portal.layout"), file=path, line=line)
    reader = _Reader(path, regions, meta, [], [], [], {}, totals=totals, panel=panel or path)
    read = {
        "tidy": _tidy,
        "time series": _series_by_region,
        "cross-section": _cross_section,
        "time series by indicator": _series_by_indicator,
    }[layout]
    read(reader, line, header, _body(rows[1:]))
    reader.settle()
    census = CENSUS_NOTE.search(text)
    vintage = CENSUS_VINTAGE.get(census.group(1), f"NBS-census{census.group(1)}") if census else ""
    return Export(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        layout=layout.replace(" by indicator", ""),
        vintage=vintage,
        values=tuple(reader.values),
        ignored_indicators=tuple(reader.ignored_indicators),
        ignored_regions=tuple(dict.fromkeys(reader.ignored_regions)),
        indicator_from_file_name=reader.indicator_from_file_name,
    )
