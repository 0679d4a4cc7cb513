"""Messages of sim.analyses (see sim.messages): id -> (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
