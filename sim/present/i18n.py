"""Labels in the caller's language (:func:`t`, from the catalogue sim.messages), the panel's words in
them, and the project's colours."""

from __future__ import annotations

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
#: China's panel words by language (sim.messages.labels.PANEL_WORDS).
_NATION_WORDS = {lang: {name: words[i] for name, words in PANEL_WORDS.items()} for i, lang in enumerate(LANGS)}


@contextmanager
def aggregate_wording(scope: Scope, regions: Regions | None = None) -> Iterator[None]:
    """Inside this block the panel's words of every label (:func:`panel_words`) name the panel's
    aggregate (全区, Inner Mongolia) where China's provinces say 全国 / national (``regions`` is
    accepted for the callers that pass it; messages name regions through their own parameters)."""
    token = _AGGREGATE.set(None if scope.is_national else nation_words(scope))
    try:
        yield
    finally:
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


def lead_words(lang: str, value: float, *, at_least: bool = False, digits: int = 2) -> str:
    """A real-growth lead of ``value`` points over the panel's aggregate, for a label's ``{cmp}``:
    "+0.46" / "-0.46" in English; in Chinese 比全国高0.46 or 比全国低0.46, never 高-0.46
    (``at_least``: 至少比全国高0.46, or 比全国低不超过0.46). A value that rounds to zero is
    "+0.00" (高0.00), never "-0.00"."""
    size = round(float(value), digits) + 0.0  # + 0.0: -0.0 becomes 0.0
    key = "lead_cmp_down" if size < 0 else "lead_cmp_up"
    return t(lang, key + ("_at_least" if at_least else ""), size=f"{abs(size):.{digits}f}")


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

