"""Every rule's examples are tests: bad posts raise the rule, good posts do not."""

from __future__ import annotations

import pytest

from compliance.rules.examples import run_examples
from compliance.rules.loader import builtin_names, load_rulesets

OUTCOMES = list(run_examples(load_rulesets([name for name in builtin_names() if name != "common"])))


@pytest.mark.parametrize("outcome", OUTCOMES, ids=lambda o: f"{o.rule.id}-{o.expectation}-{o.post.id}")
def test_rule_example(outcome):
    assert outcome.passed, outcome.describe()


def test_every_rule_has_bad_and_good_examples():
    rules = {o.rule.id for o in OUTCOMES}
    for rule_id in rules:
        kinds = {o.expectation for o in OUTCOMES if o.rule.id == rule_id}
        assert kinds - {"fixed"} == {"bad", "good"}, rule_id
