"""Labels: the words of reports, charts, tables and console lines, id -> (English, Chinese).

A label is shown with :func:`sim.present.i18n.t` (``t(lang, key, **params)``). Ids are the keys the
presentation code has always used (``chart_bump``, ``ans_head``, ``ds_real_growth`` ...), grouped
below by topic.

The panel's words are parameters (:data:`PANEL_WORDS`): a label about the panel's aggregate says
``{nation}`` ("the nation" / 全国), ``{national}`` or ``{National}`` where China's provinces read
"national", and ``{nation_zh}`` for 全国 inside an English text; ``t`` fills them from the shown
panel (Inner Mongolia / 全区 for its cities), so the caller never passes them. Chinese has one word
for all of them and writes ``{nation}``. "National" that means China whatever the panel (the named
national paths of data/national_paths.yaml, the statistics portal's national rows) is written out.
"""

# One label a line where it fits: its English and Chinese side by side.
# ruff: noqa: E501

#: The panel's words: name -> (English, Chinese) on China's provinces. On a panel with an aggregate
#: of its own, each is the aggregate's name in the language shown (sim.present.i18n.panel_words).
PANEL_WORDS: dict[str, tuple[str, str]] = {
    "nation": ("the nation", "全国"),
    "national": ("national", "全国"),
    "National": ("National", "全国"),
    "nation_zh": ("全国", "全国"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    # --- Chart names (the report's menu, `ranksim chart`)
    "chart_bump": ("Rank by year (bump chart)", "历年名次（排名变化图）"),
    "chart_trajectories": ("GDP trajectories", "GDP走势"),
    "chart_gap": ("Gap to the threshold", "与门槛的差距"),
    "chart_race": ("Bar-chart race", "名次赛跑动画"),
    "chart_passes": ("Who is passed when", "超越时间表"),
    "chart_fan": ("Rank fan (Monte Carlo)", "名次区间（蒙特卡洛）"),
    "chart_reach_probability": ("Probability of reaching the threshold", "进入门槛的概率"),
    "chart_rank_heatmap": ("Rank probabilities by year", "各年名次概率"),
    "chart_solve_curve": ("Required growth by deadline", "各截止年份所需增速"),
    "chart_sweep_line": ("Sweep: reach year and gap", "参数扫描：达到年份与差距"),
    "chart_sweep_heatmap": ("Sweep: reach year over two parameters", "参数扫描：两参数下的达到年份"),
    "chart_thresholds": ("Which midfield? Reach year by threshold", "哪个“中游”？各门槛的达到年份"),
    "chart_tornado": ("Tornado: one assumption at a time", "龙卷风图：逐项改变假设"),
    "chart_sobol": ("Sobol indices", "Sobol 指数（各假设对结果方差的贡献）"),
    "chart_backtest_error": ("Backtest: rank error by jump-off year", "回测：各起点年份的名次误差"),
    "chart_coverage": ("Backtest: Monte Carlo interval coverage", "回测：蒙特卡洛区间覆盖率"),

    # --- The lead over the national path; console lines: sweeps, sensitivity, solve, backtest, Monte Carlo
    "lead_text": ("{national} path + {lead}", "{nation}路径 + {lead}"),
    "sweep_head": ("Sweep of {name}: {n:,} points; threshold rank {k}", "参数扫描：{name}，共{n:,}个点；门槛第{k}位"),
    "col_reach": ("reach year", "达到年份"),
    "col_rank": ("rank {y}", "{y}年名次"),
    "col_gap": ("gap %", "差距%"),
    "col_prob": ("P(by {y})", "到{y}年概率"),
    "never_short": ("never", "未达到"),
    "sweep_more": ("  ... {n:,} more points (use --json or --out)", "  ……另有{n:,}个点（用 --json 或 --out 查看）"),
    "sens_head": ("Sensitivity of {outcome} ({name}); scenario value {v}", "{outcome}的敏感性（{name}）；情景值 {v}"),
    "col_param": ("parameter", "参数"),
    "col_low": ("low", "低"),
    "col_high": ("high", "高"),
    "col_out_low": ("outcome low", "低值结果"),
    "col_out_high": ("outcome high", "高值结果"),
    "shift_mark": (" (shift)", "（平移）"),
    "sens_sobol": (
        "  Sobol indices (n = {n}, 95% bootstrap intervals):",
        "  Sobol 指数（各假设对结果方差的贡献；n = {n}，95%自助法区间）：",
    ),
    "sobol_first": ("first", "一阶"),
    "sobol_total": ("total", "总效应"),
    "sens_censored": (
        "  note: {share:.0%} of points never reach the threshold and count as {y}; a gap_<year> outcome avoids this censoring",
        "  注：{share:.0%}的点未达到门槛，按{y}年计；用 gap_<年份> 结果可避免此删失",
    ),
    "solve_kind_prob": ("with probability {p:g}", "概率{p:g}"),
    "solve_kind_det": ("deterministic", "确定性"),
    "solve_curve": ("  required growth by deadline ({kind}): ", "  各截止年份所需增速（{kind}）："),
    "bt_head": (
        "Backtest of {name}: horizon {h}, jump-offs {y0}-{y1} ({n}), {national} {nat}",
        "回测：{name}；预测期{h}年，起点{y0}-{y1}年（{n}个），{nation}增速 {nat}",
    ),
    "bt_col_model": ("model", "模型"),
    "bt_col_naive": ("naive", "不变"),
    "bt_verdict_yes": (
        "  the model beats the naive forecast (ranks stay) on mean absolute rank error",
        "  按平均绝对名次误差，模型优于“名次不变”的朴素预测",
    ),
    "bt_verdict_no": (
        "  the model does NOT beat the naive forecast (ranks stay) on mean absolute rank error",
        "  按平均绝对名次误差，模型没有优于“名次不变”的朴素预测",
    ),
    "bt_coverage": (
        "  Monte Carlo coverage: 50% interval {c50:.0%}, 80% interval {c80:.0%}",
        "  蒙特卡洛覆盖率：50%区间 {c50:.0%}，80%区间 {c80:.0%}",
    ),
    "mc_line": (
        "Monte Carlo ({paths}, {method}, seed {seed}): P(reach) {shown}; reach year 10/50/90%: {q10} / {q50} / {q90}",
        "蒙特卡洛（{paths}，{method}，随机种子{seed}）：进入概率 {shown}；达到年份10/50/90%分位：{q10} / {q50} / {q90}",
    ),
    "mc_by": ("by {y}: {p:.1%}", "到{y}年 {p:.1%}"),
    "mc_paths": ("{n:,} paths", "{n:,}条路径"),
    "mc_path_one": ("1 path", "1条路径"),

    # --- The assumptions table and the model in words
    "a_nat_gdp": ("{National} GDP, preliminary (100m yuan)", "{nation}GDP初步核算数（亿元）"),
    "a_commodity": ("Coal and energy prices against {nation} (commodity factor)", "煤炭能源价格相对{nation}（大宗商品因子）"),
    "a_shift": ("{who}: {what} shifted in", "{who}：{what}临时调整"),
    "a_gdp": (
        "{who}: GDP, preliminary (100m yuan; the projection passes through it)",
        "{who}：GDP初步核算数（亿元，预测经过该值）",
    ),
    "dm_resource_neutral": (
        "; deflators: that spread too{d}, except the coal and energy regions ({names}), whose prices follow {nation}'s (no boom carried forward)",
        "；平减指数：同样的增速差{d}，但煤炭能源地区（{names}）价格随{nation}（不延续价格繁荣）",
    ),
    "dm_factor_neutral": (
        "; deflators: that spread too{d}, except the regions whose prices move with a common cycle ({names}), whose prices follow {nation}'s",
        "；平减指数：同样的增速差{d}，但价格随共同周期变动的地区（{names}）价格随{nation}",
    ),
    "dm_spread_only": ("; deflators: that spread too{d}", "；平减指数：同样的增速差{d}"),
    "dh_year": (", halving every year", "，每年减半"),
    "dh_years": (", halving every {h:g} years", "，每{h:g}年减半"),
    "list_sep_enum": (", ", "、"),
    "dm_mean_spread": ("; deflators: the same decaying mean spread (version 0.1)", "；平减指数：同样的衰减平均差（0.1版）"),
    "dm_fading": (
        "; deflators: the window's mean spread too{d}",
        "；平减指数：同样用窗口平均差{d}",
    ),
    "dm_national": ("; deflators: the {national} path", "；平减指数：{nation}路径"),
    "dm_error_correction": (
        "; deflators: error correction toward each region's long-run relative price level (speed {b:.3f} a year, estimated {y0}-{y1})",
        "；平减指数：误差修正，向各地区长期相对价格水平回归（速度每年{b:.3f}，{y0}-{y1}年估计）",
    ),
    "a_warning": ("⚠ Check this assumption", "⚠ 请核实此假设"),
    "assume": (
        "Assumed: {r:.1f} % real and {d:.1f} % prices = {g:.1f} % nominal a year, against {rg:.1f} % for the {regions} it must pass (means over the projection).",
        "假设：实际增速{r:.1f}%、价格涨幅{d:.1f}%，名义增速每年{g:.1f}%；需超越的{regions}名义增速为{rg:.1f}%。",
    ),
    "assume_alone": (
        "Assumed: {r:.1f} % real and {d:.1f} % prices = {g:.1f} % nominal a year.",
        "假设：实际增速{r:.1f}%、价格涨幅{d:.1f}%，名义增速每年{g:.1f}%。",
    ),
    "region_one": ("region", "1个地区"),
    "region_many": ("{n} regions", "{n}个地区"),

    # --- The answer and the summary
    "ans_head": ("Under this scenario {who} (rank {r} in {b})", "在此情景下，{who}（{b}年第{r}位）"),
    "ans_never": (
        " does not reach rank {k} by {h}: its best rank is {best}, and in {h} its GDP is {share:.1f}% of the region ranked {k}.",
        "到{h}年仍未进入前{k}位：最好名次为第{best}位，{h}年GDP为第{k}位地区的{share:.1f}%。",
    ),
    "ans_already": (" is already within rank {k} in the base year.", "在基准年已处于前{k}位。"),
    "ans_reach": (" reaches rank {k} in {y}.", "于{y}年进入前{k}位。"),
    "ans_passes": (" It passes {list}.", "超越：{list}。"),
    "ans_passed_by": ("It is passed by {list}.", "被超越：{list}。"),
    "name_year": ("{who} ({y})", "{who}（{y}）"),
    "list_sep": (", ", "、"),
    "sum_target": ("target", "目标地区"),
    "sum_head": ("  {target}: {region}; {where}", "  {target}：{region}；{where}"),
    "sum_threshold": (
        "threshold: rank <= {k} of {n}; base year {b}, horizon {h}",
        "门槛：{n}个地区中前{k}位；基准年{b}，预测至{h}年",
    ),
    "sum_rank": ("target rank", "目标地区名次"),
    "sum_reach": ("reach year", "达到年份"),
    "sum_never": ("not reached by {h}", "到{h}年未达到"),

    # --- Charts: axes, titles, legends
    "rank": ("Rank (1 = largest GDP)", "名次（1 = GDP最大）"),
    "year": ("Year", "年份"),
    "gdp": ("Nominal GDP (100m yuan, log scale)", "名义GDP（亿元，对数坐标）"),
    "gdp_linear": ("Nominal GDP (100m yuan)", "名义GDP（亿元）"),
    "history": ("history", "历史"),
    "projection": ("projection", "预测"),
    "projected": ("projected", "预测"),
    "band": ("rank ≤ {k}", "前{k}位"),
    "bump_title": (
        "Rank of every region by nominal GDP, {y0}-{y1} (dashed = projected)",
        "各地区名义GDP排名，{y0}-{y1}年（虚线为预测）",
    ),
    "traj_title": (
        "GDP of {who} and the regions it must pass (log scale, dashed = projected)",
        "{who}及其需超越地区的GDP（对数坐标，虚线为预测）",
    ),
    "gap_title": ("{who}'s GDP as % of the region ranked {k}", "{who}GDP相当于第{k}位地区的百分比"),
    "gap_axis": ("% of the GDP at rank {k}", "相当于第{k}位GDP的%"),
    "race_title": ("Ranking race: nominal GDP by region", "排名竞赛：各地区名义GDP"),
    "passes_title": ("Who is passed when", "超越时间表"),
    "passed": ("passes", "超越"),
    "passed_by": ("is passed by", "被超越"),
    "reach": ("reaches rank {k} in {y}", "{y}年进入前{k}位"),
    "no_reach": ("not within rank {k} by {y}", "到{y}年未进入前{k}位"),
    "cross": ("100% = level with rank {k}", "100% = 与第{k}位持平"),
    "play": ("Play", "播放"),
    "pause": ("Pause", "暂停"),
    "province": ("Region", "地区"),
    "direction": ("Event", "事件"),
    "no_passes": ("No change of order with any region.", "与任何地区之间的排序均无变化。"),
    "start": ("projection starts", "预测起点"),
    "region_north": ("North", "华北"),
    "region_northeast": ("Northeast", "东北"),
    "region_east": ("East", "华东"),
    "region_central_south": ("Central-South", "中南"),
    "region_southwest": ("Southwest", "西南"),
    "region_northwest": ("Northwest", "西北"),
    "region_other": ("Other", "其他"),

    # --- The report: the answer, the assumptions and the model
    "report_title": ("ranksim report", "ranksim 报告"),
    "answer": ("Answer", "结论"),
    "passed_by_none": ("No region passes it.", "期间没有地区超过它。"),
    "midfield": (
        "Threshold: rank ≤ {k} of {n} regions by nominal GDP{median}. Reach year = the first year the target's rank is ≤ {k}.",
        "门槛：按名义GDP在{n}个地区中排名前{k}位{median}。达到年份 = 目标地区名次首次不低于第{k}位的年份。",
    ),
    "median": (" (the median, i.e. the {national} midfield {nation_zh}中游)", "（中位数，即“{nation}中游”）"),
    "assumptions": ("Assumptions", "假设"),
    "assumption": ("Assumption", "假设"),
    "value": ("Value", "取值"),
    "source": ("Source / comment (from the scenario file)", "来源 / 注释（来自情景文件）"),
    "a_threshold": ("Threshold rank", "门槛名次"),
    "a_nat_real": ("{National} real growth", "{nation}实际增速"),
    "a_nat_defl": ("{National} GDP deflator", "{nation}GDP平减指数"),
    "a_target_real": ("{who}: real growth", "{who}：实际增速"),
    "a_target_defl": ("{who}: deflator", "{who}：平减指数"),
    "a_others": ("Other regions", "其他地区"),
    "a_prov_real": ("{who}: real growth", "{who}：实际增速"),
    "a_prov_defl": ("{who}: deflator", "{who}：平减指数"),
    "trailing": ("trailing 5-year mean to {b}: {v:.2f} %", "截至{b}年的近5年平均：{v:.2f}%"),
    "from_model": ("from the model for other regions: {desc}", "按其他地区的模型：{desc}"),
    "m_national": ("{national} paths", "{nation}路径"),
    "m_spread": (
        "{national} path + own mean spread over {nation} in {w0}-{w1}{ex}, {decay}",
        "{nation}路径 + 本地区{w0}-{w1}年相对{nation}的平均增速差{ex}，{decay}",
    ),
    "m_targets": (
        "announced targets for the years that have one ({file}); otherwise {national} path + own spread in {w0}-{w1}{ex}, {decay}",
        "有公布目标的年份用公布目标（{file}）；其余年份为{nation}路径 + 本地区{w0}-{w1}年平均增速差{ex}，{decay}",
    ),
    "excl": (" (excluding {y})", "（剔除{y}年）"),
    "decay": ("halving every {h:g} years", "每{h:g}年减半"),
    "no_decay": ("not decaying", "不衰减"),
    "spread_of": (
        "own spread {r:+.2f} pp real, {d:+.2f} pp deflator",
        "本地区增速差：实际{r:+.2f}个百分点，平减指数{d:+.2f}个百分点",
    ),

    # --- The report: provenance, actual against projected, the rank fan
    "charts": ("Charts", "图表"),
    "provenance": ("Data and provenance", "数据与来源"),
    "file": ("File", "文件"),
    "data_last_year": (
        "Last year of data: {y}. Base year: {b}. Horizon: {h}.",
        "数据最后年份：{y}。基准年：{b}。预测终点：{h}。",
    ),
    "data_last_year_only": ("Last year of data: {y}.", "数据最后年份：{y}。"),
    "version": ("ranksim {v}. Command: {c}", "ranksim {v}。命令：{c}"),
    "seed": ("Random seed: {s}", "随机种子：{s}"),
    "percent_note": (
        "Growth in percent per year. Nominal GDP = real growth × deflator; ranks use nominal GDP.",
        "增速单位为每年百分比。名义GDP = 实际增长 × 平减指数；排名按名义GDP。",
    ),
    "rank_by_year": ("Target rank by year", "目标地区各年名次"),
    "actual_title": (
        "The projection against what happened (years after the base year that the data has)",
        "预测与实际对照（基准年之后、数据中已有的年份）",
    ),
    "projected_rank": ("projected rank", "预测名次"),
    "actual_rank": ("actual rank", "实际名次"),
    "projected_gdp": ("projected GDP", "预测GDP"),
    "actual_gdp": ("actual GDP", "实际GDP"),
    "gdp_error": ("GDP error %", "GDP误差%"),
    "fan_title": (
        "{who}'s rank: median and 50% / 80% bands ({paths:,} paths, {method})",
        "{who}名次：中位数及50% / 80%区间（{paths:,}条路径，{method}）",
    ),
    "median_rank": ("median", "中位数"),
    "band50": ("50% band", "50%区间"),
    "band80": ("80% band", "80%区间"),
    "reach_prob_title": ("Probability that {who} has reached rank {k} by each year", "{who}到各年份已进入前{k}位的概率"),
    "reach_prob_axis": ("probability", "概率"),
    "heat_title": ("Probability of each rank for {who}, by year", "{who}各年份各名次的概率"),

    # --- The report's Monte Carlo section
    "mc_section": ("How sure? Monte Carlo", "把握有多大？蒙特卡洛模拟"),
    "mc_sentence": (
        "Over {paths:,} simulated paths ({method}, seed {seed}), the probability of reaching rank {k} is {p27} by 2027, {p30} by 2030 and {p35} by 2035. Median reach year: {q50}; one path in ten reaches it by {q10}.",
        "在{paths:,}条模拟路径中（{method}，随机种子{seed}），到2027年进入前{k}位的概率为{p27}，到2030年为{p30}，到2035年为{p35}。达到年份的中位数：{q50}；十分之一的路径不晚于{q10}达到。",
    ),
    "mc_never": ("not reached by {h}", "到{h}年未达到"),
    "mc_method": ("Shocks: {desc}", "冲击：{desc}"),
    "mc_bootstrap": (
        "whole historical years of deviations resampled (years {w0}-{w1} usable, {h} years; block {b}; scale {s:g})",
        "按整年重抽历史偏差（可用年份{w0}-{w1}，共{h}年；区块长度{b}；放大系数{s:g}）",
    ),
    "mc_normal": (
        "multivariate normal with the sample covariance of the {h} historical deviations ({w0}-{w1}), shrunk toward its diagonal (intensity {lam:.2f}); scale {s:g}",
        "多元正态分布，协方差为{h}个历史年份偏差（{w0}-{w1}）的样本协方差并向对角线收缩（强度{lam:.2f}）；放大系数{s:g}",
    ),
    "mc_none": ("none (deterministic)", "无（确定性）"),
    "year_fmt": ("{y}", "{y}年"),

    # --- The backtest report
    "bt_title": ("Backtest: {h}-year rank forecasts from {y0}-{y1} jump-offs", "回测：从{y0}-{y1}年起点出发的{h}年名次预测"),
    "bt_mae_title": (
        "Mean absolute rank error by jump-off year (horizon {h} years)",
        "各起点年份的平均名次绝对误差（预测期{h}年）",
    ),
    "bt_mae_axis": ("mean |projected rank - actual rank|", "|预测名次 - 实际名次|的平均值"),
    "bt_jump": ("jump-off year", "起点年份"),
    "bt_model": ("model", "模型"),
    "bt_naive": ("naive (ranks stay)", "朴素预测（名次不变）"),
    "bt_cov_title": (
        "Monte Carlo interval coverage (share of actual ranks inside)",
        "蒙特卡洛区间覆盖率（实际名次落入区间的比例）",
    ),
    "bt_nominal": ("nominal", "名义覆盖率"),
    "bt_actual": ("actual", "实际覆盖率"),
    "bt_metric": ("Metric", "指标"),
    "bt_sentence_better": (
        "Over {n} jump-off years and {r} regions, the model's {h}-year rank forecasts miss by {m:.2f} ranks on average against {v:.2f} for the naive forecast that ranks stay as they are: {pct:.0f}% smaller errors.",
        "在{n}个起点年份、{r}个地区上，模型的{h}年名次预测平均误差为{m:.2f}个名次，朴素预测（名次不变）为{v:.2f}：误差小{pct:.0f}%。",
    ),
    "bt_sentence_worse": (
        "Over {n} jump-off years and {r} regions, the model's {h}-year rank forecasts miss by {m:.2f} ranks on average against {v:.2f} for the naive forecast: the model does NOT beat ranks staying as they are at this horizon.",
        "在{n}个起点年份、{r}个地区上，模型的{h}年名次预测平均误差为{m:.2f}个名次，朴素预测为{v:.2f}：在此预测期模型并不优于“名次不变”。",
    ),
    "bt_target": ("For {who} alone: model {m:.2f}, naive {v:.2f}.", "仅看{who}：模型{m:.2f}，朴素预测{v:.2f}。"),
    "bt_settings": (
        "{National} growth: {nat}. Spread window: {w} years; half-life: {hl}.",
        "{nation}增速：{nat}。增速差估计窗口：{w}年；半衰期：{hl}。",
    ),
    "bt_region": (
        "{who} on its own: out of sample (settings chosen by rolling origin) {oos:.2f} ranks against {naive:.2f} for ranks stay (all regions {oos_all:.3f} against {naive_all:.3f}).",
        "仅看{who}：样本外（设置按滚动起点选择）名次平均绝对误差{oos:.2f}，“名次不变”为{naive:.2f}（全部地区：{oos_all:.3f}对{naive_all:.3f}）。",
    ),
    "bt_region_cover": (
        "{who}'s own nominal-level bands held the outcome {c50:.0%} (50% band) and {c80:.0%} (80% band) of the time at {h} years; all regions {p50:.0%} and {p80:.0%}.",
        "{who}自身的名义总量区间在{h}年预测期覆盖实际结果的比例：50%区间{c50:.0%}，80%区间{c80:.0%}；全部地区为{p50:.0%}和{p80:.0%}。",
    ),
    "track_better": (
        "How the method did for {who} before: from jump-offs {y0}-{y1}, its {h}-year rank forecasts (settings chosen out of sample) missed by {oos:.2f} ranks on average against {naive:.2f} for ranks staying as they were, and its 50% / 80% bands held the outcome {c50:.0%} / {c80:.0%} of the time ({source}, {date}).",
        "此方法过去对{who}的表现：从{y0}-{y1}年起点出发，{h}年名次预测（设置按样本外选择）平均误差{oos:.2f}个名次，“名次不变”为{naive:.2f}；50%/80%区间覆盖实际结果的比例为{c50:.0%}/{c80:.0%}（{source}，{date}）。",
    ),
    "track_worse": (
        "How the method did for {who} before: from jump-offs {y0}-{y1}, its {h}-year rank forecasts (settings chosen out of sample) missed by {oos:.2f} ranks on average against {naive:.2f} for ranks staying as they were, so for this region it had no skill over \"ranks stay\", and its 50% / 80% bands held the outcome {c50:.0%} / {c80:.0%} of the time ({source}, {date}).",
        "此方法过去对{who}的表现：从{y0}-{y1}年起点出发，{h}年名次预测（设置按样本外选择）平均误差{oos:.2f}个名次，“名次不变”为{naive:.2f}，即对该地区并不优于“名次不变”；50%/80%区间覆盖实际结果的比例为{c50:.0%}/{c80:.0%}（{source}，{date}）。",
    ),

    # --- The report's sweep, sensitivity and solve sections
    "sweep_section": ("What if? Sweeps", "如果……会怎样？参数扫描"),
    "sweep_line_title": ("Reach year of rank {k} against {param}", "进入前{k}位的年份随{param}的变化"),
    "sweep_heat_title": (
        "Reach year of rank {k} (contours at {levels}; blank = not by {h})",
        "进入前{k}位的年份（等值线：{levels}；空白 = 到{h}年未达到）",
    ),
    "reach_year": ("reach year", "达到年份"),
    "gap_at": ("gap at {h} (%)", "{h}年差距（%）"),
    "thr_title": ("Which midfield? Reach year by threshold rank and {param}", "哪个“中游”？不同门槛名次与{param}下的达到年份"),
    "threshold": ("threshold rank", "门槛名次"),
    "never": ("–", "–"),
    "sens_section": ("Which assumptions matter most?", "哪些假设最重要？"),
    "tornado_title": (
        "Tornado: {outcome} when one assumption moves from low to high",
        "龙卷风图：单个假设由低到高时的{outcome}",
    ),
    "sobol_title": (
        "Sobol indices of {outcome} (bars: total; dots: first order; 95% CI)",
        "{outcome}的 Sobol 指数（方差贡献；柱：总效应；点：一阶效应；95%置信区间）",
    ),
    "first_order": ("first order", "一阶"),
    "sobol_undefined": ("undefined (the outcome does not vary over these ranges)", "无定义（在这些范围内结果不变）"),
    "total_order": ("total", "总效应"),
    "low": ("low", "低"),
    "high": ("high", "高"),
    "base": ("scenario", "情景"),
    "solve_section": ("What growth would it take?", "需要多高的增速？"),
    "solve_title": (
        "Real growth of {who} needed to reach rank {k} by each year{prob}",
        "{who}在各年份前进入前{k}位所需的实际增速{prob}",
    ),
    "required": ("required constant real growth (%)", "所需的恒定实际增速（%）"),
    "own_growth": ("scenario's own growth", "情景自身增速"),
    "deadline": ("deadline", "截止年份"),
    "solve_sentence": (
        "To reach rank {k} by {by}{prob}, {who} needs a constant real growth of {g} a year from {b1}, everything else as in the scenario.",
        "要到{by}年进入前{k}位{prob}，{who}需要自{b1}年起每年保持{g}的实际增速，其他条件同情景。",
    ),
    "solve_unreachable": (
        "Within -10% to 30% real growth a year, {who} cannot reach rank {k} by {by}{prob}.",
        "在每年-10%至30%的实际增速范围内，{who}无法到{by}年进入前{k}位{prob}。",
    ),
    "with_prob": (" with probability {p:.0%}", "（概率{p:.0%}）"),

    # --- Honest uncertainty (issue 11): backtest lines, coverage by horizon, PIT, probabilistic sweep
    "bt_level": (
        "  Nominal-level bands (each region's share of the total): 50% band {c50:.0%}, 80% band {c80:.0%}",
        "  名义总量区间（各地区占合计的比重）覆盖率：50%区间 {c50:.0%}，80%区间 {c80:.0%}",
    ),
    "bt_oos_short": (
        "  note: the data are too short to score horizons of {dropped} years, left out; the out-of-sample choice pools horizons {kept} and windows of {windows} years",
        "  注意：数据太短，无法评估{dropped}年的预测期，已略去；样本外选择汇总{kept}年的预测期，候选窗口为{windows}年",
    ),
    "bt_oos": (
        "  Out of sample (window, half-life and deflator model chosen by rolling origin): rank MAE {oos:.3f} (best in hindsight {ins:.3f})",
        "  样本外（窗口、半衰期和价格模型按滚动起点选择）：名次平均绝对误差 {oos:.3f}（事后最优 {ins:.3f}）",
    ),
    "bt_revisions": (
        "  From the data as published ({vintages}): revisions alone cause {share:.0%} of the \"ranks stay\" error ({old:.3f} against {new:.3f} on today's data)",
        "  按当时公布的数据（{vintages}）：数据修订本身造成“名次不变”预测误差的{share:.0%}（{old:.3f}，按今日数据为{new:.3f}）",
    ),
    "chart_pit": (
        "Backtest: where the outcomes fell in their Monte Carlo distribution (PIT)",
        "回测：实际结果落在蒙特卡洛分布中的位置（PIT 直方图，概率积分变换）",
    ),
    "chart_sweep_probability": ("Probability of reaching the threshold over the sweep", "参数网格上达到门槛的概率"),
    "cov_rank": ("ranks", "名次"),
    "cov_level": ("nominal level (share)", "名义总量（占比）"),
    "cov_by_horizon_title": (
        "Coverage of the nominal-level bands by horizon (nominal: dashed)",
        "各预测期名义总量区间的覆盖率（虚线为名义水平）",
    ),
    "cov_horizon": ("years ahead", "预测年数"),
    "cov_band": ("{p:.0%} band", "{p:.0%}区间"),
    "pit_title": (
        "PIT histogram of nominal shares: flat = calibrated; U = bands too narrow; hump = too wide",
        "名义占比的 PIT 直方图（实际值在模拟分布中所处的分位）：平坦=校准良好；U形=区间过窄；驼峰=区间过宽",
    ),
    "pit_x": ("share of Monte Carlo paths below the outcome", "低于实际结果的模拟路径比例"),
    "pit_y": ("share of outcomes", "结果占比"),
    "sweep_prob_title": (
        "P(rank {k} reached by {y}) over the grid ({paths:,} paths each, same draws)",
        "到{y}年进入前{k}位的概率（每点{paths:,}条路径，相同抽样）",
    ),
    "sweep_prob_line_title": (
        "P(rank {k} reached by each year) against {param} ({paths:,} paths each, same draws)",
        "各年份前进入前{k}位的概率随{param}的变化（每点{paths:,}条路径，相同抽样）",
    ),
    "p_by": ("P(by {y})", "到{y}年的概率"),

    # --- The planner's workbench (issue 12): assumptions table, answer box, files, workbook, console
    "wrote": ("wrote {files}", "已写入 {files}"),
    "x_scenario": ("Scenario", "情景"),
    "x_question": ("Question", "问题"),
    "x_question_run": (
        "When, and how surely, does {who} reach rank {k} of {n} by nominal GDP (by {h})?",
        "{who}何时、以多大把握按名义GDP进入{n}个地区的前{k}位（至{h}年）？",
    ),
    "x_question_backtest": (
        "Would the growth model have been right {h} years ahead, against ranks staying where they are?",
        "与“名次不变”相比，增长模型提前{h}年的预测是否准确？",
    ),
    "x_answer": ("Answer", "结论"),
    "x_assumed": ("Assumed", "主要假设"),
    "x_result": ("Result", "结果"),
    "x_every_value": ("Every region and year", "各地区各年份"),
    "x_sheet": ("sheet '{s}'", "见工作表“{s}”"),
    "x_command": ("Command", "命令"),
    "x_seed": ("Random seed", "随机种子"),
    "src_model": ("model", "模型"),
    "src_target": ("announced target", "公布目标"),
    "src_scenario": ("scenario", "情景设定"),
    "src_lead": ("lead over {nation}", "高于{nation}"),
    "src_parameter": ("parameter", "参数"),
    "src_preliminary": ("preliminary figure", "初步核算数"),
    "src_shift": (" + shift", " + 临时调整"),
    "src_computed": ("(1 + real) × (1 + deflator) − 1", "（1 + 实际）×（1 + 平减指数）− 1"),
    "sum_region": ("{en} / {zh} ({code})", "{zh}（{code}）"),  # English names the region in both scripts
    "lead_section": ("The answer as a lead over {nation}", "以比{nation}增速高出多少表示的结论"),
    "lead_own": (
        "The scenario's path for {who} is a real-growth lead of {cmp} points a year over the {national} path on average ({a}-{b}).",
        "情景中{who}的实际增速平均{cmp}个百分点（{a}-{b}年）。",
    ),
    "method_bootstrap": ("bootstrap", "自助抽样"),
    "method_normal": ("normal", "多元正态"),
    "method_none": ("none", "无冲击"),
    "bt_nat_trailing": ("trailing", "近5年平均"),
    "bt_nat_actual": ("actual", "实际值"),
    "bt_m_rank_mae": ("rank_mae", "名次平均绝对误差"),
    "bt_m_spearman": ("spearman", "Spearman 秩相关"),
    "bt_m_exact_share": ("exact_share", "名次完全正确比例"),
    "bt_m_target_rank_mae": ("target_rank_mae", "目标地区名次误差"),
    "p_province_real": ("{who} real growth", "{who}实际增速"),
    "p_province_lead": ("{who} lead over {nation} (points)", "{who}比{nation}增速高出（百分点）"),
    "p_province_defl": ("{who} deflator", "{who}平减指数"),
    "p_national_real": ("{national} real growth", "{nation}实际增速"),
    "p_national_defl": ("{national} deflator", "{nation}平减指数"),
    "p_half_life": ("half-life of other regions' growth spreads", "其他地区实际增速差半衰期"),
    "p_deflator_half_life": ("half-life of other regions' price spreads", "其他地区价格差半衰期"),
    "p_threshold": ("threshold rank", "门槛名次"),
    "o_reach_year": ("reach year", "达到年份"),
    "o_gap": ("gap to the threshold in {y} (%)", "{y}年差距（与门槛相比，%）"),
    "o_rank": ("rank in {y}", "{y}年名次"),
    "at_title": ("Every region's growth, year by year", "各地区逐年增速"),
    "at_note": (
        "Percent a year. Source: scenario = a value the scenario file sets; lead = the {national} path plus the scenario's lead; model = the model for other regions ({national} path plus the region's own spread, fading; see Other regions above); announced target = {its} announced target less its record of missing them; preliminary figure = the deflator implied by a preliminary GDP figure; + shift = a temporary shift added in that year.",
        "单位为每年百分比。来源：情景设定 = 情景文件给定的值；高于{nation} = {nation}路径加情景给定的差值；模型 = 其他地区的模型（{nation}路径加本地区逐步衰减的增速差，见上文“其他地区”）；公布目标 = {its}公布的目标减去其以往未完成的幅度；初步核算数 = 由GDP初步核算数推算的平减指数；+ 临时调整 = 当年另加的临时调整。",
    ),
    "at_focus": (
        "The regions ranked around the threshold (rank {lo}-{hi} in {b}) and every region the target passes or is passed by:",
        "门槛附近的地区（{b}年第{lo}-{hi}位）以及目标地区超越或被其超越的所有地区：",
    ),
    "at_rest": ("The other {n} regions", "其余{n}个地区"),
    "at_region": ("Region", "地区"),
    "at_rank": ("Rank {b}", "{b}年名次"),
    "at_real": ("real", "实际"),
    "at_defl": ("deflator", "平减指数"),
    "at_nominal": ("nominal", "名义"),
    "at_source": ("source", "来源"),
    "top_mc": (
        "Monte Carlo ({paths:,} paths, seed {seed}): P(reached) {shown}; median reach year {q50}.",
        "蒙特卡洛模拟（{paths:,}条路径，随机种子{seed}）：进入概率 {shown}；达到年份中位数{q50}。",
    ),
    "top_mc_by": ("by {y}: {p}", "到{y}年{p}"),
    "top_bunched": (
        "Why the median reach year ({q50}) can differ from this scenario's ({det}): the {n} regions it must pass are bunched (their {b} GDP lies within {spread:.0f} % of one another), so reaching rank {k} means passing all of them; a path that falls a little short of the group reaches it years later, or not at all.",
        "为何达到年份的中位数（{q50}）可能不同于本情景的结果（{det}）：需超越的{n}个地区彼此接近（{b}年GDP相差不超过{spread:.0f}%），进入前{k}位意味着要全部超越它们；略落后于这一组的路径要晚好几年才能达到，甚至达不到。",
    ),
    "top_bunched_one": (
        "Why the median reach year ({q50}) can differ from this scenario's ({det}): a reach year is the first year of a path inside the band, and paths cross at different speeds; the median of such first years is not the year of the median path.",
        "为何达到年份的中位数（{q50}）可能不同于本情景的结果（{det}）：达到年份是每条路径首次进入门槛的年份，各路径越过门槛的快慢不同，这些年份的中位数并不是中位路径的达到年份。",
    ),

    # --- ranksim diff and ranksim serve (issue 12)
    "chart_diff_waterfall": ("What moved the answer (waterfall)", "答案为何变化（瀑布图）"),
    "diff_title": ("What changed between two scenarios", "两个情景之间的差异"),
    "diff_head": ("Diff: {who}, threshold rank {k}", "情景差异：{who}，门槛名次{k}"),
    "diff_answer": ("reach year {a} → {b}", "达到年份 {a} → {b}"),
    "diff_gap": ("gap {y}: {a:+.1f} % → {b:+.1f} %", "{y}年差距：{a:+.1f}% → {b:+.1f}%"),
    "diff_never": ("not by {h}", "到{h}年未达到"),
    "diff_changes": (
        "{n} changes (values A → B; model = left to the others model, – = not projected):",
        "共{n}处不同（数值 A → B；模型 = 由其他地区模型决定，– = 未预测）：",
    ),
    "diff_changes_one": (
        "1 change (values A → B; model = left to the others model, – = not projected):",
        "共1处不同（数值 A → B；模型 = 由其他地区模型决定，– = 未预测）：",
    ),
    "diff_no_changes": (
        "no differing assumption: the two scenarios resolve to the same values",
        "没有不同的假设：两个情景解析后的数值相同",
    ),
    "diff_effects": (
        "Effect on the answer: switching changes on one at a time in the order above (step), and the Shapley average over {orders} orders ({method}); never reached counts as {c}; gaps in percentage points",
        "对答案的影响：按上述顺序逐一启用各项变化（逐步），以及 Shapley 分解（对{orders}种启用顺序的影响取平均，{method}）；未达到按{c}年计；差距单位为百分点",
    ),
    "diff_exact": ("exact, every order", "精确，全部顺序"),
    "diff_sampled": ("sampled with seed 0", "抽样，随机种子0"),
    "diff_step": ("step", "逐步"),
    "diff_shapley": ("Shapley", "Shapley"),
    "diff_total": ("total", "合计"),
    "diff_change": ("change", "变化"),
    "diff_values": ("values (A → B)", "数值（A → B）"),
    "diff_outcome_reach": ("reach year", "达到年份"),
    "diff_outcome_gap": ("gap {y}", "{y}年差距"),
    "diff_more": ("… {n} more", "……另有{n}项"),
    "diff_model": ("model", "模型"),
    "diff_wf_title": ("{outcome}: from A to B, {how}", "{outcome}：从A到B，{how}"),
    "diff_how_step": ("one change at a time", "逐一启用"),
    "diff_how_shapley": ("Shapley average", "Shapley 分解（各种顺序的平均）"),
    "diff_a": ("A", "A"),
    "diff_b": ("B", "B"),
    "dk_base_year": ("base year", "基准年"),
    "diff_base_note": (" (the years between: actual data instead of the projection)", "（其间各年：以实际数据取代预测）"),
    "dk_horizon": ("horizon", "预测终点年"),
    "dk_threshold_rank": ("threshold rank", "门槛名次"),
    "dk_national.real_growth": ("{national} real growth", "{nation}实际增速"),
    "dk_national.deflator": ("{national} deflator", "{nation}平减指数"),
    "dk_others.spreads": ("other regions' spreads over {nation}", "其他地区相对{nation}的增速差"),
    "dk_others.half_life": ("half-life of the spreads", "增速差的半衰期"),
    "dk_others.lean": (
        "other regions' lean toward shares staying (share of each spread kept)",
        "其他地区向“份额不变”靠拢（保留的增速差比例）",
    ),
    "dk_prices": ("commodity prices", "大宗商品价格"),
    # A scalar change has no series words in either language: the change's own label names it.
    "ds_base_year": ("", ""),
    "ds_horizon": ("", ""),
    "ds_threshold_rank": ("", ""),
    "ds_real_growth": ("real growth %", "实际增速%"),
    "ds_deflator": ("deflator %", "平减指数%"),
    "ds_shift_real": ("real shift pp", "实际增速调整（百分点）"),
    "ds_shift_deflator": ("deflator shift pp", "平减指数调整（百分点）"),
    "ds_gdp_growth": ("nominal growth from a preliminary GDP %", "由初步核算GDP得出的名义增速%"),
    "ds_spread_real": ("real spread pp", "实际增速差（百分点）"),
    "ds_spread_deflator": ("deflator spread pp", "平减指数差（百分点）"),
    "ds_half_life": ("years", "年"),
    "ds_deflator_half_life": ("deflator spreads: years", "平减指数差：年"),
    "ds_spread_weight": ("share of the spread kept", "保留的增速差比例"),
    "ds_commodity": ("commodity factor pp", "大宗商品因子（百分点）"),
    "ds_target_price_path": ("target's price path pp", "目标地区价格路径（百分点）"),
    "serve_target_real": ("{who}: real growth, % a year (every projected year)", "{who}：实际增速，每年%（所有预测年份）"),
    "serve_target_deflator": ("{who}: deflator shift, pp", "{who}：平减指数调整，百分点"),
    "serve_national": ("{national} real growth shift, pp", "{nation}实际增速调整，百分点"),
    "serve_commodity": (
        "commodity factor shift, pp (coal and energy regions' prices)",
        "大宗商品因子调整，百分点（煤炭和能源地区价格）",
    ),
    "serve_rival": ("rival", "竞争对手"),
    "serve_rival_shift": ("rival's real growth shift, pp", "竞争对手实际增速调整，百分点"),
    "serve_deadline": ("P(reach) by year", "在此年份前达到的概率"),
    "serve_save": ("Save as scenario", "另存为情景"),
    "serve_download": ("Download the full report", "下载完整报告"),
    "serve_saved": ("saved {path}", "已保存 {path}"),
    "serve_probability": (
        "P(reach) by {y}: {p:.1%}; by {h}: {q:.1%} ({n:,} Monte Carlo paths)",
        "到{y}年达到的概率：{p:.1%}；到{h}年：{q:.1%}（{n:,}条蒙特卡洛路径）",
    ),
    "serve_latency": ("updated in {ms:.0f} ms (server)", "更新用时{ms:.0f}毫秒（服务器）"),
    "serve_bad": ("{what}: {msg}", "{what}：{msg}"),
    "serve_failed": ("could not evaluate: {msg}", "无法计算：{msg}"),
    "serve_listening": ("ranksim serve on {url} (Ctrl+C stops)", "ranksim serve 运行于 {url}（按Ctrl+C停止）"),
    "serve_field_target_real": ("target's real growth", "目标实际增速"),
    "serve_field_target_deflator_shift": ("deflator shift", "平减指数调整"),
    "serve_field_national_shift": ("{national} shift", "{nation}增速调整"),
    "serve_field_commodity_shift": ("commodity shift", "大宗商品因子调整"),
    "serve_field_rival": ("rival", "竞争对手"),
    "serve_field_rival_shift": ("rival's shift", "竞争对手调整"),
    "serve_field_deadline": ("year", "年份"),
    "serve_field_save": ("file name", "文件名"),

    # --- Panel scope (issue 15): notes on the panel's data and band scales
    "m_targets_none": (
        "no announced target ({file}) applies to these regions and years, so: ",
        "没有适用于这些地区和年份的公布目标（{file}），因此：",
    ),
    "note_encoding": ("note: {path} read as {enc} (not UTF-8)", "注意：{path} 按 {enc} 编码读取（不是UTF-8）"),
    "note_bands": (
        "note: band scales estimated from this panel's own outcomes (jump-offs {y0}-{y1}, in sample; the defaults were chosen on the provinces): uncertainty.scale {s:g}, parameter_scale {m:g}, parameter_half_life {hl:g}; 50/80 % level coverage {cov}. Write them in the scenario's uncertainty section to use them in montecarlo and run --paths",
        "注意：区间宽度按本数据表自身的历史结果估计（起点{y0}-{y1}年，样本内；默认值是按省级数据选定的）：uncertainty.scale {s:g}，parameter_scale {m:g}，parameter_half_life {hl:g}；50%/80%区间对名义GDP份额的覆盖率 {cov}。如要在 montecarlo 和 run --paths 中使用，请把它们写入情景的 uncertainty 部分",
    ),
    "note_bands_h": ("{c} at {h} years", "预测期{h}年 {c}"),
    "pm_no_resource": (
        "  (no coal and energy regions in this panel: no grouping by them and no commodity factor)",
        "  （该数据表没有煤炭能源地区：不按其分组，也没有大宗商品因子）",
    ),
    "note_clipped": (
        "note: jump-offs {a0}-{a1} clipped to {u0}-{u1}: a jump-off needs two years of data before it and {h} after it (data {d0}-{d1})",
        "注意：起点年份{a0}-{a1}已截为{u0}-{u1}：每个起点之前需有两年数据、之后需有{h}年数据（数据{d0}-{d1}年）",
    ),

    # --- Data import and vintages (`ranksim data import`, `ranksim data --vintages`)
    "imp_head": ("Import into {target}{created}", "导入到 {target}{created}"),
    "imp_created": (" (a new file)", "（新文件）"),
    "imp_dry": (" (dry run: nothing written)", "（试运行：未写入任何文件）"),
    "imp_file": (
        "  {file}: {layout}, {encoding}, {vintage}sha256 {sha}: {what}",
        "  {file}：{layout}，{encoding}，{vintage}sha256 {sha}：{what}",
    ),
    "imp_vintage": ("vintage {v}, ", "数据版本 {v}，"),
    "imp_what": ("{field} {years} ({n} values)", "{field} {years}（{n} 个数值）"),
    "imp_nothing_read": ("nothing this version reads", "没有本版本可读取的指标"),
    "enc_UTF-8 with BOM": ("UTF-8 with BOM", "UTF-8（带BOM）"),
    "layout_cross-section": ("cross-section", "截面表"),
    "layout_time series": ("time series", "时间序列表"),
    "layout_tidy": ("tidy table", "长表"),
    "imp_counts": (
        "  rows added: {rows}; values added: {added}; restated: {restated}; unchanged: {same}; conflicts between files: {conflicts}",
        "  新增行：{rows}；新增数值：{added}；修订：{restated}；未变：{same}；文件之间的冲突：{conflicts}",
    ),
    "imp_restated_head": ("  restatements (old → new){largest}:", "  数据修订（旧 → 新）{largest}："),
    "imp_largest": (", largest first", "，按幅度从大到小"),
    "imp_restated": (
        "    {who} {year} {field}: {old} → {new} ({change})",
        "    {who} {year}年 {field}：{old} → {new}（{change}）",
    ),
    "imp_conflicts_head": (
        "  values the files disagree on (the later file is kept):",
        "  文件之间不一致的数值（采用命令行中靠后的文件）：",
    ),
    "imp_conflict": ("    {who} {year} {field}: {values}", "    {who} {year}年 {field}：{values}"),
    "imp_kept": ("kept", "采用"),
    "imp_more": ("    ... {n:,} more (--all lists every one)", "    ……另有 {n:,} 条（加 --all 列出全部）"),
    "imp_no_change": (
        "nothing to change: {target} already holds every imported value",
        "无需修改：{target} 已包含全部导入的数值",
    ),
    "field_gdp_nominal_100m_yuan": ("nominal GDP", "地区生产总值"),
    "field_real_growth_pct": ("real growth", "实际增速"),
    "field_population_10k": ("population", "年末常住人口"),
    "imp_note_empty": (
        "  note: {n} rows have no {column} ({years}); ranksim needs nominal GDP and real growth in every row, so the panel will not load until an export fills them",
        "  注意：{n} 行没有{column}（{years}）；ranksim 要求每行都有地区生产总值和实际增速，补齐之前该数据表无法载入",
    ),
    "imp_note_regions": (
        "  note: {year} has {n} of {total} regions; the panel will not load until every region has that year",
        "  注意：{year}年只有 {n}/{total} 个地区；每个地区都有该年数据之前，该数据表无法载入",
    ),
    "imp_note_national_missing": (
        "  note: {file} has no national row for {years}; import the national export (年度数据: 国内生产总值, 国内生产总值指数) too",
        "  注意：{file} 缺少 {years} 年的全国数据；请同时导入全国数据（年度数据：国内生产总值、国内生产总值指数）",
    ),
    "imp_note_national_ignored": (
        "  note: national figures ignored (this panel's {national} series is the sum of its regions)",
        "  注意：已忽略全国数据（该数据表的{nation}序列为各地区之和）",
    ),
    "imp_note_not_in_panel": (
        "  note: {n} regions are not in this panel and were left out: {names}",
        "  注意：{n} 个地区不在该数据表中，已略过：{names}",
    ),
    "imp_note_from_file_name": (
        "  note: {file} has no `指标：` line; its file name says {indicator}",
        "  注意：{file} 没有“指标：”行；按文件名读作 {indicator}",
    ),
    "imp_note_indicators": (
        "  note: {file}: {n} other indicators ignored ({names})",
        "  注意：{file}：已忽略其他 {n} 个指标（{names}）",
    ),
    "imp_note_outside": (
        "  note: {file}: regions outside the panel ignored ({names})",
        "  注意：{file}：已忽略数据表以外的地区（{names}）",
    ),
    "imp_note_nothing": (
        "  note: {file}: no indicator this version reads (地区生产总值, 地区生产总值指数, 年末常住人口)",
        "  注意：{file}：没有本版本可读取的指标（地区生产总值、地区生产总值指数、年末常住人口）",
    ),
    "vin_head": (
        "Ranking by nominal GDP in {year}, by vintage (GDP in 100m yuan, {last})",
        "{year}年地区生产总值排名，按数据版本（亿元，{last}）",
    ),
    "vin_code": ("code", "代码"),
    "vin_region": ("region", "地区"),
    "vin_gdp": ("GDP", "GDP"),
    "vin_missing": ("  not in {names} (they end before {year} or start after it)", "  {names} 不含 {year} 年"),
    "vin_restated_head": (
        "Largest restatements of {year} (between consecutive vintages):",
        "{year}年最大的数据修订（相邻版本之间）：",
    ),
    "vin_restated": (
        "  {who} {old_v} → {new_v}: {old} → {new} ({pct}), rank {r0} → {r1}",
        "  {who} {old_v} → {new_v}：{old} → {new}（{pct}），名次 {r0} → {r1}",
    ),
    "vin_none": ("  none: every vintage holding {year} has the same figures", "  无：含 {year} 年的各版本数值相同"),

    # --- Hardening (issue 14): a target already inside, search bounds
    "ans_stays": (
        " is already within rank {k} in {b}; it stays inside until {y}, then drops out.",
        "在{b}年已处于前{k}位；保持在前{k}位至{y}年，之后跌出。",
    ),
    "ans_stays_through": (
        " is already within rank {k} in {b} and stays inside through {h}.",
        "在{b}年已处于前{k}位，并一直保持到{h}年。",
    ),
    "sum_already": ("already inside in {b}; stays inside until {y}", "{b}年已在门槛内；保持至{y}年"),
    "sum_already_through": ("already inside in {b}; stays inside through {h}", "{b}年已在门槛内；一直保持到{h}年"),
    "mc_stay_line": (
        "Monte Carlo ({paths}, {method}, seed {seed}): already inside in {b}; P(inside every year) {shown}",
        "蒙特卡洛（{paths}，{method}，随机种子{seed}）：{b}年已在门槛内；每年都保持在门槛内的概率 {shown}",
    ),
    "mc_through": ("through {y}: {p:.1%}", "至{y}年 {p:.1%}"),
    "solve_stay_sentence": (
        "To stay within rank {k} in every year through {by}{prob}, {who} needs a constant real growth of at least {g} a year from {b1}, everything else as in the scenario.",
        "要到{by}年为止每年都保持在前{k}位{prob}，{who}需要自{b1}年起每年至少保持{g}的实际增速，其他条件同情景。",
    ),
    "solve_stay_unreachable": (
        "Within -10% to 30% real growth a year, {who} cannot stay within rank {k} in every year through {by}{prob}.",
        "在每年-10%至30%的实际增速范围内，{who}无法到{by}年为止每年都保持在前{k}位{prob}。",
    ),
    "solve_low_bound": (
        "{who} reaches rank {k} by {by}{prob} even at -10% real growth a year, the bottom of the range searched (-10% to 30%): the answer does not depend on its own growth in that range.",
        "即使每年实际增速为-10%（搜索范围-10%至30%的下限），{who}也会到{by}年进入前{k}位{prob}：在此范围内结果与其自身增速无关。",
    ),
    "solve_stay_low_bound": (
        "{who} stays within rank {k} in every year through {by}{prob} even at -10% real growth a year, the bottom of the range searched (-10% to 30%).",
        "即使每年实际增速为-10%（搜索范围-10%至30%的下限），{who}也会到{by}年为止每年都保持在前{k}位{prob}。",
    ),
    "solve_stay_curve": (
        "  growth needed to stay inside through each year ({kind}): ",
        "  各截止年份前保持在门槛内所需增速（{kind}）：",
    ),

    # --- `ranksim data` (the ranking with value status, the record of targets); the national-path presets
    "data_head": ("Ranking by nominal GDP, {year} (100m yuan; real growth %)", "{year}年名义GDP排名（亿元；实际增速%）"),
    "data_marks": (
        "  p = preliminary figure, e = estimated (nothing published); {n} of {total} regions have preliminary values in {year}",
        "  p = 初步核算数，e = 估算值（未公布）；{year}年{total}个地区中有{n}个为初步核算数",
    ),
    "data_national": ("  {who}: {gdp:,.1f}  {real:.1f}{mark}", "  {who}：{gdp:,.1f}  {real:.1f}{mark}"),
    "data_nation": ("{nation}", "{nation}"),
    "tg_head": ("Announced real-growth targets and outturns ({path})", "公布的实际增长目标与实际完成情况（{path}）"),
    "tg_columns": ("  year  target  kind    outturn  miss", "  年份  目标    类型    实际     差距"),
    "tg_region": (
        "{who} ({code}): mean miss {miss} over {n} years (target minus outturn, points; {excluded} not counted)",
        "{who}（{code}）：{n}年平均差距 {miss}（目标减实际，百分点；不计{excluded}年）",
    ),
    "tg_none": ("no announced targets", "无公布目标"),
    "tg_kind_about": ("about", "左右"),
    "tg_kind_above": ("above", "以上"),
    "tg_kind_range": ("range", "区间"),
    "tg_kind_none": ("none", "未定"),
    "np_title": ("The answer under each national path", "不同全国增长路径下的结论"),
    "np_intro": (
        "The same scenario with each named national path (data/national_paths.yaml; sources in data/SOURCES.md and the user guide, National paths). The answer above rests on {preset}.",
        "同一情景分别采用各个命名的全国增长路径（data/national_paths.yaml；来源见 data/SOURCES.md 和用户指南“全国增长路径”一页）。上文结论基于{preset}。",
    ),
    "np_intro_none": (
        "The same scenario with each named national path (data/national_paths.yaml; sources in data/SOURCES.md and the user guide, National paths). The answer above rests on the scenario's own national path.",
        "同一情景分别采用各个命名的全国增长路径（data/national_paths.yaml；来源见 data/SOURCES.md 和用户指南“全国增长路径”一页）。上文结论基于情景自设的全国增长路径。",
    ),
    "np_preset": ("national path", "全国增长路径"),
    "np_growth": ("real growth {a}-{b}", "{a}-{b}年实际增速"),
    "np_reach": ("reach year", "达到年份"),
    "np_p": ("P(reach by {y})", "到{y}年达到的概率"),
    "np_never": ("not by {h}", "到{h}年未达到"),
    "np_line": ("National path: {label}. Source: {source}", "全国增长路径：{label}。来源：{source}"),
    "np_own": ("National path: the scenario's own ({src}).", "全国增长路径：情景自设（{src}）。"),
    "data_status_note": (
        "Preliminary values in {year}: {what}. Estimated (nothing published): {est}.",
        "{year}年的初步核算数：{what}。估算值（未公布）：{est}。",
    ),
    "data_status_all": ("every region's GDP and real growth", "各地区的GDP和实际增速"),
    "data_status_none": ("none", "无"),
    "lead_sentence": (
        "To reach rank {k} by {by}{prob}, {who} needs a real-growth lead over the {national} path of {cmp} points every year from {b1}, everything else as in the scenario.",
        "要到{by}年进入前{k}位{prob}，{who}需要自{b1}年起每年实际增速{cmp}个百分点，其他条件同情景。",
    ),
    "lead_stay_sentence": (
        "To stay within rank {k} in every year through {by}{prob}, {who} needs a real-growth lead over the {national} path of at least {cmp} points every year from {b1}.",
        "要到{by}年为止每年都保持在前{k}位{prob}，{who}需要自{b1}年起每年实际增速{cmp}个百分点。",
    ),
    "lead_unreachable": (
        "With a lead of -10 to +20 points a year over the {national} path, {who} cannot reach rank {k} by {by}{prob}.",
        "在每年比{nation}增速低10至高20个百分点的范围内，{who}无法到{by}年进入前{k}位{prob}。",
    ),
    "lead_stay_unreachable": (
        "With a lead of -10 to +20 points a year over the {national} path, {who} cannot stay within rank {k} through {by}{prob}.",
        "在每年比{nation}增速低10至高20个百分点的范围内，{who}无法到{by}年为止每年都保持在前{k}位{prob}。",
    ),
    "lead_cmp_up": ("+{size}", "比{nation}高{size}"),
    "lead_cmp_down": ("-{size}", "比{nation}低{size}"),
    "lead_cmp_up_at_least": ("+{size}", "至少比{nation}高{size}"),
    "lead_cmp_down_at_least": ("-{size}", "比{nation}低不超过{size}"),
    "lead_history": (
        " Its own lead over {a}-{b} was {cmp} points a year.",
        "{a}-{b}年其实际增速平均{cmp}个百分点。",
    ),
    "lead_curve": ("  lead needed to reach by each year ({kind}): ", "  各截止年份前达到所需的增速差（{kind}）："),
    "pp_unit": (" pp", "个百分点"),
    "status_field_gdp": ("GDP", "GDP"),
    "status_field_real_growth": ("real growth", "实际增速"),
    "status_field_population": ("population (GDP / GDP per head)", "人口（GDP ÷ 人均GDP）"),

    # --- GDP per head (issue 13): a key ending in _pc replaces the key without it (text.measured_key)
    "sum_threshold_pc": (
        "threshold: rank <= {k} of {n} by GDP per head; base year {b}, horizon {h}",
        "门槛：按人均GDP在{n}个地区中前{k}位；基准年{b}，预测至{h}年",
    ),
    "ans_head_pc": (
        "Under this scenario {who} (rank {r} by GDP per head in {b})",
        "在此情景下，{who}（{b}年人均GDP第{r}位）",
    ),
    "midfield_pc": (
        "Threshold: rank ≤ {k} of {n} regions by GDP per head (nominal GDP / year-end resident population){median}. Reach year = the first year the target's rank is ≤ {k}.",
        "门槛：按人均GDP（名义GDP ÷ 年末常住人口）在{n}个地区中排名前{k}位{median}。达到年份 = 目标地区名次首次不低于第{k}位的年份。",
    ),
    "gdp_pc": ("GDP per head (yuan, log scale)", "人均GDP（元，对数坐标）"),
    "gdp_linear_pc": ("GDP per head (yuan)", "人均GDP（元）"),
    "gap_axis_pc": ("% of the GDP per head at rank {k}", "相当于第{k}位人均GDP的%"),
    "gap_title_pc": (
        "{who}'s GDP per head as % of that of the region ranked {k}",
        "{who}人均GDP相当于第{k}位地区的百分比",
    ),
    "top_bunched_pc": (
        "Why the median reach year ({q50}) can differ from this scenario's ({det}): the {n} regions it must pass are bunched (their {b} GDP per head lies within {spread:.0f} % of one another), so reaching rank {k} means passing all of them; a path that falls a little short of the group reaches it years later, or not at all.",
        "为何达到年份的中位数（{q50}）可能不同于本情景的结果（{det}）：需超越的{n}个地区彼此接近（{b}年人均GDP相差不超过{spread:.0f}%），进入前{k}位意味着要全部超越它们；略落后于这一组的路径要晚好几年才能达到，甚至达不到。",
    ),
    "assume_pc": (
        "Assumed: {r:.1f} % real and {d:.1f} % prices = {g:.1f} % nominal a year, and population {p:+.2f} % a year, so {h:.1f} % a year per head, against {rg:.1f} % per head for the {regions} it must pass (means over the projection).",
        "假设：实际增速{r:.1f}%、价格涨幅{d:.1f}%，名义增速每年{g:.1f}%；人口每年{p:+.2f}%，人均GDP每年增长{h:.1f}%；需超越的{regions}人均GDP每年增长{rg:.1f}%。",
    ),
    "assume_pc_alone": (
        "Assumed: {r:.1f} % real and {d:.1f} % prices = {g:.1f} % nominal a year, and population {p:+.2f} % a year, so {h:.1f} % a year per head.",
        "假设：实际增速{r:.1f}%、价格涨幅{d:.1f}%，名义增速每年{g:.1f}%；人口每年{p:+.2f}%，人均GDP每年增长{h:.1f}%。",
    ),
    "ans_never_pc": (
        " does not reach rank {k} by {h}: its best rank is {best}, and in {h} its GDP per head is {share:.1f}% of that of the region ranked {k}.",
        "到{h}年仍未进入前{k}位：最好名次为第{best}位，{h}年人均GDP为第{k}位地区的{share:.1f}%。",
    ),
    "measures_title": (
        "Which midfield? The year each threshold is reached under this scenario, by GDP and by GDP per head",
        "哪个“中游”？同一情景下按GDP总量和按人均GDP达到各门槛的年份",
    ),
    "measures_threshold": ("threshold rank", "门槛名次"),
    "measures_gdp": ("by GDP", "按GDP总量"),
    "measures_pc": ("by GDP per head", "按人均GDP"),
    "measures_already": ("already in {b}", "{b}年已达到"),
    "measures_never": ("not by {h}", "到{h}年未达到"),
    "measures_rank": ("rank in {b}", "{b}年名次"),
    "measures_no_population": ("(GDP per head needs the panel's population column)", "（人均GDP需要数据中的人口列）"),

    # --- The report in Chinese (issue 15): hover templates, the Monte Carlo method, a rare reach
    "hover_rank": ("rank {r}", "第{r}位"),
    "hover_sep": (", ", "，"),
    "list_semicolon": ("; ", "；"),
    "pp_suffix": (" pp", "个百分点"),
    "method_first_bootstrap": ("bootstrap", "自助抽样（bootstrap）"),
    "mc_sentence_rare": (
        "Over {paths:,} simulated paths ({method}, seed {seed}), the probability of reaching rank {k} is {p27} by 2027, {p30} by 2030 and {p35} by 2035. Median reach year: {q50}; fewer than one path in ten reaches it by {h}.",
        "在{paths:,}条模拟路径中（{method}，随机种子{seed}），到2027年进入前{k}位的概率为{p27}，到2030年为{p30}，到2035年为{p35}。达到年份的中位数：{q50}；不到十分之一的路径到{h}年达到。",
    ),

    # --- ranksim compare
    "cmp_title": ("{n} scenarios side by side: {who}, rank ≤ {k}", "{n}个情景对比：{who}，进入前{k}位"),
    "cmp_head": ("Compare: {who}, threshold rank {k}, {n} scenarios", "情景对比：{who}，门槛名次{k}，共{n}个情景"),
    "cmp_answer": ("{label}: rank {k} reached in {reach}", "{label}：进入前{k}位的年份为{reach}"),
    "cmp_prob": (
        "; P(reach) {shown} ({paths:,} paths, the same draws for every scenario)",
        "；进入概率 {shown}（{paths:,}条路径，各情景使用相同抽样）",
    ),
    "cmp_never": ("not by {h}", "到{h}年未达到"),
    "cmp_stays": ("inside in the base year, until {y}", "基准年已在门槛内，保持到{y}年"),
    "cmp_stays_through": ("inside in the base year, through {h}", "基准年已在门槛内，保持到{h}年"),
    "cmp_range": (
        "The reach year ranges from {a} ({la}) to {b} ({lb}): {n} years apart.",
        "达到年份从{a}年（{la}）到{b}年（{lb}），相差{n}年。",
    ),
    "cmp_side_by_side": ("Side by side", "并列对比"),
    "cmp_what_differs": ("What differs", "情景之间的差异"),
    "cmp_differences": (
        "What differs from {ref} (values by scenario; model = left to the others model):",
        "与{ref}不同的假设（各情景的数值；模型 = 由其他地区模型决定）：",
    ),
    "cmp_differences_note": (
        "Every assumption that resolves to different values, year by year, against {ref} (as ranksim diff resolves them); model = left to the others model, – = not projected.",
        "与{ref}相比、解析后数值不同的每项假设，逐年列出（与 ranksim diff 的解析方式相同）；模型 = 由其他地区模型决定，– = 未预测。",
    ),
    "cmp_no_differences": (
        "no differing assumption: the scenarios resolve to the same values",
        "没有不同的假设：各情景解析后的数值相同",
    ),
    "cmp_col_what": ("assumption", "假设"),
    "cmp_col_value": ("value", "数值"),
    "cmp_col_where": ("year or region", "年份或地区"),
    "cmp_row_name": ("scenario", "情景"),
    "cmp_row_threshold": ("threshold", "门槛"),
    "cmp_row_reach": ("reach year", "达到年份"),
    "cmp_row_rank": ("rank in {y}", "{y}年名次"),
    "cmp_row_p": ("P(reach by {y})", "到{y}年达到的概率"),
    "cmp_row_median": ("median reach year (Monte Carlo)", "达到年份中位数（蒙特卡洛）"),
    "cmp_row_passes": ("passes", "超越"),
    "chart_compare_rank": ("The target's rank, scenario by scenario", "各情景下目标地区的名次"),
    "chart_compare_gap": ("Gap to the threshold, scenario by scenario", "各情景下与门槛的差距"),
    "chart_compare_probability": ("P(reach), scenario by scenario", "各情景的进入概率"),
    "cmp_rank_title": (
        "{who}'s rank by scenario (lines: each scenario; bands: 80% of Monte Carlo paths)",
        "各情景下{who}的名次（线：各情景；带：80%的蒙特卡洛路径）",
    ),
    "cmp_rank_title_det": ("{who}'s rank by scenario", "各情景下{who}的名次"),
    "cmp_gap_title": (
        "{who}'s GDP against the region ranked {k}, by scenario (%)",
        "各情景下{who}GDP相对第{k}位地区的差距（%）",
    ),
    "cmp_gap_title_pc": (
        "{who}'s GDP per head against that of the region ranked {k}, by scenario (%)",
        "各情景下{who}人均GDP相对第{k}位地区的差距（%）",
    ),
    "cmp_gap_axis": ("gap to rank {k} (%)", "与第{k}位的差距（%）"),
    "cmp_prob_title": ("P({who} has reached rank {k} by each year), by scenario", "各情景下{who}到各年已进入前{k}位的概率"),
    "cmp_band": ("{label}: 80% band", "{label}：80%区间"),
    "colon": (": ", "："),
    "cmp_pass": ("{who} {y}", "{who}（{y}年）"),

    # --- Plan-period solve (solve --over)
    "solve_over_sentence": (
        "To reach rank {k} by {by}{prob}, {who} needs a constant real growth of {g} a year over {a}-{b} (the plan period), on the scenario's own path before and after it.",
        "要到{by}年进入前{k}位{prob}，{who}需要在{a}-{b}年（规划期）每年保持{g}的实际增速，规划期前后按情景自身路径。",
    ),
    "solve_stay_over_sentence": (
        "To stay within rank {k} in every year through {by}{prob}, {who} needs a constant real growth of at least {g} a year over {a}-{b} (the plan period), on the scenario's own path before and after it.",
        "要到{by}年每年都保持在前{k}位{prob}，{who}需要在{a}-{b}年（规划期）每年至少保持{g}的实际增速，规划期前后按情景自身路径。",
    ),
    "solve_over_unreachable": (
        "Within -10% to 30% real growth a year over {a}-{b} (the scenario's own path before and after), {who} cannot reach rank {k} by {by}{prob}.",
        "{a}-{b}年每年实际增速在-10%至30%范围内（前后按情景自身路径），{who}都无法到{by}年进入前{k}位{prob}。",
    ),
    "solve_stay_over_unreachable": (
        "Within -10% to 30% real growth a year over {a}-{b} (the scenario's own path before and after), {who} cannot stay within rank {k} in every year through {by}{prob}.",
        "{a}-{b}年每年实际增速在-10%至30%范围内（前后按情景自身路径），{who}都无法到{by}年每年保持在前{k}位{prob}。",
    ),
    "solve_over_low_bound": (
        "{who} reaches rank {k} by {by}{prob} even at -10% real growth a year over {a}-{b}, the bottom of the range searched: the answer does not depend on its growth in the plan period.",
        "即使{a}-{b}年每年实际增速为-10%（搜索范围下限），{who}也会到{by}年进入前{k}位{prob}：结果与规划期增速无关。",
    ),
    "solve_stay_over_low_bound": (
        "{who} stays within rank {k} in every year through {by}{prob} even at -10% real growth a year over {a}-{b}, the bottom of the range searched.",
        "即使{a}-{b}年每年实际增速为-10%（搜索范围下限），{who}也会到{by}年每年保持在前{k}位{prob}。",
    ),
    "gaps_title": ("The gap to rank {k}, year by year", "与第{k}位的差距（逐年）"),
    "gaps_note": (
        "{who}'s GDP against the region ranked {k} among the others, in 100 million yuan (亿元) and percent (positive: ahead). Own path: the scenario as written; answer: {answer}.",
        "{who}GDP与其他地区中第{k}位的差距，单位为亿元和百分比（正数：领先）。自身路径：情景原有假设；答案：{answer}。",
    ),
    "gaps_note_pc": (
        "{who}'s GDP per head against the region ranked {k} among the others, in yuan and percent (positive: ahead). Own path: the scenario as written; answer: {answer}.",
        "{who}人均GDP与其他地区中第{k}位的差距，单位为元和百分比（正数：领先）。自身路径：情景原有假设；答案：{answer}。",
    ),
    "gaps_answer_over": (
        "{g} real growth a year over {a}-{b}, the own path before and after",
        "{a}-{b}年每年实际增长{g}，前后按自身路径",
    ),
    "gaps_answer_all": ("{g} real growth a year in every projected year", "所有预测年份每年实际增长{g}"),
    "gaps_answer_lead": ("a lead of {cmp} points a year over the {national} path", "每年实际增速{cmp}个百分点"),
    "gaps_none": (
        "no growth in the range searched reaches it, so only the own path is shown",
        "搜索范围内没有能达到的增速，因此只列出自身路径",
    ),
    "gaps_head": (
        "  gap to rank {k} by year (own path → answer; {unit}, %):",
        "  与第{k}位的逐年差距（自身路径 → 答案；{unit}，%）：",
    ),
    "gap_col_year": ("year", "年份"),
    "gap_col_real_own": ("real growth, own path", "实际增速（自身路径）"),
    "gap_col_real_answer": ("real growth, answer", "实际增速（答案）"),
    "gap_col_level_own": ("GDP, own path", "GDP（自身路径）"),
    "gap_col_level_answer": ("GDP, answer", "GDP（答案）"),
    "gap_col_threshold": ("GDP of rank {k}", "第{k}位的GDP"),
    "gap_col_gap_own": ("gap, own path", "差距（自身路径）"),
    "gap_col_gap_own_pct": ("gap %, own path", "差距%（自身路径）"),
    "gap_col_gap_answer": ("gap, answer", "差距（答案）"),
    "gap_col_gap_answer_pct": ("gap %, answer", "差距%（答案）"),
    "gap_col_extra": ("GDP added by the answer", "答案比自身路径多出的GDP"),
    "unit_100m": ("100 million yuan", "亿元"),
    "unit_yuan_head": ("yuan per head", "元/人"),
    "chart_solve_stay_title": (
        "Real growth of {who} needed to stay within rank {k} through each year{prob}",
        "{who}到各年份每年都保持在前{k}位所需的实际增速{prob}",
    ),
    "chart_solve_over_title": (
        "Real growth of {who} needed over {a}-{b} to reach rank {k} by each year{prob}",
        "{who}到各年份进入前{k}位所需的{a}-{b}年实际增速{prob}",
    ),
    "chart_solve_stay_over_title": (
        "Real growth of {who} needed over {a}-{b} to stay within rank {k} through each year{prob}",
        "{who}到各年份每年都保持在前{k}位所需的{a}-{b}年实际增速{prob}",
    ),
    "required_over": ("required constant real growth over {a}-{b} (%)", "{a}-{b}年所需的恒定实际增速（%）"),
    "required_stay": ("required constant real growth to stay inside (%)", "保持在门槛内所需的恒定实际增速（%）"),
    "at_low_bound_point": ("{y}: ≤ -10% (any growth in the range)", "{y}年：≤ -10%（范围内任何增速均可）"),
    "at_low_bound_name": ("≤ -10%: any growth in the range searched", "≤ -10%：搜索范围内任何增速均可"),

    # --- Reports that lead with their own answer
    "run_context": ("The scenario as written: its answer and assumptions", "情景原有假设下的结论与假设"),
    "lead_title_mc": ("How sure? (Monte Carlo)", "把握有多大？（蒙特卡洛）"),
    "lead_title_solve": ("What growth would it take?", "需要多高的增速？"),
    "lead_title_sweep": ("What if? (sweep)", "如果……会怎样？（参数扫描）"),
    "lead_title_sensitivity": ("Which assumptions matter most?", "哪些假设最重要？"),

    # --- Parameters in words (chart axes): period and unit after the label; sweep and diff words
    "p_years": (", {a}-{b}", "（{a}-{b}年）"),
    "p_unit_pct": (" (%)", "（%）"),
    "p_unit_shift": (", shift (pp)", "（调整，百分点）"),
    "p_unit_years": (" (years)", "（年）"),
    "sweep_never": ("not reached by {h}", "到{h}年未达到"),
    "diff_scenario": ("scenario (file)", "情景（文件）"),

    # --- The answers of sweeps and sensitivity analyses, at the top of their reports
    "sweep_ans_never": (
        "Over all {n} points of the sweep, rank {k} is not reached by {h}.",
        "在参数扫描的全部{n}个点上，到{h}年都未进入前{k}位。",
    ),
    "sweep_ans_range": (
        "Over the {n} points of the sweep, rank {k} is reached between {a} and {b}",
        "在参数扫描的{n}个点上，进入前{k}位的年份在{a}年至{b}年之间",
    ),
    "sweep_ans_some_never": ("; {m} points do not reach it by {h}", "；有{m}个点到{h}年未达到"),
    "sweep_ans_values": (". Reached by {y} with {param} at {v}", "。到{y}年达到：{param}为{v}"),
    "sweep_ans_none": ("no value swept", "扫描范围内无此取值"),
    "sweep_ans_share": (". Reached by {y} at {p} of the points", "。到{y}年达到：{p}的点"),
    "sens_ans": (
        "{param} moves {outcome} most: from {a:.2f} to {b:.2f} between {lo:g} and {hi:g} (the scenario: {base:.2f}).",
        "对{outcome}影响最大的是{param}：在{lo:g}至{hi:g}之间，{outcome}从{a:.2f}变为{b:.2f}（情景值{base:.2f}）。",
    ),
    "sens_ans_sobol": (
        " With every assumption varying at once, {param} accounts for {s:.0%} of the variance (total Sobol index).",
        "所有假设同时变化时，{param}解释了{s:.0%}的方差（总Sobol指数）。",
    ),

    # --- Punctuation and the workbook's P(reach)
    "full_stop": (".", "。"),
    "x_p_reach": ("P(reach)", "进入概率"),
    "x_p_reach_paths": (" ({paths:,} Monte Carlo paths, seed {seed})", "（{paths:,}条蒙特卡洛路径，随机种子{seed}）"),

    # --- Words belong to their file (issue 24): a value set in a file, an inherited description
    "set_in": ("set in {file}", "在{file}中设定"),
    "desc_inherited": (
        "The description of {parent} is not repeated: this file changes {keys}.",
        "未沿用{parent}的说明：本文件修改了{keys}。",
    ),
    "desc_changed_in_code": (" (Changed in code since: {keys}.)", "（此后在代码中修改：{keys}。）"),

    # --- Nothing moves silently (issue 24): the aggregate's source, said once
    "note_summed": (
        "note: {path} has no {national} series of its own, so {nation} is taken as the sum of its {n} regions (name one as aggregate.series in {meta}; docs/panels.md)",
        "注意：{path} 没有自己的{nation}数据序列，{nation}按其{n}个地区之和计算（可在 {meta} 中以 aggregate.series 指定；见 docs/panels.md）",
    ),
    "aggregate_summed": (
        "The {national} series is the sum of the panel's {n} regions (the panel names no series of its own).",
        "{nation}数据序列为面板中{n}个地区之和（面板未指定自己的序列）。",
    ),
    "aggregate_series": ("The {national} series: {path}.", "{nation}数据序列：{path}。"),

    # --- `ranksim data --model` (the price model)
    "pm_head": (
        "Deflator spread models estimated on {file}, years up to {y}",
        "价格（平减指数）相对{nation}的差距模型，据 {file} 估计，数据截至{y}年",
    ),
    "pm_pooled": ("pooled", "统一调整速度"),
    "pm_by_group": ("by group (coal/energy, others)", "分组调整速度（煤炭能源地区、其他地区）"),
    "pm_speed": ("b = {b:.3f} (se {s:.3f})", "b = {b:.3f}（标准误 {s:.3f}）"),
    "pm_speed_groups": (
        "b = {b1:.3f} (se {s1:.3f}) coal/energy, {b2:.3f} (se {s2:.3f}) others",
        "煤炭能源地区 b = {b1:.3f}（标准误 {s1:.3f}），其他地区 {b2:.3f}（标准误 {s2:.3f}）",
    ),
    "pm_line": (
        "  error correction, {kind}: {speed}; years {y0}-{y1}, {n} observations, R2 {r2:.2f}",
        "  误差修正模型，{kind}：{speed}；{y0}-{y1}年，{n}个观测值，R² {r2:.2f}",
    ),
    "pm_factor": (
        "  commodity factor = mean deflator spread of the coal/energy regions (pp a year); loadings:",
        "  大宗商品因子 = 煤炭能源地区平减指数差距的平均值（每年百分点）；各地区载荷：",
    ),
    "pm_others": (
        "    others: mean {m:.2f}, range {lo:.2f} to {hi:.2f}",
        "    其他地区：平均 {m:.2f}，范围 {lo:.2f} 至 {hi:.2f}",
    ),
    "pm_se": (" (se {s:.2f})", "（标准误 {s:.2f}）"),

    # --- ranksim validate
    "validate_ok": ("{path}: ok", "{path}：检查通过"),

    # --- The what-if app (issue 24): the typed value, the title that follows the state, warnings
    "serve_typed": (" % a year (type any value from -10 to 30)", " 每年%（可输入-10至30之间的任意值）"),
    "serve_title": ("{name} — what if: {what}", "{name} — 假如：{what}"),
    "serve_t_real": ("{who} {v:g}% real a year", "{who}每年实际增长{v:g}%"),
    "serve_t_target_deflator": ("{who}'s deflator {v:+g} pp", "{who}平减指数{v:+g}个百分点"),
    "serve_t_national": ("{national} real growth {v:+g} pp", "{nation}实际增速{v:+g}个百分点"),
    "serve_t_commodity": ("commodity factor {v:+g} pp", "大宗商品因子{v:+g}个百分点"),
    "serve_t_rival": ("{who} {v:+g} pp", "{who}{v:+g}个百分点"),
    "serve_warnings": ("Warnings (as ranksim run prints them for this state):", "警告（ranksim run 对此状态给出的警告）："),

    # --- The default model's name
    "default_model_name": ("ranksim default model", "ranksim默认模型"),
    # the price-cycle group's lean (others.cycle_weight)
    "a_cycle": ("Regions whose prices move with a common cycle", "价格随共同周期变动的地区"),
    "cycle_kept": (
        "{names} keep {w:g} % of their spreads (the regions whose deflator spread a common price factor mostly explains, estimated from the data up to {year}; the share chosen out of sample)",
        "{names}保留{w:g}%的增速差（价格差主要由共同价格因子解释的地区，按截至{year}年的数据估计；比例在样本外选定）",
    ),
}
