"""docs/rules.md, `rules CODE` for every code, and SARIF rule metadata: one source, kept current."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest
from jsonschema.validators import validator_for

from hbg_plan.core.codes import VALIDATION_CODES
from hbg_plan.gaps.rules import all_rules
from tests.conftest import DATA, PLANS, REPO, RunCli

DOC = REPO / "docs" / "rules.md"
ALL_CODES = [c.code for c in VALIDATION_CODES] + [r.code for r in all_rules()]


def test_rules_doc_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "rules_doc.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr  # fix: python scripts/rules_doc.py


def test_rules_doc_has_a_section_per_code_with_examples() -> None:
    text = DOC.read_text(encoding="utf-8")
    headings = re.findall(r"^### (HBG\d{3}) ", text, re.MULTILINE)
    assert headings == ALL_CODES
    for code in ALL_CODES:
        section = text.split(f"### {code} ", 1)[1].split("\n### ", 1)[0]
        assert "Fails:" in section and "Passes:" in section and "How to fix:" in section, code


def test_every_code_the_validator_can_report_is_documented() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "hbg_plan").rglob("*.py"))
    reported = set(re.findall(r'Diagnostic\(\s*"(HBG0\d\d)"', source))
    assert reported, "the pattern no longer finds the codes"
    assert reported <= {c.code for c in VALIDATION_CODES}


@pytest.mark.parametrize("code", ["HBG025", "HBG020", "HBG101"])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_rules_explains_validation_codes_and_gap_rules(run_cli: RunCli, code: str, lang: str) -> None:
    result = run_cli("rules", code, "--lang", lang)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{code} ")
    assert ("Fails:" if lang == "en" else "Underkänns:") in result.stdout
    assert ("How to fix:" if lang == "en" else "Så åtgärdar du:") in result.stdout


def test_rules_by_name_and_json(run_cli: RunCli) -> None:
    result = run_cli("rules", "not-verbatim", "--format", "json")
    [item] = json.loads(result.stdout)["rules"]
    assert item["code"] == "HBG025"
    assert "bad" in item["examples"] and "good" in item["examples"]


def _sarif_validator() -> Any:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return validator_for(schema)(schema)


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--gaps", "--no-baseline", str(PLANS), "-f", "sarif"),
        ("validate", str(DATA / "hostile"), "-f", "sarif"),
        ("gaps", "-f", "sarif", "--lang", "sv"),
        ("diff", "hbg-2015", "hbg-2020", "-f", "sarif"),
    ],
)
def test_sarif_rules_have_help_and_a_link_to_their_section(run_cli: RunCli, args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    log = json.loads(result.stdout)
    assert not list(_sarif_validator().iter_errors(log))
    anchors = set(re.findall(r"^### (HBG\d{3}) (\S+)", DOC.read_text(encoding="utf-8"), re.MULTILINE))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        assert rule["help"]["text"], rule["id"]
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"], rule["id"]
        if rule["id"].startswith("HBG"):
            assert (rule["id"], rule["name"]) in anchors
            assert rule["helpUri"].endswith(f"docs/rules.md#{rule['id'].lower()}-{rule['name']}")
            assert "```yaml" in rule["help"]["markdown"]
