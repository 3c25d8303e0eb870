"""Window-level actions that change no record: focus, interface language, shortcuts, guide, about."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from goftar.gui.actions import ActionSet
from goftar.gui.article_view import ArticleView
from goftar.gui.i18n import is_rtl, language, system_language, tr, tr_in
from goftar.gui.panels.base import ItemPanel
from goftar.gui.review_session import ReviewSession


class ViewOperations:
    """Help and focus actions of the window."""

    def __init__(self, session: ReviewSession, view: ArticleView, panels: dict[str, ItemPanel], actions: ActionSet, window: QWidget) -> None:
        self.session = session
        self.panels = panels
        self.actions = actions
        self.window = window
        connect = {"shortcuts": self.show_shortcuts, "guide": self.show_guide, "about": self.about,
                   "focus_text": view.setFocus, "find": self.focus_filter}
        for name, fn in connect.items():
            actions[name].triggered.connect(lambda _checked=False, f=fn: f())

    def set_language(self, code: str) -> None:
        """Remember the interface language ('en', 'fa' or 'system'); the next start uses it.

        The window is not retranslated live (menus, panels, docks' sides and the mirrored layout
        are built once), so the message says plainly when the choice takes effect — also in the
        language just chosen, which the analyst may read better than the current one."""
        self.session.settings.language = code
        now = language()
        target = system_language() if code == "system" else code
        if target == now:
            self.session.infoRaised.emit(tr("app.title"), tr("dlg.language_kept", tr(f"act.lang_{now}")))
            return
        message = tr("dlg.restart", tr(f"act.lang_{target}"), tr(f"act.lang_{now}"))
        message += "\n\n" + tr_in(target, "dlg.restart", tr_in(target, f"act.lang_{target}"),
                                    tr_in(target, f"act.lang_{now}"))
        self.session.infoRaised.emit(tr("app.title"), message)

    def focus_filter(self) -> None:
        """The filter box of the current item's panel (quotes by default)."""
        cur = self.session.current
        panel = self.panels.get(cur[0] if cur else "quotes") or self.panels["quotes"]
        panel.show()
        panel.raise_()
        panel.filter_edit.setFocus()
        panel.filter_edit.selectAll()

    def show_shortcuts(self) -> None:
        from goftar.gui.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.actions.shortcut_sections(), self.window).exec()

    def show_guide(self) -> None:
        from goftar.gui.guide import GuideDialog

        GuideDialog(self.window).exec()

    def about(self) -> None:
        QMessageBox.about(self.window, tr("act.about"),
                          "Goftar (گفتار) — " + ("بازبینی گفتار در اخبار فارسی" if is_rtl()
                                                 else "review of quotes, speakers, claims and dates in Persian news"))
