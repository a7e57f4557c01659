"""`hbg-plan gaps` on the bundled plans: the "Saknas" blocks, the formats, exit codes and output.

The expected "Saknas" lists were read from the source documents (plans/sources/), not from the
tool: the line of each "Saknas." and the topic heading it stands under.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from hbg_plan.core.codes import GAP_CODES
from tests.conftest import DATA, PLANS, REPO, RunCli

SOURCE_2020 = "sources/002_1aca388ac409bdea.txt"
SOURCE_2023 = "sources/001_dc34fee1e25e61d1.txt"

# (topic heading in the source, line of "Saknas.", horizon of the goal whose indicator it is)
SAKNAS_2020 = {
    ("Utbildningssatsning Psykisk ohälsa vuxna", 92, "long"),
    ("Kommunikatör för brukardelaktighet", 165, "long"),
    ("Utskrivningsguiden", 209, "long"),
    ("Samsjuklighet", 294, "long"),
    ("LSS/personkrets 1", 332, "long"),
    ("Nyanlända", 343, "long"),
    ("Meningsfull sysselsättning och arbetslivsinriktad rehabilitering", 415, "long"),
    ('Ordnat införande; implementering och "sluta göra"', 429, "long"),
}
SAKNAS_2023 = {
    ("Utbildningssatsning psykisk ohälsa barn och unga och vuxna", 726, "long"),
    ("Utskrivningsguiden", 1257, "short"),
    ("Utskrivningsguiden", 1267, "long"),
    ("Ensamkommande och nyanlända barn, unga och vuxna", 1634, "long"),
    ("Barn som anhöriga", 1664, "long"),
    ("Samsjuklighet psykisk ohälsa och beroende, vuxna", 1872, "long"),
    ("LSS barn, unga och vuxna", 2006, "long"),
    ("Homo- och bisexuella, trans-, queer- och intersexpersoner (HBTQI)", 2180, "long"),
    ("Meningsfull sysselsättning och arbetslivsinriktad rehabilitering", 2282, "long"),
    ("Kunskapsstyrning", 2409, "long"),
    ("Resultat och uppföljning", 2526, "long"),
}


def _gaps_json(run_cli: RunCli, *args: str) -> dict[str, Any]:
    result = run_cli("gaps", *args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def _saknas_lines(source: str) -> list[int]:
    lines = (PLANS / source).read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, 1) if re.fullmatch(r"\W*Saknas\.\s*", line)]


@pytest.mark.parametrize(
    ("plan_id", "source", "expected"),
    [("hbg-2020", SOURCE_2020, SAKNAS_2020), ("hbg-2023", SOURCE_2023, SAKNAS_2023)],
)
def test_every_saknas_block_is_in_the_gap_list_and_nothing_else(
    run_cli: RunCli, plan_id: str, source: str, expected: set[tuple[str, int, str]]
) -> None:
    assert sorted(line for _, line, _ in expected) == _saknas_lines(source)  # the list covers the document
    document = _gaps_json(run_cli, str(PLANS / f"{plan_id}.yaml"), "--select", "HBG101,HBG102")
    found = {(f["topic"]["title"], f["source"]["last"], f["goal"]["horizon"]) for f in document["findings"]}
    assert found == expected  # every "Saknas", and no goal with a stated indicator
    assert {f["code"] for f in document["findings"]} == {"HBG101"}
    assert all(f["source"]["file"] == source for f in document["findings"])


def test_markdown_gap_list_in_swedish_names_topic_goal_text_and_source_line(run_cli: RunCli) -> None:
    result = run_cli(
        "gaps",
        "hbg-2020",
        "--plans",
        str(PLANS),
        "--format",
        "markdown",
        "--lang",
        "sv",
        "--fail-on",
        "never",
    )
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# Brister: hbg-2020")
    sections = text.split("\n### ")
    for title, line, _ in SAKNAS_2020:
        item = next(s for s in sections if s.startswith(_md(title)) and "(HBG101" in s)
        assert re.search(rf"`{re.escape(SOURCE_2020)}:\d+-{line}`", item), (title, item)
        assert 'indikator saknas: planen skriver "Saknas" (HBG101, brist)' in item
        assert "**Källa:**" in item
    assert "## 1. Förebyggande och främjande arbete" in text
    assert "> Genom att öka personalens kunskaper kan vi använda fler metoder" in text


def _md(title: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", title)


def test_markdown_in_english(run_cli: RunCli) -> None:
    result = run_cli(
        "gaps", str(PLANS / "hbg-2023.yaml"), "-f", "markdown", "--lang", "en", "--select", "HBG101"
    )
    assert result.stdout.startswith("# Gap list: hbg-2023")
    assert "**What is missing:**" in result.stdout
    assert 'indicator missing: the plan says "Saknas" (HBG101, error)' in result.stdout


def test_text_output_groups_by_focus_area_then_party(run_cli: RunCli) -> None:
    result = run_cli("gaps", str(PLANS / "hbg-2020.yaml"), "--select", "HBG101")
    assert result.exit_code == 1  # errors found, default --fail-on error
    lines = result.stdout.splitlines()
    area = lines.index("  1. Förebyggande och främjande arbete")
    assert lines[area + 1] == "    (no responsible party)"
    assert "utbildningssatsning.lang" in lines[area + 2] and f"[{SOURCE_2020}:91-92]" in lines[area + 2]
    assert lines[area + 2].lstrip().startswith(f"{PLANS / 'hbg-2020.yaml'}:")
    area5 = lines.index("  5. Ledning, styrning, organisation")
    parties = [
        line.strip()
        for line in lines[area5 + 1 :]
        if line.startswith("    ") and not line.startswith("      ")
    ]
    assert parties == ["Helsingborgs stad, SOF", "(no responsible party)"]  # named parties first, nobody last
    assert lines[-1].startswith("8 findings in 1 plan: 8 errors")


def test_csv_round_trips_through_the_csv_module(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "gaps.csv"
    result = run_cli(
        "gaps",
        str(PLANS / "hbg-2023.yaml"),
        "-f",
        "csv",
        "--lang",
        "sv",
        "-o",
        str(out),
        "--fail-on",
        "never",
    )
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens it as UTF-8
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Plan", "Fokusområde", "Område", "Mål"]
    assert all(len(row) == len(header) for row in body)
    saknas = [r for r in body if r[header.index("Kod")] == "HBG101"]
    assert {(r[header.index("Område")], int(r[header.index("Källa")].rsplit("-", 1)[1])) for r in saknas} == {
        (title, line) for title, line, _ in SAKNAS_2023
    }
    goal_texts = [r[header.index("Måltext")] for r in body]
    assert any("\n" in text for text in goal_texts)  # multi-line fields survive quoting
    assert (
        raw.decode("utf-8-sig").split("\r\n", 1)[0].startswith('"Plan";"Fokusområde"')
    )  # every field quoted


def test_json_validates_against_its_schema(run_cli: RunCli) -> None:
    schema = json.loads((REPO / "schemas" / "gaps.schema.json").read_text(encoding="utf-8"))
    document = _gaps_json(run_cli, str(PLANS))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert {p["id"] for p in document["plans"]} >= {"hbg-2015", "hbg-2020", "hbg-2023", "skane-2019"}
    assert document["summary"]["findings"] == len(document["findings"])


def test_packaged_gaps_schema_is_identical_to_the_published_one() -> None:
    published = (REPO / "schemas" / "gaps.schema.json").read_bytes()
    packaged = (REPO / "hbg_plan" / "data" / "gaps.schema.json").read_bytes()
    assert packaged == published


def test_sarif_validates_against_the_official_2_1_0_schema(run_cli: RunCli) -> None:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    result = run_cli("gaps", str(PLANS), "--format", "sarif", "--fail-on", "never")
    log = json.loads(result.stdout)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == sorted(GAP_CODES)
    saknas = [r for r in run["results"] if r["ruleId"] == "HBG101" and "hbg-2020" in r["properties"]["plan"]]
    assert len(saknas) == len(SAKNAS_2020)
    first = saknas[0]
    assert first["ruleIndex"] == 0 and first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "plans/hbg-2020.yaml"
    )
    source = first["relatedLocations"][0]["physicalLocation"]
    assert source["artifactLocation"]["uri"].endswith(f"plans/{SOURCE_2020}")
    assert source["region"]["endLine"] in {line for _, line, _ in SAKNAS_2020}


def test_github_annotations_are_automatic_in_actions(run_cli: RunCli) -> None:
    result = run_cli(
        "gaps", str(PLANS / "skane-2019.yaml"), "--select", "HBG108", env={"GITHUB_ACTIONS": "true"}
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=")
    assert ",title=HBG108 follow-up-not-done::" in lines[0]
    assert re.match(r"::error file=[^,]*skane-2019\.yaml,line=\d+,col=\d+,", lines[0])
    assert result.exit_code == 1


def test_github_annotation_messages_and_properties_are_escaped(run_cli: RunCli, tmp_path: Path) -> None:
    from tests.test_rules import goal, plan, topic, write

    follow_up = [{"year": 2019, "text": "Ej genomförd: 50% kvar, se nedan.", "source": {"lines": [1, 1]}}]
    indicators = ("Utvärdering:\r\nav utbildningarna.",)
    path = write(
        tmp_path / "a,b:c", plan("p", topic("t", goal("t.kort", follow_up=follow_up, indicators=indicators)))
    )
    result = run_cli(
        "gaps", str(path), "--format", "github", "--select", "HBG104,HBG108", "--fail-on", "never"
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3  # two annotations (no raw line breaks) and the totals
    annotations = {}
    for line in lines[:2]:
        level, rest = line[2:].split(" ", 1)
        props, message = rest.split("::", 1)
        annotations[level] = (props, message)
    props, message = annotations["error"]
    assert "a%2Cb%3Ac" in props  # ',' and ':' escaped in the file property
    assert "title=HBG108 follow-up-not-done" in props
    assert "50%25 kvar, se nedan" in message  # '%' escaped; ',' and ':' stay as they are in the message
    props, message = annotations["warning"]
    assert '"Utvärdering:%0D%0Aav utbildningarna."' in message


def test_fail_on_controls_the_exit_code(run_cli: RunCli) -> None:
    plan = str(PLANS / "hbg-2020.yaml")
    assert run_cli("gaps", plan, "--select", "HBG104").exit_code == 0  # warnings, default: error
    assert run_cli("gaps", plan, "--select", "HBG104", "--fail-on", "warning").exit_code == 1
    assert run_cli("gaps", plan, "--select", "HBG101", "--fail-on", "never").exit_code == 0
    assert run_cli("gaps", plan, "--select", "HBG101", "--fail-on", "error").exit_code == 1


def test_output_is_written_atomically_and_nothing_goes_to_stdout(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "gaps.md"
    out.write_text("old report", encoding="utf-8")
    result = run_cli(
        "gaps", str(PLANS / "hbg-2020.yaml"), "-f", "markdown", "-o", str(out), "--fail-on", "never"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("# Gap list: hbg-2020")
    assert [p.name for p in tmp_path.iterdir()] == ["gaps.md"]  # no temporary file left behind


def test_output_to_a_missing_folder_is_a_clear_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("gaps", str(PLANS / "hbg-2020.yaml"), "-o", str(tmp_path / "no" / "such" / "file.txt"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "file.txt" in result.stderr


def test_plan_ids_are_looked_up_in_the_plans_folder(run_cli: RunCli) -> None:
    document = _gaps_json(run_cli, "hbg-2023", "skane-2019", "--plans", str(PLANS), "--select", "HBG101")
    assert [p["id"] for p in document["plans"]] == ["hbg-2023", "skane-2019"]


def test_unknown_plan_id_and_missing_file_exit_2(run_cli: RunCli) -> None:
    result = run_cli("gaps", "hbg-1999", "--plans", str(PLANS))
    assert result.exit_code == 2
    assert "'hbg-1999' is neither a plan file nor the id of a plan in" in result.stderr
    result = run_cli("gaps", "no/such/plan.yaml")
    assert result.exit_code == 2
    assert "no/such/plan.yaml: no such file or directory" in result.stderr


def test_a_broken_plan_is_reported_with_its_location(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 2\nid: bad\ntitle: [unclosed\n", encoding="utf-8")
    result = run_cli("gaps", str(bad))
    assert result.exit_code == 2
    assert re.search(rf"{re.escape(str(bad))}:\d+:\d+: YAML syntax error", result.stderr)
    assert "Traceback" not in result.output


def test_unknown_rule_on_the_command_line_exits_2_with_a_suggestion(run_cli: RunCli) -> None:
    result = run_cli("gaps", str(PLANS / "hbg-2020.yaml"), "--select", "HBG1O1")
    assert result.exit_code == 2
    assert "--select: unknown rule 'HBG1O1' (did you mean 'HBG101'?)" in result.stderr


def test_select_accepts_prefixes_and_names_and_ignore_removes(run_cli: RunCli) -> None:
    plan = str(PLANS / "hbg-2023.yaml")
    codes = {
        f["code"]
        for f in _gaps_json(run_cli, plan, "--select", "HBG10", "--ignore", "HBG103,stale-goal")["findings"]
    }
    assert codes == {"HBG101", "HBG104"}
    codes = {f["code"] for f in _gaps_json(run_cli, plan, "--select", "indicator-saknas")["findings"]}
    assert codes == {"HBG101"}


def test_version_rules_use_the_whole_folder_when_one_plan_is_given(run_cli: RunCli) -> None:
    """hbg-2023 replaces hbg-2020: its stale goals and since when indicators are missing are found
    from the file alone."""
    document = _gaps_json(run_cli, str(PLANS / "hbg-2023.yaml"), "--select", "HBG101,HBG105")
    never = {f["goal"]["id"] for f in document["findings"] if f["code"] == "HBG101" and "since" in f["args"]}
    # long-term goals with "Saknas" in 2023 whose 2020 counterpart (same id) also says "Saknas"
    assert {"utbildningssatsning.lang", "samsjuklighet.lang", "nyanlanda.lang"} <= never
    assert (
        "hbtq.lang" not in never
    )  # 2020 stated an indicator ("Antal utbildade medarbetare på familjecentralerna.")
    stale = {f["goal"]["id"] for f in document["findings"] if f["code"] == "HBG105"}
    # two of its three activities stand word for word in hbg-2020's egen-erfarenhet.kort
    assert "egen-erfarenhet.kort" in stale
    assert "suicidprevention.lang" not in stale  # long-term goals are meant to stay
    assert all(
        f["args"]["versions"] == "hbg-2020, hbg-2023" for f in document["findings"] if "versions" in f["args"]
    )


def test_regional_follow_up_not_done_on_the_2019_follow_up(run_cli: RunCli) -> None:
    document = _gaps_json(run_cli, str(PLANS / "skane-2019.yaml"), "--select", "HBG108")
    texts = {f["args"]["text"] for f in document["findings"]}
    assert {"Indikatorer ej framtagna.", "Brukarrevision ej genomförd avseende SIP."} <= texts


def test_default_is_every_plan_of_the_configured_folder(
    run_cli: RunCli, plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plans_copy.parent)
    document = _gaps_json(run_cli, "--select", "HBG101")
    assert {p["file"] for p in document["plans"]} == {
        str(Path("plans") / p.name) for p in PLANS.glob("*.yaml") if p.name != "parties.yaml"
    }


def test_empty_report_says_no_gaps(run_cli: RunCli, tmp_path: Path) -> None:
    from tests.test_rules import goal, plan, topic, write

    path = write(tmp_path, plan("p", topic("t", goal("t.kort"))))
    result = run_cli("gaps", str(path))
    assert result.exit_code == 0
    assert "No gaps found." in result.stdout
    assert result.stdout.splitlines()[-1].startswith("0 findings")


def test_validate_gaps_adds_findings_to_the_validation(run_cli: RunCli) -> None:
    result = run_cli("validate", str(PLANS / "hbg-2020.yaml"), "--gaps", "--no-baseline", "--format", "json")
    document = json.loads(result.stdout)
    codes = [d["code"] for d in document["files"][0]["diagnostics"]]
    assert codes.count("HBG101") == len(SAKNAS_2020)
    assert "HBG105" not in codes  # hbg-2020's predecessor hbg-2015 uses other goal ids
    assert result.exit_code == 1
    plain = run_cli("validate", str(PLANS / "hbg-2020.yaml"))
    assert plain.exit_code == 0 and "HBG101" not in plain.stdout


def test_validate_gaps_sees_the_folder_for_version_rules(run_cli: RunCli) -> None:
    result = run_cli("validate", str(PLANS / "hbg-2023.yaml"), "--gaps", "--no-baseline", "--format", "json")
    diagnostics = json.loads(result.stdout)["files"][0]["diagnostics"]
    assert any(d["code"] == "HBG101" and "missing since hbg-2020" in d["message"] for d in diagnostics)


# --- count tables, one-line quotes, --statistics (issue 14) ------------------------------------


def test_markdown_opens_with_count_tables_that_add_up(run_cli: RunCli) -> None:
    result = run_cli("gaps", "hbg-2023", "--plans", str(PLANS), "--format", "markdown", "--lang", "sv")
    findings = json.loads(run_cli("gaps", "hbg-2023", "--plans", str(PLANS), "--format", "json").stdout)[
        "findings"
    ]
    text = result.stdout
    counts = text[text.index("## Antal fynd") : text.index("\n## 1. ")]
    by_rule = dict(re.findall(r"^\| (HBG\d{3}) \|.*\| (\d+) \|$", counts, re.MULTILINE))
    assert {code: int(n) for code, n in by_rule.items()} == {
        code: sum(f["code"] == code for f in findings) for code in {f["code"] for f in findings}
    }
    area_rows = counts[counts.index("### Per fokusområde") : counts.index("### Per ansvarig part")]
    assert sum(int(n) for n in re.findall(r"\| (\d+) \|$", area_rows, re.MULTILINE)) == len(findings)
    no_party = sum(1 for f in findings if f["goal"] and not f["responsible"])
    assert f"| (saknar ansvarig) | {no_party} |" in counts


def test_markdown_quotes_one_line_of_goal_text(run_cli: RunCli) -> None:
    result = run_cli("gaps", "hbg-2023", "--plans", str(PLANS), "--format", "markdown")
    quotes = [line for line in result.stdout.splitlines() if line.startswith(">")]
    assert quotes and all(len(line) <= 140 for line in quotes)
    items = result.stdout.count("\n### ") - 3 * 1  # minus the three count-table headings
    assert len(quotes) <= items
    assert not re.search(r"^>\n>", result.stdout, re.MULTILINE)  # no multi-paragraph quotes left


def test_statistics_prints_only_the_counts(run_cli: RunCli) -> None:
    full = run_cli("gaps", "hbg-2023", "--plans", str(PLANS), "--lang", "sv").stdout
    stats = run_cli("gaps", "hbg-2023", "--plans", str(PLANS), "--lang", "sv", "--statistics")
    assert stats.exit_code == 1  # the findings still decide the exit code
    assert "Per regel" in stats.stdout and "Per ansvarig part" in stats.stdout
    assert "hbg-2023.yaml:" not in stats.stdout  # no finding lines
    assert stats.stdout.splitlines()[-1] == full.splitlines()[-1]  # same totals
    assert len(stats.stdout.splitlines()) < 50  # 45: one row per rule and per party (units since issue 16)
    markdown = run_cli("gaps", "hbg-2023", "--plans", str(PLANS), "--statistics", "-f", "markdown").stdout
    assert "### By rule" in markdown and "> " not in markdown


def test_statistics_refuses_other_formats(run_cli: RunCli) -> None:
    result = run_cli("gaps", "hbg-2023", "--plans", str(PLANS), "--statistics", "-f", "json")
    assert result.exit_code == 2
    assert "--statistics" in result.stderr and "Traceback" not in result.output
