"""Validation: load → schema → model → the checks a schema cannot express.

Files are processed one at a time and only a small summary of each plan is kept across files
(its id and references), so a national corpus validates in bounded memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from hbg_plan.core.codes import GAP_CODES
from hbg_plan.core.problem import Diagnostic, Location, PlanError, Severity
from hbg_plan.core.text import did_you_mean
from hbg_plan.io.confine import Refused, Rule, inside, plan_root
from hbg_plan.io.load import Preread, YamlDocument, load_yaml
from hbg_plan.model.plan import LineRange, PartyRegistry, Plan, build_plan, build_registry
from hbg_plan.validate.provenance import SourceText, normalise, normalise_all, source_or_refusal
from hbg_plan.validate.schema import PARTIES_SCHEMA, PLAN_SCHEMA, check

REGISTRY_NAMES = ("parties.yaml", "parties.yml")
UNOPENABLE = frozenset({"load.not_found", "load.unreadable", "load.not_regular", "confine.file_refused"})
MAX_TEXT_EXCERPT = 60


def is_registry_file(path: Path) -> bool:
    return path.name in REGISTRY_NAMES


@dataclass
class FileResult:
    """What validating one file produced. `plan_id` is set when the file is a well-formed plan, and
    `plan` too when the plans are kept."""

    path: Path
    display: str
    kind: str  # "plan" | "parties"
    diagnostics: list[Diagnostic] = field(default_factory=list)
    plan: Plan | None = None
    plan_id: str | None = None

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity is Severity.WARNING for d in self.diagnostics)


def load_document(
    path: Path, display: str, schema_name: str, preread: Preread | None = None
) -> tuple[YamlDocument | None, list[Diagnostic]]:
    try:
        doc = load_yaml(path, display, preread)
    except PlanError as exc:
        return None, [exc.diagnostic]
    if not isinstance(doc.data, dict):
        return None, check(doc, schema_name) or [
            Diagnostic("HBG010", "schema.other", doc.location([]), {"detail": "expected a mapping"})
        ]
    return doc, check(doc, schema_name)


def load_plan(
    path: Path, display: str | None = None, preread: Preread | None = None
) -> tuple[Plan | None, list[Diagnostic]]:
    """A plan model from a file, or the diagnostics that prevent building one."""
    doc, diagnostics = load_document(path, display or str(path), PLAN_SCHEMA, preread)
    if doc is None or diagnostics:
        return None, diagnostics
    return build_plan(doc, path), []


@cache
def find_registry(directory: Path, root: Path) -> Path | Refused | None:
    """The nearest parties.yaml in `directory` or its parents up to the repository `root`, or in
    a `plans/` folder there (a draft written beside the plans folder, `hbg-plan import … -o
    draft.yaml` at the repository root, uses the repository's registry).

    A registry that is a symlink resolving outside the root is refused, not read.
    """
    for folder in (directory, *directory.parents):
        if folder != root and root not in folder.parents:
            break
        for candidate in [folder / name for name in REGISTRY_NAMES] + [
            folder / "plans" / n for n in REGISTRY_NAMES
        ]:
            if candidate.is_file():
                try:
                    inside(candidate, root)
                except Refused as exc:
                    return exc
                return candidate
        if folder == root:
            break
    return None


def plan_registry(plan_path: Path, root: Path | None = None) -> Path | Refused | None:
    """The parties registry that applies to a plan file, within the plan's repository (`root`,
    when the caller already knows it)."""
    return find_registry(plan_path.resolve().parent, root or plan_root(plan_path))


@cache
def load_registry(path: Path) -> tuple[PartyRegistry | None, tuple[Diagnostic, ...]]:
    doc, diagnostics = load_document(path, str(path), PARTIES_SCHEMA)
    if doc is None or diagnostics:
        return None, tuple(diagnostics)
    registry = build_registry(doc, path)
    return registry, tuple(_check_registry(doc, registry))


def registry_for(plan_path: Path) -> PartyRegistry | None:
    location = plan_registry(plan_path)
    return load_registry(location)[0] if isinstance(location, Path) else None


def _check_registry(doc: YamlDocument, registry: PartyRegistry) -> Iterator[Diagnostic]:
    seen: dict[str, int] = {}
    for i, entry in enumerate(doc.data["parties"]):
        where = doc.location(["parties", i, "id"])
        if entry["id"] in seen:
            yield Diagnostic(
                "HBG020",
                "validate.duplicate_party",
                where,
                {"id": entry["id"], "other_line": seen[entry["id"]]},
            )
        else:
            seen[entry["id"]] = where.line
        parent = entry.get("part_of")
        if parent and parent not in registry.parties:
            yield Diagnostic(
                "HBG021", "validate.unknown_part_of", doc.location(["parties", i, "part_of"]),
                {"id": entry["id"], "parent": parent},
            )  # fmt: skip


def check_plan(plan: Plan) -> list[Diagnostic]:
    """The checks a schema cannot express: ids, parties, source file, ranges and verbatim text."""
    diagnostics = list(_unique_ids(plan))
    diagnostics += _parties(plan)
    diagnostics += _suppressions(plan)
    source = source_or_refusal(plan)
    doc = plan.doc
    source_where = doc.location(["source", "file"])
    if isinstance(source, Refused):  # nothing of a refused file is hashed, counted or compared
        diagnostics.append(source_refused(plan, source, source_where))
    else:
        if source.sha256 != plan.source_sha256:
            diagnostics.append(
                Diagnostic(
                    "HBG023",
                    "validate.source_hash",
                    doc.location(["source", "sha256"]),
                    {"path": plan.data_source_name, "actual": source.sha256, "expected": plan.source_sha256},
                )
            )
        diagnostics += _provenance(plan, source)
    diagnostics.sort(key=lambda d: d.where.sort_key())
    return diagnostics


def source_refused(plan: Plan, refusal: Refused, where: Location) -> Diagnostic:
    """HBG022 for a source the confinement policy would not read, naming the rule that refused it."""
    if refusal.rule is Rule.NOT_FOUND:
        return Diagnostic("HBG022", "validate.source_missing", where, {"path": plan.data_source_name})
    return Diagnostic(
        "HBG022", "validate.source_refused", where, {"path": plan.data_source_name, "reason": refusal}
    )


def _unique_ids(plan: Plan) -> Iterator[Diagnostic]:
    seen: dict[str, str] = {}  # id → pointer of its first use; located only on a duplicate

    def claim(item_id: str, where: Location) -> Iterator[Diagnostic]:
        if item_id in seen:
            first = plan.doc.at(seen[item_id] + "/id")
            yield Diagnostic(
                "HBG020", "validate.duplicate_id", plan.doc.at(where.pointer + "/id"),
                {"id": item_id, "other_line": first.line}, related=first,
            )  # fmt: skip
        else:
            seen[item_id] = where.pointer

    for area in plan.focus_areas:
        yield from claim(area.id, area.where)
        for topic in area.topics:
            yield from claim(topic.id, topic.where)
            for goal in topic.goals:
                yield from claim(goal.id, goal.where)
    for section in plan.sections:
        yield from claim(section.id, section.where)


def _suppressions(plan: Plan) -> Iterator[Diagnostic]:
    """A suppression naming no known rule silences nothing: most likely a typo in the code."""
    for goal in plan.goals():
        for suppression in goal.suppressions:
            if suppression.code not in GAP_CODES:
                yield Diagnostic(
                    "HBG027",
                    "validate.suppression_unknown_code",
                    plan.doc.at(suppression.where.pointer + "/code"),
                    {"code": suppression.code},
                )


def _parties(plan: Plan) -> Iterator[Diagnostic]:
    registry_path = plan_registry(plan.path, plan.doc.root)  # the root the plan was read within
    doc = plan.doc
    references: list[tuple[str, str]] = [(p, f"/issued_by/{i}") for i, p in enumerate(plan.issued_by)]
    for goal in plan.goals():
        references += [(r.party, r.where.pointer + "/party") for r in goal.responsible]
    references += [(s.party, s.where.pointer + "/party") for s in plan.sections if s.party]
    references += [(s.party, s.where.pointer + "/party") for s in plan.signatories if s.party]
    if isinstance(registry_path, Refused):
        yield Diagnostic(
            "HBG021", "validate.registry_refused", doc.location(["issued_by"]), {"reason": registry_path}
        )
        return
    if registry_path is None:
        if references:
            yield Diagnostic("HBG021", "validate.no_registry", doc.location(["issued_by"]))
        return
    registry, registry_errors = load_registry(registry_path)
    if registry is None:
        yield from (
            Diagnostic(d.code, d.message_id, d.where, d.args, d.severity) for d in registry_errors[:1]
        )
        return
    import difflib

    known = list(registry.parties)
    for party, pointer in references:
        if party not in registry.parties:
            close = difflib.get_close_matches(party, known, n=1, cutoff=0.6)

            yield Diagnostic(
                "HBG021",
                "validate.unknown_party",
                doc.at(pointer),
                {
                    "party": party,
                    "registry": str(registry_path),
                    "suggestion": did_you_mean(close[0]) if close else "",
                },
            )


TOPIC_TEXT_KEYS = ("title", "description", "target_group", "purpose", "method", "effect")
GOAL_TEXT_KEYS = ("heading", "texts", "indicators")  # each only when not an absence marker


def _string_groups(plan: Plan) -> Iterator[tuple[dict[str, Any], str, tuple[str, ...], int, int]]:
    """(mapping, pointer, keys, first, last): where transcribed strings are and the range they need.

    Each of `keys` in the mapping holds a string or a list of strings. Pointers to single strings
    are made only for the few that fail, not for every string of a large corpus.
    """
    doc = plan.doc.data
    for i, area_data in enumerate(doc["focus_areas"]):
        area = plan.focus_areas[i]
        base = f"/focus_areas/{i}"
        yield area_data, base, ("title", "description"), area.source.first, area.source.last
        for j, topic_data in enumerate(area_data["topics"]):
            topic = area.topics[j]
            tbase = f"{base}/topics/{j}"
            yield topic_data, tbase, TOPIC_TEXT_KEYS, topic.source.first, topic.source.last
            for t, table in enumerate(topic_data.get("tables", [])):
                first, last = table["source"]["lines"]
                yield table, f"{tbase}/tables/{t}", ("caption",), first, last
                for r, row in enumerate(table["rows"]):
                    yield row, f"{tbase}/tables/{t}/rows/{r}", ("label",), first, last
            for k, goal_data in enumerate(topic_data["goals"]):
                goal = topic.goals[k]
                gbase = f"{tbase}/goals/{k}"
                first, last = goal.source.first, goal.source.last
                keys = tuple(k for k in GOAL_TEXT_KEYS if not isinstance(goal_data.get(k), dict))
                yield goal_data, gbase, keys, first, last
                if isinstance(goal_data["responsible"], list):
                    for r, entry in enumerate(goal_data["responsible"]):
                        if "quote" in entry:
                            yield entry, f"{gbase}/responsible/{r}", ("quote",), first, last
                for f, follow in enumerate(goal_data.get("follow_up", [])):
                    ffirst, flast = follow["source"]["lines"]
                    yield follow, f"{gbase}/follow_up/{f}", ("text",), ffirst, flast
    for i, section in enumerate(doc.get("sections", [])):
        first, last = section["source"]["lines"]
        yield section, f"/sections/{i}", ("title", "texts"), first, last
    for i, signatory in enumerate(doc.get("signatories", [])):
        first, last = signatory["source"]["lines"]
        yield signatory, f"/signatories/{i}", ("name", "role", "organisation"), first, last


def _ranges(plan: Plan) -> Iterator[tuple[str, int, int]]:
    for source in _line_ranges(plan):
        yield source.where.pointer, source.first, source.last


def _line_ranges(plan: Plan) -> Iterator[LineRange]:
    for area in plan.focus_areas:
        yield area.source
        for topic in area.topics:
            yield topic.source
            yield from (table.source for table in topic.tables)
            for goal in topic.goals:
                yield goal.source
                yield from (follow.source for follow in goal.follow_up)
                for absence in (goal.indicators_missing, goal.indicators_partial, goal.responsible_missing,
                                goal.goal_missing):  # fmt: skip
                    if absence and absence.source:
                        yield absence.source
    yield from (section.source for section in plan.sections)
    yield from (signatory.source for signatory in plan.signatories)


def _excerpt(text: str) -> str:
    excerpt = " ".join(text.split())
    return excerpt if len(excerpt) <= MAX_TEXT_EXCERPT else excerpt[: MAX_TEXT_EXCERPT - 1] + "…"


def _provenance(plan: Plan, source: SourceText) -> Iterator[Diagnostic]:
    doc = plan.doc
    bad_ranges: set[tuple[int, int]] = set()
    for pointer, first, last in _ranges(plan):
        if first > last:
            bad_ranges.add((first, last))
            yield Diagnostic(
                "HBG024",
                "validate.source_range_order",
                doc.at(pointer + "/lines"),
                {"first": first, "last": last},
            )
        elif last > source.line_count:
            bad_ranges.add((first, last))
            yield Diagnostic(
                "HBG024", "validate.source_range", doc.at(pointer + "/lines"),
                {"first": first, "last": last, "count": source.line_count},
            )  # fmt: skip
    if normalise(plan.title) not in source.flat:  # the title has no line range: anywhere in the source
        yield Diagnostic(
            "HBG025", "validate.title_not_in_source", doc.location(["title"]),
            {"path": plan.data_source_name, "excerpt": _excerpt(plan.title)},
        )  # fmt: skip
    # The strings of each group go into one list, and a group records where its strings end in it:
    # which key and item a string came from is worked out only for the few not found.
    groups: list[tuple[dict[str, Any], str, tuple[str, ...], int, int, int]] = []
    texts: list[str] = []
    for data, base, keys, first, last in _string_groups(plan):
        if (first, last) in bad_ranges:
            continue
        for key in keys:
            value = data.get(key)
            if isinstance(value, list):  # strings, and in indicator lists a {missing: saknas} entry
                texts += [item for item in value if isinstance(item, str)]
            elif value is not None:
                texts.append(value)
        groups.append((data, base, keys, first, last, len(texts)))
    normalised = normalise_all(texts)
    span_range, span = (0, 0), ""
    start = 0
    for data, base, keys, first, last, end in groups:
        if (first, last) != span_range:
            span_range, span = (first, last), source.span(first, last)
        for i in range(start, end):
            if normalised[i] in span:
                continue
            key, n = _string_place(data, keys, i - start)
            pointer = f"{base}/{key}" if n is None else f"{base}/{key}/{n}"
            yield Diagnostic(
                "HBG025", "validate.not_in_source", doc.at(pointer),
                {"path": plan.data_source_name, "first": first, "last": last, "excerpt": _excerpt(texts[i])},
            )  # fmt: skip
        start = end


def _string_place(data: dict[str, Any], keys: tuple[str, ...], index: int) -> tuple[str, int | None]:
    """The key (and list item) of the `index`th string of a group, counted as `_provenance` does."""
    for key in keys:
        value = data.get(key)
        if isinstance(value, list):
            items = [n for n, item in enumerate(value) if isinstance(item, str)]
            if index < len(items):
                return key, items[index]
            index -= len(items)
        elif value is not None:
            if index == 0:
                return key, None
            index -= 1
    raise IndexError(index)  # pragma: no cover - the index comes from the same walk


@dataclass
class ValidationRun:
    results: list[FileResult]
    problems: list[Diagnostic]  # path-level problems: missing files, empty folders

    @property
    def usage_error(self) -> bool:
        """Exit 2: a path was missing or a file could not be opened at all (not a content problem)."""
        return bool(self.problems) or any(
            d.message_id in UNOPENABLE for r in self.results for d in r.diagnostics
        )

    @property
    def failed(self) -> bool:
        return any(r.errors for r in self.results)


def validate_file(path: Path, display: str, preread: Preread | None = None) -> FileResult:
    """Validate one plan or registry file; keeps the plan model when it is well formed."""
    if is_registry_file(path):
        result = FileResult(path, display, "parties")
        doc, diagnostics = load_document(path, display, PARTIES_SCHEMA, preread)
        if doc is not None and not diagnostics:
            diagnostics = list(_check_registry(doc, build_registry(doc, path)))
        result.diagnostics = diagnostics
        return result
    result = FileResult(path, display, "plan")
    plan, diagnostics = load_plan(path, display, preread)
    if plan is not None:
        diagnostics = check_plan(plan)
        result.plan = plan
        result.plan_id = plan.id
    result.diagnostics = diagnostics
    return result
