"""Crash-safe file writing: write a temp file beside the target, fsync it, rename, fsync the folder.

A reader sees either the old file or the new one, never half of one, whatever instant the
process or the machine dies at.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

# mkstemp creates 0600 files; a replaced file keeps its mode, a new one gets what open() would give
# (a project folder shared by several analysts must stay readable by all of them).
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def set_temp_mode(fd: int, target: Path) -> None:
    """Give a temp file that will replace `target` the mode `target` has (or a new file would get)."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_UMASK
    with contextlib.suppress(OSError):
        os.fchmod(fd, mode)


def fsync_dir(folder: str | os.PathLike) -> None:
    """Make a rename or a new file in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _atomic_write(path: str | os.PathLike, chunks: Iterable[bytes]) -> None:
    """The one crash-safe write: `chunks` into a temp file beside `path`, fsync, rename, fsync folder.

    Any exception (a bad record in a streamed export, a full disk) leaves `path` as it was."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    set_temp_mode(fd, target)
    try:
        # a large buffer: an export of 100,000 lines makes few system calls
        with os.fdopen(fd, "wb", buffering=4 << 20) as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(target.parent)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    _atomic_write(path, (data,))


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_lines_bytes(path: str | os.PathLike, lines: Iterable[bytes]) -> int:
    """Write lines (each without its newline) atomically; return how many were written."""
    count = 0

    def chunks() -> Iterable[bytes]:
        nonlocal count
        for line in lines:
            yield line
            yield b"\n"
            count += 1

    _atomic_write(path, chunks())
    return count


def atomic_write_lines(path: str | os.PathLike, lines: Iterable[str]) -> int:
    """Write `lines` (each without its newline) atomically as UTF-8; return how many were written."""
    return atomic_write_lines_bytes(path, (line.encode("utf-8") for line in lines))
