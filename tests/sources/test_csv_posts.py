"""CSV exports (.csv): a header row, then one post per row, columns matched to post fields by
name (with the names social-media tools export) or by an explicit mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.model import InputError, Post
from compliance.sources import read_paths
from compliance.sources.csv_posts import sniff_delimiter


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def read(path: Path, columns: dict[str, str] | None = None) -> tuple[list[Post], list[InputError]]:
    items = list(read_paths([str(path)], columns=columns))
    return [i for i in items if isinstance(i, Post)], [i for i in items if isinstance(i, InputError)]


def position(content: str, needle: str) -> tuple[int, int]:
    index = content.index(needle)
    return content.count("\n", 0, index) + 1, index - (content.rfind("\n", 0, index) + 1) + 1


def locate(post: Post, needle: str) -> tuple[int, int]:
    return post.origin.locate(post.text, post.text.index(needle))


def test_rows_become_posts_with_their_fields(tmp_path):
    content = (
        "text,id,platform,format,market,language,relationship,sponsored,brand,transcript,overlay,campaign\n"
        "Loving this serum #ad,p1,instagram,reel,us;uk,en,paid,true,GlowCo,hi all,Ad,spring\n"
        "second post,,,,,,,,,,,\n"
    )
    path = write(tmp_path / "posts.csv", content)
    posts, errors = read(path)
    assert errors == []
    first, second = posts
    assert (first.text, first.id, first.platform, first.format) == ("Loving this serum #ad", "p1", "instagram", "reel")
    assert (first.market, first.language, first.relationship, first.sponsored) == (("us", "uk"), "en", "paid", True)
    assert (first.brand, first.transcript, first.overlay) == ("GlowCo", "hi all", ("Ad",))
    assert dict(first.extra) == {"campaign": "spring"}
    # empty cells are absent fields; the default id is path:line
    assert (second.id, second.platform, second.sponsored, second.market) == (f"{path}:3", None, None, ())
    assert dict(second.extra) == {"campaign": ""}
    assert locate(first, "#ad") == (2, 19)
    assert locate(second, "post") == (3, 8)


def test_tool_export_column_names_are_recognised(tmp_path):
    content = (
        "Post ID,Network,Publish Time,Post Type,Caption,Impressions\n"
        "123,Instagram Business,2026-03-01 10:00,Reels,use code MAYA15,4100\n"
        "124,Twitter,2026-03-02,Photo,thread time,90\n"
        "125,Facebook,2026-03-03,Boosted,a boosted post,12\n"
    )
    path = write(tmp_path / "sprout.csv", content)
    posts, errors = read(path)
    assert [(p.id, p.platform, p.format) for p in posts] == [("123", "instagram", "reel"), ("124", "x", "feed")]
    assert dict(posts[0].extra) == {"date": "2026-03-01 10:00", "Impressions": "4100"}
    assert locate(posts[0], "MAYA15") == position(content, "MAYA15")
    # a post type that is no format is reported with its row
    assert [(e.line, e.message.split(" is not")[0]) for e in errors] == [(4, "field 'format': 'boosted'")]


@pytest.mark.parametrize(
    "header",
    ["text", "Caption", "MESSAGE", "Post", "Post Text", "post_text", "Content", "Body", "Description", "Video Description"],
)
def test_text_column_aliases(tmp_path, header):
    path = write(tmp_path / "a.csv", f"id,{header}\nx1,hello there\n")
    posts, errors = read(path)
    assert errors == [] and [p.text for p in posts] == ["hello there"]


def test_the_most_specific_text_column_wins_and_the_other_is_kept(tmp_path):
    path = write(tmp_path / "a.csv", "Description,Caption\nthe long description,the caption\n")
    [post], _ = read(path)
    assert post.text == "the caption"
    assert dict(post.extra) == {"Description": "the long description"}


@pytest.mark.parametrize(
    ("value", "platform"),
    [
        ("Instagram Business", "instagram"), ("IG", "instagram"), ("Twitter", "x"), ("X", "x"),
        ("YouTube", "youtube"), ("Facebook Page", "facebook"), ("TikTok", "tiktok"), ("tiktok business", "tiktok"),
        ("LinkedIn Company", "linkedin"), ("LinkedIn  company page", "linkedin"), ("Pinterest", "pinterest"), ("", None),
    ],
)
def test_platform_names_are_normalised(tmp_path, value, platform):
    path = write(tmp_path / "a.csv", f'Network,Message\n"{value}",hello\n')
    posts, errors = read(path)
    assert errors == []
    assert posts[0].platform == platform


def test_unknown_platform_is_reported_with_its_row(tmp_path):
    path = write(tmp_path / "a.csv", "platform,text\ninstagram,one\nMySpace,two\nx,three\n")
    posts, errors = read(path)
    assert [p.text for p in posts] == ["one", "three"]
    assert [(e.path, e.line) for e in errors] == [(str(path), 3)]
    assert errors[0].message.startswith("field 'platform': 'myspace' is not one of: instagram")
    assert errors[0].message.endswith("; row not checked")


@pytest.mark.parametrize(
    ("cell", "sponsored"),
    [("true", True), ("TRUE", True), ("yes", True), ("1", True), ("false", False), ("No", False), ("0", False), ("", None)],
)
def test_sponsored_values(tmp_path, cell, sponsored):
    path = write(tmp_path / "a.csv", f"text,sponsored\nhello,{cell}\n")
    [post], _ = read(path)
    assert post.sponsored is sponsored


def test_bad_sponsored_value_names_the_field(tmp_path):
    path = write(tmp_path / "a.csv", "text,sponsored\nhello,maybe\n")
    _, [error] = read(path)
    assert (error.line, error.message) == (2, "field 'sponsored': must be true, false or null, not 'maybe'; row not checked")


@pytest.mark.parametrize("cell", ['"us,uk"', "us;uk", '" US ; UK "'])
def test_market_lists(tmp_path, cell):
    path = write(tmp_path / "a.csv", f"text,market\nhello,{cell}\n")
    [post], errors = read(path)
    assert errors == [] and post.market == ("us", "uk")


def test_quoted_multiline_caption_and_the_row_after_it(tmp_path):
    content = (
        "id,caption\n"
        'p1,"Sunday reset\n'
        "\n"
        'I have been testing this serum #ad"\n'
        "p2,use code MAYA15\n"
        'p3,  "not a quote at the start"\n'
    )
    path = write(tmp_path / "multi.csv", content)
    posts, errors = read(path)
    assert errors == []
    p1, p2, p3 = posts
    assert p1.text == "Sunday reset\n\nI have been testing this serum #ad"
    assert p1.origin.lines == ((2, 5), (3, 1), (4, 1))
    assert locate(p1, "Sunday") == (2, 5)  # after the opening quote
    assert locate(p1, "#ad") == position(content, "#ad") == (4, 32)
    assert (p2.id, p2.origin.line) == ("p2", 5)  # the row starts on line 5, though csv reads it as its 3rd record
    assert locate(p2, "MAYA15") == position(content, "MAYA15")
    assert p3.text == '  "not a quote at the start"'  # a quote not at the start of a cell is text
    assert locate(p3, "not") == position(content, "not a quote")


def test_default_id_is_the_line_where_the_row_starts(tmp_path):
    content = 'text,note\n"one\ntwo",a\n\nthree,b\n'
    path = write(tmp_path / "ids.csv", content)
    posts, _ = read(path)
    assert [p.id for p in posts] == [f"{path}:2", f"{path}:5"]


def test_doubled_quotes_exact_before_them(tmp_path):
    content = 'id,text\np1,"she said ""wow"" #ad"\n'
    path = write(tmp_path / "q.csv", content)
    [post], _ = read(path)
    assert post.text == 'she said "wow" #ad'
    assert locate(post, "said") == position(content, "said")
    # after a doubled quote the column is approximate: one short per "" before it
    assert locate(post, "#ad") == (2, position(content, "#ad")[1] - 2)


def test_semicolon_export_with_bom_and_crlf(tmp_path):
    content = '\ufeffID;Caption;Network\r\n1;"Ça va ; très bien #pub\r\nligne 2";Facebook Page\r\n2;deuxième;IG\r\n'
    path = write(tmp_path / "fr.csv", content)
    posts, errors = read(path)
    assert errors == []
    assert [(p.id, p.platform) for p in posts] == [("1", "facebook"), ("2", "instagram")]
    assert posts[0].text == "Ça va ; très bien #pub\r\nligne 2"
    assert locate(posts[0], "#pub") == (2, 22)
    assert locate(posts[0], "ligne") == (3, 1)
    assert posts[1].origin.line == 4


def test_tab_separated(tmp_path):
    path = write(tmp_path / "t.csv", "text\tplatform\nhello, world #ad\ttiktok\n")
    [post], errors = read(path)
    assert errors == [] and (post.text, post.platform) == ("hello, world #ad", "tiktok")


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("text,id", ","), ("text;id", ";"), ("text\tid", "\t"), ('"a;b",c', ","), ("text", ","), ("a;b,c;d", ";")],
)
def test_sniff_delimiter(header, delimiter):
    assert sniff_delimiter(header) == delimiter


def test_explicit_column_mapping_overrides_the_aliases(tmp_path):
    content = "Text,Caption,Post ID,Channel\nthe alt text,the real caption #ad,42,tiktok\n"
    path = write(tmp_path / "m.csv", content)
    [post], errors = read(path, columns={"text": "Caption", "id": "post id"})
    assert errors == []
    assert (post.text, post.id, post.platform) == ("the real caption #ad", "42", "tiktok")
    assert dict(post.extra) == {"Text": "the alt text"}
    assert locate(post, "#ad") == position(content, "#ad")


def test_mapped_header_that_is_not_in_the_file(tmp_path):
    path = write(tmp_path / "m.csv", "Caption,Post ID\nhello,1\n")
    posts, errors = read(path, columns={"text": "Body Copy"})
    assert posts == []
    assert [(e.line, e.message) for e in errors] == [
        (1, "no column 'Body Copy' for field 'text' (the header has: 'Caption', 'Post ID'); not checked")]


def test_header_after_blank_lines_is_sniffed_and_located(tmp_path):
    content = "\n\nid;text\n1;un, deux #pub\n"
    path = write(tmp_path / "late.csv", content)
    [post], errors = read(path)
    assert errors == [] and (post.id, post.text) == ("1", "un, deux #pub")
    assert locate(post, "#pub") == position(content, "#pub") == (4, 12)


def test_no_text_column(tmp_path):
    path = write(tmp_path / "n.csv", "\n\nPost ID,Network,Likes\n1,IG,3\n")
    posts, errors = read(path)
    assert posts == []
    [error] = errors
    assert (error.path, error.line) == (str(path), 3)
    assert "the header has 'Post ID', 'Network', 'Likes'" in error.message
    assert "'caption'" in error.message and "'video description'" in error.message
    assert "--columns text=HEADER" in error.message


def test_empty_text_cell_and_wrong_cell_count_are_row_errors(tmp_path):
    content = "id,text,platform\n1,good one,x\n2,,x\n3,too,many,cells\n4,few\n5,good two,x\n"
    path = write(tmp_path / "rows.csv", content)
    posts, errors = read(path)
    assert [p.id for p in posts] == ["1", "5"]
    assert [(e.line, e.message) for e in errors] == [
        (3, "field 'text': is empty; row not checked"),
        (4, "row has 4 cells but the header has 3; row not checked"),
        (5, "row has 2 cells but the header has 3; row not checked"),
    ]


def test_quoted_cell_never_closed(tmp_path):
    path = write(tmp_path / "open.csv", 'id,text\n1,fine\n2,"never closed\n3,lost\n')
    posts, errors = read(path)
    assert [p.id for p in posts] == ["1"]
    assert [(e.line, e.message) for e in errors] == [
        (3, "a quoted cell is never closed (a '\"' is missing); the rest of the file not checked")]


def test_empty_file_and_header_only(tmp_path):
    empty = write(tmp_path / "empty.csv", "")
    assert [(e.line, e.message.split(":")[0]) for e in read(empty)[1]] == [(1, "is empty")]
    assert read(write(tmp_path / "header.csv", "text,id\n")) == ([], [])


def test_cell_over_the_csv_size_limit(tmp_path):
    path = write(tmp_path / "big.csv", 'id,text\n1,ok\n2,"' + "x" * 200_000 + '"\n')
    posts, errors = read(path)
    assert [p.id for p in posts] == ["1"]
    [error] = errors
    assert error.line == 3 and "cannot be read as CSV" in error.message


def test_not_utf8(tmp_path):
    path = write(tmp_path / "latin.csv", b"text\nok\ncaf\xe9\n")
    _, errors = read(path)
    assert [(e.line, "UTF-8" in e.message) for e in errors] == [(3, True)]
