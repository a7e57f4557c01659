"""Pairing the items of two plan versions: explicit links, then ids, then content.

Order of precedence, per level (focus areas, topics, goals):

1. **explicit** — `renamed_from` or `same_as` written in the YAML. It wins over everything: an
   editor who says "this is the old X" is believed even if another item is now called X.
2. **id** — the same id in both versions (ids are kept stable across versions on purpose).
3. **similarity** — for items still unpaired, the normalised texts (goals) or titles (topics,
   focus areas) are compared with rapidfuzz's `token_sort_ratio` (0–100, insensitive to word
   order, case, punctuation and typographic quotes). A pair is accepted at or above
   `GOAL_THRESHOLD` (70) for goal texts and `TITLE_THRESHOLD` (85) for titles; among the
   candidates, the pairing with the largest total score wins (an optimal assignment, not
   best-first), each item paired at most once. Goals must also have the same horizon. In the bundled plans
   unrelated goals never score above 56, while a goal whose wording largely survives a revision
   scores 70 or more; titles are short, so they need a higher bar.
4. **content** — a topic (focus area) still unpaired is paired with the old one that supplied
   more than half of its goals (topics) when those make up more than half of the old one too.

Similarity is not quadratic: unpaired old items are indexed by their distinctive words, a token
shared by more than `MAX_POSTING` items is ignored as too common, and each new item is scored
only against the `MAX_CANDIDATES` old items sharing the most words with it (plus at most
`MAX_HINTS` hinted by the caller, such as the unpaired goals of the topic it belongs to). Of
these, only the ones worth scoring are scored: sharing at least `MIN_SHARED_RATIO` of what the
best candidate shares, or half of their own distinctive words (a short old goal kept whole in a
long new one). A new item looks up at most `MAX_QUERY_TOKENS` of its words (the rarest); only the first
`MAX_MATCH_CHARS` characters of a text are indexed and scored, and texts longer than
`MAX_FUZZ_CHARS` together are scored by word overlap (linear) instead of `token_sort_ratio`, so
the cost stays bounded for hostile plans with huge texts.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from hbg_plan.analysis.diff.assign import assign
from hbg_plan.analysis.diff.words import index_tokens, similarity, sorted_words

T = TypeVar("T")
Method = Literal["explicit", "id", "similarity", "content", "topic"]
Basis = Literal["id", "renamed_from", "same_as", "similarity"]

GOAL_THRESHOLD = 70.0
TITLE_THRESHOLD = 85.0
MAX_POSTING = 50
MAX_CANDIDATES = 20
MAX_HINTS = 10
MAX_QUERY_TOKENS = 64
MIN_SHARED_RATIO = 0.25
MAX_MATCH_CHARS = 20_000  # far longer than any real goal; a huge text is matched by its beginning


@dataclass(frozen=True, slots=True)
class Pair:
    """Indices of a paired old and new item, how they were paired (`method`), on which basis
    ('id', 'renamed_from', 'same_as', 'similarity') and, for content, how well (0-100)."""

    old: int
    new: int
    method: Method
    score: float | None = None
    basis: Basis = "id"


class Matching(Generic[T]):
    """A one-to-one pairing between `old` and `new`, built up step by step."""

    def __init__(self, old: Sequence[T], new: Sequence[T], ident: Callable[[T], str]) -> None:
        self.old = old
        self.new = new
        self.ident = ident
        self.by_old: dict[int, Pair] = {}
        self.by_new: dict[int, Pair] = {}

    def link(
        self, old: int, new: int, method: Method, score: float | None = None, basis: Basis = "id"
    ) -> bool:
        if old in self.by_old or new in self.by_new:
            return False
        pair = Pair(old, new, method, score, basis)
        self.by_old[old] = pair
        self.by_new[new] = pair
        return True

    def unmatched_old(self) -> list[int]:
        return [i for i in range(len(self.old)) if i not in self.by_old]

    def unmatched_new(self) -> list[int]:
        return [j for j in range(len(self.new)) if j not in self.by_new]

    def partner_of_old(self, old: int) -> int | None:
        pair = self.by_old.get(old)
        return pair.new if pair else None

    def partner_of_new(self, new: int) -> int | None:
        pair = self.by_new.get(new)
        return pair.old if pair else None

    def pairs(self) -> list[Pair]:
        return [self.by_new[j] for j in sorted(self.by_new)]

    def _first_index(self, items: Sequence[T]) -> dict[str, int]:
        index: dict[str, int] = {}
        for i, item in enumerate(items):
            index.setdefault(self.ident(item), i)
        return index

    def by_explicit(
        self,
        new_refs: Callable[[T], Iterable[tuple[Basis, str | None]]],
        old_refs: Callable[[T], Iterable[tuple[Basis, str | None]]],
    ) -> None:
        """Pair items whose YAML names their counterpart (`renamed_from`, `same_as`)."""
        old_ids = self._first_index(self.old)
        new_ids = self._first_index(self.new)
        for j, item in enumerate(self.new):
            for basis, ref in new_refs(item):
                if ref is not None and ref in old_ids and self.link(old_ids[ref], j, "explicit", None, basis):
                    break
        for i, item in enumerate(self.old):
            for basis, ref in old_refs(item):
                if ref is not None and ref in new_ids and self.link(i, new_ids[ref], "explicit", None, basis):
                    break

    def by_id(self) -> None:
        old_ids = self._first_index(self.old)
        for j in self.unmatched_new():
            i = old_ids.get(self.ident(self.new[j]))
            if i is not None:
                self.link(i, j, "id")

    def similar(
        self,
        text: Callable[[T], str],
        threshold: float,
        compatible: Callable[[T, T], bool] = lambda _old, _new: True,
        hints: Callable[[int], Iterable[int]] = lambda _new: (),
        rescore: Callable[[int, int, float], float] | None = None,
    ) -> dict[tuple[int, int], float]:
        """Scores of unpaired (old, new) candidates at or above `threshold`, not yet linked.

        `rescore(old, new, similarity)` may raise a candidate's score from other evidence (shared
        bullets, indicators); it sees every candidate, also those under the threshold.
        """
        old_left = self.unmatched_old()
        new_left = self.unmatched_new()
        if not old_left or not new_left:
            return {}
        postings: dict[str, list[int]] = defaultdict(list)
        normalised: dict[int, str] = {}
        own: dict[int, int] = {}
        for i in old_left:
            content = text(self.old[i])[:MAX_MATCH_CHARS]
            normalised[i] = sorted_words(content)
            tokens = index_tokens(content)
            own[i] = len(tokens)
            for token in tokens:
                postings[token].append(i)
        free = set(old_left)
        scored: dict[tuple[int, int], float] = {}
        for j in new_left:
            content = text(self.new[j])[:MAX_MATCH_CHARS]
            found = [p for p in map(postings.get, index_tokens(content)) if p and len(p) <= MAX_POSTING]
            rarest: list[list[int]] = heapq.nsmallest(MAX_QUERY_TOKENS, found, key=len)
            shared = Counter(itertools.chain.from_iterable(rarest))
            ranked = shared.most_common(MAX_CANDIDATES)
            floor = ranked[0][1] * MIN_SHARED_RATIO if ranked else 0.0

            # worth scoring: shares a fair part of what the best candidate shares, or half of its own words
            candidates = {i for i, count in ranked if count >= floor or count * 2 >= own[i]}
            hinted = (i for i in hints(j) if i in free and (shared[i] >= floor or shared[i] * 2 >= own[i]))
            candidates.update(itertools.islice(hinted, MAX_HINTS))
            new_text = sorted_words(content)
            for i in sorted(candidates):
                if not compatible(self.old[i], self.new[j]):
                    continue
                score = similarity(normalised[i], new_text, 0.0 if rescore else threshold)
                if rescore is not None:
                    score = rescore(i, j, score)
                if score >= threshold:
                    scored[i, j] = round(score, 1)
        return scored

    def by_scores(
        self, scores: dict[tuple[int, int], float], methods: dict[tuple[int, int], Method] | None = None
    ) -> None:
        """Link the optimal assignment of scored candidates (see `hbg_plan.analysis.diff.assign`)."""
        usable = {
            pair: score
            for pair, score in scores.items()
            if pair[0] not in self.by_old and pair[1] not in self.by_new
        }
        for i, j in assign(usable):
            self.link(i, j, (methods or {}).get((i, j), "similarity"), usable[i, j], "similarity")

    def by_similarity(
        self,
        text: Callable[[T], str],
        threshold: float,
        compatible: Callable[[T, T], bool] = lambda _old, _new: True,
        hints: Callable[[int], Iterable[int]] = lambda _new: (),
        rescore: Callable[[int, int, float], float] | None = None,
    ) -> None:
        """Pair unpaired items whose texts score at least `threshold`, by optimal assignment."""
        self.by_scores(self.similar(text, threshold, compatible, hints, rescore))

    def by_content(self, votes: Iterable[tuple[int, int]], old_size: Callable[[int], int],
                   new_size: Callable[[int], int]) -> None:  # fmt: skip
        """Pair unpaired parents by their children: `votes` are (old parent, new parent) per paired child."""
        counts: Counter[tuple[int, int]] = Counter(
            (i, j) for i, j in votes if i not in self.by_old and j not in self.by_new
        )
        for (i, j), count in sorted(counts.items(), key=lambda c: (-c[1], c[0][1], c[0][0])):
            size_old, size_new = old_size(i), new_size(j)
            if count * 2 > size_old and count * 2 > size_new:
                self.link(i, j, "content", round(100.0 * count / max(size_old, size_new), 1), "similarity")
