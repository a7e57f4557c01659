"""HBG105 stale-goal: the goal's text is carried over unchanged from the version it replaces.

Follows `replaces` links between the plans of the folder and finds the same goal in each older
version (by `renamed_from`, `same_as`, id, or the topic's `renamed_from`). When its texts are
the same after normalising case, white space, typographic quotes and dashes and a final full
stop, for two or more consecutive versions, the goal has not been revised: either it was not
followed up, or its follow-up did not lead to a new goal.

Bad::

    # hbg-2020.yaml (replaces: hbg-2015)            # hbg-2023.yaml (replaces: hbg-2020)
    - id: samsjuklighet.lang                        - id: samsjuklighet.lang
      texts: ["Kvalitativ samverkan mellan …"]        texts: ["Kvalitativ samverkan mellan …"]

Good::

    # hbg-2023.yaml: the goal was revised after the follow-up
    - id: samsjuklighet.lang
      texts: ["Alla med samsjuklighet har en SIP inom 30 dagar."]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from hbg_plan.gaps.context import Finding, PlanSet, goal_finding
from hbg_plan.model.plan import Goal, Plan
from hbg_plan.validate.provenance import TRANSLATE

_SPACE = re.compile(r"\s+")


def normalised_texts(goal: Goal) -> tuple[str, ...]:
    """The goal's texts compared as a set, ignoring case, spacing, quote/dash style and final '.'."""
    texts = (
        _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(TRANSLATE))
        .strip()
        .rstrip(".")
        .casefold()
        for text in goal.texts
    )
    return tuple(sorted(set(texts)))


def check(plan: Plan, plans: PlanSet) -> Iterator[Finding]:
    for goal in plan.goals():
        if goal.goal_missing is not None:  # a missing goal has no text to carry over (HBG110)
            continue
        lineage = plans.lineage(plan, goal)
        text = normalised_texts(goal)
        unchanged = [(plan, goal)]
        for older_plan, older_goal in lineage[1:]:
            if normalised_texts(older_goal) != text:
                break
            unchanged.append((older_plan, older_goal))
        if len(unchanged) >= 2:
            versions = ", ".join(p.id for p, _ in reversed(unchanged))
            oldest_plan, oldest_goal = unchanged[-1]
            yield goal_finding(
                "gaps.HBG105",
                plan,
                goal,
                related=oldest_goal.where,
                args={"count": len(unchanged), "versions": versions, "since": oldest_plan.id},
            )
