"""Diff as GitHub Actions workflow commands: one annotation per change at the new file's line.

Plan text is echoed into the messages, so both the message and the properties are escaped the
way the Actions runner expects (`%`, CR, LF; and `:` `,` in properties). 'still missing' is a
status, not a change, and is left out: it would drown the changes in the limited annotation slots.
"""

from __future__ import annotations

from collections.abc import Sequence

from hbg_plan.diff.changes import Change, ChangeKind, PlanDiff
from hbg_plan.i18n import message
from hbg_plan.report.diff_common import capitalised, change_message, elide, label, plain_words, summary_line


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(change: Change, diff: PlanDiff, lang: str) -> str:
    level = "warning" if change.kind is ChangeKind.REGRESSION else "notice"
    subject = change.goal.id if change.goal else change.topic.id if change.topic else diff.new.id
    text = f"{subject}: {capitalised(change_message(change, lang, diff.party_names))}"
    if change.words:
        text += "\n" + plain_words(elide(change.words))
    where = change.where
    properties = [f"file={escape_property(where.file)}"]
    if where.line:
        properties.append(f"line={where.line}")
    if where.column:
        properties.append(f"col={where.column}")
    title = message("diff.annotation_title", lang, label=label(change.kind, lang))
    properties.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(properties)}::{escape_data(text)}"


def render_github(diffs: Sequence[PlanDiff], lang: str) -> str:
    lines: list[str] = []
    for diff in diffs:
        lines += [annotation(c, diff, lang) for c in diff.changes if c.kind.is_difference]
        heading = message("diff.heading", lang, old=diff.old.id, new=diff.new.id)
        lines.append(f"{heading}: {summary_line(diff, lang)}")
    return "\n".join(lines) + "\n"
