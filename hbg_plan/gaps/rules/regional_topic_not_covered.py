"""HBG107 regional-topic-not-covered: a topic of the regional plan the local plan does not answer.

For each plan listed in `based_on` (found among the plans of the folder), every topic must have
a counterpart in this plan, found by the same matcher as `hbg-plan diff` (hbg_plan.analysis.diff):
a topic linked by `same_as` or `renamed_from`, with the same id, with a similar title or the same
goals, or one the regional topic was merged into. A regional topic without one is something the
region asks for that the local plan is silent about. Plans named in `based_on` that are not in the folder are skipped
(`hbg-plan validate` warns about them).

Bad::

    # skane-2019.yaml                   # hbg-2020.yaml (based_on: [skane-2019])
    topics:                             topics:
      - id: suicidprevention              - id: andts
      - id: andts

Good::

    # hbg-2020.yaml (based_on: [skane-2019])
    topics:
      - id: suicidprevention
      - id: alkohol-och-droger
        same_as: andts
"""

from __future__ import annotations

from collections.abc import Iterator

from hbg_plan.analysis.diff import pair_plans
from hbg_plan.gaps.context import Finding, PlanSet, topic_finding
from hbg_plan.model.plan import Plan


def check(plan: Plan, plans: PlanSet) -> Iterator[Finding]:
    for i, base_id in enumerate(plan.based_on):
        base = plans.get(base_id)
        if base is None or base.id == plan.id:
            continue
        where = plan.doc.location(["based_on", i])
        pairs, links = pair_plans(base, plan)  # the diff's pairing, without listing the changes
        covered = {pair.old_id for pair in pairs if pair.level == "topic"}
        covered |= {link.old_id for link in links if link.level == "topic" and link.kind == "merged"}
        for topic in base.topics():
            if topic.id not in covered:
                yield topic_finding(
                    "gaps.HBG107",
                    plan,
                    where,
                    topic,
                    base,
                    args={"base": base.id, "topic": topic.id, "title": topic.title},
                )
