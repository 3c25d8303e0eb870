"""Rule- and lexicon-based Persian extractor of quotes, speakers, claims and dates."""

from .extractor import Extractor, extract_text

__all__ = ["Extractor", "extract_text"]
