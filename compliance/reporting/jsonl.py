"""JSON Lines: one object a line, written as posts are checked — for pipelines and big runs.

Each line has `kind`: "finding" (the finding of the contract, with `entry` in an audit),
"error" (an input error), and last "summary".
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..model import InputError
from .json import finding_dict, summary
from .report import Record, Run, Totals


class JsonLines:
    def __init__(self, out: TextIO, run: Run, color: bool = False) -> None:
        self.out, self.run = out, run

    def add(self, record: Record) -> None:
        for error in record.errors:
            self.error(error)
        for finding in record.findings:
            self._line({"kind": "finding", **finding_dict(finding, record.entry)})

    def error(self, error: InputError) -> None:
        self._line({"kind": "error", **error.to_dict()})

    def finish(self, totals: Totals) -> None:
        self._line({"kind": "summary", **summary(totals, self.run.plan is not None)})

    def _line(self, value: dict[str, Any]) -> None:
        self.out.write(json.dumps(value, ensure_ascii=False) + "\n")
