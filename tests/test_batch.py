"""Batch checking: units of work, input order, worker processes, a bounded vocabulary."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from compliance import Checker, load_rulesets
from compliance import batch, engine
from compliance.model import InputError
from compliance.reporting import Record
from compliance.sources import Input, inputs

POSTS = [
    {"id": f"p{i}", "platform": "instagram", "text": text}
    for i, text in enumerate([
        "use code MAYA{n} for 15% off my fave serum",
        "#ad loving the new @glowco serum {n}",
        "walked the dog, made pasta {n}",
        "@brand sent me this {n} #sp",
        "this is not sponsored, I just love it {n}",
    ] * 120)
]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_rulesets(["us-ftc"]))


def write_jsonl(path: Path, posts: list[dict[str, str]], broken_at: int | None = None) -> Path:
    lines = [json.dumps({**p, "text": p["text"].format(n=i)}) for i, p in enumerate(posts)]
    if broken_at is not None:
        lines[broken_at] = '{"text": "unterminated'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def flat(outcomes: list[tuple[list[batch.Outcome], int]]) -> list[batch.Outcome]:
    return [item for items, _ in outcomes for item in items]


def test_json_lines_are_cut_at_line_ends_and_keep_their_numbers() -> None:
    blocks = [b'{"text": "a #ad"}\n{"te', b'xt": "b"}\n\n{"text": "c"}', b"\n"]
    units = list(batch.json_lines(blocks, "f.jsonl"))
    assert [(u.first_line, u.data) for u in units if isinstance(u, batch.Lines)] == [
        (1, b'{"text": "a #ad"}\n'), (2, b'{"text": "b"}\n\n'), (4, b'{"text": "c"}\n'),
    ]


def test_a_binary_file_is_one_error_not_one_per_block() -> None:
    units = list(batch.json_lines([b"\x00\x01binary\n", b"more\n"], "f.jsonl"))
    assert len(units) == 1 and isinstance(units[0], batch.Posts)
    (error,) = units[0].items
    assert isinstance(error, InputError) and "binary" in error.message


def test_outcomes_keep_errors_in_their_places(tmp_path: Path, checker: Checker) -> None:
    path = write_jsonl(tmp_path / "posts.jsonl", POSTS[:6], broken_at=2)
    items = flat(list(batch.run(batch.work_of(inputs([str(path)])), checker)))
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["Record", "Record", "InputError", "Record", "Record", "Record"]
    error = items[2]
    assert isinstance(error, InputError) and error.line == 3
    assert [item.post for item in items if isinstance(item, Record)] == ["p0", "p1", "p3", "p4", "p5"]


def test_two_jobs_give_the_same_records_in_the_same_order(tmp_path: Path, checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "BLOCK_BYTES", 2048)  # many units, so order across workers matters
    path = write_jsonl(tmp_path / "posts.jsonl", POSTS, broken_at=77)
    one = flat(list(batch.run(batch.work_of(inputs([str(path)])), checker, jobs=1)))
    two = flat(list(batch.run(batch.work_of(inputs([str(path)])), checker, jobs=2)))
    assert len(one) == len(POSTS) and sum(isinstance(i, InputError) for i in one) == 1
    assert one == two
    assert sum(len(r.findings) for r in one if isinstance(r, Record)) >= 100


def test_sizes_add_up_to_the_inputs(tmp_path: Path, checker: Checker) -> None:
    jsonl = write_jsonl(tmp_path / "posts.jsonl", POSTS[:10])
    draft = tmp_path / "draft.md"
    draft.write_text("#ad my serum\n", encoding="utf-8")
    sources = list(inputs([str(jsonl), str(draft)]))
    sizes = [size for _, size in batch.run(batch.work_of(sources), checker)]
    assert sum(sizes) == sum(map(batch.size_of, sources)) == jsonl.stat().st_size + draft.stat().st_size


def test_standard_input_json_lines_are_streamed(checker: Checker) -> None:
    data = "".join(json.dumps({**p, "text": p["text"].format(n=i)}) + "\n" for i, p in enumerate(POSTS[:5])).encode()
    units = list(batch.work_of([Input("<stdin>", None, "auto")], io.BytesIO(data)))
    assert all(isinstance(u, batch.Lines) for u in units)
    records = flat(list(batch.run(units, checker)))
    assert [r.post for r in records if isinstance(r, Record)] == ["p0", "p1", "p2", "p3", "p4"]


def test_standard_input_in_another_format(checker: Checker) -> None:
    units = list(batch.work_of([Input("<stdin>", None, "auto")], io.BytesIO(b"---\nplatform: x\n---\nuse code DANI20 at checkout\n")))
    (record,) = flat(list(batch.run(units, checker)))
    assert isinstance(record, Record) and [f.rule for f in record.findings] == ["US-D-14"]


def test_a_renewed_vocabulary_gives_the_same_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Words no other test has shown the shared pipeline, so they are new strings to it.
    path = write_jsonl(tmp_path / "posts.jsonl", [{**p, "text": p["text"] + " renewzq{n}x"} for p in POSTS])
    monkeypatch.setattr(engine, "NEW_STRINGS_LIMIT", 50)
    renewing = Checker(load_rulesets(["us-ftc"]))
    first_nlp = renewing.nlp
    after = flat(list(batch.run(batch.work_of(inputs([str(path)])), renewing)))
    assert renewing.nlp is not first_nlp  # it was rebuilt
    monkeypatch.setattr(engine, "NEW_STRINGS_LIMIT", 10**9)
    before = flat(list(batch.run(batch.work_of(inputs([str(path)])), Checker(load_rulesets(["us-ftc"])))))
    assert after == before
