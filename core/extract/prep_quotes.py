"""Prepositional cues: "به گفته X،", "به نقل از X،", "از نظر X،", "به گزارش X، …" (relays).

The source follows the preposition and runs to its comma; the quote is the clause after the comma. A relay
whose content is someone's speech report, or whose outlet is the publisher, gives no quote (§1.8).
"""

from __future__ import annotations

import re

from .candidates import Cand
from .indirect import clause_span
from .marked import MarkedQuotes
from .nps import NP, VERBISH
from .textspans import Tok, trim

PUNCT_NAME_STOP = frozenset(["(", ")", "«", "»", ":", "؛", "-", "–", "—", "/", "\"", "“", "”", "."])


class PrepCues(MarkedQuotes):
    def prep_cues(self) -> None:
        f = self.f
        for a, b, kind in self.preps:
            pi = self.para_index(a)
            if pi in self.embedded_paras or self.inside_pair(a) is not None:
                continue
            sent = self.sent_of(a)
            ytoks = self.toks_in(b, sent[1])
            if not ytoks:
                continue
            np_, j = self.p.chunker.phrase_at(f, ytoks, 0)
            if np_ is None:
                continue
            if np_.kind == "pronoun" and f[np_.head[0]:np_.head[1]] in ("من", "ما"):
                continue
            if kind == "view" and ((np_.kind == "name" and np_.etype == "unknown")
                                   or np_.kind not in ("name", "title", "org", "outlet", "group", "state",
                                                       "pronoun", "dem", "indef", "marked")):
                continue  # "از نظر اقتصادی،": a respect, not a source
            comma_k = next((k for k in range(j) if ytoks[k].text in ("،", ",")), None)
            closed = j < len(ytoks) and ytoks[j].text in ("،", ",")  # "X، سخنگوی دولت، …": an appositive
            if comma_k is not None and np_.head[1] <= ytoks[comma_k].start and not closed:
                # "به گزارش خبرگزاری فرانسه، رئیس‌جمهور …": the source ends at the comma, no appositive after it
                if np_.title is not None and np_.title[0] > ytoks[comma_k].start:
                    np_.title = None
                np_.end = ytoks[comma_k - 1].end
                j = comma_k
            phrase = f[a:b].replace("\u200c", " ")
            src_end = ytoks[j - 1].end
            j = self._source_to_comma(np_, ytoks, j)
            src_end = ytoks[j - 1].end
            # content: after the source (and a comma, and a chained relay "و به نقل از Z،")
            q = src_end
            comma = None
            m = re.match(r"[ \u200c]*(?:\([^)]*\))?[ \u200c]*،", f[q:sent[1]])
            if m:
                comma = q + m.end()
                q = comma
            # an agentless passive inside the relayed text ("… و اعلام شد که …") is part of the outlet's report
            if kind == "view" and comma is None:
                continue  # "از دید X مخفی نماند", "-به زعم او-": a point of view needs its comma
            rest_cues = [c for c in self.cues_between(q, sent[1]) if not c.first_person and not c.passive]
            if kind == "conduit" or phrase == "به نقل از":
                # a relay whose content is someone's speech report gets nothing (§1.8)
                if rest_cues or any(q <= x < sent[1] for x, _, _ in self.preps if x != a):
                    continue
                if phrase == "به نقل از" and not comma:
                    continue
                if kind == "conduit":
                    name = self._outlet_name(np_)
                    if self._is_publisher(name, a, b):
                        continue
                    if comma is None:
                        continue
            elif comma is None and j < len(ytoks) and ytoks[j].text in ("،", ","):
                q = ytoks[j].end
            elif comma is None and j < len(ytoks) and self.lx.function_words.get(ytoks[j].text) == "prep":
                # framing between the source and its comma: "به گفته X در این باره، …"
                k = next((k for k in range(j, min(len(ytoks), j + 5)) if ytoks[k].text in ("،", ",")), None)
                if k is not None and not self._has_verb(ytoks[j:k]):
                    q = ytoks[k].end
            if comma is not None and kind != "conduit":
                q = self._past_appositive(np_, q, sent[1])
            s, e = clause_span(f, q, sent[1])
            if e - s < 5:
                if kind != "conduit" and phrase != "به نقل از":
                    self._postposed(a, b, sent, np_)
                continue
            c = Cand("indirect", s, e, (a, b), order=a, np=np_, confidence=0.75)
            if np_.kind == "refl":
                c.np = np_
            self._mixed(c)
            self.cands.append(c)

    def _postposed(self, a: int, b: int, sent: tuple[int, int], np_: NP) -> None:
        """«…»، به گفته X.: a marked passage right before a prepositional cue that ends its sentence is X's
        direct quote, with the cue "به گفته"."""
        f = self.f
        pair = next((p for p in self.pairs_between(self.para_of(a)[0], a)
                     if p.outer_end <= a and not f[p.outer_end:a].strip(" ،,\u200c")), None)
        if pair is None or pair.open in self.claimed_pairs:
            return
        s, e = trim(f, *pair.inner)
        if e - s >= 2:
            self.claimed_pairs.add(pair.open)
            self.cands.append(Cand("direct", s, e, (a, b), order=a, np=np_, confidence=0.8))

    def _past_appositive(self, np_: NP, q: int, end: int) -> int:
        """Where the content starts after "به اعتقاد X،": past an appositive closed by a second comma
        ("به اعتقاد سعید لیلاز، اقتصاددان و تحلیلگر مسائل سیاسی، …") or the anonymity formula ("…، که خواست
        نامش فاش نشود، …"); the appositive of a person is a title mention (GUIDELINES §1.5, §2)."""
        f = self.f
        for x, y in self.anon_spans:
            if q <= x and not f[q:x].strip(" \u200c"):
                return y
        if np_.kind in ("pronoun", "refl", "dem"):
            return q  # "به گفته وی، تهران، پایتخت ایران، …": a pronoun takes no appositive
        toks = self.toks_in(q, end)
        k = next((k for k, t in enumerate(toks) if t.text in ("،", ",")), None)
        if k is None or not 1 <= k <= 6 or len(toks) - k < 4:
            return q
        seg = toks[:k]
        ch = self.p.chunker
        if ch.fw(seg[0]) is not None or any(ch.is_stop(t) and t.text != "و" for t in seg) \
                or any(t.text[:1].isdigit() or t.text in self.lx.pronouns for t in seg) or self._has_verb(seg) \
                or any(t.text in self.lx.content_nouns for t in seg[:1]):
            return q
        if np_.kind in ("name", "marked") and np_.etype in ("person", "unknown") and np_.title is None:
            np_.title = (seg[0].start, seg[-1].end)
        return toks[k].end

    def _source_to_comma(self, np_: NP, ytoks: list[Tok], j: int) -> int:
        """A prepositional cue's source runs to its comma when only name words lie between
        ("طبق اعلام روابط عمومی دانشگاه تهران،", "به نوشته نشریه Nature Water،"): the whole phrase is the
        source, nothing of it leaks into the quote."""
        ch = self.p.chunker
        k = j
        while k < len(ytoks) and k - j < 6:
            t = ytoks[k]
            if t.text in ("،", ","):
                break
            if ch.fw(t) is not None or t.text in VERBISH or t.text in self.lx.pronouns or t.text[:1].isdigit() \
                    or t.text in PUNCT_NAME_STOP or t.text.startswith(("می\u200c", "نمی\u200c")):
                return j
            k += 1
        if k == j or k >= len(ytoks) or ytoks[k].text not in ("،", ",") or np_.kind in ("pronoun", "refl"):
            return j
        if self.cues_between(ytoks[j].start, ytoks[k].start):
            return j
        end = ytoks[k - 1].end
        if np_.name is not None and np_.head == np_.name and np_.title is None:
            np_.name = (np_.name[0], end)
        if np_.title is not None and np_.head == np_.title:
            np_.title = (np_.title[0], end)
        np_.head = (np_.head[0], end)
        np_.end = end
        return k
