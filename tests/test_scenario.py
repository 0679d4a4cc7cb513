"""Scenario files: extends merging, defaults, comments, warnings, and located errors."""

from __future__ import annotations

import json

import pytest

from sim.errors import ScenarioError
from sim.inputs.scenario_file import merge
from sim.inputs.schema import DEFAULT_HALF_LIFE, json_schema_text
from sim.model.growth import assemble
from sim.model.scenario import load_scenario
from tests.conftest import FOUNDING, SCENARIOS


def test_shipped_scenarios_load_and_carry_schema_line():
    for path in sorted(SCENARIOS.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=./scenario.schema.json", path
        load_scenario(path)


def test_committed_schema_is_current():
    committed = (SCENARIOS / "scenario.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text()
    schema = json.loads(committed)
    assert "provinces" in schema["properties"]
    assert schema["additionalProperties"] is False


def test_founding_defaults_and_comments():
    sc = load_scenario(FOUNDING)
    assert sc.target_code == "15"
    assert (sc.threshold_rank, sc.base_year, sc.horizon) == (16, 2025, 2040)
    assert sc.others.window == (2023, 2025)
    assert sc.national_preset == "imf_weo_2026"
    assert "T23_IMRB" in sc.source.comments["provinces.15.real_growth"]
    assert sc.source.locations["threshold_rank"].line == 16
    assert set(sc.files) >= {str(FOUNDING)}


def test_extends_merges_provinces_by_identity(write):
    write("parent.yaml", "name: parent\nhorizon: 2035\nprovinces:\n  Inner Mongolia: {real_growth: 7.0}\n")
    child = write("child.yaml", "extends: parent.yaml\nname: child\nprovinces:\n  内蒙古: {deflator: 2.0}\n")
    sc = load_scenario(child)
    assert sc.name == "child" and sc.horizon == 2035
    assert sc.provinces[sc.target] == (7.0, 2.0)
    assert len(sc.provinces) == 1


def test_child_wins_and_locations_follow_the_file_that_set_them(write):
    parent = write("p.yaml", "name: p\nthreshold_rank: 12\nhorizon: 2035\n")
    child = write("c.yaml", f"extends: {parent.name}\nname: c\nhorizon: 2038\n")
    sc = load_scenario(child)
    assert (sc.threshold_rank, sc.horizon) == (12, 2038)
    assert sc.source.locations["horizon"].file == str(child)
    assert sc.source.locations["threshold_rank"].file == str(parent)


def test_deep_merge_is_associative_for_chains():
    a = {"x": 1, "n": {"p": 1, "q": {"r": 1}}, "l": [1]}
    b = {"n": {"q": {"s": 2}}, "l": [2]}
    c = {"n": {"p": 3, "q": {"r": 3}}, "y": 4}
    assert merge(merge(a, b)[0], c)[0] == merge(a, merge(b, c)[0])[0]


def test_listed_province_with_only_real_growth_takes_model_deflator(write):
    sc = load_scenario(write("s.yaml", "name: s\nprovinces:\n  Shanxi: {real_growth: 4.0}\n"))
    paths = sc.growth
    sx = sc.panel.regions.find("Shanxi")
    assert paths.source_real[sx] == "scenario" and paths.source_deflator[sx] == "spread"


def test_half_life_omitted_is_default_and_null_is_no_decay(write):
    assert load_scenario(write("a.yaml", "name: a\n")).others.half_life == DEFAULT_HALF_LIFE
    assert load_scenario(write("b.yaml", "name: b\nothers: {half_life: null}\n")).others.half_life is None


def test_fraction_like_growth_warns_when_other_values_are_percent(write):
    from sim.errors import RanksimWarning

    with pytest.warns(RanksimWarning, match="0.06 is read as 0.06 %"):
        sc = load_scenario(
            write("w.yaml", "name: w\nnational: {real_growth: 5}\nprovinces:\n  15: {real_growth: 0.06}\n")
        )
    fractions = [w for w in sc.warnings if w.msg.id == "scenario.fraction_read_as"]
    assert len(fractions) == 1  # (a 0.06 % plan also draws the implausible-lead warning)
    assert "w.yaml:4: provinces.15.real_growth: warning: 0.06 is read as 0.06 %" in str(fractions[0])
    assert fractions[0].render("zh").endswith("provinces.15.real_growth：警告：0.06按每年0.06%理解；如果想写6%，请写 6")


def test_clearly_fractions_are_refused(write):
    with pytest.raises(ScenarioError, match="looks like a fraction; .* write 6 for 6 %") as info:
        load_scenario(write("f.yaml", "name: f\nprovinces:\n  15: {real_growth: 0.06}\n"))
    assert (info.value.line, info.value.field) == (3, "provinces.15.real_growth")


def test_a_national_presets_path_is_percent_too(write):
    """A national preset's path counts as the file's national real growth: beside it a lone
    fraction-like value is read as percent with a warning, as beside a written national path."""
    from sim.errors import RanksimWarning

    text = "name: p\nnational: {preset: imf_weo_2026}\nprovinces:\n  15: {real_growth: 0.06}\n"
    with pytest.warns(RanksimWarning, match="0.06 is read as 0.06 %"):
        sc = load_scenario(write("p.yaml", text))
    assert "p.yaml:4: provinces.15.real_growth: warning: 0.06 is read as 0.06 %" in " ".join(map(str, sc.warnings))
    with pytest.raises(ScenarioError, match="looks like a fraction"):  # the trailing preset has no numbers
        load_scenario(write("t.yaml", text.replace("imf_weo_2026", "trailing")))


def test_targets_model_uses_announced_targets(write):
    sc = load_scenario(SCENARIOS / "official_targets.yaml")
    zj = sc.panel.regions.find("Zhejiang")
    assert sc.growth.source_real[zj] == "targets"
    plain = sc.with_changes({"others.target_record": False})  # without the record of missing targets
    # 2026: "5%-5.5%", 5.25 %
    assert assemble(plain.growth).real[0, zj] == pytest.approx(__import__("math").log1p(0.0525))


ERRORS = [
    ("target: Atlantis\n", 2, "target", "unknown province 'Atlantis'"),
    ("threshold_rank: 31\n", 2, "threshold_rank", "between 1 and 30"),
    ("threshold_rank: 0\n", 2, "threshold_rank", "between 1 and 30"),
    ("nationl: {real_growth: 5}\n", 2, "nationl", "did you mean 'national'"),
    ("national: {real_grwth: 5}\n", 2, "national.real_grwth", "did you mean 'real_growth'"),
    (
        "provinces:\n  Inner Mongolia: {real_growth: '6%'}\n",
        3,
        "provinces.Inner Mongolia.real_growth",
        "write 6",
    ),
    (
        "provinces:\n  Inner Mongolia: {realgrowth: 6}\n",
        3,
        "provinces.Inner Mongolia.realgrowth",
        "unknown key",
    ),
    ("provinces:\n  Atlantis: {real_growth: 6}\n", 3, "provinces.Atlantis", "unknown province"),
    (
        "provinces:\n  Inner Mongolia: {real_growth: 6}\n  内蒙古: {deflator: 1}\n",
        4,
        "provinces.内蒙古",
        "same province",
    ),
    ("horizon: 2020\n", 2, "horizon", "after the base year"),
    ("base_year: 1999\n", 2, "base_year", "within the data"),
    ("national: {real_growth: -100}\n", 2, "national.real_growth", "between -30 and 30 (percent per year)"),
    ("national: {real_growth: .inf}\n", 2, "national.real_growth", "finite"),
    ("national: {real_growth: {2025: abc}}\n", 2, "national.real_growth", "year 2025"),
    ("others: {window: [2024, 2016]}\n", 2, "others.window", "out of order"),
    ("others: {window: [2016, 2030]}\n", 2, "others.window", "within"),
    ("others: {model: foo}\n", 2, "others.model", "'national', 'spread' or 'targets'"),
    ("others: {half_life: -3}\n", 2, "others.half_life", "greater than 0"),
    ("horizon: 2030.5\n", 2, "horizon", "whole number"),
    ("data: nowhere.csv\n", 2, "data", "not found"),
    ("extends: nowhere.yaml\n", 2, "extends", "not found"),
    ("tag: !!python/object/apply:os.system [ls]\n", 2, "tag", "tags are not allowed"),
    ("name: again\n", 2, None, "duplicate key"),
    ("national:\n\treal_growth: 5\n", 3, None, "tabs"),
]


@pytest.mark.parametrize(
    ("body", "line", "field", "fragment"), ERRORS, ids=[e[3] + "|" + e[0][:20] for e in ERRORS]
)
def test_scenario_errors_name_file_line_field(write, cli, body, line, field, fragment):
    path = write("bad.yaml", "name: bad\n" + body)
    res = cli("run", path, "--no-report")
    assert res.code == 2
    assert res.out == ""
    assert res.err.count("\n") == 1 and "Traceback" not in res.err
    prefix = f"{path}:{line}: " + (f"{field}: " if field else "")
    assert res.err.startswith(prefix), res.err
    assert fragment in res.err


def test_extends_cycle_detected(write):
    write("a.yaml", "extends: b.yaml\nname: a\n")
    b = write("b.yaml", "extends: a.yaml\nname: b\n")
    with pytest.raises(ScenarioError, match=r"extends cycle: b.yaml -> a.yaml -> b.yaml") as info:
        load_scenario(b)
    assert info.value.line == 1 and info.value.field == "extends"


def test_empty_file_and_list_file(write):
    with pytest.raises(ScenarioError, match="empty file"):
        load_scenario(write("e.yaml", ""))
    with pytest.raises(ScenarioError, match="not a list"):
        load_scenario(write("l.yaml", "- a\n- b\n"))


def test_missing_name(write):
    with pytest.raises(ScenarioError, match="required field is missing") as info:
        load_scenario(write("n.yaml", "horizon: 2030\n"))
    assert info.value.field == "name"


def test_warnings_are_located_catalogue_messages_in_both_languages(write):
    """A scenario's warnings are RanksimWarning objects: str() the English line, render("zh") the
    Chinese one, a lead below the nation read as 低 (never 高-), regions by their Chinese names."""
    from sim.errors import RanksimWarning

    text = f"name: w\nextends: {FOUNDING}\nprovinces:\n  Yunnan: {{real_growth: -3}}\n"
    with pytest.warns(RanksimWarning):
        sc = load_scenario(write("w.yaml", text))
    (lead,) = [w for w in sc.warnings if w.field == "provinces.53.real_growth"]
    assert isinstance(lead, RanksimWarning) and lead.msg.id == "scenario.lead_outside"
    assert str(lead).startswith(f"{lead.file}:4: provinces.53.real_growth: warning: a real-growth lead of -")
    zh = lead.render("zh")
    assert "：警告：" in zh and "比全国低" in zh and "高-" not in zh and "超出云南在数据中" in zh


def test_a_path_year_outside_the_projection_is_a_located_warning(write, cli):
    """A ``{year: value}`` path may name a year outside the base year and the horizon (it sets the
    slope of the interpolation), but 2300 for 2030 would change the answer without a word: each
    such year is a warning on its own line (an error with --strict), in English and Chinese; the
    base year itself (an anchor: ``{2025: 4.5, 2030: 5}``) is not."""
    from sim.errors import RanksimWarning

    text = (
        "name: y\nhorizon: 2040\nnational:\n  deflator: {1990: 1.0, 2030: 2.0}\n"
        "provinces:\n  内蒙古:\n    real_growth: {2026: 5, 2300: 6}\n"
        "  Shanxi:\n    real_growth: {lead: {2025: 0.5, 2045: 1.0}}\n"
        "  Guangxi:\n    real_growth: {2025: 4.5, 2030: 5}\n"
    )
    path = write("y.yaml", text)
    with pytest.warns(RanksimWarning):
        sc = load_scenario(path)
    outside = [w for w in sc.warnings if w.msg.id == "scenario.path_year_outside"]
    assert [(w.line, w.field) for w in outside] == [
        (4, "national.deflator.1990"),
        (7, "provinces.15.real_growth.2300"),
        (9, "provinces.14.real_growth.lead.2045"),
    ]
    assert "year 2300 is outside the base year and the projection (2025-2040)" in str(outside[1])
    assert "2300年超出基年和预测范围（2025-2040）" in outside[1].render("zh")
    # the written years shape the path as before: 2300 only sets the slope
    im = sc.panel.regions.find("15")
    assert sc.growth.fixed_real_pct[0, im] == pytest.approx(5.0)
    assert sc.growth.fixed_real_pct[4, im] == pytest.approx(5.0 + 4 / 274)
    res = cli("run", path, "--strict", "--no-report")
    assert res.code == 2 and res.err.count("\n") == 1 and "y.yaml:4: national.deflator.1990" in res.err
    # a change made in code is checked too (the field alone: it has no line)
    with pytest.warns(RanksimWarning, match="year 2300 is outside"):
        change = {"provinces.Inner Mongolia.real_growth": {2026: 6.0, 2300: 9.0}}
        made = load_scenario(FOUNDING).with_changes(change)
    assert [w.field for w in made.warnings if w.msg.id == "scenario.path_year_outside"] == [
        "provinces.15.real_growth.2300"
    ]
