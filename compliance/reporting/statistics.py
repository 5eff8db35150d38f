"""`--statistics`: how many findings each rule raised, instead of the findings themselves."""

from __future__ import annotations

import sys
from typing import TextIO

import click

from ..model import InputError, Severity
from .report import Record, Run, Totals


class Statistics:
    def __init__(self, out: TextIO, run: Run, color: bool = False) -> None:
        self.out, self.run, self.color = out, run, color
        self.severities: dict[str, Severity] = {}

    def add(self, record: Record) -> None:
        for finding in record.active:
            self.severities[finding.rule] = finding.severity

    def error(self, error: InputError) -> None:
        click.echo(click.style(str(error), fg="red"), file=sys.stderr)

    def finish(self, totals: Totals) -> None:
        rows = sorted(totals.by_rule.items(), key=lambda item: (-item[1], item[0]))
        width = max((len(rule) for rule, _ in rows), default=0)
        for rule, count in rows:
            title = self.run.titles.get(rule, "")
            line = f"{count:>7}  {rule:<{width}}  {str(self.severities[rule]):<7}  {title}"
            click.echo(line.rstrip(), file=self.out, color=self.color)
        click.echo(totals.summary(), file=self.out, color=self.color)
