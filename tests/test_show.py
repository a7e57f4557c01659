"""`hbg-plan show`: an item's data beside the exact source lines it came from."""

from __future__ import annotations

import json

from tests.conftest import PLANS, RunCli


def test_show_goal_prints_data_and_source_lines(run_cli: RunCli) -> None:
    result = run_cli("show", "sip.kort", "--plan", "hbg-2020", "--plans", str(PLANS))
    assert result.exit_code == 0, result.output
    assert "hbg-2020 · goal sip.kort · " in result.stdout
    assert "- Antal SIP i Helsingborgs stad." in result.stdout  # the YAML data
    assert "Source sources/002_1aca388ac409bdea.txt, lines 213-218:" in result.stdout
    assert "218 |  - Antal SIP i Helsingborgs stad." in result.stdout  # the source line, numbered


def test_show_topic_in_every_plan_that_has_it(run_cli: RunCli) -> None:
    result = run_cli("show", "sip", "--plans", str(PLANS), "--format", "json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)["items"]
    plans = [item["plan"] for item in items]
    assert "hbg-2020" in plans and "hbg-2023" in plans and "skane-2019" in plans
    assert plans.index("skane-2019") < plans.index("hbg-2020") < plans.index("hbg-2023")  # oldest first
    sip_2020 = next(item for item in items if item["plan"] == "hbg-2020")
    assert sip_2020["kind"] == "topic"
    assert sip_2020["data"]["title"] == "Samordnad individuell plan (SIP)"
    assert sip_2020["source"]["lines"][0] == {"line": 211, "text": "Samordnad individuell plan (SIP)"}


def test_show_plan_prefix_and_swedish(run_cli: RunCli) -> None:
    result = run_cli("show", "hbg-2020:suicidprevention.lang", "--plans", str(PLANS), "--lang", "sv")
    assert result.exit_code == 0, result.output
    assert "mål suicidprevention.lang" in result.stdout
    assert "Källa sources/002_1aca388ac409bdea.txt, rad 21-24:" in result.stdout


def test_show_unknown_id_is_usage_error(run_cli: RunCli) -> None:
    result = run_cli("show", "no-such-topic", "--plans", str(PLANS))
    assert result.exit_code == 2
    assert "no topic or goal with id 'no-such-topic'" in result.stderr
