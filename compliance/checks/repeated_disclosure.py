"""A long live stream that says its disclosure once: viewers who join later never hear it.

With timed cues the gap is measured in minutes; with a plain transcript, in words (at a typical
speaking rate of 150 words a minute).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterator

import regex

from ..analysis import Analysis
from ..model import Post
from .base import Hit, LexiconName

KIND = "repeated_disclosure"
PLACEHOLDERS = frozenset({"gap_minutes", "max_gap_minutes"})
WORDS_PER_MINUTE = 150

_WORD = regex.compile(r"\w+")


@dataclass(frozen=True)
class Params:
    accepted: LexiconName
    max_gap_minutes: int = 15  # the longest stretch of the stream allowed without a disclosure


def check(params: Params, analysis: Analysis) -> Iterator[Hit]:
    post = analysis.post
    if not post.transcript or not analysis.connections:
        return
    labels = analysis.disclosures(params.accepted, surfaces=("transcript",))
    if not labels:
        return
    marks = [0] + [label.start for label in labels] + [len(post.transcript)]
    gap = max(spoken_minutes(post, b) - spoken_minutes(post, a) for a, b in zip(marks, marks[1:]))
    if gap > params.max_gap_minutes:
        yield Hit(None, None, {"gap_minutes": round(gap), "max_gap_minutes": params.max_gap_minutes})


def spoken_minutes(post: Post, offset: int) -> float:
    """When the words at `offset` of the transcript are spoken, in minutes from the start."""
    transcript = post.transcript or ""
    if post.cue_times:
        index = bisect.bisect_right([start for start, _ in post.cue_times], offset) - 1
        if offset >= len(transcript):
            index = len(post.cue_times) - 1
        return post.cue_times[max(index, 0)][1] / 60
    return len(_WORD.findall(transcript, 0, offset)) / WORDS_PER_MINUTE
