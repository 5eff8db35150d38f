"""The report as GitHub-flavoured Markdown: for a pull-request comment, a wiki page or an e-mail.

Every piece of user or rule text goes through `cell`: it is put on one line, its control
characters made visible, and its Markdown punctuation backslash-escaped, so a post cannot add a
table column (`|`), open a code span, emphasis, a link or an image, start a heading, or inject
HTML (`<`, `&`). Escaping a character that needed no escape is harmless (it renders as itself),
so the set errs on the side of escaping. No line of the document starts with user text (cells
follow `| `, headings `### n. `, list items `- `, the fields line its status), so the block
markers that only count at the start of a line (`-`, `+`, `1.`, `=`) need no escape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Finding, InputError
from .report import (
    CLEAN,
    DIMENSIONS,
    NOT_CHECKED,
    SEVERITIES,
    Buffered,
    Record,
    Run,
    Totals,
    clean_count,
    dimension_rows,
    listed,
    one_line,
    outcome,
    record_errors,
    show_hidden,
)

# Characters with a meaning anywhere in a line of GFM: code spans, emphasis, strikethrough, links
# and images, HTML and entities, table cells, math ($), headings and block quotes.
SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&$!])")


def cell(value: object) -> str:
    """Any text, safe to put in a table cell, a heading or a list item."""
    return SPECIAL.sub(r"\\\1", one_line(show_hidden(str(value))))


class Markdown(Buffered):
    """The run as one Markdown document, written when the run is over."""

    def render(self, totals: Totals) -> None:
        self.out.write("\n\n".join(document(self.run, self.records, self.errors, totals)) + "\n")


def document(run: Run, records: list[Record], errors: list[InputError], totals: Totals) -> list[str]:
    """The report's blocks, in order."""
    audit = run.plan is not None
    blocks = [*_title(run), "## Summary", _summary(run, records, totals)]
    for name in ("category", *DIMENSIONS[:-1]):
        rows = dimension_rows(totals, records, name)
        if rows:  # a plain check knows no channel, week, campaign or creator
            blocks += [f"## By {name}", _dimension_table(name, rows, "Posts" if name == "category" else "Entries")]
    shown = [record for record in records if listed(run, record)]
    blocks.append("## Plan entries" if audit else "## Posts with findings")
    if not shown:
        blocks.append("No findings.")
    for index, record in enumerate(shown, 1):
        blocks += _entry(run, index, record)
    if run.plan is not None:
        blocks += ["## Drafts not in the plan", _list(run.plan.unplanned) or "None: every draft in the plan's folder is listed."]
    all_errors = [error for _, error in record_errors(records)] + errors
    blocks += ["## Input errors", _list(all_errors) or "None."]
    return blocks


def _title(run: Run) -> list[str]:
    plan = run.plan
    title = f"# Compliance report: {cell(plan.campaign)}" if plan and plan.campaign else "# Compliance report"
    facts = []
    if plan is not None:
        facts += [f"**Brand:** {cell(plan.brand or '—')}", f"**Plan:** {cell(plan.path)}"]
        if plan.markets:
            facts.append(f"**Markets:** {cell(', '.join(plan.markets))}")
    rulesets = ", ".join(f"{cell(r.id)} {cell(r.version)}" for r in run.rulesets) or "—"
    facts.append(f"**Rule sets:** {rulesets}")
    return [title, "  \n".join(facts)]  # two trailing spaces: a line break inside one paragraph


def _table(header: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    """A GFM table. Cells must already be escaped; `numeric` columns are right-aligned."""
    rule = ["---:" if i in numeric else "---" for i in range(len(header))]
    lines = [header, rule, *rows]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def _summary(run: Run, records: list[Record], totals: Totals) -> str:
    outcomes = [outcome(r) for r in records]
    noun = "entries" if run.plan is not None else "posts"
    rows = [["Posts checked", str(totals.posts)], ["Findings", str(totals.findings)]]
    rows += [[f"— {s}", str(totals.by_severity[s])] for s in SEVERITIES]
    rows += [[f"Clean {noun}", str(clean_count(totals, records))], [f"{noun.capitalize()} not checked", str(outcomes.count(NOT_CHECKED))]]
    rows.append(["Input errors", str(totals.errors)])
    if run.plan is not None:
        rows.append(["Drafts not in the plan", str(len(run.plan.unplanned))])
    return _table(["", "Count"], rows, frozenset({1})) + "\n\n" + cell(totals.summary())


def _dimension_table(name: str, rows: list[tuple[str, int, int]], posts_label: str) -> str:
    body = [[cell(value), str(posts), str(findings)] for value, posts, findings in rows]
    return _table([name.capitalize(), posts_label, "Findings"], body, frozenset({1, 2}))


def _entry(run: Run, index: int, record: Record) -> list[str]:
    """A heading, a line of plan fields, then the findings table (or why there is none)."""
    state = outcome(record)
    blocks = [f"### {index}. {cell(record.post)}", _fields(record, state)]
    if record.errors:
        label = "Not checked because" if state == NOT_CHECKED else "Input errors"
        blocks += [f"**{label}:**", _list(record.errors)]
    elif state == NOT_CHECKED:
        blocks.append("**Not checked.**")
    if record.findings:
        blocks.append(_findings(run, record.findings))
    elif state == CLEAN:
        blocks.append("No findings.")
    return blocks


def _fields(record: Record, state: str) -> str:
    """The status first (a line must not start with user text), then the entry's plan fields."""
    entry = record.entry
    if entry is None:
        return f"**{state}** · {cell(record.path)}"
    values = [
        entry.date.isoformat() if entry.date else None, entry.platform, entry.format, entry.creator,
        entry.relationship, entry.draft or record.path,
    ]
    return " · ".join([f"**{state}**"] + [cell(v) for v in values if v])


def _findings(run: Run, findings: tuple[Finding, ...]) -> str:
    rows = []
    for f in findings:
        # Suppressed findings are listed for transparency, in italics, and never counted.
        severity = f"_suppressed_ ({f.severity})" if f.suppressed else str(f.severity)
        message = cell(f.message)
        if run.hints.get(f.rule):
            message += f"<br>**Fix:** {cell(run.hints[f.rule])}"
        rows.append([cell(f.rule), severity, str(f.line), message, cell(f.excerpt) if f.excerpt else "—"])
    return _table(["Rule", "Severity", "Line", "Message", "Excerpt"], rows, frozenset({2}))


def _list(items: Iterable[object]) -> str:
    return "\n".join(f"- {cell(item)}" for item in items)

