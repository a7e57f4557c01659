"""Diff as text for the terminal: grouped by focus area and topic, coloured with rich markup when
`color` is set (a terminal), plain with +/-/~ markers when piped.

Goals whose indicators are still missing are listed among the changes; when nothing else changed
only the summary line (with their count) is shown, so identical plans read "No differences".
"""

from __future__ import annotations

from collections.abc import Sequence

from hbg_plan.analysis.diff.changes import Change, ChangeKind, ItemRef, PlanDiff
from hbg_plan.analysis.diff.words import Segment
from hbg_plan.i18n import message
from hbg_plan.output.records.diff import (
    capitalised,
    change_message,
    elide,
    grouped,
    match_note,
    plain_words,
    render_words,
    summary_line,
)

MARKERS: dict[ChangeKind, tuple[str, str]] = {
    ChangeKind.PLAN_PERIOD: ("~", "yellow"),
    ChangeKind.AREA_ADDED: ("+", "green"),
    ChangeKind.AREA_REMOVED: ("-", "red"),
    ChangeKind.AREA_RENAMED: ("~", "yellow"),
    ChangeKind.TOPIC_ADDED: ("+", "green"),
    ChangeKind.TOPIC_REMOVED: ("-", "red"),
    ChangeKind.TOPIC_RENAMED: ("~", "yellow"),
    ChangeKind.TOPIC_MOVED: (">", "cyan"),
    ChangeKind.TOPIC_MERGED: (">", "cyan"),
    ChangeKind.TOPIC_SPLIT: ("<", "cyan"),
    ChangeKind.GOAL_ADDED: ("+", "green"),
    ChangeKind.GOAL_REMOVED: ("-", "red"),
    ChangeKind.GOAL_REWORDED: ("~", "yellow"),
    ChangeKind.GOAL_MOVED: (">", "cyan"),
    ChangeKind.GOAL_RENAMED: ("~", "yellow"),
    ChangeKind.GOAL_PERIOD: ("~", "yellow"),
    ChangeKind.GOAL_EXTENDED: ("~", "yellow"),
    ChangeKind.GOAL_MERGED: (">", "cyan"),
    ChangeKind.GOAL_SPLIT: ("<", "cyan"),
    ChangeKind.GOAL_STATED: ("✓", "bold green"),
    ChangeKind.GOAL_SAKNAS: ("!", "bold red"),
    ChangeKind.INDICATOR_ADDED: ("+", "green"),
    ChangeKind.INDICATOR_REMOVED: ("-", "red"),
    ChangeKind.INDICATOR_REWORDED: ("~", "yellow"),
    ChangeKind.GAP_CLOSED: ("✓", "bold green"),
    ChangeKind.REGRESSION: ("!", "bold red"),
    ChangeKind.STILL_MISSING: ("·", "dim"),
    ChangeKind.RESPONSIBLE_ADDED: ("+", "green"),
    ChangeKind.RESPONSIBLE_REMOVED: ("-", "red"),
}


class _Out:
    def __init__(self, color: bool) -> None:
        self.color = color
        self.lines: list[str] = []

    def esc(self, text: str) -> str:
        if not self.color:
            return text
        from rich.markup import escape

        return escape(text)

    def styled(self, text: str, style: str) -> str:
        return f"[{style}]{self.esc(text)}[/]" if self.color else text


def _area_title(area: ItemRef | None, lang: str) -> str:
    if area is None:
        return message("diff.plan_level", lang)
    return f"{area.title} [{area.id}]"


def _words(segments: Sequence[Segment], out: _Out) -> str:
    shown = elide(segments)
    if not out.color:
        return plain_words(shown)
    return render_words(
        shown,
        lambda text: f"[red strike]{out.esc(text)}[/]",
        lambda text: f"[green underline]{out.esc(text)}[/]",
        out.esc,
    )


def _change_line(change: Change, diff: PlanDiff, lang: str, out: _Out, indent: str) -> list[str]:
    marker, style = MARKERS[change.kind]
    text = capitalised(change_message(change, lang, diff.party_names))
    ids = []
    if change.goal is not None:
        ids.append(change.goal.id)
    note = match_note(change, lang)
    if note and change.kind in (ChangeKind.GOAL_RENAMED, ChangeKind.TOPIC_RENAMED, ChangeKind.AREA_RENAMED):
        ids.append(note)
    if (
        change.kind is ChangeKind.TOPIC_RENAMED
        and change.topic
        and change.topic.old_id not in (None, change.topic.id)
    ):
        ids.append(message("diff.was_id", lang, id=change.topic.old_id))
    suffix = f" [{', '.join(ids)}]" if ids else ""
    where = f"  ({change.where})"
    lines = [f"{indent}{out.styled(marker + ' ' + text, style)}{out.esc(suffix)}{out.styled(where, 'dim')}"]
    if change.words:
        lines.append(f"{indent}    {_words(change.words, out)}")
    return lines


def render_diff(diff: PlanDiff, lang: str, out: _Out) -> None:
    heading = message("diff.heading", lang, old=diff.old.id, new=diff.new.id)
    out.lines.append(out.styled(heading, "bold"))
    out.lines.append(out.styled(f"  {diff.old.path} → {diff.new.path}", "dim"))
    for group in grouped(diff) if diff.differences else ():
        out.lines.append("")
        title = _area_title(group.area, lang)
        if group.removed:
            title = message("diff.removed_area_group", lang, title=title)
        out.lines.append(out.styled(title, "bold underline"))
        for topic_group in group.topics:
            indent = "  "
            topic = topic_group.topic
            starts_with_topic = topic_group.changes[0].kind in (
                ChangeKind.TOPIC_ADDED,
                ChangeKind.TOPIC_REMOVED,
            )
            if topic is not None and not starts_with_topic:
                out.lines.append(f"  {out.styled(f'{topic.title} [{topic.id}]', 'bold')}")
                indent = "    "
            for change in topic_group.changes:
                sub = indent
                if starts_with_topic and change.kind not in (
                    ChangeKind.TOPIC_ADDED,
                    ChangeKind.TOPIC_REMOVED,
                ):
                    sub = "    "
                if change.kind in (ChangeKind.TOPIC_ADDED, ChangeKind.TOPIC_REMOVED) and topic is not None:
                    marker, style = MARKERS[change.kind]
                    text = capitalised(change_message(change, lang, diff.party_names))
                    out.lines.append(
                        f"  {out.styled(f'{marker} {text}', style + ' bold')}{out.esc(f' [{topic.id}]')}"
                        f"{out.styled(f'  ({change.where})', 'dim')}"
                    )
                    continue
                out.lines.extend(_change_line(change, diff, lang, out, sub))
    out.lines.append("")
    summary = summary_line(diff, lang)
    out.lines.append(out.styled(summary, "bold red" if diff.regressions else "bold"))


def render_text(diffs: Sequence[PlanDiff], lang: str, color: bool) -> str:
    out = _Out(color)
    for n, diff in enumerate(diffs):
        if n:
            out.lines.append("")
        render_diff(diff, lang, out)
    return "\n".join(out.lines) + "\n"
