"""The HTML report in a real browser: injected markup is shown as text and never runs.

A content plan whose campaign, brand, entry ids, creators, post texts, file names and rule set
carry script payloads is audited with the real CLI (`python -m compliance audit -f html`), and
the report is loaded in headless Chromium. Every payload would set `document.title` to "PWNED"
if it ran. The DOM that Chromium dumps after the page has settled must keep the report's own
title, hold no element the payloads would create, and show every payload as text.

The report is loaded twice: as written, and with its Content-Security-Policy removed, so that
the escaping is tested on its own and not only behind the policy. A control page (a real
`<script>` with no policy) shows that this harness does see a script that runs.

Needs Debian's `chromium` (`.ci/run` installs it). Without it the test is skipped, except when
the environment variable CI is set: then it fails, so CI cannot skip it silently.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_html import Node, parse

PWNED = "PWNED"
SCRIPT = "<script>document.title='PWNED'</script>"
IMG = "<img src=x onerror=\"document.title='PWNED'\">"
SVG = "\"><svg onload=document.title='PWNED'>"
JS_LINK = "javascript:document.title='PWNED'"
TEXTAREA = "</textarea><script>document.title='PWNED'</script>"
STYLE = "</style><img src=x onerror=\"document.title='PWNED'\">"
TITLE = "</title><script>document.title='PWNED'</script>"

CAMPAIGN = f"Spring {TITLE} {SVG}"
BRAND = f"Lumen {STYLE}"
# File names cannot hold "/", which none of these payloads needs.
DRAFT_NAME = "sg-02 <img src=x onerror=\"document.title='PWNED'\">.md"
UNPLANNED_NAME = "stray <svg onload=document.title='PWNED'>.md"
RULE_REFERENCE = "https://example.com/disclosure-guide"

POSTS = {
    "inline": f"Love this serum {SCRIPT} and {IMG} use code SAKURA15 for 15% off",
    "draft": f"My new favourite {SVG} cream, see [the deal]({JS_LINK}) and {TEXTAREA}",
    "plain": f"Best bottle ever {STYLE} <a href=\"{JS_LINK}\">click</a>",
}
IDS = {"inline": f"sg-01 {SCRIPT}", "draft": f"sg-02 {SVG}", "plain": f"sg-03 {TEXTAREA}"}
CREATORS = {"inline": f"@maya {IMG}", "draft": f"@sakura {SVG}", "plain": f"@jonas {STYLE}"}

def _yaml(value: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# A rule set of the user's own: its title, message, hint and references reach the report too.
RULESET = f"""\
id: hostile
version: "2026.1"
extends: [us-ftc]
rules:
  - id: HOSTILE-D-01
    title: {_yaml("Connection without a label " + SCRIPT)}
    category: disclosure.missing
    severity: error
    kind: missing_disclosure
    params: {{accepted: disclosures}}
    message: {_yaml("Connection ({evidence}) without a disclosure " + IMG)}
    rationale: {_yaml("Because " + STYLE)}
    hint: {_yaml("Add a label " + TEXTAREA)}
    references: [{_yaml(RULE_REFERENCE)}, {_yaml(JS_LINK)}]
    examples:
      bad: [{{text: "love this serum", sponsored: true}}]
      good: [{{text: "#ad love this serum", sponsored: true}}]
"""


def _plan(tmp_path: Path) -> Path:
    plan = tmp_path / "plan"
    (plan / "drafts").mkdir(parents=True)
    (plan / "drafts" / DRAFT_NAME).write_text(POSTS["draft"] + "\n", encoding="utf-8")
    (plan / "drafts" / UNPLANNED_NAME).write_text("An unplanned draft.\n", encoding="utf-8")
    entries = []
    for key, date in (("inline", "2026-03-02"), ("draft", "2026-03-03"), ("plain", "2026-03-10")):
        lines = [
            f"  - id: {_yaml(IDS[key])}",
            f"    date: {date}",
            "    platform: instagram",
            f"    creator: {_yaml(CREATORS[key])}",
            "    relationship: paid",
        ]
        if key == "draft":
            lines.append(f"    draft: {_yaml('drafts/' + DRAFT_NAME)}")
        else:
            lines.append(f"    text: {_yaml(POSTS[key])}")
        if key == "plain":
            lines.append(f"    campaign: {_yaml('Other ' + TEXTAREA)}")
        entries.append("\n".join(lines))
    text = f"campaign: {_yaml(CAMPAIGN)}\nbrand: {_yaml(BRAND)}\nmarkets: [us]\nentries:\n" + "\n".join(entries) + "\n"
    (plan / "plan.yaml").write_text(text, encoding="utf-8")
    return plan / "plan.yaml"


def _chromium() -> str:
    found = shutil.which("chromium")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed but CI is set: .ci/run must install Debian's chromium (apt-get install -y chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium); set CI to make this a failure")


def _dump_dom(chromium: str, page: Path, profile: Path) -> str:
    """The DOM of `page` after scripts, events and 2 s of virtual time, serialized by Chromium."""
    profile.mkdir()
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", f"--user-data-dir={profile}", "--virtual-time-budget=2000",
        "--dump-dom", page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, env={**os.environ, "HOME": str(profile)})
    assert done.returncode == 0 and "<html" in done.stdout, done.stderr[-2000:]
    return done.stdout


def _title(tree: Node) -> str:
    return tree.one("title").text()


def _body_text(tree: Node) -> str:
    return tree.one("body").text(skip=frozenset({"style", "script", "sup"}))  # sup: the finding numbers inside a post


@pytest.fixture(scope="module")
def chromium() -> str:
    return _chromium()


def test_the_harness_sees_a_script_that_runs(chromium: str, tmp_path: Path) -> None:
    control = tmp_path / "control.html"
    control.write_text(f"<!DOCTYPE html><html><head><title>control</title></head><body>{SCRIPT}</body></html>", encoding="utf-8")
    assert _title(parse(_dump_dom(chromium, control, tmp_path / "profile"))) == PWNED


def test_injected_markup_never_runs_in_a_browser(chromium: str, tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    ruleset = tmp_path / "hostile.yaml"
    ruleset.write_text(RULESET, encoding="utf-8")
    report = tmp_path / "report <script>.html"
    done = subprocess.run(
        [sys.executable, "-m", "compliance", "audit", plan, "-r", ruleset, "-f", "html", "-o", report, "--fail-on", "never"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    written = report.read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in written

    # Without the policy too: the escaping alone must keep every payload inert.
    unguarded = tmp_path / "unguarded.html"
    unguarded.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", written), encoding="utf-8")
    assert "Content-Security-Policy" not in unguarded.read_text(encoding="utf-8")

    expected_title = f"Compliance report: {CAMPAIGN}"
    payloads = [SCRIPT, IMG, SVG, JS_LINK, TEXTAREA, STYLE, TITLE, CAMPAIGN, BRAND, *IDS.values(), *CREATORS.values(),
                *POSTS.values(), DRAFT_NAME, UNPLANNED_NAME, "Connection without a label " + SCRIPT,
                "without a disclosure " + IMG, "Add a label " + TEXTAREA]
    for name, page in (("as written", report), ("without its policy", unguarded)):
        tree = parse(_dump_dom(chromium, page, tmp_path / f"profile-{len(name)}"))
        assert _title(tree) == expected_title, name
        assert not tree.all("script") and not tree.all("img") and not tree.all("textarea"), name
        assert not tree.all("iframe") and not tree.all("object") and not tree.all("embed"), name
        assert len(tree.all("style")) == 1, name  # only the report's own style sheet
        for node in tree.all():
            assert not [a for a in node.attrs if a.startswith("on")], (name, node.tag, node.attrs)
        for svg in tree.all("svg"):  # the charts' bars, and nothing else
            assert svg.attrs.get("viewbox") == "0 0 100 14" and [c.tag for c in svg.children if isinstance(c, Node)] == ["rect"], (name, svg)
        shown = _body_text(tree)
        missing = [p for p in payloads if p not in shown]
        assert not missing, (name, missing)
        _assert_no_network(tree, name)


def _assert_no_network(tree: Node, name: str) -> None:
    """Nothing the page would fetch: no src, no stylesheet or base, no url() in CSS; links are
    only the page's own anchors and the rules' http(s) references (followed by a person, not loaded)."""
    for node in tree.all():
        for attr in ("src", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href", "ping"):
            assert attr not in node.attrs, (name, node.tag, node.attrs)
        if "href" in node.attrs:
            href = node.attrs["href"] or ""
            assert node.tag == "a", (name, node.tag, node.attrs)
            assert href.startswith("#") or re.fullmatch(r"https?://\S+", href), (name, href)
    assert not tree.all("link") and not tree.all("base"), name
    assert [m.attrs for m in tree.all("meta") if "refresh" in (m.attrs.get("http-equiv") or "").lower()] == [], name
    style = tree.one("style").text()
    assert "url(" not in style and "@import" not in style, name
    references = {a.attrs["href"] for a in tree.all("a") if not (a.attrs["href"] or "").startswith("#")}
    assert RULE_REFERENCE in references and all(r and r.startswith("https://") for r in references), (name, references)
