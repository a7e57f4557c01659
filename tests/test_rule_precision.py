"""Rule precision on the bundled plans (issue 16): one finding per gap, and each rule aimed at
what it means to find."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from tests.conftest import PLANS, RunCli


def bundled_findings(run_cli: RunCli, *args: str) -> list[dict[str, Any]]:
    result = run_cli("gaps", str(PLANS), "--format", "json", "--fail-on", "never", *args)
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return found


def test_no_two_findings_share_plan_goal_and_line(run_cli: RunCli) -> None:
    found = bundled_findings(run_cli)
    assert found
    places = Counter(
        (f["plan"], (f["goal"] or f["topic"] or {}).get("id"), f["file"], f["line"]) for f in found
    )
    assert [place for place, n in places.items() if n > 1] == []
