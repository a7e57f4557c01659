"""Synthetic but realistic plans for the benchmarks, deterministic from a seed.

Each generated plan takes one of the bundled plans as its template: the same kind and level, the
same tree of focus areas, topics and goals (a few topics dropped or repeated), the same number of
texts, indicators, responsible parties, follow-ups, tables, sections, signatories and notes, and
strings of about the same length. The words come from the bundled source documents. Every plan
gets its own source text, written as a PDF extraction would print it (wrapped lines, bullet
glyphs, page numbers), with the line ranges and the SHA-256 filled in, so that it validates clean
including the verbatim-provenance check.

    python benchmarks/generate.py corpus OUT --plans 2900 --seed 1
    python benchmarks/generate.py pair OUT --goals 1000 --seed 1
"""

from __future__ import annotations

import argparse
import bisect
import copy
import hashlib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PLANS = REPO / "plans"
GENERATOR_VERSION = 1

DETAIL_LABELS = {"target_group": "Målgrupp", "purpose": "Syfte", "method": "Metod", "effect": "Effekt"}
FLOW_KEYS = frozenset({"lines", "start", "end", "missing", "party", "basis", "quote", "event", "date",
                       "code", "reason", "label", "values", "note", "source"})  # fmt: skip
FLOW_LISTS = frozenset({"issued_by", "based_on", "columns", "lines", "values"})
PLAIN = re.compile(r"[a-z][a-z0-9._-]*")
RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


# ---------------------------------------------------------------------------------------------
# Material drawn from the bundled plans


@dataclass
class Material:
    """The bundled plans (as templates), the words of their sources and the party names."""

    templates: list[dict[str, Any]]
    frozen: list[str]  # each template as JSON: json.loads copies far faster than deepcopy
    words: list[str]
    ends: list[int]  # ends[i]: length of " ".join(words[: i + 1]), for drawing texts by length
    party_names: dict[str, str]
    registry: Path

    def text(self, rng: random.Random, length: int) -> str:
        """Consecutive source words, about `length` characters long, from a random place."""
        length = max(length, 1)
        total = self.ends[-1]
        start = rng.randrange(len(self.words))
        base = self.ends[start - 1] + 1 if start else 0
        if base + length > total:
            start, base = 0, 0
        stop = bisect.bisect_left(self.ends, base + length - 1, lo=start) + 1
        text = " ".join(self.words[start:stop])
        return text[:1].upper() + text[1:]


def load_material(plans: Path = PLANS) -> Material:
    from hbg_plan.validate.engine import load_plan, load_registry

    templates = []
    for path in sorted(plans.glob("*.yaml")):
        if path.name == "parties.yaml":
            continue
        plan, diagnostics = load_plan(path)
        if plan is not None and not any(d.severity.name == "ERROR" for d in diagnostics):
            templates.append(plan.doc.data)
    if not templates:
        raise SystemExit(f"no valid plans under {plans} to draw from")
    words: list[str] = []
    for source in sorted((plans / "sources").glob("*.txt")):
        for token in source.read_text(encoding="utf-8").split():
            if token.isprintable() and any(c.isalpha() for c in token) and not _furniture(token):
                words.append(token)
    ends, total = [], -1
    for word in words:
        total += len(word) + 1
        ends.append(total)
    registry_path = plans / "parties.yaml"
    registry = load_registry(registry_path)[0]
    names = {pid: party.name for pid, party in registry.parties.items()} if registry else {}
    frozen = [json.dumps(t, ensure_ascii=False) for t in templates]
    return Material(templates, frozen, words, ends, names, registry_path)


def _furniture(token: str) -> bool:
    return "://" in token or token.startswith(("www.", "<http")) or token in ("Sida", "av")


# ---------------------------------------------------------------------------------------------
# Plan data: the template's shape with fresh strings


class Shaper:
    def __init__(self, material: Material, rng: random.Random) -> None:
        self.m = material
        self.rng = rng

    def like(self, text: str) -> str:
        return self.m.text(self.rng, round(len(text) * self.rng.uniform(0.75, 1.25)))

    def strings(self, values: list[str]) -> list[str]:
        return [self.like(v) for v in values]

    def notes(self, data: dict[str, Any]) -> None:
        if "note" in data:
            data["note"] = self.like(data["note"])
        source = data.get("source")
        if isinstance(source, dict) and "note" in source:
            source["note"] = self.like(source["note"])

    def plan(self, index: int, plan_id: str, year: int) -> dict[str, Any]:
        t = json.loads(self.m.frozen[index])
        out: dict[str, Any] = {
            "schema_version": 2,
            "id": plan_id,
            "title": self.like(t["title"]),
            "kind": t["kind"],
            "level": t["level"],
            "issued_by": t["issued_by"],
            "period": {
                "start": str(year),
                "end": str(year + int(t["period"]["end"]) - int(t["period"]["start"])),
            },
            "source": {"file": f"sources/{plan_id}.txt", "sha256": "0" * 64},
        }
        if "note" in t["source"]:
            out["source"]["note"] = self.like(t["source"]["note"])
        if "dates" in t:
            out["dates"] = [{"event": d["event"], "date": f"{year}{d['date'][4:]}"} for d in t["dates"]]
        if "note" in t:
            out["note"] = self.like(t["note"])
        if "sections" in t:
            out["sections"] = [self.section(s) for s in t["sections"]]
        areas = [self.area(a, year) for a in t["focus_areas"]]
        out["focus_areas"] = [a for a in areas if a["topics"]] or areas[:1]
        if "signatories" in t:
            out["signatories"] = [self.signatory(s) for s in t["signatories"]]
        _unique_ids(out)
        return out

    def section(self, s: dict[str, Any]) -> dict[str, Any]:
        if "title" in s:
            s["title"] = self.like(s["title"])
        s["texts"] = self.strings(s["texts"])
        self.notes(s)
        return s

    def signatory(self, s: dict[str, Any]) -> dict[str, Any]:
        for key in ("name", "role", "organisation", "place"):
            if key in s:
                s[key] = self.like(s[key])
        self.notes(s)
        return s

    def area(self, a: dict[str, Any], year: int) -> dict[str, Any]:
        a["title"] = self.like(a["title"])
        if "description" in a:
            a["description"] = self.strings(a["description"])
        a.pop("renamed_from", None)
        self.notes(a)
        topics = []
        for topic in a["topics"]:
            draw = self.rng.random()
            if draw < 0.08:  # dropped in this plan
                continue
            if draw > 0.92:  # and another one like it
                topics.append(self.topic(copy.deepcopy(topic), year))
            topics.append(self.topic(topic, year))
        a["topics"] = topics
        return a

    def topic(self, t: dict[str, Any], year: int) -> dict[str, Any]:
        t["title"] = self.like(t["title"])
        for key in ("description", *DETAIL_LABELS):
            if key in t:
                t[key] = self.strings(t[key])
        for key in ("renamed_from", "same_as"):
            t.pop(key, None)
        for table in t.get("tables", []):
            if "caption" in table:
                table["caption"] = self.like(table["caption"])
            table["columns"] = [str(year - len(table["columns"]) + i) for i in range(len(table["columns"]))]
            for row in table["rows"]:
                row["label"] = self.like(row["label"])
                row["values"] = [None if v is None else self.rng.randrange(50, 2000) for v in row["values"]]
            self.notes(table)
        t["goals"] = [self.goal(g, year) for g in t["goals"]]
        self.notes(t)
        return t

    def goal(self, g: dict[str, Any], year: int) -> dict[str, Any]:
        if "period" in g:
            g["period"] = str(year) if "-" not in g["period"] else f"{year}-{year + 2}"
        if "heading" in g:
            g["heading"] = self.like(g["heading"])
        g["texts"] = self.strings(g["texts"])
        if isinstance(g["indicators"], list):
            g["indicators"] = self.strings(g["indicators"])
        else:
            self.notes(g["indicators"])
        if isinstance(g["responsible"], list):
            for r in g["responsible"]:
                if "quote" in r:
                    name = self.m.party_names.get(r["party"], r["party"])
                    r["quote"] = f"Ansvarig är {name}." if r["basis"] == "responsible-line" else name
                self.notes(r)
        else:
            self.notes(g["responsible"])
        for f in g.get("follow_up", []):
            f["text"] = self.like(f["text"])
            f["year"] = year + (f["year"] - 2019 if 1990 <= f["year"] <= 2100 else 0)
            f["year"] = min(max(f["year"], 1990), 2100)
            self.notes(f)
        for key in ("renamed_from", "same_as"):
            g.pop(key, None)
        self.notes(g)
        return g


def _unique_ids(plan: dict[str, Any]) -> None:
    """Ids stay the template's (so versions match by identity); repeats get a suffix."""
    used: set[str] = set()

    def claim(wanted: str) -> str:
        new, n = wanted, 1
        while new in used:
            n += 1
            new = f"{wanted}-{n}"
        used.add(new)
        return new

    for section in plan.get("sections", []):
        section["id"] = claim(section["id"])
    for area in plan["focus_areas"]:
        area["id"] = claim(area["id"])
        for topic in area["topics"]:
            old = topic["id"]
            topic["id"] = claim(old)
            for goal in topic["goals"]:
                wanted = goal["id"]
                if topic["id"] != old and wanted.startswith(old + "."):
                    wanted = topic["id"] + wanted[len(old) :]
                goal["id"] = claim(wanted)


# ---------------------------------------------------------------------------------------------
# Source text: written in document order, filling in each item's line range


@dataclass
class SourceWriter:
    rng: random.Random
    width: int
    lines: list[str] = field(default_factory=list)
    pages: int = 1

    @property
    def next(self) -> int:
        return len(self.lines) + 1

    def line(self, text: str) -> int:
        """Append one line (sometimes followed by page furniture); returns its number."""
        self.lines.append(text)
        number = len(self.lines)
        if self.rng.random() < 0.02:  # a page break the extraction interleaves
            self.pages += 1
            self.lines += ["", f"Sida {self.pages} av {self.pages + 9}", ""]
        return number

    def paragraph(self, text: str, bullet: str = "") -> tuple[int, int]:
        """Wrap `text` as the extraction printed it; returns its first and last line."""
        first = self.next
        current, started = bullet, False
        for word in text.split(" "):
            if started and len(current) + 1 + len(word) > self.width:
                self.line(current)
                current = word
            else:
                current = f"{current} {word}" if started else current + word
                started = True
        last = self.line(current)
        return first, last

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def render_source(plan: dict[str, Any], rng: random.Random) -> str:
    """Write the plan's source text and set every `source.lines` to where its strings went."""
    w = SourceWriter(rng, rng.randrange(60, 105))
    w.paragraph(plan["title"])
    for date in plan.get("dates", []):
        line = w.line(f"Datum {date['date']}")
        date["source"] = {"lines": [line, line]}
    w.blank()
    for section in plan.get("sections", []):
        first = w.next
        if "title" in section:
            w.paragraph(section["title"])
        for text in section["texts"]:
            w.paragraph(text)
        _set_lines(section, first, w.next - 1)
        w.blank()
    for n, area in enumerate(plan["focus_areas"], start=1):
        first = w.paragraph(area["title"], f"{n}. ")[0]
        for text in area.get("description", []):
            w.paragraph(text)
        w.blank()
        for topic in area["topics"]:
            _render_topic(w, topic)
        _set_lines(area, first, w.next - 1)
    for signatory in plan.get("signatories", []):
        first = w.next
        for key in ("name", "role", "organisation"):
            if key in signatory:
                w.paragraph(signatory[key])
        _set_lines(signatory, first, w.next - 1)
        w.blank()
    return w.text()


def _render_topic(w: SourceWriter, topic: dict[str, Any]) -> None:
    first = w.paragraph(topic["title"])[0]
    for text in topic.get("description", []):
        w.paragraph(text)
    for key, label in DETAIL_LABELS.items():
        if key in topic:
            w.line(label)
            for text in topic[key]:
                w.paragraph(text, "• ")
    for table in topic.get("tables", []):
        tfirst = w.next
        if "caption" in table:
            w.paragraph(table["caption"])
        w.line(" ".join(table["columns"]))
        for row in table["rows"]:
            w.paragraph(" ".join([row["label"], *("-" if v is None else str(v) for v in row["values"])]))
        _set_lines(table, tfirst, w.next - 1)
    w.blank()
    for goal in topic["goals"]:
        gfirst = w.next
        if "heading" in goal:
            w.paragraph(goal["heading"])
        for text in goal["texts"]:
            w.paragraph(text, "• ")
        indicators = goal["indicators"]
        w.line("Mätbara indikatorer för uppföljning")
        if isinstance(indicators, list):
            for text in indicators:
                w.paragraph(text, "• ")
        elif indicators["missing"] == "saknas":
            line = w.line("Saknas")
            _set_lines(indicators, line - 1, line, keep=True)
        if isinstance(goal["responsible"], list):
            for entry in goal["responsible"]:
                if "quote" in entry:
                    w.paragraph(entry["quote"])
        for follow in goal.get("follow_up", []):
            ffirst = w.paragraph(follow["text"])[0]
            _set_lines(follow, ffirst, w.next - 1)
        _set_lines(goal, gfirst, w.next - 1)
        w.blank()
    _set_lines(topic, first, w.next - 1)


def _set_lines(item: dict[str, Any], first: int, last: int, keep: bool = False) -> None:
    """Set `source.lines`, keeping the key where the template had it (or last)."""
    source = item.get("source")
    if source is None:
        if keep:
            return
        item["source"] = {"lines": [first, last]}
        return
    source["lines"] = [first, max(first, last)]


# ---------------------------------------------------------------------------------------------
# YAML in the style of the bundled plans (block structure, flow for small mappings)


def dump_yaml(data: dict[str, Any]) -> str:
    out: list[str] = []
    _mapping(data, "", out)
    return "\n".join(out) + "\n"


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if PLAIN.fullmatch(value) and value not in RESERVED:
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def _is_flow(value: Any) -> bool:
    """Small mappings (source pointers, responsible entries, absences) are written inline."""
    if isinstance(value, dict):
        return set(value) <= FLOW_KEYS and all(_is_flow(v) for v in value.values())
    if isinstance(value, list):
        return all(not isinstance(v, (dict, list)) for v in value)
    return True


def _mapping(data: dict[str, Any], indent: str, out: list[str], first_prefix: str | None = None) -> None:
    for n, (key, value) in enumerate(data.items()):
        lead = first_prefix if (n == 0 and first_prefix is not None) else indent
        if isinstance(value, dict) and not _is_flow(value):
            out.append(f"{lead}{key}:")
            _mapping(value, indent + "  ", out)
        elif isinstance(value, list) and value and key not in FLOW_LISTS:
            out.append(f"{lead}{key}:")
            _sequence(value, indent + "  ", out)
        else:
            out.append(f"{lead}{key}: {_flow(value)}")


def _sequence(items: list[Any], indent: str, out: list[str]) -> None:
    for item in items:
        if isinstance(item, dict) and not _is_flow(item):
            _mapping(item, indent + "  ", out, first_prefix=f"{indent}- ")
        else:
            out.append(f"{indent}- {_flow(item)}")


# ---------------------------------------------------------------------------------------------
# Writing plans


def write_plan(plan: dict[str, Any], folder: Path, rng: random.Random) -> Path:
    """Write the plan and its source text under `folder`, with the source's real SHA-256."""
    source = render_source(plan, rng).encode("utf-8")
    plan["source"]["sha256"] = hashlib.sha256(source).hexdigest()
    source_path = folder / plan["source"]["file"]
    source_path.parent.mkdir(parents=True, exist_ok=True)
    source_path.write_bytes(source)
    path = folder / f"{plan['id']}.yaml"
    path.write_text(dump_yaml(plan), encoding="utf-8")
    return path


def generate_corpus(out: Path, plans: int, seed: int, material: Material | None = None) -> list[Path]:
    """`plans` plan files in `out` (with sources/ and parties.yaml): municipalities, ten plans each.

    Each municipality's plans form a chain (`replaces` the previous one), and every tenth plan is
    `based_on` the first plan of the corpus, so that the references resolve.
    """
    material = material or load_material()
    rng = random.Random(seed)
    _fresh(out)
    shutil.copyfile(material.registry, out / "parties.yaml")
    written: list[Path] = []
    previous: dict[int, str] = {}
    for n in range(plans):
        municipality, version = n // 10, n % 10
        plan_id = f"kommun-{municipality:03d}-{version:02d}"
        template = rng.randrange(len(material.templates))
        plan = Shaper(material, rng).plan(template, plan_id, 2000 + 2 * version)
        _references(plan, previous.get(municipality), "kommun-000-00" if n % 10 == 5 else None)
        previous[municipality] = plan_id
        written.append(write_plan(plan, out, rng))
    return written


def generate_pair(out: Path, goals: int, seed: int, material: Material | None = None) -> tuple[Path, Path]:
    """Two versions of one plan of about `goals` goals: the second rewords, drops, adds and moves some."""
    material = material or load_material()
    rng = random.Random(seed)
    _fresh(out)
    shutil.copyfile(material.registry, out / "parties.yaml")
    shaper = Shaper(material, rng)
    old = _large_plan(shaper, goals, f"stor-{goals}-a", 2020)
    new = _next_version(shaper, old, f"stor-{goals}-b")
    return write_plan(old, out, rng), write_plan(new, out, rng)


def _large_plan(shaper: Shaper, goals: int, plan_id: str, year: int) -> dict[str, Any]:
    rng = shaper.rng
    pool = [
        (template, topic)
        for template in shaper.m.templates
        for area in template["focus_areas"]
        for topic in area["topics"]
        if topic["goals"]
    ]
    first = next(i for i, t in enumerate(shaper.m.templates) if t["kind"] == "action-plan")
    base = shaper.plan(first, plan_id, year)
    base.pop("sections", None)
    base.pop("signatories", None)
    areas: list[dict[str, Any]] = []
    count = 0
    while count < goals:
        area_template = rng.choice(rng.choice(shaper.m.templates)["focus_areas"])
        area = {k: v for k, v in copy.deepcopy(area_template).items() if k != "topics"}
        area["id"] = f"{area['id']}-{len(areas) + 1}"
        area = shaper.area({**area, "topics": []}, year)
        for _ in range(rng.randrange(4, 10)):
            topic = shaper.topic(copy.deepcopy(rng.choice(pool)[1]), year)
            topic["goals"] = topic["goals"][: goals - count]
            count += len(topic["goals"])
            area["topics"].append(topic)
            if count >= goals:
                break
        areas.append(area)
    base["focus_areas"] = areas
    _unique_ids(base)
    return base


def _next_version(shaper: Shaper, old: dict[str, Any], plan_id: str) -> dict[str, Any]:
    rng = shaper.rng
    new = copy.deepcopy(old)
    new["id"] = plan_id
    new["source"] = {"file": f"sources/{plan_id}.txt", "sha256": "0" * 64}
    new["replaces"] = old["id"]
    year = int(old["period"]["start"]) + 3
    new["period"] = {"start": str(year), "end": str(year + 2)}
    for area in new["focus_areas"]:
        topics = []
        for topic in area["topics"]:
            draw = rng.random()
            if draw < 0.05:  # dropped
                continue
            if draw < 0.10:  # renamed: the diff must fall back to text similarity
                topic["id"] = f"{topic['id']}-ny"
                for goal in topic["goals"]:
                    goal["id"] = goal["id"].replace(".", "-ny.", 1)
            for goal in topic["goals"]:
                if rng.random() < 0.15:  # reworded
                    goal["texts"] = [_reword(rng, text) for text in goal["texts"]]
                if rng.random() < 0.05 and isinstance(goal["indicators"], list):
                    goal["indicators"] = {"missing": "not-stated"}
            topics.append(topic)
        if rng.random() < 0.3:
            rng.shuffle(topics)
        area["topics"] = topics
    _unique_ids(new)
    return new


def _reword(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for _ in range(max(1, len(words) // 8)):
        words[rng.randrange(len(words))] = rng.choice(words)
    return " ".join(words)


def _references(plan: dict[str, Any], replaces: str | None, based_on: str | None) -> None:
    """Add replaces / based_on in schema order (after source), dropping the template's."""
    items = list(plan.items())
    plan.clear()
    for key, value in items:
        plan[key] = value
        if key == "source":
            if replaces:
                plan["replaces"] = replaces
            if based_on:
                plan["based_on"] = [based_on]


def _fresh(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    corpus = sub.add_parser("corpus", help="a folder of many plans")
    corpus.add_argument("out", type=Path)
    corpus.add_argument("--plans", type=int, default=2900)
    corpus.add_argument("--seed", type=int, default=1)
    pair = sub.add_parser("pair", help="two versions of one large plan, for diff")
    pair.add_argument("out", type=Path)
    pair.add_argument("--goals", type=int, default=1000)
    pair.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.what == "corpus":
        files = generate_corpus(args.out, args.plans, args.seed)
        print(f"{len(files)} plans in {args.out}")
    else:
        old, new = generate_pair(args.out, args.goals, args.seed)
        print(f"{old}\n{new}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
