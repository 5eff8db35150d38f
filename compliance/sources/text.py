"""Plain text: the whole file is one post."""

from __future__ import annotations

from typing import Iterator

from ..model import InputError, Origin, Post
from .fields import MAX_POST_SIZE, FieldError, post_from_fields
from .files import decode


def read(data: bytes, path: str, *, max_post_size: int = MAX_POST_SIZE) -> Iterator[Post | InputError]:
    text = decode(data, path)
    if isinstance(text, InputError):
        yield text
        return
    try:
        yield post_from_fields({}, Origin(path), default_id=path, text=text, max_post_size=max_post_size)
    except FieldError as exc:
        yield InputError(path, 1, f"{exc}; not checked")
