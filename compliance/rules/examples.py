"""Rule examples are tests: every `bad` post must raise its rule, every `good` post must not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from ..engine import Checker
from ..model import Post
from .schema import Rule, RuleSet


@dataclass(frozen=True)
class ExampleOutcome:
    rule: Rule
    expectation: str  # "bad" or "good"
    post: Post
    raised: tuple[str, ...]  # rule ids the example raised

    @property
    def passed(self) -> bool:
        return (self.rule.id in self.raised) == (self.expectation == "bad")

    def describe(self) -> str:
        want = "should raise" if self.expectation == "bad" else "should not raise"
        got = ", ".join(self.raised) or "nothing"
        return f"{self.post.origin.path}:{self.post.origin.line}: {self.rule.id} {self.expectation} example {want} it; raised {got}: {self.post.text!r}"


def run_examples(rulesets: Sequence[RuleSet]) -> Iterator[ExampleOutcome]:
    """Each example through its own rule set, with every rule of the set enabled."""
    for ruleset in rulesets:
        checker = Checker([ruleset])
        for rule in ruleset.rules:
            for expectation, posts in (("bad", rule.examples.bad), ("good", rule.examples.good)):
                for post in posts:
                    raised = tuple(f.rule for f in checker.check(post).findings)
                    yield ExampleOutcome(rule, expectation, post, raised)
