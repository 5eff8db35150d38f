"""Patterns of user rule sets: a catastrophic one is stopped, reported and the run goes on;
validation warns about the shapes known to backtrack."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.matching import backtracking_risk
from compliance.rules.loader import builtin_names, load_rulesets
from compliance.rules.schema import pattern_warnings

CATASTROPHIC_SET = """\
id: risky-set
version: "1"
extends: [us-ftc]
lexicons:
  greedy_words:
    match: regex
    signals: sponsored
    terms:
      - '\\bpartnered\\s+with\\b'
      - '(\\w+\\s?)*$'
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def risky(tmp_path: Path) -> Path:
    return write(tmp_path, "risky.yaml", CATASTROPHIC_SET)


def test_catastrophic_pattern_is_reported_and_the_run_goes_on(tmp_path: Path, risky: Path) -> None:
    posts = [
        {"id": "before", "text": "Use code MAYA15 for 15% off my fave serum #sp"},
        {"id": "victim", "text": "a" * 5000 + "!"},  # (\w+\s?)*$ backtracks exponentially here
        {"id": "after", "text": "This tea cures anxiety, thanks @glowco for the free set! #sp"},
    ]
    source = write(tmp_path, "posts.jsonl", "".join(json.dumps(p) + "\n" for p in posts))
    start = time.monotonic()
    result = CliRunner().invoke(main, ["check", str(source), "--ruleset", str(risky), "--format", "json"])
    elapsed = time.monotonic() - start
    assert result.exit_code == 2, result.output
    report = json.loads(result.stdout)
    [error] = report["errors"]
    assert (error["path"], error["line"]) == (str(source), 2)
    message = error["message"]
    assert "post victim" in message and "ran out of time" in message
    assert "risky-set" in message and "greedy_words" in message and "(\\\\w+\\\\s?)*$" in message
    # The other posts were checked, before and after the one that stopped the pattern.
    assert {(f["post"], f["rule"]) for f in report["findings"]} >= {("before", "US-D-02"), ("after", "US-C-21")}
    assert elapsed < 30  # the budget stops the pattern: without it the run would never end


@pytest.mark.parametrize("pattern", [
    r"(a+)+$", r"(x+)+", r"(x*)*", r"(x+)*", r"(\w+\s?)*$", r"(?:\w+\W*)+$", r"((a+)b?)+",
    r"(a|a)*", r"(.|\s)*$", r"^(?:foo|foo)+$",
    r"\p{L}(a+)+",  # syntax of the `regex` module alone: read from the source
])
def test_backtracking_shapes_are_found(pattern: str) -> None:
    assert backtracking_risk(pattern) is not None


@pytest.mark.parametrize("pattern", [
    r"\bpartnered\s+with\b", r"(?:\s+\w+)*", r"(?:\w+,)*", r"(?:\w+\s+){0,2}?", r"(?:ab|cd)*",
    r"(?:[a-z]+\.)+[a-z]{2,}", r"#\w*(?:contest|sweepstakes)\w*", r"(?:\w++\s?)*", r"(?>\w+\s?)*",
])
def test_safe_shapes_are_not_flagged(pattern: str) -> None:
    assert backtracking_risk(pattern) is None


def test_validate_warns_without_failing(risky: Path) -> None:
    result = CliRunner().invoke(main, ["rules", "validate", str(risky)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{risky}:10: warning: lexicons.greedy_words.terms.1:")
    assert "backtrack" in warnings[0]
    assert "1 warning(s)" in result.stdout


def test_warnings_name_the_file_that_defines_the_lexicon(tmp_path: Path, risky: Path) -> None:
    child = write(tmp_path, "child.yaml", 'id: child\nversion: "1"\nextends: [risky.yaml]\n')
    [warning] = pattern_warnings(load_rulesets([str(child)]))
    assert (warning.path, warning.line, warning.field) == (str(risky), 10, "lexicons.greedy_words.terms.1")


@pytest.mark.parametrize("name", builtin_names())
def test_builtin_rule_sets_have_no_warnings(name: str) -> None:
    assert pattern_warnings(load_rulesets([name])) == []
