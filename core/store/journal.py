"""An append-only JSONL journal: one full record per line, the last version of an id wins.

Used for each annotator's `annotations/<name>.jsonl` and for `suggestions.jsonl` (replacement
suggestions of imported articles). A save appends one line in a single write and fsyncs it, so
after a crash the file ends either with the whole line or with a piece of it; the piece (a torn
tail) is skipped with a warning, and a writer moves it to `<journal>.damaged` before appending,
so the journal never grows a corrupt middle line and nothing is thrown away.

Compaction rewrites the journal with the last good version of each id (temp file, fsync,
rename, fsync of the folder). Lines that cannot be read are never dropped: they go to the
`.damaged` file first, and the caller is told.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from ..errors import Problem, StoreError
from ..fsutil import fsync_dir, set_temp_mode
from .index import Entry, FileIndex
from .rawio import O_CLOEXEC, BufferedFdWriter, write_all

#: checks one stored line; returns None when it is a valid record, else what is wrong
Verifier = Callable[[bytes, Entry], "str | None"]


def _json_problem(raw: bytes) -> str | None:
    try:
        json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as ex:
        return f"invalid JSON: {ex}"
    return None


class Journal:
    """One journal file: its index, its versions per id, and an fd to read and append."""

    def __init__(self, path: Path, name: str, cache: Path | None) -> None:
        self.path = path
        self.name = name
        self.cache = cache
        self.index = FileIndex(path, name)
        self.fd: int | None = None
        self.writable = False
        #: id -> versions (oldest first) of lines that scanned well
        self.versions: dict[str, list[Entry]] = {}
        #: offsets of lines found invalid on load (kept for quarantine at compaction)
        self.bad: dict[int, str] = {}

    @property
    def damaged_path(self) -> Path:
        return self.path.with_name(self.path.name + ".damaged")

    # ------------------------------------------------------------ open / close
    def open(self, *, writable: bool, full_below: int = 0) -> list[Problem]:
        """Index the journal; a writer also repairs a torn tail. Returns the problems found."""
        self.writable = writable
        flags = (os.O_RDWR | os.O_APPEND) if writable else os.O_RDONLY
        try:
            self.fd = os.open(self.path, flags | O_CLOEXEC)
        except FileNotFoundError:
            self.fd = None
        except OSError as ex:
            raise StoreError(f"{self.path}: cannot open: {ex.strerror}") from None
        self.index.load(self.fd, self.cache, append_only=True, full_below=full_below)
        problems = self.index.problems()
        if writable and self.index.scan.torn is not None:
            problems = [p for p in problems if p.severity == "error"] + [self._repair_torn_tail()]
        self._build_versions()
        return problems

    def _build_versions(self) -> None:
        versions: dict[str, list[Entry]] = {}
        for e in self.index.scan.entries:
            versions.setdefault(e[0], []).append(e)
        self.versions = versions

    def _repair_torn_tail(self) -> Problem:
        assert self.fd is not None and self.index.scan.torn is not None
        off, n = self.index.scan.torn
        line = self.index.scan.lines + 1
        piece = os.pread(self.fd, n, off)
        self._quarantine([piece])
        os.ftruncate(self.fd, off)
        os.fsync(self.fd)
        self.index.scan.torn = None
        self.index.dirty = True
        self.index.file_size = off
        return Problem("line", f"incomplete last line ({n} bytes, an interrupted save) moved to "
                               f"{self.damaged_path.name}", None, self.name, line, "warning")

    def _quarantine(self, pieces: list[bytes]) -> None:
        """Append unreadable lines to the `.damaged` file, durably, before they leave the journal."""
        if not pieces:
            return
        new = not self.damaged_path.exists()
        fd = os.open(self.damaged_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            write_all(fd, b"".join(p.rstrip(b"\n") + b"\n" for p in pieces))
            os.fsync(fd)
        finally:
            os.close(fd)
        if new:
            fsync_dir(self.path.parent)

    def save_cache(self) -> None:
        if self.fd is not None and self.cache is not None:
            self.index.save_cache(self.fd, self.cache)

    def close(self) -> None:
        fd, self.fd = self.fd, None
        if fd is not None:
            os.close(fd)

    # ------------------------------------------------------------ reading
    def read(self, entry: Entry) -> bytes:
        if self.fd is None:
            raise StoreError(f"{self.name} is closed")
        return os.pread(self.fd, entry[2], entry[1])

    def latest(self, rid: str) -> Entry | None:
        v = self.versions.get(rid)
        return v[-1] if v else None

    def mark_bad(self, entry: Entry, what: str) -> None:
        """Forget a version that failed to load (an earlier one takes its place)."""
        self.bad[entry[1]] = what
        v = self.versions.get(entry[0])
        if v and entry in v:
            v.remove(entry)
            if not v:
                del self.versions[entry[0]]

    @property
    def line_count(self) -> int:
        return len(self.index.scan.entries) + len(self.index.scan.broken)

    @property
    def superseded(self) -> int:
        return self.line_count - len(self.versions)

    # ------------------------------------------------------------ writing
    def append(self, rid: str, line: bytes, status: str, *, sync: bool = True) -> Entry:
        """Append one record line (already validated) and, with `sync`, fsync it before returning."""
        if not self.writable:
            raise StoreError(f"{self.name} is open read-only")
        created = False
        if self.fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT | O_CLOEXEC,
                              0o644)
            created = True
        offset = os.lseek(self.fd, 0, os.SEEK_END)
        if offset != self.index.scan.end:  # only the lock holder writes: someone broke the rules
            raise StoreError(f"{self.path} changed outside this session ({offset} bytes, expected "
                             f"{self.index.scan.end}); close and reopen the project")
        try:
            write_all(self.fd, line + b"\n")
            if sync:
                os.fsync(self.fd)
        except OSError as ex:
            # Leave no torn line behind (a full disk, say): cut back to the last good line.
            with contextlib.suppress(OSError):
                os.ftruncate(self.fd, offset)
            raise StoreError(f"{self.path}: cannot save {rid}: {ex.strerror or ex}") from None
        if created:
            fsync_dir(self.path.parent)
        entry = self.index.appended(rid, offset, len(line), status)
        self.versions.setdefault(rid, []).append(entry)
        return entry

    def truncate(self) -> None:
        """Empty the journal (after its content went elsewhere, durably)."""
        if self.fd is None or not self.writable:
            return
        os.ftruncate(self.fd, 0)
        os.fsync(self.fd)
        self.index.replaced([], [], 0, 0, set())
        self.bad, self.versions = {}, {}

    def sync(self) -> None:
        if self.fd is not None and self.writable:
            os.fsync(self.fd)

    def compact(self, verify: Verifier) -> list[Problem]:
        """Rewrite with the last good version of every id; unreadable lines go to `.damaged`."""
        if not self.writable or self.fd is None:
            return []
        problems: list[Problem] = []
        trusted = self.index.trusted
        quarantine: list[bytes] = []
        keep: list[tuple[Entry, bytes]] = []
        for versions in self.versions.values():
            for entry in reversed(versions):  # the newest version that reads well survives
                raw = self.read(entry)
                what = None if entry[1] in trusted else verify(raw, entry)
                if what is None:
                    keep.append((entry, raw))
                    break
                self.bad[entry[1]] = what
        kept = {e[1] for e, _ in keep}
        for e in self.index.scan.entries:
            # A superseded line may go only if it is at least whole JSON: damage is never dropped.
            if e[1] not in kept and e[1] not in self.bad and e[1] not in trusted:
                what = _json_problem(self.read(e))
                if what is not None:
                    self.bad[e[1]] = what
        for rid, off, n, line, what in self.index.scan.broken:
            if what == "empty line":
                continue  # nothing in it to keep
            quarantine.append(os.pread(self.fd, n, off))
            problems.append(Problem("line", f"unreadable line ({what}) moved to {self.damaged_path.name}",
                                    rid, self.name, line, "warning"))
        for e in self.index.scan.entries:
            if e[1] in self.bad and e[1] not in kept:
                quarantine.append(self.read(e))
                problems.append(Problem("line", f"invalid record ({self.bad[e[1]]}) moved to "
                                                f"{self.damaged_path.name}", e[0], self.name, e[3], "warning"))
        self._quarantine(quarantine)
        keep.sort(key=lambda er: er[0][1])  # file order of the surviving versions
        tmp = self.path.with_name(f".{self.path.name}.compact.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | O_CLOEXEC, 0o644)
        set_temp_mode(fd, self.path)
        entries: list[Entry] = []
        still_trusted: set[int] = set()
        pos = 0
        try:
            out = BufferedFdWriter(fd)
            for n, (e, raw) in enumerate(keep, 1):
                out.write(raw + b"\n")
                entries.append((e[0], pos, len(raw), n, e[4]))
                if e[1] in trusted:  # verified lines stay untrusted: they may not be canonical
                    still_trusted.add(pos)
                pos += len(raw) + 1
            out.flush()
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        os.close(fd)
        os.replace(tmp, self.path)
        fsync_dir(self.path.parent)
        old, self.fd = self.fd, os.open(self.path, os.O_RDWR | os.O_APPEND | O_CLOEXEC)
        os.close(old)
        self.index.replaced(entries, [], pos, len(entries), still_trusted)
        self.bad = {}
        self._build_versions()
        return problems
