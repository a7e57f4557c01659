"""Responsible parties of an imported goal, only where the document names them.

Two bases, as docs/TRANSCRIBING.md prescribes: an "Ansvarig(a) är …" line (every registry party
it names), and a registry party that is the grammatical subject of one of the goal's own
sentences ("Socialförvaltningen ska …", "Helsingborgs stad och socialförvaltningen har …"). A
party merely mentioned is not responsible. Names that look like organisations but are not in the
registry are collected as suggestions for `plans/parties.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hbg_plan.analysis.importer import grammar
from hbg_plan.analysis.importer.ids import slug


@dataclass(frozen=True)
class Found:
    party: str
    basis: str  # responsible-line | subject
    quote: str


@dataclass(frozen=True)
class Suggestion:
    """An organisation the registry lacks, with the entry `--add-parties` would append."""

    id: str
    name: str
    type: str
    line: int
    context: str


@dataclass
class PartyIndex:
    """Registry names, aliases and the grammar's variants, matched case-insensitively."""

    names: dict[str, str]  # lower-case name → party id
    pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        ordered = sorted(self.names, key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in ordered) or r"(?!x)x"
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
        self.genitive = re.compile(rf"(?<![\w-])(?:{alternation})s?(?![\w-])", re.IGNORECASE)

    @classmethod
    def from_entries(
        cls, entries: list[dict[str, object]], extra: dict[str, str] | None = None
    ) -> PartyIndex:
        names: dict[str, str] = {}
        for entry in entries:
            party = str(entry["id"])
            aliases = entry.get("aliases")
            for name in [entry.get("name"), *(aliases if isinstance(aliases, list) else [])]:
                if isinstance(name, str) and name.strip():
                    names.setdefault(name.strip().lower(), party)
        for variant, target in {**grammar.NAME_VARIANTS, **(extra or {})}.items():
            party_id = names.get(target.lower())
            if party_id is not None:
                names.setdefault(variant.lower(), party_id)
        return cls(names)

    def lookup(self, text: str) -> str | None:
        return self.names.get(text.lower())

    def find_all(self, text: str, genitive: bool = False) -> list[tuple[str, int, int]]:
        pattern = self.genitive if genitive else self.pattern
        out = []
        for match in pattern.finditer(text):
            name = match.group(0)
            party = self.lookup(name) or (self.lookup(name[:-1]) if genitive and name.endswith("s") else None)
            if party:
                out.append((party, match.start(), match.end()))
        return out

    def at_start(self, text: str) -> tuple[str, int] | None:
        match = self.pattern.match(text)
        if match is None:
            return None
        party = self.lookup(match.group(0))
        return (party, match.end()) if party else None


def responsible_line(
    line: str, number: int, index: PartyIndex
) -> tuple[list[Found], list[Suggestion], list[str]]:
    """Parties of an "Ansvariga är …" line; unknown organisations; parts naming no party."""
    body = grammar.RESPONSIBLE_LEAD.sub("", line.strip()).rstrip(" .")
    found: list[Found] = []
    unknown: list[Suggestion] = []
    unplaced: list[str] = []
    quote = line.strip()
    for part in grammar.RESPONSIBLE_SEPARATORS.split(body):
        part = part.strip(" .")
        if not part:
            continue
        named = index.find_all(part)
        if named:
            for party, _, _ in named:
                if all(f.party != party for f in found):
                    found.append(Found(party, "responsible-line", quote))
        elif grammar.ORGANISATION_WORDS.search(part):
            unknown.append(suggest(part, number, quote))
        else:
            unplaced.append(part)
    return found, unknown, unplaced


def subjects(text: str, index: PartyIndex) -> list[Found]:
    """Registry parties that are the subject of one of the sentences of `text`."""
    out: list[Found] = []
    for sentence in grammar.SENTENCE_SPLIT.split(text.strip()):
        for party, quote in _sentence_subjects(sentence, index):
            if all(f.party != party for f in out):
                out.append(Found(party, "subject", quote))
    return out


def _sentence_subjects(sentence: str, index: PartyIndex) -> list[tuple[str, str]]:
    start = index.at_start(sentence)
    if start is None:
        return []
    party, end = start
    found = [(party, sentence[:end])]
    rest_at = end
    while True:
        place = grammar.SUBJECT_PLACE.match(sentence, rest_at)
        if place:
            found[-1] = (found[-1][0], sentence[sentence.rfind(found[-1][1], 0, rest_at) : place.end()])
            rest_at = place.end()
        joiner = grammar.SUBJECT_JOINERS.match(sentence, rest_at)
        if not joiner:
            break
        after = sentence[joiner.end() :]
        more = index.at_start(after)
        if more is None:
            break
        found.append((more[0], after[: more[1]]))
        rest_at = joiner.end() + more[1]
    verb = re.match(r"\s+(\w+)", sentence[rest_at:])
    if verb is None or verb.group(1).lower() not in grammar.FINITE_VERBS:
        return []
    return found


def unknown_subject(text: str, number: int, index: PartyIndex) -> list[Suggestion]:
    """A sentence whose subject looks like an organisation the registry does not hold."""
    out = []
    for sentence in grammar.SENTENCE_SPLIT.split(text.strip()):
        match = re.match(r"((?:[A-ZÅÄÖ][\w-]*)(?:\s+[\w-]+){0,3}?)\s+(\w+)\b", sentence)
        if not match or match.group(2).lower() not in grammar.FINITE_VERBS:
            continue
        phrase = match.group(1)
        if index.find_all(phrase) or not grammar.ORGANISATION_WORDS.search(phrase):
            continue
        out.append(suggest(phrase, number, sentence))
    return out


def suggest(name: str, line: int, context: str) -> Suggestion:
    kind = "other"
    for pattern, found in grammar.ORGANISATION_TYPES:
        if pattern.search(name):
            kind = found
            break
    printed = name[:1].upper() + name[1:]
    return Suggestion(slug(name), printed, kind, line, context)
