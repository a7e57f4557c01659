"""`hbg-plan history TOPIC` on the bundled plans.

Expected from the documents: SIP is a topic of the 2015 plan ("SIP samordnad individuell plan",
sources/000), the 2019 regional follow-up (sources/004), and the 2020 and 2023 Helsingborg plans.
The regional long-term SIP goal was followed up with "Brukarrevision ej genomförd avseende SIP."
(004:349). The long-term närstående goal says "Saknas" regionally (004:199-200) and has an
indicator in 2020 (002:118). Familjecentraler is an activity of the 2019 children-and-youth
agreement and a topic of the 2023 plan.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import PLANS, REPO, RunCli


def history_json(run_cli: RunCli, topic: str, plans: Path = PLANS) -> dict[str, Any]:
    result = run_cli("history", topic, "--plans", str(plans), "--format", "json")
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_sip_through_every_plan_oldest_first(run_cli: RunCli) -> None:
    document = history_json(run_cli, "sip")
    assert [v["plan"]["id"] for v in document["versions"]] == [
        "hbg-2015",
        "skane-2019",
        "hbg-2020",
        "hbg-2023",
    ]
    first = document["versions"][0]
    assert first["topic"]["title"] == "SIP samordnad individuell plan"
    assert first["focus_area"]["title"] == "Utveckling/framtid"
    assert [g["indicator_status"] for g in first["goals"]] == ["not-stated"]
    regional = document["versions"][1]
    assert regional["plan"]["level"] == "regional"
    long_goal = next(g for g in regional["goals"] if g["id"] == "sip.lang")
    assert {
        "year": 2019,
        "status": "not-done",
        "text": "Brukarrevision ej genomförd avseende SIP.",
    }.items() <= (long_goal["follow_up"][0].items())
    table = {row["key"]: row["statuses"] for row in document["status_table"]}
    assert table["short"] == {"hbg-2015": "not-stated", "skane-2019": "present", "hbg-2020": "present",
                              "hbg-2023": "present"}  # fmt: skip
    assert table["long"]["hbg-2015"] is None


def test_status_per_version_shows_a_closed_gap(run_cli: RunCli) -> None:
    document = history_json(run_cli, "narstaende")
    assert [v["plan"]["id"] for v in document["versions"]] == ["skane-2019", "hbg-2020", "hbg-2023"]
    long_row = next(r for r in document["status_table"] if r["key"] == "long")
    assert long_row["statuses"] == {"skane-2019": "saknas", "hbg-2020": "present", "hbg-2023": "present"}


def test_agreement_and_action_plan(run_cli: RunCli) -> None:
    document = history_json(run_cli, "familjecentraler")
    assert [(v["plan"]["id"], v["plan"]["kind"]) for v in document["versions"]] == [
        ("hbg-barn-unga-2019", "agreement"), ("hbg-2023", "action-plan"),
    ]  # fmt: skip


def test_json_matches_schema(run_cli: RunCli) -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads((REPO / "schemas" / "history.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    for topic in ("sip", "suicidprevention", "familjecentraler"):
        errors = list(Draft202012Validator(schema).iter_errors(history_json(run_cli, topic)))
        assert not errors, errors[0]


def test_text_in_swedish(run_cli: RunCli) -> None:
    result = run_cli("history", "sip", "--plans", str(PLANS), "--lang", "sv")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Historik för delområdet sip: 4 planer")
    assert "kortsiktigt  ej angivna  angivna (1)  angivna (1)  angivna (2)" in out
    assert (
        "skane-2019 (2019, regional uppföljning): ”SIP” under ”Enskildas delaktighet och rättigheter”" in out
    )
    assert "uppföljning 2019 [ej genomförd]: Brukarrevision ej genomförd avseende SIP." in out
    assert (
        out.index("hbg-2015 (")
        < out.index("skane-2019 (")
        < out.index("hbg-2020 (")
        < out.index("hbg-2023 (")
    )


def test_markdown(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "sip.md"
    result = run_cli("history", "sip", "--plans", str(PLANS), "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# History of topic sip: 4 plans")
    assert "| Goal | hbg-2015 | skane-2019 | hbg-2020 | hbg-2023 |" in text
    assert r"- *follow-up 2019 \[not done\]:* Brukarrevision ej genomförd avseende SIP." in text


def test_same_as_links_a_renamed_topic(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    linked = text.replace("      - id: sip\n", "      - id: samordnad-plan\n        same_as: sip\n", 1)
    assert linked != text
    plan.write_text(linked, encoding="utf-8")
    document = history_json(run_cli, "sip", plans_copy)
    last = document["versions"][-1]
    assert (last["plan"]["id"], last["topic"]["id"], last["topic"]["matched_by"]) == (
        "hbg-2023",
        "samordnad-plan",
        "same_as",
    )


def test_unknown_topic_lists_close_matches(run_cli: RunCli) -> None:
    result = run_cli("history", "suicid", "--plans", str(PLANS))
    assert result.exit_code == 2
    assert "no plan in" in result.stderr and "has a topic 'suicid'" in result.stderr
    assert "close matches: suicidprevention" in result.stderr
    result = run_cli("history", "narstande", "--plans", str(PLANS), "--lang", "sv")
    assert result.exit_code == 2
    assert "närliggande: narstaende" in result.stderr


def test_invalid_plan_in_folder(run_cli: RunCli, plans_copy: Path) -> None:
    (plans_copy / "broken.yaml").write_text("schema_version: 2\nid: broken\n", encoding="utf-8")
    result = run_cli("history", "sip", "--plans", str(plans_copy))
    assert result.exit_code == 2
    assert "broken.yaml is not a valid plan" in result.stderr
    assert "missing required key 'title'" in result.stderr
