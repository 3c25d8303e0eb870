"""Speaker entities: clustering of source phrases into entities, pronoun resolution and mention listing.

A full name, its surname, an appositive title, later title-only references and demonstratives
("این مقام ارشد کانادا") join one entity; different people stay apart because a name never joins an entity
whose name disagrees with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .folding import fold
from .lexicons import Lexicons
from .nps import NP, strip_marks

_DIACRITICS = re.compile("[\u064B-\u065F\u0670\u0640]")
ANONYMOUS_RE = re.compile(r"[^.!؟\n]{0,30}?(?:نخواست[ \u200c]+نام|نام[شی][ \u200c]+(?:فاش|ذکر|برده)[ \u200c]+نشود|"
                          r"فاش[ \u200c]+نشدن[ \u200c]+نام|ناشناس)")
GENERIC = frozenset(["مقام", "ارشد", "سابق", "پیشین", "فعلی", "جدید", "رئیس", "رییس", "معاون", "وزیر", "امور", "سخنگوی", "سخنگو", "مدیر", "این", "آن", "یک"])


def norm(s: str) -> str:
    """Key for comparing names: no marks, diacritics, spaces or ZWNJ."""
    s = _DIACRITICS.sub("", strip_marks(fold(s)))
    return re.sub(r"[\s\u200c]+", "", s)


def content_tokens(s: str) -> set[str]:
    out = set()
    for w in _DIACRITICS.sub("", fold(s)).replace("\u200c", " ").split():
        if w in GENERIC or len(w) < 3:
            continue
        out.add(w[:-1] if w.endswith("ی") and len(w) > 4 else w)
    return out


@dataclass(slots=True)
class Entity:
    idx: int
    name: str
    etype: str
    role: str | None = None
    named: bool = False             # has a real name (not only a title/description)
    indefinite: bool = False
    embedded: bool = False          # source of an embedded post: never a pronoun antecedent
    anonymous: bool = False         # "… که نخواست نامش فاش شود": never one of the named speakers
    name_spans: list[tuple[int, int]] = field(default_factory=list)
    mentions: set[tuple[int, int]] = field(default_factory=set)
    merged_into: Entity | None = None

    def root(self) -> Entity:
        e = self
        while e.merged_into is not None:
            e = e.merged_into
        return e


class Registry:
    def __init__(self, lx: Lexicons, text: str, f: str) -> None:
        self.lx = lx
        self.text = text
        self.f = f
        self.entities: list[Entity] = []
        self.last: Entity | None = None    # most recent body-text speaker
        self.last_single: Entity | None = None  # most recent speaker that is not a group
        self.last_person: Entity | None = None  # most recent speaker that is a person (or of unknown type)
        self.by_span: dict[tuple[int, int], Entity] = {}
        #: finds a source phrase before a position when a pronoun or demonstrative has no speaker antecedent
        self.antecedent = None
        #: end of the lead paragraph (a title-only lead speaker may be named in the body)
        self.lead_end: int | None = None

    # ------------------------------------------------------------------ helpers
    def _new(self, name: str, etype: str, **kw) -> Entity:
        e = Entity(len(self.entities), name, etype, **kw)
        self.entities.append(e)
        return e

    def live(self) -> list[Entity]:
        return [e for e in self.entities if e.merged_into is None]

    def _strip_head(self, name: str) -> str:
        """An outlet's name without its kind word: "روزنامه مارکا" -> "مارکا"."""
        words = name.split()
        if len(words) > 1 and words[0] in self.lx.outlet_words:
            return " ".join(words[1:])
        return name

    def _by_name(self, name: str, etype: str) -> Entity | None:
        # every comparison on folded text: "كامراني" and "کامرانی" are one surname
        name = self._strip_head(strip_marks(fold(name)))
        key = norm(name)
        toks = name.replace("\u200c", " ").split()
        canon = self.lx.states.get(strip_marks(name))
        for e in reversed(self.live()):
            if canon and self.lx.states.get(strip_marks(fold(e.name))) == canon:
                return e
            if not e.named:
                continue
            ename = self._strip_head(fold(e.name))
            if norm(ename) == key:
                return e
            etoks = ename.replace("\u200c", " ").split()
            if len(toks) > 1 and len(etoks) > 1 and etype in ("person", "unknown") \
                    and e.etype in ("person", "unknown") and (
                    " ".join(toks) in " ".join(etoks) or " ".join(etoks) in " ".join(toks)):
                return e
            if e.etype == "media" and etype in ("media", "unknown") and toks and etoks and (
                    norm(toks[0]).rstrip("ی") == norm(etoks[0]).rstrip("ی")) and len(norm(toks[0])) >= 4:
                return e
            if len(toks) == 1 and len(toks[0]) >= 3 and e.etype in ("person", "media", "unknown", "organization"):
                tk = norm(toks[0])
                et = norm(etoks[-1])
                if (e.etype in ("person", "unknown") and tk in (et, et + "ی")) or et == tk + "ی":
                    return e
                if e.etype != "person" and tk == norm(etoks[0]) and len(etoks) <= 3:
                    return e
            if len(etoks) == 1 and len(toks) > 1 and etype in ("person", "unknown") \
                    and norm(toks[-1]) == norm(etoks[0]):
                return e
        return None

    def canon_role(self, role: str) -> str:
        """A title with paraphrased institutions replaced by their canonical name (institution_aliases.tsv)."""
        r = " " + " ".join(fold(role).replace("\u200c", " ").split()) + " "
        for alias, canon in self.lx.institution_aliases:
            a = " " + alias.replace("\u200c", " ") + " "
            if a in r:
                r = r.replace(a, " " + canon + " ")
                break
        return r.strip()

    def _by_role(self, role: str) -> Entity | None:
        role = self.canon_role(role)
        dem = re.fullmatch(r"(\S+) (?:این|همین|آن) (\S+)", role)
        if dem:
            # "سخنگوی این وزارتخانه": the same office of the organisation named before
            head, org = dem.groups()
            for e in reversed(self.live()):
                words = self.canon_role(e.role).split() if e.role else []
                if words and words[0] == head and any(w[:4] == org[:4] for w in words[1:]) \
                        and not re.search(r"(?:این|همین|آن) ", " ".join(words)):
                    return e
        want = content_tokens(role)
        key = norm(role)
        best = None
        for e in reversed(self.live()):
            if e.role is None:
                continue
            erole = self.canon_role(e.role)
            if norm(erole) == key:
                return e
            have = content_tokens(erole)
            if want and have and (want <= have or have <= want) and role.split()[0][:3] == erole.split()[0][:3]:
                best = best or e
        return best

    # ------------------------------------------------------------------ resolution
    def resolve(self, np_: NP | None, *, embedded: bool = False) -> tuple[Entity | None, tuple[int, int] | None]:
        """The entity of a cue's source phrase (or of a dropped subject when np_ is None) and its mention."""
        f = self.f
        if np_ is None or np_.kind in ("pronoun", "refl"):
            e = self.last
            # وی/او/ایشان stand for one person, never for a group, an outlet or a body
            singular = np_ is not None and np_.kind == "pronoun" and f[np_.head[0]:np_.head[1]] in ("وی", "او", "ایشان")
            if e is not None and e.etype == "group" and singular:
                e = self.last_single
            if e is not None and e.etype in ("media", "organization") and self.last_person is not None and singular:
                e = self.last_person  # وی/او stand for a person: not the outlet or body quoted in between
            if e is None and self.antecedent is not None and np_ is not None:
                prior = self.antecedent(np_.start)
                if prior is not None:
                    e, _ = self.resolve(prior)
            if e is not None and np_ is not None:
                e.mentions.add(np_.head)
            return e, (np_.head if np_ is not None else None)
        head = np_.head
        known = self.by_span.get(head)
        if known is not None:
            # the same phrase read again (an interview guest, a shared source): the same entity
            e = known.root()
            if not embedded:
                self.set_last(e)
            return e, head
        e, m = self._resolve_phrase(np_, embedded=embedded)
        if e is not None:
            self.by_span[head] = e
        return e, m

    def _title_then_name(self, np_: NP) -> NP | None:
        """A title read on into the name after it ("سرمربی تیم ملی تورج قلعه‌نویی") when a title-only speaker
        already holds that title: the words after the known title are the holder's name."""
        f = self.f
        a, b = np_.title  # type: ignore[misc]
        text = f[a:b]
        lx = self.lx
        for e in reversed(self.live()):
            if e.named or not e.role or e.etype != "person":
                continue
            role = fold(e.role)
            if not text.startswith(role + " "):
                continue
            toks = list(re.finditer(r"\S+", text))
            words = [t.group() for t in toks]
            name_like = [n for n in (3, 2) if len(words) - n >= len(role.split()) and self._name_words(words[-n:])]
            # a known first name marks where the name begins; otherwise the longest name-like tail
            n = next((k for k in name_like if words[-k] in lx.first_names), name_like[0] if name_like else 0)
            if not n:
                return None
            ns = a + toks[-n].start()
            return NP("name", np_.start, np_.end, (ns, b), name=(ns, b), title=(a, a + toks[-n - 1].end()),
                      etype="person", extra_mentions=list(np_.extra_mentions))
        return None

    def _name_words(self, words: list[str]) -> bool:
        """Words that can be a person's name: no title, place or function word; a surname's later parts may
        be common words ("رفیعی فر"), its first word may not."""
        lx = self.lx
        return words[0] not in lx.common_nouns and not any(
            w in lx.titles or w in lx.title_words or w in lx.content_nouns or w in lx.states
            or w in lx.function_words or w in lx.honorifics or not w.replace("\u200c", "").isalpha()
            for w in words)

    def _resolve_phrase(self, np_: NP, *, embedded: bool) -> tuple[Entity | None, tuple[int, int] | None]:
        f = self.f
        if np_.title and not np_.name and np_.kind == "title":
            np_ = self._title_then_name(np_) or np_
        head = np_.head
        if np_.kind == "dem":
            e = self._demonstrative(f[head[0]:head[1]], np_.etype)
            if e is None and self.antecedent is not None:
                prior = self.antecedent(np_.start, f[head[0]:head[1]].split()[1:2])
                if prior is not None:
                    e, _ = self.resolve(prior)
            if e is not None:
                e.mentions.add(head)
                self.last = e if not embedded else self.last
                return e, head
        name = f[np_.name[0]:np_.name[1]] if np_.name else None
        role = f[np_.title[0]:np_.title[1]] if np_.title else None
        e = None
        if name:
            e = self._by_name(name, np_.etype)
            if e is None and role:
                cand = self._by_role(role)
                if cand is not None and not cand.named:
                    e = cand
                    e.name = strip_marks(self.text[np_.name[0]:np_.name[1]])
                    e.named = True
            last = self.last
            if role is None and last is not None and not last.named and not last.indefinite \
                    and not self._introduced_anew(np_) \
                    and last.etype == "person" and last.role and np_.etype in ("person", "unknown") \
                    and self.lead_end is not None and min(last.mentions, default=(10**9, 0))[0] < self.lead_end \
                    and not self._same_sentence(max(last.mentions, default=(0, 0))[1], np_.start) \
                    and (e is None or (e.role is None and e.etype in ("person", "unknown"))):
                # lead by title, body by name: "معاون وزیر … گفت: …" then "X افزود: …"
                if e is None:
                    e = last
                    e.name = strip_marks(self.text[np_.name[0]:np_.name[1]])
                    e.named = True
                else:
                    self._merge(last, e)
                    e.etype = "person"
            if e is None:
                e = self._new(strip_marks(self.text[np_.name[0]:np_.name[1]]), np_.etype, named=True)
            elif len(norm(name)) > len(norm(e.name)) + 1 and e.etype in ("person", "unknown", "media"):
                e.name = strip_marks(self.text[np_.name[0]:np_.name[1]])
            e.mentions.add(np_.name)
            e.name_spans.append(np_.name)
            if e.etype == "unknown" and np_.etype != "unknown":
                e.etype = np_.etype
        elif np_.kind in ("outlet", "org", "group", "state"):
            desc = self.text[head[0]:head[1]]
            e = self._by_name(desc, np_.etype) if np_.kind != "group" else None
            if e is None and np_.kind == "group":
                e = next((x for x in self.live() if norm(x.name) == norm(self._group_name(desc))), None)
            if e is None:
                nm = self._group_name(desc) if np_.kind == "group" else desc
                if np_.kind == "state":
                    nm = self.lx.states.get(desc, desc)
                    if desc.startswith("دولت "):
                        nm = desc
                e = self._new(nm, np_.etype, named=np_.kind != "group")
            e.mentions.add(head)
        elif role:
            e = self._by_role(role)
            last = self.last
            if e is None and last is not None and last.named and last.etype == "person" and last.role is None:
                e = last  # a later title-only reference to the current speaker
            if e is None:
                e = self._new(self.text[np_.title[0]:np_.title[1]], "person")
        elif np_.kind in ("indef", "dem"):
            # an indefinite introduction, or a demonstrative with no earlier referent ("این کارشناس …")
            desc = self.text[head[0]:head[1]]
            words = desc.split()
            nm = " ".join(words[1:]) if len(words) > 1 and fold(words[0]) in ("یک", "این", "همین", "آن") else desc
            e = self._new(nm, np_.etype if np_.etype != "unknown" else "person", indefinite=True)
            e.mentions.add(head)
        if e is None:
            return None, None
        if role:
            if e.role is None and e.etype in ("person", "unknown"):
                e.role = self.text[np_.title[0]:np_.title[1]]
            e.mentions.add(np_.title)
            if e.etype == "unknown":
                e.etype = "person"
        for m in np_.extra_mentions:
            e.mentions.add(m)
        if not embedded:
            e.embedded = False
            self.set_last(e)
        elif len(e.mentions) <= 1 + len(np_.extra_mentions) + (1 if np_.title else 0):
            e.embedded = True  # known only from a post or a headline so far
        return e, head

    def _same_sentence(self, a: int, b: int) -> bool:
        """No sentence or paragraph end between a and b: a name inside the clause a title-only speaker
        reports ("وزیر نفت تصریح کرد که اوپک … تأکید کرده بود") is someone else, not that speaker named."""
        return a <= b and re.search(r"[.!؟?\n]", self.f[a:b]) is None

    def _introduced_anew(self, np_: NP) -> bool:
        """A name presented as a further source: an appositive description after it ("پیام طبرسی، فوق تخصص
        ریه، …") or an additive نیز/هم ("X نیز هشدار داد")."""
        rest = self.f[np_.end:np_.end + 80]
        m = re.match(r"[ \u200c]*،[^،.:]{2,50}،", rest)
        if m:
            return True
        return re.match(r"[ \u200c]*(?:نیز|هم)(?![\w\u200c])", rest) is not None

    def _group_name(self, desc: str) -> str:
        for pre in ("برخی از ", "بعضی از ", "یکی از ", "شماری از ", "تعدادی از ", "برخی ", "بعضی ", "شماری ",
                    "تعدادی ", "بسیاری از ", "بسیاری "):
            if desc.startswith(pre):
                return desc[len(pre):]
        return desc

    def _demonstrative(self, phrase: str, etype: str) -> Entity | None:
        words = phrase.split()[1:]
        head = words[0] if words else ""
        live = [e for e in reversed(self.live()) if not e.embedded]
        compatible = [e for e in live if e.etype in (etype, "unknown") or etype == "unknown"]
        for e in compatible:
            if head and head in fold(f"{e.name} {e.role or ''}"):
                return e
        for e in compatible:
            if e.etype == etype or etype == "unknown":
                return e
        for e in compatible:
            if e.etype == "unknown":
                e.etype = etype
                return e
        return None

    def set_last(self, e: Entity | None) -> None:
        if e is not None and not e.embedded:
            self.last = e
            if e.etype != "group":
                self.last_single = e
            if e.etype in ("person", "unknown"):
                self.last_person = e

    # ------------------------------------------------------------------ clustering after the pass
    def mark_anonymous(self) -> None:
        """Unnamed sources described as anonymous ("که نخواست نامش فاش شود", "به شرط فاش نشدن نامش")."""
        for e in self.live():
            if e.named:
                continue
            for _, b in e.mentions:
                if ANONYMOUS_RE.match(self.f, b, min(len(self.f), b + 70)):
                    e.anonymous = True
                    break

    def merge_descriptions(self) -> None:
        """Join an unnamed (title-only or indefinite) entity to a named one with a compatible description."""
        live = self.live()
        for e in live:
            if e.named or e.merged_into is not None or e.anonymous:
                continue
            want = content_tokens(f"{e.name} {e.role or ''}")
            for o in live:
                if o is e or not o.named or o.merged_into is not None or o.etype not in (e.etype, "unknown"):
                    continue
                if e.role and o.role and (norm(self.canon_role(e.role)) == norm(self.canon_role(o.role))
                                          or self._roles_close(e.role, o.role)):
                    self._merge(e, o)
                    break
                if e.etype == "person" and o.etype == "person" and o.role and want & content_tokens(o.role) \
                        and min(o.mentions) > min(e.mentions, default=(0, 0)) \
                        and not any(x.named and x.etype == "person" and x is not o and x.merged_into is None
                                    and min(e.mentions, default=(0, 0)) < min(x.mentions, default=(0, 0))
                                    < min(o.mentions) for x in live):
                    self._merge(e, o)
                    break

    def merge_appositives(self) -> None:
        """A title-only entity whose title stands in apposition to a named speaker elsewhere in the text
        ("الکساندر لوکاشنکو رئیس جمهوری بلاروس") is that speaker."""
        f = self.f
        live = self.live()
        for e in live:
            if e.named or not e.role or e.merged_into is not None:
                continue
            role = fold(e.role)
            for m in re.finditer(re.escape(role), f):
                before = f[max(0, m.start() - 40):m.start()].replace("«", " ").replace("»", " ").rstrip(" ،")
                words = before.split()
                if not words:
                    continue
                last = norm(words[-1])
                for o in live:
                    if o is e or not o.named or o.merged_into is not None or o.etype not in ("person", "unknown"):
                        continue
                    otoks = [norm(x) for x in o.name.split()]
                    if otoks and otoks[-1] == last:
                        full = " ".join(words[-min(len(words), 3):])
                        if o.etype == "unknown":
                            o.etype = "person"
                        self._merge(e, o)
                        # the fuller name given in the apposition
                        k = len(words) - 1
                        while k > 0 and words[k - 1] in self.lx.first_names and len(words) - k < 3:
                            k -= 1
                        if k < len(words) - 1:
                            o.name = " ".join(words[k:])
                            start = max(0, m.start() - 40) + before.rfind(words[k])
                            o.name_spans.append((start, start + len(o.name)))
                        del full
                        break
                if e.merged_into is not None:
                    break
                # no speaker has that name: a holder named in the article's own sentences ("امیر قلعه‌نویی
                # سرمربی تیم ملی است") names the title-only speaker (first name + surname right before the title)
                if len(words) >= 2 and words[-2] in self.lx.first_names and words[-1] not in self.lx.first_names \
                        and words[-1].isalpha() and words[-1] not in self.lx.content_nouns \
                        and words[-1] not in self.lx.titles and not e.indefinite and e.etype == "person":
                    pos = before.rfind(f"{words[-2]} {words[-1]}")
                    if pos < 0:
                        continue
                    start = max(0, m.start() - 40) + pos  # `before` is a prefix of the 40 characters before
                    end = start + len(words[-2]) + 1 + len(words[-1])
                    e.name = self.text[start:end]
                    e.named = True
                    e.name_spans.append((start, end))
                    e.mentions.add((start, end))
                    e.mentions.add((m.start(), m.end()))
                    break

    def _roles_close(self, a: str, b: str) -> bool:
        a, b = self.canon_role(a), self.canon_role(b)
        ca, cb = content_tokens(a), content_tokens(b)
        return bool(ca) and bool(cb) and (ca <= cb or cb <= ca) and a.split()[0][:3] == b.split()[0][:3]

    def complete_names(self, finder) -> None:  # finder: Analysis.fuller_name
        """A surname-only person gets the fuller name (and appositive title) the text gives elsewhere."""
        for e in self.live():
            if not e.named or e.etype not in ("person", "unknown") or " " in e.name.strip() or len(e.name) < 3:
                continue
            found = finder(fold(e.name), set(e.mentions))
            if found is None:
                continue
            (a, b), title = found
            e.name = self.text[a:b]
            e.name_spans.append((a, b))
            e.mentions.add((a, b))
            e.etype = "person"
            if title is not None:
                e.mentions.add(title)
                if e.role is None:
                    e.role = self.text[title[0]:title[1]]

    def merge_into(self, src: Entity, dst: Entity) -> None:
        """Join `src` to `dst` (one person referred to in two ways)."""
        self._merge(src, dst)

    def _merge(self, src: Entity, dst: Entity) -> None:
        src.merged_into = dst
        dst.embedded = dst.embedded and src.embedded
        dst.mentions |= src.mentions
        if dst.role is None and src.role is not None:
            dst.role = src.role
        if self.last is src:
            self.last = dst

    def collect_mentions(self, used: set[int]) -> None:
        """Add every further occurrence of each used entity's name, surname and role in the text."""
        f = self.f
        taken = bytearray(len(f) + 1)  # characters already inside a mention
        for e in self.live():
            if e.idx in used:
                for a, b in e.mentions:
                    taken[a:b] = b"\x01" * (b - a)
        for e in self.live():
            if e.idx not in used:
                continue
            forms: set[str] = set()
            for s, t in e.name_spans:
                nm = strip_marks(f[s:t])
                forms.add(nm)
                if e.etype == "person" and " " in nm:
                    forms.add(nm.split()[-1])
            if e.named and e.etype != "group":
                forms.add(e.name)
                for alias, canon in self.lx.states.items():
                    if canon == e.name:
                        forms.add(alias)
            if e.role and e.etype == "person":
                forms.add(e.role)
            for form in sorted((fm for fm in forms if len(fm) >= 3), key=len, reverse=True):
                # a space or ZWNJ inside the form matches a space, a ZWNJ or nothing ("نیک‌پور" = "نیک پور")
                ff = "[ \u200c]?".join(re.escape(p) for p in re.split(r"[ \u200c]+", fold(form)) if p)
                for m in re.finditer(r"(?<![\w\u200c])" + ff + r"(?![\w\u200c])", f):
                    span = (m.start(), m.end())
                    if any(taken[span[0]:span[1]]):
                        continue
                    e.mentions.add(span)
                    taken[span[0]:span[1]] = b"\x01" * (span[1] - span[0])
