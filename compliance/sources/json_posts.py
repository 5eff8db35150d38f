"""JSON exports: a list of post objects, one post object, or an object holding the list under a
key such as "posts" or "data". A bad element is reported at its line; the others are still read.

The document is parsed once with `json` to validate it, then the list is walked element by
element with `JSONDecoder.raw_decode`, which tells where each element starts in the file.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

from ..model import InputError, Origin, Post
from .fields import MAX_POST_SIZE, FieldError, post_from_fields
from .files import decode
from .jsonl import members, text_literal

WRAPPER_KEYS = ("posts", "data", "items", "results", "entries")

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\r\n]*")


def read(data: bytes, path: str, *, max_post_size: int = MAX_POST_SIZE) -> Iterator[Post | InputError]:
    document = decode(data, path)
    if isinstance(document, InputError):
        yield document
        return
    start = _skip_space(document, 0)
    if start == len(document):
        yield InputError(path, 1, "is empty: expected a JSON list of posts or a post object; not checked")
        return
    try:
        value = json.loads(document)
    except json.JSONDecodeError as exc:
        yield InputError(path, exc.lineno, f"invalid JSON at column {exc.colno}: {exc.msg}; not checked")
        return
    except RecursionError:
        yield InputError(path, None, "JSON nested too deeply; not checked")
        return
    lines = _Lines(document)
    if isinstance(value, dict) and "text" not in value:
        found = _wrapped_list(document, start, value)
        if isinstance(found, str):
            yield InputError(path, lines.at(start)[0], f"{found}; not checked")
            return
        start = found
    elif isinstance(value, dict):  # a single post: one post per file, like a draft
        yield _post(value, document, start, lines, path, default_id=path, what="the post", max_post_size=max_post_size)
        return
    if document[start] != "[":
        yield InputError(path, lines.at(start)[0], f"expected a list of posts or a post object, not {_kind(value)}; not checked")
        return
    for index, (at, element) in enumerate(_elements(document, start)):
        yield _post(element, document, at, lines, path, default_id=f"{path}#{index}", what=f"element {index}", max_post_size=max_post_size)


def _wrapped_list(document: str, brace: int, value: dict[str, Any]) -> int | str:
    """Index of the "[" of the posts list inside a wrapper object, or why there is none."""
    keys = [key for key in value if key in WRAPPER_KEYS]
    accepted = ", ".join(f"'{key}'" for key in WRAPPER_KEYS)
    if not keys:
        found = ", ".join(f"'{key}'" for key in value) or "none"
        return (
            "expected a list of posts, a post object with 'text', or an object holding the posts "
            f"under one of {accepted} (keys found: {found})"
        )
    lists = [key for key in keys if isinstance(value[key], list)]
    if not lists:
        return f"'{keys[0]}' must be a list of post objects, not {_kind(value[keys[0]])}"
    # The key's last occurrence in the file is the one `json` kept.
    return [start for key, start, _ in members(document, brace) if key == lists[0]][-1]


def _elements(document: str, bracket: int) -> Iterator[tuple[int, Any]]:
    """Start index and value of each element of the (valid) JSON list at `bracket`."""
    i = _skip_space(document, bracket + 1)
    if document[i] == "]":
        return
    while True:
        value, end = _DECODER.raw_decode(document, i)
        yield i, value
        i = _skip_space(document, end)
        if document[i] != ",":
            return
        i = _skip_space(document, i + 1)


def _post(
    value: Any, document: str, at: int, lines: _Lines, path: str, default_id: str, what: str, max_post_size: int = MAX_POST_SIZE,
) -> Post | InputError:
    line = lines.at(at)[0]
    if not isinstance(value, dict):
        return InputError(path, line, f"{what}: expected a post object with a 'text' field, not {_kind(value)}; not checked")
    located = text_literal(document, at)
    if located is None:
        origin = Origin(path, line)
    else:
        text_line, column = lines.at(located[0])
        origin = Origin(path, text_line, column, located[1])
    try:
        return post_from_fields(value, origin, default_id=default_id, max_post_size=max_post_size)
    except FieldError as exc:
        # Point at the offending field where it is written (pretty-printed exports span lines).
        where = [start for key, start, _ in members(document, at) if key == exc.field]
        return InputError(path, lines.at(where[-1])[0] if where else line, f"{what}: {exc}; not checked")


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), "null"
    )


def _skip_space(document: str, i: int) -> int:
    return _SPACE.match(document, i).end()  # type: ignore[union-attr]


class _Lines:
    """1-based (line, column) of indices, counted from the last index asked for: elements come
    in order, so a list of a million posts (perhaps all on one line) is not counted from the
    top for each one."""

    def __init__(self, document: str) -> None:
        self.document = document
        self.index = 0
        self.line = 1
        self.line_start = 0

    def at(self, index: int) -> tuple[int, int]:
        if index >= self.index:
            newlines = self.document.count("\n", self.index, index)
            if newlines:
                self.line += newlines
                self.line_start = self.document.rfind("\n", self.index, index) + 1
        else:  # a field error points back into the element just read
            self.line -= self.document.count("\n", index, self.index)
            if index < self.line_start:
                self.line_start = self.document.rfind("\n", 0, index) + 1
        self.index = index
        return self.line, index - self.line_start + 1
