"""Strict YAML loading: bytes → text → nodes → plain data, with a mark on every node.

PyYAML's `safe_load` keeps the last of two duplicate keys, expands aliases without limit and
turns `no` into False and `2015-03-01` into a date. Plans are hand-edited data that CI gates on,
so this loader refuses all of that: it composes the node tree (with libyaml where available),
then builds the data itself with YAML 1.2 core scalars, rejecting duplicate keys, aliases and
tags, and remembering where each mapping and key stood so that later stages can point at lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hbg_plan.diagnostics import Diagnostic, Location, PlanError

try:  # libyaml's parser and composer are several times faster than the pure-Python ones
    from yaml import CSafeLoader as _BaseLoader

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

    LIBYAML = False

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
DEFAULT_TAGS = {STR_TAG, MAP_TAG, SEQ_TAG}

# YAML 1.2 core schema, minus octal/hex forms nobody writes in a plan. An integer with a leading
# zero ("010") stays text: it is an id or a code, not a number.
INT_RE = re.compile(r"[-+]?(0|[1-9][0-9]*)")
FLOAT_RE = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
NULLS = {"", "~", "null", "Null", "NULL"}
TRUES = {"true", "True", "TRUE"}
FALSES = {"false", "False", "FALSE"}


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A loader without implicit resolvers: every untagged scalar composes as a string node."""

    yaml_implicit_resolvers: dict[Any, Any] = {}


@dataclass(frozen=True, slots=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, str, int, float, bool, None) plus the marks of every node.

    `marks` maps `id()` of each dict and list in `data` to its mark; `key_marks` maps
    `(id(dict), key)` to the key's mark. Both stay valid while `data` is alive.
    """

    file: str
    data: Any
    marks: dict[int, Mark] = field(default_factory=dict)
    key_marks: dict[tuple[int, str], Mark] = field(default_factory=dict)
    value_marks: dict[tuple[int, str | int], Mark] = field(default_factory=dict)
    originals: dict[tuple[int, str | int], str] = field(default_factory=dict)

    def location(self, path: Sequence[str | int], *, key: bool = False) -> Location:
        """The location of the node at `path` (or of its key, with `key=True`).

        Walks as far as the path exists, so a path to a missing key points at its parent.
        """
        pointer = to_pointer(path)
        node: Any = self.data
        mark = self.marks.get(id(node), Mark(1, 1))
        for step in path:
            if isinstance(node, dict) and isinstance(step, str) and step in node:
                mark = self.key_marks.get((id(node), step), mark) if key else self.value_marks.get(
                    (id(node), step), mark
                )
                node = node[step]
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                mark = self.value_marks.get((id(node), step), mark)
                node = node[step]
            else:
                break
            if not key:
                mark = self.marks.get(id(node), mark)
        return Location(self.file, mark.line, mark.column, pointer)

    def at(self, pointer: str) -> Location:
        """The location of the node a JSON pointer names (as built by `to_pointer`)."""
        path: list[str | int] = []
        node: Any = self.data
        for raw in pointer.split("/")[1:]:
            step: str | int = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, list) and isinstance(step, str) and step.isdigit():
                step = int(step)
            path.append(step)
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                break
        return self.location(path)

    def original_text(self, path: Sequence[str | int]) -> str | None:
        """How a non-text scalar at `path` was written, e.g. `no` for False: for messages."""
        if not path:
            return None
        parent: Any = self.data
        for step in path[:-1]:
            try:
                parent = parent[step]
            except (KeyError, IndexError, TypeError):
                return None
        return self.originals.get((id(parent), path[-1]))

    def mark_of(self, obj: object) -> Mark:
        return self.marks.get(id(obj), Mark(1, 1))


def to_pointer(path: Sequence[str | int]) -> str:
    """RFC 6901 JSON pointer for a data path."""
    return "".join("/" + str(step).replace("~", "~0").replace("/", "~1") for step in path)


def read_text(path: Path, display: str | None = None) -> str:
    """Read a plan file as UTF-8 (BOM allowed), refusing binary, UTF-16 and oversized files."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PlanError(
                Diagnostic("HBG001", "load.too_large", Location(name), {"size": size, "limit": MAX_FILE_BYTES})
            )
        raw = path.read_bytes()
    except PlanError:
        raise
    except FileNotFoundError:
        raise PlanError(Diagnostic("HBG001", "load.not_found", Location(name))) from None
    except OSError as exc:
        raise PlanError(
            Diagnostic("HBG001", "load.unreadable", Location(name), {"reason": exc.strerror or str(exc)})
        ) from None
    return decode(raw, name)


def decode(raw: bytes, name: str) -> str:
    for bom, encoding in (
        (b"\xff\xfe\x00\x00", "UTF-32"),
        (b"\x00\x00\xfe\xff", "UTF-32"),
        (b"\xff\xfe", "UTF-16"),
        (b"\xfe\xff", "UTF-16"),
    ):
        if raw.startswith(bom):
            raise PlanError(Diagnostic("HBG002", "load.utf16", Location(name, 1, 1), {"encoding": encoding}))
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _line_col(raw, nul)
        if raw[1:2] == b"\x00" or raw[0:1] == b"\x00":
            raise PlanError(Diagnostic("HBG002", "load.utf16", Location(name, 1, 1), {"encoding": "UTF-16"}))
        raise PlanError(Diagnostic("HBG002", "load.nul_byte", Location(name, line, column)))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col(raw, exc.start)
        guess = "Windows-1252 or Latin-1 (å ä ö as single bytes)" if _looks_latin1(raw) else "binary data"
        raise PlanError(
            Diagnostic(
                "HBG002",
                "load.not_utf8",
                Location(name, line, column),
                {"byte": raw[exc.start], "guess": guess},
            )
        ) from None
    return text.removeprefix("\ufeff")


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[line_start:offset].decode("utf-8", "replace")) + 1


def _looks_latin1(raw: bytes) -> bool:
    high = [b for b in raw if b >= 0x80]
    return bool(high) and sum(b in b"\xe5\xe4\xf6\xc5\xc4\xd6\xe9" for b in high) * 2 >= len(high)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Compose one YAML document and build plain data with marks; raise PlanError on any problem."""
    try:
        root = yaml.compose(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as exc:
        raise PlanError(_syntax_diagnostic(exc, text, name)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise PlanError(Diagnostic("HBG003", "load.yaml_syntax", Location(name), {"problem": str(exc)})) from None
    if root is None:
        raise PlanError(Diagnostic("HBG006", "load.empty", Location(name, 1, 1)))
    return _Builder(name).build(root)


def load_yaml(path: Path, display: str | None = None) -> YamlDocument:
    name = display or str(path)
    return parse_yaml(read_text(path, name), name)


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, text: str, name: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    column = mark.column + 1 if mark else 0
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    if "expected a single document" in str(exc) or "but found another document" in str(exc):
        return Diagnostic("HBG006", "load.multi_document", Location(name, line, column))
    if "found character '\\t'" in problem or "\t" in _line_at(text, line)[: max(column, 1)]:
        if "\t" in _line_at(text, line).split("#")[0][: _indent_width(_line_at(text, line)) + 1]:
            return Diagnostic("HBG003", "load.tab_indent", Location(name, line, column))
    if exc.context and exc.problem:
        problem = f"{exc.problem.strip()} ({exc.context.strip()}"
        if exc.context_mark and exc.context_mark is not mark:
            problem += f" at line {exc.context_mark.line + 1}"
        problem += ")"
    return Diagnostic("HBG003", "load.yaml_syntax", Location(name, line, column), {"problem": problem})


def _line_at(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _indent_width(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


class _Builder:
    """Turns a composed node tree into plain data, recording marks and refusing unsafe YAML."""

    def __init__(self, name: str) -> None:
        self.doc = YamlDocument(name, None)
        self.seen: set[int] = set()
        self.count = 0

    def build(self, root: yaml.Node) -> YamlDocument:
        self.doc.data = self._value(root, 0)
        return self.doc

    def _fail(self, message_id: str, node: yaml.Node, **args: Any) -> PlanError:
        mark = node.start_mark
        return PlanError(
            Diagnostic("HBG005", message_id, Location(self.doc.file, mark.line + 1, mark.column + 1), args)
        )

    def _value(self, node: yaml.Node, depth: int) -> Any:
        if id(node) in self.seen:
            raise self._fail("load.alias", node)
        self.seen.add(id(node))
        self.count += 1
        if self.count > MAX_NODES:
            raise self._fail("load.too_many_nodes", node, limit=MAX_NODES)
        if depth > MAX_DEPTH:
            raise self._fail("load.too_deep", node, limit=MAX_DEPTH)
        if node.tag not in DEFAULT_TAGS:
            raise self._fail("load.tag", node, tag=node.tag)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            items: list[Any] = []
            self.doc.marks[id(items)] = _mark(node)
            for index, child in enumerate(node.value):
                self.doc.value_marks[(id(items), index)] = _mark(child)
                value = self._value(child, depth + 1)
                if isinstance(child, yaml.ScalarNode) and not isinstance(value, str):
                    self.doc.originals[(id(items), index)] = child.value
                items.append(value)
            return items
        mapping: dict[str, Any] = {}
        self.doc.marks[id(mapping)] = _mark(node)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR_TAG:
                raise self._fail("load.complex_key", key_node)
            if key_node.value == "<<" and key_node.style is None:
                raise self._fail("load.alias", key_node)
            key = _nfc(key_node.value)
            if key in mapping:
                first = self.doc.key_marks[(id(mapping), key)]
                mark = key_node.start_mark
                raise PlanError(
                    Diagnostic(
                        "HBG004",
                        "load.duplicate_key",
                        Location(self.doc.file, mark.line + 1, mark.column + 1),
                        {"key": key, "first_line": first.line, "first_column": first.column},
                        related=Location(self.doc.file, first.line, first.column),
                    )
                )
            self.doc.key_marks[(id(mapping), key)] = _mark(key_node)
            self.doc.value_marks[(id(mapping), key)] = _mark(value_node)
            value = self._value(value_node, depth + 1)
            if isinstance(value_node, yaml.ScalarNode) and not isinstance(value, str):
                self.doc.originals[(id(mapping), key)] = value_node.value or "null"
            mapping[key] = value
        return mapping

    @staticmethod
    def _scalar(node: yaml.ScalarNode) -> Any:
        value: str = node.value
        if node.style:  # quoted or block scalar: always text (plain is None or "")
            return _nfc(value)
        if value in NULLS:
            return None
        if value in TRUES:
            return True
        if value in FALSES:
            return False
        if INT_RE.fullmatch(value):
            return int(value)
        if FLOAT_RE.fullmatch(value) and any(c.isdigit() for c in value):
            return float(value)
        return _nfc(value)


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _nfc(text: str) -> str:
    """Compose text canonically so that NFC and NFD spellings of 'å' compare equal."""
    return text if text.isascii() or unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
