"""The history of one topic through every plan that has it, oldest first.

A plan has the topic when one of its topics has that id, or names it in `same_as` or
`renamed_from`. Plans are ordered by period (start, then end), regional before local in the same
year, because a local plan builds on the regional one.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from hbg_plan.analysis.diff.changes import PlanInfo
from hbg_plan.analysis.diff.engine import indicator_status, plan_info
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
class Version:
    plan: PlanInfo
    topic_id: str
    title: str
    matched_by: str  # id | same_as | renamed_from
    area_id: str
    area_title: str
    where: Location
    goals: tuple[GoalState, ...]


@dataclass
class TopicHistory:
    topic: str
    versions: list[Version]
    party_names: dict[str, str] = field(default_factory=dict)

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


def topic_history(plans: Sequence[tuple[Plan, str]], topic_id: str) -> TopicHistory:
    """The versions of `topic_id` in `plans` ((plan, display path) pairs), oldest first."""
    versions: list[Version] = []
    plans_with_topic: list[Plan] = []
    for plan, display in sorted(plans, key=lambda p: _order(p[0])):
        for area in plan.focus_areas:
            topic = next((t for t in area.topics if _matched_by(t, topic_id)), None)
            if topic is None:
                continue
            versions.append(
                Version(
                    plan_info(plan, display), topic.id, topic.title, _matched_by(topic, topic_id) or "id",
                    area.id, area.title, topic.where, _goal_states(topic),
                )
            )  # fmt: skip
            plans_with_topic.append(plan)
            break
    history = TopicHistory(topic_id, versions)
    history.party_names = _party_names(plans_with_topic, history)
    return history


def _party_names(plans: list[Plan], history: TopicHistory) -> dict[str, str]:
    wanted = {p for v in history.versions for g in v.goals for p in g.responsible}
    names: dict[str, str] = {}
    for plan in plans:
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
