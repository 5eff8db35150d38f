"""The claims register: loading, validation, and judging claims in posts."""

from __future__ import annotations

import datetime
import json

import pytest
from click.testing import CliRunner

from compliance.claims import InvalidRegister, content_words, load_register
from compliance.cli import main

REGISTER = """\
brand: GlowCo
claims:
  - text: Clinically shown to improve skin hydration in 4 weeks
    evidence: GC-2025-014 (randomised trial, n=120)
    markets: [us]
    expires: 2099-12-31
  - text: Clinically proven to reduce redness in 2 weeks
    evidence: GC-2023-002
    expires: 2020-01-01
"""


@pytest.fixture
def register_file(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(REGISTER, encoding="utf-8")
    return path


def test_content_words_ignore_small_words_and_plurals():
    assert content_words("Improves the hydration of skins in 4 weeks") == {"improve", "hydration", "skin", "4", "week"}


def test_judge_exact_reworded_unapproved_expired_and_market(register_file):
    register = load_register(str(register_file))
    today = datetime.date(2026, 11, 26)
    exact = register.judge("Clinically shown to improve skin hydration in 4 weeks", today=today)
    assert exact.approved is not None and exact.approved.evidence.startswith("GC-2025-014")
    reworded = register.judge("#ad clinically shown to improve hydration of the skin in just 4 weeks!", today=today)
    assert reworded.approved is not None
    unapproved = register.judge("#ad clinically proven to double your skin hydration overnight", today=today)
    assert unapproved.approved is None and unapproved.closest is not None
    assert "hydration" in unapproved.closest.text
    expired = register.judge("Clinically proven to reduce redness in 2 weeks", today=today)
    assert expired.approved is None  # the only matching claim expired in 2020
    other_market = register.judge("Clinically shown to improve skin hydration in 4 weeks", markets=("fr",), today=today)
    assert other_market.approved is None


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("brand: X\nclaims:\n  - text: Works\n", 3, "claims.0.evidence"),
        ("brand: X\nclaims:\n  - text: Works\n    evidence: E1\n    expires: soon\n", 5, "claims.0.expires"),
        ("brand: X\nclaims:\n  - text: Works\n    evidence: E1\n    colour: red\n", 5, "claims.0.colour"),
        ("brand: X\nclaims: []\n", 2, "claims"),
    ],
)
def test_register_mistakes_are_located(tmp_path, text, line, field):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidRegister) as caught:
        load_register(str(path))
    assert any(f"{path}:{line}: {field}" in str(p) for p in caught.value.problems), caught.value.problems


def test_register_end_to_end_from_the_cli(tmp_path, register_file):
    posts = tmp_path / "posts.jsonl"
    lines = [
        {"id": "approved", "relationship": "paid", "text": "#ad Clinically shown to improve skin hydration in 4 weeks 💧"},
        {"id": "reworded", "relationship": "paid", "text": "#ad clinically shown to improve hydration of the skin in just 4 weeks 💧"},
        {"id": "unapproved", "relationship": "paid", "text": "#ad Clinically proven to double skin hydration overnight 💧"},
    ]
    posts.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(posts), "--claims", str(register_file), "--format", "json"])
    report = json.loads(result.stdout)
    by_post = {f["post"]: f for f in report["findings"]}
    assert set(by_post) == {"unapproved"}, report["findings"]
    assert by_post["unapproved"]["rule"] == "US-C-22"
    assert "Clinically shown to improve skin hydration in 4 weeks" in by_post["unapproved"]["message"]
    assert result.exit_code == 1

    without = CliRunner().invoke(main, ["check", str(posts), "--format", "json"])
    assert {f["post"] for f in json.loads(without.stdout)["findings"]} == {"approved", "reworded", "unapproved"}


def test_a_broken_register_is_reported_and_the_run_goes_on(tmp_path):
    bad = tmp_path / "claims.yaml"
    bad.write_text("brand: X\nclaims:\n  - text: Works\n", encoding="utf-8")
    post = tmp_path / "post.txt"
    post.write_text("use code MAYA15 for 15% off", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(post), "--claims", str(bad), "--format", "json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 2
    assert [f["rule"] for f in report["findings"]] == ["US-D-14"]
    assert any("claims.0.evidence" in e["message"] for e in report["errors"])
