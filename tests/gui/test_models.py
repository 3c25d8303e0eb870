"""Panel models: QAbstractItemModelTester on each (before and after edits), refresh from Changes,
inline edits as commands, the rejected/status/text filter, and UTF-16 agreement with emoji."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor, QTextDocument, QUndoStack
from PySide6.QtTest import QAbstractItemModelTester

from goftar.core import commands as C
from goftar.core.document import Document
from goftar.core.model import Claim, DateMention, Quote, Record, Review, Span, Speaker
from goftar.core.schema import read_jsonl, record_to_dict
from goftar.core.text.utf16 import Utf16Map
from goftar.gui.models import (
    ArticlesModel,
    ClaimsModel,
    DatesModel,
    ItemFilterProxy,
    ItemRole,
    QuotesModel,
    SpeakersModel,
)
from goftar.gui.undo import DocumentUndo

# Warning mode + the captured Qt log: a tester failure fails the test instead of aborting the run
WARN = QAbstractItemModelTester.FailureReportingMode.Warning
MODELS = (QuotesModel, SpeakersModel, ClaimsModel, DatesModel)


def build_record(text: str) -> Record:
    """A small record over `text` (which must hold «…» after 'گفت', 'لوکاشنکو' and 'پزشکیان')."""
    def span(needle: str, after: int = 0) -> Span:
        i = text.index(needle, after)
        return Span.of(text, i, i + len(needle))

    luk = span("لوکاشنکو")
    pez = span("پزشکیان")
    o = text.index("«")
    c = text.index("»", o)
    cue = span("گفت")
    q1 = Quote(id="q1", kind="direct", start=o + 1, end=c, text=text[o + 1:c], cue=cue, speaker="s1",
               speaker_mention=luk, status="suggested", confidence=0.8)
    q2 = Quote(id="q2", kind="indirect", start=pez.start, end=pez.end + 3, text=text[pez.start:pez.end + 3],
               speaker="s2", speaker_mention=None, status="rejected")
    claim = Claim(id="c1", start=o + 1, end=c, text=text[o + 1:c], source="s1", quote="q1")
    date = DateMention(id="d1", start=cue.start, end=cue.end, text=cue.text, jalali="1403-06-23",
                       gregorian="2024-09-13")
    return Record(id="m", text=text, review=Review(),
                  speakers=[Speaker(id="s1", name="لوکاشنکو", type="person", mentions=[luk]),
                            Speaker(id="s2", name="پزشکیان", type="person", mentions=[pez])],
                  quotes=[q1, q2], claims=[claim], dates=[date])


TEXT = "لوکاشنکو به پزشکیان گفت: «ما با ایران در وضعیت یکسانی قرار داریم.» پزشکیان هم پاسخ داد."


@pytest.fixture
def doc() -> Document:
    return Document(build_record(TEXT))


def _attach_testers(models: list[Any]) -> list[QAbstractItemModelTester]:
    return [QAbstractItemModelTester(m, WARN) for m in models]


@pytest.fixture(autouse=True)
def _no_model_tester_failures(qtlog: Any) -> Any:
    yield
    fails = [r.message for r in qtlog.records if "FAIL!" in r.message]
    assert not fails, fails[0]


EDITS: list[tuple[str, Any]] = [
    ("add-quote", lambda r: C.AddQuote(0, 8)),
    ("delete-quote", lambda r: C.DeleteItem("q1")),
    ("delete-speaker", lambda r: C.DeleteItem("s1")),
    ("merge", lambda r: C.MergeSpeakers("s1", ["s2"])),
    ("new-speaker", lambda r: C.NewSpeaker(0, 8, quote_id="q2")),
    ("rename", lambda r: C.RenameSpeaker("s1", name="الکساندر لوکاشنکو")),
    ("accept-all", lambda r: C.AcceptAll()),
    ("add-claim", lambda r: C.AddClaim(0, 8, source="s2")),
    ("add-date", lambda r: C.AddDate(0, 8, jalali="1403-01-01")),
    ("delete-date", lambda r: C.DeleteItem("d1")),
    ("mark-reviewed", lambda r: C.mark_reviewed("t")),
    ("compound-insert-remove", lambda r: C.Compound([C.AddQuote(0, 8), C.DeleteItem("q1"), C.AddQuote(0, 3)])),
]


@pytest.mark.parametrize(("name", "make"), EDITS, ids=[e[0] for e in EDITS])
def test_models_stay_consistent_through_edit_undo_redo(qtbot: Any, doc: Document, name: str, make: Any) -> None:
    # Given every panel model (and its proxy) under a model tester
    undo = DocumentUndo(doc)
    models = [cls(doc, executor=undo.push) for cls in MODELS]
    proxies = [ItemFilterProxy(m) for m in models]
    testers = _attach_testers(models + proxies)
    before = [[m.index(r, c).data() for r in range(m.rowCount()) for c in range(m.columnCount())] for m in models]
    # When an edit is pushed, undone and redone
    undo.push(make(doc.record))
    for m in models:
        assert m.rowCount() == len(getattr(doc.record, m.layer))
        assert all(m.index(r, 0).data(ItemRole) is it for r, it in enumerate(getattr(doc.record, m.layer)))
    undo.stack.undo()
    # Then the models show exactly what they showed before
    after = [[m.index(r, c).data() for r in range(m.rowCount()) for c in range(m.columnCount())] for m in models]
    assert after == before
    undo.stack.redo()
    assert testers


def test_long_article_models_after_edits(qtbot: Any, shared_dir: Path) -> None:
    rec = read_jsonl(shared_dir / "bench" / "long-article.jsonl").records[0][1]
    doc = Document(rec)
    undo = DocumentUndo(doc)
    models = [cls(doc, executor=undo.push) for cls in MODELS]
    testers = _attach_testers(models + [ItemFilterProxy(m) for m in models])
    s0, s1 = rec.speakers[0].id, rec.speakers[1].id
    for cmd in (C.MergeSpeakers(s0, [s1]), C.DeleteItem(rec.quotes[5].id), C.AcceptAll(),
                C.AddQuote(0, 4), C.mark_reviewed("t")):
        undo.push(cmd)
    assert models[0].rowCount() == len(rec.quotes) and models[1].rowCount() == len(rec.speakers)
    while undo.stack.canUndo():
        undo.stack.undo()
    assert models[1].rowCount() == len(rec.speakers) and testers


@pytest.mark.parametrize(("model_cls", "column", "value", "check"), [
    (QuotesModel, "kind", "mixed", lambda r: r.quotes[0].kind == "mixed" and r.quotes[0].status == "edited"),
    (QuotesModel, "speaker", "s2", lambda r: r.quotes[0].speaker == "s2"),
    (QuotesModel, "speaker", None, lambda r: r.quotes[0].speaker is None),
    (QuotesModel, "status", "rejected", lambda r: r.quotes[0].status == "rejected"),
    (SpeakersModel, "name", "الکساندر لوکاشنکو", lambda r: r.speakers[0].name == "الکساندر لوکاشنکو"),
    (SpeakersModel, "role", "رئیس جمهوری", lambda r: r.speakers[0].role == "رئیس جمهوری"),
    (SpeakersModel, "type", "organization", lambda r: r.speakers[0].type == "organization"),
    (ClaimsModel, "source", "s2", lambda r: r.claims[0].source == "s2"),
    (ClaimsModel, "quote", None, lambda r: r.claims[0].quote is None),
    (DatesModel, "gregorian", "2020-10-16", lambda r: (r.dates[0].jalali, r.dates[0].gregorian)
     == ("1399-07-25", "2020-10-16")),
    (DatesModel, "granularity", "month", lambda r: r.dates[0].gregorian is None and r.dates[0].jalali == "1403-06-01"),
])
def test_inline_edit_is_an_undoable_command(qtbot: Any, doc: Document, model_cls: Any, column: str, value: Any,
                                            check: Any) -> None:
    undo = DocumentUndo(doc)
    model = model_cls(doc, executor=undo.push)
    _attach_testers([model])
    before = record_to_dict(doc.record)
    idx = model.index(0, model.column_of(column))
    assert model.flags(idx) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(idx, value, Qt.ItemDataRole.EditRole)
    assert check(doc.record) and undo.stack.count() == 1
    undo.stack.undo()
    assert record_to_dict(doc.record) == before


def test_refused_inline_edit_reports_and_changes_nothing(qtbot: Any, doc: Document) -> None:
    undo = DocumentUndo(doc)
    model = SpeakersModel(doc, executor=undo.push)
    messages: list[str] = []
    model.edit_failed.connect(messages.append)
    before = record_to_dict(doc.record)
    # a Jalali date that does not exist is refused by the core
    dates = DatesModel(doc, executor=undo.push)
    dates.edit_failed.connect(messages.append)
    assert not dates.setData(dates.index(0, dates.column_of("jalali")), "1403-13-40", Qt.ItemDataRole.EditRole)
    assert messages and undo.stack.count() == 0 and record_to_dict(doc.record) == before
    assert not model.setData(model.index(0, model.column_of("mentions")), 5, Qt.ItemDataRole.EditRole)


def test_without_executor_edits_are_requested_not_applied(qtbot: Any, doc: Document) -> None:
    model = QuotesModel(doc)
    got: list[C.Command] = []
    model.edit_requested.connect(got.append)
    assert model.setData(model.index(0, model.column_of("kind")), "indirect", Qt.ItemDataRole.EditRole)
    assert isinstance(got[0], C.SetKind) and doc.record.quotes[0].kind == "direct"


def test_dependent_columns_refresh(qtbot: Any, doc: Document) -> None:
    undo = DocumentUndo(doc)
    quotes, speakers = QuotesModel(doc), SpeakersModel(doc)
    col = quotes.column_of("speaker")
    with qtbot.waitSignal(quotes.dataChanged, timeout=1000):
        undo.push(C.RenameSpeaker("s1", name="الکساندر لوکاشنکو"))
    assert quotes.index(0, col).data() == "الکساندر لوکاشنکو"
    with qtbot.waitSignal(speakers.dataChanged, timeout=1000):
        undo.push(C.SetSpeaker("q1", "s2"))
    assert speakers.index(1, speakers.column_of("quotes")).data() == 2


@pytest.mark.parametrize(("show_rejected", "statuses", "text", "expected"), [
    (False, None, "", ["q1"]),
    (True, None, "", ["q1", "q2"]),
    (False, {"rejected"}, "", ["q2"]),
    (True, {"suggested"}, "", ["q1"]),
    (True, None, "ايران", ["q1"]),          # Arabic yeh finds the Persian text
    (True, None, "پزشکیان", ["q2"]),       # the speaker column matches too
    (True, None, "nothing-like-this", []),
])
def test_filter_proxy(qtbot: Any, doc: Document, show_rejected: bool, statuses: set[str] | None, text: str,
                      expected: list[str]) -> None:
    proxy = ItemFilterProxy(QuotesModel(doc))
    _attach_testers([proxy])
    proxy.set_show_rejected(show_rejected)
    proxy.set_statuses(statuses)
    proxy.set_text(text)
    assert [proxy.item_at(r).id for r in range(proxy.rowCount())] == expected


def test_proxy_sorts_by_text_order_and_confidence(qtbot: Any, doc: Document) -> None:
    model = QuotesModel(doc)
    proxy = ItemFilterProxy(model)
    proxy.set_show_rejected(True)
    proxy.sort(model.column_of("text"), Qt.SortOrder.DescendingOrder)
    assert [proxy.item_at(r).id for r in range(2)] == ["q1", "q2"]
    proxy.sort(model.column_of("text"), Qt.SortOrder.AscendingOrder)
    assert [proxy.item_at(r).id for r in range(2)] == ["q2", "q1"]     # reading order
    proxy.sort(model.column_of("confidence"), Qt.SortOrder.AscendingOrder)
    assert [proxy.item_at(r).id for r in range(2)] == ["q2", "q1"]   # None sorts first


@pytest.mark.parametrize("prefix", ["😀 ", "👩‍👩‍👧 ", "🇮🇷🇧🇾 "])
def test_emoji_before_a_span_keeps_offsets_in_agreement(qtbot: Any, prefix: str) -> None:
    # Given an article with emoji (two UTF-16 units each) before the quote
    text = prefix + TEXT
    doc = Document(build_record(text))
    undo = DocumentUndo(doc)
    model = QuotesModel(doc, executor=undo.push)
    u16 = Utf16Map(text)
    qdoc = QTextDocument(text)
    # When the analyst selects words in the Qt document (UTF-16 positions) and adds a quote
    needle = "پاسخ داد"
    start, end = text.index(needle), text.index(needle) + len(needle)
    cur = QTextCursor(qdoc)
    cur.setPosition(u16.to_utf16(start))
    cur.setPosition(u16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    undo.push(C.AddQuote(u16.to_cp(cur.selectionStart()), u16.to_cp(cur.selectionEnd(), snap="right")))
    # Then record, model and Qt document agree on the text of every quote
    for r in range(model.rowCount()):
        q = model.index(r, 0).data(ItemRole)
        assert text[q.start:q.end] == q.text
        cur.setPosition(u16.to_utf16(q.start))
        cur.setPosition(u16.to_utf16(q.end), QTextCursor.MoveMode.KeepAnchor)
        assert cur.selectedText() == q.text
        assert model.index(r, 0).data() == " ".join(q.text.split())
    assert any(model.index(r, 0).data() == needle for r in range(model.rowCount()))


# ------------------------------------------------------------------ navigator
def test_articles_model_over_a_project(qtbot: Any, tmp_path: Path) -> None:
    store = pytest.importorskip("goftar.core.store")
    project = store.Project.create(tmp_path / "p", annotator="tester")
    try:
        recs = []
        for i in range(3):
            r = build_record(TEXT)
            r.id, r.meta = f"a{i}", {"title": f"عنوان {i}"}
            recs.append(r)
        project.add_articles(recs)
        model = ArticlesModel(project)
        proxy = ItemFilterProxy(model)
        _attach_testers([model, proxy])
        assert model.rowCount() == 3 and model.index(1, 1).data() == "عنوان 1"
        assert model.progress() == (0, 3) and model.next_unreviewed("a0") == "a1"
        # When a1 is marked reviewed and saved
        doc = Document(project.load("a1"), on_save=project.save)
        DocumentUndo(doc, QUndoStack()).push(C.mark_reviewed("tester"))
        model.refresh_status("a1")
        # Then the navigator shows it, counts it, skips it, and filters by it
        assert model.index(1, 2).data(Qt.ItemDataRole.UserRole + 3) == "reviewed"
        assert model.progress() == (1, 3) and model.next_unreviewed("a0") == "a2"
        assert model.next_unreviewed("a2") == "a0" and model.next_unreviewed("a0", backwards=True) == "a2"
        proxy.set_statuses({"reviewed"})
        assert proxy.rowCount() == 1 and proxy.item_at(0) == "a1"
        proxy.set_statuses(None)
        # titles are read on a worker after opening; the filter searches them once they are in
        qtbot.waitUntil(lambda: model.titles_job.finished, timeout=5000)
        proxy.set_text("عنوان 2")
        assert proxy.rowCount() == 1 and proxy.item_at(0) == "a2"
    finally:
        project.close()


def test_navigator_counts_a_status_change_before_the_store_has_it(qtbot: Any, tmp_path: Path) -> None:
    from goftar.core.store import Project
    from goftar.gui.panels.navigator import NavigatorPanel

    project = Project.create(tmp_path / "p", annotator="tester")
    try:
        project.add_articles([Record(id=f"a{i}", text="متن") for i in (3, 1, 2)])
        model = ArticlesModel(project, background_titles=False)
        nav = NavigatorPanel()
        qtbot.addWidget(nav)
        nav.set_model(model)
        # Given a fresh navigator, Then rows stay in import order (no sort until a header is clicked)
        assert [nav.proxy.item_at(r) for r in range(3)] == ["a3", "a1", "a2"]
        # When the open article is marked reviewed in memory (its save still queued)
        model.refresh_status("a1", "reviewed")
        # Then it is counted, shown and skipped at once, though the store still says unreviewed
        assert project.review_status("a1") == "unreviewed"
        assert model.progress() == (1, 3) and model.counts()["reviewed"] == 1 and model.status("a1") == "reviewed"
        assert (nav.progress.value(), nav.progress.maximum()) == (1, 3)
        assert model.next_unreviewed("a3") == "a2"
        model.refresh_status("a1", "in_progress")        # undone to in progress: counted once, not twice
        assert model.counts() == {"unreviewed": 2, "in_progress": 1, "reviewed": 0, "skipped": 0}
        nav.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        assert [nav.proxy.item_at(r) for r in range(3)] == ["a3", "a1", "a2"]   # column 0 sorts by import order
        nav.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        assert [nav.proxy.item_at(r) for r in range(3)] == ["a2", "a1", "a3"]
    finally:
        project.close()


def test_header_and_parent_rules(qtbot: Any, doc: Document) -> None:
    for cls in MODELS:
        m = cls(doc)
        assert m.rowCount(m.index(0, 0)) == 0 and m.columnCount(m.index(0, 0)) == 0
        assert all(m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount()))
        assert m.data(QModelIndex()) is None
