"""Topic history as Markdown, for a revision memo."""

from __future__ import annotations

from hbg_plan.analysis.history import TopicHistory
from hbg_plan.i18n import message
from hbg_plan.output.records.history import (
    follow_up_label,
    goal_heading,
    next_lines,
    parties,
    status_label,
    status_table,
    version_line,
)
from hbg_plan.output.writers.markdown import md_escape as md


def render_markdown(history: TopicHistory, lang: str) -> str:
    lines = [f"# {md(message('history.title', lang, topic=history.topic, count=history.plan_count))}", ""]
    header, rows = status_table(history, lang)
    lines += [f"## {message('history.status_table', lang)}", ""]
    lines.append("| " + " | ".join(md(c) for c in header) + " |")
    lines.append("|" + " --- |" * len(header))
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    for version in history.versions:
        lines += ["", f"## {md(version_line(version, lang))}", "", f"`{version.where}`", ""]
        lines += [f"*{md(line)}*\n" for line in next_lines(version, lang)]
        if not version.goals:
            lines.append(message("history.no_goals", lang))
        for goal in version.goals:
            status = status_label(goal.status, len(goal.indicators), lang)
            lines += [f"### {md(goal_heading(goal.id, goal.horizon, goal.period, lang))}", ""]
            lines += [md(text) + "\n" for text in goal.texts or (message("history.goal_saknas", lang),)]
            lines.append(f"**{md(message('history.indicators', lang, status=status))}**")
            lines.append("")
            lines += [f"- {md(text)}" for text in goal.indicators]
            if goal.indicators:
                lines.append("")
            responsible = parties(goal.responsible, history.party_names, lang)
            lines += [md(message("history.responsible", lang, parties=responsible)), ""]
            for follow in goal.follow_up:
                lines += [f"- *{md(follow_up_label(follow.year, follow.status, lang))}:* {md(follow.text)}"]
            if goal.follow_up:
                lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
