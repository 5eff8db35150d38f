"""Weight and time in words: how fast a text says weight was (or will be) lost.

"lost 20 lbs in 2 weeks" -> 10.0 lb a week; "drop 30 pounds in 30 days" -> 7.0; "lose 5 lbs a
week" -> 5.0; "down a stone in a month" -> 3.25. Used by claim rules with a numeric condition,
such as the FTC's Gut Check: more than 3 lb a week for a month is not a safe claim.
"""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
}
POUNDS_PER_UNIT = {"lb": 1.0, "pound": 1.0, "kg": 2.2046, "kilo": 2.2046, "kilogram": 2.2046, "stone": 14.0, "st": 14.0}
WEEKS_PER_PERIOD = {"day": 1 / 7, "week": 1.0, "wk": 1.0, "month": 4.345}

_NUMBER = r"\d+(?:[.,]\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_UNIT = r"lbs?|pounds?|kgs?|kilos?|kilograms?|stones?|st"
_PERIOD = r"days?|weeks?|wks?|months?"
RATE = re.compile(
    rf"(?P<amount>{_NUMBER})\s*(?P<unit>{_UNIT})\b[^.!?\n\d]{{0,20}}?"
    rf"(?:\b(?:in|within|over|under)\s+(?:just\s+|only\s+|less\s+than\s+)?(?P<count>{_NUMBER})?\s*(?P<period>{_PERIOD})\b"
    rf"|(?:\ba|\bper|\beach|\bevery|/)\s*(?P<each>day|week|wk|month)\b)",
    re.IGNORECASE,
)


def _number(text: str | None) -> float:
    if not text:
        return 1.0
    text = text.lower()
    return float(NUMBER_WORDS[text]) if text in NUMBER_WORDS else float(text.replace(",", "."))


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and word[:-1] in POUNDS_PER_UNIT | WEEKS_PER_PERIOD else word


def pounds_per_week(text: str) -> float | None:
    """The fastest rate of weight change the text states, in pounds a week, or None."""
    rates = []
    for m in RATE.finditer(text):
        pounds = _number(m["amount"]) * POUNDS_PER_UNIT[_singular(m["unit"])]
        if m["each"]:
            weeks = WEEKS_PER_PERIOD[_singular(m["each"])]
        else:
            weeks = _number(m["count"]) * WEEKS_PER_PERIOD[_singular(m["period"])]
        if weeks > 0:
            rates.append(pounds / weeks)
    return max(rates, default=None)
