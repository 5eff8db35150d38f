"""`surface_disclosure` with `within_seconds` (US-D-08B): the first spoken disclosure must come
near the start. Timed by cue times, else at 150 words a minute."""

from __future__ import annotations

import json
import textwrap

import pytest

from compliance.rules.loader import load_rulesets
from compliance.rules.schema import InvalidRuleSet
from tests.rulesets.us_ftc_support import lint, rules

LABEL = "This video is sponsored by Sonix."


def words(n: int) -> str:
    return " ".join(["earbuds"] * n)


@pytest.mark.parametrize(("before", "reported"), [(74, False), (75, False), (76, True), (200, True)])
def test_plain_transcript_is_timed_at_150_words_a_minute(before, reported):
    # 75 words take 30 seconds: a disclosure that starts right after them is on time
    found = [f for f in lint("#ad new earbuds", format="video", transcript=f"{words(before)} {LABEL}") if f.rule == "US-D-08B"]
    assert bool(found) == reported
    if reported:
        assert f"about {round(before / 150 * 60)} seconds in" in found[0].message


def test_cue_times_give_the_seconds():
    cues = [{"start": 0, "text": words(200)}, {"start": 12, "text": LABEL}]  # many words, but said at 12 s
    assert lint("#ad new earbuds", format="video", transcript=cues) == []
    cues[1]["start"] = 31
    [finding] = lint("#ad new earbuds", format="video", transcript=cues)
    assert finding.rule == "US-D-08B"
    assert finding.message.startswith("The video first says it is sponsored about 31 seconds in")
    assert "within the first 30 seconds" in finding.message
    assert (finding.start, finding.end) == (0, 0)
    assert finding.category == "disclosure.placement"


def test_the_first_of_several_spoken_disclosures_counts():
    cues = [{"start": 0, "text": "Hey, " + LABEL}, {"start": 300, "text": "Again, " + LABEL}]
    assert lint("#ad new earbuds", format="video", transcript=cues) == []


def test_a_transcript_that_never_says_it_is_us_d_08_only():
    cues = [{"start": 0, "text": "Hey"}, {"start": 95, "text": "battery test"}]
    assert rules(lint("#ad new earbuds", format="video", transcript=cues)) == {"US-D-08"}


def test_no_connection_no_disclosure_no_finding():
    cues = [{"start": 0, "text": "Hey"}, {"start": 95, "text": "my own earbuds, bought them"}]
    assert lint("new earbuds", format="video", transcript=cues) == []


@pytest.mark.parametrize("fmt", ["feed", "story", "article"])
def test_only_for_video_formats(fmt):
    cues = [{"start": 0, "text": "Hey"}, {"start": 95, "text": LABEL}]
    assert "US-D-08B" not in rules(lint("#ad new earbuds", format=fmt, transcript=cues))


# --- the parameter in a rule set ----------------------------------------------------------

RULE_SET = """\
id: timing
version: "1"
extends: [us-ftc]
rules:
  - id: MY-D-08
    title: Spoken late
    category: disclosure.placement
    severity: warning
    kind: surface_disclosure
    params: {accepted: disclosures, surface: transcript, within_seconds: 10}
    message: "Said at {seconds} s, after {within_seconds} s."
    rationale: Because.
    examples:
      bad: [{text: "#ad hi", format: video, transcript: [{start: 0, text: "hi"}, {start: 11, text: "sponsored by Sonix"}]}]
      good: [{text: "#ad hi", format: video, transcript: [{start: 0, text: "hi"}, {start: 10, text: "sponsored by Sonix"}]}]
"""


def load(tmp_path, text: str):
    path = tmp_path / "timing.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_rulesets([str(path)])


def test_a_user_rule_with_its_own_threshold(tmp_path):
    (ruleset,) = load(tmp_path, RULE_SET)
    [rule] = [r for r in ruleset.rules if r.id == "MY-D-08"]
    assert rule.params.within_seconds == 10


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ("{accepted: disclosures, surface: overlay, within_seconds: 10}", "within_seconds applies only to surface: transcript"),
        ("{accepted: disclosures, surface: transcript, within_seconds: soon}", "must be a whole number of 0 or more or null"),
        ("{accepted: disclosures, surface: transcript, within_seconds: -5}", "must be a whole number of 0 or more or null"),
    ],
)
def test_bad_within_seconds_is_located(tmp_path, params, problem):
    text = RULE_SET.replace("{accepted: disclosures, surface: transcript, within_seconds: 10}", params)
    with pytest.raises(InvalidRuleSet) as caught:
        load(tmp_path, text)
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{tmp_path / 'timing.yaml'}:10: ") and problem in p for p in found), found


def test_null_within_seconds_is_the_plain_surface_rule(tmp_path):
    text = RULE_SET.replace("within_seconds: 10}", "within_seconds: null}").replace(
        '"Said at {seconds} s, after {within_seconds} s."', '"No {surface} disclosure."')
    (ruleset,) = load(tmp_path, text)
    [rule] = [r for r in ruleset.rules if r.id == "MY-D-08"]
    assert rule.params.within_seconds is None


def test_a_late_disclosure_in_a_caption_file_points_at_its_cue(tmp_path) -> None:
    from click.testing import CliRunner

    from compliance.cli import main

    captions = tmp_path / "video.vtt"
    captions.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHey, it's Theo, out for a long run.\n\n"
        "00:01:40.000 --> 00:01:44.000\nBy the way, this video is sponsored by Brinlo.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(captions), "--format", "json", "--fail-on", "never"], catch_exceptions=False)
    findings = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "US-D-08B"]
    assert len(findings) == 1
    assert (findings[0]["line"], findings[0]["column"]) == (7, 13)
    assert findings[0]["excerpt"] == "this video is sponsored"
    assert "100 seconds in" in findings[0]["message"]
