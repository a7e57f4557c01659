"""`hbg-plan history` follows a topic both ways, across renames, merges and splits, on the bundled plans.

Expected from the documents: 2023's "Brukardelaktighet och invånarinflytande" (sources/001) says
`renamed_from: brukarinflytande` ("Brukarinflytande på systemnivå", 2020, sources/002) and took in
2020's "Kommunikatör för brukardelaktighet" (its bullets "Ökad kommunikation om
utvecklingsprojekt", "Ökad tillgänglighet … klarspråk" reappear there). 2020's "Ordnat införande"
(002:417) went into 2023's "Samordning av psykiatrifrågor" (its samverkansgrupp bullets and both
indicators reappear there). "Trygg hälso- och sjukvård" (002) is not in 2023 at all. 2020's
"Missbruk" continues in 2023, and "Personer med beroende av spel om pengar" was split off from it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PLANS, REPO, RunCli


def history(run_cli: RunCli, topic: str, *extra: str) -> dict[str, Any]:
    result = run_cli("history", topic, "--plans", str(PLANS), "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def lineage(document: dict[str, Any]) -> list[tuple[str, str]]:
    return [(v["plan"]["id"], v["topic"]["id"]) for v in document["versions"]]


def version(document: dict[str, Any], plan: str, topic: str) -> dict[str, Any]:
    found: dict[str, Any] = next(
        v for v in document["versions"] if (v["plan"]["id"], v["topic"]["id"]) == (plan, topic)
    )
    return found


def test_a_renamed_and_merged_topic_has_one_history_whichever_name_is_asked(run_cli: RunCli) -> None:
    by_new = history(run_cli, "brukardelaktighet-och-invanarinflytande")
    by_old = history(run_cli, "brukarinflytande")
    assert lineage(by_new) == lineage(by_old)
    assert lineage(by_new) == [
        ("skane-2019", "brukarinflytande"),
        ("hbg-2020", "brukarinflytande"),
        ("hbg-2020", "kommunikator-brukardelaktighet"),
        ("hbg-2023", "brukardelaktighet-och-invanarinflytande"),
    ]
    assert (
        version(by_new, "hbg-2023", "brukardelaktighet-och-invanarinflytande")["topic"]["matched_by"] == "id"
    )
    assert version(by_new, "hbg-2020", "brukarinflytande")["topic"]["matched_by"] == "lineage"
    assert version(by_old, "hbg-2023", "brukardelaktighet-och-invanarinflytande")["topic"]["matched_by"] == (
        "renamed_from"
    )
    merged = version(by_old, "hbg-2020", "kommunikator-brukardelaktighet")["next"]
    assert merged == [
        {
            "kind": "merged",
            "plan": "hbg-2023",
            "topic": {
                "id": "brukardelaktighet-och-invanarinflytande",
                "title": "Brukardelaktighet och invånarinflytande",
            },
        }
    ]
    assert [n["kind"] for n in version(by_old, "hbg-2020", "brukarinflytande")["next"]] == ["continued"]
    # two topics of hbg-2020 in one history: each has its own column in the status table
    short = next(r["statuses"] for r in by_old["status_table"] if r["key"] == "short")
    assert short == {
        "skane-2019": "saknas",
        "hbg-2020:brukarinflytande": "present",
        "hbg-2020:kommunikator-brukardelaktighet": "present",
        "hbg-2023": "present",
    }


@pytest.mark.slow
def test_the_version_in_which_a_topic_ended_is_named(run_cli: RunCli) -> None:
    result = run_cli("history", "kommunikator-brukardelaktighet", "--plans", str(PLANS))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("History of topic kommunikator-brukardelaktighet: 3 plans")
    assert (
        "  → merged into “Brukardelaktighet och invånarinflytande” "
        "(brukardelaktighet-och-invanarinflytande) in hbg-2023\n"
    ) in result.stdout
    assert "  → continues as “Brukardelaktighet och invånarinflytande”" in result.stdout  # brukarinflytande

    removed = history(run_cli, "trygg-halso-sjukvard")
    assert version(removed, "hbg-2020", "trygg-halso-sjukvard")["next"] == [
        {"kind": "removed", "plan": "hbg-2023", "topic": None}
    ]
    result = run_cli("history", "trygg-halso-sjukvard", "--plans", str(PLANS), "--lang", "sv")
    assert result.exit_code == 0, result.output
    assert "  → borttaget i hbg-2023\n" in result.stdout
    assert "removed" not in result.stdout


def test_a_merge_into_a_continuing_topic_links_both_lineages(run_cli: RunCli) -> None:
    merged = history(run_cli, "ordnat-inforande")
    into = history(run_cli, "samordning-psykiatrifragor")
    assert lineage(merged) == lineage(into)
    assert ("hbg-2015", "samordning-psykiatrifragor") in lineage(merged)
    assert version(merged, "hbg-2020", "ordnat-inforande")["next"][0]["kind"] == "merged"
    assert version(merged, "hbg-2020", "ordnat-inforande")["next"][0]["topic"]["id"] == (
        "samordning-psykiatrifragor"
    )
    # a version of the latest plan has no next version to speak of
    assert version(merged, "hbg-2023", "samordning-psykiatrifragor")["next"] == []


def test_a_split_is_followed_from_either_side(run_cli: RunCli) -> None:
    whole = history(run_cli, "missbruk")
    part = history(run_cli, "personer-med-beroende-av-spel-om-pengar")
    assert lineage(whole) == lineage(part)
    assert [(n["kind"], n["topic"]["id"]) for n in version(whole, "hbg-2020", "missbruk")["next"]] == [
        ("continued", "missbruk"),
        ("split", "personer-med-beroende-av-spel-om-pengar"),
    ]


@pytest.mark.slow
def test_markdown_names_the_merge_and_json_matches_the_schema(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "history.md"
    result = run_cli("history", "brukarinflytande", "--plans", str(PLANS), "--format", "markdown",
                     "--lang", "sv", "-o", str(target))  # fmt: skip
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "*→ sammanslaget med ”Brukardelaktighet och invånarinflytande” " in text
    assert (
        "| Mål | skane-2019 | hbg-2020:brukarinflytande | hbg-2020:kommunikator-brukardelaktighet |" in text
    )

    from jsonschema import Draft202012Validator

    schema = json.loads((REPO / "schemas" / "history.schema.json").read_text(encoding="utf-8"))
    for topic in ("brukarinflytande", "trygg-halso-sjukvard", "missbruk"):
        errors = list(Draft202012Validator(schema).iter_errors(history(run_cli, topic)))
        assert not errors, errors[0]
