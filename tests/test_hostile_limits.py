"""Bounded cost: hostile files are refused fast and in little memory.

Each case runs `python -m hbg_plan validate …` in a fresh interpreter and measures the child's
peak resident memory (tests/helpers/measure.py). What bounds the work is asserted through what
the user sees: which limit refused the file (its size, before parsing; the node count or the
nesting depth, while parsing; the cap on schema problems), and that memory stayed under 200 MB.
No wall-clock time is asserted: on a busy machine that fails for no fault of the code. The
child's timeout is only a hang guard, far above the expected time (under a second);
benchmarks/bench_hostile.py prints the time figures. Large inputs are generated in tmp_path and
never committed.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, PLANS
from tests.helpers.measure import Measured, run_measured

pytestmark = [
    pytest.mark.slow,  # a fresh interpreter and megabytes of generated input per case
    pytest.mark.skipif(not hasattr(os, "wait4"), reason="measuring a child needs os.wait4 (POSIX)"),
]

HANG_GUARD_SECONDS = 60.0  # expected: under a second each
MAX_RSS_MB = 200.0
HOSTILE = DATA / "hostile"
LOCATED_ERROR = re.compile(r"^\S.*:\d+:\d+: error HBG\d{3} ", re.MULTILINE)


def refused(path: Path, code: str, text: str) -> Measured:
    """Validate `path` in a child process; assert it failed clearly, by `code`, in bounded memory."""
    run = run_measured("validate", str(path), timeout=HANG_GUARD_SECONDS)
    assert not run.timed_out, run
    assert run.exit_code == 1, run
    assert "Traceback" not in run.output, run
    assert re.search(rf":\d+:\d+: error {code} {re.escape(text)}", run.stdout), run
    assert run.peak_rss_mb < MAX_RSS_MB, run
    return run


def billion_laughs(levels: int, width: int) -> str:
    lines = ["lol0: &lol0 [" + ", ".join(['"lol"'] * width) + "]"]
    for n in range(1, levels):
        lines.append(f"lol{n}: &lol{n} [" + ", ".join([f"*lol{n - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_from_the_corpus() -> None:
    refused(HOSTILE / "alias-billion-laughs.yaml", "HBG005", "YAML anchors and aliases")


def test_wider_and_deeper_alias_bomb(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(billion_laughs(levels=30, width=30), encoding="utf-8")  # 30**30 strings if expanded
    refused(bomb, "HBG005", "YAML anchors and aliases")


def test_alias_bomb_hidden_after_a_real_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text((PLANS / "hbg-2015.yaml").read_text(encoding="utf-8") + "bomb:\n  " +
                    billion_laughs(20, 20).replace("\n", "\n  "), encoding="utf-8")  # fmt: skip
    refused(plan, "HBG005", "YAML anchors and aliases")


@pytest.mark.parametrize("depth", [100, 999, 100_000])
def test_deep_flow_nesting(tmp_path: Path, depth: int) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("schema_version: 2\nnote: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    refused(deep, "HBG005", "nesting is deeper than 64 levels")


def test_deep_flow_nesting_never_closed(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("note: " + "{a: [" * 200_000 + "\n", encoding="utf-8")
    refused(deep, "HBG005", "nesting is deeper than 64 levels")


def test_deep_block_nesting(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("".join(" " * i + f"n{i}:\n" for i in range(1500)) + " " * 1500 + "x\n", encoding="utf-8")
    refused(deep, "HBG005", "nesting is deeper than 64 levels")


def test_file_of_tens_of_megabytes(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("w", encoding="utf-8") as handle:
        handle.write((PLANS / "hbg-2015.yaml").read_text(encoding="utf-8"))
        line = "# " + "utfyllnad " * 20 + "\n"
        handle.write(line * (30 * 1024 * 1024 // len(line)))
    size = big.stat().st_size
    assert size > 30_000_000
    refused(big, "HBG001", f"file is {size} bytes; the limit is 8388608 bytes")


def test_just_under_the_size_limit_many_nodes(tmp_path: Path) -> None:
    flat = tmp_path / "flat.yaml"
    flat.write_text("schema_version: 2\nissued_by: [" + "0," * 4_000_000 + "0]\n", encoding="utf-8")
    assert 8_000_000 < flat.stat().st_size < 8 * 1024 * 1024
    refused(flat, "HBG005", "file has more than 250000 YAML nodes")


def test_just_under_the_size_limit_many_keys(tmp_path: Path) -> None:
    keys = tmp_path / "keys.yaml"
    keys.write_text("".join(f"k{i}: 0\n" for i in range(700_000)), encoding="utf-8")
    assert keys.stat().st_size < 8 * 1024 * 1024
    refused(keys, "HBG005", "file has more than 250000 YAML nodes")


def test_many_schema_problems_are_capped(tmp_path: Path) -> None:
    """24,000 unknown keys stay under the node limit; the schema check stops at 1000 problems."""
    keys = tmp_path / "keys.yaml"
    keys.write_text("".join(f"nyckel{i}: 0\n" for i in range(24_000)), encoding="utf-8")
    run = refused(keys, "HBG010", "more than 1000 schema problems; only the first 1000 are listed")
    first = run.stdout.splitlines()[0]
    assert first == f"{keys}:1:1: error HBG010 more than 1000 schema problems; only the first 1000 are listed" \
        " (is this a plan file?)"  # fmt: skip


def test_one_huge_string_in_a_real_plan(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    shutil.copytree(PLANS / "sources", folder / "sources")
    shutil.copy(PLANS / "parties.yaml", folder)
    plan = folder / "hbg-2015.yaml"
    text = (PLANS / "hbg-2015.yaml").read_text(encoding="utf-8")
    huge = "Dialog om suicidprevention " * 250_000  # 6.75 MB in one goal text
    old = '              - "Uppdraget är;"\n'
    assert text.count(old) == 1
    plan.write_text(text.replace(old, f'              - "{huge}"\n'), encoding="utf-8")
    refused(plan, "HBG025", "text not found verbatim in sources/000_df9d85fa8ad8fd02.txt")


def test_hostile_corpus_as_a_whole() -> None:
    run = run_measured("validate", str(HOSTILE), timeout=HANG_GUARD_SECONDS)
    assert not run.timed_out, run
    assert run.exit_code == 1, run
    assert "Traceback" not in run.output
    files = sorted(p for p in HOSTILE.rglob("*") if p.suffix in (".yaml", ".yml"))
    assert len(LOCATED_ERROR.findall(run.stdout)) == len(files), run
    assert run.peak_rss_mb < MAX_RSS_MB, run


def test_syntax_error_after_two_million_comment_lines(tmp_path: Path) -> None:
    """Comments are not nodes: the error comes at the very end, and its diagnosis must stay cheap."""
    count = 8_000_000 // len('# "\n')
    late = tmp_path / "late.yaml"
    late.write_text("schema_version: 2\n" + '# "\n' * count + "kind: [\n", encoding="utf-8")
    refused(late, "HBG003", "YAML syntax error: did not find expected node content")


def test_eight_megabytes_that_are_not_utf8(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"schema_version: 2\n# " + "å".encode() * 4_000_000 + b"\ntitle: \xe5\n")
    refused(latin, "HBG002", "file is not valid UTF-8 (byte 0xe5)")
