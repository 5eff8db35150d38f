"""The findings document of the contract in DESIGN.md, written as posts are checked.

Findings are written as they come, so a run over millions of posts holds none of them in
memory; input errors and the summary follow them. In an audit every finding also carries its
plan entry (`entry`), and the document adds `plan`, `entries` and summaries by channel, week,
campaign and creator.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from .. import __version__
from ..model import InputError
from .report import DIMENSIONS, Entry, Record, Run, Totals

INDENT = 2


def finding_dict(finding: Any, entry: Entry | None) -> dict[str, Any]:
    document = finding.to_dict()
    if entry is not None:
        document["entry"] = entry.to_dict()
    return document


def summary(totals: Totals, audit: bool) -> dict[str, Any]:
    document: dict[str, Any] = {
        "posts": totals.posts, "findings": totals.findings, "by_category": dict(sorted(totals.by_category.items())),
    }
    if audit:
        for dimension in DIMENSIONS[:-1]:
            document[f"by_{dimension}"] = {value: {"posts": posts, "findings": findings} for value, posts, findings in totals.dimension(dimension)}
    return document


class Json:
    def __init__(self, out: TextIO, run: Run, color: bool = False) -> None:
        self.out, self.run = out, run
        self.errors: list[InputError] = []
        self.entries: list[dict[str, Any]] = []  # an audit's entries: as many as the plan has
        self.first = True
        head: dict[str, Any] = {
            "tool": {"name": "compliance", "version": __version__},
            "rulesets": [{"id": r.id, "version": r.version} for r in run.rulesets],
        }
        if run.plan is not None:
            plan = run.plan
            head["plan"] = {"path": plan.path, "campaign": plan.campaign, "brand": plan.brand, "markets": list(plan.markets), "unplanned": list(plan.unplanned)}
        out.write(_dumps(head)[:-2] + f',\n{" " * INDENT}"findings": [')

    def add(self, record: Record) -> None:
        self.errors += record.errors
        for finding in record.findings:
            self.out.write(("\n" if self.first else ",\n") + _indented(finding_dict(finding, record.entry), 2))
            self.first = False
        if record.entry is not None:
            self.entries.append({
                **record.entry.to_dict(), "status": record.status, "findings": len(record.active),
                "errors": [e.to_dict() for e in record.errors],
            })

    def error(self, error: InputError) -> None:
        self.errors.append(error)

    def finish(self, totals: Totals) -> None:
        pad = " " * INDENT
        self.out.write(("]" if self.first else f"\n{pad}]"))
        tail: dict[str, Any] = {"errors": [e.to_dict() for e in self.errors]}
        if self.run.plan is not None:
            tail["entries"] = self.entries
        tail["summary"] = summary(totals, self.run.plan is not None)
        self.out.write(",\n" + _dumps(tail)[2:] + "\n")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=INDENT)


def _indented(value: Any, level: int) -> str:
    """`value` as it appears `level` levels deep in the indented document."""
    pad = " " * (INDENT * level)
    return pad + _dumps(value).replace("\n", "\n" + pad)
