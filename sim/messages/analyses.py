# ruff: noqa: E501
"""Messages of sim.analyses (see sim.messages): id -> (English, Chinese).

Backtests (``backtest.``), comparisons and diffs (``compare.``, ``diff.``), experiment designs and
saved experiments (``design.``, ``experiments.``), global sensitivity (``gsa.``), Monte Carlo
(``montecarlo.``), sensitivity (``sensitivity.``), solve (``solve.``), sweeps (``sweep.``) and data
vintages (``vintages.``). Errors name their field (``paths``, ``year``); the command line shows
its flag instead."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- backtest
    "backtest.coverage_by_horizon_needs_paths": (
        "coverage by horizon needs Monte Carlo paths", "按预测期计算覆盖率需要蒙特卡洛路径",
    ),
    "backtest.coverage_by_region_needs_paths": (
        "coverage by region needs Monte Carlo paths", "按地区计算覆盖率需要蒙特卡洛路径",
    ),
    "backtest.horizon_whole": (
        "must be a whole number of years ahead, at least 1, got {value}",
        "必须是不小于 1 的整数年数，实际为 {value}",
    ),
    "backtest.no_jump_off": ("no jump-off year given", "没有给出起点年份"),
    "backtest.horizon_too_long": (
        "the data ({first}-{last}) allow a horizon of at most {longest} years (two years before a jump-off, "
        "the horizon after it), got {value}",
        "数据（{first}-{last}年）最多支持 {longest} 年的预测期（起点之前需有两年数据，之后需有预测期长度的数据），实际为 {value}",
    ),
    "backtest.no_usable_jump_off": (
        "no jump-off year in {a}:{b} has {h} years of data after it (data {first}-{last})",
        "{a}:{b} 中没有哪个起点年份之后有 {h} 年数据（数据 {first}-{last} 年）",
    ),
    "backtest.vintages_provincial_only": (
        "vintages are bundled for the provincial panel only; use the vintage 'final' with your own data",
        "只有省级数据表自带数据版本；使用自己的数据时请用数据版本 'final'",
    ),
    "backtest.vintage_order": (
        "vintage {name} does not list the panel's regions in its order",
        "数据版本 {name} 的地区顺序与数据表不一致",
    ),
    # -- compare, diff
    "compare.too_few": ("give two or more scenarios, got {n}", "请给出两个或更多情景，实际为 {n} 个"),
    "compare.labels": ("one unique label a scenario", "每个情景需要一个不重复的标签"),
    "diff.different_data": (
        "the two scenarios use different data ({a} and {b}); scenarios are compared on the same data",
        "两个情景使用不同的数据（{a} 和 {b}）；情景只能在相同的数据上比较",
    ),
    "diff.different_targets": (
        "the two scenarios ask about different targets ({a} and {b}); diff compares answers to the same question",
        "两个情景的目标地区不同（{a} 和 {b}）；diff 只比较同一问题的答案",
    ),
    "diff.different_measures": (
        "the two scenarios rank by different measures ({a} and {b})", "两个情景的排名指标不同（{a} 和 {b}）",
    ),
    "diff.per_capita": (
        "diff compares scenarios ranked by GDP; measure: gdp_per_capita is not supported by diff yet "
        "(run each scenario instead)",
        "diff 只比较按GDP排名的情景；diff 暂不支持 measure: gdp_per_capita（请分别运行各个情景）",
    ),
    "diff.year_outside": (
        "{year} is outside both projections ({first}-{last})", "{year} 超出两个情景的预测范围（{first}-{last}）",
    ),
    # -- designs and experiments
    "montecarlo.paths_whole": ("must be a whole number of at least 1, got {value}", "必须是不小于 1 的整数，实际为 {value}"),
    "design.outcome_column_clash": (
        "the design already has a column {column}, which an outcome would overwrite; rename or drop it",
        "实验设计中已有列 {column}，结果列会将其覆盖；请重命名或删除该列",
    ),
    "design.modes_unknown_columns": (
        "modes name columns the design does not have: {columns}", "modes 中有实验设计没有的列：{columns}",
    ),
    "design.misspelt_parameter": (
        "{column} is not a parameter (did you mean {guess}?); rename it, or give it a name that does not look "
        "like one to keep it as a label",
        "{column} 不是参数（是否指 {guess}？）；请改名，或改用不像参数的名称以把它保留为标签列",
    ),
    "design.not_finite": (
        "row {row}: {value} is not a finite number (growth in percent per year: write 6, not '6%' or 0.06)",
        "行 {row}：{value} 不是有限数值（增速按每年百分比：写 6，不要写 '6%' 或 0.06）",
    ),
    "design.no_parameter_column": (
        "no parameter column (e.g. 'provinces.Inner Mongolia.real_growth')",
        "没有参数列（例如 'provinces.Inner Mongolia.real_growth'）",
    ),
    "design.parameter_twice": ("a parameter appears twice", "有参数出现了两次"),
    "design.bad_value": ("row {row}: {value:g} {why}", "行 {row}：{value:g} {why}"),
    "design.beyond_hard_limit": (
        "must be between -{limit} and {limit} ({unit}), the scenario format's hard limit",
        "必须在 -{limit} 与 {limit} 之间（{unit}），这是情景格式的硬性界限",
    ),
    "design.whole_rank": ("must be a whole rank between 1 and {top}", "必须是 1 到 {top} 之间的整数名次"),
    "design.positive_years": ("must be a positive number of years", "必须是正的年数"),
    "experiments.no_bounds": (
        "no bounds known for {names}: pass problem= to sim.experiments",
        "{names} 没有已知的取值范围：请向 sim.experiments 传入 problem=",
    ),
    "experiments.unknown_outcome": ("unknown outcome {outcome} (known: {known})", "未知的结果 {outcome}（可用：{known}）"),
    "experiments.save_folder": (
        "{path} is a folder: give the zip file's name (e.g. {path}/experiments.zip)",
        "{path} 是文件夹：请给出 zip 文件名（例如 {path}/experiments.zip）",
    ),
    "experiments.changed": (
        "{table} was changed after the experiments were saved (its checksum differs): re-run them",
        "{table} 在保存后被修改过（校验和不符）：请重新运行这些实验",
    ),
    "experiments.parquet_failed": (
        "cannot be written as Parquet ({reason}); use storage='csv'", "无法写成 Parquet（{reason}）；请用 storage='csv'",
    ),
    "experiments.array_needs_problem": (
        "an array design needs problem= (its column names)", "数组形式的实验设计需要 problem=（其列名）",
    ),
    "experiments.array_shape": (
        "an array of shape (rows, {n}) expected, got {shape}", "需要形状为 (rows, {n}) 的数组，实际为 {shape}",
    ),
    "experiments.design_type": (
        "must be a DataFrame, a mapping or an array, got {type}", "必须是 DataFrame、映射或数组，实际为 {type}",
    ),
    "experiments.years_whole": ("must be whole years, got {value}", "必须是整数年份，实际为 {value}"),
    "experiments.year_outside": ("{year} is outside {first}-{last}", "{year} 超出 {first}-{last}"),
    "experiments.storage": (
        "must be 'auto', 'parquet' or 'csv', got {value}", "必须是 'auto'、'parquet' 或 'csv'，实际为 {value}",
    ),
    "experiments.needs_pyarrow": (
        "Parquet needs pyarrow (pip install pyarrow); or use storage='csv'",
        "Parquet 需要 pyarrow（pip install pyarrow）；或改用 storage='csv'",
    ),
    "experiments.not_saved": ("not a saved ranksim experiment ({reason})", "不是保存的 ranksim 实验文件（{reason}）"),
    "experiments.format": (
        "saved in format {found}; this ranksim reads {wanted}", "保存格式为 {found}；此版本的 ranksim 读取 {wanted}",
    ),
    # -- global sensitivity (SALib)
    "gsa.no_parameters": (
        "give a mapping of parameter -> [low, high] (at least one)", "请给出“参数 → [下限, 上限]”的映射（至少一个）",
    ),
    "gsa.unknown_key": (
        "unknown key {key} (known: set, shift, distribution, dist, bounds, mode)",
        "未知的键 {key}（可用：set、shift、distribution、dist、bounds、mode）",
    ),
    "gsa.one_form": (
        "give one of [low, high], {{set: [low, high]}}, {{shift: [low, high]}} or {{dist: ..., bounds: [...]}}",
        "请给出 [low, high]、{{set: [low, high]}}、{{shift: [low, high]}} 或 {{dist: ..., bounds: [...]}} 之一",
    ),
    "gsa.unknown_distribution": ("unknown distribution {name} (known: {known})", "未知的分布 {name}（可用：{known}）"),
    "gsa.low_high": ("low {low:g} must be below high {high:g}", "下限 {low:g} 必须小于上限 {high:g}"),
    "gsa.bounds_list": (
        "bounds must be a list like [low, high], got {value}", "范围必须是 [下限, 上限] 形式的列表，实际为 {value}",
    ),
    "gsa.bounds_numbers": ("bounds must be numbers, got {value}", "范围必须是数字，实际为 {value}"),
    "gsa.bounds_finite": ("bounds must be finite, got {value}", "范围必须是有限数值，实际为 {value}"),
    "gsa.method": ("must be 'sobol', 'morris' or 'delta', got {value}", "必须是 'sobol'、'morris' 或 'delta'，实际为 {value}"),
    "gsa.salib_failed": (
        "SALib could not analyse this design with {method}: {reason}", "SALib 无法用 {method} 分析此实验设计：{reason}",
    ),
    # -- sensitivity, solve, sweep
    "sensitivity.no_section": ("the scenario has no `sensitivity:` section", "此情景没有 `sensitivity:` 部分"),
    "solve.by_whole_year": ("must be a whole year, got {value}", "必须是整数年份，实际为 {value}"),
    "solve.by_range": (
        "must be after the base year {base} and at most the horizon {horizon}, got {value}",
        "必须晚于基准年 {base} 且不晚于预测终点 {horizon}，实际为 {value}",
    ),
    "solve.probability": ("must be in (0, 1], got {value}", "必须在 (0, 1] 之内，实际为 {value}"),
    "solve.lead_and_period": (
        "a lead covers every projected year; give a plan period or a lead, not both",
        "领先幅度覆盖每个预测年份；请给出规划期或领先幅度，不要同时给出",
    ),
    "solve.over_range": (
        "must be FIRST:LAST within the projection ({first}-{last}), got {a}:{b}",
        "必须是预测范围（{first}-{last}）之内的 起始年:结束年，实际为 {a}:{b}",
    ),
    "solve.deadline_before_period": (
        "the deadline {by} comes before the plan period starts ({first})", "截止年份 {by} 早于规划期的开始（{first}）",
    ),
    "sweep.axes_count": ("a sweep takes 1 to 3 parameters, got {n}", "扫描需要 1 至 3 个参数，实际为 {n} 个"),
    "sweep.swept_twice": ("{param} is swept twice; give each parameter once", "{param} 被扫描了两次；每个参数只给一次"),
    "sweep.not_number": (
        "{value} is not a number (growth in percent per year: write 6, not '6%')",
        "{value} 不是数字（增速按每年百分比：写 6，不要写 '6%'）",
    ),
    "sweep.not_finite": ("{value} is not a finite number", "{value} 不是有限数值"),
    "sweep.no_values": ("no values", "没有取值"),
    # -- data vintages
    "vintages.none": ("no vintages to compare", "没有可比较的数据版本"),
    "vintages.year_in_none": ("year {year} is in no vintage ({first}-{last})", "{year}年不在任何数据版本中（{first}-{last}）"),
}  # fmt: skip
