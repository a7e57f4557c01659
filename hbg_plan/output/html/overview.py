"""The report's first two sections: the overview table (one row per plan) and the coverage chart."""

from __future__ import annotations

from hbg_plan.core.problem import Severity
from hbg_plan.output.html.chart import STATUS_COLORS, STATUSES, coverage_svg
from hbg_plan.output.html.common import Context, anchor, esc, period_text
from hbg_plan.output.html.report import HtmlReport, PlanPage
from hbg_plan.output.summary import share_text


def overview(report: HtmlReport, ctx: Context) -> str:
    heads = [
        ctx.t("gaps.col.plan"),
        ctx.t("html.col.period"),
        *(ctx.t(f"summary.col.{c}") for c in ("goals", *STATUSES)),
        ctx.t("summary.col.share"),
        ctx.t("html.col.errors"),
        ctx.t("html.col.warnings"),
        ctx.t("html.col.infos"),
    ]
    rows = [_overview_row(page, ctx) for page in report.pages]
    note = ctx.t("summary.note.measurable")
    if report.suppressed:
        note += " " + ctx.t("html.suppressed", count=report.suppressed)
    return (
        f'<section id="overview" class="block"><h2>{ctx.t("html.overview")}</h2>'
        '<div class="table-scroll"><table class="overview"><thead><tr>'
        + "".join(f'<th scope="col">{h}</th>' for h in heads)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + f'</tbody></table></div><p class="note">{note}</p></section>\n'
    )


def _overview_row(page: PlanPage, ctx: Context) -> str:
    plan, total = page.plan, page.total
    counts = {s: sum(f.severity is s for f in page.findings) for s in Severity}
    cells = [
        f'<th scope="row"><a href="#{anchor("plan", plan.id)}">{esc(plan.id)}</a>'
        f'<span class="sub">{esc(plan.title)}</span></th>',
        f"<td>{esc(period_text(plan.period))}</td>",
        *(f'<td class="num">{getattr(total, c)}</td>' for c in ("goals", *STATUSES)),
        f'<td class="num strong">{esc(share_text(total, ctx.lang))}</td>',
        *(
            f'<td class="num{" hot-" + s.label if counts[s] else ""}">{counts[s]}</td>'
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        ),
    ]
    return "<tr>" + "".join(cells) + "</tr>"


def coverage(report: HtmlReport, ctx: Context) -> str:
    legend = "".join(
        f'<span class="key"><span class="swatch" style="background:{STATUS_COLORS[s]}"></span>'
        f"{ctx.t(f'summary.col.{s}')}</span>"
        for s in STATUSES
    )
    return (
        f'<section id="coverage" class="block"><h2>{ctx.t("html.coverage")}</h2>'
        f'<p class="intro">{ctx.t("html.coverage_intro")}</p>'
        f'<div class="legend">{legend}</div>{coverage_svg(report.pages, ctx.lang)}</section>\n'
    )
