"""Undo the tricks that hide a label from a matcher, keeping a map back to the raw text.

NFKC folds full-width and styled letters (`＃ａｄ`, `#𝗮𝗱`), zero-width characters are dropped
(`#a\u200bd`), and Latin look-alikes from Cyrillic and Greek are mapped to Latin inside words
that are otherwise Latin (`#аd` with a Cyrillic `а`), and curly apostrophes are made straight.
Every character of the normalised text
remembers the raw span it came from, so findings always point into what the user wrote.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

ZERO_WIDTH = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff")

# Cyrillic and Greek letters that render like Latin ones (Unicode confusables, the common subset).
HOMOGLYPHS = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ɑ": "a",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "τ": "t", "ι": "i", "κ": "k",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}
_HOMOGLYPH_TABLE = str.maketrans(HOMOGLYPHS)
# Phones type curly apostrophes ("isn’t", "today’s"); patterns are written with the straight one.
# One character for one, so offsets do not move.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_NON_ASCII_RUN = regex.compile(r"(?s).?[^\x00-\x7f]+")  # with the character before: a base for combining marks
_WORD = regex.compile(r"[#@]?\w+")


@dataclass(frozen=True)
class Normalised:
    """Normalised text with, per character, the raw span it came from (None: identical text)."""

    text: str
    raw_starts: tuple[int, ...] | None = None
    raw_ends: tuple[int, ...] | None = None

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span of the normalised span [start, end)."""
        if self.raw_starts is None or self.raw_ends is None:
            return start, end
        if start >= len(self.raw_starts):
            raw_end = self.raw_ends[-1] if self.raw_ends else 0
            return raw_end, raw_end
        raw_start = self.raw_starts[start]
        return raw_start, (self.raw_ends[end - 1] if end > start else raw_start)

    def changed(self, raw: str, start: int, end: int) -> bool:
        """Whether the raw text of a normalised span differs from it beyond letter case."""
        raw_start, raw_end = self.to_raw(start, end)
        # Canonical composition (an accent typed as a combining mark) is spelling, not disguise.
        written = unicodedata.normalize("NFC", raw[raw_start:raw_end]).translate(_APOSTROPHES)
        return written.casefold() != self.text[start:end].casefold()


_SUSPECT = regex.compile("[" + regex.escape("".join(ZERO_WIDTH) + "".join(HOMOGLYPHS)) + "]")


def normalise(raw: str) -> Normalised:
    # Fast path: ASCII, or text (emoji, accents) that NFKC leaves alone and has nothing to hide.
    if raw.isascii():
        return Normalised(raw)
    if unicodedata.is_normalized("NFKC", raw) and not _SUSPECT.search(raw):
        return Normalised(raw.translate(_APOSTROPHES))
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for run in _NON_ASCII_RUN.finditer(raw):
        if run.start() > done:
            pieces.append(raw[done : run.start()])
            starts.extend(range(done, run.start()))
            ends.extend(range(done + 1, run.start() + 1))
        # Graphemes keep a base letter with its combining marks, so NFKC composes them.
        for grapheme in regex.finditer(r"\X", run.group()):
            folded = "".join(c for c in unicodedata.normalize("NFKC", grapheme.group()) if c not in ZERO_WIDTH)
            pieces.append(folded)
            starts.extend([run.start() + grapheme.start()] * len(folded))
            ends.extend([run.start() + grapheme.end()] * len(folded))
        done = run.end()
    pieces.append(raw[done:])
    starts.extend(range(done, len(raw)))
    ends.extend(range(done + 1, len(raw) + 1))
    text = _map_homoglyphs("".join(pieces)).translate(_APOSTROPHES)
    if len(text) == len(raw) and text == raw.translate(_APOSTROPHES):
        return Normalised(text)
    return Normalised(text, tuple(starts), tuple(ends))


def _map_homoglyphs(text: str) -> str:
    """Map look-alikes only in words made of Latin letters and look-alikes, so real Cyrillic
    and Greek words ("дом", "σας") are left alone."""
    if text.isascii():
        return text

    def fix(word: regex.Match[str]) -> str:
        token = word.group()
        mapped = token.translate(_HOMOGLYPH_TABLE)
        return mapped if mapped != token and mapped.isascii() else token

    return _WORD.sub(fix, text)
