"""The content-hash cache of `hbg-plan validate`: one small JSON file per checked file.

Layout: `<cache dir>/CACHEDIR.TAG`, `.gitignore` (`*`), and `v1/<2 hex>/<62 hex>.json`, named by
the key (a SHA-256 the caller computes over everything that affects a file's result). An entry is
written to a temporary file in its folder and renamed into place, so a reader sees a whole entry
or none, and runs in parallel (or killed half-way) cannot leave a torn one; an entry that is
unreadable, not JSON, of another format or hbg-plan version, or names another key is a miss and
is written anew.

The cache lies in the repository, where a pull request can put anything, so it is read like any
untrusted file (see `hbg_plan.io.confine`): the cache folder and its subfolders must be real
folders (not symlinks) and, for the default location, lie inside the repository; an entry is
opened without following a symlink, must be a regular file and at most MAX_ENTRY_BYTES long.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import stat
from pathlib import Path
from typing import Any

from hbg_plan.io.confine import Refused, Rule, inside, read_bounded
from hbg_plan.io.output import write_atomic

CACHE_DIR_NAME = ".hbg-plan-cache"
LAYOUT = "v1"
FORMAT = 1
MAX_ENTRY_BYTES = 1024 * 1024  # far beyond the diagnostics of a real plan; larger results are not kept
TAG_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"  # https://bford.info/cachedir/
TAG = f"{TAG_SIGNATURE}\n# This file is a cache directory tag created by hbg-plan.\n"


class CacheUnusable(Exception):
    """The cache folder cannot be used: the run goes on without it (the reason is a Refused)."""

    def __init__(self, reason: Refused) -> None:
        super().__init__(str(reason))
        self.reason = reason


def _real_folder(path: Path) -> bool:
    """Whether `path` is a folder that is not a symlink (False when it does not exist)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


class Cache:
    """A cache folder. `root`, when given, is the repository the folder must lie in."""

    def __init__(self, folder: Path, root: Path | None = None) -> None:
        self.folder = Path(os.path.abspath(folder))
        self.root = root
        self.tool_version = ""

    def check(self) -> None:
        """Raise CacheUnusable when the folder (if it exists) is a symlink, not a folder, or outside
        the repository."""
        try:
            info = os.lstat(self.folder)
        except FileNotFoundError:
            info = None
        except OSError as exc:
            raise CacheUnusable(Refused(Rule.UNREADABLE, reason=exc.strerror or str(exc))) from None
        if info is not None and not stat.S_ISDIR(info.st_mode):
            raise CacheUnusable(Refused(Rule.NOT_REGULAR))
        if self.root is not None:
            try:
                inside(self.folder, self.root)
            except Refused as exc:
                raise CacheUnusable(exc) from None

    def _entry(self, key: str) -> Path:
        return self.folder / LAYOUT / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The value stored under `key`, or None for a miss (absent, refused, corrupt, foreign)."""
        entry = self._entry(key)
        if not (_real_folder(self.folder / LAYOUT) and _real_folder(entry.parent)):
            return None
        try:
            raw = _read_no_follow(entry)
            data = json.loads(raw)
        except (Refused, ValueError, RecursionError):
            return None
        if (
            not isinstance(data, dict)
            or data.get("format") != FORMAT
            or data.get("tool_version") != self.tool_version
            or data.get("key") != key
        ):
            return None
        value = data.get("value")
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> bool:
        """Store `value` under `key`; False when it was not stored (too large, folder unusable)."""
        payload = json.dumps(
            {"format": FORMAT, "tool_version": self.tool_version, "key": key, "value": value},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        if len(payload) > MAX_ENTRY_BYTES:
            return False
        entry = self._entry(key)
        try:
            self._make_folders(entry.parent)
            if os.path.islink(entry):  # planted in the cache: replaced, never written through
                os.unlink(entry)
            write_atomic(entry, payload, durable=False)
        except OSError:
            return False
        return True

    def _make_folders(self, leaf: Path) -> None:
        if not _real_folder(self.folder):
            self.check()
            self.folder.mkdir(parents=True, exist_ok=True)
            if not _real_folder(self.folder):
                raise OSError(errno.ENOTDIR, "not a folder", str(self.folder))
        for marker, text in (("CACHEDIR.TAG", TAG), (".gitignore", "# Created by hbg-plan.\n*\n")):
            if not os.path.lexists(self.folder / marker):
                with contextlib.suppress(OSError):
                    write_atomic(self.folder / marker, text, durable=False)
        for folder in (leaf.parent, leaf):
            if not _real_folder(folder):
                with contextlib.suppress(FileExistsError):
                    folder.mkdir()
                if not _real_folder(folder):
                    raise OSError(errno.ENOTDIR, "not a folder", str(folder))


def _read_no_follow(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_ENTRY_BYTES, never through a symlink."""
    return read_bounded(path, MAX_ENTRY_BYTES, follow_symlinks=False)


def is_cache(folder: Path) -> bool:
    """Whether `folder` is a real folder holding hbg-plan's (or another tool's) cache tag."""
    if not _real_folder(folder):
        return False
    try:
        head = _read_no_follow(folder / "CACHEDIR.TAG")[: len(TAG_SIGNATURE)]
    except Refused:
        return False
    return head == TAG_SIGNATURE.encode()


def clean(folder: Path) -> bool:
    """Remove the cache folder; False when there is none. Raises CacheUnusable when `folder` is a
    symlink or a folder without the cache tag, which is never removed."""
    if not os.path.lexists(folder):
        return False
    if not is_cache(folder):
        raise CacheUnusable(Refused(Rule.NOT_REGULAR))
    shutil.rmtree(folder)  # on POSIX removes symlinks inside, never what they point to
    return True
