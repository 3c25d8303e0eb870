"""Who is annotating: the name that picks a journal file (`annotations/<name>.jsonl`).

The name comes from an explicit argument (settings, `--annotator`), else the environment
variable GOFTAR_ANNOTATOR, else the OS user. It becomes part of a file name, so it is reduced to
letters (any script, Persian included), digits, `-`, `_` and `.`; everything else becomes `_`.
"""

from __future__ import annotations

import getpass
import os
import re
import unicodedata

ENV_VAR = "GOFTAR_ANNOTATOR"
FALLBACK = "anonymous"
_MAX_LEN = 64
_UNSAFE = re.compile(r"[^\w.\-]+")


def sanitize_annotator(name: str) -> str:
    """A file-name-safe form of `name` (same name, same result); never empty."""
    name = unicodedata.normalize("NFC", name).strip()
    # \w keeps letters and digits of every script; ZWNJ and spaces become "_".
    safe = _UNSAFE.sub("_", name).strip("._")
    safe = safe[:_MAX_LEN].rstrip("._")
    return safe or FALLBACK


def resolve_annotator(name: str | None = None) -> str:
    """The sanitised annotator name: `name`, else $GOFTAR_ANNOTATOR, else the OS user."""
    if name is None or not name.strip():
        name = os.environ.get(ENV_VAR, "").strip() or None
    if name is None:
        try:
            name = getpass.getuser()
        except (OSError, KeyError, ImportError):  # no user name in this environment
            name = FALLBACK
    return sanitize_annotator(name)
