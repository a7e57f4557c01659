"""Every message renders in both languages with counts 0, 1 and 2, in the words a reader expects.

Counted messages are declared as `ID.one` / `ID.many` and picked by the count. The prose of the
meeting documents (diff, gaps, summary, history, brief) hedges no plural with "(s)" or "(er)" and
names no YAML field.
"""

from __future__ import annotations

import re
import string
from typing import Any

import pytest

from hbg_plan.i18n import LANGUAGES, catalog, message

HEDGE = re.compile(r"\w\((?:s|er|ar|or|n|y/ies)\)")
YAML_FIELDS = (
    "renamed_from",
    "same_as",
    "indicators_missing",
    "responsible_missing",
    "focus_areas",
    "based_on",
)
PROSE = ("diff.msg.", "diff.match.", "diff.summary", "gaps.HBG", "gaps.totals", "gaps.plan_totals", "brief.",
         "summary.", "history.title")  # fmt: skip


def _fields(template: str) -> dict[str, str]:
    return {name: spec or "" for _, name, spec, _ in string.Formatter().parse(template) if name}


def _base_ids() -> list[str]:
    """Every id a caller passes to message(): plural pairs under their common id."""
    return sorted({re.sub(r"\.(one|many)$", "", i) for i in catalog()})


def _args(message_id: str, count: int) -> dict[str, Any]:
    entry = catalog().get(message_id) or catalog()[f"{message_id}.many"]
    args: dict[str, Any] = {}
    for lang in LANGUAGES:
        for name, spec in _fields(entry[lang]).items():
            args[name] = count if name == "count" or spec.endswith(("x", "d")) else f"<{name}>"
    return args


@pytest.mark.parametrize("count", [0, 1, 2])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_renders_with_counts_0_1_2(lang: str, count: int) -> None:
    problems = []
    for message_id in _base_ids():
        text = message(message_id, lang, **_args(message_id, count))
        if text.startswith(message_id):
            problems.append(f"{message_id}: not found")
        if message_id.startswith(PROSE) and HEDGE.search(text):
            problems.append(f"{message_id}: hedged plural in {text!r}")
        if message_id.startswith(PROSE) and any(f in text for f in YAML_FIELDS):
            problems.append(f"{message_id}: YAML field name in {text!r}")
    assert problems == []


def test_plural_pairs_are_complete_and_differ_where_the_language_inflects() -> None:
    ids = catalog()
    for message_id in ids:
        if message_id.endswith(".one"):
            base = message_id[: -len(".one")]
            assert f"{base}.many" in ids, base
            assert base not in ids, f"{base} is declared both plain and counted"
            for lang in LANGUAGES:
                assert "{count}" in ids[message_id][lang] or "count" in _fields(ids[message_id][lang]), base
    assert {i for i in ids if i.endswith(".many")} == {
        i[: -len(".one")] + ".many" for i in ids if i.endswith(".one")
    }


@pytest.mark.parametrize(
    ("message_id", "args", "sv", "en"),
    [
        ("diff.msg.regression", {"count": 1, "new": "”Saknas”"}, "försämring: 1 indikator angavs, nu ”Saknas”",
         "regression: 1 indicator was stated, now ”Saknas”"),
        ("diff.msg.regression", {"count": 2, "new": "x"}, "försämring: 2 indikatorer angavs, nu x",
         "regression: 2 indicators were stated, now x"),
        ("diff.msg.gap-closed", {"count": 1, "old": "”Saknas”"},
         "åtgärdad: indikator saknades (”Saknas”), nu anges 1 indikator",
         "gap closed: the indicator was missing (”Saknas”), now 1 indicator is stated"),
        ("history.title", {"count": 1, "topic": "sip"}, "Historik för delområdet sip: 1 plan",
         "History of topic sip: 1 plan"),
        ("history.title", {"count": 3, "topic": "sip"}, "Historik för delområdet sip: 3 planer",
         "History of topic sip: 3 plans"),
        ("gaps.HBG103", {}, "saknar ansvarig", "no responsible party named"),
        ("brief.group.regression", {"count": 2}, "Försämringar (2)", "Regressions (2)"),
        ("brief.group.regression", {"count": 1}, "Försämring (1)", "Regression (1)"),
    ],
)  # fmt: skip
def test_counted_wording(message_id: str, args: dict[str, Any], sv: str, en: str) -> None:
    assert message(message_id, "sv", **args) == sv
    assert message(message_id, "en", **args) == en


def test_gap_totals_agree_with_their_counts(run_cli: Any) -> None:
    import json

    from tests.conftest import PLANS

    counted = json.loads(run_cli("gaps", "hbg-2023", "--plans", str(PLANS), "--format", "json").stdout)
    total = counted["summary"]["findings"]
    assert total > 1
    result = run_cli("gaps", "hbg-2023", "--plans", str(PLANS), "--lang", "sv", "--statistics")
    assert result.stdout.splitlines()[-1].startswith(f"{total} fynd i 1 plan: ")
    assert "plan(er)" not in result.stdout and " fel," not in result.stdout
