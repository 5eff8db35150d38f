"""Turn a mapping of post fields (a JSON object, Markdown front matter) into a Post."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping

from ..model import FORMATS, PLATFORMS, RELATIONSHIPS, Ignore, Origin, Post
from ..suppressions import ignores_field

KNOWN_FIELDS = frozenset({
    "text", "id", "platform", "format", "language", "market", "relationship", "sponsored",
    "brand", "transcript", "overlay", "ignore",
})


# Limits (bytes of UTF-8): a post's text, and a line of a line-based input (a JSON Lines line,
# a CSV row). The readers take them as keyword parameters; these are the defaults.
MAX_POST_SIZE = 1_000_000
MAX_LINE_LENGTH = 1_000_000


class FieldError(ValueError):
    """A post field with a value the contract does not allow."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"field '{field}': {message}")
        self.field = field


class TooLarge(FieldError):
    """A post text over the max-post-size limit."""

    def __init__(self, size: int, limit: int) -> None:
        ValueError.__init__(self, f"post text is {size_text(size)}, over the limit of {size_text(limit)} (max-post-size)")
        self.field = "text"


def size_text(size: int) -> str:
    """A size in bytes as people read it: 512 bytes, 64 kB, 3.2 MB (decimal units)."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def over_limit(text: str, limit: int) -> int | None:
    """The UTF-8 size of `text` when it is over `limit` bytes, else None (cheap for short texts)."""
    if len(text) * 4 <= limit:
        return None
    size = len(text.encode("utf-8", "surrogatepass"))
    return size if size > limit else None


def post_from_fields(
    fields: Mapping[str, Any], origin: Origin, default_id: str, text: Any = None, *, max_post_size: int = MAX_POST_SIZE,
) -> Post:
    """Validate `fields` against the post contract. `text` overrides fields["text"] (Markdown body).
    A text over `max_post_size` bytes raises TooLarge (a FieldError)."""
    text = fields.get("text") if text is None else text
    if text is None:
        raise FieldError("text", "missing: every post needs the caption, description or body")
    if not isinstance(text, str):
        raise FieldError("text", f"must be a string, not {_kind(text)}")
    if not text.strip():
        raise FieldError("text", "is empty")
    size = over_limit(text, max_post_size)
    if size is not None:
        raise TooLarge(size, max_post_size)
    _encodable("text", text)
    post_id = fields.get("id", default_id)
    if isinstance(post_id, (int, float)) and not isinstance(post_id, bool):
        post_id = str(post_id)
    transcript, cue_times = _transcript(fields)
    for name, value in (("transcript", transcript), *(("overlay", frame) for frame in _overlay(fields))):
        if value:
            _encodable(name, value)
    return Post(
        text=text,
        id=_string(fields, "id", post_id) or default_id,
        origin=origin,
        platform=_choice(fields, "platform", PLATFORMS),
        format=_choice(fields, "format", FORMATS),
        language=_string(fields, "language"),
        market=_markets(fields),
        relationship=_choice(fields, "relationship", RELATIONSHIPS),
        sponsored=_sponsored(fields),
        brand=_string(fields, "brand"),
        transcript=transcript,
        cue_times=cue_times,
        overlay=_overlay(fields),
        ignores=_ignores(fields),
        extra=MappingProxyType({k: v for k, v in fields.items() if k not in KNOWN_FIELDS}),
    )


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def _string(fields: Mapping[str, Any], name: str, value: Any = None) -> str | None:
    value = fields.get(name) if value is None else value
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(name, f"must be a string, not {_kind(value)}")
    return value.strip() or None


def _choice(fields: Mapping[str, Any], name: str, allowed: tuple[str, ...]) -> str | None:
    value = _string(fields, name)
    if value is None:
        return None
    value = value.lower()
    if value not in allowed:
        raise FieldError(name, f"'{value}' is not one of: {', '.join(allowed)}")
    return value


def _markets(fields: Mapping[str, Any]) -> tuple[str, ...]:
    value = fields.get("market")
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) and item.strip() for item in items):
        raise FieldError("market", "must be a jurisdiction code such as 'us', or a list of them")
    return tuple(item.strip().lower() for item in items)


def _sponsored(fields: Mapping[str, Any]) -> bool | None:
    value = fields.get("sponsored")
    if value is None or isinstance(value, bool):
        return value
    raise FieldError("sponsored", f"must be true, false or null, not {value!r}")


def _transcript(fields: Mapping[str, Any]) -> tuple[str | None, tuple[tuple[int, float], ...]]:
    """The spoken words, and for timed cues ([{"start": 12.5, "text": "..."}]) when each begins."""
    value = fields.get("transcript")
    if value is None or isinstance(value, str):
        return value, ()
    if not isinstance(value, list) or not all(isinstance(cue, (str, dict)) for cue in value):
        raise FieldError("transcript", "must be a string or a list of cues")
    lines: list[str] = []
    times: list[tuple[int, float]] = []
    offset = 0
    for cue in value:
        text = cue if isinstance(cue, str) else cue.get("text")
        if not isinstance(text, str):
            raise FieldError("transcript", "every cue needs a 'text' string")
        start = None if isinstance(cue, str) else cue.get("start")
        if start is not None:
            if not isinstance(start, (int, float)) or isinstance(start, bool) or start < 0:
                raise FieldError("transcript", f"cue 'start' must be seconds (a number), not {start!r}")
            times.append((offset, float(start)))
        lines.append(text)
        offset += len(text) + 1
    return "\n".join(lines), tuple(times)


def _overlay(fields: Mapping[str, Any]) -> tuple[str, ...]:
    value = fields.get("overlay")
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) for item in items):
        raise FieldError("overlay", "must be a string or a list of strings (one per frame)")
    return tuple(items)


def _ignores(fields: Mapping[str, Any]) -> tuple[Ignore, ...]:
    try:
        return ignores_field(fields.get("ignore"))
    except ValueError as exc:
        raise FieldError("ignore", str(exc)) from None


def _encodable(name: str, value: str) -> None:
    """JSON can spell a lone surrogate (\\ud800) that is no character at all: no pipeline or
    report can take it."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise FieldError(name, f"holds an invalid character (a lone surrogate at position {exc.start + 1})") from None
