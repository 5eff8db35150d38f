"""A video's on-screen text or spoken words that leave out a disclosure the caption makes:
readers of the caption see it, viewers of the video do not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from ..analysis import Analysis
from .base import Hit, LexiconName, is_disclosed

KIND = "surface_disclosure"
PLACEHOLDERS = frozenset({"surface", "frame", "frames"})


@dataclass(frozen=True)
class Params:
    accepted: LexiconName
    surface: Literal["overlay", "transcript"]
    per_frame: bool = False  # every overlay frame (story) must carry it, not just one

    def __post_init__(self) -> None:
        if self.per_frame and self.surface != "overlay":
            raise ValueError("per_frame applies only to surface: overlay")


def check(params: Params, analysis: Analysis) -> Iterator[Hit]:
    surfaces = list(analysis.surfaces_named(params.surface))
    # Nothing to judge without the surface; with no disclosure anywhere, it is missing, not misplaced.
    if not surfaces or not analysis.connections or not is_disclosed(analysis, params.accepted):
        return
    disclosed_frames = {label.frame for label in analysis.disclosures(params.accepted, surfaces=(params.surface,))}
    if params.per_frame:
        for surface in surfaces:
            if surface.frame not in disclosed_frames:
                yield Hit(None, None, {"surface": params.surface, "frame": (surface.frame or 0) + 1, "frames": len(surfaces)})
    elif not disclosed_frames:
        yield Hit(None, None, {"surface": params.surface, "frame": 1, "frames": len(surfaces)})
