"""Messages for the gaps feature."""

MESSAGES: dict[str, dict[str, str]] = {}
