"""tests/data/hostile: the README table is the contract, checked row by row through the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import DATA, RunCli

HOSTILE = DATA / "hostile"
ROW = re.compile(r"^\| `(?P<file>[^`]+)` \| (?P<case>.+?) \| (?P<line>\d+):(?P<col>\d+) \| (?P<code>HBG\d{3}) \| "
                 r"(?P<message>.+?) \| (?P<exit>\d) \|$")  # fmt: skip


def _rows() -> list[dict[str, str]]:
    text = (HOSTILE / "README.md").read_text(encoding="utf-8")
    return [m.groupdict() for m in map(ROW.match, text.splitlines()) if m]


ROWS = _rows()


def _corpus_files() -> list[str]:
    return sorted(
        p.relative_to(HOSTILE).as_posix() for p in HOSTILE.rglob("*") if p.suffix in (".yaml", ".yml")
    )


def test_every_file_has_a_row_and_every_row_a_file() -> None:
    assert sorted(row["file"] for row in ROWS) == _corpus_files()


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_each_case_gives_its_one_documented_error(run_cli: RunCli, row: dict[str, str]) -> None:
    path = HOSTILE / row["file"]
    result = run_cli("validate", str(path))
    assert result.exit_code == int(row["exit"]), result
    assert "Traceback" not in result.output
    lines = result.stdout.splitlines()
    expected = f"{path}:{row['line']}:{row['col']}: error {row['code']} {row['message']}"
    assert lines[0] == expected or lines[0].startswith(expected + " ["), result.stdout
    assert lines[1:] == ["1 file(s) checked: 1 error(s), 0 warning(s) in 1 file(s)"]


@pytest.mark.parametrize("row", ROWS[:: max(len(ROWS) // 8, 1)], ids=lambda row: row["file"])
def test_cases_speak_swedish_too(run_cli: RunCli, row: dict[str, str]) -> None:
    result = run_cli("validate", "--lang", "sv", str(HOSTILE / row["file"]))
    assert result.exit_code == int(row["exit"])
    assert f":{row['line']}:{row['col']}: fel {row['code']} " in result.stdout
    assert "1 fil(er) kontrollerade: 1 fel" in result.stdout


def test_whole_folder_one_located_error_per_file(run_cli: RunCli) -> None:
    result = run_cli("validate", "--format", "json", str(HOSTILE))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["problems"] == []
    by_file = {Path(f["path"]).relative_to(HOSTILE).as_posix(): f["diagnostics"] for f in report["files"]}
    assert sorted(by_file) == _corpus_files()
    for name, diagnostics in by_file.items():
        assert len(diagnostics) == 1, (name, diagnostics)
        assert diagnostics[0]["line"] >= 1 and diagnostics[0]["column"] >= 1, (name, diagnostics)
        assert diagnostics[0]["severity"] == "error"


def test_valid_minimal_reference_really_is_one_edit_away(run_cli: RunCli, tmp_path: Path) -> None:
    """The reference the corpus is cut from passes the schema: the corpus errors are the edits."""
    plan = tmp_path / "exempel.yaml"
    plan.write_bytes((HOSTILE / "valid-minimal.txt").read_bytes())
    result = run_cli("validate", "--format", "json", str(plan))
    codes = {d["code"] for f in json.loads(result.stdout)["files"] for d in f["diagnostics"]}
    assert "HBG010" not in codes and codes <= {"HBG021", "HBG022"}  # no registry, no source text: fine here
