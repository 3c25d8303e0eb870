"""The Claims panel (text, source, linked quote), a dock over guicore's model."""

from __future__ import annotations

from goftar.gui.panels.base import ItemPanel


class ClaimsPanel(ItemPanel):
    layer = "claims"
    title_key = "panel.claims"
