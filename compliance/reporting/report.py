"""What every reporter sees: the run's context, one Record per checked post, and running totals.

Reporters are streamed: `add` is called once per post in input order, `error` once per input
error that belongs to no post, and `finish` once at the end with the totals. A reporter that
needs everything before it writes (a grouped report) keeps the records itself; one that does
not (text, JSON, JSON Lines, CSV) writes as they come, so its memory stays flat.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Protocol, TextIO

from ..model import Entry, Finding, InputError, Severity
from ..rules.schema import RuleSet

# The dimensions an audit summarises findings by, in the order reports show them.
DIMENSIONS = ("channel", "week", "campaign", "creator", "category")


# What became of a post or plan entry.
CHECKED, NOT_CHECKED = "checked", "not checked"


@dataclass(frozen=True)
class Record:
    """One post as checked (or a plan entry that could not be), with what was found."""

    post: str  # the post id (a plan entry's id in an audit)
    path: str
    findings: tuple[Finding, ...] = ()
    errors: tuple[InputError, ...] = ()
    entry: Entry | None = None  # set in an audit
    text: str | None = None  # the post's text, kept in an audit to show findings in context
    status: str = CHECKED

    @property
    def active(self) -> tuple[Finding, ...]:
        """Findings that count: not suppressed."""
        return tuple(f for f in self.findings if not f.suppressed)


@dataclass(frozen=True)
class Plan:
    """The plan an audit ran over, as reports describe it."""

    path: str
    campaign: str | None = None
    brand: str | None = None
    markets: tuple[str, ...] = ()
    unplanned: tuple[str, ...] = ()  # drafts in the plan's folder that no entry lists


@dataclass(frozen=True)
class Run:
    """The context of a run, known before the first post."""

    rulesets: tuple[RuleSet, ...]
    hints: Mapping[str, str] = field(default_factory=dict)  # rule id -> how to fix
    plan: Plan | None = None
    titles: Mapping[str, str] = field(default_factory=dict)  # rule id -> title


@dataclass
class Totals:
    """Counts kept as records go by: bounded by the number of rules, channels, weeks …, not posts."""

    posts: int = 0
    errors: int = 0
    by_severity: Counter[Severity] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    # (dimension, value) -> findings; (dimension, value) -> posts, for audits
    by_dimension: Counter[tuple[str, str]] = field(default_factory=Counter)
    posts_by_dimension: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, record: Record) -> None:
        self.posts += record.status == CHECKED
        self.errors += len(record.errors)
        active = record.active
        for finding in active:
            self.by_severity[finding.severity] += 1
            self.by_category[finding.category] += 1
            self.by_rule[finding.rule] += 1
        if record.entry is not None:
            for dimension in DIMENSIONS[:-1]:
                key = (dimension, record.entry.value(dimension))
                self.posts_by_dimension[key] += 1
                self.by_dimension[key] += len(active)

    @property
    def findings(self) -> int:
        return sum(self.by_severity.values())

    def failing(self, threshold: Severity | None) -> bool:
        return threshold is not None and any(severity >= threshold for severity in self.by_severity)

    def summary(self) -> str:
        """The one line every run ends with."""
        posts = plural(self.posts, "post")
        if not self.posts and self.errors:
            return f"No posts checked: {plural(self.errors, 'input error')}."
        if not self.findings:
            text = f"All clear: {posts} checked, no findings."
        else:
            parts = [plural(self.by_severity[s], str(s)) for s in sorted(self.by_severity, reverse=True)]
            text = f"Found {plural(self.findings, 'finding')} ({', '.join(parts)}) in {posts}."
        if self.errors:
            text += f" {plural(self.errors, 'input error')}."
        return text

    def dimension(self, name: str) -> list[tuple[str, int, int]]:
        """(value, posts, findings) for one audit dimension, sorted by value."""
        if name == "category":
            return [(category, 0, count) for category, count in sorted(self.by_category.items())]
        values = sorted(value for dimension, value in self.posts_by_dimension if dimension == name)
        return [(v, self.posts_by_dimension[(name, v)], self.by_dimension[(name, v)]) for v in values]


def plural(count: int, noun: str) -> str:
    """'1 finding', '2 findings'."""
    return f"{count} {noun}{'s' if count != 1 else ''}"


class Reporter(Protocol):
    """An output format. Modules in this package define one class each and register it by name."""

    def __init__(self, out: TextIO, run: Run, color: bool = False) -> None: ...

    def add(self, record: Record) -> None: ...

    def error(self, error: InputError) -> None: ...

    def finish(self, totals: Totals) -> None: ...


class Buffered:
    """A reporter that renders once everything is in. It keeps every input error, every plan
    entry, and every post with findings or errors (not the clean posts of a check)."""

    def __init__(self, out: TextIO, run: Run, color: bool = False) -> None:
        self.out, self.run, self.color = out, run, color
        self.records: list[Record] = []
        self.errors: list[InputError] = []

    def add(self, record: Record) -> None:
        if record.entry is not None or record.findings or record.errors:
            self.records.append(record)

    def error(self, error: InputError) -> None:
        self.errors.append(error)

    def finish(self, totals: Totals) -> None:
        self.render(totals)

    def render(self, totals: Totals) -> None:
        raise NotImplementedError


# Helpers shared by the report formats (html, markdown, table, csv), so they agree on what an
# entry's outcome is, which records get a section and how summaries are counted.

# Most severe first: the order every report lists severities in.
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

# A record's outcome as reports show it: NOT_CHECKED, or one of these two for a checked post.
CLEAN, HAS_FINDINGS = "clean", "findings"


def outcome(record: Record) -> str:
    """What a reader needs to know first about a post: not checked, clean, or with findings.

    Suppressed findings do not count: a post whose only findings are suppressed is clean.
    """
    if record.status != CHECKED:
        return record.status
    return HAS_FINDINGS if record.active else CLEAN


def clean_count(totals: Totals, records: Iterable[Record]) -> int:
    """Posts checked with no active finding.

    Counted from the totals, not the records: a buffered report does not keep a check's clean
    posts, only those with findings or errors (and every plan entry).
    """
    return totals.posts - sum(1 for record in records if record.status == CHECKED and record.active)


def severity_counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """Findings per severity, every severity present (zero included), most severe first."""
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def rules_hit(record: Record) -> list[str]:
    """The ids of the rules with an active finding on the post, sorted, each once."""
    return sorted({finding.rule for finding in record.active})


def listed(run: Run, record: Record) -> bool:
    """Whether a grouped report gives the record a section of its own.

    In an audit every plan entry is listed, clean ones too: the client must see that each planned
    post was looked at. Otherwise only posts with something to show (findings, suppressed ones
    included, errors, or not checked): a clean post in a batch of thousands is noise.
    """
    return run.plan is not None or bool(record.findings or record.errors) or record.status != CHECKED


def dimension_rows(totals: Totals, records: Iterable[Record], name: str) -> list[tuple[str, int, int]]:
    """`Totals.dimension(name)`, with the posts column filled in for categories.

    Totals counts only findings per category; a buffered report has the records and can say how
    many posts each category was found in.
    """
    rows = totals.dimension(name)
    if name != "category":
        return rows
    posts: Counter[str] = Counter()
    for record in records:
        posts.update({finding.category for finding in record.active})
    return [(category, posts[category], count) for category, _, count in rows]


def record_errors(records: Iterable[Record]) -> list[tuple[Record, InputError]]:
    """The input errors that belong to a post, with their post, in input order."""
    return [(record, error) for record in records for error in record.errors]


# Characters that must not reach a terminal or a rendered report as themselves: C0 controls
# except tab and newlines (ESC starts terminal escape codes), DEL, C1 controls, and the bidi
# embeddings, overrides and isolates that make text display in another order than it is stored
# ("Trojan Source"). Left-to-right and right-to-left marks stay: Arabic and Hebrew posts need them.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def show_hidden(text: str) -> str:
    """Text with each control character written as a visible escape, e.g. ESC as `\\x1b`."""
    return _HIDDEN.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def one_line(text: str) -> str:
    """Text with every run of whitespace (newlines included) made one space.

    A newline inside a table cell or a terminal row would end the row early.
    """
    return " ".join(text.split())
