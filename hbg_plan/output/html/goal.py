"""One goal of the report: horizon, texts, indicators, responsible parties, follow-up, its findings,
and its source lines (collapsed, the lines a finding points at highlighted)."""

from __future__ import annotations

from hbg_plan.gaps.engine import Finding
from hbg_plan.model.plan import Goal
from hbg_plan.output.html.common import Context, PlanState, esc, goal_anchor, line_range, source_anchor


def goal_article(goal: Goal, state: PlanState, ctx: Context) -> str:
    findings = state.by_goal.get(goal.id, [])
    plan = state.page.plan
    worst = max((f.severity for f in findings), default=None)
    classes = ["goal"] + (["gap", f"sev-{worst.label}"] if worst is not None else [])
    horizon = ctx.t(f"gaps.horizon.{goal.horizon}")
    period = f' <span class="period">{esc(goal.period)}</span>' if goal.period else ""
    lines = line_range(goal.source.first, goal.source.last)
    link = (
        f'<a class="src-link" href="#{source_anchor(plan.id, goal.source.first)}">'
        f"{ctx.t('html.source_link', lines=lines)}</a>"
    )
    parts = [
        f'<article class="{" ".join(classes)}" id="{goal_anchor(plan.id, goal.id)}">'
        f'<header class="goal-head"><span class="horizon">{horizon}</span>{period}'
        f' <code class="id">{esc(goal.id)}</code>{link}</header>',
        ctx.finding_items(findings),
    ]
    if goal.heading:
        parts.append(f'<p class="goal-heading">{esc(goal.heading)}</p>')
    parts.append('<ul class="texts">' + "".join(f"<li>{esc(t)}</li>" for t in goal.texts) + "</ul>")
    parts.append(
        f'<dl class="goal-facts"><dt>{ctx.t("html.indicators")}</dt><dd>{_indicators(goal, ctx)}</dd>'
    )
    parts.append(f"<dt>{ctx.t('html.responsible')}</dt><dd>{_responsible(goal, ctx)}</dd></dl>")
    if goal.follow_up:
        parts.append(_follow_up(goal, ctx))
    parts.append(_source_lines(goal, findings, state, ctx))
    parts.append("</article>\n")
    return "".join(parts)


def _indicators(goal: Goal, ctx: Context) -> str:
    if goal.indicators:
        return '<ul class="indicators">' + "".join(f"<li>{esc(t)}</li>" for t in goal.indicators) + "</ul>"
    kind = goal.indicators_missing.kind if goal.indicators_missing else "not-stated"
    key = "saknas" if kind == "saknas" else "not_stated"
    return f'<span class="absent absent-{key}">{ctx.t(f"html.indicators_{key}")}</span>'


def _responsible(goal: Goal, ctx: Context) -> str:
    if goal.party_ids:
        return " ".join(ctx.party(p) for p in goal.party_ids)
    return f'<span class="absent absent-not_stated">{ctx.t("html.responsible_not_stated")}</span>'


def _follow_up(goal: Goal, ctx: Context) -> str:
    items = []
    for entry in goal.follow_up:
        status = (
            f' <span class="badge status-{esc(entry.status)}">{ctx.t(f"diff.followup.{entry.status}")}</span>'
            if entry.status
            else ""
        )
        items.append(
            f'<li><span class="year">{entry.year}</span>{status} {esc(entry.text)} '
            f'<span class="where">{ctx.t("html.lines", lines=str(entry.source))}</span></li>'
        )
    return f'<div class="follow-up"><h5>{ctx.t("html.follow_up")}</h5><ul>{"".join(items)}</ul></div>'


def _source_lines(goal: Goal, findings: list[Finding], state: PlanState, ctx: Context) -> str:
    plan, source = state.page.plan, state.page.source
    first, last = goal.source.first, goal.source.last
    summary = ctx.t("html.source_show", lines=line_range(first, last), file=plan.data_source_name)
    if source is None:
        return f'<p class="src-missing" id="{source_anchor(plan.id, first)}">{summary}</p>'
    marked = {
        n
        for f in findings
        if f.source is not None and (f.source.first, f.source.last) != (first, last)
        for n in range(f.source.first, f.source.last + 1)
    }
    rows = []
    for number, text in source.excerpt(first, last):
        line_id = source_anchor(plan.id, number)
        id_attr = "" if line_id in state.line_ids else f' id="{line_id}"'
        state.line_ids.add(line_id)
        mark = " hl" if number in marked else ""
        rows.append(
            f'<div class="line{mark}"{id_attr}><span class="ln">{number}</span>'
            f'<span class="tx">{esc(text)}</span></div>'
        )
    return f'<details class="source"><summary>{summary}</summary><div class="lines">{"".join(rows)}</div></details>'
