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
    basis: str  # responsible-line | subject | supported-by
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
    types: dict[str, str] = field(default_factory=dict)  # party id → registry type
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
        types: dict[str, str] = {}
        for entry in entries:
            party = str(entry["id"])
            types[party] = str(entry.get("type", ""))
            aliases = entry.get("aliases")
            for name in [entry.get("name"), *(aliases if isinstance(aliases, list) else [])]:
                if isinstance(name, str) and name.strip():
                    names.setdefault(name.strip().lower(), party)
        for variant, target in {**grammar.NAME_VARIANTS, **(extra or {})}.items():
            party_id = names.get(target.lower())
            if party_id is not None:
                names.setdefault(variant.lower(), party_id)
        return cls(names, types)

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
    # '… med stöd av lokalt samråd': the parties after it support those responsible
    own, support = _split_support(body)
    parts = [(p, "responsible-line") for p in grammar.RESPONSIBLE_SEPARATORS.split(own)]
    parts += [(p, "supported-by") for p in grammar.RESPONSIBLE_SEPARATORS.split(support)] if support else []
    for part, basis in parts:
        part = part.strip(" .")
        if not part:
            continue
        named = index.find_all(part)[:1]  # one party per part: 'skolverksamheten i Helsingborgs Stad'
        if named:
            for party, _, _ in named:
                if all(f.party != party for f in found):
                    found.append(Found(party, basis, quote))
        elif grammar.ORGANISATION_WORDS.search(part):
            unknown.append(suggest(part, number, quote))
        else:
            unplaced.append(part)
    return found, unknown, unplaced


def _split_support(body: str) -> tuple[str, str]:
    found = grammar.SUPPORT_SEPARATOR.search(body)
    if found is None:
        return body, ""
    return body[: found.start()], body[found.end() :]


def subjects(text: str, index: PartyIndex) -> list[Found]:
    """Registry parties that are the subject of one of the sentences of `text`."""
    out: list[Found] = []
    for sentence in grammar.SENTENCE_SPLIT.split(text.strip()):
        for party, quote in _sentence_subjects(sentence, index):
            if all(f.party != party for f in out):
                out.append(Found(party, "subject", quote))
    return out


def _party_list(sentence: str, at: int, index: PartyIndex) -> tuple[list[tuple[str, str]], int]:
    """Parties named from `at` on: 'A', 'A i Helsingborg', 'A, B och C'; and where they end."""
    first = index.at_start(sentence[at:])
    if first is None:
        return [], at
    found = [(first[0], sentence[at : at + first[1]])]
    start, rest_at = at, at + first[1]
    while True:
        place = grammar.SUBJECT_PLACE.match(sentence, rest_at)
        if place:
            found[-1] = (found[-1][0], sentence[start : place.end()])
            rest_at = place.end()
        joiner = grammar.SUBJECT_JOINERS.match(sentence, rest_at)
        if not joiner:
            break
        more = index.at_start(sentence[joiner.end() :])
        if more is None:
            break
        start = joiner.end()
        found.append((more[0], sentence[start : start + more[1]]))
        rest_at = start + more[1]
    return found, rest_at


def _verb_at(sentence: str, at: int) -> bool:
    verb = re.match(r"\s+(\w+)", sentence[at:])
    return verb is not None and verb.group(1).lower() in grammar.FINITE_VERBS


def _sentence_subjects(sentence: str, index: PartyIndex) -> list[tuple[str, str]]:
    # 1. 'Socialförvaltningen och vård- och omsorgsförvaltningen ska …'
    found, end = _party_list(sentence, 0, index)
    if found:
        if _verb_at(sentence, end):
            return found
        # 'Socialförvaltningen i samarbete med arbetsmarknadsförvaltningen … har påbörjat': the
        # partners named after it are not subjects
        companion = grammar.SUBJECT_COMPANION.match(sentence, end)
        if companion:
            words = re.findall(r"[\w-]+", sentence[companion.end() :])[: grammar.SUBJECT_COMPANION_REACH]
            if any(word.lower() in grammar.FINITE_VERBS for word in words):
                return found
        return []
    # 2. a unit of a party: 'Case managers från socialförvaltningen arbetar …',
    #    'Vård- och omsorgsförvaltningens LSS-verksamhet arbetar …'
    unit = grammar.SUBJECT_UNIT_OF.match(sentence)
    if unit:
        found, end = _party_list(sentence, unit.end(), index)
        if len(found) == 1 and _verb_at(sentence, end):
            return [(found[0][0], sentence[:end])]
    genitive = index.genitive.match(sentence)
    if genitive and genitive.group(0).endswith("s"):
        party = index.lookup(genitive.group(0)[:-1])
        tail = grammar.SUBJECT_GENITIVE_UNIT.match(sentence, genitive.end())
        if party and tail and _verb_at(sentence, tail.end()):
            return [(party, sentence[: tail.end()])]
    # 3. 'På vård- och omsorgsförvaltningen utvecklar man …': a generic actor placed in the party
    place = grammar.ACTOR_PLACE.match(sentence)
    if place:
        found, end = _party_list(sentence, place.end(), index)
        actor = grammar.GENERIC_ACTOR_AFTER_VERB.match(sentence, end)
        if (
            found
            and actor
            and actor.group("verb").lower() in grammar.FINITE_VERBS
            and all(index.types.get(party) in grammar.ACTOR_PLACE_TYPES for party, _ in found)
        ):
            return found
    # 4. inverted order after a fronted adverbial: 'Under 2023 har vård- och omsorgsförvaltningen …'
    verb = grammar.FIRST_FINITE_VERB.search(sentence)
    if verb and verb.group(1).lower() in grammar.FINITE_VERBS:
        found, _ = _party_list(sentence, verb.end() + 1, index)
        return found
    return []


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
