"""Caption files (.srt, .vtt): one post per file whose text and transcript are the spoken words,
with every text line mapped back to its cue line and column. Real files in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance import Checker
from compliance.model import InputError, Post
from compliance.sources import read_paths
from compliance.sources.captions import Cues, read_cues


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def read(path: Path) -> tuple[list[Post], list[InputError]]:
    items = list(read_paths([str(path)]))
    return [i for i in items if isinstance(i, Post)], [i for i in items if isinstance(i, InputError)]


def only_post(path: Path) -> Post:
    posts, errors = read(path)
    assert errors == [] and len(posts) == 1, (posts, errors)
    return posts[0]


def position(content: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based (line, column) of `needle` in a file's text, counted by hand (after a BOM)."""
    index = -1
    for _ in range(occurrence + 1):
        index = content.index(needle, index + 1)
    return content.count("\n", 0, index) + 1, index - (content.rfind("\n", 0, index) + 1) + 1


def locate(post: Post, needle: str) -> tuple[int, int]:
    return post.origin.locate(post.text, post.text.index(needle))


SRT = """\
1
00:00:00,000 --> 00:00:02,500
Hey everyone, welcome back!

2
00:00:02,500 --> 00:00:06,000
Today I'm testing these earbuds
  use code MAYA15 for 15% off

3
00:01:35,250 --> 00:01:40,000
This video is sponsored by Sonix.
"""


# --- SubRip -------------------------------------------------------------------------------


def test_srt_is_one_video_post_of_its_spoken_words(tmp_path):
    path = write(tmp_path / "earbuds.srt", SRT)
    post = only_post(path)
    text = ("Hey everyone, welcome back!\nToday I'm testing these earbuds\nuse code MAYA15 for 15% off\n"
            "This video is sponsored by Sonix.")
    assert post.text == text
    assert post.transcript == text
    assert post.cue_times == ((0, 0.0), (28, 2.5), (text.index("This video"), 95.25))
    assert post.format == "video"
    assert post.id == str(path)
    assert post.origin.path == str(path)


def test_srt_words_map_to_their_cue_line_and_column(tmp_path):
    post = only_post(write(tmp_path / "earbuds.srt", SRT))
    assert post.origin.lines == ((3, 1), (7, 1), (8, 3), (12, 1))
    for needle in ["welcome", "earbuds", "MAYA15", "sponsored"]:
        assert locate(post, needle) == position(SRT, needle), needle
    assert locate(post, "use") == (8, 3)  # the indent before it is not text, but counts in the column
    end = post.text.index("MAYA15") + len("MAYA15")
    assert post.origin.locate(post.text, end) == (8, 18)


def test_srt_tolerates_bom_crlf_trailing_spaces_missing_indexes_and_extra_blank_lines(tmp_path):
    content = (
        "\ufeff\r\n\r\n1\r\n00:00:01,000 --> 00:00:02,000   \r\nFirst cue   \r\n\r\n\r\n\r\n"
        "00:00:03,000 --> 00:00:04,000\r\nno index here #ad\r\n\r\n"
        "3  \r\n00:00:05,000-->00:00:06,000\r\nlast one\r\n\r\n\r\n"
    )
    path = write(tmp_path / "messy.srt", content)
    post = only_post(path)
    assert post.text == "First cue\nno index here #ad\nlast one"
    assert post.cue_times == ((0, 1.0), (10, 3.0), (28, 5.0))
    assert locate(post, "#ad") == position(content.removeprefix("\ufeff"), "#ad") == (10, 15)
    assert locate(post, "last") == (14, 1)


def test_srt_cue_without_a_blank_line_before_it_is_still_a_cue(tmp_path):
    content = "1\n00:00:01,000 --> 00:00:02,000\nfirst\n2\n00:00:03,000 --> 00:00:04,000\nsecond\n"
    post = only_post(write(tmp_path / "tight.srt", content))
    assert post.text == "first\nsecond"
    assert post.cue_times == ((0, 1.0), (6, 3.0))
    assert locate(post, "second") == (6, 1)


def test_srt_markup_is_not_spoken(tmp_path):
    content = "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Sponsored</i> by <font color=\"red\">Sonix</font>\n"
    post = only_post(write(tmp_path / "tags.srt", content))
    assert post.text == "Sponsored by Sonix"
    assert locate(post, "Sponsored") == (3, content.split("\n")[2].index("Sponsored") + 1)


def test_srt_text_that_merely_looks_like_a_tag_is_kept(tmp_path):
    content = "1\n00:00:01,000 --> 00:00:02,000\nI <3 this serum & 2 < 3\n"
    assert only_post(write(tmp_path / "heart.srt", content)).text == "I <3 this serum & 2 < 3"


@pytest.mark.parametrize(
    ("timing", "reason"),
    [
        ("00:00:03,000 -> 00:00:04,000", "expected '00:01:02,500 --> 00:01:05,000'"),
        ("00:00:03 --> 00:00:04", "expected '00:01:02,500 --> 00:01:05,000'"),
        ("00:00:03,000 --> ", "expected '00:01:02,500 --> 00:01:05,000'"),
        ("00:61:03,000 --> 00:62:04,000", "minutes and seconds must be below 60"),
        ("00:00:09,000 --> 00:00:04,000", "the cue ends before it starts"),
        ("00:00:03,000 to 00:00:04,000", "expected '00:01:02,500 --> 00:01:05,000'"),
    ],
)
def test_srt_malformed_timing_skips_that_cue_only(tmp_path, timing, reason):
    content = (
        "1\n00:00:01,000 --> 00:00:02,000\nbefore\n\n"
        f"2\n{timing}\nskipped words\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\nafter\n"
    )
    path = write(tmp_path / "bad.srt", content)
    posts, errors = read(path)
    [error] = errors
    assert (error.path, error.line) == (str(path), 6)
    assert error.message == f"malformed timing line '{timing.strip()}': {reason}; cue skipped"
    [post] = posts
    assert post.text == "before\nafter"
    assert post.cue_times == ((0, 1.0), (7, 5.0))
    assert locate(post, "after") == (11, 1)


def test_srt_cue_number_alone_and_text_outside_a_cue(tmp_path):
    content = (
        "stray words before any cue\n\n"
        "1\n00:00:01,000 --> 00:00:02,000\nkept\n\n"
        "2\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\nalso kept\n"
    )
    path = write(tmp_path / "stray.srt", content)
    posts, errors = read(path)
    assert [(e.line, e.message) for e in errors] == [
        (1, "expected a cue: a timing line such as '00:01:02,500 --> 00:01:05,000' (text outside a cue?); "
            "skipped to the next blank line"),
        (7, "cue 2 has no timing line; skipped"),
    ]
    assert [p.text for p in posts] == ["kept\nalso kept"]


def test_srt_cue_with_no_words_is_skipped_quietly(tmp_path):
    content = "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\n<i></i>\n\n3\n00:00:05,000 --> 00:00:06,000\nwords\n"
    post = only_post(write(tmp_path / "empty-cues.srt", content))
    assert post.text == "words"
    assert post.cue_times == ((0, 5.0),)


@pytest.mark.parametrize("content", ["", "\n\n  \n", "just some words\nno cues at all\n"])
def test_srt_with_no_cues(tmp_path, content):
    path = write(tmp_path / "none.srt", content)
    posts, errors = read(path)
    assert posts == []
    assert errors[-1].path == str(path)
    assert errors[-1].message.startswith("no cues: expected cues with a timing line such as '00:01:02,500 --> 00:01:05,000'")


def test_srt_not_utf8_and_binary(tmp_path):
    latin = write(tmp_path / "latin.srt", b"1\n00:00:01,000 --> 00:00:02,000\ncaf\xe9\n")
    binary = write(tmp_path / "binary.srt", b"\x00\x01\x02")
    assert [(e.line, "UTF-8" in e.message) for e in read(latin)[1]] == [(3, True)]
    assert ["binary" in e.message for e in read(binary)[1]] == [True]


# --- WebVTT -------------------------------------------------------------------------------

VTT = """\
WEBVTT - earbuds review
Kind: captions
Language: en

STYLE
::cue { color: yellow }

NOTE written by hand,
two lines of it

intro
00:00.000 --> 00:02.000 align:start position:10%
<v Maya>Hey everyone, welcome back!</v>

REGION
id:fred width:40%

00:00:02.500 --> 00:00:06.000
Today I'm testing <i>these</i> earbuds
<c.yellow>use code MAYA15</c> for 15% off

3
01:35.250 --> 01:40.000
This video is <00:01:36.000>sponsored by Sonix &amp; friends.
"""


def test_vtt_is_one_video_post_of_its_spoken_words(tmp_path):
    path = write(tmp_path / "earbuds.vtt", VTT)
    post = only_post(path)
    text = ("Hey everyone, welcome back!\nToday I'm testing these earbuds\nuse code MAYA15 for 15% off\n"
            "This video is sponsored by Sonix & friends.")
    assert post.text == text
    assert post.transcript == text
    assert post.cue_times == ((0, 0.0), (28, 2.5), (text.index("This video"), 95.25))
    assert post.format == "video"
    assert post.id == str(path)


def test_vtt_line_starts_are_exact_after_leading_tags(tmp_path):
    post = only_post(write(tmp_path / "earbuds.vtt", VTT))
    assert post.origin.lines == (position(VTT, "Hey"), position(VTT, "Today"), position(VTT, "use code"), position(VTT, "This video"))
    assert position(VTT, "Hey") == (13, 9)  # after "<v Maya>"
    assert position(VTT, "use code") == (20, 11)  # after "<c.yellow>"
    assert locate(post, "Hey") == (13, 9)
    assert locate(post, "welcome") == position(VTT, "welcome")
    assert locate(post, "use") == (20, 11)
    assert locate(post, "MAYA15") == position(VTT, "MAYA15")  # no tag between the line start and the code
    # after a tag inside the line, columns are shifted by the tag's length
    assert position(VTT, "earbuds", occurrence=1) == (19, 32)
    assert locate(post, "earbuds") == (19, 32 - len("<i></i>"))


def test_vtt_without_header_is_reported_and_its_cues_still_read(tmp_path):
    content = "00:01.000 --> 00:02.000\nhello there\n"
    path = write(tmp_path / "noheader.vtt", content)
    posts, errors = read(path)
    assert [(e.path, e.line, e.message) for e in errors] == [
        (str(path), 1, "missing the 'WEBVTT' header on the first line (the cues are still read)")]
    assert [p.text for p in posts] == ["hello there"]
    assert locate(posts[0], "there") == (2, 7)


def test_vtt_header_must_be_the_word_itself(tmp_path):
    path = write(tmp_path / "x.vtt", "WEBVTTX\n\n00:01.000 --> 00:02.000\nhi\n")
    posts, errors = read(path)
    assert [(e.line, e.message.split(" (")[0]) for e in errors] == [
        (1, "missing the 'WEBVTT' header on the first line"), (1, "expected a cue: a timing line such as '00:01:02.500 --> 00:01:05.000'")]
    assert [p.text for p in posts] == ["hi"]


def test_vtt_bom_and_crlf(tmp_path):
    content = "\ufeffWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\n<v Sam>so this is #ad</v>  \r\n"
    post = only_post(write(tmp_path / "win.vtt", content))
    assert post.text == "so this is #ad"
    assert locate(post, "#ad") == (4, 19)


@pytest.mark.parametrize(
    ("timing", "reason"),
    [
        ("00:03.000-->00:04.000", "expected '00:01:02.500 --> 00:01:05.000' (hours optional, cue settings may follow)"),
        ("00:03,000 --> 00:04,000", "expected '00:01:02.500 --> 00:01:05.000' (hours optional, cue settings may follow)"),
        ("0:03.000 --> 0:04.000", "expected '00:01:02.500 --> 00:01:05.000' (hours optional, cue settings may follow)"),
        ("00:75.000 --> 00:76.000", "minutes and seconds must be below 60"),
    ],
)
def test_vtt_malformed_timing_skips_that_cue_only(tmp_path, timing, reason):
    content = f"WEBVTT\n\n00:01.000 --> 00:02.000\nbefore\n\nmiddle-cue\n{timing}\nskipped\n\n00:05.000 --> 00:06.000\nafter\n"
    path = write(tmp_path / "bad.vtt", content)
    posts, errors = read(path)
    assert [(e.line, e.message) for e in errors] == [(7, f"malformed timing line '{timing}': {reason}; cue skipped")]
    assert [p.text for p in posts] == ["before\nafter"]


def test_vtt_identifier_without_timing(tmp_path):
    content = "WEBVTT\n\nchapter-1\nno timing here\n\n00:05.000 --> 00:06.000\nafter\n"
    path = write(tmp_path / "noid.vtt", content)
    posts, errors = read(path)
    assert [(e.line, e.message.split(":")[0]) for e in errors] == [(3, "expected a cue")]
    assert [p.text for p in posts] == ["after"]


def test_vtt_with_only_notes_has_no_cues(tmp_path):
    path = write(tmp_path / "notes.vtt", "WEBVTT\n\nNOTE nothing to say\n")
    posts, errors = read(path)
    assert posts == []
    assert [(e.line, e.message.split(":")[0]) for e in errors] == [(None, "no cues")]
    assert "'00:01:02.500 --> 00:01:05.000'" in errors[0].message


# --- read_cues: a caption file as the transcript of another post --------------------------


def test_read_cues_of_vtt_and_srt(tmp_path):
    vtt = read_cues(VTT.encode(), "clip.vtt")
    assert isinstance(vtt, Cues)
    assert vtt.text.startswith("Hey everyone, welcome back!\nToday")
    assert vtt.cue_times[-1] == (vtt.text.index("This video"), 95.25)
    assert vtt.lines[0] == (13, 9)
    assert vtt.errors == ()
    srt = read_cues(SRT.encode(), "clip.srt")
    assert isinstance(srt, Cues)
    assert srt.lines == ((3, 1), (7, 1), (8, 3), (12, 1))


def test_read_cues_recognises_webvtt_by_its_header(tmp_path):
    cues = read_cues(b"WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", "transcript.txt")
    assert isinstance(cues, Cues) and cues.text == "hi" and cues.cue_times == ((0, 1.0),)


def test_read_cues_keeps_the_skipped_cues_errors(tmp_path):
    data = b"1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03 --> 00:00:04\nskipped\n"
    cues = read_cues(data, "clip.srt")
    assert isinstance(cues, Cues)
    assert cues.text == "ok"
    assert [(e.path, e.line) for e in cues.errors] == [("clip.srt", 6)]


def test_read_cues_errors(tmp_path):
    empty = read_cues(b"WEBVTT\n", "clip.vtt")
    assert isinstance(empty, InputError) and empty.message.startswith("no cues")
    skipped = read_cues(b"1\n00:00:01 --> 00:00:02\nlost\n", "clip.srt")
    assert isinstance(skipped, InputError)
    assert skipped.line == 2
    assert skipped.message.startswith("no cues") and "the first: malformed timing line" in skipped.message
    binary = read_cues(b"\x00\x00", "clip.srt")
    assert isinstance(binary, InputError) and "binary" in binary.message


# --- findings point into the caption file -------------------------------------------------


def test_finding_on_a_vtt_points_at_the_cue_line_and_column(tmp_path, checker: Checker):
    content = "WEBVTT\n\n00:00.000 --> 00:03.000\nhey guys\n\n00:03.000 --> 00:06.000\n<v Maya>these leggings are everything, use code MAYA15 for 15% off\n"
    path = write(tmp_path / "leggings.vtt", content)
    post = only_post(path)
    [finding] = checker.check(post).findings
    assert finding.rule == "US-D-14"
    assert (finding.path, finding.line, finding.column) == (str(path), *position(content, "code MAYA15"))
    assert (finding.end_line, finding.end_column) == (7, position(content, "MAYA15")[1] + len("MAYA15"))


def test_late_spoken_disclosure_in_an_srt_is_reported(tmp_path, checker: Checker):
    content = "1\n00:00:00,000 --> 00:00:04,000\nHey everyone, today the new earbuds.\n\n2\n00:01:35,000 --> 00:01:40,000\nThis video is sponsored by Sonix.\n"
    post = only_post(write(tmp_path / "late.srt", content))
    [finding] = checker.check(post).findings
    assert finding.rule == "US-D-08B"
    assert "about 95 seconds in" in finding.message and "first 30 seconds" in finding.message
    early = content.replace("00:01:35,000 --> 00:01:40,000", "00:00:04,000 --> 00:00:08,000")
    assert checker.check(only_post(write(tmp_path / "early.srt", early))).findings == ()
