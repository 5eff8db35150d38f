"""The US claim and statement rules, on fresh posts: each rule raised where it should be,
and nowhere else (the full set of rules each post raises is given)."""

from __future__ import annotations

import pytest

import compliance
from tests.rulesets.us_ftc_support import rules_of

PAID = {"relationship": "paid"}
BRAND = {"relationship": "advertiser"}

CASES = {
    "US-C-21": [
        ("#ad Three weeks on @gutglow and my IBS is completely gone 🙌", PAID, {"US-C-21"}),
        ("Our elderberry syrup prevents the flu all winter ❄️", BRAND, {"US-C-21"}),
        ("#ad haven't needed my inhaler since starting these breathing drops", PAID, {"US-C-21"}),
        ("#ad This elderberry syrup is my winter ritual ❄️", PAID, set()),
        ("My IBS is completely gone since I cut dairy, no product involved", {}, set()),
        ("#ad A new study on flu vaccines came out today; this syrup just tastes nice", PAID, set()),
    ],
    "US-C-22": [
        ("#ad Clinically proven to boost focus in 20 minutes 🧠", PAID, {"US-C-22"}),
        ("Recommended by dermatologists for sensitive skin", BRAND, {"US-C-22"}),
        ("#ad My focus ritual before exams 🧠", PAID, set()),
        ("Scientists say studies show nothing about this trend, be careful", {}, set()),
    ],
    "US-C-23": [
        ("#ad The only FDA-approved detox tea on the market 🍵", PAID, {"US-C-23"}),
        ("Our FDA approved vitamin gummies are back in stock", BRAND, {"US-C-23"}),
        ("#ad My favourite vitamin gummies, lemon flavour 🍋", PAID, set()),
        ("FDA approved a new asthma drug today, big news for patients", {}, set()),
    ],
    "US-C-24": [
        ("#ad These carb blocker capsules let me enjoy pasta night 🍝", PAID, {"US-C-24"}),
        ("Slimming patches that work for everyone, every body type", BRAND, {"US-C-24"}),
        ("#ad My favourite pasta night recipe 🍝", PAID, set()),
        ("Ads promising a fat burner miracle are a scam, don't fall for it", {}, set()),
    ],
    "US-C-24B": [
        ("#ad dropped 18 lbs in 3 weeks with @trimtea 🍵", PAID, {"US-C-24B"}),
        ("Lose 4 kg a week with our 21-day plan", BRAND, {"US-C-24B"}),
        ("#ad down 8 lbs in 8 weeks with @trimtea and my morning walks", PAID, set()),
        ("lost 18 lbs in 3 weeks after surgery, slowly getting my appetite back", {}, set()),
    ],
    "US-C-25": [
        ("#ad Pulled in $6,200 this month selling from my phone with @shinehome 💸 link to join in bio", PAID, {"US-C-25"}),
        ("Fire your boss and build passive income with our academy", BRAND, {"US-C-25"}),
        ("#ad Made $6,200 this month with @shinehome; the typical member earns $90 a year, income disclosure linked", PAID, set()),
        ("Paid off my student loans this month!!! 🎓 $0 balance", {}, set()),
    ],
    "US-C-29": [
        ("#ad Loading up on $ZAP before the airdrop 🪂", PAID, {"US-C-29"}),
        ("#ad My favourite crypto exchange for beginners, low fees", PAID, {"US-C-29"}),
        ("#ad ZapChain paid me $1,500 for this post: loading up on $ZAP before the airdrop", PAID, set()),
        ("#ad Back in stock: my favourite linen shirts", PAID, set()),
        ("#ad My @novabank card: 0% intro APR for 12 months, then 21.99% variable", PAID, set()),
    ],
    "US-C-30": [
        ("#ad @zapchain paid me $800 for this. $ZAP will 10x, can't lose 🚀", PAID, {"US-C-30"}),
        ("Guaranteed 12% APY on your crypto, zero risk", BRAND, {"US-C-30"}),
        ("#ad @zapchain paid me $800 for this. $ZAP is volatile, only invest what you can lose", PAID, set()),
        ("Beware of anyone promising guaranteed returns on crypto, it's a scam", {}, set()),
    ],
    "US-C-26": [
        ("#ad My new planet-friendly sneakers 👟🌍", PAID, {"US-C-26"}),
        ("Our mailers are 100% compostable", BRAND, {"US-C-26"}),
        ("#ad My new sneakers, uppers made with 60% recycled polyester 👟", PAID, set()),
        ("Greenwashing alert: so-called eco-friendly brands are everywhere", {}, set()),
    ],
    "US-C-27": [
        ("#ad Proudly American-made cast iron 🍳", PAID, {"US-C-27"}),
        ("Every bag is built in the USA #madeinusa", BRAND, {"US-C-27"}),
        ("#ad Cast iron assembled in USA of imported parts 🍳", PAID, set()),
        ("Toured a made in America history exhibit today", {}, set()),
    ],
    "US-C-28": [
        ("#ad Grab a month of Premium free with my link 🎧", PAID, {"US-C-28"}),
        ("FREE gift with every order 🎁 terms apply", BRAND, {"US-C-28"}),
        ("#ad Free tote with any $40 purchase this weekend 👜", PAID, set()),
        ("#ad Gluten-free brownies that taste like the real thing 🍫", PAID, set()),
    ],
    "US-R-19": [
        ("Rate us 5 stars and get 10% off your next coffee ☕", BRAND, {"US-R-19"}),
        ("#ad @brewbox will send you $10 credit if you leave a 5-star review", PAID, {"US-R-19"}),
        ("Honest reviews help us improve, good or bad ⭐", BRAND, set()),
        ("The FTC banned fake reviews last year, good riddance", {}, set()),
    ],
    "US-R-20": [
        ("Our interns wrote 30 of these reviews 😂 post as regular shoppers, team!", BRAND, {"US-R-20"}),
        ("#ad never tried it but honestly the best serum out there, 5 stars", PAID, {"US-R-20"}),
        ("#ad Tried it for a month, here is my honest take ⭐⭐⭐⭐", PAID, set()),
        ("Writing my honest review of the book club pick tonight 📚", {}, set()),
    ],
}


@pytest.mark.parametrize(
    ("rule", "text", "fields", "expected"),
    [(rule, *case) for rule, cases in CASES.items() for case in cases],
)
def test_claim_rule(rule, text, fields, expected):
    assert rules_of(text, **fields) == expected


def test_every_claim_rule_has_cases():
    (ruleset,) = compliance.load_rulesets(("us-ftc",))
    assert {rule.id for rule in ruleset.rules if rule.category.startswith(("claim.", "statement."))} == set(CASES)
