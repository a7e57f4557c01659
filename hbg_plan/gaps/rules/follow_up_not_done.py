"""HBG108 follow-up-not-done: the latest follow-up says the goal was not carried out.

Looks at the goal's follow-up entries of the latest year reported. An entry counts as not done
when its `status` is `not-done`, or, where no status is recorded, when its text says so:
"Ej genomförd", "ej framtagna", "inte påbörjat", "har inte genomförts" and the like (ej / inte /
icke followed, within two words, by genomför-, framtag-, påbörja-, utför-, gjor-, klar-,
fastställ-, inför-, starta-, upprätta-, tillsatt-). An entry with another status (done,
partly-done, not-reported) is taken at its word.

"Not yet measured" is not "not done": an entry that says the measurement or its data is not in
yet ("Mätning för helår 2019 är inte klar i systemet", "resultatet är ännu inte tillgängligt",
"inväntar data") reports that the follow-up itself is pending, and is no finding.

Bad::

    follow_up:
      - year: 2019
        text: "Brukarrevision ej genomförd avseende SIP."
        status: not-done

Good::

    follow_up:
      - year: 2019
        text: "Brukarrevision genomförd i tre kommuner."
        status: done
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hbg_plan.gaps.context import Finding, PlanSet, goal_finding
from hbg_plan.model.plan import FollowUp, Plan

MAX_EXCERPT = 120

NOT_DONE = re.compile(
    r"\b(?:ej|inte|icke)\s+(?:\w+\s+){0,2}?"
    r"(?:genomför|framtag|påbörja|utför|gjor|klar|fastställ|inför|starta|upprätta|tillsatt)\w*",
    re.IGNORECASE,
)


_DATA = (
    r"(?:\w*mätning\w*|mätvärd\w*|data|siffr\w*|statistik\w*|resultat\w*|uppgift\w*|utfall\w*"
    r"|uppföljning\w*|sammanställning\w*|registrering\w*)"
)
NOT_YET_MEASURED = re.compile(
    rf"\b{_DATA}\b[^.]*?\b(?:(?:inte|ej)\s+(?:\w+\s+){{0,2}}?(?:klar|färdig|tillgänglig|sammanställ|inrapporter)\w*"
    rf"|(?:saknas|finns)\s+(?:ännu|än)\s+inte|ännu\s+inte)"
    r"|\binväntar\b|\binte\s+(?:klar|tillgänglig)\w*\s+i\s+systemet\b",
    re.IGNORECASE,
)


def not_yet_measured(text: str) -> bool:
    """Whether the text says the measurement or its data is not in yet (not that the goal failed)."""
    return NOT_YET_MEASURED.search(text) is not None


def not_done(entry: FollowUp) -> bool:
    if entry.status is not None:
        return entry.status == "not-done"
    return NOT_DONE.search(entry.text) is not None and not not_yet_measured(entry.text)


def check(plan: Plan, plans: PlanSet) -> Iterator[Finding]:
    for goal in plan.goals():
        if not goal.follow_up:
            continue
        latest = max(entry.year for entry in goal.follow_up)
        for entry in goal.follow_up:
            if entry.year == latest and not_done(entry):
                text = " ".join(entry.text.split())
                if len(text) > MAX_EXCERPT:
                    text = text[: MAX_EXCERPT - 1] + "…"
                yield goal_finding(
                    "gaps.HBG108",
                    plan,
                    goal,
                    where=entry.where,
                    source=entry.source,
                    args={"year": entry.year, "text": text},
                )
                break
