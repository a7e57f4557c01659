"""The top-level keys every JSON output of hbg-plan starts with, so a consumer can tell them apart.

    {"tool": "hbg-plan", "tool_version": "0.1.0", "kind": "validate", "version": 1, "lang": "en", …}

`kind` names the command (validate, gaps, diff, history, summary, show, brief, rules), `version` the version of
that output format; each kind has a schema in schemas/ (`hbg-plan schema --which KIND`).
"""

from __future__ import annotations

from typing import Any

from hbg_plan import __version__


def envelope(kind: str, lang: str, version: int = 1) -> dict[str, Any]:
    return {"tool": "hbg-plan", "tool_version": __version__, "kind": kind, "version": version, "lang": lang}
