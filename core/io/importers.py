"""Import articles from `.txt`, HTML and JSONL files and from folders, as `goftar/1` records.

Which files (by extension, case-insensitive):

- `.txt`, `.text`: one article per file; the id is the file-name stem, sanitised
  (`ids.sanitize_id`); the text is the whole file, decoded (see `decoding`).
- `.html`, `.htm`, `.xhtml`: one article per page: its main text (see `html_text`), its
  `<title>` in `meta.title` and its canonical link in `meta.url`; the id is the stem. The
  charset a page declares in `<meta>` is used only when detection fails (Persian pages
  often declare a charset they are not written in).
- `.jsonl`: one article per line (see `jsonl_input`).

A folder is read recursively; files with other extensions are skipped (`Importer.skipped`),
hidden files and folders (name starting with ".") are not visited, symlinked folders are not
followed (no loops), and a Goftar project folder is never read as input. Files come in a stable natural order of their relative path
(`2.txt` before `10.txt`), whatever order the file system lists them in. A file named
explicitly must have one of the extensions above.

The result is all or nothing: every problem of every file is collected (`ImportFailed` lists
them as `file:line [id] what`), and no record is returned if there is any. Duplicate ids,
within the import or against `taken` (a project's ids), are problems unless
`rename_duplicates`, which gives the later article `id-2`, `id-3`…, never a name another
article of the import has. An empty text (or one of white space only) is a problem.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Iterable
from pathlib import Path

from ..errors import InputError
from ..model import Record, Review
from ..schema import check_record, errors_of, record_to_dict
from ..store.manifest import MANIFEST_NAME
from .decoding import DecodeError, codec_name, decode_bytes, normalize_newlines
from .html_text import parse_html, sniff_charset
from .ids import sanitize_id, unique_id
from .jsonl_input import parse_jsonl
from .problems import ImportFailed, ImportProblem

__all__ = ["SUFFIXES", "ImportFailed", "ImportProblem", "Importer", "decode_bytes", "import_paths",
           "normalize_newlines"]

#: extension -> kind of file; anything else in a folder is skipped
SUFFIXES: dict[str, str] = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html",
                            ".xhtml": "html", ".jsonl": "jsonl"}

_DIGITS = re.compile(r"(\d+)")


def _natural_key(rel: Path) -> tuple:
    """Sort key of a relative path: part by part, digit runs compared as numbers (Persian digits too)."""
    return tuple(tuple((0, int(t), t) if t.isdecimal() else (1, 0, t) for t in _DIGITS.split(part))
                 for part in rel.parts)


def _hidden(name: str) -> bool:
    return name.startswith(".")


class Importer:
    """One import run: reads paths into records and collects every problem on the way."""

    def __init__(self, *, encoding: str | None = None, rename_duplicates: bool = False,
                 taken: Collection[str] = ()) -> None:
        if encoding:
            codec_name(encoding)  # an unknown encoding is one error now, not one per file
        self.encoding = encoding
        self.rename_duplicates = rename_duplicates
        self.taken = taken
        self.problems: list[ImportProblem] = []
        #: files of a folder left out for their extension, and project folders left out
        self.skipped: list[Path] = []
        #: (file, line) each record came from, in the order of `records`
        self.origins: list[tuple[str, int | None]] = []
        self.records: list[Record] = []
        #: (file, line, old id, new id) of every article renamed for a duplicate id
        self.renamed: list[tuple[str, int | None, str, str]] = []
        self._order: dict[str, int] = {}  # file -> position among the files read (orders the report)

    # ............................................................ files
    def files(self, paths: Iterable[str | os.PathLike]) -> list[Path]:
        """The input files of `paths`, folders expanded; missing or unsupported ones become problems."""
        out: list[Path] = []
        for p in map(Path, paths):
            if p.is_dir():
                out.extend(self._walk(p))
            elif not p.exists():
                self.problems.append(ImportProblem(str(p), None, None, "no such file or folder"))
            elif p.suffix.lower() not in SUFFIXES:
                self.problems.append(ImportProblem(
                    str(p), None, None, f"unsupported file type {p.suffix or '(none)'!r} "
                                        f"(supported: {', '.join(SUFFIXES)})"))
            else:
                out.append(p)
        return out

    def _walk(self, root: Path) -> list[Path]:
        found: list[Path] = []
        if (root / MANIFEST_NAME).exists():
            self.skipped.append(root)
            return found
        def unreadable(ex: OSError) -> None:
            self.problems.append(ImportProblem(str(ex.filename or root), None, None,
                                               f"cannot read the folder: {ex.strerror or ex}"))

        for folder, dirs, names in os.walk(root, onerror=unreadable, followlinks=False):
            # a Goftar project inside the tree (`goftar import . -p proj`) is not input
            projects = [d for d in dirs if (Path(folder, d) / MANIFEST_NAME).exists()]
            self.skipped.extend(Path(folder, d) for d in projects)
            dirs[:] = [d for d in dirs if not _hidden(d) and d not in projects]
            for name in names:
                if _hidden(name):
                    continue
                f = Path(folder, name)
                if f.suffix.lower() in SUFFIXES:
                    found.append(f)
                else:
                    self.skipped.append(f)
        return sorted(found, key=lambda f: _natural_key(f.relative_to(root)))

    # ............................................................ readers
    def _read_bytes(self, path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except OSError as ex:
            self.problems.append(ImportProblem(str(path), None, None, f"cannot read: {ex.strerror or ex}"))
            return None

    def _decode(self, path: Path, data: bytes, encoding: str | None, lines: bool = False) -> str | None:
        try:
            return decode_bytes(data, str(path), encoding)
        except DecodeError as ex:
            line = None
            if lines and ex.byte_offset is not None:
                line = data[: ex.byte_offset].count(b"\n") + 1
            self.problems.append(ImportProblem(str(path), line, None, ex.reason))
        except InputError as ex:
            self.problems.append(ImportProblem(str(path), None, None, str(ex)))
        return None

    def _article(self, path: Path, text: str, meta: dict | None) -> None:
        rid = sanitize_id(path.stem)
        if not rid:
            self.problems.append(ImportProblem(str(path), None, None,
                                               f"cannot make a record id from the file name {path.name!r}"))
            return
        self._add(str(path), None, Record(id=rid, text=text, meta=meta or None, review=Review()))

    def _read_text(self, path: Path, data: bytes) -> None:
        text = self._decode(path, data, self.encoding)
        if text is not None:
            self._article(path, text, None)

    def _html_source(self, path: Path, data: bytes) -> str | None:
        """The decoded page: --encoding, else a BOM, else detection, else the charset the page declares.

        Detection comes before the declared charset because Persian pages often declare one
        they are not in; the declaration is the fallback for what detection cannot tell.
        """
        if self.encoding is not None:
            return self._decode(path, data, self.encoding)
        try:
            return decode_bytes(data, str(path), markup=True)
        except DecodeError as ex:
            declared = sniff_charset(data)
            try:
                if declared and codec_name(declared) not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
                    return decode_bytes(data, str(path), declared)
            except InputError:
                pass
            self.problems.append(ImportProblem(str(path), None, None, ex.reason))
            return None

    def _read_html(self, path: Path, data: bytes) -> None:
        html = self._html_source(path, data)
        if html is None:
            return
        try:
            page = parse_html(html, str(path))
        except InputError as ex:
            self.problems.append(ImportProblem(str(path), None, None, str(ex).removeprefix(f"{path}: ")))
            return
        meta = {k: v for k, v in (("title", page.title), ("url", page.url)) if v}
        self._article(path, page.text, meta)

    def _read_jsonl(self, path: Path, data: bytes) -> None:
        content = self._decode(path, data, self.encoding, lines=True)
        if content is None:
            return
        records, problems = parse_jsonl(content, str(path))
        self.problems.extend(problems)
        if not records and not problems:
            self.problems.append(ImportProblem(str(path), None, None, "no records (the file is empty)"))
        for line, rec in records:
            self._add(str(path), line, rec)

    def _add(self, file: str, line: int | None, rec: Record) -> None:
        if not rec.text.strip():
            what = "is empty" if not rec.text else "has only white space"
            self.problems.append(ImportProblem(file, line, rec.id, f"the article text {what}"))
            return
        self.records.append(rec)
        self.origins.append((file, line))

    def read(self, path: Path) -> None:
        """Read one file (of a kind in SUFFIXES) into `records`, or note its problems."""
        self._order.setdefault(str(path), len(self._order))
        data = self._read_bytes(path)
        if data is None:
            return
        kind = SUFFIXES[path.suffix.lower()]
        if kind != "jsonl" and not data:
            self.problems.append(ImportProblem(str(path), None, None, "the file is empty"))
        elif kind == "text":
            self._read_text(path, data)
        elif kind == "html":
            self._read_html(path, data)
        else:
            self._read_jsonl(path, data)

    # ............................................................ ids
    def _resolve_ids(self) -> None:
        used = set(self.taken)
        # a new name must be free in the project, in the import so far, and among the ids still to come
        reserved = used | {r.id for r in self.records}
        first: dict[str, tuple[str, int | None]] = {}
        for rec, (file, line) in zip(self.records, self.origins, strict=True):
            if rec.id in used:
                if self.rename_duplicates:
                    new = unique_id(rec.id, reserved)
                    reserved.add(new)
                    self.renamed.append((file, line, rec.id, new))
                    rec.id = new
                else:
                    where = first.get(rec.id)
                    also = (f"also {where[0]}" + (f":{where[1]}" if where[1] is not None else "")
                            if where else "already in the project")
                    self.problems.append(ImportProblem(
                        file, line, rec.id, f"duplicate id ({also}); use --rename-duplicates to rename"))
                    continue
            used.add(rec.id)
            first[rec.id] = (file, line)

    def _validate(self) -> None:
        for rec, (file, line) in zip(self.records, self.origins, strict=True):
            errs = errors_of(check_record(record_to_dict(rec, validate=False)))
            self.problems.extend(ImportProblem(file, line, rec.id, f"{p.path}: {p.message}") for p in errs)

    def run(self, paths: Iterable[str | os.PathLike],
            progress: Callable[[int], object] | None = None) -> list[Record]:
        """Read every path; return the records, or raise ImportFailed listing every problem.

        `progress(n)` is called after each file with the number of files read so far."""
        for n, f in enumerate(self.files(paths), 1):
            self.read(f)
            if progress is not None:
                progress(n)
        return self.finish()

    def finish(self) -> list[Record]:
        """After `read` of every file: settle ids, validate, and return the records or raise."""
        self._resolve_ids()
        self._validate()
        if self.problems:
            order = {f: -1 for f in {p.file for p in self.problems} - self._order.keys()}  # unreadable paths first
            order.update(self._order)
            raise ImportFailed(sorted(self.problems, key=lambda p: (order[p.file], p.line or 0)))
        if not self.records:
            raise InputError("nothing to import: no .txt, .html or .jsonl file among the inputs")
        return self.records


def import_paths(paths: Iterable[str | os.PathLike], *, encoding: str | None = None,
                 rename_duplicates: bool = False, taken: Collection[str] = ()) -> list[Record]:
    """The articles of `paths` (files and folders) as goftar/1 records; ImportFailed lists every problem."""
    return Importer(encoding=encoding, rename_duplicates=rename_duplicates, taken=taken).run(paths)
