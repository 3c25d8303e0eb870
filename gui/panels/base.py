"""A dockable table of one item layer: filter box, sortable view, selection <-> item id.

The table's model comes from `goftar.gui.models` (guicore); this panel only adds a proxy for
sorting and filtering and translates row selection into (layer, item id) and back. The core
object of a row is read through the models' `ItemRole`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from goftar.gui.i18n import is_rtl, tr
from goftar.gui.models import IdRole, ItemFilterProxy
from goftar.gui.panels.delegates import ChoiceDelegate, DirectionalChoiceDelegate

#: widths of the short columns; the text column stretches over the rest
COLUMN_WIDTHS: dict[str, int] = {"kind": 76, "speaker": 110, "source": 110, "cue": 84, "status": 84,
                                 "role": 110, "type": 84, "mentions": 64, "quotes": 64}


def item_id_of(index: QModelIndex) -> str | None:
    """The id of a row's item (articles: the id itself), read through the models' IdRole."""
    value: Any = index.data(IdRole)
    return value if isinstance(value, str) and value else None


class ItemPanel(QDockWidget):
    """Dock with a filterable, sortable table over one layer's model."""

    #: (layer, item id) chosen by the user in this panel
    itemSelected = Signal(str, str)

    layer = ""
    title_key = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(self.title_key), parent)
        self.setObjectName(f"dock_{self.layer or type(self).__name__}")
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(2, 2, 2, 2)
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setPlaceholderText(tr("panel.filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self.proxy = ItemFilterProxy(parent=self)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.table = QTableView(body)
        self.table.setObjectName(f"table_{self.layer}")
        self.table.setModel(self.proxy)
        self.table.setItemDelegate((ChoiceDelegate if is_rtl() else DirectionalChoiceDelegate)(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # text order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        lay.addWidget(self.filter_edit)
        lay.addWidget(self.table)
        self.setWidget(body)
        self._syncing = False

    # ------------------------------------------------------------------ model
    def set_model(self, model: QAbstractItemModel | None) -> None:
        self.proxy.setSourceModel(model)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.clicked.connect(lambda idx: self._on_current(idx, QModelIndex()))
        self.configure_columns()

    def source_model(self) -> QAbstractItemModel | None:
        return self.proxy.sourceModel()

    def set_show_rejected(self, show: bool) -> None:
        self.proxy.set_show_rejected(show)

    def configure_columns(self) -> None:
        """The text column takes what the short columns leave, so status stays in view in a docked panel.

        With a fixed 240 px text column the status column of the quotes sat beyond the right edge
        of the default dock. Confidence is hidden (the hover of a highlight shows it); the View
        menu's panels can still be widened and every column resized."""
        model = self.proxy.sourceModel()
        if model is None or model.columnCount() == 0:
            return
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for c in range(model.columnCount()):
            key = getattr(getattr(model, "columns", [None] * (c + 1))[c], "key", "")
            if key in ("text", "name"):
                header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(c, COLUMN_WIDTHS.get(key, 84))
            self.table.setColumnHidden(c, key == "confidence")

    # ------------------------------------------------------------------ selection
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        iid = item_id_of(current.siblingAtColumn(0))
        if iid:
            self.itemSelected.emit(self.layer, iid)

    def current_id(self) -> str | None:
        idx = self.table.currentIndex()
        return item_id_of(idx.siblingAtColumn(0)) if idx.isValid() else None

    def ordered_ids(self) -> list[str]:
        """Item ids in the table's current (sorted, filtered) order."""
        out = []
        for r in range(self.proxy.rowCount()):
            iid = item_id_of(self.proxy.index(r, 0))
            if iid:
                out.append(iid)
        return out

    def select_item(self, item_id: str | None) -> bool:
        """Select the row of `item_id` without re-emitting itemSelected; False when not shown."""
        self._syncing = True
        try:
            if item_id is None:
                self.table.clearSelection()
                return False
            idx = self.proxy.proxy_index_of(item_id)  # via the Document's row index, not a scan
            if not idx.isValid():
                return False
            if self.table.currentIndex().siblingAtColumn(0) != idx:
                self.table.selectionModel().setCurrentIndex(
                    idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(idx)
            return True
        finally:
            self._syncing = False
