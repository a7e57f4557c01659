"""Text normalisation, tokens and the word-level diff used to match and compare goals.

Two texts that differ only in white space, letter case or typographic quotes and dashes are the
same goal text for matching; the word diff still shows the words as printed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from hbg_plan.provenance import TRANSLATE

WORD = re.compile(r"\w+")
SPACE = re.compile(r"\s+")

# Words too common in Swedish plan text to say anything about which goal is which. Leaving them
# out of the token index keeps candidate lists short; they still count in the similarity score.
STOP_WORDS = frozenset(
    [
        "att",
        "av",
        "de",
        "den",
        "det",
        "där",
        "eller",
        "en",
        "ett",
        "for",
        "för",
        "från",
        "har",
        "i",
        "inom",
        "kan",
        "med",
        "men",
        "mot",
        "och",
        "om",
        "på",
        "sin",
        "ska",
        "som",
        "till",
        "under",
        "vi",
        "vid",
        "är",
        "the",
        "and",
        "of",
        "to",
        "in",
        "for",
        "a",
    ]
)

Op = Literal["equal", "delete", "insert"]


def canonical(text: str) -> str:
    """Text with typographic variants and white space folded: equality means 'not reworded'."""
    return SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(TRANSLATE)).strip()


def normalise(text: str) -> str:
    """Lower-case words only, for similarity scoring."""
    return " ".join(WORD.findall(canonical(text).casefold()))


def index_tokens(text: str) -> set[str]:
    """Distinctive tokens of a text: its words minus stop words and one-letter words."""
    return {w for w in WORD.findall(canonical(text).casefold()) if len(w) > 1 and w not in STOP_WORDS}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of words that both texts share (`equal`), or that only the old or new one has."""

    op: Op
    text: str


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level difference of two texts, as printed, in reading order (deletions first)."""
    old_words = old.split()
    new_words = new.split()
    matcher = difflib.SequenceMatcher(
        None, [canonical(w) for w in old_words], [canonical(w) for w in new_words], autojunk=False
    )
    segments: list[Segment] = []

    def add(op: Op, words: list[str]) -> None:
        if not words:
            return
        if segments and segments[-1].op == op:
            segments[-1] = Segment(op, segments[-1].text + " " + " ".join(words))
        else:
            segments.append(Segment(op, " ".join(words)))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", new_words[j1:j2])
        else:
            add("delete", old_words[i1:i2])
            add("insert", new_words[j1:j2])
    return tuple(segments)
