"""JSON Lines: one post object per line. A bad line is reported; the other lines are still read."""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Iterator

from ..model import InputError, Origin, Post
from .fields import MAX_LINE_LENGTH, MAX_POST_SIZE, FieldError, post_from_fields, size_text
from .files import binary_error, decode, is_binary

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\r\n]*")


def read(
    data: bytes, path: str, first_line: int = 1, *, max_post_size: int = MAX_POST_SIZE, max_line_length: int = MAX_LINE_LENGTH,
) -> Iterator[Post | InputError]:
    """Posts of `data`: the whole file, or lines of it from `first_line` on (a batch unit).
    A line over `max_line_length` bytes is reported and skipped, unparsed."""
    if first_line == 1 and is_binary(data):
        yield binary_error(path)
        return
    for number, raw in enumerate(data.split(b"\n"), start=first_line):
        if len(raw) > max_line_length:
            yield InputError(path, number, f"line is {size_text(len(raw))}, over the limit of {size_text(max_line_length)} (max-line-length); line not checked")
            continue
        if not raw.strip():
            continue
        line = decode(raw, path, first_line=number)
        if isinstance(line, InputError):
            yield InputError(path, number, "is not valid UTF-8; line not checked")
            continue
        yield parse_line(line, path, number, max_post_size=max_post_size)


def parse_line(line: str, path: str, number: int, *, max_post_size: int = MAX_POST_SIZE) -> Post | InputError:
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(path, number, f"invalid JSON at column {exc.colno}: {exc.msg}; line not checked")
    except RecursionError:
        return InputError(path, number, "JSON nested too deeply; line not checked")
    if not isinstance(fields, dict):
        return InputError(path, number, "expected a JSON object with a 'text' field; line not checked")
    located = text_literal(line, _SPACE.match(line).end())  # type: ignore[union-attr]
    origin = Origin(path, number, located[0] + 1, located[1]) if located else Origin(path, number)
    try:
        return post_from_fields(fields, origin, default_id=f"{path}:{number}", max_post_size=max_post_size)
    except FieldError as exc:
        return InputError(path, number, f"{exc}; line not checked")


def members(document: str, brace: int) -> Iterator[tuple[str, int, int]]:
    """Key, start and end index of each member value of the JSON object whose "{" is at
    `brace`, in document order. Stops quietly where the JSON is malformed: callers that need
    the whole object valid parse it with `json` first."""
    if document[brace : brace + 1] != "{":
        return
    i = brace + 1
    try:
        while True:
            i = _SPACE.match(document, i).end()  # type: ignore[union-attr]
            if document[i : i + 1] != '"':
                return
            key, i = scanstring(document, i + 1)
            i = _SPACE.match(document, i).end()  # type: ignore[union-attr]
            start = _SPACE.match(document, i + 1).end()  # type: ignore[union-attr]  # past ':'
            _, end = _DECODER.raw_decode(document, start)
            yield key, start, end
            i = _SPACE.match(document, end).end()  # type: ignore[union-attr]
            if document[i : i + 1] != ",":
                return
            i += 1
    except (ValueError, RecursionError):
        return


def text_literal(document: str, brace: int) -> tuple[int, str] | None:
    """Index and raw characters (without the quotes) of the "text" string of the JSON object
    whose "{" is at `brace`; the last one when the key repeats, as `json` keeps the last."""
    found = None
    for key, start, end in members(document, brace):
        if key == "text" and document[start : start + 1] == '"':
            found = (start + 1, document[start + 1 : end - 1])
    return found
