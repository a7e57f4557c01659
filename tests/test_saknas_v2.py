"""Schema v2 on the bundled plans: a "Saknas" beside stated indicators, and a goal that is "Saknas".

skane-2019 lines 629-630 list "Öppna jämförelser." and "Saknas." under the Meningsfull
sysselsättning long-term goal; line 518 is "Saknas." where the LSS long-term goal should stand.
"""

from __future__ import annotations

import json

from tests.conftest import PLANS, RunCli


def _findings(run_cli: RunCli, *args: str) -> list[dict[str, object]]:
    result = run_cli("gaps", *args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return found


def _goal_id(finding: dict[str, object]) -> object:
    goal = finding["goal"]
    return goal["id"] if isinstance(goal, dict) else None


def test_partial_saknas_is_hbg101_partial_and_not_an_unmeasurable_indicator(run_cli: RunCli) -> None:
    found = [
        f
        for f in _findings(run_cli, "skane-2019", "--plans", str(PLANS))
        if _goal_id(f) == "sysselsattning.lang"
    ]
    saknas = [f for f in found if f["code"] == "HBG101"]
    assert len(saknas) == 1
    assert saknas[0]["args"] == {"count": 1, "partial": True}
    assert saknas[0]["source"]["ref"] == "sources/004_7633ef915d9e78dc.txt:630"  # type: ignore[index]
    assert "partly missing" in str(saknas[0]["message"])
    assert not any(f["code"] == "HBG104" and "Saknas" in str(f["message"]) for f in found)


def test_a_missing_goal_is_one_hbg110_finding(run_cli: RunCli) -> None:
    found = [
        f
        for f in _findings(run_cli, "skane-2019", "--plans", str(PLANS))
        if _goal_id(f) == "lss-personkrets-1.lang"
    ]
    assert [f["code"] for f in found] == [
        "HBG110"
    ]  # not also HBG101/HBG103: there is no goal to own or measure
    assert found[0]["source"]["ref"] == "sources/004_7633ef915d9e78dc.txt:518"  # type: ignore[index]
    assert found[0]["goal"]["texts"] == []  # type: ignore[index]


def test_diff_reports_the_goal_stated_and_the_partial_regression(run_cli: RunCli) -> None:
    result = run_cli("diff", "skane-2019", "hbg-2020", "--plans", str(PLANS))
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Indicator removed: Saknas." not in text
    assert "[-Saknas.-]" not in text and "reworded [lss-personkrets-1.lang]" not in text
    assert 'Long-term goal stated (the earlier version says "Saknas"): Skapa ett långsiktigt' in text
    line = next(ln for ln in text.splitlines() if "Regression" in ln and "[sysselsattning.lang]" in ln)
    assert 'Regression: 1 indicator was stated, now "Saknas"' in line


def test_history_and_summary_show_both(run_cli: RunCli) -> None:
    history = run_cli("history", "sysselsattning", "--plans", str(PLANS)).stdout
    assert 'stated, partly "Saknas" (1)' in history
    lss = run_cli("history", "lss-personkrets-1", "--plans", str(PLANS), "--lang", "sv").stdout
    assert "(dokumentet skriver ”Saknas” i stället för ett mål)" in lss
    summary = json.loads(run_cli("summary", "skane-2019", "--plans", str(PLANS), "-f", "json").stdout)
    assert (summary["total"]["partly_saknas"], summary["total"]["goal_saknas"]) == (1, 1)
