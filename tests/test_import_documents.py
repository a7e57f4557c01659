"""`hbg-plan import` of Word and PDF documents: fixtures generated here from a bundled text.

The first focus area of the 2020 plan (source lines 11-92) is written as a .docx with real
heading styles and list paragraphs, and as a PDF with one single-column and one two-column page;
each import must give the structure the text import of the same lines gives.
"""

from __future__ import annotations

import re
import shutil
import textwrap
import zipfile
from pathlib import Path

import pytest

from hbg_plan.model.plan import Plan
from hbg_plan.validate.engine import load_plan
from tests.conftest import PLANS, RunCli
from tests.test_import import ISSUER, structure

EXCERPT = (PLANS / "sources" / "002_1aca388ac409bdea.txt").read_text(encoding="utf-8").split("\n")[10:92]
TITLE = "Handlingsplan för prov 2020-2022"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    (plans / "sources").mkdir(parents=True)
    shutil.copy(PLANS / "parties.yaml", plans / "parties.yaml")
    return plans


def items() -> list[tuple[str, str]]:
    """(kind, text) of the excerpt: heading, bullet or text; blank lines dropped."""
    out = []
    for line in EXCERPT:
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("- "):
            body = stripped[2:]
            heading = re.match(r"(Kortsiktiga|Långsiktiga|Mätbara)", body)
            out.append(("heading" if heading else "bullet", body))
        else:
            out.append(("heading" if len(stripped) < 80 else "text", stripped))
    return out


def text_import(run_cli: RunCli, workdir: Path) -> Plan:
    source = workdir / "sources" / "excerpt.txt"
    source.write_text("\n".join([TITLE, "", *EXCERPT]) + "\n", encoding="utf-8")
    return imported(run_cli, source, workdir / "from-text.yaml")


def imported(run_cli: RunCli, document: Path, out: Path, *extra: str) -> Plan:
    result = run_cli("import", str(document), "--id", "prov", "-o", str(out), *ISSUER, *extra)
    assert result.exit_code == 0, result.output
    assert run_cli("validate", str(out)).exit_code == 0
    plan, diagnostics = load_plan(out)
    assert plan is not None, diagnostics
    return plan


# --- Word ------------------------------------------------------------------------------------


def make_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=0)
    for kind, text in items():
        if kind == "heading":
            level = 1 if text.startswith("Fokusområde") else 3 if text[:1] in "KLM" and " " in text else 2
            document.add_heading(text, level=level)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    document.save(str(path))


def test_docx_gives_the_structure_of_the_text(run_cli: RunCli, workdir: Path, tmp_path: Path) -> None:
    expected = structure(text_import(run_cli, workdir))
    document = tmp_path / "Handlingsplan 2020.docx"
    make_docx(document)
    result = run_cli("import", str(document), "--id", "prov", "-o", str(workdir / "from-docx.yaml"), *ISSUER)
    assert result.exit_code == 0, result.output
    extracted = sorted((workdir / "sources").glob("handlingsplan-2020_*.txt"))
    assert len(extracted) == 1  # the provenance target, inside the plans folder
    assert "sources/handlingsplan-2020_" in (workdir / "from-docx.yaml").read_text(encoding="utf-8")
    plan, _ = load_plan(workdir / "from-docx.yaml")
    assert plan is not None
    assert structure(plan) == expected
    assert len(plan.focus_areas[0].topics) == 5
    # importing the same document again reuses the extracted text
    again = run_cli("import", str(document), "--id", "prov", "-o", str(workdir / "again.yaml"), *ISSUER)
    assert again.exit_code == 0, again.output
    assert len(sorted((workdir / "sources").glob("handlingsplan-2020_*.txt"))) == 1


def test_docx_that_is_not_a_zip(run_cli: RunCli, workdir: Path, tmp_path: Path) -> None:
    fake = tmp_path / "plan.docx"
    fake.write_text("Fokusområde 1. Detta är text, inget Word-dokument\n", encoding="utf-8")
    result = run_cli("import", str(fake), "--id", "x", "-o", str(workdir / "x.yaml"), *ISSUER)
    assert result.exit_code == 2
    assert "not a Word document (.docx is a zip archive" in result.stderr
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("hello.txt", "no document here")
    result = run_cli("import", str(broken), "--id", "x", "-o", str(workdir / "x.yaml"), *ISSUER)
    assert result.exit_code == 2 and "cannot read the Word document" in result.stderr
    assert "Traceback" not in result.output
    assert not list((workdir / "sources").iterdir())


# --- PDF -------------------------------------------------------------------------------------


def make_pdf(path: Path, *, encrypt: bool = False, blank: bool = False) -> None:
    """Page 1 in one column; the rest of the excerpt on page 2 in two columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt="secret" if encrypt else None)
    if blank:
        pdf.rect(50, 50, 200, 200)  # a drawing, no text: what a scan looks like to a text extractor
        pdf.showPage()
        pdf.save()
        return

    def lines(kind: str, text: str, chars: int) -> list[str]:
        if kind == "bullet":
            wrapped = textwrap.wrap(text, chars - 2, break_on_hyphens=False)
            return ["- " + wrapped[0], *wrapped[1:]]
        return textwrap.wrap(text, chars, break_on_hyphens=False)

    entries = [(TITLE, "heading"), *[(t, k) for k, t in items()]]
    first_page = [e for e in entries[:25]]
    rest = entries[25:]
    y = height - 60
    for text, kind in first_page:
        if kind != "bullet":  # headings and paragraphs stand apart
            y -= 10
        for line in lines(kind, text, 95):
            pdf.drawString(50, y, line)
            y -= 13
        if kind != "bullet":  # headings and paragraphs stand apart
            y -= 10
    pdf.showPage()
    half = len(rest) // 2
    while rest[half][1] != "heading" or not rest[half][0].startswith(
        ("Anställda", "Utbildning", "Attityder")
    ):
        half += 1
    for column, x in ((rest[:half], 40), (rest[half:], 310)):
        y = height - 60
        for text, kind in column:
            if kind != "bullet":
                y -= 10
            for line in lines(kind, text, 42):
                pdf.drawString(x, y, line)
                y -= 12
            if kind != "bullet":
                y -= 10
    pdf.showPage()
    pdf.save()


def test_pdf_one_and_two_columns_give_the_structure_of_the_text(
    run_cli: RunCli, workdir: Path, tmp_path: Path
) -> None:
    expected = structure(text_import(run_cli, workdir))
    document = tmp_path / "plan.pdf"
    make_pdf(document)
    result = run_cli("import", str(document), "--id", "prov", "-o", str(workdir / "from-pdf.yaml"), *ISSUER)
    assert result.exit_code == 0, result.output
    assert "page 1 of 2" in result.stderr and "page 2 of 2" in result.stderr  # progress on stderr
    plan, _ = load_plan(workdir / "from-pdf.yaml")
    assert plan is not None
    assert structure(plan) == expected


def test_scanned_encrypted_and_broken_pdfs(run_cli: RunCli, workdir: Path, tmp_path: Path) -> None:
    scanned = tmp_path / "scan.pdf"
    make_pdf(scanned, blank=True)
    result = run_cli("import", str(scanned), "--id", "x", "-o", str(workdir / "x.yaml"), *ISSUER)
    assert result.exit_code == 2
    assert "no extractable text (a scanned PDF?); run OCR first" in result.stderr
    locked = tmp_path / "locked.pdf"
    make_pdf(locked, encrypt=True)
    result = run_cli("import", str(locked), "--id", "x", "-o", str(workdir / "x.yaml"), *ISSUER)
    assert result.exit_code == 2 and "the PDF is encrypted" in result.stderr
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n% nothing else\n")
    result = run_cli("import", str(broken), "--id", "x", "-o", str(workdir / "x.yaml"), *ISSUER)
    assert result.exit_code == 2 and "cannot read the PDF" in result.stderr
    for run in (result,):
        assert "Traceback" not in run.output
    assert not (workdir / "x.yaml").exists()
    assert not list((workdir / "sources").iterdir())


def test_text_outside_the_repository_is_copied_into_sources(
    run_cli: RunCli, workdir: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("downloads") / "Ny plan.txt"
    elsewhere.write_text("\n".join([TITLE, "", *EXCERPT]) + "\n", encoding="utf-8")
    plan = imported(run_cli, elsewhere, workdir / "copied.yaml")
    copies = sorted((workdir / "sources").glob("ny-plan_*.txt"))
    assert len(copies) == 1 and copies[0].read_bytes() == elsewhere.read_bytes()
    assert plan.source_file.resolve() == copies[0].resolve()
