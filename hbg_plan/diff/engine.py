"""The differ: pair two plan versions (see `match`) and list what changed, in reading order."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Protocol

from hbg_plan.diagnostics import Location
from hbg_plan.diff.changes import Change, ChangeKind, ItemRef, MatchInfo, PlanDiff, PlanInfo
from hbg_plan.diff.match import GOAL_THRESHOLD, MAX_HINTS, TITLE_THRESHOLD, Matching, Pair
from hbg_plan.diff.text import Segment, WordBudget, canonical, same_text, word_diff
from hbg_plan.model import FocusArea, Goal, Plan, Topic


def plan_info(plan: Plan, display: str | None = None) -> PlanInfo:
    return PlanInfo(plan.id, plan.title, plan.kind, plan.level, plan.period, display or str(plan.path))


def indicator_status(goal: Goal) -> str:
    """'present' when indicators are listed, else the recorded absence ('saknas', 'not-stated')."""
    if goal.indicators:
        return "present"
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
        self.topics.by_explicit(lambda t: (t.renamed_from, t.same_as), lambda t: (t.same_as,))
        self.topics.by_id()

        self._free_goals: dict[int, list[int]] = {}
        self.goals: Matching[Goal] = Matching(self.old_goals, self.new_goals, lambda g: g.id)
        self.goals.by_explicit(lambda g: (g.renamed_from, g.same_as), lambda g: (g.same_as,))
        self.goals.by_id()
        self.goals.by_similarity(
            lambda g: g.text, GOAL_THRESHOLD, lambda o, n: o.horizon == n.horizon, self._goal_hints
        )

        self.topics.by_content(
            ((self.old_goal_topic[p.old], self.new_goal_topic[p.new]) for p in self._pairs(self.goals)),
            lambda i: len(self.old_topics[i].goals),
            lambda j: len(self.new_topics[j].goals),
        )
        self.topics.by_similarity(lambda t: t.title, TITLE_THRESHOLD)

        self.areas: Matching[FocusArea] = Matching(self.old_areas, self.new_areas, lambda a: a.id)
        self.areas.by_explicit(lambda a: (a.renamed_from,), lambda a: ())
        self.areas.by_id()
        self.areas.by_content(
            ((self.old_topic_area[p.old], self.new_topic_area[p.new]) for p in self._pairs(self.topics)),
            lambda i: len(self.old_areas[i].topics),
            lambda j: len(self.new_areas[j].topics),
        )
        self.areas.by_similarity(lambda a: a.title, TITLE_THRESHOLD)

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


def _parents(sizes: list[int]) -> list[int]:
    return [parent for parent, size in enumerate(sizes) for _ in range(size)]


def _children(parents: list[int], count: int) -> list[list[int]]:
    children: list[list[int]] = [[] for _ in range(count)]
    for child, parent in enumerate(parents):
        children[parent].append(child)
    return children


def _match_info(pair: Pair | None) -> MatchInfo | None:
    return MatchInfo(pair.method, pair.score) if pair else None


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
            if old_area.title != area.title or old_area.id != area.id:
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
            yield Change(ChangeKind.TOPIC_ADDED, area, ref, None, None, topic.title, topic.where)
        else:
            old_topic = self.p.old_topics[i]
            pair = self.p.topics.by_new[k]
            if old_topic.title != topic.title or old_topic.id != topic.id:
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
        yield Change(ChangeKind.TOPIC_REMOVED, area, ref, None, topic.title, None, anchor, topic.where)
        for g in self.p.old_topic_goals[k]:
            if g not in self.p.goals.by_old:
                yield from self.removed_goal(g, area, ref, anchor)

    def removed_goal(self, g: int, area: ItemRef, topic: ItemRef, anchor: Location) -> Iterator[Change]:
        goal = self.p.old_goals[g]
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

    def new_goal(self, g: int, area: ItemRef, topic: ItemRef) -> Iterator[Change]:
        goal = self.p.new_goals[g]
        i = self.p.goals.partner_of_new(g)
        if i is None:
            yield Change(
                ChangeKind.GOAL_ADDED, area, topic, self.goal_ref(goal, None), None, goal.text, goal.where
            )
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
        if not same_text(old.texts, goal.texts):
            yield change(
                ChangeKind.GOAL_REWORDED, old.text, goal.text, self.at(base + "/texts"),
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
        if before != "present" and after == "present":
            yield change(ChangeKind.GAP_CLOSED, before, after, where, count=len(goal.indicators))
        elif before == "present" and after != "present":
            yield change(ChangeKind.REGRESSION, before, after, where, count=len(old.indicators))
        elif before != "present":
            yield change(ChangeKind.STILL_MISSING, before, after, where)
        old_texts = {canonical(t) for t in old.indicators}
        new_texts = {canonical(t) for t in goal.indicators}
        for n, text in enumerate(goal.indicators):
            if canonical(text) not in old_texts:
                yield change(ChangeKind.INDICATOR_ADDED, None, text, self.at(f"{base}/indicators/{n}"))
        for text in old.indicators:
            if canonical(text) not in new_texts:
                yield change(ChangeKind.INDICATOR_REMOVED, text, None, where)


def _period(period: tuple[str, str]) -> str:
    start, end = period
    return start if start == end else f"{start}-{end}"


def diff_plans(
    old: Plan, new: Plan, old_display: str | None = None, new_display: str | None = None
) -> PlanDiff:
    """Everything that changed from `old` to `new`."""
    changes = list(_Differ(old, new).changes())
    result = PlanDiff(plan_info(old, old_display), plan_info(new, new_display), changes)
    result.party_names = _party_names(old, new, changes)
    return result


def diff_versions(plans: Sequence[Plan]) -> list[PlanDiff]:
    """Each consecutive pair diffed: 2015 → 2020, then 2020 → 2023."""
    return [diff_plans(old, new, old.doc.file, new.doc.file) for old, new in itertools.pairwise(plans)]


def _party_names(old: Plan, new: Plan, changes: list[Change]) -> dict[str, str]:
    """Display names of the parties that changes mention, from the plans' registries."""
    from hbg_plan.validate import registry_for

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
