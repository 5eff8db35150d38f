"""The terminal table of an audit: plain without colour, aligned by display width, complete.

Width is measured as the module documents: East Asian wide/fullwidth characters (CJK, most
emoji) take two cells, combining marks and format characters none, everything else one.
"""

from __future__ import annotations

import re

import pytest

from compliance.reporting.table import Table, display_width, truncate

from . import FORMULA_CREATOR, PLAN, audit, audit_records, check_records, check_run, feed

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def plain() -> str:
    return audit(Table).text


def entry_rows(text: str) -> list[str]:
    """The entries table: its header and a row per entry, in order, colour codes removed."""
    lines = ANSI.sub("", text).splitlines()
    start = lines.index(next(line for line in lines if line.startswith("ENTRY")))
    return lines[start : lines.index("", start)]


def test_no_escape_codes_without_colour(plain: str) -> None:
    assert "\x1b" not in plain


def test_colour_when_asked_with_the_same_text() -> None:
    coloured = audit(Table, color=True).text
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == audit(Table).text


@pytest.mark.parametrize("color", [False, True])
def test_columns_align_by_display_width_with_a_wide_creator(color: bool) -> None:
    header, *entries = entry_rows(audit(Table, color=color).text)
    assert len(entries) == len(audit_records())
    status = header.index("STATUS")
    for row, record in zip(entries, audit_records()):
        assert row.startswith(record.post)
        word = "not checked" if record.post == "sg-04" else ("clean" if not record.active else "findings")
        at = row.index(word, len(record.post))
        if record.post == "sg-02":
            # "さくら 🌸 Beauty": three kana and an emoji draw two cells each, so the row holds
            # four characters fewer before the status column, and lines up on screen.
            assert at == status - 4
        else:
            assert at == status
        assert display_width(row[:at]) == status


def test_long_values_are_truncated_with_an_ellipsis(plain: str) -> None:
    row = next(line for line in entry_rows(plain) if line.startswith("sg-05"))
    assert FORMULA_CREATOR not in row
    shown = re.search(r'=HYPERLINK\S*…', row)
    assert shown and display_width(shown[0]) == 20  # the creator column's limit


def test_rows_show_counts_and_rules(plain: str) -> None:
    rows = {line.split()[0]: line.split() for line in entry_rows(plain)[1:]}
    assert rows["sg-01"][-6:] == ["2", "1", "0", "C-H-01,", "C-H-02,", "US-D-03"]
    assert rows["sg-03"][-4:] == ["clean", "0", "0", "0"]
    assert rows["sg-04"][-5:] == ["not", "checked", "-", "-", "-"]


def test_findings_under_the_table_in_the_usual_format(plain: str) -> None:
    for record in audit_records():
        for finding in record.findings:
            line = f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} {finding.message}"
            assert (line + (" (suppressed)" if finding.suppressed else "")) in plain.splitlines()
    assert "    hint: Move the disclosure to the first line, before the fold." in plain.splitlines()
    assert "plans/spring-glow.yaml:42: not checked: draft not found: drafts/sg-04.md" in plain.splitlines()


def summary_table(text: str, title: str) -> list[list[str]]:
    lines = text.split(f"\n{title}\n", 1)[1].split("\n\n", 1)[0].splitlines()
    return [re.split(r"\s{2,}", line.strip()) for line in lines[1:]]


def test_summary_tables_by_each_dimension(plain: str) -> None:
    assert summary_table(plain, "By channel") == [["blog", "1", "1"], ["instagram", "3", "4"], ["tiktok", "1", "3"], ["youtube", "1", "0"]]
    assert summary_table(plain, "By week") == [["(none)", "1", "1"], ["2026-W10", "2", "6"], ["2026-W11", "2", "0"], ["2026-W12", "1", "1"]]
    assert summary_table(plain, "By campaign") == [["Always-on", "1", "1"], ["Spring Glow 2026", "5", "7"]]
    assert ["Maya Chen", "2", "3"] in summary_table(plain, "By creator")
    assert summary_table(plain, "By category")[3] == ["disclosure.missing", "2", "3"]


def test_unplanned_errors_and_the_summary_line_last(plain: str) -> None:
    lines = plain.splitlines()
    for path in PLAN.unplanned:
        assert f"  {path}" in lines
    assert "  plans/spring-glow.yaml:71: entry 7: unknown platform 'myspace'\\x1b[31m" in lines
    assert lines[-1] == audit(Table).totals.summary() == "Found 8 findings (3 errors, 4 warnings, 1 info) in 5 posts. 2 input errors."


def test_check_mode_lists_only_posts_with_findings() -> None:
    text = feed(Table, check_run(), check_records()).text
    assert [line.split()[0] for line in entry_rows(text)[1:]] == ["post-1"]
    assert "By channel" not in text and text.splitlines()[-1] == "Found 1 finding (1 warning) in 2 posts."


@pytest.mark.parametrize(("text", "width"), [
    ("abc", 3), ("さくら", 6), ("🌸", 2), ("e\u0301", 1), ("a\u200db", 2), ("Ｆｕｌｌ", 8), ("…", 1),
])
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


def test_truncate_never_splits_a_wide_character() -> None:
    assert truncate("さくらさくら", 6) == "さく…"  # 5 cells: a third kana would need 7
    assert truncate("short", 6) == "short"
    assert display_width(truncate("abcdefghij", 6)) == 6
