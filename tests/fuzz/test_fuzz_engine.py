"""Fuzzing the engine: every post the readers can produce gets a Result, whatever its text."""

from __future__ import annotations

import functools

from hypothesis import given
from hypothesis import strategies as st

from compliance import Checker, load_rulesets
from compliance.model import FORMATS, PLATFORMS, RELATIONSHIPS, Origin
from compliance.sources.fields import FieldError, post_from_fields

from .strategies import TRIED, fuzz_settings, nasty_text


@functools.lru_cache(maxsize=1)
def checker() -> Checker:
    return Checker(load_rulesets(["us-ftc"]))


def maybe(values):
    return st.one_of(st.none(), st.sampled_from(values))


fields = st.fixed_dictionaries(
    {"text": nasty_text},
    optional={
        "platform": st.sampled_from(PLATFORMS), "format": st.sampled_from(FORMATS), "relationship": st.sampled_from(RELATIONSHIPS),
        "sponsored": st.one_of(st.none(), st.booleans()), "language": maybe(["en", "fr", "xx", "EN-us"]), "market": st.sampled_from([["us"], ["us", "uk"], ["zz"]]),
        "brand": nasty_text, "transcript": st.one_of(nasty_text, st.lists(st.fixed_dictionaries({"text": nasty_text, "start": st.floats(0, 1e6)}), max_size=3)),
        "overlay": st.one_of(nasty_text, st.lists(nasty_text, max_size=3)),
    },
)


@fuzz_settings(0.5)
@given(st.lists(fields, min_size=1, max_size=3))
def test_engine_result_for_every_post(many):
    posts = []
    for index, values in enumerate(many):
        try:
            posts.append(post_from_fields(values, Origin("fuzz.jsonl", index + 1, 1), default_id=f"p{index}"))
        except FieldError:
            continue  # readers report these; the engine never sees them
    TRIED["engine"] += len(posts)
    results = list(checker().check_all(posts))
    assert [result.post.id for result in results] == [post.id for post in posts]
