"""Lexicon matching: every match kind, includes, and failures of rule-set patterns."""

from __future__ import annotations

import pytest

from compliance.matching import CompiledLexicons, LexiconSpec, PatternFailure, UrlTerm
from compliance.nlp.normalise import normalise
from compliance.nlp.pipeline import pipeline


def match(specs: list[LexiconSpec], text: str, brands: tuple[str, ...] = ()) -> dict[str, list[str]]:
    compiled = CompiledLexicons(specs, pipeline("en"))
    norm = normalise(text).text
    found = compiled.with_includes(compiled.match(compiled.scan(norm), pipeline("en")(norm), brands))
    return {name: [norm[a:b] for a, b in spans] for name, spans in found.items()}


def test_phrase_is_case_insensitive_and_token_bounded():
    found = match([LexiconSpec("ad", "phrase", ("#ad", "paid partnership"))], "#AD #adidas Paid Partnership #ad.")
    assert found == {"ad": ["#AD", "Paid Partnership", "#ad"]}


def test_lemma_matches_inflections():
    found = match([LexiconSpec("p", "lemma", ("partner with",))], "we partnered with them; partnering with you")
    assert found == {"p": ["partnered with", "partnering with"]}


def test_regex():
    assert match([LexiconSpec("r", "regex", (r"\bcode\s+[A-Z0-9]{4,}",))], "use code JANE20") == {"r": ["code JANE20"]}


@pytest.mark.parametrize(
    ("term", "url", "hit"),
    [
        ("amzn.to", "https://amzn.to/3abc", True),
        ("amzn.to", "https://www.amzn.to/3abc", True),
        ("amzn.to", "https://notamzn.to/3abc", False),
        ("amazon.*?tag", "https://www.amazon.co.uk/dp/B0?tag=me-21", True),
        ("amazon.*?tag", "https://www.amazon.com/dp/B0", False),
        ("amazon.*?tag", "https://amazon.evil.io/x?tag=1", False),
        ("amazon.*/shop/", "amazon.com/shop/jane", True),
        ("*.sjv.io", "https://brand.sjv.io/c/1/2", True),
        ("shareasale.com/r.cfm", "https://shareasale.com/r.cfm?b=1", True),
        ("shareasale.com/r.cfm", "https://shareasale.com/about", False),
        ("?irclickid", "https://shop.example.com/p?irclickid=x", True),
    ],
)
def test_url_terms(term, url, hit):
    found = match([LexiconSpec("aff", "url", (term,))], f"shop here {url}, thanks")
    assert (found == {"aff": [url]}) is hit, found


def test_url_term_parts():
    assert UrlTerm.parse("amazon.*?tag=") == UrlTerm("amazon.*", None, "tag")
    assert UrlTerm.parse("*.sjv.io") == UrlTerm("sjv.io", None, None)


def test_brand_hashtags_need_the_brand_or_camel_case():
    spec = LexiconSpec("tags", "brand_hashtag", ("partner",))
    assert match([spec], "#GlowCoPartner #lifepartner #workoutpartner") == {"tags": ["#GlowCoPartner"]}
    assert match([spec], "#glowcopartner and #lifepartner", brands=("Glow Co",)) == {"tags": ["#glowcopartner"]}
    assert match([spec], "#CrumbAndCoPartner", brands=("Crumb & Co",)) == {"tags": ["#CrumbAndCoPartner"]}
    assert match([spec], "#WorkoutPartner", brands=("Glow Co",)) == {}
    assert match([spec], "#partner") == {}


def test_includes_are_transitive():
    specs = [
        LexiconSpec("a", "phrase", ("#ad",)),
        LexiconSpec("b", "phrase", ("#sponsored",), include=("a",)),
        LexiconSpec("c", "phrase", (), include=("b",)),
    ]
    found = match(specs, "#ad and #sponsored")
    assert found["c"] == ["#ad", "#sponsored"] and found["b"] == ["#ad", "#sponsored"] and found["a"] == ["#ad"]


def test_pattern_that_does_not_compile_is_reported():
    with pytest.raises(PatternFailure, match="does not compile"):
        # Rule sets are validated when loaded; this one skips the loader to reach the matcher.
        match([LexiconSpec("bad", "regex", (r"(ad",))], "an ad x here")


def test_catastrophic_pattern_times_out():
    with pytest.raises(PatternFailure, match="ran out of time"):
        match([LexiconSpec("slow", "regex", (r"^(a|a)*$",))], "a" * 40 + "!")


def test_first_and_rest_together_are_everything(us_ftc):
    """The two-part matching finds exactly what one pass over every lexicon finds."""
    from tests.test_prefilter import texts

    ruleset = us_ftc[0]
    first = [name for name, lexicon in ruleset.lexicons.items() if lexicon.signals or lexicon.denies]
    compiled = CompiledLexicons(ruleset.lexicons.values(), pipeline("en"), first=first)
    assert compiled.first and set(compiled.first) < set(ruleset.lexicons)
    for text in texts()[:400]:
        norm = normalise(text).text
        doc = pipeline("en")(norm)
        scan = compiled.scan(norm)
        parts = compiled.match(scan, doc, part="first"), compiled.match(scan, doc, part="rest")
        assert compiled.with_includes(*parts) == compiled.with_includes(compiled.match(scan, doc)), text


def test_one_lexicon_on_demand_is_what_a_full_pass_finds(us_ftc):
    """spans_of (one second-part lexicon at a time) agrees with matching everything at once."""
    from tests.test_prefilter import texts

    ruleset = us_ftc[0]
    first = [name for name, lexicon in ruleset.lexicons.items() if lexicon.signals or lexicon.denies]
    compiled = CompiledLexicons(ruleset.lexicons.values(), pipeline("en"), first=first)
    later = [name for name in ruleset.lexicons if name not in compiled.first]
    for text in texts()[:300]:
        norm = normalise(text).text
        doc = pipeline("en")(norm)
        scan = compiled.scan(norm)
        everything = compiled.with_includes(compiled.match(scan, doc))
        first_found = compiled.match(scan, doc, part="first")
        for name in later:
            assert compiled.spans_of(scan, doc, (), name, first_found) == everything.get(name, []), (name, text)
