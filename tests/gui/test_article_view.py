"""The article view on its own: right-to-left layout, highlights in agreement with record offsets
(emoji, ZWNJ, LTR runs), hover, click and flash."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontInfo, QTextCursor

from goftar.core.model import Claim, DateMention, Quote, Record, Span, Speaker
from goftar.core.schema import record_to_dict
from goftar.gui.app import load_fonts
from goftar.gui.article_view import ArticleView
from goftar.gui.display_text import LRM, DisplayText
from goftar.gui.highlighter import hit_format, hits_of

TEXT = ("👨‍👩‍👧 خبرنگار 😀 نوشت: «گفت‌وگو ادامه دارد» و @KayhanLondon در ۲۳ شهریور ۱۴۰۳ "
        "به نقل از https://example.com/x گزارش داد 🇮🇷 که سفر لغو شد.")


def sp(needle: str) -> Span:
    i = TEXT.index(needle)
    return Span.of(TEXT, i, i + len(needle))


def record() -> Record:
    s1 = Speaker(id="s1", name="خبرنگار", mentions=[sp("خبرنگار")])
    s2 = Speaker(id="s2", name="KayhanLondon", type="media", mentions=[sp("@KayhanLondon")])
    q1 = Quote(id="q1", kind="direct", cue=sp("نوشت"), speaker="s1", speaker_mention=s1.mentions[0],
               status="accepted", **_at("گفت‌وگو ادامه دارد"))
    q2 = Quote(id="q2", kind="indirect", cue=sp("گزارش داد"), speaker="s2", speaker_mention=s2.mentions[0],
               **_at("سفر لغو شد"))
    q3 = Quote(id="q3", kind="indirect", status="rejected", **_at("به نقل از"))
    c1 = Claim(id="c1", source="s2", quote="q2", **_at("سفر لغو شد"))
    d1 = DateMention(id="d1", jalali="1403-06-23", gregorian="2024-09-13", **_at("۲۳ شهریور ۱۴۰۳"))
    rec = Record(id="emoji", text=TEXT, speakers=[s1, s2], quotes=[q1, q2, q3], claims=[c1], dates=[d1])
    record_to_dict(rec)
    return rec


def _at(needle: str) -> dict:
    s = sp(needle)
    return {"start": s.start, "end": s.end, "text": s.text}


@pytest.fixture
def view(qtbot) -> ArticleView:
    load_fonts()
    v = ArticleView()
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.show()
    v.set_record(record())
    return v


def test_text_is_verbatim_and_laid_out_right_to_left(view: ArticleView) -> None:
    # the document adds only invisible left-to-right marks (before Latin handles), never anything else
    assert view.toPlainText().replace(LRM, "") == TEXT
    assert view.record.text == TEXT
    opt = view.document().defaultTextOption()
    assert opt.textDirection() == Qt.LayoutDirection.RightToLeft
    assert opt.alignment() & Qt.AlignmentFlag.AlignRight
    assert QFontInfo(view.font()).family() == "Vazirmatn"  # the bundled font, not a fallback


@pytest.mark.parametrize("item_id", ["q1", "q2", "d1", "c1", "s2"])
def test_highlight_ranges_agree_with_record_offsets_after_emoji(view: ArticleView, item_id: str) -> None:
    rec = view.record
    _layer, item = rec.item(item_id)
    if item_id.startswith("s"):
        item = item.mentions[0]
    m = view.display
    sels = view.extraSelections()
    ranges = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in sels}
    assert (m.to_utf16(item.start), m.to_utf16(item.end, end=True)) in ranges
    # and the selected UTF-16 range reads back as exactly the item's text
    c = QTextCursor(view.document())
    c.setPosition(m.to_utf16(item.start))
    c.setPosition(m.to_utf16(item.end, end=True), QTextCursor.MoveMode.KeepAnchor)
    assert c.selectedText() == item.text


def test_selection_round_trips_to_code_points(view: ArticleView) -> None:
    s = sp("سفر لغو شد")
    view.select_cp(s.start, s.end)
    assert view.selection_cp() == (s.start, s.end)
    assert view.textCursor().selectedText() == s.text


def test_rejected_items_hidden_until_toggled(view: ArticleView) -> None:
    assert "q3" not in {h.item_id for h in view.hits}
    view.set_show_rejected(True)
    assert "q3" in {h.item_id for h in view.hits}


def test_suggested_and_accepted_look_different() -> None:
    rec = record()
    by = {(h.item_id, h.role): h for h in hits_of(rec)}
    acc, sug = hit_format(by[("q1", "content")]), hit_format(by[("q2", "content")])
    assert acc.background().color().alpha() > sug.background().color().alpha()
    assert hit_format(by[("q1", "cue")]).underlineStyle() != hit_format(by[("q2", "cue")]).underlineStyle()


def test_click_on_a_highlight_reports_its_item(view: ArticleView, qtbot) -> None:
    s = sp("۲۳ شهریور")
    m = view.display
    c = QTextCursor(view.document())
    c.setPosition(m.to_utf16(s.start + 3))
    rect = view.cursorRect(c)
    with qtbot.waitSignal(view.itemClicked, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), rect.center().y()))
    assert blocker.args == ["dates", "d1"]


def test_tooltip_describes_the_item(view: ArticleView) -> None:
    tip = view.tooltip_at(sp("سفر لغو شد").start + 1)
    assert "q2" in tip and "KayhanLondon" in tip and "c1" in tip


def test_focus_speaker_adds_mentions_and_quotes(view: ArticleView) -> None:
    n = len(view.extraSelections())
    view.set_focus_speaker("s2")
    # one mention and one quote of s2 get the focus colour
    assert len(view.extraSelections()) == n + 2


def test_show_span_flashes_then_clears(view: ArticleView, qtbot) -> None:
    n = len(view.extraSelections())
    s = sp("سفر لغو شد")
    view.show_span(s.start, s.end)
    assert len(view.extraSelections()) == n + 1
    assert view.selection_cp()[0] == s.start
    qtbot.waitUntil(lambda: len(view.extraSelections()) == n, timeout=3000)


def test_zoom_changes_font_size_within_limits(view: ArticleView) -> None:
    size = view.font_size()
    view.zoom(2)
    assert view.font_size() == size + 2
    view.zoom(-100)
    assert view.font_size() == 9.0


@pytest.mark.parametrize(("text", "marks"), [
    ("کیهان لندن در @KayhanLondon نوشت", [14]),      # a Latin handle after Persian: the sigil is held LTR
    ("با برچسب #Iran و @bbc_persian", [9, 17]),
    ("نشانی info@example.com است", []),              # an e-mail's @ sits between Latin letters already
    ("@ایران و @ ", []),                             # no Latin name follows
    ("بدون نشانه", []),
    ("در https://example.com/news/ آمده", [28]),   # a trailing '/' stays with its URL
    ("در https://example.com/a?b=1 آمده.", []),      # ends in a digit: nothing to fix
    ("نشانی www.bbc.com/persian/.", [26]),           # the mark goes after '/', before the sentence's period
])
def test_direction_marks_only_before_latin_handles(text: str, marks: list[int]) -> None:
    d = DisplayText(text)
    assert d.inserts == marks
    assert d.shown.replace(LRM, "") == text
    for cp in range(len(text) + 1):  # every record offset survives the round trip
        assert d.to_cp(d.to_utf16(cp)) == cp
        assert d.to_cp(d.to_utf16(cp, end=True)) == cp


def test_copy_gives_the_record_text_without_marks(view: ArticleView) -> None:
    s = sp("و @KayhanLondon در")
    view.select_cp(s.start, s.end)
    assert view.createMimeDataFromSelection().text() == s.text


def test_handle_sigil_is_drawn_left_of_its_name(qtbot) -> None:
    # "@Kayhan" inside Persian: without the display mark bidi draws "Kayhan@"
    text = "در @Kayhan نوشت"
    v = ArticleView()
    qtbot.addWidget(v)
    v.resize(400, 120)
    v.show()
    v.set_record(Record(id="h", text=text))

    def centre(cp: int) -> float:
        c = QTextCursor(v.document())
        c.setPosition(v.display.to_utf16(cp))
        a = v.cursorRect(c).x()
        c.setPosition(v.display.to_utf16(cp + 1, end=True))
        return (a + v.cursorRect(c).x()) / 2

    at, k = text.index("@"), text.index("K")
    assert centre(at) < centre(k)
