"""Diff for CI: SARIF 2.1.0 for code scanning and JUnit XML for test dashboards.

Both show the changes where `diff --format github` annotates them: at their line in the newer
plan file, with the same message. 'Still missing' is a status, not a change, and is left out as
there. Regressions are what CI should stop on: SARIF level "error" (other changes "note", the
level SARIF gives to what merely deserves a look), and JUnit failures. With `--fail-on any` or
`--exit-code` every change fails the JUnit case; changes that do not fail it are listed in its
system-out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from hbg_plan.analysis.diff.changes import Change, ChangeKind, PlanDiff
from hbg_plan.i18n import message
from hbg_plan.output.records.diff import capitalised, change_message, elide, label, plain_words, summary_line
from hbg_plan.output.writers import sarif
from hbg_plan.output.writers.junit import JUnitCase, JUnitProblem, junit_xml

RULE_PREFIX = "hbg-plan/diff/"
JUNIT_CLASSNAME = "hbg-plan.diff"


def rule_id(kind: ChangeKind) -> str:
    return RULE_PREFIX + kind.value


def level(kind: ChangeKind) -> str:
    return "error" if kind is ChangeKind.REGRESSION else "note"


def subject(change: Change, diff: PlanDiff) -> str:
    return change.goal.id if change.goal else change.topic.id if change.topic else diff.new.id


def change_text(change: Change, diff: PlanDiff, lang: str) -> str:
    """The message `diff --format github` annotates the change with (word diff on the next line)."""
    text = f"{subject(change, diff)}: {capitalised(change_message(change, lang, diff.party_names))}"
    if change.words:
        text += "\n" + plain_words(elide(change.words))
    return text


def _fingerprint(change: Change, diff: PlanDiff) -> str:
    """Stable across runs, distinct for two changes of one kind to one goal (two indicators added)."""
    values = "\x1f".join((change.kind.value, subject(change, diff), change.old or "", change.new or ""))
    digest = hashlib.sha256(values.encode("utf-8")).hexdigest()[:16]
    return f"{diff.old.id}/{diff.new.id}/{subject(change, diff)}/{change.kind.value}/{digest}"


def _rules(lang: str) -> list[sarif.SarifRule]:
    return [
        sarif.SarifRule(
            id=rule_id(kind),
            name=kind.value,
            short_description=label(kind, lang),
            full_description=message("diff.ci.rule_description", lang, label=label(kind, lang)),
            help_text=message("diff.ci.rule_description", lang, label=label(kind, lang)),
            level=level(kind),
            properties={"tags": ["hbg-plan", "diff"]},
        )
        for kind in ChangeKind
        if kind.is_difference
    ]


def _result(change: Change, diff: PlanDiff, lang: str) -> sarif.SarifResult:
    where = change.where
    name = f"{diff.new.id}/{subject(change, diff)}"
    related = []
    if change.old_where is not None:
        old = change.old_where
        related.append(
            sarif.SarifLocation(
                old.file, old.line, old.column, message=message("diff.ci.previous", lang, plan=diff.old.id)
            )
        )
    return sarif.SarifResult(
        rule_id=rule_id(change.kind),
        level=level(change.kind),
        message=change_text(change, diff, lang),
        locations=[sarif.SarifLocation(where.file, where.line, where.column, name=name, kind="object")],
        related=related,
        properties={
            "oldPlan": diff.old.id,
            "newPlan": diff.new.id,
            "focusArea": change.area.id if change.area else None,
            "topic": change.topic.id if change.topic else None,
            "goal": change.goal.id if change.goal else None,
        },
        fingerprints={"hbgPlanChange/v1": _fingerprint(change, diff)},
    )


def render_sarif(diffs: Sequence[PlanDiff], lang: str) -> str:
    """SARIF 2.1.0: a rule per change kind, a result per change at its line in the newer file."""
    results = [_result(c, diff, lang) for diff in diffs for c in diff.changes if c.kind.is_difference]
    return sarif.render_log(sarif.build_log(_rules(lang), results, language=lang))


def _line(change: Change, diff: PlanDiff, lang: str) -> str:
    """`file:line:col RULE subject: message`, on one line."""
    first = change_text(change, diff, lang).split("\n", 1)[0]
    return f"{change.where} {rule_id(change.kind)} {first}"


def _failure(change: Change, diff: PlanDiff, lang: str) -> JUnitProblem:
    body = [f"{change.where}: {label(change.kind, lang)}", change_text(change, diff, lang)]
    if change.old_where is not None:
        body.append(f"{message('diff.ci.previous', lang, plan=diff.old.id)}: {change.old_where}")
    return ("failure", rule_id(change.kind), _line(change, diff, lang), "\n".join(body))


def render_junit(diffs: Sequence[PlanDiff], lang: str, fail_on_any: bool = False) -> str:
    """A test case per regression (per change with `fail_on_any`); a pair without one passes."""

    def fails(change: Change) -> bool:
        return fail_on_any or change.kind is ChangeKind.REGRESSION

    cases = []
    for diff in diffs:
        failing = [c for c in diff.differences if fails(c)]
        others = [_line(c, diff, lang) for c in diff.differences if not fails(c)]
        name = message("diff.heading", lang, old=diff.old.id, new=diff.new.id)
        out = "\n".join([*others, f"{name}: {summary_line(diff, lang)}"])
        problems = [_failure(c, diff, lang) for c in failing]
        cases.append(JUnitCase(JUNIT_CLASSNAME, name, problems, system_out=out, file=diff.new.path))
    return junit_xml(JUNIT_CLASSNAME, cases)
