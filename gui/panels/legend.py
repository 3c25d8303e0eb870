"""The legend: each layer's look, painted by the same code as the article view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QPlainTextEdit, QTextEdit, QWidget

from goftar.gui.highlighter import LEGEND, Hit, hit_format
from goftar.gui.i18n import tr


class LegendPanel(QDockWidget):
    """A small read-only text listing the layers, accepted (solid) and suggested (light) side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("panel.legend"), parent)
        self.setObjectName("dock_legend")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do there: no stop for Tab
        self.text.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.text.setMaximumHeight(140)
        lines = []
        ranges: list[tuple[int, int, Hit]] = []
        pos = 0
        for key, hit in LEGEND:
            label = tr(key)
            accepted = hit
            suggested = Hit(hit.layer, "", hit.role, 0, 0, "suggested")
            line = f"{label}   {tr('item.accepted')}   {tr('item.suggested')}"
            a = pos + len(label) + 3
            ranges.append((a, a + len(tr("item.accepted")), accepted))
            s = a + len(tr("item.accepted")) + 3
            ranges.append((s, s + len(tr("item.suggested")), suggested))
            lines.append(line)
            pos += len(line) + 1
        self.text.setPlainText("\n".join(lines))
        sels = []
        for start, end, hit in ranges:
            # legend strings are BMP-only, so code points equal UTF-16 positions here
            c = QTextCursor(self.text.document())
            c.setPosition(start)
            c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = c
            sel.format = hit_format(hit)
            sels.append(sel)
        self.text.setExtraSelections(sels)
        self.setWidget(self.text)
