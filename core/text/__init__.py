"""Offset-preserving Persian text layer: fold, alignment to hazm's normalised text, segmentation, snapping.

Every offset this package returns is a code-point offset into the verbatim text.
"""

from goftar.core.text.fold import fold
from goftar.core.text.segment import paragraphs, sentences, tokens
from goftar.core.text.utf16 import Utf16Map

__all__ = ["Utf16Map", "fold", "paragraphs", "sentences", "tokens"]
