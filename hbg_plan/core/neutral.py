"""Neutralised text: what plan data may put into a terminal, a CI log, a report file or a spreadsheet.

Every string in a plan is written by whoever opened the pull request. Three kinds of text are
dangerous when printed as they are:

- control and invisible characters: ESC/BEL sequences drive the terminal (retitle it, hide text),
  NUL and other C0/C1 controls corrupt files, and format characters (zero-width, bidi overrides
  U+202A–U+202E, U+2066–U+2069, U+FEFF …) make the text read differently from what it is;
- a line that starts with `::` is a GitHub Actions workflow command (`::error …`, `::add-mask::`);
- a spreadsheet cell that starts with `=`, `+`, `-`, `@`, tab or CR is a formula.

`neutral` is the one escaping function: every writer (text, markdown, CSV, HTML, GitHub
annotations, JUnit, JSON, SARIF, the terminal, standard error, Excel cells) sends its text through
it. The escapes it writes are also valid JSON string escapes, so it can run over a whole JSON
document without changing what the document says.
"""

from __future__ import annotations

import re
import unicodedata

# Candidates: every C0/C1 control but tab and newline, DEL, the soft hyphen, and everything
# beyond U+05FF (checked by category below, so ordinary Swedish text takes the fast path).
_CANDIDATE = re.compile(r"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad]|[^\x00-\u05ff]")
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_COMMAND_LINE = re.compile(r"^(\s*):(?=:)", re.MULTILINE)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return f"\\x{code:02x}"
    if code <= 0x9F or code == 0xAD or unicodedata.category(char) in _UNSAFE_CATEGORIES:
        if code > 0xFFFF:  # as a UTF-16 surrogate pair, the way JSON writes it
            code -= 0x10000
            return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
        return f"\\u{code:04x}"
    return char


def neutral(text: str) -> str:
    """`text` with control and invisible format characters shown as escapes (`\\x1b`, `\\u202e`).

    Newline, tab and CR LF line ends stay; a lone CR, NUL, ESC, BEL, DEL, C1 controls, zero-width
    and bidi characters, line/paragraph separators and lone surrogates are escaped. Idempotent.
    """
    return _CANDIDATE.sub(_escape, text)


def no_workflow_commands(text: str) -> str:
    """Escape the first ':' of every line that would start with '::' (after leading white space,
    which the Actions runner strips), so no line is read as a workflow command."""
    return _COMMAND_LINE.sub(r"\1\\x3a", text)


def safe_output(text: str, *, workflow_commands: bool = False) -> str:
    """A whole report or message as it may be written: neutral, and without a line that starts with
    '::' unless the format is GitHub annotations (whose own lines are commands; their values are
    escaped by report.github). A byte-order mark at the very start (Excel CSV) is kept."""
    bom = BOM if text.startswith(BOM) else ""
    text = neutral(text[len(bom) :])
    return bom + (text if workflow_commands else no_workflow_commands(text))


def is_formula(value: str) -> bool:
    return value.startswith(FORMULA_START)


def csv_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: neutral, with a leading `'` before a formula
    character (OWASP's CSV-injection guidance)."""
    value = neutral(value)
    return "'" + value if is_formula(value) else value
