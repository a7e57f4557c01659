"""Hostile pull requests against the read side: every file a plan names, or a folder walk finds,
is read only when its real path lies inside the repository and it is a small regular file.

Each attack is built in a temporary repository (a `.git` folder, a copy of the bundled plans) with
a canary secret outside it; the real CLI runs on it, and the canary must never reach standard
output, standard error or any file written. Refused files are named with the rule that refused
them, and nothing of their content is printed, hashed, counted or compared.
"""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.helpers.inprocess import run_here, run_process

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX links and FIFOs")

CANARY = "hbgcanary-5e0c2f9a71d4"
SECRET_TEXT = f"{CANARY}: leaked\n"  # a line of text and a YAML mapping, so any reader would quote it
SECRET_SHA = hashlib.sha256(SECRET_TEXT.encode()).hexdigest()
PLAN = "hbg-2020"
SOURCE_LINE = 'file: "sources/002_1aca388ac409bdea.txt"'


@pytest.fixture
def repo(repo: Path) -> Path:
    """The shared tmp/repo, with tmp/SECRET.env beside it, outside the repository."""
    (repo.parent / "SECRET.env").write_text(SECRET_TEXT, encoding="utf-8")
    return repo


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`hbg-plan ARGS…` in the repository, in this process, with the canary in its environment."""
    return run_here(repo, *args, env={"HBG_TEST_SECRET": CANARY})


def run_fresh(repo: Path, *args: str, memory_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """The same in a fresh process: for a hang guard, a memory limit, or the process's own environment."""

    def limit_memory() -> None:
        if memory_limit:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    return run_process(
        repo, *args, env={"HBG_TEST_SECRET": CANARY}, preexec_fn=limit_memory if memory_limit else None
    )


def point_source(repo: Path, target: str, plan: str = PLAN) -> Path:
    """Make the plan's `source.file` read `target`."""
    path = repo / "plans" / f"{plan}.yaml"
    text = path.read_text(encoding="utf-8")
    assert SOURCE_LINE in text
    path.write_text(text.replace(SOURCE_LINE, f'file: "{target}"'), encoding="utf-8")
    return path


def assert_no_leak(result: subprocess.CompletedProcess[str], *files: Path) -> None:
    for text in (result.stdout, result.stderr, *(f.read_text(encoding="utf-8") for f in files if f.exists())):
        assert CANARY not in text
        assert SECRET_SHA not in text


def problem_lines(output: str, code: str) -> list[str]:
    return [line for line in output.splitlines() if f" {code} " in line]


# --- source.file pointing outside the repository ------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("../../SECRET.env", id="dot-dot"),
        pytest.param("ABSOLUTE", id="absolute"),
        pytest.param("/proc/self/environ", id="proc-environ", marks=pytest.mark.slow),  # a fresh process
        pytest.param("sources/../../../SECRET.env", id="dot-dot-inside-name"),
    ],
)
def test_source_outside_the_repository_is_refused_unread(repo: Path, target: str) -> None:
    if target == "/proc/self/environ" and not Path(target).exists():
        pytest.skip("no /proc")
    if target == "ABSOLUTE":
        target = str(repo.parent / "SECRET.env")
    point_source(repo, target)
    # /proc/self/environ is the process's own environment: only a fresh process has the canary there
    result = (run_fresh if target.startswith("/proc") else run)(repo, "validate", "plans/")
    assert result.returncode == 1, result
    hbg022 = problem_lines(result.stdout, "HBG022")
    assert len(hbg022) == 1, result.stdout
    assert f"plans/{PLAN}.yaml:" in hbg022[0]
    assert "lies outside the repository" in hbg022[0]
    # no hash (HBG023), no line count (HBG024), no verbatim comparison (HBG025) for a refused file
    assert not [
        line
        for line in result.stdout.splitlines()
        if f"{PLAN}.yaml" in line and "HBG02" in line and "HBG022" not in line
    ]
    assert_no_leak(result)


@posix_only
def test_symlinked_source_pointing_outside_is_refused(repo: Path) -> None:
    (repo / "plans" / "sources" / "evil.txt").symlink_to(repo.parent / "SECRET.env")
    point_source(repo, "sources/evil.txt")
    result = run(repo, "validate", "plans/")
    assert result.returncode == 1
    (line,) = problem_lines(result.stdout, "HBG022")
    assert "sources/evil.txt not read: it lies outside the repository" in line
    assert_no_leak(result)


@posix_only
def test_symlinked_source_inside_the_repository_is_read(repo: Path) -> None:
    """The policy is about where a file is, not whether a link leads there."""
    (repo / "plans" / "sources" / "link.txt").symlink_to("002_1aca388ac409bdea.txt")
    point_source(repo, "sources/link.txt")
    result = run(repo, "validate", f"plans/{PLAN}.yaml")
    assert result.returncode == 0, result.stdout


def test_hbg025_is_no_oracle_for_a_refused_source(repo: Path) -> None:
    """Sixteen guesses of the secret's last character, one per goal text, on the secret's line 1:
    judging them (HBG025 for all but the right one) would reveal the character in one run."""
    guesses = [f"{CANARY[:-1]}{c}: leaked" for c in "0123456789abcdef"]
    plan = yaml.safe_load((repo / "plans" / "hbg-2023.yaml").read_text(encoding="utf-8"))
    plan["id"] = "guess"
    plan["source"] = {"file": "../../SECRET.env", "sha256": "0" * 64}
    plan["focus_areas"] = plan["focus_areas"][:1]
    area = plan["focus_areas"][0]
    area["source"] = {"lines": [1, 1]}
    area["topics"] = area["topics"][:1]
    topic = area["topics"][0]
    topic["source"] = {"lines": [1, 1]}
    topic["goals"] = topic["goals"][:1]
    topic["goals"][0].update(source={"lines": [1, 1]}, texts=guesses)
    for key in ("sections", "signatories", "dates"):
        plan.pop(key, None)
    (repo / "plans" / "guess.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    result = run(repo, "validate", "plans/guess.yaml")
    assert result.returncode == 1
    assert problem_lines(result.stdout, "HBG022")
    for code in ("HBG023", "HBG024", "HBG025"):
        assert not problem_lines(result.stdout, code), result.stdout
    assert SECRET_SHA not in result.stdout


@posix_only
def test_show_does_not_print_lines_of_a_refused_source(repo: Path) -> None:
    point_source(repo, "../../SECRET.env")
    result = run(repo, "show", "sip.kort", "--plan", PLAN)
    assert result.returncode == 0, result.stderr
    assert "sip.kort" in result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"hbg-plan: plans/{PLAN}.yaml: source file ../../SECRET.env not read")
    assert "lies outside the repository" in line
    assert_no_leak(result)


@pytest.mark.slow  # a fresh process: its own environment holds the canary
@posix_only
def test_show_does_not_print_the_process_environment(repo: Path) -> None:
    if not Path("/proc/self/environ").exists():
        pytest.skip("no /proc")
    point_source(repo, "/proc/self/environ")
    result = run_fresh(repo, "show", "sip.kort", "--plan", PLAN, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert_no_leak(result)


def test_report_does_not_embed_a_refused_source(repo: Path) -> None:
    point_source(repo, "../../SECRET.env")
    out = repo / "report.html"
    result = run(repo, "report", PLAN, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "lies outside the repository" in result.stderr
    assert out.exists()
    assert_no_leak(result, out)


def test_swedish_message_names_the_rule(repo: Path) -> None:
    point_source(repo, "../../SECRET.env")
    result = run(repo, "validate", "plans/", "--lang", "sv")
    (line,) = problem_lines(result.stdout, "HBG022")
    assert "ligger utanför arkivet" in line
    assert_no_leak(result)


# --- sources that are not small regular files -----------------------------------------------


@posix_only
def test_source_that_is_a_folder_is_not_a_regular_file(repo: Path) -> None:
    (repo / "plans" / "sources" / "folder.txt").mkdir()
    point_source(repo, "sources/folder.txt")
    result = run(repo, "validate", f"plans/{PLAN}.yaml")
    assert result.returncode == 1
    (line,) = problem_lines(result.stdout, "HBG022")
    assert "not a regular file" in line
    assert "not found" not in line


@pytest.mark.slow  # a fresh process: the hang guard needs one
@posix_only
def test_source_that_is_a_fifo_is_refused_without_hanging(repo: Path) -> None:
    os.mkfifo(repo / "plans" / "sources" / "pipe.txt")
    point_source(repo, "sources/pipe.txt")
    result = run_fresh(repo, "validate", f"plans/{PLAN}.yaml")
    assert result.returncode == 1
    (line,) = problem_lines(result.stdout, "HBG022")
    assert "not a regular file" in line


def test_source_over_the_size_limit_is_refused_unread(repo: Path) -> None:
    from hbg_plan.io.confine import MAX_FILE_BYTES

    big = repo / "plans" / "sources" / "big.txt"
    with big.open("wb") as handle:
        handle.write(SECRET_TEXT.encode())
        handle.truncate(MAX_FILE_BYTES + 1)
    point_source(repo, "sources/big.txt")
    result = run(repo, "validate", f"plans/{PLAN}.yaml")
    assert result.returncode == 1
    (line,) = problem_lines(result.stdout, "HBG022")
    assert f"over the limit of {MAX_FILE_BYTES} bytes" in line
    assert "HBG023" not in result.stdout
    assert_no_leak(result)


@posix_only
def test_unreadable_source_is_not_reported_as_not_found(repo: Path) -> None:
    loop = repo / "plans" / "sources" / "loop.txt"
    loop.symlink_to("loop.txt")
    point_source(repo, "sources/loop.txt")
    result = run(repo, "validate", f"plans/{PLAN}.yaml")
    assert result.returncode == 1
    (line,) = problem_lines(result.stdout, "HBG022")
    assert "cannot be read" in line
    assert "not found" not in line


# --- plan files and the parties registry --------------------------------------------------------


@posix_only
def test_plan_file_symlinked_outside_is_not_quoted(repo: Path) -> None:
    (repo / "plans" / "evil.yaml").symlink_to(repo.parent / "SECRET.env")
    result = run(repo, "validate", "plans/")
    assert result.returncode == 2
    lines = [line for line in result.stdout.splitlines() if "evil.yaml" in line]
    assert len(lines) == 1
    assert "HBG001 file not read: it lies outside the repository" in lines[0]
    assert_no_leak(result)


@posix_only
def test_parties_registry_symlinked_outside_is_refused(repo: Path) -> None:
    registry = repo / "plans" / "parties.yaml"
    registry.unlink()
    registry.symlink_to(repo.parent / "SECRET.env")
    result = run(repo, "validate", "plans/")
    assert result.returncode == 2
    assert any(
        "parties.yaml" in line and "lies outside the repository" in line
        for line in result.stdout.splitlines()
    )
    assert "parties registry not read: it lies outside the repository" in result.stdout
    assert_no_leak(result)


def test_parties_registry_above_the_repository_is_not_used(repo: Path) -> None:
    (repo / "plans" / "parties.yaml").unlink()
    (repo.parent / "parties.yaml").write_text(SECRET_TEXT, encoding="utf-8")
    result = run(repo, "validate", f"plans/{PLAN}.yaml")
    assert result.returncode == 1
    assert "HBG021" in result.stdout
    assert_no_leak(result)


# --- looking a plan up by id --------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("show", "sip.kort", "--plan", PLAN, "--format", "json"),
        ("diff", "hbg-2015", PLAN, "--format", "json"),
        ("init", "plans/hbg-2025.yaml", "--from", PLAN),
    ],
    ids=["show", "diff", "init"],
)
@pytest.mark.parametrize("special", ["fifo", "dev-zero"])
@pytest.mark.slow  # a fresh process: a hang guard and a memory limit
@posix_only
def test_id_lookup_skips_fifos_and_devices(repo: Path, command: tuple[str, ...], special: str) -> None:
    """A FIFO hung the lookup; a symlink to /dev/zero grew it to gigabytes before a MemoryError."""
    planted = repo / "plans" / "aaa.yaml"
    if special == "fifo":
        os.mkfifo(planted)
    else:
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero")
        planted.symlink_to("/dev/zero")
    result = run_fresh(repo, *command, memory_limit=1536 * 1024 * 1024)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "internal error" not in result.stderr
