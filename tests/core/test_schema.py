"""The goftar/1 reader and writer: exact round trips, one failure per rule, agreement with the
reference checker in ../shared/tools, and error messages that say where and what."""

from __future__ import annotations

import copy
import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from goftar.core.errors import RecordError
from goftar.core.model import Quote, Record, Span
from goftar.core.schema import (
    check_record,
    dumps_record,
    errors_of,
    loads_record,
    read_jsonl,
    record_from_dict,
    record_to_dict,
    write_jsonl,
)

TEXT = "وزیر گفت: «تورم کاهش یافت.» او افزود که بودجه ۲۳ شهریورماه تصویب شد. 😀 پایان"


def sp(s: str, text: str = TEXT) -> dict:
    i = text.index(s)
    return {"start": i, "end": i + len(s), "text": s}


def base_record() -> dict:
    """A small valid gold record (the reference checker's self-test record, plus an emoji)."""
    return {
        "schema": "goftar/1", "id": "x", "text": TEXT,
        "speakers": [{"id": "s1", "name": "وزیر", "role": None, "type": "person",
                      "mentions": [sp("وزیر"), sp("او")], "origin": "human"}],
        "quotes": [
            {"id": "q1", "kind": "direct", **sp("تورم کاهش یافت."), "cue": sp("گفت"), "speaker": "s1",
             "speaker_mention": sp("وزیر"), "origin": "human", "status": "accepted"},
            {"id": "q2", "kind": "indirect", **sp("بودجه ۲۳ شهریورماه تصویب شد"), "cue": sp("افزود"),
             "speaker": "s1", "speaker_mention": sp("او"), "origin": "human", "status": "accepted"}],
        "claims": [{"id": "c1", **sp("تورم کاهش یافت"), "source": "s1", "quote": "q1", "origin": "human",
                    "status": "accepted"}],
        "dates": [{"id": "d1", **sp("۲۳ شهریورماه"), "calendar": "jalali", "granularity": "day",
                   "jalali": "1403-06-23", "gregorian": "2024-09-13", "year_inferred": True,
                   "origin": "human", "status": "accepted"}],
    }


def test_base_record_is_valid_gold() -> None:
    assert errors_of(check_record(base_record(), gold=True)) == []


def test_round_trip_is_exact() -> None:
    obj = base_record()
    obj["review"] = {"status": "reviewed", "annotator": "ana", "updated": "2026-11-27T10:00:00Z"}
    obj["quotes"][0]["confidence"] = 0.75
    obj["quotes"][1]["addressee"] = "s1"
    rec = record_from_dict(obj)
    assert record_to_dict(rec) == obj
    assert json.loads(dumps_record(rec)) == obj


def test_unknown_keys_are_kept_and_warned() -> None:
    obj = base_record()
    obj["x-batch"] = {"n": 3}
    obj["quotes"][0]["note"] = "check"
    warnings: list = []
    rec = record_from_dict(obj, warnings=warnings)
    assert record_to_dict(rec) == obj
    assert any(w.path == "x-batch" and w.severity == "warning" for w in warnings)


def test_dev_gold_round_trips_exactly(dev_gold_files: list[Path]) -> None:
    assert dev_gold_files
    for f in dev_gold_files:
        res = read_jsonl(f, gold=True)
        assert res.errors == [], [str(p) for p in res.errors]
        lines = f.read_text(encoding="utf-8").splitlines()
        assert len(res.records) == len(lines)
        for (_n, rec), line in zip(res.records, lines, strict=True):
            assert record_to_dict(rec) == json.loads(line)


def _set(path: str, value):
    def mutate(r: dict) -> None:
        *head, last = path.split(".")
        obj = r
        for k in head:
            obj = obj[int(k)] if k.isdigit() else obj[k]
        obj[int(last) if last.isdigit() else last] = value
    return mutate


# (name, mutation, expected field path in the message, expected words)
MUTATIONS = [
    ("span text", _set("quotes.0.text", "تورم"), "quotes[q1]", "does not match"),
    ("offset range", _set("claims.0.end", 999), "claims[c1]", "out of range"),
    ("negative start", _set("dates.0.start", -1), "dates[d1]", "out of range"),
    ("empty span", _set("claims.0.end", 0), "claims[c1]", "out of range"),
    ("bool offset", _set("claims.0.start", True), "claims[c1]", "not integers"),
    ("cue text", _set("quotes.1.cue.text", "گفت"), "quotes[q2].cue", "does not match"),
    ("mention text", _set("speakers.0.mentions.1.text", "وی"), "speakers[s1].mentions[1]", "does not match"),
    ("duplicate id", _set("claims.0.id", "q1"), "claims[0]", "duplicate id"),
    ("dangling speaker", _set("quotes.1.speaker", "s9"), "quotes[q2].speaker", "dangling"),
    ("dangling source", _set("claims.0.source", "s9"), "claims[c1].source", "dangling"),
    ("dangling quote", _set("claims.0.quote", "q7"), "claims[c1].quote", "dangling"),
    ("dangling addressee", _set("quotes.0.addressee", "s4"), "quotes[q1].addressee", "dangling"),
    ("enum kind", _set("quotes.0.kind", "reported"), "quotes[q1].kind", "not in"),
    ("enum status", _set("quotes.0.status", "ok"), "quotes[q1].status", "not in"),
    ("enum origin", _set("dates.0.origin", "robot"), "dates[d1].origin", "not in"),
    ("enum type", _set("speakers.0.type", "human"), "speakers[s1].type", "not in"),
    ("enum calendar", _set("dates.0.calendar", "lunar"), "dates[d1].calendar", "not in"),
    ("enum granularity", _set("dates.0.granularity", "week"), "dates[d1].granularity", "not in"),
    ("year_inferred", _set("dates.0.year_inferred", "yes"), "dates[d1].year_inferred", "boolean"),
    ("bad jalali", _set("dates.0.jalali", "1403-13-01"), "dates[d1].jalali", "Jalali"),
    ("calendar mismatch", _set("dates.0.gregorian", "2024-09-14"), "dates[d1]", "different days"),
    ("schema tag", _set("schema", "goftar/0"), "schema", "expected"),
    ("no id", _set("id", ""), "id", "missing"),
    ("text with CR", _set("text", TEXT.replace(" ", "\r", 1)), "text", "\\r"),
    ("confidence", _set("quotes.0.confidence", 1.5), "quotes[q1].confidence", "[0, 1]"),
    ("cue overlaps", _set("quotes.1.cue", sp("بودجه")), "quotes[q2].cue", "overlaps"),
    ("review status", _set("review", {"status": "done"}), "review.status", "not in"),
    ("published", _set("meta", {"published": {"gregorian": "2024-09-13", "jalali": "1403-06-24"}}),
     "meta.published", "different days"),
]


@pytest.mark.parametrize(("name", "mutate", "path", "words"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_rule_rejects(name: str, mutate, path: str, words: str) -> None:
    obj = copy.deepcopy(base_record())
    mutate(obj)
    with pytest.raises(RecordError) as ex:
        record_from_dict(obj, file="f.jsonl", line=3)
    msg = str(ex.value)
    assert msg.startswith("f.jsonl:3: "), msg
    assert f" {path}" in msg and words in msg, msg


def test_direct_quotes_may_not_overlap_but_rejected_ones_are_ignored() -> None:
    obj = base_record()
    dup = dict(copy.deepcopy(obj["quotes"][0]), id="q3")
    obj["quotes"].append(dup)
    assert any("overlaps direct quote" in p.message for p in errors_of(check_record(obj)))
    dup["status"] = "rejected"
    assert errors_of(check_record(obj)) == []


def test_message_names_record_and_field() -> None:
    obj = base_record()
    obj["id"] = "belarus-iran-minsk"
    obj["quotes"][1]["cue"]["text"] = "گفت"
    with pytest.raises(RecordError) as ex:
        record_from_dict(obj)
    assert str(ex.value).startswith('belarus-iran-minsk quotes[q2].cue: text "گفت" does not match text[')


def test_writer_refuses_an_invalid_record() -> None:
    rec = record_from_dict(base_record())
    rec.quotes.append(Quote(id="q1", kind="direct", start=0, end=4, text="وزیر"))
    with pytest.raises(RecordError, match="duplicate id"):
        dumps_record(rec)


def test_read_jsonl_keeps_good_lines_around_bad_ones(tmp_path: Path) -> None:
    good = json.dumps(base_record(), ensure_ascii=False)
    bad_span = copy.deepcopy(base_record())
    bad_span["id"] = "y"
    bad_span["claims"][0]["text"] = "x"
    other = dict(base_record(), id="z")
    f = tmp_path / "a.jsonl"
    f.write_text("\n".join([good, "{not json", json.dumps(bad_span, ensure_ascii=False), "",
                            json.dumps(other, ensure_ascii=False), good]) + "\n", encoding="utf-8")
    res = read_jsonl(f)
    assert [r.id for _, r in res.records] == ["x", "z"]
    msgs = [str(p) for p in res.errors]
    assert any(m.startswith(f"{f}:2: ") and "invalid JSON" in m for m in msgs)
    assert any(m.startswith(f"{f}:3: y claims[c1]") for m in msgs)
    assert any(m.startswith(f"{f}:4: ") and "empty line" in m for m in msgs)
    assert any(m.startswith(f"{f}:6: x id") and "duplicate record id" in m for m in msgs)


def test_write_jsonl_is_atomic_and_loadable(tmp_path: Path) -> None:
    rec = record_from_dict(base_record())
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    assert write_jsonl(out, [rec]) == 1
    assert [r.id for _, r in read_jsonl(out).records] == ["x"]
    assert list(tmp_path.iterdir()) == [out]
    with pytest.raises(RecordError):
        write_jsonl(out, [Record(id="", text="x")])
    assert [r.id for _, r in read_jsonl(out).records] == ["x"], "a failed write must not touch the file"


def test_span_helpers() -> None:
    rec = record_from_dict(base_record())
    s = rec.span(0, 4)
    assert s == Span(0, 4, "وزیر")
    with pytest.raises(ValueError):
        rec.span(3, 3)
    assert rec.new_id("quotes") == "q3"
    assert rec.item("c1")[0] == "claims"
    emoji_at = TEXT.index("😀")
    assert rec.span(emoji_at, emoji_at + 1).text == "😀"


def test_loads_record_reports_line() -> None:
    with pytest.raises(RecordError, match=r"^in.jsonl:7: \? line: invalid JSON"):
        loads_record("{", file="in.jsonl", line_no=7)


# ------------------------------------------------------------------ agreement with the reference
def _reference(shared_dir: Path):
    path = shared_dir / "tools" / "validate_goftar.py"
    spec = importlib.util.spec_from_file_location("validate_goftar", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _ref_errors(ref, tmp_path: Path, rec: dict, gold: bool) -> int:
    f = tmp_path / "r.jsonl"
    f.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    with redirect_stdout(io.StringIO()):
        problems, _ = ref.validate_file(str(f), gold=gold)
    return problems.errors


def test_agrees_with_reference_checker(shared_dir: Path, dev_gold_files: list[Path], tmp_path: Path) -> None:
    ref = _reference(shared_dir)
    for f in dev_gold_files:
        for line in f.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            assert _ref_errors(ref, tmp_path, obj, gold=True) == 0
            assert errors_of(check_record(obj, gold=True)) == []
    # broken variants of a real record: both checkers reject every one
    first = json.loads(dev_gold_files[0].read_text(encoding="utf-8").splitlines()[0])
    variants = [m for _, m, _, _ in MUTATIONS]
    for mutate in variants:
        obj = copy.deepcopy(base_record())
        mutate(obj)
        assert _ref_errors(ref, tmp_path, obj, gold=False) > 0
        assert errors_of(check_record(obj)) != []
    for layer in ("quotes", "claims", "dates"):
        if first.get(layer):
            obj = copy.deepcopy(first)
            obj[layer][0]["start"] += 1
            assert _ref_errors(ref, tmp_path, obj, gold=True) > 0
            assert errors_of(check_record(obj, gold=True)) != []
