"""One plan's section of the report: its header, plan-level findings, and its focus areas with
their topics (descriptions, details, tables) and goals, findings shown where they apply."""

from __future__ import annotations

from hbg_plan.core.problem import Severity
from hbg_plan.gaps.engine import Finding
from hbg_plan.model.plan import FocusArea, Table, Topic
from hbg_plan.output.html.common import Context, PlanState, anchor, area_title, descriptions, esc, period_text
from hbg_plan.output.html.goal import goal_article
from hbg_plan.output.html.report import PlanPage
from hbg_plan.output.summary import share_text


def plan_section(page: PlanPage, ctx: Context) -> str:
    plan = page.plan
    by_goal: dict[str, list[Finding]] = {}
    by_topic: dict[str, list[Finding]] = {}
    loose: list[Finding] = []
    for finding in page.findings:
        if finding.goal_id and plan.goal(finding.goal_id) is not None:
            by_goal.setdefault(finding.goal_id, []).append(finding)
        elif finding.topic_id and finding.goal_id is None and plan.topic(finding.topic_id) is not None:
            by_topic.setdefault(finding.topic_id, []).append(finding)
        else:
            loose.append(finding)
    state = PlanState(page, by_goal, by_topic)
    parts = [_plan_header(page, ctx)]
    if page.source is None:
        parts.append(
            f'<p class="warning-note">{ctx.t("html.source_missing", file=plan.data_source_name)}</p>'
        )
    if loose:
        parts.append(
            f'<div class="plan-findings" id="{anchor("plan-findings", plan.id)}">'
            f"<h3>{ctx.t('html.plan_findings')}</h3>"
            f"{ctx.finding_items(loose, with_subject=True)}</div>\n"
        )
    areas_nav = "".join(
        f'<li><a href="#{anchor("area", plan.id, a.id)}">{esc(area_title(a))}</a>'
        f' <span class="count">{_area_gaps(a, state)}</span></li>'
        for a in plan.focus_areas
    )
    parts.append(
        f'<nav class="area-nav"><h3>{ctx.t("html.focus_areas")}</h3><ol class="plain">{areas_nav}</ol></nav>\n'
    )
    parts += [_area(area, state, ctx) for area in plan.focus_areas]
    parts.append("</section>\n")
    return "".join(parts)


def _plan_header(page: PlanPage, ctx: Context) -> str:
    plan = page.plan
    meta = [esc(plan.id), esc(period_text(plan.period)), esc(page.display)]
    if plan.replaces:
        meta.append(ctx.t("html.replaces", plan=plan.replaces))
    totals = ctx.t(
        "gaps.plan_totals",
        findings=len(page.findings),
        errors=sum(f.severity is Severity.ERROR for f in page.findings),
        warnings=sum(f.severity is Severity.WARNING for f in page.findings),
        infos=sum(f.severity is Severity.INFO for f in page.findings),
    )
    return (
        f'<section class="plan" id="{anchor("plan", plan.id)}"><header class="plan-header">'
        f'<p class="kicker">{ctx.t("html.structure")}</p><h2>{esc(plan.title)}</h2>'
        f'<p class="meta">{" · ".join(meta)}</p><p class="totals">{totals}</p></header>\n'
    )


def _area(area: FocusArea, state: PlanState, ctx: Context) -> str:
    plan = state.page.plan
    row = next((r for r in state.page.coverage if r.key == area.id), None)
    facts = ""
    if row is not None:
        facts = ctx.t(
            "html.area_facts",
            topics=len(area.topics),
            goals=row.goals,
            share=share_text(row, ctx.lang),
            gaps=_area_gaps(area, state),
        )
    return (
        f'<section class="area" id="{anchor("area", plan.id, area.id)}">'
        f'<h3><span class="plan-tag">{esc(plan.id)}</span> {esc(area_title(area))}</h3>'
        f'<p class="facts">{facts}</p>'
        + "".join(descriptions(area.description))
        + "".join(_topic(topic, state, ctx) for topic in area.topics)
        + "</section>\n"
    )


def _topic(topic: Topic, state: PlanState, ctx: Context) -> str:
    plan = state.page.plan
    findings = state.by_topic.get(topic.id, [])
    classes = "topic gap" if findings else "topic"
    parts = [
        f'<section class="{classes}" id="{anchor("topic", plan.id, topic.id)}">'
        f'<h4>{esc(topic.title)} <code class="id">{esc(topic.id)}</code></h4>',
        ctx.finding_items(findings),
        *descriptions(topic.description),
    ]
    if topic.details:
        items = "".join(
            f"<dt>{ctx.t(f'html.detail.{key}')}</dt>" + "".join(f"<dd>{esc(text)}</dd>" for text in texts)
            for key, texts in topic.details.items()
        )
        parts.append(f'<dl class="details">{items}</dl>')
    parts += [_table(table) for table in topic.tables]
    parts += [goal_article(goal, state, ctx) for goal in topic.goals]
    parts.append("</section>\n")
    return "".join(parts)


def _area_gaps(area: FocusArea, state: PlanState) -> int:
    return sum(
        len(state.by_topic.get(t.id, [])) + sum(len(state.by_goal.get(g.id, [])) for g in t.goals)
        for t in area.topics
    )


def _table(table: Table) -> str:
    caption = f"<caption>{esc(table.caption)}</caption>" if table.caption else ""
    head = "<tr><th></th>" + "".join(f'<th scope="col">{esc(c)}</th>' for c in table.columns) + "</tr>"
    body = "".join(
        f'<tr><th scope="row">{esc(name)}</th>'
        + "".join(f'<td class="num">{"" if v is None else esc(v)}</td>' for v in values)
        + "</tr>"
        for name, values in table.rows
    )
    return f'<div class="table-scroll"><table class="figures">{caption}<thead>{head}</thead><tbody>{body}</tbody></table></div>'
