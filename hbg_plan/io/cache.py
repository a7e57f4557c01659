"""The content-hash cache of `hbg-plan validate`: each checked file's result, in 16 shard files.

Layout: `<cache dir>/CACHEDIR.TAG`, `.gitignore` (`*`), and `v2/<0-f>.entries`. A shard is UTF-8
text: a header line `hbg-plan-cache <FORMAT> <hbg-plan version>`, then one line per file,
`<file id> <entry as JSON>`. The file id (64 hex digits) names the file (its path, display name
and repository), so a file that changes replaces its own line and the cache grows with the number
of files, not of runs; the entry holds the key (a SHA-256 the caller computes over everything that
affects the file's result, its bytes included) and the value. A file goes to the shard named by
the first digit of its id.

Why shards and not a file per entry: creating a file costs about a millisecond on common file
systems, which for a 2,900-file corpus was more than a tenth of the cold run. Entries are staged
in memory while files are checked and written by `flush()` at the end (or when the staged entries
pass MAX_STAGED_BYTES): each shard it touches is read again, merged with the staged lines and
replaced atomically (temporary file + rename), so a reader sees a whole shard or the previous one,
and runs in parallel or killed half-way cannot leave a torn one (two runs writing at once may each
lose the other's new lines: those files are simply checked again next time). A shard that is
unreadable, of another format or hbg-plan version, or over MAX_SHARD_BYTES counts as empty; a line
that is not an entry, or an entry under another key, is a miss. Both are written anew.

The cache lies in the repository, where a pull request can put anything, so it is read like any
untrusted file (see `hbg_plan.io.confine`): the cache folder and its subfolders must be real
folders (not symlinks) and, for the default location, lie inside the repository; a shard is opened
without following a symlink, must be a regular file of at most MAX_SHARD_BYTES, and a symlink
planted where a shard belongs is replaced, never written through.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import stat
from pathlib import Path
from typing import Any

from hbg_plan.io.confine import Refused, Rule, inside, read_bounded
from hbg_plan.io.output import write_atomic

CACHE_DIR_NAME = ".hbg-plan-cache"
LAYOUT = "v2"
FORMAT = 2
SHARD_DIGITS = "0123456789abcdef"
MAX_ENTRY_BYTES = 1024 * 1024  # far beyond the diagnostics of a real plan; larger results are not kept
MAX_SHARD_BYTES = 8 * 1024 * 1024  # about 8,000 plans per shard, 130,000 in all; 128 MiB at most to read
MAX_STAGED_BYTES = 16 * 1024 * 1024  # flushed early beyond this, so memory stays bounded
TAG_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"  # https://bford.info/cachedir/
TAG = f"{TAG_SIGNATURE}\n# This file is a cache directory tag created by hbg-plan.\n"
FILE_ID = re.compile(r"[0-9a-f]{64}")


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
    """A cache folder. `root`, when given, is the repository the folder must lie in.

    Shards are read once per process, when a file of theirs is first looked up."""

    def __init__(self, folder: Path, root: Path | None = None) -> None:
        self.folder = Path(os.path.abspath(folder))
        self.root = root
        self.tool_version = ""
        self._forget()

    def _forget(self) -> None:
        self._shards: dict[str, dict[str, str]] = {}  # shard digit -> file id -> entry JSON
        self._staged: dict[str, dict[str, str]] = {}
        self._staged_bytes = 0

    def __getstate__(self) -> dict[str, Any]:  # to a worker process: the folder, not what was read
        return {"folder": self.folder, "root": self.root, "tool_version": self.tool_version}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.folder, self.root, self.tool_version = state["folder"], state["root"], state["tool_version"]
        self._forget()

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

    # --- reading ------------------------------------------------------------------------------

    def _shard_path(self, digit: str) -> Path:
        return self.folder / LAYOUT / f"{digit}.entries"

    def _read_shard(self, digit: str) -> dict[str, str]:
        """The lines of a shard on disk by file id; empty when it is absent, refused or foreign."""
        if not (_real_folder(self.folder) and _real_folder(self.folder / LAYOUT)):
            return {}
        try:
            text = read_bounded(self._shard_path(digit), MAX_SHARD_BYTES, follow_symlinks=False).decode()
        except (Refused, UnicodeDecodeError):
            return {}
        header, _, body = text.partition("\n")
        if header != f"hbg-plan-cache {FORMAT} {self.tool_version}":
            return {}
        lines: dict[str, str] = {}
        for line in body.split("\n"):
            file_id, _, entry = line.partition(" ")
            if entry and FILE_ID.fullmatch(file_id):
                lines[file_id] = entry
        return lines

    def get(self, file_id: str, key: str) -> dict[str, Any] | None:
        """The value stored for the file under `key`, or None for a miss (absent, stale, corrupt)."""
        digit = file_id[0]
        shard = self._shards.get(digit)
        if shard is None:
            shard = self._shards[digit] = self._read_shard(digit)
        entry = shard.get(file_id)
        if entry is None:
            return None
        try:
            data = json.loads(entry)
        except (ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        value = data.get("value")
        return value if isinstance(value, dict) else None

    # --- writing ------------------------------------------------------------------------------

    @staticmethod
    def entry(key: str, value: dict[str, Any]) -> str | None:
        """An entry as the one line it is stored as; None when it is too large to keep."""
        line = json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"))
        try:
            size = len(line.encode("utf-8"))
        except UnicodeEncodeError:  # a lone surrogate: not valid UTF-8, so the shard could not be read
            return None
        return line if size <= MAX_ENTRY_BYTES else None

    def stage(self, file_id: str, entry: str) -> None:
        """Keep an entry (made by `entry`, maybe in a worker process) for the next `flush`."""
        self._staged.setdefault(file_id[0], {})[file_id] = entry
        self._staged_bytes += len(entry)
        if self._staged_bytes > MAX_STAGED_BYTES:
            self.flush()

    def flush(self) -> None:
        """Merge the staged entries into their shards on disk. Best effort: a shard that cannot be
        written is left as it was (its files are checked again next time)."""
        staged, self._staged, self._staged_bytes = self._staged, {}, 0
        if not staged:
            return
        try:
            self._make_folders()
        except OSError:
            return
        for digit, lines in sorted(staged.items()):
            merged = {**self._read_shard(digit), **lines}
            self._shards.pop(digit, None)  # read again if needed: another run may have written
            text = "\n".join(
                [f"hbg-plan-cache {FORMAT} {self.tool_version}"] + [f"{k} {v}" for k, v in merged.items()]
            )
            payload = (text + "\n").encode("utf-8")
            if len(payload) > MAX_SHARD_BYTES:
                continue
            shard = self._shard_path(digit)
            with contextlib.suppress(OSError):
                if os.path.islink(shard):  # planted in the cache: replaced, never written through
                    os.unlink(shard)
                write_atomic(shard, payload, durable=False)

    def _make_folders(self) -> None:
        if not _real_folder(self.folder):
            try:
                self.check()
            except CacheUnusable as exc:
                raise OSError(errno.EPERM, str(exc), str(self.folder)) from None
            self.folder.mkdir(parents=True, exist_ok=True)
            if not _real_folder(self.folder):
                raise OSError(errno.ENOTDIR, "not a folder", str(self.folder))
        for marker, text in (("CACHEDIR.TAG", TAG), (".gitignore", "# Created by hbg-plan.\n*\n")):
            if not os.path.lexists(self.folder / marker):
                with contextlib.suppress(OSError):
                    write_atomic(self.folder / marker, text, durable=False)
        layout = self.folder / LAYOUT
        if not _real_folder(layout):
            with contextlib.suppress(FileExistsError):
                layout.mkdir()
            if not _real_folder(layout):
                raise OSError(errno.ENOTDIR, "not a folder", str(layout))


def is_cache(folder: Path) -> bool:
    """Whether `folder` is a real folder holding hbg-plan's (or another tool's) cache tag."""
    if not _real_folder(folder):
        return False
    try:
        head = read_bounded(folder / "CACHEDIR.TAG", MAX_ENTRY_BYTES, follow_symlinks=False)
    except Refused:
        return False
    return head[: len(TAG_SIGNATURE)] == TAG_SIGNATURE.encode()


def clean(folder: Path) -> bool:
    """Remove the cache folder; False when there is none. Raises CacheUnusable when `folder` is a
    symlink or a folder without the cache tag, which is never removed."""
    if not os.path.lexists(folder):
        return False
    if not is_cache(folder):
        raise CacheUnusable(Refused(Rule.NOT_REGULAR))
    shutil.rmtree(folder)  # on POSIX removes symlinks inside, never what they point to
    return True
