"""A statement the law requires beside a claim or a topic: the compensation and its amount beside
a crypto promotion, typical earnings beside an income claim."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..analysis import Analysis
from .base import Hit, LexiconName, at_label, first_label

KIND = "required"
PLACEHOLDERS = frozenset({"label"})


@dataclass(frozen=True)
class Params:
    when: LexiconName  # what makes the statement necessary
    statement: LexiconName  # accepted wordings of the statement
    promotional: bool = True  # only in posts that advertise
    endorsements_only: bool = False  # only from endorsers with a material connection, not the brand's own posts


def check(params: Params, analysis: Analysis) -> Iterator[Hit]:
    if params.promotional and not analysis.promotional:
        return
    if params.endorsements_only and not analysis.connections:
        return
    triggers = [label for label in analysis.labels(params.when) if not label.negated]
    if triggers and not analysis.disclosures(params.statement):
        yield at_label(first_label(triggers))
