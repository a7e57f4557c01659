"""The plan report (`hbg-plan report`) as one self-contained HTML page for the revision meeting.

Everything is inline: CSS, the coverage chart as SVG, and a few lines of script that open
collapsed source text when a link points into it (and before printing). A Content-Security-Policy
forbids every network request, so the page works offline and cannot leak that it was opened.
Plan text is always passed through `html.escape`; it is shown verbatim and never as markup.

The page is put together here from one function per section: `overview` (overview.py), the
coverage chart (chart.py), the changes between versions (changes.py), and one section per plan
(structure.py, each goal in goal.py); common.py holds the pieces they share.
"""

from __future__ import annotations

from hbg_plan.i18n import message
from hbg_plan.output.html.assets import CSP, CSS, ERROR_SCRIPT, NAV_SCRIPT
from hbg_plan.output.html.changes import changes_section
from hbg_plan.output.html.common import Context, anchor, esc
from hbg_plan.output.html.overview import coverage, overview
from hbg_plan.output.html.report import HtmlReport, PlanPage
from hbg_plan.output.html.structure import plan_section

__all__ = ["HtmlReport", "PlanPage", "render_html"]


def render_html(report: HtmlReport, lang: str) -> str:
    """The whole report as one HTML document."""
    ctx = Context(lang, report.party_names)
    title = message("html.title", lang, plans=" → ".join(p.plan.id for p in report.pages))
    return "".join(
        [
            _head(title, report, lang),
            '<pre id="js-errors" class="js-errors" hidden></pre>\n',
            _header(title, report, ctx),
            _toc(report, ctx),
            "<main>\n",
            overview(report, ctx),
            coverage(report, ctx),
            changes_section(report.diffs, ctx) if report.diffs else "",
            *(plan_section(page, ctx) for page in report.pages),
            "</main>\n",
            f'<footer class="page-footer">{ctx.t("html.footer", version=report.version)}</footer>\n',
            f"<script>{NAV_SCRIPT}</script>\n</body>\n</html>\n",
        ]
    )


def _head(title: str, report: HtmlReport, lang: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="generator" content="hbg-plan {esc(report.version)}">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n<script>{ERROR_SCRIPT}</script>\n"
        "</head>\n<body>\n"
    )


def _header(title: str, report: HtmlReport, ctx: Context) -> str:
    pages = report.pages
    lead = esc(pages[0].plan.title) if len(pages) == 1 else ctx.t("html.lineage_lead", count=len(pages))
    files = ", ".join(p.display for p in pages)
    return (
        f'<header class="page-header"><div class="wrap"><p class="kicker">{ctx.t("html.kicker")}</p>'
        f'<h1>{esc(title)}</h1><p class="lead">{lead}</p>'
        f'<p class="files">{ctx.t("html.generated", version=report.version, files=files)}</p>'
        "</div></header>\n"
    )


def _toc(report: HtmlReport, ctx: Context) -> str:
    links = [
        f'<a href="#overview">{ctx.t("html.overview")}</a>',
        f'<a href="#coverage">{ctx.t("html.coverage")}</a>',
    ]
    if report.diffs:
        links.append(f'<a href="#changes">{ctx.t("html.changes")}</a>')
    links += [f'<a href="#{anchor("plan", p.plan.id)}">{esc(p.plan.id)}</a>' for p in report.pages]
    return (
        f'<nav class="toc" aria-label="{ctx.t("html.contents")}"><div class="wrap">'
        + "".join(links)
        + "</div></nav>\n"
    )
