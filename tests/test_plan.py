"""Content plans: YAML and CSV parsing, every bad plan with its line, and how entry fields flow
into the post."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from compliance import Checker, load_rulesets
from compliance.model import InputError, Post
from compliance.plan import InvalidPlan, load_plan, posts


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


PLAN = """\
campaign: Hydrate & Move
brand: Brinlo
markets: [us]
claims: claims.yaml
defaults:
  language: en
entries:
  - id: HM-01
    date: 2027-01-11
    platform: instagram
    format: reel
    pillar: launch
    creator: "@maya.runs"
    relationship: paid
    draft: drafts/maya.md
  - id: HM-02
    date: 2027-01-19
    platform: x
    creator: "@brinlo"
    relationship: advertiser
    text: "New flavour drops Monday. Free shipping on every order!"
  - id: HM-03
    date: 2027-01-20
    platform: youtube
    format: video
    relationship: paid
    draft: drafts/theo.md
    captions: captions/theo.vtt
"""


@pytest.fixture()
def campaign(tmp_path: Path) -> Path:
    write(tmp_path, "drafts/maya.md", "---\nrelationship: none\nplatform: tiktok\n---\nMorning miles with my new bottle 💧\n")
    write(tmp_path, "drafts/theo.md", "#ad Theo's winter 50k, fuelled by @brinlo\n")
    write(tmp_path, "captions/theo.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHey, it's Theo.\n\n00:01:40.000 --> 00:01:44.000\nThis video is sponsored by Brinlo.\n")
    write(tmp_path, "drafts/extra.md", "an unplanned draft\n")
    return write(tmp_path, "plan.yaml", PLAN)


def entries(path: Path) -> dict[str, Post | tuple[InputError, ...]]:
    return {planned.entry.id: post for planned, post in posts(load_plan(str(path)))}


def test_yaml_plan_fields_and_entries(campaign: Path) -> None:
    plan = load_plan(str(campaign))
    assert (plan.campaign, plan.brand, plan.markets) == ("Hydrate & Move", "Brinlo", ("us",))
    assert plan.claims == str(campaign.parent / "claims.yaml")
    first = plan.entries[0].entry
    assert (first.id, first.date, first.week, first.platform, first.format, first.creator, first.pillar, first.campaign) == (
        "HM-01", datetime.date(2027, 1, 11), "2027-W02", "instagram", "reel", "@maya.runs", "launch", "Hydrate & Move",
    )
    assert first.line == 8 and first.draft == "drafts/maya.md"


def test_entry_fields_win_over_the_drafts_and_defaults_fill_the_rest(campaign: Path) -> None:
    post = entries(campaign)["HM-01"]
    assert isinstance(post, Post)
    # The plan says paid on instagram; the draft's front matter said otherwise: the plan wins.
    assert (post.id, post.relationship, post.platform, post.language, post.market, post.brand) == ("HM-01", "paid", "instagram", "en", ("us",), "Brinlo")
    assert post.origin.path == str(campaign.parent / "drafts/maya.md")


def test_a_paid_entry_needs_a_disclosure_though_its_text_shows_no_deal(campaign: Path) -> None:
    post = entries(campaign)["HM-01"]
    assert isinstance(post, Post)
    findings = Checker(load_rulesets(["us-ftc"])).check(post).findings
    assert [f.rule for f in findings] == ["US-D-01"]
    assert findings[0].path.endswith("drafts/maya.md") and findings[0].line == 5


def test_inline_text_is_located_in_the_plan(campaign: Path) -> None:
    post = entries(campaign)["HM-02"]
    assert isinstance(post, Post)
    line, column = post.origin.locate(post.text, post.text.index("Free"))
    assert (post.origin.path, line) == (str(campaign), 21)
    assert PLAN.split("\n")[line - 1][column - 1 :].startswith("Free shipping")


def test_a_literal_block_is_located_line_by_line(tmp_path: Path) -> None:
    plan = write(tmp_path, "plan.yaml", "entries:\n  - id: A\n    text: |\n      first line\n      second #ad line\n")
    post = entries(plan)["A"]
    assert isinstance(post, Post)
    assert post.origin.locate(post.text, post.text.index("#ad")) == (5, 14)


def test_captions_become_the_timed_transcript(campaign: Path) -> None:
    post = entries(campaign)["HM-03"]
    assert isinstance(post, Post)
    assert post.transcript is not None and "sponsored by Brinlo" in post.transcript
    assert [seconds for _, seconds in post.cue_times] == [1.0, 100.0]
    rules = [f.rule for f in Checker(load_rulesets(["us-ftc"])).check(post).findings]
    assert "US-D-08B" in rules  # said, but only at 1:40


def test_unplanned_drafts_are_listed(campaign: Path) -> None:
    assert load_plan(str(campaign)).unplanned() == (str(campaign.parent / "drafts/extra.md"),)


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        ("    draft: drafts/a.md\n    channel: x\n", 4, "unknown field 'channel' (did you mean 'platform'?)"),
        ("    draft: drafts/a.md\n    creater: x\n", 4, "unknown field 'creater' (did you mean 'creator'?)"),
        ("    date: 2027-13-40\n    draft: drafts/a.md\n", 3, "field 'date': '2027-13-40' is not a date"),
        ("    date: next monday\n    draft: drafts/a.md\n", 3, "field 'date': 'next monday' is not a date"),
        ("    draft: drafts/missing.md\n", 2, "draft 'drafts/missing.md' does not exist"),
        ("    draft: ../outside.md\n", 3, "field 'draft': '../outside.md' is outside the plan's folder"),
        ("    draft: /etc/passwd\n", 3, "field 'draft': '/etc/passwd' is outside the plan's folder"),
        ("    draft: drafts/a.md\n    text: hi\n", 4, "give either 'draft'"),
        ("    platform: myspace\n    draft: drafts/a.md\n", 3, "field 'platform': 'myspace' is not one of"),
        ("    relationship: paid\n", 2, "field 'draft': missing"),
        ("    draft: drafts/a.md\n    captions: drafts/a.md\n", 4, "field 'captions': must be a caption file"),
    ],
)
def test_a_bad_entry_is_reported_with_its_line_and_the_others_are_checked(tmp_path: Path, entry: str, line: int, message: str) -> None:
    write(tmp_path, "drafts/a.md", "#ad a post\n")
    write(tmp_path / "sub", "x", "")
    write(tmp_path.parent, "outside.md", "#ad outside\n")
    plan = write(tmp_path / "sub", "plan.yaml", f"entries:\n  - id: BAD\n{entry}  - id: GOOD\n    text: '#ad fine'\n")
    # The plan sits in sub/, its drafts beside it.
    write(tmp_path / "sub", "drafts/a.md", "#ad a post\n")
    write(tmp_path / "sub", "drafts/missing.md.not", "")
    found = entries(plan)
    bad = found["BAD"]
    assert isinstance(bad, tuple) and len(bad) == 1, bad
    assert bad[0].path == str(plan) and bad[0].line == line
    assert message in bad[0].message and "entry BAD" in bad[0].message
    assert isinstance(found["GOOD"], Post)


def test_a_symbolic_link_out_of_the_plans_folder_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "secret.md", "#ad secret\n")
    (tmp_path / "plan").mkdir()
    os.symlink(tmp_path / "secret.md", tmp_path / "plan" / "link.md")
    plan = write(tmp_path / "plan", "plan.yaml", "entries:\n  - id: A\n    draft: link.md\n")
    bad = entries(plan)["A"]
    assert isinstance(bad, tuple) and "outside the plan's folder" in bad[0].message


def test_duplicate_ids_are_reported_on_the_second(tmp_path: Path) -> None:
    plan = write(tmp_path, "plan.yaml", "entries:\n  - id: A\n    text: '#ad one'\n  - id: A\n    text: '#ad two'\n")
    planned = load_plan(str(plan)).entries
    assert planned[0].problems == ()
    assert planned[1].problems[0].line == 4 and "used by an earlier entry" in planned[1].problems[0].message


def test_a_draft_with_several_posts_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "posts.jsonl", '{"text": "#ad one"}\n{"text": "#ad two"}\n')
    plan = write(tmp_path, "plan.yaml", "entries:\n  - id: A\n    draft: posts.jsonl\n")
    bad = entries(plan)["A"]
    assert isinstance(bad, tuple) and "holds 2 posts" in bad[0].message


def test_an_unreadable_draft_names_the_entry_and_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes(b"caf\xe9 #ad\n")
    plan = write(tmp_path, "plan.yaml", "entries:\n  - id: A\n    draft: bad.md\n")
    bad = entries(plan)["A"]
    assert isinstance(bad, tuple) and bad[0].path == str(tmp_path / "bad.md") and "entry A" in bad[0].message and "UTF-8" in bad[0].message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("campaign: x\n", "a list of 'entries'"),
        ("entries: [\n", "not valid YAML"),
        ("- a\n- b\n", "a list of 'entries'"),
        ("campain: x\nentries:\n  - {id: A, text: hi}\n", "unknown field 'campain' (did you mean 'campaign'?)"),
        ("defaults: {colour: red}\nentries:\n  - {id: A, text: hi}\n", "'defaults.colour': not a post field"),
        ("entries:\n  - {id: A, text: hi}\nx: !!python/object:os.system {}\n", "not allowed"),
    ],
)
def test_a_plan_that_cannot_be_read_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    plan = write(tmp_path, "plan.yaml", text)
    with pytest.raises(InvalidPlan) as caught:
        load_plan(str(plan))
    assert any(message in e.message and e.path == str(plan) for e in caught.value.errors), caught.value.errors


def test_csv_plan(tmp_path: Path) -> None:
    write(tmp_path, "drafts/a.md", "love this bottle\n")
    plan = write(tmp_path, "plan.csv", (
        "id;date;platform;creator;relationship;market;campaign;draft;text\n"
        "A;2027-01-11;Instagram;@maya;paid;us;Hydrate;drafts/a.md;\n"
        'B;2027-01-12;x;@brinlo;advertiser;us;Hydrate;;"New flavour,\nout now #ad"\n'
        "C;11/01/2027;x;@brinlo;advertiser;us;Hydrate;;hi\n"
    ))
    loaded = load_plan(str(plan))
    assert loaded.campaign == "Hydrate" and loaded.markets == ("us",)
    found = {planned.entry.id: (planned, post) for planned, post in posts(loaded)}
    planned_a, post_a = found["A"]
    assert isinstance(post_a, Post) and (post_a.relationship, post_a.platform, planned_a.entry.line) == ("paid", "instagram", 2)
    _, post_b = found["B"]
    assert isinstance(post_b, Post) and post_b.origin.locate(post_b.text, post_b.text.index("#ad"))[0] == 4
    _, errors_c = found["C"]
    assert isinstance(errors_c, tuple) and errors_c[0].line == 5 and "'11/01/2027' is not a date" in errors_c[0].message


def test_csv_plan_with_an_unknown_column(tmp_path: Path) -> None:
    plan = write(tmp_path, "plan.csv", "id,text,colour\nA,hi,red\n")
    with pytest.raises(InvalidPlan) as caught:
        load_plan(str(plan))
    assert caught.value.errors[0].line == 1 and "unknown column 'colour'" in caught.value.errors[0].message


def test_a_caption_file_with_a_broken_cue_keeps_the_entry_from_being_checked(tmp_path: Path) -> None:
    write(tmp_path, "captions/v.srt", "1\n00:00:01,000 --> 00:00:03,000\nhello\n\n2\n00:00:99,000 --> 00:01:00,000\nsponsored by Brinlo\n")
    plan = write(tmp_path, "plan.yaml", "entries:\n  - id: A\n    text: '#ad my video'\n    format: video\n    captions: captions/v.srt\n")
    bad = entries(plan)["A"]
    assert isinstance(bad, tuple) and bad[0].path.endswith("v.srt") and bad[0].line == 6 and "entry A" in bad[0].message
