"""GUI responsiveness, offscreen: launch to usable, article open, edit (re-highlight + save), 50k words.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py

Prints one JSON object per figure (medians of several runs). The long article is
../shared/bench/long-article.jsonl when present, else a generated one of similar size.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
LONG = REPO.parent / "shared" / "bench" / "long-article.jsonl"


def emit(metric: str, value: float, unit: str, **extra: object) -> None:
    print(json.dumps({"benchmark": "gui", "metric": metric, "value": round(value, 3), "unit": unit, **extra}),
          flush=True)


def median_ms(fn: Callable[[], object], runs: int, setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def launch(tmp: Path, runs: int = 5) -> None:
    """Process start to the first event-loop turn after the window shows its project."""
    env = dict(os.environ, XDG_DATA_HOME=str(tmp / "data"), XDG_CONFIG_HOME=str(tmp / "cfg"),
               GOFTAR_EXIT_WHEN_READY="1", QT_QPA_PLATFORM="offscreen")
    inner, outer = [], []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "goftar.gui.app", "--lang", "fa"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("goftar-gui ready"):
                outer.append(time.perf_counter() - t)
                inner.append(float(line.split()[-1]))
                break
        proc.wait(timeout=120)
    emit("launch_to_usable_s", statistics.median(outer), "s", runs=runs, note="process start, incl. interpreter")
    emit("launch_main_to_usable_s", statistics.median(inner), "s", runs=runs)


def synthetic(words: int) -> object:
    """A record of `words` words in ~40-word paragraphs, each with a quote, a speaker mention and a date."""
    from goftar.core.model import DateMention, Quote, Record, Span, Speaker

    sentence = "وزیر خارجه در نشست خبری روز ۲۳ شهریور گفت که «همکاری دو کشور ادامه دارد و قراردادها اجرا می‌شود» "
    filler = "به گزارش خبرگزاری این دیدار در فضای دوستانه برگزار شد و دو طرف درباره روابط منطقه‌ای گفت‌وگو کردند."
    block = sentence + filler + " " + filler + "\n"
    n_block = max(1, words // len(block.split()))
    text = block * n_block
    speaker = Speaker(id="s1", name="وزیر خارجه", type="person")
    quotes, dates = [], []
    for k in range(n_block):
        base = k * len(block)
        m = base + sentence.index("وزیر خارجه")
        speaker.mentions.append(Span.of(text, m, m + len("وزیر خارجه")))
        qs = base + sentence.index("همکاری")
        qe = base + sentence.index("»")
        cue = base + sentence.index("گفت")
        quotes.append(Quote(id=f"q{k + 1}", start=qs, end=qe, text=text[qs:qe], kind="direct",
                            cue=Span.of(text, cue, cue + 3), speaker="s1", speaker_mention=speaker.mentions[-1]))
        ds = base + sentence.index("۲۳ شهریور")
        dates.append(DateMention(id=f"d{k + 1}", start=ds, end=ds + len("۲۳ شهریور"), text="۲۳ شهریور",
                                 granularity="day", jalali="1403-06-23", gregorian="2024-09-13"))
    return Record(id=f"synthetic-{words}", text=text, speakers=[speaker], quotes=quotes, dates=dates)


def in_process(tmp: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from goftar.core.model import Record, Review
    from goftar.core.schema import read_jsonl
    from goftar.core.store import Project
    from goftar.gui.app import apply_language, create_app
    from goftar.gui.main_window import MainWindow
    from goftar.gui.settings import AppSettings

    app = create_app()
    apply_language(app, "fa")
    long_rec = read_jsonl(LONG).records[0][1] if LONG.exists() else synthetic(3500)
    items = sum(len(getattr(long_rec, layer)) for layer in ("quotes", "claims", "dates")) + sum(
        len(s.mentions) for s in long_rec.speakers)
    # reviewed, so opening it starts no background extraction that would compete with the timing
    small = Record(id="small", text="متن کوتاه.", review=Review(status="reviewed"))
    big = synthetic(50_000)
    folder = tmp / "proj"
    with Project.create(folder, annotator="bench") as p:
        p.add_articles([small, long_rec, big])
    settings = AppSettings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings=settings, annotator="bench", interactive=False)
    w.resize(1400, 900)
    w.show()
    w.session.background = True
    w.session.open_project(folder)
    QApplication.processEvents()

    def open_article(aid: str) -> Callable[[], None]:
        def run() -> None:
            w.session.open_article(aid)
            w.view.viewport().repaint()  # include the first paint of the visible text
        return run

    def reset() -> None:
        open_article("small")()
        for aid in (long_rec.id, big.id):  # a cold open each time, not the session's kept document
            w.session.forget(aid)
    ms = median_ms(open_article(long_rec.id), 9, setup=reset)
    emit("open_long_article_ms", ms, "ms", chars=len(long_rec.text), items=items)

    def toggle_edit() -> tuple[Callable[[], None], Callable[[], None]]:
        """(edit, settle): accept/reject one quote alternately; settle waits for the save and paint."""
        rec = w.session.record
        qid = rec.quotes[len(rec.quotes) // 2].id
        w.session.set_current("quotes", qid)
        state = {"n": 0}

        def run() -> None:
            # command + Document + models + re-highlight + save handed to the queue (UI thread)
            w.actions["reject" if state["n"] % 2 == 0 else "accept"].trigger()
            state["n"] += 1

        def settle() -> None:
            # the previous edit's save and paint are done, as they are between two key presses
            w.session.flush()
            w.session.set_current("quotes", qid)
            QApplication.processEvents()
        return run, settle

    def paint() -> None:
        w.view.viewport().repaint()

    w.session.open_article(long_rec.id)
    edit, settle = toggle_edit()
    emit("edit_long_article_ms", median_ms(edit, 21, setup=settle), "ms",
         note="UI thread: command, models, re-highlight, save queued")
    emit("repaint_long_article_ms", median_ms(paint, 9), "ms", note="one full repaint of the article view")
    w.session.flush()

    # the durable save itself (validate + append + fsync), as the SaveQueue worker does it
    project = w.session.project
    rec = w.session.record
    emit("save_long_article_ms", median_ms(lambda: project.save(rec), 9), "ms", note="worker thread, fsync")

    ms = median_ms(open_article(big.id), 3, setup=reset)
    words = len(big.text.split())
    emit("open_50k_words_ms", ms, "ms", words=words, items=len(big.quotes) + len(big.dates))
    w.session.open_article(big.id)
    edit, settle = toggle_edit()
    emit("edit_50k_words_ms", median_ms(edit, 7, setup=settle), "ms")
    emit("repaint_50k_words_ms", median_ms(paint, 5), "ms")
    w.session.flush()
    w.close()


def navigator_100k(tmp: Path, n: int = 100_000) -> None:
    """The corpus navigator over a project of `n` small articles: binding it, and one status change
    (what every mark-reviewed does: the progress bar and the row follow)."""
    from goftar.core.model import Record
    from goftar.core.store import Project
    from goftar.gui.models import ArticlesModel
    from goftar.gui.panels.navigator import NavigatorPanel

    folder = tmp / "nav100k"
    with Project.create(folder, annotator="bench") as p:
        p.add_articles(Record(id=f"a{i}", text="متن کوتاه") for i in range(n))
    with Project.open(folder, annotator="bench") as project:
        nav = NavigatorPanel()

        def bind() -> None:
            nav.set_model(ArticlesModel(project, background_titles=False))

        emit("navigator_100k_bind_ms", median_ms(bind, 3), "ms", articles=n)
        model = nav.proxy.sourceModel()
        flip = iter(["reviewed", "unreviewed"] * 50)
        emit("navigator_100k_status_change_ms", median_ms(lambda: model.refresh_status("a5", next(flip)), 9), "ms",
             articles=n)
        nav.deleteLater()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="goftar-bench-gui-") as d:
        tmp = Path(d)
        launch(tmp)
        in_process(tmp)
        navigator_100k(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
