"""Post metadata, the fallback rule, and where findings point.

docs/annotation.md: `relationship: advertiser` (the brand's own account) needs no endorsement
disclosure; `sponsored: false` or `relationship: none` means there is no connection, whatever the
text says; `sponsored: true` or a connected relationship is a connection even when the text shows
none. Employees, owners and relatives must state the relationship in words. US-D-01 is the
fallback: it stays quiet when a more precise missing-disclosure rule (US-D-12 affiliate link,
US-D-14 code, US-D-15 relationship, US-D-16 contest) has reported the post.
"""

from __future__ import annotations

import pytest

from tests.rulesets.us_ftc_support import describe, finding, lint, rules, rules_of

# Text that shows a connection on its own, other post fields, and the rules it raises with no metadata.
TEXT_SIGNALS = [
    pytest.param("Post-leg-day fuel 💪🥤 use my code BECCA15 for 15% off", {}, {"US-D-14"}, id="code"),
    pytest.param("The only carry-on I will ever own ✈️ https://amzn.to/4TrvlBg", {}, {"US-D-12"}, id="affiliate-link"),
    pytest.param("Tinted balm on repeat 💄 #spon #makeup", {}, {"US-D-02"}, id="vague-tag"),
    pytest.param("Cozy sunday with my new weighted blanket 🧸 #prgift", {}, {"US-D-19"}, id="weak-gift-tag"),
    pytest.param("New fave hoodie 🧡 partnership info is in the comments", {}, {"US-D-05"}, id="offsite-pointer"),
    pytest.param("Chai latte season is open ☕ #\u0430d", {}, {"US-D-02"}, id="obfuscated-label"),
    pytest.param("Not sponsored!! I'm just a fan of these clogs 😍 https://liketk.it/4Qp9x", {}, {"US-D-12", "US-D-17"},
                 id="denial-and-link"),
    pytest.param("#ad 3 ways to style linen pants 👖✨", {"format": "reel", "overlay": "linen szn 🌾"}, {"US-D-07"},
                 id="label-on-reel"),
    pytest.param("Two nights at @cliffsidelodge 🏔️ hosted by @cliffsidelodge", {"platform": "instagram"}, set(),
                 id="hosted-said-plainly"),
]


@pytest.mark.parametrize(("text", "fields", "expect"), TEXT_SIGNALS)
def test_text_signal_alone_is_a_connection(text, fields, expect):
    assert rules_of(text, **fields) == expect


@pytest.mark.parametrize(
    "metadata",
    [{"sponsored": False}, {"relationship": "none"}, {"relationship": "advertiser"}],
    ids=["sponsored-false", "relationship-none", "relationship-advertiser"],
)
@pytest.mark.parametrize(("text", "fields", "expect"), TEXT_SIGNALS)
def test_metadata_without_connection_suppresses_text_signals(text, fields, expect, metadata):
    assert lint(text, **fields, **metadata) == []


def test_advertiser_code_and_affiliate_link_need_no_disclosure():
    text = ("Summer edit just landed 🌞 code SUNNY25 takes 25% off sitewide, or grab it on Amazon "
            "https://amzn.to/3SpRnG2 ✨\n#summeredit #newin")
    assert lint(text, relationship="advertiser", platform="instagram") == []


def test_advertiser_post_on_video_needs_no_overlay_label():
    assert lint("Summer edit just landed 🌞 #ad", relationship="advertiser", format="reel", overlay="new in 🌞") == []


def test_sponsored_true_without_text_signal_is_missing():
    text = "Best protein pancakes I've ever made 🥞 recipe in the comments!"
    hit = finding(text, "US-D-01", sponsored=True)
    assert rules_of(text, sponsored=True) == {"US-D-01"}
    assert hit.category == "disclosure.missing"
    assert "sponsored: true" in hit.message


@pytest.mark.parametrize("relationship", ["paid", "gifted", "ambassador", "unknown"])
def test_connected_relationship_without_text_signal(relationship):
    text = "Best protein pancakes I've ever made 🥞 recipe in the comments!"
    expect = set() if relationship == "unknown" else {"US-D-01"}
    assert rules_of(text, relationship=relationship) == expect


@pytest.mark.parametrize(
    ("relationship", "rule"),
    [("affiliate", "US-D-12"), ("contest", "US-D-16"), ("employee", "US-D-15"), ("owner", "US-D-15"), ("family", "US-D-15")],
)
def test_specific_relationship_raises_its_own_rule_instead_of_the_fallback(relationship, rule):
    text = "Best protein pancakes I've ever made 🥞 recipe in the comments!"
    found = lint(text, relationship=relationship)
    assert rules(found) == {rule}
    assert f"relationship: {relationship}" in found[0].message


# --- Employee, owner, family: the relationship in words


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        pytest.param("the new Glow Co night cream just dropped 🌙✨ #GlowCoEmployee",
                     {"relationship": "employee", "brand": "Glow Co"}, id="brand-employee-tag"),
        pytest.param("launch day at the office 🚀🎉 so proud of this release #GlowCoTeam",
                     {"relationship": "employee", "brand": "Glow Co"}, id="brand-team-tag"),
        pytest.param("I work at @glowco (design team!) and this night cream is our best yet 🌙",
                     {"relationship": "employee", "brand": "Glow Co"}, id="i-work-at"),
        pytest.param("Full disclosure: my wife's studio throws these mugs ☕ and yes I drink from one daily",
                     {"relationship": "family"}, id="husbands-company"),
        pytest.param("My cousin's farm has the best peaches this year 🍑 find them at the Saturday market", {"relationship": "family"},
                     id="sisters-bakery"),
        pytest.param("I'm the founder of Wickhouse 🕯️ and this fall scent is my favourite yet",
                     {"relationship": "owner"}, id="im-the-founder"),
        pytest.param("Restocked our shop with 40 new prints 🖼️ link in bio", {"relationship": "owner"},
                     id="our-shop"),
    ],
)
def test_relationship_stated_in_words(text, fields):
    assert lint(text, **fields) == []


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        pytest.param("#ad the new Glow Co night cream just dropped 🌙✨", {"relationship": "employee", "brand": "Glow Co"},
                     id="ad-is-not-enough"),
        pytest.param("Sponsored: launch day 🚀 the new sync feature finally shipped", {"relationship": "employee"},
                     id="sponsored-is-not-enough"),
        pytest.param("the new night cream 🌙 #TeamGlow", {"relationship": "employee", "brand": "Glow Co"},
                     id="brand-tag-of-another-shape"),
        pytest.param("Best tacos in Austin, go go go 🌮", {"relationship": "family"}, id="nothing-said"),
        pytest.param("my dad's favourite coffee spot ☕ go try it", {"relationship": "family"},
                     id="my-dad-is-not-a-tie"),
        pytest.param("Our new candle collection is here 🕯️ poured by hand", {"relationship": "owner"},
                     id="our-new-collection"),
    ],
)
def test_relationship_not_stated(text, fields):
    found = lint(text, **fields)
    assert rules(found) == {"US-D-15"}, describe(found, text)
    assert found[0].category == "disclosure.missing"


def test_brand_employee_tag_without_brand_field_needs_camel_case():
    assert lint("new night cream 🌙 #GlowCoEmployee", relationship="employee") == []
    assert rules_of("new night cream 🌙 #glowcoemployee", relationship="employee") == {"US-D-15"}


# --- The fallback


@pytest.mark.parametrize("fields", [{}, {"sponsored": True}, {"relationship": "affiliate"}],
                         ids=["text-only", "sponsored", "affiliate"])
def test_affiliate_link_raises_us_d_12_not_us_d_01(fields):
    text = "My everyday running belt 🏃‍♂️ fits my phone AND keys: https://go.magik.ly/ml/2rb7k/ #run"
    assert rules_of(text, **fields) == {"US-D-12"}


@pytest.mark.parametrize("fields", [{}, {"sponsored": True}, {"relationship": "paid"}],
                         ids=["text-only", "sponsored", "paid"])
def test_discount_code_raises_us_d_14_not_us_d_01(fields):
    text = "Hydration era 💧 my code is SAMI10 for 10% off electrolytes"
    assert rules_of(text, **fields) == {"US-D-14"}


def test_code_and_affiliate_link_raise_both_specific_rules():
    text = "Gym bag essentials 🎒 shop them https://liketk.it/4Gym2 and use code RILEY15 for 15% off"
    assert rules_of(text) == {"US-D-12", "US-D-14"}


def test_fallback_is_not_reported_beside_a_specific_missing_rule():
    text = "Gym bag essentials 🎒 use code RILEY15 for 15% off"
    assert rules_of(text, relationship="gifted") == {"US-D-14"}


def test_a_label_satisfies_the_specific_rules_too():
    text = "#ad Gym bag essentials 🎒 shop them https://liketk.it/4Gym2 and use code RILEY15 for 15% off"
    assert lint(text) == []


# --- Spans: findings point at their evidence


def test_us_d_12_span_is_the_link():
    text = "Rainy day reads 📚☔\n\nmy top 5 are all here → https://shopmy.us/collections/77421 (so good)\n#booktok"
    hit = finding(text, "US-D-12")
    assert text[hit.start:hit.end] == "https://shopmy.us/collections/77421"
    assert (hit.line, hit.column) == (3, text.index("https") - text.rindex("\n", 0, hit.start))
    assert "https://shopmy.us/collections/77421" in hit.message


@pytest.mark.parametrize(
    ("text", "link"),
    [
        pytest.param("my go-to trail shoes (https://amzn.to/3kQz9Lm) 👟", "https://amzn.to/3kQz9Lm", id="in-brackets"),
        pytest.param("my go-to trail shoes: https://amzn.to/3kQz9Lm!! 👟", "https://amzn.to/3kQz9Lm", id="before-bangs"),
        pytest.param("my go-to trail shoes: amzn.to/3kQz9Lm 👟", "amzn.to/3kQz9Lm", id="no-scheme"),
        pytest.param("cozy knit → https://rstyle.me/+Kn1tW3ar… obsessed", "https://rstyle.me/+Kn1tW3ar", id="ellipsis"),
    ],
)
def test_us_d_12_span_excludes_surrounding_punctuation(text, link):
    hit = finding(text, "US-D-12")
    assert text[hit.start:hit.end] == link


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("Post-leg-day fuel 💪🥤 use my code BECCA15 for 15% off", "BECCA15", id="use-code"),
        pytest.param("bathroom shelf reset 🧴✨\nenter JUNO10 at checkout!!", "JUNO10", id="at-checkout"),
        pytest.param("Hydration era 💧 code: SAMI10 ✌️", "SAMI10", id="code-colon"),
    ],
)
def test_us_d_14_span_covers_the_code(text, code):
    hit = finding(text, "US-D-14")
    spanned = text[hit.start:hit.end]
    assert code in spanned
    assert spanned.endswith(code) and len(spanned) <= len(code) + len("code: ")
    assert code in hit.message


def test_us_d_03_span_is_the_first_label():
    text = ("Golden hour hike in Sedona 🌄 my legs are toast but the views were worth every step. Packed light "
            "with the new trail pack, zero regrets. Sponsored by @peakgear #ad")
    assert text.index("Sponsored") > 125
    hit = finding(text, "US-D-03", platform="instagram")
    assert text[hit.start:hit.end] == "Sponsored by"
    assert hit.start == text.index("Sponsored")


def test_us_d_04_span_is_the_buried_label():
    text = "Sunset paddle 🛶\n#lake #paddleboard #paidpartnership #summervibes"
    hit = finding(text, "US-D-04")
    assert text[hit.start:hit.end] == "#paidpartnership"
    assert hit.line == 2 and hit.column == text.index("#paid") - text.index("\n")


def test_us_d_17_span_is_the_denial():
    text = "#ad the tent is great, but for the record this was NOT sponsored 🙃"
    hit = finding(text, "US-D-17")
    assert text[hit.start:hit.end] == "NOT sponsored"


@pytest.mark.parametrize(
    ("text", "label", "rule"),
    [
        ("Two nights at @cliffsidelodge 🏔️ #hosted", "#hosted", "US-D-19"),
        ("Weekend reset 🧖‍♀️ #collab @spaday", "#collab", "US-D-02"),
        ("Gaming corner glow-up 🎮 https://amzn.to/4GmRk9 #aff", "#aff", "US-D-13"),
        ("New fave hoodie 🧡 disclosures in bio", "disclosures in bio", "US-D-05"),
    ],
)
def test_weak_label_findings_span_the_label(text, label, rule):
    hit = finding(text, rule)
    assert text[hit.start:hit.end] == label


@pytest.mark.parametrize(
    ("text", "fields", "rule"),
    [
        ("These oat bites carried me through finals 📚\nhonestly a game changer", {"sponsored": True}, "US-D-01"),
        ("Best tacos in Austin 🌮\ngo go go", {"relationship": "family"}, "US-D-15"),
        ("My dream backyard 🍕🔥\n#BackyardGoals", {"relationship": "contest"}, "US-D-16"),
        ("#ad pilates at home 🧘‍♀️", {"format": "reel", "overlay": "core day 🔥"}, "US-D-07"),
    ],
)
def test_finding_without_span_starts_at_offset_0(text, fields, rule):
    hit = finding(text, rule, **fields)
    assert (hit.start, hit.end) == (0, 0)
    assert (hit.line, hit.column) == (1, 1)


def test_missing_disclosure_shown_by_text_points_at_the_text():
    text = "Unboxing time 📦✨\nPR package from @bloomlab, let's see what's inside"
    hit = finding(text, "US-D-01")
    assert text[hit.start:hit.end] == "PR package"
    assert hit.line == 2


def test_findings_are_sorted_by_offset():
    text = "Not sponsored 😍 https://liketk.it/4Qp9x and code RILEY15 for 15% off"
    found = lint(text)
    assert [f.rule for f in found] == ["US-D-17", "US-D-12", "US-D-14"]
    assert [f.start for f in found] == sorted(f.start for f in found)
