"""hazm tools are built lazily, once, and shared between threads."""

from __future__ import annotations

import threading

import pytest

from goftar.core.text import nlp


@pytest.mark.parametrize("factory", [nlp.normalizer, nlp.word_tokenizer, nlp.sentence_tokenizer, nlp.lemmatizer, nlp.verbs])
def test_each_tool_is_built_once(factory) -> None:
    assert factory() is factory()


def test_threads_get_the_same_instance() -> None:
    results: list[object] = []

    def work() -> None:
        results.append(nlp.lemmatizer())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r is results[0] for r in results)


def test_preload_loads_everything() -> None:
    nlp.preload()
    assert nlp.is_loaded()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("او می گوید", "او می\u200cگوید"),
        ("كتاب", "کتاب"),
    ],
)
def test_normalizer_is_hazms(text: str, expected: str) -> None:
    assert nlp.normalizer().normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("او به خانه رفت.", ["او", "به", "خانه", "رفت", "."]),
        ("کتاب‌ها را خواندم", ["کتاب‌ها", "را", "خواندم"]),
    ],
)
def test_word_tokenizer(text: str, expected: list[str]) -> None:
    assert nlp.word_tokenizer().tokenize(text) == expected


@pytest.mark.parametrize(("word", "lemma"), [("کتاب‌ها", "کتاب"), ("گفت", "گفت#گو")])
def test_lemmatizer(word: str, lemma: str) -> None:
    assert nlp.lemmatizer().lemmatize(word) == lemma


def test_verbs_are_stem_pairs() -> None:
    verbs = nlp.verbs()
    assert "گفت#گو" in verbs and all("#" in v for v in verbs)


def test_importing_the_text_layer_loads_nothing() -> None:
    # A fresh interpreter: importing goftar.core.text must not import hazm (0.5 s) or build a tool.
    import subprocess
    import sys

    code = "import sys, goftar.core.text as t; from goftar.core.text import nlp; print(nlp.is_loaded(), 'hazm' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_concurrent_first_use_builds_once() -> None:
    # the real double-checked path, with a slow builder that counts its calls
    import time

    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        time.sleep(0.05)
        return object()

    barrier = threading.Barrier(6)
    results: list[object] = []

    def work() -> None:
        barrier.wait()
        results.append(nlp._get("test-slow-tool", build))

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len(results) == 6 and all(r is results[0] for r in results)
