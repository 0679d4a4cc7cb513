"""Messages of sim.inputs (scenario and data files, values): id -> (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "value.not_number": ("not a number: {value}{hint}", "不是数字：{value}{hint}"),
}
