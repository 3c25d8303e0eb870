"""Relays and the publisher: "به گزارش X،", "به نقل از Y", datelines ("تهران - ایرنا -").

A relay's outlet is the publisher itself (self-attribution, GUIDELINES §1.8.1) or another outlet; which one
it is decides whether a relayed sentence is a quote. The relay phrase is also skipped when a stage looks
for the subject at the start of a clause.
"""

from __future__ import annotations

import re

from .document import Document
from .nps import NP

# the publisher's own reporter or desk after "به گزارش": self-attribution whatever outlet it names
SELF_DESK_RE = re.compile(r"[ \u200c]*(?:خبرنگار|گروه|سرویس|تحریریه|دبیرخانه|پایگاه[ \u200c]+خبری[ \u200c]+ما|"
                          r"میز)(?![\w\u200c])")
DATELINE_OUTLET_RE = re.compile(r"\s*[\w\u200c]+(?:[ \u200c][\w\u200c]+)?\s*(?:[-–—]|\()\s*(?P<o>[\w\u200c]+(?:[ \u200c][\w\u200c]+){0,2})"
                                r"\s*(?:[-–—:]|\)\s*[-–—:])")
# a dateline before the lead's relay: "تهران - ", "تهران (ایرنا) - ", "۱۲ مهر ۱۴۰۲ - "
DATELINE_RE = re.compile(r"[^\n.،]{0,40}[-–—:][ \u200c]*")


class Relays(Document):
    def _publisher(self) -> set[str]:
        """Names under which the publisher refers to itself, from meta.url/source and the outlet lexicon."""
        where = " ".join(str(self.meta.get(k) or "") for k in ("url", "source")).lower()
        names = set()
        if where.strip():
            for name, dom in self.lx.outlets.items():
                if dom != "-" and dom.lower() in where:
                    names.add(name)
        # a dateline naming the agency: "تهران - ایرنا - …", "تهران (ایسنا) - …": never part of a subject
        m = DATELINE_OUTLET_RE.match(self.f)
        if m is not None:
            o = m.group("o").strip()
            if o in self.lx.outlets or o.split()[0] in self.lx.outlet_words:
                self.dateline_end = m.end()
                if not names:
                    names.add(o)
        return names

    def _is_publisher(self, name: str, pos: int, after: int) -> bool:
        """Self-attribution (§1.8.1): the outlet named in meta.url/source; the publisher's own reporter or desk
        ("به گزارش خبرنگار/گروه … X"); without meta, the article's first relay when it opens one of the first
        two paragraphs, and every later relay naming that same outlet. Any other outlet is another outlet."""
        if self._same_outlet(name, self.publisher):
            return True
        if SELF_DESK_RE.match(self.f, after):
            return True
        if self.publisher:
            return False
        first = self._first_relay()
        if first is None:
            return False
        if first[0] == pos:
            return True
        return self._same_outlet(name, {first[1]})

    def _outlet_name(self, np_: NP) -> str:
        """The outlet a relay names, without the marks around a quoted name ("به گزارش «X»")."""
        return self.f[np_.head[0]:np_.head[1]].strip("«»\" ")

    @staticmethod
    def _same_outlet(name: str, names: set[str]) -> bool:
        name = name.replace("\u200c", " ")
        return name in names or any(name.endswith(" " + p) or p.endswith(" " + name) for p in names)

    def _foreign(self, name: str) -> bool:
        """An outlet with no Persian edition ("رویترز", "خبرگزاری فرانسه"): never the publisher."""
        words = name.split()
        return name in self.lx.foreign_outlets or (len(words) > 1 and " ".join(words[1:]) in self.lx.foreign_outlets)

    def _first_relay(self) -> tuple[int, str] | None:
        """The article's first outlet relay when it is the dateline of the lead: at the start of one of the first
        two paragraphs (after an optional "تهران -" dateline), before any other relay."""
        if not hasattr(self, "_first_relay_v"):
            self._first_relay_v: tuple[int, str] | None = None
            first = next(((a, b) for a, b, k in self.preps if k == "conduit"), None)
            if first is not None:
                a, b = first
                pa = self.para_of(a)[0]
                if self.para_index(a) <= 1 and (a - pa < 3 or DATELINE_RE.fullmatch(self.f, pa, a)):
                    np_ = self.phrase_after(b, self.sent_of(a)[1])
                    name = self._outlet_name(np_) if np_ is not None else ""
                    if not self._foreign(name):
                        self._first_relay_v = (a, name.replace("\u200c", " "))
        return self._first_relay_v

    def _skip_relay(self, pos: int, limit: int) -> int:
        """Past a relay's source (and a chained "و به نقل از Y") and its comma/colon."""
        f = self.f
        comma = f.find("،", pos, limit)
        if 0 <= comma - pos <= 60 and not self.cues_between(pos, comma):
            return comma + 1
        toks = self.toks_in(pos, limit)
        if toks:
            np_, j = self.p.chunker.phrase_at(f, toks, 0)
            end = toks[j - 1].end if np_ is not None and j > 0 else pos
            if comma >= 0 and f[end:comma].strip(" \u200c") == "":
                return comma + 1
            m = re.match(r"[ \u200c]*(?:[:،,]|و[ \u200c]+به[ \u200c]+نقل[ \u200c]+از)?", f[end:limit])
            if m and "نقل" in m.group():
                return self._skip_relay(end + m.end(), limit)
            return end + (m.end() if m else 0)
        return comma + 1 if comma >= 0 else pos

    def _clause_start_plain(self, sent: tuple[int, int], pos: int) -> int:
        """Where the clause before `pos` starts in `sent`, past any relay ("به گزارش X،") before it."""
        start = sent[0]
        for a, b, kind in self.preps:
            if start <= a < pos and kind == "conduit":
                start = max(start, self._skip_relay(b, pos))
        return start
