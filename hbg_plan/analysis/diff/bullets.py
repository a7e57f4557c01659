"""Bullet-level evidence for pairing goals: the bullets and indicators two goals share.

A goal's texts are a list of bullets. When a new version keeps one old bullet word for word and
adds nine, whole-text similarity is low, yet the goal continued: it was extended. So besides the
similarity of the whole texts, a candidate pair of goals is scored by how much of one goal's
bullets stand in the other (`cover`), after the one normalisation every comparison uses
(`hbg_plan.analysis.diff.words.normalise`: case, quotes, dashes, soft hyphens, bullet glyphs, white space).

All work is bounded: texts are cut to `MAX_MATCH_CHARS`, at most `MAX_BULLETS` bullets of a goal
are looked at, and bullets are compared pairwise by similarity only when there are at most
`MAX_FUZZY_PAIRS` pairs left after exact containment.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from hbg_plan.analysis.diff.assign import assign
from hbg_plan.analysis.diff.match import MAX_CANDIDATES, MAX_MATCH_CHARS, MAX_POSTING, MIN_SHARED_RATIO
from hbg_plan.analysis.diff.words import normalise
from hbg_plan.model.plan import Goal

MAX_BULLETS = 50
MAX_FUZZY_PAIRS = 100
BULLET_THRESHOLD = 85.0  # two bullets this similar are one bullet, reworded
MIN_KEPT_CHARS = 40  # kept bullets shorter than this together are no evidence ("Ökad samverkan.")
EXTENDED_SCORE = 75.0  # score of a goal whose old bullets all stand in the new one: just over the bar


class GoalContent:
    """A goal's normalised bullets, whole text and indicators, computed once per diff."""

    __slots__ = ("bullets", "indicators", "sorted", "text")

    def __init__(self, goal: Goal) -> None:
        self.bullets = [b for b in (normalise(t[:MAX_MATCH_CHARS]) for t in goal.texts[:MAX_BULLETS]) if b]
        self.text = normalise(goal.text[:MAX_MATCH_CHARS])
        self.indicators = {normalise(t) for t in goal.indicators}
        self.sorted = " ".join(sorted(self.text.split()))  # what `similarity` compares


class Contents:
    """The `GoalContent` of each of `goals`, computed when first asked for: most goals are paired
    by id and never compared by content."""

    __slots__ = ("_done", "_goals")

    def __init__(self, goals: Sequence[Goal]) -> None:
        self._goals = goals
        self._done: dict[int, GoalContent] = {}

    def __getitem__(self, index: int) -> GoalContent:
        content = self._done.get(index)
        if content is None:
            content = self._done[index] = GoalContent(self._goals[index])
        return content


def kept(old: GoalContent, new: GoalContent) -> tuple[int, int]:
    """Characters of `old`'s bullets that stand in `new` (whole, or as a similar bullet), and of all."""
    from rapidfuzz import fuzz  # loads only when texts are compared

    total = covered = 0
    left = []
    for bullet in old.bullets:
        total += len(bullet)
        if bullet in new.text:
            covered += len(bullet)
        else:
            left.append(bullet)
    if left and len(left) * len(new.bullets) <= MAX_FUZZY_PAIRS:
        for bullet in left:
            if any(_close(bullet, other) and fuzz.ratio(bullet, other, score_cutoff=BULLET_THRESHOLD)
                   for other in new.bullets):  # fmt: skip
                covered += len(bullet)
    return covered, total


def _close(a: str, b: str) -> bool:
    """Lengths that allow a `fuzz.ratio` of `BULLET_THRESHOLD`: 2 × shorter / both ≥ 0.85."""
    return 200 * min(len(a), len(b)) >= BULLET_THRESHOLD * (len(a) + len(b))


def goal_score(old: GoalContent, new: GoalContent, similarity: float) -> float:
    """The pairing score of two goals: the better of whole-text similarity and bullet evidence.

    Every old bullet kept (and at least `MIN_KEPT_CHARS` of them) scores `EXTENDED_SCORE` plus a
    little for each shared indicator; the same the other way round (the new goal is all old
    text, the old one had more). Shared indicators alone never pair two goals.
    """
    score = similarity
    for a, b in ((old, new), (new, old)):
        covered, total = kept(a, b)
        if total and covered == total and covered >= MIN_KEPT_CHARS:
            score = max(score, EXTENDED_SCORE + min(5.0 * len(old.indicators & new.indicators), 20.0))
    return min(score, 100.0)


def extended(old: Goal, new: Goal) -> bool:
    """Every old bullet stands unchanged (after normalisation) among the new bullets, and there are more."""
    new_bullets = {normalise(t) for t in new.texts}
    return len(new.texts) > len(old.texts) and all(normalise(t) in new_bullets for t in old.texts)


def pair_texts(old: Sequence[str], new: Sequence[str], threshold: float) -> list[tuple[int, int]]:
    """Old and new texts (indicators, bullets) paired one to one by similarity at or above
    `threshold`, by optimal assignment; (old index, new index) pairs."""
    from rapidfuzz import fuzz  # loads only when texts are compared

    if not old or not new or len(old) * len(new) > MAX_FUZZY_PAIRS * 4:
        return []
    old_norm, new_norm = [normalise(t) for t in old], [normalise(t) for t in new]
    scores = {
        (i, j): score
        for i, a in enumerate(old_norm)
        for j, b in enumerate(new_norm)
        if (score := float(fuzz.ratio(a, b, score_cutoff=threshold)))
    }
    return assign(scores)


def carried(
    sources: Contents,
    targets: Contents,
    wanted: Sequence[int],
    allowed: Sequence[int],
) -> dict[int, int]:
    """For each source goal in `wanted`, the target goal in `allowed` holding most of its bullets
    (at least half of their characters and `MIN_KEPT_CHARS`), or all of its indicators; goals
    whose content went nowhere are left out. Candidates come from a word index, as for pairing."""
    if not wanted or not allowed:
        return {}
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for j in allowed:
        for token in set(targets[j].text.split()):
            postings[token].append(j)
    found: dict[int, int] = {}
    for i in wanted:
        shared: Counter[int] = Counter()
        for token in set(sources[i].text.split()):
            posting = postings.get(token)
            if posting is not None and len(posting) <= MAX_POSTING:
                shared.update(posting)
        best, best_share = None, 0.0
        ranked = shared.most_common(MAX_CANDIDATES)
        floor = ranked[0][1] * MIN_SHARED_RATIO if ranked else 0.0
        for j, count in ranked:
            if count < floor:
                break
            covered, total = kept(sources[i], targets[j])
            share = covered / total if total and covered >= MIN_KEPT_CHARS else 0.0
            if sources[i].indicators and sources[i].indicators <= targets[j].indicators:
                share = max(share, 0.5)
            if share >= 0.5 and share > best_share:
                best, best_share = j, share
        if best is not None:
            found[i] = best
    return found
