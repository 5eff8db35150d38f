"""Compile a rule set's lexicons once, then find all their matches in a text in one pass.

Match kinds (the `match:` of a lexicon):
- `phrase`: token sequences, case-insensitive (spaCy PhraseMatcher on LOWER);
- `lemma`: token sequences compared by lemma, so "partnered with" also finds "partnering with";
- `regex`: `regex`-module patterns over the normalised text, run with a time budget;
- `url`: links whose host, path or query parameter matches (`amzn.to`, `amazon.*?tag`, `?irclickid`);
- `brand_hashtag`: hashtags made of a brand and a suffix (`#GlowCoPartner`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Iterable, Mapping
from urllib.parse import parse_qsl, urlsplit

import regex
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .nlp.normalise import normalise

MATCH_KINDS = ("phrase", "lemma", "regex", "url", "brand_hashtag")
REGEX_TIMEOUT_SECONDS = 1.0

URL = regex.compile(
    r"(?i)\b(?:https?://|www\.)[^\s<>\"'()\[\]]+"
    r"|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>\"'()\[\]]*"
)
_TRAILING_PUNCT = ".,;:!?…"
_NON_ALNUM = regex.compile(r"[\W_]+")


class PatternTimeout(RuntimeError):
    def __init__(self, lexicon: str, pattern: str) -> None:
        super().__init__(f"pattern {pattern!r} of lexicon '{lexicon}' ran out of time")
        self.lexicon = lexicon


@dataclass(frozen=True)
class LexiconSpec:
    """What the matcher needs of a lexicon (the rule-set schema holds the rest)."""

    name: str
    match: str
    terms: tuple[str, ...]
    include: tuple[str, ...] = ()


@dataclass(frozen=True)
class UrlTerm:
    host: str | None  # "amzn.to", "amazon.*", "*.sjv.io"
    path: str | None
    param: str | None

    @classmethod
    def parse(cls, term: str) -> "UrlTerm":
        rest, _, param = term.partition("?")
        host, slash, path = rest.partition("/")
        return cls(host.lower() or None, ("/" + path) if slash else None, param.rstrip("=").lower() or None)

    def matches(self, host: str, path: str, params: frozenset[str]) -> bool:
        if self.param is not None and self.param not in params:
            return False
        if self.path is not None and not path.lower().startswith(self.path.lower()):
            return False
        return self.host is None or _host_matches(self.host, host)


def _host_matches(pattern: str, host: str) -> bool:
    if pattern.endswith(".*"):  # any public suffix: amazon.com, amazon.co.uk
        stem = pattern[:-2]
        return regex.search(rf"(?:^|\.){regex.escape(stem)}\.[a-z]{{2,}}(?:\.[a-z]{{2,}})?$", host) is not None
    stem = pattern[2:] if pattern.startswith("*.") else pattern
    return host == stem or host.endswith("." + stem)


class CompiledLexicons:
    """All lexicons of one rule set, compiled for one pipeline."""

    def __init__(self, lexicons: Iterable[LexiconSpec], nlp: Language) -> None:
        self.specs = {spec.name: spec for spec in lexicons}
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.patterns: list[tuple[str, regex.Pattern[str]]] = []
        self.url_terms: list[tuple[str, UrlTerm]] = []
        self.hashtag_suffixes: list[tuple[str, str]] = []
        for spec in self.specs.values():
            terms = [normalise(term).text for term in spec.terms]
            if spec.match == "phrase" and terms:
                self.by_lower.add(spec.name, list(nlp.tokenizer.pipe(terms)))
            elif spec.match == "lemma" and terms:
                self.by_lemma.add(spec.name, list(nlp.pipe(terms)))
            elif spec.match == "regex":
                self.patterns += [(spec.name, regex.compile(term)) for term in terms]
            elif spec.match == "url":
                self.url_terms += [(spec.name, UrlTerm.parse(term)) for term in terms]
            elif spec.match == "brand_hashtag":
                self.hashtag_suffixes += [(spec.name, _NON_ALNUM.sub("", term.lower())) for term in terms]
        self.includes = {name: self._expand(name, ()) for name in self.specs}

    def _expand(self, name: str, seen: tuple[str, ...]) -> tuple[str, ...]:
        """The lexicon itself and every lexicon it includes, transitively."""
        if name in seen:
            return ()
        spec = self.specs[name]
        nested = (self._expand(child, seen + (name,)) for child in spec.include if child in self.specs)
        return tuple(dict.fromkeys(itertools.chain((name,), *nested)))

    def match(self, text: str, doc: Doc, brands: Iterable[str] = ()) -> dict[str, list[tuple[int, int]]]:
        """Character spans (in `text`, the normalised text of `doc`) of every lexicon, by name."""
        found: dict[str, list[tuple[int, int]]] = {}
        vocab_strings = doc.vocab.strings
        for matcher in (self.by_lower, self.by_lemma):
            if len(matcher):
                for match_id, start, end in matcher(doc):
                    span = doc[start:end]
                    found.setdefault(vocab_strings[match_id], []).append((span.start_char, span.end_char))
        for name, pattern in self.patterns:
            try:
                for m in pattern.finditer(text, timeout=REGEX_TIMEOUT_SECONDS):
                    if m.end() > m.start():
                        found.setdefault(name, []).append(m.span())
            except TimeoutError:
                raise PatternTimeout(name, pattern.pattern) from None
        if self.url_terms:
            self._match_urls(text, found)
        if self.hashtag_suffixes:
            self._match_brand_hashtags(doc, brands, found)
        return self._with_includes(found)

    def _match_urls(self, text: str, found: dict[str, list[tuple[int, int]]]) -> None:
        for m in URL.finditer(text):
            url = m.group().rstrip(_TRAILING_PUNCT)
            parts = urlsplit(url if "://" in url else "http://" + url)
            host = (parts.hostname or "").lower()
            params = frozenset(key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True))
            for name, term in self.url_terms:
                if term.matches(host, parts.path, params):
                    found.setdefault(name, []).append((m.start(), m.start() + len(url)))

    def _match_brand_hashtags(self, doc: Doc, brands: Iterable[str], found: dict[str, list[tuple[int, int]]]) -> None:
        known = {_NON_ALNUM.sub("", variant) for brand in brands for variant in _brand_variants(brand)} - {""}
        for token in doc:
            if not token.text.startswith("#"):
                continue
            tag = _NON_ALNUM.sub("", token.lower_)
            for name, suffix in self.hashtag_suffixes:
                head = tag[: -len(suffix)] if tag.endswith(suffix) else ""
                # "#GlowCoPartner": the head must be a known brand, or, when none is known,
                # a CamelCase word (so "#lifepartner" or "#workoutpartner" never count).
                if head and (head in known or (not known and _camel_suffix(token.text, suffix))):
                    found.setdefault(name, []).append((token.idx, token.idx + len(token.text)))

    def _with_includes(self, found: Mapping[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
        result: dict[str, list[tuple[int, int]]] = {}
        for name, members in self.includes.items():
            spans = sorted({span for member in members for span in found.get(member, ())})
            if spans:
                result[name] = spans
        return result


def _brand_variants(brand: str) -> tuple[str, ...]:
    """How a brand name may be written in a hashtag: "Crumb & Co" as crumbco or crumbandco."""
    lower = brand.lower()
    return (lower, lower.replace("&", "and").replace("+", "and"))


def _camel_suffix(hashtag: str, suffix: str) -> bool:
    tail = hashtag[-len(suffix):]
    head = hashtag[1 : -len(suffix)].strip("_")
    return tail[:1].isupper() and head[:1].isupper() and not hashtag.isupper()
