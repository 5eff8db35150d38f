"""Safe fixes (compliance/fixes.py): the fix of a hit, applying fixes, mapping them into real
files of every fixable type, the diff, atomic writes, and refusals, with the real us-ftc checker."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
from pathlib import Path

import pytest

from compliance import Checker, load_rulesets
from compliance.checks.base import Hit
from compliance.engine import Result
from compliance.fixes import (
    FixOutcome, apply, file_edits, fix_files, fix_for, starts_with_label, unified_diff, write,
)
from compliance.model import Fix, Origin, Post, Suppression
from compliance.sources import read_paths
from compliance.sources.fields import post_from_fields

CODE_POST = "These leggings are everything 🔥 use code MAYA15 for 15% off"  # US-D-14: insert "#ad "


@pytest.fixture(scope="module")
def us_ftc():
    return load_rulesets(["us-ftc"])


@pytest.fixture(scope="module")
def checker(us_ftc):
    return Checker(us_ftc)


@pytest.fixture(scope="module")
def rules(us_ftc):
    return {rule.id: rule for rule in us_ftc[0].rules}


def with_fixes(result: Result, rules) -> Result:
    """The result with each finding's fix, as make_finding will attach it (computed here from the
    finding's span until the engine does)."""
    def fixed(finding):
        if finding.fix is not None:
            return finding
        rule = rules[finding.rule]
        span = (finding.start, finding.end) if finding.end > finding.start else (None, None)
        return dataclasses.replace(finding, fix=fix_for(rule, Hit(*span), result.post, rule.preferred_label))
    return dataclasses.replace(result, findings=tuple(fixed(f) for f in result.findings))


def check(checker, rules, *paths: Path) -> list[Result]:
    posts = [p for p in read_paths([str(p) for p in paths]) if isinstance(p, Post)]
    return [with_fixes(result, rules) for result in checker.check_all(posts)]


def recheck(checker, rules):
    return lambda posts: [with_fixes(result, rules) for result in checker.check_all(posts)]


def fixes_offered(results: list[Result]) -> list[Fix]:
    return [f.fix for r in results for f in r.findings if f.fix is not None]


def post(text: str, **fields) -> Post:
    return post_from_fields({**fields, "text": text}, Origin("<string>"), default_id="<string>")


def write_file(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# --- fix_for ------------------------------------------------------------------------------------


def test_insert_label_puts_the_label_and_a_space_before_the_first_character(rules):
    assert fix_for(rules["US-D-14"], Hit(40, 51), post(CODE_POST), "#ad") == Fix(0, 0, "#ad ")
    assert fix_for(rules["US-D-14"], Hit(None, None), post("\n\n  " + CODE_POST), "#ad") == Fix(4, 4, "#ad ")


@pytest.mark.parametrize("text", ["#ad " + CODE_POST, "  \n#ad\n" + CODE_POST, "#AD " + CODE_POST, "#ad"])
def test_no_insertion_when_the_text_already_starts_with_the_label(rules, text):
    assert starts_with_label(text, "#ad")
    assert fix_for(rules["US-D-01"], Hit(None, None), post(text), "#ad") is None


def test_a_longer_hashtag_is_not_the_label(rules):
    assert not starts_with_label("#adventure time", "#ad")
    assert fix_for(rules["US-D-01"], Hit(None, None), post("#adventure time"), "#ad") == Fix(0, 0, "#ad ")


def test_a_markdown_heading_keeps_its_line(rules):
    assert fix_for(rules["US-D-01"], Hit(None, None), post("# My routine\n\nbody"), "#ad") == Fix(0, 0, "#ad\n\n")
    assert fix_for(rules["US-D-01"], Hit(None, None), post("# My routine\r\n\r\nbody"), "#ad") == Fix(0, 0, "#ad\r\n\r\n")
    # A hashtag is not a heading.
    assert fix_for(rules["US-D-01"], Hit(None, None), post("#gym day"), "#ad") == Fix(0, 0, "#ad ")


def test_replace_label_replaces_a_hashtag_only(rules):
    rule = rules["US-D-02"]
    text = "New favourite lip oil 💋 #sp #beauty"
    start = text.index("#sp")
    assert fix_for(rule, Hit(start, start + 3), post(text), "#ad") == Fix(start, start + 3, "#ad")
    thanks = "Huge thanks @glowco for this set!! #skincare"
    assert fix_for(rule, Hit(5, 19), post(thanks), "#ad") is None  # "thanks @glowco": a sentence
    assert fix_for(rule, Hit(0, 7), post("#thanks @glowco"), "#ad") is None  # a thank-you, not a label
    assert fix_for(rule, Hit(9, 16), post("My entry #sweeps"), "#ad") is None  # a contest needs "contest"
    assert fix_for(rule, Hit(None, None), post(text), "#ad") is None  # the label is not in the text


def test_no_fix_without_a_fix_or_a_label(rules):
    assert fix_for(rules["US-D-17"], Hit(0, 13), post("Not sponsored https://amzn.to/3abc"), "#ad") is None
    assert fix_for(rules["US-D-14"], Hit(0, 3), post(CODE_POST), None) is None


def test_rules_carry_their_sets_preferred_label(rules):
    assert {rule.preferred_label for rule in rules.values()} == {"#ad"}
    fixed = {rule.id: rule.fix for rule in rules.values() if rule.fix}
    assert fixed == {
        "US-D-01": "insert_label", "US-D-02": "replace_label", "US-D-03": "insert_label", "US-D-04": "insert_label",
        "US-D-05": "insert_label", "US-D-12": "insert_label", "US-D-13": "insert_label", "US-D-14": "insert_label",
        "US-D-19": "insert_label",
    }


# --- apply ----------------------------------------------------------------------------------------


def test_apply_sorts_and_skips_overlaps():
    text = "abcdefgh"
    assert apply(text, [Fix(6, 8, "Z"), Fix(0, 0, "> ")]) == "> abcdefZ"
    assert apply(text, [Fix(2, 5, "X"), Fix(3, 4, "Y")]) == "abXfgh"  # the second overlaps the first
    assert apply(text, [Fix(0, 0, "#ad "), Fix(0, 3, "#ad")]) == "#ad abcdefgh"  # touching: the next run applies it
    assert apply(text, [Fix(0, 0, "#ad "), Fix(0, 0, "#ad ")]) == "#ad abcdefgh"  # the same insertion twice: once
    assert apply(text, [Fix(0, 0, "#ad "), Fix(0, 0, "Ad: ")]) == "#ad abcdefgh"
    assert apply(text, [Fix(5, 99, "X")]) == text  # outside the text


# --- files: text, Markdown, JSON Lines, JSON ---------------------------------------------------------


def test_txt_file_fixed_diffed_and_written(tmp_path, checker, rules, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write_file(tmp_path / "code.txt", CODE_POST + "\n")
    os.chmod(path, 0o640)
    outcome = fix_files(check(checker, rules, Path("code.txt")))
    (file,) = outcome.files
    assert file.new == "#ad " + CODE_POST + "\n"
    assert [(r.rule, r.line, r.column) for r in file.applied] == [("US-D-14", 1, CODE_POST.index("code") + 1)]
    diff = unified_diff(outcome)
    assert diff.splitlines()[:2] == ["--- a/code.txt", "+++ b/code.txt"]
    assert "-" + CODE_POST in diff and "+#ad " + CODE_POST in diff
    assert write(outcome) == []
    assert path.read_text(encoding="utf-8") == "#ad " + CODE_POST + "\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["code.txt"]  # no temporary file left


def test_markdown_front_matter_never_changes(tmp_path, checker, rules):
    front = "---\nid: serum\nplatform: instagram\nrelationship: gifted\n---\n"
    body = (
        "Spring skin reset 🌸 Three weeks with the new Dew Serum and my skin has honestly never\n"
        "looked this calm. Morning routine below, and yes I still use SPF every single day.\n\n"
        "Thank you @glowco for sending this! #skincare #springreset #glowco #gifted\n"
    )
    path = write_file(tmp_path / "serum.md", front + body)
    results = check(checker, rules, path)
    assert {f.rule for f in results[0].findings} == {"US-D-03"}
    (file,) = fix_files(results).files
    assert file.new == front + "#ad " + body
    # Offset 0 of the text is the first body line, after the front matter.
    (text_post,) = [r.post for r in results]
    assert file_edits(file.old, text_post, [Fix(0, 0, "X")]) == [(len(front), len(front), "X")]


def test_markdown_body_after_a_blank_line_and_a_heading(tmp_path, checker, rules):
    front = "---\nrelationship: paid\n---\n"
    path = write_file(tmp_path / "post.md", front + "\n# Protein bars, ranked\n\nThe best one I've tried 💪\n")
    (file,) = fix_files(check(checker, rules, path)).files
    assert file.new == front + "\n#ad\n\n# Protein bars, ranked\n\nThe best one I've tried 💪\n"


def test_markdown_suppression_directive_stays_on_its_own_line(tmp_path, checker, rules):
    directive = '<!-- compliance: ignore-file US-C-21 reason="Cleared by legal" -->\n'
    path = write_file(tmp_path / "post.md", directive + CODE_POST + "\n")
    results = check(checker, rules, path)
    assert "US-D-14" in {f.rule for r in results for f in r.findings}
    (file,) = fix_files(results).files
    assert file.new == directive + "#ad " + CODE_POST + "\n"


def test_jsonl_escapes_before_the_fix(tmp_path, checker, rules):
    lines = [
        json.dumps({"id": 'tea "1"', "text": "Café \"latte\" 😍\tloving it #sp #coffee", "sponsored": True}),
        json.dumps({"id": "code", "text": "\n\n" + CODE_POST}),
        json.dumps({"id": "clean", "text": "Just a walk in the park"}),
    ]
    path = write_file(tmp_path / "posts.jsonl", "\n".join(lines) + "\n")
    results = check(checker, rules, path)
    sp = next(f for r in results for f in r.findings if f.rule == "US-D-02")
    assert sp.column == lines[0].index("#sp") + 1  # the column is that of the file's characters
    (file,) = fix_files(results).files
    new_lines = file.new.split("\n")
    assert new_lines[0] == lines[0].replace("#sp", "#ad")
    assert json.loads(new_lines[0])["text"] == "Café \"latte\" 😍\tloving it #ad #coffee"
    assert json.loads(new_lines[1])["text"] == "\n\n#ad " + CODE_POST  # after the escaped newlines
    assert new_lines[1] == lines[1].replace('\\n\\n', '\\n\\n#ad ')
    assert new_lines[2] == lines[2]


def test_jsonl_written_with_ascii_escapes_stays_ascii(tmp_path, checker, rules):
    line = '{"text": "Loving this tea \\u00e9 #\\u0430d", "sponsored": true}'  # "#аd": a Cyrillic а
    path = write_file(tmp_path / "posts.ndjson", line + "\n")
    results = check(checker, rules, path)
    assert [f.rule for r in results for f in r.findings] == ["US-D-02"]
    (file,) = fix_files(results).files
    assert file.new == '{"text": "Loving this tea \\u00e9 #ad", "sponsored": true}\n'


def test_json_list_pretty_printed(tmp_path, checker, rules):
    posts = [
        {"id": "a", "platform": "instagram", "text": "Best run of the year 🏃 #running #marathon #ad #fitfam #nike"},
        {"id": "b", "text": "Shop my fall faves 🍂 https://liketk.it/4abc"},
        {"id": "c", "text": "Just a walk in the park"},
    ]
    path = write_file(tmp_path / "posts.json", json.dumps({"posts": posts}, indent=2, ensure_ascii=False) + "\n")
    (file,) = fix_files(check(checker, rules, path)).files
    fixed = json.loads(file.new)["posts"]
    assert [p["text"] for p in fixed] == ["#ad " + posts[0]["text"], "#ad " + posts[1]["text"], posts[2]["text"]]
    assert [p["id"] for p in fixed] == ["a", "b", "c"]
    assert file.new.count("\n") == file.old.count("\n")


def test_single_post_json_object(tmp_path, checker, rules):
    path = write_file(tmp_path / "post.json", json.dumps({"text": CODE_POST, "platform": "tiktok"}))
    (file,) = fix_files(check(checker, rules, path)).files
    assert json.loads(file.new) == {"text": "#ad " + CODE_POST, "platform": "tiktok"}
    assert unified_diff(FixOutcome((file,))).endswith("\n\\ No newline at end of file\n")


# --- overlaps, passes, idempotence ----------------------------------------------------------------


def test_overlapping_fixes_one_pass_skips_the_second(tmp_path, checker, rules):
    text = "#sp my desk https://amzn.to/3abc #affiliate"  # US-D-02 replaces "#sp"; US-D-13 inserts at 0
    path = write_file(tmp_path / "desk.txt", text)
    results = check(checker, rules, path)
    assert sorted(fixes_offered(results), key=lambda f: f.end) == [Fix(0, 0, "#ad "), Fix(0, 3, "#ad")]
    (file,) = fix_files(results).files
    assert file.new == "#ad " + text
    assert [(r.rule, r.reason) for r in file.skipped] == [("US-D-02", "overlaps another fix; run the fixes again")]
    # Checked again, the fixed text raises neither rule: nothing is left to fix.
    (file,) = fix_files(results, recheck(checker, rules)).files
    assert file.new == "#ad " + text and file.skipped == ()
    write(FixOutcome((file,)))
    assert fixes_offered(check(checker, rules, path)) == []


def test_a_fix_that_exposes_another_is_followed_by_it(tmp_path, checker, rules):
    # "#spon" becomes "#ad", now buried in a cluster of hashtags (US-D-04): the next pass puts one first.
    text = "3 ways to style the @wrenwear cargo skirt for fall 👗 #spon #ootd #fallfashion"
    path = write_file(tmp_path / "skirt.txt", text)
    one_pass = fix_files(check(checker, rules, path)).files[0]
    assert one_pass.new == text.replace("#spon", "#ad")
    (file,) = fix_files(check(checker, rules, path), recheck(checker, rules)).files
    assert file.new == "#ad " + text.replace("#spon", "#ad")
    assert [r.rule for r in file.applied] == ["US-D-02", "US-D-04"]


def test_check_fix_check_again_finds_nothing_to_fix(tmp_path, checker, rules):
    write_file(tmp_path / "a.txt", CODE_POST)
    write_file(tmp_path / "b.md", "---\nplatform: instagram\n---\nLove these sneakers 👟 disclosures in bio\n")
    write_file(tmp_path / "c.jsonl", json.dumps({"text": "Trying the new blender #collab #smoothie"}) + "\n")
    first = fix_files(check(checker, rules, tmp_path), recheck(checker, rules))
    assert len(first.changed) == 3
    assert write(first) == []
    results = check(checker, rules, tmp_path)
    assert fixes_offered(results) == []
    assert fix_files(results, recheck(checker, rules)).files == ()


def test_suppressed_findings_are_not_fixed(tmp_path, checker, rules):
    path = write_file(tmp_path / "code.txt", CODE_POST)
    results = [
        dataclasses.replace(r, findings=tuple(dataclasses.replace(f, suppression=Suppression("external", "ok", "config")) for f in r.findings))
        for r in check(checker, rules, path)
    ]
    assert fix_files(results).files == ()


# --- refusals and file conditions ---------------------------------------------------------------------


def test_caption_and_csv_files_are_not_fixed(tmp_path, checker, rules):
    vtt = write_file(tmp_path / "clip.vtt", "WEBVTT\n\n00:00.000 --> 00:04.000\nthese leggings are everything, use code MAYA15\n")
    csv = write_file(tmp_path / "posts.csv", "id,text\n1,These leggings are everything use code MAYA15 for 15% off\n")
    outcome = fix_files(check(checker, rules, vtt, csv))
    reasons = {Path(f.path).name: {r.reason for r in f.skipped} for f in outcome.files}
    assert reasons == {"clip.vtt": {"fixes are not applied to caption files"}, "posts.csv": {"fixes are not applied to CSV files"}}
    assert outcome.changed == () and unified_diff(outcome) == ""
    assert vtt.read_text(encoding="utf-8").startswith("WEBVTT\n")


def test_standard_input_is_not_fixed(checker, rules):
    stdin_post = post_from_fields({"text": CODE_POST}, Origin("<stdin>"), default_id="<stdin>")
    results = [with_fixes(checker.check(stdin_post), rules)]
    (file,) = fix_files(results).files
    assert [r.reason for r in file.skipped] == ["fixes are not applied to standard input"]


def test_crlf_file_keeps_its_line_ends(tmp_path, checker, rules):
    path = write_file(tmp_path / "post.md", "---\r\nrelationship: paid\r\n---\r\n# Ranked\r\n\r\nThe best bar 💪\r\n")
    (file,) = fix_files(check(checker, rules, path)).files
    assert file.new == "---\r\nrelationship: paid\r\n---\r\n#ad\r\n\r\n# Ranked\r\n\r\nThe best bar 💪\r\n"
    txt = write_file(tmp_path / "code.txt", "Morning!\r\n" + CODE_POST + "\r\n")
    (file,) = fix_files(check(checker, rules, txt)).files
    assert file.new == "#ad Morning!\r\n" + CODE_POST + "\r\n"
    write(FixOutcome((file,)))
    assert txt.read_bytes() == ("#ad Morning!\r\n" + CODE_POST + "\r\n").encode("utf-8")


def test_bom_is_kept(tmp_path, checker, rules):
    path = write_file(tmp_path / "code.txt", b"\xef\xbb\xbf" + CODE_POST.encode("utf-8"))
    jsonl = write_file(tmp_path / "posts.jsonl", b"\xef\xbb\xbf" + json.dumps({"text": "Loving it #sp", "sponsored": True}).encode() + b"\n")
    outcome = fix_files(check(checker, rules, path, jsonl))
    assert write(outcome) == []
    assert path.read_bytes() == b"\xef\xbb\xbf" + ("#ad " + CODE_POST).encode("utf-8")
    assert jsonl.read_bytes() == b'\xef\xbb\xbf{"text": "Loving it #ad", "sponsored": true}\n'


def test_a_file_changed_after_the_check_is_left_alone(tmp_path, checker, rules):
    path = write_file(tmp_path / "code.txt", CODE_POST)
    results = check(checker, rules, path)
    write_file(path, "Totally different now, code MAYA15")
    (file,) = fix_files(results).files
    assert not file.changed and {r.reason for r in file.skipped} == {"the file has changed since it was checked; not fixed"}
    # Changed between the fix and the write: not overwritten.
    write_file(path, CODE_POST)
    outcome = fix_files(check(checker, rules, path))
    write_file(path, CODE_POST + " edited")
    (error,) = write(outcome)
    assert "changed since it was checked" in error.message
    assert path.read_text(encoding="utf-8") == CODE_POST + " edited"


def test_symbolic_link_stays_a_link(tmp_path, checker, rules):
    target = write_file(tmp_path / "real.txt", CODE_POST)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert write(fix_files(check(checker, rules, link))) == []
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "#ad " + CODE_POST
