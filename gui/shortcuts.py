"""The F1 dialog: every keyboard shortcut, taken from the live actions."""

from __future__ import annotations

from PySide6.QtGui import QFont
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
    """Every shortcut under the title of its menu (File, Edit, Annotate…), as the menus group them."""

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("dlg.shortcuts_title"))
        self.resize(520, 620)
        count = sum(1 + len(rows) for _title, rows in sections)
        table = QTableWidget(count, 2, self)
        table.setHorizontalHeaderLabels([tr("col.action"), tr("col.keys")])
        bold = QFont(table.font())
        bold.setBold(True)
        r = 0
        for title, rows in sections:
            head = QTableWidgetItem(title)
            head.setFont(bold)
            table.setItem(r, 0, head)
            table.setSpan(r, 0, 1, 2)
            r += 1
            for label, keys in rows:
                table.setItem(r, 0, QTableWidgetItem(label))
                # isolate the keys as left-to-right, or a Persian layout would mirror "[" into "]"
                table.setItem(r, 1, QTableWidgetItem(f"\u202a{keys}\u202c"))
                r += 1
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("dlg.close"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        lay.addWidget(buttons)
