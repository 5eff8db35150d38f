"""The spaCy pipeline: a blank language with social-media-aware tokens, sentences and lemmas.

Built offline from spaCy's rule-based parts and the lookup tables of spacy-lookups-data, once
per process and language. The lemmatizer reads its table into a plain dict: spaCy's Lookups
loader costs several times more at start-up for the same result.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import json

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex

SUPPORTED_LANGUAGES = ("en",)


@functools.cache
def pipeline(language: str = "en") -> Language:
    """The shared pipeline for `language`, built on first use."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"no pipeline for language {language!r}")
    nlp = spacy.blank(language)
    # Keep hashtags whole ("#ad" is one token, not "#" + "ad"); @mentions and URLs already are.
    prefixes = [p for p in nlp.Defaults.prefixes if p != "#"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lookup_lemmas", config={"language": language})
    return nlp


@functools.cache
def lemma_table(language: str) -> dict[str, str]:
    data = importlib.resources.files("spacy_lookups_data") / "data" / f"{language}_lemma_lookup.json.gz"
    with gzip.open(data.open("rb"), "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    return table


class LookupLemmatizer:
    """Sets each token's lemma from a lookup table, by its exact form and then lower-cased."""

    def __init__(self, language: str) -> None:
        self.table = lemma_table(language)

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        for token in doc:
            text = token.text
            lemma = table.get(text)
            if lemma is None:
                lower = token.lower_
                lemma = table.get(lower, lower)
            token.lemma_ = lemma
        return doc


@Language.factory("lookup_lemmas", default_config={"language": "en"})
def make_lookup_lemmas(nlp: Language, name: str, language: str) -> LookupLemmatizer:
    return LookupLemmatizer(language)
