"""A keyboard chooser: an editable list whose type-ahead matches anywhere in a label.

`QInputDialog.getItem` completes only from the start of a label, so typing a speaker's family
name ("ترودو" for "جاستین ترودو") or role found nothing. Here the completer pops up every label
that contains the typed text, and Enter on a partial text takes the first label that contains it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QInputDialog, QWidget

from goftar.gui.bidi import strip_isolates


def resolve_choice(text: str, labels: list[str]) -> str | None:
    """The label `text` stands for: itself, else the first label containing it (case-insensitive)."""
    if text in labels:
        return text
    # labels may hold bidi isolates (goftar.gui.bidi) that typed text never has
    needle = strip_isolates(text).strip().casefold()
    if not needle:
        return None
    return next((label for label in labels if needle in strip_isolates(label).casefold()), None)


#: wide enough for "name — role  [id]" of a Persian speaker
COMBO_MIN_WIDTH = 440


class ChoiceDialog(QInputDialog):
    """An editable combo box with contains-matching type-ahead, wide enough for a name and a role."""

    def __init__(self, parent: QWidget | None, title: str, label: str, labels: list[str], current: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("choiceDialog")
        self.setWindowTitle(title)
        self.setLabelText(label)
        self.setComboBoxItems(labels)
        self.setComboBoxEditable(True)
        self.setTextValue(labels[current] if 0 <= current < len(labels) else "")
        self.labels = labels
        combo = self.combo_box()
        if combo is not None:
            # on the combo, not the dialog: QInputDialog's layout resets the dialog's minimum width
            # on show, and a 250 px box cut "name — role" off and hid OK under the completer popup
            combo.setMinimumWidth(COMBO_MIN_WIDTH)
            completer = QCompleter(labels, combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setCompleter(completer)

    def combo_box(self) -> QComboBox | None:
        return self.findChild(QComboBox)

    def chosen(self) -> str | None:
        return resolve_choice(self.textValue(), self.labels)


def choose_item(parent: QWidget | None, title: str, label: str, labels: list[str],
                current: int = 0) -> tuple[str | None, bool]:
    """Run the chooser; (the chosen label, True) or (None, False) when cancelled or nothing matches."""
    dialog = ChoiceDialog(parent, title, label, labels, current)
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None, False
    chosen = dialog.chosen()
    return chosen, chosen is not None
