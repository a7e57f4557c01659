"""Plain source text → a document tree (focus areas, topics, goals), every string cut verbatim.

Three steps:

1. `classify` — each line is blank, page furniture, a heading of the template (grammar.py) or
   text, with its bullet glyph taken off.
2. `paragraphs` — text lines are joined into strings: a bullet runs until the next bullet,
   heading or paragraph; an unbulleted line ends its paragraph where the line could have held the
   next word (so it was not wrapped) and the next line starts a sentence; across a blank line or a
   page break a paragraph continues only mid-sentence. A word hyphenated at a line end is joined
   keeping the hyphen.
3. `parse` — the headings give the structure; a topic title is the first short, unpunctuated,
   unbulleted line after the previous goal's block. Whatever the parser cannot place goes to a
   `review` note on the nearest node, with its lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from hbg_plan.analysis.importer import grammar
from hbg_plan.analysis.importer.ids import slug


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    raw: str
    kind: str  # blank | furniture | text | a kind of grammar.LINE_PATTERNS
    content: str  # stripped, without the bullet glyph
    glyph: str | None = None  # '-', '•', 'o' …
    match: re.Match[str] | None = None


@dataclass
class Para:
    """A string of the document: one bullet or paragraph, lines joined."""

    text: str
    first: int
    last: int
    glyph: str | None
    gap_before: int  # blank or furniture lines between this and the previous text
    empty_before: bool  # whether that gap holds a truly empty line (two-column follow-ups)
    ends_sentence: bool
    spaced: bool = False  # its printed lines were joined across single blank lines (double spacing)
    item: bool = False  # an item of a list printed without glyphs: it ends with its sentence

    @property
    def title_like(self) -> bool:
        return self.glyph is None and is_title_like(self.text)


@dataclass
class Review:
    first: int
    last: int
    reason: str  # a message id of hbg_plan.i18n.importer
    text: str = ""
    values: dict[str, object] = field(default_factory=dict)


@dataclass
class Goal:
    horizon: str
    first: int
    last: int
    heading: str | None = None
    period: str | None = None
    suffix: str | None = None  # id suffix for the 2015 template ('nulage')
    texts: list[Para] = field(default_factory=list)
    indicator_heading: int | None = None
    indicators: list[Para] = field(default_factory=list)
    saknas: tuple[int, int] | None = None  # "Saknas." as the whole indicator list (heading to line)
    goal_saknas: int | None = None  # "Saknas." where the goal's own text should stand (its line)
    partial_saknas: tuple[int, int] | None = (
        None  # "Saknas." listed after stated indicators: (line, position)
    )
    responsible_lines: list[Para] = field(default_factory=list)
    review: list[Review] = field(default_factory=list)


@dataclass
class Topic:
    title: str | None
    first: int
    last: int
    number: int | None = None
    key: str | None = None  # '2015' numbered topics: 'A:1'
    description: list[Para] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    review: list[Review] = field(default_factory=list)


@dataclass
class Area:
    title: str
    first: int
    last: int
    number: int | None = None
    letter: str | None = None
    description: list[Para] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    review: list[Review] = field(default_factory=list)


@dataclass
class Document:
    lines: list[str]
    title: str
    title_lines: tuple[int, int]
    follow_up: bool
    preamble: list[Para] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    review: list[Review] = field(default_factory=list)  # nothing nearer to attach it to
    periods: list[str] = field(default_factory=list)


class NoTemplate(Exception):
    """The text matches none of the template's headings."""


HEADING_KINDS = frozenset({"focus", "short", "long", "indicators", "saknas", "part", "numbered_topic"})


def is_title_like(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > grammar.TITLE_MAX_CHARS or len(text.split()) > grammar.TITLE_MAX_WORDS:
        return False
    if text[-1] in grammar.TITLE_END_FORBIDDEN or ". " in text or grammar.LINK_LABEL.search(text):
        return False
    first = text[0]
    return first.isupper() or first.isdigit()


# --- 1. lines ------------------------------------------------------------------------------


def classify(text: str) -> list[Line]:
    raws = text.split("\n")
    if text.endswith("\n"):
        raws.pop()
    lines = [_classify_one(n, raw) for n, raw in enumerate(raws, 1)]

    # running headers and footers: short unbulleted lines standing alone, repeated verbatim
    def alone(i: int) -> bool:
        line = lines[i]
        if (
            line.kind != "text"
            or line.glyph is not None
            or len(line.content) > grammar.RUNNING_HEADER_MAX_CHARS
        ):
            return False
        before = lines[i - 1].kind if i > 0 else "blank"
        after = lines[i + 1].kind if i + 1 < len(lines) else "blank"
        return before in ("blank", "furniture") and after in ("blank", "furniture")

    # a dash that starts a line only once or twice in the whole document, right after a line that
    # stops mid-sentence, is a dash of the text ('2015-08-01 / – 2015-12-31'), not a bullet
    # (or one that goes on in lower case after a full line: 'Mental health' / '- en … insats')
    dashes = Counter(line.glyph for line in lines if line.glyph in grammar.DASH_GLYPHS)
    previous: Line | None = None
    previous_index = -1
    for i, line in enumerate(lines):
        if (
            line.glyph in grammar.DASH_GLYPHS
            and line.kind == "text"
            and previous is not None
            and previous.content.rstrip()[-1:] not in grammar.TERMINAL
            and (
                dashes[line.glyph] <= grammar.LONE_DASH_MAX
                or (line.content[:1].islower() and _wrapped(lines, previous_index, line.content))
            )
        ):
            lines[i] = Line(line.number, line.raw, "text", line.raw.strip().replace("\u00a0", " ").strip())
        if line.kind not in ("blank", "furniture"):
            previous, previous_index = (line, i) if line.kind == "text" else (None, -1)

    candidates = [i for i in range(len(lines)) if alone(i)]
    counts = Counter(lines[i].content for i in candidates)
    for i in candidates:
        if counts[lines[i].content] >= grammar.RUNNING_HEADER_REPEATS:
            line = lines[i]
            lines[i] = Line(line.number, line.raw, "furniture", line.content)
    return lines


def _classify_one(number: int, raw: str) -> Line:
    stripped = raw.strip().replace("\u00a0", " ").strip()
    if not stripped:
        return Line(number, raw, "blank", "")
    if any(p.match(stripped) for p in grammar.FURNITURE) or grammar.PAGE_NUMBER.match(stripped):
        return Line(number, raw, "furniture", stripped)
    glyph: str | None = None
    content = stripped
    bullet = grammar.BULLET.match(stripped)
    if bullet and len(stripped) > bullet.end():
        glyph = stripped[0]
        content = stripped[bullet.end() :]
    else:
        sub = grammar.SUB_BULLET.match(stripped)
        if sub and len(stripped) > sub.end():
            glyph = "o"
            content = stripped[sub.end() :]
    for pattern in grammar.LINE_PATTERNS:
        match = pattern.pattern.fullmatch(content)
        if match:
            return Line(number, raw, pattern.kind, content, glyph, match)
    return Line(number, raw, "text", content, glyph)


# --- 2. paragraphs -------------------------------------------------------------------------


def _join(text: str, more: str) -> str:
    if _hyphenated(text) and more[:1].isalnum() and more.split()[0].lower() not in grammar.SUSPENDED_HYPHEN:
        return text + more  # a word hyphenated at the line end: keep the hyphen, no space
    return f"{text} {more}"


def _hyphenated(text: str) -> bool:
    return len(text) >= 2 and text.endswith("-") and text[-2].isalnum()


def _local_width(lines: list[Line], index: int, reach: int = 6) -> int:
    """The longest of the text lines around `index`: the width the page wraps at."""
    widths = [len(lines[index].raw.rstrip())]
    for step in (-1, 1):
        i, seen = index + step, 0
        while 0 <= i < len(lines) and seen < reach:
            if lines[i].kind == "text":
                widths.append(len(lines[i].raw.rstrip()))
                seen += 1
            i += step
    return max(widths)


def _starts_sentence(content: str) -> bool:
    first = content[:1]
    return first.isupper() or first.isdigit() or first in "\"“”'(«"


@dataclass
class Unit:
    """A heading line or a paragraph, in document order."""

    line: Line | None = None
    para: Para | None = None

    @property
    def kind(self) -> str:
        return self.line.kind if self.line else "para"

    @property
    def first(self) -> int:
        if self.para:
            return self.para.first
        assert self.line
        return self.line.number


def units(lines: list[Line]) -> list[Unit]:
    out: list[Unit] = []
    current: Para | None = None
    current_index = -1  # index of current.last in `lines`
    gap = blanks = 0
    empty = False
    for index, line in enumerate(lines):
        if line.kind in ("blank", "furniture"):
            gap += 1
            blanks += line.kind == "blank"
            empty = empty or (line.kind == "blank" and line.raw == "")
            continue
        if line.kind != "text":  # a heading ends the paragraph
            current = None
            out.append(Unit(line=line))
            gap, blanks, empty = 0, 0, False
            continue
        content = line.content
        if (
            current is not None
            and line.glyph is None
            and _continues(current, lines, current_index, index, gap, blanks)
        ):
            current.spaced = current.spaced or (gap == blanks == 1)
            current.text = _join(current.text, content)
            current.last = line.number
            current.ends_sentence = content.rstrip()[-1:] in grammar.TERMINAL
            current_index = index
            gap, blanks, empty = 0, 0, False
            continue
        current = Para(
            text=content,
            first=line.number,
            last=line.number,
            glyph=line.glyph,
            gap_before=gap,
            empty_before=empty,
            ends_sentence=content.rstrip()[-1:] in grammar.TERMINAL,
            # after a paragraph that stopped short without a full stop and starts with the same word
            # ('Att bevaka …' / 'Att följa upp …'): an item of a list printed without glyphs
            item=line.glyph is None
            and current is not None
            and current.glyph is None
            and gap == 0
            and not current.ends_sentence
            and _same_first_word(current.text, content),
        )
        current_index = index
        out.append(Unit(para=current))
        gap, blanks, empty = 0, 0, False
    return out


def _continues(current: Para, lines: list[Line], last_index: int, index: int, gap: int, blanks: int) -> bool:
    line = lines[index]
    content = line.content
    if _topic_title_ahead(lines, last_index, index):
        return False
    if gap and not blanks:
        gap = 0  # only page furniture in between: read on as if the page had not broken
    if gap:
        # across a blank line: only mid-sentence, and never into a heading-like line
        if current.title_like:
            return False
        single = gap == blanks == 1
        if single and grammar.LINK_LABEL.search(content):
            return True  # a printed link label ('Stöd till anhöriga | Helsingborg.se') belongs to the text before
        if current.ends_sentence:
            # a paragraph printed double-spaced (a blank line after every printed line) runs on to its
            # next sentence, up to the next bullet, heading or wider gap: a bullet always, other text
            # when the line before was full
            if not single or _new_item(current, content):
                return False
            if current.spaced and _wrapped(lines, last_index, content):
                return True  # the line before was full: a wrapped line that merely looks like a title
            if is_title_like(content):
                return False
            return (current.glyph is not None and current.spaced) or _wrapped(
                lines, last_index, content, line
            )
        if _hyphenated(current.text):
            return True
        if single and _wrapped(lines, last_index, content):
            return True  # the line before was full: it was wrapped, the blank line is the extractor's
        return not _starts_sentence(content) or not is_title_like(content)
    if current.glyph is not None:
        return True  # a bullet's wrapped lines
    previous = lines[last_index]
    if not _starts_sentence(content):
        return True
    if current.first == current.last and current.title_like and len(current.text) < 60:
        return False  # a heading-like line standing alone
    if previous.content.rstrip()[-1:] not in grammar.TERMINAL:
        # mid-sentence: wrapped, unless the line had room to spare and the next one starts anew
        # (a list printed without glyphs: 'Uppdraget är;' / 'Att årligen …' / 'Att bevaka …')
        if current.item and _same_first_word(current.text, content):
            return False  # the next item of a list printed without glyphs
        return _wrapped(lines, last_index, content) or not _same_first_word(current.text, content)
    if current.item or _new_item(current, content):
        return False  # a list item ends with its sentence
    # the line could have held the next word: it was not wrapped, the paragraph ends
    return _wrapped(lines, last_index, content, line)


def _new_item(current: Para, content: str) -> bool:
    """A labelled item ('Familjehuset; erbjuder …') after one that ended its sentence."""
    return current.ends_sentence and bool(grammar.LABELLED_ITEM.match(content))


def _same_first_word(text: str, content: str) -> bool:
    return text.split()[0] == content.split()[0]


def _wrapped(lines: list[Line], last_index: int, content: str, following: Line | None = None) -> bool:
    """Whether the line at `last_index` was too full to hold the first word of `content`.

    Proportional fonts make a character count loose: when the next line is itself a full one that
    stops mid-sentence (the paragraph runs on), a line a few characters short still counts as wrapped."""
    previous = lines[last_index]
    width = _local_width(lines, last_index)
    room = width - len(previous.raw.rstrip())
    slack = 0.0
    if (
        following is not None
        and len(following.raw.rstrip()) >= grammar.FULL_LINE * width
        and following.content.rstrip()[-1:] not in grammar.TERMINAL
    ):
        slack = grammar.WRAP_SLACK * width
    return room < len(content.split()[0]) + 1 + slack  # the word and its space did not fit


def _topic_title_ahead(lines: list[Line], last_index: int, index: int) -> bool:
    """A short unpunctuated line right before a goal heading is a topic title, not the end of the
    text above it, unless that text was cut mid-sentence by the line width."""
    line = lines[index]
    if line.glyph is not None or not is_title_like(line.content):
        return False
    title = line.content
    following: Line | None = None
    for later in lines[index + 1 :]:
        if later.kind in ("blank", "furniture"):
            continue
        if later.kind == "text" and later.glyph is None and is_title_like(f"{title} {later.content}"):
            title = f"{title} {later.content}"  # a title wrapped in a narrow column
            continue
        following = later
        break
    if following is None or following.kind not in grammar.TITLE_BEFORE:
        return False
    previous = lines[last_index]
    return previous.content.rstrip()[-1:] in grammar.TERMINAL or not _wrapped(lines, last_index, line.content)


# --- 3. structure --------------------------------------------------------------------------


def parse(text: str) -> Document:
    lines = classify(text)
    if not any(line.kind in ("focus", "short", "long", "numbered_topic") for line in lines):
        raise NoTemplate
    return _Parser(lines, units(lines)).run()


class _Parser:
    def __init__(self, lines: list[Line], units: list[Unit]) -> None:
        self.lines = lines
        self.units = units
        self.raws = [line.raw for line in lines]
        self.doc: Document
        self.area: Area | None = None
        self.topic: Topic | None = None
        self.goal: Goal | None = None
        self.section = "preamble"  # preamble | area | description | texts | indicators | closed | displaced
        self.displaced_from = ""  # the section a two-column follow-up left for the other column
        self.last_anchor = max(
            (i for i, u in enumerate(units) if u.kind in HEADING_KINDS or u.kind == "responsible"), default=-1
        )
        self.titles = self._topic_titles()

    # which paragraph units are topic titles
    def _topic_titles(self) -> set[int]:
        titles: set[int] = set()
        previous_anchor = -1
        previous_kind = "start"
        long_in_topic = False
        for i, unit in enumerate(self.units):
            kind = unit.kind
            if kind not in HEADING_KINDS:
                continue
            search = False
            if kind == "short":
                search = True
            elif kind == "long":
                search = previous_kind in ("focus", "start") or (
                    previous_kind in ("indicators", "saknas") and long_in_topic
                )
            if search:
                found = self._title_between(previous_anchor, i)
                if found is not None:
                    titles.add(found)
                    long_in_topic = False
            if kind == "focus":
                long_in_topic = False
            if kind == "long":
                long_in_topic = True
            previous_kind = kind
            previous_anchor = i
        return titles

    def _title_between(self, start: int, end: int) -> int | None:
        for j in range(start + 1, end):
            para = self.units[j].para
            if para is None:
                continue
            if para.title_like and (
                j in (start + 1, end - 1) or para.gap_before > 0 or self.units[j - 1].para is None
            ):
                return j
        return None

    def run(self) -> Document:
        title, title_lines, first_body = self._title()
        self.doc = Document(
            lines=self.raws,
            title=title,
            title_lines=title_lines,
            follow_up=bool(grammar.FOLLOW_UP_TITLE.search(title)),
        )
        for i in range(first_body, len(self.units)):
            self._unit(i, self.units[i])
        self._close_goal()
        return self.doc

    def _title(self) -> tuple[str, tuple[int, int], int]:
        parts: list[Para] = []
        index = 0
        for index, unit in enumerate(self.units):  # noqa: B007
            para = unit.para
            if para is None or len(parts) >= 4:
                break
            text = para.text.strip()
            if (
                len(text) > grammar.TITLE_MAX_CHARS
                or text[-1] in ".,;:"
                or ". " in text
                or para.glyph is not None
            ):
                break
            parts.append(para)
        else:
            index = len(self.units)
        if not parts:
            return "", (1, 1), 0
        return " ".join(p.text.strip() for p in parts), (parts[0].first, parts[-1].last), index

    # --- handlers ----------------------------------------------------------------------
    def _unit(self, index: int, unit: Unit) -> None:
        line = unit.line
        if line is None:
            assert unit.para is not None
            self._para(index, unit.para)
            return
        kind = line.kind
        match = line.match
        assert match is not None
        if kind == "focus":
            self._close_goal()
            number = int(match["number"])
            self.area = Area(match["title"].strip(), line.number, line.number, number=number)
            self.doc.areas.append(self.area)
            self.topic = None
            self.section = "area"
        elif kind == "part":
            self._close_goal()
            self.area = Area(match["title"].strip(), line.number, line.number, letter=match["letter"])
            self.doc.areas.append(self.area)
            self.topic = None
            self.section = "area"
        elif kind == "numbered_topic":
            self._close_goal()
            area = self._ensure_area(line.number)
            topic = Topic(
                match["title"].strip(),
                line.number,
                line.number,
                number=int(match["number"]),
                key=f"{match['letter']}{match['number']}",
            )
            area.topics.append(topic)
            self.topic = topic
            horizon, suffix = "short", "utveckling"
            for pattern, found in grammar.PART_HORIZONS:
                if pattern.search(area.title):
                    horizon, suffix = found, _first_word_slug(area.title)
                    break
            else:
                suffix = _first_word_slug(area.title) or "mal"
            self.goal = Goal(horizon, line.number + 1, line.number, suffix=suffix)
            topic.goals.append(self.goal)
            self.section = "texts"
        elif kind in ("short", "long"):
            self._close_goal()
            if self.topic is None:
                self._new_topic(None, line.number)
            assert self.topic is not None
            heading = match["heading"].strip()
            period = None
            if kind == "short" and match["period"]:
                period = re.sub(r"\s*[-–—]\s*", "-", match["period"])
                self.doc.periods.append(period)
            self.goal = Goal(
                "short" if kind == "short" else "long",
                line.number,
                line.number,
                heading=heading if kind == "short" else None,
                period=period,
            )
            if kind == "short" and heading != line.content.strip():
                self.goal.heading = line.content.strip()
            self.topic.goals.append(self.goal)
            self.section = "texts"
        elif kind == "indicators":
            if self.goal is None or self.goal.indicator_heading is not None:
                self._review_here(line.number, line.number, "import.review.stray_heading", line.content)
                return
            self.goal.indicator_heading = line.number
            self.goal.last = line.number
            self.section = "indicators"
        elif kind == "saknas":
            goal = self.goal
            if (
                goal is not None
                and self.section == "indicators"
                and not goal.indicators
                and goal.indicator_heading
            ):
                goal.saknas = (goal.indicator_heading, line.number)
                goal.last = line.number
                self.section = "closed"
            elif (
                goal is not None
                and self.section == "indicators"
                and goal.indicators
                and not goal.partial_saknas
            ):
                # one indicator per goal text, the last one missing: 'Öppna jämförelser.' / 'Saknas.'
                goal.partial_saknas = (line.number, len(goal.indicators))
                goal.last = line.number
            elif goal is not None and self.section == "texts" and not goal.texts and goal.goal_saknas is None:
                goal.goal_saknas = line.number  # 'Långsiktiga mål' / 'Saknas.': the document has no such goal
                goal.last = line.number
            else:
                self._review_here(line.number, line.number, "import.review.stray_saknas", line.content)
        elif kind == "signature":
            self.doc.review.append(Review(line.number, line.number, "import.review.signature", line.content))
        elif kind == "responsible":
            para = Para(line.content, line.number, line.number, line.glyph, 0, False, True)
            if self.goal is not None:
                self.goal.responsible_lines.append(para)
                self.goal.last = line.number
            else:
                self._review_here(line.number, line.number, "import.review.stray_responsible", line.content)

    def _para(self, index: int, para: Para) -> None:
        if index in self.titles:
            self._close_goal()
            self._new_topic(para, para.first)
            self.section = "description"
            return
        section = self.section
        goal = self.goal
        if (
            self.doc.follow_up
            and goal is not None
            and section in ("texts", "indicators")
            and para.empty_before
            and (goal.texts or goal.indicators)
        ):
            self.displaced_from = section
            self.section = section = "displaced"
        if (
            index > self.last_anchor
            and section == "indicators"
            and para.gap_before >= 3
            and goal
            and goal.indicators
        ):
            self.section = section = "tail"
        if section == "preamble":
            self.doc.preamble.append(para)
        elif section == "area":
            assert self.area is not None
            self.area.description.append(para)
            self.area.last = para.last
        elif section == "description":
            assert self.topic is not None
            self.topic.description.append(para)
            self.topic.last = para.last
        elif section == "texts":
            assert goal is not None
            goal.texts.append(para)
            goal.last = para.last
        elif section == "indicators":
            assert goal is not None
            goal.indicators.append(para)
            goal.last = para.last
        elif (
            section == "displaced"
            and self.displaced_from == "indicators"
            and self._closing_indicator(index, para)
        ):
            assert goal is not None
            goal.indicators.append(para)
            goal.last = para.last
            goal.review.append(
                Review(para.first, para.last, "import.review.indicator_after_column", para.text)
            )
        elif section == "displaced":
            assert goal is not None
            goal.review.append(Review(para.first, para.last, "import.review.other_column", para.text))
        elif section == "closed":
            assert goal is not None
            goal.review.append(Review(para.first, para.last, "import.review.after_saknas", para.text))
        else:  # tail: after the last block of the document
            self.doc.review.append(Review(para.first, para.last, "import.review.trailing", para.text))

    # --- helpers -----------------------------------------------------------------------
    def _closing_indicator(self, index: int, para: Para) -> bool:
        """In a two-column follow-up, the short sentence that closes an indicator block after the
        other column's text is the block's own last indicator ('Resultat från programtrohetsmätning.')."""
        following = self.units[index + 1] if index + 1 < len(self.units) else None
        at_end = following is None or following.kind != "para" or index + 1 in self.titles
        text = para.text.strip()
        return (
            at_end
            and para.glyph is None
            and para.last - para.first <= grammar.CLOSING_INDICATOR_MAX_LINES
            and text[-1:] == "."
            and len(grammar.SENTENCE_SPLIT.split(text)) == 1
            and not any(ch.isdigit() for ch in text)
        )

    def _ensure_area(self, line: int) -> Area:
        if self.area is None:
            self.area = Area("", line, line)
            self.doc.areas.append(self.area)
            self.area.review.append(Review(line, line, "import.review.no_focus_area"))
        return self.area

    def _new_topic(self, title: Para | None, line: int) -> None:
        area = self._ensure_area(line)
        topic = Topic(title.text.strip() if title else None, line, line)
        if title is None:
            topic.review.append(Review(line, line, "import.review.no_topic_title"))
        area.topics.append(topic)
        self.topic = topic
        self.goal = None

    def _close_goal(self) -> None:
        goal, topic = self.goal, self.topic
        if goal is not None and topic is not None:
            if not goal.texts and goal.goal_saknas is None:
                goal.review.append(Review(goal.first, goal.last, "import.review.no_texts"))
            topic.last = max(topic.last, goal.last)
            if self.area is not None:
                self.area.last = max(self.area.last, topic.last)
        if topic is not None and self.area is not None:
            self.area.last = max(self.area.last, topic.last)
        self.goal = None

    def _review_here(self, first: int, last: int, reason: str, text: str) -> None:
        target = (
            self.goal.review
            if self.goal
            else self.topic.review
            if self.topic
            else self.area.review
            if self.area
            else self.doc.review
        )
        target.append(Review(first, last, reason, text))


def _first_word_slug(title: str) -> str:
    words = title.split("/")[0].split()
    return slug(words[0]) if words else ""
