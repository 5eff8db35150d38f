"""`compliance check --fix` and `--diff` end to end: files changed only by --fix, front matter
never, twice changes nothing, and what a fix cannot resolve is still reported."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main

DRAFT = "---\nplatform: instagram\nrelationship: paid\n---\nMorning run done.\n#sp loving this flavour\n"


def cli(*args: object, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def test_diff_shows_and_changes_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT, encoding="utf-8")
    result = cli("check", draft, "--diff")
    assert result.exit_code == 1
    assert "-#sp loving this flavour\n+#ad loving this flavour\n" in result.stdout
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_fix_then_fix_again_changes_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT, encoding="utf-8")
    posts = tmp_path / "posts.jsonl"
    posts.write_text('{"id": "p", "text": "use code \\"DANI20\\" today"}\n{"id": "q", "text": "a walk"}\n', encoding="utf-8")
    first = cli("check", draft, posts, "--fix")
    assert first.exit_code == 0 and "Fixed 2 finding(s) in 2 file(s)." in first.stderr
    assert draft.read_text(encoding="utf-8") == DRAFT.replace("#sp", "#ad")  # the front matter as it was
    assert json.loads(posts.read_text(encoding="utf-8").split("\n")[0])["text"] == '#ad use code "DANI20" today'
    fixed = (draft.read_bytes(), posts.read_bytes())
    second = cli("check", draft, posts, "--fix")
    assert second.exit_code == 0 and "Fixed" not in second.stderr
    assert (draft.read_bytes(), posts.read_bytes()) == fixed


def test_what_a_fix_cannot_resolve_is_still_reported(tmp_path: Path) -> None:
    draft = tmp_path / "a.md"
    text = "---\nrelationship: contest\n---\nTag a friend to win a year of Brinlo #sweeps\n"
    draft.write_text(text, encoding="utf-8")  # a contest needs "contest" or "sweepstakes", not #ad: no safe fix
    result = cli("check", draft, "--fix", "--format", "json")
    assert result.exit_code == 1
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["US-D-02"]
    assert draft.read_text(encoding="utf-8") == text


def test_standard_input_cannot_be_fixed() -> None:
    result = cli("check", "-", "--fix", input="use code MAYA15")
    assert result.exit_code == 2 and "--fix and --diff work on files" in result.output
