"""The project store: a folder of goftar/1 JSONL with per-annotator append-only journals."""

from .annotator import resolve_annotator, sanitize_annotator
from .project import Project

__all__ = ["Project", "resolve_annotator", "sanitize_annotator"]
