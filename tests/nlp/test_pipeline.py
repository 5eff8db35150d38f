"""The pipeline's own components give what spaCy's would, only faster."""

from __future__ import annotations

import json
import random

import pytest
from spacy.lang.en import English
from spacy.util import compile_prefix_regex

from compliance.nlp.pipeline import pipeline, social_prefixes
from tests.conftest import ROOT

CORPUS_TEXTS = [
    json.loads(line)["text"]
    for path in sorted((ROOT / "corpus").rglob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def reference():
    """spaCy's own English tokenizer (all special cases loaded up front) and sentencizer,
    with the same prefixes as ours ("#" kept with its word, emoji modifiers split off)."""
    nlp = English()
    nlp.tokenizer.prefix_search = compile_prefix_regex(social_prefixes(English.Defaults)).search
    nlp.add_pipe("sentencizer")
    return nlp


def tricky_texts() -> list[str]:
    keys = list(English.Defaults.tokenizer_exceptions)
    rng = random.Random(7)
    words = keys + ["the", "#ad", "(", ")", "!", "...", "@glow.co", "https://amzn.to/x", "don't", "a.m.", "😍", "\n"]
    return ["", " ", "!!!", "Hi. Bye", "...start", "end."] + [
        " ".join(rng.choice(words) for _ in range(25)) for _ in range(300)
    ]


@pytest.mark.parametrize("texts", [CORPUS_TEXTS, tricky_texts()], ids=["corpus", "exceptions"])
def test_tokens_and_sentences_match_spacy(reference, texts):
    ours = pipeline("en")
    for text in texts:
        mine, theirs = ours(text), reference(text)
        assert [t.text for t in mine] == [t.text for t in theirs], text
        assert [s.text for s in mine.sents] == [s.text for s in theirs.sents], text


def test_lazy_and_eager_special_cases_agree():
    """Past EAGER_AFTER texts the tokenizer loads every remaining case; nothing changes."""
    from compliance.nlp.tokenizer import EAGER_AFTER

    tokenizer = pipeline("en").tokenizer
    for _ in range(EAGER_AFTER + 1):
        tokenizer("warming up")
    assert not tokenizer.pending
    assert [t.text for t in tokenizer("I can't, it's 5 a.m. :)")] == ["I", "ca", "n't", ",", "it", "'s", "5", "a.m.", ":)"]


def test_hashtags_mentions_and_urls_stay_whole():
    doc = pipeline("en")("Love it #ad, (#ad) @glow.co https://amzn.to/3abc #a_d")
    assert [t.text for t in doc] == ["Love", "it", "#ad", ",", "(", "#ad", ")", "@glow.co", "https://amzn.to/3abc", "#a_d"]


@pytest.mark.parametrize("text", ["glow ☀️#ad", "love ❤️#ad", "yes 👍🏽#ad", "x ✨#ad"])
def test_emoji_modifiers_do_not_hide_a_hashtag(text):
    assert [t.text for t in pipeline("en")(text)][-1] == "#ad"


def test_lookup_lemmas():
    doc = pipeline("en")("She partnered with them and sent me these; I was paid.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["partnered"] == "partner"
    assert lemmas["sent"] == "send"
    assert lemmas["paid"] == "pay"
    assert lemmas["was"] == "be"


def test_pipeline_is_built_once():
    assert pipeline("en") is pipeline("en")


def test_unsupported_language():
    with pytest.raises(ValueError, match="no pipeline"):
        pipeline("xx")
