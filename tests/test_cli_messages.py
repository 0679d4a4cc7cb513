"""The command line's messages come from the catalogue (sim/messages/cli.py) in the command's
language: argparse's own words through its gettext hook, the console lines, and errors and
warnings rendered at the edge (sim/present/edge.py) from the message they carry."""

from __future__ import annotations

import argparse
import gettext
import importlib
import inspect

import pytest

from sim.errors import ArgumentError, InputError, RanksimWarning
from sim.messages import CATALOGUE, msg
from sim.present.edge import error_line, error_text, warning_line, warning_parts
from tests.conftest import FOUNDING

cli_main = importlib.import_module("sim.cli.main")  # the module (sim.cli exports its main function)


def test_every_argparse_msgid_is_one_this_python_uses():
    source = inspect.getsource(argparse)
    for key, (english, _) in CATALOGUE.items():
        if key.startswith("cli.argparse."):
            assert repr(english) in source or f'"{english}"' in source, (key, english)


def test_argparse_speaks_the_parsers_language_and_is_left_as_it_was():
    zh = cli_main.build_parser("zh").format_help()
    assert zh.startswith("用法：ranksim") and "\n位置参数：\n" in zh and "\n选项：\n" in zh
    assert "显示此帮助并退出" in zh
    en = cli_main.build_parser("en").format_help()
    assert en.startswith("usage: ranksim") and "\noptions:\n" in en and "show this help message" in en
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]  # restored after every use


@pytest.mark.parametrize(
    ("argv", "en", "zh"),
    [
        (["solve", "x.yaml"], "the following arguments are required: --by (see `ranksim solve --help`)",
         "缺少必需的参数：--by（见 `ranksim solve --help`）"),
        (["run", "x.yaml", "--paths", "0"],
         "argument --paths: must be at least 1, got 0 (see `ranksim run --help`)",
         "参数 --paths：必须不小于 1，实际为 0（见 `ranksim run --help`）"),
        (["chart", "x.yaml", "--out", "a.png", "--kind", "nope"], "argument --kind: invalid choice: 'nope'",
         "参数 --kind：无效的选项 'nope'（可选："),
        (["run", "x.yaml", "--seeds", "3"],
         "unrecognized arguments: --seeds 3 (did you mean '--seed'? see `ranksim run --help`)",
         "无法识别的参数：--seeds 3（是否指 '--seed'？见 `ranksim run --help`）"),
    ],
)  # fmt: skip
def test_argument_errors_in_each_language(argv, en, zh, capsys, monkeypatch):
    monkeypatch.delenv("RANKSIM_LANG", raising=False)
    assert cli_main.main(argv) == 2
    assert en in capsys.readouterr().err
    assert cli_main.main([*argv, "--lang", "zh"]) == 2
    assert zh in capsys.readouterr().err


def test_console_lines_in_the_commands_language(capsys, monkeypatch):
    def interrupted(args, argv):
        raise KeyboardInterrupt

    def broken(args, argv):
        raise RuntimeError("boom")

    monkeypatch.delenv("RANKSIM_DEBUG", raising=False)
    monkeypatch.setenv("RANKSIM_LANG", "zh")
    monkeypatch.setattr(cli_main, "_cmd_schema", interrupted)
    assert cli_main.main(["schema"]) == 130
    assert capsys.readouterr().err == "已中断\n"
    monkeypatch.setattr(cli_main, "_cmd_schema", broken)
    assert cli_main.main(["schema"]) == 1
    assert capsys.readouterr().err == "内部错误：RuntimeError: boom（设置 RANKSIM_DEBUG=1 可查看回溯信息）\n"
    monkeypatch.setenv("RANKSIM_LANG", "en")
    assert cli_main.main(["schema"]) == 1
    english = "internal error: RuntimeError: boom (set RANKSIM_DEBUG=1 for a traceback)\n"
    assert capsys.readouterr().err == english


def test_errors_name_the_flag_of_their_field_in_each_language():
    err = ArgumentError(msg("app.not_port", port=70000), field="port")
    assert cli_main._with_flag(err) == "--port: 70000 is not a port (1-65535)"
    assert cli_main._with_flag(err, "zh") == "--port: 70000 不是端口号（1-65535）"
    located = InputError(msg("cli.no_targets", file="a.csv"), file="s.yaml", line=3, field="port")
    assert cli_main._with_flag(located, "zh") == "s.yaml:3: port: a.csv 没有公布的增长目标"


def test_the_edge_renders_catalogue_messages_in_the_callers_language():
    w = RanksimWarning(msg("cli.interrupted"), file="a.yaml", line=2, field="x")
    assert warning_line(w) == "a.yaml:2: x: warning: interrupted"
    assert warning_line(w, "zh") == "a.yaml:2: x：警告：已中断"
    assert warning_parts(w, "zh") == ("a.yaml:2: x", "已中断")
    assert warning_line("from other code") == "from other code"  # a foreign warning as it is
    err = InputError(msg("app.enter_range", lo=-10.0, hi=30.0), field="target_real")
    assert error_text(err, "zh") == "请输入 -10 到 30 之间的数字"
    assert error_line(err) == "target_real: enter a number from -10 to 30"
    plain = InputError("from other code", file="a.yaml", line=1, field="name")  # a string as it is
    assert error_line(plain, "zh") == "a.yaml:1: name: from other code"


def test_a_bad_sweep_grid_on_the_command_line_is_in_chinese(cli):
    res = cli("sweep", FOUNDING, "--set", "x=9:4:1", "--lang", "zh")
    assert res.code == 2 and res.err == "--set: x：终点 4 小于起点 9\n"
    res = cli("sweep", FOUNDING, "--set", "x=9:4:1")
    assert res.code == 2 and res.err == "--set: x: stop 4 is below start 9\n"
