"""Baselines: stable, sorted files keyed without line numbers; only new findings reported."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main

DRAFT = """---
platform: instagram
relationship: paid
---
Morning run done, new bottle in hand.
use code MAYA15 for 15% off
#sp loving this flavour
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cli(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def active(result) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"] if not f["suppressed"]]


def test_a_baseline_is_sorted_and_has_no_lines_or_dates(tmp_path: Path) -> None:
    draft = write(tmp_path / "a.md", DRAFT)
    posts = write(tmp_path / "posts.jsonl", '{"id": "p9", "text": "love it #gifted"}\n{"id": "p1", "text": "use code DANI20"}\n')
    base = tmp_path / "base.json"
    result = cli("baseline", draft, posts, "-o", base)
    assert result.exit_code == 0 and f"Baseline written to {base}" in result.stderr
    document = json.loads(base.read_text(encoding="utf-8"))
    assert document["version"] == 1 and set(document) == {"tool", "version", "findings"}
    keys = [(f["post"], f["rule"]) for f in document["findings"]]
    assert sorted(f"{f['rule']}{f['post']}{f['hash']}" for f in document["findings"]) == [f"{f['rule']}{f['post']}{f['hash']}" for f in document["findings"]]
    assert set(keys) == {(str(draft), "US-D-02"), ("p1", "US-D-14"), ("p9", "US-D-19")}
    assert all(set(f) == {"rule", "post", "hash", "count"} for f in document["findings"])
    again = tmp_path / "again.json"
    cli("baseline", draft, posts, "-o", again)
    assert again.read_bytes() == base.read_bytes()


def test_edits_elsewhere_keep_the_baseline_and_new_findings_show(tmp_path: Path) -> None:
    draft = write(tmp_path / "a.md", DRAFT)
    base = tmp_path / "base.json"
    cli("baseline", draft, "-o", base)
    assert active(cli("check", draft, "--baseline", base, "--format", "json")) == []
    before = base.read_bytes()
    # A new first line moves every finding down; a new problem is added at the end.
    write(draft, DRAFT.replace("Morning run done", "Cold one today.\nMorning run done") + "It is clinically proven to hydrate.\n")
    result = cli("check", draft, "--baseline", base, "--format", "json")
    assert active(result) == [("US-C-22", 9)]  # only the new one
    suppressed = [f for f in json.loads(result.stdout)["findings"] if f["suppressed"]]
    assert suppressed and all(f["suppression"] == {"kind": "external", "justification": "accepted in the baseline", "source": str(base)} for f in suppressed)
    cli("baseline", draft, "-o", base)
    assert base.read_bytes() != before  # the accepted set changed, so the file did


def test_the_same_finding_twice_needs_two_entries(tmp_path: Path) -> None:
    posts = write(tmp_path / "posts.jsonl", '{"id": "p", "text": "get one free today. Also get one free tomorrow.", "relationship": "advertiser"}\n')
    base = tmp_path / "base.json"
    cli("baseline", posts, "-o", base)
    (entry,) = json.loads(base.read_text(encoding="utf-8"))["findings"]
    assert entry["count"] == 2
    write(posts, '{"id": "p", "text": "get one free today. Also get one free tomorrow. And get one free on Sunday.", "relationship": "advertiser"}\n')
    assert len(active(cli("check", posts, "--baseline", base, "--format", "json"))) == 1


def test_a_broken_baseline_is_a_usage_error(tmp_path: Path) -> None:
    draft = write(tmp_path / "a.md", DRAFT)
    bad = write(tmp_path / "base.json", '{"version": 7}')
    result = cli("check", draft, "--baseline", bad)
    assert result.exit_code == 2 and "not a compliance baseline" in result.output
