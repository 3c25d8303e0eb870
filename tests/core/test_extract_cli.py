"""`goftar extract`: text and JSONL inputs, -j 2 gives the same bytes, --project pre-annotates in place."""

from __future__ import annotations

import json
from pathlib import Path

from goftar.core.cli import main
from goftar.core.extract import Extractor
from goftar.core.model import Quote, Record, Span
from goftar.core.schema import read_jsonl

ARTICLES = {
    "a1": "وزیر نیرو گفت که مصرف برق ۱۰ درصد افزایش یافته است.",
    "a2": "سخنگوی دولت اعلام کرد: جلسه هیئت دولت روز یکشنبه برگزار می‌شود.",
    "a3": "رئیس سازمان هواشناسی گفت: «بارش‌ها امسال کمتر از میانگین بوده است.»",
}


def _jsonl(tmp_path: Path) -> Path:
    p = tmp_path / "in.jsonl"
    p.write_text("".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) + "\n"
                         for k, v in ARTICLES.items()), encoding="utf-8")
    return p


def test_extract_jsonl_and_parallel_is_identical(tmp_path: Path) -> None:
    src = _jsonl(tmp_path)
    out1, out2 = tmp_path / "o1.jsonl", tmp_path / "o2.jsonl"
    assert main(["extract", str(src), "-o", str(out1), "-q"]) == 0
    assert main(["extract", str(src), "-o", str(out2), "-q", "-j", "2"]) == 0
    assert out1.read_bytes() == out2.read_bytes()
    res = read_jsonl(out1)
    assert not res.errors
    recs = [r for _, r in res.records]
    assert [r.id for r in recs] == list(ARTICLES)
    assert all(len(r.quotes) == 1 and r.quotes[0].origin == "auto" and r.quotes[0].status == "suggested"
               for r in recs)


def test_extract_text_file(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLES["a1"], encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(tmp_path / "story.txt"), "-o", str(out), "-q"]) == 0
    (_, rec), = read_jsonl(out).records
    assert rec.quotes[0].text == "مصرف برق ۱۰ درصد افزایش یافته است"


def test_extract_project_in_place(tmp_path: Path) -> None:
    from goftar.core.store import Project
    proj = tmp_path / "proj"
    with Project.create(proj, annotator="tester") as p:
        p.add_articles([Record(id=k, text=v) for k, v in ARTICLES.items()])
    assert main(["extract", "--project", str(proj), "-q"]) == 0
    with Project.open(proj, readonly=True) as p:
        assert all(p.load(i).quotes for i in p.ids())


def test_human_items_kept_auto_items_replaced() -> None:
    text = ARTICLES["a1"]
    rec = Record(id="h", text=text)
    rec.quotes.append(Quote(id="q1", kind="indirect", start=0, end=4, text=text[0:4], origin="human",
                            status="added", cue=Span.of(text, 5, 8)))
    ex = Extractor()
    once = ex.extract(rec)
    twice = ex.extract(once)
    assert [q.origin for q in twice.quotes].count("human") == 1
    assert len(twice.quotes) == len(once.quotes) == 2
    assert len({q.id for q in twice.quotes}) == 2


def test_usage_errors_are_one_line(capsys) -> None:
    assert main(["extract", "-q"]) == 1
    assert "give input" in capsys.readouterr().err


def test_text_only_drops_existing_items(tmp_path: Path) -> None:
    text = ARTICLES["a1"]
    rec = Record(id="g", text=text)
    rec.quotes.append(Quote(id="q1", kind="indirect", start=0, end=4, text=text[0:4], origin="human",
                            status="accepted"))
    from goftar.core.schema import write_jsonl
    src = tmp_path / "gold.jsonl"
    write_jsonl(src, [rec])
    out = tmp_path / "pred.jsonl"
    assert main(["extract", str(src), "--text-only", "-o", str(out), "-q"]) == 0
    (_, pred), = read_jsonl(out).records
    assert all(q.origin == "auto" for q in pred.quotes) and pred.quotes
