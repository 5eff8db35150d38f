"""JUnit XML: parses back, a test case per post (clean ones too), counts that add up, hostile text tamed."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest

from compliance.model import InputError, Severity
from compliance.reporting.junit import SPOOL_BYTES, JUnit, xml_text
from compliance.reporting.report import Record, Totals

from . import PLAN, audit, audit_records, audit_run, check_records, check_run, feed, finding, record

OUTCOMES = ("failure", "error", "skipped")


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def outcome(case: ET.Element) -> str | None:
    """How a test case counts, by the precedence the report documents."""
    for tag in ("error", "failure", "skipped"):
        if case.find(tag) is not None:
            return tag
    return None


def assert_counts_add_up(root: ET.Element) -> None:
    """Every suite's counts are those of its test cases; the root's are the suites' sums."""
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root.iter("testsuite"):
        cases = suite.findall("testcase")
        counted = {
            "tests": len(cases),
            "failures": sum(outcome(c) == "failure" for c in cases),
            "errors": sum(outcome(c) == "error" for c in cases),
            "skipped": sum(outcome(c) == "skipped" for c in cases),
        }
        assert {k: int(suite.get(k, -1)) for k in counted} == counted, suite.get("name")
        for key in totals:
            totals[key] += counted[key]
    assert {k: int(root.get(k, -1)) for k in totals} == totals


@pytest.fixture(scope="module")
def root() -> ET.Element:
    return parse(audit(JUnit).text)


def cases_by_name(root: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name", ""): case for case in root.iter("testcase")}


def test_audit_parses_and_counts(root: ET.Element) -> None:
    assert root.tag == "testsuites" and root.get("name") == "compliance"
    assert_counts_add_up(root)
    # 6 plan entries + 1 stray input error + 2 unplanned drafts
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("9", "4", "2", "2")


def test_a_suite_per_input_file(root: ET.Element) -> None:
    names = [suite.get("name") for suite in root.iter("testsuite")]
    assert len(names) == len(set(names))  # the plan's inline entries, spread through it, share one suite
    plan_suite = next(s for s in root.iter("testsuite") if s.get("name") == "plans/spring-glow.yaml")
    assert [c.get("name") for c in plan_suite.findall("testcase")] == ["plans/spring-glow.yaml:71", "ao-01"]
    for suite in root.iter("testsuite"):
        assert {c.get("classname") for c in suite.findall("testcase")} == {suite.get("name")}


def test_one_failure_per_active_finding(root: ET.Element) -> None:
    maya = cases_by_name(root)["sg-01"]
    failures = maya.findall("failure")
    assert [f.get("type") for f in failures] == ["US-D-03", "C-H-01", "C-H-02"]
    assert failures[0].get("message") == 'US-D-03: The disclosure "#ad" comes after the fold and at the end of a hashtag cluster.'
    text = failures[0].text or ""
    assert text.startswith("plans/drafts/sg-01.md:8:33: US-D-03 [error]")
    assert "Excerpt: #ad" in text and "Hint: Move the disclosure to the first line, before the fold." in text


def test_clean_posts_are_passing_test_cases(root: ET.Element) -> None:
    clean = cases_by_name(root)["sg-03"]
    assert list(clean) == []
    output = feed(JUnit, check_run(), check_records()).text
    check = parse(output)
    assert_counts_add_up(check)
    assert [(c.get("name"), outcome(c)) for c in check.iter("testcase")] == [("post-1", "failure"), ("post-2", None)]
    assert (check.get("tests"), check.get("failures")) == ("2", "1")


def test_suppressed_findings(root: ET.Element) -> None:
    # a failing post lists its suppressed findings, and still counts as a failure
    sakura = cases_by_name(root)["sg-02"]
    assert [f.get("type") for f in sakura.findall("failure")] == ["US-D-01", "US-D-14", "C-X-09"]
    assert sakura.find("skipped") is None
    assert "C-P-02" in (sakura.findtext("system-out") or "") and "approved by legal" in (sakura.findtext("system-out") or "")
    # a post whose findings are all suppressed is skipped, with the reason
    [sg02] = [r for r in audit_records() if r.post == "sg-02"]
    only = Record("sg-02", sg02.path, (sg02.findings[2],))
    case = next(parse(feed(JUnit, check_run(), [only]).text).iter("testcase"))
    skipped = case.find("skipped")
    assert skipped is not None and skipped.get("message") == "suppressed: approved by legal"
    assert "C-P-02" in (skipped.text or "")


def test_input_errors_are_error_cases(root: ET.Element) -> None:
    cases = cases_by_name(root)
    stray = cases["plans/spring-glow.yaml:71"].find("error")
    assert stray is not None and stray.get("type") == "input error"
    assert stray.get("message") == "entry 7: unknown platform 'myspace'\\x1b[31m"  # ESC shown, not sent
    missing = cases["sg-04"].find("error")
    assert missing is not None and missing.get("message") == "draft not found: drafts/sg-04.md"


def test_unplanned_drafts_are_skipped(root: ET.Element) -> None:
    cases = cases_by_name(root)
    for path in PLAN.unplanned:
        skipped = cases[path].find("skipped")
        assert skipped is not None and "not checked" in (skipped.get("message") or "")


def test_control_characters_do_not_break_the_xml() -> None:
    text = "Nul\x00 bell\x07 vt\x0b esc\x1b[2J lone\ud800 nonchar\ufffe rlo\u202e end\x85"
    hostile = finding("drafts/x.md", text, text, "C-H-01", "claim.health", Severity.ERROR, "message with \x1b[31m and \x00", first_line=1)
    items: list[Record | InputError] = [
        record("id\x00\x1b<&\">", "drafts/x.md", (hostile,)),
        InputError("drafts/x\x0c.md", 3, "bad byte \x00 and \udcff"),
    ]
    output = feed(JUnit, check_run(), items).text
    root = parse(output)  # would raise on an invalid character
    assert_counts_add_up(root)
    [case, error_case] = list(root.iter("testcase"))
    assert case.get("name") == 'id\\x00\\x1b<&">'
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == "C-H-01: message with \\x1b[31m and \\x00"
    excerpt = failure.text or ""
    for shown in ("\\x00", "\\x07", "\\x0b", "\\x1b[2J", "\\ud800", "\\ufffe", "\\u202e", "\\x85"):
        assert shown in excerpt
    error = error_case.find("error")
    assert error is not None and error.get("message") == "bad byte \\x00 and \\udcff"


@pytest.mark.parametrize(("text", "safe"), [
    ("plain ✨ text", "plain ✨ text"),
    ("tab\tnewline\ncr\r", "tab\tnewline\ncr\r"),
    ("\x00\x1f\x7f", "\\x00\\x1f\\x7f"),
    ("\ud83d", "\\ud83d"),
    ("\uffff", "\\uffff"),
    ("😀", "😀"),
])
def test_xml_text(text: str, safe: str) -> None:
    assert xml_text(text) == safe


def test_suites_close_as_files_end_and_stray_errors_join_their_file() -> None:
    def clean(post: str, path: str) -> Record:
        return Record(post, path, ())

    items: list[Record | InputError] = [
        clean("a:1", "a.jsonl"), InputError("a.jsonl", 2, "not valid JSON"), clean("a:3", "a.jsonl"),
        clean("b:1", "b.jsonl"),
    ]
    out = io.StringIO()
    reporter = JUnit(out, check_run())
    for item in items:
        if isinstance(item, Record):
            reporter.add(item)
        else:
            reporter.error(item)
    assert out.getvalue() == ""  # counts come first, so nothing is written before the end
    assert list(reporter.open) == ["b.jsonl"]  # a.jsonl was closed when b.jsonl began
    reporter.finish(Totals())
    root = parse(out.getvalue())
    assert_counts_add_up(root)
    assert [(s.get("name"), s.get("tests"), s.get("errors")) for s in root.iter("testsuite")] == [("a.jsonl", "3", "1"), ("b.jsonl", "1", "0")]


def test_many_posts_spill_to_disk_and_still_add_up() -> None:
    posts = [Record(f"export.jsonl:{n}", "export.jsonl", ()) for n in range(1, 20001)]
    output = feed(JUnit, check_run(), posts).text
    assert len(output) > SPOOL_BYTES  # more than a suite keeps in memory
    root = parse(output)
    assert (root.get("tests"), root.get("failures")) == ("20000", "0")
    [suite] = list(root.iter("testsuite"))
    assert len(suite.findall("testcase")) == 20000


def test_empty_run() -> None:
    root = parse(feed(JUnit, check_run(), []).text)
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("0", "0", "0", "0")
    assert list(root) == []


def test_audit_run_is_kept_open_per_file() -> None:
    reporter = JUnit(io.StringIO(), audit_run())
    for item in audit_records():
        reporter.add(item)
    assert len(reporter.open) == 6
