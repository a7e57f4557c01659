"""`hbg-plan report`: one self-contained HTML page, parsed here and opened in headless Chromium.

What each page must show is read from the plan YAML and the source texts, not from the tool: the
goals and their source lines, and which goals say "Saknas" (8 in hbg-2020, at source lines 92,
165, 209, 294, 332, 343, 415 and 429, as tests/test_summary.py counted).
"""

from __future__ import annotations

import html
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import PLANS, RunCli
from tests.test_rules import goal, plan, topic, write

LINEAGE = ("hbg-2015", "hbg-2020", "hbg-2023")
CHROMIUM = shutil.which("chromium")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars",
)  # fmt: skip
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian package `chromium`; .ci/run installs it)"
)
# What would make the page fetch something: stylesheets, scripts, imports, images, fonts, frames.
REMOTE = re.compile(
    r"<link\b[^>]*\bhref\s*=|<script\b[^>]*\bsrc\s*=|@import|url\(\s*['\"]?\s*(?:https?:)?//"
    r"|\b(?:src|srcset|href|data|poster)\s*=\s*['\"]?\s*(?:https?:)?//|<(?:img|iframe|object|embed|video|audio)\b",
    re.IGNORECASE,
)


# --- reading the plans and the page ---------------------------------------------------------------


def yaml_goals(plan_id: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((PLANS / f"{plan_id}.yaml").read_text(encoding="utf-8"))
    return [g for area in data["focus_areas"] for t in area["topics"] for g in t["goals"]]


def source_lines(plan_id: str) -> list[str]:
    data = yaml.safe_load((PLANS / f"{plan_id}.yaml").read_text(encoding="utf-8"))
    source_file: str = data["source"]["file"]
    return (PLANS / source_file).read_text(encoding="utf-8").split("\n")


def squeeze(text: str) -> str:
    return " ".join(text.split())


class Page(HTMLParser):
    """The elements of a report page by id: goal articles (classes, text, links) and source lines."""

    VOID = frozenset({"meta", "br", "img", "link", "input", "hr", "wbr", "source", "col", "area", "base"})

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.classes: dict[str, set[str]] = {}
        self.text: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.order: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        element_id = values.get("id")
        if element_id:
            self.order.append(element_id)
            self.classes[element_id] = set((values.get("class") or "").split())
            self.text[element_id] = []
            self.links[element_id] = []
        if tag == "a" and values.get("href"):
            for _, open_id in self.stack:
                if open_id:
                    self.links[open_id].append(values["href"] or "")
        if tag not in self.VOID:
            self.stack.append((tag, element_id))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, open_id in self.stack:
            if open_id:
                self.text[open_id].append(data)

    def text_of(self, element_id: str) -> str:
        return squeeze(" ".join(self.text[element_id]))

    def goals(self, plan_id: str) -> list[str]:
        return [i for i in self.order if i.startswith(f"goal-{plan_id}-")]


def report(run_cli: RunCli, out: Path, *args: str) -> str:
    result = run_cli("report", *args, "--plans", str(PLANS), "--output", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    return out.read_text(encoding="utf-8")


def assert_plan_shown(page: Page, plan_id: str) -> None:
    """Every goal is there, links to its first source line, and a "Saknas" goal is a highlighted gap."""
    goals = yaml_goals(plan_id)
    lines = source_lines(plan_id)
    assert page.goals(plan_id) == [f"goal-{plan_id}-{g['id']}" for g in goals]
    for g in goals:
        article = f"goal-{plan_id}-{g['id']}"
        first = g["source"]["lines"][0]
        target = f"src-{plan_id}-{first}"
        assert f"#{target}" in page.links[article], article
        assert squeeze(lines[first - 1]) in page.text_of(target), target
        assert target in page.classes and "line" in page.classes[target]
        if isinstance(g["indicators"], dict) and g["indicators"]["missing"] == "saknas":
            assert {"gap", "sev-error"} <= page.classes[article], article
            assert "HBG101" in page.text_of(article), article


# --- the page ---------------------------------------------------------------------------------------


def test_report_of_one_plan_shows_structure_gaps_and_source_lines(run_cli: RunCli, tmp_path: Path) -> None:
    text = report(run_cli, tmp_path / "hbg-2020.html", "hbg-2020", "--lang", "sv")
    assert REMOTE.search(text) is None, REMOTE.search(text)
    assert text.count("<svg") == 1
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    page = Page(text)
    assert_plan_shown(page, "hbg-2020")
    saknas = [
        g
        for g in yaml_goals("hbg-2020")
        if isinstance(g["indicators"], dict) and g["indicators"]["missing"] == "saknas"
    ]
    assert sorted(g["indicators"]["source"]["lines"][1] for g in saknas) == [
        92,
        165,
        209,
        294,
        332,
        343,
        415,
        429,
    ]
    # The first goal states an indicator ("Antal medarbetare …") and names four departments: no gap.
    first = "goal-hbg-2020-suicidprevention.kort"
    assert "gap" not in page.classes[first]
    assert "Socialförvaltningen" in page.text_of(first) and "Antal medarbetare" in page.text_of(first)
    # Plan text is escaped: the SPISS link of source line 16 is printed as <https://…>.
    assert "&lt;https://vardgivare.skane.se/kompetens-utveckling/" in text
    assert "<https://" not in text
    # Swedish labels; the "Saknas" lines of the document are marked within the goal's source lines.
    assert "Planrapport: hbg-2020" in text and "Indikatortäckning" in text
    assert "hl" in page.classes["src-hbg-2020-92"] and "hl" not in page.classes["src-hbg-2020-89"]


@pytest.mark.slow  # the HTML of four versions; tests/golden pins the same report in the fast tier
def test_lineage_follows_replaces_links_oldest_first(run_cli: RunCli, tmp_path: Path) -> None:
    text = report(run_cli, tmp_path / "lineage.html", "hbg-2020", "--lineage", "--lang", "en")
    assert REMOTE.search(text) is None, REMOTE.search(text)
    page = Page(text)
    sections = [i for i in page.order if i in {f"plan-{p}" for p in LINEAGE}]
    assert sections == [f"plan-{p}" for p in LINEAGE]
    assert "diff-hbg-2015-hbg-2020" in page.classes and "diff-hbg-2020-hbg-2023" in page.classes
    for plan_id in LINEAGE:
        assert_plan_shown(page, plan_id)
    # The chart has one bar per version whose "Saknas" and "Not stated" parts match the YAML.
    svg = html.unescape(text[text.index("<svg") : text.index("</svg>")])
    for plan_id in LINEAGE:
        goals = yaml_goals(plan_id)
        missing = [g["indicators"].get("missing") for g in goals if isinstance(g["indicators"], dict)]
        for kind, label in (("saknas", '"Saknas"'), ("not-stated", "Not stated")):
            count = missing.count(kind)
            tip = f"<title>{plan_id}: {label} {count}/{len(goals)}</title>"
            assert (tip in svg) == (count > 0), tip
    assert "hbg-2015: Not stated 20/20" in svg  # the 2015 plan states no indicator at all
    # Naming the three versions gives the same page.
    again = report(run_cli, tmp_path / "named.html", *LINEAGE, "--lang", "en")
    assert again == text


def test_hostile_plan_text_is_escaped_and_plan_level_gaps_are_listed(run_cli: RunCli, tmp_path: Path) -> None:
    """A hand-made plan (no source text) based on the regional plan, with markup in its texts."""
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    folder = tmp_path / "plans"
    data = plan(
        "hostile",
        topic(
            "suicidprevention",
            goal("suicidprevention.kort", texts=(attack,), indicators="saknas"),
            title=attack,
        ),
        based_on=["skane-2019"],
    )
    path = write(folder, data)
    shutil.copy(PLANS / "skane-2019.yaml", folder)
    shutil.copytree(PLANS / "sources", folder / "sources")
    out = tmp_path / "hostile.html"
    result = run_cli("report", str(path), "--output", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "<img" not in text and 'alert("x")</script>' not in text
    assert html.escape(attack) in text
    assert "sources/none.txt could not be read" in text
    page = Page(text)
    assert {"gap", "sev-error"} <= page.classes["goal-hostile-suicidprevention.kort"]
    # Every topic of the regional plan but suicidprevention is a gap of the plan as a whole (HBG107).
    regional = yaml.safe_load((PLANS / "skane-2019.yaml").read_text(encoding="utf-8"))
    uncovered = [t for a in regional["focus_areas"] for t in a["topics"] if t["id"] != "suicidprevention"]
    assert uncovered
    plan_level = page.text_of("plan-findings-hostile")
    assert plan_level.count("HBG107") == len(uncovered)
    for regional_topic in uncovered:
        assert f"({regional_topic['id']})" in plan_level


def test_bad_input_is_a_usage_error_and_writes_nothing(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    cases = {
        (): "give one or more plans",
        ("hbg-2015", "hbg-2020", "--lineage"): "--lineage takes exactly one plan",
        ("hbg-2021",): "hbg-2021",
    }
    for args, expected in cases.items():
        result = run_cli("report", *args, "--plans", str(PLANS), "--output", str(out))
        assert result.exit_code == 2, (args, result.output)
        assert expected in result.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\nfocus_areas: [\n", encoding="utf-8")
    result = run_cli("report", str(broken), "--output", str(out))
    assert result.exit_code == 2
    assert re.search(r"broken\.yaml:\d+:\d+", result.stderr), result.stderr
    assert not out.exists()


def test_output_replaces_the_old_file_atomically(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")
    text = report(run_cli, out, "hbg-2023")
    assert text.startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


# --- in a real browser ------------------------------------------------------------------------------


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def pdf_pages(tmp_path: Path, page: Path) -> int:
    pdf = tmp_path / f"{page.stem}.pdf"
    done = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.exists(), done.stderr[-2000:]
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))


def open_in_chromium(tmp_path: Path, page: Path) -> None:
    """The page loads without console messages (script errors, blocked requests), runs its script,
    and a screenshot is saved next to it."""
    done = chromium(tmp_path, "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    assert console == []
    dom = done.stdout
    assert 'data-ready="yes"' in dom  # the page's script ran to its end
    assert re.search(r"<html[^>]*data-js-errors", dom) is None
    assert re.search(r'<pre id="js-errors"[^>]*></pre>', dom), "JavaScript errors were written into the page"
    shot = tmp_path / f"{page.stem}.png"
    done = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    assert shot.exists(), done.stderr[-2000:]
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1280, 2000)


@pytest.mark.browser
@needs_chromium
def test_one_plan_in_chromium_has_no_console_errors_and_prints_everything(
    run_cli: RunCli, tmp_path: Path
) -> None:
    out = tmp_path / "hbg-2020.html"
    text = report(run_cli, out, "hbg-2020", "--lang", "sv")
    open_in_chromium(tmp_path, out)
    # Following a goal's link to its source lines opens the collapsed source text.
    link = "src-hbg-2020-89"  # utbildningssatsning.lang, the goal of source lines 89-92
    dom = chromium(tmp_path, "--dump-dom", f"{out.as_uri()}#{link}").stdout
    target = dom.index(f'id="{link}"')
    details = dom[dom.rindex("<details", 0, target) :]
    assert re.match(r"<details[^>]*\bopen\b", details), details[:200]
    assert dom.count("<details") > dom.count(" open=")  # the other ones stay closed on screen
    # Printed, collapsed source text is shown: as many pages as with every <details> opened by hand.
    opened = tmp_path / "opened.html"
    opened.write_text(text.replace("<details ", "<details open "), encoding="utf-8")
    assert pdf_pages(tmp_path, out) == pdf_pages(tmp_path, opened)


@pytest.mark.browser
@needs_chromium
def test_lineage_in_chromium_has_no_console_errors(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "lineage.html"
    report(run_cli, out, "hbg-2023", "--lineage", "--lang", "en")
    open_in_chromium(tmp_path, out)
