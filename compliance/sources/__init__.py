"""Readers: every supported input format becomes a stream of Post (or located InputError).

A reader is a module with `read(data: bytes, path: str) -> Iterator[Post | InputError]`;
register it by file extension in READERS.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from ..model import InputError, Post
from . import jsonl, markdown, text
from .files import read_bytes

Reader = Callable[[bytes, str], Iterator[Post | InputError]]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".jsonl": jsonl.read,
    ".ndjson": jsonl.read,
}
STDIN_FORMATS = ("auto", "text", "markdown", "jsonl")
STDIN_NAME = "<stdin>"


def read_paths(paths: Iterable[str], stdin: BinaryIO | None = None, stdin_format: str = "auto") -> Iterator[Post | InputError]:
    """Posts from files, directories (walked, hidden entries skipped) and '-' for standard input."""
    for given in paths:
        if given == "-":
            data = stdin.read() if stdin is not None else b""
            yield from _stdin_reader(data, stdin_format)(data, STDIN_NAME)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, str(file))
        elif not path.exists():
            yield InputError(given, None, "no such file or directory")
        else:
            yield from _read_file(path, given)


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in READERS:
                yield Path(folder) / name


def _read_file(path: Path, shown: str) -> Iterator[Post | InputError]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        yield InputError(shown, None, f"unsupported file type '{path.suffix or path.name}' (supported: {known})")
        return
    data = read_bytes(path, shown)
    if isinstance(data, InputError):
        yield data
        return
    yield from reader(data, shown)


def _stdin_reader(data: bytes, stdin_format: str) -> Reader:
    if stdin_format == "auto":
        head = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:3]
        stdin_format = "jsonl" if head[:1] == b"{" else "markdown" if head == b"---" else "text"
    return {"text": text.read, "markdown": markdown.read, "jsonl": jsonl.read}[stdin_format]
