"""The glossary explains every technical word the cards (and the pickers' chips and techniques) use, in both
languages."""

from __future__ import annotations

import re

from game.content.loader import load_content
from game.glossary import LANGUAGES, glossary, terms_in
from game.i18n import strings

#: Technical words a student meets on cards (per language): each must be found by a glossary term.
TECHNICAL = {
    "en": ("FP8", "mixture of experts", "frontier", "distillation", "open weights", "H800", "H20", "A800",
           "export control", "GPU-hour", "test-time", "SMIC", "HBM", "Ascend", "API", "tokens", "benchmark",
           "Entity List", "7 nm"),
    "fr": ("FP8", "mélange d'experts", "frontière", "distillation", "poids ouverts", "H800", "H20", "A800",
           "heures-GPU", "test-time", "SMIC", "HBM", "Ascend", "API", "jetons", "7 nm"),
}


def _card_texts(lang: str) -> list[tuple[str, str]]:
    """(id, every text a student reads on it) for each card, chip and technique."""
    s = strings(lang)
    out = []
    for event in (e for deck in load_content().decks.values() for e in deck.events):
        parts = [s.pick(event.title), s.pick(event.text)]
        for choice in event.choices:
            parts += [s.pick(choice.label), s.pick(choice.hint) if choice.hint else ""]
        if event.source is not None:
            parts += [s.pick(x) for x in (event.source.says, event.source.record) if x]
        out.append((event.id, " ".join(parts)))
    world = load_content().world
    for item in (*world.chips, *world.techs):  # the research and chip pickers' buttons
        out.append((item.id, " ".join([s.pick(x) for x in (item.name, item.description) if isinstance(x, dict)])))
    return out


def test_every_term_has_a_name_and_a_text_in_both_languages() -> None:
    for term in glossary().values():
        for lang in LANGUAGES:
            assert term.name.get(lang, "").strip() and term.text.get(lang, "").strip(), f"{term.id} ({lang})"
            assert set(term.words) <= set(LANGUAGES)
        if term.more:
            assert set(term.more) == set(LANGUAGES), term.id


def test_every_technical_word_of_a_card_has_a_glossary_entry() -> None:
    missing = []
    for lang, words in TECHNICAL.items():
        for event_id, text in _card_texts(lang):
            found = terms_in(text, lang)
            for word in words:
                if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text.replace("\u00a0", " "), re.IGNORECASE):
                    entry = [t for t in terms_in(word, lang) if t in found]
                    if not entry:
                        missing.append(f"{event_id} ({lang}): {word}")
    assert not missing, missing
    used = {t for lang in LANGUAGES for _id, text in _card_texts(lang) for t in terms_in(text, lang)}
    assert {"fp8", "moe", "frontier", "h800", "smic", "distillation"} <= used  # the words the issue names


def test_smic_is_not_read_as_the_minimum_wage() -> None:
    assert "fondeur" in glossary()["smic"].name["fr"]
    assert terms_in("SMIC inscrit sur la liste noire américaine", "fr") == ["smic", "export_control"]


def test_docstring_examples_of_the_glossary_and_the_sources() -> None:
    import doctest

    import game.glossary
    import game.sources

    for module in (game.glossary, game.sources):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__
