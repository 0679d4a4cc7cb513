"""The tables of files in Chinese: sheet names, column headers and categorical values.

Files keep one set of machine keys (:mod:`sim.names`) inside; under ``--lang zh`` a CSV or a
workbook shows every header, sheet name and categorical value (``actual`` / ``projected``, the
sources of a growth value, pass directions, parameters, changes) in Chinese. ``--headers en``
keeps the English keys. Names (regions, scenarios, files) are data and stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from sim import names
from sim.inputs.panel import Regions
from sim.present.i18n import t

#: Every fixed column of a file table, in Chinese (no English word, no unit symbol but %).
HEADERS_ZH: dict[str, str] = {
    names.YEAR: "年份",
    names.CODE: "地区代码",
    names.EN: "英文名",
    names.ZH: "地区",
    names.GDP: "名义地区生产总值（亿元）",
    names.RANK: "名次",
    names.PROJECTED: "实际或预测",
    names.PER_HEAD: "人均地区生产总值（元）",
    names.REAL_PCT: "实际增速（%）",
    names.REAL_SOURCE: "实际增速来源",
    names.DEFLATOR_PCT: "价格涨幅（平减指数，%）",
    names.DEFLATOR_SOURCE: "价格涨幅来源",
    names.NOMINAL_PCT: "名义增速（%）",
    names.BASE_RANK: "基准年名次",
    names.REACH_PROBABILITY: "到当年已达到的概率",
    names.IN_BAND_PROBABILITY: "当年在门槛内的概率",
    names.RANK_Q10: "名次（10%分位）",
    names.RANK_Q50: "名次（中位数）",
    names.RANK_Q90: "名次（90%分位）",
    names.POINT: "扫描点",
    names.REACH_YEAR: "达到年份",
    names.GAP_PCT: "与门槛的差距（%）",
    names.THRESHOLD: "门槛名次",
    names.PARAM: "参数",
    names.MODE: "方式",
    names.LOW: "低值",
    names.HIGH: "高值",
    names.OUTCOME_LOW: "低值时的结果",
    names.OUTCOME_HIGH: "高值时的结果",
    names.SWING: "变动幅度",
    names.FIRST_ORDER: "一阶索博尔指数",
    names.FIRST_ORDER_LO: "一阶指数下限",
    names.FIRST_ORDER_HI: "一阶指数上限",
    names.TOTAL_ORDER: "总索博尔指数",
    names.TOTAL_ORDER_LO: "总指数下限",
    names.TOTAL_ORDER_HI: "总指数上限",
    names.DEADLINE: "截止年份",
    names.REQUIRED: "所需实际增速（%）",
    names.PROBABILITY: "要求的概率",
    names.JUMP_OFF: "起点年份",
    names.PREDICTED_RANK: "预测名次",
    names.NAIVE_RANK: "名次不变的预测",
    names.ACTUAL_RANK: "实际名次",
    names.SCENARIO: "情景",
    names.SCENARIO_NAME: "情景名称",
    names.SCENARIO_FILE: "情景文件",
    names.STAYS_UNTIL: "保持在门槛内至",
    names.HORIZON_RANK: "预测终点年名次",
    names.REACH_YEAR_Q50: "达到年份中位数",
    names.CHANGE: "假设",
    names.SERIES: "数值项",
    names.WHERE: "年份或地区",
    names.VALUE: "数值",
    "direction": "方向",
    "model_rank_mae": "模型名次平均绝对误差",
    "naive_rank_mae": "名次不变预测的平均绝对误差",
    "label": "变化",
    "values": "数值（甲 → 乙）",
    "real_growth_own_pct": "实际增速，自身路径（%）",
    "real_growth_answer_pct": "实际增速，答案（%）",
    "gdp_own_100m_yuan": "地区生产总值，自身路径（亿元）",
    "gdp_answer_100m_yuan": "地区生产总值，答案（亿元）",
    "gdp_at_threshold_100m_yuan": "门槛名次地区的生产总值（亿元）",
    "gap_own_100m_yuan": "差距，自身路径（亿元）",
    "gap_own_pct": "差距，自身路径（%）",
    "gap_answer_100m_yuan": "差距，答案（亿元）",
    "gap_answer_pct": "差距，答案（%）",
    "extra_gdp_100m_yuan": "答案多出的生产总值（亿元）",
    "gdp_per_capita_own_yuan_per_head": "人均地区生产总值，自身路径（元）",
    "gdp_per_capita_answer_yuan_per_head": "人均地区生产总值，答案（元）",
    "gdp_per_capita_at_threshold_yuan_per_head": "门槛名次地区的人均生产总值（元）",
    "gap_own_yuan_per_head": "差距，自身路径（元/人）",
    "gap_answer_yuan_per_head": "差距，答案（元/人）",
    "extra_gdp_per_capita_yuan_per_head": "答案多出的人均生产总值（元）",
}

#: Columns whose header follows a pattern: (regex, Chinese with the groups).
PATTERNS_ZH: tuple[tuple[str, str], ...] = (
    (r"p_reach_(\d{4})", "到{0}年已达到的概率"),
    (r"rank_(\d{4})", "{0}年名次"),
    (r"gap_pct_(\d{4})", "{0}年与门槛的差距（%）"),
    (r"step_reach_year", "逐步：达到年份"),
    (r"shapley_reach_year", "沙普利平均：达到年份"),
    (r"step_gap_(\d{4})", "逐步：{0}年差距（%）"),
    (r"shapley_gap_(\d{4})", "沙普利平均：{0}年差距（%）"),
)

#: Sheet names of the workbook (a table's name, or the main table's).
SHEETS_ZH: dict[str, str] = {
    "summary": "摘要",
    "projection": "预测",
    "passes": "超越",
    "assumptions": "假设",
    "montecarlo": "蒙特卡洛",
    "sweep": "参数扫描",
    "thresholds": "门槛",
    "sensitivity": "敏感性",
    "solve": "所需增速",
    "gaps": "逐年差距",
    "by_jump_off": "各起点年份",
    "regions": "各地区",
    "diff": "情景差异",
    "compare": "情景对比",
    "by_year": "逐年",
    "differences": "假设差异",
}

VALUES_ZH: dict[str, str] = {
    names.ACTUAL_LABEL: "实际",
    names.PROJECTED_LABEL: "预测",
    "passed": "超越",
    "passed_by": "被超越",
    "set": "设定",
    "shift": "调整",
}


def header(column: str, lang: str, regions: Regions | None = None) -> str:
    """A column's header in ``lang``: the key itself in English; in Chinese its name, a pattern
    (``p_reach_2030``), or a parameter path in words (a sweep's columns)."""
    if lang != "zh":
        return column
    if column in HEADERS_ZH:
        return HEADERS_ZH[column]
    for pattern, zh in PATTERNS_ZH:
        m = re.fullmatch(pattern, column)
        if m:
            return zh.format(*m.groups())
    return _param_words(column, regions) or column


def sheet(name: str, lang: str) -> str:
    """A workbook sheet's name in ``lang``."""
    return SHEETS_ZH.get(name, name) if lang == "zh" else name


def localized(frame: pd.DataFrame, lang: str, regions: Regions | None = None) -> pd.DataFrame:
    """``frame`` (as files show it) with Chinese headers and categorical values under ``zh``;
    itself otherwise."""
    if lang != "zh":
        return frame
    out = frame.copy()
    for column in out.columns:
        convert = _converter(str(column), regions)
        if convert is not None:
            out[column] = [convert(v) if isinstance(v, str) else v for v in out[column]]
    out.columns = [header(str(c), lang, regions) for c in out.columns]
    return out


def _converter(column: str, regions: Regions | None) -> Callable[[str], str] | None:
    """How the values of a categorical column read in Chinese (None: not categorical)."""
    if column in (names.PROJECTED, "direction", names.MODE):
        return lambda v: VALUES_ZH.get(v, v)
    if column in (names.REAL_SOURCE, names.DEFLATOR_SOURCE):
        return _source
    if column == names.PARAM:
        return lambda v: _param_words(v, regions) or v
    if column == names.CHANGE:
        return lambda v: _change(v, regions)
    if column == names.SERIES:
        return lambda v: t("zh", f"ds_{v}") if f"ds_{v}" in _texts() else v
    if column == names.WHERE and regions is not None:
        return lambda v: regions.label(regions.codes.index(v), "zh") if v in regions.codes else v
    return None


def _texts() -> dict[str, str]:
    from sim.present.i18n import TEXT

    return TEXT["zh"]


def _source(label: str) -> str:
    """A source label (``model+shift``) in Chinese words."""
    base, *extra = label.split("+")
    return t("zh", f"src_{base}") + "".join(
        t("zh", "src_shift") if e == "shift" else " + " + t("zh", f"src_{e}") for e in extra
    )


def _change(key: str, regions: Regions | None) -> str:
    """A change's key (``prices``, ``provinces.15``) in Chinese words."""
    if key.startswith("provinces.") and regions is not None:
        i = regions.find(key.split(".", 1)[1])
        return regions.label(i, "zh") if i is not None else key
    return t("zh", f"dk_{key}") if f"dk_{key}" in _texts() else key


def _param_words(path: str, regions: Regions | None) -> str | None:
    """A parameter path (``provinces.Inner Mongolia.real_growth (shift)``) in Chinese words."""
    if regions is None:
        return None
    from sim.inputs.params import parse_parameter
    from sim.present.text import param_words

    text, shift = (path[: -len(" (shift)")], True) if path.endswith(" (shift)") else (path, False)
    try:
        param = parse_parameter(regions, text, "shift" if shift else "set")
    except Exception:  # noqa: BLE001 - a header is never worth an error
        return None
    return param_words(param, regions, "zh")
