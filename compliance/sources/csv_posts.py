"""CSV exports of social-media tools: a header row, then one post per row.

Columns are matched to post fields by name, case-insensitively, with the names the common tools
export ("Caption", "Post ID", "Network" …); an explicit mapping (field -> header) overrides them.
Columns that map to no field are kept as extra fields. Rows may hold quoted newlines, so every
row is located at the physical line where it starts, and its text at the line and column where
the text cell's content starts.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from typing import Any, Iterator, Mapping

from ..model import InputError, Origin, Post
from .fields import KNOWN_FIELDS, MAX_LINE_LENGTH, MAX_POST_SIZE, FieldError, post_from_fields, size_text
from .files import decode

# Column names per post field, most specific first: when two columns match a field, the
# earlier name wins and the other column is kept as an extra field.
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "caption", "message", "post text", "post", "content", "body", "description", "video description"),
    "id": ("id", "post id", "permalink", "url", "link"),
    "platform": ("platform", "network", "social network", "channel"),
    "date": ("date", "publish time", "published", "scheduled", "post date"),
    "format": ("format", "post type", "type"),
    **{name: (name,) for name in ("market", "language", "relationship", "sponsored", "brand", "transcript", "overlay")},
}
FIELDS = tuple(ALIASES)  # what a column mapping may name: the post fields, and "date" (kept as an extra field)
# Every post field but `ignore` (a list: suppress by post id in the configuration instead).
assert set(FIELDS) == KNOWN_FIELDS - {"ignore"} | {"date"}

# How tools name platforms: a suffix for the kind of account, and a few short or old names.
_ACCOUNT_SUFFIX = re.compile(r"(?:\s+(?:business|page|pages|company|profile|account|creator|ads))+$")
_PLATFORM_NAMES = {
    "ig": "instagram", "insta": "instagram", "twitter": "x", "x (twitter)": "x", "twitter / x": "x",
    "twitter/x": "x", "fb": "facebook", "yt": "youtube", "tik tok": "tiktok", "linked in": "linkedin",
    "li": "linkedin", "pin": "pinterest",
}
# How tools name post types: plurals, and the kinds of still post that are all the feed.
_FORMAT_NAMES = {
    "reels": "reel", "shorts": "short", "stories": "story", "live video": "live", "livestream": "live",
    "igtv": "video", **{name: "feed" for name in ("post", "photo", "image", "carousel", "album", "status", "link", "text", "tweet")},
}
_BOOLEANS = {"true": True, "yes": True, "y": True, "1": True, "false": False, "no": False, "n": False, "0": False, "": None}
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class _Columns:
    """Which column (index) holds each field, and the header of each column."""

    fields: Mapping[str, int]
    headers: tuple[str, ...]


def read(
    data: bytes, path: str, columns: Mapping[str, str] | None = None, *,
    max_post_size: int = MAX_POST_SIZE, max_line_length: int = MAX_LINE_LENGTH,
) -> Iterator[Post | InputError]:
    """`columns` maps a post field to the header of the column that holds it ({"text": "Caption"}).
    A row over `max_line_length` bytes (all its lines) is reported and skipped. A single cell
    over csv's own limit (131072 characters) still stops the file, as before."""
    text = decode(data, path)
    if isinstance(text, InputError):
        yield text
        return
    # Lines end at "\n" only, as Origin counts them; each keeps its end so csv sees "\r\n" too.
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    delimiter = sniff_delimiter(next((line for line in lines if line.strip()), ""))  # the header line
    reader = csv.reader(iter(lines), delimiter=delimiter)
    mapping: _Columns | None = None
    end = 0  # the last line of the previous row: csv's line_num is where a row ENDS
    try:
        for row in reader:
            start, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank lines
            if mapping is None:
                found = _map_columns(row, columns, path, start)
                if isinstance(found, InputError):
                    yield found
                    return
                mapping = found
                continue
            raw = "".join(lines[start - 1 : end])
            size = len(raw.encode("utf-8", "surrogatepass"))
            if size > max_line_length and _cell_starts(raw, delimiter) is not None:
                yield InputError(path, start, f"row is {size_text(size)}, over the limit of {size_text(max_line_length)} (max-line-length); row not checked")
                continue
            yield _post(row, raw, start, mapping, delimiter, path, max_post_size)
    except csv.Error as exc:  # e.g. a cell over csv's size limit: the reader cannot go on
        yield InputError(path, reader.line_num, f"cannot be read as CSV: {exc}; the rest of the file not checked")
        return
    if mapping is None:
        yield InputError(path, 1, "is empty: expected a header row, then one post per row; not checked")


def sniff_delimiter(header: str) -> str:
    """The delimiter of a header line: the most frequent of , ; and tab outside quotes
    (European exports use ';', as ',' is their decimal mark); ',' on a tie."""
    outside = "".join(header.split('"')[::2])  # drop what is inside quotes
    counts = [outside.count(d) for d in _DELIMITERS]
    return _DELIMITERS[counts.index(max(counts))]


def _map_columns(header: list[str], columns: Mapping[str, str] | None, path: str, line: int) -> _Columns | InputError:
    headers = tuple(cell.strip() for cell in header)
    names = [_name(cell) for cell in headers]
    found = ", ".join(f"'{h}'" for h in headers)
    fields: dict[str, int] = {}
    for field, wanted in (columns or {}).items():
        # The header as written, else as the aliases are compared ("post id" finds "Post_ID").
        index = headers.index(wanted) if wanted in headers else next((i for i, name in enumerate(names) if name == _name(wanted)), None)
        if index is None:
            return InputError(path, line, f"no column '{wanted}' for field '{field}' (the header has: {found}); not checked")
        fields[field] = index
    for field, aliases in ALIASES.items():
        if field not in fields:
            index = next((names.index(alias) for alias in aliases if alias in names and names.index(alias) not in fields.values()), None)
            if index is not None:
                fields[field] = index
    if "text" not in fields:
        accepted = ", ".join(f"'{name}'" for name in ALIASES["text"])
        return InputError(path, line, f"no text column: the header has {found}; name one of {accepted}, or map it (--columns text=HEADER); not checked")
    return _Columns(fields, headers)


def _name(header: str) -> str:
    """A header as compared with the aliases: "Post_ID", "post-id" and "Post  ID" are "post id"."""
    return " ".join(header.lower().replace("_", " ").replace("-", " ").split())


def _post(
    row: list[str], raw: str, line: int, columns: _Columns, delimiter: str, path: str, max_post_size: int = MAX_POST_SIZE,
) -> Post | InputError:
    starts = _cell_starts(raw, delimiter)
    if starts is None:  # csv read on to the end of the file in search of the closing quote
        return InputError(path, line, "a quoted cell is never closed (a '\"' is missing); the rest of the file not checked")
    if len(row) != len(columns.headers):
        return InputError(path, line, f"row has {len(row)} cells but the header has {len(columns.headers)}; row not checked")
    by_field = {index: field for field, index in columns.fields.items()}
    values: dict[str, Any] = {}
    for index, cell in enumerate(row):
        field = by_field.get(index)
        if field is None:
            values.setdefault(columns.headers[index], cell)  # an extra field; never overrides a post field
        else:
            values[field] = _value(field, cell)
    at = starts[columns.fields["text"]]
    text_line = line + raw.count("\n", 0, at)
    text_column = at - (raw.rfind("\n", 0, at) + 1) + 1
    # One entry per line of the text: a quoted cell's later lines start at column 1.
    lines = ((text_line, text_column),) + tuple((text_line + k, 1) for k in range(1, values["text"].count("\n") + 1))
    try:
        return post_from_fields(values, Origin(path, text_line, text_column, lines=lines), default_id=f"{path}:{line}", max_post_size=max_post_size)
    except FieldError as exc:
        return InputError(path, line, f"{exc}; row not checked")


def _value(field: str, cell: str) -> Any:
    """A cell as the post field expects it; a value it cannot read is passed on as it is, so
    post_from_fields reports it with the field's name."""
    if field == "text":
        return cell  # an empty cell is reported as an empty text
    if not cell.strip():
        return None
    if field == "platform":
        name = _ACCOUNT_SUFFIX.sub("", " ".join(cell.lower().split()))
        return _PLATFORM_NAMES.get(name, name)
    if field == "format":
        name = " ".join(cell.lower().split())
        return _FORMAT_NAMES.get(name, name)
    if field == "sponsored":
        return _BOOLEANS.get(cell.strip().lower(), cell)
    if field == "market":
        return [part for part in re.split(r"[;,]", cell) if part.strip()]
    return cell


def _cell_starts(raw: str, delimiter: str) -> list[int] | None:
    """Index in `raw` (a row as written, perhaps several lines) where the content of each cell
    starts, after an opening quote; None when a quoted cell never closes. Exact as csv reads:
    a quote opens a cell only as its first character, and text after a closing quote is kept."""
    starts = []
    i = 0
    while True:
        quoted = raw.startswith('"', i)
        starts.append(i + quoted)
        if quoted:  # skip to the closing quote ("" is a quote inside the cell)
            i += 1
            while (i := raw.find('"', i)) >= 0 and raw.startswith('"', i + 1):
                i += 2
            if i < 0:
                return None
            i += 1
        i = raw.find(delimiter, i) + 1
        if i == 0:
            return starts
