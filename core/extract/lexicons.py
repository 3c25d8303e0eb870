"""The extractor's word lists, read once from `goftar.resources/lexicons/*.tsv`.

Every entry is folded (ي→ی, ك→ک, digits …) so that it matches `fold(text)`; see README.md in the
lexicon folder for the file formats.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib.resources import files

from .folding import fold


def _rows(name: str) -> list[list[str]]:
    """Non-comment, non-empty rows of a TSV lexicon, each cell folded and stripped."""
    raw = files("goftar.resources").joinpath("lexicons", name).read_text(encoding="utf-8")
    rows = []
    for line in raw.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([fold(c.strip()) for c in line.split("\t")])
    return rows


@dataclass(frozen=True, slots=True)
class VerbCue:
    past: str
    present: str
    kind: str


@dataclass(frozen=True, slots=True)
class CompoundCue:
    noun: str
    light_verbs: tuple[str, ...]
    kind: str


@dataclass(slots=True)
class Lexicons:
    verbs: list[VerbCue] = field(default_factory=list)
    compounds: list[CompoundCue] = field(default_factory=list)
    prep_cues: dict[str, str] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    honorifics: set[str] = field(default_factory=set)
    outlets: dict[str, str] = field(default_factory=dict)
    foreign_outlets: set[str] = field(default_factory=set)  # no Persian edition: never the publisher
    outlet_words: set[str] = field(default_factory=set)
    org_words: set[str] = field(default_factory=set)
    group_nouns: set[str] = field(default_factory=set)
    states: dict[str, str] = field(default_factory=dict)
    pronouns: dict[str, str] = field(default_factory=dict)
    first_names: set[str] = field(default_factory=set)
    content_nouns: set[str] = field(default_factory=set)
    common_nouns: set[str] = field(default_factory=set)
    title_words: set[str] = field(default_factory=set)
    institution_aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, canonical), longest first
    function_words: dict[str, str] = field(default_factory=dict)

    def fclass(self, word: str) -> str | None:
        return self.function_words.get(word)


@functools.cache
def load() -> Lexicons:
    """All lexicons (cached: loaded once per process)."""
    lx = Lexicons()
    for r in _rows("cue_verbs.tsv"):
        lx.verbs.append(VerbCue(r[0], r[1] if len(r) > 1 else "", r[2] if len(r) > 2 else "speech"))
    for r in _rows("cue_compounds.tsv"):
        lx.compounds.append(CompoundCue(r[0], tuple(v.strip() for v in r[1].split(",") if v.strip()),
                                        r[2] if len(r) > 2 else "speech"))
    lx.prep_cues = {r[0]: (r[1] if len(r) > 1 else "cue") for r in _rows("prep_cues.tsv")}
    lx.titles = {r[0] for r in _rows("titles.tsv")}
    lx.honorifics = {r[0] for r in _rows("honorifics.tsv")}
    rows = _rows("outlets.tsv")
    lx.outlets = {r[0]: (r[1] if len(r) > 1 else "-") for r in rows}
    lx.foreign_outlets = {r[0] for r in rows if len(r) > 2 and r[2] == "foreign"}
    lx.outlet_words = {r[0] for r in _rows("outlet_words.tsv")}
    lx.org_words = {r[0] for r in _rows("org_words.tsv")}
    lx.group_nouns = {r[0] for r in _rows("group_nouns.tsv")}
    for r in _rows("states.tsv"):
        lx.states[r[0]] = r[0]
        for alias in (r[1].split(",") if len(r) > 1 else []):
            if alias.strip():
                lx.states[alias.strip()] = r[0]
    lx.pronouns = {r[0]: (r[1] if len(r) > 1 else "3s") for r in _rows("pronouns.tsv")}
    lx.first_names = {r[0] for r in _rows("first_names.tsv")}
    lx.content_nouns = {r[0] for r in _rows("content_nouns.tsv")}
    lx.common_nouns = {r[0] for r in _rows("common_nouns.tsv")}
    lx.title_words = {r[0] for r in _rows("title_words.tsv")}
    pairs = [(a.strip(), r[0]) for r in _rows("institution_aliases.tsv") if len(r) > 1
             for a in r[1].split(",") if a.strip()]
    lx.institution_aliases = sorted(pairs, key=lambda p: -len(p[0]))
    lx.function_words = {r[0]: (r[1] if len(r) > 1 else "prep") for r in _rows("function_words.tsv")}
    return lx
