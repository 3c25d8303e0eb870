"""Paragraphs, sentences and tokens as spans of the verbatim text (regex-based, fast).

hazm's SentenceTokenizer merges sentences across `.»` and splits inside a multi-sentence «…»
quotation, and its tokenizers rewrite the text; both lose offsets. The rules here work on the
verbatim text directly, so every span is a code-point range of the record text:

- paragraphs: lines (split on `\\n`), trimmed, empty ones dropped;
- sentences: inside each paragraph, a run of `. ! ? ؟ …` (with any closing marks right after
  it) followed by whitespace or the end of the paragraph ends a sentence, unless it lies inside
  a balanced «…», “…” or "…" quotation of that paragraph; `.»` therefore ends after the mark.
  An unbalanced (runaway) quotation mark protects nothing. `3.5`, `۲.۵` and initials such as
  `U.S.` or `ج.ا.ا.` never end a sentence;
- tokens: words (ZWNJ-joined parts and combining marks included), numbers with Persian/Latin
  digits and decimal or thousands separators, emoji clusters, and every other punctuation mark
  on its own.
"""

from __future__ import annotations

import re

from goftar.core.model import Span

#: Characters trimmed from span edges besides whitespace: stray joiners, marks and BOMs carry no text.
_EDGE_JUNK = "\u200b\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\ufeff"

# Arabic combining marks (harakat, superscript alef, Quranic marks) belong to the letter before them.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
_WORD_CHAR = rf"[\w{_MARKS}]"
_EMOJI = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
# URLs (scheme or www., or a bare host.tld/path as in pic.twitter.com/x) and emails; trailing sentence
# punctuation is left out. Shared with the alignment, which keeps them out of hazm's Normalizer.
_URL_EMAIL = (
    r"(?:https?://|www\.|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6}/)[^\s«»\"<>]*[^\s«»\"<>.,;:!?)\]،؛]"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)
URL_EMAIL_RE = re.compile(_URL_EMAIL)
_TOKEN_RE = re.compile(
    # the common case first, for speed: a word that starts with a non-Latin letter (Persian, Arabic, ...)
    rf"[^\W\d_A-Za-z]{_WORD_CHAR}*(?:[\u200b-\u200d]+{_WORD_CHAR}+)*"
    # only ASCII can start the next three, so guard them with one cheap look-ahead:
    r"|(?=[A-Za-z0-9@#])(?:"
    # URLs, emails, @handles and #tags: one token each
    + _URL_EMAIL +
    r"|[@#][\w\u200c]*\w)"
    # numbers with decimal/thousands separators (3.5, ۲٫۵, ۱۴۰۳/۰۶/۲۳, 1,000); a separator is part of
    # the number only between digits, so a sentence-final '.' stays a token of its own
    r"|\d+(?:[.,٫٬/]\d+)+"
    # words: letters, digits and marks, joined across ZWNJ (می‌گوید, کتاب‌ها), ZWJ and a zero-width
    # space (often typed for a ZWNJ)
    rf"|{_WORD_CHAR}+(?:[\u200b-\u200d]+{_WORD_CHAR}+)*"
    # emoji: a flag (two regional indicators) or a pictograph with modifiers and ZWJ continuations
    r"|[\U0001f1e6-\U0001f1ff]{2}"
    rf"|[{_EMOJI}](?:[\ufe0f\u20e3\U0001f3fb-\U0001f3ff]|\u200d[{_EMOJI}])*"
    # anything else that is not space or an invisible joiner: one punctuation mark / symbol per token
    rf"|[^\s{_EDGE_JUNK}]"
)

# A sentence end: terminators, then any closing quotes/brackets, then whitespace or end of paragraph.
_END_RE = re.compile(r"[.!?؟…]+[»”\"')\]]*(?=\s|$)")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "no", "gen", "col", "lt"})
_QUOTE_RE = re.compile(r"[«»“”\"]")
_LINE_RE = re.compile(r"[^\n]+")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` without whitespace or invisible joiners at either edge."""
    while start < end and (text[start].isspace() or text[start] in _EDGE_JUNK):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_JUNK):
        end -= 1
    return start, end


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines of `text`, trimmed, with offsets into `text`."""
    out: list[Span] = []
    for m in _LINE_RE.finditer(text):
        s, e = _trimmed(text, m.start(), m.end())
        if s < e:
            out.append(Span(s, e, text[s:e]))
    return out


def quote_pairs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Balanced quotation pairs `(open, close)` (indices of the marks) in `text[start:end]`.

    «…» and “…” nest (a stack each); a straight `"` alternates open/close. Marks with no
    partner (a runaway «) are left out, so they protect nothing.
    """
    pairs: list[tuple[int, int]] = []
    guillemets: list[int] = []
    curly: list[int] = []
    straight: int | None = None
    for m in _QUOTE_RE.finditer(text, start, len(text) if end is None else end):
        ch, i = m.group(), m.start()
        if ch == "«":
            guillemets.append(i)
        elif ch == "»":
            if guillemets:
                pairs.append((guillemets.pop(), i))
        elif ch == "“":
            curly.append(i)
        elif ch == "”":
            if curly:
                pairs.append((curly.pop(), i))
        elif straight is None:
            straight = i
        else:
            pairs.append((straight, i))
            straight = None
    return pairs


def _is_abbreviation(text: str, dot: int, line_start: int) -> bool:
    """True when the '.' at `dot` closes an initial (U.S., ج.ا.ا.) or a Latin title (Dr.)."""
    if text[dot] != "." or (dot + 1 < len(text) and text[dot + 1] == "."):
        return False
    word_start = dot
    while word_start > line_start and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:dot]
    # a single letter (Latin or Persian) is an initial: U.S. / ج.ا.ا. / ه.ش.
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def sentences(text: str) -> list[Span]:
    """Sentences of `text` (never crossing a newline), trimmed, with offsets into `text`."""
    out: list[Span] = []
    for line in _LINE_RE.finditer(text):
        ls, le = line.start(), line.end()
        pairs = quote_pairs(text, ls, le) if _QUOTE_RE.search(text, ls, le) else []
        start = ls
        for m in _END_RE.finditer(text, ls, le):
            cut = m.end()
            # a boundary strictly inside a balanced quotation (before its closing mark) is no boundary
            if any(o < cut <= c for o, c in pairs):
                continue
            if m.end() - m.start() == 1 and _is_abbreviation(text, m.start(), ls):
                continue
            s, e = _trimmed(text, start, cut)
            if s < e:
                out.append(Span(s, e, text[s:e]))
            start = cut
        s, e = _trimmed(text, start, le)
        if s < e:
            out.append(Span(s, e, text[s:e]))
    return out


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Tokens of `text[start:end]` with offsets into `text`."""
    return [Span(m.start(), m.end(), m.group())
            for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


def token_bounds(text: str) -> tuple[list[int], list[int]]:
    """Token starts and ends of `text` as two sorted lists (cheaper than Span objects for lookups)."""
    starts: list[int] = []
    ends: list[int] = []
    for m in _TOKEN_RE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends
