"""Word steps of a span's edges (the keyboard's [ ] ; ' and a dragged edge), on Persian text with ZWNJ."""

from __future__ import annotations

import pytest

from goftar.core.text.word_steps import WordSteps

TEXT = "او گفت که این سفر در ۲۳ شهریور انجام می‌شود."


def cut(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


@pytest.mark.parametrize(("span", "edge", "step", "expected"), [
    ("سفر در ۲۳", "start", -1, "این سفر در ۲۳"),
    ("سفر در ۲۳", "start", 1, "در ۲۳"),
    ("سفر در ۲۳", "end", -1, "سفر در"),
    ("سفر در ۲۳", "end", 1, "سفر در ۲۳ شهریور"),
    ("انجام", "end", 1, "انجام می‌شود"),          # the ZWNJ-joined verb is one word
    ("سفر", "start", 1, "سفر"),                  # would empty the span: unchanged
    ("سفر", "end", -1, "سفر"),
    ("او", "start", -1, "او"),                   # nothing before the first word
])
def test_nudge_moves_one_word(span: str, edge: str, step: int, expected: str) -> None:
    start, end = WordSteps(TEXT).nudge(*cut(span), edge, step)
    assert TEXT[start:end] == expected


def test_nudge_past_the_last_word_keeps_the_end() -> None:
    steps = WordSteps(TEXT)
    start, end = cut("می‌شود.")
    assert steps.nudge(start, end, "end", 1) == (start, end)


@pytest.mark.parametrize(("start_in", "end_in", "edge", "expected"), [
    # a start dragged into the middle of «سفر» lands on its first letter
    (TEXT.index("سفر") + 1, cut("سفر در ۲۳")[1], "start", "سفر در ۲۳"),
    # an end dragged into the middle of «شهریور» lands after its last letter
    (cut("سفر")[0], TEXT.index("شهریور") + 2, "end", "سفر در ۲۳ شهریور"),
    # an end dragged into «می‌شود» takes the whole ZWNJ-joined word
    (cut("انجام")[0], TEXT.index("می‌شود") + 2, "end", "انجام می‌شود"),
])
def test_snap_edge_takes_the_whole_word(start_in: int, end_in: int, edge: str, expected: str) -> None:
    start, end = WordSteps(TEXT).snap_edge(start_in, end_in, edge)
    assert TEXT[start:end] == expected
