"""The review loop from the keyboard alone (pytest-qt, offscreen), found missing by using the app.

Each test drives the real window with key clicks on the real widgets, on a project built on disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from goftar.core import commands as C
from goftar.core.model import Quote, Record, Span, Speaker
from goftar.core.schema import record_to_dict
from goftar.core.store import Project
from goftar.gui.app import apply_language, create_app
from goftar.gui.chooser import ChoiceDialog, resolve_choice
from goftar.gui.main_window import MainWindow
from goftar.gui.settings import AppSettings

TEXT = ("وزیر خارجه گفت: «ما با ایران همکاری می‌کنیم.» او افزود که این سفر در ۲۳ شهریور انجام شد.\n"
        "جاستین ترودو نخست‌وزیر کانادا گفت که گزارش نادرست است.")


def span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span.of(TEXT, start, start + len(needle))


def article(rid: str) -> Record:
    s1 = Speaker(id="s1", name="وزیر خارجه", type="person", mentions=[span("وزیر خارجه")])
    s2 = Speaker(id="s2", name="جاستین ترودو", role="نخست‌وزیر کانادا", type="person",
                 mentions=[span("جاستین ترودو")])
    q1c, q2c = span("ما با ایران همکاری می‌کنیم."), span("گزارش نادرست است")
    q1 = Quote(id="q1", start=q1c.start, end=q1c.end, text=q1c.text, kind="direct", cue=span("گفت"),
               speaker="s1", confidence=0.9)
    q2 = Quote(id="q2", start=q2c.start, end=q2c.end, text=q2c.text, kind="indirect", speaker="s1",
               confidence=0.6)
    return Record(id=rid, text=TEXT, meta={"title": rid}, speakers=[s1, s2], quotes=[q1, q2])


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    for kind in ("critical", "information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: int(QMessageBox.StandardButton.Ok))
    folder = tmp_path / "proj"
    with Project.create(folder, annotator="tester") as p:
        p.add_articles([article("a1"), article("a2")])
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    apply_language(create_app(), "en")
    w = MainWindow(settings=settings, annotator="tester", interactive=True)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    w.open_initial(str(folder), synchronous=True)
    yield w
    w.close()
    apply_language(QApplication.instance(), "en")


def answer_chooser(qtbot, typed: str) -> None:
    """When the chooser opens, type `typed` into it and press Enter, as an analyst would."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ChoiceDialog)
        edit = dialog.combo_box().lineEdit()
        edit.selectAll()
        for ch in typed:  # QTest.keyClicks takes ASCII only: Persian letters as the key events' text
            QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        if dialog.isVisible():  # the completer popup took the first Enter
            qtbot.keyClick(dialog.combo_box().lineEdit(), Qt.Key.Key_Return)
    QTimer.singleShot(0, answer)


@pytest.mark.parametrize(("typed", "expected"), [
    ("ترودو", "جاستین ترودو — نخست‌وزیر کانادا  [s2]"),   # a family name, not the start of the label
    ("کانادا", "جاستین ترودو — نخست‌وزیر کانادا  [s2]"),  # the role
    ("وزیر خارجه  [s1]", "وزیر خارجه  [s1]"),             # the exact label
    ("پوتین", None),                                     # nobody
    ("", None),
])
def test_resolve_choice_matches_anywhere_in_a_label(typed: str, expected: str | None) -> None:
    labels = ["(none)", "وزیر خارجه  [s1]", "جاستین ترودو — نخست‌وزیر کانادا  [s2]"]
    assert resolve_choice(typed, labels) == expected


def test_speaker_type_ahead_finds_a_family_name(window: MainWindow, qtbot) -> None:
    # Given the second quote, said by s1 according to the extractor
    window.session.set_current("quotes", "q2")
    # When the analyst presses E and types the family name of the real speaker
    answer_chooser(qtbot, "ترودو")
    qtbot.keyClick(window.view, Qt.Key.Key_E)
    # Then the quote's speaker is Trudeau, and undo brings the old one back
    assert window.session.record.quote("q2").speaker == "s2"
    window.actions["undo"].trigger()
    assert window.session.record.quote("q2").speaker == "s1"


def test_speakers_are_reached_and_merged_from_the_keyboard(window: MainWindow, qtbot) -> None:
    # Given the text has the focus, When the analyst presses Ctrl+2, Then the first speaker is current
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.session.current == ("speakers", "s1")
    assert window.speakers.current_id() == "s1"
    # N walks the speakers, and Ctrl+M merges the current one into another chosen by type-ahead
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert window.session.current == ("speakers", "s2")
    answer_chooser(qtbot, "خارجه")
    qtbot.keyClick(window.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert [s.id for s in window.session.record.speakers] == ["s1"]
    window.actions["undo"].trigger()
    assert [s.id for s in window.session.record.speakers] == ["s1", "s2"]
    # Ctrl+1 brings the walk back to the quotes
    window.activateWindow()  # offscreen, nothing gives the window back its activation after a dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.session.current == ("quotes", "q1")


def test_a_layer_without_items_is_walked_once_it_gets_one(window: MainWindow, qtbot) -> None:
    # Given no claims, Ctrl+3 selects nothing; after adding a claim N reaches it in the claims layer
    qtbot.keyClick(window.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.session.current is None
    c = span("گزارش نادرست است")
    window.view.select_cp(c.start, c.end)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    window.session.set_current("", "")
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert window.session.current is not None and window.session.current[0] == "claims"


def test_tab_leaves_the_articles_table(window: MainWindow, qtbot) -> None:
    # Tab in a table used to walk its cells forever, so the keyboard could not reach the panels
    table = window.navigator.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table


@pytest.mark.parametrize("layer", ["quotes", "speakers", "claims", "dates"])
def test_every_visible_column_fits_the_default_dock(window: MainWindow, qtbot, layer: str) -> None:
    # the quotes' status column used to sit beyond the dock's right edge, out of sight
    window.panels[layer].raise_()  # claims and dates are tabs behind the speakers
    table = window.panels[layer].table
    qtbot.waitUntil(table.isVisible)
    qtbot.wait(10)
    model = table.model()
    last = max(c for c in range(model.columnCount()) if not table.isColumnHidden(c))
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()



def test_undo_after_mark_reviewed_goes_back_and_restores_the_article(window: MainWindow, qtbot) -> None:
    # Given a1 with an accepted quote, When Ctrl+Enter marks it reviewed and the window moves to a2
    window.session.set_current("quotes", "q1")
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    before = record_to_dict(window.session.record, validate=False)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article_id == "a2"
    assert window.actions["undo"].isEnabled() and "a1" in window.actions["undo"].text()
    # Then Ctrl+Z brings a1 back exactly as it was before Ctrl+Enter, its earlier step still undoable
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article_id == "a1"
    assert record_to_dict(window.session.record, validate=False) == before
    assert window.session.record.quote("q1").status == "accepted"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.record.quote("q1").status == "suggested"
    # and the store has it: reopening the project finds a1 unreviewed again
    window.session.flush()
    with Project.open(window.session.project.path, readonly=True) as p:
        assert p.load("a1").review_status != "reviewed"


@pytest.mark.parametrize(("accept_first", "expected"), [
    ((), "q1"),              # Ctrl+Enter accepted q1 and q2: undo selects the first it touched
    (("q1", "q2"), "q2"),    # nothing left to accept: undo selects the item current when a1 was left
])
def test_undo_that_brings_back_the_left_article_selects_the_item_it_touched(
        window: MainWindow, qtbot, accept_first: tuple[str, ...], expected: str) -> None:
    for qid in accept_first:
        window.session.set_current("quotes", qid)
        window.actions["accept"].trigger()
    window.session.set_current("quotes", "q2")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article_id == "a2"
    window.session.set_current("", "")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article_id == "a1"
    assert window.session.current == ("quotes", expected)
    table = window.panels["quotes"].table
    rows = table.selectionModel().selectedRows()
    assert [table.model().index(r.row(), 0).data() for r in rows] == [window.session.record.quote(expected).text]


def test_an_article_opened_again_keeps_its_undo_history(window: MainWindow, qtbot) -> None:
    window.session.set_current("quotes", "q1")
    qtbot.keyClick(window.view, Qt.Key.Key_R)
    window.session.open_article("a2")
    assert not window.actions["undo"].isEnabled()  # nothing done on a2, and not left by Ctrl+Enter
    window.session.open_article("a1")
    assert window.session.record.quote("q1").status == "rejected"
    window.actions["undo"].trigger()
    assert window.session.record.quote("q1").status == "suggested"


@pytest.mark.parametrize(("select", "code", "expected"), [("q2", 0, "q2"), ("quote", 0, "q1"), ("q9", 2, None)])
def test_screenshot_can_show_a_selected_quote(qtbot, tmp_path: Path, select: str, code: int,
                                              expected: str | None) -> None:
    from goftar.gui.app import screenshot

    folder = tmp_path / "proj"
    with Project.create(folder, annotator="tester") as p:
        p.add_articles([article("a1")])
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings=settings, annotator="tester", interactive=False)
    qtbot.addWidget(w)
    selected: list[tuple[str, str]] = []
    w.session.currentItemChanged.connect(lambda layer, iid: selected.append((layer, iid)))
    out = tmp_path / "shot.png"
    assert screenshot(w, str(folder), out, select=select) == code
    assert out.exists() == (code == 0)
    assert (selected[-1] if selected else None) == (("quotes", expected) if expected else None)


def test_persian_interface_translates_the_import_dialog_filter(qtbot, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    apply_language(create_app(), "fa")
    try:
        w = MainWindow(settings=settings, annotator="tester", interactive=False)
        qtbot.addWidget(w)
        filters: list[str] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                            lambda _parent, _title, _dir, flt: (filters.append(flt), ([], ""))[1])
        w.actions["import"].trigger()
        assert filters and "Articles" not in filters[0] and "All files" not in filters[0]
        assert "*.txt" in filters[0] and "*.jsonl" in filters[0]
    finally:
        apply_language(QApplication.instance(), "en")


@pytest.mark.parametrize(("source", "shown"), [
    ("shessam/IR-News-Dataset@583562d326b0693ffc5faf8b65cdae85263e9979:Dataset/roozno_data_6.txt",
     "…/roozno_data_6.txt"),
    ("https://www.example.com/news/politics/2024/09/13/a-very-long-article-slug-here", "…/a-very-long-article-slug-here"),
    ("ایسنا", "ایسنا"),
])
def test_header_shows_a_long_source_short_with_the_whole_in_the_tooltip(source: str, shown: str) -> None:
    from goftar.gui.article_header import ArticleHeader

    create_app()
    header = ArticleHeader()
    rec = article("a1")
    rec.meta = {"title": "t", "source": source}
    header.show_record(rec)
    assert shown in header.text()
    assert (source in header.text()) == (shown == source)
    assert (header.toolTip() == source) == (shown != source)


def test_chooser_is_wide_enough_for_a_name_and_a_role(qtbot) -> None:
    from goftar.gui.chooser import COMBO_MIN_WIDTH

    create_app()
    dialog = ChoiceDialog(None, "t", "Speaker:", ["(none)", "جاستین ترودو — نخست‌وزیر کانادا  [s2]"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.combo_box().width() >= COMBO_MIN_WIDTH


@pytest.mark.parametrize(("lang", "direction"), [("en", Qt.LayoutDirection.LeftToRight),
                                                  ("fa", Qt.LayoutDirection.RightToLeft)])
def test_header_details_follow_the_interface_direction_under_a_persian_title(
        lang: str, direction: Qt.LayoutDirection) -> None:
    from PySide6.QtGui import QTextDocument

    from goftar.gui.article_header import ArticleHeader

    apply_language(create_app(), lang)
    try:
        header = ArticleHeader()
        rec = article("a1")
        rec.meta = {"title": "درخواست کانادا از ایران", "source": "isna.ir",
                    "published": {"gregorian": "2020-02-06"}}
        header.show_record(rec)
        doc = QTextDocument()
        doc.setHtml(header.text())
        blocks = [doc.begin(), doc.begin().next()]
        assert blocks[0].text() == "درخواست کانادا از ایران"
        start = Qt.AlignmentFlag.AlignRight if lang == "fa" else Qt.AlignmentFlag.AlignLeft
        assert blocks[0].blockFormat().alignment() & start  # the title starts on the interface's side
        assert "isna.ir" in blocks[1].text() and blocks[1].blockFormat().layoutDirection() == direction
    finally:
        apply_language(QApplication.instance(), "en")


def test_screenshot_of_a_project_open_elsewhere_shows_it_read_only(qtbot, tmp_path: Path) -> None:
    from goftar.gui.app import screenshot

    folder = tmp_path / "proj"
    with Project.create(folder, annotator="tester") as p:
        p.add_articles([article("a1")])
    with Project.open(folder, annotator="other"):   # another window has it open
        w = MainWindow(settings=AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)),
                       annotator="tester", interactive=False)
        qtbot.addWidget(w)
        opened: list[bool] = []
        w.session.projectOpened.connect(lambda project: opened.append(project.readonly))
        shown: list[str] = []
        w.session.articleOpened.connect(lambda record: shown.append(record.id))
        assert screenshot(w, str(folder), tmp_path / "shot.png") == 0
        assert opened == [True] and shown == ["a1"]
        assert (tmp_path / "shot.png").exists()


@pytest.mark.parametrize("article_id", ["nope", None])
def test_screenshot_that_cannot_open_its_article_fails(qtbot, tmp_path: Path, article_id: str | None) -> None:
    from goftar.gui.app import screenshot

    folder = tmp_path / "proj"
    with Project.create(folder, annotator="tester") as p:
        p.add_articles([article("a1")])
    (folder / "goftar-project.json").write_text("{not json", encoding="utf-8") if article_id is None else None
    w = MainWindow(settings=AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)),
                   annotator="tester", interactive=False)
    qtbot.addWidget(w)
    assert screenshot(w, str(folder), tmp_path / "shot.png", article_id) == 1
    assert not (tmp_path / "shot.png").exists()


def test_accepting_the_last_suggestion_says_what_comes_next(window: MainWindow, qtbot) -> None:
    # Given the last quote, When it is accepted, Then it stays current and the status bar says Ctrl+Enter
    window.session.set_current("quotes", "q2")
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert window.session.current == ("quotes", "q2")
    assert "Ctrl+Enter" in window.statusBar().currentMessage()


def test_accept_follows_the_sorted_panel_order(window: MainWindow, qtbot) -> None:
    # Given the quotes sorted by text descending (q2 «گزارش…» before q1 «ما…»)
    window.quotes.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    first, second = window.quotes.ordered_ids()
    assert (first, second) == ("q2", "q1")
    # When the first row is accepted, Then the next row (not the next in the text) is current
    window.session.set_current("quotes", first)
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert window.session.current == ("quotes", second)


def test_f1_lists_the_shortcuts_under_their_menus(window: MainWindow, qtbot) -> None:
    from goftar.gui.shortcuts import ShortcutsDialog

    shown: list[ShortcutsDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ShortcutsDialog)
        shown.append(dialog)
        dialog.reject()
    QTimer.singleShot(0, look)
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    table = shown[0].table
    heads = [table.item(r, 0).text() for r in range(table.rowCount()) if table.columnSpan(r, 0) == 2]
    assert heads == ["File", "Edit", "Annotate", "Review", "View", "Help"]
    # every shortcut is there once, under the menu that holds its action
    rows = {table.item(r, 0).text(): table.item(r, 1).text().strip("\u202a\u202c")
            for r in range(table.rowCount()) if table.columnSpan(r, 0) == 1}
    assert rows == dict(window.actions.shortcut_table())
    below = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert below.index("Annotate") < below.index("Go to speakers") < below.index("Review")


@pytest.mark.parametrize("status", ["suggested", "rejected"])
def test_adding_a_quote_that_is_already_suggested_accepts_it_instead_of_a_duplicate(
        window: MainWindow, qtbot, status: str) -> None:
    if status == "rejected":
        window.session.run(C.SetStatus("q2", "reject"))
    q2 = window.session.record.quote("q2")
    window.view.select_cp(q2.start, q2.end)
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    rec = window.session.record
    assert [q.id for q in rec.quotes] == ["q1", "q2"]
    assert rec.quote("q2").status == "accepted" and window.session.current == ("quotes", "q2")
    window.actions["undo"].trigger()
    assert window.session.record.quote("q2").status == status


def test_export_dialog_suggests_a_file_beside_the_project_named_after_it(
        window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _title, path, _flt: (offered.append(path), ("", ""))[1])
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    folder = Path(window.session.project.path).resolve()
    assert offered == [str(folder.parent / "proj-gold.jsonl")]


def test_undo_of_an_accept_comes_back_to_the_item_and_redo_decides_it_again(window: MainWindow, qtbot) -> None:
    # Given q1 accepted with A (which moved on to q2)
    window.session.set_current("quotes", "q1")
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert window.session.current == ("quotes", "q2")
    # When Ctrl+Z, Then q1 is suggested again and current, to be decided anew
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.record.quote("q1").status == "suggested"
    assert window.session.current == ("quotes", "q1")
    assert window.actions["redo"].isEnabled()
    # And Ctrl+Shift+Z accepts it again, q1 still current
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.record.quote("q1").status == "accepted"
    assert window.session.current == ("quotes", "q1")
    assert not window.actions["redo"].isEnabled()


def test_forget_makes_the_next_opening_load_from_the_store(window: MainWindow) -> None:
    window.session.open_article("a2")
    kept = window.session.document
    window.session.open_article("a1")
    window.session.forget("a1")                      # the open article is never dropped
    window.session.forget("a2")
    window.session.open_article("a2")
    assert window.session.document is not kept


def test_tab_walks_the_panels_and_skips_the_legend(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    seen = []
    for _ in range(16):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is window.view:
            break
    assert window.quotes.table in seen and window.speakers.table in seen
    assert window.legend.text not in seen and seen[-1] is window.view  # back round to the text


def _select_text(window: MainWindow, needle: str) -> None:
    s = span(needle)
    window.view.select_cp(s.start, s.end)


@pytest.mark.parametrize(("current", "needle", "key", "check"), [
    # M: one more mention of the current speaker
    (("speakers", "s2"), "نخست‌وزیر کانادا", Qt.Key.Key_M,
     lambda r: span("نخست‌وزیر کانادا") in r.speaker("s2").mentions),
    # U: the cue of the current quote
    (("quotes", "q2"), "گفت که", Qt.Key.Key_U, lambda r: r.quote("q2").cue == span("گفت که")),
    # K: the kind cycles
    (("quotes", "q1"), None, Qt.Key.Key_K, lambda r: r.quote("q1").kind == "indirect"),
    # Delete removes the current item
    (("quotes", "q2"), None, Qt.Key.Key_Delete, lambda r: r.quote("q2") is None),
])
def test_keyboard_edit_and_undo_restores_the_record(window: MainWindow, qtbot, current: tuple[str, str],
                                                    needle: str | None, key: Qt.Key, check) -> None:
    before = record_to_dict(window.session.record, validate=False)
    window.session.set_current(*current)
    if needle:
        _select_text(window, needle)
    qtbot.keyClick(window.view, key)
    assert check(window.session.record)
    after = record_to_dict(window.session.record, validate=False)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert record_to_dict(window.session.record, validate=False) == before
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert record_to_dict(window.session.record, validate=False) == after


def test_accept_all_then_link_a_claim_and_rename_a_speaker(window: MainWindow, qtbot,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert {q.status for q in window.session.record.quotes} == {"accepted"}
    # a claim outside any quote, then L links it to q2 (its source follows q2's speaker)
    window.session.set_current("", "")
    _select_text(window, "گزارش")
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    cid = window.session.current[1]
    answer_chooser(qtbot, "q2")
    qtbot.keyClick(window.view, Qt.Key.Key_L)
    claim = window.session.record.item(cid)[1]
    assert (claim.quote, claim.source) == ("q2", "s1")
    # Ctrl+R renames the current speaker
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.session.set_current("speakers", "s2")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("جاستین ترودو (نخست‌وزیر)", True))
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.session.record.speaker("s2").name == "جاستین ترودو (نخست‌وزیر)"


def test_mark_reviewed_opens_the_next_article_on_its_first_quote(window: MainWindow, qtbot) -> None:
    window.session.set_current("claims", "")  # walking another layer before
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article_id == "a2" and window.session.current == ("quotes", "q1")
    qtbot.keyClick(window.view, Qt.Key.Key_A)  # so A works at once
    assert window.session.record.quote("q1").status == "accepted"


def test_a_running_flash_does_not_follow_into_the_next_article(window: MainWindow, qtbot) -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    warnings: list[str] = []
    previous = qInstallMessageHandler(lambda mode, _ctx, msg: warnings.append(msg)
                                      if mode == QtMsgType.QtWarningMsg else None)
    try:
        # Given a quote near the end of a long article, flashing
        long_text = "سخن " * 3000 + "او گفت که همه چیز خوب است."
        # more highlights than the view hands to Qt at once, so it windows them on every scroll
        quotes = [Quote(id=f"q{k}", start=4 * k, end=4 * k + 3, text="سخن", kind="indirect") for k in range(1, 260)]
        rec = Record(id="long", text=long_text, quotes=quotes)
        window.session.project.add_articles([rec, Record(id="short", text="متن کوتاه.")])
        window.session.open_article("long")
        start = long_text.index("همه")
        window.view.show_span(start, start + 10)
        assert window.view._flash
        # When a much shorter article opens before the flash ends
        window.session.open_article("short")
        # Then no stale range is applied to the new text
        assert not window.view._flash
        assert not [w for w in warnings if "out of range" in w]
        # nor are the long article's highlights still there while the short text is laid out
        # (its scrolling re-applies them, against the new text)
        window.session.open_article("long")
        during: list[int] = []
        window.view.document().contentsChange.connect(lambda *_a: during.append(len(window.view.hits)))
        window.session.open_article("short")
        assert during and set(during) == {0}
    finally:
        qInstallMessageHandler(previous)


@pytest.mark.parametrize(("text", "expected"), [
    ("۱۳۹۸-۱۱-۱۷ (2020-02-06)", "۱۳۹۸-۱۱-۱۷ (\u20662020-02-06\u2069)"),
    ("۱۴۰۵-۰۹-۰۷ (2026-11-28) 01:13", "۱۴۰۵-۰۹-۰۷ (\u20662026-11-28\u2069) 01:13"),
    ("2026-11-28 01:13", "\u20662026-11-28 01:13\u2069"),
    ("no date", "no date"),
])
def test_isolate_latin_dates(text: str, expected: str) -> None:
    from goftar.gui.article_header import isolate_latin_dates

    assert isolate_latin_dates(text) == expected


def test_persian_header_keeps_the_gregorian_date_in_order(qtbot) -> None:
    from PySide6.QtGui import QTextDocument

    from goftar.gui.article_header import ArticleHeader

    apply_language(create_app(), "fa")
    try:
        header = ArticleHeader()
        rec = article("a1")
        rec.meta = {"title": "t", "published": {"gregorian": "2020-02-06"}}
        header.show_record(rec)
        # lay the header's rich text out as the label does and read where the date's parts are drawn
        doc = QTextDocument()
        doc.setDefaultFont(header.font())
        doc.setHtml(header.text())
        doc.setTextWidth(2000)
        block = doc.begin().next()
        doc.documentLayout().blockBoundingRect(block)  # lays the block out
        assert block.layout().lineCount() == 1
        line = block.layout().lineAt(0)
        text = block.text()
        i = text.index("2020")
        # positions inside the digit runs (a run's edge is ambiguous between two runs)
        x_year, x_day = line.cursorToX(i + 2)[0], line.cursorToX(text.index("06", i + 5) + 1)[0]
        assert x_year < x_day  # 2020 is drawn left of 06: "2020-02-06", not "06-02-2020"
    finally:
        apply_language(QApplication.instance(), "en")


@pytest.mark.parametrize(("lang", "shown"), [("en", "a1"), ("fa", "\u2066a1\u2069")])
def test_article_ids_are_left_to_right_in_the_persian_navigator(qtbot, tmp_path: Path, lang: str, shown: str) -> None:
    folder = tmp_path / "proj"
    with Project.create(folder, annotator="tester") as p:
        p.add_articles([article("a1"), article("b-2020-x")])
    apply_language(create_app(), lang)
    try:
        w = MainWindow(settings=AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)),
                       annotator="tester", interactive=False)
        qtbot.addWidget(w)
        w.open_initial(str(folder), synchronous=True)
        proxy = w.navigator.proxy
        assert proxy.index(0, 0).data() == shown
        w.navigator.search.setText("b-2020")      # the search still finds an id
        assert proxy.rowCount() == 1
        w.close()
    finally:
        apply_language(QApplication.instance(), "en")


@pytest.mark.parametrize(("current", "key", "mods", "says"), [
    (("speakers", "s1"), Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "speakers have no status"),
    (("quotes", "q1"), Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier, "works on a speaker"),
    (("speakers", "s1"), Qt.Key.Key_K, Qt.KeyboardModifier.NoModifier, "works on a quote"),
])
def test_an_action_on_the_wrong_kind_of_item_says_what_it_needs(window: MainWindow, qtbot, current: tuple[str, str],
                                                                key: Qt.Key, mods: Qt.KeyboardModifier,
                                                                says: str) -> None:
    window.session.set_current(*current)
    qtbot.keyClick(window.view, key, mods)
    assert says in window.statusBar().currentMessage()
