"""`hbg-plan import DOCUMENT --id PLAN-ID`: draft a plan YAML from its document."""

from __future__ import annotations

from pathlib import Path

import typer

from hbg_plan.analysis.importer.run import ImportError_, Request, run_import
from hbg_plan.cli.context import LANG_OPTION, PLANS_OPTION, Lang, fail_usage, load_settings, note
from hbg_plan.core.neutral import safe_output


def import_document(
    document: Path = typer.Argument(
        ..., metavar="FILE", help="The plan document: plain text (.txt), Word (.docx) or PDF (.pdf)."
    ),
    plan_id: str = typer.Option(..., "--id", metavar="ID", help="Id of the new plan, e.g. hbg-2026."),
    from_plan: str = typer.Option(
        None,
        "--from",
        "-F",
        metavar="PLAN",
        help="The previous version (file or id): carry its topic and goal ids over and set 'replaces'.",
    ),
    output: Path = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="The plan file to write (default: PLANS/PLAN-ID.yaml); never overwritten.",
    ),
    issued_by: list[str] = typer.Option(
        None,
        "--issued-by",
        metavar="PARTY",
        help="Party id of the issuer (default: the parties the title names).",
    ),
    add_parties: bool = typer.Option(
        False, "--add-parties", help="Append the organisations missing from parties.yaml to it."
    ),
    plans_dir: Path = PLANS_OPTION,
    lang: Lang = LANG_OPTION,
) -> None:
    """Draft a plan from its document, every text cut verbatim with its source lines.

    The draft follows docs/TRANSCRIBING.md and passes `hbg-plan validate` as written: line ranges,
    the source SHA-256, "Saknas." as {missing: saknas}, {missing: not-stated} where the document
    is silent, responsible parties only from an "Ansvarig(a) är …" line or a registry party that
    is the subject of the goal's own sentence. Where the importer is unsure it writes a `review`
    note on the nearest node and lists it at the end.

    A .docx or .pdf is first extracted to plain text under PLANS/sources/ (the provenance
    target), which the draft then points at.
    """

    settings = load_settings(lang)
    language = settings.lang
    request = Request(
        document=document,
        plan_id=plan_id,
        from_plan=from_plan,
        output=output,
        issued_by=list(issued_by or []),
        add_parties=add_parties,
        plans_dir=settings.plans_dir(plans_dir),
        lang=language,
    )
    try:
        result = run_import(request, progress=note)
    except ImportError_ as exc:
        raise fail_usage(exc.render(language)) from None
    for line in result.report:
        typer.echo(safe_output(line))  # the document's words: neutralised like every report


def register(app: typer.Typer) -> None:
    app.command("import")(import_document)
