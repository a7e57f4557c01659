"""HBG102 indicator-not-stated: the plan gives no indicator for the goal at all.

Unlike HBG101 the document is silent: there is no "Mätbara indikatorer" heading for the goal,
so nobody has even recorded that an indicator is missing.

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

from hbg_plan.gaps.context import Finding, PlanSet, goal_finding
from hbg_plan.model.plan import Plan


def check(plan: Plan, plans: PlanSet) -> Iterator[Finding]:
    for goal in plan.goals():
        absence = goal.indicators_missing
        if absence is not None and goal.goal_missing is None and absence.kind == "not-stated":
            yield goal_finding("gaps.HBG102", plan, goal, where=absence.where)
