"""`evaluate` against numbers computed by hand on tiny gold/pred pairs, and gold vs itself = 1.0."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from goftar.core.evaluate import (
    PRF,
    entity_affinity,
    evaluate,
    gregorian_value,
    is_pronoun,
    normalize_name,
    trimmed,
)
from goftar.core.model import Claim, DateMention, Quote, Record, Span, Speaker
from goftar.core.schema import read_jsonl, write_jsonl

TEXT = ("حسن روحانی رئیس جمهوری گفت که تورم کاهش یافته است. روحانی افزود که «بودجه تصویب شد». "
        "وی همچنین گفت که صادرات نفت افزایش یافت. سخنگوی دولت اعلام کرد که جلسه روز ۲۳ شهریورماه "
        "برگزار می‌شود. گفته می‌شود که قیمت‌ها بالا رفته است.")


def at(s: str, nth: int = 0, text: str = TEXT) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def span(s: str, nth: int = 0) -> Span:
    a, b = at(s, nth)
    return Span.of(TEXT, a, b)


def quote(qid: str, start: int, end: int, speaker: str | None = None, status: str = "accepted") -> Quote:
    return Quote(id=qid, start=start, end=end, text=TEXT[start:end], speaker=speaker, status=status,
                 origin="human")


def rec(rid: str = "a", **layers) -> Record:
    return Record(id=rid, text=TEXT, **layers)


def test_prf_arithmetic() -> None:
    m = PRF(tp=2, n_pred=3, n_gold=4)
    assert m.precision == pytest.approx(2 / 3)
    assert m.recall == pytest.approx(0.5)
    assert m.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert PRF().f1 == 1.0  # nothing to find and nothing found
    assert PRF(n_gold=2).precision == 0.0 and PRF(n_gold=2).f1 == 0.0


def test_quote_levels_hand_computed() -> None:
    g1 = at("تورم کاهش یافته است")          # 19 chars
    g2 = at("صادرات نفت افزایش یافت")        # 22 chars
    g3 = at("بودجه تصویب شد")
    gold = rec(quotes=[quote("q1", *g1), quote("q2", *g2), quote("q3", *g3)])
    # p1: same content plus the final period and a space -> exact after trimming
    p1 = (g1[0] - 1, g1[1] + 1)
    # p2: the first 10 of 22 chars (45 %) -> lenient only
    p2 = (g2[0], g2[0] + 10)
    # p3: 20 of 22 chars plus 3 outside (91 %) -> lenient and strict, not exact
    p3 = (g2[0] + 2, g2[1] + 3)
    # p4: 4 of 14 chars of g3 (29 %) -> below lenient
    p4 = (g3[0], g3[0] + 4)
    pred = rec(quotes=[quote("p1", *p1), quote("p2", *p2), quote("p3", *p3), quote("p4", *p4)])
    r = evaluate([gold], [pred])
    # lenient: g1-p1, g2-p3 (largest overlap wins; p2 is left over) -> 2 of 4 pred, 2 of 3 gold
    assert (r.quotes("lenient").tp, r.quotes("lenient").n_pred, r.quotes("lenient").n_gold) == (2, 4, 3)
    assert r.quotes("lenient").f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert r.quotes("strict").tp == 2  # p1 covers 100 %, p3 covers 20/22 = 91 %
    assert r.quotes("exact").tp == 1


def test_greedy_is_one_to_one_by_overlap() -> None:
    a = at("تورم کاهش یافته است")
    b = at("صادرات نفت افزایش یافت")
    gold = rec(quotes=[quote("q1", *a), quote("q2", *b)])
    # one prediction covering both gold quotes matches only one of them
    pred = rec(quotes=[quote("p1", a[0], b[1])])
    r = evaluate([gold], [pred])
    assert r.quotes("lenient").tp == 1 and r.quotes("lenient").recall == 0.5
    assert r.quotes("lenient").precision == 1.0
    # two predictions on one gold quote: the one with more overlap is the match
    small, big = quote("p1", a[0], a[0] + 7), quote("p2", a[0] + 3, a[1])
    r = evaluate([rec(quotes=[quote("q1", *a)])], [rec(quotes=[small, big])])
    assert r.quotes("lenient").tp == 1 and r.quotes("lenient").n_pred == 2
    false = [e["text"] for e in r.articles[0].errors["quotes"] if e["type"] == "false"]
    assert false == [small.text]  # the false alarm is the small one


def test_trimmed_boundaries() -> None:
    t = " «سلام دنیا». "
    assert trimmed(10, 10 + len(t), t) == (12, 10 + len(t) - 3)
    assert trimmed(0, 3, "...") == (3, 3)


def test_entity_split_counts_as_attribution_error() -> None:
    full, sur = span("حسن روحانی"), span("روحانی", 1)
    q1, q2 = at("تورم کاهش یافته است"), at("بودجه تصویب شد")
    gold = rec(speakers=[Speaker(id="s1", name="حسن روحانی", type="person", mentions=[full, sur])],
               quotes=[quote("q1", *q1, speaker="s1"), quote("q2", *q2, speaker="s1")])
    pred = rec(speakers=[Speaker(id="e1", name="حسن روحانی", mentions=[full]),
                         Speaker(id="e2", name="روحانی", mentions=[sur])],
               quotes=[quote("p1", *q1, speaker="e1"), quote("p2", *q2, speaker="e2")])
    r = evaluate([gold], [pred])
    assert entity_affinity(gold.speakers[0], pred.speakers[0]) == 3  # name 2 + one mention pair
    assert entity_affinity(gold.speakers[0], pred.speakers[1]) == 1
    assert r.attribution.value == 0.5
    assert (r.e2e.tp, r.e2e.n_pred, r.e2e.n_gold) == (1, 2, 2)
    assert (r.speakers.tp, r.speakers.n_pred, r.speakers.n_gold) == (1, 2, 1)
    assert r.speakers.precision == 0.5 and r.speakers.recall == 1.0


def test_pronoun_only_overlap_does_not_align() -> None:
    vey = span("وی")
    q = at("صادرات نفت افزایش یافت")
    gold = rec(speakers=[Speaker(id="s1", name="حسن روحانی", mentions=[span("حسن روحانی"), vey])],
               quotes=[quote("q1", *q, speaker="s1")])
    pred = rec(speakers=[Speaker(id="e1", name="سخنگوی دولت", mentions=[span("سخنگوی دولت"), vey])],
               quotes=[quote("p1", *q, speaker="e1")])
    assert entity_affinity(gold.speakers[0], pred.speakers[0]) == 0
    r = evaluate([gold], [pred])
    assert r.attribution.value == 0.0
    assert r.speakers.tp == 0 and r.e2e.tp == 0
    assert r.quotes("exact").tp == 1


def test_names_equal_after_normalisation_align_without_mentions() -> None:
    assert normalize_name("علي  روحاني\u200c") == normalize_name("علیروحانی")
    assert normalize_name("كَرَة") == normalize_name("کره")
    assert is_pronoun("آن‌ها") and is_pronoun(" وي ") and not is_pronoun("روحانی")
    g = Speaker(id="s1", name="حسن روحاني", mentions=[])
    p = Speaker(id="e9", name="حسن روحانی", mentions=[])
    assert entity_affinity(g, p) == 2


def test_short_mentions_do_not_count() -> None:
    # a 2-character overlap («حس») is below the 3-character floor
    g = Speaker(id="s1", name="الف", mentions=[Span.of(TEXT, 0, 2)])
    p = Speaker(id="e1", name="ب", mentions=[Span.of(TEXT, 0, 2)])
    assert entity_affinity(g, p) == 0


def test_both_null_speakers_count_as_right() -> None:
    q = at("قیمت‌ها بالا رفته است")
    r = evaluate([rec(quotes=[quote("q1", *q)])], [rec(quotes=[quote("p1", *q)])])
    assert r.attribution.value == 1.0 and r.e2e.f1 == 1.0
    # a predicted speaker where gold has none is wrong
    pred = rec(speakers=[Speaker(id="e1", name="دولت", mentions=[span("سخنگوی دولت")])],
               quotes=[quote("p1", *q, speaker="e1")])
    r = evaluate([rec(quotes=[quote("q1", *q)])], [pred])
    assert r.attribution.value == 0.0 and r.speakers.n_pred == 1 and r.speakers.precision == 0.0


def test_only_speaking_entities_count_as_speakers() -> None:
    q = at("تورم کاهش یافته است")
    gov = Speaker(id="s2", name="دولت", mentions=[span("سخنگوی دولت")])
    ruh = Speaker(id="s1", name="حسن روحانی", mentions=[span("حسن روحانی")])
    gold = rec(speakers=[ruh, gov], quotes=[quote("q1", *q, speaker="s1")])
    # the prediction also lists «دولت», only as an addressee: neither a hit nor a false alarm
    pq = quote("p1", *q, speaker="e1")
    pq.addressee = "e2"
    pred = rec(speakers=[Speaker(id="e1", name="روحانی", mentions=[span("حسن روحانی")]),
                         Speaker(id="e2", name="دولت", mentions=[span("سخنگوی دولت")])], quotes=[pq])
    r = evaluate([gold], [pred])
    assert (r.speakers.tp, r.speakers.n_pred, r.speakers.n_gold) == (1, 1, 1)
    assert r.attribution.value == 1.0


def test_claims_lenient() -> None:
    c1, c2 = at("تورم کاهش یافته است"), at("جلسه روز ۲۳ شهریورماه برگزار می‌شود")
    gold = rec(claims=[Claim(id="c1", start=c1[0], end=c1[1], text=TEXT[c1[0]:c1[1]], status="accepted"),
                       Claim(id="c2", start=c2[0], end=c2[1], text=TEXT[c2[0]:c2[1]], status="accepted")])
    # a whole-sentence prediction around c1 covers all of it; the second misses c2
    s = at("حسن روحانی رئیس جمهوری گفت که تورم کاهش یافته است.")
    o = at("قیمت‌ها بالا رفته")
    pred = rec(claims=[Claim(id="p1", start=s[0], end=s[1], text=TEXT[s[0]:s[1]]),
                       Claim(id="p2", start=o[0], end=o[1], text=TEXT[o[0]:o[1]])])
    r = evaluate([gold], [pred])
    assert (r.claims.tp, r.claims.n_pred, r.claims.n_gold) == (1, 2, 2)
    assert r.claims.f1 == pytest.approx(0.5)


def _date(did: str, s: str, **kw) -> DateMention:
    a, b = at(s)
    return DateMention(id=did, start=a, end=b, text=s, **kw)


def test_dates_span_and_value() -> None:
    gold = rec(dates=[_date("d1", "روز ۲۳ شهریورماه", jalali="1403-06-23", gregorian="2024-09-13",
                            year_inferred=True, status="accepted")])
    right = rec(dates=[_date("d1", "۲۳ شهریورماه", jalali="1403-06-23", gregorian="2024-09-13")])
    wrong = rec(dates=[_date("d1", "۲۳ شهریورماه", jalali="1402-06-23", gregorian="2023-09-14")])
    r = evaluate([gold], [right])
    assert r.dates.f1 == 1.0 and r.date_values.value == 1.0
    r = evaluate([gold], [wrong])
    assert r.dates.f1 == 1.0 and r.date_values.value == 0.0
    assert "2024-09-13" in r.errors() and "2023-09-14" in r.errors()


def test_gregorian_value_converts_jalali_only_dates() -> None:
    d = DateMention(id="d1", start=0, end=1, text="x", granularity="month", jalali="1399-06-01")
    assert gregorian_value(d) == "2020-08-22"
    assert gregorian_value(DateMention(id="d2", start=0, end=1, text="x", gregorian="2015-01-01")) == "2015-01-01"
    assert gregorian_value(DateMention(id="d3", start=0, end=1, text="x")) is None


def test_rejected_items_are_ignored_on_both_sides() -> None:
    q = at("تورم کاهش یافته است")
    o = at("قیمت‌ها بالا رفته است")
    gold = rec(quotes=[quote("q1", *q), quote("q2", *o, status="rejected")])
    pred = rec(quotes=[quote("p1", *q), quote("p2", *at("صادرات نفت"), status="rejected")])
    r = evaluate([gold], [pred])
    assert (r.quotes("exact").tp, r.quotes("exact").n_pred, r.quotes("exact").n_gold) == (1, 1, 1)


def test_missing_prediction_is_all_misses_and_reported() -> None:
    q = at("تورم کاهش یافته است")
    gold = [rec("a", quotes=[quote("q1", *q)]), rec("b", quotes=[quote("q1", *q)])]
    r = evaluate(gold, [rec("a", quotes=[quote("p1", *q)]), rec("zzz")])
    assert r.missing == ["b"] and r.unmatched_pred == ["zzz"]
    assert (r.quotes("lenient").tp, r.quotes("lenient").n_gold) == (1, 2)
    assert "b" in r.table() and "zzz" in r.table()
    assert "== b  (no prediction)" in r.errors()


def test_report_outputs() -> None:
    q = at("تورم کاهش یافته است")
    r = evaluate([rec(quotes=[quote("q1", *q)])], [rec(quotes=[quote("p1", q[0], q[0] + 12)])])
    d = r.to_dict(errors=True)
    json.dumps(d)
    assert d["quotes"]["lenient"]["f1"] == 1.0 and d["quotes"]["strict"]["f1"] == 0.0
    assert d["errors"]["a"]["quotes"][0]["type"] == "boundary"
    assert "quotes lenient" in r.table()
    assert "BOUND" in r.errors()


def test_gold_against_itself_is_perfect(dev_gold_files: list[Path]) -> None:
    assert dev_gold_files
    for f in dev_gold_files:
        recs = [r for _, r in read_jsonl(f).records]
        assert recs, f
        d = evaluate(recs, recs).to_dict()
        for lvl in ("lenient", "strict", "exact"):
            assert d["quotes"][lvl]["f1"] == 1.0, (f, lvl)
        assert d["attribution"]["accuracy"]["value"] in (1.0, None)
        assert d["attribution"]["e2e"]["f1"] == 1.0
        assert d["speakers"]["f1"] == 1.0 and d["claims"]["f1"] == 1.0
        assert d["dates"]["span"]["f1"] == 1.0
        assert d["dates"]["value_accuracy"]["value"] in (1.0, None)


def test_cli(tmp_path: Path) -> None:
    q = at("تورم کاهش یافته است")
    g, p = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    write_jsonl(g, [rec(quotes=[quote("q1", *q)])])
    write_jsonl(p, [rec(quotes=[quote("p1", *at("صادرات نفت"), status="suggested")])])
    run = [sys.executable, "-m", "goftar.core.cli", "evaluate", str(g), str(p)]
    out = subprocess.run([*run, "--json"], capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["quotes"]["lenient"]["tp"] == 0
    out = subprocess.run([*run, "--errors"], capture_output=True, text=True, check=True).stdout
    assert "MISS" in out and "FALSE" in out and "صادرات نفت" in out
    bad = subprocess.run([*run[:-1], str(tmp_path / "none.jsonl")], capture_output=True, text=True)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and "none.jsonl" in bad.stderr
