"""Suppressions: every form, their strict grammar, stale ones, and how they show in reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.suppressions import DirectiveError, directives, ignores_field

FOLD_CAPTION = "Sunday reset routine, three weeks in and my skin is calmer than ever, full routine below " * 2 + "#ad"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(*args: object) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", *map(str, args), "--format", "json", "--fail-on", "error"], catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout)


def test_directive_for_the_next_block() -> None:
    text = 'intro\n<!-- compliance: ignore US-D-03,US-C reason="legal approved the layout" -->\n\nthe block\nstill it\n\nafter'
    blanked, (ignore,) = directives(text, first_line=5)
    assert ignore.rules == ("US-D-03", "US-C") and ignore.reason == "legal approved the layout" and ignore.line == 6
    assert text[ignore.start : ignore.end] == "the block\nstill it"
    assert len(blanked) == len(text) and "compliance" not in blanked  # offsets kept, the comment is not analysed


def test_directive_for_the_whole_file() -> None:
    _, (ignore,) = directives('<!-- compliance: ignore-file US-C-26 reason="GC-2025-014" -->\ntext', first_line=1)
    assert (ignore.start, ignore.end) == (None, None)


@pytest.mark.parametrize(
    "line",
    [
        '<!-- compliance: ignore US-D-03 -->',  # no reason
        '<!-- compliance: ignore US-D-03 reason="" -->',  # empty reason
        '<!-- compliance: ignore reason="x" -->',  # no rule
        '<!-- compliance : ignore US-D-03 reason="x" -->',  # space before the colon (semgrep #6596)
        '<!-- compliance: ignre US-D-03 reason="x" -->',
        '<!-- compliance: ignore US-D-03 reason=x -->',
        'text <!-- compliance: ignore US-D-03 reason="x" -->',  # not on a line of its own
        '<!-- compliance: ignore US-D-03 reason="x"',
    ],
)
def test_malformed_directives_are_errors(line: str) -> None:
    with pytest.raises(DirectiveError) as caught:
        directives(f"first\n{line}\nthird", first_line=3)
    assert caught.value.line == 4


def test_the_ignore_field() -> None:
    (ignore,) = ignores_field([{"rule": "us-d-03", "reason": "ok by legal"}])
    assert ignore.rules == ("US-D-03",) and ignore.start is None
    for bad in ("US-D-03", [{"rules": ["US-D-03"]}], [{"rules": [], "reason": "x"}], [{"rules": ["US D"], "reason": "x"}], [{"rules": ["US-D-03"], "reason": "x", "by": "me"}]):
        with pytest.raises(ValueError):
            ignores_field(bad)


def test_markdown_directive_suppresses_only_its_block_and_stays_in_json(tmp_path: Path) -> None:
    draft = write(tmp_path / "a.md", (
        "---\nplatform: instagram\n---\n"
        '<!-- compliance: ignore US-D-03 reason="the brand accepts the late label on this one" -->\n'
        f"{FOLD_CAPTION}\n"
    ))
    code, report = check(draft)
    (finding,) = report["findings"]
    assert code == 0 and finding["rule"] == "US-D-03" and finding["suppressed"] is True
    assert finding["suppression"] == {"kind": "inSource", "justification": "the brand accepts the late label on this one", "source": f"{draft}:4"}
    assert report["summary"]["findings"] == 0


def test_a_block_directive_does_not_reach_other_blocks(tmp_path: Path) -> None:
    draft = write(tmp_path / "a.md", (
        '<!-- compliance: ignore US-C-21 reason="quoted testimonial, cleared" -->\n'
        "A note about our launch.\n\nThis tea cures arthritis. #ad @brinlo\n"
    ))
    code, report = check(draft, "--platform", "instagram")
    rules = [(f["rule"], f["suppressed"]) for f in report["findings"]]
    assert ("US-C-21", False) in rules and code == 2  # not suppressed, and the unused directive is reported
    assert any("suppression of US-C-21 matches no finding" in e["message"] and e["line"] == 1 for e in report["errors"])


def test_a_malformed_directive_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "bad.md", '<!-- compliance: ignore US-D-03 -->\nuse code MAYA15\n')
    write(tmp_path / "good.md", "use code MAYA15 for 15% off\n")
    code, report = check(tmp_path)
    assert code == 2
    assert [e["line"] for e in report["errors"]] == [1] and "malformed suppression" in report["errors"][0]["message"]
    assert [f["path"] for f in report["findings"]] == [str(tmp_path / "good.md")]


def test_the_ignore_field_on_a_json_post(tmp_path: Path) -> None:
    posts = write(tmp_path / "posts.jsonl", (
        '{"id": "a", "text": "use code MAYA15", "ignore": [{"rules": ["US-D-14"], "reason": "code retired"}]}\n'
        '{"id": "b", "text": "#ad use code MAYA15", "ignore": [{"rules": ["US-D-14"], "reason": "stale"}]}\n'
        '{"id": "c", "text": "use code MAYA15", "ignore": [{"rules": ["US-D-14"]}]}\n'
    ))
    code, report = check(posts)
    assert code == 2
    assert [(f["post"], f["suppressed"]) for f in report["findings"]] == [("a", True)]
    assert report["findings"][0]["suppression"]["source"] == f"{posts} (field 'ignore')"
    messages = [(e["line"], e["message"]) for e in report["errors"]]
    assert any(line == 2 and "matches no finding" in message for line, message in messages)
    assert any(line == 3 and "field 'ignore': every suppression needs a 'reason'" in message for line, message in messages)


def test_a_suppression_for_a_rule_that_did_not_run_is_not_called_stale(tmp_path: Path) -> None:
    posts = write(tmp_path / "posts.jsonl", '{"id": "b", "text": "#ad lovely", "ignore": [{"rules": ["US-D-14"], "reason": "x"}]}\n')
    code, report = check(posts, "--select", "US-C")
    assert code == 0 and report["errors"] == []


def test_suppressions_survive_into_sarif(tmp_path: Path) -> None:
    posts = write(tmp_path / "posts.jsonl", '{"id": "a", "text": "use code MAYA15", "ignore": [{"rules": ["US-D-14"], "reason": "code retired"}]}\n')
    result = CliRunner().invoke(main, ["check", str(posts), "--format", "sarif"], catch_exceptions=False)
    (sarif_result,) = json.loads(result.stdout)["runs"][0]["results"]
    assert sarif_result["suppressions"][0]["kind"] == "inSource" and sarif_result["suppressions"][0]["justification"] == "code retired"
    assert result.exit_code == 0
