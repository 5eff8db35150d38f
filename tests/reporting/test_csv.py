"""The CSV report: parses back, every entry present, formulas neutralised, streamed."""

from __future__ import annotations

import csv
import io

import pytest

from compliance.reporting.csv import FINDING_COLUMNS, PLAN_COLUMNS, Csv, neutralise

from . import FORMULA_CREATOR, PLAN, STRAY_ERROR, audit, audit_records, audit_run, check_records, check_run, feed


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def report() -> str:
    return audit(Csv).text


def test_header_has_finding_then_plan_columns(report: str) -> None:
    assert report.splitlines()[0].split(",") == list(FINDING_COLUMNS + PLAN_COLUMNS)
    assert "\r" not in report


def test_one_row_per_finding_suppressed_ones_flagged(report: str) -> None:
    findings = [row for row in rows(report) if row["rule"]]
    assert len(findings) == sum(len(r.findings) for r in audit_records()) == 9
    assert [row["rule"] for row in findings if row["suppressed"] == "true"] == ["C-P-02"]
    first = findings[0]
    assert (first["post"], first["line"], first["column"], first["severity"], first["excerpt"]) == ("sg-01", "8", "33", "error", "#ad")
    assert (first["entry"], first["date"], first["week"], first["platform"], first["creator"]) == (
        "sg-01", "2026-03-02", "2026-W10", "instagram", "Maya Chen")


def test_every_entry_appears_clean_ones_once(report: str) -> None:
    parsed = rows(report)
    assert {row["entry"] for row in parsed if row["entry"]} == {r.post for r in audit_records()}
    clean = [row for row in parsed if row["entry"] == "sg-03"]
    assert len(clean) == 1 and clean[0]["rule"] == "" and clean[0]["status"] == "checked"
    jonas = [row for row in parsed if row["entry"] == "sg-04"]
    assert len(jonas) == 1
    assert (jonas[0]["status"], jonas[0]["severity"], jonas[0]["message"]) == ("not checked", "error", "draft not found: drafts/sg-04.md")


def test_input_errors_and_unplanned_drafts_are_rows(report: str) -> None:
    parsed = rows(report)
    stray = [row for row in parsed if row["status"] == "input error"]
    assert len(stray) == 1
    assert (stray[0]["path"], stray[0]["line"], stray[0]["rule"], stray[0]["severity"]) == ("plans/spring-glow.yaml", "71", "", "error")
    assert stray[0]["message"] == STRAY_ERROR.message
    assert [row["path"] for row in parsed if row["status"] == "unplanned"] == list(PLAN.unplanned)


def test_formula_injection_is_neutralised(report: str) -> None:
    parsed = rows(report)
    for row in parsed:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    evil = next(row for row in parsed if row["entry"] == "sg-05 <b>")
    assert evil["creator"] == "'" + FORMULA_CREATOR
    assert evil["excerpt"] == "'=1+2 <b>launch</b> | day"
    assert evil["market"] == "us,uk"


@pytest.mark.parametrize(("value", "cell"), [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-5 kg", "'-5 kg"), ("@cmd", "'@cmd"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("a=b", "a=b"), ("", ""), (None, ""), (True, "true"), (False, "false"), (42, "42"),
])
def test_neutralise(value: object, cell: str) -> None:
    assert neutralise(value) == cell


def test_rows_are_written_as_records_arrive() -> None:
    out = io.StringIO()
    reporter = Csv(out, audit_run())
    reporter.add(audit_records()[0])
    assert len(rows(out.getvalue())) == 3  # before finish: the stream is not held back
    reporter.error(STRAY_ERROR)
    assert rows(out.getvalue())[-1]["status"] == "input error"


def test_check_mode_has_no_plan_columns_and_no_rows_for_clean_posts() -> None:
    text = feed(Csv, check_run(), check_records()).text
    assert text.splitlines()[0].split(",") == list(FINDING_COLUMNS)
    parsed = rows(text)
    assert [(row["post"], row["rule"], row["excerpt"]) for row in parsed] == [("post-1", "US-D-02", "#sp")]
