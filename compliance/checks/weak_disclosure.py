"""A material connection disclosed only with words readers do not understand as advertising."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..analysis import Analysis
from .base import Hit, LexiconName, at_label, first_label, is_disclosed

KIND = "weak_disclosure"
PLACEHOLDERS = frozenset({"label", "evidence"})


@dataclass(frozen=True)
class Params:
    labels: LexiconName  # the weak wordings this rule reports
    accepted: LexiconName  # any of these, written plainly, makes the disclosure clear
    obfuscated: bool = False  # also report accepted labels disguised by look-alike or invisible characters


def check(params: Params, analysis: Analysis) -> Iterator[Hit]:
    if not analysis.connections or is_disclosed(analysis, params.accepted):
        return
    weak = [label for label in analysis.labels(params.labels) if not label.negated]
    if params.obfuscated:
        weak += [label for label in analysis.labels(params.accepted) if label.obfuscated and not label.negated]
    if weak:
        yield at_label(first_label(weak), evidence=analysis.connections[0].text)
