"""Document: change notification, indexes kept current through edits, the save hook."""

from __future__ import annotations

from pathlib import Path

from goftar.core import commands as C
from goftar.core.document import Document, Signal
from goftar.core.model import Quote, Record, Span, Speaker
from goftar.core.schema import record_to_dict

TEXT = "علی گفت که «باران می‌آید» و مریم گفت فردا آفتابی است."


def make_record() -> Record:
    ali = Span.of(TEXT, 0, 3)
    maryam = Span.of(TEXT, TEXT.index("مریم"), TEXT.index("مریم") + 4)
    s, e = TEXT.index("«") + 1, TEXT.index("»")
    fs = TEXT.index("فردا")
    return Record(
        id="doc-test", text=TEXT,
        speakers=[Speaker(id="s1", name="علی", mentions=[ali]), Speaker(id="s2", name="مریم", mentions=[maryam])],
        quotes=[Quote(id="q1", kind="direct", start=s, end=e, text=TEXT[s:e], speaker="s1", speaker_mention=ali),
                Quote(id="q2", kind="indirect", start=fs, end=len(TEXT) - 1, text=TEXT[fs:-1], speaker="s2",
                      speaker_mention=maryam)],
    )


def test_signal_connect_disconnect() -> None:
    got: list[int] = []
    sig = Signal()
    sig.connect(got.append)
    sig.connect(got.append)          # connecting twice delivers once
    sig.emit(1)
    sig.disconnect(got.append)
    sig.emit(2)
    assert got == [1]


def test_apply_notifies_and_revert_restores() -> None:
    # Given a document with a listener
    doc = Document(make_record())
    seen: list[C.Changes] = []
    doc.changed.connect(seen.append)
    before = record_to_dict(doc.record)
    # When a speaker is set
    cmd = C.SetSpeaker("q1", "s2")
    doc.apply(cmd)
    # Then the listener hears which quote changed, and the index follows
    assert seen[-1].ids == {"q1"} and seen[-1].layers == {"quotes"}
    assert [q.id for q in doc.quotes_of("s2")] == ["q1", "q2"] and doc.quotes_of("s1") == []
    assert doc.dirty and doc.revision == 1
    doc.revert(cmd)
    assert record_to_dict(doc.record) == before and [q.id for q in doc.quotes_of("s1")] == ["q1"]
    assert len(seen) == 2


def test_no_op_is_not_announced() -> None:
    doc = Document(make_record())
    seen: list[C.Changes] = []
    doc.changed.connect(seen.append)
    assert not doc.apply(C.SetKind("q1", "direct"))
    assert seen == [] and doc.revision == 0


def test_row_index_follows_inserts_and_removals() -> None:
    doc = Document(make_record())
    assert doc.row_of("quotes", "q2") == 1
    doc.apply(C.DeleteItem("q1"))
    assert doc.row_of("quotes", "q2") == 0 and doc.row_of("quotes", "q1") is None
    doc.apply(C.AddQuote(0, 3, kind="indirect"))
    assert doc.row_of("quotes", "q2") == 1 and doc.get("q3") is doc.record.quotes[0]
    assert doc.item("s2") == ("speakers", doc.record.speakers[1])


def test_merge_updates_speaker_index() -> None:
    doc = Document(make_record())
    assert len(doc.quotes_of("s1")) == 1
    doc.apply(C.MergeSpeakers("s1", ["s2"]))
    assert [q.id for q in doc.quotes_of("s1")] == ["q1", "q2"] and doc.quotes_of("s2") == []
    assert len(doc.mentions_of("s1")) == 2


def test_save_hook_and_replace() -> None:
    saved: list[str] = []
    doc = Document(make_record(), on_save=lambda r: saved.append(r.id))
    doc.apply(C.SetStatus("q1", "accept"))
    doc.save()
    assert saved == ["doc-test"] and not doc.dirty
    seen: list[C.Changes] = []
    doc.changed.connect(seen.append)
    other = make_record()
    other.id = "other"
    doc.replace(other)
    assert doc.record is other and seen[-1].reset and doc.row_of("quotes", "q1") == 0


def test_items_at_position() -> None:
    doc = Document(make_record())
    pos = TEXT.index("باران")
    assert [(layer, it.id) for layer, it in doc.items_at(pos)] == [("quotes", "q1")]
    assert [(layer, it.id) for layer, it in doc.items_at(1)] == [("speakers", "s1")]


def test_long_article_edits_keep_indexes(shared_dir: Path) -> None:
    from goftar.core.schema import read_jsonl

    rec = read_jsonl(shared_dir / "bench" / "long-article.jsonl").records[0][1]
    doc = Document(rec)
    q = rec.quotes[10]
    doc.apply(C.DeleteItem(q.id))
    assert all(doc.row_of("quotes", x.id) == i for i, x in enumerate(rec.quotes))
    sid = rec.speakers[0].id
    assert doc.quotes_of(sid) == [x for x in rec.quotes if x.speaker == sid]
