"""`hbg-plan history TOPIC`: one topic through every plan in the plans folder, oldest first."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from hbg_plan.analysis.history import close_topics, topic_history
from hbg_plan.cli.context import (
    LANG_OPTION,
    OUTPUT_OPTION,
    PLANS_OPTION,
    Lang,
    format_option,
    load_error,
    load_settings,
    plan_folder,
    warn,
    write_report,
    write_text_report,
)
from hbg_plan.i18n import message
from hbg_plan.output import history_json, history_markdown, history_text
from hbg_plan.workspace import PlanLoadError, display_path, load_checked

HistoryFormat = enum.StrEnum("HistoryFormat", ["text", "json", "markdown"])


MAX_LISTED = 30


def history(
    topic: str = typer.Argument(
        ..., metavar="TOPIC", help="Topic id, e.g. sip, suicidprevention, narstaende."
    ),
    output_format: HistoryFormat = format_option(HistoryFormat.text),
    plans_dir: Path = PLANS_OPTION,
    lang: Lang = LANG_OPTION,
    output: Path = OUTPUT_OPTION,
) -> None:
    """Follow a topic through every plan that has it (by id, same_as or renamed_from), regional and local.

    The lineage is followed both ways, across renames, merges and splits (as `diff` pairs them);
    each version says what became of the topic in the next version of its plan (removed, merged …).
    Shows its goals, indicators and their status per version, and any follow-up texts.
    Exit 2 when no plan has the topic (close matches are listed) or a plan is invalid.
    """
    settings = load_settings(lang)
    language = settings.lang
    folder = plan_folder(settings, plans_dir)
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
        warn("\n".join(lines))
        raise typer.Exit(2)
    if output_format is HistoryFormat.json:
        write_report(history_json.render_json(result, language), output, language)
    elif output_format is HistoryFormat.markdown:
        write_report(history_markdown.render_markdown(result, language), output, language)
    else:
        write_text_report(output, lambda color: history_text.render_text(result, language, color), language)


def register(app: typer.Typer) -> None:
    app.command("history")(history)
