"""A material connection with no disclosure at all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..analysis import Analysis
from .base import Hit, LexiconName, at_evidence, is_disclosed

KIND = "missing_disclosure"
PLACEHOLDERS = frozenset({"evidence"})


@dataclass(frozen=True)
class Params:
    accepted: LexiconName  # wordings that disclose this kind of connection
    connections: tuple[str, ...] = ()  # connection kinds this rule covers; empty: any
    unless: tuple[LexiconName, ...] = ()  # labels that make it present but weak (another rule's job)


def check(params: Params, analysis: Analysis) -> Iterator[Hit]:
    evidence = analysis.connections_of(params.connections)
    if not evidence or is_disclosed(analysis, params.accepted):
        return
    # A weak, disguised or misplaced-elsewhere label is present: reporting it is another rule's job.
    if any(label.obfuscated for label in analysis.labels(params.accepted)):
        return
    if any(not label.negated for lexicon in params.unless for label in analysis.labels(lexicon)):
        return
    # Point at what the text shows (the link, the code) when it shows something.
    yield at_evidence(next((e for e in evidence if e.source == "text"), evidence[0]))
