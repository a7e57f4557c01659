"""The brief as JSON, described by schemas/brief.schema.json: every text whole, every item kept."""

from __future__ import annotations

import json
from typing import Any

from hbg_plan import __version__
from hbg_plan.gaps.engine import AccountabilityRow
from hbg_plan.i18n import message
from hbg_plan.output.records.brief import Brief, Decision, PlanRef, Progress

FORMAT_VERSION = 1


def _plan(ref: PlanRef) -> dict[str, Any]:
    return {"id": ref.id, "title": ref.title, "file": ref.file, "period": ref.period, "level": ref.level,
            "kind": ref.kind}  # fmt: skip


def _fields(item: object, *names: str) -> dict[str, Any]:
    """The named attributes of a record, under their own names, in the order given."""
    return {name: getattr(item, name) for name in names}


def _topic(item: Decision | Progress) -> dict[str, Any] | None:
    return {"id": item.topic_id, "title": item.topic_title} if item.topic_id else None


def _decision(item: Decision) -> dict[str, Any]:
    return {
        **_fields(item, "kind", "plan", "focus_area"),
        "topic": _topic(item),
        **_fields(item, "goals", "horizon", "text", "texts", "codes"),
        "versions": [_fields(v, "plan", "year", "regional", "status", "goal") for v in item.versions],
        **_fields(item, "before", "after", "indicators"),
        "follow_up": {"year": item.year, "text": item.follow_up} if item.follow_up is not None else None,
        "command": item.command,
    }


def _progress(item: Progress) -> dict[str, Any]:
    return {
        **_fields(item, "since", "since_regional", "plan"),
        "topic": _topic(item),
        **_fields(item, "goal", "horizon", "before", "indicators", "missing_again"),
    }


def _row(row: AccountabilityRow, label: str) -> dict[str, Any]:
    return {
        "party": row.key,
        "label": label,
        "goals": row.goals,
        "measurable": row.measurable,
        "not_measurable": row.not_measurable,
        "saknas": row.saknas,
        "not_stated": row.not_stated,
        "share_measurable": round(row.share, 4) if row.share is not None else None,
    }


def brief_document(brief: Brief, lang: str) -> dict[str, Any]:
    changes = brief.changes
    return {
        "tool": "hbg-plan",
        "tool_version": __version__,
        "kind": "brief",
        "version": FORMAT_VERSION,
        "lang": lang,
        "plan": _plan(brief.plan),
        "against": _plan(brief.against) if brief.against is not None else None,
        "regional": [_plan(r) for r in brief.regional],
        "lineage": [_plan(r) for r in brief.lineage],
        "figures": [{"key": f.key, "value": f.value, "previous": f.previous} for f in brief.figures],
        "decisions": [_decision(d) for d in brief.decisions],
        "progress": [_progress(p) for p in brief.progress],
        "accountability": [
            _row(r, r.label if r.key is not None else message("gaps.no_party", lang))
            for r in brief.accountability
        ],
        "accountability_total": _row(brief.accountability_total, message("summary.total", lang)),
        "changes": None
        if changes is None
        else {
            "counts": changes.counts,
            "period_only": changes.period_only,
            "topics": {
                kind: [{"title": title, "old_title": old} for title, old in items]
                for kind, items in changes.topics.items()
            },
        },
        "findings": brief.findings,
        "suppressed": brief.suppressed,
    }


def render_json(brief: Brief, lang: str) -> str:
    return json.dumps(brief_document(brief, lang), ensure_ascii=False, indent=2) + "\n"
