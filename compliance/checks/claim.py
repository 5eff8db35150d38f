"""A claim that needs proof the advertiser is unlikely to have ("cures eczema", "clinically
proven"), in a post that advertises.

Not reported when the words around it say it is not a pitch: negated ("no supplement can cure
anxiety"), in quotation marks, or in a sentence of news, science or criticism (the `context`
lexicons: "scientists are searching for a cure", "don't fall for 'melts fat' ads"). With a claims
register, a claim whose sentence says what an approved claim says is substantiated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from ..analysis import Analysis, Label
from ..nlp.quantities import pounds_per_week
from .base import Hit, LexiconName

KIND = "claim"
PLACEHOLDERS = frozenset({"claim", "suggestion"})
QUOTES = "\"'“”‘’«»"
QUOTE_REACH = 30  # a closing quote this close after the claim: the claim is quoted


@dataclass(frozen=True)
class Params:
    claims: LexiconName  # the claims this rule reports
    context: tuple[LexiconName, ...] = ()  # words that make it acceptable: news, criticism, a qualification
    context_scope: Literal["sentence", "post"] = "sentence"  # where those words count: in the claim's "sentence", or anywhere in the "post"
    when: tuple[LexiconName, ...] = ()  # only when each of these lexicons also matches the post
    unless: tuple[LexiconName, ...] = ()  # a statement that cures the claim ("median earnings were $212")
    negation_window: int = 5  # a negator this many words before the claim negates it
    register: bool = True  # an approved claim in the brand's claims register substantiates it
    rate_above: float = 0.0  # if set: only claims of losing weight faster than this, in lb a week


def check(params: Params, analysis: Analysis) -> Iterator[Hit]:
    # The claim itself first: most posts have none, and then nothing else needs matching.
    if not analysis.promotional:
        return
    claims = analysis.labels(params.claims)
    if not claims or not all(analysis.labels(lexicon) for lexicon in params.when):
        return
    if any(analysis.disclosures(lexicon) for lexicon in params.unless):
        return
    seen_sentences: set[tuple[str, int | None, int]] = set()
    for label in claims:
        surface = analysis.surface_of(label)
        sentence = surface.sentence(label.norm_start)
        if (label.surface, label.frame, sentence[0]) in seen_sentences or not _is_a_pitch(label, sentence, params, analysis):
            continue
        suggestion = ""
        if params.register and analysis.register is not None:
            verdict = analysis.register.judge(surface.norm.text[sentence[0] : sentence[1]], analysis.post.market)
            if verdict.approved is not None:
                continue
            if verdict.closest is not None:
                suggestion = f' The closest approved wording is: "{verdict.closest.text}" ({verdict.closest.evidence}).'
        seen_sentences.add((label.surface, label.frame, sentence[0]))  # one finding per claim sentence
        start, end = (label.start, label.end) if label.surface == "text" else (None, None)
        yield Hit(start, end, {"claim": label.text, "suggestion": suggestion})


def _is_a_pitch(label: Label, sentence: tuple[int, int], params: Params, analysis: Analysis) -> bool:
    surface = analysis.surface_of(label)
    if label.negated or surface.negator_before(label.norm_start, params.negation_window):
        return False
    if surface.negated_inside(label.norm_start, label.norm_end):
        return False
    if params.rate_above and (pounds_per_week(label.text) or 0.0) <= params.rate_above:
        return False
    text = surface.norm.text
    before, after = text[max(label.norm_start - 2, 0) : label.norm_start], text[label.norm_end : sentence[1]]
    if any(q in before for q in QUOTES) and any(q in after[:QUOTE_REACH] for q in QUOTES):
        return False  # quoted, to report or criticise it
    for lexicon in params.context:
        for other in analysis.labels(lexicon, surfaces=(label.surface,)):
            inside = params.context_scope == "post" or sentence[0] <= other.norm_start < sentence[1]
            part_of_claim = label.norm_start <= other.norm_start and other.norm_end <= label.norm_end
            if other.frame == label.frame and inside and not part_of_claim:
                return False
    return True
