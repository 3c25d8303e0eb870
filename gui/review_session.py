"""What the window is looking at: the project (or loose file), the open article, its undo stack.

The session opens projects and articles, runs every edit as a core command on the QUndoStack
(through guicore's CommandAdapter, which saves through the store), and reports what happened
with signals. It holds no copy of the record: the Document does. Core errors arrive here and
leave as `errorRaised(title, message, details)`, never as tracebacks.
"""

from __future__ import annotations

import sys
import traceback
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from goftar.core.errors import GoftarError, ProjectLockedError
from goftar.core.model import Record
from goftar.core.review_rules import needs_extraction, neighbour_to_review, with_in_progress
from goftar.gui.bidi import ltr
from goftar.gui.i18n import tr
from goftar.gui.settings import AppSettings
from goftar.gui.workers import ExtractJob, SaveQueue, describe_error, run_in_background, shared_extractor

if TYPE_CHECKING:
    from goftar.core.commands import Changes, Command
    from goftar.core.document import Document
    from goftar.core.store import Project

T = TypeVar("T")
#: articles whose document and undo history stay in memory (the least recently opened go first)
LIVE_ARTICLES = 50
SPAN_LAYERS = ("quotes", "claims", "dates")
#: an edit's record goes to the save worker this long after the edit (after its repaint)
SUBMIT_DELAY_MS = 30


class ReviewSession(QObject):
    projectOpened = Signal(object)          # Project | None (loose files)
    articleOpened = Signal(object)          # Record
    recordChanged = Signal(object)          # core Changes (or None: everything)
    currentItemChanged = Signal(str, str)   # layer, id ("" "" = none)
    saveStateChanged = Signal(str)          # saved | saving | unsaved | failed | readonly
    busyChanged = Signal(str)               # message key of background work ("" = idle)
    errorRaised = Signal(str, str, str)     # title, message, details (every problem; "" = none)
    infoRaised = Signal(str, str)           # title, message

    def __init__(self, settings: AppSettings, *, annotator: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.annotator = annotator or settings.annotator
        self.project: Project | None = None
        self.loose: dict[str, Record] = {}   # articles opened from files, not in a project
        self.document: Document | None = None   # the open article's (None: no article open)
        self.current: tuple[str, str] | None = None
        # one undo history per article opened in this session, so going back to an article (or
        # undoing "mark reviewed" after the window moved on) finds its steps again
        self.undo_group = QUndoGroup(self)
        self.undo_stack = self._new_stack()
        self._live: OrderedDict[str, tuple[Document, QUndoStack]] = OrderedDict()
        #: the article that mark reviewed / skip left; Ctrl+Z on a fresh article goes back to it
        self.left_behind: str | None = None
        self._last_changes: Changes | None = None   # of the latest edit, undo or redo
        self._current_at_leave: dict[str, tuple[str, str]] = {}
        self.background = True            # False: extraction and saving run on this thread (screenshots)
        self.saver: SaveQueue | None = None     # saves of the open project, on a worker
        self._pending_extract: set[str] = set()
        self._busy: list[str] = []             # message keys of the background jobs running, oldest first
        self._extractor = ExtractJob(self)      # one for the session: each result names its article
        self._extractor.finished.connect(lambda rec: self._apply_extraction(rec.id, rec))
        self._extractor.failed.connect(self._extraction_failed)
        self._to_submit: Record | None = None
        self._submit_timer = QTimer(self, singleShot=True, interval=SUBMIT_DELAY_MS)
        self._submit_timer.timeout.connect(self._submit)
        #: asks whether to open a project another process writes read-only (the window sets a dialog)
        self.ask_readonly: Callable[[str], bool] = lambda _message: False

    # ------------------------------------------------------------------ state
    @property
    def record(self) -> Record | None:
        return self.document.record if self.document is not None else None

    @property
    def article_id(self) -> str | None:
        return self.document.record.id if self.document is not None else None

    def article_ids(self) -> list[str]:
        if self.project is not None:
            return list(self.project.ids())
        return list(self.loose)

    def review_status(self, article_id: str) -> str:
        if self.project is not None:
            try:
                return str(self.project.review_status(article_id))
            except (GoftarError, KeyError):
                return "unreviewed"
        rec = self.loose.get(article_id)
        return rec.review_status if rec else "unreviewed"

    def fail(self, err: BaseException, what: str = "") -> None:
        """An error dialog: the error's one-line summary, and every problem it lists in the details
        (an import names the first problem and counts the rest; the analyst needs them all)."""
        msg = str(err) or type(err).__name__
        problems = getattr(err, "problems", None)
        details = "\n".join(str(p) for p in problems) if isinstance(problems, list) and len(problems) > 1 else ""
        self.errorRaised.emit(tr("dlg.error"), f"{what}\n\n{msg}" if what else msg, details)

    def run_job(self, work: Callable[[], T], on_done: Callable[[T], object], *, busy: str, what: str = "",
                on_finished: Callable[[], object] | None = None,
                on_error: Callable[[BaseException], object] | None = None) -> None:
        """Run blocking work (disk, NLP) on a worker; `on_done(result)` then runs on the UI thread.

        `busy` is the status-bar message meanwhile; a failure becomes an error dialog (`what`
        names the object) unless `on_error(exception)` takes it. `on_finished()` runs first in
        either case (closing a progress dialog). With `background` off (screenshots, scripted
        runs) the work runs here, before returning.
        """
        report = on_error or (lambda e: self.fail(e, what))
        if not self.background:
            try:
                result = work()
            except (GoftarError, OSError) as e:
                if on_finished is not None:
                    on_finished()
                report(e)
                return
            if on_finished is not None:
                on_finished()
            on_done(result)
            return
        def done(result: T) -> None:
            self._busy_end(busy)
            if on_finished is not None:
                on_finished()
            on_done(result)

        def failed(ex: BaseException) -> None:
            self._busy_end(busy)
            if on_finished is not None:
                on_finished()
            if not isinstance(ex, GoftarError | OSError):   # a bug: its traceback goes to stderr only
                print(getattr(ex, "__goftar_traceback__", ""), file=sys.stderr)
                ex = GoftarError(describe_error(ex))
            report(ex)

        self._busy_begin(busy)
        run_in_background(work, done, failed)

    def _busy_begin(self, key: str) -> None:
        self._busy.append(key)
        self.busyChanged.emit(key)

    def _busy_end(self, key: str) -> None:
        """One job is done; the status bar shows the newest one still running (several may overlap)."""
        if key in self._busy:
            self._busy.remove(key)
        self.busyChanged.emit(self._busy[-1] if self._busy else "")

    # ------------------------------------------------------------------ projects
    def close_project(self) -> None:
        self.flush()
        if self.saver is not None:
            self.saver.close()
            self.saver = None
        if self.project is not None:
            try:
                self.project.close()
            except GoftarError as e:  # closing must never lose the window
                self.fail(e)
        self.project = None
        self.loose = {}
        self.document = None
        self._drop_histories()

    def open_project(self, path: str | Path, *, create: bool = False) -> bool:
        """Open (or create) a project folder before returning; on failure the current one stays open."""
        path = self._prepare_open(path)
        try:
            project = _open_store(path, self.annotator, create=create)
        except ProjectLockedError as e:
            if not self.ask_readonly(str(e)):
                return False
            try:
                project = _open_store(path, self.annotator, readonly=True)
            except (GoftarError, OSError) as e2:
                self.fail(e2, str(path))
                return False
        except (GoftarError, OSError) as e:
            self.fail(e, str(path))
            return False
        self._adopt(project, path)
        return True

    def open_project_in_background(self, path: str | Path, *, create: bool = False,
                                   then: Callable[[], object] | None = None,
                                   otherwise: Callable[[], object] | None = None) -> None:
        """`open_project` with the store's part (index scans, recovery: seconds for a big project)
        on a worker; the window goes on with what it shows until the project is ready. `then()`
        runs once it is open, `otherwise()` when it could not be opened (after the error dialog)."""
        path = self._prepare_open(path)

        def opened(project: Project) -> None:
            self._adopt(project, path)
            if then is not None:
                then()

        def failed(e: BaseException) -> None:
            if isinstance(e, ProjectLockedError) and self.ask_readonly(str(e)):
                self.run_job(lambda: _open_store(path, self.annotator, readonly=True), opened,
                             busy="sb.opening", what=str(path), on_error=not_opened)
                return
            not_opened(e)

        def not_opened(e: BaseException) -> None:
            if not isinstance(e, ProjectLockedError):   # a lock the analyst chose not to bypass is no error
                self.fail(e, str(path))
            if otherwise is not None:
                otherwise()

        self.run_job(lambda: _open_store(path, self.annotator, create=create), opened, busy="sb.opening",
                     what=str(path), on_error=failed)

    def _prepare_open(self, path: str | Path) -> Path:
        path = Path(path)
        if self.project is not None and Path(self.project.path).resolve() == path.resolve():
            self.close_project()  # reopening (another annotator): our own lock must go first
        return path

    def _adopt(self, project: Project, path: Path) -> None:
        """Make an opened project the session's: close the old one, start saving, show the first article."""
        self.close_project()
        self.project = project
        if self.background and not project.readonly:
            # saves (validate + append + fsync) run on a worker so an edit never waits for the disk
            self.saver = SaveQueue(project.save, self)
            self.saver.busy_changed.connect(lambda busy: self.saveStateChanged.emit("saving" if busy else "saved"))
            self.saver.failed.connect(self._save_failed)
        self.settings.add_recent_project(path)
        self.projectOpened.emit(project)
        crashed = project.crashed_session is not None    # its lock note was left: it never closed
        warnings = list(project.warnings)
        if crashed or warnings:
            # after a crash the store has already recovered (torn lines skipped): say so plainly
            parts = [tr("dlg.restored")] if crashed else []
            if warnings:
                parts.append(tr("dlg.warnings") + "\n" + "\n".join(str(w) for w in warnings[:10]))
            self.infoRaised.emit(tr("dlg.restored_title") if crashed else tr("app.title"), "\n\n".join(parts))
        ids = self.article_ids()
        if ids:
            first = next((i for i in ids if self.review_status(i) != "reviewed"), ids[0])
            self.open_article(first)

    def open_file(self, path: str | Path) -> bool:
        """Open article file(s) without a project (edits are not saved until imported)."""
        try:
            records = read_articles([Path(path)])
        except (GoftarError, OSError) as e:
            self.fail(e, str(path))
            return False
        if not records:
            self.fail(GoftarError(tr("dlg.no_article", path)))
            return False
        self.close_project()
        self.loose = {r.id: r for r in records}
        self.projectOpened.emit(LooseArticles(self.loose))
        self.open_article(records[0].id)
        return True

    def import_paths(self, paths: list[Path]) -> list[str] | None:
        """Import files/folders into the open project, reading and validating them on a worker.

        Returns the new ids when the session works synchronously, else None (the navigator
        refreshes and a message says how many when the import is done)."""
        project = self.project
        if project is None:
            self.fail(GoftarError(tr("dlg.no_project")))
            return []
        imported: list[str] = []

        def work() -> list[str]:
            return list(project.add_articles(read_articles(paths), rename_duplicates=True))

        def done(ids: list[str]) -> None:
            imported.extend(ids)
            if project is self.project:
                self.projectOpened.emit(project)
            self.infoRaised.emit(tr("app.title"), tr("dlg.imported", len(ids)))

        self.run_job(work, done, busy="sb.importing")
        return None if self.background else imported

    # ------------------------------------------------------------------ articles
    def open_article(self, article_id: str, *, synchronous: bool = False, left_behind: str | None = None) -> bool:
        """Show `article_id`; `left_behind` names the article mark reviewed / skip just left (Ctrl+Z
        on the new one, before any edit, goes back to it and undoes there)."""
        # no waiting for the save worker: an article whose save is still queued opens from the queue
        self.submit_pending()
        self.left_behind = left_behind
        if self.record is not None and self.current is not None:
            # where the analyst was, so an undo that comes back here lands on it again
            self._current_at_leave[self.record.id] = self.current
        live = self._live.get(article_id)
        if live is not None:
            # opened before in this session: its document is the latest state, with its history
            self._live.move_to_end(article_id)
            self.document, self.undo_stack = live
            self.undo_group.setActiveStack(self.undo_stack)
            record = self.document.record
        else:
            unsaved = self.saver.unsaved(article_id) if self.saver is not None else None
            try:
                record = unsaved or (self.project.load(article_id) if self.project is not None
                                     else self.loose[article_id])
            except (GoftarError, KeyError, OSError) as e:
                self.fail(e, article_id)
                return False
            self.undo_stack = self._new_stack()
            self._set_document(record)
        self.current = None
        self.articleOpened.emit(record)
        busy = self.saver is not None and self.saver.busy
        self.saveStateChanged.emit("saving" if busy else self._idle_save_state())
        if needs_extraction(record):
            self.extract(synchronous=synchronous)
        return True

    def _set_document(self, record: Record) -> None:
        self.document = make_document(record, self._save)
        self.document.changed.connect(self.on_document_changed)
        self._live[record.id] = (self.document, self.undo_stack)
        self._live.move_to_end(record.id)
        while len(self._live) > LIVE_ARTICLES:
            _aid, (_doc, stack) = self._live.popitem(last=False)
            self._forget_stack(stack)

    def _new_stack(self) -> QUndoStack:
        stack = QUndoStack(self)
        stack.setUndoLimit(500)
        self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(stack)
        return stack

    def _forget_stack(self, stack: QUndoStack) -> None:
        if stack is self.undo_stack:
            return
        self.undo_group.removeStack(stack)
        stack.deleteLater()

    def _drop_histories(self) -> None:
        for _doc, stack in self._live.values():
            self._forget_stack(stack)
        self._live.clear()
        self._current_at_leave.clear()
        self.left_behind = None
        self.undo_stack.clear()

    def forget(self, article_id: str) -> None:
        """Drop an article's document and undo history (not the open one): its next opening
        loads it from the store (benchmarks time that cold open)."""
        live = self._live.get(article_id)
        if live is not None and live[0] is not self.document:
            self._live.pop(article_id)
            self._forget_stack(live[1])

    def can_undo(self) -> bool:
        """Something to undo here, or the article mark reviewed / skip just left."""
        return self.undo_stack.canUndo() or self._left_stack() is not None

    def _left_stack(self) -> QUndoStack | None:
        live = self._live.get(self.left_behind) if self.left_behind else None
        return live[1] if live is not None and live[1].canUndo() else None

    def undo(self) -> None:
        """Undo here; on an article not yet touched, go back to the one just left and undo there.

        The item the step touched becomes current again, so after undoing an accept (which had
        moved on) the analyst is back on the item to decide it anew."""
        if self.undo_stack.canUndo():
            self._step(self.undo_stack.undo)
            return
        left = self.left_behind
        if left is not None and self._left_stack() is not None:
            self.left_behind = None
            if self.open_article(left):
                self._step(self.undo_stack.undo)

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self._step(self.undo_stack.redo)

    def _step(self, do: Callable[[], None]) -> None:
        self._last_changes = None
        do()
        changes, record = self._last_changes, self.record
        if changes is None or record is None:
            return
        found = [f for f in (record.item(i) for i in sorted(changes.ids)) if f is not None]
        spans = [f for f in found if f[0] != "speakers"]
        pick = spans if spans else found
        if pick:
            # one item: that one; several (an accept-all, a mark reviewed): the first in reading order
            layer, item = min(pick, key=lambda f: (getattr(f[1], "start", 0), f[1].id))
            self.set_current(layer, item.id)
            return
        # a step that touched no item (the review status alone): back on the item current when the
        # article was left, if it is still there
        here = self._current_at_leave.get(record.id)
        if self.current is None and here is not None and record.item(here[1]) is not None:
            self.set_current(*here)

    def _idle_save_state(self) -> str:
        if self.project is None:
            return "unsaved"
        return "readonly" if getattr(self.project, "readonly", False) else "saved"

    def neighbour_unreviewed(self, step: int) -> str | None:
        """The next (step=1) or previous (step=-1) article still to review, wrapping around."""
        return neighbour_to_review(self.article_ids(), self.article_id, self.review_status, step)

    # ------------------------------------------------------------------ extraction
    def extract(self, *, synchronous: bool = False) -> None:
        """Pre-annotate the open article (in the background unless `synchronous`)."""
        record = self.record
        if record is None:
            return
        if synchronous or not self.background:
            try:
                extracted = shared_extractor().extract(record)
            except Exception as e:  # the extractor must never take the window down
                traceback.print_exc()     # a bug: its traceback to stderr, a readable dialog to the analyst
                self.fail(GoftarError(describe_error(e)))
                return
            self._apply_extraction(record.id, extracted)
            return
        if record.id in self._pending_extract:
            return
        self._pending_extract.add(record.id)
        self._busy_begin("sb.extracting")
        self._extractor.start(record)

    def _extraction_failed(self, article_id: str, message: str) -> None:
        self._pending_extract.discard(article_id)
        self._busy_end("sb.extracting")
        self.fail(GoftarError(message), article_id)

    def _apply_extraction(self, article_id: str, extracted: Record | None) -> None:
        self._pending_extract.discard(article_id)
        self._busy_end("sb.extracting")
        if extracted is None:
            return
        if self.project is not None:
            try:
                self.project.set_suggestions(extracted)
            except (GoftarError, OSError) as e:
                self.fail(e)
        else:
            self.loose[article_id] = extracted
        # only replace what is shown when the analyst has not started on this article meanwhile
        if self.article_id == article_id and self.undo_stack.count() == 0:
            self._set_document(extracted)
            self.articleOpened.emit(extracted)
        elif self.article_id != article_id and article_id in self._live and self._live[article_id][1].count() == 0:
            # left before its suggestions came: the next visit loads them instead of the empty document
            self._forget_stack(self._live.pop(article_id)[1])

    # ------------------------------------------------------------------ editing
    def run(self, command: Command) -> bool:
        """Do a core command as one undo step, saved through the store; False on a core error."""
        if self.document is None:
            return False
        if self.project is not None and getattr(self.project, "readonly", False):
            self.errorRaised.emit(tr("dlg.error"), tr("dlg.readonly"), "")
            return False
        from goftar.gui.undo import push_command

        # the first edit of an unreviewed article also marks it in progress (one undo step)
        command = with_in_progress(self.document.record, command, self.annotator)

        try:
            changes = push_command(self.undo_stack, self.document, command)
        except GoftarError as e:
            self.fail(e)
            return False
        return bool(changes)

    def on_document_changed(self, changes: Changes) -> None:
        self._last_changes = changes
        self.recordChanged.emit(changes)

    def _save(self, record: Record) -> None:
        """The Document's save hook: queue the record for the store (or keep it, for loose files)."""
        if self.project is None:
            self.loose[record.id] = record
            self.saveStateChanged.emit("unsaved")
            return
        if self.saver is not None:
            # hand over after this event-loop turn: the save worker's Python (validate, serialise)
            # would otherwise compete for the GIL with the rest of the edit and its repaint
            self._to_submit = record
            self.saveStateChanged.emit("saving")
            if not self._submit_timer.isActive():
                self._submit_timer.start()
            return
        try:
            self.project.save(record)
        except (GoftarError, OSError) as e:
            self._save_failed(record.id, str(e))
            return
        self.saveStateChanged.emit("saved")

    def _save_failed(self, article_id: str, message: str) -> None:
        # the record stays in memory and the next edit saves it again: nothing is lost
        self.saveStateChanged.emit("failed")
        self.errorRaised.emit(tr("dlg.error"), f"{tr('sb.save_failed')}: {ltr(article_id)}\n\n{message}", "")

    def _submit(self) -> None:
        record, self._to_submit = self._to_submit, None
        if record is not None and self.saver is not None:
            self.saver.submit(record)

    def submit_pending(self) -> None:
        """Hand the edit that waits for its repaint to the save queue now."""
        self._submit_timer.stop()
        self._submit()

    def flush(self) -> None:
        """Wait for queued saves (before closing or reopening the project)."""
        self.submit_pending()
        if self.saver is not None:
            self.saver.flush()

    def set_current(self, layer: str, item_id: str) -> None:
        self.current = (layer, item_id) if item_id else None
        self.currentItemChanged.emit(layer, item_id)


class LooseArticles:
    """Articles opened from files, shaped like the part of a Project the navigator reads."""

    readonly = False

    def __init__(self, records: dict[str, Record]) -> None:
        self._records = records

    def ids(self) -> list[str]:
        return list(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def review_status(self, article_id: str) -> str:
        return self._records[article_id].review_status

    def load(self, article_id: str) -> Record:
        return self._records[article_id]


# ---------------------------------------------------------------------- helpers
def _open_store(path: Path, annotator: str | None, *, create: bool = False, readonly: bool = False) -> Project:
    """The blocking part of opening a project (any thread)."""
    from goftar.core.store import Project

    if create:
        return Project.create(path, annotator=annotator)
    return Project.open(path, annotator=annotator, readonly=readonly)


def make_document(record: Record, on_save: Callable[[Record], object]) -> Document:
    """guicore's evented Document over the record, saving through `on_save(record)`."""
    from goftar.core.document import Document

    return Document(record, on_save=on_save)


def read_articles(paths: list[Path]) -> list[Record]:
    """Records from files and folders (txt, HTML, JSONL), through the io importers."""
    from goftar.core.io.importers import import_paths

    return list(import_paths(paths))
