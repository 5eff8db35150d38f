"""Plain text: the whole file is one post."""

from __future__ import annotations

from typing import Iterator

from ..model import InputError, Origin, Post
from .fields import FieldError, post_from_fields
from .files import decode


def read(data: bytes, path: str) -> Iterator[Post | InputError]:
    text = decode(data, path)
    if isinstance(text, InputError):
        yield text
        return
    try:
        yield post_from_fields({}, Origin(path), default_id=path, text=text)
    except FieldError as exc:
        yield InputError(path, 1, f"{exc}; not checked")
