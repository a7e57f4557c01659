"""Run one golden case through the real CLI (in-process) and return its normalised record."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from hbg_plan import __version__
from hbg_plan.cli.root import app

REPO = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "expected"
SCHEMA_COMMENT = re.compile(r"\$schema=\S*schemas/plan\.schema\.json")
ENV = {"NO_COLOR": "1", "COLUMNS": "100", "GITHUB_ACTIONS": "", "TERM": "dumb"}


def golden_path(name: str) -> Path:
    return EXPECTED / f"{name}.txt"


def _xlsx_text(path: Path) -> str:
    book = load_workbook(path)
    parts: list[str] = []
    for sheet in book.worksheets:
        parts.append(f"## sheet {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            parts.append("\t".join("" if v is None else str(v) for v in row))
    return "\n".join(parts) + "\n"


def _normalise(text: str, tmp: str) -> str:
    """Replace what is truly volatile: the temporary folder, the checkout's path, the version."""
    for real in {tmp, os.path.realpath(tmp)}:
        text = text.replace(real, "<TMP>")
    text = text.replace(str(REPO), "<REPO>")
    # `init` points the new file at the schema by a path that depends on where the checkout is
    text = SCHEMA_COMMENT.sub("$schema=<SCHEMA>", text)
    return text.replace(__version__, "{version}")


def run_case(args: tuple[str, ...]) -> str:
    """`exit`, stdout, stderr and any output file of `hbg-plan ARGS`, as one text."""
    cwd = os.getcwd()
    os.chdir(REPO)
    saved = {key: os.environ.get(key) for key in ENV}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            out = str(Path(tmp) / "out")
            argv = [a.replace("{out}", out) for a in args]
            result = CliRunner().invoke(app, argv, env=ENV)
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                raise AssertionError(f"uncaught exception for {args}") from result.exception
            parts = [
                f"$ hbg-plan {' '.join(args)}",
                f"--- exit {result.exit_code}",
                "--- stdout",
                result.stdout,
                "--- stderr",
                result.stderr,
            ]
            written = [a for a in argv if a.startswith(out)]
            for path in map(Path, written):
                parts.append(f"--- file {path.suffix}")
                if not path.exists():
                    parts.append("(not written)\n")
                elif path.suffix == ".xlsx":
                    parts.append(_xlsx_text(path))
                else:
                    parts.append(path.read_text(encoding="utf-8"))
            return _normalise("\n".join(parts), tmp)
    finally:
        os.chdir(cwd)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
