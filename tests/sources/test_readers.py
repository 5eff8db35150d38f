"""Readers of compliance/sources/: plain text, Markdown with front matter, JSON Lines,
directories and standard input. Every test writes real files in tmp_path."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from compliance.model import InputError, Origin, Post
from compliance.sources import read_paths


def read(*paths, **kwargs) -> list[Post | InputError]:
    return list(read_paths([str(p) for p in paths], **kwargs))


def only_post(items: list[Post | InputError]) -> Post:
    assert len(items) == 1, items
    assert isinstance(items[0], Post), items[0]
    return items[0]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))  # no newline translation: byte-exact
    return path


def file_position(content: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the first `needle` in a file's text, counted by hand."""
    index = content.index(needle)
    line = content.count("\n", 0, index) + 1
    column = index - (content.rfind("\n", 0, index) + 1) + 1
    return line, column


# --- plain text ---------------------------------------------------------------------------


def test_txt_is_one_post_whose_id_is_the_path(tmp_path):
    path = write(tmp_path / "draft.txt", "Loving this serum\nuse code MAYA15\n\nsecond paragraph\n")
    post = only_post(read(path))
    assert post.id == str(path)
    assert post.text == "Loving this serum\nuse code MAYA15\n\nsecond paragraph\n"
    assert post.origin.path == str(path)
    assert (post.origin.line, post.origin.column) == (1, 1)
    assert post.platform is None and post.relationship is None and dict(post.extra) == {}


def test_txt_locate_gives_file_line_and_column(tmp_path):
    content = "first line\nsecond line with #ad here\nthird"
    path = write(tmp_path / "a.txt", content)
    post = only_post(read(path))
    assert post.origin.locate(post.text, post.text.index("#ad")) == file_position(content, "#ad") == (2, 18)
    assert post.origin.locate(post.text, 0) == (1, 1)
    assert post.origin.locate(post.text, post.text.index("third")) == (3, 1)


def test_txt_utf8_bom_is_dropped(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfHello #ad")
    post = only_post(read(path))
    assert post.text == "Hello #ad"
    assert post.origin.locate(post.text, post.text.index("#ad")) == (1, 7)


def test_txt_keeps_non_ascii_text_intact(tmp_path):
    path = write(tmp_path / "fr.txt", "Très bien 😀 #pub\n")
    post = only_post(read(path))
    assert post.text == "Très bien 😀 #pub\n"
    # columns count characters, not bytes: the emoji is one column
    assert post.origin.locate(post.text, post.text.index("#pub")) == (1, 13)


# --- Markdown with front matter -----------------------------------------------------------

FRONT_MATTER_DRAFT = """\
---
id: spring-launch
platform: Instagram
format: reel
language: en
market: [us, UK]
relationship: paid
sponsored: true
brand: GlowCo
transcript:
  - {start: 0, text: "Hi all"}
  - {start: 12.5, text: "this is sponsored by GlowCo"}
overlay: ["frame one", "frame two"]
campaign: spring-2026
tags: [skincare, spf]
---
Sunday reset ☀️
I've been testing this cleanser #ad for weeks.
"""


def test_markdown_front_matter_fields_flow_into_the_post(tmp_path):
    path = write(tmp_path / "drafts" / "spring.md", FRONT_MATTER_DRAFT)
    post = only_post(read(path))
    assert post.id == "spring-launch"
    assert post.text == "Sunday reset ☀️\nI've been testing this cleanser #ad for weeks.\n"
    assert post.platform == "instagram"  # case-insensitive choice, normalised
    assert post.format == "reel"
    assert post.language == "en"
    assert post.market == ("us", "uk")
    assert post.relationship == "paid"
    assert post.sponsored is True
    assert post.brand == "GlowCo"
    assert post.transcript == "Hi all\nthis is sponsored by GlowCo"
    assert post.cue_times == ((0, 0.0), (7, 12.5))
    assert post.overlay == ("frame one", "frame two")
    assert dict(post.extra) == {"campaign": "spring-2026", "tags": ["skincare", "spf"]}
    assert post.origin.path == str(path)


def test_markdown_default_id_is_the_path(tmp_path):
    path = write(tmp_path / "post.md", "---\nplatform: tiktok\n---\nHello\n")
    post = only_post(read(path))
    assert post.id == str(path)
    assert post.platform == "tiktok"
    assert post.text == "Hello\n"


def test_markdown_locate_counts_lines_from_top_of_file_including_front_matter(tmp_path):
    path = write(tmp_path / "spring.md", FRONT_MATTER_DRAFT)
    post = only_post(read(path))
    body_start = FRONT_MATTER_DRAFT.count("\n", 0, FRONT_MATTER_DRAFT.index("Sunday")) + 1
    assert body_start == 17
    assert (post.origin.line, post.origin.column) == (17, 1)
    assert post.origin.locate(post.text, 0) == (17, 1)
    expected = file_position(FRONT_MATTER_DRAFT, "#ad")
    assert expected == (18, 33)
    assert post.origin.locate(post.text, post.text.index("#ad")) == expected
    # the end of a span maps too (end offset is exclusive: the column after the label)
    assert post.origin.locate(post.text, post.text.index("#ad") + 3) == (18, 36)


def test_markdown_locate_with_crlf_line_endings(tmp_path):
    content = "---\r\nplatform: x\r\n---\r\nline one\r\nline two #ad\r\n"
    path = write(tmp_path / "win.md", content)
    post = only_post(read(path))
    assert post.platform == "x"
    assert post.origin.locate(post.text, post.text.index("#ad")) == (5, 10)


def test_markdown_without_front_matter_is_all_body(tmp_path):
    content = "# Title\n\nBody with #ad\n"
    path = write(tmp_path / "plain.md", content)
    post = only_post(read(path))
    assert post.text == content
    assert post.platform is None
    assert post.origin.locate(post.text, post.text.index("#ad")) == (3, 11)


def test_markdown_front_matter_closed_with_dots(tmp_path):
    path = write(tmp_path / "dots.md", "---\nplatform: youtube\n...\nBody #ad\n")
    post = only_post(read(path))
    assert post.platform == "youtube"
    assert post.text == "Body #ad\n"
    assert post.origin.locate(post.text, post.text.index("#ad")) == (4, 6)


def test_markdown_empty_front_matter(tmp_path):
    path = write(tmp_path / "empty-fm.md", "---\n---\nJust the body\n")
    post = only_post(read(path))
    assert post.text == "Just the body\n"
    assert post.origin.line == 3


def test_markdown_horizontal_rule_in_body_is_not_a_fence(tmp_path):
    content = "---\nplatform: blog\n---\nIntro\n\n---\n\nMore #ad\n"
    path = write(tmp_path / "hr.md", content)
    post = only_post(read(path))
    assert post.platform == "blog"
    assert post.text == "Intro\n\n---\n\nMore #ad\n"
    assert post.origin.locate(post.text, post.text.index("#ad")) == file_position(content, "#ad") == (8, 6)


def test_markdown_extension_variants(tmp_path):
    a = write(tmp_path / "a.markdown", "---\nplatform: x\n---\nhello\n")
    b = write(tmp_path / "B.MD", "hello again\n")
    posts = read(a, b)
    assert [p.text for p in posts] == ["hello\n", "hello again\n"]
    assert posts[0].platform == "x"


def test_markdown_line_numbers_ignore_unicode_line_separator_in_front_matter(tmp_path):
    content = '---\nbrand: "Acme\u2028Co"\nplatform: instagram\n---\nHello\nworld #ad\n'
    path = write(tmp_path / "ls.md", content)
    post = only_post(read(path))
    assert file_position(content, "#ad") == (6, 7)
    assert post.origin.locate(post.text, post.text.index("#ad")) == (6, 7)


# --- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_one_post_per_line_blank_lines_skipped(tmp_path):
    lines = [
        '{"text": "first post"}',
        "",
        "   ",
        '{"text": "second post", "id": "custom-id"}',
        '{"text": "third post", "id": 42}',
        "",
    ]
    path = write(tmp_path / "export.jsonl", "\n".join(lines))
    posts = read(path)
    assert all(isinstance(p, Post) for p in posts), posts
    assert [p.text for p in posts] == ["first post", "second post", "third post"]
    assert [p.id for p in posts] == [f"{path}:1", "custom-id", "42"]
    assert [p.origin.line for p in posts] == [1, 4, 5]  # blank lines still count
    assert all(p.origin.path == str(path) for p in posts)


def test_jsonl_fields_and_unknown_fields_kept_in_extra(tmp_path):
    obj = {
        "text": "Loving it", "platform": "TikTok", "format": "video", "language": "en",
        "market": "us", "relationship": "gifted", "sponsored": False, "brand": "Luna",
        "overlay": "Ad", "transcript": "hello there",
        "expect": ["disclosure.missing"], "note": "a note", "nested": {"a": [1, 2]},
    }
    path = write(tmp_path / "p.jsonl", json.dumps(obj) + "\n")
    post = only_post(read(path))
    assert post.platform == "tiktok"
    assert post.format == "video"
    assert post.language == "en"
    assert post.market == ("us",)
    assert post.relationship == "gifted"
    assert post.sponsored is False
    assert post.brand == "Luna"
    assert post.overlay == ("Ad",)
    assert post.transcript == "hello there"
    assert dict(post.extra) == {"expect": ["disclosure.missing"], "note": "a note", "nested": {"a": [1, 2]}}


def test_ndjson_extension_and_crlf(tmp_path):
    path = write(tmp_path / "p.ndjson", '{"text": "a #ad"}\r\n{"text": "b"}\r\n')
    posts = read(path)
    assert [p.text for p in posts] == ["a #ad", "b"]
    assert posts[0].origin.locate(posts[0].text, 2) == (1, 13)


def test_jsonl_plain_text_columns(tmp_path):
    raw = '{"id": "x", "text": "Obsessed ✨ with this #ad"}'
    path = write(tmp_path / "p.jsonl", '{"text": "filler"}\n' + raw + "\n")
    posts = read(path)
    post = posts[1]
    assert post.origin.locate(post.text, post.text.index("#ad")) == (2, raw.index("#ad") + 1)
    assert post.origin.locate(post.text, 0) == (2, raw.index("Obsessed") + 1)


ESCAPED_TEXTS = {
    "newline": r"line one\nline two",
    "latin": r"caf\u00e9 au lait",
    "surrogate-pair": r"so happy \ud83d\ude00 today",
    "quote": r"she said \"wow\" loudly",
    "backslash": r"back\\slash and tab\t",
    "all": r"one\ntwo caf\u00e9 \ud83d\ude00 \"quoted\" \\ \/ end",
}


@pytest.mark.parametrize("literal", ESCAPED_TEXTS.values(), ids=ESCAPED_TEXTS.keys())
def test_jsonl_column_after_escapes_is_the_raw_column(tmp_path, literal):
    raw = '{"platform": "instagram", "text": "' + literal + ' #ad tail", "id": "p1"}'
    path = write(tmp_path / "esc.jsonl", "\n" + raw + "\n")
    post = only_post(read(path))
    assert post.text == json.loads(raw)["text"]
    offset = post.text.index("#ad")
    assert post.origin.locate(post.text, offset) == (2, raw.index("#ad") + 1)
    assert post.origin.locate(post.text, offset + 3) == (2, raw.index("#ad") + 4)
    tail = post.text.index("tail")
    assert post.origin.locate(post.text, tail) == (2, raw.index("tail") + 1)


def test_jsonl_surrogate_pair_is_one_character_of_twelve_columns(tmp_path):
    raw = r'{"text": "\ud83d\ude00X"}'
    path = write(tmp_path / "emoji.jsonl", raw)
    post = only_post(read(path))
    assert post.text == "😀X"
    assert post.origin.locate(post.text, 0) == (1, raw.index("\\ud83d") + 1)
    assert post.origin.locate(post.text, 1) == (1, raw.index("X") + 1)


def test_jsonl_each_escape_character_maps_to_its_own_column(tmp_path):
    literal = r"a\nb\u00e9\ud83d\ude00\"c"
    raw = '{"text": "' + literal + '"}'
    path = write(tmp_path / "walk.jsonl", raw)
    post = only_post(read(path))
    assert post.text == 'a\nbé😀"c'
    start = raw.index('"', raw.index(":")) + 2  # column of the first text character
    raw_starts = [0, 1, 3, 4, 10, 22, 24]  # index in the literal of each decoded character
    assert len(raw_starts) == len(post.text)
    for offset, raw_index in enumerate(raw_starts):
        assert post.origin.locate(post.text, offset) == (1, start + raw_index), offset


def test_jsonl_text_key_found_after_nested_values(tmp_path):
    raw = '{"meta": {"text": "decoy \\n"}, "tags": ["text", "x"], "text": "real \\u00e9 #ad"}'
    path = write(tmp_path / "nested.jsonl", raw)
    post = only_post(read(path))
    assert post.text == "real é #ad"
    assert dict(post.extra) == {"meta": {"text": "decoy \n"}, "tags": ["text", "x"]}
    assert post.origin.locate(post.text, post.text.index("#ad")) == (1, raw.index("#ad") + 1)


def test_jsonl_duplicate_text_key_uses_the_last_for_text_and_columns(tmp_path):
    raw = '{"text": "first", "text": "second #ad"}'
    path = write(tmp_path / "dup.jsonl", raw)
    post = only_post(read(path))
    assert post.text == "second #ad"
    assert post.origin.locate(post.text, post.text.index("#ad")) == (1, raw.index("#ad") + 1)


def test_jsonl_lone_high_surrogate_is_an_error_not_a_crash(tmp_path):
    # A lone surrogate is no character: spaCy and every UTF-8 report would fail on it.
    raw = r'{"text": "cut \ud83d\u00e9 X"}'
    path = write(tmp_path / "lone.jsonl", raw)
    (error,) = read(path)
    assert isinstance(error, InputError) and error.line == 1 and "lone surrogate at position 5" in error.message


# --- directories --------------------------------------------------------------------------


def test_directory_walk_sorted_hidden_skipped_known_extensions_only(tmp_path):
    root = tmp_path / "content"
    write(root / "b.txt", "b post")
    write(root / "a.md", "---\nplatform: x\n---\na post")
    write(root / "c.jsonl", '{"text": "c1"}\n{"text": "c2"}\n')
    write(root / "d.ndjson", '{"text": "d1"}\n')
    write(root / "e.markdown", "e post")
    write(root / "notes.xlsx", "text\nnot read")
    write(root / "README", "no extension")
    write(root / "image.png", b"\x89PNG\x00\x00")
    write(root / ".hidden.txt", "hidden file")
    write(root / ".git" / "COMMIT.txt", "hidden dir")
    write(root / ".drafts" / "x.md", "hidden dir")
    write(root / "sub" / "z.txt", "sub z")
    write(root / "sub" / "y.txt", "sub y")
    write(root / "sub" / ".secret" / "s.txt", "nested hidden")
    write(root / "sub" / "deeper" / "k.md", "deep k")
    write(root / "zz" / "q.txt", "zz q")
    write(root / "folder.md" / "inner.txt", "inside a directory named like a file")

    items = read(root)
    assert all(isinstance(item, Post) for item in items), items
    rel = [(Path(p.origin.path).relative_to(root).as_posix(), p.text) for p in items]
    assert rel == [
        ("a.md", "a post"),
        ("b.txt", "b post"),
        ("c.jsonl", "c1"),
        ("c.jsonl", "c2"),
        ("d.ndjson", "d1"),
        ("e.markdown", "e post"),
        ("folder.md/inner.txt", "inside a directory named like a file"),
        ("sub/y.txt", "sub y"),
        ("sub/z.txt", "sub z"),
        ("sub/deeper/k.md", "deep k"),
        ("zz/q.txt", "zz q"),
    ]
    # ids of walked files are their shown paths, and JSONL ids carry the line
    assert items[2].id == f"{root / 'c.jsonl'}:1" and items[3].id == f"{root / 'c.jsonl'}:2"
    assert items[0].platform == "x"


def test_directory_walk_is_deterministic(tmp_path):
    for name in ["m.txt", "c.txt", "x.txt", "a.txt"]:
        write(tmp_path / "d" / name, name)
    first = [p.text for p in read(tmp_path / "d")]
    assert first == ["a.txt", "c.txt", "m.txt", "x.txt"]
    assert [p.text for p in read(tmp_path / "d")] == first


def test_several_paths_keep_argument_order(tmp_path):
    z = write(tmp_path / "z.txt", "zed")
    a = write(tmp_path / "a.txt", "ay")
    assert [p.text for p in read(z, a)] == ["zed", "ay"]


# --- standard input -----------------------------------------------------------------------


def stdin(data: bytes, fmt: str = "auto") -> list[Post | InputError]:
    return list(read_paths(["-"], stdin=io.BytesIO(data), input_format=fmt))


def test_stdin_auto_detects_jsonl():
    items = stdin(b'{"text": "one"}\n\n{"text": "two", "platform": "x"}\n')
    assert [p.text for p in items] == ["one", "two"]
    assert [p.id for p in items] == ["<stdin>:1", "<stdin>:3"]
    assert items[1].platform == "x"
    assert all(p.origin.path == "<stdin>" for p in items)


def test_stdin_auto_detects_jsonl_after_leading_whitespace():
    items = stdin(b'\n  {"text": "late start"}\n')
    post = only_post(items)
    assert post.text == "late start"
    assert post.origin.line == 2


def test_stdin_auto_detects_markdown():
    post = only_post(stdin(b"---\nplatform: tiktok\n---\nhello #ad\n"))
    assert post.platform == "tiktok"
    assert post.text == "hello #ad\n"
    assert post.id == "<stdin>"
    assert post.origin.locate(post.text, post.text.index("#ad")) == (4, 7)


def test_stdin_auto_falls_back_to_text():
    post = only_post(stdin("plain caption ✨ #ad".encode()))
    assert post.text == "plain caption ✨ #ad"
    assert post.id == "<stdin>"
    assert post.platform is None


@pytest.mark.parametrize(
    ("fmt", "expected_text"),
    [
        ("text", '{"text": "hi"}\n'),
        ("markdown", '{"text": "hi"}\n'),
        ("jsonl", "hi"),
        ("auto", "hi"),
    ],
)
def test_stdin_explicit_format_overrides_detection(fmt, expected_text):
    post = only_post(stdin(b'{"text": "hi"}\n', fmt))
    assert post.text == expected_text


def test_stdin_explicit_jsonl_on_front_matter_reports_errors():
    items = stdin(b"---\nplatform: x\n---\nbody\n", "jsonl")
    assert items and all(isinstance(i, InputError) for i in items)
    assert [i.line for i in items] == [1, 2, 3, 4]
    assert all(i.path == "<stdin>" for i in items)


def test_stdin_explicit_text_keeps_front_matter_as_text():
    post = only_post(stdin(b"---\nplatform: x\n---\nbody\n", "text"))
    assert post.platform is None
    assert post.text.startswith("---\nplatform: x")


def test_stdin_mixed_with_files(tmp_path):
    f = write(tmp_path / "f.txt", "from file")
    items = list(read_paths([str(f), "-"], stdin=io.BytesIO(b'{"text": "from stdin"}')))
    assert [p.text for p in items] == ["from file", "from stdin"]


def test_stdin_auto_detects_jsonl_with_bom():
    items = stdin(b'\xef\xbb\xbf{"text": "one"}\n{"text": "two"}\n')
    assert [getattr(p, "text", p) for p in items] == ["one", "two"]


def test_origin_locate_clamps_offsets():
    origin = Origin("f.txt")
    assert origin.locate("abc", -5) == (1, 1)
    assert origin.locate("abc", 99) == (1, 4)
