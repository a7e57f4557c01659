"""HBG110 goal-saknas: the document writes "Saknas" where the goal itself should stand.

Under "Långsiktiga mål" (or "Kortsiktiga mål och aktiviteter") the document prints "Saknas.":
there is no goal to follow up, own or measure. This is the one finding for such a goal;
HBG101, HBG102 and HBG103 do not fire on it as well, since they presuppose a goal.

Bad::

    - id: lss-personkrets-1.lang
      horizon: long
      texts: {missing: saknas, source: {lines: [518, 518]}}
      indicators: {missing: saknas, source: {lines: [520, 521]}}
      responsible: {missing: not-stated}

Good::

    - id: lss-personkrets-1.lang
      horizon: long
      texts: ["Skapa ett långsiktigt, strukturerat och systematiskt kvalitetsarbete …"]
      indicators: ["Antal verksamheter som följer de regionala riktlinjerna."]
      responsible:
        - {party: vof, basis: subject, quote: "vård- och omsorgsförvaltningen"}
"""

from __future__ import annotations

from collections.abc import Iterator

from hbg_plan.gaps.context import Finding, PlanSet, goal_finding
from hbg_plan.model.plan import Plan


def check(plan: Plan, plans: PlanSet) -> Iterator[Finding]:
    for goal in plan.goals():
        absence = goal.goal_missing
        if absence is not None:
            yield goal_finding("gaps.HBG110", plan, goal, where=absence.where, source=absence.source,
                args={"horizon": goal.horizon},
            )  # fmt: skip
