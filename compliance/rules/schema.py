"""The rule-set format: what a rule set, a lexicon and a rule are, and how YAML becomes them.

Parsing collects every mistake it finds (not only the first), each with its file, line and field.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import string
import types
import typing
from dataclasses import dataclass
from types import ModuleType, NoneType
from typing import Any, Iterable, Mapping

from ..checks import KINDS
from ..checks.base import LexiconName
from ..matching import MATCH_KINDS, REGEX_TIMEOUT_SECONDS, LexiconSpec, backtracking_risk, pattern_error
from ..model import CATEGORIES, FORMATS, PLATFORMS, RELATIONSHIPS, InputError, Origin, Post, Severity, LANGUAGES
from ..sources.fields import FieldError, post_from_fields
from .located import Path, line_of

RULESET_ID = re.compile(r"^[a-z][a-z0-9-]*$")
RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
CONNECTION_KINDS = tuple(r for r in RELATIONSHIPS if r not in ("none", "advertiser", "unknown")) + ("sponsored", "discount")
# Fixes a rule may offer (compliance/fixes.py applies them), and the rule kinds each one resolves:
# - insert_label: the rule set's preferred label and a space at the start of the post's text;
# - replace_label: the label the rule reports (a vague or disguised hashtag) becomes the preferred label.
FIXES: dict[str, tuple[str, ...]] = {
    "insert_label": ("missing_disclosure", "weak_disclosure", "disclosure_placement"),
    "replace_label": ("weak_disclosure",),
}


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.described}"

    @property
    def described(self) -> str:
        """The problem without its location: the field, then what is wrong with it."""
        return f"{self.field}: {self.message}" if self.field else self.message

    def as_input_error(self) -> InputError:
        return InputError(self.path, self.line, self.described)


class InvalidRuleSet(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class Lexicon(LexiconSpec):
    signals: str | None = None  # connection kind its matches show, if any
    denies: bool = False  # its matches deny a connection, negating every label they overlap
    description: str = ""
    line: int = 0
    # Warnings about its patterns (they may backtrack): reported by `rules validate`, never fatal.
    warnings: tuple[Problem, ...] = dataclasses.field(default=(), compare=False)


def pattern_warnings(rulesets: Iterable[RuleSet]) -> list[Problem]:
    """Every warning about the patterns of the loaded rule sets' lexicons, inherited ones
    included (each names the file that defines it), once each, in order of file and line."""
    found = {w: None for ruleset in rulesets for lexicon in ruleset.lexicons.values() for w in lexicon.warnings}
    return sorted(found, key=lambda w: (w.path, w.line, w.field))


@dataclass(frozen=True)
class Examples:
    bad: tuple[Post, ...]
    good: tuple[Post, ...]
    # The text each bad example must become when the rule's fix is applied (None: not given).
    fixed: tuple[str | None, ...] = ()

    def fixed_text(self, index: int) -> str | None:
        return self.fixed[index] if index < len(self.fixed) else None


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    category: str
    severity: Severity
    message: str
    rationale: str
    kind: str
    params: Any
    examples: Examples
    references: tuple[str, ...] = ()
    hint: str = ""
    platforms: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    markets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # languages of the posts it applies to (as given or detected)
    fallback: bool = False  # runs only when no other rule of its kind reported the post
    fix: str | None = None  # one of FIXES: the safe edit that resolves its findings
    preferred_label: str | None = None  # its rule set's preferred label, set by the loader (what `fix` writes)
    ruleset: str = ""
    path: str = ""
    line: int = 0
    param_lines: Mapping[str, int] = dataclasses.field(default_factory=dict)
    fix_line: int = 0

    def applies_to(self, post: Post) -> bool:
        return (
            (not self.platforms or post.platform in self.platforms)
            and (not self.formats or post.format in self.formats)
            and (not self.markets or not post.market or bool(set(post.market) & set(self.markets)))
            and (not self.languages or post.language in self.languages)
        )


@dataclass(frozen=True)
class RuleSet:
    id: str
    title: str
    version: str
    path: str
    jurisdiction: str = ""
    markets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("en",)
    sources: Mapping[str, str] = dataclasses.field(default_factory=dict)
    extends: tuple[str, ...] = ()
    preferred_label: str | None = None  # the market's plain label, which fixes write ("#ad")
    lexicons: Mapping[str, Lexicon] = dataclasses.field(default_factory=dict)
    rules: tuple[Rule, ...] = ()


RULESET_FIELDS = {
    "id", "title", "version", "jurisdiction", "markets", "languages", "sources", "extends", "preferred_label",
    "lexicons", "rules", "description",
}
LEXICON_FIELDS = {"match", "terms", "include", "signals", "denies", "description"}
RULE_FIELDS = {
    "id", "title", "category", "severity", "message", "rationale", "references", "hint", "platforms",
    "formats", "markets", "languages", "kind", "params", "examples", "fallback", "fix",
}


class _Reader:
    """Reads one parsed YAML document, recording problems instead of stopping at the first."""

    def __init__(self, path: str, lines: dict[Path, int]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, where: Path, message: str) -> None:
        field = ".".join(str(part) for part in where)
        self.problems.append(Problem(self.path, line_of(self.lines, where), field, message))

    def mapping(self, value: Any, where: Path, allowed: set[str] | None = None) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(where, "must be a mapping")
            return {}
        for key in value:
            if allowed is not None and key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (allowed: {', '.join(sorted(allowed))})"
                self.problem(where + (key,), f"unknown field{hint}")
        return value

    def text(self, data: Mapping[str, Any], key: str, where: Path, required: bool = False, default: str = "") -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(where + (key,), "is required")
            return default
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.problem(where + (key,), "must be a string")
            return default
        return str(value).strip()

    def strings(self, data: Mapping[str, Any], key: str, where: Path, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        result = []
        for i, item in enumerate(items):
            spot = where + (key, i) if isinstance(value, list) else where + (key,)
            if not isinstance(item, str) or not item.strip():
                self.problem(spot, "must be a non-empty string")
            elif allowed is not None and item not in allowed:
                self.problem(spot, f"'{item}' is not one of: {', '.join(allowed)}")
            else:
                result.append(item.strip())
        return tuple(result)

    def choice(self, data: Mapping[str, Any], key: str, where: Path, allowed: tuple[str, ...], required: bool = True) -> str:
        value = self.text(data, key, where, required=required)
        if value and value not in allowed:
            self.problem(where + (key,), f"'{value}' is not one of: {', '.join(allowed)}")
            return ""
        return value


def parse_ruleset(data: Any, path: str, lines: dict[Path, int]) -> tuple[RuleSet, list[Problem]]:
    """A rule set from its YAML data; lexicon references are checked later, after `extends`."""
    r = _Reader(path, lines)
    top = r.mapping(data, (), RULESET_FIELDS)
    if data is not None and not isinstance(data, dict):
        return RuleSet("", "", "", path), r.problems
    ruleset_id = r.text(top, "id", (), required=True)
    if ruleset_id and not RULESET_ID.match(ruleset_id):
        r.problem(("id",), "must be lower-case letters, digits and hyphens, like 'us-ftc'")
    sources = r.mapping(top.get("sources"), ("sources",))
    lexicons = {}
    for name, spec in r.mapping(top.get("lexicons"), ("lexicons",)).items():
        lexicon = _parse_lexicon(r, name, spec)
        if lexicon is not None:
            lexicons[name] = lexicon
    rules: list[Rule] = []
    raw_rules = top.get("rules") or []
    if not isinstance(raw_rules, list):
        r.problem(("rules",), "must be a list of rules")
        raw_rules = []
    for i, raw in enumerate(raw_rules):
        rule = _parse_rule(r, raw, ("rules", i), ruleset_id)
        if rule is not None:
            if any(existing.id == rule.id for existing in rules):
                r.problem(("rules", i, "id"), f"duplicate rule id '{rule.id}'")
            rules.append(rule)
    ruleset = RuleSet(
        id=ruleset_id,
        title=r.text(top, "title", (), default=ruleset_id),
        version=r.text(top, "version", (), required=True),
        path=path,
        jurisdiction=r.text(top, "jurisdiction", ()),
        markets=r.strings(top, "markets", ()),
        languages=r.strings(top, "languages", (), LANGUAGES) or ("en",),
        sources={str(k): str(v) for k, v in sources.items()},
        extends=r.strings(top, "extends", ()),
        preferred_label=_preferred_label(r, top),
        lexicons=lexicons,
        rules=tuple(rules),
    )
    return ruleset, r.problems


def _preferred_label(r: _Reader, top: Mapping[str, Any]) -> str | None:
    value = top.get("preferred_label")
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        r.problem(("preferred_label",), "must be a non-empty string, such as \"#ad\"")
        return None
    if "\n" in value.strip() or "\r" in value.strip():
        r.problem(("preferred_label",), "must be one line")
        return None
    return value.strip()


def _parse_lexicon(r: _Reader, name: str, spec: Any) -> Lexicon | None:
    where: Path = ("lexicons", name)
    if not NAME.match(name):
        r.problem(where, "a lexicon name must be lower-case letters, digits and underscores")
    if isinstance(spec, list):  # shorthand: a plain list of phrases
        spec = {"terms": spec}
    body = r.mapping(spec, where, LEXICON_FIELDS)
    match = r.choice(body, "match", where, MATCH_KINDS, required=False) or "phrase"
    terms = r.strings(body, "terms", where)
    include = r.strings(body, "include", where)
    if not terms and not include:
        r.problem(where, "needs 'terms' or 'include'")
    warnings: list[Problem] = []
    if match == "regex":
        for i, term in enumerate(terms):
            error = pattern_error(term)
            if error:
                r.problem(where + ("terms", i), f"invalid regular expression: {error}")
                continue
            risk = backtracking_risk(term)
            if risk:
                spot = where + ("terms", i)
                warnings.append(Problem(r.path, line_of(r.lines, spot), ".".join(map(str, spot)), (
                    f"pattern {term!r} may backtrack catastrophically ({risk}); on a text that defeats it, "
                    f"it stops after {REGEX_TIMEOUT_SECONDS:g} s and the post is reported as an error"
                )))
    signals = r.choice(body, "signals", where, CONNECTION_KINDS, required=False) or None
    denies = body.get("denies", False)
    if not isinstance(denies, bool):
        r.problem(where + ("denies",), "must be true or false")
    if signals and denies is True:
        r.problem(where + ("denies",), "a lexicon cannot both show a connection (signals) and deny one")
    return Lexicon(
        name, match, terms, include, signals, denies is True, r.text(body, "description", where), line_of(r.lines, where), tuple(warnings),
    )


def _parse_rule(r: _Reader, raw: Any, where: Path, ruleset_id: str) -> Rule | None:
    body = r.mapping(raw, where, RULE_FIELDS)
    if not body:
        return None
    rule_id = r.text(body, "id", where, required=True)
    if rule_id and not RULE_ID.match(rule_id):
        r.problem(where + ("id",), "must look like 'US-D-01': upper-case parts joined by hyphens")
    kind = r.choice(body, "kind", where, tuple(KINDS))
    params = _parse_params(r, KINDS[kind], body.get("params"), where + ("params",)) if kind else None
    message = r.text(body, "message", where, required=True)
    if kind:
        _check_placeholders(r, message, KINDS[kind], where + ("message",))
    severity = r.choice(body, "severity", where, tuple(str(s) for s in Severity))
    fallback = body.get("fallback", False)
    if not isinstance(fallback, bool):
        r.problem(where + ("fallback",), "must be true or false")
    raw_params = body.get("params")
    param_names = raw_params if isinstance(raw_params, dict) else {}
    fix = _parse_fix(r, body, where, kind)
    return Rule(
        id=rule_id,
        title=r.text(body, "title", where, required=True),
        category=r.choice(body, "category", where, CATEGORIES),
        severity=Severity.parse(severity) if severity else Severity.ERROR,
        message=message,
        rationale=r.text(body, "rationale", where, required=True),
        kind=kind,
        params=params,
        # A fix that is given but invalid is reported once, not again for each `fixed` text.
        examples=_parse_examples(r, body.get("examples"), where + ("examples",), body.get("fix") is not None),
        references=r.strings(body, "references", where),
        hint=r.text(body, "hint", where),
        platforms=r.strings(body, "platforms", where, PLATFORMS),
        formats=r.strings(body, "formats", where, FORMATS),
        markets=r.strings(body, "markets", where),
        languages=r.strings(body, "languages", where, LANGUAGES),
        fallback=fallback is True,
        fix=fix,
        ruleset=ruleset_id,
        path=r.path,
        line=line_of(r.lines, where),
        param_lines={name: line_of(r.lines, where + ("params", name)) for name in param_names},
        fix_line=line_of(r.lines, where + ("fix",)),
    )


def _parse_fix(r: _Reader, body: Mapping[str, Any], where: Path, kind: str) -> str | None:
    """The rule's fix, if it names one this kind of rule can use."""
    if body.get("fix") is None:
        return None
    fix = r.text(body, "fix", where)
    if not fix:
        return None
    if fix not in FIXES:
        r.problem(where + ("fix",), f"unknown fix '{fix}' (known: {', '.join(FIXES)})")
        return None
    if kind and kind not in FIXES[fix]:
        if fix == "replace_label":
            why = f"it replaces the label a rule reports, and kind '{kind}' does not report one"
        else:
            why = f"a label does not resolve what kind '{kind}' reports"
        r.problem(where + ("fix",), f"'{fix}' cannot fix this rule: {why} (kinds it fixes: {', '.join(FIXES[fix])})")
        return None
    return fix


def _check_placeholders(r: _Reader, message: str, kind: ModuleType, where: Path) -> None:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(message) if name is not None}
    except ValueError as exc:
        r.problem(where, f"malformed placeholder: {exc}")
        return
    for name in sorted(names - kind.PLACEHOLDERS):
        known = ", ".join("{" + p + "}" for p in sorted(kind.PLACEHOLDERS)) or "none"
        r.problem(where, f"unknown placeholder {{{name}}} for kind '{kind.KIND}' (available: {known})")


def _parse_params(r: _Reader, kind: ModuleType, raw: Any, where: Path) -> Any:
    """The kind's Params dataclass, built from YAML by its type hints."""
    fields = {f.name: f for f in dataclasses.fields(kind.Params)}
    body = r.mapping(raw, where, set(fields))
    hints = _type_hints(kind.Params)
    values: dict[str, Any] = {}
    for name, f in fields.items():
        if name not in body:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                r.problem(where + (name,), "is required")
            continue
        value = _coerce(body[name], hints[name])
        if value is _INVALID:
            r.problem(where + (name,), f"must be {_describe(hints[name])}")
        else:
            values[name] = value
    if len(values) < len([f for f in fields.values() if f.name in body]):
        return None
    try:
        return kind.Params(**values)
    except (TypeError, ValueError) as exc:
        r.problem(where, str(exc))
        return None


_INVALID = object()


@functools.cache
def _type_hints(params: Any) -> dict[str, Any]:
    return typing.get_type_hints(params)


def _coerce(value: Any, hint: Any) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is LexiconName or hint is str:
        return value if isinstance(value, str) and value else _INVALID
    if origin is typing.Literal:
        return value if value in args else _INVALID
    if hint is bool:
        return value if isinstance(value, bool) else _INVALID
    if hint is int:
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else _INVALID
    if hint is float:
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0 else _INVALID
    if origin is tuple:
        items = value if isinstance(value, list) else [value]
        elements = [_coerce(item, args[0]) for item in items]
        return _INVALID if _INVALID in elements else tuple(elements)
    if origin in (typing.Union, types.UnionType) and NoneType in args:  # an optional parameter: "int | None"
        return None if value is None else _coerce(value, next(a for a in args if a is not NoneType))
    if origin in (Mapping, dict, typing.Mapping) or (origin is not None and issubclass(origin, Mapping)):
        if not isinstance(value, dict):
            return _INVALID
        entries = {str(k): _coerce(v, args[1]) for k, v in value.items()}
        return _INVALID if _INVALID in entries.values() else entries
    return _INVALID


def _describe(hint: Any) -> str:
    if hint is LexiconName:
        return "the name of a lexicon"
    if typing.get_origin(hint) is typing.Literal:
        return "one of: " + ", ".join(map(str, typing.get_args(hint)))
    if typing.get_origin(hint) is tuple:
        return f"a list of {_describe(typing.get_args(hint)[0])}s"
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return " or ".join(_describe(arg) if arg is not NoneType else "null" for arg in typing.get_args(hint))
    if typing.get_origin(hint) is not None and issubclass(typing.get_origin(hint), Mapping):
        return f"a mapping of names to {_describe(typing.get_args(hint)[1])}s"
    return {str: "a string", bool: "true or false", int: "a whole number of 0 or more", float: "a number of 0 or more"}.get(hint, str(hint))


def lexicon_references(params: Any) -> list[tuple[str, str]]:
    """(parameter name, lexicon name) for every lexicon a rule's parameters refer to."""
    if params is None:
        return []
    hints = _type_hints(type(params))  # type: ignore[arg-type]  # a class is hashable
    refs = []
    for f in dataclasses.fields(params):
        value = getattr(params, f.name)
        if hints[f.name] is LexiconName:
            refs.append((f.name, value))
        elif typing.get_args(hints[f.name])[:1] == (LexiconName,):
            refs += [(f.name, item) for item in value]
    return refs


def _parse_examples(r: _Reader, raw: Any, where: Path, has_fix: bool = False) -> Examples:
    body = r.mapping(raw, where, {"bad", "good"})
    found: dict[str, tuple[Post, ...]] = {}
    fixed: list[str | None] = []
    for key in ("bad", "good"):
        items = body.get(key)
        if not isinstance(items, list) or not items:
            r.problem(where + (key,), "needs at least one example post")
            found[key] = ()
            continue
        posts = []
        for i, item in enumerate(items):
            spot = where + (key, i)
            fields = {"text": item} if isinstance(item, str) else item
            if not isinstance(fields, dict):
                r.problem(spot, "must be the text of a post, or a mapping of post fields")
                continue
            fixed_text = _fixed_text(r, fields, spot, key, has_fix)
            fields = {name: value for name, value in fields.items() if name != "fixed"}
            try:
                posts.append(post_from_fields(fields, Origin(r.path, line_of(r.lines, spot)), default_id=f"{key}[{i}]"))
            except FieldError as exc:
                r.problem(spot + (exc.field,), str(exc).split(": ", 1)[1])
                continue
            if key == "bad":
                fixed.append(fixed_text)
        found[key] = tuple(posts)
    if has_fix and found["bad"] and not any(text is not None for text in fixed):
        r.problem(where + ("bad",), "the rule has a fix: give at least one bad example its fixed text ({text: ..., fixed: ...})")
    return Examples(found["bad"], found["good"], tuple(fixed) if any(t is not None for t in fixed) else ())


def _fixed_text(r: _Reader, fields: Mapping[str, Any], spot: Path, key: str, has_fix: bool) -> str | None:
    """The `fixed` field of an example: the text the rule's fix must turn a bad example into."""
    if "fixed" not in fields:
        return None
    value = fields["fixed"]
    if key != "bad":
        r.problem(spot + ("fixed",), "only a bad example has a fixed text")
    elif not has_fix:
        r.problem(spot + ("fixed",), "the rule has no fix: add 'fix' to the rule or remove 'fixed'")
    elif not isinstance(value, str) or not value.strip():
        r.problem(spot + ("fixed",), "must be the text of the post once fixed")
    else:
        return value
    return None
