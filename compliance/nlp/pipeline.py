"""The spaCy pipeline: a blank language with social-media-aware tokens, sentences and lemmas.

Built offline from spaCy's rule-based parts and the lookup tables of spacy-lookups-data, once
per process and language.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import json

import numpy
from spacy.attrs import IS_PUNCT, LEMMA, ORTH, SENT_START
from spacy.lang.char_classes import ALPHA
from spacy.language import BaseDefaults, Language
from spacy.pipeline import Sentencizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, get_lang_class

from ..model import LANGUAGES
from .tokenizer import LazySpecialCases

SUPPORTED_LANGUAGES = LANGUAGES
# spaCy's Vietnamese tokenizer needs pyvi (scikit-learn and scipy, 236 MB) or splits on spaces
# only, leaving punctuation on words; the multi-language rule tokenizer splits syllables and
# punctuation as the other languages do (research/toolchain.md). Vietnamese does not inflect:
# no lemma table is needed.
SPACY_LANGUAGE = {"vi": "xx"}
ELISION = "'’"


# Invisible parts of emoji (variation selectors, skin tones) split off like punctuation, so
# "☀️#ad" gives "☀", "\ufe0f", "#ad" rather than hiding the hashtag in "\ufe0f#ad".
EMOJI_MODIFIERS = "[\ufe0e\ufe0f\U0001F3FB-\U0001F3FF]"


def social_prefixes(defaults: type) -> list[str]:
    """spaCy's prefixes, except that "#" is not one (hashtags stay whole: "#ad", not "#" +
    "ad"), plus emoji modifiers. @mentions and URLs are single tokens already."""
    return [p for p in defaults.prefixes if p != "#"] + [EMOJI_MODIFIERS]  # type: ignore[attr-defined]


def social_tokenizer(nlp: Language) -> LazySpecialCases:
    """The language's tokenization with social prefixes; special cases load lazily (tokenizer.py)."""
    defaults = nlp.Defaults
    prefixes = social_prefixes(defaults)
    tokenizer = Tokenizer(
        nlp.vocab,
        rules=None,
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes or []).search,
        infix_finditer=compile_infix_regex(defaults.infixes or []).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )
    return LazySpecialCases(tokenizer, defaults.tokenizer_exceptions)


class FrenchLiteDefaults(BaseDefaults):
    """French punctuation rules with elision ("l'été" -> "l'" + "été"), without spaCy's French
    tokenizer exceptions: importing those takes 4.5 s (a regex of every hyphenated French word),
    three times the rest of start-up, for words no disclosure or claim pattern needs."""

    infixes = [*(BaseDefaults.infixes or []), rf"(?<=[{ALPHA}][{ELISION}])(?=[{ALPHA}])"]


class FrenchLite(Language):
    lang = "fr"
    Defaults = FrenchLiteDefaults


MAX_TEXT_LENGTH = 10**9


@functools.cache
def pipeline(language: str = "en") -> Language:
    """The shared pipeline for `language`, built on first use."""
    return build_pipeline(language)


def build_pipeline(language: str = "en") -> Language:
    """A new pipeline for `language`, with a vocabulary of its own."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"no pipeline for language {language!r}")
    language_class = FrenchLite if language == "fr" else get_lang_class(SPACY_LANGUAGE.get(language, language))
    nlp = language_class(create_tokenizer=social_tokenizer)
    nlp.add_pipe("array_sentencizer")
    nlp.add_pipe("lookup_lemmas", config={"language": language})
    # spaCy refuses texts over 1,000,000 characters for the memory a parser would need; this
    # pipeline has none (its memory is linear in the text), so a long post is checked too.
    nlp.max_length = MAX_TEXT_LENGTH
    return nlp


@functools.cache
def lemma_table(language: str) -> dict[str, str | list[str]]:
    """The language's lemma lookup table; empty for a language without one (Vietnamese)."""
    data = importlib.resources.files("spacy_lookups_data") / "data" / f"{language}_lemma_lookup.json.gz"
    if not data.is_file():
        return {}
    with gzip.open(data.open("rb"), "rt", encoding="utf-8") as handle:
        table: dict[str, str | list[str]] = json.load(handle)
    return table


class LookupLemmatizer:
    """Sets each token's lemma from spaCy's lookup table: by its exact form, then lower-cased.

    The table is read into a plain dict (spaCy's Lookups loader costs several times more at
    start-up), and lemmas are written as one array, not token by token: creating a Python
    Token object per token costs more than the lookup itself.
    """

    def __init__(self, language: str) -> None:
        self.table: dict[str, str | list[str]] = lemma_table(language)
        self.by_orth: dict[int, int] = {}  # string hash of a form -> string hash of its lemma

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        by_orth = self.by_orth
        orths = doc.to_array(ORTH).tolist()
        lemmas = [by_orth.get(orth) or self._learn(doc, orth) for orth in orths]
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    def _learn(self, doc: Doc, orth: int) -> int:
        text = doc.vocab.strings[orth]
        lemma = self.table.get(text)
        if lemma is None:
            lower = text.lower()
            lemma = self.table.get(lower, lower)
        if isinstance(lemma, list):  # some tables (French) list several lemmas: the first is the usual one
            lemma = lemma[0]
        self.by_orth[orth] = lemma_hash = doc.vocab.strings.add(lemma)
        return lemma_hash


class ArraySentencizer:
    """spaCy's rule-based Sentencizer, decided on attribute arrays instead of Token objects.

    The rule is the same (a sentence starts at the first non-punctuation token after one of
    spaCy's sentence-final characters), but spaCy's own component builds a Python Token for
    every token, which costs more than the whole decision.
    """

    def __init__(self, vocab_strings: object) -> None:
        self.final = frozenset(vocab_strings.add(char) for char in Sentencizer.default_punct_chars)  # type: ignore[attr-defined]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        final = self.final
        starts = [-1] * len(doc)
        starts[0] = 1
        start, seen_final = 0, False
        for i, (orth, is_punct) in enumerate(doc.to_array([ORTH, IS_PUNCT]).tolist()):
            is_final = orth in final
            if seen_final and not is_punct and not is_final:
                starts[start] = 1
                start, seen_final = i, False
            elif is_final:
                seen_final = True
        starts[start] = 1
        doc.from_array([SENT_START], numpy.array(starts, dtype="int32").astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc


@Language.factory("array_sentencizer")
def make_array_sentencizer(nlp: Language, name: str) -> ArraySentencizer:
    return ArraySentencizer(nlp.vocab.strings)


@Language.factory("lookup_lemmas", default_config={"language": "en"})
def make_lookup_lemmas(nlp: Language, name: str, language: str) -> LookupLemmatizer:
    return LookupLemmatizer(language)
