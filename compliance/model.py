"""The data that flows through the linter: posts in, findings and input errors out."""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import enum
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

CATEGORIES = (
    "disclosure.missing",
    "disclosure.unclear",
    "disclosure.placement",
    "disclosure.language",
    "claim.health",
    "claim.earnings",
    "claim.financial",
    "claim.environmental",
    "claim.origin",
    "claim.pricing",
    "claim.review",
    "claim.other",
    "statement.missing",
    "content.prohibited",
)
PLATFORMS = (
    "instagram", "tiktok", "youtube", "facebook", "x", "linkedin",
    "threads", "pinterest", "blog", "email", "other",
)
LANGUAGES = ("en", "fr", "es", "de", "vi")  # the languages with a pipeline (ISO 639-1)
FORMATS = ("feed", "story", "reel", "short", "video", "live", "thread", "article")
NONE_VALUE = "(none)"  # how reports name a missing channel, week, campaign or creator
RELATIONSHIPS = (
    "none", "paid", "gifted", "affiliate", "employee", "owner", "family",
    "ambassador", "contest", "advertiser", "unknown",
)


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Severity":
        return cls[value.upper()]


@dataclass(frozen=True)
class Origin:
    """Where a post's text sits in its source file, so offsets map back to line and column.

    `literal` is set when the text was written as a JSON string: the raw characters of that
    string (without the quotes), whose escapes shift the columns of everything after them.
    `lines` is set when the text's lines are scattered in the file (the cues of a caption file,
    an indented YAML block): the file (line, column) where each line of the text begins.
    """

    path: str
    line: int = 1
    column: int = 1
    literal: str | None = None
    lines: tuple[tuple[int, int], ...] | None = None

    def locate(self, text: str, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source file of character `offset` of `text`."""
        offset = max(0, min(offset, len(text)))
        if self.literal is not None:
            return self.line, self.column + _raw_index(self.literal, offset)
        starts = _line_starts(text) if len(text) > LONG_TEXT else None
        if starts is not None:  # a long post with many findings: no counting from the start each time
            newlines = bisect.bisect_right(starts, offset) - 1
            line_start = starts[newlines]
        else:
            newlines = text.count("\n", 0, offset)
            line_start = text.rfind("\n", 0, offset) + 1
        if self.lines:
            line, column = self.lines[min(newlines, len(self.lines) - 1)]
            return line, column + offset - line_start
        if newlines == 0:
            return self.line, self.column + offset
        return self.line + newlines, offset - line_start + 1


LONG_TEXT = 10_000  # characters past which a post's line starts are worked out once


@functools.lru_cache(maxsize=8)
def _line_starts(text: str) -> tuple[int, ...]:
    return (0, *(match.end() for match in re.finditer("\n", text)))


def _raw_index(literal: str, offset: int) -> int:
    """Index in a JSON string literal of the character at `offset` of the decoded string."""
    if "\\" not in literal:
        return offset
    decoded, extra = _escapes(literal)
    before = bisect.bisect_left(decoded, offset)  # escapes that decode to characters before `offset`
    return offset + (extra[before - 1] if before else 0)


@functools.lru_cache(maxsize=8)
def _escapes(literal: str) -> tuple[list[int], list[int]]:
    """For each escape of a JSON string literal, in order: the decoded index of the character it
    stands for, and how many more raw characters than decoded ones there are up to its end."""
    decoded_at: list[int] = []
    extra_after: list[int] = []
    raw = decoded = extra = 0
    while raw < len(literal):
        if literal[raw] != "\\":
            raw += 1
        else:
            if literal[raw + 1 : raw + 2] != "u":
                width = 2
            elif _is_surrogate(literal, raw + 2, 0xD800) and literal[raw + 6 : raw + 8] == "\\u" and _is_surrogate(literal, raw + 8, 0xDC00):
                width = 12  # a surrogate pair decodes to one character
            else:
                width = 6
            raw += width
            extra += width - 1
            decoded_at.append(decoded)
            extra_after.append(extra)
        decoded += 1
    return decoded_at, extra_after


def _is_surrogate(literal: str, at: int, base: int) -> bool:
    """Whether the 4 hex digits at `at` are a high (base 0xD800) or low (0xDC00) surrogate."""
    digits = literal[at : at + 4]
    return len(digits) == 4 and all(c in "0123456789abcdefABCDEF" for c in digits) and base <= int(digits, 16) <= base + 0x3FF


@dataclass(frozen=True)
class Ignore:
    """A suppression written in a post's source: these rules (ids or prefixes; empty: none is
    allowed, the grammar requires them) are not reported in characters `start` to `end` of the
    text (None: the whole post), for `reason`. `line`: where it was written, to report it when
    it no longer matches anything."""

    rules: tuple[str, ...]
    reason: str
    line: int
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Post:
    """One piece of content to check, with the metadata fields of the post contract."""

    text: str
    id: str
    origin: Origin
    platform: str | None = None
    format: str | None = None
    language: str | None = None
    market: tuple[str, ...] = ()
    relationship: str | None = None
    sponsored: bool | None = None
    brand: str | None = None
    transcript: str | None = None
    cue_times: tuple[tuple[int, float], ...] = ()  # (offset in transcript, seconds) of timed cues
    overlay: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # Findings the post's own source says to ignore (a directive in a draft, an `ignore` field).
    ignores: tuple[Ignore, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        # A read-only mapping cannot be pickled; worker processes receive and return posts.
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        return (_post, (values | {"extra": dict(self.extra)},))


def _post(values: dict[str, Any]) -> Post:
    return Post(**(values | {"extra": MappingProxyType(values["extra"])}))


@dataclass(frozen=True)
class Entry:
    """A content-plan entry, as reports group by it."""

    id: str
    date: datetime.date | None = None
    platform: str | None = None
    format: str | None = None
    campaign: str | None = None
    creator: str | None = None
    pillar: str | None = None
    relationship: str | None = None
    market: tuple[str, ...] = ()
    draft: str | None = None  # the draft's path as the plan gives it; None for inline text
    line: int | None = None  # the entry's line in the plan file

    @property
    def week(self) -> str | None:
        """The ISO week, "2026-W10": the calendar unit agencies plan and report in."""
        if self.date is None:
            return None
        year, week, _ = self.date.isocalendar()
        return f"{year}-W{week:02d}"

    def value(self, dimension: str) -> str:
        """The entry's value for a summary dimension other than category."""
        value = {"channel": self.platform, "week": self.week, "campaign": self.campaign, "creator": self.creator}[dimension]
        return value or NONE_VALUE

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "date": self.date.isoformat() if self.date else None, "week": self.week,
            "platform": self.platform, "format": self.format, "campaign": self.campaign,
            "creator": self.creator, "pillar": self.pillar, "relationship": self.relationship,
            "market": list(self.market), "draft": self.draft,
        }


def normalise_words(text: str) -> str:
    """Text as compared across runs: compatibility forms folded, case and the amount of
    whitespace (a re-wrapped line) ignored."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class Fix:
    """Replace characters `start` to `end` of the post's text with `replacement` (an insertion
    when they are equal)."""

    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True)
class Suppression:
    """Why a finding does not count. `kind` as SARIF names it: "inSource" (a directive in the
    draft, an `ignore` field on the post) or "external" (configuration, a baseline)."""

    kind: str
    justification: str
    source: str  # where it was given: "path:line", "config", "baseline"

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "justification": self.justification, "source": self.source}


@dataclass(frozen=True)
class Finding:
    post: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    rule: str
    category: str
    severity: Severity
    message: str
    excerpt: str
    references: tuple[str, ...] = ()
    fix: Fix | None = None  # a safe edit of the post's text that resolves it
    suppression: Suppression | None = None  # why it does not count, when it does not
    ruleset: str = ""  # the rule set of the rule: a post for two markets is checked by both

    @property
    def suppressed(self) -> bool:
        return self.suppression is not None

    @property
    def fingerprint(self) -> str:
        """What was found, independent of where it sits in the file: the rule, the post and the
        words it points at (none for a finding about the whole post, whose excerpt is only the
        post's opening), so that edits elsewhere do not change it."""
        words = self.excerpt if self.end > self.start else ""
        key = "\x1f".join((self.rule, self.post, normalise_words(words)))
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        return {
            "post": self.post, "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "start": self.start, "end": self.end, "rule": self.rule, "ruleset": self.ruleset,
            "category": self.category, "severity": str(self.severity),
            "message": self.message, "excerpt": self.excerpt, "fix": self.fix.to_dict() if self.fix else None,
            "references": list(self.references), "suppressed": self.suppressed,
            "suppression": self.suppression.to_dict() if self.suppression else None,
        }


@dataclass(frozen=True)
class InputError:
    """A problem with the user's input: reported with its location, never raised to the user."""

    path: str
    line: int | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "message": self.message}

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
