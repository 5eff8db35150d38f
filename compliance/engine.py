"""The Checker: rule sets compiled once, then posts streamed through the pipeline and the rules."""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from . import suppressions
from .analysis import Analysis, Surface
from .checks import KINDS
from .checks.base import Hit
from .claims import ClaimsRegister
from .fixes import fix_for
from .matching import CompiledLexicons, PatternFailure
from .model import Finding, InputError, Post
from .nlp.language import detect as detect_language
from .nlp.normalise import normalise
from .nlp.pipeline import build_pipeline, pipeline
from .rules.schema import Rule, RuleSet
from .suppressions import ConfigIgnore

BATCH_SIZE = 256
EXCERPT_CHARS = 80
# spaCy keeps every string it has seen. Past this many new ones, the pipeline and the lexicons
# are built afresh (about 40 ms), so a run over millions of posts keeps its memory flat.
NEW_STRINGS_LIMIT = 50_000


class UsageError(ValueError):
    """A mistake in how the checker was asked to run (not in a post or a rule set)."""


@dataclass(frozen=True)
class Result:
    post: Post
    findings: tuple[Finding, ...]
    errors: tuple[InputError, ...] = ()


@dataclass(frozen=True)
class _Compiled:
    ruleset: RuleSet
    signals: Mapping[str, str]
    denials: frozenset[str]
    rules: tuple[Rule, ...]  # selected rules, fallbacks last
    # Loaded for a market a post named, not asked for: it checks only posts of its markets.
    on_demand: bool = False
    # Its lexicons compiled for each of its languages, on first use (a pipeline per language).
    lexicons: dict[str, CompiledLexicons] = dataclasses.field(default_factory=dict)
    _by_scope: dict[tuple[object, ...], tuple[Rule, ...]] = dataclasses.field(default_factory=dict)

    def applies_to(self, post: Post) -> bool:
        if not post.market:
            return not self.on_demand
        return not self.ruleset.markets or bool(set(post.market) & set(self.ruleset.markets))

    @functools.cached_property
    def needs_language(self) -> bool:
        """Whether the language of a post matters: the set has several, or rules for some."""
        return len(self.ruleset.languages) > 1 or any(rule.languages for rule in self.rules)

    def language_for(self, post: Post) -> str:
        """The language a post is analysed in: its own if the set has it, else the set's first."""
        return post.language if post.language in self.ruleset.languages else self.ruleset.languages[0]

    def rules_for(self, post: Post) -> tuple[Rule, ...]:
        """The rules that apply to a post's platform, format, market and language (few
        combinations: cached)."""
        scope = (post.platform, post.format, post.market, post.language)
        if scope not in self._by_scope:
            self._by_scope[scope] = tuple(rule for rule in self.rules if rule.applies_to(post))
        return self._by_scope[scope]


def matches_any(rule_id: str, prefixes: Iterable[str]) -> bool:
    """Whether a rule is selected by an id or an id prefix ("US-D" selects US-D-01 … US-D-19)."""
    return any(rule_id.startswith(prefix) for prefix in prefixes)


class Checker:
    def __init__(
        self,
        rulesets: Sequence[RuleSet],
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        platform: str | None = None,
        market: Sequence[str] = (),
        register: ClaimsRegister | None = None,
        ignores: Sequence[ConfigIgnore] = (),
        defaults_by_path: Sequence[tuple[str, Mapping[str, Any]]] = (),
        resolve: Callable[[str], Sequence[RuleSet]] | None = None,
    ) -> None:
        """`resolve` gives the rule sets of a market that a post names and no loaded set covers
        (the built-in ones, from the command line); without it such a post is an input error."""
        self.rulesets = tuple(rulesets)
        self.ignores = tuple(ignores)  # suppressions from the configuration
        self.defaults_by_path = tuple(defaults_by_path)  # (glob, post fields) for posts that lack them
        self.register = register
        self.platform = platform
        self.market = tuple(market)
        all_ids = [rule.id for ruleset in rulesets for rule in ruleset.rules]
        for prefix in (*select, *ignore):
            if not any(matches_any(rule_id, [prefix]) for rule_id in all_ids):
                raise UsageError(f"'{prefix}' matches no rule of the loaded rule sets")
        self._select, self._ignore, self._resolve = tuple(select), tuple(ignore), resolve
        self._compiled = [self._prepared(ruleset) for ruleset in rulesets]
        self._unresolved: set[str] = set()
        self._pipelines: dict[str, Language] = {}
        self._strings_limits: dict[str, int] = {}
        if self.market:
            covered = {m for ruleset in rulesets for m in ruleset.markets}
            unknown = [m for m in self.market if covered and m not in covered]
            if unknown:
                raise UsageError(f"no loaded rule set covers market {', '.join(unknown)} (covered: {', '.join(sorted(covered))})")

    def _prepared(self, ruleset: RuleSet, on_demand: bool = False) -> _Compiled:
        selected = (rule for rule in ruleset.rules if (not self._select or matches_any(rule.id, self._select)) and not matches_any(rule.id, self._ignore))
        return _Compiled(
            ruleset,
            {name: lex.signals for name, lex in ruleset.lexicons.items() if lex.signals},
            frozenset(name for name, lex in ruleset.lexicons.items() if lex.denies),
            tuple(sorted(selected, key=lambda rule: rule.fallback)),
            on_demand,
        )

    def _cover(self, markets: Iterable[str]) -> None:
        """Load the rule sets of markets that posts name and no loaded set covers."""
        covered = {market for compiled in self._compiled for market in compiled.ruleset.markets}
        for market in markets:
            if market in covered or market in self._unresolved or self._resolve is None:
                continue
            found = [ruleset for ruleset in self._resolve(market) if ruleset.id not in {c.ruleset.id for c in self._compiled}]
            self._compiled += [self._prepared(ruleset, on_demand=True) for ruleset in found]
            covered |= {m for ruleset in found for m in ruleset.markets}
            if market not in covered:
                self._unresolved.add(market)

    @property
    def nlp(self) -> Language:
        """The English pipeline (the one of the first rule set's language)."""
        return self._pipeline(self._compiled[0].ruleset.languages[0] if self._compiled else "en")

    def _pipeline(self, language: str) -> Language:
        if language not in self._pipelines:
            self._use(language, pipeline(language))
        return self._pipelines[language]

    def _use(self, language: str, nlp: Language) -> None:
        """Make `nlp` the pipeline of `language`; lexicons compiled for the old one are dropped."""
        self._pipelines[language] = nlp
        self._strings_limits[language] = len(nlp.vocab.strings) + NEW_STRINGS_LIMIT
        for compiled in self._compiled:
            compiled.lexicons.pop(language, None)

    def _lexicons(self, compiled: _Compiled, language: str) -> CompiledLexicons:
        if language not in compiled.lexicons:
            nlp = self._pipeline(language)
            first = [*compiled.signals, *compiled.denials]
            compiled.lexicons[language] = CompiledLexicons(compiled.ruleset.lexicons.values(), nlp, first=first)
        return compiled.lexicons[language]

    def check(self, post: Post) -> Result:
        return next(self.check_all([post]))

    def check_all(self, posts: Iterable[Post]) -> Iterator[Result]:
        """Results in input order. Texts go through spaCy in batches, which is much faster."""
        batch: list[Post] = []
        for post in posts:
            batch.append(self._with_defaults(post))
            if len(batch) >= BATCH_SIZE:
                yield from self._check_batch(batch)
                batch = []
        if batch:
            yield from self._check_batch(batch)

    def _with_defaults(self, post: Post) -> Post:
        """The post with the run's platform and market where it names none (a path's own
        defaults from the configuration first)."""
        defaults: dict[str, Any] = {"platform": self.platform, "market": self.market}
        for pattern, fields in self.defaults_by_path:
            if fnmatch.fnmatchcase(post.origin.path, pattern):
                defaults.update(fields)
        changes = {name: value for name, value in defaults.items() if value and not getattr(post, name)}
        return dataclasses.replace(post, **changes) if changes else post

    def _check_batch(self, posts: list[Post]) -> Iterator[Result]:
        for language, nlp in list(self._pipelines.items()):
            if len(nlp.vocab.strings) > self._strings_limits[language]:
                self._use(language, build_pipeline(language))
        self._cover({market for post in posts for market in post.market})
        posts = [self._with_language(post) for post in posts]
        if len(self._compiled) == 1 and not self._compiled[0].on_demand and not self._compiled[0].needs_language:
            only = self._compiled[0]  # the common case, one set in one language: no choices to make
            language = only.ruleset.languages[0]
            plans = [[(only, language)] if only.applies_to(post) else [] for post in posts]
        else:
            plans = [[(c, c.language_for(post)) for c in self._compiled if c.applies_to(post)] for post in posts]
        norms = [normalise(post.text) for post in posts]
        # Each language's texts go through its pipeline in one batch.
        wanted: dict[str, list[int]] = {}
        for index, plan in enumerate(plans):
            for language in dict.fromkeys(language for _, language in plan):
                wanted.setdefault(language, []).append(index)
        docs: dict[tuple[int, str], Doc] = {}
        for language, indices in wanted.items():
            for index, doc in zip(indices, self._pipeline(language).pipe([norms[i].text for i in indices])):
                docs[(index, language)] = doc
        for index, (post, plan) in enumerate(zip(posts, plans)):
            spoken = post.transcript == post.text
            surfaces = {
                language: [Surface("text", None, post.text, norms[index], docs[(index, language)], spoken), *self._other_surfaces(post, spoken, language)]
                for language in dict.fromkeys(language for _, language in plan)
            }
            yield self._check_post(post, [(compiled, language, surfaces[language]) for compiled, language in plan])

    def _with_language(self, post: Post) -> Post:
        """The post with its detected language, when it names none and a rule set needs it."""
        if post.language is not None or not any(c.needs_language for c in self._compiled if c.applies_to(post)):
            return post
        # The caption says the post's language; on-screen text only when the caption is too short.
        detected = detect_language(post.text) or detect_language(" ".join([post.text, *post.overlay]))
        return dataclasses.replace(post, language=detected) if detected else post

    def _other_surfaces(self, post: Post, spoken: bool, language: str) -> Iterator[Surface]:
        frames: list[tuple[str, int | None, str]] = [("overlay", i, text) for i, text in enumerate(post.overlay)]
        if post.transcript and not spoken:
            frames.append(("transcript", None, post.transcript))
        nlp = self._pipeline(language)
        for name, frame, raw in frames:  # blank frames too: a blank story frame shows no disclosure
            norm = normalise(raw)
            yield Surface(name, frame, raw, norm, nlp(norm.text))

    def _check_post(self, post: Post, applicable: list[tuple[_Compiled, str, list[Surface]]]) -> Result:
        """Every applicable rule set's rules, each on the post's surfaces in the set's language."""
        findings: list[Finding] = []
        errors: list[InputError] = []
        if not applicable:
            covered = ", ".join(sorted({m for c in self._compiled for m in c.ruleset.markets})) or "none"
            line, _ = post.origin.locate(post.text, 0)
            message = f"post {post.id}: no loaded rule set covers market {', '.join(post.market)} (covered: {covered}); not checked"
            return Result(post, (), (InputError(post.origin.path, line, message),))
        ran: list[str] = []
        for compiled, language, surfaces in applicable:
            analysis = Analysis(post, surfaces, self._lexicons(compiled, language), compiled.signals, compiled.denials, self.register)
            reported_kinds: set[str] = set()
            try:
                for rule in compiled.rules_for(post):
                    ran.append(rule.id)
                    if rule.fallback and rule.kind in reported_kinds:
                        continue
                    for hit in KINDS[rule.kind].check(rule.params, analysis):
                        findings.append(make_finding(post, rule, hit))
                        reported_kinds.add(rule.kind)
            except PatternFailure as exc:
                line, _ = post.origin.locate(post.text, 0)
                errors.append(InputError(post.origin.path, line, f"post {post.id}: {exc}; rule set '{compiled.ruleset.id}' skipped for this post"))
        findings.sort(key=lambda f: (f.start, f.rule))
        if post.ignores or self.ignores:
            findings, stale = suppressions.apply(post, findings, ran, self.ignores)
            errors += stale
        return Result(post, tuple(findings), tuple(errors))


class _Values(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"


def make_finding(post: Post, rule: Rule, hit: Hit) -> Finding:
    start = hit.start if hit.start is not None else 0
    end = hit.end if hit.end is not None else 0
    line, column = post.origin.locate(post.text, start)
    end_line, end_column = post.origin.locate(post.text, end)
    message = rule.message.format_map(_Values(hit.values)).strip()
    return Finding(
        post=post.id, path=post.origin.path, line=line, column=column, end_line=end_line, end_column=end_column,
        start=start, end=end, rule=rule.id, ruleset=rule.ruleset, category=rule.category, severity=rule.severity, message=message,
        excerpt=excerpt(post.text, hit.start, hit.end), references=rule.references,
        fix=fix_for(rule, hit, post, rule.preferred_label),
    )


def excerpt(text: str, start: int | None, end: int | None) -> str:
    """The matched text, or the opening of the post when the finding has no span."""
    if start is not None and end is not None and end > start:
        return text[start:end][:EXCERPT_CHARS]
    opening = text.strip().split("\n", 1)[0]
    return opening if len(opening) <= EXCERPT_CHARS else opening[: EXCERPT_CHARS - 1] + "…"
