"""Byte-level file helpers of the store: full writes, buffered writes, range copies.

The store moves lines as bytes (never decoding what it only copies), on raw file descriptors
read with `os.pread`, so that readers and the writer never share a file position.
"""

from __future__ import annotations

import os

from ..errors import StoreError

O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is written (a write may be short)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class BufferedFdWriter:
    """Buffered writes to a raw fd: an import of 100,000 articles makes few system calls."""

    def __init__(self, fd: int, first: bytes = b"", limit: int = 4 << 20) -> None:
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
