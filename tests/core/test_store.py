"""The project store: create/open/save/load, last version wins, annotators, suggestions, caches."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from goftar.core.errors import InputError, RecordError, StoreError
from goftar.core.model import Review
from goftar.core.schema import dumps_record, read_jsonl
from goftar.core.store import Project, resolve_annotator, sanitize_annotator
from goftar.core.store.manifest import FORMAT_ID, MANIFEST_NAME

sys.path.insert(0, str(Path(__file__).parent))
from store_records import make_record


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    d = tmp_path / "proj"
    with Project.create(d, annotator="ali") as p:
        p.add_articles([make_record(f"art-{i}", variant=i) for i in range(5)])
    return d


def _reviewed(rec, annotator: str = "ali", status: str = "reviewed"):
    rec.review = Review(status=status, annotator=annotator, updated="2026-11-28T00:00:00Z")
    return rec


def test_create_layout_and_manifest(tmp_path: Path) -> None:
    d = tmp_path / "new"
    with Project.create(d, annotator="Ali Rezaei") as p:
        assert p.annotator == "Ali_Rezaei"
        assert len(p) == 0 and p.ids() == [] and p.warnings == []
    manifest = json.loads((d / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["format"] == FORMAT_ID
    assert manifest["schema"] == "goftar/1"
    assert manifest["annotators"] == ["Ali_Rezaei"]
    assert manifest["created"].endswith("Z")
    assert (d / "articles.jsonl").read_bytes() == b""
    assert (d / "annotations").is_dir()
    assert "goftar-project.lock" in (d / ".gitignore").read_text(encoding="utf-8")


def test_create_refuses_an_existing_project(project_dir: Path) -> None:
    with pytest.raises(StoreError, match="already holds a Goftar project"):
        Project.create(project_dir, annotator="ali")


@pytest.mark.parametrize("make", ["missing", "plain-folder"])
def test_open_refuses_what_is_not_a_project(tmp_path: Path, make: str) -> None:
    d = tmp_path / "x"
    if make == "plain-folder":
        d.mkdir()
    with pytest.raises(StoreError, match=r"no such project folder|not a Goftar project"):
        Project.open(d)


def test_open_or_create(tmp_path: Path) -> None:
    d = tmp_path / "p"
    with Project.open_or_create(d, annotator="a") as p:
        p.add_articles([make_record("x")])
    with Project.open_or_create(d, annotator="a") as p:
        assert p.ids() == ["x"]


def test_save_load_reopen_round_trip(project_dir: Path) -> None:
    with Project.open(project_dir, annotator="ali") as p:
        assert p.ids() == [f"art-{i}" for i in range(5)]
        assert len(p) == 5 and "art-3" in p and "nope" not in p
        rec = p.load("art-3")
        assert rec == make_record("art-3", variant=3)
        assert p.review_status("art-3") == "unreviewed"
        rec.quotes[0].status = "accepted"
        p.save(_reviewed(rec))
        assert p.review_status("art-3") == "reviewed"
        assert p.load("art-3") == rec
    with Project.open(project_dir, annotator="ali") as p:
        assert p.load("art-3") == rec
        assert p.review_status("art-3") == "reviewed"
        assert p.load("art-2") == make_record("art-2", variant=2)
        assert p.status_counts() == {"unreviewed": 4, "in_progress": 0, "reviewed": 1, "skipped": 0}
        assert p.warnings == []


def test_last_version_wins_and_lines_equal_dumps_record(project_dir: Path) -> None:
    versions = []
    with Project.open(project_dir, annotator="ali") as p:
        for k, status in enumerate(("in_progress", "in_progress", "reviewed")):
            rec = p.load("art-1")
            rec.quotes[k].status = "rejected"
            p.save(_reviewed(rec, status=status))
            versions.append(dumps_record(rec))
    lines = (project_dir / "annotations" / "ali.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines == versions
    with Project.open(project_dir, annotator="ali", readonly=True) as p:
        assert dumps_record(p.load("art-1")) == versions[-1]
        assert p.review_status("art-1") == "reviewed"


def test_each_annotator_has_a_journal(project_dir: Path) -> None:
    with Project.open(project_dir, annotator="ali") as p:
        p.save(_reviewed(p.load("art-0"), "ali"))
    with Project.open(project_dir, annotator="sara") as p:
        assert p.review_status("art-0") == "unreviewed"  # ali's work is not sara's
        rec = p.load("art-0")
        rec.quotes[0].status = "rejected"
        p.save(_reviewed(rec, "sara", "skipped"))
    with Project.open(project_dir, annotator="ali", readonly=True) as p:
        assert p.review_status("art-0") == "reviewed"
        assert p.load("art-0").quotes[0].status == "suggested"
    assert sorted(os.listdir(project_dir / "annotations")) == ["ali.jsonl", "sara.jsonl"]
    manifest = json.loads((project_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["annotators"] == ["ali", "sara"]


def test_save_validates_before_writing(project_dir: Path) -> None:
    journal = project_dir / "annotations" / "ali.jsonl"
    with Project.open(project_dir, annotator="ali") as p:
        rec = p.load("art-0")
        rec.quotes[0].text = "not the text"
        with pytest.raises(RecordError, match=r"art-0 quotes\[q1\]"):
            p.save(rec)
        with pytest.raises(StoreError, match="no article 'ghost'"):
            p.save(make_record("ghost"))
    assert not journal.exists() or journal.read_bytes() == b""


def test_readonly_refuses_save_and_does_not_lock(project_dir: Path) -> None:
    with (Project.open(project_dir, annotator="ali") as writer,
          Project.open(project_dir, annotator="ali", readonly=True) as reader):
        assert reader.readonly
        assert reader.load("art-0") == writer.load("art-0")
        with pytest.raises(StoreError, match="read-only"):
            reader.save(reader.load("art-0"))
        with pytest.raises(StoreError, match="read-only"):
            reader.add_articles([make_record("new")])


def test_closed_project_refuses_work(project_dir: Path) -> None:
    p = Project.open(project_dir, annotator="ali")
    p.close()
    p.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        p.load("art-0")
    with Project.open(project_dir, annotator="ali"):  # and the lock is free again
        pass


def test_add_articles_duplicates(project_dir: Path) -> None:
    with Project.open(project_dir, annotator="ali") as p:
        with pytest.raises(InputError, match="duplicate article id 'art-1'"):
            p.add_articles([make_record("fresh"), make_record("art-1")])
        assert "fresh" not in p  # nothing of a failed import is kept
        with pytest.raises(InputError, match="duplicate article id 'twin'"):
            p.add_articles([make_record("twin"), make_record("twin")])
        ids = p.add_articles([make_record("art-1"), make_record("twin"), make_record("twin")],
                             rename_duplicates=True)
        assert ids == ["art-1-2", "twin", "twin-2"]
    with Project.open(project_dir, annotator="ali", readonly=True) as p:
        assert p.ids()[-3:] == ids
        assert p.load("twin-2").id == "twin-2"
    res = read_jsonl(project_dir / "articles.jsonl")
    assert res.problems == [] and len(res.records) == 8


def test_add_articles_validates(project_dir: Path) -> None:
    bad = make_record("bad")
    bad.quotes[0].start += 1
    before = (project_dir / "articles.jsonl").read_bytes()
    with Project.open(project_dir, annotator="ali") as p, pytest.raises(RecordError):
        p.add_articles([make_record("ok"), bad])
    assert (project_dir / "articles.jsonl").read_bytes() == before


def test_set_suggestions(project_dir: Path) -> None:
    with Project.open(project_dir, annotator="ali") as p:
        p.save(_reviewed(p.load("art-1")))
        for rid in ("art-0", "art-1"):
            new = make_record(rid, variant=40, n_items=3)
            p.set_suggestions(new)
        assert p.load("art-0") == make_record("art-0", variant=40, n_items=3)
        assert len(p.load("art-1").quotes) == 6  # the journal still wins
        changed = make_record("art-2", text="متن دیگری برای این خبر")
        with pytest.raises(StoreError, match="may not change the article's text"):
            p.set_suggestions(changed)
    # close() merged suggestions.jsonl into articles.jsonl
    assert (project_dir / "suggestions.jsonl").read_bytes() == b""
    res = read_jsonl(project_dir / "articles.jsonl")
    assert [r.id for _n, r in res.records] == [f"art-{i}" for i in range(5)]
    assert res.records[0][1] == make_record("art-0", variant=40, n_items=3)
    with Project.open(project_dir, annotator="ali") as p:
        assert p.load("art-0") == make_record("art-0", variant=40, n_items=3)
        assert p.load("art-4") == make_record("art-4", variant=4)
        assert p.warnings == []


def test_suggestions_kept_when_not_merged(project_dir: Path) -> None:
    with Project.open(project_dir, annotator="ali") as p:
        p.merge_max_bytes = 0  # as for a big project: no merge at close
        p.set_suggestions(make_record("art-3", variant=9, n_items=2))
    assert (project_dir / "suggestions.jsonl").stat().st_size > 0
    with Project.open(project_dir, annotator="ali", readonly=True) as p:
        assert p.load("art-3") == make_record("art-3", variant=9, n_items=2)
    with Project.open(project_dir, annotator="ali") as p:
        p.compact()
        assert p.load("art-3") == make_record("art-3", variant=9, n_items=2)
        assert p.load("art-4") == make_record("art-4", variant=4)
    assert (project_dir / "suggestions.jsonl").read_bytes() == b""


def test_iter_records_and_stats(project_dir: Path) -> None:
    with Project.open(project_dir, annotator="ali") as p:
        for rid in ("art-1", "art-3"):
            rec = p.load(rid)
            rec.quotes[0].status = "rejected"
            p.save(_reviewed(rec))
        assert [r.id for r in p.iter_records(status="reviewed")] == ["art-1", "art-3"]
        assert [r.id for r in p.iter_records()] == [f"art-{i}" for i in range(5)]
        stats = p.stats()
    assert stats["articles"] == 5
    assert stats["by_review_status"]["reviewed"] == 2
    assert stats["items"]["quotes"] == {"rejected": 2, "suggested": 28}
    assert stats["items"]["claims"] == {"suggested": 15}
    assert stats["items"]["speakers"] == {"auto": 5}


def test_compaction_keeps_the_last_versions(project_dir: Path) -> None:
    journal = project_dir / "annotations" / "ali.jsonl"
    with Project.open(project_dir, annotator="ali") as p:
        p.compact_min_superseded = 10
        for k in range(30):
            rec = p.load(f"art-{k % 3}")
            rec.meta = {"v": k}
            p.save(rec)
        assert len(journal.read_text(encoding="utf-8").splitlines()) < 30
        assert [p.load(f"art-{i}").meta for i in range(3)] == [{"v": 27}, {"v": 28}, {"v": 29}]
    with Project.open(project_dir, annotator="ali") as p:
        assert [p.load(f"art-{i}").meta for i in range(3)] == [{"v": 27}, {"v": 28}, {"v": 29}]
        p.compact()
        assert p.warnings == []
    assert len(journal.read_text(encoding="utf-8").splitlines()) == 3


def test_index_cache_is_used_and_checked(project_dir: Path) -> None:
    with Project.open(project_dir, annotator="ali") as p:
        p.save(_reviewed(p.load("art-0")))
    with Project.open(project_dir, annotator="ali", readonly=True) as p:
        assert p._articles.index.from_cache and p._jour.index.from_cache
        assert p.review_status("art-0") == "reviewed"
    # Another session appended to the journal after the cache was written: only the tail is scanned.
    journal = project_dir / "annotations" / "ali.jsonl"
    rec = _reviewed(make_record("art-2", variant=2), status="skipped")
    with journal.open("a", encoding="utf-8") as fh:
        fh.write(dumps_record(rec) + "\n")
    # articles.jsonl replaced by hand (e.g. a git checkout): the cache no longer fits and is ignored.
    lines = (project_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    (project_dir / "articles.jsonl").write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    with Project.open(project_dir, annotator="ali", readonly=True) as p:
        assert not p._articles.index.from_cache
        assert p.ids() == [f"art-{i}" for i in reversed(range(5))]
        assert p.review_status("art-2") == "skipped"
        assert p.load("art-4") == make_record("art-4", variant=4)


def test_articles_in_another_key_order_are_read(tmp_path: Path) -> None:
    d = tmp_path / "p"
    Project.create(d, annotator="a").close()
    rec = _reviewed(make_record("hand-made"), status="in_progress")
    obj = json.loads(dumps_record(rec))
    reordered = {k: obj[k] for k in reversed(list(obj))}
    (d / "articles.jsonl").write_text(json.dumps(reordered, ensure_ascii=False), encoding="utf-8")  # no final \n
    with Project.open(d, annotator="a") as p:
        assert p.ids() == ["hand-made"]
        assert p.review_status("hand-made") == "in_progress"
        assert p.load("hand-made") == rec
        p.add_articles([make_record("second")])
        indexed = p._articles.index.scan.entries
    shutil.rmtree(d / ".goftar-cache")
    with Project.open(d, annotator="a", readonly=True) as p:
        assert p.ids() == ["hand-made", "second"] and p.warnings == []
        assert p._articles.index.scan.entries == indexed  # what add_articles recorded is what a scan finds


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ali", "ali"),
        ("Ali Rezaei", "Ali_Rezaei"),
        ("مریم‌ احمدی", "مریم_احمدی"),
        ("../../etc/passwd", "etc_passwd"),
        ("a/b\\c:d", "a_b_c_d"),
        ("...", "anonymous"),
        ("", "anonymous"),
        ("x" * 100, "x" * 64),
    ],
)
def test_sanitize_annotator(raw: str, expected: str) -> None:
    assert sanitize_annotator(raw) == expected


def test_resolve_annotator_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOFTAR_ANNOTATOR", "from env")
    assert resolve_annotator("given") == "given"
    assert resolve_annotator(None) == "from_env"
    monkeypatch.delenv("GOFTAR_ANNOTATOR")
    monkeypatch.setenv("USER", "osuser")
    monkeypatch.setenv("LOGNAME", "osuser")
    assert resolve_annotator(None) == "osuser"


@pytest.mark.parametrize("status", [None, "reviewed"])
@pytest.mark.parametrize("with_provenance", [False, True])
def test_export_gold_equals_the_io_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: str | None,
                                          with_provenance: bool) -> None:
    import goftar.core.io.export as io_export

    d = tmp_path / "p"
    Project.create(d, annotator="ali").close()
    # A line written by another tool (keys in another order): valid, but not trusted.
    obj = json.loads(dumps_record(_reviewed(make_record("hand", variant=7))))
    (d / "articles.jsonl").write_text(json.dumps(dict(reversed(list(obj.items()))), ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    with Project.open(d, annotator="ali") as p:
        p.add_articles([make_record(f"e{i}", variant=i) for i in range(6)])
    with Project.open(d, annotator="ali") as p:
        p.save(_reviewed(p.load("e1")))  # nothing rejected: copied verbatim
        rec = p.load("e2")
        rec.quotes[1].status = "rejected"
        p.save(_reviewed(rec))  # a rejected quote (and its claim link) to drop
    calls = []
    real = io_export.gold_dict
    monkeypatch.setattr(io_export, "gold_dict", lambda r, **kw: calls.append(r.id) or real(r, **kw))
    fast, slow = tmp_path / "fast.jsonl", tmp_path / "slow.jsonl"
    with Project.open(d, annotator="ali", readonly=True) as p:
        n = p.export_gold(fast, status=status, with_provenance=with_provenance)
        # Only the untrusted line is parsed and validated again; the trusted one with a rejected
        # quote is only re-serialised without it, every other line is copied.
        assert calls == ["hand"]
        assert n == io_export.export_gold(p.iter_records(status=status), slow, with_provenance=with_provenance)
    assert n == (7 if status is None else 3)
    assert fast.read_bytes() == slow.read_bytes()


def test_project_files_get_ordinary_modes(tmp_path: Path) -> None:
    # A project folder on a shared drive must be readable by the other analysts: no 0600 temp-file modes.
    ref = tmp_path / "plain"
    ref.write_text("", encoding="utf-8")
    d = tmp_path / "p"
    with Project.create(d, annotator="ali") as p:
        p.add_articles([make_record("a")])
        p.export_gold(tmp_path / "gold.jsonl", status=None)
    mode = ref.stat().st_mode & 0o777
    for f in (d / MANIFEST_NAME, d / "articles.jsonl", d / ".gitignore", tmp_path / "gold.jsonl"):
        assert f.stat().st_mode & 0o777 == mode, f


def test_load_imported_ignores_the_journal(project_dir: Path) -> None:
    with Project.open(project_dir, annotator="ali") as p:
        p.save(_reviewed(p.load("art-0")))
        assert p.load("art-0").review_status == "reviewed"
        assert p.load_imported("art-0") == make_record("art-0", variant=0)


def test_big_suggestion_backlog_is_merged_at_close(project_dir: Path) -> None:
    with Project.open(project_dir, annotator="ali") as p:
        p.merge_max_bytes = 0  # a big project ...
        for i in range(2):  # ... but suggestions for 2 of its 5 articles: over a quarter of its size
            p.set_suggestions(make_record(f"art-{i}", variant=30 + i))
    assert (project_dir / "suggestions.jsonl").read_bytes() == b""
    with Project.open(project_dir, annotator="ali", readonly=True) as p:
        assert p.load("art-1") == make_record("art-1", variant=31)


def test_a_forgotten_project_gives_its_lock_back(project_dir: Path) -> None:
    import gc

    p = Project.open(project_dir, annotator="ali")
    p.save(p.load("art-0"))
    del p
    gc.collect()
    with Project.open(project_dir, annotator="sara") as q:  # no ProjectLockedError
        assert q.crashed_session is None  # given back, not lost with a dead process
    with Project.open(project_dir, annotator="ali", readonly=True) as r:
        assert r.load("art-0") == make_record("art-0", variant=0)


def test_a_fresh_clone_without_empty_folders_opens(project_dir: Path) -> None:
    # git keeps no empty folder and ignores the lock and the cache: a clone has only the JSONL files.
    for name in ("annotations", ".goftar-cache"):
        shutil.rmtree(project_dir / name)
    (project_dir / "goftar-project.lock").unlink()
    with Project.open(project_dir, annotator="ali") as p:
        assert p.warnings == [] and len(p) == 5
        p.save(_reviewed(p.load("art-4")))
    with Project.open(project_dir, annotator="ali", readonly=True) as p:
        assert p.review_status("art-4") == "reviewed"


def test_saves_and_loads_from_several_threads(project_dir: Path) -> None:
    import threading

    errors: list[BaseException] = []
    with Project.open(project_dir, annotator="ali") as p:
        p.compact_min_superseded = 10  # compactions happen while others read and write

        def writer(rid: str) -> None:
            try:
                for v in range(1, 31):
                    rec = p.load(rid)
                    rec.meta = {"v": v}
                    p.save(rec)
            except BaseException as ex:  # pragma: no cover - reported below
                errors.append(ex)

        def reader() -> None:
            try:
                for _ in range(60):
                    for rid in p.ids():
                        p.load(rid)
            except BaseException as ex:  # pragma: no cover - reported below
                errors.append(ex)

        threads = [threading.Thread(target=writer, args=(f"art-{i}",)) for i in range(4)]
        threads.append(threading.Thread(target=reader))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert p.warnings == []
    with Project.open(project_dir, annotator="ali", readonly=True) as p:
        assert [(p.load(f"art-{i}").meta or {}).get("v") for i in range(5)] == [30, 30, 30, 30, None]
