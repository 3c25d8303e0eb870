"""Sorting and filtering for every panel: hides rejected items unless asked, filters by status and text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from goftar.core.text.fold import fold

from .roles import ItemRole, SearchRole, SortRole, StatusRole


def _key(text: str) -> str:
    """The text layer's 1:1 fold makes «علی» find «علي»."""
    return fold(text).casefold()


class ItemFilterProxy(QSortFilterProxyModel):
    """A proxy over an ItemTableModel (or ArticlesModel).

    - `show_rejected` (default False): rejected items are hidden, as in the article view;
    - `set_statuses({...})`: only these statuses (None: all);
    - `set_text("…")`: rows whose visible cells contain the text (Arabic/Persian letter forms folded).
    Sorting uses SortRole, so offsets sort numerically (text order) and confidences as numbers.
    """

    def __init__(self, source: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._show_rejected = False
        self._statuses: frozenset[str] | None = None
        self._text = ""
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)
        if source is not None:
            self.setSourceModel(source)

    # ------------------------------------------------------------- settings
    def _changing(self, apply: Any) -> None:
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:       # Qt ≥ 6.9: the non-deprecated way
            begin()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            apply()
            self.invalidateFilter()

    @property
    def show_rejected(self) -> bool:
        return self._show_rejected

    def set_show_rejected(self, show: bool) -> None:
        if bool(show) != self._show_rejected:
            self._changing(lambda: setattr(self, "_show_rejected", bool(show)))

    def set_statuses(self, statuses: Iterable[str] | None) -> None:
        value = None if statuses is None else frozenset(statuses)
        if value != self._statuses:
            self._changing(lambda: setattr(self, "_statuses", value))

    def set_text(self, text: str) -> None:
        value = _key(text.strip())
        if value != self._text:
            self._changing(lambda: setattr(self, "_text", value))

    # ------------------------------------------------------------- mapping helpers
    def item_at(self, proxy_row: int) -> Any:
        return self.index(proxy_row, 0).data(ItemRole)

    def proxy_index_of(self, item_id: str, column: int = 0) -> QModelIndex:
        src = self.sourceModel()
        if src is None or not hasattr(src, "index_of"):
            return QModelIndex()
        s = src.index_of(item_id, column)
        return self.mapFromSource(s) if s.isValid() else QModelIndex()

    # ------------------------------------------------------------- filtering
    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        src = self.sourceModel()
        fast = not source_parent.isValid() and hasattr(src, "row_status")
        # our models answer in Python directly: no QModelIndex/QVariant round trip per row
        status = src.row_status(source_row) if fast else src.index(source_row, 0, source_parent).data(StatusRole)
        if status == "rejected" and not self._show_rejected and (self._statuses is None
                                                                 or "rejected" not in self._statuses):
            return False
        if self._statuses is not None and status not in self._statuses:
            return False
        if not self._text:
            return True
        if fast:
            return self._text in _key(src.row_search_text(source_row))
        searchable = src.index(source_row, 0, source_parent).data(SearchRole)
        if searchable is not None:
            return self._text in _key(str(searchable))
        display = Qt.ItemDataRole.DisplayRole
        for col in range(src.columnCount(source_parent)):
            value = src.index(source_row, col, source_parent).data(display)
            if value is not None and self._text in _key(str(value)):
                return True
        return False
