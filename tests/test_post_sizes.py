"""A long post is checked whole, and its findings point at the right place (speed is measured
in benchmarks/sizes.py, not here)."""

from __future__ import annotations

from compliance.engine import Checker
from compliance.model import Origin, Post
from compliance.rules.loader import load_rulesets

FILLER = "We walked the dog twice and made pasta from scratch, soup season is here.\n"
CLAIM = "This tea cures anxiety in a week"


def test_a_one_megabyte_post_is_checked_and_located() -> None:
    lines = [FILLER] * 14_000  # about 1 MB
    lines[0] = "Use code MAYA15 for 15% off my fave serum #sp\n"  # a deal and a weak label, at the start
    lines[-2] = CLAIM + "!\n"  # a claim near the end: past spaCy's default limit of 1,000,000
    text = "".join(lines)
    assert len(text) > 1_000_000
    post = Post(id="long", text=text, origin=Origin("long.md", line=3))
    result = Checker(load_rulesets(["us-ftc"])).check(post)
    assert result.errors == ()
    by_rule = {f.rule: f for f in result.findings}
    weak = by_rule["US-D-02"]
    assert (weak.line, text[weak.start:weak.end]) == (3, "#sp")
    assert weak.column == text.index("#sp") + 1
    claims = [f for f in result.findings if f.category.startswith("claim")]
    assert claims, [f.rule for f in result.findings]
    claim = claims[0]
    assert text.find(CLAIM) <= claim.start < claim.end <= text.find(CLAIM) + len(CLAIM)
    assert claim.line == 3 + len(lines) - 2
    assert claim.column == claim.start - text.rfind("\n", 0, claim.start)
