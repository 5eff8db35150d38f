"""Creator discount codes in the phrasings creators use, and code-shaped words that are not codes."""

from __future__ import annotations

import pytest

from tests.rulesets.us_ftc_support import rules_of

CODES = [
    "use code MAYA15 for 15% off",
    "Code: JESS20 at checkout 💕",
    "my code is sam10!",
    "enter TAYLOR10 at checkout",
    "punch in DANI20 at checkout and it knocks 20% off",
    "use my name at checkout: DANI20",
    "15% off with my discount code LUNA15",
]
NOT_CODES = [
    "dress code is black tie 🖤",
    "the code of conduct for the dog park",
    "I code in Python all day",
    "The PS5 slim bundle is 20% off at Walmart today 🎮",
    "My RTX4090 finally arrived",
]


@pytest.mark.parametrize("text", CODES)
def test_codes_show_a_connection(text):
    assert "US-D-14" in rules_of(f"These leggings are everything 🔥 {text}")


@pytest.mark.parametrize("text", NOT_CODES)
def test_code_shaped_words_are_not_codes(text):
    assert rules_of(text) == set()
