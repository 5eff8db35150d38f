"""Germany (rule set `de`): phrasing in German, Denglisch and transliterated German.

docs/annotation/de.md: only "Werbung" and "Anzeige" (and the platform's "Bezahlte
Werbepartnerschaft") label an ad, at the very start; "Kooperation", "PR-Sample", "gesponsert
von" or a plain explanation are unclear; English-only labels are the wrong language; words that
contain a label ("Bewerbung", "Werbungskosten", "Anzeige ist erstattet") are none; denials
("unbezahlte Werbung", "selbst gekauft") contradict a deal. Claims are judged in posts that
advertise, and not when negated or debunked.
"""

from __future__ import annotations

import functools
import unicodedata

import pytest

from compliance import Checker, Finding, Origin, Post, load_rulesets


@functools.cache
def _checker() -> Checker:
    return Checker(load_rulesets(("de",)))


def _post(text: str, transcript: object = None, overlay: object = (), **fields: object) -> Post:
    """A post for the German market; a transcript may be timed cues [(seconds, words), …]."""
    cue_times: tuple[tuple[int, float], ...] = ()
    if isinstance(transcript, list):
        lines, times, offset = [], [], 0
        for start, words in transcript:
            times.append((offset, float(start)))
            lines.append(words)
            offset += len(words) + 1
        transcript, cue_times = "\n".join(lines), tuple(times)
    frames = (overlay,) if isinstance(overlay, str) else tuple(overlay)
    return Post(text=text, id="<test>", origin=Origin("<test>"), market=("de",), transcript=transcript,
                cue_times=cue_times, overlay=frames, **fields)  # type: ignore[arg-type]


def lint(text: str, **fields: object) -> list[Finding]:
    return list(_checker().check(_post(text, **fields)).findings)


def rules_of(text: str, **fields: object) -> set[str]:
    return {f.rule for f in lint(text, **fields)}


def spans(text: str, rule: str, **fields: object) -> list[str]:
    return [text[f.start:f.end] for f in lint(text, **fields) if f.rule == rule]


# --- Accepted labels, at the start: nothing to report ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Werbung | Mein neuer Lieblingsduft von @scentco 😍",
    "WERBUNG\nMein neuer Lieblingsduft",
    "werbung: mein neuer Lieblingsduft",
    "#werbung Mein neuer Lieblingsduft",
    "#Anzeige Mein neuer Lieblingsduft",
    "[Werbung] Mein neuer Lieblingsduft",
    "(Anzeige) Mein neuer Lieblingsduft",
    "*Werbung* Mein neuer Lieblingsduft",
    "📢 WERBUNG 📢\nMein neuer Lieblingsduft",
    "Anzeige/Werbung Mein neuer Lieblingsduft",
    "Anzeige #ad | Mein neuer Lieblingsduft",
    "Werbung für @scentco: mein neuer Lieblingsduft",
    "Werbung (PR-Sample) – @scentco hat mir den Duft geschickt",
    "Werbung | *Affiliate-Links, ich bekomme eine Provision: https://amzn.to/3xYz12",
    "Bezahlte Werbepartnerschaft mit @scentco: mein neuer Lieblingsduft",
    "Dieses Video enthält Werbung für Scentco: mein neuer Lieblingsduft",
    "Dieses Video enthaelt Werbung für Scentco: mein neuer Lieblingsduft",
    "Das hier ist Werbung: mein neuer Lieblingsduft",
])
def test_accepted_label_at_the_start_is_clean(text):
    assert lint(text, relationship="paid", platform="instagram") == []


def test_own_label_said_in_words_is_enough_for_an_owner():
    assert lint("Der neue Drop meines eigenen Labels ist online 🖤", relationship="owner") == []
    assert lint("Werbung für mein eigenes Label 🖤 neuer Drop", relationship="owner") == []
    assert rules_of("Der neue Drop ist online 🖤 jetzt im Shop", relationship="owner") == {"DE-01"}


# --- Missing ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, fields", [
    pytest.param("Mein neuer Lieblingsduft 😍", {"relationship": "paid"}, id="paid"),
    pytest.param("Die Leggings sitzen perfekt 🔥 Rabattcode LISA15 für 15 %", {}, id="rabattcode"),
    pytest.param("Die Leggings sitzen perfekt 🔥 mit dem Code „LISA15“ spart ihr 15 %", {}, id="code-german-quotes"),
    pytest.param("Die Leggings sitzen perfekt 🔥 Gutscheincode: MAX20", {}, id="gutscheincode"),
    pytest.param("Meine Kamera: https://www.amazon.de/dp/B0C1234?tag=techtobi-21", {}, id="amazon-tag"),
    pytest.param("Alle Teile hier: https://shop.example.de/p/123?ref=lisa", {}, id="ref-parameter"),
    pytest.param("Das schönste Geschirr 😍 @toepferei macht alles richtig, hier bestellen: www.toepferei.de/shop", {},
                 id="presumption-tag-shop-praise"),
])
def test_connection_without_label_is_missing(text, fields):
    assert rules_of(text, **fields) == {"DE-01"}


def test_missing_label_fix_inserts_werbung():
    (finding,) = lint("Mein neuer Lieblingsduft 😍", relationship="paid")
    assert finding.fix is not None and finding.fix.replacement == "Werbung: "


def test_complaint_with_tag_and_link_is_no_presumed_ad():
    text = "@modemarkt meine Jacke ist nach zwei Wochen kaputt, Reklamation läuft https://modemarkt.de/shop/jacke"
    assert lint(text) == []


def test_brand_own_channel_with_code_needs_no_label():
    assert lint("Frühjahrs-Sale! Mit dem Code FRUEHLING20 spart ihr 20 %", relationship="advertiser") == []


# --- Look-alikes: words that contain a label are none ---------------------------------------------

LOOKALIKES = [
    pytest.param("Meine Bewerbung ist raus, drückt mir die Daumen! #bewerbung", id="bewerbung"),
    pytest.param("Fahrtkosten könnt ihr als Werbungskosten absetzen #werbungskosten", id="werbungskosten"),
    pytest.param("Fahrrad geklaut 😡 Anzeige ist erstattet, Rahmennummer hab ich", id="anzeige-erstattet"),
    pytest.param("Die Anzeigetafel am Hbf: 40 Minuten Verspätung 🙃", id="anzeigetafel"),
    pytest.param("Die Anzeige meiner Waage zeigt nur noch „Err“ 🙃", id="anzeige-waage"),
    pytest.param("Bester Fund auf Kleinanzeigen: ein Vintage-Sessel 🪑", id="kleinanzeigen"),
    pytest.param("Sonntagslauf in den alten #adidas 😂 #adventure", id="adidas-adventure"),
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalike_on_organic_post_is_clean(text):
    assert lint(text) == []


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalike_on_paid_post_is_no_label(text):
    assert rules_of(text, relationship="paid") == {"DE-01"}


@pytest.mark.parametrize("text", [
    "Werbung für Pizza um 23 Uhr sollte verboten werden. Jetzt lieg ich hier 🍕",
    "Diese ständige #werbung für Abnehmtees nervt so 🙄",
    "Die Medienanstalten erinnern: Posts müssen mit „Werbung“ oder „Anzeige“ gekennzeichnet werden.",
    "Unsere Schule startet eine Kooperation mit dem Sportverein ⚽",
    "TV-Werbung mit Ohrwurm, ich werd verrückt",
])
def test_advertising_as_a_topic_is_no_label_and_no_deal(text):
    assert lint(text) == []


# --- Unclear: vague, explained, disguised ---------------------------------------------------------

@pytest.mark.parametrize("text, label", [
    ("#kooperation Mein neues Serum ✨", "#kooperation"),
    ("In Kooperation mit @glow.co: mein neues Serum ✨", "In Kooperation mit @glow.co"),
    ("in Zusammenarbeit mit @glowco: mein neues Serum", "in Zusammenarbeit mit @glowco"),
    ("Kooperation | mein neues Serum", "Kooperation"),
    ("Gesponsert von @reisekasse.de: mein Budget-Breakdown", "Gesponsert von @reisekasse.de"),
    ("Festival-Vlog powered by @hopfenwerk 🍻", "powered by @hopfenwerk"),
    ("#markenbotschafterin Trainingstag mit @laufheld", "#markenbotschafterin"),
    ("Danke @kaffeeroesterei für den Kaffee ☕", "Danke @kaffeeroesterei"),
    ("#collab neues Serum", "#collab"),
])
def test_vague_label_is_unclear(text, label):
    assert spans(text, "DE-02", relationship="paid") == [label]
    assert "DE-01" not in rules_of(text, relationship="paid")


@pytest.mark.parametrize("text", [
    "Das Produkt wurde mir kostenlos von @zahnweiss.de zur Verfügung gestellt.",
    "Das Produkt wurde mir kostenlos zur Verfuegung gestellt.",
    "PR-Sample von @glowkitchen 💛 Textur und Geruch",
    "@reisezug.eu hat mich nach Wien eingeladen 🚆",
    "Drei Tage Wien auf Einladung von @hotelsacher 🏨",
    "Meine Pfanne https://www.amazon.de/dp/B07?tag=kochliebe-21 *Affiliate-Link",
    "Danke für das Paket @kaffeeroesterei ☕",
])
def test_explanation_without_label_is_unclear(text):
    assert rules_of(text) == {"DE-03"}


@pytest.mark.parametrize("text, typed", [
    ("#wеrbung Meine Morgenroutine", "#wеrbung"),  # Cyrillic е
    ("Wer\u200bbung | Die neue Kollektion", "Wer\u200bbung"),  # zero-width space
    ("ᵂᵉʳᵇᵘⁿᵍ Mein neues Parfum", "ᵂᵉʳᵇᵘⁿᵍ"),  # superscript letters
    ("#werbunq Der beste Matcha", "#werbunq"),  # one letter off
    ("#anzeig Der beste Matcha", "#anzeig"),
])
def test_disguised_or_misspelt_label_is_unclear_at_what_was_typed(text, typed):
    assert spans(text, "DE-02", relationship="paid") == [typed]


def test_decomposed_umlaut_is_the_same_word():
    text = unicodedata.normalize("NFD", "Das Produkt wurde mir kostenlos zur Verfügung gestellt.")
    assert rules_of(text) == {"DE-03"}


# --- Language ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "#ad Mein neuer Lieblingsrucksack von @wanderlust 🎒",
    "#sponsored Das ist der Grund, warum ich nie ohne Packwürfel verreise",
    "Ad | okay leute mein current skincare game 🧴",
    "Sponsored Die neuen Kopfhörer von @sonix",
    "Paid partnership with @stadtrad: so komm ich zur Arbeit",
    "Mein Fazit zur Smartwatch von @pulsara ⌚ Advertisement",
])
def test_english_only_label_is_the_wrong_language(text):
    assert rules_of(text, relationship="paid") == {"DE-04"}


def test_english_only_labels_on_every_story_frame_are_the_wrong_language():
    found = rules_of("#ad Pizza-Abend", relationship="paid", format="story", overlay=["#ad Pizza", "#ad Code OFEN10"])
    assert found == {"DE-04"}


# --- Placement --------------------------------------------------------------------------------------

def test_label_after_a_hook_fails_even_on_the_first_line():
    text = "Neuer Lieblingsduft 😍 #werbung @scentco hat mir die Edition geschickt"
    assert spans(text, "DE-06", relationship="gifted", platform="instagram") == ["#werbung"]


def test_label_at_the_end_of_a_short_x_post_fails():
    text = "Die neuen Kopfhörer von @klangraum sind ein Gamechanger 🎧 #werbung"
    assert rules_of(text, relationship="paid", platform="x") == {"DE-06"}


def test_label_after_the_fold_is_reported_once():
    text = ("Lissabon, ich bin verliebt 💛 Vier Tage Sonne, Pastéis de Nata zum Frühstück und Abende mit Fado "
            "in der Alfama. Den ganzen Reiseguide findet ihr in meinen Highlights!\n\nAnzeige – Reise auf Einladung von @lusoreisen")
    assert rules_of(text, relationship="gifted", platform="instagram") == {"DE-05"}


def test_label_buried_in_closing_hashtags_is_placement_not_unclear():
    text = "In Kooperation mit @velomanufaktur 🚲 Mein neues Lastenrad\n\n#lastenrad #familienleben #hamburg #werbung"
    found = rules_of(text, relationship="paid", platform="instagram")
    assert "DE-07" in found and found <= {"DE-05", "DE-06", "DE-07"}


def test_label_first_then_hashtags_is_fine():
    assert lint("#werbung #gym #proteinriegel Die ersten Riegel, die nicht nach Pappe schmecken", relationship="paid") == []


def test_story_frame_without_label():
    found = lint("Werbung | Küchen-Makeover", relationship="paid", format="story",
                 overlay=["Werbung | Tag 1", "Vorher 😬", "Nachher 😍 Werbung"])
    assert [(f.rule, f.message.split(" has")[0]) for f in found] == [("DE-08", "Story frame 2 of 3")]


def test_caption_label_does_not_cure_an_unlabelled_video():
    assert rules_of("Werbung | 3 Outfits, 1 Blazer", relationship="paid", format="reel",
                    overlay="3 Outfits mit nur einem Blazer") == {"DE-09"}


def test_spoken_label_only_at_the_end_fails():
    cues = [(0, "Servus und willkommen zurück!"), (598, "Danke an Voltara, das war also Werbung.")]
    assert rules_of("Werbung | Sechs Monate E-Auto", sponsored=True, format="video", transcript=cues) == {"DE-11"}


def test_spoken_label_in_the_first_cue_is_fine():
    cues = [(0, "Moin! Vorweg: Dieses Video enthält Werbung für Radwerk Nord."), (1880, "Das war's.")]
    assert lint("[Werbung] 600 km Ostsee-Radweg", sponsored=True, format="video", transcript=cues) == []


def test_video_that_never_says_it():
    assert rules_of("Werbung | Test", relationship="paid", format="video",
                    transcript="Hallo zusammen, heute teste ich die neuen Kopfhörer.") == {"DE-10"}


def test_label_pointed_elsewhere():
    assert rules_of("Neue Sneaker 👟 Infos zur Kooperation in der Bio") == {"DE-13"}
    assert lint("Werbung | Neue Sneaker 👟 mehr in der Bio", relationship="paid") == []


# --- Denials -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, denial", [
    ("Unbezahlte Werbung ✨ Die neue Sonnencreme von @sonnenfreund", "Unbezahlte Werbung"),
    ("Keine Werbung, hab ich alles selbst gekauft 😇 Kerzen von @lichtblick", "Keine Werbung"),
    ("Werbung | 30 Tage Yoga mit @flowmat #nichtgesponsert", "#nichtgesponsert"),
    ("Werbung | mein Mixer, not sponsored lol", "not sponsored"),
])
def test_denial_on_a_paid_post_is_a_contradiction(text, denial):
    found = lint(text, relationship="paid")
    assert {f.rule for f in found} == {"DE-12"}
    assert [text[f.start:f.end] for f in found] == [denial]


@pytest.mark.parametrize("fields", [{"relationship": "none"}, {}])
def test_unpaid_over_labelling_is_harmless(fields):
    assert lint("Unbezahlte Werbung wegen Markennennung 🙄 Mein Lieblingscafé: @kaffeeklappe", **fields) == []


def test_self_bought_with_affiliate_link_contradicts():
    assert rules_of("Selbst gekauft und geliebt 😍 https://amzn.to/3abc") == {"DE-12"}


# --- Claims -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Werbung | Diese Creme hat meine Rosazea in 7 Tagen geheilt 🌿",
    "Werbung | Seit den Kapseln ist mein Reizdarm komplett geheilt 🙏",
    "Werbung | Unser Tee schützt dich und deine Familie zuverlässig vor Grippe und Erkältung",
    "Werbung | Unser Tee schuetzt zuverlaessig vor Erkaeltung",
    "Werbung | Mit den Sticks brauch ich keine Migräne-Tabletten mehr 😍",
    "Werbung | Mit den Sticks brauch ich keine Migraene-Tabletten mehr",
])
def test_disease_claim_in_an_ad(text):
    assert rules_of(text, relationship="paid") == {"DE-14"}


@pytest.mark.parametrize("text, fields", [
    pytest.param("Werbung | Kein Tee heilt Rosazea, aber dieser schmeckt gut", {"relationship": "paid"}, id="negated"),
    pytest.param("Werbung | Dieser Tee heilt natürlich keine Rosazea", {"relationship": "paid"}, id="negated-after"),
    pytest.param("Auf TikTok geht ein Tee viral, der angeblich Neurodermitis heilt. Leute, nein.", {"relationship": "none"},
                 id="debunking-organic"),
    pytest.param("Werbung | Ein Tee, der angeblich Neurodermitis heilt? Quatsch. Dieser schmeckt einfach.", {"relationship": "paid"},
                 id="debunking-in-ad"),
    pytest.param("Werbung | Vitamin D trägt zur Erhaltung normaler Knochen und zu einer normalen Funktion des Immunsystems bei.",
                 {"relationship": "paid"}, id="authorised-wording"),
    pytest.param("Dieser Tee hat meine Rosazea geheilt, lol", {"relationship": "none"}, id="not-an-ad"),
])
def test_no_disease_claim(text, fields):
    assert "DE-14" not in rules_of(text, **fields)


def test_medicine_indication_is_no_disease_claim_but_needs_the_mandatory_text():
    text = "Kopfwohl Akut 400 gegen Kopfschmerzen, Wirkstoff Ibuprofen. Jetzt in deiner Apotheke."
    assert rules_of(text, relationship="advertiser") == {"DE-21"}
    full = text + " Zu Risiken und Nebenwirkungen lesen Sie die Packungsbeilage und fragen Sie Ihre Ärztin, Ihren Arzt oder in Ihrer Apotheke."
    assert lint(full, relationship="advertiser") == []
    older = text + " Zu Risiken und Nebenwirkungen lesen Sie die Packungsbeilage und fragen Sie Ihren Arzt oder Apotheker."
    assert lint(older, relationship="advertiser") == []


def test_mandatory_text_only_in_the_caption_of_an_influencer_reel():
    text = ("Werbung | Kopfwohl Akut 400 rettet meinen Bürotag. Zu Risiken und Nebenwirkungen lesen Sie die "
            "Packungsbeilage und fragen Sie Ihre Ärztin, Ihren Arzt oder in Ihrer Apotheke.")
    found = rules_of(text, relationship="paid", format="reel", overlay="Werbung | Kopfwohl Akut 400",
                     transcript="Das hier ist Werbung. Kopfwohl Akut 400 rettet meinen Bürotag.")
    assert found == {"DE-22", "DE-23"}


@pytest.mark.parametrize("text", [
    "Werbung | -6 kg in 2 Wochen mit den Shakes von @slimsip 😱",
    "Werbung | Mit dem Detox-Tee purzeln 5 Kilo in einem Monat",
    "Werbung | Dank der Kapseln 10 Kilo weniger!",
])
def test_weight_loss_amount_for_a_food(text):
    assert rules_of(text, relationship="paid") == {"DE-15"}


def test_weight_loss_without_a_food_or_without_an_ad_is_no_claim():
    assert lint("-8 kg seit Januar 💪 Kein Wundermittel: Kaloriendefizit und Krafttraining", relationship="none") == []
    assert "DE-15" not in rules_of("Werbung | 8 kg weniger mit Laufen, die Schuhe von @runfast halfen", relationship="paid")


@pytest.mark.parametrize("text, claim", [
    ("Werbung | Meine Sneaker sind mega umweltfreundlich 🌱", "umweltfreundlich"),
    ("Nachtzug ist einfach die klimafreundliche Art zu reisen!", "klimafreundliche"),
    ("Unser Sortiment ist klimaneutral – dank CO₂-Kompensation über Aufforstung.", "klimaneutral"),
    ("Unsere Becher sind 100 % biologisch abbaubar und die ökologische Alternative", "biologisch abbaubar"),
])
def test_generic_green_claim(text, claim):
    assert spans(text, "DE-16", relationship="advertiser")[:1] == [claim]


@pytest.mark.parametrize("text", [
    "Der Beutel besteht zu 80 % aus recyceltem Kunststoff – Deckel noch nicht, daran arbeiten wir ♻️",
    "Unser Bio-Hafer, zertifiziert nach EU-Öko-Verordnung, Kontrollstelle DE-ÖKO-006.",
    "Unser Reiniger trägt jetzt das EU Ecolabel (Lizenz DE/020/123) 🧽",
    "Seit dem 27. September sind Versprechen wie „umweltfreundlich“ in der Werbung verboten.",
    "Unsere neue Trinkflasche hält Getränke 24 Stunden kalt",
])
def test_no_green_claim(text):
    assert "DE-16" not in rules_of(text, relationship="advertiser")


def test_green_claim_in_a_personal_post_is_not_judged():
    assert lint("Nachtzug ist einfach die klimafreundliche Art zu reisen!", relationship="none") == []


def test_review_rules():
    assert rules_of("⭐⭐⭐⭐⭐ Hinterlasst uns eine 5-Sterne-Bewertung und bekommt euren Cappuccino aufs Haus!",
                    relationship="advertiser") == {"DE-17"}
    assert "DE-18" in rules_of("Werbung | Schreibt eine 5-Sterne-Bewertung – ihr müsst die Box dafür nicht mal probiert haben 😅",
                               relationship="paid")
    assert lint("Ihr habt unser Abo getestet? Wir freuen uns über eure ehrliche Bewertung – egal ob 2 oder 5 Sterne ☕",
                relationship="advertiser") == []


# --- Prohibited (outside the catalog) ---------------------------------------------------------------

@pytest.mark.parametrize("text, fields", [
    pytest.param("Werbung | Die neue Einweg-Vape von @cloudco in Mango 🥭", {"relationship": "paid"}, id="vape"),
    pytest.param("bestes Liquid 2026?? Watermelon von @dampfwerk https://dampfwerk-shop.de/?ref=jonas", {"relationship": "affiliate"},
                 id="liquid-in-a-vaping-post"),
    pytest.param("Anzeige | Feierabend: Tabakerhitzer statt Zigarette 😌", {"relationship": "paid"}, id="heated-tobacco"),
    pytest.param("Werbung | Abnehmspritze über @schlankdoc, Rezept kommt digital", {"relationship": "paid"}, id="rx"),
])
def test_prohibited_promotion(text, fields):
    assert any(f.category == "content.prohibited" for f in lint(text, **fields))


@pytest.mark.parametrize("text, fields", [
    pytest.param("Werbung | Die neue Liquid Foundation von @glowco ✨", {"relationship": "paid"}, id="liquid-foundation"),
    pytest.param("Werbung | Meine neuen AirPods klingen super", {"relationship": "paid"}, id="airpods"),
    pytest.param("3 Monate ohne Vape 🎉 die Rauchfrei-Beratung hat mir geholfen", {"relationship": "none"}, id="quitting"),
    pytest.param("Werbung | Mit den Pflastern von @nicostop endlich weg von Zigaretten", {"relationship": "paid"}, id="quit-aid"),
    pytest.param("Werbung | Das Nasenspray ist nicht verschreibungspflichtig", {"relationship": "paid"}, id="not-prescription"),
])
def test_no_prohibited_promotion(text, fields):
    assert not any(f.category == "content.prohibited" for f in lint(text, **fields))


# --- Hard negatives: words a lexicon knows, in another sense -------------------------------------

@pytest.mark.parametrize("text", [
    "Werbung | Testsieger bei Öko-Test: das Shampoo von @haarwerk",
    "Werbung | Haferflocken aus kontrolliert ökologischem Anbau von @kornliebe",
    "Werbung | Energieeffizienzklasse A, der neue Kühlschrank von @kaltwerk",
    "Werbung | Mit dem Dampfer über den Bodensee mit @bodenseeschiff",
    "Werbung | Waschmittel-Pods von @cleanco, und das Dampfbügeleisen dazu",
    "Werbung | Die Creme von @glowco wirkt wie Botox aus der Tube",
    "Werbung | Die Creme von @eucerin gibt es nur in der Apotheke",
])
def test_labelled_ad_with_lookalike_claim_words_is_clean(text):
    assert lint(text, relationship="paid") == []


@pytest.mark.parametrize("text", [
    "Kooperation mit dem TSV: ab sofort Schwimmtraining für alle",
    "Die Rechnung wurde bezahlt, endlich!",
    "Mit dem Code aus der Zeitung gab's 10 % im Zoo",
    "Zum Geburtstag hat mir meine Schwester Kekse geschickt 🍪",
])
def test_everyday_words_show_no_deal(text):
    assert lint(text) == []


def test_partnership_named_without_an_account_is_still_vague_on_a_post_with_a_deal():
    assert spans("In Kooperation mit Fjellgård Outdoor: unser Zelttest", "DE-02", relationship="gifted") == [
        "In Kooperation mit Fjellgård"]
