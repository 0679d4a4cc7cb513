"""Words belong to their file: a value a child scenario (``extends:``) changes shows the child's
comment or "set in child.yaml", never its parent's words; an inherited description is not shown
for a scenario whose file changes what it describes."""

from __future__ import annotations

import io
import warnings

import pytest

import sim
from sim.present.report import assumptions_rows, own_description
from tests.conftest import FOUNDING

PARENT_WORDS = ("6%左右", "keeps its", "target of about 6 %", "2023-2025 target")


def _load(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sim.load_scenario(path)


def _rows(path, lang="en"):
    return {
        label: (value, source) for label, value, source in assumptions_rows(sim.project(_load(path)), lang)
    }


def test_a_changed_value_without_a_comment_is_set_in_the_child(write):
    child = write(
        "child.yaml",
        f"extends: {FOUNDING}\nname: child\nthreshold_rank: 20\nprovinces:\n  内蒙古: {{real_growth: 5.0}}\n",
    )
    rows = _rows(child)
    assert rows["Inner Mongolia: real growth"] == ("5%", "set in child.yaml")
    assert rows["Threshold rank"] == ("≤ 20 / 31", "set in child.yaml")
    parent = _rows(FOUNDING)
    assert "6%左右" in parent["Inner Mongolia: real growth"][1] and "全国中游" in parent["Threshold rank"][1]
    zh = {label: source for label, _, source in assumptions_rows(sim.project(_load(child)), "zh")}
    assert "在child.yaml中设定" in zh.values()


def test_a_changed_value_with_a_comment_shows_the_childs_words(write):
    child = write(
        "child.yaml",
        f"extends: {FOUNDING}\nname: child\nthreshold_rank: 20   # the top two-thirds\n"
        "provinces:\n  Inner Mongolia:\n    real_growth: 5.0   # a slower plan\n",
    )
    rows = _rows(child)
    assert rows["Inner Mongolia: real growth"][1] == "a slower plan"
    assert rows["Threshold rank"][1] == "the top two-thirds"


def test_the_parents_province_line_comment_stays_with_the_parent(write):
    parent = write(
        "parent.yaml",
        f"extends: {FOUNDING}\nname: p\nprovinces:\n  Guangxi: {{real_growth: 7.0}}   # parent note\n",
    )
    assert _rows(parent)["Guangxi: real growth"][1] == "parent note"
    child = write("child.yaml", "extends: parent.yaml\nname: c\nprovinces:\n  Guangxi: {real_growth: 4.0}\n")
    assert _rows(child)["Guangxi: real growth"] == ("4%", "set in child.yaml")
    same = write("same.yaml", "extends: parent.yaml\nname: c\nthreshold_rank: 15\n")
    assert _rows(same)["Guangxi: real growth"] == ("7%", "parent note")  # inherited value, inherited words


def test_an_inherited_description_is_not_shown_for_what_the_child_changed(write, cli, tmp_path):
    child = write(
        "child.yaml",
        f"extends: {FOUNDING}\nname: child\nprovinces:\n  Inner Mongolia: {{real_growth: 5.0}}\n",
    )
    text = own_description(_load(child), "en")
    assert "keeps" not in text and "about 6 %" not in text
    assert (
        text
        == "The description of inner_mongolia_6pct.yaml is not repeated: this file changes "
        "provinces.15.real_growth."
    )
    renamed = write("renamed.yaml", f"extends: {FOUNDING}\nname: same model, new name\n")
    assert own_description(_load(renamed), "en") == _load(FOUNDING).description.strip()
    res = cli("run", child, "--out", tmp_path, "--xlsx")
    assert res.code == 0, res.err
    page = (tmp_path / "run.html").read_text(encoding="utf-8")
    for words in PARENT_WORDS:
        assert words not in page, words
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO((tmp_path / "run.xlsx").read_bytes()))
    cells = " ".join(str(c) for row in book["summary"].iter_rows(values_only=True) for c in row if c)
    assert "set in child.yaml" in cells and "6%左右" not in cells


@pytest.mark.parametrize("name", ["coal_low.yaml", "coal_high.yaml"])
def test_shipped_children_keep_their_own_descriptions(name):
    sc = _load(FOUNDING.parent / name)
    assert own_description(sc, "en") == sc.description.strip()
