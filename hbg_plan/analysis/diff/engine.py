"""The differ: pair two plan versions (see `match`) and list what changed, in reading order."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Protocol

from hbg_plan.analysis.diff.bullets import (
    MAX_FUZZY_PAIRS,
    Contents,
    carried,
    extended,
    goal_score,
    pair_texts,
)
from hbg_plan.analysis.diff.changes import (
    STATED,
    Change,
    ChangeKind,
    ItemRef,
    LinkInfo,
    MatchInfo,
    PairInfo,
    PlanDiff,
    PlanInfo,
)
from hbg_plan.analysis.diff.match import (
    GOAL_THRESHOLD,
    MAX_HINTS,
    TITLE_THRESHOLD,
    Basis,
    Matching,
    Method,
    Pair,
)
from hbg_plan.analysis.diff.words import (
    Segment,
    WordBudget,
    canonical,
    same_text,
    similarity,
    sorted_words,
    word_diff,
)
from hbg_plan.core.collector import collector_paused
from hbg_plan.core.problem import Location
from hbg_plan.model.plan import FocusArea, Goal, Plan, Topic
from hbg_plan.validate.engine import registry_for

WITHIN_TOPIC_THRESHOLD = 40.0  # goals of one horizon in paired topics: a lower bar
INDICATOR_THRESHOLD = 80.0  # a removed and an added indicator this similar are one, reworded


def plan_info(plan: Plan, display: str | None = None) -> PlanInfo:
    return PlanInfo(plan.id, plan.title, plan.kind, plan.level, plan.period, display or str(plan.path))


def indicator_status(goal: Goal) -> str:
    """'present' when indicators are listed ('partial' with a "Saknas" beside them), else the absence."""
    if goal.indicators:
        return "partial" if goal.indicators_partial else "present"
    return goal.indicators_missing.kind if goal.indicators_missing else "not-stated"


class _ChangeFactory(Protocol):
    def __call__(
        self, kind: ChangeKind, old_value: str | None, new_value: str | None, where: Location, *,
        match: MatchInfo | None = None, moved_from: ItemRef | None = None, words: tuple[Segment, ...] = (),
        count: int | None = None,
    ) -> Change: ...  # fmt: skip


class _Pairing:
    """Focus areas, topics and goals of both versions, with their pairings and parent links."""

    def __init__(self, old: Plan, new: Plan) -> None:
        self.old_areas, self.new_areas = old.focus_areas, new.focus_areas
        self.old_topics, self.new_topics = list(old.topics()), list(new.topics())
        self.old_goals, self.new_goals = list(old.goals()), list(new.goals())
        self.old_topic_area = _parents([len(a.topics) for a in self.old_areas])
        self.new_topic_area = _parents([len(a.topics) for a in self.new_areas])
        self.old_goal_topic = _parents([len(t.goals) for t in self.old_topics])
        self.new_goal_topic = _parents([len(t.goals) for t in self.new_topics])
        self.old_topic_goals = _children(self.old_goal_topic, len(self.old_topics))
        self.new_topic_goals = _children(self.new_goal_topic, len(self.new_topics))
        self.old_area_topics = _children(self.old_topic_area, len(self.old_areas))
        self.new_area_topics = _children(self.new_topic_area, len(self.new_areas))

        self.topics: Matching[Topic] = Matching(self.old_topics, self.new_topics, lambda t: t.id)
        self.topics.by_explicit(_topic_new_refs, _old_refs)
        self.topics.by_id()

        self._free_goals: dict[int, list[int]] = {}
        self.old_content = Contents(self.old_goals)
        self.new_content = Contents(self.new_goals)
        self.goals: Matching[Goal] = Matching(self.old_goals, self.new_goals, lambda g: g.id)
        self.goals.by_explicit(_goal_new_refs, _old_refs)
        self.goals.by_id()
        self.goals.by_similarity(
            lambda g: g.text, GOAL_THRESHOLD, lambda o, n: o.horizon == n.horizon, self._goal_hints,
            lambda i, j, score: goal_score(self.old_content[i], self.new_content[j], score),
        )  # fmt: skip

        self.topics.by_scores(*self._topic_scores())
        self._goals_within_paired_topics()

        self._merges_and_splits()

        self.areas: Matching[FocusArea] = Matching(self.old_areas, self.new_areas, lambda a: a.id)
        self.areas.by_explicit(lambda a: (("renamed_from", a.renamed_from),), lambda a: ())
        self.areas.by_id()
        self.areas.by_content(
            ((self.old_topic_area[p.old], self.new_topic_area[p.new]) for p in self._pairs(self.topics)),
            lambda i: len(self.old_areas[i].topics),
            lambda j: len(self.new_areas[j].topics),
        )
        self.areas.by_similarity(lambda a: a.title, TITLE_THRESHOLD)

    def _topic_scores(self) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], Method]]:
        """Unpaired topics scored by title similarity and by the goals they share: the share of
        the larger topic's goals paired between the two (more than half counts)."""
        scores = self.topics.similar(lambda t: t.title, TITLE_THRESHOLD)
        methods: dict[tuple[int, int], Method] = {}
        votes: Counter[tuple[int, int]] = Counter(
            (self.old_goal_topic[p.old], self.new_goal_topic[p.new]) for p in self._pairs(self.goals)
        )
        for (i, j), count in votes.items():
            if i in self.topics.by_old or j in self.topics.by_new:
                continue
            size = max(len(self.old_topics[i].goals), len(self.new_topics[j].goals))
            if count * 2 >= size:
                share = 100.0 * count / size
                title = similarity(
                    sorted_words(self.old_topics[i].title), sorted_words(self.new_topics[j].title)
                )
                score = round(min(100.0, share + title / 10), 1)  # the title breaks ties
                if score >= scores.get((i, j), 0.0):
                    scores[i, j] = score
                    methods[i, j] = "content"
        return scores, methods

    def _merges_and_splits(self) -> None:
        """Unpaired old goals whose content went into a new goal (merged), unpaired new goals made
        of an old goal's content (split), and topics most of whose goals did either."""
        # many → one: into a new goal that continues another old one; one → many: from an old
        # goal that continues as another new one (else it is a missed pairing, not a merge).
        self.goal_merged_into = carried(
            self.old_content, self.new_content, self.goals.unmatched_old(), sorted(self.goals.by_new)
        )
        self.goal_split_from = carried(
            self.new_content, self.old_content, self.goals.unmatched_new(), sorted(self.goals.by_old)
        )
        self.topic_merged_into: dict[int, int] = {}
        for old_topic in self.topics.unmatched_old():
            goals = self.old_topic_goals[old_topic]
            went = Counter(self.new_goal_topic[n] for n in map(self._destination, goals) if n is not None)
            if went and went.most_common(1)[0][1] * 2 >= len(goals):
                self.topic_merged_into[old_topic] = went.most_common(1)[0][0]
        self.topic_split_from: dict[int, int] = {}
        for new_topic in self.topics.unmatched_new():
            goals = self.new_topic_goals[new_topic]
            came = Counter(self.old_goal_topic[o] for o in map(self._origin, goals) if o is not None)
            if came and came.most_common(1)[0][1] * 2 >= len(goals):
                self.topic_split_from[new_topic] = came.most_common(1)[0][0]

    def _destination(self, old_goal: int) -> int | None:
        partner = self.goals.partner_of_old(old_goal)
        return partner if partner is not None else self.goal_merged_into.get(old_goal)

    def _origin(self, new_goal: int) -> int | None:
        partner = self.goals.partner_of_new(new_goal)
        return partner if partner is not None else self.goal_split_from.get(new_goal)

    def _goals_within_paired_topics(self) -> None:
        """Goals still unpaired in two paired topics: the only goal of a horizon on each side is
        the same goal (as a transcriber keeping ids would say); several are paired by similarity."""
        for pair in self.topics.pairs():
            olds = [g for g in self.old_topic_goals[pair.old] if g not in self.goals.by_old]
            news = [g for g in self.new_topic_goals[pair.new] if g not in self.goals.by_new]
            for horizon in dict.fromkeys(self.old_goals[g].horizon for g in olds):
                same_old = [g for g in olds if self.old_goals[g].horizon == horizon]
                same_new = [g for g in news if self.new_goals[g].horizon == horizon]
                if len(same_old) == 1 and len(same_new) == 1:
                    i, j = same_old[0], same_new[0]
                    score = similarity(self.old_content[i].sorted, self.new_content[j].sorted)
                    self.goals.link(i, j, "topic", round(score, 1), "similarity")
                elif same_old and same_new and len(same_old) * len(same_new) <= MAX_FUZZY_PAIRS:
                    scores = {
                        (i, j): round(score, 1)
                        for i in same_old
                        for j in same_new
                        if (score := similarity(self.old_content[i].sorted, self.new_content[j].sorted))
                        >= WITHIN_TOPIC_THRESHOLD
                    }
                    self.goals.by_scores(scores)

    @staticmethod
    def _pairs(matching: Matching[Goal] | Matching[Topic]) -> list[Pair]:
        return list(matching.by_new.values())

    def _goal_hints(self, new_goal: int) -> list[int]:
        """The old topic's unpaired goals (the first `MAX_HINTS`) are candidates for a goal of the
        topic it became."""
        old_topic = self.topics.partner_of_new(self.new_goal_topic[new_goal])
        if old_topic is None:
            return []
        if old_topic not in self._free_goals:
            free = (g for g in self.old_topic_goals[old_topic] if g not in self.goals.by_old)
            self._free_goals[old_topic] = list(itertools.islice(free, MAX_HINTS))
        return self._free_goals[old_topic]


def _topic_new_refs(topic: Topic) -> tuple[tuple[Basis, str | None], ...]:
    return (("renamed_from", topic.renamed_from), ("same_as", topic.same_as))


def _goal_new_refs(goal: Goal) -> tuple[tuple[Basis, str | None], ...]:
    return (("renamed_from", goal.renamed_from), ("same_as", goal.same_as))


def _old_refs(item: Topic | Goal) -> tuple[tuple[Basis, str | None], ...]:
    return (("same_as", item.same_as),)


def _parents(sizes: list[int]) -> list[int]:
    return [parent for parent, size in enumerate(sizes) for _ in range(size)]


def _children(parents: list[int], count: int) -> list[list[int]]:
    children: list[list[int]] = [[] for _ in range(count)]
    for child, parent in enumerate(parents):
        children[parent].append(child)
    return children


def _match_info(pair: Pair | None) -> MatchInfo | None:
    return MatchInfo(pair.method, pair.score, pair.basis) if pair else None


class _Differ:
    def __init__(self, old: Plan, new: Plan) -> None:
        self.old, self.new = old, new
        self.p = _Pairing(old, new)
        self.budget = WordBudget()  # one for the whole run: word diffs stay bounded however many goals
        self.anchor = new.doc.location(["focus_areas"], key=True)

    def at(self, pointer: str) -> Location:
        return self.new.doc.at(pointer)

    # --- references -------------------------------------------------------------------
    def area_ref(self, new: int | None, old: int | None) -> ItemRef:
        old_area = self.p.old_areas[old] if old is not None else None
        if new is not None:
            area = self.p.new_areas[new]
            return ItemRef(area.id, area.title, old_area.id if old_area else None)
        assert old_area is not None
        return ItemRef(old_area.id, old_area.title, old_area.id)

    def topic_ref(self, new: int | None, old: int | None) -> ItemRef:
        old_topic = self.p.old_topics[old] if old is not None else None
        if new is not None:
            topic = self.p.new_topics[new]
            return ItemRef(topic.id, topic.title, old_topic.id if old_topic else None)
        assert old_topic is not None
        return ItemRef(old_topic.id, old_topic.title, old_topic.id)

    def goal_ref(self, new: Goal | None, old: Goal | None) -> ItemRef:
        goal = new or old
        assert goal is not None
        return ItemRef(goal.id, None, old.id if old else None, goal.horizon)

    # --- walking ----------------------------------------------------------------------
    def changes(self) -> Iterator[Change]:
        if self.old.period != self.new.period:
            yield Change(
                ChangeKind.PLAN_PERIOD, None, None, None, _period(self.old.period), _period(self.new.period),
                self.new.doc.location(["period"]), self.old.doc.location(["period"]),
            )  # fmt: skip
        for j in range(len(self.p.new_areas)):
            yield from self.new_area(j)
        for i in self.p.areas.unmatched_old():
            area = self.p.old_areas[i]
            ref = self.area_ref(None, i)
            yield Change(ChangeKind.AREA_REMOVED, ref, None, None, area.title, None, self.anchor, area.where)
            for k in self.p.old_area_topics[i]:
                if k not in self.p.topics.by_old:
                    yield from self.removed_topic(k, ref, self.anchor)

    def new_area(self, j: int) -> Iterator[Change]:
        area = self.p.new_areas[j]
        i = self.p.areas.partner_of_new(j)
        ref = self.area_ref(j, i)
        if i is None:
            yield Change(ChangeKind.AREA_ADDED, ref, None, None, None, area.title, area.where)
        else:
            old_area = self.p.old_areas[i]
            if canonical(old_area.title) != canonical(area.title):
                yield Change(
                    ChangeKind.AREA_RENAMED, ref, None, None, old_area.title, area.title,
                    self.at(area.where.pointer + "/title"), old_area.where, _match_info(self.p.areas.by_new[j]),
                )  # fmt: skip
        for k in self.p.new_area_topics[j]:
            yield from self.new_topic(k, ref)
        if i is not None:
            for k in self.p.old_area_topics[i]:
                if k not in self.p.topics.by_old:
                    yield from self.removed_topic(k, ref, area.where)

    def new_topic(self, k: int, area: ItemRef) -> Iterator[Change]:
        topic = self.p.new_topics[k]
        i = self.p.topics.partner_of_new(k)
        ref = self.topic_ref(k, i)
        if i is None:
            source = self.p.topic_split_from.get(k)
            if source is None:
                yield Change(ChangeKind.TOPIC_ADDED, area, ref, None, None, topic.title, topic.where)
            else:
                old_topic = self.p.old_topics[source]
                yield Change(
                    ChangeKind.TOPIC_SPLIT,
                    area,
                    ref,
                    None,
                    old_topic.title,
                    topic.title,
                    topic.where,
                    old_topic.where,
                )
        else:
            old_topic = self.p.old_topics[i]
            pair = self.p.topics.by_new[k]
            if canonical(old_topic.title) != canonical(topic.title):
                yield Change(
                    ChangeKind.TOPIC_RENAMED, area, ref, None, old_topic.title, topic.title,
                    self.at(topic.where.pointer + "/title"), old_topic.where, _match_info(pair),
                )  # fmt: skip
            old_area = self.p.old_topic_area[i]
            if self.p.areas.partner_of_old(old_area) != self.p.new_topic_area[k]:
                yield Change(
                    ChangeKind.TOPIC_MOVED, area, ref, None, self.p.old_areas[old_area].title, area.title,
                    topic.where, old_topic.where, _match_info(pair), moved_from=self.area_ref(None, old_area),
                )  # fmt: skip
        for g in self.p.new_topic_goals[k]:
            yield from self.new_goal(g, area, ref)
        if i is not None:
            for g in self.p.old_topic_goals[i]:
                if g not in self.p.goals.by_old:
                    yield from self.removed_goal(g, area, ref, topic.where)

    def removed_topic(self, k: int, area: ItemRef, anchor: Location) -> Iterator[Change]:
        topic = self.p.old_topics[k]
        ref = self.topic_ref(None, k)
        into = self.p.topic_merged_into.get(k)
        if into is None:
            yield Change(ChangeKind.TOPIC_REMOVED, area, ref, None, topic.title, None, anchor, topic.where)
        else:
            target = self.p.new_topics[into]
            yield Change(
                ChangeKind.TOPIC_MERGED, area, ref, None, topic.title, target.title, target.where, topic.where
            )
        for g in self.p.old_topic_goals[k]:
            if g not in self.p.goals.by_old:
                yield from self.removed_goal(g, area, ref, anchor)

    def removed_goal(self, g: int, area: ItemRef, topic: ItemRef, anchor: Location) -> Iterator[Change]:
        goal = self.p.old_goals[g]
        into = self.p.goal_merged_into.get(g)
        if into is None:
            yield Change(
                ChangeKind.GOAL_REMOVED,
                area,
                topic,
                self.goal_ref(None, goal),
                goal.text,
                None,
                anchor,
                goal.where,
            )
            return
        target = self.p.new_goals[into]
        yield Change(
            ChangeKind.GOAL_MERGED, area, topic, self.goal_ref(None, goal), goal.id, target.id,
            target.where, goal.where,
        )  # fmt: skip
        yield from self.carried_status(goal, target, area, topic)

    def carried_status(self, old: Goal, new: Goal, area: ItemRef, topic: ItemRef) -> Iterator[Change]:
        """A gap that moved with merged or split content is still a gap (or now closed)."""
        before, after = indicator_status(old), indicator_status(new)
        if before == "present":
            return
        kind = ChangeKind.GAP_CLOSED if after == "present" else ChangeKind.STILL_MISSING
        count = len(new.indicators) if after == "present" else None
        yield Change(
            kind, area, topic, ItemRef(new.id, None, old.id, new.horizon), before, after,
            self.at(new.where.pointer + "/indicators"), old.where, count=count,
        )  # fmt: skip

    def new_goal(self, g: int, area: ItemRef, topic: ItemRef) -> Iterator[Change]:
        goal = self.p.new_goals[g]
        i = self.p.goals.partner_of_new(g)
        if i is None:
            source = self.p.goal_split_from.get(g)
            if source is None:
                yield Change(
                    ChangeKind.GOAL_ADDED, area, topic, self.goal_ref(goal, None), None, goal.text, goal.where
                )
            else:
                old_goal = self.p.old_goals[source]
                yield Change(
                    ChangeKind.GOAL_SPLIT, area, topic, self.goal_ref(goal, None), old_goal.id, goal.id,
                    goal.where, old_goal.where,
                )  # fmt: skip
            return
        old = self.p.old_goals[i]
        pair = self.p.goals.by_new[g]
        ref = self.goal_ref(goal, old)
        base = goal.where.pointer

        def change(
            kind: ChangeKind, old_value: str | None, new_value: str | None, where: Location, *,
            match: MatchInfo | None = None, moved_from: ItemRef | None = None, words: tuple[Segment, ...] = (),
            count: int | None = None,
        ) -> Change:  # fmt: skip
            return Change(
                kind,
                area,
                topic,
                ref,
                old_value,
                new_value,
                where,
                old.where,
                match,
                moved_from,
                words,
                count,
            )

        if old.id != goal.id:
            yield change(ChangeKind.GOAL_RENAMED, old.id, goal.id, goal.where, match=_match_info(pair))
        old_topic = self.p.old_goal_topic[i]
        if self.p.topics.partner_of_old(old_topic) != self.p.new_goal_topic[g]:
            yield change(
                ChangeKind.GOAL_MOVED, self.p.old_topics[old_topic].title, topic.title, goal.where,
                match=_match_info(pair), moved_from=self.topic_ref(None, old_topic),
            )  # fmt: skip
        if old.goal_missing is not None and goal.goal_missing is None:
            yield change(
                ChangeKind.GOAL_STATED, "saknas", goal.text, self.at(base + "/texts"), match=_match_info(pair)
            )
        elif goal.goal_missing is not None and old.goal_missing is None:
            yield change(
                ChangeKind.GOAL_SAKNAS, old.text, "saknas", self.at(base + "/texts"), match=_match_info(pair)
            )
        elif not same_text(old.texts, goal.texts):
            yield change(
                ChangeKind.GOAL_EXTENDED if extended(old, goal) else ChangeKind.GOAL_REWORDED, old.text, goal.text, self.at(base + "/texts"),
                match=_match_info(pair), words=word_diff(old.texts, goal.texts, self.budget),
            )  # fmt: skip
        if old.period != goal.period:
            yield change(ChangeKind.GOAL_PERIOD, old.period, goal.period, self.at(base + "/period"))
        yield from self.indicators(old, goal, change)
        old_parties, new_parties = old.party_ids, goal.party_ids
        seen: set[str] = set()
        for n, entry in enumerate(goal.responsible):
            if entry.party not in old_parties and entry.party not in seen:
                seen.add(entry.party)
                yield change(
                    ChangeKind.RESPONSIBLE_ADDED, None, entry.party, self.at(f"{base}/responsible/{n}")
                )
        for party_id in old_parties:
            if party_id not in new_parties:
                yield change(ChangeKind.RESPONSIBLE_REMOVED, party_id, None, self.at(base + "/responsible"))

    def indicators(self, old: Goal, goal: Goal, change: _ChangeFactory) -> Iterator[Change]:
        base = goal.where.pointer
        before, after = indicator_status(old), indicator_status(goal)
        where = self.at(base + "/indicators")
        regression = False
        if before != "present" and (after == "present" or (before not in STATED and after in STATED)):
            yield change(ChangeKind.GAP_CLOSED, before, after, where, count=len(goal.indicators))
        elif after != "present" and (before == "present" or (before in STATED and after not in STATED)):
            regression = True
            yield change(ChangeKind.REGRESSION, before, after, where, count=len(old.indicators))
        elif before != "present":
            yield change(ChangeKind.STILL_MISSING, before, after, where)
        old_texts = {canonical(t) for t in old.indicators}
        new_texts = {canonical(t) for t in goal.indicators}
        added = [n for n, text in enumerate(goal.indicators) if canonical(text) not in old_texts]
        removed = [text for text in old.indicators if canonical(text) not in new_texts]
        reworded = dict(pair_texts(removed, [goal.indicators[n] for n in added], INDICATOR_THRESHOLD))
        paired_new = {added[k] for k in reworded.values()}
        for n, text in enumerate(goal.indicators):
            if n in paired_new:
                (k,) = (r for r, a in reworded.items() if added[a] == n)
                yield change(
                    ChangeKind.INDICATOR_REWORDED, removed[k], text, self.at(f"{base}/indicators/{n}"),
                    words=word_diff(removed[k], text, self.budget),
                )  # fmt: skip
            elif n in added:
                yield change(ChangeKind.INDICATOR_ADDED, None, text, self.at(f"{base}/indicators/{n}"))
        if after in STATED and not regression:  # a regression already says how many indicators were lost
            for k, text in enumerate(removed):
                if k not in reworded:
                    yield change(ChangeKind.INDICATOR_REMOVED, text, None, where)


def _period(period: tuple[str, str]) -> str:
    start, end = period
    return start if start == end else f"{start}-{end}"


def diff_plans(
    old: Plan, new: Plan, old_display: str | None = None, new_display: str | None = None
) -> PlanDiff:
    """Everything that changed from `old` to `new`."""
    with collector_paused():  # each full collection walks the loaded plans too
        return _diff(old, new, old_display, new_display)


def _diff(old: Plan, new: Plan, old_display: str | None, new_display: str | None) -> PlanDiff:
    differ = _Differ(old, new)
    changes = list(differ.changes())
    result = PlanDiff(plan_info(old, old_display), plan_info(new, new_display), changes)
    result.pairs, result.links = _pairs_and_links(differ.p)
    result.party_names = _party_names(old, new, changes)
    return result


def pair_plans(old: Plan, new: Plan) -> tuple[list[PairInfo], list[LinkInfo]]:
    """Only the pairing of `diff_plans` (its `pairs` and `links`), without listing the changes:
    for callers that follow items across versions (`history`), at about half the cost."""
    with collector_paused():  # each full collection walks the loaded plans too
        return _pairs_and_links(_Pairing(old, new))


def _pairs_and_links(p: _Pairing) -> tuple[list[PairInfo], list[LinkInfo]]:
    pairs: list[PairInfo] = []
    for level, matching in (("focus-area", p.areas), ("topic", p.topics), ("goal", p.goals)):
        pairs += [
            PairInfo(
                level,
                matching.old[pair.old].id,
                matching.new[pair.new].id,
                pair.method,
                pair.basis,
                pair.score,
            )
            for pair in matching.pairs()
        ]
    links: list[LinkInfo] = []
    for level, olds, news, merged, split in (
        ("topic", p.old_topics, p.new_topics, p.topic_merged_into, p.topic_split_from),
        ("goal", p.old_goals, p.new_goals, p.goal_merged_into, p.goal_split_from),
    ):
        links += [LinkInfo(level, "merged", olds[i].id, news[j].id) for i, j in sorted(merged.items())]
        links += [LinkInfo(level, "split", olds[i].id, news[j].id) for j, i in sorted(split.items())]
    return pairs, links


def diff_versions(plans: Sequence[Plan]) -> list[PlanDiff]:
    """Each consecutive pair diffed: 2015 → 2020, then 2020 → 2023."""
    return [diff_plans(old, new, old.doc.file, new.doc.file) for old, new in itertools.pairwise(plans)]


def _party_names(old: Plan, new: Plan, changes: list[Change]) -> dict[str, str]:
    """Display names of the parties that changes mention, from the plans' registries."""

    wanted = {
        c.new or c.old or ""
        for c in changes
        if c.kind in (ChangeKind.RESPONSIBLE_ADDED, ChangeKind.RESPONSIBLE_REMOVED)
    }
    names: dict[str, str] = {}
    for plan in (new, old):
        registry = registry_for(plan.path) if wanted else None
        if registry is not None:
            for party in wanted:
                if party in registry.parties:
                    names.setdefault(party, registry.name(party))
    return names
