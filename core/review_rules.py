"""Small review decisions that belong to the data, not to the window that asks for them.

When an article still needs the extractor, which kind a quote added by hand starts with, what
the next kind in the cycle is, which quote a new claim is attributed to, and that the first edit
of an unreviewed article puts it in progress.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from goftar.core import commands as C
from goftar.core.model import LAYERS, QUOTE_KINDS, Quote, Record, SpanItem

#: review statuses that need no more work: "next unreviewed" passes them by
DONE_STATUSES = frozenset({"reviewed", "skipped"})

#: quotation marks that open and close a direct quote (guillemets, straight and curly quotes)
OPENING_MARKS = "«\"“"
CLOSING_MARKS = "»\"”"


def has_items(record: Record) -> bool:
    """True when the record has any speaker, quote, claim or date."""
    return any(getattr(record, layer) for layer in LAYERS)


def needs_extraction(record: Record) -> bool:
    """An unreviewed article with text and no item at all has not been pre-annotated yet."""
    return not has_items(record) and record.review_status == "unreviewed" and bool(record.text.strip())


def quote_kind_for_span(text: str, start: int, end: int) -> str:
    """'direct' when the span sits right inside quotation marks, else 'indirect'."""
    opened = start > 0 and text[start - 1] in OPENING_MARKS
    closed = end < len(text) and text[end] in CLOSING_MARKS
    return "direct" if opened and closed else "indirect"


def next_quote_kind(kind: str) -> str:
    """The kind after `kind` in the cycle direct → indirect → mixed → direct."""
    return QUOTE_KINDS[(QUOTE_KINDS.index(kind) + 1) % len(QUOTE_KINDS)]


def quote_for_claim(record: Record, quote_id: str | None, start: int, end: int) -> Quote | None:
    """The quote a claim at [start, end) is attributed to: the given quote when the claim overlaps it.

    A claim made inside the current quote is that quote's; elsewhere it stands alone."""
    q = record.quote(quote_id) if quote_id else None
    if q is not None and q.start < end and start < q.end:
        return q
    return None


def sets_review(command: C.Command) -> bool:
    """True when the command (or a part of a compound one) sets the article's review status."""
    if isinstance(command, C.SetReviewStatus):
        return True
    return isinstance(command, C.Compound) and any(sets_review(c) for c in command.commands)


def with_in_progress(record: Record, command: C.Command, annotator: str | None) -> C.Command:
    """The command, joined (as one undo step) by marking an unreviewed article in progress.

    Commands that set the review status themselves (mark reviewed, skip) are left alone."""
    if record.review_status != "unreviewed" or sets_review(command):
        return command
    return C.Compound(commands=[command, C.SetReviewStatus("in_progress", annotator)], label=command.text)


def neighbour_to_review(ids: Sequence[str], here: str | None, status_of: Callable[[str], str],
                        step: int) -> str | None:
    """The next (step=1) or previous (step=-1) article after `here` not reviewed or skipped,
    wrapping around; None when every other article is done. `here` itself is never returned."""
    if not ids:
        return None
    pos = ids.index(here) if here in ids else -1
    n = len(ids)
    for k in range(1, n + 1):
        aid = ids[(pos + step * k) % n]
        if aid != here and status_of(aid) not in DONE_STATUSES:
            return aid
    return None


def item_with_span(record: Record, layer: str, start: int, end: int) -> SpanItem | None:
    """The item of `layer` ('quotes', 'claims', 'dates') that covers exactly [start, end), if any."""
    return next((it for it in getattr(record, layer) if it.start == start and it.end == end), None)
