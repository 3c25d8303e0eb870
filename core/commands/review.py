"""The article's review block: status, annotator, timestamp; 'mark reviewed' as one compound step."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..model import REVIEW_STATUSES, Record, Review
from .base import Command, CommandError, Compound
from .changes import EditLog
from .items import AcceptAll


def utc_now_iso() -> str:
    """UTC timestamp as SCHEMA.md writes it: 2026-11-27T10:00:00Z."""
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class SetReviewStatus(Command):
    """Set the review status; the timestamp is fixed when the command is made, so redo repeats it."""

    status: str
    annotator: str | None = None
    updated: str = field(default_factory=utc_now_iso)
    reason: str | None = None     # a skip reason, kept in review.extra["reason"]

    @property
    def text(self) -> str:
        return {"reviewed": "Mark reviewed", "skipped": "Skip article",
                "in_progress": "Start review"}.get(self.status, f"Set review status {self.status}")

    def _do(self, record: Record, log: EditLog) -> None:
        if self.status not in REVIEW_STATUSES:
            raise CommandError(f"unknown review status {self.status!r}")
        if record.review is None:
            log.set(record, "review", Review(), layer="review")
        rv = record.review
        assert rv is not None
        log.set(rv, "status", self.status, layer="review")
        log.set(rv, "annotator", self.annotator if self.annotator is not None else rv.annotator, layer="review")
        log.set(rv, "updated", self.updated, layer="review")
        if self.reason is not None or "reason" in rv.extra:
            extra = dict(rv.extra)
            if self.reason:
                extra["reason"] = self.reason
            else:
                extra.pop("reason", None)
            log.set(rv, "extra", extra, layer="review")


def mark_reviewed(annotator: str | None, *, updated: str | None = None) -> Compound:
    """Accept every remaining suggestion and mark the article reviewed, as one undo step."""
    status = SetReviewStatus("reviewed", annotator, updated or utc_now_iso())
    return Compound(commands=[AcceptAll(), status], label="Mark reviewed")
