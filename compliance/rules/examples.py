"""Rule examples are tests: every `bad` post must raise its rule, every `good` post must not,
and a bad post's `fixed` text is what the rule's fix makes of it, which no longer raises it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterator, Sequence

from ..checks.base import Hit
from ..engine import Checker
from ..fixes import apply, fix_for
from ..model import Finding, Fix, Post
from .schema import Rule, RuleSet


@dataclass(frozen=True)
class ExampleOutcome:
    rule: Rule
    expectation: str  # "bad", "good", or "fixed" (the bad example's fix)
    post: Post
    raised: tuple[str, ...]  # rule ids the example raised
    fixed: str | None = None  # for "fixed": the text the fix must give
    got: str | None = None  # for "fixed": the text the fix gave (None: the rule offered no fix)
    fixed_raised: tuple[str, ...] = ()  # for "fixed": rule ids the fixed text raised

    @property
    def passed(self) -> bool:
        if self.expectation == "fixed":
            return self.got == self.fixed and self.rule.id not in self.fixed_raised and not self.new_rules
        return (self.rule.id in self.raised) == (self.expectation == "bad")

    @property
    def new_rules(self) -> tuple[str, ...]:
        """Rules the fixed text raises that the bad example did not: a fix must not trade one
        finding for another."""
        return tuple(rule for rule in self.fixed_raised if rule not in self.raised)

    def describe(self) -> str:
        where = f"{self.post.origin.path}:{self.post.origin.line}: {self.rule.id}"
        if self.expectation == "fixed":
            if self.got is None:
                problem = "the rule offered no fix"
            elif self.got != self.fixed:
                problem = f"the fix gives {self.got!r}, not {self.fixed!r}"
            elif self.rule.id in self.fixed_raised:
                problem = f"the fixed text still raises {self.rule.id}"
            elif self.new_rules:
                problem = f"the fixed text raises {', '.join(self.new_rules)}, which the bad example did not"
            else:
                return f"{where} fixed example gives {self.fixed!r}"
            return f"{where} fixed example: {problem}: {self.post.text!r}"
        want = "should raise" if self.expectation == "bad" else "should not raise"
        got = ", ".join(self.raised) or "nothing"
        return f"{where} {self.expectation} example {want} it; raised {got}: {self.post.text!r}"


def run_examples(rulesets: Sequence[RuleSet]) -> Iterator[ExampleOutcome]:
    """Each example through its own rule set, with every rule of the set enabled."""
    for ruleset in rulesets:
        checker = Checker([ruleset])
        for rule in ruleset.rules:
            for expectation, posts in (("bad", rule.examples.bad), ("good", rule.examples.good)):
                for index, post in enumerate(posts):
                    findings = checker.check(post).findings
                    raised = tuple(f.rule for f in findings)
                    yield ExampleOutcome(rule, expectation, post, raised)
                    fixed = rule.examples.fixed_text(index) if expectation == "bad" else None
                    if fixed is not None:
                        yield _fixed_outcome(checker, rule, post, findings, raised, fixed)


def _fixed_outcome(checker: Checker, rule: Rule, post: Post, findings: Sequence[Finding], raised: tuple[str, ...], fixed: str) -> ExampleOutcome:
    fixes = [fix for fix in (_fix_of(rule, f, post) for f in findings if f.rule == rule.id) if fix is not None]
    if not fixes:
        return ExampleOutcome(rule, "fixed", post, raised, fixed)
    got = apply(post.text, fixes)
    fixed_raised = tuple(f.rule for f in checker.check(dataclasses.replace(post, text=got)).findings)
    return ExampleOutcome(rule, "fixed", post, raised, fixed, got, fixed_raised)


def _fix_of(rule: Rule, finding: Finding, post: Post) -> Fix | None:
    """The finding's fix; computed here from its span when the checker did not attach one."""
    if finding.fix is not None:
        return finding.fix
    span = (finding.start, finding.end) if finding.end > finding.start else (None, None)
    return fix_for(rule, Hit(*span), post, rule.preferred_label)
