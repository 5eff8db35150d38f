"""Necessary literals of a regular expression: a cheap test that skips most regex scans.

`requirements(pattern)` returns sets of needles such that any text the pattern matches contains
at least one needle of every set, or None when nothing can be read off the pattern. Needles are
searched in the text's *word form*: lower-cased, every run of non-word characters made one
space, padded with a space at each end. A literal the pattern brackets with word boundaries
(`\\bad\\b`, or whitespace) becomes a whole-word needle, " ad ", so the many words that merely
contain "ad" ("made", "already") do not wake the pattern.

Testing that costs one pass of an Aho-Corasick automaton in C, far cheaper than running every
pattern, and it never skips a text a pattern would match. The pattern is read with the standard
library's regex parser; syntax that only the `regex` module knows makes the parse fail, and then
the pattern simply always runs.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Sequence

import ahocorasick

try:  # Python 3.11+
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MIN_NEEDLE = 2  # a single character filters too little to be worth a search
RAW = "\x00"  # marks a needle searched in the raw text: symbols the word form drops ("$", "%")
RAW_SYMBOLS = "$%€£@#★⭐"

Needles = frozenset[str]
Requirements = tuple[Needles, ...]

_NON_WORD = re.compile(r"\W+")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))


class _WordChars(dict):  # type: ignore[type-arg]
    """A str.translate table, filled as characters are met: word characters stay, every
    other character becomes a space (what `\\W` means for the regex engines)."""

    def __missing__(self, code: int) -> int:
        self[code] = code if _NON_WORD.match(chr(code)) is None else 32
        return self[code]


_WORD_CHARS = _WordChars()  # a cache, filled once per character


def word_form(text: str) -> str:
    return " " + " ".join(text.lower().translate(_WORD_CHARS).split()) + " "


@functools.lru_cache(maxsize=1024)
def parse(pattern: str) -> Any:
    """The stdlib's parse tree of a pattern (shared by validation and the prefilter), or None
    when the stdlib does not know its syntax."""
    try:
        return sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - any syntax error: the caller decides what it means
        return None


def _usable(needle: str) -> bool:
    return needle.startswith(RAW) or len(needle.strip()) >= MIN_NEEDLE


# Fuzzy matching of the `regex` module ("(?:werbung){e<=1}"): the stdlib parser reads the braces
# as literal text, which would make a needle the text never contains.
_FUZZY = re.compile(r"\{[^{}]*\b[eids]\s*<")


def requirements(pattern: str) -> Requirements | None:
    if _FUZZY.search(pattern):
        return None
    parsed = parse(pattern)
    if parsed is None:  # syntax the stdlib parser does not know: no prefilter
        return None
    found = [needles for needles in _sequence(list(parsed)) if all(_usable(n) for n in needles)]
    # Most selective first: the first set indexes the pattern, so it should be rarely hit.
    found.sort(key=lambda needles: -_selectivity(needles))
    return tuple(found) or None


class Prefilter:
    """Which of many patterns can possibly match a text, found in one pass over it.

    An Aho-Corasick automaton finds every needle of every pattern at once (overlapping
    occurrences included); a pattern is a candidate when each of its needle sets is hit.
    Patterns with nothing to filter on are always candidates.
    """

    def __init__(self, patterns: Sequence[Requirements | None]) -> None:
        self.required = list(patterns)
        self.always = [i for i, required in enumerate(patterns) if required is None]
        self.by_needle: dict[str, list[int]] = {}
        for i, required in enumerate(patterns):
            for needle in required[0] if required else ():
                self.by_needle.setdefault(needle, []).append(i)
        self.automaton = ahocorasick.Automaton()
        needles = {n for required in patterns for group in required or () for n in group}
        self.raw = sorted(n for n in needles if n.startswith(RAW))
        for needle in needles - set(self.raw):
            self.automaton.add_word(needle, needle)
        if len(self.automaton):
            self.automaton.make_automaton()

    def candidates(self, text: str, words: str | None = None) -> list[int]:
        """Indexes, in order, of the patterns that may match `text` (`words`: its word form, if
        already computed)."""
        if not len(self.automaton) and not self.raw:
            return list(range(len(self.required)))
        present = {needle for _, needle in self.automaton.iter(words if words is not None else word_form(text))} if len(self.automaton) else set()
        present.update(n for n in self.raw if n[1:] in text)
        chosen = set(self.always)
        for needle in present:
            for i in self.by_needle.get(needle, ()):
                if i not in chosen and all(not needles.isdisjoint(present) for needles in self.required[i]):  # type: ignore[union-attr]
                    chosen.add(i)
        return sorted(chosen)


def _literal(text: str, bounded_before: bool, bounded_after: bool) -> str:
    """A literal as it appears in the word form of any text that contains it."""
    core = _NON_WORD.sub(" ", text.lower())
    lead = " " if bounded_before and not core.startswith(" ") else ""
    trail = " " if bounded_after and not core.endswith(" ") else ""
    return lead + core + trail


def _is_boundary(item: tuple[object, object] | None) -> bool:
    """Whether an item guarantees a non-word character (or the edge) next to what it touches."""
    if item is None:
        return False
    op, arg = item
    if op is sre.AT:
        return arg in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_END, sre.AT_BEGINNING_STRING, sre.AT_END_STRING)
    if op in _REPEATS and arg[0] >= 1:  # type: ignore[index]
        body = list(arg[2])  # type: ignore[index]
        return len(body) == 1 and body[0] == (sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])
    return op is sre.IN and arg == [(sre.CATEGORY, sre.CATEGORY_SPACE)]


def _sequence(items: list[tuple[object, object]]) -> list[Needles]:
    """Every needle set that a match of this sequence must satisfy."""
    found: list[Needles] = []
    i = 0
    while i < len(items):
        op, arg = items[i]
        before = _is_boundary(items[i - 1]) if i else False
        if op is sre.LITERAL:
            start = i
            while i < len(items) and items[i][0] is sre.LITERAL:
                i += 1
            run = "".join(chr(code) for _, code in items[start:i])  # type: ignore[arg-type]
            symbols = [c for c in run if c in RAW_SYMBOLS]
            if symbols and not _NON_WORD.sub("", run):  # only symbols: required in the raw text
                found.append(frozenset({RAW + symbols[0]}))
            if i < len(items) and items[i][0] is sre.BRANCH:
                # The parser factors a shared prefix out of alternatives ("t(?:hanks|hx)"):
                # glue it back onto the literal start of each alternative.
                after = _is_boundary(items[i + 1] if i + 1 < len(items) else None)
                found.append(frozenset().union(*(
                    _most_selective(_glued(run, list(alt), before, after), list(alt)) for alt in items[i][1][1]  # type: ignore[index]
                )))
                i += 1
                continue
            after = _is_boundary(items[i] if i < len(items) else None)
            if _NON_WORD.sub("", run):
                found.append(frozenset({_literal(run, before, after)}))
            continue
        after = _is_boundary(items[i + 1] if i + 1 < len(items) else None)
        if op is sre.BRANCH:
            best = [_alternative(list(branch), before, after) for branch in arg[1]]  # type: ignore[index]
            if all(b is not None for b in best):
                found.append(frozenset().union(*best))  # type: ignore[arg-type]
        else:
            found += _nested(op, arg)
        i += 1
    return found


def _nested(op: Any, arg: Any) -> list[Needles]:
    """Needle sets of a group, a repeat or a lookaround (parse-tree nodes are untyped)."""
    if op is sre.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(list(arg))
    if op in _REPEATS:
        low, _, body = arg
        return _sequence(list(body)) if low >= 1 else []
    if op is sre.ASSERT:  # a lookahead or lookbehind must match too
        return _sequence(list(arg[1]))
    return []


def _alternative(items: list[tuple[object, object]], before: bool, after: bool) -> Needles | None:
    """The needles of one alternative of a branch. Only an alternative that is a plain literal
    fills the branch from edge to edge, so only then do the branch's boundaries apply to it."""
    if items and all(op is sre.LITERAL for op, _ in items):
        return frozenset({_literal("".join(chr(code) for _, code in items), before, after)})  # type: ignore[arg-type]
    return _best(_sequence(items))


def _glued(prefix: str, items: list[tuple[object, object]], before: bool, after: bool) -> str:
    """The prefix joined to the leading literal of one alternative."""
    count = 0
    while count < len(items) and items[count][0] is sre.LITERAL:
        count += 1
    lead = "".join(chr(code) for _, code in items[:count])  # type: ignore[arg-type]
    return _literal(prefix + lead, before, after and count == len(items))


def _most_selective(glued: str, items: list[tuple[object, object]]) -> Needles:
    """Either the glued prefix or the alternative's own best needles, whichever filters more:
    both are in every text the alternative matches."""
    own = _best(_sequence(items))
    if own is not None and _selectivity(own) > _selectivity(frozenset({glued})):
        return own
    return frozenset({glued})


def _best(sets: list[Needles]) -> Needles | None:
    return max(sets, key=_selectivity, default=None)


# Words in most texts: a needle set made of them filters nothing, whatever its length.
_COMMON = frozenset("the and for with you your this that are was our not from have all can but get".split())


def _selectivity(needles: Needles) -> int:
    """How rare a needle set is likely to be: the length of its shortest word, 0 if common (a
    raw symbol counts as a short word)."""
    return min(2 if n.startswith(RAW) else 0 if n.strip() in _COMMON else len(n.strip()) for n in needles)
