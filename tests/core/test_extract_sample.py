"""The reference article end to end, and the dev set (skipped without ../shared)."""

from __future__ import annotations

import pytest

from goftar.core.extract import Extractor
from goftar.core.model import Record
from goftar.core.schema import read_jsonl, record_to_dict


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_sample_article(ex: Extractor, sample_text: str) -> None:
    rec = ex.extract_text(sample_text, id="belarus-iran-minsk")
    record_to_dict(rec)
    direct = [q for q in rec.quotes if q.kind == "direct"]
    assert len(direct) == 8
    assert direct[0].text.startswith("ما با ایران در وضعیت یکسانی")
    assert all(not q.text.startswith("«") for q in direct)
    luka = next(s for s in rec.speakers if "لوکاشنکو" in s.name)
    assert luka.type == "person" and luka.role == "رئیس جمهوری بلاروس"
    # every direct quote is Lukashenko's, also after the embedded tweet (وی افزود)
    assert {q.speaker for q in direct} == {luka.id}
    assert "بریکس" not in {q.text for q in rec.quotes}
    kayhan = next(s for s in rec.speakers if s.name == "کیهان لندن")
    assert {m.text for m in kayhan.mentions} >= {"KayhanLondon", "@KayhanLondon"}
    passive = next(q for q in rec.quotes if q.text == "از وی به عنوان آخرین دیکتاتور اروپا")
    assert passive.speaker is None
    assert ex.extract_text(sample_text, id="belarus-iran-minsk") == rec  # deterministic


def test_dev_set_quality(ex: Extractor, dev_gold_files) -> None:
    from goftar.core.evaluate import evaluate
    gold = [r for f in dev_gold_files for _, r in read_jsonl(f).records]
    pred = [ex.extract(Record(id=r.id, text=r.text, meta=r.meta)) for r in gold]
    rep = evaluate(gold, pred)
    # floors well below the measured figures: a regression guard, not the target
    assert rep.quotes("lenient").f1 >= 0.85
    assert rep.attribution.value >= 0.7
