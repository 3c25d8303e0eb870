"""The analyst's guide (resources/guide/guide.<lang>.md) in a simple reader window."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from goftar.gui.i18n import is_rtl, language, tr


def guide_markdown(lang: str | None = None) -> str:
    """The guide in `lang` (the interface language by default), English when missing."""
    folder = files("goftar.resources") / "guide"
    for name in (f"guide.{lang or language()}.md", "guide.en.md"):
        f = folder / name
        if f.is_file():
            return f.read_text(encoding="utf-8")
    return ""


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(tr("act.guide"))
        self.resize(760, 820)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        if is_rtl():
            self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.browser.setMarkdown(guide_markdown())
        opt = self.browser.document().defaultTextOption()
        opt.setTextDirection(Qt.LayoutDirection.RightToLeft if is_rtl() else Qt.LayoutDirection.LeftToRight)
        self.browser.document().setDefaultTextOption(opt)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
