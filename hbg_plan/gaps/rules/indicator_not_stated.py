"""HBG102 indicator-not-stated: the plan gives no indicator for the goal at all.

Unlike HBG101 the document is silent: there is no "Mätbara indikatorer" heading for the goal,
so nobody has even recorded that an indicator is missing.

Only where the document has indicator blocks to leave out: by default not in plans of kind
`agreement` (an överenskommelse lists responsibilities and activities, not indicators) and not
for `current` goals (a "Nuläge" section describes the present state). Options `plan-kinds`
(default `["action-plan", "follow-up"]`) and `horizons` (default `["short", "long"]`) widen it. As for HBG101, the finding says
since which version the goal has had no indicator when that is more than this one.

Bad::

    - id: nya-nycklar.kort
      horizon: short
      texts: ["Fler barn och unga ska få stöd i tid."]
      indicators: {missing: not-stated}

Good::

    - id: nya-nycklar.kort
      horizon: short
      texts: ["Fler barn och unga ska få stöd i tid."]
      indicators: ["Antal barn och unga som fått stöd inom en månad."]
"""

from __future__ import annotations

from collections.abc import Iterator

from hbg_plan.gaps.context import HORIZONS, PLAN_KINDS, Finding, Option, PlanSet, RuleOptions, goal_finding
from hbg_plan.gaps.rules._lineage import missing_since
from hbg_plan.model.plan import Plan

OPTIONS = {
    "plan-kinds": Option(
        ("action-plan", "follow-up"),
        PLAN_KINDS,
    ),
    "horizons": Option(
        ("short", "long"),
        HORIZONS,
    ),
}


def check(plan: Plan, plans: PlanSet, options: RuleOptions) -> Iterator[Finding]:
    if plan.kind not in options["plan-kinds"]:
        return
    for goal in plan.goals():
        if goal.horizon not in options["horizons"]:
            continue
        absence = goal.indicators_missing
        if absence is not None and goal.goal_missing is None and absence.kind == "not-stated":
            since = missing_since(plan, goal, plans)
            message_id = "gaps.HBG102.since" if since else "gaps.HBG102"
            yield goal_finding(message_id, plan, goal, where=absence.where, args=since)
