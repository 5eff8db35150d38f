"""Checking many posts: units of work, checked in this process or in worker processes, with
results in input order and memory that does not grow with the number of posts.

A unit is either a run of lines of a JSON Lines file (read in blocks and parsed where it is
checked, so the main process only cuts bytes) or a group of posts another reader produced.
Workers are forked from the process that built the Checker, so they start with its compiled
rule sets and pipeline instead of building their own.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import multiprocessing
import signal
from collections import deque
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator, Mapping, Union

from .engine import Checker, Result
from .model import InputError, Post
from .reporting.report import Record
from .sources import Input, jsonl, read_input, sniff
from .sources.files import binary_error, is_binary

BLOCK_BYTES = 1 << 20  # a JSON Lines unit: about 3,000 posts of a typical size
GROUP_POSTS = 256  # a unit of posts from other readers
WINDOW_PER_JOB = 3  # units in flight per worker: enough to keep it busy, few enough to bound memory


@dataclass(frozen=True)
class Lines:
    """Whole lines of a JSON Lines file, starting at line `first_line`."""

    path: str
    first_line: int
    data: bytes
    limits: Mapping[str, int] = dataclasses.field(default_factory=dict)  # max_post_size, max_line_length

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class Posts:
    """Posts (and the input errors met among them, in their places) read by another reader.
    `size`: the bytes of input they stand for, for progress."""

    items: tuple[Post | InputError, ...]
    size: int = 0


Work = Union[Lines, Posts]
Outcome = Union[Record, InputError]


def work_of(
    sources: Iterable[Input | InputError], stdin: BinaryIO | None = None, columns: Mapping[str, str] | None = None,
    limits: Mapping[str, int] | None = None,
) -> Iterator[Work]:
    """The units of work of the inputs, in input order. `limits`: max_post_size, max_line_length."""
    limits = dict(limits or {})
    for source in sources:
        if isinstance(source, InputError):
            yield Posts((source,))
        elif source.path is None:
            yield from _stdin(source, stdin, columns, limits)
        elif source.format == "jsonl":
            yield from _json_lines_file(source, limits)
        else:
            yield from grouped(read_input(source, None, columns, **limits), size_of(source))


def size_of(source: Input | InputError) -> int:
    """The bytes of a file input, for progress (0 for standard input and errors)."""
    try:
        return source.path.stat().st_size if isinstance(source, Input) and source.path is not None else 0
    except OSError:
        return 0


def _stdin(source: Input, stdin: BinaryIO | None, columns: Mapping[str, str] | None, limits: Mapping[str, int]) -> Iterator[Work]:
    """Standard input: streamed when it is JSON Lines, read whole otherwise."""
    stream = stdin or io.BytesIO()
    head = stream.read(BLOCK_BYTES)
    found = sniff(head) if source.format == "auto" else source.format
    if found == "jsonl":
        yield from json_lines(itertools.chain([head], iter(lambda: stream.read(BLOCK_BYTES), b"")), source.shown, limits)
    else:
        yield from grouped(read_input(Input(source.shown, None, found), io.BytesIO(head + stream.read()), columns, **limits))


def _json_lines_file(source: Input, limits: Mapping[str, int]) -> Iterator[Work]:
    assert source.path is not None
    try:
        with source.path.open("rb") as stream:
            yield from json_lines(iter(lambda: stream.read(BLOCK_BYTES), b""), source.shown, limits)
    except OSError as exc:
        yield Posts((InputError(source.shown, None, f"cannot be read: {exc.strerror or exc}"),))


def json_lines(blocks: Iterable[bytes], path: str, limits: Mapping[str, int] | None = None) -> Iterator[Work]:
    """A JSON Lines stream, as blocks of bytes, cut into units at line ends without parsing it."""
    first, rest = 1, b""
    for block in blocks:
        if not block:
            continue
        if first == 1 and not rest and is_binary(block):
            yield Posts((binary_error(path),), len(block))
            return
        data = rest + block
        cut = data.rfind(b"\n") + 1
        if cut:
            yield Lines(path, first, data[:cut], dict(limits or {}))
            first += data.count(b"\n", 0, cut)
        rest = data[cut:]
    if rest:
        yield Lines(path, first, rest, dict(limits or {}))


def grouped(items: Iterable[Post | InputError], size: int = 0) -> Iterator[Posts]:
    """Items in groups of GROUP_POSTS; the last group carries `size`."""
    iterator = iter(items)
    group = tuple(itertools.islice(iterator, GROUP_POSTS))
    while group:
        following = tuple(itertools.islice(iterator, GROUP_POSTS))
        yield Posts(group, 0 if following else size)
        group = following


def outcomes(work: Work, checker: Checker, keep_text: bool = False) -> list[Outcome]:
    """Check one unit: a record per post and the input errors, in input order."""
    items = list(jsonl.read(work.data, work.path, work.first_line, **work.limits)) if isinstance(work, Lines) else work.items
    results = checker.check_all([item for item in items if isinstance(item, Post)])
    return [item if isinstance(item, InputError) else record(next(results), keep_text) for item in items]


def record(result: Result, keep_text: bool = False) -> Record:
    post = result.post
    return Record(post.id, post.origin.path, result.findings, result.errors, text=post.text if keep_text else None)


def run(work: Iterable[Work], checker: Checker, jobs: int = 1, keep_text: bool = False) -> Iterator[tuple[list[Outcome], int]]:
    """The outcomes of each unit, in input order, with the unit's size in bytes."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for unit in work:
            yield outcomes(unit, checker, keep_text), unit.size
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_start_worker, initargs=(checker, keep_text)) as pool:
        units = iter(work)
        window = deque((pool.apply_async(_work, (unit,)), unit.size) for unit in itertools.islice(units, jobs * WINDOW_PER_JOB))
        while window:
            pending, size = window.popleft()
            done = pending.get()
            for unit in itertools.islice(units, 1):
                window.append((pool.apply_async(_work, (unit,)), unit.size))
            yield done, size


# A worker's own checker: set once when the worker starts (inherited from the parent by fork).
_worker: tuple[Checker, bool] | None = None


def _start_worker(checker: Checker, keep_text: bool) -> None:
    global _worker
    _worker = (checker, keep_text)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _work(unit: Work) -> list[Outcome]:
    assert _worker is not None
    return outcomes(unit, *_worker)
