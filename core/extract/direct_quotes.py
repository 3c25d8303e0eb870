"""Pairing of quotation marks per paragraph with a stack: «…», “…” and ASCII "…".

Unbalanced marks are not fatal: an opener left open at the paragraph end runs to the paragraph end (news
sites often put the closing » at the start of the next line), and a stray closer is ignored. Only the
outermost pair of a nest is returned as a candidate; inner pairs are listed as its children.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PAIRS = {"«": "»", "“": "”"}


@dataclass(slots=True)
class MarkPair:
    open: int            # offset of the opening mark
    close: int           # offset of the closing mark (or the paragraph end when unclosed)
    closed: bool
    children: list[MarkPair] = field(default_factory=list)

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.closed else self.close


def pair_marks(f: str, start: int, end: int) -> list[MarkPair]:
    """Top-level mark pairs of the paragraph [start, end) in text order."""
    top: list[MarkPair] = []
    stack: list[tuple[str, int, list[MarkPair]]] = []
    i = start
    while i < end:
        ch = f[i]
        if ch in PAIRS or (ch == '"' and not any(s[0] == '"' for s in stack)):
            stack.append((PAIRS.get(ch, '"'), i, []))
        elif (ch in "»”" or ch == '"') and stack:
            # close the innermost matching opener; openers above it are closed here too
            k = len(stack) - 1
            while k >= 0 and stack[k][0] != ch:
                k -= 1
            if k >= 0:
                while len(stack) > k:
                    closer, o, kids = stack.pop()
                    pair = MarkPair(o, i, closer == ch, kids)
                    (stack[-1][2] if stack else top).append(pair)
        i += 1
    while stack:  # unclosed at the paragraph end
        closer, o, kids = stack.pop()
        pair = MarkPair(o, end, False, kids)
        (stack[-1][2] if stack else top).append(pair)
    top.sort(key=lambda p: p.open)
    return top
