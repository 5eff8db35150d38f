"""Which language a post is written in, when it does not say.

lingua (research/toolchain.md: offline, right on short social texts where langdetect is not;
fasttext-based detectors download their model at run time) restricted to the languages we have
pipelines for. Its models load on the first post that needs one, so runs whose posts all name
their language, or whose rule sets need no language, never pay for it.
"""

from __future__ import annotations

import functools

import regex

from ..model import LANGUAGES

MIN_CONFIDENCE = 0.5
# Letters only: hashtags, handles, links and emoji say little about the language and much about
# the platform ("#ad" is in English on a French post as often as not).
_NOISE = regex.compile(r"https?://\S+|www\.\S+|[@#][\w.]+|[^\p{L}\s'’-]+")
# Letters of Vietnamese that French, Spanish and German do not use.
_VIETNAMESE_LETTERS = regex.compile(r"[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", regex.IGNORECASE)
# Vietnamese is often typed without diacritics ("sua rua mat nay tot lam"), which statistical
# detectors trained on written Vietnamese miss; its commonest syllables, unaccented, give it away.
UNACCENTED_VIETNAMESE = frozenset(
    "khong nay la va cua cho voi duoc mot nhung co nguoi thi da roi lam minh ban rat qua nhe nha oi di luon "
    "sieu dep tot nhat mua ngay san pham gia re chi em anh cai nhieu hon dung hang moi ve khi nen ma vi "
    "thuc suc khoe da mat kem sua rua trang min cuc xin chao cac ca nhung duong toi troi ne".split()
)


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when there are too few letters to tell."""
    letters = " ".join(_NOISE.sub(" ", text).split())
    if len(letters) < 3:
        return None
    if _VIETNAMESE_LETTERS.search(letters):  # letters no other supported language uses
        return "vi"
    words = letters.lower().split()
    if len(words) >= 3 and sum(word in UNACCENTED_VIETNAMESE for word in words) / len(words) >= 0.5:
        return "vi"
    values = _detector().compute_language_confidence_values(letters)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return str(values[0].language.iso_code_639_1.name).lower()


@functools.cache
def _detector():  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
