"""The import pipeline: read or extract the document, parse, carry ids over, write the draft."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hbg_plan.analysis.importer import build, text
from hbg_plan.analysis.importer.carry import CarryError, carry_ids
from hbg_plan.analysis.importer.docx import DocxProblem, extract_docx
from hbg_plan.analysis.importer.ids import slug
from hbg_plan.analysis.importer.parties import PartyIndex, Suggestion
from hbg_plan.analysis.importer.pdf import PdfProblem, extract_pdf
from hbg_plan.analysis.scaffold import create_new
from hbg_plan.i18n import message
from hbg_plan.io.confine import Refused, inside, plan_root, read_bounded
from hbg_plan.io.output import yaml_quoted
from hbg_plan.validate.engine import load_document, plan_registry
from hbg_plan.validate.provenance import load_source
from hbg_plan.validate.schema import PARTIES_SCHEMA, load_schema

MAX_DOCUMENT_BYTES = 50_000_000
Progress = Callable[[str], None]


class ImportError_(Exception):  # 'ImportError' is a builtin
    """A problem the user can fix: a message id and its values."""

    def __init__(self, message_id: str, **values: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.values = values

    def render(self, lang: str) -> str:
        return message(self.message_id, lang, **self.values)


@dataclass
class Request:
    document: Path
    plan_id: str
    from_plan: str | None
    output: Path | None
    issued_by: list[str]
    add_parties: bool
    plans_dir: Path
    lang: str = "en"


@dataclass
class Result:
    output: Path
    source: Path
    draft: build.Draft
    report: list[str] = field(default_factory=list)


def run_import(request: Request, progress: Progress = lambda _: None) -> Result:
    lang = request.lang
    if not re.fullmatch(load_schema("plan.schema.json")["$defs"]["id"]["pattern"], request.plan_id):
        raise ImportError_("import.bad_id", id=request.plan_id)
    output = request.output or request.plans_dir / f"{request.plan_id}.yaml"
    if output.exists() or output.is_symlink():
        raise ImportError_("import.exists", path=output)
    if not output.parent.is_dir():
        raise ImportError_("import.write_failed", path=output, reason="no such folder")

    registry_path = plan_registry(output)
    if not isinstance(registry_path, Path):
        registry_path = plan_registry(request.plans_dir / f"{request.plan_id}.yaml")
    if not isinstance(registry_path, Path):
        raise ImportError_("import.no_registry", path=output)
    # text extracted or copied goes to sources/ beside the registry: the plans folder of the
    # output's repository, so the plan only ever points inside its repository
    home = registry_path.parent
    root = plan_root(output)
    source_path = document_text(request.document, home, root, lang, progress)
    try:
        inside(source_path, root)
    except Refused:
        copy = read_document(source_path).decode("utf-8", "replace")
        source_path = write_source(source_path, copy, home, root)
    content = decode(source_path, read_document(source_path))
    try:
        source = load_source(inside(source_path, root))
    except Refused as exc:
        raise ImportError_("import.unreadable", path=source_path, reason=exc.render(lang)) from None
    try:
        doc = text.parse(content)
    except text.NoTemplate:
        raise ImportError_("import.no_template", path=source_path) from None

    entries = registry_entries(registry_path)
    index = PartyIndex.from_entries(entries)
    known = {str(e["id"]) for e in entries}

    issuers = request.issued_by or build.issuers(doc, index)
    for party in issuers:
        if party not in known:
            raise ImportError_("import.unknown_issuer", party=party, registry=registry_path)
    if not issuers:
        raise ImportError_("import.no_issuer", path=source_path, registry=registry_path)

    options = build.Options(
        plan_id=request.plan_id,
        source_file=Path(os.path.relpath(source_path.resolve(), output.resolve().parent)).as_posix(),
        sha256=source.sha256,
        schema_ref=build.schema_ref(output),
        lang=lang,
        issued_by=issuers,
        known_parties=known,
    )
    report: list[str] = []
    if request.from_plan:
        try:
            carried = carry_ids(doc, source, index, options, request.from_plan, request.plans_dir)
        except CarryError as exc:
            raise ImportError_("import.bad_from", ref=exc.ref) from None
        report.append(
            message("import.carried", lang, plan=carried.plan_id, topics=carried.topics, total=carried.total)
        )

    draft = build.render(doc, source, index, options)
    if request.add_parties and draft.suggestions:
        append_parties(registry_path, draft.suggestions)
        report.append(
            message("import.parties_added", lang, count=len(draft.suggestions), registry=registry_path)
        )
        options.known_parties |= {s.id for s in draft.suggestions}
        index = PartyIndex.from_entries(registry_entries(registry_path))
        added = draft.suggestions
        draft = build.render(doc, source, index, options)
        draft.suggestions = [s for s in draft.suggestions if s.id not in {a.id for a in added}]

    try:
        create_new(output, draft.text)
    except FileExistsError:
        raise ImportError_("import.exists", path=output) from None
    except OSError as exc:
        raise ImportError_("import.write_failed", path=output, reason=exc.strerror or exc) from None

    report.insert(
        0,
        message(
            "import.written",
            lang,
            path=output,
            topics=draft.topics,
            goals=draft.goals,
            source=options.source_file,
        ),
    )
    shown = source_path.as_posix()
    if draft.places:
        report.append(message("import.places", lang, count=len(draft.places)))
        report += [f"  {shown}:{p.first}: {p.note}" for p in draft.places]
    else:
        report.append(message("import.no_places", lang))
    if draft.suggestions:
        report.append(
            message("import.unknown_parties", lang, count=len(draft.suggestions), registry=registry_path)
        )
        report += [
            f"  {shown}:{s.line}: - {{id: {s.id}, name: {yaml_quoted(s.name)}, type: {s.type}}}"
            for s in draft.suggestions
        ]
    report.append(message("import.next", lang, path=output))
    return Result(output, source_path, draft, report)


def read_document(path: Path) -> bytes:
    """The bytes of a regular file within the size limit, or a clear error."""
    try:
        return read_bounded(path, MAX_DOCUMENT_BYTES)
    except Refused as exc:
        if exc.rule.value == "not_found":
            raise ImportError_("import.not_found", path=path) from None
        if exc.rule.value == "too_large":
            raise ImportError_("import.too_large", path=path, limit=MAX_DOCUMENT_BYTES) from None
        if exc.rule.value == "not_regular":
            raise ImportError_("import.not_regular", path=path) from None
        raise ImportError_("import.unreadable", path=path, reason=exc.reason or exc.rule.value) from None


def decode(path: Path, raw: bytes) -> str:
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise ImportError_("import.not_utf8", path=path, line=line, column=column) from None
    return content.removeprefix("\ufeff")


def document_text(document: Path, plans_dir: Path, root: Path, lang: str, progress: Progress) -> Path:
    """The plain-text source of `document`: the file itself, or its extraction under sources/."""
    head = read_document(document)[:8]
    suffix = document.suffix.lower()
    if suffix in (".pdf", ".docx") or head.startswith(b"%PDF"):
        extracted = extract(document, suffix, head, lang, progress)
    elif suffix in (".txt", ".text", "") or head[:1] not in (b"\x00",):
        if b"\x00" in head or head.startswith(b"PK\x03\x04"):
            raise ImportError_("import.unknown_format", path=document)
        return document
    else:
        raise ImportError_("import.unknown_format", path=document)
    target = write_source(document, extracted, plans_dir, root)
    progress(message("import.extracted", lang, path=target, lines=extracted.count("\n")))
    return target


def extract(document: Path, suffix: str, head: bytes, lang: str, progress: Progress) -> str:
    """The plain text of a PDF or Word document."""
    if suffix == ".pdf" or head.startswith(b"%PDF"):
        try:
            return extract_pdf(
                document, lambda page, pages: progress(message("import.page", lang, page=page, pages=pages))
            )
        except PdfProblem as exc:
            raise ImportError_(exc.message_id, path=document, reason=exc.reason) from None
    try:
        return extract_docx(document)
    except DocxProblem as exc:
        raise ImportError_(exc.message_id, path=document, reason=exc.reason) from None


def write_source(document: Path, content: str, plans_dir: Path, root: Path) -> Path:
    """Write the text to PLANS/sources/ inside the repository `root`, atomically, as a regular
    file of its own; the same text reuses its file."""
    data = content.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()[:16]
    folder = plans_dir / "sources"
    stem = re.sub(r"_[0-9a-f]{16}$", "", document.stem)
    target = folder / f"{slug(stem, 6) or 'document'}_{digest}.txt"
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise ImportError_("import.outside_repo", path=folder, root=root)
    try:
        inside(target, root)
    except Refused:
        raise ImportError_("import.outside_repo", path=target, root=root) from None
    folder.mkdir(parents=True, exist_ok=True)
    if target.is_symlink():
        raise ImportError_("import.outside_repo", path=target, root=root)
    if target.exists():
        if target.is_file() and target.read_bytes() == data:
            return target
        raise ImportError_("import.exists", path=target)
    try:
        create_new(target, content)
    except OSError as exc:
        raise ImportError_("import.write_failed", path=target, reason=exc.strerror or exc) from None
    return target


def registry_entries(path: Path) -> list[dict[str, Any]]:
    doc, diagnostics = load_document(path, str(path), PARTIES_SCHEMA)
    if doc is None or diagnostics:
        raise ImportError_("import.bad_registry", path=path)
    entries: list[dict[str, Any]] = doc.data["parties"]
    return entries


def append_parties(path: Path, suggestions: list[Suggestion]) -> None:
    """Append registry entries for `suggestions` to parties.yaml, atomically."""
    original = path.read_bytes().decode("utf-8")
    lines = [original.rstrip("\n")]
    for s in suggestions:
        lines += [
            f"  - id: {s.id}",
            f"    name: {yaml_quoted(s.name)}",
            f"    type: {s.type}",
            f"    note: {yaml_quoted(f'Added by hbg-plan import (source line {s.line}); check the name, type and part_of.')}",
        ]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
