"""`gaps` over whole folders of plans in bounded memory, in worker processes.

Loading every plan of a folder first and then running the rules (`run_checks`) holds all of them
at once: about 1 MB of objects per generated plan, 3 GB for a national corpus of 2,900. Here each
plan is loaded, checked and dropped; the plans a rule compares it with (the versions it replaces,
the plans it is `based_on`) are loaded when asked for and kept in a small per-process cache, which
the usual order of files (one municipality's versions side by side) makes hit almost always.
Only findings and a few facts per plan come back to the parent, so files can be checked in worker
processes, like `validate`'s.

To find a plan by id without loading the folder, the top-level `id:` line of each file is read
first (`workspace.id_lines`, as `PlanFolder.ids` does). Every file is also loaded as a target, so
the real ids are known by the end: if any valid plan's id is not what its `id:` line said (an
unusual way of writing it), the result might differ from loading everything, and `check_folders`
returns None for the caller to do that instead. The same run, the same report, byte for byte
(tests/test_gaps_corpus.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hbg_plan.core.collector import collector_paused
from hbg_plan.core.problem import Diagnostic
from hbg_plan.core.workers import in_workers
from hbg_plan.gaps.context import Finding
from hbg_plan.gaps.engine import (
    CheckedPlan,
    CheckResult,
    Selector,
    attach_findings,
    check_plan,
    gap_diagnostics,
    sorted_result,
)
from hbg_plan.io.discover import discover
from hbg_plan.model.plan import Plan
from hbg_plan.validate.engine import ValidationRun, is_registry_file, load_plan
from hbg_plan.workspace import PlanSet, id_lines

MIN_FILES = 16  # fewer files: loaded together as usual
MIN_FILES_PER_JOB = 8  # below this a pool costs more than it saves
KEPT_PLANS = 32  # per process, at least: a municipality's versions and the plans they are based on
MAX_CHUNK = 64  # consecutive files: a municipality's versions mostly go to one worker

PlanFile = tuple[str, str]  # (path, display)


class FolderPlans(PlanSet):
    """The plans of the folders by id, loaded on demand; the `keep` last used stay loaded.

    `by_id` lists the files whose `id:` line names each id, in folder order; `get` returns the first
    of them that loads as a valid plan with that id, as the eager PlanSet keeps the first plan of
    each id. Rules only look plans up by id (`get`, `predecessors`, `lineage`); iterating the
    folder would mean loading it, so it is refused.
    """

    def __init__(self, by_id: dict[str, list[PlanFile]], keep: int = KEPT_PLANS) -> None:
        super().__init__(())
        self._files = by_id
        self._keep = keep
        self._kept: OrderedDict[str, tuple[Plan | None, list[Diagnostic]]] = OrderedDict()

    def load(self, path: str, display: str) -> tuple[Plan | None, list[Diagnostic]]:
        loaded = self._kept.get(path)
        if loaded is None:
            loaded = self._kept[path] = load_plan(Path(path), display)
            if len(self._kept) > self._keep:
                self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(path)
        return loaded

    def get(self, plan_id: str) -> Plan | None:
        for path, display in self._files.get(plan_id, ()):
            plan = self.load(path, display)[0]
            if plan is not None and plan.id == plan_id:
                return plan
        return None

    def __contains__(self, plan_id: object) -> bool:
        return isinstance(plan_id, str) and self.get(plan_id) is not None

    def __iter__(self) -> Iterator[Plan]:
        raise TypeError("the plans of a corpus are looked up by id, not listed")

    def __len__(self) -> int:
        raise TypeError("the plans of a corpus are looked up by id, not counted")


@dataclass
class Checked:
    """What checking one file leaves: its load problems, or its facts, findings and suppressions."""

    errors: list[Diagnostic]
    plan: CheckedPlan | None
    findings: list[Finding]
    suppressed: list[Finding]


def _check_file(task: PlanFile, plans: FolderPlans, selector: Selector) -> Checked:
    plan, errors = plans.load(*task)
    if plan is None:
        return Checked(errors, None, [], [])
    with collector_paused():
        findings, suppressed = check_plan(plan, plans, selector)
    return Checked([], CheckedPlan.of(plan), findings, suppressed)


_worker: dict[str, Any] = {}


def _init_worker(by_id: dict[str, list[PlanFile]], keep: int, selector: Selector) -> None:
    _worker["plans"] = FolderPlans(by_id, keep)
    _worker["selector"] = selector


def _work(task: PlanFile) -> Checked:
    return _check_file(task, _worker["plans"], _worker["selector"])


def _deepest_lineage(replaces: dict[str, str]) -> int:
    """The most versions one `replaces` chain links (the hints'; cycles end a chain)."""
    depth: dict[str, int] = {}
    for start in replaces:
        chain: list[str] = []
        current: str | None = start
        while current is not None and current not in depth and current not in chain:
            chain.append(current)
            current = replaces.get(current)
        known = depth.get(current, 0) if current is not None else 0
        for plan_id in reversed(chain):
            known += 1
            depth[plan_id] = known
    return max(depth.values(), default=0)


def check_folders(
    folders: Sequence[str], selector: Selector, jobs: int
) -> tuple[CheckResult, list[Diagnostic]] | None:
    """The gap check of every plan in `folders`, and the problems of files that are not valid plans.

    None when this way does not apply — not only folders, too few files, or a plan's id that its
    `id:` line does not show — and the caller should load the plans together as usual.
    """
    found = discover(list(folders))
    if found.problems or len(found.directories) != len(folders):
        return None
    files = [(str(path), display) for path, display in found.files if not is_registry_file(path)]
    if len(files) < MIN_FILES:
        return None
    lines = [id_lines(Path(path)) for path, _ in files]
    hints = [plan_id for plan_id, _ in lines]
    by_id: dict[str, list[PlanFile]] = {}
    for task, hint in zip(files, hints, strict=True):
        if hint is not None:
            by_id.setdefault(hint, []).append(task)
    # A rule walks a plan's whole lineage: keep all of the longest one loaded, or each walk would
    # load it again (a folder of one long chain keeps as much as loading it together would).
    keep = max(KEPT_PLANS, _deepest_lineage({i: r for i, r in lines if i and r}) + 8)
    errors: list[Diagnostic] = []
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    checked: list[CheckedPlan] = []
    for hint, done in zip(hints, _results(files, by_id, keep, selector, jobs), strict=True):
        if done.plan is not None and done.plan.id != hint:
            return None  # the quick id read missed this plan: lookups by id could differ
        errors += done.errors
        findings += done.findings
        suppressed += done.suppressed
        if done.plan is not None:
            checked.append(done.plan)
    return sorted_result(findings, suppressed, checked), errors


def corpus_gap_diagnostics(
    run: ValidationRun,
    folders: Sequence[str],
    selector: Selector,
    fail_on: str,
    keep: Callable[[CheckResult], CheckResult] | None,
    jobs: int,
) -> bool:
    """`validate --gaps` over whole folders whose plans were not kept: the rules plan by plan (see
    `check_folders`), or where that does not apply, the plans loaded again and checked together."""
    checked = check_folders(folders, selector, jobs)
    if checked is not None:
        return attach_findings(run, checked[0], fail_on, keep)
    for result in run.results:
        if result.plan_id is not None and result.plan is None:
            result.plan = load_plan(result.path, result.display)[0]
    return gap_diagnostics(run, selector, fail_on, keep)


def is_corpus(paths: Sequence[str]) -> bool:
    """Whether `paths` are folders holding enough plan files to check them plan by plan."""
    if not paths or not all(Path(path).is_dir() for path in paths):
        return False
    found = discover(list(paths))
    return sum(not is_registry_file(path) for path, _ in found.files) >= MIN_FILES


def _results(
    files: list[PlanFile], by_id: dict[str, list[PlanFile]], keep: int, selector: Selector, jobs: int
) -> Iterator[Checked]:
    checked = 0
    if jobs > 1 and len(files) >= MIN_FILES_PER_JOB * jobs:
        chunk = max(16, min(MAX_CHUNK, len(files) // (jobs * 8)))
        for done in in_workers(jobs, _init_worker, (by_id, keep, selector), _work, files, chunk):
            checked += 1
            yield done
    plans = FolderPlans(by_id, keep)
    for task in files[checked:]:  # all of them, or those a lost worker left
        yield _check_file(task, plans, selector)
