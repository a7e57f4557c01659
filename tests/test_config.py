"""Configuration (`[tool.hbg-plan]` / hbg-plan.toml) and goal suppressions, through `hbg-plan gaps`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RunCli
from tests.test_rules import goal, plan, topic, write


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a small plan in plans/, and the current folder set to it."""
    write(
        tmp_path / "plans",
        plan(
            "p",
            topic(
                "t",
                goal("t.kort", indicators="saknas", responsible="not-stated"),
                goal("t.lang", horizon="long", indicators=("Utvärdering av arbetet.",)),
            ),
        ),
    )
    write(tmp_path / "plans", plan("q", topic("u", goal("u.kort", indicators="saknas"))))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _codes(run_cli: RunCli, *args: str) -> dict[str, set[str]]:
    """{plan id: codes found} for `hbg-plan gaps` with the project's configuration."""
    result = run_cli("gaps", *args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    found: dict[str, set[str]] = {}
    for f in json.loads(result.stdout)["findings"]:
        found.setdefault(f["plan"], set()).add(f["code"])
    return found


def _gaps(run_cli: RunCli, *args: str) -> Any:
    return run_cli("gaps", *args)


def test_without_configuration_every_rule_runs(run_cli: RunCli, project: Path) -> None:
    assert _codes(run_cli) == {"p": {"HBG101", "HBG103", "HBG104"}, "q": {"HBG101"}}


def test_select_and_ignore_in_hbg_plan_toml(run_cli: RunCli, project: Path) -> None:
    (project / "hbg-plan.toml").write_text(
        'select = ["HBG1"]\nignore = ["HBG103", "indicator-not-measurable"]\n'
    )
    assert _codes(run_cli) == {"p": {"HBG101"}, "q": {"HBG101"}}


def test_pyproject_section_and_command_line_narrowing(run_cli: RunCli, project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.hbg-plan]\nignore = ["HBG101"]\n')
    assert _codes(run_cli) == {"p": {"HBG103", "HBG104"}}
    assert _codes(run_cli, "--select", "HBG103,HBG101") == {"p": {"HBG103"}}  # config ignore still applies
    assert _codes(run_cli, "--ignore", "HBG104") == {"p": {"HBG103"}}


def test_per_plan_override_leaves_other_plans_alone(run_cli: RunCli, project: Path) -> None:
    (project / "hbg-plan.toml").write_text(
        '[per-plan.p]\nignore = ["HBG101", "HBG104"]\n\n[per-plan.q]\nselect = ["HBG103"]\n'
    )
    assert _codes(run_cli) == {"p": {"HBG103"}}


def test_per_plan_override_on_the_real_2015_plan(
    run_cli: RunCli, plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 2015 plan predates indicators: its HBG102 is silenced; the 2019 agreement has no
    indicator blocks, so HBG102 applies to it only when its options say so."""
    monkeypatch.chdir(plans_copy.parent)
    (plans_copy.parent / "pyproject.toml").write_text(
        '[tool.hbg-plan]\nplans-dir = "plans"\n\n[tool.hbg-plan.per-plan.hbg-2015]\nignore = ["HBG102"]\n'
    )
    found = _codes(run_cli, "--select", "HBG102")
    assert "hbg-2015" not in found
    assert "hbg-barn-unga-2019" not in found
    (plans_copy.parent / "pyproject.toml").write_text(
        '[tool.hbg-plan]\nplans-dir = "plans"\n\n[tool.hbg-plan.per-plan.hbg-2015]\nignore = ["HBG102"]\n\n'
        '[tool.hbg-plan.per-plan.hbg-barn-unga-2019.options.indicator-not-stated]\nplan-kinds = ["agreement"]\n'
    )
    found = _codes(run_cli, "--select", "HBG102")
    assert "hbg-2015" not in found
    assert found["hbg-barn-unga-2019"] == {"HBG102"}


def test_severity_override_changes_the_exit_code(run_cli: RunCli, project: Path) -> None:
    assert run_cli("gaps", "--select", "HBG104").exit_code == 0  # a warning by default
    (project / "hbg-plan.toml").write_text('[severity]\nHBG104 = "error"\n')
    result = run_cli("gaps", "--select", "HBG104", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["findings"][0]["severity"] == "error"


def test_per_plan_severity(run_cli: RunCli, project: Path) -> None:
    (project / "hbg-plan.toml").write_text('[per-plan.q.severity]\nHBG101 = "info"\n')
    result = run_cli("gaps", "--select", "HBG101", "--format", "json", "--fail-on", "never")
    levels = {f["plan"]: f["severity"] for f in json.loads(result.stdout)["findings"]}
    assert levels == {"p": "error", "q": "info"}


def test_fail_on_and_lang_from_configuration(run_cli: RunCli, project: Path) -> None:
    (project / "hbg-plan.toml").write_text('fail-on = "never"\nlang = "sv"\n')
    result = run_cli("gaps")
    assert result.exit_code == 0
    assert "saknar ansvarig" in result.stdout
    assert run_cli("gaps", "--fail-on", "error").exit_code == 1  # the command line wins
    assert "no responsible party named" in run_cli("gaps", "--lang", "en").stdout


def test_plans_dir_is_relative_to_the_configuration_file(
    run_cli: RunCli, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "elsewhere").mkdir()
    (project / "plans").rename(project / "elsewhere" / "handlingsplaner")
    (project / "hbg-plan.toml").write_text('plans-dir = "elsewhere/handlingsplaner"\n')
    (project / ".git").mkdir()  # the lookup goes up to the repository root, no further
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    assert set(_codes(run_cli)) == {"p", "q"}


@pytest.mark.parametrize(
    ("content", "line", "expected"),
    [
        ('ignore = ["HBG199"]\n', 1, "'ignore' names unknown rule 'HBG199'"),
        (
            'select = ["HBG101"]\n\n[per-plan.p]\nignore = ["HBG1O4"]\n',
            4,
            "'per-plan.p.ignore' names unknown rule 'HBG1O4' (did you mean 'HBG104'?)",
        ),
        ('select = "HBG101, HBG102"\n', 1, "'select' names unknown rule 'HBG101, HBG102'"),
        ("ignore = [1, 2]\n", 1, "'ignore' must be a list of texts"),
        (
            '[severity]\nHBG104 = "fatal"\n',
            2,
            "'severity.HBG104' is 'fatal'; expected one of error, warning, info",
        ),
        ('fail-on = "sometimes"\n', 1, "'fail-on' is 'sometimes'; expected one of error, warning, never"),
        ('lang = "de"\n', 1, "'lang' is 'de'; expected one of en, sv"),
        (
            '[per-plan.p]\nignroe = ["HBG101"]\n',
            2,
            "unknown key 'per-plan.p.ignroe' (did you mean 'ignore'?)",
        ),
        ('select = ["HBG101"\nlang = "sv"\n', 2, "TOML syntax error"),
    ],
)
def test_bad_configuration_is_a_clear_error_with_file_and_line(
    run_cli: RunCli, project: Path, content: str, line: int, expected: str
) -> None:
    (project / "hbg-plan.toml").write_text(content)
    result = run_cli("gaps")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert re.search(rf"hbg-plan\.toml:{line}: ", result.stderr), result.stderr
    assert expected in result.stderr


def test_configuration_errors_speak_swedish_with_lang_sv(run_cli: RunCli, project: Path) -> None:
    (project / "hbg-plan.toml").write_text('ignore = ["HBG199"]\n')
    result = run_cli("gaps", "--lang", "sv")
    assert result.exit_code == 2
    assert "'ignore' anger den okända regeln 'HBG199'" in result.stderr


def test_unknown_top_level_key_warns_and_suggests(run_cli: RunCli, project: Path) -> None:
    (project / "hbg-plan.toml").write_text('ignroe = ["HBG101"]\n')
    result = run_cli("gaps", "--fail-on", "never")
    assert result.exit_code == 0
    assert "unknown key 'ignroe'" in result.stderr and "(did you mean 'ignore'?)" in result.stderr


# --- suppressions on the real 2020 plan --------------------------------------------------------

SAKNAS_LINE = "            indicators: {missing: saknas, source: {lines: [91, 92]}}\n"


def _suppress(plans_copy: Path, entry: str) -> Path:
    """hbg-2020 with a suppression on utbildningssatsning.lang (its "Saknas" at source lines 91-92)."""
    path = plans_copy / "hbg-2020.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(SAKNAS_LINE) == 1
    path.write_text(
        text.replace(SAKNAS_LINE, SAKNAS_LINE + f"            ignore: [{entry}]\n"), encoding="utf-8"
    )
    return path


def test_suppression_with_reason_silences_the_finding(run_cli: RunCli, plans_copy: Path) -> None:
    path = _suppress(plans_copy, '{code: HBG101, reason: "Indikator beslutas av lokalt samråd i mars."}')
    result = run_cli("gaps", str(path), "--select", "HBG101,HBG109", "--format", "json", "--fail-on", "never")
    document = json.loads(result.stdout)
    goals = [f["goal"]["id"] for f in document["findings"]]
    assert "utbildningssatsning.lang" not in goals
    assert len(goals) == 7 and document["summary"]["suppressed"] == 1


def test_suppression_without_reason_is_itself_a_finding(run_cli: RunCli, plans_copy: Path) -> None:
    path = _suppress(plans_copy, "{code: HBG101}")
    result = run_cli("gaps", str(path), "--select", "HBG101,HBG109", "--format", "json", "--fail-on", "never")
    findings = json.loads(result.stdout)["findings"]
    unexplained = [f for f in findings if f["code"] == "HBG109"]
    assert [f["goal"]["id"] for f in unexplained] == ["utbildningssatsning.lang"]
    assert unexplained[0]["message"] == "suppression of HBG101 gives no reason"
    assert unexplained[0]["pointer"].endswith("/ignore/0")


def test_suppression_applies_in_validate_gaps_too(run_cli: RunCli, plans_copy: Path) -> None:
    path = _suppress(plans_copy, '{code: HBG101, reason: "Beslutas i mars."}')
    result = run_cli("validate", str(path), "--gaps", "--no-baseline", "--format", "json")
    codes = [d["code"] for d in json.loads(result.stdout)["files"][0]["diagnostics"]]
    assert codes.count("HBG101") == 7


# --- one settings path: every command reads the configuration the same way ----------------------

COMMANDS = (
    ("validate",),
    ("gaps", "--fail-on", "never"),
    ("summary", "p"),
    ("diff", "p", "q"),
    ("history", "t"),
    ("show", "t.kort"),
    ("report", "p", "-o", "page.html"),
    ("rules",),
)


@pytest.mark.parametrize("args", COMMANDS, ids=[a[0] for a in COMMANDS])
def test_every_command_warns_once_about_a_mistyped_key(
    run_cli: RunCli, project: Path, args: tuple[str, ...]
) -> None:
    (project / "hbg-plan.toml").write_text('plans-dirr = "plans"\n')
    result = run_cli(*args)
    assert result.exit_code in (0, 1), result.output
    assert result.stderr.count("unknown key 'plans-dirr'") == 1, result.stderr
    assert "(did you mean 'plans-dir'?)" in result.stderr


@pytest.mark.parametrize("args", COMMANDS, ids=[a[0] for a in COMMANDS])
def test_every_command_reports_a_broken_configuration_in_swedish(
    run_cli: RunCli, project: Path, args: tuple[str, ...]
) -> None:
    (project / "hbg-plan.toml").write_text('select = ["HBG101"\nlang = "sv"\n')
    result = run_cli(*args, "--lang", "sv")
    assert result.exit_code == 2, result.output
    assert re.search(r"hbg-plan\.toml:2: syntaxfel i TOML", result.stderr), result.stderr
    assert "Traceback" not in result.output
