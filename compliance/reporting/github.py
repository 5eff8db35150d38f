"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

One line per active finding, written as posts are checked:

    ::error file=drafts/a.md,line=3,col=41,endLine=3,endColumn=44,title=US-D-03 Disclosure after the fold::message

(`::warning` for warnings, `::notice` for info). Input errors are `::error` lines with the file
and line they concern; in an audit, drafts the plan does not list are `::notice` lines. The run's
summary ends the output as a plain line. Suppressed findings are not annotated: the user said they
do not count, and an annotation cannot say "suppressed".

Everything that comes from a post or a rule set is escaped the way the Actions runner decodes
it, so a newline in a message cannot start a command of its own and a `,` or `:` in a path
cannot end a property early. Control characters (ESC, bidi overrides) are written as visible
escapes, because the log viewer would interpret them.
"""

from __future__ import annotations

from typing import TextIO

from ..model import Finding, InputError, Severity
from .report import Record, Run, Totals, show_hidden

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
UNPLANNED = "draft in the plan's folder that no entry lists: not checked"


def escape_data(text: str) -> str:
    """The message part of a command (after `::`), as the runner's toolkit escapes it."""
    return show_hidden(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (`file=…`, `title=…`): also `:` and `,`, which end a value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    """`::name key=value,…::message`, properties whose value is None left out."""
    given = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + given if given else ''}::{escape_data(message)}"


class GitHub:
    def __init__(self, out: TextIO, run: Run, color: bool = False) -> None:
        self.out, self.run = out, run

    def add(self, record: Record) -> None:
        for error in record.errors:
            self.error(error)
        for finding in record.active:
            self.out.write(self.annotation(finding) + "\n")

    def annotation(self, finding: Finding) -> str:
        title = self.run.titles.get(finding.rule)
        message = finding.message
        hint = self.run.hints.get(finding.rule)
        if hint:  # annotations show several lines; the fix is what the author needs next
            message += f"\nHint: {hint}"
        return command(
            COMMANDS[finding.severity], message,
            file=finding.path, line=finding.line, col=finding.column,
            endLine=finding.end_line, endColumn=finding.end_column,
            title=f"{finding.rule} {title}" if title else finding.rule,
        )

    def error(self, error: InputError) -> None:
        self.out.write(command("error", error.message, file=error.path or None, line=error.line or None) + "\n")

    def finish(self, totals: Totals) -> None:
        for path in self.run.plan.unplanned if self.run.plan else ():
            self.out.write(command("notice", UNPLANNED, file=path) + "\n")
        self.out.write(totals.summary() + "\n")
