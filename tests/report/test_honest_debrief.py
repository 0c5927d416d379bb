"""The debrief is honest and short: automatic choices and invented events are labelled, the first page
holds the outcome, three questions and the path beside the real one, questions cover the goals."""

from __future__ import annotations

from html import unescape
from pathlib import Path

from game.content.loader import load_content
from game.engine.game import Game
from game.match import play_game
from game.report.catalog import Catalog
from game.report.debrief import debrief_html
from game.report.facts import game_facts
from game.report.loading import LoadedResult, parse_result
from game.report.questions import GOALS, discussion_questions
from game.results import build_result, result_file_name


def _lesson(seed: int, policy: str, nickname: str | None = None, lang: str = "fr") -> LoadedResult:
    game = Game(load_content(), "cn_lab", {"lesson_turns": 12})
    played = play_game(game, seed, {"cn": policy})
    result = build_result(game, played.state, played.log, {"cn": "human"}, lang=lang, nickname=nickname)
    return LoadedResult(Path("x.json"), nickname or "x", parse_result(result))


def test_first_page_order_and_appendix() -> None:
    html = unescape(debrief_html(_lesson(1, "efficient", "Léa"))).replace("\u00a0", " ").replace("\u202f", " ")
    order = [html.index(x) for x in ("Débriefing : Léa", "Trois questions", "Votre parcours à côté du vrai",
                                     "Comment le score", 'class="appendix"', "Annexe")]
    assert order == sorted(order)
    assert "joué par : un élève" in html and "human" not in html
    assert "Les joueurs ont pris la main en 2024-01" in html


def test_automatic_choices_and_invented_events_are_never_the_students_nor_history() -> None:
    loaded = _lesson(2, "cautious")
    doc = loaded.doc
    assert all(e.auto for e in doc.events if e.choice and e.turn < doc.first_turn)
    facts = game_facts(doc, Catalog.shipped("fr"))
    generic = {e.id for e in doc.events if e.kind == "generic"}
    assert all(c.historical is None for c in facts.choices if c.event in generic)
    assert all(c.date >= "2024-01" for c in facts.choices)  # nothing before the players took over


def test_a_class_gets_questions_from_every_goal() -> None:
    cat = Catalog.shipped("en")
    keys: set[str] = set()
    for seed, policy, nick in [(s, p, f"n{s}{p}") for s in range(3) for p in ("efficient", "cautious", "aggressive")]:
        doc = _lesson(seed, policy, nick, "en").doc
        questions = discussion_questions(game_facts(doc, cat), doc, cat)
        assert len(questions) == 3 and len({q.key for q in questions}) == 3
        keys |= {q.key for q in questions}
    goal_keys = {
        "bans": {"grey", "stockpile", "ban_no_stockpile", "bans_general"},
        "cost": {"bankrupt", "training_bill", "cost_general"},
        "shock": {"nvidia", "shock_general"},
        "prices": {"open_release", "cheap_closed", "expensive", "never_released", "prices_general"},
        "trust": {"trust", "trust_general"},
    }
    assert set(goal_keys) == set(GOALS)
    covered = {goal for goal, ks in goal_keys.items() if ks & keys}
    assert len(covered) >= 4, covered


def test_file_names_keep_accents_and_differ_per_game() -> None:
    a, b = _lesson(1, "efficient", "Léa").doc, _lesson(2, "efficient", "Léa").doc  # two games, one nickname
    name_a = result_file_name(a.model_dump())
    assert "léa" in name_a and name_a != result_file_name(b.model_dump())
    anonymous = [result_file_name({**doc.model_dump(), "nickname": None}) for doc in (a, b)]
    assert anonymous[0] != anonymous[1]
