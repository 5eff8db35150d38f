"""JSON Lines: one post object per line. A bad line is reported; the other lines are still read."""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Iterator

from ..model import InputError, Origin, Post
from .fields import FieldError, post_from_fields
from .files import binary_error, decode, is_binary

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\r\n]*")


def read(data: bytes, path: str) -> Iterator[Post | InputError]:
    if is_binary(data):
        yield binary_error(path)
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        line = decode(raw, path, first_line=number)
        if isinstance(line, InputError):
            yield InputError(path, number, "is not valid UTF-8; line not checked")
            continue
        yield parse_line(line, path, number)


def parse_line(line: str, path: str, number: int) -> Post | InputError:
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(path, number, f"invalid JSON at column {exc.colno}: {exc.msg}; line not checked")
    except RecursionError:
        return InputError(path, number, "JSON nested too deeply; line not checked")
    if not isinstance(fields, dict):
        return InputError(path, number, "expected a JSON object with a 'text' field; line not checked")
    located = _text_literal(line)
    origin = Origin(path, number, located[0] + 1, located[1]) if located else Origin(path, number)
    try:
        return post_from_fields(fields, origin, default_id=f"{path}:{number}")
    except FieldError as exc:
        return InputError(path, number, f"{exc}; line not checked")


def _text_literal(line: str) -> tuple[int, str] | None:
    """Index and raw characters of the top-level "text" string of a JSON object line."""
    found = None
    try:
        i = _SPACE.match(line, 0).end()  # type: ignore[union-attr]
        if line[i : i + 1] != "{":
            return None
        i += 1
        while True:
            i = _SPACE.match(line, i).end()  # type: ignore[union-attr]
            if line[i : i + 1] != '"':
                return found
            key, i = scanstring(line, i + 1)
            i = _SPACE.match(line, i).end()  # type: ignore[union-attr]
            i = _SPACE.match(line, i + 1).end()  # type: ignore[union-attr]  # past ':'
            if key == "text" and line[i : i + 1] == '"':
                _, end = scanstring(line, i + 1)
                found = (i + 1, line[i + 1 : end - 1])
                i = end
            else:
                _, i = _DECODER.raw_decode(line, i)
            i = _SPACE.match(line, i).end()  # type: ignore[union-attr]
            if line[i : i + 1] != ",":
                return found
            i += 1
    except (ValueError, RecursionError):
        return found
