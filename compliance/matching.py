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
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable
from urllib.parse import parse_qsl, urlsplit

import regex
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .nlp.normalise import normalise
from .prefilter import Prefilter, parse, requirements, sre, sre_parse, word_form

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
    """What one text offers the matchers: its links and hashtags, and per part of the matching
    the regex patterns that may match it (found when that part is first matched)."""

    text: str
    words: str  # the text's word form, which the prefilters search
    links: list[Link]
    hashtags: list[tuple[int, int, str]]
    candidates: dict[str, dict[int, None]] = field(default_factory=dict)  # by part


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
        self.members = {name: self._expand(name, ()) for name in self.specs}  # itself and all it includes
        self.of_kind = {kind: frozenset(n for n, spec in self.specs.items() if spec.match == kind) for kind in MATCH_KINDS}
        self.included_in: dict[str, list[str]] = {}  # lexicon -> every lexicon that includes it
        for name, members in self.members.items():
            for member in members:
                self.included_in.setdefault(member, []).append(name)
        self.first = frozenset(member for name in first if name in self.specs for member in self.members[name])
        # One prefilter per part, so a post that is never connected never pays for the rest.
        self.by_part = {
            part: [i for i, (name, _) in enumerate(self.patterns) if wanted(name)]
            for part, wanted in (("first", self._wanted("first")), ("rest", self._wanted("rest")))
        }
        self.prefilters = {
            part: Prefilter([requirements(self.patterns[i][1]) for i in indexes]) for part, indexes in self.by_part.items()
        }
        # Per lexicon: its members (itself and all it includes) of the second part, and their patterns.
        self.rest_members = {name: frozenset(m for m in members if m not in self.first) for name, members in self.members.items()}
        self.rest_patterns = {
            name: [i for i, (lexicon, _) in enumerate(self.patterns) if lexicon in rest]
            for name, rest in self.rest_members.items()
        }

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
        return Scan(text, word_form(text), links, hashtags)

    def _candidates(self, scan: Scan, part: str) -> dict[int, None]:
        """The patterns of `part` that may match the text, in order (a dict: ordered, and a set)."""
        if part == "all":  # the union of both parts: no prefilter of its own to build
            return dict.fromkeys(sorted({*self._candidates(scan, "first"), *self._candidates(scan, "rest")}))
        if part not in scan.candidates:
            indexes = self.by_part[part]
            scan.candidates[part] = dict.fromkeys(indexes[i] for i in self.prefilters[part].candidates(scan.text, scan.words))
        return scan.candidates[part]

    def spans_of(self, scan: Scan, doc: Doc, brands: Iterable[str], name: str, first: Matches) -> list[tuple[int, int]]:
        """The spans of one lexicon of the second part (with what it includes), matching only
        what it needs; `first` is the text's first-part matches (phrase lexicons included)."""
        spans = {span for m in self.members[name] for span in first.get(m, ())}
        candidates = self._candidates(scan, "rest")
        for index in self.rest_patterns[name]:
            if index in candidates:
                spans.update(self._run(index, scan.text))
        rest = self.rest_members[name]
        if (scan.links and rest & self.of_kind["url"]) or (scan.hashtags and rest & self.of_kind["brand_hashtag"]):
            found = self.match(scan, doc, brands, part="rest", only=rest & (self.of_kind["url"] | self.of_kind["brand_hashtag"]))
            spans.update(span for m in rest for span in found.get(m, ()))
        return sorted(spans)

    def _run(self, index: int, text: str) -> list[tuple[int, int]]:
        """The non-empty matches of regex pattern `index`, within the time budget."""
        pattern = self._pattern(index)
        try:
            return [m.span() for m in pattern.finditer(text, timeout=REGEX_TIMEOUT_SECONDS) if m.end() > m.start()]
        except TimeoutError:
            raise PatternFailure(self.patterns[index][0], pattern.pattern, f"ran out of time (budget {REGEX_TIMEOUT_SECONDS:g} s)") from None

    def match(
        self, scan: Scan, doc: Doc, brands: Iterable[str] = (), part: str = "all", only: frozenset[str] | None = None,
    ) -> Matches:
        """Character spans, by lexicon, of the lexicons of `part` ("first", "rest" or "all"; and
        of `only` these, if given) in the scanned text, the normalised text of `doc`; without
        includes (see `with_includes`)."""
        in_part = self._wanted(part)
        wanted = in_part if only is None else (lambda name: name in only and in_part(name))
        found: Matches = {}
        if part != "rest":  # one C call finds every phrase lexicon: cheaper than telling them apart
            vocab_strings = doc.vocab.strings
            for matcher in (self.by_lower, self.by_lemma):
                if len(matcher):
                    for match_id, start, end in matcher(doc):
                        last = doc[end - 1]
                        found.setdefault(vocab_strings[match_id], []).append((doc[start].idx, last.idx + len(last)))
        for index in self._candidates(scan, part) if only is None or only & self.of_kind["regex"] else ():
            name = self.patterns[index][0]
            if only is None or name in only:
                spans = self._run(index, scan.text)
                if spans:
                    found.setdefault(name, []).extend(spans)
        for link in scan.links if only is None or only & self.of_kind["url"] else ():
            for key in ("", *_host_keys(link.host)):
                for name, term in self.url_terms.get(key, ()):
                    if wanted(name) and term.matches(link.host, link.path, link.params):
                        found.setdefault(name, []).append((link.start, link.end))
        if scan.hashtags and (only is None or only & self.of_kind["brand_hashtag"]):
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


# Static checks of patterns that may backtrack catastrophically (exponential time on a text
# that almost matches). A heuristic over the stdlib's parse tree: it finds the usual shapes,
# and the time budget stops whatever it misses.
_UNBOUNDED_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)  # possessive repeats never backtrack
_CATEGORY_CLASSES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}
_SAMPLE = "".join(map(chr, range(32, 127))) + "\t\n\xa0éßЖ€😀"  # characters first sets are compared on
# A group with a quantifier inside, itself repeated without bound: `(a+)+`, `(?:x*)*`. Only
# for patterns the stdlib cannot parse (syntax of the `regex` module alone).
_NESTED_SOURCE = re.compile(r"\((?:[^()\\]|\\.)*(?<!\\)[+*](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\})")


def backtracking_risk(pattern: str) -> str | None:
    """Why a pattern may backtrack catastrophically, or None: an unbounded repeat of a body
    that can match the same text in several ways (`(a+)+`, `(x*)*`, `(\\w+\\s?)*`, `(a|a)*`)."""
    parsed = parse(pattern)
    if parsed is None:
        found = _NESTED_SOURCE.search(pattern)
        return f"nested quantifiers in {found.group()!r}" if found else None
    return _risk_in(parsed.state, list(parsed))


def _risk_in(state: Any, items: list[Any]) -> str | None:
    for op, arg in items:
        if op in _UNBOUNDED_REPEATS and arg[1] == sre.MAXREPEAT:
            body = list(arg[2])
            if _splits(state, body):
                return "nested quantifiers: a repeated group whose body repeats without bound"
            if _overlapping_branch(state, body):
                return "a repeated alternation whose branches can match the same text"
        for child in _children(op, arg):
            found = _risk_in(state, child)
            if found:
                return found
    return None


def _children(op: Any, arg: Any) -> list[list[Any]]:
    if op is sre.SUBPATTERN:
        return [list(arg[-1])]
    if op in _UNBOUNDED_REPEATS or op is getattr(sre, "POSSESSIVE_REPEAT", None):
        return [list(arg[2])]
    if op is sre.BRANCH:
        return [list(branch) for branch in arg[1]]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [list(arg[1])]
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return [list(arg)]
    if op is sre.GROUPREF_EXISTS:
        return [list(part) for part in arg[1:] if part is not None]
    return []


def _min_width(state: Any, items: list[Any]) -> int:
    return int(sre_parse.SubPattern(state, items).getwidth()[0])


def _splits(state: Any, body: list[Any]) -> bool:
    """Whether a sequence can match a run of text in many ways: it holds an unbounded repeat
    (directly, or in a group or alternative that does) and all the rest may match nothing."""
    for i, (op, arg) in enumerate(body):
        rest = body[:i] + body[i + 1:]
        if _min_width(state, rest):
            continue
        if op in _UNBOUNDED_REPEATS and arg[1] == sre.MAXREPEAT:
            return True
        if op is sre.SUBPATTERN and _splits(state, list(arg[-1])):
            return True
        if op is sre.BRANCH and any(_splits(state, list(branch)) for branch in arg[1]):
            return True
    return False


def _overlapping_branch(state: Any, body: list[Any]) -> bool:
    """Whether a repeated body holds an alternation two of whose branches can start alike
    (after the parser has factored out their common prefix, `(a|a)` is `a(?:|)`)."""
    for op, arg in body:
        if op is sre.SUBPATTERN and _overlapping_branch(state, list(arg[-1])):
            return True
        if op is sre.BRANCH:
            branches = [list(branch) for branch in arg[1]]
            firsts = [_first(state, branch) for branch in branches]
            for i, j in itertools.combinations(range(len(branches)), 2):
                if not branches[i] and not branches[j]:
                    return True  # two identical alternatives
                if firsts[i] & firsts[j]:
                    return True
    return False


def _first(state: Any, items: list[Any]) -> set[str]:
    """The characters (of a sample) a match of the sequence can start with."""
    found: set[str] = set()
    for op, arg in items:
        if op is sre.AT:
            continue
        found |= _first_of(state, op, arg)
        if _min_width(state, [(op, arg)]):
            break
    return found


def _first_of(state: Any, op: Any, arg: Any) -> set[str]:
    if op is sre.LITERAL:
        return {chr(arg)}
    if op is sre.NOT_LITERAL:
        return set(_SAMPLE) - {chr(arg)}
    if op is sre.ANY:
        return set(_SAMPLE) - {"\n"}
    if op is sre.IN:
        chars = _char_class(arg)
        return {c for c in _SAMPLE if chars.match(c)} if chars is not None else set()
    if op in _UNBOUNDED_REPEATS or op is getattr(sre, "POSSESSIVE_REPEAT", None):
        return _first(state, list(arg[2]))
    if op is sre.SUBPATTERN:
        return _first(state, list(arg[-1]))
    if op is sre.BRANCH:
        return set().union(*(_first(state, list(branch)) for branch in arg[1]))
    return set()  # lookarounds, back references: nothing to compare


def _char_class(items: list[Any]) -> re.Pattern[str] | None:
    parts: list[str] = []
    for op, arg in items:
        if op is sre.NEGATE:
            parts.insert(0, "^")
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(arg)))
        elif op is sre.RANGE:
            parts.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op is sre.CATEGORY and arg in _CATEGORY_CLASSES:
            parts.append(_CATEGORY_CLASSES[arg])
        else:
            return None
    try:
        return re.compile(f"[{''.join(parts)}]")
    except re.error:
        return None
