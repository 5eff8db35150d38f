"""Findings as CSV, one row per finding, for a spreadsheet or a BI tool. Streamed: each record is
written as it comes, so memory stays flat on a million-post audit.

Columns: post, path, line, column, rule, category, severity, message, excerpt, suppressed; in an
audit also the entry's plan fields and a status. Rows that are not findings keep the finding
columns empty (rule always empty), and say what they are in `status`:

- a finding: status "checked";
- an audit entry with no findings (suppressed ones count as findings here, they have rows):
  one row, status "checked", so that every planned post appears;
- an entry that could not be checked: one row per reason, status "not checked", severity
  "error", the reason in `message` (one row with an empty message if no reason was given);
- an input error, of a post or of none: severity "error", status "input error";
- a draft the plan does not list: path only, status "unplanned" (written at the end).

Outside an audit there is no status column; clean posts have no row; an error row is one whose
rule is empty.

Cells are guarded against formula injection: a spreadsheet runs a cell that starts with `=`, `+`,
`-` or `@` (tab and CR too, in some), and post text, creators and paths are written by others.
Such a cell gets a leading `'`, which spreadsheets show as text and do not evaluate.
"""

from __future__ import annotations

import csv
from typing import Mapping, TextIO

from ..model import Finding, InputError
from .report import CHECKED, NOT_CHECKED, Record, Run, Totals

FINDING_COLUMNS = ("post", "path", "line", "column", "rule", "category", "severity", "message", "excerpt", "suppressed")
PLAN_COLUMNS = (
    "entry", "date", "week", "platform", "format", "campaign", "creator", "pillar", "relationship", "market", "status",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
INPUT_ERROR, UNPLANNED = "input error", "unplanned"

Row = Mapping[str, object]


def neutralise(value: object) -> str:
    """A cell's text, with a leading `'` when a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class Csv:
    """One row per finding, written as records arrive; the header at once."""

    def __init__(self, out: TextIO, run: Run, color: bool = False) -> None:
        self.run = run
        self.audit = run.plan is not None
        self.columns = FINDING_COLUMNS + (PLAN_COLUMNS if self.audit else ())
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(self.columns)

    def add(self, record: Record) -> None:
        for row in record_rows(record, self.audit):
            self.write(row)

    def error(self, error: InputError) -> None:
        self.write(error_row(error) | {"status": INPUT_ERROR})

    def finish(self, totals: Totals) -> None:
        for path in self.run.plan.unplanned if self.run.plan else ():
            self.write({"path": path, "status": UNPLANNED})

    def write(self, row: Row) -> None:
        self.writer.writerow([neutralise(row.get(column)) for column in self.columns])


def record_rows(record: Record, audit: bool) -> list[dict[str, object]]:
    """The rows of one post, each with the post's and its entry's columns filled in."""
    base = post_columns(record)
    rows: list[dict[str, object]] = [base | finding_row(f) for f in record.findings]
    if record.status == NOT_CHECKED:
        rows += [base | error_row(e) | {"status": NOT_CHECKED} for e in record.errors] or [base]
    else:
        rows += [base | error_row(e) | {"status": INPUT_ERROR} for e in record.errors]
        if audit and not record.findings and not record.errors:
            rows.append(base)  # a clean entry: present, with empty finding columns
    return rows


def post_columns(record: Record) -> dict[str, object]:
    columns: dict[str, object] = {"post": record.post, "path": record.path, "status": record.status}
    entry = record.entry
    if entry is not None:
        columns |= {
            "entry": entry.id, "date": entry.date.isoformat() if entry.date else None, "week": entry.week,
            "platform": entry.platform, "format": entry.format, "campaign": entry.campaign,
            "creator": entry.creator, "pillar": entry.pillar, "relationship": entry.relationship,
            "market": ",".join(entry.market),
        }
    return columns


def finding_row(finding: Finding) -> dict[str, object]:
    return {
        "post": finding.post, "path": finding.path, "line": finding.line, "column": finding.column, "rule": finding.rule,
        "category": finding.category, "severity": str(finding.severity), "message": finding.message,
        "excerpt": finding.excerpt, "suppressed": finding.suppressed, "status": CHECKED,
    }


def error_row(error: InputError) -> dict[str, object]:
    return {"path": error.path, "line": error.line, "severity": "error", "message": error.message}
