"""The main window: builds the view, panels, menus and status bar and wires their signals.

No review logic lives here: edits are in `edit_operations.py`, the File menu in
`project_operations.py`, help and focus in `view_operations.py`, project/article state in
`review_session.py`, drawing in `article_view.py` and the panels.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from goftar.core.review_rules import needs_extraction
from goftar.gui.actions import ActionSet
from goftar.gui.article_header import ArticleHeader
from goftar.gui.article_view import ArticleView
from goftar.gui.edit_operations import EditOperations
from goftar.gui.i18n import digits, is_rtl, tr
from goftar.gui.model_binding import ModelBinding
from goftar.gui.panels.claims import ClaimsPanel
from goftar.gui.panels.dates import DatesPanel
from goftar.gui.panels.legend import LegendPanel
from goftar.gui.panels.navigator import NavigatorPanel
from goftar.gui.panels.quotes import QuotesPanel
from goftar.gui.panels.speakers import SpeakersPanel
from goftar.gui.project_operations import ProjectOperations
from goftar.gui.review_session import ReviewSession
from goftar.gui.settings import AppSettings
from goftar.gui.view_operations import ViewOperations


class MainWindow(QMainWindow):
    #: how long "language tools ready" stays in the status bar
    NLP_READY_MS = 4000

    def __init__(self, *, settings: AppSettings | None = None, annotator: str | None = None,
                 interactive: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(tr("app.title"))
        self.settings = settings or AppSettings()
        self.interactive = interactive
        self.launch_time: float | None = None
        self.session = ReviewSession(self.settings, annotator=annotator, parent=self)

        # ---- centre: header + article
        centre = QWidget(self)
        lay = QVBoxLayout(centre)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.header = ArticleHeader(centre)
        self.view = ArticleView(centre, font_size=self.settings.font_size)
        lay.addWidget(self.header)
        lay.addWidget(self.view, 1)
        self.setCentralWidget(centre)

        # ---- docks (their side follows the layout direction, so Persian mirrors them)
        self.navigator = NavigatorPanel(self)
        self.quotes = QuotesPanel(self)
        self.speakers = SpeakersPanel(self)
        self.claims = ClaimsPanel(self)
        self.dates = DatesPanel(self)
        self.legend = LegendPanel(self)
        self.panels = {"quotes": self.quotes, "speakers": self.speakers, "claims": self.claims, "dates": self.dates}
        # QMainWindow does not mirror dock areas, so Persian puts the navigator (read first) on the right
        start, end = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        if is_rtl():
            start, end = end, start
        self.addDockWidget(start, self.navigator)
        self.addDockWidget(start, self.legend)
        self.addDockWidget(end, self.quotes)
        self.addDockWidget(end, self.speakers)
        self.tabifyDockWidget(self.speakers, self.claims)
        self.tabifyDockWidget(self.claims, self.dates)
        self.speakers.raise_()
        self.resizeDocks([self.navigator, self.quotes], [260, 520], Qt.Orientation.Horizontal)
        self.resizeDocks([self.quotes, self.speakers], [480, 320], Qt.Orientation.Vertical)
        self.resizeDocks([self.navigator, self.legend], [600, 150], Qt.Orientation.Vertical)

        # ---- actions and menus
        self.actions = ActionSet(self)
        # undo is the session's: on an article not yet touched it goes back to the one that
        # Ctrl+Enter / skip just left and undoes there (the group's own action would be disabled)
        undo = QAction(tr("act.undo"), self)
        undo.setObjectName("action_undo")
        undo.setShortcut("Ctrl+Z")
        undo.triggered.connect(self.session.undo)
        redo = QAction(tr("act.redo"), self)
        redo.setObjectName("action_redo")
        redo.triggered.connect(self.session.redo)
        redo.setShortcuts(["Ctrl+Shift+Z", "Ctrl+Y"])
        self.actions.add("undo", undo)
        self.actions.add("redo", redo)
        self.addActions([undo, redo])
        self.menus = self.actions.build_menus(self.menuBar())
        self.actions["show_rejected"].setChecked(self.settings.show_rejected)
        self.view.set_context_actions(self.actions.context_actions())
        view_menu = self.menus["view"]
        lang_menu = view_menu.addMenu(tr("menu.language"))
        lang_menu.setObjectName("menu_language")
        # one choice at a time: without the group, choosing Persian left English ticked as well
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        for code in ("en", "fa", "system"):
            a = lang_menu.addAction(tr(f"act.lang_{code}"))
            a.setObjectName(f"action_lang_{code}")
            self.language_group.addAction(a)
            a.setCheckable(True)
            a.setChecked(self.settings.language == code)
            a.triggered.connect(lambda _c=False, c=code: self.views.set_language(c))
        view_menu.addSeparator()
        for dock in (self.navigator, self.quotes, self.speakers, self.claims, self.dates, self.legend):
            view_menu.addAction(dock.toggleViewAction())

        # ---- status bar
        self.save_label = QLabel(self)
        self.save_label.setObjectName("saveState")
        self.work_label = QLabel(self)
        self.work_bar = QProgressBar(self)
        self.work_bar.setRange(0, 0)
        self.work_bar.setMaximumWidth(120)
        self.work_bar.setVisible(False)
        self.pos_label = QLabel(self)
        self.pos_label.setObjectName("selectionOffsets")
        sb = self.statusBar()
        sb.addPermanentWidget(self.work_label)
        sb.addPermanentWidget(self.work_bar)
        sb.addPermanentWidget(self.pos_label)
        sb.addPermanentWidget(self.save_label)

        self.models = ModelBinding(self.session, self)
        self._on_show_rejected(self.settings.show_rejected)
        self.edits = EditOperations(self.session, self.view, self.panels, self.actions, self)
        self.projects = ProjectOperations(self.session, self.actions, self)
        self.views = ViewOperations(self.session, self.view, self.panels, self.actions, self)
        self.setAcceptDrops(True)
        self._wire()

    # ------------------------------------------------------------------ wiring
    def _ask_readonly(self, message: str) -> bool:
        if not self.interactive:
            return True  # a screenshot writes nothing: a project open elsewhere is shown read-only
        answer = QMessageBox.question(self, tr("app.title"), tr("dlg.locked", message))
        return answer == QMessageBox.StandardButton.Yes

    def _wire(self) -> None:
        s, v = self.session, self.view
        s.ask_readonly = self._ask_readonly
        s.articleOpened.connect(self._on_article_opened)
        s.recordChanged.connect(self._on_record_changed)
        s.projectOpened.connect(self._on_project_opened)
        s.saveStateChanged.connect(self._on_save_state)
        s.busyChanged.connect(self._on_busy)
        s.errorRaised.connect(self.show_error)
        s.infoRaised.connect(self.show_info)
        s.currentItemChanged.connect(self._on_current_item)
        v.itemClicked.connect(s.set_current)
        v.selectionOffsetsChanged.connect(self._on_selection)
        for panel in self.panels.values():
            panel.itemSelected.connect(s.set_current)
        self.navigator.articleSelected.connect(lambda aid: s.open_article(aid))
        self.navigator.nextUnreviewed.connect(self.actions["next_unreviewed"].trigger)
        self.navigator.prevUnreviewed.connect(self.actions["prev_unreviewed"].trigger)
        self.actions["quit"].triggered.connect(self.close)
        self.actions["zoom_in"].triggered.connect(lambda: self._zoom(1))
        self.actions["zoom_out"].triggered.connect(lambda: self._zoom(-1))
        self.actions["show_rejected"].toggled.connect(self._on_show_rejected)
        self.edits.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.models.nlpStateChanged.connect(self._on_busy)
        s.undo_group.canUndoChanged.connect(lambda _can: self._update_undo())
        s.undo_group.undoTextChanged.connect(lambda _text: self._update_undo())
        s.undo_group.canRedoChanged.connect(lambda _can: self._update_undo())
        s.undo_group.redoTextChanged.connect(lambda _text: self._update_undo())
        s.undo_group.activeStackChanged.connect(lambda _stack: self._update_undo())
        s.articleOpened.connect(lambda _rec: self._update_undo())
        self._update_undo()

    def _update_undo(self) -> None:
        undo, session = self.actions["undo"], self.session
        undo.setEnabled(session.can_undo())
        here = session.undo_stack.undoText() if session.undo_stack.canUndo() else ""
        undo.setText(f"{tr('act.undo')} {here}".strip() if here or not session.left_behind
                     else tr("act.undo_back", session.left_behind))
        redo, stack = self.actions["redo"], session.undo_stack
        redo.setEnabled(stack.canRedo())
        redo.setText(f"{tr('act.redo')} {stack.redoText()}".strip() if stack.canRedo() else tr("act.redo"))

    def _on_article_opened(self, record: Any) -> None:
        self.view.set_record(record)
        self.header.show_record(record)
        self.models.bind_document(self.session.document, record)
        self.navigator.select_article(record.id)
        self.view.setFocus()  # the review loop starts on the text
        self.navigator.update_progress()
        self.setWindowTitle(f"{record.id} — {tr('app.title')}")

    def _on_record_changed(self, changes: Any) -> None:
        self.view.refresh()
        cur = self.session.current
        found = self.session.record.item(cur[1]) if cur and self.session.record is not None else None
        self.view.set_editable_span((found[1].start, found[1].end) if found and found[0] != "speakers" else None)
        if changes is None or getattr(changes, "review", False):
            self.header.show_record(self.session.record)
            self.models.refresh_articles(self.session.article_id, self.session.record.review_status)
            self.navigator.update_progress()

    def _on_project_opened(self, project: Any) -> None:
        self.models.bind_project(project, self.session)
        self.navigator.update_progress()
        self._rebuild_recent_menu()

    def _on_current_item(self, layer: str, item_id: str) -> None:
        record = self.session.record
        if record is None or not item_id:
            return
        for name, panel in self.panels.items():
            if name == layer:
                panel.select_item(item_id)
        found = record.item(item_id)
        if found is None:
            return
        lay, item = found
        self.view.set_editable_span((item.start, item.end) if lay != "speakers" else None)
        if lay == "speakers":
            self.view.set_focus_speaker(item_id)
            if item.mentions:
                self.view.show_span(item.mentions[0].start, item.mentions[0].end)
        else:
            self.view.set_focus_speaker(None)
            self.view.show_span(item.start, item.end)

    def _on_selection(self, start: int, end: int) -> None:
        if end > start:
            self.pos_label.setText(tr("sb.selection", digits(start), digits(end), digits(end - start)))
        else:
            self.pos_label.setText(tr("sb.cursor", digits(start)))

    def _on_save_state(self, state: str) -> None:
        key = {"saved": "sb.saved", "saving": "sb.saving", "unsaved": "sb.unsaved",
               "failed": "sb.save_failed", "readonly": "sb.readonly"}.get(state, "sb.saved")
        self.save_label.setText(tr(key))

    def _on_busy(self, key: str) -> None:
        self.work_label.setText(tr(key) if key else "")
        self.work_bar.setVisible(bool(key) and key != "sb.nlp_ready")
        if key == "sb.nlp_ready":
            # the label is the timer's context: a window closed meanwhile cancels it (a bare lambda
            # ran on the deleted label and raised)
            label = self.work_label
            QTimer.singleShot(self.NLP_READY_MS, label, lambda: label.text() == tr(key) and label.setText(""))

    def _on_show_rejected(self, show: bool) -> None:
        self.settings.show_rejected = show
        self.view.set_show_rejected(show)
        for panel in self.panels.values():
            panel.set_show_rejected(show)

    def _zoom(self, steps: int) -> None:
        self.view.zoom(steps)
        self.settings.font_size = self.view.font_size()

    def _rebuild_recent_menu(self) -> None:
        menu = self.menus["file"].findChild(type(self.menus["file"]), "menu_recent")
        if menu is None:
            menu = type(self.menus["file"])(tr("menu.recent"), self.menus["file"])
            menu.setObjectName("menu_recent")
            # right under Open/New, where one looks for a project
            self.menus["file"].insertMenu(self.actions["import"], menu)
        menu.clear()
        for path in self.settings.recent_projects():
            a = menu.addAction(path)
            a.triggered.connect(lambda _c=False, p=path: self.session.open_project_in_background(p))

    # ------------------------------------------------------------------ opening
    def open_initial(self, target: str | None, *, article: str | None = None, synchronous: bool = False) -> None:
        """Open what the command line named, else the last project, else the default project.

        A project folder opens on a worker unless `synchronous` (screenshots, tests), so a big
        project never holds up the window; a file or the (small) default project opens at once."""
        self.models.start_background(synchronous=synchronous)
        self._rebuild_recent_menu()

        def after() -> None:
            self._after_initial_open(article, synchronous)

        if target and not Path(target).is_dir():
            if self.session.open_file(Path(target)):
                after()
            return
        last = self.settings.last_project
        folder = target or (last if last and Path(last).is_dir() else None)
        # the last project failing to open falls back to the default one; a named folder does not
        fallback = None if target else (lambda: self.projects.open_default_project() and after())
        if folder is None:
            if self.projects.open_default_project():
                after()
        elif synchronous:
            if self.session.open_project(folder):
                after()
            elif fallback is not None:
                fallback()
        else:
            self.session.open_project_in_background(folder, then=after, otherwise=fallback)

    def _after_initial_open(self, article: str | None, synchronous: bool) -> None:
        if article:
            self.session.open_article(article, synchronous=synchronous)
        elif synchronous and self.session.record is not None and needs_extraction(self.session.record):
            self.session.extract(synchronous=True)

    def set_launch_time(self, seconds: float) -> None:
        self.launch_time = seconds

    # ------------------------------------------------------------------ dialogs
    def show_error(self, title: str, message: str, details: str = "") -> None:
        if not self.interactive:
            print(f"goftar-gui: {message}" + (f"\n{details}" if details else ""))
            return
        if not details:
            QMessageBox.critical(self, title, message)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, self)
        box.setDetailedText(details)        # "Show Details…": every problem, one a line
        box.exec()

    def show_info(self, title: str, message: str) -> None:
        if not self.interactive:
            self.statusBar().showMessage(message.splitlines()[0], 8000)
            return
        # after the window is shown, so the message sits over it
        QTimer.singleShot(0, lambda: QMessageBox.information(self, title, message))

    # ------------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in e.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.projects.drop_paths(paths)
            e.acceptProposedAction()

    # ------------------------------------------------------------------ layout
    def restore_layout(self) -> None:
        geo, state = self.settings.geometry(), self.settings.window_state()
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1400, 900)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, e: QCloseEvent) -> None:
        if self.interactive:
            self.settings.save_layout(QByteArray(self.saveGeometry()), QByteArray(self.saveState()))
        self.models.stop_background()
        self.session.close_project()
        self.settings.sync()
        super().closeEvent(e)

