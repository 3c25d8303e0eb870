"""Helper process for the store's crash tests (not a test module: pytest does not collect it).

    python store_crash_writer.py PROJECT [--annotator NAME] [--compact-min N] [--seed S]

Starting Python and importing the store costs far more than a kill, so this process stays
alive as a "zygote": it imports everything once, then obeys commands read from stdin:

    go      fork a writer child; print "child PID". The child opens PROJECT for writing and saves
            records in an endless loop, printing "saved ID VERSION" after each save() returned.
    wait    reap the child (killed by the test meanwhile); print "reaped PID STATUS".
    quit    exit.

Every line is flushed at once, so whatever the test reads was printed before the kill. A
record's version lives in `meta["v"]` and grows by one with each save of that record.

`Zygote` and `run_crash_loop` below are the other side of the protocol, shared by
tests/core/test_store_crash.py and benchmarks/bench_store.py.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path


def say(line: str) -> None:
    """One write() per line. print() makes two (text, then newline) when stdout is unbuffered
    (PYTHONUNBUFFERED), and a kill or the other process writing in between would glue lines."""
    os.write(1, (line + "\n").encode())


def writer_loop(project_dir: str, annotator: str, compact_min: int, seed: int) -> None:
    from goftar.core.errors import ProjectLockedError
    from goftar.core.model import Review
    from goftar.core.store import Project

    rnd = random.Random(seed)
    for _attempt in range(200):  # the previous holder's lock goes when the kernel reaps it
        try:
            project = Project.open(project_dir, annotator=annotator)
            break
        except ProjectLockedError:
            time.sleep(0.005)
    else:
        say("error lock never released")
        os._exit(3)
    project.compact_min_superseded = compact_min
    ids = project.ids()
    while True:
        rid = rnd.choice(ids)
        rec = project.load(rid)
        meta = dict(rec.meta or {})
        v = int(meta.get("v", 0)) + 1
        meta["v"] = v
        rec.meta = meta
        rec.review = Review(status=rnd.choice(("in_progress", "reviewed")), annotator=annotator,
                            updated=None)
        for q in rec.quotes:  # change some content too, so line lengths vary
            q.status = rnd.choice(("accepted", "rejected", "suggested"))
        project.save(rec)
        say(f"saved {rid} {v}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("project")
    ap.add_argument("--annotator", default="crash")
    ap.add_argument("--compact-min", type=int, default=25)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    # Import (and warm up) everything before forking, so a child starts writing at once.
    import jdatetime  # noqa: F401  (loaded lazily by date validation)

    from goftar.core.store import Project  # noqa: F401

    say("ready")
    child = 0
    n = 0
    for line in sys.stdin:
        cmd = line.strip()
        if cmd == "go":
            n += 1
            child = os.fork()
            if child == 0:
                try:
                    writer_loop(args.project, args.annotator, args.compact_min, args.seed * 100_003 + n)
                except BaseException as ex:  # a real failure (not the kill): tell the test
                    say(f"error {type(ex).__name__}: {ex}")
                    os._exit(2)
                os._exit(0)
            say(f"child {child}")
        elif cmd == "wait":
            pid, status = os.waitpid(child, 0)
            say(f"reaped {pid} {status}")
        elif cmd == "quit":
            break
    return 0


# ---------------------------------------------------------------------- the test's side
class Zygote:
    """Drives this script as a helper process (used by test_store_crash.py and bench_store.py)."""

    def __init__(self, project: Path, seed: int, compact_min: int):
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), str(project), "--seed", str(seed), "--compact-min", str(compact_min)],
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

    def first_save(self) -> tuple[str, int]:
        """Block until the running child reports its first save (so it is past opening)."""
        parts = self._line().split()
        if parts[0] != "saved" or len(parts) != 3:
            raise AssertionError(f"writer child failed: {' '.join(parts)}")
        return parts[1], int(parts[2])

    def reap(self, pid: int) -> tuple[list[tuple[str, int]], int]:
        """Everything the (dead) child reported since, and its wait status."""
        self._send("wait")
        saved: list[tuple[str, int]] = []
        while True:
            line = self._line()
            parts = line.split()
            if parts[0] == "saved" and len(parts) == 3:
                saved.append((parts[1], int(parts[2])))
            elif parts[0] == "reaped" and len(parts) == 3:
                assert int(parts[1]) == pid, line
                return saved, int(parts[2])
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
    """Kill a writer `kills` times; check every reported save after each kill. Returns counts.

    Half of the kills come at a random instant after the fork (opening included); the other
    half at a random instant after the child's first save, so that however slow a loaded
    machine is, those rounds kill a writer in the middle of its saving loop."""
    from goftar.core.store import Project

    rnd = random.Random(seed)
    reported: dict[str, int] = {}
    saves = mid_loop = 0
    zygote = Zygote(project, seed, compact_min)
    try:
        for k in range(kills):
            pid = zygote.start_child()
            saved = [zygote.first_save()] if k % 2 else []
            mid_loop += bool(saved)
            time.sleep(rnd.uniform(0.0, 0.08) if saved else rnd.uniform(0.005, 0.12))
            os.kill(pid, signal.SIGKILL)
            more, status = zygote.reap(pid)
            saved += more
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
    return {"kills": kills, "saves": saves, "records": len(reported), "mid_loop": mid_loop}


if __name__ == "__main__":
    sys.exit(main())
