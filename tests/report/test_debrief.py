"""The debrief of one game: its numbers, charts, chronology and questions come from that game."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from game.i18n import strings
from game.report.catalog import Catalog
from game.report.debrief import debrief_html, news_items, write_debrief
from game.report.facts import game_facts
from game.report.loading import load_result, parse_result
from game.report.questions import discussion_questions
from tests.report.helpers import make_result, write_result


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    result = make_result("cn_lab", 3, "efficient", 14, nickname="Ada")
    path = write_result(tmp_path_factory.mktemp("debrief"), "ada", result)
    return result, debrief_html(load_result(path))


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_the_score_and_its_parts_are_the_results(english: tuple[dict, str]) -> None:
    result, html = english
    assert f"{result['score']['total']}/100" in html
    table = html[html.index(strings("en").t("report.score_parts")):]
    for kind, points in result["score"]["parts"].items():
        label = strings("en").t(f"goal.{kind}")
        assert re.search(rf"<td>{re.escape(label)}</td><td class=\"num\">{points}</td>", table), kind


def test_five_charts_are_embedded_as_svg_and_nothing_is_fetched(english: tuple[dict, str]) -> None:
    _, html = english
    assert html.count("<svg") == 5  # capability, cash, users, share prices, compute
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "<script" not in html
    assert "@media print" in html


def test_the_capability_chart_names_the_rivals_of_the_game(english: tuple[dict, str]) -> None:
    result, html = english
    cat = Catalog.shipped("en")
    for rival in result["series"][-1]["rivals"]:
        assert cat.rival(rival) in html


def test_every_event_met_is_in_the_chronology_with_its_sources(english: tuple[dict, str]) -> None:
    result, html = english
    text = _text(html)
    for event in result["events"]:
        assert event["title"] in text
        if event["source"]["record"]:
            assert event["source"]["record"] in text
        if event["source"]["says"]:
            assert event["source"]["says"] in text


def test_the_chronology_shows_the_decisions_of_each_turn(english: tuple[dict, str]) -> None:
    result, html = english
    text = _text(html)
    research = [a["action"]["tech"] for a in result["actions"] if a["action"]["type"] == "research"]
    cat = Catalog.shipped("en")
    for tech in research:
        assert strings("en").t("report.act.research", tech=cat.tech(tech)) in text


def test_three_questions_drawn_from_the_game(english: tuple[dict, str]) -> None:
    result, html = english
    doc = parse_result(result)
    cat = Catalog.shipped("en")
    questions = discussion_questions(game_facts(doc, cat), doc, cat)
    assert len(questions) == 3
    start = html.index('<ol class="questions">')
    block = html[start:html.index("</ol>", start)]
    assert block.count("<li>") == 3
    for q in questions:
        assert q.ask in _text(block) and q.fact in _text(block)


def test_a_bankrupt_game_is_asked_about_its_bankruptcy_first() -> None:
    result = make_result("cn_lab", 3, "aggressive", 14)
    last = result["series"][-1]["date"]
    result["outcome"] = result["sides"]["cn"]["outcome"] = "bankrupt"
    doc = parse_result(result)
    cat = Catalog.shipped("en")
    first = discussion_questions(game_facts(doc, cat), doc, cat)[0]
    assert first.key == "bankrupt"
    assert last[:7] in first.fact


def test_grey_market_purchases_lead_to_a_question_about_them() -> None:
    result = make_result("cn_lab", 3, "cautious", 14)
    turn = result["series"][2]["turn"]
    result["actions"].append({"turn": turn, "side": "cn",
                              "action": {"type": "buy_chips", "chip": "a100", "count": 250, "grey": True}})
    doc = parse_result(result)
    cat = Catalog.shipped("en")
    facts = game_facts(doc, cat)
    assert facts.grey_chips >= 250
    keys = [q.key for q in discussion_questions(facts, doc, cat)]
    assert "grey" in keys


def test_chips_bought_before_a_ban_are_a_stockpile() -> None:
    result = make_result("cn_lab", 3, "cautious", 14)
    cat = Catalog.shipped("en")
    bans = [e for e in result["events"] if cat.bans(e["id"])[0]]
    if not bans:
        pytest.skip("no export ban fired in this short game")
    ban = bans[0]
    chip = cat.bans(ban["id"])[0][0]
    result["actions"].insert(0, {"turn": 0, "side": "cn",
                                 "action": {"type": "buy_chips", "chip": chip, "count": 1234, "grey": False}})
    facts = game_facts(parse_result(result), cat)
    pile = next(p for p in facts.stockpiles if p.chip == chip)
    assert pile.count >= 1234 and pile.event == ban["id"]


def test_news_items_are_numbered_once_per_event_in_a_two_lab_game() -> None:
    doc = parse_result(make_result("head_to_head", 3, "random", 6))
    items = news_items(doc)
    assert [i.number for i in items] == list(range(1, len(items) + 1))
    assert len({(i.row.turn, i.row.id) for i in items}) == len(items)


def test_a_two_lab_debrief_shows_both_labs(tmp_path: Path) -> None:
    result = make_result("head_to_head", 3, "random", 6)
    html = debrief_html(load_result(write_result(tmp_path, "pair", result)))
    for side in result["sides"].values():
        assert side["name"] in html
        assert f"{side['score']['total']}/100" in html


def test_the_french_debrief_is_in_french(tmp_path: Path) -> None:
    result = make_result("cn_lab", 3, "efficient", 14, lang="fr")
    html = debrief_html(load_result(write_result(tmp_path, "fr", result)))
    assert '<html lang="fr">' in html
    fr = strings("fr")
    for key in ("report.questions", "report.chronology", "report.score_parts", "report.charts"):
        assert fr.t(key) in unescape(html)
    assert "Three questions" not in html
    assert result["events"][0]["title"] in unescape(html)  # the cards, in French too


def test_the_language_can_be_chosen_for_a_game_played_in_another(tmp_path: Path) -> None:
    result = make_result("cn_lab", 3, "efficient", 14, lang="en")
    html = debrief_html(load_result(write_result(tmp_path, "en", result)), "fr")
    assert strings("fr").t("report.questions") in unescape(html)


def test_the_end_screen_can_write_a_debrief_from_its_result(tmp_path: Path) -> None:
    result = make_result("us_lab", 3, "cautious", 8, nickname="Kit")
    path = write_debrief(result, tmp_path / "kit.html", "fr")
    html = path.read_text(encoding="utf-8")
    assert "Débriefing\xa0: Kit" in unescape(html) and f"{result['score']['total']}/100" in html
