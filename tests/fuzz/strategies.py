"""Hypothesis strategies for hostile input: odd Unicode, broken structure, random bytes.

The number of examples per target is EXAMPLES (COMPLIANCE_FUZZ_EXAMPLES in the environment,
default 100); runs are derandomized so CI sees the same inputs every time. For a longer hunt:

    COMPLIANCE_FUZZ_EXAMPLES=2000 python -m pytest tests/fuzz -q -s
"""

from __future__ import annotations

import collections
import json
import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("COMPLIANCE_FUZZ_EXAMPLES", "100"))
# Inputs tried per target, printed by the last test of the suite.
TRIED: collections.Counter[str] = collections.Counter()


def fuzz_settings(scale: float = 1.0) -> settings:
    return settings(
        max_examples=max(1, int(EXAMPLES * scale)),
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# Characters that break naive code: controls, NUL, BOM, line and paragraph separators, RTL and
# bidi overrides, zero-width joiners, combining marks, astral emoji, and lone surrogates.
SPECIAL = [
    "\x00", "\x01", "\x1b", "\x7f", "\r", "\r\n", "\t", "\x0b", "\x0c", "\x85", "\u2028", "\u2029",
    "\ufeff", "\u200e", "\u200f", "\u202e", "\u2066", "\u200b", "\u200d", "\u0301", "\ufffd",
    "👩\u200d👩\u200d👧", "🇺🇸", "👍🏽", "#ad", "@brand", "#sponsored", "code MAYA15", "---", "...",
    '"', "'", ",", ";", "{", "}", "[", "]", ":", "\\", "<v Maya>", "-->", "00:00:01,000 --> 00:00:02,000",
    "\ud800", "\udfff", "WEBVTT", "NOTE", "1", "\n", "\n\n",
]
chars = st.characters(codec=None, exclude_categories=())  # every code point, surrogates included
nasty_text = st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(chars, max_size=8), st.text(max_size=20)), max_size=25).map("".join)
# Text a file can hold: lone surrogates become invalid UTF-8 bytes (surrogatepass).
def to_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


raw_bytes = st.one_of(
    st.binary(max_size=200),
    nasty_text.map(to_bytes),
    st.sampled_from([b"", b"\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00" * 10, b"\xc3", b"\xed\xa0\x80", b"   \n\n\t"]),
)
huge_line = st.builds(lambda c, n: c * n, st.sampled_from(["a", "é", "👍", " ", "#ad "]), st.integers(10_000, 200_000))

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), nasty_text)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(nasty_text, inner, max_size=4), max_leaves=12)
post_keys = st.sampled_from(["text", "id", "platform", "format", "language", "market", "relationship", "sponsored", "brand", "transcript", "overlay", "ignore", "posts", "data"])
post_objects = st.dictionaries(st.one_of(post_keys, nasty_text), json_values, max_size=6)


def escaped_surrogates(value: object) -> str:
    """JSON with lone surrogates as \\ud800 escapes (ensure_ascii spells them so)."""
    return json.dumps(value, ensure_ascii=True)


def deep(depth: int, opener: str = "[") -> str:
    """A JSON value nested `depth` levels deep."""
    if opener == "[":
        return "[" * depth + "1" + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth
