"""The application shell end to end (pytest-qt, offscreen): open, review from the keyboard, save, reopen.

Every test builds a real project on disk with the real store, drives the real window through
its actions and shortcuts, and checks the record the store gives back.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QThreadPool
from PySide6.QtGui import QAction, QImage, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from goftar.core import commands as C
from goftar.core.model import Quote, Record, Review, Span, Speaker
from goftar.core.schema import record_to_dict
from goftar.core.store import Project
from goftar.gui import chooser, i18n
from goftar.gui.app import apply_language, create_app
from goftar.gui.main_window import MainWindow
from goftar.gui.models.roles import IdRole
from goftar.gui.settings import AppSettings

# An article with an emoji (two UTF-16 units each) before the second quote, ZWNJ, and LTR runs.
TEXT = ("وزیر خارجه گفت: «ما با ایران همکاری می‌کنیم.» 😀👍🏽 او افزود که این سفر در ۲۳ شهریور انجام شد.\n"
        "سخنگوی دولت درباره @KayhanLondon و https://example.com/a?b=1 گفت که گزارش نادرست است.")


def span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def article(rid: str = "a1") -> Record:
    """A record with auto suggestions: two quotes of one speaker (a name and a pronoun), no review yet."""
    t = TEXT
    s1 = Speaker(id="s1", name="وزیر خارجه", type="person", mentions=[span(t, "وزیر خارجه"), span(t, "او")])
    q1c, q2c = span(t, "ما با ایران همکاری می‌کنیم."), span(t, "این سفر در ۲۳ شهریور انجام شد")
    q1 = Quote(id="q1", start=q1c.start, end=q1c.end, text=q1c.text, kind="direct", cue=span(t, "گفت"),
               speaker="s1", speaker_mention=s1.mentions[0], confidence=0.9)
    q2 = Quote(id="q2", start=q2c.start, end=q2c.end, text=q2c.text, kind="indirect", cue=span(t, "افزود"),
               speaker="s1", speaker_mention=s1.mentions[1], confidence=0.7)
    rec = Record(id=rid, text=t, meta={"title": f"title {rid}", "published": {"gregorian": "2024-09-14"}},
                 speakers=[s1], quotes=[q1, q2])
    record_to_dict(rec)  # validates: the fixture itself must be a good goftar/1 record
    return rec


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes are recorded instead of blocking the test."""
    seen: list[tuple[str, str]] = []

    def record(kind: str):
        def show(_parent: object, title: str, text: str, *a: object, **k: object) -> int:
            seen.append((kind, text))
            return int(QMessageBox.StandardButton.Ok)
        return show

    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    return seen


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "proj"
    with Project.create(folder, annotator="tester") as p:
        p.add_articles([article("a1"), article("a2")])
    return folder


def make_window(qtbot, settings: AppSettings, lang: str = "en") -> MainWindow:
    app = create_app()
    apply_language(app, lang)
    w = MainWindow(settings=settings, annotator="tester", interactive=True)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    return w


@pytest.fixture
def window(qtbot, settings: AppSettings, project_dir: Path, dialogs: list) -> MainWindow:
    w = make_window(qtbot, settings)
    w.open_initial(str(project_dir), synchronous=True)
    yield w
    w.close()
    apply_language(QApplication.instance(), "en")


def snapshot(w: MainWindow) -> dict:
    return record_to_dict(w.session.record, validate=False)


def select(w: MainWindow, layer: str, item_id: str) -> None:
    w.session.set_current(layer, item_id)


# ---------------------------------------------------------------------- opening
def test_opens_project_on_first_unreviewed_article_with_its_suggestions(window: MainWindow) -> None:
    # Given a project of two unreviewed articles, When it opens, Then the first is shown with its items
    assert window.session.article_id == "a1"
    assert window.view.record.text == TEXT and window.view.toPlainText().replace("\u200e", "") == TEXT
    assert {(h.layer, h.item_id) for h in window.view.hits} >= {("quotes", "q1"), ("quotes", "q2"), ("speakers", "s1")}
    assert window.quotes.proxy.rowCount() == 2
    assert window.navigator.progress.maximum() == 2 and window.navigator.progress.value() == 0


def test_sample_article_is_extracted_and_shows_suggestions(qtbot, settings: AppSettings, tmp_path: Path,
                                                           dialogs: list) -> None:
    if not hasattr(pytest.importorskip("goftar.core.extract"), "Extractor"):
        pytest.skip("the extractor is not built yet")
    from goftar.gui.default_project import ensure_default_project, sample_record

    folder = ensure_default_project(tmp_path / "default", annotator="tester")
    w = make_window(qtbot, settings)
    w.open_initial(str(folder), synchronous=True)
    rec = w.session.record
    assert rec.id == sample_record().id and rec.quotes, "the extractor found no quote in the sample"
    assert all(q.status == "suggested" and q.origin == "auto" for q in rec.quotes)
    assert any(h.layer == "quotes" and h.status == "suggested" for h in w.view.hits)
    assert w.quotes.proxy.rowCount() == len(rec.quotes)
    w.close()


# ---------------------------------------------------------------------- editing
def test_add_quote_by_selection_snaps_to_words_and_undo_redo_restore(window: MainWindow, qtbot) -> None:
    before = snapshot(window)
    target = span(TEXT, "گزارش نادرست است")
    # a sloppy selection: starts inside "گزارش" and ends inside "است"
    window.view.select_cp(target.start + 2, target.end - 1)
    window.view.alt_selection = False
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    added = [q for q in window.session.record.quotes if q.origin == "human"]
    assert [(q.start, q.end, q.text, q.status) for q in added] == [(target.start, target.end, target.text, "added")]
    assert window.session.current == ("quotes", added[0].id)
    after = snapshot(window)
    window.actions["undo"].trigger()
    assert snapshot(window) == before
    window.actions["redo"].trigger()
    assert snapshot(window) == after


@pytest.mark.parametrize(("key", "status"), [(Qt.Key.Key_A, "accepted"), (Qt.Key.Key_R, "rejected")])
def test_accept_and_reject_by_single_key(window: MainWindow, qtbot, key: Qt.Key, status: str) -> None:
    before = snapshot(window)
    select(window, "quotes", "q1")
    qtbot.keyClick(window.view, key)
    assert window.session.record.quote("q1").status == status
    assert window.session.current == ("quotes", "q2")  # the loop moves on to the next suggestion
    shown = {h.item_id for h in window.view.hits if h.layer == "quotes"}
    assert ("q1" in shown) == (status != "rejected")  # rejected items are hidden…
    window.actions["show_rejected"].setChecked(True)
    assert "q1" in {h.item_id for h in window.view.hits if h.layer == "quotes"}  # …unless asked for
    window.actions["undo"].trigger()
    assert snapshot(window) == before


def test_boundary_nudge_by_word_and_undo(window: MainWindow, qtbot) -> None:
    before = snapshot(window)
    select(window, "quotes", "q2")
    qtbot.keyClick(window.view, Qt.Key.Key_BracketLeft)   # start one word leftwards: later in Persian
    q2 = window.session.record.quote("q2")
    assert q2.text == "سفر در ۲۳ شهریور انجام شد" and q2.status == "edited"
    assert q2.speaker == "s1" and q2.cue is not None  # links kept
    window.actions["undo"].trigger()
    assert snapshot(window) == before


@pytest.mark.parametrize(("key", "edge", "side"), [
    (Qt.Key.Key_BracketLeft, "start", "left"), (Qt.Key.Key_BracketRight, "start", "right"),
    (Qt.Key.Key_Semicolon, "end", "left"), (Qt.Key.Key_Apostrophe, "end", "right"),
])
def test_boundary_keys_move_the_edge_the_way_the_key_sits_on_screen(window: MainWindow, qtbot, key: Qt.Key,
                                                                    edge: str, side: str) -> None:
    window.resize(2400, 900)  # wide enough for the first paragraph to sit on one line
    select(window, "quotes", "q2")
    view, m = window.view, window.view.display

    def x_of(cp: int) -> int:
        c = QTextCursor(view.document())
        c.setPosition(m.to_utf16(cp))
        return view.cursorRect(c).center().x()

    q2 = window.session.record.quote("q2")
    old = q2.start if edge == "start" else q2.end
    qtbot.keyClick(window.view, key)
    q2 = window.session.record.quote("q2")
    new = q2.start if edge == "start" else q2.end
    assert new != old
    assert view.is_rtl_at(q2.start)
    # the quote sits on one line of right-to-left text: the edge moved towards the pressed key's side
    assert (x_of(new) < x_of(old)) == (side == "left")


def test_drag_the_start_of_a_quote_snaps_to_a_word(window: MainWindow, qtbot) -> None:
    before = snapshot(window)
    select(window, "quotes", "q2")
    q2 = window.session.record.quote("q2")
    view, m = window.view, window.view.display

    def point(cp: int) -> QPoint:
        c = QTextCursor(view.document())
        c.setPosition(m.to_utf16(cp))
        return view.cursorRect(c).center()

    target = span(TEXT, "سفر")  # drag the start from «این» into the middle of the next word
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(q2.start))
    qtbot.mouseMove(view.viewport(), point(target.start + 1))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(target.start + 1))
    q2 = window.session.record.quote("q2")
    assert (q2.start, q2.end) == (target.start, span(TEXT, "این سفر در ۲۳ شهریور انجام شد").end)
    window.actions["undo"].trigger()
    assert snapshot(window) == before


def test_item_range_from_selection(window: MainWindow, qtbot) -> None:
    select(window, "quotes", "q1")
    new = span(TEXT, "ما با ایران همکاری")
    window.view.select_cp(new.start, new.end)
    qtbot.keyClick(window.view, Qt.Key.Key_B)
    q1 = window.session.record.quote("q1")
    assert (q1.start, q1.end, q1.kind, q1.speaker) == (new.start, new.end, "direct", "s1")


def test_export_gold_writes_the_reviewed_articles(window: MainWindow, tmp_path: Path) -> None:
    from goftar.core.schema import read_jsonl

    window.actions["mark_reviewed"].trigger()
    out = tmp_path / "gold.jsonl"
    assert window.projects.export_to(out) == 1
    res = read_jsonl(out)
    assert [r.id for _l, r in res.records] == ["a1"] and not res.problems


def test_dropped_files_are_imported_into_the_project(window: MainWindow, tmp_path: Path) -> None:
    src = tmp_path / "dropped.txt"
    src.write_text("خبر تازه: وزیر گفت که جلسه برگزار شد.", encoding="utf-8")
    window.projects.drop_paths([src])
    assert "dropped" in window.session.article_ids()
    assert window.navigator.proxy.rowCount() == 3


def test_change_speaker_and_merge_speakers_with_undo(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(window)
    # a new speaker from a selection becomes q2's speaker
    select(window, "quotes", "q2")
    sp = span(TEXT, "سخنگوی دولت")
    window.view.select_cp(sp.start, sp.end)
    window.actions["new_speaker"].trigger()
    new_id = window.session.current[1]
    assert window.session.record.quote("q2").speaker == new_id
    # set speaker of q2 back to s1 through the chooser
    select(window, "quotes", "q2")
    monkeypatch.setattr(chooser, "choose_item", lambda _p, _t, _l, items, *a, **k: (
        next(i for i in items if "[s1]" in i), True))
    window.actions["set_speaker"].trigger()
    assert window.session.record.quote("q2").speaker == "s1"
    # merge the new speaker into s1
    select(window, "speakers", new_id)
    window.actions["merge_speakers"].trigger()
    rec = window.session.record
    assert [s.id for s in rec.speakers] == ["s1"] and sp in rec.speaker("s1").mentions
    for _ in range(3):
        window.actions["undo"].trigger()
    assert snapshot(window) == before


def test_mark_reviewed_moves_on_and_is_saved_for_reopen(window: MainWindow, qtbot, settings: AppSettings,
                                                        project_dir: Path) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.article_id == "a2"  # moved to the next unreviewed article
    assert window.navigator.progress.value() == 1
    window.close()
    with Project.open(project_dir, annotator="tester", readonly=True) as p:
        rec = p.load("a1")
        assert rec.review_status == "reviewed" and rec.review.annotator == "tester"
        assert {q.status for q in rec.quotes} == {"accepted"}
        assert p.review_status("a2") == "unreviewed"


def test_background_save_queue_persists_edits(qtbot, settings: AppSettings, project_dir: Path,
                                              dialogs: list) -> None:
    w = make_window(qtbot, settings)
    w.session.background = True
    w.session.open_project(project_dir)
    select(w, "quotes", "q2")
    w.actions["reject"].trigger()
    assert w.save_label.text() == i18n.tr("sb.saving")
    qtbot.waitUntil(lambda: w.session.saver.saves_done == 1 and w.save_label.text() == i18n.tr("sb.saved"),
                    timeout=5000)
    with Project.open(project_dir, annotator="tester", readonly=True) as p:  # durable before closing
        assert p.load("a1").quote("q2").status == "rejected"
    w.close()
    with Project.open(project_dir, annotator="tester", readonly=True) as p:
        assert p.load("a1").quote("q2").status == "rejected"


# ---------------------------------------------------------------------- language
def test_persian_interface_mirrors_the_layout(qtbot, settings: AppSettings, project_dir: Path,
                                             dialogs: list) -> None:
    w = make_window(qtbot, settings, lang="fa")
    try:
        w.open_initial(str(project_dir), synchronous=True)
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert w.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert w.menuBar().layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert w.dockWidgetArea(w.navigator) == Qt.DockWidgetArea.RightDockWidgetArea
        assert w.menus["file"].title() == i18n.CATALOGUE["menu.file"][1]
        # the navigator sits right of the article, the panels left of it
        assert w.navigator.mapTo(w, w.navigator.rect().center()).x() > w.view.mapTo(w, w.view.rect().center()).x()
    finally:
        w.close()
        apply_language(QApplication.instance(), "en")


def test_layout_and_recent_projects_are_remembered(qtbot, settings: AppSettings, project_dir: Path,
                                                  dialogs: list) -> None:
    w = make_window(qtbot, settings)
    w.open_initial(str(project_dir), synchronous=True)
    w.legend.close()                       # the analyst closes a panel…
    w.close()
    assert settings.recent_projects()[0] == str(project_dir.resolve())
    w2 = make_window(qtbot, settings)
    w2.restore_layout()                    # …and finds the layout as left
    assert w2.legend.isHidden()
    w2.open_initial(None, synchronous=True)  # no argument: the last project opens
    assert w2.session.project is not None and Path(w2.session.project.path) == project_dir
    w2.close()


def test_catalogue_has_both_languages_for_every_key() -> None:
    missing = [k for k, (en, fa) in i18n.CATALOGUE.items() if not en.strip() or not fa.strip()]
    assert missing == []


# ---------------------------------------------------------------------- errors
def test_corrupted_article_line_shows_a_dialog_and_loses_nothing(qtbot, settings: AppSettings,
                                                                  project_dir: Path, dialogs: list) -> None:
    articles = project_dir / "articles.jsonl"
    lines = articles.read_bytes().splitlines(keepends=True)
    broken = lines[0][: len(lines[0]) // 2] + b"\n"       # a1 torn in the middle
    articles.write_bytes(broken + b"".join(lines[1:]))
    data = articles.read_bytes()
    w = make_window(qtbot, settings)
    w.open_initial(str(project_dir), synchronous=True)
    QApplication.processEvents()
    assert dialogs, "no dialog told the analyst about the broken line"
    assert any("articles.jsonl" in text for _kind, text in dialogs)
    assert w.session.project is not None               # the rest of the project is usable
    assert w.session.open_article("a2") and w.session.record.quote("q1") is not None
    w.close()
    assert articles.read_bytes() == data               # nothing was overwritten


def test_corrupted_manifest_is_an_error_dialog(qtbot, settings: AppSettings, project_dir: Path,
                                               dialogs: list) -> None:
    manifest = project_dir / "goftar-project.json"
    manifest.write_text("{ not json", encoding="utf-8")
    w = make_window(qtbot, settings)
    assert not w.session.open_project(project_dir)
    assert [k for k, _t in dialogs] == ["critical"]
    assert "Traceback" not in dialogs[0][1]
    assert manifest.read_text(encoding="utf-8") == "{ not json"
    w.close()


def test_reopening_after_a_crash_says_the_saved_state_is_restored(qtbot, settings: AppSettings,
                                                                  project_dir: Path, dialogs: list) -> None:
    # Given the lock note a killed session leaves behind (a clean close empties it)
    note = {"pid": 999999, "host": "elsewhere", "annotator": "tester", "since": "2026-11-28T00:00:00Z"}
    (project_dir / "goftar-project.lock").write_text(json.dumps(note), encoding="utf-8")
    w = make_window(qtbot, settings)
    w.open_initial(str(project_dir), synchronous=True)
    qtbot.waitUntil(lambda: any(i18n.tr("dlg.restored") in t for _k, t in dialogs), timeout=2000)
    w.close()
    dialogs.clear()
    w2 = make_window(qtbot, settings)      # that session closed cleanly: no notice this time
    w2.open_initial(str(project_dir), synchronous=True)
    QApplication.processEvents()
    assert not any(i18n.tr("dlg.restored") in t for _k, t in dialogs)
    w2.close()


# ---------------------------------------------------------------------- screenshot mode
def test_screenshot_mode_writes_a_1400x900_png(tmp_path: Path) -> None:
    src = tmp_path / "article.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "shot.png"
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    res = subprocess.run([sys.executable, "-m", "goftar.gui.app", "--screenshot", str(out), "--lang", "fa", str(src)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1400, 900)


# ---------------------------------------------------------------------- dates and help
@pytest.mark.parametrize(("gregorian", "jalali", "expected"), [
    ("2024-09-13", None, "۱۴۰۳-۰۶-۲۳ (2024-09-13)"),
    (None, "1403-06-23", "۱۴۰۳-۰۶-۲۳ (2024-09-13)"),
    ("2020-03-20", None, "۱۳۹۹-۰۱-۰۱ (2020-03-20)"),
    (None, None, ""),
])
def test_dates_are_shown_in_both_calendars(gregorian: str | None, jalali: str | None, expected: str) -> None:
    from goftar.gui.article_header import both_calendars

    i18n.set_language("fa")
    try:
        assert both_calendars(gregorian, jalali) == expected
    finally:
        i18n.set_language("en")


def test_header_shows_publication_and_review_time_in_both_calendars(window: MainWindow) -> None:
    assert "1403-06-24 (2024-09-14)" in window.header.text()  # published, from the fixture's meta
    window.actions["mark_reviewed"].trigger()
    window.session.open_article("a1")
    text = window.header.text()
    assert i18n.tr("status.reviewed") in text and "tester" in text


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_guide_exists_in_both_languages_and_names_the_keys(lang: str) -> None:
    from goftar.gui.guide import guide_markdown

    text = guide_markdown(lang)
    assert len(text) > 2000
    for key in ("Ctrl+Enter", "**A**", "**R**", "**Q**", "F1", "Alt"):
        assert key in text


def test_claim_source_is_set_through_the_speaker_chooser(window: MainWindow,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    c = span(TEXT, "گزارش نادرست است")
    window.view.select_cp(c.start, c.end)
    window.actions["add_claim"].trigger()
    cid = window.session.current[1]
    monkeypatch.setattr(chooser, "choose_item", lambda _p, _t, _l, items, *a, **k: (
        next(i for i in items if "[s1]" in i), True))
    window.actions["set_speaker"].trigger()
    assert window.session.record.item(cid)[1].source == "s1"


def test_unexpected_exception_becomes_a_dialog(window: MainWindow, dialogs: list,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from goftar.gui.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(window)
    try:
        raise KeyError("boom")
    except KeyError as e:
        sys.excepthook(type(e), e, e.__traceback__)
    assert [k for k, _t in dialogs] == ["critical"]
    assert "KeyError" in dialogs[0][1] and "Traceback" not in dialogs[0][1]


def test_background_extraction_fills_an_article_without_suggestions(qtbot, settings: AppSettings, tmp_path: Path,
                                                                    dialogs: list) -> None:
    if not hasattr(pytest.importorskip("goftar.core.extract"), "Extractor"):
        pytest.skip("the extractor is not built yet")
    folder = tmp_path / "bare"
    with Project.create(folder, annotator="tester") as p:
        p.add_articles([Record(id="bare", text=TEXT)])
    w = make_window(qtbot, settings)
    w.session.background = True
    w.session.open_project(folder)
    assert w.work_label.text() == i18n.tr("sb.extracting")     # the window is usable meanwhile
    qtbot.waitUntil(lambda: bool(w.session.record.quotes), timeout=20000)
    assert w.work_label.text() == ""
    assert {h.layer for h in w.view.hits} >= {"quotes"}
    w.close()
    with Project.open(folder, annotator="tester", readonly=True) as p:  # suggestions kept in the project
        assert p.load("bare").quotes


@pytest.mark.parametrize(("needle", "linked"), [("ایران همکاری", True), ("گزارش نادرست است", False)])
def test_a_claim_inside_the_current_quote_is_linked_to_it(window: MainWindow, needle: str, linked: bool) -> None:
    select(window, "quotes", "q1")
    c = span(TEXT, needle)
    window.view.select_cp(c.start, c.end)
    window.actions["add_claim"].trigger()
    claim = window.session.record.item(window.session.current[1])[1]
    assert (claim.quote, claim.source) == (("q1", "s1") if linked else (None, None))


@pytest.mark.parametrize(("cli", "setting", "expected"), [
    ("fa", "en", "fa"), ("en", "fa", "en"), (None, "fa", "fa"), (None, "en", "en"), (None, "system", None),
])
def test_language_choice_order(cli: str | None, setting: str, expected: str | None) -> None:
    from goftar.gui.app import choose_language

    # --lang wins, then the saved setting; "system" (the default) follows the system locale
    assert choose_language(cli, setting) == (expected or i18n.system_language())


def test_default_project_is_created_once_from_the_sample(tmp_path: Path) -> None:
    from goftar.gui.default_project import ensure_default_project, sample_record

    folder = ensure_default_project(tmp_path / "d", annotator="tester")
    with Project.open(folder, annotator="tester") as p:
        assert p.ids() == [sample_record().id]
        rec = p.load(sample_record().id)
        p.save(Record(id=rec.id, text=rec.text, meta=rec.meta, review=Review(status="in_progress")))
    assert ensure_default_project(tmp_path / "d", annotator="tester") == folder  # kept, not recreated
    with Project.open(folder, annotator="tester", readonly=True) as p:
        assert len(p) == 1 and p.load(sample_record().id).review_status == "in_progress"  # the edit persists


# ---------------------------------------------------------------------- work off the UI thread
def _on_thread(monkeypatch: pytest.MonkeyPatch, obj: object, name: str, seen: list[int]) -> None:
    """Record on which thread `obj.name` runs (the call itself is unchanged)."""
    real = getattr(obj, name)

    def wrapped(*a: object, **k: object) -> object:
        seen.append(threading.get_ident())
        return real(*a, **k)

    monkeypatch.setattr(obj, name, wrapped)


@pytest.fixture
def background_window(qtbot, settings: AppSettings, project_dir: Path, dialogs: list) -> MainWindow:
    w = make_window(qtbot, settings)
    w.session.background = True
    assert w.session.open_project(project_dir)
    yield w
    w.close()


def test_export_runs_on_a_worker_with_progress(background_window: MainWindow, qtbot, tmp_path: Path,
                                               dialogs: list, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QProgressDialog

    from goftar.core.schema import read_jsonl

    w = background_window
    w.actions["mark_reviewed"].trigger()
    threads: list[int] = []
    _on_thread(monkeypatch, w.session.project, "export_gold", threads)
    out = tmp_path / "gold.jsonl"
    # When exporting with the session in background mode, Then the call returns at once …
    assert w.projects.export_to(out) is None
    # … and the count arrives as a message once the worker is done, the dialog closed
    qtbot.waitUntil(lambda: any(i18n.tr("dlg.exported", 1, out) == t for _k, t in dialogs), timeout=5000)
    assert threads and threads[0] != threading.get_ident()
    assert all(not d.isVisible() for d in w.findChildren(QProgressDialog))
    assert [r.id for _l, r in read_jsonl(out).records] == ["a1"]


def test_progress_signal_reaches_the_ui_thread_throttled(qtbot) -> None:
    from goftar.gui.workers import ProgressSignal, run_in_background

    progress = ProgressSignal(1000)
    got: list[tuple[int, int]] = []
    progress.changed.connect(lambda n: got.append((n, threading.get_ident())))
    job = run_in_background(lambda: [progress(n) for n in range(1, 1001)])
    qtbot.waitUntil(lambda: job.finished and bool(got) and got[-1][0] == 1000, timeout=5000)
    assert 1 < len(got) <= 201 and {t for _n, t in got} == {threading.get_ident()}
    assert [n for n, _t in got] == sorted(n for n, _t in got)


def test_import_runs_on_a_worker(background_window: MainWindow, qtbot, tmp_path: Path, dialogs: list,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    w = background_window
    threads: list[int] = []
    _on_thread(monkeypatch, w.session.project, "add_articles", threads)
    src = tmp_path / "dropped.txt"
    src.write_text("خبر تازه: وزیر گفت که جلسه برگزار شد.", encoding="utf-8")
    w.projects.drop_paths([src])
    qtbot.waitUntil(lambda: w.navigator.proxy.rowCount() == 3, timeout=5000)
    assert "dropped" in w.session.article_ids()
    assert threads and threads[0] != threading.get_ident()
    assert w.work_label.text() == ""


def test_a_failed_background_import_is_a_dialog(background_window: MainWindow, qtbot, tmp_path: Path,
                                                dialogs: list) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": 3}\n', encoding="utf-8")
    background_window.projects.drop_paths([bad])
    qtbot.waitUntil(lambda: any(k == "critical" for k, _t in dialogs), timeout=5000)
    text = next(t for k, t in dialogs if k == "critical")
    assert "bad.jsonl" in text and "Traceback" not in text
    assert len(background_window.session.article_ids()) == 2


def test_a_dropped_project_opens_on_a_worker(background_window: MainWindow, qtbot, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other"
    with Project.create(other, annotator="tester") as p:
        p.add_articles([article("b1")])
    threads: list[int] = []
    _on_thread(monkeypatch, Project, "open", threads)
    w = background_window
    w.projects.drop_paths([other])
    qtbot.waitUntil(lambda: w.session.article_id == "b1", timeout=5000)
    assert Path(w.session.project.path) == other and w.navigator.proxy.rowCount() == 1
    assert threads and threads[0] != threading.get_ident()
    assert w.work_label.text() == ""


def test_an_import_error_lists_every_problem_in_the_details(window: MainWindow, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(f'{{"id": "x{i}", "text": {i}}}\n' for i in range(5)), encoding="utf-8")
    window.session.import_paths([bad])
    [(text, details)] = shown
    assert "bad.jsonl:1" in text and "4 more" in text
    assert [f"bad.jsonl:{i}" in line for i, line in enumerate(details.splitlines(), 1)] == [True] * 5


def test_switching_articles_does_not_wait_for_a_slow_save(background_window: MainWindow, qtbot, tmp_path: Path,
                                                          dialogs: list, monkeypatch: pytest.MonkeyPatch) -> None:
    from goftar.core.schema import read_jsonl

    w = background_window
    gate = threading.Event()
    real_save = w.session.project.save
    w.session.saver._save = lambda rec: gate.wait(10) and real_save(rec)    # a disk that hangs
    # Given an edit of a1 whose save is stuck
    select(w, "quotes", "q2")
    w.actions["reject"].trigger()
    w.session.submit_pending()
    qtbot.waitUntil(lambda: w.session.saver._running == "a1", timeout=2000)
    # When the analyst goes to a2 and back, Then neither waits for the disk, and a1 shows the edit
    assert w.session.open_article("a2") and w.session.saver.busy
    assert w.session.open_article("a1") and w.session.saver.busy
    assert w.session.record.quote("q2").status == "rejected"
    assert w.save_label.text() == i18n.tr("sb.saving")
    # And an export waits for the save on its worker, then has the edit
    w.session.run(C.mark_reviewed("tester"))
    out = tmp_path / "gold.jsonl"
    assert w.projects.export_to(out) is None and w.session.saver.busy
    gate.set()
    qtbot.waitUntil(lambda: any(i18n.tr("dlg.exported", 1, out) == t for _k, t in dialogs), timeout=10000)
    [(_line, rec)] = read_jsonl(out).records
    assert rec.id == "a1" and rec.quote("q2") is None          # rejected items are not gold


def test_startup_opens_the_last_project_on_a_worker(qtbot, settings: AppSettings, project_dir: Path,
                                                    dialogs: list, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.add_recent_project(project_dir)
    threads: list[int] = []
    _on_thread(monkeypatch, Project, "open", threads)
    w = make_window(qtbot, settings)
    try:
        w.open_initial(None, article="a2")      # as the app starts: not synchronous
        assert w.session.project is None         # the window is up before the project is
        qtbot.waitUntil(lambda: w.session.article_id == "a2", timeout=5000)
        assert threads and threads[0] != threading.get_ident()
        assert w.navigator.proxy.rowCount() == 2
    finally:
        w.close()
        QThreadPool.globalInstance().waitForDone(5000)     # the hazm preload this start began


def test_the_status_bar_shows_background_work_until_the_last_job_ends(background_window: MainWindow,
                                                                      qtbot) -> None:
    w = background_window
    first, second = threading.Event(), threading.Event()
    w.session.run_job(lambda: first.wait(5), lambda _r: None, busy="sb.importing")
    w.session.run_job(lambda: second.wait(5), lambda _r: None, busy="sb.opening")
    assert w.work_label.text() == i18n.tr("sb.opening")
    second.set()                                             # the newer job ends first …
    qtbot.waitUntil(lambda: w.work_label.text() == i18n.tr("sb.importing"), timeout=5000)
    first.set()                                              # … the older one still shows until it ends
    qtbot.waitUntil(lambda: w.work_label.text() == "", timeout=5000)


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_mixed_labels_are_bidi_isolated_on_screen_but_not_in_the_record(qtbot, settings: AppSettings,
                                                                        project_dir: Path, dialogs: list,
                                                                        lang: str) -> None:
    window = make_window(qtbot, settings, lang)
    assert window.session.open_project(project_dir)
    select(window, "quotes", "q1")
    c = span(TEXT, "ایران همکاری")
    window.view.select_cp(c.start, c.end)
    window.actions["add_claim"].trigger()               # linked to q1
    cid = window.session.current[1]
    model = window.panels["claims"].table.model()
    col = next(i for i in range(model.columnCount())
               if model.headerData(i, Qt.Orientation.Horizontal) == i18n.tr("col.quote"))
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(IdRole) == cid)
    shown = model.index(row, col).data()
    q1 = window.session.record.quote("q1")
    # "q1: ما با…" as two isolates: the id left to right, the text in its own direction
    mark = "\u200f" if lang == "fa" else ""   # a right-to-left paragraph in the Persian interface
    assert shown.startswith(mark + "\u2066q1\u2069: \u2068") and shown.endswith("\u2069")
    assert q1.text[:10] in shown
    tip = window.view.tooltip_at(q1.start + 1)
    assert "\u2066q1\u2069" in tip and "\u2068وزیر خارجه\u2069" in tip
    window.actions["reject"].trigger()
    assert "\u2068" + cid + "\u2069" in window.session.undo_stack.undoText()  # "Accept ⁨c1⁩"
    # the record (and the saved line) hold no isolate
    stored = json.dumps(record_to_dict(window.session.record), ensure_ascii=False)
    assert not set(stored) & {"\u2066", "\u2068", "\u2069"}


@pytest.mark.parametrize(("lang", "choice", "says"), [
    ("en", "fa", ("from the next start", "از اجرای بعدی")),   # said in both: the analyst chose Persian
    ("fa", "en", ("از اجرای بعدی", "from the next start")),
    ("en", "en", ("stays in English",)),
])
def test_language_choice_is_one_tick_and_says_when_it_applies(qtbot, settings: AppSettings, project_dir: Path,
                                                              dialogs: list, lang: str, choice: str,
                                                              says: tuple[str, ...]) -> None:
    window = make_window(qtbot, settings, lang)
    seen: list[str] = []
    window.session.infoRaised.connect(lambda _title, message: seen.append(message))
    action = window.findChild(QAction, f"action_lang_{choice}")
    action.trigger()
    assert settings.language == choice
    ticked = [a.objectName() for a in window.language_group.actions() if a.isChecked()]
    assert ticked == [f"action_lang_{choice}"]
    assert len(seen) == 1 and all(s in seen[0] for s in says)


@pytest.mark.parametrize(("lang", "first"), [("en", "L"), ("fa", "R")])
def test_speaker_chooser_labels_read_in_the_interface_direction(qtbot, settings: AppSettings,
                                                                project_dir: Path, dialogs: list,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                lang: str, first: str) -> None:
    window = make_window(qtbot, settings, lang)
    assert window.session.open_project(project_dir)
    select(window, "quotes", "q2")
    offered: list[list[str]] = []
    monkeypatch.setattr(chooser, "choose_item",
                        lambda _p, _t, _l, items, *a, **k: (offered.append(items), (None, False))[1])
    window.actions["set_speaker"].trigger()
    label = next(i for i in offered[0] if "[s1]" in i)
    # the first strong character outside the isolates sets the paragraph: an RLM in Persian
    assert label.startswith("\u200f") == (first == "R")
    assert "\u2068وزیر خارجه\u2069" in label
