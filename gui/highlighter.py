"""Layer highlights for the article view, as QTextEdit.ExtraSelections.

Extra selections are painted over the text without touching the document, so re-highlighting
after an edit never re-lays out the text (cheap on a 50,000-word article) and the stored text
is never altered. Record offsets become document positions through `DisplayText` (and so `Utf16Map`).

Palette: Okabe & Ito's colour-blind-safe set. Each layer differs by colour AND by form
(background, underline, wave), and suggested items are lighter/dotted while accepted ones are
solid, so no distinction rests on hue alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from goftar.core.model import Record
from goftar.gui.display_text import DisplayText

# Okabe-Ito
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#999999"

ACCEPTED_STATUSES = frozenset({"accepted", "edited", "added"})


@dataclass(frozen=True, slots=True)
class Hit:
    """One highlighted range: which item it belongs to and in what role."""

    layer: str  # quotes | claims | dates | speakers
    item_id: str
    role: str  # content | cue | mention
    start: int  # code points, half-open
    end: int
    status: str

    def contains(self, cp: int) -> bool:
        return self.start <= cp < self.end


def hits_of(record: Record, *, show_rejected: bool = False) -> list[Hit]:
    """Every range to highlight, in paint order (backgrounds first, underlines last)."""
    hits: list[Hit] = []

    def visible(status: str) -> bool:
        return show_rejected or status != "rejected"

    for q in record.quotes:
        if visible(q.status):
            hits.append(Hit("quotes", q.id, "content", q.start, q.end, q.status))
    for d in record.dates:
        if visible(d.status):
            hits.append(Hit("dates", d.id, "content", d.start, d.end, d.status))
    for s in record.speakers:
        status = "accepted" if s.origin == "human" else str(s.extra.get("status", "suggested"))
        for m in s.mentions:
            hits.append(Hit("speakers", s.id, "mention", m.start, m.end, status))
    for c in record.claims:
        if visible(c.status):
            hits.append(Hit("claims", c.id, "content", c.start, c.end, c.status))
    for q in record.quotes:
        if q.cue is not None and visible(q.status):
            hits.append(Hit("quotes", q.id, "cue", q.cue.start, q.cue.end, q.status))
    return hits


def _color(hex_: str, alpha: int) -> QColor:
    c = QColor(hex_)
    c.setAlpha(alpha)
    return c


def hit_format(hit: Hit) -> QTextCharFormat:
    """The look of one hit: layer colour and form, lighter/dotted when only suggested."""
    f = QTextCharFormat()
    accepted = hit.status in ACCEPTED_STATUSES
    if hit.status == "rejected":
        f.setFontStrikeOut(True)
        f.setForeground(QBrush(QColor(GREY)))
        return f
    if hit.role == "cue":
        f.setUnderlineColor(QColor(VERMILLION))
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline if accepted
                            else QTextCharFormat.UnderlineStyle.DashUnderline)
        f.setForeground(QBrush(QColor(VERMILLION)))
    elif hit.layer == "quotes":
        f.setBackground(QBrush(_color(SKY_BLUE, 110 if accepted else 50)))
    elif hit.layer == "speakers":
        f.setBackground(QBrush(_color(ORANGE, 150 if accepted else 80)))
    elif hit.layer == "dates":
        f.setBackground(QBrush(_color(REDDISH_PURPLE, 130 if accepted else 60)))
    elif hit.layer == "claims":
        f.setUnderlineColor(QColor(BLUISH_GREEN))
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline if accepted
                            else QTextCharFormat.UnderlineStyle.DotLine)
    return f


def focus_format() -> QTextCharFormat:
    """Mentions and quotes of the speaker selected in the Speakers panel."""
    f = QTextCharFormat()
    f.setBackground(QBrush(_color(YELLOW, 170)))
    return f


def flash_format() -> QTextCharFormat:
    f = QTextCharFormat()
    f.setBackground(QBrush(QColor(YELLOW)))
    f.setForeground(QBrush(QColor("#000000")))
    return f


LEGEND: tuple[tuple[str, Hit], ...] = (
    ("legend.quote", Hit("quotes", "", "content", 0, 0, "accepted")),
    ("legend.cue", Hit("quotes", "", "cue", 0, 0, "accepted")),
    ("legend.speaker", Hit("speakers", "", "mention", 0, 0, "accepted")),
    ("legend.claim", Hit("claims", "", "content", 0, 0, "accepted")),
    ("legend.date", Hit("dates", "", "content", 0, 0, "accepted")),
)


class Highlighter:
    """Turns a record's items into extra selections over one QTextDocument.

    Selections are cached by (range, layer, role, status): after an edit only the hits that
    changed get a new QTextCursor, so re-highlighting costs little even with thousands of items.
    """

    def __init__(self, document: QTextDocument, display: DisplayText) -> None:
        self._doc = document
        self._map = display
        self._cache: dict[tuple, QTextEdit.ExtraSelection] = {}
        self._formats: dict[tuple[str, str, str], QTextCharFormat] = {}

    def selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(self._doc)
        cur.setPosition(self._map.to_utf16(start))
        cur.setPosition(self._map.to_utf16(end, end=True), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        sel.format = fmt
        return sel

    def selections(self, hits: Iterable[Hit], record: Record, focus_speaker: str | None = None,
                   window: tuple[int, int] | None = None) -> list[QTextEdit.ExtraSelection]:
        """Selections for `hits` (only those meeting the code-point `window`, when given)."""
        formats = self._formats
        old, new = self._cache, {}
        out: list[QTextEdit.ExtraSelection] = []
        lo, hi = window if window is not None else (0, len(record.text) + 1)
        for h in hits:
            if h.end < lo or h.start > hi:
                continue
            key = (h.start, h.end, h.layer, h.role, h.status)
            sel = old.get(key) or new.get(key)
            if sel is None:
                fkey = (h.layer, h.role, h.status)
                fmt = formats.get(fkey)
                if fmt is None:
                    fmt = formats[fkey] = hit_format(h)
                sel = self.selection(h.start, h.end, fmt)
            new[key] = sel
            out.append(sel)
        self._cache = new
        if focus_speaker is not None:
            ff = focus_format()
            sp = record.speaker(focus_speaker)
            for m in sp.mentions if sp else ():
                if lo <= m.end and m.start <= hi:
                    out.append(self.selection(m.start, m.end, ff))
            for q in record.quotes:
                if q.speaker == focus_speaker and q.status != "rejected" and lo <= q.end and q.start <= hi:
                    out.append(self.selection(q.start, q.end, ff))
        return out
