"""`gaps --format junit`, `diff --format sarif|junit`: each output read back by what consumes it in CI.

Expected counts come from the plans themselves (the "Saknas" lines, the hbtq.lang goal) and from
the json format of the same command, which is a different renderer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, RunCli

SARIF_SCHEMA = DATA / "sarif-schema-2.1.0.json"
SAKNAS = "indicators: {missing: saknas"


@pytest.fixture
def workdir(plans_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the folder holding plans/, so paths are relative as in a CI checkout."""
    monkeypatch.chdir(plans_copy.parent)
    return plans_copy.parent


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _saknas_goals(plan: Path) -> list[tuple[int, int, str]]:
    """(line, column, goal id) of every goal whose indicators the plan records as "Saknas"."""
    found = []
    goal = ""
    for number, line in enumerate(_lines(plan), 1):
        if line.strip().startswith("- id: "):
            goal = line.split("- id: ", 1)[1].strip()
        if SAKNAS in line:
            found.append((number, line.index("{") + 1, goal))
    return found


def _line_after(plan: Path, anchor: str, needle: str) -> int:
    lines = _lines(plan)
    start = next(n for n, line in enumerate(lines) if line.strip() == anchor)
    return next(n for n, line in enumerate(lines[start:], start + 1) if needle in line)


def _cases(path: Path) -> list[Any]:
    from junitparser import JUnitXml, TestSuite

    xml = JUnitXml.fromfile(str(path))
    suites = [xml] if isinstance(xml, TestSuite) else list(xml)
    assert len(suites) == 1
    cases = list(suites[0])
    assert all(len(c.result) <= 1 for c in cases)  # one finding per test case: the counts add up
    assert xml.tests - xml.failures - xml.errors == sum(1 for c in cases if c.is_passed)
    return cases


def _by_file(cases: list[Any]) -> dict[str, list[Any]]:
    """The test cases of each file (the `file` attribute), in order."""
    groups: dict[str, list[Any]] = {}
    for case in cases:
        groups.setdefault(case._elem.get("file"), []).append(case)
    return groups


def _totals(path: Path) -> tuple[int, int, int]:
    from junitparser import JUnitXml

    xml = JUnitXml.fromfile(str(path))
    return (xml.tests, xml.failures, xml.errors)


def _sarif_errors(log: dict[str, Any]) -> list[str]:
    from jsonschema.validators import validator_for

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = validator_for(schema)
    validator.check_schema(schema)
    return [e.message for e in validator(schema).iter_errors(log)]


def _json(run_cli: RunCli, *args: str) -> Any:
    result = run_cli(*args, "--format", "json")
    return json.loads(result.stdout)


# --- gaps --format junit ------------------------------------------------------------------------


def test_gaps_junit_one_case_a_failure_per_error_or_warning(run_cli: RunCli, workdir: Path) -> None:
    from junitparser import Failure

    plan = workdir / "plans" / "hbg-2020.yaml"
    report = workdir / "gaps.xml"
    result = run_cli("gaps", "--format", "junit", "--output", str(report), "plans/hbg-2020.yaml")
    assert result.exit_code == 1, result.output  # the plan has errors; default fail-on is error
    assert result.stdout == ""

    findings = _json(run_cli, "gaps", "plans/hbg-2020.yaml")["findings"]
    expected = [f for f in findings if f["severity"] in ("error", "warning")]
    cases = _cases(report)
    assert {c.classname for c in cases} == {"hbg-plan.gaps"}
    failures = [c.result[0] for c in cases]
    assert all(isinstance(f, Failure) for f in failures)
    assert [c.name for c in cases] == [f.message for f in failures]  # a case per finding, named by it
    assert [(f.type, f.message.split(" ")[0]) for f in failures] == [
        (e["code"], f"{e['file']}:{e['line']}:{e['column']}") for e in expected
    ]
    assert _totals(report) == (len(expected), len(expected), 0)

    # The plan writes "Saknas" under eight goals' indicators: one HBG101 failure each, at that line.
    saknas = _saknas_goals(plan)
    assert len(saknas) == 8
    assert sorted(f.message for f in failures if f.type == "HBG101") == [
        f'plans/hbg-2020.yaml:{line}:{column} HBG101 {goal}: indicator missing: the plan says "Saknas"'
        for line, column, goal in saknas
    ]
    first = next(f for f in failures if f.type == "HBG101")
    assert (
        first.text.splitlines()[0]
        == f"plans/hbg-2020.yaml:{saknas[0][0]}:{saknas[0][1]}: error HBG101 indicator-saknas"
    )
    assert "sources/002_1aca388ac409bdea.txt:" in first.text


def test_gaps_junit_info_findings_go_to_system_out(run_cli: RunCli, workdir: Path) -> None:
    (workdir / "hbg-plan.toml").write_text('severity = {HBG104 = "info"}\n', encoding="utf-8")
    report = workdir / "gaps.xml"
    result = run_cli("gaps", "-f", "junit", "-o", str(report), "--lang", "sv", "plans/hbg-2020.yaml")
    assert result.exit_code == 1, result.output

    findings = _json(run_cli, "gaps", "plans/hbg-2020.yaml")["findings"]
    infos = [f for f in findings if f["severity"] == "info"]
    assert infos and {f["code"] for f in infos} == {"HBG104"}
    cases = _cases(report)
    assert {c.result[0].type for c in cases} == {"HBG101", "HBG103"}
    assert len(cases) == len(findings) - len(infos)
    assert all(not c.system_out for c in cases[1:])
    out = cases[0].system_out.splitlines()
    listed = [line for line in out if " HBG104 " in line]
    assert [line.split(" ")[1] for line in listed] == [
        f"{f['file']}:{f['line']}:{f['column']}" for f in infos
    ]
    assert all(line.startswith("info: ") and "indikatorn är inte mätbar" in line for line in listed)
    assert out[-1].startswith(f"{len(findings)} fynd: ")


def test_gaps_junit_every_plan_file_is_a_case(run_cli: RunCli, workdir: Path) -> None:
    report = workdir / "gaps.xml"
    result = run_cli("gaps", "--format", "junit", "--output", str(report), "--lang", "sv")
    assert result.exit_code == 1, result.output

    data = _json(run_cli, "gaps")
    per_file: dict[str, int] = {p["file"]: 0 for p in data["plans"]}
    for finding in data["findings"]:
        if finding["severity"] != "info":
            per_file[finding["file"]] += 1
    plan_files = [p for p in (workdir / "plans").glob("*.yaml") if p.name != "parties.yaml"]
    assert sorted(per_file) == sorted(f"plans/{p.name}" for p in plan_files)
    groups = _by_file(_cases(report))
    assert {file: sum(len(c.result) for c in cases) for file, cases in groups.items()} == per_file
    for file, count in per_file.items():  # a plan without findings is one passing case
        assert len(groups[file]) == max(count, 1)
    assert _totals(report) == (sum(max(n, 1) for n in per_file.values()), sum(per_file.values()), 0)
    saknas = [c.result[0].message for c in groups["plans/hbg-2020.yaml"] if c.result[0].type == "HBG101"]
    assert saknas and all(m.endswith('indikator saknas: planen skriver "Saknas"') for m in saknas)


# --- diff --format sarif ------------------------------------------------------------------------


def test_diff_sarif_valid_with_the_hbtq_regression(run_cli: RunCli, workdir: Path) -> None:
    result = run_cli("diff", "--format", "sarif", "hbg-2020", "hbg-2023")
    assert result.exit_code == 0, result.output
    log = json.loads(result.stdout)
    assert not _sarif_errors(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    for item in results:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["level"] == ("error" if item["ruleId"] == "hbg-plan/diff/regression" else "note")
        location = item["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "plans/hbg-2023.yaml"
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["hbg-plan/diff/regression"] == "error"
    assert levels["hbg-plan/diff/gap-closed"] == levels["hbg-plan/diff/goal-reworded"] == "note"
    assert "hbg-plan/diff/still-missing" not in levels  # a status, not a change

    # hbtq.lang listed an indicator in 2020 and reads "Saknas" in 2023.
    old_plan, new_plan = workdir / "plans" / "hbg-2020.yaml", workdir / "plans" / "hbg-2023.yaml"
    assert _lines(old_plan)[_line_after(old_plan, "- id: hbtq.lang", "indicators:")].strip().startswith("- ")
    saknas_line = _line_after(new_plan, "- id: hbtq.lang", SAKNAS)
    [hbtq] = [
        r
        for r in results
        if r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "hbg-2023/hbtq.lang"
        and r["ruleId"] == "hbg-plan/diff/regression"
    ]
    assert hbtq["locations"][0]["physicalLocation"]["region"]["startLine"] == saknas_line
    assert hbtq["message"]["text"].startswith("hbtq.lang: Regression: 1 indicator was stated, now")
    related = hbtq["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "plans/hbg-2020.yaml"
    assert related["region"]["startLine"] == _line_after(old_plan, "- id: hbtq.lang", "- id: hbtq.lang")

    summary = _json(run_cli, "diff", "hbg-2020", "hbg-2023")["comparisons"][0]["summary"]
    by_kind = {k: n for k, n in summary["by_kind"].items() if k != "still-missing"}
    counted: dict[str, int] = {}
    for item in results:
        kind = item["ruleId"].removeprefix("hbg-plan/diff/")
        counted[kind] = counted.get(kind, 0) + 1
    assert counted == by_kind
    assert len(results) == summary["differences"]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_diff_sarif_messages_are_the_github_messages(run_cli: RunCli, workdir: Path, lang: str) -> None:
    plans = ("hbg-2015", "hbg-2020", "hbg-2023")
    log = json.loads(run_cli("diff", "-f", "sarif", "--lang", lang, *plans).stdout)
    assert log["runs"][0]["language"] == lang
    texts = [r["message"]["text"] for r in log["runs"][0]["results"]]
    github = run_cli("diff", "-f", "github", "--annotate", "all", "--lang", lang, *plans).stdout.splitlines()
    annotations = [line.split("::", 2)[2] for line in github if line.startswith("::")]
    unescaped = [a.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%") for a in annotations]
    assert texts == unescaped
    assert any("\n" in t for t in texts)  # reworded goals carry the word diff
    regression = "Försämring" if lang == "sv" else "Regression"
    assert any(t.startswith(f"hbtq.lang: {regression}: ") for t in texts)


# --- diff --format junit ------------------------------------------------------------------------


def test_diff_junit_a_case_per_pair_and_regressions_fail(run_cli: RunCli, workdir: Path) -> None:
    report = workdir / "diff.xml"
    plans = ("hbg-2015", "hbg-2020", "hbg-2023")
    result = run_cli("diff", "--format", "junit", "--output", str(report), *plans)
    assert result.exit_code == 0, result.output  # diff fails only when asked to
    comparisons = _json(run_cli, "diff", *plans)["comparisons"]

    all_cases = _cases(report)
    assert {c.classname for c in all_cases} == {"hbg-plan.diff"}
    pairs = _by_file(all_cases)
    assert list(pairs) == ["plans/hbg-2020.yaml", "plans/hbg-2023.yaml"]
    assert [sum(len(c.result) for c in cases) for cases in pairs.values()] == [
        c["summary"]["regressions"] for c in comparisons
    ]
    assert {f.type for c in all_cases for f in c.result} == {"hbg-plan/diff/regression"}
    saknas_line = _line_after(workdir / "plans" / "hbg-2023.yaml", "- id: hbtq.lang", SAKNAS)
    messages = [c.result[0].message for c in pairs["plans/hbg-2023.yaml"]]
    assert any(
        m.startswith(f"plans/hbg-2023.yaml:{saknas_line}:") and " hbg-plan/diff/regression hbtq.lang: " in m
        for m in messages
    )
    # The changes that do not fail are listed beside the case, one per line, then the summary.
    for (pair, cases), comparison in zip(
        [
            ("hbg-2015 → hbg-2020", pairs["plans/hbg-2020.yaml"]),
            ("hbg-2020 → hbg-2023", pairs["plans/hbg-2023.yaml"]),
        ],
        comparisons,
        strict=True,
    ):
        out = cases[0].system_out.splitlines()
        assert len(out) == comparison["summary"]["differences"] - comparison["summary"]["regressions"] + 1
        assert out[-1].startswith(f"{pair}: Differences: {comparison['summary']['differences']} ")

    failing = run_cli("diff", "-f", "junit", "-o", str(report), "--fail-on", "regression", *plans)
    assert failing.exit_code == 1


@pytest.mark.parametrize("flag", [("--fail-on", "any"), ("--exit-code",)])
def test_diff_junit_every_change_fails_when_any_change_does(
    run_cli: RunCli, workdir: Path, flag: tuple[str, ...]
) -> None:
    report = workdir / "diff.xml"
    result = run_cli("diff", "-f", "junit", "-o", str(report), *flag, "hbg-2015", "hbg-2020", "hbg-2023")
    assert result.exit_code == 1
    comparisons = _json(run_cli, "diff", "hbg-2015", "hbg-2020", "hbg-2023")["comparisons"]
    pairs = _by_file(_cases(report))
    assert [len(cases) for cases in pairs.values()] == [c["summary"]["differences"] for c in comparisons]
    total = sum(c["summary"]["differences"] for c in comparisons)
    assert _totals(report) == (total, total, 0)
    assert all(len(cases[0].system_out.splitlines()) == 1 for cases in pairs.values())  # only the summary


def test_help_lists_the_ci_formats(run_cli: RunCli) -> None:
    gaps_help = " ".join(run_cli("gaps", "--help").stdout.split())
    diff_help = " ".join(run_cli("diff", "--help").stdout.split())
    assert "sarif|junit|xlsx" in gaps_help and "junit (one test case per finding" in gaps_help
    assert "github|sarif|junit" in diff_help and "junit (one test case per failing change" in diff_help
