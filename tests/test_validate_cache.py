"""`validate` in worker processes and from the content-hash cache reports exactly what a
single-process run reports, on a generated corpus with every kind of problem, and the cache
follows every change to what a result depends on: the plan, its source text, the parties
registry, the schema. Garbage in the cache folder is ignored and rewritten; `cache clean`."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from hbg_plan.validate import schema
from tests.conftest import REPO, RunCli

pytestmark = pytest.mark.slow

PLANS = 20  # with the copy and the registry 22 files: enough for two workers (8 files each at least)
CODES = ("HBG003", "HBG010", "HBG020", "HBG021", "HBG022", "HBG023", "HBG025", "HBG026")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert changed != text, (path, pattern)
    path.write_text(changed, encoding="utf-8")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with a generated corpus in which plans have one problem each."""
    repo = tmp_path_factory.mktemp("corpus")
    (repo / ".git").mkdir()
    plans = repo / "plans"
    _generator().generate_corpus(plans, PLANS, 7)
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


def entries(cache: Path) -> Iterator[Path]:
    return (p for p in sorted((cache / "v1").rglob("*.json")))


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
    for entry in entries(cache):
        data = json.loads(entry.read_text(encoding="utf-8"))
        for diagnostic in data["value"]["outcome"]["diagnostics"]:
            if diagnostic["message"] == "validate.duplicate_id" or "excerpt" in diagnostic["args"]:
                diagnostic["args"]["excerpt"] = "UR CACHEN"
                edited += 1
        entry.write_text(json.dumps(data), encoding="utf-8")
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
    registry.write_text(text, encoding="utf-8")  # and back: the old entries serve again
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
    outside = repo.parent / "outside.txt"
    outside.write_text("not to be touched\n", encoding="utf-8")
    garbage = [
        b"",
        b"\xff\xfe not json",
        b"[1, 2, 3]",
        json.dumps({"format": 1, "tool_version": "0.0.0-other", "key": "x", "value": {}}).encode(),
        b'{"format": 1, "value": {"dependencies": [], "outcome": {"kind": "plan"}}}',
        b"[" * 100000,
    ]
    for i, entry in enumerate(entries(cache)):
        if i % 7 == 6:  # a symlink out of the repository where an entry was
            entry.unlink()
            entry.symlink_to(outside)
        else:
            entry.write_bytes(garbage[i % 6])
    (cache / "v1" / "zz").mkdir()
    (cache / "v1" / "zz" / "stray.json").write_text("{}", encoding="utf-8")
    for jobs in ("1", "2"):
        assert report(repo, "--jobs", jobs, "--cache-dir", str(cache), "-f", "json") == expected
    for entry in entries(cache):  # rewritten: whole JSON entries again, no symlink left
        if entry.parent.name != "zz":
            assert not entry.is_symlink()
            assert json.loads(entry.read_text(encoding="utf-8"))["format"] == 1
    assert outside.read_text(encoding="utf-8") == "not to be touched\n"


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
