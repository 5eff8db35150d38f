"""US FTC disclosure rules (rule set `us-ftc`), rule by rule.

Every rule has posts that must raise it and posts that must not, at least one of them a near
miss: a post that looks like a violation of that rule but is not one. Each post states the full
set of rules it raises, so a false alarm from any other rule fails too. Posts are written for
these tests (not taken from the rule examples or the corpus) and judged by docs/annotation.md.

Look-alikes, obfuscation, placement, metadata, spans and video surfaces have their own modules:
test_us_ftc_lookalikes.py, test_us_ftc_placement.py, test_us_ftc_metadata.py, test_us_ftc_video.py.
"""

from __future__ import annotations

import pytest

import compliance
from tests.rulesets.us_ftc_support import US_DISCLOSURE_RULES, describe, lint, rules

RAISE, CLEAN = "raise", "clean"


def post(rule: str, kind: str, name: str, text: str, expect: set[str], **fields: object):
    """One post of the table: `kind` says whether it must raise `rule`; `expect` is every rule it raises."""
    return pytest.param(rule, kind, text, fields, expect, id=f"{rule}-{kind}-{name}")


LIVE_CUES_SPARSE = [
    {"start": 0, "text": "Yo chat, welcome in! Tonight's stream is sponsored by Voltage Energy 🔋"},
    {"start": 420, "text": "Okay, ranked grind, let's go."},
    {"start": 1320, "text": "CLUTCH. Did you see that?!"},
    {"start": 2280, "text": "Alright, GGs everyone, see you tomorrow."},
]
LIVE_CUES_REPEATED = [
    {"start": 0, "text": "Yo chat, welcome in! Tonight's stream is sponsored by Voltage Energy."},
    {"start": 600, "text": "Quick reminder: this stream is sponsored by Voltage Energy, link below."},
    {"start": 1380, "text": "Clutch! Sponsored by Voltage Energy, by the way, stay hydrated."},
    {"start": 2100, "text": "Alright, GGs everyone, see you tomorrow."},
]
# The disclosure at 0 s and 900 s, the stream ends at 1800 s: exactly 15 minutes each, not more.
LIVE_CUES_EXACTLY_15 = [
    {"start": 0, "text": "Welcome in! This stream is sponsored by Voltage Energy."},
    {"start": 900, "text": "Reminder: sponsored by Voltage Energy."},
    {"start": 1800, "text": "Still here? GGs, good night 🌙"},
]

CASES = [
    # --- US-D-01: a connection and no disclosure at all
    post("US-D-01", RAISE, "paid-caption-with-only-topic-tags",
         "Morning matcha ritual 🍵✨\nthis whisk changed my whole routine\n\n#matcha #morningroutine #slowliving",
         {"US-D-01"}, relationship="paid", platform="instagram"),
    post("US-D-01", RAISE, "sponsored-flag-with-plain-link",
         "weekend camping essentials ⛺️🔥 this stove boils water in 90 seconds flat https://trailkit.com/stove",
         {"US-D-01"}, sponsored=True),
    post("US-D-01", RAISE, "pr-package-in-text",
         "PR package from @bloomlab just landed 📦💐 can't wait to try everything!!",
         {"US-D-01"}),
    post("US-D-01", CLEAN, "sponsored-label-first",
         "Sponsored: weekend camping essentials ⛺️🔥 this stove boils water in 90 seconds flat",
         set(), sponsored=True),
    post("US-D-01", CLEAN, "gift-said-plainly",
         "@stridelab sent me these to try 🏃‍♀️ honestly obsessed, 10 miles and zero blisters",
         set(), relationship="gifted"),
    post("US-D-01", CLEAN, "near-miss-vague-label-is-unclear-not-missing",
         "Smoothie bowl szn 🍓🥝 #sp #breakfast", {"US-D-02"}, relationship="paid"),
    post("US-D-01", CLEAN, "near-miss-bought-it-myself",
         "Obsessed w my new running shoes 🏃‍♀️ grabbed them on sale last week, 10/10", set(), relationship="none"),

    # --- US-D-02: vague or disguised label only
    post("US-D-02", RAISE, "spon-in-hashtags",
         "Smoothie bowl szn 🍓🥝\n\n#spon #breakfast #acai", {"US-D-02"}),
    post("US-D-02", RAISE, "collab-with-brand",
         "new fave headphones for the commute 🎧🚇 collab w/ @soundwave", {"US-D-02"}),
    post("US-D-02", RAISE, "bare-thanks-on-paid-post",
         "thank you @berrybliss!! 💜 smoothie szn is officially open", {"US-D-02"}, relationship="paid"),
    post("US-D-02", RAISE, "misspelt-label",
         "Glow check ✨ this SPF is unreal #sponsered", {"US-D-02"}),
    post("US-D-02", CLEAN, "vague-tag-beside-plain-ad",
         "#ad Smoothie bowl szn 🍓🥝 #spon #breakfast", set()),
    post("US-D-02", CLEAN, "near-miss-thanks-a-friend",
         "Thank you @jules.bakes for the surprise lemon tart 🍋🥹 best neighbour ever", set()),
    post("US-D-02", CLEAN, "near-miss-tags-that-start-like-sp",
         "#spontaneous road trip 🚗💨 #collabs with my sister on the playlist", set()),

    # --- US-D-03: label after the fold (more per platform in test_us_ftc_placement.py)
    post("US-D-03", RAISE, "instagram-label-at-the-end",
         "Golden hour hike in Sedona 🌄 my legs are toast but the views were worth every step. "
         "Packed light with the new trail pack and it was perfect. #ad @peakgear",
         {"US-D-03"}, platform="instagram"),
    post("US-D-03", RAISE, "instagram-label-on-line-6",
         "Sunday 🌿\n\nrepotting day\n\ncalm vibes only\n#ad @leafco", {"US-D-03"}, platform="instagram"),
    post("US-D-03", RAISE, "tiktok-label-past-100",
         "POV: you finally found a lip gloss that survives iced coffee, a windy ferry ride and a 3 hour "
         "wedding toast 💋 paid partnership with @glossy", {"US-D-03"}, platform="tiktok"),
    post("US-D-03", CLEAN, "instagram-label-first",
         "#ad Golden hour hike in Sedona 🌄 my legs are toast but the views were worth every step. "
         "Packed light with the new trail pack and it was perfect. @peakgear", set(), platform="instagram"),
    post("US-D-03", CLEAN, "near-miss-blog-has-no-fold",
         "Golden hour hike in Sedona 🌄 my legs are toast but the views were worth every step. "
         "Packed light with the new trail pack and it was perfect. #ad @peakgear", set(), platform="blog"),
    post("US-D-03", CLEAN, "near-miss-instagram-label-on-line-3",
         "Sunday 🌿\nrepotting day\n#ad @leafco", set(), platform="instagram"),

    # --- US-D-04: label buried in a hashtag cluster
    post("US-D-04", RAISE, "ad-in-the-middle-of-tags",
         "Sunset paddle 🛶 best evening of the summer\n#lake #paddleboard #ad #summervibes", {"US-D-04"}),
    post("US-D-04", RAISE, "sponsored-after-mentions",
         "Lake day recap 🌅 w/ @wavecraft @sunsetsup #sponsored", {"US-D-04"}),
    post("US-D-04", RAISE, "ad-between-tag-and-link",
         "Sunset paddle 🛶 #lake #ad https://wavecraft.com/boards", {"US-D-04"}),
    post("US-D-04", CLEAN, "label-is-the-first-token",
         "#ad #lake #paddleboard #summervibes sunset paddle 🛶", set()),
    post("US-D-04", CLEAN, "near-miss-blank-line-before-tag-block",
         "Sunset paddle 🛶 best evening of the summer #ad\n\n#lake #paddleboard #summervibes", set()),
    post("US-D-04", CLEAN, "near-miss-only-two-tags",
         "Sunset paddle 🛶 best evening of the summer #ad #sup", set()),

    # --- US-D-05: disclosure pointed to elsewhere
    post("US-D-05", RAISE, "sponsorship-details-in-bio",
         "New fave hoodie 🧡 cozy szn is officially here\nsponsorship details in my bio!", {"US-D-05"}),
    post("US-D-05", RAISE, "affiliate-info-in-description",
         "Spent the weekend testing the new @zoomcam gimbal 🎥 see the description for affiliate info",
         {"US-D-05"}, relationship="affiliate"),
    post("US-D-05", CLEAN, "label-in-post-and-more-in-bio",
         "#ad New fave hoodie 🧡 full review on my website", set()),
    post("US-D-05", CLEAN, "near-miss-link-in-bio-is-no-pointer",
         "New fave hoodie 🧡 link in bio!! 🔗", set()),

    # --- US-D-07: video with no on-screen disclosure
    post("US-D-07", RAISE, "reel-overlay-without-label",
         "#ad 3 ways to style linen pants 👖✨", {"US-D-07"},
         format="reel", platform="instagram", overlay="linen szn 🌾"),
    post("US-D-07", RAISE, "short-with-two-overlays-none-labelled",
         "Sponsored by @linenlab: 3 ways to style linen pants", {"US-D-07"},
         format="short", platform="youtube", overlay=["outfit 1 ☀️", "outfit 2 🌙"]),
    post("US-D-07", RAISE, "near-miss-overlay-with-adventure",
         "#ad 3 ways to style linen pants 👖✨", {"US-D-07"}, format="reel", overlay="#adventure time 🌾"),
    post("US-D-07", CLEAN, "overlay-with-ad-label",
         "#ad 3 ways to style linen pants 👖✨", set(), format="reel", overlay="AD • linen szn 🌾"),
    post("US-D-07", CLEAN, "label-on-second-overlay",
         "#ad 3 ways to style linen pants 👖✨", set(),
         format="reel", overlay=["linen szn 🌾", "Paid partnership with @linenlab"]),
    post("US-D-07", CLEAN, "near-miss-feed-post-is-no-video",
         "#ad 3 ways to style linen pants 👖✨", set(), format="feed", overlay="linen szn 🌾"),

    # --- US-D-08: video with no spoken disclosure
    post("US-D-08", RAISE, "youtube-unboxing-transcript",
         "#ad unboxing the new @pixelpro camera 📸", {"US-D-08"}, format="video", platform="youtube",
         transcript="What is up everyone, welcome back. Today we are unboxing the brand new camera, let's get into it."),
    post("US-D-08", RAISE, "reel-with-cue-list",
         "Paid partnership with @brewmate ☕ my morning setup", {"US-D-08"}, format="reel",
         transcript=["Morning! Coffee first.", "This grinder is so quiet, look at that."]),
    post("US-D-08", RAISE, "near-miss-add-to-cart-and-my-dad",
         "#ad unboxing the new @pixelpro camera 📸", {"US-D-08"}, format="video",
         transcript="Welcome back, let's add this to the cart and compare it with my dad's old camera."),
    post("US-D-08", CLEAN, "spoken-sponsorship",
         "#ad unboxing the new @pixelpro camera 📸", set(), format="video",
         transcript="Quick heads up, this video is sponsored by PixelPro. Okay, let's get into it."),
    post("US-D-08", CLEAN, "spoken-gift",
         "#ad unboxing the new @pixelpro camera 📸", set(), format="video",
         transcript="PixelPro sent me this camera for free, so keep that in mind. Let's get into it."),
    post("US-D-08", CLEAN, "near-miss-feed-post-transcript",
         "#ad unboxing the new @pixelpro camera 📸", set(), format="feed",
         transcript="Welcome back to my page."),

    # --- US-D-08B: spoken disclosure after the first 30 seconds
    post("US-D-08B", RAISE, "timed-cues-said-at-95-seconds",
         "#ad testing the new @sonix earbuds 🎧", {"US-D-08B"}, format="video", platform="youtube",
         transcript=[{"start": 0, "text": "Hey everyone, welcome back to the channel."},
                     {"start": 95, "text": "Oh and this video is sponsored by Sonix, link below."}]),
    post("US-D-08B", RAISE, "plain-transcript-said-after-90-words",
         "Paid partnership with @sonix 🎧", {"US-D-08B"}, format="reel",
         transcript="okay so these are the new earbuds and the case is tiny. " * 8 + "This video is sponsored by Sonix."),
    post("US-D-08B", CLEAN, "said-in-the-first-seconds",
         "#ad testing the new @sonix earbuds 🎧", set(), format="video",
         transcript=[{"start": 0, "text": "Hey everyone!"}, {"start": 4, "text": "This video is sponsored by Sonix."},
                     {"start": 95, "text": "Now the battery test."}]),
    post("US-D-08B", CLEAN, "near-miss-said-at-exactly-30-seconds",
         "#ad testing the new @sonix earbuds 🎧", set(), format="short",
         transcript=[{"start": 0, "text": "Hey everyone!"}, {"start": 30, "text": "This video is sponsored by Sonix."}]),
    post("US-D-08B", CLEAN, "near-miss-never-said-is-US-D-08",
         "#ad testing the new @sonix earbuds 🎧", {"US-D-08"}, format="video",
         transcript=[{"start": 0, "text": "Hey everyone!"}, {"start": 95, "text": "Now the battery test."}]),

    # --- US-D-09: story frame without a label
    post("US-D-09", RAISE, "middle-frame-unlabelled",
         "swipe up 👆", {"US-D-09"}, format="story", platform="instagram", relationship="paid",
         overlay=["#ad my new air fryer 🍟", "crispy wings in 12 min 🔥", "Ad · recipe in bio"]),
    post("US-D-09", RAISE, "label-in-caption-only",
         "#ad swipe up 👆", {"US-D-09"}, format="story", overlay=["my new air fryer 🍟", "crispy wings 🔥"]),
    post("US-D-09", RAISE, "near-miss-adventure-frame",
         "swipe up 👆", {"US-D-09"}, format="story", relationship="paid",
         overlay=["#ad my new air fryer 🍟", "#adventure awaits 🔥"]),
    post("US-D-09", CLEAN, "every-frame-labelled",
         "swipe up 👆", set(), format="story", relationship="paid",
         overlay=["#ad my new air fryer 🍟", "Sponsored · crispy wings 🔥"]),
    post("US-D-09", CLEAN, "near-miss-single-frame-story",
         "swipe up 👆", set(), format="story", relationship="paid", overlay="#ad my new air fryer 🍟"),

    # --- US-D-10: live stream disclosure not repeated
    post("US-D-10", RAISE, "timed-cues-38-minute-gap",
         "#ad LIVE now 🔴 ranked grind", {"US-D-10"}, format="live", platform="youtube",
         transcript=LIVE_CUES_SPARSE),
    post("US-D-10", RAISE, "plain-transcript-said-once",
         "#ad LIVE now 🔴", {"US-D-10"}, format="live",
         transcript="This stream is sponsored by Voltage Energy. "
         + "okay chat we are pushing into the next zone now, grab the loot and watch the left side. " * 160),
    post("US-D-10", CLEAN, "repeated-every-13-minutes",
         "#ad LIVE now 🔴 ranked grind", set(), format="live", transcript=LIVE_CUES_REPEATED),
    post("US-D-10", CLEAN, "near-miss-gap-of-exactly-15-minutes",
         "#ad LIVE now 🔴", set(), format="live", transcript=LIVE_CUES_EXACTLY_15),
    post("US-D-10", CLEAN, "near-miss-recorded-video-is-no-stream",
         "#ad stream highlights 🔴", set(), format="video", transcript=LIVE_CUES_SPARSE),

    # --- US-D-12: affiliate link without disclosure
    post("US-D-12", RAISE, "amzn-short-link",
         "The only carry-on I will ever own ✈️🧳\n\ngrab it here 👉 https://amzn.to/4TrvlBg\n\n#travel #packinglist",
         {"US-D-12"}),
    post("US-D-12", RAISE, "shopmy-collection",
         "fall candle lineup 🍂🕯️ all linked: https://shopmy.us/collections/9921 xx", {"US-D-12"}),
    post("US-D-12", RAISE, "amazon-with-tag",
         "desk lamp that fixed my WFH headaches 💡 https://www.amazon.com/dp/B0LAMP42?tag=cozydesk-20&th=1",
         {"US-D-12"}),
    post("US-D-12", CLEAN, "commission-said-plainly",
         "I get a small commission from purchases made through these links 💛 fall candle lineup: "
         "https://shopmy.us/collections/9921", set()),
    post("US-D-12", CLEAN, "near-miss-amazon-without-tag",
         "desk lamp that fixed my WFH headaches 💡 https://www.amazon.com/dp/B0LAMP42", set()),
    post("US-D-12", CLEAN, "near-miss-link-in-bio-hub",
         "fall candle lineup 🍂🕯️ everything is on my linktree https://linktr.ee/cozyhome", set()),

    # --- US-D-13: affiliate jargon only
    post("US-D-13", RAISE, "affiliatelink-hashtag",
         "WFH desk glow-up 🖥️🌿 everything is linked below\nhttps://amzn.to/3dEsK11\n#affiliatelink #desksetup",
         {"US-D-13"}),
    post("US-D-13", RAISE, "affiliate-link-in-brackets",
         "My fave rain jacket ☔ (affiliate link) https://rstyle.me/+RaIn88", {"US-D-13"}),
    post("US-D-13", CLEAN, "jargon-explained",
         "My fave rain jacket ☔ affiliate link, I earn a small commission if you buy through it: "
         "https://rstyle.me/+RaIn88", set()),
    post("US-D-13", CLEAN, "near-miss-affiliate-marketing-talk",
         "Affiliate marketing 101: my tips for new creators 📈 thread below 👇", set()),

    # --- US-D-14: creator code without disclosure
    post("US-D-14", RAISE, "use-my-code",
         "Post-leg-day fuel 💪🥤 use my code BECCA15 for 15% off @fuelup\n#gymtok #protein", {"US-D-14"}),
    post("US-D-14", RAISE, "enter-code-at-checkout",
         "restocked my skincare shelf 🧴✨ enter JUNO10 at checkout!!", {"US-D-14"}),
    post("US-D-14", CLEAN, "code-with-ad-label",
         "#ad restocked my skincare shelf 🧴✨ use code JUNO10 for 10% off", set()),
    post("US-D-14", CLEAN, "near-miss-dress-code",
         "Dress code for the wedding was black tie 🖤🥂 #weddingguest", set()),
    post("US-D-14", CLEAN, "near-miss-code-below",
         "my skincare shelf, use the code below 🧴", set()),

    # --- US-D-15: employee, owner or family tie not stated
    post("US-D-15", RAISE, "employee-with-only-ad",
         "#ad the new Glow Co night cream just dropped 🌙✨ run don't walk", {"US-D-15"},
         relationship="employee", brand="Glow Co"),
    post("US-D-15", RAISE, "family-restaurant",
         "Go grab a table at Rosie's this weekend 🍝 best carbonara in Brooklyn", {"US-D-15"},
         relationship="family", brand="Rosie's"),
    post("US-D-15", RAISE, "near-miss-other-brands-employee-tag",
         "the new night cream 🌙 #AcmeEmployee", {"US-D-15"}, relationship="employee", brand="Glow Co"),
    post("US-D-15", CLEAN, "brand-employee-tag",
         "the new Glow Co night cream just dropped 🌙✨ #GlowCoEmployee", set(),
         relationship="employee", brand="Glow Co"),
    post("US-D-15", CLEAN, "owner-says-so",
         "I founded Wickhouse 3 years ago and this is our best candle yet 🕯️", set(), relationship="owner"),
    post("US-D-15", CLEAN, "near-miss-family-said-in-words",
         "Go grab a table at my aunt's restaurant this weekend 🍝 best carbonara in Brooklyn", set(),
         relationship="family"),

    # --- US-D-16: contest entry without "contest" or "sweepstakes"
    post("US-D-16", RAISE, "brand-only-tag",
         "My dream backyard would have a hot tub AND a pizza oven 🍕🔥 #BackyardGoalsWithFlameCo @flameco",
         {"US-D-16"}, relationship="contest"),
    post("US-D-16", RAISE, "ad-is-not-contest",
         "My dream backyard 🍕🔥 #ad @flameco", {"US-D-16"}, relationship="contest"),
    post("US-D-16", CLEAN, "contest-hashtag",
         "My dream backyard 🍕🔥 #FlameCoContest", set(), relationship="contest"),
    post("US-D-16", CLEAN, "sweepstakes-in-words",
         "My dream backyard 🍕🔥 this is my entry for the @flameco sweepstakes", set(), relationship="contest"),
    post("US-D-16", CLEAN, "near-miss-sweeps-is-unclear-not-missing",
         "My dream backyard 🍕🔥 #sweeps #flameco", {"US-D-02"}, relationship="contest"),

    # --- US-D-17: text denies a connection the post has
    post("US-D-17", RAISE, "notsponsored-beside-ad",
         "#ad this lip tint is my whole personality now 💄 #notsponsored jk jk", {"US-D-17"}),
    post("US-D-17", RAISE, "not-sponsored-beside-affiliate-link",
         "Not sponsored!! I'm just a fan of these clogs 😍 https://liketk.it/4Qp9x", {"US-D-17", "US-D-12"}),
    post("US-D-17", RAISE, "nobody-paid-me-beside-code",
         "nobody paid me for this review 🙃 but use code LILY20 for 20% off", {"US-D-17", "US-D-14"}),
    post("US-D-17", CLEAN, "organic-not-sponsored",
         "Not sponsored!! I'm just a fan of these clogs 😍 paid full price at the mall", set()),
    post("US-D-17", CLEAN, "near-miss-not-gonna-lie",
         "#ad not gonna lie, I was skeptical about this lip tint 😅 but wow", set()),

    # --- US-D-19: gift or stay hinted at, not stated
    post("US-D-19", RAISE, "prgift",
         "Cozy sunday with my new weighted blanket 🧸☁️\n#prgift #sundayreset", {"US-D-19"}),
    post("US-D-19", RAISE, "hosted",
         "Two nights at @cliffsidelodge and I never want to leave 🏔️ #hosted", {"US-D-19"}),
    post("US-D-19", CLEAN, "hosted-said-plainly",
         "Two nights at @cliffsidelodge 🏔️ my stay was hosted by @cliffsidelodge, honest review below", set()),
    post("US-D-19", CLEAN, "gifted-tag-beside-plain-words",
         "Gifted by @snugco: cozy sunday with my new weighted blanket #gifted", set()),
    post("US-D-19", CLEAN, "near-miss-giftedhands",
         "Wrapped all the presents myself 🎁 #giftedhands #christmasprep", set()),
]


@pytest.mark.parametrize(("rule", "kind", "text", "fields", "expect"), CASES)
def test_rule(rule, kind, text, fields, expect):
    assert (rule in expect) == (kind == RAISE), "the table is inconsistent"
    found = lint(text, **fields)
    assert rules(found) == expect, describe(found, text)


@pytest.mark.parametrize("rule", US_DISCLOSURE_RULES)
def test_every_rule_has_two_raising_and_two_clean_posts(rule):
    kinds = [case.values[1] for case in CASES if case.values[0] == rule]
    assert kinds.count(RAISE) >= 2 and kinds.count(CLEAN) >= 2, rule
    assert any("near-miss" in case.id for case in CASES if case.values[0] == rule), rule


def test_rule_set_has_no_untested_disclosure_rule():
    (ruleset,) = compliance.load_rulesets(("us-ftc",))
    assert {rule.id for rule in ruleset.rules if rule.category.startswith("disclosure.")} == set(US_DISCLOSURE_RULES)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Post-leg-day fuel 💪🥤 use my code BECCA15 for 15% off", {}),
        ("#ad 3 ways to style linen pants 👖✨", {"format": "reel", "overlay": "linen szn 🌾"}),
        ("Chai latte season is open ☕ #а\u200bd", {"relationship": "paid", "platform": "instagram"}),
    ],
)
def test_lint_agrees_with_public_check(text, fields):
    """The shared checker of these tests gives what the public helper gives."""
    assert lint(text, **fields) == compliance.check(text, **fields)


def test_findings_carry_rule_metadata():
    (found,) = lint("Smoothie bowl szn 🍓🥝 #spon #breakfast")
    assert (found.rule, found.category, str(found.severity)) == ("US-D-02", "disclosure.unclear", "error")
    assert '"#spon"' in found.message
