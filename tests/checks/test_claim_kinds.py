"""The claim, required and prohibited rule kinds, through a small user rule set."""

from __future__ import annotations


import pytest

from compliance import Checker, Origin, load_rulesets
from compliance.sources.fields import post_from_fields

RULESET = """\
id: crypto-house
version: "1"
extends: [us-ftc]
lexicons:
  crypto_promotion:
    match: regex
    terms: ['(?i)\\b(?:buy|grab|get\\s+in\\s+on)\\s+\\$?[A-Z]{3,6}\\b', '(?i)#(?:crypto|memecoin|altcoin)\\b']
  compensation_amount:
    match: regex
    terms: ['(?i)\\b(?:paid|compensated)\\s+(?:me\\s+)?\\$\\d[\\d,]*', '(?i)\\breceived\\s+\\$\\d[\\d,]*']
  promissory:
    match: regex
    terms: ['(?i)\\bguaranteed\\s+(?:returns|profit)\\b', '(?i)\\brisk[\\s-]free\\b']
rules:
  - id: CR-S-01
    title: Crypto promotion without the compensation and its amount
    category: statement.missing
    severity: error
    kind: required
    params: {when: crypto_promotion, statement: compensation_amount}
    message: "A paid crypto promotion ({label}) must say who paid and how much."
    rationale: Securities Act 17(b).
    examples:
      bad: [{text: "#ad get in on $MOON before it pumps #crypto", relationship: paid}]
      good: [{text: "#ad MoonDAO paid me $2,000 to say: get in on $MOON #crypto", relationship: paid}]
  - id: CR-S-02
    title: Promissory returns
    category: claim.financial
    severity: error
    kind: prohibited
    params: {phrases: promissory, when: [crypto_promotion]}
    message: "{label} promises a return nobody can promise."
    rationale: FINRA 2210.
    examples:
      bad: [{text: "#ad guaranteed returns, get in on $MOON", relationship: paid}]
      good: [{text: "#ad get in on $MOON, it is risky", relationship: paid, sponsored: true}]
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    path = tmp_path_factory.mktemp("rules") / "crypto.yaml"
    path.write_text(RULESET, encoding="utf-8")
    return Checker(load_rulesets([str(path)]))


def rules_of(checker, text, **fields):
    post = post_from_fields({**fields, "text": text}, Origin("t"), default_id="t")
    return {f.rule for f in checker.check(post).findings}


def test_required_statement(checker):
    assert "CR-S-01" in rules_of(checker, "#ad get in on $MOON today #crypto", relationship="paid")
    assert "CR-S-01" not in rules_of(checker, "#ad MoonDAO paid me $500 for this: get in on $MOON", relationship="paid")
    assert "CR-S-01" not in rules_of(checker, "get in on $MOON #crypto")  # not promotional


def test_prohibited_needs_its_condition(checker):
    assert "CR-S-02" in rules_of(checker, "#ad risk-free, grab $MOON", relationship="paid")
    assert "CR-S-02" not in rules_of(checker, "#ad risk-free returns on my savings account", relationship="paid")


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("#ad This balm cured my psoriasis 🙌", True),
        ("#ad No cream can cure psoriasis, but this one soothes", False),
        ('#ad Some brands say their balm "cures psoriasis". This one just soothes.', False),
        ("#ad Researchers found nothing cures psoriasis yet; this balm soothes", False),
        ("#ad My psoriasis is finally gone since @dermaco", True),
    ],
)
def test_claim_context(checker, text, fires):
    assert ("US-C-21" in rules_of(checker, text, relationship="paid")) is fires


def test_one_finding_per_claim_sentence(checker):
    post = post_from_fields({"text": "#ad It cures eczema and heals psoriasis!", "relationship": "paid"}, Origin("t"), default_id="t")
    assert [f.rule for f in checker.check(post).findings] == ["US-C-21"]
