"""`summary --by party` counts units under their department (`part_of`); `--by unit` shows them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import PLANS, RunCli
from tests.test_rules import goal, plan, topic, write


def rows(run_cli: RunCli, *args: str) -> dict[str | None, dict[str, Any]]:
    result = run_cli("summary", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["key"]: row for row in json.loads(result.stdout)["rows"]}


def test_units_of_the_2023_plan_roll_up_to_their_department(run_cli: RunCli) -> None:
    by_party = rows(run_cli, "hbg-2023", "--plans", str(PLANS))
    by_unit = rows(run_cli, "hbg-2023", "--plans", str(PLANS), "--by", "unit")
    assert {"familjehuset", "ung-helsingborg"} <= set(by_unit)
    assert not {"familjehuset", "ung-helsingborg"} & set(by_party)
    # Familjehuset is part of socialtjänsten (parties.yaml): its goal counts there
    assert (
        by_party["socialtjansten-helsingborg"]["goals"]
        == by_unit.get("socialtjansten-helsingborg", {}).get("goals", 0) + by_unit["familjehuset"]["goals"]
    )
    # the KAA goal names Helsingborgs stad and Ung Helsingborg (part of the city): counted once
    assert by_party["helsingborgs-stad"]["goals"] == by_unit["helsingborgs-stad"]["goals"]


def test_a_unit_of_a_unit_rolls_up_to_the_department_and_counts_once(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        plan(
            "p",
            topic(
                "t",
                goal("t.kort", responsible=("team-a",)),
                goal("t.lang", horizon="long", responsible=("team-a", "sof")),
                goal("t.annat", responsible=("sff",)),
            ),
        ),
    )
    registry = tmp_path / "parties.yaml"
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    data["parties"] += [
        {"id": "enhet", "name": "Enheten", "type": "unit", "part_of": "sof"},
        {"id": "team-a", "name": "Team A", "type": "unit", "part_of": "enhet"},
    ]
    registry.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    by_party = rows(run_cli, str(path))
    assert by_party["sof"]["goals"] == 2 and "team-a" not in by_party
    assert by_party["sff"]["goals"] == 1
    by_unit = rows(run_cli, str(path), "--by", "unit")
    assert by_unit["team-a"]["goals"] == 2 and by_unit["sof"]["goals"] == 1


def test_the_party_table_says_units_are_rolled_up(run_cli: RunCli) -> None:
    result = run_cli("summary", "hbg-2023", "--plans", str(PLANS), "--lang", "sv")
    assert "En enhet räknas under den förvaltning den ingår i" in result.stdout
    result = run_cli("summary", "hbg-2023", "--plans", str(PLANS), "--by", "unit")
    assert result.stdout.startswith("Accountability by responsible party and unit: hbg-2023")
