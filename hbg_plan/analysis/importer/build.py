"""A parsed document → the plan YAML, valid by construction, and the list of places to review.

Every string is cut from the source lines the node records, and checked with the same test
`hbg-plan validate` applies (HBG025) before it is written; a string that does not pass is moved to
a `review` note instead. Ids follow docs/TRANSCRIBING.md ('<topic>.kort', '<topic>.lang').
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from hbg_plan.analysis.importer import grammar
from hbg_plan.analysis.importer.ids import slug, unique
from hbg_plan.analysis.importer.parties import (
    Found,
    PartyIndex,
    Suggestion,
    responsible_line,
    subjects,
    unknown_subject,
)
from hbg_plan.analysis.importer.text import Area, Document, Goal, Para, Review, Topic
from hbg_plan.i18n import message
from hbg_plan.io.output import yaml_quoted
from hbg_plan.validate.provenance import SourceText

HORIZON_SUFFIX = {"short": "kort", "long": "lang", "current": "nulage"}
EXCERPT = 160


@dataclass
class Options:
    plan_id: str
    source_file: str  # as written in the plan: relative to the plan file
    sha256: str
    schema_ref: str
    lang: str = "en"
    issued_by: list[str] = field(default_factory=list)
    known_parties: set[str] = field(default_factory=set)
    replaces: str | None = None
    topic_ids: dict[int, str] = field(default_factory=dict)  # topic first line → carried id
    topic_renamed: dict[int, str] = field(default_factory=dict)  # topic first line → renamed_from
    goal_renamed: dict[int, str] = field(default_factory=dict)  # goal first line → renamed_from


@dataclass(frozen=True)
class Place:
    """One place to review: a source line range and what to look at."""

    first: int
    last: int
    note: str


@dataclass
class Draft:
    text: str
    places: list[Place]
    suggestions: list[Suggestion]
    goals: int
    topics: int


def clean(text: str) -> str:
    return " ".join(text.split())


class _Writer:
    def __init__(self, doc: Document, source: SourceText, index: PartyIndex, options: Options) -> None:
        self.doc = doc
        self.source = source
        self.index = index
        self.o = options
        self.out: list[str] = []
        self.places: list[Place] = []
        self.suggestions: dict[str, Suggestion] = {}
        self.ids: set[str] = set()
        self.goal_count = 0
        self.topic_count = 0
        # a document that names the responsible in "Ansvarig(a) är …" lines (the 2015 template)
        self.by_lines = any(g.responsible_lines for a in doc.areas for t in a.topics for g in t.goals)

    # --- helpers -----------------------------------------------------------------------
    def msg(self, message_id: str, **values: object) -> str:
        return message(message_id, self.o.lang, **values)

    def review_note(self, review: Review) -> str:
        note = self.msg(review.reason, **review.values)
        if review.text:
            excerpt = clean(review.text)
            if len(excerpt) > EXCERPT:
                excerpt = excerpt[: EXCERPT - 1] + "…"
            note = f"{note}: «{excerpt}»"
        return note

    def verbatim(self, paras: list[Para], first: int, last: int, reviews: list[Review]) -> list[str]:
        """The strings that stand verbatim in first..last; the others become review notes."""
        out = []
        for para in paras:
            text = clean(para.text)
            if text and self.source.contains(text, max(first, 1), min(last, self.source.line_count)):
                out.append(text)
            else:
                reviews.append(Review(para.first, para.last, "import.review.not_verbatim", para.text))
        return out

    def emit_review(self, indent: str, reviews: list[Review]) -> None:
        if not reviews:
            return
        self.out.append(f"{indent}review:")
        for review in sorted(reviews, key=lambda r: r.first):
            note = self.review_note(review)
            self.out.append(
                f"{indent}  - {{lines: [{review.first}, {max(review.first, review.last)}], note: {yaml_quoted(note)}}}"
            )
            self.places.append(Place(review.first, max(review.first, review.last), note))

    def line_text(self, number: int) -> str:
        """Line `number` as printed, for a node the document gives no words of its own."""
        return clean(self.doc.lines[number - 1]) or "?"

    def strings(self, indent: str, key: str, values: list[str]) -> None:
        self.out.append(f"{indent}{key}:")
        self.out += [f"{indent}  - {yaml_quoted(v)}" for v in values]

    # --- document ----------------------------------------------------------------------
    def write(self) -> Draft:
        doc, o = self.doc, self.o
        period = self.period()
        kind = "follow-up" if doc.follow_up else "action-plan"
        level = "regional" if grammar.REGIONAL_TITLE.search(doc.title) else "local"
        title = clean(doc.title) or o.plan_id
        plan_reviews = list(doc.review)
        if not doc.title:
            plan_reviews.append(Review(1, 1, "import.review.no_title"))
        self.out += [
            f"# yaml-language-server: $schema={o.schema_ref}",
            f"# {self.msg('import.header', source=o.source_file)}",
            "schema_version: 2",
            f"id: {o.plan_id}",
            f"title: {yaml_quoted(title)}",
            f"kind: {kind}",
            f"level: {level}",
            f"issued_by: [{', '.join(o.issued_by)}]",
            f'period: {{start: "{period[0]}", end: "{period[1]}"}}',
            "source:",
            f"  file: {yaml_quoted(o.source_file)}",
            f"  sha256: {o.sha256}",
            f"  lines: [{doc.title_lines[0]}, {doc.title_lines[1]}]",
        ]
        if o.replaces:
            self.out.append(f"replaces: {o.replaces}")
        if doc.preamble:
            first, last = doc.preamble[0].first, doc.preamble[-1].last
            reviews: list[Review] = []
            texts = self.verbatim(doc.preamble, first, last, reviews)
            if texts:
                self.ids.add("inledning")
                self.out += [
                    "sections:",
                    "  - id: inledning",
                    "    kind: introduction",
                    f"    source: {{lines: [{first}, {last}]}}",
                ]
                self.strings("    ", "texts", texts)
            plan_reviews += reviews
        self.out.append("focus_areas:" if doc.areas else "focus_areas: []")
        for area in doc.areas:
            self.area(area)
        self.emit_review("", plan_reviews)
        return Draft(
            "\n".join(self.out) + "\n",
            sorted(self.places, key=lambda p: p.first),
            list(self.suggestions.values()),
            self.goal_count,
            self.topic_count,
        )

    def period(self) -> tuple[str, str]:
        found = re.search(r"((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})", self.doc.title)
        if found:
            return found.group(1), found.group(2)
        years = re.findall(r"(?:19|20)\d{2}", self.doc.title)
        if years:
            return years[-1], years[-1]
        periods = [y for p in self.doc.periods for y in p.split("-")]
        if periods:
            return min(periods), max(periods)
        text = "\n".join(self.doc.lines[:200])
        first = re.search(r"\b((?:19|20)\d{2})\b", text)
        year = first.group(1) if first else "2000"
        self.doc.review.append(Review(1, 1, "import.review.no_period"))
        return year, year

    def area(self, area: Area) -> None:
        base = slug(area.title, 4) or "fokusomrade"
        area_id = unique(base, self.ids)
        self.out.append(f"  - id: {area_id}")
        if area.number is not None:
            self.out.append(f"    number: {area.number}")
        self.out.append(f"    title: {yaml_quoted(clean(area.title) or self.line_text(area.first))}")
        self.out.append(f"    source: {{lines: [{area.first}, {max(area.first, area.last)}]}}")
        reviews = list(area.review)
        if area.description:
            texts = self.verbatim(area.description, area.first, area.last, reviews)
            if texts:
                self.strings("    ", "description", texts)
        self.emit_review("    ", reviews)
        self.out.append("    topics:" if area.topics else "    topics: []")
        for topic in area.topics:
            self.topic(topic, area_id)

    def topic(self, topic: Topic, area_id: str) -> None:
        self.topic_count += 1
        title = clean(topic.title or "")
        base = slug(f"{topic.key} {title}" if topic.key else title) or f"{area_id}-amne"
        carried = self.o.topic_ids.get(topic.first)
        topic_id = unique(carried or base, self.ids)
        last = max(topic.first, topic.last)
        self.out.append(f"      - id: {topic_id}")
        if topic.number is not None:
            self.out.append(f"        number: {topic.number}")
        self.out.append(f"        title: {yaml_quoted(title or self.line_text(topic.first))}")
        self.out.append(f"        source: {{lines: [{topic.first}, {last}]}}")
        renamed = self.o.topic_renamed.get(topic.first)
        if renamed and renamed != topic_id:
            self.out.append(f"        renamed_from: {renamed}")
        reviews = list(topic.review)
        if topic.description:
            texts = self.verbatim(topic.description, topic.first, last, reviews)
            if texts:
                self.strings("        ", "description", texts)
        self.emit_review("        ", reviews)
        self.out.append("        goals:" if topic.goals else "        goals: []")
        for goal in topic.goals:
            self.goal(goal, topic_id)

    def goal(self, goal: Goal, topic_id: str) -> None:
        self.goal_count += 1
        suffix = goal.suffix or HORIZON_SUFFIX[goal.horizon]
        goal_id = unique(f"{topic_id}.{suffix}", self.ids)
        first, last = goal.first, max(goal.first, goal.last)
        ind = "            "
        self.out.append(f"          - id: {goal_id}")
        self.out.append(f"{ind}horizon: {goal.horizon}")
        if goal.period:
            self.out.append(f'{ind}period: "{goal.period}"')
        if goal.heading:
            self.out.append(f"{ind}heading: {yaml_quoted(clean(goal.heading))}")
        self.out.append(f"{ind}source: {{lines: [{first}, {last}]}}")
        renamed = self.o.goal_renamed.get(goal.first)
        if renamed and renamed != goal_id:
            self.out.append(f"{ind}renamed_from: {renamed}")
        reviews = list(goal.review)
        texts = self.verbatim(goal.texts, first, last, reviews)
        if goal.goal_saknas is not None and not goal.texts:
            saknas = goal.goal_saknas
            self.out.append(f"{ind}texts: {{missing: saknas, source: {{lines: [{saknas}, {saknas}]}}}}")
        else:
            if goal.goal_saknas is not None:
                line = goal.goal_saknas
                reviews.append(Review(line, line, "import.review.stray_saknas", self.line_text(line)))
            if not texts:
                # the schema needs one text: the heading line stands for the goal until a reviewer reads it
                texts = [clean(goal.heading or "")] if goal.heading else []
            if not texts:
                texts = [self.line_text(first)]
            self.strings(ind, "texts", texts)
        indicators = self.verbatim(goal.indicators, first, last, reviews)
        if goal.saknas:
            self.out.append(
                f"{ind}indicators: {{missing: saknas, source: {{lines: [{goal.saknas[0]}, {goal.saknas[1]}]}}}}"
            )
        elif indicators and goal.partial_saknas:
            line, position = goal.partial_saknas
            entries = [yaml_quoted(v) for v in indicators]
            entries.insert(
                min(position, len(entries)), f"{{missing: saknas, source: {{lines: [{line}, {line}]}}}}"
            )
            self.out.append(f"{ind}indicators:")
            self.out += [f"{ind}  - {entry}" for entry in entries]
            reviews.append(Review(line, line, "import.review.partial_saknas"))
        elif indicators:
            self.strings(ind, "indicators", indicators)
        else:
            if goal.indicator_heading is not None:
                reviews.append(
                    Review(goal.indicator_heading, goal.indicator_heading, "import.review.empty_indicators")
                )
            self.out.append(f"{ind}indicators: {{missing: not-stated}}")
        found = self.responsible(goal, texts, reviews)
        if found:
            self.out.append(f"{ind}responsible:")
            for entry in found:
                self.out.append(
                    f"{ind}  - {{party: {entry.party}, basis: {entry.basis}, quote: {yaml_quoted(clean(entry.quote))}}}"
                )
        else:
            self.out.append(f"{ind}responsible: {{missing: not-stated}}")
        self.emit_review(ind, reviews)

    def responsible(self, goal: Goal, texts: list[str], reviews: list[Review]) -> list[Found]:
        found: list[Found] = []

        def add(entry: Found) -> None:
            if entry.party in self.o.known_parties and all(f.party != entry.party for f in found):
                found.append(entry)

        for para in goal.responsible_lines:
            named, unknown, unplaced = responsible_line(para.text, para.first, self.index)
            for entry in named:
                add(entry)
            for suggestion in unknown:
                self.suggest(suggestion, reviews)
            for part in unplaced:
                reviews.append(Review(para.first, para.last, "import.review.responsible_unplaced", part))
        if self.by_lines and goal.horizon == "current":
            return found  # a current-state description is assigned only by its "Ansvarig" line
        for para in goal.texts:
            for entry in subjects(para.text, self.index):
                add(entry)
            for suggestion in unknown_subject(para.text, para.first, self.index):
                self.suggest(suggestion, reviews)
        return found

    def suggest(self, suggestion: Suggestion, reviews: list[Review]) -> None:
        if suggestion.id in self.o.known_parties:
            return
        self.suggestions.setdefault(suggestion.id, suggestion)
        reviews.append(
            Review(suggestion.line, suggestion.line, "import.review.unknown_party", suggestion.name)
        )


def render(doc: Document, source: SourceText, index: PartyIndex, options: Options) -> Draft:
    return _Writer(doc, source, index, options).write()


def issuers(doc: Document, index: PartyIndex) -> list[str]:
    """Parties named in the title, else in the text before the first focus area."""
    for text in (doc.title, " ".join(p.text for p in doc.preamble[:2])):
        found: list[str] = []
        for party, _, _ in index.find_all(text, genitive=True):
            if party not in found:
                found.append(party)
        if found:
            return found
    return []


def schema_ref(target: Path) -> str:
    """The `$schema` path of the plan schema, seen from the new file's folder."""
    folder = target.resolve().parent
    for parent in (folder, *folder.parents):
        candidate = parent / "schemas" / "plan.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, folder)).as_posix()
    return "https://hbg-plan.github.io/schemas/plan.schema.json"
