"""Rule precision on the bundled plans (issue 16): one finding per gap, and each rule aimed at
what it means to find."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from typing import Any

import pytest

from tests.conftest import PLANS, REPO, RunCli


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


def test_the_shipped_per_plan_config_names_bundled_plans_and_the_readme_shows_it() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hbg-plan"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    bundled = {p.stem for p in PLANS.glob("*.yaml") if p.name != "parties.yaml"}
    assert config["per-plan"]
    for plan_id, table in config["per-plan"].items():
        assert plan_id in bundled
        assert f"[tool.hbg-plan.per-plan.{plan_id}]" in readme
        for code in table.get("ignore", []):
            assert f'ignore = ["{code}"]' in readme


def test_gaps_on_the_bundled_plans_with_the_shipped_config(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No finding for what a document kind does not have: indicators in the 2015 plan, the 2019
    agreement or a Nuläge section; no long-term goal flagged for staying the same."""
    monkeypatch.chdir(REPO)
    result = run_cli("gaps", "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["findings"]
    assert not [f for f in found if f["code"] == "HBG102"]
    assert not [f for f in found if f["code"] == "HBG105" and f["goal"]["horizon"] != "short"]
    assert {f["plan"] for f in found if f["code"] == "HBG101"} == {"hbg-2020", "hbg-2023", "skane-2019"}


def test_rules_explains_a_rules_options_in_both_languages(run_cli: RunCli) -> None:
    english = run_cli("rules", "HBG105")
    assert english.exit_code == 0, english.output
    assert "'horizons' = ['short'] (any of 'short', 'long', 'current')" in english.stdout
    swedish = run_cli("rules", "stale-goal", "--lang", "sv")
    assert "'horizons' = ['short'] (något av 'short', 'long', 'current'): de målhorisonter" in swedish.stdout
    assert "Options" not in run_cli("rules", "HBG101").stdout  # a rule without options says nothing
