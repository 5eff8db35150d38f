"""The UK rule set (uk-asa): British phrasing of labels, look-alikes, denials and claims.

docs/annotation/uk.md and research/rules-catalog.md §4, §12.2: the accepted labels are a closed
list (Ad, Advert, Advertising, Advertisement, Advertisement feature); "#sponsored", "#gifted",
"in partnership with", "affiliate link", PR tags and brand-bound ambassador tags are not enough on
their own; a gift is an ad even when unsolicited; a label only in another language is
`disclosure.language`.
"""

from __future__ import annotations

import functools

import pytest

from compliance import Checker, Origin, Post, load_rulesets


@functools.cache
def _checker() -> Checker:
    return Checker(load_rulesets(["uk-asa"]))


def lint(text: str, **fields: object):
    """The findings of one UK post (fields as in the post contract; `overlay` a string or list)."""
    overlay = fields.pop("overlay", ())
    overlay = (overlay,) if isinstance(overlay, str) else tuple(overlay)
    post = Post(text=text, id="test", origin=Origin("<test>"), market=("uk",), language="en", overlay=overlay, **fields)
    return list(_checker().check(post).findings)


def rules_of(text: str, **fields: object) -> set[str]:
    return {f.rule for f in lint(text, **fields)}


def categories_of(text: str, **fields: object) -> set[str]:
    return {f.category for f in lint(text, **fields)}


def spans(text: str, **fields: object) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start:f.end]) for f in lint(text, **fields)]


# --- Accepted labels ----------------------------------------------------------------------------

ACCEPTED = [
    pytest.param("#ad Obsessed with this serum ✨", id="hashtag"),
    pytest.param("#AD Obsessed with this serum ✨", id="hashtag-capitals"),
    pytest.param("Ad: obsessed with this serum ✨", id="colon"),
    pytest.param("AD | obsessed with this serum ✨", id="bar"),
    pytest.param("[AD] obsessed with this serum ✨", id="brackets"),
    pytest.param("(ad) obsessed with this serum ✨", id="parentheses"),
    pytest.param("Ad – gifted. Obsessed with this serum ✨", id="combined-en-dash"),
    pytest.param("AD - PR product: obsessed with this serum ✨", id="combined-pr"),
    pytest.param("Ad | @glowco partnership: obsessed with this serum ✨", id="combined-partnership"),
    pytest.param("✨ AD ✨ obsessed with this serum", id="emoji-framed"),
    pytest.param("Advert: obsessed with this serum ✨", id="advert"),
    pytest.param("#advertising obsessed with this serum ✨", id="advertising"),
    pytest.param("#Advertisement obsessed with this serum ✨", id="advertisement"),
    pytest.param("Advertisement feature: a week of slow mornings with the new roast", id="advertisement-feature"),
    pytest.param("#AdvertisementFeature a week of slow mornings with the new roast", id="advertisement-feature-tag"),
    pytest.param("This is an ad for @glowco, and I'm obsessed with the serum", id="this-is-an-ad"),
    pytest.param("It’s an ad, but honestly I'm obsessed with this serum", id="its-an-ad-curly"),
    pytest.param("#ad #werbung obsessed with this serum ✨", id="english-beside-german"),
    pytest.param("#ad #hysbyseb obsessed with this serum ✨", id="english-beside-welsh"),
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted_label_on_paid_post_is_clean(text):
    assert lint(text, relationship="paid") == []


@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted_label_alone_shows_and_discloses_a_connection(text):
    assert lint(text) == []


def test_spoken_ad_label_satisfies_the_video():
    transcript = "Quick one: this video is an ad for Sonix. Right, the earbuds."
    assert lint("#ad testing the new earbuds", format="video", transcript=transcript) == []


# --- disclosure.missing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fields", "rule"),
    [
        pytest.param("Obsessed with this serum ✨ my skin has never looked better", {"relationship": "paid"}, "UK-01", id="paid"),
        pytest.param("Best protein bar I've tried 💪", {"sponsored": True}, "UK-01", id="sponsored-true"),
        pytest.param("Loving the new trail shoes on Kinder Scout 🏔️", {"relationship": "ambassador"}, "UK-01", id="ambassador"),
        pytest.param("New candle arrived, my flat smells like a forest 🌲", {"relationship": "gifted"}, "UK-06", id="gift"),
        pytest.param("Two nights on a complimentary stay in the Cotswolds 🌿", {}, "UK-06", id="complimentary-stay"),
        pytest.param("These leggings survived a muddy parkrun 🏃‍♀️ use code CHLOE15 for 15% off", {}, "UK-07", id="code"),
        pytest.param("Kettle of dreams https://www.amazon.co.uk/dp/B0C1234?tag=chloe-21", {}, "UK-07", id="amazon-uk-tag"),
        pytest.param("Autumn knits 🍂 https://liketk.it/4abc", {}, "UK-07", id="ltk"),
        pytest.param("Cosy jumper https://www.awin1.com/cread.php?awinmid=1&awinaffid=2", {}, "UK-07", id="awin"),
        pytest.param("Sunday roast sorted with @crumpetco 😍", {"relationship": "paid"}, "UK-01", id="tag-only-paid"),
        pytest.param("Loving my new set from @lunaactive 🧘", {"relationship": "gifted"}, "UK-06", id="tag-only-gift"),
        pytest.param("My stay was hosted by @thegrove 🛁 dreamy", {}, "UK-06", id="hosted-by-tag"),
        pytest.param("@glowco sent me this serum for free ✨", {}, "UK-06", id="sent-me-for-free"),
    ],
)
def test_connection_without_any_label_is_missing(text, fields, rule):
    found = lint(text, **fields)
    assert {f.rule for f in found} == {rule}, spans(text, **fields)
    assert {f.category for f in found} == {"disclosure.missing"}


def test_missing_label_fix_inserts_ad_at_the_start():
    (finding,) = lint("Obsessed with this serum ✨", relationship="paid")
    assert finding.fix is not None and finding.fix.replacement == "#ad " and finding.fix.start == 0


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        pytest.param("#ad The new app update is so smooth 😍", "employee", id="employee-ad-only"),
        pytest.param("#ad Best flat white in Leeds, go see them ☕", "family", id="family-ad-only"),
        pytest.param("#ad New autumn candles just dropped 🕯️", "owner", id="owner-ad-only"),
    ],
)
def test_own_brand_employer_or_family_needs_the_tie_in_words(text, relationship):
    assert rules_of(text, relationship=relationship) == {"UK-09"}


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        pytest.param("I work at @brewbox and I'm so proud of this update ☕", "employee", id="i-work-at"),
        pytest.param("Full disclosure: I'm a barista at @brewbox ☕ new roast is lush", "employee", id="full-disclosure"),
        pytest.param("#ad My sister’s café just opened in Leeds ☕", "family", id="sisters-cafe-curly"),
        pytest.param("#ad My mum @lucybakes just opened her bakery 🧁", "family", id="my-mum-handle"),
        pytest.param("#ad New candles in my own brand's shop 🕯️", "owner", id="own-brand"),
        pytest.param("#ad I designed these earrings myself ✨", "owner", id="designed"),
    ],
)
def test_stated_tie_is_clean(text, relationship):
    assert lint(text, relationship=relationship) == []


def test_owner_needs_an_ad_label_besides_the_tie():
    assert rules_of("New candles in my own brand's shop 🕯️", relationship="owner") == {"UK-01"}


# --- disclosure.unclear -------------------------------------------------------------------------

INSUFFICIENT = [
    pytest.param("#sponsored new favourite lip oil 💋", id="hashtag-sponsored"),
    pytest.param("Sponsored by @glowco: new favourite lip oil 💋", id="sponsored-by"),
    pytest.param("This video is sponsored by Sonix, let's test the earbuds", id="video-sponsored-by"),
    pytest.param("New favourite lip oil 💋 #spon", id="spon"),
    pytest.param("New favourite lip oil 💋 #sp", id="sp"),
    pytest.param("New candle smells like a forest 🌲 #gifted", id="gifted-tag"),
    pytest.param("Kindly gifted by @emberco: this candle smells like a forest 🌲", id="kindly-gifted-by"),
    pytest.param("Gifted: this candle smells like a forest 🌲", id="gifted-colon"),
    pytest.param("Thank you @emberco for gifting me this candle 🌲", id="thanks-for-gifting"),
    pytest.param("@emberco gifted me this candle and it smells like a forest 🌲", id="gifted-me"),
    pytest.param("Fave jeans, affiliate link: https://rstyle.me/n/abc", id="affiliate-link"),
    pytest.param("Desk setup 🖥️ https://amzn.to/3abc #aff", id="aff"),
    pytest.param("Trying the new blender #collab", id="collab"),
    pytest.param("In partnership with @glowco: my winter skincare edit ❄️", id="in-partnership"),
    pytest.param("In association with @glowco: my winter skincare edit ❄️", id="in-association"),
    pytest.param("Thanks to @glowco for making this possible ✨", id="making-this-possible"),
    pytest.param("Made possible by @glowco ✨ what a trip", id="made-possible"),
    pytest.param("Paid partnership with @glowco ✨", id="paid-partnership"),
    pytest.param("Dreamy weekend away 🌿 #PRtrip", id="prtrip"),
    pytest.param("PR package from @glowco 📦 first impressions", id="pr-package"),
    pytest.param("Loving this #brandambassador life", id="brandambassador"),
    pytest.param("Weekend in the Lakes 🏔️ #NorthLoopAmbassador", id="brand-bound-ambassador"),
]


@pytest.mark.parametrize("text", INSUFFICIENT)
def test_insufficient_label_is_unclear(text):
    assert rules_of(text, relationship="paid") == {"UK-02"}, spans(text, relationship="paid")


@pytest.mark.parametrize("text", INSUFFICIENT)
def test_insufficient_label_beside_ad_is_clean(text):
    assert lint("#ad " + text, relationship="paid") == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param("Loving this tea #аd", "#аd", id="cyrillic-a"),
        pytest.param("Loving this tea #a\u200bd", "#a\u200bd", id="zero-width"),
        pytest.param("Loving this tea #ａｄ", "#ａｄ", id="full-width"),
        pytest.param("Loving this tea #a_d", "#a_d", id="underscore"),
        pytest.param("Loving this tea #a.d", "#a.d", id="dotted"),
        pytest.param("Loving this tea #advertisment", "#advertisment", id="misspelt"),
    ],
)
def test_disguised_or_misspelt_label_is_unclear_at_what_was_typed(text, label):
    assert spans(text, relationship="paid") == [("UK-02", label)]


def test_vague_hashtag_fix_replaces_it_with_ad():
    (finding,) = lint("New favourite lip oil 💋 #sponsored", relationship="paid")
    assert finding.fix is not None and finding.fix.replacement == "#ad"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Not sponsored, just obsessed 😍", id="not-sponsored"),
        pytest.param("#notsponsored I just love this café ☕️", id="notsponsored-tag"),
        pytest.param("This isn’t an ad, just my honest fave 💕", id="isnt-an-ad-curly"),
        pytest.param("I bought these myself and they're the comfiest trainers ever", id="bought-myself"),
        pytest.param("Just a happy customer here, these trainers are the comfiest ever", id="happy-customer"),
    ],
)
def test_denial_without_a_label_is_missing_and_unclear(text):
    assert categories_of(text, relationship="gifted") == {"disclosure.missing", "disclosure.unclear"}
    assert "UK-12" in rules_of(text, relationship="gifted")


def test_denial_beside_a_label_is_unclear_only():
    assert rules_of("#ad ok but honestly #notsponsored I'd buy this anyway", relationship="paid") == {"UK-12"}


# --- disclosure.language ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param("My new running jacket, ready for Snowdon 🏔️ #werbung", "#werbung", id="werbung"),
        pytest.param("Anzeige: my new running jacket 🏔️", "Anzeige", id="anzeige"),
        pytest.param("Publicité : the perfume I wore all weekend", "Publicité", id="publicite-accent"),
        pytest.param("The perfume I wore all weekend #publicite", "#publicite", id="publicite-no-accent"),
        pytest.param("The perfume I wore all weekend #publicidad", "#publicidad", id="publicidad"),
        pytest.param("The serum I wore all weekend #quảngcáo", "#quảngcáo", id="quangcao"),
    ],
)
def test_foreign_label_only_is_language(text, label):
    assert spans(text, relationship="paid") == [("UK-EVA-11", label)]


# --- disclosure.placement -----------------------------------------------------------------------

LONG = (
    "Sunday reset ☀️ I've been testing this cleanser for three weeks and my skin has honestly "
    "never been calmer. Full routine below, from cleanser to SPF. "
)


@pytest.mark.parametrize(
    ("text", "fields", "rule"),
    [
        pytest.param(LONG + "#ad", {"platform": "instagram"}, "UK-03", id="instagram-after-125"),
        pytest.param("Sunday reset\n\nday 21\n\nso calm\n#ad", {"platform": "instagram"}, "UK-03", id="instagram-4th-line"),
        pytest.param("POV: you finally found a mascara that survives a 6am spin class, a rainy commute and a toddler party 🌧️ #ad",
                     {"platform": "tiktok"}, "UK-03", id="tiktok-after-100"),
        pytest.param("Best run of the year 🏃‍♀️ #running #parkrun #ad #fitfam", {}, "UK-04", id="cluster"),
        pytest.param("Love these trainers 👟 partnership details in bio", {}, "UK-03B", id="in-bio"),
        pytest.param("link in bio", {"format": "story", "sponsored": True, "overlay": ["AD | my blender", "smoothie 🍓"]},
                     "UK-05", id="story-frame"),
        pytest.param("#ad my morning routine", {"format": "reel", "overlay": "5am club ☀️"}, "UK-05B", id="reel-overlay"),
        pytest.param("#ad testing earbuds", {"format": "video", "transcript": "This video is sponsored by Sonix."},
                     "UK-05C", id="spoken-sponsored-by"),
    ],
)
def test_label_readers_can_miss_is_placement(text, fields, rule):
    assert rules_of(text, **fields) == {rule}


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        pytest.param("obsessed with these @crumpetco crumpets 😍 #ad", {"platform": "instagram"}, id="short-label-at-end"),
        pytest.param("#ad " + LONG, {"platform": "instagram"}, id="label-first"),
        pytest.param("#ad #running #parkrun Best run of the year 🏃‍♀️", {}, id="first-token-in-cluster"),
        pytest.param("Best run of the year 🏃‍♀️ #ad\n\n#running #parkrun #fitfam", {}, id="label-before-tag-block"),
        pytest.param("Advertisement feature: five walks near Bath, with the new boots\n\n" + LONG * 3, {"platform": "blog"}, id="blog-top"),
    ],
)
def test_upfront_prominent_label_is_clean(text, fields):
    assert lint(text, **fields) == []


def test_blog_label_only_at_the_bottom_is_placement():
    assert rules_of(LONG * 3 + "\n\nThis post is an advertisement feature.", platform="blog") == {"UK-03"}


def test_vague_label_first_and_ad_buried_is_placement_only():
    text = "#gifted new lip oil 💋\n\n#beauty #makeup #ad #lipoil"
    assert categories_of(text, relationship="gifted") == {"disclosure.placement"}


# --- Look-alikes --------------------------------------------------------------------------------

LOOKALIKES = [
    pytest.param("New drop from #adidas just landed 👟", id="adidas"),
    pytest.param("Packed the van and drove to the Highlands 🚐 #adventure", id="adventure"),
    pytest.param("Day one of my #adventcalendar 🎄 #adoptdontshop #adorable", id="advent-adopt-adorable"),
    pytest.param("Ad hoc picnic with the girls today 🧺", id="ad-hoc"),
    pytest.param("Ad-free weekend, phone off 📵", id="ad-free"),
    pytest.param("ADHD diaries: week three of the new routine", id="adhd"),
    pytest.param("My dad tried my smoothie and asked for seconds 🥤", id="dad"),
    pytest.param("The new Christmas advert made me cry again 🎄", id="christmas-advert"),
    pytest.param("Friday night at the local #pub 🍻 #pints", id="pub"),
    pytest.param("Baked a #victoriasponge for the village fête 🍰 #sponge", id="sponge-fete"),
    pytest.param("Spring is here 🌷 #spring", id="spring"),
    pytest.param("Stocking fillers sorted 🎁 #giftideas", id="giftideas"),
    pytest.param("New 5k PR this morning! legs are dead #PR #running", id="personal-record"),
    pytest.param("Please sponsor me for the London Marathon 🏃 justgiving.com/chloe", id="charity-sponsor-me"),
    pytest.param("Built in 1066 AD and still standing 🏰", id="anno-domini"),
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalike_on_organic_post_is_clean(text):
    assert lint(text) == []


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalike_is_no_label_on_paid_post(text):
    assert categories_of(text, relationship="paid") == {"disclosure.missing"}


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        pytest.param("This is NOT an ad, I just love my local bakery 🥐", {}, id="not-an-ad-organic"),
        pytest.param("Not sponsored, just obsessed 😍 https://amzn.to/3abc", {"sponsored": False}, id="sponsored-false"),
        pytest.param("Use code SPRING20 for 20% off our spring drop", {"relationship": "advertiser"}, id="brand-channel"),
        pytest.param("Lush walk with the dog https://www.amazon.co.uk/dp/B0C1234", {}, id="plain-amazon-link"),
        pytest.param("Campaign shoot done ✨ edited photos, no filter drama", {"relationship": "none"}, id="none"),
    ],
)
def test_no_connection_is_clean(text, fields):
    assert lint(text, **fields) == []


# --- Claims -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        pytest.param("This balm cleared my eczema in a week 🙌", "UK-14", id="clears-eczema"),
        pytest.param("No more steroid cream for me since I found this balm", "UK-14", id="no-more-steroid-cream"),
        pytest.param("Goodbye to sleeping pills, this tea knocks me out 😴", "UK-14", id="goodbye-sleeping-pills"),
        pytest.param("I don’t need my inhaler any more since these drops", "UK-14", id="dont-need-inhaler-curly"),
        pytest.param("These gummies boost your immunity against colds 🍊", "UK-14", id="immunity-colds"),
        pytest.param("Winter sorted #immunityboost 🍊", "UK-14", id="immunityboost-tag"),
        pytest.param("This tonic detoxes your liver after the weekend 🍋", "UK-14", id="detox-liver"),
        pytest.param("Lowers your cholesterol naturally 🌾", "UK-14", id="lowers-cholesterol"),
        pytest.param("Clinically proven to double your energy ⚡", "UK-14B", id="clinically-proven"),
        pytest.param("GP recommended and gentle on every skin type", "UK-14B", id="gp-recommended"),
        pytest.param("Dermatologist approved, finally", "UK-14B", id="dermatologist-approved"),
        pytest.param("Lost weight without changing what I eat 🍵", "UK-14C", id="without-changing-diet"),
        pytest.param("My evening cuppa #detoxtea", "UK-14C", id="detoxtea"),
        pytest.param("Lost a stone in a month with these shakes!", "UK-14D", id="stone-a-month"),
        pytest.param("Lost 5kg in 2 weeks with these shakes!", "UK-14D", id="kilos"),
        pytest.param("Our pods are eco-friendly 🌍", "UK-15", id="eco-friendly"),
        pytest.param("100% sustainable and kinder to the planet", "UK-15", id="sustainable"),
        pytest.param("Our delivery is carbon neutral 🚚", "UK-15", id="carbon-neutral"),
    ],
)
def test_claim_in_an_ad_is_reported(text, rule):
    assert rule in rules_of("#ad " + text, relationship="paid")
    assert rule in rules_of(text, relationship="advertiser")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Vitamin D contributes to the normal function of the immune system ☀️", id="authorised-vitamin-d"),
        pytest.param("Magnesium contributes to a reduction of tiredness and fatigue", id="authorised-magnesium"),
        pytest.param("So hydrating, it sorted my dry cheeks in a week", id="cosmetic"),
        pytest.param("Tastes like a Bakewell tart, honestly 🍒", id="taste"),
        pytest.param("This balm is NOT going to cure your eczema, but it feels lush", id="negated"),
        pytest.param("Scientists say there is no miracle cure for eczema; this balm just feels nice", id="news"),
        pytest.param("Beware of teas that claim to melt fat; this one just tastes good", id="debunking"),
        pytest.param("Our bottle uses 70% less plastic than our 500ml bottle 🌍", id="specific-green"),
        pytest.param("Our pouches are recyclable at supermarket soft-plastics points", id="qualified-recyclable"),
        pytest.param("Free UK delivery on orders over £50 this week", id="free-delivery"),
        pytest.param("Lost 6 lbs in 6 weeks with these recipes and daily walks", id="slow-rate"),
    ],
)
def test_allowed_wording_in_an_ad_is_clean(text):
    assert lint("#ad " + text, relationship="paid") == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("This balm cleared my eczema, not sponsored, just happy", id="eczema"),
        pytest.param("Finally found a zero waste refill shop near me 🌱 so sustainable", id="refill-shop"),
    ],
)
def test_claims_in_personal_posts_are_not_judged(text):
    assert lint(text, relationship="none") == []


def test_no_uk_mandated_statement_or_ban():
    text = "#ad The new campaign shoot with @glowco 📸 edited photos, crypto giveaway coming"
    assert not categories_of(text, relationship="paid") & {"statement.missing", "content.prohibited"}
