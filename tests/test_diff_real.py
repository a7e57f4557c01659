"""`hbg-plan diff` on the bundled plans. Expected changes were read from the source texts:

- 2020 (sources/002) → 2023 (sources/001): "Trygg hälso- och sjukvård" (002:120) and "Ordnat
  införande" (002:417) are not in 001; "Föräldrastöd" (001:756) is new. The HBQT long-term goal had
  the indicator "Antal utbildade medarbetare på familjecentralerna." (002:391-392); in 2023 it reads
  "Saknas." (001:2177-2178): a regression. "Våld i nära relation ska minska." (002:314) became
  "Att våld i nära relation ska minska." (001:1942).
- 2015 (sources/000) → 2020: the 2015 plan's "Nuläge" and "Utveckling/framtid" parts are gone;
  SIP moved from "Utveckling/framtid" to "Enskildas delaktighet och rättigheter".
- Regional 2019 follow-up (sources/004) → Helsingborg 2020: the long-term goal for närstående had
  "Saknas" (004:199-200); Helsingborg states "Antal klick på www.helsingborg.se/anhorigstod"
  (002:118): a gap closed. The long-term sysselsättning goal listed "Öppna jämförelser." (004:629);
  Helsingborg writes "Saknas" (002:414-415): a regression. Focus area 5 is titled "Ledning,
  styrning och organisation" regionally (004:605) and "Ledning, styrning, organisation" (002:394).
"""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import PLANS, RunCli


def comparisons(run_cli: RunCli, *refs: str) -> list[dict[str, Any]]:
    result = run_cli("diff", *refs, "--plans", str(PLANS), "--format", "json")
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)["comparisons"]
    return found


def find(changes: list[dict[str, Any]], kind: str, subject: str) -> list[dict[str, Any]]:
    return [
        c for c in changes
        if c["kind"] == kind and (c["goal"] or c["topic"] or c["focus_area"] or {}).get("id") == subject
    ]  # fmt: skip


def test_2015_2020_2023_pairs_each_consecutive_version(run_cli: RunCli) -> None:
    first, second = comparisons(run_cli, "hbg-2015", "hbg-2020", "hbg-2023")
    assert (first["old"]["id"], first["new"]["id"]) == ("hbg-2015", "hbg-2020")
    assert (second["old"]["id"], second["new"]["id"]) == ("hbg-2020", "hbg-2023")

    changes = first["changes"]
    assert {c["focus_area"]["id"] for c in changes if c["kind"] == "focus-area-removed"} == {
        "nulage",
        "utveckling",
    }
    moved = find(changes, "topic-moved", "sip")
    assert len(moved) == 1
    assert (moved[0]["old"], moved[0]["new"]) == (
        "Utveckling/framtid",
        "Enskildas delaktighet och rättigheter",
    )
    assert find(changes, "topic-added", "suicidprevention")
    assert find(changes, "topic-removed", "b6-brukarrevision")

    changes = second["changes"]
    assert find(changes, "topic-removed", "trygg-halso-sjukvard")
    assert find(changes, "topic-merged", "ordnat-inforande")  # into samordning-psykiatrifragor
    added = find(changes, "topic-added", "foraldrastod")
    assert added and added[0]["new"] == "Föräldrastöd"
    assert added[0]["focus_area"]["id"] == "tillgangliga-tidiga"
    regression = find(changes, "regression", "hbtq.lang")
    assert len(regression) == 1 and regression[0]["new"] == "saknas"
    assert regression[0]["indicator_count"] == 1  # the lost indicator is counted by the regression …
    assert not find(changes, "indicator-removed", "hbtq.lang")  # … and not reported a second time
    reworded = find(changes, "goal-reworded", "vald-nara-relation.lang")
    assert (reworded[0]["old"], reworded[0]["new"]) == (
        "Våld i nära relation ska minska.", "Att våld i nära relation ska minska.",
    )  # fmt: skip
    assert [(w["op"], w["text"]) for w in reworded[0]["words"]] == [
        ("delete", "Våld"), ("insert", "Att våld"), ("equal", "i nära relation ska minska."),
    ]  # fmt: skip
    period = [c for c in changes if c["kind"] == "plan-period-changed"]
    assert (period[0]["old"], period[0]["new"]) == ("2020-2022", "2023-2024")


def test_regional_2019_to_helsingborg_2020(run_cli: RunCli) -> None:
    (comparison,) = comparisons(run_cli, "skane-2019", "hbg-2020")
    changes = comparison["changes"]
    gap = find(changes, "gap-closed", "narstaende.lang")
    assert len(gap) == 1 and gap[0]["old"] == "saknas"
    assert [c["new"] for c in find(changes, "indicator-added", "narstaende.lang")] == [
        "Antal klick på www.helsingborg.se/anhorigstod"
    ]
    regression = find(changes, "regression", "sysselsattning.lang")
    assert len(regression) == 1
    assert comparison["summary"]["regressions"] == 1
    renamed = find(changes, "focus-area-renamed", "ledning-styrning")
    assert (renamed[0]["old"], renamed[0]["new"]) == (
        "Ledning, styrning och organisation",
        "Ledning, styrning, organisation",
    )
    assert find(changes, "topic-added", "samsjuklighet")
    assert not [c for c in changes if c["kind"] == "topic-removed"]


def test_regression_gate_on_real_plans(run_cli: RunCli) -> None:
    result = run_cli("diff", "hbg-2020", "hbg-2023", "--plans", str(PLANS), "--fail-on", "regression")
    assert result.exit_code == 1
    assert "Regression" in result.stdout


def test_default_plans_folder_from_working_directory(run_cli: RunCli, monkeypatch: Any) -> None:
    monkeypatch.chdir(PLANS.parent)
    result = run_cli("diff", "hbg-2020", "hbg-2023", "--format", "github", "--annotate", "all")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("::notice file=plans/hbg-2023.yaml,line=")
