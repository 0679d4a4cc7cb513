"""Messages of sim.inputs (scenario and data files, values): id -> (English, Chinese).

``value.*`` are the shared value messages (not a number, must be between, unknown key, did you
mean ...) any layer may use; a message part that follows another (" (did you mean 'x'?)", a unit)
is a message of its own, passed as a parameter. Literal braces are doubled (``{{year: value}}``).
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- parts that follow a message (passed as parameters)
    "value.did_you_mean": (" (did you mean {name}?)", "（是否指 {name}？）"),
    "value.several_regions": (
        " (several regions: {names}; write the full name)",
        "（有多个地区：{names}；请写全称）",
    ),
    "value.region_hint": (
        " (use an English or Chinese name or a code; `ranksim data` lists them)",
        "（请用中文名、英文名或代码；`ranksim data` 列出全部地区）",
    ),
    "value.known_keys": (" (known keys: {keys})", "（可用的键：{keys}）"),
    "value.hint_thousands": (" (remove thousands separators)", "（请去掉千位分隔符）"),
    "value.see": (" (see {where})", "（见 {where}）"),
    "value.got": (", got {value}", "，实际为 {value}"),
    # -- units (a message's "({unit})")
    "value.unit_pct_year": ("percent per year", "每年百分比"),
    "value.unit_pp": ("pp", "百分点"),
    "value.unit_points": ("percentage points", "百分点"),
    "value.unit_100m_yuan": ("100 million yuan", "亿元"),
    # -- unknown keys, regions, parameters; missing fields
    "value.unknown_key": ("unknown key {key}{hint}", "未知的键 {key}{hint}"),
    "value.unknown_key_known": ("unknown key (known: {keys})", "未知的键（可用：{keys}）"),
    "value.required": ("required field is missing", "缺少必填字段"),
    "value.unknown_region": ("unknown region {name}{hint}", "未知地区 {name}{hint}"),
    "value.unknown_province": ("unknown province {name}{hint}", "未知地区 {name}{hint}"),
    "value.unknown_province_hint": (
        "unknown province {name}{hint} (use an English or "
        "Chinese name or a code; `ranksim data` lists them)",
        "未知地区 {name}{hint}（请用中文名、英文名或代码；`ranksim data` 列出全部地区）",
    ),
    "value.unknown_parameter": (
        "unknown parameter {path} (known: {known})",
        "未知参数 {path}（可用：{known}）",
    ),
    "value.same_province": (
        "{a} and {b} are the same province; give it once",
        "{a} 与 {b} 是同一地区；只需写一次",
    ),
    "value.full_width_name": (
        "{value} contains full-width punctuation (typed with a "
        "Chinese input method); use ASCII ':' ',' and spaces",
        "{value} 含有全角标点（中文输入法输入）；请改用半角 ':' ',' 和空格",
    ),
    # -- numbers
    "value.not_number": ("not a number: {value}{hint}", "不是数字：{value}{hint}"),
    "value.empty": ("empty", "空白"),
    "value.not_number_growth": (
        "{value} is not a number (growth in percent per year: write 6, not '6%')",
        "{value} 不是数字（增速按每年百分比：写 6，不要写 '6%'）",
    ),
    "value.not_finite": ("{value} is not a finite number", "{value} 不是有限数值"),
    "value.finite_got": ("must be a finite number, got {value}", "必须是有限数值，实际为 {value}"),
    "value.finite_unit_got": (
        "must be a finite number ({unit}), got {value}",
        "必须是有限数值（{unit}），实际为 {value}",
    ),
    "value.number_pct_got": (
        "must be a number in percent per year, got {value}",
        "必须是数字（每年百分比），实际为 {value}",
    ),
    "value.whole": ("must be a whole number", "必须是整数"),
    "value.whole_got": ("must be a whole number, got {value}", "必须是整数，实际为 {value}"),
    "value.whole_at_least_got": (
        "must be a whole number of at least {least}, got {value}",
        "必须是不小于 {least} 的整数，实际为 {value}",
    ),
    "value.not_whole": ("not a whole number: {value}", "不是整数：{value}"),
    "value.not_whole_year": ("not a whole year: {value}", "不是整数年份：{value}"),
    "value.not_year": ("not a year: {value}", "不是年份：{value}"),
    "value.not_year_write": (
        "{value} is not a year; write {{2025: 5.0, 2030: 4.0}}",
        "{value} 不是年份；请写成 {{2025: 5.0, 2030: 4.0}}",
    ),
    "value.write_percent": (
        "write {number} (percent per year), not {value}",
        "请写 {number}（每年百分比），不要写 {value}",
    ),
    "value.positive_got": ("must be positive, got {value:g}", "必须为正数，实际为 {value:g}"),
    "value.positive_number_got": ("must be a positive number, got {value}", "必须是正数，实际为 {value}"),
    "value.greater_than_got": (
        "must be greater than {floor:g}, got {value:g}",
        "必须大于 {floor:g}，实际为 {value:g}",
    ),
    "value.number_in_full": ("write the number in full, not {value}", "请把数字完整写出，而不是 {value}"),
    "value.too_many_digits": (
        "a number of {digits} digits is not a statistic (at most {most})",
        "{digits} 位的数字不是统计数据（最多 {most} 位）",
    ),
    # -- out of range
    "value.in_year": ("year {year}: {message}", "{year}年：{message}"),
    "value.hard_limit": (
        "must be between -{limit:g} and {limit:g} ({unit}), got {value:g}: the hard limit of every growth, "
        "deflator, lead and shift (in the data provinces' nominal growth ran from -5.6 to 29.9 % a year)",
        "必须在 -{limit:g} 与 {limit:g} 之间（{unit}），实际为 {value:g}：这是增速、平减指数、"
        "领先幅度与临时调整共同的硬性界限（数据中各地区名义增速在每年 -5.6% 至 29.9% 之间）",
    ),
    "value.population_limit": (
        "population growth must be between -{limit:g} and {limit:g} percent a year, got {value:g}",
        "人口增速必须在每年 -{limit:g}% 与 {limit:g}% 之间，实际为 {value:g}",
    ),
    "value.between": ("must be between {low} and {high}", "必须在 {low} 与 {high} 之间"),
    "value.at_least_got": ("must be at least {bound}, got {value}", "必须不小于 {bound}，实际为 {value}"),
    "value.greater_than_bound_got": (
        "must be greater than {bound}, got {value}",
        "必须大于 {bound}，实际为 {value}",
    ),
    "value.at_most_got": ("must be at most {bound}, got {value}", "必须不大于 {bound}，实际为 {value}"),
    "value.less_than_got": ("must be less than {bound}, got {value}", "必须小于 {bound}，实际为 {value}"),
    "value.at_most_long_got": (
        "must be at most as long as {bound}, got {value}",
        "长度必须不超过 {bound}，实际为 {value}",
    ),
    "value.at_least_long_got": (
        "must be at least as long as {bound}, got {value}",
        "长度必须不少于 {bound}，实际为 {value}",
    ),
    "value.zero_or_more_got": ("must be 0 or more, got {value}", "必须大于或等于 0，实际为 {value}"),
    "value.outside_projection": (
        "{year} is outside the projection ({span})",
        "{year} 超出预测范围（{span}）",
    ),
    "value.year_outside": ("year {year} is outside {first}-{last}", "年份 {year} 超出 {first}-{last}"),
    "value.stop_below_start": ("stop {stop:g} is below start {start:g}", "终点 {stop:g} 小于起点 {start:g}"),
    "value.step_positive": ("step must be positive, got {step:g}", "步长必须为正数，实际为 {step:g}"),
    "value.too_many_values": (
        "{count:,} values; at most 100,001 per parameter",
        "{count:,} 个取值；每个参数最多 100,001 个",
    ),
    "value.low_below_high": ("low {low:g} must be below high {high:g}", "下限 {low:g} 必须小于上限 {high:g}"),
    "value.power_of_two": (
        "must be a power of two of at least 64 (Sobol sequences "
        "need it), got {value}; try {lower} or {upper}",
        "必须是不小于 64 的 2 的幂（Sobol 序列的要求），实际为 {value}；可改为 {lower} 或 {upper}",
    ),
    "value.one_of_got": ("must be one of {choices}, got {value}", "必须是 {choices} 之一，实际为 {value}"),
    "value.non_empty_text": ("must be a non-empty text", "必须是非空文字"),
    # -- shapes (pydantic's error types in plain words)
    "value.mapping_got": (
        "must be a mapping of `key: value` lines, got {value}",
        "必须是由 `键: 值` 行组成的映射，实际为 {value}",
    ),
    "value.number_got": ("must be a number, got {value}", "必须是数字，实际为 {value}"),
    "value.list_first_last_got": (
        "must be a list like [first, last], got {value}",
        "必须是 [起始年, 结束年] 形式的列表，实际为 {value}",
    ),
    "value.list_got": ("must be a list, got {value}", "必须是列表，实际为 {value}"),
    "value.text_got": ("must be text, got {value}", "必须是文字，实际为 {value}"),
    "value.literal": ("Input should be {expected}", "应为 {expected}"),
    "value.boolean": ("Input should be a valid boolean", "应为 true 或 false"),
    "value.boolean_parsing": (
        "Input should be a valid boolean, unable to interpret input",
        "应为 true 或 false，无法识别所给的值",
    ),
    "value.text_too_short": ("String should have at least {n} character", "文字至少需要 {n} 个字符"),
    "value.text_too_short_n": ("String should have at least {n} characters", "文字至少需要 {n} 个字符"),
    # a validator's own words where no message of the catalogue says it (shown as they are)
    "value.other": ("{text}", "{text}"),
    # -- scenario values (sim/inputs/schema.py)
    "scenario.empty_year_map": (
        "an empty {{year: value}} mapping; give at least one year",
        "空的 {{年份: 值}} 映射；请至少给出一年",
    ),
    "scenario.lead_alone": (
        "a lead is written alone, {{lead: 1.0}}; remove {extra}",
        "lead 须单独写出，如 {{lead: 1.0}}；请删去 {extra}",
    ),
    "scenario.write_year_map": (
        "write {{year: value}} ({unit}), e.g. {{2025: -3, 2026: -3}}",
        "请写成 {{年份: 值}}（{unit}），例如 {{2025: -3, 2026: -3}}",
    ),
    "scenario.gdp_positive": (
        "GDP must be positive (100 million yuan, e.g. 26700)",
        "GDP 必须为正数（单位亿元，例如 26700）",
    ),
    "scenario.block_bootstrap": (
        "block applies to the bootstrap only; remove it or use method: bootstrap (got {method})",
        "block 只适用于 bootstrap；请删去它或改用 method: bootstrap（当前为 {method}）",
    ),
    "scenario.range_or_values": (
        "give exactly one of `range: [start, stop, step]` or `values: [...]`",
        "请给出 `range: [start, stop, step]` 或 `values: [...]`，二者只能取其一",
    ),
    "scenario.values_empty": ("`values` is empty", "`values` 为空"),
    "scenario.range_forms": (
        "give `[low, high]`, `{{set: [low, high]}}` or `{{shift: [low, high]}}`",
        "请给出 `[low, high]`、`{{set: [low, high]}}` 或 `{{shift: [low, high]}}`",
    ),
    "scenario.provinces_mapping": (
        "must be a mapping of province name to {{real_growth, deflator}}",
        "必须是“地区名 → {{real_growth, deflator}}”的映射",
    ),
    "scenario.extends_cycle": ("extends cycle: {cycle}", "extends 形成循环：{cycle}"),
    "scenario.extended_not_found": ("extended file not found: {path}", "找不到 extends 所指的文件：{path}"),
    "scenario.data_not_found": ("data file not found: {path}", "找不到数据文件：{path}"),
    "scenario.unsupported_type": ("unsupported value of type {type}", "不支持的值类型 {type}"),
    # -- paths a scenario names (extends:, data:)
    "path.or": ("{a} or {b}", "{a} 或 {b}"),
    "path.relative": ("must be a relative path to a {kinds} file", "必须是指向 {kinds} 文件的相对路径"),
    "path.control": (
        "a path cannot contain control characters (NUL, newline, ...): {shown}",
        "路径不能含有控制字符（NUL、换行等）：{shown}",
    ),
    "path.too_long": (
        "a path of at most {most:,} characters, got {shown}",
        "路径最多 {most:,} 个字符，实际为 {shown}",
    ),
    "path.suffix": ("must name a {kinds} file, got {shown}", "必须指向 {kinds} 文件，实际为 {shown}"),
    "path.not_regular": ("{shown} is not a regular file", "{shown} 不是普通文件"),
    "path.unusable": ("cannot be used as a path ({why}): {shown}", "无法用作路径（{why}）：{shown}"),
    "path.shown_long": ("{start}… ({n:,} characters)", "{start}…（共 {n:,} 个字符）"),
    # -- sweep and sensitivity parameters (sim/inputs/params.py)
    "param.mode": (
        "mode must be 'set' or 'shift', got {mode}",
        "mode 必须是 'set' 或 'shift'，实际为 {mode}",
    ),
    "param.unknown_province": (
        "unknown province {name} in parameter {path}{hint}",
        "未知地区 {name}（参数 {path}）{hint}",
    ),
    "param.province_attr": (
        "{path}: a province has real_growth, deflator and lead, not {attr}",
        "{path}：地区的参数是 real_growth、deflator 和 lead，没有 {attr}",
    ),
    "param.lead_set": (
        "{path}: a lead is set (points over the {national} path); shift real_growth instead",
        "{path}：lead 只能设定（比{national}路径高出的百分点）；请改为平移 real_growth",
    ),
    "param.lead_every_year": ("a lead covers every year", "lead 覆盖每一年"),
    "param.years_out_of_order": ("years out of order", "年份顺序颠倒"),
    "param.write_years": (
        "{path}: {why}; write provinces.<name>.real_growth.FIRST-LAST",
        "{path}：{why}；请写成 provinces.<地区>.real_growth.起始年-结束年",
    ),
    "param.deflator_half_life_set": (
        "others.deflator_half_life: set it (years), a shift is not available",
        "others.deflator_half_life：请用 set 设定（年），不能平移",
    ),
    "param.half_life_shift": (
        "others.half_life: cannot shift 'no decay'; use set",
        "others.half_life：无法平移“不衰减”；请用 set",
    ),
    "param.monte_carlo_only": (
        "{path} changes only Monte Carlo results; sweeps and sensitivity use the deterministic projection",
        "{path} 只影响蒙特卡洛结果；参数扫描和敏感性分析使用确定性预测",
    ),
    "param.unknown_outcome": (
        "unknown outcome {outcome}; use reach_year, rank_<year> or gap_pct_<year> (also written gap_<year>)",
        "未知的结果指标 {outcome}；请用 reach_year、rank_<年份> 或 gap_pct_<年份>（也可写作 gap_<年份>）",
    ),
    "param.outcome_year": (
        "outcome year {year} is outside the projection ({first}-{last})",
        "结果指标的年份 {year} 超出预测范围（{first}-{last}）",
    ),
    "param.fraction": (
        "{field}: {value:g} is read as {value:g} % a year; if you meant {meant:g} %, write {meant:g}",
        "{field}：{value:g}按每年{value:g}%理解；如果想写{meant:g}%，请写 {meant:g}",
    ),
    # -- YAML (sim/inputs/yamlio.py)
    "yaml.syntax": ("YAML syntax: {problem}", "YAML 语法：{problem}"),
    "yaml.anchors": (
        "YAML anchors and aliases (&name, *name) are not allowed; write values out",
        "不允许使用 YAML 锚点和别名（&name、*name）；请把值完整写出",
    ),
    "yaml.merge_keys": (
        "YAML merge keys (<<) are not allowed; write the keys out",
        "不允许使用 YAML 合并键（<<）；请把各个键完整写出",
    ),
    "yaml.tags": ("YAML tags are not allowed ({tag})", "不允许使用 YAML 标签（{tag}）"),
    "yaml.nested": ("nested more than {depth} levels deep", "嵌套超过 {depth} 层"),
    "yaml.long_whole": (
        "a whole number of {digits} digits (at most {most})",
        "{digits} 位的整数（最多 {most} 位）",
    ),
    "yaml.unsupported": ("unsupported value {value}", "不支持的值 {value}"),
    "yaml.tab": (
        "a tab character; use spaces, not tabs, to indent",
        "含有制表符（Tab）；请用空格缩进，不要用 Tab",
    ),
    "yaml.duplicate_key": (
        'duplicate key "{key}": it is already given above in the same block; give each key once',
        "重复的键 “{key}”：同一块中上方已经给出；每个键只写一次",
    ),
    "yaml.indent_no_key": (
        "this line is indented by {n} spaces, which lines up with no key above it; indent "
        "it exactly like the other keys of its block (line {prev} has {m} spaces)",
        "此行缩进 {n} 个空格，与上方任何键都对不齐；"
        "请与同一块中的其他键缩进一致（第 {prev} 行为 {m} 个空格）",
    ),
    "yaml.indent_no_key_top": (
        "this line is indented by {n} spaces, which lines up with no key above it; indent "
        "it exactly like the other keys of its block (the line above has spaces)",
        "此行缩进 {n} 个空格，与上方任何键都对不齐；请与同一块中的其他键缩进一致",
    ),
    "yaml.list_item": (
        "a list item ('- ...') where `key: value` lines are expected; write `key: value`, "
        "or put the list under a key (`key:` and then indented `- item` lines)",
        "此处应为 `键: 值` 行，却出现了列表项（'- ...'）；请写成 `键: 值`，"
        "或把列表放在某个键之下（`键:` 后接缩进的 `- 项` 行）",
    ),
    "yaml.after_quote": (
        "text after a closing quote; put the whole value inside the quotes",
        "闭合引号之后还有文字；请把整个值放在引号内",
    ),
    "yaml.second_colon": (
        'a second \':\' on one line; put a value that contains \':\' in quotes (name: "a: b")',
        '一行中有第二个 \':\'；含 \':\' 的值请加引号（name: "a: b"）',
    ),
    "yaml.deeper": (
        "this line is indented deeper than line {prev}, which already has a value: indent it like line "
        "{prev} ({m} spaces), or, if it belongs under line {prev}, end line {prev} with ':' and no value",
        "此行比已有值的第 {prev} 行缩进更深：请与第 {prev} 行缩进一致（{m} 个空格）；"
        "如果它属于第 {prev} 行之下，请让第 {prev} 行以 ':' 结尾且不写值",
    ),
    "yaml.deeper_top": (
        "a `key:` indented deeper than the line above, which already has a value",
        "此 `键:` 比上一行缩进更深，而上一行已经有值",
    ),
    "yaml.no_colon": (
        "{line} has no ':'; write `key: value` (or `key:` followed by indented lines)",
        "{line} 后没有 ':'；请写成 `键: 值`（或 `键:` 后接缩进的行）",
    ),
    "yaml.open_quote": (
        "a quote opened on this line is never closed; close it on the same line",
        "此行的引号没有闭合；请在同一行内闭合",
    ),
    "yaml.open_flow": (
        "the '{opener}' at column {col} is not closed by '{closer}' on its line; "
        "write it as {opener}a, b{closer} on one line, items separated by ', '",
        "第 {col} 列的 '{opener}' 在本行没有用 '{closer}' 闭合；"
        "请在一行内写成 {opener}a, b{closer}，各项以 ', ' 分隔",
    ),
    "yaml.alias_value": (
        "a value starting with '*' (in YAML that refers to an anchor); put it in quotes",
        "以 '*' 开头的值（在 YAML 中表示引用锚点）；请加引号",
    ),
    "yaml.bad_start": (
        "a value cannot start with {char} in YAML; put it in quotes",
        "YAML 中的值不能以 {char} 开头；请加引号",
    ),
    "yaml.second_document": (
        "a '---' or '%' line starts a second YAML document; a scenario is one: remove it",
        "'---' 或 '%' 行开始了第二个 YAML 文档；情景文件只能有一个文档：请删去该行",
    ),
    "yaml.unreadable_line": (
        "this line cannot be read as `key: value` text; check its "
        "indentation, colons and quotes against the lines above",
        "此行无法按 `键: 值` 读取；请对照上面各行检查缩进、冒号和引号",
    ),
    "yaml.unreadable_file": (
        "this file cannot be read as `key: value` lines ({kind})",
        "此文件无法按 `键: 值` 行读取（{kind}）",
    ),
    "yaml.folder": (
        "is a folder, not a scenario file (give a .yaml file in it)",
        "是文件夹而不是情景文件（请给出其中的 .yaml 文件）",
    ),
    "yaml.cannot_read": ("cannot be read ({why})", "无法读取（{why}）"),
    "yaml.not_regular": (
        "not a regular file (a device, pipe or socket); give a .yaml file",
        "不是普通文件（设备、管道或套接字）；请给出 .yaml 文件",
    ),
    "yaml.too_big": (
        "the file has {size:,} bytes; a scenario file may have at most {most:,} (1 MB)",
        "文件有 {size:,} 字节；情景文件最多 {most:,} 字节（1 MB）",
    ),
    "yaml.grew": (
        "the file has more than {most:,} bytes (at most 1 MB)",
        "文件超过 {most:,} 字节（最多 1 MB）",
    ),
    "yaml.not_utf8": ("not UTF-8 text", "不是 UTF-8 文本"),
    "yaml.empty": ("empty file; a scenario needs at least `name:`", "空文件；情景文件至少需要 `name:`"),
    "yaml.top_list": (
        "the file must be a mapping of `key: value` lines, not a list",
        "文件必须由 `键: 值` 行组成，不能是列表",
    ),
    "yaml.top_value": (
        "the file must be a mapping of `key: value` lines, not a single value",
        "文件必须由 `键: 值` 行组成，不能是单个值",
    ),
    # -- full-width punctuation (sim/inputs/fullwidth.py)
    "fullwidth.space": (
        "a full-width space at column {col} (typed with a Chinese input method); use {use}",
        "第 {col} 列有全角空格（中文输入法输入）；请改用{use}",
    ),
    "fullwidth.char": (
        "full-width {char} at column {col} (typed with a Chinese input method); use {use}",
        "第 {col} 列有全角 {char}（中文输入法输入）；请改用{use}",
    ),
    "fullwidth.a_space": ("a space", "半角空格"),
    "fullwidth.in_value": (
        "{message} (the {char} was typed with a Chinese input method; use {use})",
        "{message}（其中的 {char} 为中文输入法输入；请改用{use}）",
    ),
    "fullwidth.ascii": ("{char}", "半角 {char}"),
    # -- files
    "file.not_found": ("file not found", "找不到文件"),
    "file.not_found_path": ("file not found: {path}", "找不到文件：{path}"),
    # -- the panel CSV (sim/inputs/panel.py)
    "panel.year_outside_data": (
        "year {year} is outside the data ({first}-{last})",
        "{year} 年超出数据年份（{first}-{last}）",
    ),
    "panel.utf16": (
        "UTF-16 text (Excel's 'Unicode text'); save the file as 'CSV UTF-8'",
        "UTF-16 文本（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”",
    ),
    "panel.unknown_encoding": (
        "unknown text encoding {encoding} (try utf-8, gb18030 or gbk)",
        "未知的文本编码 {encoding}（可试 utf-8、gb18030 或 gbk）",
    ),
    "panel.cannot_decode": (
        "cannot be read as {encoding} (byte {byte}); leave out the encoding to detect it",
        "无法按 {encoding} 编码读取（第 {byte} 个字节）；不指定编码即可自动识别",
    ),
    "panel.not_utf8_gb": (
        "neither UTF-8 nor GB18030/GBK text; save the file as 'CSV UTF-8'",
        "既不是 UTF-8 也不是 GB18030/GBK 文本；请另存为“CSV UTF-8”",
    ),
    "panel.not_csv": ("not a readable CSV file ({why})", "不是可读取的 CSV 文件（{why}）"),
    "panel.empty_csv": ("an empty file: no header row, no data", "文件为空：没有表头行，也没有数据"),
    "panel.missing_column": ("missing column", "缺少列"),
    "panel.missing_required": ("missing column (required: {columns})", "缺少列（必需的列：{columns}）"),
    "panel.missing_name": (
        "missing column (a region name: {en} or {zh}, or 地区)",
        "缺少列（地区名称：{en} 或 {zh}，或 地区）",
    ),
    "panel.no_rows": ("no data rows", "没有数据行"),
    "panel.two_names": ("code {code} has two names: {a} and {b}", "代码 {code} 有两个名称：{a} 和 {b}"),
    "panel.empty_code": ("empty region code", "地区代码为空"),
    "panel.same_name": (
        "two regions have the name {name} (codes {a} and {b}); give each region its own name",
        "两个地区同名 {name}（代码 {a} 和 {b}）；请给每个地区不同的名称",
    ),
    "panel.short_form": (
        "{a} and {b} are one name with and without its ending (codes {c} and "
        "{d}): the same region twice? give each region its own name",
        "{a} 与 {b} 只差一个后缀（代码 {c} 和 {d}）：是同一地区写了两次吗？请给每个地区不同的名称",
    ),
    "panel.total_hint": (
        "; move it to a file of its own (year, {gdp}, {real}) and name "
        "that file as aggregate.series in {meta} (docs/panels.md)",
        "；请把它移到单独的文件（year, {gdp}, {real} 三列），并在 {meta} "
        "中以 aggregate.series 指定该文件（见 docs/panels.md）",
    ),
    "panel.total_row": ("a total row, not a region ({what}){hint}", "这是合计行，不是地区（{what}）{hint}"),
    "panel.total_name": ("name {name}", "名称 {name}"),
    "panel.total_code": ("code {code}", "代码 {code}"),
    "panel.total_near_sum": (
        "{name}: within {share} of the sum of the other rows in {near} of {years} years",
        "{name}：{years} 年中有 {near} 年与其他各行之和相差不到 {share}",
    ),
    "panel.sum_row": (
        "region {code} ({name}) is within {share} of the sum of the other regions "
        "in {near} of {years} years: a total row, not a region{hint}",
        "地区 {code}（{name}）在 {years} 年中有 {near} "
        "年与其他地区之和相差不到 {share}：这是合计行，不是地区{hint}",
    ),
    "panel.duplicate_row": (
        "duplicate row for region {code} year {year}",
        "地区 {code} 的 {year} 年有重复的行",
    ),
    "panel.year_gap": ("gap in years: no row for {year}", "年份不连续：缺少 {year} 年的行"),
    "panel.two_regions": ("a panel needs at least two regions", "数据表至少需要两个地区"),
    "panel.missing_region_year": (
        "missing region-year: region {code} has no row for {year}",
        "缺少地区年份：地区 {code} 没有 {year} 年的行",
    ),
    "panel.unknown_status": (
        "unknown status {token} (write preliminary, final or estimated:FIELD with FIELD one of {fields})",
        "未知的状态 {token}（请写 preliminary、final 或 estimated:字段，字段为 {fields} 之一）",
    ),
    "panel.no_vintage": (
        "no vintage {name}; the vintages are {names}",
        "没有数据版本 {name}；现有版本：{names}",
    ),
    "panel.no_national_row": ("no {national} row for {year}", "{national}数据缺少 {year} 年的行"),
    # -- the panel metadata file (sim/inputs/scope.py)
    "meta.groups_mapping": (
        "must be a mapping of group key -> {{en, zh, codes}}",
        "必须是“分组键 → {{en, zh, codes}}”的映射",
    ),
    "meta.group_needs": ("needs en, zh and a list of codes", "需要 en、zh 和代码列表 codes"),
    "meta.not_a_code": ("not a code of the panel: {code}", "不是数据表中的代码：{code}"),
    "meta.in_group": ("{code} is already in group {group}", "{code} 已在分组 {group} 中"),
    "meta.aggregate_mapping": (
        "must be a mapping with en, zh (and series)",
        "必须是包含 en、zh（及 series）的映射",
    ),
    # -- importing portal exports (sim/inputs/portal.py, sim/inputs/panel_import.py)
    "portal.utf16": (
        "UTF-16 text (Excel's 'Unicode text'); save it as 'CSV UTF-8' or export it again",
        "UTF-16 文本（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”或重新导出",
    ),
    "portal.undecodable": (
        "neither UTF-8 nor GB18030 text (byte 0x{byte:02x}); export the "
        "file again from the portal or save it as 'CSV UTF-8'",
        "既不是 UTF-8 也不是 GB18030 文本（字节 0x{byte:02x}）；请从数据门户重新导出，或另存为“CSV UTF-8”",
    ),
    "portal.undecodable_guess": (
        "neither UTF-8 nor GB18030 text, as far as can be told (the first line reads "
        "{first}); export the file again from the portal or save it as 'CSV UTF-8'",
        "看来既不是 UTF-8 也不是 GB18030 文本（第一行为 "
        "{first}）；请从数据门户重新导出，或另存为“CSV UTF-8”",
    ),
    "portal.twice": (
        "region {code} year {year} appears twice (first on line {first})",
        "地区 {code} 的 {year} 年出现两次（第一次在第 {first} 行）",
    ),
    "portal.which_year": ("year", "年份"),
    "portal.which_region": ("region", "地区"),
    "portal.no_meta": (
        "no `{key}：` line above the table: which {what} is it?",
        "表格上方没有 `{key}：` 行：是哪个{what}？",
    ),
    "portal.not_one_year": ("`时间：{when}` is not one year", "`时间：{when}` 不是单独一个年份"),
    "portal.no_indicator": (
        "no `指标：` line above the table and no indicator in the file name: which "
        "indicator is it? (name the file after it, e.g. 地区生产总值指数.csv)",
        "表格上方没有 `指标：` 行，文件名中也没有指标："
        "是哪个指标？（请用指标名称命名文件，例如 "
        "地区生产总值指数.csv）",
    ),
    "portal.tidy_year": (
        "a table with 省份编码/省份 needs a 年份 column",
        "含 省份编码/省份 的表格需要 年份 列",
    ),
    "portal.no_table": ("no table in the file", "文件中没有表格"),
    "portal.layout": (
        "not a portal export this version can read: expected a table starting with 地区 (regions by "
        "indicator or by year), 指标 (indicators by year) or 省份编码/省份, 年份 (one row a region-year)",
        "不是本版本能读取的数据门户导出文件：表格应以 地区（各地区按指标或按年份）、"
        "指标（各指标按年份）或 省份编码/省份, 年份（每行一个地区年份）开头",
    ),
    "import.cannot_read": (
        "cannot read the panel ({why}); it must be UTF-8 CSV",
        "无法读取数据表（{why}）；数据表必须是 UTF-8 CSV",
    ),
    "import.would_not_load": (
        "{message} (in the panel as this import would write it; nothing written)",
        "{message}（本次导入将写出的数据表中；未写入任何内容）",
    ),
    "import.locked": (
        "another import into {folder} is still running after {wait:g} s; nothing written",
        "另一个导入 {folder} 的任务在 {wait:g} 秒后仍在运行；未写入任何内容",
    ),
    "import.vintage_name": (
        "a vintage name is letters (Chinese too), digits, '-' and '_', got {name}",
        "数据版本名称只能由文字（可以是汉字）、数字、'-' 和 '_' 组成，实际为 {name}",
    ),
    # -- results and random numbers (sim/longformat.py, sim/provenance.py)
    "results.not_long": (
        "item {i} is not a long table (columns {columns}; want {want})",
        "第 {i} 项不是长表（列为 {columns}；应为 {want}）",
    ),
    "results.no_to_long": (
        "item {i} ({type}) has no to_long(); give ranksim results",
        "第 {i} 项（{type}）没有 to_long()；请给出 ranksim 的结果",
    ),
    "random.seed_or_rng": ("give seed or rng, not both", "seed 与 rng 只能给出其一"),
    "random.generator": (
        "must be a numpy.random.Generator, got {type}",
        "必须是 numpy.random.Generator，实际为 {type}",
    ),
}
