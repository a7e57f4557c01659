"""HBG104 indicator-not-measurable: a stated indicator that names no measurable outcome.

An indicator is measurable as written when it says what number or yes/no answer will be
reported: a count, share or rate; statistics, a named measurement or a standardised instrument;
a change in something countable; a quantity that is itself a figure (attendance, grades,
eligibility, deaths); a deadline; or a yes/no state or completed deliverable. It is flagged, as a
warning, when it names an activity ("Utvärdering av utbildningarna."), a register or publication
without its figure ("Dödsorsaksregistret.", "Öppna jämförelser."), a reference elsewhere, a
placeholder ("Bör tas fram.") or an undefined quality. A bare year is not a measure.

The classifier is one ordered table of patterns (hbg_plan/gaps/rules/_measurable.py, documented
there). Every indicator of the bundled plans is labelled by a reader in
tests/data/indicators_labelled.yaml, and the README states the classifier's measured agreement
with those labels. Suppress a wrong verdict on the goal with a reason.

Bad::

    indicators:
      - "Utvärdering av utbildningarna."

Good::

    indicators:
      - "Antal medarbetare som gått utbildningarna."
"""

from __future__ import annotations

from collections.abc import Iterator

from hbg_plan.gaps.context import Finding, PlanSet, goal_finding
from hbg_plan.gaps.rules._measurable import is_measurable, measurable_kind
from hbg_plan.model.plan import Plan

__all__ = ["check", "is_measurable", "measurable_kind"]


def check(plan: Plan, plans: PlanSet) -> Iterator[Finding]:
    for goal in plan.goals():
        for i, indicator in enumerate(goal.indicators):
            if not is_measurable(indicator):
                where = plan.doc.at(f"{goal.where.pointer}/indicators/{i}")
                yield goal_finding("gaps.HBG104", plan, goal, where=where, args={"indicator": indicator})
