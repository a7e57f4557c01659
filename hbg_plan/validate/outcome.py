"""What checking one file leaves for the rest of a run: its diagnostics and a small summary.

A worker process or the cache hands back a `FileOutcome` instead of a plan: the file's own
diagnostics, and for a well-formed plan a `PlanSummary` (its id and the references between files)
from which the parent runs the checks across files (unique plan ids, `replaces`/`based_on`). Both
travel as plain JSON data (`encode`/`decode`): workers return it, the cache stores it, so a cached,
a parallel and a single-process run build their report from the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hbg_plan.core.problem import Diagnostic, Location, Severity
from hbg_plan.core.text import Text
from hbg_plan.io.confine import Refused, Rule
from hbg_plan.model.plan import Plan
from hbg_plan.validate.attribution import safe_resolve


class Unencodable(ValueError):
    """A diagnostic argument of a type the codec does not know: the file is checked in-process."""


@dataclass(frozen=True)
class PlanSummary:
    """What the checks across files need to know of one plan."""

    plan_id: str
    id_where: Location
    path: Path  # resolved
    registry: Path | None  # resolved; None when there is none or it was refused
    source: Path  # resolved
    named_after_id: bool
    replaces: tuple[str, Location] | None
    based_on: tuple[tuple[str, Location], ...]

    @classmethod
    def of(cls, plan: Plan, registry: Path | None) -> PlanSummary:
        doc = plan.doc
        return cls(
            plan.id,
            doc.location(["id"]),
            safe_resolve(plan.path),
            safe_resolve(registry) if registry else None,
            safe_resolve(plan.source_file),
            plan.path.stem == plan.id,
            (plan.replaces, doc.location(["replaces"])) if plan.replaces else None,
            tuple((ref, doc.location(["based_on", i])) for i, ref in enumerate(plan.based_on)),
        )


@dataclass
class FileOutcome:
    kind: str  # "plan" | "parties"
    diagnostics: list[Diagnostic]
    summary: PlanSummary | None = None


# --- the codec: plain JSON values, nothing executable -----------------------------------------


def _loc(where: Location) -> list[Any]:
    return [where.file, where.line, where.column, where.pointer]


def _unloc(value: Any) -> Location:
    file, line, column, pointer = value
    if not (isinstance(file, str) and type(line) is int and type(column) is int and isinstance(pointer, str)):
        raise ValueError("bad location")
    return Location(file, line, column, pointer)


PLAIN = (str, int, float, bool, type(None))


def _arg(value: Any) -> Any:
    kind = type(value)
    if kind in PLAIN:
        return value
    if kind is Text:
        return {
            "$": "text",
            "id": value.message_id,
            "args": {key: _arg(item) for key, item in value.args.items()},
            "or": list(value.alternatives),
        }
    if kind is Refused:
        return {
            "$": "refused",
            "rule": value.rule.value,
            "root": str(value.root) if value.root is not None else None,
            "reason": value.reason,
            "size": value.size,
            "limit": value.limit,
        }
    raise Unencodable(kind.__name__)


def _unarg(value: Any) -> Any:
    if not isinstance(value, dict):
        if isinstance(value, list):
            raise ValueError("bad argument")
        return value
    kind = value["$"]
    if kind == "text":
        args, alternatives = value["args"], value["or"]
        if not isinstance(args, dict) or not isinstance(alternatives, list):
            raise ValueError("bad text")
        return Text(
            _str(value["id"]),
            {_str(key): _unarg(item) for key, item in args.items()},
            tuple(_str(a) for a in alternatives),
        )
    if kind == "refused":
        root = value["root"]
        return Refused(
            Rule(value["rule"]),
            root=Path(_str(root)) if root is not None else None,
            reason=_str(value["reason"]),
            size=int(value["size"]),
            limit=int(value["limit"]),
        )
    raise ValueError(f"unknown argument kind {kind!r}")


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a string")
    return value


def encode_diagnostic(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "message": d.message_id,
        "where": _loc(d.where),
        "args": {k: _arg(v) for k, v in d.args.items()},
        "severity": int(d.severity),
        "related": _loc(d.related) if d.related is not None else None,
    }


def decode_diagnostic(data: dict[str, Any]) -> Diagnostic:
    args = data["args"]
    if not isinstance(args, dict):
        raise ValueError("bad arguments")
    related = data["related"]
    return Diagnostic(
        _str(data["code"]),
        _str(data["message"]),
        _unloc(data["where"]),
        {_str(k): _unarg(v) for k, v in args.items()},
        Severity(data["severity"]),
        _unloc(related) if related is not None else None,
    )


def encode(outcome: FileOutcome) -> dict[str, Any]:
    """The outcome as JSON values; raises Unencodable for an argument type the codec lacks."""
    summary = outcome.summary
    return {
        "kind": outcome.kind,
        "diagnostics": [encode_diagnostic(d) for d in outcome.diagnostics],
        "summary": None
        if summary is None
        else {
            "id": summary.plan_id,
            "id_where": _loc(summary.id_where),
            "path": str(summary.path),
            "registry": str(summary.registry) if summary.registry else None,
            "source": str(summary.source),
            "named_after_id": summary.named_after_id,
            "replaces": [summary.replaces[0], _loc(summary.replaces[1])] if summary.replaces else None,
            "based_on": [[ref, _loc(where)] for ref, where in summary.based_on],
        },
    }


def decode(data: Any) -> FileOutcome:
    """An outcome from `encode`'s values; raises ValueError (or KeyError, TypeError) on anything else."""
    kind = data["kind"]
    if kind not in ("plan", "parties"):
        raise ValueError("bad kind")
    diagnostics = [decode_diagnostic(d) for d in data["diagnostics"]]
    raw = data["summary"]
    summary = None
    if raw is not None:
        replaces = raw["replaces"]
        registry = raw["registry"]
        named = raw["named_after_id"]
        if type(named) is not bool:
            raise ValueError("bad flag")
        summary = PlanSummary(
            _str(raw["id"]),
            _unloc(raw["id_where"]),
            Path(_str(raw["path"])),
            Path(_str(registry)) if registry is not None else None,
            Path(_str(raw["source"])),
            named,
            (_str(replaces[0]), _unloc(replaces[1])) if replaces is not None else None,
            tuple((_str(ref), _unloc(where)) for ref, where in raw["based_on"]),
        )
    return FileOutcome(kind, diagnostics, summary)
