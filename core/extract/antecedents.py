"""Pronoun and demonstrative resolution helpers over the article, used by speakers.Registry.

The subject of an earlier sentence for "او/وی", the one asked or interviewed ("از X پرسید", "با X گفت‌وگو
کرد"), the author of a document ("در این بیانیه آمده است"), and a fuller name for a surname-only speaker.
"""

from __future__ import annotations

import bisect
import re

from .interviews import INTERVIEW_RE
from .nps import NP
from .relays import Relays

# "با X گفت‌وگو کرد": the one interviewed follows "با"
INTERVIEWED_RE = re.compile(r"(?<![\w\u200c])با[ \u200c]+(?=[^.؟?!\n]{0,120}(?:" + INTERVIEW_RE.pattern + r")"
                            r"[ \u200c]+(?:کرد|کرده|داشت|داشته|انجام))")


class Antecedents(Relays):
    def antecedent(self, pos: int, head: list[str] | None = None) -> NP | None:
        """A source phrase before `pos` for a pronoun (a sentence subject) or a demonstrative (its head noun)."""
        f = self.f
        if head:
            word = head[0]
            k = f.rfind(word, 0, pos)
            while k >= 0:
                toks = self.toks_in(k, min(len(f), k + 80))
                if re.search(r"(?<![\w\u200c])(?:این|آن|همین|همان)[ \u200c]+$", f[max(0, k - 6):k]):
                    pass  # itself a demonstrative reference ("پژوهشگران این دانشگاه"): look further back
                elif toks and toks[0].start == k:
                    np_, _ = self.p.chunker.phrase_at(f, toks, 0)
                    if np_ is not None and np_.kind in ("outlet", "org", "group", "title", "state"):
                        return np_
                k = f.rfind(word, 0, k)
            return None
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        for s, e in reversed(self.sents[max(0, i - 6):i + 1]):
            end = min(e, pos)
            toks = self.toks_in(s, end)[:20]
            for a, b, kind in self.preps:
                if s <= a < end and kind == "conduit" and toks and a - s < 3:
                    toks = self.toks_in(self._skip_relay(b, end), end)[:20]
            asked = self._asked(s, end)
            if asked is not None:
                return asked  # "خبرنگاری از رئیس پلیس پرسید … . او گفت": the one asked answers
            np_ = self.p.chunker.find_source(f, toks)
            if np_ is not None and np_.start < pos and (np_.kind in ("title", "marked") or (
                    np_.kind == "name" and np_.etype != "unknown")):
                return np_
        return None

    def _asked(self, s: int, e: int) -> NP | None:
        """The person a question of this sentence was put to ("از X پرسید", "از X سؤال کرد"), or the one
        interviewed in it ("با X گفت‌وگو کرد": the interviewer, reporter or outlet is never the one who then
        speaks)."""
        f = self.f
        m = INTERVIEWED_RE.search(f, s, e)
        if m is not None:
            np_ = self.phrase_after(m.end(), e)
            if np_ is not None and np_.kind in ("name", "title", "org", "state", "indef", "dem") \
                    and INTERVIEW_RE.search(f, np_.end, e):
                return np_
        for c in self.cues_between(s, e):
            if c.kind != "question":
                continue
            toks = self.toks_in(s, c.start)
            for k in range(len(toks) - 1, -1, -1):
                if toks[k].text == "از":
                    np_, _ = self.p.chunker.phrase_at(f, toks, k + 1) if k + 1 < len(toks) else (None, 0)
                    if np_ is not None and (np_.kind == "title" or np_.etype == "person"):
                        return np_
                    break
        return None

    def _document_author(self, m: re.Match[str]) -> NP | None:
        """"در این بیانیه آمده است": the subject of the sentence that introduced the document
        ("باشگاه استقلال با انتشار بیانیه‌ای …")."""
        f = self.f
        noun = m.group().split()[-1].split("\u200c")[0]
        i = bisect.bisect_right(self.sent_starts, m.start()) - 1
        for s, e in reversed(self.sents[max(0, i - 3):i]):
            k = f.find(noun, s, e)
            if k < 0:
                continue
            np_ = self.p.chunker.find_source(f, self.toks_in(s, k))
            if np_ is not None and np_.kind in ("org", "outlet", "name", "title", "state", "group", "marked"):
                return np_
            return None
        return None

    def fuller_name(self, surname: str, taken: set[tuple[int, int]]) -> tuple[tuple[int, int],
                                                                              tuple[int, int] | None] | None:
        """A fuller form of a surname-only speaker given elsewhere ("غلامحسین محسنی اژه‌ای، رئیس قوه قضاییه،"):
        first name(s) right before the surname, and the appositive title after it, if any."""
        f = self.f
        ch = self.p.chunker
        for m in re.finditer(r"(?<![\w\u200c])" + re.escape(surname) + r"(?![\w\u200c])", f):
            if (m.start(), m.end()) in taken:
                continue
            before = self.toks_in(max(0, m.start() - 60), m.start())[-3:]
            k = None
            for x in range(len(before) - 1, -1, -1):
                t = before[x]
                if ch.is_stop(t) or t.text in self.lx.content_nouns or ch.is_title_start(before, x) \
                        or t.text in self.lx.honorifics:
                    break
                if t.text in self.lx.first_names:
                    k = x
            if k is None:
                continue
            name = (before[k].start, m.end())
            title = None
            after = self.toks_in(m.end(), min(len(f), m.end() + 120))
            if after and after[0].text in ("،", ",") and len(after) > 1 and ch.is_title_start(after, 1):
                e = ch.extend(after, 1, title=True)
                title = (after[1].start, after[e - 1].end)
            return name, title
        return None
