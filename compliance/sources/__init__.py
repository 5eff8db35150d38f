"""Readers: every supported input format becomes a stream of Post (or located InputError).

A reader is a module with `read(data: bytes, path: str) -> Iterator[Post | InputError]`;
register it by file extension in READERS, and by name in FORMAT_READERS.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Mapping, cast

from ..model import InputError, Post
from . import captions, csv_posts, json_posts, jsonl, markdown, text
from .fields import MAX_LINE_LENGTH, MAX_POST_SIZE
from .files import read_bytes

Reader = Callable[[bytes, str], Iterator[Post | InputError]]

# Input formats by name (--input-format), and the format of each file extension.
FORMAT_READERS: dict[str, Reader] = {
    "text": text.read,
    "markdown": markdown.read,
    "jsonl": jsonl.read,
    "json": json_posts.read,
    "csv": csv_posts.read,
    "srt": captions.read_srt,
    "vtt": captions.read_vtt,
}
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".srt": "srt",
    ".vtt": "vtt",
}
READERS: dict[str, Reader] = {extension: FORMAT_READERS[name] for extension, name in EXTENSIONS.items()}
INPUT_FORMATS = ("auto", *FORMAT_READERS)
STDIN_NAME = "<stdin>"

# The start of a WebVTT file: the header word on the first line, alone or before a title.
_VTT_START = re.compile(rb"WEBVTT(?:[ \t\r\n]|$)")
# The start of a SubRip file: a cue number, then a timing line.
_SRT_START = re.compile(rb"\d+[ \t]*\r?\n[ \t]*\d+:\d{2}:\d{2}[,.]\d{3}[ \t]*-->")


@dataclass(frozen=True)
class Input:
    """One input to read: a file (or standard input, `path` None) and the format to read it in."""

    shown: str  # the name findings and errors give it
    path: Path | None
    format: str


def inputs(paths: Iterable[str], input_format: str = "auto") -> Iterator[Input | InputError]:
    """The files behind `paths`: files, directories (walked, hidden entries skipped) and '-'.

    With `input_format` "auto" a file is read by its extension and standard input by what it
    starts with ("auto" is left for the caller to sniff); a named format reads every file given
    and standard input (a directory's files are still picked and read by their extension).
    """
    for given in paths:
        path = Path(given)
        if given == "-":
            yield Input(STDIN_NAME, None, input_format)
        elif path.is_dir():
            yield from (Input(str(file), file, EXTENSIONS[file.suffix.lower()]) for file in _walk(path))
        elif not path.exists():
            yield InputError(given, None, "no such file or directory")
        elif input_format != "auto":
            yield Input(given, path, input_format)
        elif path.suffix.lower() in EXTENSIONS:
            yield Input(given, path, EXTENSIONS[path.suffix.lower()])
        else:
            known = ", ".join(sorted(EXTENSIONS))
            yield InputError(given, None, f"unsupported file type '{path.suffix or path.name}' (supported: {known}; or name one with --input-format)")


def reader(
    name: str, columns: Mapping[str, str] | None = None, *, max_post_size: int = MAX_POST_SIZE, max_line_length: int = MAX_LINE_LENGTH,
) -> Reader:
    """The reader of format `name`; `columns` maps post fields to CSV headers; the limits are in
    bytes (max-post-size: a post's text; max-line-length: a JSON Lines line or a CSV row)."""
    found = FORMAT_READERS[name]
    if found is csv_posts.read:
        return functools.partial(csv_posts.read, columns=columns, max_post_size=max_post_size, max_line_length=max_line_length)
    if found is jsonl.read:
        return functools.partial(jsonl.read, max_post_size=max_post_size, max_line_length=max_line_length)
    return functools.partial(cast(Callable[..., Iterator[Post | InputError]], found), max_post_size=max_post_size)


def read_input(
    source: Input, stdin: BinaryIO | None = None, columns: Mapping[str, str] | None = None, *,
    max_post_size: int = MAX_POST_SIZE, max_line_length: int = MAX_LINE_LENGTH,
) -> Iterator[Post | InputError]:
    limits = {"max_post_size": max_post_size, "max_line_length": max_line_length}
    if source.path is None:
        data = stdin.read() if stdin is not None else b""
        yield from reader(sniff(data) if source.format == "auto" else source.format, columns, **limits)(data, source.shown)
        return
    found = read_bytes(source.path, source.shown)
    if isinstance(found, InputError):
        yield found
        return
    yield from reader(source.format, columns, **limits)(found, source.shown)


def read_paths(
    paths: Iterable[str], stdin: BinaryIO | None = None, input_format: str = "auto", columns: Mapping[str, str] | None = None, *,
    max_post_size: int = MAX_POST_SIZE, max_line_length: int = MAX_LINE_LENGTH,
) -> Iterator[Post | InputError]:
    """Posts from files, directories and '-' for standard input (see `inputs`)."""
    for source in inputs(paths, input_format):
        if isinstance(source, InputError):
            yield source
        else:
            yield from read_input(source, stdin, columns, max_post_size=max_post_size, max_line_length=max_line_length)


def sniff(data: bytes) -> str:
    """The format of standard input, from how it starts."""
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"---"):
        return "markdown"
    if _VTT_START.match(data.removeprefix(b"\xef\xbb\xbf")):
        return "vtt"
    if _SRT_START.match(head):
        return "srt"
    return "text"


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                yield Path(folder) / name
