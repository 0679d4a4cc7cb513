"""Messages of sim.model (see sim.messages): id -> (English, Chinese)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
