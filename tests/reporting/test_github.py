"""GitHub Actions annotations: one command line per active finding, escaped as the runner decodes."""

from __future__ import annotations

import io

import pytest

from compliance.model import InputError, Severity
from compliance.reporting.github import GitHub, escape_data, escape_property

from . import PLAN, audit, audit_records, audit_run, check_records, check_run, feed, finding, record


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return audit(GitHub).text.splitlines()


def commands(lines: list[str], name: str) -> list[str]:
    return [line for line in lines if line.startswith(f"::{name} ")]


@pytest.mark.parametrize(("text", "data", "prop"), [
    ("50% off", "50%25 off", "50%25 off"),
    ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
    ("C-H-01: cure, acne", "C-H-01: cure, acne", "C-H-01%3A cure%2C acne"),
    ("%0A", "%250A", "%250A"),  # an escape already in the text stays text
    ("red\x1b[31m", "red\\x1b[31m", "red\\x1b[31m"),
    ("plain", "plain", "plain"),
])
def test_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_one_line_per_active_finding(lines: list[str]) -> None:
    annotations = [line for line in lines if line.startswith("::") and ",col=" in line]
    assert len(annotations) == sum(len(r.active) for r in audit_records()) == 8
    first = annotations[0]
    assert first == (
        "::error file=plans/drafts/sg-01.md,line=8,col=33,endLine=8,endColumn=36,"
        "title=US-D-03 Disclosure after the platform's fold::"
        'The disclosure "#ad" comes after the fold and at the end of a hashtag cluster.'
        "%0AHint: Move the disclosure to the first line, before the fold."
    )


def test_suppressed_findings_are_not_annotated(lines: list[str]) -> None:
    assert not any("C-P-02" in line for line in lines)
    assert not any('State the conditions of a "free" offer' in line for line in lines)


def test_levels(lines: list[str]) -> None:
    def level(rule: str) -> str:
        [line] = [line for line in lines if f",title={rule}" in line]
        return line.split(" ", 1)[0]

    assert (level("US-D-03"), level("C-H-02"), level("C-X-09")) == ("::error", "::warning", "::notice")  # info → notice


def test_rule_without_title_is_its_id(lines: list[str]) -> None:
    [line] = [line for line in lines if "C-H-02" in line]
    assert ",title=C-H-02::" in line


def test_hostile_text_cannot_start_a_command_or_split_a_property() -> None:
    text = "Big news\n::error file=x::pwned 100% real"
    path = "drafts/a:b,c%.md"
    hostile = finding(path, text, "::error file=x::pwned", "C-H-01", "claim.health", Severity.WARNING,
                      "bad\n::error::injected", first_line=1)
    output = feed(GitHub, check_run(), [record("p", path, (hostile,))]).text
    out_lines = output.splitlines()
    assert len(out_lines) == 2  # the annotation and the summary: no injected line
    line = out_lines[0]
    assert line.startswith("::warning file=drafts/a%3Ab%2Cc%25.md,line=2,col=1,endLine=2,endColumn=22,title=C-H-01 Disease or cure claim::")
    assert line.endswith("::bad%0A::error::injected%0AHint: Remove the cure claim or cite the approved claim from the register.")


def test_input_errors(lines: list[str]) -> None:
    errors = [line for line in commands(lines, "error") if ",col=" not in line]
    assert errors == [
        "::error file=plans/spring-glow.yaml,line=71::entry 7: unknown platform 'myspace'\\x1b[31m",
        "::error file=plans/spring-glow.yaml,line=42::draft not found: drafts/sg-04.md",
    ]
    assert "\x1b" not in "\n".join(lines)
    out = feed(GitHub, check_run(), [InputError("bad, file.jsonl", None, "not valid UTF-8")]).text
    assert out.splitlines()[0] == "::error file=bad%2C file.jsonl::not valid UTF-8"


def test_unplanned_drafts_are_notices(lines: list[str]) -> None:
    notices = [line for line in commands(lines, "notice") if "title=" not in line]
    assert [n.split("::")[1] for n in notices] == [f"notice file={path}" for path in PLAN.unplanned]


def test_summary_is_the_last_plain_line(lines: list[str]) -> None:
    assert lines[-1] == "Found 8 findings (3 errors, 4 warnings, 1 info) in 5 posts. 2 input errors."
    assert all(line.startswith("::") for line in lines[:-1])


def test_check_run() -> None:
    output = feed(GitHub, check_run(), check_records()).text.splitlines()
    assert output == [
        "::warning file=export.jsonl,line=3,col=36,endLine=3,endColumn=39,title=US-D-02::\"#sp\" is not a label readers understand.",
        "Found 1 finding (1 warning) in 2 posts.",
    ]


def test_lines_are_written_as_records_arrive() -> None:
    out = io.StringIO()
    reporter = GitHub(out, audit_run())
    reporter.add(audit_records()[0])
    assert out.getvalue().count("\n") == 3
