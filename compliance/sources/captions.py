"""Caption files (SubRip .srt, WebVTT .vtt): a video's spoken words, one post per file.

The post's text and transcript are the cue texts, one text line per cue line, and its origin
maps every text line back to the file line and column it came from, so a finding on a word
points at that word in the caption file. Written here rather than with pysrt or webvtt-py:
they do not tell on which line of the file a cue is.

A cue whose timing line is malformed is reported and skipped; the other cues are still read.
"""

from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass
from typing import Iterator

from ..model import InputError, Origin, Post
from .fields import MAX_POST_SIZE, FieldError, post_from_fields
from .files import decode

SRT_EXAMPLE = "00:01:02,500 --> 00:01:05,000"
VTT_EXAMPLE = "00:01:02.500 --> 00:01:05.000"

# SubRip: hours always; a "." for the "," is a common slip, and coordinates may follow.
_SRT_TIMING = re.compile(
    r"(\d+):(\d{2}):(\d{2})[,.](\d{3})[ \t]*-->[ \t]*(\d+):(\d{2}):(\d{2})[,.](\d{3})(?:[ \t].*)?"
)
# WebVTT: hours optional; cue settings ("align:start position:10%") may follow the end time.
_VTT_TIMING = re.compile(
    r"(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})[ \t]+-->[ \t]+(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})(?:[ \t].*)?"
)
# Markup that is not spoken: voice, class, italic, bold, underline, ruby and lang spans,
# karaoke timestamps (<00:00:01.000>), and in SubRip files <font> and {\an8} positioning.
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|<(?:\d+:)?\d{2}:\d{2}\.\d{3}>|\{\\[^{}\n]*\}")
_VTT_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


@dataclass(frozen=True)
class Cues:
    """The spoken words of a caption file, ready to be a post's transcript.

    `cue_times`: (offset in `text`, start in seconds) of each cue; `lines`: the file (line,
    column) where each line of `text` begins (for Origin.lines); `errors`: cues that were
    reported and skipped.
    """

    text: str
    cue_times: tuple[tuple[int, float], ...]
    lines: tuple[tuple[int, int], ...]
    errors: tuple[InputError, ...] = ()


@dataclass(frozen=True)
class _Cue:
    start: float
    lines: tuple[tuple[str, int, int], ...]  # (spoken words, file line, file column)


def read_srt(data: bytes, path: str, *, max_post_size: int = MAX_POST_SIZE) -> Iterator[Post | InputError]:
    yield from _read(data, path, vtt=False, max_post_size=max_post_size)


def read_vtt(data: bytes, path: str, *, max_post_size: int = MAX_POST_SIZE) -> Iterator[Post | InputError]:
    yield from _read(data, path, vtt=True, max_post_size=max_post_size)


def read_cues(data: bytes, path: str) -> Cues | InputError:
    """A caption file as a transcript (WebVTT when it says so or is named .vtt, else SubRip).
    An InputError when nothing can be read; otherwise skipped cues are in `Cues.errors`."""
    text = decode(data, path)
    if isinstance(text, InputError):
        return text
    vtt = path.lower().endswith(".vtt") or text.startswith("WEBVTT")
    cues, errors = parse(text, path, vtt)
    if cues is not None:
        return cues
    if len(errors) == 1:
        return errors[0]
    first = errors[0]  # say why: the cues that were there were skipped
    return InputError(path, first.line, f"{errors[-1].message} ({len(errors) - 1} problem(s); the first: {first.message})")


def _read(data: bytes, path: str, vtt: bool, max_post_size: int = MAX_POST_SIZE) -> Iterator[Post | InputError]:
    text = decode(data, path)
    if isinstance(text, InputError):
        yield text
        return
    cues, errors = parse(text, path, vtt)
    yield from errors
    if cues is None:
        return
    try:
        post = post_from_fields({"format": "video"}, Origin(path, lines=cues.lines), default_id=path, text=cues.text, max_post_size=max_post_size)
    except FieldError as exc:  # over max-post-size (cues with no words were skipped); reported, never raised
        yield InputError(path, None, f"{exc}; not checked")
        return
    # The spoken words are both what is checked as the text and the timed transcript.
    yield dataclasses.replace(post, transcript=cues.text, cue_times=cues.cue_times)


def parse(text: str, path: str, vtt: bool) -> tuple[Cues | None, list[InputError]]:
    """The cues of a caption file's text, and an error for each cue skipped (with a final
    "no cues" error, and None, when none could be read)."""
    lines = [line.rstrip() for line in text.split("\n")]  # rstrip: "\r" of CRLF, trailing spaces
    errors: list[InputError] = []
    first = 0
    if vtt:
        if re.match(r"WEBVTT(?:[ \t]|$)", lines[0]):
            first = 1  # the header block (WEBVTT and its metadata lines) ends at the first blank line
            while first < len(lines) and lines[first].strip() and "-->" not in lines[first]:
                first += 1
        else:
            errors.append(InputError(path, 1, "missing the 'WEBVTT' header on the first line (the cues are still read)"))
    cues: list[_Cue] = []
    for block in _blocks(lines, first):
        cue = _cue(block, path, vtt)
        if isinstance(cue, InputError):
            errors.append(cue)
        elif cue is not None and cue.lines:  # a cue with no words is skipped: nothing is said
            cues.append(cue)
    if not cues:
        example = VTT_EXAMPLE if vtt else SRT_EXAMPLE
        errors.append(InputError(path, None, f"no cues: expected cues with a timing line such as '{example}' and their text; not checked"))
        return None, errors
    texts: list[str] = []
    times: list[tuple[int, float]] = []
    positions: list[tuple[int, int]] = []
    offset = 0
    for cue in cues:
        times.append((offset, cue.start))
        for words, line, column in cue.lines:
            texts.append(words)
            positions.append((line, column))
            offset += len(words) + 1
    return Cues("\n".join(texts), tuple(times), tuple(positions), tuple(errors)), errors


def _blocks(lines: list[str], first: int) -> Iterator[list[tuple[int, str]]]:
    """Runs of non-blank lines, each line with its 1-based file line number; several blank
    lines in a row separate blocks as one does. A timing line inside a block (a blank line
    forgotten between two cues) starts a new block, with the cue number before it."""
    block: list[tuple[int, str]] = []
    for number, line in enumerate(lines[first:], start=first + 1):
        if not line.strip():
            if block:
                yield block
            block = []
            continue
        if "-->" in line and any("-->" in text for _, text in block):
            cut = len(block) - 1 if block[-1][1].strip().isdigit() else len(block)
            yield block[:cut]
            block = block[cut:]
        block.append((number, line))
    if block:
        yield block


def _cue(block: list[tuple[int, str]], path: str, vtt: bool) -> _Cue | InputError | None:
    """One block as a cue; None for a WebVTT NOTE, STYLE or REGION block."""
    number, first = block[0]
    if vtt and first.split(maxsplit=1)[0] in _VTT_SKIPPED_BLOCKS:
        return None
    # The timing line is the first line, or the second after a cue number or identifier.
    if "-->" in first or _looks_timed(first):
        at = 0
    elif len(block) > 1 and (first.strip().isdigit() or "-->" in block[1][1] or _looks_timed(block[1][1])):
        at = 1
    elif first.strip().isdigit():
        return InputError(path, number, f"cue {first.strip()} has no timing line; skipped")
    else:
        example = VTT_EXAMPLE if vtt else SRT_EXAMPLE
        return InputError(path, number, f"expected a cue: a timing line such as '{example}' (text outside a cue?); skipped to the next blank line")
    line_number, timing = block[at]
    start = _start_seconds(timing.strip(), vtt)
    if isinstance(start, str):
        return InputError(path, line_number, f"malformed timing line '{timing.strip()}': {start}; cue skipped")
    spoken = tuple(filter(None, (_spoken(raw, n, vtt) for n, raw in block[at + 1 :])))
    return _Cue(start, spoken)


def _looks_timed(line: str) -> bool:
    """A line meant as a timing line, however malformed: it starts with a time."""
    return re.match(r"\s*\d+:\d", line) is not None


def _start_seconds(line: str, vtt: bool) -> float | str:
    """When a cue starts, or what is wrong with its timing line."""
    match = (_VTT_TIMING if vtt else _SRT_TIMING).fullmatch(line)
    if match is None:
        return f"expected '{VTT_EXAMPLE if vtt else SRT_EXAMPLE}'" + (" (hours optional, cue settings may follow)" if vtt else "")
    h1, m1, s1, ms1, h2, m2, s2, ms2 = (int(part or 0) for part in match.groups())
    if max(m1, s1, m2, s2) >= 60:
        return "minutes and seconds must be below 60"
    start = h1 * 3600 + m1 * 60 + s1 + ms1 / 1000
    if h2 * 3600 + m2 * 60 + s2 + ms2 / 1000 < start:
        return "the cue ends before it starts"
    return start


def _spoken(raw: str, number: int, vtt: bool) -> tuple[str, int, int] | None:
    """A cue line's spoken words without markup (and, in WebVTT, with &amp; and the like
    decoded), with the file line and the column of its first word; None if nothing is said.

    Only where the line's words begin is exact: after a tag removed inside the line, columns
    shift by the tag's length (Origin.lines has one position per line)."""
    kept: list[tuple[int, str]] = []  # (index in raw, text) of the runs between tags
    position = 0
    for tag in _TAG.finditer(raw):
        kept.append((position, raw[position : tag.start()]))
        position = tag.end()
    kept.append((position, raw[position:]))
    begins = next((at + len(run) - len(run.lstrip()) for at, run in kept if run.strip()), None)
    words = "".join(run for _, run in kept).strip()
    if vtt:
        words = html.unescape(words).strip()
    return (words, number, begins + 1) if words and begins is not None else None
