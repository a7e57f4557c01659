"""How long a goal's indicator has been missing: the versions it continues in without one.

Used by HBG101 and HBG102 to say, on their one finding, since which version the gap has stood
(this replaces the former rule HBG106, which reported the same gap a second time).
"""

from __future__ import annotations

from typing import Any

from hbg_plan.gaps.context import PlanSet
from hbg_plan.model.plan import Goal, Plan


def missing_since(plan: Plan, goal: Goal, plans: PlanSet) -> dict[str, Any]:
    """`since` (the oldest version), `versions` and `count` when the goal has had no indicator in
    this version and the consecutive older versions it continues in (at least two); else {}.

    The goal is followed back through `replaces` links (see `PlanSet.lineage`); a version where
    the document states indicators, or where the goal itself is missing, ends the run.
    """
    run: list[Plan] = []
    for version, older in plans.lineage(plan, goal):
        if older.indicators_missing is None or older.goal_missing is not None:
            break
        run.append(version)
    if len(run) < 2:
        return {}
    return {"since": run[-1].id, "versions": ", ".join(p.id for p in reversed(run)), "count": len(run)}
