"""`hbg-plan migrate`: a version-1 plan becomes version 2 in place, comments and order kept.

The version-1 file is made from the bundled skane-2019 plan as it was before schema v2: the LSS
long-term goal's text "Saknas." and the "Saknas." beside "Öppna jämförelser." were strings.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunCli

V2_GOAL = "            texts: {missing: saknas, source: {lines: [518, 518]}}\n"
V1_GOAL = '            texts:\n              - "Saknas."  # the document has no long-term goal\n'
V2_INDICATOR = "              - {missing: saknas, source: {lines: [630, 630]}}\n"
V1_INDICATOR = '              - "Saknas."\n'
COMMENT = "# Transcribed 2024 by the psykiatrisamordnare; checked against the PDF.\n"


def _v1(plans: Path) -> Path:
    path = plans / "skane-2019.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (("schema_version: 2\n", COMMENT + "schema_version: 1\n"), (V2_GOAL, V1_GOAL),
                     (V2_INDICATOR, V1_INDICATOR)):  # fmt: skip
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_explains_how_to_migrate_a_version_1_file(run_cli: RunCli, plans_copy: Path) -> None:
    path = _v1(plans_copy)
    result = run_cli("validate", str(path))
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if "HBG010" in line)
    assert line.startswith(f"{path}:3:17: error HBG010 this plan is in format version 1")
    assert f"run `hbg-plan migrate {path}`" in line
    assert len([ln for ln in result.stdout.splitlines() if " error " in ln]) == 1  # one clear message
    sv = run_cli("validate", str(path), "--lang", "sv").stdout
    assert "formatversion 1" in sv and "hbg-plan migrate" in sv


def test_migrate_rewrites_in_place_keeping_comments_and_order(run_cli: RunCli, plans_copy: Path) -> None:
    path = _v1(plans_copy)
    before = path.read_text(encoding="utf-8")
    result = run_cli("migrate", str(plans_copy))
    assert result.exit_code == 0, result.output
    assert f"{path}: migrated from schema version 1 to 2" in result.stdout
    assert "lss-personkrets-1.lang: the goal text" in result.stdout
    assert "sysselsattning.lang: the indicator" in result.stdout
    assert "hbg-2020.yaml: already at the current schema version" in result.stdout
    after = path.read_text(encoding="utf-8")
    # Only the three places changed; every comment, key order and quoting stays as it was.
    expected = (
        before.replace("schema_version: 1\n", "schema_version: 2\n")
        .replace(V1_GOAL, "            texts: {missing: saknas}\n")
        .replace(V1_INDICATOR, "              - {missing: saknas}\n")
    )
    assert after == expected
    assert COMMENT in after and "# yaml-language-server: $schema=../schemas/plan.schema.json\n" in after
    assert list(plans_copy.glob(".*.tmp")) == []  # written atomically, no temporary left
    assert run_cli("validate", str(plans_copy)).exit_code == 0
    gaps = run_cli("gaps", str(path), "--select", "HBG101,HBG110", "--format", "json", "--fail-on", "never")
    assert '"code": "HBG110"' in gaps.stdout and '"partial": true' in gaps.stdout
    again = run_cli("migrate", str(path))
    assert again.exit_code == 0 and "already at the current schema version" in again.stdout
    assert path.read_text(encoding="utf-8") == after


def test_check_changes_nothing_and_exits_1(run_cli: RunCli, plans_copy: Path) -> None:
    path = _v1(plans_copy)
    before = path.read_bytes()
    result = run_cli("migrate", "--check", str(path))
    assert result.exit_code == 1
    assert "would be migrated from schema version 1 to 2" in result.stdout
    assert path.read_bytes() == before


def test_unreadable_yaml_is_refused_with_its_line_and_left_alone(run_cli: RunCli, plans_copy: Path) -> None:
    path = _v1(plans_copy)
    text = path.read_text(encoding="utf-8").replace(
        "kind: follow-up\n", "kind: follow-up\nkind: action-plan\n"
    )
    path.write_text(text, encoding="utf-8")
    result = run_cli("migrate", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:") and "HBG004" in result.stderr
    assert "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == text


def test_missing_path_exits_2(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("migrate", str(tmp_path / "nosuch.yaml"))
    assert result.exit_code == 2
    assert "nosuch.yaml" in result.stderr
