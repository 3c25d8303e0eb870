"""The length-preserving fold used for matching, from the text layer when present.

`goftar.core.text.fold.fold` is the one implementation; this module only guards the import while that
module is being written, with a 1:1 fallback of the same contract (offsets into the fold are offsets
into the text).
"""

from __future__ import annotations

try:  # pragma: no cover - depends on the text layer being installed
    from ..text.fold import fold as fold
except ImportError:  # pragma: no cover
    _TABLE = str.maketrans({
        "ي": "ی", "ى": "ی", "ئ": "ئ", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا",
        **{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)},
        "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ",
        "\t": " ",
    })

    def fold(text: str) -> str:
        return text.translate(_TABLE)
