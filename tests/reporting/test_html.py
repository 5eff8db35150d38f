"""The HTML report: escaping, links, highlights, determinism, completeness and chart numbers.

The document is parsed back with html.parser (a browser-like tokenizer), so the assertions are
about the elements a browser would build, not about substrings.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from compliance.reporting.html import Html, highlight
from compliance.reporting.report import NOT_CHECKED

from . import (
    FTC_GUIDE, MAYA_TEXT, PLAN, SAKURA_TEXT, STRAY_ERROR, audit, audit_records, check_records, check_run, feed,
)

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def text(self, skip: frozenset[str] = frozenset()) -> str:
        return "".join(c if isinstance(c, str) else ("" if c.tag in skip else c.text(skip)) for c in self.children)

    def all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if (tag is None or child.tag == tag) and all(_has(child, k, v) for k, v in attrs.items()):
                    found.append(child)
                found += child.all(tag, **attrs)
        return found

    def one(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.all(tag, **attrs)
        assert len(found) == 1, f"{len(found)} <{tag} {attrs}>"
        return found[0]


def _has(node: Node, key: str, value: str) -> bool:
    key = key.rstrip("_")  # class_ -> class
    if key == "class":
        return value in (node.attrs.get("class") or "").split()
    return node.attrs.get(key) == value


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert tag in [n.tag for n in self.stack], f"stray </{tag}>"
        while self.stack.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(document: str) -> Node:
    builder = TreeBuilder()
    builder.feed(document)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements: " + ", ".join(n.tag for n in builder.stack[1:])
    return builder.root


@pytest.fixture(scope="module")
def report() -> str:
    return audit(Html).text


@pytest.fixture(scope="module")
def tree(report: str) -> Node:
    return parse(report)


def entry_article(tree: Node, post: str) -> Node:
    matches = [a for a in tree.all("article") if a.one("h3").text(skip=frozenset({"a", "span"})).strip() == post]
    assert len(matches) == 1, post
    return matches[0]


def test_hostile_post_text_is_shown_as_text_not_markup(report: str, tree: Node) -> None:
    assert not tree.all("script") and not tree.all("img") and not tree.all("b")
    assert "<script" not in report and "<img" not in report and "<b>" not in report
    for node in tree.all():
        assert not any(name.startswith("on") for name in node.attrs), node
    shown = entry_article(tree, "sg-02").one("pre", class_="post-text").text(skip=frozenset({"sup"}))
    assert shown == SAKURA_TEXT  # every character is there, as text


def test_ids_paths_and_creators_are_escaped(tree: Node) -> None:
    assert entry_article(tree, "sg-05 <b>")  # the id shows literally
    unplanned = [li.text() for li in tree.one("ul", class_="unplanned").all("li")]
    assert unplanned == list(PLAN.unplanned)
    creators = [row.one("th").text() for row in tree.one("section", id="by-creator").all("tr")[1:]]
    assert '=HYPERLINK("http://evil.example","click")' in creators and "さくら 🌸 Beauty" in creators


def test_only_http_references_become_links(tree: Node) -> None:
    hrefs = [a.attrs["href"] or "" for a in tree.all("a")]
    assert FTC_GUIDE in hrefs
    assert all(h.startswith("#") or h.startswith("https://") for h in hrefs), hrefs
    refs = entry_article(tree, "sg-01").all("p", class_="refs")
    assert [p.text() for p in refs] == [f"References: {FTC_GUIDE}", "References: javascript:alert(1)"]
    assert refs[1].all("a") == [] and refs[1].one("code").text() == "javascript:alert(1)"


def test_anchors_come_from_positions_not_ids(tree: Node) -> None:
    articles = tree.all("article")
    assert [a.attrs["id"] for a in articles] == [f"entry-{i}" for i in range(1, 7)]
    internal = {a.attrs["href"] for a in tree.all("a") if (a.attrs["href"] or "").startswith("#")}
    targets = {f"#{n.attrs['id']}" for n in tree.all() if n.attrs.get("id")}
    assert internal <= targets  # every table-of-contents and overview link lands somewhere


def marked(pre: Node) -> tuple[str, set[int], list[str]]:
    """The text of a highlighted block, the offsets inside a <mark>, and each mark's text."""
    text, offsets, marks = "", set(), []
    for child in pre.children:
        if isinstance(child, str):
            text += child
        elif child.tag == "mark":
            piece = child.text()
            offsets |= set(range(len(text), len(text) + len(piece)))
            marks.append(piece)
            text += piece
        else:
            assert child.tag == "sup", child.tag
    return text, offsets, marks


def test_marks_cover_exactly_each_findings_excerpt(tree: Node) -> None:
    record = audit_records()[1]  # sg-02: separate spans, one empty (a whole-post finding)
    text, _, marks = marked(entry_article(tree, "sg-02").one("pre", class_="post-text"))
    assert text == SAKURA_TEXT
    spans = sorted((f.start, f.excerpt) for f in record.findings if f.end > f.start)
    assert marks == [excerpt for _, excerpt in spans]
    assert "<script>alert(1)</script>" in marks and "Use code SAKURA15 | 15% off" in marks


def test_overlapping_spans_are_all_highlighted_and_nothing_else(tree: Node) -> None:
    record = audit_records()[0]  # sg-01: "cure acne" lies inside "clinically proven to cure acne"
    text, offsets, _ = marked(entry_article(tree, "sg-01").one("pre", class_="post-text"))
    assert text == MAYA_TEXT
    assert offsets == {i for f in record.findings for i in range(f.start, f.end)}


def test_highlight_clamps_offsets_outside_the_text() -> None:
    finding = audit_records()[0].findings[0]
    wild = dataclasses.replace(finding, start=len(MAYA_TEXT) - 3, end=len(MAYA_TEXT) + 50)
    text, _, marks = marked(parse(f"<pre>{highlight(MAYA_TEXT, (wild,))}</pre>").one("pre"))
    assert text == MAYA_TEXT and marks == ["#ad"]


def test_output_is_byte_identical_across_runs(report: str) -> None:
    again = audit(Html).text
    assert again.encode("utf-8") == report.encode("utf-8")
    assert datetime.date.today().isoformat() not in report


def test_self_contained_with_a_strict_policy(report: str, tree: Node) -> None:
    metas = tree.all("meta")
    assert {"charset": "utf-8"} in [m.attrs for m in metas]
    csp = [m.attrs["content"] for m in metas if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]
    assert not tree.all("link") and not tree.all("iframe") and not tree.all("object")
    assert not [n for n in tree.all() if "src" in n.attrs]
    assert report.startswith("<!DOCTYPE html>\n")


def test_every_entry_unplanned_draft_and_error_appears(tree: Node) -> None:
    for record in audit_records():
        entry_article(tree, record.post)
    jonas = entry_article(tree, "sg-04")
    assert "not-checked" in (jonas.attrs["class"] or "")
    assert jonas.one("span", class_="badge").text() == NOT_CHECKED
    assert "draft not found: drafts/sg-04.md" in jonas.one("ul", class_="errors").text()
    assert entry_article(tree, "sg-03").one("span", class_="badge").text() == "clean"
    errors = [li.text() for li in tree.one("section", id="errors").all("li")]
    assert len(errors) == 2
    assert errors[1] == str(STRAY_ERROR).replace("\x1b", "\\x1b")  # the stray error, its ESC made visible


def chart(tree: Node, name: str) -> dict[str, tuple[int, int]]:
    """label -> (findings, posts) as the chart shows them in text."""
    rows = tree.one("figure", id=f"chart-{name}").one("tbody").all("tr")
    result = {}
    for row in rows:
        findings, posts = [int(td.text()) for td in row.all("td", class_="num")]
        assert (row.one("svg").attrs.get("aria-label") or "").startswith(f"{findings} finding")
        result[row.one("th").text()] = (findings, posts)
    return result


def test_charts_list_every_value_with_its_numbers(tree: Node) -> None:
    assert chart(tree, "category") == {
        "claim.environmental": (1, 1), "claim.health": (2, 1), "content.prohibited": (1, 1),
        "disclosure.missing": (3, 2), "disclosure.placement": (1, 1),
    }
    assert chart(tree, "channel") == {"blog": (1, 1), "instagram": (4, 3), "tiktok": (3, 1), "youtube": (0, 1)}
    assert chart(tree, "week") == {"(none)": (1, 1), "2026-W10": (6, 2), "2026-W11": (0, 2), "2026-W12": (1, 1)}


def test_bars_are_proportional(tree: Node) -> None:
    widths = [float(r.attrs["width"] or 0) for r in tree.one("figure", id="chart-channel").all("rect")]
    assert widths == [25.0, 100.0, 75.0, 0.0]  # blog 1, instagram 4, tiktok 3, youtube 0


def test_summary_counts_skip_suppressed_findings(tree: Node) -> None:
    cards = {div.one("dt").text(): div.one("dd").text() for div in tree.one("dl", class_="cards").all("div")}
    assert cards == {
        "Posts checked": "5", "Findings": "8", "Errors": "3", "Warnings": "4", "Info": "1",
        "Clean entries": "1", "Entries not checked": "1", "Input errors": "2", "Drafts not in the plan": "2",
    }
    suppressed = entry_article(tree, "sg-02").one("li", class_="suppressed")
    assert suppressed.one("span", class_="badge").text() == "suppressed"


def test_findings_show_rule_title_message_and_hint(tree: Node) -> None:
    first = entry_article(tree, "sg-01").one("ol", class_="findings").all("li")[0]
    assert first.one("span", class_="rule").text() == "US-D-03"
    assert first.one("span", class_="title").text() == "Disclosure after the platform's fold"
    assert first.one("span", class_="badge").text() == "error"
    assert "Move the disclosure to the first line" in first.one("p", class_="hint").text()
    eco = entry_article(tree, "ao-01").one("p", class_="hint").text()
    assert eco.endswith("e.g. <recyclable bottle; cap not>.")  # rule text is escaped too


def test_check_mode_lists_posts_with_findings_and_their_excerpts() -> None:
    out = feed(Html, check_run(), check_records())
    tree = parse(out.text)
    assert [a.one("h3").text(skip=frozenset({"a", "span"})).strip() for a in tree.all("article")] == ["post-1"]
    assert tree.one("blockquote", class_="excerpt").text() == "#sp"
    assert not tree.all("figure", id="chart-channel") and not tree.all("section", id="unplanned")
    cards = {div.one("dt").text(): div.one("dd").text() for div in tree.one("dl", class_="cards").all("div")}
    assert cards["Clean posts"] == "1" and cards["Posts checked"] == "2"
