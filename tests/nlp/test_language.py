"""Language identification on short, emoji-heavy posts, Vietnamese with and without diacritics,
and the pipelines of every supported language."""

from __future__ import annotations

import pytest

from compliance.nlp.language import detect
from compliance.nlp.pipeline import pipeline


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("obsessed with this serum 😍😍 #ad", "en"),
        ("cream so good ngl", "en"),
        ("Trop hâte de vous montrer ça 😍 #pub", "fr"),
        ("Collab avec @marque 💄", "fr"),
        ("Me encanta esta crema, código ANA10 ✨", "es"),
        ("Werbung | mein neues Lieblingsparfum ✨", "de"),
        ("Đây là thực phẩm bảo vệ sức khỏe 🌿", "vi"),
        ("sữa này ngon", "vi"),
        # Typed without diacritics, as Vietnamese users often do.
        ("#quangcao sua rua mat nay dung la tot nhat 😍 mua ngay", "vi"),
        ("thuc pham bao ve suc khoe nay khong phai la thuoc", "vi"),
    ],
)
def test_short_posts(text: str, language: str) -> None:
    assert detect(text) == language


@pytest.mark.parametrize("text", ["😍🔥✨", "#ad", "ad 😍", "@brinlo https://amzn.to/x #gifted", ""])
def test_too_little_to_tell(text: str) -> None:
    assert detect(text) is None


def test_french_accents_are_not_vietnamese() -> None:
    assert detect("Une fenêtre sur le côté, très hâte de goûter") == "fr"


@pytest.mark.parametrize(
    ("language", "text", "tokens"),
    [
        ("fr", "C'est l'été ! #pub", ["C'", "est", "l'", "été", "!", "#pub"]),
        ("es", "¡Me encanta! #publi", ["¡", "Me", "encanta", "!", "#publi"]),
        ("de", "Werbung: mein Parfum. #anzeige", ["Werbung", ":", "mein", "Parfum", ".", "#anzeige"]),
        ("vi", "Quảng cáo: Sữa tốt nhất! #quangcao", ["Quảng", "cáo", ":", "Sữa", "tốt", "nhất", "!", "#quangcao"]),
    ],
)
def test_pipelines_keep_hashtags_whole_and_split_punctuation(language: str, text: str, tokens: list[str]) -> None:
    assert [t.text for t in pipeline(language)(text)] == tokens


def test_lemmas_come_from_each_languages_table() -> None:
    assert [t.lemma_ for t in pipeline("es")("me encanta")] == ["me", "encantar"]
    assert [t.lemma_ for t in pipeline("de")("neues")] == ["neu"]
    assert [t.lemma_ for t in pipeline("vi")("Sữa")] == ["sữa"]  # no table: the lower-cased form
