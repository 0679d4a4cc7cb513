"""What produced a result: version, sha256 of every input file, the seed used, the command.

Built by the caller and passed in: the library never reads ``sys.argv`` or guesses a seed.
The CLI records its own command line and ``--seed``; a notebook may pass what it likes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


def version() -> str:
    """The installed ranksim version ("0+unknown" when running from a bare source tree)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _v

    try:
        return _v("ranksim")
    except PackageNotFoundError:
        return "0+unknown"


@dataclass(frozen=True)
class Provenance:
    """Version, input files (path -> sha256), the seed actually used, the caller's command."""

    files: Mapping[str, str]
    seed: int | None = None
    command: tuple[str, ...] | None = None
    version: str = field(default_factory=version)

    @classmethod
    def of(
        cls, files: Mapping[str, str], *, seed: int | None = None, command: Sequence[str] | None = None
    ) -> Provenance:
        """Provenance of ``files`` (copied) under the installed version; ``command`` kept as a tuple."""
        return cls(dict(files), seed, tuple(command) if command is not None else None)

    def to_dict(self) -> dict[str, Any]:
        """The ``provenance`` block of the JSON documents; files as a list of path / sha256 pairs."""
        return {
            "ranksim_version": self.version,
            "files": [{"path": p, "sha256": h} for p, h in self.files.items()],
            "seed": self.seed,
            "command": list(self.command) if self.command is not None else None,
        }
