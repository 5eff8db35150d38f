"""Markdown drafts: optional YAML front matter carries the post fields, the body is the text.

Line numbers of findings count from the top of the file, front matter included.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator

import yaml

from ..model import InputError, Origin, Post
from ..suppressions import DirectiveError, directives
from .fields import MAX_POST_SIZE, FieldError, post_from_fields
from .files import decode

FENCE = "---"
CLOSING_FENCES = ("---", "...")


def read(data: bytes, path: str, *, max_post_size: int = MAX_POST_SIZE) -> Iterator[Post | InputError]:
    text = decode(data, path)
    if isinstance(text, InputError):
        yield text
        return
    # Lines end at "\n" only, as Origin.locate counts them (splitlines would also break at U+2028).
    lines = text.split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    fields: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    body_start = 0  # index into `lines` of the first body line
    if lines and lines[0].rstrip() == FENCE:
        closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in CLOSING_FENCES), None)
        if closing is None:
            yield InputError(path, 1, "front matter starts with '---' but has no closing '---'; not checked")
            return
        parsed = _front_matter("".join(lines[1:closing]), path)
        if isinstance(parsed, InputError):
            yield parsed
            return
        fields, key_lines = parsed
        body_start = closing + 1
    try:
        body, ignores = directives("".join(lines[body_start:]), body_start + 1)
    except DirectiveError as exc:
        yield InputError(path, exc.line, f"{exc}; not checked")
        return
    try:
        post = post_from_fields(fields, Origin(path, line=body_start + 1), default_id=path, text=body, max_post_size=max_post_size)
        yield dataclasses.replace(post, ignores=post.ignores + ignores) if ignores else post
    except FieldError as exc:
        line = key_lines.get(exc.field, min(body_start + 1, max(len(lines), 1)))
        yield InputError(path, line, f"{exc}; not checked")


def _front_matter(source: str, path: str) -> tuple[dict[str, Any], dict[str, int]] | InputError:
    """The front matter's fields, and the file line of each key (the fence is line 1)."""
    try:
        node = yaml.compose(source, Loader=yaml.CSafeLoader)
        fields = yaml.load(source, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        return InputError(path, line, f"front matter is not valid YAML: {problem}; not checked")
    if fields is None:
        return {}, {}
    if not isinstance(fields, dict) or not isinstance(node, yaml.MappingNode):
        return InputError(path, 2, "front matter must be a mapping of post fields; not checked")
    key_lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value}
    return {str(k): v for k, v in fields.items()}, key_lines
