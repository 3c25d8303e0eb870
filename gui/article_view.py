"""The read-only right-to-left article view with layer highlights, hover and click sync.

A QPlainTextEdit: it lays out block by block on demand, so a 50,000-word article opens without
a freeze, and extra selections paint highlights without touching the document. The text is
shown verbatim; LTR runs (@handles, URLs, Latin dates) are placed by Qt's Unicode bidi
algorithm inside the right-to-left paragraphs, so neither the stored text nor an offset changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCursor,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from goftar.core.model import Record
from goftar.gui.bidi import in_ui_direction, isolate, ltr
from goftar.gui.display_text import DisplayText
from goftar.gui.highlighter import Highlighter, Hit, flash_format, hits_of
from goftar.gui.i18n import digits, tr

FONT_FAMILY = "Vazirmatn"
MIN_SIZE, MAX_SIZE = 9.0, 40.0
FLASH_MS = 700

#: above this many highlights only those near the visible text are handed to Qt: QPlainTextEdit
#: walks every extra selection for every painted block, which freezes on a 50,000-word article
WINDOW_ABOVE = 200
WINDOW_MARGIN = 2000  # UTF-16 units before and after the visible text

# which hit wins where several overlap: the smaller, more specific one
_ROLE_RANK = {"cue": 0, "mention": 1}
_LAYER_RANK = {"dates": 2, "claims": 3, "quotes": 4, "speakers": 1}


class ArticleView(QPlainTextEdit):
    """Shows one record's text and its highlights; reports clicks and selections in code points."""

    #: (layer, item id) of a clicked highlight
    itemClicked = Signal(str, str)
    #: (start, end) code points of the current selection (start == end: caret only)
    selectionOffsetsChanged = Signal(int, int)
    #: ("start"|"end", new start, new end) after the current item's edge was dragged
    spanDragged = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None, *, font_size: float = 15.0) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setMouseTracking(True)
        # keyboard selection keeps the whole review loop usable without a mouse
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        opt = QTextOption()
        opt.setTextDirection(Qt.LayoutDirection.RightToLeft)
        opt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._text_option = opt
        self.document().setDefaultTextOption(opt)
        self.document().setDocumentMargin(18)
        self.setFont(QFont(FONT_FAMILY, 15))
        self.set_font_size(font_size)
        self._record: Record | None = None
        self._text: str | None = None
        self._map = DisplayText("")
        self._highlighter = Highlighter(self.document(), self._map)
        self._hits: list[Hit] = []
        self._show_rejected = False
        self._focus_speaker: str | None = None
        self._flash: list = []
        self._base: list = []
        self._window: tuple[int, int] | None = None
        self._edit_span: tuple[int, int] | None = None
        self._drag: str | None = None
        self._context_actions: list[QAction | None] = []
        #: whether Alt was held when the last mouse selection ended (Alt = no word snapping)
        self.alt_selection = False
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
        self.verticalScrollBar().valueChanged.connect(self._apply_window)
        self.selectionChanged.connect(self._emit_selection)
        self.cursorPositionChanged.connect(self._emit_selection)

    # ------------------------------------------------------------------ content
    @property
    def record(self) -> Record | None:
        return self._record

    @property
    def display(self) -> DisplayText:
        """Record offsets <-> positions of the shown document (which may hold direction marks)."""
        return self._map

    @property
    def hits(self) -> list[Hit]:
        return self._hits

    def set_record(self, record: Record | None) -> None:
        """Show a record; when only its items changed, only the highlights are redone."""
        self._record = record
        text = record.text if record is not None else ""
        if text != self._text:
            self._text = text
            self._map = DisplayText(text)
            # setPlainText scrolls, which re-applies the highlight window: with the old article's
            # highlights still here that computed them against the new text (out of range)
            self._hits = []
            self._flash_timer.stop()
            self._flash = []
            self.setPlainText(self._map.shown)
            self.document().setDefaultTextOption(self._text_option)
            self._highlighter = Highlighter(self.document(), self._map)
            self._focus_speaker = None
            self._edit_span = None
        self.refresh()

    def refresh(self) -> None:
        """Recompute the highlights from the record (after any edit)."""
        if self._record is None:
            self._hits = []
            self.setExtraSelections([])
            return
        self._hits = hits_of(self._record, show_rejected=self._show_rejected)
        self._apply_window()

    def _visible_window(self) -> tuple[int, int] | None:
        """Code points around the visible text, or None when every highlight can be given to Qt."""
        if len(self._hits) <= WINDOW_ABOVE:
            return None
        first = self.firstVisibleBlock().position()
        vp = self.viewport()
        last = self.cursorForPosition(vp.rect().bottomLeft()).block()
        end = last.position() + last.length()
        n = self._map.utf16_length
        return (self._map.to_cp(max(0, first - WINDOW_MARGIN)), self._map.to_cp(min(n, end + WINDOW_MARGIN)))

    def _apply_window(self, *_args: object) -> None:
        if self._record is None:
            return
        window = self._visible_window()
        if window is None and _args and self._window is None:
            return  # scrolling a short article: nothing to redo
        self._window = window
        self._base = self._highlighter.selections(self._hits, self._record, self._focus_speaker, window)
        self.setExtraSelections(self._base + self._flash)

    def _repaint_flash(self) -> None:
        """Only the flash changed: reuse the highlights computed last time."""
        self.setExtraSelections(self._base + self._flash)

    @property
    def show_rejected(self) -> bool:
        return self._show_rejected

    def set_show_rejected(self, show: bool) -> None:
        self._show_rejected = show
        self.refresh()

    def set_focus_speaker(self, speaker_id: str | None) -> None:
        """Highlight every mention and quote of one speaker (None: none)."""
        if speaker_id != self._focus_speaker:
            self._focus_speaker = speaker_id
            self.refresh()

    @property
    def focus_speaker(self) -> str | None:
        return self._focus_speaker

    def set_context_actions(self, actions: list[QAction | None]) -> None:
        """Actions offered in the context menu (None = separator)."""
        self._context_actions = list(actions)

    # ------------------------------------------------------------------ offsets
    def selection_cp(self) -> tuple[int, int]:
        """The current selection as code points (equal when nothing is selected)."""
        c = self.textCursor()
        a = self._map.to_cp(c.selectionStart(), snap="left")
        b = self._map.to_cp(c.selectionEnd(), snap="right")
        return a, b

    def select_cp(self, start: int, end: int) -> None:
        c = QTextCursor(self.document())
        c.setPosition(self._map.to_utf16(start))
        c.setPosition(self._map.to_utf16(end, end=True), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)

    def is_rtl_at(self, cp: int) -> bool:
        """Whether the paragraph holding code point `cp` is laid out right-to-left on screen."""
        block = self.document().findBlock(self._map.to_utf16(cp))
        return block.textDirection() == Qt.LayoutDirection.RightToLeft

    def cp_at(self, pos: QPoint) -> int:
        return self._map.to_cp(self.cursorForPosition(pos).position())

    def hits_at(self, cp: int) -> list[Hit]:
        """The highlights covering code point `cp`, most specific first."""
        found = [h for h in self._hits if h.contains(cp)]
        found.sort(key=lambda h: (_ROLE_RANK.get(h.role, _LAYER_RANK.get(h.layer, 9)), h.end - h.start))
        return found

    def _emit_selection(self) -> None:
        a, b = self.selection_cp()
        self.selectionOffsetsChanged.emit(a, b)

    # ------------------------------------------------------------------ scroll + flash
    def show_span(self, start: int, end: int, *, flash: bool = True) -> None:
        """Scroll to a span and flash it briefly."""
        if self._record is None or not (0 <= start <= end <= len(self._record.text)):
            return
        c = QTextCursor(self.document())
        c.setPosition(self._map.to_utf16(start))
        self.setTextCursor(c)
        self.centerCursor()
        self._apply_window(True)
        if flash and end > start:
            self._flash = [self._highlighter.selection(start, end, flash_format())]
            self._flash_timer.start()
            self._repaint_flash()

    def _end_flash(self) -> None:
        self._flash = []
        self._repaint_flash()

    # ------------------------------------------------------------------ zoom
    def font_size(self) -> float:
        return self.font().pointSizeF()

    def set_font_size(self, size: float) -> None:
        f = self.font()
        f.setPointSizeF(max(MIN_SIZE, min(MAX_SIZE, size)))
        self.setFont(f)

    def zoom(self, steps: int) -> None:
        self.set_font_size(self.font_size() + steps)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy gives the record's own characters, never the display's direction marks."""
        c = self.textCursor()
        data = QMimeData()
        data.setText(self._map.record_slice(c.selectionStart(), c.selectionEnd()))
        return data

    def keyPressEvent(self, e: QKeyEvent) -> None:
        self.alt_selection = False  # a keyboard selection is always snapped to words
        super().keyPressEvent(e)

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self._apply_window(True)

    def wheelEvent(self, e: QWheelEvent) -> None:
        if e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1 if e.angleDelta().y() > 0 else -1)
            e.accept()
            return
        super().wheelEvent(e)

    # ------------------------------------------------------------------ edge dragging
    def set_editable_span(self, span: tuple[int, int] | None) -> None:
        """The current item's range, whose start and end can be dragged with the mouse."""
        self._edit_span = span

    def _edge_at(self, cp: int) -> str | None:
        if self._edit_span is None:
            return None
        start, end = self._edit_span
        if abs(cp - start) <= 1:
            return "start"
        if abs(cp - end) <= 1:
            return "end"
        return None

    def _dragged_range(self, cp: int) -> tuple[int, int]:
        assert self._edit_span is not None and self._drag is not None
        start, end = self._edit_span
        return (min(cp, end - 1), end) if self._drag == "start" else (start, max(cp, start + 1))

    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton and not e.modifiers():
            self._drag = self._edge_at(self.cp_at(e.position().toPoint()))
            if self._drag is not None:
                e.accept()
                return
        super().mousePressEvent(e)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        cp = self.cp_at(e.position().toPoint())
        if self._drag is not None:
            a, b = self._dragged_range(cp)
            self._flash = [self._highlighter.selection(a, b, flash_format())]
            self._repaint_flash()
            e.accept()
            return
        edge = self._edge_at(cp) if not e.buttons() else None
        self.viewport().setCursor(Qt.CursorShape.SizeHorCursor if edge else Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(e)

    # ------------------------------------------------------------------ mouse
    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if self._drag is not None:
            a, b = self._dragged_range(self.cp_at(e.position().toPoint()))
            edge, self._drag = self._drag, None
            self._flash = []
            self._repaint_flash()
            self.spanDragged.emit(edge, a, b)
            e.accept()
            return
        super().mouseReleaseEvent(e)
        self.alt_selection = bool(e.modifiers() & Qt.KeyboardModifier.AltModifier)
        if e.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            found = self.hits_at(self.cp_at(e.position().toPoint()))
            if found:
                self.itemClicked.emit(found[0].layer, found[0].item_id)

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(e.pos())
        if self._context_actions:
            menu.addSeparator()
            for a in self._context_actions:
                if a is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a)
        menu.exec(e.globalPos())
        menu.deleteLater()

    def viewportEvent(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            tip = self.tooltip_at(self.cp_at(e.pos()))
            if tip:
                QToolTip.showText(e.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(e)

    # ------------------------------------------------------------------ tooltip
    def tooltip_at(self, cp: int) -> str:
        """Rich-text description of the items under code point `cp` (kind, speaker, status, confidence)."""
        rec = self._record
        if rec is None:
            return ""
        lines: list[str] = []
        seen: set[tuple[str, str]] = set()
        for h in self.hits_at(cp):
            if (h.layer, h.item_id) in seen:
                continue
            seen.add((h.layer, h.item_id))
            found = rec.item(h.item_id)
            if found is None:
                continue
            layer, it = found
            parts: list[str] = []
            if layer == "quotes":
                sp = rec.speaker(it.speaker)
                parts = [f"<b>{tr('tip.quote')}</b> {ltr(it.id)}", f"{tr('tip.kind')}: {tr('kind.' + it.kind)}",
                         f"{tr('tip.speaker')}: {isolate(sp.name) if sp else '—'}"]
                if it.cue is not None:
                    parts.append(f"{tr('tip.cue')}: {isolate(it.cue.text)}")
            elif layer == "claims":
                src = rec.speaker(it.source)
                parts = [f"<b>{tr('tip.claim')}</b> {ltr(it.id)}",
                         f"{tr('tip.source')}: {isolate(src.name) if src else '—'}"]
            elif layer == "dates":
                parts = [f"<b>{tr('tip.date')}</b> {ltr(it.id)}",
                         f"{ltr(it.jalali or '—')} / {ltr(it.gregorian or '—')}"]
            elif layer == "speakers":
                parts = [f"<b>{tr('tip.mention')}</b> {ltr(it.id)}",
                         in_ui_direction(isolate(it.name) + (f" — {isolate(it.role)}" if it.role else ""))]
            status = getattr(it, "status", None)
            if status:
                parts.append(f"{tr('tip.status')}: {tr('item.' + status)}")
            conf = getattr(it, "confidence", None)
            if conf is not None:
                parts.append(f"{tr('tip.confidence')}: {digits(f'{conf:.2f}')}")
            lines.append("<br>".join(parts))
        return "<hr>".join(lines)
