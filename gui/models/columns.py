"""Declarative columns: what a cell shows, how it sorts and which command an inline edit makes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from goftar.core.commands import Command
from goftar.core.document import Document

Getter = Callable[[Document, Any], Any]
Editor = Callable[[Document, Any, Any], Command | None]


@dataclass(frozen=True)
class Column:
    key: str
    header_key: str
    header: str                        # English header (used when the catalogue lacks header_key)
    display: Getter
    sort: Getter | None = None         # defaults to display
    edit_value: Getter | None = None   # EditRole value (defaults to display)
    command: Editor | None = None      # makes the column editable
    tooltip: Getter | None = None


def one_line(text: str | None, limit: int = 160) -> str:
    """Cell text: white space collapsed, long texts cut with an ellipsis (the tooltip shows all)."""
    if not text:
        return ""
    s = " ".join(text.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"
