"""The strict loader through the CLI: encodings, line endings, YAML 1.1 surprises, Unicode forms,
duplicate keys, anchors and tags, and YAML syntax errors, on copies of the real plans.

Expected lines and columns are computed from the edited text, never pasted from tool output.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import RunCli

PLAN = "hbg-2015.yaml"
ERROR_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): error (?P<code>HBG\d{3}) (?P<text>.*)$")


def edit(path: Path, old: str, new: str) -> str:
    """Replace the single occurrence of `old` in `path`; return the new text."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    text = text.replace(old, new)
    path.write_bytes(text.encode("utf-8"))
    return text


def line_of(text: str, needle: str, start: int = 0) -> int:
    """1-based number of the first line at or after line `start` (1-based) that contains `needle`."""
    lines = text.splitlines()
    for number in range(max(start, 1), len(lines) + 1):
        if needle in lines[number - 1]:
            return number
    raise AssertionError(f"{needle!r} not found")


def errors(output: str) -> list[dict[str, str]]:
    found = [m.groupdict() for m in map(ERROR_LINE.match, output.splitlines()) if m]
    assert "Traceback" not in output
    return found


def only_error(run_cli: RunCli, path: Path) -> dict[str, str]:
    result = run_cli("validate", str(path))
    assert result.exit_code == 1, result
    found = errors(result.output)
    assert len(found) == 1, result.output
    return found[0]


# --- encodings and line endings -------------------------------------------------------------


def test_utf8_with_bom_validates(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    plan.write_bytes(b"\xef\xbb\xbf" + plan.read_bytes())
    result = run_cli("validate", str(plan))
    assert result.exit_code == 0, result


def test_bom_does_not_shift_the_first_line_columns(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, "schema_version: 2\n", "schema_version: 3\n")
    plan.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    error = only_error(run_cli, plan)
    assert (int(error["line"]), int(error["col"])) == (
        line_of(text, "schema_version: 3"),
        len("schema_version: ") + 1,
    )


def test_mixed_crlf_and_lf_validates_with_right_line_numbers(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    lines = plan.read_text(encoding="utf-8").split("\n")
    plan.write_bytes(
        "".join(line + ("\r\n" if n % 3 else "\n") for n, line in enumerate(lines[:-1])).encode()
    )
    assert run_cli("validate", str(plan)).exit_code == 0

    lines = plan.read_bytes().decode("utf-8").split("\n")
    target = max(n for n, line in enumerate(lines, 1) if "horizon: current" in line)  # after many CRLFs
    lines[target - 1] = lines[target - 1].replace("horizon: current", "horizon: nu")
    plan.write_bytes("\n".join(lines).encode("utf-8"))
    error = only_error(run_cli, plan)
    assert (int(error["line"]), int(error["col"])) == (target, 22)
    assert error["text"].startswith('"nu" is not one of')


def test_windows_1252_names_the_encoding_and_the_first_bad_byte(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = plan.read_text(encoding="utf-8")
    plan.write_bytes(text.encode("cp1252", errors="replace"))
    error = only_error(run_cli, plan)
    first = next(n for n, ch in enumerate(text) if ord(ch) > 127)  # 'å' or 'ö' in the title
    line = text.count("\n", 0, first) + 1
    column = first - text.rfind("\n", 0, first)
    assert (error["code"], int(error["line"]), int(error["col"])) == ("HBG002", line, column)
    assert "Windows-1252" in error["text"] and "save it as UTF-8" in error["text"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_named(run_cli: RunCli, plans_copy: Path, encoding: str) -> None:
    plan = plans_copy / PLAN
    plan.write_bytes(plan.read_text(encoding="utf-8").encode(encoding))
    error = only_error(run_cli, plan)
    assert error["code"] == "HBG002"
    assert "save it as UTF-8" in error["text"]
    assert ("UTF-32" if encoding == "utf-32" else "UTF-16") in error["text"]


def test_nul_byte_is_located(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, 'title: "Lokal överenskommelse"', 'title: "Lokal\x00 överenskommelse"')
    error = only_error(run_cli, plan)
    assert (int(error["line"]), int(error["col"])) == (line_of(text, "\x00"), text.splitlines()[
        line_of(text, "\x00") - 1
    ].index("\x00") + 1)  # fmt: skip
    assert "NUL" in error["text"]


def test_control_character_is_located_in_characters_not_bytes(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, 'title: "Lokal överenskommelse"', 'title: "Lokal över\x07enskommelse"')
    error = only_error(run_cli, plan)
    line = line_of(text, "\x07")
    assert (error["code"], int(error["line"]), int(error["col"])) == (
        "HBG003", line, text.splitlines()[line - 1].index("\x07") + 1,
    )  # fmt: skip
    assert "control characters are not allowed" in error["text"]


# --- YAML 1.1 surprises: strings stay strings -----------------------------------------------


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "No", "YES", "y", "n", "2020-02-13", "010", "0o10",
                                  "0x1F", ".inf", "1_000", "12:30"])  # fmt: skip
def test_yaml11_words_stay_text_where_text_is_expected(run_cli: RunCli, plans_copy: Path, word: str) -> None:
    """`note:` takes any text: if the word were read as a boolean, date or number, it would fail."""
    plan = plans_copy / PLAN
    edit(plan, '    title: "Nuläge"\n', f'    title: "Nuläge"\n    note: {word}\n')
    result = run_cli("validate", str(plan))
    assert result.exit_code == 0, result


def test_unquoted_date_in_dates_stays_the_text_written(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    edit(plan, '{event: signed, date: "2015-03-01"', "{event: signed, date: 2015-03-01")
    assert run_cli("validate", str(plan)).exit_code == 0


@pytest.mark.parametrize(
    ("word", "kind"),
    [("1e3", "a number"), ("2020", "an integer"), ("-1.5", "a number"), ("true", "true/false"),
     ("~", "nothing (null)"), ("null", "nothing (null)")],
)  # fmt: skip
def test_core_schema_values_where_text_is_expected_get_a_quote_hint(
    run_cli: RunCli, plans_copy: Path, word: str, kind: str
) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, '    title: "Nuläge"\n', f'    title: "Nuläge"\n    note: {word}\n')
    error = only_error(run_cli, plan)
    assert int(error["line"]) == line_of(text, f"    note: {word}")
    assert error["text"].startswith(f"expected a text, got {kind} ({word})")
    assert "write it in quotes if you mean the text" in error["text"]


def test_explicit_str_tag_keeps_text(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    edit(plan, '    title: "Nuläge"\n', '    title: "Nuläge"\n    note: !!str 2020\n')
    assert run_cli("validate", str(plan)).exit_code == 0


@pytest.mark.parametrize("tag", ["!!int", "!!python/object/apply:os.system", "!custom", "!!binary", "!!set"])
def test_other_tags_are_refused(run_cli: RunCli, plans_copy: Path, tag: str) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, '    title: "Nuläge"\n', f'    title: "Nuläge"\n    note: {tag} x\n')
    error = only_error(run_cli, plan)
    assert (error["code"], int(error["line"])) == ("HBG005", line_of(text, f"note: {tag}"))
    assert "is not allowed in plan files" in error["text"]


# --- Unicode composition ----------------------------------------------------------------------


def test_nfd_text_matches_the_nfc_source(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    decomposed = unicodedata.normalize("NFD", "Lokal överenskommelse")
    edit(plan, 'title: "Lokal överenskommelse"', f'title: "{decomposed}"')
    edit(
        plan,
        'quote: "Ansvariga är lokalt samråd."',
        'quote: "' + unicodedata.normalize("NFD", "Ansvariga är lokalt samråd.") + '"',
    )
    assert run_cli("validate", str(plan)).exit_code == 0


def test_nfc_and_nfd_ids_are_treated_alike(run_cli: RunCli, plans_copy: Path) -> None:
    """Ids are ASCII, so an id with 'ö' is refused; written NFC or NFD, it reads the same."""
    plan = plans_copy / PLAN
    edit(plan, "  - id: nulage\n", "  - id: nuläge\n")
    edit(plan, "  - id: utveckling\n", "  - id: " + unicodedata.normalize("NFD", "nuläge") + "\n")
    found = errors(run_cli("validate", str(plan)).output)
    assert [e["text"] for e in found] == [
        f"\"nuläge\" does not have the expected form (lower-case ASCII letters a-z (write å/ä as a, ö as o), digits, '.', '_', '-') [/focus_areas/{i}/id]"
        for i in (0, 1)
    ]


# --- duplicate keys at every level ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key", "first", "second"),
    [
        ("kind: action-plan\n", "kind: action-plan\nkind: agreement\n", "kind", "kind: action-plan",
         "kind: agreement"),
        ('    title: "Nuläge"\n', '    title: "Nuläge"\n    title: "Nu"\n', "title", 'title: "Nuläge"',
         'title: "Nu"'),
        ('        title: "Lokal överenskommelse"\n', '        title: "Lokal överenskommelse"\n        id: a1\n', "id",
         "- id: a1-lokal-overenskommelse", "        id: a1"),
        ('quote: "Ansvarig är psykiatrisamordningen."}', 'quote: "Ansvarig är psykiatrisamordningen.", party: sof}',
         "party", "party: sof}", "party: sof}"),
        ('date: "2015-03-01", source: {lines: [300, 300]}}', 'date: "2015-03-01", source: {lines: [300, 300], lines: [1, 1]}}',
         "lines", "lines: [1, 1]", "lines: [1, 1]"),
    ],
    ids=["top", "focus-area", "topic", "flow-mapping-in-list", "nested-flow-mapping"],
)  # fmt: skip
def test_duplicate_keys_point_at_the_second_and_name_the_first(
    run_cli: RunCli, plans_copy: Path, old: str, new: str, key: str, first: str, second: str
) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, old, new)
    lines = text.splitlines()
    first_line, second_line = line_of(text, first), line_of(text, second)
    first_col = lines[first_line - 1].find(f"{key}:") + 1
    second_col = lines[second_line - 1].rfind(f"{key}:") + 1
    error = only_error(run_cli, plan)
    assert (error["code"], int(error["line"]), int(error["col"])) == ("HBG004", second_line, second_col)
    assert error["text"] == f"duplicate key '{key}' (first defined at line {first_line}, column {first_col})"


def test_duplicate_key_in_a_goal_and_in_a_follow_up(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, "            horizon: current\n            source: {lines: [22, 46]}\n",
                "            horizon: current\n            source: {lines: [22, 46]}\n            horizon: short\n")  # fmt: skip
    error = only_error(run_cli, plan)
    first = line_of(text, "            horizon: current")
    assert (int(error["line"]), int(error["col"])) == (line_of(text, "horizon: short"), 13)
    assert error["text"] == f"duplicate key 'horizon' (first defined at line {first}, column 13)"

    regional = plans_copy / "skane-2019.yaml"
    text = regional.read_text(encoding="utf-8")
    first = line_of(text, "              - year: 2019")
    lines = text.splitlines(keepends=True)
    lines.insert(first, "                year: 2020\n")
    regional.write_text("".join(lines), encoding="utf-8")
    error = only_error(run_cli, regional)
    assert (int(error["line"]), int(error["col"])) == (first + 1, 17)
    assert error["text"] == f"duplicate key 'year' (first defined at line {first}, column 17)"


def test_duplicate_keys_in_the_parties_registry(run_cli: RunCli, plans_copy: Path) -> None:
    registry = plans_copy / "parties.yaml"
    text = edit(registry, "  - id: sof\n    name: Socialförvaltningen\n",
                "  - id: sof\n    name: Socialförvaltningen\n    name: SOF\n")  # fmt: skip
    error = only_error(run_cli, registry)
    assert (error["code"], int(error["line"]), int(error["col"])) == ("HBG004", line_of(text, "name: SOF"), 5)
    # a plan that relies on the broken registry says where the registry is broken
    result = run_cli("validate", str(plans_copy / PLAN))
    assert result.exit_code == 1
    assert f"parties.yaml:{line_of(text, 'name: SOF')}:5: error HBG004" in result.output


def test_duplicate_party_id_in_the_registry(run_cli: RunCli, plans_copy: Path) -> None:
    registry = plans_copy / "parties.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text + "  - id: sof\n    name: Socialförvaltningen\n    type: municipal-department\n",
                        encoding="utf-8")  # fmt: skip
    error = only_error(run_cli, registry)
    assert error["code"] == "HBG020"
    assert int(error["line"]) == len(text.splitlines()) + 1
    assert error["text"].startswith(
        f"party id 'sof' is defined twice (also at line {line_of(text, '- id: sof')})"
    )


# --- anchors, aliases, merge keys ----------------------------------------------------------------


def test_anchor_and_alias_are_refused_at_the_anchor(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, "issued_by: [helsingborgs-stad, region-skane-psykiatri]",
                "issued_by: &issuers [helsingborgs-stad, region-skane-psykiatri]\nbased_on: *issuers")  # fmt: skip
    error = only_error(run_cli, plan)
    assert (error["code"], int(error["line"]), int(error["col"])) == ("HBG005", line_of(text, "&issuers"), 12)


def test_merge_key_is_refused(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, 'period: {start: "2015", end: "2016"}', 'period:\n  <<: {start: "2015", end: "2016"}')
    error = only_error(run_cli, plan)
    assert (error["code"], int(error["line"]), int(error["col"])) == ("HBG005", line_of(text, "<<:"), 3)


# --- syntax errors ---------------------------------------------------------------------------------


def test_unclosed_quote_points_at_the_opening_quote(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, 'title: "Lokal överenskommelse"', 'title: "Lokal överenskommelse')
    error = only_error(run_cli, plan)
    line = line_of(text, 'title: "Lokal överenskommelse')
    assert (error["code"], int(error["line"]), int(error["col"])) == ("HBG003", line, 16)
    assert error["text"].startswith("YAML syntax error: this double-quoted text is not closed on its line")


def test_unclosed_quote_at_the_end_of_the_file(run_cli: RunCli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text('schema_version: 2\nid: "hbg-2015\n', encoding="utf-8")
    error = only_error(run_cli, plan)
    assert (int(error["line"]), int(error["col"])) == (2, 5)
    assert "not closed on its line" in error["text"] and "end of stream" in error["text"]


def test_bad_indentation(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, "kind: action-plan\n", "kind: action-plan\n  level: local\n")
    error = only_error(run_cli, plan)
    assert (error["code"], int(error["line"])) == ("HBG003", line_of(text, "  level: local"))
    assert error["text"] == "YAML syntax error: mapping values are not allowed in this context"


def test_list_item_indented_out_of_its_list(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, "    topics:\n      - id: a1-lokal-overenskommelse\n",
                "    topics:\n      - id: a1-lokal-overenskommelse\n   - id: stray\n")  # fmt: skip
    error = only_error(run_cli, plan)
    assert (error["code"], int(error["line"])) == ("HBG003", line_of(text, "   - id: stray"))


def test_tab_indentation(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, "            horizon: current\n            source: {lines: [22, 46]}\n",
                "            horizon: current\n\t\t\tsource: {lines: [22, 46]}\n")  # fmt: skip
    error = only_error(run_cli, plan)
    assert (error["code"], int(error["line"])) == ("HBG003", line_of(text, "\t\t\tsource"))
    assert error["text"] == "YAML syntax error: a tab character is used for indentation; indent with spaces"


def test_mapping_where_a_list_is_expected(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = edit(plan, "issued_by: [helsingborgs-stad, region-skane-psykiatri]",
                "issued_by: {by: helsingborgs-stad}")  # fmt: skip
    error = only_error(run_cli, plan)
    assert (error["code"], int(error["line"]), int(error["col"])) == (
        "HBG010",
        line_of(text, "issued_by:"),
        12,
    )
    assert error["text"].startswith("expected a list, got a mapping (key: value)")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "file is empty (or holds only comments): expected a plan"),
        (
            "# Handlingsplan\n\n   # kommer senare\n",
            "file is empty (or holds only comments): expected a plan",
        ),
        ("---\n", "file is empty (or holds only comments): expected a plan"),
        ("\n\n\n", "file is empty (or holds only comments): expected a plan"),
    ],
)
def test_empty_files(run_cli: RunCli, tmp_path: Path, content: str, message: str) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(content, encoding="utf-8")
    error = only_error(run_cli, plan)
    assert (error["code"], error["line"], error["col"], error["text"]) == ("HBG006", "1", "1", message)


def test_several_documents(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text + "---\n" + text, encoding="utf-8")
    error = only_error(run_cli, plan)
    assert (error["code"], int(error["line"]), int(error["col"])) == ("HBG006", len(text.splitlines()) + 1, 1)


def test_explicit_document_markers_are_fine(run_cli: RunCli, plans_copy: Path) -> None:
    plan = plans_copy / PLAN
    text = plan.read_text(encoding="utf-8")
    plan.write_text("---\n" + text + "...\n", encoding="utf-8")
    assert run_cli("validate", str(plan)).exit_code == 0
