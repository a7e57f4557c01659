"""Pairing without ids: bullets, optimal assignment, reworded indicators, one normalisation.

The plans of 2020 and 2023 keep most topic and goal ids, so the id-based diff is the reference:
a copy of hbg-2023 with every topic and goal id changed and every renamed_from/same_as removed
must be paired (almost) the same way from the text alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from hbg_plan.analysis.diff.words import canonical, normalise
from tests.conftest import PLANS, RunCli


def comparison(run_cli: RunCli, old: str, new: str) -> dict[str, Any]:
    result = run_cli("diff", old, new, "--format", "json")
    assert result.exit_code == 0, result.output
    (found,) = json.loads(result.stdout)["comparisons"]
    return dict(found)


def id_stripped_copy(folder: Path) -> Path:
    """hbg-2023 with every topic and goal id prefixed by "n-" and no renamed_from/same_as."""
    data = yaml.safe_load((PLANS / "hbg-2023.yaml").read_text(encoding="utf-8"))
    for area in data["focus_areas"]:
        for topic in area["topics"]:
            topic["id"] = "n-" + topic["id"]
            topic.pop("renamed_from", None)
            topic.pop("same_as", None)
            for goal in topic["goals"]:
                goal["id"] = "n-" + goal["id"]
                goal.pop("renamed_from", None)
                goal.pop("same_as", None)
    data["id"] = "hbg-2023-utan-id"
    data["source"]["file"] = str(PLANS / data["source"]["file"])
    copy = folder / "hbg-2023-utan-id.yaml"
    copy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return copy


def pairs(found: dict[str, Any], strip: str = "") -> set[tuple[str, str, str]]:
    return {
        (p["level"], p["old_id"], p["new_id"].removeprefix(strip))
        for p in found["pairs"]
        if p["level"] in ("topic", "goal")
    }


def test_without_ids_the_same_topics_and_goals_are_paired(run_cli: RunCli, tmp_path: Path) -> None:
    by_id = comparison(run_cli, "hbg-2020", "hbg-2023")
    by_text = comparison(run_cli, "hbg-2020", str(id_stripped_copy(tmp_path)))
    reference, found = pairs(by_id), pairs(by_text, strip="n-")
    assert len(reference) >= 60  # every kept topic and goal of 2020
    assert len(reference & found) >= 0.95 * len(reference), sorted(reference - found)
    assert all(p["basis"] == "similarity" and p["score"] is not None for p in by_text["pairs"]
               if p["level"] in ("topic", "goal"))  # fmt: skip
    renamed = [c for c in by_text["changes"] if c["kind"] == "topic-renamed"]
    assert renamed and all(canonical(c["old"]) != canonical(c["new"]) for c in renamed)

    def added_and_removed(found: dict[str, Any]) -> int:
        return sum(1 for c in found["changes"] if c["kind"] in ("topic-added", "topic-removed"))

    assert added_and_removed(by_text) <= added_and_removed(by_id)


def test_every_pair_says_why(run_cli: RunCli) -> None:
    found = comparison(run_cli, "hbg-2020", "hbg-2023")
    basis = {(p["level"], p["old_id"]): (p["basis"], p["score"]) for p in found["pairs"]}
    assert basis["topic", "sip"] == ("id", None)
    assert basis["topic", "brukarinflytande"] == ("renamed_from", None)
    assert all(b in ("id", "renamed_from", "same_as", "similarity") for b, _ in basis.values())
    assert all(score is not None for b, score in basis.values() if b == "similarity")


def test_a_goal_that_kept_its_bullet_and_gained_more_is_extended(run_cli: RunCli) -> None:
    found = comparison(run_cli, "hbg-2020", "hbg-2023")
    goal = [c for c in found["changes"] if c["goal"] and c["goal"].get("old_id") == "brukarinflytande.kort"]
    assert "goal-extended" in [c["kind"] for c in goal]
    kinds = {c["kind"] for c in found["changes"] if c["goal"] and c["goal"]["id"].startswith("brukar")}
    assert not kinds & {"goal-added", "goal-removed"}


def test_reworded_indicators_are_one_change_with_a_word_diff(run_cli: RunCli) -> None:
    found = comparison(run_cli, "hbg-2020", "hbg-2023")
    added: dict[str, list[str]] = {}
    removed: dict[str, list[str]] = {}
    for change in found["changes"]:
        if change["kind"] == "indicator-added":
            added.setdefault(change["goal"]["id"], []).append(change["new"])
        elif change["kind"] == "indicator-removed":
            removed.setdefault(change["goal"]["id"], []).append(change["old"])
    twins = [
        (old, new)
        for goal, olds in removed.items()
        for old in olds
        for new in added.get(goal, [])
        if fuzz.ratio(normalise(old), normalise(new)) >= 80
    ]
    assert twins == []
    reworded = {c["old"]: c for c in found["changes"] if c["kind"] == "indicator-reworded"}
    change = reworded["Anhörighetstöd räknar prenumeranter och sänder ut nyhetsbrev."]
    assert change["new"] == "Anhörigstöd räknar prenumeranter och sänder ut nyhetsbrev."
    assert [w["op"] for w in change["words"]] == ["delete", "insert", "equal"]


def test_titles_that_differ_only_in_quote_style_are_not_renamed(run_cli: RunCli) -> None:
    found = comparison(run_cli, "skane-2019", "hbg-2020")
    for change in found["changes"]:
        if change["kind"] in ("topic-renamed", "focus-area-renamed"):
            assert canonical(change["old"]) != canonical(change["new"]), change


def test_suspended_hyphens_stay_readable_in_text_output(run_cli: RunCli) -> None:
    # utbildningssatsning.kort lists the four departments in another order in 2023 (sources/001):
    # "arbetsmarknadsförvaltningen, skol- och fritidsförvaltningen, socialförvaltningen och vård- och …"
    result = run_cli("diff", "hbg-2020", "hbg-2023")
    assert result.exit_code == 0
    assert (
        "arbetsmarknadsförvaltningen, [- vård- -] {+ skol- +} och [-omsorgsförvaltningen,-] "
        "{+fritidsförvaltningen,+} socialförvaltningen och [- skol- -] {+ vård- +} och"
    ) in result.stdout
    assert "[- beroende- -] {+skadligt bruk+}" in result.stdout  # narstaende.kort
    assert "--]" not in result.stdout and "-+}" not in result.stdout
    assert "[--" not in result.stdout and "{+-" not in result.stdout


def test_merged_topics_carry_their_gaps(run_cli: RunCli) -> None:
    found = comparison(run_cli, "hbg-2020", "hbg-2023")
    merged = {c["old"]: c["new"] for c in found["changes"] if c["kind"] == "topic-merged"}
    assert merged['Ordnat införande; implementering och "sluta göra"'] == (
        "Samordning av psykiatrifrågor i Helsingborg stad"
    )
    assert merged["Kommunikatör för brukardelaktighet"] == "Brukardelaktighet och invånarinflytande"
    assert not [
        c for c in found["changes"] if c["kind"] == "topic-removed" and c["topic"]["id"] == "ordnat-inforande"
    ]
    goals = {c["old"]: c["new"] for c in found["changes"] if c["kind"] == "goal-merged"}
    assert goals["ordnat-inforande.lang"] == "samordning-psykiatrifragor.lang"
    # ordnat-inforande.lang said "Saknas"; the goal it went into states indicators: the gap is closed
    carried = [c for c in found["changes"] if c["goal"] and c["goal"].get("old_id") == "ordnat-inforande.lang"
               and c["kind"] in ("gap-closed", "still-missing")]  # fmt: skip
    assert [(c["kind"], c["old"], c["goal"]["id"]) for c in carried] == [
        ("gap-closed", "saknas", "samordning-psykiatrifragor.lang")
    ]
