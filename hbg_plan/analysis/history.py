"""The history of one topic through every plan that has it, oldest first, in both directions.

A plan has the topic when one of its topics has that id, or names it in `same_as` or
`renamed_from`. From there the lineage is followed both ways, to a fixed point:

- by name: every topic of any plan that has, or names in `same_as` / `renamed_from`, the id or a
  name of a topic already in the lineage (so asking for the new name of a renamed topic finds the
  old one, and the other way round);
- by diff: between a plan and the plan that `replaces` it, the topics `diff_plans` pairs (by id,
  explicit link or content), an old topic merged into a new one and a new topic split from an
  old one (see `hbg_plan.analysis.diff`). So a topic merged into another has the same history
  whichever of them is asked for.

For each version whose plan has a successor among the plans, `next` says what became of the
topic there: continued (under which id), merged into another topic, split, or removed — the
version in which a topic ended. Plans are ordered by period (start, then end), regional before
local in the same year, because a local plan builds on the regional one; topics of one plan in
their order in the plan.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from hbg_plan.analysis.diff.changes import LinkInfo, PairInfo, PlanInfo
from hbg_plan.analysis.diff.engine import indicator_status, pair_plans, plan_info
from hbg_plan.analysis.diff.words import normalise
from hbg_plan.core.problem import Location
from hbg_plan.model.plan import Plan, Topic
from hbg_plan.validate.engine import registry_for

MAX_SUGGESTIONS = 8


@dataclass(frozen=True, slots=True)
class FollowUpState:
    year: int
    status: str | None
    text: str
    where: Location


@dataclass(frozen=True, slots=True)
class GoalState:
    id: str
    key: str  # horizon plus ordinal within the topic ('short', 'long', 'short-2'): rows of the status table
    horizon: str
    period: str | None
    texts: tuple[str, ...]
    indicators: tuple[str, ...]
    status: str  # present | saknas | not-stated
    responsible: tuple[str, ...]
    follow_up: tuple[FollowUpState, ...]
    where: Location


@dataclass(frozen=True, slots=True)
class Next:
    """What became of a topic in the next version of its plan (the plan that `replaces` it)."""

    kind: str  # continued | merged | split | removed
    plan: PlanInfo
    topic_id: str | None = None  # the topic it continued as, merged into or split into
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Version:
    plan: PlanInfo
    topic_id: str
    title: str
    matched_by: str  # id | same_as | renamed_from: names the topic asked for; lineage: found through another
    area_id: str
    area_title: str
    where: Location
    goals: tuple[GoalState, ...]
    next: tuple[Next, ...] = ()  # empty when the plan has no successor among the plans

    @property
    def ended(self) -> Next | None:
        """The first of `next` when the topic did not continue: removed, merged or split up."""
        if self.next and not any(n.kind == "continued" for n in self.next):
            return self.next[0]
        return None


@dataclass
class TopicHistory:
    topic: str
    versions: list[Version]
    party_names: dict[str, str] = field(default_factory=dict)

    @property
    def plan_count(self) -> int:
        return len({v.plan.id for v in self.versions})

    def column(self, version: Version) -> str:
        """The version's column in the status table: its plan id, or 'plan:topic' when the plan
        has several topics in this history (a merge)."""
        shared = sum(1 for v in self.versions if v.plan.id == version.plan.id) > 1
        return f"{version.plan.id}:{version.topic_id}" if shared else version.plan.id

    def goal_keys(self) -> list[str]:
        """Status-table rows: every goal key seen, short before long before current."""
        order = {"short": 0, "long": 1, "current": 2}
        seen = {g.key: g.horizon for v in self.versions for g in v.goals}
        return sorted(seen, key=lambda k: (order.get(seen[k], 3), k))

    def status(self, key: str, version: Version) -> str | None:
        """The indicator status of the goal with `key` in `version`, None when it has no such goal."""
        return next((g.status for g in version.goals if g.key == key), None)


def _matched_by(topic: Topic, wanted: str) -> str | None:
    if topic.id == wanted:
        return "id"
    if topic.same_as == wanted:
        return "same_as"
    if topic.renamed_from == wanted:
        return "renamed_from"
    return None


def _goal_states(topic: Topic) -> tuple[GoalState, ...]:
    ordinal: Counter[str] = Counter()
    states = []
    for goal in topic.goals:
        ordinal[goal.horizon] += 1
        n = ordinal[goal.horizon]
        states.append(
            GoalState(
                goal.id,
                goal.horizon if n == 1 else f"{goal.horizon}-{n}",
                goal.horizon,
                goal.period,
                goal.texts,
                goal.indicators,
                indicator_status(goal),
                goal.party_ids,
                tuple(FollowUpState(f.year, f.status, f.text, f.where) for f in goal.follow_up),
                goal.where,
            )
        )
    return tuple(states)


def _order(plan: Plan) -> tuple[str, str, int, str]:
    return (plan.period[0], plan.period[1], 0 if plan.level == "regional" else 1, plan.id)


def _names(topic: Topic) -> set[str]:
    return {name for name in (topic.id, topic.same_as, topic.renamed_from) if name}


Node = tuple[int, int]  # (plan, topic) indices


class _Lineage:
    """Topics of all plans linked by name and by the diff of each plan with its successor."""

    def __init__(self, plans: Sequence[Plan]) -> None:
        self.plans = plans
        self.topics = [list(plan.topics()) for plan in plans]
        self.by_name: dict[str, list[Node]] = {}
        for p, topics in enumerate(self.topics):
            for t, topic in enumerate(topics):
                for name in _names(topic):
                    self.by_name.setdefault(name, []).append((p, t))
        first = {plan.id: p for p, plan in reversed(list(enumerate(plans)))}
        self.predecessor = {p: first[plan.replaces] for p, plan in enumerate(plans)
                            if plan.replaces in first and first[plan.replaces] != p}  # fmt: skip
        self.successor: dict[int, int] = {}
        for p, q in sorted(self.predecessor.items()):
            self.successor.setdefault(q, p)
        self._diffs: dict[tuple[int, int], tuple[list[PairInfo], list[LinkInfo]]] = {}
        self._index = [{topic.id: t for t, topic in reversed(list(enumerate(ts)))} for ts in self.topics]

    def diff(self, old: int, new: int) -> tuple[list[PairInfo], list[LinkInfo]]:
        """The pairs and links of `diff_plans(old, new)`, computed once."""
        if (old, new) not in self._diffs:
            self._diffs[old, new] = pair_plans(self.plans[old], self.plans[new])
        return self._diffs[old, new]

    def node(self, p: int, topic_id: str) -> Node | None:
        t = self._index[p].get(topic_id)
        return None if t is None else (p, t)

    def forward(self, node: Node) -> list[tuple[str, Node]]:
        """(kind, node) of what the topic became in the successor plan: continued, merged, split."""
        p, t = node
        q = self.successor.get(p)
        if q is None:
            return []
        (pairs, links), topic_id = self.diff(p, q), self.topics[p][t].id
        found = [("continued", r.new_id) for r in pairs if r.level == "topic" and r.old_id == topic_id]
        found += [(r.kind, r.new_id) for r in links if r.level == "topic" and r.old_id == topic_id]
        return [(kind, n) for kind, new_id in found if (n := self.node(q, new_id)) is not None]

    def backward(self, node: Node) -> list[Node]:
        p, t = node
        q = self.predecessor.get(p)
        if q is None:
            return []
        (pairs, links), topic_id = self.diff(q, p), self.topics[p][t].id
        old_ids = [r.old_id for r in pairs if r.level == "topic" and r.new_id == topic_id]
        old_ids += [r.old_id for r in links if r.level == "topic" and r.new_id == topic_id]
        return [n for old_id in old_ids if (n := self.node(q, old_id)) is not None]

    def component(self, wanted: str) -> list[Node]:
        """Every topic linked to one that has or names `wanted`, in plan order then topic order."""
        seen: set[Node] = set()
        stack = list(self.by_name.get(wanted, []))
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            p, t = node
            for name in _names(self.topics[p][t]):
                stack += self.by_name[name]
            stack += [n for _, n in self.forward(node)]
            stack += self.backward(node)
        return sorted(seen)

    def next(self, node: Node, info: Callable[[int], PlanInfo]) -> tuple[Next, ...]:
        p, _ = node
        q = self.successor.get(p)
        if q is None:
            return ()
        found = [
            Next(kind, info(q), self.topics[q][n].id, self.topics[q][n].title)
            for kind, (_, n) in self.forward(node)
        ]
        return tuple(found) or (Next("removed", info(q)),)


def topic_history(plans: Sequence[tuple[Plan, str]], topic_id: str) -> TopicHistory:
    """The versions of `topic_id` in `plans` ((plan, display path) pairs), oldest first, with every
    topic linked to it by name, by a pairing, a merge or a split (see the module docstring)."""
    ordered = sorted(plans, key=lambda p: _order(p[0]))
    lineage = _Lineage([plan for plan, _ in ordered])
    infos: dict[int, PlanInfo] = {}

    def info(p: int) -> PlanInfo:
        if p not in infos:
            infos[p] = plan_info(*ordered[p])
        return infos[p]

    nodes = lineage.component(topic_id)
    versions: list[Version] = []
    for p, t in nodes:
        plan = ordered[p][0]
        topic = lineage.topics[p][t]
        area = next(a for a in plan.focus_areas if any(x is topic for x in a.topics))
        versions.append(
            Version(
                info(p), topic.id, topic.title, _matched_by(topic, topic_id) or "lineage",
                area.id, area.title, topic.where, _goal_states(topic), lineage.next((p, t), info),
            )
        )  # fmt: skip
    history = TopicHistory(topic_id, versions)
    history.party_names = _party_names(sorted({p for p, _ in nodes}), lineage, history)
    return history


def _party_names(indices: list[int], lineage: _Lineage, history: TopicHistory) -> dict[str, str]:
    wanted = {p for v in history.versions for g in v.goals for p in g.responsible}
    names: dict[str, str] = {}
    for plan in (lineage.plans[i] for i in indices):
        registry = registry_for(plan.path)
        if registry is not None:
            names.update({p: registry.name(p) for p in wanted if p in registry.parties and p not in names})
    return names


def close_topics(plans: Sequence[Plan], topic_id: str) -> tuple[list[str], list[str]]:
    """Topic ids resembling `topic_id` (by id or title), and all topic ids, for an error message."""
    titles: dict[str, set[str]] = {}
    for plan in plans:
        for topic in plan.topics():
            titles.setdefault(topic.id, set()).add(normalise(topic.title))
    wanted = normalise(topic_id)
    close = difflib.get_close_matches(topic_id, list(titles), n=MAX_SUGGESTIONS, cutoff=0.6)
    for tid, names in sorted(titles.items()):
        if len(close) >= MAX_SUGGESTIONS:
            break
        if tid not in close and wanted and (wanted in tid or any(wanted in name for name in names)):
            close.append(tid)
    return close, sorted(titles)
