"""Crash safety: a writer process killed with SIGKILL at random instants loses no returned save.

tests/core/store_crash_writer.py stays alive as a zygote (Python start-up and imports cost far
more than a kill) and forks a writer child per round; the child saves records in an endless
loop and prints "saved ID VERSION" after each save() returned. The test kills the child at a
random instant (while opening, appending, fsyncing, compacting…), then opens the project for
writing itself: the kernel must have released the lock, the project must open, and every
reported save must be there with that version or a newer one.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from goftar.core.store import Project

sys.path.insert(0, str(Path(__file__).parent))
from store_records import make_record

WRITER = Path(__file__).with_name("store_crash_writer.py")
KILLS = 50


class Zygote:
    """The writer helper process and its line protocol (see store_crash_writer.py)."""

    def __init__(self, project: Path, seed: int, compact_min: int):
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(project), "--seed", str(seed), "--compact-min", str(compact_min)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"writer helper exited ({self.proc.wait()})")
        return line.strip()

    def _send(self, cmd: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(cmd + "\n")
        self.proc.stdin.flush()

    def start_child(self) -> int:
        self._send("go")
        line = self._line()
        assert line.startswith("child "), line
        return int(line.split()[1])

    def reap(self, pid: int) -> tuple[list[tuple[str, int]], int]:
        """Everything the (dead) child reported, and its wait status."""
        self._send("wait")
        saved: list[tuple[str, int]] = []
        while True:
            line = self._line()
            if line.startswith("saved "):
                _, rid, v = line.split()
                saved.append((rid, int(v)))
            elif line.startswith("reaped "):
                _, got, status = line.split()
                assert int(got) == pid
                return saved, int(status)
            else:
                raise AssertionError(f"writer child failed: {line}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self._send("quit")
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def run_crash_loop(project: Path, kills: int, seed: int, compact_min: int = 25) -> dict[str, int]:
    """Kill a writer `kills` times; check every reported save after each kill. Returns counts."""
    rnd = random.Random(seed)
    reported: dict[str, int] = {}
    saves = 0
    zygote = Zygote(project, seed, compact_min)
    try:
        for _ in range(kills):
            pid = zygote.start_child()
            time.sleep(rnd.uniform(0.005, 0.12))
            os.kill(pid, signal.SIGKILL)
            saved, status = zygote.reap(pid)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
            saves += len(saved)
            for rid, v in saved:
                reported[rid] = max(v, reported.get(rid, 0))
            # The lock died with the child; the project opens for writing and holds every save.
            with Project.open(project, annotator="crash") as p:
                assert [w for w in p.warnings if w.severity == "error"] == []
                for rid, v in reported.items():
                    assert (p.load(rid).meta or {}).get("v", 0) >= v, (rid, v)
    finally:
        zygote.close()
    return {"kills": kills, "saves": saves, "records": len(reported)}


@pytest.mark.slow
def test_sigkill_at_random_instants_loses_no_returned_save(tmp_path: Path) -> None:
    project = tmp_path / "crash"
    with Project.create(project, annotator="crash") as p:
        p.add_articles([make_record(f"r{i}", variant=i) for i in range(12)])
    counts = run_crash_loop(project, KILLS, seed=20261128)
    assert counts["kills"] == KILLS
    assert counts["saves"] > KILLS  # the children really were saving when killed
    with Project.open(project, annotator="crash") as p:
        p.compact()
        assert [w for w in p.warnings if w.severity == "error"] == []
        assert len(p) == 12
