"""A baseline: the findings a team has accepted for now, so that only new ones are reported.

    compliance baseline drafts/ -o .compliance-baseline.json
    compliance check drafts/ --baseline .compliance-baseline.json

A finding is known by its rule, its post and a hash of the words it points at
(`Finding.fingerprint`: case, compatibility forms and the amount of whitespace do not matter). No line numbers and no
timestamps: editing another line, or moving the finding within its post, keeps it accepted; the
file is sorted, so it changes only when the accepted findings do.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any, TextIO

import click

from .model import InputError, Suppression
from .reporting.report import Record, Run, Totals

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Baseline:
    path: str
    accepted: Counter[tuple[str, str, str]]  # (rule, post, fingerprint) -> how many

    def apply(self, record: Record) -> Record:
        """The record with the accepted findings marked as suppressed (up to their count)."""
        left = Counter(self.accepted)
        marked = []
        changed = False
        for finding in record.findings:
            key = (finding.rule, finding.post, finding.fingerprint)
            if not finding.suppressed and left[key] > 0:
                left[key] -= 1
                finding = dataclasses.replace(finding, suppression=Suppression("external", "accepted in the baseline", self.path))
                changed = True
            marked.append(finding)
        return dataclasses.replace(record, findings=tuple(marked)) if changed else record


class InvalidBaseline(Exception):
    pass


def load_baseline(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidBaseline(f"{path}: cannot read the baseline: {getattr(exc, 'strerror', None) or exc}") from None
    except json.JSONDecodeError as exc:
        raise InvalidBaseline(f"{path}:{exc.lineno}: the baseline is not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise InvalidBaseline(f"{path}: not a compliance baseline (version {FORMAT_VERSION}); write one with `compliance baseline`")
    accepted: Counter[tuple[str, str, str]] = Counter()
    for index, item in enumerate(data["findings"]):
        try:
            accepted[(str(item["rule"]), str(item["post"]), str(item["hash"]))] += int(item.get("count", 1))
        except (TypeError, KeyError, ValueError):
            raise InvalidBaseline(f"{path}: finding {index + 1} needs rule, post, hash and count") from None
    return Baseline(path, accepted)


class Writer:
    """A reporter that writes the baseline of a run: every finding that counts, by key."""

    def __init__(self, out: TextIO, run: Run, color: bool = False) -> None:
        self.out = out
        self.accepted: Counter[tuple[str, str, str]] = Counter()

    def add(self, record: Record) -> None:
        self.accepted.update((f.rule, f.post, f.fingerprint) for f in record.active)

    def error(self, error: InputError) -> None:
        click.echo(click.style(str(error), fg="red"), err=True)  # a baseline holds findings only

    def finish(self, totals: Totals) -> None:
        findings: list[dict[str, Any]] = [
            {"rule": rule, "post": post, "hash": digest, "count": count}
            for (rule, post, digest), count in sorted(self.accepted.items())
        ]
        json.dump({"tool": "compliance", "version": FORMAT_VERSION, "findings": findings}, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
