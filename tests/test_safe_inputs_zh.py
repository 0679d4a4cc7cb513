"""The refusals added for safe running (bounded inputs, the app's saves and port, locked imports)
speak Chinese under --lang zh / RANKSIM_LANG=zh, with file, line and field kept."""

from __future__ import annotations

import pytest

from sim.messages import msg
from tests.conftest import ROOT

CASES = [
    (("yaml.anchors", {}), "YAML anchors and aliases (&name, *name) are not allowed; write values out", "不允许使用 YAML 锚点和别名"),
    (("yaml.merge_keys", {}), "YAML merge keys (<<) are not allowed; write the keys out", "不允许使用 YAML 合并键"),
    (("yaml.tags", {"tag": "!!set"}), "YAML tags are not allowed (!!set)", "不允许使用 YAML 标签（!!set）"),
    (("yaml.nested", {"depth": 32}), "nested more than 32 levels deep", "嵌套超过 32 层"),
    (("yaml.long_whole", {"digits": 400, "most": 18}), "a whole number of 400 digits (at most 18)", "400 位的整数（最多 18 位）"),
    (("yaml.too_big", {"size": 52428800, "most": 1000000}),
     "the file has 52,428,800 bytes; a scenario file may have at most 1,000,000 (1 MB)", "情景文件最多 1,000,000 字节"),
    (("value.year_outside", {"year": 99999999, "first": 1949, "last": 2200}),
     "year 99999999 is outside 1949-2200", "年份 99999999 超出 1949-2200"),
    (("output.changed_meanwhile", {}),
     "changed by another program while this import ran; nothing written (run it again)", "未写入任何内容"),
    (("app.save_starting", {}), "that is the starting scenario; choose another name", "这是起始情景"),
    (("app.save_in_chain", {"name": "base.yaml"}),
     "base.yaml is part of the starting scenario (its extends chain); choose another name", "base.yaml 属于起始情景"),
    (("app.not_port", {"port": 70000}), "70000 is not a port (1-65535)", "70000 不是端口号"),
    (("app.port_in_use", {"port": 8050, "host": "127.0.0.1"}),
     "port 8050 on 127.0.0.1 is in use; choose another", "127.0.0.1 上的端口 8050 已被占用；请另选端口"),
]  # fmt: skip


@pytest.mark.parametrize(("message", "english", "chinese"), CASES)
def test_each_new_refusal_has_its_chinese(message, english, chinese):
    key, params = message
    m = msg(key, **params)
    assert m.render("en") == english
    assert chinese in m.render("zh")


def test_a_refused_alias_is_located_and_in_chinese(cli):
    path = ROOT / "tests" / "bad_inputs" / "billion_laughs.yaml"
    res = cli("validate", path, "--lang", "zh")
    assert res.code == 2 and res.err.count("\n") == 1
    assert res.err.startswith(f"{path}:2: ") and "不允许使用 YAML 锚点和别名" in res.err
