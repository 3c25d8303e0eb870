"""The one adapter every panel model derives from: a record layer as a QAbstractTableModel.

Rows read the Document's live layer list (`document.record.quotes` …); nothing is copied. When
the Document reports `Changes`, row inserts/removes are replayed with begin/endInsertRows and
begin/endRemoveRows in the order they happened (a short-lived list of the old rows bridges the
signals, since the record has already changed), changed ids become precise dataChanged ranges,
and a change of many rows becomes a model reset. Inline edits never touch the record: `setData`
turns the value into a core command and hands it to the executor (the shell pushes it on the
undo stack) or emits `edit_requested`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from goftar.core.commands import Changes, Command
from goftar.core.document import Document
from goftar.core.errors import GoftarError

from .columns import Column, one_line
from .roles import IdRole, ItemRole, SearchRole, SortRole, StatusRole, label

AnyIndex = QModelIndex | QPersistentModelIndex
Executor = Callable[[Command], Any]

_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole


class ItemTableModel(QAbstractTableModel):
    """Rows = items of one layer of `document.record`; columns from `make_columns()`."""

    #: a command for the undo stack, when no executor was given
    edit_requested = Signal(object)
    #: a readable message when an inline edit was refused by the core (CommandError)
    edit_failed = Signal(str)

    layer: ClassVar[str] = ""
    #: more row inserts/removes than this in one change → one model reset instead
    RESET_THRESHOLD: ClassVar[int] = 64

    def __init__(self, document: Document | None = None, *, executor: Executor | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._doc: Document | None = None
        self._old_rows: list | None = None      # only while replaying row changes
        self.executor = executor
        self.columns: list[Column] = self.make_columns()
        if document is not None:
            self.set_document(document)

    # ------------------------------------------------------------- subclass API
    def make_columns(self) -> list[Column]:  # pragma: no cover - abstract
        raise NotImplementedError

    def choices(self, column: int) -> list[tuple[Any, str]]:
        """(value, label) pairs an editor offers for a column (combo boxes); empty → free text."""
        return []

    # ------------------------------------------------------------- document
    @property
    def document(self) -> Document | None:
        return self._doc

    def set_document(self, document: Document | None) -> None:
        self.beginResetModel()
        if self._doc is not None:
            self._doc.changed.disconnect(self._on_changed)
        self._doc = document
        if document is not None:
            document.changed.connect(self._on_changed)
        self.endResetModel()

    def items(self) -> list:
        if self._old_rows is not None:
            return self._old_rows
        return getattr(self._doc.record, self.layer) if self._doc is not None else []

    def item_at(self, row: int) -> Any:
        items = self.items()
        return items[row] if 0 <= row < len(items) else None

    def row_status(self, row: int) -> str:
        """StatusRole without a QModelIndex round trip (the filter proxy asks for every row)."""
        return getattr(self.item_at(row), "status", "accepted")

    def row_search_text(self, row: int) -> str:
        """SearchRole without a QModelIndex round trip."""
        item = self.item_at(row)
        doc = self._doc
        if item is None or doc is None:
            return ""
        return "\n".join(str(c.display(doc, item)) for c in self.columns)

    def row_of(self, item_id: str) -> int | None:
        return self._doc.row_of(self.layer, item_id) if self._doc is not None else None

    def index_of(self, item_id: str, column: int = 0) -> QModelIndex:
        row = self.row_of(item_id)
        return self.index(row, column) if row is not None else QModelIndex()

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    # ------------------------------------------------------------- Qt model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                c = self.columns[section]
                return label(c.header_key, c.header)
            return None
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or self._doc is None:
            return None
        item = self.item_at(index.row())
        col = index.column()
        if item is None or not 0 <= col < len(self.columns):
            return None
        c = self.columns[col]
        doc = self._doc
        if role == _DISPLAY:
            return c.display(doc, item)
        if role == ItemRole:
            return item
        if role == IdRole:
            return getattr(item, "id", None)
        if role == StatusRole:
            return getattr(item, "status", "accepted")
        if role == SearchRole:
            return self.row_search_text(index.row())
        if role == SortRole:
            return (c.sort or c.display)(doc, item)
        if role == _EDIT:
            return (c.edit_value or c.display)(doc, item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.tooltip(doc, item) if c.tooltip else c.display(doc, item)
        if role == Qt.ItemDataRole.FontRole:
            status = getattr(item, "status", None)
            if status in ("suggested", "rejected"):
                f = QFont()
                f.setItalic(status == "suggested")
                f.setStrikeOut(status == "rejected")
                return f
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if 0 <= index.column() < len(self.columns) and self.columns[index.column()].command is not None:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index: AnyIndex, value: Any, role: int = _EDIT) -> bool:
        if role != _EDIT or not index.isValid() or self._doc is None:
            return False
        item = self.item_at(index.row())
        c = self.columns[index.column()] if 0 <= index.column() < len(self.columns) else None
        if item is None or c is None or c.command is None:
            return False
        try:
            cmd = c.command(self._doc, item, value)
            if cmd is None:
                return False
            result = self.execute(cmd)
        except GoftarError as ex:
            self.edit_failed.emit(str(ex))
            return False
        return result is not False      # an executor may answer False when it refused the edit

    def execute(self, cmd: Command) -> Any:
        """Send a command to the executor (undo stack), or announce it when there is none."""
        if self.executor is not None:
            return self.executor(cmd)
        self.edit_requested.emit(cmd)
        return None

    # ------------------------------------------------------------- refresh from Changes
    def _on_changed(self, changes: Changes) -> None:
        if changes.reset:
            self.beginResetModel()
            self.endResetModel()
            return
        ops = changes.rows_of(self.layer)
        if len(ops) > self.RESET_THRESHOLD:
            self.beginResetModel()
            self.endResetModel()
            return
        if ops:
            self._replay_rows(ops)
        ids = set(changes.ids) if self.layer in changes.layers else set()
        ids |= self.dependent_ids(changes)
        rows = sorted({r for i in ids if (r := self.row_of(i)) is not None})
        self._emit_rows_changed(rows)

    def dependent_ids(self, changes: Changes) -> set[str]:
        """Ids of this layer whose cells show something another layer's edit changed (names, counts)."""
        return set()

    def _emit_rows_changed(self, rows: list[int]) -> None:
        """dataChanged per contiguous run of rows, so proxies re-check only those rows."""
        last = len(self.columns) - 1
        i = 0
        while i < len(rows):
            j = i
            while j + 1 < len(rows) and rows[j + 1] == rows[j] + 1:
                j += 1
            self.dataChanged.emit(self.index(rows[i], 0), self.index(rows[j], last))
            i = j + 1

    def _replay_rows(self, ops: list) -> None:
        assert self._doc is not None
        old = list(getattr(self._doc.record, self.layer))
        for op in reversed(ops):          # walk back to the rows the views still show
            if op.op == "insert":
                del old[op.index]
            else:
                old.insert(op.index, op.item)
        self._old_rows = old
        try:
            for op in ops:
                if op.op == "insert":
                    self.beginInsertRows(QModelIndex(), op.index, op.index)
                    old.insert(op.index, op.item)
                    self.endInsertRows()
                else:
                    self.beginRemoveRows(QModelIndex(), op.index, op.index)
                    del old[op.index]
                    self.endRemoveRows()
        finally:
            self._old_rows = None

    # ------------------------------------------------------------- helpers for subclasses
    @staticmethod
    def status_label(status: str) -> str:
        return label(f"item.{status}", status)

    @staticmethod
    def speaker_name(doc: Document, sid: str | None) -> str:
        sp = doc.get(sid) if sid else None
        return sp.name if sp is not None else ""

    @staticmethod
    def cell_text(text: str | None) -> str:
        return one_line(text)
