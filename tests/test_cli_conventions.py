"""The command line behaves the same in every command: plan references, "did you mean", rule
listings and annotation titles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import REPO, RunCli

DOC = REPO / "docs" / "rules.md"
TITLE = re.compile(r"^::(?:error|warning|notice) [^:]*title=([^:]*)::", re.MULTILINE)

# Every command that takes a plan, with a misspelled id in the place of one.
MISSPELLED = [
    ("validate", "hbg-202"),
    ("gaps", "hbg-202"),
    ("summary", "hbg-202"),
    ("report", "hbg-202"),
    ("brief", "hbg-202"),
    ("diff", "hbg-202", "hbg-2023"),
    ("show", "sip", "--plan", "hbg-202"),
    ("init", "{tmp}/new.yaml", "--from", "hbg-202"),
]


@pytest.mark.parametrize("args", MISSPELLED, ids=lambda args: args[0])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_misspelled_plan_id_gets_did_you_mean_in_every_command(
    run_cli: RunCli, tmp_path: Path, args: tuple[str, ...], lang: str
) -> None:
    result = run_cli(*(a.replace("{tmp}", str(tmp_path)) for a in args), "--lang", lang)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    unknown = "is neither a plan file nor the id of a plan in" if lang == "en" else "är varken en planfil"
    assert lines[0].startswith(f"hbg-plan: 'hbg-202' {unknown}"), result.stderr
    did_you_mean = "did you mean" if lang == "en" else "menade du"
    assert lines[1] == f"  {did_you_mean}: hbg-2023, hbg-2020, hbg-2015?"
    assert not result.stdout
    assert not list(tmp_path.iterdir())  # init wrote nothing


@pytest.mark.parametrize("command", ["gaps", "summary", "show"])
def test_an_id_like_nothing_known_lists_the_known_ids_without_a_guess(run_cli: RunCli, command: str) -> None:
    args = ("show", "sip", "--plan", "zzzz") if command == "show" else (command, "zzzz")
    result = run_cli(*args)
    assert result.exit_code == 2
    assert "known ids: hbg-2015, hbg-2020, hbg-2023, hbg-barn-unga-2019, skane-2019" in result.stderr
    assert "did you mean" not in result.stderr


def test_rules_lists_every_code_validation_and_gap(run_cli: RunCli) -> None:
    documented = re.findall(r"^### (HBG\d{3}) (\S+)$", DOC.read_text(encoding="utf-8"), re.MULTILINE)
    listed = [line.split()[:2] for line in run_cli("rules").stdout.splitlines() if line]
    assert [tuple(pair) for pair in listed] == documented
    assert any(code.startswith("HBG0") for code, _ in documented)
    assert any(code.startswith("HBG1") for code, _ in documented)
    document = json.loads(run_cli("rules", "--format", "json", "--lang", "sv").stdout)
    assert (document["kind"], document["lang"]) == ("rules", "sv")
    assert [(r["code"], r["name"]) for r in document["rules"]] == documented
    categories = {r["code"][:4]: r["category"] for r in document["rules"]}
    assert categories == {"HBG0": "validation", "HBG1": "gap"}


def test_diff_annotation_titles_are_code_and_rule_name_like_the_sarif_rules(run_cli: RunCli) -> None:
    plans = ("hbg-2015", "hbg-2020", "hbg-2023")
    annotated = run_cli("diff", *plans, "-f", "github", "--annotate", "all").stdout
    titles = set(TITLE.findall(annotated))
    sarif = json.loads(run_cli("diff", *plans, "-f", "sarif").stdout)
    rules = {f"{r['id']} {r['name']}" for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert titles and titles <= rules
    assert "hbg-plan/diff/regression regression" in titles
    assert all(re.fullmatch(r"\S+ [a-z-]+", title) for title in titles)
