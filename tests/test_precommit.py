"""The pre-commit hooks, run by the real `pre-commit` against a repository that uses this one.

pre-commit clones a hook repository at a revision and pip-installs it into its own virtualenv,
so the test commits a copy of the working tree (the package, pyproject.toml and the hook
manifest) to a temporary git repository and points a temporary consumer repository at it. The
install needs the package index; without it the tests are skipped with the reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import PLANS, REPO

pytestmark = pytest.mark.slow  # pre-commit builds a virtualenv per hook repository

MANIFEST = REPO / ".pre-commit-hooks.yaml"
SOURCE_2020 = "sources/002_1aca388ac409bdea.txt"
DIALOG = "Dialog om suicidprevention ska föras en gång per år på arbetsplatsträffar."  # source line 18
TIMEOUT = 900


@dataclass(frozen=True)
class HookRepo:
    path: Path
    rev: str
    home: Path  # PRE_COMMIT_HOME: the clones and virtualenvs, shared by the tests of this module


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "PRE_COMMIT"}
    env.update(PRE_COMMIT_HOME=str(home), NO_COLOR="1", GIT_CONFIG_NOSYSTEM="1")
    env.pop("GITHUB_ACTIONS", None)  # the hook's output format must not depend on where tests run
    return env


def _git(cwd: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=hbg-plan tests", "-c", "user.email=tests@hbg-plan.invalid",
               "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args]  # fmt: skip
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True, env=_env(cwd))
    return done.stdout.strip()


def _index_problem() -> str | None:
    index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple/").rstrip("/") + "/"
    try:
        with urllib.request.urlopen(index + "setuptools/", timeout=15):
            return None
    except (OSError, ValueError) as exc:
        return f"pre-commit pip-installs the hook repository, but the package index {index} is unreachable: {exc}"


def _copy_working_tree(target: Path) -> None:
    """What `pip install .` needs: the top-level files, the manifest and the package."""
    target.mkdir()
    for path in REPO.iterdir():
        if path.is_file() and (not path.name.startswith(".") or path.name == MANIFEST.name):
            shutil.copy2(path, target / path.name)
    shutil.copytree(
        REPO / "hbg_plan",
        target / "hbg_plan",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"),
    )


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    problem = _index_problem()
    if problem:
        pytest.skip(problem)
    base = tmp_path_factory.mktemp("precommit")
    repo = base / "hbg-plan"
    _copy_working_tree(repo)
    _git(repo, "init", "--quiet")
    _git(repo, "add", "--all")
    _git(repo, "commit", "--quiet", "--no-verify", "-m", "hbg-plan working tree under test")
    return HookRepo(repo, _git(repo, "rev-parse", "HEAD"), base / "pre-commit-home")


def _consumer(folder: Path, hook: HookRepo, *hook_ids: str) -> Path:
    """A repository holding hbg-2020 with its source and the parties registry, using the hooks."""
    (folder / "plans" / "sources").mkdir(parents=True)
    for name in ("hbg-2020.yaml", "parties.yaml", SOURCE_2020):
        shutil.copy2(PLANS / name, folder / "plans" / name)
    config = {"repos": [{"repo": str(hook.path), "rev": hook.rev, "hooks": [{"id": i} for i in hook_ids]}]}
    (folder / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git(folder, "init", "--quiet")
    _git(folder, "add", "--all")
    return folder


def _pre_commit(consumer: Path, hook: HookRepo, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pre_commit", "run", "--color", "never", *args]
    return subprocess.run(
        command, cwd=consumer, capture_output=True, text=True, env=_env(hook.home), timeout=TIMEOUT
    )


def test_manifest_is_valid_and_offers_both_hooks() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    hooks = {hook["id"]: hook for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}
    assert hooks["hbg-plan-validate"]["entry"] == "hbg-plan validate --changed"
    assert hooks["hbg-plan-gaps"]["entry"] == "hbg-plan gaps"
    for hook in hooks.values():  # the whole plan set, once, whatever file under plans/ changed
        assert hook["pass_filenames"] is False
        assert hook["require_serial"] is True
        pattern = re.compile(hook["files"])
        for name in ("plans/hbg-2020.yaml", "plans/parties.yaml", f"plans/{SOURCE_2020}", "pyproject.toml"):
            assert pattern.search(name), (hook["id"], name)
        assert not pattern.search("README.md")


@pytest.mark.network
def test_validate_hook_passes_a_good_plan(hook_repo: HookRepo, tmp_path: Path) -> None:
    consumer = _consumer(tmp_path, hook_repo, "hbg-plan-validate")
    done = _pre_commit(consumer, hook_repo, "--all-files")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "hbg-plan validate" in output
    assert "Passed" in output


@pytest.mark.network
def test_validate_hook_fails_a_broken_plan_at_its_line(hook_repo: HookRepo, tmp_path: Path) -> None:
    consumer = _consumer(tmp_path, hook_repo, "hbg-plan-validate")
    plan = consumer / "plans" / "hbg-2020.yaml"
    text = plan.read_text(encoding="utf-8")
    assert DIALOG in text
    plan.write_text(text.replace(DIALOG, DIALOG.replace("en gång", "två gånger")), encoding="utf-8")
    line = next(
        n for n, row in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if "två gånger" in row
    )
    _git(consumer, "add", "--all")
    done = _pre_commit(consumer, hook_repo, "--all-files")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Failed" in output
    assert f"plans/hbg-2020.yaml:{line}:" in output
    assert "HBG025" in output


@pytest.mark.network
def test_gaps_hook_runs_the_gaps_command(hook_repo: HookRepo, tmp_path: Path) -> None:
    if not (hook_repo.path / "hbg_plan" / "cli" / "commands" / "gaps.py").is_file():
        pytest.skip("hbg_plan/cli/commands/gaps.py does not exist yet")
    consumer = _consumer(tmp_path, hook_repo, "hbg-plan-gaps")
    skipped = _pre_commit(consumer, hook_repo, "--all-files")
    assert skipped.returncode == 0, skipped.stdout  # manual stage: not run on commit
    assert "hbg-plan gaps" not in skipped.stdout
    done = _pre_commit(consumer, hook_repo, "--all-files", "--hook-stage", "manual", "--verbose")
    output = done.stdout + done.stderr
    assert "hbg-plan gaps" in output
    assert "No such command" not in output
    assert "Traceback" not in output
    assert done.returncode in (0, 1), output


def _commit(consumer: Path, hook: HookRepo) -> subprocess.CompletedProcess[str]:
    """`git commit` of what is staged, with the hooks installed as a user would install them."""
    command = ["git", "-c", "user.name=hbg-plan tests", "-c", "user.email=tests@hbg-plan.invalid",
               "-c", "commit.gpgsign=false", "commit", "-m", "change under test"]  # fmt: skip
    return subprocess.run(
        command, cwd=consumer, capture_output=True, text=True, env=_env(hook.home), timeout=TIMEOUT
    )


def _installed_consumer(folder: Path, hook: HookRepo) -> Path:
    consumer = _consumer(folder, hook, "hbg-plan-validate")
    _git(consumer, "commit", "--quiet", "--no-verify", "-m", "plans")
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=consumer, capture_output=True, text=True,
        env=_env(hook.home), timeout=TIMEOUT,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return consumer


@pytest.mark.network
def test_commit_of_a_copied_plan_is_blocked_at_the_copy(hook_repo: HookRepo, tmp_path: Path) -> None:
    consumer = _installed_consumer(tmp_path, hook_repo)
    # The copy sorts before the original (`-` < `.`), so path order alone would blame the original.
    shutil.copy2(consumer / "plans" / "hbg-2020.yaml", consumer / "plans" / "hbg-2020-kopia.yaml")
    _git(consumer, "add", "--all")
    done = _commit(consumer, hook_repo)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert re.search(r"plans/hbg-2020-kopia\.yaml:3:5: error HBG020 plan id 'hbg-2020'", output), output
    assert "plans/hbg-2020.yaml:3:5" not in output
    assert _git(consumer, "rev-list", "--count", "HEAD") == "1"  # nothing was committed


@pytest.mark.network
def test_commit_removing_a_used_party_is_blocked_at_the_registry(hook_repo: HookRepo, tmp_path: Path) -> None:
    consumer = _installed_consumer(tmp_path, hook_repo)
    registry = consumer / "plans" / "parties.yaml"
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    assert any(p["id"] == "sff" for p in data["parties"])
    units = [p["id"] for p in data["parties"] if p.get("part_of") == "sff"]  # the registry's own references
    data["parties"] = [p for p in data["parties"] if p["id"] != "sff"]
    registry.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    line = registry.read_text(encoding="utf-8").splitlines().index("parties:") + 1
    _git(consumer, "add", "--all")
    done = _commit(consumer, hook_repo)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert f"plans/parties.yaml:{line}:1: error HBG021 party 'sff' is not in this registry" in output, output
    assert "plans/hbg-2020.yaml:" in output  # where the first reference stands
    for unit in units:
        assert "plans/parties.yaml:" in output and f"party '{unit}' is part of unknown party 'sff'" in output
    # one error for the plans' references at the changed file, not one per reference
    assert f"{1 + len(units)} error(s)" in output


@pytest.mark.network
def test_commit_changing_a_source_text_is_blocked_at_the_source(hook_repo: HookRepo, tmp_path: Path) -> None:
    consumer = _installed_consumer(tmp_path, hook_repo)
    source = consumer / "plans" / SOURCE_2020
    with source.open("a", encoding="utf-8") as handle:
        handle.write("En rad till.\n")
    _git(consumer, "add", "--all")
    done = _commit(consumer, hook_repo)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "no files to check" not in output
    assert f"plans/{SOURCE_2020}:1:1: error HBG023" in output, output
    assert "plans/hbg-2020.yaml:11:11" in output  # the sha256 the plan records


@pytest.mark.network
def test_an_unrelated_commit_does_not_run_the_hook(hook_repo: HookRepo, tmp_path: Path) -> None:
    consumer = _installed_consumer(tmp_path, hook_repo)
    (consumer / "NOTES.md").write_text("Mötesanteckningar\n", encoding="utf-8")
    _git(consumer, "add", "--all")
    done = _commit(consumer, hook_repo)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "no files to check" in output
