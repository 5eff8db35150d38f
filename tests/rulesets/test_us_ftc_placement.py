"""Where the label sits: the platform fold (US-D-03) and hashtag clusters (US-D-04).

docs/annotation.md: the first accepted disclosure must start within the fold, counted in
characters from the start of the text (an emoji counts as one): Instagram 125 (and the first
3 lines), TikTok 100, YouTube 100, Facebook 125, LinkedIn 140, X 280, Threads 500, Pinterest 50.
Blogs and other long-form text have no fold. A label is buried when it sits inside 3 or more
hashtags, mentions or links, unless it is the first token of the post.
"""

from __future__ import annotations

import pytest

from tests.rulesets.us_ftc_support import describe, finding, lint, rules, rules_of

FOLDS = {"instagram": 125, "tiktok": 100, "youtube": 100, "facebook": 125, "linkedin": 140,
         "x": 280, "threads": 500, "pinterest": 50}

FILLER = ("Okay so I finally tried the overnight oats everyone keeps posting 🥣 and honestly? life changing. "
          "Chia, oat milk, a spoon of peanut butter, frozen berries, done. Meal prep Sunday just got so much "
          "easier and my 7am self is grateful. Also the jar is cute, which matters. Recipe card in the next "
          "slide, save it for later!! Tag a friend who skips breakfast. Next week: savoury oats with miso, "
          "spring onion and a jammy egg, which sounds wrong but trust me. Drop your weirdest oat topping "
          "below and I will try the top three on stories 👇 ")


def caption_with_label_at(offset: int, label: str = "#ad") -> str:
    """A one-line caption whose label starts at character `offset` (0-based), after a space."""
    assert offset < len(FILLER)
    return FILLER[: offset - 1] + " " + label + " @oatly.jars 🫐"


# --- The fold, platform by platform


@pytest.mark.parametrize("platform", FOLDS)
def test_label_just_inside_the_fold_is_fine(platform):
    text = caption_with_label_at(FOLDS[platform] - 1)
    assert "US-D-03" not in rules_of(text, platform=platform)


@pytest.mark.parametrize("platform", FOLDS)
def test_label_just_past_the_fold_is_placement(platform):
    text = caption_with_label_at(FOLDS[platform])
    hit = finding(text, "US-D-03", platform=platform)
    assert hit.category == "disclosure.placement"
    assert text[hit.start:hit.end] == "#ad"
    assert platform in hit.message and str(FOLDS[platform]) in hit.message


def test_instagram_past_125_characters():
    text = ("Golden hour in Joshua Tree 🌵🌅 we drove three hours for this light and I'd do it again tomorrow. "
            "Wearing the new linen set, so breezy.\nPaid partnership with @dunewear")
    assert text.index("Paid") > 125 and text.count("\n") == 1
    hit = finding(text, "US-D-03", platform="instagram")
    assert text[hit.start:hit.end] == "Paid partnership"
    assert f"character {hit.start + 1}" in hit.message and "line 2" in hit.message


def test_instagram_label_on_line_4_of_a_short_caption():
    text = "new nails 💅\nchrome era\nobsessed\n#ad @nailbar.co"
    assert len(text) < 60
    hit = finding(text, "US-D-03", platform="instagram")
    assert text[hit.start:hit.end] == "#ad"
    assert hit.line == 4 and hit.column == 1
    assert "line 4" in hit.message


def test_instagram_label_on_line_3_is_fine():
    assert lint("new nails 💅\nchrome era\n#ad @nailbar.co", platform="instagram") == []


def test_line_limit_is_instagram_only():
    assert lint("new nails 💅\nchrome era\nobsessed\n#ad @nailbar.co", platform="tiktok") == []


def test_tiktok_past_100():
    text = ("day 3 of learning to skateboard at 32 🛹 fell twice, landed one ollie, neighbours clapped, "
            "knees are purple. worth it #ad @decklab")
    assert text.index("#ad") > 100
    assert rules_of(text, platform="tiktok") == {"US-D-03"}


def test_youtube_description_past_100():
    text = ("In this video I rebuild my 2012 road bike from the frame up 🚲 new drivetrain, new wheels, new bar tape, "
            "and one very stubborn bottom bracket.\n\nThis video is sponsored by @gearhub")
    assert text.index("This video is sponsored") > 100
    hit = finding(text, "US-D-03", platform="youtube", format="video")
    assert text[hit.start:hit.end].lower().startswith("this video is sponsored")


def test_x_long_post_past_280():
    text = ("Thread on why I switched my whole team to a 4-day week 🧵 Productivity went up, sick days went down, "
            "and nobody misses Friday standups. The hard part was client expectations: we moved support to a "
            "rota, wrote a clear SLA, and told every account manager a month ahead. Six months in, churn is "
            "flat and hiring is easier than ever. #ad @workwell")
    assert text.index("#ad") > 280
    assert rules_of(text, platform="x") == {"US-D-03"}


def test_x_270_character_tweet_with_ad_at_the_end_is_fine():
    text = ("Switched my whole team to a 4-day week six months ago 🧵 productivity up, sick days down, nobody "
            "misses Friday standups, and hiring got so much easier. Biggest lesson: tell clients early and write "
            "a clear support rota. Would do it again tomorrow, no question at all 🙌 #ad")
    assert len(text) == 270 and text.endswith("#ad")
    assert lint(text, platform="x") == []


def test_blog_post_with_a_late_label_is_not_a_fold_problem():
    text = ("# My 30-day cold plunge experiment 🧊\n\n" + FILLER * 3
            + "\n\nThis post is sponsored by @arcticbath, who lent me the tub for the month.")
    assert text.index("sponsored") > 500
    assert lint(text, platform="blog", format="article") == []


def test_no_platform_no_fold():
    assert lint(caption_with_label_at(300)) == []


def test_fold_is_judged_on_the_first_accepted_label():
    early = "#ad " + caption_with_label_at(200, "#sponsored")
    assert lint(early, platform="instagram") == []


def test_vague_label_past_the_fold_is_unclear_not_placement():
    text = caption_with_label_at(200, "#spon")
    assert rules_of(text, platform="instagram") == {"US-D-02"}


def test_emoji_counts_as_one_character_within_the_fold():
    # Single-code-point emoji: code points and characters agree.
    text = "Beach day " + "🌊" * 90 + " sandcastle champs #ad"
    assert text.index("#ad") < 125
    assert lint(text, platform="instagram") == []


def test_zwj_emoji_count_as_one_character_for_the_fold():
    text = ("Family beach day 👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦🏖️🏖️☀️☀️🌊🌊🏄‍♀️🏄‍♀️ the kids built a "
            "sandcastle taller than me and we ate way too much ice cream #ad @sunnysips")
    assert len(text) > 125 + 3 and text.index("#ad") > 125
    assert lint(text, platform="instagram") == []


# --- Hashtag clusters


def test_label_buried_in_a_hashtag_block():
    text = "Leg day done 🏋️‍♀️ new PR on squats!!\n#gymtok #legday #ad #fitfam #protein"
    hit = finding(text, "US-D-04")
    assert text[hit.start:hit.end] == "#ad"
    assert hit.category == "disclosure.placement"


def test_label_at_the_end_of_a_tag_block():
    text = "Leg day done 🏋️‍♀️ new PR on squats!! #gymtok #legday #sponsored"
    hit = finding(text, "US-D-04")
    assert text[hit.start:hit.end] == "#sponsored"


def test_cluster_of_mentions_and_a_link():
    text = "Leg day fuel 🥤 @fuelup @gymshark #ad https://fuelup.com/shake"
    assert rules_of(text) == {"US-D-04"}


def test_emoji_between_tags_does_not_break_a_cluster():
    text = "Leg day 🏋️‍♀️ #gymtok 💪 #ad 🔥 #legday"
    assert rules_of(text) == {"US-D-04"}


def test_label_as_the_very_first_token_is_fine():
    assert lint("#ad #gymtok #legday #fitfam new PR on squats 🏋️‍♀️") == []


def test_label_as_first_token_after_leading_whitespace_is_fine():
    assert lint("\n  #ad #gymtok #legday #fitfam new PR on squats 🏋️‍♀️") == []


def test_label_starting_a_later_tag_block_is_buried():
    text = "new PR on squats 🏋️‍♀️ so proud\n#ad #gymtok #legday #fitfam"
    assert rules_of(text) == {"US-D-04"}


def test_blank_line_separates_the_label_from_the_tag_block():
    text = "New PR on squats 🏋️‍♀️ thanks for the fuel @fuelup #ad\n\n#gymtok #legday #fitfam #protein"
    assert lint(text) == []


def test_blank_line_with_spaces_still_separates():
    text = "New PR on squats 🏋️‍♀️ #ad\n   \n#gymtok #legday #fitfam"
    assert lint(text) == []


def test_words_between_tags_break_the_cluster():
    assert lint("New PR 🏋️‍♀️ #gymtok and #ad for @fuelup, love it") == []


def test_two_tags_are_not_a_cluster():
    assert lint("New PR on squats 🏋️‍♀️ #ad #gymtok") == []


def test_one_clear_label_outside_the_cluster_is_enough():
    text = "New PR on squats 🏋️‍♀️ #gymtok #legday #ad\nSponsored by @fuelup, thanks for the shakes"
    assert lint(text) == []


def test_buried_and_past_the_fold_raise_both():
    text = FILLER[:160] + "\n#breakfast #oats #ad #mealprep"
    found = lint(text, platform="instagram")
    assert rules(found) == {"US-D-03", "US-D-04"}, describe(found, text)
    assert {text[f.start:f.end] for f in found} == {"#ad"}
