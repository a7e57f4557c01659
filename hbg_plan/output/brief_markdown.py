"""The brief as Markdown that renders on GitHub (and reads well as plain text)."""

from __future__ import annotations

from hbg_plan.output.brief_view import Block, Heading, Items, Line, Para, Table
from hbg_plan.output.writers.markdown import md_escape


def _spans(line: Line) -> str:
    out: list[str] = []
    for span in line:
        if span.style == "code":
            out.append(f"`{span.text.replace('`', '')}`")
        elif not span.text.strip():
            out.append(span.text)
        else:
            text = md_escape(span.text)
            lead = " " if span.text[:1].isspace() else ""
            trail = " " if span.text[-1:].isspace() else ""
            if span.style == "b":
                text = f"**{text}**"
            elif span.style == "i":
                text = f"*{text}*"
            out.append(lead + text + trail)
    return "".join(out)


def _cell(text: str) -> str:
    return md_escape(text) if text else " "


def render_markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * block.level} {md_escape(block.text)}", ""]
        elif isinstance(block, Para):
            text = _spans(block.spans)
            lines += [f"<sub>{text}</sub>" if block.small else text, ""]
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(_cell(h) for h in block.head) + " |")
            lines.append("| " + " | ".join("--:" if n else ":--" for n in block.numeric) + " |")
            for i, row in enumerate(block.rows):
                cells = [_cell(c) for c in row]
                if block.total and i == len(block.rows) - 1:
                    cells = [f"**{c}**" if c.strip() else c for c in cells]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        elif isinstance(block, Items):
            for item in block.items:
                first, *rest = item
                lines.append("- " + _spans(first) + ("  " if rest else ""))
                lines += ["  " + _spans(line) for line in rest]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
