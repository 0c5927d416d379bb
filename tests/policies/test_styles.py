"""The playtest panel's styles: each plays to the end, answers cards by its stated preference, and does
what its name says (buys ahead of bans, smuggles, releases open and cheap, lobbies)."""

from __future__ import annotations

import pytest

from game.content.loader import load_content
from game.engine import actions as a
from game.engine.game import Game
from game.match import play_game
from game.policies import PANEL, POLICIES, make_policy
from game.policies.preferences import Preference, best_choice
from game.policies.styles import STYLES


@pytest.fixture(scope="module")
def cn_game() -> Game:
    return Game(load_content(), "cn_lab")


def taken(game: Game, seed: int, policy: str) -> list[a.Action]:
    played = play_game(game, seed=seed, policies={"cn": make_policy(policy, seed)})
    return [entry.action for entry in played.log if entry.side == "cn"]


def test_every_style_is_registered_and_in_the_panel() -> None:
    for cls in STYLES:
        assert POLICIES[cls.name] is cls and cls.name in PANEL
    assert "search" in POLICIES and "search" not in PANEL


def test_card_answers_follow_the_stated_preference(cn_game: Game) -> None:
    offered = ["buy_smuggled", "refuse_smuggled"]
    assert best_choice(cn_game, "smuggler_offer", offered, make_policy("smuggle", 1).preference) == "buy_smuggled"
    assert best_choice(cn_game, "smuggler_offer", offered, make_policy("lobby", 1).preference) == "refuse_smuggled"
    # A preference that values nothing takes the first answer (ties go to the first listed).
    assert best_choice(cn_game, "smuggler_offer", offered, Preference(*[0] * 9)) == "buy_smuggled"


def test_stockpile_buys_chips_under_an_announced_ban(cn_game: Game) -> None:
    played = play_game(cn_game, seed=3, policies={"cn": make_policy("stockpile", 3)})
    bought_doomed = []
    for entry in played.log:
        action = entry.action
        if isinstance(action, a.BuyChips) and entry.side == "cn":
            bought_doomed.append(action.chip)
    # the A100 ban of October 2022 is announced before it bites: the stockpiler buys A100s meanwhile
    assert "a100" in bought_doomed


def test_smuggle_uses_the_grey_market_and_open_cheap_releases_open_at_the_lowest_price(cn_game: Game) -> None:
    assert any(isinstance(x, a.BuyChips) and x.grey for x in taken(cn_game, 4, "smuggle"))
    releases = [x for x in taken(cn_game, 4, "open_cheap") if isinstance(x, a.Release)]
    assert releases and all(x.open_weights for x in releases)
    assert min(x.price_cents for x in releases) == min(p for p in (100, 219, 500, 1000, 2000, 6000)
                                                        if any(r.price_cents == p for r in releases))
    assert any(isinstance(x, a.Lobby) for x in taken(cn_game, 4, "lobby"))


@pytest.mark.parametrize("policy", [cls.name for cls in STYLES])
def test_same_seed_same_game(cn_game: Game, policy: str) -> None:
    assert taken(cn_game, 9, policy) == taken(cn_game, 9, policy)


def test_adaptive_opens_its_weights_while_it_trails_and_closes_them_once_it_leads() -> None:
    game = Game(load_content(), "us_lab", record=False)
    policy = make_policy("adaptive", 1)
    state = game.new_game(1)
    while isinstance(game.legal_actions(state)[0], a.Choose):  # the news of the first turn answered
        game.apply_in_place(state, game.legal_actions(state)[0])
    lab = state.labs["us"]
    best_rival = max(r.capability for r in state.rivals if r.active)
    for capability, opens in ((best_rival - 100, True), (best_rival + 100, False)):
        lab.capability = capability
        lab.released = capability - 500  # a better model to release
        release = policy.release_style(game, state, lab, game.legal_actions(state))
        assert isinstance(release, a.Release) and release.open_weights is opens
    assert release.price_cents == policy.release_price  # closed: at its mid price
