# ruff: noqa: E501
"""Messages of sim.model and sim.engine (see sim.messages): id -> (English, Chinese).

Scenario resolution (``scenario.``: values checked against the panel, the scenario's warnings),
growth paths (``growth.``), population (``population.``), the price model (``prices.``), shocks
(``shocks.``) and the projection engine (``engine.``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- changes made in code (Scenario.with_changes, sensitivity given in code)
    "scenario.changes_not_mapping": (
        "must be a mapping of dotted key -> value, e.g. {{'threshold_rank': 12}}; got {type}",
        "必须是“点分键 → 值”的映射，例如 {{'threshold_rank': 12}}；实际为 {type}",
    ),
    "scenario.change_key_not_text": ("a key must be dotted text, got {key}", "键必须是点分的文字，实际为 {key}"),
    "scenario.unknown_province": ("unknown province {name}{hint}", "未知地区 {name}{hint}"),
    "scenario.sensitivity_not_mapping": ("must be a mapping, got {type}", "必须是映射，实际为 {type}"),
    # -- values checked against the panel
    "scenario.no_targets": (
        "{file} has no announced targets: name a targets file in {meta} (targets: FILE.csv), or use model: spread",
        "{file} 没有公布的增长目标：请在 {meta} 中指定目标文件（targets: 文件.csv），或改用 model: spread",
    ),
    "scenario.unknown_preset": ("unknown preset {name} (known: {known})", "未知的全国增长路径 {name}（可用：{known}）"),
    "scenario.threshold_range": (
        "must be between 1 and {top} for a panel of {n} regions, got {value}",
        "必须在 1 与 {top} 之间（共 {n} 个地区），实际为 {value}",
    ),
    "scenario.base_year_range": (
        "must be within the data, {first}-{last}; got {value}",
        "必须在数据年份 {first}-{last} 之内，实际为 {value}",
    ),
    "scenario.after_base_year": ("must be after the base year {base}, got {value}", "必须晚于基准年 {base}，实际为 {value}"),
    "scenario.horizon_too_far": (
        "at most 100 years after the base year, got {value}",
        "最多比基准年晚 100 年，实际为 {value}",
    ),
    "scenario.target_required": ("required for a panel other than the bundled one", "使用自带数据表以外的数据时必须给出"),
    "scenario.unknown_target": (
        "unknown province {name}{hint} (use an English or Chinese name or a code)",
        "未知地区 {name}{hint}（请用中文名、英文名或代码）",
    ),
    "scenario.shift_year_outside": (
        "year {year} is outside the projection ({first}-{last})",
        "{year}年超出预测范围（{first}-{last}）",
    ),
    "scenario.path_year_outside": (
        "year {year} is outside the base year and the projection ({first}-{last}): it only sets the slope toward it "
        "(a typo? a path holds its first and last written values beyond them)",
        "{year}年超出基年和预测范围（{first}-{last}）：它只决定插值的斜率（是否笔误？路径在首末两个写出的年份之外保持不变）",
    ),
    "scenario.preliminary_years": (
        "preliminary figures must be consecutive years from {first} (the first projected year), got {years}",
        "初步核算数据必须是从 {first} 年（第一个预测年份）起的连续年份，实际为 {years}",
    ),
    "scenario.window_order": (
        "years out of order: [{start}, {end}]; write [first, last]",
        "年份顺序颠倒：[{start}, {end}]；请写成 [起始年, 结束年]",
    ),
    "scenario.window_within": (
        "must lie within {first}-{last} (growth needs a previous year)",
        "必须在 {first}-{last} 之内（计算增速需要前一年的数据）",
    ),
    "scenario.window_after_base": (
        "ends in {end}, after the base year {base}: that would use future data",
        "结束于 {end} 年，晚于基准年 {base}：这会用到未来的数据",
    ),
    "scenario.window_all_excluded": ("every year of the window is excluded", "窗口内的每一年都被排除了"),
    "scenario.fraction_refused": (
        "{v:g} looks like a fraction; growth is in percent per year, so write {pct} for {pct} % "
        "(values below {below:g} everywhere are refused as ambiguous)",
        "{v:g} 像是小数比例；增速按每年百分比填写，{pct}% 请写 {pct}（各处都小于 {below:g} 的值有歧义，不予接受）",
    ),
    # -- warnings (located RanksimWarning; the regions and the panel's aggregate are Words)
    "scenario.fraction_read_as": (
        "{v:g} is read as {v:g} % a year; if you meant {pct:g} %, write {pct:g}",
        "{v:g}按每年{v:g}%理解；如果想写{pct:g}%，请写 {pct:g}",
    ),
    # {lead}: the signed lead in English (+1.2, -0.8), 高1.2 / 低0.8 in Chinese
    "scenario.lead_outside": (
        "a real-growth lead of {lead} points over {over} in {span} is outside what {who} did in any {n} years "
        "of the data (5th-95th percentile {lo} to {hi})",
        "{span}年实际增速比{over}{lead}个百分点，超出{who}在数据中任何{n}年的表现（第5至第95百分位：{lo}至{hi}）",
    ),
    "scenario.deflator_outside": (
        "a deflator of {v:.1f} % is outside every region's derived deflator in the data ({lo:.1f} to {hi:.1f} %)",
        "价格指数{v:.1f}%超出数据中所有地区推算价格指数的范围（{lo:.1f}%至{hi:.1f}%）",
    ),
    "scenario.pin_overrides_deflator": (
        "the deflator written for {year} ({value}) is overridden by the preliminary GDP figure for {year} "
        "(provinces.{code}.gdp), which implies {implied:.2f} %; remove one of them",
        "所写的{year}年价格指数（{value}）被{year}年的初步核算GDP（provinces.{code}.gdp）覆盖，"
        "后者隐含的价格指数为{implied:.2f}%；请删去其中之一",
    ),
    # {national}: "national" (the scenario's section) in English, the panel's aggregate (全国, 全区) in Chinese
    "scenario.pin_overrides_national": (
        "the {national} deflator written for {year} is overridden by the preliminary GDP figure for {year} "
        "(national.gdp), which implies {implied:.2f} %; remove one of them",
        "所写的{year}年{national}价格指数被{year}年的初步核算GDP（national.gdp）覆盖，"
        "后者隐含的价格指数为{implied:.2f}%；请删去其中之一",
    ),
    # -- population (measure: gdp_per_capita)
    "population.missing_base": (
        "no population for {who} in {year}: measure gdp_per_capita needs every region's population in the base year",
        "{who}缺少{year}年的人口数据：按人均GDP排名（measure: gdp_per_capita）需要每个地区基准年的人口",
    ),
    "population.no_trend": (
        "no usable population change for {who} in {first}-{last} (missing years or census breaks): "
        "its population trend cannot be estimated",
        "{who}在{first}-{last}年没有可用的人口变化（缺少年份或人口普查口径变化）：无法估计其人口趋势",
    ),
    "population.census_break": (
        "population of {who} changes {jump:+.1f} % into {year}: a likely census break, left out of its "
        "population trend and shocks",
        "{who}人口在{year}年变化{jump:+.1f}%：可能是人口普查口径变化，已从其人口趋势和冲击中剔除",
    ),
    # -- the price model, shocks, growth paths
    "prices.too_few_years": (
        "the price model needs at least {n} years of deflators up to {year}; the data has {have}",
        "价格模型需要截至{year}年至少{n}年的平减指数数据；数据只有{have}年",
    ),
    "shocks.too_few_years": (
        "fewer than two usable years in {first}-{last} to estimate shocks",
        "{first}-{last}年中可用于估计冲击的年份少于两年",
    ),
    "growth.plan_years_outside": (
        "years {first}-{last} are outside the projection ({y0}-{y1})",
        "{first}-{last}年超出预测范围（{y0}-{y1}）",
    ),
    "growth.half_life_positive": ("half-life must be greater than 0", "半衰期必须大于 0"),
    "growth.below_minus_100": (
        "growth of -100 % or less for some values of {path}",
        "{path} 的某些取值使增速达到或低于 -100%",
    ),
    # -- the projection engine (batches, settings)
    "engine.years_within": ("years must be within {first}-{last}", "年份必须在 {first}-{last} 之内"),
    "engine.threshold_between": ("threshold must be between 1 and {top}", "必须在 1 与 {top} 之间"),
    "engine.setting_not_parameter": (
        "a setting must be a Parameter (sim.inputs.params.parse_parameter), got {value}",
        "每个设置必须是 Parameter（sim.inputs.params.parse_parameter），实际为 {value}",
    ),
    "engine.whole_rank": (
        "must be a whole rank between 1 and {top}, got {value}",
        "必须是 1 到 {top} 之间的整数名次，实际为 {value}",
    ),
}  # fmt: skip
