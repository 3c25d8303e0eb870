"""A Goftar project: a folder of goftar/1 JSONL that an analyst can copy or put under git.

    goftar-project.json          manifest: format, record schema, created, annotators
    articles.jsonl               imported articles with their auto suggestions (replaced whole,
                                 via temp file + fsync + rename, never edited in place)
    suggestions.jsonl            newer suggestions for imported articles (set_suggestions), last
                                 line wins; merged into articles.jsonl when that is cheap
    annotations/<name>.jsonl     one append-only journal per annotator; last version wins
    goftar-project.lock          the exclusive write lock (flock) and who holds it
    .goftar-cache/               offset indexes (a cache; safe to delete; git-ignored)

The latest version of an article is this annotator's newest good journal line, else the newest
suggestions line, else the imported article. Records are indexed, not loaded, at open: `load(id)`
reads and validates one line.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import InputError, Problem, RecordError, StoreError
from ..fsutil import atomic_write_lines_bytes, atomic_write_text, fsync_dir
from ..model import LAYERS, REVIEW_STATUSES, Record
from ..schema import dumps_record, loads_record, record_to_dict
from .annotator import resolve_annotator
from .articles import ARTICLES, ArticleFile, Replacement
from .index import Entry
from .journal import Journal
from .lock import ProjectLock
from .manifest import MANIFEST_NAME, Manifest

SUGGESTIONS = "suggestions.jsonl"
ANNOTATIONS = "annotations"
CACHE_DIR = ".goftar-cache"
GITIGNORE = ("# Goftar: machine-local files (the write lock and the index cache)\n"
             "goftar-project.lock\n.goftar-cache/\n*.tmp\n")
#: what a line with an item for the gold export to drop contains (JSON string content escapes its quotes)
_REJECTED_ITEM = b'"status": "rejected"'


def _what(ex: RecordError) -> str:
    """What is wrong, without the file and line (the caller's Problem says where)."""
    if not ex.problems:
        return str(ex)
    p = ex.problems[0]
    more = len(ex.problems) - 1
    return f"{p.path}: {p.message}" + (f" (and {more} more)" if more else "")


def _line_head(rid: str) -> bytes:
    """How dumps_record starts the line of record `rid` (a cheap check that an offset still fits)."""
    return b'{"schema": "goftar/1", "id": ' + json.dumps(rid, ensure_ascii=False).encode("utf-8") + b", "


class Project:
    """An open project folder. Use `Project.create`, `Project.open` or `Project.open_or_create`.

    Reading: ids(), len(), `in`, review_status(id), load(id), load_imported(id), iter_records(),
    stats(), export_gold(out). Writing (needs the lock): save(record), add_articles(records),
    set_suggestions(record), compact(). `warnings` lists what was found wrong or recovered;
    `crashed_session` says who left the project without closing it. Thread-safe.
    """

    #: compact a journal once it holds this many superseded lines and more superseded than live ones
    compact_min_superseded: int = 1000
    #: parse every line's JSON when scanning at most this many bytes of a file (finds damage anywhere
    #: in a line at open; bigger scans read only ids and statuses, and damage shows when loading)
    verify_scan_bytes: int = 32 << 20
    #: merge suggestions.jsonl into articles.jsonl at close when articles.jsonl is at most this big
    #: (or suggestions.jsonl has grown to a quarter of its size)
    merge_max_bytes: int = 64 << 20

    def __init__(self, path: Path, annotator: str, readonly: bool, lock: ProjectLock | None) -> None:
        self.path = path
        self.annotator = annotator
        self.readonly = readonly
        self.warnings: list[Problem] = []
        self._lock = lock
        #: the holder of the last session that ended without closing the project (a crash, a kill),
        #: as "name (pid … on host, since …)", or None; only a writer can tell
        self.crashed_session: str | None = lock.previous_holder if lock is not None else None
        self._mutex = threading.RLock()
        self._closed = False
        self.manifest = Manifest.read(path)
        cache = path / CACHE_DIR
        self._articles = ArticleFile(path, cache / "articles.json")
        self._sugg = Journal(path / SUGGESTIONS, SUGGESTIONS, cache / "suggestions.json")
        jname = f"{ANNOTATIONS}/{annotator}.jsonl"
        self._jour = Journal(path / ANNOTATIONS / f"{annotator}.jsonl", jname,
                             cache / f"annotations-{annotator}.json")
        self._warned: set[tuple[str | None, int | None, str | None]] = set()

    # ================================================================ opening
    @classmethod
    def create(cls, path: str | os.PathLike, *, annotator: str | None = None) -> Project:
        """Make a new project folder (it may exist, but must not hold a project yet)."""
        folder = Path(path).expanduser().absolute()
        if (folder / MANIFEST_NAME).exists():
            raise StoreError(f"{folder} already holds a Goftar project")
        if folder.exists() and not folder.is_dir():
            raise StoreError(f"{folder} exists and is not a folder")
        name = resolve_annotator(annotator)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as ex:
            raise StoreError(f"{folder}: cannot create the project folder: {ex.strerror}") from None
        lock = ProjectLock(folder, name)
        try:
            if (folder / MANIFEST_NAME).exists():  # created by someone else meanwhile
                raise StoreError(f"{folder} already holds a Goftar project")
            (folder / ANNOTATIONS).mkdir(exist_ok=True)
            if not (folder / ARTICLES).exists():
                atomic_write_text(folder / ARTICLES, "")
            if not (folder / ".gitignore").exists():
                atomic_write_text(folder / ".gitignore", GITIGNORE)
            # The manifest comes last: a folder without one is not (yet) a project.
            Manifest(annotators=[name]).write(folder)
            fsync_dir(folder.parent)
            return cls._open_locked(folder, name, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(cls, path: str | os.PathLike, *, annotator: str | None = None, readonly: bool = False) -> Project:
        """Open a project; a writer takes the lock (ProjectLockedError names the holder)."""
        folder = Path(path).expanduser().absolute()
        if not (folder / MANIFEST_NAME).is_file():
            if not folder.exists():
                raise StoreError(f"{folder}: no such project folder")
            raise StoreError(f"{folder} is not a Goftar project (no {MANIFEST_NAME})")
        name = resolve_annotator(annotator)
        return cls._open_locked(folder, name, None if readonly else ProjectLock(folder, name))

    @classmethod
    def open_or_create(cls, path: str | os.PathLike, *, annotator: str | None = None) -> Project:
        folder = Path(path).expanduser().absolute()
        if (folder / MANIFEST_NAME).exists():
            return cls.open(folder, annotator=annotator)
        return cls.create(folder, annotator=annotator)

    @classmethod
    def _open_locked(cls, folder: Path, name: str, lock: ProjectLock | None) -> Project:
        """Index the project; `lock` None means read-only. Nothing stays open if this fails."""
        try:
            proj = cls(folder, name, lock is None, lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        try:
            proj._load()
        except BaseException:
            proj._release()
            raise
        return proj

    def _remove_stale_temp_files(self) -> None:
        """Temp files of a rewrite that a crash interrupted (only the lock holder writes them)."""
        patterns = [(self.path, f".{ARTICLES}.tmp"), (self.path, f".{MANIFEST_NAME}.*.tmp"),
                    (self.path, ".gitignore.*.tmp"), (self.path / ANNOTATIONS, ".*.jsonl.compact.tmp"),
                    (self.path / CACHE_DIR, ".*.tmp")]
        for folder, pattern in patterns:
            for tmp in folder.glob(pattern):
                with contextlib.suppress(OSError):
                    tmp.unlink()

    def _load(self) -> None:
        if not self.readonly:
            self._remove_stale_temp_files()
        if not self.readonly and self.annotator not in self.manifest.annotators:
            self.manifest.annotators.append(self.annotator)
            self.manifest.write(self.path)
        self.warnings.extend(self._articles.open(full_below=self.verify_scan_bytes))
        for journal in (self._sugg, self._jour):
            self.warnings.extend(journal.open(writable=not self.readonly, full_below=self.verify_scan_bytes))
        for journal in (self._sugg, self._jour):
            for rid in journal.versions:
                if rid not in self._articles:
                    self._articles.adopt(rid)
                    self.warnings.append(Problem("id", "in this journal but not among the imported articles",
                                                 rid, journal.name, journal.versions[rid][0][3], "warning"))
        if not self.readonly:
            self._save_caches()

    def _save_caches(self) -> None:
        """Write the index caches that are out of date (at open after a scan, and at close)."""
        self._articles.save_cache()
        for j in (self._sugg, self._jour):
            j.save_cache()

    # ================================================================ closing
    def close(self) -> None:
        """Merge pending suggestions when cheap, write the index caches, release the lock."""
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            try:
                if not self.readonly:
                    self._sugg.sync()
                    if self._sugg.versions and (self._articles.size <= self.merge_max_bytes
                                                or 4 * self._sugg.index.file_size >= self._articles.size):
                        self._merge_suggestions()
                    self._save_caches()
            finally:
                self._release()

    def _release(self) -> None:
        """Close every file and give the lock back (also when opening failed half-way)."""
        self._closed = True
        for j in (self._sugg, self._jour):
            j.close()
        self._articles.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __del__(self) -> None:  # a forgotten close() must not keep files open or the lock forever
        with contextlib.suppress(Exception):
            if not self._closed:
                self._release()

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def annotators(self) -> list[str]:
        """Everyone who has opened the project for writing (from the manifest)."""
        return list(self.manifest.annotators)

    def _check_open(self, write: bool = False) -> None:
        if self._closed:
            raise StoreError(f"{self.path}: the project is closed")
        if write and self.readonly:
            raise StoreError(f"{self.path} is open read-only: nothing can be saved")

    # ================================================================ ids and status
    def ids(self) -> list[str]:
        """Every article id, in import order (ids found only in a journal come last)."""
        with self._mutex:
            return list(self._articles.order)

    def __len__(self) -> int:
        return len(self._articles.order)

    def __contains__(self, rid: object) -> bool:
        return isinstance(rid, str) and rid in self._articles

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids())

    def review_status(self, rid: str) -> str:
        """The review status of the latest version, from the index (no JSON parsing)."""
        with self._mutex:
            for j in (self._jour, self._sugg):
                e = j.latest(rid)
                if e is not None:
                    return e[4]
            e = self._articles.entries.get(rid)
            if e is not None:
                return e[4]
            if rid in self._articles.broken:
                return "unreviewed"
        raise StoreError(f"{self.path}: no article {rid!r}")

    def status_counts(self) -> dict[str, int]:
        """Articles per review status (every status listed, zeros included)."""
        with self._mutex:
            counts = Counter(self.review_status(rid) for rid in self._articles.order)
        out = {s: counts.pop(s, 0) for s in REVIEW_STATUSES}
        out.update(counts)  # a status this version does not know, found in a file
        return out

    # ================================================================ loading
    def _warn(self, problem: Problem) -> None:
        key = (problem.file, problem.line, problem.record_id)
        if key not in self._warned:
            self._warned.add(key)
            self.warnings.append(problem)

    @staticmethod
    def _parse(raw: bytes, rid: str, name: str, line: int) -> Record:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as ex:
            raise RecordError([Problem("line", f"not UTF-8 at byte {ex.start}", rid, name, line)]) from None
        rec = loads_record(text, file=name, line_no=line)
        if rec.id != rid:
            raise RecordError([Problem("id", f"expected record {rid!r} here, found {rec.id!r} (the file changed "
                                             "under the index?)", rid, name, line)])
        return rec

    def _load_journal(self, journal: Journal, rid: str) -> Record | None:
        """The newest version of `rid` in `journal` that reads well; bad ones are reported and skipped."""
        while True:
            e = journal.latest(rid)
            if e is None:
                return None
            try:
                return self._parse(journal.read(e), rid, journal.name, e[3])
            except RecordError as ex:
                what = _what(ex)
                journal.mark_bad(e, what)
                self._warn(Problem("line", f"{what}; an earlier version is used", rid, journal.name, e[3]))

    def _load_article(self, rid: str) -> Record:
        """The imported article (with its newest suggestions), ignoring the journal."""
        rec = self._load_journal(self._sugg, rid)
        if rec is not None:
            return rec
        e = self._articles.entries.get(rid)
        if e is not None:
            try:
                return self._parse(self._articles.read(e), rid, ARTICLES, e[3])
            except RecordError as ex:
                raise self._unreadable(rid, e[3], _what(ex)) from None
        if rid in self._articles.broken:
            line, what = self._articles.broken[rid]
            if line:
                raise self._unreadable(rid, line, what)
            raise StoreError(f"{self.path}: record {rid} exists only as unreadable journal lines")
        raise StoreError(f"{self.path}: no article {rid!r}")

    def _unreadable(self, rid: str, line: int, what: str) -> StoreError:
        """The error for an article line that cannot be read, carrying its Problem for `warnings`."""
        return StoreError(f"{self.path / ARTICLES}:{line}: record {rid} cannot be read: {what}",
                          Problem("record", f"cannot be read: {what}", rid, ARTICLES, line))

    def _report(self, rid: str, ex: StoreError) -> None:
        self._warn(ex.problem or Problem("record", str(ex), rid))

    def load_imported(self, rid: str) -> Record:
        """The imported article with its newest suggestions, whatever any journal holds (what
        set_suggestions replaces: pre-annotation should start from this, not from load())."""
        with self._mutex:
            self._check_open()
            return self._load_article(rid)

    def load(self, rid: str) -> Record:
        """The latest version: this annotator's newest journal entry, else the imported article."""
        with self._mutex:
            self._check_open()
            rec = self._load_journal(self._jour, rid)
            return rec if rec is not None else self._load_article(rid)

    def iter_records(self, *, status: str | None = None) -> Iterator[Record]:
        """Latest versions in import order, optionally only those with this review status.

        A record that cannot be read is skipped and reported in `warnings` (it is never lost:
        nothing is rewritten)."""
        for rid in self.ids():
            if status is not None and self.review_status(rid) != status:
                continue
            try:
                rec = self.load(rid)
            except StoreError as ex:
                self._report(rid, ex)
                continue
            if status is None or rec.review_status == status:
                yield rec

    def stats(self, *, progress: Callable[[int], object] | None = None) -> dict[str, Any]:
        """Articles by review status and items by layer and status, over every latest version.

        A line the store wrote itself (trusted) is only JSON-parsed; any other is loaded and
        validated, and one that cannot be read is counted as unreadable and reported."""
        items: dict[str, Counter[str]] = {layer: Counter() for layer in LAYERS}
        unreadable = 0
        for done, rid in enumerate(self.ids(), 1):
            with self._mutex:
                self._check_open()
                got = self._latest_line(rid)
                obj: dict[str, Any] | None = None
                if got is not None and got[1]:
                    obj = json.loads(got[0])
                else:
                    try:
                        obj = record_to_dict(self.load(rid), validate=False)
                    except StoreError as ex:
                        self._report(rid, ex)
                        unreadable += 1
            if obj is not None:
                for layer in ("quotes", "claims", "dates"):
                    items[layer].update(it.get("status") for it in obj.get(layer, ()))
                items["speakers"].update(sp.get("origin") for sp in obj.get("speakers", ()))
            if progress is not None:
                progress(done)
        return {"project": str(self.path), "annotator": self.annotator, "articles": len(self),
                "by_review_status": self.status_counts(), "unreadable": unreadable,
                "items": {layer: dict(sorted(c.items())) for layer, c in items.items()},
                "warnings": len(self.warnings)}

    def _latest_line(self, rid: str) -> tuple[bytes, bool] | None:
        """The line load(rid) would parse first, and whether the store wrote it itself (trusted)."""
        for j in (self._jour, self._sugg):
            e = j.latest(rid)
            if e is not None:
                return j.read(e), e[1] in j.index.trusted
        e = self._articles.entries.get(rid)
        if e is None:
            return None
        return self._articles.read(e), self._articles.trusted(e)

    def export_gold(self, out_path: str | os.PathLike, *, status: str | None = "reviewed",
                    with_provenance: bool = False, progress: Callable[[int], object] | None = None) -> int:
        """Write the latest versions (those with review `status`, or all) as gold JSONL; return the count.

        The output is exactly `goftar.core.io.export.export_gold(self.iter_records(status=status), …)`
        (atomic, every record valid), but a line this store wrote itself (validated and in
        `dumps_record` form when written, file unchanged since) is not validated again: it is
        copied as it is, or only parsed and re-serialised when it has rejected items to drop. Unreadable
        records are skipped and reported in `warnings`, as iter_records does."""
        from ..io.export import gold_dict, gold_line_from_trusted

        def lines() -> Iterator[bytes]:
            done = 0  # counts exported records, for a cumulative progress(n)
            for rid in self.ids():
                with self._mutex:
                    self._check_open()
                    if status is not None and self.review_status(rid) != status:
                        continue
                    got = self._latest_line(rid)
                trusted = got is not None and got[1] and got[0].startswith(_line_head(rid))
                if trusted and (with_provenance or _REJECTED_ITEM not in got[0]):
                    yield got[0]
                elif trusted:
                    yield gold_line_from_trusted(got[0])
                else:
                    try:
                        rec = self.load(rid)
                    except StoreError as ex:
                        self._report(rid, ex)
                        continue
                    if status is not None and rec.review_status != status:
                        continue
                    d = gold_dict(rec, with_provenance=with_provenance)
                    yield json.dumps(d, ensure_ascii=False).encode("utf-8")
                if progress is not None:
                    done += 1
                    progress(done)

        return atomic_write_lines_bytes(out_path, lines())

    # ================================================================ writing
    def save(self, record: Record) -> None:
        """Validate `record` and append it to this annotator's journal; durable when this returns."""
        self._check_open(write=True)
        line = dumps_record(record).encode("utf-8")  # validates (RecordError)
        with self._mutex:
            self._check_open(write=True)
            if record.id not in self:
                raise StoreError(f"{self.path}: no article {record.id!r} to save (import it first)")
            self._jour.append(record.id, line, record.review_status)
            if self._needs_compaction(self._jour):
                self.warnings.extend(self._jour.compact(self._verify_line))

    def _needs_compaction(self, journal: Journal) -> bool:
        sup = journal.superseded
        return sup >= self.compact_min_superseded and sup > len(journal.versions)

    def _verify_line(self, raw: bytes, entry: Entry) -> str | None:
        try:
            self._parse(raw, entry[0], "", entry[3])
        except RecordError as ex:
            return ex.problems[0].message if ex.problems else str(ex)
        return None

    def compact(self) -> None:
        """Compact this annotator's journal and merge pending suggestions into articles.jsonl."""
        with self._mutex:
            self._check_open(write=True)
            self.warnings.extend(self._jour.compact(self._verify_line))
            if self._sugg.versions:
                self._merge_suggestions()
            self._save_caches()

    def set_suggestions(self, record: Record) -> None:
        """Replace an imported article's suggestions (the journals are not touched).

        Appended to suggestions.jsonl without an fsync of its own (suggestions can be made
        again); `close()` syncs it and merges it into articles.jsonl when that is cheap."""
        self._check_open(write=True)
        line = dumps_record(record).encode("utf-8")
        with self._mutex:
            self._check_open(write=True)
            current = self._load_article(record.id)
            if current.text != record.text:
                raise StoreError(f"{record.id}: set_suggestions may not change the article's text")
            self._sugg.append(record.id, line, record.review_status, sync=False)

    def add_articles(self, records: Iterable[Record], *, rename_duplicates: bool = False) -> list[str]:
        """Import records (each validated); returns the ids used. A duplicate id raises InputError
        unless `rename_duplicates` (then ID-2, ID-3…). All or nothing: on any error the project
        is unchanged. Records stream through to the new file, so a big import is not held in memory."""
        self._check_open(write=True)
        with self._mutex:
            # An id whose article line is unreadable (or gone, with journal lines left) may be imported
            # again: that repairs it, and the damaged line stays where it is.
            taken = set(self._articles.entries)

            def lines() -> Iterator[tuple[str, bytes, str]]:
                for rec in records:
                    rid = rec.id
                    if rid in taken:
                        if not rename_duplicates:
                            raise InputError(f"duplicate article id {rid!r} (already in the project or earlier "
                                             "in this import); use rename_duplicates / --rename-duplicates")
                        n = 2
                        while f"{rid}-{n}" in taken:
                            n += 1
                        rec = dataclasses.replace(rec, id=f"{rid}-{n}")
                    line = dumps_record(rec).encode("utf-8")  # validates (RecordError)
                    taken.add(rec.id)
                    yield rec.id, line, rec.review_status

            return self._articles.append(lines())

    def _merge_suggestions(self) -> None:
        """Write the newest good suggestions into articles.jsonl, then empty suggestions.jsonl."""
        repl: list[Replacement] = []
        sugg_trusted = self._sugg.index.trusted
        for rid in list(self._sugg.versions):
            e = self._sugg.latest(rid)
            if e is not None and e[1] not in sugg_trusted:
                self._load_journal(self._sugg, rid)  # validates; bad versions are reported and dropped
                e = self._sugg.latest(rid)
            art = self._articles.entries.get(rid)
            if e is not None and art is not None:
                repl.append((art, self._sugg.read(e), e[4], e[1] in sugg_trusted))
        if self._sugg.bad or self._sugg.index.scan.broken or len(repl) != len(self._sugg.versions):
            # Keep suggestions.jsonl whole: lines that cannot be merged are reported, never thrown away.
            self.warnings.append(Problem("file", "has lines that cannot be merged into articles.jsonl; kept",
                                         None, SUGGESTIONS, severity="warning"))
            return
        self._articles.replace(repl)
        # articles.jsonl now holds them; a crash before this line only means merging again later.
        self._sugg.truncate()

    def __repr__(self) -> str:
        mode = "read-only" if self.readonly else "writable"
        return f"<Project {self.path} annotator={self.annotator!r} {mode} articles={len(self)}>"

