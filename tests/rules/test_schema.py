"""A rule set that does not validate is reported with the file, the line and the field."""

from __future__ import annotations

import textwrap

import pytest

from compliance.rules.loader import builtin_names, load_rulesets
from compliance.rules.schema import InvalidRuleSet

VALID = """\
id: my-set
version: "1"
extends: [us-ftc]
lexicons:
  my_labels:
    terms: ["#mybrandad"]
rules:
  - id: MY-D-01
    title: My rule
    category: disclosure.missing
    severity: warning
    kind: missing_disclosure
    params: {accepted: my_labels}
    message: "Missing ({evidence})"
    rationale: Because.
    examples:
      bad: [{text: "hello", sponsored: true}]
      good: [{text: "#mybrandad hello", sponsored: true}]
"""


def problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "set.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(InvalidRuleSet) as caught:
        load_rulesets([str(path)])
    return [str(p) for p in caught.value.problems]


def test_builtin_rule_sets_validate():
    for name in builtin_names():
        assert load_rulesets([name])


def test_user_rule_set_extends_builtin(tmp_path):
    path = tmp_path / "set.yaml"
    path.write_text(VALID, encoding="utf-8")
    (ruleset,) = load_rulesets([str(path)])
    ids = {rule.id for rule in ruleset.rules}
    assert "MY-D-01" in ids and "US-D-01" in ids  # inherited
    assert "disclosures" in ruleset.lexicons


@pytest.mark.parametrize(
    ("old", "new", "line", "field"),
    [
        ("category: disclosure.missing", "category: disclosure.mising", 10, "rules.0.category"),
        ("severity: warning", "severity: fatal", 11, "rules.0.severity"),
        ("kind: missing_disclosure", "kind: nope", 12, "rules.0.kind"),
        ("params: {accepted: my_labels}", "params: {accepted: no_such_lexicon}", 13, "MY-D-01.params.accepted"),
        ("params: {accepted: my_labels}", "params: {accepted: my_labels, colour: red}", 13, "rules.0.params.colour"),
        ('message: "Missing ({evidence})"', 'message: "Missing ({nope})"', 14, "rules.0.message"),
        ("  - id: MY-D-01", "  - id: my rule", 8, "rules.0.id"),
        ('    terms: ["#mybrandad"]', '    match: regex\n    terms: ["(unclosed"]', 7, "lexicons.my_labels.terms.0"),
        ("rationale: Because.", "rationale_: Because.", 15, "rules.0.rationale_"),
        ('      good: [{text: "#mybrandad hello", sponsored: true}]', '      good: [{text: "x", platform: insta}]', 18, "rules.0.examples.good.0.platform"),
    ],
)
def test_each_mistake_is_located(tmp_path, old, new, line, field):
    assert old in VALID
    found = problems(tmp_path, VALID.replace(old, new))
    assert any(p.startswith(f"{tmp_path / 'set.yaml'}:{line}: {field}") for p in found), found


def test_choice_parameter_names_its_choices(tmp_path):
    text = VALID.replace("kind: missing_disclosure", "kind: disclosure_placement").replace(
        "params: {accepted: my_labels}", "params: {accepted: my_labels, position: top}"
    ).replace('"Missing ({evidence})"', '"Buried ({label})"')
    (found,) = problems(tmp_path, text)
    assert found == f"{tmp_path / 'set.yaml'}:13: rules.0.params.position: must be one of: fold, cluster"


def test_all_mistakes_are_reported_at_once(tmp_path):
    text = VALID.replace("severity: warning", "severity: fatal").replace("category: disclosure.missing", "category: nope")
    assert len(problems(tmp_path, text)) == 2


def test_unknown_field_suggests_the_right_one(tmp_path):
    found = problems(tmp_path, VALID.replace("rationale:", "rationle:"))
    assert any("did you mean 'rationale'" in p for p in found), found


def test_yaml_syntax_error_has_a_line(tmp_path):
    found = problems(tmp_path, VALID.replace("version: \"1\"", "version: [1"))
    assert any(":3:" in p or ":2:" in p for p in found), found


def test_unsafe_yaml_tags_are_refused(tmp_path):
    found = problems(tmp_path, VALID.replace('version: "1"', "version: !!python/object/apply:os.system [echo]"))
    assert found and "not allowed" in found[0], found


def test_circular_extends(tmp_path):
    (tmp_path / "a.yaml").write_text('id: a\nversion: "1"\nextends: [b.yaml]\n', encoding="utf-8")
    (tmp_path / "b.yaml").write_text('id: b\nversion: "1"\nextends: [a.yaml]\n', encoding="utf-8")
    with pytest.raises(InvalidRuleSet, match="circular"):
        load_rulesets([str(tmp_path / "a.yaml")])


def test_unknown_builtin_name():
    with pytest.raises(InvalidRuleSet, match="unknown rule set 'us-nope'"):
        load_rulesets(["us-nope"])
