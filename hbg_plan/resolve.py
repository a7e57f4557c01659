"""Turning command-line plan references (a file, or a plan id such as `hbg-2020`) into plans.

An id is looked up in the plans folder. Each YAML file's top-level `id:` line is read first, so
finding one plan does not load all of them; only the file found is parsed and checked. Every file
is read through the confinement policy (hbg_plan.confine): regular files inside the repository,
at most MAX_FILE_BYTES each, opened without blocking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hbg_plan.confine import Refused, plan_root, read_confined
from hbg_plan.diagnostics import Diagnostic
from hbg_plan.model import Plan

TOP_LEVEL_ID = re.compile(r"""^id:[ \t]*["']?([A-Za-z0-9._-]+)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)


class PlanLoadError(Exception):
    """A reference that names no readable, valid plan: a message and, if any, the plan's diagnostics."""

    def __init__(
        self, message_id: str, values: dict[str, str], diagnostics: list[Diagnostic] | None = None
    ) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.values = values
        self.diagnostics = diagnostics or []


@dataclass
class PlanFolder:
    """The plan files of a folder and their ids, read lazily."""

    path: Path
    _ids: dict[str, Path] | None = field(default=None, repr=False)

    def files(self) -> list[Path]:
        from hbg_plan.discover import discover
        from hbg_plan.validate import is_registry_file

        if not self.path.is_dir():
            raise PlanLoadError("diff.plans_dir_missing", {"path": str(self.path)})
        return [path for path, _ in discover([str(self.path)]).files if not is_registry_file(path)]

    def ids(self) -> dict[str, Path]:
        if self._ids is None:
            self._ids = {}
            for path in self.files():
                try:  # the plans' own bounded reader: a FIFO or /dev/zero cannot hang or grow this
                    _, raw = read_confined(path, plan_root(path))
                except Refused:
                    continue
                found = TOP_LEVEL_ID.search(raw.decode("utf-8-sig", errors="replace"))
                if found:
                    self._ids.setdefault(found.group(1), path)
        return self._ids


def display_path(path: Path) -> str:
    """The path relative to the working folder when it lies inside it, as CI annotations want."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_checked(path: Path, display: str) -> Plan:
    from hbg_plan.validate import load_plan

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
    import difflib

    close = difflib.get_close_matches(ref, list(ids), n=3, cutoff=0.5)
    values = {
        "ref": ref,
        "folder": str(folder.path),
        "known": ", ".join(sorted(ids)) or "-",
        "close": ", ".join(close),
    }
    raise PlanLoadError("diff.unknown_plan", values)


def load_ref(ref: str, folder: PlanFolder) -> Plan:
    path, display = resolve(ref, folder)
    return load_checked(path, display)
