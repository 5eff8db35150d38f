"""The SARIF report: valid against the official 2.1.0 schema, rules described, suppressions kept,
input errors as notifications, stable fingerprints, streamed."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from compliance import __version__
from compliance.model import Finding, InputError, Severity, Suppression
from compliance.reporting.report import Record, Run
from compliance.reporting.sarif import FINGERPRINT, INFORMATION_URI, Sarif, artifact_location, pascal_name

from . import (
    FTC_GUIDE, HINTS, MAYA_TEXT, PLAN, STRAY_ERROR, audit_items, audit_records, audit_run, check_records,
    check_run, feed, finding, ruled,
)

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def valid(validator: Draft7Validator, text: str) -> dict[str, Any]:
    """The parsed document, after asserting it validates and is the indented JSON it claims to be."""
    document = json.loads(text)
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
    assert problems == []
    # Streamed in pieces, yet the same bytes as dumping the whole document at once.
    assert text == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return document


def the_run(document: dict[str, Any]) -> dict[str, Any]:
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert document["version"] == "2.1.0"
    assert len(document["runs"]) == 1
    run: dict[str, Any] = document["runs"][0]
    return run


@pytest.fixture(scope="module")
def audit_doc(validator: Draft7Validator) -> dict[str, Any]:
    return the_run(valid(validator, feed(Sarif, ruled(audit_run()), audit_items()).text))


@pytest.fixture(scope="module")
def check_doc(validator: Draft7Validator) -> dict[str, Any]:
    return the_run(valid(validator, feed(Sarif, ruled(check_run()), check_records()).text))


def test_the_schema_rejects_what_it_should(validator: Draft7Validator) -> None:
    """The validation below can fail: a level SARIF does not know, a suppression without a kind."""
    document = json.loads(feed(Sarif, ruled(audit_run()), audit_items()).text)
    document["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(document)
    document = json.loads(feed(Sarif, ruled(audit_run()), audit_items()).text)
    suppressed = next(r for r in document["runs"][0]["results"] if "suppressions" in r)
    del suppressed["suppressions"][0]["kind"]
    assert not validator.is_valid(document)


def test_driver_describes_the_tool(check_doc: dict[str, Any]) -> None:
    driver = check_doc["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == ("compliance", __version__, INFORMATION_URI)
    assert check_doc["columnKind"] == "unicodeCodePoints"


def test_check_with_findings(check_doc: dict[str, Any]) -> None:
    [result] = check_doc["results"]
    assert (result["ruleId"], result["level"], result["message"]["text"]) == ("US-D-02", "warning", '"#sp" is not a label readers understand.')
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "export.jsonl", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 36, "endLine": 3, "endColumn": 39, "snippet": {"text": "#sp"}}
    assert result["properties"] == {"post": "post-1", "category": "disclosure.unclear"}
    assert "suppressions" not in result
    assert check_doc["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    assert check_doc["properties"]["summary"] == {"posts": 2, "findings": 1, "by_category": {"disclosure.unclear": 1}}


def test_every_rule_of_every_set_once(check_doc: dict[str, Any]) -> None:
    rules = check_doc["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["US-D-01", "US-D-02", "US-D-03", "US-D-14", "C-H-01", "C-P-02", "C-E-01"]
    first = rules[0]
    assert first["properties"] == {"category": "disclosure.missing", "ruleset": "us-ftc", "rulesetVersion": "2026.1", "tags": ["disclosure.missing"]}
    assert first["fullDescription"]["text"] == "A material connection must be disclosed (16 CFR 255.5)."  # not the inherited copy
    assert rules[4]["properties"]["ruleset"] == "common" and rules[4]["properties"]["rulesetVersion"] == "2026.2"


def test_rules_carry_help_and_links(check_doc: dict[str, Any]) -> None:
    rules = {rule["id"]: rule for rule in check_doc["tool"]["driver"]["rules"]}
    d01 = rules["US-D-01"]
    assert d01["name"] == "MaterialConnectionWithoutAnyDisclosure"
    assert d01["shortDescription"]["text"] == "Material connection without any disclosure"
    assert d01["defaultConfiguration"] == {"level": "error"}
    assert d01["helpUri"].startswith("https://www.ecfr.gov/")
    assert HINTS["US-D-01"] in d01["help"]["text"] and "16 CFR 255.5" in d01["help"]["text"]
    assert FTC_GUIDE in d01["help"]["text"]
    assert f"<{FTC_GUIDE}>" in d01["help"]["markdown"] and "**How to fix:**" in d01["help"]["markdown"]
    # a javascript: reference is neither the help link nor a Markdown link
    h01 = rules["C-H-01"]
    assert h01["helpUri"] == "https://www.ftc.gov/health-claims"
    assert "`javascript:alert(1)`" in h01["help"]["markdown"] and "<javascript:" not in h01["help"]["markdown"]
    # angle brackets in a hint are shown, not swallowed as an HTML tag
    assert "&lt;recyclable bottle; cap not&gt;" in rules["C-E-01"]["help"]["markdown"]
    assert "&lt;need&gt; proof &amp; qualification" in rules["C-E-01"]["help"]["markdown"]
    assert "<recyclable bottle; cap not>" in rules["C-E-01"]["help"]["text"]
    assert "helpUri" not in rules["US-D-14"]
    assert {rule["defaultConfiguration"]["level"] for rule in rules.values()} == {"error", "warning", "note"}
    assert rules["C-P-02"]["name"] == "FreeOfferWithHiddenConditions"
    assert rules["US-D-03"]["name"] == "DisclosureAfterThePlatformsFold"


def test_rule_index_points_at_the_rule(audit_doc: dict[str, Any]) -> None:
    rules = audit_doc["tool"]["driver"]["rules"]
    results = audit_doc["results"]
    indexed = [r for r in results if "ruleIndex" in r]
    assert len(indexed) == 7
    for result in indexed:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    # rules no loaded set describes: an id, no index
    assert sorted(r["ruleId"] for r in results if "ruleIndex" not in r) == ["C-H-02", "C-X-09"]


def test_audit_results_carry_their_plan_entry(audit_doc: dict[str, Any]) -> None:
    results = audit_doc["results"]
    assert len(results) == sum(len(r.findings) for r in audit_records()) == 9
    assert [r["properties"]["entry"]["id"] for r in results] == ["sg-01"] * 3 + ["sg-02"] * 4 + ["sg-05 <b>", "ao-01"]
    entry = results[0]["properties"]["entry"]
    assert (entry["week"], entry["platform"], entry["creator"], entry["campaign"]) == ("2026-W10", "instagram", "Maya Chen", "Spring Glow 2026")
    assert results[0]["properties"]["post"] == "sg-01"
    assert audit_doc["properties"]["plan"]["path"] == PLAN.path
    assert audit_doc["properties"]["plan"]["unplanned"] == list(PLAN.unplanned)
    assert audit_doc["properties"]["summary"]["by_channel"]["instagram"] == {"posts": 3, "findings": 4}
    assert audit_doc["properties"]["rulesets"] == [{"id": "us-ftc", "version": "2026.1"}, {"id": "common", "version": "2026.2"}]


def test_suppressed_findings_stay_with_their_reason(audit_doc: dict[str, Any]) -> None:
    suppressed = [r for r in audit_doc["results"] if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["C-P-02"]
    assert suppressed[0]["suppressions"] == [
        {"kind": "inSource", "justification": "approved by legal", "properties": {"source": "plans/drafts/sg-02.md:2"}},
    ]
    assert suppressed[0]["level"] == "note"
    # an external suppression (config, baseline) keeps its kind too
    [record] = [r for r in audit_records() if r.post == "sg-02"]
    baselined = dataclasses.replace(record.findings[0], suppression=Suppression("external", "known since 2025", "baseline"))
    document = json.loads(feed(Sarif, ruled(audit_run()), [dataclasses.replace(record, findings=(baselined,))]).text)
    assert document["runs"][0]["results"][0]["suppressions"][0]["kind"] == "external"


def test_input_errors_are_notifications(audit_doc: dict[str, Any]) -> None:
    [invocation] = audit_doc["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == [STRAY_ERROR.message, "draft not found: drafts/sg-04.md"]
    assert {n["level"] for n in notes} == {"error"}
    location = notes[0]["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "plans/spring-glow.yaml", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 71}}


def test_input_errors_only(validator: Draft7Validator) -> None:
    no_line = InputError("bad.jsonl", None, "not valid UTF-8")
    run = the_run(valid(validator, feed(Sarif, ruled(check_run()), [STRAY_ERROR, no_line]).text))
    assert run["results"] == []
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[1] == {"level": "error", "message": {"text": "not valid UTF-8"},
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "bad.jsonl", "uriBaseId": "%SRCROOT%"}}}]}
    assert run["invocations"][0]["executionSuccessful"] is False


def test_zero_findings(validator: Draft7Validator) -> None:
    clean = [Record("post-2", "export.jsonl", ())]
    run = the_run(valid(validator, feed(Sarif, ruled(check_run()), clean).text))
    assert run["results"] == []
    assert run["invocations"][0]["executionSuccessful"] is True
    assert len(run["tool"]["driver"]["rules"]) == 7  # the rules are described even when none fired
    # and with no rule set at all (every set failed to load)
    empty = the_run(valid(validator, feed(Sarif, Run(rulesets=()), []).text))
    assert empty["tool"]["driver"]["rules"] == [] and empty["results"] == []


def fingerprint(finding: Finding) -> str:
    return finding.fingerprint


def test_fingerprints_do_not_follow_lines() -> None:
    here = finding("drafts/a.md", MAYA_TEXT, "clinically proven", "C-H-01", "claim.health", Severity.ERROR, "m", first_line=4)
    moved = finding("drafts/a.md", MAYA_TEXT, "clinically proven", "C-H-01", "claim.health", Severity.ERROR, "m", first_line=40)
    assert (here.line, moved.line) == (5, 41)
    assert fingerprint(here) == fingerprint(moved)
    # the same words re-wrapped, in other case or compatibility forms: still the same finding
    assert fingerprint(dataclasses.replace(here, excerpt="Clinically\n  proven")) == fingerprint(here)
    assert fingerprint(dataclasses.replace(here, excerpt="ｃｌｉｎｉｃａｌｌｙ proven")) == fingerprint(here)
    # another rule, post or text: another finding
    assert fingerprint(dataclasses.replace(here, rule="C-H-02")) != fingerprint(here)
    assert fingerprint(dataclasses.replace(here, post="drafts/b.md")) != fingerprint(here)
    assert fingerprint(dataclasses.replace(here, excerpt="clinically tested")) != fingerprint(here)


def test_fingerprints_in_the_report(validator: Draft7Validator) -> None:
    def prints(first_line: int) -> list[str]:
        text = "cure acne today, cure acne tomorrow"
        twice = (
            finding("drafts/a.md", text, "cure acne", "C-H-01", "claim.health", Severity.ERROR, "m", first_line=first_line),
            dataclasses.replace(finding("drafts/a.md", text, "cure acne tomorrow", "C-H-01", "claim.health", Severity.ERROR, "m",
                                        first_line=first_line), excerpt="cure acne"),
        )
        run = the_run(valid(validator, feed(Sarif, ruled(check_run()), [Record("drafts/a.md", "drafts/a.md", twice)]).text))
        return [r["partialFingerprints"][FINGERPRINT] for r in run["results"]]

    before, after = prints(4), prints(12)
    assert before == after
    assert before[0] != before[1]  # the same text twice in a post: two results, told apart by occurrence
    assert [p.rsplit(":", 1)[1] for p in before] == ["1", "2"]


@pytest.mark.parametrize(("path", "location"), [
    ("drafts/spring.md", {"uri": "drafts/spring.md", "uriBaseId": "%SRCROOT%"}),
    ("./drafts/spring.md", {"uri": "drafts/spring.md", "uriBaseId": "%SRCROOT%"}),
    ("drafts\\spring.md", {"uri": "drafts/spring.md", "uriBaseId": "%SRCROOT%"}),
    ("my drafts/été #1.md", {"uri": "my%20drafts/%C3%A9t%C3%A9%20%231.md", "uriBaseId": "%SRCROOT%"}),
    ("/home/ana/posts.jsonl", {"uri": "file:///home/ana/posts.jsonl"}),
    ("C:\\posts\\a.md", {"uri": "file:///C:/posts/a.md"}),
])
def test_artifact_location(path: str, location: dict[str, str]) -> None:
    assert artifact_location(path) == location


@pytest.mark.parametrize(("title", "name"), [
    ("Disease or cure claim", "DiseaseOrCureClaim"),
    ("Disclosure after the platform’s fold", "DisclosureAfterThePlatformsFold"),
    ("Mention « Image retouchée » absente", "MentionImageRetouchéeAbsente"),
    ("", ""),
])
def test_pascal_name(title: str, name: str) -> None:
    assert pascal_name(title) == name


def test_results_are_written_as_records_arrive() -> None:
    out = io.StringIO()
    reporter = Sarif(out, ruled(audit_run()))
    assert '"rules": [' in out.getvalue() and out.getvalue().rstrip().endswith('"results": [')
    reporter.add(audit_records()[0])
    assert out.getvalue().count('"ruleId"') == 3

