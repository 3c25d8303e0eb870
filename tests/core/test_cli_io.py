"""`goftar import` and `goftar export` end to end, through the real project store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goftar.core.cli import main
from goftar.core.model import Review
from goftar.core.store import Project

ARTICLE = {
    "schema": "goftar/1", "id": "g1", "text": "او گفت که باران می‌بارد. دیروز آفتابی بود.",
    "review": {"status": "unreviewed", "annotator": None, "updated": None},
    "speakers": [{"id": "s1", "name": "او", "role": None, "type": "person",
                  "mentions": [{"start": 0, "end": 2, "text": "او"}], "origin": "auto"}],
    "quotes": [{"id": "q1", "kind": "indirect", "start": 10, "end": 23, "text": "باران می‌بارد",
                "cue": {"start": 3, "end": 6, "text": "گفت"}, "speaker": "s1",
                "speaker_mention": {"start": 0, "end": 2, "text": "او"}, "origin": "auto",
                "status": "suggested", "confidence": 0.9},
               {"id": "q2", "kind": "indirect", "start": 25, "end": 41, "text": "دیروز آفتابی بود",
                "cue": None, "speaker": "s1", "speaker_mention": None, "origin": "auto",
                "status": "suggested", "confidence": 0.2}],
    "claims": [{"id": "c1", "start": 25, "end": 41, "text": "دیروز آفتابی بود", "source": "s1", "quote": "q2",
                "origin": "auto", "status": "suggested"}],
    "dates": [],
}


def _inputs(root: Path) -> Path:
    src = root / "in"
    (src / "sub").mkdir(parents=True)
    (src / "2.txt").write_text("خبر دوم\r\nپایان", encoding="utf-8")
    (src / "10.txt").write_bytes("خبر دهم با كاف عربي".encode("cp1256"))
    (src / "sub" / "page.html").write_text("<title>صفحه</title><article><p>بدنه</p></article>", encoding="utf-8")
    (src / "notes.md").write_text("skipped", encoding="utf-8")
    (src / "a.jsonl").write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    return src


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_folder_creates_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proj = tmp_path / "proj"
    code, out, _ = _run(capsys, "import", str(_inputs(tmp_path)), "--project", str(proj), "--create",
                        "--annotator", "tester")
    assert code == 0
    assert out.strip() == f"imported 4 article(s) from 4 file(s) into {proj}, 1 skipped (other file types, project folders)"
    with Project.open(proj, annotator="tester", readonly=True) as p:
        assert p.ids() == ["2", "10", "g1", "page"]  # natural order: 2.txt, 10.txt, a.jsonl, sub/page.html
        assert p.load("2").text == "خبر دوم\nپایان"
        assert p.load("10").text == "خبر دهم با كاف عربي"
        assert p.load("page").meta == {"title": "صفحه"}
        assert p.load("g1").quotes[0].confidence == 0.9  # goftar/1 input keeps its layers


def test_import_errors_are_one_line_and_import_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _inputs(tmp_path)
    proj = tmp_path / "proj"
    code, _, err = _run(capsys, "import", str(src), "--project", str(proj))
    assert code == 1
    assert err.strip() == f"goftar import: {proj}: no such project folder"

    (src / "empty.txt").write_bytes(b"")
    code, _, err = _run(capsys, "import", str(src), "-p", str(proj), "--create")
    assert code == 1 and err.splitlines()[-1] == f"goftar import: {src / 'empty.txt'} the file is empty"
    assert not proj.exists()  # a failed import leaves no trace, not even an empty project
    (src / "empty.txt").unlink()

    assert _run(capsys, "import", str(src / "2.txt"), "-p", str(proj), "--create", "--annotator", "t")[0] == 0
    (src / "bad.jsonl").write_text('{"id": "z", "text": "ok"}\n{oops\n', encoding="utf-8")
    code, _, err = _run(capsys, "import", str(src), "-p", str(proj), "--annotator", "t")
    lines = err.strip().splitlines()
    assert code == 1
    assert lines[0].startswith(f"{src / '2.txt'} [2] duplicate id (already in the project)")
    assert lines[1].startswith(f"{src / 'bad.jsonl'}:2 invalid JSON")
    assert lines[-1].startswith("goftar import: ") and lines[-1].endswith("(and 1 more problem)")
    with Project.open(proj, annotator="t", readonly=True) as p:
        assert p.ids() == ["2"]  # all or nothing


def test_import_rename_duplicates_and_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "x.txt").write_bytes("سلام\r\n".encode("cp1256"))
    proj = str(tmp_path / "p")
    args = ["import", str(src / "x.txt"), "-p", proj, "--create", "--annotator", "t", "--encoding", "cp1256"]
    assert _run(capsys, *args)[0] == 0
    code, out, _ = _run(capsys, *args, "--rename-duplicates")
    assert code == 0 and out.rstrip().endswith(", 1 renamed")
    code, _, err = _run(capsys, *args[:-2], "--encoding", "klingon")
    assert (code, err.strip()) == (1, "goftar import: unknown encoding 'klingon'")
    with Project.open(proj, annotator="t", readonly=True) as p:
        assert p.ids() == ["x", "x-2"]
        assert p.load("x-2").text == "سلام\n"


def _project_with_reviews(tmp_path: Path) -> Path:
    proj = tmp_path / "proj"
    lines = [dict(ARTICLE, id=f"r{i}") for i in range(3)]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    assert main(["import", str(tmp_path / "a.jsonl"), "-p", str(proj), "--create", "--annotator", "t"]) == 0
    with Project.open(proj, annotator="t") as p:
        for rid in ("r0", "r2"):
            rec = p.load(rid)
            rec.quotes[0].status = "accepted"
            rec.quotes[1].status = "rejected"
            rec.claims[0].status = "accepted"
            rec.review = Review(status="reviewed", annotator="t", updated="2026-11-28T00:00:00Z")
            p.save(rec)
    return proj


@pytest.mark.parametrize(
    ("flags", "ids", "quotes", "claim_quote"),
    [
        ([], ["r0", "r2"], ["q1"], None),
        (["--with-provenance"], ["r0", "r2"], ["q1", "q2"], "q2"),
        (["--all"], ["r0", "r1", "r2"], ["q1"], None),
    ],
)
def test_export(tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], ids: list[str],
                quotes: list[str], claim_quote: str | None) -> None:
    proj = _project_with_reviews(tmp_path)
    capsys.readouterr()
    out_file = tmp_path / "gold.jsonl"
    code, out, _ = _run(capsys, "export", str(proj), "-o", str(out_file), "--annotator", "t", *flags)
    assert code == 0 and out.startswith(f"exported {len(ids)} ")
    got = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in got] == ids
    assert [q["id"] for q in got[0]["quotes"]] == quotes
    assert got[0]["claims"][0]["quote"] == claim_quote
    assert main(["validate", str(out_file)]) == 0


def test_export_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "export", str(tmp_path / "none"), "-o", str(tmp_path / "g.jsonl"))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "no such project folder" in err
    proj = _project_with_reviews(tmp_path)
    capsys.readouterr()
    code, _, err = _run(capsys, "export", str(proj), "-o", str(tmp_path / "missing" / "g.jsonl"))
    assert code == 1 and len(err.strip().splitlines()) == 1 and err.startswith("goftar export: ")


@pytest.mark.parametrize("command", ["import", "export"])
def test_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert f"usage: goftar {command}" in capsys.readouterr().out


def test_dev_gold_through_project(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  dev_gold_files: list[Path]) -> None:
    proj = tmp_path / "proj"
    code, _, _ = _run(capsys, "import", *map(str, dev_gold_files), "-p", str(proj), "--create", "--annotator", "t")
    assert code == 0
    out_file = tmp_path / "all.jsonl"
    assert _run(capsys, "export", str(proj), "-o", str(out_file), "--all", "--annotator", "t")[0] == 0
    expected = b"".join(f.read_bytes() for f in dev_gold_files)
    assert out_file.read_bytes() == expected
