"""HBG101 indicator-saknas: the plan itself says the goal's indicator is missing ("Saknas").

The document admits the gap: under "Mätbara indikatorer för uppföljning" it writes "Saknas.".
The goal cannot be followed up until the responsible parties agree on an indicator. When
"Saknas." stands beside stated indicators (`["Öppna jämförelser.", {missing: saknas}]`), the
finding says the indicators are partly missing (args `partial: true`).

When the goal had no indicator in the versions before this one as well (followed through
`replaces` links), the finding says since which version (args `since`, `versions`, `count`):
one gap, one finding, with its history.

Bad::

    - id: nyanlanda.lang
      horizon: long
      texts: ["Förbättra integrationen för nyanlända i Helsingborgs stad."]
      indicators: {missing: saknas, source: {lines: [342, 343]}}

Good::

    - id: nyanlanda.lang
      horizon: long
      texts: ["Förbättra integrationen för nyanlända i Helsingborgs stad."]
      indicators: ["Antal nyanlända över 25 år som blir egenförsörjande genom arbete eller studier."]
"""

from __future__ import annotations

from collections.abc import Iterator

from hbg_plan.gaps.context import Finding, PlanSet, goal_finding
from hbg_plan.gaps.rules._lineage import missing_since
from hbg_plan.model.plan import Plan


def check(plan: Plan, plans: PlanSet) -> Iterator[Finding]:
    for goal in plan.goals():
        if goal.goal_missing is not None:  # HBG110 is the finding for a goal that is itself missing
            continue
        absence = goal.indicators_missing
        if absence is not None and absence.kind == "saknas":
            since = missing_since(plan, goal, plans)
            yield goal_finding(
                "gaps.HBG101.since" if since else "gaps.HBG101", plan, goal, where=absence.where,
                source=absence.source, args=since,
            )  # fmt: skip
        elif goal.indicators_partial is not None:
            partial = goal.indicators_partial
            yield goal_finding("gaps.HBG101.partial", plan, goal, where=partial.where, source=partial.source,
                args={"count": len(goal.indicators), "partial": True},
            )  # fmt: skip
