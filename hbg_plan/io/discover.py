"""Turning command-line paths and plan ids into files, with clear errors for bad paths."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path

from hbg_plan.core.problem import Diagnostic, Location

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
        except FileNotFoundError:
            message_id = "cli.broken_symlink" if path.is_symlink() else "load.not_found"
            found.problems.append(Diagnostic("HBG001", message_id, Location(display)))
            return
        except RuntimeError:  # Python < 3.13 reports a symlink loop this way
            found.problems.append(Diagnostic("HBG001", "cli.symlink_loop", Location(display)))
            return
        except OSError as exc:
            found.problems.append(_os_problem(exc, display))
            return
        if key not in seen:
            seen.add(key)
            found.files.append((path, display))

    def unreadable(exc: OSError) -> None:  # a folder that cannot be listed is reported, not skipped
        where = Location(str(exc.filename))
        found.problems.append(
            Diagnostic("HBG001", "cli.unreadable_folder", where, {"reason": exc.strerror or exc})
        )

    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except OSError as exc:  # e.g. a name too long for the file system
            found.problems.append(_os_problem(exc, raw))
            continue
        if not exists:
            found.problems.append(Diagnostic("HBG001", "load.not_found", Location(raw)))
            continue
        if not is_dir:
            add(path, raw)
            continue
        found.directories.append(path)
        before = len(found.files)
        for root, dirs, files in os.walk(path, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "sources")
            for name in sorted(files):
                if name.endswith(PLAN_SUFFIXES) and not name.startswith("."):
                    full = Path(root) / name
                    add(full, str(full))
        if len(found.files) == before and not any(p.where.file.startswith(raw) for p in found.problems):
            found.problems.append(Diagnostic("HBG001", "cli.no_plans", Location(raw)))
    return found


def _os_problem(exc: OSError, display: str) -> Diagnostic:
    if exc.errno == errno.ELOOP:
        return Diagnostic("HBG001", "cli.symlink_loop", Location(display))
    return Diagnostic("HBG001", "load.unreadable", Location(display), {"reason": exc.strerror or str(exc)})
