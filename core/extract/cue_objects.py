"""Where the object of a characterising or predicative cue starts ("X را «شایعه» خواند").

Skips the subject, time adverbials and framing prepositional phrases before the را-object, and an earlier
coordinated predicate of the same subject.
"""

from __future__ import annotations

import re

from .cues import Cue
from .nps import NOUN_SUFFIX_RE
from .relays import Relays
from .textspans import last_comma


class CueObjects(Relays):
    def _object_start(self, clause_start: int, cue: Cue) -> int:
        """Where the object phrase of a characterisation can start: after the subject and framing."""
        f = self.f
        start = self._clause_start_plain(self.sent_of(cue.start), cue.start)
        start = max(start, clause_start)
        toks = self.toks_in(start, cue.start)
        # an agentless passive ("از X به عنوان Y یاد می‌شود") has no subject to skip
        np_ = None if cue.passive else self.p.chunker.find_source(f, toks)
        if np_ is not None:
            start = np_.end
        comma = last_comma(f, start, cue.start)
        ra = f.rfind(" را", start, cue.start)
        if np_ is not None and ra > start and comma < start:
            start = self._skip_framing(start, ra)
        if 0 <= comma < ra:
            start = comma + 1
            if np_ is not None:
                start = self._skip_framing(start, ra)
        # a coordinated earlier predicate: "X را تکذیب کرد و آن را «شایعه» خواند"
        for m in re.finditer(r"(?<![\w\u200c])(?:کرد|کردند|کرده|شد|شدند|داد|دادند|است|بود)[ \u200c]+و[ \u200c]+",
                             f[start:max(start, ra)]):
            start = start + m.end()
        rest = self.toks_in(start, cue.start)
        if rest and self.lx.function_words.get(rest[0].text) == "prep":
            for t in rest:
                if t.start >= ra:
                    break
                if t.text in ("این", "آن", "همین", "همان"):
                    return t.start
        return start

    def _opens_object(self, t) -> bool:  # t: Tok
        w = t.text
        return (self.p.chunker.fw(t) == "dem" or w in self.lx.content_nouns
                or NOUN_SUFFIX_RE.search(w) is not None)

    def _skip_framing(self, start: int, ra: int) -> int:
        """Past time adverbials and prepositional phrases between a subject and its را-object
        ("وزیر اقتصاد روز دوشنبه در جمع خبرنگاران | کاهش ارزش پول را …"). "از" is not skipped: it may
        open the object of "از X به عنوان Y یاد کرد"."""
        ch = self.p.chunker
        toks = self.toks_in(start, ra + 3)  # with the را: a content noun before it ends the phrase
        i, n = 0, len(toks) - 1
        while i < n:
            t = toks[i]
            c = ch.fw(t)
            if c in ("time", "adv") or (c == "conj" and t.text != "و") or t.text[:1].isdigit():
                i += 1
                continue
            if c == "prep" and t.text != "از" and i + 1 < n:
                k = i + 1
                while k < n and ch.fw(toks[k]) in ("prep", "dem"):
                    k += 1
                if k >= n or (ch.is_stop(toks[k]) and ch.fw(toks[k]) != "time"):
                    break
                # an indefinite noun ends its phrase before a noun ("در اطلاعیه‌ای | قطعی‌ها را …"), not before
                # its adjective ("در بیانیه‌ای رسمی")
                if toks[k].text.endswith("\u200cای") and k + 1 < n and self._opens_object(toks[k + 1]):
                    k += 1
                else:
                    k = ch.extend(toks, k, title=False, limit=4)
                if k >= n:
                    break
                i = k
                continue
            break
        return toks[i].start if 0 < i < n else start
