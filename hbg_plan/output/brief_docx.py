"""The brief as a Word document (python-docx): real headings, Word tables, page numbers, A4.

The coordinator edits it before the meeting, so the structure is Word's own: Heading 1-3
styles, List Bullet paragraphs, tables with a header row that repeats across pages, and a
PAGE field in the footer.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from hbg_plan.i18n import message
from hbg_plan.output.brief_view import Block, Heading, Items, Line, Para, Table

if TYPE_CHECKING:  # python-docx (and lxml) load only when a Word document is written
    from docx.table import Table as WordTable
    from docx.text.paragraph import Paragraph

LANG_TAGS = {"sv": "sv-SE", "en": "en-GB"}
BODY_PT = 9.5
MONO = "Consolas"


def _runs(paragraph: Paragraph, line: Line, size: float | None = None) -> None:
    from docx.shared import Pt

    for span in line:
        run = paragraph.add_run(span.text)
        if span.style == "b":
            run.bold = True
        elif span.style == "i":
            run.italic = True
        elif span.style == "code":
            run.font.name = MONO
            run.font.size = Pt(8)
        if size is not None and span.style != "code":
            run.font.size = Pt(size)


def _compact(paragraph: Paragraph, after: float = 1.5) -> None:
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _repeat_header(table: WordTable) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    row = table.rows[0]._tr
    properties = row.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(document: object, block: Table) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    table = document.add_table(rows=1, cols=len(block.head))  # type: ignore[attr-defined]
    table.style = "Light Grid Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for n, text in enumerate(block.head):
        cell = table.rows[0].cells[n]
        paragraph = cell.paragraphs[0]
        _runs(paragraph, [], None)
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(8.5)
        _compact(paragraph, 0)
        if block.numeric[n]:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _repeat_header(table)
    numbers = sum(block.numeric)
    texts = len(block.numeric) - numbers
    number_width = Mm(22 if numbers <= 2 else 20)
    text_width = int((Mm(174) - number_width * numbers) / max(texts, 1))
    widths = [number_width if numeric else text_width for numeric in block.numeric]
    for i, row in enumerate(block.rows):
        cells = table.add_row().cells
        total = block.total and i == len(block.rows) - 1
        for n, text in enumerate(row):
            paragraph = cells[n].paragraphs[0]
            run = paragraph.add_run(text)
            run.font.size = Pt(8.5)
            run.bold = total or None
            _compact(paragraph, 0)
            if block.numeric[n]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table.autofit = False
    for row_cells in table.rows:
        for n, cell in enumerate(row_cells.cells):
            cell.width = widths[n]
    spacer = document.add_paragraph()  # type: ignore[attr-defined]
    _compact(spacer, 0)
    spacer.paragraph_format.line_spacing = Pt(4)


def render_docx(blocks: list[Block], lang: str) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin, section.bottom_margin = Mm(15), Mm(15)
    section.footer_distance = Mm(8)

    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(BODY_PT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANG_TAGS.get(lang, lang))
    normal.element.get_or_add_rPr().append(language)
    for level, size in ((1, 16), (2, 12.5), (3, 10)):
        style = document.styles[f"Heading {level}"]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(8 if level < 3 else 5)
        style.paragraph_format.space_after = Pt(2)
        if level == 3:
            style.font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)

    title = next((b.text for b in blocks if isinstance(b, Heading)), "hbg-plan")
    document.core_properties.title = title
    document.core_properties.language = LANG_TAGS.get(lang, lang)
    document.core_properties.author = "hbg-plan"

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{title} · {message('brief.page', lang)} ")
    _field(footer, "PAGE")
    footer.add_run(" / ")
    _field(footer, "NUMPAGES")

    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Para):
            paragraph = document.add_paragraph()
            _runs(paragraph, block.spans, 8 if block.small else None)
            _compact(paragraph, 3)
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Items):
            for item in block.items:
                paragraph = document.add_paragraph(style="List Bullet")
                for n, line in enumerate(item):
                    if n:
                        paragraph.add_run().add_break()
                    _runs(paragraph, line)
                _compact(paragraph, 1)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
