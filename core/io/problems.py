"""What went wrong in an import, one line per problem: `file:line [id] what`."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..errors import InputError


def _shown(name: str) -> str:
    """A name as it can be shown on one line (an id or file name with a newline is quoted)."""
    # not str.isprintable(): that refuses ZWNJ, which Persian names need
    return repr(name) if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in name) else name


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One bad input: the file, the line (JSONL) or None, the record id when known, and what is wrong."""

    file: str
    line: int | None
    record_id: str | None
    message: str

    def __str__(self) -> str:
        where = _shown(self.file) if self.line is None else f"{_shown(self.file)}:{self.line}"
        rid = f" [{_shown(self.record_id)}]" if self.record_id else ""
        return f"{where}{rid} {self.message}"


class ImportFailed(InputError):
    """An import that found problems; nothing was imported. `problems` lists every one of them."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = list(problems)
        first = str(self.problems[0]) if self.problems else "import failed"
        more = len(self.problems) - 1
        super().__init__(first + (f" (and {more} more problem{'s' * (more > 1)})" if more > 0 else ""))
