"""Speech-cue matching over the folded text: every tense and person of the cue verbs and light-verb
compounds of the lexicons, with or without ZWNJ/space (`می‌گوید`, `می گوید`, `میگوید`), never negated
(negated speech is not a quote) and never future (predicted speech is not a quote)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicons import Lexicons

S = "[\u200c ]?"  # optional joiner: ZWNJ, space or nothing
J = "[\u200c ]+"  # required gap between a noun and its light verb
PAST_END = "(?:م|ی|یم|ید|ند)?"
AUX = f"(?:{S}(?:است|ام|ای|ایم|اید|اند)|{S}بود(?:م|ی|یم|ید|ند)?)?"
SHOD = (f"(?:شده{S}(?:است|اند|بود(?:ند)?)|شده|شد(?:ند)?|می{S}شو(?:د|ند)|میشود|میشوند)")
LIGHT = {"کرد": "کن", "نمود": "نما", "داشت": "دار", "ساخت": "ساز", "داد": "ده", "شد": "شو", "برد": "بر",
         "زد": "زن", "ورزید": "ورز"}
BELIEF = f"(?:م|یم|ند|{S}(?:است|اند|ام|ایم|اید)| (?:هستند|هستیم|هستم|بوده{S}(?:است|اند)|بود(?:ند|م|یم)?))"
FUTURE_RE = re.compile(r"(?<![\w\u200c])(?:خواه(?:م|ی|د|یم|ید|ند)|نخواه\w*)[ \u200c]+$")
NOUN_DET_RE = re.compile(r"(?<!به )(?<!از )(?<!بر )(?<!با )(?<![\w\u200c])(?:این|آن|همین|همان|هر|چنین|یک)[ \u200c]+$")
LB = r"(?<![\w\u200c\u064B-\u065F])"
_SPACES = re.compile("[\u200c ]+")
RB = r"(?![\w\u064B-\u065F]|\u200c[\w])"


def _present(stem: str) -> str:
    if not stem:
        return ""
    ends = "(?:ی?م|ی?ی|ی?د|ی?یم|ی?ید|ی?ند)" if stem[-1] in "اوی" else "(?:م|ی|د|یم|ید|ند)"
    return f"می{S}{stem}{ends}"


def verb_forms(past: str, present: str) -> tuple[str, str]:
    """(active, passive) regex alternations for a verb with these stems."""
    active = [f"{past}ه{AUX}", f"می{S}{past}{PAST_END}", f"{past}{PAST_END}"]
    pres = _present(present)
    if pres:
        active.insert(0, pres)
    if present == "دار":
        active.insert(0, "دار(?:م|ی|د|یم|ید|ند)")  # داشتن has no می in the present: "تاکید دارد که …"
    passive = f"{past}ه{J}{SHOD}"
    return "|".join(active), passive


@dataclass(slots=True, frozen=True)
class Cue:
    start: int
    end: int
    kind: str          # speech | request | belief | characterize | question
    passive: bool      # agentless passive: speaker null
    first_person: bool
    present: bool
    lemma: str         # the lexicon entry (noun or past stem)


class CueMatcher:
    """One compiled regex for all cue families; `find(f)` lists the cues of a folded text."""

    def __init__(self, lx: Lexicons) -> None:
        parts: list[str] = []
        self._meta: list[tuple[str, bool, str]] = []
        entries: list[tuple[str, str, bool, str]] = []  # (pattern, kind, passive, lemma)
        starts: list[set[str]] = []  # the words each entry can begin with
        for v in lx.verbs:
            act, pas = verb_forms(v.past, v.present)
            entries.append((pas, v.kind, True, v.past))
            entries.append((act, v.kind, False, v.past))
            starts += [{v.past}, {v.past, "می"}]
        # longer nouns first so that "ابراز امیدواری" wins over "ابراز"
        for c in sorted(lx.compounds, key=lambda c: -len(c.noun)):
            noun = J.join(re.escape(w) for w in c.noun.split())
            for lv in c.light_verbs:
                n_before = len(entries)
                if lv == "است":
                    entries.append((f"{noun}{BELIEF}", c.kind, False, c.noun))
                elif lv.endswith("*"):
                    entries.append((f"{noun}{J}(?:{SHOD})", c.kind, True, c.noun))
                else:
                    act, _ = verb_forms(lv, LIGHT.get(lv, ""))
                    entries.append((f"{noun}{J}{lv}ه{J}{SHOD}", c.kind, True, c.noun))
                    entries.append((f"{noun}{J}(?:{act})", c.kind, False, c.noun))
                starts += [{_SPACES.sub(" ", c.noun.split()[0])}] * (len(entries) - n_before)
        for i, (pat, kind, passive, lemma) in enumerate(entries):
            parts.append(f"(?P<g{i}>{pat})")
            self._meta.append((kind, passive, lemma))
        self._nouns = {c.noun for c in lx.compounds}
        # a cheap pass finds the words a cue can start with; the full pattern is only tried there
        # (a multi-word noun anchors on its first two words: a bare "بر" or "ابراز" would fire everywhere)
        heads = {"می"} | {v.past for v in lx.verbs} | {c.noun.split()[0] for c in lx.compounds if " " not in c.noun}
        pats = sorted(map(re.escape, heads), key=len, reverse=True)
        pats += sorted({J.join(map(re.escape, c.noun.split()[:2])) for c in lx.compounds if " " in c.noun})
        self._anchor = re.compile(LB + "(?:" + "|".join(pats) + ")")
        self._re = re.compile(LB + "(?:" + "|".join(parts) + ")" + RB)
        # per anchor word, only the entries that can start there (trying the whole alternation at every
        # anchor costs most of the matching time); entry order, and so which entry wins, is kept
        keys = {_SPACES.sub(" ", h) for h in heads} | {" ".join(c.noun.split()[:2]) for c in lx.compounds
                                                       if " " in c.noun}
        self._by_key: dict[str, re.Pattern[str]] = {}
        for key in keys:
            idx = [i for i, st in enumerate(starts) if any(key.startswith(h) for h in st)]
            self._by_key[key] = re.compile("(?:" + "|".join(parts[i] for i in idx) + ")" + RB)

    def find(self, f: str) -> list[Cue]:
        out = []
        pos = 0
        for a in self._anchor.finditer(f):
            if a.start() < pos:
                continue
            rx = self._by_key.get(_SPACES.sub(" ", a.group()), self._re)
            m = rx.match(f, a.start())
            if m is None:
                continue
            pos = m.end()
            kind, passive, lemma = self._meta[int(m.lastgroup[1:])]
            t = m.group()
            if FUTURE_RE.search(f, max(0, m.start() - 12), m.start()):
                continue  # predicted speech (خواهد گفت) is not a quote
            if NOUN_DET_RE.search(f, max(0, m.start() - 12), m.start()) and lemma in self._nouns:
                continue  # "این عنوان شد": the noun of a compound cue used as a noun phrase
            first = t.endswith("م") and not t.endswith("نام")
            out.append(Cue(m.start(), m.end(), kind, passive, first, "می" in t[:len(t)], lemma))
        return out
