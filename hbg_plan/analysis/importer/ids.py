"""Ids for imported items: lower-case ASCII, å/ä → a, ö → o, words joined by '-'."""

from __future__ import annotations

import re
import unicodedata

MAX_WORDS = 8
MAX_CHARS = 60


def slug(text: str, max_words: int = MAX_WORDS) -> str:
    """'Attityder till psykisk ohälsa' → 'attityder-till-psykisk-ohalsa'."""
    ascii_text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text)[:max_words]
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > MAX_CHARS:
            break
        out = candidate
    return out


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` … whichever is not yet in `taken`; added to `taken`."""
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate
