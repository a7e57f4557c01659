"""Text normalisation, tokens and the word-level diff used to match and compare goals.

Two texts that differ only in white space, letter case or typographic quotes and dashes are the
same goal text for matching; the word diff still shows the words as printed.

The word diff is bounded (plans are untrusted input): texts are cut into pieces (bullets, then
sentences), unchanged pieces are aligned first, and only the words of the changed stretches
between them are compared. A stretch is compared word by word only when it is at most
`MAX_STRETCH_CELLS` word pairs (old words × new words) and the run's `WordBudget` still has
that many; otherwise it is shown "replaced" (the whole old stretch deleted, the whole new one
inserted). The comparison itself is a bit-parallel longest common subsequence whose cost is
proportional to those cells divided by the machine word, so its worst case is known in advance.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Literal

from hbg_plan.validate.provenance import REPLACEMENTS, SPECIAL

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


# Each text is compared several times in one diff (pairing, bullets, word diff): normalised once.
@functools.lru_cache(maxsize=1 << 15)
def canonical(text: str) -> str:
    """Text with typographic variants and white space folded: equality means 'not reworded'."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if SPECIAL.search(text):  # str.translate with a dict is slow on long texts
            for char, replacement in REPLACEMENTS:
                if char in text:
                    text = text.replace(char, replacement)
    return " ".join(text.split())


@functools.lru_cache(maxsize=1 << 15)
def normalise(text: str) -> str:
    """Lower-case words only, for similarity scoring."""
    return " ".join(WORD.findall(canonical(text).casefold()))


def index_tokens(text: str) -> set[str]:
    """Distinctive tokens of a text: its words minus stop words and one-letter words."""
    return {w for w in WORD.findall(canonical(text).casefold()) if len(w) > 1 and w not in STOP_WORDS}


# Texts longer than this together are scored by word overlap: token_sort_ratio's cost grows with
# the product of the lengths.
MAX_FUZZ_CHARS = 4_000


def sorted_words(text: str) -> str:
    """The words of `normalise(text)` in sorted order: what `similarity` compares."""
    return " ".join(sorted(normalise(text).split()))


def similarity(old: str, new: str, cutoff: float = 0.0) -> float:
    """0-100 for two `sorted_words` texts: rapidfuzz's `token_sort_ratio` (the ratio of the sorted
    words), or for long texts the overlap of their words (Dice coefficient of the word multisets),
    which costs linear time. Scores under `cutoff` may be returned as 0."""
    from rapidfuzz import fuzz  # loads only when texts are compared

    if len(old) + len(new) <= MAX_FUZZ_CHARS:
        return float(fuzz.ratio(old, new, score_cutoff=cutoff))
    old_words, new_words = Counter(old.split()), Counter(new.split())
    total = old_words.total() + new_words.total()
    return 200.0 * (old_words & new_words).total() / total if total else 100.0


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of words that both texts share (`equal`), or that only the old or new one has."""

    op: Op
    text: str


# A changed stretch is compared word by word only when it has at most this many words in all and
# at most MAX_STRETCH_CELLS word pairs (old words × new words): 4,000,000 is two stretches of
# 2,000 words, far above any real bullet or sentence.
MAX_STRETCH_WORDS = 10_000
MAX_STRETCH_CELLS = 4_000_000
# Words and word pairs one diff run may compare in all, across every goal; past either, stretches
# are "replaced". The bundled plans' largest diff (hbg-2020 → hbg-2023) uses about 1 % of each.
RUN_BUDGET_WORDS = 200_000
RUN_BUDGET_CELLS = 200_000_000
# Sentences aligned per text: beyond this many pieces × pieces the changed middle of a text is one
# stretch (and, if that is too long, shown replaced).
MAX_PIECE_CELLS = 4_000_000
# A changed middle (what is left between the common beginning and end) longer than this, old and
# new together, is shown replaced without being split at all.
MAX_MIDDLE_CHARS = 1_000_000
# Changed sentences are paired by similarity (at least PIECE_THRESHOLD) before their words are
# compared, when there are at most MAX_PIECE_PAIRS sentence pairs in the changed run.
MAX_PIECE_PAIRS = 400
PIECE_THRESHOLD = 50.0
SENTENCE_BREAK = re.compile(r"(?<=[.!?;:])\s+|\n+")
PIECE_ENDS = (". ", "! ", "? ", "; ", ": ", "\n")  # where SENTENCE_BREAK usually matches


class WordBudget:
    """The words and word pairs a diff run may still compare, and what it spent."""

    def __init__(self, words: int = RUN_BUDGET_WORDS, cells: int = RUN_BUDGET_CELLS) -> None:
        self.words_left, self.cells_left = words, cells
        self.words_spent = self.cells_spent = 0
        self.compared = 0  # stretches compared word by word
        self.replaced = 0  # stretches shown replaced because they were over a limit

    def take(self, words: int, cells: int) -> bool:
        if (
            words > MAX_STRETCH_WORDS
            or cells > MAX_STRETCH_CELLS
            or words > self.words_left
            or cells > self.cells_left
        ):
            self.replaced += 1
            return False
        self.words_left -= words
        self.cells_left -= cells
        self.words_spent += words
        self.cells_spent += cells
        self.compared += 1
        return True


def pieces(text: str) -> list[str]:
    """A text split into sentences and lines: the units aligned before any word is compared."""
    return [p for p in SENTENCE_BREAK.split(text) if p and not p.isspace()]


def common_subsequence(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence of `a` and `b`, in order.

    Bit-parallel (Hyyrö): one row of the LCS table is an integer of min(len) bits, so each of the
    max(len) steps is a few integer operations on that many bits. Memory: len(a) × len(b) bits.
    """
    if len(b) > len(a):  # rows as long as the shorter sequence
        return [(i, j) for j, i in _lcs(b, a, early_in_a=True)]
    return _lcs(a, b, early_in_a=False)


def _lcs(a: Sequence[Hashable], b: Sequence[Hashable], early_in_a: bool) -> list[tuple[int, int]]:
    if not b:
        return []
    masks: dict[Hashable, int] = {}
    for j, item in enumerate(b):
        masks[item] = masks.get(item, 0) | (1 << j)
    full = (1 << len(b)) - 1
    rows = [full]
    row = full
    for item in a:
        u = row & masks.get(item, 0)
        row = ((row + u) | (row - u)) & full
        rows.append(row)
    # A zero bit j in row i: the LCS of a[:i] and b[:j+1] is one longer than that of a[:i] and b[:j].

    def length(i: int, j: int) -> int:
        return j - (rows[i] & ((1 << j) - 1)).bit_count()

    # Walking back from the end, the new text's items are left unmatched whenever an LCS allows
    # it, so matches come as early as possible in it: "a b. c" against "a x. c y. c" keeps the
    # first "c" and shows "y. c" inserted after it.
    pairs: list[tuple[int, int]] = []
    i, j = len(a), len(b)
    while i > 0 and j > 0:
        here = length(i, j)
        if early_in_a and length(i - 1, j) == here:
            i -= 1
        elif not early_in_a and length(i, j - 1) == here:
            j -= 1
        elif a[i - 1] == b[j - 1]:
            i, j = i - 1, j - 1
            pairs.append((i, j))
        elif early_in_a:
            j -= 1
        else:
            i -= 1
    pairs.reverse()
    return pairs


def _trim(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[int, int]:
    """Lengths of the common prefix and of the common suffix (not overlapping it)."""
    limit = min(len(a), len(b))
    head = 0
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    return head, tail


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix of two strings, by binary search over C-speed comparisons."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _snap_to_pieces(a: str, b: str, head: int, tail: int) -> tuple[int, int]:
    """The common prefix cut back to the last sentence break in it and the common suffix to the
    first, so that pieces are aligned whole (a common end must not eat a new sentence's end)."""
    head = max([0] + [a.rfind(sep, 0, head) + len(sep) for sep in PIECE_ENDS if a.rfind(sep, 0, head) >= 0])
    starts = [a.find(sep, len(a) - tail) for sep in PIECE_ENDS]
    found = [start + len(sep) for start, sep in zip(starts, PIECE_ENDS, strict=True) if start >= 0]
    tail = len(a) - min(found) if found else 0
    return head, max(0, min(tail, len(a) - head, len(b) - head))


def _trim_text(a: str, b: str) -> tuple[int, int]:
    """Characters of the common prefix and suffix of two texts that end and begin at word
    boundaries in both, found without splitting the texts into words."""
    head = _common_prefix(a, b)
    if not ((head == len(a) or a[head].isspace()) and (head == len(b) or b[head].isspace())):
        while head > 0 and not a[head - 1].isspace():
            head -= 1
    limit = min(len(a), len(b)) - head
    tail = min(_common_prefix(a[::-1][:limit], b[::-1][:limit]), limit)
    start_a, start_b = len(a) - tail, len(b) - tail
    if not ((start_a == head or a[start_a - 1].isspace()) and (start_b == head or b[start_b - 1].isspace())):
        while tail > 0 and not a[len(a) - tail].isspace():
            tail -= 1
    return head, tail


class _Segments:
    """Runs of text by operation, adjacent runs of one operation merged; white space folded once
    at the end."""

    def __init__(self) -> None:
        self.runs: list[tuple[Op, list[str]]] = []

    def add(self, op: Op, text: str) -> None:
        if not text or text.isspace():
            return
        if self.runs and self.runs[-1][0] == op:
            self.runs[-1][1].append(text)
        else:
            self.runs.append((op, [text]))

    def segments(self) -> tuple[Segment, ...]:
        return tuple(Segment(op, _fold(" ".join(texts))) for op, texts in self.runs)


def _fold(text: str) -> str:
    """White space folded to single spaces (scans first: most texts have nothing to fold)."""
    if "  " in text or not text.isprintable() or text[:1] == " " or text[-1:] == " ":
        return " ".join(text.split())
    return text


def _runs(pairs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Matching index pairs grouped into diagonal runs (old start, new start, length)."""
    runs: list[tuple[int, int, int]] = []
    for i, j in pairs:
        if runs and runs[-1][0] + runs[-1][2] == i and runs[-1][1] + runs[-1][2] == j:
            runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((i, j, 1))
    return runs


def _diff_stretch(old: str, new: str, out: _Segments, budget: WordBudget) -> None:
    """Word diff of one changed stretch, or the stretch replaced whole when it is over a limit."""
    old_words, new_words = old.split(), new.split()
    words, cells = len(old_words) + len(new_words), len(old_words) * len(new_words)
    head = tail = 0
    if words > MAX_STRETCH_WORDS or cells > MAX_STRETCH_CELLS:  # a cheap cut, only when needed
        head, tail = _trim(old_words, new_words)  # equal as printed is equal canonically
    old_middle, new_middle = old_words[head : len(old_words) - tail], new_words[head : len(new_words) - tail]
    out.add("equal", " ".join(new_words[:head]))
    if not budget.take(len(old_middle) + len(new_middle), len(old_middle) * len(new_middle)):
        out.add("delete", " ".join(old_middle))
        out.add("insert", " ".join(new_middle))
    else:
        pairs = common_subsequence([canonical(w) for w in old_middle], [canonical(w) for w in new_middle])
        i = j = 0
        for pi, pj, length in [*_runs(pairs), (len(old_middle), len(new_middle), 0)]:
            out.add("delete", " ".join(old_middle[i:pi]))
            out.add("insert", " ".join(new_middle[j:pj]))
            out.add("equal", " ".join(new_middle[pj : pj + length]))
            i, j = pi + length, pj + length
    out.add("equal", " ".join(new_words[len(new_words) - tail :]) if tail else "")


def _piece_pairs(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Old and new sentences paired in order (each at most once) so that the total similarity of
    the pairs is largest; only pairs scoring at least `PIECE_THRESHOLD` count."""
    from rapidfuzz import fuzz  # loads only when texts are compared

    old_norm, new_norm = [normalise(p) for p in old], [normalise(p) for p in new]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old)):
        for j in range(len(new)):
            score = fuzz.ratio(old_norm[i], new_norm[j], score_cutoff=PIECE_THRESHOLD)
            best[i + 1][j + 1] = max(best[i][j + 1], best[i + 1][j], best[i][j] + score if score else 0.0)
    pairs = []
    i, j = len(old), len(new)
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            i, j = i - 1, j - 1
            pairs.append((i, j))
    return pairs[::-1]


def _diff_pieces(old: list[str], new: list[str], out: _Segments, budget: WordBudget) -> None:
    """A changed run of sentences: similar sentences paired and word-diffed one by one, the
    others shown deleted or inserted whole, so that no word is matched across sentences."""
    if (len(old) < 2 and len(new) < 2) or len(old) * len(new) > MAX_PIECE_PAIRS:
        _diff_stretch(" ".join(old), " ".join(new), out, budget)
        return
    i = j = 0
    for pi, pj in [*_piece_pairs(old, new), (len(old), len(new))]:
        out.add("delete", " ".join(old[i:pi]))
        out.add("insert", " ".join(new[j:pj]))
        if pi < len(old):
            _diff_stretch(old[pi], new[pj], out, budget)
        i, j = pi + 1, pj + 1


def same_text(old: str | Sequence[str], new: str | Sequence[str]) -> bool:
    """Whether two texts (lists of bullets) are equal after `canonical`: only the part between
    their common beginning and end is folded, so a long text with one change costs little."""
    old_text = old if isinstance(old, str) else "\n".join(old)
    new_text = new if isinstance(new, str) else "\n".join(new)
    if old_text == new_text:
        return True
    head, tail = _trim_text(old_text, new_text)
    return canonical(old_text[head : len(old_text) - tail]) == canonical(
        new_text[head : len(new_text) - tail]
    )


def word_diff(
    old: str | Sequence[str], new: str | Sequence[str], budget: WordBudget | None = None
) -> tuple[Segment, ...]:
    """Word-level difference of two texts (or lists of bullets), as printed, in reading order.

    The common beginning and end are cut off first (found on the whole texts, not word by word);
    unchanged sentences in between are aligned next; then the words of each changed stretch
    between them are compared within the limits above, else the stretch is shown replaced.
    """
    budget = budget if budget is not None else WordBudget()
    old_text = old if isinstance(old, str) else "\n".join(old)
    new_text = new if isinstance(new, str) else "\n".join(new)
    out = _Segments()
    head, tail = _trim_text(old_text, new_text)
    snapped_head, snapped_tail = _snap_to_pieces(old_text, new_text, head, tail)
    if len(old_text) + len(new_text) - 2 * (snapped_head + snapped_tail) <= MAX_MIDDLE_CHARS:
        head, tail = snapped_head, snapped_tail  # else: a huge text, cut at words to stay bounded
    out.add("equal", new_text[:head])
    old_middle, new_middle = old_text[head : len(old_text) - tail], new_text[head : len(new_text) - tail]
    if len(old_middle) + len(new_middle) > MAX_MIDDLE_CHARS:  # replaced without looking closer
        budget.replaced += 1
        out.add("delete", old_middle)
        out.add("insert", new_middle)
        out.add("equal", new_text[len(new_text) - tail :] if tail else "")
        return out.segments()
    old_pieces, new_pieces = pieces(old_middle), pieces(new_middle)
    if len(old_pieces) * len(new_pieces) <= MAX_PIECE_CELLS:
        pairs = common_subsequence(old_pieces, new_pieces)  # sentences equal as printed
    else:  # too many sentences to align: the changed middle is one stretch
        pairs = []
    i = j = 0
    for pi, pj, length in [*_runs(pairs), (len(old_pieces), len(new_pieces), 0)]:
        _diff_pieces(old_pieces[i:pi], new_pieces[j:pj], out, budget)
        out.add("equal", " ".join(new_pieces[pj : pj + length]))
        i, j = pi + length, pj + length
    out.add("equal", new_text[len(new_text) - tail :] if tail else "")
    return out.segments()
