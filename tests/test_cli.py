"""The command line (compliance.cli.main) through click's CliRunner, on real files in tmp_path."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import compliance
from compliance.cli import main
from compliance.rules.loader import load_rulesets

# Posts whose findings are known (from the us-ftc rule set's own behaviour).
CODE_POST = "These leggings are everything 🔥 use code MAYA15 for 15% off\n"  # US-D-14, error
WARNING_POST = "Fave jeans, affiliate link: https://rstyle.me/n/abc\n"  # US-D-13, warning only
CLEAN_POST = "Just a nice walk in the park today\n"

FINDING_LINE = re.compile(r"^(?P<path>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+) (?P<message>\S.*)$")
HINT_LINE = re.compile(r"^    hint: \S.*$")
FINDING_KEYS = {
    "post", "path", "line", "column", "end_line", "end_column", "start", "end", "rule", "category",
    "severity", "message", "excerpt", "fix", "references", "suppressed", "suppression", "ruleset",
}
CATEGORIES = set(compliance.model.CATEGORIES)


def fold_caption() -> str:
    """A caption whose only disclosure, '#ad', starts at character 150 (after Instagram's fold)."""
    words = "Sunday reset. I have been testing this cleanser for three weeks and my skin has honestly never been calmer. Full routine below".split()
    text = ""
    for word in words:
        if len(text) + len(word) + 1 > 149:
            break
        text += word + " "
    text = text.ljust(150) + "#ad"
    assert text.index("#ad") == 150
    return text


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path | str, content: str | bytes) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def cli(*args: str, input: bytes | str | None = None):
    result = CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)
    return result


def as_json(result) -> dict:
    return json.loads(result.stdout)


def line_no(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# --- text output --------------------------------------------------------------------------


def test_text_output_finding_hint_and_summary(workdir):
    write("drafts/code.txt", "Morning!\n" + CODE_POST)
    result = cli("check", "drafts/code.txt")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3, result.stdout
    match = FINDING_LINE.match(lines[0])
    assert match, lines[0]
    assert match["path"] == "drafts/code.txt"
    assert (int(match["line"]), int(match["col"])) == (2, CODE_POST.index("code MAYA15") + 1)
    assert match["rule"] == "US-D-14"
    assert "discount code" in match["message"] and "MAYA15" in match["message"]
    assert HINT_LINE.match(lines[1]), lines[1]
    assert lines[2] == "Found 1 finding (1 error) in 1 post."
    assert "\x1b[" not in result.stdout  # colour only on a TTY


def test_text_output_every_finding_has_the_shape_and_counts_add_up(workdir):
    write("a.txt", CODE_POST)
    write("b.txt", WARNING_POST)
    write("c.txt", CLEAN_POST)
    result = cli("check", "a.txt", "b.txt", "c.txt")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    *body, summary = lines
    findings = [FINDING_LINE.match(line) for line in body if not HINT_LINE.match(line)]
    assert all(findings), lines
    assert [(m["path"], m["rule"]) for m in findings] == [("a.txt", "US-D-14"), ("b.txt", "US-D-13")]
    assert summary == "Found 2 findings (1 error, 1 warning) in 3 posts."
    assert sum(1 for line in lines if HINT_LINE.match(line)) == 2


def test_text_output_all_clear(workdir):
    write("clean.txt", CLEAN_POST)
    result = cli("check", "clean.txt")
    assert result.exit_code == 0
    assert result.stdout.strip() == "All clear: 1 post checked, no findings."


def test_text_output_input_errors_go_to_stderr(workdir):
    write("good.txt", CODE_POST)
    write("bad.jsonl", '{"text": "fine"}\n{broken\n')
    result = cli("check", "good.txt", "bad.jsonl", "missing.txt")
    assert result.exit_code == 2
    assert "bad.jsonl:2: invalid JSON" in result.stderr
    assert "missing.txt: no such file or directory" in result.stderr
    assert "good.txt:1:" in result.stdout
    assert result.stdout.splitlines()[-1] == "Found 1 finding (1 error) in 2 posts. 2 input errors."


def test_check_without_paths_is_a_usage_error(workdir):
    result = cli("check")
    assert result.exit_code == 2
    assert "give at least one file" in result.stderr


# --- JSON output --------------------------------------------------------------------------


def test_json_document_has_exactly_the_contract_shape(workdir):
    text = "Morning!\n" + CODE_POST
    write("code.txt", text)
    write("clean.txt", CLEAN_POST)
    result = cli("check", "--format", "json", "code.txt", "clean.txt")
    assert result.exit_code == 1
    doc = as_json(result)
    assert list(doc) == ["tool", "rulesets", "findings", "errors", "summary"]
    assert doc["tool"] == {"name": "compliance", "version": compliance.__version__}
    assert doc["rulesets"] == [{"id": "us-ftc", "version": load_rulesets(["us-ftc"])[0].version}]
    assert doc["errors"] == []
    assert doc["summary"] == {"posts": 2, "findings": 1, "by_category": {"disclosure.missing": 1}}
    [finding] = doc["findings"]
    assert set(finding) == FINDING_KEYS
    start = text.index("code MAYA15")
    assert finding["post"] == "code.txt" and finding["path"] == "code.txt"
    assert finding["rule"] == "US-D-14"
    assert finding["category"] == "disclosure.missing"
    assert finding["severity"] == "error"
    assert finding["start"] == start
    assert text[finding["start"] : finding["end"]] == finding["excerpt"] == "code MAYA15"
    assert (finding["line"], finding["column"]) == (2, CODE_POST.index("code MAYA15") + 1)
    assert (finding["end_line"], finding["end_column"]) == (2, CODE_POST.index("code MAYA15") + len("code MAYA15") + 1)
    assert finding["fix"] == {"start": 0, "end": 0, "replacement": "#ad "}  # the safe fix: the label at the start
    assert finding["suppressed"] is False
    assert finding["references"] and all(r.startswith("https://") for r in finding["references"])
    assert isinstance(finding["message"], str) and finding["message"]


def test_json_findings_types_and_slices_on_many_posts(workdir):
    posts = [
        {"id": "p1", "text": fold_caption(), "platform": "instagram"},
        {"id": "p2", "text": CODE_POST},
        {"id": "p3", "text": WARNING_POST},
        {"id": "p4", "text": "Best run of the year 🏃 #running #marathon #ad #fitfam #nike"},
        {"id": "p5", "text": "Not sponsored, just obsessed 😍 https://amzn.to/3abc"},
    ]
    write("many.jsonl", "\n".join(json.dumps(p, ensure_ascii=False) for p in posts) + "\n")
    doc = as_json(cli("check", "--format", "json", "many.jsonl"))
    texts = {p["id"]: p["text"] for p in posts}
    assert {f["post"] for f in doc["findings"]} == {"p1", "p2", "p3", "p4", "p5"}
    for f in doc["findings"]:
        assert set(f) == FINDING_KEYS
        assert f["category"] in CATEGORIES
        assert f["severity"] in ("error", "warning", "info")
        for key in ("line", "column", "end_line", "end_column", "start", "end"):
            assert isinstance(f[key], int) and not isinstance(f[key], bool), key
        assert f["line"] >= 1 and f["column"] >= 1
        assert f["path"] == "many.jsonl"
        if f["end"] > f["start"]:
            assert texts[f["post"]][f["start"] : f["end"]] == f["excerpt"], f
    assert doc["summary"]["posts"] == 5
    assert doc["summary"]["findings"] == len(doc["findings"])
    by_category: dict[str, int] = {}
    for f in doc["findings"]:
        by_category[f["category"]] = by_category.get(f["category"], 0) + 1
    assert doc["summary"]["by_category"] == by_category


def test_json_columns_of_jsonl_post_with_escapes_are_raw_columns(workdir):
    raw = r'{"id": "e1", "platform": "instagram", "text": "caf\u00e9 \ud83d\ude00 \"ok\"\nline two ' + "x" * 140 + ' #ad"}'
    write("esc.jsonl", "\n" + raw + "\n")
    doc = as_json(cli("check", "--format", "json", "esc.jsonl"))
    [finding] = [f for f in doc["findings"] if f["rule"] == "US-D-03"]
    text = json.loads(raw)["text"]
    assert text[finding["start"] : finding["end"]] == "#ad"
    assert (finding["line"], finding["column"]) == (2, raw.index("#ad") + 1)
    assert (finding["end_line"], finding["end_column"]) == (2, raw.index("#ad") + 4)


def test_json_lines_of_markdown_count_front_matter(workdir):
    content = "---\nplatform: instagram\nbrand: GlowCo\n---\n" + fold_caption() + "\n"
    write("draft.md", content)
    doc = as_json(cli("check", "--format", "json", "draft.md"))
    [finding] = doc["findings"]
    assert finding["rule"] == "US-D-03"
    assert finding["post"] == "draft.md"
    assert (finding["line"], finding["column"]) == (5, 151)
    assert finding["start"] == 150


def test_json_with_input_errors_still_reports_good_posts(workdir):
    write("good.txt", CODE_POST)
    write("mixed.jsonl", '{"id": "ok", "text": "use code JESS20 at checkout"}\n{"text": 5}\n{"id": "clean", "text": "hi"}\n')
    write("bad.md", "---\nplatform: insta\n---\nbody\n")
    result = cli("check", "--format", "json", "good.txt", "mixed.jsonl", "bad.md", "nope.txt")
    assert result.exit_code == 2
    doc = as_json(result)
    assert doc["summary"]["posts"] == 3
    assert {f["post"] for f in doc["findings"]} == {"good.txt", "ok"}
    assert [(e["path"], e["line"]) for e in doc["errors"]] == [("mixed.jsonl", 2), ("bad.md", 2), ("nope.txt", None)]
    assert all(set(e) == {"path", "line", "message"} and e["message"] for e in doc["errors"])
    assert "field 'platform'" in doc["errors"][1]["message"]


# --- exit codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "args", "code"),
    [
        (CLEAN_POST, [], 0),
        (CODE_POST, [], 1),
        (WARNING_POST, [], 0),
        (WARNING_POST, ["--fail-on", "warning"], 1),
        (WARNING_POST, ["--fail-on", "info"], 1),
        (WARNING_POST, ["--fail-on", "error"], 0),
        (CODE_POST, ["--fail-on", "never"], 0),
        (CODE_POST, ["--fail-on", "warning"], 1),
        (CLEAN_POST, ["--fail-on", "info"], 0),
    ],
    ids=["clean", "error", "warning-default", "warning-fail-on-warning", "warning-fail-on-info",
         "warning-fail-on-error", "error-never", "error-fail-on-warning", "clean-info"],
)
def test_exit_codes(workdir, content, args, code):
    write("post.txt", content)
    result = cli("check", *args, "post.txt")
    assert result.exit_code == code, result.output


def test_warning_post_is_really_a_warning(workdir):
    write("post.txt", WARNING_POST)
    doc = as_json(cli("check", "--format", "json", "post.txt"))
    assert [(f["rule"], f["severity"]) for f in doc["findings"]] == [("US-D-13", "warning")]


@pytest.mark.parametrize("fail_on", ["error", "never"])
def test_exit_2_on_input_error_wins_over_everything(workdir, fail_on):
    write("post.txt", CODE_POST)
    result = cli("check", "--fail-on", fail_on, "post.txt", "missing.txt")
    assert result.exit_code == 2


def test_exit_2_on_input_error_even_when_clean(workdir):
    write("clean.txt", CLEAN_POST)
    write("bin.txt", b"\x00\x01\x02")
    assert cli("check", "clean.txt", "bin.txt").exit_code == 2


# --- --select / --ignore ------------------------------------------------------------------


def rules_found(*args: str) -> list[str]:
    result = cli("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return sorted(f["rule"] for f in as_json(result)["findings"])


@pytest.fixture
def two_posts(workdir):
    write("code.txt", CODE_POST)
    write("warn.txt", WARNING_POST)
    return ["code.txt", "warn.txt"]


def test_select_and_ignore(two_posts):
    assert rules_found(*two_posts) == ["US-D-13", "US-D-14"]
    assert rules_found("--select", "US-D-14", *two_posts) == ["US-D-14"]
    assert rules_found("--select", "US-D-14,US-D-13", *two_posts) == ["US-D-13", "US-D-14"]
    assert rules_found("--select", "US-D-14, US-D-13", *two_posts) == ["US-D-13", "US-D-14"]
    assert rules_found("--select", "US-D-14", "--select", "US-D-13", *two_posts) == ["US-D-13", "US-D-14"]
    assert rules_found("--ignore", "US-D-13", *two_posts) == ["US-D-14"]
    assert rules_found("--ignore", "US-D-13,US-D-14", "--ignore", "US-D-01", *two_posts) == []


def test_select_and_ignore_by_prefix(two_posts):
    assert rules_found("--select", "US-D", *two_posts) == ["US-D-13", "US-D-14"]
    assert rules_found("--select", "US-D-1", *two_posts) == ["US-D-13", "US-D-14"]
    assert rules_found("--ignore", "US", *two_posts) == []
    assert rules_found("--ignore", "US-D-", *two_posts) == []
    assert rules_found("--select", "US-D-1", "--ignore", "US-D-14", *two_posts) == ["US-D-13"]


def test_selection_changes_exit_code(two_posts):
    assert cli("check", "--ignore", "US-D-14,US-D-01", *two_posts).exit_code == 0
    assert cli("check", "--select", "US-D-14", *two_posts).exit_code == 1


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_id_is_a_usage_error(two_posts, option):
    result = cli("check", option, "US-D-14,NOPE-99", *two_posts)
    assert result.exit_code == 2
    assert "NOPE-99" in result.stderr
    assert result.stdout == ""  # nothing checked


# --- --platform ---------------------------------------------------------------------------


def test_platform_default_applies_to_posts_without_one(workdir):
    write("caption.txt", fold_caption() + "\n")
    instagram = as_json(cli("check", "--format", "json", "--platform", "instagram", "caption.txt"))
    assert [f["rule"] for f in instagram["findings"]] == ["US-D-03"]
    finding = instagram["findings"][0]
    assert finding["start"] == 150 and finding["excerpt"] == "#ad"
    assert "instagram" in finding["message"]
    blog = cli("check", "--format", "json", "--platform", "blog", "caption.txt")
    assert blog.exit_code == 0
    assert as_json(blog)["findings"] == []


def test_platform_of_the_post_wins_over_the_default(workdir):
    write("blog.md", "---\nplatform: blog\n---\n" + fold_caption() + "\n")
    write("insta.md", "---\nplatform: instagram\n---\n" + fold_caption() + "\n")
    doc = as_json(cli("check", "--format", "json", "--platform", "blog", "blog.md", "insta.md"))
    assert [(f["post"], f["rule"]) for f in doc["findings"]] == [("insta.md", "US-D-03")]
    doc = as_json(cli("check", "--format", "json", "--platform", "instagram", "blog.md"))
    assert doc["findings"] == []


def test_unknown_platform_is_a_usage_error(workdir):
    write("caption.txt", CLEAN_POST)
    result = cli("check", "--platform", "insta", "caption.txt")
    assert result.exit_code == 2
    assert "insta" in result.stderr


# --- --output and stdin -------------------------------------------------------------------


def test_output_file_gets_the_report(workdir):
    write("code.txt", CODE_POST)
    Path("out").mkdir()
    result = cli("check", "--format", "json", "--output", "out/report.json", "code.txt")
    assert result.exit_code == 1
    assert result.stdout == ""
    doc = json.loads(Path("out/report.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in doc["findings"]] == ["US-D-14"]
    assert doc["summary"]["posts"] == 1


def test_output_file_text_format(workdir):
    write("code.txt", CODE_POST)
    result = cli("check", "-o", "report.txt", "code.txt")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = Path("report.txt").read_text(encoding="utf-8").splitlines()
    assert FINDING_LINE.match(lines[0]) and lines[0].startswith("code.txt:1:")
    assert lines[-1] == "Found 1 finding (1 error) in 1 post."
    assert "\x1b[" not in "\n".join(lines)


@pytest.mark.parametrize("extra", [[], ["--input-format", "jsonl"]])
def test_stdin_jsonl(workdir, extra):
    data = (json.dumps({"id": "s1", "text": CODE_POST}) + "\n\n" + json.dumps({"text": CLEAN_POST}) + "\n").encode()
    result = cli("check", "--format", "json", *extra, "-", input=data)
    assert result.exit_code == 1, result.output
    doc = as_json(result)
    assert doc["summary"]["posts"] == 2
    [finding] = doc["findings"]
    assert (finding["post"], finding["path"], finding["line"], finding["rule"]) == ("s1", "<stdin>", 1, "US-D-14")


def test_stdin_text_format(workdir):
    result = cli("check", "--input-format", "text", "-", input=CODE_POST.encode())
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:1:")


def test_stdin_bad_line_is_exit_2(workdir):
    result = cli("check", "--format", "json", "-", input=b'{"text": "use code MAYA15 now"}\n{"text": ""}\n')
    assert result.exit_code == 2
    doc = as_json(result)
    assert doc["errors"] == [{"path": "<stdin>", "line": 2, "message": doc["errors"][0]["message"]}]
    assert [f["rule"] for f in doc["findings"]] == ["US-D-14"]


# --- user rule sets -----------------------------------------------------------------------

CUSTOM_RULESET = """\
id: acme
title: Acme house rules
version: "3.1"
extends: [us-ftc]
lexicons:
  acme_vague:
    match: phrase
    terms: ["#acmefam"]
rules:
  - id: ACME-D-01
    title: Acme family tag is not a disclosure
    category: disclosure.unclear
    severity: warning
    kind: weak_disclosure
    params:
      labels: acme_vague
      accepted: disclosures
    message: '"{label}" does not tell readers this is an ad.'
    rationale: House style says the family tag is not a disclosure.
    hint: Use "#ad" instead.
    references: ["https://acme.example/style"]
    examples:
      bad:
        - {text: "Loving my new mug #acmefam", sponsored: true}
      good:
        - {text: "#ad Loving my new mug #acmefam", sponsored: true}
"""
ACME_POST = json.dumps({"id": "m1", "text": "Loving my new mug #acmefam", "sponsored": True}) + "\n"


def test_user_ruleset_extends_builtin(workdir):
    write("rules/acme.yaml", CUSTOM_RULESET)
    write("post.jsonl", ACME_POST)
    doc = as_json(cli("check", "--format", "json", "--ruleset", "rules/acme.yaml", "post.jsonl"))
    assert doc["rulesets"] == [{"id": "acme", "version": "3.1"}]
    found = {f["rule"]: f for f in doc["findings"]}
    assert set(found) == {"ACME-D-01", "US-D-01"}  # its own rule and the inherited ones
    acme = found["ACME-D-01"]
    assert acme["severity"] == "warning" and acme["category"] == "disclosure.unclear"
    assert acme["message"] == '"#acmefam" does not tell readers this is an ad.'
    assert acme["excerpt"] == "#acmefam"
    assert acme["references"] == ["https://acme.example/style"]
    # without the user rule set, only the built-in rule fires
    builtin = as_json(cli("check", "--format", "json", "post.jsonl"))
    assert [f["rule"] for f in builtin["findings"]] == ["US-D-01"]


def test_user_ruleset_in_rules_commands(workdir):
    write("acme.yaml", CUSTOM_RULESET)
    listed = cli("rules", "list", "-r", "acme.yaml")
    assert listed.exit_code == 0
    assert "ACME-D-01" in listed.stdout and "US-D-03" in listed.stdout
    assert cli("explain", "ACME-D-01", "-r", "acme.yaml").exit_code == 0
    tested = cli("rules", "test", "-r", "acme.yaml")
    assert tested.exit_code == 0, tested.output
    assert "0 failed" in tested.stdout
    validated = cli("rules", "validate", "acme.yaml")
    assert validated.exit_code == 0
    assert "ok: 1 rule set(s)" in validated.stdout


def _broken(old: str, new: str) -> str:
    assert old in CUSTOM_RULESET
    return CUSTOM_RULESET.replace(old, new, 1)


INVALID_RULESETS = {
    "unknown-category": (_broken("category: disclosure.unclear", "category: disclosure.vague"), "category: disclosure.vague", "category", "disclosure.vague"),
    "bad-severity": (_broken("severity: warning", "severity: critical"), "severity: critical", "severity", "critical"),
    "yaml-syntax": (_broken("title: Acme house rules", "title: Acme: house rules"), "title: Acme: house", None, "not valid YAML"),
    "unknown-rule-field": (_broken("    hint:", "    hnit:"), "hnit:", "hnit", "unknown field"),
    "bad-platform": (_broken("    kind:", "    platforms: [insta]\n    kind:"), "platforms: [insta]", "platforms", "insta"),
}


@pytest.mark.parametrize("case", INVALID_RULESETS.values(), ids=INVALID_RULESETS.keys())
def test_invalid_ruleset_exits_2_naming_file_line_and_field(workdir, case):
    content, where, field, words = case
    write("broken.yaml", content)
    write("post.txt", CODE_POST)
    result = cli("check", "-r", "broken.yaml", "post.txt")
    assert result.exit_code == 2
    assert "No posts checked" in result.stdout  # the only rule set is broken: nothing to check with
    line = line_no(content, where)
    assert f"broken.yaml:{line}:" in result.stderr, result.stderr
    if field:
        problem = next(l for l in result.stderr.splitlines() if l.startswith(f"broken.yaml:{line}:"))
        assert field in problem
    assert words in result.stderr
    assert "rule set not loaded" in result.stderr


def test_a_broken_rule_set_does_not_stop_the_others(workdir):
    write("broken.yaml", _broken("severity: warning", "severity: critical"))
    write("post.txt", CODE_POST)
    result = cli("check", "-r", "us-ftc", "-r", "broken.yaml", "post.txt", "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["findings"]] == ["US-D-14"]  # still checked with us-ftc
    assert report["summary"]["posts"] == 1
    assert any(e["path"] == "broken.yaml" and "severity" in e["message"] for e in report["errors"])


def test_invalid_ruleset_unknown_lexicon_names_file_and_field(workdir):
    content = _broken("labels: acme_vague", "labels: acme_nope")
    write("broken.yaml", content)
    write("post.txt", CODE_POST)
    result = cli("check", "-r", "broken.yaml", "post.txt")
    assert result.exit_code == 2
    assert "No posts checked" in result.stdout
    assert "broken.yaml:" in result.stderr
    assert "params.labels" in result.stderr
    assert "unknown lexicon 'acme_nope'" in result.stderr


def test_invalid_ruleset_unknown_lexicon_reports_the_line_of_the_param(workdir):
    content = _broken("labels: acme_vague", "labels: acme_nope")
    write("broken.yaml", content)
    result = cli("rules", "validate", "broken.yaml")
    assert result.exit_code == 2
    assert f"broken.yaml:{line_no(content, 'labels: acme_nope')}:" in result.stderr


def test_invalid_ruleset_reports_every_problem(workdir):
    content = _broken("category: disclosure.unclear", "category: nope").replace("severity: warning", "severity: loud")
    write("broken.yaml", content)
    result = cli("rules", "validate", "broken.yaml")
    assert result.exit_code == 2
    assert f"broken.yaml:{line_no(content, 'category: nope')}:" in result.stderr
    assert f"broken.yaml:{line_no(content, 'severity: loud')}:" in result.stderr
    assert "2 problem(s)" in result.stderr


def test_missing_ruleset_file_and_unknown_builtin(workdir):
    write("post.txt", CODE_POST)
    missing = cli("check", "-r", "nowhere/rules.yaml", "post.txt")
    assert missing.exit_code == 2 and "nowhere/rules.yaml" in missing.stderr
    unknown = cli("check", "-r", "xx-nope", "post.txt")
    assert unknown.exit_code == 2 and "xx-nope" in unknown.stderr and "us-ftc" in unknown.stderr


# --- explain ------------------------------------------------------------------------------


def test_explain_prints_what_why_sources_and_examples():
    rule = next(r for r in load_rulesets(["us-ftc"])[0].rules if r.id == "US-D-03")
    result = cli("explain", "US-D-03")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith(f"US-D-03: {rule.title}")
    sections = ["What it reports:", "Why:", "Sources:", "Bad example", "Good example"]
    positions = [out.index(section) for section in sections]
    assert positions == sorted(positions)
    assert "disclosure.placement" in out and "error" in out
    for ref in rule.references:
        assert ref in out
    bad, good = rule.examples.bad[0].text, rule.examples.good[0].text
    assert f"  | {bad.splitlines()[0]}" in out
    assert f"  | {good.splitlines()[0]}" in out
    assert "platform: instagram" in out


def test_explain_is_case_insensitive():
    assert cli("explain", "us-d-03").stdout == cli("explain", "US-D-03").stdout


def test_explain_unknown_rule_is_a_usage_error():
    result = cli("explain", "NOPE")
    assert result.exit_code == 2
    assert "NOPE" in result.stderr
    assert "US-D-01" in result.stderr  # lists the known ids


# --- rules --------------------------------------------------------------------------------


def test_rules_list():
    result = cli("rules", "list")
    assert result.exit_code == 0
    ruleset = load_rulesets(["us-ftc"])[0]
    assert result.stdout.splitlines()[0].startswith(f"us-ftc {ruleset.version}")
    for rule in ruleset.rules:
        line = next(l for l in result.stdout.splitlines() if l.split()[:1] == [rule.id])
        assert str(rule.severity) in line and rule.category in line and rule.title in line
    assert len(result.stdout.splitlines()) == 1 + len(ruleset.rules)


def test_rules_show():
    result = cli("rules", "show", "US-D-01")
    assert result.exit_code == 0
    fields = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    assert fields["id"] == "US-D-01"
    assert fields["category"] == "disclosure.missing"
    assert fields["severity"] == "error"
    assert fields["kind"] == "missing_disclosure"
    assert fields["fallback"] == "true"
    assert re.match(r"us-ftc \(us-ftc\.yaml:\d+\)$", fields["ruleset"])
    assert re.match(r"\d+ bad, \d+ good$", fields["examples"])


def test_rules_show_unknown_is_a_usage_error():
    result = cli("rules", "show", "US-D-99")
    assert result.exit_code == 2
    assert "US-D-99" in result.stderr


def test_rules_test_passes():
    result = cli("rules", "test")
    assert result.exit_code == 0, result.stdout
    assert re.search(r"^\d+ passed, 0 failed \(\d+ examples of \d+ rules\)$", result.stdout, re.M)


def test_rules_test_fails_on_a_wrong_example(workdir):
    content = CUSTOM_RULESET.replace('- {text: "#ad Loving my new mug #acmefam", sponsored: true}', '- {text: "Loving my mug #acmefam", sponsored: true}')
    assert content != CUSTOM_RULESET
    write("acme.yaml", content)
    result = cli("rules", "test", "-r", "acme.yaml")
    assert result.exit_code == 1
    assert "FAIL" in result.stdout and "ACME-D-01 good example" in result.stdout
    assert "1 failed" in result.stdout


def test_rules_validate_builtin():
    result = cli("rules", "validate", "us-ftc")
    assert result.exit_code == 0
    count = len(load_rulesets(["us-ftc"])[0].rules)
    assert result.stdout.strip() == f"ok: 1 rule set(s), {count} rules"


def test_rules_validate_broken_file(workdir):
    write("broken.yaml", "id: Bad Id\nversion: 1\nrules:\n  - id: lower-case\n    kind: nope\n")
    result = cli("rules", "validate", "broken.yaml")
    assert result.exit_code == 2
    assert "broken.yaml:1: id:" in result.stderr
    assert "broken.yaml:4: rules.0.id:" in result.stderr
    assert "broken.yaml:5: rules.0.kind:" in result.stderr
    assert result.stdout == ""


# --- eval ---------------------------------------------------------------------------------

EVAL_POSTS = [
    {"id": "e1", "text": "These leggings are everything use code MAYA15 for 15% off", "expect": ["disclosure.missing"]},
    {"id": "e2", "text": "Just a nice walk in the park today", "expect": []},
    {"id": "e3", "text": "#ad my new blender is great", "expect": []},
    {"id": "e4", "text": "Fave jeans, affiliate link: https://rstyle.me/n/abc", "expect": ["disclosure.unclear"]},
    {"id": "e5", "text": "Obsessed with this serum ✨", "relationship": "paid", "expect": []},  # false alarm
    {"id": "e6", "text": "Obsessed with this serum ✨", "expect": ["disclosure.missing"]},  # missed
]


def test_eval_prints_precision_recall_table(workdir):
    write("corpus.jsonl", "\n".join(json.dumps(p, ensure_ascii=False) for p in EVAL_POSTS) + "\n")
    result = cli("eval", "corpus.jsonl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["category", "posts", "TP", "FP", "FN", "precision", "recall", "F1"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:] if line.strip() and not line[0].isdigit()}
    assert rows["disclosure.missing"] == ["2", "1", "1", "1", "0.500", "0.500", "0.500"]
    assert rows["disclosure.unclear"] == ["1", "1", "0", "0", "1.000", "1.000", "1.000"]
    assert rows["all"] == ["3", "2", "1", "1", "0.667", "0.667", "0.667"]
    assert len(rows) == 3
    assert lines[-1] == "6 posts; clean posts: 3, false alarms: 1 (33.3%)"


def test_eval_post_without_expect_is_exit_2(workdir):
    posts = EVAL_POSTS[:2] + [{"id": "e9", "text": "hello there"}]
    write("corpus.jsonl", "\n".join(json.dumps(p) for p in posts) + "\n")
    result = cli("eval", "corpus.jsonl")
    assert result.exit_code == 2
    assert "corpus.jsonl:3" in result.stderr
    assert "e9" in result.stderr and "'expect'" in result.stderr
    assert "2 posts; clean posts: 1" in result.stdout  # the annotated posts are still scored


def test_eval_unknown_category_is_exit_2(workdir):
    write("corpus.jsonl", json.dumps({"id": "e1", "text": "hi", "expect": ["disclosure.bogus"]}) + "\n")
    result = cli("eval", "corpus.jsonl")
    assert result.exit_code == 2
    assert "disclosure.bogus" in result.stderr


# --- python -m compliance -----------------------------------------------------------------


def test_python_dash_m_compliance(tmp_path):
    post = write(tmp_path / "code.txt", CODE_POST)
    proc = subprocess.run(
        [sys.executable, "-m", "compliance", "check", "--format", "json", str(post)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert [f["rule"] for f in doc["findings"]] == ["US-D-14"]
    assert doc["findings"][0]["path"] == str(post)
