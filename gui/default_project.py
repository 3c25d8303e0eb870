"""The default project that `goftar-gui` opens on first run (so edits persist between runs).

It lives in the user's data folder (QStandardPaths.AppDataLocation, else $XDG_DATA_HOME/goftar)
and is created from the sample article bundled in `goftar.resources/samples/`.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from goftar.core.model import Record

SAMPLE_ID = "belarus-iran-minsk"
MANIFEST = "goftar-project.json"


def data_dir() -> Path:
    """The user's Goftar data folder (not created here)."""
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if loc:
        return Path(loc)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "goftar"


def default_project_dir() -> Path:
    return data_dir() / "default-project"


def sample_record() -> Record:
    """The bundled reference article as a record (no suggestions; the app extracts them)."""
    text = (files("goftar.resources") / "samples" / f"{SAMPLE_ID}.txt").read_text(encoding="utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Record(id=SAMPLE_ID, text=text, meta={"source": "sample"})


def ensure_default_project(path: Path | None = None, *, annotator: str | None = None) -> Path:
    """Create the default project with the sample article unless it exists; returns its folder."""
    from goftar.core.store import Project

    folder = path or default_project_dir()
    if (folder / MANIFEST).exists():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    project = Project.create(folder, annotator=annotator)
    try:
        project.add_articles([sample_record()])
    finally:
        project.close()
    return folder
