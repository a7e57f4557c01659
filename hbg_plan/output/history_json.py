"""Topic history as JSON, described by schemas/history.schema.json (format version 1)."""

from __future__ import annotations

import json
from typing import Any

from hbg_plan.analysis.history import TopicHistory
from hbg_plan.core.problem import Location
from hbg_plan.output.envelope import envelope

FORMAT_VERSION = 1


def _location(where: Location) -> dict[str, Any]:
    return {"file": where.file, "line": where.line, "column": where.column, "pointer": where.pointer}


def render_json(history: TopicHistory, lang: str) -> str:
    versions = []
    for version in history.versions:
        info = version.plan
        versions.append(
            {
                "plan": {
                    "id": info.id, "title": info.title, "kind": info.kind, "level": info.level,
                    "period": {"start": info.period[0], "end": info.period[1]}, "path": info.path,
                },
                "topic": {"id": version.topic_id, "title": version.title, "matched_by": version.matched_by},
                "focus_area": {"id": version.area_id, "title": version.area_title},
                "location": _location(version.where),
                "next": [
                    {"kind": n.kind, "plan": n.plan.id, "topic": {"id": n.topic_id, "title": n.title} if n.topic_id else None}
                    for n in version.next
                ],
                "goals": [
                    {
                        "id": g.id, "key": g.key, "horizon": g.horizon, "period": g.period, "texts": list(g.texts),
                        "indicators": list(g.indicators), "indicator_status": g.status,
                        "responsible": [{"id": p, "name": history.party_names.get(p)} for p in g.responsible],
                        "follow_up": [
                            {"year": f.year, "status": f.status, "text": f.text, "location": _location(f.where)}
                            for f in g.follow_up
                        ],
                        "location": _location(g.where),
                    }
                    for g in version.goals
                ],
            }
        )  # fmt: skip
    document = {
        **envelope("history", lang, FORMAT_VERSION),
        "topic": history.topic,
        "versions": versions,
        "status_table": [
            {"key": key, "statuses": {history.column(v): history.status(key, v) for v in history.versions}}
            for key in history.goal_keys()
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
