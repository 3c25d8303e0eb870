"""The main text of an HTML page, paragraph by paragraph, with the stdlib's `html.parser`.

Nothing is fetched or executed: the page is only tokenised. What comes out:

- every block element (p, div, li, h1…h6, td, blockquote, …) and every `<br>`/`<hr>` ends a
  paragraph; paragraphs are joined with a single `\\n` and empty ones are dropped;
- white space inside a paragraph (space, tab, newline, CR, form feed) collapses to one space and
  is trimmed at its ends; no-break spaces and ZWNJ are text, not white space, and are kept;
- `<script>`, `<style>`, `<noscript>`, `<template>`, `<head>`, embedded `<svg>`/`<math>`,
  `<iframe>`, `<object>`, form controls and comments are dropped; entities are decoded;
- the main content is chosen as: the `<article>` with the most text (outermost articles, so an
  embedded post inside the story stays with it), else the `<main>` element, else the page
  without its `<nav>`, `<header>`, `<footer>`, `<aside>` and `<form>` parts (else everything);
  an article or main holding under 30% of the page's text is taken for a teaser and passed over;
- `<title>` becomes the title (for `meta.title`), and `<link rel="canonical">` the URL.

The parser keeps a flat stack of open tags (no tree, no recursion), so a page nested ten
thousand levels deep costs no more than a flat one. Malformed markup is tolerated the way
browsers do it loosely: an end tag closes the nearest open element of its name, a stray one
is ignored.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..errors import InputError


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


BLOCK_TAGS = _tags(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p "
    "pre section summary table tbody td tfoot th thead tr ul br")
SKIP_TAGS = _tags(
    "script style noscript template head svg math iframe object embed canvas select option button textarea "
    "audio video map")
#: page furniture left out when the page has neither <article> nor <main>
FURNITURE_TAGS = _tags("nav header footer aside form")
#: what may stand in <head>; anything else (or text) means the page forgot </head>, as browsers assume
HEAD_TAGS = _tags("title meta link script style base noscript template object")
VOID_TAGS = _tags("area base br col embed hr img input link meta param source track wbr")
_WS = re.compile(r"[ \t\n\r\f]+")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})""", re.IGNORECASE)


@dataclass(slots=True)
class Paragraph:
    text: str
    article: int | None  # index of the outermost <article> it lies in
    in_main: bool
    in_furniture: bool


@dataclass(slots=True)
class HtmlPage:
    """What a page holds: its paragraphs (main content chosen), title and canonical URL."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    url: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def collapse_ws(text: str) -> str:
    return _WS.sub(" ", text).strip(" ")


def sniff_charset(data: bytes) -> str | None:
    """The charset a page declares in a `<meta>` near its start, or None."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


class HtmlTextParser(HTMLParser):
    """Collects paragraphs with the context (article, main, furniture) they were found in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.open: Counter[str] = Counter()
        self.buf: list[str] = []
        self.paras: list[Paragraph] = []
        self.n_articles = 0
        self.article: int | None = None
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.url: str | None = None

    # ............................................................ context
    def _skipping(self) -> bool:
        return any(self.open[t] for t in SKIP_TAGS)

    def _flush(self) -> None:
        if not self.buf:
            return
        text = collapse_ws("".join(self.buf))
        self.buf.clear()
        if text:
            self.paras.append(Paragraph(text, self.article, self.open["main"] > 0,
                                        any(self.open[t] for t in FURNITURE_TAGS)))

    def _push(self, tag: str) -> None:
        if tag == "article" and not self.open["article"]:
            self.article = self.n_articles
            self.n_articles += 1
        self.stack.append(tag)
        self.open[tag] += 1

    def _pop(self) -> None:
        tag = self.stack.pop()
        if tag in BLOCK_TAGS:
            self._flush()
        self.open[tag] -= 1
        if tag == "article" and not self.open["article"]:
            self.article = None
        if tag == "title" and self.title_parts is not None:
            self.title = collapse_ws("".join(self.title_parts)) or None
            self.title_parts = None

    # ............................................................ parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and self.url is None:
            a = dict(attrs)
            rel, href = (a.get("rel") or "").lower().split(), a.get("href")
            if "canonical" in rel and href and href.startswith(("http://", "https://")):
                self.url = href.strip()
        if self.open["head"] and tag not in HEAD_TAGS and self.stack[-1] == "head":
            self._close("head")
        if tag in BLOCK_TAGS:
            self._flush()  # before the context changes, so the paragraph keeps the context it had
        if tag in VOID_TAGS:
            return
        if tag == "title" and self.title is None and self.title_parts is None \
                and not (self.open["svg"] or self.open["math"]):
            self.title_parts = []
        self._push(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open[tag]:
            if tag in BLOCK_TAGS:  # a stray </p> or </br> still breaks the line, as in browsers
                self._flush()
            return
        self._close(tag)

    def _close(self, tag: str) -> None:
        """Close the innermost open `tag` and everything opened inside it."""
        while self.stack:
            top = self.stack[-1]
            self._pop()
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None and self.open["title"]:
            self.title_parts.append(data)
            return
        if self.open["head"] and data.strip(" \t\n\r\f") and self.stack[-1] == "head":
            self._close("head")  # text straight in <head>: the body has begun
        if self._skipping():
            return
        if self.open["pre"] and "\n" in data:
            lines = data.split("\n")
            for line in lines[:-1]:
                self.buf.append(line)
                self._flush()
            self.buf.append(lines[-1])
            return
        self.buf.append(data)

    def finish(self) -> None:
        self.close()
        while self.stack:
            self._pop()
        self._flush()
        if self.title_parts is not None:
            self.title = collapse_ws("".join(self.title_parts)) or None


#: an <article> or <main> smaller than this share of the page's text is a teaser, not the story
MIN_MAIN_SHARE = 0.3


def choose_main(paras: list[Paragraph]) -> list[str]:
    """The paragraphs of the page's main content (see the module docstring for the order)."""
    body = [p for p in paras if not p.in_furniture] or paras
    total = sum(len(p.text) for p in paras)
    sizes: Counter[int] = Counter()
    for p in paras:
        if p.article is not None:
            sizes[p.article] += len(p.text)
    if sizes:
        best = max(sizes, key=lambda a: (sizes[a], -a))  # most text; the first on a tie
        if sizes[best] >= MIN_MAIN_SHARE * total:
            return [p.text for p in paras if p.article == best]
    main = [p for p in paras if p.in_main]
    if main and sum(len(p.text) for p in main) >= MIN_MAIN_SHARE * total:
        return [p.text for p in main]
    return [p.text for p in body]


def parse_html(html: str, name: str = "<html>") -> HtmlPage:
    """Main text, title and canonical URL of an HTML document (already decoded)."""
    parser = HtmlTextParser()
    try:
        parser.feed(html)
        parser.finish()
    except Exception as ex:  # html.parser's own internals (e.g. odd <! markup) raise AssertionError
        raise InputError(f"{name}: malformed HTML the parser cannot read ({type(ex).__name__}: {ex})") from None
    return HtmlPage(paragraphs=choose_main(parser.paras), title=parser.title, url=parser.url)
