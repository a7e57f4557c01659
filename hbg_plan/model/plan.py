"""The typed plan model that checks, diffs and reports use instead of raw dicts.

Built only from data that passed the schema, so field access needs no defensive checks. Every
object keeps `where`, the location of its YAML mapping, for findings and annotations.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from hbg_plan.core.problem import Location
from hbg_plan.io.load import YamlDocument

AbsenceKind = Literal["saknas", "not-stated"]


@dataclass(frozen=True, slots=True)
class LineRange:
    """An inclusive 1-based line range in a plan's source text."""

    first: int
    last: int
    where: Location

    def __str__(self) -> str:
        return f"{self.first}-{self.last}" if self.first != self.last else str(self.first)


@dataclass(frozen=True, slots=True)
class Absence:
    """The explicit record that the document gives nothing: 'saknas' (it says so) or 'not-stated'."""

    kind: AbsenceKind
    source: LineRange | None
    where: Location


SUPPORTED_BY = "supported-by"


@dataclass(frozen=True, slots=True)
class Responsible:
    """A party the goal names, and on what basis. 'supported-by' parties support, not own, a goal."""

    party: str
    basis: str
    quote: str | None
    where: Location

    @property
    def responsible(self) -> bool:
        return self.basis != SUPPORTED_BY


@dataclass(frozen=True, slots=True)
class FollowUp:
    year: int
    text: str
    status: str | None
    source: LineRange
    where: Location


@dataclass(frozen=True, slots=True)
class Suppression:
    code: str
    reason: str | None
    where: Location


@dataclass(slots=True)
class Goal:
    id: str
    horizon: str
    period: str | None
    heading: str | None
    texts: tuple[str, ...]  # empty when the document says the goal itself is missing
    indicators: tuple[str, ...]  # the stated indicators
    indicators_missing: Absence | None  # the document states no indicator at all
    responsible: tuple[Responsible, ...]
    responsible_missing: Absence | None
    follow_up: tuple[FollowUp, ...]
    source: LineRange
    renamed_from: str | None
    same_as: str | None
    suppressions: tuple[Suppression, ...]
    where: Location
    topic_id: str = ""
    focus_area_id: str = ""
    goal_missing: Absence | None = None  # the document writes "Saknas" where the goal should stand
    indicators_partial: Absence | None = None  # a "Saknas" listed beside stated indicators

    @property
    def text(self) -> str:
        """All goal texts as one string, for matching and display ('' when the goal is missing)."""
        return " ".join(self.texts)

    @property
    def indicator_gap(self) -> Absence | None:
        """The "Saknas" or not-stated record of the indicators: for all of them, or beside stated ones."""
        return self.indicators_missing or self.indicators_partial

    @property
    def party_ids(self) -> tuple[str, ...]:
        """The parties responsible for the goal ('supported-by' parties are not)."""
        return tuple(dict.fromkeys(r.party for r in self.responsible if r.responsible))

    @property
    def supporting_ids(self) -> tuple[str, ...]:
        """Parties named only as supporting those responsible ("med stöd av …")."""
        own = set(self.party_ids)
        return tuple(
            dict.fromkeys(r.party for r in self.responsible if not r.responsible and r.party not in own)
        )


@dataclass(frozen=True, slots=True)
class Table:
    caption: str | None
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[float | int | None, ...]], ...]
    source: LineRange


@dataclass(slots=True)
class Topic:
    id: str
    title: str
    number: int | None
    description: tuple[str, ...]
    details: dict[str, tuple[str, ...]]  # target_group, purpose, method, effect
    goals: list[Goal]
    tables: tuple[Table, ...]
    source: LineRange
    renamed_from: str | None
    same_as: str | None
    where: Location
    focus_area_id: str = ""


@dataclass(slots=True)
class FocusArea:
    id: str
    number: int | None
    title: str
    description: tuple[str, ...]
    topics: list[Topic]
    source: LineRange
    renamed_from: str | None
    where: Location


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    kind: str
    title: str | None
    party: str | None
    texts: tuple[str, ...]
    source: LineRange
    where: Location


@dataclass(frozen=True, slots=True)
class Signatory:
    name: str
    role: str | None
    organisation: str | None
    party: str | None
    date: str | None
    source: LineRange
    where: Location


@dataclass(slots=True)
class Plan:
    id: str
    title: str
    kind: str
    level: str
    issued_by: tuple[str, ...]
    period: tuple[str, str]
    source_file: Path
    source_sha256: str
    replaces: str | None
    based_on: tuple[str, ...]
    dates: tuple[tuple[str, str], ...]
    focus_areas: list[FocusArea]
    sections: tuple[Section, ...]
    signatories: tuple[Signatory, ...]
    path: Path
    where: Location
    doc: YamlDocument = field(repr=False)
    _index: PlanIndex | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def data_source_name(self) -> str:
        """The source path as the plan writes it (relative to the plan file)."""
        return str(self.doc.data["source"]["file"])

    def topics(self) -> Iterator[Topic]:
        for area in self.focus_areas:
            yield from area.topics

    def goals(self) -> Iterator[Goal]:
        for area in self.focus_areas:
            for topic in area.topics:
                yield from topic.goals

    def topic(self, topic_id: str) -> Topic | None:
        return self._lookup().topics.get(topic_id)

    def goal(self, goal_id: str) -> Goal | None:
        return self._lookup().goals.get(goal_id)

    def focus_area(self, area_id: str) -> FocusArea | None:
        return self._lookup().areas.get(area_id)

    def _lookup(self) -> PlanIndex:
        """The id index, built on the first lookup: rules and reports look up once per finding, so
        a scan here made `gaps` and `report` quadratic in the number of goals. A plan is not
        edited after it is built, so the index stays true.
        """
        index = self._index
        if index is None:
            index = self._index = PlanIndex.of(self)
        return index


@dataclass(frozen=True, slots=True)
class PlanIndex:
    """Focus areas, topics and goals by id; the first of a duplicated id wins, as in a scan."""

    areas: dict[str, FocusArea]
    topics: dict[str, Topic]
    goals: dict[str, Goal]

    @classmethod
    def of(cls, plan: Plan) -> PlanIndex:
        areas: dict[str, FocusArea] = {}
        topics: dict[str, Topic] = {}
        goals: dict[str, Goal] = {}
        for area in plan.focus_areas:
            areas.setdefault(area.id, area)
            for topic in area.topics:
                topics.setdefault(topic.id, topic)
                for goal in topic.goals:
                    goals.setdefault(goal.id, goal)
        return cls(areas, topics, goals)


@dataclass(frozen=True, slots=True)
class Party:
    id: str
    name: str
    abbreviation: str | None
    type: str
    part_of: str | None
    where: Location


@dataclass(slots=True)
class PartyRegistry:
    path: Path
    parties: dict[str, Party]

    def name(self, party_id: str) -> str:
        party = self.parties.get(party_id)
        return party.name if party else party_id

    def short(self, party_id: str) -> str:
        party = self.parties.get(party_id)
        if party is None:
            return party_id
        return party.abbreviation or party.name


class _Builder:
    """Builds model objects from schema-valid data, attaching locations from the document."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.file = doc.file
        self.marks = doc.marks

    def where(self, obj: object, pointer: str) -> Location:
        # Called for every mapping of a plan: reads the parser's 0-based mark directly.
        mark = self.marks.get(id(obj))
        if mark is None:
            return Location(self.file, 1, 1, pointer)
        return Location(self.file, mark.line + 1, mark.column + 1, pointer)

    def lines(self, data: dict[str, Any], pointer: str) -> LineRange:
        first, last = data["lines"]
        return LineRange(first, last, self.where(data, pointer))

    def absence(self, data: dict[str, Any], pointer: str) -> Absence:
        source = self.lines(data["source"], pointer + "/source") if "source" in data else None
        return Absence(data["missing"], source, self.where(data, pointer))

    def goal(self, data: dict[str, Any], pointer: str, topic_id: str, area_id: str) -> Goal:
        indicators = data["indicators"]
        responsible = data["responsible"]
        texts = data["texts"]
        partial = None
        if isinstance(indicators, list):
            for i, entry in enumerate(indicators):
                if isinstance(entry, dict):
                    partial = self.absence(entry, f"{pointer}/indicators/{i}")
        return Goal(
            id=data["id"],
            horizon=data["horizon"],
            period=data.get("period"),
            heading=data.get("heading"),
            texts=tuple(texts) if isinstance(texts, list) else (),
            goal_missing=None if isinstance(texts, list) else self.absence(texts, pointer + "/texts"),
            indicators_partial=partial,
            indicators=tuple(i for i in indicators if isinstance(i, str))
            if isinstance(indicators, list)
            else (),
            indicators_missing=None
            if isinstance(indicators, list)
            else self.absence(indicators, pointer + "/indicators"),
            responsible=tuple(
                Responsible(
                    r["party"], r["basis"], r.get("quote"), self.where(r, f"{pointer}/responsible/{i}")
                )
                for i, r in enumerate(responsible)
            )
            if isinstance(responsible, list)
            else (),
            responsible_missing=None
            if isinstance(responsible, list)
            else self.absence(responsible, pointer + "/responsible"),
            follow_up=tuple(
                FollowUp(
                    f["year"],
                    f["text"],
                    f.get("status"),
                    self.lines(f["source"], f"{pointer}/follow_up/{i}/source"),
                    self.where(f, f"{pointer}/follow_up/{i}"),
                )
                for i, f in enumerate(data.get("follow_up", []))
            ),
            source=self.lines(data["source"], pointer + "/source"),
            renamed_from=data.get("renamed_from"),
            same_as=data.get("same_as"),
            suppressions=tuple(
                Suppression(s["code"], s.get("reason"), self.where(s, f"{pointer}/ignore/{i}"))
                for i, s in enumerate(data.get("ignore", []))
            ),
            where=self.where(data, pointer),
            topic_id=topic_id,
            focus_area_id=area_id,
        )

    def topic(self, data: dict[str, Any], pointer: str, area_id: str) -> Topic:
        return Topic(
            id=data["id"],
            title=data["title"],
            number=data.get("number"),
            description=tuple(data.get("description", [])),
            details={k: tuple(data[k]) for k in ("target_group", "purpose", "method", "effect") if k in data},
            goals=[
                self.goal(g, f"{pointer}/goals/{i}", data["id"], area_id) for i, g in enumerate(data["goals"])
            ],
            tables=tuple(
                Table(
                    t.get("caption"),
                    tuple(t["columns"]),
                    tuple((r["label"], tuple(r["values"])) for r in t["rows"]),
                    self.lines(t["source"], f"{pointer}/tables/{i}/source"),
                )
                for i, t in enumerate(data.get("tables", []))
            ),
            source=self.lines(data["source"], pointer + "/source"),
            renamed_from=data.get("renamed_from"),
            same_as=data.get("same_as"),
            where=self.where(data, pointer),
            focus_area_id=area_id,
        )

    def plan(self, path: Path) -> Plan:
        data = self.doc.data
        areas = [
            FocusArea(
                id=a["id"],
                number=a.get("number"),
                title=a["title"],
                description=tuple(a.get("description", [])),
                topics=[
                    self.topic(t, f"/focus_areas/{i}/topics/{j}", a["id"]) for j, t in enumerate(a["topics"])
                ],
                source=self.lines(a["source"], f"/focus_areas/{i}/source"),
                renamed_from=a.get("renamed_from"),
                where=self.where(a, f"/focus_areas/{i}"),
            )
            for i, a in enumerate(data["focus_areas"])
        ]
        return Plan(
            id=data["id"],
            title=data["title"],
            kind=data["kind"],
            level=data["level"],
            issued_by=tuple(data["issued_by"]),
            period=(data["period"]["start"], data["period"]["end"]),
            source_file=(path.parent / data["source"]["file"]),
            source_sha256=data["source"]["sha256"],
            replaces=data.get("replaces"),
            based_on=tuple(data.get("based_on", [])),
            dates=tuple((d["event"], d["date"]) for d in data.get("dates", [])),
            focus_areas=areas,
            sections=tuple(
                Section(
                    s["id"],
                    s["kind"],
                    s.get("title"),
                    s.get("party"),
                    tuple(s["texts"]),
                    self.lines(s["source"], f"/sections/{i}/source"),
                    self.where(s, f"/sections/{i}"),
                )
                for i, s in enumerate(data.get("sections", []))
            ),
            signatories=tuple(
                Signatory(
                    s["name"],
                    s.get("role"),
                    s.get("organisation"),
                    s.get("party"),
                    s.get("date"),
                    self.lines(s["source"], f"/signatories/{i}/source"),
                    self.where(s, f"/signatories/{i}"),
                )
                for i, s in enumerate(data.get("signatories", []))
            ),
            path=path,
            where=self.where(data, ""),
            doc=self.doc,
        )


def build_plan(doc: YamlDocument, path: Path) -> Plan:
    """A Plan from a document that already passed the plan schema."""
    return _Builder(doc).plan(path)


def build_registry(doc: YamlDocument, path: Path) -> PartyRegistry:
    """A PartyRegistry from a document that already passed the parties schema."""
    builder = _Builder(doc)
    parties: dict[str, Party] = {}
    for i, p in enumerate(doc.data["parties"]):
        parties.setdefault(
            p["id"],
            Party(
                p["id"],
                p["name"],
                p.get("abbreviation"),
                p["type"],
                p.get("part_of"),
                builder.where(p, f"/parties/{i}"),
            ),
        )
    return PartyRegistry(path, parties)
