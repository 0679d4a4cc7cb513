"""Labels in the caller's language (:func:`t`, from the catalogue sim.messages), the panel's words in
them, and the project's colours."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType
from typing import TYPE_CHECKING

from sim.inputs.scope import Scope
from sim.messages import CATALOGUE, LANGS, Words, nation_words
from sim.messages.labels import MESSAGES as LABELS
from sim.messages.labels import PANEL_WORDS

if TYPE_CHECKING:
    from sim.inputs.panel import Regions

#: Okabe-Ito colour-blind-safe palette.
TARGET_COLOR = "#D55E00"  # vermillion: the target, in every chart
THRESHOLD_FILL = "rgba(0, 158, 115, 0.12)"  # bluish green band: inside the threshold
THRESHOLD_LINE = "#009E73"
GREY = "#BDBDBD"
HIGHLIGHT = ("#0072B2", "#E69F00", "#CC79A7", "#56B4E9", "#009E73", "#000000", "#F0E442")
#: GB/T 2260 first digit -> traditional macro-region (bundled provincial codes).
REGION_OF_DIGIT = {
    "1": "north",
    "2": "northeast",
    "3": "east",
    "4": "central_south",
    "5": "southwest",
    "6": "northwest",
}
REGION_COLORS = {
    "north": "#0072B2",
    "northeast": "#56B4E9",
    "east": "#009E73",
    "central_south": "#E69F00",
    "southwest": "#CC79A7",
    "northwest": "#7F7F7F",
    "other": "#7F7F7F",
}


#: The labels (sim.messages.labels) by language, read-only, for code that asks whether a label
#: exists (``key in TEXT["zh"]``); :func:`t` shows them. A label without words in Chinese (the scalar
#: series ``ds_base_year``, ``ds_horizon``, ``ds_threshold_rank``: their change names them) is not in
#: ``TEXT["zh"]``, so a Chinese table keeps such a series' key.
TEXT: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": MappingProxyType({key: en for key, (en, _) in LABELS.items()}),
        "zh": MappingProxyType({key: zh for key, (_, zh) in LABELS.items() if zh}),
    }
)

#: The shown panel's aggregate (Inner Mongolia / 全区) while a panel that is not China's provinces
#: is shown; None: China's words. Set by :func:`aggregate_wording` around a command or a report.
_AGGREGATE: ContextVar[Words | None] = ContextVar("ranksim_aggregate", default=None)
#: English -> Chinese names of the shown panel's regions and aggregate (warnings name them).
_NAMES: ContextVar[dict[str, str] | None] = ContextVar("ranksim_names", default=None)
#: China's panel words by language (sim.messages.labels.PANEL_WORDS).
_NATION_WORDS = {lang: {name: words[i] for name, words in PANEL_WORDS.items()} for i, lang in enumerate(LANGS)}


@contextmanager
def aggregate_wording(scope: Scope, regions: Regions | None = None) -> Iterator[None]:
    """Inside this block the panel's words of every label (:func:`panel_words`) name the panel's
    aggregate (全区, Inner Mongolia) where China's provinces say 全国 / national. With ``regions``,
    warnings name the panel's regions and aggregate in Chinese (:func:`warning_line`)."""
    token = _AGGREGATE.set(None if scope.is_national else nation_words(scope))
    names = _NAMES.set(panel_names(regions, scope) if regions is not None else _NAMES.get())
    try:
        yield
    finally:
        _NAMES.reset(names)
        _AGGREGATE.reset(token)


def panel_words(lang: str) -> dict[str, str]:
    """The panel's words of a label in ``lang`` (``{nation}``, ``{national}``, ``{National}``,
    ``{nation_zh}``: sim.messages.labels.PANEL_WORDS): China's, or inside :func:`aggregate_wording`
    the shown panel's aggregate (``{nation_zh}``: its Chinese name in either language)."""
    aggregate = _AGGREGATE.get()
    lang = "zh" if lang == "zh" else "en"
    if aggregate is None:
        return _NATION_WORDS[lang]
    return {name: aggregate.zh if name == "nation_zh" else aggregate.render(lang) for name in PANEL_WORDS}


def t(lang: str, key: str, **kw: object) -> str:
    """Label ``key`` of the catalogue (sim.messages) in ``lang`` (English unless "zh"), formatted with
    ``kw`` and the panel's words (:func:`panel_words`)."""
    en, zh = CATALOGUE[key]
    return (zh if lang == "zh" else en).format(**panel_words(lang), **kw)


#: The possessive a note uses for one region of a panel, by region kind (sim.inputs.scope.REGION_KINDS):
#: 该省 for a province, 该地区 where the kind has no single word (a league is not a city).
REGION_WORDS = {
    "en": {"province": "the province's", "city": "the city's", "county": "the county's",
           "country": "the country's", "region": "the region's"},
    "zh": {"province": "该省", "city": "该地区", "county": "该县", "country": "该国", "region": "该地区"},
}  # fmt: skip


def region_word(lang: str, kind: str) -> str:
    """"the province's" / 该省 for the panel's kind of region (:data:`REGION_WORDS`)."""
    table = REGION_WORDS.get(lang, REGION_WORDS["en"])
    return table.get(kind, table["region"])


def macro_region(code: str) -> str:
    """Macro-region of a GB/T 2260 provincial code; 'other' for any other code."""
    return REGION_OF_DIGIT.get(code[:1], "other") if len(code) == 2 and code.isdigit() else "other"


# --------------------------------------------------------------------------- issue 15 part 3: errors in Chinese
#: The one-line errors a planner can cause, in Chinese (``--lang zh`` or ``RANKSIM_LANG=zh``). Each
#: entry is an English message template as a regular expression (matched against the whole
#: message, never the ``file:line: field:`` part) and its Chinese text; a group named ``t_...``
#: is itself a message part and is translated by the same table. A message no entry matches
#: (or with a part none matches) stays in English.
_Q = r"(?:'[^']*'|\"[^\"]*\")"  # a value as Python's repr quotes it
ERROR_TEXT_ZH: tuple[tuple[str, str], ...] = (
    # -- parts that follow a message
    (r"", ""),
    (rf" \(did you mean (?P<s>{_Q})\?\)(?P<t_rest>.*)", "（是否指 {s}？）{t_rest}"),
    (r" \(use an English or Chinese name or a code; `ranksim data` lists them\)",
     "（请用中文名、英文名或代码；`ranksim data` 列出全部地区）"),
    (r" \(known keys: (?P<k>.*)\)", "（可用的键：{k}）"),
    (rf" in parameter (?P<p>{_Q})(?P<t_rest>.*)", "（参数 {p}）{t_rest}"),
    (r" \(remove thousands separators\)", "（请去掉千位分隔符）"),
    (r" \(see (?P<h>`[^`]*`)\)", "（见 {h}）"),
    (r"percent per year", "每年百分比"),
    (r"pp", "百分点"),
    (r"a space", "半角空格"),
    (r"(?P<q>'.')", "半角 {q}"),
    # -- unknown keys, regions, parameters; missing fields
    (rf"unknown key (?P<k>{_Q})(?P<t_rest>.*)", "未知的键 {k}{t_rest}"),
    (r"required field is missing", "缺少必填字段"),
    (rf"unknown (?:province|region) (?P<k>{_Q})(?P<t_rest>.*)", "未知地区 {k}{t_rest}"),
    (rf"unknown parameter (?P<p>{_Q}) \(known: (?P<k>.*)\)", "未知参数 {p}（可用：{k}）"),
    (rf"(?P<a>{_Q}) and (?P<b>{_Q}) are the same province; give it once", "{a} 与 {b} 是同一地区；只需写一次"),
    # -- numbers
    (r"not a number: (?P<v>.*?)(?P<t_rest>(?: \(.*\))?)", "不是数字：{v}{t_rest}"),
    (r"(?P<v>.*) is not a number \(growth in percent per year: write 6, not '6%'\)",
     "{v} 不是数字（增速按每年百分比：写 6，不要写 '6%'）"),
    (r"(?P<v>.*) is not a finite number", "{v} 不是有限数值"),
    (r"must be a finite number, got (?P<v>.*)", "必须是有限数值，实际为 {v}"),
    (r"must be a finite number \((?P<t_u>[^)]*)\), got (?P<v>.*)", "必须是有限数值（{t_u}），实际为 {v}"),
    (r"must be a whole number, got (?P<v>.*)", "必须是整数，实际为 {v}"),
    (r"must be a whole number", "必须是整数"),
    (r"must be a whole number of at least (?P<a>\S+), got (?P<v>.*)", "必须是不小于 {a} 的整数，实际为 {v}"),
    (r"not a whole number: (?P<v>.*)", "不是整数：{v}"),
    (r"not a year: (?P<v>.*)", "不是年份：{v}"),
    (r"(?P<v>.*) is not a year; write (?P<e>\{.*\})", "{v} 不是年份；请写成 {e}"),
    (r"write (?P<n>\S+) \(percent per year\), not (?P<v>.*)", "请写 {n}（每年百分比），不要写 {v}"),
    (r"(?P<v>\S+) looks like a fraction; growth is in percent per year, so write (?P<n>\S+) for \S+ % "
     r"\(values below 0\.25 everywhere are refused as ambiguous\)",
     "{v} 像是小数比例；增速按每年百分比填写，6% 请写 {n}（各处都小于 0.25 的值有歧义，不予接受）"),
    # -- out of range
    (r"year (?P<y>\d{4}): (?P<t_rest>.*)", "{y}年：{t_rest}"),
    (r"must be between (?P<a>\S+) and (?P<b>\S+) \((?P<t_u>[^)]*)\), got (?P<v>\S+): the hard limit "
     r"of every growth, deflator, lead and shift \(in the data provinces' nominal growth ran from (?P<lo>\S+) "
     r"to (?P<hi>\S+) % a year\)",
     "必须在 {a} 与 {b} 之间（{t_u}），实际为 {v}：这是增速、平减指数、领先幅度与临时调整共同的硬性界限（数据中各地区名义增速在每年 {lo}% 至 {hi}% 之间）"),
    (r"must be between (?P<a>\S+) and (?P<b>\S+) for a panel of (?P<n>\d+) regions, got (?P<v>.*)",
     "必须在 {a} 与 {b} 之间（共 {n} 个地区），实际为 {v}"),
    (r"(?:threshold )?must be between (?P<a>\S+) and (?P<b>\S+)", "必须在 {a} 与 {b} 之间"),
    (r"must be at least (?P<a>\S+), got (?P<v>.*)", "必须不小于 {a}，实际为 {v}"),
    (r"must be 0 or more, got (?P<v>.*)", "必须大于或等于 0，实际为 {v}"),
    (r"must be positive, got (?P<v>.*)", "必须为正数，实际为 {v}"),
    (r"must be after the base year (?P<b>\d+), got (?P<v>.*)", "必须晚于基准年 {b}，实际为 {v}"),
    (r"must be after the base year (?P<b>\d+) and at most the horizon (?P<h>\d+), got (?P<v>.*)",
     "必须晚于基准年 {b} 且不晚于预测终点 {h}，实际为 {v}"),
    (r"must be within the data, (?P<r>\S+); got (?P<v>.*)", "必须在数据年份 {r} 之内，实际为 {v}"),
    (r"must lie within (?P<r>\S+) \(growth needs a previous year\)", "必须在 {r} 之内（计算增速需要前一年的数据）"),
    (r"(?P<y>\S+) is outside the projection \((?P<r>[^)]*)\)", "{y} 超出预测范围（{r}）"),
    (r"every year of the window is excluded", "窗口内的每一年都被排除了"),
    (r"extends cycle: (?P<c>.*)", "extends 形成循环：{c}"),
    (r"write FIRST:LAST, e\.g\. 2008:2019; got (?P<v>.*)", "请写成 起始年:结束年，例如 2008:2019；实际为 {v}"),
    (r"years out of order: (?P<v>.*); write \[first, last\]", "年份顺序颠倒：{v}；请写成 [起始年, 结束年]"),
    (r"stop (?P<b>\S+) is below start (?P<a>\S+)", "终点 {b} 小于起点 {a}"),
    (r"low (?P<a>\S+) must be below high (?P<b>\S+)", "下限 {a} 必须小于上限 {b}"),
    (r"must be a power of two of at least (?P<a>\d+) \(Sobol sequences need it\), got (?P<v>\d+); "
     r"try (?P<x>\d+) or (?P<y>\d+)", "必须是不小于 {a} 的 2 的幂（Sobol 序列的要求），实际为 {v}；可改为 {x} 或 {y}"),
    (r"must be a mapping of `key: value` lines(?P<t_rest>.*)", "必须是由 `键: 值` 行组成的映射{t_rest}"),
    (r", got (?P<v>.*)", "，实际为 {v}"),
    (r"must be a mapping of province name to \{real_growth, deflator\}",
     "必须是“地区名 → {real_growth, deflator}”的映射"),
    (r"must be a list like \[first, last\](?P<t_rest>.*)", "必须是 [起始年, 结束年] 形式的列表{t_rest}"),
    # -- files
    (r"file not found", "找不到文件"),
    (r"file not found: (?P<p>.*)", "找不到文件：{p}"),
    (r"data file not found: (?P<p>.*)", "找不到数据文件：{p}"),
    (r"extended file not found: (?P<p>.*)", "找不到 extends 所指的文件：{p}"),
    (r"is a folder, not a scenario file \(give a \.yaml file in it\)", "是文件夹而不是情景文件（请给出其中的 .yaml 文件）"),
    (r"(?P<p>.*) cannot be created: (?P<t_rest>.*)", "无法创建 {p}：{t_rest}"),
    (r"(?P<p>.*) is a file, not a folder", "{p} 是文件，不是文件夹"),
    (r"is a file, not a folder", "是文件，不是文件夹"),
    (r"must end in \.html, \.png or \.svg, got (?P<v>.*)", "必须以 .html、.png 或 .svg 结尾，实际为 {v}"),
    (r"missing column \(required: (?P<c>.*)\)", "缺少列（必需的列：{c}）"),
    (r"duplicate row for region (?P<r>\S+) year (?P<y>\d+)", "地区 {r} 的 {y} 年有重复的行"),
    (r"gap in years: no row for (?P<y>\d+)", "年份不连续：缺少 {y} 年的行"),
    (r"missing region-year: region (?P<r>\S+) has no row for (?P<y>\d+)", "缺少地区年份：地区 {r} 没有 {y} 年的行"),
    (r"no data rows", "没有数据行"),
    (r"cannot be read as (?P<e>\S+) \(byte (?P<b>\d+)\); leave out the encoding to detect it",
     "无法按 {e} 编码读取（第 {b} 个字节）；不指定编码即可自动识别"),
    (r"UTF-16 text \(Excel's 'Unicode text'\); save the file as 'CSV UTF-8'",
     "UTF-16 文本（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”"),
    (rf"code (?P<c>\S+) has two names: (?P<a>{_Q}) and (?P<b>{_Q})", "代码 {c} 有两个名称：{a} 和 {b}"),
    (r"empty file; a scenario needs at least `name:`", "空文件；情景文件至少需要 `name:`"),
    # -- total rows and names of a panel (yearbook tables as they come: docs/panels.md)
    (r"a total row, not a region \((?P<t_what>[^)]*)\)(?P<t_rest>;.*)", "这是合计行，不是地区（{t_what}）{t_rest}"),
    (r"region (?P<c>\S+) \((?P<n>[^)]*)\) is within (?P<p>\d+%) of the sum of the other regions in "
     r"(?P<k>\d+) of (?P<y>\d+) years: a total row, not a region(?P<t_rest>;.*)",
     "地区 {c}（{n}）在 {y} 年中有 {k} 年与其他地区之和相差不到 {p}：这是合计行，不是地区{t_rest}"),
    (rf"name (?P<n>{_Q})", "名称 {n}"),
    (rf"(?P<n>{_Q}): within (?P<p>\d+%) of the sum of the other rows in (?P<k>\d+) of (?P<y>\d+) years",
     "{n}：{y} 年中有 {k} 年与其他各行之和相差不到 {p}"),
    (r"code (?P<c>\S+)", "代码 {c}"),
    (r"; move it to a file of its own \(year, (?P<g>\S+), (?P<r>\S+)\) and name that file as "
     r"aggregate\.series in (?P<m>\S+) \(docs/panels\.md\)",
     "；请把它移到单独的文件（year, {g}, {r} 三列），并在 {m} 中以 aggregate.series 指定该文件（见 docs/panels.md）"),
    (rf"(?P<a>{_Q}) and (?P<b>{_Q}) are one name with and without its ending \(codes (?P<c>\S+) and (?P<d>\S+)\): "
     r"the same region twice\? give each region its own name",
     "{a} 与 {b} 只差一个后缀（代码 {c} 和 {d}）：是同一地区写了两次吗？请给每个地区不同的名称"),
    (r"empty", "空白"),
    (r"required for a panel other than the bundled one", "使用自带数据表以外的数据时必须给出"),
    (r"not UTF-8 text", "不是 UTF-8 文本"),
    (r"(?P<f>\S+) has no announced targets: name a targets file in (?P<m>\S+) \(targets: FILE\.csv\), or use "
     r"model: spread", "{f} 没有公布的增长目标：请在 {m} 中指定目标文件（targets: 文件.csv），或改用 model: spread"),
    # -- the panel metadata file (docs/panels.md)
    (r"must be one of (?P<a>.*), got (?P<v>.*)", "必须是 {a} 之一，实际为 {v}"),
    (r"unknown key \(known: (?P<k>.*)\)", "未知的键（可用：{k}）"),
    (r"not a code of the panel: (?P<c>.*)", "不是数据表中的代码：{c}"),
    (r"(?P<c>\S+) is already in group (?P<g>.*)", "{c} 已在分组 {g} 中"),
    (r"must be a mapping with en, zh \(and series\)", "必须是包含 en、zh（及 series）的映射"),
    (r"needs en, zh and a list of codes", "需要 en、zh 和代码列表 codes"),
    (r"must be a non-empty text", "必须是非空文字"),
    (r"must be a mapping of group key -> \{en, zh, codes\}", "必须是“分组键 → {en, zh, codes}”的映射"),
    (r"neither UTF-8 nor GB18030/GBK text; save the file as 'CSV UTF-8'",
     "既不是 UTF-8 也不是 GB18030/GBK 文本；请另存为“CSV UTF-8”"),
    (r"the data \((?P<d>\d+-\d+)\) allow a horizon of at most (?P<n>-?\d+) years \(two years before a jump-off, "
     r"the horizon after it\), got (?P<v>\d+)",
     "数据（{d}年）最多支持 {n} 年的预测期（起点之前需有两年数据，之后需有预测期长度的数据），实际为 {v}"),
    (r"no jump-off year in (?P<a>\d+):(?P<b>\d+) has (?P<h>\d+) years of data after it \(data (?P<d>\d+-\d+)\)",
     "{a}:{b} 中没有哪个起点年份之后有 {h} 年数据（数据 {d} 年）"),
    (r"a vintage name is letters \(Chinese too\), digits, '-' and '_', got (?P<v>.*)",
     "数据版本名称只能由文字（可以是汉字）、数字、'-' 和 '_' 组成，实际为 {v}"),
    (rf"no vintage (?P<v>{_Q}); the vintages are (?P<n>.*)", "没有数据版本 {v}；现有版本：{n}"),
    (r"no data rows", "没有数据行"),
    (rf"two regions have the name (?P<n>{_Q}) \(codes (?P<a>\S+) and (?P<b>\S+)\); give each region its own name",
     "两个地区同名 {n}（代码 {a} 和 {b}）；请给每个地区不同的名称"),
    # -- YAML syntax and full-width punctuation
    (r"YAML syntax: (?P<t_rest>.*)", "YAML 语法：{t_rest}"),
    (r"YAML tags are not allowed \((?P<t>.*)\)", "不允许使用 YAML 标签（{t}）"),
    (r"the file must be a mapping of `key: value` lines, not a list", "文件必须由 `键: 值` 行组成，不能是列表"),
    (r"the file must be a mapping of `key: value` lines, not a (?P<k>.*)", "文件必须由 `键: 值` 行组成，不能是 {k}"),
    (r"a tab character; use spaces, not tabs, to indent", "含有制表符（Tab）；请用空格缩进，不要用 Tab"),
    (r"duplicate key \"(?P<k>[^\"]*)\": it is already given above in the same block; give each key once",
     "重复的键 “{k}”：同一块中上方已经给出；每个键只写一次"),
    (r"this line is indented by (?P<n>\d+) spaces, which lines up with no key above it; indent it exactly "
     r"like the other keys of its block \(line (?P<p>\d+) has (?P<m>\d+) spaces\)",
     "此行缩进 {n} 个空格，与上方任何键都对不齐；请与同一块中的其他键缩进一致（第 {p} 行为 {m} 个空格）"),
    (r"this line is indented deeper than line (?P<p>\d+), which already has a value: indent it like line \d+ "
     r"\((?P<m>\d+) spaces\), or, if it belongs under line \d+, end line \d+ with ':' and no value",
     "此行比已有值的第 {p} 行缩进更深：请与第 {p} 行缩进一致（{m} 个空格）；如果它属于第 {p} 行之下，"
     "请让第 {p} 行以 ':' 结尾且不写值"),
    (rf"(?P<k>{_Q}) has no ':'; write `key: value` \(or `key:` followed by indented lines\)",
     "{k} 后没有 ':'；请写成 `键: 值`（或 `键:` 后接缩进的行）"),
    (r"a quote opened on this line is never closed; close it on the same line", "此行的引号没有闭合；请在同一行内闭合"),
    (r"a list item \('- \.\.\.'\) where `key: value` lines are expected; write `key: value`, or put the list "
     r"under a key \(`key:` and then indented `- item` lines\)",
     "此处应为 `键: 值` 行，却出现了列表项（'- ...'）；请写成 `键: 值`，或把列表放在某个键之下（`键:` 后接缩进的 `- 项` 行）"),
    (r"a second ':' on one line; put a value that contains ':' in quotes \(name: \"a: b\"\)",
     "一行中有第二个 ':'；含 ':' 的值请加引号（name: \"a: b\"）"),
    (r"text after a closing quote; put the whole value inside the quotes", "闭合引号之后还有文字；请把整个值放在引号内"),
    (r"the '(?P<o>.)' at column (?P<c>\S+) is not closed by '(?P<e>.)' on its line; write it as (?P<w>.*) on one "
     r"line, items separated by ', '", "第 {c} 列的 '{o}' 在本行没有用 '{e}' 闭合；请在一行内写成 {w}，各项以 ', ' 分隔"),
    (r"a value cannot start with (?P<c>'.') in YAML; put it in quotes", "YAML 中的值不能以 {c} 开头；请加引号"),
    (r"a full-width space at column (?P<c>\d+) \(typed with a Chinese input method\); use (?P<t_u>.*)",
     "第 {c} 列有全角空格（中文输入法输入）；请改用{t_u}"),
    (r"full-width (?P<q>'.') at column (?P<c>\d+) \(typed with a Chinese input method\); use (?P<t_u>.*)",
     "第 {c} 列有全角 {q}（中文输入法输入）；请改用{t_u}"),
    (r"(?P<v>.*) contains full-width punctuation \(typed with a Chinese input method\); use ASCII ':' ',' and spaces",
     "{v} 含有全角标点（中文输入法输入）；请改用半角 ':' ',' 和空格"),
    # -- bounded inputs, the app and imports (safe to run)
    (r"YAML anchors and aliases \(&name, \*name\) are not allowed; write values out",
     "不允许使用 YAML 锚点和别名（&name、*name）；请把值完整写出"),
    (r"YAML merge keys \(<<\) are not allowed; write the keys out", "不允许使用 YAML 合并键（<<）；请把各个键完整写出"),
    (r"YAML tags are not allowed \((?P<t>[^)]*)\)", "不允许使用 YAML 标签（{t}）"),
    (r"nested more than (?P<n>\d+) levels deep", "嵌套超过 {n} 层"),
    (r"a whole number of (?P<d>\d+) digits \(at most (?P<m>\d+)\)", "{d} 位的整数（最多 {m} 位）"),
    (r"the file has (?P<n>[\d,]+) bytes; a scenario file may have at most (?P<m>[\d,]+) \(1 MB\)",
     "文件有 {n} 字节；情景文件最多 {m} 字节（1 MB）"),
    (r"the file has more than (?P<m>[\d,]+) bytes \(at most 1 MB\)", "文件超过 {m} 字节（最多 1 MB）"),
    (r"not a regular file \(a device, pipe or socket\); give a \.yaml file", "不是普通文件（设备、管道或套接字）；请给出 .yaml 文件"),
    (r"(?P<v>.+) is not a regular file", "{v} 不是普通文件"),
    (r"year (?P<y>\S+) is outside (?P<a>\d+)-(?P<b>\d+)", "年份 {y} 超出 {a}-{b}"),
    (r"write the number in full, not (?P<v>.*)", "请把数字完整写出，而不是 {v}"),
    (r"a number of (?P<d>\d+) digits is not a statistic \(at most (?P<m>\d+)\)", "{d} 位的数字不是统计数据（最多 {m} 位）"),
    (r"changed by another program while this import ran; nothing written \(run it again\)",
     "导入过程中文件被其他程序修改；未写入任何内容（请重新运行）"),
    (r"another import into (?P<f>.+) is still running after (?P<s>[\d.]+) s; nothing written",
     "另一个导入 {f} 的任务在 {s} 秒后仍在运行；未写入任何内容"),
    (r"a file name ending in \.yaml \(letters, digits, - _ \. and spaces\)",
     "以 .yaml 结尾的文件名（字母、数字、- _ . 和空格）"),
    (r"that is the starting scenario; choose another name", "这是起始情景；请另选文件名"),
    (r"(?P<n>.+) is part of the starting scenario \(its extends chain\); choose another name",
     "{n} 属于起始情景（其 extends 链）；请另选文件名"),
    (r"(?P<p>\S+) is not a port \(1-65535\)", "{p} 不是端口号（1-65535）"),
    (r"port (?P<p>\d+) on (?P<h>\S+) is in use; choose another", "{h} 上的端口 {p} 已被占用；请另选端口"),
    (r"port (?P<p>\d+) on (?P<h>\S+) cannot be used \((?P<why>[^)]*)\); choose another",
     "{h} 上的端口 {p} 无法使用（{why}）；请另选端口"),
    # -- command-line arguments
    (r"argument (?P<f>\S+): (?P<t_m>.*?)(?P<t_rest>(?: \(see `[^`]*`\))?)", "参数 {f}：{t_m}{t_rest}"),
    (r"invalid choice: (?P<v>'[^']*') \(choose from (?P<c>.*)\)", "无效的选项 {v}（可选：{c}）"),
    (r"unrecognized arguments: (?P<a>.*?) \(did you mean (?P<s>'[^']*')\? see (?P<h>`[^`]*`)\)",
     "无法识别的参数：{a}（是否指 {s}？见 {h}）"),
    (r"unrecognized arguments: (?P<a>.*?) \(see (?P<h>`[^`]*`)\)", "无法识别的参数：{a}（见 {h}）"),
    (r"write PATH=START:STOP:STEP(?: \(three numbers\))?, got (?P<v>.*)", "请写成 路径=起点:终点:步长（三个数），实际为 {v}"),
    (r"give --set/--shift PATH=START:STOP:STEP or a `sweep:` section in the scenario",
     "请给出 --set/--shift 路径=起点:终点:步长，或在情景中写 `sweep:` 部分"),
    (r"no `sensitivity:` section in this scenario \(see the user guide, Scenario files\)",
     "此情景没有 `sensitivity:` 部分（见用户指南“情景文件”一页）"),
)  # fmt: skip
_ERROR_PATTERNS = tuple((re.compile(en), zh) for en, zh in ERROR_TEXT_ZH)


def error_message(message: str, lang: str) -> str:
    """An error's message (without its ``file:line: field:`` part) in ``lang``; English where the
    Chinese table has no entry for it."""
    if lang != "zh":
        return message
    found = _translate_error(message)
    return message if found is None else found


def _translate_error(message: str) -> str | None:
    for pattern, zh in _ERROR_PATTERNS:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        parts: dict[str, str] = {}
        for name, value in match.groupdict().items():
            if name.startswith("t_") and value:
                inner = _translate_error(value)
                if inner is None:
                    return None
                value = inner
            parts[name] = value or ""
        return _filled(zh, parts)
    return None


def _filled(template: str, parts: dict[str, str]) -> str:
    """``template`` with each ``{name}`` of ``parts`` replaced (other braces kept as written)."""
    return re.sub(r"\{(\w+)\}", lambda m: parts.get(m.group(1), m.group(0)), template)


# --------------------------------------------------------------------------- warnings in Chinese
#: Warnings a scenario can draw (``file:line: field: warning: MESSAGE``): the message part in
#: Chinese under ``--lang zh`` / ``RANKSIM_LANG=zh``, by the same whole-message patterns as errors.
WARNING_TEXT_ZH: tuple[tuple[str, str], ...] = (
    (r"a real-growth lead of (?P<v>[-+\d.]+) points over (?P<over>.+?) in (?P<span>\d{4}-\d{4}) is outside what "
     r"(?P<who>.+?) did in any (?P<n>\d+) years of the data \(5th-95th percentile (?P<lo>[-+\d.]+) to (?P<hi>[-+\d.]+)\)",
     "{span}年实际增速比{over}高{v}个百分点，超出{who}在数据中任何{n}年的表现（第5至第95百分位：{lo}至{hi}）"),
    (r"a deflator of (?P<v>[-\d.]+) % is outside every region's derived deflator in the data \((?P<lo>[-\d.]+) to (?P<hi>[-\d.]+) %\)",
     "价格指数{v}%超出数据中所有地区推算价格指数的范围（{lo}%至{hi}%）"),
    (r"(?P<v>[-\d.e]+) is read as (?P<w>[-\d.e]+) % a year; if you meant (?P<p>[-\d.e]+) %, write (?P<q>[-\d.e]+)",
     "{v}按每年{w}%理解；如果想写{p}%，请写 {q}"),
    (r"the deflator written for (?P<y>\d{4}) \((?P<v>.+?)\) is overridden by the preliminary GDP figure for \d{4} "
     r"\((?P<f>[\w.]+)\), which implies (?P<i>[-\d.]+) %; remove one of them",
     "所写的{y}年价格指数（{v}）被{y}年的初步核算GDP（{f}）覆盖，后者隐含的价格指数为{i}%；请删去其中之一"),
    (r"the national deflator written for (?P<y>\d{4}) is overridden by the preliminary GDP figure for \d{4} "
     r"\(national.gdp\), which implies (?P<i>[-\d.]+) %; remove one of them",
     "所写的{y}年全国价格指数被{y}年的初步核算GDP（national.gdp）覆盖，后者隐含的价格指数为{i}%；请删去其中之一"),
)  # fmt: skip
_WARNING_PATTERNS = tuple((re.compile(en), zh) for en, zh in WARNING_TEXT_ZH)


def warning_line(line: str, lang: str, names: Mapping[str, str] | None = None) -> str:
    """A warning line (``file:line: field: warning: message``) with its message in ``lang``; the
    whole line in English where no pattern matches. ``names``: English -> Chinese names of the
    panel's regions and aggregate (default: those of :func:`aggregate_wording`'s panel)."""
    if lang != "zh" or ": warning: " not in line:
        return line
    head, message = line.split(": warning: ", 1)
    text = warning_message(message, lang, names)
    return line if text is None else f"{head}：警告：{text}"


def warning_message(message: str, lang: str, names: Mapping[str, str] | None = None) -> str | None:
    """A warning's message (without ``file:line: field: warning:``) in Chinese, the regions and the
    aggregate named as the panel names them in Chinese (乌兰察布市, 全区); None where no pattern
    matches or ``lang`` is not Chinese."""
    if lang != "zh":
        return None
    table = {**(_NAMES.get() or {}), **(names or {})}
    for pattern, zh in _WARNING_PATTERNS:
        match = pattern.fullmatch(message)
        if match is not None:
            parts = {k: v or "" for k, v in match.groupdict().items()}
            if "over" in parts:
                over = parts["over"]
                parts["over"] = "全国" if over == "the nation" else table.get(over, _zh_name(over))
            if "who" in parts:
                parts["who"] = table.get(parts["who"], _zh_name(parts["who"]))
            return _filled(zh, parts).replace("高-", "低").replace("高+", "高")
    return None


def panel_names(regions: Regions, scope: Scope) -> dict[str, str]:
    """English -> Chinese names of a panel's regions and of its aggregate (Inner Mongolia -> 全区
    on the city panel; the nation's words stay with :func:`warning_message`)."""
    out = dict(zip(regions.en, regions.zh, strict=True))
    if not scope.is_national:
        out[scope.aggregate_en] = scope.aggregate_zh
    return out


@functools.cache
def _zh_name(en: str) -> str:
    """A bundled province's Chinese name from its English one (else the name as given)."""
    from sim.inputs.panel import load_panel

    try:
        regions = load_panel().regions
    except Exception:  # noqa: BLE001 - a name is only a label here
        return en
    return regions.zh[regions.en.index(en)] if en in regions.en else en


# --------------------------------------------------------------------------- `ranksim --help` in Chinese
#: The command line's help, by its English text (the message id, as gettext keys messages):
#: `RANKSIM_LANG=zh ranksim --help` and `ranksim run --help --lang zh` print these.
HELP_ZH: dict[str, str] = {
    "When, and how surely, does a region climb the GDP ranking?": "一个地区何时、以多大把握在GDP排名中晋位？",
    "print the version and exit": "显示版本号并退出",
    "show this help message and exit": "显示此帮助并退出",
    "project a scenario: reach year, passes, ranks": "预测一个情景：达到年份、超越、名次",
    "probability of reaching the threshold (correlated shocks)": "达到门槛的概率（相关冲击的蒙特卡洛模拟）",
    "would the method have been right? (against naive 'ranks stay')": "回测：方法过去是否准确？（与“名次不变”的朴素预测比较）",
    "what if? reach year over a grid of 1-3 parameters": "如果……会怎样？1-3个参数网格上的达到年份",
    "tornado and Sobol indices from the scenario's sensitivity section": "按情景的 sensitivity 部分计算龙卷风图和索博尔指数",
    "what constant real growth reaches the threshold by a year?": "到某年达到门槛需要多高的恒定实际增速？",
    "write one chart of a scenario (HTML; PNG/SVG with kaleido)": "输出情景的一张图（HTML、PNG或SVG）",
    "write one chart of a scenario (HTML, PNG or SVG)": "输出情景的一张图（HTML、PNG或SVG）",
    "the ranking table of one year of the data": "数据中某一年的排名表",
    "print the JSON Schema of the scenario format": "显示情景文件格式的JSON Schema",
    "check scenario files without running them": "检查情景文件（不运行）",
    "what changed between two scenarios, and how much each change moved the answer": "两个情景有何不同，每项变化使结论变动多少",
    "scenarios side by side: answers, P(reach), passes, what differs": "多个情景并列对比：结论、达到概率、超越、假设差异",
    "a local what-if app in the browser (127.0.0.1)": "在浏览器中打开本地的“如果……会怎样”应用（127.0.0.1）",
    "merge NBS data-portal exports (CSV) into a panel": "把国家统计局数据门户导出的CSV合并进面板数据",
    "folder for run.html, run.json, run.csv (projection), run_passes.csv and run_assumptions.csv": "输出文件夹：run.html、run.json、run.csv（预测）、run_passes.csv 和 run_assumptions.csv",
    "folder for montecarlo.html, montecarlo.json and montecarlo.csv": "输出文件夹：montecarlo.html、montecarlo.json 和 montecarlo.csv",
    "folder for backtest.html, backtest.json, backtest.csv and backtest_regions.csv": "输出文件夹：backtest.html、backtest.json、backtest.csv 和 backtest_regions.csv",
    "folder for sweep.html, sweep.json, sweep.csv and sweep_thresholds.csv": "输出文件夹：sweep.html、sweep.json、sweep.csv 和 sweep_thresholds.csv",
    "folder for sensitivity.html, sensitivity.json and sensitivity.csv": "输出文件夹：sensitivity.html、sensitivity.json 和 sensitivity.csv",
    "folder for solve.html, solve.json and solve.csv": "输出文件夹：solve.html、solve.json 和 solve.csv",
    "folder for solve.html, solve.json, solve.csv and solve_gaps.csv": "输出文件夹：solve.html、solve.json、solve.csv 和 solve_gaps.csv",
    "folder for diff.json, diff.csv and diff.html": "输出文件夹：diff.json、diff.csv 和 diff.html",
    "folder for compare.html, compare.json, compare.csv (answers) and compare_*.csv (long, with a scenario column)": "输出文件夹：compare.html、compare.json、compare.csv（结论）和 compare_*.csv（长表，含情景列）",
    "stem of the files written (default: the command's name)": "输出文件名的主干（默认：命令名）",
    "also write STEM.xlsx (summary sheet and every table)": "同时输出 STEM.xlsx（摘要表和所有表格）",
    "also write STEM_long.csv: the results in one long format (model, scenario, region, variable, unit, year, value)": "同时输出 STEM_long.csv：所有结果的统一长表（模型、情景、地区、变量、单位、年份、数值）",
    "print one JSON document on stdout": "在标准输出打印一个JSON文档",
    "language of texts and report (default: $RANKSIM_LANG, else en)": "文字和报告的语言（默认：$RANKSIM_LANG，否则为 en）",
    "do not write the HTML report": "不输出HTML报告",
    "language of the CSV and workbook headers, sheet names and categorical values (default: --lang; en keeps the English keys)": "CSV和工作簿的表头、工作表名和分类取值的语言（默认同 --lang；en 保留英文键名）",
    "years to show the target's rank for": "显示目标地区名次的年份",
    "years to report the target's rank for": "报告目标地区名次的年份",
    "years to report the gap to the threshold for": "报告与门槛差距的年份",
    "Monte Carlo paths (default none)": "蒙特卡洛路径数（默认：不模拟）",
    "Monte Carlo paths (default 100000)": "蒙特卡洛路径数（默认100000）",
    "Monte Carlo paths (default 10000)": "蒙特卡洛路径数（默认10000）",
    "Monte Carlo paths a scenario (default 10000)": "每个情景的蒙特卡洛路径数（默认10000）",
    "Monte Carlo paths per jump-off (coverage)": "每个起点年份的蒙特卡洛路径数（覆盖率）",
    "Monte Carlo paths per update (default 1000)": "每次更新的蒙特卡洛路径数（默认1000）",
    "random seed (default 0)": "随机种子（默认0）",
    "random seed, the same draws for every scenario (default 0)": "随机种子，各情景使用相同抽样（默认0）",
    "no progress bar": "不显示进度条",
    "scenario (default: the default model)": "情景文件（默认：默认模型）",
    "starting scenario (default: the default model)": "起始情景（默认：默认模型）",
    "jump-off years (default 2008:2019)": "起点年份（默认2008:2019）",
    "years ahead (default 5)": "预测年数（默认5）",
    "national growth: trailing 5-year means known at jump-off (default) or realised": "全国增速：起点时已知的近5年平均（默认）或实际值",
    "project from today's data (default) or from the data as published at each jump-off": "按当前数据（默认）或按各起点年份当时公布的数据预测",
    "set PATH to each value, e.g. 'provinces.Inner Mongolia.real_growth=4:9:0.25'": "把 PATH 依次设为各个值，例如 'provinces.内蒙古.real_growth=4:9:0.25'",
    "add percentage points to every year of PATH": "在 PATH 的每一年加上若干个百分点",
    "rows printed (default 40)": "打印的行数（默认40）",
    "deadline year": "截止年份",
    "reach with at least this Monte Carlo probability": "以至少这一蒙特卡洛概率达到",
    "with --probability: the curve too (slower)": "与 --probability 一起使用：同时计算曲线（较慢）",
    "the constant lead over the national path (points a year) instead": "改为求比全国增速高出的恒定百分点",
    "a plan period, e.g. 2026:2030: the constant growth over those years, the scenario's own path before and after": "规划期，例如 2026:2030：求规划期内的恒定增速，规划期前后按情景自身路径",
    "FILE.html, FILE.png or FILE.svg": "FILE.html、FILE.png 或 FILE.svg",
    "panel CSV (default: the bundled provincial panel)": "面板数据CSV（默认：内置的分省数据）",
    "the panel CSV's text encoding (default: detected, UTF-8 or GB18030/GBK)": "面板CSV的文字编码（默认：自动识别UTF-8或GB18030/GBK）",
    "the estimated deflator (price) models instead": "改为显示估计的价格（平减指数）模型",
    "the record of announced growth targets and outturns instead": "改为显示公布的增长目标及完成情况",
    "with --targets: one region (English or Chinese name, or code)": "与 --targets 一起使用：一个地区（中英文名称或代码）",
    "one year's ranking in every vintage, largest restatements": "某一年在各数据版本中的排名及最大修订",
    "language of the texts": "文字的语言",
    "language of the report": "报告的语言",
    "language of the app": "应用的语言",
    "portal exports; a later file wins": "数据门户导出文件；后面的文件优先",
    "panel CSV to update or create (default: the bundled panel)": "要更新或新建的面板CSV（默认：内置面板）",
    "write vintages/NAME.csv beside the panel instead": "改为在面板旁写入 vintages/NAME.csv",
    "report what would change, write nothing": "只报告将有哪些变化，不写文件",
    "list every restatement and conflict": "列出每一处修订和冲突",
    "print one JSON document instead (every change)": "改为打印一个JSON文档（包含每一处变化）",
    "treat warnings (implausible paths, fractions) as errors": "把警告（不合常理的路径、疑似小数等）视为错误",
    "the first scenario (e.g. last year's plan)": "第一个情景（例如去年的规划）",
    "the second scenario (e.g. this year's)": "第二个情景（例如今年的）",
    "two or more scenarios": "两个或更多情景文件",
    "deterministic answers only (no P(reach), no fan)": "只给确定性结论（不计算达到概率和名次区间）",
    "port on 127.0.0.1 (default 8050)": "127.0.0.1 上的端口（默认8050）",
    "folder for saved scenarios (default: the scenario's)": "保存情景的文件夹（默认：情景文件所在文件夹）",
    "language of the messages": "提示信息的语言",
    "scenario file (YAML)": "情景文件（YAML）",
    "scenario files (YAML)": "情景文件（YAML）",
    "write PNG/SVG images of the report's charts too (slide size)": "同时把报告中的图表输出为PNG/SVG图片（幻灯片尺寸）",
    "the chart images' format with --images (default png)": "与 --images 一起使用：图片格式（默认png）",
}
#: argparse's own words.
ARGPARSE_ZH = {"usage: ": "用法：", "positional arguments": "位置参数", "options": "选项", "commands": "命令"}


# --------------------------------------------------------------------------- one glossary for the Chinese texts
#: The Chinese words of ranksim's terms: every Chinese text (the labels, the shipped Chinese
#: scenarios, the files' headers) uses these; tests/test_chinese_files.py holds the labels to it.
GLOSSARY_ZH: dict[str, str] = {
    "base year": "基准年",
    "by YEAR (a deadline)": "到YEAR年",
    "price change (growth of the GDP deflator)": "价格涨幅",
    "GDP deflator": "平减指数",
    "reach year": "达到年份",
    "threshold rank": "门槛名次",
    "percentage points": "百分点",
    "preliminary figure": "初步核算数",
    "plan period": "规划期",
    "colon after Chinese text": "：",
}
#: Forms the glossary replaces, as patterns (never in a Chinese text): 基年 for 基准年, "2027年前"
#: (reads "before 2027") for 到2027年, 价格 followed by a number for 价格涨幅, a half-width colon
#: or semicolon after Chinese.
AVOIDED_ZH: dict[str, str] = {
    r"(?<!准)基年": "基准年",
    r"(?:\}|\d)年前": "到YEAR年",
    r"价格\{|价格\d": "价格涨幅",
    r"[\u3400-\u9fff）][:;]": "：",
}

