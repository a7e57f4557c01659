"""The gap list as JSON, described by schemas/gaps.schema.json."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from hbg_plan import __version__
from hbg_plan.core.problem import Severity
from hbg_plan.gaps.engine import Finding
from hbg_plan.gaps.rules import find_rule
from hbg_plan.i18n import message
from hbg_plan.io.invocation import config_in_use
from hbg_plan.output.records.findings import GapReport

FORMAT_VERSION = 1


def finding_json(f: Finding, report: GapReport, lang: str) -> dict[str, Any]:
    rule = find_rule(f.code)
    return {
        "code": f.code,
        "rule": rule.name if rule else None,
        "severity": f.severity.label,
        "message": f.render(lang),
        "message_id": f.message_id,
        "args": {k: v for k, v in f.args.items() if isinstance(v, str | int | float | bool)},
        "hint": message(rule.hint, lang) if rule else None,
        "plan": f.plan_id,
        "file": f.where.file,
        "line": f.where.line,
        "column": f.where.column,
        "pointer": f.where.pointer,
        "focus_area": {"id": f.focus_area_id, "number": f.focus_area_number, "title": f.focus_area_title}
        if f.focus_area_id
        else None,
        "topic": {"id": f.topic_id, "title": f.topic_title} if f.topic_id else None,
        "goal": {"id": f.goal_id, "horizon": f.horizon, "period": f.period, "texts": list(f.goal_texts)}
        if f.goal_id
        else None,
        "source": _source(f.source),
        "item_source": _source(f.item_source),
        "responsible": [{"id": p, "name": report.party_names.get(p, p)} for p in f.parties],
        "related": {"file": f.related.file, "line": f.related.line, "column": f.related.column}
        if f.related
        else None,
    }


def _source(source: Any) -> dict[str, Any] | None:
    if source is None:
        return None
    return {"file": source.file, "first": source.first, "last": source.last, "ref": str(source)}


def render_json(report: GapReport, lang: str) -> str:
    document = {
        "tool": "hbg-plan",
        "tool_version": __version__,
        "kind": "gaps",
        "version": FORMAT_VERSION,
        "lang": lang,
        "config": config_in_use(),
        "plans": [{"id": p.id, "title": p.title, "file": p.file} for p in report.plans],
        "findings": [finding_json(f, report, lang) for f in report.findings],
        "summary": {
            "findings": len(report.findings),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "infos": report.count(Severity.INFO),
            "suppressed": report.suppressed,
            "by_code": dict(sorted(Counter(f.code for f in report.findings).items())),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
