"""Proof that transcribed text stands in its source document, within the recorded lines.

Comparison ignores what PDF extraction changes and a transcriber must not reproduce: white space
and line breaks, bullet glyphs, soft hyphens, typographic versus plain quotes and dashes, and
the lines that are only link targets or page numbers interleaved by the extraction.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TRANSLATE = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u2032": "'",
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
        "\u00ad": None, "\u2022": None, "\uf0b7": None, "\uf0a7": None, "\u25cf": None, "\u25aa": None,
        "\u00a0": None, "\u200b": None, "\ufeff": None,
    }
)  # fmt: skip
WHITESPACE = re.compile(r"\s+")
PAGE_FURNITURE = re.compile(r"^[ \t]*(https?://\S+|Sida \d+ av \d+)[ \t]*$")


def normalise(text: str) -> str:
    return WHITESPACE.sub("", unicodedata.normalize("NFC", text).translate(TRANSLATE))


@dataclass(frozen=True)
class SourceText:
    path: Path
    sha256: str
    lines: tuple[str, ...]
    normalised: tuple[str, ...]

    @property
    def line_count(self) -> int:
        return len(self.lines)

    def contains(self, text: str, first: int, last: int) -> bool:
        """Whether `text` stands verbatim (modulo extraction noise) in lines first..last."""
        haystack = "".join(self.normalised[first - 1 : last])
        return normalise(text) in haystack

    def excerpt(self, first: int, last: int) -> list[tuple[int, str]]:
        return [(n, self.lines[n - 1]) for n in range(max(first, 1), min(last, self.line_count) + 1)]


@cache
def load_source(path: Path) -> SourceText | None:
    """The source text at `path`, read once per run; None when it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    text = raw.decode("utf-8", errors="replace")
    lines = tuple(text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    normalised = tuple("" if PAGE_FURNITURE.match(line) else normalise(line) for line in lines)
    return SourceText(path, hashlib.sha256(raw).hexdigest(), lines, normalised)
