"""Strict YAML loading: bytes → text → nodes → plain data, with a mark on every node.

PyYAML's `safe_load` keeps the last of two duplicate keys, expands aliases without limit and
turns `no` into False and `2015-03-01` into a date. Plans are hand-edited data that CI gates on,
so this loader refuses all of that: it reads the parser's event stream (libyaml where
available) and builds the data itself with YAML 1.2 core scalars, rejecting duplicate keys,
anchors, aliases and tags, stopping at limits on size, depth and node count, and remembering
where each mapping and key stood so that later stages can point at lines.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hbg_plan.core.collector import collector_paused
from hbg_plan.core.problem import Diagnostic, Location, PlanError
from hbg_plan.core.text import Text
from hbg_plan.io.confine import MAX_FILE_BYTES, Refused, Rule, inside, plan_root, read_bounded

try:  # libyaml's parser and composer are several times faster than the pure-Python ones
    from yaml import CSafeLoader as _BaseLoader

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

    LIBYAML = False

# Limits far beyond any real plan (the largest has about 3,500 nodes in 140 kB) that keep a
# hostile file under a second and well under 200 MB. MAX_FILE_BYTES (hbg_plan.io.confine) bounds
# every file read, plans and the files they name alike.
MAX_DEPTH = 64
MAX_NODES = 250_000
# Key marks are read only to point at a key that is wrong (an unknown or duplicate key) or at the
# top-level keys; those of deeper mappings are recorded when first asked for, by parsing again.
KEY_MARK_DEPTH = 2

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"

# YAML 1.2 core schema, minus octal/hex forms nobody writes in a plan. An integer with a leading
# zero ("010") stays text: it is an id or a code, not a number.
INT_RE = re.compile(r"[-+]?(0|[1-9][0-9]*)")
DIGITS_RE = re.compile(r"[-+]?[0-9]+")
FLOAT_RE = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
MAX_INT_DIGITS = 1000  # int() refuses very long digit strings; such a "number" stays text
# What YAML does not allow in a stream (C0/C1 controls other than tab and line breaks, surrogates).
NON_PRINTABLE = re.compile(r"[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
OPENING_QUOTE = re.compile(r'(?:^|[:\-\[{,])[ \t]*(")')  # a double quote that starts a scalar
UNUSUAL_BREAKS = ("\x85", "\u2028", "\u2029")  # NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR
QUOTE_LOOKBACK = 50  # lines before a syntax error searched for the quote that caused it
UNESCAPED_QUOTE = re.compile(r'(?<!\\)"')
ASCII = bytes(range(0x80))
NULLS = {"", "~", "null", "Null", "NULL"}
TRUES = {"true", "True", "TRUE"}
FALSES = {"false", "False", "FALSE"}


class _StrictLoader(_BaseLoader):
    """Only the parser is used: `_Builder` reads its events, so no resolver or constructor runs."""


@dataclass(frozen=True, slots=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, str, int, float, bool, None) plus the marks of every node.

    `marks` maps `id()` of each dict and list in `data` to its mark; `key_marks` maps
    `(id(dict), key)` to the key's mark, `value_marks` `(id(container), key or index)` to the mark
    of a scalar in it (a container's own mark is in `marks`). All stay valid while `data` is
    alive. The marks are the parser's own 0-based objects, kept as they come (building a copy of
    each cost a quarter of the load time); `_one_based` converts the few that are read.
    """

    file: str
    data: Any
    marks: dict[int, Any] = field(default_factory=dict)
    key_marks: dict[tuple[int, str], Any] = field(default_factory=dict)
    value_marks: dict[tuple[int, str | int], Any] = field(default_factory=dict)
    originals: dict[tuple[int, str | int], str] = field(default_factory=dict)
    root: Path | None = None  # the repository root the file was read within (hbg_plan.io.confine)
    # `key_marks` holds the keys of mappings at most this deep (1: the top level; None: all); the
    # rest are recorded from `text` when a location needs one.
    key_depth: int | None = None
    text: str = field(default="", repr=False)

    def location(self, path: Sequence[str | int], *, key: bool = False) -> Location:
        """The location of the node at `path` (or of its key, with `key=True`).

        Walks as far as the path exists, so a path to a missing key points at its parent.
        """
        pointer = to_pointer(path)
        node: Any = self.data
        mark = self.marks.get(id(node))
        for depth, step in enumerate(path, start=1):
            if isinstance(node, dict) and isinstance(step, str) and step in node:
                if key and self.key_depth is not None and depth > self.key_depth:
                    self._record_all_key_marks()
                mark = (
                    self.key_marks.get((id(node), step), mark)
                    if key
                    else self.value_marks.get((id(node), step), mark)
                )
                node = node[step]
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                child = node[step]
                found = self.value_marks.get((id(node), step))  # kept for scalars only
                mark = found if found is not None else self.marks.get(id(child), mark)
                node = child
            else:
                break
            if not key:
                mark = self.marks.get(id(node), mark)
        one_based = _one_based(mark)
        return Location(self.file, one_based.line, one_based.column, pointer)

    def _record_all_key_marks(self) -> None:
        """Parse `text` again keeping every key's mark; its containers map onto this document's
        in the order both were made (the order of `marks`)."""
        full = _parse(self.text, self.file, None)
        ours = dict(zip(full.marks, self.marks, strict=True))
        self.key_marks = {(ours[container], k): mark for (container, k), mark in full.key_marks.items()}
        self.key_depth = None

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


def clip(text: str, limit: int = 60) -> str:
    """`text` cut to `limit` characters for a message: a hostile key or tag must not flood the log."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_pointer(path: Sequence[str | int]) -> str:
    """RFC 6901 JSON pointer for a data path."""
    return "".join("/" + str(step).replace("~", "~0").replace("/", "~1") for step in path)


# Plans read from standard input (`hbg-plan validate -`), by the absolute path they stand in for
# (--stdin-filename): read_text returns these bytes instead of reading that path. Set once per run
# by the command line, which has bounded them like a file (MAX_FILE_BYTES).
STAND_INS: dict[str, bytes] = {}


def read_text(path: Path, display: str | None = None) -> str:
    """Read a plan file as UTF-8 (BOM allowed), refusing binary, UTF-16 and oversized files.

    Goes through the confinement policy (hbg_plan.io.confine): a plan file that is a symlink
    resolving outside its repository is refused unread, and at most MAX_FILE_BYTES + 1 bytes are
    read from a regular file, opened without blocking, so a FIFO, /dev/zero or a file that grows
    while it is read cannot hang the run or exhaust memory.
    """
    return _read(path, display or str(path))[0]


Preread = tuple[bytes, Path]  # a plan file's bytes, read through the policy, and its repository root


def _read(path: Path, name: str, preread: Preread | None = None) -> tuple[str, Path | None]:
    """The text of a plan file and the repository root it was read within (None: standard input).
    `preread`: the caller has already read the file (the cache key of `validate` hashes its bytes)."""
    if preread is not None:
        return decode(preread[0], name), preread[1]
    stand_in = STAND_INS.get(os.path.abspath(path))
    if stand_in is not None:
        return decode(stand_in, name), None
    root = plan_root(path)
    try:
        raw = read_bounded(inside(path, root))
    except Refused as exc:
        raise PlanError(_refusal_diagnostic(exc, name)) from None
    return decode(raw, name), root


def _refusal_diagnostic(exc: Refused, name: str) -> Diagnostic:
    """The loader's own words for a plan file the confinement policy will not read."""
    if exc.rule is Rule.NOT_FOUND:
        return Diagnostic("HBG001", "load.not_found", Location(name))
    if exc.rule is Rule.NOT_REGULAR:
        return Diagnostic("HBG001", "load.not_regular", Location(name))
    if exc.rule is Rule.TOO_LARGE:
        return Diagnostic(
            "HBG001", "load.too_large", Location(name, 1, 1), {"size": exc.size, "limit": MAX_FILE_BYTES}
        )
    if exc.rule is Rule.OUTSIDE:
        return Diagnostic("HBG001", "confine.file_refused", Location(name), {"reason": exc})
    return Diagnostic("HBG001", "load.unreadable", Location(name), {"reason": exc.reason})


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
        guess = Text("guess.latin1" if _looks_latin1(raw) else "guess.binary")
        raise PlanError(
            Diagnostic(
                "HBG002",
                "load.not_utf8",
                Location(name, line, column),
                {"byte": raw[exc.start], "guess": guess},
            )
        ) from None
    text = text.removeprefix("\ufeff")
    # YAML counts U+2028 and friends as line breaks, most editors do not: line numbers would disagree.
    # Three str.find calls cost a twentieth of a regular expression's search of the whole text.
    found = [] if text.isascii() else [at for at in map(text.find, UNUSUAL_BREAKS) if at >= 0]
    if found:
        offset = min(found)
        line, column = text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
        where = Location(name, line, column)
        raise PlanError(
            Diagnostic("HBG002", "load.unusual_break", where, {"char": f"U+{ord(text[offset]):04X}"})
        )
    return text


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[line_start:offset].decode("utf-8", "replace")) + 1


def _looks_latin1(raw: bytes) -> bool:
    """Whether most non-ASCII bytes are Latin-1 å ä ö Å Ä Ö é (counted at C speed: files can be large)."""
    high = raw.translate(None, ASCII)
    return bool(high) and sum(high.count(b) for b in b"\xe5\xe4\xf6\xc5\xc4\xd6\xe9") * 2 >= len(high)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse one YAML document into plain data with marks; raise PlanError on any problem.

    Works on the parser's event stream rather than a composed node tree, so the limits on depth
    and node count stop a hostile file after MAX_NODES events, before it has cost any memory.
    """
    try:
        return _parse(text, name, KEY_MARK_DEPTH)
    except _KeyMarksNeeded:  # a duplicate key deeper than the key marks kept: again, keeping all
        return _parse(text, name, None)


def _parse(text: str, name: str, key_depth: int | None) -> YamlDocument:
    loader = _StrictLoader(text)
    # The built data holds no reference cycles, so reference counting frees all of it: the cycle
    # collector, which the many new containers would trigger over and over (a second or more on a
    # 4,000-goal plan), is paused while building.
    try:
        with collector_paused():
            doc = _Builder(name, key_depth).build(loader)
        doc.text = text
        return doc
    except yaml.MarkedYAMLError as exc:
        raise PlanError(_syntax_diagnostic(exc, text, name)) from None
    except yaml.reader.ReaderError as exc:  # a control character; libyaml counts its position in bytes
        raise PlanError(_reader_diagnostic(exc, text, name)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other unmarked errors are not known to occur
        raise PlanError(
            Diagnostic("HBG003", "load.yaml_syntax", Location(name), {"problem": str(exc)})
        ) from None
    finally:
        loader.dispose()


def load_yaml(path: Path, display: str | None = None, preread: Preread | None = None) -> YamlDocument:
    name = display or str(path)
    text, root = _read(path, name, preread)
    doc = parse_yaml(text, name)
    doc.root = root
    return doc


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, text: str, name: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    column = mark.column + 1 if mark else 0
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    if "maximum nesting depth" in problem:  # libyaml's own limit (1000), met inside one long line
        return Diagnostic("HBG005", "load.too_deep", Location(name, line, column), {"limit": MAX_DEPTH})
    index = min(mark.index, len(text)) if mark else 0
    line_text = _line_at(text, index)
    if (
        "found character '\\t'" in problem or "\t" in line_text[: max(column, 1)]
    ) and "\t" in line_text.split("#")[0][: _indent_width(line_text) + 1]:
        return Diagnostic("HBG003", "load.tab_indent", Location(name, line, column))
    quote = _unclosed_quote(text, index, line) if mark else None
    if quote is None and exc.context_mark and "while scanning a quoted scalar" in (exc.context or ""):
        quote = exc.context_mark.line + 1, exc.context_mark.column + 1
    if quote is not None:
        return Diagnostic(
            "HBG003",
            "load.unclosed_quote",
            Location(name, *quote),
            {"error_line": line, "problem": (exc.problem or "invalid YAML").strip()},
        )
    if exc.context and exc.problem:
        problem = f"{exc.problem.strip()} ({exc.context.strip()}"
        if exc.context_mark and exc.context_mark is not mark:
            problem += f" at line {exc.context_mark.line + 1}"
        problem += ")"
    return Diagnostic("HBG003", "load.yaml_syntax", Location(name, line, column), {"problem": problem})


def _reader_diagnostic(exc: yaml.reader.ReaderError, text: str, name: str) -> Diagnostic:
    found = NON_PRINTABLE.search(text)
    offset = found.start() if found else 0
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    problem = f"unacceptable character #x{exc.character:04x}: {exc.reason}"
    return Diagnostic("HBG003", "load.yaml_syntax", Location(name, line, column), {"problem": problem})


def _unclosed_quote(text: str, index: int, line: int) -> tuple[int, int] | None:
    """Line and column of a double quote left open shortly before an error, its likely cause.

    Plans write every string in double quotes on one line, so a line with an odd number of
    unescaped quotes is almost always a missing closing quote. Only the QUOTE_LOOKBACK lines
    before the error's line are read, without splitting the whole (possibly huge) text.
    """
    head = text[: text.rfind("\n", 0, index) + 1]  # everything before the error's line
    if head.count("\n") <= QUOTE_LOOKBACK:
        lines = head.split("\n")[:-1]
    else:
        lines = head.rsplit("\n", QUOTE_LOOKBACK + 1)[1:-1]
    for number, text_line in enumerate(lines, start=line - len(lines)):
        if len(UNESCAPED_QUOTE.findall(text_line)) % 2 == 0 or text_line.lstrip().startswith("#"):
            continue
        opening = OPENING_QUOTE.search(text_line)
        if opening:
            return number, opening.start(1) + 1
    return None


def _line_at(text: str, index: int) -> str:
    """The line of `text` that holds character `index`."""
    end = text.find("\n", index)
    return text[text.rfind("\n", 0, index) + 1 : end if end >= 0 else len(text)]


def _indent_width(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


_NO_KEY: Any = object()  # a mapping waiting for its next key


class _KeyMarksNeeded(Exception):
    """A duplicate key whose first occurrence's mark was not kept (see KEY_MARK_DEPTH)."""


PLAIN_CONSTANTS: dict[str, Any] = {
    **dict.fromkeys(NULLS), **dict.fromkeys(TRUES, True), **dict.fromkeys(FALSES, False)
}  # fmt: skip
NUMBER_STARTS = frozenset("+-.0123456789")  # a plain scalar starting otherwise is no number


class _Builder:
    """Turns parser events into plain data, recording marks and refusing unsafe or costly YAML.

    Iterative (an explicit stack, no recursion) and streaming: it stops at the first alias,
    tag, duplicate key, or at MAX_DEPTH / MAX_NODES, without reading the rest of the file.
    """

    def __init__(self, name: str, key_depth: int | None = None) -> None:
        self.doc = YamlDocument(name, None, key_depth=key_depth)
        self.count = 0

    def build(self, loader: Any) -> YamlDocument:
        # The hot loop of every command: one iteration per parser event. The open container, its
        # kind and its pending key live in local variables (the enclosing ones on `stack`), the
        # common cases (a key, a quoted or plain scalar) are inlined, and event kinds are told
        # apart by identity rather than isinstance.
        doc = self.doc
        marks, key_marks, value_marks, originals = doc.marks, doc.key_marks, doc.value_marks, doc.originals
        stack: list[tuple[Any, bool]] = []  # the enclosing containers and whether each is a mapping
        container: Any = None  # the innermost open container (None: at the root)
        cid = 0  # its id()
        is_map = False
        key: Any = _NO_KEY
        depth = 0  # open containers
        documents = 0
        root: Any = None
        count = 0
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        constants, number_starts, missing = PLAIN_CONSTANTS, NUMBER_STARTS, _NO_KEY
        is_normalized, normalize = unicodedata.is_normalized, unicodedata.normalize
        key_depth = MAX_DEPTH + 1 if doc.key_depth is None else doc.key_depth
        value: Any
        for event in iter(loader.get_event, None):
            kind = type(event)
            if kind is scalar_event or kind is map_start or kind is seq_start:  # a node: the limits
                if event.anchor is not None:
                    raise self._fail("load.alias", event)
                count += 1
                if count > MAX_NODES:
                    raise self._fail("load.too_many_nodes", event, limit=MAX_NODES)
                if depth > MAX_DEPTH:
                    raise self._fail("load.too_deep", event, limit=MAX_DEPTH)
                if kind is scalar_event:
                    text = event.value
                    tag = event.tag
                    if is_map and key is missing:  # a key
                        if tag is not None:
                            if tag != "!" and tag != STR_TAG:
                                raise self._fail("load.tag", event, tag=clip(tag))
                        elif text == "<<" and not event.style:
                            raise self._fail("load.alias", event)  # a merge key only ever merges an alias
                        if not text.isascii() and not is_normalized("NFC", text):
                            text = normalize("NFC", text)
                        if text in container:
                            raise self._duplicate(event, container, text)
                        if depth <= key_depth:
                            key_marks[(cid, text)] = event.start_mark
                        key = text
                        continue
                    if tag is None:
                        if event.style:  # quoted or block scalar (plain is None or ""): text
                            value = text
                            if not text.isascii() and not is_normalized("NFC", text):
                                value = normalize("NFC", text)
                        else:
                            value = constants.get(text, missing)
                            if value is missing:
                                if text[0] not in number_starts:  # a word, an id: text
                                    value = text if text.isascii() else _nfc(text)
                                elif text.isdigit() and text.isascii():  # line numbers, years: the core
                                    # schema's int unless a leading zero or too many digits make it text
                                    long = len(text) > MAX_INT_DIGITS
                                    value = text if long or (text[0] == "0" and len(text) > 1) else int(text)
                                else:
                                    value = _scalar(text, None)
                    elif tag == "!" or tag == STR_TAG:  # an explicit string: `! 010`, `!!str no`
                        value = _nfc(text)
                    else:
                        raise self._fail("load.tag", event, tag=clip(tag))
                    if container is None:
                        root = value
                        continue
                    if is_map:
                        container[key] = value
                        value_marks[(cid, key)] = event.start_mark
                        if type(value) is not str:
                            originals[(cid, key)] = text or "null"
                        key = missing
                    else:
                        slot = len(container)
                        container.append(value)
                        value_marks[(cid, slot)] = event.start_mark
                        if type(value) is not str:
                            originals[(cid, slot)] = text or "null"
                else:  # a mapping or a sequence opens
                    if is_map and key is missing:
                        raise self._fail("load.complex_key", event)
                    opens_map = kind is map_start
                    tag = event.tag
                    if tag is not None and tag != "!" and tag != (MAP_TAG if opens_map else SEQ_TAG):
                        raise self._fail("load.tag", event, tag=clip(tag))
                    value = {} if opens_map else []
                    marks[id(value)] = event.start_mark  # also the mark of the value in its parent
                    if container is None:
                        root = value
                    elif is_map:
                        container[key] = value
                    else:
                        container.append(value)
                    stack.append((container, is_map))
                    depth += 1
                    container, cid, is_map, key = value, id(value), opens_map, missing
            elif kind is map_end or kind is seq_end:
                container, is_map = stack.pop()
                cid = id(container)
                depth -= 1
                key = missing
            elif kind is alias_event:
                raise self._fail("load.alias", event)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise PlanError(Diagnostic("HBG006", "load.multi_document", self._where(event)))
        self.count = count
        if root is None:  # nothing at all, only comments, a bare `---` or `~`
            raise PlanError(Diagnostic("HBG006", "load.empty", Location(self.doc.file, 1, 1)))
        self.doc.data = root
        return self.doc

    def _where(self, event: yaml.Event) -> Location:
        mark = _one_based(event.start_mark)
        return Location(self.doc.file, mark.line, mark.column)

    def _fail(self, message_id: str, event: yaml.Event, **args: Any) -> PlanError:
        return PlanError(Diagnostic("HBG005", message_id, self._where(event), args))

    def _duplicate(self, event: Any, mapping: dict[str, Any], key: str) -> PlanError:
        found = self.doc.key_marks.get((id(mapping), key))
        if found is None:
            raise _KeyMarksNeeded
        first = _one_based(found)
        return PlanError(
            Diagnostic(
                "HBG004",
                "load.duplicate_key",
                self._where(event),
                {"key": clip(key), "first_line": first.line, "first_column": first.column},
                related=Location(self.doc.file, first.line, first.column),
            )
        )


def _scalar(value: str, style: str | None) -> Any:
    """A plain scalar resolved by the YAML 1.2 core schema; quoted and block scalars stay text."""
    if style:  # quoted or block scalar (plain is None or "")
        return _nfc(value)
    if value in NULLS:
        return None
    if value in TRUES:
        return True
    if value in FALSES:
        return False
    if DIGITS_RE.fullmatch(value):  # "010" and 5000-digit "numbers" are codes or mistakes: text
        return int(value) if INT_RE.fullmatch(value) and len(value) <= MAX_INT_DIGITS else _nfc(value)
    if FLOAT_RE.fullmatch(value) and any(c.isdigit() for c in value):
        return float(value)
    return _nfc(value)


def _one_based(mark: Any) -> Mark:
    """A parser mark (0-based, or None) as the 1-based line and column users see."""
    return Mark(mark.line + 1, mark.column + 1) if mark is not None else Mark(1, 1)


def _nfc(text: str) -> str:
    """Compose text canonically so that NFC and NFD spellings of 'å' compare equal."""
    return (
        text
        if text.isascii() or unicodedata.is_normalized("NFC", text)
        else unicodedata.normalize("NFC", text)
    )
