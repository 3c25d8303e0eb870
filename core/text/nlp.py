"""Lazy, thread-safe, build-once hazm tools.

`import hazm` costs ~0.5 s and `hazm.Normalizer()` ~1.5 s, so nothing here runs at import time:
each tool is built on first use, exactly once per process, even when a GUI worker thread and the
main thread ask at the same moment (a lock with double-checked access). Never call
`hazm.word_tokenize()` / `hazm.sent_tokenize()`: in hazm 0.12 they build a new tokenizer per call.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

_cache: dict[str, Any] = {}
# One lock per tool, so a worker thread building the Normalizer (~1.5 s) does not make the main
# thread wait for the Lemmatizer; `_locks_guard` only protects the creation of those locks.
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock_for(name: str) -> threading.Lock:
    with _locks_guard:
        lock = _locks.get(name)
        if lock is None:
            lock = _locks[name] = threading.Lock()
        return lock


def _get(name: str, build: Callable[[], Any]) -> Any:
    tool = _cache.get(name)  # fast path: no lock once built
    if tool is None:
        with _lock_for(name):
            tool = _cache.get(name)  # double-checked: another thread may have built it meanwhile
            if tool is None:
                tool = build()
                _cache[name] = tool
    return tool


def _hazm() -> Any:
    import hazm  # deliberately local: hazm is imported only when a tool is first needed

    return hazm


def normalizer() -> Any:
    """hazm.Normalizer with its default (full) settings."""
    return _get("normalizer", lambda: _hazm().Normalizer())


def word_tokenizer() -> Any:
    """hazm.WordTokenizer (joins verb parts such as «خواهد رفت»)."""
    return _get("word_tokenizer", lambda: _hazm().WordTokenizer())


def sentence_tokenizer() -> Any:
    return _get("sentence_tokenizer", lambda: _hazm().SentenceTokenizer())


def lemmatizer() -> Any:
    return _get("lemmatizer", lambda: _hazm().Lemmatizer())


def verbs() -> tuple[str, ...]:
    """hazm's verb list as 'past#present' stems (e.g. 'گفت#گو'), read once."""
    return _get("verbs", lambda: tuple(v for v in _hazm().verbs_list() if v))


_ALL: tuple[Callable[[], Any], ...] = (normalizer, word_tokenizer, sentence_tokenizer, lemmatizer, verbs)


def preload() -> None:
    """Build every tool now (the GUI calls this on a worker thread at start-up)."""
    for build in _ALL:
        build()


_NAMES: tuple[str, ...] = ("normalizer", "word_tokenizer", "sentence_tokenizer", "lemmatizer", "verbs")


def is_loaded() -> bool:
    """True when every tool has been built, so no call here will block on loading."""
    return all(name in _cache for name in _NAMES)
