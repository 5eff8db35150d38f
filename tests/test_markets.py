"""Market selection: a post's markets pick the rule sets, a post for two markets gets both (each
finding naming its set), and rules scoped to a language see the detected language."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from compliance import Checker, Origin, Post
from compliance.cli import main
from compliance.rules.loader import load_rulesets


def ruleset(folder: Path, market: str, rule_id: str, extra: str = "") -> Path:
    path = folder / f"{market}.yaml"
    path.write_text(f"""
id: test-{market}
title: Test market {market}
version: "1"
markets: [{market}]
languages: [en, fr]
extends: [en-social]
rules:
  - id: {rule_id}
    title: Connection without a disclosure
    category: disclosure.missing
    severity: error
    kind: missing_disclosure
    params: {{accepted: disclosures}}
    message: "No disclosure ({{evidence}})."
    rationale: Test.
    examples:
      bad: [{{text: "use code MAYA15"}}]
      good: [{{text: "#ad use code MAYA15"}}]
{extra}
""", encoding="utf-8")
    return path


def post(text: str, market: tuple[str, ...] = (), language: str | None = None) -> Post:
    return Post(text, "p", Origin("p.jsonl"), market=market, language=language)


def test_a_post_for_two_markets_gets_both_rule_sets(tmp_path: Path) -> None:
    sets = load_rulesets([str(ruleset(tmp_path, "xa", "XA-01")), str(ruleset(tmp_path, "xb", "XB-01"))])
    checker = Checker(sets)
    findings = checker.check(post("use code MAYA15", ("xa", "xb"))).findings
    assert [(f.rule, f.ruleset) for f in findings] == [("XA-01", "test-xa"), ("XB-01", "test-xb")]
    assert [f.rule for f in checker.check(post("use code MAYA15", ("xb",))).findings] == ["XB-01"]


def test_a_market_no_rule_set_covers_is_reported(tmp_path: Path) -> None:
    checker = Checker(load_rulesets([str(ruleset(tmp_path, "xa", "XA-01"))]))
    result = checker.check(post("use code MAYA15", ("zz",)))
    assert result.findings == () and "no loaded rule set covers market zz" in result.errors[0].message


def test_rules_scoped_to_a_language_see_the_detected_one(tmp_path: Path) -> None:
    scoped = """
  - id: XA-FR
    title: French posts only
    category: disclosure.language
    severity: warning
    kind: missing_disclosure
    languages: [fr]
    params: {accepted: disclosures}
    message: "French post without a disclosure."
    rationale: Test.
    examples:
      bad: [{text: "Trop hâte de vous montrer ça, code MAYA15", language: fr}]
      good: [{text: "use code MAYA15 #ad", language: fr}]
"""
    checker = Checker(load_rulesets([str(ruleset(tmp_path, "xa", "XA-01", scoped))]))
    french = checker.check(post("Trop hâte de vous montrer ça, mon code MAYA15 pour la crème", ("xa",)))
    english = checker.check(post("Can't wait to show you, my code MAYA15 for the cream", ("xa",)))
    assert sorted(f.rule for f in french.findings) == ["XA-01", "XA-FR"]
    assert [f.rule for f in english.findings] == ["XA-01"]


def test_json_findings_name_their_rule_set(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text('{"id": "a", "text": "use code MAYA15", "market": ["xa", "xb"]}\n', encoding="utf-8")
    args = ["check", str(posts), "--format", "json", "-r", str(ruleset(tmp_path, "xa", "XA-01")), "-r", str(ruleset(tmp_path, "xb", "XB-01"))]
    report = json.loads(CliRunner().invoke(main, args, catch_exceptions=False).stdout)
    assert [(f["rule"], f["ruleset"]) for f in report["findings"]] == [("XA-01", "test-xa"), ("XB-01", "test-xb")]
