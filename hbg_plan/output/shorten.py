"""Long plan texts shown on one line: cut at a word boundary with "…" (the data keeps them whole)."""

from __future__ import annotations

LINE = 110  # characters of a text shown on one line


def one_line(text: str, limit: int = LINE) -> str:
    """`text` on one line, cut at a word boundary with "…" when longer than `limit`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.–-") + "…"
