"""Inline editors: a combo box with type-ahead where the model offers choices (kind, speaker)."""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QStyledItemDelegate, QStyleOptionViewItem, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex


def _source(index: AnyIndex) -> tuple[Any, QModelIndex]:
    model: QAbstractItemModel = index.model()
    idx = QModelIndex(index)
    while isinstance(model, QSortFilterProxyModel):
        idx = model.mapToSource(idx)
        model = model.sourceModel()
    return model, idx


def starts_right_to_left(text: str) -> bool:
    """True when the first strongly directional character is Arabic-script or Hebrew (bidi R/AL)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


class ChoiceDelegate(QStyledItemDelegate):
    """Uses the source model's `choices(column)` ((value, label) pairs) for an editable combo."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        model, src = _source(index)
        choices = model.choices(src.column()) if hasattr(model, "choices") else []
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for value, text in choices:
            combo.addItem(text, value)
        comp = combo.completer()
        if comp is not None:
            comp.setFilterMode(Qt.MatchFlag.MatchContains)
            comp.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            i = editor.findData(value)
            if i < 0:
                i = editor.findText(str(value or ""))
            editor.setCurrentIndex(max(i, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            i = editor.findText(editor.currentText())
            if i < 0:
                return  # typed text that names no choice: no edit
            model.setData(index, editor.itemData(i), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class DirectionalChoiceDelegate(ChoiceDelegate):
    """For the English interface: Persian cells are laid out right-to-left and aligned right.

    A separate class because a Python initStyleOption runs for every painted cell; the Persian
    interface, which lays cells out right-to-left anyway, does without it.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Persian cells read right-to-left and align right even in the English interface."""
        super().initStyleOption(option, index)
        text = option.text
        if text and starts_right_to_left(text):
            option.direction = Qt.LayoutDirection.RightToLeft
            option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
