"""A finished run: what every reporter renders."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Finding, InputError, Severity
from ..rules.schema import RuleSet


@dataclass
class Report:
    rulesets: tuple[RuleSet, ...]
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    posts: int = 0

    def by_category(self) -> dict[str, int]:
        return dict(sorted(Counter(f.category for f in self.findings if not f.suppressed).items()))

    def by_severity(self) -> dict[Severity, int]:
        return dict(Counter(f.severity for f in self.findings if not f.suppressed))

    def failing(self, threshold: Severity | None) -> bool:
        return threshold is not None and any(f.severity >= threshold and not f.suppressed for f in self.findings)
