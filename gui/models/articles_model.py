"""The corpus navigator's model: a project's articles with their review status.

Reads `goftar.core.store.Project` (ids in import order, the cheap status index). Titles live
inside the records, so they are read lazily — for rows a view actually shows — and, for projects
up to `BACKGROUND_TITLES` articles, all at once on a worker thread after opening, so the text
filter can search them without ever loading a record on the UI thread. Review statuses are read
once per `refresh()` (after opening or an import) and then kept by `refresh_status(id, status)`,
which the shell calls after every edit that changes one.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from goftar.core.errors import GoftarError
from goftar.core.model import REVIEW_STATUSES
from goftar.gui.i18n import is_rtl

from .roles import IdRole, ItemRole, SearchRole, SortRole, StatusRole, label

AnyIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_COLUMNS = (("id", "col.id", "Article"), ("title", "col.title", "Title"), ("status", "col.status", "Status"))
_DONE = ("reviewed", "skipped")


class ArticlesModel(QAbstractTableModel):
    """Rows = `project.ids()`; ItemRole gives the article id."""

    #: read every title on a worker after opening a project of at most this many articles
    BACKGROUND_TITLES = 5000

    def __init__(self, project: Any = None, parent: Any = None, *, background_titles: bool = True) -> None:
        super().__init__(parent)
        self._project: Any = None
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._titles: dict[str, str] = {}
        #: review status per article, read once per refresh and then kept by refresh_status, so that
        #: painting, filtering and the progress count never ask the store row by row
        self._status: dict[str, str] = {}
        self._counts: Counter[str] = Counter()
        self._background_titles = background_titles
        self.titles_job: Any = None
        if project is not None:
            self.set_project(project)

    # ------------------------------------------------------------- project
    @property
    def project(self) -> Any:
        return self._project

    def set_project(self, project: Any) -> None:
        self._project = project
        self.refresh()

    def refresh(self) -> None:
        """Re-read the article list (after an import or a reopen)."""
        self.beginResetModel()
        self._ids = list(self._project.ids()) if self._project is not None else []
        self._row = {rid: i for i, rid in enumerate(self._ids)}
        self._titles.clear()
        self._status = {rid: self._read_status(rid) for rid in self._ids}
        self._counts = Counter(self._status.values())
        self.endResetModel()
        if self._background_titles and self._project is not None and 0 < len(self._ids) <= self.BACKGROUND_TITLES:
            self._load_titles()

    def _load_titles(self) -> None:
        from goftar.gui.workers import run_in_background

        project, ids = self._project, list(self._ids)

        def read() -> dict[str, str]:
            out: dict[str, str] = {}
            for rid in ids:
                if project is not self._project or getattr(project, "closed", False):
                    break   # another project was opened meanwhile
                out[rid] = self._read_title(rid, project)
            return out

        def done(titles: dict[str, str]) -> None:
            if project is not self._project or not titles:
                return
            self._titles.update(titles)
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._ids) - 1, 1))

        self.titles_job = run_in_background(read, done, lambda _ex: None)

    def refresh_status(self, article_id: str, status: str | None = None) -> None:
        """One article's status changed: `status` when the caller knows it (the open article's, which
        may still be on its way to the store), else read from the store. The counts follow."""
        row = self._row.get(article_id)
        if row is None:
            return
        old, new = self._status.get(article_id), status or self._read_status(article_id)
        if old != new:
            self._status[article_id] = new
            self._counts[new] += 1
            if old is not None:
                self._counts[old] -= 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(_COLUMNS) - 1))

    # ------------------------------------------------------------- queries
    def article_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: str) -> int | None:
        return self._row.get(article_id)

    def index_of(self, article_id: str, column: int = 0) -> QModelIndex:
        row = self._row.get(article_id)
        return self.index(row, column) if row is not None else QModelIndex()

    def status(self, article_id: str) -> str:
        return self._status.get(article_id, "unreviewed")

    def _read_status(self, article_id: str) -> str:
        if self._project is None:
            return "unreviewed"
        try:
            return self._project.review_status(article_id)
        except (GoftarError, KeyError):
            return "unreviewed"

    def counts(self) -> dict[str, int]:
        """Articles per review status (every status listed)."""
        return {s: self._counts.get(s, 0) for s in REVIEW_STATUSES}

    def progress(self) -> tuple[int, int]:
        """(articles reviewed or skipped, all articles)."""
        return sum(self._counts.get(s, 0) for s in _DONE), len(self._ids)

    def next_unreviewed(self, current: str | None = None, *, backwards: bool = False) -> str | None:
        """The next (or previous) article not yet reviewed or skipped, wrapping around; None when all are."""
        n = len(self._ids)
        if not n:
            return None
        before_first = n if backwards else -1
        start = self._row.get(current, before_first) if current is not None else before_first
        step = -1 if backwards else 1
        for k in range(1, n + 1):
            rid = self._ids[(start + step * k) % n]
            if rid != current and self.status(rid) not in _DONE:
                return rid
        return None

    def row_status(self, row: int) -> str:
        rid = self.article_id(row)
        return self.status(rid) if rid is not None else "unreviewed"

    def row_search_text(self, row: int) -> str:
        rid = self.article_id(row)
        return "" if rid is None else f"{rid}\n{self._titles.get(rid, '')}"

    def title(self, article_id: str) -> str:
        if article_id not in self._titles:
            self._titles[article_id] = self._read_title(article_id)
        return self._titles[article_id]

    def _read_title(self, article_id: str, project: Any = None) -> str:
        p = project if project is not None else self._project
        getter = getattr(p, "title", None)
        try:
            if callable(getter):
                return getter(article_id) or ""
            meta = p.load(article_id).meta or {}
        except (GoftarError, KeyError, OSError):
            return ""
        title = meta.get("title")
        return title if isinstance(title, str) else ""

    # ------------------------------------------------------------- Qt model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(_COLUMNS):
                _, key, english = _COLUMNS[section]
                return label(key, english)
            return None
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        rid = self.article_id(index.row())
        col = index.column()
        if rid is None or not 0 <= col < len(_COLUMNS):
            return None
        key = _COLUMNS[col][0]
        if role in (ItemRole, IdRole):
            return rid
        if role == StatusRole:
            return self.status(rid)
        if role == SearchRole:      # never loads: titles not read yet are not searched yet
            return self.row_search_text(index.row())
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole, SortRole):
            if key == "id":
                if role == SortRole:
                    return index.row()
                # an id is a left-to-right name: isolated, or a Persian table drew "roozno-2020-…"
                # as "…-roozno-2020" (its trailing hyphen and ellipsis taken for right-to-left)
                return f"\u2066{rid}\u2069" if role == _DISPLAY and is_rtl() else rid
            if key == "title":
                return self.title(rid)
            st = self.status(rid)
            if role == SortRole:
                return REVIEW_STATUSES.index(st) if st in REVIEW_STATUSES else 99
            return label(f"status.{st}", st)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
