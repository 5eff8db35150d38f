"""A self-contained HTML report of a run, for an agency to hand to its client.

One file, readable offline and printable: inline CSS, inline SVG bars, no JavaScript, no external
asset; a strict Content-Security-Policy so that even a mistake in escaping could not run a script
or fetch anything. The output depends only on the input (no date, no random ids), so the same run
gives byte-identical files that can be diffed and archived.

Everything that comes from a user or a rule set (post text, ids, paths, creators, messages,
excerpts, hints, URLs) goes through `esc`. Anchors are derived from the entry's position, never
from its id, so an id cannot break out of an attribute or collide with another anchor.
"""

from __future__ import annotations

import html
import re
from itertools import pairwise

from .. import __version__
from ..model import Finding, InputError, Severity
from .report import (
    CLEAN,
    HAS_FINDINGS,
    NOT_CHECKED,
    SEVERITIES,
    Buffered,
    Record,
    Run,
    Totals,
    clean_count,
    dimension_rows,
    listed,
    outcome,
    plural,
    record_errors,
    severity_counts,
    show_hidden,
)

# No script, no fetch, no frame, no form: only the inline style sheet and (unused) data: images.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# Only these become links; anything else (javascript:, data:, relative paths) is shown as text.
# Whitespace and control characters are refused too: browsers strip some of them before the scheme.
SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)

STYLE = """
:root { --error: #b42318; --warning: #b54708; --info: #175cd3; --clean: #067647; --muted: #667085;
  --line: #d0d5dd; --soft: #f9fafb; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #101828; max-width: 64rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
a { color: var(--info); }
code, pre, .rule, .loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
nav.toc ol { columns: 2; margin: .25rem 0; }
dl.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
dl.cards div { border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem; min-width: 8.5rem; }
dl.cards dt { color: var(--muted); font-size: .85rem; }
dl.cards dd { margin: 0; font-size: 1.6rem; font-weight: 600; }
dl.cards .sev-error dd { color: var(--error); }
dl.cards .sev-warning dd { color: var(--warning); }
dl.cards .sev-info dd { color: var(--info); }
dl.cards .clean dd { color: var(--clean); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top;
  overflow-wrap: anywhere; }
thead th { background: var(--soft); font-size: .85rem; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure.chart { margin: 1rem 0 1.5rem; break-inside: avoid; }
figure.chart figcaption { font-weight: 600; }
td.bar { width: 55%; }
td.bar svg { display: block; width: 100%; height: 14px; }
td.bar rect { fill: #5b7fbf; }
.badge { display: inline-block; border-radius: 4px; padding: 0 .4rem; font-size: .8rem; font-weight: 600;
  color: #fff; background: var(--muted); text-transform: uppercase; letter-spacing: .02em; }
.badge.sev-error { background: var(--error); }
.badge.sev-warning { background: var(--warning); }
.badge.sev-info { background: var(--info); }
.badge.clean { background: var(--clean); }
.badge.not-checked { background: #fff; color: var(--error); border: 1px solid var(--error); }
.badge.suppressed { background: #fff; color: var(--muted); border: 1px solid var(--muted); }
article.entry { border: 1px solid var(--line); border-left: 6px solid var(--clean); border-radius: 6px;
  padding: 1rem 1.25rem; margin: 1rem 0; break-inside: avoid-page; }
article.entry.sev-error { border-left-color: var(--error); }
article.entry.sev-warning { border-left-color: var(--warning); }
article.entry.sev-info { border-left-color: var(--info); }
article.entry.not-checked { border-left-color: var(--muted); border-left-style: dashed; }
a.anchor { color: var(--muted); text-decoration: none; }
ol.findings { padding-left: 1.5rem; }
ol.findings li { margin: .6rem 0; break-inside: avoid; }
li.suppressed { color: var(--muted); }
.title { font-weight: 600; }
.loc { color: var(--muted); }
p { margin: .25rem 0; }
p.hint { color: #344054; }
p.refs { font-size: .85rem; overflow-wrap: anywhere; }
pre.post-text, blockquote.excerpt { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft);
  border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: .5rem 0; font-size: .9rem; }
blockquote.excerpt { padding: .3rem .75rem; }
mark { padding: 0 1px; border-radius: 2px; }
mark.sev-error { background: #fee4e2; box-shadow: inset 0 -2px 0 var(--error); }
mark.sev-warning { background: #fef0c7; box-shadow: inset 0 -2px 0 var(--warning); }
mark.sev-info { background: #d1e9ff; box-shadow: inset 0 -2px 0 var(--info); }
mark.suppressed { background: transparent; border-bottom: 1px dashed var(--muted); }
sup.ref { color: var(--muted); font-size: .7em; }
ul.errors li, ul.unplanned li { overflow-wrap: anywhere; }
.muted, footer { color: var(--muted); }
footer { margin-top: 3rem; border-top: 1px solid var(--line); padding-top: .5rem; font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  a { color: inherit; }
  p.refs a::after { content: " (" attr(href) ")"; }
  .badge, mark, dl.cards dd, td.bar rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""


def esc(value: object) -> str:
    """Escape anything for HTML text and for a quoted attribute value.

    Control characters (not allowed in HTML text) and bidi overrides (which would let a post
    display differently from what it says) are shown as visible escapes.
    """
    return html.escape(show_hidden(str(value)), quote=True)


class Html(Buffered):
    """The run as one HTML document, written when the run is over."""

    def render(self, totals: Totals) -> None:
        self.out.write(document(self.run, self.records, self.errors, totals))


def document(run: Run, records: list[Record], errors: list[InputError], totals: Totals) -> str:
    """The whole report. Sections without data (plan tables in a plain check) are left out."""
    numbered = [(index, record) for index, record in enumerate((r for r in records if listed(run, r)), 1)]
    # Keyed by identity: two records may be equal (same post listed twice) yet are two entries.
    anchors = {id(record): f"entry-{index}" for index, record in numbered}
    sections = _sections(run, records, errors, totals, numbered, anchors)
    title = f"Compliance report: {run.plan.campaign}" if run.plan and run.plan.campaign else "Compliance report"
    body = [
        _header(run, title),
        _toc([(anchor, heading) for anchor, heading, _ in sections]),
        *(f'<section id="{anchor}">\n<h2>{esc(heading)}</h2>\n{content}\n</section>' for anchor, heading, content in sections),
        f"<footer>Generated by compliance {esc(__version__)}. Automated checks: every finding needs a person's review.</footer>",
    ]
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',  # a constant, quote-free
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ])


def _sections(
    run: Run, records: list[Record], errors: list[InputError], totals: Totals,
    numbered: list[tuple[int, Record]], anchors: dict[int, str],
) -> list[tuple[str, str, str]]:
    """(anchor, heading, HTML) of each section, in reading order."""
    audit = run.plan is not None
    sections = [
        ("summary", "Summary", _summary(run, records, totals)),
        ("charts", "Findings at a glance", _charts(totals, records)),
    ]
    for name, heading in (("campaign", "By campaign"), ("creator", "By creator")):
        rows = totals.dimension(name)
        if rows:
            sections.append((f"by-{name}", heading, _dimension_table(name.capitalize(), rows, "Entries")))
    heading = "Plan entries" if audit else "Posts with findings"
    sections.append(("entries", heading, _entries(run, numbered)))
    if run.plan is not None:
        sections.append(("unplanned", "Drafts not in the plan", _unplanned(run.plan.unplanned)))
    sections.append(("errors", "Input errors", _errors(records, errors, anchors)))
    return sections


def _header(run: Run, title: str) -> str:
    rows: list[tuple[str, str]] = []
    if run.plan is not None:
        plan = run.plan
        rows += [("Campaign", esc(plan.campaign or "—")), ("Brand", esc(plan.brand or "—")), ("Plan", f"<code>{esc(plan.path)}</code>")]
        if plan.markets:
            rows.append(("Markets", esc(", ".join(plan.markets))))
    rulesets = "<br>".join(f"<code>{esc(r.id)}</code> {esc(r.version)} — {esc(r.title)}" for r in run.rulesets)
    rows.append(("Rule sets", rulesets or "—"))
    return f"<header>\n<h1>{esc(title)}</h1>\n{_meta(rows)}\n</header>"


def _meta(rows: list[tuple[str, str]]) -> str:
    """A definition list of (label, already escaped HTML) pairs."""
    items = "".join(f"<dt>{esc(label)}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<dl class="meta">{items}</dl>'


def _toc(sections: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="#{anchor}">{esc(heading)}</a></li>' for anchor, heading in sections)
    return f'<nav class="toc" aria-label="Contents">\n<h2>Contents</h2>\n<ol>{items}</ol>\n</nav>'


def _summary(run: Run, records: list[Record], totals: Totals) -> str:
    outcomes = [outcome(r) for r in records]
    noun = "entries" if run.plan is not None else "posts"
    cards: list[tuple[str, str, int]] = [("posts", "Posts checked", totals.posts), ("findings", "Findings", totals.findings)]
    cards += [(f"sev-{s}", f"{s.name.capitalize()}s" if s != Severity.INFO else "Info", totals.by_severity[s]) for s in SEVERITIES]
    cards += [("clean", f"Clean {noun}", clean_count(totals, records)), ("not-checked", f"{noun.capitalize()} not checked", outcomes.count(NOT_CHECKED))]
    cards.append(("input-errors", "Input errors", totals.errors))
    if run.plan is not None:
        cards.append(("unplanned", "Drafts not in the plan", len(run.plan.unplanned)))
    items = "".join(f'<div class="{cls}"><dt>{esc(label)}</dt><dd>{count}</dd></div>' for cls, label, count in cards)
    return f'<dl class="cards">{items}</dl>\n<p>{esc(totals.summary())}</p>'


def _charts(totals: Totals, records: list[Record]) -> str:
    charts = [_bar_chart("category", "Findings by category", dimension_rows(totals, records, "category"))]
    for name, caption in (("channel", "Findings by channel"), ("week", "Findings by week")):
        rows = totals.dimension(name)
        if rows:  # only an audit knows channels and weeks
            charts.append(_bar_chart(name, caption, rows, "Entries"))
    return "\n".join(charts)


def _bar_chart(name: str, caption: str, rows: list[tuple[str, int, int]], posts_label: str = "Posts") -> str:
    """Horizontal bars, one per value: an HTML table (so long labels wrap) with an SVG bar per row."""
    if not rows:
        return f'<figure class="chart" id="chart-{name}"><figcaption>{esc(caption)}</figcaption><p class="muted">No findings.</p></figure>'
    peak = max(findings for _, _, findings in rows) or 1
    body = "".join(
        f'<tr><th scope="row">{esc(value)}</th>'
        f'<td class="bar"><svg viewBox="0 0 100 14" preserveAspectRatio="none" role="img" aria-label="{plural(findings, "finding")}">'
        f'<rect x="0" y="1" width="{100 * findings / peak:.1f}" height="12"></rect></svg></td>'
        f'<td class="num">{findings}</td><td class="num">{posts}</td></tr>'
        for value, posts, findings in rows
    )
    head = f'<tr><th>{esc(name.capitalize())}</th><th></th><th class="num">Findings</th><th class="num">{posts_label}</th></tr>'
    return f'<figure class="chart" id="chart-{name}"><figcaption>{esc(caption)}</figcaption><table><thead>{head}</thead><tbody>{body}</tbody></table></figure>'


def _dimension_table(label: str, rows: list[tuple[str, int, int]], posts_label: str) -> str:
    head = f'<tr><th>{esc(label)}</th><th class="num">{posts_label}</th><th class="num">Findings</th></tr>'
    body = "".join(f'<tr><th scope="row">{esc(v)}</th><td class="num">{p}</td><td class="num">{n}</td></tr>' for v, p, n in rows)
    return f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"


def _entries(run: Run, numbered: list[tuple[int, Record]]) -> str:
    if not numbered:
        return '<p class="muted">No findings.</p>'
    return "\n".join([_overview(numbered), *(_entry(run, index, record) for index, record in numbered)])


def _overview(numbered: list[tuple[int, Record]]) -> str:
    """One line per entry, linking to its section: the page a client reads first."""
    head = "".join(f"<th>{h}</th>" for h in ("#", "Entry", "Date", "Channel", "Creator"))
    head += "".join(f'<th class="num">{h}</th>' for h in ("Errors", "Warnings", "Info")) + "<th>Status</th>"
    rows = []
    for index, record in numbered:
        entry = record.entry
        counts = severity_counts(record.active)
        cells = [
            f'<td class="num"><a href="#entry-{index}">{index}</a></td>',
            f'<td><a href="#entry-{index}">{esc(record.post)}</a></td>',
            f"<td>{esc(entry.date.isoformat() if entry and entry.date else '—')}</td>",
            f"<td>{esc(entry.platform if entry and entry.platform else '—')}</td>",
            f"<td>{esc(entry.creator if entry and entry.creator else '—')}</td>",
            *(f'<td class="num">{counts[s] if record.status != NOT_CHECKED else "—"}</td>' for s in SEVERITIES),
            f"<td>{_status_badge(record)}</td>",
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table class="overview"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _worst(record: Record) -> Severity | None:
    return max((f.severity for f in record.active), default=None)


def _status_badge(record: Record) -> str:
    state = outcome(record)
    if state == NOT_CHECKED:
        return '<span class="badge not-checked">not checked</span>'
    if state == CLEAN:
        return '<span class="badge clean">clean</span>'
    return f'<span class="badge sev-{_worst(record)}">{plural(len(record.active), "finding")}</span>'


def _entry(run: Run, index: int, record: Record) -> str:
    state = outcome(record)
    css = {NOT_CHECKED: "not-checked", CLEAN: "clean", HAS_FINDINGS: f"sev-{_worst(record)}"}[state]
    parts = [
        f'<article class="entry {css}" id="entry-{index}">',
        f'<h3><a class="anchor" href="#entry-{index}">{index}.</a> {esc(record.post)} {_status_badge(record)}</h3>',
        _meta(_entry_fields(record)),
    ]
    if record.errors:
        label = "Not checked because" if state == NOT_CHECKED else "Input errors"
        items = "".join(f"<li>{esc(error)}</li>" for error in record.errors)
        parts.append(f'<p><strong>{label}:</strong></p><ul class="errors">{items}</ul>')
    elif state == NOT_CHECKED:
        parts.append("<p><strong>Not checked.</strong></p>")
    if record.findings:
        parts.append(_findings(run, record))
        if record.text is not None:
            parts.append(f'<p class="muted">Post text (findings highlighted):</p>\n<pre class="post-text">{highlight(record.text, record.findings)}</pre>')
    elif state == CLEAN:
        parts.append('<p class="muted">No findings.</p>')
    parts.append("</article>")
    return "\n".join(parts)


def _entry_fields(record: Record) -> list[tuple[str, str]]:
    """The entry's plan fields (or, outside an audit, the post's path), escaped."""
    entry = record.entry
    if entry is None:
        return [("Path", f"<code>{esc(record.path)}</code>")]
    fields = [
        ("Date", entry.date.isoformat() if entry.date else None), ("Channel", entry.platform),
        ("Format", entry.format), ("Creator", entry.creator), ("Relationship", entry.relationship),
        ("Campaign", entry.campaign), ("Pillar", entry.pillar), ("Market", ", ".join(entry.market) or None),
    ]
    rows = [(label, esc(value) if value else "—") for label, value in fields]
    rows.append(("Draft", f"<code>{esc(entry.draft)}</code>" if entry.draft else "text in the plan"))
    rows.append(("Status", esc(outcome(record))))
    return rows


def _findings(run: Run, record: Record) -> str:
    items = [_finding(run, record, number, finding) for number, finding in enumerate(record.findings, 1)]
    return f'<ol class="findings">{"".join(items)}</ol>'


def _finding(run: Run, record: Record, number: int, finding: Finding) -> str:
    severity = esc(finding.severity)
    badge = f'<span class="badge sev-{severity}">{severity}</span>'
    if finding.suppressed:  # shown for transparency, muted and never counted
        badge = f'<span class="badge suppressed">suppressed</span> <span class="muted">{severity}</span>'
    title = run.titles.get(finding.rule)
    head = (
        f'{badge} <span class="rule">{esc(finding.rule)}</span>'
        + (f' <span class="title">{esc(title)}</span>' if title else "")
        + f' <span class="loc">{esc(finding.path)}:{finding.line}:{finding.column}</span>'
    )
    parts = [f"<div>{head}</div>", f'<p class="message">{esc(finding.message)}</p>']
    hint = run.hints.get(finding.rule)
    if hint:
        parts.append(f'<p class="hint"><strong>How to fix:</strong> {esc(hint)}</p>')
    if record.text is None and finding.excerpt:
        parts.append(f'<blockquote class="excerpt">{esc(finding.excerpt)}</blockquote>')
    elif record.text is not None and finding.start >= finding.end:
        parts.append('<p class="muted">Applies to the whole post.</p>')
    if finding.references:
        parts.append(f'<p class="refs">References: {", ".join(link(url) for url in finding.references)}</p>')
    css = "finding suppressed" if finding.suppressed else f"finding sev-{severity}"
    return f'<li class="{css}">{"".join(parts)}</li>'


def link(url: str) -> str:
    """An http(s) URL as a link; anything else (javascript:, data:, a path) as plain text."""
    if SAFE_URL.fullmatch(url):
        return f'<a href="{esc(url)}" rel="noreferrer">{esc(url)}</a>'
    return f"<code>{esc(url)}</code>"


def highlight(text: str, findings: tuple[Finding, ...]) -> str:
    """The post text, escaped, with each finding's `start`/`end` span in a `<mark>`.

    Spans may overlap: the text is cut at every span boundary and each piece is marked with the
    most severe active finding covering it (suppressed findings get a muted mark). A superscript
    number after a span's last character points to the finding in the list above.
    """
    size = len(text)
    spans = [
        (max(0, min(f.start, size)), max(0, min(f.end, size)), number, f)
        for number, f in enumerate(findings, 1)
    ]
    spans = [span for span in spans if span[0] < span[1]]
    bounds = sorted({0, size} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans})
    out: list[str] = []
    for start, end in pairwise(bounds):
        piece = esc(text[start:end])
        covering = [span for span in spans if span[0] <= start and end <= span[1]]
        if covering:
            out.append(f'<mark class="{_mark_class([f for _, _, _, f in covering])}">{piece}</mark>')
        else:
            out.append(piece)
        out.extend(f'<sup class="ref">{number}</sup>' for _, e, number, _ in spans if e == end)
    return "".join(out)


def _mark_class(findings: list[Finding]) -> str:
    active = [f for f in findings if not f.suppressed]
    if not active:
        return "suppressed"
    return f"sev-{max(f.severity for f in active)}"


def _unplanned(paths: tuple[str, ...]) -> str:
    if not paths:
        return '<p class="muted">Every draft in the plan\'s folder is listed in the plan.</p>'
    items = "".join(f"<li><code>{esc(path)}</code></li>" for path in paths)
    return f'<p>These drafts are in the plan\'s folder but no entry lists them, so they were not checked:</p>\n<ul class="unplanned">{items}</ul>'


def _errors(records: list[Record], errors: list[InputError], anchors: dict[int, str]) -> str:
    items = []
    for record, error in record_errors(records):
        anchor = anchors.get(id(record))
        where = f' (entry <a href="#{anchor}">{esc(record.post)}</a>)' if anchor else ""
        items.append(f"<li>{esc(error)}{where}</li>")
    items += [f"<li>{esc(error)}</li>" for error in errors]
    if not items:
        return '<p class="muted">None.</p>'
    return f'<ul class="errors">{"".join(items)}</ul>'
