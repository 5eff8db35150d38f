"""Find rule sets by name (shipped with the package) or by path, resolve `extends`, validate."""

from __future__ import annotations

import dataclasses
import functools
import re
import importlib.resources
from pathlib import Path as FsPath
from typing import Sequence

from .located import YamlError, load
from .schema import InvalidRuleSet, Lexicon, Problem, Rule, RuleSet, lexicon_references, parse_ruleset

BUILTIN_PACKAGE = "compliance.rulesets"
DEFAULT_RULESETS = ("us-ftc",)


def builtin_names() -> list[str]:
    """Names of the rule sets shipped with the package."""
    files = importlib.resources.files(BUILTIN_PACKAGE).iterdir()
    return sorted(f.name.removesuffix(".yaml") for f in files if f.name.endswith(".yaml"))


def load_rulesets(specs: Sequence[str] = DEFAULT_RULESETS) -> list[RuleSet]:
    """Each rule set named or pointed to by `specs`, with what it extends merged in.

    Raises InvalidRuleSet listing every problem found in every file involved.
    """
    loader = _Loader()
    rulesets = [loader.resolve(spec, base=None, chain=()) for spec in specs]
    for ruleset in {r.path: r for r in rulesets if r is not None}.values():
        loader.check_fixes(ruleset)
    if loader.problems:
        raise InvalidRuleSet(loader.problems)
    return [r for r in rulesets if r is not None]


def _is_path(spec: str) -> bool:
    return "/" in spec or "\\" in spec or spec.endswith((".yaml", ".yml"))


class _Loader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.resolved: dict[str, RuleSet | None] = {}

    def resolve(self, spec: str, base: FsPath | None, chain: tuple[str, ...]) -> RuleSet | None:
        source = self._read(spec, base, chain[-1] if chain else None)
        if source is None:
            return None
        shown, text, folder = source
        if shown in chain:
            self.problems.append(Problem(shown, 1, "extends", f"circular: {' -> '.join(chain + (shown,))}"))
            return None
        if shown not in self.resolved:
            self.resolved[shown] = self._parse_and_merge(shown, text, folder, chain + (shown,))
        return self.resolved[shown]

    def _read(self, spec: str, base: FsPath | None, parent: str | None) -> tuple[str, str, FsPath | None] | None:
        where = parent or spec
        if _is_path(spec):
            path = (base / spec) if base is not None and not FsPath(spec).is_absolute() else FsPath(spec)
            try:
                return str(path), path.read_text(encoding="utf-8"), path.parent
            except (OSError, UnicodeDecodeError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                self.problems.append(Problem(where, 1, "", f"cannot read rule set '{spec}': {reason}"))
                return None
        if spec not in builtin_names():
            known = ", ".join(builtin_names())
            self.problems.append(Problem(where, 1, "", f"unknown rule set '{spec}' (built-in: {known}; or give a path to a .yaml file)"))
            return None
        resource = importlib.resources.files(BUILTIN_PACKAGE) / f"{spec}.yaml"
        return f"{spec}.yaml", resource.read_text(encoding="utf-8"), None

    def _parse_and_merge(self, shown: str, text: str, folder: FsPath | None, chain: tuple[str, ...]) -> RuleSet | None:
        try:
            data, lines = load(text)
        except YamlError as exc:
            self.problems.append(Problem(shown, exc.line, "", f"not valid YAML: {exc}"))
            return None
        ruleset, problems = parse_ruleset(data, shown, lines)
        self.problems += problems
        parents = [self.resolve(parent, folder, chain) for parent in ruleset.extends]
        lexicons: dict[str, Lexicon] = {}
        rules: dict[str, Rule] = {}
        for parent in parents:
            if parent is not None:
                lexicons.update(parent.lexicons)
                rules.update({rule.id: dataclasses.replace(rule, ruleset=ruleset.id) for rule in parent.rules})
        lexicons.update(ruleset.lexicons)
        rules.update({rule.id: rule for rule in ruleset.rules})
        # The preferred label is the set's own, else the first one its parents give; every rule
        # of the set, inherited ones too, writes the label of the set it runs in.
        label = ruleset.preferred_label or next((p.preferred_label for p in parents if p is not None and p.preferred_label), None)
        merged = dataclasses.replace(
            ruleset, lexicons=lexicons, preferred_label=label,
            rules=tuple(dataclasses.replace(rule, preferred_label=label) for rule in rules.values()),
        )
        self._check_references(merged)
        return merged

    def check_fixes(self, ruleset: RuleSet) -> None:
        """A rule set that is used (not only extended) needs a preferred label if a rule has a fix."""
        if ruleset.preferred_label:
            return
        for rule in ruleset.rules:
            if rule.fix:
                self.problems.append(Problem(
                    rule.path, rule.fix_line, f"{rule.id}.fix",
                    f"'{rule.fix}' writes the rule set's preferred label, and '{ruleset.id}' has none (add preferred_label: \"#ad\")",
                ))

    def _check_references(self, ruleset: RuleSet) -> None:
        known = ruleset.lexicons
        for lexicon in known.values():
            for child in lexicon.include:
                if child not in known:
                    self.problems.append(Problem(ruleset.path, lexicon.line, f"lexicons.{lexicon.name}.include", f"unknown lexicon '{child}'"))
        for rule in ruleset.rules:
            for param, name in lexicon_references(rule.params):
                if name not in known:
                    line = rule.param_lines.get(param, rule.line)
                    self.problems.append(Problem(rule.path, line, f"{rule.id}.params.{param}", f"unknown lexicon '{name}'"))


_MARKETS_LINE = re.compile(r"^markets:\s*\[([^\]]*)\]", re.MULTILINE)


@functools.cache
def builtin_markets() -> dict[str, tuple[str, ...]]:
    """The markets of each built-in rule set, read from its `markets: [...]` line: finding the
    set of a market must not cost parsing them all."""
    found = {}
    for name in builtin_names():
        text = (importlib.resources.files(BUILTIN_PACKAGE) / f"{name}.yaml").read_text(encoding="utf-8")
        line = _MARKETS_LINE.search(text)
        if line:
            found[name] = tuple(m.strip().strip("'\"") for m in line.group(1).split(",") if m.strip())
    return found


@functools.cache
def market_rulesets(market: str) -> list[RuleSet]:
    """The built-in rule sets of a market (`uk`: uk-asa)."""
    names = [name for name, markets in builtin_markets().items() if market in markets]
    return [ruleset for ruleset in load_rulesets(names) if market in ruleset.markets] if names else []
