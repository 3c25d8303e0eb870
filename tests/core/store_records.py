"""Synthetic goftar/1 records for the store tests (a helper module: pytest does not collect it).

Built from the reference article text in resources/samples (part of the repository), with
indirect quotes, claims and a date over word spans, so every record is valid and each has
a different id and item set.
"""

from __future__ import annotations

import re
from pathlib import Path

from goftar.core.model import Claim, DateMention, Quote, Record, Review, Span, Speaker

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "belarus-iran-minsk.txt"


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def make_record(rid: str, text: str | None = None, *, n_items: int = 6, status: str | None = None,
                variant: int = 0) -> Record:
    """A valid record `rid` with `n_items` quotes (and half as many claims) over word spans."""
    text = sample_text() if text is None else text
    words = [m.span() for m in re.finditer(r"\S+", text)]
    first = Span.of(text, *words[0])
    rec = Record(id=rid, text=text, meta={"title": f"article {rid}"},
                 review=None if status is None else Review(status=status, annotator=None, updated=None),
                 speakers=[Speaker(id="s1", name=first.text, type="person", mentions=[first])])
    step = max(3, (len(words) - 4) // max(1, n_items))
    for k in range(n_items):
        i = 2 + (k * step + variant) % max(1, len(words) - 4)
        s, e = words[i][0], words[min(i + 1, len(words) - 1)][1]
        if rec.quotes and s < rec.quotes[-1].end:
            continue
        rec.quotes.append(Quote(id=f"q{k + 1}", kind="indirect", start=s, end=e, text=text[s:e], speaker="s1",
                                confidence=0.5))
        if k % 2 == 0:
            rec.claims.append(Claim(id=f"c{k + 1}", start=s, end=e, text=text[s:e], source="s1",
                                    quote=f"q{k + 1}"))
    s, e = words[-1]
    rec.dates.append(DateMention(id="d1", start=s, end=e, text=text[s:e], calendar="jalali", granularity="year",
                                 jalali="1403-01-01", gregorian="2024-03-20"))
    return rec
