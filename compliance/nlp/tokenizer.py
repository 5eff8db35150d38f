"""spaCy's rule-based tokenizer, with its special cases loaded as texts need them.

A language's tokenizer exceptions ("don't" -> "do" + "n't", "a.m.", ":)") are about 1,300
special cases, and spaCy spends over 100 ms adding them when a pipeline is built: more than
checking a whole draft. A special case can only change how a text is split when its key occurs
in that text, so this tokenizer adds each one the first time a text contains its key (found for
all keys at once by an Aho-Corasick automaton). The tokens are the same as with every special
case loaded up front; a test compares the two.

Scanning for keys costs a little on every text, so after EAGER_AFTER texts (a batch job, not a
single draft) the remaining special cases are all added and the scanning stops.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

import ahocorasick
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

EAGER_AFTER = 200


class LazySpecialCases:
    """Wraps a spaCy Tokenizer built without special cases; adds them on first sight."""

    def __init__(self, tokenizer: Tokenizer, special_cases: Mapping[str, list[dict[Any, str]]]) -> None:
        self.tokenizer = tokenizer
        self.pending = dict(special_cases)
        self.keys = ahocorasick.Automaton()
        for key in special_cases:
            self.keys.add_word(key, key)
        self.keys.make_automaton()
        self.texts_seen = 0

    def __call__(self, text: str) -> Doc:
        if self.pending:
            self.texts_seen += 1
            if self.texts_seen > EAGER_AFTER:
                self._add_all()
            else:
                self._add_cases_in(text)
        return self.tokenizer(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:  # vocab, rules, explain(), … of the real tokenizer
        return getattr(self.tokenizer, name)

    def _add_all(self) -> None:
        self.tokenizer.rules = {**self.tokenizer.rules, **self.pending}
        self.pending.clear()

    def _add_cases_in(self, text: str) -> None:
        for _, key in self.keys.iter(text):
            substrings = self.pending.pop(key, None)
            if substrings is not None:
                self.tokenizer.add_special_case(key, substrings)
