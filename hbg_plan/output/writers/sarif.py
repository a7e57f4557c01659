"""SARIF 2.1.0 logs from generic rules and results, for GitHub code scanning and other tools.

Generic: callers describe rules and results with the small dataclasses below, so validate,
gaps and diff share one builder. The output validates against the official 2.1.0 schema
(tests/data/sarif-schema-2.1.0.json).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from hbg_plan import __version__
from hbg_plan.core.problem import Severity
from hbg_plan.io.invocation import config_in_use

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"


def level_of(severity: Severity) -> str:
    return LEVELS[severity]


@dataclass(frozen=True)
class SarifRule:
    """A reportingDescriptor: a rule's id, name, descriptions, help and default level."""

    id: str
    name: str | None = None
    short_description: str | None = None
    full_description: str | None = None
    help_text: str | None = None
    help_markdown: str | None = None
    level: str = "warning"
    help_uri: str | None = None
    properties: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SarifLocation:
    """A file region; `line`/`column` 0 means unknown. `name` adds a logical location."""

    file: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    message: str | None = None
    name: str | None = None
    kind: str | None = None  # logical location kind, e.g. "object"


@dataclass(frozen=True)
class SarifResult:
    rule_id: str
    level: str
    message: str
    locations: Sequence[SarifLocation] = ()
    related: Sequence[SarifLocation] = ()
    properties: Mapping[str, Any] = field(default_factory=dict)
    fingerprints: Mapping[str, str] = field(default_factory=dict)


def artifact_location(file: str, base: Path | None = None) -> dict[str, Any]:
    """A relative path becomes a URI under %SRCROOT% (the checkout); an absolute one a file: URI.

    An absolute path below `base` (default: the current folder) is made relative first, so code
    scanning can map it to the repository.
    """
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to((base or Path.cwd()).resolve())
        except ValueError:
            return {"uri": path.as_uri()}
    return {"uri": quote(PurePath(path).as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _location(loc: SarifLocation, index: int | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(loc.file)}
    if loc.line > 0:
        region: dict[str, Any] = {"startLine": loc.line}
        if loc.column > 0:
            region["startColumn"] = loc.column
        if loc.end_line >= loc.line:
            region["endLine"] = loc.end_line
        physical["region"] = region
    result: dict[str, Any] = {"physicalLocation": physical}
    if index is not None:
        result["id"] = index
    if loc.message:
        result["message"] = {"text": loc.message}
    if loc.name:
        logical: dict[str, Any] = {"fullyQualifiedName": loc.name}
        if loc.kind:
            logical["kind"] = loc.kind
        result["logicalLocations"] = [logical]
    return result


def _text(text: str | None, markdown: str | None = None) -> dict[str, str] | None:
    if not text:
        return None
    message = {"text": text}
    if markdown:
        message["markdown"] = markdown
    return message


def rule_descriptor(rule: SarifRule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": rule.id}
    if rule.name:
        descriptor["name"] = rule.name
    for key, value in (
        ("shortDescription", _text(rule.short_description)),
        ("fullDescription", _text(rule.full_description)),
        ("help", _text(rule.help_text, rule.help_markdown)),
    ):
        if value:
            descriptor[key] = value
    if rule.help_uri:
        descriptor["helpUri"] = rule.help_uri
    descriptor["defaultConfiguration"] = {"level": rule.level}
    if rule.properties:
        descriptor["properties"] = dict(rule.properties)
    return descriptor


def build_log(
    rules: Sequence[SarifRule],
    results: Sequence[SarifResult],
    *,
    tool_name: str = "hbg-plan",
    version: str = __version__,
    information_uri: str | None = None,
    successful: bool = True,
    language: str = "en",
) -> dict[str, Any]:
    """A complete SARIF 2.1.0 log with one run; results refer to rules by id and index.

    Rules that results name but `rules` lacks are added with their id only.
    """
    descriptors = list(rules)
    index = {rule.id: i for i, rule in enumerate(descriptors)}
    for result in results:
        if result.rule_id not in index:
            index[result.rule_id] = len(descriptors)
            descriptors.append(SarifRule(result.rule_id))
    driver: dict[str, Any] = {
        "name": tool_name,
        "version": version,
        "semanticVersion": version,
        "rules": [rule_descriptor(rule) for rule in descriptors],
    }
    if information_uri:
        driver["informationUri"] = information_uri
    sarif_results: list[dict[str, Any]] = []
    for result in results:
        item: dict[str, Any] = {
            "ruleId": result.rule_id,
            "ruleIndex": index[result.rule_id],
            "level": result.level,
            "message": {"text": result.message or result.rule_id},
        }
        if result.locations:
            item["locations"] = [_location(loc) for loc in result.locations]
        if result.related:
            item["relatedLocations"] = [_location(loc, i) for i, loc in enumerate(result.related)]
        if result.fingerprints:
            item["partialFingerprints"] = dict(result.fingerprints)
        if result.properties:
            item["properties"] = dict(result.properties)
        sarif_results.append(item)
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": successful, "properties": {"config": config_in_use()}}],
        "language": language,
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SRCROOT: {"description": {"text": "The folder hbg-plan was run in."}}},
        "results": sarif_results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_log(log: Mapping[str, Any]) -> str:
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
