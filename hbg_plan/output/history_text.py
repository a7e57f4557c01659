"""Topic history as text: a status table, then each version's goals, indicators and follow-up."""

from __future__ import annotations

from hbg_plan.analysis.history import TopicHistory
from hbg_plan.i18n import message
from hbg_plan.output.records import history as record


def render_text(history: TopicHistory, lang: str, color: bool) -> str:
    def esc(text: str) -> str:
        if not color:
            return text
        from rich.markup import escape

        return escape(text)

    def styled(text: str, style: str) -> str:
        return f"[{style}]{esc(text)}[/]" if color else text

    lines = [
        styled(message("history.title", lang, topic=history.topic, count=history.plan_count), "bold"),
        "",
    ]
    header, rows = record.status_table(history, lang)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines.append(styled(message("history.status_table", lang), "bold underline"))
    for n, row in enumerate([header, *rows]):
        cells = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
        lines.append("  " + (styled(cells, "bold") if n == 0 else esc(cells)))
    for version in history.versions:
        lines += [
            "",
            styled(record.version_line(version, lang), "bold") + styled(f"  ({version.where})", "dim"),
        ]
        lines += ["  " + styled(line, "magenta") for line in record.next_lines(version, lang)]
        if not version.goals:
            lines.append("  " + message("history.no_goals", lang))
        for goal in version.goals:
            status = record.status_label(goal.status, len(goal.indicators), lang)
            lines.append(
                "  " + styled(record.goal_heading(goal.id, goal.horizon, goal.period, lang), "cyan")
                + esc(" — " + message("history.indicators", lang, status=status))
                + styled(f"  ({goal.where})", "dim")
            )  # fmt: skip
            lines += [f"    {esc(text)}" for text in goal.texts or (message("history.goal_saknas", lang),)]
            lines += [f"    {styled('• ' + text, 'green')}" for text in goal.indicators]
            lines.append("    " + esc(message("history.responsible", lang,
                                                parties=record.parties(goal.responsible, history.party_names, lang))))  # fmt: skip
            for follow in goal.follow_up:
                lines.append(f"    {styled(record.follow_up_label(follow.year, follow.status, lang) + ':', 'yellow')} "
                             f"{esc(follow.text)}")  # fmt: skip
    return "\n".join(lines) + "\n"
