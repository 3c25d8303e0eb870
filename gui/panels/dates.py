"""The Dates panel (text, Jalali, Gregorian, granularity), a dock over guicore's model."""

from __future__ import annotations

from goftar.gui.panels.base import ItemPanel


class DatesPanel(ItemPanel):
    layer = "dates"
    title_key = "panel.dates"
