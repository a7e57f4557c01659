"""Messages for the report feature."""

MESSAGES: dict[str, dict[str, str]] = {}
