"""One line above the article: title, source, publication date and review state (Jalali + Gregorian)."""

from __future__ import annotations

import datetime as dt
import re
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from goftar.core.model import Record
from goftar.gui.i18n import digits, is_rtl, tr


def both_calendars(gregorian: str | None = None, jalali: str | None = None) -> str:
    """'1403-06-23 (2024-09-13)' from either date (ISO), converted with jdatetime."""
    import jdatetime

    try:
        if gregorian and not jalali:
            g = dt.date.fromisoformat(gregorian[:10])
            jalali = jdatetime.date.fromgregorian(date=g).isoformat()
        elif jalali and not gregorian:
            y, m, d = (int(x) for x in jalali[:10].split("-"))
            gregorian = jdatetime.date(y, m, d).togregorian().isoformat()
    except (ValueError, TypeError):
        pass
    if not (gregorian or jalali):
        return ""
    return f"{digits(jalali or '—')} ({gregorian or '—'})"


def timestamp_both(iso: str | None) -> str:
    """A review timestamp ('2026-11-27T10:00:00Z') in Jalali and Gregorian."""
    if not iso:
        return ""
    try:
        t = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return both_calendars(gregorian=t.date().isoformat()) + f" {t:%H:%M}"


def short_source(source: str, limit: int = 40) -> str:
    """The last path part of a long source ('…/roozno_data_6.txt'); short sources and URLs' hosts as given."""
    if len(source) <= limit:
        return source
    tail = source.replace(":", "/").rstrip("/").rsplit("/", 1)[-1]
    tail = tail if len(tail) <= limit else tail[: limit - 1] + "…"
    return "…/" + tail


_LATIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?: [0-9]{2}:[0-9]{2})?")  # not \d: it matches Persian digits too


def isolate_latin_dates(text: str) -> str:
    """Latin-digit dates wrapped in left-to-right isolates (LRI…PDI).

    After Persian letters the bidi algorithm takes European digits for Arabic ones, and the
    hyphens between them no longer join: "2020-02-06" showed as "06-02-2020" in the Persian header."""
    return _LATIN_DATE.sub(lambda m: f"\u2066{m.group(0)}\u2069", text)


class ArticleHeader(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setMargin(6)

    def show_record(self, record: Record | None) -> None:
        if record is None:
            self.setText("")
            return
        meta = record.meta or {}
        title = meta.get("title") or record.id
        parts: list[str] = []
        source = str(meta.get("source") or "")
        if source:
            # a dataset path like 'owner/repo@<40 hex>:dir/file.txt' wrapped over two lines and
            # pushed the dates out of sight: its last part here, the whole in the tooltip
            # isolated left to right, or the Persian line moved the leading "…/" to its end
            parts.append("\u2066" + escape(short_source(source)) + "\u2069")
        self.setToolTip(escape(source) if source and short_source(source) != source else "")
        pub = meta.get("published")
        if isinstance(pub, dict):
            when = both_calendars(pub.get("gregorian"), pub.get("jalali"))
            if when:
                parts.append(f"{tr('col.published')}: {isolate_latin_dates(when) if is_rtl() else when}")
        status = record.review_status
        review = f"{tr('col.status')}: {tr('status.' + status)}"
        if record.review and record.review.updated:
            stamp = timestamp_both(record.review.updated)
            review += f" — {isolate_latin_dates(stamp) if is_rtl() else stamp}"
            if record.review.annotator:
                review += f" ({escape(record.review.annotator)})"
        parts.append(review)
        # the title a paragraph of its own (its direction from its text), the details one in the
        # interface's direction: on one line a Persian title turned an English details line around
        # both lines start on the interface's side (an id as title sat left in the Persian window)
        ui_dir, start = ("rtl", "right") if is_rtl() else ("ltr", "left")
        self.setText(f"<p align='{start}' style='margin:0'><b>{escape(str(title))}</b></p>"
                     f"<p dir='{ui_dir}' style='margin:0'>{' · '.join(parts)}</p>")
