"""Offset index of a project JSONL file: where each record's line is, its id and review status.

Opening a 100,000-article project must not parse 100,000 JSON lines. `scan_lines` walks the
file in large chunks and reads only what it needs from each line: the id (the second key of a
line written by `dumps_record`) and the review status (just before `"speakers"`). Lines in
another key order fall back to `json.loads`; lines that cannot be read become Problems.
Small scans parse every line's JSON (damage anywhere is found at open); full validation
happens when a record is loaded.

A `FileIndex` can be cached in a small sidecar file, trusted only while the file's inode, size
and mtime (and the CRC of the bytes before the cached end) agree; an append-only file that only
grew is scanned from where the cache stopped. The cache also remembers which lines the store
wrote itself (valid and canonical when written), so exports can copy them unparsed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..fsutil import atomic_write_text
from ..model import REVIEW_STATUSES, SCHEMA_ID

CACHE_VERSION = 2
_CHUNK = 8 << 20
_CRC_WINDOW = 4096
_PREFIX = b'{"schema": "' + SCHEMA_ID.encode() + b'", "id": "'
_SPEAKERS = b', "speakers": ['
_REVIEW = b', "review": {"status": "'
_LOOSE_ID = re.compile(rb'"id"\s*:\s*"([^"\\]{1,200})"')
#: one shared string object per known status (100,000 entries share four strings)
_STATUS = {s: s for s in REVIEW_STATUSES}

#: (id, byte offset, byte length without the newline, 1-based line number, review status)
Entry = tuple[str, int, int, int, str]


@dataclass
class ScanResult:
    entries: list[Entry] = field(default_factory=list)
    #: unreadable lines: (id or None, offset, length, line, what)
    broken: list[tuple[str | None, int, int, int, str]] = field(default_factory=list)
    #: byte offset just after the last complete line
    end: int = 0
    #: number of complete lines
    lines: int = 0
    #: (offset, length) of an incomplete last line (a write cut short), if any
    torn: tuple[int, int] | None = None


def _slow_line(line: bytes) -> tuple[str | None, str | None, str | None]:
    """(id, status, problem) by parsing the whole line; for lines not in dumps_record's key order."""
    try:
        obj = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as ex:
        m = _LOOSE_ID.search(line)
        rid = m.group(1).decode("utf-8", "replace") if m else None
        what = (f"not UTF-8 (byte {ex.start} of the line)" if isinstance(ex, UnicodeDecodeError)
                else f"invalid JSON: {ex}")
        return rid, None, what
    if not isinstance(obj, dict):
        return None, None, "not a JSON object"
    rid = obj.get("id")
    if not isinstance(rid, str) or not rid:
        return None, None, "no record id"
    review = obj.get("review")
    status = review.get("status") if isinstance(review, dict) else None
    if status is None:
        status = "unreviewed"
    if not isinstance(status, str):
        return rid, None, f"review.status {status!r} is not a string"
    return rid, _STATUS.get(status, status), None


def _parse_line(buf: bytes, s: int, e: int, full: bool = False) -> tuple[str | None, str | None, str | None]:
    """(id, status, problem) of the line buf[s:e] (without its newline); `full` parses all its JSON."""
    if full:
        return _slow_line(buf[s:e]) if buf[s:e].strip() else (None, None, "empty line")
    if buf.startswith(_PREFIX, s) and buf[e - 1] == 0x7D:  # "}"
        a = s + len(_PREFIX)
        b = buf.find(b'"', a, e)
        sp = buf.find(_SPEAKERS, b, e) if b > a else -1
        if sp > 0 and buf.find(b"\\", a, b) < 0:
            try:
                rid = buf[a:b].decode("utf-8")
            except UnicodeDecodeError:
                rid = None
            if rid:
                rv = buf.rfind(_REVIEW, b, sp)
                if rv < 0:
                    return rid, "unreviewed", None
                c = rv + len(_REVIEW)
                q = buf.find(b'"', c, sp)
                status = buf[c:q].decode("utf-8", "replace") if q > 0 else ""
                if status in _STATUS:
                    return rid, _STATUS[status], None
    line = buf[s:e]
    if not line.strip():
        return None, None, "empty line"
    return _slow_line(line)


def scan_lines(fd: int, start: int = 0, first_line: int = 1, *, last_line_whole: bool = False,
               full: bool = False) -> ScanResult:
    """Index every line of an open file from byte `start` (a line start) to its end.

    An unterminated last line is a torn append in a journal; in a file that is only ever
    replaced whole (`last_line_whole`), it is just a file without a final newline. `full`
    parses the JSON of every line (slower, but finds damage anywhere in a line).
    """
    res = ScanResult(end=start, lines=first_line - 1)
    pos = start
    line_no = first_line
    size = _CHUNK
    entries, broken = res.entries, res.broken
    while True:
        buf = os.pread(fd, size, pos)
        if not buf:
            break
        eof = len(buf) < size  # pread on a regular file is short only at its end
        last = buf.rfind(b"\n")
        if last < 0:
            if eof:  # the file ends inside a line
                _tail(res, buf, pos, len(buf), line_no, last_line_whole, full)
                return res
            size *= 2  # one line longer than the chunk
            continue
        s = 0
        while s <= last:
            e = buf.find(b"\n", s, last + 1)
            rid, status, what = _parse_line(buf, s, e, full) if e > s else (None, None, "empty line")
            if what is None:
                entries.append((rid, pos + s, e - s, line_no, status))  # type: ignore[arg-type]
            else:
                broken.append((rid, pos + s, e - s, line_no, what))
            line_no += 1
            s = e + 1
        pos += last + 1
        if eof:
            if last + 1 < len(buf):
                res.end, res.lines = pos, line_no - 1
                _tail(res, buf[last + 1:], pos, len(buf) - last - 1, line_no, last_line_whole, full)
                return res
            break
        size = _CHUNK
    res.end = pos
    res.lines = line_no - 1
    return res


def _tail(res: ScanResult, tail: bytes, pos: int, n: int, line_no: int, whole: bool, full: bool) -> None:
    """Account for the unterminated bytes `tail` at `pos` that end the file."""
    if not whole:
        res.end, res.lines, res.torn = pos, line_no - 1, (pos, n)
        return
    rid, status, what = _parse_line(tail, 0, n, full)
    if what is None:
        res.entries.append((rid, pos, n, line_no, status))  # type: ignore[arg-type]
    else:
        res.broken.append((rid, pos, n, line_no, what))
    res.end, res.lines = pos + n, line_no


def tail_crc(fd: int, end: int) -> int:
    """CRC32 of the (up to) 4 kB before `end`: a cheap check that a file's prefix is unchanged."""
    lo = max(0, end - _CRC_WINDOW)
    return zlib.crc32(os.pread(fd, end - lo, lo))


class FileIndex:
    """The scanned state of one JSONL file of the project (entries in file order).

    `trusted` holds the offsets of lines this store wrote itself with `dumps_record` (so they
    were valid and canonical when written) in a file that has not changed since: the cache
    keeps them only while it still matches the file, and a rescan starts with none.
    """

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name  # how messages name the file (relative to the project)
        self.scan = ScanResult()
        self.file_size = 0
        self.from_cache = False
        self.trusted: set[int] = set()
        #: the cache no longer describes this index
        self.dirty = False

    # ------------------------------------------------------------ problems
    def problems(self) -> list[Problem]:
        # A blank line holds nothing to lose: worth a warning, not an error.
        out = [Problem("line", what, rid, self.name, line, "warning" if what == "empty line" else "error")
               for rid, _o, _n, line, what in self.scan.broken]
        if self.scan.torn is not None:
            off, n = self.scan.torn
            out.append(Problem("line", f"incomplete last line ({n} bytes at byte {off}, an interrupted write) "
                                       "skipped", None, self.name, self.scan.lines + 1, "warning"))
        return out

    # ------------------------------------------------------------ building
    def load(self, fd: int | None, cache: Path | None, *, append_only: bool, full_below: int = 0) -> None:
        """Fill from the cache when it still describes the file, else (re)scan what is new.

        When the bytes to scan are fewer than `full_below`, every line's JSON is parsed."""
        self.trusted, self.dirty = set(), True
        if fd is None:  # the file does not exist (yet)
            self.scan, self.file_size, self.from_cache = ScanResult(), 0, False
            return
        st = os.fstat(fd)
        cached = self._read_cache(cache) if cache is not None else None
        if cached is not None:
            end = cached["end"]
            same_file = cached["ino"] == st.st_ino and end <= st.st_size
            if same_file and end > 0:
                same_file = tail_crc(fd, end) == cached["crc"]
            if same_file and st.st_size == cached["size"] and st.st_mtime_ns == cached["mtime_ns"]:
                self.scan = self._scan_from_cache(cached)
                self.file_size, self.from_cache = st.st_size, True
                self.trusted, self.dirty = set(cached["trusted"]), False
                return
            if same_file and append_only and cached["torn"] is None:
                base = self._scan_from_cache(cached)
                self.trusted = set(cached["trusted"])
                more = scan_lines(fd, base.end, base.lines + 1, full=st.st_size - base.end < full_below)
                base.entries.extend(more.entries)
                base.broken.extend(more.broken)
                base.end, base.lines, base.torn = more.end, more.lines, more.torn
                self.scan, self.file_size, self.from_cache = base, st.st_size, True
                return
        self.scan = scan_lines(fd, last_line_whole=not append_only, full=st.st_size < full_below)
        self.file_size, self.from_cache = st.st_size, False

    @staticmethod
    def _scan_from_cache(c: dict[str, Any]) -> ScanResult:
        st = [_STATUS.get(s, s) for s in c["st"]]
        entries = list(zip(c["ids"], c["off"], c["len"], c["line"], st, strict=True))
        broken = [tuple(b) for b in c["broken"]]
        torn = tuple(c["torn"]) if c["torn"] else None
        return ScanResult(entries, broken, c["end"], c["lines"], torn)  # type: ignore[arg-type]

    @staticmethod
    def _read_cache(cache: Path) -> dict[str, Any] | None:
        try:
            c = json.loads(cache.read_bytes())
        except (OSError, ValueError):
            return None
        keys = ("ino", "size", "mtime_ns", "end", "crc", "lines", "ids", "off", "len", "line", "st",
                "broken", "torn", "trusted")
        if not isinstance(c, dict) or c.get("v") != CACHE_VERSION or any(k not in c for k in keys):
            return None
        n = len(c["ids"])
        if not all(isinstance(c[k], list) and len(c[k]) == n for k in ("off", "len", "line", "st")):
            return None
        return c

    def save_cache(self, fd: int, cache: Path) -> None:
        """Write the sidecar cache if it is out of date (a cache only: failing to write it is harmless)."""
        if not self.dirty:
            return
        st = os.fstat(fd)
        if self.scan.end > st.st_size:
            return
        sc = self.scan
        data = {"v": CACHE_VERSION, "ino": st.st_ino, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
                "end": sc.end, "crc": tail_crc(fd, sc.end), "lines": sc.lines,
                "ids": [e[0] for e in sc.entries], "off": [e[1] for e in sc.entries],
                "len": [e[2] for e in sc.entries], "line": [e[3] for e in sc.entries],
                "st": [e[4] for e in sc.entries], "broken": [list(b) for b in sc.broken],
                "torn": list(sc.torn) if sc.torn else None, "trusted": sorted(self.trusted)}
        with contextlib.suppress(OSError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(cache, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            self.dirty = False

    # ------------------------------------------------------------ updates
    def appended(self, rid: str, offset: int, length: int, status: str, *, trusted: bool = True) -> Entry:
        """Record a line written at `offset` (by dumps_record, when `trusted`)."""
        sc = self.scan
        sc.lines += 1
        entry = (rid, offset, length, sc.lines, _STATUS.get(status, status))
        sc.entries.append(entry)
        sc.end = offset + length + 1
        self.file_size = max(self.file_size, sc.end)
        if trusted:
            self.trusted.add(offset)
        self.dirty = True
        return entry

    def replaced(self, entries: list[Entry], broken: list[tuple[str | None, int, int, int, str]], end: int,
                 lines: int, trusted: set[int]) -> None:
        """The file was rewritten whole (compaction, merge): these are its lines now."""
        self.scan = ScanResult(entries, broken, end, lines, None)
        self.file_size, self.trusted, self.dirty, self.from_cache = end, trusted, True, False
