"""What the security tests share: a repository of their own to attack."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import PLANS


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """tmp/repo: a repository root (it has .git) with a copy of the bundled plans/."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    shutil.copytree(PLANS, root / "plans")
    return root
