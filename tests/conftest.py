"""Shared fixtures. Qt must run offscreen: set before anything imports PySide6."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# shared test helpers (extract_views.py) import as plain modules under --import-mode=importlib
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLE_TEXT = REPO / "resources" / "samples" / "belarus-iran-minsk.txt"


def shared_path(*parts: str) -> Path:
    """A file of ../shared, or skip the test when the shared folder is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present (../shared is dev data)")
    return p


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return shared_path()


@pytest.fixture(scope="session")
def dev_gold_files() -> list[Path]:
    d = shared_path("dev-gold")
    return sorted(d.glob("*.jsonl"))


@pytest.fixture(scope="session")
def ex():
    """One extractor for the whole run: its lexicons load once."""
    from goftar.core.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE_TEXT.read_text(encoding="utf-8")
