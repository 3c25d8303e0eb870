"""Review decisions moved out of the window: extraction need, a hand-added quote's kind, claims' quotes."""

from __future__ import annotations

import pytest

from goftar.core import commands as C
from goftar.core.model import Quote, Record, Review, Span, Speaker
from goftar.core.review_rules import (
    has_items,
    item_with_span,
    needs_extraction,
    neighbour_to_review,
    next_quote_kind,
    quote_for_claim,
    quote_kind_for_span,
    with_in_progress,
)

TEXT = "وزیر گفت: «ما همکاری می‌کنیم.» او افزود که سفر انجام شد."


def cut(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


@pytest.mark.parametrize(("needle", "expected"), [
    ("ما همکاری می‌کنیم.", "direct"),      # right inside « »
    ("همکاری می‌کنیم.", "indirect"),        # only closed by »
    ("«ما همکاری می‌کنیم.»", "indirect"),   # the marks themselves are not inside marks
    ("سفر انجام شد", "indirect"),
    ("وزیر", "indirect"),                    # at the very start of the text
])
def test_quote_kind_for_span(needle: str, expected: str) -> None:
    assert quote_kind_for_span(TEXT, *cut(needle)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('he said "we agree" today', "direct"),
    ("he said “we agree” today", "direct"),
    ("«we agree»", "direct"),
])
def test_quote_kind_for_other_quotation_marks(text: str, expected: str) -> None:
    start = text.index("we")
    assert quote_kind_for_span(text, start, start + len("we agree")) == expected


@pytest.mark.parametrize(("kind", "expected"), [("direct", "indirect"), ("indirect", "mixed"), ("mixed", "direct")])
def test_next_quote_kind_cycles(kind: str, expected: str) -> None:
    assert next_quote_kind(kind) == expected


def record(*, quotes: bool = False, text: str = TEXT, status: str | None = None) -> Record:
    rec = Record(id="a", text=text)
    if quotes:
        s, e = cut("ما همکاری می‌کنیم.")
        rec.speakers = [Speaker(id="s1", name="وزیر", type="person", mentions=[Span.of(TEXT, *cut("وزیر"))])]
        rec.quotes = [Quote(id="q1", start=s, end=e, text=TEXT[s:e], kind="direct", speaker="s1")]
    if status is not None:
        rec.review = Review(status=status, annotator="t")
    return rec


@pytest.mark.parametrize(("rec", "items", "needs"), [
    (record(), False, True),                     # fresh article: the extractor has not run
    (record(quotes=True), True, False),          # already suggested
    (record(text="  \n"), False, False),         # nothing to extract from
    (record(status="reviewed"), False, False),   # reviewed empty: the analyst found nothing
    (record(status="skipped"), False, False),
])
def test_needs_extraction(rec: Record, items: bool, needs: bool) -> None:
    assert has_items(rec) is items
    assert needs_extraction(rec) is needs


@pytest.mark.parametrize(("claim", "quote_id", "expected"), [
    ("همکاری", "q1", "q1"),       # inside the current quote
    ("سفر انجام", "q1", None),    # elsewhere: stands alone
    ("همکاری", None, None),       # no current quote
    ("همکاری", "q9", None),       # an id that is not a quote
])
def test_quote_for_claim(claim: str, quote_id: str | None, expected: str | None) -> None:
    q = quote_for_claim(record(quotes=True), quote_id, *cut(claim))
    assert (q.id if q else None) == expected


@pytest.mark.parametrize(("status", "command", "joined"), [
    (None, C.SetStatus("q1", "accept"), True),                       # first edit of an unreviewed article
    ("in_progress", C.SetStatus("q1", "accept"), False),             # already in progress
    ("reviewed", C.SetStatus("q1", "accept"), False),
    (None, C.SetReviewStatus("skipped", "t", reason="ads"), False),  # sets the status itself
    (None, C.mark_reviewed("t"), False),                             # a compound that sets it
])
def test_with_in_progress(status: str | None, command: C.Command, joined: bool) -> None:
    rec = record(quotes=True, status=status)
    out = with_in_progress(rec, command, "t")
    assert (out is not command) == joined
    if joined:
        before = rec.review_status
        out.do(rec)
        assert rec.review_status == "in_progress" and rec.quote("q1").status == "accepted"
        out.undo(rec)
        assert rec.review_status == before and rec.quote("q1").status == "suggested"


STATUSES = {"a": "reviewed", "b": "unreviewed", "c": "skipped", "d": "in_progress", "e": "reviewed"}


@pytest.mark.parametrize(("here", "step", "expected"), [
    ("a", 1, "b"),
    ("b", 1, "d"),      # c is skipped
    ("d", 1, "b"),      # wraps around past e and a
    ("d", -1, "b"),
    ("b", -1, "d"),     # wraps backwards past a and e
    (None, 1, "b"),     # nothing open: the first one to review
    ("zz", -1, "d"),    # an id not in the list counts as before the first
])
def test_neighbour_to_review(here: str | None, step: int, expected: str) -> None:
    assert neighbour_to_review(list(STATUSES), here, STATUSES.__getitem__, step) == expected


@pytest.mark.parametrize(("statuses", "here"), [({"a": "reviewed", "b": "skipped"}, "a"), ({"a": "unreviewed"}, "a"),
                                                ({}, None)])
def test_neighbour_to_review_none_left(statuses: dict[str, str], here: str | None) -> None:
    assert neighbour_to_review(list(statuses), here, statuses.__getitem__, 1) is None


@pytest.mark.parametrize(("layer", "needle", "found"), [
    ("quotes", "ما همکاری می‌کنیم.", "q1"),
    ("quotes", "ما همکاری", None),          # overlapping is not the same range
    ("claims", "ما همکاری می‌کنیم.", None),  # another layer
])
def test_item_with_span(layer: str, needle: str, found: str | None) -> None:
    item = item_with_span(record(quotes=True), layer, *cut(needle))
    assert (item.id if item else None) == found
