"""Damaged project files: torn journal tails, corrupt lines, and a second writer (a real process)."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from goftar.core.errors import ProjectLockedError, StoreError
from goftar.core.model import Review
from goftar.core.schema import dumps_record
from goftar.core.store import Project

sys.path.insert(0, str(Path(__file__).parent))
from store_records import make_record


def _project(tmp_path: Path, n: int = 4) -> Path:
    d = tmp_path / "proj"
    with Project.create(d, annotator="ali") as p:
        p.add_articles([make_record(f"a{i}", variant=i) for i in range(n)])
    return d


def _save_versions(d: Path, rid: str, count: int) -> list[str]:
    """Save `count` versions of `rid` (meta v=1..count); return their journal lines."""
    lines = []
    with Project.open(d, annotator="ali") as p:
        for v in range(1, count + 1):
            rec = p.load(rid)
            rec.meta = {"v": v}
            rec.review = Review(status="in_progress", annotator="ali", updated=None)
            p.save(rec)
            lines.append(dumps_record(rec))
    return lines


def _journal(d: Path) -> Path:
    return d / "annotations" / "ali.jsonl"


# ------------------------------------------------------------------ torn last line
@pytest.mark.parametrize("keep", [1, 10, 0.5, -1])
def test_torn_last_line_is_skipped_then_repaired(tmp_path: Path, keep: float) -> None:
    d = _project(tmp_path)
    lines = _save_versions(d, "a1", 2)
    data = _journal(d).read_bytes()
    second = len(lines[0].encode()) + 1
    cut = second + (int(keep * len(lines[1].encode())) if isinstance(keep, float) else keep)
    if keep == -1:  # everything but the newline
        cut = len(data) - 1
    _journal(d).write_bytes(data[:cut])
    torn = data[second:cut]

    with Project.open(d, annotator="ali", readonly=True) as p:
        assert p.load("a1").meta == {"v": 1}  # the earlier good version, not the torn one
        [w] = p.warnings
        assert w.severity == "warning" and w.file == "annotations/ali.jsonl" and w.line == 2
        assert "incomplete last line" in w.message
    assert _journal(d).read_bytes() == data[:cut]  # a reader changes nothing

    with Project.open(d, annotator="ali") as p:  # a writer moves the piece aside before appending
        assert p.load("a1").meta == {"v": 1}
        assert "moved to ali.jsonl.damaged" in p.warnings[0].message
        rec = p.load("a1")
        rec.meta = {"v": 3}
        p.save(rec)
    assert (d / "annotations" / "ali.jsonl.damaged").read_bytes() == torn + b"\n"
    with Project.open(d, annotator="ali", readonly=True) as p:
        assert p.load("a1").meta == {"v": 3}
        assert p.warnings == []


# ------------------------------------------------------------------ corrupt middle lines
def test_corrupt_middle_journal_line_is_reported_and_skipped(tmp_path: Path) -> None:
    d = _project(tmp_path)
    _save_versions(d, "a1", 1)
    _save_versions(d, "a2", 2)
    lines = _journal(d).read_bytes().split(b"\n")
    lines[1] = lines[1][:300] + b"\x00garbage" + lines[1][400:]  # a2 v1, damaged
    _journal(d).write_bytes(b"\n".join(lines))
    with Project.open(d, annotator="ali", readonly=True) as p:
        assert p.load("a1").meta == {"v": 1}
        assert p.load("a2").meta == {"v": 2}
        [w] = p.warnings
        assert (w.file, w.line, w.record_id) == ("annotations/ali.jsonl", 2, "a2")
        assert w.message.startswith(("invalid JSON", "not UTF-8"))
        assert str(w).startswith("annotations/ali.jsonl:2: a2 ")


def test_invalid_latest_version_falls_back_and_is_kept(tmp_path: Path) -> None:
    d = _project(tmp_path)
    _save_versions(d, "a0", 2)
    lines = _journal(d).read_text(encoding="utf-8").splitlines()
    obj = json.loads(lines[1])
    obj["quotes"][0]["end"] += 1  # valid JSON, invalid record: the span text no longer matches
    lines[1] = json.dumps(obj, ensure_ascii=False)
    _journal(d).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Project.open(d, annotator="ali") as p:
        assert p.load("a0").meta == {"v": 1}
        [w] = p.warnings
        assert (w.file, w.line, w.record_id) == ("annotations/ali.jsonl", 2, "a0")
        assert "does not match" in w.message
        p.compact()  # the invalid line leaves the journal only for the .damaged file
    assert (d / "annotations" / "ali.jsonl.damaged").read_text(encoding="utf-8") == lines[1] + "\n"
    assert _journal(d).read_text(encoding="utf-8").splitlines() == lines[:1]


def test_compaction_never_drops_unreadable_lines(tmp_path: Path) -> None:
    d = _project(tmp_path)
    _save_versions(d, "a3", 3)
    with _journal(d).open("ab") as fh:
        fh.write(b'{"schema": "goftar/1", "id": "a3", "text": \xff\xfe broken}\n')
        fh.write(b"not json at all\n")
    with Project.open(d, annotator="ali") as p:
        assert [(w.line, w.record_id) for w in p.warnings] == [(4, "a3"), (5, None)]
        p.compact()
        assert p.load("a3").meta == {"v": 3}
    damaged = (d / "annotations" / "ali.jsonl.damaged").read_bytes()
    assert b"\xff\xfe broken}" in damaged and b"not json at all" in damaged
    assert len(_journal(d).read_bytes().splitlines()) == 1


def test_corrupt_article_line(tmp_path: Path) -> None:
    d = _project(tmp_path)
    art = d / "articles.jsonl"
    lines = art.read_bytes().split(b"\n")
    lines[1] = lines[1][: len(lines[1]) // 2]  # a1 cut in half (a bad copy, a bad merge)
    art.write_bytes(b"\n".join(lines))
    damaged = art.read_bytes()
    with Project.open(d, annotator="ali") as p:
        assert p.ids() == ["a0", "a2", "a3", "a1"]  # a1 is still listed, at the end
        [w] = p.warnings
        assert (w.file, w.line, w.record_id, w.severity) == ("articles.jsonl", 2, "a1", "error")
        assert p.load("a2") == make_record("a2", variant=2)
        with pytest.raises(StoreError, match=r"articles\.jsonl:2: record a1 cannot be read"):
            p.load("a1")
        assert [r.id for r in p.iter_records()] == ["a0", "a2", "a3"]
        p.add_articles([make_record("a4")])  # a rewrite keeps the damaged line verbatim
    assert art.read_bytes().startswith(damaged)
    with Project.open(d, annotator="ali", readonly=True) as p:
        assert p.ids() == ["a0", "a2", "a3", "a4", "a1"]


def test_invalid_article_record_names_file_line_and_id(tmp_path: Path) -> None:
    d = _project(tmp_path)
    art = d / "articles.jsonl"
    lines = art.read_text(encoding="utf-8").splitlines()
    obj = json.loads(lines[2])
    obj["quotes"][0]["speaker"] = "s9"
    lines[2] = json.dumps(obj, ensure_ascii=False)
    art.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Project.open(d, annotator="ali", readonly=True) as p:
        with pytest.raises(StoreError, match=r"articles\.jsonl:3: record a2 .*quotes\[q1\]\.speaker"):
            p.load("a2")
        assert p.load("a3") == make_record("a3", variant=3)


# ------------------------------------------------------------------ the lock, across processes
_SECOND = textwrap.dedent("""
    import sys
    from goftar.core.errors import ProjectLockedError
    from goftar.core.store import Project
    try:
        Project.open(sys.argv[1], annotator="sara")
    except ProjectLockedError as ex:
        print("locked:", ex)
        sys.exit(0)
    print("opened")
    sys.exit(1)
""")

_READER = textwrap.dedent("""
    import sys
    from goftar.core.store import Project
    with Project.open(sys.argv[1], annotator="sara", readonly=True) as p:
        print(len(p), p.load("a1").id)
""")


def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)


def test_second_writer_process_is_refused_with_the_holder_named(tmp_path: Path) -> None:
    d = _project(tmp_path)
    with Project.open(d, annotator="ali") as p:
        out = _run(_SECOND, str(d))
        assert out.returncode == 0, out.stdout + out.stderr
        msg = out.stdout
        assert "locked:" in msg and "is open for writing by ali" in msg
        assert "pid " in msg and "read-only" in msg
        reader = _run(_READER, str(d))  # read-only needs no lock
        assert reader.stdout.split() == ["4", "a1"], reader.stderr
        p.save(p.load("a1"))
    out = _run(_SECOND, str(d))  # released on close
    assert out.stdout.strip() == "opened"


def test_second_writer_in_the_same_process_is_refused(tmp_path: Path) -> None:
    d = _project(tmp_path)
    with Project.open(d, annotator="ali"):
        with pytest.raises(ProjectLockedError, match="open for writing by ali"):
            Project.open(d, annotator="sara")
        with pytest.raises(ProjectLockedError):
            Project.open_or_create(d, annotator="ali")


def test_damage_in_a_superseded_line_survives_compaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = _project(tmp_path)
    _save_versions(d, "a2", 3)
    lines = _journal(d).read_bytes().split(b"\n")
    lines[0] = lines[0][:200] + b"\x00\x00\x00" + lines[0][260:]  # damage inside the text of v1
    _journal(d).write_bytes(b"\n".join(lines))
    # As for a big journal: the scan reads ids and statuses only, so it does not see the damage ...
    monkeypatch.setattr(Project, "verify_scan_bytes", 0)
    with Project.open(d, annotator="ali") as p:
        assert p.warnings == []
        assert p.load("a2").meta == {"v": 3}
        p.compact()  # ... but compaction checks every line it would drop
        [w] = p.warnings
        assert (w.file, w.line, w.record_id) == ("annotations/ali.jsonl", 1, "a2")
        assert "moved to ali.jsonl.damaged" in w.message
    assert (d / "annotations" / "ali.jsonl.damaged").read_bytes() == lines[0] + b"\n"


def test_a_killed_session_is_reported_and_its_temp_files_removed(tmp_path: Path) -> None:
    d = _project(tmp_path)
    code = textwrap.dedent("""
        import os, sys
        from goftar.core.store import Project
        p = Project.open(sys.argv[1], annotator="ali")
        open(os.path.join(sys.argv[1], ".articles.jsonl.tmp"), "wb").write(b"half a rewrite")
        open(os.path.join(sys.argv[1], "annotations", ".ali.jsonl.compact.tmp"), "wb").write(b"half")
        os._exit(0)  # as if killed: no close(), the kernel drops the lock
    """)
    assert _run(code, str(d)).returncode == 0
    with Project.open(d, annotator="sara") as p:
        assert p.crashed_session is not None and p.crashed_session.startswith("ali (pid ")
    assert not (d / ".articles.jsonl.tmp").exists()
    assert not (d / "annotations" / ".ali.jsonl.compact.tmp").exists()
    with Project.open(d, annotator="sara") as p:  # that session closed cleanly
        assert p.crashed_session is None


def test_blank_lines_are_warnings_and_compaction_drops_them(tmp_path: Path) -> None:
    d = _project(tmp_path)
    _save_versions(d, "a0", 2)
    data = _journal(d).read_bytes().replace(b"\n", b"\n\n", 1)
    _journal(d).write_bytes(data)
    (d / "articles.jsonl").write_bytes((d / "articles.jsonl").read_bytes() + b"\n")
    with Project.open(d, annotator="ali") as p:
        assert sorted((w.file, w.line, w.severity) for w in p.warnings) == [
            ("annotations/ali.jsonl", 2, "warning"), ("articles.jsonl", 5, "warning")]
        assert p.load("a0").meta == {"v": 2}
        p.compact()
    assert not (d / "annotations" / "ali.jsonl.damaged").exists()
    assert len(_journal(d).read_bytes().splitlines()) == 1


def test_reimporting_a_damaged_article_repairs_it(tmp_path: Path) -> None:
    d = _project(tmp_path)
    art = d / "articles.jsonl"
    lines = art.read_bytes().split(b"\n")
    lines[1] = b"<<<<<<< HEAD"  # a merge conflict marker where a1 was
    art.write_bytes(b"\n".join(lines))
    with Project.open(d, annotator="ali") as p:
        assert "a1" not in p  # the line gives no id: the article is simply missing
        with pytest.raises(StoreError, match="no article 'a1'"):
            p.load("a1")
        assert p.add_articles([make_record("a1", variant=1)]) == ["a1"]
        assert p.load("a1") == make_record("a1", variant=1)
        assert p.ids() == ["a0", "a2", "a3", "a1"]
    assert b"<<<<<<< HEAD\n" in art.read_bytes()  # the damaged line is still there, untouched
    with Project.open(d, annotator="ali", readonly=True) as p:
        assert p.ids() == ["a0", "a2", "a3", "a1"] and p.load("a1").id == "a1"
        assert [(w.line, w.severity) for w in p.warnings] == [(2, "error")]


def test_a_failed_open_leaves_nothing_open(tmp_path: Path) -> None:
    d = _project(tmp_path)
    (d / "annotations" / "ali.jsonl").mkdir()  # not a file: the journal cannot be opened
    before = len(os.listdir("/proc/self/fd"))
    with pytest.raises(StoreError, match=r"ali\.jsonl: cannot open: Is a directory"):
        Project.open(d, annotator="ali")
    assert len(os.listdir("/proc/self/fd")) == before
    (d / "annotations" / "ali.jsonl").rmdir()
    Project.open(d, annotator="ali").close()  # and the lock was given back


def test_a_journal_cut_anywhere_keeps_every_complete_line(tmp_path: Path) -> None:
    """Power loss can leave any prefix of the journal: every fully written version must survive."""
    d = _project(tmp_path)
    with Project.open(d, annotator="ali") as p:
        for v in range(1, 7):
            rec = p.load(f"a{v % 2}")
            rec.meta = {"v": v}
            p.save(rec)
    data = _journal(d).read_bytes()
    ends = [i + 1 for i, b in enumerate(data) if b == 0x0A]  # where each complete line ends
    rnd = random.Random(5)
    for cut in sorted(set(rnd.sample(range(len(data) + 1), 40)) | set(ends) | {0}):
        _journal(d).write_bytes(data[:cut])
        shutil.rmtree(d / ".goftar-cache", ignore_errors=True)
        complete = sum(1 for e in ends if e <= cut)  # versions 1..complete are whole
        with Project.open(d, annotator="ali", readonly=True) as p:
            for rid in ("a0", "a1"):
                got = (p.load(rid).meta or {}).get("v", 0)
                want = max([v for v in range(1, complete + 1) if f"a{v % 2}" == rid], default=0)
                assert got == want, (cut, rid)
            assert all(w.severity == "warning" for w in p.warnings), cut


def test_every_unreadable_record_is_reported_once(tmp_path: Path) -> None:
    d = _project(tmp_path)
    art = d / "articles.jsonl"
    lines = art.read_text(encoding="utf-8").splitlines()
    for i in (0, 2):
        obj = json.loads(lines[i])
        obj["claims"][0]["source"] = "s404"
        lines[i] = json.dumps(obj, ensure_ascii=False)
    art.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Project.open(d, annotator="ali", readonly=True) as p:
        assert [r.id for r in p.iter_records()] == ["a1", "a3"]
        assert [r.id for r in p.iter_records()] == ["a1", "a3"]
        assert [(w.file, w.line, w.record_id) for w in p.warnings] == [("articles.jsonl", 1, "a0"),
                                                                        ("articles.jsonl", 3, "a2")]
        assert str(p.warnings[0]).startswith("articles.jsonl:1: a0 record: cannot be read: claims[c1].source")
        assert all("s404" in w.message for w in p.warnings)
