"""HBG103 no-responsible-party: no text of the goal names who is responsible for it.

A goal nobody owns is a goal nobody reports on. The transcription records a party only when a
goal sentence names it as the subject or in an "Ansvarig är …" line. A party recorded only as
`basis: supported-by` ("med stöd av lokalt samråd") supports others and is not responsible, so a
goal naming nobody else is still a finding.

Bad::

    - id: aldre.kort
      texts: ["Utbildning av instruktörer och medarbetare."]
      responsible: {missing: not-stated}

Good::

    - id: aldre.kort
      texts: ["Vård- och omsorgsförvaltningen utbildar instruktörer och medarbetare."]
      responsible:
        - {party: vof, basis: subject, quote: "Vård- och omsorgsförvaltningen"}
"""

from __future__ import annotations

from collections.abc import Iterator

from hbg_plan.gaps.context import Finding, PlanSet, goal_finding
from hbg_plan.model.plan import Plan


def check(plan: Plan, plans: PlanSet) -> Iterator[Finding]:
    for goal in plan.goals():
        if goal.goal_missing is not None:  # HBG110 is the finding for a goal that is itself missing
            continue
        absence = goal.responsible_missing
        if absence is not None:
            yield goal_finding("gaps.HBG103", plan, goal, where=absence.where)
        elif not goal.party_ids:  # only parties "med stöd av" whom the goal is carried out
            where = plan.doc.at(goal.where.pointer + "/responsible")
            yield goal_finding("gaps.HBG103", plan, goal, where=where)
