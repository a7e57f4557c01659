"""Wrong types and out-of-range values wherever the schema has them, several errors in one file
reported together in line order, and the per-file limits.

Each case edits one value of a real plan; the expected line and column are those of the edited
value, found in the edited text; the expected message follows from the schema's constraint.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import RunCli

ERROR_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): error (?P<code>HBG\d{3}) (?P<text>.*)$")
S, H = "skane-2019.yaml", "hbg-2015.yaml"

GOAL = '          - id: suicidprevention.kort\n            horizon: short\n            period: "2019"\n'
HEADING = GOAL + '            heading: "Kortsiktiga mål och aktiviteter 2019"\n'
RESPONSIBLE = '              - {party: region-skane, basis: subject, quote: "Region Skåne"}\n              - {party: skanes'
STATUS = '                text: "Indikatorer ej framtagna."\n                status: not-done\n'
TEXTS = (
    "            texts:\n"
    '              - "Region Skåne och Skånes kommuner ska arbeta i linje med regional suicidpreventiv handlingsplan."\n'
    '              - "Framtagande av indikatorer för uppföljning."\n'
)
ROWS_OLD = '{label: "Skåne", values: [205, 186'

# (plan, old text, new text, the new text around the value with `|` where the error must point,
#  message start)
# fmt: off
CASES = [
    (S, "schema_version: 2\n", "schema_version: 3\n", "schema_version: |3", "3 must be 2"),
    (S, "kind: follow-up", "kind: uppföljning", "kind: |uppföljning",
     '"uppföljning" is not one of action-plan, follow-up, agreement'),
    (S, "level: regional", "level: 2", "level: |2", "2 is not one of local, regional"),
    (S, "issued_by: [region-skane]", "issued_by: []", "issued_by: |[]", "list must have at least 1 item(s)"),
    (S, "issued_by: [region-skane]", "issued_by: region-skane", "issued_by: |region-skane",
     'expected a list, got a text ("region-skane")'),
    (S, 'period: {start: "2019", end: "2019"}', 'period: {start: "19", end: "2019"}', 'period: {start: |"19"',
     '"19" does not have the expected form (a year such as "2020")'),
    (S, 'period: {start: "2019", end: "2019"}', 'period: {start: 2019, end: "2019"}', "period: {start: |2019",
     "expected a text, got an integer (2019); write it in quotes if you mean the text"),
    (S, "  sha256: fc73cf2e", "  sha256: FC73CF2E", "sha256: |FC73CF2E",
     '"FC73CF2E4f8974c3587b944ae0c35b9f5ff5a6cf9b0c65bf64ed2518…" does not have the expected form'
     " (64 lower-case hex digits)"),  # long values are cut to 60 characters
    (S, "    number: 1\n", "    number: -1\n", "number: |-1", "-1 is less than the minimum 0"),
    (S, "    number: 1\n", "    number: ett\n", "number: |ett", 'expected an integer, got a text ("ett")'),
    (S, "source: {lines: [14, 21]}", "source: {lines: [0, 21]}", "{lines: [|0, 21]}", "0 is less than the minimum 1"),
    (S, "source: {lines: [14, 21]}", "source: {lines: [14]}", "{lines: |[14]}", "list must have at least 2 item(s)"),
    (S, "source: {lines: [14, 21]}", "source: {lines: [14, 21, 22]}", "{lines: |[14, 21, 22]}",
     "list must have at most 2 item(s)"),
    (S, "source: {lines: [14, 21]}", "source: {lines: [14.5, 21]}", "{lines: [|14.5, 21]}",
     "expected an integer, got a number (14.5)"),
    (S, "source: {lines: [14, 21]}", "source: {lines: [true, 21]}", "{lines: [|true, 21]}",
     "expected an integer, got true/false (true)"),
    (S, "source: {lines: [14, 21]}", "source: {lines: 14-21}", "{lines: |14-21}",
     'expected a list, got a text ("14-21")'),
    (S, GOAL, GOAL.replace("horizon: short", "horizon: kort"), "horizon: |kort",
     '"kort" is not one of short, long, current'),
    (S, GOAL, GOAL.replace('period: "2019"', 'period: "2019–2020"'), 'period: |"2019–2020"',
     '"2019–2020" does not have the expected form ("2020" or "2020-2022")'),
    (S, HEADING, HEADING.replace('heading: "Kortsiktiga mål och aktiviteter 2019"', 'heading: ""'), 'heading: |""',
     "text must not be empty"),
    (S, TEXTS, "            texts: []\n", "texts: |[]", "list must have at least 1 item(s)"),
    (S, RESPONSIBLE, RESPONSIBLE.replace("basis: subject", "basis: subjekt"), "basis: |subjekt",
     '"subjekt" is not one of responsible-line, subject, signatory'),
    (S, RESPONSIBLE, RESPONSIBLE.replace("{party: region-skane", "{party: Region-Skane"), "{party: |Region-Skane",
     "\"Region-Skane\" does not have the expected form (lower-case ASCII letters a-z (write å/ä as a, ö as o), digits, '.', '_', '-')"),
    (S, RESPONSIBLE, RESPONSIBLE.replace('quote: "Region Skåne"', 'quote: ""'), 'basis: subject, quote: |""}',
     "text must not be empty"),
    (S, "indicators: {missing: saknas, source: {lines: [56, 57]}}", "indicators: {missing: nej, source: {lines: [56, 57]}}",
     "{missing: |nej, source", '"nej" is not one of saknas, not-stated'),
    (S, '              - "Indikatorer framtagna."\n', "              - 42\n", "              - |42\n",
     "expected a text, got an integer (42); write it in quotes if you mean the text"),
    (S, STATUS, STATUS.replace("status: not-done", "status: klar"), "status: |klar",
     '"klar" is not one of done, partly-done, not-done, not-reported'),
    (S, "- year: 2019\n" + STATUS, "- year: 1850\n" + STATUS, "year: |1850", "1850 is less than the minimum 1990"),
    (S, "- year: 2019\n" + STATUS, "- year: 2200\n" + STATUS, "year: |2200",
     "2200 is greater than the maximum 2100"),
    (S, "- year: 2019\n" + STATUS, '- year: "2019"\n' + STATUS, 'year: |"2019"',
     'expected an integer, got a text ("2019")'),
    (S, ROWS_OLD, ROWS_OLD.replace("[205", '["205"'), 'values: [|"205", 186',
     'expected a number / nothing (null), got a text ("205")'),
    (S, 'columns: ["2013", "2014", "2015", "2016", "2017", "2018"]', "columns: []", "columns: |[]",
     "list must have at least 1 item(s)"),
    (H, '  - {event: signed, date: "2015-03-01"', '  - {event: signed, date: "1 mars 2015"', 'date: |"1 mars 2015"',
     '"1 mars 2015" does not have the expected form (a date such as "2015-03-01")'),
    (H, '  - {event: signed, date: "2015-03-01"', '  - {event: undertecknad, date: "2015-03-01"', "event: |undertecknad",
     '"undertecknad" is not one of adopted, signed'),
    (H, "  - id: forord\n    kind: other\n", "  - id: forord\n    kind: forord\n", "kind: |forord",
     '"forord" is not one of introduction, responsibilities'),
    (H, 'place: "Helsingborg"', "place: 7", "place: |7",
     "expected a text, got an integer (7); write it in quotes if you mean the text"),
]
# fmt: on


def _edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def _where(text: str, marked: str) -> tuple[int, int]:
    """Line and column of the `|` in `marked`, a snippet that stands once in `text` without it."""
    snippet = marked.replace("|", "")
    assert text.count(snippet) == 1, f"{snippet!r} occurs {text.count(snippet)} times"
    offset = text.index(snippet) + marked.index("|")
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


@pytest.mark.parametrize(("plan", "old", "new", "value", "message"), CASES, ids=[c[4][:40] for c in CASES])
def test_wrong_value_is_located_and_explained(
    run_cli: RunCli, plans_copy: Path, plan: str, old: str, new: str, value: str, message: str
) -> None:
    path = plans_copy / plan
    text = _edit(path, old, new)
    result = run_cli("validate", str(path))
    assert result.exit_code == 1, result
    found = [m.groupdict() for m in map(ERROR_LINE.match, result.stdout.splitlines()) if m]
    assert [(int(e["line"]), int(e["col"]), e["code"]) for e in found] == [
        (*_where(text, value), "HBG010")
    ], result
    assert found[0]["text"].startswith(message), result.stdout


def test_several_errors_are_all_reported_in_line_order(run_cli: RunCli, plans_copy: Path) -> None:
    path = plans_copy / S
    edits = [  # (old, new, where the error points)
        ("level: regional", "level: lokal", "level: |lokal"),
        ("    number: 1\n", "    number: -1\n", "number: |-1"),
        ("source: {lines: [14, 21]}", "source: {lines: [0, 21]}", "{lines: [|0, 21]}"),
        (
            HEADING,
            HEADING.replace('heading: "Kortsiktiga mål och aktiviteter 2019"', 'heading: ""'),
            'heading: |""',
        ),
        (STATUS, STATUS.replace("status: not-done", "status: klar"), "status: |klar"),
        (ROWS_OLD, ROWS_OLD.replace("[205", '["205"'), 'values: [|"205", 186'),
    ]
    for old, new, _ in reversed(edits):  # edited bottom-up: the report must still come in line order
        text = _edit(path, old, new)
    expected = sorted(_where(text, marked) for _, _, marked in edits)
    result = run_cli("validate", str(path))
    assert result.exit_code == 1
    found = [m.groupdict() for m in map(ERROR_LINE.match, result.stdout.splitlines()) if m]
    assert [(int(e["line"]), int(e["col"])) for e in found] == expected
    assert (
        result.stdout.splitlines()[-1]
        == f"1 file(s) checked: {len(edits)} error(s), 0 warning(s) in 1 file(s)"
    )


def test_errors_beyond_the_per_file_limit_are_counted_not_shown(run_cli: RunCli, plans_copy: Path) -> None:
    path = plans_copy / S
    text = path.read_text(encoding="utf-8")
    count = text.count("{lines: [")
    assert count > 100
    path.write_text(text.replace("{lines: [", "{lines: [-"), encoding="utf-8")  # every range starts below 1
    result = run_cli("validate", str(path))
    found = [m.groupdict() for m in map(ERROR_LINE.match, result.stdout.splitlines()) if m]
    assert len(found) == 100
    assert all(e["text"].startswith("-") and "is less than the minimum 1" in e["text"] for e in found)
    lines = [int(e["line"]) for e in found]
    assert lines == sorted(lines)
    assert f"… {count - 100} more problems in this file not shown (limit 100)" in result.stdout
    assert f"1 file(s) checked: {count} error(s)" in result.stdout
