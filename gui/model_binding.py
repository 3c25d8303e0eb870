"""Connects guicore's table models and background workers to the shell's panels.

The models (`goftar.gui.models`) and workers (`goftar.gui.workers`) are guicore's; this module
only builds them for the open document/project and hands them to the panels, so the panels
never hold state of their own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from goftar.core.model import Record


class ModelBinding(QObject):
    #: message key of NLP loading ("sb.nlp_loading", "sb.nlp_ready", "")
    nlpStateChanged = Signal(str)

    def __init__(self, session: Any, window: Any) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.layer_models: dict[str, Any] = {}
        self.articles_model: Any = None
        self.loader: Any = None

    # ------------------------------------------------------------------ models
    def bind_document(self, document: Any, record: Record) -> None:
        if document is None:
            return
        from goftar.gui import models

        classes = {"quotes": models.QuotesModel, "speakers": models.SpeakersModel, "claims": models.ClaimsModel,
                   "dates": models.DatesModel}
        for layer, cls in classes.items():
            model = self.layer_models.get(layer)
            if model is not None:
                model.set_document(document)
            else:
                model = cls(document, executor=self.session.run, parent=self)
                model.edit_failed.connect(lambda msg: self.session.fail(RuntimeError(msg)))
                self.layer_models[layer] = model
                self.window.panels[layer].set_model(model)

    def bind_project(self, project: Any, session: Any) -> None:
        from goftar.gui.models import ArticlesModel

        if self.articles_model is not None:
            self.articles_model.set_project(project)
        else:
            self.articles_model = ArticlesModel(project, parent=self)
            self.window.navigator.set_model(self.articles_model)

    def refresh_articles(self, article_id: str | None = None, status: str | None = None) -> None:
        """After an edit of `article_id` (its in-memory `status`, which the store has once the save
        is done), or after an import (no id: every article)."""
        if self.articles_model is None:
            return
        if article_id is not None:
            self.articles_model.refresh_status(article_id, status)
        else:
            self.articles_model.refresh()

    # ------------------------------------------------------------------ background
    def start_background(self, *, synchronous: bool = False) -> None:
        """Preload hazm and the lexicons off the UI thread (not for screenshots: nothing waits there)."""
        self.session.background = not synchronous
        if synchronous:
            return
        from goftar.gui.workers import HazmLoader, run_in_background, shared_extractor

        self.loader = HazmLoader(self)
        self.loader.loaded.connect(lambda: self.nlpStateChanged.emit("sb.nlp_ready"))
        self.loader.failed.connect(lambda msg: self.session.fail(RuntimeError(msg)))
        self.nlpStateChanged.emit("sb.nlp_loading")
        self.loader.start()
        # the extractor's lexicons too, so the first extraction does not pay for them
        run_in_background(shared_extractor, None, lambda _e: None)

    def stop_background(self) -> None:
        """Nothing to stop: jobs deliver into live objects or are dropped with them."""
