"""`hbg-plan history TOPIC`: one topic through every plan in the plans folder, oldest first."""

from __future__ import annotations

import enum
import sys
from pathlib import Path

import typer

from hbg_plan.commands.common import LANG_OPTION, OUTPUT_OPTION, Lang, resolve_lang, write_report
from hbg_plan.commands.diff import PLANS_DIR_OPTION


class HistoryFormat(enum.StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


MAX_LISTED = 30


def history(
    topic: str = typer.Argument(..., help="Topic id, e.g. sip, suicidprevention, narstaende."),
    output_format: HistoryFormat = typer.Option(HistoryFormat.text, "--format", "-f", help="Output format."),
    plans_dir: Path = PLANS_DIR_OPTION,
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
) -> None:
    """Follow a topic through every plan that has it (by id, same_as or renamed_from), regional and local.

    Shows its goals, indicators and their status per version, and any follow-up texts.
    Exit 2 when no plan has the topic (close matches are listed) or a plan is invalid.
    """
    from hbg_plan.commands.diff import load_error, plan_folder
    from hbg_plan.diff.history import close_topics, topic_history
    from hbg_plan.i18n import message
    from hbg_plan.resolve import PlanLoadError, display_path, load_checked

    language = resolve_lang(lang)
    folder = plan_folder(plans_dir)
    try:
        plans = [(load_checked(path, display_path(path)), display_path(path)) for path in folder.files()]
    except PlanLoadError as exc:
        raise load_error(exc, language) from None
    result = topic_history(plans, topic)
    if not result.versions:
        close, known = close_topics([p for p, _ in plans], topic)
        lines = [
            f"hbg-plan: {message('history.unknown_topic', language, folder=str(folder.path), topic=topic)}"
        ]
        if close:
            lines.append("  " + message("history.close_matches", language, matches=", ".join(close)))
        elif known:
            listed = ", ".join(known[:MAX_LISTED]) + (", …" if len(known) > MAX_LISTED else "")
            lines.append("  " + message("history.no_close_matches", language, matches=listed))
        sys.stderr.write("\n".join(lines) + "\n")
        raise typer.Exit(2)
    if output_format is HistoryFormat.json:
        from hbg_plan.report.history_json import render_json

        write_report(render_json(result, language), output, language)
    elif output_format is HistoryFormat.markdown:
        from hbg_plan.report.history_markdown import render_markdown

        write_report(render_markdown(result, language), output, language)
    else:
        from hbg_plan.report.history_text import render_text
        from hbg_plan.report.output import is_terminal

        color = output is None and is_terminal()
        text = render_text(result, language, color)
        if color:
            from rich.console import Console

            Console(highlight=False, soft_wrap=True).print(text, end="")
        else:
            write_report(text, output, language)


def register(app: typer.Typer) -> None:
    app.command("history")(history)
