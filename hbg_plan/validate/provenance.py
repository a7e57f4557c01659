"""Proof that transcribed text stands in its source document, within the recorded lines.

Comparison ignores what PDF extraction changes and a transcriber must not reproduce: white space
and line breaks, bullet glyphs, soft hyphens, typographic versus plain quotes and dashes, and
the lines that are only link targets or page numbers interleaved by the extraction.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from hbg_plan.io.confine import Refused, inside, plan_root, read_bounded

if TYPE_CHECKING:
    from hbg_plan.model.plan import Plan


TRANSLATE = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u2032": "'",
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
        "\u00ad": None, "\u2022": None, "\uf0b7": None, "\uf0a7": None, "\u25cf": None, "\u25aa": None,
        "\u00a0": None, "\u200b": None, "\ufeff": None,
    }
)  # fmt: skip
# str.translate with a dict is slow on long texts; a search and one replace per character found
# in the text does the same work at C speed.
REPLACEMENTS = tuple((chr(c), "" if r is None else str(r)) for c, r in TRANSLATE.items())
SPECIAL = re.compile("[" + "".join(re.escape(c) for c, _ in REPLACEMENTS) + "]")
PAGE_FURNITURE = re.compile(r"^[ \t]*(https?://\S+|Sida \d+ av \d+)[ \t]*$", re.MULTILINE)
FURNITURE_STARTS = ("http", "Sida ")  # every furniture line holds one of these
ASCII_SPACE = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"  # str.split's white space in ASCII, but " " and "\n"


def normalise(text: str) -> str:
    if not text.isascii():
        text = _translate(unicodedata.normalize("NFC", text))
    return "".join(text.split())  # str.split and re's \s agree on what white space is


def normalise_all(texts: list[str]) -> list[str]:
    """`[normalise(t) for t in texts]`, done on all of them at once: a plan has thousands."""
    if not texts:
        return []
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text with a line break of its own
        return [normalise(t) for t in texts]
    return _normalised_lines(joined)


def _normalised_lines(text: str) -> list[str]:
    """`[normalise(line) for line in text.split("\n")]`, done on the whole text at once.

    The same result: NFC never composes across a line break, and neither the character
    replacements nor the removal of white space within lines touches one.
    """
    if not text.isascii():
        text = _translate(unicodedata.normalize("NFC", text))
    lines = text.replace(" ", "").split("\n")
    if "".join(lines).isprintable():  # no white space left: the common case, checked at C speed
        return lines
    for char in ASCII_SPACE:  # tabs, carriage returns, form feeds
        if char in text:
            text = text.replace(char, "")
    lines = text.replace(" ", "").split("\n")
    if "".join(lines).isprintable():
        return lines
    return ["".join(line.split()) for line in lines]  # rare white space, or control characters


def _translate(text: str) -> str:
    """`text.translate(TRANSLATE)`, faster."""
    if SPECIAL.search(text):
        for char, replacement in REPLACEMENTS:
            if char in text:
                text = text.replace(char, replacement)
    return text


@dataclass(frozen=True)
class SourceText:
    path: Path
    sha256: str
    text: str = field(repr=False)
    flat: str = field(repr=False)  # all lines normalised and joined, page furniture left out
    offsets: tuple[int, ...] = field(repr=False)  # offsets[n]: where line n + 1 starts in `flat`

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The raw lines, split only when an excerpt is shown."""
        return tuple(self.text.split("\n")[: self.line_count])

    @property
    def line_count(self) -> int:
        return len(self.offsets) - 1

    def span(self, first: int, last: int) -> str:
        """Lines first..last normalised and joined: `normalise(text) in span` is the check."""
        return self.flat[self.offsets[first - 1] : self.offsets[last]]

    def contains(self, text: str, first: int, last: int) -> bool:
        """Whether `text` stands verbatim (modulo extraction noise) in lines first..last."""
        return normalise(text) in self.span(first, last)

    def excerpt(self, first: int, last: int) -> list[tuple[int, str]]:
        return [(n, self.lines[n - 1]) for n in range(max(first, 1), min(last, self.line_count) + 1)]


def _without_furniture(text: str) -> str:
    """`PAGE_FURNITURE.sub("", text)`, trying the pattern only on lines that could match.

    Anchored at every line start, the pattern costs more than the rest of the normalisation;
    a plain search for the words furniture begins with is far cheaper.
    """
    cut: set[tuple[int, int]] = set()
    for needle in FURNITURE_STARTS:
        found = text.find(needle)
        while found >= 0:
            line_start = text.rfind("\n", 0, found) + 1
            match = PAGE_FURNITURE.match(text, line_start)
            if match:
                cut.add(match.span())
            found = text.find(needle, found + 1)
    if not cut:
        return text
    parts, position = [], 0
    for start, end in sorted(cut):
        parts.append(text[position:start])
        position = end
    parts.append(text[position:])
    return "".join(parts)


@lru_cache(maxsize=32)
def load_source(path: Path) -> SourceText:
    """The source text at `path` (a real path the confinement policy allowed); raises Refused.

    Kept for the few plans that share a source (versions of one document), not for the whole
    run: in a national corpus every plan has its own source and memory must stay bounded.
    """
    raw = read_bounded(path)
    text = raw.decode("utf-8", errors="replace")
    normalised = _normalised_lines(_without_furniture(text))
    if text.endswith("\n") or not text:  # a final line break ends the last line, starts none
        normalised.pop()
    offsets = (0, *itertools.accumulate(map(len, normalised)))
    return SourceText(path, hashlib.sha256(raw).hexdigest(), text, "".join(normalised), offsets)


def source_or_refusal(plan: Plan) -> SourceText | Refused:
    """A plan's source text, or why the confinement policy refused to read it.

    The source must resolve inside the plan's repository and be a regular file within the size
    limit; nothing of a refused file is read, hashed or compared.
    """
    try:
        return load_source(inside(plan.source_file, plan.doc.root or plan_root(plan.path)))
    except Refused as exc:
        return exc


def plan_source(plan: Plan) -> SourceText | None:
    """A plan's source text, or None when the confinement policy refused it."""
    found = source_or_refusal(plan)
    return found if isinstance(found, SourceText) else None
