"""Everyday wording that must not show a material connection on its own.

Each caption is long enough to pass Instagram's fold, so a false connection would surface as a
placement, missing or vague-label finding.
"""

from __future__ import annotations

import pytest

from tests.rulesets.us_ftc_support import lint

FILLER = (
    "Long day, long walk, long list of things I still have not done this week but honestly we move 🌿\n"
    "Coffee first, then everything else, that is the rule around here ☕\n\n"
)

ORGANIC = [
    "photo courtesy of my husband 📸 he is getting good at this",
    "the party was hosted by my aunt and she outdid herself 🎉",
    "click my link in bio for the full recipe, it's a keeper 🍝",
    "For partnerships, email in bio 💌 #creator",
    "my boss paid me for the overtime finally 🙌",
    "I was gifted a puppy for my birthday by my parents 🐶",
    "Thanks mom for sending me cookies for finals week 🍪",
    "the car loan, it was paid off today!!! 🚗",
    "ten years with my person #partner #love",
    "got a free meal for my birthday at the diner 🎂",
    "I make money from sales at my pottery stall on Saturdays",
    "we hosted Thanksgiving for 14 people and survived 🦃",
    "our school ambassador program starts Monday #ambassador",
    "looking for a local #sponsor for the kids' soccer team ⚽",
    "use my link in bio to read the whole story 📖",
]


@pytest.mark.parametrize("caption", ORGANIC)
def test_everyday_wording_is_not_a_connection(caption):
    assert lint(FILLER + caption, platform="instagram") == []


@pytest.mark.parametrize(
    ("caption", "rule"),
    [
        ("photo courtesy of @lumacam, honestly the best lens I've tried", "US-D-03"),
        ("my stay was hosted by @casaazul and it was dreamy 🌴", "US-D-03"),
        ("shop my links for the whole outfit 🛍️ https://example.com/outfit", "US-D-12"),
        ("@glowco paid me to try their new serum", "US-D-03"),
    ],
)
def test_brand_directed_wording_still_counts(caption, rule):
    assert len(FILLER) > 125 and FILLER.count("\n") >= 3  # past Instagram's fold
    assert rule in {f.rule for f in lint(FILLER + caption, platform="instagram")}
