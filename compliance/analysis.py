"""What the NLP pass knows about one post: its surfaces, lexicon matches, labels and connections.

A post has up to three surfaces a reader sees: the text (caption, description, body), the
overlay (on-screen text, one entry per frame) and the transcript (spoken words). Rule kinds ask
this module questions ("which labels of lexicon X, and where?", "is there a material connection,
and what shows it?") and never touch spaCy or offsets themselves.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from .matching import MENTION, CompiledLexicons, Matches, Scan
from .model import Post
from .nlp.normalise import Normalised

if TYPE_CHECKING:
    from .claims import ClaimsRegister

NEGATORS = frozenset({"not", "n't", "no", "never", "nobody", "none", "nothing", "neither", "nor"})
# Words that may stand between a negator and what it negates: "not really an ad", "isn't a sponsored post".
NEGATION_BRIDGE = frozenset({"a", "an", "the", "this", "that", "it", "really", "even", "actually", "at", "all", "being", "been"})
NEGATION_REACH = 3

ALL_SURFACES = ("text", "overlay", "transcript")

# Relationships that are not a material connection to disclose, whatever the text says.
NO_CONNECTION = frozenset({"none", "advertiser"})


@dataclass(frozen=True)
class Surface:
    """One readable surface of a post, normalised and run through the pipeline."""

    name: str  # "text", "overlay" or "transcript"
    frame: int | None  # overlay frame index, for multi-frame stories
    raw: str
    norm: Normalised
    doc: Doc
    spoken: bool = False  # the text is also the transcript (a caption file): one surface, not two

    def is_named(self, name: str) -> bool:
        return self.name == name or (self.spoken and name == "transcript")

    @functools.cached_property
    def _token_arrays(self) -> tuple[list[int], list[int]]:
        """Character offset and sentence-start flag of every token (arrays: no Token objects)."""
        columns = self.doc.to_array([IDX, SENT_START]).tolist() if len(self.doc) else []
        return [row[0] for row in columns], [row[1] for row in columns]

    def negated(self, start: int) -> bool:
        """Whether the words just before normalised offset `start` negate what starts there:
        a negator, then at most NEGATION_REACH bridging words, in the same sentence."""
        starts, sentence_starts = self._token_arrays
        index = bisect.bisect_left(starts, start)
        if index < len(starts) and sentence_starts[index] == 1:
            return False  # what starts a sentence is not negated by the one before
        steps = 0
        for i in range(index - 1, -1, -1):
            word = self.doc[i].lower_
            if word in NEGATORS:
                return True
            if word not in NEGATION_BRIDGE or steps >= NEGATION_REACH or sentence_starts[i] == 1:
                return False
            steps += 1
        return False

    def negator_before(self, start: int, window: int) -> bool:
        """Whether a negator stands among the `window` words before normalised offset `start`,
        in the same sentence: "no supplement can cure anxiety" negates "cure"."""
        starts, sentence_starts = self._token_arrays
        index = bisect.bisect_left(starts, start)
        for i in range(index - 1, max(index - window, 0) - 1, -1):
            if self.doc[i].lower_ in NEGATORS:
                return True
            if sentence_starts[i] == 1:
                return False
        return False

    def negated_inside(self, start: int, end: int, opening: int = 2) -> bool:
        """Whether "not", "n't" or "never" stands inside [start, end) after its first `opening`
        tokens: "tea won't melt fat" is negated; "can't lose" opens with its negation."""
        starts, _ = self._token_arrays
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return any(self.doc[i].lower_ in ("not", "n't", "never") for i in range(first + opening, last))

    def sentence(self, start: int) -> tuple[int, int]:
        """The normalised span of the sentence around offset `start`."""
        starts, sentence_starts = self._token_arrays
        if not starts:
            return 0, len(self.norm.text)
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        first = next((i for i in range(index, -1, -1) if sentence_starts[i] == 1), 0)
        after = next((i for i in range(index + 1, len(starts)) if sentence_starts[i] == 1), None)
        return starts[first], starts[after] if after is not None else len(self.norm.text)


@dataclass(frozen=True)
class Label:
    """A lexicon match, located in the raw text of its surface."""

    lexicon: str
    surface: str
    frame: int | None
    start: int
    end: int
    text: str
    negated: bool
    obfuscated: bool  # the raw text differs from what matched: homoglyphs, zero-width, styled letters
    norm_start: int = 0  # the span in the surface's normalised text (for sentence and context tests)
    norm_end: int = 0


@dataclass(frozen=True)
class Evidence:
    """Something that shows a material connection: a metadata field or words in the post."""

    kind: str  # a relationship such as "affiliate", or "sponsored" when the kind is unknown
    source: str  # "metadata" or a surface name
    start: int | None
    end: int | None
    text: str


class Analysis:
    """One post seen through one rule set's lexicons."""

    def __init__(
        self, post: Post, surfaces: list[Surface], lexicons: CompiledLexicons,
        signals: Mapping[str, str], denials: frozenset[str] = frozenset(), register: ClaimsRegister | None = None,
    ) -> None:
        self.post = post
        self.surfaces = surfaces
        self.text = surfaces[0]
        self.lexicons = lexicons
        self.signals = signals  # lexicon name -> connection kind its matches show
        self.denials = denials  # lexicons whose matches negate every label they overlap
        self.register = register  # the brand's substantiated claims, if given
        self._label_cache: dict[tuple[str, tuple[str, ...]], list[Label]] = {}
        self._rest: dict[tuple[int, str], list[tuple[int, int]]] = {}

    @functools.cached_property
    def _brands(self) -> list[str]:
        brands = [self.post.brand] if self.post.brand else []
        return brands + [mention[1:] for mention in MENTION.findall(self.text.norm.text)]

    @functools.cached_property
    def _scans(self) -> list[Scan]:
        return [self.lexicons.scan(s.norm.text) for s in self.surfaces]

    @functools.cached_property
    def _first_found(self) -> list[Matches]:
        """Per surface, the matches of the lexicons that show or deny a connection."""
        return [self.lexicons.match(scan, s.doc, self._brands, part="first") for s, scan in zip(self.surfaces, self._scans)]

    @functools.cached_property
    def _first(self) -> list[Matches]:
        return [self.lexicons.with_includes(found) for found in self._first_found]

    def _spans(self, index: int, lexicon: str) -> list[tuple[int, int]]:
        """The spans of `lexicon` on surface `index`. Lexicons of the second part are matched
        one by one, on demand: a claim's context words only when a claim was found."""
        if lexicon in self.lexicons.first:
            return self._first[index].get(lexicon, [])
        key = (index, lexicon)
        if key not in self._rest:
            surface = self.surfaces[index]
            self._rest[key] = self.lexicons.spans_of(
                self._scans[index], surface.doc, self._brands, lexicon, self._first_found[index],
            )
        return self._rest[key]

    def labels(self, lexicon: str, surfaces: Iterable[str] = ALL_SURFACES) -> list[Label]:
        """Every match of `lexicon` on the given surfaces, in reading order."""
        key = (lexicon, tuple(surfaces))
        if key not in self._label_cache:
            self._label_cache[key] = self._find_labels(lexicon, set(surfaces))
        return self._label_cache[key]

    def _find_labels(self, lexicon: str, wanted: set[str]) -> list[Label]:
        found = []
        for index, surface in enumerate(self.surfaces):
            if not any(surface.is_named(name) for name in wanted):
                continue
            spans = self._spans(index, lexicon)
            if not spans:
                continue
            first = self._first[index]
            denied = [] if lexicon in self.denials else [span for name in self.denials for span in first.get(name, ())]
            for start, end in spans:
                raw_start, raw_end = surface.norm.to_raw(start, end)
                negated = surface.negated(start) or any(a < end and start < b for a, b in denied)
                found.append(Label(
                    lexicon, surface.name, surface.frame, raw_start, raw_end, surface.raw[raw_start:raw_end],
                    negated=negated, obfuscated=surface.norm.changed(surface.raw, start, end),
                    norm_start=start, norm_end=end,
                ))
        return found

    def disclosures(self, lexicon: str, surfaces: Iterable[str] = ALL_SURFACES) -> list[Label]:
        """Labels of `lexicon` that really disclose: not negated, not obfuscated."""
        return [label for label in self.labels(lexicon, surfaces) if not (label.negated or label.obfuscated)]

    @functools.cached_property
    def connections(self) -> tuple[Evidence, ...]:
        """What shows a material connection, metadata first, then the text in reading order."""
        post = self.post
        if post.sponsored is False or post.relationship in NO_CONNECTION:
            return ()
        declared = []
        if post.relationship and post.relationship != "unknown":
            declared.append(Evidence(post.relationship, "metadata", None, None, f"relationship: {post.relationship}"))
        elif post.sponsored:
            declared.append(Evidence("sponsored", "metadata", None, None, "sponsored: true"))
        matched = {name for matches in self._first for name in matches}
        shown = [
            Evidence(kind, label.surface, label.start, label.end, label.text)
            for lexicon, kind in self.signals.items()
            if lexicon in matched
            for label in self.labels(lexicon)
            if not label.negated
        ]
        shown.sort(key=lambda e: (e.source != "text", e.start or 0))
        return tuple(declared + shown)

    @property
    def promotional(self) -> bool:
        """Whether the post is advertising: a material connection, or the brand's own channel."""
        return self.post.relationship == "advertiser" or bool(self.connections)

    def surface_of(self, label: Label) -> Surface:
        return next(s for s in self.surfaces if s.name == label.surface and s.frame == label.frame)

    def connections_of(self, kinds: Iterable[str]) -> list[Evidence]:
        wanted = set(kinds)
        return [e for e in self.connections if not wanted or e.kind in wanted]

    def surfaces_named(self, name: str) -> Iterator[Surface]:
        return (s for s in self.surfaces if s.is_named(name))
