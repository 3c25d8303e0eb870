"""Unicode directional isolates for labels that mix Latin ids and Persian text, at display time only.

"q8: «ما با ایران…»" laid out in a right-to-left cell lets the bidi algorithm pull the colon and
the id about ("ما با ایران…» :q8"); a name ending in Latin letters or digits does the same to
its neighbours. Wrapping each piece in an isolate (FSI/LRI … PDI) keeps it whole and in place.
Stored text never holds these characters: they are added where a label is made for the screen.
"""

from __future__ import annotations

FSI = "\u2068"   # first-strong isolate: the piece takes the direction of its own first letter
LRI = "\u2066"   # left-to-right isolate: ids, keys, Latin dates
PDI = "\u2069"   # pop directional isolate
ISOLATES = (FSI, LRI, "\u2067", PDI, "\u200f")


def isolate(text: str | None) -> str:
    """`text` as one first-strong isolate (empty stays empty)."""
    return f"{FSI}{text}{PDI}" if text else (text or "")


def ltr(text: str | None) -> str:
    """`text` (an id, a key) as one left-to-right isolate (empty stays empty)."""
    return f"{LRI}{text}{PDI}" if text else (text or "")


RLM = "\u200f"   # right-to-left mark: gives a label made only of isolates a right-to-left paragraph


def in_ui_direction(text: str) -> str:
    """`text` (made of isolates and neutrals) as a paragraph in the interface's direction."""
    from goftar.gui.i18n import is_rtl

    return f"{RLM}{text}" if is_rtl() else text


def id_label(item_id: str, text: str) -> str:
    """'q8: text' with the id and the text each isolated. In the Persian interface the label
    starts with an RLM: a paragraph of isolates alone counts as left to right, which put the id
    at the left end of a right-aligned cell, away from where a Persian reader starts."""
    return in_ui_direction(f"{ltr(item_id)}: {isolate(text)}")


def strip_isolates(text: str) -> str:
    """`text` without the isolate controls (what a label says, for comparisons and searches)."""
    for ch in ISOLATES:
        text = text.replace(ch, "")
    return text
