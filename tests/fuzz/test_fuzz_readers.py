"""Fuzzing every reader: whatever the bytes, a reader yields Posts and located InputErrors and
never raises. See strategies.py for the number of examples and how to run more."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from compliance.model import InputError, Post
from compliance.sources import FORMAT_READERS, READERS, read_input, Input, sniff

from .strategies import (
    TRIED, deep, escaped_surrogates, fuzz_settings, huge_line, nasty_text, post_objects, raw_bytes, to_bytes,
)

PATH = "fuzz/input"


def check_items(target: str, data: bytes, path: str = PATH) -> list[Post | InputError]:
    TRIED[target] += 1
    items = list(FORMAT_READERS[target](data, path))
    for item in items:
        assert isinstance(item, (Post, InputError)), item
        if isinstance(item, InputError):
            assert item.path == path
            assert item.message
            assert item.line is None or item.line >= 1
        else:
            assert item.text.strip()
            item.text.encode("utf-8")  # no lone surrogate reaches the checks
            assert item.origin.path == path
    return items


# -- every reader on random bytes -----------------------------------------------------------

@fuzz_settings(2)
@given(st.sampled_from(sorted(FORMAT_READERS)), raw_bytes)
def test_any_reader_random_bytes(name, data):
    check_items(name, data)


@fuzz_settings(0.3)
@given(st.sampled_from(sorted(FORMAT_READERS)), huge_line)
def test_any_reader_huge_line(name, line):
    check_items(name, line.encode())


@fuzz_settings()
@given(raw_bytes)
def test_sniffed_stdin(data):
    TRIED["stdin"] += 1
    import io
    for item in read_input(Input("<stdin>", None, "auto"), io.BytesIO(data)):
        assert isinstance(item, (Post, InputError))
    assert sniff(data) in FORMAT_READERS


def test_every_extension_has_a_fuzzed_reader():
    assert set(READERS.values()) <= set(FORMAT_READERS.values())


# -- text and Markdown ------------------------------------------------------------------------

@fuzz_settings()
@given(nasty_text)
def test_text(text):
    check_items("text", to_bytes(text))


front_matter_lines = st.lists(
    st.one_of(
        st.builds(lambda k, v: f"{k}: {v}", st.sampled_from(["text", "platform", "sponsored", "market", "ignore", "transcript", "id", "overlay"]), nasty_text),
        nasty_text,
        st.sampled_from(["- a", "  - b", "? x", "&a [1]", "*a", "!!binary xx", "key: [unclosed", "{a: 1", "- ", ":", "|", ">-", "%YAML 1.1", "---", "..."]),
    ),
    max_size=6,
)


@fuzz_settings(1.5)
@given(front_matter_lines, st.sampled_from(["---", "...", ""]), nasty_text)
def test_markdown_front_matter(lines, closing, body):
    source = "---\n" + "\n".join(lines) + ("\n" + closing if closing else "") + "\n" + body
    check_items("markdown", to_bytes(source))


# -- JSON Lines and JSON ------------------------------------------------------------------------

jsonl_line = st.one_of(
    post_objects.map(escaped_surrogates),
    post_objects.map(lambda v: json.dumps(v, ensure_ascii=False)),
    st.builds(lambda t: '{"text": "%s"}' % t, st.sampled_from(["\\ud800", "\\udfff x", "a\\ud83d", "\\u0000", "\\", "\\x", "\\u12"])),
    st.integers(1, 3000).map(lambda n: '{"text": ' + deep(n) + "}"),
    st.integers(1, 3000).map(lambda n: deep(n, "{")),
    nasty_text,
)


@fuzz_settings(2)
@given(st.lists(jsonl_line, max_size=5), st.sampled_from(["\n", "\r\n"]))
def test_jsonl(lines, newline):
    check_items("jsonl", to_bytes(newline.join(lines)))


json_document = st.one_of(
    st.lists(post_objects, max_size=4).map(escaped_surrogates),
    post_objects.map(escaped_surrogates),
    st.builds(lambda key, v: json.dumps({key: v}), st.sampled_from(["posts", "data", "items", "results", "entries"]), st.lists(post_objects, max_size=3) | post_objects),
    st.integers(1, 5000).map(deep),
    st.integers(1, 5000).map(lambda n: "[" + deep(n, "{") + "]"),
    st.builds(lambda s, cut: s[:cut], st.lists(post_objects, min_size=1, max_size=3).map(lambda v: json.dumps(v, indent=2)), st.integers(0, 200)),
    nasty_text,
)


@fuzz_settings(2)
@given(json_document)
def test_json(document):
    check_items("json", to_bytes(document))


# -- CSV ------------------------------------------------------------------------------------

csv_cell = st.one_of(nasty_text, st.sampled_from(['"', '""', '"a"b', 'a"b', '"open', '"a\nb"', "=1+1", ";", "\t", ",", "instagram", "yes", "us;uk"]))
csv_header = st.lists(st.sampled_from(["text", "Caption", "id", "Post ID", "platform", "sponsored", "market", "transcript", "x", '"text"', "text,id", ""]), min_size=1, max_size=5)


@fuzz_settings(2)
@given(csv_header, st.lists(st.lists(csv_cell, max_size=5), max_size=5), st.sampled_from([",", ";", "\t"]), st.sampled_from(["\n", "\r\n", "\r"]))
def test_csv(header, rows, delimiter, newline):
    source = newline.join(delimiter.join(row) for row in [header, *rows])
    check_items("csv", to_bytes(source))


@fuzz_settings(0.3)
@given(st.integers(100_000, 300_000), st.booleans())
def test_csv_huge_cell(size, closed):
    # Over csv's field size limit (131072 characters), quoted or not.
    cell = '"' + "a" * size + ('"' if closed else "")
    check_items("csv", f"text,id\n{cell},1\nfine,2\n".encode())


# -- caption files ------------------------------------------------------------------------------

timing = st.one_of(
    st.builds(
        lambda a, b, sep, arrow: f"{a[0]:02d}:{a[1]:02d}:{a[2]:02d}{sep}{a[3]:03d}{arrow}{b[0]:02d}:{b[1]:02d}:{b[2]:02d}{sep}{b[3]:03d}",
        st.tuples(st.integers(0, 999), st.integers(0, 99), st.integers(0, 99), st.integers(0, 999)),
        st.tuples(st.integers(0, 999), st.integers(0, 99), st.integers(0, 99), st.integers(0, 999)),
        st.sampled_from([",", "."]),
        st.sampled_from([" --> ", "-->", " -> ", "\t-->\t"]),
    ),
    nasty_text,
)
cue = st.builds(lambda n, t, lines: "\n".join([n, t, *lines]), st.one_of(st.integers(0, 10**30).map(str), nasty_text), timing, st.lists(nasty_text, max_size=3))


@fuzz_settings(2)
@given(st.sampled_from(["srt", "vtt"]), st.sampled_from(["", "WEBVTT\n\n", "WEBVTT - title\nKind: captions\n\n", "\ufeffWEBVTT\n", "NOTE x\n\n"]), st.lists(cue, max_size=4), st.sampled_from(["\n\n", "\n", "\r\n\r\n"]))
def test_captions(name, header, cues, separator):
    check_items(name, to_bytes(header + separator.join(cues)))
