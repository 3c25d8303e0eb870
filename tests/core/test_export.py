"""Gold export: rejected items dropped with their links, statuses kept, atomic, validated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goftar.core.errors import RecordError
from goftar.core.io.export import export_gold
from goftar.core.model import Claim, DateMention, Quote, Record, Review, Span, Speaker
from goftar.core.schema import read_jsonl

TEXT = "وزیر گفت: «قیمت نفت بالا رفت.» او افزود که تحریم‌ها اثری ندارند. دیروز ۲ مرداد بود."


def _span(sub: str) -> tuple[int, int, str]:
    i = TEXT.index(sub)
    return i, i + len(sub), sub


def _record(q1_status: str = "accepted", q2_status: str = "rejected", d_status: str = "rejected",
            claim_quote: str = "q2", speaker_status: str | None = None) -> Record:
    s1, e1, t1 = _span("قیمت نفت بالا رفت.")
    s2, e2, t2 = _span("تحریم‌ها اثری ندارند")
    sd, ed, td = _span("۲ مرداد")
    mention = Span.of(TEXT, *_span("وزیر")[:2])
    extra = {"status": speaker_status} if speaker_status else {}
    return Record(
        id="r1", text=TEXT, review=Review(status="reviewed", annotator="a", updated=None),
        speakers=[Speaker(id="s1", name="وزیر", type="person", mentions=[mention], origin="auto"),
                  Speaker(id="s2", name="او", type="person", mentions=[Span.of(TEXT, *_span("او")[:2])],
                          origin="auto", extra=extra)],
        quotes=[Quote(id="q1", kind="direct", start=s1, end=e1, text=t1, speaker="s1", status=q1_status),
                Quote(id="q2", kind="indirect", start=s2, end=e2, text=t2, speaker="s2", status=q2_status)],
        claims=[Claim(id="c1", start=s2, end=e2, text=t2, source="s2", quote=claim_quote, status="accepted")],
        dates=[DateMention(id="d1", start=sd, end=ed, text=td, jalali="1403-05-02", gregorian="2024-07-23",
                           status=d_status)],
    )


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    ("kwargs", "with_provenance", "quotes", "dates", "claim_quote"),
    [
        ({}, False, ["q1"], [], None),  # rejected q2 and d1 dropped; c1's link to q2 cut
        ({}, True, ["q1", "q2"], ["d1"], "q2"),  # provenance keeps everything
        ({"q2_status": "suggested", "d_status": "accepted"}, False, ["q1", "q2"], ["d1"], "q2"),
        ({"q1_status": "rejected", "q2_status": "edited", "claim_quote": None}, False, ["q2"], [], None),
    ],
)
def test_export_drops_rejected(tmp_path: Path, kwargs: dict, with_provenance: bool, quotes: list[str],
                               dates: list[str], claim_quote: str | None) -> None:
    out = tmp_path / "gold.jsonl"
    rec = _record(**kwargs)
    before = [q.status for q in rec.quotes]
    assert export_gold([rec], out, with_provenance=with_provenance) == 1
    (got,) = _read(out)
    assert [q["id"] for q in got["quotes"]] == quotes
    assert [d["id"] for d in got["dates"]] == dates
    assert got["claims"][0]["quote"] == claim_quote
    assert [s["id"] for s in got["speakers"]] == ["s1", "s2"]  # speakers left without quotes are kept
    # statuses of survivors are unchanged, and the caller's record is untouched
    by_id = {q.id: q.status for q in rec.quotes}
    assert all(q["status"] == by_id[q["id"]] for q in got["quotes"])
    assert [q.status for q in rec.quotes] == before
    assert not read_jsonl(out).errors


@pytest.mark.parametrize(("q2_status", "kept"), [("rejected", ["s1"]), ("accepted", ["s1", "s2"])])
def test_rejected_speaker_dropped_only_when_unreferenced(tmp_path: Path, q2_status: str, kept: list[str]) -> None:
    out = tmp_path / "gold.jsonl"
    # c1 (source s2) stays unless... it is accepted, so only drop s2 when c1 no longer names it
    rec = _record(q2_status=q2_status, speaker_status="rejected")
    rec.claims[0].source = None if q2_status == "rejected" else "s2"
    export_gold([rec], out)
    assert [s["id"] for s in _read(out)[0]["speakers"]] == kept


def test_export_invalid_record_leaves_old_file(tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    out.write_text("old\n", encoding="utf-8")
    bad = _record()
    bad.quotes[0].text = "something else"
    with pytest.raises(RecordError, match=r"r1 quotes\[q1\]"):
        export_gold([_record(), bad], out)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["gold.jsonl"]  # no temp file left behind


def test_export_progress_and_count(tmp_path: Path) -> None:
    ticks: list[int] = []
    recs = []
    for i in range(5):
        r = _record()
        r.id = f"r{i}"
        recs.append(r)
    assert export_gold(iter(recs), tmp_path / "g.jsonl", progress=ticks.append) == 5
    assert ticks == [1, 2, 3, 4, 5]  # records written so far
    assert [d["id"] for d in _read(tmp_path / "g.jsonl")] == [f"r{i}" for i in range(5)]


def test_dev_gold_round_trip(tmp_path: Path, dev_gold_files: list[Path]) -> None:
    assert dev_gold_files
    for f in dev_gold_files:
        res = read_jsonl(f, gold=True)
        assert not res.errors, res.errors
        out = tmp_path / f.name
        assert export_gold((r for _, r in res.records), out) == len(res.records)
        assert _read(out) == _read(f)
        assert out.read_bytes() == f.read_bytes()
