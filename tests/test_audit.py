"""`compliance audit` and the batch options of `check`, end to end through the CLI on real files."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.progress import Progress
from compliance.reporting.output import report_file

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "campaign" / "plan.yaml"
# What the bundled campaign must show, entry by entry (written with the campaign: one problem per
# entry that has one; HM-22 and HM-28 make claims the register approves).
EXPECTED = {
    "HM-05": ["US-D-09"], "HM-06": ["US-D-01"], "HM-09": ["US-C-22"], "HM-10": ["US-D-03"],
    "HM-12": ["US-D-12"], "HM-13": ["US-D-02"], "HM-14": ["US-D-08"], "HM-15": ["US-C-26"],
    "HM-16": ["US-C-28", "US-C-28"], "HM-17": ["US-D-04"], "HM-18": ["US-D-10"], "HM-23": ["US-D-17"],
    "HM-25": ["US-C-21"],
}


def cli(*args: object, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def example_report() -> dict:
    result = cli("audit", EXAMPLE, "--format", "json")
    assert result.exit_code == 2, result.output  # HM-24's draft is not delivered yet
    return json.loads(result.stdout)


def test_the_example_campaign_finds_what_it_was_written_to_show(example_report: dict) -> None:
    found: dict[str, list[str]] = {}
    for finding in example_report["findings"]:
        found.setdefault(finding["entry"]["id"], []).append(finding["rule"])
    assert found == EXPECTED
    statuses = {entry["id"]: entry["status"] for entry in example_report["entries"]}
    assert len(statuses) == 28 and statuses["HM-24"] == "not checked"
    assert sum(status == "checked" for status in statuses.values()) == 27
    assert example_report["plan"]["unplanned"] == [str(EXAMPLE.parent / "drafts" / "dre-gym-bag-essentials.md")]
    assert [e["message"] for e in example_report["errors"]] == ["entry HM-24: draft 'drafts/hm-24-theo-race-vest-tour.md' does not exist"]


def test_findings_carry_their_entry_and_the_summary_groups_them(example_report: dict) -> None:
    finding = next(f for f in example_report["findings"] if f["entry"]["id"] == "HM-10")
    assert finding["entry"] | {"draft": None} == {
        "id": "HM-10", "date": "2027-01-20", "week": "2027-W03", "platform": "instagram", "format": "reel",
        "campaign": "Hydrate & Move 2027", "creator": "@rosa.rides", "pillar": finding["entry"]["pillar"],
        "relationship": "ambassador", "market": ["us"], "draft": None,
    }
    summary = example_report["summary"]
    assert summary["posts"] == 27 and summary["findings"] == 14
    assert sum(v["posts"] for v in summary["by_week"].values()) == 28
    assert summary["by_week"]["2027-W03"] == {"posts": 7, "findings": 5}
    assert set(summary["by_channel"]) == {"instagram", "tiktok", "x", "youtube"}


def test_two_jobs_give_a_byte_identical_report(example_report: dict) -> None:
    two = cli("audit", EXAMPLE, "--format", "json", "--jobs", "2")
    assert json.loads(two.stdout) == example_report
    assert two.stdout == cli("audit", EXAMPLE, "--format", "json").stdout


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    write(tmp_path / "drafts/a.md", "Loving my new bottle <script>alert(1)</script> <img src=x onerror=alert(1)>\n")
    write(tmp_path / "drafts/b.md", "#ad Morning miles with @brinlo | fuelled right\n")
    return write(tmp_path / "plan.yaml", (
        "campaign: Launch\nbrand: Brinlo\nentries:\n"
        "  - {id: A, date: 2027-01-11, platform: instagram, creator: '@maya', relationship: paid, draft: drafts/a.md}\n"
        "  - {id: B, date: 2027-01-19, platform: tiktok, creator: '@dre', relationship: paid, draft: drafts/b.md}\n"
        "  - {id: C, date: 2027-01-20, platform: x, creator: '@dre', relationship: paid, draft: drafts/c.md}\n"
    ))


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        self.tags.append(tag)


def test_html_report_escapes_the_post_and_is_written_atomically(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = cli("audit", plan, "--format", "html", "--output", out)
    assert result.exit_code == 2  # C's draft is missing
    html = out.read_text(encoding="utf-8")
    parser = Elements()
    parser.feed(html)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "US-D-01" in html and "drafts/c.md" in html
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    assert "Found 1 finding (1 error) in 2 posts. 1 input error. Report:" in result.stderr


def test_every_format_lists_every_entry(plan: Path) -> None:
    for name in ("text", "markdown", "csv", "jsonl", "json", "html"):
        result = cli("audit", plan, "--format", name)
        assert result.exit_code == 2, (name, result.output)
        for entry_id in ("A", "B", "C"):
            assert entry_id in result.stdout, name
    rows = list(csv.DictReader(io.StringIO(cli("audit", plan, "--format", "csv").stdout)))
    assert [(r["entry"], r["rule"], r["status"]) for r in rows] == [("A", "US-D-01", "checked"), ("B", "", "checked"), ("C", "", "not checked")]
    lines = [json.loads(line) for line in cli("audit", plan, "--format", "jsonl").stdout.splitlines()]
    assert [line["kind"] for line in lines] == ["finding", "error", "summary"]
    assert lines[0]["entry"]["id"] == "A" and lines[2]["by_creator"]["@dre"] == {"posts": 2, "findings": 0}


def test_the_terminal_table_ends_with_the_summary(plan: Path) -> None:
    result = cli("audit", plan)
    lines = result.stdout.rstrip("\n").split("\n")
    assert lines[-1] == "Found 1 finding (1 error) in 2 posts. 1 input error."
    assert any(line.startswith("C ") and "not checked" in line for line in lines)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("entries: [\n", "plan.yaml:2: not valid YAML"),
        ("campaign: x\n", "plan.yaml:1: a content plan is a mapping with a list of 'entries'"),
    ],
)
def test_a_plan_that_cannot_be_read_still_gives_a_report(tmp_path: Path, text: str, message: str) -> None:
    plan = write(tmp_path / "plan.yaml", text)
    out = tmp_path / "report.json"
    result = cli("audit", plan, "--format", "json", "--output", out)
    assert result.exit_code == 2
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["findings"] == [] and report["entries"] == []
    assert any(message in f"{e['path']}:{e['line']}: {e['message']}" for e in report["errors"]), report["errors"]


def test_a_missing_plan_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = cli("audit", tmp_path / "nope.yaml")
    assert result.exit_code == 2 and "nope.yaml" in result.output and "Traceback" not in result.output


def test_check_with_two_jobs_writes_the_same_json_lines(tmp_path: Path) -> None:
    texts = ["use code MAYA{n} for 15% off", "#ad love it {n}", "a walk {n}", "thanks @glowco {n} #sp"]
    posts = write(tmp_path / "posts.jsonl", "".join(json.dumps({"id": f"p{i}", "text": texts[i % 4].format(n=i)}) + "\n" for i in range(400)))
    one = cli("check", posts, "--format", "jsonl", "--fail-on", "never")
    two = cli("check", posts, "--format", "jsonl", "--fail-on", "never", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert [json.loads(line)["post"] for line in one.stdout.splitlines()[:3]] == ["p0", "p3", "p4"]
    assert one.stdout.splitlines()[-1].startswith('{"kind": "summary", "posts": 400')


def test_a_failed_report_leaves_the_earlier_one(tmp_path: Path) -> None:
    target = write(tmp_path / "report.json", "earlier report\n")
    with pytest.raises(KeyboardInterrupt):
        with report_file(str(target)) as out:
            out.write("half a rep")
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "earlier report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    quiet = io.StringIO()
    progress = Progress(1000, quiet)
    progress.advance(10, 500)
    progress.close()
    assert quiet.getvalue() == ""
    shown = Terminal()
    monkeypatch.setattr("compliance.progress.REFRESH_SECONDS", 0)
    progress = Progress(1000, shown)
    progress.advance(10, 500)
    assert "50.0%" in shown.getvalue() and "10 posts checked" in shown.getvalue()
    progress.close()
    assert shown.getvalue().endswith("\r\x1b[2K")


def test_a_report_file_gets_the_permissions_of_a_new_file(tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        with report_file(str(tmp_path / "new.json")) as out:
            out.write("{}\n")
        assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644
        existing = write(tmp_path / "kept.json", "old\n")
        existing.chmod(0o600)
        with report_file(str(existing)) as out:
            out.write("new\n")
        assert existing.stat().st_mode & 0o777 == 0o600 and existing.read_text(encoding="utf-8") == "new\n"
    finally:
        os.umask(umask)
