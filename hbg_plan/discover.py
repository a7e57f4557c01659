"""Turning command-line paths and plan ids into files, with clear errors for bad paths."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from hbg_plan.diagnostics import Diagnostic, Location

PLAN_SUFFIXES = (".yaml", ".yml")


@dataclass
class Discovery:
    files: list[tuple[Path, str]] = field(default_factory=list)  # (path, display name)
    problems: list[Diagnostic] = field(default_factory=list)
    directories: list[Path] = field(default_factory=list)


def discover(paths: list[str]) -> Discovery:
    """Expand files and directories into YAML files, each once, in a stable order."""
    found = Discovery()
    seen: set[Path] = set()

    def add(path: Path, display: str) -> None:
        try:
            key = path.resolve(strict=True)
        except (OSError, RuntimeError):
            found.problems.append(Diagnostic("HBG001", "cli.symlink_loop", Location(display)))
            return
        if key not in seen:
            seen.add(key)
            found.files.append((path, display))

    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except OSError as exc:  # e.g. a symlink loop on some platforms
            found.problems.append(Diagnostic("HBG001", "load.unreadable", Location(raw), {"reason": str(exc)}))
            continue
        if not exists:
            found.problems.append(Diagnostic("HBG001", "load.not_found", Location(raw)))
            continue
        if not is_dir:
            add(path, raw)
            continue
        found.directories.append(path)
        before = len(found.files)
        for root, dirs, files in os.walk(path, onerror=None):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "sources")
            for name in sorted(files):
                if name.endswith(PLAN_SUFFIXES) and not name.startswith("."):
                    full = Path(root) / name
                    add(full, str(full))
        if len(found.files) == before and not any(p.where.file.startswith(raw) for p in found.problems):
            found.problems.append(Diagnostic("HBG001", "cli.no_plans", Location(raw)))
    return found
