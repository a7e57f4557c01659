"""The brief as one self-contained HTML page, laid out to print on A4 (at most four pages)."""

from __future__ import annotations

from html import escape

from hbg_plan.output.brief_view import Block, Heading, Items, Line, Para, Table

STYLE = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt;
  line-height: 1.35; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 17pt; margin: 0 0 .3rem; }
h2 { font-size: 13pt; margin: 1.1rem 0 .35rem; border-bottom: 1.5px solid #005b96; color: #00426e;
  break-after: avoid; }
h3 { font-size: 10.5pt; margin: .7rem 0 .2rem; break-after: avoid; }
p { margin: .25rem 0; }
p.small { font-size: 8.5pt; color: #555; }
ul { margin: .15rem 0 .4rem; padding-left: 1.1rem; }
li { margin: .1rem 0; break-inside: avoid; }
li .second { display: block; color: #444; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; background: #f1f3f5;
  padding: 0 .15rem; border-radius: 2px; }
table { border-collapse: collapse; margin: .3rem 0 .4rem; font-size: 9.5pt; break-inside: auto; }
th, td { border-bottom: 1px solid #d0d7de; padding: .12rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef3f8; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; border-top: 1.5px solid #555; }
tr { break-inside: avoid; }
@page { size: A4; margin: 14mm 14mm 16mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.28; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; margin-top: .8rem; }
  code { background: none; padding: 0; font-size: 8pt; }
  a { color: inherit; text-decoration: none; }
}
"""


def _spans(line: Line) -> str:
    out: list[str] = []
    for span in line:
        text = escape(span.text)
        if span.style == "code":
            out.append(f"<code>{text}</code>")
        elif span.style == "b":
            out.append(f"<strong>{text}</strong>")
        elif span.style == "i":
            out.append(f"<em>{text}</em>")
        else:
            out.append(text)
    return "".join(out)


def _table(block: Table) -> list[str]:
    def cls(n: int) -> str:
        return ' class="num"' if block.numeric[n] else ""

    html = ["<table>", "<thead><tr>"]
    html += [f"<th{cls(n)}>{escape(h)}</th>" for n, h in enumerate(block.head)]
    html.append("</tr></thead><tbody>")
    for i, row in enumerate(block.rows):
        total = block.total and i == len(block.rows) - 1
        html.append('<tr class="total">' if total else "<tr>")
        html += [f"<td{cls(n)}>{escape(c)}</td>" for n, c in enumerate(row)]
        html.append("</tr>")
    html.append("</tbody></table>")
    return html


def render_html(blocks: list[Block], lang: str) -> str:
    title = next((b.text for b in blocks if isinstance(b, Heading)), "hbg-plan")
    html = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
    ]
    for block in blocks:
        if isinstance(block, Heading):
            html.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            html.append(
                f'<p class="small">{_spans(block.spans)}</p>'
                if block.small
                else f"<p>{_spans(block.spans)}</p>"
            )
        elif isinstance(block, Table):
            html += _table(block)
        elif isinstance(block, Items):
            html.append("<ul>")
            for item in block.items:
                first, *rest = item
                more = "".join(f'<span class="second">{_spans(line)}</span>' for line in rest)
                html.append(f"<li>{_spans(first)}{more}</li>")
            html.append("</ul>")
    html += ["</body>", "</html>"]
    return "\n".join(html) + "\n"
