"""The input layer's errors carry catalogue messages (sim/messages/inputs.py): the English text as
it always was, the Chinese one rendered from the same id and parameters (message parts such as
" (did you mean ...)", units and the panel's words nested, never re-parsed)."""

from __future__ import annotations

import pytest

from sim.errors import InputError, ScenarioError
from sim.inputs.panel import load_panel
from sim.inputs.params import BadValue, grid_values, parse_outcome, parse_parameter
from sim.inputs.scenario_file import read_scenario_file
from sim.inputs.scope import Scope
from sim.messages import Msg
from tests.conftest import FOUNDING, ROOT

CORPUS = ROOT / "tests" / "bad_inputs"


def _error(path) -> InputError:
    with pytest.raises(InputError) as err:
        read_scenario_file(path)
    return err.value


def test_an_unknown_region_and_its_suggestion_in_both_languages(write):
    text = f"name: s\nextends: {FOUNDING}\nprovinces:\n  Guangxj: {{real_growth: 6}}\n"
    err = _error(write("s.yaml", text))
    assert err.message == (
        "unknown province 'Guangxj' (did you mean 'Guangxi'?) (use an English or Chinese name or a code; "
        "`ranksim data` lists them)"
    )
    assert err.render("zh").endswith(
        "provinces.Guangxj: 未知地区 'Guangxj'（是否指 'Guangxi'？）"
        "（请用中文名、英文名或代码；`ranksim data` 列出全部地区）"
    )
    assert isinstance(err.msg, Msg) and isinstance(err.msg.params["hint"], Msg)


def test_yaml_syntax_and_full_width_punctuation_in_chinese(write):
    err = _error(write("s.yaml", "name: s\ntarget： Guangxi\n"))
    assert "YAML syntax: full-width '：' at column 7 (typed with a Chinese input method); use ':'" in str(err)
    assert "YAML 语法：第 7 列有全角 '：'（中文输入法输入）；请改用半角 ':'" in err.render("zh")


def test_validation_words_units_and_pydantic_choices_in_chinese(write):
    err = _error(write("s.yaml", f"name: s\nextends: {FOUNDING}\nnational: {{real_growth: 50}}\n"))
    assert "must be between -30 and 30 (percent per year), got 50: the hard limit" in err.message
    assert err.render("zh").endswith(
        "national.real_growth: 必须在 -30 与 30 之间（每年百分比），实际为 50：这是增速、平减指数、"
        "领先幅度与临时调整共同的硬性界限（数据中各地区名义增速在每年 -5.6% 至 29.9% 之间）"
    )
    err = _error(write("m.yaml", f"name: s\nextends: {FOUNDING}\nothers: {{model: nonsense}}\n"))
    assert err.message == "Input should be 'national', 'spread' or 'targets'"
    assert err.render("zh").endswith("others.model: 应为 'national'、'spread' 或 'targets'")


def test_a_panel_error_in_chinese():
    with pytest.raises(InputError) as err:
        load_panel(CORPUS / "panel_thousands.csv")
    assert err.value.message == "not a number: '1,090.0' (remove thousands separators)"
    assert err.value.render("zh").endswith("gdp_nominal_100m_yuan: 不是数字：'1,090.0'（请去掉千位分隔符）")


def test_parameter_errors_carry_their_message_and_name_the_panels_aggregate():
    regions = load_panel().regions
    with pytest.raises(InputError) as err:
        parse_parameter(regions, "provinces.15.lead", "shift")
    assert "(points over the national path)" in err.value.message and "比全国路径" in err.value.render("zh")
    city = Scope("city", "Inner Mongolia", "全区")
    with pytest.raises(InputError) as err:
        parse_parameter(regions, "provinces.15.lead", "shift", scope=city)
    assert "(points over the national path)" in err.value.message and "比全区路径" in err.value.render("zh")
    with pytest.raises(ValueError, match="stop 4 is below start 6") as bad:
        grid_values(6, 4, 1)
    assert isinstance(bad.value, BadValue) and bad.value.msg.render("zh") == "终点 4 小于起点 6"
    with pytest.raises(BadValue) as bad:
        parse_outcome("rank_2050", 2025, 2040)
    assert bad.value.msg.render("zh") == "结果指标的年份 2050 超出预测范围（2025-2040）"


def test_a_short_form_several_regions_have_is_listed_in_each_language():
    regions = load_panel().regions
    assert regions.suggest("Nowhere at all") == ""
    hint = regions.suggest("Guangx")
    assert isinstance(hint, Msg) and hint.render("zh") == "（是否指 'Guangxi'？）"


def test_an_error_rewrapped_by_the_file_layer_keeps_its_message(write):
    text = f"name: s\nextends: {FOUNDING}\nprovinces:\n  内蒙古: {{real_grwth: 6}}\n"
    err = _error(write("s.yaml", text))
    assert isinstance(err, ScenarioError) and err.field == "provinces.内蒙古.real_grwth"
    assert err.render("zh").endswith("未知的键 'real_grwth'（是否指 'real_growth'？）")
