"""Project actions: open, create, import (dialog and drag and drop), export with progress, annotator.

The work itself runs on the session's workers (`ReviewSession.run_job`); these methods only ask
for paths and names and hand them over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog, QWidget

from goftar.core.errors import GoftarError
from goftar.gui.actions import ActionSet
from goftar.gui.i18n import tr
from goftar.gui.review_session import ReviewSession


class ProjectOperations(QObject):
    """The File menu and drops on the window."""

    def __init__(self, session: ReviewSession, actions: ActionSet, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        connect = {
            "open_project": self.open_project, "new_project": self.new_project, "import": self.import_files,
            "import_folder": self.import_folder, "export": self.export_gold, "annotator": self.set_annotator,
        }
        for name, fn in connect.items():
            actions[name].triggered.connect(lambda _checked=False, f=fn: f())

    def open_default_project(self) -> bool:
        from goftar.gui.default_project import ensure_default_project

        try:
            path = ensure_default_project(annotator=self.session.annotator)
        except (GoftarError, OSError) as e:
            self.session.fail(e)
            return False
        return self.session.open_project(path)

    def open_project(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, tr("dlg.choose_project"))
        if path:
            self.session.open_project_in_background(path)

    def new_project(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, tr("dlg.choose_project"))
        if path:
            self.session.open_project_in_background(path, create=True)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, tr("act.import"), "",
                                                tr("dlg.import_filter"))
        if paths:
            self.session.import_paths([Path(p) for p in paths])

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, tr("act.import_folder"))
        if path:
            self.session.import_paths([Path(path)])

    def drop_paths(self, paths: list[Path]) -> None:
        """Drag and drop: a project folder opens; files and other folders are imported."""
        if len(paths) == 1 and (paths[0] / "goftar-project.json").exists():
            self.session.open_project_in_background(paths[0])
        elif self.session.project is not None:
            self.session.import_paths(paths)
        else:
            self.session.open_file(paths[0])

    def export_gold(self) -> None:
        project = self.session.project
        if project is None:
            self.session.fail(GoftarError(tr("dlg.no_project")))
            return
        # beside the project, named after it: a bare "gold.jsonl" landed in whatever folder the
        # app was started from, and every project's export had the same name
        folder = Path(project.path).resolve()
        suggested = folder.parent / f"{folder.name}-gold.jsonl"
        out, _ = QFileDialog.getSaveFileName(self.window, tr("act.export"), str(suggested), "JSONL (*.jsonl)")
        if not out:
            return
        self.export_to(Path(out))

    def export_to(self, out: Path) -> int | None:
        """Export the reviewed articles to `out` on a worker, a progress dialog showing how far.

        Returns the count when the session works synchronously (screenshots, scripts), else None
        (a message says how many when it is done). The dialog is window-modal, so the project
        cannot be closed under the export, but the window keeps painting."""
        from goftar.gui.workers import ProgressSignal

        project = self.session.project
        saver = self.session.saver
        self.session.submit_pending()
        total = project.status_counts().get("reviewed", 0)
        dialog = QProgressDialog(tr("dlg.export_progress"), "", 0, max(1, total), self.window)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        progress = ProgressSignal(total, dialog)
        progress.changed.connect(lambda n: dialog.setValue(min(n, dialog.maximum())))
        exported: list[int] = []

        def done(n: int) -> None:
            exported.append(n)
            self.session.infoRaised.emit(tr("app.title"), tr("dlg.exported", n, out))

        def work() -> int:
            # every edit is in the store before it is exported (waited for here, not on the UI thread)
            if saver is not None and not saver.flush(60):
                raise GoftarError(tr("dlg.export_unsaved"))
            return project.export_gold(out, status="reviewed", progress=progress)

        self.session.run_job(work, done, busy="dlg.export_progress", what=str(out), on_finished=dialog.close)
        return exported[0] if exported else None

    def set_annotator(self) -> None:
        name, ok = QInputDialog.getText(self.window, tr("app.title"), tr("dlg.annotator"),
                                        text=self.session.annotator or "")
        if ok and name.strip():
            self.session.settings.annotator = name.strip()
            self.session.annotator = name.strip()
            if self.session.project is not None:
                self.session.open_project_in_background(self.session.project.path)
