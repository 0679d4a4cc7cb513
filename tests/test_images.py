"""Chart images for slides: PNG and SVG at slide size with Chinese fonts, through the system
Chromium and the packages `make run` installs (kaleido, the Noto Sans CJK font package)."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from sim.present.images import PNG_SCALE, SLIDE_HEIGHT, SLIDE_WIDTH, fontconfig_file
from tests.conftest import FOUNDING, SCENARIOS

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [pytest.mark.browser, pytest.mark.slow]
if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium here (apt-get install chromium)", allow_module_level=True)
pytest.importorskip("kaleido")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:8]
    return struct.unpack(">II", data[16:24])


def test_a_chart_is_written_as_a_png_at_slide_size(cli, tmp_path):
    """Done-when of issue 24: `ranksim chart scenarios/inner_mongolia_6pct.yaml --kind bump --out x.png`."""
    out = tmp_path / "x.png"
    res = cli("chart", FOUNDING, "--kind", "bump", "--out", out)
    assert res.code == 0, res.err
    assert _png_size(out.read_bytes()) == (SLIDE_WIDTH * PNG_SCALE, SLIDE_HEIGHT * PNG_SCALE)


def test_images_of_a_report_in_chinese(cli, tmp_path):
    res = cli("run", SCENARIOS / "zh" / "inner_mongolia_6pct.yaml", "--lang", "zh", "--out", tmp_path,
              "--images", "svg", "--no-report")  # fmt: skip
    assert res.code == 0, res.err
    names = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert names == sorted(f"run_{c}.svg" for c in ("bump", "trajectories", "gap", "race", "passes"))
    svg = (tmp_path / "run_bump.svg").read_text(encoding="utf-8")
    assert f'width="{SLIDE_WIDTH}"' in svg and "名次" in svg and "Noto Sans CJK SC" in svg


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="no fc-match to ask fontconfig")
def test_the_browser_finds_the_bundled_chinese_font(tmp_path):
    conf = fontconfig_file(tmp_path)
    assert conf is not None
    found = subprocess.run(
        ["fc-match", "Noto Sans CJK SC"], capture_output=True, text=True, env={"FONTCONFIG_FILE": str(conf)}
    ).stdout
    assert "NotoSansCJK" in found and '"Noto Sans CJK SC"' in found


def test_a_bad_image_name_is_one_line(cli, tmp_path):
    res = cli("chart", FOUNDING, "--kind", "bump", "--out", tmp_path / "x.jpg")
    assert res.code == 2 and res.err.count("\n") == 1 and "--out" in res.err
