"""Scoring of predicted `goftar/1` records against gold ones, exactly as SCHEMA.md's Scoring section says.

- Quotes: a predicted quote matches a gold quote when their overlap covers ≥ 30 % of the gold span's
  characters (lenient), ≥ 80 % (strict), or when both boundaries are equal after trimming white space
  and punctuation (exact). Each level is its own one-to-one matching, greedy by overlap (largest
  first; ties by gold, then predicted position).
- Entities: per article, gold and predicted speakers are paired one-to-one, greedily by affinity
  (2 if the normalised names are equal, + 1 per pair of overlapping non-pronoun mentions of ≥ 3
  characters); affinity 0 never pairs. Only entities that speak or are a source (the speaker of a
  quote or the source of a claim) take part: they are what the speaker score counts, and every
  quote's speaker is one of them.
- Attribution: of the gold quotes matched leniently, the share whose predicted speaker is the entity
  aligned to the gold speaker (both null is right). End-to-end F1 counts a quote right only when it
  is matched leniently and attributed right.
- Claims: lenient span matching (≥ 30 % of the gold span), P/R/F1.
- Dates: the span is matched like a lenient quote (≥ 30 % of the gold span, greedy one-to-one);
  value accuracy is the share of matched dates whose normalised Gregorian value is equal (the
  `gregorian` field, or the `jalali` field converted when `gregorian` is null; both null is equal).

Rejected items are ignored in both files. Records are paired by id; a gold record without a
prediction counts all its items as misses and is listed in `missing`. Counts are summed over
articles (micro averages).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .model import Claim, DateMention, Quote, Record, Span, Speaker

LENIENT = 0.3
STRICT = 0.8

#: pronouns that never make two entities the same (SCHEMA.md, Scoring)
PRONOUNS: tuple[str, ...] = ("وی", "او", "ایشان", "آنها", "آن‌ها", "آنان", "این", "آن")
_NAME_MAP = str.maketrans({"ي": "ی", "ك": "ک", "ة": "ه"})
_INVISIBLE = {"\u200c", "\u200d", "\u200e", "\u200f", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff"}


def normalize_name(name: str) -> str:
    """NFKC, ي→ی, ك→ک, ة→ه, no diacritics, no spaces or ZWNJ (SCHEMA.md's entity-name key)."""
    s = unicodedata.normalize("NFKC", name).translate(_NAME_MAP)
    return "".join(c for c in s if not (unicodedata.category(c) == "Mn" or c.isspace() or c in _INVISIBLE))


_PRONOUN_KEYS = frozenset(normalize_name(p) for p in PRONOUNS)


def is_pronoun(text: str) -> bool:
    return normalize_name(text) in _PRONOUN_KEYS


def _trim_char(c: str) -> bool:
    return c.isspace() or c in _INVISIBLE or unicodedata.category(c).startswith("P")


def trimmed(start: int, end: int, text: str) -> tuple[int, int]:
    """`(start, end)` moved inwards past white space and punctuation (`text` is the span's own text)."""
    i, j = 0, len(text)
    while i < j and _trim_char(text[i]):
        i += 1
    while j > i and _trim_char(text[j - 1]):
        j -= 1
    return start + i, start + j


def overlap(a: Span | Any, b: Span | Any) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


# ---------------------------------------------------------------------------------------- counting
@dataclass(slots=True)
class PRF:
    """Matched / predicted / gold counts with precision, recall and F1."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    @property
    def precision(self) -> float:
        if self.n_pred == 0:
            return 1.0 if self.n_gold == 0 else 0.0
        return self.tp / self.n_pred

    @property
    def recall(self) -> float:
        if self.n_gold == 0:
            return 1.0 if self.n_pred == 0 else 0.0
        return self.tp / self.n_gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "n_pred": self.n_pred, "n_gold": self.n_gold}


@dataclass(slots=True)
class Ratio:
    """A share (`right` of `total`); None when nothing was there to count."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        v = self.value
        return {"value": None if v is None else round(v, 4), "right": self.right, "total": self.total}


# ---------------------------------------------------------------------------------------- matching
def greedy_pairs(scores: Iterable[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one pairing `{gold index: pred index}` from (score, gold index, pred index) candidates,
    best score first (ties: lower gold index, then lower pred index); scores ≤ 0 never pair."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for score, gi, pi in sorted(scores, key=lambda t: (-t[0], t[1], t[2])):
        if score <= 0:
            break
        if gi in out or pi in used:
            continue
        out[gi] = pi
        used.add(pi)
    return out


def match_spans(gold: Sequence[Any], pred: Sequence[Any], min_cover: float) -> dict[int, int]:
    """Gold/pred spans paired one-to-one, greedy by overlap, when the overlap covers at least
    `min_cover` of the gold span's characters."""
    cands = []
    for gi, g in enumerate(gold):
        glen = g.end - g.start
        for pi, p in enumerate(pred):
            ov = overlap(g, p)
            if ov > 0 and glen > 0 and ov >= min_cover * glen - 1e-9:
                cands.append((ov, gi, pi))
    return greedy_pairs(cands)


def match_exact(gold: Sequence[Any], pred: Sequence[Any]) -> dict[int, int]:
    """Pairs whose trimmed boundaries are equal (one-to-one, in text order)."""
    pred_keys: dict[tuple[int, int], list[int]] = {}
    for pi, p in enumerate(pred):
        pred_keys.setdefault(trimmed(p.start, p.end, p.text), []).append(pi)
    cands = []
    for gi, g in enumerate(gold):
        for pi in pred_keys.get(trimmed(g.start, g.end, g.text), ()):
            cands.append((max(1, g.end - g.start), gi, pi))
    return greedy_pairs(cands)


def entity_affinity(g: Speaker, p: Speaker) -> int:
    a = 2 if normalize_name(g.name) and normalize_name(g.name) == normalize_name(p.name) else 0
    gm = [m for m in g.mentions if _counts(m)]
    pm = [m for m in p.mentions if _counts(m)]
    a += sum(1 for x in gm for y in pm if x.start < y.end and y.start < x.end)
    return a


def _counts(m: Span) -> bool:
    return len(m.text.strip()) >= 3 and not is_pronoun(m.text)


def align_entities(gold: Sequence[Speaker], pred: Sequence[Speaker]) -> dict[int, int]:
    return greedy_pairs((entity_affinity(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred))


def gregorian_value(d: DateMention) -> str | None:
    """The date's normalised Gregorian value: `gregorian`, else `jalali` converted, else None."""
    if d.gregorian:
        return d.gregorian
    if d.jalali:
        try:
            import jdatetime

            y, m, dd = (int(x) for x in d.jalali.split("-"))
            return jdatetime.date(y, m, dd).togregorian().isoformat()
        except (ValueError, TypeError):
            return None
    return None


# ---------------------------------------------------------------------------------------- records
def _live(items: Iterable[Any]) -> list[Any]:
    return [it for it in items if getattr(it, "status", None) != "rejected"]


def _live_speakers(rec: Record) -> list[Speaker]:
    return [s for s in rec.speakers if s.extra.get("status") != "rejected"]


def speaking_entities(rec: Record, quotes: list[Quote], claims: list[Claim]) -> list[Speaker]:
    """The entities that speak (a quote's speaker) or are a source (a claim's source), in record order."""
    used = {q.speaker for q in quotes} | {c.source for c in claims}
    return [s for s in _live_speakers(rec) if s.id in used]


@dataclass
class ArticleResult:
    """Scores and the concrete misses / false alarms of one article."""

    id: str
    missing: bool = False
    quotes: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in ("lenient", "strict", "exact")})
    attribution: Ratio = field(default_factory=Ratio)
    e2e: PRF = field(default_factory=PRF)
    speakers: PRF = field(default_factory=PRF)
    claims: PRF = field(default_factory=PRF)
    dates: PRF = field(default_factory=PRF)
    date_values: Ratio = field(default_factory=Ratio)
    #: layer -> list of {"type": "miss"|"false"|..., ...}
    errors: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def err(self, layer: str, **entry: Any) -> None:
        self.errors.setdefault(layer, []).append(entry)


def _name(rec: Record, sid: str | None) -> str | None:
    sp = rec.speaker(sid)
    return sp.name if sp else (None if sid is None else sid)


def score_article(gold: Record, pred: Record | None) -> ArticleResult:
    res = ArticleResult(gold.id, missing=pred is None)
    if pred is None:
        pred = Record(id=gold.id, text=gold.text)
    gq, pq = _live(gold.quotes), _live(pred.quotes)
    gc, pc = _live(gold.claims), _live(pred.claims)
    gd, pd = _live(gold.dates), _live(pred.dates)

    # quotes
    lenient = match_spans(gq, pq, LENIENT)
    res.quotes["lenient"].add(len(lenient), len(pq), len(gq))
    res.quotes["strict"].add(len(match_spans(gq, pq, STRICT)), len(pq), len(gq))
    exact = match_exact(gq, pq)
    res.quotes["exact"].add(len(exact), len(pq), len(gq))
    _span_errors(res, "quotes", gq, pq, lenient, exact)

    # entities
    gs, ps = speaking_entities(gold, gq, gc), speaking_entities(pred, pq, pc)
    ent = align_entities(gs, ps)
    res.speakers.add(len(ent), len(ps), len(gs))
    g2p = {gs[gi].id: ps[pi].id for gi, pi in ent.items()}
    for gi, g in enumerate(gs):
        if gi not in ent:
            res.err("speakers", type="miss", text=g.name)
    used = set(ent.values())
    for pi, p in enumerate(ps):
        if pi not in used:
            res.err("speakers", type="false", text=p.name)

    # attribution
    right = 0
    for gi, pi in sorted(lenient.items()):
        g, p = gq[gi], pq[pi]
        ok = p.speaker is None if g.speaker is None else (g2p.get(g.speaker) is not None
                                                           and g2p.get(g.speaker) == p.speaker)
        right += ok
        if not ok:
            res.err("attribution", type="wrong", text=g.text, gold=_name(gold, g.speaker),
                    pred=_name(pred, p.speaker), start=g.start)
    res.attribution.right += right
    res.attribution.total += len(lenient)
    res.e2e.add(right, len(pq), len(gq))

    # claims
    cm = match_spans(gc, pc, LENIENT)
    res.claims.add(len(cm), len(pc), len(gc))
    _span_errors(res, "claims", gc, pc, cm, None)

    # dates
    dm = match_spans(gd, pd, LENIENT)
    res.dates.add(len(dm), len(pd), len(gd))
    _span_errors(res, "dates", gd, pd, dm, None)
    for gi, pi in sorted(dm.items()):
        gv, pv = gregorian_value(gd[gi]), gregorian_value(pd[pi])
        res.date_values.total += 1
        if gv == pv:
            res.date_values.right += 1
        else:
            res.err("dates", type="value", text=gd[gi].text, gold=gv, pred=pv, start=gd[gi].start)
    for layer in res.errors.values():
        layer.sort(key=lambda e: (e.get("start", -1), e["type"]))
    return res


def _span_errors(res: ArticleResult, layer: str, gold: list[Any], pred: list[Any],
                 matched: dict[int, int], exact: dict[int, int] | None) -> None:
    for gi, g in enumerate(gold):
        if gi not in matched:
            res.err(layer, type="miss", text=g.text, start=g.start, end=g.end)
        elif exact is not None and gi not in exact:
            p = pred[matched[gi]]
            res.err(layer, type="boundary", text=g.text, pred=p.text, start=g.start, end=g.end)
    used = set(matched.values())
    for pi, p in enumerate(pred):
        if pi not in used:
            res.err(layer, type="false", text=p.text, start=p.start, end=p.end)


# ---------------------------------------------------------------------------------------- report
@dataclass
class EvalReport:
    """Micro-averaged scores over all gold articles, plus each article's result."""

    articles: list[ArticleResult] = field(default_factory=list)
    #: gold ids with no predicted record (scored as all misses)
    missing: list[str] = field(default_factory=list)
    #: predicted ids with no gold record (ignored)
    unmatched_pred: list[str] = field(default_factory=list)
    #: ids whose predicted text differs from the gold text (offsets cannot agree; scored anyway)
    text_mismatch: list[str] = field(default_factory=list)

    def _sum_prf(self, get: Callable[[ArticleResult], PRF]) -> PRF:
        out = PRF()
        for a in self.articles:
            x = get(a)
            out.add(x.tp, x.n_pred, x.n_gold)
        return out

    def _sum_ratio(self, get: Callable[[ArticleResult], Ratio]) -> Ratio:
        out = Ratio()
        for a in self.articles:
            x = get(a)
            out.right += x.right
            out.total += x.total
        return out

    def quotes(self, level: str) -> PRF:
        return self._sum_prf(lambda a: a.quotes[level])

    @property
    def attribution(self) -> Ratio:
        return self._sum_ratio(lambda a: a.attribution)

    @property
    def e2e(self) -> PRF:
        return self._sum_prf(lambda a: a.e2e)

    @property
    def speakers(self) -> PRF:
        return self._sum_prf(lambda a: a.speakers)

    @property
    def claims(self) -> PRF:
        return self._sum_prf(lambda a: a.claims)

    @property
    def dates(self) -> PRF:
        return self._sum_prf(lambda a: a.dates)

    @property
    def date_values(self) -> Ratio:
        return self._sum_ratio(lambda a: a.date_values)

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "articles": len(self.articles),
            "missing_predictions": list(self.missing),
            "unmatched_predictions": list(self.unmatched_pred),
            "text_mismatch": list(self.text_mismatch),
            "quotes": {lvl: self.quotes(lvl).to_dict() for lvl in ("lenient", "strict", "exact")},
            "attribution": {"accuracy": self.attribution.to_dict(), "e2e": self.e2e.to_dict()},
            "speakers": self.speakers.to_dict(),
            "claims": self.claims.to_dict(),
            "dates": {"span": self.dates.to_dict(), "value_accuracy": self.date_values.to_dict(),
                      "span_matching": "lenient (overlap >= 30% of the gold span), greedy one-to-one"},
        }
        if errors:
            d["errors"] = {a.id: a.errors for a in self.articles if a.errors}
        return d

    def table(self) -> str:
        rows: list[tuple[str, PRF | Ratio]] = [
            ("quotes lenient", self.quotes("lenient")),
            ("quotes strict", self.quotes("strict")),
            ("quotes exact", self.quotes("exact")),
            ("attribution accuracy", self.attribution),
            ("attribution end-to-end", self.e2e),
            ("speakers", self.speakers),
            ("claims (lenient)", self.claims),
            ("dates span (lenient)", self.dates),
            ("dates value accuracy", self.date_values),
        ]
        lines = [f"{'metric':<24}{'P':>8}{'R':>8}{'F1':>8}{'value':>8}   counts",
                 "-" * 72]
        for name, m in rows:
            if isinstance(m, PRF):
                lines.append(f"{name:<24}{m.precision:>8.3f}{m.recall:>8.3f}{m.f1:>8.3f}{'':>8}   "
                             f"tp={m.tp} pred={m.n_pred} gold={m.n_gold}")
            else:
                v = m.value
                vs = "–" if v is None else f"{v:.3f}"
                lines.append(f"{name:<24}{'':>8}{'':>8}{'':>8}{vs:>8}   {m.right}/{m.total}")
        lines.append(f"{len(self.articles)} gold article(s)")
        if self.missing:
            lines.append(f"no prediction for {len(self.missing)} article(s), scored as misses: "
                         + ", ".join(self.missing))
        if self.text_mismatch:
            lines.append(f"WARNING: the predicted text differs from the gold text in {len(self.text_mismatch)} "
                         "article(s): " + ", ".join(self.text_mismatch))
        if self.unmatched_pred:
            lines.append(f"{len(self.unmatched_pred)} predicted article(s) not in gold, ignored: "
                         + ", ".join(self.unmatched_pred))
        return "\n".join(lines)

    def errors(self) -> str:
        """Misses, false alarms, boundary and attribution errors with their text, per article."""
        out: list[str] = []
        for a in self.articles:
            if not a.errors:
                continue
            out.append(f"== {a.id}" + ("  (no prediction)" if a.missing else ""))
            for layer in ("quotes", "attribution", "speakers", "claims", "dates"):
                for e in a.errors.get(layer, ()):
                    out.append("  " + _format_error(layer, e))
        return "\n".join(out) if out else "no errors"


_LABEL = {"miss": "MISS ", "false": "FALSE", "boundary": "BOUND", "wrong": "WRONG", "value": "VALUE"}


def _short(s: str | None, n: int = 120) -> str:
    if s is None:
        return "null"
    s = s.replace("\n", "⏎")
    return s if len(s) <= n else s[: n - 1] + "…"


def _format_error(layer: str, e: dict[str, Any]) -> str:
    where = f"@{e['start']}" if "start" in e else ""
    head = f"{layer:<12}{_LABEL.get(e['type'], e['type'])} {where:<7}"
    if e["type"] == "boundary":
        return f"{head}gold «{_short(e['text'])}»  pred «{_short(e['pred'])}»"
    if e["type"] == "wrong":
        return f"{head}«{_short(e['text'], 80)}»  gold speaker {e['gold']} → pred {e['pred']}"
    if e["type"] == "value":
        return f"{head}«{_short(e['text'])}»  gold {e['gold']} → pred {e['pred']}"
    return f"{head}«{_short(e['text'])}»"


def evaluate(gold: Sequence[Record], pred: Sequence[Record]) -> EvalReport:
    """Score predicted records against gold ones (paired by id; see the module docstring)."""
    by_id: dict[str, Record] = {}
    for r in pred:
        by_id.setdefault(r.id, r)
    gold_ids = {g.id for g in gold}
    rep = EvalReport()
    for g in gold:
        p = by_id.get(g.id)
        if p is None:
            rep.missing.append(g.id)
        elif p.text != g.text:
            rep.text_mismatch.append(g.id)
        rep.articles.append(score_article(g, p))
    rep.unmatched_pred = [r.id for r in pred if r.id not in gold_ids]
    return rep
