"""A brand's claims register: the claims it can substantiate, with their evidence.

    brand: GlowCo
    claims:
      - text: Clinically shown to improve skin hydration in 4 weeks
        evidence: GC-2025-014 (randomised trial, n=120)
        markets: [us]
        expires: 2027-06-30

A claim in a post is substantiated when its sentence says what an approved claim says: most of
the approved wording's content words appear in it, whatever the order or the small words around
them ("clinically shown to improve hydration in just 4 weeks"). A claim that matches nothing is
reported with the closest approved wording as the suggestion.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .rules.located import YamlError, line_of, load
from .rules.schema import Problem

MATCH_THRESHOLD = 0.75  # share of an approved claim's content words the sentence must contain
SUGGEST_THRESHOLD = 0.3  # below this, no approved wording is close enough to suggest

_WORD = re.compile(r"[\w%$]+")
_STOPWORDS = frozenset(
    "a an the and or of to in on for with by at from is are was were be been it its this that these those "
    "my your our their his her just only very so than as up".split()
)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words without the small ones, with a plural "s" taken off."""
    words = (w.lower() for w in _WORD.findall(text))
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words if w not in _STOPWORDS)


class InvalidRegister(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class ApprovedClaim:
    text: str
    evidence: str
    markets: tuple[str, ...] = ()
    expires: datetime.date | None = None
    line: int = 0

    @property
    def words(self) -> frozenset[str]:
        return content_words(self.text)


@dataclass(frozen=True)
class Verdict:
    approved: ApprovedClaim | None  # the approved claim the sentence makes, if any
    closest: ApprovedClaim | None  # otherwise the nearest approved wording, to suggest


@dataclass(frozen=True)
class ClaimsRegister:
    path: str
    brand: str
    claims: tuple[ApprovedClaim, ...]

    def judge(self, sentence: str, markets: tuple[str, ...] = (), today: datetime.date | None = None) -> Verdict:
        today = today or datetime.date.today()
        words = content_words(sentence)
        scored = []
        for claim in self.claims:
            if claim.expires is not None and claim.expires < today:
                continue
            if markets and claim.markets and not set(markets) & set(claim.markets):
                continue
            wanted = claim.words
            scored.append((len(wanted & words) / len(wanted) if wanted else 0.0, claim))
        if not scored:
            return Verdict(None, None)
        score, best = max(scored, key=lambda pair: pair[0])
        if score >= MATCH_THRESHOLD:
            return Verdict(best, best)
        return Verdict(None, best if score >= SUGGEST_THRESHOLD else None)


def load_register(path: str) -> ClaimsRegister:
    """Read and validate a register; every mistake is reported with its line and field."""
    try:
        source = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InvalidRegister([Problem(path, 1, "", f"cannot read claims register: {reason}")]) from None
    try:
        data, lines = load(source)
    except YamlError as exc:
        raise InvalidRegister([Problem(path, exc.line, "", f"not valid YAML: {exc}")]) from None
    problems: list[Problem] = []

    def problem(where: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(path, line_of(lines, where), ".".join(map(str, where)), message))

    if not isinstance(data, dict):
        raise InvalidRegister([Problem(path, 1, "", "a claims register is a mapping with 'brand' and 'claims'")])
    for key in data:
        if key not in ("brand", "claims"):
            problem((key,), "unknown field (allowed: brand, claims)")
    raw_claims = data.get("claims")
    if not isinstance(raw_claims, list) or not raw_claims:
        problem(("claims",), "needs a list of approved claims")
        raw_claims = []
    claims = [c for i, raw in enumerate(raw_claims) if (c := _claim(raw, ("claims", i), problem, lines)) is not None]
    if problems:
        raise InvalidRegister(problems)
    return ClaimsRegister(path, str(data.get("brand") or ""), tuple(claims))


def _claim(raw: Any, where: tuple[str | int, ...], problem: Any, lines: dict[Any, int]) -> ApprovedClaim | None:
    if not isinstance(raw, dict):
        problem(where, "must be a mapping with text, evidence, markets and expires")
        return None
    for key in raw:
        if key not in ("text", "evidence", "markets", "expires"):
            problem(where + (key,), "unknown field (allowed: text, evidence, markets, expires)")
    text, evidence = raw.get("text"), raw.get("evidence")
    if not isinstance(text, str) or not content_words(text):
        problem(where + ("text",), "is required: the approved wording")
    if not isinstance(evidence, str) or not evidence.strip():
        problem(where + ("evidence",), "is required: a reference to the substantiation on file")
    markets = raw.get("markets") or []
    if not isinstance(markets, list) or not all(isinstance(m, str) for m in markets):
        problem(where + ("markets",), "must be a list of market codes such as [us]")
        markets = []
    expires = raw.get("expires")
    if expires is not None and not isinstance(expires, datetime.date):
        problem(where + ("expires",), "must be a date such as 2027-06-30")
        expires = None
    if not isinstance(text, str) or not isinstance(evidence, str):
        return None
    return ApprovedClaim(text.strip(), evidence.strip(), tuple(m.lower() for m in markets), expires, line_of(lines, where))
