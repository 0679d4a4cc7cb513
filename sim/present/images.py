"""Chart images for slides: PNG or SVG at slide size, with Chinese text in a bundled font.

Drawn by plotly through kaleido (>= 1), which drives a Chrome or Chromium already on the machine
(``BROWSER_PATH``, else ``/usr/bin/chromium``, else what kaleido finds); nothing is downloaded.
The browser finds the Noto Sans CJK font that ``make run`` installs as a Python package
(``noto-cjk-sans-otc``) through a fontconfig file of our own that adds the package's folder to
the system's fonts, so Chinese titles and labels render on a machine without any CJK font.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import plotly.graph_objects as go

from sim.errors import ArgumentError
from sim.messages import Words, msg

#: Slide size in CSS pixels (16:9), drawn at twice the resolution for PNG (2560 x 1440).
SLIDE_WIDTH, SLIDE_HEIGHT, PNG_SCALE = 1280, 720, 2
#: Font size of a slide's text (the report's charts use 13).
SLIDE_FONT_SIZE = 16
FORMATS = ("png", "svg")
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")


def font_folder() -> Path | None:
    """The folder of the bundled Noto Sans CJK font (None when the package is missing)."""
    try:
        import noto_cjk_sans_otc
    except ImportError:
        return None
    return Path(noto_cjk_sans_otc.__file__).parent


def fontconfig_file(cache: Path) -> Path | None:
    """A fontconfig file that adds the bundled CJK font to the system's fonts (written once under
    ``cache``); None without the font package."""
    folder = font_folder()
    if folder is None:
        return None
    conf = cache / "fonts.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{folder}</dir>\n  <cachedir>{cache / 'fontconfig'}</cachedir>\n</fontconfig>\n"
    )
    if not conf.is_file() or conf.read_text(encoding="utf-8") != text:
        cache.mkdir(parents=True, exist_ok=True)
        conf.write_text(text, encoding="utf-8")
    return conf


@contextmanager
def _browser_environment() -> Iterator[None]:
    """The browser's environment while images are drawn: our fontconfig file, and the system
    Chromium unless ``BROWSER_PATH`` names another browser (restored afterwards)."""
    from sim.inputs.scenario_file import cache_dir

    saved = {k: os.environ.get(k) for k in ("FONTCONFIG_FILE", "BROWSER_PATH")}
    conf = fontconfig_file(cache_dir() / "fonts")
    if conf is not None:
        os.environ["FONTCONFIG_FILE"] = str(conf)
    if not os.environ.get("BROWSER_PATH") and SYSTEM_CHROMIUM.exists():
        os.environ["BROWSER_PATH"] = str(SYSTEM_CHROMIUM)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def slide(fig: go.Figure) -> go.Figure:
    """A copy of ``fig`` laid out for a slide: slide size, larger text (the caller's figure is
    left as it was)."""
    out = go.Figure(fig)
    out.update_layout(width=SLIDE_WIDTH, height=SLIDE_HEIGHT, font_size=SLIDE_FONT_SIZE)
    return out


def figure_images(figures: Sequence[go.Figure], fmt: str) -> list[bytes]:
    """PNG or SVG bytes of every figure at slide size (one browser for all of them).

    A missing browser or renderer is one :class:`~sim.errors.ArgumentError` naming the field ``out``."""
    if fmt not in FORMATS:
        formats = Words(" or ".join(FORMATS), " 或 ".join(FORMATS))
        raise ArgumentError(msg("output.image_format", formats=formats, fmt=repr(fmt)), field="out")
    try:
        import kaleido
    except ImportError:
        raise ArgumentError(msg("output.needs_kaleido", fmt=fmt.upper()), field="out") from None
    scale = PNG_SCALE if fmt == "png" else 1
    with _browser_environment():
        try:
            kaleido.start_sync_server(silence_warnings=True)
        except Exception:  # noqa: BLE001 - one browser for many images is only faster
            pass
        try:
            with warnings.catch_warnings():  # plotly passes options the shared browser does not take
                warnings.simplefilter("ignore", UserWarning)
                return [bytes(slide(fig).to_image(format=fmt, scale=scale)) for fig in figures]
        except Exception as exc:  # noqa: BLE001 - kaleido reports a missing browser in many ways
            said = msg("output.no_browser", fmt=fmt.upper(), error=type(exc).__name__)
            raise ArgumentError(said, field="out") from None
        finally:
            try:
                kaleido.stop_sync_server(silence_warnings=True)
            except Exception:  # noqa: BLE001
                pass


def figure_image(fig: go.Figure, fmt: str) -> bytes:
    """One figure as PNG or SVG bytes at slide size (:func:`figure_images`)."""
    return figure_images([fig], fmt)[0]
