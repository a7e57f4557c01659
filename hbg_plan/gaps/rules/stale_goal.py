"""HBG105 stale-goal: a short-term goal or activity carried over unchanged from the version it replaces.

A short-term goal ("Kortsiktiga mål och aktiviteter") is meant to be done within the plan's
period and replaced by the next step; the same text in the next version means it was not
followed up, or its follow-up led nowhere. Long-term goals are expected to stay the same across
versions, so by default they are not checked (option `horizons`, default `["short"]`).

Follows `replaces` links between the plans of the folder and finds the same goal in each older
version (by `renamed_from`, `same_as`, id, or the topic's `renamed_from`). When its texts are
the same after normalising case, white space, typographic quotes and dashes and a final full
stop, for two or more consecutive versions, the goal has not been revised. When only some of
its texts (the bullets: one activity each) stand unchanged in the version before, the finding
names how many of them were carried over and quotes the first.

Bad::

    # hbg-2020.yaml (replaces: hbg-2015)            # hbg-2023.yaml (replaces: hbg-2020)
    - id: sip.kort                                  - id: sip.kort
      horizon: short                                  horizon: short
      texts: ["Utbildning i SIP för chefer."]         texts: ["Utbildning i SIP för chefer."]

Good::

    # hbg-2023.yaml: the activity was followed up and the next step planned
    - id: sip.kort
      horizon: short
      texts: ["Brukarrevision av SIP i två verksamheter per år."]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from hbg_plan.gaps.context import HORIZONS, Finding, Option, PlanSet, RuleOptions, goal_finding
from hbg_plan.model.plan import Goal, Plan
from hbg_plan.validate.provenance import TRANSLATE

OPTIONS = {
    "horizons": Option(
        ("short",),
        HORIZONS,
    )
}

_SPACE = re.compile(r"\s+")
MAX_EXCERPT = 120


def normalised(text: str) -> str:
    """A text compared ignoring case, spacing, quote/dash style and a final '.'."""
    return (
        _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(TRANSLATE))
        .strip()
        .rstrip(".")
        .casefold()
    )


def normalised_texts(goal: Goal) -> tuple[str, ...]:
    """The goal's texts compared as a set (see `normalised`)."""
    return tuple(sorted({normalised(text) for text in goal.texts}))


def check(plan: Plan, plans: PlanSet, options: RuleOptions) -> Iterator[Finding]:
    horizons = options["horizons"]
    for goal in plan.goals():
        if goal.horizon not in horizons or goal.goal_missing is not None:  # missing: HBG110
            continue
        lineage = plans.lineage(plan, goal)
        if len(lineage) < 2:
            continue
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
            continue
        older_plan, older_goal = lineage[1]
        before = set(normalised_texts(older_goal))
        carried = [t for t in dict.fromkeys(goal.texts) if normalised(t) in before]
        if carried:
            first = " ".join(carried[0].split())
            yield goal_finding(
                "gaps.HBG105.activities", plan, goal, related=older_goal.where,
                args={
                    "kept": len(carried), "total": len(set(normalised_texts(goal))), "since": older_plan.id,
                    "versions": f"{older_plan.id}, {plan.id}", "count": 2,
                    "text": first if len(first) <= MAX_EXCERPT else first[: MAX_EXCERPT - 1] + "…",
                },
            )  # fmt: skip
