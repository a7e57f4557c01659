"""The section "Changes between versions": one article per compared pair, its changes grouped by
focus area and topic, word diffs marked with <del>/<ins>."""

from __future__ import annotations

from hbg_plan.analysis.diff.changes import Change, ChangeKind, PlanDiff
from hbg_plan.i18n import message
from hbg_plan.output.html.common import Context, anchor, esc
from hbg_plan.output.records.diff import (
    AreaGroup,
    capitalised,
    change_message,
    elide,
    grouped,
    label,
    match_note,
    render_words,
    summary_line,
)

CHANGE_CLASS = {
    ChangeKind.GAP_CLOSED: "good",
    ChangeKind.REGRESSION: "bad",
    ChangeKind.STILL_MISSING: "muted",
}
ADDED = {ChangeKind.AREA_ADDED, ChangeKind.TOPIC_ADDED, ChangeKind.GOAL_ADDED, ChangeKind.INDICATOR_ADDED,
         ChangeKind.RESPONSIBLE_ADDED}  # fmt: skip
REMOVED = {ChangeKind.AREA_REMOVED, ChangeKind.TOPIC_REMOVED, ChangeKind.GOAL_REMOVED,
           ChangeKind.INDICATOR_REMOVED, ChangeKind.RESPONSIBLE_REMOVED}  # fmt: skip
RENAMED = (ChangeKind.GOAL_RENAMED, ChangeKind.TOPIC_RENAMED, ChangeKind.AREA_RENAMED)
MARKERS = {"good": "✓", "bad": "!", "muted": "·", "added": "+", "removed": "−"}


def changes_section(diffs: list[PlanDiff], ctx: Context) -> str:
    return (
        f'<section id="changes" class="block"><h2>{ctx.t("html.changes")}</h2>'
        f'<p class="intro">{ctx.t("html.changes_intro")}</p>\n'
        + "".join(_diff(diff, ctx) for diff in diffs)
        + "</section>\n"
    )


def _diff(diff: PlanDiff, ctx: Context) -> str:
    heading = message("diff.heading", ctx.lang, old=diff.old.id, new=diff.new.id)
    chips = "".join(
        f'<span class="chip {change_class(kind)}">{esc(label(kind, ctx.lang))} <b>{count}</b></span>'
        for kind, count in diff.counts().items()
    )
    summary_class = "bad" if diff.regressions else ""
    groups = grouped(diff) if diff.differences else ()
    return (
        f'<article class="diff" id="{anchor("diff", diff.old.id, diff.new.id)}"><h3>{esc(heading)}</h3>'
        f'<p class="files">{esc(diff.old.path)} → {esc(diff.new.path)}</p>'
        f'<p class="diff-summary {summary_class}">{esc(summary_line(diff, ctx.lang))}</p>'
        f'<div class="chips">{chips}</div>\n'
        + "".join(_group(group, diff, ctx) for group in groups)
        + "</article>\n"
    )


def _group(group: AreaGroup, diff: PlanDiff, ctx: Context) -> str:
    if group.area is None:
        title = esc(message("diff.plan_level", ctx.lang))
    else:
        title = f"{esc(group.area.title or '')} <code>{esc(group.area.id)}</code>"
        if group.removed:
            title = ctx.t("diff.removed_area_group", title=group.area.title or group.area.id)
    count = sum(len(t.changes) for t in group.topics)
    parts = [
        f'<details class="diff-group"><summary><span class="group-title">{title}</span>'
        f' <span class="count">{count}</span></summary>'
    ]
    for topic_group in group.topics:
        if topic_group.topic is not None:
            topic = topic_group.topic
            parts.append(f"<h4>{esc(topic.title or '')} <code>{esc(topic.id)}</code></h4>")
        parts.append('<ul class="changes">')
        parts += [_change(change, diff, ctx) for change in topic_group.changes]
        parts.append("</ul>")
    parts.append("</details>\n")
    return "".join(parts)


def _change(change: Change, diff: PlanDiff, ctx: Context) -> str:
    text = capitalised(change_message(change, ctx.lang, diff.party_names, limit=240))
    tags = []
    if change.goal is not None:
        tags.append(f"<code>{esc(change.goal.id)}</code>")
    note = match_note(change, ctx.lang)
    if note and change.kind in RENAMED:
        tags.append(f'<span class="muted">{esc(note)}</span>')
    words = ""
    if change.words:
        marked = render_words(
            elide(change.words), lambda t: f"<del>{esc(t)}</del>", lambda t: f"<ins>{esc(t)}</ins>", esc
        )
        words = f'<p class="words">{marked}</p>'
    kind = change_class(change.kind)
    return (
        f'<li class="change {kind}"><span class="marker" aria-hidden="true">'
        f"{MARKERS.get(kind, '~')}</span>{esc(text)} {' '.join(tags)}{words}</li>"
    )


def change_class(kind: ChangeKind) -> str:
    if kind in CHANGE_CLASS:
        return CHANGE_CLASS[kind]
    if kind in ADDED:
        return "added"
    if kind in REMOVED:
        return "removed"
    return "changed"
