"""`compliance check --input-format` and `--columns`, and how standard input is sniffed: through
click's CliRunner on real files in tmp_path, and read_paths directly."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.model import InputError, Post
from compliance.sources import read_paths, sniff

CODE_POST = "These leggings are everything 🔥 use code MAYA15 for 15% off"  # US-D-14 (no comma: a CSV cell)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: str, content: str) -> Path:
    Path(path).write_bytes(content.encode("utf-8"))
    return Path(path)


def check(*args: str, input: bytes | None = None) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args], input=input, catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout) if result.stdout.startswith("{") else {"output": result.output}


def position(content: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of `needle` in a file's text, counted by hand."""
    index = content.index(needle)
    return content.count("\n", 0, index) + 1, index - (content.rfind("\n", 0, index) + 1) + 1


def located(doc: dict) -> list[tuple[str, str, int, int]]:
    return [(f["rule"], f["path"], f["line"], f["column"]) for f in doc["findings"]]


# --- files by extension -------------------------------------------------------------------


def test_every_new_extension_is_read_and_located(workdir):
    files = {
        "a.json": json.dumps([{"text": "hi"}, {"text": "caf\u00e9 " + CODE_POST}], indent=1),  # escapes: 🔥 is 12 columns
        "b.csv": f"id,caption\nb1,{CODE_POST}\n",
        "c.srt": f"1\n00:00:01,000 --> 00:00:04,000\n{CODE_POST}\n",
        "d.vtt": f"WEBVTT\n\n00:01.000 --> 00:04.000\n<v Maya>{CODE_POST}\n",
    }
    for name, content in files.items():
        write(name, content)
    exit_code, doc = check(*files)
    assert exit_code == 1, doc
    assert doc["summary"]["posts"] == 5
    assert located(doc) == [("US-D-14", name, *position(content, "code MAYA15")) for name, content in files.items()]
    # in the JSON string: "  \"text\": \"" before it, and the escapes "\\u00e9" (1 character, 6 columns) and 🔥 (12)
    assert position(files["a.json"], "code MAYA15") == (6, 12 + len("caf\\u00e9 ") + CODE_POST.index("code") + 11)
    assert [f["post"] for f in doc["findings"]] == ["a.json#1", "b1", "c.srt", "d.vtt"]


def test_a_walked_directory_picks_the_new_extensions(workdir):
    write("x.json", '[{"text": "one"}]')
    write("y.csv", "text\ntwo\n")
    write("z.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nthree\n")
    write("notes.xlsx", "not read")
    items = list(read_paths(["."]))
    assert [(Path(p.origin.path).name, p.text) for p in items if isinstance(p, Post)] == [("x.json", "one"), ("y.csv", "two"), ("z.vtt", "three")]


# --- --input-format -----------------------------------------------------------------------


def test_input_format_overrides_the_extension(workdir):
    write("export.txt", f"Caption,Network\n{CODE_POST},TikTok\n")
    column = 1 + CODE_POST.index("code MAYA15")
    exit_code, doc = check("export.txt")
    assert located(doc) == [("US-D-14", "export.txt", 2, column)]
    assert doc["findings"][0]["post"] == "export.txt"  # the whole file as one text post
    exit_code, doc = check("--input-format", "csv", "export.txt")
    assert exit_code == 1
    assert located(doc) == [("US-D-14", "export.txt", 2, column)]
    assert doc["findings"][0]["post"] == "export.txt:2"  # a row


def test_input_format_reads_a_file_with_an_unknown_extension(workdir):
    write("captions.sub", f"1\n00:00:01,000 --> 00:00:04,000\n{CODE_POST}\n")
    exit_code, doc = check("captions.sub")
    assert exit_code == 2
    assert "unsupported file type '.sub'" in doc["errors"][0]["message"]
    assert "--input-format" in doc["errors"][0]["message"]
    exit_code, doc = check("--input-format", "srt", "captions.sub")
    assert exit_code == 1 and located(doc) == [("US-D-14", "captions.sub", 3, 1 + CODE_POST.index("code MAYA15"))]


def test_named_format_still_reads_walked_files_by_their_extension(workdir):
    Path("drafts").mkdir()
    write("drafts/a.txt", "plain text post")
    write("drafts/b.jsonl", '{"text": "a json line"}\n')
    items = list(read_paths(["drafts"], input_format="csv"))
    assert [p.text for p in items if isinstance(p, Post)] == ["plain text post", "a json line"]


def test_named_format_applies_to_stdin(workdir):
    exit_code, doc = check("--input-format", "csv", "-", input=f"text\n{CODE_POST}\n".encode())
    assert located(doc) == [("US-D-14", "<stdin>", 2, 1 + CODE_POST.index("code MAYA15"))]


def test_input_format_choices(workdir):
    result = CliRunner().invoke(main, ["check", "--input-format", "xlsx", "-"], input=b"x")
    assert result.exit_code == 2
    for name in ["auto", "text", "markdown", "jsonl", "json", "csv", "srt", "vtt"]:
        assert name in result.output


def test_stdin_format_option_is_gone(workdir):
    result = CliRunner().invoke(main, ["check", "--stdin-format", "jsonl", "-"], input=b"x")
    assert result.exit_code == 2 and "No such option" in result.output


# --- standard input sniffing --------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b'{"text": "a"}\n', "jsonl"),
        (b'\n  [{"text": "a"}]', "json"),
        (b"---\nplatform: x\n---\nbody", "markdown"),
        (b"WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", "vtt"),
        (b"\xef\xbb\xbfWEBVTT - title\n", "vtt"),
        (b"1\n00:00:01,000 --> 00:00:02,000\nhi\n", "srt"),
        (b"\xef\xbb\xbf\r\n12\r\n00:00:01,000 --> 00:00:02,000\r\nhi\r\n", "srt"),
        (b"1\nnot a timing line\n", "text"),
        (b"2024 was a great year\n", "text"),
        (b"WEBVTTX is not a header", "text"),
        (b"", "text"),
    ],
)
def test_sniff(data, name):
    assert sniff(data) == name


def test_stdin_json_list(workdir):
    data = json.dumps([{"id": "s1", "text": "hello"}, {"id": "s2", "text": CODE_POST}], indent=2).encode()
    exit_code, doc = check("-", input=data)
    assert exit_code == 1
    assert [(f["post"], f["path"], f["line"]) for f in doc["findings"]] == [("s2", "<stdin>", 8)]


def test_stdin_vtt_and_srt(workdir):
    vtt = f"WEBVTT\n\n00:01.000 --> 00:04.000\n{CODE_POST}\n".encode()
    srt = f"1\n00:00:01,000 --> 00:00:04,000\n{CODE_POST}\n".encode()
    column = 1 + CODE_POST.index("code MAYA15")
    assert located(check("-", input=vtt)[1]) == [("US-D-14", "<stdin>", 4, column)]
    assert located(check("-", input=srt)[1]) == [("US-D-14", "<stdin>", 3, column)]


def test_read_paths_stdin_with_a_named_format():
    items = list(read_paths(["-"], stdin=io.BytesIO(b"Caption\nhello\n"), input_format="csv", columns={"text": "Caption"}))
    assert [(p.text, p.id) for p in items if isinstance(p, Post)] == [("hello", "<stdin>:2")]


# --- --columns ----------------------------------------------------------------------------


def test_columns_map_csv_headers(workdir):
    write("export.csv", f"Alt Text,Copy,Ref\nnothing here,{CODE_POST},r-1\n")
    exit_code, doc = check("export.csv")
    assert exit_code == 2 and located(doc) == []  # neither "Alt Text" nor "Copy" is a name of the text
    assert "no text column" in doc["errors"][0]["message"]
    exit_code, doc = check("export.csv", "--columns", "text=Copy", "--columns", "id=Ref")
    assert exit_code == 1
    assert located(doc) == [("US-D-14", "export.csv", 2, 14 + CODE_POST.index("code MAYA15"))]
    assert doc["findings"][0]["post"] == "r-1"
    exit_code, doc = check("export.csv", "--columns", "text=Copy,id=Ref")
    assert doc["findings"][0]["post"] == "r-1"


def test_columns_with_spaces_in_a_header(workdir):
    write("export.csv", f"Post ID,Post Copy\n7,{CODE_POST}\n")
    exit_code, doc = check("export.csv", "--columns", "text = Post Copy, id=Post ID")
    assert [f["post"] for f in doc["findings"]] == ["7"]


def test_columns_naming_a_missing_header(workdir):
    write("export.csv", "Caption,Network\nhello,IG\n")
    exit_code, doc = check("export.csv", "--columns", "text=Body")
    assert exit_code == 2
    assert doc["errors"] == [{"path": "export.csv", "line": 1,
                              "message": "no column 'Body' for field 'text' (the header has: 'Caption', 'Network'); not checked"}]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("text", "'text' is not FIELD=HEADER"),
        ("=Caption", "'=Caption' is not FIELD=HEADER"),
        ("text=", "'text=' is not FIELD=HEADER"),
        ("caption=Caption", "'caption' is not a post field"),
        ("text=A,text=B", "'text' is mapped twice"),
    ],
)
def test_bad_columns_are_usage_errors(workdir, spec, message):
    write("export.csv", "Caption\nhello\n")
    result = CliRunner().invoke(main, ["check", "export.csv", "--columns", spec])
    assert result.exit_code == 2
    assert message in result.output
    assert "Usage:" in result.output


def test_input_errors_of_new_readers_exit_2_and_the_rest_is_checked(workdir):
    write("bad.vtt", "00:01.000 --> 00:02.000\nhello\n")
    write("good.csv", f"text\n{CODE_POST}\n")
    exit_code, doc = check("bad.vtt", "good.csv")
    assert exit_code == 2
    assert [(e["path"], e["line"]) for e in doc["errors"]] == [("bad.vtt", 1)]
    assert [f["path"] for f in doc["findings"]] == ["good.csv"]
    assert all(isinstance(e, InputError) for e in list(read_paths(["bad.vtt"]))[:1])
