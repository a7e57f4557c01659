"""Validating many files: in worker processes, from the content-hash cache, or one by one.

Each file is checked on its own (`engine.validate_file`) and leaves a `FileOutcome`; the checks
across files (unique plan ids, `replaces`/`based_on`, where a problem between two files is
reported) then run here, in the parent, from the outcomes' summaries. Whichever way an outcome was
made, the report is the same, byte for byte.

- **Workers.** With `jobs` > 1 and at least MIN_FILES_PER_JOB files per job, files go to a process
  pool in chunks; outcomes come back as plain data in the order of the files, and the parent keeps
  only them, never a plan.
- **Cache.** A file's key is a SHA-256 of the environment (hbg-plan's version and code, the plan
  and parties schemas, the loader's limits), the file's path, display name, repository root and
  bytes. The entry records the file's dependencies — the parties registry that applies to it and
  its source text, each with its SHA-256 (or why it was refused) — and is used only while they are
  unchanged. Each registry and source is read and hashed once per process. Workers return new
  entries with the outcomes; the parent stages them and the cache writes them at the end of the
  run (`Cache.flush`), a few shard files instead of a file per entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from hbg_plan import __version__
from hbg_plan.core.collector import collector_paused
from hbg_plan.core.problem import Diagnostic, Severity
from hbg_plan.core.workers import in_workers
from hbg_plan.io import confine, load
from hbg_plan.io.cache import Cache
from hbg_plan.io.confine import Refused, inside, plan_root, read_bounded
from hbg_plan.io.discover import discover
from hbg_plan.io.load import Preread
from hbg_plan.model.plan import Plan
from hbg_plan.validate.attribution import Attribution
from hbg_plan.validate.engine import (
    FileResult,
    ValidationRun,
    find_registry,
    load_registry,
    plan_registry,
    validate_file,
)
from hbg_plan.validate.outcome import FileOutcome, PlanSummary, Unencodable, decode, encode
from hbg_plan.validate.provenance import SourceText, load_source, source_or_refusal
from hbg_plan.validate.schema import PARTIES_SCHEMA, PLAN_SCHEMA, load_schema

MIN_FILES_PER_JOB = 8  # below this a pool costs more than it saves
MAX_CHUNK = 16
PACKAGE = Path(__file__).resolve().parent.parent


@cache
def _package_fingerprint() -> str:
    """A hash of hbg-plan's own code and data files: an edited checkout invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".json") and path.is_file():
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def environment_key() -> str:
    """Everything besides the file itself that a file's result depends on."""
    digest = hashlib.sha256()
    for part in (
        "hbg-plan",
        __version__,
        _package_fingerprint(),
        json.dumps(load_schema(PLAN_SCHEMA), sort_keys=True),  # the schemas as the checks use them
        json.dumps(load_schema(PARTIES_SCHEMA), sort_keys=True),
        str(load.LIBYAML),
        str(load.MAX_NODES),
        str(load.MAX_DEPTH),
        str(confine.MAX_FILE_BYTES),
    ):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


# --- dependencies: the registry and the source text, hashed once per process --------------------

_states: dict[tuple[str, str], str] = {}


def _reset() -> None:
    """Forget what earlier runs in this process read (tests run the CLI many times in one process)."""
    _states.clear()
    load_source.cache_clear()
    load_registry.cache_clear()
    find_registry.cache_clear()


def _refusal(exc: Refused) -> str:
    return f"refused:{exc.rule.value}:{exc.root}:{exc.reason}:{exc.size}:{exc.limit}"


def _file_state(path: Path, root: Path) -> str:
    """The real path and SHA-256 of a file a plan depends on, or why the policy refuses it."""
    key = (str(path), str(root))
    state = _states.get(key)
    if state is None:
        try:
            real = inside(path, root)
            state = f"{real}:{hashlib.sha256(read_bounded(real)).hexdigest()}"
        except Refused as exc:
            state = _refusal(exc)
        _states[key] = state
    return state


def _registry_state(plan_path: Path) -> str:
    found = plan_registry(plan_path)
    if found is None:
        return "none"
    if isinstance(found, Refused):
        return _refusal(found)
    return _file_state(found, found.parent)  # found is already confined: only hash it


def _dependencies(path: Path, plan: Plan | None) -> list[list[str]]:
    if plan is None:  # not a well-formed plan: its result depends on its own bytes only
        return []
    root = plan_root(plan.path)
    key = (str(plan.source_file), str(root))
    if key not in _states:  # checking the plan has just read it: no second read
        source = source_or_refusal(plan)
        _states[key] = (
            f"{source.path}:{source.sha256}" if isinstance(source, SourceText) else _refusal(source)
        )
    return [["registry", _registry_state(path)], ["source", str(plan.source_file), _states[key]]]


def _unchanged(path: Path, root: Path, dependencies: Any) -> bool:
    if not isinstance(dependencies, list):
        return False
    for dependency in dependencies:
        match dependency:
            case ["registry", str(state)]:
                if _registry_state(path) != state:
                    return False
            case ["source", str(source), str(state)]:
                if _file_state(Path(source), root) != state:
                    return False
            case _:
                return False
    return True


# --- one file ---------------------------------------------------------------------------------


def _cache_key(path: Path, display: str, environment: str) -> tuple[str, str, Preread] | None:
    """The file's id in the cache (which file), its key (which result) and its bytes with its
    repository root (checked from these on a miss, not read again), or None when it cannot be read
    (then it is checked without the cache and reported as it is)."""
    try:
        root = plan_root(path)
        real = inside(path, root)
        raw = read_bounded(real)
    except (Refused, OSError):
        return None
    names = b"".join(
        part.encode("utf-8", "surrogateescape") + b"\0" for part in (display, str(real), str(root))
    )
    file_id = hashlib.sha256(names).hexdigest()
    digest = hashlib.sha256(environment.encode("utf-8") + b"\0" + names)
    digest.update(raw)
    return file_id, digest.hexdigest(), (raw, root)


Staged = tuple[str, str] | None  # (file id, entry line) for the cache to write, when it is to


class Checked(NamedTuple):
    """One file's outcome; its plan when kept; the outcome as JSON values when the cache made them
    (read from an entry, or encoded for a new one: a worker sends them on as they are); the new
    entry to stage."""

    outcome: FileOutcome
    plan: Plan | None
    encoded: dict[str, Any] | None
    staged: Staged


def check_one(
    path: Path, display: str, cache: Cache | None, environment: str, keep_plan: bool = False
) -> Checked:
    """The outcome of one file: from the cache when its entry is current, else checked (and its
    new entry returned, for the process that owns the cache's writes to stage)."""
    keyed = _cache_key(path, display, environment) if cache is not None else None
    if cache is not None and keyed is not None and not keep_plan:
        file_id, key, (_, root) = keyed
        entry = cache.get(file_id, key)
        if entry is not None and _unchanged(path, root, entry.get("dependencies")):
            try:
                return Checked(decode(entry["outcome"]), None, entry["outcome"], None)
            except (KeyError, IndexError, TypeError, ValueError):
                pass  # garbage under a valid key: checked again and rewritten below
    # The plan's objects hold no cycles, so reference counting frees them: paused, the collector
    # does not walk them while they are made, and the plan is dropped before it resumes.
    with collector_paused():
        result = validate_file(path, display, keyed[2] if keyed is not None else None)
        plan = result.plan
        summary = None
        if plan is not None:
            registry = plan_registry(plan.path)
            summary = PlanSummary.of(plan, registry if isinstance(registry, Path) else None)
        outcome = FileOutcome(result.kind, result.diagnostics, summary)
        encoded: dict[str, Any] | None = None
        staged: Staged = None
        if cache is not None and keyed is not None:
            try:
                encoded = encode(outcome)
                line = Cache.entry(keyed[1], {"dependencies": _dependencies(path, plan), "outcome": encoded})
            except Unencodable:
                line = None
            if line is not None:
                staged = keyed[0], line
        if not keep_plan:
            del result, plan
            return Checked(outcome, None, encoded, staged)
    return Checked(outcome, plan, encoded, staged)


# --- worker processes ---------------------------------------------------------------------------

_worker: dict[str, Any] = {}


def _init_worker(cache: Cache | None, environment: str) -> None:
    _reset()
    _worker["cache"] = cache
    _worker["environment"] = environment


def _work(task: tuple[str, str]) -> tuple[dict[str, Any], Staged] | None:
    """A worker's outcome as plain data and its cache entry to stage; None when the outcome cannot
    travel (the parent checks that file)."""
    path, display = task
    checked = check_one(Path(path), display, _worker["cache"], _worker["environment"])
    try:
        encoded = checked.encoded if checked.encoded is not None else encode(checked.outcome)
    except Unencodable:
        return None
    return encoded, checked.staged


def _outcomes(
    files: Sequence[tuple[Path, str]], jobs: int, cache: Cache | None, keep_plans: bool
) -> Iterator[tuple[FileOutcome, Plan | None]]:
    environment = environment_key() if cache is not None else ""
    checked = 0
    if jobs > 1 and not keep_plans and len(files) >= MIN_FILES_PER_JOB * jobs:
        chunk = max(1, min(MAX_CHUNK, len(files) // (jobs * 8)))
        tasks = [(str(path), display) for path, display in files]
        for done in in_workers(jobs, _init_worker, (cache, environment), _work, tasks, chunk):
            path, display = files[checked]
            checked += 1
            if done is None:
                yield check_one(path, display, None, environment)[:2]
                continue
            data, staged = done
            if staged is not None and cache is not None:
                cache.stage(*staged)
            yield decode(data), None
    for path, display in files[checked:]:  # all of them, or those a lost worker left
        outcome, plan, _, staged = check_one(path, display, cache, environment, keep_plans)
        if staged is not None and cache is not None:
            cache.stage(*staged)
        yield outcome, plan


# --- the run ------------------------------------------------------------------------------------


def validate_paths(
    paths: list[str],
    keep_plans: bool = False,
    changed: frozenset[Path] | None = None,
    *,
    jobs: int = 1,
    cache: Cache | None = None,
) -> ValidationRun:
    """Validate every plan file under `paths`; plans are dropped after checking unless `keep_plans`.

    `changed` (resolved paths, from git) decides where a problem between two files is reported;
    see `hbg_plan.validate.attribution`. `jobs` worker processes (1: none) and the `cache` (None:
    none) change how fast, never what, is reported; `keep_plans` checks in this process.
    """
    found = discover(paths)
    _reset()
    if cache is not None:
        cache.tool_version = __version__
    results: list[FileResult] = []
    attribution = Attribution(changed)
    references: list[tuple[FileResult, str, str, Any]] = []
    for (path, display), (outcome, plan) in zip(
        found.files, _outcomes(found.files, jobs, cache, keep_plans), strict=True
    ):
        summary = outcome.summary
        plan_id = summary.plan_id if summary is not None else None
        result = FileResult(path, display, outcome.kind, outcome.diagnostics, plan, plan_id)
        if summary is not None:
            attribution.add_summary(result, summary)
            if summary.replaces:
                references.append((result, "replaces", *summary.replaces))
            references += [(result, "based_on", ref, where) for ref, where in summary.based_on]
        results.append(result)
    if cache is not None:
        cache.flush()
    attribution.finish(results)
    if found.directories:  # references can only be judged when whole folders were checked
        for result, field_name, ref, where in references:
            if ref not in attribution.plan_ids:
                result.diagnostics.append(
                    Diagnostic(
                        "HBG026", "validate.unknown_plan", where, {"field": field_name, "id": ref},
                        severity=Severity.WARNING,
                    )
                )  # fmt: skip
    return ValidationRun(results, found.problems)
