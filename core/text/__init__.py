"""Offset-preserving Persian text layer: fold, alignment to hazm's normalised text, segmentation, snapping.

Every offset this package returns is a code-point offset into the verbatim text. hazm is imported
only when a tool that needs it is first used (`goftar.core.text.nlp`).
"""

from goftar.core.text.alignment import AlignedText, align_normalized
from goftar.core.text.fold import fold
from goftar.core.text.segment import paragraphs, quote_pairs, sentences, tokens
from goftar.core.text.snap import char_span
from goftar.core.text.utf16 import Utf16Map

__all__ = [
    "AlignedText",
    "Utf16Map",
    "align_normalized",
    "char_span",
    "fold",
    "paragraphs",
    "quote_pairs",
    "sentences",
    "tokens",
]
