"""Helpers for the US FTC rule-set tests: one checker per process, posts built like `compliance.check`.

`compliance.check()` loads the rule sets and compiles the lexicons on every call (tens of
milliseconds); these tests check hundreds of posts, so they share one Checker and build each post
exactly as `check()` does. `test_us_ftc.py::test_lint_agrees_with_public_check` keeps the two in step.
"""

from __future__ import annotations

import functools
from typing import Iterable

from compliance import Checker, Finding, Origin, load_rulesets
from compliance.sources.fields import post_from_fields

US_DISCLOSURE_RULES = (
    "US-D-01", "US-D-02", "US-D-03", "US-D-04", "US-D-05", "US-D-07", "US-D-08", "US-D-08B", "US-D-09",
    "US-D-10", "US-D-12", "US-D-13", "US-D-14", "US-D-15", "US-D-16", "US-D-17", "US-D-19",
)


@functools.cache
def _checker() -> Checker:
    return Checker(load_rulesets(("us-ftc",)))


def lint(text: str, **fields: object) -> list[Finding]:
    """The findings of one post: the same post and checker that `compliance.check(text, **fields)` builds."""
    post = post_from_fields({**fields, "text": text}, Origin("<string>"), default_id="<string>")
    return list(_checker().check(post).findings)


def rules(findings: Iterable[Finding]) -> set[str]:
    return {f.rule for f in findings}


def rules_of(text: str, **fields: object) -> set[str]:
    return rules(lint(text, **fields))


def finding(text: str, rule: str, **fields: object) -> Finding:
    """The one finding of `rule` on a post (fails if there is none or several)."""
    found = [f for f in lint(text, **fields) if f.rule == rule]
    assert len(found) == 1, f"expected one {rule}, got {[(f.rule, f.message) for f in lint(text, **fields)]}"
    return found[0]


def describe(findings: Iterable[Finding], text: str) -> list[tuple[str, str]]:
    """Rule and spanned text of each finding: readable assertion messages."""
    return [(f.rule, text[f.start:f.end]) for f in findings]
