"""`hbg-plan diff` on small hand-made plans (tests/data/diff): one change of every kind.

new.yaml differs from old.yaml in exactly the ways listed in its test below; both are valid
plans over the same source text (tests/data/diff/sources/testplan.txt).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, REPO, RunCli

DIFF = DATA / "diff"
OLD = str(DIFF / "old.yaml")
NEW = str(DIFF / "new.yaml")


def diff_json(run_cli: RunCli, *args: str) -> dict[str, Any]:
    result = run_cli("diff", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def changes(run_cli: RunCli, *args: str) -> list[dict[str, Any]]:
    document = diff_json(run_cli, *args)
    assert len(document["comparisons"]) == 1
    found: list[dict[str, Any]] = document["comparisons"][0]["changes"]
    return found


def kinds_of(found: list[dict[str, Any]], subject: str) -> list[str]:
    """Change kinds that name `subject` as their goal, topic or focus area (most specific first)."""
    result = []
    for change in found:
        ref = change["goal"] or change["topic"] or change["focus_area"]
        if ref is not None and ref["id"] == subject:
            result.append(change["kind"])
    return result


def one(found: list[dict[str, Any]], kind: str, subject: str) -> dict[str, Any]:
    matches = [
        c
        for c in found
        if c["kind"] == kind and (c["goal"] or c["topic"] or c["focus_area"] or {}).get("id") == subject
    ]
    assert len(matches) == 1, (kind, subject, [(c["kind"], c["goal"] or c["topic"]) for c in found])
    return matches[0]


def test_hand_made_plans_are_valid(run_cli: RunCli) -> None:
    result = run_cli("validate", str(DIFF))
    assert result.exit_code == 0, result.output


def test_every_change_kind_is_found(run_cli: RunCli) -> None:
    found = changes(run_cli, OLD, NEW)
    assert [c["kind"] for c in found if c["focus_area"] is None] == ["plan-period-changed"]
    assert kinds_of(found, "forebyggande") == ["focus-area-renamed"]
    assert kinds_of(found, "utsatta-grupper") == ["focus-area-added"]
    assert kinds_of(found, "ledning") == ["focus-area-removed"]
    assert kinds_of(found, "attityder") == ["topic-removed"]
    assert kinds_of(found, "attityder.kort") == ["goal-removed"]
    assert kinds_of(found, "aldre") == ["topic-added"]
    assert kinds_of(found, "aldre.kort") == ["goal-added"]
    assert kinds_of(found, "samordning-psykiatrifragor") == ["topic-moved"]
    assert kinds_of(found, "suicidprevention.kort") == [
        "goal-reworded", "goal-period-changed", "indicator-added", "responsible-added",
    ]  # fmt: skip
    assert kinds_of(found, "suicidprevention.lang") == ["gap-closed", "indicator-added"]
    assert kinds_of(found, "sip.kort") == ["regression", "responsible-removed"]  # the regression, once
    assert kinds_of(found, "sip.lang") == ["still-missing"]
    # Goals and topics that did not change produce nothing.
    assert kinds_of(found, "samordning-psykiatrifragor.kort") == []
    assert kinds_of(found, "suicidprevention") == []


def test_values_of_changes(run_cli: RunCli) -> None:
    found = changes(run_cli, OLD, NEW)
    period = next(c for c in found if c["kind"] == "plan-period-changed")
    assert (period["old"], period["new"]) == ("2020-2021", "2022-2023")
    renamed = one(found, "focus-area-renamed", "forebyggande")
    assert (renamed["old"], renamed["new"]) == ("Förebyggande arbete", "Förebyggande och främjande arbete")
    moved = one(found, "topic-moved", "samordning-psykiatrifragor")
    assert moved["moved_from"]["id"] == "ledning"
    assert moved["focus_area"]["id"] == "delaktighet"
    gap = one(found, "gap-closed", "suicidprevention.lang")
    assert (gap["old"], gap["new"], gap["indicator_count"]) == ("saknas", "present", 1)
    regression = one(found, "regression", "sip.kort")
    assert (regression["old"], regression["new"], regression["indicator_count"]) == ("present", "saknas", 1)
    # the regression is reported once, not also as "indicator removed"
    assert not [c for c in found if c["kind"] == "indicator-removed" and c["goal"]["id"] == "sip.kort"]
    assert (
        one(found, "indicator-added", "suicidprevention.kort")["new"]
        == "Antal genomförda utbildningstillfällen."
    )
    assert one(found, "responsible-added", "suicidprevention.kort")["new"] == "vof"
    assert one(found, "responsible-removed", "sip.kort")["old"] == "helsingborgs-stad"
    goal_period = one(found, "goal-period-changed", "suicidprevention.kort")
    assert (goal_period["old"], goal_period["new"]) == ("2020", "2021")


def test_reworded_goal_has_a_word_diff(run_cli: RunCli) -> None:
    reworded = one(changes(run_cli, OLD, NEW), "goal-reworded", "suicidprevention.kort")
    words = [(w["op"], w["text"]) for w in reworded["words"]]
    assert words == [
        ("equal", "Socialförvaltningen"),
        ("insert", "och vård- och omsorgsförvaltningen"),
        ("equal", "ska utbilda"),
        ("insert", "all"),
        ("equal", "personal i"),
        ("delete", "suicidprevention."),
        ("insert", "suicidprevention varje år."),
    ]
    assert reworded["match"] == {"method": "id", "score": None, "basis": "id"}


def test_goal_moved_between_topics_by_explicit_renamed_from(run_cli: RunCli) -> None:
    found = changes(run_cli, OLD, NEW)
    assert kinds_of(found, "sip.kort-2") == ["goal-renamed", "goal-moved", "still-missing"]
    renamed = one(found, "goal-renamed", "sip.kort-2")
    assert (renamed["old"], renamed["new"]) == ("suicidprevention.kort-2", "sip.kort-2")
    assert renamed["match"]["method"] == "explicit"
    moved = one(found, "goal-moved", "sip.kort-2")
    assert moved["moved_from"]["id"] == "suicidprevention"
    assert moved["topic"]["id"] == "sip"
    # Paired, so not reported as removed from the old topic nor added to the new one.
    assert not [
        c for c in found if c["kind"] in ("goal-removed", "goal-added") and "kort-2" in c["goal"]["id"]
    ]


def test_rename_detected_by_similarity(run_cli: RunCli) -> None:
    """brukarrad → brukarinflytande: new ids, same goal text; nothing in the YAML links them."""
    found = changes(run_cli, OLD, NEW)
    goal = one(found, "goal-renamed", "brukarinflytande.kort")
    assert goal["old"] == "brukarrad.kort"
    assert goal["match"] == {"method": "similarity", "score": 100.0, "basis": "similarity"}
    topic = one(found, "topic-renamed", "brukarinflytande")
    assert (topic["old"], topic["new"]) == ("Brukarråd", "Brukarinflytande")
    assert topic["topic"]["old_id"] == "brukarrad"
    assert topic["match"]["method"] == "content"
    assert not [
        c for c in found if c["kind"] in ("topic-added", "topic-removed") and "brukar" in c["topic"]["id"]
    ]


def test_similarity_needs_the_threshold(run_cli: RunCli, tmp_path: Path) -> None:
    """A goal whose new text shares little with the old one is removed + added, not renamed."""
    folder = tmp_path / "plans"
    shutil.copytree(DIFF, folder)
    text = (folder / "new.yaml").read_text(encoding="utf-8")
    text = text.replace(
        '- "Brukarrådet träffas fyra gånger per år och lämnar synpunkter på verksamheternas utvecklingsarbete."',
        '- "Antal möten i brukarrådet."',
    )
    (folder / "new.yaml").write_text(text, encoding="utf-8")
    assert run_cli("validate", str(folder)).exit_code == 0
    found = changes(run_cli, str(folder / "old.yaml"), str(folder / "new.yaml"))
    assert kinds_of(found, "brukarinflytande.kort") == ["goal-added"]
    assert kinds_of(found, "brukarrad.kort") == ["goal-removed"]
    assert kinds_of(found, "brukarinflytande") == ["topic-added"]


def test_explicit_link_wins_over_id(run_cli: RunCli, tmp_path: Path) -> None:
    """A topic that says renamed_from: attityder is paired with attityder even though its own id exists."""
    folder = tmp_path / "plans"
    shutil.copytree(DIFF, folder)
    old = (folder / "old.yaml").read_text(encoding="utf-8")
    new = old.replace(
        '      - id: suicidprevention\n        title: "Suicidprevention"\n',
        '      - id: suicidprevention\n        renamed_from: attityder\n        title: "Suicidprevention"\n',
    )
    assert new != old
    (folder / "linked.yaml").write_text(new.replace("id: test-old", "id: test-linked"), encoding="utf-8")
    found = changes(run_cli, str(folder / "old.yaml"), str(folder / "linked.yaml"))
    renamed = one(found, "topic-renamed", "suicidprevention")
    assert renamed["topic"]["old_id"] == "attityder"
    assert renamed["match"]["method"] == "explicit"
    # the old suicidprevention topic, whose goals went (by id) into the linked topic, merged into it
    assert not [c for c in found if c["kind"] == "topic-removed"]
    merged = one(found, "topic-merged", "suicidprevention")
    assert (merged["old"], merged["new"]) == ("Suicidprevention", "Suicidprevention")


def test_identical_plans_have_no_differences(run_cli: RunCli) -> None:
    result = run_cli("diff", OLD, OLD, "--exit-code")
    assert result.exit_code == 0, result.output
    assert "No differences." in result.stdout
    document = diff_json(run_cli, OLD, OLD)
    assert document["summary"]["differences"] == 0
    assert {c["kind"] for c in document["comparisons"][0]["changes"]} == {"still-missing"}
    github = run_cli("diff", OLD, OLD, "--format", "github")
    assert "::" not in github.stdout


def test_exit_codes(run_cli: RunCli) -> None:
    assert run_cli("diff", OLD, NEW).exit_code == 0
    assert run_cli("diff", OLD, NEW, "--exit-code").exit_code == 1
    assert run_cli("diff", OLD, NEW, "--fail-on", "regression").exit_code == 1
    assert run_cli("diff", OLD, NEW, "--fail-on", "any").exit_code == 1
    # new → old turns the regression round (a gap closed) but the gap closed into a regression.
    assert run_cli("diff", NEW, OLD, "--fail-on", "regression").exit_code == 1


def test_fail_on_regression_ignores_other_differences(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    shutil.copytree(DIFF, folder)
    text = (folder / "old.yaml").read_text(encoding="utf-8")
    (folder / "later.yaml").write_text(
        text.replace("id: test-old", "id: test-later").replace('end: "2021"', 'end: "2022"'), encoding="utf-8"
    )
    result = run_cli("diff", str(folder / "old.yaml"), str(folder / "later.yaml"), "--fail-on", "regression")
    assert result.exit_code == 0, result.output
    assert "Plan period changed from 2020-2021 to 2020-2022" in result.stdout
    assert run_cli("diff", str(folder / "old.yaml"), str(folder / "later.yaml"), "--exit-code").exit_code == 1


def test_text_output_is_grouped_and_plain_when_piped(run_cli: RunCli) -> None:
    result = run_cli("diff", OLD, NEW)
    out = result.stdout
    assert "\x1b[" not in out and "[/]" not in out
    area = out.index("Delaktighet och rättigheter [delaktighet]")
    topic = out.index("Samordnad individuell plan (SIP) [sip]", area)
    regression = out.index('! Regression: 1 indicator was stated, now "Saknas" (missing) [sip.kort]', topic)
    assert regression > topic > area
    assert f"({NEW}:" in out[regression:]
    assert "{+och vård- och omsorgsförvaltningen+}" in out
    assert "Differences: 21 · regressions: 1 · gaps closed: 1 · still missing: 2" in out


def test_text_output_is_coloured_on_a_terminal(run_cli: RunCli) -> None:
    result = run_cli("diff", OLD, NEW, env={"NO_COLOR": "", "FORCE_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout
    assert "Regression" in result.stdout


def test_swedish_labels(run_cli: RunCli) -> None:
    out = run_cli("diff", OLD, NEW, "--lang", "sv").stdout
    for phrase in (
        "Planperioden ändrad från 2020-2021 till 2022-2023",
        "Fokusområde omdöpt från ”Förebyggande arbete” till ”Förebyggande och främjande arbete”",
        "Kortsiktigt mål omformulerat",
        "Åtgärdad: indikator saknades (”Saknas”), nu anges 1 indikator",
        "Försämring: 1 indikator angavs, nu ”Saknas”",
        "Indikatorer saknas fortfarande",
        "Delområde borttaget: Attityder till psykisk ohälsa",
        "Delområdet flyttat från fokusområdet ”Ledning” till ”Delaktighet och rättigheter”",
        "Målet flyttat från delområdet ”Suicidprevention”",
        "Indikator tillagd: Antal genomförda utbildningstillfällen.",
        "Ansvarig tillagd: Vård- och omsorgsförvaltningen (vof)",
        "Fokusområde tillagt: Utsatta grupper",
        "Skillnader: 21 · försämringar: 1 · åtgärdade brister: 1 · saknas fortfarande: 2",
    ):
        assert phrase in out, phrase
    for english in ("added", "removed", "Regression", "Goal"):
        assert english not in out


def test_json_output_matches_its_schema(run_cli: RunCli) -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads((REPO / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    for args in ((OLD, NEW), (OLD, OLD), (NEW, OLD, NEW)):
        document = diff_json(run_cli, *args, "--lang", "sv")
        errors = sorted(Draft202012Validator(schema).iter_errors(document), key=str)
        assert not errors, errors[0]
    assert len(diff_json(run_cli, NEW, OLD, NEW)["comparisons"]) == 2


def test_schema_copies_are_identical() -> None:
    for name in ("diff.schema.json", "history.schema.json"):
        assert (REPO / "schemas" / name).read_bytes() == (REPO / "hbg_plan" / "data" / name).read_bytes(), (
            name
        )


def test_markdown_memo(run_cli: RunCli) -> None:
    out = run_cli("diff", OLD, NEW, "--format", "markdown", "--lang", "sv").stdout
    assert out.startswith("# Revideringsunderlag: test-old → test-new\n")
    assert "| Försämring | 1 |" in out
    assert "## Delaktighet och rättigheter (`delaktighet`)" in out
    assert "### Samordnad individuell plan (SIP) (`sip`)" in out
    assert "- **Försämring: 1 indikator angavs, nu ”Saknas”** (`sip.kort`)" in out
    assert (
        "> Socialförvaltningen **och vård- och omsorgsförvaltningen** ska utbilda **all** personal i" in out
    )
    assert "~~suicidprevention.~~ **suicidprevention varje år.**" in out


def test_github_annotations_at_new_file_lines(run_cli: RunCli) -> None:
    out = run_cli("diff", OLD, NEW, "--format", "github", "--annotate", "all").stdout
    lines = out.splitlines()
    regression = next(line for line in lines if "title=hbg-plan/diff/regression regression::" in line)
    new_text = (DIFF / "new.yaml").read_text(encoding="utf-8").splitlines()
    assert regression.startswith(f"::warning file={NEW},line=")
    line_no = int(regression.split("line=")[1].split(",")[0])
    assert new_text[line_no - 1].strip().startswith("indicators: {missing: saknas")
    assert "::sip.kort: Regression" in regression
    added = next(line for line in lines if line.startswith("::notice") and "aldre.kort" in line)
    assert "minst 50 %25, genom" in added  # '%' in plan text is escaped
    reworded = next(line for line in lines if ",title=hbg-plan/diff/goal-reworded goal-reworded::" in line)
    assert "%0A" in reworded  # the word diff goes on its own line, escaped
    assert not any("still missing" in line.lower() for line in lines if line.startswith("::"))


def test_github_format_is_chosen_on_actions_and_escapes_properties(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "plans, v2:x"
    shutil.copytree(DIFF, folder)
    result = run_cli(
        "diff", str(folder / "old.yaml"), str(folder / "new.yaml"), env={"GITHUB_ACTIONS": "true"}
    )
    first = result.stdout.splitlines()[0]
    assert first.startswith("::warning file=")  # the regression; other changes are not annotated
    assert "plans%2C v2%3Ax/new.yaml,line=" in first


def test_output_file_is_written(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("old content", encoding="utf-8")
    result = run_cli("diff", OLD, NEW, "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# Revision memo: test-old → test-new")
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]


def test_plan_ids_are_resolved_in_the_plans_folder(run_cli: RunCli) -> None:
    by_id = diff_json(run_cli, "test-old", "test-new", "--plans", str(DIFF))["comparisons"][0]
    by_path = diff_json(run_cli, OLD, NEW)["comparisons"][0]
    assert by_id["old"]["id"] == "test-old" and by_id["new"]["id"] == "test-new"
    assert by_id["new"]["path"].endswith("new.yaml")

    def essence(found: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        return [(c["kind"], c["old"], c["new"], c["location"]["line"]) for c in found]

    assert essence(by_id["changes"]) == essence(by_path["changes"])


def test_unknown_plan_id(run_cli: RunCli) -> None:
    result = run_cli("diff", "test-old", "test-nwe", "--plans", str(DIFF))
    assert result.exit_code == 2
    assert "'test-nwe' is neither a plan file nor the id of a plan in" in result.stderr
    assert "known ids: test-new, test-old" in result.stderr
    assert "did you mean: test-new" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("missing", ["nosuch.yaml", "plans/nosuch.yaml"])
def test_missing_file(run_cli: RunCli, missing: str) -> None:
    result = run_cli("diff", OLD, missing, "--plans", str(DIFF))
    assert result.exit_code == 2
    assert f"{missing}: no such file" in result.stderr


def test_missing_plans_folder(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("diff", "a", "b", "--plans", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert "plans folder" in result.stderr and "not found" in result.stderr


def test_invalid_plan_prints_its_diagnostics(run_cli: RunCli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = (DIFF / "new.yaml").read_text(encoding="utf-8").replace("horizon: long", "horizon: later", 1)
    broken.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "horizon: later" in row)
    result = run_cli("diff", OLD, str(broken), "--lang", "sv")
    assert result.exit_code == 2
    assert f"{broken} är inte en giltig plan" in result.stderr
    assert f"{broken}:{line}:22: fel HBG010 'later' är inte ett av" in result.stderr.replace('"', "'")


def test_unreadable_file(run_cli: RunCli, tmp_path: Path) -> None:
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"id: x\n\x00\x01\x02\xff\n")
    result = run_cli("diff", OLD, str(binary))
    assert result.exit_code == 2
    assert f"{binary} is not a valid plan" in result.stderr
    assert f"{binary}:2:1: error HBG002 file contains NUL bytes" in result.stderr


def test_needs_two_plans(run_cli: RunCli) -> None:
    result = run_cli("diff", OLD)
    assert result.exit_code == 2
    assert "at least two plans" in result.stderr
