"""The prefilter may let a pattern run for nothing, but must never skip a text it matches."""

from __future__ import annotations

import json
import random

import pytest
import regex

from compliance.prefilter import Prefilter, requirements, word_form
from compliance.rules.loader import builtin_names, load_rulesets
from tests.conftest import ROOT

PATTERNS = sorted({
    term
    for ruleset in load_rulesets([n for n in builtin_names() if n != "common"])
    for lexicon in ruleset.lexicons.values()
    if lexicon.match == "regex"
    for term in lexicon.terms
})


def texts() -> list[str]:
    corpus = [
        json.loads(line)["text"]
        for path in sorted((ROOT / "corpus").rglob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    examples = [
        post.text
        for ruleset in load_rulesets(["us-ftc"])
        for rule in ruleset.rules
        for post in (*rule.examples.bad, *rule.examples.good)
    ]
    # Shuffled words of the corpus: many near misses, some accidental hits.
    rng = random.Random(3)
    words = " ".join(corpus).split()
    shuffled = [" ".join(rng.choice(words) for _ in range(30)) for _ in range(500)]
    return corpus + examples + shuffled


@pytest.mark.parametrize("pattern", PATTERNS)
def test_never_skips_a_match(pattern):
    compiled = regex.compile(pattern)
    prefilter = Prefilter([requirements(pattern)])
    for text in texts():
        if compiled.search(text):
            assert prefilter.candidates(text) == [0], text


@pytest.mark.parametrize(
    ("pattern", "hit", "miss"),
    [
        (r"(?i)\bcode\b", "use CODE now", "a coder codes"),
        (r"(?i)\b(?:ad|sponsored)\b", "this is an #ad", "already made it"),
        (r"(?i)\bpartner(?:ed|ing)\s+with\b", "partnered with them", "partners in crime"),
        (r"(?i)\bthanks?(?:\s+you)?\s+@\w+", "thank you @x", "nothing to see"),
    ],
)
def test_filters_what_cannot_match(pattern, hit, miss):
    prefilter = Prefilter([requirements(pattern)])
    assert prefilter.candidates(hit) == [0]
    assert prefilter.candidates(miss) == []


def test_patterns_without_literals_always_run():
    assert requirements(r"\b[A-Z]{3,}\d+\b") is None
    assert Prefilter([None]).candidates("anything") == [0]


def test_regex_only_syntax_always_runs():
    assert requirements(r"\p{Lu}+ad") is None  # \p{…} is `regex` syntax the stdlib cannot parse


def test_word_form():
    assert word_form("Hi #Thanks!! isn't it") == " hi thanks isn t it "


def test_symbols_the_word_form_drops_are_required_in_the_raw_text():
    prefilter = Prefilter([requirements(r"\$[A-Z]{2,6}\b")])
    assert prefilter.candidates("get in on $MOON now") == [0]
    assert prefilter.candidates("no tickers here") == []


def test_fuzzy_patterns_are_not_filtered_on_their_braces():
    from compliance.prefilter import requirements

    assert requirements(r"(?i)\b(?:werbung){e<=1}\b") is None
    assert requirements(r"(?i)\bwerbung{1,2}\b") is not None  # an ordinary repeat still has needles
