"""Messages of sim.cli (see sim.messages): id -> (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
