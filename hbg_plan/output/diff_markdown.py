"""Diff as Markdown: a revision memo to paste into the meeting's document or a pull request."""

from __future__ import annotations

from collections.abc import Sequence

from hbg_plan.analysis.diff.changes import Change, ChangeKind, PlanDiff
from hbg_plan.i18n import message
from hbg_plan.output.records.diff import (
    capitalised,
    change_message,
    grouped,
    label,
    match_note,
    render_words,
    summary_line,
)
from hbg_plan.output.writers.markdown import md_escape as md


def _words(change: Change) -> str:
    return render_words(change.words, lambda text: f"~~{md(text)}~~", lambda text: f"**{md(text)}**", md)


def _item(change: Change, diff: PlanDiff, lang: str) -> list[str]:
    text = md(capitalised(change_message(change, lang, diff.party_names, limit=None)))
    if change.kind is ChangeKind.REGRESSION:
        text = f"**{text}**"
    tags = []
    if change.goal is not None:
        tags.append(f"`{change.goal.id}`")
    note = match_note(change, lang)
    if note and change.kind in (ChangeKind.GOAL_RENAMED, ChangeKind.TOPIC_RENAMED, ChangeKind.AREA_RENAMED):
        tags.append(md(note))
    line = f"- {text}" + (f" ({', '.join(tags)})" if tags else "")
    lines = [line]
    if change.words:
        lines.append(f"  > {_words(change)}")
    return lines


def render_diff(diff: PlanDiff, lang: str) -> list[str]:
    lines = [f"# {md(message('diff.memo_title', lang, old=diff.old.id, new=diff.new.id))}", ""]
    lines.append(
        md(
            message(
                "diff.memo_plans", lang,
                old_title=diff.old.title, old_period=diff.old.period_text, old_path=diff.old.path,
                new_title=diff.new.title, new_period=diff.new.period_text, new_path=diff.new.path,
            )
        )
    )  # fmt: skip
    lines += ["", f"## {message('diff.summary_table', lang)}", ""]
    counts = diff.counts()
    if diff.differences:
        lines += [
            f"| {message('diff.column_change', lang)} | {message('diff.column_count', lang)} |",
            "| --- | ---: |",
        ]
        lines += [f"| {label(kind, lang)} | {count} |" for kind, count in counts.items()]
        lines.append("")
    lines += [f"**{md(summary_line(diff, lang))}**", ""]
    for group in grouped(diff) if diff.differences else ():
        if group.area is None:
            title = message("diff.plan_level", lang)
        else:
            title = f"{group.area.title} (`{group.area.id}`)"
            if group.removed:
                title = message("diff.removed_area_group", lang, title=title)
        lines += [f"## {title}", ""]
        for topic_group in group.topics:
            if topic_group.topic is not None:
                lines += [f"### {md(topic_group.topic.title or '')} (`{topic_group.topic.id}`)", ""]
            for change in topic_group.changes:
                lines += _item(change, diff, lang)
            lines.append("")
    return lines


def render_markdown(diffs: Sequence[PlanDiff], lang: str) -> str:
    lines: list[str] = []
    for diff in diffs:
        lines += render_diff(diff, lang)
    return "\n".join(lines).rstrip("\n") + "\n"
