"""Every responsible party of every bundled plan is named by words of its own goal.

The convention (docs/TRANSCRIBING.md): a party is recorded only where the goal's text names it
(as the subject, or as a unit that carries out the goal) or where an "Ansvarig(a) är …" line
does. So each quote must stand in the goal's texts, or be that line, within the goal's lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hbg_plan.validate.engine import load_plan
from hbg_plan.validate.provenance import normalise
from tests.conftest import PLANS, RunCli

PLAN_FILES = sorted(p for p in PLANS.glob("*.yaml") if p.name != "parties.yaml")


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_every_responsible_quote_stands_in_its_goal(path) -> None:  # type: ignore[no-untyped-def]
    plan, diagnostics = load_plan(path)
    assert plan is not None, diagnostics
    source = (path.parent / plan.data_source_name).read_text(encoding="utf-8").splitlines()
    unquoted, misplaced = [], []
    for goal in plan.goals():
        text = normalise(" ".join(goal.texts))
        lines = normalise(" ".join(source[goal.source.first - 1 : goal.source.last]))
        for entry in goal.responsible:
            if not entry.quote:
                unquoted.append((goal.id, entry.party))
                continue
            quote = normalise(entry.quote)
            in_text = quote in text
            ansvarig_line = re.match(r"ansvarig", entry.quote.strip(), re.IGNORECASE) and quote in lines
            listed = entry.basis == "responsible-line" and quote in lines  # organisations the line refers to
            if not (in_text or ansvarig_line or listed):
                misplaced.append((goal.id, entry.party, entry.quote))
    assert not unquoted, unquoted
    assert not misplaced, misplaced


def test_supported_by_does_not_make_a_party_responsible(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "hbg-plan.toml"
    config.write_text("", encoding="utf-8")  # no baseline: every finding is reported
    import json

    plan, _ = load_plan(PLANS / "hbg-2015.yaml")
    assert plan is not None
    goal = plan.goal("b4-ips-arbetscoachning.utveckling")
    assert goal is not None
    assert "lokalt-samrad" not in goal.party_ids and goal.supporting_ids == ("lokalt-samrad",)
    found = json.loads(run_cli("gaps", str(PLANS / "hbg-2015.yaml"), "--select", "HBG103", "--format", "json",
                               "--fail-on", "never", "--config", str(config)).stdout)["findings"]  # fmt: skip
    assert not [f for f in found if f["goal"]["id"] == "b4-ips-arbetscoachning.utveckling"]


@pytest.mark.parametrize(
    ("plan_id", "goal_id"),
    [
        ("hbg-2023", "unga-16-20-ar-i-kommunens-aktivitetsansvar.kort"),
        ("hbg-2023", "barn-som-anhoriga.kort"),
        ("hbg-2023", "kunskapsstyrning.lang"),
        ("hbg-2023", "aldre.kort"),
        ("hbg-2015", "sip.utveckling"),
    ],
)
def test_hbg103_does_not_fire_on_the_goals_that_name_a_unit(
    run_cli: RunCli, tmp_path: Path, plan_id: str, goal_id: str
) -> None:
    config = tmp_path / "hbg-plan.toml"
    config.write_text("", encoding="utf-8")  # no baseline: every finding is reported
    import json

    result = run_cli("gaps", plan_id, "--plans", str(PLANS), "--select", "HBG103", "--format", "json",
                     "--fail-on", "never", "--config", str(config))  # fmt: skip
    found = json.loads(result.stdout)["findings"]
    assert not [f for f in found if f["goal"]["id"] == goal_id]
