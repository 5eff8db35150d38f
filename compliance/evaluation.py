"""Accuracy on an annotated corpus: precision, recall and F1 per category, and false alarms.

Each corpus post carries `expect`: the categories it must raise (empty: it must stay clean).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .engine import Result
from .model import CATEGORIES, InputError, Post


@dataclass(frozen=True)
class Score:
    category: str
    support: int  # posts annotated with the category
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)


@dataclass(frozen=True)
class Miss:
    post: Post
    expected: frozenset[str]
    raised: frozenset[str]


@dataclass
class Evaluation:
    scores: list[Score] = field(default_factory=list)
    posts: int = 0
    clean: int = 0
    false_alarms: int = 0
    misses: list[Miss] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def false_alarm_rate(self) -> float | None:
        return self.false_alarms / self.clean if self.clean else None

    @property
    def overall(self) -> Score:
        return Score("all", sum(s.support for s in self.scores), sum(s.tp for s in self.scores),
                     sum(s.fp for s in self.scores), sum(s.fn for s in self.scores))


def expected_categories(post: Post) -> frozenset[str] | InputError:
    expect = post.extra.get("expect")
    if not isinstance(expect, list) or not all(isinstance(c, str) for c in expect):
        return InputError(post.origin.path, post.origin.line, f"post {post.id}: field 'expect' must list the categories it must raise ([] for a clean post)")
    unknown = [c for c in expect if c not in CATEGORIES]
    if unknown:
        return InputError(post.origin.path, post.origin.line, f"post {post.id}: field 'expect': unknown categories {', '.join(unknown)}")
    return frozenset(expect)


def evaluate(results: Iterable[Result]) -> Evaluation:
    evaluation = Evaluation()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    support: Counter[str] = Counter()
    for result in results:
        expected = expected_categories(result.post)
        if isinstance(expected, InputError):
            evaluation.errors.append(expected)
            continue
        evaluation.errors += result.errors
        raised = frozenset(f.category for f in result.findings if not f.suppressed)
        evaluation.posts += 1
        support.update(expected)
        tp.update(expected & raised)
        fp.update(raised - expected)
        fn.update(expected - raised)
        if not expected:
            evaluation.clean += 1
            evaluation.false_alarms += bool(raised)
        if expected != raised:
            evaluation.misses.append(Miss(result.post, expected, raised))
    seen = set(support) | set(fp)
    evaluation.scores = [Score(c, support[c], tp[c], fp[c], fn[c]) for c in CATEGORIES if c in seen]
    return evaluation


def table(evaluation: Evaluation) -> str:
    def pct(value: float | None) -> str:
        return "   n/a" if value is None else f"{value:6.3f}"

    lines = [f"{'category':<24}{'posts':>6}{'TP':>5}{'FP':>5}{'FN':>5}  {'precision':>9}  {'recall':>6}  {'F1':>6}"]
    for s in [*evaluation.scores, evaluation.overall]:
        lines.append(f"{s.category:<24}{s.support:>6}{s.tp:>5}{s.fp:>5}{s.fn:>5}  {pct(s.precision):>9}  {pct(s.recall):>6}  {pct(s.f1):>6}")
    rate = evaluation.false_alarm_rate
    lines.append("")
    lines.append(
        f"{evaluation.posts} posts; clean posts: {evaluation.clean}, false alarms: {evaluation.false_alarms}"
        + (f" ({rate:.1%})" if rate is not None else "")
    )
    return "\n".join(lines)
