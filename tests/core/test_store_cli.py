"""`goftar review --accept-all` and `goftar stats` on a real project folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from goftar.core.cli import main
from goftar.core.model import Review
from goftar.core.store import Project

sys.path.insert(0, str(Path(__file__).parent))
from store_records import make_record


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    d = tmp_path / "proj"
    with Project.create(d, annotator="setup") as p:
        recs = [make_record(f"n{i}", variant=i, n_items=4) for i in range(4)]
        recs[2].review = Review(status="in_progress", annotator="maryam", updated=None)
        p.add_articles(recs)
    with Project.open(d, annotator="maryam") as p:  # maryam already rejected a quote in n1 and skipped n3
        rec = p.load("n1")
        rec.quotes[0].status = "rejected"
        p.save(rec)
        rec = p.load("n3")
        rec.review = Review(status="skipped", annotator="maryam", updated=None)
        p.save(rec)
    return d


def test_review_accept_all(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(project_dir), "--accept-all", "--annotator", "maryam"]) == 0
    out = capsys.readouterr().out
    # n0 and n1 are unreviewed; n2 is in progress and n3 skipped, so they are left alone.
    assert out.strip() == "reviewed 2 article(s) as maryam, accepted 13 suggestion(s)"  # 7 in n0, 6 in n1
    with Project.open(project_dir, annotator="maryam", readonly=True) as p:
        assert [p.review_status(r) for r in p.ids()] == ["reviewed", "reviewed", "in_progress", "skipped"]
        n1 = p.load("n1")
        assert n1.review is not None and n1.review.annotator == "maryam" and n1.review.updated
        assert [q.status for q in n1.quotes] == ["rejected", "accepted", "accepted", "accepted"]
        assert {c.status for c in n1.claims} == {"accepted"}
        assert p.load("n2").quotes[0].status == "suggested"
    journal = (project_dir / "annotations" / "maryam.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in journal] == ["n1", "n3", "n0", "n1"]  # appended, last wins
    # Running it again finds nothing left to do.
    assert main(["review", str(project_dir), "--accept-all", "--annotator", "maryam"]) == 0
    assert capsys.readouterr().out.startswith("reviewed 0 article(s)")


def test_review_include_in_progress_and_env_annotator(project_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GOFTAR_ANNOTATOR", "maryam")
    assert main(["review", str(project_dir), "--accept-all", "--include-in-progress"]) == 0
    assert capsys.readouterr().out.startswith("reviewed 3 article(s) as maryam")


def test_review_needs_accept_all(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ex:
        main(["review", str(project_dir)])
    assert ex.value.code == 2
    assert "--accept-all" in capsys.readouterr().err


def test_review_refused_while_locked(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Project.open(project_dir, annotator="ali"):
        assert main(["review", str(project_dir), "--accept-all", "--annotator", "maryam"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("goftar review: ") and "open for writing by ali" in err[0]


def test_review_missing_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(tmp_path / "nowhere"), "--accept-all"]) == 1
    assert "no such project folder" in capsys.readouterr().err


def test_stats_json_and_table(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Project.open(project_dir, annotator="ali"):  # stats opens read-only: works while locked
        assert main(["stats", str(project_dir), "--annotator", "maryam", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["articles"] == 4
    assert stats["by_review_status"] == {"unreviewed": 2, "in_progress": 1, "reviewed": 0, "skipped": 1}
    assert stats["items"]["quotes"] == {"rejected": 1, "suggested": 15}
    assert stats["items"]["claims"] == {"suggested": 8}
    assert stats["items"]["dates"] == {"suggested": 4}
    assert stats["items"]["speakers"] == {"auto": 4}

    assert main(["stats", str(project_dir), "--annotator", "maryam"]) == 0
    table = capsys.readouterr().out
    assert "articles  4" in table
    assert any(line.split()[:2] == ["quotes", "16"] for line in table.splitlines())
    assert any(line.split() == ["skipped", "1"] for line in table.splitlines())
