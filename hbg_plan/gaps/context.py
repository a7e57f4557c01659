"""What a gap rule may import: the Finding it yields, the helpers that build one, the PlanSet.

A rule module (hbg_plan/gaps/rules/) imports from here, the model and the diagnostics, never the
engine that runs it (hbg_plan.gaps.engine).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hbg_plan.core.problem import Diagnostic, Location, Problem
from hbg_plan.core.text import Text
from hbg_plan.model.plan import Goal, LineRange, Plan, Topic
from hbg_plan.workspace import PlanSet


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Lines of a plan's source document, as `sources/002_….txt:91-92`."""

    file: str
    first: int
    last: int

    def __str__(self) -> str:
        lines = f"{self.first}-{self.last}" if self.first != self.last else str(self.first)
        return f"{self.file}:{lines}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding(Problem):
    """One gap a rule found: a Problem that also says which plan, focus area, topic and goal it is about.

    Titles and goal texts are carried along (verbatim, Swedish) so that writers need no plans.
    `source` is where the problem stands in the source document (e.g. the "Saknas" lines);
    `item_source` the whole goal or topic.
    """

    plan_id: str
    focus_area_id: str | None = None
    focus_area_title: str | None = None
    focus_area_number: int | None = None
    topic_id: str | None = None
    topic_title: str | None = None
    goal_id: str | None = None
    horizon: str | None = None
    period: str | None = None
    goal_texts: tuple[str, ...] = ()
    source: SourceRef | None = None
    item_source: SourceRef | None = None
    parties: tuple[str, ...] = ()
    # the goal or topic (and its source lines) stands in another plan, at `related`
    item_in_other_plan: bool = False

    def to_diagnostic(self) -> Diagnostic:
        """The finding as a validation diagnostic, its message prefixed with the goal or topic id."""
        subject = self.goal_id or self.topic_id or self.plan_id
        args = {"subject": subject, "message": Text(self.message_id, dict(self.args))}
        return Diagnostic(self.code, "gaps.subject_message", self.where, args, self.severity, self.related)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (*self.where.sort_key(), self.code)


# --- rule options -----------------------------------------------------------------------------

HORIZONS = ("short", "long", "current")  # a goal's horizon (schemas/plan.schema.json)
PLAN_KINDS = ("action-plan", "follow-up", "agreement")  # a plan's kind (schemas/plan.schema.json)

RuleOptions = Mapping[str, tuple[str, ...]]  # option name -> the values in force for one plan


@dataclass(frozen=True, slots=True)
class Option:
    """A setting a rule declares in its module's OPTIONS: a list of values among `choices`.

    Set in the configuration as `[tool.hbg-plan.options.<rule name or code>] <option> = [...]`,
    per plan under `[tool.hbg-plan.per-plan.<plan>.options.<rule>]`. What it does is the message
    `rule.<CODE>.option.<name>` in hbg_plan/i18n (English and Swedish; `hbg-plan rules`, docs/rules.md).
    """

    default: tuple[str, ...]
    choices: tuple[str, ...]


# --- building findings ------------------------------------------------------------------------

UNSET = ""  # the code of a finding a rule yields, before the engine stamps its own


def source_ref(plan: Plan, lines: LineRange | None) -> SourceRef | None:
    return SourceRef(plan.data_source_name, lines.first, lines.last) if lines else None


def goal_finding(
    message_id: str,
    plan: Plan,
    goal: Goal,
    *,
    where: Location | None = None,
    source: LineRange | None = None,
    related: Location | None = None,
    args: dict[str, Any] | None = None,
) -> Finding:
    """A finding about `goal`, located at `where` (default: the goal) and its source lines.

    The rule does not say its code or severity: the engine sets both from the code table
    (hbg_plan/core/codes.py) and the configuration."""
    topic = plan.topic(goal.topic_id)
    area = plan.focus_area(goal.focus_area_id)
    return Finding(
        code=UNSET,
        message_id=message_id,
        where=where or goal.where,
        plan_id=plan.id,
        args=args or {},
        focus_area_id=goal.focus_area_id or None,
        focus_area_title=area.title if area else None,
        focus_area_number=area.number if area else None,
        topic_id=goal.topic_id or None,
        topic_title=topic.title if topic else None,
        goal_id=goal.id,
        horizon=goal.horizon,
        period=goal.period,
        goal_texts=goal.texts,
        source=source_ref(plan, source or goal.source),
        item_source=source_ref(plan, goal.source),
        parties=goal.party_ids,
        related=related,
    )


def topic_finding(
    message_id: str,
    plan: Plan,
    where: Location,
    topic: Topic,
    topic_plan: Plan,
    args: dict[str, Any] | None = None,
) -> Finding:
    """A finding in `plan` about a topic that stands in `topic_plan` (the same plan or another);
    code and severity are set by the engine, as for `goal_finding`."""
    area = plan.focus_area(topic.focus_area_id) or topic_plan.focus_area(topic.focus_area_id)
    return Finding(
        code=UNSET,
        message_id=message_id,
        where=where,
        plan_id=plan.id,
        args=args or {},
        focus_area_id=topic.focus_area_id or None,
        focus_area_title=area.title if area else None,
        focus_area_number=area.number if area else None,
        topic_id=topic.id,
        topic_title=topic.title,
        source=source_ref(topic_plan, topic.source),
        item_source=source_ref(topic_plan, topic.source),
        related=topic.where,
        item_in_other_plan=topic_plan is not plan,
    )


__all__ = [
    "HORIZONS",
    "PLAN_KINDS",
    "UNSET",
    "Finding",
    "Option",
    "PlanSet",
    "RuleOptions",
    "SourceRef",
    "goal_finding",
    "source_ref",
    "topic_finding",
]
