"""Embedded social-media posts: a byline and the post's lines above it.

A byline ("— Name (@handle)", Instagram's "A post shared by …") makes the lines above it the post's words,
attributed to the account it names; the cue stages then leave those paragraphs alone (`embedded_paras`).
"""

from __future__ import annotations

import re

from .candidates import Cand
from .document import Document
from .nps import NP
from .textspans import trim

BYLINE_RE = re.compile(r"^[—–-]+\s*(?P<who>[^()\n]*?)\s*\((?P<handle>@\w+)\)")
# an Instagram embed's byline, in English or Persian: "A post shared by Name (@handle)",
# "پستی که Name (@handle) به اشتراک گذاشته است", "پست به اشتراک گذاشته شده توسط Name (@handle)"
INSTAGRAM_BYLINE_RE = re.compile(
    r"^\s*(?:A post shared by|(?:یک[ \u200c]+)?پست(?:ی)?[ \u200c]+(?:به[ \u200c]+اشتراک[ \u200c]+گذاشته[ \u200c]+شده|"
    r"منتشر[ \u200c]+شده)[ \u200c]+(?:توسط|از[ \u200c]+سوی)|پستی[ \u200c]+که(?:[ \u200c]+توسط)?)\s*"
    r"(?P<who>[^()\n]*?)\s*\((?P<handle>@[\w.]*\w)\)", re.IGNORECASE)
# … and with the handle alone: "A post shared by @handle"
INSTAGRAM_HANDLE_RE = re.compile(r"^\s*(?:A post shared by|(?:یک[ \u200c]+)?پست(?:ی)?[ \u200c]+به[ \u200c]+اشتراک[ \u200c]+"
                                 r"گذاشته[ \u200c]+شده[ \u200c]+توسط)\s*(?P<who>)(?P<handle>@[\w.]*\w)", re.IGNORECASE)
# the embed's own furniture, not the post's words
EMBED_FURNITURE_RE = re.compile(r"^\s*(?:View this post on Instagram|مشاهده[ \u200c]+(?:این[ \u200c]+)?پست[ \u200c]+در"
                                r"[ \u200c]+اینستاگرام|این[ \u200c]+پست[ \u200c]+را[ \u200c]+در[ \u200c]+اینستاگرام[ \u200c]+ببینید)"
                                r"\s*$", re.IGNORECASE)


class EmbeddedPosts(Document):
    def embedded_posts(self) -> None:
        f = self.f
        for pi, (a, b) in enumerate(self.paras):
            m = BYLINE_RE.match(f[a:b]) or INSTAGRAM_BYLINE_RE.match(f[a:b]) or INSTAGRAM_HANDLE_RE.match(f[a:b])
            if not m:
                continue
            who_s = a + m.start("who")
            who_e = a + m.end("who")
            handle = (a + m.start("handle"), a + m.end("handle"))
            self.embedded_paras.add(pi)
            # the post's lines: bulleted lines (or the single line) right before the byline
            lines = []
            k = pi - 1
            while k >= 0 and EMBED_FURNITURE_RE.match(f[self.paras[k][0]:self.paras[k][1]]):
                self.embedded_paras.add(k)
                k -= 1
            while k >= 0 and len(lines) < 8:
                la, lb = self.paras[k]
                if f[la] in "-•*" or "pic.twitter" in f[la:lb] or "http" in f[la:lb]:
                    lines.insert(0, k)
                    k -= 1
                    continue
                break
            intro = self._colon_intro(pi) if not lines else None
            if intro is not None:
                # "X … نوشت:" above the post: every line down to the byline is the post's (GUIDELINES §7)
                lines = [x for x in range(intro[0] + 1, pi)
                         if not EMBED_FURNITURE_RE.match(f[self.paras[x][0]:self.paras[x][1]])]
                self.embedded_paras.update(range(intro[0] + 1, pi))
            if not lines and k >= 0 and not EMBED_FURNITURE_RE.match(f[self.paras[k][0]:self.paras[k][1]]):
                lines = [k]
            # the furniture line of an Instagram embed above the post
            if lines and lines[0] > 0:
                fa, fb = self.paras[lines[0] - 1]
                if EMBED_FURNITURE_RE.match(f[fa:fb]):
                    self.embedded_paras.add(lines[0] - 1)
            who = f[who_s:who_e]
            # display name: "KayhanLondon کیهان لندن" -> Latin and Persian parts
            parts = re.findall(r"[A-Za-z0-9_.]+(?:\s+[A-Za-z0-9_.]+)*|[^\sA-Za-z0-9_.]+(?:\s+[^\sA-Za-z0-9_.]+)*",
                               who)
            spans = []
            pos = who_s
            for part in parts:
                i = f.index(part, pos)
                spans.append((i, i + len(part)))
                pos = i + len(part)
            persian = [s for s in spans if not f[s[0]].isascii()]
            head = persian[0] if persian else (spans[0] if spans else handle)
            np_ = NP("name", head[0], head[1], head, name=head)
            np_.extra_mentions = [s for s in spans if s != head] + [handle]
            if intro is not None and not persian and intro[1] is not None:
                # a Latin byline under "محمدجواد ظریف … نوشت:": the Persian name of the introduction is the
                # account holder's, and the byline's names are further mentions of that person
                np_ = NP("name", intro[1][0], intro[1][1], intro[1], name=intro[1],
                         extra_mentions=[*spans, handle])
            nm = f[head[0]:head[1]]
            np_.etype = self.p.chunker.type_of_name(nm)
            if np_.etype == "unknown":
                np_.etype = "media" if any(w in nm for w in ("News", "TV", "news")) or nm in self.lx.outlets \
                    else "person" if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}", nm) else "unknown"
            for k in lines:
                self.embedded_paras.add(k)
                la, lb = self.paras[k]
                s, e = la, lb
                s, e = trim(f, s, e, "-•*")
                e2 = f.find("pic.twitter", s, e)
                if e2 < 0:
                    e2 = f.find("http", s, e)
                if e2 >= 0:
                    e = e2
                s, e = trim(f, s, e, "…")
                while e > s and f[e - 1] in ".…":
                    e -= 1
                s, e = trim(f, s, e)
                if e - s < 3:
                    continue
                self.cands.append(Cand("indirect", s, e, None, order=s, np=np_, confidence=0.75, embedded=True))

    def _colon_intro(self, pi: int) -> tuple[int, tuple[int, int] | None] | None:
        """The line above the byline at `pi` that ends with a speech cue and a colon ("… نوشت:"), when at
        most eight lines lie between them, with the span of a personal name that is the cue's subject."""
        f = self.f
        for k in range(pi - 1, max(-1, pi - 10), -1):
            a, b = self.paras[k]
            line = f[a:b].rstrip()
            if not line.endswith(":"):
                continue
            colon = a + len(line) - 1
            cue = next((c for c in self.cues_between(a, colon + 1) if not f[c.end:colon].strip(" \u200c")), None)
            if cue is None or k == pi - 1:
                return None
            np_ = self.p.chunker.find_source(f, self.toks_in(a, cue.start))
            name = np_.name if np_ is not None and np_.kind in ("name", "marked", "title") else None
            return k, name
        return None
