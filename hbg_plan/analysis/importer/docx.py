"""Plain text of a Word document (.docx), using its structure rather than its look.

python-docx gives each paragraph with its style. A heading style ("Heading 2", Swedish
"Rubrik 2") becomes a line standing alone between blank lines, so the grammar reads it as a
heading; a list paragraph (a list style, or numbering in the paragraph properties) becomes a
bullet line, '- ' at the first level and 'o ' below it; other paragraphs are followed by a blank
line. Tables are read row by row, one line per cell paragraph.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HEADING_STYLES = ("heading", "rubrik", "title", "rubrik")
LIST_STYLES = ("list", "lista", "liststycke", "punkt")


class DocxProblem(Exception):
    def __init__(self, message_id: str, reason: str = "") -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.reason = reason


def extract_docx(path: Path) -> str:
    if not zipfile.is_zipfile(path):
        raise DocxProblem("import.docx_not_zip")
    try:
        import docx

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise DocxProblem(
            "import.docx_broken", " ".join(str(exc).split())[:200] or type(exc).__name__
        ) from None
    lines: list[str] = []
    for kind, text, level in _blocks(document):
        if not text:
            continue
        if kind == "heading":
            if lines and lines[-1]:
                lines.append("")
            lines += [text, ""]
        elif kind == "list":
            lines.append(("- " if level == 0 else " o ") + text)
        else:
            if lines and lines[-1] and lines[-1].lstrip().startswith(("- ", "o ")):
                lines.append("")
            lines += [text, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _blocks(document: Any) -> Iterator[tuple[str, str, int]]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield _paragraph(block)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        yield _paragraph(paragraph)


def _paragraph(paragraph: Any) -> tuple[str, str, int]:
    text = " ".join(paragraph.text.replace("\v", " ").split())
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    numbering = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if style.startswith(HEADING_STYLES):
        return "heading", text, 0
    if numbering is not None or style.startswith(LIST_STYLES):
        level = 0
        if numbering is not None and numbering.ilvl is not None and numbering.ilvl.val is not None:
            level = int(numbering.ilvl.val)
        elif style.rstrip().endswith(("2", "3")):
            level = 1
        return "list", text, level
    return "text", text, 0
