"""Every edit command: do/undo/redo restore the record exactly, and each leaves a valid goftar/1 record.

Records: one built here from the sample article (always), and — when ../shared is present — every
dev-gold record and the long bench article. Given a record and a command, When it is done, undone
and redone, Then the JSON form before/after matches exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from goftar.core import commands as C
from goftar.core.model import Claim, DateMention, Quote, Record, Review, Span, Speaker
from goftar.core.schema import record_from_dict, record_to_dict

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "resources" / "samples" / "belarus-iran-minsk.txt"


# ------------------------------------------------------------------ records
def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    i = text.index(needle, after)
    return i, i + len(needle)


def sample_record() -> Record:
    """The sample article with a few hand-placed items: two speakers, two quotes, a claim, a date."""
    text = SAMPLE.read_text(encoding="utf-8").replace("\r\n", "\n")
    full = _find(text, "الکساندر لوکاشنکو")
    later = _find(text, "لوکاشنکو", full[1])
    pez = _find(text, "مسعود پزشکیان")
    open_mark = text.index("«ما با ایران")
    close_mark = text.index("»", open_mark)
    cue = _find(text, "گفت", open_mark - 10)
    invite = _find(text, "به بلاروس برود")
    invite_cue = _find(text, "دعوت کرد")
    claim = _find(text, "ما با ایران در وضعیت یکسانی قرار داریم")
    date = _find(text, "روز جمعه ۲۳ شهریورماه")
    s1 = Speaker(id="s1", name="الکساندر لوکاشنکو", role="رئیس جمهوری بلاروس", type="person",
                 mentions=[Span.of(text, *full), Span.of(text, *later)], origin="auto")
    s2 = Speaker(id="s2", name="مسعود پزشکیان", type="person", mentions=[Span.of(text, *pez)], origin="auto")
    q1 = Quote(id="q1", kind="indirect", start=invite[0], end=invite[1], text=text[invite[0]:invite[1]],
               cue=Span.of(text, *invite_cue), speaker="s1", speaker_mention=Span.of(text, *later),
               addressee="s2", origin="auto", status="suggested", confidence=0.7)
    q2 = Quote(id="q2", kind="direct", start=open_mark + 1, end=close_mark, text=text[open_mark + 1:close_mark],
               cue=Span.of(text, *cue), speaker="s1", speaker_mention=None, origin="auto", status="suggested",
               confidence=0.9)
    c1 = Claim(id="c1", start=claim[0], end=claim[1], text=text[claim[0]:claim[1]], source="s1", quote="q2",
               origin="auto", status="suggested")
    d1 = DateMention(id="d1", start=date[0], end=date[1], text=text[date[0]:date[1]], calendar="jalali",
                     granularity="day", jalali="1403-06-23", gregorian="2024-09-13", year_inferred=True,
                     origin="auto", status="suggested")
    rec = Record(id="belarus-sample", text=text, review=Review(), speakers=[s1, s2], quotes=[q1, q2],
                 claims=[c1], dates=[d1])
    record_to_dict(rec)   # the fixture itself must be valid
    return rec


def _shared_records() -> dict[str, dict]:
    out: dict[str, dict] = {}
    files = [*sorted((SHARED / "dev-gold").glob("*.jsonl")), SHARED / "bench" / "long-article.jsonl"]
    for f in files:
        if f.exists():
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    obj = json.loads(line)
                    out[f"{f.parent.name}:{obj['id']}"] = obj
    return out


SHARED_RECORDS = _shared_records()
RECORD_NAMES = ["sample", *SHARED_RECORDS]


def load(name: str) -> Record:
    return sample_record() if name == "sample" else record_from_dict(SHARED_RECORDS[name])


# ------------------------------------------------------------------ command factories
def _q(r: Record) -> Quote | None:
    return r.quotes[0] if r.quotes else None


def _free_span(r: Record, length: int = 4) -> tuple[int, int]:
    """A span at the very start that is no speaker mention yet (mentions must be unique)."""
    keys = {(m.start, m.end) for s in r.speakers for m in s.mentions}
    for n in range(length, length + 5):
        if (0, n) not in keys:
            return 0, n
    raise AssertionError("no free span")


def _shrink(start: int, end: int) -> tuple[int, int]:
    return (start + 1, end) if end - start > 1 else (start, end + 1)


Factory = Callable[[Record], C.Command | None]

FACTORIES: dict[str, Factory] = {
    "accept": lambda r: _q(r) and C.SetStatus(r.quotes[0].id, "accept"),
    "reject": lambda r: _q(r) and C.SetStatus(r.quotes[0].id, "reject"),
    "reject-claim": lambda r: r.claims and C.SetStatus(r.claims[0].id, "reject"),
    "accept-all": lambda r: C.AcceptAll(),
    "add-quote": lambda r: C.AddQuote(*_free_span(r), kind="indirect"),
    "add-quote-with-speaker": lambda r: r.speakers and C.AddQuote(*_free_span(r), speaker=r.speakers[-1].id),
    "add-claim": lambda r: C.AddClaim(*_free_span(r)),
    "add-claim-in-quote": lambda r: _q(r) and C.AddClaim(r.quotes[0].start, r.quotes[0].end, quote=r.quotes[0].id),
    "add-date": lambda r: C.AddDate(*(r.dates[0].start, r.dates[0].end) if r.dates else _free_span(r)),
    "add-mention": lambda r: r.speakers and C.AddMention(r.speakers[0].id, *_free_span(r)),
    "new-speaker": lambda r: C.NewSpeaker(*_free_span(r)),
    "new-speaker-for-quote": lambda r: _q(r) and C.NewSpeaker(*_free_span(r), quote_id=r.quotes[0].id),
    "set-kind": lambda r: _q(r) and C.SetKind(r.quotes[0].id, "mixed" if r.quotes[0].kind != "mixed" else "indirect"),
    "set-speaker": lambda r: _q(r) and r.speakers and C.SetSpeaker(r.quotes[0].id, r.speakers[-1].id),
    "set-speaker-mention": lambda r: _q(r) and r.speakers and C.SetSpeaker(r.quotes[0].id, r.speakers[0].id,
                                                                            mention=_free_span(r)),
    "clear-speaker": lambda r: _q(r) and C.SetSpeaker(r.quotes[0].id, None),
    "clear-cue": lambda r: _q(r) and C.SetCue(r.quotes[0].id, None),
    "set-cue": lambda r: _q(r) and r.quotes[0].start > 0 and C.SetCue(r.quotes[0].id, 0, min(2, r.quotes[0].start)),
    "nudge-quote": lambda r: _q(r) and C.SetSpan(r.quotes[0].id, *_shrink(r.quotes[0].start, r.quotes[0].end),
                                                 nudge=True),
    "nudge-claim": lambda r: r.claims and C.SetSpan(r.claims[0].id, *_shrink(r.claims[0].start, r.claims[0].end)),
    "nudge-date": lambda r: r.dates and C.SetSpan(r.dates[0].id, *_shrink(r.dates[0].start, r.dates[0].end)),
    "nudge-mention": lambda r: next((C.SetSpan(s.id, *_shrink(m.start, m.end), mention=(m.start, m.end))
                                     for s in r.speakers for m in s.mentions[:1]
                                     if (m.start + 1, m.end) not in {(x.start, x.end) for x in s.mentions}), None),
    "link-claim": lambda r: r.claims and _q(r) and C.LinkClaim(r.claims[0].id, quote=r.quotes[-1].id),
    "unlink-claim": lambda r: r.claims and C.LinkClaim(r.claims[0].id, quote=None, source=None),
    "merge": lambda r: len(r.speakers) > 1 and C.MergeSpeakers(r.speakers[0].id, [r.speakers[1].id]),
    "merge-three": lambda r: len(r.speakers) > 2 and C.MergeSpeakers(r.speakers[-1].id,
                                                                     [s.id for s in r.speakers[:2]]),
    "rename": lambda r: r.speakers and C.RenameSpeaker(r.speakers[0].id, name="نام تازه", role=None,
                                                       type="organization"),
    "delete-speaker": lambda r: r.speakers and C.DeleteItem(r.speakers[0].id),
    "delete-speaker-repoint": lambda r: len(r.speakers) > 1 and C.DeleteItem(r.speakers[0].id,
                                                                             repoint_to=r.speakers[1].id),
    "delete-quote": lambda r: _q(r) and C.DeleteItem(r.quotes[0].id),
    "delete-claim": lambda r: r.claims and C.DeleteItem(r.claims[-1].id),
    "delete-date": lambda r: r.dates and C.DeleteItem(r.dates[0].id),
    "delete-mention": lambda r: next((C.DeleteMention(s.id, m.start, m.end) for s in r.speakers
                                      for m in s.mentions[:1]), None),
    "mark-reviewed": lambda r: C.mark_reviewed("tester", updated="2026-11-28T01:00:00Z"),
    "skip": lambda r: C.SetReviewStatus("skipped", "tester", "2026-11-28T01:00:00Z", reason="duplicate"),
    "date-value": lambda r: r.dates and C.SetDateValue(r.dates[0].id, jalali="1399-07-25", granularity="day",
                                                      calendar="jalali"),
    "date-month": lambda r: r.dates and C.SetDateValue(r.dates[0].id, gregorian="2020-10-16",
                                                      granularity="month", calendar="gregorian"),
}


def _applicable_cases() -> list[tuple[str, str]]:
    """(record, factory) pairs where the record has what the command needs (a quote, two speakers…)."""
    cases: list[tuple[str, str]] = []
    for name in RECORD_NAMES:
        rec = load(name)
        cases += [(name, factory) for factory, make in FACTORIES.items() if make(rec)]
    return cases


CASES = _applicable_cases()


def test_every_command_factory_has_a_record() -> None:
    assert {factory for _, factory in CASES} == set(FACTORIES)


@pytest.mark.parametrize(("name", "factory"), CASES, ids=[f"{factory}-{name}" for name, factory in CASES])
def test_do_undo_redo_is_exact(name: str, factory: str) -> None:
    # Given a record and a command made for it
    rec = load(name)
    cmd = FACTORIES[factory](rec)
    assert cmd
    before = record_to_dict(rec)
    # When it is done, Then the record is valid (record_to_dict validates); Changes say whether it changed
    changes = cmd.do(rec)
    after = record_to_dict(rec)
    assert bool(changes) == (after != before)
    assert cmd.text
    # When undone, Then exactly the previous record; redone, exactly the edited one
    cmd.undo(rec)
    assert record_to_dict(rec) == before
    cmd.do(rec)
    assert record_to_dict(rec) == after
    cmd.undo(rec)
    assert record_to_dict(rec) == before


# ------------------------------------------------------------------ semantics, parametrized (input, expected)
@pytest.mark.parametrize(("status", "origin", "action", "expected"), [
    ("suggested", "auto", "accept", "accepted"),
    ("suggested", "auto", "reject", "rejected"),
    ("rejected", "auto", "accept", "accepted"),
    ("rejected", "human", "accept", "added"),
    ("edited", "auto", "accept", "edited"),
    ("added", "human", "reject", "rejected"),
    ("accepted", "auto", "suggested", "suggested"),
])
def test_set_status(status: str, origin: str, action: str, expected: str) -> None:
    rec = sample_record()
    q = rec.quotes[0]
    q.status, q.origin = status, origin
    C.SetStatus(q.id, action).do(rec)
    assert q.status == expected


@pytest.mark.parametrize(("status", "origin", "expected"), [
    ("suggested", "auto", "edited"),
    ("accepted", "auto", "edited"),
    ("edited", "auto", "edited"),
    ("added", "human", "added"),
    ("rejected", "auto", "rejected"),
])
def test_an_edit_marks_a_suggestion_edited(status: str, origin: str, expected: str) -> None:
    rec = sample_record()
    q = rec.quotes[0]
    q.status, q.origin = status, origin
    C.SetKind(q.id, "mixed").do(rec)
    assert (q.kind, q.status) == ("mixed", expected)


def test_accepting_a_speaker_is_a_no_op() -> None:
    rec = sample_record()
    assert not C.SetStatus("s1", "accept").do(rec)


def test_accept_all_accepts_only_suggestions() -> None:
    rec = sample_record()
    rec.quotes[1].status = "rejected"
    C.AcceptAll().do(rec)
    assert [q.status for q in rec.quotes] == ["accepted", "rejected"]
    assert rec.claims[0].status == rec.dates[0].status == "accepted"


def test_added_items_are_human_in_text_order_with_fresh_ids() -> None:
    rec = sample_record()
    text = rec.text
    start, end = _find(text, "بعد از دیدار با ولادیمیر پوتین")
    cmd = C.AddQuote(start, end, kind="indirect", speaker="s1")
    ch = cmd.do(rec)
    q = rec.quotes[0]
    assert (q.id, q.origin, q.status, q.text) == ("q3", "human", "added", text[start:end])
    # no mention of s1 precedes the quote, so the first one after it is the source
    assert q.speaker_mention == rec.speakers[0].mentions[0]
    assert ch.rows == [C.RowOp("quotes", "insert", 0, q)]
    cmd.undo(rec)
    assert cmd.do(rec) and rec.quotes[0].id == "q3"   # redo reuses the id


@pytest.mark.parametrize(("needle", "calendar", "granularity", "jalali", "gregorian"), [
    ("روز جمعه ۲۳ شهریورماه", "jalali", "day", "1403-06-23", "2024-09-13"),
])
def test_add_date_explicit_value_converts(needle: str, calendar: str, granularity: str, jalali: str,
                                          gregorian: str) -> None:
    rec = sample_record()
    rec.dates.clear()
    s, e = _find(rec.text, needle)
    C.AddDate(s, e, calendar=calendar, granularity=granularity, jalali=jalali).do(rec)
    d = rec.dates[0]
    assert (d.jalali, d.gregorian, d.origin, d.status) == (jalali, gregorian, "human", "added")


def test_add_mention_keeps_text_order() -> None:
    rec = sample_record()
    sp = rec.speakers[0]
    s, e = _find(rec.text, "لوکاشنکو", sp.mentions[0].start)   # the surname inside the full name
    C.AddMention(sp.id, s, e).do(rec)
    keys = [(m.start, m.end) for m in sp.mentions]
    assert keys == sorted(keys) and keys[1] == (s, e) and len(keys) == 3


def test_set_speaker_keeps_speaker_mention_among_the_mentions() -> None:
    rec = sample_record()
    q = rec.quotes[1]
    C.SetSpeaker(q.id, "s2").do(rec)
    assert q.speaker == "s2" and q.speaker_mention in rec.speakers[1].mentions
    s, e = _find(rec.text, "لوکاشنکو", rec.speakers[0].mentions[0].end)
    C.SetSpeaker(q.id, "s1", mention=(s, e)).do(rec)
    assert q.speaker_mention == Span.of(rec.text, s, e) and q.speaker_mention in rec.speakers[0].mentions


def test_moving_a_mention_keeps_the_quote_link() -> None:
    rec = sample_record()
    m = rec.speakers[0].mentions[1]
    C.SetSpan("s1", m.start, m.end + 1, mention=(m.start, m.end)).do(rec)
    assert rec.quotes[0].speaker_mention == Span.of(rec.text, m.start, m.end + 1)


def test_merge_unites_mentions_and_repoints() -> None:
    rec = sample_record()
    rec.speakers[0].role = None
    rec.speakers[1].role = "رئیس جمهور ایران"
    C.MergeSpeakers("s1", ["s2"]).do(rec)
    assert [s.id for s in rec.speakers] == ["s1"]
    s1 = rec.speakers[0]
    keys = [(m.start, m.end) for m in s1.mentions]
    assert keys == sorted(keys) and len(keys) == 3
    assert s1.name == "الکساندر لوکاشنکو" and s1.role == "رئیس جمهور ایران"
    assert rec.quotes[0].addressee == "s1"


@pytest.mark.parametrize(("repoint", "speaker", "source"), [(None, None, None), ("s2", "s2", "s2")])
def test_delete_speaker_nulls_or_repoints(repoint: str | None, speaker: str | None, source: str | None) -> None:
    rec = sample_record()
    cmd = C.DeleteItem("s1", repoint_to=repoint)
    cmd.do(rec)
    assert [q.speaker for q in rec.quotes] == [speaker, speaker]
    assert rec.claims[0].source == source
    if repoint:
        assert all(q.speaker_mention in rec.speakers[0].mentions for q in rec.quotes if q.speaker_mention)
    cmd.undo(rec)
    assert [s.id for s in rec.speakers] == ["s1", "s2"]


def test_delete_quote_unlinks_claims_and_undo_restores_position() -> None:
    rec = sample_record()
    first = rec.quotes[0]
    cmd = C.DeleteItem("q2")
    ch = cmd.do(rec)
    assert rec.claims[0].quote is None and [q.id for q in rec.quotes] == ["q1"]
    assert ch.rows[0][:3] == ("quotes", "remove", 1)
    ch = cmd.undo(rec)
    assert [q.id for q in rec.quotes] == ["q1", "q2"] and rec.quotes[0] is first
    assert ch.rows[0][:3] == ("quotes", "insert", 1)


def test_mark_reviewed_is_one_compound_step() -> None:
    rec = sample_record()
    before = record_to_dict(rec)
    cmd = C.mark_reviewed("tester")
    cmd.do(rec)
    assert rec.review is not None and rec.review.status == "reviewed" and rec.review.annotator == "tester"
    assert rec.review.updated is not None and rec.review.updated.endswith("Z") and "T" in rec.review.updated
    assert all(q.status == "accepted" for q in rec.quotes)
    cmd.undo(rec)
    assert record_to_dict(rec) == before


def test_review_created_when_absent() -> None:
    rec = sample_record()
    rec.review = None
    before = record_to_dict(rec)
    cmd = C.SetReviewStatus("in_progress", "a")
    assert cmd.do(rec).review
    cmd.undo(rec)
    assert rec.review is None and record_to_dict(rec) == before


@pytest.mark.parametrize(("calendar", "granularity", "jalali", "gregorian", "expected"), [
    ("jalali", "day", "1403-06-23", None, ("1403-06-23", "2024-09-13")),
    ("gregorian", "day", None, "2020-10-16", ("1399-07-25", "2020-10-16")),
    ("jalali", "month", "1402-02-17", None, ("1402-02-01", None)),
    ("gregorian", "month", None, "2019-06-20", (None, "2019-06-01")),
    ("gregorian", "year", None, "2015-05-05", (None, "2015-01-01")),
    ("jalali", "year", "1390-03-04", None, ("1390-01-01", None)),
])
def test_date_values(calendar: str, granularity: str, jalali: str | None, gregorian: str | None,
                     expected: tuple[str | None, str | None]) -> None:
    assert C.date_values(calendar, granularity, jalali, gregorian) == expected


@pytest.mark.parametrize("make", [
    pytest.param(lambda r: C.SetKind("q1", "direct"), id="indirect-to-direct-overlaps"),
    pytest.param(lambda r: C.AddQuote(r.quotes[1].start, r.quotes[1].start + 3, kind="direct"), id="direct-overlap"),
    pytest.param(lambda r: C.SetCue("q2", r.quotes[1].start, r.quotes[1].start + 2), id="cue-in-content"),
    pytest.param(lambda r: C.AddQuote(5, 5), id="empty-span"),
    pytest.param(lambda r: C.AddQuote(0, len(r.text) + 1), id="out-of-range"),
    pytest.param(lambda r: C.SetStatus("q99", "accept"), id="unknown-id"),
    pytest.param(lambda r: C.SetStatus("s1", "reject"), id="speaker-has-no-status"),
    pytest.param(lambda r: C.AddMention("s1", r.speakers[0].mentions[0].start, r.speakers[0].mentions[0].end),
                 id="duplicate-mention"),
    pytest.param(lambda r: C.RenameSpeaker("s1", name="  "), id="empty-name"),
    pytest.param(lambda r: C.MergeSpeakers("s1", ["s1"]), id="merge-into-itself"),
    pytest.param(lambda r: C.SetDateValue("d1", jalali="1403-06-23", gregorian="2024-09-14"), id="different-days"),
    pytest.param(lambda r: C.SetDateValue("d1", jalali="1403-13-01"), id="bad-jalali"),
    pytest.param(lambda r: C.Compound([C.AcceptAll(), C.SetKind("q9", "direct")]), id="compound-all-or-nothing"),
])
def test_refused_edit_changes_nothing(make: Callable[[Record], C.Command]) -> None:
    rec = sample_record()
    # a direct quote that the indirect one would overlap if it became direct
    rec.quotes[0].start, rec.quotes[0].end = rec.quotes[1].start, rec.quotes[1].start + 5
    rec.quotes[0].text = rec.text[rec.quotes[0].start:rec.quotes[0].end]
    rec.quotes[0].cue = None
    before = record_to_dict(rec)
    with pytest.raises(C.CommandError):
        make(rec).do(rec)
    assert record_to_dict(rec) == before


def test_nudges_merge_into_one_step() -> None:
    rec = sample_record()
    before = record_to_dict(rec)
    q = rec.quotes[1]
    a = C.SetSpan(q.id, q.start + 1, q.end, nudge=True)
    a.do(rec)
    b = C.SetSpan(q.id, q.start + 1, q.end, nudge=True)
    b.do(rec)
    assert a.merge(b)
    after = record_to_dict(rec)
    a.undo(rec)
    assert record_to_dict(rec) == before
    a.do(rec)
    assert record_to_dict(rec) == after


def test_added_date_reads_its_value_and_year_from_context() -> None:
    # Given the sample article, whose «۲۳ شهریورماه» has no year of its own
    pytest.importorskip("goftar.core.extract.dates")
    rec = sample_record()
    rec.dates.clear()
    s, e = _find(rec.text, "روز جمعه ۲۳ شهریورماه")
    # When the analyst adds it without a value
    C.AddDate(s, e).do(rec)
    d = rec.dates[0]
    # Then the dates module read it, taking the year from the surrounding text (the article's 1403)
    assert (d.calendar, d.granularity, d.jalali, d.gregorian, d.year_inferred) == \
        ("jalali", "day", "1403-06-23", "2024-09-13", True)
