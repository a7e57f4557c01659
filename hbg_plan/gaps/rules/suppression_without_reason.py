"""HBG109 suppression-without-reason: a goal silences a rule without saying why.

A suppression is a decision the joint group must be able to review; without a reason it is
just a hidden gap. The suppression still applies, but this finding cannot itself be silenced
by a goal (only by configuration).

Bad::

    ignore:
      - {code: HBG101}

Good::

    ignore:
      - {code: HBG101, reason: "Indikator beslutas av lokalt samråd i mars."}
"""

from __future__ import annotations

from collections.abc import Iterator

from hbg_plan.gaps.context import Finding, PlanSet, goal_finding
from hbg_plan.model.plan import Plan


def check(plan: Plan, plans: PlanSet) -> Iterator[Finding]:
    for goal in plan.goals():
        for suppression in goal.suppressions:
            if not (suppression.reason or "").strip():
                yield goal_finding(
                    "gaps.HBG109",
                    plan,
                    goal,
                    where=suppression.where,
                    args={"code": suppression.code},
                )
