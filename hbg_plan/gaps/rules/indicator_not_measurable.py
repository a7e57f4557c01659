"""HBG104 indicator-not-measurable: a stated indicator that names no measurable outcome.

An indicator is measurable as written when its text states one of:

- a count, share or rate: "Antal", "Antalet", "Andel", "Andelen", "procent", "%", "per år",
  "kvot", "frekvens", "räknar", or a statistic of something named ("Besöksstatistik");
- a change in something countable: "minska"/"öka"/"fler"/"färre" next to a countable noun
  ("Fler personer …", "Återkommande ärenden ska minska.");
- a measurement or rating: "mäts", "mäter", "…mätning", "skattning", "skattas";
- a date: a year (2022), an ISO date, a month name, "datum", "senast", "kvartal";
- a yes/no outcome: a completion or state ("Fastställt vårdprogram.", "Genomförd …",
  "framtagna", "färdigställt", "upprättad", "införd", "påbörjat", "… finns …", "… använder …",
  "… deltar …").

Otherwise it is flagged, as a warning: it names an activity ("Utvärdering av utbildningarna."),
a data source ("Dödsorsaksregistret.", "Öppna Jämförelser.") or a topic ("Skolnärvaro.")
without saying what number or yes/no answer will be reported.

It is a word heuristic, tested on the real indicators (tests/test_rules_measurable.py). Known
false positives (flagged, though a reader knows the figure): bare metric names such as
"Skolnärvaro.", "Gymnasiebehörighet.", "Dödsfall i behandlingsbara sjukdomar.". Known false
negatives (passed, though vague): a named measurement series ("trygghetsmätning av polisen"),
and a yes/no word that qualifies an activity ("Utvärdering av genomförd SIP-utbildning.").
Suppress a false positive on the goal with a reason.

Bad::

    indicators:
      - "Utvärdering av utbildningarna."

Good::

    indicators:
      - "Antal medarbetare som gått utbildningarna."
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hbg_plan.gaps.context import Finding, PlanSet, goal_finding
from hbg_plan.model.plan import Plan

_COUNTABLE = (
    r"(?:personer|person|individer|deltagare|besökare|medarbetare|anställda|brukare|klienter|patienter"
    r"|barn|elever|unga|familjer|föräldrar|ärenden|ärende|möten|utbildningar|självmord|suicid|dödsfall"
    r"|fall|dagar|kommuner|verksamheter|insatser|platser|grupper)"
)
_DIRECTION = r"(?:minska\w*|öka\w*|fler|färre|högre|lägre|halvera\w*|fördubbla\w*)"

PATTERNS: dict[str, re.Pattern[str]] = {
    "count": re.compile(
        r"\b(?:antal\w*|andel\w*|procent\w*|kvot\w*|frekvens\w*|räknar|räknas|\w+statistik\w*)\b"
        r"|%|\bper\s+(?:år|månad|vecka|dag|invånare|capita|\d)",
        re.IGNORECASE,
    ),
    "change": re.compile(
        rf"\b{_DIRECTION}\s+(?:\w+\s+)?{_COUNTABLE}\b|\b{_COUNTABLE}\s+(?:\w+\s+){{0,2}}{_DIRECTION}\b",
        re.IGNORECASE,
    ),
    "measurement": re.compile(r"\b(?:mäts|mäter|\w*mätning\w*|skattning\w*|skattas)\b", re.IGNORECASE),
    "date": re.compile(
        r"\b(?:19|20)\d{2}\b|\b(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober"
        r"|november|december|datum|senast|kvartal\w*)\b",
        re.IGNORECASE,
    ),
    "yes-no": re.compile(
        r"\b(?:genomförd\w*|genomfört|fastställ\w*|framtag\w*|färdigställ\w*|färdig|färdiga|klar|klart"
        r"|införd\w*|infört|upprättad\w*|upprättat|beslutad\w*|beslutat|antagen|antaget|antagna"
        r"|certifierad\w*|certifierat|påbörjad\w*|påbörjat|tecknad\w*|tecknat|finns|används|använder"
        r"|deltar)\b",
        re.IGNORECASE,
    ),
}


def measurable_kind(text: str) -> str | None:
    """Which kind of measurable outcome the text states (count, change, …), or None."""
    for kind, pattern in PATTERNS.items():
        if pattern.search(text):
            return kind
    return None


def is_measurable(text: str) -> bool:
    return measurable_kind(text) is not None


def check(plan: Plan, plans: PlanSet) -> Iterator[Finding]:
    for goal in plan.goals():
        for i, indicator in enumerate(goal.indicators):
            if not is_measurable(indicator):
                where = plan.doc.at(f"{goal.where.pointer}/indicators/{i}")
                yield goal_finding("gaps.HBG104", plan, goal, where=where, args={"indicator": indicator})
