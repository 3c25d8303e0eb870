"""Importers: decoding, .txt, HTML, JSONL, folders, ids and duplicates (real files on disk)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from goftar.core.errors import InputError
from goftar.core.io.decoding import decode_bytes
from goftar.core.io.html_text import parse_html
from goftar.core.io.ids import sanitize_id
from goftar.core.io.importers import Importer, ImportFailed, import_paths
from goftar.core.schema import dumps_record, loads_record

# Persian as an old Windows-1256 file has it: Arabic ي and ك (cp1256 has no Persian ی/ک),
# and the Persian letters پ چ ژ گ that it does have, ZWNJ (0x9D) and guillemets.
PERSIAN_1256 = "وزير گفت: «پژوهش‌ها چگونه پيش مي‌روند؟» كارشناسان ژاپني"
PERSIAN = "سخنگوی وزارت خارجه گفت: «ایران آماده است.»\u00a0می‌گوید  "


# ------------------------------------------------------------------ decoding
@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        (PERSIAN.encode("utf-8"), None, PERSIAN),  # NBSP, ZWNJ and trailing spaces kept as they are
        (codecs.BOM_UTF8 + PERSIAN.encode("utf-8"), None, PERSIAN),
        (codecs.BOM_UTF16_LE + PERSIAN.encode("utf-16-le"), None, PERSIAN),
        (codecs.BOM_UTF16_BE + PERSIAN.encode("utf-16-be"), None, PERSIAN),
        (PERSIAN_1256.encode("cp1256"), None, PERSIAN_1256),  # detected
        (PERSIAN_1256.encode("cp1256"), "cp1256", PERSIAN_1256),  # forced
        (PERSIAN_1256.encode("cp1256"), "windows-1256", PERSIAN_1256),
        (codecs.BOM_UTF8 + b"abc", "utf-8", "abc"),  # forced UTF-8 still drops the BOM
        ("a\r\nب\rc\n\r\nd".encode(), None, "a\nب\nc\n\nd"),
        ("a\r\nب".encode("utf-16"), None, "a\nب"),
        ("خط\r\n".encode("cp1256"), None, "خط\n"),
        (b"  \tplain ascii\t ", None, "  \tplain ascii\t "),
        ("caf\u00e9 \u0301e\u200d\U0001f600".encode(), None, "caf\u00e9 \u0301e\u200d\U0001f600"),  # no NFC
        ("é".encode("latin-1"), "latin-1", "é"),
    ],
)
def test_decode_bytes(data: bytes, encoding: str | None, expected: str) -> None:
    assert decode_bytes(data, "f.txt", encoding) == expected


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        ("سلام".encode()[:-1], None, r"f\.txt: damaged UTF-8: truncated byte sequence at byte 6"),
        ("سلام دنیا".encode()[:4] + b"\xff" + "سلام دنیا".encode()[4:], None,
         r"damaged UTF-8: invalid byte sequence at byte 4"),
        ("Grüße aus Köln, schöne Straße".encode("latin-1"), None,
         r"not UTF-8 \(invalid byte at byte 2\) and not Persian Windows-1256.*--encoding"),
        (codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"c", None,
         r"cannot decode as UTF-16 LE: truncated byte sequence at byte 6"),
        (codecs.BOM_UTF16_LE + b"\x00\xdc", None, r"UTF-16 LE: .* at byte 2"),  # lone low surrogate
        ("ab".encode("utf-16-le"), None, r"NUL character at character 1 .*UTF-16 without a byte-order mark"),
        (PERSIAN.encode(), "ascii", r"cannot decode as ascii: invalid byte sequence at byte 0"),
        (b"abc", "no-such-codec", r"unknown encoding 'no-such-codec'"),
        (b"abc", "rot13", r"not a text encoding"),
    ],
)
def test_decode_errors(data: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_bytes(data, "f.txt", encoding)


# ------------------------------------------------------------------ ids
@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("fars-2020-arms", "fars-2020-arms"),
        ("Khabar 12 (1)", "Khabar-12-1"),
        ("  خبر رسمی  ", "خبر-رسمی"),
        ("می‌گوید", "می‌گوید"),  # ZWNJ inside a word is kept
        ("a//b??c", "a-b-c"),
        ("..hidden..", "hidden"),
        ("۱۴۰۳_گزارش", "۱۴۰۳_گزارش"),
        ("«»!!", ""),
        ("x" * 300, "x" * 120),
    ],
)
def test_sanitize_id(stem: str, expected: str) -> None:
    assert sanitize_id(stem) == expected


# ------------------------------------------------------------------ .txt
def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "rid", "text"),
    [
        ("news 1.txt", PERSIAN.encode(), "news-1", PERSIAN),
        ("old.TXT", PERSIAN_1256.encode("cp1256"), "old", PERSIAN_1256),
        ("bom.text", codecs.BOM_UTF8 + b"a\r\nb", "bom", "a\nb"),
        ("u16.txt", "متن\r\n".encode("utf-16"), "u16", "متن\n"),
    ],
)
def test_import_txt(tmp_path: Path, name: str, data: bytes, rid: str, text: str) -> None:
    (rec,) = import_paths([_write(tmp_path / name, data)])
    assert (rec.id, rec.text, rec.meta) == (rid, text, None)
    assert rec.review is not None and rec.review.status == "unreviewed"
    assert (rec.speakers, rec.quotes, rec.claims, rec.dates) == ([], [], [], [])
    assert loads_record(dumps_record(rec)) == rec  # a valid goftar/1 record


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", r"empty\.txt the file is empty"),
        ("blank.txt", b" \r\n\t\n", r"blank\.txt \[blank\] the article text has only white space"),
        ("«».txt", b"x", r"cannot make a record id from the file name"),
        ("bad.txt", "سلام".encode()[:-1], r"bad\.txt damaged UTF-8: truncated byte sequence at byte 6"),
        ("page.pdf", b"%PDF", r"page\.pdf unsupported file type '\.pdf'"),
    ],
)
def test_import_txt_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(ImportFailed, match=message):
        import_paths([_write(tmp_path / name, data)])


def test_missing_path_and_nothing_to_import(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"nope\.txt no such file or folder"):
        import_paths([tmp_path / "nope.txt"])
    (tmp_path / "d").mkdir()
    with pytest.raises(InputError, match="nothing to import"):
        import_paths([tmp_path / "d"])


# ------------------------------------------------------------------ HTML
@pytest.mark.parametrize(
    ("html", "text", "title"),
    [
        ("<p>یک</p><p>دو</p>", "یک\nدو", None),
        # whitespace collapsed inside a paragraph; NBSP and ZWNJ entities decoded and kept
        ("<p>  سلام \n\t دنیا&nbsp;و می&zwnj;گوید  </p>", "سلام دنیا\u00a0و می\u200cگوید", None),
        ("<p>a &amp; b &lt;c&gt; &#1605;&#x646; &quot;q&quot;</p>", 'a & b <c> من "q"', None),
        # script, style, noscript, template and comments are dropped, even holding tags
        ("<head><title> خبر  تازه </title><style>p {color: red}</style></head>"
         "<body><script>document.write('<p>x</p>')</script><p>متن</p><!-- <p>hidden</p> -->"
         "<noscript><p>js off</p></noscript><template><p>tpl</p></template></body>", "متن", "خبر تازه"),
        # nested divs: each block its own paragraph, inline elements joined
        ("<div><div>اول<div><span>دوم</span> <b>سوم</b></div>چهارم</div></div>", "اول\nدوم سوم\nچهارم", None),
        ("<p>a<br>b<br/>c</p><hr><ul><li>x<li>y</ul>", "a\nb\nc\nx\ny", None),
        # the main content: <article> over page furniture, the longest article over teasers
        ("<nav>منو</nav><article><h1>تیتر</h1><p>بدنه خبر</p></article><aside>تبلیغ</aside>"
         "<article><p>کوتاه</p></article>", "تیتر\nبدنه خبر", None),
        ("<header>سربرگ</header><main><p>اصلی</p></main><footer>پانویس</footer>", "اصلی", None),
        ("<header>سربرگ</header><div><p>بدنه</p></div><footer>پانویس</footer>", "بدنه", None),
        ("<nav>فقط منو</nav>", "فقط منو", None),
        # teaser cards marked up as <article> do not hide the story that is not
        ("<aside><article><p>تیزر</p></article></aside><div><p>متن اصلی خبر که بلندتر از تیزر است</p></div>",
         "متن اصلی خبر که بلندتر از تیزر است", None),  # nothing else: keep what there is
        ("<pre>line 1\n  line 2</pre>", "line 1\nline 2", None),
        ("<p>unclosed <b>bold <i>both</p><p>next</b></i>", "unclosed bold both\nnext", None),
        # a page that forgot </head>: the body starts where browsers say it does
        ("<html><head><title>T</title><meta charset=utf-8><p>بدنه</p>", "بدنه", "T"),
        ("<head><title>T</title>متن مستقیم", "متن مستقیم", "T"),
        ("<head><noscript><p>js off</p></noscript></head><p>x</p>", "x", None),
        ("<svg><title>icon</title><text>svg text</text></svg><title>T</title><p>x</p>", "x", "T"),
    ],
)
def test_html_text(html: str, text: str, title: str | None) -> None:
    page = parse_html(html)
    assert page.text == text
    assert page.title == title


def test_html_deeply_nested() -> None:
    depth = 10_000
    html = "<div>" * depth + "<p>عمیق</p>" + "</div>" * depth + "<p>بعد</p>"
    assert parse_html(html).text == "عمیق\nبعد"
    assert parse_html("<span>" * depth + "x").text == "x"  # never closed


def test_import_html_file(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="windows-1256"><title>عنوان</title>'
            '<link rel="canonical" href="https://example.ir/news/1"></head>'
            "<body><article><p>وزير گفت</p><p>پايان</p></article></body></html>")
    f = _write(tmp_path / "site" / "news page.html", page.encode("cp1256"))
    (rec,) = import_paths([f])
    assert rec.id == "news-page"
    assert rec.text == "وزير گفت\nپايان"
    assert rec.meta == {"title": "عنوان", "url": "https://example.ir/news/1"}


@pytest.mark.parametrize(
    ("declared", "data", "text"),
    [
        ("iso-8859-1", "Grüße".encode("latin-1"), "Grüße"),  # detection fails, the declaration decides
        ("windows-1256", "پژوهش".encode("cp1256"), "پژوهش"),
        ("iso-8859-1", "پژوهش".encode(), "پژوهش"),  # valid UTF-8 wins over a wrong declaration
        ("no-such-charset", "پژوهش".encode("cp1256"), "پژوهش"),
    ],
)
def test_html_declared_charset(tmp_path: Path, declared: str, data: bytes, text: str) -> None:
    f = _write(tmp_path / "p.html", f'<meta charset="{declared}"><p>'.encode("ascii") + data + b"</p>")
    assert import_paths([f])[0].text == text


def test_html_cp1256_detected_despite_latin_markup(tmp_path: Path) -> None:
    script = "<script>var tracking = {enabled: true, provider: 'analytics', language: 'persian'};</script>"
    page = f'<html lang="fa"><head>{script}</head><body><div class="content main"><p>وزير گفت</p></div></body>'
    f = _write(tmp_path / "p.html", page.encode("cp1256"))
    assert import_paths([f])[0].text == "وزير گفت"


def test_html_declared_utf8_but_not(tmp_path: Path) -> None:
    f = _write(tmp_path / "p.html", '<meta charset="utf-8"><p>Grüße</p>'.encode("latin-1"))
    with pytest.raises(ImportFailed, match=r"p\.html not UTF-8 \(invalid byte at byte 27\)"):
        import_paths([f])


def test_import_html_without_text(tmp_path: Path) -> None:
    f = _write(tmp_path / "e.html", "<html><script>x()</script></html>")
    with pytest.raises(ImportFailed, match=r"e\.html \[e\] the article text is empty"):
        import_paths([f])


# ------------------------------------------------------------------ JSONL
GOFTAR = {
    "schema": "goftar/1", "id": "g1", "text": "او گفت که باران می‌بارد.", "meta": {"title": "t"},
    "review": {"status": "reviewed", "annotator": "ali", "updated": "2026-01-01T00:00:00Z"},
    "speakers": [{"id": "s1", "name": "او", "role": None, "type": "person",
                  "mentions": [{"start": 0, "end": 2, "text": "او"}], "origin": "human"}],
    "quotes": [{"id": "q1", "kind": "indirect", "start": 10, "end": 23, "text": "باران می‌بارد",
                "cue": {"start": 3, "end": 6, "text": "گفت"}, "speaker": "s1",
                "speaker_mention": {"start": 0, "end": 2, "text": "او"}, "origin": "auto",
                "status": "accepted"}],
    "claims": [], "dates": [],
}


def test_import_jsonl_mixed(tmp_path: Path) -> None:
    lines = [json.dumps(GOFTAR, ensure_ascii=False),
             "",
             json.dumps({"id": "p1", "text": "خط یک\r\nخط دو", "meta": {"source": "ایرنا"}}, ensure_ascii=False),
             json.dumps({"id": 42, "text": "عدد", "lang": "fa"}, ensure_ascii=False)]
    f = _write(tmp_path / "in.jsonl", "\r\n".join(lines) + "\r\n")
    g1, p1, n42 = import_paths([f])
    assert dumps_record(g1) == json.dumps(GOFTAR, ensure_ascii=False)  # goftar/1 kept as it is
    assert (p1.id, p1.text, p1.meta, p1.review.status) == ("p1", "خط یک\nخط دو", {"source": "ایرنا"}, "unreviewed")
    assert (n42.id, n42.extra) == ("42", {"lang": "fa"})


def test_import_jsonl_bad_lines_all_reported(tmp_path: Path) -> None:
    broken = dict(GOFTAR, id="g2", quotes=[dict(GOFTAR["quotes"][0], text="باران")])
    lines = [
        json.dumps({"id": "ok", "text": "خوب"}),
        "{not json",
        "[1, 2]",
        json.dumps({"id": "", "text": "x"}),
        json.dumps({"id": "t", "text": 5}),
        json.dumps({"id": "e", "text": ""}),
        json.dumps(broken, ensure_ascii=False),
        json.dumps({"schema": "goftar/2", "id": "v2", "text": "x"}),
        json.dumps({"id": "m", "text": "x", "meta": "m"}),
        json.dumps({"id": "l", "text": "x", "quotes": []}),
        "[" * 100_000,
    ]
    f = _write(tmp_path / "bad.jsonl", "\n".join(lines))
    with pytest.raises(ImportFailed) as info:
        import_paths([f])
    got = [str(p) for p in info.value.problems]
    assert got == [
        f"{f}:2 invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        f"{f}:3 not a JSON object but list",
        f'{f}:4 "id" missing or not a non-empty string',
        f'{f}:5 [t] "text" missing or not a string',
        f"{f}:6 [e] the article text is empty",
        f'{f}:7 [g2] quotes[q1]: text "باران" does not match text[10:23] "باران می‌بارد"',
        f"{f}:8 [v2] unsupported schema 'goftar/2' (expected 'goftar/1')",
        f'{f}:9 [m] "meta" is not an object',
        f'{f}:10 [l] has goftar/1 fields (quotes) but no "schema": "goftar/1"',
        f"{f}:11 invalid JSON: nested too deeply",
    ]
    assert str(info.value).startswith(got[0]) and str(info.value).endswith("(and 9 more problems)")


def test_import_jsonl_decode_error_names_line(tmp_path: Path) -> None:
    head = b'{"id": "a", "text": "x"}\n{"id": "b", "text": "' + "سلا".encode()
    data = head + "م".encode()[:1] + b'"}\n'  # the first byte of a two-byte letter, then a quote
    f = _write(tmp_path / "enc.jsonl", data)
    with pytest.raises(ImportFailed, match=rf"enc\.jsonl:2 damaged UTF-8: invalid byte sequence at byte {len(head)}$"):
        import_paths([f])


def test_import_empty_jsonl(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"e\.jsonl no records"):
        import_paths([_write(tmp_path / "e.jsonl", "\n\n")])


# ------------------------------------------------------------------ duplicates
@pytest.mark.parametrize(
    ("files", "taken", "rename", "expected"),
    [
        ({"a/x.txt": "1", "b/x.txt": "2"}, (), True, ["x", "x-2"]),
        ({"a/x.txt": "1", "b/x.txt": "2", "c/x.txt": "3"}, (), True, ["x", "x-2", "x-3"]),
        # a renamed article never takes a name another article of the import has
        ({"a/x.txt": "1", "b/x.txt": "2", "c/x-2.txt": "3"}, (), True, ["x", "x-3", "x-2"]),
        ({"x.txt": "1"}, ("x", "x-2"), True, ["x-3"]),
        ({"x.txt": "1", "y.txt": "2"}, ("z",), False, ["x", "y"]),
    ],
)
def test_duplicate_ids_renamed(tmp_path: Path, files: dict[str, str], taken: tuple[str, ...], rename: bool,
                               expected: list[str]) -> None:
    for name, text in files.items():
        _write(tmp_path / name, text)
    recs = import_paths([tmp_path], rename_duplicates=rename, taken=taken)
    assert [r.id for r in recs] == expected
    assert [r.text for r in recs] == list(files.values())


@pytest.mark.parametrize(
    ("files", "taken", "message"),
    [
        ({"a/x.txt": "1", "b/x.txt": "2"}, (), r"b/x\.txt \[x\] duplicate id \(also .*a/x\.txt\); use --rename"),
        ({"x.txt": "1"}, ("x",), r"x\.txt \[x\] duplicate id \(already in the project\)"),
        ({"j.jsonl": '{"id": "x", "text": "1"}\n{"id": "x", "text": "2"}'}, (),
         r"j\.jsonl:2 \[x\] duplicate id \(also .*j\.jsonl:1\)"),
    ],
)
def test_duplicate_ids_refused(tmp_path: Path, files: dict[str, str], taken: tuple[str, ...],
                               message: str) -> None:
    for name, text in files.items():
        _write(tmp_path / name, text)
    with pytest.raises(ImportFailed, match=message):
        import_paths([tmp_path], taken=taken)


# ------------------------------------------------------------------ folders
def test_folder_order_and_skipping(tmp_path: Path) -> None:
    names = ["10.txt", "2.txt", "b/1.txt", "a/۱۲.txt", "a/۳.txt", "A.htm", "c.jsonl",
             ".hidden.txt", ".git/x.txt", "notes.md", "img.png"]
    for n in names:
        body = '{"id": "c", "text": "c"}' if n.endswith(".jsonl") else f"<p>{n}</p>" if n.endswith("htm") else n
        _write(tmp_path / n, body)
    imp = Importer()
    files = imp.files([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == \
        ["2.txt", "10.txt", "A.htm", "a/۳.txt", "a/۱۲.txt", "b/1.txt", "c.jsonl"]
    assert sorted(f.name for f in imp.skipped) == ["img.png", "notes.md"]
    # the same order every time, and files given explicitly keep the order given
    recs = import_paths([tmp_path / "b", tmp_path / "10.txt", tmp_path / "a"])
    assert [r.id for r in recs] == ["1", "10", "۳", "۱۲"]


def test_project_folder_is_not_input(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "الف")
    _write(tmp_path / "proj" / "goftar-project.json", "{}")
    _write(tmp_path / "proj" / "articles.jsonl", '{"id": "a", "text": "x"}')
    imp = Importer()
    assert [r.id for r in imp.run([tmp_path])] == ["a"]
    assert imp.skipped == [tmp_path / "proj"]


def test_progress_counts_files(tmp_path: Path) -> None:
    for i in range(3):
        _write(tmp_path / f"{i}.txt", "متن")
    seen: list[int] = []
    assert len(Importer().run([tmp_path], progress=seen.append)) == 3
    assert seen == [1, 2, 3]
