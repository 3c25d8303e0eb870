"""The undo stack over a Document (round trips, merged nudges, saves after every step) and the
background workers (run_in_background, SaveQueue ordering/coalescing, failures reported)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack

from goftar.core import commands as C
from goftar.core.document import Document
from goftar.core.model import Quote, Record, Span, Speaker
from goftar.core.schema import record_to_dict
from goftar.gui.bidi import strip_isolates
from goftar.gui.undo import CommandAdapter, DocumentUndo, push_command
from goftar.gui.workers import SaveQueue, run_in_background

TEXT = "علی گفت که «باران می‌آید» و مریم گفت فردا آفتابی است."


def make_record(rid: str = "u") -> Record:
    ali = Span.of(TEXT, 0, 3)
    m = TEXT.index("مریم")
    maryam = Span.of(TEXT, m, m + 4)
    s, e = TEXT.index("«") + 1, TEXT.index("»")
    return Record(id=rid, text=TEXT,
                  speakers=[Speaker(id="s1", name="علی", mentions=[ali]),
                            Speaker(id="s2", name="مریم", mentions=[maryam])],
                  quotes=[Quote(id="q1", kind="direct", start=s, end=e, text=TEXT[s:e], speaker="s1",
                                speaker_mention=ali)])


def test_round_trip_through_the_stack() -> None:
    # Given a document whose saves are counted
    saves: list[dict] = []
    doc = Document(make_record(), on_save=lambda r: saves.append(record_to_dict(r)))
    undo = DocumentUndo(doc)
    states = [record_to_dict(doc.record)]
    # When a sequence of edits is pushed
    for cmd in (C.SetStatus("q1", "accept"), C.AddQuote(TEXT.index("فردا"), len(TEXT) - 1),
                C.SetSpeaker("q2", "s2"), C.MergeSpeakers("s1", ["s2"]), C.mark_reviewed("t")):
        undo.push(cmd)
        states.append(record_to_dict(doc.record))
    # Then each step was saved, and undo/redo walk exactly through the same states
    assert len(saves) == 5 and saves[-1] == states[-1]
    assert [undo.stack.text(i) for i in range(undo.stack.count())][-1] == "Mark reviewed"
    for i in range(5, 0, -1):
        undo.stack.undo()
        assert record_to_dict(doc.record) == states[i - 1] and saves[-1] == states[i - 1]
    for i in range(1, 6):
        undo.stack.redo()
        assert record_to_dict(doc.record) == states[i]


def test_refused_command_is_not_pushed() -> None:
    doc = Document(make_record())
    stack = QUndoStack()
    with pytest.raises(C.CommandError):
        push_command(stack, doc, C.AddQuote(TEXT.index("باران"), TEXT.index("باران") + 2, kind="direct"))
    assert stack.count() == 0 and doc.revision == 0


def test_no_op_is_not_pushed() -> None:
    doc = Document(make_record())
    stack = QUndoStack()
    assert not push_command(stack, doc, C.SetKind("q1", "direct"))
    assert stack.count() == 0


def test_consecutive_nudges_make_one_undo_step() -> None:
    doc = Document(make_record())
    undo = DocumentUndo(doc)
    before = record_to_dict(doc.record)
    q = doc.record.quotes[0]
    for _ in range(3):
        undo.push(C.SetSpan("q1", q.start + 1, q.end, nudge=True))
    undo.push(C.SetSpan("q1", q.start, q.end - 1, nudge=True))
    assert undo.stack.count() == 1 and q.text == TEXT[q.start:q.end]
    moved = record_to_dict(doc.record)
    # a mention nudge is another target: a new step
    m = doc.record.speakers[1].mentions[0]
    undo.push(C.SetSpan("s2", m.start, m.end + 1, mention=(m.start, m.end), nudge=True))
    undo.push(C.SetSpan("s2", m.start, m.end + 2, mention=(m.start, m.end + 1), nudge=True))
    assert undo.stack.count() == 2
    undo.stack.undo()
    assert record_to_dict(doc.record) == moved
    undo.stack.undo()
    assert record_to_dict(doc.record) == before
    undo.stack.redo()
    assert record_to_dict(doc.record) == moved


def test_nudging_back_leaves_no_undo_step() -> None:
    doc = Document(make_record())
    undo = DocumentUndo(doc)
    before = record_to_dict(doc.record)
    q = doc.record.quotes[0]
    start, end = q.start, q.end
    undo.push(C.SetSpan("q1", start + 1, end, nudge=True))
    undo.push(C.SetSpan("q1", start, end, nudge=True))
    # the status went suggested → edited on the first nudge, so the record is not back: one step stays
    assert undo.stack.count() == 1
    undo.stack.undo()
    assert record_to_dict(doc.record) == before
    doc.record.quotes[0].status = "added"          # a human item: nudging back is a true no-op
    doc.record.quotes[0].origin = "human"
    undo.stack.clear()
    undo.push(C.SetSpan("q1", start + 1, end, nudge=True))
    undo.push(C.SetSpan("q1", start, end, nudge=True))
    assert undo.stack.count() == 0 and (q.start, q.end) == (start, end)


def test_a_non_nudge_does_not_merge() -> None:
    doc = Document(make_record())
    undo = DocumentUndo(doc)
    q = doc.record.quotes[0]
    undo.push(C.SetSpan("q1", q.start + 1, q.end, nudge=True))
    undo.push(C.SetSpan("q1", q.start + 1, q.end))
    assert undo.stack.count() == 2


def test_adapter_redo_applies_when_not_done() -> None:
    doc = Document(make_record())
    stack = QUndoStack()
    saved: list[Any] = []
    stack.push(CommandAdapter(doc, C.SetStatus("q1", "reject"), saved.append))
    assert doc.record.quotes[0].status == "rejected" and len(saved) == 1
    stack.undo()
    assert doc.record.quotes[0].status == "suggested" and len(saved) == 2


# ------------------------------------------------------------------ workers
def test_run_in_background_delivers_on_the_ui_thread(qtbot: Any) -> None:
    ui = threading.get_ident()
    got: list[tuple[Any, int]] = []
    errors: list[BaseException] = []
    job = run_in_background(lambda: threading.get_ident(), lambda v: got.append((v, threading.get_ident())))
    bad = run_in_background(lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: job.finished and bad.finished, timeout=5000)
    worker, delivered_on = got[0]
    assert worker != ui and delivered_on == ui
    assert isinstance(errors[0], ZeroDivisionError)


def test_save_queue_keeps_order_and_coalesces(qtbot: Any) -> None:
    gate = threading.Event()
    written: list[tuple[str, str]] = []

    def slow_save(rec: Record) -> None:
        gate.wait(5)
        written.append((rec.id, rec.quotes[0].status))

    queue = SaveQueue(slow_save)
    a, b = make_record("a"), make_record("b")
    queue.submit(a)                       # starts at once and waits on the gate
    qtbot.waitUntil(lambda: queue.pending() == 1 and not queue._pending, timeout=2000)
    a.quotes[0].status = "accepted"
    queue.submit(b)
    queue.submit(a)
    a.quotes[0].status = "rejected"       # edits after submit do not leak into the pending snapshot …
    queue.submit(a)                       # … but a newer submit replaces it in place
    assert queue.pending() == 3
    gate.set()
    assert queue.flush(5)
    assert written == [("a", "suggested"), ("b", "suggested"), ("a", "rejected")]
    qtbot.waitUntil(lambda: queue.saves_done == 3, timeout=2000)
    queue.close()


def test_save_queue_reports_failures_and_keeps_going(qtbot: Any) -> None:
    def save(rec: Record) -> None:
        if rec.id == "bad":
            raise OSError("disk full")

    queue = SaveQueue(save)
    failures: list[tuple[str, str]] = []
    busy: list[tuple[bool, int]] = []
    queue.failed.connect(lambda rid, msg: failures.append((rid, msg)))
    queue.busy_changed.connect(lambda b: busy.append((b, threading.get_ident())))
    with qtbot.waitSignal(queue.saved, timeout=3000):
        queue.submit(make_record("bad"))
        queue.submit(make_record("good"))
    queue.flush(5)
    qtbot.waitUntil(lambda: bool(failures), timeout=2000)
    assert failures == [("bad", "disk full")] and queue.last_error == "disk full"
    qtbot.waitUntil(lambda: bool(busy) and busy[-1][0] is False, timeout=2000)
    flags = [b for b, _ in busy]
    assert flags[::2] == [True] * len(flags[::2]) and flags[1::2] == [False] * len(flags[1::2])
    assert {t for _, t in busy} == {threading.get_ident()}     # delivered on the UI thread
    queue.close()


def test_save_queue_into_a_project_survives_reopen(qtbot: Any, tmp_path: Path) -> None:
    store = pytest.importorskip("goftar.core.store")
    project = store.Project.create(tmp_path / "p", annotator="tester")
    project.add_articles([make_record("art")])
    queue = SaveQueue(project.save)
    doc = Document(project.load("art"), on_save=queue.submit)
    undo = DocumentUndo(doc)
    undo.push(C.SetStatus("q1", "accept"))
    undo.push(C.mark_reviewed("tester"))
    expected = record_to_dict(doc.record)
    assert queue.close(10)
    project.close()
    again = store.Project.open(tmp_path / "p", annotator="tester", readonly=True)
    try:
        assert record_to_dict(again.load("art")) == expected and again.review_status("art") == "reviewed"
    finally:
        again.close()


def test_save_queue_validates_once_and_reports_an_invalid_record(qtbot: Any, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store = pytest.importorskip("goftar.core.store")
    from goftar.core import schema

    project = store.Project.create(tmp_path / "p", annotator="tester")
    project.add_articles([make_record("art"), make_record("bad")])
    checks: list[str] = []
    real_check = schema.check_record
    monkeypatch.setattr(schema, "check_record", lambda obj, **kw: checks.append(obj["id"]) or real_check(obj, **kw))
    queue = SaveQueue(project.save)
    failures: list[tuple[str, str]] = []
    queue.failed.connect(lambda rid, msg: failures.append((rid, msg)))
    broken = make_record("bad")
    broken.quotes[0].text = "not the text"          # span text no longer matches text[start:end]
    queue.submit(make_record("art"))
    queue.submit(broken)
    assert queue.close(10)
    qtbot.waitUntil(lambda: bool(failures), timeout=2000)
    assert checks == ["art", "bad"]                   # one validation per save, on the worker
    assert failures[0][0] == "bad" and "does not match" in failures[0][1]
    assert project.review_status("bad") == "unreviewed"
    project.close()


def test_flush_times_out_while_a_save_hangs() -> None:
    gate = threading.Event()
    queue = SaveQueue(lambda r: gate.wait(5))
    queue.submit(make_record())
    assert not queue.flush(0.05) and queue.busy
    gate.set()
    assert queue.close(5)


def test_hazm_loader_reports_ready(qtbot: Any) -> None:
    nlp = pytest.importorskip("goftar.core.text.nlp")
    from goftar.gui.workers import HazmLoader

    loader = HazmLoader()
    with qtbot.waitSignal(loader.loaded, timeout=60000):
        loader.start()
    assert loader.ready and nlp.is_loaded()


def test_extract_job_returns_a_new_record(qtbot: Any, sample_text: str) -> None:
    extract = pytest.importorskip("goftar.core.extract")
    if not hasattr(extract, "Extractor"):
        pytest.skip("the extractor has not landed yet")
    from goftar.gui.workers import ExtractJob

    rec = Record(id="sample", text=sample_text)
    job = ExtractJob()
    with qtbot.waitSignal(job.finished, timeout=60000) as blocker:
        job.start(rec)
    out = blocker.args[0]
    assert out is not rec and out.text == rec.text and rec.quotes == [] and out.quotes
    record_to_dict(out)


def test_a_failing_save_during_undo_is_reported_not_lost() -> None:
    # Given a save hook that fails once the disk is "full"
    full = {"on": False}

    def save(_r: Record) -> None:
        if full["on"]:
            raise OSError("disk full")

    errors: list[BaseException] = []
    doc = Document(make_record(), on_save=save)
    undo = DocumentUndo(doc, on_error=errors.append)
    undo.push(C.SetStatus("q1", "reject"))
    full["on"] = True
    # When Ctrl+Z runs, Then the record is reverted and the failure reported (not swallowed by Qt)
    undo.stack.undo()
    assert doc.record.quotes[0].status == "suggested"
    assert [str(e) for e in errors] == ["disk full"] and doc.dirty


def test_undo_text_comes_from_the_catalogue_when_it_has_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from goftar.gui import i18n
    from goftar.gui.undo import command_label

    assert strip_isolates(command_label(C.SetKind("q1", "mixed"))) == C.SetKind("q1", "mixed").text
    monkeypatch.setitem(i18n.CATALOGUE, "cmd.SetKind", ("Change kind of %1", "تغییر نوع %1"))
    assert strip_isolates(command_label(C.SetKind("q1", "mixed"))) == "Change kind of q1"


LABELLED = [
    C.SetStatus("q1", "accept"), C.SetStatus("q1", "reject"), C.SetStatus("q1", "edited"), C.AcceptAll(),
    C.AddQuote(0, 3, kind="direct"), C.AddClaim(0, 3), C.AddDate(0, 3), C.SetKind("q1", "mixed"),
    C.SetCue("q1", 0, 3), C.SetCue("q1", None), C.SetSpan("q1", 0, 3), C.SetSpan("s1", 0, 3, mention=(0, 2)),
    C.LinkClaim("c1", quote="q1"), C.SetDateValue("d1", jalali="1403-06-23"), C.DeleteItem("q1"),
    C.SetReviewStatus("reviewed"), C.SetReviewStatus("skipped"), C.SetReviewStatus("in_progress"),
    C.SetReviewStatus("unreviewed"), C.AddMention("s1", 0, 3), C.DeleteMention("s1", 0, 3), C.NewSpeaker(0, 3),
    C.NewSpeaker(0, 3, quote_id="q1"), C.SetSpeaker("q1", "s2"), C.SetSpeaker("q1", None),
    C.MergeSpeakers("s1", ["s2", "s3"]), C.RenameSpeaker("s1", name="x"),
]


def test_every_command_class_has_an_undo_label_key() -> None:
    from goftar.gui import i18n

    classes = {c for c in vars(C).values() if isinstance(c, type) and issubclass(c, C.Command)}
    classes -= {C.Command, C.Compound}      # a compound is named by one of its commands
    assert {f"cmd.{c.__name__}" for c in classes} <= i18n.CATALOGUE.keys()
    assert classes <= {type(c) for c in LABELLED}


@pytest.mark.parametrize("command", LABELLED, ids=lambda c: c.text)
def test_undo_labels_read_as_the_command_in_english_and_are_persian_in_persian(command: C.Command) -> None:
    from goftar.gui import i18n
    from goftar.gui.undo import command_label

    assert strip_isolates(command_label(command)) == command.text
    i18n.set_language("fa")
    try:
        label = strip_isolates(command_label(command))
    finally:
        i18n.set_language("en")
    ids = {"q1", "c1", "d1", "s1", "s2", "s3", "edited", "unreviewed"}
    latin = [w for w in label.replace(",", " ").replace(":", " ").split() if w.isascii() and w not in ids]
    assert label != command.text and latin == [], label


def test_compound_steps_are_named_by_their_command_in_persian() -> None:
    from goftar.gui import i18n
    from goftar.gui.undo import command_label

    edit = C.SetStatus("q1", "accept")
    started = C.Compound(commands=[edit, C.SetReviewStatus("in_progress")], label=edit.text)
    i18n.set_language("fa")
    try:
        assert command_label(started) == i18n.tr("cmd.SetStatus.accept", "\u2068q1\u2069")
        assert command_label(C.mark_reviewed("tester")) == i18n.tr("cmd.SetReviewStatus.reviewed")
    finally:
        i18n.set_language("en")


def test_unsaved_gives_a_copy_of_the_queued_or_running_version(qtbot: Any) -> None:
    gate = threading.Event()
    queue = SaveQueue(lambda r: gate.wait(5))
    a, b = make_record("a"), make_record("b")
    a.quotes[0].status = "accepted"
    queue.submit(a)                                    # running (held at the gate)
    queue.submit(b)                                    # queued behind it
    qtbot.waitUntil(lambda: queue._running == "a", timeout=2000)
    running, queued = queue.unsaved("a"), queue.unsaved("b")
    assert running is not None and record_to_dict(running) == record_to_dict(a) and running is not a
    assert queued is not None and queued.id == "b" and queue.unsaved("c") is None
    running.quotes[0].status = "rejected"              # the copy is the caller's own
    assert queue.unsaved("a").quotes[0].status == "accepted"
    gate.set()
    assert queue.close(5)
    assert queue.unsaved("a") is None and queue.unsaved("b") is None
