"""CI output details: annotations only to standard output, one title format, diff annotates regressions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import PLANS, RunCli

ACTIONS = {"GITHUB_ACTIONS": "true"}
TITLE = re.compile(r"^::(?:error|warning|notice) [^:]*title=([^:]*)::", re.MULTILINE)


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--gaps", "--no-baseline", str(PLANS)),
        ("gaps",),
        ("diff", "hbg-2020", "hbg-2023", "--annotate", "all"),
    ],
)
def test_github_annotations_go_to_stdout_never_into_an_output_file(
    run_cli: RunCli, tmp_path: Path, args: tuple[str, ...]
) -> None:
    on_stdout = run_cli(*args, env=ACTIONS)
    assert re.search(r"^::(error|warning|notice) ", on_stdout.stdout, re.MULTILINE), on_stdout.stdout[:300]
    report = tmp_path / "report.txt"
    to_file = run_cli(*args, "-o", str(report), env=ACTIONS)
    assert to_file.exit_code == on_stdout.exit_code
    written = report.read_text(encoding="utf-8")
    assert "::" not in "".join(line[:2] for line in written.splitlines())
    assert not re.search(r"^::", written, re.MULTILINE)
    explicit = run_cli(*args, "-f", "github", "-o", str(report), env=ACTIONS)
    assert explicit.exit_code == on_stdout.exit_code
    assert re.search(r"^::", report.read_text(encoding="utf-8"), re.MULTILINE)  # asked for by name


def test_annotation_titles_are_code_and_rule_name_in_validate_and_gaps(run_cli: RunCli) -> None:
    validate = run_cli("validate", "--gaps", "--no-baseline", str(PLANS / "hbg-2020.yaml"), "-f", "github")
    gaps = run_cli("gaps", "hbg-2020", "-f", "github")
    titles_validate = TITLE.findall(validate.stdout)
    titles_gaps = TITLE.findall(gaps.stdout)
    assert titles_validate and sorted(titles_validate) == sorted(titles_gaps)
    assert all(re.fullmatch(r"HBG\d{3} [a-z-]+", title) for title in titles_validate)
    assert "HBG101 indicator-saknas" in titles_validate


def test_validation_annotations_carry_the_rule_name(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("en gång per år", "två gånger per år", 1), encoding="utf-8")
    result = run_cli("validate", str(plan), "-f", "github")
    assert TITLE.findall(result.stdout) == ["HBG025 not-verbatim"]


def test_diff_annotates_only_regressions_unless_asked(run_cli: RunCli) -> None:
    plans = ("hbg-2015", "hbg-2020", "hbg-2023")
    default = run_cli("diff", *plans, "-f", "github")
    everything = run_cli("diff", *plans, "-f", "github", "--annotate", "all")
    annotations = re.findall(r"^::(\w+) ", default.stdout, re.MULTILINE)
    assert annotations and set(annotations) == {"warning"}  # regressions only
    regressions = sum(
        c["summary"]["regressions"]
        for c in __import__("json").loads(run_cli("diff", *plans, "-f", "json").stdout)["comparisons"]
    )
    assert len(annotations) == regressions
    all_annotations = re.findall(r"^::(\w+) ", everything.stdout, re.MULTILINE)
    assert len(all_annotations) > 10 * len(annotations)
    assert "notice" in all_annotations

    # The summary lines still count every change.
    def summaries(text: str) -> list[str]:
        return [line for line in text.splitlines() if not line.startswith("::")]

    assert summaries(default.stdout) == summaries(everything.stdout)
    assert len(summaries(default.stdout)) == 2


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--gaps", "--no-baseline", str(PLANS)),
        ("gaps",),
        ("diff", "hbg-2015", "hbg-2020", "hbg-2023", "--fail-on", "any"),
    ],
)
def test_junit_counts_add_up_in_junitparser(run_cli: RunCli, tmp_path: Path, args: tuple[str, ...]) -> None:
    from junitparser import JUnitXml

    report = tmp_path / "junit.xml"
    run_cli(*args, "-f", "junit", "-o", str(report))
    xml = JUnitXml.fromfile(str(report))
    cases = [case for suite in xml for case in suite]
    assert xml.tests == len(cases)
    assert xml.failures + xml.errors == sum(len(case.result) for case in cases)
    assert all(len(case.result) <= 1 for case in cases)
    assert xml.tests - xml.failures - xml.errors - xml.skipped == sum(1 for c in cases if c.is_passed) >= 0
    assert xml.failures > 0
