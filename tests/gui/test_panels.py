"""Panels in the window: row <-> highlight sync, filters, navigator progress and next/previous unreviewed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings
from PySide6.QtWidgets import QMessageBox

from goftar.core.model import Quote, Record, Span, Speaker
from goftar.core.store import Project
from goftar.gui.app import apply_language, create_app
from goftar.gui.main_window import MainWindow
from goftar.gui.settings import AppSettings

TEXT = "رئیس جمهوری گفت: «سفر انجام شد.» سپس وزیر افزود که قرارداد امضا شد. رئیس جمهوری همچنین گفت که دیدار خوب بود."


def span(needle: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(needle, i + 1)
    return Span.of(TEXT, i, i + len(needle))


def article(rid: str, title: str) -> Record:
    s1 = Speaker(id="s1", name="رئیس جمهوری", mentions=[span("رئیس جمهوری"), span("رئیس جمهوری", 1)])
    s2 = Speaker(id="s2", name="وزیر", mentions=[span("وزیر")])
    quotes = []
    for qid, content, cue, sid, mention in (("q1", "سفر انجام شد.", "گفت", "s1", s1.mentions[0]),
                                            ("q2", "قرارداد امضا شد", "افزود", "s2", s2.mentions[0]),
                                            ("q3", "دیدار خوب بود", "گفت", "s1", s1.mentions[1])):
        c = span(content)
        quotes.append(Quote(id=qid, start=c.start, end=c.end, text=c.text, kind="indirect",
                            cue=span(cue, 1 if qid == "q3" else 0), speaker=sid, speaker_mention=mention))
    return Record(id=rid, text=TEXT, meta={"title": title}, speakers=[s1, s2], quotes=quotes)


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: pytest.fail(f"error dialog: {a[2]}"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: 0)
    folder = tmp_path / "proj"
    with Project.create(folder, annotator="t") as p:
        p.add_articles([article("a1", "Minsk visit"), article("a2", "Tehran talks"), article("a3", "Baku")])
    apply_language(create_app(), "en")
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings=settings, annotator="t")
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    w.open_initial(str(folder), synchronous=True)
    yield w
    w.close()


def test_clicking_a_highlight_selects_its_row(window: MainWindow) -> None:
    window.view.itemClicked.emit("quotes", "q2")
    assert window.quotes.current_id() == "q2"


def test_selecting_a_row_scrolls_to_and_flashes_its_span(window: MainWindow) -> None:
    n = len(window.view.extraSelections())
    table = window.quotes.table
    idx = window.quotes.proxy.index(2, 0)
    table.selectionModel().setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                           | QItemSelectionModel.SelectionFlag.Rows)
    assert window.session.current == ("quotes", "q3")
    assert window.view.selection_cp()[0] == span("دیدار خوب بود").start
    assert len(window.view.extraSelections()) == n + 1  # the flash


def test_selecting_a_speaker_highlights_all_its_mentions_and_quotes(window: MainWindow) -> None:
    n = len(window.view.extraSelections())
    window.speakers.select_item("s1")
    window.session.set_current("speakers", "s1")
    assert window.view.focus_speaker == "s1"
    # 2 mentions + 2 quotes of s1 (+1 flash of the first mention)
    assert len(window.view.extraSelections()) == n + 4 + 1


@pytest.mark.parametrize(("text", "rows"), [("قرارداد", 1), ("گفت", 2), ("", 3), ("نیست", 0)])
def test_quote_filter_by_text(window: MainWindow, text: str, rows: int) -> None:
    window.quotes.filter_edit.setText(text)
    assert window.quotes.proxy.rowCount() == rows


def test_rejected_rows_follow_the_show_rejected_toggle(window: MainWindow) -> None:
    window.session.set_current("quotes", "q1")
    window.actions["reject"].trigger()
    assert window.quotes.proxy.rowCount() == 2
    window.actions["show_rejected"].setChecked(True)
    assert window.quotes.proxy.rowCount() == 3


def test_navigator_progress_filters_and_next_unreviewed(window: MainWindow) -> None:
    nav = window.navigator
    assert window.session.article_id == "a1"
    assert (nav.progress.value(), nav.progress.maximum()) == (0, 3)
    window.actions["mark_reviewed"].trigger()            # a1 reviewed → a2
    assert window.session.article_id == "a2"
    assert nav.progress.value() == 1
    assert "1" in nav.progress.text() and "3" in nav.progress.text()
    nav.status_combo.setCurrentIndex(nav.status_combo.findData("reviewed"))
    assert nav.proxy.rowCount() == 1
    nav.status_combo.setCurrentIndex(0)
    nav.search.setText("Baku")
    assert nav.proxy.rowCount() == 1
    nav.search.setText("")
    window.actions["next_unreviewed"].trigger()
    assert window.session.article_id == "a3"
    window.actions["next_unreviewed"].trigger()          # wraps past the reviewed a1
    assert window.session.article_id == "a2"
    window.actions["prev_unreviewed"].trigger()
    assert window.session.article_id == "a3"


def test_next_item_walks_the_quotes_in_order(window: MainWindow) -> None:
    seen = []
    for _ in range(3):
        window.actions["next_item"].trigger()
        seen.append(window.session.current[1])
    assert seen == ["q1", "q2", "q3"]
    window.actions["prev_item"].trigger()
    assert window.session.current == ("quotes", "q2")


def test_shortcut_table_lists_the_review_keys(window: MainWindow) -> None:
    table = dict(window.actions.shortcut_table())
    assert table["Accept"] == "A" and table["Reject"] == "R"
    assert "Ctrl+Return" in table["Mark reviewed and go to next"]
    assert "F1" in table["Keyboard shortcuts"]


@pytest.mark.parametrize(("text", "rtl"), [("رئیس جمهوری", True), ("«سفر» انجام شد", True), ("Kayhan London", False),
                                           ("2024 لندن", True), ("@KayhanLondon گفت", False), ("", False)])
def test_cells_take_the_direction_of_their_text(text: str, rtl: bool) -> None:
    from goftar.gui.panels.delegates import starts_right_to_left

    assert starts_right_to_left(text) is rtl


def test_locked_project_opens_read_only_on_request(window: MainWindow, tmp_path: Path) -> None:
    folder = Path(window.session.project.path)
    from goftar.gui.review_session import ReviewSession

    other = ReviewSession(window.settings, annotator="t")  # a second app on the same project
    asked: list[str] = []
    other.ask_readonly = lambda msg: asked.append(msg) or True
    errors: list[str] = []
    other.errorRaised.connect(lambda _t, m: errors.append(m))
    assert other.open_project(folder)
    assert asked and other.project.readonly
    other.set_current("quotes", "q1")
    from goftar.core import commands as C

    assert not other.run(C.SetStatus("q1", "reject")) and errors  # no write, and it says why
    other.close_project()


def test_inline_kind_combo_edits_through_the_undo_stack(window: MainWindow) -> None:
    from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

    panel = window.quotes
    model = panel.source_model()
    col = model.column_of("kind")
    idx = panel.proxy.mapFromSource(model.index_of("q2", col))
    delegate = panel.table.itemDelegate()
    editor = delegate.createEditor(panel.table.viewport(), QStyleOptionViewItem(), idx)
    assert isinstance(editor, QComboBox) and editor.isEditable()
    assert editor.completer() is not None  # type-ahead
    delegate.setEditorData(editor, idx)
    assert editor.currentData() == "indirect"
    editor.setCurrentIndex(editor.findData("mixed"))
    delegate.setModelData(editor, panel.proxy, idx)
    assert window.session.record.quote("q2").kind == "mixed"
    window.actions["undo"].trigger()
    assert window.session.record.quote("q2").kind == "indirect"


def test_keyboard_moves_between_filter_and_text(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    window.view.setFocus()
    window.session.set_current("quotes", "q1")
    window.actions["find"].trigger()
    assert window.quotes.filter_edit.hasFocus()
    qtbot.keyClicks(window.quotes.filter_edit, "qa")       # letters type into the box, not shortcuts
    assert window.quotes.filter_edit.text() == "qa"
    assert [q.status for q in window.session.record.quotes] == ["suggested"] * 3  # "a" accepted nothing
    window.actions["focus_text"].trigger()
    assert window.view.hasFocus()


@pytest.mark.parametrize(("key", "kind"), [("Key_Escape", "indirect"), ("Key_Return", "mixed")])
def test_escape_cancels_an_inline_edit_and_enter_commits(window: MainWindow, qtbot, key: str, kind: str) -> None:
    from PySide6.QtCore import Qt as _Qt
    from PySide6.QtWidgets import QComboBox

    panel = window.quotes
    model = panel.source_model()
    idx = panel.proxy.mapFromSource(model.index_of("q2", model.column_of("kind")))
    panel.table.setCurrentIndex(idx)
    panel.table.edit(idx)
    editor = panel.table.indexWidget(idx) or panel.table.findChild(QComboBox)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData("mixed"))
    editor.setFocus()
    qtbot.keyClick(editor, getattr(_Qt.Key, key))
    # the delegate commits and closes through a queued call
    qtbot.waitUntil(lambda: panel.table.state() == panel.table.State.NoState, timeout=2000)
    assert window.session.record.quote("q2").kind == kind


def test_first_edit_marks_the_article_in_progress_and_undo_reverts_it(window: MainWindow) -> None:
    window.session.set_current("quotes", "q1")
    window.actions["accept"].trigger()
    assert window.session.record.review_status == "in_progress"
    assert dict(window.navigator.statuses())["a1"] == "in_progress"
    window.actions["reject"].trigger()                    # later edits are plain single steps
    window.actions["undo"].trigger()
    assert window.session.record.review_status == "in_progress"
    window.actions["undo"].trigger()                      # the first edit and the status go together
    assert window.session.record.review_status == "unreviewed"
    assert window.session.record.quote("q1").status == "suggested"
