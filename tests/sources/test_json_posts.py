"""JSON exports (.json): a list of posts, one post object, or the list under a wrapper key.
Each post is located at its object's line, and its text at the exact column of the JSON string."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance.model import InputError, Post
from compliance.sources import read_paths
from compliance.sources.json_posts import WRAPPER_KEYS


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def read(path: Path) -> tuple[list[Post], list[InputError]]:
    items = list(read_paths([str(path)]))
    return [i for i in items if isinstance(i, Post)], [i for i in items if isinstance(i, InputError)]


def position(content: str, needle: str) -> tuple[int, int]:
    index = content.index(needle)
    return content.count("\n", 0, index) + 1, index - (content.rfind("\n", 0, index) + 1) + 1


def locate(post: Post, needle: str) -> tuple[int, int]:
    return post.origin.locate(post.text, post.text.index(needle))


PRETTY = """\
[
  {
    "id": "p1",
    "platform": "Instagram",
    "text": "Glow check \\u2728 caf\\u00e9 \\"serum\\" #ad",
    "campaign": "spring"
  },
  {"text": "second\\npost use code MAYA15", "sponsored": false},
  {
    "text": "third"
  }
]
"""


def test_list_of_posts_pretty_printed(tmp_path):
    path = write(tmp_path / "export.json", PRETTY)
    posts, errors = read(path)
    assert errors == []
    assert [p.text for p in posts] == ['Glow check ✨ café "serum" #ad', "second\npost use code MAYA15", "third"]
    assert [p.id for p in posts] == ["p1", f"{path}#1", f"{path}#2"]
    assert posts[0].platform == "instagram"
    assert posts[1].sponsored is False
    assert dict(posts[0].extra) == {"campaign": "spring"}
    # the text is located where its JSON string is written, not at the object's "{"
    assert [(p.origin.line, p.origin.column) for p in posts] == [(5, 14), (8, 13), (10, 14)]


def test_columns_inside_escaped_strings_are_exact(tmp_path):
    path = write(tmp_path / "export.json", PRETTY)
    first, second, _ = read(path)[0]
    assert locate(first, "#ad") == position(PRETTY, "#ad") == (5, 52)
    assert locate(first, "serum") == position(PRETTY, "serum")
    assert locate(second, "MAYA15") == position(PRETTY, "MAYA15")  # after a \n escape: same file line


def test_minified_list_on_one_line(tmp_path):
    content = json.dumps([{"text": "one #ad"}, {"text": "two"}, {"id": 7, "text": "three #ad"}])
    path = write(tmp_path / "min.json", content)
    posts, errors = read(path)
    assert errors == []
    assert [p.id for p in posts] == [f"{path}#0", f"{path}#1", "7"]
    assert [p.origin.line for p in posts] == [1, 1, 1]
    assert locate(posts[2], "#ad") == (1, content.index("three #ad") + len("three ") + 1)


def test_single_post_object(tmp_path):
    content = '\ufeff{\n  "platform": "tiktok",\n  "text": "hello #ad"\n}\n'
    path = write(tmp_path / "post.json", content)
    posts, errors = read(path)
    assert errors == []
    [post] = posts
    assert post.id == str(path)
    assert post.platform == "tiktok"
    assert locate(post, "#ad") == (3, 18)


@pytest.mark.parametrize("key", WRAPPER_KEYS)
def test_wrapped_list(tmp_path, key):
    content = '{\n  "meta": {"posts": 2, "text": "not a post"},\n  "' + key + '": [\n    {"text": "one"},\n    {"text": "two #ad"}\n  ]\n}\n'
    path = write(tmp_path / "wrapped.json", content)
    posts, errors = read(path)
    assert errors == []
    assert [p.text for p in posts] == ["one", "two #ad"]
    assert [p.id for p in posts] == [f"{path}#0", f"{path}#1"]
    assert locate(posts[1], "#ad") == position(content, "#ad") == (5, 19)


def test_wrapper_key_must_hold_a_list(tmp_path):
    path = write(tmp_path / "wrapped.json", '{\n  "data": {"text": "one"}\n}\n')
    posts, errors = read(path)
    assert posts == []
    assert [(e.line, e.message) for e in errors] == [(1, "'data' must be a list of post objects, not an object; not checked")]


def test_object_without_text_or_wrapper_names_the_accepted_keys(tmp_path):
    path = write(tmp_path / "other.json", '{"caption": "hi", "count": 1}')
    posts, errors = read(path)
    assert posts == []
    [error] = errors
    assert (error.path, error.line) == (str(path), 1)
    assert "'posts', 'data', 'items', 'results', 'entries'" in error.message
    assert "keys found: 'caption', 'count'" in error.message


@pytest.mark.parametrize(("content", "kind"), [('"a string"', "a string"), ("42", "a number"), ("null", "null"), ("true", "a boolean")])
def test_top_level_value_that_holds_no_posts(tmp_path, content, kind):
    path = write(tmp_path / "scalar.json", content)
    _, errors = read(path)
    assert [(e.line, e.message) for e in errors] == [(1, f"expected a list of posts or a post object, not {kind}; not checked")]


def test_bad_elements_are_reported_at_their_line_and_the_others_read(tmp_path):
    content = """\
[
  {"text": "good one"},
  "just a string",
  {"text": "bad platform",
   "platform": "insta"},
  [1, 2],
  {"id": "no-text"},
  {"text": ""},
  {"text": "good two"}
]
"""
    path = write(tmp_path / "mixed.json", content)
    posts, errors = read(path)
    assert [p.text for p in posts] == ["good one", "good two"]
    assert [p.id for p in posts] == [f"{path}#0", f"{path}#6"]
    assert [(e.path, e.line) for e in errors] == [(str(path), 3), (str(path), 5), (str(path), 6), (str(path), 7), (str(path), 8)]
    assert errors[0].message == "element 1: expected a post object with a 'text' field, not a string; not checked"
    assert errors[1].message.startswith("element 2: field 'platform': 'insta' is not one of: instagram")  # at the field's line
    assert errors[2].message == "element 3: expected a post object with a 'text' field, not a list; not checked"
    assert errors[3].message.startswith("element 4: field 'text': missing")
    assert errors[4].message.startswith("element 5: field 'text': is empty")


def test_single_post_with_a_bad_field(tmp_path):
    path = write(tmp_path / "post.json", '{\n  "text": "hello",\n  "sponsored": "yes"\n}')
    _, errors = read(path)
    assert [(e.line, e.message) for e in errors] == [(3, "the post: field 'sponsored': must be true, false or null, not 'yes'; not checked")]


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [
        ('[\n  {"text": "a"},\n  {"text": "b",}\n]', 3, 16),
        ('[\n  {"text": "a"}\n  {"text": "b"}\n]', 3, 3),
        ('{"text": "unterminated', 1, 10),
        ('[{"text": "a"}] trailing', 1, 17),
    ],
)
def test_invalid_json_is_located_and_nothing_checked(tmp_path, content, line, column):
    path = write(tmp_path / "broken.json", content)
    posts, errors = read(path)
    assert posts == []
    [error] = errors
    assert (error.path, error.line) == (str(path), line)
    assert error.message.startswith(f"invalid JSON at column {column}: ")
    assert error.message.endswith("; not checked")


def test_empty_file_and_empty_list(tmp_path):
    empty = write(tmp_path / "empty.json", " \n\n")
    assert [(e.line, e.message.split(":")[0]) for e in read(empty)[1]] == [(1, "is empty")]
    assert read(write(tmp_path / "none.json", "[]")) == ([], [])


def test_deeply_nested_json(tmp_path):
    path = write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    _, errors = read(path)
    assert len(errors) == 1 and "JSON" in errors[0].message


def test_not_utf8(tmp_path):
    path = write(tmp_path / "latin.json", b'[\n{"text": "caf\xe9"}\n]')
    _, errors = read(path)
    assert [(e.line, "UTF-8" in e.message) for e in errors] == [(2, True)]
