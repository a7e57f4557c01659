"""No English label leaks into Swedish output, and no Swedish label into English output.

The words that give a language away are taken from the i18n catalogs: the words of every
template's fixed text (placeholders removed) that the other language's catalog never uses. Plan
data is Swedish in both languages, so words that occur in the plans' texts, titles, indicators,
quotes, party names or source documents are left out of both lists; identifiers (rule names, ids,
file paths, JSON pointers, quoted keys) and the rules' YAML examples are removed from the output
before it is scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from hbg_plan.gaps.rules import all_rules
from hbg_plan.i18n import catalog
from hbg_plan.output.ruledocs import everything
from tests.conftest import PLANS, RunCli

LANGS = ("en", "sv")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
WORD = re.compile(r"[^\W\d_]{3,}")
# Keys whose values are the document's own words (the rest are ids, enums and editorial notes).
TEXT_KEYS = frozenset({
    "title", "texts", "indicators", "quote", "text", "description", "heading", "caption", "columns",
    "label", "target_group", "purpose", "method", "effect", "name", "abbreviation", "role", "organisation",
})  # fmt: skip
IDENTIFIERS = re.compile(
    r"\S*[/\\]\S*"  # paths, JSON pointers, URLs
    r"|\b[\w-]+\.[\w.-]*\w"  # goal ids, file names, dotted names
    r"|'[^'\s]*'"  # quoted keys and values
    r"|`[^`]*`"  # commands quoted in Markdown
    r"|--[\w-]+"  # options
    r"|\bHBG\d+\b"
)
LINEAGE = ("hbg-2015", "hbg-2020", "hbg-2023")


# --- the words of each language ---------------------------------------------------------------


def words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


def _strings(node: Any, keep: bool = False) -> Iterator[str]:
    if isinstance(node, str):
        if keep:
            yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, keep)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, key in TEXT_KEYS)


@cache
def plan_words() -> frozenset[str]:
    """Every word of the plans' own texts and of their source documents."""
    found: set[str] = set()
    for path in PLANS.glob("*.yaml"):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found |= words(text)
    for path in (PLANS / "sources").glob("*.txt"):
        found |= words(path.read_text(encoding="utf-8"))
    return frozenset(found)


@cache
def telltale() -> dict[str, frozenset[str]]:
    """For each language, the catalog words that the other language never uses, plan words left out."""
    used: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for entry in catalog().values():
        if entry["en"] == entry["sv"]:
            continue
        for lang in LANGS:
            used[lang] |= words(PLACEHOLDER.sub(" ", entry[lang]))
    other = {"en": "sv", "sv": "en"}
    return {lang: frozenset(used[lang] - used[other[lang]] - plan_words()) for lang in LANGS}


def label_text(text: str) -> str:
    """Output with identifiers and the rules' YAML examples removed."""
    for line in example_lines():
        text = text.replace(line, " ")
    for rule in everything():  # validation codes and gap rules
        text = text.replace(rule.name, " ")
    return IDENTIFIERS.sub(" ", text)


@cache
def example_lines() -> list[str]:
    """The lines of the rules' Bad/Good examples (YAML, shown as written), longest first."""
    lines = {
        line.strip()
        for rule in all_rules()
        for example in rule.examples().values()
        for line in example.splitlines()
    }
    return sorted((line for line in lines if line), key=len, reverse=True)


def leaks(text: str, lang: str) -> list[str]:
    """Telltale words of the other language in `text`, each with a little context."""
    foreign = telltale()["sv" if lang == "en" else "en"]
    cleaned = label_text(text)
    found = []
    for match in WORD.finditer(cleaned):
        if match.group().casefold() in foreign:
            context = " ".join(cleaned[max(0, match.start() - 40) : match.end() + 40].split())
            found.append(f"{match.group()!r} in …{context}…")
    return sorted(set(found))


# --- rendering everything in one language -------------------------------------------------------


class _Text(HTMLParser):
    """The human-facing text of an HTML page: element text and title/aria-label, not CSS or script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self.skip += 1
        self.parts += [v or "" for k, v in attrs if k in ("title", "aria-label", "alt")]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "\n".join(parser.parts)


def xlsx_text(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    cells = [book.sheetnames]
    for ws in book:
        cells += [[str(c.value) for c in row if c.value is not None] for row in ws.iter_rows()]
    return "\n".join(" ".join(map(str, row)) for row in cells)


def outputs(run_cli: RunCli, work: Path, lang: str) -> dict[str, str]:
    """Every command's output in `lang`, by a label naming the command line."""
    plans = "plans"  # the edited copy, in the working folder
    runs: list[tuple[str, ...]] = [
        ("validate", plans),
        ("validate", "--gaps", plans),
        ("diff", "hbg-2020", "--plans", str(PLANS)),  # a usage error: two plans needed
        ("report", "--plans", str(PLANS)),  # a usage error: no plan
        ("history", "sipp", "--plans", str(PLANS)),  # an unknown topic, with close matches
        ("rules",),
        *(("rules", rule.code) for rule in all_rules()),
    ]
    for fmt in ("text", "markdown", "csv"):
        runs.append(("gaps", *LINEAGE, "skane-2019", "--plans", str(PLANS), "--format", fmt))
        for by in ("party", "focus-area"):
            runs.append(("summary", "hbg-2020", "--plans", str(PLANS), "--by", by, "--format", fmt))
    runs.append(("brief", "hbg-2023", "--plans", str(PLANS)))
    for fmt in ("text", "markdown"):
        runs.append(("diff", *LINEAGE, "--plans", str(PLANS), "--format", fmt))
        for topic in ("sip", "suicidprevention", "nyanlanda"):
            runs.append(("history", topic, "--plans", str(PLANS), "--format", fmt))
    texts: dict[str, str] = {}
    for args in runs:
        result = run_cli(*args, "--lang", lang)
        texts[" ".join(args)] = result.stdout + "\n" + result.stderr
    files = {
        "report": ("report", "hbg-2023", "--lineage", "--plans", str(PLANS)),
        "gaps.xlsx": ("gaps", *LINEAGE, "--plans", str(PLANS), "--format", "xlsx"),
        "summary.xlsx": ("summary", "hbg-2020", "--plans", str(PLANS), "--format", "xlsx"),
        "diff.xlsx": ("diff", *LINEAGE, "--plans", str(PLANS), "--format", "xlsx"),
    }
    for name, args in files.items():
        out = work / f"{lang}-{name}"
        result = run_cli(*args, "--lang", lang, "--output", str(out))
        assert result.exit_code in (0, 1), result.output
        texts[" ".join(args)] = (html_text(out) if name == "report" else xlsx_text(out)) + result.stderr
    return texts


@pytest.fixture
def work(plans_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the plans with errors for validate: an unknown key in hbg-2015, and in hbg-2020 a
    text changed from its source and an unknown party."""
    monkeypatch.chdir(plans_copy.parent)
    edits = {
        "hbg-2015.yaml": [("schema_version: 2\n", "schema_version: 2\nresponsibles: x\n")],
        "hbg-2020.yaml": [
            (
                "Dialog om suicidprevention ska föras en gång",
                "Dialog om suicidprevention ska föras två gånger",
            ),
            ("{party: sof, basis: subject", "{party: sofx, basis: subject"),
        ],
    }
    for name, changes in edits.items():
        path = plans_copy / name
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    return plans_copy.parent


def test_the_telltale_word_lists_are_not_empty() -> None:
    """Guards the check below against a catalog or plan vocabulary that leaves nothing to look for."""
    found = telltale()
    assert {"the", "missing", "responsible", "error", "warning"} <= found["en"]
    assert {"varning", "fynd", "tillagt", "undantagna"} <= found["sv"]


@pytest.mark.slow  # every command in every format, in both languages
@pytest.mark.parametrize("lang", LANGS)
def test_no_label_of_the_other_language_leaks(run_cli: RunCli, work: Path, lang: str) -> None:
    texts = outputs(run_cli, work, lang)
    for code in ("HBG010", "HBG021", "HBG025"):  # the three errors, as validate reports them
        assert f": {'fel' if lang == 'sv' else 'error'} {code} " in texts["validate plans"]
    leaked = {label: found for label, text in texts.items() if (found := leaks(text, lang))}
    assert leaked == {}
