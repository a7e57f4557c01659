"""`hbg-plan validate` through the CLI: each kind of mistake is reported at file:line:col, exit 1."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import PLANS, RunCli

GOAL_2020_SIP_KORT = "      - id: sip.kort"


def _edit(plan: Path, old: str, new: str, count: int = 1) -> None:
    text = plan.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    plan.write_text(text.replace(old, new, count), encoding="utf-8")


def _line_of(plan: Path, needle: str) -> int:
    for number, line in enumerate(plan.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def _locations(output: str, name: str) -> list[tuple[int, int, str]]:
    pattern = re.compile(rf"{re.escape(name)}:(\d+):(\d+): (?:error|warning) (HBG\d+) ")
    return [(int(m[1]), int(m[2]), m[3]) for m in pattern.finditer(output)]


def test_bundled_plans_are_valid(run_cli: RunCli) -> None:
    result = run_cli("validate", str(PLANS))
    assert result.exit_code == 0, result.output
    assert "6 file(s) checked: all valid" in result.stdout


def test_default_path_is_plans_folder(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PLANS.parent)
    result = run_cli("validate")
    assert result.exit_code == 0, result.output


def test_missing_indicators_key(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("- id: sip.kort")
    block_end = text.index("            responsible:", start)
    indicators_at = text.index("            indicators:", start)
    plan.write_text(text[:indicators_at] + text[block_end:], encoding="utf-8")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    line = _line_of(plan, "- id: sip.kort")
    assert f"{plan}:{line}:" in result.stdout
    assert "missing required key 'indicators'" in result.stdout
    assert "/goals/0/indicators]" in result.stdout


def test_missing_responsible_key(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("- id: suicidprevention.lang")
    line_start = text.index("            responsible:", start)
    line_end = text.index("\n", line_start) + 1
    plan.write_text(text[:line_start] + text[line_end:], encoding="utf-8")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    assert "missing required key 'responsible'" in result.stdout
    assert re.search(
        rf"{re.escape(str(plan))}:{_line_of(plan, '- id: suicidprevention.lang')}:\d+: error HBG010",
        result.stdout,
    )


def test_unknown_key_suggests_the_right_one(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, "            horizon: short", "            horizn: short")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    line = _line_of(plan, "horizn: short")
    assert f"{plan}:{line}:13: error HBG010 unknown key 'horizn' (did you mean 'horizon'?)" in result.stdout


def test_duplicate_key_names_both_places(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, "id: hbg-2020\n", "id: hbg-2020\nid: hbg-2021\n")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    first = _line_of(plan, "id: hbg-2020")
    assert (
        f"{plan}:{first + 1}:1: error HBG004 duplicate key 'id' (first defined at line {first}, column 1)"
        in result.stdout
    )


def test_unknown_party(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, "party: sof,", "party: soff,")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    line = _line_of(plan, "party: soff,")
    assert re.search(
        rf"{re.escape(str(plan))}:{line}:\d+: error HBG021 unknown party 'soff'.*did you mean 'sof'",
        result.stdout,
    )


def test_source_range_past_end_of_file(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    source_lines = len(
        (plans_copy / "sources/002_1aca388ac409bdea.txt").read_text(encoding="utf-8").splitlines()
    )
    _edit(plan, "source: {lines: [213, 218]}", "source: {lines: [213, 9999]}")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    line = _line_of(plan, "[213, 9999]")
    assert f"{plan}:{line}:" in result.stdout
    assert f"line range 213-9999 is outside the source file ({source_lines} lines)" in result.stdout


def test_wrong_type(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, "    number: 1\n", "    number: one\n")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    line = _line_of(plan, "number: one")
    assert f'{plan}:{line}:13: error HBG010 expected an integer, got a text ("one")' in result.stdout


def test_yaml_syntax_error(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, 'title: "Suicidprevention"', 'title: "Suicidprevention')
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    locations = _locations(result.stdout, str(plan))
    assert len(locations) == 1 and locations[0][2] == "HBG003"
    assert "YAML syntax error" in result.stdout
    assert "Traceback" not in result.output


def test_text_not_verbatim_is_reported_at_its_line(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, '"Antal SIP i Helsingborgs stad."', '"Antal SIP i Helsingborg."')
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    line = _line_of(plan, '"Antal SIP i Helsingborg."')
    assert f"{plan}:{line}:" in result.stdout
    assert "HBG025 text not found verbatim in sources/002_1aca388ac409bdea.txt lines 213-218" in result.stdout


def test_text_in_wrong_line_range_is_reported(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, "source: {lines: [213, 218]}", "source: {lines: [219, 224]}")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    assert result.stdout.count("HBG025") >= 3  # every text of sip.kort is outside 219-224


def test_source_hash_mismatch(run_cli: RunCli, plans_copy: Path) -> None:
    source = plans_copy / "sources/002_1aca388ac409bdea.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nextra line\n", encoding="utf-8")
    result = run_cli("validate", str(plans_copy / "hbg-2020.yaml"))
    assert result.exit_code == 1
    assert "HBG023 source file sources/002_1aca388ac409bdea.txt has SHA-256" in result.stdout


def test_duplicate_goal_id(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, "- id: sip.lang", "- id: sip.kort")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    assert "HBG020 id 'sip.kort' is used twice in this plan (also at line" in result.stdout


def test_swedish_messages(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, "            horizon: short", "            horizn: short")
    result = run_cli("validate", "--lang", "sv", str(plan))
    assert result.exit_code == 1
    assert "fel HBG010 okänd nyckel 'horizn' (menade du 'horizon'?)" in result.stdout
    assert "fil(er) kontrollerade" in result.stdout


def test_json_output_carries_location_and_pointer(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, "party: sof,", "party: soff,")
    result = run_cli("validate", "--format", "json", str(plans_copy))
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["valid"] is False
    bad = [f for f in document["files"] if not f["valid"]]
    assert [f["path"] for f in bad] == [str(plan)]
    diagnostic = bad[0]["diagnostics"][0]
    assert diagnostic["code"] == "HBG021"
    assert diagnostic["line"] == _line_of(plan, "party: soff,")
    assert diagnostic["pointer"].startswith("/focus_areas/") and diagnostic["pointer"].endswith("/party")


def test_missing_path_is_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "no such file or directory" in result.stdout


def test_unknown_plan_reference_warns_in_folder_mode(run_cli: RunCli, plans_copy: Path) -> None:
    _edit(plans_copy / "hbg-2023.yaml", "replaces: hbg-2020", "replaces: hbg-2019")
    result = run_cli("validate", str(plans_copy))
    assert result.exit_code == 0  # a warning does not fail validation
    assert "warning HBG026 replaces refers to plan 'hbg-2019'" in result.stdout


def test_module_entry_point() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "hbg_plan", "validate", str(PLANS / "hbg-2020.yaml")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "1 file(s) checked: all valid" in result.stdout


def test_validate_gaps_fails_on_gap_errors_by_default(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no config here: fail-on defaults to error
    result = run_cli("validate", "--gaps", "--no-baseline", str(PLANS / "hbg-2020.yaml"))
    assert result.exit_code == 1
    assert "HBG101" in result.stdout  # hbg-2020 has eight "Saknas" blocks


def test_validate_gaps_obeys_fail_on_never_in_config(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hbg-plan.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate", "--gaps", "--no-baseline", str(PLANS / "hbg-2020.yaml"))
    assert result.exit_code == 0, result.output
    assert "HBG101" in result.stdout  # still listed, just not failing


def test_validate_gaps_still_fails_on_schema_errors(
    run_cli: RunCli, plans_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hbg-plan.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _edit(plans_copy / "hbg-2020.yaml", "            horizon: short", "            horizn: short")
    result = run_cli("validate", "--gaps", "--no-baseline", str(plans_copy / "hbg-2020.yaml"))
    assert result.exit_code == 1


def test_suppression_of_unknown_rule_is_an_error(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    text = plan.read_text(encoding="utf-8")
    anchor = "          - id: sip.kort\n"
    plan.write_text(
        text.replace(
            anchor, anchor + '            ignore: [{code: HBG199, reason: "typo in the code"}]\n', 1
        ),
        encoding="utf-8",
    )
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    line = _line_of(plan, "HBG199")
    assert re.search(
        rf"{re.escape(str(plan))}:{line}:\d+: error HBG027 suppression names unknown rule HBG199",
        result.stdout,
    )


def test_key_with_line_break_stays_on_one_report_line(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, "            horizon: short", '            "horiz\\non": short')
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert all(re.match(r"\S+:\d+:\d+: |\d+ file", line) for line in lines), lines
    assert any("unknown key 'horiz\\non'" in line for line in lines)


def test_id_with_swedish_letter_explains_the_ascii_rule(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / "hbg-2020.yaml"
    _edit(plan, "- id: narstaende\n", "- id: närstående\n")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 1
    assert "lower-case ASCII letters a-z (write å/ä as a, ö as o)" in result.stdout


def test_show_survives_a_source_symlink_loop(run_cli: RunCli, plans_copy: Path) -> None:
    source = plans_copy / "sources/002_1aca388ac409bdea.txt"
    source.unlink()
    source.symlink_to(source)
    result = run_cli("show", "sip.kort", "--plan", str(plans_copy / "hbg-2020.yaml"))
    assert result.exit_code == 0  # the item is shown; the source lines cannot be
    assert "sip.kort" in result.stdout
