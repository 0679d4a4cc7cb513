"""Messages of the command line, the app and the outputs (see sim.messages): id -> (English, Chinese).

``cli.argparse.*`` are argparse's own message templates (its gettext msgids, with argparse's
%-placeholders, which are not catalogue parameters): the command line hands them to argparse in
its language (:func:`sim.cli.common.argparse_language`).
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- argparse's own words (msgids of Python's argparse; the Chinese keeps each %-placeholder)
    "cli.argparse.usage": ("usage: ", "用法："),
    "cli.argparse.positional_arguments": ("positional arguments", "位置参数"),
    "cli.argparse.options": ("options", "选项"),
    "cli.argparse.help": ("show this help message and exit", "显示此帮助并退出"),
    "cli.argparse.argument": (
        "argument %(argument_name)s: %(message)s",
        "参数 %(argument_name)s：%(message)s",
    ),
    "cli.argparse.invalid_choice": (
        "invalid choice: %(value)r (choose from %(choices)s)",
        "无效的选项 %(value)r（可选：%(choices)s）",
    ),
    "cli.argparse.invalid_value": ("invalid %(type)s value: %(value)r", "无效的 %(type)s 值：%(value)r"),
    "cli.argparse.unrecognized": ("unrecognized arguments: %s", "无法识别的参数：%s"),
    "cli.argparse.required": ("the following arguments are required: %s", "缺少必需的参数：%s"),
    "cli.argparse.one_of_required": ("one of the arguments %s is required", "参数 %s 中必须给出一个"),
    "cli.argparse.expected_one": ("expected one argument", "需要一个值"),
    "cli.argparse.expected_at_most_one": ("expected at most one argument", "最多需要一个值"),
    "cli.argparse.expected_at_least_one": ("expected at least one argument", "至少需要一个值"),
    "cli.argparse.expected_n": ("expected %s argument", "需要 %s 个值"),
    "cli.argparse.expected_n_plural": ("expected %s arguments", "需要 %s 个值"),
    "cli.argparse.ambiguous": (
        "ambiguous option: %(option)s could match %(matches)s",
        "有歧义的选项：%(option)s 可以匹配 %(matches)s",
    ),
    "cli.argparse.ignored_explicit": ("ignored explicit argument %r", "此选项不取值，却给出了 %r"),
    "cli.argparse.not_allowed_with": ("not allowed with argument %s", "不能与参数 %s 同时使用"),
    # -- the command line's own errors
    "cli.parse_error": ("{message}{see}", "{message}{see}"),
    "cli.see_help": (" (see `{command}`)", "（见 `{command}`）"),
    "cli.unrecognized": (
        "unrecognized arguments: {arguments} ({hint}see `{command}`)",
        "无法识别的参数：{arguments}（{hint}见 `{command}`）",
    ),
    "cli.did_you_mean_option": ("did you mean {option}? ", "是否指 {option}？"),
    "cli.no_command": (
        "no command given (try `ranksim run scenarios/inner_mongolia_6pct.yaml`)",
        "没有给出命令（试试 `ranksim run scenarios/inner_mongolia_6pct.yaml`）",
    ),
    "cli.outside_projection": (
        "{year} is outside the projection ({base}-{horizon})",
        "{year} 超出预测范围（{base}-{horizon}）",
    ),
    "cli.chart_suffix": (
        "must end in .html, .png or .svg, got {name}",
        "必须以 .html、.png 或 .svg 结尾，实际为 {name}",
    ),
    "cli.sweep_syntax": (
        "write PATH=START:STOP:STEP, got {text}",
        "请写成 路径=起点:终点:步长（三个数），实际为 {text}",
    ),
    "cli.sweep_three": (
        "write PATH=START:STOP:STEP (three numbers), got {spec}",
        "请写成 路径=起点:终点:步长（三个数），实际为 {spec}",
    ),
    "cli.sweep_not_numbers": (
        "{spec} is not START:STOP:STEP numbers",
        "{spec} 不是 起点:终点:步长 形式的三个数",
    ),
    "cli.sweep_grid": ("{path}: {problem}", "{path}：{problem}"),
    "cli.sweep_nothing": (
        "give --set/--shift PATH=START:STOP:STEP or a `sweep:` section in the scenario",
        "请给出 --set/--shift 路径=起点:终点:步长，或在情景中写 `sweep:` 部分",
    ),
    "cli.no_sensitivity": (
        "no `sensitivity:` section in this scenario (see the user guide, Scenario files)",
        "此情景没有 `sensitivity:` 部分（见用户指南“情景文件”一页）",
    ),
    "cli.over_and_lead": (
        "give --over or --lead, not both (a lead covers every projected year)",
        "请给出 --over 或 --lead，不能两个都给（领先幅度覆盖每个预测年份）",
    ),
    "cli.year_range_syntax": (
        "write FIRST:LAST, e.g. 2008:2019; got {text}",
        "请写成 起始年:结束年，例如 2008:2019；实际为 {text}",
    ),
    "cli.years_out_of_order": ("years out of order: {text}", "年份顺序颠倒：{text}"),
    "cli.no_targets": ("{file} has no announced targets", "{file} 没有公布的增长目标"),
    "cli.unknown_region": ("unknown region {name}{hint}", "未知地区 {name}{hint}"),
    "cli.two_scenarios": ("give two or more scenarios, got {n}", "请给出两个或更多情景，实际为 {n} 个"),
    # -- argument types (sim.cli.common)
    "cli.not_year": ("not a year: {value}", "不是年份：{value}"),
    "cli.not_whole_number": ("not a whole number: {value}", "不是整数：{value}"),
    "cli.at_least": ("must be at least {least}, got {value}", "必须不小于 {least}，实际为 {value}"),
    "cli.zero_or_more": ("must be 0 or more, got {value}", "必须大于或等于 0，实际为 {value}"),
    "cli.file_stem": (
        "a plain file name without folder or leading dot, got {value}",
        "必须是不含文件夹、不以点开头的文件名，实际为 {value}",
    ),
    "cli.not_number": ("not a number: {value}", "不是数字：{value}"),
    "cli.probability_range": ("must be in (0, 1], got {value}", "必须在 (0, 1] 之内，实际为 {value}"),
    # -- console lines
    "cli.strict": ("{warning} (an error with --strict)", "{warning}（使用 --strict 时为错误）"),
    "cli.interrupted": ("interrupted", "已中断"),
    "cli.interrupted_after": (
        "interrupted (after writing {n} files in full)",
        "已中断（此前已完整写入 {n} 个文件）",
    ),
    "cli.internal_error": (
        "internal error: {error} (set RANKSIM_DEBUG=1 for a traceback)",
        "内部错误：{error}（设置 RANKSIM_DEBUG=1 可查看回溯信息）",
    ),
    "cli.progress_montecarlo": ("Monte Carlo", "蒙特卡洛模拟"),
    "cli.progress_montecarlo_solve": ("Monte Carlo solve", "蒙特卡洛求解"),
    "cli.progress_sensitivity": ("Sensitivity (tornado, Sobol)", "敏感性分析（龙卷风图、Sobol 指数）"),
    "cli.progress_backtest": ("Backtest", "回测"),
    "cli.progress_band_scales": ("Band scales", "区间宽度"),
    # -- the app (ranksim serve)
    "app.enter_number": ("enter a number", "请输入数字"),
    "app.not_number": ("not a number: {value}", "不是数字：{value}"),
    "app.not_year": ("not a year: {value}", "不是年份：{value}"),
    "app.unknown_rival": ("not a region of the list: {value}", "不是列表中的地区：{value}"),
    "app.deadline_range": (
        "must be within {first}-{last}, got {year}",
        "必须在 {first}-{last} 之内，实际为 {year}",
    ),
    "app.enter_range": ("enter a number from {lo:g} to {hi:g}", "请输入 {lo:g} 到 {hi:g} 之间的数字"),
    "app.save_name": (
        "a file name ending in .yaml (letters, digits, - _ . and spaces)",
        "以 .yaml 结尾的文件名（字母、数字、- _ . 和空格）",
    ),
    "app.save_starting": ("that is the starting scenario; choose another name", "这是起始情景；请另选文件名"),
    "app.save_in_chain": (
        "{name} is part of the starting scenario (its extends chain); choose another name",
        "{name} 属于起始情景（其 extends 链）；请另选文件名",
    ),
    "app.save_exists": (
        "{name} already exists; saving never replaces a file, choose another name",
        "{name} 已存在；保存从不覆盖已有文件，请另选文件名",
    ),
    "app.not_port": ("{port} is not a port (1-65535)", "{port} 不是端口号（1-65535）"),
    "app.port_in_use": (
        "port {port} on {host} is in use; choose another",
        "{host} 上的端口 {port} 已被占用；请另选端口",
    ),
    "app.port_unusable": (
        "port {port} on {host} cannot be used ({why}); choose another",
        "{host} 上的端口 {port} 无法使用（{why}）；请另选端口",
    ),
    "app.refused_host": (
        "refused: the Host {host} is not this app's address",
        "已拒绝：Host {host} 不是本应用的地址",
    ),
    "app.refused_origin": (
        "refused: a request from another site ({origin})",
        "已拒绝：来自其他网站的请求（{origin}）",
    ),
    "app.refused_request": (
        "refused: not a request the app's page sends (its body must be the page's JSON)",
        "已拒绝：不是本应用页面发出的请求（请求内容须为页面发送的 JSON）",
    ),
    "app.refused_body": (
        "refused: request bodies are limited to {max_body:,} bytes",
        "已拒绝：请求内容最多 {max_body:,} 字节",
    ),
    # -- outputs (sim.present)
    "output.is_file": ("{out} is a file, not a folder", "{out} 是文件，不是文件夹"),
    "output.file_in_the_way": (
        "{out} cannot be created: {file} is a file, not a folder",
        "无法创建 {out}：{file} 是文件，不是文件夹",
    ),
    "output.not_writable": ("output folder {out} is not writable{where}", "输出文件夹 {out} 不可写{where}"),
    "output.in_folder": (" (in {folder})", "（在 {folder} 中）"),
    "output.cannot_create_out": (
        "cannot create output folder {out}: {why}",
        "无法创建输出文件夹 {out}：{why}",
    ),
    "output.cannot_create_folder": ("cannot create folder {folder}: {why}", "无法创建文件夹 {folder}：{why}"),
    "output.cannot_write": ("cannot write {path}: {why}", "无法写入 {path}：{why}"),
    "output.folder_in_the_way": (
        "cannot write {path}: a folder has that name",
        "无法写入 {path}：已有同名文件夹",
    ),
    "output.move_failed": (
        "cannot write {path}: {why}; already new: {done}; the rest of the new set is in {ready}",
        "无法写入 {path}：{why}；已是新文件：{done}；其余新文件在 {ready} 中",
    ),
    "output.none": ("none", "无"),
    "output.changed_meanwhile": (
        "changed by another program while this import ran; nothing written (run it again)",
        "导入过程中文件被其他程序修改；未写入任何内容（请重新运行）",
    ),
    "output.image_format": ("an image is {formats}, got {fmt}", "图片格式须为 {formats}，实际为 {fmt}"),
    "output.needs_kaleido": (
        "{fmt} output needs the kaleido package (pip install 'kaleido>=1', part of `make run`); "
        "write FILE.html instead",
        "{fmt} 输出需要 kaleido 包（pip install 'kaleido>=1'，`make run` 会安装）；或改为写 FILE.html",
    ),
    "output.no_browser": (
        "{fmt} output failed: no Chrome or Chromium could be started ({error}); set BROWSER_PATH or "
        "install chromium, or write FILE.html",
        "{fmt} 输出失败：无法启动 Chrome 或 Chromium（{error}）；请设置 BROWSER_PATH 或安装 chromium，"
        "或改为写 FILE.html",
    ),
    "output.lang_choice": ("must be one of {choices}, got {lang}", "必须是 {choices} 之一，实际为 {lang}"),
    "output.summary_year": (
        "{year} is not a year within {base}-{horizon}",
        "{year} 不是 {base}-{horizon} 之内的年份",
    ),
    "output.no_summary": (
        "no summary for {kind}; give a projection or an analysis result",
        "没有 {kind} 的摘要；请给出预测结果或分析结果",
    ),
    "output.no_report": ("no report for {kind}", "没有 {kind} 的报告"),
}
