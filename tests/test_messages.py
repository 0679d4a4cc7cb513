"""The message catalogue (sim.messages): every id in both languages with the same parameters,
rendering, and no message written as a plain string at a raise or warning site in sim/."""

from __future__ import annotations

import ast

import pytest

from sim.errors import InputError, InputErrors, RanksimWarning
from sim.messages import CATALOGUE, Msg, Words, msg, nation_words, placeholders
from sim.messages.labels import MESSAGES as LABELS
from sim.messages.labels import PANEL_WORDS
from tests.conftest import ROOT

#: Constructors and helpers whose first argument is a message.
MESSAGE_TAKERS = {
    "InputError", "DataError", "ScenarioError", "ArgumentError", "RanksimWarning", "warn_user",
    "fail", "_fail", "_err", "_Refused",
}  # fmt: skip
#: Labels without words in either language: a scalar change's series (its change's label names it).
NO_WORDS = {"ds_base_year", "ds_horizon", "ds_threshold_rank"}
#: Parameters one language leaves out: sum_region's English names the region in both scripts.
ONE_LANGUAGE = {"sum_region": {"en"}}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_parameters(key: str) -> None:
    en, zh = CATALOGUE[key]
    if key in NO_WORDS:
        assert en == zh == "", key
        return
    assert en.strip() and zh.strip(), key
    # A label's panel words are filled by t(), never by its caller: English needs three forms
    # ("the nation", "national", "National"), Chinese one (全国), and a text may say it where the
    # other language needs no word.
    free = (set(PANEL_WORDS) if key in LABELS else set()) | ONE_LANGUAGE.get(key, set())
    assert placeholders(en) - free == placeholders(zh) - free, (key, en, zh)
    if zh != en:  # a Chinese text is Chinese (or the same symbols as the English one)
        assert any("\u4e00" <= ch <= "\u9fff" or ch in "：，、（）；。" for ch in zh), (key, zh)


def test_a_message_renders_in_each_language_with_its_parameters() -> None:
    m = msg("value.not_number", value="'abc'", hint=Msg("value.not_number", {"value": "x", "hint": ""}))
    assert m.render("en") == "not a number: 'abc'not a number: x"
    assert m.render("zh") == "不是数字：'abc'不是数字：x"
    assert str(m) == m.render("en")


def test_a_wrong_id_or_parameter_is_caught_where_the_message_is_made() -> None:
    with pytest.raises(KeyError, match="no message 'no.such'"):
        msg("no.such")
    with pytest.raises(TypeError, match=r"takes \['hint', 'value'\], got \['value'\]"):
        msg("value.not_number", value=1)


def test_errors_and_warnings_render_at_the_edge() -> None:
    err = InputError(msg("value.not_number", value="'x'", hint=""), file="a.yaml", line=3, field="gdp")
    assert str(err) == "a.yaml:3: gdp: not a number: 'x'"
    assert err.message == "not a number: 'x'"
    assert err.render("zh") == "a.yaml:3: gdp: 不是数字：'x'"
    both = InputErrors([err, InputError(err.msg, file="a.yaml", line=1, field="x")])
    assert both.render("zh").splitlines() == ["a.yaml:1: x: 不是数字：'x'", "a.yaml:3: gdp: 不是数字：'x'"]
    w = RanksimWarning(err.msg, file="a.yaml", line=3, field="gdp")
    assert str(w) == "a.yaml:3: gdp: warning: not a number: 'x'"
    assert w.render("zh") == "a.yaml:3: gdp：警告：不是数字：'x'"
    assert w == RanksimWarning(err.msg, file="a.yaml", line=3, field="gdp")


def test_panel_words_are_parameters() -> None:
    class _Scope:
        is_national = False
        aggregate_en, aggregate_zh = "Inner Mongolia", "全区"

    assert nation_words().render("zh") == "全国"
    assert nation_words(_Scope()) == Words("Inner Mongolia", "全区")


def test_labels_take_the_panel_words_from_the_shown_panel() -> None:
    from sim.present.i18n import aggregate_wording, t

    class _Scope:
        is_national = False
        aggregate_en, aggregate_zh = "Inner Mongolia", "全区"

    assert t("en", "a_nat_gdp") == "National GDP, preliminary (100m yuan)"
    assert t("zh", "m_spread", w0=2019, w1=2023, ex="", decay="d").startswith("全国路径 + 本地区2019-2023年相对全国")
    with aggregate_wording(_Scope()):  # type: ignore[arg-type]
        assert t("en", "a_nat_gdp") == "Inner Mongolia GDP, preliminary (100m yuan)"
        assert t("zh", "a_nat_gdp") == "全区GDP初步核算数（亿元）"
        assert t("en", "median") == " (the median, i.e. the Inner Mongolia midfield 全区中游)"
        assert t("en", "data_nation") == "Inner Mongolia" and t("zh", "data_nation") == "全区"
        assert t("en", "np_preset") == "national path"  # China's named national paths, whatever the panel
    assert t("en", "median") == " (the median, i.e. the national midfield 全国中游)"


def _offenders() -> list[str]:
    out = []
    for path in sorted((ROOT / "sim").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            first = node.args[0]
            written = isinstance(first, ast.JoinedStr) or (
                isinstance(first, ast.Constant) and isinstance(first.value, str)
            ) or (isinstance(first, ast.BinOp) and isinstance(first.op, ast.Add | ast.Mod))
            if name in MESSAGE_TAKERS and written:
                out.append(f"{rel}:{node.lineno} {name}")
    return out


def test_no_message_is_written_as_a_plain_string_in_sim() -> None:
    left = _offenders()
    assert not left, "messages written as strings, not catalogue ids:\n" + "\n".join(left)


def test_no_regular_expression_translates_a_message() -> None:
    """Chinese comes from the catalogue only: the modules that hold and render words use no
    pattern over message text, and the old tables are gone."""
    import sim.present.i18n as i18n

    for name in ("ERROR_TEXT_ZH", "WARNING_TEXT_ZH", "ARGPARSE_ZH", "error_message", "warning_message"):
        assert not hasattr(i18n, name), name
    words = [ROOT / "sim/present/i18n.py", ROOT / "sim/present/edge.py", *(ROOT / "sim/messages").glob("*.py")]
    for path in words:
        assert "import re\n" not in path.read_text(encoding="utf-8"), path
