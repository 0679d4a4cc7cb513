"""Scenario values as a Chinese input method types them: full-width digits understood, percent
signs (7%, 7％) refused with the number to write instead."""

from __future__ import annotations

import numpy as np
import pytest

from sim.engine.projection import project
from sim.inputs.fullwidth import full_width_number
from sim.model.scenario import load_scenario

FULL_WIDTH = """name: 全角
target: 内蒙古
horizon: ２０４０
national:
  real_growth: ４.５
provinces:
  内蒙古:
    real_growth: ７.０   # 目标７％
    deflator: {２０２６: －１.０, 2030: 1.5}
"""
ASCII = """name: 全角
target: 内蒙古
horizon: 2040
national:
  real_growth: 4.5
provinces:
  内蒙古:
    real_growth: 7.0
    deflator: {2026: -1.0, 2030: 1.5}
"""


@pytest.mark.parametrize(
    ("text", "number"),
    [("７.０", 7.0), ("７", 7), ("２０３０", 2030), ("－１.５", -1.5), ("＋０．５", 0.5)],
)
def test_full_width_numbers_understood(text, number):
    assert full_width_number(text) == number and type(full_width_number(text)) is type(number)


@pytest.mark.parametrize("text", ["7", "abc", "７月", "7.0.1", "7％", "6.5%", ""])
def test_other_text_is_not_a_number(text):
    assert full_width_number(text) is None


def test_full_width_scenario_projects_like_ascii(write):
    fw, plain = load_scenario(write("fw.yaml", FULL_WIDTH)), load_scenario(write("ascii.yaml", ASCII))
    assert fw.horizon == 2040
    np.testing.assert_array_equal(project(fw).gdp, project(plain).gdp)
    assert fw.source.comments["provinces.15.real_growth"] == "目标７％"


def test_a_name_stays_text(write):
    sc = load_scenario(write("n.yaml", ASCII.replace("name: 全角", "name: ２０３０")))
    assert sc.name == "２０３０"


@pytest.mark.parametrize("value", ["7％", "７％", "7%"])
def test_percent_sign_refused_with_the_number_to_write(write, cli, value):
    path = write("p.yaml", ASCII.replace("real_growth: 7.0", f"real_growth: {value}"))
    res = cli("validate", path)
    assert res.code == 2 and f"{path}:8: provinces" in res.err
    assert f"write 7 (percent per year), not '{value}'" in res.err


def test_full_width_comma_still_refused_with_a_hint(write, cli):
    path = write("c.yaml", ASCII.replace("real_growth: 7.0", "real_growth: 7，5"))
    res = cli("validate", path)
    assert res.code == 2 and "full-width '，'" in res.err and "use ','" in res.err and f"{path}:8" in res.err


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (
            ("--set", "provinces.Inner Mongolia.real_growth=4：8：0.5"),
            "is not START:STOP:STEP numbers (the '：'",
        ),
        (("--set", "provinces.Inner Mongolia.real_growth＝4:8:0.5"), "write PATH=START:STOP:STEP, got"),
    ],
)
def test_a_sweep_range_typed_in_chinese_names_the_character(cli, argv, fragment):
    from tests.conftest import FOUNDING

    for lang, use in (("en", "use "), ("zh", "请改用半角")):
        res = cli("sweep", FOUNDING, *argv, "--lang", lang)
        assert res.code == 2 and res.err.startswith("--set: ") and res.err.count("\n") == 1, res.err
        assert use in res.err and ("中文输入法" in res.err) == (lang == "zh")
    assert fragment in cli("sweep", FOUNDING, *argv).err


def test_an_enumeration_comma_in_a_list_is_named(write, cli):
    """[4.5、7.5] (the 、 of 山西、陕西) is one string to YAML: the error says which character to retype."""
    from tests.conftest import FOUNDING

    path = write("s.yaml", f"extends: {FOUNDING}\nname: s\nsensitivity:\n  parameters:\n"
                           "    provinces.内蒙古.real_growth: [4.5、7.5]\n")  # fmt: skip
    res = cli("sensitivity", path)
    assert res.code == 2
    assert res.err.startswith(f"{path}:5: sensitivity.parameters.provinces.内蒙古.real_growth")
    assert "got '4.5、7.5' (the '、' was typed with a Chinese input method; use ',')" in res.err
    assert ".real_growth.0: " in res.err  # the list as written: no "set" the file does not have
