"""The gap baseline: adopt the gap rules on plans with known gaps, fail only on new ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, RunCli

SHIPPED = REPO / "hbg-plan-baseline.json"
SPISS = '            indicators:\n              - "Antal medarbetare som fått webbutbildningen Suicidprevention i svensk sjukvård (SPISS)."\n'
SAKNAS_2020 = "            indicators: {missing: saknas, source: {lines: [91, 92]}}\n"


@pytest.fixture
def project(plans_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of this repository's plans, configuration and shipped baseline, as the current folder."""
    root = plans_copy.parent
    shutil.copy2(REPO / "pyproject.toml", root / "pyproject.toml")
    shutil.copy2(SHIPPED, root / SHIPPED.name)
    monkeypatch.chdir(root)
    return root


def _findings(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if " HBG1" in line]


def test_shipped_baseline_is_current(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fails when the gap findings changed: regenerate with `hbg-plan gaps --write-baseline hbg-plan-baseline.json`."""
    monkeypatch.chdir(REPO)
    fresh = tmp_path / "baseline.json"
    result = run_cli("gaps", "--write-baseline", str(fresh))
    assert result.exit_code == 0, result.output
    assert fresh.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8"), (
        "hbg-plan-baseline.json is stale: run `hbg-plan gaps --write-baseline hbg-plan-baseline.json`"
    )


def test_validate_gaps_passes_on_the_bundled_plans_with_the_shipped_baseline(
    run_cli: RunCli, project: Path
) -> None:
    result = run_cli("validate", "--gaps", "plans/")
    assert result.exit_code == 0, result.output
    assert _findings(result.stdout) == []
    recorded = len(json.loads(SHIPPED.read_text(encoding="utf-8"))["findings"])
    assert (
        f"baseline hbg-plan-baseline.json: {recorded} known finding(s) not reported, 0 stale" in result.stderr
    )
    everything = run_cli("validate", "--gaps", "plans/", "--no-baseline")
    assert everything.exit_code == 1
    assert len(_findings(everything.stdout)) == recorded


def test_a_new_saknas_is_the_one_finding(run_cli: RunCli, project: Path) -> None:
    plan = project / "plans" / "hbg-2020.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count(SPISS) == 1
    plan.write_text(text.replace(SPISS, "            indicators: {missing: saknas}\n"), encoding="utf-8")
    line = (
        plan.read_text(encoding="utf-8").splitlines().index("            indicators: {missing: saknas}") + 1
    )
    result = run_cli("validate", "--gaps", "plans/")
    assert result.exit_code == 1, result.output
    [finding] = _findings(result.stdout)
    assert finding.startswith(f"plans/hbg-2020.yaml:{line}:25: error HBG101 suicidprevention.kort: ")
    gaps = run_cli("gaps", "hbg-2020", "--baseline", "hbg-plan-baseline.json", "--format", "json")
    assert gaps.exit_code == 1
    assert [f["code"] for f in json.loads(gaps.stdout)["findings"]] == ["HBG101"]


def test_a_closed_gap_is_one_stale_entry(run_cli: RunCli, project: Path) -> None:
    plan = project / "plans" / "hbg-2020.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count(SAKNAS_2020) == 1
    accepted = SAKNAS_2020 + '            ignore: [{code: HBG101, reason: "Indikator tas fram 2024."}]\n'
    plan.write_text(text.replace(SAKNAS_2020, accepted), encoding="utf-8")
    result = run_cli("validate", "--gaps", "plans/", "--lang", "sv")
    assert result.exit_code == 0, result.output
    stale = [line for line in result.stderr.splitlines() if "inaktuell post" in line]
    assert stale == [
        "hbg-plan-baseline.json: inaktuell post hbg-2020 utbildningssatsning.lang HBG101: fyndet finns inte "
        "längre; kör `hbg-plan gaps --write-baseline hbg-plan-baseline.json` för att ta bort den"
    ]
    assert "1 inaktuella poster" in result.stderr


def test_fingerprints_ignore_line_numbers(run_cli: RunCli, project: Path) -> None:
    plan = project / "plans" / "hbg-2020.yaml"
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1:1] = ["# En kommentar som flyttar varje rad nedåt.\n"] * 3
    plan.write_text("".join(lines), encoding="utf-8")
    result = run_cli("validate", "--gaps", "plans/")
    assert result.exit_code == 0, result.output
    assert ", 0 stale" in result.stderr


def test_checking_one_plan_or_rule_leaves_the_other_entries_alone(run_cli: RunCli, project: Path) -> None:
    result = run_cli("gaps", "hbg-2023", "--select", "HBG103", "--baseline", "hbg-plan-baseline.json")
    assert result.exit_code == 0, result.output
    assert ", 0 stale" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "hbg-plan: broken.json:1:2: the baseline is not valid JSON: Expecting property name"),
        ('{"kind": "gaps"}', "hbg-plan: broken.json: not a hbg-plan baseline: expected"),
        ('{"kind": "baseline", "version": 1, "findings": [{"plan": 1}]}', "findings[0] needs string"),
    ],
)
def test_a_broken_baseline_is_a_one_line_usage_error(
    run_cli: RunCli, project: Path, content: str, message: str
) -> None:
    (project / "broken.json").write_text(content, encoding="utf-8")
    result = run_cli("gaps", "--baseline", "broken.json")
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_write_baseline_is_atomic_and_counts(run_cli: RunCli, project: Path) -> None:
    result = run_cli("gaps", "hbg-2015", "--write-baseline", "b.json", "--lang", "sv")
    assert result.exit_code == 0
    written = json.loads((project / "b.json").read_text(encoding="utf-8"))
    assert written["kind"] == "baseline"
    assert {entry["plan"] for entry in written["findings"]} == {"hbg-2015"}
    assert f"skrev {len(written['findings'])} fynd till baslinjen b.json" in result.stderr
