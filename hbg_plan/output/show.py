"""Rendering for `show`: the YAML of one item next to the source lines it was transcribed from."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from hbg_plan.core.neutral import safe_output
from hbg_plan.core.problem import Location
from hbg_plan.i18n import message
from hbg_plan.model.plan import Goal, LineRange, Plan, Topic
from hbg_plan.output.envelope import envelope
from hbg_plan.validate.provenance import plan_source

if TYPE_CHECKING:
    from rich.console import Console


@dataclass
class ShowItem:
    plan: Plan
    kind: str  # "topic" | "goal"
    item_id: str
    where: Location
    source: LineRange
    data: dict[str, Any]
    lines: list[tuple[int, str]]


def _data_at(plan: Plan, pointer: str) -> dict[str, Any]:
    node: Any = plan.doc.data
    for step in pointer.split("/")[1:]:
        node = node[int(step)] if isinstance(node, list) else node[step]
    return dict(node)


def find_items(plans: list[Plan], item_id: str) -> list[ShowItem]:
    items: list[ShowItem] = []
    for plan in plans:
        found: Topic | Goal | None = plan.topic(item_id) or plan.goal(item_id)
        if found is None:
            continue
        kind = "topic" if isinstance(found, Topic) else "goal"
        source = plan_source(plan)
        lines = source.excerpt(found.source.first, found.source.last) if source else []
        items.append(
            ShowItem(
                plan, kind, item_id, found.where, found.source, _data_at(plan, found.where.pointer), lines
            )
        )
    return items


def render_json(items: list[ShowItem], lang: str) -> str:
    """The items in the JSON envelope (schemas/show.schema.json)."""
    listed = [
        {
            "plan": item.plan.id,
            "kind": item.kind,
            "id": item.item_id,
            "file": item.where.file,
            "line": item.where.line,
            "pointer": item.where.pointer,
            "data": item.data,
            "source": {
                "file": item.plan.data_source_name,
                "first": item.source.first,
                "last": item.source.last,
                "lines": [{"line": n, "text": text} for n, text in item.lines],
            },
        }
        for item in items
    ]
    return json.dumps({**envelope("show", lang), "items": listed}, ensure_ascii=False, indent=2) + "\n"


def render_text(items: list[ShowItem], lang: str) -> str:
    blocks = []
    for item in items:
        header = message(
            "show.header", lang, plan=item.plan.id, kind=message(f"show.kind.{item.kind}", lang), id=item.item_id,
            where=str(item.where),
        )  # fmt: skip
        body = yaml.safe_dump(item.data, allow_unicode=True, sort_keys=False, width=100).rstrip()
        source_header = message(
            "show.source",
            lang,
            file=item.plan.data_source_name,
            first=item.source.first,
            last=item.source.last,
        )
        width = len(str(item.source.last))
        source = "\n".join(f"{n:>{width}} | {text}" for n, text in item.lines)
        blocks.append(f"{header}\n\n{body}\n\n{source_header}\n{source}\n")
    return "\n".join(blocks)


def print_rich(items: list[ShowItem], lang: str, console: Console | None = None) -> None:
    """On a terminal: the data and the source lines side by side, so a reader compares them at a glance."""
    from rich.console import Console
    from rich.syntax import Syntax
    from rich.table import Table
    from rich.text import Text

    console = console or Console(highlight=False)  # the caller's, with its --color
    for item in items:
        table = Table(
            title=safe_output(message(
                "show.header", lang, plan=item.plan.id, kind=message(f"show.kind.{item.kind}", lang), id=item.item_id,
                where=str(item.where),
            )),
            expand=True,
            show_lines=False,
        )  # fmt: skip
        table.add_column(safe_output(item.where.file), ratio=1)
        table.add_column(
            safe_output(
                message(
                    "show.source",
                    lang,
                    file=item.plan.data_source_name,
                    first=item.source.first,
                    last=item.source.last,
                )
            ),
            ratio=1,
        )
        body = yaml.safe_dump(item.data, allow_unicode=True, sort_keys=False, width=80).rstrip()
        width = len(str(item.source.last))
        source = "\n".join(f"{n:>{width}} │ {text}" for n, text in item.lines)
        table.add_row(
            Syntax(safe_output(body), "yaml", word_wrap=True, theme="ansi_dark"), Text(safe_output(source))
        )
        console.print(table)
