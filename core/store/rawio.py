"""Byte-level file helpers of the store: full writes, buffered writes, range copies, atomic lines.

The store moves lines as bytes (never decoding what it only copies), on raw file descriptors
read with `os.pread`, so that readers and the writer never share a file position.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import StoreError
from ..fsutil import fsync_dir, set_temp_mode

O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is written (a write may be short)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class BufferedFdWriter:
    """Buffered writes to a raw fd: an import of 100,000 articles makes few system calls."""

    def __init__(self, fd: int, first: bytes = b"", limit: int = 4 << 20):
        self.fd, self.limit = fd, limit
        self.buf, self.size = ([first] if first else []), len(first)

    def write(self, data: bytes) -> None:
        self.buf.append(data)
        self.size += len(data)
        if self.size >= self.limit:
            self.flush()

    def flush(self) -> None:
        write_all(self.fd, b"".join(self.buf))
        self.buf, self.size = [], 0


def copy_range(src: int, dst: int, start: int, end: int) -> None:
    """Append bytes [start, end) of file `src` to `dst`."""
    pos = start
    while pos < end:
        chunk = os.pread(src, min(8 << 20, end - pos), pos)
        if not chunk:
            raise StoreError("a file shrank while it was being copied")
        write_all(dst, chunk)
        pos += len(chunk)


def atomic_write_lines_bytes(target: Path, lines: Iterable[bytes]) -> int:
    """Write UTF-8 lines (without their newlines) atomically: temp file, fsync, rename, fsync folder."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    set_temp_mode(fd, target)
    n = 0
    try:
        out = BufferedFdWriter(fd)
        for line in lines:
            out.write(line)
            out.write(b"\n")
            n += 1
        out.flush()
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    os.replace(tmp, target)
    fsync_dir(target.parent)
    return n
