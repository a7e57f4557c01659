"""The next version of a plan as a YAML skeleton, so a revision starts from the last plan.

The skeleton keeps the structure and the ids (so `diff` matches the new version by identity) and
the structural titles, and leaves every transcribed text empty. It is valid YAML that fails
validation exactly where the new document must be read: each `texts: []`, each `lines: []`, the
title and the source. Indicators and responsible parties start as `{missing: not-stated}`: the
honest value until the new document is read, and one a reviewer can grep for.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import textwrap
from pathlib import Path

from hbg_plan.i18n import message
from hbg_plan.io.output import yaml_quoted
from hbg_plan.model.plan import Plan

YEAR = re.compile(r"(?:19|20)[0-9]{2}")
SCHEMA_COMMENT = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)")
SCHEMA_URL = "https://hbg-plan.github.io/schemas/plan.schema.json"
SOURCE_PLACEHOLDER = "sources/TODO.txt"
SHA256_PLACEHOLDER = "TODO"
COMMENT_WIDTH = 100


def next_period(plan: Plan) -> tuple[str, str]:
    """The period after the plan's, as long as the plan's: 2020-2022 → 2023-2025."""
    start, end = int(plan.period[0]), int(plan.period[1])
    return str(end + 1), str(end + 1 + (end - start))


def next_id(plan: Plan) -> str:
    """The plan id with its (last) year replaced by the next period's start: hbg-2020 → hbg-2023."""
    year = next_period(plan)[0]
    matches = list(YEAR.finditer(plan.id))
    if not matches:
        return f"{plan.id}-{year}"
    last = matches[-1]
    return plan.id[: last.start()] + year + plan.id[last.end() :]


def schema_reference(plan: Plan, target: Path) -> str:
    """The `$schema` path for `target`: the old plan's schema, seen from the new file's folder."""
    folder = target.resolve().parent
    candidates: list[Path] = []
    with contextlib.suppress(OSError, UnicodeDecodeError):
        with plan.path.open(encoding="utf-8-sig") as handle:
            match = SCHEMA_COMMENT.match(handle.readline())
        if match and "://" not in match[1]:
            candidates.append(plan.path.resolve().parent / match[1])
        elif match:
            return match[1]
    candidates += [parent / "schemas" / "plan.schema.json" for parent in (folder, *folder.parents)]
    for candidate in candidates:
        if candidate.is_file():
            found = candidate.resolve()
            if os.path.commonpath([found, folder]) == found.anchor:  # nothing shared: say it in full
                return found.as_uri()
            return Path(os.path.relpath(found, folder)).as_posix()
    return SCHEMA_URL


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}" for line in textwrap.wrap(text, COMMENT_WIDTH - len(indent) - 2)]


def render_scaffold(plan: Plan, new_id: str, target: Path, lang: str) -> str:
    """YAML text of the next version of `plan`, saved as `target`."""
    start, end = next_period(plan)
    out = [f"# yaml-language-server: $schema={schema_reference(plan, target)}"]
    out += _comment(message("init.comment_header", lang, old=plan.id, path=plan.path.as_posix()))
    out += _comment(message("init.comment_todo", lang))
    out += [
        "schema_version: 2",
        f"id: {new_id}",
        'title: ""',
        f"kind: {plan.kind}",
        f"level: {plan.level}",
        f"issued_by: [{', '.join(plan.issued_by)}]",
        f'period: {{start: "{start}", end: "{end}"}}  # {message("init.comment_period", lang, old=plan.id)}',
        "source:",
        f"  file: {yaml_quoted(SOURCE_PLACEHOLDER)}",
        f"  sha256: {yaml_quoted(SHA256_PLACEHOLDER)}",
        f"replaces: {plan.id}",
    ]
    if plan.based_on:
        out.append(f"based_on: [{', '.join(plan.based_on)}]")
    if plan.sections:
        out.append("sections:")
        for section in plan.sections:
            out.append(f"  - id: {section.id}")
            out.append(f"    kind: {section.kind}")
            if section.title is not None:
                out.append(f"    title: {yaml_quoted(section.title)}")
            if section.party is not None:
                out.append(f"    party: {section.party}")
            out += ["    source: {lines: []}", "    texts: []"]
    out.append("focus_areas:" if plan.focus_areas else "focus_areas: []")
    for area in plan.focus_areas:
        out.append(f"  - id: {area.id}")
        if area.number is not None:
            out.append(f"    number: {area.number}")
        out += [f"    title: {yaml_quoted(area.title)}", "    source: {lines: []}"]
        out.append("    topics:" if area.topics else "    topics: []")
        for topic in area.topics:
            out.append(f"      - id: {topic.id}")
            if topic.number is not None:
                out.append(f"        number: {topic.number}")
            out += [f"        title: {yaml_quoted(topic.title)}", "        source: {lines: []}"]
            out.append("        goals:" if topic.goals else "        goals: []")
            for goal in topic.goals:
                was = message("init.comment_was", lang, old=plan.id, line=goal.where.line)
                out += [
                    f"          - id: {goal.id}  # {was}",
                    f"            horizon: {goal.horizon}",
                    "            source: {lines: []}",
                    "            texts: []",
                    "            indicators: {missing: not-stated}",
                    "            responsible: {missing: not-stated}",
                ]
    return "\n".join(out) + "\n"


def create_new(path: Path, text: str) -> None:
    """Write `path` atomically, failing with FileExistsError if it exists (never replaces a file).

    The text goes to a temporary file that is then hard-linked into place: the link fails if the
    name is taken, even when another process creates it meanwhile.
    """
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: exclusive create, then replace
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
