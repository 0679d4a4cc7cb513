"""What produced a result: version, sha256 of every input file, the seed used, the command.

Built by the caller and passed in: the library never reads ``sys.argv`` or guesses a seed.
The CLI records its own command line and seed; a notebook may pass what it likes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np


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
    seed: int | str | None = None  # the seed used, "generator supplied", or None (nothing random)
    command: tuple[str, ...] | None = None
    changes: tuple[tuple[str, str], ...] = ()  # (dotted key, value) changed in code
    version: str = field(default_factory=version)

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> Provenance:
        """The provenance a :meth:`to_dict` block describes (a saved result read back)."""
        command = doc.get("command")
        return cls(
            {f["path"]: f["sha256"] for f in doc.get("files", [])},
            doc.get("seed"),
            tuple(command) if command is not None else None,
            tuple((c["key"], c["value"]) for c in doc.get("changes", [])),
            doc.get("ranksim_version", "0+unknown"),
        )

    @classmethod
    def of(
        cls,
        files: Mapping[str, str],
        *,
        seed: int | str | None = None,
        command: Sequence[str] | None = None,
        changes: Sequence[tuple[str, str]] = (),
    ) -> Provenance:
        """Provenance of ``files`` (copied) under the installed version; ``command`` kept as a tuple."""
        return cls(dict(files), seed, tuple(command) if command is not None else None, tuple(changes))

    def to_dict(self) -> dict[str, Any]:
        """The ``provenance`` block of the JSON documents; files as a list of path / sha256 pairs."""
        return {
            "ranksim_version": self.version,
            "files": [{"path": p, "sha256": h} for p, h in self.files.items()],
            "seed": self.seed,
            "command": list(self.command) if self.command is not None else None,
            "changes": [{"key": k, "value": v} for k, v in self.changes],
        }


#: A drawn seed fits in this many bits: exact as a JSON number read as a double (2**53).
SEED_BITS = 53


def fresh_seed() -> int:
    """A seed drawn from the operating system's entropy, below ``2**53`` so that it survives a
    JSON reader that reads every number as a double (JavaScript, Excel)."""
    return int(np.random.SeedSequence().entropy) % (1 << SEED_BITS)  # type: ignore[arg-type]


def random_source(seed: int | None, rng: np.random.Generator | None) -> tuple[np.random.Generator, int | str]:
    """The generator a stochastic function draws from, and what to record as its seed.

    Give ``seed`` (an int >= 0) or ``rng`` (a ``numpy.random.Generator``), not both. With neither,
    a fresh seed is drawn from the operating system and recorded, so the numbers can be
    reproduced with ``seed=<recorded>``. A supplied generator is recorded as "generator supplied".
    """
    from sim.errors import InputError
    from sim.messages import msg

    if seed is not None and rng is not None:
        raise InputError(msg("random.seed_or_rng"), field="seed")
    if rng is not None:
        if not isinstance(rng, np.random.Generator):
            raise InputError(msg("random.generator", type=type(rng).__name__), field="rng")
        return rng, "generator supplied"
    if seed is None:
        seed = fresh_seed()
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InputError(msg("value.whole_at_least_got", least=0, value=repr(seed)), field="seed")
    return np.random.default_rng(int(seed)), int(seed)
