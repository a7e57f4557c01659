"""Diff as JSON: a stable structure described by schemas/diff.schema.json (format version 1)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from hbg_plan.analysis.diff.changes import Change, ChangeKind, ItemRef, PlanDiff, PlanInfo
from hbg_plan.core.problem import Location
from hbg_plan.output.envelope import envelope
from hbg_plan.output.records.diff import change_message

FORMAT_VERSION = 1


def _plan(info: PlanInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "title": info.title,
        "kind": info.kind,
        "level": info.level,
        "period": {"start": info.period[0], "end": info.period[1]},
        "path": info.path,
    }


def _ref(ref: ItemRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    item: dict[str, Any] = {"id": ref.id, "old_id": ref.old_id}
    if ref.horizon is not None:
        item["horizon"] = ref.horizon
    else:
        item["title"] = ref.title
    return item


def _location(where: Location | None) -> dict[str, Any] | None:
    if where is None:
        return None
    return {"file": where.file, "line": where.line, "column": where.column, "pointer": where.pointer}


def change_json(change: Change, diff: PlanDiff, lang: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        "kind": change.kind.value,
        "difference": change.kind.is_difference,
        "focus_area": _ref(change.area),
        "topic": _ref(change.topic),
        "goal": _ref(change.goal),
        "old": change.old,
        "new": change.new,
        "message": change_message(change, lang, diff.party_names, limit=None),
        "location": _location(change.where),
        "old_location": _location(change.old_where),
    }
    if change.match is not None:
        item["match"] = {"method": change.match.method, "score": change.match.score}
        if change.match.basis is not None:
            item["match"]["basis"] = change.match.basis
    if change.moved_from is not None:
        item["moved_from"] = _ref(change.moved_from)
    if change.words:
        item["words"] = [{"op": s.op, "text": s.text} for s in change.words]
    if change.count is not None:
        item["indicator_count"] = change.count
    return item


def _summary(changes: Sequence[Change]) -> dict[str, Any]:
    counted = Counter(change.kind for change in changes)
    by_kind = {kind.value: counted[kind] for kind in ChangeKind if counted[kind]}
    return {
        "differences": sum(1 for c in changes if c.kind.is_difference),
        "regressions": by_kind.get("regression", 0),
        "gaps_closed": by_kind.get("gap-closed", 0),
        "still_missing": by_kind.get("still-missing", 0),
        "by_kind": by_kind,
    }


def render_json(diffs: Sequence[PlanDiff], lang: str) -> str:
    document = {
        **envelope("diff", lang, FORMAT_VERSION),
        "comparisons": [
            {
                "old": _plan(diff.old),
                "new": _plan(diff.new),
                "summary": _summary(diff.changes),
                "changes": [change_json(c, diff, lang) for c in diff.changes],
                "pairs": [
                    {
                        "level": p.level,
                        "old_id": p.old_id,
                        "new_id": p.new_id,
                        "basis": p.basis,
                        "method": p.method,
                        "score": p.score,
                    }
                    for p in diff.pairs
                ],
            }
            for diff in diffs
        ],
        "summary": _summary([c for diff in diffs for c in diff.changes]),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
