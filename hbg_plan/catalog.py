"""Finding plans in a folder by id, so commands accept `hbg-2020` as well as a file path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hbg_plan.diagnostics import Diagnostic
from hbg_plan.discover import discover
from hbg_plan.model import Plan
from hbg_plan.validate import is_registry_file, load_plan


@dataclass
class PlanCatalog:
    """The valid plans of a folder, keyed by id, and the diagnostics of the ones that failed to load."""

    plans: dict[str, Plan]
    broken: dict[str, list[Diagnostic]]

    def ordered(self) -> list[Plan]:
        """Oldest first by period, then by id, for lineages and history."""
        return sorted(self.plans.values(), key=lambda p: (p.period[0], p.period[1], p.id))


def load_catalog(folder: Path) -> PlanCatalog:
    found = discover([str(folder)])
    plans: dict[str, Plan] = {}
    broken: dict[str, list[Diagnostic]] = {}
    for path, display in found.files:
        if is_registry_file(path):
            continue
        plan, diagnostics = load_plan(path, display)
        if plan is None:
            broken[display] = diagnostics
        else:
            plans.setdefault(plan.id, plan)
    return PlanCatalog(plans, broken)


def resolve_plan(ref: str, folder: Path) -> tuple[Plan | None, list[Diagnostic]]:
    """A plan named by file path or by id (looked up in `folder` without loading every plan)."""
    from hbg_plan.resolve import PlanFolder, PlanLoadError, resolve

    try:
        path, display = resolve(ref, PlanFolder(folder))
    except PlanLoadError:
        return None, []
    return load_plan(path, display)
