"""HBG104's classifier: is an indicator measurable as written? One table of patterns, in order.

An indicator is measurable when its text says what number or yes/no answer will be reported. The
patterns below are tried in order; the first that matches decides, and a text no pattern matches
is not measurable. Each row is (kind, verdict, pattern):

1. Strong evidence of a figure, whatever else the text says: a **count**, share or rate
   ("Antal", "Andel", "procent", "%", "per år", "räknar", "…tillfällen"), and **statistics**, a
   named **measurement** or a standardised **instrument** ("…statistik", "…enkät", "mäts",
   "mäter", "…mätning", "skattning", "tester", "…instrument", FIT, ASI, SUV, FUNCA). A statistic
   is a figure wherever it comes from: "Besöksstatistik." and "Nationell statistik från
   Skolverket." are both measurable.
2. **Not measurable** openings that describe an activity or stand in for an indicator: "Utvärdering
   av …", "Uppföljning av …", "Aktualisering …", "Intervjuer …", "Mäta …" (to measure something
   undefined), "… följer upp …", "Se …" (a reference elsewhere), "Bör tas fram", "Pågående …".
3. Weaker evidence: a **change** in something countable ("Fler personer …", "Återkommande ärenden
   ska minska."), a **quantity** that is itself a figure ("Skolnärvaro.", "betyg",
   "Gymnasiebehörighet.", "Dödsfall …"), a **deadline** ("senast 2022", an ISO date), and a
   **yes/no** state or completed deliverable ("Fastställt vårdprogram.", "Genomförd …",
   "färdigställt", "framtagna", "påbörjat", "upprättad", "… finns …", "… använder …", "… deltar …").

A bare year is not a measure ("… kvinnofridssatsning 2018" is measurable for "Genomförda", not
for the year); a register or publication named without its figure ("Dödsorsaksregistret.",
"Öppna jämförelser.") is not. The labelled set tests/data/indicators_labelled.yaml holds every
indicator of the bundled plans with a reader's label and reason; tests/test_indicator_classifier.py
measures the agreement (README: "HBG104's classifier").
"""

from __future__ import annotations

import re
from typing import Literal

Verdict = Literal["measurable", "not-measurable"]

_COUNTABLE = (
    r"(?:personer|person|individer|deltagare|besökare|medarbetare|anställda|brukare|klienter|patienter"
    r"|barn|elever|unga|familjer|föräldrar|ärenden|ärende|möten|utbildningar|självmord|suicid|dödsfall"
    r"|fall|dagar|kommuner|verksamheter|insatser|platser|grupper)"
)
_DIRECTION = r"(?:minska\w*|öka\w*|fler|färre|högre|lägre|halvera\w*|fördubbla\w*)"


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# (kind, verdict, pattern), tried in order; the first match decides.
TABLE: tuple[tuple[str, Verdict, re.Pattern[str]], ...] = (
    ("count", "measurable", _p(
        r"\b(?:antal\w*|andel\w*|procent\w*|kvot\w*|frekvens\w*|räknar|räknas|\w*tillfällen)\b"
        r"|%|\bper\s+(?:år|månad|vecka|dag|invånare|capita|\d)"
    )),
    ("measurement", "measurable", _p(
        r"\b(?:\w*statistik\w*|\w*enkät\w*|mäts|mäter|\w*mätning\w*|skattning\w*|skattas|tester|test"
        r"|\w*instrument\w*|intervjumetod\w*)\b|\b(?:FIT|ASI|SUV|FUNCA)\b"
    )),
    ("activity", "not-measurable", _p(
        r"^\s*(?:utvärdering|uppföljning|aktualisering|intervjuer|mäta|se|pågående)\b|^\s*bör\s+tas\s+fram"
        r"|\bföljer\s+(?:\w+\s+)?upp\b"
    )),
    ("change", "measurable", _p(
        rf"\b{_DIRECTION}\s+(?:\w+\s+)?{_COUNTABLE}\b|\b{_COUNTABLE}\s+(?:\w+\s+){{0,2}}{_DIRECTION}\b"
    )),
    ("quantity", "measurable", _p(r"\b(?:\w*närvaro|betyg\w*|skolresultat\w*|\w*behörighet|dödsfall)\b")),
    ("deadline", "measurable", _p(
        r"\b(?:senast|före|till\s+och\s+med)\s+(?:\d{1,2}\s+\w+\s+)?(?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"
        r"|\bsenast\s+(?:i\s+)?(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober"
        r"|november|december)\b"
    )),
    ("yes-no", "measurable", _p(
        r"\b(?:genomförd\w*|genomfört|fastställ\w*|framtag\w*|färdigställ\w*|färdig|färdiga|klar|klart"
        r"|införd\w*|infört|upprättad\w*|upprättat|beslutad\w*|beslutat|antagen|antaget|antagna"
        r"|certifierad\w*|certifierat|påbörjad\w*|påbörjat|tecknad\w*|tecknat|finns|används|använder"
        r"|deltar)\b"
    )),
)  # fmt: skip


def classify(text: str) -> tuple[Verdict, str | None]:
    """(verdict, kind of the deciding row); kind None when no row matches (not measurable)."""
    for kind, verdict, pattern in TABLE:
        if pattern.search(text):
            return verdict, kind
    return "not-measurable", None


def measurable_kind(text: str) -> str | None:
    """Which kind of measurable outcome the text states (count, measurement, …), or None."""
    verdict, kind = classify(text)
    return kind if verdict == "measurable" else None


def is_measurable(text: str) -> bool:
    return classify(text)[0] == "measurable"
