"""Errors and problem reports shared by every reader and writer of the core."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a record: where it is (file, line, record id, field path) and what."""

    path: str
    message: str
    record_id: str | None = None
    file: str | None = None
    line: int | None = None
    severity: Literal["error", "warning"] = "error"

    def located(self, file: str | None = None, line: int | None = None) -> Problem:
        return Problem(self.path, self.message, self.record_id, file or self.file,
                       line if line is not None else self.line, self.severity)

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line is not None else f"{self.file}: "
        rid = self.record_id if self.record_id is not None else "?"
        tag = "" if self.severity == "error" else "warning: "
        return f"{where}{rid} {self.path}: {tag}{self.message}"


class GoftarError(Exception):
    """Base of every error the core raises on purpose; its message is meant for a person."""


class RecordError(GoftarError, ValueError):
    """A record (or a file of records) breaks the goftar/1 contract."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = [p for p in problems if p.severity == "error"] or list(problems)
        first = str(self.problems[0]) if self.problems else "invalid record"
        more = len(self.problems) - 1
        super().__init__(first + (f" (and {more} more problem{'s' * (more > 1)})" if more > 0 else ""))


class InputError(GoftarError):
    """An input file cannot be imported (encoding, format, duplicate id…)."""


class StoreError(GoftarError):
    """The project store cannot do what was asked (locked, missing, corrupt…).

    `problem` locates it (file, line, record id) when one record cannot be read."""

    def __init__(self, message: str, problem: Problem | None = None) -> None:
        super().__init__(message)
        self.problem = problem


class ProjectLockedError(StoreError):
    """Another process holds the project's write lock."""
