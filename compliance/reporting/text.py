"""Terminal output: `path:line:col: RULE-ID message`, one finding a line, with a hint below.

Lines are written as posts are checked; input errors go to standard error as they come.
"""

from __future__ import annotations

import sys
from typing import TextIO

import click

from ..model import InputError, Severity
from .report import Record, Run, Totals

SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


class Text:
    def __init__(self, out: TextIO, run: Run, color: bool = False) -> None:
        self.out, self.run, self.color = out, run, color

    def add(self, record: Record) -> None:
        for error in record.errors:
            self.error(error)
        for f in record.active:
            where = click.style(f"{f.path}:{f.line}:{f.column}:", bold=True)
            rule = click.style(f.rule, fg=SEVERITY_COLOURS[f.severity], bold=True)
            click.echo(f"{where} {rule} {f.message}", file=self.out, color=self.color)
            hint = self.run.hints.get(f.rule)
            if hint:
                click.echo(click.style(f"    hint: {hint}", dim=True), file=self.out, color=self.color)

    def error(self, error: InputError) -> None:
        click.echo(click.style(str(error), fg="red"), file=sys.stderr)

    def finish(self, totals: Totals) -> None:
        click.echo(totals.summary(), file=self.out, color=self.color)
