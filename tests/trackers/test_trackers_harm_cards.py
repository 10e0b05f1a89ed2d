"""The harm-reduction cards: complete in both languages, sourced, and free of method details."""

from __future__ import annotations

import re

from coach.trackers import harm

# Words that would describe means or methods of self-harm: never in these cards.
METHOD_WORDS = [
    "razor",
    "blade",
    "knife",
    "lighter",
    "ligature",
    "vein",
    "artery",
    "wrist",
    "how to cut",
    "deeper",
    "rasoir",
    "lame",
    "couteau",
    "briquet",
    "veine",
    "artère",
    "poignet",
]


def test_every_topic_the_issue_asks_for_has_its_cards():
    ids = {c.id for c in harm.cards()}
    assert {"not-alone", "mixing", "naloxone", "help-and-checking"} <= ids  # substances
    assert {"wound-care", "when-to-get-help"} <= ids  # self-harm
    assert "alcohol-withdrawal" in ids
    assert harm.topics()[:3] == ["substances", "alcohol", "self-harm"]


def test_cards_are_short_in_both_languages_and_sourced():
    for card in harm.cards():
        for lang in ("en", "fr"):
            assert card.title[lang] and card.body[lang]
            assert len(card.body[lang].split()) < 200, (card.id, lang)
        assert card.sources and all(s.url.startswith("https://") for s in card.sources)
        assert {s.lang for s in card.sources} == {"en", "fr"}, card.id


def test_self_harm_cards_hold_care_never_methods():
    for card in harm.select("self-harm"):
        for lang in ("en", "fr"):
            text = (card.title[lang] + " " + card.body[lang]).lower()
            for word in METHOD_WORDS:
                assert not re.search(rf"\b{re.escape(word)}\b", text), (card.id, lang, word)


def test_the_self_harm_card_says_when_to_go_to_emergency():
    card = next(c for c in harm.cards() if c.id == "when-to-get-help")
    assert "emergency" in card.body["en"] and "10 minutes" in card.body["en"]
    assert "urgences" in card.body["fr"] and "10 minutes" in card.body["fr"]


def test_the_alcohol_card_warns_that_stopping_suddenly_needs_a_doctor():
    card = next(c for c in harm.cards() if c.id == "alcohol-withdrawal")
    assert "doctor" in card.body["en"] and "seizure" in card.body["en"]
    assert "médecin" in card.body["fr"] and "convulsions" in card.body["fr"]
    assert any("nhs.uk" in s.url or "nice.org.uk" in s.url for s in card.sources)


def test_select_accepts_topics_ids_and_french_names():
    assert [c.id for c in harm.select("naloxone")] == ["naloxone"]
    assert harm.select("alcool") == harm.select("alcohol")
    assert harm.select("automutilation") == harm.select("self-harm")
