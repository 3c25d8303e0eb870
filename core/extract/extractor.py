"""`Extractor`: the rule- and lexicon-based suggestion pass over one record.

Stages (each in its own module): quote candidates (pipeline.Analysis runs posts, participles,
interviews, headlines, verb_quotes, prep_quotes, unused_marks), speaker resolution and clustering
(speakers.Registry), claims (claims.find_claims) and dates (dates.find_dates, from the dates helper). Matching runs on the
length-preserving fold of the text, so every offset is an offset into the verbatim text.
"""

from __future__ import annotations

import bisect
import copy
import logging
import re
from typing import Any

from ..model import Claim, DateMention, Quote, Record, Span, Speaker
from ..schema import check_record, errors_of, record_to_dict
from .candidates import Cand
from .claims import ACT_LEMMAS, ANNOUNCE_LEMMAS, NP_OBJECT_BEFORE, find_claims
from .lexicons import load
from .parts import build_parts
from .pipeline import Analysis
from .speakers import Entity, Registry
from .textspans import trim

log = logging.getLogger(__name__)

try:  # the dates helper writes this module; until it lands the extractor simply finds no dates
    from .dates import find_dates as _find_dates
except ImportError:  # pragma: no cover
    _find_dates = None


class Extractor:
    """Loads the lexicons once; `extract(record)` returns a copy with fresh auto suggestions."""

    def __init__(self) -> None:
        self.lx = load()
        self.parts = build_parts(self.lx)

    # ------------------------------------------------------------------ public API
    def extract(self, record: Record) -> Record:
        rec = copy.deepcopy(record)
        try:
            speakers, quotes, claims, dates = self._suggest(rec.text, rec.meta)
        except Exception:  # never crash on odd input: log and suggest nothing
            log.exception("extraction failed for %s", rec.id)
            speakers, quotes, claims, dates = [], [], [], []
        human_sp = [s for s in rec.speakers if s.origin != "auto"]
        human_q = [q for q in rec.quotes if q.origin != "auto"]
        human_c = [c for c in rec.claims if c.origin != "auto"]
        human_d = [d for d in rec.dates if d.origin != "auto"]
        speakers, quotes, claims, dates = _defer_to_human(speakers, quotes, claims, dates,
                                                          human_sp, human_q, human_c, human_d)
        used = {x.id for x in [*human_sp, *human_q, *human_c, *human_d]}
        remap = _renumber([("s", speakers), ("q", quotes), ("c", claims), ("d", dates)], used)
        for q in quotes:
            q.speaker = remap.get(q.speaker, q.speaker) if q.speaker else None
            q.addressee = remap.get(q.addressee, q.addressee) if q.addressee else None
        for c in claims:
            c.source = remap.get(c.source, c.source) if c.source else None
            c.quote = remap.get(c.quote, c.quote) if c.quote else None
        rec.speakers = human_sp + speakers
        rec.quotes = sorted(human_q + quotes, key=lambda q: (q.start, q.end))
        rec.claims = sorted(human_c + claims, key=lambda c: (c.start, c.end))
        rec.dates = sorted(human_d + dates, key=lambda d: (d.start, d.end))
        _drop_invalid_suggestions(rec)
        return rec

    def extract_text(self, text: str, id: str = "x", meta: dict[str, Any] | None = None) -> Record:
        return self.extract(Record(id=id, text=text, meta=meta))

    # ------------------------------------------------------------------ the pass
    def _suggest(self, text: str, meta: dict[str, Any] | None
                 ) -> tuple[list[Speaker], list[Quote], list[Claim], list[DateMention]]:
        an = Analysis(text, meta, self.parts)
        cands = an.run()
        reg = Registry(self.lx, text, an.f)
        reg.antecedent = an.antecedent
        reg.lead_end = an.lead_end()
        self._resolve(cands, reg, an)
        _headline_title_to_lead(cands, reg)
        reg.mark_anonymous()
        reg.complete_names(an.fuller_name)
        reg.merge_appositives()
        reg.merge_descriptions()
        used: dict[int, Entity] = {}
        for c in cands:
            if c.entity is not None:
                c.entity = c.entity.root()
                used[c.entity.idx] = c.entity
        # claims, before mentions are listed, so that own-voice sources could be added later
        quote_spans = [(c.start, c.end, c, c.entity) for c in cands]
        own = self._own_voice_sentences(an, cands)
        cue_starts = sorted({c.cue[0] for c in cands if c.cue} | {c.start for c in an.cues if not c.first_person})
        claim_cands = find_claims(an.f, own, quote_spans, cue_starts)
        reg.collect_mentions(set(used))
        # speakers in order of their first mention
        ents = sorted(used.values(), key=lambda e: min(e.mentions) if e.mentions else (10**9, 0))
        sid = {e.idx: f"s{i + 1}" for i, e in enumerate(ents)}
        speakers = []
        for e in ents:
            mentions = [Span.of(text, a, b) for a, b in sorted(e.mentions) if b > a]
            etype = e.etype
            words = e.name.split()
            if etype == "unknown" and e.named and 2 <= len(words) <= 4 and not e.name.isascii():
                etype = "person"  # a speaking two-to-four-word name the lexicons do not know is a person's
            speakers.append(Speaker(id=sid[e.idx], name=_clean_name(e.name), role=e.role if etype == "person"
                                    else None, type=etype,
                                    mentions=mentions, origin="auto"))
        quotes: list[Quote] = []
        qid: dict[int, str] = {}
        cands_sorted = sorted(_dedupe(cands), key=lambda c: (c.start, c.end))
        for i, c in enumerate(cands_sorted):
            qid[id(c)] = f"q{i + 1}"
            ent = c.entity
            mention = c.mention if (ent is not None and not c.speaker_mention_null) else None
            if mention is not None and mention not in ent.mentions:
                mention = None
            quotes.append(Quote(
                id=qid[id(c)], kind=c.kind, start=c.start, end=c.end, text=text[c.start:c.end],
                cue=Span.of(text, *c.cue) if c.cue else None,
                speaker=sid.get(ent.idx) if ent is not None else None,
                speaker_mention=Span.of(text, *mention) if mention else None,
                origin="auto", status="suggested", confidence=round(c.confidence, 2)))
        claims = []
        for k, cc in enumerate(claim_cands):
            q = cc.quote
            src = cc.source.root() if isinstance(cc.source, Entity) else None
            claims.append(Claim(id=f"c{k + 1}", start=cc.start, end=cc.end, text=text[cc.start:cc.end],
                                source=sid.get(src.idx) if src is not None and src.idx in sid else None,
                                quote=qid.get(id(q)) if q is not None else None,
                                origin="auto", status="suggested", confidence=round(cc.confidence, 2)))
        dates = self._dates(text, meta)
        return speakers, quotes, claims, dates

    def _resolve(self, cands: list[Cand], reg: Registry, an: Analysis) -> None:
        interviewee: Entity | None = None
        # a source inside another quote's span is reported by that quote's speaker ("وزیر گفت که شهرداری اعلام
        # کرده بود که …"): it does not become the antecedent of a later وی/او or dropped subject
        spans = sorted((c.start, c.end) for c in cands)
        starts = [a for a, _ in spans]
        runmax: list[int] = []
        for _, b in spans:
            runmax.append(max(b, runmax[-1]) if runmax else b)

        def nested(pos: int) -> bool:
            k = bisect.bisect_right(starts, pos) - 1
            return k >= 0 and runmax[k] > pos

        for c in cands:
            if c.mode == "null":
                continue
            saved = (reg.last, reg.last_single, reg.last_person)
            pos = c.np.head[0] if c.np is not None else c.cue[0] if c.cue is not None else None
            inner = c.mode != "last" and pos is not None and nested(pos)
            self._resolve_one(c, reg, an, interviewee)
            if c.mode == "interviewee":
                interviewee = c.entity if isinstance(c.entity, Entity) else interviewee
            if inner:
                reg.last, reg.last_single, reg.last_person = saved

    def _resolve_one(self, c: Cand, reg: Registry, an: Analysis, interviewee: Entity | None) -> None:
        if c.mode == "share" and c.share_with is not None:
            c.entity, c.mention = c.share_with.entity, c.share_with.mention
            reg.set_last(c.entity if isinstance(c.entity, Entity) else None)
            return
        if c.mode == "interviewee":
            if interviewee is None:
                interviewee = reg.last or next((e for e in reg.live() if e.etype == "person"), None)
            c.entity, c.mention = interviewee, None
            return
        if c.mode == "last" or c.np is None:
            c.entity, c.mention = reg.last, None
            if reg.last is None and c.cue is not None and c.kind != "direct":
                # a dropped subject with no speaker before it: the one asked or interviewed earlier, or the
                # subject of an earlier sentence
                prior = an.antecedent(c.cue[0])
                if prior is not None:
                    c.entity, _ = reg.resolve(prior)
            return
        c.entity, c.mention = reg.resolve(c.np, embedded=c.embedded)
        if c.entity is None:
            c.mention = None

    def _own_voice_sentences(self, an: Analysis, cands: list[Cand]) -> list[tuple[int, int]]:
        out = []
        used_cues = {c.cue for c in cands if c.cue is not None}
        # a legal act with a noun object ("دادگاه حکم را تأیید کرد", "به حکم اعتراض کرد") is an event, not speech
        # so is a past announcement of a noun-phrase object ("شرکت … افزایش صادرات را اعلام کرده بود"): the
        # background action, checkable, not a quote
        speech = [c for c in an.cues if (c.start, c.end) in used_cues
                  or not (c.lemma in ACT_LEMMAS or (c.lemma in ANNOUNCE_LEMMAS and not c.present and not c.passive
                                                    and NP_OBJECT_BEFORE.search(an.f, max(0, c.start - 40), c.start)))]
        speech_starts = [c.start for c in speech]
        cue_pos = sorted(speech_starts + [a for a, _, _ in an.preps])
        spans = sorted((c.start, c.end) for c in cands)
        starts = [a for a, _ in spans]
        runmax: list[int] = []
        for _, b in spans:
            runmax.append(max(b, runmax[-1]) if runmax else b)
        for s, e in an.sents:
            pi = an.para_index(s)
            if pi in an.embedded_paras or pi in an.answer_paras:
                continue
            k1 = bisect.bisect_left(starts, e)
            overl: list[tuple[int, int]] = []
            if k1 > 0 and runmax[k1 - 1] > s:
                k = k1 - 1
                while k >= 0 and runmax[k] > s and len(overl) < 50 and k1 - k < 200:
                    if spans[k][1] > s:
                        overl.append(spans[k])
                    k -= 1
            if overl:
                ci = bisect.bisect_left(cue_pos, s)
                first_cue = cue_pos[ci] if ci < len(cue_pos) and cue_pos[ci] < e else e
                head_end = min(min(a for a, _ in overl), first_cue)
                m = re.search(r"[ \u200c]+و[ \u200c]*$", an.f[s:head_end])
                if m and len(an.f[s:s + m.start()].split()) >= 5 and all(a >= head_end for a, _ in overl):
                    out.append(trim(an.f, s, s + m.start()))
                continue
            if bisect.bisect_left(cue_pos, e) > bisect.bisect_left(cue_pos, s):
                # a sentence with an attribution is a speech event; a relay of a plain fact stays a claim
                if not all(k == "conduit" for a, _, k in an.preps if s <= a < e) \
                        or bisect.bisect_left(speech_starts, e) > bisect.bisect_left(speech_starts, s):
                    continue
                comma = an.f.find("،", s, e)
                if comma > 0:
                    s = comma + 1
            if s < an.dateline_end < e:
                s = an.dateline_end  # "تهران (ایسنا) - …": the dateline is no part of the claim
            s, e = trim(an.f, s, e)
            if e > s:
                out.append((s, e))
        return out

    def _dates(self, text: str, meta: dict[str, Any] | None) -> list[DateMention]:
        if _find_dates is None:
            return []
        published = (meta or {}).get("published") if isinstance(meta, dict) else None
        try:
            found = list(_find_dates(text, published=published if isinstance(published, dict) else None))
        except Exception:  # a bug in the date finder must not cost the other layers
            log.exception("find_dates failed")
            return []
        found.sort(key=lambda d: (d.start, d.end))
        for i, d in enumerate(found):
            d.id = f"d{i + 1}"
            d.origin, d.status = "auto", "suggested"
        return found


def _headline_title_to_lead(cands: list[Cand], reg: Registry) -> None:
    """A headline by title only ("سرمربی استقلال: …") whose title the body never uses again is the person
    the lead quotes first by name, when that person has no other role (or is the guest of an interview)."""
    for h in cands:
        if not (h.embedded and h.cue is None and h.np is not None and h.np.kind == "title"
                and isinstance(h.entity, Entity)):
            continue
        e = h.entity.root()
        if e.named or e.etype != "person" or any(
                c is not h and isinstance(c.entity, Entity) and c.entity.root() is e for c in cands):
            continue
        nxt = next((c for c in cands if not c.embedded and c.start > h.end and isinstance(c.entity, Entity)), None)
        if nxt is None:
            continue
        o = nxt.entity.root()
        if o is not e and o.named and o.etype in ("person", "unknown") and (o.role is None or nxt.speaker_mention_null):
            reg.merge_into(e, o)
            o.etype = "person"


def _overlaps_any(item: Any, others: list) -> bool:
    return any(item.start < o.end and o.start < item.end for o in others)


def _defer_to_human(speakers: list[Speaker], quotes: list[Quote], claims: list[Claim], dates: list[DateMention],
                    human_sp: list[Speaker], human_q: list[Quote], human_c: list[Claim],
                    human_d: list[DateMention]) -> tuple[list, list, list, list]:
    """Drop suggestions where an analyst already annotated the same stretch of text.

    A human item wins over a suggestion it overlaps in its own layer (a second, overlapping
    direct quote would even make the record invalid); an auto speaker that shares a mention
    with a human speaker is that human entity, so its references move there.
    """
    if not (human_sp or human_q or human_c or human_d):
        return speakers, quotes, claims, dates
    same: dict[str, str] = {}
    for sp in speakers:
        for h in human_sp:
            if any(m.start < hm.end and hm.start < m.end for m in sp.mentions for hm in h.mentions):
                same[sp.id] = h.id
                break
    quotes = [q for q in quotes if not _overlaps_any(q, human_q)]
    claims = [c for c in claims if not _overlaps_any(c, human_c)]
    dates = [d for d in dates if not _overlaps_any(d, human_d)]
    kept_q = {q.id for q in quotes}
    for q in quotes:
        q.speaker = same.get(q.speaker, q.speaker) if q.speaker else None
        q.addressee = same.get(q.addressee, q.addressee) if q.addressee else None
        if q.speaker in {h.id for h in human_sp} and q.speaker_mention is not None:
            human = next(h for h in human_sp if h.id == q.speaker)
            if all(m.key() != q.speaker_mention.key() for m in human.mentions):
                q.speaker_mention = None
    for c in claims:
        c.source = same.get(c.source, c.source) if c.source else None
        if c.quote is not None and c.quote not in kept_q:
            c.quote = None
    used = {q.speaker for q in quotes} | {q.addressee for q in quotes} | {c.source for c in claims}
    speakers = [sp for sp in speakers if sp.id not in same and sp.id in used]
    return speakers, quotes, claims, dates


_ITEM_PATH = re.compile(r"^(?:speakers|quotes|claims|dates)\[([^\]]+)\]")


def _drop_invalid_suggestions(rec: Record) -> None:
    """The last guard of "always valid goftar/1": a suggestion the checker rejects is dropped.

    Rules misfire on odd text (noise, a name that cleans to nothing); losing one suggestion
    is better than an article that cannot be saved. Human items are never touched: if they are
    what is invalid, the input was, and the writer's error will say so.
    """
    for _ in range(8):
        errors = errors_of(check_record(record_to_dict(rec, validate=False)))
        bad = {m.group(1) for p in errors if (m := _ITEM_PATH.match(p.path))}
        bad = {i for i in bad if (found := rec.item(i)) is not None and found[1].origin == "auto"}
        if not bad:
            return
        log.warning("%s: dropped invalid suggestions %s (%s)", rec.id, sorted(bad), errors[0])
        for layer in ("speakers", "quotes", "claims", "dates"):
            setattr(rec, layer, [it for it in getattr(rec, layer) if it.id not in bad])
        for q in rec.quotes:
            if q.speaker in bad:
                q.speaker, q.speaker_mention = None, None
            if q.addressee in bad:
                q.addressee = None
        for c in rec.claims:
            c.source = None if c.source in bad else c.source
            c.quote = None if c.quote in bad else c.quote


def _clean_name(name: str) -> str:
    return name.strip("«»\"“” \u200c") or name


def _dedupe(cands: list[Cand]) -> list[Cand]:
    """Drop exact duplicates and direct quotes overlapping another direct quote (the schema forbids it)."""
    out: list[Cand] = []
    seen: set[tuple[int, int]] = set()
    directs: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-c.confidence, c.start)):
        if c.end <= c.start or (c.start, c.end) in seen:
            continue
        if c.kind == "direct" and any(d.start < c.end and c.start < d.end for d in directs[-50:]):
            continue
        seen.add((c.start, c.end))
        if c.kind == "direct":
            directs.append(c)
        out.append(c)
    return out


def _renumber(layers: list[tuple[str, list]], used: set[str]) -> dict[str, str]:
    """Give auto items ids in reading order that avoid the ids of kept human items."""
    remap: dict[str, str] = {}
    for prefix, items in layers:
        n = 1
        for it in items:
            while f"{prefix}{n}" in used:
                n += 1
            new = f"{prefix}{n}"
            remap[it.id] = new
            it.id = new
            used.add(new)
            n += 1
    return remap


_default: Extractor | None = None


def extract_text(text: str, id: str = "x", meta: dict[str, Any] | None = None) -> Record:
    """Convenience: extract with a process-wide Extractor."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract_text(text, id=id, meta=meta)
