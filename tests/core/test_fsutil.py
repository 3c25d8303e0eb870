"""Atomic writes: the new content whole, or the old file untouched when the writer fails midway."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from goftar.core.fsutil import atomic_write_bytes, atomic_write_lines, atomic_write_lines_bytes


@pytest.mark.parametrize(("write", "data", "expected"), [
    (atomic_write_bytes, "گفتار\n".encode(), "گفتار\n".encode()),
    (atomic_write_lines, ["یک", "two", ""], "یک\ntwo\n\n".encode()),
    (atomic_write_lines_bytes, [b"a", "ب".encode()], "a\nب\n".encode()),
    (atomic_write_lines, [], b""),
])
def test_writes_exactly(tmp_path: Path, write, data, expected: bytes) -> None:
    out = tmp_path / "f.jsonl"
    result = write(out, data)
    assert out.read_bytes() == expected
    if write is not atomic_write_bytes:
        assert result == len(data)


def test_a_failing_stream_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    out = tmp_path / "f.jsonl"
    out.write_bytes(b"old\n")
    os.chmod(out, 0o640)

    def lines() -> Iterator[str]:
        yield "new"
        raise ValueError("record 2 is invalid")

    with pytest.raises(ValueError):
        atomic_write_lines(out, lines())
    assert out.read_bytes() == b"old\n" and sorted(p.name for p in tmp_path.iterdir()) == ["f.jsonl"]
    atomic_write_lines(out, ["new"])
    assert out.read_bytes() == b"new\n" and os.stat(out).st_mode & 0o777 == 0o640   # the mode is kept
