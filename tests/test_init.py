"""`hbg-plan init NEW --from PLAN`: the next version of a plan, structure kept, texts left open."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from hbg_plan.io.load import load_yaml
from hbg_plan.model.plan import Plan
from hbg_plan.validate.engine import load_plan
from tests.conftest import PLANS, REPO, RunCli

BUNDLED = sorted(p for p in PLANS.glob("*.yaml") if p.name != "parties.yaml")
NOT_STATED = {"missing": "not-stated"}


@pytest.fixture
def workspace(plans_copy: Path) -> Path:
    """tmp/plans (a copy of the bundled plans) beside tmp/schemas, as in the repository."""
    shutil.copytree(REPO / "schemas", plans_copy.parent / "schemas")
    return plans_copy


def _plan(path: Path) -> Plan:
    plan, diagnostics = load_plan(path)
    assert plan is not None, diagnostics
    return plan


def _scaffold(path: Path) -> dict[str, Any]:
    data = load_yaml(path).data
    assert isinstance(data, dict)
    return data


def test_scaffold_from_plan_id(run_cli: RunCli, workspace: Path) -> None:
    target = workspace / "hbg-next.yaml"
    result = run_cli("init", str(target), "--from", "hbg-2020", "--plans", str(workspace))
    assert result.exit_code == 0, result.output
    assert str(target) in result.stdout
    old = _plan(workspace / "hbg-2020.yaml")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/plan.schema.json\n")
    data = _scaffold(target)
    # hbg-2020 covers 2020-2022 (plans/hbg-2020.yaml line 8): the next version starts 2023.
    assert data["id"] == "hbg-2023"
    assert data["period"] == {"start": "2023", "end": "2025"}
    assert data["replaces"] == "hbg-2020"
    assert data["based_on"] == ["skane-2019"]
    assert (data["kind"], data["level"], data["issued_by"]) == ("action-plan", "local", ["helsingborgs-stad"])
    assert data["title"] == ""
    assert data["source"]["sha256"] == "TODO"
    areas = [(a["id"], a.get("number"), a["title"]) for a in data["focus_areas"]]
    assert areas == [(a.id, a.number, a.title) for a in old.focus_areas]
    topics = [(t["id"], t["title"]) for a in data["focus_areas"] for t in a["topics"]]
    assert topics == [(t.id, t.title) for t in old.topics()]
    goals = [g for a in data["focus_areas"] for t in a["topics"] for g in t["goals"]]
    assert [(g["id"], g["horizon"]) for g in goals] == [(g.id, g.horizon) for g in old.goals()]
    assert len(goals) == 50  # 25 topics in hbg-2020, each with a .kort and a .lang goal
    for goal in goals:
        assert goal["texts"] == []
        assert goal["indicators"] == NOT_STATED
        assert goal["responsible"] == NOT_STATED
        assert goal["source"] == {"lines": []}
        assert set(goal) == {"id", "horizon", "source", "texts", "indicators", "responsible"}
    assert "sip.kort" in {g["id"] for g in goals}


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_scaffold_fails_validation_only_where_the_new_document_is_needed(
    run_cli: RunCli, workspace: Path, path: Path
) -> None:
    target = workspace / "next.yaml"
    result = run_cli("init", str(target), "--from", str(workspace / path.name))
    assert result.exit_code == 0, result.output
    old = _plan(workspace / path.name)
    assert _scaffold(target)["replaces"] == old.id

    report = run_cli("validate", "--format", "json", str(target))
    assert report.exit_code == 1, report.output
    diagnostics = json.loads(report.stdout)["files"][0]["diagnostics"]
    assert {d["code"] for d in diagnostics} == {"HBG010"}
    pointers = [d["pointer"] for d in diagnostics]
    open_places = ("/source/lines", "/texts")
    unexpected = [
        p for p in pointers if p not in ("/title", "/source/sha256") and not p.endswith(open_places)
    ]
    assert not unexpected, unexpected
    goal_count = sum(1 for _ in old.goals())
    texts = [d for d in diagnostics if d["pointer"].endswith("/texts")]
    assert len(texts) == goal_count + len(old.sections)
    assert all(d["message"] == "list must have at least 1 item(s)" for d in texts)
    assert all(d["line"] > 0 for d in diagnostics)


def test_text_fields_are_reported_at_their_lines(run_cli: RunCli, workspace: Path) -> None:
    target = workspace / "next.yaml"
    assert run_cli("init", str(target), "--from", "hbg-2020", "--plans", str(workspace)).exit_code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    sip_kort = next(i for i, line in enumerate(lines) if "- id: sip.kort" in line)
    texts_line = next(i for i in range(sip_kort, len(lines)) if lines[i].strip() == "texts: []") + 1
    report = run_cli("validate", str(target))
    assert f"{target}:{texts_line}:" in report.stdout
    assert "list must have at least 1 item(s)" in report.stdout


def test_never_overwrites(run_cli: RunCli, workspace: Path) -> None:
    target = workspace / "hbg-2020.yaml"
    before = target.read_bytes()
    result = run_cli("init", str(target), "--from", "hbg-2015", "--plans", str(workspace))
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert target.read_bytes() == before


def test_id_option_and_plan_file(run_cli: RunCli, workspace: Path) -> None:
    target = workspace / "hbg-2016.yaml"
    result = run_cli("init", str(target), "--from", str(workspace / "hbg-2015.yaml"), "--id", "hbg-2016-rev")
    assert result.exit_code == 0, result.output
    data = _scaffold(target)
    assert data["id"] == "hbg-2016-rev"
    assert data["replaces"] == "hbg-2015"
    # hbg-2015 covers 2015-2016 (line 8).
    assert data["period"] == {"start": "2017", "end": "2018"}


def test_default_id_bumps_year_to_after_the_period(run_cli: RunCli, workspace: Path) -> None:
    target = workspace / "next.yaml"
    assert run_cli("init", str(target), "--from", "hbg-2015", "--plans", str(workspace)).exit_code == 0
    assert _scaffold(target)["id"] == "hbg-2017"


def test_swedish_comments(run_cli: RunCli, workspace: Path) -> None:
    target = workspace / "next.yaml"
    result = run_cli("init", str(target), "--from", "hbg-2020", "--plans", str(workspace), "--lang", "sv")
    assert result.exit_code == 0, result.output
    assert "skrev" in result.stdout
    head = "".join(target.read_text(encoding="utf-8").splitlines(keepends=True)[1:6])
    assert "Nästa version av hbg-2020" in head
    assert "Next version" not in head


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--from", "hbg-1999"], "neither a plan file nor the id of a plan in"),
        (["--from", "hbg-2020", "--id", "Hbg 2023"], "not a valid plan id"),
        (["--from", "hbg-2020", "--id", "hbg-2020"], "needs an id other than 'hbg-2020'"),
    ],
)
def test_usage_errors(run_cli: RunCli, workspace: Path, args: list[str], expected: str) -> None:
    target = workspace / "next.yaml"
    result = run_cli("init", str(target), *args, "--plans", str(workspace))
    assert result.exit_code == 2
    assert expected in result.stderr
    assert not target.exists()


def test_refuses_non_yaml_name_and_missing_folder(run_cli: RunCli, workspace: Path) -> None:
    result = run_cli("init", str(workspace / "next.txt"), "--from", "hbg-2020", "--plans", str(workspace))
    assert result.exit_code == 2
    assert ".yaml or .yml" in result.stderr
    result = run_cli(
        "init", str(workspace / "nowhere" / "next.yaml"), "--from", "hbg-2020", "--plans", str(workspace)
    )
    assert result.exit_code == 2
    assert "nowhere" in result.stderr


def test_invalid_source_plan_is_reported_with_location(run_cli: RunCli, workspace: Path) -> None:
    broken = workspace / "hbg-2020.yaml"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("horizon: short", "horizon: kort", 1), encoding="utf-8")
    line = next(
        n
        for n, row in enumerate(broken.read_text(encoding="utf-8").splitlines(), 1)
        if "horizon: kort" in row
    )
    target = workspace / "next.yaml"
    result = run_cli("init", str(target), "--from", str(broken))
    assert result.exit_code == 1
    assert f"{broken}:{line}:" in result.stderr
    assert not target.exists()
