"""The shipped decks and scenarios: the chronology is complete, bilingual, sourced and well typeset."""

from __future__ import annotations

import re

import pytest

from game.content.loader import load_content
from game.content.models import Event
from game.engine.calendar import turn_dates

#: Every row of CHRONOLOGY.md ("events the articles report"), with the id given there.
ARTICLE_IDS = [
    "highflyer_stockpile", "deepseek_founded", "us_ban_a100_h100", "nvidia_h800_for_china", "huawei_7nm",
    "us_ban_h800", "deepseek_v3", "altman_copy_tweet", "trump_inauguration", "deepseek_r1",
    "appstore_number_one", "nvidia_crash", "nvidia_test_time_scaling", "altman_impressive",
    "hardware_investor_fear", "true_cost_doubts", "distillation_suspicion", "alibaba_qwen", "italy_block",
    "us_policy_response", "efficiency_under_constraint", "ai_democratization",
]
#: The context rows ("not in the articles; mark as such on the card").
CONTEXT_IDS = [
    "chips_act", "chatgpt_launch", "gpt4_release", "deepseek_v2_price_war", "hbm_export_rule",
    "ai_diffusion_rule", "stargate", "h20_licence",
]
SHIPPED_SCENARIOS = ["cn_lab", "us_lab", "head_to_head", "no_export_controls", "early_bans"]


def all_events() -> dict[str, Event]:
    return {e.id: e for deck in load_content().decks.values() for e in deck.events}


def texts(event: Event) -> list[dict[str, str]]:
    """Every localized text on a card: title, text, source notes, choice labels and hints."""
    found = [event.title, event.text]
    if event.source:
        found += [t for t in (event.source.says, event.source.record) if t]
    for choice in event.choices:
        found += [t for t in (choice.label, choice.hint) if t]
    return found


def test_at_least_sixty_events_with_unique_ids() -> None:
    ids = [e.id for deck in load_content().decks.values() for e in deck.events]
    assert len(ids) >= 60
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("event_id", ARTICLE_IDS)
def test_article_event_is_sourced_from_the_articles(event_id: str) -> None:
    event = all_events()[event_id]
    assert event.kind == "article"
    assert event.source is not None and event.source.articles, "an article event names A0 and/or A1"
    assert not event.source.context
    assert event.date or event.trigger, "dated, or fired by a trigger"


@pytest.mark.parametrize("event_id", CONTEXT_IDS)
def test_context_event_is_marked_as_context(event_id: str) -> None:
    event = all_events()[event_id]
    assert event.kind == "context"
    assert event.source is not None and event.source.context and not event.source.articles
    assert event.source.record, "a context card says what the record says"
    assert event.date


@pytest.mark.parametrize("event_id", ARTICLE_IDS + CONTEXT_IDS)
def test_chronology_cards_have_english_and_french(event_id: str) -> None:
    event = all_events()[event_id]
    assert event.source.says or event.source.record
    for text in texts(event):
        assert text.get("en") and text.get("fr"), f"{event_id}: {text}"


def test_every_text_of_every_deck_has_french() -> None:
    missing = [e.id for e in all_events().values() for t in texts(e) if not t.get("fr")]
    assert not missing


def test_the_articles_figures_are_on_the_cards() -> None:
    events = all_events()
    v3 = events["deepseek_v3"]
    assert "2.788M" in v3.text["en"] and "$5.576M" in v3.text["en"]
    assert "2,788" in v3.text["fr"] and "5,576" in v3.text["fr"]
    assert "$2.19" in events["deepseek_r1"].text["en"] and "96%" in events["deepseek_r1"].text["en"]
    assert "$589" in events["nvidia_crash"].title["en"] and "17%" in events["nvidia_crash"].text["en"]
    assert "September 2022" in events["us_ban_a100_h100"].source.says["en"]
    assert "26 Aug 2022" in events["us_ban_a100_h100"].source.record["en"]


def test_the_crash_and_app_store_react_to_the_players_cheap_model() -> None:
    events = all_events()
    dump = events["appstore_number_one"].model_dump_json()
    assert '"owner":"player"' in dump and '"owner":"self"' in dump
    # The crash is the market model's (game/engine/market.py), whoever releases: the card is its news,
    # moves no share price itself, and asks the lab that caused it what to do.
    crash = events["nvidia_crash"]
    assert crash.model_dump()["trigger"] == {"verb": "flag", "name": "cheap_ai_shock"}
    assert not any(effect.verb in ("stocks", "market") for effect in crash.effects)
    assert '"owner":"self"' in crash.model_dump_json()


def test_choices_have_a_hint_and_at_most_one_historical() -> None:
    for event in all_events().values():
        assert sum(c.historical for c in event.choices) <= 1, event.id
        for choice in event.choices:
            assert choice.hint, f"{event.id}/{choice.id} needs a hint saying the visible consequence"


# A space (not a non-breaking one) before French high punctuation, or inside « », or in 5,6 M$.
_BAD_FRENCH = re.compile(r" [:;?!»%]|« |\d (M\$|Md\$|\$)")


def test_french_typography() -> None:
    bad = [(e.id, t["fr"]) for e in all_events().values() for t in texts(e) if _BAD_FRENCH.search(t["fr"])]
    for scenario in load_content().scenarios.values():
        bad += [(scenario.id, t["fr"]) for t in (scenario.title, scenario.description)
                if _BAD_FRENCH.search(t["fr"])]
    assert not bad


@pytest.mark.parametrize("scenario_id", SHIPPED_SCENARIOS)
def test_scenario_description_states_its_length_and_goals(scenario_id: str) -> None:
    scenario = load_content().scenario(scenario_id)
    turns = len(turn_dates(scenario.calendar))
    assert f"{turns} turns" in scenario.description["en"]
    assert f"{turns} tours" in scenario.description["fr"]
    assert f"{scenario.minutes} minutes" in scenario.description["en"]
    assert "Goals" in scenario.description["en"] and "Objectifs" in scenario.description["fr"]
    assert all(goal.label and goal.label.get("fr") for goal in scenario.goals)


def test_what_if_scenarios_change_the_bans() -> None:
    content = load_content()
    assert "us_ban_a100_h100" in content.scenario("no_export_controls").remove_events
    early = content.scenario("early_bans")
    assert "us_ban_a100_h100" in early.remove_events and "whatif" in early.decks


def test_a_trap_must_say_why_in_its_hint() -> None:
    from pydantic import ValidationError

    from game.content.models import Choice

    label = {"en": "Decline", "fr": "Refuser"}
    assert Choice(id="no", label=label, hint={"en": "the ban closes the door", "fr": "l'interdiction ferme la porte"},
                  trap=True).trap
    with pytest.raises(ValidationError, match="its 'hint' must say why"):
        Choice(id="no", label=label, trap=True)
