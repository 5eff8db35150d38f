"""The Markdown report: tables that post text cannot break, no HTML let through, every entry shown."""

from __future__ import annotations

import re

import pytest

from compliance.reporting.markdown import Markdown, cell

from . import PLAN, audit, audit_records, check_records, check_run, feed

# How GFM splits a table row: on pipes not escaped by a backslash.
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(text: str) -> str:
    """What a Markdown renderer shows for a backslash-escaped cell."""
    return ESCAPED.sub(r"\1", text)


def tables(document: str) -> dict[str, list[list[str]]]:
    """Each table under the nearest heading above it, as rows of raw cells (header first, the
    delimiter row dropped). Several tables under one heading are joined."""
    found: dict[str, list[list[str]]] = {}
    heading = ""
    for line in document.splitlines():
        if line.startswith("#"):
            heading = line
        elif line.startswith("|"):
            cells = [c.strip() for c in UNESCAPED_PIPE.split(line)[1:-1]]
            if not all(re.fullmatch(r"-+:?", c) for c in cells):
                found.setdefault(heading, []).append(cells)
    return found


@pytest.fixture(scope="module")
def report() -> str:
    return audit(Markdown).text


def test_every_table_row_has_as_many_cells_as_its_header(report: str) -> None:
    found = tables(report)
    assert len(found) == 10  # summary, 5 dimensions, the 4 entries with findings
    for heading, rows in found.items():
        assert all(len(row) == len(rows[0]) for row in rows), heading


def test_a_pipe_in_a_post_stays_inside_its_cell(report: str) -> None:
    rows = tables(report)["### 2. sg-02"]
    assert rows[0] == ["Rule", "Severity", "Line", "Message", "Excerpt"]
    code = [row for row in rows if row[0] == "US-D-14"]
    assert len(code) == 1 and len(code[0]) == 5
    assert unescape(code[0][4]) == "Use code SAKURA15 | 15% off"
    evil = tables(report)[r"### 5. sg-05 \<b\>"]
    assert unescape(evil[1][4]) == "=1+2 <b>launch</b> | day"


def test_no_html_gets_through_except_line_breaks(report: str) -> None:
    assert re.findall(r"<(?!br>)", report.replace("\\<", "")) == []
    assert "\\<script\\>alert(1)\\</script\\>" in report


def test_cell_escapes_markdown_syntax_and_joins_lines() -> None:
    assert cell("# Not a heading") == r"\# Not a heading"
    assert cell("*bold* _it_ `code` [x](javascript:y) ![i](z) ~~s~~ $x$ &amp;") == (
        r"\*bold\* \_it\_ \`code\` \[x\](javascript:y) \!\[i\](z) \~\~s\~\~ \$x\$ \&amp;"
    )
    assert cell("line one\nline two\r\n\tthree") == "line one line two three"
    assert cell("a\\|b") == r"a\\\|b"  # a backslash cannot un-escape the pipe after it
    assert unescape(cell("a\\|b")) == "a\\|b"
    assert cell("red\x1b[31m") == r"red\\x1b\[31m"


def test_summary_and_dimension_tables(report: str) -> None:
    found = tables(report)
    summary = {row[0]: row[1] for row in found["## Summary"][1:]}
    assert summary["Findings"] == "8" and summary["Clean entries"] == "1" and summary["Entries not checked"] == "1"
    assert summary["Input errors"] == "2" and summary["Drafts not in the plan"] == "2"
    assert found["## By category"][1:] == [
        ["claim.environmental", "1", "1"], ["claim.health", "1", "2"], ["content.prohibited", "1", "1"],
        ["disclosure.missing", "2", "3"], ["disclosure.placement", "1", "1"],
    ]
    assert found["## By channel"][1:] == [["blog", "1", "1"], ["instagram", "3", "4"], ["tiktok", "1", "3"], ["youtube", "1", "0"]]
    assert found["## By week"][1:] == [["(none)", "1", "1"], ["2026-W10", "2", "6"], ["2026-W11", "2", "0"], ["2026-W12", "1", "1"]]
    assert found["## By campaign"][1:] == [["Always-on", "1", "1"], ["Spring Glow 2026", "5", "7"]]
    creators = {unescape(row[0]): row[1:] for row in found["## By creator"][1:]}
    assert creators['=HYPERLINK("http://evil.example","click")'] == ["1", "1"]
    assert creators["さくら 🌸 Beauty"] == ["1", "3"]


def test_every_entry_has_a_heading_and_its_outcome(report: str) -> None:
    headings = [line for line in report.splitlines() if line.startswith("### ")]
    assert [unescape(h.split(". ", 1)[1]) for h in headings] == [r.post for r in audit_records()]
    jonas = report.split("### 4. sg-04", 1)[1].split("###", 1)[0]
    assert "**not checked**" in jonas and "draft not found: drafts/sg-04.md" in jonas
    clean = report.split("### 3. sg-03", 1)[1].split("###", 1)[0]
    assert "**clean**" in clean and "No findings." in clean and "|" not in clean


def test_suppressed_findings_are_marked_not_counted(report: str) -> None:
    row = next(r for r in tables(report)["### 2. sg-02"] if r[0] == "C-P-02")
    assert row[1] == "_suppressed_ (info)"


def test_unplanned_drafts_and_input_errors_are_listed(report: str) -> None:
    unplanned = report.split("## Drafts not in the plan", 1)[1].split("##", 1)[0]
    assert [unescape(line[2:]) for line in unplanned.strip().splitlines()] == list(PLAN.unplanned)
    errors = report.split("## Input errors", 1)[1].strip().splitlines()
    assert len(errors) == 2 and unescape(errors[1]).startswith("- plans/spring-glow.yaml:71: entry 7")


def test_hints_follow_the_message(report: str) -> None:
    row = tables(report)["### 1. sg-01"][1]
    assert row[3].endswith("<br>**Fix:** Move the disclosure to the first line, before the fold.")


def test_check_mode_has_no_plan_sections() -> None:
    text = feed(Markdown, check_run(), check_records()).text
    assert "## By channel" not in text and "## Drafts not in the plan" not in text
    assert [line for line in text.splitlines() if line.startswith("### ")] == ["### 1. post-1"]
    assert tables(text)["## Summary"][6] == ["Clean posts", "1"]


def test_identical_input_gives_identical_output(report: str) -> None:
    assert audit(Markdown).text == report
