"""Canadian rules (rule set `ca`), rule by rule, in English and Canadian French.

Every rule has posts that must raise it and posts that must not, at least one of them a near
miss. Each post states the full set of rules it raises, so a false alarm from any other rule
fails too. Posts are written for these tests (not taken from the rule examples or the corpus) and
judged by docs/annotation/ca.md.
"""

from __future__ import annotations

import functools

import pytest

from compliance import Checker, Origin, load_rulesets
from compliance.sources.fields import post_from_fields

RAISE, CLEAN = "raise", "clean"
EN, FR = {"language": "en"}, {"language": "fr"}


@functools.cache
def _checker() -> Checker:
    return Checker(load_rulesets(("ca",)))


def lint(text: str, **fields: object):
    """The findings of one Canadian post, built as `compliance.check(text, market="ca", ...)` builds it."""
    post = post_from_fields({"market": "ca", **fields, "text": text}, Origin("<string>"), default_id="<string>")
    return list(_checker().check(post).findings)


def rules_of(text: str, **fields: object) -> set[str]:
    return {f.rule for f in lint(text, **fields)}


def post(rule: str, kind: str, name: str, text: str, expect: set[str], **fields: object):
    """One post of the table: `kind` says whether it must raise `rule`; `expect` is every rule it raises."""
    return pytest.param(rule, kind, text, fields, expect, id=f"{rule}-{kind}-{name}")


CASES = [
    # --- CA-01: a connection and no disclosure at all (English posts; fix "#ad")
    post("CA-01", RAISE, "paid-topic-tags-only", "Cottage weekend essentials 🛶 this cooler kept everything cold for 3 days\n\n#cottagelife #muskoka",
         {"CA-01"}, relationship="paid", **EN),
    post("CA-01", RAISE, "sponsored-flag-tagging-brand", "Best hoodie for hockey season, hands down @northfleece", {"CA-01"}, sponsored=True, **EN),
    post("CA-01", RAISE, "contest-entry-no-label", "My dream reading nook 📚 #CozyReadsCanada", {"CA-01"}, relationship="contest", **EN),
    post("CA-01", RAISE, "employee-never-says-so", "Our new app update is so smooth 😍 go try it", {"CA-01"}, relationship="employee", **EN),
    post("CA-01", CLEAN, "ad-first", "#ad Cottage weekend essentials 🛶 this cooler kept everything cold", set(), relationship="paid", **EN),
    post("CA-01", CLEAN, "sponsored-word", "Sponsored: my hockey season hoodie from @northfleece", set(), sponsored=True, **EN),
    post("CA-01", CLEAN, "dotted-handle-thanks-for-free", "Thanks to @grandmas.kitchen for the free cookbook 📖 the pie was a hit", set(), relationship="gifted", **EN),
    post("CA-01", CLEAN, "dotted-handle-sent-me", "@rinkside.co sent me these skates to try ⛸️", set(), relationship="gifted", **EN),
    post("CA-01-FR", CLEAN, "dotted-handle-envoye", "@savons.dulac m'a envoyé ses savons gratuitement 🧼", set(), relationship="gifted", **FR),
    post("CA-01", CLEAN, "gift-said-plainly", "@northfleece sent me this hoodie for free and I live in it now", set(), **EN),
    post("CA-01", CLEAN, "works-there", "I work at @appnorth and I'm so proud of this update 😍", set(), relationship="employee", **EN),
    post("CA-01", CLEAN, "no-connection", "Cottage weekend essentials 🛶 bought this cooler on sale", set(), relationship="none", **EN),
    post("CA-01", CLEAN, "brand-own-channel", "Winter sale! 30% off every toque this weekend", set(), relationship="advertiser", **EN),
    post("CA-01", CLEAN, "ad-lookalikes", "Weekend #adventure in Jasper, pure #adulting and an #adorable elk", set(), **EN),

    # --- CA-01-FR: the same, for French posts (no fix: "#ad" would be the wrong language)
    post("CA-01-FR", RAISE, "paid-tag-only", "Mon déjeuner préféré du dimanche 🥞 @cabaneetcie", {"CA-01-FR"}, relationship="paid", **FR),
    post("CA-01-FR", RAISE, "code-promo", "Ma routine du matin 🌸 avec le code promo JULIE15", {"CA-01-FR"}, **FR),
    post("CA-01-FR", RAISE, "creator-code", "Mes mitaines préférées, code MAXIME20 sur le site 🧤", {"CA-01-FR"}, **FR),
    post("CA-01-FR", CLEAN, "pub-first", "#pub Mon déjeuner préféré du dimanche 🥞 @cabaneetcie", set(), relationship="paid", **FR),
    post("CA-01-FR", CLEAN, "commandite-without-accent", "#commandite Mon déjeuner préféré 🥞", set(), relationship="paid", **FR),
    post("CA-01-FR", CLEAN, "partenariat-paye", "Partenariat payé avec @cabaneetcie : mon déjeuner préféré 🥞", set(), relationship="paid", **FR),
    post("CA-01-FR", CLEAN, "partenariat-remunere", "Partenariat rémunéré avec @cabaneetcie 🥞", set(), relationship="paid", **FR),
    post("CA-01-FR", CLEAN, "envoye-gratuitement", "@cabaneetcie m'a envoyé ce sirop gratuitement, il est délicieux 🍁", set(), **FR),
    post("CA-01-FR", CLEAN, "produit-recu", "#produitreçu Mon nouveau sérum pour l'hiver ❄️", set(), relationship="gifted", **FR),
    post("CA-01-FR", CLEAN, "gracieusete", "Gracieuseté de @lainesdunord, ma tuque préférée 🧶", set(), **FR),
    post("CA-01-FR", CLEAN, "je-travaille-chez", "Je travaille chez @cafemonarque et notre nouveau latte est arrivé ☕", set(), relationship="employee", **FR),
    post("CA-01-FR", CLEAN, "entreprise-de-ma-soeur", "La boulangerie de ma sœur ouvre samedi, allez la voir 🥐", set(), relationship="family", **FR),
    post("CA-01-FR", CLEAN, "commission", "Je reçois une commission si tu achètes via ces liens : https://liketk.it/4abc", set(), **FR),
    post("CA-01-FR", CLEAN, "video-commanditee", "Cette vidéo est commanditée par @skiboreal, bon visionnement!", set(), **FR),
    post("CA-01-FR", CLEAN, "sponsorisee-feminine", "Cette vidéo est sponsorisée par @skiboreal 🎿", set(), **FR),
    post("CA-01-FR", CLEAN, "code-postal", "Nouveau quartier, nouveau code postal : H2T 1S4 🏠", set(), **FR),
    post("CA-01-FR", CLEAN, "talking-about-an-ad", "J'ai vu une pub hier pour ce sérum, quelqu'un l'a essayé?", set(), **FR),

    # --- CA-01B: a creator code (English posts)
    post("CA-01B", RAISE, "use-code", "These mitts got me through -30 🧤 use code JULIE15 for 15% off", {"CA-01B"}, **EN),
    post("CA-01B", CLEAN, "disclosed", "#ad These mitts got me through -30 🧤 use code JULIE15 for 15% off", set(), **EN),
    post("CA-01B", CLEAN, "postal-code", "Moving day! My new postal code is H2X 1Y4 📦", set(), **EN),
    post("CA-01B", CLEAN, "dress-code", "The dress code for the gala was black tie 🖤", set(), **EN),

    # --- CA-02: a gift or invitation label on a paid or ambassador deal
    post("CA-02", RAISE, "gifted-on-paid", "#Gifted My skates for the season ⛸️", {"CA-02"}, relationship="paid", **EN),
    post("CA-02", RAISE, "invited-guest-on-ambassador", "#InvitedGuest Gala night at the museum ✨", {"CA-02"}, relationship="ambassador", **EN),
    post("CA-02", RAISE, "produit-recu-on-paid", "#produitreçu Mon nouveau manteau ❄️", {"CA-02"}, relationship="paid", **FR),
    post("CA-02", CLEAN, "gifted-on-gift", "#Gifted My skates for the season ⛸️", set(), relationship="gifted", **EN),
    post("CA-02", CLEAN, "gifted-from-text", "#gifted New candle smells like a forest after rain 🌲", set(), **EN),
    post("CA-02", CLEAN, "invited-guest-on-gift", "#InvitedGuest Gala night at the museum ✨", set(), relationship="gifted", **EN),
    post("CA-02", CLEAN, "paid-with-ad", "#ad #Gifted My skates for the season ⛸️", set(), relationship="paid", **EN),

    # --- CA-03: an affiliate link with no disclosure
    post("CA-03", RAISE, "amazon-ca-tag", "Shop the look https://www.amazon.ca/dp/B0C1234?tag=julie-20", {"CA-03"}, **EN),
    post("CA-03", RAISE, "ltk-french", "Mes essentiels de chalet 🏔️ https://liketk.it/4abc", {"CA-03"}, **FR),
    post("CA-03", CLEAN, "commission-sentence", "I earn a commission from purchases through these links: https://liketk.it/4abc", set(), **EN),
    post("CA-03", CLEAN, "plain-amazon-link", "Shop the look https://www.amazon.ca/dp/B0C1234", set(), **EN),

    # --- CA-03B: affiliate jargon only
    post("CA-03B", RAISE, "lien-affilie", "Mes bottes d'hiver, lien affilié : https://rstyle.me/n/abc", {"CA-03B"}, **FR),
    post("CA-03B", RAISE, "affiliate-hashtag", "Desk setup 🖥️ https://amzn.to/3abc #affiliate", {"CA-03B"}, **EN),
    post("CA-03B", CLEAN, "explained", "Liens affiliés : je reçois une commission sur les achats https://rstyle.me/n/abc", set(), **FR),

    # --- CA-04 / CA-04-FR: vague, ambiguous or disguised labels
    post("CA-04", RAISE, "spon", "Game day fit 🏒 #spon #hockey", {"CA-04"}, **EN),
    post("CA-04", RAISE, "bare-ambassador", "Trail run with the crew #ambassador", {"CA-04"}, relationship="ambassador", **EN),
    post("CA-04", RAISE, "own-name-tag", "Trail day with the new pack 🎒 #JessXSorel", {"CA-04"}, relationship="paid", **EN),
    post("CA-04", RAISE, "thank-you-brand", "Huge thank you @rinkside.co for my new skates!!", {"CA-04"}, relationship="gifted", **EN),
    post("CA-04", RAISE, "cyrillic-a", "Loving this maple butter #аd", {"CA-04"}, **EN),
    post("CA-04", RAISE, "zero-width", "Loving this maple butter #a\u200bd", {"CA-04"}, **EN),
    post("CA-04", RAISE, "misspelt", "Loving this maple butter #sponsered", {"CA-04"}, **EN),
    post("CA-04", CLEAN, "thanks-for-free", "Thanks to @rinkside.co for the free skates! Honest review below", set(), **EN),
    post("CA-04", CLEAN, "thanks-a-friend", "Thank you @mybestie for the birthday cake 🎂", set(), **EN),
    post("CA-04", CLEAN, "brand-partner-tag", "#BorealStrideAmbassador Trail run with the crew", set(), relationship="ambassador", **EN),
    post("CA-04", CLEAN, "my-partner", "Date night with my partner at the cabin 🌲", set(), **EN),
    post("CA-04-FR", RAISE, "en-collaboration-avec", "Ma nouvelle tuque 🧶 en collaboration avec @lainesdunord", {"CA-04-FR"}, **FR),
    post("CA-04-FR", RAISE, "merci-marque", "Merci @lainesdunord pour cette belle tuque! 🧶", {"CA-04-FR"}, relationship="gifted", **FR),
    post("CA-04-FR", RAISE, "bare-ambassadrice", "Journée de ski parfaite #ambassadrice", {"CA-04-FR"}, relationship="ambassador", **FR),
    post("CA-04-FR", RAISE, "comandite-misspelt", "Ma nouvelle tuque 🧶 #comandité", {"CA-04-FR"}, **FR),
    post("CA-04-FR", RAISE, "cyrillic-p-in-pub", "Ma nouvelle tuque 🧶 #рub", {"CA-04-FR"}, **FR),
    post("CA-04-FR", CLEAN, "merci-maman", "Merci @maman pour cette tuque tricotée à la main 🧶", set(), **FR),
    post("CA-04-FR", CLEAN, "brand-bound-feminine", "#GlisseNordambassadrice Journée de ski parfaite", set(), relationship="ambassador", **FR),
    post("CA-04-FR", CLEAN, "brand-bound-partenaire", "#Mélèzepartenaire Ma crème pour l'hiver", set(), relationship="paid", **FR),

    # --- CA-04B: a denial beside a connection
    post("CA-04B", RAISE, "not-sponsored-affiliate", "Not sponsored, just obsessed 😍 https://amzn.to/3abc", {"CA-03", "CA-04B"}, **EN),
    post("CA-04B", RAISE, "pas-commandite-pantoute-gift", "Pas commandité pantoute, j'adore ce sirop 🍁", {"CA-01-FR", "CA-04B"}, relationship="gifted", **FR),
    post("CA-04B", RAISE, "denial-beside-label", "#pub honnêtement #pascommandité, je l'aurais acheté pareil", {"CA-04B"}, relationship="paid", **FR),
    post("CA-04B", RAISE, "ce-nest-pas-une-pub", "Ce n'est pas une pub, j'adore juste ce café ☕", {"CA-01-FR", "CA-04B"}, relationship="gifted", **FR),
    post("CA-04B", CLEAN, "pas-commandite-real", "Pas commandité pantoute, j'adore juste ma fromagerie du coin 🧀", set(), **FR),
    post("CA-04B", CLEAN, "not-an-ad-real", "This is NOT an ad, I just love my local bakery 🥐", set(), **EN),

    # --- CA-04C: gift or hosting hinted at
    post("CA-04C", RAISE, "hosted", "Three nights of bliss in Tofino 🌊 #hosted", {"CA-04C"}, **EN),
    post("CA-04C", CLEAN, "invited-guest", "#InvitedGuest Three nights of bliss in Tofino 🌊", set(), **EN),

    # --- CA-05A: after the fold
    post("CA-05A", RAISE, "instagram-long", "First ski day of the season ⛷️ I've been testing this jacket for three weeks and it kept me warm on every single lift ride up the mountain. #ad",
         {"CA-05A"}, platform="instagram", **EN),
    post("CA-05A", RAISE, "instagram-fourth-line", "Premier ski\n\njour 3\n#pub @skiboreal", {"CA-05A"}, platform="instagram", **FR),
    post("CA-05A", CLEAN, "first-line", "#pub Premier ski de la saison ⛷️ je teste ce manteau depuis trois semaines et il m'a gardée au chaud à chaque remontée.",
         set(), platform="instagram", **FR),

    # --- CA-05B: buried in a cluster of three or more tags
    post("CA-05B", RAISE, "cluster", "Powder day 🏔️ #skiing #whistler #ad #winter", {"CA-05B", "CA-05C"}, **EN),
    post("CA-05B", CLEAN, "labels-first", "#ad #pub #ski Journée de poudreuse 🏔️", set()),

    # --- CA-05C: after the caption's other hashtags (even two tags)
    post("CA-05C", RAISE, "two-tags", "Brunch dominical chez nous 🍁🥣 #déjeuner #pub", {"CA-05C"}, relationship="paid", **FR),
    post("CA-05C", RAISE, "words-between", "Mon #sérum préféré pour l'hiver, vraiment doux #pub", {"CA-05C"}, relationship="paid", **FR),
    post("CA-05C", CLEAN, "label-first", "#pub Brunch dominical #déjeuner", set(), relationship="paid", **FR),
    post("CA-05C", CLEAN, "labels-before-labels", "#ad #pub Brunch dominical 🍁 #déjeuner", set(), relationship="paid"),
    post("CA-05C", CLEAN, "after-a-mention-only", "Mon sérum préféré de @marque #pub", set(), relationship="paid", **FR),
    post("CA-05C", CLEAN, "phrase-label", "Sponsored by @maplecup: loving #matcha season ☕", set(), relationship="paid", **EN),
    post("CA-05C", CLEAN, "number-sign", "My #1 winter serum #ad", set(), relationship="paid", **EN),

    # --- CA-05D/E/F: video and stories
    post("CA-05D", RAISE, "overlay-without-label", "#ad my morning skate", {"CA-05D"}, format="reel", overlay="6am at the rink ⛸️",
         transcript="This video is sponsored by Rinkside.", **EN),
    post("CA-05E", RAISE, "transcript-silent", "#pub je teste la tuque", {"CA-05E"}, format="video",
         transcript="Salut tout le monde, aujourd'hui je teste la tuque.", **FR),
    post("CA-05E", CLEAN, "spoken-in-french", "#pub je teste la tuque", set(), format="video",
         transcript="Salut, cette vidéo est commanditée par Laines du Nord.", **FR),
    post("CA-05F", RAISE, "one-frame-bare", "lien en bio", {"CA-05F"}, format="story", sponsored=True,
         overlay=["#pub mon mélangeur", "smoothie 🍓"], **FR),

    # --- CA-05G / CA-05H: the language of the label
    post("CA-05G", RAISE, "french-post-ad", "#ad Mon nouveau sérum préféré pour l'hiver ❄️", {"CA-05G"}, **FR),
    post("CA-05G", RAISE, "french-post-sponsored-by", "Sponsored by @lainesdunord : ma tuque préférée 🧶", {"CA-05G"}, **FR),
    post("CA-05G", RAISE, "french-story-english-frames", "lien en bio", {"CA-05G"}, format="story", sponsored=True,
         overlay=["#ad mon mélangeur", "#ad smoothie 🍓"], **FR),
    post("CA-05G", CLEAN, "bilingual-labels", "#ad #pub Mon nouveau sérum préféré ❄️", set(), **FR),
    post("CA-05G", CLEAN, "english-post", "#ad My new favourite winter serum ❄️", set(), **EN),
    post("CA-05H", RAISE, "english-post-pub", "#pub My new favourite winter serum ❄️", {"CA-05H"}, **EN),
    post("CA-05H", RAISE, "english-post-commandite", "#commandité My new favourite winter serum ❄️", {"CA-05H"}, **EN),
    post("CA-05H", CLEAN, "pub-trivia", "Pub trivia night with the crew 🍻 we came second!", set(), **EN),
    post("CA-05H", CLEAN, "pubg", "Late-night #pubg grind with the squad 🎮", set(), **EN),

    # --- CA-07A: disease claims
    post("CA-07A", RAISE, "cured-eczema", "#ad This balm cured my eczema in a week 🌿", {"CA-07A"}, relationship="paid", **EN),
    post("CA-07A", RAISE, "inhaler", "#ad I don't need my asthma inhaler anymore since this tea", {"CA-07A"}, relationship="paid", **EN),
    post("CA-07A", RAISE, "stopped-her-meds", "#ad She stopped her meds after two weeks on these drops", {"CA-07A"}, relationship="paid", **EN),
    post("CA-07A", RAISE, "guerit-accent", "#pub Cette tisane guérit l'anxiété 🍵", {"CA-07A"}, relationship="paid", **FR),
    post("CA-07A", RAISE, "guerit-no-accent", "#pub Cette tisane guerit l'eczema 🍵", {"CA-07A"}, relationship="paid", **FR),
    post("CA-07A", RAISE, "plus-besoin-pompes", "#pub Plus besoin de mes pompes pour l'asthme depuis ce sirop", {"CA-07A"}, relationship="paid", **FR),
    post("CA-07A", RAISE, "arreter-traitement", "#pub Ma mère a arrêté son traitement grâce à ces gouttes", {"CA-07A"}, relationship="paid", **FR),
    post("CA-07A", CLEAN, "negated-en", "#ad No supplement is going to cure anxiety, but this tea is my calm ritual", set(), relationship="paid", **EN),
    post("CA-07A", CLEAN, "negated-aucun", "#pub Aucun supplément ne guérit l'anxiété, mais cette tisane m'aide à décrocher", set(), relationship="paid", **FR),
    post("CA-07A", CLEAN, "negated-quebec-pas", "#pub Ça guérit pas l'anxiété, mais ça goûte bon", set(), relationship="paid", **FR),
    post("CA-07A", CLEAN, "quoted-criticism", "#pub Une tisane qui « guérit le diabète », ben voyons donc. Celle-ci goûte juste bon", set(), relationship="paid", **FR),
    post("CA-07A", CLEAN, "personal-post", "Ma tante jure que son thé guérit son arthrite 😂", set(), **FR),

    # --- CA-07B: income claims
    post("CA-07B", RAISE, "made-last-month", "#ad I made $9,200 last month from my phone with @glowteam 💸", {"CA-07B"}, relationship="paid", **EN),
    post("CA-07B", RAISE, "quitting-9-5", "#ad Quitting my 9-5 was the best call, DM me to join 💸", {"CA-07B"}, relationship="paid", **EN),
    post("CA-07B", RAISE, "en-dormant", "#pub Je fais 8 000 $ par mois en dormant grâce à cette équipe", {"CA-07B"}, relationship="paid", **FR),
    post("CA-07B", RAISE, "adverb-before-figure", "#pub Grâce à cette formation je fais maintenant 6 500 $ par mois", {"CA-07B"}, relationship="paid", **FR),
    post("CA-07B", RAISE, "liberte-financiere", "#pub La liberté financière, c'est possible avec mon équipe 💸", {"CA-07B"}, relationship="paid", **FR),
    post("CA-07B", CLEAN, "typical-earnings", "#ad I made $9,200 last month; the median member earned $212 last year", set(), relationship="paid", **EN),
    post("CA-07B", CLEAN, "personal-milestone", "J'ai enfin remboursé ma carte de crédit, fière de moi 💪", set(), **FR),

    # --- CA-07C: promised returns
    post("CA-07C", RAISE, "guaranteed-returns", "#ad This crypto app gives guaranteed 20% returns 🚀", {"CA-07C"}, relationship="paid", **EN),
    post("CA-07C", RAISE, "rendement-garanti", "#pub Placement crypto avec rendement garanti 📈", {"CA-07C"}, relationship="paid", **FR),
    post("CA-07C", RAISE, "zero-risque", "#pub Investir en crypto, zéro risque 🚀", {"CA-07C"}, relationship="paid", **FR),
    post("CA-07C", CLEAN, "can-lose", "#pub Un placement reste risqué : tu peux perdre ton argent 📈", set(), relationship="paid", **FR),
    post("CA-07C", CLEAN, "no-financial-product", "#ad Zero risk of frostbite with these mitts 🧤", set(), relationship="paid", **EN),
]


@pytest.mark.parametrize(("rule", "kind", "text", "fields", "expect"), CASES)
def test_rule(rule: str, kind: str, text: str, fields: dict, expect: set[str]) -> None:
    assert (rule in expect) == (kind == RAISE)
    got = rules_of(text, **fields)
    assert got == expect, [(f.rule, text[f.start:f.end]) for f in lint(text, **fields)]


def test_english_fix_inserts_ad() -> None:
    (finding,) = lint("Cozy Sunday with my new favourite tea 🍵", relationship="paid", **EN)
    assert finding.rule == "CA-01" and finding.fix is not None and finding.fix.replacement == "#ad "


def test_french_post_gets_no_english_fix() -> None:
    (finding,) = lint("Mon déjeuner préféré du dimanche 🥞", relationship="paid", **FR)
    assert finding.rule == "CA-01-FR" and finding.fix is None
    (vague,) = lint("Ma nouvelle tuque 🧶 #comandité", **FR)
    assert vague.rule == "CA-04-FR" and vague.fix is None


def test_post_without_a_language_is_still_checked() -> None:
    # Too few letters to detect a language: the unscoped twin reports it.
    assert rules_of("🔥🔥 #ootd", sponsored=True) == {"CA-01-FR"}


def test_denial_span_points_at_the_words() -> None:
    text = "#pub honnêtement #pascommandité, je l'aurais acheté pareil"
    (finding,) = lint(text, relationship="paid", **FR)
    assert text[finding.start:finding.end] == "#pascommandité"


def test_language_is_detected_when_not_given() -> None:
    assert rules_of("#ad Mon nouveau sérum préféré pour l'hiver, il est vraiment doux et il sent bon") == {"CA-05G"}
    assert rules_of("#pub My new favourite winter serum, it is really gentle and smells lovely") == {"CA-05H"}


def test_decomposed_accent_is_not_a_disguise() -> None:
    assert rules_of("#commandite\u0301 Ma tuque préférée", relationship="paid", **FR) == set()
