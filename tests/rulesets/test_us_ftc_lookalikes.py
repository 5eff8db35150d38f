"""Words that look like disclosures and are not, denials used as labels, and disguised labels.

docs/annotation.md: `#adidas`, `#adventure`, `#adulting`, "ad hoc", "add", "my dad",
"#sponsoredbyme" and "this is NOT an ad" are not disclosures. On a post with a connection they
leave it undisclosed (US-D-01) or contradict it (US-D-17); on an organic post they are nothing.
A label written with look-alike or invisible characters is `disclosure.unclear` (US-D-02), and the
finding must point at exactly what the creator typed.
"""

from __future__ import annotations

import pytest

from tests.rulesets.us_ftc_support import describe, finding, lint, rules, rules_of

LOOKALIKES = [
    pytest.param("New drop from #adidas just landed 👟🔥 wearing them all week", id="adidas"),
    pytest.param("Packed the van and drove north 🚐🌲 #adventure #vanlife", id="adventure"),
    pytest.param("Ad hoc picnic with the girls today 🧺☀️ best kind of plan", id="ad-hoc"),
    pytest.param("Saw this lamp and hit add to cart before I could think 🛒💡", id="add-to-cart"),
    pytest.param("My dad tried my smoothie and asked for seconds 🥤😂", id="my-dad"),
    pytest.param("Paid my own rent and cooked a real dinner 🍝 #adulting", id="adulting"),
    pytest.param("Treated myself to the big tub of protein 💸 #sponsoredbyme", id="sponsoredbyme"),
    pytest.param("this is NOT an ad lol, the corner bakery on 5th just gets me 🥐\n\n#sourdough #brooklyn", id="not-an-ad"),
    pytest.param("honestly not sponsored 😂 I just drink way too much of this cold brew ☕️", id="not-sponsored"),
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalike_on_organic_post_is_clean(text):
    assert lint(text) == []


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalike_on_paid_post_is_no_disclosure(text):
    found = rules_of(text, relationship="paid")
    assert found & {"US-D-01", "US-D-17"}, found
    assert found <= {"US-D-01", "US-D-17"}, found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("this is NOT an ad lol, the corner bakery on 5th just gets me 🥐", id="not-an-ad"),
        pytest.param("Not sponsored, just a happy customer 🛒 this cart is everything", id="not-sponsored"),
        pytest.param("#notsponsored I just love this cafe ☕️ #coffee", id="notsponsored-tag"),
    ],
)
def test_denial_on_paid_post_raises_both_missing_and_contradiction(text):
    found = lint(text, relationship="paid")
    assert rules(found) == {"US-D-01", "US-D-17"}, describe(found, text)
    (denial,) = [f for f in found if f.rule == "US-D-17"]
    assert text[denial.start:denial.end].lower().replace("#", "").replace(" ", "") in {"notanad", "notsponsored"}


def test_denial_on_sponsored_false_post_is_clean():
    assert lint("Not sponsored!! I'm just a fan of these clogs 😍 https://liketk.it/4Qp9x", sponsored=False) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ad-hoc picnic with the girls today 🧺☀️ best kind of plan", id="ad-hoc-hyphenated"),
        pytest.param("Ad-free weekend, phone off 📵 loving the new tent though ⛺️", id="ad-free"),
        pytest.param("Podcast ep 12 | ad-free version out now 🎧", id="bar-ad-free"),
    ],
)
def test_hyphenated_ad_words_are_not_labels(text):
    assert rules_of(text, relationship="paid") == {"US-D-01"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("This isn't an ad, just my honest fave 💕 the cleanser of the year", id="isnt-an-ad"),
        pytest.param("This wasn't sponsored btw, just my honest fave 💕", id="wasnt-sponsored"),
        pytest.param("I wasn't paid by anyone ☀️ I just like this sunscreen", id="wasnt-paid"),
    ],
)
def test_contracted_denial_on_paid_post_is_a_contradiction(text):
    assert rules_of(text, relationship="paid") == {"US-D-01", "US-D-17"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("No one is paying me to say this 😤 this sunscreen just slaps", id="no-one-is-paying-me"),
        pytest.param("No brand paid me for this review ☀️ I just love it", id="no-brand-paid-me"),
    ],
)
def test_denied_payment_on_paid_post_is_no_disclosure(text):
    found = rules_of(text, relationship="paid")
    assert found & {"US-D-01", "US-D-17"}, found


def test_no_one_paid_me_on_organic_post_is_clean():
    assert lint("No one paid me to say this, I just love this cafe ☕️") == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Never leaving the house without it #ad 🧴☀️ SPF 50 all summer", id="without-it"),
        pytest.param("I literally can't live without this #ad 🧴", id="cant-live-without-this"),
    ],
)
def test_label_after_without_is_a_disclosure(text):
    assert lint(text, relationship="paid") == []


# --- Obfuscated labels: US-D-02, and the span is the label exactly as written

OBFUSCATED = [
    pytest.param("Chai latte season is open ☕ #\u0430d", "#\u0430d", id="cyrillic-a"),
    pytest.param("Chai latte season is open ☕ #a\u200bd", "#a\u200bd", id="zero-width-space"),
    pytest.param("Chai latte season is open ☕ ＃ａｄ", "＃ａｄ", id="full-width"),
    pytest.param("Chai latte season is open ☕ #𝗮𝗱", "#𝗮𝗱", id="math-sans-bold"),
]


@pytest.mark.parametrize(("text", "label"), OBFUSCATED)
@pytest.mark.parametrize("fields", [{}, {"relationship": "paid"}, {"relationship": "paid", "platform": "instagram"}],
                         ids=["no-metadata", "paid", "paid-instagram"])
def test_obfuscated_label_is_unclear_and_spans_the_raw_label(text, label, fields):
    found = lint(text, **fields)
    assert rules(found) == {"US-D-02"}, describe(found, text)
    (hit,) = found
    assert hit.category == "disclosure.unclear"
    assert text[hit.start:hit.end] == label
    assert (hit.line, hit.column) == (1, hit.start + 1)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param("Waited all year for this… worth it ✨ #\u0430d", "#\u0430d", id="after-ellipsis"),
        pytest.param("Conﬁdent skin… ½ price 🏷️ #a\u200bd today", "#a\u200bd", id="after-ligature-and-fraction"),
        pytest.param("Race day 🏃‍♀️🏅\nnew PR!! ＃ａｄ @fleetfeet", "＃ａｄ", id="after-zwj-emoji-on-line-2"),
        pytest.param("𝗡𝗘𝗪 𝗗𝗥𝗢𝗣 🔥 #𝗮𝗱 link in bio", "#𝗮𝗱", id="after-styled-words"),
    ],
)
def test_obfuscated_label_span_survives_normalisation_before_it(text, label):
    hit = finding(text, "US-D-02")
    assert text[hit.start:hit.end] == label


def test_obfuscated_label_is_reported_on_a_later_line_with_its_column():
    text = "Race day 🏃‍♀️🏅\nnew PR!! ＃ａｄ @fleetfeet"
    hit = finding(text, "US-D-02")
    assert hit.line == 2
    assert hit.column == hit.start - text.index("\n")


def test_obfuscated_sponsored_is_unclear():
    text = "Morning yoga flow 🧘‍♀️ #spon\u200bsored @mat.co"
    hit = finding(text, "US-D-02")
    assert text[hit.start:hit.end] == "#spon\u200bsored"


def test_obfuscated_label_beside_a_plain_one_is_fine():
    assert lint("#ad Chai latte season is open ☕ #\u0430d", relationship="paid") == []


@pytest.mark.parametrize("label", ["#ad", "#AD", "(#ad)", "#Ad,", "#ad.", "#ad!!", "#ad✨"])
def test_plain_label_with_punctuation_is_a_disclosure(label):
    assert lint(f"morning skincare 🧴 {label} glow", relationship="paid") == []


@pytest.mark.parametrize("emoji", ["☀️", "❤️", "👍🏽", "🏃‍♀️"],
                         ids=["variation-selector", "red-heart", "skin-tone", "zwj-sequence"])
def test_label_right_after_an_emoji_is_a_disclosure(emoji):
    assert lint(f"Summer glow {emoji}#ad", relationship="paid") == []


def test_label_right_after_a_plain_emoji_is_a_disclosure():
    assert lint("Summer glow 🧴#ad", relationship="paid") == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("✨ Ad: my new fave serum from @glowco", id="sparkle-ad-colon"),
        pytest.param("🚨AD | my new fave serum from @glowco", id="siren-ad-bar"),
    ],
)
def test_label_form_after_a_leading_emoji_is_a_disclosure(text):
    assert lint(text, relationship="paid") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ad: my new fave serum from @glowco ✨",
        "AD | my new fave serum from @glowco",
        "New fave serum [AD] from @glowco 💧",
        "New fave serum (sponsored) from @glowco",
        "This reel is sponsored by @glowco 🧴",
        "Advertisement 🧴 new serum, new me",
        "Thanks @glowco for sponsoring this video 🧴",
        "I partnered with Glow Co on this one 🧴",
    ],
)
def test_accepted_label_forms(text):
    assert lint(text, relationship="paid") == []


def test_career_promotion_hashtag_is_not_a_connection():
    text = ("Some personal news 🎉 After five wonderful years on the design team at Northwind, I am thrilled to share "
            "that I have been named Head of Product Design. Grateful for every mentor along the way.\n\n"
            "#promotion #career #design")
    assert lint(text, platform="linkedin") == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("PS5 slim bundle is 20% off at Walmart today 🎮 go go go", id="ps5"),
        pytest.param("The RTX4090 is finally 15% off?! 😭 my wallet", id="rtx4090"),
        pytest.param("Picked up the new XM5 headphones at 25% off during Prime Day 🎧", id="xm5"),
    ],
)
def test_product_model_on_sale_is_not_a_creator_code(text):
    assert lint(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Area code 212 forever 🗽 #nyc",
        "Zip code 90210 vibes ☀️",
        "The QR code is on the menu 📱",
        "My code is finally compiling 😅 #devlife",
        "Bus code 4B runs late again 🙄",
    ],
)
def test_other_codes_are_not_creator_codes(text):
    assert lint(text) == []
