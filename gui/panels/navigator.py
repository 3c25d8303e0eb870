"""The corpus navigator: the project's articles with review status, filters and progress."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from goftar.core.model import REVIEW_STATUSES
from goftar.gui.i18n import tr
from goftar.gui.models import ArticlesModel, ItemFilterProxy, StatusRole
from goftar.gui.panels.base import item_id_of


class NavigatorPanel(QDockWidget):
    """Dock listing the articles; emits the chosen article id."""

    articleSelected = Signal(str)
    nextUnreviewed = Signal()
    prevUnreviewed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("panel.navigator"), parent)
        self.setObjectName("dock_navigator")
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(2, 2, 2, 2)
        top = QHBoxLayout()
        self.status_combo = QComboBox(body)
        self.status_combo.addItem(tr("nav.all"), None)
        for s in REVIEW_STATUSES:
            self.status_combo.addItem(tr(f"status.{s}"), s)
        self.search = QLineEdit(body)
        self.search.setPlaceholderText(tr("panel.filter"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.status_combo)
        top.addWidget(self.search, 1)
        self.proxy = ItemFilterProxy(parent=self)
        self.table = QTableView(body)
        self.table.setObjectName("table_articles")
        self.table.setModel(self.proxy)
        # import order until the analyst clicks a header: sorting 100,000 rows through Python's
        # data() took seconds on every reset of the model
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells
        self.progress = QProgressBar(body)
        self.progress.setFormat(tr("nav.progress"))
        self.progress.setTextVisible(True)
        buttons = QHBoxLayout()
        self.prev_button = QPushButton(tr("nav.prev"), body)
        self.next_button = QPushButton(tr("nav.next"), body)
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.progress)
        lay.addLayout(buttons)
        self.setWidget(body)
        self.search.textChanged.connect(self.proxy.set_text)
        self.status_combo.currentIndexChanged.connect(self._on_status_filter)
        self.table.activated.connect(self._on_activated)
        self.table.clicked.connect(self._on_activated)
        self.prev_button.clicked.connect(self.prevUnreviewed)
        self.next_button.clicked.connect(self.nextUnreviewed)
        self._syncing = False

    def set_model(self, model: QAbstractItemModel | None) -> None:
        self.proxy.setSourceModel(model)
        if model is not None:
            for sig in (model.modelReset, model.dataChanged, model.rowsInserted, model.rowsRemoved):
                sig.connect(self.update_progress)
        header = self.table.horizontalHeader()
        if model is not None and model.columnCount() == 3:  # id, title, status: the title takes the rest
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
            self.table.setColumnWidth(0, 120)
        self.update_progress()

    def _on_status_filter(self, _index: int) -> None:
        status = self.status_combo.currentData()
        self.proxy.set_statuses(None if status is None else {status})

    def statuses(self) -> list[tuple[str, str]]:
        """(article id, review status) of every article in model order."""
        model = self.proxy.sourceModel()
        if model is None:
            return []
        out = []
        for r in range(model.rowCount()):
            idx = model.index(r, 0)
            out.append((str(item_id_of(idx)), str(idx.data(StatusRole) or "unreviewed")))
        return out

    def update_progress(self, *_args: object) -> None:
        """The bar counts reviewed articles ("n of N reviewed"), from the model's running counts."""
        model = self.proxy.sourceModel()
        counts = model.counts() if isinstance(model, ArticlesModel) else {}
        self.progress.setMaximum(max(1, model.rowCount() if model is not None else 0))
        self.progress.setValue(counts.get("reviewed", 0))

    def select_article(self, article_id: str) -> None:
        self._syncing = True
        try:
            for r in range(self.proxy.rowCount()):
                idx = self.proxy.index(r, 0)
                if item_id_of(idx) == article_id:
                    self.table.setCurrentIndex(idx)
                    self.table.scrollTo(idx)
                    return
        finally:
            self._syncing = False

    def _on_activated(self, index: QModelIndex) -> None:
        if self._syncing or not index.isValid():
            return
        idx = index.siblingAtColumn(0)
        aid = item_id_of(idx)
        if aid:
            self.articleSelected.emit(str(aid))
