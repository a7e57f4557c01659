"""Rewriting plan files of an older format version as the current one, comments and order kept.

Version 1 → 2: `schema_version: 2`; a goal whose only text is the document's "Saknas." becomes
`texts: {missing: saknas}` (the goal itself is missing); an indicator "Saknas." listed beside
stated indicators becomes a `{missing: saknas}` entry, and a list of nothing but "Saknas."
becomes `indicators: {missing: saknas}`. Nothing else changes: the file is edited through
ruamel.yaml's round-trip mode, which keeps comments, key order, quoting and flow style, and is
written atomically (an interrupted run leaves the old file).

The file is first read by the strict loader, so a file `validate` would refuse as YAML (duplicate
keys, aliases, tags, oversize) is refused here too, before ruamel.yaml sees it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from hbg_plan.core.problem import Diagnostic, Location, PlanError
from hbg_plan.io.load import load_yaml
from hbg_plan.io.output import write_atomic

CURRENT_VERSION = 2
SAKNAS = re.compile(r"^\s*saknas\s*\.?\s*$", re.IGNORECASE)


@dataclass
class Migration:
    """What migrating one file did: its version before, and the "Saknas" texts turned into markers."""

    display: str
    version_before: Any = None
    missing_goals: list[str] = field(default_factory=list)  # goal ids
    missing_indicators: list[str] = field(default_factory=list)  # goal ids
    error: Diagnostic | None = None

    @property
    def changed(self) -> bool:
        return self.error is None and self.version_before != CURRENT_VERSION


def _marker() -> CommentedMap:
    marker = CommentedMap(missing="saknas")
    marker.fa.set_flow_style()
    return marker


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never re-wrap a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _goals(data: Any) -> list[CommentedMap]:
    goals: list[CommentedMap] = []
    for area in data.get("focus_areas") or []:
        topics = area.get("topics") if isinstance(area, dict) else None
        for topic in topics if isinstance(topics, list) else []:
            found = topic.get("goals") if isinstance(topic, dict) else None
            goals += [g for g in found if isinstance(g, CommentedMap)] if isinstance(found, list) else []
    return goals


def _is_saknas(value: Any) -> bool:
    return isinstance(value, str) and SAKNAS.match(value) is not None


def migrate_v1(data: CommentedMap, result: Migration) -> None:
    """Edit a version-1 plan in place into version 2."""
    data["schema_version"] = CURRENT_VERSION
    for goal in _goals(data):
        goal_id = str(goal.get("id", "?"))
        texts = goal.get("texts")
        if isinstance(texts, list) and texts and all(_is_saknas(t) for t in texts):
            goal["texts"] = _marker()
            result.missing_goals.append(goal_id)
        indicators = goal.get("indicators")
        if isinstance(indicators, CommentedSeq) and any(_is_saknas(i) for i in indicators):
            if all(_is_saknas(i) for i in indicators):
                goal["indicators"] = _marker()
            else:
                for i, item in enumerate(indicators):
                    if _is_saknas(item):
                        indicators[i] = _marker()
            result.missing_indicators.append(goal_id)


def migrate_file(path: Path, display: str, write: bool = True) -> Migration:
    """Migrate one plan file in place (unless `write` is False). Files already current are left alone."""
    result = Migration(display)
    try:
        strict = load_yaml(path, display)
    except PlanError as exc:
        result.error = exc.diagnostic
        return result
    if not isinstance(strict.data, dict) or "schema_version" not in strict.data:
        result.error = Diagnostic("HBG010", "migrate.not_a_plan", Location(display, 1, 1))
        return result
    version = strict.data["schema_version"]
    result.version_before = version
    if version == CURRENT_VERSION:
        return result
    if version != 1:
        result.error = Diagnostic(
            "HBG010",
            "migrate.unknown_version",
            strict.location(["schema_version"]),
            {"version": str(version)},
        )
        return result
    text = path.read_text(encoding="utf-8-sig")
    yaml = _yaml()
    try:
        data = yaml.load(text)
    except YAMLError as exc:  # the strict loader accepted it; ruamel.yaml should too
        result.error = Diagnostic(
            "HBG003", "migrate.unreadable", Location(display, 1, 1), {"detail": str(exc)[:200]}
        )
        return result
    migrate_v1(data, result)
    out = io.StringIO()
    yaml.dump(data, out)
    if write:
        write_atomic(path, out.getvalue())
    return result
