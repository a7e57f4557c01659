"""`validate` in worker processes and from the content-hash cache reports exactly what a
single-process run reports, on a generated corpus with every kind of problem, and the cache
follows every change to what a result depends on: the plan, its source text, the parties
registry, the schema. Garbage in the cache folder is ignored and rewritten; `cache clean`."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hbg_plan.validate import schema
from tests.conftest import RunCli
from tests.helpers.generator import generated_repo
from tests.helpers.workers import run_losing_a_worker

pytestmark = pytest.mark.slow

PLANS = 20  # with the copy and the registry 22 files: enough for two workers (8 files each at least)
CODES = ("HBG003", "HBG010", "HBG020", "HBG021", "HBG022", "HBG023", "HBG025", "HBG026")


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert changed != text, (path, pattern)
    path.write_text(changed, encoding="utf-8")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with a generated corpus in which plans have one problem each."""
    repo = generated_repo(tmp_path_factory.mktemp("corpus"), PLANS, 7)
    plans = repo / "plans"
    _edit(plans / "kommun-000-01.yaml", r"^issued_by: \[", "issued_by: [socialforvaltningen, ")
    _edit(plans / "kommun-000-02.yaml", r"^kind: .*$", "kind: handlingsplan")
    with (plans / "sources" / "kommun-000-03.txt").open("a", encoding="utf-8") as f:
        f.write("En rad till.\n")
    shutil.copy(plans / "kommun-000-04.yaml", plans / "kopia.yaml")
    _edit(plans / "kommun-000-05.yaml", r"^replaces: .*$", "replaces: kommun-999-99")
    with (plans / "kommun-000-06.yaml").open("a", encoding="utf-8") as f:
        f.write("extra: [\n")
    _edit(plans / "kommun-000-07.yaml", r'^  file: ".*"$', '  file: "../../../../etc/hostname"')
    _edit(plans / "kommun-000-08.yaml", r'^title: "', 'title: "Ändrad ')
    return repo


@pytest.fixture
def repo(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(pristine, copy, symlinks=True)
    return copy


def hbg(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "hbg_plan", "validate", "plans", *args],
        cwd=repo, capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip


def report(repo: Path, *args: str) -> tuple[int, str, str]:
    done = hbg(repo, *args)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


def shards(cache: Path) -> list[Path]:
    return sorted((cache / "v2").glob("*.entries"))


def entries(cache: Path) -> Iterator[tuple[Path, str, dict[str, Any]]]:
    """(shard, file id, entry) for every entry line in the cache."""
    for shard in shards(cache):
        header, *lines = shard.read_text(encoding="utf-8").splitlines()
        assert header.startswith("hbg-plan-cache 2 "), header
        for line in lines:
            file_id, _, entry = line.partition(" ")
            yield shard, file_id, json.loads(entry)


def rewrite(shard: Path, edit: Callable[[str, dict[str, Any]], str]) -> None:
    """Replace each entry line of a shard by what `edit` makes of it (the header stays)."""
    header, *lines = shard.read_text(encoding="utf-8").splitlines()
    edited = [edit(line.partition(" ")[0], json.loads(line.partition(" ")[2])) for line in lines]
    shard.write_text("\n".join([header, *edited]) + "\n", encoding="utf-8")


def test_parallel_and_cached_runs_print_what_one_process_prints(repo: Path) -> None:
    cache = str(repo / "cache")
    for fmt in (["-f", "json"], ["--lang", "sv"]):
        single = report(repo, "--jobs", "1", "--no-cache", *fmt)
        assert single[0] == 1
        for code in CODES:
            assert code in single[1], code  # the corpus exercises every kind of diagnostic
        assert report(repo, "--jobs", "2", "--no-cache", *fmt) == single
        assert report(repo, "--jobs", "2", "--cache-dir", cache, *fmt) == single  # cold: writes
        assert report(repo, "--jobs", "2", "--cache-dir", cache, *fmt) == single  # warm
        assert report(repo, "--jobs", "1", "--cache-dir", cache, *fmt) == single  # warm, one process
    assert len(list(entries(repo / "cache"))) == PLANS + 2  # every file, the registry and the copy


def test_the_cache_is_read(repo: Path) -> None:
    """A warm run takes its results from the cache: an entry edited there is what it reports."""
    cache = repo / "cache"
    report(repo, "--jobs", "1", "--cache-dir", str(cache))
    edited = 0

    def plant(file_id: str, data: dict[str, Any]) -> str:
        nonlocal edited
        for diagnostic in data["value"]["outcome"]["diagnostics"]:
            if diagnostic["message"] == "validate.duplicate_id" or "excerpt" in diagnostic["args"]:
                diagnostic["args"]["excerpt"] = "UR CACHEN"
                edited += 1
        return f"{file_id} {json.dumps(data, ensure_ascii=False)}"

    for shard in shards(cache):
        rewrite(shard, plant)
    assert edited
    assert "UR CACHEN" in report(repo, "--jobs", "1", "--cache-dir", str(cache))[1]


def test_a_changed_source_text_invalidates(repo: Path) -> None:
    cache = str(repo / "cache")
    before = report(repo, "--cache-dir", cache, "-f", "json")
    with (repo / "plans" / "sources" / "kommun-000-09.txt").open("a", encoding="utf-8") as f:
        f.write("Ny rad.\n")
    after = report(repo, "--cache-dir", cache, "-f", "json")
    assert after != before
    files = json.loads(after[1])["files"]
    assert [f["path"] for f in files if any(d["code"] == "HBG023" for d in f["diagnostics"])] == [
        "plans/kommun-000-03.yaml",
        "plans/kommun-000-09.yaml",
    ]
    assert after == report(repo, "--no-cache", "-f", "json")


def test_a_changed_registry_invalidates(repo: Path) -> None:
    cache = str(repo / "cache")
    before = report(repo, "--cache-dir", cache)
    registry = repo / "plans" / "parties.yaml"
    text = registry.read_text(encoding="utf-8")
    kept = re.sub(r"^  - id: region-skane\n(?:    .*\n)*", "", text, flags=re.MULTILINE)
    assert kept != text
    registry.write_text(kept, encoding="utf-8")
    after = report(repo, "--cache-dir", cache)
    assert after != before and "region-skane" in after[1]
    assert after == report(repo, "--no-cache")
    registry.write_text(text, encoding="utf-8")  # and back: the first report again
    assert report(repo, "--cache-dir", cache) == before


def test_a_changed_plan_invalidates(repo: Path) -> None:
    cache = str(repo / "cache")
    report(repo, "--cache-dir", cache)
    _edit(repo / "plans" / "kommun-001-00.yaml", r"^level: .*$", "level: nationell")
    after = report(repo, "--cache-dir", cache)
    assert "kommun-001-00.yaml" in after[1] and after == report(repo, "--no-cache")


def test_a_changed_schema_invalidates(repo: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process, with the bundled plan schema replaced by one that limits titles to 5 characters."""
    monkeypatch.chdir(repo)
    cache = str(repo / "cache")
    args = ("validate", "plans/kommun-001-01.yaml", "--jobs", "1", "-f", "json")
    before = run_cli(*args, "--cache-dir", cache)
    assert before.exit_code == 0, before.output
    original = schema.schema_text

    def strict(name: str) -> str:
        text = original(name)
        if name != schema.PLAN_SCHEMA:
            return text
        data = json.loads(text)
        data["properties"]["title"]["maxLength"] = 5
        return json.dumps(data)

    caches = (schema.load_schema, schema._validator, schema._fast_check)
    monkeypatch.setattr(schema, "schema_text", strict)
    try:
        for cached in caches:
            cached.cache_clear()
        after = run_cli(*args, "--cache-dir", cache)
        assert after.exit_code == 1 and "HBG01" in after.output
        assert after.output == run_cli(*args, "--no-cache").output
    finally:
        monkeypatch.setattr(schema, "schema_text", original)
        for cached in caches:
            cached.cache_clear()
    assert run_cli(*args, "--cache-dir", cache).output == before.output


def test_garbage_in_the_cache_is_ignored_and_rewritten(repo: Path) -> None:
    cache = repo / "cache"
    expected = report(repo, "--jobs", "1", "--no-cache", "-f", "json")
    report(repo, "--cache-dir", str(cache), "-f", "json")
    files = len(list(entries(cache)))
    outside = repo.parent / "outside.txt"
    outside.write_text("not to be touched\n", encoding="utf-8")
    whole = [  # what a whole shard may hold instead of entries
        b"",
        b"\xff\xfe not UTF-8",
        b"hbg-plan-cache 2 0.0.0-other\n",
        b"[" * 100000,
        b"hbg-plan-cache 2 0.1.0\n" + b"#" * (8 * 1024 * 1024),  # over the 8 MiB a shard may have
    ]
    lines = [  # what a line of a shard may hold instead of an entry
        lambda file_id, data: f"{file_id} not json",
        lambda file_id, data: f"{file_id} [1, 2, 3]",
        lambda file_id, data: f"{file_id} " + "[" * 100000,
        lambda file_id, data: f"{file_id} " + json.dumps({**data, "key": "0" * 64}),
        lambda file_id, data: f"{file_id} " + json.dumps({**data, "value": {"outcome": {"kind": "plan"}}}),
        lambda file_id, data: f"{file_id} " + json.dumps({**data, "value": {**data["value"], "outcome": 7}}),
        lambda file_id, data: f"{'f' * 64} {json.dumps(data)}",  # under another file's id
        lambda file_id, data: f"../../outside {json.dumps(data)}",
    ]
    spoilt = iter(range(1000))

    def spoil(file_id: str, data: dict[str, Any]) -> str:
        return lines[next(spoilt) % len(lines)](file_id, data)

    by_size = sorted(shards(cache), key=lambda shard: len(shard.read_bytes().splitlines()))
    for shard, garbage in zip(by_size, whole, strict=False):  # the smallest shards: spoilt whole
        shard.write_bytes(garbage)
    by_size[len(whole)].unlink()  # a symlink out of the repository where a shard was
    by_size[len(whole)].symlink_to(outside)
    for shard in by_size[len(whole) + 1 :]:  # the others: line by line
        rewrite(shard, spoil)
    assert next(spoilt) >= len(lines)  # every kind of line used
    (cache / "v2" / "zz").mkdir()
    (cache / "v2" / "zz" / "stray.entries").write_text("{}", encoding="utf-8")
    (cache / "v2" / "g.entries").write_text("hbg-plan-cache 2 x\n", encoding="utf-8")
    for jobs in ("1", "2"):
        assert report(repo, "--jobs", jobs, "--cache-dir", str(cache), "-f", "json") == expected
    for shard in shards(cache):  # rewritten: whole shards again, no symlink left
        assert not shard.is_symlink()
    assert len({file_id for _, file_id, _ in entries(cache) if file_id != "f" * 64}) == files
    assert outside.read_text(encoding="utf-8") == "not to be touched\n"


def test_entries_follow_the_files_not_the_runs(repo: Path) -> None:
    """A file that changes replaces its own entry: the cache does not grow run after run."""
    cache = repo / "cache"
    report(repo, "--cache-dir", str(cache))
    before = sorted(file_id for _, file_id, _ in entries(cache))
    for run in range(3):
        with (repo / "plans" / "kommun-001-00.yaml").open("a", encoding="utf-8") as f:
            f.write(f"# ändring {run}\n")
        report(repo, "--cache-dir", str(cache))
    assert sorted(file_id for _, file_id, _ in entries(cache)) == before
    assert len(shards(cache)) <= 16


def test_a_symlinked_cache_folder_is_not_used(repo: Path) -> None:
    elsewhere = repo.parent / "elsewhere"
    elsewhere.mkdir()
    (repo / ".hbg-plan-cache").symlink_to(elsewhere)
    code, out, err = report(repo)
    assert (code, out) == report(repo, "--no-cache")[:2]
    assert "cache" in err and ".hbg-plan-cache" in err
    assert list(elsewhere.iterdir()) == []


def test_default_cache_beside_the_configuration_and_clean(repo: Path) -> None:
    (repo / "hbg-plan.toml").write_text('plans = "plans"\n', encoding="utf-8")
    expected = report(repo, "--no-cache")
    assert report(repo) == expected
    folder = repo / ".hbg-plan-cache"
    assert (folder / "CACHEDIR.TAG").is_file() and list(entries(folder))
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    env = {**os.environ, "NO_COLOR": "1"}
    clean = subprocess.run(
        [sys.executable, "-m", "hbg_plan", "cache", "clean"],
        cwd=repo, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert clean.returncode == 0 and "Removed" in clean.stdout
    assert not folder.exists()
    again = subprocess.run(
        [sys.executable, "-m", "hbg_plan", "cache", "clean", "--lang", "sv"],
        cwd=repo, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert again.returncode == 0 and "Ingen cache" in again.stdout


def test_clean_refuses_a_folder_that_is_not_a_cache(repo: Path, run_cli: RunCli) -> None:
    precious = repo / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("keep\n", encoding="utf-8")
    result = run_cli("cache", "clean", "--cache-dir", str(precious))
    assert result.exit_code == 2 and "not an hbg-plan cache" in result.output
    assert (precious / "keep.txt").is_file()


def test_a_worker_that_dies_does_not_hang_or_change_the_report(repo: Path) -> None:
    expected = report(repo, "--jobs", "1", "--no-cache", "-f", "json")
    args = ("validate", "plans", "--jobs", "2", "--no-cache", "-f", "json")
    assert run_losing_a_worker(repo, "hbg_plan.validate.run", "kommun-000-05.yaml", *args) == expected
