"""Text that denies a material connection the post has ("not sponsored", "this is not an ad")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..analysis import Analysis
from .base import Hit, LexiconName, at_label, first_label

KIND = "contradicted_disclosure"
PLACEHOLDERS = frozenset({"label", "evidence"})


@dataclass(frozen=True)
class Params:
    denials: LexiconName  # wordings that deny a connection ("#notsponsored", "no one paid me")
    accepted: LexiconName  # a negated accepted label ("not #ad", "isn't sponsored") is a denial too


def check(params: Params, analysis: Analysis) -> Iterator[Hit]:
    if not analysis.connections:
        return
    denials = [label for label in analysis.labels(params.denials) if not label.negated]
    denials += [label for label in analysis.labels(params.accepted) if label.negated]
    if denials:
        yield at_label(first_label(denials), evidence=analysis.connections[0].text)
