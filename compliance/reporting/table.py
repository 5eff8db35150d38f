"""The terminal report of an audit: one row per plan entry, each entry's findings below the table,
then summaries by channel, week, campaign, creator and category, and the run's summary line last.

Columns are aligned by the width a terminal draws, not by the number of characters:
`display_width` counts East Asian wide and fullwidth characters (CJK, most emoji) as two cells,
combining marks and format characters (zero-width joiner, variation selectors) as none, and every
other character as one (East Asian "ambiguous" characters as one, as Western terminals draw them).
Emoji sequences joined by a zero-width joiner, and flags, measure wider than most terminals draw
them: the row after such a name is off by a cell or two, never cut. Widths are measured on the
plain text before colour is added, so ANSI codes never count.

User text (ids, creators, paths) is put on one line and its control characters are shown as
escapes before it is measured, so a name cannot carry a newline or a terminal escape code.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import click

from ..model import Finding, InputError, Severity
from .report import (
    CLEAN,
    DIMENSIONS,
    NOT_CHECKED,
    SEVERITIES,
    Buffered,
    Record,
    Totals,
    dimension_rows,
    listed,
    one_line,
    outcome,
    record_errors,
    rules_hit,
    severity_counts,
    show_hidden,
)

SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
ELLIPSIS = "…"
GAP = "  "


def char_width(char: str) -> int:
    """Cells a terminal uses for one character (see the module's docstring)."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(char) for char in text)


def truncate(text: str, limit: int) -> str:
    """Text cut to at most `limit` cells, ending in "…" when it was cut."""
    if display_width(text) <= limit:
        return text
    kept, used = [], 0
    for char in text:
        used += char_width(char)
        if used > limit - 1:  # keep a cell for the ellipsis
            break
        kept.append(char)
    return "".join(kept) + ELLIPSIS


def clean(value: object) -> str:
    """User text fit for one terminal cell: on one line, control characters made visible."""
    return one_line(show_hidden(str(value)))


@dataclass(frozen=True)
class Cell:
    text: str
    style: tuple[tuple[str, Any], ...] = ()  # click.style keyword arguments


@dataclass(frozen=True)
class Column:
    title: str
    limit: int  # the widest the column may grow; longer values are truncated with "…"
    right: bool = False  # numbers are right-aligned


def cell(text: object, **style: Any) -> Cell:
    return Cell(clean(text), tuple(style.items()))


class Table(Buffered):
    """The audit as aligned terminal tables, written when the run is over."""

    def render(self, totals: Totals) -> None:
        lines = [
            *self._title(),
            *self._entries(),
            *self._details(),
            *self._summaries(totals),
            *self._unplanned(),
            *self._errors(),
            totals.summary(),
        ]
        self.out.write("\n".join(lines) + "\n")

    def paint(self, text: str, **style: Any) -> str:
        """Colour only when asked: without colour the output is plain text, no codes at all."""
        return click.style(text, **style) if self.color and style and text else text

    def grid(self, columns: list[Column], rows: list[list[Cell]]) -> list[str]:
        """Aligned rows under a bold header; the last column is not padded (no trailing blanks)."""
        widths = [
            min(column.limit, max([display_width(column.title)] + [display_width(row[i].text) for row in rows]))
            for i, column in enumerate(columns)
        ]
        header = [Cell(column.title, (("bold", True),)) for column in columns]
        lines = []
        for row in [header, *rows]:
            parts = []
            for i, (column, value) in enumerate(zip(columns, row)):
                text = truncate(value.text, widths[i])
                fill = " " * (widths[i] - display_width(text))
                last = i == len(columns) - 1
                padded = fill + text if column.right else text + ("" if last else fill)
                parts.append(self.paint(padded, **dict(value.style)))
            lines.append(GAP.join(parts).rstrip())
        return lines

    def _title(self) -> list[str]:
        plan = self.run.plan
        rulesets = ", ".join(f"{r.id} {r.version}" for r in self.run.rulesets)
        if plan is None:
            return [self.paint(f"Compliance check — rule sets {clean(rulesets)}", bold=True), ""]
        about = " ".join(clean(part) for part in (plan.campaign, f"({plan.brand})" if plan.brand else None) if part)
        title = f"Audit of {clean(plan.path)}" + (f": {about}" if about else "")
        return [self.paint(title, bold=True), f"Rule sets: {clean(rulesets)}", ""]

    def _entries(self) -> list[str]:
        columns = [
            Column("ENTRY", 24), Column("DATE", 10), Column("CHANNEL", 10), Column("CREATOR", 20),
            Column("STATUS", 11), Column("ERR", 4, right=True), Column("WARN", 4, right=True),
            Column("INFO", 4, right=True), Column("RULES", 40),
        ]
        rows = [self._entry_row(record) for record in self.records if listed(self.run, record)]
        if not rows:
            return ["No findings.", ""]
        return [*self.grid(columns, rows), ""]

    def _entry_row(self, record: Record) -> list[Cell]:
        entry = record.entry
        state = outcome(record)
        date = entry.date.isoformat() if entry and entry.date else "-"
        if state == NOT_CHECKED:
            counts = [cell("-", dim=True)] * len(SEVERITIES)
        else:
            counts = [
                cell(count, fg=SEVERITY_COLOURS[severity]) if count else cell(0, dim=True)
                for severity, count in severity_counts(record.active).items()
            ]
        platform = entry.platform if entry and entry.platform else "-"
        creator = entry.creator if entry and entry.creator else "-"
        return [
            cell(record.post, bold=True), cell(date), cell(platform), cell(creator),
            cell(state, **self._state_style(record)), *counts, cell(", ".join(rules_hit(record))),
        ]

    def _state_style(self, record: Record) -> dict[str, Any]:
        state = outcome(record)
        if state == CLEAN:
            return {"fg": "green"}
        if state == NOT_CHECKED:
            return {"fg": "magenta", "bold": True}
        return {"fg": SEVERITY_COLOURS[max(f.severity for f in record.active)], "bold": True}

    def _details(self) -> list[str]:
        """Each entry's findings (and why an entry was not checked), under a line naming the entry."""
        lines: list[str] = []
        for record in self.records:
            if not (record.findings or record.errors):
                continue
            lines.append(self.paint(self._heading(record), bold=True))
            verb = "not checked" if record.status == NOT_CHECKED else "input error"
            lines += [self.paint(f"{location(e)}: {verb}: {clean(e.message)}", fg="magenta") for e in record.errors]
            for finding in record.findings:
                lines += self._finding(finding)
            lines.append("")
        return lines

    def _heading(self, record: Record) -> str:
        entry = record.entry
        if entry is None:
            return clean(record.post)
        fields = [entry.date.isoformat() if entry.date else None, entry.platform, entry.creator]
        return " · ".join(clean(part) for part in [record.post, *fields] if part)

    def _finding(self, finding: Finding) -> list[str]:
        """`path:line:col: RULE-ID message`, and the fix hint below; suppressed ones dimmed."""
        where = f"{clean(finding.path)}:{finding.line}:{finding.column}:"
        if finding.suppressed:  # listed, muted, never counted
            return [self.paint(f"{where} {clean(finding.rule)} {clean(finding.message)} (suppressed)", dim=True)]
        rule = self.paint(clean(finding.rule), fg=SEVERITY_COLOURS[finding.severity], bold=True)
        lines = [f"{self.paint(where, bold=True)} {rule} {clean(finding.message)}"]
        hint = self.run.hints.get(finding.rule)
        if hint:
            lines.append(self.paint(f"    hint: {clean(hint)}", dim=True))
        return lines

    def _summaries(self, totals: Totals) -> list[str]:
        lines: list[str] = []
        for name in DIMENSIONS:
            rows = dimension_rows(totals, self.records, name)
            if not rows:  # a plain check knows no channel, week …; a clean run no category
                continue
            posts = "POSTS" if name == "category" else "ENTRIES"
            columns = [Column(name.upper(), 40), Column(posts, 7, right=True), Column("FINDINGS", 8, right=True)]
            body = [[cell(value), cell(count), cell(found, fg="red") if found else cell(found, dim=True)] for value, count, found in rows]
            lines += [self.paint(f"By {name}", bold=True), *self.grid(columns, body), ""]
        return lines

    def _unplanned(self) -> list[str]:
        unplanned = self.run.plan.unplanned if self.run.plan else ()
        if not unplanned:
            return []
        title = self.paint(f"Drafts not in the plan ({len(unplanned)}), not checked:", bold=True)
        return [title, *(f"  {clean(path)}" for path in unplanned), ""]

    def _errors(self) -> list[str]:
        errors = [error for _, error in record_errors(self.records)] + self.errors
        if not errors:
            return []
        title = self.paint(f"Input errors ({len(errors)}):", bold=True)
        return [title, *(f"  {location(e)}: {clean(e.message)}" for e in errors), ""]


def location(error: InputError) -> str:
    return clean(f"{error.path}:{error.line}" if error.line else error.path)
