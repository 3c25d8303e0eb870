"""The F1 dialog: every keyboard shortcut, taken from the live actions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from goftar.gui.i18n import tr


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("dlg.shortcuts_title"))
        self.resize(520, 620)
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([tr("col.action"), tr("col.keys")])
        for r, (label, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(label))
            # isolate the keys as left-to-right, or a Persian layout would mirror "[" into "]"
            table.setItem(r, 1, QTableWidgetItem(f"\u202a{keys}\u202c"))
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("dlg.close"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        lay.addWidget(buttons)
