"""Item-data roles shared by every panel model, and a text helper for headers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from goftar.gui.i18n import CATALOGUE, tr

#: `index.data(ItemRole)` is the core object of the row (Quote, Speaker, Claim, DateMention, or an article id).
ItemRole = Qt.ItemDataRole.UserRole + 1
#: A sortable key (numbers stay numbers, text sorts in reading order); the proxy sorts on it.
SortRole = Qt.ItemDataRole.UserRole + 2
#: The item's status string ("suggested", "accepted"…; "reviewed"… for articles); the proxy filters on it.
StatusRole = Qt.ItemDataRole.UserRole + 3
#: The item's id.
IdRole = Qt.ItemDataRole.UserRole + 4
#: The text the filter searches in a row (all its cells); cheap: never loads anything from disk.
SearchRole = Qt.ItemDataRole.UserRole + 5


def label(key: str, english: str) -> str:
    """The interface catalogue's text for `key`, or `english` when the catalogue lacks it."""
    return tr(key) if key in CATALOGUE else english
