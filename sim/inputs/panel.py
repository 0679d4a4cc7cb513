"""Load and validate the regional GDP panel, the national series and growth targets.

The panel is a long CSV (one row per region-year) with the columns in :data:`PANEL_COLUMNS`.
It is validated once, here, and turned into arrays shaped ``(year, region)``. Nothing
else in the package reads CSV files.

Data seams the loader knows about (see ``data/SOURCES.md``):

* the ``source`` column names the vintage of each value (``gdp:NBS25|rg:NBS20|...``); where
  the nominal-GDP vintage changes between two years, the nominal growth across the splice is
  meaningless and the derived deflator of that year is set to NaN (``nominal_break``);
* national real growth missing in the national file (2020-2022) is derived as the
  previous-year-GDP-weighted mean of the regions' real growth and flagged ``real_derived``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from sim._arrays import freeze_arrays, read_only
from sim._typing import BoolArray, FloatArray, IntArray
from sim.errors import DataError
from sim.messages import Msg, Words, msg
from sim.inputs.scope import PROVINCIAL, Scope, TotalRows, load_scope, meta_encoding, total_rows, with_bundled
from sim.units import pct_to_log

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DEFAULT_PANEL = DATA_DIR / "province_gdp.csv"
DEFAULT_NATIONAL = DATA_DIR / "national_gdp.csv"
DEFAULT_TARGETS = DATA_DIR / "growth_targets.csv"
#: Earlier vintages of the bundled panel, one panel CSV each (data/vintages/README.md).
VINTAGES_DIR = DATA_DIR / "vintages"
#: The shipped panel's own vintage name.
CURRENT_VINTAGE = "current"

CODE, EN, ZH, YEAR = "province_code", "province_en", "province_zh", "year"
GDP, REAL, POP, SOURCE = "gdp_nominal_100m_yuan", "real_growth_pct", "population_10k", "source"
STATUS = "status"
PANEL_COLUMNS = (CODE, EN, ZH, YEAR, GDP, REAL, POP, SOURCE, STATUS)
#: What a value is (the panel's ``status`` column): final (empty), a preliminary figure as
#: published, or an estimate where nothing was published (``preliminary;estimated:population``).
STATUS_NAMES = ("final", "preliminary", "estimated")
#: The values a status can mark, in the order of :attr:`Panel.status`'s last axis.
STATUS_FIELDS = ("gdp", "real_growth", "population")
PANEL_REQUIRED = (CODE, YEAR, GDP, REAL)  # and a name: EN or ZH (either fills the other)
NATIONAL_REQUIRED = (YEAR, GDP, REAL)
TARGET_REQUIRED = (CODE, YEAR, "target_real_growth_pct")
NATIONAL_CODE = "00"
#: The years a panel (or an import) may hold: the People's Republic's statistics to a far horizon.
FIRST_YEAR, LAST_YEAR = 1949, 2200
#: Default length of the estimation window (years up to the base year), chosen by backtest.
DEFAULT_WINDOW_YEARS = 3
#: A year-on-year population change larger than this (log, about 10 %) is flagged as a likely
#: census break (a level restated after a census, not people moving): such years are left out
#: of population trends and shocks (README, Ranking by GDP per head).
POPULATION_BREAK_LOG = float(np.log(1.1))


def _sha256(path: Path, pending: Mapping[Path, bytes]) -> str:
    data = pending.get(path.resolve())
    return sha256_of(path) if data is None else hashlib.sha256(data).hexdigest()


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def bundled_digests() -> dict[str, str]:
    """sha256 -> "panel" or "vintage" of the bundled data files: a panel is the bundled data
    by its content, wherever a copy of it lies (the nation is a property of the data)."""
    out = {sha256_of(p): "vintage" for p in sorted(VINTAGES_DIR.glob("*.csv"))}
    out[sha256_of(DEFAULT_PANEL)] = "panel"
    return out


def derived_log_deflator(gdp: FloatArray, log_real: FloatArray, nominal_break: BoolArray) -> FloatArray:
    """ln(1+pi) = ln(Y_t / Y_{t-1}) - ln(1+g) along the first (year) axis; NaN in the first year
    and wherever the nominal series changes vintage."""
    out = np.full(gdp.shape, np.nan)
    out[1:] = np.diff(np.log(gdp), axis=0) - log_real[1:]
    out[nominal_break] = np.nan
    return out


#: Common short forms a planner writes, accepted as the region's name (README, Scenario files).
SHORT_FORMS = {"内蒙": "内蒙古"}
#: Endings of official full names, longest first: 广西壮族自治区 -> 广西, Beijing Municipality -> Beijing.
NAME_SUFFIXES = (
    "壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "地区", "省", "市", "盟", "县", "旗",
    " zhuang autonomous region", " hui autonomous region", " uygur autonomous region",
    " uyghur autonomous region", " autonomous region", " special administrative region", " sar",
    " province", " municipality", " city",
)  # fmt: skip


def _without_suffix(name: str) -> list[str]:
    """``name`` without the ending of an official full name (none if it has none)."""
    low = name.casefold()
    ends = _SUFFIXES_BY_LAST.get(low[-1:], ())
    return [name[: -len(end)] for end in ends if low.endswith(end) and len(low) > len(end)]


#: :data:`NAME_SUFFIXES` by their last character (in their order): the few a name can end with.
_SUFFIXES_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(e for e in NAME_SUFFIXES if e[-1] == last) for last in {e[-1] for e in NAME_SUFFIXES}
}


@dataclass(frozen=True)
class Regions:
    """Identity of the regions of a panel: codes and English / Chinese names."""

    codes: tuple[str, ...]
    en: tuple[str, ...]
    zh: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.codes)

    @cached_property
    def _lookup(self) -> dict[str, int]:
        table: dict[str, int] = {}
        for i, (code, en, zh) in enumerate(zip(self.codes, self.en, self.zh, strict=True)):
            for key in (code, en.casefold(), zh):
                table.setdefault(key, i)
        for short, hits in self._short_forms.items():
            if len(hits) == 1:  # 赤峰 for 赤峰市, 锡林郭勒 for 锡林郭勒盟: only when one region has it
                table.setdefault(short, hits[0])
        return table

    @cached_property
    def _short_forms(self) -> dict[str, list[int]]:
        """Names without their official ending (赤峰市 -> 赤峰), each with the regions that have it."""
        out: dict[str, list[int]] = {}
        for i, (en, zh) in enumerate(zip(self.en, self.zh, strict=True)):
            for short in {*(_without_suffix(zh)), *(s.casefold() for s in _without_suffix(en))}:
                out.setdefault(short, []).append(i)
        return out

    def ambiguous(self, name: str | int) -> list[str]:
        """Names of the regions ``name`` could mean when it is a short form that more than one has."""
        hits = self._short_forms.get(" ".join(str(name).split()), [])
        return [self.zh[i] for i in hits] if len(hits) > 1 else []

    def find(self, name: str | int) -> int | None:
        """Index of a region given by code, English name (any case) or Chinese name; also by its
        official full name (内蒙古自治区, Guangdong Province) or a documented short form
        (:data:`SHORT_FORMS`: 内蒙 for 内蒙古)."""
        key = " ".join(str(name).split())
        for form in (key, SHORT_FORMS.get(key, key), *_without_suffix(key)):
            hit = self._lookup.get(form)
            if hit is None:
                hit = self._lookup.get(form.casefold())
            if hit is not None:
                return hit
        return None

    def suggest(self, name: str | int) -> Msg | str:
        """ " (did you mean 'X'?)" for a misspelt region (English or Chinese, prefix or close
        spelling), " (several regions: ...; write the full name)" for a short form several regions
        have, or "": a message part (:class:`sim.messages.Msg`) to pass as a message's parameter."""
        import difflib

        key = str(name).strip()
        several = self.ambiguous(key)
        if several:
            return msg("value.several_regions", names=[Words(n, n) for n in several])
        names = [*self.en, *self.zh]
        prefix = [n for n in names if key and (n.casefold().startswith(key.casefold()) or key in n)]
        close = prefix or difflib.get_close_matches(key, names, n=1, cutoff=0.6)
        if not close:
            close = difflib.get_close_matches(
                key.casefold(), [n.casefold() for n in self.en], n=1, cutoff=0.6
            )
            close = [self.en[[n.casefold() for n in self.en].index(close[0])]] if close else []
        if len(set(close)) >= 1 and len(prefix) <= 1:
            return msg("value.did_you_mean", name=repr(close[0]))
        return ""

    def label(self, i: int, lang: str = "en") -> str:
        """Name of region ``i``: Chinese for ``lang="zh"``, English otherwise."""
        return self.zh[i] if lang == "zh" else self.en[i]


@dataclass(frozen=True, kw_only=True)
class National:
    """The national series: nominal GDP, real growth (some years derived), by year."""

    path: Path | None
    years: IntArray
    gdp: FloatArray
    real_growth_pct: FloatArray
    real_derived: BoolArray
    nominal_break: BoolArray  # True where nominal growth into that year crosses a vintage splice
    sha256: str | None = None  # of the file's bytes as read (None: no file)
    preliminary: BoolArray | None = None  # (years,) a preliminary national figure (status column)
    #: The file's whole real-growth record (it may start before the panel): years and percent.
    history_years: IntArray | None = None
    history_real_pct: FloatArray | None = None

    def __post_init__(self) -> None:
        freeze_arrays(self)

    def truncated(self, last_year: int) -> National:
        """The series as known at ``last_year`` (later years dropped, the whole record too)."""
        keep = self.years <= last_year
        whole = None if self.history_years is None else self.history_years <= last_year
        return dataclasses.replace(
            self,
            years=self.years[keep],
            gdp=self.gdp[keep],
            real_growth_pct=self.real_growth_pct[keep],
            real_derived=self.real_derived[keep],
            nominal_break=self.nominal_break[keep],
            preliminary=None if self.preliminary is None else self.preliminary[keep],
            history_years=None if whole is None else self.history_years[whole],  # type: ignore[index]
            history_real_pct=None if whole is None or self.history_real_pct is None else self.history_real_pct[whole],
        )

    @cached_property
    def log_real(self) -> FloatArray:
        """National real growth as ``ln(1+g)`` by year, ``(years,)``."""
        return read_only(pct_to_log(self.real_growth_pct))

    @cached_property
    def log_deflator(self) -> FloatArray:
        """ln(1+pi) = ln(Y_t / Y_{t-1}) - ln(1+g); NaN in the first year and at splices."""
        return read_only(derived_log_deflator(self.gdp, self.log_real, self.nominal_break))


@dataclass(frozen=True, repr=False)
class Panel:
    """A validated panel: arrays shaped ``(year, region)`` plus identity and provenance."""

    path: Path
    sha256: str
    years: IntArray
    regions: Regions
    gdp: FloatArray  # nominal, 100m yuan
    real_growth_pct: FloatArray
    population: FloatArray  # 10k persons, NaN where absent
    nominal_break: BoolArray  # (year, region): nominal growth into that year is unusable
    real_vintage_start: BoolArray  # (year, region): real growth changes vintage in that year
    national: National
    files: dict[str, str] = field(default_factory=dict)  # path -> sha256 of every file used
    scope: Scope = PROVINCIAL  # what the regions are, the aggregate's name, targets, groups
    encoding: str = "utf-8"  # the text encoding the CSV was read with
    #: (year, region, 3) int8: status of GDP, real growth and population (index in STATUS_NAMES);
    #: None when the file has no status column (every value final)
    status: np.ndarray | None = None

    def __post_init__(self) -> None:
        freeze_arrays(self)  # a cached panel is shared by every scenario that loads it

    def __repr__(self) -> str:
        return (
            f"<Panel {self.path.name}: {self.n_regions} regions ({self.scope.kind}), "
            f"{self.first_year}-{self.last_year}, sha256 {self.sha256[:12]}>"
        )

    @property
    def is_bundled(self) -> bool:
        """The bundled provincial panel, by content (a byte-for-byte copy anywhere is it too)."""
        return bundled_digests().get(self.sha256) == "panel"

    @property
    def summed_aggregate(self) -> bool:
        """The aggregate ("national") series is the sum of the regions: no series of its own."""
        return self.national.path is None

    def value_status(self, year: int, region: int, field: str) -> str:
        """``final``, ``preliminary`` or ``estimated`` for one value (``field`` in STATUS_FIELDS)."""
        if self.status is None or not self.first_year <= year <= self.last_year:
            return "final"
        return STATUS_NAMES[int(self.status[self.year_index(year), region, STATUS_FIELDS.index(field)])]

    def value_statuses(self, year: int, field: str) -> np.ndarray:
        """:meth:`value_status` of every region, ``(N,)`` strings."""
        if self.status is None or not self.first_year <= year <= self.last_year:
            return np.full(self.n_regions, "final")
        return np.array(STATUS_NAMES)[self.status[self.year_index(year), :, STATUS_FIELDS.index(field)]]

    def provisional_years(self) -> list[int]:
        """Years with any value that is not final (preliminary or estimated), ascending."""
        if self.status is None:
            return []
        return [int(y) for y, row in zip(self.years, self.status, strict=True) if row.any()]

    @property
    def first_year(self) -> int:
        """First data year."""
        return int(self.years[0])

    @property
    def last_year(self) -> int:
        """Last data year."""
        return int(self.years[-1])

    @property
    def n_regions(self) -> int:
        """Number of regions (columns of the arrays)."""
        return len(self.regions)

    @property
    def is_bundled_or_vintage(self) -> bool:
        """The shipped provincial panel (by content) or one of its vintages (whose defaults were
        chosen on it)."""
        return self.is_bundled or self.path.resolve().parent == VINTAGES_DIR.resolve()

    def year_index(self, year: int) -> int:
        """Row of ``year`` in the ``(year, region)`` arrays (not bounds-checked)."""
        return int(year) - self.first_year

    @cached_property
    def log_real(self) -> FloatArray:
        """Real growth as ``ln(1+g)``, ``(year, region)``."""
        return read_only(pct_to_log(self.real_growth_pct))

    @cached_property
    def log_deflator(self) -> FloatArray:
        """Derived deflator growth ln(1+pi) per (year, region); NaN where undefined."""
        return read_only(derived_log_deflator(self.gdp, self.log_real, self.nominal_break))

    @cached_property
    def log_population(self) -> FloatArray:
        """Population log growth ``ln(P_t / P_{t-1})``, ``(year, region)``; NaN in the first year,
        where either year is missing, and in likely census breaks (:attr:`population_break`)."""
        out = np.full(self.population.shape, np.nan)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[1:] = np.diff(np.log(self.population), axis=0)
        out[self.population_break] = np.nan
        return read_only(out)

    @cached_property
    def population_break(self) -> BoolArray:
        """``(year, region)``: population changed by more than about 10 % into that year (a likely
        census break, :data:`POPULATION_BREAK_LOG`)."""
        out = np.zeros(self.population.shape, dtype=bool)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[1:] = np.abs(np.diff(np.log(self.population), axis=0)) > POPULATION_BREAK_LOG
        return out

    @cached_property
    def ranks(self) -> IntArray:
        """Historical rank by nominal GDP, ``(year, region)``; 1 = largest."""
        from sim.ranks import rank_levels

        return rank_levels(self.gdp)

    def default_window(self, base_year: int, years: int = DEFAULT_WINDOW_YEARS) -> tuple[int, int]:
        """Estimation window of ``years`` years ending at ``base_year`` inside one real-growth vintage.

        Start = the latest of ``base_year - years + 1``, the first year with a previous
        year, and the first year of the real-growth vintage in force at ``base_year``.
        Years whose nominal growth crosses a vintage splice (2006 in the bundled panel) have
        no deflator and are skipped by the estimators, so they need not bound the window.
        """
        upto = self.years <= base_year
        start = max(base_year - years + 1, self.first_year + 1)
        vintages = self.years[upto & self.real_vintage_start.any(axis=1)]
        if vintages.size:
            start = max(start, int(vintages.max()))
        return min(start, base_year), base_year

    def truncated(self, last_year: int) -> Panel:
        """The panel as known at ``last_year`` (later years dropped): for backtests."""
        keep = self.years <= last_year
        return Panel(
            path=self.path,
            sha256=self.sha256,
            years=self.years[keep],
            regions=self.regions,
            gdp=self.gdp[keep],
            real_growth_pct=self.real_growth_pct[keep],
            population=self.population[keep],
            nominal_break=self.nominal_break[keep],
            real_vintage_start=self.real_vintage_start[keep],
            national=self.national.truncated(last_year),
            files=self.files,
            scope=self.scope,
            encoding=self.encoding,
            status=None if self.status is None else self.status[keep],
        )

    def table(self, year: int) -> pd.DataFrame:
        """The ranking table of one year: code, names, GDP, real growth, rank (sorted)."""
        if not self.first_year <= year <= self.last_year:
            raise DataError(
                msg("panel.year_outside_data", year=year, first=self.first_year, last=self.last_year),
                file=self.path,
                field="year",
            )
        t = self.year_index(year)
        frame = pd.DataFrame(
            {
                "code": self.regions.codes,
                "en": self.regions.en,
                "zh": self.regions.zh,
                GDP: self.gdp[t],
                "real_growth_pct": self.real_growth_pct[t],
                "rank": self.ranks[t],
            }
        )
        return frame.sort_values(["rank", "code"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- reading


#: Chinese column headers (as a statistics office or the NBS portal writes them) -> ranksim's columns.
#: A header is matched without a unit in brackets: 地区生产总值（亿元） -> 地区生产总值.
HEADER_ALIASES = {
    "地区代码": CODE, "代码": CODE, "区划代码": CODE, "行政区划代码": CODE,
    "地区": ZH, "地区名称": ZH, "名称": ZH, "省份": ZH, "城市": ZH, "盟市": ZH, "中文名": ZH,
    "英文名": EN, "英文名称": EN,
    "年份": YEAR, "年": YEAR, "年度": YEAR,
    "地区生产总值": GDP, "生产总值": GDP, "名义GDP": GDP,
    "实际增速": REAL, "实际增长率": REAL, "地区生产总值增速": REAL, "地区生产总值增长率": REAL, "增速": REAL,
    "年末常住人口": POP, "常住人口": POP, "人口": POP,
    "来源": SOURCE, "数据来源": SOURCE,
}  # fmt: skip
#: Encodings tried when none is given: UTF-8 (with or without BOM), then GB18030 (reads GBK, GB2312).
ENCODINGS = ("utf-8-sig", "gb18030")


def _header(name: str) -> str:
    """A column header in ranksim's name: aliases of Chinese headers, units in brackets dropped."""
    import re

    bare = re.sub(r"[（(][^）)]*[）)]", "", name).strip()
    return HEADER_ALIASES.get(bare, name)


def _decode(path: Path, encoding: str | None, data: bytes | None = None) -> tuple[str, str]:
    """The file's text and the encoding that read it (``encoding`` if given, else detected);
    ``data``: the file's bytes when they are not (yet) on disk."""
    raw = path.read_bytes() if data is None else data
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise DataError(msg("panel.utf16"), file=path)
    for enc in (encoding,) if encoding else ENCODINGS:
        try:
            return raw.decode(enc), ("utf-8" if enc == "utf-8-sig" else enc)
        except LookupError:
            raise DataError(msg("panel.unknown_encoding", encoding=repr(enc)), file=path) from None
        except UnicodeDecodeError as exc:
            if encoding:
                line = raw[: exc.start].count(b"\n") + 1
                raise DataError(
                    msg("panel.cannot_decode", encoding=encoding, byte=exc.start),
                    file=path,
                    line=line,
                ) from None
    raise DataError(msg("panel.not_utf8_gb"), file=path)


def _read_csv(
    path: Path, required: tuple[str, ...], encoding: str | None = None, data: bytes | None = None
) -> pd.DataFrame:
    import io

    if data is None and not path.is_file():
        raise DataError(msg("file.not_found"), file=path)
    if data is None:
        data = path.read_bytes()  # read once: these bytes are hashed and parsed
    text, used = _decode(path, encoding, data)
    try:
        frame = pd.read_csv(  # no missing-value markers: every cell is text, "" when empty
            io.StringIO(text.lstrip("\ufeff")), dtype=str, keep_default_na=False, na_filter=False
        )
    except pd.errors.EmptyDataError:
        raise DataError(msg("panel.empty_csv"), file=path) from None
    except pd.errors.ParserError as exc:
        raise DataError(msg("panel.not_csv", why=str(exc).strip()), file=path) from None
    frame.columns = [_header(str(c).strip()) for c in frame.columns]
    frame.attrs["encoding"] = used
    digest = hashlib.sha256(data).hexdigest()
    for col in required:
        if col not in frame.columns:
            why = msg("panel.missing_required", columns=", ".join(required))
            raise DataError(why, file=path, line=1, field=col)
    out = _stripped(frame)
    filled = _last_filled_row(out)
    if filled < 0:
        raise DataError(msg("panel.no_rows"), file=path, line=2)
    out = out.iloc[: filled + 1]  # rows Excel leaves empty at the end (,,,,,) are not data
    out.attrs["encoding"] = used
    out.attrs["sha256"] = digest
    return out


def _stripped(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell without leading and trailing whitespace (``str.strip``); a column no cell of
    which changes is kept as it is (the common case, and the costly part of a large panel)."""
    if frame.columns.has_duplicates:  # two headers of one name: column by column would merge them
        return frame.apply(lambda s: s.str.strip())
    columns = {}
    for name in frame.columns:
        values = frame[name].tolist()
        stripped = list(map(str.strip, values))
        if stripped != values:
            columns[name] = pd.Series(stripped, index=frame.index, dtype=frame[name].dtype)
        else:
            columns[name] = frame[name]
    return pd.DataFrame(columns, index=frame.index)


def _last_filled_row(frame: pd.DataFrame) -> int:
    """Position of the last row with any non-empty cell, -1 when every row is empty (read from
    the end: a panel seldom ends in more than a few empty rows)."""
    width = frame.shape[1]
    for row in range(len(frame) - 1, -1, -1):
        if any(frame.iat[row, c] != "" for c in range(width)):
            return row
    return -1


def _numbers(
    frame: pd.DataFrame, col: str, path: Path, *, allow_empty: bool = False, repeated: bool = False
) -> FloatArray:
    raw = frame[col]
    if repeated:  # a column of few distinct texts (the years): each parsed once
        codes, texts = pd.factorize(raw)
        values = pd.to_numeric(texts, errors="coerce").to_numpy(dtype=float)[codes]
    else:
        values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(values)
    if allow_empty:
        bad &= (raw != "").to_numpy()
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        text = raw.iloc[row]
        hint = msg("value.hint_thousands") if "," in text else ""
        what = msg("value.empty") if text == "" else msg("value.not_number", value=repr(text), hint=hint)
        raise DataError(what, file=path, line=row + 2, field=col)
    return values


def _positive(values: FloatArray, col: str, path: Path, *, floor: float = 0.0) -> None:
    bad = values <= floor
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        why = (
            msg("value.positive_got", value=values[row])
            if floor == 0.0
            else msg("value.greater_than_got", floor=floor, value=values[row])
        )
        raise DataError(why, file=path, line=row + 2, field=col)


def _years(frame: pd.DataFrame, path: Path) -> IntArray:
    """The year column: whole numbers within :data:`FIRST_YEAR`-:data:`LAST_YEAR`, checked before
    anything is sized by them (a year 99999999 would otherwise ask for a grid of 10^8 rows)."""
    years = _numbers(frame, YEAR, path, repeated=True)
    bad = years != np.round(years)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise DataError(
            msg("value.not_whole_year", value=repr(frame[YEAR].iloc[row][:40])),
            file=path,
            line=row + 2,
            field=YEAR,
        )
    outside = (years < FIRST_YEAR) | (years > LAST_YEAR)
    if outside.any():
        row = int(np.flatnonzero(outside)[0])
        raise DataError(
            msg("value.year_outside", year=frame[YEAR].iloc[row][:40], first=FIRST_YEAR, last=LAST_YEAR),
            file=path,
            line=row + 2,
            field=YEAR,
        )
    return years.astype(np.int64)


def _check_identity(frame: pd.DataFrame, path: Path) -> None:
    ids, _ = pd.factorize(frame[CODE])  # numbered in order of first appearance
    first_rows = np.flatnonzero(ids > np.maximum.accumulate(np.concatenate([[-1], ids[:-1]])))  # new numbers
    for col in (EN, ZH):
        values = frame[col].to_numpy(dtype=object)
        names = pd.Series(values[first_rows[ids]], index=frame.index)  # each row's code's first name
        clash = values != names.to_numpy()
        if clash.any():
            row = int(np.flatnonzero(clash)[0])
            code = frame[CODE].iloc[row]
            raise DataError(
                msg("panel.two_names", code=code, a=repr(names.iloc[row]), b=repr(frame[col].iloc[row])),
                file=path,
                line=row + 2,
                field=col,
            )
    empty = frame[CODE] == ""
    if empty.any():
        row = int(np.flatnonzero(empty)[0])
        raise DataError(msg("panel.empty_code"), file=path, line=row + 2, field=CODE)
    first = frame.drop_duplicates(CODE)
    for col in (ZH, EN):
        key = first[col].str.casefold()
        twice = key.duplicated()
        if twice.any():
            row = int(first.index[np.flatnonzero(twice.to_numpy())[0]])
            other = first[CODE][key == key[twice].iloc[0]].iloc[0]
            raise DataError(
                msg("panel.same_name", name=repr(frame[col].iloc[row]), a=other, b=frame[CODE].iloc[row]),
                file=path,
                line=row + 2,
                field=col,
            )
    for col in (ZH, EN):
        _check_short_forms(first, col, path)


def _check_short_forms(first: pd.DataFrame, col: str, path: Path) -> None:
    """Refuse a name that is another region's name without its ending (包头 beside 包头市): the
    two would be one region to every reader, and ``target: 包头`` would pick one silently."""
    names = [str(n).casefold() for n in first[col].tolist()]
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        for short in _without_suffix(name):
            seen.setdefault(short, i)
    for j, name in enumerate(names):
        other = seen.get(name)
        if other is None or other == j:
            continue
        a, b = sorted((other, j))
        row = int(first.index[b])
        raise DataError(
            msg(
                "panel.short_form",
                a=repr(first[col].iloc[b]),
                b=repr(first[col].iloc[a]),
                c=first[CODE].iloc[a],
                d=first[CODE].iloc[b],
            ),
            file=path,
            line=row + 2,
            field=col,
        )


def total_hint(path: Path) -> Msg:
    """How to give a total row instead (its own file, named as ``aggregate.series``): the part
    that follows a total row's message."""
    return msg("panel.total_hint", gdp=GDP, real=REAL, meta=f"{path.stem}.meta.yaml")


@functools.cache
def _province_names() -> dict[str, tuple[str, ...]]:
    """The bundled panel's provinces by code (2- and 6-digit): their English and Chinese names,
    for recognising a province's total row in a panel of its cities."""
    import csv

    out: dict[str, tuple[str, ...]] = {}
    with DEFAULT_PANEL.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            names = (row[EN], row[ZH])
            out.setdefault(row[CODE], names)
            out.setdefault(row[CODE] + "0000", names)
    return out


def _check_totals(frame: pd.DataFrame, path: Path, totals: TotalRows) -> None:
    """Refuse a total row: by name (合计, 全 区, 全区合计, 内蒙古自治区: the parent's name after spaces
    and endings go), by a code of zeros (00, 000000) or the parent's code (150000)."""
    first = frame.drop_duplicates(CODE)  # a code has one name (_check_identity): its first line
    rows, codes = first.index.tolist(), first[CODE].tolist()
    for row, code, en, zh in zip(rows, codes, first[EN].tolist(), first[ZH].tolist(), strict=True):
        named = next((col for col, name in ((ZH, zh), (EN, en)) if totals.is_total_name(name)), None)
        if set(code) == {"0"} or (named is None and totals.is_total_code(code)):
            named = None  # a code of zeros says it first; the parent's code where no name does
        elif named is None:
            continue
        what = (
            msg("panel.total_name", name=repr(frame[named].iloc[row]))
            if named
            else msg("panel.total_code", code=code)
        )
        raise DataError(
            msg("panel.total_row", what=what, hint=total_hint(path)),
            file=path,
            line=row + 2,
            field=named or CODE,
        )


#: A region within this share of the sum of the others in most years is a total row.
NEAR_SUM = 0.02


def _check_sum_rows(gdp: FloatArray, codes: list[str], frame: pd.DataFrame, path: Path) -> None:
    """Refuse a region whose GDP is within 2 % of the sum of all the others in most years (a total
    row: the published total is seldom exactly the sum of its parts)."""
    if gdp.shape[1] < 3:
        return
    others = gdp.sum(axis=1, keepdims=True) - gdp
    near = (np.abs(gdp - others) <= NEAR_SUM * others).sum(axis=0)
    total = near > gdp.shape[0] / 2
    if total.any():
        i = int(np.argmax(np.where(total, near, -1)))
        row = int(np.flatnonzero((frame[CODE] == codes[i]).to_numpy())[0])
        raise DataError(
            msg(
                "panel.sum_row",
                code=codes[i],
                name=frame[ZH].iloc[row],
                share=f"{NEAR_SUM:.0%}",
                near=near[i],
                years=gdp.shape[0],
                hint=total_hint(path),
            ),
            file=path,
            line=row + 2,
            field=GDP,
        )


def _source_ids(frame: pd.DataFrame, key: str) -> pd.Series:
    if SOURCE not in frame.columns:
        return pd.Series("", index=frame.index)
    # the vintage is the id up to any "@" (what follows names an imported file: sim/inputs/panel_import.py)
    return frame[SOURCE].str.extract(rf"(?:^|\|){key}:([^|@]*)", expand=False).fillna("")


def _grid(frame: pd.DataFrame, years: IntArray, path: Path) -> tuple[IntArray, list[str], IntArray, IntArray]:
    codes = list(dict.fromkeys(frame[CODE].tolist()))
    keys = pd.DataFrame({"c": frame[CODE], "y": years})
    dup = keys.duplicated()
    if dup.any():
        row = int(np.flatnonzero(dup.to_numpy())[0])
        raise DataError(
            msg("panel.duplicate_row", code=frame[CODE].iloc[row], year=years[row]),
            file=path,
            line=row + 2,
            field=YEAR,
        )
    all_years = np.arange(years.min(), years.max() + 1)
    present = set(years.tolist())
    gaps = [int(y) for y in all_years if y not in present]
    if gaps:
        raise DataError(msg("panel.year_gap", year=gaps[0]), file=path, field=YEAR)
    if len(codes) < 2:
        raise DataError(msg("panel.two_regions"), file=path, field=CODE)
    code_idx = pd.Index(codes).get_indexer(frame[CODE])
    year_idx = years - all_years[0]
    counts = np.bincount(year_idx * len(codes) + code_idx, minlength=all_years.size * len(codes))
    counts = counts.reshape(all_years.size, len(codes))
    if (counts == 0).any():
        t, i = np.argwhere(counts == 0)[0]
        raise DataError(
            msg("panel.missing_region_year", code=codes[i], year=all_years[t]),
            file=path,
            field=CODE,
        )
    return all_years.astype(np.int64), codes, year_idx, code_idx


def _to_grid(
    values: FloatArray | np.ndarray, shape: tuple[int, int], ti: IntArray, ci: IntArray
) -> np.ndarray:
    out = np.empty(shape, dtype=np.asarray(values).dtype)
    out[ti, ci] = values
    return out


def load_panel(
    path: str | Path | None = None,
    *,
    encoding: str | None = None,
    scope_of: Path | None = None,
    contents: Mapping[Path, bytes] | None = None,
) -> Panel:
    """Read and validate a panel CSV (default: the bundled 31-province panel).

    ``encoding``: the CSV's text encoding; by default the metadata's ``encoding:`` or detected
    (UTF-8, then GB18030, which also reads GBK); ``Panel.encoding`` says which was used.
    The scope (what the regions are, :mod:`sim.inputs.scope`) comes from the metadata file beside
    the CSV. The aggregate ("national") series is the bundled national file for the bundled panel,
    the metadata's ``aggregate.series`` where given, otherwise the sum of the regions (nominal GDP,
    previous-year-GDP weighted real growth). ``scope_of``: another panel whose metadata applies
    (a vintage of it), without its aggregate series (a vintage's aggregate is its own sum).

    ``contents``: files as they would be (path -> bytes) instead of what is on disk, so a panel
    about to be written is checked by the same rules before it replaces the old one.
    """
    path = Path(path) if path is not None else DEFAULT_PANEL
    pending = {Path(p).resolve(): data for p, data in (contents or {}).items()}
    frame = _read_csv(
        path, PANEL_REQUIRED, encoding or meta_encoding(scope_of or path), pending.get(path.resolve())
    )
    used, digest = str(frame.attrs.get("encoding", "utf-8")), str(frame.attrs["sha256"])
    if EN not in frame.columns and ZH not in frame.columns:
        raise DataError(msg("panel.missing_name", en=EN, zh=ZH), file=path, line=1, field=ZH)
    if ZH not in frame.columns or (frame[ZH] == "").all():
        frame[ZH] = frame[EN]
    if EN not in frame.columns or (frame[EN] == "").all():
        frame[EN] = frame[ZH]
    years = _years(frame, path)
    gdp = _numbers(frame, GDP, path)
    _positive(gdp, GDP, path)
    real = _numbers(frame, REAL, path)
    _positive(real, REAL, path, floor=-100.0)
    pop = _numbers(frame, POP, path, allow_empty=True) if POP in frame.columns else np.full(gdp.shape, np.nan)
    _positive(np.where(np.isnan(pop), 1.0, pop), POP, path)
    _check_identity(frame, path)
    listed = tuple(str(c) for c in frame[CODE].unique())  # in order of appearance
    scope = _scope(scope_of or path, listed, None if scope_of is not None else digest)
    if scope_of is not None:  # a vintage of another panel: its words, groups, targets; its own sum
        scope = replace(scope, series=None)
    _check_totals(frame, path, panel_totals(scope, listed))
    all_years, codes, ti, ci = _grid(frame, years, path)
    shape = (all_years.size, len(codes))
    first = frame.drop_duplicates(CODE)  # a region's first row: its names (one per code, checked)
    regions = Regions(tuple(codes), tuple(first[EN].tolist()), tuple(first[ZH].tolist()))
    gdp_v = _to_grid(_source_ids(frame, "gdp").to_numpy(), shape, ti, ci)
    rg_v = _to_grid(_source_ids(frame, "rg").to_numpy(), shape, ti, ci)
    nominal_break = np.zeros(shape, dtype=bool)
    nominal_break[1:] = gdp_v[1:] != gdp_v[:-1]
    nominal_break[0] = True
    real_start = np.zeros(shape, dtype=bool)
    real_start[1:] = rg_v[1:] != rg_v[:-1]
    gdp_g = _to_grid(gdp, shape, ti, ci)
    _check_sum_rows(gdp_g, codes, frame, path)
    real_g = _to_grid(real, shape, ti, ci)
    national = (
        load_national(
            scope.series,
            all_years,
            gdp_g,
            real_g,
            pending.get(scope.series.resolve()),
            aggregate_zh=scope.aggregate_zh,
        )
        if scope.series is not None
        else aggregate_national(all_years, gdp_g, real_g)
    )
    files = {str(path): digest}  # the bytes parsed, not the file read again
    if national.path is not None:
        files[str(national.path)] = national.sha256 or _sha256(national.path, pending)
    if scope.path is not None:
        files[str(scope.path)] = _sha256(scope.path, pending)
    return Panel(
        path=path,
        sha256=files[str(path)],
        years=all_years,
        regions=regions,
        gdp=gdp_g,
        real_growth_pct=real_g,
        population=_to_grid(pop, shape, ti, ci),
        nominal_break=nominal_break,
        real_vintage_start=real_start,
        national=national,
        files=files,
        scope=scope,
        encoding=used,
        status=_status(frame, path, shape, ti, ci),
    )


def _status(frame: pd.DataFrame, path: Path, shape: tuple[int, int], ti: IntArray, ci: IntArray) -> np.ndarray | None:
    """The ``status`` column as ``(year, region, 3)`` codes (None without the column): tokens
    ``preliminary`` (every value of the row) and ``estimated:FIELD`` (gdp, real_growth or
    population), separated by ``;``; empty or ``final`` = final."""
    if STATUS not in frame.columns:
        return None
    codes = np.zeros((len(frame), len(STATUS_FIELDS)), dtype=np.int8)
    for row, text in enumerate(frame[STATUS].tolist()):
        for token in filter(None, (t.strip() for t in str(text).split(";"))):
            kind, _, what = token.partition(":")
            if kind in ("", "final") and not what:
                continue
            if kind == "preliminary" and not what:
                codes[row] = np.maximum(codes[row], 1)
            elif kind == "estimated" and what in STATUS_FIELDS:
                codes[row, STATUS_FIELDS.index(what)] = 2
            else:
                fields = [Words(f, f) for f in STATUS_FIELDS]
                raise DataError(
                    msg("panel.unknown_status", token=repr(token), fields=fields),
                    file=path,
                    line=int(frame.index[row]) + 2,
                    field=STATUS,
                )
    out = np.zeros((*shape, len(STATUS_FIELDS)), dtype=np.int8)
    out[ti, ci] = codes
    return out if out.any() else None


def _scope(path: Path, codes: tuple[str, ...], digest: str | None = None) -> Scope:
    """The panel's scope; the bundled panel has the national series and the bundled targets, its
    vintages the bundled targets (their aggregate is their own sum). Which panel a file is, is
    decided by its content: a byte-for-byte copy of the bundled panel, wherever it lies, is the
    bundled panel (the same nation, the same targets, the same answer)."""
    scope = load_scope(path, codes)
    if scope.path is not None:
        return scope
    resolved = path.resolve()
    kind = bundled_digests().get(digest or sha256_of(path))
    if resolved == DEFAULT_PANEL.resolve() or kind == "panel":
        return with_bundled(PROVINCIAL, DEFAULT_NATIONAL, DEFAULT_TARGETS)
    if resolved.parent == VINTAGES_DIR.resolve() or kind == "vintage":
        return with_bundled(PROVINCIAL, None, DEFAULT_TARGETS)
    return scope


def panel_totals(scope: Scope, codes: tuple[str, ...]) -> TotalRows:
    """How a total row of the panel with ``codes`` and ``scope`` is recognised (its parent's codes
    and names: :class:`sim.inputs.scope.TotalRows`)."""
    return total_rows(scope, codes, _province_names())


def encoding_note(panel: Panel) -> str | None:
    """A note when the panel was not read as UTF-8: which encoding was used (for the CLI)."""
    return None if panel.encoding == "utf-8" else panel.encoding


def vintages_dir(panel: str | Path | None = None) -> Path:
    """The folder of a panel's vintages: ``vintages/`` beside it (``data/vintages/`` for the
    bundled panel)."""
    return VINTAGES_DIR if panel is None else Path(panel).parent / "vintages"


def vintage_names(panel: str | Path | None = None) -> tuple[str, ...]:
    """Names of the vintages of ``panel`` (default: the bundled panel), oldest first by name,
    ``"current"`` (the panel itself) last. A name may be Chinese (普查修订)."""
    return (*sorted(p.stem for p in vintages_dir(panel).glob("*.csv")), CURRENT_VINTAGE)


def load_vintage(name: str, panel: str | Path | None = None) -> Panel:
    """``panel`` (default: the bundled panel) as published in vintage ``name`` (see
    :func:`vintage_names`): ``vintages/NAME.csv`` beside it, read with the panel's metadata.

    A vintage panel's aggregate series is its own sum (old provincial figures summed to more than
    the national accounts), so shares of the total stay consistent within a vintage."""
    if name == CURRENT_VINTAGE:
        return load_panel(panel)
    path = vintages_dir(panel) / f"{name}.csv"
    if not path.is_file():
        raise DataError(
            msg("panel.no_vintage", name=repr(name), names=", ".join(vintage_names(panel))), field="vintage"
        )
    return load_panel(path) if panel is None else load_panel(path, scope_of=Path(panel))


def weighted_real_growth(gdp: FloatArray, real_pct: FloatArray) -> FloatArray:
    """Previous-year-GDP-weighted mean of regional real growth, per year (NaN in year 0)."""
    out = np.full(gdp.shape[0], np.nan)
    weights = gdp[:-1]
    out[1:] = (weights * real_pct[1:]).sum(axis=1) / weights.sum(axis=1)
    return out


def aggregate_national(years: IntArray, gdp: FloatArray, real_pct: FloatArray) -> National:
    """The panel's own aggregate, used as the 'national' reference for non-bundled panels."""
    real = weighted_real_growth(gdp, real_pct)
    real[0] = real[1] if real.size > 1 else 0.0
    brk = np.zeros(years.shape, dtype=bool)
    brk[0] = True
    return National(
        path=None,
        years=years,
        gdp=gdp.sum(axis=1),
        real_growth_pct=real,
        real_derived=np.ones(years.shape, dtype=bool),
        nominal_break=brk,
    )


def load_national(
    path: Path,
    years: IntArray,
    gdp: FloatArray,
    real_pct: FloatArray,
    data: bytes | None = None,
    *,
    aggregate_zh: str = "全国",
) -> National:
    """National file aligned to the panel's years; missing real growth derived from the panel
    (``data``: the file's bytes when they are not on disk yet; ``aggregate_zh``: what the Chinese
    messages call the aggregate, 全国 or the panel's own word)."""
    frame = _read_csv(path, NATIONAL_REQUIRED, data=data)
    digest = str(frame.attrs["sha256"])
    nat_years = _years(frame, path)
    nat_gdp = _numbers(frame, GDP, path)
    _positive(nat_gdp, GDP, path)
    nat_real = _numbers(frame, REAL, path, allow_empty=True)
    all_real = nat_real.copy()
    missing = [int(y) for y in years if y not in set(nat_years.tolist())]
    if missing:
        national = Words("national", aggregate_zh)
        why = msg("panel.no_national_row", national=national, year=missing[0])
        raise DataError(why, file=path, field=YEAR)
    order = pd.Index(nat_years).get_indexer(pd.Index(years))
    nat_gdp, nat_real = nat_gdp[order], nat_real[order]
    derived = np.isnan(nat_real)
    nat_real = np.where(derived, weighted_real_growth(gdp, real_pct), nat_real)
    vintage = _source_ids(frame, "gdp").to_numpy()[order]
    brk = np.zeros(years.shape, dtype=bool)
    brk[0] = True
    brk[1:] = vintage[1:] != vintage[:-1]
    prelim = None
    if STATUS in frame.columns:
        prelim = frame[STATUS].str.contains("preliminary", regex=False).to_numpy()[order]
    whole = np.argsort(nat_years, kind="stable")
    return National(
        path=path,
        years=years,
        gdp=nat_gdp,
        real_growth_pct=nat_real,
        real_derived=derived,
        nominal_break=brk,
        sha256=digest,
        preliminary=prelim,
        history_years=nat_years[whole],
        history_real_pct=all_real[whole],
    )


@dataclass(frozen=True)
class Targets:
    """Announced real-growth targets: ``values[(code, year)] = pct`` and their wording."""

    path: Path
    sha256: str
    values: dict[tuple[str, int], float]
    texts: dict[tuple[str, int], str]
    kinds: dict[tuple[str, int], str] = field(default_factory=dict)  # about / above / range / ""

    def years(self) -> list[int]:
        """Years with at least one announced target, ascending."""
        return sorted({y for _, y in self.values})


def load_targets(path: str | Path | None = None) -> Targets:
    """Read the growth-targets CSV; rows with an empty value (not found) are skipped."""
    path = Path(path) if path is not None else DEFAULT_TARGETS
    frame = _read_csv(path, TARGET_REQUIRED)
    digest = str(frame.attrs["sha256"])
    frame[CODE] = frame[CODE].str.strip()
    years = _years(frame, path)
    vals = _numbers(frame, "target_real_growth_pct", path, allow_empty=True)
    text = frame["target_text"] if "target_text" in frame.columns else pd.Series("", index=frame.index)
    kind = frame["target_kind"] if "target_kind" in frame.columns else pd.Series("", index=frame.index)
    values: dict[tuple[str, int], float] = {}
    texts: dict[tuple[str, int], str] = {}
    kinds: dict[tuple[str, int], str] = {}
    for code, year, val, txt, k in zip(frame[CODE], years.tolist(), vals.tolist(), text, kind, strict=True):
        if np.isfinite(val):
            values[(code, year)] = val
            texts[(code, year)] = txt
            kinds[(code, year)] = k
    return Targets(path, digest, values, texts, kinds)
