"""The one rule for every file hbg-plan reads because a plan, a config or a folder walk names it.

Plans and configs arrive in pull requests, so a path they contain is written by an attacker:
`../../SECRET.env`, `/proc/self/environ`, a symlink to `/etc/hostname` or to `/dev/zero`. Such a
file is read only when all of these hold, checked in this order:

1. its real path (every symlink resolved) lies inside the repository root: the nearest folder
   at or above the plan that holds `.git`, else the plans folder's parent;
2. it exists and can be opened;
3. it is a regular file (not a device, FIFO, socket or folder);
4. it is at most MAX_FILE_BYTES long.

The reader opens without blocking and reads at most the limit plus one byte whatever the file
claims, so nothing it refuses can hang the run or grow its memory. A refusal names the rule
that refused the path and never carries any of the file's content.
"""

from __future__ import annotations

import enum
import errno
import os
import stat
from pathlib import Path

from hbg_plan.i18n import message

# Far beyond any real plan or source text (the largest is 140 kB) and small enough that a hostile
# file costs well under a second.
MAX_FILE_BYTES = 8 * 1024 * 1024
GIT_MARKER = ".git"  # a folder in a clone, a file in a worktree or submodule


class Rule(enum.StrEnum):
    """Why a path was refused; each has a message `confine.reason.<value>` in every language."""

    OUTSIDE = "outside"
    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    NOT_REGULAR = "not_regular"
    TOO_LARGE = "too_large"


class Refused(Exception):
    """A path the policy will not read: the rule, and what a message may say (never content)."""

    def __init__(
        self, rule: Rule, *, root: Path | None = None, reason: str = "", size: int = 0, limit: int = 0
    ) -> None:
        super().__init__(rule.value)
        self.rule = rule
        self.root = root
        self.reason = reason
        self.size = size
        self.limit = limit or MAX_FILE_BYTES

    def render(self, lang: str) -> str:
        """Why, in the reader's language: 'it lies outside the repository (/repo)'."""

        return message(
            f"confine.reason.{self.rule.value}",
            lang,
            root=str(self.root or ""),
            reason=self.reason,
            size=self.size,
            limit=self.limit,
        )


def git_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds `.git`, as a real path; None if none does.

    The walk follows the path as written (made absolute), so a plans folder that is a symlink
    still belongs to the repository it sits in.
    """
    folder = Path(os.path.abspath(start))
    for candidate in (folder, *folder.parents):
        try:
            if os.path.lexists(candidate / GIT_MARKER):
                return Path(os.path.realpath(candidate))
        except (OSError, ValueError):
            return None
    return None


def plan_root(plan_path: Path) -> Path:
    """The repository root of a plan (or registry) file: the folder holding `.git`, else the
    parent of the folder the file is in."""
    folder = Path(os.path.abspath(plan_path)).parent
    return git_root(folder) or Path(os.path.realpath(folder.parent))


def inside(path: Path, root: Path) -> Path:
    """The real path of `path` if it lies inside `root` (a real path); raise Refused otherwise.

    Judged on the path with every symlink resolved that exists, before asking whether it exists,
    so the answer for a file outside the root is the same whether or not that file exists.
    """
    try:
        real = Path(os.path.realpath(path))
    except (OSError, ValueError) as exc:  # a NUL byte in the name, a name too long
        raise Refused(Rule.UNREADABLE, reason=_reason(exc)) from None
    if real != root and root not in real.parents:
        raise Refused(Rule.OUTSIDE, root=root)
    return real


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; raise Refused otherwise.

    Opens without blocking and checks the opened file itself, so a FIFO, a device or a file that
    grows while it is read can neither hang the run nor exhaust memory.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_symlinks:  # ELOOP below: a symlink planted where only real files belong
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise Refused(Rule.NOT_FOUND) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Refused(Rule.UNREADABLE, reason=os.strerror(errno.ELOOP)) from None
        if exc.errno in (errno.EISDIR, errno.ENXIO):  # a folder; a socket or a FIFO nobody writes
            raise Refused(Rule.NOT_REGULAR) from None
        raise Refused(Rule.UNREADABLE, reason=_reason(exc)) from None
    except ValueError as exc:
        raise Refused(Rule.UNREADABLE, reason=str(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(Rule.NOT_REGULAR)
        if info.st_size > limit:
            raise Refused(Rule.TOO_LARGE, size=info.st_size, limit=limit)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise Refused(Rule.UNREADABLE, reason=_reason(exc)) from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise Refused(Rule.TOO_LARGE, size=max(info.st_size, len(raw)), limit=limit)
    return raw


def read_confined(path: Path, root: Path, limit: int = MAX_FILE_BYTES) -> tuple[Path, bytes]:
    """(real path, bytes) of a file a plan or config names, if the policy allows reading it."""
    real = inside(path, root)
    return real, read_bounded(real, limit)


def _reason(exc: OSError | ValueError) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
