"""Where reports go: the terminal (rich when it is one), standard output, or a file written atomically."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO

TEMP_SUFFIX = ".tmp"


class UnsafeOutputError(OSError):
    """--output names something that is not a regular file: a symlink, directory, FIFO, socket or device.

    `kind` is the message id of what it is (output.kind.*); nothing has been written.
    """

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: not a regular file ({kind})")
        self.path = path
        self.kind = kind


def yaml_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar on one line: JSON's escapes, plus the characters YAML
    would take as line breaks (NEL, LINE and PARAGRAPH SEPARATOR)."""
    return (
        json.dumps(text, ensure_ascii=False)
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
        .replace("\x85", "\\x85")
    )


def check_target(path: Path) -> None:
    """Refuse an output path that exists and is not a regular file, without following a symlink.

    Replacing it would destroy what it is (a device node such as /dev/full, a FIFO another process
    reads) or silently write somewhere else (a symlink to /proc/self/fd/1). A new path and an
    existing regular file pass; standard output remains the way to write into a pipe.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except NotADirectoryError:
        return  # a parent is a file: the write itself then fails with a clear OS error
    if stat.S_ISREG(mode):
        return
    raise UnsafeOutputError(Path(path), _kind(mode))


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "symlink"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "other"


def is_terminal(stream: IO[str] | None = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def write_atomic(path: Path, data: str | bytes, encoding: str = "utf-8", *, durable: bool = True) -> None:
    """Write to a temporary file in the same folder, then rename it into place.

    An interrupted run leaves the old file intact rather than half-written. The temporary name
    carries the writer's process id, so the next write to the same file can remove what a
    killed writer (SIGKILL, power loss) left behind without touching a live writer's file.
    `durable=False` skips the fsync, for files whose loss costs only time (cache entries).
    """
    path = Path(path)
    check_target(path)
    folder = path.parent
    payload = data.encode(encoding) if isinstance(data, str) else data
    prefix = f".{path.name}."
    _remove_stale_temporaries(folder, prefix)
    fd, tmp = tempfile.mkstemp(prefix=f"{prefix}{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            if path.exists():
                os.chmod(tmp, path.stat().st_mode & 0o777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        check_target(path)  # again just before the rename: it may have changed while we wrote
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _remove_stale_temporaries(folder: Path, prefix: str) -> None:
    """Delete `.<name>.<pid>.*.tmp` files in `folder` whose writing process no longer exists."""
    if os.name != "posix":  # os.kill(pid, 0) only probes on POSIX; elsewhere it would terminate
        return
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
                continue
            pid = name[len(prefix) :].split(".", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # PermissionError: it exists, under another user
        return True
    return True


def emit(text: str, output: Path | None = None) -> None:
    """Print `text` to standard output, or write it atomically to `output`."""
    if output is None:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
    else:
        write_atomic(output, text)
