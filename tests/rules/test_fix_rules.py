"""Fixes in the rule-set format: `preferred_label`, a rule's `fix`, a bad example's `fixed` text,
their validation with located problems, and `compliance rules test` checking the fixed texts."""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.rules.loader import load_rulesets
from compliance.rules.schema import InvalidRuleSet

SET = """\
id: my-set
version: "1"
preferred_label: "#ad"
lexicons:
  labels:
    terms: ["#ad", "#mybrandad"]
  vague:
    terms: ["#sp"]
rules:
  - id: MY-D-01
    title: My rule
    category: disclosure.missing
    severity: error
    kind: missing_disclosure
    fix: insert_label
    params: {accepted: labels}
    message: "Missing ({evidence})"
    rationale: Because.
    examples:
      bad: [{text: "hello there", sponsored: true, fixed: "#ad hello there"}]
      good: [{text: "#mybrandad hello", sponsored: true}]
"""


def save(tmp_path, text: str) -> str:
    path = tmp_path / "set.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def problems(tmp_path, text: str) -> list[str]:
    with pytest.raises(InvalidRuleSet) as caught:
        load_rulesets([save(tmp_path, text)])
    return [str(p) for p in caught.value.problems]


def rules_test(tmp_path, text: str):
    return CliRunner().invoke(main, ["rules", "test", "-r", save(tmp_path, text), "-v"], catch_exceptions=False)


def test_valid_set_with_a_fix(tmp_path):
    (ruleset,) = load_rulesets([save(tmp_path, SET)])
    (rule,) = ruleset.rules
    assert ruleset.preferred_label == "#ad" and rule.preferred_label == "#ad" and rule.fix == "insert_label"
    assert rule.examples.fixed == ("#ad hello there",)
    assert "fixed" not in rule.examples.bad[0].extra  # not a post field


def test_preferred_label_is_inherited_and_can_be_overridden(tmp_path):
    child = tmp_path / "child.yaml"
    child.write_text('id: child\nversion: "1"\nextends: [us-ftc]\n', encoding="utf-8")
    (ruleset,) = load_rulesets([str(child)])
    assert ruleset.preferred_label == "#ad"
    assert {r.preferred_label for r in ruleset.rules} == {"#ad"}
    child.write_text('id: child\nversion: "1"\nextends: [us-ftc]\npreferred_label: "#sponsored"\n', encoding="utf-8")
    (ruleset,) = load_rulesets([str(child)])
    assert {r.preferred_label for r in ruleset.rules} == {"#sponsored"}  # inherited rules write the child's label


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("fix: insert_label", "fix: add_label", 15, "rules.0.fix: unknown fix 'add_label' (known: insert_label, replace_label)"),
        ("fix: insert_label", "fix: replace_label", 15, "rules.0.fix: 'replace_label' cannot fix this rule: it replaces the label a rule reports"),
        ('preferred_label: "#ad"', 'preferred_label: ""', 3, "preferred_label: must be a non-empty string"),
        ('preferred_label: "#ad"', "preferred_label: [1]", 3, "preferred_label: must be a non-empty string"),
        ('preferred_label: "#ad"\n', "", 14, "MY-D-01.fix: 'insert_label' writes the rule set's preferred label, and 'my-set' has none"),
        ('fixed: "#ad hello there"', "fixed: 3", 20, "rules.0.examples.bad.0.fixed: must be the text of the post once fixed"),
        (', fixed: "#ad hello there"}', "}", 20, "rules.0.examples.bad: the rule has a fix: give at least one bad example its fixed text"),
        ('{text: "#mybrandad hello", sponsored: true}', '{text: "#mybrandad hello", sponsored: true, fixed: "x"}', 21,
         "rules.0.examples.good.0.fixed: only a bad example has a fixed text"),
        ("    fix: insert_label\n", "", 19, "rules.0.examples.bad.0.fixed: the rule has no fix"),
    ],
)
def test_fix_mistakes_are_located(tmp_path, old, new, line, message):
    assert old in SET
    found = problems(tmp_path, SET.replace(old, new))
    path = tmp_path / "set.yaml"
    assert any(p.startswith(f"{path}:") and message in p for p in found), found
    assert any(p.startswith(f"{path}:{line}: ") and message in p for p in found), found


def test_a_fix_is_refused_for_kinds_a_label_does_not_resolve(tmp_path):
    text = SET.replace("kind: missing_disclosure", "kind: claim").replace("params: {accepted: labels}", "params: {claims: vague}")
    found = problems(tmp_path, text.replace('"Missing ({evidence})"', '"Claim"'))
    assert any("'insert_label' cannot fix this rule: a label does not resolve what kind 'claim' reports" in p for p in found), found


def test_rules_test_passes_a_right_fixed_text(tmp_path):
    result = rules_test(tmp_path, SET)
    assert result.exit_code == 0, result.output
    assert "MY-D-01 fixed example gives '#ad hello there'" in result.output


def test_rules_test_fails_a_wrong_fixed_text(tmp_path):
    result = rules_test(tmp_path, SET.replace('fixed: "#ad hello there"', 'fixed: "#ad  hello there"'))
    assert result.exit_code == 1, result.output
    assert "FAIL" in result.output
    assert "MY-D-01 fixed example: the fix gives '#ad hello there', not '#ad  hello there'" in result.output


def test_rules_test_fails_a_fix_that_does_not_resolve_the_rule(tmp_path):
    # The rule accepts only "#mybrandad": inserting "#ad" leaves it raised.
    text = SET.replace('terms: ["#ad", "#mybrandad"]', 'terms: ["#mybrandad"]')
    result = rules_test(tmp_path, text)
    assert result.exit_code == 1, result.output
    assert "MY-D-01 fixed example: the fixed text still raises MY-D-01" in result.output


def test_rules_test_fails_a_fix_that_trades_one_finding_for_another(tmp_path):
    # "#sp" replaced by "#ad" resolves MY-D-02, but MY-D-03 then reports "#ad" (it wants "#mybrandad").
    text = SET.replace("  vague:\n", '  brand_labels:\n    terms: ["#mybrandad"]\n  vague:\n') + textwrap.indent(textwrap.dedent("""\
        - id: MY-D-02
          title: Vague
          category: disclosure.unclear
          severity: error
          kind: weak_disclosure
          fix: replace_label
          params: {labels: vague, accepted: labels}
          message: "Vague ({label})"
          rationale: Because.
          examples:
            bad: [{text: "hello #sp", sponsored: true, fixed: "hello #ad"}]
            good: [{text: "#ad hello", sponsored: true}]
        - id: MY-D-03
          title: Needs my brand's label
          category: disclosure.unclear
          severity: error
          kind: weak_disclosure
          params: {labels: labels, accepted: brand_labels}
          message: "Not my label ({label})"
          rationale: Because.
          examples:
            bad: [{text: "#ad hello", sponsored: true}]
            good: [{text: "#mybrandad hello", sponsored: true}]
    """), "  ")
    result = rules_test(tmp_path, text)
    assert result.exit_code == 1, result.output
    assert "MY-D-02 fixed example: the fixed text raises MY-D-03, which the bad example did not" in result.output
