"""The generic CI helpers (report/github.py, report/sarif.py) that validate, gaps and diff share."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from hbg_plan.core.problem import Severity
from hbg_plan.output.writers import github, sarif
from tests.conftest import DATA


def test_annotation_escapes_message_and_properties() -> None:
    line = github.annotation(
        "warning", "50% klart,\r\nse: nedan", file="plans/a,b:c.yaml", line=3, col=7, title="HBG104 x: y, z"
    )
    assert line == (
        "::warning file=plans/a%2Cb%3Ac.yaml,line=3,col=7,title=HBG104 x%3A y%2C z::50%25 klart,%0D%0Ase: nedan"
    )


def test_annotation_leaves_out_unknown_positions() -> None:
    assert github.annotation("error", "trasig", file="plan.yaml", line=0) == "::error file=plan.yaml::trasig"
    assert github.annotation("notice", "hej") == "::notice::hej"
    assert github.level_of(Severity.INFO) == "notice"


def _validate(log: dict[str, object]) -> list[str]:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(log)]


def test_sarif_log_is_valid_and_refers_to_rules_by_index(tmp_path: Path) -> None:
    rules = [
        sarif.SarifRule("HBG101", "indicator-saknas", "Indicator missing", "Long text", "Fix it", "error")
    ]
    results = [
        sarif.SarifResult(
            "HBG101",
            "error",
            "goal: missing",
            [sarif.SarifLocation("plans/hbg 2020.yaml", 12, 5, name="hbg-2020/x.lang", kind="object")],
            related=[sarif.SarifLocation("plans/sources/a.txt", 91, 1, 92, message="source")],
            properties={"plan": "hbg-2020"},
            fingerprints={"k/v1": "x"},
        ),
        sarif.SarifResult("HBG026", "warning", "", [sarif.SarifLocation(str(tmp_path / "outside.yaml"))]),
    ]
    log = sarif.build_log(rules, results, language="sv")
    assert _validate(log) == []
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["HBG101", "HBG026"]  # unknown rule added
    first, second = run["results"]
    assert first["ruleIndex"] == 0 and second["ruleIndex"] == 1
    assert first["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "plans/hbg%202020.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert first["relatedLocations"][0]["physicalLocation"]["region"] == {
        "startLine": 91,
        "startColumn": 1,
        "endLine": 92,
    }
    assert second["message"]["text"] == "HBG026"  # SARIF needs a non-empty message
    assert second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///")
    assert json.loads(sarif.render_log(log)) == log
