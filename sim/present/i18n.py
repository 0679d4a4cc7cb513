"""Labels in English and Chinese, and the project's colours (one place for both)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from sim.inputs.scope import Scope

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

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "chart_bump": "Rank by year (bump chart)",
        "chart_trajectories": "GDP trajectories",
        "chart_gap": "Gap to the threshold",
        "chart_race": "Bar-chart race",
        "chart_passes": "Who is passed when",
        "chart_fan": "Rank fan (Monte Carlo)",
        "chart_reach_probability": "Probability of reaching the threshold",
        "chart_rank_heatmap": "Rank probabilities by year",
        "chart_solve_curve": "Required growth by deadline",
        "chart_sweep_line": "Sweep: reach year and gap",
        "chart_sweep_heatmap": "Sweep: reach year over two parameters",
        "chart_thresholds": "Which midfield? Reach year by threshold",
        "chart_tornado": "Tornado: one assumption at a time",
        "chart_sobol": "Sobol indices",
        "chart_backtest_error": "Backtest: rank error by jump-off year",
        "chart_coverage": "Backtest: Monte Carlo interval coverage",
        "lead_text": "national path + {lead}",
        "sweep_head": "Sweep of {name}: {n:,} points; threshold rank {k}",
        "col_reach": "reach year",
        "col_rank": "rank {y}",
        "col_gap": "gap %",
        "col_prob": "P(by {y})",
        "never_short": "never",
        "sweep_more": "  ... {n:,} more points (use --json or --out)",
        "sens_head": "Sensitivity of {outcome} ({name}); scenario value {v}",
        "col_param": "parameter",
        "col_low": "low",
        "col_high": "high",
        "col_out_low": "outcome low",
        "col_out_high": "outcome high",
        "shift_mark": " (shift)",
        "sens_sobol": "  Sobol indices (n = {n}, 95% bootstrap intervals):",
        "sobol_first": "first",
        "sobol_total": "total",
        "sens_censored": "  note: {share:.0%} of points never reach the threshold and count as {y}; a gap_<year> outcome avoids this censoring",
        "solve_kind_prob": "with probability {p:g}",
        "solve_kind_det": "deterministic",
        "solve_curve": "  required growth by deadline ({kind}): ",
        "bt_head": "Backtest of {name}: horizon {h}, jump-offs {y0}-{y1} ({n}), national {nat}",
        "bt_col_model": "model",
        "bt_col_naive": "naive",
        "bt_verdict_yes": "  the model beats the naive forecast (ranks stay) on mean absolute rank error",
        "bt_verdict_no": "  the model does NOT beat the naive forecast (ranks stay) on mean absolute rank error",
        "bt_coverage": "  Monte Carlo coverage: 50% interval {c50:.0%}, 80% interval {c80:.0%}",
        "mc_line": "Monte Carlo ({paths}, {method}, seed {seed}): P(reach) {shown}; reach year 10/50/90%: {q10} / {q50} / {q90}",
        "mc_by": "by {y}: {p:.1%}",
        "mc_paths": "{n:,} paths",
        "mc_path_one": "1 path",
        "a_nat_gdp": "National GDP, preliminary (100m yuan)",
        "a_commodity": "Coal and energy prices against the nation (commodity factor)",
        "a_shift": "{who}: {what} shifted in",
        "a_gdp": "{who}: GDP, preliminary (100m yuan; the projection passes through it)",
        "dm_resource_neutral": "; deflators: that spread too, except the coal and energy regions ({names}), whose prices follow the nation's (no boom carried forward)",
        "dm_spread_only": "; deflators: that spread too",
        "list_sep_enum": ", ",
        "dm_mean_spread": "; deflators: the same decaying mean spread (version 0.1)",
        "dm_national": "; deflators: the national path",
        "dm_error_correction": "; deflators: error correction toward each region's long-run relative price level (speed {b:.3f} a year, estimated {y0}-{y1})",
        "a_warning": "⚠ Check this assumption",
        "assume": "Assumed: {r:.1f} % real and {d:.1f} % prices = {g:.1f} % nominal a year, against {rg:.1f} % for the {regions} it must pass (means over the projection).",
        "assume_alone": "Assumed: {r:.1f} % real and {d:.1f} % prices = {g:.1f} % nominal a year.",
        "region_one": "region",
        "region_many": "{n} regions",
        "ans_head": "Under this scenario {who} (rank {r} in {b})",
        "ans_never": " does not reach rank {k} by {h}: its best rank is {best}, and in {h} its GDP is {share:.1f}% of the region ranked {k}.",
        "ans_already": " is already within rank {k} in the base year.",
        "ans_reach": " reaches rank {k} in {y}.",
        "ans_passes": " It passes {list}.",
        "ans_passed_by": "It is passed by {list}.",
        "name_year": "{who} ({y})",
        "list_sep": ", ",
        "sum_target": "target",
        "sum_head": "  {target}: {region}; {where}",
        "sum_threshold": "threshold: rank <= {k} of {n}; base year {b}, horizon {h}",
        "sum_rank": "target rank",
        "sum_reach": "reach year",
        "sum_never": "not reached by {h}",
        "rank": "Rank (1 = largest GDP)",
        "year": "Year",
        "gdp": "Nominal GDP (100m yuan, log scale)",
        "gdp_linear": "Nominal GDP (100m yuan)",
        "history": "history",
        "projection": "projection",
        "projected": "projected",
        "band": "rank ≤ {k}",
        "bump_title": "Rank of every region by nominal GDP, {y0}-{y1} (dashed = projected)",
        "traj_title": "GDP of {who} and the regions it must pass (log scale, dashed = projected)",
        "gap_title": "{who}'s GDP as % of the region ranked {k}",
        "gap_axis": "% of the GDP at rank {k}",
        "race_title": "Ranking race: nominal GDP by region",
        "passes_title": "Who is passed when",
        "passed": "passes",
        "passed_by": "is passed by",
        "reach": "reaches rank {k} in {y}",
        "no_reach": "not within rank {k} by {y}",
        "cross": "100% = level with rank {k}",
        "play": "Play",
        "pause": "Pause",
        "province": "Region",
        "direction": "Event",
        "no_passes": "No change of order with any region.",
        "start": "projection starts",
        "region_north": "North",
        "region_northeast": "Northeast",
        "region_east": "East",
        "region_central_south": "Central-South",
        "region_southwest": "Southwest",
        "region_northwest": "Northwest",
        "region_other": "Other",
        "report_title": "ranksim report",
        "answer": "Answer",
        "passed_by_none": "No region passes it.",
        "midfield": "Threshold: rank ≤ {k} of {n} regions by nominal GDP{median}. Reach year = the first year the target's rank is ≤ {k}.",
        "median": " (the median, i.e. the national midfield 全国中游)",
        "assumptions": "Assumptions",
        "assumption": "Assumption",
        "value": "Value",
        "source": "Source / comment (from the scenario file)",
        "a_threshold": "Threshold rank",
        "a_nat_real": "National real growth",
        "a_nat_defl": "National GDP deflator",
        "a_target_real": "{who}: real growth",
        "a_target_defl": "{who}: deflator",
        "a_others": "Other regions",
        "a_prov_real": "{who}: real growth",
        "a_prov_defl": "{who}: deflator",
        "trailing": "trailing 5-year mean to {b}: {v:.2f} %",
        "from_model": "from the model for other regions: {desc}",
        "m_national": "national paths",
        "m_spread": "national path + own mean spread over the nation in {w0}-{w1}{ex}, {decay}",
        "m_targets": "announced targets for the years that have one ({file}); otherwise national path + own spread in {w0}-{w1}{ex}, {decay}",
        "excl": " (excluding {y})",
        "decay": "halving every {h:g} years",
        "no_decay": "not decaying",
        "spread_of": "own spread {r:+.2f} pp real, {d:+.2f} pp deflator",
        "charts": "Charts",
        "provenance": "Data and provenance",
        "file": "File",
        "data_last_year": "Last year of data: {y}. Base year: {b}. Horizon: {h}.",
        "data_last_year_only": "Last year of data: {y}.",
        "version": "ranksim {v}. Command: {c}",
        "seed": "Random seed: {s}",
        "percent_note": "Growth in percent per year. Nominal GDP = real growth × deflator; ranks use nominal GDP.",
        "rank_by_year": "Target rank by year",
        "actual_title": "The projection against what happened (years after the base year that the data has)",
        "projected_rank": "projected rank",
        "actual_rank": "actual rank",
        "projected_gdp": "projected GDP",
        "actual_gdp": "actual GDP",
        "gdp_error": "GDP error %",
        "fan_title": "{who}'s rank: median and 50% / 80% bands ({paths:,} paths, {method})",
        "median_rank": "median",
        "band50": "50% band",
        "band80": "80% band",
        "reach_prob_title": "Probability that {who} has reached rank {k} by each year",
        "reach_prob_axis": "probability",
        "heat_title": "Probability of each rank for {who}, by year",
        "mc_section": "How sure? Monte Carlo",
        "mc_sentence": "Over {paths:,} simulated paths ({method}, seed {seed}), the probability of reaching rank {k} is {p27} by 2027, {p30} by 2030 and {p35} by 2035. Median reach year: {q50}; one path in ten reaches it by {q10}.",
        "mc_never": "not reached by {h}",
        "mc_method": "Shocks: {desc}",
        "mc_bootstrap": "whole historical years of deviations resampled (years {w0}-{w1} usable, {h} years; block {b}; scale {s:g})",
        "mc_normal": "multivariate normal with the sample covariance of the {h} historical deviations ({w0}-{w1}), shrunk toward its diagonal (intensity {lam:.2f}); scale {s:g}",
        "mc_none": "none (deterministic)",
        "year_fmt": "{y}",
        "bt_title": "Backtest: {h}-year rank forecasts from {y0}-{y1} jump-offs",
        "bt_mae_title": "Mean absolute rank error by jump-off year (horizon {h} years)",
        "bt_mae_axis": "mean |projected rank - actual rank|",
        "bt_jump": "jump-off year",
        "bt_model": "model",
        "bt_naive": "naive (ranks stay)",
        "bt_cov_title": "Monte Carlo interval coverage (share of actual ranks inside)",
        "bt_nominal": "nominal",
        "bt_actual": "actual",
        "bt_metric": "Metric",
        "bt_sentence_better": "Over {n} jump-off years and {r} regions, the model's {h}-year rank forecasts miss by {m:.2f} ranks on average against {v:.2f} for the naive forecast that ranks stay as they are: {pct:.0f}% smaller errors.",
        "bt_sentence_worse": "Over {n} jump-off years and {r} regions, the model's {h}-year rank forecasts miss by {m:.2f} ranks on average against {v:.2f} for the naive forecast: the model does NOT beat ranks staying as they are at this horizon.",
        "bt_target": "For {who} alone: model {m:.2f}, naive {v:.2f}.",
        "bt_settings": "National growth: {nat}. Spread window: {w} years; half-life: {hl}.",
        "bt_region": "{who} on its own: out of sample (settings chosen by rolling origin) {oos:.2f} ranks against {naive:.2f} for ranks stay (all regions {oos_all:.3f} against {naive_all:.3f}).",
        "bt_region_cover": "{who}'s own nominal-level bands held the outcome {c50:.0%} (50% band) and {c80:.0%} (80% band) of the time at {h} years; all regions {p50:.0%} and {p80:.0%}.",
        "track_better": "How the method did for {who} before: from jump-offs {y0}-{y1}, its {h}-year rank forecasts (settings chosen out of sample) missed by {oos:.2f} ranks on average against {naive:.2f} for ranks staying as they were, and its 50% / 80% bands held the outcome {c50:.0%} / {c80:.0%} of the time ({source}, {date}).",
        "track_worse": "How the method did for {who} before: from jump-offs {y0}-{y1}, its {h}-year rank forecasts (settings chosen out of sample) missed by {oos:.2f} ranks on average against {naive:.2f} for ranks staying as they were, so for this region it had no skill over \"ranks stay\", and its 50% / 80% bands held the outcome {c50:.0%} / {c80:.0%} of the time ({source}, {date}).",
        "sweep_section": "What if? Sweeps",
        "sweep_line_title": "Reach year of rank {k} against {param}",
        "sweep_heat_title": "Reach year of rank {k} (contours at {levels}; blank = not by {h})",
        "reach_year": "reach year",
        "gap_at": "gap at {h} (%)",
        "thr_title": "Which midfield? Reach year by threshold rank and {param}",
        "threshold": "threshold rank",
        "never": "–",
        "sens_section": "Which assumptions matter most?",
        "tornado_title": "Tornado: {outcome} when one assumption moves from low to high",
        "sobol_title": "Sobol indices of {outcome} (bars: total; dots: first order; 95% CI)",
        "first_order": "first order",
        "sobol_undefined": "undefined (the outcome does not vary over these ranges)",
        "total_order": "total",
        "low": "low",
        "high": "high",
        "base": "scenario",
        "solve_section": "What growth would it take?",
        "solve_title": "Real growth of {who} needed to reach rank {k} by each year{prob}",
        "required": "required constant real growth (%)",
        "own_growth": "scenario's own growth",
        "deadline": "deadline",
        "solve_sentence": "To reach rank {k} by {by}{prob}, {who} needs a constant real growth of {g} a year from {b1}, everything else as in the scenario.",
        "solve_unreachable": "Within -10% to 30% real growth a year, {who} cannot reach rank {k} by {by}{prob}.",
        "with_prob": " with probability {p:.0%}",
        # --- honest uncertainty (issue 11): backtest console lines ---
        "bt_level": "  Nominal-level bands (each region's share of the total): 50% band {c50:.0%}, 80% band {c80:.0%}",
        "bt_oos_short": "  note: the data are too short to score horizons of {dropped} years, left out; the out-of-sample choice pools horizons {kept} and windows of {windows} years",
        "bt_oos": "  Out of sample (window, half-life and deflator model chosen by rolling origin): rank MAE {oos:.3f} (best in hindsight {ins:.3f})",
        "bt_revisions": "  From the data as published ({vintages}): revisions alone cause {share:.0%} of the \"ranks stay\" error ({old:.3f} against {new:.3f} on today's data)",
        # --- honest uncertainty (issue 11): coverage by horizon, PIT, probabilistic sweep ---
        "chart_pit": "Backtest: where the outcomes fell in their Monte Carlo distribution (PIT)",
        "chart_sweep_probability": "Probability of reaching the threshold over the sweep",
        "cov_rank": "ranks",
        "cov_level": "nominal level (share)",
        "cov_by_horizon_title": "Coverage of the nominal-level bands by horizon (nominal: dashed)",
        "cov_horizon": "years ahead",
        "cov_band": "{p:.0%} band",
        "pit_title": "PIT histogram of nominal shares: flat = calibrated; U = bands too narrow; hump = too wide",
        "pit_x": "share of Monte Carlo paths below the outcome",
        "pit_y": "share of outcomes",
        "sweep_prob_title": "P(rank {k} reached by {y}) over the grid ({paths:,} paths each, same draws)",
        "sweep_prob_line_title": "P(rank {k} reached by each year) against {param} ({paths:,} paths each, same draws)",
        "p_by": "P(by {y})",
    },
    "zh": {
        "chart_bump": "历年名次（排名变化图）",
        "chart_trajectories": "GDP走势",
        "chart_gap": "与门槛的差距",
        "chart_race": "名次赛跑动画",
        "chart_passes": "超越时间表",
        "chart_fan": "名次区间（蒙特卡洛）",
        "chart_reach_probability": "进入门槛的概率",
        "chart_rank_heatmap": "各年名次概率",
        "chart_solve_curve": "各截止年份所需增速",
        "chart_sweep_line": "参数扫描：达到年份与差距",
        "chart_sweep_heatmap": "参数扫描：两参数下的达到年份",
        "chart_thresholds": "哪个“中游”？各门槛的达到年份",
        "chart_tornado": "龙卷风图：逐项改变假设",
        "chart_sobol": "Sobol 指数（各假设对结果方差的贡献）",
        "chart_backtest_error": "回测：各起点年份的名次误差",
        "chart_coverage": "回测：蒙特卡洛区间覆盖率",
        "lead_text": "全国路径 + {lead}",
        "sweep_head": "参数扫描：{name}，共{n:,}个点；门槛第{k}位",
        "col_reach": "达到年份",
        "col_rank": "{y}年名次",
        "col_gap": "差距%",
        "col_prob": "到{y}年概率",
        "never_short": "未达到",
        "sweep_more": "  ……另有{n:,}个点（用 --json 或 --out 查看）",
        "sens_head": "{outcome}的敏感性（{name}）；情景值 {v}",
        "col_param": "参数",
        "col_low": "低",
        "col_high": "高",
        "col_out_low": "低值结果",
        "col_out_high": "高值结果",
        "shift_mark": "（平移）",
        "sens_sobol": "  Sobol 指数（各假设对结果方差的贡献；n = {n}，95%自助法区间）：",
        "sobol_first": "一阶",
        "sobol_total": "总效应",
        "sens_censored": "  注：{share:.0%}的点未达到门槛，按{y}年计；用 gap_<年份> 结果可避免此删失",
        "solve_kind_prob": "概率{p:g}",
        "solve_kind_det": "确定性",
        "solve_curve": "  各截止年份所需增速（{kind}）：",
        "bt_head": "回测：{name}；预测期{h}年，起点{y0}-{y1}年（{n}个），全国增速 {nat}",
        "bt_col_model": "模型",
        "bt_col_naive": "不变",
        "bt_verdict_yes": "  按平均绝对名次误差，模型优于“名次不变”的朴素预测",
        "bt_verdict_no": "  按平均绝对名次误差，模型不如“名次不变”的朴素预测",
        "bt_coverage": "  蒙特卡洛覆盖率：50%区间 {c50:.0%}，80%区间 {c80:.0%}",
        "mc_line": "蒙特卡洛（{paths}，{method}，随机种子{seed}）：进入概率 {shown}；达到年份10/50/90%分位：{q10} / {q50} / {q90}",
        "mc_by": "到{y}年 {p:.1%}",
        "mc_paths": "{n:,}条路径",
        "mc_path_one": "1条路径",
        "a_nat_gdp": "全国GDP初步核算数（亿元）",
        "a_commodity": "煤炭能源价格相对全国（大宗商品因子）",
        "a_shift": "{who}：{what}临时调整",
        "a_gdp": "{who}：GDP初步核算数（亿元，预测经过该值）",
        "dm_resource_neutral": "；平减指数：同样的增速差，但煤炭能源地区（{names}）价格随全国（不延续价格繁荣）",
        "dm_spread_only": "；平减指数：同样的增速差",
        "list_sep_enum": "、",
        "dm_mean_spread": "；平减指数：同样的衰减平均差（0.1版）",
        "dm_national": "；平减指数：全国路径",
        "dm_error_correction": "；平减指数：误差修正，向各地区长期相对价格水平回归（速度每年{b:.3f}，{y0}-{y1}年估计）",
        "a_warning": "⚠ 请核实此假设",
        "assume": "假设：实际增速{r:.1f}%、价格涨幅{d:.1f}%，名义增速每年{g:.1f}%；需超越的{regions}名义增速为{rg:.1f}%。",
        "assume_alone": "假设：实际增速{r:.1f}%、价格涨幅{d:.1f}%，名义增速每年{g:.1f}%。",
        "region_one": "1个地区",
        "region_many": "{n}个地区",
        "ans_head": "在此情景下，{who}（{b}年第{r}位）",
        "ans_never": "到{h}年仍未进入前{k}位：最好名次为第{best}位，{h}年GDP为第{k}位地区的{share:.1f}%。",
        "ans_already": "在基准年已处于前{k}位。",
        "ans_reach": "于{y}年进入前{k}位。",
        "ans_passes": "超越：{list}。",
        "ans_passed_by": "被超越：{list}。",
        "name_year": "{who}（{y}）",
        "list_sep": "、",
        "sum_target": "目标地区",
        "sum_head": "  {target}：{region}；{where}",
        "sum_threshold": "门槛：{n}个地区中前{k}位；基准年{b}，预测至{h}年",
        "sum_rank": "目标地区名次",
        "sum_reach": "达到年份",
        "sum_never": "到{h}年未达到",
        "rank": "名次（1 = GDP最大）",
        "year": "年份",
        "gdp": "名义GDP（亿元，对数坐标）",
        "gdp_linear": "名义GDP（亿元）",
        "history": "历史",
        "projection": "预测",
        "projected": "预测",
        "band": "前{k}位",
        "bump_title": "各地区名义GDP排名，{y0}-{y1}年（虚线为预测）",
        "traj_title": "{who}及其需超越地区的GDP（对数坐标，虚线为预测）",
        "gap_title": "{who}GDP相当于第{k}位地区的百分比",
        "gap_axis": "相当于第{k}位GDP的%",
        "race_title": "排名竞赛：各地区名义GDP",
        "passes_title": "超越时间表",
        "passed": "超越",
        "passed_by": "被超越",
        "reach": "{y}年进入前{k}位",
        "no_reach": "到{y}年未进入前{k}位",
        "cross": "100% = 与第{k}位持平",
        "play": "播放",
        "pause": "暂停",
        "province": "地区",
        "direction": "事件",
        "no_passes": "与任何地区之间的排序均无变化。",
        "start": "预测起点",
        "region_north": "华北",
        "region_northeast": "东北",
        "region_east": "华东",
        "region_central_south": "中南",
        "region_southwest": "西南",
        "region_northwest": "西北",
        "region_other": "其他",
        "report_title": "ranksim 报告",
        "answer": "结论",
        "passed_by_none": "期间没有地区超过它。",
        "midfield": "门槛：按名义GDP在{n}个地区中排名前{k}位{median}。达到年份 = 目标地区名次首次不低于第{k}位的年份。",
        "median": "（中位数，即“全国中游”）",
        "assumptions": "假设",
        "assumption": "假设",
        "value": "取值",
        "source": "来源 / 注释（来自情景文件）",
        "a_threshold": "门槛名次",
        "a_nat_real": "全国实际增速",
        "a_nat_defl": "全国GDP平减指数",
        "a_target_real": "{who}：实际增速",
        "a_target_defl": "{who}：平减指数",
        "a_others": "其他地区",
        "a_prov_real": "{who}：实际增速",
        "a_prov_defl": "{who}：平减指数",
        "trailing": "截至{b}年的近5年平均：{v:.2f}%",
        "from_model": "按其他地区的模型：{desc}",
        "m_national": "全国路径",
        "m_spread": "全国路径 + 本地区{w0}-{w1}年相对全国的平均增速差{ex}，{decay}",
        "m_targets": "有公布目标的年份用公布目标（{file}）；其余年份为全国路径 + 本地区{w0}-{w1}年平均增速差{ex}，{decay}",
        "excl": "（剔除{y}年）",
        "decay": "每{h:g}年减半",
        "no_decay": "不衰减",
        "spread_of": "本地区增速差：实际{r:+.2f}个百分点，平减指数{d:+.2f}个百分点",
        "charts": "图表",
        "provenance": "数据与来源",
        "file": "文件",
        "data_last_year": "数据最后年份：{y}。基准年：{b}。预测终点：{h}。",
        "data_last_year_only": "数据最后年份：{y}。",
        "version": "ranksim {v}。命令：{c}",
        "seed": "随机种子：{s}",
        "percent_note": "增速单位为每年百分比。名义GDP = 实际增长 × 平减指数；排名按名义GDP。",
        "rank_by_year": "目标地区各年名次",
        "actual_title": "预测与实际对照（基准年之后、数据中已有的年份）",
        "projected_rank": "预测名次",
        "actual_rank": "实际名次",
        "projected_gdp": "预测GDP",
        "actual_gdp": "实际GDP",
        "gdp_error": "GDP误差%",
        "fan_title": "{who}名次：中位数及50% / 80%区间（{paths:,}条路径，{method}）",
        "median_rank": "中位数",
        "band50": "50%区间",
        "band80": "80%区间",
        "reach_prob_title": "{who}到各年份已进入前{k}位的概率",
        "reach_prob_axis": "概率",
        "heat_title": "{who}各年份各名次的概率",
        "mc_section": "把握有多大？蒙特卡洛模拟",
        "mc_sentence": "在{paths:,}条模拟路径中（{method}，随机种子{seed}），到2027年进入前{k}位的概率为{p27}，到2030年为{p30}，到2035年为{p35}。达到年份的中位数：{q50}；十分之一的路径不晚于{q10}达到。",
        "mc_never": "到{h}年未达到",
        "year_fmt": "{y}年",
        "mc_method": "冲击：{desc}",
        "mc_bootstrap": "按整年重抽历史偏差（可用年份{w0}-{w1}，共{h}年；区块长度{b}；放大系数{s:g}）",
        "mc_normal": "多元正态分布，协方差为{h}个历史年份偏差（{w0}-{w1}）的样本协方差并向对角线收缩（强度{lam:.2f}）；放大系数{s:g}",
        "mc_none": "无（确定性）",
        "bt_title": "回测：从{y0}-{y1}年起点出发的{h}年名次预测",
        "bt_mae_title": "各起点年份的平均名次绝对误差（预测期{h}年）",
        "bt_mae_axis": "|预测名次 - 实际名次|的平均值",
        "bt_jump": "起点年份",
        "bt_model": "模型",
        "bt_naive": "朴素预测（名次不变）",
        "bt_cov_title": "蒙特卡洛区间覆盖率（实际名次落入区间的比例）",
        "bt_nominal": "名义覆盖率",
        "bt_actual": "实际覆盖率",
        "bt_metric": "指标",
        "bt_sentence_better": "在{n}个起点年份、{r}个地区上，模型的{h}年名次预测平均误差为{m:.2f}个名次，朴素预测（名次不变）为{v:.2f}：误差小{pct:.0f}%。",
        "bt_sentence_worse": "在{n}个起点年份、{r}个地区上，模型的{h}年名次预测平均误差为{m:.2f}个名次，朴素预测为{v:.2f}：在此预测期模型并不优于“名次不变”。",
        "bt_target": "仅看{who}：模型{m:.2f}，朴素预测{v:.2f}。",
        "bt_settings": "全国增速：{nat}。增速差估计窗口：{w}年；半衰期：{hl}。",
        "bt_region": "仅看{who}：样本外（设置按滚动起点选择）名次平均绝对误差{oos:.2f}，“名次不变”为{naive:.2f}（全部地区：{oos_all:.3f}对{naive_all:.3f}）。",
        "bt_region_cover": "{who}自身的名义总量区间在{h}年预测期覆盖实际结果的比例：50%区间{c50:.0%}，80%区间{c80:.0%}；全部地区为{p50:.0%}和{p80:.0%}。",
        "track_better": "此方法过去对{who}的表现：从{y0}-{y1}年起点出发，{h}年名次预测（设置按样本外选择）平均误差{oos:.2f}个名次，“名次不变”为{naive:.2f}；50%/80%区间覆盖实际结果的比例为{c50:.0%}/{c80:.0%}（{source}，{date}）。",
        "track_worse": "此方法过去对{who}的表现：从{y0}-{y1}年起点出发，{h}年名次预测（设置按样本外选择）平均误差{oos:.2f}个名次，“名次不变”为{naive:.2f}，即对该地区并不优于“名次不变”；50%/80%区间覆盖实际结果的比例为{c50:.0%}/{c80:.0%}（{source}，{date}）。",
        "sweep_section": "如果……会怎样？参数扫描",
        "sweep_line_title": "进入前{k}位的年份随{param}的变化",
        "sweep_heat_title": "进入前{k}位的年份（等值线：{levels}；空白 = 到{h}年未达到）",
        "reach_year": "达到年份",
        "gap_at": "{h}年差距（%）",
        "thr_title": "哪个“中游”？不同门槛名次与{param}下的达到年份",
        "threshold": "门槛名次",
        "never": "–",
        "sens_section": "哪些假设最重要？",
        "tornado_title": "龙卷风图：单个假设由低到高时的{outcome}",
        "sobol_title": "{outcome}的 Sobol 指数（方差贡献；柱：总效应；点：一阶效应；95%置信区间）",
        "first_order": "一阶",
        "sobol_undefined": "无定义（在这些范围内结果不变）",
        "total_order": "总效应",
        "low": "低",
        "high": "高",
        "base": "情景",
        "solve_section": "需要多高的增速？",
        "solve_title": "{who}在各年份前进入前{k}位所需的实际增速{prob}",
        "required": "所需的恒定实际增速（%）",
        "own_growth": "情景自身增速",
        "deadline": "截止年份",
        "solve_sentence": "要到{by}年进入前{k}位{prob}，{who}需要自{b1}年起每年保持{g}的实际增速，其他条件同情景。",
        "solve_unreachable": "在每年-10%至30%的实际增速范围内，{who}无法到{by}年进入前{k}位{prob}。",
        "with_prob": "（概率{p:.0%}）",
        # --- honest uncertainty (issue 11): backtest console lines ---
        "bt_level": "  名义总量区间（各地区占合计的比重）覆盖率：50%区间 {c50:.0%}，80%区间 {c80:.0%}",
        "bt_oos_short": "  注意：数据太短，无法评估{dropped}年的预测期，已略去；样本外选择汇总{kept}年的预测期，候选窗口为{windows}年",
        "bt_oos": "  样本外（窗口、半衰期和价格模型按滚动起点选择）：名次平均绝对误差 {oos:.3f}（事后最优 {ins:.3f}）",
        "bt_revisions": "  按当时公布的数据（{vintages}）：数据修订本身造成“名次不变”预测误差的{share:.0%}（{old:.3f}，按今日数据为{new:.3f}）",
        # --- honest uncertainty (issue 11): coverage by horizon, PIT, probabilistic sweep ---
        "chart_pit": "回测：实际结果落在蒙特卡洛分布中的位置（PIT 直方图，概率积分变换）",
        "chart_sweep_probability": "参数网格上达到门槛的概率",
        "cov_rank": "名次",
        "cov_level": "名义总量（占比）",
        "cov_by_horizon_title": "各预测期名义总量区间的覆盖率（虚线为名义水平）",
        "cov_horizon": "预测年数",
        "cov_band": "{p:.0%}区间",
        "pit_title": "名义占比的 PIT 直方图（实际值在模拟分布中所处的分位）：平坦=校准良好；U形=区间过窄；驼峰=区间过宽",
        "pit_x": "低于实际结果的模拟路径比例",
        "pit_y": "结果占比",
        "sweep_prob_title": "到{y}年进入前{k}位的概率（每点{paths:,}条路径，相同抽样）",
        "sweep_prob_line_title": "各年份前进入前{k}位的概率随{param}的变化（每点{paths:,}条路径，相同抽样）",
        "p_by": "到{y}年的概率",
    },
}

# --- issue 12: the planner's workbench (assumptions table, answer box, files, workbook, console
# in Chinese). One block of its own, merged into TEXT below.
_WORKBENCH: dict[str, dict[str, str]] = {
    "en": {
        "wrote": "wrote {files}",
        "x_scenario": "Scenario",
        "x_question": "Question",
        "x_question_run": "When, and how surely, does {who} reach rank {k} of {n} by nominal GDP (by {h})?",
        "x_question_backtest": "Would the growth model have been right {h} years ahead, against ranks staying where they are?",
        "x_answer": "Answer",
        "x_assumed": "Assumed",
        "x_result": "Result",
        "x_every_value": "Every region and year",
        "x_sheet": "sheet '{s}'",
        "x_command": "Command",
        "x_seed": "Random seed",
        "src_model": "model",
        "src_target": "announced target",
        "src_scenario": "scenario",
        "src_lead": "lead over the nation",
        "src_parameter": "parameter",
        "src_preliminary": "preliminary figure",
        "src_shift": " + shift",
        "src_computed": "(1 + real) × (1 + deflator) − 1",
        "sum_region": "{en} / {zh} ({code})",
        "pp_unit": " pp",
        "lead_section": "The answer as a lead over the nation",
        "lead_own": "The scenario's path for {who} is a real-growth lead of {lead} points a year over the national path on average ({a}-{b}).",
        "method_bootstrap": "bootstrap",
        "method_normal": "normal",
        "method_none": "none",
        "bt_nat_trailing": "trailing",
        "bt_nat_actual": "actual",
        "bt_m_rank_mae": "rank_mae",
        "bt_m_spearman": "spearman",
        "bt_m_exact_share": "exact_share",
        "bt_m_target_rank_mae": "target_rank_mae",
        "p_province_real": "{who} real growth",
        "p_province_lead": "{who} lead over the nation (points)",
        "p_province_defl": "{who} deflator",
        "p_national_real": "national real growth",
        "p_national_defl": "national deflator",
        "p_half_life": "half-life of other regions' spreads",
        "p_threshold": "threshold rank",
        "o_reach_year": "reach year",
        "o_gap": "gap to the threshold in {y} (%)",
        "o_rank": "rank in {y}",
        "at_title": "Every region's growth, year by year",
        "at_note": "Percent a year. Source: scenario = a value the scenario file sets; lead = the national path plus the scenario's lead; model = the model for other regions (national path plus the region's own spread, fading; see Other regions above); announced target = {its} announced target less its record of missing them; preliminary figure = the deflator implied by a preliminary GDP figure; + shift = a temporary shift added in that year.",
        "at_focus": "The regions ranked around the threshold (rank {lo}-{hi} in {b}) and every region the target passes or is passed by:",
        "at_rest": "The other {n} regions",
        "at_region": "Region",
        "at_rank": "Rank {b}",
        "at_kind": "",
        "at_real": "real",
        "at_defl": "deflator",
        "at_nominal": "nominal",
        "at_source": "source",
        "top_mc": "Monte Carlo ({paths:,} paths, seed {seed}): P(reached) {shown}; median reach year {q50}.",
        "top_mc_by": "by {y}: {p}",
        "top_bunched": "Why the median reach year ({q50}) can differ from this scenario's ({det}): the {n} regions it must pass are bunched (their {b} GDP lies within {spread:.0f} % of one another), so reaching rank {k} means passing all of them; a path that falls a little short of the group reaches it years later, or not at all.",
        "top_bunched_one": "Why the median reach year ({q50}) can differ from this scenario's ({det}): a reach year is the first year of a path inside the band, and paths cross at different speeds; the median of such first years is not the year of the median path.",
    },
    "zh": {
        "wrote": "已写入 {files}",
        "x_scenario": "情景",
        "x_question": "问题",
        "x_question_run": "{who}何时、以多大把握按名义GDP进入{n}个地区的前{k}位（至{h}年）？",
        "x_question_backtest": "与“名次不变”相比，增长模型提前{h}年的预测是否准确？",
        "x_answer": "结论",
        "x_assumed": "主要假设",
        "x_result": "结果",
        "x_every_value": "各地区各年份",
        "x_sheet": "见工作表“{s}”",
        "x_command": "命令",
        "x_seed": "随机种子",
        "src_model": "模型",
        "src_target": "公布目标",
        "src_scenario": "情景设定",
        "src_lead": "高于全国",
        "src_parameter": "参数",
        "src_preliminary": "初步核算数",
        "src_shift": " + 临时调整",
        "src_computed": "（1 + 实际）×（1 + 平减指数）− 1",
        "sum_region": "{zh}（{code}）",
        "pp_unit": "个百分点",
        "lead_section": "以比全国增速高出多少表示的结论",
        "lead_own": "情景中{who}的实际增速平均比全国增长路径高{lead}个百分点（{a}-{b}年）。",
        "method_bootstrap": "整年重抽",
        "method_normal": "多元正态",
        "method_none": "无冲击",
        "bt_nat_trailing": "近5年平均",
        "bt_nat_actual": "实际值",
        "bt_m_rank_mae": "名次平均绝对误差",
        "bt_m_spearman": "Spearman 秩相关",
        "bt_m_exact_share": "名次完全正确比例",
        "bt_m_target_rank_mae": "目标地区名次误差",
        "p_province_real": "{who}实际增速",
        "p_province_lead": "{who}比全国增速高出（百分点）",
        "p_province_defl": "{who}平减指数",
        "p_national_real": "全国实际增速",
        "p_national_defl": "全国平减指数",
        "p_half_life": "其他地区增速差半衰期",
        "p_threshold": "门槛名次",
        "o_reach_year": "达到年份",
        "o_gap": "{y}年差距（与门槛相比，%）",
        "o_rank": "{y}年名次",
        "at_title": "各地区逐年增速",
        "at_note": "单位为每年百分比。来源：情景设定 = 情景文件给定的值；高于全国 = 全国路径加情景给定的差值；模型 = 其他地区的模型（全国路径加本地区逐步衰减的增速差，见上文“其他地区”）；公布目标 = {its}公布的目标减去其以往未完成的幅度；初步核算数 = 由GDP初步核算数推算的平减指数；+ 临时调整 = 当年另加的临时调整。",
        "at_focus": "门槛附近的地区（{b}年第{lo}-{hi}位）以及目标地区超越或被其超越的所有地区：",
        "at_rest": "其余{n}个地区",
        "at_region": "地区",
        "at_rank": "{b}年名次",
        "at_kind": "",
        "at_real": "实际",
        "at_defl": "平减指数",
        "at_nominal": "名义",
        "at_source": "来源",
        "top_mc": "蒙特卡洛模拟（{paths:,}条路径，随机种子{seed}）：进入概率 {shown}；达到年份中位数{q50}。",
        "top_mc_by": "到{y}年{p}",
        "top_bunched": "为何达到年份的中位数（{q50}）可能不同于本情景的结果（{det}）：需超越的{n}个地区彼此接近（{b}年GDP相差不超过{spread:.0f}%），进入前{k}位意味着要全部超越它们；略落后于这一组的路径要晚好几年才能达到，甚至达不到。",
        "top_bunched_one": "为何达到年份的中位数（{q50}）可能不同于本情景的结果（{det}）：达到年份是每条路径首次进入门槛的年份，各路径越过门槛的快慢不同，这些年份的中位数并不是中位路径的达到年份。",
    },
}
for _lang, _entries in _WORKBENCH.items():
    TEXT[_lang].update(_entries)


# --------------------------------------------------------------------------- ranksim diff and ranksim serve (issue 12, parts 3-4)
TEXT["en"].update(
    {
        "chart_diff_waterfall": "What moved the answer (waterfall)",
        "diff_title": "What changed between two scenarios",
        "diff_head": "Diff: {who}, threshold rank {k}",
        "diff_answer": "reach year {a} → {b}",
        "diff_gap": "gap {y}: {a:+.1f} % → {b:+.1f} %",
        "diff_never": "not by {h}",
        "diff_changes": "{n} changes (values A → B; model = left to the others model, – = not projected):",
        "diff_changes_one": "1 change (values A → B; model = left to the others model, – = not projected):",
        "diff_no_changes": "no differing assumption: the two scenarios resolve to the same values",
        "diff_effects": "Effect on the answer: switching changes on one at a time in the order above (step), and the Shapley average over {orders} orders ({method}); never reached counts as {c}; gaps in percentage points",
        "diff_exact": "exact, every order",
        "diff_sampled": "sampled with seed 0",
        "diff_step": "step",
        "diff_shapley": "Shapley",
        "diff_total": "total",
        "diff_change": "change",
        "diff_values": "values (A → B)",
        "diff_outcome_reach": "reach year",
        "diff_outcome_gap": "gap {y}",
        "diff_more": "… {n} more",
        "diff_model": "model",
        "diff_wf_title": "{outcome}: from A to B, {how}",
        "diff_how_step": "one change at a time",
        "diff_how_shapley": "Shapley average",
        "diff_a": "A",
        "diff_b": "B",
        "dk_base_year": "base year",
        "diff_base_note": " (the years between: actual data instead of the projection)",
        "dk_horizon": "horizon",
        "dk_threshold_rank": "threshold rank",
        "dk_national.real_growth": "national real growth",
        "dk_national.deflator": "national deflator",
        "dk_others.spreads": "other regions' spreads over the nation",
        "dk_others.half_life": "half-life of the spreads",
        "dk_others.lean": "other regions' lean toward shares staying (share of each spread kept)",
        "dk_prices": "commodity prices",
        "ds_base_year": "",
        "ds_horizon": "",
        "ds_threshold_rank": "",
        "ds_real_growth": "real growth %",
        "ds_deflator": "deflator %",
        "ds_shift_real": "real shift pp",
        "ds_shift_deflator": "deflator shift pp",
        "ds_gdp_growth": "nominal growth from a preliminary GDP %",
        "ds_spread_real": "real spread pp",
        "ds_spread_deflator": "deflator spread pp",
        "ds_half_life": "years",
        "ds_spread_weight": "share of the spread kept",
        "ds_commodity": "commodity factor pp",
        "ds_target_price_path": "target's price path pp",
        "serve_target_real": "{who}: real growth, % a year (every projected year)",
        "serve_target_deflator": "{who}: deflator shift, pp",
        "serve_national": "national real growth shift, pp",
        "serve_commodity": "commodity factor shift, pp (coal and energy regions' prices)",
        "serve_rival": "rival",
        "serve_rival_shift": "rival's real growth shift, pp",
        "serve_deadline": "P(reach) by year",
        "serve_save": "Save as scenario",
        "serve_download": "Download the full report",
        "serve_saved": "saved {path}",
        "serve_probability": "P(reach) by {y}: {p:.1%}; by {h}: {q:.1%} ({n:,} Monte Carlo paths)",
        "serve_latency": "updated in {ms:.0f} ms (server)",
        "serve_bad": "{what}: {msg}",
        "serve_failed": "could not evaluate: {msg}",
        "serve_listening": "ranksim serve on {url} (Ctrl+C stops)",
        "serve_field_target_real": "target's real growth",
        "serve_field_target_deflator_shift": "deflator shift",
        "serve_field_national_shift": "national shift",
        "serve_field_commodity_shift": "commodity shift",
        "serve_field_rival_shift": "rival's shift",
        "serve_field_deadline": "year",
        "serve_field_save": "file name",
    }
)
TEXT["zh"].update(
    {
        "chart_diff_waterfall": "答案为何变化（瀑布图）",
        "diff_title": "两个情景之间的差异",
        "diff_head": "情景差异：{who}，门槛名次{k}",
        "diff_answer": "达到年份 {a} → {b}",
        "diff_gap": "{y}年差距：{a:+.1f}% → {b:+.1f}%",
        "diff_never": "到{h}年未达到",
        "diff_changes": "共{n}处不同（数值 A → B；模型 = 由其他地区模型决定，– = 未预测）：",
        "diff_changes_one": "共1处不同（数值 A → B；模型 = 由其他地区模型决定，– = 未预测）：",
        "diff_no_changes": "没有不同的假设：两个情景解析后的数值相同",
        "diff_effects": "对答案的影响：按上述顺序逐一启用各项变化（逐步），以及 Shapley 分解（对{orders}种启用顺序的影响取平均，{method}）；未达到按{c}年计；差距单位为百分点",
        "diff_exact": "精确，全部顺序",
        "diff_sampled": "抽样，随机种子0",
        "diff_step": "逐步",
        "diff_shapley": "Shapley",
        "diff_total": "合计",
        "diff_change": "变化",
        "diff_values": "数值（A → B）",
        "diff_outcome_reach": "达到年份",
        "diff_outcome_gap": "{y}年差距",
        "diff_more": "……另有{n}项",
        "diff_model": "模型",
        "diff_wf_title": "{outcome}：从A到B，{how}",
        "diff_how_step": "逐一启用",
        "diff_how_shapley": "Shapley 分解（各种顺序的平均）",
        "diff_a": "A",
        "diff_b": "B",
        "dk_base_year": "基准年",
        "diff_base_note": "（其间各年：以实际数据取代预测）",
        "dk_horizon": "预测终点年",
        "dk_threshold_rank": "门槛名次",
        "dk_national.real_growth": "全国实际增速",
        "dk_national.deflator": "全国平减指数",
        "dk_others.spreads": "其他地区相对全国的增速差",
        "dk_others.half_life": "增速差的半衰期",
        "dk_others.lean": "其他地区向“份额不变”靠拢（保留的增速差比例）",
        "dk_prices": "大宗商品价格",
        "ds_real_growth": "实际增速%",
        "ds_deflator": "平减指数%",
        "ds_shift_real": "实际增速调整（百分点）",
        "ds_shift_deflator": "平减指数调整（百分点）",
        "ds_gdp_growth": "由初步核算GDP得出的名义增速%",
        "ds_spread_real": "实际增速差（百分点）",
        "ds_spread_deflator": "平减指数差（百分点）",
        "ds_half_life": "年",
        "ds_spread_weight": "保留的增速差比例",
        "ds_commodity": "大宗商品因子（百分点）",
        "ds_target_price_path": "目标地区价格路径（百分点）",
        "serve_target_real": "{who}：实际增速，每年%（所有预测年份）",
        "serve_target_deflator": "{who}：平减指数调整，百分点",
        "serve_national": "全国实际增速调整，百分点",
        "serve_commodity": "大宗商品因子调整，百分点（煤炭和能源地区价格）",
        "serve_rival": "竞争对手",
        "serve_rival_shift": "竞争对手实际增速调整，百分点",
        "serve_deadline": "在此年份前达到的概率",
        "serve_save": "另存为情景",
        "serve_download": "下载完整报告",
        "serve_saved": "已保存 {path}",
        "serve_probability": "到{y}年达到的概率：{p:.1%}；到{h}年：{q:.1%}（{n:,}条蒙特卡洛路径）",
        "serve_latency": "更新用时{ms:.0f}毫秒（服务器）",
        "serve_bad": "{what}：{msg}",
        "serve_failed": "无法计算：{msg}",
        "serve_listening": "ranksim serve 运行于 {url}（按Ctrl+C停止）",
        "serve_field_target_real": "目标实际增速",
        "serve_field_target_deflator_shift": "平减指数调整",
        "serve_field_national_shift": "全国增速调整",
        "serve_field_commodity_shift": "大宗商品因子调整",
        "serve_field_rival_shift": "竞争对手调整",
        "serve_field_deadline": "年份",
        "serve_field_save": "文件名",
    }
)


# --------------------------------------------------------------------------- panel scope (issue 15)
TEXT["en"].update(
    {
        "m_targets_none": "no announced target ({file}) applies to these regions and years, so: ",
        "note_encoding": "note: {path} read as {enc} (not UTF-8)",
        "note_bands": "note: band scales estimated from this panel's own outcomes (jump-offs {y0}-{y1}, in sample; the defaults were chosen on the provinces): uncertainty.scale {s:g}, parameter_scale {m:g}, parameter_half_life {hl:g}; 50/80 % level coverage {cov}. Write them in the scenario's uncertainty section to use them in montecarlo and run --paths",
        "note_bands_h": "{c} at {h} years",
        "pm_head": "Deflator spread models estimated on {file}, years up to {y}",
        "pm_speed": "b = {b:.3f} (se {s:.3f})",
        "pm_speed_groups": "b = {b1:.3f} (se {s1:.3f}) coal/energy, {b:.3f} (se {s:.3f}) others",
        "pm_pooled": "pooled",
        "pm_by_group": "by group (coal/energy, others)",
        "pm_line": "  error correction, {kind}: {speed}; years {y0}-{y1}, {n} observations, R2 {r2:.2f}",
        "pm_no_resource": "  (no coal and energy regions in this panel: no grouping by them and no commodity factor)",
        "pm_factor": "  commodity factor = mean deflator spread of the coal/energy regions (pp a year); loadings:",
        "pm_others": "    others: mean {mean:.2f}, range {lo:.2f} to {hi:.2f}",
        "note_clipped": "note: jump-offs {a0}-{a1} clipped to {u0}-{u1}: a jump-off needs two years of data before it and {h} after it (data {d0}-{d1})",
        "a_cycle": "Regions whose prices move with a common cycle",
        "cycle_kept": "{names} keep {w:g} % of their spreads (the regions whose deflator spread a common price factor mostly explains, estimated from the data up to {year}; the share chosen out of sample)",
    }
)
TEXT["zh"].update(
    {
        "m_targets_none": "没有适用于这些地区和年份的公布目标（{file}），因此：",
        "note_encoding": "注意：{path} 按 {enc} 编码读取（不是UTF-8）",
        "note_bands": "注意：区间宽度按本数据表自身的历史结果估计（起点{y0}-{y1}年，样本内；默认值是按省级数据选定的）：uncertainty.scale {s:g}，parameter_scale {m:g}，parameter_half_life {hl:g}；50%/80%区间对名义GDP份额的覆盖率 {cov}。如要在 montecarlo 和 run --paths 中使用，请把它们写入情景的 uncertainty 部分",
        "note_bands_h": "预测期{h}年 {c}",
        "pm_head": "平减指数增速差模型，据 {file} 估计，数据截至{y}年",
        "pm_speed": "b = {b:.3f}（标准误 {s:.3f}）",
        "pm_speed_groups": "煤炭能源地区 b = {b1:.3f}（标准误 {s1:.3f}），其他地区 {b:.3f}（标准误 {s:.3f}）",
        "pm_pooled": "合并估计",
        "pm_by_group": "分组估计（煤炭能源地区、其他地区）",
        "pm_line": "  误差修正，{kind}：{speed}；{y0}-{y1}年，{n} 个观测，R2 {r2:.2f}",
        "pm_no_resource": "  （该数据表没有煤炭能源地区：不按其分组，也没有大宗商品因子）",
        "pm_factor": "  大宗商品因子 = 煤炭能源地区平减指数增速差的平均值（每年百分点）；各地区载荷：",
        "pm_others": "    其他地区：平均 {mean:.2f}，范围 {lo:.2f} 至 {hi:.2f}",
        "note_clipped": "注意：起点年份{a0}-{a1}已截为{u0}-{u1}：每个起点之前需有两年数据、之后需有{h}年数据（数据{d0}-{d1}年）",
        "a_cycle": "价格随共同周期变动的地区",
        "cycle_kept": "{names}保留{w:g}%的增速差（价格差主要由共同价格因子解释的地区，按截至{year}年的数据估计；比例在样本外选定）",
    }
)


#: The aggregate's names (English, Chinese) while a panel that is not China's provinces is shown;
#: None: the national wording. Set by :func:`aggregate_wording` around a command or a report.
_AGGREGATE: ContextVar[tuple[str, str] | None] = ContextVar("ranksim_aggregate", default=None)
#: English -> Chinese names of the shown panel's regions and aggregate (warnings name them).
_NAMES: ContextVar[dict[str, str] | None] = ContextVar("ranksim_names", default=None)
_NATIONAL_EN = re.compile(r"\b(?:the nation|national|National|nation)\b")


@contextmanager
def aggregate_wording(scope: Scope, regions: Regions | None = None) -> Iterator[None]:
    """Inside this block every label says the panel's aggregate (全区, Inner Mongolia) where the
    provincial wording says 全国 / national; labels only, never values put into them. With
    ``regions``, warnings name the panel's regions and aggregate in Chinese (:func:`warning_line`)."""
    token = _AGGREGATE.set(None if scope.is_national else (scope.aggregate_en, scope.aggregate_zh))
    names = _NAMES.set(panel_names(regions, scope) if regions is not None else _NAMES.get())
    try:
        yield
    finally:
        _NAMES.reset(names)
        _AGGREGATE.reset(token)


def reworded(template: str, lang: str) -> str:
    """``template`` with the national words replaced by the current aggregate's name."""
    names = _AGGREGATE.get()
    if names is None:
        return template
    en, zh = names
    return _NATIONAL_EN.sub(en, template.replace("全国", zh))


def t(lang: str, key: str, **kw: object) -> str:
    """Label ``key`` in ``lang`` (falls back to English), formatted with ``kw``; worded for the
    panel's aggregate inside :func:`aggregate_wording`."""
    table = TEXT.get(lang, TEXT["en"])
    return reworded(table.get(key, TEXT["en"][key]), lang).format(**kw)


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


# --------------------------------------------------------------------------- data import and vintages
# (`ranksim data import`, `ranksim data --vintages`: sim/present/data_text.py)
TEXT["en"].update(
    {
        "imp_head": "Import into {target}{created}",
        "imp_created": " (a new file)",
        "imp_dry": " (dry run: nothing written)",
        "imp_file": "  {file}: {layout}, {encoding}, {vintage}sha256 {sha}: {what}",
        "imp_vintage": "vintage {v}, ",
        "imp_what": "{field} {years} ({n} values)",
        "imp_nothing_read": "nothing this version reads",
        "enc_UTF-8 with BOM": "UTF-8 with BOM",
        "layout_cross-section": "cross-section",
        "layout_time series": "time series",
        "layout_tidy": "tidy table",
        "imp_counts": "  rows added: {rows}; values added: {added}; restated: {restated}; unchanged: {same}; conflicts between files: {conflicts}",
        "imp_restated_head": "  restatements (old → new){largest}:",
        "imp_largest": ", largest first",
        "imp_restated": "    {who} {year} {field}: {old} → {new} ({change})",
        "imp_conflicts_head": "  values the files disagree on (the later file is kept):",
        "imp_conflict": "    {who} {year} {field}: {values}",
        "imp_kept": "kept",
        "imp_more": "    ... {n:,} more (--all lists every one)",
        "imp_no_change": "nothing to change: {target} already holds every imported value",
        "field_gdp_nominal_100m_yuan": "nominal GDP",
        "field_real_growth_pct": "real growth",
        "field_population_10k": "population",
        "imp_note_empty": "  note: {n} rows have no {column} ({years}); ranksim needs nominal GDP and real growth in every row, so the panel will not load until an export fills them",
        "imp_note_regions": "  note: {year} has {n} of {total} regions; the panel will not load until every region has that year",
        "imp_note_national_missing": "  note: {file} has no national row for {years}; import the national export (年度数据: 国内生产总值, 国内生产总值指数) too",
        "imp_note_national_ignored": "  note: national figures ignored (this panel's national series is the sum of its regions)",
        "imp_note_not_in_panel": "  note: {n} regions are not in this panel and were left out: {names}",
        "imp_note_from_file_name": "  note: {file} has no `指标：` line; its file name says {indicator}",
        "imp_note_indicators": "  note: {file}: {n} other indicators ignored ({names})",
        "imp_note_outside": "  note: {file}: regions outside the panel ignored ({names})",
        "imp_note_nothing": "  note: {file}: no indicator this version reads (地区生产总值, 地区生产总值指数, 年末常住人口)",
        "vin_head": "Ranking by nominal GDP in {year}, by vintage (GDP in 100m yuan, {last})",
        "vin_code": "code",
        "vin_region": "region",
        "vin_gdp": "GDP",
        "vin_missing": "  not in {names} (they end before {year} or start after it)",
        "vin_restated_head": "Largest restatements of {year} (between consecutive vintages):",
        "vin_restated": "  {who} {old_v} → {new_v}: {old} → {new} ({pct}), rank {r0} → {r1}",
        "vin_none": "  none: every vintage holding {year} has the same figures",
    }
)
TEXT["zh"].update(
    {
        "imp_head": "导入到 {target}{created}",
        "imp_created": "（新文件）",
        "imp_dry": "（试运行：未写入任何文件）",
        "imp_file": "  {file}：{layout}，{encoding}，{vintage}sha256 {sha}：{what}",
        "imp_vintage": "数据版本 {v}，",
        "imp_what": "{field} {years}（{n} 个数值）",
        "imp_nothing_read": "没有本版本可读取的指标",
        "enc_UTF-8 with BOM": "UTF-8（带BOM）",
        "layout_cross-section": "截面表",
        "layout_time series": "时间序列表",
        "layout_tidy": "长表",
        "imp_counts": "  新增行：{rows}；新增数值：{added}；修订：{restated}；未变：{same}；文件之间的冲突：{conflicts}",
        "imp_restated_head": "  数据修订（旧 → 新）{largest}：",
        "imp_largest": "，按幅度从大到小",
        "imp_restated": "    {who} {year}年 {field}：{old} → {new}（{change}）",
        "imp_conflicts_head": "  文件之间不一致的数值（采用命令行中靠后的文件）：",
        "imp_conflict": "    {who} {year}年 {field}：{values}",
        "imp_kept": "采用",
        "imp_more": "    ……另有 {n:,} 条（加 --all 列出全部）",
        "imp_no_change": "无需修改：{target} 已包含全部导入的数值",
        "field_gdp_nominal_100m_yuan": "地区生产总值",
        "field_real_growth_pct": "实际增速",
        "field_population_10k": "年末常住人口",
        "imp_note_empty": "  注意：{n} 行没有{column}（{years}）；ranksim 要求每行都有地区生产总值和实际增速，补齐之前该数据表无法载入",
        "imp_note_regions": "  注意：{year}年只有 {n}/{total} 个地区；每个地区都有该年数据之前，该数据表无法载入",
        "imp_note_national_missing": "  注意：{file} 缺少 {years} 年的全国数据；请同时导入全国数据（年度数据：国内生产总值、国内生产总值指数）",
        "imp_note_national_ignored": "  注意：已忽略全国数据（该数据表的全国序列为各地区之和）",
        "imp_note_not_in_panel": "  注意：{n} 个地区不在该数据表中，已略过：{names}",
        "imp_note_from_file_name": "  注意：{file} 没有“指标：”行；按文件名读作 {indicator}",
        "imp_note_indicators": "  注意：{file}：已忽略其他 {n} 个指标（{names}）",
        "imp_note_outside": "  注意：{file}：已忽略数据表以外的地区（{names}）",
        "imp_note_nothing": "  注意：{file}：没有本版本可读取的指标（地区生产总值、地区生产总值指数、年末常住人口）",
        "vin_head": "{year}年地区生产总值排名，按数据版本（亿元，{last}）",
        "vin_code": "代码",
        "vin_region": "地区",
        "vin_gdp": "GDP",
        "vin_missing": "  {names} 不含 {year} 年",
        "vin_restated_head": "{year}年最大的数据修订（相邻版本之间）：",
        "vin_restated": "  {who} {old_v} → {new_v}：{old} → {new}（{pct}），名次 {r0} → {r1}",
        "vin_none": "  无：含 {year} 年的各版本数值相同",
    }
)


# --------------------------------------------------------------------------- issue 14: hardening
#: Texts added by the hardening work (a target already inside, search bounds, messages); kept
#: in a block of their own and merged into TEXT below.
HARDENING_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "ans_stays": " is already within rank {k} in {b}; it stays inside until {y}, then drops out.",
        "ans_stays_through": " is already within rank {k} in {b} and stays inside through {h}.",
        "sum_already": "already inside in {b}; stays inside until {y}",
        "sum_already_through": "already inside in {b}; stays inside through {h}",
        "mc_stay_line": "Monte Carlo ({paths}, {method}, seed {seed}): already inside in {b}; P(inside every year) {shown}",
        "mc_through": "through {y}: {p:.1%}",
        "solve_stay_sentence": "To stay within rank {k} in every year through {by}{prob}, {who} needs a constant real growth of at least {g} a year from {b1}, everything else as in the scenario.",
        "solve_stay_unreachable": "Within -10% to 30% real growth a year, {who} cannot stay within rank {k} in every year through {by}{prob}.",
        "solve_low_bound": "{who} reaches rank {k} by {by}{prob} even at -10% real growth a year, the bottom of the range searched (-10% to 30%): the answer does not depend on its own growth in that range.",
        "solve_stay_low_bound": "{who} stays within rank {k} in every year through {by}{prob} even at -10% real growth a year, the bottom of the range searched (-10% to 30%).",
        "solve_stay_curve": "  growth needed to stay inside through each year ({kind}): ",
    },
    "zh": {
        "ans_stays": "在{b}年已处于前{k}位；保持在前{k}位至{y}年，之后跌出。",
        "ans_stays_through": "在{b}年已处于前{k}位，并一直保持到{h}年。",
        "sum_already": "{b}年已在门槛内；保持至{y}年",
        "sum_already_through": "{b}年已在门槛内；一直保持到{h}年",
        "mc_stay_line": "蒙特卡洛（{paths}，{method}，随机种子{seed}）：{b}年已在门槛内；每年都保持在门槛内的概率 {shown}",
        "mc_through": "至{y}年 {p:.1%}",
        "solve_stay_sentence": "要到{by}年为止每年都保持在前{k}位{prob}，{who}需要自{b1}年起每年至少保持{g}的实际增速，其他条件同情景。",
        "solve_stay_unreachable": "在每年-10%至30%的实际增速范围内，{who}无法到{by}年为止每年都保持在前{k}位{prob}。",
        "solve_low_bound": "即使每年实际增速为-10%（搜索范围-10%至30%的下限），{who}也会到{by}年进入前{k}位{prob}：在此范围内结果与其自身增速无关。",
        "solve_stay_low_bound": "即使每年实际增速为-10%（搜索范围-10%至30%的下限），{who}也会到{by}年为止每年都保持在前{k}位{prob}。",
        "solve_stay_curve": "  各截止年份前保持在门槛内所需增速（{kind}）：",
    },
}
for _lang, _table in HARDENING_TEXT.items():
    TEXT[_lang].update(_table)


# --------------------------------------------------------------------------- data views
#: Texts of ``ranksim data`` (the ranking with value status, the record of targets) and of the
#: national-path presets in reports.
DATA_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "data_head": "Ranking by nominal GDP, {year} (100m yuan; real growth %)",
        "data_marks": "  p = preliminary figure, e = estimated (nothing published); {n} of {total} regions have preliminary values in {year}",
        "data_national": "  {who}: {gdp:,.1f}  {real:.1f}{mark}",
        "data_nation": "the nation",
        "tg_head": "Announced real-growth targets and outturns ({path})",
        "tg_columns": "  year  target  kind    outturn  miss",
        "tg_region": "{who} ({code}): mean miss {miss} over {n} years (target minus outturn, points; {excluded} not counted)",
        "tg_none": "no announced targets",
        "tg_kind_about": "about",
        "tg_kind_above": "above",
        "tg_kind_range": "range",
        "tg_kind_none": "none",
        "np_title": "The answer under each national path",
        "np_intro": "The same scenario with each named national path (data/national_paths.yaml; sources in data/SOURCES.md and the user guide, National paths). The answer above rests on {preset}.",
        "np_intro_none": "The same scenario with each named national path (data/national_paths.yaml; sources in data/SOURCES.md and the user guide, National paths). The answer above rests on the scenario's own national path.",
        "np_preset": "national path",
        "np_growth": "real growth {a}-{b}",
        "np_reach": "reach year",
        "np_p": "P(reach by {y})",
        "np_never": "not by {h}",
        "np_line": "National path: {label}. Source: {source}",
        "np_own": "National path: the scenario's own ({src}).",
        "data_status_note": "Preliminary values in {year}: {what}. Estimated (nothing published): {est}.",
        "data_status_all": "every region's GDP and real growth",
        "data_status_none": "none",
        "lead_sentence": "To reach rank {k} by {by}{prob}, {who} needs a real-growth lead over the national path of {lead} points every year from {b1}, everything else as in the scenario.",
        "lead_stay_sentence": "To stay within rank {k} in every year through {by}{prob}, {who} needs a real-growth lead over the national path of at least {lead} points every year from {b1}.",
        "lead_unreachable": "With a lead of -10 to +20 points a year over the national path, {who} cannot reach rank {k} by {by}{prob}.",
        "lead_stay_unreachable": "With a lead of -10 to +20 points a year over the national path, {who} cannot stay within rank {k} through {by}{prob}.",
        "lead_history": " Its own lead over {a}-{b} was {lead} points a year.",
        "lead_curve": "  lead needed to reach by each year ({kind}): ",
        "pp_unit": " pp",
        "status_field_gdp": "GDP",
        "status_field_real_growth": "real growth",
        "status_field_population": "population (GDP / GDP per head)",
    },
    "zh": {
        "data_head": "{year}年名义GDP排名（亿元；实际增速%）",
        "data_marks": "  p = 初步核算数，e = 估算值（未公布）；{year}年{total}个地区中有{n}个为初步核算数",
        "data_national": "  {who}：{gdp:,.1f}  {real:.1f}{mark}",
        "data_nation": "全国",
        "tg_head": "公布的实际增长目标与实际完成情况（{path}）",
        "tg_columns": "  年份  目标    类型    实际     差距",
        "tg_region": "{who}（{code}）：{n}年平均差距 {miss}（目标减实际，百分点；不计{excluded}年）",
        "tg_none": "无公布目标",
        "tg_kind_about": "左右",
        "tg_kind_above": "以上",
        "tg_kind_range": "区间",
        "tg_kind_none": "未定",
        "np_title": "不同全国增长路径下的结论",
        "np_intro": "同一情景分别采用各个命名的全国增长路径（data/national_paths.yaml；来源见 data/SOURCES.md 和用户指南“全国增长路径”一页）。上文结论基于{preset}。",
        "np_intro_none": "同一情景分别采用各个命名的全国增长路径（data/national_paths.yaml；来源见 data/SOURCES.md 和用户指南“全国增长路径”一页）。上文结论基于情景自设的全国增长路径。",
        "np_preset": "全国增长路径",
        "np_growth": "{a}-{b}年实际增速",
        "np_reach": "达到年份",
        "np_p": "到{y}年达到的概率",
        "np_never": "到{h}年未达到",
        "np_line": "全国增长路径：{label}。来源：{source}",
        "np_own": "全国增长路径：情景自设（{src}）。",
        "data_status_note": "{year}年的初步核算数：{what}。估算值（未公布）：{est}。",
        "data_status_all": "各地区的GDP和实际增速",
        "data_status_none": "无",
        "lead_sentence": "要到{by}年进入前{k}位{prob}，{who}需要自{b1}年起每年实际增速比全国高{lead}个百分点，其他条件同情景。",
        "lead_stay_sentence": "要到{by}年为止每年都保持在前{k}位{prob}，{who}需要自{b1}年起每年实际增速至少比全国高{lead}个百分点。",
        "lead_unreachable": "在每年比全国增速高-10至+20个百分点的范围内，{who}无法到{by}年进入前{k}位{prob}。",
        "lead_stay_unreachable": "在每年比全国增速高-10至+20个百分点的范围内，{who}无法到{by}年为止每年都保持在前{k}位{prob}。",
        "lead_history": "{a}-{b}年其实际增速平均比全国高{lead}个百分点。",
        "lead_curve": "  各截止年份前达到所需的增速差（{kind}）：",
        "pp_unit": "个百分点",
        "status_field_gdp": "GDP",
        "status_field_real_growth": "实际增速",
        "status_field_population": "人口（GDP ÷ 人均GDP）",
    },
}
for _lang, _table in DATA_TEXT.items():
    TEXT[_lang].update(_table)


# --------------------------------------------------------------------------- issue 13: GDP per head
#: Texts for ranking by GDP per head (``measure: gdp_per_capita``): a key ending in ``_pc`` replaces
#: the key without it when the scenario ranks by GDP per head (sim.present.text.measured_key).
PER_HEAD_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "sum_threshold_pc": "threshold: rank <= {k} of {n} by GDP per head; base year {b}, horizon {h}",
        "ans_head_pc": "Under this scenario {who} (rank {r} by GDP per head in {b})",
        "midfield_pc": "Threshold: rank ≤ {k} of {n} regions by GDP per head (nominal GDP / year-end resident population){median}. Reach year = the first year the target's rank is ≤ {k}.",
        "gdp_pc": "GDP per head (yuan, log scale)",
        "gdp_linear_pc": "GDP per head (yuan)",
        "gap_axis_pc": "% of the GDP per head at rank {k}",
        "assume_pc": " Ranked by GDP per head: population {p:+.2f} % a year, so {h:.1f} % a year per head.",
        "measures_title": "Which midfield? The year each threshold is reached under this scenario, by GDP and by GDP per head",
        "measures_threshold": "threshold rank",
        "measures_gdp": "by GDP",
        "measures_pc": "by GDP per head",
        "measures_already": "already in {b}",
        "measures_never": "not by {h}",
        "measures_rank": "rank in {b}",
        "measures_no_population": "(GDP per head needs the panel's population column)",
    },
    "zh": {
        "sum_threshold_pc": "门槛：按人均GDP在{n}个地区中前{k}位；基准年{b}，预测至{h}年",
        "ans_head_pc": "在此情景下，{who}（{b}年人均GDP第{r}位）",
        "midfield_pc": "门槛：按人均GDP（名义GDP ÷ 年末常住人口）在{n}个地区中排名前{k}位{median}。达到年份 = 目标地区名次首次不低于第{k}位的年份。",
        "gdp_pc": "人均GDP（元，对数坐标）",
        "gdp_linear_pc": "人均GDP（元）",
        "gap_axis_pc": "相当于第{k}位人均GDP的%",
        "assume_pc": "按人均GDP排名：人口每年{p:+.2f}%，人均GDP每年增长{h:.1f}%。",
        "measures_title": "哪个“中游”？同一情景下按GDP总量和按人均GDP达到各门槛的年份",
        "measures_threshold": "门槛名次",
        "measures_gdp": "按GDP总量",
        "measures_pc": "按人均GDP",
        "measures_already": "{b}年已达到",
        "measures_never": "到{h}年未达到",
        "measures_rank": "{b}年名次",
        "measures_no_population": "（人均GDP需要数据中的人口列）",
    },
}
for _lang, _table in PER_HEAD_TEXT.items():
    TEXT[_lang].update(_table)


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


# --------------------------------------------------------------------------- issue 15 part 3: the report in Chinese
#: Words of the HTML report that were English under ``zh`` (hover templates, the Monte Carlo
#: method named once with its English term, a sentence without a reach year for one path in ten).
REPORT_ZH_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "hover_rank": "rank {r}",
        "hover_sep": ", ",
        "list_semicolon": "; ",
        "pp_suffix": " pp",
        "method_first_bootstrap": "bootstrap",
        "mc_sentence_rare": "Over {paths:,} simulated paths ({method}, seed {seed}), the probability of reaching rank {k} is {p27} by 2027, {p30} by 2030 and {p35} by 2035. Median reach year: {q50}; fewer than one path in ten reaches it by {h}.",
    },
    "zh": {
        "hover_rank": "第{r}位",
        "hover_sep": "，",
        "list_semicolon": "；",
        "pp_suffix": "个百分点",
        "method_bootstrap": "自助抽样",
        "method_first_bootstrap": "自助抽样（bootstrap）",
        "mc_sentence_rare": "在{paths:,}条模拟路径中（{method}，随机种子{seed}），到2027年进入前{k}位的概率为{p27}，到2030年为{p30}，到2035年为{p35}。达到年份的中位数：{q50}；不到十分之一的路径到{h}年达到。",
    },
}
for _lang, _table in REPORT_ZH_TEXT.items():
    TEXT[_lang].update(_table)


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


# --------------------------------------------------------------------------- ranksim compare
COMPARE_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "cmp_title": "{n} scenarios side by side: {who}, rank ≤ {k}",
        "cmp_head": "Compare: {who}, threshold rank {k}, {n} scenarios",
        "cmp_answer": "{label}: rank {k} reached in {reach}",
        "cmp_prob": "; P(reach) {shown} ({paths:,} paths, the same draws for every scenario)",
        "cmp_never": "not by {h}",
        "cmp_stays": "inside in the base year, until {y}",
        "cmp_stays_through": "inside in the base year, through {h}",
        "cmp_range": "The reach year ranges from {a} ({la}) to {b} ({lb}): {n} years apart.",
        "cmp_side_by_side": "Side by side",
        "cmp_what_differs": "What differs",
        "cmp_differences": "What differs from {ref} (values by scenario; model = left to the others model):",
        "cmp_differences_note": "Every assumption that resolves to different values, year by year, against {ref} (as ranksim diff resolves them); model = left to the others model, – = not projected.",
        "cmp_no_differences": "no differing assumption: the scenarios resolve to the same values",
        "cmp_col_what": "assumption",
        "cmp_col_value": "value",
        "cmp_col_where": "year or region",
        "cmp_row_name": "scenario",
        "cmp_row_threshold": "threshold",
        "cmp_row_reach": "reach year",
        "cmp_row_rank": "rank in {y}",
        "cmp_row_p": "P(reach by {y})",
        "cmp_row_median": "median reach year (Monte Carlo)",
        "cmp_row_passes": "passes",
        "chart_compare_rank": "The target's rank, scenario by scenario",
        "chart_compare_gap": "Gap to the threshold, scenario by scenario",
        "chart_compare_probability": "P(reach), scenario by scenario",
        "cmp_rank_title": "{who}'s rank by scenario (lines: each scenario; bands: 80% of Monte Carlo paths)",
        "cmp_rank_title_det": "{who}'s rank by scenario",
        "cmp_gap_title": "{who}'s GDP against the region ranked {k}, by scenario (%)",
        "cmp_gap_axis": "gap to rank {k} (%)",
        "cmp_prob_title": "P({who} has reached rank {k} by each year), by scenario",
        "cmp_band": "{label}: 80% band",
        "colon": ": ",
        "cmp_pass": "{who} {y}",
    },
    "zh": {
        "cmp_title": "{n}个情景对比：{who}，进入前{k}位",
        "cmp_head": "情景对比：{who}，门槛名次{k}，共{n}个情景",
        "cmp_answer": "{label}：进入前{k}位的年份为{reach}",
        "cmp_prob": "；进入概率 {shown}（{paths:,}条路径，各情景使用相同抽样）",
        "cmp_never": "到{h}年未达到",
        "cmp_stays": "基准年已在门槛内，保持到{y}年",
        "cmp_stays_through": "基准年已在门槛内，保持到{h}年",
        "cmp_range": "达到年份从{a}年（{la}）到{b}年（{lb}），相差{n}年。",
        "cmp_side_by_side": "并列对比",
        "cmp_what_differs": "情景之间的差异",
        "cmp_differences": "与{ref}不同的假设（各情景的数值；模型 = 由其他地区模型决定）：",
        "cmp_differences_note": "与{ref}相比、解析后数值不同的每项假设，逐年列出（与 ranksim diff 的解析方式相同）；模型 = 由其他地区模型决定，– = 未预测。",
        "cmp_no_differences": "没有不同的假设：各情景解析后的数值相同",
        "cmp_col_what": "假设",
        "cmp_col_value": "数值",
        "cmp_col_where": "年份或地区",
        "cmp_row_name": "情景",
        "cmp_row_threshold": "门槛",
        "cmp_row_reach": "达到年份",
        "cmp_row_rank": "{y}年名次",
        "cmp_row_p": "到{y}年达到的概率",
        "cmp_row_median": "达到年份中位数（蒙特卡洛）",
        "cmp_row_passes": "超越",
        "chart_compare_rank": "各情景下目标地区的名次",
        "chart_compare_gap": "各情景下与门槛的差距",
        "chart_compare_probability": "各情景的进入概率",
        "cmp_rank_title": "各情景下{who}的名次（线：各情景；带：80%的蒙特卡洛路径）",
        "cmp_rank_title_det": "各情景下{who}的名次",
        "cmp_gap_title": "各情景下{who}GDP相对第{k}位地区的差距（%）",
        "cmp_gap_axis": "与第{k}位的差距（%）",
        "cmp_prob_title": "各情景下{who}到各年已进入前{k}位的概率",
        "cmp_band": "{label}：80%区间",
        "colon": "：",
        "cmp_pass": "{who}（{y}年）",
    },
}
for _lang, _table in COMPARE_TEXT.items():
    TEXT[_lang].update(_table)


# --------------------------------------------------------------------------- plan-period solve (solve --over)
PLAN_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "solve_over_sentence": "To reach rank {k} by {by}{prob}, {who} needs a constant real growth of {g} a year over {a}-{b} (the plan period), on the scenario's own path before and after it.",
        "solve_stay_over_sentence": "To stay within rank {k} in every year through {by}{prob}, {who} needs a constant real growth of at least {g} a year over {a}-{b} (the plan period), on the scenario's own path before and after it.",
        "solve_over_unreachable": "Within -10% to 30% real growth a year over {a}-{b} (the scenario's own path before and after), {who} cannot reach rank {k} by {by}{prob}.",
        "solve_stay_over_unreachable": "Within -10% to 30% real growth a year over {a}-{b} (the scenario's own path before and after), {who} cannot stay within rank {k} in every year through {by}{prob}.",
        "solve_over_low_bound": "{who} reaches rank {k} by {by}{prob} even at -10% real growth a year over {a}-{b}, the bottom of the range searched: the answer does not depend on its growth in the plan period.",
        "solve_stay_over_low_bound": "{who} stays within rank {k} in every year through {by}{prob} even at -10% real growth a year over {a}-{b}, the bottom of the range searched.",
        "gaps_title": "The gap to rank {k}, year by year",
        "gaps_note": "{who}'s GDP against the region ranked {k} among the others, in 100 million yuan (亿元) and percent (positive: ahead). Own path: the scenario as written; answer: {answer}.",
        "gaps_note_pc": "{who}'s GDP per head against the region ranked {k} among the others, in yuan and percent (positive: ahead). Own path: the scenario as written; answer: {answer}.",
        "gaps_answer_over": "{g} real growth a year over {a}-{b}, the own path before and after",
        "gaps_answer_all": "{g} real growth a year in every projected year",
        "gaps_answer_lead": "a lead of {g} points a year over the national path",
        "gaps_none": "no growth in the range searched reaches it, so only the own path is shown",
        "gaps_head": "  gap to rank {k} by year (own path → answer; {unit}, %):",
        "gap_col_year": "year",
        "gap_col_real_own": "real growth, own path",
        "gap_col_real_answer": "real growth, answer",
        "gap_col_level_own": "GDP, own path",
        "gap_col_level_answer": "GDP, answer",
        "gap_col_threshold": "GDP of rank {k}",
        "gap_col_gap_own": "gap, own path",
        "gap_col_gap_own_pct": "gap %, own path",
        "gap_col_gap_answer": "gap, answer",
        "gap_col_gap_answer_pct": "gap %, answer",
        "gap_col_extra": "GDP added by the answer",
        "unit_100m": "100 million yuan",
        "unit_yuan_head": "yuan per head",
        "chart_solve_stay_title": "Real growth of {who} needed to stay within rank {k} through each year{prob}",
        "chart_solve_over_title": "Real growth of {who} needed over {a}-{b} to reach rank {k} by each year{prob}",
        "chart_solve_stay_over_title": "Real growth of {who} needed over {a}-{b} to stay within rank {k} through each year{prob}",
        "required_over": "required constant real growth over {a}-{b} (%)",
        "required_stay": "required constant real growth to stay inside (%)",
        "at_low_bound_point": "{y}: ≤ -10% (any growth in the range)",
        "at_low_bound_name": "≤ -10%: any growth in the range searched",
    },
    "zh": {
        "solve_over_sentence": "要到{by}年进入前{k}位{prob}，{who}需要在{a}-{b}年（规划期）每年保持{g}的实际增速，规划期前后按情景自身路径。",
        "solve_stay_over_sentence": "要到{by}年每年都保持在前{k}位{prob}，{who}需要在{a}-{b}年（规划期）每年至少保持{g}的实际增速，规划期前后按情景自身路径。",
        "solve_over_unreachable": "{a}-{b}年每年实际增速在-10%至30%范围内（前后按情景自身路径），{who}都无法到{by}年进入前{k}位{prob}。",
        "solve_stay_over_unreachable": "{a}-{b}年每年实际增速在-10%至30%范围内（前后按情景自身路径），{who}都无法到{by}年每年保持在前{k}位{prob}。",
        "solve_over_low_bound": "即使{a}-{b}年每年实际增速为-10%（搜索范围下限），{who}也会到{by}年进入前{k}位{prob}：结果与规划期增速无关。",
        "solve_stay_over_low_bound": "即使{a}-{b}年每年实际增速为-10%（搜索范围下限），{who}也会到{by}年每年保持在前{k}位{prob}。",
        "gaps_title": "与第{k}位的差距（逐年）",
        "gaps_note": "{who}GDP与其他地区中第{k}位的差距，单位为亿元和百分比（正数：领先）。自身路径：情景原有假设；答案：{answer}。",
        "gaps_note_pc": "{who}人均GDP与其他地区中第{k}位的差距，单位为元和百分比（正数：领先）。自身路径：情景原有假设；答案：{answer}。",
        "gaps_answer_over": "{a}-{b}年每年实际增长{g}，前后按自身路径",
        "gaps_answer_all": "所有预测年份每年实际增长{g}",
        "gaps_answer_lead": "每年实际增速比全国高{g}个百分点",
        "gaps_none": "搜索范围内没有能达到的增速，因此只列出自身路径",
        "gaps_head": "  与第{k}位的逐年差距（自身路径 → 答案；{unit}，%）：",
        "gap_col_year": "年份",
        "gap_col_real_own": "实际增速（自身路径）",
        "gap_col_real_answer": "实际增速（答案）",
        "gap_col_level_own": "GDP（自身路径）",
        "gap_col_level_answer": "GDP（答案）",
        "gap_col_threshold": "第{k}位的GDP",
        "gap_col_gap_own": "差距（自身路径）",
        "gap_col_gap_own_pct": "差距%（自身路径）",
        "gap_col_gap_answer": "差距（答案）",
        "gap_col_gap_answer_pct": "差距%（答案）",
        "gap_col_extra": "答案比自身路径多出的GDP",
        "unit_100m": "亿元",
        "unit_yuan_head": "元/人",
        "chart_solve_stay_title": "{who}到各年份每年都保持在前{k}位所需的实际增速{prob}",
        "chart_solve_over_title": "{who}到各年份进入前{k}位所需的{a}-{b}年实际增速{prob}",
        "chart_solve_stay_over_title": "{who}到各年份每年都保持在前{k}位所需的{a}-{b}年实际增速{prob}",
        "required_over": "{a}-{b}年所需的恒定实际增速（%）",
        "required_stay": "保持在门槛内所需的恒定实际增速（%）",
        "at_low_bound_point": "{y}年：≤ -10%（范围内任何增速均可）",
        "at_low_bound_name": "≤ -10%：搜索范围内任何增速均可",
    },
}
for _lang, _table in PLAN_TEXT.items():
    TEXT[_lang].update(_table)


# --------------------------------------------------------------------------- reports that lead with their own answer
LEADING_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "run_context": "The scenario as written: its answer and assumptions",
        "lead_title_mc": "How sure? (Monte Carlo)",
        "lead_title_solve": "What growth would it take?",
        "lead_title_sweep": "What if? (sweep)",
        "lead_title_sensitivity": "Which assumptions matter most?",
    },
    "zh": {
        "run_context": "情景原有假设下的结论与假设",
        "lead_title_mc": "把握有多大？（蒙特卡洛）",
        "lead_title_solve": "需要多高的增速？",
        "lead_title_sweep": "如果……会怎样？（参数扫描）",
        "lead_title_sensitivity": "哪些假设最重要？",
    },
}
for _lang, _table in LEADING_TEXT.items():
    TEXT[_lang].update(_table)

# Parameters in words (chart axes): period and unit after the label.
TEXT["en"].update({"p_years": ", {a}-{b}", "p_unit_pct": " (%)", "p_unit_shift": ", shift (pp)", "p_unit_years": " (years)"})
TEXT["zh"].update({"p_years": "（{a}-{b}年）", "p_unit_pct": "（%）", "p_unit_shift": "（调整，百分点）", "p_unit_years": "（年）"})
TEXT["en"].update({"sweep_never": "not reached by {h}"})
TEXT["zh"].update({"sweep_never": "到{h}年未达到"})
TEXT["en"].update({"diff_scenario": "scenario (file)"})
TEXT["zh"].update({"diff_scenario": "情景（文件）"})

# The answers of sweeps and sensitivity analyses, at the top of their reports.
ANSWER_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "sweep_ans_never": "Over all {n} points of the sweep, rank {k} is not reached by {h}.",
        "sweep_ans_range": "Over the {n} points of the sweep, rank {k} is reached between {a} and {b}",
        "sweep_ans_some_never": "; {m} points do not reach it by {h}",
        "sweep_ans_values": ". Reached by {y} with {param} at {v}",
        "sweep_ans_none": "no value swept",
        "sweep_ans_share": ". Reached by {y} at {p} of the points",
        "sens_ans": "{param} moves {outcome} most: from {a:.2f} to {b:.2f} between {lo:g} and {hi:g} (the scenario: {base:.2f}).",
        "sens_ans_sobol": " With every assumption varying at once, {param} accounts for {s:.0%} of the variance (total Sobol index).",
    },
    "zh": {
        "sweep_ans_never": "在参数扫描的全部{n}个点上，到{h}年都未进入前{k}位。",
        "sweep_ans_range": "在参数扫描的{n}个点上，进入前{k}位的年份在{a}年至{b}年之间",
        "sweep_ans_some_never": "；有{m}个点到{h}年未达到",
        "sweep_ans_values": "。到{y}年达到：{param}为{v}",
        "sweep_ans_none": "扫描范围内无此取值",
        "sweep_ans_share": "。到{y}年达到：{p}的点",
        "sens_ans": "对{outcome}影响最大的是{param}：在{lo:g}至{hi:g}之间，{outcome}从{a:.2f}变为{b:.2f}（情景值{base:.2f}）。",
        "sens_ans_sobol": "所有假设同时变化时，{param}解释了{s:.0%}的方差（总Sobol指数）。",
    },
}
for _lang, _table in ANSWER_TEXT.items():
    TEXT[_lang].update(_table)
TEXT["en"].update({"full_stop": "."})
TEXT["zh"].update({"full_stop": "。"})
TEXT["en"].update({"x_p_reach": "P(reach)", "x_p_reach_paths": " ({paths:,} Monte Carlo paths, seed {seed})"})
TEXT["zh"].update({"x_p_reach": "进入概率", "x_p_reach_paths": "（{paths:,}条蒙特卡洛路径，随机种子{seed}）"})

# Words belong to their file (issue 24): a value a child writes without a comment, an inherited description.
TEXT["en"].update({
    "set_in": "set in {file}",
    "desc_inherited": "The description of {parent} is not repeated: this file changes {keys}.",
    "desc_changed_in_code": " (Changed in code since: {keys}.)",
})
TEXT["zh"].update({
    "set_in": "在{file}中设定",
    "desc_inherited": "未沿用{parent}的说明：本文件修改了{keys}。",
    "desc_changed_in_code": "（此后在代码中修改：{keys}。）",
})

# Nothing moves silently (issue 24): the aggregate's source, said once.
TEXT["en"].update({
    "note_summed": "note: {path} has no national series of its own, so the nation is taken as the sum of its {n} regions (name one as aggregate.series in {meta}; docs/panels.md)",
    "aggregate_summed": "The national series is the sum of the panel's {n} regions (the panel names no series of its own).",
    "aggregate_series": "The national series: {path}.",
})
TEXT["zh"].update({
    "note_summed": "注意：{path} 没有自己的全国数据序列，全国按其{n}个地区之和计算（可在 {meta} 中以 aggregate.series 指定；见 docs/panels.md）",
    "aggregate_summed": "全国数据序列为面板中{n}个地区之和（面板未指定自己的序列）。",
    "aggregate_series": "全国数据序列：{path}。",
})

# `ranksim data --model` (the price model) in both languages.
TEXT["en"].update({
    "pm_head": "Deflator spread models estimated on {file}, years up to {y}",
    "pm_pooled": "pooled",
    "pm_by_group": "by group (coal/energy, others)",
    "pm_speed": "b = {b:.3f} (se {s:.3f})",
    "pm_speed_groups": "b = {b1:.3f} (se {s1:.3f}) coal/energy, {b2:.3f} (se {s2:.3f}) others",
    "pm_line": "  error correction, {kind}: {speed}; years {y0}-{y1}, {n} observations, R2 {r2:.2f}",
    "pm_factor": "  commodity factor = mean deflator spread of the coal/energy regions (pp a year); loadings:",
    "pm_others": "    others: mean {m:.2f}, range {lo:.2f} to {hi:.2f}",
    "pm_se": " (se {s:.2f})",
})
TEXT["zh"].update({
    "pm_head": "价格（平减指数）相对全国的差距模型，据 {file} 估计，数据截至{y}年",
    "pm_pooled": "统一调整速度",
    "pm_by_group": "分组调整速度（煤炭能源地区、其他地区）",
    "pm_speed": "b = {b:.3f}（标准误 {s:.3f}）",
    "pm_speed_groups": "煤炭能源地区 b = {b1:.3f}（标准误 {s1:.3f}），其他地区 {b2:.3f}（标准误 {s2:.3f}）",
    "pm_line": "  误差修正模型，{kind}：{speed}；{y0}-{y1}年，{n}个观测值，R² {r2:.2f}",
    "pm_factor": "  大宗商品因子 = 煤炭能源地区平减指数差距的平均值（每年百分点）；各地区载荷：",
    "pm_others": "    其他地区：平均 {m:.2f}，范围 {lo:.2f} 至 {hi:.2f}",
    "pm_se": "（标准误 {s:.2f}）",
})


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
TEXT["en"].update({"validate_ok": "{path}: ok"})
TEXT["zh"].update({"validate_ok": "{path}：检查通过"})


# --------------------------------------------------------------------------- one glossary for the Chinese texts
#: The Chinese words of ranksim's terms: every Chinese text (this catalogue, the shipped Chinese
#: scenarios, the files' headers) uses these; tests/test_chinese_files.py holds the catalogue to it.
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

# The what-if app (issue 24): the typed value, the title that follows the state, warnings beside the answer.
TEXT["en"].update({
    "serve_typed": " % a year (type any value from -10 to 30)",
    "serve_title": "{name} — what if: {what}",
    "serve_t_real": "{who} {v:g}% real a year",
    "serve_t_target_deflator": "{who}'s deflator {v:+g} pp",
    "serve_t_national": "national real growth {v:+g} pp",
    "serve_t_commodity": "commodity factor {v:+g} pp",
    "serve_t_rival": "{who} {v:+g} pp",
    "serve_warnings": "Warnings (as ranksim run prints them for this state):",
})
TEXT["zh"].update({
    "serve_typed": " 每年%（可输入-10至30之间的任意值）",
    "serve_title": "{name} — 假如：{what}",
    "serve_t_real": "{who}每年实际增长{v:g}%",
    "serve_t_target_deflator": "{who}平减指数{v:+g}个百分点",
    "serve_t_national": "全国实际增速{v:+g}个百分点",
    "serve_t_commodity": "大宗商品因子{v:+g}个百分点",
    "serve_t_rival": "{who}{v:+g}个百分点",
    "serve_warnings": "警告（ranksim run 对此状态给出的警告）：",
})
TEXT["en"].update({"default_model_name": "ranksim default model"})
TEXT["zh"].update({"default_model_name": "ranksim默认模型"})
