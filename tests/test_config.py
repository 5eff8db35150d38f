"""Configuration: discovery, validation with lines, precedence (flags win), and its effects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.config import InvalidConfig, find, load_config

CODE_POST = '{"id": "p1", "text": "use code MAYA15 for 15% off"}\n'
GIFTED_POST = '{"id": "p2", "platform": "instagram", "text": "love it #gifted"}\n'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cli(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def rules_of(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f["rule"] for f in json.loads(result.stdout)["findings"] if not f["suppressed"]]


def test_the_nearest_file_wins_and_pyproject_needs_its_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find(deep) is None
    write(tmp_path / "pyproject.toml", "[tool.compliance]\nfail-on = 'warning'\n")
    assert find(deep) == (tmp_path / "pyproject.toml").resolve()
    write(tmp_path / "a" / ".compliance.yaml", "fail-on: info\n")
    assert find(deep) == (tmp_path / "a" / ".compliance.yaml").resolve()


def test_pyproject_table(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "pyproject.toml", "[project]\nname='x'\n\n[tool.compliance]\nmarket = ['us']\nfail-on = 'warning'\n"))
    assert config.get("market") == ["us"] and config.settings["fail-on"].source.endswith("pyproject.toml:6")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("fail-on: warnings\n", 1, "fail-on: must be one of: error, warning, info, never"),
        ("market: [us]\nselcet: [US-D]\n", 2, "unknown setting 'selcet' (did you mean 'select'?)"),
        ("severity: {US-D-19: fatal}\n", 1, "must map a rule id to error, warning or info"),
        ("fold: {myspace: 10}\n", 1, "must map platforms"),
        ("suppress:\n  - post: p1\n    rules: [US-D-14]\n", 2, "every suppression needs a reason"),
        ("per-path:\n  - paths: ['*.md']\n    ignore: [US-D-03]\n", 2, "an ignore needs a reason"),
        ("brand: {handles: [glowco]}\n", 1, "handles start with @"),
        ("jobs: -1\n", 1, "jobs: must be a whole number"),
        ("market: [us\n", 2, "not valid YAML"),
    ],
)
def test_every_mistake_names_its_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path / ".compliance.yaml", text)
    with pytest.raises(InvalidConfig) as caught:
        load_config(path)
    assert any(e.line == line and message in e.message for e in caught.value.errors), caught.value.errors


def test_an_invalid_configuration_stops_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".compliance.yaml", "fail-on: sometimes\n")
    write(tmp_path / "posts.jsonl", CODE_POST)
    result = cli("check", "posts.jsonl")
    assert result.exit_code == 2 and ".compliance.yaml:1: fail-on: must be one of" in result.stderr


def test_configuration_applies_and_flags_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "posts.jsonl", CODE_POST + GIFTED_POST)
    assert cli("check", "posts.jsonl").exit_code == 1
    write(tmp_path / ".compliance.yaml", "fail-on: never\nformat: json\nignore: [US-D-19]\n")
    configured = cli("check", "posts.jsonl")
    assert configured.exit_code == 0 and rules_of(configured) == ["US-D-14"]
    flagged = cli("check", "posts.jsonl", "--fail-on", "error", "--ignore", "US-D-14,US-D-01")
    assert flagged.exit_code == 0 and rules_of(flagged) == ["US-D-19"]  # the flag replaced the configured ignore
    assert cli("check", "posts.jsonl", "--fail-on", "error").exit_code == 1


def test_severity_fold_brand_and_suppressions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "posts.jsonl", CODE_POST + GIFTED_POST
          + '{"id": "p3", "text": "my favourite drink #hydrateandmove"}\n'
          + '{"id": "p4", "platform": "tiktok", "text": "Long morning run, new bottle, loving the flavour so much. #ad"}\n')
    write(tmp_path / ".compliance.yaml", (
        "format: json\nfail-on: never\n"
        "severity: {US-D-19: error}\n"
        "fold: {tiktok: 40}\n"
        "brand: {name: Brinlo, hashtags: ['#hydrateandmove']}\n"
        "suppress:\n  - post: p1\n    rules: [US-D-14]\n    reason: the code was cleared with legal\n"
    ))
    findings = json.loads(cli("check", "posts.jsonl").stdout)["findings"]
    by_post = {f["post"]: f for f in findings}
    assert by_post["p1"]["suppression"] == {"kind": "external", "justification": "the code was cleared with legal", "source": ".compliance.yaml:7"}
    assert by_post["p2"]["rule"] == "US-D-19" and by_post["p2"]["severity"] == "error"
    assert by_post["p3"]["rule"] == "US-D-01" and "#hydrateandmove" in by_post["p3"]["message"]
    assert by_post["p4"]["rule"] == "US-D-03"


def test_per_path_defaults_and_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    caption = "Sunday reset routine, three weeks in and my skin is calmer than ever, full routine below " * 2 + "#ad"
    write(tmp_path / "drafts/ig/a.md", caption + "\n")
    write(tmp_path / "drafts/yt/b.md", caption + "\n")
    write(tmp_path / ".compliance.yaml", (
        "format: json\nfail-on: never\n"
        "per-path:\n"
        "  - paths: ['drafts/ig/*']\n    platform: instagram\n"
        "  - paths: ['drafts/yt/*']\n    platform: instagram\n    ignore: [US-D-03]\n    reason: moved to the video\n"
    ))
    findings = json.loads(cli("check", "drafts").stdout)["findings"]
    assert [(f["path"], f["rule"], f["suppressed"]) for f in findings] == [
        ("drafts/ig/a.md", "US-D-03", False), ("drafts/yt/b.md", "US-D-03", True),
    ]


def test_config_command_says_where_each_value_comes_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".compliance.yaml", "market: [us]\nfail-on: warning\n")
    output = cli("config").stdout
    assert "# configuration file: .compliance.yaml" in output
    assert 'fail-on: "warning"  # .compliance.yaml:2' in output
    assert 'format: "text"  # default' in output
    assert 'rulesets: ["us-ftc"]  # default' in output


def test_size_limits_from_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "posts.jsonl", CODE_POST + '{"id": "long", "text": "' + "a" * 300 + ' use code MAYA15"}\n')
    write(tmp_path / "draft.md", "b" * 300 + " use code MAYA15\n")
    write(tmp_path / ".compliance.yaml", "format: json\nfail-on: never\nmax-post-size: 200\n")
    for jobs in ("1", "2"):
        result = cli("check", "posts.jsonl", "draft.md", "--jobs", jobs)
        report = json.loads(result.stdout)
        assert result.exit_code == 2 and [f["post"] for f in report["findings"]] == ["p1"]
        assert sorted((e["path"], e["line"]) for e in report["errors"]) == [("draft.md", 1), ("posts.jsonl", 2)]
        assert all("max-post-size" in e["message"] for e in report["errors"])
