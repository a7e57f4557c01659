"""The workspace: the one place where a plan reference (a file, a folder, or a plan id such as
`hbg-2020`) becomes a loaded plan, and where the plans of a folder form a PlanSet.

An id is looked up in the plans folder. Each YAML file's top-level `id:` line is read first, so
finding one plan does not load all of them; only the file found is parsed and checked. Every file
is read through the confinement policy (hbg_plan.io.confine): regular files inside the repository,
at most MAX_FILE_BYTES each, opened without blocking.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from hbg_plan.core.collector import collector_paused
from hbg_plan.core.problem import Diagnostic, Location
from hbg_plan.io.confine import Refused, plan_root, read_confined
from hbg_plan.io.discover import discover
from hbg_plan.model.plan import Goal, Plan, Topic
from hbg_plan.validate.engine import is_registry_file, load_plan, registry_for

TOP_LEVEL_ID = re.compile(r"""^id:[ \t]*["']?([A-Za-z0-9._-]+)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)
TOP_LEVEL_REPLACES = re.compile(
    r"""^replaces:[ \t]*["']?([A-Za-z0-9._-]+)["']?[ \t]*(?:#.*)?$""", re.MULTILINE
)


class PlanLoadError(Exception):
    """A reference that names no readable, valid plan: a message and, if any, the plan's diagnostics."""

    def __init__(
        self, message_id: str, values: dict[str, str], diagnostics: list[Diagnostic] | None = None
    ) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.values = values
        self.diagnostics = diagnostics or []

    def diagnostic(self, ref: str) -> Diagnostic:
        """The reason as a problem at `ref` (HBG001); its `close` value holds the "did you mean"."""
        return Diagnostic("HBG001", self.message_id, Location(ref), self.values)


def unknown_plan(ref: str, known: Iterable[str], folder: Path) -> PlanLoadError:
    """The one answer to an id no plan in `folder` has: the known ids and the close ones."""
    ids = sorted(known)
    close = difflib.get_close_matches(ref, ids, n=3, cutoff=0.5)
    values = {"ref": ref, "folder": str(folder), "known": ", ".join(ids) or "-", "close": ", ".join(close)}
    return PlanLoadError("diff.unknown_plan", values)


@dataclass
class PlanFolder:
    """The plan files of a folder and their ids, read lazily."""

    path: Path
    _ids: dict[str, Path] | None = field(default=None, repr=False)

    def files(self) -> list[Path]:
        if not self.path.is_dir():
            raise PlanLoadError("diff.plans_dir_missing", {"path": str(self.path)})
        return [path for path, _ in discover([str(self.path)]).files if not is_registry_file(path)]

    def ids(self) -> dict[str, Path]:
        if self._ids is None:
            self._ids = {}
            for path in self.files():
                plan_id, _ = id_lines(path)
                if plan_id is not None:
                    self._ids.setdefault(plan_id, path)
        return self._ids


def id_lines(path: Path) -> tuple[str | None, str | None]:
    """A plan file's `id:` and `replaces:` lines, as far as a quick read without loading finds them
    (None for a file the policy refuses)."""
    try:  # the plans' own bounded reader: a FIFO or /dev/zero cannot hang or grow this
        _, raw = read_confined(path, plan_root(path))
    except Refused:
        return None, None
    text = raw.decode("utf-8-sig", errors="replace")
    found, replaces = TOP_LEVEL_ID.search(text), TOP_LEVEL_REPLACES.search(text)
    return (found.group(1) if found else None), (replaces.group(1) if replaces else None)


def display_path(path: Path) -> str:
    """The path relative to the working folder when it lies inside it, as CI annotations want."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_checked(path: Path, display: str) -> Plan:
    plan, diagnostics = load_plan(path, display)
    if plan is None:
        raise PlanLoadError("diff.invalid_plan", {"path": display}, diagnostics)
    return plan


def resolve(ref: str, folder: PlanFolder) -> tuple[Path, str]:
    """The file a reference names: an existing file as given, else the plan with that id."""
    path = Path(ref)
    if path.is_file():
        return path, ref
    if path.is_dir():
        raise PlanLoadError("diff.is_directory", {"path": ref})
    if path.suffix in (".yaml", ".yml") or "/" in ref or "\\" in ref:
        raise PlanLoadError("diff.no_such_file", {"path": ref})
    ids = folder.ids()
    if ref in ids:
        return ids[ref], display_path(ids[ref])
    raise unknown_plan(ref, ids, folder.path)


def load_ref(ref: str, folder: PlanFolder) -> Plan:
    path, display = resolve(ref, folder)
    return load_checked(path, display)


# --- the valid plans of a folder ----------------------------------------------------------------


@dataclass
class PlanCatalog:
    """The valid plans of a folder, keyed by id, and the diagnostics of the ones that failed to load."""

    plans: dict[str, Plan]
    broken: dict[str, list[Diagnostic]]

    def ordered(self) -> list[Plan]:
        """Oldest first by period, then by id, for lineages and history."""
        return sorted(self.plans.values(), key=lambda p: (p.period[0], p.period[1], p.id))


def load_catalog(folder: Path, loaded: Mapping[Path, Plan] | None = None) -> PlanCatalog:
    """The plans of `folder`; a file whose resolved path is in `loaded` is not read again."""
    found = discover([str(folder)])
    plans: dict[str, Plan] = {}
    broken: dict[str, list[Diagnostic]] = {}
    with collector_paused():
        for path, display in found.files:
            if is_registry_file(path):
                continue
            known = loaded.get(path.resolve()) if loaded else None
            plan, diagnostics = (known, []) if known is not None else load_plan(path, display)
            if plan is None:
                broken[display] = diagnostics
            else:
                plans.setdefault(plan.id, plan)
    return PlanCatalog(plans, broken)


def resolve_plan(ref: str, folder: Path) -> tuple[Plan | None, list[Diagnostic]]:
    """A plan named by file path or by id (looked up in `folder` without loading every plan); an
    unknown reference is one HBG001 problem (with the close ids for a "did you mean")."""
    try:
        path, display = resolve(ref, PlanFolder(folder))
    except PlanLoadError as exc:
        return None, [exc.diagnostic(ref)]
    return load_plan(path, display)


# --- the plans a rule may look at ---------------------------------------------------------------


class PlanSet:
    """The plans of a folder by id, with the version lineage that `replaces` links form."""

    def __init__(self, plans: Iterable[Plan]) -> None:
        self._plans: dict[str, Plan] = {}
        for plan in plans:
            self._plans.setdefault(plan.id, plan)

    def __iter__(self) -> Iterator[Plan]:
        return iter(self._plans.values())

    def __len__(self) -> int:
        return len(self._plans)

    def __contains__(self, plan_id: object) -> bool:
        return plan_id in self._plans

    def get(self, plan_id: str) -> Plan | None:
        return self._plans.get(plan_id)

    def predecessors(self, plan: Plan) -> list[Plan]:
        """The versions this plan replaces, newest first; stops at a missing plan or a cycle."""
        return list(self._older(plan))

    def _older(self, plan: Plan) -> Iterator[Plan]:
        """`predecessors`, one at a time: a lineage that ends early looks no further back."""
        seen = {plan.id}
        current = plan
        while current.replaces and current.replaces not in seen:
            older = self.get(current.replaces)
            if older is None:
                return
            yield older
            seen.add(older.id)
            current = older

    def versions(self, plan: Plan) -> list[Plan]:
        """The plan's lineage through `replaces` links, oldest first: its predecessors, it, its successors."""
        chain = [*reversed(self.predecessors(plan)), plan]
        seen = {p.id for p in chain}
        while True:
            newer = sorted(
                (p for p in self if p.replaces == chain[-1].id and p.id not in seen), key=lambda p: p.period
            )
            if not newer:
                return chain
            chain.append(newer[0])
            seen.add(newer[0].id)

    @staticmethod
    def counterpart(goal: Goal, plan: Plan, older: Plan) -> Goal | None:
        """The same goal in an older version: by renamed_from, same_as, id, or the topic's old id."""
        for candidate in (goal.renamed_from, goal.same_as, goal.id):
            if candidate:
                found = older.goal(candidate)
                if found is not None:
                    return found
        topic = plan.topic(goal.topic_id)
        if topic is not None and topic.renamed_from and goal.id.startswith(topic.id + "."):
            return older.goal(topic.renamed_from + goal.id[len(topic.id) :])
        return None

    def lineage(self, plan: Plan, goal: Goal) -> list[tuple[Plan, Goal]]:
        """The goal in this and each consecutive older version, newest first, while it continues."""
        chain = [(plan, goal)]
        for older in self._older(plan):
            newer_plan, newer_goal = chain[-1]
            found = self.counterpart(newer_goal, newer_plan, older)
            if found is None:
                break
            chain.append((older, found))
        return chain

    @staticmethod
    def topic_counterpart(local: Plan, topic: Topic) -> Topic | None:
        """The local plan's topic that answers `topic` of another plan: by id, same_as or renamed_from."""
        for candidate in local.topics():
            if topic.id in (candidate.id, candidate.same_as, candidate.renamed_from):
                return candidate
            if topic.same_as and topic.same_as == candidate.id:
                return candidate
        return None


# --- loading the plans to check and the plans they are compared with ---------------------------


@dataclass
class Loaded:
    """The plans named on the command line, the folder plans they are compared with, and problems."""

    targets: list[Plan]
    context: PlanSet
    errors: list[Diagnostic]  # targets that could not be loaded, unknown paths or ids
    skipped: list[str]  # other plan files of the folders that are not valid plans


def load_for_check(refs: Sequence[str], plans_dir: Path) -> Loaded:
    """Plans by path (file or folder) or id (looked up in `plans_dir`; no refs: all of it).

    Rules that compare versions or levels see every valid plan in the folders of the targets.
    """
    catalogs: dict[Path, PlanCatalog] = {}
    loaded: dict[Path, Plan] = {}  # the targets by resolved path: the catalogs reuse them

    def catalog_of(folder: Path) -> PlanCatalog:
        key = folder.resolve()
        if key not in catalogs:
            catalogs[key] = load_catalog(folder, loaded)
        return catalogs[key]

    targets: list[Plan] = []
    errors: list[Diagnostic] = []
    folders: list[Path] = []
    wanted = list(refs) or [str(plans_dir)]
    by_id: list[str] = []
    paths: list[str] = []
    for ref in wanted:
        path = Path(ref)
        if not path.exists() and path.suffix not in (".yaml", ".yml") and "/" not in ref and "\\" not in ref:
            by_id.append(ref)
        else:
            paths.append(ref)
    found = discover(paths) if paths else None
    if found is not None:
        errors += found.problems
        folders += found.directories
        with collector_paused():
            for file, display in found.files:
                if is_registry_file(file):
                    continue
                plan, diagnostics = load_plan(file, display)
                errors += diagnostics
                if plan is not None:
                    targets.append(plan)
                    folders.append(file.parent)
                    loaded.setdefault(file.resolve(), plan)
    if by_id:
        catalog = catalog_of(plans_dir) if plans_dir.is_dir() else None
        folders.append(plans_dir)
        for ref in by_id:
            plan = catalog.plans.get(ref) if catalog else None
            if plan is None:
                known = catalog.plans if catalog else ()
                errors.append(unknown_plan(ref, known, plans_dir).diagnostic(ref))
            else:
                targets.append(plan)
    context_plans: list[Plan] = list(targets)
    skipped: list[str] = []
    target_files = {p.path.resolve() for p in targets}
    for folder in {f.resolve(): f for f in reversed(folders) if f.is_dir()}.values():
        catalog = catalog_of(folder)
        context_plans += [p for p in catalog.plans.values() if p.path.resolve() not in target_files]
        skipped += [name for name in catalog.broken if Path(name).resolve() not in target_files]
    return Loaded(targets, PlanSet(context_plans), errors, sorted(set(skipped)))


class _PlanFile(Protocol):
    @property
    def path(self) -> Path: ...


def party_names(plans: Iterable[_PlanFile]) -> tuple[dict[str, str], dict[str, str]]:
    """(id → short label, id → full name) from the parties registries next to the plans (a Plan or
    anything else that says which file it is)."""
    short: dict[str, str] = {}
    names: dict[str, str] = {}
    for plan in plans:
        registry = registry_for(plan.path)
        if registry is None:
            continue
        for party_id in registry.parties:
            short.setdefault(party_id, registry.short(party_id))
            names.setdefault(party_id, registry.name(party_id))
    return short, names
