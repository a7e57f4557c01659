"""Property tests: whatever a plan file holds, hbg-plan answers with located diagnostics.

Documents are real plans and the parties registry, broken in two ways: as text (lines deleted,
duplicated, swapped, re-indented; characters flipped; YAML syntax, YAML 1.1 words, odd Unicode
and raw bytes inserted; other encodings) and as data (keys dropped, list items duplicated or
swapped, numbers and types changed, subtrees moved), the latter dumped back to YAML so that it
reaches the schema, the model and the provenance checks.

Most examples call the validation API and both reporters (fast); fewer go through the CLI.
HBG_SOAK=1 runs 100,000 API examples and 5,000 CLI examples.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hbg_plan.io.load import parse_yaml
from hbg_plan.output.validation import render_json, render_text
from hbg_plan.validate.engine import UNOPENABLE, validate_file
from tests.conftest import DATA, PLANS, RunCli

pytestmark = pytest.mark.slow  # property tests: tens of seconds

SOAK = os.environ.get("HBG_SOAK") == "1"
API_EXAMPLES = 100_000 if SOAK else 2_500
CLI_EXAMPLES = 5_000 if SOAK else 300
CODE = re.compile(r"^HBG\d{3}$")
TEXT_LINE = re.compile(r"^.+:\d+:\d+: (error|warning|info) HBG\d{3} ")
SV_TEXT_LINE = re.compile(r"^.+:\d+:\d+: (fel|varning|info) HBG\d{3} ")


def _head(text: str, lines: int) -> str:
    return "\n".join(text.split("\n")[:lines]) + "\n"


_PLAN_2015 = (PLANS / "hbg-2015.yaml").read_text(encoding="utf-8")
_PLAN_2019 = (PLANS / "skane-2019.yaml").read_text(encoding="utf-8")
_PARTIES = (PLANS / "parties.yaml").read_text(encoding="utf-8")
TEXT_SEEDS: list[tuple[str, str]] = [  # (kind, text): small plans keep each example fast
    ("plan", _head(_PLAN_2015, 80)),
    ("plan", _head(_PLAN_2019, 60)),
    ("plan", (DATA / "hostile" / "valid-minimal.txt").read_text(encoding="utf-8")),
    ("plan", _PLAN_2015),
    ("parties", _head(_PARTIES, 40)),
]
DATA_SEEDS: list[tuple[str, Any]] = [  # heads cut where a topic ends, so that they still parse
    ("plan", parse_yaml(_head(_PLAN_2015, 80), "hbg-2015.yaml").data),
    ("plan", parse_yaml(_head(_PLAN_2019, 60), "skane-2019.yaml").data),
    ("parties", parse_yaml(_PARTIES, "parties.yaml").data),
]
SNIPPETS = [
    "&a ", "*a", "!!python/object/apply:os.system ", "<<: *a", "---", "...", "? ", ": ", "- ", "{", "}", "[",
    "]", ",", "\t", '"', "'", "|", ">-", "#", "%YAML 1.1", "!!str ", "! ", "!!int ", "~", "null", "no", "yes",
    "on", "off", "1e3", "2020-02-13", "010", "0x1F", ".inf", "-.5", "12:30", "\ufeff", "\x00", "\r", "\r\n",
    "\u2028", "\x85", "\x07", "\x1b[31m", unicodedata.normalize("NFD", "å"), "å", "ö", "@", "`", "%", "\\",
    "key: value", "  ", "      - ", "9" * 30, "9" * 2000, "-1", "0", "[]", "{}", '""', "{missing: saknas}",
    "{lines: [1, 2]}", "{lines: [9, 1]}", "saknas", "not-stated", "\ud800", "\U0001f600", "a" * 1100,
]  # fmt: skip
NO_SURROGATES = st.characters(exclude_categories=["Cs"])  # data must survive a YAML dump
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 700), st.integers(), st.floats(allow_nan=False),
    st.text(NO_SURROGATES, max_size=30), st.sampled_from([s for s in SNIPPETS if "\ud800" not in s]), st.sampled_from(["sof", "helsingborgs-stad", "short", "long",
    "saknas", "not-stated", "subject", "2020", "sources/000_df9d85fa8ad8fd02.txt", "nulage", "/dev/null"]),
)  # fmt: skip


@st.composite
def text_mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    kind, seed = draw(st.sampled_from(TEXT_SEEDS))
    lines = seed.split("\n")
    for _ in range(draw(st.integers(1, 5))):
        n = len(lines)
        i, j = draw(st.integers(0, max(n - 1, 0))), draw(st.integers(0, max(n - 1, 0)))
        op = draw(
            st.sampled_from(["delete", "duplicate", "swap", "flip", "insert", "value", "indent", "truncate"])
        )
        if not lines:
            lines = [""]
        elif op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(j, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "flip" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            char = draw(st.one_of(st.sampled_from([s for s in SNIPPETS if len(s) == 1]), st.characters()))
            lines[i] = lines[i][:k] + char + lines[i][k + 1 :]
        elif op == "insert":
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(st.sampled_from(SNIPPETS)) + lines[i][k:]
        elif op == "value" and ": " in lines[i]:
            lines[i] = lines[i].split(": ", 1)[0] + ": " + draw(st.sampled_from(SNIPPETS))
        elif op == "indent":
            lines[i] = (
                " " * draw(st.integers(0, 3)) + lines[i].lstrip(" ")
                if draw(st.booleans())
                else "  " + lines[i]
            )
        elif op == "truncate":
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
    text = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8"] * 20 + ["utf-8-sig", "utf-16", "cp1252", "crlf", "crlf"]))
    if encoding == "crlf":
        raw = text.replace("\n", "\r\n").encode("utf-8", "surrogatepass")
    else:
        raw = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    if draw(st.integers(0, 19)) == 19:  # raw byte damage, now and then (0 is what Hypothesis tries most)
        k = draw(st.integers(0, len(raw)))
        raw = raw[:k] + draw(st.binary(min_size=1, max_size=6)) + raw[k:]
    return kind, raw


def _slots(node: Any) -> list[tuple[Any, Any]]:
    """Every (container, key-or-index) in a data tree, found iteratively."""
    found: list[tuple[Any, Any]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        items = (
            current.items()
            if isinstance(current, dict)
            else enumerate(current)
            if isinstance(current, list)
            else ()
        )
        for key, value in items:
            found.append((current, key))
            stack.append(value)
    return found


@st.composite
def data_mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    kind, seed = draw(st.sampled_from(DATA_SEEDS))
    data = json.loads(json.dumps(seed))  # a deep copy
    for _ in range(draw(st.integers(1, 4))):
        slots = _slots(data)
        op = draw(st.sampled_from(["number", "duplicate", "swap", "graft", "scalar", "empty", "drop"]))
        if op == "number":  # line ranges, years, numbers: out of order, out of range, out of the source
            slots = [(c, k) for c, k in slots if type(c[k]) is int]
        elif op in ("duplicate", "swap"):  # duplicate ids, goals out of order
            slots = [(c, k) for c, k in slots if isinstance(c, list)]
        if not slots:
            continue
        container, key = slots[draw(st.integers(0, len(slots) - 1))]
        if op == "number":
            container[key] = draw(st.integers(-2, 700))
        elif op == "duplicate":
            container.insert(key, json.loads(json.dumps(container[key])))
        elif op == "swap":
            other = draw(st.integers(0, len(container) - 1))
            container[key], container[other] = container[other], container[key]
        elif op == "graft":
            donor, donor_key = slots[draw(st.integers(0, len(slots) - 1))]
            container[key] = json.loads(json.dumps(donor[donor_key]))
        elif op == "scalar":
            container[key] = draw(SCALARS)
        elif op == "empty":
            container[key] = draw(st.sampled_from([[], {}, ""]))
        else:
            del container[key]
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return kind, text.encode("utf-8", "surrogatepass")


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
DOCUMENTS = st.one_of(text_mutations(), data_mutations())


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plans folder (sources and registry) plus a separate folder for mutated registries."""
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(PLANS / "sources", root / "plans" / "sources")
    shutil.copy(PLANS / "parties.yaml", root / "plans" / "parties.yaml")
    (root / "registry").mkdir()
    return root


def _write(world: Path, kind: str, raw: bytes) -> Path:
    path = world / "registry" / "parties.yaml" if kind == "parties" else world / "plans" / "fuzz.yaml"
    path.write_bytes(raw)
    return path


@settings(max_examples=API_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(document=DOCUMENTS)
def test_validation_api_never_raises_and_always_locates(world: Path, document: tuple[str, bytes]) -> None:
    path = _write(world, *document)
    result = validate_file(path, path.name)
    for d in result.diagnostics:
        assert CODE.match(d.code), d
        if d.message_id not in UNOPENABLE:
            assert d.where.line >= 1 and d.where.column >= 1, d
        for lang in ("en", "sv"):
            assert d.render(lang).strip(), d
    for lang in ("en", "sv"):
        text = render_text([result], [], lang, color=False)
        located = [
            line for line in text.split("\n") if re.match(r"^.+: (error|fel|warning|varning) HBG", line)
        ]
        assert all((TEXT_LINE if lang == "en" else SV_TEXT_LINE).match(line) for line in located), text
    json.loads(render_json([result], [], "en"))


@settings(max_examples=CLI_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(document=DOCUMENTS, fmt=st.sampled_from(["text", "json", "github", "sarif", "junit"]))
def test_cli_never_crashes_and_exits_0_1_or_2(
    run_cli: RunCli, world: Path, document: tuple[str, bytes], fmt: str
) -> None:
    path = _write(world, *document)
    result = run_cli("validate", "--format", fmt, str(path))
    assert result.exit_code in (0, 1, 2), result
    assert "Traceback" not in result.output
    if fmt == "json":
        report = json.loads(result.stdout)
        for file in report["files"]:
            for d in file["diagnostics"]:
                assert d["line"] >= 1 and d["column"] >= 1, d
        assert (result.exit_code == 0) == report["valid"]
    elif fmt == "text":
        body = result.stdout.split("\n")[:-2]  # one diagnostic per line, then the summary
        for line in body:
            assert TEXT_LINE.match(line) or line.startswith("… "), line
        assert (result.exit_code == 0) == (not body)
    elif fmt == "github":
        for line in result.stdout.split("\n"):
            if line.startswith("::error "):
                assert re.match(r"^::error file=[^,]+,line=[1-9]\d*,col=[1-9]\d*", line), line
    elif fmt == "sarif":
        json.loads(result.stdout)
    else:
        ElementTree.fromstring(result.stdout)
