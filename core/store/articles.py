"""`articles.jsonl`: the imported articles, indexed by id, replaced only whole.

Every change (an import, merged suggestions) writes a complete new file beside the old one,
fsyncs it and renames it over the old one: a reader or a crash sees the old file or the new
one, never a mix. Bytes that are not changed are copied as they are, damaged lines included:
this file is never "cleaned" behind the analyst's back.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import Problem, StoreError
from ..fsutil import fsync_dir, set_temp_mode
from .index import Entry, FileIndex
from .rawio import O_CLOEXEC, BufferedFdWriter, copy_range, write_all

ARTICLES = "articles.jsonl"

#: a replacement line for an existing article: (its entry, the new line, its status, store-written)
Replacement = tuple[Entry, bytes, str, bool]


class _NothingToDo(Exception):
    pass


class ArticleFile:
    """The index of articles.jsonl: first good line per id, import order, unreadable ids."""

    def __init__(self, folder: Path, cache: Path) -> None:
        self.folder = folder
        self.path = folder / ARTICLES
        self.cache = cache
        self.index = FileIndex(self.path, ARTICLES)
        self.fd: int | None = None
        #: id -> entry of its first readable line
        self.entries: dict[str, Entry] = {}
        #: ids in import order (then ids known only from journals, see adopt())
        self.order: list[str] = []
        #: ids without a readable line: id -> (line number, what); line 0 = only in a journal
        self.broken: dict[str, tuple[int, str]] = {}

    # ------------------------------------------------------------ open / close
    def open(self, *, full_below: int) -> list[Problem]:
        """Open and index the file (from the cache when it still fits); return its problems."""
        try:
            self.fd = os.open(self.path, os.O_RDONLY | O_CLOEXEC)
        except FileNotFoundError:
            self.fd = None
            return [Problem("file", "missing; the project has no imported articles", None, ARTICLES,
                            severity="warning")]
        except OSError as ex:
            raise StoreError(f"{self.path}: cannot open: {ex.strerror}") from None
        self.index.load(self.fd, self.cache, append_only=False, full_below=full_below)
        return self.index.problems() + self._build()

    def _build(self) -> list[Problem]:
        entries: dict[str, Entry] = {}
        order: list[str] = []
        problems = []
        for e in self.index.scan.entries:
            rid = e[0]
            if rid in entries:
                problems.append(Problem("id", f"duplicate record id (first on line {entries[rid][3]}); "
                                              "this line is ignored", rid, ARTICLES, e[3]))
                continue
            entries[rid] = e
            order.append(rid)
        broken: dict[str, tuple[int, str]] = {}
        for rid, _off, _n, line, what in self.index.scan.broken:
            if rid is not None and rid not in entries and rid not in broken:
                broken[rid] = (line, what)
                order.append(rid)
        self.entries, self.order, self.broken = entries, order, broken
        return problems

    def adopt(self, rid: str) -> None:
        """List an id found only in a journal (its article line is gone), after the others."""
        if rid not in self.entries and rid not in self.broken:
            self.order.append(rid)
            self.broken[rid] = (0, "")

    def save_cache(self) -> None:
        if self.fd is not None:
            self.index.save_cache(self.fd, self.cache)

    def close(self) -> None:
        fd, self.fd = self.fd, None
        if fd is not None:
            os.close(fd)

    # ------------------------------------------------------------ reading
    def __contains__(self, rid: object) -> bool:
        return rid in self.entries or rid in self.broken

    @property
    def size(self) -> int:
        return self.index.file_size if self.fd is not None else 0

    def read(self, entry: Entry) -> bytes:
        if self.fd is None:
            raise StoreError(f"{self.path} is closed")
        return os.pread(self.fd, entry[2], entry[1])

    def trusted(self, entry: Entry) -> bool:
        return entry[1] in self.index.trusted

    # ------------------------------------------------------------ rewriting
    def _rewrite(self, fill: Callable[[int], None], skip_if: Callable[[], bool] | None = None) -> bool:
        """Replace the file by what `fill(fd)` writes to a temp file (fsync + rename).

        If `fill` raises, or `skip_if()` says there is nothing new, the old file stays as it was."""
        tmp = self.folder / f".{ARTICLES}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | O_CLOEXEC, 0o644)
        set_temp_mode(fd, self.path)
        try:
            fill(fd)
            if skip_if is not None and skip_if():
                raise _NothingToDo
            os.fsync(fd)
        except BaseException as ex:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if isinstance(ex, _NothingToDo):
                return False
            raise
        os.close(fd)
        os.replace(tmp, self.path)
        fsync_dir(self.folder)
        old, self.fd = self.fd, os.open(self.path, os.O_RDONLY | O_CLOEXEC)
        if old is not None:
            os.close(old)
        self.index.file_size = os.fstat(self.fd).st_size
        self.index.from_cache, self.index.dirty = False, True
        return True

    def append(self, lines: Iterable[tuple[str, bytes, str]]) -> list[str]:
        """Add lines (id, line made by dumps_record, status) after the present ones; return the ids.

        `lines` is consumed while the new file is written, so it may validate as it goes: if it
        raises, nothing changes. An id listed as unreadable gets a readable line (a repair)."""
        size = self.size
        needs_nl = size > 0 and os.pread(self.fd, 1, size - 1) != b"\n"  # type: ignore[arg-type]
        added: list[tuple[str, int, str]] = []

        def fill(fd: int) -> None:
            if size:
                copy_range(self.fd, fd, 0, size)  # type: ignore[arg-type]
            out = BufferedFdWriter(fd, b"\n" if needs_nl else b"")
            for rid, line, status in lines:
                out.write(line + b"\n")
                added.append((rid, len(line), status))
            out.flush()

        if not self._rewrite(fill, skip_if=lambda: not added):
            return []
        sc = self.index.scan
        pos, line_no = size + needs_nl, sc.lines  # a last line without its newline was counted
        for rid, n, status in added:
            line_no += 1
            e = (rid, pos, n, line_no, status)
            sc.entries.append(e)
            self.index.trusted.add(pos)
            self.entries[rid] = e
            if self.broken.pop(rid, None) is None:
                self.order.append(rid)
            pos += n + 1
        sc.end, sc.lines = pos, line_no
        return [rid for rid, _n, _s in added]

    def replace(self, repl: list[Replacement]) -> None:
        """Put new lines in place of existing articles' lines (merged suggestions)."""
        repl = sorted(repl, key=lambda r: r[0][1])
        size, src = self.size, self.fd

        def fill(fd: int) -> None:
            pos = 0
            for e, raw, _st, _t in repl:
                copy_range(src, fd, pos, e[1])  # type: ignore[arg-type]
                write_all(fd, raw)
                pos = e[1] + e[2]
            copy_range(src, fd, pos, size)  # type: ignore[arg-type]

        self._rewrite(fill)
        # New offsets: every line after a replaced one moves by the sum of the length changes before it.
        changed = {e[1]: (len(raw), st, t) for e, raw, st, t in repl}
        sc, old_trusted = self.index.scan, self.index.trusted
        moved: dict[int, Entry] = {}
        trusted: set[int] = set()
        delta = 0
        for e in sc.entries:
            if e[1] in changed:
                n, st, t = changed[e[1]]
                moved[e[1]] = (e[0], e[1] + delta, n, e[3], st)
                if t:
                    trusted.add(e[1] + delta)
                delta += n - e[2]
            else:
                moved[e[1]] = (e[0], e[1] + delta, e[2], e[3], e[4])
                if e[1] in old_trusted:
                    trusted.add(e[1] + delta)
        shifts = sorted((e[1], len(raw) - e[2]) for e, raw, _st, _t in repl)
        broken = [(r, o + sum(d for so, d in shifts if so < o), n, ln, w) for r, o, n, ln, w in sc.broken]
        self.index.replaced([moved[e[1]] for e in sc.entries], broken, sc.end + delta, sc.lines, trusted)
        self.entries = {rid: moved[e[1]] for rid, e in self.entries.items()}
