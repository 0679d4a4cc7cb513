"""National-path presets: named, sourced national real-growth and deflator paths.

A scenario selects one with ``national: {preset: NAME}`` and may extend or override it year by
year (its own ``real_growth: {year: pct}`` entries replace or add to the preset's; a number
replaces the whole path). The presets, their sources and their rules live in
``data/national_paths.yaml``; this module reads them (once) and merges a scenario's paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DEFAULT_PRESETS = Path(__file__).resolve().parents[2] / "data" / "national_paths.yaml"

PathValue = float | dict[int, float] | str


@dataclass(frozen=True, kw_only=True)
class Preset:
    """One named national path: real growth and deflator (percent a year), with their sources."""

    name: str
    title: str
    title_zh: str
    source: str
    source_zh: str
    source_id: str
    covers: tuple[int, int] | None
    real_growth: PathValue
    deflator: PathValue
    rules: dict[str, str]

    def label(self, lang: str = "en") -> str:
        """``name (title)`` in English; the Chinese title in Chinese."""
        return self.title_zh if lang == "zh" else f"{self.name} ({self.title})"

    def source_text(self, lang: str = "en") -> str:
        """Where the preset comes from, in the language."""
        return self.source_zh if lang == "zh" else self.source


def _path(value: Any) -> PathValue:
    if value == "trailing":
        return "trailing"
    if isinstance(value, dict):
        return {int(k): float(v) for k, v in value.items()}
    return float(value)


def _read(path: Path) -> dict[str, Any]:
    """The file as plain data. Inside :func:`sim.inputs.scenario_file.scenario_cache` (the command
    line) it is parsed once per content and kept as a private JSON entry beside the scenario cache
    (same rules: a regular file of the user, 0600, its digest checked), so a cached run imports no
    YAML parser; a library call outside it writes nothing."""
    import hashlib
    import json
    import os

    from sim.inputs.scenario_file import _CACHE_ON, _entry_bytes, cache_dir

    raw = path.read_bytes()
    key = hashlib.sha256(raw).hexdigest()
    cached = cache_dir() / f"presets-{key[:24]}.json"
    use_cache = _CACHE_ON.get()
    if use_cache:
        data = _entry_bytes(cached)
        try:
            doc = json.loads(data) if data is not None else None
            if isinstance(doc, dict) and doc.get("sha256") == key and isinstance(doc.get("presets"), dict):
                return dict(doc["presets"])
        except ValueError:
            pass
    from ruamel.yaml import YAML

    presets = dict(YAML(typ="safe", pure=True).load(raw.decode("utf-8")))
    if use_cache:
        tmp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
        try:
            cached.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps({"sha256": key, "presets": presets}, ensure_ascii=False))
            os.replace(tmp, cached)
        except (OSError, TypeError, ValueError):
            Path(tmp).unlink(missing_ok=True)  # a cache that cannot be written is no cache
    return presets


@lru_cache(maxsize=4)
def load_presets(path: Path = DEFAULT_PRESETS) -> dict[str, Preset]:
    """Every preset of the file, by name, in file order."""
    doc = _read(path)
    out = {}
    for name, p in doc.items():
        out[str(name)] = Preset(
            name=str(name),
            title=str(p["title"]),
            title_zh=str(p["title_zh"]),
            source=" ".join(str(p["source"]).split()),
            source_zh="".join(str(p.get("source_zh", p["source"])).split()),
            source_id=str(p["source_id"]),
            covers=tuple(p["covers"]) if p.get("covers") else None,  # type: ignore[arg-type]
            real_growth=_path(p["real_growth"]),
            deflator=_path(p["deflator"]),
            rules={k: " ".join(str(v).split()) for k, v in p.items() if str(k).endswith("_rule")},
        )
    return out


def preset_names() -> tuple[str, ...]:
    """Names of the bundled presets, in file order."""
    return tuple(load_presets())


def merged(preset: PathValue, written: PathValue | None) -> PathValue:
    """A scenario's national path over a preset's: ``written`` None keeps the preset; a
    ``{year: pct}`` over a ``{year: pct}`` replaces or adds those years; anything else replaces."""
    if written is None:
        return preset
    if isinstance(written, dict) and isinstance(preset, dict):
        return {**preset, **written}
    return written
