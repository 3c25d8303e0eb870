"""Background work that never blocks the UI thread.

- `run_in_background(fn, on_done, on_error)`: one job on the global QThreadPool; the callbacks
  run on the UI thread (a queued connection to a QObject that lives there).
- `ProgressSignal`: a core `progress(n)` callback whose calls arrive on the UI thread as signals.
- `HazmLoader`: loads hazm's tools once (goftar.core.text.nlp.preload) and says when ready.
- `ExtractJob`: pre-annotates a record with the rule-based Extractor on a worker.
- `SaveQueue`: saves records on one worker thread, in order, coalescing repeated saves of the
  same record that have not started yet; `flush()` waits for everything (tests, closing).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtCore import Qt as _Qt

from goftar.core.errors import GoftarError
from goftar.core.model import Record
from goftar.core.schema import copy_record

if TYPE_CHECKING:
    from goftar.core.extract import Extractor

_QUEUED = _Qt.ConnectionType.QueuedConnection


def describe_error(ex: BaseException) -> str:
    """A one-line message for a person: core errors carry their own; others get their type."""
    if isinstance(ex, GoftarError | OSError):
        return str(ex)
    return f"{type(ex).__name__}: {ex}"


def snapshot(record: Record) -> Record:
    """An independent copy of a record, cheap enough for the UI thread (~0.3 ms for 200 items)."""
    return copy_record(record)


# ------------------------------------------------------------------ one-off jobs
class Job(QObject):
    """Handle of a background job; `done(result)` / `failed(exception)` arrive on the UI thread."""

    done = Signal(object)
    failed = Signal(object)
    _result = Signal(object, bool)

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.finished = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._result.connect(self._deliver, _QUEUED)

    @Slot(object, bool)
    def _deliver(self, value: Any, ok: bool) -> None:
        self.finished = True
        _LIVE.discard(self)
        if ok:
            self.result = value
            self.done.emit(value)
        else:
            self.error = value
            self.failed.emit(value)


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            value = self.job.fn()
        except BaseException as ex:
            ex.__goftar_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.job._result.emit(ex, False)
        else:
            self.job._result.emit(value, True)


_LIVE: set[Job] = set()   # jobs stay alive until their result is delivered


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], Any] | None = None,
                      on_error: Callable[[BaseException], Any] | None = None, *,
                      pool: QThreadPool | None = None) -> Job:
    """Run `fn()` on a pool thread; call `on_done(result)` or `on_error(exception)` on the UI thread."""
    job = Job(fn)
    if on_done is not None:
        job.done.connect(on_done)
    if on_error is not None:
        job.failed.connect(on_error)
    _LIVE.add(job)
    (pool or QThreadPool.globalInstance()).start(_Runnable(job))
    return job


class ProgressSignal(QObject):
    """A `progress(n)` callback for core work on any thread; `changed(n)` reaches the UI thread queued.

    Core batch functions call `progress` once per record; at most about 200 of those calls
    become signals, so 100,000 records do not flood the UI thread's event queue.
    """

    changed = Signal(int)

    def __init__(self, total: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.total = total
        self._step = max(1, total // 200)
        self._shown = 0

    def __call__(self, n: int) -> None:
        if n - self._shown >= self._step or n >= self.total:
            self._shown = n
            self.changed.emit(n)


# ------------------------------------------------------------------ hazm
class HazmLoader(QObject):
    """Loads the Persian NLP tools in the background; `loaded` / `failed(message)` on the UI thread."""

    loaded = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loading = False
        self.ready = False
        self.job: Job | None = None

    def start(self) -> None:
        from goftar.core.text import nlp

        if self.ready or self.loading:
            return
        if nlp.is_loaded():
            self.ready = True
            QTimer.singleShot(0, self.loaded.emit)
            return
        self.loading = True
        self.job = run_in_background(nlp.preload, self._done, self._error)

    def _done(self, _: Any) -> None:
        self.loading, self.ready = False, True
        self.loaded.emit()

    def _error(self, ex: BaseException) -> None:
        self.loading = False
        self.failed.emit(describe_error(ex))


# ------------------------------------------------------------------ extraction
_extractor_lock = threading.Lock()
_extract_lock = threading.Lock()
_extractor: Extractor | None = None


def shared_extractor() -> Extractor:
    """One Extractor for the process (it loads its lexicons once), built on first use."""
    global _extractor
    with _extractor_lock:
        if _extractor is None:
            from goftar.core.extract import Extractor

            _extractor = Extractor()
        return _extractor


class ExtractJob(QObject):
    """Pre-annotates a snapshot of a record; `finished(record)` or `failed(id, message)` on the UI thread.

    The snapshot is taken on the UI thread, so the analyst may keep editing the original; the
    shell decides what to do with the result (e.g. Project.set_suggestions + reload if untouched).
    """

    finished = Signal(object)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job: Job | None = None

    def start(self, record: Record) -> Job:
        copy = snapshot(record)
        rid = record.id

        def work() -> Record:
            with _extract_lock:         # one extraction at a time: the Extractor's thread safety is not promised
                return shared_extractor().extract(copy)

        self.job = run_in_background(work, self.finished.emit,
                                     lambda ex: self.failed.emit(rid, describe_error(ex)))
        return self.job

    @property
    def running(self) -> bool:
        return self.job is not None and not self.job.finished


# ------------------------------------------------------------------ saving
class SaveQueue(QObject):
    """Serialises saves off the UI thread, in submission order.

    `submit(record)` snapshots the record (so later edits do not race the writer) and queues it;
    a pending save of the same record id is replaced in place (coalescing). The save callback
    validates (Project.save does): the queue itself does not. `saved(id)` and `failed(id, message)`
    arrive on the UI thread; `busy_changed(bool)` drives the status bar; `unsaved(id)` hands out
    what is still on its way to the store. A failed save keeps nothing half-done: the store
    appends atomically, and the record stays in memory, so the next edit saves it again.
    """

    saved = Signal(str)
    failed = Signal(str, str)
    busy_changed = Signal(bool)
    _bg_saved = Signal(str)
    _bg_failed = Signal(str, str)
    _bg_busy = Signal(bool)

    def __init__(self, save: Callable[[Record], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._cond = threading.Condition()
        self._pending: dict[str, Record] = {}
        self._running: str | None = None
        self._running_record: Record | None = None
        self._stop = False
        self._thread: threading.Thread | None = None
        self._busy_announced = False
        self.last_error: str | None = None
        self.saves_done = 0
        self._bg_saved.connect(self._on_saved, _QUEUED)
        self._bg_failed.connect(self._on_failed, _QUEUED)
        self._bg_busy.connect(self._on_busy, _QUEUED)

    # ------------------------------------------------------------- UI thread
    def submit(self, record: Record) -> None:
        copy = snapshot(record)     # no validation here: the save callback (Project.save) validates, once
        with self._cond:
            if self._stop:
                raise RuntimeError("SaveQueue is closed")
            self._pending[record.id] = copy               # same id: replaced, keeps its place in line
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="goftar-save", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    __call__ = submit   # so a SaveQueue can be a Document's on_save hook directly

    @property
    def busy(self) -> bool:
        with self._cond:
            return bool(self._pending) or self._running is not None

    def pending(self) -> int:
        with self._cond:
            return len(self._pending) + (self._running is not None)

    def unsaved(self, rid: str) -> Record | None:
        """A copy of the newest version of `rid` submitted but not yet saved (queued or being
        written), else None: what reopening that article must show instead of the store's."""
        with self._cond:
            record = self._pending.get(rid)
            if record is None and self._running_record is not None and self._running_record.id == rid:
                record = self._running_record
            return None if record is None else snapshot(record)   # the worker may be reading this one

    def flush(self, timeout: float | None = 30.0) -> bool:
        """Block until every submitted save is done (True) or `timeout` passes (False)."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and self._running is None, timeout)

    def close(self, timeout: float | None = 30.0) -> bool:
        ok = self.flush(timeout)
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        return ok

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self.busy_changed.emit(busy)

    @Slot(str)
    def _on_saved(self, rid: str) -> None:
        self.saves_done += 1
        self.saved.emit(rid)

    @Slot(str, str)
    def _on_failed(self, rid: str, message: str) -> None:
        self.last_error = message
        self.failed.emit(rid, message)

    # ------------------------------------------------------------- worker thread
    def _loop(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._stop)
                if not self._pending:
                    return
                rid = next(iter(self._pending))
                record = self._pending.pop(rid)
                self._running, self._running_record = rid, record
            if not self._busy_announced:          # only the worker thread touches this flag
                self._busy_announced = True
                self._bg_busy.emit(True)
            try:
                self._save(record)
            except BaseException as ex:  # report every failure; the worker must survive it
                self._bg_failed.emit(rid, describe_error(ex))
            else:
                self._bg_saved.emit(rid)
            with self._cond:
                self._running, self._running_record = None, None
                idle = not self._pending
                self._cond.notify_all()
            if idle:
                self._busy_announced = False
                self._bg_busy.emit(False)
