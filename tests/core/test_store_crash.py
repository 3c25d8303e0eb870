"""Crash safety: a writer process killed with SIGKILL at random instants loses no returned save.

tests/core/store_crash_writer.py stays alive as a zygote (Python start-up and imports cost far
more than a kill) and forks a writer child per round; the child saves records in an endless
loop and prints "saved ID VERSION" after each save() returned. The test kills the child at a
random instant (while opening, appending, fsyncing, compacting…), then opens the project for
writing itself: the kernel must have released the lock, the project must open, and every
reported save must be there with that version or a newer one.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from goftar.core.store import Project

sys.path.insert(0, str(Path(__file__).parent))
from store_crash_writer import run_crash_loop
from store_records import make_record

KILLS = 50


@pytest.mark.slow
def test_sigkill_at_random_instants_loses_no_returned_save(tmp_path: Path) -> None:
    project = tmp_path / "crash"
    with Project.create(project, annotator="crash") as p:
        p.add_articles([make_record(f"r{i}", variant=i) for i in range(12)])
    counts = run_crash_loop(project, KILLS, seed=20261128)
    assert counts["kills"] == KILLS
    assert counts["mid_loop"] == KILLS // 2  # half the kills hit a writer known to be saving
    assert counts["saves"] >= counts["mid_loop"]
    with Project.open(project, annotator="crash") as p:
        p.compact()
        assert [w for w in p.warnings if w.severity == "error"] == []
        assert len(p) == 12
