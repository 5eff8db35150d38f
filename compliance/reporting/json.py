"""The findings document of the contract in DESIGN.md."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .. import __version__
from .report import Report


def document(report: Report) -> dict[str, Any]:
    return {
        "tool": {"name": "compliance", "version": __version__},
        "rulesets": [{"id": r.id, "version": r.version} for r in report.rulesets],
        "findings": [f.to_dict() for f in report.findings],
        "errors": [e.to_dict() for e in report.errors],
        "summary": {
            "posts": report.posts,
            "findings": sum(1 for f in report.findings if not f.suppressed),
            "by_category": report.by_category(),
        },
    }


def render(report: Report, out: TextIO, color: bool = False) -> None:
    json.dump(document(report), out, ensure_ascii=False, indent=2)
    out.write("\n")
