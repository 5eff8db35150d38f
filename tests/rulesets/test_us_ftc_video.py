"""Video, story and live surfaces: on-screen text (US-D-07), spoken words (US-D-08), story frames
(US-D-09) and repeated disclosure in live streams (US-D-10).

docs/annotation.md: for `reel`, `short`, `video` and `live`, a given overlay or transcript must
carry the disclosure; every frame of a story must; a live stream must repeat it. When there is no
disclosure anywhere, the post is `disclosure.missing`, not misplaced.
"""

from __future__ import annotations

import pytest

from tests.rulesets.us_ftc_support import describe, finding, lint, rules, rules_of

VIDEO_FORMATS = ["reel", "short", "video", "live"]


# --- US-D-07: on-screen text


@pytest.mark.parametrize("video_format", VIDEO_FORMATS)
def test_overlay_without_label_on_every_video_format(video_format):
    text = "#ad my 6am stretch flow ☀️🧘‍♀️ full product list below"
    found = lint(text, format=video_format, overlay="rise + stretch ☀️")
    assert rules(found) == {"US-D-07"}
    assert found[0].category == "disclosure.placement"
    assert (found[0].start, found[0].end) == (0, 0)


@pytest.mark.parametrize("video_format", ["feed", "story", "thread", "article"])
def test_overlay_rule_is_for_video_formats_only(video_format):
    assert "US-D-07" not in rules_of("#ad my 6am stretch flow ☀️", format=video_format, overlay="rise + stretch ☀️")


@pytest.mark.parametrize(
    "overlay",
    [
        "Ad · rise + stretch ☀️",
        "rise + stretch ☀️ #ad",
        "[Sponsored] rise + stretch",
        "paid partnership with @calmco",
        ["rise + stretch ☀️", "matcha time 🍵", "#CalmCoPartner"],
    ],
)
def test_overlay_with_label(overlay):
    assert lint("#ad my 6am stretch flow ☀️🧘‍♀️", format="reel", overlay=overlay) == []


def test_obfuscated_label_on_screen_is_not_an_on_screen_disclosure():
    assert rules_of("#ad my 6am stretch flow ☀️", format="reel", overlay="#\u0430d rise + stretch ☀️") == {"US-D-07"}


def test_no_overlay_given_nothing_to_judge():
    assert lint("#ad my 6am stretch flow ☀️", format="reel") == []


def test_no_disclosure_anywhere_is_missing_not_misplaced():
    found = lint("my 6am stretch flow ☀️🧘‍♀️", relationship="paid", format="reel", overlay="rise + stretch",
                 transcript="Good morning, let's start with some stretches.")
    assert rules(found) == {"US-D-01"}


def test_label_only_on_screen_is_enough_for_the_caption():
    assert lint("my 6am stretch flow ☀️🧘‍♀️", relationship="paid", format="reel", overlay="AD | rise + stretch ☀️") == []


# --- US-D-08: spoken words


def test_transcript_without_spoken_disclosure():
    text = "#ad 4 robot vacuums, 1 very messy kitchen 🤖🧹"
    transcript = ("Okay so today we're putting four robot vacuums head to head. Cereal test first, then dog hair, "
                  "then the dreaded rug fringe.")
    found = lint(text, format="video", platform="youtube", transcript=transcript)
    assert rules(found) == {"US-D-08"}
    assert found[0].category == "disclosure.placement"
    assert "transcript" in found[0].message


def test_transcript_cue_list_without_spoken_disclosure():
    cues = [{"start": 0, "text": "Okay, cereal test first."}, {"start": 42.5, "text": "Now the dog hair, yikes."}]
    assert rules_of("Sponsored by @robovac 🤖", format="short", transcript=cues) == {"US-D-08"}


@pytest.mark.parametrize(
    "transcript",
    [
        "Quick heads up, this video is sponsored by RoboVac. Okay, cereal test first.",
        "RoboVac sent me these for free to test, so keep that in mind. Cereal test first.",
        "I partnered with RoboVac on this one. Cereal test first.",
        ["Hey guys!", "Today's sponsor is RoboVac, link below.", "Cereal test first."],
    ],
)
def test_spoken_disclosure(transcript):
    assert lint("#ad I tested 4 robot vacuums 🤖🧹", format="video", transcript=transcript) == []


def test_spoken_disclosure_alone_is_not_missing():
    assert lint("I tested 4 robot vacuums 🤖🧹", relationship="paid", format="video",
                transcript="This video is sponsored by RoboVac. Cereal test first.") == []


def test_spoken_denial_is_a_contradiction_and_no_disclosure():
    found = lint("#ad I tested 4 robot vacuums 🤖🧹", format="video",
                 transcript="Not sponsored by the way, I just wanted to make this video.")
    assert rules(found) == {"US-D-08", "US-D-17"}
    denial = next(f for f in found if f.rule == "US-D-17")
    assert (denial.start, denial.end) == (0, 0)
    assert "in the transcript" in denial.message


def test_transcript_rule_is_for_video_formats_only():
    assert lint("#ad my kitchen tour 🍳", format="feed", transcript="Welcome to my kitchen.") == []


# --- US-D-09: story frames


def test_story_frame_without_label_names_the_frame():
    overlay = ["#ad my new air fryer 🍟", "crispy wings in 12 min 🔥", "Ad · recipe in bio 📌"]
    found = lint("swipe up 👆", format="story", platform="instagram", relationship="paid", overlay=overlay)
    assert rules(found) == {"US-D-09"}
    (hit,) = found
    assert "frame 2 of 3" in hit.message
    assert (hit.start, hit.end) == (0, 0)
    assert hit.category == "disclosure.placement"


def test_every_unlabelled_story_frame_is_reported():
    overlay = ["my new air fryer 🍟", "crispy wings 🔥", "#ad dinner is served 🍽️", "recipe in bio 📌"]
    found = lint("#ad swipe up 👆", format="story", overlay=overlay)
    assert [f.rule for f in found] == ["US-D-09"] * 3
    assert sorted(f.message.split(" has ")[0] for f in found) == [
        "Story frame 1 of 4", "Story frame 2 of 4", "Story frame 4 of 4"]


def test_story_with_every_frame_labelled():
    overlay = ["#ad my new air fryer 🍟", "Sponsored · crispy wings 🔥", "AD | recipe in bio 📌"]
    assert lint("swipe up 👆", format="story", relationship="paid", overlay=overlay) == []


def test_story_with_no_disclosure_anywhere_is_missing():
    found = lint("swipe up 👆", format="story", relationship="paid", overlay=["my new air fryer 🍟", "wings 🔥"])
    assert rules(found) == {"US-D-01"}


def test_story_frame_count_includes_frames_without_text():
    overlay = ["#ad my new air fryer 🍟", "", "crispy wings 🔥"]
    hits = [f for f in lint("swipe up 👆", format="story", relationship="paid", overlay=overlay) if f.rule == "US-D-09"]
    assert ["frame 2 of 3" in hits[0].message, "frame 3 of 3" in hits[1].message] == [True, True]


def test_story_frame_without_any_text_has_no_label():
    overlay = ["#ad my new air fryer 🍟", "", "#ad crispy wings 🔥"]
    hit = finding("swipe up 👆", "US-D-09", format="story", relationship="paid", overlay=overlay)
    assert "frame 2 of 3" in hit.message


# --- US-D-10: live streams


def cues(*spoken: tuple[float, str]) -> list[dict[str, object]]:
    return [{"start": start, "text": text} for start, text in spoken]


SPONSOR = "This stream is sponsored by Voltage Energy 🔋"
CHAT = "Okay chat, next round, let's go!"


def test_live_stream_with_a_gap_over_15_minutes():
    transcript = cues((0, "Welcome in! " + SPONSOR), (600, CHAT), (1500, CHAT), (2400, "GGs, good night 🌙"))
    found = lint("#ad LIVE now 🔴 ranked grind", format="live", platform="youtube",
                 transcript=transcript)
    assert rules(found) == {"US-D-10"}
    (hit,) = found
    assert "about 40 minutes" in hit.message and "every 15 minutes" in hit.message
    assert hit.severity.name == "WARNING" and (hit.start, hit.end) == (0, 0)


def test_live_stream_that_repeats_the_disclosure_in_time():
    transcript = cues((0, "Welcome in! " + SPONSOR), (480, CHAT), (840, "Reminder: " + SPONSOR),
                      (1500, CHAT), (1680, "Again, " + SPONSOR + ", link below."), (2400, "GGs, good night 🌙"))
    assert lint("#ad LIVE now 🔴 ranked grind", format="live", transcript=transcript) == []


def test_live_stream_whose_first_disclosure_comes_late():
    transcript = cues((0, "Welcome in, grab a snack."), (1200, SPONSOR), (1800, "Reminder: " + SPONSOR))
    hit = finding("#ad LIVE now 🔴", "US-D-10", format="live", transcript=transcript)
    assert "about 20 minutes" in hit.message


def test_gap_of_exactly_15_minutes_is_fine_one_second_more_is_not():
    exact = cues((0, SPONSOR), (900, "Reminder: " + SPONSOR), (1800, "GGs 🌙"))
    over = cues((0, SPONSOR), (900, "Reminder: " + SPONSOR), (1801, "GGs 🌙"))
    assert lint("#ad LIVE 🔴", format="live", transcript=exact) == []
    assert rules_of("#ad LIVE 🔴", format="live", transcript=over) == {"US-D-10"}


def test_plain_transcript_is_timed_by_words():
    chatter = "okay chat we are pushing into the next zone now, grab the loot and watch the left side. "
    once = SPONSOR + ". " + chatter * 160  # about 2,900 words: 19 minutes at 150 words a minute
    twice = SPONSOR + ". " + chatter * 80 + "Reminder: " + SPONSOR + ". " + chatter * 80
    assert rules_of("#ad LIVE 🔴", format="live", transcript=once) == {"US-D-10"}
    assert lint("#ad LIVE 🔴", format="live", transcript=twice) == []


def test_short_live_stream_said_once_is_fine():
    transcript = cues((0, "Welcome in! " + SPONSOR), (300, CHAT), (720, "That's it, quick one today 👋"))
    assert lint("#ad quick LIVE 🔴", format="live", transcript=transcript) == []


def test_live_stream_that_never_says_it_is_a_transcript_problem_not_a_repeat_problem():
    transcript = cues((0, "Welcome in!"), (1200, CHAT), (2400, "GGs 🌙"))
    found = lint("#ad LIVE now 🔴", format="live", transcript=transcript)
    assert rules(found) == {"US-D-08"}, describe(found, "#ad LIVE now 🔴")


@pytest.mark.parametrize("video_format", ["video", "reel", "short"])
def test_repeat_rule_is_for_live_streams_only(video_format):
    transcript = cues((0, SPONSOR), (1500, CHAT), (3000, "Thanks for watching 🙏"))
    assert lint("#ad highlights from last night 🔴", format=video_format, transcript=transcript) == []
