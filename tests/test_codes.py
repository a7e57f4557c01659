"""The code table (hbg_plan/core/codes.py): every HBG code once, with the name and severity users see."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

from hbg_plan.core.codes import BY_CODE, CODES, GAP_CODES
from hbg_plan.gaps.rules import all_rules
from tests.conftest import RunCli

PACKAGE = Path(__file__).resolve().parent.parent / "hbg_plan"
README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_gap_rule_is_in_the_table_with_its_name_and_severity() -> None:
    rules = {r.code: (r.name, r.severity) for r in all_rules()}
    assert rules == {code: (c.name, c.severity) for code, c in GAP_CODES.items()}


def test_every_code_the_package_emits_is_in_the_table() -> None:
    emitted = set()
    for path in PACKAGE.rglob("*.py"):
        emitted |= set(re.findall(r"\"(HBG\d{3})\"", path.read_text(encoding="utf-8")))
    assert emitted <= set(CODES), sorted(emitted - set(CODES))


def test_the_readme_documents_every_code() -> None:
    documented = set(re.findall(r"^\| (HBG\d{3}) \|", README.read_text(encoding="utf-8"), re.MULTILINE))
    assert documented == set(CODES)


def test_validation_and_gap_codes_split_the_table() -> None:
    assert set(BY_CODE) | set(GAP_CODES) == set(CODES)
    assert not set(BY_CODE) & set(GAP_CODES)
    assert all(code.startswith("HBG0") for code in BY_CODE)
    assert all(code.startswith("HBG1") for code in GAP_CODES)


def test_rule_modules_declare_no_code_name_or_severity_of_their_own() -> None:
    """The code table is the one place a gap rule gets its code, name and default severity."""
    for rule in all_rules():
        module = importlib.import_module(rule.module)
        assert not {"CODE", "NAME", "SEVERITY", "HINT"} & set(vars(module)), rule.module
        assert rule.module.rsplit(".", 1)[1] == GAP_CODES[rule.code].name.replace("-", "_")


def test_the_engine_stamps_the_table_severity_on_findings(run_cli: RunCli) -> None:
    result = run_cli("gaps", "hbg-2023", "--format", "json", "--exit-zero")
    findings = json.loads(result.stdout)["findings"]
    assert findings
    for finding in findings:
        code = GAP_CODES[finding["code"]]
        assert (finding["rule"], finding["severity"]) == (code.name, code.severity.label)
