"""Plain text of a PDF with layout analysis: columns, line order and paragraph gaps.

pdfplumber (pdfminer.six) gives each word with its position. Per page:

1. **Columns.** A page whose words leave a vertical gutter free near the middle, with text on
   both sides of it over most of the page's height, is read as two columns: the left one top to
   bottom, then the right one (the layout of the 2019 regional follow-up).
2. **Lines.** Words are grouped into lines by their vertical position and joined left to right.
3. **Gaps.** A vertical gap clearly larger than the usual line spacing becomes a blank line, so
   paragraphs and headings stand apart as they do in the printed page.

A page without any word is counted; a document with no word at all is a scan ("run OCR first").
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

GUTTER_MIN_WIDTH = 12.0  # points of empty space between two columns
GUTTER_ZONE = (0.3, 0.7)  # where on the page a gutter may lie (share of the width)
COLUMN_MIN_SHARE = 0.2  # each column holds at least this share of the page's words
LINE_TOLERANCE = 3.0  # words whose tops differ less belong to one line
PARAGRAPH_GAP = 1.6  # a gap this many times the usual spacing separates paragraphs


class PdfProblem(Exception):
    def __init__(self, message_id: str, reason: str = "") -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.reason = reason


Word = dict[str, Any]


def extract_pdf(path: Path, progress: Callable[[int, int], None] = lambda _p, _n: None) -> str:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(str(path))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfProblem("import.pdf_encrypted") from None
    except PDFSyntaxError as exc:
        raise PdfProblem("import.pdf_broken", str(exc) or "syntax error") from None
    except Exception as exc:  # pdfplumber wraps pdfminer's errors (PdfminerException)
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in repr(exc).lower():
            raise PdfProblem("import.pdf_encrypted") from None
        raise PdfProblem(
            "import.pdf_broken", " ".join(str(exc).split())[:200] or type(exc).__name__
        ) from None
    pages: list[str] = []
    words_seen = 0
    with pdf:
        total = len(pdf.pages)
        for number, page in enumerate(pdf.pages, 1):
            progress(number, total)
            try:
                words = page.extract_words(use_text_flow=False, keep_blank_chars=False)
            except Exception as exc:
                raise PdfProblem("import.pdf_broken", " ".join(str(exc).split())[:200]) from None
            words_seen += len(words)
            pages.append(page_text(words, float(page.width)))
    if not words_seen:
        raise PdfProblem("import.pdf_no_text")
    return "\n\n".join(p for p in pages if p).rstrip("\n") + "\n"


def page_text(words: list[Word], width: float) -> str:
    if not words:
        return ""
    gutter = find_gutter(words, width)
    if gutter is None:
        return "\n".join(column_lines(words))
    left = [w for w in words if w["x1"] <= gutter]
    right = [w for w in words if w["x0"] >= gutter]
    return "\n".join([*column_lines(left), "", *column_lines(right)])


def find_gutter(words: list[Word], width: float) -> float | None:
    """The x of a free vertical band in the middle of the page with text on both sides, or None."""
    lo, hi = width * GUTTER_ZONE[0], width * GUTTER_ZONE[1]
    covered = sorted((max(lo, w["x0"]), min(hi, w["x1"])) for w in words if w["x1"] > lo and w["x0"] < hi)
    best: tuple[float, float] | None = None
    cursor = lo
    for start, end in covered:
        if start - cursor >= GUTTER_MIN_WIDTH and (best is None or start - cursor > best[1] - best[0]):
            best = (cursor, start)
        cursor = max(cursor, end)
    if hi - cursor >= GUTTER_MIN_WIDTH and (best is None or hi - cursor > best[1] - best[0]):
        best = (cursor, hi)
    if best is None:
        return None
    middle = (best[0] + best[1]) / 2
    left = sum(1 for w in words if w["x1"] <= middle)
    right = sum(1 for w in words if w["x0"] >= middle)
    if min(left, right) < COLUMN_MIN_SHARE * len(words):
        return None
    return middle


def column_lines(words: list[Word]) -> list[str]:
    """The column's words as lines, top to bottom, with a blank line at each paragraph gap."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    if not rows:
        return []
    tops = [row[0]["top"] for row in rows]
    steps = [b - a for a, b in itertools.pairwise(tops) if b > a]
    usual = statistics.median(steps) if steps else 0.0
    out: list[str] = []
    for i, row in enumerate(rows):
        if i and usual and tops[i] - tops[i - 1] > PARAGRAPH_GAP * usual:
            out.append("")
        out.append(" ".join(w["text"] for w in sorted(row, key=lambda w: w["x0"])))
    return out
