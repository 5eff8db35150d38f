"""Suppressions: findings a team has decided to accept, each with its reason.

Three places say so, all strict (a malformed one is an error, never a silent ignore-all):
- in a Markdown draft, an HTML comment, for the next block or the whole file:
      <!-- compliance: ignore US-D-03 reason="The brand's legal team approved this layout" -->
      <!-- compliance: ignore-file US-C-26,US-C-27 reason="Claims cleared by GC-2025-014" -->
- on a post (JSON, front matter, CSV), the field `ignore`:
      "ignore": [{"rules": ["US-D-03"], "reason": "approved by legal"}]
- in the configuration, by post id (see config.py).

A suppressed finding stays in the JSON and SARIF output, marked with its reason; one that
matches no finding of a rule that ran is reported, so stale suppressions do not pile up.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from .model import Finding, Ignore, InputError, Post, Suppression

RULE_ID = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
_DIRECTIVE_START = re.compile(r"<!--\s*compliance\b", re.IGNORECASE)
_DIRECTIVE = re.compile(
    rf"<!--[ \t]*compliance:[ \t]*(?P<scope>ignore|ignore-file)[ \t]+(?P<rules>{RULE_ID}(?:[ \t]*,[ \t]*{RULE_ID})*)"
    r"[ \t]+reason=\"(?P<reason>[^\"\n]*)\"[ \t]*-->"
)
GRAMMAR = '<!-- compliance: ignore|ignore-file RULE[,RULE…] reason="why" -->'


class DirectiveError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def directives(text: str, first_line: int) -> tuple[str, tuple[Ignore, ...]]:
    """The text with each directive blanked out (spaces, so offsets stay), and its ignores.

    A directive must stand on a line of its own. `ignore` covers the next block: the lines
    after it up to the next blank line; `ignore-file` the whole post. Raises DirectiveError
    for a directive that does not follow the grammar or has an empty reason.
    """
    if "compliance" not in text:  # most drafts: nothing to parse
        return text, ()
    ignores: list[Ignore] = []
    blanked = text
    offset = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        start = offset
        offset += len(line) + 1
        if not _DIRECTIVE_START.search(line):
            continue
        number = first_line + index
        found = _DIRECTIVE.fullmatch(line.strip())
        if found is None:
            raise DirectiveError(number, f"malformed suppression; the form is {GRAMMAR} on a line of its own")
        reason = found["reason"].strip()
        if not reason:
            raise DirectiveError(number, "a suppression needs a reason: reason=\"why this is accepted\"")
        rules = tuple(rule.strip().upper() for rule in found["rules"].split(","))
        if found["scope"] == "ignore-file":
            ignores.append(Ignore(rules, reason, number))
        else:
            block_start, block_end = _next_block(lines, index + 1, offset)
            ignores.append(Ignore(rules, reason, number, block_start, block_end))
        blanked = blanked[:start] + " " * len(line) + blanked[start + len(line):]
    return blanked, tuple(ignores)


def _next_block(lines: Sequence[str], index: int, offset: int) -> tuple[int, int]:
    """Offsets of the block after line `index` (starting at `offset`): its lines up to the next
    blank line, blank lines before it skipped."""
    while index < len(lines) and not lines[index].strip():
        offset += len(lines[index]) + 1
        index += 1
    start = offset
    while index < len(lines) and lines[index].strip():
        offset += len(lines[index]) + 1
        index += 1
    return start, max(start, offset - 1)


def ignores_field(value: Any) -> tuple[Ignore, ...]:
    """The `ignore` field of a post: a list of {rules (or rule), reason}. Raises ValueError."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError('must be a list such as [{"rules": ["US-D-03"], "reason": "approved by legal"}]')
    found = []
    for item in value:
        if not isinstance(item, dict) or set(item) - {"rule", "rules", "reason"}:
            raise ValueError("each item needs 'rules' (or 'rule') and 'reason', and nothing else")
        rules = item.get("rules", item.get("rule"))
        rules = [rules] if isinstance(rules, str) else rules
        if not rules or not isinstance(rules, list) or not all(isinstance(r, str) and re.fullmatch(RULE_ID, r.strip()) for r in rules):
            raise ValueError("'rules' must name rule ids or prefixes, such as [US-D-03]")
        reason = item.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError("every suppression needs a 'reason'")
        found.append(Ignore(tuple(r.strip().upper() for r in rules), reason.strip(), 0))
    return tuple(found)


@dataclass(frozen=True)
class ConfigIgnore:
    """A suppression from the configuration: posts whose id matches `post` (a glob) and whose
    path matches `path` (a glob), for these rules."""

    rules: tuple[str, ...]
    reason: str
    post: str = "*"
    path: str = "*"
    source: str = "config"

    def covers(self, post: Post) -> bool:
        return fnmatch.fnmatchcase(post.id, self.post) and fnmatch.fnmatchcase(post.origin.path, self.path)


def apply(
    post: Post, findings: Iterable[Finding], ran: Sequence[str], configured: Sequence[ConfigIgnore] = (),
) -> tuple[list[Finding], list[InputError]]:
    """Findings with their suppressions marked, and an error for each of the post's own
    suppressions that matched nothing although a rule it names ran (`ran`: the rule ids)."""
    used: set[int] = set()
    marked = []
    external = [rule for rule in configured if rule.covers(post)]
    for finding in findings:
        suppression = None
        for index, ignore in enumerate(post.ignores):
            if _names(ignore.rules, finding.rule) and _within(ignore, finding):
                used.add(index)
                source = f"{post.origin.path}:{ignore.line}" if ignore.line else f"{post.origin.path} (field 'ignore')"
                suppression = Suppression("inSource", ignore.reason, source)
                break
        else:
            rule = next((r for r in external if _names(r.rules, finding.rule)), None)
            if rule is not None:
                suppression = Suppression("external", rule.reason, rule.source)
        marked.append(dataclasses.replace(finding, suppression=suppression) if suppression else finding)
    stale = [
        InputError(post.origin.path, ignore.line or post.origin.line, f"post {post.id}: the suppression of {', '.join(ignore.rules)} matches no finding; remove it")
        for index, ignore in enumerate(post.ignores)
        if index not in used and any(_names(ignore.rules, rule) for rule in ran)
    ]
    return marked, stale


def _names(prefixes: Iterable[str], rule: str) -> bool:
    """Whether a suppression names the rule: its id, or a prefix ending at a dash ("US-D")."""
    return any(rule == prefix or rule.startswith(prefix + "-") for prefix in prefixes)


def _within(ignore: Ignore, finding: Finding) -> bool:
    if ignore.start is None or ignore.end is None:
        return True
    return ignore.start <= finding.start <= ignore.end
