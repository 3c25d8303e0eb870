"""The Speakers panel (name, role, type, mentions and quotes), a dock over guicore's model."""

from __future__ import annotations

from goftar.gui.panels.base import ItemPanel


class SpeakersPanel(ItemPanel):
    layer = "speakers"
    title_key = "panel.speakers"
