"""Persistent user settings (QSettings): recent projects, language, annotator, window layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class AppSettings:
    """Typed access to the app's QSettings; one instance per window."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else QSettings("Goftar", "goftar")

    # ------------------------------------------------------------ language
    @property
    def language(self) -> str:
        """'en', 'fa' or 'system' (the default: follow the system locale)."""
        value = str(self._s.value("ui/language", "system") or "system")
        return value if value in ("en", "fa", "system") else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    # ------------------------------------------------------------ annotator
    @property
    def annotator(self) -> str | None:
        value = self._s.value("review/annotator", "")
        return str(value) if value else None

    @annotator.setter
    def annotator(self, value: str | None) -> None:
        self._s.setValue("review/annotator", value or "")

    # ------------------------------------------------------------ recent projects
    def recent_projects(self) -> list[str]:
        value = self._s.value("projects/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-element list
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent_project(self, path: str | Path) -> None:
        p = str(Path(path).resolve())
        recent = [r for r in self.recent_projects() if r != p]
        self._s.setValue("projects/recent", [p, *recent][:MAX_RECENT])

    @property
    def last_project(self) -> str | None:
        recent = self.recent_projects()
        return recent[0] if recent else None

    # ------------------------------------------------------------ view
    @property
    def font_size(self) -> float:
        try:
            return float(self._s.value("view/font_size", 15.0))
        except (TypeError, ValueError):
            return 15.0

    @font_size.setter
    def font_size(self, value: float) -> None:
        self._s.setValue("view/font_size", float(value))

    @property
    def show_rejected(self) -> bool:
        return str(self._s.value("view/show_rejected", "false")).lower() == "true"

    @show_rejected.setter
    def show_rejected(self, value: bool) -> None:
        self._s.setValue("view/show_rejected", "true" if value else "false")

    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def sync(self) -> None:
        self._s.sync()
