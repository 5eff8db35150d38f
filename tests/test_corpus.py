"""Accuracy on the annotated corpus stays at the targets of the disclosure rules."""

from __future__ import annotations

import pytest

from compliance import Checker, load_rulesets
from compliance.evaluation import evaluate
from compliance.model import Post
from compliance.sources import read_paths
from tests.conftest import ROOT

MAX_FALSE_ALARMS = 0.03


@pytest.fixture(scope="module")
def evaluation():
    posts = list(read_paths([str(ROOT / "corpus" / "en")]))  # the US corpus; other markets have their own rule sets
    assert all(isinstance(p, Post) for p in posts), [p for p in posts if not isinstance(p, Post)]
    return evaluate(Checker(load_rulesets(["us-ftc"])).check_all(posts))


def test_corpus_size(evaluation):
    assert evaluation.posts >= 150
    assert evaluation.clean >= evaluation.posts / 3
    assert not evaluation.errors


# Targets per category: (precision, recall), from the issues that introduced the rules.
TARGETS = {
    "disclosure.missing": (0.9, 0.9),
    "disclosure.unclear": (0.9, 0.9),
    "disclosure.placement": (0.9, 0.9),
    **{category: (0.9, 0.85) for category in (
        "claim.health", "claim.earnings", "claim.financial", "claim.environmental", "claim.origin",
        "claim.pricing", "claim.review", "statement.missing",
    )},
}


@pytest.mark.parametrize("category", sorted(TARGETS))
def test_precision_and_recall(evaluation, category):
    (score,) = [s for s in evaluation.scores if s.category == category]
    precision, recall = TARGETS[category]
    assert score.precision is not None and score.precision >= precision, score
    assert score.recall is not None and score.recall >= recall, score


def test_false_alarms(evaluation):
    assert evaluation.false_alarm_rate is not None and evaluation.false_alarm_rate <= MAX_FALSE_ALARMS
