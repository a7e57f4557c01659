"""Messages for the diff feature."""

MESSAGES: dict[str, dict[str, str]] = {}
