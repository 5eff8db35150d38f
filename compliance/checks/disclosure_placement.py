"""A disclosure in the caption that readers can miss: after the platform's fold, or buried
in a cluster of hashtags, mentions and links."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal, Mapping

import re

import regex

from ..analysis import Analysis, Label
from ..matching import URL
from .base import Hit, LexiconName, at_label

KIND = "disclosure_placement"
PLACEHOLDERS = frozenset({"label", "platform", "fold", "fold_lines", "offset", "line"})

_GRAPHEME = regex.compile(r"\X")
# Words, or a blank line, between two tags end a cluster.
_BREAK = re.compile(r"\w|\n[^\S\n]*\n")
_TAG = re.compile(r"[#@]\w[\w.]*\w|[#@]\w")


@dataclass(frozen=True)
class Params:
    accepted: LexiconName
    position: Literal["fold", "cluster"]  # "fold": the first label must start before the fold; "cluster": not buried in tags
    fold: Mapping[str, int] = field(default_factory=dict)  # characters visible before "more", by platform
    fold_lines: Mapping[str, int] = field(default_factory=dict)  # lines visible before "more", by platform
    cluster_size: int = 3  # this many hashtags, mentions or links in a row make a cluster


def check(params: Params, analysis: Analysis) -> Iterator[Hit]:
    if not analysis.connections:
        return
    labels = analysis.disclosures(params.accepted, surfaces=("text",))
    if not labels:
        return
    text = analysis.post.text
    if params.position == "fold":
        hit = _after_fold(labels[0], text, analysis.post.platform or "", params)
    else:
        hit = _buried(labels, text, params.cluster_size)
    if hit is not None:
        yield hit


def _after_fold(first: Label, text: str, platform: str, params: Params) -> Hit | None:
    chars = params.fold.get(platform)
    lines = params.fold_lines.get(platform)
    line = text.count("\n", 0, first.start) + 1
    # Characters as a reader counts them: an emoji made of several code points is one.
    seen = first.start if text[: first.start].isascii() else len(_GRAPHEME.findall(text, 0, first.start))
    if (chars is not None and seen >= chars) or (lines is not None and line > lines):
        return at_label(
            first, platform=platform, fold=chars if chars is not None else "?",
            fold_lines=lines if lines is not None else "?", offset=seen + 1, line=line,
        )
    return None


def _buried(labels: list[Label], text: str, size: int) -> Hit | None:
    clusters = _clusters(text, size)
    first_token = len(text) - len(text.lstrip())
    buried = [
        label for label in labels
        if label.start != first_token and any(start <= label.start < end for start, end in clusters)
    ]
    return at_label(buried[0]) if buried and len(buried) == len(labels) else None


def _clusters(text: str, size: int) -> list[tuple[int, int]]:
    """Spans of `size` or more tags, mentions or links with only spaces, punctuation or emoji between."""
    items = [m.span() for m in _TAG.finditer(text)]
    if "/" in text:  # links count too; most captions have none, and the link pattern is the slow one
        items = sorted(items + [m.span() for m in URL.finditer(text)])
    clusters: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for span in items:
        if run and (span[0] < run[-1][1] or _BREAK.search(text, run[-1][1], span[0])):
            if span[0] < run[-1][1]:
                continue  # a hashtag inside a link ("…/page#top") is part of the link
            if len(run) >= size:
                clusters.append((run[0][0], run[-1][1]))
            run = []
        run.append(span)
    if len(run) >= size:
        clusters.append((run[0][0], run[-1][1]))
    return clusters
