"""Terminal output: `path:line:col: RULE-ID message`, one finding a line, with a hint below."""

from __future__ import annotations

from typing import TextIO

import click

from ..model import Severity
from .report import Report

SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(report: Report, out: TextIO, color: bool = False, hints: dict[str, str] | None = None) -> None:
    hints = hints or {}
    for f in report.findings:
        if f.suppressed:
            continue
        where = click.style(f"{f.path}:{f.line}:{f.column}:", bold=True)
        rule = click.style(f.rule, fg=SEVERITY_COLOURS[f.severity], bold=True)
        click.echo(f"{where} {rule} {f.message}", file=out, color=color)
        if hints.get(f.rule):
            click.echo(click.style(f"    hint: {hints[f.rule]}", dim=True), file=out, color=color)
    click.echo(summary(report), file=out, color=color)


def summary(report: Report) -> str:
    counts = report.by_severity()
    total = sum(counts.values())
    if not report.posts and report.errors:
        return f"No posts checked: {len(report.errors)} input error{'s' if len(report.errors) != 1 else ''}."
    if not total:
        text = f"All clear: {report.posts} post{'s' if report.posts != 1 else ''} checked, no findings."
    else:
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in sorted(counts, reverse=True)]
        text = f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {report.posts} post{'s' if report.posts != 1 else ''}."
    if report.errors:
        text += f" {len(report.errors)} input error{'s' if len(report.errors) != 1 else ''}."
    return text
