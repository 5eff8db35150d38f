"""Compile a rule set's lexicons once, then find their matches in each text.

Match kinds (the `match:` of a lexicon):
- `phrase`: token sequences, case-insensitive (spaCy PhraseMatcher on LOWER);
- `lemma`: token sequences compared by lemma, so "partnered with" also finds "partnering with";
- `regex`: `regex`-module patterns over the normalised text, run with a time budget;
- `url`: links whose host, path or query parameter matches (`amzn.to`, `amazon.*?tag`, `?irclickid`);
- `brand_hashtag`: hashtags made of a brand and a suffix (`#GlowCoPartner`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import parse_qsl, urlsplit

import regex
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .nlp.normalise import normalise
from .prefilter import Prefilter, parse, requirements

MATCH_KINDS = ("phrase", "lemma", "regex", "url", "brand_hashtag")
REGEX_TIMEOUT_SECONDS = 1.0

# Links, with or without a scheme ("amzn.to/3abc"). Their characters are word characters and
# URL punctuation: an emoji typed right after a link is not part of it.
_URL_CHAR = r"[\w\-./?=&%#:~+@!$,;*]"
URL_SOURCE = rf"\b(?:https?://|www\.){_URL_CHAR}+|\b(?:[a-z0-9-]+\.)+[a-z]{{2,}}/{_URL_CHAR}*"
URL = re.compile(URL_SOURCE, re.IGNORECASE)
_TRAILING_PUNCT = ".,;:!?…"
Matches = dict[str, list[tuple[int, int]]]  # lexicon name -> character spans
_NON_ALNUM = re.compile(r"[\W_]+")
_HASHTAG = re.compile(r"#\w+")
MENTION = re.compile(r"@\w+")


class PatternFailure(RuntimeError):
    """A rule-set pattern that could not run on a text: it timed out, or does not compile."""

    def __init__(self, lexicon: str, pattern: str, problem: str) -> None:
        super().__init__(f"pattern {pattern!r} of lexicon '{lexicon}' {problem}")
        self.lexicon = lexicon


def pattern_error(pattern: str) -> str | None:
    """Why a pattern is not a valid `regex` expression, or None.

    The standard library's parser answers in a fraction of the time the `regex` module takes
    to compile; only what it rejects (syntax of the `regex` module alone, or a real mistake)
    is handed to the `regex` compiler for the verdict.
    """
    if parse(pattern) is not None:
        return None
    try:
        regex.compile(pattern)
        return None
    except regex.error as exc:
        return str(exc)


@dataclass(frozen=True)
class LexiconSpec:
    """What the matcher needs of a lexicon (the rule-set schema holds the rest)."""

    name: str
    match: str
    terms: tuple[str, ...]
    include: tuple[str, ...] = ()


@dataclass(frozen=True)
class UrlTerm:
    """`host[/path][?param]`: host is exact (`amzn.to`, also matching subdomains), any public
    suffix (`amazon.*`), or any subdomain (`*.sjv.io`); each part is optional."""

    host: str | None
    path: str | None
    param: str | None

    @classmethod
    def parse(cls, term: str) -> "UrlTerm":
        rest, _, param = term.partition("?")
        host, slash, path = rest.partition("/")
        host = host.lower().removeprefix("*.")
        return cls(host or None, ("/" + path).lower() if slash else None, param.rstrip("=").lower() or None)

    @property
    def key(self) -> str:
        """What a URL's host is looked up by: the host, or for `amazon.*` the label `amazon`."""
        return (self.host or "").removesuffix(".*")

    def matches(self, host: str, path: str, params: frozenset[str]) -> bool:
        if self.param is not None and self.param not in params:
            return False
        if self.path is not None and not path.lower().startswith(self.path):
            return False
        if self.host is None or not self.host.endswith(".*"):
            return True  # the index already matched the host
        return re.search(rf"(?:^|\.){re.escape(self.key)}\.{_PUBLIC_SUFFIX}$", host) is not None


# A top-level domain, or a country's second level (co.uk, com.au, co.jp): amazon.co.uk is
# Amazon, amazon.evil.io is not.
_PUBLIC_SUFFIX = r"(?:[a-z]{2,}|(?:co|com|ne|net|or|org|ac|gov|edu)\.[a-z]{2})"


def _host_keys(host: str) -> list[str]:
    """Every key a host can be indexed under: itself, its parent domains and its labels."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))] + labels[:-1]


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    host: str
    path: str
    params: frozenset[str]


@dataclass(frozen=True)
class Scan:
    """What one text offers the matchers: the regex patterns that may match it (prefilter),
    its links and its hashtags."""

    text: str
    candidates: list[int]
    links: list[Link]
    hashtags: list[tuple[int, int, str]]


class CompiledLexicons:
    """All lexicons of one rule set, compiled for one pipeline.

    Matching comes in two parts. `first` names the lexicons that decide whether a post needs
    looking at all (those that show or deny a material connection, with all they include);
    the rest matter only when it does, so most organic posts never pay for them.
    """

    def __init__(self, lexicons: Iterable[LexiconSpec], nlp: Language, first: Iterable[str] = ()) -> None:
        self.specs = {spec.name: spec for spec in lexicons}
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.patterns: list[tuple[str, str]] = []
        self._compiled: dict[int, regex.Pattern[str]] = {}  # compiled on first use: most never run
        self.url_terms: dict[str, list[tuple[str, UrlTerm]]] = {}  # by host key; "" for any host
        self.hashtag_suffixes: list[tuple[str, str]] = []
        for spec in self.specs.values():
            terms = [normalise(term).text for term in spec.terms]
            if spec.match == "phrase" and terms:
                self.by_lower.add(spec.name, [nlp.make_doc(term) for term in terms])
            elif spec.match == "lemma" and terms:
                self.by_lemma.add(spec.name, list(nlp.pipe(terms)))
            elif spec.match == "regex":
                self.patterns += [(spec.name, term) for term in terms]
            elif spec.match == "url":
                for term in map(UrlTerm.parse, terms):
                    self.url_terms.setdefault(term.key, []).append((spec.name, term))
            elif spec.match == "brand_hashtag":
                self.hashtag_suffixes += [(spec.name, _NON_ALNUM.sub("", term.lower())) for term in terms]
        self.included_in: dict[str, list[str]] = {}  # lexicon -> every lexicon that includes it
        for name in self.specs:
            for member in self._expand(name, ()):
                self.included_in.setdefault(member, []).append(name)
        self.prefilter = Prefilter([requirements(pattern) for _, pattern in self.patterns])
        self.first = frozenset(member for name in first if name in self.specs for member in self._expand(name, ()))

    def _expand(self, name: str, seen: tuple[str, ...]) -> tuple[str, ...]:
        """The lexicon itself and every lexicon it includes, transitively."""
        if name in seen:
            return ()
        spec = self.specs[name]
        nested = (self._expand(child, seen + (name,)) for child in spec.include if child in self.specs)
        return tuple(dict.fromkeys(itertools.chain((name,), *nested)))

    def scan(self, text: str) -> Scan:
        """What `text` offers the matchers, found once for both parts of the matching."""
        links = []
        if self.url_terms and ("/" in text or "www." in text.lower()):
            for m in URL.finditer(text):
                url = m.group().rstrip(_TRAILING_PUNCT)
                parts = urlsplit(url if "://" in url else "http://" + url)
                params = frozenset(key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True))
                links.append(Link(m.start(), m.start() + len(url), (parts.hostname or "").lower(), parts.path, params))
        hashtags = [(m.start(), m.end(), m.group()) for m in _HASHTAG.finditer(text)] if self.hashtag_suffixes else []
        return Scan(text, self.prefilter.candidates(text), links, hashtags)

    def match(self, scan: Scan, doc: Doc, brands: Iterable[str] = (), part: str = "all") -> Matches:
        """Character spans, by lexicon, of the lexicons of `part` ("first", "rest" or "all") in
        the scanned text, the normalised text of `doc`; without includes (see `with_includes`)."""
        wanted = self._wanted(part)
        found: Matches = {}
        if part != "rest":  # one C call finds every phrase lexicon: cheaper than telling them apart
            vocab_strings = doc.vocab.strings
            for matcher in (self.by_lower, self.by_lemma):
                if len(matcher):
                    for match_id, start, end in matcher(doc):
                        last = doc[end - 1]
                        found.setdefault(vocab_strings[match_id], []).append((doc[start].idx, last.idx + len(last)))
        for index in scan.candidates:
            name = self.patterns[index][0]
            if not wanted(name):
                continue
            pattern = self._pattern(index)
            try:
                for m in pattern.finditer(scan.text, timeout=REGEX_TIMEOUT_SECONDS):
                    if m.end() > m.start():
                        found.setdefault(name, []).append(m.span())
            except TimeoutError:
                raise PatternFailure(name, pattern.pattern, "ran out of time") from None
        for link in scan.links:
            for key in ("", *_host_keys(link.host)):
                for name, term in self.url_terms.get(key, ()):
                    if wanted(name) and term.matches(link.host, link.path, link.params):
                        found.setdefault(name, []).append((link.start, link.end))
        if scan.hashtags:
            self._match_brand_hashtags(scan.hashtags, brands, found, wanted)
        return found

    def _wanted(self, part: str) -> Callable[[str], bool]:
        if part == "first":
            return self.first.__contains__
        if part == "rest":
            return lambda name: name not in self.first
        return lambda name: True

    def _pattern(self, index: int) -> regex.Pattern[str]:
        compiled = self._compiled.get(index)
        if compiled is None:
            name, source = self.patterns[index]
            try:
                compiled = self._compiled[index] = regex.compile(source)
            except regex.error as exc:
                raise PatternFailure(name, source, f"does not compile: {exc}") from None
        return compiled

    def _match_brand_hashtags(
        self, hashtags: list[tuple[int, int, str]], brands: Iterable[str], found: Matches, wanted: Callable[[str], bool],
    ) -> None:
        known = {_NON_ALNUM.sub("", variant) for brand in brands for variant in _brand_variants(brand)} - {""}
        for start, end, hashtag in hashtags:
            tag = _NON_ALNUM.sub("", hashtag.lower())
            for name, suffix in self.hashtag_suffixes:
                head = tag[: -len(suffix)] if tag.endswith(suffix) else ""
                # "#GlowCoPartner": the head must be a known brand, or, when none is known,
                # a CamelCase word (so "#lifepartner" or "#workoutpartner" never count).
                if head and wanted(name) and (head in known or (not known and _camel_suffix(hashtag, suffix))):
                    found.setdefault(name, []).append((start, end))

    def with_includes(self, *parts: Matches) -> Matches:
        """The matches of the given parts, each lexicon's added to every lexicon including it."""
        found: dict[str, list[tuple[int, int]]] = {}
        for part in parts:
            for name, spans in part.items():
                found.setdefault(name, []).extend(spans)
        result: dict[str, set[tuple[int, int]]] = {}
        for member, spans in found.items():
            for name in self.included_in[member]:
                result.setdefault(name, set()).update(spans)
        return {name: sorted(spans) for name, spans in result.items()}


def _brand_variants(brand: str) -> tuple[str, ...]:
    """How a brand name may be written in a hashtag: "Crumb & Co" as crumbco or crumbandco."""
    lower = brand.lower()
    return (lower, lower.replace("&", "and").replace("+", "and"))


def _camel_suffix(hashtag: str, suffix: str) -> bool:
    tail = hashtag[-len(suffix):]
    head = hashtag[1 : -len(suffix)].strip("_")
    return tail[:1].isupper() and head[:1].isupper() and not hashtag.isupper()
