"""Weight-loss rates read from text, in pounds a week."""

from __future__ import annotations

import pytest

from compliance.nlp.quantities import pounds_per_week


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("lost 20 lbs in 2 weeks", 10.0),
        ("drop 30 pounds in 30 days", 7.0),
        ("lose 5 lbs a week", 5.0),
        ("5lbs/week", 5.0),
        ("lost 12 lbs in 3 months", 12 / (3 * 4.345)),
        ("lost 10kg in 4 weeks", 10 * 2.2046 / 4),
        ("lost 15 pounds in just ten days", 15 / (10 / 7)),
        ("down a stone in a month", 14 / 4.345),
    ],
)
def test_rates(text, rate):
    assert pounds_per_week(text) == pytest.approx(rate)


@pytest.mark.parametrize("text", ["the baby weighs 8 lbs", "a 20 lb turkey", "two weeks in Lisbon"])
def test_no_rate(text):
    assert pounds_per_week(text) is None
