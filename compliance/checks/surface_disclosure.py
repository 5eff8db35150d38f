"""A video's on-screen text or spoken words that leave out a disclosure the caption makes:
readers of the caption see it, viewers of the video do not. With `within_seconds`, the spoken
disclosure that comes too late: viewers who stop watching before it never hear it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from ..analysis import Analysis, Label
from .base import Hit, LexiconName, at_label, is_disclosed
from .repeated_disclosure import spoken_minutes

KIND = "surface_disclosure"
PLACEHOLDERS = frozenset({"surface", "frame", "frames", "seconds", "within_seconds", "label"})


@dataclass(frozen=True)
class Params:
    accepted: LexiconName
    surface: Literal["overlay", "transcript"]
    per_frame: bool = False  # every overlay frame (story) must carry it, not just one
    # If set: the first spoken disclosure must come within this many seconds (cue times, else
    # 150 words a minute).
    within_seconds: int | None = None

    def __post_init__(self) -> None:
        if self.per_frame and self.surface != "overlay":
            raise ValueError("per_frame applies only to surface: overlay")
        if self.within_seconds is not None and self.surface != "transcript":
            raise ValueError("within_seconds applies only to surface: transcript")


def check(params: Params, analysis: Analysis) -> Iterator[Hit]:
    surfaces = list(analysis.surfaces_named(params.surface))
    # Nothing to judge without the surface; with no disclosure anywhere, it is missing, not misplaced.
    if not surfaces or not analysis.connections or not is_disclosed(analysis, params.accepted):
        return
    labels = analysis.disclosures(params.accepted, surfaces=(params.surface,))
    if params.within_seconds is not None:
        yield from _late(params.within_seconds, analysis, labels)
        return
    disclosed_frames = {label.frame for label in labels}
    if params.per_frame:
        for surface in surfaces:
            if surface.frame not in disclosed_frames:
                yield Hit(None, None, {"surface": params.surface, "frame": (surface.frame or 0) + 1, "frames": len(surfaces)})
    elif not disclosed_frames:
        yield Hit(None, None, {"surface": params.surface, "frame": 1, "frames": len(surfaces)})


def _late(within_seconds: int, analysis: Analysis, labels: list[Label]) -> Iterator[Hit]:
    """The first spoken disclosure, when it comes after `within_seconds`. A transcript that never
    says it is the plain surface rule's finding (US-D-08), not this one's."""
    if not labels:
        return
    first = min(labels, key=lambda label: label.start)
    seconds = spoken_minutes(analysis.post, first.start) * 60
    if seconds > within_seconds:
        # At the words themselves when the transcript is the post's text (a caption file).
        yield at_label(first, surface="transcript", seconds=round(seconds), within_seconds=within_seconds)
