"""Content plans: the calendar of planned posts that `compliance audit` checks.

A plan is YAML (campaign, brand, markets, claims, defaults, entries) or CSV (one row per entry).
Each entry names its post by `draft` (a file relative to the plan, never outside its folder
tree) or gives the `text` inline; `captions` attaches a caption file as the video's spoken words.
Post fields flow from the plan's defaults, then the draft's own fields (front matter), then the
entry, the last winning: a `paid` entry needs a disclosure whatever its draft says.

A problem with one entry (an unknown field, a bad date, a missing draft, a path that escapes
the plan's folder) is reported with its line and that entry is not checked; the others are.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import difflib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from .model import Entry, InputError, Origin, Post
from .rules.located import YamlError, line_of, load
from .sources import READERS
from .sources.captions import read_cues
from .sources.csv_posts import sniff_delimiter
from .sources.fields import FieldError, post_from_fields
from .sources.files import decode, read_bytes

PLAN_FIELDS = ("campaign", "brand", "markets", "claims", "defaults", "entries")
# Post fields an entry or the defaults may set, and the fields that describe the entry itself.
POST_FIELDS = ("platform", "format", "language", "market", "relationship", "sponsored", "brand", "overlay", "transcript")
ENTRY_FIELDS = ("id", "date", "pillar", "goal", "creator", "campaign", "draft", "text", "captions", "notes", *POST_FIELDS)
CAPTION_SUFFIXES = (".srt", ".vtt")


class InvalidPlan(Exception):
    """A plan that cannot be read at all (not YAML or CSV, no entries): nothing to audit."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors


@dataclass(frozen=True)
class Planned:
    """One entry of the plan: what reports show of it, and how to build its post."""

    entry: Entry
    fields: Mapping[str, Any]  # post fields: the plan's defaults overlaid with the entry's
    overrides: frozenset[str]  # the fields the entry itself sets (they win over the draft's)
    text: str | None = None
    text_origin: Origin | None = None
    draft: Path | None = None  # resolved, inside the plan's folder
    captions: Path | None = None
    problems: tuple[InputError, ...] = ()


@dataclass(frozen=True)
class ContentPlan:
    path: str
    entries: tuple[Planned, ...]
    campaign: str | None = None
    brand: str | None = None
    markets: tuple[str, ...] = ()
    claims: str | None = None  # the claims register's path, as the plan's folder resolves it

    @property
    def folder(self) -> Path:
        return Path(self.path).parent

    def unplanned(self) -> tuple[str, ...]:
        """Drafts in the plan's folder tree that no entry lists (hidden folders skipped)."""
        listed = {p.resolve() for planned in self.entries for p in (planned.draft, planned.captions) if p is not None}
        listed |= {Path(self.path).resolve()} | ({Path(self.claims).resolve()} if self.claims else set())
        found = []
        for folder, dirs, files in os.walk(self.folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(folder) / name
                if not name.startswith(".") and path.suffix.lower() in READERS and path.resolve() not in listed:
                    found.append(str(path))
        return tuple(found)


def load_plan(path: str) -> ContentPlan:
    data = read_bytes(Path(path), path)
    if isinstance(data, InputError):
        raise InvalidPlan([data])
    source = decode(data, path)
    if isinstance(source, InputError):
        raise InvalidPlan([source])
    if Path(path).suffix.lower() == ".csv":
        return _from_rows(path, source)
    if Path(path).suffix.lower() not in (".yaml", ".yml"):
        raise InvalidPlan([InputError(path, None, "a content plan is a .yaml, .yml or .csv file")])
    return _from_yaml(path, source)


def _from_yaml(path: str, source: str) -> ContentPlan:
    try:
        data, lines = load(source)
    except YamlError as exc:
        raise InvalidPlan([InputError(path, exc.line, f"not valid YAML: {exc}")]) from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list) or not data["entries"]:
        raise InvalidPlan([InputError(path, 1, "a content plan is a mapping with a list of 'entries' (and campaign, brand, markets, claims, defaults)")])
    errors = [InputError(path, line_of(lines, (key,)), f"unknown field '{key}'{_did_you_mean(key, PLAN_FIELDS)}") for key in data if key not in PLAN_FIELDS]
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        errors.append(InputError(path, line_of(lines, ("defaults",)), "field 'defaults': must be a mapping of post fields"))
        defaults = {}
    errors += [
        InputError(path, line_of(lines, ("defaults", key)), f"field 'defaults.{key}': not a post field (allowed: {', '.join(POST_FIELDS)})")
        for key in defaults if key not in POST_FIELDS
    ]
    markets = data.get("markets") or []
    if isinstance(markets, str):
        markets = [markets]
    if not isinstance(markets, list) or not all(isinstance(m, str) for m in markets):
        errors.append(InputError(path, line_of(lines, ("markets",)), "field 'markets': must be a list of market codes such as [us, uk]"))
        markets = []
    strings = {key: _text_field(data, key, path, lines, errors) for key in ("campaign", "brand", "claims")}
    if errors:
        raise InvalidPlan(errors)
    plan_defaults = {"brand": strings["brand"], "market": markets or None, **{k: v for k, v in defaults.items() if v is not None}}
    source_lines = source.split("\n")
    entries = []
    for index, raw in enumerate(data["entries"]):
        where = ("entries", index)
        line = line_of(lines, where)
        if not isinstance(raw, dict):
            entries.append(_broken(f"#{index + 1}", line, InputError(path, line, f"entry {index + 1}: must be a mapping of entry fields")))
            continue
        text_line = lines.get((*where, "text"))
        text_origin = _yaml_text_origin(path, source_lines, text_line) if text_line else None
        field_lines = {key: line_of(lines, (*where, key)) for key in raw}
        entries.append(_entry(path, raw, line, field_lines, plan_defaults, strings["campaign"], text_origin))
    return _finished(path, entries, strings["campaign"], strings["brand"], tuple(m.lower() for m in markets), strings["claims"])


def _text_field(data: Mapping[str, Any], key: str, path: str, lines: dict[Any, int], errors: list[InputError]) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value.strip() if value else None
    errors.append(InputError(path, line_of(lines, (key,)), f"field '{key}': must be a string"))
    return None


def _from_rows(path: str, source: str) -> ContentPlan:
    lines = source.split("\n")
    rows = csv.reader(io.StringIO(source, newline=""), delimiter=sniff_delimiter(lines[0]))
    header: list[str] | None = None
    entries: list[Planned] = []
    end = 0
    for row in _csv_rows(rows, path):
        start, end = end + 1, rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in row]
            unknown = [h for h in header if h not in ENTRY_FIELDS]
            if unknown:
                raise InvalidPlan([InputError(path, start, f"unknown column '{h}'{_did_you_mean(h, ENTRY_FIELDS)}") for h in unknown])
            if "id" not in header or not {"draft", "text"} & set(header):
                raise InvalidPlan([InputError(path, start, "a CSV plan needs an 'id' column and a 'draft' or 'text' column")])
            continue
        if len(row) != len(header):
            entries.append(_broken(row[0] if row else "?", start, InputError(path, start, f"row has {len(row)} cells, the header {len(header)}; entry not checked")))
            continue
        raw = {key: _csv_value(key, cell) for key, cell in zip(header, row) if cell.strip()}
        entries.append(_entry(path, raw, start, {key: start for key in raw}, {}, None, Origin(path, start)))
    if not entries:
        raise InvalidPlan([InputError(path, 1, "a CSV plan needs a header row and one row per entry")])
    markets = sorted({m for planned in entries for m in planned.entry.market})
    campaigns = {planned.entry.campaign for planned in entries}
    return _finished(path, entries, campaigns.pop() if len(campaigns) == 1 else None, None, tuple(markets), None)


def _csv_rows(rows: Iterator[list[str]], path: str) -> Iterator[list[str]]:
    """The rows of a CSV plan; a row csv cannot read (a cell over its size limit, say) refuses
    the plan at that line rather than raising."""
    try:
        yield from rows
    except csv.Error as exc:
        line = getattr(rows, "line_num", None) or None
        raise InvalidPlan([InputError(path, line, f"cannot be read as CSV: {exc}")]) from None


def _csv_value(key: str, cell: str) -> Any:
    cell = cell.strip()
    if key == "market":
        return [m.strip() for m in cell.replace(";", ",").split(",") if m.strip()]
    if key == "sponsored":
        return {"true": True, "yes": True, "false": False, "no": False}.get(cell.lower(), cell)
    return cell


def _finished(path: str, entries: list[Planned], campaign: str | None, brand: str | None, markets: tuple[str, ...], claims: str | None) -> ContentPlan:
    """The plan, with duplicate ids reported (the first entry keeps its id)."""
    seen: set[str] = set()
    checked = []
    for planned in entries:
        if planned.entry.id in seen:
            error = InputError(path, planned.entry.line, f"entry {planned.entry.id}: field 'id': used by an earlier entry; ids must be unique")
            planned = dataclasses.replace(planned, problems=(*planned.problems, error))
        seen.add(planned.entry.id)
        checked.append(planned)
    register = str(Path(path).parent / claims) if claims else None
    return ContentPlan(path, tuple(checked), campaign, brand, markets, register)


def _broken(entry_id: str, line: int, error: InputError) -> Planned:
    return Planned(Entry(entry_id, line=line), {}, frozenset(), problems=(error,))


def _entry(
    path: str, raw: Mapping[str, Any], line: int, field_lines: Mapping[str, int],
    defaults: Mapping[str, Any], campaign: str | None, text_origin: Origin | None,
) -> Planned:
    problems: list[InputError] = []
    entry_id = raw.get("id")
    if isinstance(entry_id, (int, float)) and not isinstance(entry_id, bool):
        entry_id = str(entry_id)
    label = entry_id if isinstance(entry_id, str) and entry_id.strip() else f"at line {line}"

    def problem(key: str, message: str) -> None:
        problems.append(InputError(path, field_lines.get(key, line), f"entry {label}: field '{key}': {message}"))

    for key in raw:
        if key not in ENTRY_FIELDS:
            problems.append(InputError(path, field_lines[key], f"entry {label}: unknown field '{key}'{_did_you_mean(key, ENTRY_FIELDS)}"))
    if not isinstance(entry_id, str) or not entry_id.strip():
        problem("id", "missing: every entry needs an id")
    date = _date(raw.get("date"))
    if raw.get("date") is not None and date is None:
        problem("date", f"'{raw['date']}' is not a date such as 2027-01-11")
    folder = Path(path).parent
    draft, captions, text = _path(raw, "draft", folder, problem), _path(raw, "captions", folder, problem), raw.get("text")
    if draft is not None and text is not None:
        problem("text", "give either 'draft' (a file) or 'text' (the post inline), not both")
    elif "draft" not in raw and text is None:
        problem("draft", "missing: give 'draft' (a file relative to the plan) or 'text'")
    if text is not None and not isinstance(text, str):
        problem("text", "must be a string")
    if captions is not None and captions.suffix.lower() not in CAPTION_SUFFIXES:
        problem("captions", f"must be a caption file ({', '.join(CAPTION_SUFFIXES)})")
    own = {key: raw[key] for key in POST_FIELDS if key in raw}
    fields = {**{k: v for k, v in defaults.items() if v is not None}, **own}
    try:  # the post fields (and an inline text) are validated here, so the error names the plan's line
        post_from_fields({**fields, "text": text if isinstance(text, str) else "-"}, Origin(path), default_id="-")
    except FieldError as exc:
        problem(exc.field, str(exc).removeprefix(f"field '{exc.field}': "))
    describe = {key: raw.get(key) for key in ("pillar", "goal", "creator", "campaign")}
    for key, value in describe.items():
        if value is not None and not isinstance(value, str):
            problem(key, "must be a string")
    market = fields.get("market") or ()
    entry = Entry(
        id=label if isinstance(entry_id, str) and entry_id.strip() else f"line {line}",
        date=date,
        platform=_lower(fields.get("platform")), format=_lower(fields.get("format")),
        campaign=_str(describe["campaign"]) or campaign, creator=_str(describe["creator"]),
        pillar=_str(describe["pillar"]) or _str(describe["goal"]), relationship=_lower(fields.get("relationship")),
        market=tuple(m.lower() for m in ([market] if isinstance(market, str) else market) if isinstance(m, str)),
        draft=_str(raw.get("draft")), line=line,
    )
    return Planned(
        entry, fields, frozenset(own), text if isinstance(text, str) else None, text_origin, draft, captions, tuple(problems),
    )


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _lower(value: Any) -> str | None:
    text = _str(value)
    return text.lower() if text else None


def _date(value: Any) -> datetime.date | None:
    """The entry's date, or None when there is none or it is not a date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _path(raw: Mapping[str, Any], key: str, folder: Path, problem: Any) -> Path | None:
    """A file the entry names, resolved inside the plan's folder (symbolic links followed)."""
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problem(key, "must be a path relative to the plan")
        return None
    given = Path(value.strip())
    resolved = (folder / given).resolve()
    if given.is_absolute() or not resolved.is_relative_to(folder.resolve()):
        problem(key, f"'{value}' is outside the plan's folder; drafts must sit in its folder tree")
        return None
    return resolved


def _yaml_text_origin(path: str, source_lines: list[str], line: int) -> Origin:
    """Where inline text sits in a YAML plan: after `text:` on its line, or for a literal
    block (`text: |`) on the indented lines below, each at its indentation."""
    head = source_lines[line - 1]
    after = head.split(":", 1)[1] if ":" in head else ""
    if after.strip()[:1] in ("|", ">"):
        first = line + 1
        body = source_lines[first - 1 :] if first <= len(source_lines) else []
        indent = len(body[0]) - len(body[0].lstrip()) if body else 0
        return Origin(path, lines=tuple((first + i, indent + 1) for i in range(len(body))))
    column = len(head) - len(after.lstrip()) + 1
    return Origin(path, line, column + (after.strip()[:1] in ("'", '"')))


# What calendars often call the fields this plan names otherwise.
SYNONYMS = {"channel": "platform", "network": "platform", "type": "format", "caption": "text", "file": "draft", "handle": "creator", "country": "market"}


def _did_you_mean(key: str, allowed: tuple[str, ...]) -> str:
    close = [SYNONYMS[key]] if SYNONYMS.get(key) in allowed else difflib.get_close_matches(key, allowed, n=1)
    return f" (did you mean '{close[0]}'?)" if close else f" (allowed: {', '.join(allowed)})"


def posts(plan: ContentPlan, own_handles: frozenset[str] = frozenset()) -> Iterator[tuple[Planned, Post | tuple[InputError, ...]]]:
    """Each entry with its post, or with the errors that kept it from being checked. An entry by
    one of the brand's own handles that states no relationship is the brand's own channel."""
    for planned in plan.entries:
        creator = (planned.entry.creator or "").lower()
        if creator in own_handles and "relationship" not in planned.fields:
            planned = dataclasses.replace(
                planned, fields={**planned.fields, "relationship": "advertiser"}, overrides=planned.overrides | {"relationship"},
                entry=dataclasses.replace(planned.entry, relationship="advertiser"),
            )
        yield planned, planned.problems or read_entry(planned, plan)


def read_entry(planned: Planned, plan: ContentPlan) -> Post | tuple[InputError, ...]:
    entry = planned.entry
    if planned.text is not None:
        post = post_from_fields({**planned.fields, "text": planned.text}, planned.text_origin or Origin(plan.path), default_id=entry.id)
    else:
        draft = _draft(planned, plan)
        if not isinstance(draft, Post):
            return draft
        own = {key: value for key, value in planned.fields.items() if key in planned.overrides or _unset(getattr(draft, key))}
        validated = post_from_fields({**own, "text": "-"}, draft.origin, default_id=entry.id)
        changes = {key: getattr(validated, key) for key in own}
        if "transcript" in own:
            changes["cue_times"] = validated.cue_times
        post = dataclasses.replace(draft, **changes)
    post = dataclasses.replace(post, id=entry.id)
    if planned.captions is not None:
        shown = _shown(plan, planned.captions)
        data = read_bytes(planned.captions, shown)
        cues = data if isinstance(data, InputError) else read_cues(data, shown)
        if isinstance(cues, InputError):
            return (_for_entry(cues, entry),)
        if cues.errors:  # a skipped cue would make the transcript look as if it never said something
            return tuple(_for_entry(error, entry) for error in cues.errors)
        post = dataclasses.replace(post, transcript=cues.text, cue_times=cues.cue_times)
    return post


def _unset(value: Any) -> bool:
    return value is None or value == ()


def _draft(planned: Planned, plan: ContentPlan) -> Post | tuple[InputError, ...]:
    entry = planned.entry
    assert planned.draft is not None
    shown = _shown(plan, planned.draft)
    if not planned.draft.is_file():
        return (InputError(plan.path, entry.line, f"entry {entry.id}: draft '{entry.draft}' does not exist"),)
    reader = READERS.get(planned.draft.suffix.lower())
    if reader is None:
        return (InputError(plan.path, entry.line, f"entry {entry.id}: draft '{entry.draft}' is not a supported file type ({', '.join(sorted(READERS))})"),)
    data = read_bytes(planned.draft, shown)
    if isinstance(data, InputError):
        return (_for_entry(data, entry),)
    items = list(reader(data, shown))
    errors = tuple(_for_entry(item, entry) for item in items if isinstance(item, InputError))
    found = [item for item in items if isinstance(item, Post)]
    if errors:
        return errors
    if len(found) != 1:
        return (InputError(shown, None, f"entry {entry.id}: the draft holds {len(found)} posts; a plan's draft holds one"),)
    return found[0]


def _shown(plan: ContentPlan, path: Path) -> str:
    """A draft's path as the user would type it: the plan's folder joined with the entry's path."""
    try:
        return str(plan.folder / path.relative_to(plan.folder.resolve()))
    except ValueError:
        return str(path)


def _for_entry(error: InputError, entry: Entry) -> InputError:
    return InputError(error.path, error.line, f"entry {entry.id}: {error.message}")
