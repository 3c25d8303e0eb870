"""Extracting a record that already has an analyst's items: they are kept, and no suggestion
duplicates or contradicts them (an overlapping second direct quote would make it invalid)."""

from __future__ import annotations

from pathlib import Path

from goftar.core.extract import Extractor
from goftar.core.model import Quote, Record, Span, Speaker
from goftar.core.schema import read_jsonl, record_to_dict

TEXT = "وزیر اقتصاد گفت: «تورم در ماه گذشته کاهش یافت.» او افزود که بودجه سال آینده تصویب شده است."


def _human_record() -> Record:
    def sp(s: str) -> Span:
        i = TEXT.index(s)
        return Span(i, i + len(s), s)

    q = sp("تورم در ماه گذشته کاهش یافت.")
    return Record(id="h", text=TEXT, speakers=[
        Speaker(id="s1", name="وزیر اقتصاد", type="person", mentions=[sp("وزیر اقتصاد")], origin="human")],
        quotes=[Quote(id="q1", kind="direct", start=q.start, end=q.end, text=q.text, cue=sp("گفت"), speaker="s1",
                      speaker_mention=sp("وزیر اقتصاد"), origin="human", status="added")])


def test_suggestions_defer_to_human_items() -> None:
    out = Extractor().extract(_human_record())
    record_to_dict(out)  # valid, or RecordError
    human = [q for q in out.quotes if q.origin == "human"]
    assert [q.id for q in human] == ["q1"]
    auto = [q for q in out.quotes if q.origin == "auto"]
    assert all(not (q.start < human[0].end and human[0].start < q.end) for q in auto)
    # the indirect quote after «او افزود» is still suggested, attributed to the analyst's speaker
    later = [q for q in auto if q.text.startswith("بودجه")]
    assert later and later[0].speaker == "s1"
    assert [s.id for s in out.speakers if s.origin == "human"] == ["s1"]
    assert not any(s.origin == "auto" and s.name == "وزیر اقتصاد" for s in out.speakers)


def test_gold_records_stay_valid_when_extracted_again(dev_gold_files: list[Path]) -> None:
    ex = Extractor()
    for f in dev_gold_files:
        for _, rec in read_jsonl(f).records:
            out = ex.extract(rec)
            record_to_dict(out)
            assert [q.id for q in out.quotes if q.origin == "human"] == [q.id for q in rec.quotes]
            for layer in ("quotes", "claims", "dates"):
                human = [it for it in getattr(out, layer) if it.origin == "human"]
                for it in getattr(out, layer):
                    if it.origin == "auto":
                        assert not any(it.start < h.end and h.start < it.end for h in human), (rec.id, it)
