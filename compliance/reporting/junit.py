"""JUnit XML, the test-report format CI servers chart (GitLab, Jenkins, Azure DevOps, test-reporter actions).

    <testsuites name="compliance" tests failures errors skipped>
      <testsuite name="{input file}" tests failures errors skipped>
        <testcase name="{post id}" classname="{input file}">   one per post, clean ones too
          <failure message="RULE: message" type="RULE">location, excerpt, hint</failure>  per active finding
          <skipped message="suppressed: justification"/>       only suppressed findings
          <error message="…" type="input error">…</error>      the post could not be (fully) read
        </testcase>

A test case is a post, so a dashboard shows how many posts passed, not only how many failed.
Counts are of test cases, as JUnit consumers expect: a post with three findings is one failure.
A post with an input error counts as an error (whatever else it has), one with active findings as
a failure, one whose findings are all suppressed as skipped; the suppressed findings of a failing
post are listed in its `<system-out>`. An input error that belongs to no post is a test case of
its own, named by its line, in the suite of its file. In an audit the test case is the plan entry,
and a draft in the plan's folder that no entry lists is a skipped test case: it was not checked.

Streamed: suite and root counts must precede their test cases, so test cases are written to
temporary files (kept in memory while small) and copied out once the counts are known. In a
check, a file's posts arrive together and its suite is closed when the next file starts, so only
one suite is open at a time; in an audit, entries of one file (the plan's inline posts) may be
spread through the plan, so every suite stays open until the end — there are as many as the
plan has entries at most.

Post text is hostile: characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE) are
written as visible escapes such as `\\x1b`, like terminal-hostile ones (C1 controls, bidi
overrides) in other reports; ElementTree escapes the rest.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import IO, TextIO

from ..model import Finding, InputError
from .report import NOT_CHECKED, Record, Run, Totals, show_hidden

# Beyond this a suite's test cases go to a file on disk instead of memory.
SPOOL_BYTES = 1 << 20
OUTCOMES = ("failures", "errors", "skipped")
INPUT_ERROR = "input error"
UNPLANNED = "not checked: no entry of the plan lists this draft"

# Not allowed anywhere in an XML 1.0 document (escaped or not): C0 controls other than tab, LF
# and CR, surrogates (only lone ones can reach a Python str), U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text that is valid in XML 1.0 and shows hidden characters instead of acting on them."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", show_hidden(text))


@dataclass
class Counts:
    tests: int = 0
    failures: int = 0
    errors: int = 0
    skipped: int = 0

    def count(self, outcome: str | None) -> None:
        self.tests += 1
        if outcome is not None:
            setattr(self, outcome, getattr(self, outcome) + 1)

    def __iadd__(self, other: Counts) -> Counts:
        for name in ("tests", *OUTCOMES):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    def attributes(self) -> dict[str, str]:
        return {name: str(getattr(self, name)) for name in ("tests", *OUTCOMES)}


@dataclass
class Suite:
    """One input file's test cases, written as they come, with their counts."""

    name: str
    counts: Counts = field(default_factory=Counts)
    cases: IO[str] = field(default_factory=lambda: _spool())

    def add(self, case: ET.Element, outcome: str | None) -> None:
        self.counts.count(outcome)
        self.cases.write("    " + ET.tostring(case, encoding="unicode") + "\n")

    def close(self, out: IO[str]) -> None:
        """Write the suite with its counts to `out` and free its test cases."""
        opening = ET.Element("testsuite", {"name": xml_text(self.name), **self.counts.attributes()})
        out.write("  " + ET.tostring(opening, encoding="unicode").removesuffix(" />") + ">\n")
        self.cases.seek(0)
        shutil.copyfileobj(self.cases, out)
        self.cases.close()
        out.write("  </testsuite>\n")


class JUnit:
    def __init__(self, out: TextIO, run: Run, color: bool = False) -> None:
        self.out, self.run = out, run
        self.keep_open = run.plan is not None  # see the module docstring
        self.open: dict[str, Suite] = {}
        self.closed = _spool()  # finished suites, in the order they were closed
        self.counts = Counts()

    def add(self, record: Record) -> None:
        case, outcome = post_case(record, self.run)
        self.suite(record.path).add(case, outcome)

    def error(self, error: InputError) -> None:
        case = ET.Element("testcase", {"name": xml_text(_where(error)), "classname": xml_text(error.path)})
        case.append(error_element(error))
        self.suite(error.path).add(case, "errors")

    def suite(self, path: str) -> Suite:
        if path not in self.open:
            if not self.keep_open:
                self._close_all()
            self.open[path] = Suite(path)
        return self.open[path]

    def _close_all(self) -> None:
        for suite in self.open.values():
            self.counts += suite.counts
            suite.close(self.closed)
        self.open.clear()

    def finish(self, totals: Totals) -> None:
        for path in self.run.plan.unplanned if self.run.plan else ():
            case = ET.Element("testcase", {"name": xml_text(path), "classname": xml_text(path)})
            case.append(ET.Element("skipped", {"message": UNPLANNED}))
            self.suite(path).add(case, "skipped")
        self._close_all()
        root = ET.Element("testsuites", {"name": "compliance", **self.counts.attributes()})
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not self.counts.tests:
            self.out.write(ET.tostring(root, encoding="unicode") + "\n")
            return
        self.out.write(ET.tostring(root, encoding="unicode").removesuffix(" />") + ">\n")
        self.closed.seek(0)
        shutil.copyfileobj(self.closed, self.out)
        self.closed.close()
        self.out.write("</testsuites>\n")


def post_case(record: Record, run: Run) -> tuple[ET.Element, str | None]:
    """A post's test case and how it counts: "errors", "failures", "skipped" or None (passed)."""
    case = ET.Element("testcase", {"name": xml_text(record.post), "classname": xml_text(record.path)})
    active = record.active
    suppressed = [f for f in record.findings if f.suppressed]
    for finding in active:
        case.append(failure(finding, run))
    errors = list(record.errors)
    if record.status == NOT_CHECKED and not errors:
        errors.append(InputError(record.path, None, NOT_CHECKED))
    for error in errors:
        case.append(error_element(error))
    if suppressed and not active and not errors:
        case.append(skipped(suppressed))
    elif suppressed:
        out = ET.SubElement(case, "system-out")
        out.text = xml_text("\n".join(suppressed_line(f) for f in suppressed))
    if errors:
        return case, "errors"
    if active:
        return case, "failures"
    return case, "skipped" if suppressed else None


def failure(finding: Finding, run: Run) -> ET.Element:
    element = ET.Element("failure", {"message": xml_text(f"{finding.rule}: {finding.message}"), "type": xml_text(finding.rule)})
    lines = [f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} [{finding.severity}] {finding.message}"]
    title = run.titles.get(finding.rule)
    if title:
        lines.append(f"Rule: {title}")
    if finding.excerpt:
        lines.append(f"Excerpt: {finding.excerpt}")
    hint = run.hints.get(finding.rule)
    if hint:
        lines.append(f"Hint: {hint}")
    lines += [f"Reference: {url}" for url in finding.references]
    element.text = xml_text("\n".join(lines))
    return element


def skipped(findings: list[Finding]) -> ET.Element:
    reasons = list(dict.fromkeys(f.suppression.justification for f in findings if f.suppression))
    element = ET.Element("skipped", {"message": xml_text("suppressed: " + "; ".join(reasons))})
    element.text = xml_text("\n".join(suppressed_line(f) for f in findings))
    return element


def suppressed_line(finding: Finding) -> str:
    where = f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} {finding.message}"
    if finding.suppression is None:
        return where
    return f"{where} (suppressed in {finding.suppression.source}: {finding.suppression.justification})"


def error_element(error: InputError) -> ET.Element:
    element = ET.Element("error", {"message": xml_text(error.message), "type": INPUT_ERROR})
    element.text = xml_text(str(error))
    return element


def _where(error: InputError) -> str:
    return f"{error.path}:{error.line}" if error.line else error.path or INPUT_ERROR


def _spool() -> IO[str]:
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline="")
