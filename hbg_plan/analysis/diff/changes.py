"""What a diff produces: a flat, ordered list of typed changes between two plan versions.

Reporters render these and decide nothing. Changes come in reading order: plan-level first,
then focus area by focus area in the new plan's order (removed focus areas last), topic by
topic, goal by goal, so grouping by focus area or topic is a matter of walking the list.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field

from hbg_plan.analysis.diff.words import Segment
from hbg_plan.core.problem import Location


class ChangeKind(enum.StrEnum):
    PLAN_PERIOD = "plan-period-changed"
    AREA_ADDED = "focus-area-added"
    AREA_REMOVED = "focus-area-removed"
    AREA_RENAMED = "focus-area-renamed"
    TOPIC_ADDED = "topic-added"
    TOPIC_REMOVED = "topic-removed"
    TOPIC_RENAMED = "topic-renamed"
    TOPIC_MOVED = "topic-moved"
    TOPIC_MERGED = "topic-merged"
    TOPIC_SPLIT = "topic-split"
    GOAL_ADDED = "goal-added"
    GOAL_REMOVED = "goal-removed"
    GOAL_REWORDED = "goal-reworded"
    GOAL_MOVED = "goal-moved"
    GOAL_RENAMED = "goal-renamed"
    GOAL_PERIOD = "goal-period-changed"
    GOAL_EXTENDED = "goal-extended"
    GOAL_MERGED = "goal-merged"
    GOAL_SPLIT = "goal-split"
    GOAL_STATED = "goal-stated"
    GOAL_SAKNAS = "goal-saknas"
    INDICATOR_ADDED = "indicator-added"
    INDICATOR_REMOVED = "indicator-removed"
    INDICATOR_REWORDED = "indicator-reworded"
    GAP_CLOSED = "gap-closed"
    REGRESSION = "regression"
    STILL_MISSING = "still-missing"
    RESPONSIBLE_ADDED = "responsible-added"
    RESPONSIBLE_REMOVED = "responsible-removed"

    @property
    def is_difference(self) -> bool:
        """Whether the change makes the versions differ; 'still missing' is a status, not a change."""
        return self is not ChangeKind.STILL_MISSING


# Indicator status of a goal: indicators listed (all, or some beside a "Saknas"), or the absence.
STATUSES = ("present", "partial", "saknas", "not-stated")
STATED = frozenset({"present", "partial"})


@dataclass(frozen=True, slots=True)
class ItemRef:
    """A focus area, topic or goal as the change names it (new side when it exists, else old)."""

    id: str
    title: str | None = None  # focus areas and topics
    old_id: str | None = None  # the id in the old plan, when the item exists there
    horizon: str | None = None  # goals


@dataclass(frozen=True, slots=True)
class MatchInfo:
    """How the old and new item were paired ('explicit', 'id', 'similarity', 'content'), on which
    basis ('id', 'renamed_from', 'same_as', 'similarity') and with which score (0-100)."""

    method: str
    score: float | None = None
    basis: str | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """One difference. `old`/`new` hold the values that changed (texts, titles, ids, statuses).

    `where` is in the new plan file: the changed node itself, or for something removed the
    nearest container that still exists, so CI annotations land on a line of the new file.
    """

    kind: ChangeKind
    area: ItemRef | None  # None for plan-level changes
    topic: ItemRef | None
    goal: ItemRef | None
    old: str | None
    new: str | None
    where: Location
    old_where: Location | None = None
    match: MatchInfo | None = None
    moved_from: ItemRef | None = None
    words: tuple[Segment, ...] = ()
    count: int | None = None  # indicators listed, for gap-closed and regression


@dataclass(frozen=True, slots=True)
class PlanInfo:
    id: str
    title: str
    kind: str
    level: str
    period: tuple[str, str]
    path: str

    @property
    def period_text(self) -> str:
        start, end = self.period
        return start if start == end else f"{start}-{end}"


@dataclass(frozen=True, slots=True)
class PairInfo:
    """A focus area, topic or goal of the old plan paired with one of the new plan, and why."""

    level: str  # focus-area | topic | goal
    old_id: str
    new_id: str
    method: str  # explicit | id | similarity | content
    basis: str  # id | renamed_from | same_as | similarity
    score: float | None


@dataclass(frozen=True, slots=True)
class LinkInfo:
    """An old topic or goal merged into a new one (many → one), or a new one split from an old one
    (one → many); unlike a pair, neither side is exclusive."""

    level: str  # topic | goal
    kind: str  # merged | split
    old_id: str
    new_id: str


@dataclass
class PlanDiff:
    old: PlanInfo
    new: PlanInfo
    changes: list[Change] = field(default_factory=list)
    party_names: dict[str, str] = field(default_factory=dict)
    pairs: list[PairInfo] = field(default_factory=list)
    links: list[LinkInfo] = field(default_factory=list)

    @property
    def differences(self) -> list[Change]:
        return [c for c in self.changes if c.kind.is_difference]

    @property
    def regressions(self) -> list[Change]:
        return [c for c in self.changes if c.kind is ChangeKind.REGRESSION]

    def counts(self) -> dict[ChangeKind, int]:
        """Number of changes of each kind, in the order of `ChangeKind`, kinds with none left out."""
        counted = Counter(c.kind for c in self.changes)
        return {kind: counted[kind] for kind in ChangeKind if counted[kind]}
