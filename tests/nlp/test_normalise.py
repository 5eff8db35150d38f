"""Normalisation reveals hidden labels and keeps every offset pointing into the raw text."""

from __future__ import annotations

import pytest

from compliance.nlp.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("#a\u200bd", "#ad"),  # zero-width space
        ("#a\u2060d", "#ad"),  # word joiner
        ("#\u0430d", "#ad"),  # Cyrillic а
        ("#\u03b1d", "#ad"),  # Greek α
        ("＃ａｄ", "#ad"),  # full width
        ("#𝗮𝗱", "#ad"),  # mathematical bold
        ("ﬁne", "fine"),  # ligature: one raw character becomes two
        ("cafe\u0301", "café"),  # combining accent composes
    ],
)
def test_hidden_labels_are_revealed(raw, expected):
    assert normalise(raw).text == expected


@pytest.mark.parametrize("raw", ["plain ascii #ad", "emoji 💕✨ and café", "", "дом и сад", "Ελλάδα"])
def test_text_with_nothing_to_hide_is_unchanged(raw):
    norm = normalise(raw)
    assert norm.text == raw
    assert norm.to_raw(0, len(raw)) == (0, len(raw))


def test_real_cyrillic_and_greek_words_are_left_alone():
    assert normalise("купить сок #сок").text == "купить сок #сок"
    assert normalise("σας").text == "σας"


def test_offsets_map_back_to_the_raw_text():
    raw = "Hey ＃ａｄ and #a\u200bd and ﬁne #𝗮𝗱!"
    norm = normalise(raw)
    for label in ("#ad",):
        start = 0
        found = []
        while (i := norm.text.find(label, start)) >= 0:
            found.append(raw.__getitem__(slice(*norm.to_raw(i, i + len(label)))))
            start = i + 1
        assert found == ["＃ａｄ", "#a\u200bd", "#𝗮𝗱"]
    i = norm.text.index("fine")
    assert raw[slice(*norm.to_raw(i, i + 4))] == "ﬁne"


def test_changed_tells_obfuscation_from_case():
    raw = "#AD and #\u0430d"
    norm = normalise(raw)
    assert not norm.changed(raw, 0, 3)
    i = norm.text.rindex("#ad")
    assert norm.changed(raw, i, i + 3)


def test_empty_span_at_the_end():
    raw = "ok #a\u200bd"
    norm = normalise(raw)
    assert norm.to_raw(len(norm.text), len(norm.text)) == (len(raw), len(raw))


def test_curly_apostrophes_are_made_straight_without_moving_offsets():
    from compliance.nlp.normalise import normalise

    raw = "this isn’t sponsored, it’s today’s pick ✨"
    norm = normalise(raw)
    assert norm.text == raw.replace("’", "'")
    assert norm.to_raw(5, 10) == (5, 10)
    assert not norm.changed(raw, 5, 10)  # an apostrophe is not a disguise
