"""The Australian rule set (compliance/rulesets/au.yaml) on posts written the way Australian
creators write: what each rule raises, what it must leave alone, look-alikes, denials, labels in
other languages (with and without diacritics) and negated claims.

docs/annotation/au.md is the reading these tests follow: "Sponsored" and plain payment or
commission sentences are accepted; "gifted by @brand", "in partnership with @brand", brand-bound
ambassador tags and a thank-you are vague; a brand name, a code or a link alone is no label.
"""

from __future__ import annotations

import functools
import importlib.resources

import pytest

from compliance import Checker, Origin, load_rulesets
from compliance.model import Finding
from compliance.rules.located import load
from compliance.sources.fields import post_from_fields


@functools.cache
def _checker() -> Checker:
    return Checker(load_rulesets(("au",)))


def lint(text: str, **fields: object) -> list[Finding]:
    """The findings of one Australian post (market au unless the test says otherwise)."""
    post = post_from_fields({"market": "au", **fields, "text": text}, Origin("<string>"), default_id="<string>")
    return list(_checker().check(post).findings)


def rules_of(text: str, **fields: object) -> set[str]:
    return {f.rule for f in lint(text, **fields)}


def categories_of(text: str, **fields: object) -> set[str]:
    return {f.category for f in lint(text, **fields)}


def spanned(text: str, rule: str, **fields: object) -> str:
    (found,) = [f for f in lint(text, **fields) if f.rule == rule]
    return text[found.start:found.end]


# --- The rule set itself -----------------------------------------------------------------------


def test_ruleset_metadata():
    (ruleset,) = load_rulesets(("au",))
    assert ruleset.id == "au" and ruleset.markets == ("au",) and ruleset.languages == ("en",)
    assert ruleset.preferred_label == "#ad"
    assert set(ruleset.extends) == {"en-social", "labels"}
    own = [rule for rule in ruleset.rules if rule.id.startswith("AU-")]
    assert len(own) == len(ruleset.rules), "the set inherits no rules from shared sets"
    for rule in own:
        assert rule.references and rule.rationale and rule.hint, rule.id


def test_every_lexicon_the_set_adds_is_prefixed():
    path = importlib.resources.files("compliance.rulesets") / "au.yaml"
    data, _ = load(path.read_text(encoding="utf-8"))
    assert [name for name in data["lexicons"] if not name.startswith("au_")] == []


# --- AU-01: a connection with no label at all ----------------------------------------------------


@pytest.mark.parametrize(
    "text, fields",
    [
        pytest.param("Arvo swim at Bondi then straight into this moisturiser 🌊", {"relationship": "paid"}, id="paid"),
        pytest.param("Loving my new runners from @stridelab 👟 #melbourne", {"relationship": "gifted"}, id="brand-tag-only"),
        pytest.param("Three nights at @saltbeachresort and I never want to leave 🌴", {"sponsored": True}, id="hosted-silent"),
        pytest.param("PR package from @glowco arrived and I'm obsessed 📦", {}, id="pr-package"),
    ],
)
def test_connection_without_label_is_missing(text, fields):
    assert rules_of(text, **fields) == {"AU-01"}


def test_missing_label_fix_inserts_hash_ad():
    (found,) = lint("Arvo swim at Bondi 🌊", relationship="paid")
    assert found.fix is not None and found.fix.replacement == "#ad " and found.fix.start == 0


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("#ad Arvo swim at Bondi then straight into this moisturiser 🌊", id="hash-ad"),
        pytest.param("Ad | Arvo swim at Bondi then this moisturiser 🌊", id="ad-pipe"),
        pytest.param("[Ad] Arvo swim at Bondi then this moisturiser 🌊", id="ad-brackets"),
        pytest.param("Advert: arvo swim at Bondi then this moisturiser 🌊", id="advert"),
        pytest.param("Advertising | Arvo swim at Bondi then this moisturiser 🌊", id="advertising"),
        pytest.param("#advertising Arvo swim at Bondi then this moisturiser 🌊", id="hash-advertising"),
        pytest.param("Advertisement: arvo swim at Bondi then this moisturiser 🌊", id="advertisement"),
        pytest.param("Branded content with @glowco: arvo swim then this moisturiser 🌊", id="branded-content"),
        pytest.param("#brandedcontent arvo swim at Bondi then this moisturiser 🌊", id="hash-branded-content"),
        pytest.param("Paid partnership with @glowco: arvo swim then this moisturiser 🌊", id="paid-partnership"),
        pytest.param("#paidpartnership arvo swim then this moisturiser 🌊", id="hash-paid-partnership"),
        pytest.param("This video contains paid promotion for Glowco. Arvo swim then moisturiser 🌊", id="paid-promotion"),
        pytest.param("Sponsored by @glowco: arvo swim then this moisturiser 🌊", id="sponsored-by"),
        pytest.param("#sponsored arvo swim then this moisturiser 🌊", id="hash-sponsored"),
        pytest.param("@glowco paid me to try this moisturiser after an arvo swim 🌊", id="paid-me"),
        pytest.param("#ad (gifted) arvo swim then this moisturiser 🌊", id="combined"),
        pytest.param("Ad @glowco\narvo swim at Bondi then this moisturiser 🌊", id="ad-mention"),
    ],
)
def test_accepted_labels_clear_a_paid_post(text):
    assert lint(text, relationship="paid") == []


def test_brand_name_alone_is_missing_not_unclear():
    assert categories_of("Obsessed with @glowco and their new serum ✨", relationship="paid") == {"disclosure.missing"}


def test_connection_false_or_none_stays_clean():
    assert lint("Use code JESS15 for 15% off 🔥 https://amzn.to/3xAu12", sponsored=False) == []
    assert lint("Gifted by @glowco ✨", relationship="none") == []


def test_brands_own_channel_needs_no_endorsement_label():
    assert lint("Our winter range is in store now! Use code WINTER20 for 20% off", relationship="advertiser") == []


# --- AU-01A, AU-01B: affiliate links and codes ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Shop my winter faves ❄️ https://www.amazon.com.au/dp/B0C1234?tag=jessau-22", id="amazon-au-tag"),
        pytest.param("The air fryer on my bench 🍟 https://amzn.to/3xAu12", id="amzn-to"),
        pytest.param("Everything I wore this week 💕 https://liketk.it/4aUx", id="ltk"),
        pytest.param("Use my link to support the channel 💕 https://go.magik.ly/ml/1xk7f/", id="channel-support"),
    ],
)
def test_affiliate_link_alone_is_missing(text):
    assert rules_of(text) == {"AU-01A"}


def test_amazon_au_link_without_a_tag_is_no_connection():
    assert lint("The air fryer on my bench 🍟 https://www.amazon.com.au/dp/B0C1234") == []


def test_commission_sentence_is_accepted():
    assert lint("I earn a commission if you shop through these links: https://liketk.it/4aUx") == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("These bike shorts survived a Blue Mountains hike 🔥 use code JESS15 for 15% off", id="use-code"),
        pytest.param("New drop! Code: MIA20 at checkout 💕", id="code-colon"),
        pytest.param("Punch in SAM10 at checkout for a cheeky discount 🛒", id="punch-in"),
    ],
)
def test_discount_code_alone_is_missing(text):
    assert rules_of(text) == {"AU-01B"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Dress code for the wedding was black tie and I panicked 😅", id="dress-code"),
        pytest.param("Our school's code of conduct got an update this term", id="code-of-conduct"),
    ],
)
def test_code_lookalikes_are_clean(text):
    assert lint(text) == []


# --- AU-01C: own business, employer, family ------------------------------------------------------


@pytest.mark.parametrize(
    "text, relationship",
    [
        pytest.param("Restocked the candles in my little business today 🕯️", "owner", id="little-business"),
        pytest.param("I work at @tapcoapp and this update is so smooth 😍", "employee", id="work-at"),
        pytest.param("My mum's café in Ballarat does the best scones, go see her ☕", "family", id="mums-cafe"),
        pytest.param("My sister's bakery in Fremantle has the best sourdough 🍞", "family", id="sisters-bakery"),
    ],
)
def test_relationship_stated_in_words_is_clean(text, relationship):
    assert lint(text, relationship=relationship) == []


@pytest.mark.parametrize(
    "text, relationship",
    [
        pytest.param("Best sourdough in Fremantle, go see them this weekend 🍞", "family", id="family-silent"),
        pytest.param("#ad The new app update is so smooth 😍 go try it", "employee", id="employee-hash-ad"),
        pytest.param("Restocked the candles today 🕯️ #ad", "owner", id="owner-hash-ad"),
    ],
)
def test_relationship_not_stated_is_missing(text, relationship):
    assert rules_of(text, relationship=relationship) == {"AU-01C"}


# --- AU-01D: denials --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Not sponsored, just obsessed 😍", id="not-sponsored"),
        pytest.param("#notsponsored I just love this bottle 💧", id="hashtag"),
        pytest.param("This isn't an ad, I just love Tim Tams 🍫", id="isnt-an-ad"),
        pytest.param("No sponsors here, just a girl and her Tim Tams 🍫", id="no-sponsors"),
        pytest.param("Nobody's paying me to say this but wow 🍫", id="nobodys-paying"),
    ],
)
def test_denial_on_connected_post_is_unclear_only(text):
    assert categories_of(text, relationship="gifted") == {"disclosure.unclear"}
    assert "AU-01D" in rules_of(text, relationship="gifted")


def test_denial_beside_a_real_label_still_contradicts():
    assert rules_of("#ad ok but honestly this isn't an ad, I'd buy it anyway", relationship="paid") == {"AU-01D"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("This isn't an ad, I just love my local bakery in Newtown 🥐", id="isnt-an-ad"),
        pytest.param("#notsponsored just love this cafe in Fitzroy ☕", id="notsponsored"),
        pytest.param("No sponsors, just vibes at the footy 🏉", id="no-sponsors"),
    ],
)
def test_denial_on_organic_post_is_clean(text):
    assert lint(text) == []


# --- AU-01E, AU-01F, AU-01G: the language of the label ------------------------------------------


@pytest.mark.parametrize(
    "text, label",
    [
        pytest.param("Loving my new sneakers from @laufwerk, so comfy for the school run #werbung", "#werbung", id="german"),
        pytest.param("Perfect beach bag for Manly weekends ☀️ #publicidad @solbags", "#publicidad", id="spanish"),
        pytest.param("New skincare from @seoulglow, my skin is glowing this week #광고", "#광고", id="korean"),
        pytest.param("New serum from @parisglow, my skin is glowing this week #publicité", "#publicité", id="french-accent"),
        pytest.param("New serum from @parisglow, my skin is glowing this week #publicite", "#publicite", id="french-no-accent"),
    ],
)
def test_english_post_with_only_a_foreign_label(text, label):
    assert rules_of(text, language="en") == {"AU-01E"}
    assert spanned(text, "AU-01E", language="en") == label


def test_bilingual_label_on_english_post_is_clean():
    assert lint("Ad / Publicidad: perfect beach bag for Manly weekends ☀️ @solbags", language="en") == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("#ad Kem dưỡng ẩm này cứu làn da khô của mình mùa đông ở Melbourne 💧", id="diacritics"),
        pytest.param("#ad kem duong am nay rat tot cho da kho mua dong o Melbourne nha", id="no-diacritics"),
    ],
)
def test_vietnamese_post_with_only_english_label(text):
    assert rules_of(text) == {"AU-01F"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Quảng cáo | Kem dưỡng ẩm này rất hợp với da khô mùa đông 💧", id="quang-cao"),
        pytest.param("#quangcao kem duong am nay rat hop voi da kho mua dong", id="quangcao-tag"),
        pytest.param("#ad #quảngcáo Kem dưỡng ẩm này rất hợp với da khô mùa đông 💧", id="both"),
    ],
)
def test_vietnamese_post_with_vietnamese_label_is_clean(text):
    assert lint(text) == []


def test_chinese_post_with_only_english_label():
    assert rules_of("#ad 悉尼最好吃的小笼包就在这家店，周末一定要来试试！@dumplinghouse") == {"AU-01G"}
    assert lint("广告 #ad 悉尼最好吃的小笼包就在这家店，周末一定要来试试！@dumplinghouse") == []


def test_english_post_with_a_few_chinese_words_is_english():
    assert lint("#ad Yum cha at @dragonpalace 🥟 小笼包 虾饺 so good") == []


# --- AU-02, AU-02B: less clear, vague and disguised labels ---------------------------------------


@pytest.mark.parametrize(
    "text, fields",
    [
        pytest.param("New fave lip oil 💋 #sp #beauty", {}, id="hash-sp"),
        pytest.param("New fave lip oil 💋 #spon", {}, id="hash-spon"),
        pytest.param("(spon) new fave lip oil 💋", {}, id="bracket-spon"),
        pytest.param("New fave lip oil 💋 #sponcon", {}, id="sponcon"),
        pytest.param("New fave lip oil 💋 #collab", {}, id="hash-collab"),
        pytest.param("Collab with @lipco 💋 new fave oil", {}, id="collab-with"),
        pytest.param("New fave lip oil 💋 #gifted", {}, id="hash-gifted"),
        pytest.param("Gifted by @lipco: my new fave lip oil 💋", {"relationship": "gifted"}, id="gifted-by"),
        pytest.param("My new fave lip oil 💋 affiliate link: https://rstyle.me/n/abc", {}, id="affiliate-link"),
        pytest.param("Thanks to @trailgear for hooking me up for the Overland Track 🏔️", {"relationship": "gifted"}, id="thanks-to"),
        pytest.param("Cheers @trailgear, these boots are unreal 🏔️", {"relationship": "gifted"}, id="cheers"),
        pytest.param("Proud @peakfit ambassador 💪 new season, new goals", {}, id="ambassador"),
        pytest.param("#SoutherlyAmbassador love these boots 🥾", {"brand": "Southerly"}, id="brand-ambassador"),
        pytest.param("So excited to be in partnership with @coastcoffee ☕", {"relationship": "paid"}, id="in-partnership"),
        pytest.param("Partnered with @coastcoffee for my winter brew ☕", {}, id="partnered-with"),
        pytest.param("Two nights hosted by @qthotels and the view 😍", {}, id="hosted-by"),
        pytest.param("Sent to me by @lipco, my new fave lip oil 💋", {}, id="sent-to-me-by"),
        pytest.param("New fave lip oil 💋 #giftedby", {"relationship": "gifted"}, id="giftedby-tag"),
    ],
)
def test_vague_label_only_is_unclear(text, fields):
    assert rules_of(text, **fields) == {"AU-02"}


@pytest.mark.parametrize(
    "text, label",
    [
        pytest.param("Loving this tea #a\u200bd", "#a\u200bd", id="zero-width"),
        pytest.param("Loving this tea #аd", "#аd", id="cyrillic-a"),
        pytest.param("Loving this tea #a_d", "#a_d", id="underscore"),
        pytest.param("Weekend in the Barossa 🍷 #sponsered", "#sponsered", id="misspelt"),
        pytest.param("Weekend in the Barossa 🍷 #advertisment", "#advertisment", id="misspelt-advert"),
    ],
)
def test_disguised_label_is_unclear_and_replaced(text, label):
    found = [f for f in lint(text) if f.rule == "AU-02B"]
    assert [text[f.start:f.end] for f in found] == [label]
    assert found[0].fix is not None and found[0].fix.replacement == "#ad"
    assert categories_of(text) == {"disclosure.unclear"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("#ad New fave lip oil 💋 #spon #beauty", id="ad-beside-spon"),
        pytest.param("Ad | gifted by @lipco: my new fave lip oil 💋", id="ad-beside-gifted"),
        pytest.param("Paid partnership with @coastcoffee: my winter brew ☕", id="paid-partnership"),
        pytest.param("Sponsored | Proud @peakfit ambassador 💪", id="sponsored-beside-ambassador"),
    ],
)
def test_vague_word_beside_accepted_label_is_fine(text):
    assert lint(text, relationship="paid") == []


# --- Look-alikes ---------------------------------------------------------------------------------


LOOKALIKES = [
    pytest.param("Day trip to #adelaide 🍷 #adl #southaustralia", id="adelaide"),
    pytest.param("Packed the ute and drove north 🚙🌲 #adventure #vanlife", id="adventure"),
    pytest.param("Paid my own rent and cooked a real dinner 🍝 #adulting", id="adulting"),
    pytest.param("Hit add to cart before I could think 🛒", id="add"),
    pytest.param("My dad tried my smoothie and asked for seconds 🥤😂", id="my-dad"),
    pytest.param("Spontaneous beach day 🏖️ #spontaneous #spring", id="spontaneous"),
    pytest.param("My partner paid for dinner tonight, what a legend 😂", id="partner-paid"),
    pytest.param("We're hiring a Branded Content Producer in Sydney! DM us your folio", id="job-ad"),
    pytest.param("Treated myself to the big tub of protein 💸 #sponsoredbyme", id="sponsoredbyme"),
    pytest.param("Such a gifted artist, go see her show in Hobart 🎨", id="gifted-artist"),
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalike_on_organic_post_is_clean(text):
    assert lint(text) == []


@pytest.mark.parametrize("text", LOOKALIKES[:6])
def test_lookalike_on_paid_post_is_no_label(text):
    assert rules_of(text, relationship="paid") == {"AU-01"}


# --- AU-03 to AU-03G: placement ------------------------------------------------------------------


def test_label_after_the_instagram_fold():
    text = ("Sunday reset ☀️ I've been testing this cleanser for three weeks through a Brisbane summer "
            "and my skin has honestly never been calmer. #ad")
    assert rules_of(text, platform="instagram") == {"AU-03"}
    assert lint(text, platform="blog") == []


def test_label_on_the_fourth_line_of_instagram():
    assert rules_of("Sunday reset\n\nday 21\n\nso calm\n#ad @glowco", platform="instagram") == {"AU-03"}


def test_youtube_label_past_the_fold():
    text = "My full winter skincare routine for dry Canberra air, every step from cleanser to SPF and what I'd skip. " * 2 + "Sponsored by @glowco"
    assert rules_of(text, platform="youtube") == {"AU-03"}


def test_vague_label_after_fold_is_only_unclear():
    text = ("Sunday reset ☀️ I've been testing this cleanser for three weeks through a Brisbane summer "
            "and my skin has honestly never been calmer. #spon")
    assert categories_of(text, platform="instagram") == {"disclosure.unclear"}


def test_label_in_a_hashtag_cluster():
    assert rules_of("Best run of the year 🏃‍♀️ #running #marathon #ad #fitfam #goldcoast") == {"AU-03A"}
    assert lint("#ad Best run of the year 🏃‍♀️ #running #marathon #fitfam") == []


def test_denial_and_buried_label_are_both_reported():
    text = "Not sponsored lol 😂 love this bottle\n\n#hydration #gym #sponsored #gymlife"
    assert categories_of(text, relationship="paid") == {"disclosure.unclear", "disclosure.placement"}


def test_disclosure_pointed_to_the_bio():
    assert rules_of("Love these sneakers 👟 disclosures in bio", relationship="paid") == {"AU-03B"}


def test_video_overlay_and_transcript():
    assert rules_of("#ad my morning routine", format="reel", overlay="5am club ☀️") == {"AU-03C"}
    assert rules_of("#ad testing earbuds", format="video", transcript="G'day legends, today I'm testing earbuds.") == {"AU-03D"}
    assert lint("#ad testing earbuds", format="video", transcript="Quick heads up, this is an ad for Sonix. Today I'm testing earbuds.") == []


def test_spoken_label_only_at_the_end_of_the_video():
    transcript = [
        {"start": 0, "text": "G'day legends, today I'm testing the new earbuds on the train."},
        {"start": 40, "text": "Battery lasted the whole trip to Parramatta."},
        {"start": 58, "text": "Oh and this video is a paid partnership with Sonix."},
    ]
    assert rules_of("#ad testing the new earbuds", format="video", transcript=transcript) == {"AU-03E"}


def test_story_frame_without_label():
    found = rules_of("link in bio", format="story", sponsored=True, overlay=["#ad my new blender", "smoothie time 🍓"])
    assert found == {"AU-03F"}


# --- AU-04: claims -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, rule",
    [
        pytest.param("#ad This balm cleared up my dermatitis in a week 🌿", "AU-04", id="dermatitis"),
        pytest.param("#ad This tea cured my eczema in a week 🍵", "AU-04", id="eczema"),
        pytest.param("#ad Haven't touched my cortisone cream since switching to @oatskin 🙌", "AU-04", id="cortisone"),
        pytest.param("#ad Binned my puffer after a month of these drops 🌬️", "AU-04", id="puffer"),
        pytest.param("#ad I no longer need my ventolin thanks to these breathing drops", "AU-04", id="ventolin"),
        pytest.param("#ad My psoriasis has completely cleared since using this 🌿", "AU-04", id="cleared"),
        pytest.param("#ad Goodbye eczema! this cream is magic", "AU-04", id="goodbye"),
        pytest.param("#ad This tea helps with my anxiety 🍵", "AU-04", id="helps-with"),
        pytest.param("#ad Didn't change a single thing I eat and dropped a dress size", "AU-04A", id="didnt-change"),
        pytest.param("#ad No gym, no diet, just these drops ✨", "AU-04A", id="no-gym-no-diet"),
        pytest.param("#ad Dropped 6 kilos in 10 days 😱", "AU-04B", id="kilos"),
        pytest.param("#ad Returns of 20% guaranteed every year on this property fund", "AU-04D", id="returns-guaranteed"),
        pytest.param("#ad Earn a guaranteed 18% p.a. on your savings, zero risk", "AU-04D", id="yield-pa"),
        pytest.param("#ad Dropped two dress sizes without changing what I eat 🍵", "AU-04A", id="no-diet-change"),
        pytest.param("#ad No diet, no gym, just this patch ✨", "AU-04A", id="no-diet-no-gym"),
        pytest.param("#ad I lost 9 kg in 2 weeks with these shakes!", "AU-04B", id="nine-kg"),
        pytest.param("#ad I made $11,400 last month from my phone 💸 DM me to join", "AU-04C", id="income"),
        pytest.param("#ad Quit my 9-5 thanks to this team 💸 #financialfreedom", "AU-04C", id="quit-9-5"),
        pytest.param("#ad This token is going to 10x, guaranteed returns 🚀", "AU-04D", id="guaranteed"),
        pytest.param("#ad My new 100% eco-friendly swimmers 🌊", "AU-04E", id="eco-friendly"),
        pytest.param("#ad This sunscreen is reef-safe and I love it 🐠", "AU-04E", id="reef-safe"),
    ],
)
def test_claims_in_a_paid_post(text, rule):
    assert rule in rules_of(text, relationship="paid")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("This tea cured my eczema lol (bought it myself)", id="personal"),
        pytest.param("Monash researchers are trialling a new eczema treatment, fingers crossed 🤞", id="news"),
        pytest.param("Down 8 kg this year with netball and home cooking 💪", id="fitness-journey"),
        pytest.param("Finally paid off my HECS 🎓 so proud", id="money-milestone"),
        pytest.param("Anyone promising guaranteed returns on crypto is running a scam, stay safe", id="scam-warning"),
        pytest.param("Nan's honey and lemon cured my cold every winter growing up 🍯", id="folk-remedy"),
    ],
)
def test_claim_words_in_personal_posts_are_clean(text):
    assert lint(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("#ad No tea can cure IBS, but this one is my calm ritual 🍵", id="negated"),
        pytest.param("#ad That detox tea says it \"cures bloating\", don't fall for it. This one just tastes good", id="debunk"),
        pytest.param("#ad My skin feels calmer and softer since this balm 🌿", id="experience"),
        pytest.param("#ad My new swimmers, made with 78% recycled nylon; the elastane isn't recycled yet 🌊", id="qualified-green"),
        pytest.param("#ad This shake keeps me full till lunch 🍌", id="keeps-full"),
        pytest.param("#ad This balm soothes my eczema-prone skin in winter 🌿", id="eczema-prone"),
        pytest.param("#ad Risk-free 30-day trial of my favourite meal kit 🥗", id="risk-free-not-financial"),
    ],
)
def test_claims_that_are_not_claims(text):
    assert categories_of(text, relationship="paid") == set()
