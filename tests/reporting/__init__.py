"""Sample runs shared by the reporter tests: a small audit of a content plan and a plain check.

The audit is built to hit every case a report must handle: findings of each severity, a finding
with no span, overlapping spans, a suppressed finding, a clean entry, an entry whose draft is
missing (not checked), an entry outside any week and campaign, drafts the plan does not list, an
input error that belongs to no post, and hostile text (HTML, Markdown table syntax, spreadsheet
formulas, a wide creator name, terminal escape codes).
"""

from __future__ import annotations

import dataclasses
import datetime
import io
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from compliance.model import Suppression, Finding, InputError, Origin, Severity
from compliance.reporting.report import NOT_CHECKED, Entry, Plan, Record, Reporter, Run, Totals
from compliance.rules.schema import RuleSet

RULESETS = (
    RuleSet(id="us-ftc", title="US FTC endorsement disclosures", version="2026.1", path="rulesets/us-ftc.yaml"),
    RuleSet(id="common", title="Claims that need proof everywhere", version="2026.2", path="rulesets/common.yaml"),
)
TITLES = {
    "US-D-01": "Material connection without any disclosure",
    "US-D-03": "Disclosure after the platform's fold",
    "US-D-14": "Creator discount code without a disclosure",
    "C-H-01": "Disease or cure claim",
    "C-P-02": '"Free" offer with hidden conditions',
    "C-E-01": "Unqualified green claim",
}
HINTS = {
    "US-D-01": 'Start the caption with "#ad" or "Paid partnership with Lumen".',
    "US-D-03": "Move the disclosure to the first line, before the fold.",
    "C-H-01": "Remove the cure claim or cite the approved claim from the register.",
    "C-E-01": "Say what is recyclable and where, e.g. <recyclable bottle; cap not>.",
}
FTC_GUIDE = "https://www.ftc.gov/business-guidance/resources/disclosures-101-social-media-influencers"

MAYA_TEXT = (
    "Morning routine with the new Lumen serum ✨\n"
    "It's clinically proven to cure acne in 7 days!!\n"
    "Link in bio.\n"
    "\n"
    "#skincare #glow #morningroutine #ad"
)
# Hostile on purpose: HTML that must not run, a pipe that must not split a Markdown table.
SAKURA_TEXT = (
    "New fave <script>alert(1)</script> <img src=x onerror=alert(1)>\n"
    "Use code SAKURA15 | 15% off, FREE gift* with every order"
)
JONAS_DRAFT = "drafts/sg-04.md"
FORMULA_CREATOR = '=HYPERLINK("http://evil.example","click")'
ECO_TEXT = "-5 kg of plastic a year: our 100% eco-friendly packaging saves the planet."


def finding(
    record_path: str, text: str, needle: str, rule: str, category: str, severity: Severity, message: str,
    *, suppressed: bool = False, references: tuple[str, ...] = (), first_line: int = 4, post: str = "",
) -> Finding:
    """A finding on `needle` in `text` (the whole post's start when needle is empty), located as a
    draft with three lines of front matter would be."""
    start = text.index(needle) if needle else 0
    end = start + len(needle)
    origin = Origin(record_path, line=first_line)
    line, column = origin.locate(text, start)
    end_line, end_column = origin.locate(text, end)
    return Finding(
        post=post or record_path, path=record_path, line=line, column=column, end_line=end_line,
        end_column=end_column, start=start, end=end, rule=rule, category=category, severity=severity,
        message=message, excerpt=text[start:end], references=references,
        suppression=Suppression("inSource", "approved by legal", f"{record_path}:2") if suppressed else None,
    )


def audit_records() -> list[Record]:
    """Six plan entries across two campaigns, three channels and three weeks."""
    campaign = "Spring Glow 2026"
    maya = Entry(
        id="sg-01", date=datetime.date(2026, 3, 2), platform="instagram", format="reel", campaign=campaign,
        creator="Maya Chen", pillar="routine", relationship="paid", market=("us",), draft="drafts/sg-01.md", line=12,
    )
    sakura = Entry(
        id="sg-02", date=datetime.date(2026, 3, 4), platform="tiktok", format="short", campaign=campaign,
        creator="さくら 🌸 Beauty", pillar="offer", relationship="gifted", market=("us",), draft="drafts/sg-02.md", line=22,
    )
    maya2 = Entry(
        id="sg-03", date=datetime.date(2026, 3, 10), platform="youtube", format="video", campaign=campaign,
        creator="Maya Chen", pillar="review", relationship="paid", market=("us",), draft="drafts/sg-03.md", line=32,
    )
    jonas = Entry(
        id="sg-04", date=datetime.date(2026, 3, 12), platform="instagram", format="story", campaign=campaign,
        creator="Jonas Weber", pillar="offer", relationship="affiliate", market=("us",), draft=JONAS_DRAFT, line=42,
    )
    evil = Entry(
        id="sg-05 <b>", date=datetime.date(2026, 3, 16), platform="instagram", format="feed", campaign=campaign,
        creator=FORMULA_CREATOR, pillar="launch", relationship="ambassador", market=("us", "uk"), draft="drafts/sg-05.md", line=52,
    )
    evergreen = Entry(id="ao-01", platform="blog", format="article", campaign="Always-on", relationship="advertiser", line=62)

    maya_findings = (
        finding("plans/drafts/sg-01.md", MAYA_TEXT, "#ad", "US-D-03", "disclosure.placement", Severity.ERROR,
                'The disclosure "#ad" comes after the fold and at the end of a hashtag cluster.', references=(FTC_GUIDE,)),
        finding("plans/drafts/sg-01.md", MAYA_TEXT, "clinically proven to cure acne", "C-H-01", "claim.health", Severity.ERROR,
                "A cure claim needs competent and reliable scientific evidence.", references=("javascript:alert(1)",)),
        # overlaps the claim above: highlights must cope with nested spans
        finding("plans/drafts/sg-01.md", MAYA_TEXT, "cure acne", "C-H-02", "claim.health", Severity.WARNING,
                "Disease names in a cosmetic's claim turn it into a drug claim."),
    )
    sakura_findings = (
        finding("plans/drafts/sg-02.md", SAKURA_TEXT, "", "US-D-01", "disclosure.missing", Severity.ERROR,
                "A gifted product is a material connection: disclose it."),
        finding("plans/drafts/sg-02.md", SAKURA_TEXT, "Use code SAKURA15 | 15% off", "US-D-14", "disclosure.missing", Severity.WARNING,
                "A creator code earns a commission: say so next to the code."),
        finding("plans/drafts/sg-02.md", SAKURA_TEXT, "FREE gift*", "C-P-02", "claim.pricing", Severity.INFO,
                'State the conditions of a "free" offer next to it.', suppressed=True),
        finding("plans/drafts/sg-02.md", SAKURA_TEXT, "<script>alert(1)</script>", "C-X-09", "content.prohibited", Severity.INFO,
                "Markup in a caption: <script> will show as text."),
    )
    evil_text = "@everyone `code` *bold* # not a heading\n=1+2 <b>launch</b> | day"
    evil_findings = (
        finding("plans/drafts/sg-05.md", evil_text, "=1+2 <b>launch</b> | day", "US-D-01", "disclosure.missing", Severity.WARNING,
                "An ambassador deal is a material connection: disclose it | clearly."),
    )
    eco_findings = (
        finding("plans/spring-glow.yaml", ECO_TEXT, "100% eco-friendly packaging saves the planet", "C-E-01", "claim.environmental",
                Severity.WARNING, "A broad green claim needs proof for the whole product's life.", first_line=64),
    )
    return [
        record("sg-01", "plans/drafts/sg-01.md", maya_findings, entry=maya, text=MAYA_TEXT),
        record("sg-02", "plans/drafts/sg-02.md", sakura_findings, entry=sakura, text=SAKURA_TEXT),
        record("sg-03", "plans/drafts/sg-03.md", (), entry=maya2, text="Three weeks in: my honest review. #ad"),
        Record("sg-04", "plans/" + JONAS_DRAFT, (), (InputError("plans/spring-glow.yaml", 42, f"draft not found: {JONAS_DRAFT}"),),
               entry=jonas, text=None, status=NOT_CHECKED),
        record("sg-05 <b>", "plans/drafts/sg-05.md", evil_findings, entry=evil, text=evil_text),
        record("ao-01", "plans/spring-glow.yaml", eco_findings, entry=evergreen, text=ECO_TEXT),
    ]


def record(post: str, path: str, findings: tuple[Finding, ...], **fields: Any) -> Record:
    """A checked post whose findings carry its id, as the engine makes them."""
    return Record(post, path, tuple(dataclasses.replace(f, post=post) for f in findings), **fields)


PLAN = Plan(
    path="plans/spring-glow.yaml", campaign="Spring Glow 2026", brand="Lumen Skincare", markets=("us",),
    unplanned=("plans/drafts/old-teaser.md", "plans/drafts/<img src=x onerror=alert(1)>.md"),
)
STRAY_ERROR = InputError("plans/spring-glow.yaml", 71, "entry 7: unknown platform 'myspace'\x1b[31m")


def audit_run() -> Run:
    return Run(rulesets=RULESETS, hints=HINTS, plan=PLAN, titles=TITLES)


def check_run() -> Run:
    return Run(rulesets=RULESETS[:1], hints=HINTS, titles=TITLES)


def check_records() -> list[Record]:
    """`compliance check export.jsonl`: no plan, no entry, no text kept; one clean post."""
    text = "Loving this serum! use code MAYA15 #sp"
    found = finding("export.jsonl", text, "#sp", "US-D-02", "disclosure.unclear", Severity.WARNING,
                    '"#sp" is not a label readers understand.', first_line=3, post="post-1")
    return [
        Record("post-1", "export.jsonl", (found,)),
        Record("post-2", "export.jsonl", ()),
    ]


@dataclass
class Output:
    text: str
    totals: Totals


def feed(factory: Callable[..., Reporter], run: Run, items: Sequence[Record | InputError], color: bool = False) -> Output:
    """Stream records and stray errors through a reporter the way a run does, keeping the totals."""
    out = io.StringIO()
    reporter = factory(out, run, color=color)
    totals = Totals()
    for item in items:
        if isinstance(item, Record):
            reporter.add(item)
            totals.add(item)
        else:
            reporter.error(item)
            totals.errors += 1
    reporter.finish(totals)
    return Output(out.getvalue(), totals)


def audit_items() -> list[Record | InputError]:
    """The audit's records with the stray error in the middle, as a streamed run may deliver it."""
    records: list[Record | InputError] = list(audit_records())
    records.insert(3, STRAY_ERROR)
    return records


def audit(factory: Callable[..., Reporter], color: bool = False) -> Output:
    return feed(factory, audit_run(), audit_items(), color=color)


from compliance.rules.schema import Examples, Rule  # noqa: E402  (helpers added after the samples)


# Rule sets that describe the sample's rules, for formats that list every rule (SARIF). C-H-02 and
# C-X-09 are left out on purpose: a finding may name a rule no loaded set describes.
def sample_rule(rule_id: str, category: str, severity: Severity, rationale: str, references: tuple[str, ...] = (), hint: str = "") -> Rule:
    return Rule(
        id=rule_id, title=TITLES.get(rule_id, rule_id), category=category, severity=severity, message="…",
        rationale=rationale, kind="claim", params=None, examples=Examples((), ()), references=references, hint=hint,
    )


RULED_RULESETS = (
    dataclasses.replace(RULESETS[0], rules=(
        sample_rule("US-D-01", "disclosure.missing", Severity.ERROR, "A material connection must be disclosed (16 CFR 255.5).",
                    ("https://www.ecfr.gov/current/title-16/chapter-I/subchapter-B/part-255/section-255.5", FTC_GUIDE), HINTS["US-D-01"]),
        sample_rule("US-D-02", "disclosure.unclear", Severity.WARNING, 'Disclosures 101 names "sp" and "spon" as vague.', (FTC_GUIDE,)),
        sample_rule("US-D-03", "disclosure.placement", Severity.ERROR, 'A disclosure must be seen without clicking "more".', (FTC_GUIDE,)),
        sample_rule("US-D-14", "disclosure.missing", Severity.WARNING, "A creator code earns a commission."),
    )),
    dataclasses.replace(RULESETS[1], rules=(
        sample_rule("C-H-01", "claim.health", Severity.ERROR, "Health claims need competent and reliable scientific evidence.",
                    ("javascript:alert(1)", "https://www.ftc.gov/health-claims"), HINTS["C-H-01"]),
        sample_rule("C-P-02", "claim.pricing", Severity.INFO, 'A "free" offer must state its conditions.'),
        sample_rule("C-E-01", "claim.environmental", Severity.WARNING, "Green Guides: broad claims <need> proof & qualification.",
                    hint=HINTS["C-E-01"]),
        # a set extending us-ftc carries its rules again: one descriptor per rule id all the same
        sample_rule("US-D-01", "disclosure.missing", Severity.ERROR, "Inherited copy."),
    )),
)


def ruled(run: Run) -> Run:
    """`run` with rule sets that describe the sample's rules."""
    return dataclasses.replace(run, rulesets=RULED_RULESETS)
