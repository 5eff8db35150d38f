"""Safe fixes: edits of a post's text that resolve a finding without changing what it says.

A rule offers a fix by name (its `fix` field, see rules/schema.py FIXES); `fix_for` turns a hit
into a `Fix` in offsets of the post's text, or None when the edit would not be safe. Then
`fix_files` maps the fixes of checked posts into their source files, applies them, and
`unified_diff` previews them (`--diff`) or `write` saves them (`--fix`), each file atomically.

Only files whose post text sits in one piece in the file are fixed: plain text, Markdown bodies
(the front matter never changes), and the `text` strings of JSON and JSON Lines posts (the
insertion JSON-escaped). Caption files, CSV cells and content plans are reported, not edited.
Like ruff, overlapping fixes are not applied together: with a `recheck`, the file is checked
again and what is still raised is fixed in the next pass, until nothing changes.
"""

from __future__ import annotations

import codecs
import dataclasses
import difflib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from .checks.base import Hit
from .model import Finding, Fix, InputError, Post
from .rules.schema import Rule
from .sources import READERS, STDIN_NAME

if TYPE_CHECKING:
    from .engine import Result

# The file types whose posts are fixed, and how each kind of refused file is named.
TEXT_FILES = (".txt", ".md", ".markdown")
JSON_FILES = (".json", ".jsonl", ".ndjson")
REFUSED_KINDS = {".srt": "caption", ".vtt": "caption", ".csv": "CSV", ".yaml": "content plan", ".yml": "content plan"}
MAX_PASSES = 10

# A label the `replace_label` fix may replace: one hashtag or one word, perhaps in brackets or
# with a colon ("#sp", "#a\u200bd", "[аd]"); never a phrase, a mention or a link.
_SHORT_LABEL = re.compile(r"[#\[(]?[^\s#@/\[\]()<>]{1,30}[\])]?:?")
# Hashtags that say something besides a vague sponsorship: a thank-you, a contest entry (which
# needs "contest" or "sweepstakes", not "#ad"). Replacing them would change what the post says.
_NOT_ONLY_A_LABEL = re.compile(r"(?i)[#\[(]?(?:thank|thx|sweep|giveaway|contest)")
# Lines where "label + space" would change the Markdown structure (a heading, a quote, a list, a
# fence, a table, HTML): the label goes on a line of its own before them.
_BLOCK_START = re.compile(r"#{1,6}(?:[ \t]|$)|>|[-*+][ \t]|\d{1,9}[.)][ \t]|```|~~~|<|\|", re.MULTILINE)


# --- The fix of one hit -------------------------------------------------------------------------


def fix_for(rule: Rule, hit: Hit, post: Post, preferred_label: str | None) -> Fix | None:
    """The safe edit of `post.text` that resolves `rule`'s `hit`, or None: the rule has no fix,
    the set no preferred label, the label is already there, or the edit would not be safe."""
    if not rule.fix or not preferred_label:
        return None
    if rule.fix == "insert_label":
        return _insertion(post.text, preferred_label)
    if rule.fix == "replace_label":
        return _replacement(post.text, hit, preferred_label)
    return None


def starts_with_label(text: str, label: str) -> bool:
    """Whether `text` starts with `label` after leading whitespace (as a whole word: "#adventure"
    does not start with "#ad"; case does not matter)."""
    rest = text.lstrip()
    if rest[: len(label)].casefold() != label.casefold():
        return False
    after = rest[len(label) : len(label) + 1]
    return not (after and _is_word(after) and _is_word(label[-1:]))


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _insertion(text: str, label: str) -> Fix | None:
    """The label and a space before the first character of the text (a blank line after it
    when the text starts with a Markdown block such as a heading)."""
    at = len(text) - len(text.lstrip())
    if at == len(text) or starts_with_label(text, label):
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    gap = newline * 2 if _BLOCK_START.match(text, at) else " "
    return Fix(at, at, label + gap)


def _replacement(text: str, hit: Hit, label: str) -> Fix | None:
    """The reported label replaced by the preferred one, when it is a label and nothing more."""
    if hit.start is None or hit.end is None or not 0 <= hit.start < hit.end <= len(text):
        return None
    matched = text[hit.start : hit.end]
    if matched == label or not _SHORT_LABEL.fullmatch(matched) or _NOT_ONLY_A_LABEL.match(matched):
        return None
    return Fix(hit.start, hit.end, label)


# --- Applying fixes -----------------------------------------------------------------------------

APPLIED, DUPLICATE, OVERLAP, INVALID = "applied", "duplicate", "overlap", "invalid"


def apply(text: str, fixes: Iterable[Fix]) -> str:
    """`text` with the fixes applied, in order of position. A fix that overlaps or touches one
    before it is skipped (as ruff does: the next run applies it if it is still needed); the same
    fix given twice (two findings asking for the same insertion) is applied once."""
    edits = [(f.start, f.end, f.replacement) for f in fixes]
    return _splice(text, edits, _statuses(edits, len(text)))


def _statuses(edits: Sequence[tuple[int, int, str]], size: int) -> list[str]:
    """For each edit (start, end, replacement): applied, a duplicate of an applied one, skipped
    because it overlaps one before it, or invalid (outside the text)."""
    statuses = [INVALID] * len(edits)
    last: tuple[int, int, str] | None = None
    for i in sorted(range(len(edits)), key=lambda i: edits[i]):
        start, end, replacement = edits[i]
        if not 0 <= start <= end <= size:
            continue
        if last is not None and edits[i] == last:
            statuses[i] = DUPLICATE
        elif last is not None and start <= last[1]:
            statuses[i] = OVERLAP
        else:
            statuses[i] = APPLIED
            last = edits[i]
    return statuses


def _splice(text: str, edits: Sequence[tuple[int, int, str]], statuses: Sequence[str]) -> str:
    parts, at = [], 0
    for start, end, replacement in sorted(e for e, status in zip(edits, statuses) if status == APPLIED):
        parts += [text[at:start], replacement]
        at = end
    return "".join(parts) + text[at:]


# --- Where fixes land in the source file ---------------------------------------------------------


def file_edits(source_text: str, post: Post, fixes: Iterable[Fix]) -> list[tuple[int, int, str]] | str:
    """Where each fix of `post` lands in its source file: (start, end, replacement) in character
    offsets of `source_text` (the file as its reader saw it: decoded, without a BOM), or the
    reason the post's file is not fixed."""
    refused = refusal(post)
    if refused:
        return refused
    origin = post.origin
    starts = _line_starts(source_text)

    def offset(text_offset: int) -> int | None:
        line, column = origin.locate(post.text, text_offset)
        if not 1 <= line <= len(starts) or column < 1:
            return None
        return starts[line - 1] + column - 1

    changed = "the file has changed since it was checked; not fixed"
    literal = origin.literal
    if literal is not None:  # the JSON string, escapes and all, must still be where it was
        base = offset(0)
        if base is None or source_text[base : base + len(literal)] != literal:
            return changed
    edits = []
    for fix in fixes:
        start, end = offset(fix.start), offset(fix.end)
        if start is None or end is None or (literal is None and not _still_there(source_text, start, post, fix)):
            return changed
        replacement = fix.replacement if literal is None else _json_string(fix.replacement, literal.isascii())
        edits.append((start, end, replacement))
    return edits


def refusal(post: Post) -> str | None:
    """Why this post is not fixed in its file, or None."""
    refused = file_refusal(post.origin.path)
    if refused:
        return refused
    extension = os.path.splitext(post.origin.path)[1].lower()
    if extension in TEXT_FILES and post.origin.literal is None and post.origin.lines is None:
        return None
    if extension in JSON_FILES and post.origin.literal is not None:
        return None
    return "the post's text is not written in one piece in the file; not fixed"


def file_refusal(path: str) -> str | None:
    """Why the posts of a file are not fixed (standard input, a file type fixes leave alone), or None."""
    if path == STDIN_NAME:
        return "fixes are not applied to standard input"
    extension = os.path.splitext(path)[1].lower()
    if extension in TEXT_FILES or extension in JSON_FILES:
        return None
    kind = REFUSED_KINDS.get(extension) or (f"'{extension}'" if extension else "extensionless")
    return f"fixes are not applied to {kind} files"


def _line_starts(text: str) -> list[int]:
    """Offset of the first character of each line; lines end at "\\n", as Origin counts them."""
    starts = [0]
    at = text.find("\n")
    while at != -1:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _still_there(source: str, start: int, post: Post, fix: Fix) -> bool:
    """Whether the file still holds what the post's text has at the fix: the replaced characters
    and the rest of their line. (Not the whole text: a Markdown suppression directive is blanked
    out of it, but stands on a line of its own, never on a fixed line.)"""
    line_end = post.text.find("\n", fix.end)
    expected = post.text[fix.start : len(post.text) if line_end == -1 else line_end]
    return source[start : start + len(expected)] == expected


def _json_string(value: str, ascii_only: bool) -> str:
    """`value` as the inside of a JSON string, escaped as the file's own strings are."""
    return json.dumps(value, ensure_ascii=ascii_only)[1:-1]


# --- Fixing files --------------------------------------------------------------------------------

# Checks posts again, as the run that produced the results did (its selection, its defaults, its
# suppressions marked): `checker.check_all`, or a wrapper around it.
Recheck = Callable[[Sequence[Post]], Iterable["Result"]]


@dataclass(frozen=True)
class FixRecord:
    """One finding's fix: where it was reported, and why it was not applied when it was not."""

    path: str
    post: str
    rule: str
    line: int
    column: int
    fix: Fix
    reason: str = ""

    def __str__(self) -> str:
        said = f": {self.reason}" if self.reason else ""
        return f"{self.path}:{self.line}:{self.column}: {self.rule}{said}"


@dataclass(frozen=True)
class FileFix:
    """A file's text before and after its fixes (`old` == `new` when nothing was applied).
    Texts are decoded, without the BOM (`bom`: the file starts with one, and keeps it)."""

    path: str
    old: str
    new: str
    applied: tuple[FixRecord, ...] = ()
    skipped: tuple[FixRecord, ...] = ()
    bom: bool = False

    @property
    def changed(self) -> bool:
        return self.new != self.old

    def encoded(self, text: str) -> bytes:
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")


@dataclass(frozen=True)
class FixOutcome:
    files: tuple[FileFix, ...] = ()

    @property
    def changed(self) -> tuple[FileFix, ...]:
        return tuple(f for f in self.files if f.changed)

    @property
    def applied(self) -> tuple[FixRecord, ...]:
        return tuple(record for f in self.files for record in f.applied)

    @property
    def skipped(self) -> tuple[FixRecord, ...]:
        return tuple(record for f in self.files for record in f.skipped)


def fixable(finding: Finding) -> bool:
    """Whether a finding asks for a fix: it has one, and nobody accepted it as it is."""
    return finding.fix is not None and not finding.suppressed


def fix_files(results: Iterable[Result], recheck: Recheck | None = None, max_passes: int = MAX_PASSES) -> FixOutcome:
    """The fixes of the findings in `results`, applied to the text of their files (nothing is
    written: see `write`). Suppressed findings are not fixed. Without `recheck`, one pass: a fix
    that overlaps another is skipped. With it, each fixed file's posts are checked again and the
    fixes still offered are applied, until none is (at most `max_passes` passes)."""
    by_path: dict[str, list[tuple[Post, tuple[Finding, ...]]]] = {}
    for result in results:
        if any(fixable(f) for f in result.findings):
            by_path.setdefault(result.post.origin.path, []).append((result.post, result.findings))
    return FixOutcome(tuple(_fix_file(path, posts, recheck, max_passes) for path, posts in by_path.items()))


def _record(post: Post, finding: Finding, reason: str = "") -> FixRecord:
    assert finding.fix is not None
    return FixRecord(post.origin.path, post.id, finding.rule, finding.line, finding.column, finding.fix, reason)


def _refused(path: str, posts: list[tuple[Post, tuple[Finding, ...]]], reason: str, old: str = "", bom: bool = False) -> FileFix:
    skipped = tuple(_record(post, f, reason) for post, findings in posts for f in findings if fixable(f))
    return FileFix(path, old, old, (), skipped, bom)


def _fix_file(path: str, pending: list[tuple[Post, tuple[Finding, ...]]], recheck: Recheck | None, max_passes: int) -> FileFix:
    refused = file_refusal(path)
    if refused:
        return _refused(path, pending, refused)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return _refused(path, pending, f"cannot be read: {exc.strerror or exc}")
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        old = data[len(codecs.BOM_UTF8) if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        return _refused(path, pending, "is not valid UTF-8; not fixed")
    reader = READERS[os.path.splitext(path)[1].lower()]
    posts_now = [p for p in reader(data, path) if isinstance(p, Post)]
    current = old
    applied: list[FixRecord] = []
    skipped: list[FixRecord] = []
    for number in range(max_passes):
        edits: list[tuple[int, int, str]] = []
        owners: list[tuple[Post, Finding]] = []
        for post, findings in pending:
            wanted = [f for f in findings if fixable(f)]
            mapped = file_edits(current, post, [f.fix for f in wanted if f.fix is not None]) if wanted else []
            if isinstance(mapped, str):
                skipped += [_record(post, f, mapped) for f in wanted]
                continue
            edits += mapped
            owners += [(post, f) for f in wanted]
        if not edits:
            break
        statuses = _statuses(edits, len(current))
        fixed = _splice(current, edits, statuses)
        posts_next = [p for p in reader(FileFix(path, "", "", bom=bom).encoded(fixed), path)]
        problem = _reads_back(posts_now, posts_next, pending, owners, statuses)
        if problem:
            return _refused(path, pending, f"the fixed file would not read back as it should ({problem}); not fixed", old, bom)
        final = recheck is None or number == max_passes - 1
        for (post, finding), status in zip(owners, statuses):
            if status in (APPLIED, DUPLICATE):
                applied.append(_record(post, finding))
            elif final:
                reason = "overlaps another fix; run the fixes again" if status == OVERLAP else "outside the post's text"
                skipped.append(_record(post, finding, reason))
        current = fixed
        new_posts = [p for p in posts_next if isinstance(p, Post)]
        if recheck is None:
            break
        pending = _checked_again(recheck, pending, posts_now, new_posts)
        posts_now = new_posts
    else:
        if recheck is not None:
            still = [(p, f) for p, findings in pending for f in findings if fixable(f)]
            skipped += [_record(p, f, f"still offered after {max_passes} passes of fixes") for p, f in still]
    return FileFix(path, old, current, tuple(applied), tuple(skipped), bom)


def _key(post: Post) -> tuple[int, int]:
    return post.origin.line, post.origin.column


def _reads_back(
    before: list[Post], after: list[Post | InputError], pending: list[tuple[Post, tuple[Finding, ...]]],
    owners: list[tuple[Post, Finding]], statuses: list[str],
) -> str | None:
    """Why the fixed file is not the same file with the fixed texts, or None: every post is read
    back, with the same fields, and each fixed post's text is its old text with its fixes."""
    errors = [item for item in after if isinstance(item, InputError)]
    if errors:
        return str(errors[0])
    posts = [item for item in after if isinstance(item, Post)]
    if len(posts) != len(before):
        return f"{len(posts)} posts instead of {len(before)}"
    for old, new in zip(before, posts):
        if _fields(old) != _fields(new):
            return f"post {old.id} has other fields"
    index = {_key(post): i for i, post in enumerate(before)}
    for post, _ in pending:
        i = index.get(_key(post))
        if i is None:
            return f"post {post.id} is not where it was checked"
        fixes = [f.fix for (owner, f), status in zip(owners, statuses) if owner is post and status in (APPLIED, DUPLICATE) and f.fix]
        expected = apply(before[i].text, fixes)
        if posts[i].text != expected:
            return f"post {post.id} does not have the fixed text"
    return None


def _fields(post: Post) -> dict[str, object]:
    """A post's fields, except its text and where it is (which fixes change)."""
    values = {f.name: getattr(post, f.name) for f in dataclasses.fields(post) if f.name not in ("text", "origin", "ignores")}
    values["ignores"] = [(ignore.rules, ignore.reason) for ignore in post.ignores]
    values["extra"] = dict(post.extra)
    return values


def _checked_again(
    recheck: Recheck, pending: list[tuple[Post, tuple[Finding, ...]]], before: list[Post], after: list[Post],
) -> list[tuple[Post, tuple[Finding, ...]]]:
    """The pending posts with their fixed texts, checked again. A post keeps the fields it was
    checked with (a content plan's entry fields, --platform): only its text and place change."""
    index = {_key(post): i for i, post in enumerate(before)}
    posts = []
    for post, _ in pending:
        new = after[index[_key(post)]]
        posts.append(dataclasses.replace(post, text=new.text, origin=new.origin, ignores=new.ignores))
    return [(result.post, result.findings) for result in recheck(posts) if any(fixable(f) for f in result.findings)]


# --- Showing and writing ---------------------------------------------------------------------------


def unified_diff(outcome: FixOutcome) -> str:
    """The changes as a unified diff, `a/path` and `b/path` headers, one file after another."""
    chunks = []
    for file in outcome.changed:
        shown = _shown(file.path)
        old_name, new_name = (f"a/{shown}", f"b/{shown}") if not os.path.isabs(shown) else (shown, shown)
        lines = difflib.unified_diff(_lines(file.old), _lines(file.new), old_name, new_name)
        chunks += [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines]
    return "".join(chunks)


def _shown(path: str) -> str:
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def _lines(text: str) -> list[str]:
    """Lines with their ends; only "\\n" ends a line ("\\r\\n" lines keep their "\\r")."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def write(outcome: FixOutcome) -> list[InputError]:
    """Write each changed file: a temporary file beside it, moved into place (a crash never
    leaves half a file), with the file's permissions. A file that changed since it was read is
    left alone. Returns the files that could not be written."""
    errors = []
    for file in outcome.changed:
        target = Path(os.path.realpath(file.path))  # a symbolic link stays a link to the fixed file
        try:
            if target.read_bytes() != file.encoded(file.old):
                errors.append(InputError(file.path, None, "changed since it was checked; not fixed"))
                continue
            mode = target.stat().st_mode & 0o7777
            handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".fix", delete=False)
            try:
                with handle:
                    handle.write(file.encoded(file.new))
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(handle.name, mode)
                os.replace(handle.name, target)
            except BaseException:
                os.unlink(handle.name)
                raise
        except OSError as exc:
            errors.append(InputError(file.path, None, f"could not be written: {exc.strerror or exc}; not fixed"))
    return errors
