"""Fuzzing the content-plan loader: a YAML or CSV plan (with drafts beside it) either loads, with
every entry's problems located, or is refused with InvalidPlan; nothing else is raised."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from compliance.model import InputError, Post
from compliance.plan import ContentPlan, InvalidPlan, load_plan, posts

from .strategies import TRIED, deep, fuzz_settings, nasty_text, raw_bytes, to_bytes

entry_keys = st.sampled_from(["id", "date", "platform", "format", "text", "draft", "captions", "market", "sponsored", "relationship", "creator", "pillar", "campaign", "language", "transcript", "overlay", "ignore", "bogus"])
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), nasty_text, st.dates().map(str),
                    st.sampled_from(["draft.md", "post.jsonl", "../outside.md", "/etc/passwd", "caps.srt", "a\x00b.md", "missing.txt", "dir", "."]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(nasty_text, inner, max_size=3), max_leaves=6)
entry = st.one_of(st.dictionaries(entry_keys, values, max_size=7), st.fixed_dictionaries({"id": st.text(min_size=1), "text": nasty_text}))
plan_data = st.one_of(
    st.fixed_dictionaries(
        {"entries": st.one_of(st.lists(st.one_of(entry, values), max_size=4), values)},
        optional={"campaign": values, "brand": values, "markets": values, "claims": values, "defaults": values, "bogus": values},
    ),
    values,
)
DRAFTS = {
    "draft.md": st.one_of(raw_bytes, st.just(b"---\nplatform: instagram\n---\n#ad my post\n")),
    "post.jsonl": st.one_of(raw_bytes, st.just(b'{"text": "#ad hi"}\n')),
    "caps.srt": st.one_of(raw_bytes, st.just(b"1\n00:00:01,000 --> 00:00:02,000\nhi\n")),
}


def check_plan(target: str, name: str, data: bytes, drafts: dict[str, bytes]) -> None:
    TRIED[target] += 1
    with tempfile.TemporaryDirectory() as folder:
        for draft, content in drafts.items():
            Path(folder, draft).write_bytes(content)
        Path(folder, "dir").mkdir()
        path = str(Path(folder, name))
        Path(path).write_bytes(data)
        try:
            plan = load_plan(path)
        except InvalidPlan as exc:
            assert exc.errors and all(isinstance(e, InputError) and e.path == path for e in exc.errors)
            return
        assert isinstance(plan, ContentPlan)
        for planned, post in posts(plan):
            if isinstance(post, tuple):
                assert post and all(isinstance(e, InputError) for e in post)
            else:
                assert isinstance(post, Post)
                post.text.encode("utf-8")


@fuzz_settings(2)
@given(plan_data, st.fixed_dictionaries(DRAFTS))
def test_yaml_plan(data, drafts):
    source = yaml.safe_dump(data, allow_unicode=True)
    check_plan("plan-yaml", "plan.yaml", to_bytes(source), drafts)


@fuzz_settings()
@given(st.one_of(raw_bytes, nasty_text.map(to_bytes), st.integers(1, 3000).map(lambda n: ("entries: " + deep(n)).encode())))
def test_yaml_plan_raw(data):
    check_plan("plan-yaml-raw", "plan.yml", data, {})


csv_plan_header = st.lists(st.sampled_from(["id", "text", "draft", "date", "platform", "market", "sponsored", "captions", "creator", "Bogus", ""]), min_size=1, max_size=5)
csv_plan_cell = st.one_of(nasty_text, st.sampled_from(['"', '"open', 'a"b', "draft.md", "post.jsonl", "caps.srt", "a\x00b.md", "../x.md", "2027-01-11", "yes", "us;uk", "#ad hi"]))


@fuzz_settings(2)
@given(csv_plan_header, st.lists(st.lists(csv_plan_cell, max_size=5), max_size=4), st.sampled_from([",", ";", "\t"]), st.fixed_dictionaries(DRAFTS))
def test_csv_plan(header, rows, delimiter, drafts):
    source = "\n".join(delimiter.join(row) for row in [header, *rows])
    check_plan("plan-csv", "plan.csv", to_bytes(source), drafts)


@fuzz_settings(0.2)
@given(st.integers(140_000, 300_000), st.booleans())
def test_csv_plan_huge_cell(size, closed):
    cell = '"' + "a" * size + ('"' if closed else "")
    check_plan("plan-csv", "plan.csv", f"id,text\n1,{cell}\n2,fine\n".encode(), {})
