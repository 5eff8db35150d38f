"""Bad input never raises: each problem is an InputError with its path, its line where one
exists, and a clear message; the other posts of the same batch are still read."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from compliance.model import InputError, Post
from compliance.sources import read_paths
from compliance.sources.files import read_bytes

GOOD = "A perfectly fine caption #ad\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def run(*paths) -> tuple[list[Post], list[InputError]]:
    """Read `paths` with a good file before and after them; both good posts must survive."""
    paths = [str(p) for p in paths]
    tmp = Path(paths[0]).parent
    before = write(tmp / "aaa-good-before.txt", GOOD)
    after = write(tmp / "zzz-good-after.txt", GOOD)
    items = list(read_paths([str(before), *paths, str(after)]))
    posts = [i for i in items if isinstance(i, Post)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(posts) + len(errors) == len(items), items
    assert posts[0].origin.path == str(before), items
    assert posts[-1].origin.path == str(after), items
    return posts, errors


def one_error(errors: list[InputError]) -> InputError:
    assert len(errors) == 1, errors
    return errors[0]


# --- files that cannot be read at all -----------------------------------------------------


def test_unreadable_file(tmp_path):
    path = write(tmp_path / "locked.txt", "secret")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that can read a mode-000 file (root)")
        posts, errors = run(path)
        error = one_error(errors)
        assert error.path == str(path)
        assert error.line is None
        assert "cannot be read" in error.message
        assert "permission denied" in error.message.lower()
        assert len(posts) == 2
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_os_error_while_reading_is_an_input_error():
    """Works as root too: reading /proc/self/mem from offset 0 fails with EIO on Linux."""
    mem = Path("/proc/self/mem")
    if not mem.exists():
        pytest.skip("needs Linux /proc")
    result = read_bytes(mem, "mem.txt")
    assert isinstance(result, InputError)
    assert (result.path, result.line) == ("mem.txt", None)
    assert result.message.startswith("cannot be read: ")


def test_reading_a_directory_as_a_file_is_an_input_error(tmp_path):
    folder = tmp_path / "drafts.txt"
    folder.mkdir()
    result = read_bytes(folder, "drafts.txt")
    assert isinstance(result, InputError)
    assert result.path == "drafts.txt"
    assert result.line is None
    assert "is a directory" in result.message


def test_directory_path_given_is_walked_not_read_as_a_file(tmp_path):
    folder = tmp_path / "drafts.md"  # a directory whose name looks like a file
    write(folder / "inner.txt", "inside")
    posts, errors = run(folder)
    assert errors == []
    assert [p.text for p in posts] == [GOOD, "inside", GOOD]


def test_missing_path(tmp_path):
    missing = tmp_path / "nope" / "missing.md"
    posts, errors = run(missing)
    error = one_error(errors)
    assert error.path == str(missing)
    assert error.line is None
    assert "no such file" in error.message
    assert str(error) == f"{missing}: no such file or directory"
    assert len(posts) == 2


@pytest.mark.parametrize("name", ["photo.txt", "photo.md"])
def test_binary_file(tmp_path, name):
    path = write(tmp_path / name, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    posts, errors = run(path)
    error = one_error(errors)
    assert error.path == str(path)
    assert "binary" in error.message and "NUL" in error.message
    assert len(posts) == 2


def test_binary_jsonl_file_is_one_binary_error(tmp_path):
    path = write(tmp_path / "export.jsonl", b"\x1f\x8b\x08\x00\x00\n\x00\xff\xfe\n\x00\x01\x02\n")
    posts, errors = run(path)
    error = one_error(errors)
    assert "binary" in error.message
    assert len(posts) == 2


def test_non_utf8_text_file_reports_line_of_bad_byte(tmp_path):
    path = write(tmp_path / "latin1.txt", "line one\nline two\ncaf".encode() + b"\xe9 au lait\nend\n")
    posts, errors = run(path)
    error = one_error(errors)
    assert (error.path, error.line) == (str(path), 3)
    assert "not valid UTF-8" in error.message
    assert "0xe9" in error.message
    assert str(error).startswith(f"{path}:3: ")
    assert len(posts) == 2


def test_non_utf8_markdown_reports_line_of_bad_byte(tmp_path):
    path = write(tmp_path / "d.md", b"---\nplatform: x\n---\nok\n\xff\n")
    _, errors = run(path)
    error = one_error(errors)
    assert error.line == 5
    assert "UTF-8" in error.message


def test_non_utf8_jsonl_line_only_that_line_fails(tmp_path):
    path = write(
        tmp_path / "export.jsonl",
        b'{"text": "one"}\n{"text": "caf\xe9"}\n{"text": "three"}\n',
    )
    posts, errors = run(path)
    error = one_error(errors)
    assert (error.path, error.line) == (str(path), 2)
    assert "UTF-8" in error.message
    assert [p.text for p in posts[1:-1]] == ["one", "three"]
    assert [p.origin.line for p in posts[1:-1]] == [1, 3]


# --- JSON Lines ---------------------------------------------------------------------------


def jsonl_case(tmp_path, bad_line: str) -> tuple[Path, list[Post], InputError]:
    path = write(tmp_path / "batch.jsonl", '{"text": "first"}\n' + bad_line + '\n{"text": "last"}\n')
    posts, errors = run(path)
    assert [p.text for p in posts[1:-1]] == ["first", "last"], (posts, errors)
    error = one_error(errors)
    assert error.path == str(path)
    assert error.line == 2
    assert str(error).startswith(f"{path}:2: ")
    return path, posts, error


@pytest.mark.parametrize("bad", ['{"text": "unterminated', '{"text": "a",}', "{text: 'single'}", '{"text": "a"} trailing'])
def test_malformed_json_line(tmp_path, bad):
    _, _, error = jsonl_case(tmp_path, bad)
    assert "invalid JSON" in error.message
    assert "column" in error.message


@pytest.mark.parametrize("bad", ['["text", "a list"]', '"just a string"', "42", "null", "true"])
def test_json_line_that_is_not_an_object(tmp_path, bad):
    _, _, error = jsonl_case(tmp_path, bad)
    assert "JSON object" in error.message


def test_json_post_without_text(tmp_path):
    _, _, error = jsonl_case(tmp_path, '{"id": "p2", "platform": "x"}')
    assert "'text'" in error.message and "missing" in error.message


@pytest.mark.parametrize("bad", ['{"text": ""}', '{"text": "   \\n\\t "}'])
def test_json_post_with_empty_text(tmp_path, bad):
    _, _, error = jsonl_case(tmp_path, bad)
    assert "'text'" in error.message and "empty" in error.message


@pytest.mark.parametrize(
    ("bad", "kind"),
    [('{"text": 42}', "a number"), ('{"text": ["a", "b"]}', "a list"), ('{"text": {"body": "x"}}', "a mapping"), ('{"text": true}', "a boolean")],
)
def test_json_post_with_text_not_a_string(tmp_path, bad, kind):
    _, _, error = jsonl_case(tmp_path, bad)
    assert "'text'" in error.message and "must be a string" in error.message
    assert kind in error.message


def test_json_post_with_null_text_is_missing(tmp_path):
    _, _, error = jsonl_case(tmp_path, '{"text": null}')
    assert "'text'" in error.message and "missing" in error.message


@pytest.mark.parametrize(
    ("field", "value"),
    [("platform", "insta"), ("format", "carousel"), ("relationship", "sponsor")],
)
def test_json_post_with_invalid_enum_names_the_field(tmp_path, field, value):
    _, _, error = jsonl_case(tmp_path, f'{{"text": "hello", "{field}": "{value}"}}')
    assert f"field '{field}'" in error.message
    assert f"'{value}'" in error.message
    assert "is not one of" in error.message


def test_json_platform_error_lists_allowed_values(tmp_path):
    _, _, error = jsonl_case(tmp_path, '{"text": "hello", "platform": "insta"}')
    assert "instagram" in error.message and "tiktok" in error.message


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{"text": "hi", "sponsored": "yes"}', "sponsored"),
        ('{"text": "hi", "market": 5}', "market"),
        ('{"text": "hi", "overlay": [1, 2]}', "overlay"),
        ('{"text": "hi", "transcript": [{"start": -1, "text": "x"}]}', "transcript"),
        ('{"text": "hi", "brand": ["a"]}', "brand"),
        ('{"text": "hi", "id": true}', "id"),
    ],
)
def test_json_other_field_errors_name_the_field(tmp_path, line, field):
    _, _, error = jsonl_case(tmp_path, line)
    assert f"field '{field}'" in error.message


def test_json_deeply_nested_line(tmp_path):
    _, _, error = jsonl_case(tmp_path, "[" * 100_000 + "]" * 100_000)
    assert "JSON" in error.message


def test_several_bad_lines_each_reported(tmp_path):
    path = write(
        tmp_path / "mixed.jsonl",
        '{"text": "ok 1"}\nnot json\n{"text": ""}\n{"text": "ok 4"}\n[1]\n{"platform": "insta", "text": "x"}\n',
    )
    posts, errors = run(path)
    assert [p.text for p in posts[1:-1]] == ["ok 1", "ok 4"]
    assert [e.line for e in errors] == [2, 3, 5, 6]
    assert all(e.path == str(path) for e in errors)


def test_stdin_bad_jsonl_line_is_located():
    items = list(read_paths(["-"], stdin=io.BytesIO(b'{"text": "ok"}\n{oops}\n'), input_format="jsonl"))
    assert isinstance(items[0], Post)
    assert isinstance(items[1], InputError)
    assert (items[1].path, items[1].line) == ("<stdin>", 2)


# --- plain text ---------------------------------------------------------------------------


def test_empty_text_file(tmp_path):
    path = write(tmp_path / "blank.txt", "  \n\n\t\n")
    posts, errors = run(path)
    error = one_error(errors)
    assert (error.path, error.line) == (str(path), 1)
    assert "empty" in error.message
    assert len(posts) == 2


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_unterminated_front_matter(tmp_path):
    path = write(tmp_path / "open.md", "---\nplatform: instagram\nbrand: GlowCo\nHello #ad\n")
    posts, errors = run(path)
    error = one_error(errors)
    assert (error.path, error.line) == (str(path), 1)
    assert "front matter" in error.message and "closing" in error.message
    assert len(posts) == 2


@pytest.mark.parametrize(
    ("front", "line"),
    [
        ("platform: instagram\nbrand: Acme: Co\n", 3),  # mapping values not allowed here
        ("platform: instagram\nbrand: GlowCo\n  relationship: paid\n", 4),
        ("platform: instagram\n\tbrand: GlowCo\n", 3),  # a tab cannot start a token
    ],
)
def test_markdown_front_matter_invalid_yaml_reports_line(tmp_path, front, line):
    path = write(tmp_path / "bad-yaml.md", "---\n" + front + "---\nBody #ad\n")
    posts, errors = run(path)
    error = one_error(errors)
    assert (error.path, error.line) == (str(path), line)
    assert "front matter is not valid YAML" in error.message
    assert len(posts) == 2


@pytest.mark.parametrize("front", ["- platform: x\n- brand: y\n", "just a sentence\n", "42\n"])
def test_markdown_front_matter_not_a_mapping(tmp_path, front):
    path = write(tmp_path / "list.md", "---\n" + front + "---\nBody\n")
    posts, errors = run(path)
    error = one_error(errors)
    assert error.path == str(path)
    assert error.line == 2
    assert "must be a mapping" in error.message
    assert len(posts) == 2


@pytest.mark.parametrize(
    ("front", "field", "line"),
    [
        ("brand: GlowCo\nformat: reel\nplatform: insta\n", "platform", 4),
        ("platform: x\nsponsored: maybe\n", "sponsored", 3),
        ("platform: x\nbrand: GlowCo\nrelationship: friend\n", "relationship", 4),
        ("overlay:\n  - one\n  - 2\n", "overlay", 2),
    ],
)
def test_markdown_field_error_at_line_of_key(tmp_path, front, field, line):
    path = write(tmp_path / "field.md", "---\n" + front + "---\nBody #ad\n")
    posts, errors = run(path)
    error = one_error(errors)
    assert (error.path, error.line) == (str(path), line)
    assert f"field '{field}'" in error.message
    assert len(posts) == 2


def test_markdown_with_empty_body(tmp_path):
    path = write(tmp_path / "nobody.md", "---\nplatform: x\n---\n\n   \n")
    posts, errors = run(path)
    error = one_error(errors)
    assert error.path == str(path)
    assert error.line is not None
    assert "'text'" in error.message and "empty" in error.message
    assert len(posts) == 2


# --- file types ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["posts.xlsx", "post.html", "README"])
def test_unsupported_extension_given_explicitly(tmp_path, name):
    path = write(tmp_path / name, "text,id\nhello,1\n")
    posts, errors = run(path)
    error = one_error(errors)
    assert error.path == str(path)
    assert error.line is None
    assert "unsupported file type" in error.message
    assert ".txt" in error.message and ".md" in error.message and ".jsonl" in error.message
    assert len(posts) == 2


def test_bad_files_inside_a_walked_directory(tmp_path):
    root = tmp_path / "batch"
    write(root / "a.txt", "good a")
    write(root / "b.jsonl", '{"text": "good b1"}\n{"text": 1}\n{"text": "good b3"}\n')
    write(root / "c.md", "---\nplatform: insta\n---\nbody\n")
    write(root / "d.txt", b"\x00\x00binary")
    write(root / "e.txt", "good e")
    items = list(read_paths([str(root)]))
    texts = [i.text if isinstance(i, Post) else None for i in items]
    assert texts == ["good a", "good b1", None, "good b3", None, None, "good e"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(Path(e.path).name, e.line) for e in errors] == [("b.jsonl", 2), ("c.md", 2), ("d.txt", None)]
