"""Words that must not appear at all in advertising, or not for some products ("FDA approved"
for a supplement: the FDA does not approve supplements)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..analysis import Analysis
from .base import Hit, LexiconName, at_label

KIND = "prohibited"
PLACEHOLDERS = frozenset({"label"})


@dataclass(frozen=True)
class Params:
    phrases: LexiconName  # what must not be said
    when: tuple[LexiconName, ...] = ()  # only when each of these lexicons also matches the post
    promotional: bool = True  # only in posts that advertise


def check(params: Params, analysis: Analysis) -> Iterator[Hit]:
    if params.promotional and not analysis.promotional:
        return
    phrases = [label for label in analysis.labels(params.phrases) if not label.negated]
    if phrases and all(analysis.labels(lexicon) for lexicon in params.when):
        yield from (at_label(label) for label in phrases)
