"""Bytes of an input file to the verbatim article text.

Order of decisions (the first that applies wins):

1. `encoding` given (`--encoding`): decode with it, strictly. `utf-8` also drops a leading
   BOM, and `utf-16` reads its BOM, as their codecs do.
2. A byte-order mark: UTF-8 (EF BB BF), UTF-16 LE (FF FE) or UTF-16 BE (FE FF).
3. UTF-8 without BOM.
4. Windows-1256, the code page of old Persian files, but only when UTF-8 fails AND the
   cp1256 reading is mostly Arabic-script letters: every byte is defined in cp1256, so
   without that test any binary file would "decode".

Anything else is an InputError naming the file and the byte offset where decoding failed.
Line endings `\\r\\n` and `\\r` become `\\n`; nothing else in the text changes (no stripping, no
Unicode normalisation: offsets in the records are offsets into exactly this text).
A NUL character is refused: it means a binary file or UTF-16 without a BOM, never an article.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

#: share of the letters that must be Arabic-script for a cp1256 guess to be believed
CP1256_MIN_ARABIC_SHARE = 0.6

_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def _is_arabic_script(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _ARABIC_BLOCKS)


def looks_arabic_script(text: str) -> bool:
    """True when most letters of `text` are Arabic-script letters (Persian, Arabic, Urdu…)."""
    letters = arabic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if _is_arabic_script(ch):
                arabic += 1
    return arabic > 0 and arabic >= CP1256_MIN_ARABIC_SHARE * letters


def _mostly_utf8(data: bytes) -> bool:
    """True when `data` is damaged UTF-8 rather than another encoding.

    UTF-8 Persian read as cp1256 is itself "Arabic-script" mojibake (ط³ظ„ط§ظ…), so a truncated
    or slightly damaged UTF-8 file must not pass for cp1256: it has more valid multi-byte
    sequences than invalid bytes, while real cp1256 text forms valid sequences only by chance.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f") - bad
    return good > bad


def normalize_newlines(text: str) -> str:
    """`\\r\\n` and lone `\\r` become `\\n` (SCHEMA.md); the only change an import makes to a text."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def codec_name(encoding: str) -> str:
    """The codec's canonical name; InputError for an unknown encoding or a non-text codec."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64…: codecs, not text encodings
        raise InputError(f"{encoding!r} is not a text encoding")
    return info.name


class DecodeError(InputError):
    """Bytes that cannot be decoded; `byte_offset` is where (so callers can add a line number)."""

    def __init__(self, name: str, reason: str, byte_offset: int | None = None) -> None:
        super().__init__(f"{name}: {reason}")
        self.name, self.reason, self.byte_offset = name, reason, byte_offset


def _why(ex: UnicodeDecodeError) -> str:
    return "truncated" if ex.reason in ("unexpected end of data", "truncated data") else "invalid"


def _decode(data: bytes, codec: str, label: str, name: str, skip: int = 0) -> str:
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as ex:
        raise DecodeError(name, f"cannot decode as {label}: {_why(ex)} byte sequence at byte {ex.start + skip}",
                          ex.start + skip) from None
    except (UnicodeError, ValueError) as ex:  # odd codecs (idna…) fail without an offset
        raise DecodeError(name, f"cannot decode as {label}: {ex}") from None


def _check_no_nul(text: str, name: str) -> None:
    i = text.find("\x00")
    if i >= 0:
        raise DecodeError(name, f"contains a NUL character at character {i} "
                                "(a binary file, or UTF-16 without a byte-order mark?)")


_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>|&#?\w+;", re.DOTALL | re.IGNORECASE)


def decode_bytes(data: bytes, name: str, encoding: str | None = None, *, markup: bool = False) -> str:
    """The text of a file's bytes with `\\n` line endings; InputError (file, byte offset) if undecodable.

    `name` is only used in messages (the file name, or `file:line`). `markup=True` (HTML) makes
    the Windows-1256 test look at the text between the tags only: a page's Latin markup would
    otherwise outweigh its Persian.
    """
    if encoding:
        codec = codec_name(encoding)
        if codec == "utf-8":
            codec = "utf-8-sig"
        text = _decode(data, codec, encoding, name)
    else:
        text = None
        for bom, codec, label in _BOMS:
            if data.startswith(bom):
                text = _decode(data, codec, label, name, skip=len(bom))
                break
        if text is None:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as ex:
                # the first error being a sequence cut off by the end of the file means everything
                # before it was valid UTF-8: a truncated UTF-8 file, not another encoding
                if ex.reason == "unexpected end of data" or _mostly_utf8(data):
                    raise DecodeError(name, f"damaged UTF-8: {_why(ex)} byte sequence at byte {ex.start}",
                                      ex.start) from None
                guess = data.decode("cp1256")  # never fails: all 256 bytes are defined
                if not looks_arabic_script(_MARKUP.sub(" ", guess) if markup else guess):
                    raise DecodeError(
                        name, f"not UTF-8 (invalid byte at byte {ex.start}) and not Persian Windows-1256 "
                        "either; give the encoding with --encoding", ex.start) from None
                text = guess
    _check_no_nul(text, name)
    return normalize_newlines(text)
