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
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time


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
        print("error lock never released", flush=True)
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
        print(f"saved {rid} {v}", flush=True)


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

    print("ready", flush=True)
    child = 0
    n = 0
    for line in sys.stdin:
        cmd = line.strip()
        if cmd == "go":
            n += 1
            sys.stdout.flush()
            child = os.fork()
            if child == 0:
                try:
                    writer_loop(args.project, args.annotator, args.compact_min, args.seed * 100_003 + n)
                except BaseException as ex:  # a real failure (not the kill): tell the test
                    print(f"error {type(ex).__name__}: {ex}", flush=True)
                    os._exit(2)
                os._exit(0)
            print(f"child {child}", flush=True)
        elif cmd == "wait":
            pid, status = os.waitpid(child, 0)
            print(f"reaped {pid} {status}", flush=True)
        elif cmd == "quit":
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
