"""What every rule kind shares: the hit it reports and the types its parameters may use.

A rule kind is a module with:
- `KIND`: its name in rule sets;
- `Params`: a frozen dataclass of its parameters (validated from YAML by its type hints);
- `PLACEHOLDERS`: the `{names}` its hits fill in a rule's message;
- `check(params, analysis) -> Iterator[Hit]`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, NewType

from ..analysis import Analysis, Evidence, Label

LexiconName = NewType("LexiconName", str)


@dataclass(frozen=True)
class Hit:
    """One violation: a span of the post's text (None: the post as a whole) and message values."""

    start: int | None
    end: int | None
    values: Mapping[str, object] = field(default_factory=dict)


def at_label(label: Label, **values: object) -> Hit:
    """A hit on a label: its span when it is in the text, the whole post when on another surface."""
    if label.surface == "text":
        return Hit(label.start, label.end, {"label": label.text, **values})
    where = f"{label.text} (in the {label.surface})"
    return Hit(None, None, {"label": where, **values})


def first_label(labels: list[Label]) -> Label:
    """The label a reader meets first: in the text before the other surfaces, then by position."""
    return min(labels, key=lambda label: (label.surface != "text", label.start))


def at_evidence(evidence: Evidence, **values: object) -> Hit:
    span = (evidence.start, evidence.end) if evidence.source == "text" else (None, None)
    return Hit(*span, {"evidence": evidence.text, **values})


def is_disclosed(analysis: Analysis, lexicon: str) -> bool:
    return bool(analysis.disclosures(lexicon))
