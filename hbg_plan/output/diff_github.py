"""Diff as GitHub Actions workflow commands: one annotation per change at the new file's line.

Plan text is echoed into the messages, so they are escaped the way the Actions runner expects
(see report/github.py). 'still missing' is a status, not a change, and is left out: it would
drown the changes in the limited annotation slots.
"""

from __future__ import annotations

from collections.abc import Sequence

from hbg_plan.analysis.diff.changes import Change, ChangeKind, PlanDiff
from hbg_plan.i18n import message
from hbg_plan.output.diff_ci import change_text, rule_id
from hbg_plan.output.records.diff import summary_line
from hbg_plan.output.writers import github


def annotation(change: Change, diff: PlanDiff, lang: str) -> str:
    return github.annotation(
        "warning" if change.kind is ChangeKind.REGRESSION else "notice",
        change_text(change, diff, lang),
        file=change.where.file,
        line=change.where.line,
        col=change.where.column,
        title=f"{rule_id(change.kind)} {change.kind.value}",  # CODE rule-name, as in validate and gaps
    )


def render_github(diffs: Sequence[PlanDiff], lang: str, all_changes: bool = False) -> str:
    """Annotations for the regressions (every change with `all_changes`), then a summary per pair.

    A plan revision changes hundreds of goals; GitHub shows about ten annotations of a kind, so
    by default only what can fail a gate (regressions) is annotated.
    """
    lines: list[str] = []
    for diff in diffs:
        lines += [
            annotation(c, diff, lang)
            for c in diff.changes
            if c.kind.is_difference and (all_changes or c.kind is ChangeKind.REGRESSION)
        ]
        heading = message("diff.heading", lang, old=diff.old.id, new=diff.new.id)
        lines.append(f"{heading}: {summary_line(diff, lang)}")
    return "\n".join(lines) + "\n"
