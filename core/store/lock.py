"""The project's exclusive write lock: `fcntl.flock` on `goftar-project.lock` inside the project.

The kernel releases a flock when its holder dies (even by SIGKILL), so a crash never leaves a
stale lock behind. The file holds who has it (pid, host, annotator, since) for the message a
second writer gets; the file itself is never deleted, so every process locks the same inode.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
from pathlib import Path

from ..errors import ProjectLockedError, StoreError
from .manifest import utc_now_iso

LOCK_NAME = "goftar-project.lock"


def describe_holder(raw: bytes) -> str:
    """A readable 'who' from the lock file's content (which may be empty or half written)."""
    try:
        info = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        info = None
    if not isinstance(info, dict):
        return "another process (holder unknown)"
    who = info.get("annotator") or "someone"
    return (f"{who} (pid {info.get('pid', '?')} on {info.get('host', '?')}, "
            f"since {info.get('since', '?')})")


class ProjectLock:
    """An acquired write lock; `release()` (or closing the process) gives it back."""

    def __init__(self, folder: Path, annotator: str) -> None:
        self.path = folder / LOCK_NAME
        self._fd: int | None = None
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as ex:
            raise StoreError(f"{self.path}: cannot create the lock file: {ex.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = describe_holder(os.pread(fd, 4096, 0))
            os.close(fd)
            raise ProjectLockedError(
                f"{folder} is open for writing by {holder}; close it there, or open it read-only") from None
        except OSError as ex:
            os.close(fd)
            raise StoreError(f"{self.path}: cannot lock: {ex.strerror}") from None
        self._fd = fd
        # release() empties the file; a holder's note still there means its session died unclosed.
        try:
            left = os.pread(fd, 4096, 0)
        except OSError:
            left = b""
        #: who held the lock last without releasing it (a crash or kill), or None after a clean close
        self.previous_holder: str | None = describe_holder(left) if left.strip() else None
        info = {"pid": os.getpid(), "host": socket.gethostname(), "annotator": annotator,
                "since": utc_now_iso()}
        data = json.dumps(info, ensure_ascii=False).encode("utf-8")
        # Only a message for others: no fsync needed, and a failure here must not fail the open.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, data, 0)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
