"""SARIF 2.1.0, the format code-scanning dashboards read (GitHub, GitLab, Azure DevOps, IDEs).

One run per document. `tool.driver.rules` describes every rule of every loaded rule set, so a
dashboard can show a rule's help even for rules that found nothing; each result points at its
rule by `ruleId` and `ruleIndex`.

Results are written as posts are checked: the head (tool and rules) first, then one result per
finding, then the invocation (input errors as notifications) and the run's properties. Memory
holds the rules and the input errors, never the findings.

Suppressed findings stay in the output with `suppressions` (kind and justification): a consumer
that drops them would lose the audit trail, and one that ignores the field would treat them as
live — the opposite of what the user asked for (research/anchors.md A.9 #9).

`partialFingerprints["compliance/v1"]` identifies a result across runs: a hash of the rule, the
post id and the matched text (normalised), plus the occurrence number of that hash in the post.
No line or column goes in, so a finding keeps its identity when lines above it move. Posts of a
JSON Lines or CSV file that have no `id` field get `path:line` as their id, so theirs follow the
post's line; give posts ids for identities that survive edits to the file.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..model import Finding, InputError, Severity
from ..rules.schema import Rule, RuleSet
from .json import summary
from .report import Record, Run, Totals

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
INFORMATION_URI = "https://github.com/compliance-lint/compliance"  # placeholder until the project has a home
SRCROOT = "%SRCROOT%"  # relative paths are relative to where the run started, usually the repository root
FINGERPRINT = "compliance/v1"  # bump the suffix if the fingerprint's recipe ever changes
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INDENT = 2
RESULT_LEVEL = 4  # results sit in document > runs > run > results: four levels deep

# Only http(s) references become `helpUri` or links; a rule author's `javascript:` stays text.
_HTTP_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_RESULTS = "\x00results\x00"  # stands in for the results array while the head is serialised


class Sarif:
    def __init__(self, out: TextIO, run: Run, color: bool = False) -> None:
        self.out, self.run = out, run
        self.rules = unique_rules(run.rulesets)
        self.index = {rule.id: i for i, (rule, _) in enumerate(self.rules)}
        self.errors: list[InputError] = []
        self.first = True
        head = {
            "$schema": SCHEMA,
            "version": VERSION,
            "runs": [{
                "tool": {"driver": self._driver()},
                # Columns count characters (code points) of the source file, not UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": _RESULTS,
            }],
        }
        text = _dumps(head)
        cut = text.index(json.dumps(_RESULTS))
        out.write(text[:cut] + "[")

    def _driver(self) -> dict[str, Any]:
        return {
            "name": "compliance",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [rule_descriptor(rule, ruleset, self.run.hints.get(rule.id, "")) for rule, ruleset in self.rules],
        }

    def add(self, record: Record) -> None:
        self.errors += record.errors
        seen: Counter[str] = Counter()  # identical fingerprints in one post get an occurrence number
        for finding in record.findings:
            digest = finding.fingerprint
            seen[digest] += 1
            self._write(self._result(finding, record, f"{digest}:{seen[digest]}"))

    def _result(self, finding: Finding, record: Record, identity: str) -> dict[str, Any]:
        result: dict[str, Any] = {"ruleId": finding.rule}
        if finding.rule in self.index:  # a finding of a rule no loaded set describes has no index
            result["ruleIndex"] = self.index[finding.rule]
        result |= {
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": physical_location(finding)}],
            "partialFingerprints": {FINGERPRINT: identity},
        }
        properties: dict[str, Any] = {"post": finding.post, "category": finding.category}
        if record.entry is not None:
            properties["entry"] = record.entry.to_dict()
        result["properties"] = properties
        if finding.suppression is not None:
            suppression = finding.suppression
            result["suppressions"] = [{
                "kind": suppression.kind, "justification": suppression.justification,
                "properties": {"source": suppression.source},
            }]
        return result

    def _write(self, result: dict[str, Any]) -> None:
        pad = " " * (INDENT * RESULT_LEVEL)
        self.out.write(("\n" if self.first else ",\n") + pad + _dumps(result).replace("\n", "\n" + pad))
        self.first = False

    def error(self, error: InputError) -> None:
        self.errors.append(error)

    def finish(self, totals: Totals) -> None:
        properties: dict[str, Any] = {"rulesets": [{"id": r.id, "version": r.version} for r in self.run.rulesets]}
        if self.run.plan is not None:
            plan = self.run.plan
            properties["plan"] = {
                "path": plan.path, "campaign": plan.campaign, "brand": plan.brand,
                "markets": list(plan.markets), "unplanned": list(plan.unplanned),
            }
        properties["summary"] = summary(totals, self.run.plan is not None)
        tail = {
            "invocations": [{
                "executionSuccessful": not self.errors,
                "toolExecutionNotifications": [notification(e) for e in self.errors],
            }],
            "properties": properties,
        }
        close = "]" if self.first else "\n" + " " * (INDENT * (RESULT_LEVEL - 1)) + "]"
        # The tail's keys belong to the run object, three levels deep, like "results".
        inner = _dumps(tail)[2:-2].replace("\n", "\n" + " " * (INDENT * 2))
        self.out.write(close + ",\n" + " " * (INDENT * 2) + inner + "\n    }\n  ]\n}\n")


def unique_rules(rulesets: tuple[RuleSet, ...]) -> list[tuple[Rule, RuleSet]]:
    """Every rule once, with the loaded set it came from: a set that extends another carries the
    parent's rules too, and a rule id must name one descriptor."""
    seen: dict[str, tuple[Rule, RuleSet]] = {}
    for ruleset in rulesets:
        for rule in ruleset.rules:
            seen.setdefault(rule.id, (rule, ruleset))
    return list(seen.values())


def rule_descriptor(rule: Rule, ruleset: RuleSet, hint: str = "") -> dict[str, Any]:
    hint = rule.hint or hint
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": pascal_name(rule.title) or rule.id,
        "shortDescription": {"text": rule.title or rule.id},
    }
    if rule.rationale:
        descriptor["fullDescription"] = {"text": rule.rationale}
    descriptor["help"] = {"text": help_text(rule, hint), "markdown": help_markdown(rule, hint)}
    links = [url for url in rule.references if _HTTP_URL.fullmatch(url)]
    if links:
        descriptor["helpUri"] = links[0]
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    descriptor["properties"] = {
        "category": rule.category, "ruleset": ruleset.id, "rulesetVersion": ruleset.version,
        "tags": [rule.category],
    }
    return descriptor


def pascal_name(title: str) -> str:
    """'Disclosure after the platform's fold' -> 'DisclosureAfterThePlatformsFold'.

    SARIF wants a name that reads as an identifier; apostrophes are dropped rather than split on,
    so "platform's" stays one word.
    """
    words = _WORD.findall(title.replace("'", "").replace("\u2019", ""))
    return "".join(word[:1].upper() + word[1:] for word in words)


def help_text(rule: Rule, hint: str) -> str:
    parts = [f"How to fix: {hint}" if hint else "", rule.rationale]
    parts += [f"Reference: {url}" for url in rule.references]
    return "\n\n".join(part for part in parts if part) or rule.title or rule.id


def help_markdown(rule: Rule, hint: str) -> str:
    parts = [f"**How to fix:** {_md(hint)}" if hint else "", _md(rule.rationale)]
    if rule.references:
        parts.append("References:\n" + "\n".join(f"- {_md_link(url)}" for url in rule.references))
    return "\n\n".join(part for part in parts if part) or _md(rule.title or rule.id)


def _md(text: str) -> str:
    """Text that Markdown shows as written: `<recyclable bottle>` would vanish as an HTML tag."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _md_link(url: str) -> str:
    if _HTTP_URL.fullmatch(url) and not any(c in url for c in "<>"):
        return f"<{url}>"
    return f"`{url.replace('`', '')}`"  # not a web link: shown, never followed


def artifact_location(path: str) -> dict[str, str]:
    """A file's SARIF location: a relative URI under %SRCROOT% as the path was given, or a
    file: URI for an absolute path."""
    if PurePosixPath(path).is_absolute():
        return {"uri": "file://" + quote(path)}
    windows = PureWindowsPath(path)
    if windows.is_absolute():
        return {"uri": windows.as_uri()}
    relative = path.replace("\\", "/")
    while relative.startswith("./"):
        relative = relative[2:]
    return {"uri": quote(relative), "uriBaseId": SRCROOT}


def physical_location(finding: Finding) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": finding.line, "startColumn": finding.column,
        # end_column is the column just after the match, which is what SARIF's endColumn means.
        "endLine": finding.end_line, "endColumn": finding.end_column,
    }
    if finding.excerpt:
        region["snippet"] = {"text": finding.excerpt}
    return {"artifactLocation": artifact_location(finding.path), "region": region}


def notification(error: InputError) -> dict[str, Any]:
    note: dict[str, Any] = {"level": "error", "message": {"text": error.message}}
    location: dict[str, Any] = {"artifactLocation": artifact_location(error.path)}
    if error.line:
        location["region"] = {"startLine": error.line}
    if error.path:
        note["locations"] = [{"physicalLocation": location}]
    return note


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=INDENT)
