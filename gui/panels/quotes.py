"""The Quotes panel (text, kind, speaker, cue, status), a dock over guicore's model."""

from __future__ import annotations

from goftar.gui.panels.base import ItemPanel


class QuotesPanel(ItemPanel):
    layer = "quotes"
    title_key = "panel.quotes"
