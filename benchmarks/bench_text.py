"""Text-layer throughput on the sample article: fold, segmentation, hazm normalisation + alignment.

Prints one JSON object per figure (medians of several runs): milliseconds per article and articles
per second on one core, after hazm has been loaded (load time reported separately).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from goftar.core.text import nlp
from goftar.core.text.alignment import AlignedText, align_normalized
from goftar.core.text.fold import fold
from goftar.core.text.segment import paragraphs, sentences, tokens
from goftar.core.text.snap import char_span
from goftar.core.text.utf16 import Utf16Map

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "belarus-iran-minsk.txt"


def emit(metric: str, value: float, unit: str) -> None:
    print(json.dumps({"benchmark": "text", "metric": metric, "value": round(value, 4), "unit": unit}), flush=True)


def per_article_ms(fn: Callable[[], object], *, repeats: int = 7, budget_s: float = 0.3) -> float:
    """Median over `repeats` runs of the mean time per call, each run lasting about `budget_s`."""
    fn()  # warm up (caches, regex compilation)
    t0 = time.perf_counter()
    fn()
    once = max(time.perf_counter() - t0, 1e-7)
    loops = max(1, int(budget_s / once))
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(loops):
            fn()
        runs.append((time.perf_counter() - t0) / loops)
    return statistics.median(runs) * 1000


def main() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    emit("sample_chars", len(text), "chars")

    t0 = time.perf_counter()
    nlp.preload()
    emit("hazm_load_s", time.perf_counter() - t0, "s")

    normalized = align_normalized(text).normalized
    emit("normalized_chars", len(normalized), "chars")

    def segment() -> None:
        paragraphs(text)
        sentences(text)
        tokens(text)

    figures: dict[str, Callable[[], object]] = {
        "fold": lambda: fold(text),
        "segment": segment,
        "sentences": lambda: sentences(text),
        "tokens": lambda: tokens(text),
        "hazm_normalize": lambda: nlp.normalizer().normalize(text),
        "align_only": lambda: AlignedText.align(text, normalized),
        "align_normalized": lambda: align_normalized(text),
        "utf16_map": lambda: Utf16Map(text),
    }
    for name, fn in figures.items():
        ms = per_article_ms(fn)
        emit(f"{name}_ms_per_article", ms, "ms")
        emit(f"{name}_articles_per_s", 1000 / ms, "articles/s")

    # char_span on a warm token cache, as the GUI calls it for each selection of one article
    spans = [(i, i + 40) for i in range(0, len(text) - 40, 97)]
    ms = per_article_ms(lambda: [char_span(text, s, e, "expand") for s, e in spans])
    emit("char_span_expand_us_per_call", ms * 1000 / len(spans), "us")


if __name__ == "__main__":
    main()
