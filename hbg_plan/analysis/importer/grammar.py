"""The plan template as a small grammar: every pattern the importer recognises, in one table.

A municipality whose documents differ a little from the Helsingborg / Region Skåne template
adjusts this module only. `LINE_PATTERNS` classifies one source line (after its bullet glyph is
taken off); the other tables say which glyphs are bullets, which lines are page furniture, how a
party is named in Swedish and which words make a name look like an organisation.

The template (2019 regional follow-up, Helsingborg 2020 and 2023):

    Fokusområde 1. Förebyggande och främjande arbete          FOCUS
    Suicidprevention                                          topic title (a short line)
    • Kortsiktiga mål och aktiviteter 2020                    SHORT (period 2020)
      - goal and activity texts …                             bullets or paragraphs
    • Mätbara indikatorer för uppföljning                     INDICATORS
      - indicator texts …  or  Saknas.                        SAKNAS
    • Långsiktiga mål                                         LONG
      …
    Ansvarig(a) är …                                          RESPONSIBLE

The 2015 plan has numbered parts instead ("A. Nuläge", "A:1 Lokal överenskommelse") whose body is
a single goal; they are in the same table (PART, NUMBERED_TOPIC).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LinePattern:
    """One kind of line: its name, the regular expression (full match) and what it means."""

    kind: str
    pattern: re.Pattern[str]
    meaning: str


def _p(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE)


YEAR_RANGE = r"(?P<period>\d{4}(?:\s*[-–—]\s*\d{4})?)"

# Tried in order on the stripped line with its bullet glyph removed; the first full match wins.
LINE_PATTERNS: tuple[LinePattern, ...] = (
    LinePattern(
        "focus",
        _p(r"Fokusområde\s+(?P<number>\d+)\s*[.:]?\s*(?P<title>\S.*?)\s*"),
        "a focus area heading: 'Fokusområde 1. Förebyggande och främjande arbete'",
    ),
    LinePattern(
        "short",
        _p(rf"(?P<heading>Kortsiktiga\s+mål(?:\s+och\s+aktiviteter)?(?:\s+{YEAR_RANGE})?)\s*\.?"),
        "the short-term goals: 'Kortsiktiga mål och aktiviteter 2020' (period optional)",
    ),
    LinePattern(
        "long",
        _p(r"(?P<heading>Långsiktiga\s+mål(?:\s+och\s+aktiviteter)?)\s*\.?"),
        "the long-term goals: 'Långsiktiga mål'",
    ),
    LinePattern(
        "indicators",
        _p(
            r"(?P<heading>(?:Mätbara(?:\s+(?:indikatorer|grunder|mål))?(?:\s+för\s+uppföljning)?"
            r"|indikatorer\s+för\s+uppföljning))\s*[.:]?"
        ),
        "an indicator heading: 'Mätbara indikatorer för uppföljning', 'Mätbara grunder för"
        " uppföljning.', a truncated 'Mätbara' or 'indikatorer för uppföljning'",
    ),
    LinePattern(
        "saknas",
        _p(r"(?P<text>Saknas)\s*\.?"),
        "the document admits there is no indicator: 'Saknas.'",
    ),
    LinePattern(
        "responsible",
        _p(r"(?P<text>Ansvarig(?:a)?\s+(?:är|blir)\s+.+)"),
        "a responsibility statement: 'Ansvariga är socialtjänsten i Helsingborg.'",
    ),
    LinePattern(
        "signature",
        re.compile(r"(?P<text>[A-ZÅÄÖ][\w-]+,?\s+\d{4}-\d{2}-\d{2}(?!\d).*)"),
        "a place and date that sign the plan: 'Helsingborg 2015-03-01Åke Malmén Samordning psykiatri'",
    ),
    LinePattern(
        "part",
        re.compile(r"(?P<letter>[A-Z])\.\s+(?P<title>[A-ZÅÄÖ][^.]{1,60}?)\s*"),
        "a numbered part of the 2015 template: 'A. Nuläge', 'B. Utveckling/framtid'",
    ),
    LinePattern(
        "numbered_topic",
        re.compile(r"(?P<letter>[A-Z]):(?P<number>\d+)\s+(?P<title>\S.*?)\s*"),
        "a numbered topic of the 2015 template: 'A:1 Lokal överenskommelse'",
    ),
)

# A part's title decides the horizon of the single goal each of its topics holds, and the
# suffix of that goal's id ('a1-lokal-overenskommelse.nulage').
PART_HORIZONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_p(r"nuläge"), "current"),
    (_p(r"utveckling|framtid"), "short"),
)

# A dash that starts at most this many lines of a document, right after a line that stops
# mid-sentence, is part of the text ('… under tiden 2015-08-01' / '– 2015-12-31 anställt …').
DASH_GLYPHS = frozenset("-–—")
LONE_DASH_MAX = 1

# Bullet glyphs at the start of a line ('-', '•', U+F0B7 from Word's Symbol font, …), and the
# 'o' that Word prints for a second-level bullet.
BULLET = re.compile(r"^[-–•\uf0b7\uf0a7\u25aa\u25cf\u25e6\u2023\u2043*>]\s*")
SUB_BULLET = re.compile(r"^o\s+")

# Page furniture: lines skipped wherever they stand. `hbg-plan validate` skips the same URL-only
# and "Sida N av M" lines, so a text read across them still stands verbatim in its lines.
FURNITURE = (
    re.compile(r"^https?://\S+$"),
    re.compile(r"^Sida\s+\d+\s+av\s+\d+$", re.IGNORECASE),
)
# Bare page numbers ("12") are skipped too; a text is never cut across one (see text.py).
PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# A running header or footer: a short line printed identically at least this many times.
RUNNING_HEADER_REPEATS = 3
RUNNING_HEADER_MAX_CHARS = 80

# A printed link label ('Stöd för dig som anhörig | Helsingborg.se', 'SAVRY | (helsingborg.se)'):
# it belongs to the text before it and is never a heading.
LINK_LABEL = re.compile(r"\s\|(?:\s|$)")
# A topic title is the short line standing right before one of these headings.
TITLE_BEFORE = frozenset({"short", "long"})

# Proportional fonts: a line ending a sentence counts as full (wrapped) when the room left, in
# characters, is at most the next word plus this share of the line width, if the next line is a full
# one too (at least FULL_LINE of the width) that stops mid-sentence: the paragraph runs on.
WRAP_SLACK = 0.06
FULL_LINE = 0.85
# An item of a list printed without glyphs, a name and a semicolon: 'Familjehuset; erbjuder …'.
LABELLED_ITEM = re.compile(r"^[A-ZÅÄÖ][\w-]*(?:\s+[\w-]+){0,2};\s")
# A word hyphenated at the line end is joined to the next without a space, unless the next word
# shows a shortened compound ('vård- och omsorgsförvaltningen', 'våldsamt- eller').
SUSPENDED_HYPHEN = frozenset({"och", "eller", "samt", "respektive"})

# A sentence or paragraph ends with one of these.
TERMINAL = ".!?:;"
# A topic heading is short and does not end a sentence.
TITLE_MAX_CHARS = 100
TITLE_MAX_WORDS = 14
TITLE_END_FORBIDDEN = ".,;:!"

# Documents whose title starts like this are follow-ups printed in two columns: text after an
# empty line inside a goal block is the other column (yearly follow-up), not the goal's own.
FOLLOW_UP_TITLE = _p(r"^\s*Uppföljning\b")
# After the other column's text, a sentence of at most this many printed lines (no figures in it)
# that ends the indicator block is the block's own last indicator.
CLOSING_INDICATOR_MAX_LINES = 2
REGIONAL_TITLE = _p(r"länsgemensam|\bregional")

# --- parties ------------------------------------------------------------------------------
# Other ways the documents print registry names (definite forms, older spellings); the value is
# the registry name or alias it stands for.
NAME_VARIANTS: dict[str, str] = {
    "det lokala samrådet": "Lokalt samråd",
    "lokala samrådet": "Lokalt samråd",
    "lokalt samråd för psykiatri": "Lokalt samråd",
    "lokalt samråd psykiatri": "Lokalt samråd",
    "socialtjänsten i helsingborg": "Socialtjänsten i Helsingborg",
    "socialtjänsten": "Socialtjänsten i Helsingborg",
    "helsingborg stad": "Helsingborgs stad",
    "helsingborgs stad": "Helsingborgs stad",
    "skolverksamheten": "Skolverksamheten",
    "skol- och fritidsförvaltning": "Skol- och fritidsförvaltningen",
}

# Words that make a phrase look like an organisation when it is not in the registry.
ORGANISATION_WORDS = re.compile(
    r"\b\w*(?:förvaltning(?:en)?|nämnd(?:en)?|styrelse(?:n)?|myndighet(?:en)?|kommuner?|region(?:en)?"
    r"|samråd(?:et)?|styrgrupp(?:en)?|kassan|förmedlingen|inspektionen|verket)\b",
    re.IGNORECASE,
)
# Suggested registry type for an unknown organisation, by the first matching pattern.
ORGANISATION_TYPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_p(r"förvaltning"), "municipal-department"),
    (_p(r"^region\b"), "region"),
    (_p(r"kommuner\b"), "municipality-group"),
    (_p(r"kommun\b"), "municipality"),
    (_p(r"samråd|styrgrupp|samverkansgrupp"), "joint-body"),
    (_p(r"myndighet|kassan|förmedlingen|inspektionen|verket"), "state-agency"),
)
# Separators between the names of an "Ansvariga är …" line.
RESPONSIBLE_SEPARATORS = re.compile(
    r"\s*(?:,|\bsamt\b|\boch\b|\bi samverkan med\b|\btillsammans med\b)\s*", re.IGNORECASE
)
# '… med stöd av lokalt samråd': the parties after it support those responsible (basis supported-by).
SUPPORT_SEPARATOR = re.compile(r"\s*\bmed stöd av\b\s*", re.IGNORECASE)
RESPONSIBLE_LEAD = re.compile(r"^Ansvarig(?:a)?\s+(?:är|blir)\s+", re.IGNORECASE)

# The subject of a sentence: a party name at the start, then (after an optional place, "i
# Helsingborg", and further parties joined by ',' / 'och' / 'samt') a finite verb.
SUBJECT_JOINERS = re.compile(r"\s*(?:,\s*|\s+och\s+|\s+samt\s+)", re.IGNORECASE)
SUBJECT_PLACE = re.compile(r"\s+i\s+Helsingborgs?(?:\s+stad)?\b", re.IGNORECASE)
FINITE_VERBS = frozenset(
    [
        "ska",
        "skall",
        "har",
        "är",
        "kommer",
        "kan",
        "bör",
        "får",
        "tar",
        "ger",
        "gör",
        "driver",
        "erbjuder",
        "arbetar",
        "fortsätter",
        "följer",
        "deltar",
        "använder",
        "samverkar",
        "mäter",
        "genomför",
        "ansvarar",
        "utvecklar",
        "sprider",
        "bjuder",
        "anordnar",
        "tillhandahåller",
        "samordnar",
        "leder",
        "utbildar",
        "håller",
        "ser",
        "verkar",
        "skapar",
        "inför",
        "påbörjar",
        "satsar",
        "planerar",
        "startar",
        "bedriver",
        "stödjer",
        "stöttar",
        "säkerställer",
        "tydliggör",
        "tecknar",
        "upprättar",
    ]
)
# A unit named by its party ('Case managers från socialförvaltningen', 'Anhörigstödet på …'): up
# to three words, then a preposition; or the party in the genitive and one or two words.
SUBJECT_UNIT_OF = re.compile(r"(?:[A-ZÅÄÖ][\w-]*)(?:\s+[\w-]+){0,2}?\s+(?:från|på|inom|hos)\s+")
SUBJECT_GENITIVE_UNIT = re.compile(r"(?:\s+[\w-]+){1,2}?(?=\s+\w)")
# 'På vård- och omsorgsförvaltningen utvecklar man …': the generic actor 'man'/'vi' placed in a
# party names that party (a party named only as where something is, '… finns', names nobody).
ACTOR_PLACE = re.compile(r"(?:På|Inom|Hos|I)\s+", re.IGNORECASE)
ACTOR_PLACE_TYPES = frozenset({"municipal-department", "unit"})  # a forum ('I Lokalt samråd tar vi …') is not
GENERIC_ACTOR_AFTER_VERB = re.compile(r"\s+(?P<verb>\w+)\s+(?:man|vi)\b", re.IGNORECASE)
# 'Socialförvaltningen i samarbete med … har påbörjat': the subject, then its partners, then (within
# a few words) the finite verb.
SUBJECT_COMPANION = re.compile(r"\s+(?:i samarbete med|i samverkan med|tillsammans med)\s+", re.IGNORECASE)
SUBJECT_COMPANION_REACH = 8  # words
# Swedish puts the finite verb second: after a fronted adverbial the subject follows the verb.
FIRST_FINITE_VERB = re.compile(
    r"^(?:[\w-]+[ ,]+){1,6}?(" + "|".join(sorted(FINITE_VERBS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"“])")
