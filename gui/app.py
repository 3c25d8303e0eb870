"""Entry point of `goftar-gui`: the QApplication, bundled fonts, language and layout direction.

    goftar-gui [--screenshot OUT.png [--select ITEM]] [--lang fa|en] [--annotator NAME] [PROJECT or FILE]

With no argument the last project opens, or on first run a default project is created in the
user's data folder from the bundled sample article. `--screenshot` renders the window offscreen
at 1400×900, writes the PNG and exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from importlib.resources import as_file, files
from pathlib import Path

SCREENSHOT_SIZE = (1400, 900)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="goftar-gui", description="Review Persian news annotations right-to-left.")
    p.add_argument("target", nargs="?", help="a project folder, or an article file (.txt, .jsonl, .html)")
    p.add_argument("--lang", choices=("en", "fa"), help="interface language (default: settings, else system locale)")
    p.add_argument("--annotator", help="annotator name for this session (default: settings, else OS user)")
    p.add_argument("--screenshot", metavar="OUT.png", help="render the window offscreen to a PNG and exit")
    p.add_argument("--article", help="open this article id of the project")
    p.add_argument("--select", metavar="ITEM", help="with --screenshot: select this item id (e.g. q2; 'quote' = "
                   "the first quote) so its row and its text show as selected")
    return p.parse_args(argv)


def load_fonts() -> str:
    """Register the bundled Vazirmatn fonts; returns the family name (or the default family)."""
    from PySide6.QtGui import QFontDatabase

    family = ""
    fonts = files("goftar.resources") / "fonts"
    for name in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"):
        with as_file(fonts / name) as path:
            fid = QFontDatabase.addApplicationFont(str(path))
        if fid >= 0 and not family:
            fams = QFontDatabase.applicationFontFamilies(fid)
            family = fams[0] if fams else ""
    return family


def choose_language(cli_lang: str | None, setting: str) -> str:
    """--lang wins, then the saved setting, then the system locale."""
    from goftar.gui import i18n

    if cli_lang:
        return cli_lang
    if setting in i18n.LANGUAGES:
        return setting
    return i18n.system_language()


def apply_language(app: object, lang: str) -> None:
    """Set the catalogue language and mirror the whole layout for Persian (once, app-wide)."""
    from PySide6.QtCore import QLocale, Qt
    from PySide6.QtWidgets import QApplication

    from goftar.gui import i18n

    i18n.set_language(lang)
    assert isinstance(app, QApplication)
    install_qt_translator(app, lang)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "fa" else Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran) if lang == "fa"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


_qt_translator: object = None


def install_qt_translator(app: object, lang: str) -> bool:
    """Qt's own strings (Copy, Select All, dialog buttons) from the qtbase catalogue shipped with PySide6."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    global _qt_translator
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)  # type: ignore[attr-defined]
        _qt_translator = None
    if lang == "en":
        return True
    tr = QTranslator(app)  # type: ignore[arg-type]
    if not tr.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False
    app.installTranslator(tr)  # type: ignore[attr-defined]
    _qt_translator = tr
    return True


def create_app(argv: Sequence[str] | None = None) -> object:
    """The QApplication (reused when one exists, as under pytest-qt) with fonts registered."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("goftar")
    app.setOrganizationName("Goftar")
    family = load_fonts()
    if family:
        f = QFont(family)
        f.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(f)
    return app


def install_excepthook(window: object) -> None:
    """An unexpected exception in a slot becomes a readable dialog (the traceback goes to stderr only).

    Every edit is already saved when it is made, so the analyst loses nothing and can go on.
    """
    import traceback

    from goftar.gui.i18n import tr

    def hook(kind: type[BaseException], value: BaseException, tb: object) -> None:
        traceback.print_exception(kind, value, tb)  # type: ignore[arg-type]
        show = getattr(window, "show_error", None)
        if callable(show):
            show(tr("dlg.error"), f"{tr('dlg.unexpected')}\n\n{kind.__name__}: {value}")

    sys.excepthook = hook


def main(argv: Sequence[str] | None = None) -> int:
    t0 = time.perf_counter()
    args = parse_args(argv)
    if args.screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_app(sys.argv[:1])

    from goftar.gui.main_window import MainWindow
    from goftar.gui.settings import AppSettings

    settings = AppSettings()
    apply_language(app, choose_language(args.lang, settings.language))
    window = MainWindow(settings=settings, annotator=args.annotator, interactive=not args.screenshot)
    if args.screenshot:
        return screenshot(window, args.target, Path(args.screenshot), args.article, select=args.select)
    install_excepthook(window)
    window.restore_layout()
    window.show()
    window.open_initial(args.target, article=args.article)
    window.set_launch_time(time.perf_counter() - t0)
    if os.environ.get("GOFTAR_EXIT_WHEN_READY"):
        # benchmarks: report when the first event-loop turn after showing is done, then quit
        from PySide6.QtCore import QTimer

        def ready() -> None:
            print(f"goftar-gui ready {time.perf_counter() - t0:.4f}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, ready)
    code = app.exec()
    # let background jobs (hazm preload) end while their receivers still exist; saves are already flushed
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().clear()
    QThreadPool.globalInstance().waitForDone(10_000)
    return code


def screenshot(window: object, target: str | None, out: Path, article: str | None = None, *,
               select: str | None = None) -> int:
    """Open `target` synchronously (extracting if needed), render at 1400×900, write the PNG.

    `select` names an item to show selected (its row, its text in the view); "quote" takes the
    first quote. An unknown id is an error (exit 2), so a stale script does not pass unnoticed."""
    from PySide6.QtWidgets import QApplication

    from goftar.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    window.open_initial(target, article=article, synchronous=True)
    record = window.session.record
    if record is None or (article and record.id != article):
        # nothing (or not the article asked for) could be opened: an empty window is no screenshot
        print(f"goftar-gui: --screenshot: cannot open {article or target or 'the default project'}", file=sys.stderr)
        window.close()
        return 1
    if select and record is not None:
        item_id = record.quotes[0].id if select == "quote" and record.quotes else select
        found = record.item(item_id)
        if found is None:
            print(f"goftar-gui: --select {select}: no such item in {record.id}", file=sys.stderr)
            window.close()
            return 2
        window.session.set_current(found[0], item_id)
        window.view.setFocus()
    for _ in range(5):
        QApplication.processEvents()
    pixmap = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(out), "PNG"):
        print(f"goftar-gui: cannot write {out}", file=sys.stderr)
        return 1
    window.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
