"""Output formats: one module each, with a class that follows the Reporter protocol
(report.py). Add a format by adding a module and naming it here."""

from __future__ import annotations

from .csv import Csv
from .github import GitHub
from .html import Html
from .json import Json
from .jsonl import JsonLines
from .junit import JUnit
from .markdown import Markdown
from .report import Buffered, Plan, Record, Reporter, Run, Totals
from .sarif import Sarif
from .table import Table
from .text import Text

FORMATS: dict[str, type[Reporter]] = {
    "text": Text, "json": Json, "jsonl": JsonLines, "sarif": Sarif, "github": GitHub, "junit": JUnit,
    "csv": Csv, "markdown": Markdown, "html": Html,
}
# An audit's text output is a table of the plan's entries, not one line per finding.
AUDIT_FORMATS: dict[str, type[Reporter]] = {**FORMATS, "text": Table}

__all__ = ["AUDIT_FORMATS", "FORMATS", "Buffered", "Plan", "Record", "Reporter", "Run", "Totals"]
