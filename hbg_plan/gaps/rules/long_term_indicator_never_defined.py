"""HBG106 long-term-indicator-never-defined: a long-term goal that never had an indicator.

Follows the goal back through the versions it continues in (`replaces` links; matched by
`renamed_from`, `same_as`, id, or the topic's `renamed_from`). When it has no indicator
("Saknas" or none stated) in this version and in every earlier one, over at least two
versions, the gap is structural: each revision carried the goal forward without deciding how
to measure it.

Bad::

    # hbg-2020.yaml                                  # hbg-2023.yaml (replaces: hbg-2020)
    - id: nyanlanda.lang                             - id: nyanlanda.lang
      horizon: long                                    horizon: long
      indicators: {missing: saknas}                    indicators: {missing: saknas}

Good::

    # hbg-2023.yaml: the revision defined an indicator
    - id: nyanlanda.lang
      horizon: long
      indicators: ["Andel nyanlända i arbete eller studier efter två år."]
"""

from __future__ import annotations

from collections.abc import Iterator

from hbg_plan.gaps.context import Finding, PlanSet, goal_finding
from hbg_plan.model.plan import Plan


def check(plan: Plan, plans: PlanSet) -> Iterator[Finding]:
    for goal in plan.goals():
        if goal.horizon != "long" or goal.indicators_missing is None:
            continue
        lineage = plans.lineage(plan, goal)
        if len(lineage) >= 2 and all(g.indicators_missing is not None for _, g in lineage):
            versions = ", ".join(p.id for p, _ in reversed(lineage))
            yield goal_finding(
                "gaps.HBG106",
                plan,
                goal,
                where=goal.indicators_missing.where,
                source=goal.indicators_missing.source,
                related=lineage[-1][1].where,
                args={"count": len(lineage), "versions": versions},
            )
