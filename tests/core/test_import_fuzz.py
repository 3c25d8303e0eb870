"""Importers under hostile input: only InputError/RecordError with a one-line message, never a traceback.

Whatever an importer returns must be valid goftar/1 (it is dumped through the validating writer).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goftar.core.errors import InputError, RecordError
from goftar.core.io.decoding import decode_bytes
from goftar.core.io.html_text import parse_html
from goftar.core.io.importers import ImportFailed, import_paths
from goftar.core.model import Record
from goftar.core.schema import dumps_record

FUZZ = settings(max_examples=int(os.environ.get("GOFTAR_FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PERSIAN = "دبیر شورای‌عالی امنیت ملی گفت: «ما آماده‌ایم.»\nخبرگزاری ایسنا ۲۳ شهریور ۱۴۰۳ گزارش داد. 😀"


def _import_one(path: Path, data: bytes) -> list[Record] | None:
    """Import one file; return the records, or None after checking the error is a clean one."""
    path.write_bytes(data)
    try:
        records = import_paths([path])
    except ImportFailed as ex:
        assert ex.problems and all(p.file == str(path) for p in ex.problems)
        assert all("\n" not in str(p) for p in ex.problems)
        assert "\n" not in str(ex)
        return None
    except (InputError, RecordError) as ex:
        msg = str(ex)
        assert msg and "\n" not in msg
        return None
    for rec in records:
        assert rec.text.strip() and "\r" not in rec.text
        dumps_record(rec)  # validates
    return records


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    _import_one(tmp_path / f"fuzz{suffix}", data)


@FUZZ
@given(cut=st.integers(min_value=0, max_value=len(PERSIAN.encode())), suffix=st.sampled_from([".txt", ".html"]))
def test_truncated_utf8(tmp_path: Path, cut: int, suffix: str) -> None:
    data = PERSIAN.encode()[:cut]
    records = _import_one(tmp_path / f"cut{suffix}", data)
    try:
        whole = data.decode("utf-8")
    except UnicodeDecodeError as ex:
        assert records is None  # a cut inside a letter is reported, never guessed as cp1256
        with pytest.raises(InputError, match=rf"truncated byte sequence at byte {ex.start}"):
            decode_bytes(data, "cut.txt")
        return
    if suffix == ".txt" and whole.strip():
        assert records is not None and records[0].text == whole


@FUZZ
@given(text=st.text(max_size=300))
def test_decode_round_trip_utf8_and_utf16(text: str) -> None:
    # any text survives the way in, except \r (made \n) and NUL (refused)
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    for data in (text.encode("utf-8", "surrogatepass"), text.encode("utf-16", "surrogatepass")):
        try:
            got = decode_bytes(data, "t.txt")
        except InputError as ex:
            assert "\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text), ex
            continue
        assert got == expected


def test_giant_lines(tmp_path: Path) -> None:
    big = "کلمه " * 400_000  # 2 MB of text on one line
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"id": "big", "text": big}, ensure_ascii=False) + "\n" + "x" * 3_000_000 + "\n",
                 encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        import_paths([f])
    assert [(p.line, p.message[:13]) for p in info.value.problems] == [(2, "invalid JSON:")]
    assert len(str(info.value)) < 300  # the message does not echo the line
    f.write_text(json.dumps({"id": "big", "text": big}, ensure_ascii=False), encoding="utf-8")
    (rec,) = import_paths([f])
    assert rec.text == big
    (tmp_path / "big.txt").write_text(big, encoding="utf-8")
    assert import_paths([tmp_path / "big.txt"])[0].text == big


@pytest.mark.parametrize("depth", [10_000, 50_000])
def test_deep_html_file(tmp_path: Path, depth: int) -> None:
    html = "<html><body>" + "<div><span>" * depth + "<p>متن</p>" + "</span></div>" * (depth // 2)
    records = _import_one(tmp_path / "deep.html", html.encode())
    assert records is not None and records[0].text == "متن"


_TAGS = st.sampled_from(["div", "p", "span", "article", "main", "nav", "script", "style", "template", "br",
                         "noscript", "pre", "title", "svg", "td", "li", "b", "!--", "![CDATA[", "?x", "/p"])
_CHUNKS = st.one_of(
    _TAGS.map(lambda t: f"<{t}>"), _TAGS.map(lambda t: f"</{t}>"),
    st.sampled_from(["&amp;", "&nbsp;", "&#x200c;", "&#99999999;", "&bogus;", "<", ">", "&", "-->", "]]>",
                     "\r\n", "\x0c", "<a href='x", '"']),
    st.text(max_size=12),
)


@FUZZ
@given(chunks=st.lists(_CHUNKS, max_size=80), nest=st.integers(min_value=0, max_value=3000))
def test_random_html(chunks: list[str], nest: int) -> None:
    html = "<div>" * nest + "".join(chunks)
    try:
        page = parse_html(html, "r.html")
    except InputError as ex:
        assert str(ex).startswith("r.html: ") and "\n" not in str(ex)
        return
    for para in page.paragraphs:
        assert para and para == para.strip(" \t\n\r\f") and "\n" not in para


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)
_KEYS = st.sampled_from(["schema", "id", "text", "meta", "review", "speakers", "quotes", "claims", "dates", "x"])
_RECORDISH = st.dictionaries(_KEYS, st.one_of(_JSON, st.sampled_from(["goftar/1", "متن خبر", "a1"])), max_size=9)


@FUZZ
@given(lines=st.lists(st.one_of(_JSON, _RECORDISH), min_size=1, max_size=6))
def test_random_json_lines(tmp_path: Path, lines: list) -> None:
    content = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
    _import_one(tmp_path / "r.jsonl", content.encode("utf-8"))
