"""The size limits (max-post-size, max-line-length), and regression tests for crashes the
fuzzers found."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.config import CHECKS
from compliance.model import InputError, Post
from compliance.plan import InvalidPlan, load_plan, posts
from compliance.sources import FORMAT_READERS, csv_posts, jsonl, read_paths
from compliance.sources.fields import size_text

BIG = "#ad " + "a" * 3_200_000  # 3.2 MB


def test_size_text():
    assert [size_text(n) for n in (512, 64_000, 1_000_000, 3_200_004)] == ["512 bytes", "64 kB", "1 MB", "3.2 MB"]


@pytest.mark.parametrize("name", ["text", "markdown", "srt", "vtt"])
def test_post_over_max_post_size_is_reported(name):
    data = {"text": BIG, "markdown": "---\nplatform: x\n---\n" + BIG, "srt": "1\n00:00:01,000 --> 00:00:02,000\n" + BIG,
            "vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + BIG}[name]
    (error,) = FORMAT_READERS[name](data.encode(), "big")
    assert isinstance(error, InputError) and error.path == "big"
    assert error.message == "post text is 3.2 MB, over the limit of 1 MB (max-post-size); not checked"
    assert error.line == (4 if name == "markdown" else 1 if name == "text" else None)


def test_max_post_size_is_a_parameter():
    assert isinstance(next(FORMAT_READERS["text"](b"#ad hello", "p", max_post_size=100)), Post)
    error = next(FORMAT_READERS["text"]("é".encode() * 60, "p", max_post_size=100))
    assert error.message == "post text is 120 bytes, over the limit of 100 bytes (max-post-size); not checked"


def test_json_element_over_max_post_size_the_rest_read():
    data = ('[{"text": "%s"},\n {"text": "#ad ok"}]' % BIG).encode()
    first, second = FORMAT_READERS["json"](data, "p.json")
    assert str(first) == "p.json:1: element 0: post text is 3.2 MB, over the limit of 1 MB (max-post-size); not checked"
    assert isinstance(second, Post) and second.text == "#ad ok"


def test_jsonl_line_over_max_line_length_the_rest_read():
    data = ('{"text": "ok 1"}\n{"text": "%s"}\n{"text": "ok 3"}\n' % BIG).encode()
    items = list(jsonl.read(data, "p.jsonl"))
    assert [type(i) for i in items] == [Post, InputError, Post]
    assert str(items[1]) == "p.jsonl:2: line is 3.2 MB, over the limit of 1 MB (max-line-length); line not checked"
    # A longer line allowed: the post itself is still over max-post-size.
    items = list(jsonl.read(data, "p.jsonl", max_line_length=10_000_000))
    assert items[1].message == "post text is 3.2 MB, over the limit of 1 MB (max-post-size); line not checked"
    assert [type(i) for i in jsonl.read(data, "p.jsonl", max_line_length=10_000_000, max_post_size=10_000_000)] == [Post] * 3


def test_csv_row_over_max_line_length_the_rest_read():
    # Many cells, each under csv's own cell limit (131072 characters), 3.2 MB in all.
    wide = ",".join(["#ad " + "a" * 100_000] * 32)
    data = f"text,id{',x' * 31}\n{wide},1\n#ad fine,2{',' * 31}\n".encode()
    items = list(csv_posts.read(data, "p.csv"))
    assert str(items[0]) == "p.csv:2: row is 3.2 MB, over the limit of 1 MB (max-line-length); row not checked"
    assert isinstance(items[1], Post) and items[1].id == "2" and items[1].origin.line == 3
    assert len(list(csv_posts.read(b"text,id\n#ad fine,1\n" * 1, "p.csv", max_line_length=5))) == 1


def test_read_paths_passes_the_limits(tmp_path):
    (tmp_path / "a.txt").write_text("#ad " + "x" * 200)
    (errors,) = read_paths([str(tmp_path / "a.txt")], max_post_size=100)
    assert "over the limit of 100 bytes (max-post-size)" in errors.message


@pytest.mark.parametrize("key", ["max-post-size", "max-line-length"])
def test_limits_in_the_configuration_are_validated(key):
    assert CHECKS[key](2_000_000, Path(".")) == 2_000_000
    for bad in (0, -1, "1MB", True, 1.5):
        with pytest.raises(ValueError, match="size in bytes"):
            CHECKS[key](bad, Path("."))


# -- regressions: crashes the fuzzers found ------------------------------------------------------

def test_csv_plan_with_a_cell_over_csvs_limit_is_refused_not_raised(tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_text('id,text\n1,"' + "a" * 140_000 + "\n2,fine\n")
    with pytest.raises(InvalidPlan) as caught:
        load_plan(str(plan))
    (error,) = caught.value.errors
    assert error.path == str(plan) and error.line and "cannot be read as CSV" in error.message


@pytest.mark.parametrize("text", ['""', '"   "'])
def test_plan_entry_with_an_empty_or_invalid_inline_text_is_reported(tmp_path, text):
    plan = tmp_path / "plan.yaml"
    plan.write_text(f"entries:\n  - id: a\n    text: {text}\n  - id: b\n    text: '#ad fine'\n")
    (first, a), (second, b) = posts(load_plan(str(plan)))
    assert isinstance(a, tuple) and a[0].line == 3 and a[0].message.startswith("entry a: field 'text': ")
    assert isinstance(b, Post)


def test_plan_entry_over_max_post_size_is_reported(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(f"entries:\n  - id: a\n    text: '{BIG}'\n")
    ((_, found),) = posts(load_plan(str(plan)))
    assert found[0].message == "entry a: field 'text': post text is 3.2 MB, over the limit of 1 MB (max-post-size)"
